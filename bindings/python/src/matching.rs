//! Has this been checked before? The claims similar to a text, with the reasons for each score.

use std::collections::HashMap;

use claimgraph::{
    DuplicateCandidate, MatchKind, MatchPart, MatchWeights, SimilarClaim, SimilarOptions,
};
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::errors::invalid_input;
use crate::fields::{fields, wrapper, ToPython};

/// The options of `similar_claims` and `duplicate_candidates`, from their keyword arguments;
/// what is not given is the core's default (`SimilarOptions::default()`). `weights` maps a kind's
/// name (`MatchKind::as_str`: "words", "ngrams", "numbers", "names", "links") to its weight;
/// kinds left out keep their default weight.
pub(crate) fn similar_options(
    py: Python<'_>,
    k: Option<usize>,
    min_score: Option<f64>,
    min_shared_words: Option<usize>,
    weights: Option<HashMap<String, f64>>,
) -> PyResult<SimilarOptions> {
    let weights = match weights {
        None => None,
        Some(given) => Some(parse_weights(py, given)?),
    };
    Ok(SimilarOptions::given(
        k,
        min_score,
        min_shared_words,
        weights,
    ))
}

/// Weights by kind name over the defaults; an unknown name is an `InvalidInputError`.
fn parse_weights(py: Python<'_>, given: HashMap<String, f64>) -> PyResult<MatchWeights> {
    let mut w = MatchWeights::default();
    for (name, value) in given {
        let kind: MatchKind = name.parse().map_err(|_| {
            let kinds: Vec<&str> = MatchKind::ALL.iter().map(|k| k.as_str()).collect();
            invalid_input(
                py,
                "weights",
                format!("unknown kind {name:?}; kinds are {}", kinds.join(", ")),
            )
        })?;
        *w.weight_mut(kind) = value;
    }
    Ok(w)
}

/// A kind of evidence is its name: "words", "ngrams", "numbers", "names" or "links".
impl ToPython for MatchKind {
    fn to_python<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyString::new(py, self.as_str()).into_any())
    }
}

wrapper! {
    /// One part of a match score: the kind of evidence, what matched, the part's similarity in
    /// [0, 1], what it adds to the score, and its share of the score.
    PyMatchPart(MatchPart) as "MatchPart"
}

fields! {
    PyMatchPart(MatchPart) as "MatchPart" {
        ;
        /// The kind of evidence: "words", "ngrams", "numbers", "names" or "links".
        kind,
        /// What matched, as the text wrote it; for n-grams, "text word~claim word" pairs.
        matched,
        /// The part's similarity, in [0, 1].
        similarity,
        /// What the part adds to the score.
        score,
        /// The part's share of the score, in [0, 1]; the shares of a match add up to 1.
        share,
    }
}

wrapper! {
    /// A claim found similar to a text: its id, the score in [0, 1], how many content words it
    /// shares with the text, and the parts of the score.
    PySimilarClaim(SimilarClaim) as "SimilarClaim"
}

fields! {
    PySimilarClaim(SimilarClaim) as "SimilarClaim" {
        ;
        /// The claim's id.
        claim,
        /// How similar, in [0, 1].
        score,
        /// How many distinct content words of the text the claim shares, after stemming.
        shared_words,
        /// The parts of the score, one per kind of evidence that contributed.
        parts,
    }
}

wrapper! {
    /// Two claims of the graph that may be wordings of one claim (candidates for same-as).
    PyDuplicateCandidate(DuplicateCandidate) as "DuplicateCandidate"
}

fields! {
    PyDuplicateCandidate(DuplicateCandidate) as "DuplicateCandidate" {
        ;
        /// One claim's id (the smaller of the two).
        claim,
        /// The other claim's id.
        other,
        /// How similar, in [0, 1] (the higher of the two directions).
        score,
        /// How many distinct content words they share.
        shared_words,
        /// The parts of the score.
        parts,
    }
}
