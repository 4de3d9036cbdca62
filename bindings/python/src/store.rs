//! `StoredGraph`: a graph that lives in a SQLite database file and remembers who changed what;
//! its history's `Event` and `HistoryCheck`.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use claimgraph::{
    Action, Error, Event, HistoryCheck, MergePolicy, Record, SharedStore, StoredGraph, When,
};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use crate::errors::run;
use crate::fields::{fields, wrapper, ToPython};
use crate::graph::{merge_policy, PyClaimGraph};
use crate::io::{PyImportReport, PyIngestReport};
use crate::model::{
    PyAttribution, PyClaim, PyClaimRelation, PySource, PySourceRelation, PyVerdict,
};
use crate::query::PyMergeReport;
use crate::records::AnyRecord;
use crate::time::when;

/// An instant of the history is its RFC 3339 text, as every date a record gives.
impl ToPython for DateTime<Utc> {
    fn to_python<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        When::from(*self).to_python(py)
    }
}

/// What happened to a record: `"add"`, `"update"` or `"remove"`.
impl ToPython for Action {
    fn to_python<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyString::new(py, self.as_str()).into_any())
    }
}

/// A record of any kind is its own class (`Source`, `Claim`, `Verdict`, ...).
impl ToPython for Record {
    fn to_python<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Record::Source(r) => r.to_python(py),
            Record::Claim(r) => r.to_python(py),
            Record::Attribution(r) => r.to_python(py),
            Record::SourceRelation(r) => r.to_python(py),
            Record::ClaimRelation(r) => r.to_python(py),
            Record::Verdict(r) => r.to_python(py),
        }
    }
}

wrapper! {
    /// One change to one record, as the history keeps it: who, when, why, and the record before
    /// and after. The events of one call share its `change` number.
    PyEvent(Event) as "Event"
}

fields! {
    PyEvent(Event) as "Event" {
        ;
        /// Position in the log, from 1.
        seq,
        /// The change (one call) this event belongs to, from 1.
        change,
        /// When the change was made (RFC 3339, UTC).
        at,
        /// Who made it (see `StoredGraph.set_actor`).
        actor,
        /// Why, when the caller said.
        reason,
        /// The call that made the change: "add_source", "remove_source", "merge", "undo", ...
        operation,
        /// For an undo, the change it undid.
        undoes,
        /// What happened to the record: "add", "update" or "remove".
        action,
        /// The record's kind (a `RecordKind`).
        kind,
        /// The record's id.
        id,
        /// The record before the change (`None` when it was added).
        before,
        /// The record after the change (`None` when it was removed).
        after,
        /// This event's link in the hash chain (SHA-256, hexadecimal).
        hash,
    }
}

wrapper! {
    /// What `StoredGraph.verify_history` found: how many events it checked and the first one
    /// that was altered, removed or inserted after it was written.
    PyHistoryCheck(HistoryCheck) as "HistoryCheck"
}

fields! {
    PyHistoryCheck(HistoryCheck) as "HistoryCheck" {
        ;
        /// How many events were checked.
        events,
        /// The first event (its `seq`) that does not match; `None` when the log is intact.
        first_altered,
        /// What is wrong at that event.
        problem,
    }
    methods {

    /// Whether every event is as it was written.
    #[getter]
    fn intact(&self) -> bool {
        self.inner.intact()
    }

    }
}

/// A claim graph backed by a SQLite database file, with the history of every change.
///
/// Made by `ClaimGraph.open(path)`. Every change is committed to the file before it returns, or
/// fails and changes nothing; `transaction()` groups many into one commit. Each is recorded as
/// events: who (`set_actor`), when, why (the `reason` keyword), and the record before and after.
///
/// Questions are asked of `graph`, a `ClaimGraph` copy of the records as they are now: a plain
/// graph with every query, which later changes to the database leave alone.
///
/// The file stays locked until `close()` (or the end of a `with` block).
#[pyclass(name = "StoredGraph", module = "claimgraph", frozen)]
pub(crate) struct PyStoredGraph {
    inner: SharedStore,
}

