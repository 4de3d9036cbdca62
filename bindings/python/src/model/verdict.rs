//! `Verdict`: a fact-checker's rating of a claim, and `Rating`, its numeric part.

use std::hash::{Hash, Hasher};

use claimgraph::{Rating, Verdict};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

use super::{apply_changes, call_repr, opt_string, to_dict, type_name};
use crate::time::{when_opt, when_text};

/// A numeric rating on a scale from `worst` to `best` (schema.org `Rating`):
/// `Rating(1, best=6, worst=1)`. Scales may run either way.
#[pyclass(name = "Rating", module = "claimgraph", frozen, eq)]
#[derive(Clone, PartialEq)]
pub(crate) struct PyRating {
    pub(crate) inner: Rating,
}

#[pymethods]
impl PyRating {
    #[new]
    fn new(value: f64, best: f64, worst: f64) -> Self {
        PyRating {
            inner: Rating::new(value, best, worst),
        }
    }

    /// The rating given.
    #[getter]
    fn value(&self) -> f64 {
        self.inner.value
    }

    /// The best rating on the scale.
    #[getter]
    fn best(&self) -> f64 {
        self.inner.best
    }

    /// The worst rating on the scale.
    #[getter]
    fn worst(&self) -> f64 {
        self.inner.worst
    }

    /// The rating on a 0 (worst) to 1 (best) scale.
    #[getter]
    fn normalized(&self) -> f64 {
        self.inner.normalized()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        call_repr(
            "Rating",
            &[self.inner.value.into_pyobject(py)?.into_any()],
            &[
                ("best", self.inner.best.into_pyobject(py)?.into_any()),
                ("worst", self.inner.worst.into_pyobject(py)?.into_any()),
            ],
        )
    }

    fn __hash__(&self) -> u64 {
        // Equal values hash alike: -0.0 == 0.0, so both hash as 0.0.
        let bits = |v: f64| if v == 0.0 { 0u64 } else { v.to_bits() };
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (
            bits(self.inner.value),
            bits(self.inner.best),
            bits(self.inner.worst),
        )
            .hash(&mut h);
        h.finish()
    }
}

/// A rating from a `Rating` or a `(value, best, worst)` tuple.
fn rating(obj: &Bound<'_, PyAny>) -> PyResult<Rating> {
    if let Ok(r) = obj.cast::<PyRating>() {
        return Ok(r.get().inner);
    }
    match obj.cast::<PyTuple>() {
        Ok(t) if t.len() == 3 => Ok(Rating::new(
            t.get_item(0)?.extract()?,
            t.get_item(1)?.extract()?,
            t.get_item(2)?.extract()?,
        )),
        _ => Err(PyTypeError::new_err(format!(
            "rating must be a Rating or a (value, best, worst) tuple, not {}",
            type_name(obj)
        ))),
    }
}

fn rating_opt(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Rating>> {
    match obj {
        Some(o) if !o.is_none() => rating(o).map(Some),
        _ => Ok(None),
    }
}

/// A fact-checker's rating of a claim, compatible with schema.org ClaimReview. The id defaults to
/// `"{reviewer}:verdict:{claim}"`.
///
/// ```python
/// Verdict("politifact", "perry-claim", "False", rating=(1, 6, 1), date="2014-09-12")
/// ```
///
/// Equal when every field is equal; hashed by id.
#[pyclass(name = "Verdict", module = "claimgraph", frozen, eq, hash)]
#[derive(Clone, PartialEq)]
pub(crate) struct PyVerdict {
    pub(crate) inner: Verdict,
}

impl Hash for PyVerdict {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.inner.id.hash(state);
    }
}

impl From<Verdict> for PyVerdict {
    fn from(inner: Verdict) -> Self {
        PyVerdict { inner }
    }
}

