//! Has this been checked before? The claims similar to a text, with the reasons for each score.

use claimgraph::{DuplicateCandidate, MatchPart, MatchWeights, SimilarClaim, SimilarOptions};
use pyo3::prelude::*;
use pyo3::types::PyTuple;

/// The options of `similar_claims` and `duplicate_candidates`, from their keyword arguments.
/// `weights` maps kinds ("words", "ngrams", "numbers", "names", "links") to weights; kinds left
/// out keep their default weight.
pub(crate) fn similar_options(
    k: usize,
    min_score: f64,
    min_shared_words: usize,
    weights: Option<std::collections::HashMap<String, f64>>,
) -> PyResult<SimilarOptions> {
    let mut w = MatchWeights::default();
    for (kind, value) in weights.unwrap_or_default() {
        let slot = match kind.as_str() {
            "words" => &mut w.words,
            "ngrams" => &mut w.ngrams,
            "numbers" => &mut w.numbers,
            "names" => &mut w.names,
            "links" => &mut w.links,
            other => return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "weights: unknown kind {other:?}; kinds are words, ngrams, numbers, names, links"
            ))),
        };
        *slot = value;
    }
    Ok(SimilarOptions {
        k,
        min_score,
        min_shared_words,
        weights: w,
    })
}

fn parts<'py>(py: Python<'py>, parts: &[MatchPart]) -> PyResult<Bound<'py, PyTuple>> {
    PyTuple::new(py, parts.iter().map(|p| PyMatchPart { inner: p.clone() }))
}

/// One part of a match score: the kind of evidence ("words", "ngrams", "numbers", "names",
/// "links"), what matched, the part's similarity in [0, 1], what it adds to the score, and its
/// share of the score.
#[pyclass(name = "MatchPart", module = "claimgraph", frozen)]
pub(crate) struct PyMatchPart {
    inner: MatchPart,
}

#[pymethods]
impl PyMatchPart {
    /// The kind of evidence: "words", "ngrams", "numbers", "names" or "links".
    #[getter]
    fn kind(&self) -> &'static str {
        self.inner.kind.as_str()
    }

    /// What matched, as the text wrote it; for n-grams, "text word~claim word" pairs.
    #[getter]
    fn matched<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, &self.inner.matched)
    }

    /// The part's similarity, in [0, 1].
    #[getter]
    fn similarity(&self) -> f64 {
        self.inner.similarity
    }

    /// What the part adds to the score.
    #[getter]
    fn score(&self) -> f64 {
        self.inner.score
    }

    /// The part's share of the score, in [0, 1].
    #[getter]
    fn share(&self) -> f64 {
        self.inner.share
    }

    fn __repr__(&self) -> String {
        format!(
            "MatchPart(kind={:?}, matched={:?}, share={:.2})",
            self.inner.kind.as_str(),
            self.inner.matched,
            self.inner.share
        )
    }
}

/// A claim found similar to a text: its id, the score in [0, 1], how many content words it
/// shares with the text, and the parts of the score.
#[pyclass(name = "SimilarClaim", module = "claimgraph", frozen)]
pub(crate) struct PySimilarClaim {
    inner: SimilarClaim,
}

impl From<SimilarClaim> for PySimilarClaim {
    fn from(inner: SimilarClaim) -> Self {
        PySimilarClaim { inner }
    }
}

#[pymethods]
impl PySimilarClaim {
    /// The claim's id.
    #[getter]
    fn claim(&self) -> &str {
        &self.inner.claim
    }

    /// How similar, in [0, 1].
    #[getter]
    fn score(&self) -> f64 {
        self.inner.score
    }

    /// How many distinct content words of the text the claim shares, after stemming.
    #[getter]
    fn shared_words(&self) -> u32 {
        self.inner.shared_words
    }

    /// The parts of the score, one per kind of evidence that contributed.
    #[getter]
    fn parts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        parts(py, &self.inner.parts)
    }

    fn __repr__(&self) -> String {
        format!(
            "SimilarClaim(claim={:?}, score={:.3}, shared_words={})",
            self.inner.claim, self.inner.score, self.inner.shared_words
        )
    }
}

/// Two claims that may be wordings of one claim: `claim` and `other` (ids, `claim` the
/// smaller), the score, the shared content words and the parts of the score.
#[pyclass(name = "DuplicateCandidate", module = "claimgraph", frozen)]
pub(crate) struct PyDuplicateCandidate {
    inner: DuplicateCandidate,
}

impl From<DuplicateCandidate> for PyDuplicateCandidate {
    fn from(inner: DuplicateCandidate) -> Self {
        PyDuplicateCandidate { inner }
    }
}

#[pymethods]
impl PyDuplicateCandidate {
    /// One claim's id (the smaller of the two).
    #[getter]
    fn claim(&self) -> &str {
        &self.inner.claim
    }

    /// The other claim's id.
    #[getter]
    fn other(&self) -> &str {
        &self.inner.other
    }

    /// How similar, in [0, 1].
    #[getter]
    fn score(&self) -> f64 {
        self.inner.score
    }

    /// How many distinct content words they share.
    #[getter]
    fn shared_words(&self) -> u32 {
        self.inner.shared_words
    }

    /// The parts of the score.
    #[getter]
    fn parts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        parts(py, &self.inner.parts)
    }

    fn __repr__(&self) -> String {
        format!(
            "DuplicateCandidate(claim={:?}, other={:?}, score={:.3})",
            self.inner.claim, self.inner.other, self.inner.score
        )
    }
}
