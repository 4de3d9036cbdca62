//! Graph-wide findings: what a fact-checker should look at first.

use crate::graph::ClaimGraph;

/// A loop of sources citing each other.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct CircularReporting {
    /// The sources in the loop, sorted.
    pub sources: Vec<String>,
    /// The claims whose assertions trace into the loop, sorted.
    pub claims: Vec<String>,
}

/// Two claims that cannot both be true, yet both stand asserted.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct Contradiction {
    /// One claim (the `from` of the contradicts relation).
    pub claim: String,
    /// The claim it contradicts.
    pub other: String,
    /// Sources that assert both, sorted (empty when different sources assert each).
    pub sources_asserting_both: Vec<String>,
}

/// Graph-wide findings, each list sorted.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct Findings {
    /// Claims both asserted and denied.
    pub disputed: Vec<String>,
    /// Asserted claims with exactly one independent origin.
    pub single_origin: Vec<String>,
    /// Asserted claims whose origins are all unnamed groups or collectives.
    pub unnamed_only: Vec<String>,
    /// Loops of sources citing each other.
    pub circular_reporting: Vec<CircularReporting>,
    /// Claims linked by contradicts that are both asserted.
    pub contradictions: Vec<Contradiction>,
}

impl ClaimGraph {
    /// Every graph-wide finding.
    pub fn findings(&self) -> Findings {
        todo!("findings")
    }
}
