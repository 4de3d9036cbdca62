//! Lookup by name or alias, and text search over claims.

use crate::graph::ClaimGraph;
use crate::matching::{Analyzer, Language};
use crate::model::{Claim, Source};

/// A name as compared by [`ClaimGraph::find_sources`]: lower case (Unicode rules), white space
/// trimmed and collapsed, so that "  South   Korea" and "south korea" are the same name.
fn normalize_name(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
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

    /// Claims whose text contains every content word of `query`, sorted by id.
    ///
    /// Words are compared as the claim index compares them ([`ClaimIndex`](crate::ClaimIndex),
    /// English): folded (case and accents do not matter: "elysee" finds "Élysée") and stemmed
    /// ("interview" finds "interviews", "imprison" finds "imprisoned"), in any order. Common
    /// words ("the", "of") are not required, unless the query has nothing else. A query without
    /// words finds nothing. For ranked, fuzzy matching use
    /// [`similar_claims`](ClaimGraph::similar_claims).
    ///
    /// ```
    /// use claimgraph::{ClaimGraph, Claim};
    /// let mut g = ClaimGraph::new();
    /// g.add_claim(Claim::new("containers", "DPRK delivered 6,700 containers of munitions to Russia"))?;
    /// assert_eq!(g.search_claims("russia munitions")[0].id, "containers");
    /// assert_eq!(g.search_claims("the container")[0].id, "containers");
    /// assert!(g.search_claims("ukraine").is_empty());
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn search_claims(&self, query: &str) -> Vec<&Claim> {
        let analyzer = Analyzer::new(Language::English);
        let stems = |text: &str, content_only: bool| -> Vec<String> {
            let words = analyzer.analyze(text).words;
            let any_content = words.iter().any(|w| !w.common);
            let mut out: Vec<String> = words
                .iter()
                .filter(|w| !(content_only && any_content && w.common))
                .map(|w| analyzer.stem(&w.text).into_owned())
                .collect();
            out.sort_unstable();
            out.dedup();
            out
        };
        let wanted = stems(query, true);
        if wanted.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<&Claim> = self
            .claims()
            .filter(|c| {
                let have = stems(&c.text, false);
                wanted.iter().all(|w| have.binary_search(w).is_ok())
            })
            .collect();
        found.sort_by(|a, b| a.id.cmp(&b.id));
        found
    }
}
