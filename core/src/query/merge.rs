//! Merging two graphs.

use serde::Serialize;

use crate::error::{Error, RecordKind, Result};
use crate::graph::{ClaimGraph, Node, Records};
use crate::model::{Attribution, Claim, ClaimRelation, Source, SourceRelation, Verdict};

/// What to do when both graphs hold a record with the same id but different fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MergePolicy {
    /// Fail with [`Error::MergeConflict`](crate::Error::MergeConflict), changing nothing.
    #[default]
    Fail,
    /// Keep this graph's record, and report the conflict.
    KeepOurs,
    /// Take the other graph's record, and report the conflict.
    TakeTheirs,
}

/// Which side a conflict was settled for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MergeChoice {
    /// This graph's value was kept.
    Ours,
    /// The other graph's value was taken.
    Theirs,
}

/// A field on which the two graphs disagreed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeConflict {
    /// The kind of record.
    pub kind: RecordKind,
    /// The record's id.
    pub id: String,
    /// The field.
    pub field: &'static str,
    /// This graph's value, as JSON.
    pub ours: String,
    /// The other graph's value, as JSON.
    pub theirs: String,
    /// Which was kept.
    pub chosen: MergeChoice,
}

impl MergeConflict {
    fn sort_key(&self) -> (RecordKind, &str, &str) {
        (self.kind, &self.id, self.field)
    }

    fn into_error(self) -> Error {
        Error::MergeConflict {
            kind: self.kind,
            id: self.id,
            field: self.field,
            ours: self.ours,
            theirs: self.theirs,
        }
    }
}

/// What a merge did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MergeReport {
    /// Ids of records added from the other graph, sorted.
    pub added: Vec<String>,
    /// Ids of records both graphs held with equal fields, sorted.
    pub unchanged: Vec<String>,
    /// Ids of records both graphs held whose aliases, tags or subjects were extended with those
    /// only the other graph listed, sorted. Uniting these lists is not a conflict.
    pub extended: Vec<String>,
    /// Fields on which they disagreed, and how each was settled, sorted by kind, id and field.
    pub conflicts: Vec<MergeConflict>,
}

/// A value as JSON text, the form conflicts are reported in.
fn json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| format!("<not representable: {e}>"))
}

/// Settles one record held by both graphs, field by field.
struct Resolver<'a> {
    kind: RecordKind,
    id: &'a str,
    policy: MergePolicy,
    conflicts: Vec<MergeConflict>,
    extended: bool,
}

