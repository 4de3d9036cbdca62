//! From the core's errors (and from panics) to the exceptions of `claimgraph._errors`.

use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};

use claimgraph::{Error, Location, RecordKind};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyType};
use pyo3::BoundObject;

thread_local! {
    static PANIC_NEXT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The test hook behind `_panic_on_next_core_call`: the next call into the core on this thread
/// panics inside [`run`], whatever entry point it comes through.
pub(crate) fn panic_on_next_call() {
    PANIC_NEXT.with(|p| p.set(true));
}

/// Runs a core call with the GIL released, turning its error into the matching exception and a
/// panic into a `ClaimGraphError`: no Rust panic reaches Python as a `PanicException`.
///
/// Every call into the core goes through here, so locks on a graph are only ever taken while the
/// GIL is released: a thread waiting for a lock never holds the GIL another thread needs.
pub(crate) fn run<T, F>(py: Python<'_>, f: F) -> PyResult<T>
where
    T: Send,
    F: FnOnce() -> Result<T, Error> + Send,
{
    let f = || {
        if PANIC_NEXT.with(|p| p.replace(false)) {
            #[allow(clippy::panic)] // the test hook's whole point
            {
                panic!("a panic on purpose, from the test hook")
            }
        }
        f()
    };
    match py.detach(|| catch_unwind(AssertUnwindSafe(f))) {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(e)) => Err(to_py_err(py, e)),
        Err(payload) => Err(internal_error(py, payload.as_ref())),
    }
}

static ERRORS: [PyOnceLock<Py<PyType>>; 9] = [const { PyOnceLock::new() }; 9];

#[derive(Clone, Copy)]
enum Class {
    Base = 0,
    NotFound,
    DuplicateId,
    InvalidInput,
    Format,
    UnsupportedVersion,
    MergeConflict,
    LimitExceeded,
    Io,
}

impl Class {
    fn name(self) -> &'static str {
        match self {
            Class::Base => "ClaimGraphError",
            Class::NotFound => "NotFoundError",
            Class::DuplicateId => "DuplicateIdError",
            Class::InvalidInput => "InvalidInputError",
            Class::Format => "FormatError",
            Class::UnsupportedVersion => "UnsupportedVersionError",
            Class::MergeConflict => "MergeConflictError",
            Class::LimitExceeded => "LimitExceededError",
            Class::Io => "IoError",
        }
    }
}

/// Builds `class(message, **details)`; should the exception classes themselves be unavailable,
/// the import error is what the caller sees.
fn raise(
    py: Python<'_>,
    class: Class,
    message: String,
    details: &[(&str, Option<Py<PyAny>>)],
) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let ty = ERRORS[class as usize].import(py, "claimgraph._errors", class.name())?;
        let kwargs = PyDict::new(py);
        for (name, value) in details {
            kwargs.set_item(*name, value)?;
        }
        let exc = ty.call((message,), Some(&kwargs))?;
        Ok(PyErr::from_value(exc))
    };
    build().unwrap_or_else(|e| e)
}

fn s<'py>(py: Python<'py>, v: impl IntoPyObject<'py>) -> Option<Py<PyAny>> {
    v.into_pyobject(py).ok().map(|b| b.into_any().unbind())
}

fn kind(py: Python<'_>, k: RecordKind) -> Option<Py<PyAny>> {
    crate::model::record_kind(py, k)
        .ok()
        .map(|b| b.into_any().unbind())
}

fn location<'a>(
    py: Python<'_>,
    format: &'static str,
    at: &Location,
) -> Vec<(&'a str, Option<Py<PyAny>>)> {
    vec![
        ("format", s(py, format)),
        (
            "path",
            at.path
                .as_ref()
                .and_then(|p| s(py, p.display().to_string())),
        ),
        ("line", at.line.and_then(|l| s(py, l))),
        ("column", at.column.and_then(|c| s(py, c))),
        ("record", at.record.as_deref().and_then(|r| s(py, r))),
    ]
}

