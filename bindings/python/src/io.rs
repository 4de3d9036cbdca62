//! Reading and writing graphs: what the JSON Lines ingest and the PROV and ClaimReview imports
//! report, opening JSON Lines files, and what a picture shows.

use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use claimgraph::io::IngestReport;
use claimgraph::{Error, ImportReport, PictureOptions, RejectedRecord, Result, SkippedRecord};
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::model::tuple;
use crate::records::PyCounts;

/// What a JSON Lines ingest read.
#[pyclass(name = "IngestReport", module = "claimgraph", frozen, eq)]
#[derive(Clone, PartialEq)]
pub(crate) struct PyIngestReport {
    pub(crate) inner: IngestReport,
}

#[pymethods]
impl PyIngestReport {
    /// Lines read, the meta line included.
    #[getter]
    fn lines(&self) -> u64 {
        self.inner.lines
    }

    /// Sources added.
    #[getter]
    fn sources(&self) -> usize {
        self.inner.sources
    }

    /// Claims added.
    #[getter]
    fn claims(&self) -> usize {
        self.inner.claims
    }

    /// Attributions added.
    #[getter]
    fn attributions(&self) -> usize {
        self.inner.attributions
    }

    /// Citations added.
    #[getter]
    fn citations(&self) -> usize {
        self.inner.citations
    }

    /// Citations flagged as closing a cycle that were read but not added.
    #[getter]
    fn skipped_cycle_citations(&self) -> usize {
        self.inner.skipped_cycle_citations
    }

    fn __repr__(&self) -> String {
        let r = &self.inner;
        format!(
            "<IngestReport: {} line(s); {} source(s), {} claim(s), {} attribution(s), {} citation(s)>",
            r.lines, r.sources, r.claims, r.attributions, r.citations
        )
    }
}

/// Reads a JSON Lines file with `read`; format errors name the file as well as the line.
pub(crate) fn jsonl_file<T>(
    path: &Path,
    read: impl FnOnce(BufReader<File>) -> Result<T>,
) -> Result<T> {
    let file = File::open(path).map_err(|source| Error::Io {
        action: "open",
        path: path.to_owned(),
        source,
    })?;
    read(BufReader::new(file)).map_err(|e| with_path(e, path))
}

/// What a picture shows: the whole graph, or one claim's neighbourhood.
pub(crate) fn picture(claim: Option<String>) -> PictureOptions {
    match claim {
        Some(c) => PictureOptions::around(c),
        None => PictureOptions::whole_graph(),
    }
}

/// The core reads from a reader and cannot know the file; the binding opened it, so it adds it.
fn with_path(e: Error, path: &Path) -> Error {
    match e {
        Error::Format {
            format,
            mut location,
            message,
        } => {
            location.path.get_or_insert_with(|| PathBuf::from(path));
            Error::Format {
                format,
                location,
                message,
            }
        }
        other => other,
    }
}

impl From<IngestReport> for PyIngestReport {
    fn from(inner: IngestReport) -> Self {
        PyIngestReport { inner }
    }
}

/// What an import from another tool's format (PROV-JSON, ClaimReview) read, added and left out.
/// Nothing is dropped silently: what has no place in a claim graph is in `skipped`, and every
/// choice made on the reader's behalf is in `notes`.
#[pyclass(name = "ImportReport", module = "claimgraph", frozen, eq)]
#[derive(Clone, PartialEq)]
pub(crate) struct PyImportReport {
    inner: ImportReport,
}

impl From<ImportReport> for PyImportReport {
    fn from(inner: ImportReport) -> Self {
        PyImportReport { inner }
    }
}

#[pymethods]
impl PyImportReport {
    /// How many records of each kind were added (a `Counts`).
    #[getter]
    fn added(&self) -> PyCounts {
        PyCounts {
            inner: self.inner.added,
        }
    }

    /// Records and attributes read but left out (`SkippedRecord` objects).
    #[getter]
    fn skipped<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(
            py,
            self.inner
                .skipped
                .iter()
                .map(|s| PySkippedRecord { inner: s.clone() }),
        )
    }

    /// The names of the PROV bundles whose records were read.
    #[getter]
    fn bundles<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        tuple(py, &self.inner.bundles)
    }

    /// Choices made while reading, one sentence each.
    #[getter]
    fn notes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        tuple(py, &self.inner.notes)
    }

    /// Records a lenient import left out because they could not be read (`RejectedRecord`
    /// objects).
    #[getter]
    fn rejected<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(
            py,
            self.inner
                .rejected
                .iter()
                .map(|r| PyRejectedRecord { inner: r.clone() }),
        )
    }

    fn __repr__(&self) -> String {
        let a = &self.inner.added;
        format!(
            "<ImportReport: {} source(s), {} claim(s), {} attribution(s), {} verdict(s) added; \
             {} skipped, {} rejected>",
            a.sources,
            a.claims,
            a.attributions,
            a.verdicts,
            self.inner.skipped.len(),
            self.inner.rejected.len()
        )
    }
}

/// A record that a lenient import left out because it could not be read.
#[pyclass(name = "RejectedRecord", module = "claimgraph", frozen, eq)]
#[derive(Clone, PartialEq)]
pub(crate) struct PyRejectedRecord {
    inner: RejectedRecord,
}

#[pymethods]
impl PyRejectedRecord {
    /// Its 0-based position among the records of the input.
    #[getter]
    fn index(&self) -> usize {
        self.inner.index
    }

    /// Its JSON path (`$[3]`).
    #[getter]
    fn record(&self) -> &str {
        &self.inner.record
    }

    /// The JSON path of the field that could not be read (`$[3].reviewRating.ratingValue`).
    #[getter]
    fn field(&self) -> &str {
        &self.inner.field
    }

    /// What was wrong with it.
    #[getter]
    fn reason(&self) -> &str {
        &self.inner.reason
    }

    fn __repr__(&self) -> String {
        format!(
            "<RejectedRecord {} at {}: {}>",
            self.inner.record, self.inner.field, self.inner.reason
        )
    }
}

/// A record, or one attribute of a record, that an import read but did not keep.
#[pyclass(name = "SkippedRecord", module = "claimgraph", frozen, eq)]
#[derive(Clone, PartialEq)]
pub(crate) struct PySkippedRecord {
    inner: SkippedRecord,
}

#[pymethods]
impl PySkippedRecord {
    /// What was skipped: a PROV record kind, `"attribute"`, or a JSON-LD `@type`.
    #[getter]
    fn kind(&self) -> &str {
        &self.inner.kind
    }

    /// The record's id as written in the input.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// For an attribute, its name as written; else `None`.
    #[getter]
    fn attribute(&self) -> Option<&str> {
        self.inner.attribute.as_deref()
    }

    /// The value left out, as compact JSON, or `None`.
    #[getter]
    fn value(&self) -> Option<&str> {
        self.inner.value.as_deref()
    }

    /// Why it has no place in the graph.
    #[getter]
    fn reason(&self) -> &str {
        &self.inner.reason
    }

    fn __repr__(&self) -> String {
        format!(
            "<SkippedRecord {} {:?}: {}>",
            self.inner.kind, self.inner.id, self.inner.reason
        )
    }
}
