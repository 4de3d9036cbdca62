//! What the questions return: statuses, origins, chains, findings, assessments, the record as of a
//! date, and merge reports. Each wraps the core's result and converts on attribute access.

use std::hash::{Hash, Hasher};

use claimgraph::query::{MergeChoice, MergeConflict};
use claimgraph::{
    AsOf, Assessment, Chain, CircularReporting, Contradiction, Findings, MergeReport, Origin,
    OriginGroup, Reason, Status,
};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyTuple;

use crate::graph::PyClaimGraph;
use crate::model::{record_kind, to_dict, tuple, PyVerdict, MERGE_CHOICE, STANCE};

/// A tuple of Python objects made from core values.
fn objects<'py, T, P>(
    py: Python<'py>,
    items: &[T],
    f: impl Fn(&T) -> P,
) -> PyResult<Bound<'py, PyTuple>>
where
    P: IntoPyObject<'py>,
{
    PyTuple::new(py, items.iter().map(f))
}

/// Calls a function of the pure-Python `claimgraph._notebook` module (HTML, tables, networkx).
pub(crate) fn notebook<'py>(
    py: Python<'py>,
    name: &str,
    args: impl pyo3::call::PyCallArgs<'py>,
) -> PyResult<Bound<'py, PyAny>> {
    static MODULE: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
    MODULE
        .get_or_try_init(py, || {
            Ok::<_, PyErr>(py.import("claimgraph._notebook")?.unbind())
        })?
        .bind(py)
        .getattr(name)?
        .call1(args)
}

/// Everything the record says about one claim: who asserts, denies and doubts it, where its
/// assertions come from, and whether anything about it needs a second look.
#[pyclass(name = "Status", module = "claimgraph", frozen, eq, hash)]
pub(crate) struct PyStatus {
    pub(crate) inner: Status,
    /// The graph the status was taken from, which draws the claim's picture in a notebook.
    pub(crate) graph: Py<PyClaimGraph>,
}

/// Two statuses are equal when they say the same of the same claim, whichever graph they came
/// from.
impl PartialEq for PyStatus {
    fn eq(&self, other: &Self) -> bool {
        self.inner == other.inner
    }
}

impl Hash for PyStatus {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.inner.claim.hash(state);
    }
}

#[pymethods]
impl PyStatus {
    /// The claim's id.
    #[getter]
    fn claim(&self) -> &str {
        &self.inner.claim
    }

    /// Ids of the distinct sources that assert the claim, sorted.
    #[getter]
    fn asserters<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        tuple(py, &self.inner.asserters)
    }

    /// Ids of the distinct sources that deny it, sorted.
    #[getter]
    fn deniers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        tuple(py, &self.inner.deniers)
    }

    /// Ids of the distinct sources that doubt it, sorted.
    #[getter]
    fn doubters<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        tuple(py, &self.inner.doubters)
    }

    /// Ids of the distinct sources recorded as saying nothing either way ("declined to
    /// comment", "did not respond"), sorted; they count neither for nor against the claim.
    #[getter]
    fn no_comment<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        tuple(py, &self.inner.no_comment)
    }

    /// True when the claim is both asserted and denied.
    #[getter]
    fn disputed(&self) -> bool {
        self.inner.disputed
    }

    /// The origins of its assertions (`Origin` objects), sorted by id.
    #[getter]
    fn origins<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        objects(py, &self.inner.origins, |o| PyOrigin { inner: o.clone() })
    }

    /// The origins grouped by independence (`OriginGroup` objects), sorted by top.
    #[getter]
    fn independent_origins<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        objects(py, &self.inner.independent_origins, |g| PyOriginGroup {
            inner: g.clone(),
        })
    }

    /// How many independent origins stand behind the claim.
    #[getter]
    fn independent_origin_count(&self) -> usize {
        self.inner.independent_origin_count()
    }

    /// True when it is asserted and every origin is an unnamed group or a collective.
    #[getter]
    fn unnamed_only(&self) -> bool {
        self.inner.unnamed_only
    }

    /// Ids of deniers that are a subject of the claim or affiliated with one, sorted.
    #[getter]
    fn interested_deniers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        tuple(py, &self.inner.interested_deniers)
    }

    /// True when some assertion traces back into a loop of sources citing each other.
    #[getter]
    fn circular_reporting(&self) -> bool {
        self.inner.circular_reporting
    }

    /// The verdicts on the claim (`Verdict` objects), sorted by id.
    #[getter]
    fn verdicts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        objects(py, &self.inner.verdicts, |v| PyVerdict::from(v.clone()))
    }

    /// The status as the core serializes it to JSON (the shape the Rust API writes).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner)
    }

    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        notebook(slf.py(), "status_html", (slf,))
    }

    /// The claim's neighbourhood in the graph the status came from, as that graph stands when
    /// shown, drawn by Graphviz; None when Graphviz is not installed.
    fn _repr_svg_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let s = slf.get();
        notebook(
            slf.py(),
            "picture_svg",
            (s.graph.bind(slf.py()), s.inner.claim.as_str()),
        )
    }

    fn __repr__(&self) -> String {
        let s = &self.inner;
        format!(
            "<Status of {:?}: {} asserting, {} denying, {} doubting, {} independent origin(s){}>",
            s.claim,
            s.asserters.len(),
            s.deniers.len(),
            s.doubters.len(),
            s.independent_origin_count(),
            if s.disputed { ", disputed" } else { "" }
        )
    }
}