impl<'a> Resolver<'a> {
    fn new(kind: RecordKind, id: &'a str, policy: MergePolicy) -> Resolver<'a> {
        Resolver {
            kind,
            id,
            policy,
            conflicts: Vec::new(),
            extended: false,
        }
    }

    /// A field that must agree: a difference is a conflict, settled by the policy into `slot`
    /// (which starts as ours).
    fn field<V: Serialize + Clone>(
        &mut self,
        name: &'static str,
        ours: &V,
        theirs: &V,
        slot: &mut V,
    ) {
        let (o, t) = (json(ours), json(theirs));
        if o == t {
            return;
        }
        let chosen = match self.policy {
            MergePolicy::TakeTheirs => {
                *slot = theirs.clone();
                MergeChoice::Theirs
            }
            MergePolicy::Fail | MergePolicy::KeepOurs => MergeChoice::Ours,
        };
        self.conflicts.push(MergeConflict {
            kind: self.kind,
            id: self.id.to_owned(),
            field: name,
            ours: o,
            theirs: t,
            chosen,
        });
    }

    /// A list whose union is the merged value: ours in order, then theirs not already in it.
    fn union(&mut self, slot: &mut Vec<String>, theirs: &[String]) {
        for t in theirs {
            if !slot.contains(t) {
                slot.push(t.clone());
                self.extended = true;
            }
        }
    }
}

/// A record both graphs may hold, compared field by field.
trait Mergeable: Clone {
    const KIND: RecordKind;
    fn record_id(&self) -> &str;
    /// The merged record (starting from ours), noting conflicts and list growth in `r`.
    fn resolve(&self, theirs: &Self, r: &mut Resolver<'_>) -> Self;
}

impl Mergeable for Source {
    const KIND: RecordKind = RecordKind::Source;
    fn record_id(&self) -> &str {
        &self.id
    }
    fn resolve(&self, t: &Source, r: &mut Resolver<'_>) -> Source {
        let mut m = self.clone();
        r.field("kind", &self.kind, &t.kind, &mut m.kind);
        r.field("name", &self.name, &t.name, &mut m.name);
        r.union(&mut m.aliases, &t.aliases);
        r.field(
            "reliability",
            &self.reliability,
            &t.reliability,
            &mut m.reliability,
        );
        r.field("url", &self.url, &t.url, &mut m.url);
        r.field("title", &self.title, &t.title, &mut m.title);
        r.field("published", &self.published, &t.published, &mut m.published);
        m
    }
}

impl Mergeable for Claim {
    const KIND: RecordKind = RecordKind::Claim;
    fn record_id(&self) -> &str {
        &self.id
    }
    fn resolve(&self, t: &Claim, r: &mut Resolver<'_>) -> Claim {
        let mut m = self.clone();
        r.field("text", &self.text, &t.text, &mut m.text);
        r.union(&mut m.subjects, &t.subjects);
        r.field("period", &self.period, &t.period, &mut m.period);
        r.union(&mut m.tags, &t.tags);
        r.field("quantity", &self.quantity, &t.quantity, &mut m.quantity);
        m
    }
}

impl Mergeable for Attribution {
    const KIND: RecordKind = RecordKind::Attribution;
    fn record_id(&self) -> &str {
        &self.id
    }
    fn resolve(&self, t: &Attribution, r: &mut Resolver<'_>) -> Attribution {
        let mut m = self.clone();
        r.field("source", &self.source, &t.source, &mut m.source);
        r.field("claim", &self.claim, &t.claim, &mut m.claim);
        r.field("stance", &self.stance, &t.stance, &mut m.stance);
        r.field("modality", &self.modality, &t.modality, &mut m.modality);
        r.field("said", &self.said, &t.said, &mut m.said);
        r.field("quote", &self.quote, &t.quote, &mut m.quote);
        r.field("via", &self.via, &t.via, &mut m.via);
        m
    }
}

impl Mergeable for SourceRelation {
    const KIND: RecordKind = RecordKind::SourceRelation;
    fn record_id(&self) -> &str {
        &self.id
    }
    fn resolve(&self, t: &SourceRelation, r: &mut Resolver<'_>) -> SourceRelation {
        let mut m = self.clone();
        r.field("from", &self.from, &t.from, &mut m.from);
        r.field("kind", &self.kind, &t.kind, &mut m.kind);
        r.field("to", &self.to, &t.to, &mut m.to);
        r.field("date", &self.date, &t.date, &mut m.date);
        m
    }
}

impl Mergeable for ClaimRelation {
    const KIND: RecordKind = RecordKind::ClaimRelation;
    fn record_id(&self) -> &str {
        &self.id
    }
    fn resolve(&self, t: &ClaimRelation, r: &mut Resolver<'_>) -> ClaimRelation {
        let mut m = self.clone();
        r.field("from", &self.from, &t.from, &mut m.from);
        r.field("kind", &self.kind, &t.kind, &mut m.kind);
        r.field("to", &self.to, &t.to, &mut m.to);
        m
    }
}

impl Mergeable for Verdict {
    const KIND: RecordKind = RecordKind::Verdict;
    fn record_id(&self) -> &str {
        &self.id
    }
    fn resolve(&self, t: &Verdict, r: &mut Resolver<'_>) -> Verdict {
        let mut m = self.clone();
        r.field("reviewer", &self.reviewer, &t.reviewer, &mut m.reviewer);
        r.field("claim", &self.claim, &t.claim, &mut m.claim);
        r.field("label", &self.label, &t.label, &mut m.label);
        r.field("rating", &self.rating, &t.rating, &mut m.rating);
        r.field("date", &self.date, &t.date, &mut m.date);
        r.field("url", &self.url, &t.url, &mut m.url);
        r.field("summary", &self.summary, &t.summary, &mut m.summary);
        m
    }
}

/// What a merge will do for one kind of record.
struct KindPlan<T> {
    added: Vec<T>,
    /// Records held by both that will be replaced by their merged form.
    changed: Vec<T>,
}

impl<T> Default for KindPlan<T> {
    fn default() -> Self {
        KindPlan {
            added: Vec::new(),
            changed: Vec::new(),
        }
    }
}

/// Everything a merge will do, worked out before the graph is touched.
#[derive(Default)]
struct Plan {
    sources: KindPlan<Source>,
    claims: KindPlan<Claim>,
    attributions: KindPlan<Attribution>,
    source_relations: KindPlan<SourceRelation>,
    claim_relations: KindPlan<ClaimRelation>,
    verdicts: KindPlan<Verdict>,
    report: MergeReport,
    /// Same id, different kind of record: an error whatever the policy.
    clashes: Vec<MergeConflict>,
}

impl Plan {
    /// Plans one kind of record. `ours` finds this graph's record with the id, or the kind of
    /// the record that holds the id instead.
    fn plan<T: Mergeable>(
        &mut self,
        theirs: Vec<T>,
        policy: MergePolicy,
        ours: impl Fn(&str) -> Option<std::result::Result<T, RecordKind>>,
        slot: fn(&mut Plan) -> &mut KindPlan<T>,
    ) {
        for t in theirs {
            let id = t.record_id().to_owned();
            match ours(&id) {
                None => {
                    self.report.added.push(id);
                    slot(self).added.push(t);
                }
                Some(Err(found)) => self.clashes.push(MergeConflict {
                    kind: found,
                    id,
                    field: "kind",
                    ours: json(found.as_str()),
                    theirs: json(T::KIND.as_str()),
                    chosen: MergeChoice::Ours,
                }),
                Some(Ok(o)) => {
                    let mut r = Resolver::new(T::KIND, &id, policy);
                    let merged = o.resolve(&t, &mut r);
                    let (conflicts, extended) = (r.conflicts, r.extended);
                    let changed =
                        extended || conflicts.iter().any(|c| c.chosen == MergeChoice::Theirs);
                    if conflicts.is_empty() && !extended {
                        self.report.unchanged.push(id.clone());
                    }
                    if extended {
                        self.report.extended.push(id.clone());
                    }
                    self.report.conflicts.extend(conflicts);
                    if changed {
                        slot(self).changed.push(merged);
                    }
                }
            }
        }
    }
}

/// A step of a merge already applied, and how to take it back.
enum Undo {
    AddedSource(String),
    AddedClaim(String),
    AddedEdge(RecordKind, String),
    Source(Source),
    Claim(Claim),
    Attribution(Attribution),
    SourceRelation(SourceRelation),
    ClaimRelation(ClaimRelation),
    Verdict(Verdict),
}

impl ClaimGraph {
    /// Merges `other` into this graph: records with the same id are the same record.
    ///
    /// - A record of `other` whose id is free here is added (sources and claims first, then the
    ///   edges), and listed in [`MergeReport::added`].
    /// - A record held by both with equal fields is listed in [`MergeReport::unchanged`].
    /// - Aliases of a source, and subjects and tags of a claim, are united rather than compared:
    ///   the merged list is ours in order, followed by the other graph's entries not already in
    ///   it. A record that gained entries is listed in [`MergeReport::extended`]; this is never
    ///   a conflict.
    /// - Any other field that differs (compared as JSON) is a conflict, including an edge's
    ///   endpoints (`source`, `claim`, `via`, `from`, `to`, `reviewer`). With
    ///   [`MergePolicy::Fail`] the merge stops with [`Error::MergeConflict`] for the first
    ///   conflicting field, ordered by record kind, id and field name. With
    ///   [`MergePolicy::KeepOurs`] or [`MergePolicy::TakeTheirs`] every conflict is settled that
    ///   way and reported in [`MergeReport::conflicts`]: nothing is lost silently.
    /// - An id naming a different kind of record in each graph (a source here, a claim there; an
    ///   attribution here, a verdict there) is always an [`Error::MergeConflict`] on the field
    ///   `kind`, whatever the policy.
    ///
    /// A merge that fails changes nothing. Merging a graph into a copy of itself reports every
    /// record unchanged.
    ///
    /// ```
    /// use claimgraph::{ClaimGraph, MergePolicy, Source, SourceKind};
    /// let mut ours = ClaimGraph::new();
    /// ours.add_source(Source::new("rok", SourceKind::Government, "Republic of Korea").alias("ROK"))?;
    /// let mut theirs = ClaimGraph::new();
    /// theirs.add_source(Source::new("rok", SourceKind::Government, "Republic of Korea").alias("South Korea"))?;
    /// theirs.add_source(Source::new("russia", SourceKind::Government, "Russia"))?;
    ///
    /// let report = ours.merge(&theirs, MergePolicy::Fail)?;
    /// assert_eq!(report.added, ["russia"]);
    /// assert_eq!(report.extended, ["rok"]);
    /// assert_eq!(ours.get_source("rok")?.aliases, ["ROK", "South Korea"]);
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn merge(&mut self, other: &ClaimGraph, policy: MergePolicy) -> Result<MergeReport> {
        let plan = self.plan_merge(other, policy)?;
        let mut undo = Vec::new();
        let Plan {
            sources,
            claims,
            attributions,
            source_relations,
            claim_relations,
            verdicts,
            mut report,
            ..
        } = plan;
        match self.apply_merge(
            sources,
            claims,
            attributions,
            source_relations,
            claim_relations,
            verdicts,
            &mut undo,
        ) {
            Ok(()) => {
                report.added.sort_unstable();
                report.unchanged.sort_unstable();
                report.extended.sort_unstable();
                report
                    .conflicts
                    .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
                Ok(report)
            }
            Err(e) => {
                self.undo_merge(undo);
                Err(e)
            }
        }
    }

