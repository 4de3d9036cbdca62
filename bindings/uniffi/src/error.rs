//! The one error type an app sees, mapped from the core's.
//!
//! The one mirror of a core type left in this crate: the core's `Error` carries what uniffi cannot
//! carry (the operating system's `io::Error`, paths, `&'static str` names) and nests its file
//! location, while an app wants flat fields and the sentence to show. The conversion below
//! matches every core variant, so a new one fails the build here.

use std::panic::{catch_unwind, AssertUnwindSafe};

use claimgraph::RecordKind;

/// Every way a call into claimgraph can fail.
///
/// Kotlin sees these as subclasses of `ClaimGraphException` (`ClaimGraphException.NotFound`, ...);
/// Swift as cases of the `ClaimGraphError` enum, which conforms to `Error`. Each variant carries
/// the id, field, line or path involved, and `detail`, the sentence to show a reader (also what
/// `toString()` in Kotlin and `description` in Swift return). The field is not called `message`
/// because Kotlin's `Throwable.message` already uses that name.
#[derive(Debug, Clone, PartialEq, uniffi::Error)]
#[uniffi::export(Display)]
pub enum ClaimGraphError {
    /// No record with this id exists (of the kind that was asked for).
    NotFound {
        /// What was looked for.
        kind: RecordKind,
        /// The id that was not found.
        id: String,
        /// The sentence to show a reader.
        detail: String,
    },
    /// The id is already used by another record in the same namespace.
    DuplicateId {
        /// The id.
        id: String,
        /// The kind of the record that already holds it.
        existing: RecordKind,
        /// The sentence to show a reader.
        detail: String,
    },
    /// An argument was rejected: a malformed id, an empty required field, a date that cannot be
    /// read, or a field naming a record of the wrong kind.
    InvalidInput {
        /// The record the problem is in, when there is one.
        id: Option<String>,
        /// The field that was rejected (as named in the API and in files), when known.
        field: Option<String>,
        /// The value that was rejected, when it is not the id itself (a date's text, the id a
        /// field named).
        value: Option<String>,
        /// The sentence to show a reader.
        detail: String,
    },
    /// A file or string is not valid in the expected format.
    Format {
        /// The format being read ("claimgraph JSON", "JSON Lines", ...).
        format: String,
        /// The file, when the input came from one.
        path: Option<String>,
        /// 1-based line number, when known.
        line: Option<u64>,
        /// 1-based column number, when known.
        column: Option<u64>,
        /// The record (id or JSON path) the problem is in, when known.
        record: Option<String>,
        /// The sentence to show a reader.
        detail: String,
    },
    /// A file written by a newer (or unknown) version of the format.
    UnsupportedVersion {
        /// The format.
        format: String,
        /// The file, when the input came from one.
        path: Option<String>,
        /// The version found in the file.
        found: u64,
        /// The version this library reads and writes.
        supported: u64,
        /// The sentence to show a reader.
        detail: String,
    },
    /// Two graphs disagree on a field of the same record, and the merge was asked to fail on
    /// conflicts.
    MergeConflict {
        /// The kind of record.
        kind: RecordKind,
        /// The record's id.
        id: String,
        /// The conflicting field.
        field: String,
        /// This graph's value, as JSON.
        ours: String,
        /// The other graph's value, as JSON.
        theirs: String,
        /// The sentence to show a reader.
        detail: String,
    },
    /// A query would produce more results than the limit it runs under.
    LimitExceeded {
        /// What was being enumerated.
        what: String,
        /// The record it was enumerated for.
        id: String,
        /// The limit.
        limit: u64,
        /// The sentence to show a reader.
        detail: String,
    },
    /// Reading or writing a file failed.
    Io {
        /// What was being done ("read", "write", "rename", ...).
        action: String,
        /// The file.
        path: String,
        /// The sentence to show a reader, with the operating system's reason.
        detail: String,
    },
    /// A graph database could not be opened, read or written: it is damaged, belongs to another
    /// program, or is held by another process.
    Database {
        /// The database file.
        path: String,
        /// The sentence to show a reader.
        detail: String,
    },
    /// A fault inside the library (a bug). The graph object may be unusable afterwards; reload it.
    Internal {
        /// The sentence to show a reader.
        detail: String,
    },
}

impl ClaimGraphError {
    /// The sentence to show a reader.
    pub fn detail(&self) -> &str {
        match self {
            ClaimGraphError::NotFound { detail, .. }
            | ClaimGraphError::DuplicateId { detail, .. }
            | ClaimGraphError::InvalidInput { detail, .. }
            | ClaimGraphError::Format { detail, .. }
            | ClaimGraphError::UnsupportedVersion { detail, .. }
            | ClaimGraphError::MergeConflict { detail, .. }
            | ClaimGraphError::LimitExceeded { detail, .. }
            | ClaimGraphError::Io { detail, .. }
            | ClaimGraphError::Database { detail, .. }
            | ClaimGraphError::Internal { detail } => detail,
        }
    }

