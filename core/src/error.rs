//! The one error type of the crate.

use std::path::PathBuf;

/// What kind of record an id names; used in errors and lookups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordKind {
    /// A [`Source`](crate::Source) node.
    Source,
    /// A [`Claim`](crate::Claim) node.
    Claim,
    /// Either node kind (the node namespace is shared by sources and claims).
    Node,
    /// An [`Attribution`](crate::Attribution) edge.
    Attribution,
    /// A [`SourceRelation`](crate::SourceRelation) edge.
    SourceRelation,
    /// A [`ClaimRelation`](crate::ClaimRelation) edge.
    ClaimRelation,
    /// A [`Verdict`](crate::Verdict) edge.
    Verdict,
    /// Any edge kind (the edge namespace is shared by every edge kind).
    Edge,
}

crate::names::value_names!(RecordKind, "kind", "a record kind", shown as noun {
    Source => "source",
    Claim => "claim",
    Node => "node",
    Attribution => "attribution",
    SourceRelation => "source_relation",
    ClaimRelation => "claim_relation",
    Verdict => "verdict",
    Edge => "edge",
});

impl RecordKind {
    /// The kind in words, for messages ("source", "source relation", ...).
    pub fn noun(self) -> &'static str {
        match self {
            RecordKind::SourceRelation => "source relation",
            RecordKind::ClaimRelation => "claim relation",
            other => other.as_str(),
        }
    }
}

/// Where in a file a format error was found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    /// The file, when the input came from one.
    pub path: Option<PathBuf>,
    /// 1-based line number, when known.
    pub line: Option<u64>,
    /// 1-based column number, when known.
    pub column: Option<u64>,
    /// The record (id or JSON path) the problem is in, when known.
    pub record: Option<String>,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut parts = Vec::new();
        if let Some(p) = &self.path {
            parts.push(p.display().to_string());
        }
        if let Some(l) = self.line {
            parts.push(format!("line {l}"));
        }
        if let Some(c) = self.column {
            parts.push(format!("column {c}"));
        }
        if let Some(r) = &self.record {
            parts.push(format!("record {r:?}"));
        }
        if parts.is_empty() {
            f.write_str("input")
        } else {
            f.write_str(&parts.join(", "))
        }
    }
}

