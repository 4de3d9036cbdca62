//! Dates in: `datetime.date`, aware `datetime.datetime` and ISO strings (partial dates too).
//! Dates out: the core's canonical text (`"2024"`, `"2024-06"`, `"2024-06-18"`, RFC 3339), which
//! keeps a partial date partial and reads back to the same value.

use claimgraph::{Period, When};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;

use crate::fields::{fields, wrapper};
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyString, PyTuple, PyType};

use crate::errors::{invalid_input, to_py_err};
use crate::model::type_name;

static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DATETIME: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// A point in time from a Python value; `field` names the argument in errors.
///
/// A naive `datetime` is refused: it names no instant until a time zone is chosen, and guessing
/// one (local time, UTC) would silently move statements across a date line.
pub(crate) fn when(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<When> {
    let py = obj.py();
    let text: String = if obj.is_instance(DATETIME.import(py, "datetime", "datetime")?)? {
        if obj.call_method0("utcoffset")?.is_none() {
            return Err(invalid_input(
                py,
                field,
                "a datetime without a time zone is ambiguous: give it a tzinfo \
                 (datetime.timezone.utc, say) or pass a date",
            ));
        }
        obj.call_method0("isoformat")?.extract()?
    } else if obj.is_instance(DATE.import(py, "datetime", "date")?)? {
        obj.call_method0("isoformat")?.extract()?
    } else if let Ok(s) = obj.cast::<PyString>() {
        s.to_cow()?.into_owned()
    } else {
        return Err(PyTypeError::new_err(format!(
            "{field} must be a datetime.date, an aware datetime.datetime or a str such as \
             \"2024-06\", not {}",
            type_name(obj)
        )));
    };
    When::parse(&text).map_err(|e| {
        let err = to_py_err(py, e);
        // The core reads the text without knowing which argument it came from.
        let _ = err.value(py).setattr("field", field);
        err
    })
}

/// An optional point in time; `None` stays `None`.
pub(crate) fn when_opt(obj: Option<&Bound<'_, PyAny>>, field: &str) -> PyResult<Option<When>> {
    match obj {
        Some(o) if !o.is_none() => when(o, field).map(Some),
        _ => Ok(None),
    }
}

wrapper! {
    /// The stretch of time a claim is about: `Period(start, end)`, either end may be `None`.
    ///
    /// Ends are read like any date argument and given back as the core's canonical text.
    ///
    /// >>> Period("2023-08", "2024-02").start
    /// '2023-08'
    #[derive(Eq, Hash)]
    PyPeriod(Period) as "Period", hash
}

fields! {
    PyPeriod(Period) as "Period" {
        /// When the period begins, if known.
        start,
        /// When the period ends, if known.
        end;
    }
    methods {
        #[new]
        #[pyo3(signature = (start=None, end=None))]
        fn new(start: Option<&Bound<'_, PyAny>>, end: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
            Ok(PyPeriod {
                inner: Period::new(when_opt(start, "start")?, when_opt(end, "end")?),
            })
        }

        fn __str__(&self) -> String {
            self.inner.to_string()
        }

        /// `(start, end)`, so a period unpacks like the tuple it can be given as.
        fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            PyTuple::new(py, [self.start(py)?, self.end(py)?])?
                .into_any()
                .try_iter()
                .map(Bound::into_any)
        }
    }
}

/// A period from a `Period` or a `(start, end)` tuple.
pub(crate) fn period(obj: &Bound<'_, PyAny>) -> PyResult<Period> {
    if let Ok(p) = obj.cast::<PyPeriod>() {
        return Ok(p.get().inner);
    }
    let pair = obj.cast::<PyTuple>().ok().filter(|t| t.len() == 2);
    match pair {
        Some(t) => Ok(Period::new(
            when_opt(Some(&t.get_item(0)?), "period")?,
            when_opt(Some(&t.get_item(1)?), "period")?,
        )),
        None => Err(PyTypeError::new_err(format!(
            "period must be a Period or a (start, end) tuple, not {}",
            type_name(obj)
        ))),
    }
}
