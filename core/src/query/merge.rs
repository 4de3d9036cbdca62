//! Merging two graphs.

use crate::error::{RecordKind, Result};
use crate::graph::ClaimGraph;

/// What to do when both graphs hold a record with the same id but different fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MergePolicy {
    /// Fail with [`Error::MergeConflict`](crate::Error::MergeConflict), changing nothing.
    #[default]
    Fail,
    /// Keep this graph's record, and report the conflict.
    KeepOurs,
    /// Take the other graph's record, and report the conflict.
    TakeTheirs,
}

/// Which side a conflict was settled for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MergeChoice {
    /// This graph's value was kept.
    Ours,
    /// The other graph's value was taken.
    Theirs,
}

/// A field on which the two graphs disagreed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeConflict {
    /// The kind of record.
    pub kind: RecordKind,
    /// The record's id.
    pub id: String,
    /// The field.
    pub field: &'static str,
    /// This graph's value, as JSON.
    pub ours: String,
    /// The other graph's value, as JSON.
    pub theirs: String,
    /// Which was kept.
    pub chosen: MergeChoice,
}

/// What a merge did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MergeReport {
    /// Ids of records added from the other graph, sorted.
    pub added: Vec<String>,
    /// Ids of records both graphs held with equal fields, sorted.
    pub unchanged: Vec<String>,
    /// Fields on which they disagreed, and how each was settled.
    pub conflicts: Vec<MergeConflict>,
}

impl ClaimGraph {
    /// Merges `other` into this graph: records with the same id are the same record.
    pub fn merge(&mut self, other: &ClaimGraph, policy: MergePolicy) -> Result<MergeReport> {
        let _ = (other, policy);
        todo!("merge")
    }
}
