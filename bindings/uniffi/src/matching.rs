//! Has this been checked before? The claims similar to a text, with the reasons for each score.
//!
//! The records are the core's own types, declared to uniffi as remote types: a field added in
//! the core fails this crate's build until it is declared here too, so none is lost on the way.

use claimgraph::{
    DuplicateCandidate, MatchKind, MatchPart, MatchWeights, SimilarClaim, SimilarOptions,
};

use crate::error::Result;
use crate::graph::ClaimGraph;

/// What kind of evidence a part of a match score stands on.
#[uniffi::remote(Enum)]
pub enum MatchKind {
    /// Words shared after stemming, weighted by rarity (BM25).
    Words,
    /// Character n-grams shared: spelling variants, compounds, hashtags.
    Ngrams,
    /// Numbers shared.
    Numbers,
    /// Names shared.
    Names,
    /// Links shared.
    Links,
}

/// One part of a match score: what matched, and how much of the score it makes.
#[uniffi::remote(Record)]
pub struct MatchPart {
    /// The kind of evidence.
    pub kind: MatchKind,
    /// What matched, as the text wrote it; for n-grams, "text word~claim word" pairs.
    pub matched: Vec<String>,
    /// The part's similarity, in [0, 1].
    pub similarity: f64,
    /// What the part adds to the score.
    pub score: f64,
    /// The part's share of the score, in [0, 1].
    pub share: f64,
}

/// A claim found similar to a text.
#[uniffi::remote(Record)]
pub struct SimilarClaim {
    /// The claim's id.
    pub claim: String,
    /// How similar, in [0, 1].
    pub score: f64,
    /// How many distinct content words of the text the claim shares, after stemming.
    pub shared_words: u32,
    /// The parts of the score, one per kind of evidence that contributed.
    pub parts: Vec<MatchPart>,
}

/// Two claims that may be wordings of one claim (candidates for same-as).
#[uniffi::remote(Record)]
pub struct DuplicateCandidate {
    /// One claim's id (the smaller of the two).
    pub claim: String,
    /// The other claim's id.
    pub other: String,
    /// How similar, in [0, 1].
    pub score: f64,
    /// How many distinct content words they share.
    pub shared_words: u32,
    /// The parts of the score.
    pub parts: Vec<MatchPart>,
}

/// How much each kind of evidence weighs in a match score.
#[uniffi::remote(Record)]
pub struct MatchWeights {
    /// Shared words.
    #[uniffi(default = 1.0)]
    pub words: f64,
    /// Shared character n-grams.
    #[uniffi(default = 0.3)]
    pub ngrams: f64,
    /// Shared numbers.
    #[uniffi(default = 0.1)]
    pub numbers: f64,
    /// Shared names.
    #[uniffi(default = 0.1)]
    pub names: f64,
    /// Shared links.
    #[uniffi(default = 0.5)]
    pub links: f64,
}

/// The default weights (the same as the core's).
#[uniffi::export]
pub fn default_match_weights() -> MatchWeights {
    MatchWeights::default()
}

#[uniffi::export]
impl ClaimGraph {
    /// The `k` claims most similar to `text`, best first, each with the reasons for its score;
    /// claims scoring below `min_score` or sharing fewer than `min_shared_words` content words
    /// are left out; `weights` (null: the defaults) says how much each kind of evidence weighs.
    ///
    /// Kotlin: `graph.similarClaims("Did North Korea ship munitions?", 10u, 0.0, 0u, null)`
    pub fn similar_claims(
        &self,
        text: String,
        k: u32,
        min_score: f64,
        min_shared_words: u32,
        weights: Option<MatchWeights>,
    ) -> Result<Vec<SimilarClaim>> {
        let options = SimilarOptions {
            k: k as usize,
            min_score,
            min_shared_words: min_shared_words as usize,
            weights: weights.unwrap_or_default(),
        };
        self.reading(|g| Ok(g.similar_claims_with(&text, &options)))
    }

    /// Pairs of claims that may be wordings of one claim and are not yet linked by same-as,
    /// best first, scoring at least `min_score`; at most `k` per claim.
    pub fn duplicate_candidates(
        &self,
        min_score: f64,
        min_shared_words: u32,
        k: u32,
    ) -> Result<Vec<DuplicateCandidate>> {
        let options = SimilarOptions {
            k: k as usize,
            min_score,
            min_shared_words: min_shared_words as usize,
            weights: MatchWeights::default(),
        };
        self.reading(|g| Ok(g.duplicate_candidates(&options)))
    }
}
