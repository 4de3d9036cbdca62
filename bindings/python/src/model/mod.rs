//! The records of a graph as Python objects, and the named values (kinds, stances...) as members
//! of the `enum.Enum` classes of `claimgraph._enums`.

pub(crate) mod attribution;
pub(crate) mod claim;
pub(crate) mod relation;
pub(crate) mod source;
pub(crate) mod verdict;

use std::str::FromStr;

use claimgraph::{Error, RecordKind};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyString, PyType};

use crate::errors::to_py_err;

pub(crate) use attribution::{PyAttribution, PyHop, Via};
pub(crate) use claim::{PyClaim, PyQuantity};
pub(crate) use relation::{PyClaimRelation, PySourceRelation};
pub(crate) use source::PySource;
pub(crate) use verdict::{PyRating, PyVerdict};

/// One of the enum classes of `claimgraph._enums`, imported once.
pub(crate) struct EnumClass {
    name: &'static str,
    cell: PyOnceLock<Py<PyType>>,
}

impl EnumClass {
    const fn new(name: &'static str) -> EnumClass {
        EnumClass {
            name,
            cell: PyOnceLock::new(),
        }
    }

    /// The member whose value is `value` (a name the core wrote).
    pub(crate) fn member<'py>(&self, py: Python<'py>, value: &str) -> PyResult<Bound<'py, PyAny>> {
        self.cell
            .import(py, "claimgraph._enums", self.name)?
            .call1((value,))
    }
}

pub(crate) static SOURCE_KIND: EnumClass = EnumClass::new("SourceKind");
pub(crate) static STANCE: EnumClass = EnumClass::new("Stance");
pub(crate) static MODALITY: EnumClass = EnumClass::new("Modality");
pub(crate) static RELIABILITY: EnumClass = EnumClass::new("Reliability");
pub(crate) static SOURCE_RELATION_KIND: EnumClass = EnumClass::new("SourceRelationKind");
pub(crate) static CLAIM_RELATION_KIND: EnumClass = EnumClass::new("ClaimRelationKind");
pub(crate) static RECORD_KIND: EnumClass = EnumClass::new("RecordKind");
pub(crate) static MERGE_CHOICE: EnumClass = EnumClass::new("MergeChoice");
pub(crate) static MERGE_POLICY: EnumClass = EnumClass::new("MergePolicy");

/// The `RecordKind` member for a core record kind.
pub(crate) fn record_kind(py: Python<'_>, kind: RecordKind) -> PyResult<Bound<'_, PyAny>> {
    RECORD_KIND.member(py, kind.as_str())
}

/// A named value from an enum member or its name (enum members are `str` too); the core decides
/// which names (and spellings) it accepts.
pub(crate) fn parse_named<T>(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<T>
where
    T: FromStr<Err = Error>,
{
    let text = obj.cast::<PyString>().map_err(|_| {
        PyTypeError::new_err(format!(
            "{field} must be a str or one of its enum members, not {}",
            type_name(obj)
        ))
    })?;
    text.to_cow()?
        .parse::<T>()
        .map_err(|e| to_py_err(obj.py(), e))
}

/// An optional named value; `None` stays `None`.
pub(crate) fn parse_named_opt<T>(obj: Option<&Bound<'_, PyAny>>, field: &str) -> PyResult<Option<T>>
where
    T: FromStr<Err = Error>,
{
    match obj {
        Some(o) if !o.is_none() => parse_named(o, field).map(Some),
        _ => Ok(None),
    }
}

/// A number argument (a float, or an int a float can hold). An int too large for a float, which
/// Python reports as an `OverflowError`, is an `InvalidInputError` (a `ValueError`) naming the
/// field, as a NaN or an infinite value is once the core validates the record.
pub(crate) fn number(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<f64> {
    match obj.extract::<f64>() {
        Err(e) if e.is_instance_of::<pyo3::exceptions::PyOverflowError>(obj.py()) => Err(
            crate::errors::invalid_input(obj.py(), field, "the number is too large for a float"),
        ),
        other => other,
    }
}

pub(crate) fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "an unknown type".to_owned())
}

/// A list of strings from any iterable of `str` except a bare `str` (which would otherwise be read
/// as its characters).
pub(crate) fn strings(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<Vec<String>> {
    if obj.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{field} must be a list or tuple of str, not a single str"
        )));
    }
    obj.try_iter()
        .map_err(|_| {
            PyTypeError::new_err(format!(
                "{field} must be a list or tuple of str, not {}",
                type_name(obj)
            ))
        })?
        .map(|item| {
            item?
                .extract::<String>()
                .map_err(|_| PyTypeError::new_err(format!("every item of {field} must be a str")))
        })
        .collect()
}

/// The record as the core serializes it (the native format's shape), as Python dicts and lists.
pub(crate) fn to_dict<'py>(
    py: Python<'py>,
    value: &impl serde::Serialize,
) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let text = serde_json::to_string(value).map_err(|e| {
        to_py_err(
            py,
            Error::InvalidField {
                id: String::new(),
                field: "value",
                reason: format!("cannot be written as JSON: {e}"),
            },
        )
    })?;
    LOADS
        .get_or_try_init(py, || {
            Ok::<_, PyErr>(py.import("json")?.getattr("loads")?.unbind())
        })?
        .bind(py)
        .call1((text,))
}

/// Applies `name=value` changes through `set`, rejecting names `set` does not know as Python does
/// for an unexpected keyword argument.
pub(crate) fn apply_changes(
    owner: &str,
    changes: Option<&Bound<'_, PyDict>>,
    mut set: impl FnMut(&str, &Bound<'_, PyAny>) -> PyResult<bool>,
) -> PyResult<()> {
    if let Some(changes) = changes {
        for (key, value) in changes.iter() {
            let key: String = key.extract()?;
            if !set(&key, &value)? {
                return Err(PyTypeError::new_err(format!(
                    "{owner}.replace() got an unexpected keyword argument '{key}'"
                )));
            }
        }
    }
    Ok(())
}

/// An optional string argument: `None` leaves the field out.
pub(crate) fn opt_string(obj: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    obj.extract()
}
