//! Assessment: a credibility score with its reasons.

use crate::error::Result;
use crate::graph::ClaimGraph;

/// What a reason is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ReasonKind {
    /// An independent origin asserts the claim.
    IndependentOrigin,
}

/// One signed, named contribution to a score.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Reason {
    /// What the reason is about.
    pub kind: ReasonKind,
    /// The signed contribution.
    pub weight: f64,
    /// A sentence for a reader.
    pub detail: String,
}

/// A credibility score in [0, 1] and the reasons behind it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Assessment {
    /// The claim.
    pub claim: String,
    /// The score.
    pub score: f64,
    /// Why.
    pub reasons: Vec<Reason>,
}

impl ClaimGraph {
    /// The credibility of a claim, with reasons.
    pub fn assess(&self, claim: &str) -> Result<Assessment> {
        let _ = self.claim_index(claim)?;
        todo!("assess")
    }
}