    fn plan_merge(&self, other: &ClaimGraph, policy: MergePolicy) -> Result<Plan> {
        let Records {
            sources,
            claims,
            attributions,
            source_relations,
            claim_relations,
            verdicts,
        } = other.records();
        let mut plan = Plan::default();
        let node = |id: &str| -> Option<&Node> {
            self.node_index(id)
                .and_then(|ix| self.graph.node_weight(ix))
        };
        plan.plan(
            sources,
            policy,
            |id| {
                node(id).map(|n| match n {
                    Node::Source(s) => Ok(s.clone()),
                    n => Err(n.kind()),
                })
            },
            |p| &mut p.sources,
        );
        plan.plan(
            claims,
            policy,
            |id| {
                node(id).map(|n| match n {
                    Node::Claim(c) => Ok(c.clone()),
                    n => Err(n.kind()),
                })
            },
            |p| &mut p.claims,
        );
        let edge = |id: &str| self.edge_index_by_id(id);
        let edge_kind = |ix| {
            self.graph
                .edge_weight(ix)
                .map_or(RecordKind::Edge, |e| e.kind())
        };
        plan.plan(
            attributions,
            policy,
            |id| edge(id).map(|ix| self.attribution_at(ix).ok_or(edge_kind(ix))),
            |p| &mut p.attributions,
        );
        plan.plan(
            source_relations,
            policy,
            |id| edge(id).map(|ix| self.source_relation_at(ix).ok_or(edge_kind(ix))),
            |p| &mut p.source_relations,
        );
        plan.plan(
            claim_relations,
            policy,
            |id| edge(id).map(|ix| self.claim_relation_at(ix).ok_or(edge_kind(ix))),
            |p| &mut p.claim_relations,
        );
        plan.plan(
            verdicts,
            policy,
            |id| edge(id).map(|ix| self.verdict_at(ix).ok_or(edge_kind(ix))),
            |p| &mut p.verdicts,
        );

        let fatal = plan.clashes.iter().chain(
            plan.report
                .conflicts
                .iter()
                .filter(|_| policy == MergePolicy::Fail),
        );
        if let Some(first) = fatal.min_by(|a, b| a.sort_key().cmp(&b.sort_key())) {
            return Err(first.clone().into_error());
        }
        Ok(plan)
    }

