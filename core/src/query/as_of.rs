//! The record as it stood on a given date.

use crate::graph::ClaimGraph;
use crate::time::When;

/// The graph as it stood on a date, and what could not be placed in time.
#[derive(Debug, Clone, PartialEq)]
pub struct AsOf {
    /// The cut-off.
    pub date: When,
    /// The graph as it stood then.
    pub graph: ClaimGraph,
    /// Ids of attributions and verdicts left out because they cannot be placed before or after
    /// the cut-off (no date, or a partial date that straddles it), sorted.
    pub unplaced: Vec<String>,
}

impl ClaimGraph {
    /// The graph as it stood on `date`.
    pub fn as_of(&self, date: &When) -> AsOf {
        let _ = date;
        todo!("as_of")
    }
}