/// The exception for a core error: its class by variant, its attributes from the variant's fields.
pub(crate) fn to_py_err(py: Python<'_>, e: Error) -> PyErr {
    let message = e.to_string();
    match e {
        Error::NotFound { kind: k, id } => raise(
            py,
            Class::NotFound,
            message,
            &[("kind", kind(py, k)), ("id", s(py, id))],
        ),
        Error::DuplicateId { id, existing } => raise(
            py,
            Class::DuplicateId,
            message,
            &[("id", s(py, id)), ("existing", kind(py, existing))],
        ),
        Error::InvalidId { id, reason } => raise(
            py,
            Class::InvalidInput,
            message,
            &[
                ("id", s(py, id)),
                ("field", s(py, "id")),
                ("reason", s(py, reason)),
            ],
        ),
        Error::InvalidField { id, field, reason } => raise(
            py,
            Class::InvalidInput,
            message,
            &[
                ("id", s(py, id)),
                ("field", s(py, field)),
                ("reason", s(py, reason)),
            ],
        ),
        Error::InvalidDate { value, reason } => raise(
            py,
            Class::InvalidInput,
            message,
            &[("value", s(py, value)), ("reason", s(py, reason))],
        ),
        Error::WrongKind {
            record,
            id,
            field,
            target,
            expected,
            found,
        } => raise(
            py,
            Class::InvalidInput,
            message,
            &[
                ("kind", kind(py, record)),
                ("id", s(py, id)),
                ("field", s(py, field)),
                ("target", s(py, target)),
                ("expected", kind(py, expected)),
                ("found", kind(py, found)),
            ],
        ),
        Error::Format {
            format,
            location: at,
            message: reason,
        } => {
            let mut details = location(py, format, &at);
            details.push(("reason", s(py, reason)));
            raise(py, Class::Format, message, &details)
        }
        Error::UnsupportedVersion {
            format,
            location: at,
            found,
            supported,
        } => {
            let mut details = location(py, format, &at);
            details.push(("found", s(py, found)));
            details.push(("supported", s(py, supported)));
            raise(py, Class::UnsupportedVersion, message, &details)
        }
        Error::MergeConflict {
            kind: k,
            id,
            field,
            ours,
            theirs,
        } => raise(
            py,
            Class::MergeConflict,
            message,
            &[
                ("kind", kind(py, k)),
                ("id", s(py, id)),
                ("field", s(py, field)),
                ("ours", s(py, ours)),
                ("theirs", s(py, theirs)),
            ],
        ),
        Error::LimitExceeded { what, id, limit } => raise(
            py,
            Class::LimitExceeded,
            message,
            &[
                ("what", s(py, what)),
                ("id", s(py, id)),
                ("limit", s(py, limit)),
            ],
        ),
        Error::Io {
            action,
            path,
            source,
        } => raise(
            py,
            Class::Io,
            message,
            &[
                ("errno", source.raw_os_error().and_then(|n| s(py, n))),
                ("strerror", s(py, source.to_string())),
                ("action", s(py, action)),
                ("path", s(py, path.display().to_string())),
            ],
        ),
        // A database that cannot be opened, read or written is an OSError like a file's.
        Error::Database { path, message: why } => raise(
            py,
            Class::Io,
            message,
            &[
                ("strerror", s(py, why)),
                ("action", s(py, "open database")),
                ("path", s(py, path.display().to_string())),
            ],
        ),
        // What an internal error (a panic) left behind: ClaimGraphError, as the panic was.
        Error::Interrupted => raise(py, Class::Base, message, &[]),
    }
}

/// An argument the binding itself cannot convert (a naive datetime, a malformed tuple), raised as
/// the same `InvalidInputError` the core's validation raises.
pub(crate) fn invalid_input(py: Python<'_>, field: &str, reason: impl Into<String>) -> PyErr {
    let reason = reason.into();
    raise(
        py,
        Class::InvalidInput,
        format!("invalid {field}: {reason}"),
        &[("field", s(py, field)), ("reason", s(py, reason))],
    )
}

fn internal_error(py: Python<'_>, payload: &(dyn Any + Send)) -> PyErr {
    let what = claimgraph::panic_message(payload).unwrap_or("unknown panic");
    raise(
        py,
        Class::Base,
        format!("internal error in claimgraph (please report it): {what}"),
        &[],
    )
}