    /// Applies a plan, logging each step so that a failure can be taken back. The plan was
    /// checked against this graph, so a failure here would be a bug; it still must not leave the
    /// graph half merged.
    #[allow(clippy::too_many_arguments)]
    fn apply_merge(
        &mut self,
        sources: KindPlan<Source>,
        claims: KindPlan<Claim>,
        attributions: KindPlan<Attribution>,
        source_relations: KindPlan<SourceRelation>,
        claim_relations: KindPlan<ClaimRelation>,
        verdicts: KindPlan<Verdict>,
        undo: &mut Vec<Undo>,
    ) -> Result<()> {
        self.reserve(
            sources.added.len() + claims.added.len(),
            attributions.added.len()
                + source_relations.added.len()
                + claim_relations.added.len()
                + verdicts.added.len(),
        );
        for s in sources.added {
            let id = s.id.clone();
            self.add_source(s)?;
            undo.push(Undo::AddedSource(id));
        }
        for s in sources.changed {
            undo.push(Undo::Source(self.update_source(s)?));
        }
        for c in claims.added {
            let id = c.id.clone();
            self.add_claim(c)?;
            undo.push(Undo::AddedClaim(id));
        }
        for c in claims.changed {
            undo.push(Undo::Claim(self.update_claim(c)?));
        }
        for r in source_relations.added {
            let id = r.id.clone();
            self.add_source_relation(r)?;
            undo.push(Undo::AddedEdge(RecordKind::SourceRelation, id));
        }
        for r in source_relations.changed {
            undo.push(Undo::SourceRelation(self.update_source_relation(r)?));
        }
        for r in claim_relations.added {
            let id = r.id.clone();
            self.add_claim_relation(r)?;
            undo.push(Undo::AddedEdge(RecordKind::ClaimRelation, id));
        }
        for r in claim_relations.changed {
            undo.push(Undo::ClaimRelation(self.update_claim_relation(r)?));
        }
        for a in attributions.added {
            let id = a.id.clone();
            self.add_attribution(a)?;
            undo.push(Undo::AddedEdge(RecordKind::Attribution, id));
        }
        for a in attributions.changed {
            undo.push(Undo::Attribution(self.update_attribution(a)?));
        }
        for v in verdicts.added {
            let id = v.id.clone();
            self.add_verdict(v)?;
            undo.push(Undo::AddedEdge(RecordKind::Verdict, id));
        }
        for v in verdicts.changed {
            undo.push(Undo::Verdict(self.update_verdict(v)?));
        }
        Ok(())
    }

