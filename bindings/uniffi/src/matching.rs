//! Has this been checked before? The claims of a graph similar to a text, with the reasons for
//! each score, and the pairs of claims that may be wordings of one claim.

use claimgraph::{DuplicateCandidate, MatchWeights, SimilarClaim, SimilarOptions};

use crate::error::Result;
use crate::graph::ClaimGraph;

/// The options of a match from a method's arguments; what is null is the core's default
/// (`SimilarOptions::default()`), and a count too large for this platform saturates.
fn options(
    k: Option<u64>,
    min_score: Option<f64>,
    min_shared_words: Option<u64>,
    weights: Option<MatchWeights>,
) -> SimilarOptions {
    let count = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
    SimilarOptions::given(
        k.map(count),
        min_score,
        min_shared_words.map(count),
        weights,
    )
}

/// The weights a match uses unless told otherwise (change one with `copy`).
#[uniffi::export]
pub fn default_match_weights() -> MatchWeights {
    MatchWeights::default()
}

#[uniffi::export]
impl ClaimGraph {
    /// The `k` claims most similar to `text`, best first, each with the parts of its score:
    /// words (stemmed and folded), character n-grams, numbers, names and links. Claims scoring
    /// below `minScore` or sharing fewer than `minSharedWords` content words are left out;
    /// `weights` says what each kind of evidence weighs. Null is the core's default (10
    /// claims, no threshold, `defaultMatchWeights()`).
    #[uniffi::method(default(k = None, min_score = None, min_shared_words = None, weights = None))]
    pub fn similar_claims(
        &self,
        text: String,
        k: Option<u64>,
        min_score: Option<f64>,
        min_shared_words: Option<u64>,
        weights: Option<MatchWeights>,
    ) -> Result<Vec<SimilarClaim>> {
        let options = options(k, min_score, min_shared_words, weights);
        self.reading(|g| Ok(g.similar_claims_with(&text, &options)))
    }

    /// Pairs of claims that may be wordings of one claim and are not yet linked by same-as,
    /// best first, scoring at least `minScore`; at most `k` per claim. Null is the core's
    /// default, as in `similarClaims`.
    #[uniffi::method(default(k = None, min_score = None, min_shared_words = None, weights = None))]
    pub fn duplicate_candidates(
        &self,
        k: Option<u64>,
        min_score: Option<f64>,
        min_shared_words: Option<u64>,
        weights: Option<MatchWeights>,
    ) -> Result<Vec<DuplicateCandidate>> {
        let options = options(k, min_score, min_shared_words, weights);
        self.reading(|g| Ok(g.duplicate_candidates(&options)))
    }
}
