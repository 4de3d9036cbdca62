//! Chains: the paths from a claim's attributions up to their origins, for display.

use crate::error::Result;
use crate::graph::ClaimGraph;
use crate::model::Stance;

/// The most chains [`ClaimGraph::chains`] lists for one claim before it stops with
/// [`Error::LimitExceeded`](crate::Error::LimitExceeded).
pub const MAX_CHAINS: usize = 100_000;

/// One path from an attribution's source up to an origin ("ROK media -> ROK sources").
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct Chain {
    /// The claim.
    pub claim: String,
    /// The attribution the chain starts from.
    pub attribution: String,
    /// The attribution's stance.
    pub stance: Stance,
    /// The document or outlet the attribution was reported in, if any.
    pub via: Option<String>,
    /// Source ids from the attributed source to the origin, following cites and authored-by.
    pub path: Vec<String>,
    /// True when the path stopped because it came back to a source already on it.
    pub circular: bool,
}

impl ClaimGraph {
    /// Every chain of a claim, sorted.
    pub fn chains(&self, claim: &str) -> Result<Vec<Chain>> {
        let _ = self.claim_index(claim)?;
        todo!("chains")
    }
}