/// A root source a claim's assertions trace back to; a loop of sources citing each other counts
/// as one origin (`circular`, with every member listed).
#[pyclass(name = "Origin", module = "claimgraph", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct PyOrigin {
    pub(crate) inner: Origin,
}

#[pymethods]
impl PyOrigin {
    /// The origin's id (the smallest member id when it is a loop).
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// The sources that make up the origin, sorted (one, unless `circular`).
    #[getter]
    fn members<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        tuple(py, &self.inner.members)
    }

    /// True when the origin is a loop of sources citing each other.
    #[getter]
    fn circular(&self) -> bool {
        self.inner.circular
    }

    /// True when every member is an unnamed group or a collective.
    #[getter]
    fn unnamed(&self) -> bool {
        self.inner.unnamed
    }

    /// The origin as the core serializes it.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner)
    }

    fn __repr__(&self) -> String {
        let o = &self.inner;
        format!(
            "<Origin {:?} members={:?} circular={} unnamed={}>",
            o.id,
            o.members,
            py_bool(o.circular),
            py_bool(o.unnamed)
        )
    }
}

fn py_bool(b: bool) -> &'static str {
    if b {
        "True"
    } else {
        "False"
    }
}

/// Origins that are not independent of each other: they share the top of their affiliation
/// chain (two spokespeople of one ministry are one independent origin).
#[pyclass(name = "OriginGroup", module = "claimgraph", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct PyOriginGroup {
    pub(crate) inner: OriginGroup,
}

#[pymethods]
impl PyOriginGroup {
    /// The source at the top of the members' affiliation chains.
    #[getter]
    fn top(&self) -> &str {
        &self.inner.top
    }

    /// The ids of the origins in the group, sorted.
    #[getter]
    fn origins<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        tuple(py, &self.inner.origins)
    }

    /// The group as the core serializes it.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner)
    }

    fn __repr__(&self) -> String {
        format!(
            "<OriginGroup top={:?} origins={:?}>",
            self.inner.top, self.inner.origins
        )
    }
}

/// One path from an attribution's source up to an origin ("ROK media -> ROK sources").
#[pyclass(name = "Chain", module = "claimgraph", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct PyChain {
    pub(crate) inner: Chain,
}

#[pymethods]
impl PyChain {
    /// The claim.
    #[getter]
    fn claim(&self) -> &str {
        &self.inner.claim
    }

    /// The attribution the chain starts from.
    #[getter]
    fn attribution(&self) -> &str {
        &self.inner.attribution
    }

    /// The attribution's stance (a `Stance`).
    #[getter]
    fn stance<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        STANCE.member(py, self.inner.stance.as_str())
    }

    /// The document or outlet the attribution was reported in, or `None`.
    #[getter]
    fn via(&self) -> Option<&str> {
        self.inner.via.as_deref()
    }

    /// Source ids from the attributed source to the origin.
    #[getter]
    fn path<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        tuple(py, &self.inner.path)
    }

    /// True when the path stopped because it came back to a source already on it.
    #[getter]
    fn circular(&self) -> bool {
        self.inner.circular
    }

    /// The chain as the core serializes it.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner)
    }

    fn __repr__(&self) -> String {
        format!(
            "<Chain {} {:?}: {}{}>",
            self.inner.stance,
            self.inner.claim,
            self.inner.path.join(" -> "),
            if self.inner.circular { " (loop)" } else { "" }
        )
    }
}

/// A loop of sources citing each other, and the claims whose assertions trace into it.
#[pyclass(name = "CircularReporting", module = "claimgraph", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct PyCircularReporting {
    pub(crate) inner: CircularReporting,
}

