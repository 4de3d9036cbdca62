//! The questions a fact-checker asks of the record.
//!
//! Every query is a method of [`ClaimGraph`](crate::ClaimGraph); this module holds what they
//! return.

pub(crate) mod as_of;
pub(crate) mod assess;
pub(crate) mod chains;
pub(crate) mod findings;
pub(crate) mod lookup;
pub(crate) mod merge;
pub(crate) mod origins;
mod reach;
pub(crate) mod status;
pub(crate) mod summary;

pub use as_of::{AsOf, Unplaced};
pub use assess::{Assessment, Reason, ReasonKind};
pub use chains::{Chain, MAX_CHAINS, MAX_CHAIN_LEN, MAX_CHAIN_SOURCES};
pub use findings::{CircularReporting, Contradiction, Findings};
pub use merge::{MergeChoice, MergeConflict, MergePolicy, MergeReport};
pub use origins::{Origin, OriginGroup};
pub use status::{Inference, Status};
pub use summary::StatusSummary;
