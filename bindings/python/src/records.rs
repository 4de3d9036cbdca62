//! `Counts` and `Records`: how many records a graph holds, and all of them as plain lists; and a
//! record of any kind, as `ClaimGraph.add` takes it.

use claimgraph::{
    Attribution, Claim, ClaimGraph, ClaimRelation, Counts, Records, Result, Source, SourceRelation,
    Verdict,
};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::model::{
    type_name, PyAttribution, PyClaim, PyClaimRelation, PySource, PySourceRelation, PyVerdict,
};

/// How many records of each kind a graph holds.
#[pyclass(name = "Counts", module = "claimgraph", frozen, eq)]
#[derive(Clone, PartialEq)]
pub(crate) struct PyCounts {
    pub(crate) inner: Counts,
}

#[pymethods]
impl PyCounts {
    /// Sources.
    #[getter]
    fn sources(&self) -> usize {
        self.inner.sources
    }

    /// Claims.
    #[getter]
    fn claims(&self) -> usize {
        self.inner.claims
    }

    /// Attributions.
    #[getter]
    fn attributions(&self) -> usize {
        self.inner.attributions
    }

    /// Relations between sources.
    #[getter]
    fn source_relations(&self) -> usize {
        self.inner.source_relations
    }

    /// Relations between claims.
    #[getter]
    fn claim_relations(&self) -> usize {
        self.inner.claim_relations
    }

    /// Verdicts.
    #[getter]
    fn verdicts(&self) -> usize {
        self.inner.verdicts
    }

    fn __repr__(&self) -> String {
        let c = &self.inner;
        format!(
            "Counts(sources={}, claims={}, attributions={}, source_relations={}, claim_relations={}, verdicts={})",
            c.sources, c.claims, c.attributions, c.source_relations, c.claim_relations, c.verdicts
        )
    }
}

/// Every record of a graph as tuples, each sorted by id: what the native format writes and what
/// `ClaimGraph.from_records` builds from.
#[pyclass(name = "Records", module = "claimgraph", frozen, eq)]
#[derive(Clone, PartialEq)]
pub(crate) struct PyRecords {
    pub(crate) inner: Records,
}

