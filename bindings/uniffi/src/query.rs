//! What the queries return, mirroring the core's result types.

use std::sync::Arc;

use crate::error::RecordKind;
use crate::graph::ClaimGraph;
use crate::model::{Stance, Verdict};

/// Counts cross the boundary as `u64` (Kotlin `ULong`, Swift `UInt64`).
pub(crate) fn count(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

/// A root source a claim's assertions trace back to.
///
/// Usually one source; a loop of sources citing each other that cites no one outside it is one
/// origin, with `circular` set and every member listed.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Origin {
    /// The origin's id (the smallest member id when the origin is a loop).
    pub id: String,
    /// The sources that make up the origin, sorted by id.
    pub members: Vec<String>,
    /// True when the origin is a loop of sources citing each other.
    pub circular: bool,
    /// True when every member is an unnamed group or a collective.
    pub unnamed: bool,
}

impl From<claimgraph::Origin> for Origin {
    fn from(o: claimgraph::Origin) -> Self {
        Origin {
            id: o.id,
            members: o.members,
            circular: o.circular,
            unnamed: o.unnamed,
        }
    }
}

/// The figures of a claim's status: how many sources assert, deny and doubt it, how many origins
/// and independent origins stand behind it, and its flags; what a list of every claim shows.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct StatusSummary {
    /// The claim's id.
    pub claim: String,
    /// How many distinct sources assert it.
    pub asserters: u64,
    /// How many distinct sources deny it.
    pub deniers: u64,
    /// How many distinct sources doubt it.
    pub doubters: u64,
    /// True when it is both asserted and denied.
    pub disputed: bool,
    /// How many origins its assertions trace back to.
    pub origins: u64,
    /// How many independent origins stand behind it.
    pub independent_origins: u64,
    /// True when it is asserted and every origin is an unnamed group or a collective.
    pub unnamed_only: bool,
    /// True when a denier is a subject of the claim or affiliated with one.
    pub interested_denial: bool,
    /// True when some assertion traces back into a loop of sources citing each other.
    pub circular_reporting: bool,
    /// How many verdicts it has.
    pub verdicts: u64,
}

impl From<claimgraph::StatusSummary> for StatusSummary {
    fn from(s: claimgraph::StatusSummary) -> Self {
        let n = |v: usize| u64::try_from(v).unwrap_or(u64::MAX);
        StatusSummary {
            claim: s.claim,
            asserters: n(s.asserters),
            deniers: n(s.deniers),
            doubters: n(s.doubters),
            disputed: s.disputed,
            origins: n(s.origins),
            independent_origins: n(s.independent_origins),
            unnamed_only: s.unnamed_only,
            interested_denial: s.interested_denial,
            circular_reporting: s.circular_reporting,
            verdicts: n(s.verdicts),
        }
    }
}

/// Origins that are not independent of each other: they share the top of their affiliation chain.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct OriginGroup {
    /// The id of the source at the top of the members' affiliation chains.
    pub top: String,
    /// The ids of the origins in the group, sorted.
    pub origins: Vec<String>,
}

impl From<claimgraph::OriginGroup> for OriginGroup {
    fn from(g: claimgraph::OriginGroup) -> Self {
        OriginGroup {
            top: g.top,
            origins: g.origins,
        }
    }
}

/// Everything the record says about one claim.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Status {
    /// The claim's id.
    pub claim: String,
    /// Ids of the distinct sources that assert the claim, sorted.
    pub asserters: Vec<String>,
    /// Ids of the distinct sources that deny it, sorted.
    pub deniers: Vec<String>,
    /// Ids of the distinct sources that doubt it, sorted.
    pub doubters: Vec<String>,
    /// Ids of the sources recorded as saying nothing either way ("declined to comment"),
    /// sorted; they count neither for nor against the claim.
    pub no_comment: Vec<String>,
    /// True when the claim is both asserted and denied.
    pub disputed: bool,
    /// The origins of its assertions, sorted by id.
    pub origins: Vec<Origin>,
    /// The origins grouped by independence, sorted by top.
    pub independent_origins: Vec<OriginGroup>,
    /// How many independent origins stand behind the claim.
    pub independent_origin_count: u64,
    /// True when it is asserted and every origin is an unnamed group or a collective.
    pub unnamed_only: bool,
    /// Ids of deniers that are a subject of the claim or affiliated with one, sorted.
    pub interested_deniers: Vec<String>,
    /// True when some assertion traces back into a loop of sources citing each other.
    pub circular_reporting: bool,
    /// The verdicts on the claim, sorted by id.
    pub verdicts: Vec<Verdict>,
}

