//! `SourceRelation` and `ClaimRelation`: edges between two sources and between two claims.

use std::hash::{Hash, Hasher};

use claimgraph::{ClaimRelation, ClaimRelationKind, SourceRelation, SourceRelationKind};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use super::{
    apply_changes, call_repr, parse_named, to_dict, CLAIM_RELATION_KIND, SOURCE_RELATION_KIND,
};
use crate::time::{when_opt, when_text};

/// A relation from one source to another: `from_` cites, is authored by, is published in, or is
/// affiliated with `to`. The id defaults to `"{from_}:{kind}:{to}"`.
///
/// ```python
/// SourceRelation("putin-op-ed", "authored_by", "putin")
/// ```
///
/// Equal when every field is equal; hashed by id.
#[pyclass(name = "SourceRelation", module = "claimgraph", frozen, eq, hash)]
#[derive(Clone, PartialEq)]
pub(crate) struct PySourceRelation {
    pub(crate) inner: SourceRelation,
}

impl Hash for PySourceRelation {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.inner.id.hash(state);
    }
}

impl From<SourceRelation> for PySourceRelation {
    fn from(inner: SourceRelation) -> Self {
        PySourceRelation { inner }
    }
}

impl PySourceRelation {
    /// The core record from the constructor's (and `ClaimGraph.add_source_relation`'s) arguments.
    pub(crate) fn build(
        from_: String,
        kind: &Bound<'_, PyAny>,
        to: String,
        id: Option<String>,
        date: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<SourceRelation> {
        let mut r =
            SourceRelation::new(from_, parse_named::<SourceRelationKind>(kind, "kind")?, to);
        if let Some(id) = id {
            r.id = id;
        }
        r.date = when_opt(date, "date")?;
        Ok(r)
    }
}

#[pymethods]
impl PySourceRelation {
    #[new]
    #[pyo3(signature = (from_, kind, to, *, id=None, date=None))]
    fn new(
        from_: String,
        kind: &Bound<'_, PyAny>,
        to: String,
        id: Option<String>,
        date: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        PySourceRelation::build(from_, kind, to, id, date).map(Self::from)
    }

    /// The edge id, unique among all edges.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// The source the relation goes from (`from` is a Python keyword).
    #[getter]
    fn from_(&self) -> &str {
        &self.inner.from
    }

    /// What the relation is (a `SourceRelationKind`).
    #[getter]
    fn kind<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        SOURCE_RELATION_KIND.member(py, self.inner.kind.as_str())
    }

    /// The source the relation goes to.
    #[getter]
    fn to(&self) -> &str {
        &self.inner.to
    }

    /// When the relation was recorded (canonical text), or `None`.
    #[getter]
    fn date(&self) -> Option<String> {
        when_text(&self.inner.date)
    }

    /// A copy with the given fields changed (`from_`, `kind`, `to`, `id`, `date`); the id is
    /// kept unless given.
    #[pyo3(signature = (**changes))]
    fn replace(&self, changes: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        let mut r = self.inner.clone();
        apply_changes("SourceRelation", changes, |key, v| {
            match key {
                "id" => r.id = v.extract()?,
                "from_" => r.from = v.extract()?,
                "kind" => r.kind = parse_named(v, "kind")?,
                "to" => r.to = v.extract()?,
                "date" => r.date = when_opt(Some(v), "date")?,
                _ => return Ok(false),
            }
            Ok(true)
        })?;
        Ok(r.into())
    }

    /// The record as the native JSON format writes it (`from`, not `from_`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let r = &self.inner;
        call_repr(
            "SourceRelation",
            &[
                r.from.as_str().into_pyobject(py)?.into_any(),
                r.kind.as_str().into_pyobject(py)?.into_any(),
                r.to.as_str().into_pyobject(py)?.into_any(),
            ],
            &[
                ("id", r.id.as_str().into_pyobject(py)?.into_any()),
                ("date", self.date().into_pyobject(py)?),
            ],
        )
    }
}

/// A relation from one claim to another: `from_` supports, contradicts, specializes, is the same
/// as, or depends on `to`. The id defaults to `"{from_}:{kind}:{to}"`.
///
/// ```python
/// ClaimRelation("containers", "specializes", "ammunition")
/// ```
///
/// Equal when every field is equal; hashed by id.
#[pyclass(name = "ClaimRelation", module = "claimgraph", frozen, eq, hash)]
#[derive(Clone, PartialEq)]
pub(crate) struct PyClaimRelation {
    pub(crate) inner: ClaimRelation,
}

impl Hash for PyClaimRelation {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.inner.id.hash(state);
    }
}

impl From<ClaimRelation> for PyClaimRelation {
    fn from(inner: ClaimRelation) -> Self {
        PyClaimRelation { inner }
    }
}

impl PyClaimRelation {
    /// The core record from the constructor's (and `ClaimGraph.add_claim_relation`'s) arguments.
    pub(crate) fn build(
        from_: String,
        kind: &Bound<'_, PyAny>,
        to: String,
        id: Option<String>,
    ) -> PyResult<ClaimRelation> {
        let mut r = ClaimRelation::new(from_, parse_named::<ClaimRelationKind>(kind, "kind")?, to);
        if let Some(id) = id {
            r.id = id;
        }
        Ok(r)
    }
}

#[pymethods]
impl PyClaimRelation {
    #[new]
    #[pyo3(signature = (from_, kind, to, *, id=None))]
    fn new(
        from_: String,
        kind: &Bound<'_, PyAny>,
        to: String,
        id: Option<String>,
    ) -> PyResult<Self> {
        PyClaimRelation::build(from_, kind, to, id).map(Self::from)
    }

    /// The edge id, unique among all edges.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// The claim the relation goes from (`from` is a Python keyword).
    #[getter]
    fn from_(&self) -> &str {
        &self.inner.from
    }

    /// What the relation is (a `ClaimRelationKind`).
    #[getter]
    fn kind<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        CLAIM_RELATION_KIND.member(py, self.inner.kind.as_str())
    }

    /// The claim the relation goes to.
    #[getter]
    fn to(&self) -> &str {
        &self.inner.to
    }

    /// A copy with the given fields changed (`from_`, `kind`, `to`, `id`); the id is kept unless
    /// given.
    #[pyo3(signature = (**changes))]
    fn replace(&self, changes: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        let mut r = self.inner.clone();
        apply_changes("ClaimRelation", changes, |key, v| {
            match key {
                "id" => r.id = v.extract()?,
                "from_" => r.from = v.extract()?,
                "kind" => r.kind = parse_named(v, "kind")?,
                "to" => r.to = v.extract()?,
                _ => return Ok(false),
            }
            Ok(true)
        })?;
        Ok(r.into())
    }

    /// The record as the native JSON format writes it (`from`, not `from_`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let r = &self.inner;
        call_repr(
            "ClaimRelation",
            &[
                r.from.as_str().into_pyobject(py)?.into_any(),
                r.kind.as_str().into_pyobject(py)?.into_any(),
                r.to.as_str().into_pyobject(py)?.into_any(),
            ],
            &[("id", r.id.as_str().into_pyobject(py)?.into_any())],
        )
    }
}
