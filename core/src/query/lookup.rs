//! Lookup by name or alias, and text search over claims.

use crate::graph::ClaimGraph;
use crate::matching::{Analyzer, Language};
use crate::model::{Claim, Source};

/// A name as compared by [`ClaimGraph::sources_named`] and [`ClaimGraph::find_sources`]: lower case (Unicode rules), white space
/// trimmed and collapsed, so that "  South   Korea" and "south korea" are the same name.
fn normalize_name(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// How well a normalized name matches a normalized query (see
/// [`ClaimGraph::find_sources`]): 0 best, `None` when it does not match.
fn name_rank(name: &str, query: &str, words: &[&str]) -> Option<u8> {
    if name == query {
        return Some(0);
    }
    let name_words: Vec<&str> = name.split(' ').collect();
    let in_order = |fits: &dyn Fn(&str, &str) -> bool| {
        name_words
            .windows(words.len())
            .any(|w| w.iter().zip(words).all(|(have, want)| fits(have, want)))
    };
    if in_order(&|have, want| have == want) {
        Some(1)
    } else if in_order(&|have, want| have.starts_with(want)) {
        Some(2)
    } else if name.contains(query) {
        Some(3)
    } else {
        None
    }
}

impl ClaimGraph {
    /// Sources whose name or one of whose aliases is exactly `name`, sorted by id. For part of a
    /// name, ranked, see [`find_sources`](ClaimGraph::find_sources).
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
    /// let found = g.sources_named("south  KOREA");
    /// assert_eq!(found.len(), 1);
    /// assert_eq!(found[0].id, "rok");
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn sources_named(&self, name: &str) -> Vec<&Source> {
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

    /// Sources whose name or an alias contains `query`, best match first: what a person
    /// typing part of a name ("church" for "Church of Scientology") is looking for.
    ///
    /// Case is ignored (Unicode rules) and white space collapsed, as in
    /// [`sources_named`](ClaimGraph::sources_named). A source matches in the best of these ways,
    /// over its name and aliases, ranked in this order:
    ///
    /// 1. the whole name or alias is the query;
    /// 2. the query's words are whole words of it, in order ("church" in "Church of
    ///    Scientology");
    /// 3. each query word begins a word of it, in order ("scient" in "Church of Scientology");
    /// 4. the query appears anywhere in it ("ology").
    ///
    /// Within a rank, shorter names come first (the closer match), then ids. A blank query
    /// finds nothing.
    ///
    /// ```
    /// use claimgraph::{ClaimGraph, Source, SourceKind};
    /// let mut g = ClaimGraph::new();
    /// g.add_source(Source::new("cos", SourceKind::Organization, "Church of Scientology"))?;
    /// g.add_source(Source::new("church", SourceKind::Organization, "Church").alias("The Church"))?;
    /// g.add_source(Source::new("chu", SourceKind::Person, "Chu Hsi"))?;
    /// let ids: Vec<&str> = g.find_sources("church").iter().map(|s| s.id.as_str()).collect();
    /// assert_eq!(ids, ["church", "cos"]);
    /// assert_eq!(g.find_sources("scient")[0].id, "cos");
    /// assert_eq!(g.find_sources("chu").len(), 3);
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn find_sources(&self, query: &str) -> Vec<&Source> {
        let wanted = normalize_name(query);
        if wanted.is_empty() {
            return Vec::new();
        }
        let words: Vec<&str> = wanted.split(' ').collect();
        let mut found: Vec<(u8, usize, &Source)> = self
            .sources()
            .filter_map(|s| {
                std::iter::once(&s.name)
                    .chain(&s.aliases)
                    .filter_map(|n| {
                        let n = normalize_name(n);
                        name_rank(&n, &wanted, &words).map(|r| (r, n.chars().count()))
                    })
                    .min()
                    .map(|(r, len)| (r, len, s))
            })
            .collect();
        found.sort_by(|a, b| (a.0, a.1, &a.2.id).cmp(&(b.0, b.1, &b.2.id)));
        found.into_iter().map(|(_, _, s)| s).collect()
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
