//! The claim graph: storage, and adding, updating, removing and reading records.

use std::collections::HashMap;

use crate::index::IdIndex;

use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::EdgeRef;
use petgraph::Direction;

use crate::error::{Error, RecordKind, Result};
use crate::model::{
    Attribution, Claim, ClaimRelation, ClaimRelationKind, Hop, Modality, Rating, Source,
    SourceRelation, SourceRelationKind, Stance, Verdict,
};
use crate::time::When;

/// A node as stored: the public record itself.
#[derive(Debug, Clone)]
pub(crate) enum Node {
    Source(Source),
    Claim(Claim),
}

impl Node {
    pub(crate) fn id(&self) -> &str {
        match self {
            Node::Source(s) => &s.id,
            Node::Claim(c) => &c.id,
        }
    }

    pub(crate) fn kind(&self) -> RecordKind {
        match self {
            Node::Source(_) => RecordKind::Source,
            Node::Claim(_) => RecordKind::Claim,
        }
    }
}

/// An attribution as stored: its endpoints are the edge's endpoints.
#[derive(Debug, Clone)]
pub(crate) struct AttributionData {
    pub(crate) id: String,
    pub(crate) stance: Stance,
    pub(crate) modality: Modality,
    pub(crate) said: Option<When>,
    pub(crate) quote: Option<String>,
    /// The last hop: the document or outlet the record read the statement in.
    pub(crate) via: Option<NodeIndex>,
    /// What a first-version attribution does not have (boxed, so the common case stays small).
    pub(crate) more: Option<Box<AttributionMore>>,
}

/// The second-version parts of an attribution.
#[derive(Debug, Clone, Default)]
pub(crate) struct AttributionMore {
    /// Every hop, from the speaker outward (the last is also `via`), with its date.
    pub(crate) hops: Vec<(NodeIndex, Option<When>)>,
    /// The sources the assertion rests on, for this claim alone.
    pub(crate) basis: Vec<NodeIndex>,
    /// On the record's own edge: the edges to the further claims it covers, in order.
    pub(crate) cover_edges: Vec<EdgeIndex>,
    /// On an edge to a further claim: the record's own edge.
    pub(crate) primary: Option<EdgeIndex>,
}

impl AttributionData {
    /// The hops from the speaker outward, with their dates.
    pub(crate) fn hops(&self) -> impl Iterator<Item = (NodeIndex, Option<When>)> + '_ {
        let lone = match &self.more {
            Some(_) => None,
            None => self.via.map(|v| (v, None)),
        };
        self.more
            .iter()
            .flat_map(|m| m.hops.iter().copied())
            .chain(lone)
    }

    /// The sources the assertion rests on for this claim (empty for most).
    pub(crate) fn basis(&self) -> &[NodeIndex] {
        self.more.as_deref().map_or(&[], |m| m.basis.as_slice())
    }

    /// Where an assertion by `speaker` is traced back from: its basis when it rests on one (a
    /// relay is not a new origin), else the speaker.
    pub(crate) fn traced_from<'a>(&'a self, speaker: &'a NodeIndex) -> &'a [NodeIndex] {
        match self.basis() {
            [] => std::slice::from_ref(speaker),
            basis => basis,
        }
    }

    /// True on an edge to a further claim of a statement (the record lives on another edge).
    pub(crate) fn is_cover(&self) -> bool {
        self.more.as_deref().is_some_and(|m| m.primary.is_some())
    }

    /// Every source the attribution refers to besides its speaker: hops and basis.
    fn referenced(&self) -> Vec<NodeIndex> {
        let mut out: Vec<NodeIndex> = self.hops().map(|(v, _)| v).collect();
        out.extend_from_slice(self.basis());
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Drops a source from the hops and the basis (when that source is removed).
    fn forget(&mut self, source: NodeIndex) {
        if let Some(m) = self.more.as_deref_mut() {
            m.hops.retain(|&(v, _)| v != source);
            m.basis.retain(|&b| b != source);
            self.via = m.hops.last().map(|&(v, _)| v);
        } else if self.via == Some(source) {
            self.via = None;
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct SourceRelationData {
    pub(crate) id: String,
    pub(crate) kind: SourceRelationKind,
    pub(crate) date: Option<When>,
    /// `since` and `until`, when the relation holds for a time only.
    pub(crate) span: Option<Box<(Option<When>, Option<When>)>>,
}

impl SourceRelationData {
    /// True for an affiliation that holds only for a time.
    pub(crate) fn is_timed_affiliation(&self) -> bool {
        self.kind == SourceRelationKind::AffiliatedWith && self.span.is_some()
    }
}

#[derive(Debug, Clone)]
pub(crate) struct ClaimRelationData {
    pub(crate) id: String,
    pub(crate) kind: ClaimRelationKind,
}

#[derive(Debug, Clone)]
pub(crate) struct VerdictData {
    pub(crate) id: String,
    pub(crate) label: String,
    pub(crate) rating: Option<Rating>,
    pub(crate) date: Option<When>,
    pub(crate) url: Option<String>,
    pub(crate) summary: Option<String>,
}

/// An attribution as a bulk reader hands it over (see [`ClaimGraph::add_attribution_parts`]):
/// the id and quote owned, to be kept as they are, and every id's hash
/// ([`crate::index::id_hash`]) computed by the reader.
pub(crate) struct AttributionParts<'a> {
    pub(crate) id: String,
    pub(crate) id_hash: u64,
    pub(crate) source: &'a str,
    pub(crate) source_hash: u64,
    pub(crate) claim: &'a str,
    pub(crate) claim_hash: u64,
    /// A node that may be the claim (the claim of the reader's previous attribution): used
    /// when its id is `claim`, which saves a lookup.
    pub(crate) claim_hint: Option<NodeIndex>,
    pub(crate) stance: Stance,
    pub(crate) modality: Modality,
    pub(crate) said: Option<When>,
    pub(crate) quote: Option<String>,
}

/// An edge as stored.
#[derive(Debug, Clone)]
pub(crate) enum Edge {
    Attribution(AttributionData),
    SourceRelation(SourceRelationData),
    ClaimRelation(ClaimRelationData),
    Verdict(Box<VerdictData>),
}

impl Edge {
    pub(crate) fn id(&self) -> &str {
        match self {
            Edge::Attribution(a) => &a.id,
            Edge::SourceRelation(r) => &r.id,
            Edge::ClaimRelation(r) => &r.id,
            Edge::Verdict(v) => &v.id,
        }
    }

    pub(crate) fn kind(&self) -> RecordKind {
        match self {
            Edge::Attribution(_) => RecordKind::Attribution,
            Edge::SourceRelation(_) => RecordKind::SourceRelation,
            Edge::ClaimRelation(_) => RecordKind::ClaimRelation,
            Edge::Verdict(_) => RecordKind::Verdict,
        }
    }
}

/// Every record of a graph as plain lists, each sorted by id.
///
/// This is the graph's content with nothing derived: what the native JSON format writes, what
/// equality compares, and what [`ClaimGraph::from_records`] builds from.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct Records {
    /// Sources, by id.
    pub sources: Vec<Source>,
    /// Claims, by id.
    pub claims: Vec<Claim>,
    /// Attributions, by id.
    pub attributions: Vec<Attribution>,
    /// Relations between sources, by id.
    pub source_relations: Vec<SourceRelation>,
    /// Relations between claims, by id.
    pub claim_relations: Vec<ClaimRelation>,
    /// Verdicts, by id.
    pub verdicts: Vec<Verdict>,
}

/// The records that use a source: what removing it takes with it, and what only loses it.
/// Every list holds ids, sorted.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct SourceUses {
    /// Its own statements (attributions from it): removed with it.
    pub attributions: Vec<String>,
    /// Relations from or to it: removed with it.
    pub source_relations: Vec<String>,
    /// Verdicts it gave: removed with it.
    pub verdicts: Vec<String>,
    /// Attributions reported through it (a hop of their chain): kept, without that hop.
    pub hops: Vec<String>,
    /// Assertions resting on it: kept, without it in their basis.
    pub basis: Vec<String>,
    /// Claims naming it as a subject: kept, without that subject.
    pub subject_of: Vec<String>,
}

