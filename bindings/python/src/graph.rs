//! `ClaimGraph`: the graph, shareable between threads, with every core capability as a method.

use std::collections::HashMap;
use std::path::PathBuf;

use claimgraph::io::JsonlOptions;
use claimgraph::{ClaimGraph, Error, MergePolicy, SharedGraph, When};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyTuple, PyType};

use crate::errors::{run, to_py_err};
use crate::fields::ToPython;
use crate::io::{PyImportReport, PyIngestReport};
use crate::matching::{similar_options, PyDuplicateCandidate, PySimilarClaim};
use crate::model::{
    PyAttribution, PyClaim, PyClaimRelation, PySource, PySourceRelation, PyVerdict, Via,
};
use crate::query::{
    notebook, PyAsOf, PyAssessment, PyChain, PyFindings, PyMergeReport, PyOrigin, PyStatus,
};
use crate::records::{AnyRecord, PyCounts, PyRecords};
use crate::store::PyStoredGraph;
use crate::summary::PyStatusSummary;
use crate::time::when;

/// Who said what, who denied it, and where each claim came from.
///
/// Sources and claims are nodes with ids you choose (one namespace); attributions, relations
/// and verdicts are edges with ids in a second namespace. Every change is validated, and a
/// failed change leaves the graph as it was.
///
/// The graph reads like a mapping from node id to record: ``len(graph)`` counts sources and
/// claims, ``"rok" in graph`` tests a source or claim id, ``graph["rok"]`` returns the record,
/// and iterating yields source ids, then claim ids, each in the order they were added.
///
/// One graph may be shared by threads: readers run side by side, a writer waits for them, and
/// every call releases the GIL while the core works.
///
/// >>> g = ClaimGraph()
/// >>> g.add_source("russia", "government", "Russia")
/// Source('russia', 'government', 'Russia')
/// >>> g.add_claim("ammo", "DPRK supplies ammunition to Russia", subjects=["russia"])
/// Claim('ammo', 'DPRK supplies ammunition to Russia', subjects=('russia',))
/// >>> g.add_attribution("russia", "ammo", "denies").id
/// 'russia:denies:ammo'
/// >>> g.status("ammo").interested_deniers
/// ('russia',)
#[pyclass(name = "ClaimGraph", module = "claimgraph", frozen)]
pub(crate) struct PyClaimGraph {
    inner: SharedGraph,
}

impl From<ClaimGraph> for PyClaimGraph {
    fn from(g: ClaimGraph) -> Self {
        PyClaimGraph { inner: g.into() }
    }
}

impl PyClaimGraph {
    /// Runs `f` on the graph under a read lock, with the GIL released.
    pub(crate) fn reading<T: Send>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&ClaimGraph) -> Result<T, Error> + Send,
    ) -> PyResult<T> {
        run(py, || self.inner.read(f))
    }

    /// Runs `f` on the graph under a write lock, with the GIL released.
    fn writing<T: Send>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&mut ClaimGraph) -> Result<T, Error> + Send,
    ) -> PyResult<T> {
        run(py, || self.inner.write(f))
    }

    /// Adds `record` with `add` and hands it back: every `add_*` method returns what it added.
    fn adding<T: Clone + Send>(
        &self,
        py: Python<'_>,
        record: T,
        add: fn(&mut ClaimGraph, T) -> Result<(), Error>,
    ) -> PyResult<T> {
        let out = record.clone();
        self.writing(py, |g| add(g, record))?;
        Ok(out)
    }

    /// A copy of the graph, taken under a read lock.
    pub(crate) fn snapshot(&self, py: Python<'_>) -> PyResult<ClaimGraph> {
        self.reading(py, |g| Ok(g.clone()))
    }

    fn node_ids(&self, py: Python<'_>) -> PyResult<Vec<String>> {
        self.reading(py, |g| Ok(g.node_ids().map(str::to_owned).collect()))
    }
}

fn list<'py, T, P>(
    py: Python<'py>,
    items: Vec<T>,
    f: impl Fn(T) -> P,
) -> PyResult<Bound<'py, PyList>>
where
    P: IntoPyObject<'py>,
{
    PyList::new(py, items.into_iter().map(f))
}

/// A merge policy from a `MergePolicy` member or its name.
pub(crate) fn merge_policy(obj: &Bound<'_, PyAny>) -> PyResult<MergePolicy> {
    let name: String = obj.extract()?;
    name.parse().map_err(|e| to_py_err(obj.py(), e))
}

#[pymethods]
impl PyClaimGraph {
    /// An empty graph.
    #[new]
    fn new() -> Self {
        ClaimGraph::new().into()
    }

    /// Opens the graph database (SQLite) at `path`, creating it when the file does not exist:
    /// a `StoredGraph`, whose every change is committed to the file and kept in its history.
    /// `IoError` when the file is not a claimgraph database, is damaged or is held by another
    /// process; `UnsupportedVersionError` when a newer version of the library wrote it.
    #[staticmethod]
    fn open(py: Python<'_>, path: PathBuf) -> PyResult<PyStoredGraph> {
        PyStoredGraph::open(py, path)
    }

    // ----- reading -----------------------------------------------------------------------

    /// How many records of each kind the graph holds.
    fn counts(&self, py: Python<'_>) -> PyResult<PyCounts> {
        self.reading(py, |g| Ok(PyCounts { inner: g.counts() }))
    }