#[pymethods]
impl PyCircularReporting {
    /// The sources in the loop, sorted.
    #[getter]
    fn sources<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        tuple(py, &self.inner.sources)
    }

    /// The claims whose assertions trace into the loop, sorted.
    #[getter]
    fn claims<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        tuple(py, &self.inner.claims)
    }

    fn __repr__(&self) -> String {
        format!(
            "<CircularReporting sources={:?} claims={:?}>",
            self.inner.sources, self.inner.claims
        )
    }
}

/// Two claims that cannot both be true, yet both stand asserted.
#[pyclass(name = "Contradiction", module = "claimgraph", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct PyContradiction {
    pub(crate) inner: Contradiction,
}

#[pymethods]
impl PyContradiction {
    /// One claim (the `from_` of the contradicts relation).
    #[getter]
    fn claim(&self) -> &str {
        &self.inner.claim
    }

    /// The claim it contradicts.
    #[getter]
    fn other(&self) -> &str {
        &self.inner.other
    }

    /// Sources that assert both, sorted.
    #[getter]
    fn sources_asserting_both<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        tuple(py, &self.inner.sources_asserting_both)
    }

    fn __repr__(&self) -> String {
        format!(
            "<Contradiction {:?} vs {:?} asserted together by {:?}>",
            self.inner.claim, self.inner.other, self.inner.sources_asserting_both
        )
    }
}

/// Graph-wide findings, each list sorted: what a fact-checker should look at first.
#[pyclass(name = "Findings", module = "claimgraph", frozen, eq)]
#[derive(Clone, PartialEq)]
pub(crate) struct PyFindings {
    pub(crate) inner: Findings,
}

#[pymethods]
impl PyFindings {
    /// Claims both asserted and denied.
    #[getter]
    fn disputed<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        tuple(py, &self.inner.disputed)
    }

    /// Asserted claims with exactly one independent origin.
    #[getter]
    fn single_origin<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        tuple(py, &self.inner.single_origin)
    }

    /// Asserted claims whose origins are all unnamed groups or collectives.
    #[getter]
    fn unnamed_only<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        tuple(py, &self.inner.unnamed_only)
    }

    /// Loops of sources citing each other (`CircularReporting` objects).
    #[getter]
    fn circular_reporting<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        objects(py, &self.inner.circular_reporting, |c| {
            PyCircularReporting { inner: c.clone() }
        })
    }

    /// Claims linked by contradicts that are both asserted (`Contradiction` objects).
    #[getter]
    fn contradictions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        objects(py, &self.inner.contradictions, |c| PyContradiction {
            inner: c.clone(),
        })
    }

    /// The findings as the core serializes them.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner)
    }

    fn __repr__(&self) -> String {
        let f = &self.inner;
        format!(
            "<Findings: {} disputed, {} single-origin, {} unnamed-only, {} loop(s), {} contradiction(s)>",
            f.disputed.len(),
            f.single_origin.len(),
            f.unnamed_only.len(),
            f.circular_reporting.len(),
            f.contradictions.len()
        )
    }
}

/// One signed, named contribution to a credibility score.
#[pyclass(name = "Reason", module = "claimgraph", frozen, eq)]
#[derive(Clone, PartialEq)]
pub(crate) struct PyReason {
    pub(crate) inner: Reason,
}

#[pymethods]
impl PyReason {
    /// What the reason is about, as the core names it (`"independent_origin"`...).
    #[getter]
    fn kind<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner.kind)
    }

    /// The signed contribution.
    #[getter]
    fn weight(&self) -> f64 {
        self.inner.weight
    }

    /// A sentence for a reader.
    #[getter]
    fn detail(&self) -> &str {
        &self.inner.detail
    }

    /// The reason as the core serializes it.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<Reason {} {:+.2}: {}>",
            self.kind(py)?,
            self.inner.weight,
            self.inner.detail
        ))
    }
}

/// A credibility score in [0, 1] and the signed reasons behind it.
#[pyclass(name = "Assessment", module = "claimgraph", frozen, eq)]
#[derive(Clone, PartialEq)]
pub(crate) struct PyAssessment {
    pub(crate) inner: Assessment,
}

#[pymethods]
impl PyAssessment {
    /// The claim.
    #[getter]
    fn claim(&self) -> &str {
        &self.inner.claim
    }

    /// The score, from 0 (not credible) to 1.
    #[getter]
    fn score(&self) -> f64 {
        self.inner.score
    }