impl SourceUses {
    /// True when nothing uses the source.
    pub fn is_empty(&self) -> bool {
        self.removed_with_it().is_empty()
            && self.hops.is_empty()
            && self.basis.is_empty()
            && self.subject_of.is_empty()
    }

    /// The ids of the records removed with the source: its attributions, relations and
    /// verdicts.
    pub fn removed_with_it(&self) -> Vec<&str> {
        self.attributions
            .iter()
            .chain(&self.source_relations)
            .chain(&self.verdicts)
            .map(String::as_str)
            .collect()
    }

    /// A sentence for a reader: "2 attributions (a, b); 1 claim as a subject (c)".
    pub fn describe(&self) -> String {
        let parts: Vec<String> = [
            (&self.attributions, "attribution", "its own"),
            (&self.source_relations, "relation", "from or to it"),
            (&self.verdicts, "verdict", "it gave"),
            (&self.hops, "attribution", "reported through it"),
            (&self.basis, "assertion", "resting on it"),
            (&self.subject_of, "claim", "naming it as a subject"),
        ]
        .iter()
        .filter(|(l, _, _)| !l.is_empty())
        .map(|(l, what, how)| {
            let plural = if l.len() == 1 { "" } else { "s" };
            format!("{} {what}{plural} {how} ({})", l.len(), l.join(", "))
        })
        .collect();
        if parts.is_empty() {
            "nothing".to_owned()
        } else {
            parts.join("; ")
        }
    }
}

/// How many records of each kind a graph holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Counts {
    /// Sources.
    pub sources: usize,
    /// Claims.
    pub claims: usize,
    /// Attributions.
    pub attributions: usize,
    /// Relations between sources.
    pub source_relations: usize,
    /// Relations between claims.
    pub claim_relations: usize,
    /// Verdicts.
    pub verdicts: usize,
}

/// Who said what, who denied it, and where each claim came from.
///
/// Sources and claims are nodes with caller-chosen ids in one namespace; attributions, relations
/// and verdicts are edges with ids in a second namespace. Every change is validated: an edge to an
/// unknown id, a duplicate id, a self-citation or an empty claim text is an [`Error`], and a
/// failed change leaves the graph as it was.
///
/// ```
/// use claimgraph::{ClaimGraph, Source, SourceKind, Claim, Attribution, Stance};
/// let mut g = ClaimGraph::new();
/// g.add_source(Source::new("russia", SourceKind::Government, "Russia"))?;
/// g.add_claim(Claim::new("ammo", "DPRK supplies ammunition to Russia").subject("russia"))?;
/// g.add_attribution(Attribution::new("russia", "ammo", Stance::Denies))?;
/// assert_eq!(g.counts().attributions, 1);
/// assert!(g.add_claim(Claim::new("ammo", "again")).is_err()); // duplicate id
/// # Ok::<(), claimgraph::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct ClaimGraph {
    pub(crate) graph: StableDiGraph<Node, Edge>,
    nodes: IdIndex<NodeIndex>,
    edges: IdIndex<EdgeIndex>,
    /// Attributions reported via each source, so removing that source can clear `via`.
    pub(crate) via_uses: HashMap<NodeIndex, Vec<EdgeIndex>>,
    /// Claims naming each source as a subject, so removing that source does not read every
    /// claim.
    subject_uses: HashMap<NodeIndex, Vec<NodeIndex>>,
    /// Each source's outgoing relations to other sources. Tracing origins follows only these, and
    /// a prolific source's thousands of attribution edges would otherwise be walked at every step.
    source_links: HashMap<NodeIndex, Vec<EdgeIndex>>,
    /// How many affiliated-with relations hold only for a time (have `since` or `until`): while
    /// there are none, affiliation tops do not depend on when a statement was made.
    timed_affiliations: usize,
    /// The namespaces and derivation kinds read from PROV-JSON, written back by its export.
    pub(crate) prov: crate::io::prov::ProvContext,
}

impl PartialEq for ClaimGraph {
    /// Two graphs are equal when they hold the same records, whatever order they were added in.
    fn eq(&self, other: &ClaimGraph) -> bool {
        self.counts() == other.counts() && self.records() == other.records()
    }
}

/// Two lists of attributions sorted by id, merged into one.
fn merge_by_id(a: Vec<Attribution>, b: Vec<Attribution>) -> Vec<Attribution> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let take_a = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => x.id <= y.id,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        out.extend(if take_a { a.next() } else { b.next() });
    }
    out
}

/// The fewest edges a graph has for [`ClaimGraph::records`] to list it on two threads.
const PARALLEL_RECORDS_FROM: usize = 50_000;

impl ClaimGraph {
    /// An empty graph.
    pub fn new() -> ClaimGraph {
        ClaimGraph::default()
    }

    /// A graph holding `records`, added sources first, then claims, then edges.
    pub fn from_records(records: Records) -> Result<ClaimGraph> {
        let mut g = ClaimGraph::new();
        g.add_records(records)?;
        Ok(g)
    }

    /// Adds every record, sources first, then claims, then edges. Stops at the first error,
    /// leaving what was added before it in place.
    pub fn add_records(&mut self, records: Records) -> Result<()> {
        let Records {
            sources,
            claims,
            attributions,
            source_relations,
            claim_relations,
            verdicts,
        } = records;
        self.reserve(sources.len() + claims.len(), attributions.len());
        for s in sources {
            self.add_source(s)?;
        }
        for c in claims {
            self.add_claim(c)?;
        }
        for r in source_relations {
            self.add_source_relation(r)?;
        }
        for r in claim_relations {
            self.add_claim_relation(r)?;
        }
        for a in attributions {
            self.add_attribution(a)?;
        }
        for v in verdicts {
            self.add_verdict(v)?;
        }
        Ok(())
    }

    /// Makes room for `nodes` more nodes and `edges` more edges.
    pub fn reserve(&mut self, nodes: usize, edges: usize) {
        self.graph.reserve_nodes(nodes);
        self.graph.reserve_edges(edges);
        let g = &self.graph;
        self.nodes
            .reserve(nodes, |ix| g.node_weight(ix).map_or("", Node::id));
        self.edges
            .reserve(edges, |ix| g.edge_weight(ix).map_or("", Edge::id));
    }

    // ----- reading -------------------------------------------------------------------------