impl From<claimgraph::Status> for Status {
    fn from(s: claimgraph::Status) -> Self {
        let independent_origin_count = count(s.independent_origin_count());
        Status {
            claim: s.claim,
            asserters: s.asserters,
            deniers: s.deniers,
            doubters: s.doubters,
            no_comment: s.no_comment,
            disputed: s.disputed,
            origins: s.origins.into_iter().map(Into::into).collect(),
            independent_origins: s.independent_origins.into_iter().map(Into::into).collect(),
            independent_origin_count,
            unnamed_only: s.unnamed_only,
            interested_deniers: s.interested_deniers,
            circular_reporting: s.circular_reporting,
            verdicts: s.verdicts.into_iter().map(Into::into).collect(),
        }
    }
}

/// One path from an attribution's source up to an origin, for display ("ROK media -> ROK
/// sources").
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Chain {
    /// The claim.
    pub claim: String,
    /// The attribution the chain starts from.
    pub attribution: String,
    /// The attribution's stance.
    pub stance: Stance,
    /// The document or outlet the attribution was reported in, if any.
    pub via: Option<String>,
    /// Source ids from the attributed source to the origin.
    pub path: Vec<String>,
    /// True when the path stopped because it came back to a source already on it.
    pub circular: bool,
}

impl From<claimgraph::Chain> for Chain {
    fn from(c: claimgraph::Chain) -> Self {
        Chain {
            claim: c.claim,
            attribution: c.attribution,
            stance: c.stance.into(),
            via: c.via,
            path: c.path,
            circular: c.circular,
        }
    }
}

/// A loop of sources citing each other.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CircularReporting {
    /// The sources in the loop, sorted.
    pub sources: Vec<String>,
    /// The claims whose assertions trace into the loop, sorted.
    pub claims: Vec<String>,
}

impl From<claimgraph::CircularReporting> for CircularReporting {
    fn from(c: claimgraph::CircularReporting) -> Self {
        CircularReporting {
            sources: c.sources,
            claims: c.claims,
        }
    }
}

/// Two claims that cannot both be true, yet both stand asserted.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Contradiction {
    /// One claim (the `from` of the contradicts relation).
    pub claim: String,
    /// The claim it contradicts.
    pub other: String,
    /// Sources that assert both, sorted.
    pub sources_asserting_both: Vec<String>,
}

impl From<claimgraph::Contradiction> for Contradiction {
    fn from(c: claimgraph::Contradiction) -> Self {
        Contradiction {
            claim: c.claim,
            other: c.other,
            sources_asserting_both: c.sources_asserting_both,
        }
    }
}

/// Graph-wide findings: what a fact-checker should look at first. Each list is sorted.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
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

impl From<claimgraph::Findings> for Findings {
    fn from(f: claimgraph::Findings) -> Self {
        Findings {
            disputed: f.disputed,
            single_origin: f.single_origin,
            unnamed_only: f.unnamed_only,
            circular_reporting: f.circular_reporting.into_iter().map(Into::into).collect(),
            contradictions: f.contradictions.into_iter().map(Into::into).collect(),
        }
    }
}

