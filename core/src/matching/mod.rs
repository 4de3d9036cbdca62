//! Has this been checked before? Finding the claims of the record that a new text is about.
//!
//! A [`ClaimIndex`] holds every claim of a graph with the texts the record knows it by (its own
//! words, other wordings through same-as, its fact-checks' summaries, the names of its subjects
//! and named sources, its links). [`ClaimIndex::similar_claims`] ranks the claims against a
//! text on stemmed words (BM25), character n-grams, numbers, names and links, each part of the
//! score explained. No model weights and no network: it runs in-process, offline.

mod index;
mod similar;
mod store;
mod text;

pub use index::{ClaimIndex, IndexOptions};
pub use similar::{
    DuplicateCandidate, MatchKind, MatchPart, MatchWeights, SimilarClaim, SimilarOptions,
};
pub use store::{IndexLoad, INDEX_FORMAT_VERSION};
pub use text::Language;

pub(crate) use text::Analyzer;

use crate::graph::ClaimGraph;
use crate::model::ClaimRelationKind;

impl ClaimGraph {
    /// The `k` claims most similar to `text`, best first, each with the reasons for its score;
    /// see [`ClaimIndex::similar_claims`].
    ///
    /// This builds a [`ClaimIndex`] for the one question; to ask many, build the index once.
    ///
    /// ```
    /// use claimgraph::{ClaimGraph, Claim};
    /// let mut g = ClaimGraph::new();
    /// g.add_claim(Claim::new("containers", "DPRK delivered 6,700 containers of munitions to Russia"))?;
    /// g.add_claim(Claim::new("visit", "Putin visited Pyongyang in June 2024"))?;
    /// let hits = g.similar_claims("Did Putin visit Pyongyang?", 10);
    /// assert_eq!(hits[0].claim, "visit");
    /// assert_eq!(hits.len(), 1);
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn similar_claims(&self, text: &str, k: usize) -> Vec<SimilarClaim> {
        self.similar_claims_with(
            text,
            &SimilarOptions {
                k,
                ..SimilarOptions::default()
            },
        )
    }

    /// The claims most similar to `text` as `options` say (how many, the least score, the
    /// least shared words, the weights); see [`ClaimIndex::similar_claims`].
    pub fn similar_claims_with(&self, text: &str, options: &SimilarOptions) -> Vec<SimilarClaim> {
        ClaimIndex::new(self).similar_claims(text, options)
    }

    /// Pairs of claims that may be wordings of one claim and are not yet linked by same-as,
    /// best first; see [`ClaimIndex::duplicate_candidates`].
    ///
    /// ```
    /// use claimgraph::{ClaimGraph, Claim, ClaimRelation, ClaimRelationKind, SimilarOptions};
    /// let mut g = ClaimGraph::new();
    /// g.add_claim(Claim::new("a", "Bill Gates wants to microchip people with vaccines"))?;
    /// g.add_claim(Claim::new("b", "Bill Gates plans vaccine microchips for people"))?;
    /// let options = SimilarOptions { min_score: 0.3, ..SimilarOptions::default() };
    /// assert_eq!(g.duplicate_candidates(&options).len(), 1);
    /// g.add_claim_relation(ClaimRelation::new("a", ClaimRelationKind::SameAs, "b"))?;
    /// assert!(g.duplicate_candidates(&options).is_empty());
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn duplicate_candidates(&self, options: &SimilarOptions) -> Vec<DuplicateCandidate> {
        self.duplicate_candidates_in(&ClaimIndex::new(self), options)
    }

    /// Like [`duplicate_candidates`](ClaimGraph::duplicate_candidates), on an index of this
    /// graph's claims built (or loaded) beforehand, in any language or weights: the pairs of
    /// `index` not linked by same-as in this graph.
    ///
    /// ```
    /// use claimgraph::{ClaimGraph, ClaimIndex, Claim, IndexOptions, Language, SimilarOptions};
    /// let mut g = ClaimGraph::new();
    /// g.add_claim(Claim::new("a", "Bill Gates veut pucer les gens avec des vaccins"))?;
    /// g.add_claim(Claim::new("b", "Bill Gates va pucer les gens par les vaccins"))?;
    /// let index = ClaimIndex::with_options(&g, IndexOptions { language: Language::French, ..IndexOptions::default() });
    /// let options = SimilarOptions { min_score: 0.3, ..SimilarOptions::default() };
    /// assert_eq!(g.duplicate_candidates_in(&index, &options).len(), 1);
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn duplicate_candidates_in(
        &self,
        index: &ClaimIndex,
        options: &SimilarOptions,
    ) -> Vec<DuplicateCandidate> {
        let linked: hashbrown::HashSet<(String, String)> = self
            .claim_relations()
            .filter(|r| r.kind == ClaimRelationKind::SameAs)
            .map(|r| {
                if r.from < r.to {
                    (r.from, r.to)
                } else {
                    (r.to, r.from)
                }
            })
            .collect();
        index
            .duplicate_candidates(options)
            .into_iter()
            .filter(|c| !linked.contains(&(c.claim.clone(), c.other.clone())))
            .collect()
    }
}