    /// How many records of each kind the graph holds.
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for n in self.graph.node_weights() {
            match n {
                Node::Source(_) => c.sources += 1,
                Node::Claim(_) => c.claims += 1,
            }
        }
        for e in self.graph.edge_weights() {
            match e {
                Edge::Attribution(a) if a.is_cover() => {}
                Edge::Attribution(_) => c.attributions += 1,
                Edge::SourceRelation(_) => c.source_relations += 1,
                Edge::ClaimRelation(_) => c.claim_relations += 1,
                Edge::Verdict(_) => c.verdicts += 1,
            }
        }
        c
    }

    /// True when the graph holds no record at all.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty() && self.edges.is_empty()
    }

    /// The number of sources and claims (edges are not counted; see [`ClaimGraph::counts`]).
    pub fn node_count(&self) -> usize {
        let c = self.counts();
        c.sources + c.claims
    }

    /// Source ids, then claim ids, each in the order they were added: the order every binding
    /// iterates a graph in.
    ///
    /// ```
    /// use claimgraph::{Claim, ClaimGraph, Source, SourceKind};
    /// let mut g = ClaimGraph::new();
    /// g.add_claim(Claim::new("c", "A claim"))?;
    /// g.add_source(Source::new("s", SourceKind::Person, "Ana"))?;
    /// assert_eq!(g.node_ids().collect::<Vec<_>>(), ["s", "c"]);
    /// assert_eq!(g.node_count(), 2);
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn node_ids(&self) -> impl Iterator<Item = &str> + '_ {
        self.sources()
            .map(|s| s.id.as_str())
            .chain(self.claims().map(|c| c.id.as_str()))
    }

    /// The source or the claim with this id: `Ok(Ok(source))` or `Ok(Err(claim))`, or
    /// [`Error::NotFound`] of a [`RecordKind::Node`].
    pub fn get_node(&self, id: &str) -> Result<std::result::Result<&Source, &Claim>> {
        match (self.source(id), self.claim(id)) {
            (Some(s), _) => Ok(Ok(s)),
            (None, Some(c)) => Ok(Err(c)),
            (None, None) => Err(Error::not_found(RecordKind::Node, id)),
        }
    }

    /// True when `id` names a source or a claim.
    pub fn contains_node(&self, id: &str) -> bool {
        self.node_index(id).is_some()
    }

    /// True when `id` names an attribution, relation or verdict.
    pub fn contains_edge(&self, id: &str) -> bool {
        self.edge_index_by_id(id).is_some()
    }

    /// What kind of record `id` names, looking at nodes first and then edges.
    pub fn kind_of(&self, id: &str) -> Option<RecordKind> {
        if let Some(ix) = self.node_index(id) {
            return self.graph.node_weight(ix).map(Node::kind);
        }
        self.edge_index_by_id(id)
            .and_then(|ix| self.graph.edge_weight(ix))
            .map(Edge::kind)
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        match self
            .node_index(id)
            .and_then(|ix| self.graph.node_weight(ix))
        {
            Some(Node::Source(s)) => Some(s),
            _ => None,
        }
    }

    /// The claim with this id.
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        match self
            .node_index(id)
            .and_then(|ix| self.graph.node_weight(ix))
        {
            Some(Node::Claim(c)) => Some(c),
            _ => None,
        }
    }

    /// The source with this id, or [`Error::NotFound`].
    pub fn get_source(&self, id: &str) -> Result<&Source> {
        self.source(id)
            .ok_or_else(|| Error::not_found(RecordKind::Source, id))
    }

    /// The claim with this id, or [`Error::NotFound`].
    pub fn get_claim(&self, id: &str) -> Result<&Claim> {
        self.claim(id)
            .ok_or_else(|| Error::not_found(RecordKind::Claim, id))
    }

    /// The attribution with this id, or [`Error::NotFound`].
    pub fn get_attribution(&self, id: &str) -> Result<Attribution> {
        self.get_edge_record(id)
    }

    /// The relation between sources with this id, or [`Error::NotFound`].
    pub fn get_source_relation(&self, id: &str) -> Result<SourceRelation> {
        self.get_edge_record(id)
    }

    /// The relation between claims with this id, or [`Error::NotFound`].
    pub fn get_claim_relation(&self, id: &str) -> Result<ClaimRelation> {
        self.get_edge_record(id)
    }

    /// The verdict with this id, or [`Error::NotFound`].
    pub fn get_verdict(&self, id: &str) -> Result<Verdict> {
        self.get_edge_record(id)
    }

    /// The attribution with this id.
    pub fn attribution(&self, id: &str) -> Option<Attribution> {
        self.edge_record(id)
    }

    /// The relation between sources with this id.
    pub fn source_relation(&self, id: &str) -> Option<SourceRelation> {
        self.edge_record(id)
    }

    /// The relation between claims with this id.
    pub fn claim_relation(&self, id: &str) -> Option<ClaimRelation> {
        self.edge_record(id)
    }

    /// The verdict with this id.
    pub fn verdict(&self, id: &str) -> Option<Verdict> {
        self.edge_record(id)
    }

    /// Every source, in the order they were added.
    pub fn sources(&self) -> impl Iterator<Item = &Source> + '_ {
        self.graph.node_weights().filter_map(|n| match n {
            Node::Source(s) => Some(s),
            Node::Claim(_) => None,
        })
    }

    /// Every claim, in the order they were added.
    pub fn claims(&self) -> impl Iterator<Item = &Claim> + '_ {
        self.graph.node_weights().filter_map(|n| match n {
            Node::Claim(c) => Some(c),
            Node::Source(_) => None,
        })
    }

    /// Every attribution.
    pub fn attributions(&self) -> impl Iterator<Item = Attribution> + '_ {
        self.graph
            .edge_indices()
            .filter_map(move |ix| self.attribution_at(ix))
    }

    /// Every relation between sources.
    pub fn source_relations(&self) -> impl Iterator<Item = SourceRelation> + '_ {
        self.graph
            .edge_indices()
            .filter_map(move |ix| self.source_relation_at(ix))
    }

    /// Every relation between claims.
    pub fn claim_relations(&self) -> impl Iterator<Item = ClaimRelation> + '_ {
        self.graph
            .edge_indices()
            .filter_map(move |ix| self.claim_relation_at(ix))
    }

    /// Every verdict.
    pub fn verdicts(&self) -> impl Iterator<Item = Verdict> + '_ {
        self.graph
            .edge_indices()
            .filter_map(move |ix| self.verdict_at(ix))
    }

    /// The attributions of a claim, sorted by id.
    ///
    /// A statement covering several claims is listed for each of them.
    pub fn attributions_of(&self, claim: &str) -> Result<Vec<Attribution>> {
        let ix = self.claim_index(claim)?;
        Ok(self.sorted_edges(ix, Direction::Incoming, |g, e| g.attribution_on(e)))
    }

    /// The attributions a source makes, sorted by id (a statement covering several claims once).
    pub fn attributions_by(&self, source: &str) -> Result<Vec<Attribution>> {
        let ix = self.source_index(source)?;
        let mut out = self.sorted_edges(ix, Direction::Outgoing, |g, e| g.attribution_on(e));
        out.dedup_by(|a, b| a.id == b.id);
        Ok(out)
    }

    /// The verdicts on a claim, sorted by id.
    pub fn verdicts_of(&self, claim: &str) -> Result<Vec<Verdict>> {
        let ix = self.claim_index(claim)?;
        Ok(self.sorted_edges(ix, Direction::Incoming, |g, e| g.verdict_at(e)))
    }

    /// The relations from and to a source, sorted by id.
    pub fn relations_of_source(&self, source: &str) -> Result<Vec<SourceRelation>> {
        let ix = self.source_index(source)?;
        let mut out = self.sorted_edges(ix, Direction::Outgoing, |g, e| g.source_relation_at(e));
        out.extend(self.sorted_edges(ix, Direction::Incoming, |g, e| g.source_relation_at(e)));
        out.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(out)
    }

    /// The relations from and to a claim, sorted by id.
    pub fn relations_of_claim(&self, claim: &str) -> Result<Vec<ClaimRelation>> {
        let ix = self.claim_index(claim)?;
        let mut out = self.sorted_edges(ix, Direction::Outgoing, |g, e| g.claim_relation_at(e));
        out.extend(self.sorted_edges(ix, Direction::Incoming, |g, e| g.claim_relation_at(e)));
        out.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(out)
    }

    /// Every record, each list sorted by id.
    ///
    /// A graph of many edges is listed by two threads: each sorts part of the attributions
    /// (most of the records), one also lists the rest, and the two runs are merged.
    pub fn records(&self) -> Records {
        let sorted = |edges: &[EdgeIndex]| {
            let mut list: Vec<Attribution> = edges
                .iter()
                .filter_map(|&ix| self.attribution_at(ix))
                .collect();
            list.sort_unstable_by(|a, b| a.id.cmp(&b.id));
            list
        };
        let parallel = self.graph.edge_count() >= PARALLEL_RECORDS_FROM
            && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
        if !parallel {
            let edges: Vec<EdgeIndex> = self.graph.edge_indices().collect();
            let mut r = self.records_but_attributions();
            r.attributions = sorted(&edges);
            return r;
        }
        let edges: Vec<EdgeIndex> = self.graph.edge_indices().collect();
        // The thread that lists the other records too takes the smaller share.
        let (theirs, ours) = edges.split_at(edges.len() * 3 / 5);
        std::thread::scope(|scope| {
            let listing = scope.spawn(move || sorted(theirs));
            let mut r = self.records_but_attributions();
            let mine = sorted(ours);
            // Listing does not panic; were it to, this thread lists that share instead.
            let other = listing.join().unwrap_or_else(|_| sorted(theirs));
            r.attributions = merge_by_id(other, mine);
            r
        })
    }

    /// [`records`](ClaimGraph::records) with the list of attributions left empty.
    fn records_but_attributions(&self) -> Records {
        let mut r = Records {
            sources: self.sources().cloned().collect(),
            claims: self.claims().cloned().collect(),
            attributions: Vec::new(),
            source_relations: self.source_relations().collect(),
            claim_relations: self.claim_relations().collect(),
            verdicts: self.verdicts().collect(),
        };
        r.sources.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        r.claims.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        r.source_relations.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        r.claim_relations.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        r.verdicts.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        r
    }

    // ----- adding --------------------------------------------------------------------------

    /// Adds a source.
    ///
    /// Errors: [`Error::InvalidId`], [`Error::InvalidField`] (empty name or alias),
    /// [`Error::DuplicateId`].
    pub fn add_source(&mut self, source: Source) -> Result<()> {
        source.validate()?;
        self.check_free_node_id(&source.id)?;
        let ix = self.graph.add_node(Node::Source(source));
        self.index_node(ix);
        Ok(())
    }

    /// Adds a claim. Its subjects must be sources already in the graph.
    ///
    /// Errors: [`Error::InvalidId`], [`Error::InvalidField`] (empty text, bad period or quantity),
    /// [`Error::DuplicateId`], [`Error::NotFound`] / [`Error::WrongKind`] for a subject.
    pub fn add_claim(&mut self, claim: Claim) -> Result<()> {
        claim.validate()?;
        self.check_free_node_id(&claim.id)?;
        self.check_subjects(&claim)?;
        let ix = self.graph.add_node(Node::Claim(claim));
        self.index_node(ix);
        self.index_subjects(ix);
        Ok(())
    }

    /// Adds an attribution from a source to a claim, optionally reported via a source.
    ///
    /// Errors: [`Error::InvalidId`], [`Error::DuplicateId`], [`Error::NotFound`] for the source,
    /// claim or via, [`Error::WrongKind`] when one of them names the other kind of node.
    pub fn add_attribution(&mut self, a: Attribution) -> Result<()> {
        let (src, claim, data, covers) = self.prepare_attribution(a)?;
        self.insert_attribution(src, claim, data, covers);
        Ok(())
    }

    /// Adds a relation between two sources. A source cannot cite itself.
    pub fn add_source_relation(&mut self, r: SourceRelation) -> Result<()> {
        let (from, to, data) = self.prepare_source_relation(r)?;
        if data.is_timed_affiliation() {
            self.timed_affiliations += 1;
        }
        let ix = self.graph.add_edge(from, to, Edge::SourceRelation(data));
        self.source_links.entry(from).or_default().push(ix);
        self.index_edge(ix);
        Ok(())
    }

    /// Adds a relation between two claims.
    pub fn add_claim_relation(&mut self, r: ClaimRelation) -> Result<()> {
        let (from, to, data) = self.prepare_claim_relation(r)?;
        let ix = self.graph.add_edge(from, to, Edge::ClaimRelation(data));
        self.index_edge(ix);
        Ok(())
    }

    /// Adds a verdict by a reviewer (a source) on a claim.
    pub fn add_verdict(&mut self, v: Verdict) -> Result<()> {
        let (from, to, data) = self.prepare_verdict(v)?;
        let ix = self.graph.add_edge(from, to, Edge::Verdict(Box::new(data)));
        self.index_edge(ix);
        Ok(())
    }

    // ----- updating ------------------------------------------------------------------------

    /// Replaces the source with the same id; its edges stay. Returns the old record.
    pub fn update_source(&mut self, source: Source) -> Result<Source> {
        source.validate()?;
        let ix = self.source_index(&source.id)?;
        match self.graph.node_weight_mut(ix) {
            Some(Node::Source(slot)) => Ok(std::mem::replace(slot, source)),
            _ => Err(Error::not_found(RecordKind::Source, &source.id)),
        }
    }

    /// Replaces the claim with the same id; its edges stay. Returns the old record.
    pub fn update_claim(&mut self, claim: Claim) -> Result<Claim> {
        claim.validate()?;
        let ix = self.claim_index(&claim.id)?;
        self.check_subjects(&claim)?;
        self.unindex_subjects(ix);
        let old = match self.graph.node_weight_mut(ix) {
            Some(Node::Claim(slot)) => Ok(std::mem::replace(slot, claim)),
            _ => Err(Error::not_found(RecordKind::Claim, &claim.id)),
        };
        self.index_subjects(ix);
        old
    }

    /// Replaces the attribution with the same id (its source and claim may change too).
    /// Returns the old record.
    pub fn update_attribution(&mut self, a: Attribution) -> Result<Attribution> {
        self.replace_edge_record(a)
    }

    /// Replaces the relation between sources with the same id. Returns the old record.
    pub fn update_source_relation(&mut self, r: SourceRelation) -> Result<SourceRelation> {
        self.replace_edge_record(r)
    }

    /// Replaces the relation between claims with the same id. Returns the old record.
    pub fn update_claim_relation(&mut self, r: ClaimRelation) -> Result<ClaimRelation> {
        self.replace_edge_record(r)
    }

    /// Replaces the verdict with the same id. Returns the old record.
    pub fn update_verdict(&mut self, v: Verdict) -> Result<Verdict> {
        self.replace_edge_record(v)
    }

    // ----- removing ------------------------------------------------------------------------

    /// Removes a source with every edge from or to it. Attributions reported via it lose that
    /// hop, assertions resting on it lose it from their basis, and claims about it lose it as a
    /// subject. Returns the removed record.
    pub fn remove_source(&mut self, id: &str) -> Result<Source> {
        let ix = self.source_index(id)?;
        if let Some(uses) = self.via_uses.remove(&ix) {
            for e in uses {
                if let Some(Edge::Attribution(a)) = self.graph.edge_weight_mut(e) {
                    a.forget(ix);
                }
            }
        }
        for claim in self.subject_uses.remove(&ix).unwrap_or_default() {
            if let Some(Node::Claim(c)) = self.graph.node_weight_mut(claim) {
                c.subjects.retain(|s| s != id);
            }
        }
        match self.remove_node_at(ix) {
            Some(Node::Source(s)) => Ok(s),
            _ => Err(Error::not_found(RecordKind::Source, id)),
        }
    }

    /// What removing the source `id` would take with it (its own statements, relations and
    /// verdicts) and what would only lose it (attributions that name it as a hop or a basis,
    /// claims that name it as a subject). Each list sorted by id.
    ///
    /// ```
    /// use claimgraph::*;
    /// let mut g = ClaimGraph::new();
    /// g.add_source(Source::new("abc", SourceKind::Outlet, "ABC"))?;
    /// g.add_source(Source::new("church", SourceKind::Organization, "The Church"))?;
    /// g.add_claim(Claim::new("c", "She was told to disconnect"))?;
    /// g.add_attribution(Attribution::new("church", "c", Stance::Denies).via("abc"))?;
    /// let uses = g.source_uses("abc")?;
    /// assert_eq!(uses.hops, ["church:denies:c"]);
    /// assert!(uses.removed_with_it().is_empty());
    /// assert!(g.remove_source_if_unused("abc").is_err()); // still a hop
    /// let (_, took) = g.remove_source_reporting("church")?;
    /// assert_eq!(took.attributions, ["church:denies:c"]);
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn source_uses(&self, id: &str) -> Result<SourceUses> {
        let ix = self.source_index(id)?;
        let mut u = SourceUses::default();
        for e in self
            .graph
            .edges_directed(ix, Direction::Outgoing)
            .chain(self.graph.edges_directed(ix, Direction::Incoming))
        {
            match e.weight() {
                Edge::Attribution(a) if !a.is_cover() => u.attributions.push(a.id.clone()),
                Edge::SourceRelation(r) => u.source_relations.push(r.id.clone()),
                Edge::Verdict(v) => u.verdicts.push(v.id.clone()),
                _ => {}
            }
        }
        for &e in self
            .via_uses
            .get(&ix)
            .map(Vec::as_slice)
            .unwrap_or_default()
        {
            if let Some(Edge::Attribution(a)) = self.graph.edge_weight(e) {
                if a.is_cover() {
                    continue;
                }
                if a.hops().any(|(v, _)| v == ix) {
                    u.hops.push(a.id.clone());
                }
                if a.basis().contains(&ix) {
                    u.basis.push(a.id.clone());
                }
            }
        }
        for &c in self
            .subject_uses
            .get(&ix)
            .map(Vec::as_slice)
            .unwrap_or_default()
        {
            u.subject_of.push(self.node_id(c).to_owned());
        }
        for list in [
            &mut u.attributions,
            &mut u.source_relations,
            &mut u.verdicts,
            &mut u.hops,
            &mut u.basis,
            &mut u.subject_of,
        ] {
            list.sort_unstable();
            list.dedup();
        }
        Ok(u)
    }

    /// Removes a source as [`remove_source`](ClaimGraph::remove_source) does, and says what
    /// went with it and what lost it (see [`source_uses`](ClaimGraph::source_uses)).
    pub fn remove_source_reporting(&mut self, id: &str) -> Result<(Source, SourceUses)> {
        let uses = self.source_uses(id)?;
        Ok((self.remove_source(id)?, uses))
    }

    /// Removes a source only when nothing uses it: no statement, relation or verdict of its
    /// own, and no attribution or claim naming it. Otherwise nothing changes and the error
    /// (an invalid field `id`) says what uses it.
    pub fn remove_source_if_unused(&mut self, id: &str) -> Result<Source> {
        let uses = self.source_uses(id)?;
        if !uses.is_empty() {
            return Err(Error::invalid_field(
                id,
                "id",
                format!("the source is still in use: {}", uses.describe()),
            ));
        }
        self.remove_source(id)
    }

    /// Removes a claim with every edge from or to it. Returns the removed record.
    pub fn remove_claim(&mut self, id: &str) -> Result<Claim> {
        let ix = self.claim_index(id)?;
        self.unindex_subjects(ix);
        match self.remove_node_at(ix) {
            Some(Node::Claim(c)) => Ok(c),
            _ => Err(Error::not_found(RecordKind::Claim, id)),
        }
    }

    /// Removes an attribution. Returns the removed record.
    pub fn remove_attribution(&mut self, id: &str) -> Result<Attribution> {
        self.remove_edge_record(id)
    }

    /// Removes a relation between sources. Returns the removed record.
    pub fn remove_source_relation(&mut self, id: &str) -> Result<SourceRelation> {
        self.remove_edge_record(id)
    }

    /// Removes a relation between claims. Returns the removed record.
    pub fn remove_claim_relation(&mut self, id: &str) -> Result<ClaimRelation> {
        self.remove_edge_record(id)
    }

    /// Removes a verdict. Returns the removed record.
    pub fn remove_verdict(&mut self, id: &str) -> Result<Verdict> {
        self.remove_edge_record(id)
    }

    // ----- internals shared with the queries -----------------------------------------------

    pub(crate) fn node_index(&self, id: &str) -> Option<NodeIndex> {
        let g = &self.graph;
        self.nodes
            .get(id, |ix| g.node_weight(ix).map_or("", Node::id))
    }

    pub(crate) fn edge_index_by_id(&self, id: &str) -> Option<EdgeIndex> {
        let g = &self.graph;
        self.edges
            .get(id, |ix| g.edge_weight(ix).map_or("", Edge::id))
    }

    fn index_node(&mut self, ix: NodeIndex) {
        let g = &self.graph;
        let id = g.node_weight(ix).map_or("", Node::id);
        // The id was checked to be free just before the node was added.
        let _ = self
            .nodes
            .insert(id, ix, |i| g.node_weight(i).map_or("", Node::id));
    }

    fn index_edge(&mut self, ix: EdgeIndex) {
        let g = &self.graph;
        let id = g.edge_weight(ix).map_or("", Edge::id);
        let _ = self
            .edges
            .insert(id, ix, |i| g.edge_weight(i).map_or("", Edge::id));
    }

    pub(crate) fn source_index(&self, id: &str) -> Result<NodeIndex> {
        match self.node_index(id) {
            Some(ix) if matches!(self.graph.node_weight(ix), Some(Node::Source(_))) => Ok(ix),
            _ => Err(Error::not_found(RecordKind::Source, id)),
        }
    }

    pub(crate) fn claim_index(&self, id: &str) -> Result<NodeIndex> {
        match self.node_index(id) {
            Some(ix) if matches!(self.graph.node_weight(ix), Some(Node::Claim(_))) => Ok(ix),
            _ => Err(Error::not_found(RecordKind::Claim, id)),
        }
    }

    /// True when some affiliation holds only for a time, so that who answers to whom depends on
    /// when a statement was made.
    pub(crate) fn has_timed_affiliations(&self) -> bool {
        self.timed_affiliations > 0
    }

    pub(crate) fn node_id(&self, ix: NodeIndex) -> &str {
        self.graph.node_weight(ix).map_or("", Node::id)
    }

    /// The node indices of a claim's subjects (empty for a source or a missing node).
    pub(crate) fn subject_indices(&self, claim: NodeIndex) -> Vec<NodeIndex> {
        let mut out = Vec::new();
        self.extend_subject_indices(claim, &mut out);
        out
    }

    /// Records the claim under each of its subjects in `subject_uses`.
    fn index_subjects(&mut self, claim: NodeIndex) {
        let mut subjects = self.subject_indices(claim);
        subjects.sort_unstable();
        subjects.dedup();
        for s in subjects {
            self.subject_uses.entry(s).or_default().push(claim);
        }
    }

    /// Forgets the claim under each of its subjects in `subject_uses`.
    fn unindex_subjects(&mut self, claim: NodeIndex) {
        for s in self.subject_indices(claim) {
            if let Some(uses) = self.subject_uses.get_mut(&s) {
                uses.retain(|&c| c != claim);
                if uses.is_empty() {
                    self.subject_uses.remove(&s);
                }
            }
        }
    }

    /// True when the claim at `ix` has subjects.
    pub(crate) fn has_subjects(&self, claim: NodeIndex) -> bool {
        self.claim_at(claim).is_some_and(|c| !c.subjects.is_empty())
    }

    /// Appends the node indices of a claim's subjects to `out`.
    pub(crate) fn extend_subject_indices(&self, claim: NodeIndex, out: &mut Vec<NodeIndex>) {
        if let Some(c) = self.claim_at(claim) {
            out.extend(c.subjects.iter().filter_map(|s| self.node_index(s)));
        }
    }

    pub(crate) fn source_at(&self, ix: NodeIndex) -> Option<&Source> {
        match self.graph.node_weight(ix) {
            Some(Node::Source(s)) => Some(s),
            _ => None,
        }
    }

    pub(crate) fn claim_at(&self, ix: NodeIndex) -> Option<&Claim> {
        match self.graph.node_weight(ix) {
            Some(Node::Claim(c)) => Some(c),
            _ => None,
        }
    }

    /// The attribution whose record lives on edge `ix` (`None` for an edge to a further claim
    /// of a statement, and for other edges).
    pub(crate) fn attribution_at(&self, ix: EdgeIndex) -> Option<Attribution> {
        let (s, c) = self.graph.edge_endpoints(ix)?;
        match self.graph.edge_weight(ix)? {
            Edge::Attribution(a) if !a.is_cover() => Some(Attribution {
                id: a.id.clone(),
                source: self.node_id(s).to_owned(),
                claim: self.node_id(c).to_owned(),
                stance: a.stance,
                modality: a.modality,
                said: a.said,
                quote: a.quote.clone(),
                via: a
                    .hops()
                    .map(|(v, date)| Hop {
                        source: self.node_id(v).to_owned(),
                        date,
                    })
                    .collect(),
                basis: a
                    .basis()
                    .iter()
                    .map(|&b| self.node_id(b).to_owned())
                    .collect(),
                covers: a
                    .more
                    .iter()
                    .flat_map(|m| m.cover_edges.iter())
                    .filter_map(|&e| self.graph.edge_endpoints(e))
                    .map(|(_, c)| self.node_id(c).to_owned())
                    .collect(),
            }),
            _ => None,
        }
    }

    /// The attribution that edge `ix` belongs to: its own record, or for an edge to a further
    /// claim of a statement, the statement's record.
    pub(crate) fn attribution_on(&self, ix: EdgeIndex) -> Option<Attribution> {
        self.attribution_at(self.statement_edge(ix)?)
    }

    /// The edge holding the attribution record an attribution edge belongs to: the edge itself,
    /// or for an edge to a further claim a statement covers, the record's own edge. `None` for
    /// an edge that is not an attribution.
    pub(crate) fn statement_edge(&self, ix: EdgeIndex) -> Option<EdgeIndex> {
        match self.graph.edge_weight(ix)? {
            Edge::Attribution(a) => Some(a.more.as_deref().and_then(|m| m.primary).unwrap_or(ix)),
            _ => None,
        }
    }

    pub(crate) fn source_relation_at(&self, ix: EdgeIndex) -> Option<SourceRelation> {
        let (f, t) = self.graph.edge_endpoints(ix)?;
        match self.graph.edge_weight(ix)? {
            Edge::SourceRelation(r) => Some(SourceRelation {
                id: r.id.clone(),
                from: self.node_id(f).to_owned(),
                kind: r.kind,
                to: self.node_id(t).to_owned(),
                date: r.date,
                since: r.span.as_ref().and_then(|s| s.0),
                until: r.span.as_ref().and_then(|s| s.1),
            }),
            _ => None,
        }
    }

    pub(crate) fn claim_relation_at(&self, ix: EdgeIndex) -> Option<ClaimRelation> {
        let (f, t) = self.graph.edge_endpoints(ix)?;
        match self.graph.edge_weight(ix)? {
            Edge::ClaimRelation(r) => Some(ClaimRelation {
                id: r.id.clone(),
                from: self.node_id(f).to_owned(),
                kind: r.kind,
                to: self.node_id(t).to_owned(),
            }),
            _ => None,
        }
    }

    pub(crate) fn verdict_at(&self, ix: EdgeIndex) -> Option<Verdict> {
        let (f, t) = self.graph.edge_endpoints(ix)?;
        match self.graph.edge_weight(ix)? {
            Edge::Verdict(v) => Some(Verdict {
                id: v.id.clone(),
                reviewer: self.node_id(f).to_owned(),
                claim: self.node_id(t).to_owned(),
                label: v.label.clone(),
                rating: v.rating,
                date: v.date,
                url: v.url.clone(),
                summary: v.summary.clone(),
            }),
            _ => None,
        }
    }

    /// The relations leaving source `ix`, each with the source it goes to.
    pub(crate) fn source_links_from(
        &self,
        ix: NodeIndex,
    ) -> impl Iterator<Item = (&SourceRelationData, NodeIndex)> + '_ {
        self.source_links
            .get(&ix)
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .filter_map(move |&e| match self.graph.edge_weight(e) {
                Some(Edge::SourceRelation(r)) => {
                    self.graph.edge_endpoints(e).map(|(_, to)| (r, to))
                }
                _ => None,
            })
    }

    /// The source-to-source edges of `kind` leaving `ix`.
    pub(crate) fn source_targets(
        &self,
        ix: NodeIndex,
        keep: impl Fn(SourceRelationKind) -> bool + 'static,
    ) -> impl Iterator<Item = NodeIndex> + '_ {
        self.source_links
            .get(&ix)
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .filter_map(move |&e| match self.graph.edge_weight(e) {
                Some(Edge::SourceRelation(r)) if keep(r.kind) => {
                    self.graph.edge_endpoints(e).map(|(_, to)| to)
                }
                _ => None,
            })
    }

    fn sorted_edges<T: HasId>(
        &self,
        ix: NodeIndex,
        dir: Direction,
        f: impl Fn(&ClaimGraph, EdgeIndex) -> Option<T>,
    ) -> Vec<T> {
        let mut out: Vec<T> = self
            .graph
            .edges_directed(ix, dir)
            .filter_map(|e| f(self, e.id()))
            .collect();
        out.sort_by(|a, b| a.record_id().cmp(b.record_id()));
        out
    }

    fn check_free_node_id(&self, id: &str) -> Result<()> {
        match self.node_index(id) {
            Some(ix) => Err(Error::DuplicateId {
                id: id.to_owned(),
                existing: self
                    .graph
                    .node_weight(ix)
                    .map_or(RecordKind::Node, Node::kind),
            }),
            None => Ok(()),
        }
    }

    fn check_free_edge_id(&self, id: &str) -> Result<()> {
        match self.edge_index_by_id(id) {
            Some(ix) => Err(Error::DuplicateId {
                id: id.to_owned(),
                existing: self
                    .graph
                    .edge_weight(ix)
                    .map_or(RecordKind::Edge, Edge::kind),
            }),
            None => Ok(()),
        }
    }

    fn check_subjects(&self, claim: &Claim) -> Result<()> {
        for s in &claim.subjects {
            self.endpoint(
                RecordKind::Claim,
                &claim.id,
                "subjects",
                s,
                RecordKind::Source,
            )?;
        }
        Ok(())
    }

    /// Resolves an id a record refers to, checking it names the expected kind of node.
    fn endpoint(
        &self,
        record: RecordKind,
        id: &str,
        field: &'static str,
        target: &str,
        expected: RecordKind,
    ) -> Result<NodeIndex> {
        self.endpoint_at(record, id, field, target, expected, self.node_index(target))
    }

    /// [`ClaimGraph::endpoint`] for a target already looked up (`found`).
    fn endpoint_at(
        &self,
        record: RecordKind,
        id: &str,
        field: &'static str,
        target: &str,
        expected: RecordKind,
        found: Option<NodeIndex>,
    ) -> Result<NodeIndex> {
        let ix = found.ok_or_else(|| Error::not_found(expected, target))?;
        let found = self
            .graph
            .node_weight(ix)
            .map_or(RecordKind::Node, Node::kind);
        if found != expected {
            return Err(Error::WrongKind {
                record,
                id: id.to_owned(),
                field,
                target: target.to_owned(),
                expected,
                found,
            });
        }
        Ok(ix)
    }

    fn edge_index(&self, id: &str, kind: RecordKind) -> Result<EdgeIndex> {
        match self.edge_index_by_id(id) {
            Some(ix) if self.graph.edge_weight(ix).map(Edge::kind) == Some(kind) => Ok(ix),
            _ => Err(Error::not_found(kind, id)),
        }
    }

    /// Adds an attribution given by borrowed parts: what bulk readers use, so that the source
    /// and claim ids, which the graph stores as indices, are never copied into strings.
    /// Adds an attribution whose id and quote the reader has checked (as
    /// [`Attribution::validate`] would); returns the claim's node, for the next attribution's
    /// `claim_hint`, or the graph's refusal with the attribution's id.
    pub(crate) fn add_attribution_parts(
        &mut self,
        a: AttributionParts<'_>,
    ) -> std::result::Result<NodeIndex, Box<(Error, String)>> {
        let ends = self.attribution_parts_ends(&a);
        let (s, c) = match ends {
            Ok(ends) => ends,
            Err(e) => return Err(Box::new((e, a.id))),
        };
        let data = AttributionData {
            id: a.id,
            stance: a.stance,
            modality: a.modality,
            said: a.said,
            quote: a.quote,
            via: None,
            more: None,
        };
        let ix = self.graph.add_edge(s, c, Edge::Attribution(data));
        let g = &self.graph;
        let id = g.edge_weight(ix).map_or("", Edge::id);
        let _ = self
            .edges
            .insert_hashed(a.id_hash, id, ix, |i| g.edge_weight(i).map_or("", Edge::id));
        Ok(c)
    }

    /// The source and claim nodes of an attribution read in bulk, once its id is known free.
    fn attribution_parts_ends(&self, a: &AttributionParts<'_>) -> Result<(NodeIndex, NodeIndex)> {
        let g = &self.graph;
        if let Some(ix) = self.edges.get_hashed(a.id_hash, &a.id, |ix| {
            g.edge_weight(ix).map_or("", Edge::id)
        }) {
            return Err(Error::DuplicateId {
                id: a.id.clone(),
                existing: g.edge_weight(ix).map_or(RecordKind::Edge, Edge::kind),
            });
        }
        let rk = RecordKind::Attribution;
        let node_of = |hash, id| {
            self.nodes
                .get_hashed(hash, id, |ix| g.node_weight(ix).map_or("", Node::id))
        };
        let found = node_of(a.source_hash, a.source);
        let s = self.endpoint_at(rk, &a.id, "source", a.source, RecordKind::Source, found)?;
        let found = match a.claim_hint {
            Some(ix) if self.node_id(ix) == a.claim => Some(ix),
            _ => node_of(a.claim_hash, a.claim),
        };
        let c = self.endpoint_at(rk, &a.id, "claim", a.claim, RecordKind::Claim, found)?;
        Ok((s, c))
    }

    fn prepare_attribution(
        &self,
        a: Attribution,
    ) -> Result<(NodeIndex, NodeIndex, AttributionData, Vec<NodeIndex>)> {
        a.validate()?;
        self.check_free_edge_id(&a.id)?;
        let rk = RecordKind::Attribution;
        let s = self.endpoint(rk, &a.id, "source", &a.source, RecordKind::Source)?;
        let c = self.endpoint(rk, &a.id, "claim", &a.claim, RecordKind::Claim)?;
        let mut hops = Vec::with_capacity(a.via.len());
        for h in &a.via {
            let v = self.endpoint(rk, &a.id, "via", &h.source, RecordKind::Source)?;
            hops.push((v, h.date));
        }
        let mut basis = Vec::with_capacity(a.basis.len());
        for b in &a.basis {
            basis.push(self.endpoint(rk, &a.id, "basis", b, RecordKind::Source)?);
        }
        let mut covers = Vec::with_capacity(a.covers.len());
        for k in &a.covers {
            covers.push(self.endpoint(rk, &a.id, "covers", k, RecordKind::Claim)?);
        }
        let via = hops.last().map(|&(v, _)| v);
        let plain = hops.len() <= 1 && hops.iter().all(|h| h.1.is_none()) && basis.is_empty();
        let more = (!plain || !covers.is_empty()).then(|| {
            Box::new(AttributionMore {
                hops,
                basis,
                cover_edges: Vec::new(),
                primary: None,
            })
        });
        Ok((
            s,
            c,
            AttributionData {
                id: a.id,
                stance: a.stance,
                modality: a.modality,
                said: a.said,
                quote: a.quote,
                via,
                more,
            },
            covers,
        ))
    }

    /// Adds an attribution's edge, and one edge to each further claim it covers.
    fn insert_attribution(
        &mut self,
        s: NodeIndex,
        c: NodeIndex,
        data: AttributionData,
        covers: Vec<NodeIndex>,
    ) {
        let referenced = data.referenced();
        let template = (!covers.is_empty()).then(|| data.clone());
        let ix = self.graph.add_edge(s, c, Edge::Attribution(data));
        if template.is_none() && referenced.is_empty() {
            // Most attributions: one edge, no hops, nothing further to record.
            self.index_edge(ix);
            return;
        }
        let mut edges = vec![ix];
        if let Some(template) = template {
            let mut cover_edges = Vec::with_capacity(covers.len());
            for k in covers {
                let mut d = template.clone();
                if let Some(m) = d.more.as_deref_mut() {
                    m.primary = Some(ix);
                }
                cover_edges.push(self.graph.add_edge(s, k, Edge::Attribution(d)));
            }
            edges.extend_from_slice(&cover_edges);
            if let Some(Edge::Attribution(a)) = self.graph.edge_weight_mut(ix) {
                if let Some(m) = a.more.as_deref_mut() {
                    m.cover_edges = cover_edges;
                }
            }
        }
        for v in referenced {
            self.via_uses
                .entry(v)
                .or_default()
                .extend_from_slice(&edges);
        }
        self.index_edge(ix);
    }

    fn prepare_source_relation(
        &self,
        r: SourceRelation,
    ) -> Result<(NodeIndex, NodeIndex, SourceRelationData)> {
        r.validate()?;
        self.check_free_edge_id(&r.id)?;
        let rk = RecordKind::SourceRelation;
        let f = self.endpoint(rk, &r.id, "from", &r.from, RecordKind::Source)?;
        let t = self.endpoint(rk, &r.id, "to", &r.to, RecordKind::Source)?;
        Ok((
            f,
            t,
            SourceRelationData {
                id: r.id,
                kind: r.kind,
                date: r.date,
                span: (r.since.is_some() || r.until.is_some())
                    .then(|| Box::new((r.since, r.until))),
            },
        ))
    }

    fn prepare_claim_relation(
        &self,
        r: ClaimRelation,
    ) -> Result<(NodeIndex, NodeIndex, ClaimRelationData)> {
        r.validate()?;
        self.check_free_edge_id(&r.id)?;
        let rk = RecordKind::ClaimRelation;
        let f = self.endpoint(rk, &r.id, "from", &r.from, RecordKind::Claim)?;
        let t = self.endpoint(rk, &r.id, "to", &r.to, RecordKind::Claim)?;
        Ok((
            f,
            t,
            ClaimRelationData {
                id: r.id,
                kind: r.kind,
            },
        ))
    }

    fn prepare_verdict(&self, v: Verdict) -> Result<(NodeIndex, NodeIndex, VerdictData)> {
        v.validate()?;
        self.check_free_edge_id(&v.id)?;
        let rk = RecordKind::Verdict;
        let f = self.endpoint(rk, &v.id, "reviewer", &v.reviewer, RecordKind::Source)?;
        let t = self.endpoint(rk, &v.id, "claim", &v.claim, RecordKind::Claim)?;
        Ok((
            f,
            t,
            VerdictData {
                id: v.id,
                label: v.label,
                rating: v.rating,
                date: v.date,
                url: v.url,
                summary: v.summary,
            },
        ))
    }

    /// Removes an edge and forgets its id (and its `via` uses). Removing a statement's own edge
    /// removes its edges to the further claims it covers; removing one of those edges takes
    /// that claim off the statement.
    fn release_edge(&mut self, ix: EdgeIndex) {
        let from = self.graph.edge_endpoints(ix).map(|(f, _)| f);
        let (covers, primary) = match self.graph.edge_weight(ix) {
            Some(Edge::Attribution(a)) => match a.more.as_deref() {
                Some(m) => (m.cover_edges.clone(), m.primary),
                None => (Vec::new(), None),
            },
            _ => (Vec::new(), None),
        };
        for k in covers {
            self.release_edge(k);
        }
        if let Some(p) = primary {
            if let Some(Edge::Attribution(a)) = self.graph.edge_weight_mut(p) {
                if let Some(m) = a.more.as_deref_mut() {
                    m.cover_edges.retain(|&e| e != ix);
                }
            }
        }
        if let Some(edge) = self.graph.remove_edge(ix) {
            if let Edge::SourceRelation(r) = &edge {
                if r.is_timed_affiliation() {
                    self.timed_affiliations = self.timed_affiliations.saturating_sub(1);
                }
            }
            if let (Edge::SourceRelation(_), Some(from)) = (&edge, from) {
                if let Some(links) = self.source_links.get_mut(&from) {
                    links.retain(|&e| e != ix);
                    if links.is_empty() {
                        self.source_links.remove(&from);
                    }
                }
            }
            if let Edge::Attribution(a) = &edge {
                for v in a.referenced() {
                    if let Some(uses) = self.via_uses.get_mut(&v) {
                        uses.retain(|&e| e != ix);
                        if uses.is_empty() {
                            self.via_uses.remove(&v);
                        }
                    }
                }
            }
            self.edges.remove(edge.id(), ix);
        }
    }

    fn remove_node_at(&mut self, ix: NodeIndex) -> Option<Node> {
        let incident: Vec<EdgeIndex> = self
            .graph
            .edges_directed(ix, Direction::Outgoing)
            .chain(self.graph.edges_directed(ix, Direction::Incoming))
            .map(|e| e.id())
            .collect();
        for e in incident {
            self.release_edge(e);
        }
        let node = self.graph.remove_node(ix)?;
        self.nodes.remove(node.id(), ix);
        Some(node)
    }
}

