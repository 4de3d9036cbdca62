//! `Counts` and `Records`: how many records a graph holds, and all of them as plain lists; and a
//! record of any kind, as `ClaimGraph.add` takes it.

use claimgraph::{ClaimGraph, Counts, Records, Result};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;

use crate::fields::{fields, wrapper};
use crate::model::{
    type_name, PyAttribution, PyClaim, PyClaimRelation, PySource, PySourceRelation, PyVerdict,
};

wrapper! {
    /// How many records of each kind a graph holds.
    PyCounts(Counts) as "Counts"
}

fields! {
    PyCounts(Counts) as "Counts" {
        ;
        /// Sources.
        sources,
        /// Claims.
        claims,
        /// Attributions.
        attributions,
        /// Relations between sources.
        source_relations,
        /// Relations between claims.
        claim_relations,
        /// Verdicts.
        verdicts,
    }
}

wrapper! {
    /// Every record of a graph as tuples, each sorted by id: what the native format writes and
    /// what `ClaimGraph.from_records` builds from.
    PyRecords(Records) as "Records"
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

fields! {
    PyRecords(Records) as "Records" {
        ;
        /// Sources.
        sources,
        /// Claims.
        claims,
        /// Attributions.
        attributions,
        /// Relations between sources.
        source_relations,
        /// Relations between claims.
        claim_relations,
        /// Verdicts.
        verdicts,
    }
    repr(_py) {
        Ok(format!(
            "<Records: {} source(s), {} claim(s), {} attribution(s), {} source relation(s), {} claim relation(s), {} verdict(s)>",
            sources.len(),
            claims.len(),
            attributions.len(),
            source_relations.len(),
            claim_relations.len(),
            verdicts.len()
        ))
    }
    methods {

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

    }
}

/// A record of any kind, taken from its Python object.
#[derive(FromPyObject)]
pub(crate) enum AnyRecord {
    Source(PySource),
    Claim(PyClaim),
    Attribution(PyAttribution),
    SourceRelation(PySourceRelation),
    ClaimRelation(PyClaimRelation),
    Verdict(PyVerdict),
}

impl AnyRecord {
    pub(crate) fn from_py(obj: &Bound<'_, PyAny>) -> PyResult<AnyRecord> {
        obj.extract().map_err(|_| {
            PyTypeError::new_err(format!(
                "add() takes a Source, Claim, Attribution, SourceRelation, ClaimRelation or \
                 Verdict, not {}",
                type_name(obj)
            ))
        })
    }

    pub(crate) fn add_to(self, g: &mut ClaimGraph) -> Result<()> {
        match self {
            AnyRecord::Source(r) => g.add_source(r.inner),
            AnyRecord::Claim(r) => g.add_claim(r.inner),
            AnyRecord::Attribution(r) => g.add_attribution(r.inner),
            AnyRecord::SourceRelation(r) => g.add_source_relation(r.inner),
            AnyRecord::ClaimRelation(r) => g.add_claim_relation(r.inner),
            AnyRecord::Verdict(r) => g.add_verdict(r.inner),
        }
    }
}