    pub(crate) fn internal(detail: impl Into<String>) -> Self {
        ClaimGraphError::Internal {
            detail: detail.into(),
        }
    }
}

impl std::fmt::Display for ClaimGraphError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.detail())
    }
}

impl std::error::Error for ClaimGraphError {}

fn path_text(p: &Option<std::path::PathBuf>) -> Option<String> {
    p.as_ref().map(|p| p.display().to_string())
}

impl From<claimgraph::Error> for ClaimGraphError {
    fn from(e: claimgraph::Error) -> Self {
        use claimgraph::Error as E;
        let detail = e.to_string();
        match e {
            E::NotFound { kind, id } => ClaimGraphError::NotFound { kind, id, detail },
            E::DuplicateId { id, existing } => ClaimGraphError::DuplicateId {
                id,
                existing,
                detail,
            },
            E::InvalidId { id, .. } => ClaimGraphError::InvalidInput {
                id: Some(id),
                field: Some("id".to_owned()),
                value: None,
                detail,
            },
            E::InvalidField { id, field, .. } => ClaimGraphError::InvalidInput {
                id: Some(id),
                field: Some(field.to_owned()),
                value: None,
                detail,
            },
            E::WrongKind {
                id, field, target, ..
            } => ClaimGraphError::InvalidInput {
                id: Some(id),
                field: Some(field.to_owned()),
                value: Some(target),
                detail,
            },
            E::InvalidDate { value, .. } => ClaimGraphError::InvalidInput {
                id: None,
                field: None,
                value: Some(value),
                detail,
            },
            E::Format {
                format, location, ..
            } => ClaimGraphError::Format {
                format: format.to_owned(),
                path: path_text(&location.path),
                line: location.line,
                column: location.column,
                record: location.record,
                detail,
            },
            E::UnsupportedVersion {
                format,
                location,
                found,
                supported,
            } => ClaimGraphError::UnsupportedVersion {
                format: format.to_owned(),
                path: path_text(&location.path),
                found,
                supported,
                detail,
            },
            E::MergeConflict {
                kind,
                id,
                field,
                ours,
                theirs,
            } => ClaimGraphError::MergeConflict {
                kind,
                id,
                field: field.to_owned(),
                ours,
                theirs,
                detail,
            },
            E::LimitExceeded { what, id, limit } => ClaimGraphError::LimitExceeded {
                what: what.to_owned(),
                id,
                limit: u64::try_from(limit).unwrap_or(u64::MAX),
                detail,
            },
            E::Io { action, path, .. } => ClaimGraphError::Io {
                action: action.to_owned(),
                path: path.display().to_string(),
                detail,
            },
            E::Database { path, .. } => ClaimGraphError::Database {
                path: path.display().to_string(),
                detail,
            },
            E::Interrupted => ClaimGraphError::Internal { detail },
        }
    }
}

/// What every exported method returns.
pub type Result<T, E = ClaimGraphError> = std::result::Result<T, E>;

thread_local! {
    static PANIC_NEXT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// A test hook: the next call into the core from this thread, through any entry point, panics
/// inside the guard, which must turn it into [`ClaimGraphError::Internal`]. Apps never call it.
#[uniffi::export]
pub fn testing_panic_on_next_call() {
    PANIC_NEXT.with(|p| p.set(true));
}

/// Runs a call into the core, turning a panic into [`ClaimGraphError::Internal`].
///
/// The core is written not to panic; this keeps a bug from taking the app down with it, and gives
/// the app an error it can show instead of uniffi's generic internal exception. Every method of
/// [`ClaimGraph`](crate::ClaimGraph) runs through it.
///
/// ```
/// use claimgraph_uniffi::{guard, ClaimGraphError};
/// let r: Result<(), _> = guard(|| panic!("a bug"));
/// assert!(matches!(r, Err(ClaimGraphError::Internal { detail }) if detail.contains("a bug")));
/// ```
pub fn guard<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
    let f = || {
        if PANIC_NEXT.with(|p| p.replace(false)) {
            #[allow(clippy::panic)] // the test hook's whole point
            {
                panic!("a panic on purpose, from the test hook")
            }
        }
        f()
    };
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(payload) => {
            let what = claimgraph::panic_message(&*payload).unwrap_or("unknown cause");
            Err(ClaimGraphError::internal(format!(
                "internal error in claimgraph: {what}"
            )))
        }
    }
}
