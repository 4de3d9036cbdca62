//! `SourceRelation` and `ClaimRelation`: edges between two sources and between two claims.

use std::hash::{Hash, Hasher};

use claimgraph::{ClaimRelation, ClaimRelationKind, SourceRelation, SourceRelationKind};
use pyo3::prelude::*;

use crate::fields::{fields, wrapper};
use pyo3::types::PyDict;

use super::{apply_changes, parse_named};
use crate::time::when_opt;

wrapper! {
    /// A relation from one source to another: `from_` cites, is authored by, is published in, or is
    /// affiliated with `to`. The id defaults to `"{from_}:{kind}:{to}"`.
    ///
    /// >>> SourceRelation("putin-op-ed", "authored_by", "putin").id
    /// 'putin-op-ed:authored_by:putin'
    ///
    /// Equal when every field is equal; hashed by id.
    PySourceRelation(SourceRelation) as "SourceRelation", hash, from_py_object
}

impl Hash for PySourceRelation {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.inner.id.hash(state);
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
        since: Option<&Bound<'_, PyAny>>,
        until: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<SourceRelation> {
        let mut r =
            SourceRelation::new(from_, parse_named::<SourceRelationKind>(kind, "kind")?, to);
        if let Some(id) = id {
            r.id = id;
        }
        r.date = when_opt(date, "date")?;
        r.since = when_opt(since, "since")?;
        r.until = when_opt(until, "until")?;
        Ok(r)
    }
}

fields! {
    PySourceRelation(SourceRelation) as "SourceRelation" {
        /// The source the relation goes from (`from` is a Python keyword).
        from as from_,
        /// What the relation is (a `SourceRelationKind`).
        kind,
        /// The source the relation goes to.
        to;
        /// The edge id, unique among all edges.
        id,
        /// When the relation was recorded (canonical text), or `None`.
        date,
        /// When the relation began to hold, or `None` if it always has.
        since,
        /// When it stopped holding (it holds to the end of this date), or `None` if it still does.
        until,
    }
    methods {
        #[new]
        #[pyo3(signature = (from_, kind, to, *, id=None, date=None, since=None, until=None))]
        #[allow(clippy::too_many_arguments)]
        fn new(
            from_: String,
            kind: &Bound<'_, PyAny>,
            to: String,
            id: Option<String>,
            date: Option<&Bound<'_, PyAny>>,
            since: Option<&Bound<'_, PyAny>>,
            until: Option<&Bound<'_, PyAny>>,
        ) -> PyResult<Self> {
            PySourceRelation::build(from_, kind, to, id, date, since, until).map(Into::into)
        }

        /// A copy with the given fields changed (`from_`, `kind`, `to`, `id`, `date`, `since`,
        /// `until`); the id is kept unless given.
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
                    "since" => r.since = when_opt(Some(v), "since")?,
                    "until" => r.until = when_opt(Some(v), "until")?,
                    _ => return Ok(false),
                }
                Ok(true)
            })?;
            Ok(r.into())
        }
    }
}

wrapper! {
    /// A relation from one claim to another: `from_` supports, contradicts, specializes, is the same
    /// as, or depends on `to`. The id defaults to `"{from_}:{kind}:{to}"`.
    ///
    /// >>> ClaimRelation("containers", "specializes", "ammunition").kind
    /// <ClaimRelationKind.SPECIALIZES: 'specializes'>
    ///
    /// Equal when every field is equal; hashed by id.
    PyClaimRelation(ClaimRelation) as "ClaimRelation", hash, from_py_object
}

impl Hash for PyClaimRelation {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.inner.id.hash(state);
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

fields! {
    PyClaimRelation(ClaimRelation) as "ClaimRelation" {
        /// The claim the relation goes from (`from` is a Python keyword).
        from as from_,
        /// What the relation is (a `ClaimRelationKind`).
        kind,
        /// The claim the relation goes to.
        to;
        /// The edge id, unique among all edges.
        id,
    }
    methods {
        #[new]
        #[pyo3(signature = (from_, kind, to, *, id=None))]
        fn new(
            from_: String,
            kind: &Bound<'_, PyAny>,
            to: String,
            id: Option<String>,
        ) -> PyResult<Self> {
            PyClaimRelation::build(from_, kind, to, id).map(Into::into)
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
    }
}
