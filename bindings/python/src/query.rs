//! What the questions return: statuses, origins, chains, findings, assessments, the record as of a
//! date, and merge reports. Each wraps the core's result and converts on attribute access; the
//! field lists are the one place each is declared (see [`crate::fields`]).

use std::hash::{Hash, Hasher};

use claimgraph::{
    AsOf, Assessment, Chain, CircularReporting, Contradiction, Findings, Inference, MergeConflict,
    MergeReport, Origin, OriginGroup, Reason, Status, Unplaced,
};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

use crate::fields::{fields, wrapper, ToPython};
use crate::graph::PyClaimGraph;

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

fields! {
    PyStatus(Status) as "Status" {
        ;
        /// The claim's id.
        claim,
        /// Ids of the distinct sources that assert the claim, sorted.
        asserters,
        /// Ids of the distinct sources that deny it, sorted.
        deniers,
        /// Ids of the distinct sources that doubt it, sorted.
        doubters,
        /// Ids of the distinct sources recorded as saying nothing either way ("declined to
        /// comment", "did not respond"), sorted; they count neither for nor against the claim.
        no_comment,
        /// True when the claim is both asserted and denied.
        disputed,
        /// The origins of its assertions (`Origin` objects), sorted by id.
        origins,
        /// The origins grouped by independence (`OriginGroup` objects), sorted by top.
        independent_origins,
        /// True when it is asserted and every origin is an unnamed group or a collective.
        unnamed_only,
        /// Ids of deniers that are interested parties, sorted: the denier, the author or
        /// publisher of the denying document, or what any of them is affiliated with at the time
        /// of the denial, is a subject of the claim.
        interested_deniers,
        /// True when some assertion traces back into a loop of sources citing each other.
        circular_reporting,
        /// The verdicts on the claim (`Verdict` objects), sorted by id.
        verdicts,
        /// The stances counted for this claim because of relations between claims
        /// (`Inference` objects), each with why: what was said of a rewording (same-as, also in
        /// the lists above), assertions of its specializations (support carried up) and denials
        /// of what it specializes (carried down). Sorted by claim, stance, source.
        inferred,
    }
    repr(_py) {
        Ok(format!(
            "<Status of {claim:?}: {} asserting, {} denying, {} doubting, {} independent origin(s){}>",
            asserters.len(),
            deniers.len(),
            doubters.len(),
            independent_origins.len(),
            if *disputed { ", disputed" } else { "" }
        ))
    }
    methods {
        /// How many independent origins stand behind the claim.
        #[getter]
        fn independent_origin_count(&self) -> usize {
            self.inner.independent_origin_count()
        }

        /// What a reader looks for at a glance, in this order, each only when it holds:
        /// "disputed", "interested denial", "unnamed sources only", "circular reporting",
        /// "no comment", "related claims" (stances counted through same-as or specializes) and
        /// "verdict". The status table shows them as its flags column.
        #[getter]
        fn flags(&self) -> Vec<&'static str> {
            self.inner.flags()
        }

        /// The claim's text, read from the graph the status came from; None when the claim is
        /// no longer in it.
        #[getter]
        fn text(slf: &Bound<'_, Self>) -> PyResult<Option<String>> {
            let s = slf.get();
            let id = s.inner.claim.clone();
            s.graph
                .bind(slf.py())
                .get()
                .reading(slf.py(), move |g| Ok(g.claim(&id).map(|c| c.text.clone())))
        }

        fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
            notebook(slf.py(), "status_html", (slf,))
        }

        /// The claim's neighbourhood in the graph the status came from, as that graph stands
        /// when shown, drawn by Graphviz; None when Graphviz is not installed.
        fn _repr_svg_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
            let s = slf.get();
            notebook(slf.py(), "picture_svg", (s.graph.bind(slf.py()), s.inner.claim.as_str()))
        }
    }
}

wrapper! {
    /// A root source a claim's assertions trace back to; a loop of sources citing each other
    /// counts as one origin (`circular`, with every member listed).
    #[derive(Eq, Hash)]
    PyOrigin(Origin) as "Origin", hash
}

