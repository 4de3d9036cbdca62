//! The core's own records, enums and answers, declared to uniffi once each.
//!
//! This is the one place the binding declares a record: each declaration below names every field
//! of the core type, and the code uniffi generates builds and takes apart the core type itself,
//! so a field added to the core and missing here does not compile. Kotlin and Swift get the
//! fields in the order written here, with the defaults written here; the documentation of each
//! field is the core's (`claimgraph` on docs.rs).
//!
//! Three core types are not uniffi types as they are, and cross as a custom type instead:
//! [`When`] (a date, as ISO 8601 text: reporting often knows only a year or a month, which no
//! platform time type can say), [`Count`] (`usize`, as `u64`) and [`FieldName`] (a field's
//! `&'static str` name, as text; only ever returned), and the history's times, [`Timestamp`]
//! (chrono's `DateTime<Utc>`, as uniffi's timestamp: `java.time.Instant` in Kotlin, `Date` in
//! Swift).

use claimgraph::query::{MergeChoice, MergeConflict};
use claimgraph::{
    Action, DuplicateCandidate, Event, HistoryCheck, MatchKind, MatchPart, MatchWeights, Record,
    SimilarClaim,
};
use claimgraph::{
    Assessment, Attribution, Chain, CircularReporting, Claim, ClaimRelation, ClaimRelationKind,
    Contradiction, Counts, Findings, Hop, ImportReport, Inference, IngestReport, MergePolicy,
    MergeReport, Modality, Origin, OriginGroup, Period, Quantity, Rating, Reason, ReasonKind,
    RecordKind, RejectedRecord, Reliability, SkippedRecord, Source, SourceKind, SourceRelation,
    SourceRelationKind, SourceUses, Stance, Status, StatusSummary, Verdict, When,
};

use crate::error::ClaimGraphError;

/// A count of records (`usize` in the core).
pub type Count = usize;
/// The name of a record's field, as the API and files name it.
pub type FieldName = &'static str;
/// An instant of the history (when a change was made).
pub type Timestamp = chrono::DateTime<chrono::Utc>;

uniffi::custom_type!(Timestamp, std::time::SystemTime, {
    remote,
    lower: |t| t.into(),
    try_lift: |t| Ok(t.into()),
});

uniffi::custom_type!(When, String, {
    remote,
    lower: |when| when.to_string(),
    try_lift: |text| When::parse(&text).map_err(|e| ClaimGraphError::from(e).into()),
});

uniffi::custom_type!(Count, u64, {
    remote,
    lower: |n| u64::try_from(n).unwrap_or(u64::MAX),
    try_lift: |n| Ok(usize::try_from(n)?),
});

uniffi::custom_type!(FieldName, String, {
    remote,
    lower: |name| name.to_owned(),
    try_lift: |name| Err(uniffi::deps::anyhow::anyhow!(
        "a field name ({name:?}) is only ever returned by claimgraph, never passed to it"
    )),
});

// ----- enums ----------------------------------------------------------------------------------

#[uniffi::remote(Enum)]
pub enum SourceKind {
    Person,
    Organization,
    Government,
    Outlet,
    Document,
    UnnamedGroup,
    Collective,
}

#[uniffi::remote(Enum)]
pub enum Reliability {
    A,
    B,
    C,
    D,
    E,
    F,
}

#[uniffi::remote(Enum)]
pub enum Stance {
    Asserts,
    Denies,
    Doubts,
    NoComment,
}

#[uniffi::remote(Enum)]
pub enum Modality {
    Stated,
    Alleged,
    Expected,
    Speculated,
}

#[uniffi::remote(Enum)]
pub enum SourceRelationKind {
    Cites,
    AuthoredBy,
    PublishedIn,
    AffiliatedWith,
}

#[uniffi::remote(Enum)]
pub enum ClaimRelationKind {
    Supports,
    Contradicts,
    Specializes,
    SameAs,
    DependsOn,
}

#[uniffi::remote(Enum)]
pub enum RecordKind {
    Source,
    Claim,
    Node,
    Attribution,
    SourceRelation,
    ClaimRelation,
    Verdict,
    Edge,
}

#[uniffi::remote(Enum)]
pub enum ReasonKind {
    IndependentOrigin,
    Denial,
    Doubt,
    Verdict,
    Saturation,
    UnnamedOnly,
    CircularReporting,
    InterestedDenial,
    NoComment,
    RatingDisagreement,
    UnratedVerdict,
}

#[uniffi::remote(Enum)]
pub enum MergePolicy {
    Fail,
    KeepOurs,
    TakeTheirs,
}

#[uniffi::remote(Enum)]
pub enum MergeChoice {
    Ours,
    Theirs,
}

// ----- records an app builds ------------------------------------------------------------------
// Edge records take `id = ""` to mean "the core's default id" (see `or_default_id` in the core).