trait HasId {
    fn record_id(&self) -> &str;
}

macro_rules! has_id {
    ($($t:ty),*) => {$(impl HasId for $t { fn record_id(&self) -> &str { &self.id } })*};
}
has_id!(Attribution, SourceRelation, ClaimRelation, Verdict);

/// One kind of edge record: how to read one at an edge and add one, so that getting, replacing
/// and removing are written once for the four kinds (as `query::merge` does for merging).
pub(crate) trait EdgeRecord: Sized {
    /// The kind, for errors.
    const KIND: RecordKind;
    /// The record's id.
    fn edge_id(&self) -> &str;
    /// The record of this kind at `ix`, or `None` when the edge there is of another kind.
    fn read_at(graph: &ClaimGraph, ix: EdgeIndex) -> Option<Self>;
    /// Adds it, validating it first (the graph is unchanged when it fails).
    fn add_to(self, graph: &mut ClaimGraph) -> Result<()>;
}

macro_rules! edge_record {
    ($($t:ident => $read:ident, $add:ident;)*) => {$(
        impl EdgeRecord for $t {
            const KIND: RecordKind = RecordKind::$t;
            fn edge_id(&self) -> &str {
                &self.id
            }
            fn read_at(graph: &ClaimGraph, ix: EdgeIndex) -> Option<Self> {
                graph.$read(ix)
            }
            fn add_to(self, graph: &mut ClaimGraph) -> Result<()> {
                graph.$add(self)
            }
        }
    )*};
}

