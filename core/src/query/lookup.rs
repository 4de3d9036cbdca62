//! Lookup by name or alias, and text search over claims.

use crate::graph::ClaimGraph;
use crate::model::{Claim, Source};

/// A name as compared by [`ClaimGraph::find_sources`]: lower case (Unicode rules), white space
/// trimmed and collapsed, so that "  South   Korea" and "south korea" are the same name.
fn normalize_name(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The lower-case words of a text: runs of letters and digits (any script), split on white space
/// and punctuation. "Russia's 6,700 containers" gives `russia`, `s`, `6`, `700`, `containers`.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

impl ClaimGraph {
    /// Sources whose name or one of whose aliases is `name`, sorted by id.
    ///
    /// Case is ignored with Unicode rules ("ÉLYSÉE" finds "Élysée"), and white space around and
    /// inside the name does not matter. Only whole names match: "Korea" does not find
    /// "South Korea". A blank `name` finds nothing. Ids are looked up with
    /// [`source`](ClaimGraph::source), not here.
    ///
    /// ```
    /// use claimgraph::{ClaimGraph, Source, SourceKind};
    /// let mut g = ClaimGraph::new();
    /// g.add_source(Source::new("rok", SourceKind::Government, "Republic of Korea").alias("South Korea"))?;
    /// let found = g.find_sources("south  KOREA");
    /// assert_eq!(found.len(), 1);
    /// assert_eq!(found[0].id, "rok");
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn find_sources(&self, name: &str) -> Vec<&Source> {
        let wanted = normalize_name(name);
        if wanted.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<&Source> = self
            .sources()
            .filter(|s| {
                normalize_name(&s.name) == wanted
                    || s.aliases.iter().any(|a| normalize_name(a) == wanted)
            })
            .collect();
        found.sort_by(|a, b| a.id.cmp(&b.id));
        found
    }

    /// Claims whose text contains every word of `query`, sorted by id.
    ///
    /// Words are runs of letters and digits in any script; white space and punctuation separate
    /// them, and case is ignored with Unicode rules. A query word must match a whole word of the
    /// text ("container" does not find "containers"), in any order. A query without words finds
    /// nothing.
    ///
    /// ```
    /// use claimgraph::{ClaimGraph, Claim};
    /// let mut g = ClaimGraph::new();
    /// g.add_claim(Claim::new("containers", "DPRK delivered 6,700 containers of munitions to Russia"))?;
    /// assert_eq!(g.search_claims("russia munitions")[0].id, "containers");
    /// assert!(g.search_claims("ukraine").is_empty());
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn search_claims(&self, query: &str) -> Vec<&Claim> {
        let mut wanted: Vec<String> = words(query).collect();
        wanted.sort_unstable();
        wanted.dedup();
        if wanted.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<&Claim> = self
            .claims()
            .filter(|c| {
                let mut missing: Vec<&str> = wanted.iter().map(String::as_str).collect();
                for w in words(&c.text) {
                    missing.retain(|m| *m != w);
                    if missing.is_empty() {
                        return true;
                    }
                }
                false
            })
            .collect();
        found.sort_by(|a, b| a.id.cmp(&b.id));
        found
    }
}
