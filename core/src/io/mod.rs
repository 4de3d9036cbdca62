//! Reading and writing graphs.
//!
//! - Native JSON ([`ClaimGraph::to_json`], [`ClaimGraph::from_json`], [`ClaimGraph::save`],
//!   [`ClaimGraph::load`]): every field of every record, versioned, deterministic, with atomic
//!   saves.
//! - JSON Lines ([`ClaimGraph::from_jsonl`], [`ClaimGraph::ingest_jsonl`]): streamed bulk import
//!   of a corpus of sources, citations, claims and attributions in the benchmark's schema.
//! - N-Triples ([`ClaimGraph::write_ntriples`]): PROV-O streamed into a triple store.
//! - Parquet and Arrow (cargo feature `parquet`, module `io::tables`): one table per record kind plus
//!   each source's origins and each claim's status figures, for DuckDB, Spark and pyarrow.
//!
//! # Native JSON
//!
//! One JSON object, with `"format"` and `"version"` first:
//!
//! ```text
//! {
//!   "format": "claimgraph",
//!   "version": 1,
//!   "sources": [
//!     {"id":"putin","kind":"person","name":"Vladimir Putin"},
//!     {"id":"rodong","kind":"outlet","name":"Rodong Sinmun"}
//!   ],
//!   "claims": [
//!     {"id":"ammo","text":"DPRK supplies ammunition to Russia","subjects":["dprk","russia"]}
//!   ],
//!   "attributions": [],
//!   "source_relations": [],
//!   "claim_relations": [],
//!   "verdicts": []
//! }
//! ```
//!
//! Each list is sorted by id and holds one record per line, in the records' own serde form
//! (optional fields left out when empty). So the same graph always gives the same bytes
//! whatever order it was built in, a diff between two saves shows the records that changed, and
//! the line of a load error is the line of the record it is in. Numbers are written in the
//! shortest form that reads back to the same `f64`.
//!
//! A graph read from PROV-JSON also has a `"prov"` object after the lists: the document's
//! namespaces and the derivation types of its cites relations (see
//! [`ClaimGraph::namespaces`](crate::ClaimGraph::namespaces) and
//! [`ClaimGraph::derivation_types`](crate::ClaimGraph::derivation_types)), so that a PROV
//! document saved as native JSON is written back with its own names:
//! `"prov": {"namespaces": {"ex": "http://example/"}, "derivations": {"ex:dataSet2:cites:ex:dataSet1":
//! [{"iri": "http://www.w3.org/ns/prov#Revision"}]}}`. Other graphs have none.
//!
//! Reading is strict. `"format"` must be `"claimgraph"` and come first, and `"version"` must come
//! before the record lists, so that a file of a newer version is recognised before its records
//! are read. Unknown fields are errors at every level. A missing list reads as empty.
//!
//! # JSON Lines
//!
//! One JSON object per line, UTF-8. Line 1 is the meta record; each other record comes after
//! the records it refers to:
//!
//! ```text
//! {"type":"meta","format_version":1,"counts":{"source":2,"claim":1,"attribution":1,"citation":1}}
//! {"type":"source","id":"s0","kind":"person","name":"Ana Abe","anonymous":false}
//! {"type":"source","id":"s1","kind":"outlet","name":"The Berg Daily","anonymous":false}
//! {"type":"citation","id":"x0","from":"s1","to":"s0","date":"2024-06-18","cycle":false}
//! {"type":"claim","id":"c0","text":"The mayor approved the budget"}
//! {"type":"attribution","id":"a0","source":"s1","claim":"c0","stance":"asserts","date":"2024-06-19","quote":null}
//! ```
//!
//! | type | becomes | required fields | optional fields |
//! |---|---|---|---|
//! | `meta` | checked; its counts reserve room (up to [`MAX_RESERVED_RECORDS`] each: they are hints) | `format_version` (1) | `counts`, `generator`, `seed`, `n_claims` |
//! | `source` | [`Source`] | `id`, `kind`, `name` | `anonymous` (when given, true exactly for `anonymous_group`) |
//! | `citation` | [`SourceRelation`]: `from` cites `to` | `id`, `from`, `to` | `date`, `cycle` (default false) |
//! | `claim` | [`Claim`] | `id`, `text` | |
//! | `attribution` | [`Attribution`] | `id`, `source`, `claim`, `stance` | `date` (becomes `said`), `quote` (`null` for none) |
//!
//! `kind` is a corpus kind (`person`, `organization`, `outlet`, or `anonymous_group`, read as
//! [`SourceKind::UnnamedGroup`]) or any other [`SourceKind`] name. `stance` is `asserts`,
//! `denies` or `doubts`. Citations with `"cycle": true` close a loop of sources citing each
//! other; they are left out unless [`JsonlOptions::include_cycles`] is set. Unknown fields,
//! fields of another record type and unknown types are errors; empty lines are skipped.
//!
//! Every error is [`Error::Format`] with format `"JSON Lines"`, the 1-based line, the record's id
//! when it has one, and the column for JSON syntax errors. When the graph refuses a record (a
//! dangling or duplicate id, an empty text), its error's text is the message. Three exceptions: a
//! meta line of another `format_version` is [`Error::UnsupportedVersion`] at line 1, a failing
//! reader is [`Error::Io`] whose path reads "JSON Lines input, line N", and a line longer than
//! [`MAX_LINE_BYTES`] is [`Error::LimitExceeded`] whose id reads the same.
//!
//! [`ClaimGraph::to_json`]: crate::ClaimGraph::to_json
//! [`ClaimGraph::from_json`]: crate::ClaimGraph::from_json
//! [`ClaimGraph::save`]: crate::ClaimGraph::save
//! [`ClaimGraph::load`]: crate::ClaimGraph::load
//! [`ClaimGraph::write_ntriples`]: crate::ClaimGraph::write_ntriples
//! [`ClaimGraph::from_jsonl`]: crate::ClaimGraph::from_jsonl
//! [`ClaimGraph::ingest_jsonl`]: crate::ClaimGraph::ingest_jsonl
//! [`Source`]: crate::Source
//! [`SourceRelation`]: crate::SourceRelation
//! [`Claim`]: crate::Claim
//! [`Attribution`]: crate::Attribution
//! [`SourceKind`]: crate::SourceKind
//! [`SourceKind::UnnamedGroup`]: crate::SourceKind::UnnamedGroup
//! [`Error::Format`]: crate::Error::Format
//! [`Error::UnsupportedVersion`]: crate::Error::UnsupportedVersion
//! [`Error::Io`]: crate::Error::Io
//! [`Error::LimitExceeded`]: crate::Error::LimitExceeded