fields! {
    PyOrigin(Origin) as "Origin" {
        ;
        /// The origin's id (the smallest member id when it is a loop).
        id,
        /// The sources that make up the origin, sorted (one, unless `circular`).
        members,
        /// True when the origin is a loop of sources citing each other.
        circular,
        /// True when every member is an unnamed group or a collective.
        unnamed,
    }
}

wrapper! {
    /// Origins that are not independent of each other: they share the top of their affiliation
    /// chain (two spokespeople of one ministry are one independent origin).
    #[derive(Eq, Hash)]
    PyOriginGroup(OriginGroup) as "OriginGroup", hash
}

fields! {
    PyOriginGroup(OriginGroup) as "OriginGroup" {
        ;
        /// The source at the top of the members' affiliation chains.
        top,
        /// The ids of the origins in the group, sorted.
        origins,
    }
}

wrapper! {
    /// One path from an attribution's source up to an origin ("ROK media -> ROK sources").
    #[derive(Eq, Hash)]
    PyChain(Chain) as "Chain", hash
}

fields! {
    PyChain(Chain) as "Chain" {
        ;
        /// The claim.
        claim,
        /// The attribution the chain starts from.
        attribution,
        /// The attribution's stance (a `Stance`).
        stance,
        /// The document or outlet the attribution was reported in, or `None`.
        via,
        /// Source ids from the attributed source to the origin.
        path,
        /// True when the path stopped because it came back to a source already on it.
        circular,
    }
}

wrapper! {
    /// A loop of sources citing each other, and the claims whose assertions trace into it.
    #[derive(Eq, Hash)]
    PyCircularReporting(CircularReporting) as "CircularReporting", hash
}

fields! {
    PyCircularReporting(CircularReporting) as "CircularReporting" {
        ;
        /// The sources in the loop, sorted.
        sources,
        /// The claims whose assertions trace into the loop, sorted.
        claims,
    }
}

wrapper! {
    /// Two claims that cannot both be true, yet both stand asserted.
    #[derive(Eq, Hash)]
    PyContradiction(Contradiction) as "Contradiction", hash
}

fields! {
    PyContradiction(Contradiction) as "Contradiction" {
        ;
        /// One claim (the `from_` of the contradicts relation).
        claim,
        /// The claim it contradicts.
        other,
        /// Sources that assert both, sorted.
        sources_asserting_both,
    }
}

wrapper! {
    /// Graph-wide findings, each list sorted: what a fact-checker should look at first.
    PyFindings(Findings) as "Findings"
}

fields! {
    PyFindings(Findings) as "Findings" {
        ;
        /// Claims both asserted and denied.
        disputed,
        /// Asserted claims with exactly one independent origin.
        single_origin,
        /// Asserted claims whose origins are all unnamed groups or collectives.
        unnamed_only,
        /// Loops of sources citing each other (`CircularReporting` objects).
        circular_reporting,
        /// Claims linked by contradicts that are both asserted (`Contradiction` objects).
        contradictions,
    }
}

wrapper! {
    /// One signed, named contribution to a credibility score.
    PyReason(Reason) as "Reason"
}

fields! {
    PyReason(Reason) as "Reason" {
        ;
        /// What the reason is about, as the core names it (`"independent_origin"`...).
        kind,
        /// The signed contribution.
        weight,
        /// A sentence for a reader.
        detail,
    }
}

wrapper! {
    /// A stance counted for a claim because of a relation between claims, and why.
    #[derive(Eq, Hash)]
    PyInference(Inference) as "Inference", hash
}

fields! {
    PyInference(Inference) as "Inference" {
        ;
        /// Who took the stance (a source id).
        source,
        /// The stance taken (a `Stance`).
        stance,
        /// The related claim it was taken on.
        claim,
        /// How that claim stands to this one (a `ClaimRelationKind`: same-as or specializes).
        relation,
        /// The attribution that records it.
        attribution,
        /// A sentence for a reader.
        detail,
    }
}

wrapper! {
    /// A credibility score in [0, 1] and the signed reasons behind it.
    PyAssessment(Assessment) as "Assessment"
}

