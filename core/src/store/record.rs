//! One record of any kind, as history stores it, and the difference between two graphs as the
//! changes that turn one into the other.

use serde::Serialize;

use crate::error::{Error, Location, RecordKind, Result};
use crate::graph::{ClaimGraph, Records};
use crate::model::{Attribution, Claim, ClaimRelation, Source, SourceRelation, Verdict};

/// A record of any kind: what a history event holds as the value before or after a change.
///
/// ```
/// use claimgraph::{Record, RecordKind, Source, SourceKind};
/// let r = Record::from(Source::new("abc", SourceKind::Outlet, "ABC"));
/// assert_eq!((r.kind(), r.id()), (RecordKind::Source, "abc"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Record {
    /// A source.
    Source(Source),
    /// A claim.
    Claim(Claim),
    /// An attribution.
    Attribution(Attribution),
    /// A relation between sources.
    SourceRelation(SourceRelation),
    /// A relation between claims.
    ClaimRelation(ClaimRelation),
    /// A verdict.
    Verdict(Verdict),
}

macro_rules! record_from {
    ($($t:ident),*) => {$(
        impl From<$t> for Record {
            fn from(r: $t) -> Record {
                Record::$t(r)
            }
        }

        impl TryFrom<Record> for $t {
            type Error = Record;

            /// The record, when it is of this kind; otherwise the record back.
            fn try_from(r: Record) -> std::result::Result<$t, Record> {
                match r {
                    Record::$t(r) => Ok(r),
                    other => Err(other),
                }
            }
        }
    )*};
}
record_from!(
    Source,
    Claim,
    Attribution,
    SourceRelation,
    ClaimRelation,
    Verdict
);

impl Record {
    /// The kind of record.
    pub fn kind(&self) -> RecordKind {
        match self {
            Record::Source(_) => RecordKind::Source,
            Record::Claim(_) => RecordKind::Claim,
            Record::Attribution(_) => RecordKind::Attribution,
            Record::SourceRelation(_) => RecordKind::SourceRelation,
            Record::ClaimRelation(_) => RecordKind::ClaimRelation,
            Record::Verdict(_) => RecordKind::Verdict,
        }
    }

    /// The record's id.
    pub fn id(&self) -> &str {
        match self {
            Record::Source(r) => &r.id,
            Record::Claim(r) => &r.id,
            Record::Attribution(r) => &r.id,
            Record::SourceRelation(r) => &r.id,
            Record::ClaimRelation(r) => &r.id,
            Record::Verdict(r) => &r.id,
        }
    }

    /// The record as JSON, in the native format's shape for its kind.
    pub fn to_json(&self) -> String {
        // Records hold only strings, numbers and dates, which always serialize.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a record of `kind` from JSON; `place` names where the JSON came from in errors.
    pub(crate) fn from_json(
        kind: RecordKind,
        json: &str,
        place: impl Fn() -> String,
    ) -> Result<Record> {
        let place: &dyn Fn() -> String = &place;
        Ok(match kind {
            RecordKind::Source => Record::Source(read_json(json, place)?),
            RecordKind::Claim => Record::Claim(read_json(json, place)?),
            RecordKind::Attribution => Record::Attribution(read_json(json, place)?),
            RecordKind::SourceRelation => Record::SourceRelation(read_json(json, place)?),
            RecordKind::ClaimRelation => Record::ClaimRelation(read_json(json, place)?),
            RecordKind::Verdict => Record::Verdict(read_json(json, place)?),
            RecordKind::Node | RecordKind::Edge => return Err(generic_kind(kind, place)),
        })
    }

    pub(crate) fn is_node(&self) -> bool {
        matches!(self, Record::Source(_) | Record::Claim(_))
    }
}

/// Reads one record of a known type from JSON; `place` names where the JSON came from in errors.
pub(crate) fn read_json<T: serde::de::DeserializeOwned>(
    json: &str,
    place: &dyn Fn() -> String,
) -> Result<T> {
    serde_json::from_str(json).map_err(|e| Error::Format {
        format: super::FORMAT,
        location: Location {
            record: Some(place()),
            ..Location::default()
        },
        message: e.to_string(),
    })
}

/// The error for a stored record of [`RecordKind::Node`] or [`RecordKind::Edge`], which name
/// no record type.
pub(crate) fn generic_kind(kind: RecordKind, place: &dyn Fn() -> String) -> Error {
    Error::Format {
        format: super::FORMAT,
        location: Location {
            record: Some(place()),
            ..Location::default()
        },
        message: format!("a stored record cannot be of the generic kind {kind}"),
    }
}

/// What a change does to one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// The record was added.
    Add,
    /// The record was replaced by a new value.
    Update,
    /// The record was removed.
    Remove,
}