pub(crate) mod claimreview;
pub(crate) mod jsonl;
pub(crate) mod native;
pub(crate) mod ntriples;
pub(crate) mod picture;
pub(crate) mod prov;
pub(crate) mod replace;
pub(crate) mod report;
pub(crate) mod stix;
#[cfg(feature = "parquet")]
pub mod tables;

pub use jsonl::{
    IngestReport, JsonlOptions, JSONL_FORMAT_VERSION, MAX_LINE_BYTES, MAX_RESERVED_RECORDS,
};
pub use native::{FORMAT_NAME, FORMAT_VERSION};
pub use picture::{PictureOptions, CLAIMS_PER_ROW};
pub use prov::{
    DerivationType, ImportReport, RejectedRecord, SkippedRecord, CLAIMGRAPH_NAMESPACE,
    EDGE_NAMESPACE, NODE_NAMESPACE,
};
pub use report::{ClaimParts, ReportOptions, REPORT_JSON_KEYS};
pub use stix::{stix_id, stix_namespace};
#[cfg(feature = "parquet")]
pub use tables::{ArrowTable, TableFile, PARQUET_TABLES};

/// A whole document of an interchange format parsed as JSON, before its shape is read. A
/// syntax error is an [`Error::Format`](crate::Error::Format) of `format` at the line and column
/// where the parser stopped.
pub(crate) fn parse_document(
    format: &'static str,
    json: &str,
) -> crate::error::Result<serde_json::Value> {
    parse_json(format, json)
}

/// Parses a whole document into `T` (a `Value`, or a borrowed `RawValue` to be read in parts),
/// with the line and column of a syntax fault.
pub(crate) fn parse_json<'a, T: serde::Deserialize<'a>>(
    format: &'static str,
    json: &'a str,
) -> crate::error::Result<T> {
    serde_json::from_str(json).map_err(|e| crate::error::Error::Format {
        format,
        location: crate::error::Location {
            line: Some(e.line() as u64),
            column: Some(e.column() as u64),
            ..crate::error::Location::default()
        },
        message: format!("not JSON: {e}"),
    })
}