/// What a reason of an assessment is about. Reasons come in this order (then by their detail).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum ReasonKind {
    /// An independent origin asserts the claim (positive weight).
    IndependentOrigin,
    /// A group of sources denies the claim (negative weight).
    Denial,
    /// A group of sources doubts the claim (negative weight, half a denial's).
    Doubt,
    /// A fact-checker's verdict (signed weight; zero when the verdict gives no rating).
    Verdict,
    /// The part of the evidence cut off by saturation, so that evidence alone cannot outweigh a
    /// verdict.
    Saturation,
    /// Every origin is an unnamed group or a collective (weight 0: the origins already count
    /// half).
    UnnamedOnly,
    /// Some assertion traces back into a loop of sources citing each other (weight 0).
    CircularReporting,
    /// A denier is an interested party (weight 0: its denial already counts a quarter).
    InterestedDenial,
    /// A source was recorded as saying nothing either way (weight 0).
    NoComment,
    /// A verdict's numeric rating disagrees with its label (weight 0: the label is used).
    RatingDisagreement,
    /// A verdict that is not a matter of truth or says nothing the vocabulary knows (weight 0).
    UnratedVerdict,
    /// A kind of reason this version of the binding does not name yet (the core may add kinds);
    /// `detail` still says what it is.
    Other,
}

impl From<claimgraph::ReasonKind> for ReasonKind {
    fn from(k: claimgraph::ReasonKind) -> Self {
        use claimgraph::ReasonKind as K;
        match k {
            K::IndependentOrigin => ReasonKind::IndependentOrigin,
            K::Denial => ReasonKind::Denial,
            K::Doubt => ReasonKind::Doubt,
            K::Verdict => ReasonKind::Verdict,
            K::Saturation => ReasonKind::Saturation,
            K::UnnamedOnly => ReasonKind::UnnamedOnly,
            K::CircularReporting => ReasonKind::CircularReporting,
            K::InterestedDenial => ReasonKind::InterestedDenial,
            K::NoComment => ReasonKind::NoComment,
            K::RatingDisagreement => ReasonKind::RatingDisagreement,
            K::UnratedVerdict => ReasonKind::UnratedVerdict,
        }
    }
}

/// One signed, named contribution to a score.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Reason {
    /// What the reason is about.
    pub kind: ReasonKind,
    /// The signed contribution to the score's log-odds.
    pub weight: f64,
    /// A sentence for a reader.
    pub detail: String,
}

impl From<claimgraph::Reason> for Reason {
    fn from(r: claimgraph::Reason) -> Self {
        Reason {
            kind: r.kind.into(),
            weight: r.weight,
            detail: r.detail,
        }
    }
}

/// A credibility score in [0, 1] and the reasons behind it; the reasons' weights add up to the
/// score's log-odds, `ln(score / (1 - score))`.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Assessment {
    /// The claim.
    pub claim: String,
    /// The score, from 0 (not credible) to 1.
    pub score: f64,
    /// The score from the evidence alone (origins, denials, doubts), which no verdict moves:
    /// what a desk deciding its own verdict should read.
    pub evidence_score: f64,
    /// How much the verdicts move the log-odds (0 without a rated verdict).
    pub verdict_effect: f64,
    /// Why, each reason with its signed weight; the weights add up to the score's log-odds.
    pub reasons: Vec<Reason>,
    /// Remarks of weight 0 that explain the answer (an interested denier, unnamed-only origins,
    /// a non-statement, an unrated verdict, a rating that disagrees with its label).
    pub notes: Vec<Reason>,
}

impl From<claimgraph::Assessment> for Assessment {
    fn from(a: claimgraph::Assessment) -> Self {
        Assessment {
            claim: a.claim,
            score: a.score,
            evidence_score: a.evidence_score,
            verdict_effect: a.verdict_effect,
            reasons: a.reasons.into_iter().map(Into::into).collect(),
            notes: a.notes.into_iter().map(Into::into).collect(),
        }
    }
}

/// The graph as it stood on a date, and what could not be placed in time.
#[derive(Debug, Clone, uniffi::Record)]
pub struct AsOfResult {
    /// The cut-off, as given.
    pub date: String,
    /// The graph as it stood then (a separate graph: changing it leaves the original alone).
    pub graph: Arc<ClaimGraph>,
    /// Ids of attributions and verdicts left out because they cannot be placed before or after
    /// the cut-off, sorted.
    pub unplaced: Vec<String>,
}

