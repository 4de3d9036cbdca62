//! A claim's status: who asserts, denies and doubts it, and what stands behind it.

use crate::error::Result;
use crate::graph::ClaimGraph;
use crate::model::Verdict;
use crate::query::origins::{Origin, OriginGroup};

/// Everything the record says about one claim.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Status {
    /// The claim's id.
    pub claim: String,
    /// Ids of the distinct sources that assert the claim, sorted.
    pub asserters: Vec<String>,
    /// Ids of the distinct sources that deny it, sorted.
    pub deniers: Vec<String>,
    /// Ids of the distinct sources that doubt it, sorted.
    pub doubters: Vec<String>,
    /// True when the claim is both asserted and denied.
    pub disputed: bool,
    /// The origins of its assertions, sorted by id.
    pub origins: Vec<Origin>,
    /// The origins grouped by independence, sorted by top.
    pub independent_origins: Vec<OriginGroup>,
    /// True when it is asserted and every origin is an unnamed group or a collective.
    pub unnamed_only: bool,
    /// Ids of deniers that are a subject of the claim or affiliated (at any depth) with one, sorted.
    pub interested_deniers: Vec<String>,
    /// True when some assertion traces back into a loop of sources citing each other.
    pub circular_reporting: bool,
    /// The verdicts on the claim, sorted by id.
    pub verdicts: Vec<Verdict>,
}

impl Status {
    /// How many independent origins stand behind the claim.
    pub fn independent_origin_count(&self) -> usize {
        self.independent_origins.len()
    }
}

impl ClaimGraph {
    /// The status of one claim.
    pub fn status(&self, claim: &str) -> Result<Status> {
        let _ = self.claim_index(claim)?;
        todo!("status")
    }

    /// The status of every claim, in the order the claims were added. Origins are computed once
    /// per source, so this is linear in the size of the graph.
    pub fn statuses(&self) -> Vec<Status> {
        todo!("statuses")
    }
}