#[allow(clippy::too_many_arguments)]
impl PyVerdict {
    /// The core record from the constructor's (and `ClaimGraph.add_verdict`'s) arguments.
    pub(crate) fn build(
        reviewer: String,
        claim: String,
        label: String,
        id: Option<String>,
        rating: Option<&Bound<'_, PyAny>>,
        date: Option<&Bound<'_, PyAny>>,
        url: Option<String>,
        summary: Option<String>,
    ) -> PyResult<Verdict> {
        let mut v = Verdict::new(reviewer, claim, label);
        if let Some(id) = id {
            v.id = id;
        }
        v.rating = rating_opt(rating)?;
        v.date = when_opt(date, "date")?;
        v.url = url;
        v.summary = summary;
        Ok(v)
    }
}

#[pymethods]
impl PyVerdict {
    #[new]
    #[pyo3(signature = (reviewer, claim, label, *, id=None, rating=None, date=None, url=None, summary=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        reviewer: String,
        claim: String,
        label: String,
        id: Option<String>,
        rating: Option<&Bound<'_, PyAny>>,
        date: Option<&Bound<'_, PyAny>>,
        url: Option<String>,
        summary: Option<String>,
    ) -> PyResult<Self> {
        PyVerdict::build(reviewer, claim, label, id, rating, date, url, summary).map(Self::from)
    }

    /// The edge id, unique among all edges.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// Who reviewed the claim (a source id).
    #[getter]
    fn reviewer(&self) -> &str {
        &self.inner.reviewer
    }

    /// The claim reviewed (a claim id).
    #[getter]
    fn claim(&self) -> &str {
        &self.inner.claim
    }

    /// The rating in words ("False", "Mostly true").
    #[getter]
    fn label(&self) -> &str {
        &self.inner.label
    }

    /// The numeric rating (a `Rating`), or `None`.
    #[getter]
    fn rating(&self) -> Option<PyRating> {
        self.inner.rating.map(|inner| PyRating { inner })
    }

    /// When the review was published (canonical text), or `None`.
    #[getter]
    fn date(&self) -> Option<String> {
        when_text(&self.inner.date)
    }

    /// The review's url, or `None`.
    #[getter]
    fn url(&self) -> Option<&str> {
        self.inner.url.as_deref()
    }

    /// The review's summary, or `None`.
    #[getter]
    fn summary(&self) -> Option<&str> {
        self.inner.summary.as_deref()
    }

    /// How true the reviewer found the claim, from 0 (false) to 1 (true): the numeric rating when
    /// there is one, else the label read on the common fact-checking scale; `None` when neither
    /// says.
    #[getter]
    fn truth(&self) -> Option<f64> {
        self.inner.truth()
    }

    /// A copy with the given fields changed, e.g. `verdict.replace(label="Mostly false")`; the id
    /// is kept unless given.
    #[pyo3(signature = (**changes))]
    fn replace(&self, changes: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        let mut v = self.inner.clone();
        apply_changes("Verdict", changes, |key, val| {
            match key {
                "id" => v.id = val.extract()?,
                "reviewer" => v.reviewer = val.extract()?,
                "claim" => v.claim = val.extract()?,
                "label" => v.label = val.extract()?,
                "rating" => v.rating = rating_opt(Some(val))?,
                "date" => v.date = when_opt(Some(val), "date")?,
                "url" => v.url = opt_string(val)?,
                "summary" => v.summary = opt_string(val)?,
                _ => return Ok(false),
            }
            Ok(true)
        })?;
        Ok(v.into())
    }

    /// The record as the native JSON format writes it (fields that are not set are left out).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let v = &self.inner;
        let rating = v
            .rating
            .map(|r| PyTuple::new(py, [r.value, r.best, r.worst]))
            .transpose()?;
        call_repr(
            "Verdict",
            &[
                v.reviewer.as_str().into_pyobject(py)?.into_any(),
                v.claim.as_str().into_pyobject(py)?.into_any(),
                v.label.as_str().into_pyobject(py)?.into_any(),
            ],
            &[
                ("id", v.id.as_str().into_pyobject(py)?.into_any()),
                ("rating", rating.into_pyobject(py)?),
                ("date", self.date().into_pyobject(py)?),
                ("url", self.url().into_pyobject(py)?),
                ("summary", self.summary().into_pyobject(py)?),
            ],
        )
    }
}