thread_local! {
    static PANIC_IN_NEXT_CALL: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

impl PyStoredGraph {
    pub(crate) fn open(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let inner = run(py, || SharedStore::open(&path))?;
        Ok(PyStoredGraph { inner })
    }

    /// Runs `f` on the open database with the GIL released; `reason`, when given, is recorded on
    /// the changes it makes.
    fn with<T: Send>(
        &self,
        py: Python<'_>,
        reason: Option<String>,
        f: impl FnOnce(&mut StoredGraph) -> Result<T, Error> + Send,
    ) -> PyResult<T> {
        run(py, || {
            self.inner.change(reason, |g| {
                if PANIC_IN_NEXT_CALL.with(|p| p.replace(false)) {
                    #[allow(clippy::panic)] // the test hook's whole point
                    {
                        panic!("a panic on purpose, from the test hook, with the database locked")
                    }
                }
                f(g)
            })
        })
    }
}

#[pymethods]
impl PyStoredGraph {
    /// Opens the graph database at `path`, creating it when the file does not exist (the same
    /// as `ClaimGraph.open`).
    #[staticmethod]
    #[pyo3(name = "open")]
    fn open_py(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        Self::open(py, path)
    }

    /// The database file.
    #[getter]
    fn path(&self) -> String {
        self.inner.path().display().to_string()
    }

    /// A copy of the graph as it is now, to ask questions of.
    #[getter]
    fn graph(&self, py: Python<'_>) -> PyResult<PyClaimGraph> {
        self.with(py, None, |g| Ok(g.graph().clone()))
            .map(PyClaimGraph::from)
    }

    /// Who the following changes are recorded as made by.
    #[getter]
    fn actor(&self, py: Python<'_>) -> PyResult<String> {
        self.with(py, None, |g| Ok(g.actor().to_owned()))
    }

    /// Sets who the following changes are recorded as made by ("desk:alice").
    fn set_actor(&self, py: Python<'_>, actor: String) -> PyResult<()> {
        self.with(py, None, |g| {
            g.set_actor(actor);
            Ok(())
        })
    }

    // ----- changes -----------------------------------------------------------------------

    /// Adds a record object of any kind (`Source`, `Claim`, `Attribution`, ...).
    #[pyo3(signature = (record, *, reason=None))]
    fn add(
        &self,
        py: Python<'_>,
        record: &Bound<'_, PyAny>,
        reason: Option<String>,
    ) -> PyResult<()> {
        let record = AnyRecord::from_py(record)?;
        self.with(py, reason, |g| match record {
            AnyRecord::Source(r) => g.add_source(r.inner),
            AnyRecord::Claim(r) => g.add_claim(r.inner),
            AnyRecord::Attribution(r) => g.add_attribution(r.inner),
            AnyRecord::SourceRelation(r) => g.add_source_relation(r.inner),
            AnyRecord::ClaimRelation(r) => g.add_claim_relation(r.inner),
            AnyRecord::Verdict(r) => g.add_verdict(r.inner),
        })
    }

    /// Replaces the source with the same id and returns the old record.
    #[pyo3(signature = (source, *, reason=None))]
    fn update_source(
        &self,
        py: Python<'_>,
        source: &PySource,
        reason: Option<String>,
    ) -> PyResult<PySource> {
        let r = source.inner.clone();
        self.with(py, reason, |g| g.update_source(r))
            .map(Into::into)
    }

    /// Replaces the claim with the same id and returns the old record.
    #[pyo3(signature = (claim, *, reason=None))]
    fn update_claim(
        &self,
        py: Python<'_>,
        claim: &PyClaim,
        reason: Option<String>,
    ) -> PyResult<PyClaim> {
        let r = claim.inner.clone();
        self.with(py, reason, |g| g.update_claim(r)).map(Into::into)
    }

    /// Replaces the attribution with the same id and returns the old record.
    #[pyo3(signature = (attribution, *, reason=None))]
    fn update_attribution(
        &self,
        py: Python<'_>,
        attribution: &PyAttribution,
        reason: Option<String>,
    ) -> PyResult<PyAttribution> {
        let r = attribution.inner.clone();
        self.with(py, reason, |g| g.update_attribution(r))
            .map(Into::into)
    }

    /// Replaces the relation between sources with the same id and returns the old record.
    #[pyo3(signature = (relation, *, reason=None))]
    fn update_source_relation(
        &self,
        py: Python<'_>,
        relation: &PySourceRelation,
        reason: Option<String>,
    ) -> PyResult<PySourceRelation> {
        let r = relation.inner.clone();
        self.with(py, reason, |g| g.update_source_relation(r))
            .map(Into::into)
    }

    /// Replaces the relation between claims with the same id and returns the old record.
    #[pyo3(signature = (relation, *, reason=None))]
    fn update_claim_relation(
        &self,
        py: Python<'_>,
        relation: &PyClaimRelation,
        reason: Option<String>,
    ) -> PyResult<PyClaimRelation> {
        let r = relation.inner.clone();
        self.with(py, reason, |g| g.update_claim_relation(r))
            .map(Into::into)
    }

    /// Replaces the verdict with the same id and returns the old record; the old rating stays in
    /// the history, and `to_claimreview_json` lists it as superseded.
    #[pyo3(signature = (verdict, *, reason=None))]
    fn update_verdict(
        &self,
        py: Python<'_>,
        verdict: &PyVerdict,
        reason: Option<String>,
    ) -> PyResult<PyVerdict> {
        let r = verdict.inner.clone();
        self.with(py, reason, |g| g.update_verdict(r))
            .map(Into::into)
    }

    /// Removes a source with every edge from or to it (each recorded) and returns it.
    #[pyo3(signature = (id, *, reason=None))]
    fn remove_source(
        &self,
        py: Python<'_>,
        id: String,
        reason: Option<String>,
    ) -> PyResult<PySource> {
        self.with(py, reason, |g| g.remove_source(&id))
            .map(Into::into)
    }

    /// Removes a claim with every edge from or to it (each recorded) and returns it.
    #[pyo3(signature = (id, *, reason=None))]
    fn remove_claim(
        &self,
        py: Python<'_>,
        id: String,
        reason: Option<String>,
    ) -> PyResult<PyClaim> {
        self.with(py, reason, |g| g.remove_claim(&id))
            .map(Into::into)
    }

    /// Removes an attribution and returns it.
    #[pyo3(signature = (id, *, reason=None))]
    fn remove_attribution(
        &self,
        py: Python<'_>,
        id: String,
        reason: Option<String>,
    ) -> PyResult<PyAttribution> {
        self.with(py, reason, |g| g.remove_attribution(&id))
            .map(Into::into)
    }

    /// Removes a relation between sources and returns it.
    #[pyo3(signature = (id, *, reason=None))]
    fn remove_source_relation(
        &self,
        py: Python<'_>,
        id: String,
        reason: Option<String>,
    ) -> PyResult<PySourceRelation> {
        self.with(py, reason, |g| g.remove_source_relation(&id))
            .map(Into::into)
    }

    /// Removes a relation between claims and returns it.
    #[pyo3(signature = (id, *, reason=None))]
    fn remove_claim_relation(
        &self,
        py: Python<'_>,
        id: String,
        reason: Option<String>,
    ) -> PyResult<PyClaimRelation> {
        self.with(py, reason, |g| g.remove_claim_relation(&id))
            .map(Into::into)
    }

    /// Removes a verdict and returns it.
    #[pyo3(signature = (id, *, reason=None))]
    fn remove_verdict(
        &self,
        py: Python<'_>,
        id: String,
        reason: Option<String>,
    ) -> PyResult<PyVerdict> {
        self.with(py, reason, |g| g.remove_verdict(&id))
            .map(Into::into)
    }

    /// Merges `other` in as one change named "merge" (see `ClaimGraph.merge`).
    #[pyo3(signature = (other, *, policy=None, reason=None))]
    fn merge(
        &self,
        py: Python<'_>,
        other: &PyClaimGraph,
        policy: Option<&Bound<'_, PyAny>>,
        reason: Option<String>,
    ) -> PyResult<PyMergeReport> {
        let policy = match policy {
            Some(p) => merge_policy(p)?,
            None => MergePolicy::default(),
        };
        let theirs = other.snapshot(py)?;
        self.with(py, reason, |g| g.merge(&theirs, policy))
            .map(|inner| PyMergeReport { inner })
    }

    /// Adds the records of a JSON Lines corpus given as text, in one transaction.
    #[pyo3(signature = (text, *, include_cycles=false, reason=None))]
    fn ingest_jsonl_text(
        &self,
        py: Python<'_>,
        text: String,
        include_cycles: bool,
        reason: Option<String>,
    ) -> PyResult<PyIngestReport> {
        let options = claimgraph::JsonlOptions { include_cycles };
        self.with(py, reason, |g| g.ingest_jsonl(text.as_bytes(), options))
            .map(PyIngestReport::from)
    }

    /// Imports ClaimReview JSON-LD as one change.
    #[pyo3(signature = (json, *, reason=None))]
    fn import_claimreview(
        &self,
        py: Python<'_>,
        json: String,
        reason: Option<String>,
    ) -> PyResult<PyImportReport> {
        self.with(py, reason, |g| g.import_claimreview(&json))
            .map(PyImportReport::from)
    }

    // ----- transactions ------------------------------------------------------------------

    /// A context manager: the changes inside the `with` block are committed together when it
    /// ends, or rolled back together when it raises.
    fn transaction(slf: Py<Self>) -> PyTransaction {
        PyTransaction { graph: slf }
    }

    /// Starts a transaction (see `transaction()`); `InvalidInputError` when one is open.
    fn begin(&self, py: Python<'_>) -> PyResult<()> {
        self.with(py, None, StoredGraph::begin)
    }

    /// Commits the open transaction.
    fn commit(&self, py: Python<'_>) -> PyResult<()> {
        self.with(py, None, StoredGraph::commit)
    }

    /// Rolls back the open transaction: the graph and the file are as they were at `begin`.
    fn rollback(&self, py: Python<'_>) -> PyResult<()> {
        self.with(py, None, StoredGraph::rollback)
    }

    /// Whether a transaction is open.
    #[getter]
    fn in_transaction(&self, py: Python<'_>) -> PyResult<bool> {
        self.with(py, None, |g| Ok(g.in_transaction()))
    }

    // ----- history -----------------------------------------------------------------------

    /// Every event about the record with this id (a node or an edge), oldest first.
    fn history<'py>(&self, py: Python<'py>, id: String) -> PyResult<Bound<'py, PyList>> {
        let events = self.with(py, None, |g| g.history(&id))?;
        PyList::new(py, events.into_iter().map(PyEvent::from))
    }

    /// Every event at or after `since` (an aware datetime, a date or ISO text; a date counts
    /// from its first instant), oldest first.
    fn history_since<'py>(
        &self,
        py: Python<'py>,
        since: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        let since = when(since, "since")?.start();
        let events = self.with(py, None, |g| g.history_since(since))?;
        PyList::new(py, events.into_iter().map(PyEvent::from))
    }

    /// Every event of one change, in the order they were written.
    fn change_events<'py>(&self, py: Python<'py>, change: u64) -> PyResult<Bound<'py, PyList>> {
        let events = self.with(py, None, |g| g.change_events(change))?;
        PyList::new(py, events.into_iter().map(PyEvent::from))
    }

    /// The number of the last change, 0 for a new database.
    fn last_change(&self, py: Python<'_>) -> PyResult<u64> {
        self.with(py, None, |g| Ok(g.last_change()))
    }

    /// The graph as it had been edited up to `time` (an aware datetime, a date or ISO text; a
    /// date counts to its last instant), as a new `ClaimGraph`. This is about editing;
    /// `ClaimGraph.as_of` is about when things were said.
    fn as_of_edit(&self, py: Python<'_>, time: &Bound<'_, PyAny>) -> PyResult<PyClaimGraph> {
        let time = when(time, "time")?.last();
        self.with(py, None, |g| g.as_of_edit(time))
            .map(PyClaimGraph::from)
    }

    /// Whether any event of the history was altered, removed or inserted, and where.
    fn verify_history(&self, py: Python<'_>) -> PyResult<PyHistoryCheck> {
        self.with(py, None, |g| g.verify_history())
            .map(PyHistoryCheck::from)
    }

    /// Undoes change number `change` by a new change; returns the new change's number.
    fn undo(&self, py: Python<'_>, change: u64) -> PyResult<u64> {
        self.with(py, None, |g| g.undo(change))
    }

    /// Undoes the last change by a new change; returns the new change's number.
    fn undo_last(&self, py: Python<'_>) -> PyResult<u64> {
        self.with(py, None, StoredGraph::undo_last)
    }

    /// The history as W3C PROV-JSON: changes are activities, actors agents, record versions
    /// entities.
    fn history_to_prov_json(&self, py: Python<'_>) -> PyResult<String> {
        self.with(py, None, |g| g.history_to_prov_json())
    }

    /// The graph's ClaimReview JSON-LD, with the earlier ratings of revised verdicts marked
    /// superseded.
    fn to_claimreview_json(&self, py: Python<'_>) -> PyResult<String> {
        self.with(py, None, |g| g.to_claimreview_json())
    }

    // ----- closing -----------------------------------------------------------------------

    /// Closes the database (an open transaction is rolled back) and returns the graph, detached
    /// from the file. Later calls raise `InvalidInputError`; closing twice returns `None`.
    fn close(&self, py: Python<'_>) -> PyResult<Option<PyClaimGraph>> {
        let g = run(py, || self.inner.close())?;
        Ok(g.map(PyClaimGraph::from))
    }

    /// A test hook: the next call on a stored graph from this thread panics while it holds the
    /// database, as an internal error in the middle of a change would; later calls are refused.
    #[staticmethod]
    fn _panic_in_next_call() {
        PANIC_IN_NEXT_CALL.with(|p| p.set(true));
    }

    fn __enter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __exit__(
        &self,
        py: Python<'_>,
        kind: Option<&Bound<'_, PyAny>>,
        _value: Option<&Bound<'_, PyAny>>,
        _traceback: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<bool> {
        // The file is released either way; a failure to give the graph back is raised unless
        // the block is already raising (after an interrupted change, the same error again).
        match self.close(py) {
            Err(e) if kind.is_none() => Err(e),
            _ => Ok(false),
        }
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let counts = self.with(py, None, |g| Ok(g.counts()));
        Ok(match counts {
            Ok(c) => format!(
                "<StoredGraph {}: {} source(s), {} claim(s), {} edge(s)>",
                self.inner.path().display(),
                c.sources,
                c.claims,
                c.attributions + c.source_relations + c.claim_relations + c.verdicts
            ),
            Err(_) => format!("<StoredGraph {}: closed>", self.inner.path().display()),
        })
    }
}

/// What `StoredGraph.transaction()` returns: `with g.transaction(): ...` commits the changes of
/// the block together, or rolls them back together when it raises.
#[pyclass(name = "Transaction", module = "claimgraph", frozen)]
pub(crate) struct PyTransaction {
    graph: Py<PyStoredGraph>,
}

#[pymethods]
impl PyTransaction {
    fn __enter__(&self, py: Python<'_>) -> PyResult<Py<PyStoredGraph>> {
        self.graph.get().begin(py)?;
        Ok(self.graph.clone_ref(py))
    }

    fn __exit__(
        &self,
        py: Python<'_>,
        kind: Option<&Bound<'_, PyAny>>,
        _value: Option<&Bound<'_, PyAny>>,
        _traceback: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<bool> {
        let g = self.graph.get();
        if kind.is_some() {
            g.rollback(py)?;
        } else {
            g.commit(py)?;
        }
        Ok(false)
    }
}
