//! The records of a claim graph: sources and claims (nodes); attributions, relations and verdicts
//! (edges).

pub(crate) mod attribution;
pub(crate) mod claim;
pub(crate) mod relation;
pub(crate) mod source;
pub(crate) mod verdict;

pub use attribution::{Attribution, Hop, Modality, Stance};
pub use claim::{Claim, Quantity};
pub use relation::{ClaimRelation, ClaimRelationKind, SourceRelation, SourceRelationKind};
pub use source::{Reliability, Source, SourceKind};
pub use verdict::{label_reading, label_truth, LabelReading, Rating, Verdict};