#[uniffi::remote(Record)]
pub struct Source {
    pub id: String,
    pub kind: SourceKind,
    pub name: String,
    #[uniffi(default)]
    pub aliases: Vec<String>,
    #[uniffi(default = None)]
    pub reliability: Option<Reliability>,
    #[uniffi(default = None)]
    pub url: Option<String>,
    #[uniffi(default = None)]
    pub title: Option<String>,
    #[uniffi(default = None)]
    pub published: Option<When>,
}

#[uniffi::remote(Record)]
pub struct Period {
    #[uniffi(default = None)]
    pub start: Option<When>,
    #[uniffi(default = None)]
    pub end: Option<When>,
}

#[uniffi::remote(Record)]
pub struct Quantity {
    pub value: f64,
    pub unit: String,
}

#[uniffi::remote(Record)]
pub struct Claim {
    pub id: String,
    pub text: String,
    #[uniffi(default)]
    pub subjects: Vec<String>,
    #[uniffi(default = None)]
    pub period: Option<Period>,
    #[uniffi(default)]
    pub tags: Vec<String>,
    #[uniffi(default = None)]
    pub quantity: Option<Quantity>,
}

#[uniffi::remote(Record)]
pub struct Attribution {
    pub source: String,
    pub claim: String,
    pub stance: Stance,
    pub modality: Modality,
    #[uniffi(default = None)]
    pub said: Option<When>,
    #[uniffi(default = None)]
    pub quote: Option<String>,
    #[uniffi(default = [])]
    pub via: Vec<Hop>,
    #[uniffi(default = [])]
    pub basis: Vec<String>,
    #[uniffi(default = [])]
    pub covers: Vec<String>,
    #[uniffi(default = "")]
    pub id: String,
}

#[uniffi::remote(Record)]
pub struct Hop {
    pub source: String,
    #[uniffi(default = None)]
    pub date: Option<When>,
}

#[uniffi::remote(Record)]
pub struct SourceRelation {
    pub from: String,
    pub kind: SourceRelationKind,
    pub to: String,
    #[uniffi(default = None)]
    pub date: Option<When>,
    #[uniffi(default = None)]
    pub since: Option<When>,
    #[uniffi(default = None)]
    pub until: Option<When>,
    #[uniffi(default = "")]
    pub id: String,
}

#[uniffi::remote(Record)]
pub struct ClaimRelation {
    pub from: String,
    pub kind: ClaimRelationKind,
    pub to: String,
    #[uniffi(default = "")]
    pub id: String,
}

#[uniffi::remote(Record)]
pub struct Rating {
    pub value: f64,
    pub best: f64,
    pub worst: f64,
}

#[uniffi::remote(Record)]
pub struct Verdict {
    pub reviewer: String,
    pub claim: String,
    pub label: String,
    #[uniffi(default = None)]
    pub rating: Option<Rating>,
    #[uniffi(default = None)]
    pub date: Option<When>,
    #[uniffi(default = None)]
    pub url: Option<String>,
    #[uniffi(default = None)]
    pub summary: Option<String>,
    #[uniffi(default = "")]
    pub id: String,
}

// ----- answers --------------------------------------------------------------------------------

#[uniffi::remote(Record)]
pub struct Origin {
    pub id: String,
    pub members: Vec<String>,
    pub circular: bool,
    pub unnamed: bool,
}

#[uniffi::remote(Record)]
pub struct OriginGroup {
    pub top: String,
    pub origins: Vec<String>,
}

#[uniffi::remote(Record)]
pub struct Status {
    pub claim: String,
    pub asserters: Vec<String>,
    pub deniers: Vec<String>,
    pub doubters: Vec<String>,
    pub no_comment: Vec<String>,
    pub disputed: bool,
    pub origins: Vec<Origin>,
    pub independent_origins: Vec<OriginGroup>,
    pub unnamed_only: bool,
    pub interested_deniers: Vec<String>,
    pub circular_reporting: bool,
    pub verdicts: Vec<Verdict>,
    pub inferred: Vec<Inference>,
}

#[uniffi::remote(Record)]
pub struct SourceUses {
    pub attributions: Vec<String>,
    pub source_relations: Vec<String>,
    pub verdicts: Vec<String>,
    pub hops: Vec<String>,
    pub basis: Vec<String>,
    pub subject_of: Vec<String>,
}

#[uniffi::remote(Record)]
pub struct Inference {
    pub source: String,
    pub stance: Stance,
    pub claim: String,
    pub relation: ClaimRelationKind,
    pub attribution: String,
    pub detail: String,
}

#[uniffi::remote(Record)]
pub struct StatusSummary {
    pub claim: String,
    pub asserters: Count,
    pub deniers: Count,
    pub doubters: Count,
    pub disputed: bool,
    pub origins: Count,
    pub independent_origins: Count,
    pub unnamed_only: bool,
    pub interested_denial: bool,
    pub circular_reporting: bool,
    pub verdicts: Count,
}

