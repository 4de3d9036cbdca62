//! Merging two graphs.

use serde::Serialize;

use crate::error::{Error, RecordKind, Result};
use petgraph::stable_graph::EdgeIndex;

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

crate::names::value_names!(MergePolicy, "policy", "a merge policy" {
    Fail => "fail",
    KeepOurs => "keep_ours",
    TakeTheirs => "take_theirs",
});

/// Which side a conflict was settled for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MergeChoice {
    /// This graph's value was kept.
    Ours,
    /// The other graph's value was taken.
    Theirs,
}

crate::names::value_names!(MergeChoice, "chosen", "a merge choice" {
    Ours => "ours",
    Theirs => "theirs",
});

/// A field on which the two graphs disagreed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
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

/// A record both graphs may hold, compared field by field. Each kind says only how it is found,
/// stored and compared; planning and applying a merge is the same for every kind.
trait Mergeable: Clone + 'static {
    const KIND: RecordKind;
    fn record_id(&self) -> &str;
    /// The merged record (starting from ours), noting conflicts and list growth in `r`.
    fn resolve(&self, theirs: &Self, r: &mut Resolver<'_>) -> Self;
    /// This graph's record with the id, or the kind of the record that holds the id instead.
    fn held_by(graph: &ClaimGraph, id: &str) -> Option<std::result::Result<Self, RecordKind>>;
    /// Where a plan keeps the records of this kind.
    fn planned(plan: &mut Plan) -> &mut KindPlan<Self>;
    fn add_to(self, graph: &mut ClaimGraph) -> Result<()>;
    /// Replaces the record with the same id, returning the old one.
    fn replace_in(self, graph: &mut ClaimGraph) -> Result<Self>;
    fn remove_from(graph: &mut ClaimGraph, id: &str) -> Result<()>;
}

/// The record a node lookup finds, or the kind of the node that holds the id instead.
fn node_held<T: Clone>(
    graph: &ClaimGraph,
    id: &str,
    pick: fn(&Node) -> Option<&T>,
) -> Option<std::result::Result<T, RecordKind>> {
    let node = graph
        .node_index(id)
        .and_then(|ix| graph.graph.node_weight(ix))?;
    Some(pick(node).cloned().ok_or_else(|| node.kind()))
}

/// The record an edge lookup finds, or the kind of the edge that holds the id instead.
fn edge_held<T>(
    graph: &ClaimGraph,
    id: &str,
    at: fn(&ClaimGraph, EdgeIndex) -> Option<T>,
) -> Option<std::result::Result<T, RecordKind>> {
    let ix = graph.edge_index_by_id(id)?;
    Some(at(graph, ix).ok_or_else(|| {
        graph
            .graph
            .edge_weight(ix)
            .map_or(RecordKind::Edge, |e| e.kind())
    }))
}

/// The parts of [`Mergeable`] that differ between kinds only in the graph method they name.
macro_rules! storage {
    (node $variant:path, $($rest:tt)*) => {
        fn held_by(graph: &ClaimGraph, id: &str) -> Option<std::result::Result<Self, RecordKind>> {
            node_held(graph, id, |n| match n {
                $variant(record) => Some(record),
                _ => None,
            })
        }
        storage!($($rest)*);
    };
    (edge $at:path, $($rest:tt)*) => {
        fn held_by(graph: &ClaimGraph, id: &str) -> Option<std::result::Result<Self, RecordKind>> {
            edge_held(graph, id, $at)
        }
        storage!($($rest)*);
    };
    ($field:ident, $add:ident, $update:ident, $remove:ident) => {
        fn planned(plan: &mut Plan) -> &mut KindPlan<Self> {
            &mut plan.$field
        }
        fn add_to(self, graph: &mut ClaimGraph) -> Result<()> {
            graph.$add(self)
        }
        fn replace_in(self, graph: &mut ClaimGraph) -> Result<Self> {
            graph.$update(self)
        }
        fn remove_from(graph: &mut ClaimGraph, id: &str) -> Result<()> {
            graph.$remove(id).map(drop)
        }
    };
}

impl Mergeable for Source {
    const KIND: RecordKind = RecordKind::Source;
    storage!(
        node Node::Source,
        sources,
        add_source,
        update_source,
        remove_source
    );
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
    storage!(
        node Node::Claim,
        claims,
        add_claim,
        update_claim,
        remove_claim
    );
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
    storage!(
        edge ClaimGraph::attribution_at,
        attributions,
        add_attribution,
        update_attribution,
        remove_attribution
    );
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
        r.union(&mut m.basis, &t.basis);
        r.union(&mut m.covers, &t.covers);
        m
    }
}