    /// Every record, each kind sorted by id.
    fn records(&self, py: Python<'_>) -> PyResult<PyRecords> {
        self.reading(py, |g| Ok(PyRecords { inner: g.records() }))
    }

    /// A graph holding `records` (sources first, then claims, then edges).
    #[classmethod]
    fn from_records(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        records: &PyRecords,
    ) -> PyResult<Self> {
        let records = records.inner.clone();
        run(py, || ClaimGraph::from_records(records)).map(Self::from)
    }

    /// Adds every record of `records`; stops at the first error, keeping what was added before.
    fn add_records(&self, py: Python<'_>, records: &PyRecords) -> PyResult<()> {
        let records = records.inner.clone();
        self.writing(py, |g| g.add_records(records))
    }

    /// True when `id` names an attribution, relation or verdict.
    fn contains_edge(&self, py: Python<'_>, id: String) -> PyResult<bool> {
        self.reading(py, |g| Ok(g.contains_edge(&id)))
    }

    /// What kind of record `id` names (a `RecordKind`), or `None`.
    fn kind_of<'py>(&self, py: Python<'py>, id: String) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.reading(py, |g| Ok(g.kind_of(&id)))?
            .map(|k| crate::model::record_kind(py, k))
            .transpose()
    }

    /// The source with this id; `NotFoundError` when there is none.
    fn source(&self, py: Python<'_>, id: String) -> PyResult<PySource> {
        self.reading(py, |g| g.get_source(&id).cloned())
            .map(Into::into)
    }

    /// The claim with this id; `NotFoundError` when there is none.
    fn claim(&self, py: Python<'_>, id: String) -> PyResult<PyClaim> {
        self.reading(py, |g| g.get_claim(&id).cloned())
            .map(Into::into)
    }

    /// The attribution with this id; `NotFoundError` when there is none.
    fn attribution(&self, py: Python<'_>, id: String) -> PyResult<PyAttribution> {
        self.reading(py, |g| g.get_attribution(&id)).map(Into::into)
    }

    /// The relation between sources with this id; `NotFoundError` when there is none.
    fn source_relation(&self, py: Python<'_>, id: String) -> PyResult<PySourceRelation> {
        self.reading(py, |g| g.get_source_relation(&id))
            .map(Into::into)
    }

    /// The relation between claims with this id; `NotFoundError` when there is none.
    fn claim_relation(&self, py: Python<'_>, id: String) -> PyResult<PyClaimRelation> {
        self.reading(py, |g| g.get_claim_relation(&id))
            .map(Into::into)
    }

    /// The verdict with this id; `NotFoundError` when there is none.
    fn verdict(&self, py: Python<'_>, id: String) -> PyResult<PyVerdict> {
        self.reading(py, |g| g.get_verdict(&id)).map(Into::into)
    }

    /// Every source, in the order they were added.
    fn sources<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let v = self.reading(py, |g| Ok(g.sources().cloned().collect()))?;
        list(py, v, PySource::from)
    }

    /// Every claim, in the order they were added.
    fn claims<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let v = self.reading(py, |g| Ok(g.claims().cloned().collect()))?;
        list(py, v, PyClaim::from)
    }

    /// Every attribution.
    fn attributions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let v = self.reading(py, |g| Ok(g.attributions().collect()))?;
        list(py, v, PyAttribution::from)
    }

    /// Every relation between sources.
    fn source_relations<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let v = self.reading(py, |g| Ok(g.source_relations().collect()))?;
        list(py, v, PySourceRelation::from)
    }

    /// Every relation between claims.
    fn claim_relations<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let v = self.reading(py, |g| Ok(g.claim_relations().collect()))?;
        list(py, v, PyClaimRelation::from)
    }

    /// Every verdict.
    fn verdicts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let v = self.reading(py, |g| Ok(g.verdicts().collect()))?;
        list(py, v, PyVerdict::from)
    }

    /// The attributions of a claim, sorted by id.
    fn attributions_of<'py>(&self, py: Python<'py>, claim: String) -> PyResult<Bound<'py, PyList>> {
        let v = self.reading(py, |g| g.attributions_of(&claim))?;
        list(py, v, PyAttribution::from)
    }

    /// The attributions a source makes, sorted by id.
    fn attributions_by<'py>(
        &self,
        py: Python<'py>,
        source: String,
    ) -> PyResult<Bound<'py, PyList>> {
        let v = self.reading(py, |g| g.attributions_by(&source))?;
        list(py, v, PyAttribution::from)
    }

    /// The verdicts on a claim, sorted by id.
    fn verdicts_of<'py>(&self, py: Python<'py>, claim: String) -> PyResult<Bound<'py, PyList>> {
        let v = self.reading(py, |g| g.verdicts_of(&claim))?;
        list(py, v, PyVerdict::from)
    }

    /// The relations from and to a source, sorted by id.
    fn relations_of_source<'py>(
        &self,
        py: Python<'py>,
        source: String,
    ) -> PyResult<Bound<'py, PyList>> {
        let v = self.reading(py, |g| g.relations_of_source(&source))?;
        list(py, v, PySourceRelation::from)
    }

    /// The relations from and to a claim, sorted by id.
    fn relations_of_claim<'py>(
        &self,
        py: Python<'py>,
        claim: String,
    ) -> PyResult<Bound<'py, PyList>> {
        let v = self.reading(py, |g| g.relations_of_claim(&claim))?;
        list(py, v, PyClaimRelation::from)
    }

    /// The number of sources and claims (edges are not counted; see `counts()`).
    fn __len__(&self, py: Python<'_>) -> PyResult<usize> {
        self.reading(py, |g| Ok(g.node_count()))
    }

    /// True when `id` names a source or a claim (edge ids: `contains_edge`).
    fn __contains__(&self, py: Python<'_>, id: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(id) = id.extract::<String>() else {
            return Ok(false);
        };
        self.reading(py, |g| Ok(g.contains_node(&id)))
    }

    /// The source or claim with this id; `NotFoundError` (a `KeyError`) when there is none.
    fn __getitem__<'py>(&self, py: Python<'py>, id: String) -> PyResult<Bound<'py, PyAny>> {
        let node = self.reading(py, |g| Ok(g.get_node(&id)?.cloned().map_err(Clone::clone)))?;
        match node {
            Ok(s) => s.to_python(py),
            Err(c) => c.to_python(py),
        }
    }

    /// Source ids, then claim ids, each in the order they were added.
    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyList::new(py, self.node_ids(py)?)?.try_iter()?.into_any())
    }

    /// Two graphs are equal when they hold the same records, whatever order they were added in.
    fn __eq__(slf: &Bound<'_, Self>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let py = slf.py();
        let Ok(other) = other.cast::<PyClaimGraph>() else {
            return Ok(py.NotImplemented());
        };
        if slf.is(other) {
            return Ok(true.into_pyobject(py)?.to_owned().into_any().unbind());
        }
        let (a, b) = (slf.get(), other.get());
        let equal = run(py, || a.inner.same_records(&b.inner))?;
        Ok(equal.into_pyobject(py)?.to_owned().into_any().unbind())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let c = self.reading(py, |g| Ok(g.counts()))?;
        Ok(format!(
            "<ClaimGraph: {} source(s), {} claim(s), {} attribution(s), {} source relation(s), \
             {} claim relation(s), {} verdict(s)>",
            c.sources, c.claims, c.attributions, c.source_relations, c.claim_relations, c.verdicts
        ))
    }

    /// An independent copy of the graph.
    fn copy(&self, py: Python<'_>) -> PyResult<Self> {
        self.snapshot(py).map(Self::from)
    }

    fn __copy__(&self, py: Python<'_>) -> PyResult<Self> {
        self.copy(py)
    }

    fn __deepcopy__(&self, py: Python<'_>, memo: &Bound<'_, PyAny>) -> PyResult<Self> {
        // Nothing in a graph refers to other Python objects, so the memo has nothing to record.
        let _ = memo;
        self.copy(py)
    }

    /// Pickles as its native JSON.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let json = slf.get().reading(py, |g| Ok(g.to_json()))?;
        let from_json = slf.get_type().getattr("from_json")?;
        PyTuple::new(py, [from_json, PyTuple::new(py, [json])?.into_any()])
    }

    // ----- adding ------------------------------------------------------------------------

    /// Adds a source and returns it. Kinds: person, organization, government, outlet,
    /// document, unnamed_group, collective (a `SourceKind` member or its name).
    #[pyo3(signature = (id, kind, name, *, aliases=None, reliability=None, url=None, title=None, published=None))]
    #[allow(clippy::too_many_arguments)]
    fn add_source(
        &self,
        py: Python<'_>,
        id: String,
        kind: &Bound<'_, PyAny>,
        name: String,
        aliases: Option<&Bound<'_, PyAny>>,
        reliability: Option<&Bound<'_, PyAny>>,
        url: Option<String>,
        title: Option<String>,
        published: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PySource> {
        let s = PySource::build(id, kind, name, aliases, reliability, url, title, published)?;
        self.adding(py, s, ClaimGraph::add_source).map(Into::into)
    }

    /// Adds a claim and returns it. `period` is a `Period` or a `(start, end)` tuple,
    /// `quantity` a `Quantity` or a `(value, unit)` tuple; `subjects` are source ids.
    #[pyo3(signature = (id, text, *, subjects=None, period=None, tags=None, quantity=None))]
    #[allow(clippy::too_many_arguments)]
    fn add_claim(
        &self,
        py: Python<'_>,
        id: String,
        text: String,
        subjects: Option<&Bound<'_, PyAny>>,
        period: Option<&Bound<'_, PyAny>>,
        tags: Option<&Bound<'_, PyAny>>,
        quantity: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyClaim> {
        let c = PyClaim::build(id, text, subjects, period, tags, quantity)?;
        self.adding(py, c, ClaimGraph::add_claim).map(Into::into)
    }

    /// Adds an attribution from a source to a claim and returns it. The id defaults to
    /// `"{source}:{stance}:{claim}"`; `via` names the document or outlet it was reported in;
    /// `basis` the sources the assertion rests on for this claim alone (origins are traced from
    /// them instead of the speaker); `covers` the further claims the same statement covers.
    #[pyo3(signature = (source, claim, stance, *, id=None, modality=None, said=None, quote=None, via=None, basis=None, covers=None))]
    #[allow(clippy::too_many_arguments)]
    fn add_attribution(
        &self,
        py: Python<'_>,
        source: String,
        claim: String,
        stance: &Bound<'_, PyAny>,
        id: Option<String>,
        modality: Option<&Bound<'_, PyAny>>,
        said: Option<&Bound<'_, PyAny>>,
        quote: Option<String>,
        via: Option<Via<'_>>,
        basis: Option<Vec<String>>,
        covers: Option<Vec<String>>,
    ) -> PyResult<PyAttribution> {
        let a = PyAttribution::build(
            source, claim, stance, id, modality, said, quote, via, basis, covers,
        )?;
        self.adding(py, a, ClaimGraph::add_attribution)
            .map(Into::into)
    }

    /// Adds a relation between two sources and returns it. The id defaults to
    /// `"{from_}:{kind}:{to}"`; `since` and `until` bound when it holds (an affiliation that
    /// began or ended), which independence and interested parties are judged by.
    #[pyo3(signature = (from_, kind, to, *, id=None, date=None, since=None, until=None))]
    #[allow(clippy::too_many_arguments)]
    fn add_source_relation(
        &self,
        py: Python<'_>,
        from_: String,
        kind: &Bound<'_, PyAny>,
        to: String,
        id: Option<String>,
        date: Option<&Bound<'_, PyAny>>,
        since: Option<&Bound<'_, PyAny>>,
        until: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PySourceRelation> {
        let r = PySourceRelation::build(from_, kind, to, id, date, since, until)?;
        self.adding(py, r, ClaimGraph::add_source_relation)
            .map(Into::into)
    }

    /// Adds a relation between two claims and returns it. The id defaults to
    /// `"{from_}:{kind}:{to}"`.
    #[pyo3(signature = (from_, kind, to, *, id=None))]
    fn add_claim_relation(
        &self,
        py: Python<'_>,
        from_: String,
        kind: &Bound<'_, PyAny>,
        to: String,
        id: Option<String>,
    ) -> PyResult<PyClaimRelation> {
        let r = PyClaimRelation::build(from_, kind, to, id)?;
        self.adding(py, r, ClaimGraph::add_claim_relation)
            .map(Into::into)
    }

    /// Adds a verdict by a reviewer (a source) on a claim and returns it. `rating` is a `Rating`
    /// or a `(value, best, worst)` tuple. The id defaults to `"{reviewer}:verdict:{claim}"`.
    #[pyo3(signature = (reviewer, claim, label, *, id=None, rating=None, date=None, url=None, summary=None))]
    #[allow(clippy::too_many_arguments)]
    fn add_verdict(
        &self,
        py: Python<'_>,
        reviewer: String,
        claim: String,
        label: String,
        id: Option<String>,
        rating: Option<&Bound<'_, PyAny>>,
        date: Option<&Bound<'_, PyAny>>,
        url: Option<String>,
        summary: Option<String>,
    ) -> PyResult<PyVerdict> {
        let v = PyVerdict::build(reviewer, claim, label, id, rating, date, url, summary)?;
        self.adding(py, v, ClaimGraph::add_verdict).map(Into::into)
    }

    /// Adds a record object of any kind (`Source`, `Claim`, `Attribution`, ...).
    fn add(&self, py: Python<'_>, record: &Bound<'_, PyAny>) -> PyResult<()> {
        let record = AnyRecord::from_py(record)?;
        self.writing(py, |g| record.add_to(g))
    }

    // ----- updating ----------------------------------------------------------------------

    /// Replaces the source with the same id (its edges stay) and returns the old record.
    /// Build the new one with `graph.source(id).replace(...)`.
    fn update_source(&self, py: Python<'_>, source: &PySource) -> PyResult<PySource> {
        let s = source.inner.clone();
        self.writing(py, |g| g.update_source(s)).map(Into::into)
    }

    /// Replaces the claim with the same id (its edges stay) and returns the old record.
    fn update_claim(&self, py: Python<'_>, claim: &PyClaim) -> PyResult<PyClaim> {
        let c = claim.inner.clone();
        self.writing(py, |g| g.update_claim(c)).map(Into::into)
    }

    /// Replaces the attribution with the same id (its source and claim may change too) and
    /// returns the old record.
    fn update_attribution(
        &self,
        py: Python<'_>,
        attribution: &PyAttribution,
    ) -> PyResult<PyAttribution> {
        let a = attribution.inner.clone();
        self.writing(py, |g| g.update_attribution(a))
            .map(Into::into)
    }

    /// Replaces the relation between sources with the same id and returns the old record.
    fn update_source_relation(
        &self,
        py: Python<'_>,
        relation: &PySourceRelation,
    ) -> PyResult<PySourceRelation> {
        let r = relation.inner.clone();
        self.writing(py, |g| g.update_source_relation(r))
            .map(Into::into)
    }

    /// Replaces the relation between claims with the same id and returns the old record.
    fn update_claim_relation(
        &self,
        py: Python<'_>,
        relation: &PyClaimRelation,
    ) -> PyResult<PyClaimRelation> {
        let r = relation.inner.clone();
        self.writing(py, |g| g.update_claim_relation(r))
            .map(Into::into)
    }

    /// Replaces the verdict with the same id and returns the old record.
    fn update_verdict(&self, py: Python<'_>, verdict: &PyVerdict) -> PyResult<PyVerdict> {
        let v = verdict.inner.clone();
        self.writing(py, |g| g.update_verdict(v)).map(Into::into)
    }

    // ----- removing ----------------------------------------------------------------------

    /// Removes a source with every edge from or to it and returns it: its own statements,
    /// relations and verdicts go with it; attributions reported through it lose that hop,
    /// assertions resting on it lose it from their basis, and claims about it lose it as a
    /// subject. With `if_unused=True`, a source that anything uses is not removed: `ValueError`
    /// says what uses it, and nothing changes. `source_uses(id)` tells beforehand, and
    /// `remove_source_reporting(id)` returns what went with it.
    #[pyo3(signature = (id, *, if_unused = false))]
    fn remove_source(&self, py: Python<'_>, id: String, if_unused: bool) -> PyResult<PySource> {
        self.writing(py, |g| {
            if if_unused {
                g.remove_source_if_unused(&id)
            } else {
                g.remove_source(&id)
            }
        })
        .map(Into::into)
    }

    /// What removing the source would take with it and what would only lose it, as a dict of
    /// sorted id lists: "attributions", "source_relations" and "verdicts" (removed with it),
    /// "hops", "basis" (attributions that lose it) and "subject_of" (claims that lose it).
    fn source_uses<'py>(&self, py: Python<'py>, id: String) -> PyResult<Bound<'py, PyDict>> {
        let uses = self.reading(py, |g| g.source_uses(&id))?;
        uses_dict(py, &uses)
    }

    /// Removes a source as `remove_source` does and returns `(source, uses)`, `uses` being
    /// what `source_uses` would have said: what went with it and what lost it.
    fn remove_source_reporting<'py>(
        &self,
        py: Python<'py>,
        id: String,
    ) -> PyResult<(PySource, Bound<'py, PyDict>)> {
        let (source, uses) = self.writing(py, |g| g.remove_source_reporting(&id))?;
        Ok((source.into(), uses_dict(py, &uses)?))
    }

    /// Removes a claim with every edge from or to it and returns it.
    fn remove_claim(&self, py: Python<'_>, id: String) -> PyResult<PyClaim> {
        self.writing(py, |g| g.remove_claim(&id)).map(Into::into)
    }

    /// Removes an attribution and returns it.
    fn remove_attribution(&self, py: Python<'_>, id: String) -> PyResult<PyAttribution> {
        self.writing(py, |g| g.remove_attribution(&id))
            .map(Into::into)
    }

    /// Removes a relation between sources and returns it.
    fn remove_source_relation(&self, py: Python<'_>, id: String) -> PyResult<PySourceRelation> {
        self.writing(py, |g| g.remove_source_relation(&id))
            .map(Into::into)
    }

    /// Removes a relation between claims and returns it.
    fn remove_claim_relation(&self, py: Python<'_>, id: String) -> PyResult<PyClaimRelation> {
        self.writing(py, |g| g.remove_claim_relation(&id))
            .map(Into::into)
    }

    /// Removes a verdict and returns it.
    fn remove_verdict(&self, py: Python<'_>, id: String) -> PyResult<PyVerdict> {
        self.writing(py, |g| g.remove_verdict(&id)).map(Into::into)
    }

    // ----- questions ---------------------------------------------------------------------

    /// Everything the record says about one claim.
    ///
    /// Rules: origins follow cites and authored-by edges from each asserter (never published-in);
    /// an assertion resting on other sources for this claim (`basis`) is traced from them, so a
    /// relay adds no origin. Origins are independent unless their affiliation chains share a top,
    /// following only the affiliations that may hold when the assertions were made (`since` /
    /// `until`). A claim is disputed when someone asserts it and someone denies it (a doubt alone
    /// does not dispute it; a non-statement counts neither way). A denial is interested when the
    /// denier, the author or publisher of the denying document, or what any of them is affiliated
    /// with at the time of the denial, is a subject of the claim. A rewording (same-as) is the same
    /// claim, so its stances and verdicts are pooled; an assertion of a specialization supports the
    /// claim and a denial of what it specializes counts against it; each is listed in `inferred`.
    fn status(slf: &Bound<'_, Self>, claim: String) -> PyResult<PyStatus> {
        let inner = slf.get().reading(slf.py(), |g| g.status(&claim))?;
        Ok(PyStatus {
            inner,
            graph: slf.clone().unbind(),
        })
    }

    /// The status of every claim, in the order the claims were added, as a `StatusTable`
    /// (a sequence of `Status` with `to_records()` and `to_pandas()`).
    fn statuses<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let all = slf.get().reading(py, |g| Ok(g.statuses()))?;
        let items = list(py, all, |inner| PyStatus {
            inner,
            graph: slf.clone().unbind(),
        })?;
        notebook(py, "StatusTable", (items,))
    }

    /// The figures of one claim's status (counts and flags, without the lists of ids).
    fn summary(&self, py: Python<'_>, claim: String) -> PyResult<PyStatusSummary> {
        let inner = self.reading(py, |g| g.summary(&claim))?;
        Ok(PyStatusSummary { inner })
    }

    /// The status figures of every claim, in the order the claims were added: the same answers
    /// as `statuses()` with the lists counted, and much cheaper on a large graph.
    fn summaries<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let all = self.reading(py, |g| Ok(g.summaries()))?;
        list(py, all, |inner| PyStatusSummary { inner })
    }

    /// The origins of a source's own assertions: the roots reached along cites and authored-by
    /// edges (never published-in). A source that cites no one is its own origin, an op-ed's
    /// origin is its author, and a loop of sources citing only each other is one circular
    /// origin.
    fn origins_of_source<'py>(
        &self,
        py: Python<'py>,
        source: String,
    ) -> PyResult<Bound<'py, PyList>> {
        let v = self.reading(py, |g| g.origins_of_source(&source))?;
        list(py, v, |inner| PyOrigin { inner })
    }

    /// Every chain from the claim's attributions up to their origins, sorted.
    fn chains<'py>(&self, py: Python<'py>, claim: String) -> PyResult<Bound<'py, PyList>> {
        let v = self.reading(py, |g| g.chains(&claim))?;
        list(py, v, |inner| PyChain { inner })
    }

    /// Every graph-wide finding: disputed, single-origin and unnamed-only claims, circular
    /// reporting, contradictions.
    fn findings(&self, py: Python<'_>) -> PyResult<PyFindings> {
        self.reading(py, |g| Ok(g.findings()))
            .map(|inner| PyFindings { inner })
    }

    /// The graph as it stood on `date` (a date, an aware datetime or a string such as "2024-06").
    ///
    /// Rules: the cut-off is the last instant of `date`. A statement is placed by its `said` date
    /// and its reporting chain: a hop that carried it on a day (the hop's date, or its source's
    /// `published` date) means it was made on or before that day, and an article's own sentence
    /// was said on or before the article's publication. It is kept when all it may be is on or
    /// before the cut-off, dropped when it was said or carried only after, and otherwise unplaced,
    /// with the reason. Documents published after the cut-off are dropped with their edges,
    /// verdicts are placed by their date, and a claim is kept when something on it (or on a
    /// rewording) was kept, or when it never had anything.
    fn as_of(&self, py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<PyAsOf> {
        let cutoff: When = when(date, "date")?;
        let then = self.reading(py, |g| Ok(g.as_of(&cutoff)))?;
        PyAsOf::new(py, then)
    }

    /// The credibility of a claim: a score in [0, 1] with the reasons behind it.
    ///
    /// Rules: the evidence E adds, for each independent origin group (support carried up from a
    /// specialization included), reliability x unnamed (0.5 when all its origins are unnamed) x
    /// modality; it takes off, for each denial group, the reliability of its weightiest member,
    /// times 0.25 when that member is an interested party (so adding an interested denier never
    /// raises the score), and half that for a doubt group; a non-statement weighs nothing.
    /// Verdicts give V = 12 x (mean truth - 0.5). score = 1 / (1 + exp(-(3 tanh(E / 3) + V))),
    /// evidence_score the same without V (no verdict moves it), verdict_effect = V; remarks of
    /// weight 0 are notes.
    fn assess(&self, py: Python<'_>, claim: String) -> PyResult<PyAssessment> {
        self.reading(py, |g| g.assess(&claim))
            .map(|inner| PyAssessment { inner })
    }

    /// The assessment of every claim, in the order the claims were added.
    fn assessments<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let v = self.reading(py, |g| Ok(g.assessments()))?;
        list(py, v, |inner| PyAssessment { inner })
    }

    /// Sources whose name or an alias is exactly `name` (case and spacing aside), sorted by id.
    fn sources_named<'py>(&self, py: Python<'py>, name: String) -> PyResult<Bound<'py, PyList>> {
        let v = self.reading(py, |g| {
            Ok(g.sources_named(&name).into_iter().cloned().collect())
        })?;
        list(py, v, PySource::from)
    }

    /// Sources whose name or an alias contains `query`, best match first: the whole name, then
    /// the query's words as whole words in order ("church" finds "Church of Scientology"), then
    /// as starts of words ("scient"), then anywhere; shorter names first within each. Case is
    /// ignored. `sources_named` matches whole names only.
    fn find_sources<'py>(&self, py: Python<'py>, query: String) -> PyResult<Bound<'py, PyList>> {
        let v = self.reading(py, |g| {
            Ok(g.find_sources(&query).into_iter().cloned().collect())
        })?;
        list(py, v, PySource::from)
    }

    /// Claims whose text contains every content word of `query`, ignoring case and accents,
    /// after stemming ("container" finds "containers").
    fn search_claims<'py>(&self, py: Python<'py>, query: String) -> PyResult<Bound<'py, PyList>> {
        let v = self.reading(py, |g| {
            Ok(g.search_claims(&query).into_iter().cloned().collect())
        })?;
        list(py, v, PyClaim::from)
    }

    /// The `k` claims most similar to `text`, best first, each with the parts of its score
    /// (`SimilarClaim`: claim id, score in [0, 1], shared content words, parts). Words are
    /// stemmed and folded, and character n-grams, numbers, names and links count too;
    /// `min_score` and `min_shared_words` leave out weak matches, `weights` maps a kind
    /// ("words", "ngrams", "numbers", "names", "links") to its weight. What is not given is the
    /// core's default (10 claims, no threshold, the default weights).
    #[pyo3(signature = (text, k=None, *, min_score=None, min_shared_words=None, weights=None))]
    fn similar_claims<'py>(
        &self,
        py: Python<'py>,
        text: String,
        k: Option<usize>,
        min_score: Option<f64>,
        min_shared_words: Option<usize>,
        weights: Option<HashMap<String, f64>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let options = similar_options(py, k, min_score, min_shared_words, weights)?;
        let v = self.reading(py, |g| Ok(g.similar_claims_with(&text, &options)))?;
        list(py, v, PySimilarClaim::from)
    }

    /// Pairs of claims that may be wordings of one claim and are not yet linked by same-as,
    /// best first (`DuplicateCandidate`), with the options of `similar_claims` (`k` per claim).
    #[pyo3(signature = (*, k=None, min_score=None, min_shared_words=None, weights=None))]
    fn duplicate_candidates<'py>(
        &self,
        py: Python<'py>,
        k: Option<usize>,
        min_score: Option<f64>,
        min_shared_words: Option<usize>,
        weights: Option<HashMap<String, f64>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let options = similar_options(py, k, min_score, min_shared_words, weights)?;
        let v = self.reading(py, |g| Ok(g.duplicate_candidates(&options)))?;
        list(py, v, PyDuplicateCandidate::from)
    }

    /// Merges `other` into this graph (records with the same id are the same record).
    /// `policy` says what to do when fields differ: "fail" (raise `MergeConflictError`, changing
    /// nothing), "keep_ours" or "take_theirs" (a `MergePolicy` member or its name).
    #[pyo3(signature = (other, *, policy=None))]
    fn merge(
        &self,
        py: Python<'_>,
        other: &Bound<'_, PyClaimGraph>,
        policy: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyMergeReport> {
        let policy = match policy {
            Some(p) => merge_policy(p)?,
            None => MergePolicy::default(),
        };
        let other = other.get();
        let report = run(py, || self.inner.merge_from(&other.inner, policy))?;
        Ok(PyMergeReport { inner: report })
    }

    // ----- formats -----------------------------------------------------------------------

    /// The graph as native JSON (versioned, deterministic).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        self.reading(py, |g| Ok(g.to_json()))
    }

    /// A graph from native JSON; `FormatError` names the line and column of a problem.
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, py: Python<'_>, json: String) -> PyResult<Self> {
        run(py, || ClaimGraph::from_json(&json)).map(Self::from)
    }

    /// Writes the graph to `path` atomically (a `str` or path-like).
    fn save(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        self.reading(py, |g| g.save(&path))
    }

    /// Reads a graph from a native JSON file.
    #[classmethod]
    fn load(_cls: &Bound<'_, PyType>, py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        run(py, || ClaimGraph::load(&path)).map(Self::from)
    }

    /// Adds the records of a JSON Lines corpus file (`bench/WORKLOAD.md` schema). Citations
    /// flagged as closing a cycle are left out unless `include_cycles`. On error the records of
    /// the lines before the failing one stay; `FormatError` names the file and line.
    #[pyo3(signature = (path, *, include_cycles=false))]
    fn ingest_jsonl(
        &self,
        py: Python<'_>,
        path: PathBuf,
        include_cycles: bool,
    ) -> PyResult<PyIngestReport> {
        let options = JsonlOptions { include_cycles };
        self.writing(py, |g| g.ingest_jsonl_file(&path, options))
            .map(PyIngestReport::from)
    }

    /// Adds the records of a JSON Lines corpus given as text (see `ingest_jsonl`).
    #[pyo3(signature = (text, *, include_cycles=false))]
    fn ingest_jsonl_text(
        &self,
        py: Python<'_>,
        text: String,
        include_cycles: bool,
    ) -> PyResult<PyIngestReport> {
        let options = JsonlOptions { include_cycles };
        self.writing(py, |g| g.ingest_jsonl_with(text.as_bytes(), options))
            .map(PyIngestReport::from)
    }

    /// A new graph from a JSON Lines corpus file, and what was read: `(graph, report)`. All or
    /// nothing: on error no graph is returned.
    #[classmethod]
    #[pyo3(signature = (path, *, include_cycles=false))]
    fn from_jsonl(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        path: PathBuf,
        include_cycles: bool,
    ) -> PyResult<(Self, PyIngestReport)> {
        let options = JsonlOptions { include_cycles };
        let (g, report) = run(py, || ClaimGraph::from_jsonl_file(&path, options))?;
        Ok((g.into(), report.into()))
    }

    /// The graph as W3C PROV-JSON: sources as agents or entities, claims as entities,
    /// attributions as `wasAttributedTo` with the stance kept as an attribute.
    fn to_prov_json(&self, py: Python<'_>) -> PyResult<String> {
        self.reading(py, |g| Ok(g.to_prov_json()))
    }

    /// Writes the graph as Parquet tables into the folder `path` (created when missing): one
    /// `<table>.parquet` file per record kind with every field, plus `source_origins` (each
    /// source's origins, computed once), `statement_origins` (each assertion's origins with what
    /// they answered to at the time), `claim_relatives` (the claims each claim's answers draw
    /// on) and `statuses` (every claim's status figures), for DuckDB, Spark or pandas. Returns
    /// `{table: file}` in the order written.
    fn to_parquet<'py>(&self, py: Python<'py>, path: PathBuf) -> PyResult<Bound<'py, PyDict>> {
        let files = self.reading(py, |g| g.write_parquet(&path))?;
        let out = PyDict::new(py);
        for f in files {
            out.set_item(f.table, f.path)?;
        }
        Ok(out)
    }

    /// A new graph from the Parquet tables `to_parquet` wrote into the folder `path`.
    #[classmethod]
    fn from_parquet(_cls: &Bound<'_, PyType>, py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        run(py, || ClaimGraph::read_parquet(&path)).map(Self::from)
    }

    /// The tables of `to_parquet` as `pyarrow.Table`s, `{table: Table}`. Needs pyarrow.
    fn to_arrow<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        notebook(slf.py(), "to_arrow", (slf,))
    }

    /// The tables of `to_parquet` as Arrow IPC streams, `[(table, bytes)]`: what `to_arrow`
    /// reads.
    fn _arrow_ipc<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<Vec<(&'static str, Bound<'py, PyBytes>)>> {
        let tables = self.reading(py, |g| g.to_arrow_ipc())?;
        Ok(tables
            .into_iter()
            .map(|t| (t.table, PyBytes::new(py, &t.ipc)))
            .collect())
    }

    /// Writes the graph as PROV-O N-Triples (one triple per line, streamed) into the file at
    /// `path`, for a triple store; returns how many triples were written.
    fn save_ntriples(&self, py: Python<'_>, path: PathBuf) -> PyResult<u64> {
        self.reading(py, |g| g.save_ntriples(&path))
    }

    /// A new graph from PROV-JSON, and an `ImportReport` of what had no place in it.
    #[classmethod]
    fn from_prov_json(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        json: String,
    ) -> PyResult<(Self, PyImportReport)> {
        let (g, report) = run(py, || ClaimGraph::from_prov_json(&json))?;
        Ok((g.into(), report.into()))
    }

    /// The claims with their verdicts and claimants as schema.org ClaimReview JSON-LD.
    fn to_claimreview_json(&self, py: Python<'_>) -> PyResult<String> {
        self.reading(py, |g| Ok(g.to_claimreview_json()))
    }

    /// A new graph from ClaimReview JSON-LD, and an `ImportReport`. With `lenient=True` a
    /// review that cannot be read is left out and listed in `ImportReport.rejected` instead of
    /// failing the whole import.
    #[classmethod]
    #[pyo3(signature = (json, *, lenient=false))]
    fn from_claimreview_json(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        json: String,
        lenient: bool,
    ) -> PyResult<(Self, PyImportReport)> {
        let (g, report) = run(py, || {
            if lenient {
                ClaimGraph::from_claimreview_json_lenient(&json)
            } else {
                ClaimGraph::from_claimreview_json(&json)
            }
        })?;
        Ok((g.into(), report.into()))
    }

    /// Adds the claims, claimants, reviewers and verdicts of ClaimReview JSON-LD to this graph;
    /// `lenient=True` as in `from_claimreview_json`.
    #[pyo3(signature = (json, *, lenient=false))]
    fn import_claimreview(
        &self,
        py: Python<'_>,
        json: String,
        lenient: bool,
    ) -> PyResult<PyImportReport> {
        self.writing(py, |g| {
            if lenient {
                g.import_claimreview_lenient(&json)
            } else {
                g.import_claimreview(&json)
            }
        })
        .map(PyImportReport::from)
    }

    /// The graph as a STIX 2.1 bundle: sources as `identity`, claims as `note`, stances and
    /// verdicts as `opinion`, relations as `relationship`, with deterministic UUIDv5 ids.
    fn to_stix_json(&self, py: Python<'_>) -> PyResult<String> {
        self.reading(py, |g| Ok(g.to_stix_json()))
    }

    /// A new graph from a STIX 2.1 bundle, and an `ImportReport` of what had no place in it.
    #[classmethod]
    fn from_stix_json(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        json: String,
    ) -> PyResult<(Self, PyImportReport)> {
        let (g, report) = run(py, || ClaimGraph::from_stix_json(&json))?;
        Ok((g.into(), report.into()))
    }

    /// A Graphviz DOT picture of the graph, or of one claim's neighbourhood; stances are shown
    /// by colour and line style.
    #[pyo3(signature = (*, claim=None))]
    fn to_dot(&self, py: Python<'_>, claim: Option<String>) -> PyResult<String> {
        self.reading(py, |g| g.to_dot(&claim.into()))
    }

    /// The same picture as `to_dot`, in Mermaid.
    #[pyo3(signature = (*, claim=None))]
    fn to_mermaid(&self, py: Python<'_>, claim: Option<String>) -> PyResult<String> {
        self.reading(py, |g| g.to_mermaid(&claim.into()))
    }

    // ----- notebooks ---------------------------------------------------------------------

    /// The graph as a `networkx.MultiDiGraph`: nodes carry every field of their record plus
    /// `node_type` ("source" or "claim"); edges are keyed by id and carry every field plus
    /// `edge_type`. Needs networkx installed.
    fn to_networkx<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        notebook(slf.py(), "to_networkx", (slf,))
    }

    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        notebook(slf.py(), "graph_html", (slf,))
    }

    /// The graph drawn by Graphviz, or None when Graphviz is not installed.
    fn _repr_svg_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        notebook(slf.py(), "picture_svg", (slf, slf.py().None()))
    }
}

/// A source's uses as a dict of id lists.
/// The struct is destructured whole, so a field added to the core's `SourceUses` does not
/// compile here until it is in the dict too.
fn uses_dict<'py>(py: Python<'py>, u: &claimgraph::SourceUses) -> PyResult<Bound<'py, PyDict>> {
    let claimgraph::SourceUses {
        attributions,
        source_relations,
        verdicts,
        hops,
        basis,
        subject_of,
    } = u;
    let d = PyDict::new(py);
    for (key, ids) in [
        ("attributions", attributions),
        ("source_relations", source_relations),
        ("verdicts", verdicts),
        ("hops", hops),
        ("basis", basis),
        ("subject_of", subject_of),
    ] {
        d.set_item(key, ids.clone())?;
    }
    Ok(d)
}