impl Action {
    /// The name used in the database and in bindings: `"add"`, `"update"` or `"remove"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Add => "add",
            Action::Update => "update",
            Action::Remove => "remove",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<Action> {
        [Action::Add, Action::Update, Action::Remove]
            .into_iter()
            .find(|a| a.as_str() == s)
    }
}

impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One record's change: its value before (none when added) and after (none when removed).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Step {
    pub(crate) before: Option<Record>,
    pub(crate) after: Option<Record>,
}

impl Step {
    pub(crate) fn action(&self) -> Action {
        match (&self.before, &self.after) {
            (None, _) => Action::Add,
            (Some(_), Some(_)) => Action::Update,
            (Some(_), None) => Action::Remove,
        }
    }

    pub(crate) fn record(&self) -> Option<&Record> {
        self.after.as_ref().or(self.before.as_ref())
    }

    pub(crate) fn inverse(&self) -> Step {
        Step {
            before: self.after.clone(),
            after: self.before.clone(),
        }
    }
}

/// Applies one step to a graph. The graph's own rules apply (a removal cascades), so steps made
/// by [`diff`] list the cascade before the removal that would cause it.
pub(crate) fn apply(g: &mut ClaimGraph, step: &Step) -> Result<()> {
    match (&step.before, &step.after) {
        (None, Some(r)) => add(g, r.clone()),
        (Some(_), Some(r)) => update(g, r.clone()),
        (Some(r), None) => remove(g, r.kind(), r.id()),
        (None, None) => Ok(()),
    }
}

/// Applies every step or, when one fails, none: the ones applied are taken back in reverse.
pub(crate) fn apply_all(g: &mut ClaimGraph, steps: &[Step]) -> Result<()> {
    for (done, step) in steps.iter().enumerate() {
        if let Err(err) = apply(g, step) {
            for back in steps[..done].iter().rev() {
                let _ = apply(g, &back.inverse());
            }
            return Err(err);
        }
    }
    Ok(())
}

fn add(g: &mut ClaimGraph, r: Record) -> Result<()> {
    match r {
        Record::Source(r) => g.add_source(r),
        Record::Claim(r) => g.add_claim(r),
        Record::Attribution(r) => g.add_attribution(r),
        Record::SourceRelation(r) => g.add_source_relation(r),
        Record::ClaimRelation(r) => g.add_claim_relation(r),
        Record::Verdict(r) => g.add_verdict(r),
    }
}

fn update(g: &mut ClaimGraph, r: Record) -> Result<()> {
    match r {
        Record::Source(r) => g.update_source(r).map(drop),
        Record::Claim(r) => g.update_claim(r).map(drop),
        Record::Attribution(r) => g.update_attribution(r).map(drop),
        Record::SourceRelation(r) => g.update_source_relation(r).map(drop),
        Record::ClaimRelation(r) => g.update_claim_relation(r).map(drop),
        Record::Verdict(r) => g.update_verdict(r).map(drop),
    }
}

pub(crate) fn remove(g: &mut ClaimGraph, kind: RecordKind, id: &str) -> Result<()> {
    match kind {
        RecordKind::Source => g.remove_source(id).map(drop),
        RecordKind::Claim => g.remove_claim(id).map(drop),
        RecordKind::Attribution => g.remove_attribution(id).map(drop),
        RecordKind::SourceRelation => g.remove_source_relation(id).map(drop),
        RecordKind::ClaimRelation => g.remove_claim_relation(id).map(drop),
        RecordKind::Verdict => g.remove_verdict(id).map(drop),
        RecordKind::Node | RecordKind::Edge => Err(Error::not_found(kind, id)),
    }
}

