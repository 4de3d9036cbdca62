//! Python bindings for claimgraph: the native module `claimgraph._claimgraph`.
//!
//! The binding converts arguments, calls one core function and converts the result; every rule
//! lives in the core. The enums, exceptions and notebook helpers are plain Python
//! (`claimgraph/_enums.py`, `_errors.py`, `_notebook.py`), which this module imports when it needs
//! them; the `claimgraph` package re-exports everything.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod errors;
mod extract;
mod fields;
mod graph;
mod io;
mod matching;
mod model;
mod query;
mod records;
mod store;
mod summary;
mod time;

use pyo3::prelude::*;

/// The native part of the `claimgraph` package; import `claimgraph` instead.
#[pymodule]
mod _claimgraph {
    #[pymodule_export]
    use crate::extract::{extract, PyExtraction};
    #[pymodule_export]
    use crate::fields::_value_names;
    #[pymodule_export]
    use crate::graph::PyClaimGraph;
    #[pymodule_export]
    use crate::io::{PyImportReport, PyIngestReport, PyRejectedRecord, PySkippedRecord};
    #[pymodule_export]
    use crate::matching::{PyDuplicateCandidate, PyMatchPart, PySimilarClaim};
    #[pymodule_export]
    use crate::model::{
        PyAttribution, PyClaim, PyClaimRelation, PyHop, PyQuantity, PyRating, PySource,
        PySourceRelation, PyVerdict,
    };
    #[pymodule_export]
    use crate::query::{
        PyAsOf, PyAssessment, PyChain, PyCircularReporting, PyContradiction, PyFindings,
        PyInference, PyMergeConflict, PyMergeReport, PyOrigin, PyOriginGroup, PyReason, PyStatus,
        PyUnplaced,
    };
    #[pymodule_export]
    use crate::records::{PyCounts, PyRecords};
    #[pymodule_export]
    use crate::store::{PyEvent, PyHistoryCheck, PyStoredGraph, PyTransaction};
    #[pymodule_export]
    use crate::summary::PyStatusSummary;
    #[pymodule_export]
    use crate::time::PyPeriod;

    use super::*;

    /// Panics inside the guard every core call runs in, so tests can check that a panic reaches
    /// Python as a `ClaimGraphError` carrying its message, never as a `PanicException`.
    #[pyfunction]
    #[allow(clippy::panic)] // the panic is the point: it is what the guard is tested against
    fn _panic_in_core_call(py: Python<'_>, message: String) -> PyResult<()> {
        crate::errors::run(py, || -> Result<(), claimgraph::Error> {
            std::panic::panic_any(message)
        })
    }

    /// A test hook: the next call into the core from this thread, through any entry point,
    /// panics inside the guard, which must turn it into a `ClaimGraphError`.
    #[pyfunction]
    fn _panic_on_next_core_call() {
        crate::errors::panic_on_next_call();
    }

    /// The version of the claimgraph core this module was built from.
    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("__version__", env!("CARGO_PKG_VERSION"))
    }
}
