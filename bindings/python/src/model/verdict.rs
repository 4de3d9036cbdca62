//! `Verdict`: a fact-checker's rating of a claim, and `Rating`, its numeric part.

use std::hash::{Hash, Hasher};

use claimgraph::{Rating, Verdict};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;

use crate::fields::{fields, wrapper};
use pyo3::types::{PyDict, PyTuple};

use super::{apply_changes, number, opt_string, type_name};
use crate::time::when_opt;

wrapper! {
    /// A numeric rating on a scale from `worst` to `best` (schema.org `Rating`):
    /// `Rating(1, best=6, worst=1)`. Scales may run either way.
    PyRating(Rating) as "Rating"
}

fields! {
    PyRating(Rating) as "Rating" {
        /// The rating given.
        value;
        /// The best rating on the scale.
        best,
        /// The worst rating on the scale.
        worst,
    }
    methods {
        /// The rating on a 0 (worst) to 1 (best) scale.
        #[getter]
        fn normalized(&self) -> f64 {
            self.inner.normalized()
        }

        #[new]
        fn new(
            value: &Bound<'_, PyAny>,
            best: &Bound<'_, PyAny>,
            worst: &Bound<'_, PyAny>,
        ) -> PyResult<Self> {
            Ok(PyRating {
                inner: Rating::new(
                    number(value, "rating")?,
                    number(best, "rating")?,
                    number(worst, "rating")?,
                ),
            })
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
}

/// A rating from a `Rating` or a `(value, best, worst)` tuple.
fn rating(obj: &Bound<'_, PyAny>) -> PyResult<Rating> {
    if let Ok(r) = obj.cast::<PyRating>() {
        return Ok(r.get().inner);
    }
    match obj.cast::<PyTuple>() {
        Ok(t) if t.len() == 3 => Ok(Rating::new(
            number(&t.get_item(0)?, "rating")?,
            number(&t.get_item(1)?, "rating")?,
            number(&t.get_item(2)?, "rating")?,
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

wrapper! {
    /// A fact-checker's rating of a claim, compatible with schema.org ClaimReview. The id defaults to
    /// `"{reviewer}:verdict:{claim}"`.
    ///
    /// >>> v = Verdict("politifact", "perry-claim", "False", rating=(1, 6, 1), date="2014-09-12")
    /// >>> v.id, v.rating.normalized, v.truth
    /// ('politifact:verdict:perry-claim', 0.0, 0.0)
    ///
    /// Equal when every field is equal; hashed by id.
    PyVerdict(Verdict) as "Verdict", hash, from_py_object
}

impl Hash for PyVerdict {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.inner.id.hash(state);
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

fields! {
    PyVerdict(Verdict) as "Verdict" {
        /// Who reviewed the claim (a source id).
        reviewer,
        /// The claim reviewed (a claim id).
        claim,
        /// The rating in words ("False", "Mostly true").
        label;
        /// The edge id, unique among all edges.
        id,
        /// The numeric rating (a `Rating`), or `None`.
        rating,
        /// When the review was published (canonical text), or `None`.
        date,
        /// The review's url, or `None`.
        url,
        /// The review's summary, or `None`.
        summary,
    }
    methods {
        /// How true the reviewer found the claim, from 0 (false) to 1 (true): the numeric rating
        /// when there is one, else the label read on the common fact-checking scale; `None` when
        /// neither says.
        #[getter]
        fn truth(&self) -> Option<f64> {
            self.inner.truth()
        }

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
    }
}
