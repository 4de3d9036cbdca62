#![doc = include_str!("../README.md")]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod error;
mod graph;
mod id;
mod index;
pub mod io;
pub mod lexicon;
pub mod limits;
mod matching;
mod model;
mod names;
pub mod query;
mod shared;
#[cfg(feature = "sqlite")]
mod store;
mod time;

pub use error::{panic_message, Error, Location, RecordKind, Result};
pub use graph::{ClaimGraph, Counts, Records, SourceUses};
pub use id::{validate_id, MAX_ID_LEN};
pub use io::{
    ClaimParts, DerivationType, ImportReport, IngestReport, JsonlOptions, PictureOptions,
    RejectedRecord, ReportOptions, SkippedRecord,
};
pub use matching::{
    ClaimIndex, DuplicateCandidate, IndexLoad, IndexOptions, Language, MatchKind, MatchPart,
    MatchWeights, SimilarClaim, SimilarOptions, INDEX_FORMAT_VERSION,
};
pub use model::{
    label_reading, label_truth, Attribution, Claim, ClaimRelation, ClaimRelationKind, Hop,
    LabelReading, Modality, Quantity, Rating, Reliability, Source, SourceKind, SourceRelation,
    SourceRelationKind, Stance, Verdict,
};
pub use query::{
    AsOf, Assessment, Chain, CircularReporting, Contradiction, Findings, Inference, MergeChoice,
    MergeConflict, MergePolicy, MergeReport, Origin, OriginGroup, Reason, ReasonKind, Status,
    StatusSummary, Unplaced,
};
pub use shared::SharedGraph;
#[cfg(feature = "sqlite")]
pub use shared::SharedStore;
#[cfg(feature = "sqlite")]
pub use store::{
    Action, Event, HistoryCheck, Record, StoredGraph, DEFAULT_ACTOR, FORMAT as DATABASE_FORMAT,
};
pub use time::{PartialDate, Period, When};