impl Mergeable for SourceRelation {
    const KIND: RecordKind = RecordKind::SourceRelation;
    storage!(
        edge ClaimGraph::source_relation_at,
        source_relations,
        add_source_relation,
        update_source_relation,
        remove_source_relation
    );
    fn record_id(&self) -> &str {
        &self.id
    }
    fn resolve(&self, t: &SourceRelation, r: &mut Resolver<'_>) -> SourceRelation {
        let mut m = self.clone();
        r.field("from", &self.from, &t.from, &mut m.from);
        r.field("kind", &self.kind, &t.kind, &mut m.kind);
        r.field("to", &self.to, &t.to, &mut m.to);
        r.field("date", &self.date, &t.date, &mut m.date);
        r.field("since", &self.since, &t.since, &mut m.since);
        r.field("until", &self.until, &t.until, &mut m.until);
        m
    }
}

impl Mergeable for ClaimRelation {
    const KIND: RecordKind = RecordKind::ClaimRelation;
    storage!(
        edge ClaimGraph::claim_relation_at,
        claim_relations,
        add_claim_relation,
        update_claim_relation,
        remove_claim_relation
    );
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
    storage!(
        edge ClaimGraph::verdict_at,
        verdicts,
        add_verdict,
        update_verdict,
        remove_verdict
    );
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
    /// Plans one kind of record against `graph`, the graph being merged into.
    fn plan<T: Mergeable>(&mut self, theirs: Vec<T>, graph: &ClaimGraph, policy: MergePolicy) {
        for t in theirs {
            let id = t.record_id().to_owned();
            match T::held_by(graph, &id) {
                None => {
                    self.report.added.push(id);
                    T::planned(self).added.push(t);
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
                        T::planned(self).changed.push(merged);
                    }
                }
            }
        }
    }
}

/// A step of a merge already applied, and how to take it back.
type Undo = Box<dyn FnOnce(&mut ClaimGraph)>;

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
    /// The other graph's PROV [namespaces](ClaimGraph::namespaces) and
    /// [derivation types](ClaimGraph::derivation_types) join this graph's where it has none of
    /// that prefix or relation (a prefix bound here keeps its binding: ids are merged by id).
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
        let Plan {
            sources,
            claims,
            attributions,
            source_relations,
            claim_relations,
            verdicts,
            mut report,
            ..
        } = self.plan_merge(other, policy)?;
        self.reserve(
            sources.added.len() + claims.added.len(),
            attributions.added.len()
                + source_relations.added.len()
                + claim_relations.added.len()
                + verdicts.added.len(),
        );
        let mut undo = Vec::new();
        // Nodes before the edges that join them.
        let applied = self
            .apply_kind(sources, &mut undo)
            .and_then(|()| self.apply_kind(claims, &mut undo))
            .and_then(|()| self.apply_kind(source_relations, &mut undo))
            .and_then(|()| self.apply_kind(claim_relations, &mut undo))
            .and_then(|()| self.apply_kind(attributions, &mut undo))
            .and_then(|()| self.apply_kind(verdicts, &mut undo));
        match applied {
            Ok(()) => {
                self.prov.absorb(&other.prov);
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
        plan.plan(sources, self, policy);
        plan.plan(claims, self, policy);
        plan.plan(attributions, self, policy);
        plan.plan(source_relations, self, policy);
        plan.plan(claim_relations, self, policy);
        plan.plan(verdicts, self, policy);

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

    /// Applies the plan for one kind of record, logging each step so that a failure can be
    /// taken back. The plan was checked against this graph, so a failure here would be a bug; it
    /// still must not leave the graph half merged.
    fn apply_kind<T: Mergeable>(&mut self, plan: KindPlan<T>, undo: &mut Vec<Undo>) -> Result<()> {
        for t in plan.added {
            let id = t.record_id().to_owned();
            t.add_to(self)?;
            undo.push(Box::new(move |g: &mut ClaimGraph| {
                // Restoring a state the graph was in moments ago; there is nothing better to
                // do with an error here than to go on restoring the rest.
                let _ = T::remove_from(g, &id);
            }));
        }
        for t in plan.changed {
            let old = t.replace_in(self)?;
            undo.push(Box::new(move |g: &mut ClaimGraph| {
                let _ = old.replace_in(g);
            }));
        }
        Ok(())
    }

    /// Takes back applied steps, last first, so each sees the graph as it was when it was made.
    fn undo_merge(&mut self, undo: Vec<Undo>) {
        for step in undo.into_iter().rev() {
            step(self);
        }
    }
}