/// The current value of the record a step is about, if the graph holds it.
pub(crate) fn current(g: &ClaimGraph, kind: RecordKind, id: &str) -> Option<Record> {
    match kind {
        RecordKind::Source => g.source(id).cloned().map(Record::Source),
        RecordKind::Claim => g.claim(id).cloned().map(Record::Claim),
        RecordKind::Attribution => g.attribution(id).map(Record::Attribution),
        RecordKind::SourceRelation => g.source_relation(id).map(Record::SourceRelation),
        RecordKind::ClaimRelation => g.claim_relation(id).map(Record::ClaimRelation),
        RecordKind::Verdict => g.verdict(id).map(Record::Verdict),
        RecordKind::Node | RecordKind::Edge => None,
    }
}

/// The steps that turn `old` into `new`, in an order in which each step is valid when applied
/// one after the other: edges removed first, then nodes added and updated, then edges updated and
/// added, and nodes removed last (claims before sources).
pub(crate) fn diff(old: Records, new: Records) -> Vec<Step> {
    // Each step goes once into its group (edge removals, node additions, node updates, edge
    // updates, edge additions, claim removals, source removals), and the groups are joined in
    // that order: a bulk change moves a million steps, so each move counts.
    let nodes = new.sources.len() + new.claims.len();
    let edges = new.attributions.len()
        + new.source_relations.len()
        + new.claim_relations.len()
        + new.verdicts.len();
    let mut groups: [Vec<Step>; 7] = Default::default();
    groups[1].reserve(nodes);
    groups[4].reserve(edges);
    diff_kind(old.sources, new.sources, |r| &r.id, &mut groups);
    diff_kind(old.claims, new.claims, |r| &r.id, &mut groups);
    diff_kind(old.attributions, new.attributions, |r| &r.id, &mut groups);
    diff_kind(
        old.source_relations,
        new.source_relations,
        |r| &r.id,
        &mut groups,
    );
    diff_kind(
        old.claim_relations,
        new.claim_relations,
        |r| &r.id,
        &mut groups,
    );
    diff_kind(old.verdicts, new.verdicts, |r| &r.id, &mut groups);
    let mut out = Vec::with_capacity(groups.iter().map(Vec::len).sum());
    for group in &mut groups {
        out.append(group);
    }
    out
}

/// Which of [`diff`]'s groups a step belongs to.
fn group(step: &Step) -> usize {
    match (step.record(), step.action()) {
        (Some(Record::Source(_)), Action::Remove) => 6,
        (Some(Record::Claim(_)), Action::Remove) => 5,
        (Some(r), Action::Remove) if !r.is_node() => 0,
        (Some(r), Action::Add) if r.is_node() => 1,
        (Some(r), Action::Update) if r.is_node() => 2,
        (_, Action::Update) => 3,
        _ => 4,
    }
}

/// The steps adding every record listed: sources and claims, then the edges, each kind in its
/// list's order (the order of [`diff`] from an empty graph when the lists are sorted by id).
pub(crate) fn additions(r: Records) -> impl Iterator<Item = Step> {
    fn adds<T: Into<Record>>(list: Vec<T>) -> impl Iterator<Item = Step> {
        list.into_iter().map(|r| Step {
            before: None,
            after: Some(r.into()),
        })
    }
    adds(r.sources)
        .chain(adds(r.claims))
        .chain(adds(r.attributions))
        .chain(adds(r.source_relations))
        .chain(adds(r.claim_relations))
        .chain(adds(r.verdicts))
}

/// Merge-joins two id-sorted lists of one kind, moving the records into steps in their groups.
fn diff_kind<T>(old: Vec<T>, new: Vec<T>, id: impl Fn(&T) -> &String, groups: &mut [Vec<Step>; 7])
where
    T: PartialEq + Into<Record>,
{
    use std::cmp::Ordering;
    let mut old = old.into_iter().peekable();
    let mut new = new.into_iter().peekable();
    loop {
        let order = match (old.peek(), new.peek()) {
            (Some(a), Some(b)) => id(a).cmp(id(b)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => break,
        };
        let (before, after) = match order {
            Ordering::Less => (old.next(), None),
            Ordering::Greater => (None, new.next()),
            Ordering::Equal => match (old.next(), new.next()) {
                (Some(a), Some(b)) if a == b => continue,
                pair => pair,
            },
        };
        let step = Step {
            before: before.map(Into::into),
            after: after.map(Into::into),
        };
        groups[group(&step)].push(step);
    }
}