#[uniffi::remote(Record)]
pub struct Chain {
    pub claim: String,
    pub attribution: String,
    pub stance: Stance,
    pub via: Option<String>,
    pub path: Vec<String>,
    pub circular: bool,
}

#[uniffi::remote(Record)]
pub struct CircularReporting {
    pub sources: Vec<String>,
    pub claims: Vec<String>,
}

#[uniffi::remote(Record)]
pub struct Contradiction {
    pub claim: String,
    pub other: String,
    pub sources_asserting_both: Vec<String>,
}

#[uniffi::remote(Record)]
pub struct Findings {
    pub disputed: Vec<String>,
    pub single_origin: Vec<String>,
    pub unnamed_only: Vec<String>,
    pub circular_reporting: Vec<CircularReporting>,
    pub contradictions: Vec<Contradiction>,
}

#[uniffi::remote(Record)]
pub struct Reason {
    pub kind: ReasonKind,
    pub weight: f64,
    pub detail: String,
}

#[uniffi::remote(Record)]
pub struct Assessment {
    pub claim: String,
    pub score: f64,
    pub evidence_score: f64,
    pub verdict_effect: f64,
    pub reasons: Vec<Reason>,
    pub notes: Vec<Reason>,
}

#[uniffi::remote(Record)]
pub struct MergeConflict {
    pub kind: RecordKind,
    pub id: String,
    pub field: FieldName,
    pub ours: String,
    pub theirs: String,
    pub chosen: MergeChoice,
}

#[uniffi::remote(Record)]
pub struct MergeReport {
    pub added: Vec<String>,
    pub unchanged: Vec<String>,
    pub extended: Vec<String>,
    pub conflicts: Vec<MergeConflict>,
}

#[uniffi::remote(Record)]
pub struct IngestReport {
    pub lines: u64,
    pub sources: Count,
    pub claims: Count,
    pub attributions: Count,
    pub citations: Count,
    pub skipped_cycle_citations: Count,
}

#[uniffi::remote(Record)]
pub struct Counts {
    pub sources: Count,
    pub claims: Count,
    pub attributions: Count,
    pub source_relations: Count,
    pub claim_relations: Count,
    pub verdicts: Count,
}

#[uniffi::remote(Record)]
pub struct SkippedRecord {
    pub kind: String,
    pub id: String,
    pub attribute: Option<String>,
    pub value: Option<String>,
    pub reason: String,
}

#[uniffi::remote(Record)]
pub struct ImportReport {
    pub added: Counts,
    pub skipped: Vec<SkippedRecord>,
    pub bundles: Vec<String>,
    pub notes: Vec<String>,
    #[uniffi(default)]
    pub rejected: Vec<RejectedRecord>,
}

#[uniffi::remote(Record)]
pub struct RejectedRecord {
    pub index: Count,
    pub record: String,
    pub field: String,
    pub reason: String,
}

// ----- history of a stored graph --------------------------------------------------------------

#[uniffi::remote(Enum)]
pub enum Action {
    Add,
    Update,
    Remove,
}

#[uniffi::remote(Enum)]
pub enum Record {
    Source(Source),
    Claim(Claim),
    Attribution(Attribution),
    SourceRelation(SourceRelation),
    ClaimRelation(ClaimRelation),
    Verdict(Verdict),
}

#[uniffi::remote(Record)]
pub struct Event {
    pub seq: u64,
    pub change: u64,
    pub at: Timestamp,
    pub actor: String,
    pub reason: Option<String>,
    pub operation: String,
    pub undoes: Option<u64>,
    pub action: Action,
    pub kind: RecordKind,
    pub id: String,
    pub before: Option<Record>,
    pub after: Option<Record>,
    pub hash: String,
}

#[uniffi::remote(Record)]
pub struct HistoryCheck {
    pub events: u64,
    pub first_altered: Option<u64>,
    pub problem: Option<String>,
}

// ----- matching -------------------------------------------------------------------------------
// `MatchWeights` carries no defaults here: they are the core's, from `defaultMatchWeights()`.

#[uniffi::remote(Enum)]
pub enum MatchKind {
    Words,
    Ngrams,
    Numbers,
    Names,
    Links,
}

#[uniffi::remote(Record)]
pub struct MatchPart {
    pub kind: MatchKind,
    pub matched: Vec<String>,
    pub similarity: f64,
    pub score: f64,
    pub share: f64,
}

#[uniffi::remote(Record)]
pub struct SimilarClaim {
    pub claim: String,
    pub score: f64,
    pub shared_words: u32,
    pub parts: Vec<MatchPart>,
}

#[uniffi::remote(Record)]
pub struct DuplicateCandidate {
    pub claim: String,
    pub other: String,
    pub score: f64,
    pub shared_words: u32,
    pub parts: Vec<MatchPart>,
}

#[uniffi::remote(Record)]
pub struct MatchWeights {
    pub words: f64,
    pub ngrams: f64,
    pub numbers: f64,
    pub names: f64,
    pub links: f64,
}