fn records_of<T: Clone>(
    obj: Option<&Bound<'_, PyAny>>,
    what: &str,
    get: impl Fn(&Bound<'_, PyAny>) -> Option<T>,
) -> PyResult<Vec<T>> {
    let Some(obj) = obj else {
        return Ok(Vec::new());
    };
    obj.try_iter()?
        .map(|item| {
            let item = item?;
            get(&item).ok_or_else(|| {
                PyTypeError::new_err(format!(
                    "{what} must hold {what} records, not {}",
                    type_name(&item)
                ))
            })
        })
        .collect()
}

#[pymethods]
impl PyRecords {
    /// Records from sequences of record objects.
    #[new]
    #[pyo3(signature = (*, sources=None, claims=None, attributions=None, source_relations=None, claim_relations=None, verdicts=None))]
    fn new(
        sources: Option<&Bound<'_, PyAny>>,
        claims: Option<&Bound<'_, PyAny>>,
        attributions: Option<&Bound<'_, PyAny>>,
        source_relations: Option<&Bound<'_, PyAny>>,
        claim_relations: Option<&Bound<'_, PyAny>>,
        verdicts: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        Ok(PyRecords {
            inner: Records {
                sources: records_of(sources, "sources", |o| {
                    o.cast::<PySource>().ok().map(|r| r.get().inner.clone())
                })?,
                claims: records_of(claims, "claims", |o| {
                    o.cast::<PyClaim>().ok().map(|r| r.get().inner.clone())
                })?,
                attributions: records_of(attributions, "attributions", |o| {
                    o.cast::<PyAttribution>()
                        .ok()
                        .map(|r| r.get().inner.clone())
                })?,
                source_relations: records_of(source_relations, "source_relations", |o| {
                    o.cast::<PySourceRelation>()
                        .ok()
                        .map(|r| r.get().inner.clone())
                })?,
                claim_relations: records_of(claim_relations, "claim_relations", |o| {
                    o.cast::<PyClaimRelation>()
                        .ok()
                        .map(|r| r.get().inner.clone())
                })?,
                verdicts: records_of(verdicts, "verdicts", |o| {
                    o.cast::<PyVerdict>().ok().map(|r| r.get().inner.clone())
                })?,
            },
        })
    }

    /// Sources.
    #[getter]
    fn sources<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.inner.sources.iter().cloned().map(PySource::from))
    }

    /// Claims.
    #[getter]
    fn claims<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.inner.claims.iter().cloned().map(PyClaim::from))
    }

    /// Attributions.
    #[getter]
    fn attributions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(
            py,
            self.inner
                .attributions
                .iter()
                .cloned()
                .map(PyAttribution::from),
        )
    }

    /// Relations between sources.
    #[getter]
    fn source_relations<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(
            py,
            self.inner
                .source_relations
                .iter()
                .cloned()
                .map(PySourceRelation::from),
        )
    }

    /// Relations between claims.
    #[getter]
    fn claim_relations<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(
            py,
            self.inner
                .claim_relations
                .iter()
                .cloned()
                .map(PyClaimRelation::from),
        )
    }

    /// Verdicts.
    #[getter]
    fn verdicts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.inner.verdicts.iter().cloned().map(PyVerdict::from))
    }

    fn __repr__(&self) -> String {
        let r = &self.inner;
        format!(
            "<Records: {} source(s), {} claim(s), {} attribution(s), {} source relation(s), {} claim relation(s), {} verdict(s)>",
            r.sources.len(),
            r.claims.len(),
            r.attributions.len(),
            r.source_relations.len(),
            r.claim_relations.len(),
            r.verdicts.len()
        )
    }
}

/// A record of any kind, taken from its Python object.
pub(crate) enum AnyRecord {
    Source(Source),
    Claim(Claim),
    Attribution(Attribution),
    SourceRelation(SourceRelation),
    ClaimRelation(ClaimRelation),
    Verdict(Verdict),
}

impl AnyRecord {
    pub(crate) fn from_py(obj: &Bound<'_, PyAny>) -> PyResult<AnyRecord> {
        if let Ok(r) = obj.cast::<PySource>() {
            Ok(AnyRecord::Source(r.get().inner.clone()))
        } else if let Ok(r) = obj.cast::<PyClaim>() {
            Ok(AnyRecord::Claim(r.get().inner.clone()))
        } else if let Ok(r) = obj.cast::<PyAttribution>() {
            Ok(AnyRecord::Attribution(r.get().inner.clone()))
        } else if let Ok(r) = obj.cast::<PySourceRelation>() {
            Ok(AnyRecord::SourceRelation(r.get().inner.clone()))
        } else if let Ok(r) = obj.cast::<PyClaimRelation>() {
            Ok(AnyRecord::ClaimRelation(r.get().inner.clone()))
        } else if let Ok(r) = obj.cast::<PyVerdict>() {
            Ok(AnyRecord::Verdict(r.get().inner.clone()))
        } else {
            Err(PyTypeError::new_err(format!(
                "add() takes a Source, Claim, Attribution, SourceRelation, ClaimRelation or \
                 Verdict, not {}",
                type_name(obj)
            )))
        }
    }

    pub(crate) fn add_to(self, g: &mut ClaimGraph) -> Result<()> {
        match self {
            AnyRecord::Source(r) => g.add_source(r),
            AnyRecord::Claim(r) => g.add_claim(r),
            AnyRecord::Attribution(r) => g.add_attribution(r),
            AnyRecord::SourceRelation(r) => g.add_source_relation(r),
            AnyRecord::ClaimRelation(r) => g.add_claim_relation(r),
            AnyRecord::Verdict(r) => g.add_verdict(r),
        }
    }
}