    /// Takes back applied steps, last first, so each sees the graph as it was when it was made.
    fn undo_merge(&mut self, undo: Vec<Undo>) {
        for step in undo.into_iter().rev() {
            // Each step restores a state the graph was in moments ago; there is nothing better
            // to do with an error here than to go on restoring the rest.
            let _ = match step {
                Undo::AddedSource(id) => self.remove_source(&id).map(drop),
                Undo::AddedClaim(id) => self.remove_claim(&id).map(drop),
                Undo::AddedEdge(RecordKind::Attribution, id) => {
                    self.remove_attribution(&id).map(drop)
                }
                Undo::AddedEdge(RecordKind::SourceRelation, id) => {
                    self.remove_source_relation(&id).map(drop)
                }
                Undo::AddedEdge(RecordKind::ClaimRelation, id) => {
                    self.remove_claim_relation(&id).map(drop)
                }
                Undo::AddedEdge(_, id) => self.remove_verdict(&id).map(drop),
                Undo::Source(s) => self.update_source(s).map(drop),
                Undo::Claim(c) => self.update_claim(c).map(drop),
                Undo::Attribution(a) => self.update_attribution(a).map(drop),
                Undo::SourceRelation(r) => self.update_source_relation(r).map(drop),
                Undo::ClaimRelation(r) => self.update_claim_relation(r).map(drop),
                Undo::Verdict(v) => self.update_verdict(v).map(drop),
            };
        }
    }
}
