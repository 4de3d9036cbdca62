//! Status figures: the numbers of a status without its lists, for tables of a whole graph.

use claimgraph::StatusSummary;
use pyo3::prelude::*;

use crate::model::to_dict;

/// The figures of a claim's status: how many sources assert, deny and doubt it, how many origins
/// and independent origins stand behind it, and its flags. Each figure equals the length (or
/// flag) of the same field of the claim's `Status`.
#[pyclass(name = "StatusSummary", module = "claimgraph", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct PyStatusSummary {
    pub(crate) inner: StatusSummary,
}

#[pymethods]
impl PyStatusSummary {
    /// The claim's id.
    #[getter]
    fn claim(&self) -> &str {
        &self.inner.claim
    }

    /// How many distinct sources assert the claim.
    #[getter]
    fn asserters(&self) -> usize {
        self.inner.asserters
    }

    /// How many distinct sources deny it.
    #[getter]
    fn deniers(&self) -> usize {
        self.inner.deniers
    }

    /// How many distinct sources doubt it.
    #[getter]
    fn doubters(&self) -> usize {
        self.inner.doubters
    }

    /// True when it is both asserted and denied.
    #[getter]
    fn disputed(&self) -> bool {
        self.inner.disputed
    }

    /// How many origins its assertions trace back to.
    #[getter]
    fn origins(&self) -> usize {
        self.inner.origins
    }

    /// How many independent origins stand behind it.
    #[getter]
    fn independent_origins(&self) -> usize {
        self.inner.independent_origins
    }

    /// True when it is asserted and every origin is an unnamed group or a collective.
    #[getter]
    fn unnamed_only(&self) -> bool {
        self.inner.unnamed_only
    }

    /// True when a denier is a subject of the claim or affiliated with one.
    #[getter]
    fn interested_denial(&self) -> bool {
        self.inner.interested_denial
    }

    /// True when some assertion traces back into a loop of sources citing each other.
    #[getter]
    fn circular_reporting(&self) -> bool {
        self.inner.circular_reporting
    }

    /// How many verdicts it has.
    #[getter]
    fn verdicts(&self) -> usize {
        self.inner.verdicts
    }

    /// The figures as the core serializes them.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner)
    }

    fn __repr__(&self) -> String {
        let s = &self.inner;
        format!(
            "<StatusSummary {:?} asserters={} deniers={} origins={} independent_origins={}>",
            s.claim, s.asserters, s.deniers, s.origins, s.independent_origins
        )
    }
}
