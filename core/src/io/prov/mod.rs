//! W3C PROV-JSON export and import; the report every import from another tool returns.
//!
//! The mapping is documented on [`ClaimGraph::to_prov_json`] (writing, in `export.rs`) and
//! [`ClaimGraph::from_prov_json`] (reading, in `import/`), where users of the crate read it.
//! This file holds what both directions and the ClaimReview format share: the namespaces, the
//! encoding of ids as qualified names, and the import report.
//!
//! [`ClaimGraph::to_prov_json`]: crate::ClaimGraph::to_prov_json
//! [`ClaimGraph::from_prov_json`]: crate::ClaimGraph::from_prov_json

mod context;
mod export;
mod import;

pub use context::DerivationType;
pub(crate) use context::{NativeProv, ProvContext};

use std::fmt::Write as _;

use serde_json::Value;

use crate::graph::{Counts, Records};
use crate::model::ClaimRelationKind;

/// The namespace of claimgraph's vocabulary in PROV and JSON-LD (prefix `cg`).
pub const CLAIMGRAPH_NAMESPACE: &str = "https://claimgraph.org/ns#";
/// The namespace node ids are written in (prefix `node`): `urn:claimgraph:node:rok-sources`.
pub const NODE_NAMESPACE: &str = "urn:claimgraph:node:";
/// The namespace edge ids are written in (prefix `edge`).
pub const EDGE_NAMESPACE: &str = "urn:claimgraph:edge:";

const PROV_NS: &str = "http://www.w3.org/ns/prov#";
const XSD_NS: &str = "http://www.w3.org/2001/XMLSchema#";
const FORMAT: &str = "PROV-JSON";

// ----- the report shared by every import ---------------------------------------------------

/// What an import from another tool's format read, added, and left out.
///
/// Nothing is dropped silently: every record or attribute without a claimgraph meaning is in
/// [`skipped`](ImportReport::skipped), and every choice the import made on the reader's behalf
/// (an undeclared element created, an id disambiguated, a rating kept only as its label) is in
/// [`notes`](ImportReport::notes).
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct ImportReport {
    /// How many records of each kind were added to the graph.
    pub added: Counts,
    /// Records and attributes that were read but have no place in a claim graph.
    pub skipped: Vec<SkippedRecord>,
    /// The names of the PROV bundles whose records were read.
    pub bundles: Vec<String>,
    /// Choices made while reading, one sentence each: what was kept in another form (a date
    /// read as its day, a claimant read as an unnamed group, an id disambiguated).
    pub notes: Vec<String>,
    /// Records that a lenient import could not read and left out whole, each with where and why
    /// (a strict import fails on the first one instead).
    pub rejected: Vec<RejectedRecord>,
}

/// A record that a lenient import left out because it could not be read, such as a
/// ClaimReview whose rating is not a number.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RejectedRecord {
    /// Its 0-based position among the records of the input (the reviews of a ClaimReview
    /// array or `@graph`).
    pub index: usize,
    /// Its JSON path (`$[3]`).
    pub record: String,
    /// The JSON path of the field that could not be read (`$[3].reviewRating.ratingValue`),
    /// or the record's own path when the record as a whole broke a rule of the graph.
    pub field: String,
    /// What was wrong with it.
    pub reason: String,
}

/// A record, or one attribute of a record, that an import read but did not keep.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SkippedRecord {
    /// What was skipped: a PROV record kind (`"activity"`, `"wasGeneratedBy"`, `"used"`, ...),
    /// `"attribute"` for one attribute of a record that was kept, or the `@type` of a JSON-LD
    /// item that is not a ClaimReview.
    pub kind: String,
    /// The record's id as written in the input (for an attribute, the record it belongs to).
    pub id: String,
    /// For an attribute, its name as written (`"foaf:mbox"`).
    pub attribute: Option<String>,
    /// The value that was left out, as compact JSON.
    pub value: Option<String>,
    /// Why it has no place in the graph.
    pub reason: String,
}

impl ImportReport {
    pub(crate) fn skip(
        &mut self,
        kind: &str,
        id: &str,
        attribute: Option<&str>,
        value: Option<&Value>,
        reason: impl Into<String>,
    ) {
        self.skipped.push(SkippedRecord {
            kind: kind.to_owned(),
            id: id.to_owned(),
            attribute: attribute.map(str::to_owned),
            value: value.map(Value::to_string),
            reason: reason.into(),
        });
    }

    /// Adds a note unless the same sentence is already there.
    pub(crate) fn note(&mut self, note: String) {
        if !self.notes.contains(&note) {
            self.notes.push(note);
        }
    }

    pub(crate) fn count(&mut self, r: &Records) {
        self.added.sources += r.sources.len();
        self.added.claims += r.claims.len();
        self.added.attributions += r.attributions.len();
        self.added.source_relations += r.source_relations.len();
        self.added.claim_relations += r.claim_relations.len();
        self.added.verdicts += r.verdicts.len();
    }
}

// ----- identifiers ---------------------------------------------------------------------------

/// Writes `id` so that it can be the local part of a qualified name (and the tail of an IRI):
/// ASCII letters and digits, letters of any script, `_`, and `-` / `.` where a local part may
/// hold them are kept; every other character is percent-encoded as UTF-8.
pub(crate) fn encode_local(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    let last = id.chars().count().saturating_sub(1);
    for (i, c) in id.chars().enumerate() {
        let keep = c.is_ascii_alphanumeric()
            || (!c.is_ascii() && c.is_alphabetic())
            || c == '_'
            || (c == '-' && i > 0)
            || (c == '.' && i > 0 && i < last);
        if keep {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

/// Reverses [`encode_local`]; `None` when an escape is malformed or the bytes are not UTF-8.
pub(crate) fn decode_local(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = *bytes.get(i)?;
        if b == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The `cg:` type naming a relation between claims, in PROV-JSON and as read back.
fn claim_relation_type(kind: ClaimRelationKind) -> &'static str {
    match kind {
        ClaimRelationKind::Supports => "Supports",
        ClaimRelationKind::Contradicts => "Contradicts",
        ClaimRelationKind::Specializes => "Specializes",
        ClaimRelationKind::SameAs => "SameAs",
        ClaimRelationKind::DependsOn => "DependsOn",
    }
}
