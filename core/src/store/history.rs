//! History events: who changed which record, when, why, from what to what; and the hash chain
//! that shows whether the log was altered.

use chrono::{DateTime, SecondsFormat, Utc};
use sha2::{Digest, Sha256};

use super::record::{Action, Record, Step};
use crate::error::RecordKind;

/// One change to one record, as the history keeps it.
///
/// A call that changes several records (removing a source with its attributions, a merge, an
/// import, an undo) records one event per record, all with the same [`change`](Event::change)
/// number, so they can be shown and undone together.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Position in the log, from 1.
    pub seq: u64,
    /// The change (one call) this event belongs to, from 1.
    pub change: u64,
    /// When the change was made.
    pub at: DateTime<Utc>,
    /// Who made it (see [`StoredGraph::set_actor`](super::StoredGraph::set_actor)).
    pub actor: String,
    /// Why, when the caller said.
    pub reason: Option<String>,
    /// The call that made the change: `"add_source"`, `"remove_source"`, `"merge"`,
    /// `"ingest_jsonl"`, `"undo"`, ...
    pub operation: String,
    /// For an undo, the change it undid.
    pub undoes: Option<u64>,
    /// What happened to the record.
    pub action: Action,
    /// The record's kind.
    pub kind: RecordKind,
    /// The record's id.
    pub id: String,
    /// The record before the change (none when it was added).
    pub before: Option<Record>,
    /// The record after the change (none when it was removed).
    pub after: Option<Record>,
    /// This event's link in the hash chain, in hexadecimal: SHA-256 of the previous event's hash
    /// and this event's fields.
    pub hash: String,
}

impl serde::Serialize for Event {
    /// One JSON object with every field; `kind` and `action` by their names, `at` in RFC 3339,
    /// `before` and `after` as the records' native JSON.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(13))?;
        m.serialize_entry("seq", &self.seq)?;
        m.serialize_entry("change", &self.change)?;
        m.serialize_entry("at", &format_time(&self.at))?;
        m.serialize_entry("actor", &self.actor)?;
        m.serialize_entry("reason", &self.reason)?;
        m.serialize_entry("operation", &self.operation)?;
        m.serialize_entry("undoes", &self.undoes)?;
        m.serialize_entry("action", self.action.as_str())?;
        m.serialize_entry("kind", self.kind.as_str())?;
        m.serialize_entry("id", &self.id)?;
        m.serialize_entry("before", &self.before)?;
        m.serialize_entry("after", &self.after)?;
        m.serialize_entry("hash", &self.hash)?;
        m.end()
    }
}

impl Event {
    pub(crate) fn step(&self) -> Step {
        Step {
            before: self.before.clone(),
            after: self.after.clone(),
        }
    }
}

/// What [`StoredGraph::verify_history`](super::StoredGraph::verify_history) found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryCheck {
    /// How many events were checked.
    pub events: u64,
    /// The first event whose stored hash does not match its content and the event before it,
    /// or whose position is out of sequence; none when the log is intact.
    pub first_altered: Option<u64>,
    /// What is wrong at that event.
    pub problem: Option<String>,
}

impl HistoryCheck {
    /// Whether every event is as it was written.
    pub fn intact(&self) -> bool {
        self.first_altered.is_none()
    }
}

/// The record kind a database names (its canonical name); `None` for the two namespaces, which
/// no record has.
pub(crate) fn parse_kind(s: &str) -> Option<RecordKind> {
    RecordKind::ALL
        .into_iter()
        .find(|k| k.as_str() == s)
        .filter(|k| !matches!(k, RecordKind::Node | RecordKind::Edge))
}

pub(crate) fn format_time(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// The fields of an event that its hash covers, as stored.
pub(crate) struct EventRow<'a> {
    pub(crate) seq: u64,
    pub(crate) change: u64,
    pub(crate) at: &'a str,
    pub(crate) actor: &'a str,
    pub(crate) reason: Option<&'a str>,
    pub(crate) operation: &'a str,
    pub(crate) undoes: Option<u64>,
    pub(crate) action: &'a str,
    pub(crate) kind: &'a str,
    pub(crate) id: &'a str,
    pub(crate) before: Option<&'a str>,
    pub(crate) after: Option<&'a str>,
}

impl EventRow<'_> {
    /// SHA-256 over the previous hash and every field, each length-prefixed so that no two
    /// different events hash the same input.
    pub(crate) fn hash(&self, previous: &[u8; 32]) -> [u8; 32] {
        let mut h = Sha256::new();
        h.update(previous);
        let mut field = |bytes: Option<&[u8]>| match bytes {
            None => h.update(b"-"),
            Some(b) => {
                h.update((b.len() as u64).to_le_bytes());
                h.update(b);
            }
        };
        field(Some(&self.seq.to_le_bytes()));
        field(Some(&self.change.to_le_bytes()));
        field(Some(self.at.as_bytes()));
        field(Some(self.actor.as_bytes()));
        field(self.reason.map(str::as_bytes));
        field(Some(self.operation.as_bytes()));
        let undoes = self.undoes.map(u64::to_le_bytes);
        field(undoes.as_ref().map(|u| &u[..]));
        field(Some(self.action.as_bytes()));
        field(Some(self.kind.as_bytes()));
        field(Some(self.id.as_bytes()));
        field(self.before.map(str::as_bytes));
        field(self.after.map(str::as_bytes));
        h.finalize().into()
    }
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}