edge_record! {
    Attribution => attribution_at, add_attribution;
    SourceRelation => source_relation_at, add_source_relation;
    ClaimRelation => claim_relation_at, add_claim_relation;
    Verdict => verdict_at, add_verdict;
}

impl ClaimGraph {
    fn edge_record<T: EdgeRecord>(&self, id: &str) -> Option<T> {
        T::read_at(self, self.edge_index_by_id(id)?)
    }

    fn get_edge_record<T: EdgeRecord>(&self, id: &str) -> Result<T> {
        self.edge_record(id)
            .ok_or_else(|| Error::not_found(T::KIND, id))
    }

    /// Puts `new` in place of the record of its kind with its id and returns the old one; when
    /// `new` is refused, the old one is put back, so a failed update changes nothing.
    fn replace_edge_record<T: EdgeRecord>(&mut self, new: T) -> Result<T> {
        let ix = self.edge_index(new.edge_id(), T::KIND)?;
        let old = T::read_at(self, ix).ok_or_else(|| Error::not_found(T::KIND, new.edge_id()))?;
        self.release_edge(ix);
        match new.add_to(self) {
            Ok(()) => Ok(old),
            Err(e) => {
                // The old record was in the graph a moment ago, so it goes back in.
                let _ = old.add_to(self);
                Err(e)
            }
        }
    }

    fn remove_edge_record<T: EdgeRecord>(&mut self, id: &str) -> Result<T> {
        let ix = self.edge_index(id, T::KIND)?;
        let record = T::read_at(self, ix);
        self.release_edge(ix);
        record.ok_or_else(|| Error::not_found(T::KIND, id))
    }
}