fields! {
    PyAssessment(Assessment) as "Assessment" {
        ;
        /// The claim.
        claim,
        /// The score, from 0 (not credible) to 1.
        score,
        /// The score from the evidence alone (origins, denials, doubts), which no verdict moves:
        /// what a desk deciding its own verdict should read.
        evidence_score,
        /// How much the verdicts move the log-odds (0 without a rated verdict).
        verdict_effect,
        /// Why (`Reason` objects): the weighted reasons, whose weights add up to the score's
        /// log-odds.
        reasons,
        /// Remarks of weight 0 that explain the answer (`Reason` objects): unnamed-only origins,
        /// circular reporting, an interested denier, a non-statement, an unrated verdict, a
        /// rating that disagrees with its label.
        notes,
    }
    repr(_py) {
        Ok(format!(
            "<Assessment of {claim:?}: {score:.2}, {evidence_score:.2} on the evidence alone \
             ({} reason(s), {} note(s))>",
            reasons.len(),
            notes.len()
        ))
    }
}

wrapper! {
    /// A field on which two merged graphs disagreed, and how it was settled.
    PyMergeConflict(MergeConflict) as "MergeConflict"
}

fields! {
    PyMergeConflict(MergeConflict) as "MergeConflict" {
        ;
        /// The kind of record (a `RecordKind`).
        kind,
        /// The record's id.
        id,
        /// The field.
        field,
        /// This graph's value, as JSON.
        ours,
        /// The other graph's value, as JSON.
        theirs,
        /// Which side was kept (a `MergeChoice`).
        chosen,
    }
}

wrapper! {
    /// What a merge did: records added, records found equal, records whose lists it extended,
    /// and conflicts with how each was settled.
    PyMergeReport(MergeReport) as "MergeReport"
}

fields! {
    PyMergeReport(MergeReport) as "MergeReport" {
        ;
        /// Ids of records added from the other graph, sorted.
        added,
        /// Ids of records both graphs held with equal fields, sorted.
        unchanged,
        /// Ids of records both graphs held whose aliases, tags or subjects were extended with
        /// those only the other graph listed, sorted.
        extended,
        /// Fields on which they disagreed (`MergeConflict` objects).
        conflicts,
    }
}

wrapper! {
    /// An attribution or verdict that could not be placed before or after an `as_of` cut-off,
    /// and why.
    #[derive(Eq, Hash)]
    PyUnplaced(Unplaced) as "Unplaced", hash
}

fields! {
    PyUnplaced(Unplaced) as "Unplaced" {
        /// The attribution's or verdict's id.
        id;
        /// What the record lacks, in a sentence.
        reason,
    }
}

/// The graph as it stood on a date, and what could not be placed in time.
#[pyclass(name = "AsOf", module = "claimgraph", frozen)]
pub(crate) struct PyAsOf {
    inner: AsOf,
    graph: Py<PyClaimGraph>,
}

impl PyAsOf {
    pub(crate) fn new(py: Python<'_>, mut as_of: AsOf) -> PyResult<Self> {
        let graph = std::mem::take(&mut as_of.graph);
        Ok(PyAsOf {
            inner: as_of,
            graph: Py::new(py, PyClaimGraph::from(graph))?,
        })
    }
}

#[pymethods]
impl PyAsOf {
    /// The cut-off (canonical text).
    #[getter]
    fn date<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.inner.date.to_python(py)
    }

    /// The graph as it stood then (a `ClaimGraph` of its own).
    #[getter]
    fn graph(&self, py: Python<'_>) -> Py<PyClaimGraph> {
        self.graph.clone_ref(py)
    }

    /// Ids of attributions and verdicts left out because they cannot be placed before or after
    /// the cut-off, sorted.
    #[getter]
    fn unplaced<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.inner.unplaced.to_python(py)
    }

    /// Why each of `unplaced` could not be placed (`Unplaced` objects), sorted by id.
    #[getter]
    fn unplaced_reasons<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.inner.unplaced_reasons.to_python(py)
    }

    fn __repr__(&self) -> String {
        let AsOf {
            date,
            graph: _,
            unplaced,
            unplaced_reasons: _,
        } = &self.inner;
        format!(
            "<AsOf {date}: {} record(s) could not be placed>",
            unplaced.len()
        )
    }
}