/// Every way a claimgraph operation can fail.
///
/// Variants carry the id, field, line or version involved, so that callers (and the Python and
/// mobile bindings) can react to the kind of failure without parsing messages. Not
/// `#[non_exhaustive]`: each binding maps every variant, and a variant added here must fail their
/// build until they do.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An id is empty, too long, or contains control characters or surrounding white space.
    #[error("invalid id {id:?}: {reason}")]
    InvalidId {
        /// The offending id.
        id: String,
        /// Why it was rejected.
        reason: String,
    },
    /// No record with this id exists (of the kind that was asked for).
    #[error("no {kind} with id {id:?}")]
    NotFound {
        /// What was looked for.
        kind: RecordKind,
        /// The id that was not found.
        id: String,
    },
    /// The id is already used by another record in the same namespace.
    #[error("id {id:?} is already used by a {existing}")]
    DuplicateId {
        /// The id.
        id: String,
        /// The kind of the record that already holds it.
        existing: RecordKind,
    },
    /// A record refers to an id of the wrong kind (an attribution from a claim, say).
    #[error("{field} of {record} {id:?} must name a {expected}, but {target:?} is a {found}")]
    WrongKind {
        /// The kind of record being added.
        record: RecordKind,
        /// The id of the record being added.
        id: String,
        /// The field that names the other record.
        field: &'static str,
        /// The id it names.
        target: String,
        /// What the field must name.
        expected: RecordKind,
        /// What the id actually names.
        found: RecordKind,
    },
    /// A field's value is not acceptable (empty claim text, a self-citation, a NaN quantity...).
    #[error("invalid {field} of {id:?}: {reason}")]
    InvalidField {
        /// The record the field belongs to (or the value given, when there is no record yet).
        id: String,
        /// The field's name as it appears in the API and in files.
        field: &'static str,
        /// Why it was rejected.
        reason: String,
    },
    /// A date or time could not be read.
    #[error("invalid date {value:?}: {reason}")]
    InvalidDate {
        /// The text that was given.
        value: String,
        /// Why it was rejected.
        reason: String,
    },
    /// A file or string is not valid in the expected format.
    #[error("{format} format error at {location}: {message}")]
    Format {
        /// The format being read ("claimgraph JSON", "JSON Lines", "PROV-JSON", ...).
        format: &'static str,
        /// Where the problem is.
        location: Location,
        /// What is wrong.
        message: String,
    },
    /// A native file written by a newer (or unknown) version of the format.
    #[error("unsupported {format} version {found} at {location} (this library reads version {supported})")]
    UnsupportedVersion {
        /// The format.
        format: &'static str,
        /// Where the version was read.
        location: Location,
        /// The version found in the file.
        found: u64,
        /// The version this library reads and writes.
        supported: u64,
    },
    /// Two graphs disagree on a field of the same record, and the merge was asked to fail on conflicts.
    #[error("merge conflict on {kind} {id:?}, field {field}: {ours} vs {theirs}")]
    MergeConflict {
        /// The kind of record.
        kind: RecordKind,
        /// The record's id.
        id: String,
        /// The conflicting field.
        field: &'static str,
        /// This graph's value, as JSON.
        ours: String,
        /// The other graph's value, as JSON.
        theirs: String,
    },
    /// A query or an input passed one of the documented limits (see [`crate::limits`], which
    /// lists each limit with the `what` it reports).
    #[error("{what} of {id:?} exceeds the limit of {limit}")]
    LimitExceeded {
        /// What passed the limit, in words: `"chains"`, `"sources on a chain"`, `"bytes in a
        /// line"`...
        what: &'static str,
        /// The record it was counted for, or the input line (`"JSON Lines input, line 3"`).
        id: String,
        /// The limit.
        limit: usize,
    },
    /// A graph database (see `ClaimGraph::open`) could not be opened, read or written: it is
    /// damaged, belongs to another program, or is held by another process.
    #[error("database {path}: {message}")]
    Database {
        /// The database file.
        path: PathBuf,
        /// What is wrong, in SQLite's words where it gave them.
        message: String,
    },
    /// An earlier change to a shared graph ([`SharedGraph`](crate::SharedGraph), or a shared
    /// graph database, `SharedStore`) was interrupted by an internal error, so the graph's state
    /// is unknown: load (or open) it again.
    #[error("an earlier change to this graph was interrupted by an internal error, so its state is unknown: load it again")]
    Interrupted,
    /// Reading or writing a file failed.
    #[error("cannot {action} {path}: {source}")]
    Io {
        /// What was being done ("read", "write", "rename", ...).
        action: &'static str,
        /// The file.
        path: PathBuf,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub(crate) fn not_found(kind: RecordKind, id: &str) -> Self {
        Error::NotFound {
            kind,
            id: id.to_owned(),
        }
    }

    pub(crate) fn invalid_field(id: &str, field: &'static str, reason: impl Into<String>) -> Self {
        Error::InvalidField {
            id: id.to_owned(),
            field,
            reason: reason.into(),
        }
    }

    /// Names the file a stream was read from, which a reader of a stream cannot know.
    pub(crate) fn in_file(mut self, file: &std::path::Path) -> Self {
        if let Error::Format { location, .. } | Error::UnsupportedVersion { location, .. } =
            &mut self
        {
            location.path.get_or_insert_with(|| file.to_owned());
        }
        self
    }
}

/// The message a caught panic carries (`panic!("...")` gives a `&str` or a `String`), for
/// turning a panic caught at a boundary into an error that says what happened; `None` for any
/// other payload.
///
/// ```
/// let caught = std::panic::catch_unwind(|| panic!("offset {} out of bounds", 9)).unwrap_err();
/// assert_eq!(claimgraph::panic_message(&*caught), Some("offset 9 out of bounds"));
/// ```
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> Option<&str> {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
}