/// What to do when both graphs hold a record with the same id but different fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum MergePolicy {
    /// Fail with `ClaimGraphError.MergeConflict`, changing nothing.
    Fail,
    /// Keep this graph's record, and report the conflict.
    KeepOurs,
    /// Take the other graph's record, and report the conflict.
    TakeTheirs,
}

impl From<MergePolicy> for claimgraph::MergePolicy {
    fn from(p: MergePolicy) -> Self {
        match p {
            MergePolicy::Fail => claimgraph::MergePolicy::Fail,
            MergePolicy::KeepOurs => claimgraph::MergePolicy::KeepOurs,
            MergePolicy::TakeTheirs => claimgraph::MergePolicy::TakeTheirs,
        }
    }
}

/// Which side a merge conflict was settled for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum MergeChoice {
    /// This graph's value was kept.
    Ours,
    /// The other graph's value was taken.
    Theirs,
}

impl From<claimgraph::query::MergeChoice> for MergeChoice {
    fn from(c: claimgraph::query::MergeChoice) -> Self {
        match c {
            claimgraph::query::MergeChoice::Ours => MergeChoice::Ours,
            claimgraph::query::MergeChoice::Theirs => MergeChoice::Theirs,
        }
    }
}

/// A field on which two merged graphs disagreed, and how it was settled.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MergeConflict {
    /// The kind of record.
    pub kind: RecordKind,
    /// The record's id.
    pub id: String,
    /// The field.
    pub field: String,
    /// This graph's value, as JSON.
    pub ours: String,
    /// The other graph's value, as JSON.
    pub theirs: String,
    /// Which was kept.
    pub chosen: MergeChoice,
}

impl From<claimgraph::query::MergeConflict> for MergeConflict {
    fn from(c: claimgraph::query::MergeConflict) -> Self {
        MergeConflict {
            kind: c.kind.into(),
            id: c.id,
            field: c.field.to_owned(),
            ours: c.ours,
            theirs: c.theirs,
            chosen: c.chosen.into(),
        }
    }
}

/// What a merge did.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MergeReport {
    /// Ids of records added from the other graph, sorted.
    pub added: Vec<String>,
    /// Ids of records both graphs held with equal fields, sorted.
    pub unchanged: Vec<String>,
    /// Fields on which they disagreed, and how each was settled.
    pub conflicts: Vec<MergeConflict>,
}

impl From<claimgraph::MergeReport> for MergeReport {
    fn from(r: claimgraph::MergeReport) -> Self {
        MergeReport {
            added: r.added,
            unchanged: r.unchanged,
            conflicts: r.conflicts.into_iter().map(Into::into).collect(),
        }
    }
}

/// What a JSON Lines ingest read.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct IngestReport {
    /// Lines read, the meta line included.
    pub lines: u64,
    /// Sources added.
    pub sources: u64,
    /// Claims added.
    pub claims: u64,
    /// Attributions added.
    pub attributions: u64,
    /// Citations added.
    pub citations: u64,
}

impl From<claimgraph::io::IngestReport> for IngestReport {
    fn from(r: claimgraph::io::IngestReport) -> Self {
        IngestReport {
            lines: r.lines,
            sources: count(r.sources),
            claims: count(r.claims),
            attributions: count(r.attributions),
            citations: count(r.citations),
        }
    }
}

/// How many records of each kind a graph holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct Counts {
    /// Sources.
    pub sources: u64,
    /// Claims.
    pub claims: u64,
    /// Attributions.
    pub attributions: u64,
    /// Relations between sources.
    pub source_relations: u64,
    /// Relations between claims.
    pub claim_relations: u64,
    /// Verdicts.
    pub verdicts: u64,
}

impl From<claimgraph::Counts> for Counts {
    fn from(c: claimgraph::Counts) -> Self {
        Counts {
            sources: count(c.sources),
            claims: count(c.claims),
            attributions: count(c.attributions),
            source_relations: count(c.source_relations),
            claim_relations: count(c.claim_relations),
            verdicts: count(c.verdicts),
        }
    }
}