    /// Why (`Reason` objects): the weighted reasons, whose weights add up to the score's
    /// log-odds.
    #[getter]
    fn reasons<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        objects(py, &self.inner.reasons, |r| PyReason { inner: r.clone() })
    }

    /// Remarks of weight 0 that explain the answer (`Reason` objects): unnamed-only origins,
    /// circular reporting, an interested denier, a non-statement, an unrated verdict, a rating
    /// that disagrees with its label.
    #[getter]
    fn notes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        objects(py, &self.inner.notes, |r| PyReason { inner: r.clone() })
    }

    /// The score from the evidence alone (origins, denials, doubts), which no verdict moves: what
    /// a desk deciding its own verdict should read.
    #[getter]
    fn evidence_score(&self) -> f64 {
        self.inner.evidence_score
    }

    /// How much the verdicts move the log-odds (0 without a rated verdict).
    #[getter]
    fn verdict_effect(&self) -> f64 {
        self.inner.verdict_effect
    }

    /// The assessment as the core serializes it.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner)
    }

    fn __repr__(&self) -> String {
        format!(
            "<Assessment of {:?}: {:.2} ({} reason(s))>",
            self.inner.claim,
            self.inner.score,
            self.inner.reasons.len()
        )
    }
}

/// The graph as it stood on a date, and what could not be placed in time.
#[pyclass(name = "AsOf", module = "claimgraph", frozen)]
pub(crate) struct PyAsOf {
    date: String,
    graph: Py<PyClaimGraph>,
    unplaced: Vec<String>,
}

impl PyAsOf {
    pub(crate) fn new(py: Python<'_>, as_of: AsOf) -> PyResult<Self> {
        Ok(PyAsOf {
            date: as_of.date.to_string(),
            graph: Py::new(py, PyClaimGraph::from(as_of.graph))?,
            unplaced: as_of.unplaced,
        })
    }
}

#[pymethods]
impl PyAsOf {
    /// The cut-off (canonical text).
    #[getter]
    fn date(&self) -> &str {
        &self.date
    }

    /// The graph as it stood then (a `ClaimGraph` of its own).
    #[getter]
    fn graph(&self, py: Python<'_>) -> Py<PyClaimGraph> {
        self.graph.clone_ref(py)
    }

    /// Ids of attributions and verdicts left out because they cannot be placed before or after
    /// the cut-off, sorted.
    #[getter]
    fn unplaced<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        tuple(py, &self.unplaced)
    }

    fn __repr__(&self) -> String {
        format!(
            "<AsOf {}: {} record(s) could not be placed>",
            self.date,
            self.unplaced.len()
        )
    }
}

/// A field on which two merged graphs disagreed, and how it was settled.
#[pyclass(name = "MergeConflict", module = "claimgraph", frozen, eq)]
#[derive(Clone, PartialEq)]
pub(crate) struct PyMergeConflict {
    pub(crate) inner: MergeConflict,
}

#[pymethods]
impl PyMergeConflict {
    /// The kind of record (a `RecordKind`).
    #[getter]
    fn kind<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        record_kind(py, self.inner.kind)
    }

    /// The record's id.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// The field.
    #[getter]
    fn field(&self) -> &str {
        self.inner.field
    }

    /// This graph's value, as JSON.
    #[getter]
    fn ours(&self) -> &str {
        &self.inner.ours
    }

    /// The other graph's value, as JSON.
    #[getter]
    fn theirs(&self) -> &str {
        &self.inner.theirs
    }

    /// Which side was kept (a `MergeChoice`).
    #[getter]
    fn chosen<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let side = match self.inner.chosen {
            MergeChoice::Ours => "ours",
            MergeChoice::Theirs => "theirs",
        };
        MERGE_CHOICE.member(py, side)
    }

    fn __repr__(&self) -> String {
        let c = &self.inner;
        format!(
            "<MergeConflict {} {:?}.{}: ours {} vs theirs {}>",
            c.kind, c.id, c.field, c.ours, c.theirs
        )
    }
}

/// What a merge did: records added, records found equal, and conflicts with how each was settled.
#[pyclass(name = "MergeReport", module = "claimgraph", frozen, eq)]
#[derive(Clone, PartialEq)]
pub(crate) struct PyMergeReport {
    pub(crate) inner: MergeReport,
}

#[pymethods]
impl PyMergeReport {
    /// Ids of records added from the other graph, sorted.
    #[getter]
    fn added<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        tuple(py, &self.inner.added)
    }

    /// Ids of records both graphs held with equal fields, sorted.
    #[getter]
    fn unchanged<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        tuple(py, &self.inner.unchanged)
    }

    /// Fields on which they disagreed (`MergeConflict` objects).
    #[getter]
    fn conflicts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        objects(py, &self.inner.conflicts, |c| PyMergeConflict {
            inner: c.clone(),
        })
    }

    fn __repr__(&self) -> String {
        let r = &self.inner;
        format!(
            "<MergeReport: {} added, {} unchanged, {} conflict(s)>",
            r.added.len(),
            r.unchanged.len(),
            r.conflicts.len()
        )
    }
}
