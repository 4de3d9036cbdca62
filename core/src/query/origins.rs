//! Origins: where a claim really came from, once every "according to" is traced back.
//!
//! Tracing runs over the *origin graph*: the cites and authored-by edges between sources
//! (published-in and affiliated-with are never followed). The origins of a source are the
//! terminal strongly connected components reachable from it, that is the groups of sources that
//! cite no one outside themselves. On a citation graph without loops these are simply the
//! sources reached that cite no one; a loop of sources citing only each other is circular
//! reporting and counts as one origin.
//!
//! The same machinery, run over affiliated-with edges, finds the top of each source's
//! affiliation chain, which decides which origins are independent of each other (and, for the
//! assessment, which deniers and doubters speak as one). [`Analysis`] is the one place these
//! rules live; the other queries ask it per source.

use std::collections::{HashMap, HashSet};

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::NodeIndexable;

use super::reach::{Adjacency, Follow, Numbering, Reach, UNSEEN};
use crate::error::Result;
use crate::graph::{ClaimGraph, Node};
use crate::model::SourceRelationKind;
use crate::query::as_of::StatementTime;

/// A root source a claim's assertions trace back to.
///
/// Usually one source. When sources cite each other in a loop (circular reporting) and nothing in
/// the loop cites anyone outside it, the whole loop is one origin: `members` lists it, `id` is its
/// smallest member id, and `circular` is true.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct Origin {
    /// The origin's id (the smallest member id when the origin is a loop).
    pub id: String,
    /// The sources that make up the origin, sorted by id (one, unless `circular`).
    pub members: Vec<String>,
    /// True when the origin is a loop of sources citing each other.
    pub circular: bool,
    /// True when every member is an unnamed group or a collective.
    pub unnamed: bool,
}

/// Origins that are not independent of each other: they share the top of their affiliation chain
/// (two spokespeople of one ministry are one independent origin).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct OriginGroup {
    /// The id of the source at the top of the members' affiliation chains (the origin's own id when
    /// it is affiliated with no one); the smallest such id when the group has several tops.
    pub top: String,
    /// The ids of the origins in the group, sorted.
    pub origins: Vec<String>,
}

impl ClaimGraph {
    /// The origins of a source's own assertions: the roots reached from it along cites and
    /// authored-by edges (never published-in). A source that cites no one is its own origin.
    /// Sorted by id.
    ///
    /// ```
    /// use claimgraph::{ClaimGraph, Source, SourceKind, SourceRelation, SourceRelationKind};
    /// let mut g = ClaimGraph::new();
    /// g.add_source(Source::new("op-ed", SourceKind::Document, "Putin's op-ed"))?;
    /// g.add_source(Source::new("putin", SourceKind::Person, "Vladimir Putin"))?;
    /// g.add_source(Source::new("rodong", SourceKind::Outlet, "Rodong Sinmun"))?;
    /// g.add_source_relation(SourceRelation::new("op-ed", SourceRelationKind::AuthoredBy, "putin"))?;
    /// g.add_source_relation(SourceRelation::new("op-ed", SourceRelationKind::PublishedIn, "rodong"))?;
    /// let origins = g.origins_of_source("op-ed")?;
    /// assert_eq!(origins.len(), 1);
    /// assert_eq!(origins[0].id, "putin"); // the author, not the newspaper
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn origins_of_source(&self, source: &str) -> Result<Vec<Origin>> {
        let ix = self.source_index(source)?;
        let mut analysis = Analysis::sparse(self);
        let sccs = analysis.origin_sccs_of(&[ix]);
        Ok(analysis.origin_records(&sccs))
    }
}

/// Affiliation tops read at the time of the statements: origin component -> (tops, the name
/// of the smallest).
pub(crate) type TimedTops<'g> = HashMap<usize, (Vec<usize>, &'g str)>;

/// What the queries share: origins and affiliation tops, computed once per source and reused.
///
/// [`Analysis::sparse`] visits only what a question needs (one claim, one source);
/// [`Analysis::whole`] prepares for visiting every source. Both give the same answers, because
/// components and what they reach depend only on the part of the graph reachable from them.
pub(crate) struct Analysis<'g> {
    graph: &'g ClaimGraph,
    origin_edges: Adjacency<'g>,
    affiliation_edges: Adjacency<'g>,
    origins: Reach,
    affiliations: Reach,
    /// Terminal origin component -> its origin record and affiliation tops.
    info: Vec<Option<OriginInfo<'g>>>,
    empty: OriginInfo<'g>,
}

/// An origin with the affiliation tops of its members.
struct OriginInfo<'g> {
    /// The members' ids, sorted: the first names the origin.
    members: Vec<&'g str>,
    /// Whether every member is an unnamed group or a collective.
    unnamed: bool,
    /// Terminal components of the affiliation graph reached from any member, sorted.
    tops: Vec<usize>,
    /// The names of `tops`, sorted and distinct: the first names the origin's group.
    top_names: Vec<&'g str>,
}

impl<'g> OriginInfo<'g> {
    fn empty() -> Self {
        OriginInfo {
            members: Vec::new(),
            unnamed: false,
            tops: Vec::new(),
            top_names: Vec::new(),
        }
    }

    /// The origin's id: its smallest member id.
    fn id(&self) -> &'g str {
        self.members.first().copied().unwrap_or("")
    }

    /// Whether the origin is a loop of sources citing each other.
    fn circular(&self) -> bool {
        self.members.len() > 1
    }

    fn origin(&self) -> Origin {
        Origin {
            id: self.id().to_owned(),
            members: self.members.iter().map(|&m| m.to_owned()).collect(),
            circular: self.circular(),
            unnamed: self.unnamed,
        }
    }
}

impl<'g> Analysis<'g> {
    /// For questions about a few claims or sources.
    pub(crate) fn sparse(graph: &'g ClaimGraph) -> Analysis<'g> {
        Analysis {
            graph,
            origin_edges: Adjacency::Scan(graph, Follow::Origins),
            affiliation_edges: Adjacency::Scan(graph, Follow::Affiliations),
            origins: Reach::new(Numbering::Sparse(HashMap::new())),
            affiliations: Reach::new(Numbering::Sparse(HashMap::new())),
            info: Vec::new(),
            empty: OriginInfo::empty(),
        }
    }

    /// For questions about every claim: one pass over the edges, dense tables.
    pub(crate) fn whole(graph: &'g ClaimGraph) -> Analysis<'g> {
        let bound = graph.graph.node_bound();
        let (origin_edges, affiliation_edges) = Adjacency::tables(graph);
        Analysis {
            graph,
            origin_edges,
            affiliation_edges,
            origins: Reach::new(Numbering::Dense(vec![UNSEEN; bound])),
            affiliations: Reach::new(Numbering::Dense(vec![UNSEEN; bound])),
            info: Vec::new(),
            empty: OriginInfo::empty(),
        }
    }

    /// The origin components of the union of the sources' origins, sorted by component number.
    pub(crate) fn origin_sccs_of(&mut self, sources: &[NodeIndex]) -> Vec<usize> {
        for &s in sources {
            self.origins.visit(s, &self.origin_edges);
        }
        self.known_origin_sccs_of(sources)
    }

    /// Works out the origins of the sources and what is known of each (as the questions below
    /// would on first use), so that the `known_` questions answer for them without changing the
    /// analysis.
    pub(crate) fn prepare_sources(&mut self, sources: &[NodeIndex]) {
        for &s in sources {
            self.origins.visit(s, &self.origin_edges);
            for k in 0..self.origins.tops_of(s).len() {
                if let Some(&c) = self.origins.tops_of(s).get(k) {
                    self.info(c);
                }
            }
        }
    }

    /// [`Analysis::prepare_sources`] for every source of the graph: afterwards the analysis
    /// answers the `known_` questions for any claim, and can be shared by threads.
    pub(crate) fn prepare_every_source(&mut self) {
        let sources: Vec<NodeIndex> = self
            .graph
            .graph
            .node_indices()
            .filter(|&ix| matches!(self.graph.graph.node_weight(ix), Some(Node::Source(_))))
            .collect();
        self.prepare_sources(&sources);
    }

    /// [`Analysis::origin_sccs_of`] for sources already prepared
    /// ([`Analysis::prepare_sources`]); a source that was not counts as having no origin.
    pub(crate) fn known_origin_sccs_of(&self, sources: &[NodeIndex]) -> Vec<usize> {
        let mut out: Vec<usize> = sources
            .iter()
            .flat_map(|&s| self.origins.tops_of(s).iter().copied())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The loops (origin-graph components of several sources) reachable from any of the sources,
    /// sorted by component number.
    pub(crate) fn loop_sccs_of(&mut self, sources: &[NodeIndex]) -> Vec<usize> {
        for &s in sources {
            self.origins.visit(s, &self.origin_edges);
        }
        let mut out: Vec<usize> = sources
            .iter()
            .flat_map(|&s| self.origins.loops_of(s).iter().copied())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Every loop of sources citing each other in the whole graph: (component, sorted ids).
    pub(crate) fn all_loops(&mut self) -> Vec<(usize, Vec<String>)> {
        for ix in self.graph.graph.node_indices() {
            if matches!(self.graph.graph.node_weight(ix), Some(Node::Source(_))) {
                self.origins.visit(ix, &self.origin_edges);
            }
        }
        (0..self.origins.component_count())
            .filter(|&c| self.origins.member_count(c) > 1)
            .map(|c| (c, self.sorted_member_ids(c)))
            .collect()
    }

    fn sorted_member_ids(&self, c: usize) -> Vec<String> {
        let mut ids: Vec<&str> = self
            .origins
            .members_of(c)
            .map(|m| self.graph.node_id(m))
            .collect();
        ids.sort_unstable();
        ids.into_iter().map(str::to_owned).collect()
    }

    /// The origin records of terminal components, sorted by id.
    pub(crate) fn origin_records(&mut self, sccs: &[usize]) -> Vec<Origin> {
        let mut out: Vec<Origin> = sccs.iter().map(|&c| self.info(c).origin()).collect();
        out.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        out
    }

    /// What is known of the origin formed by terminal component `c`, computed on first use.
    fn info(&mut self, c: usize) -> &OriginInfo<'g> {
        if self.info.len() <= c {
            self.info.resize_with(c + 1, || None);
        }
        if !matches!(self.info.get(c), Some(Some(_))) {
            let computed = self.compute_info(c);
            if let Some(slot) = self.info.get_mut(c) {
                *slot = Some(computed);
            }
        }
        match self.info.get(c) {
            Some(Some(i)) => i,
            // Filled just above; the empty record only keeps this free of panics.
            _ => &self.empty,
        }
    }

    fn compute_info(&mut self, c: usize) -> OriginInfo<'g> {
        let g = self.graph;
        let members: Vec<NodeIndex> = self.origins.members_of(c).collect();
        let mut ids: Vec<&str> = members.iter().map(|&m| g.node_id(m)).collect();
        ids.sort_unstable();
        let unnamed = members
            .iter()
            .all(|&m| g.source_at(m).is_some_and(|s| s.kind.is_unnamed()));
        // The affiliation tops of every member: who the origin answers to.
        let mut tops: Vec<usize> = Vec::new();
        for &m in &members {
            tops.extend_from_slice(self.affiliation_tops(m));
        }
        tops.sort_unstable();
        tops.dedup();
        let top_names = self.top_names(&tops);
        OriginInfo {
            members: ids,
            unnamed,
            tops,
            top_names,
        }
    }

    /// The origin formed by terminal component `c`, with the names of the tops of its members'
    /// affiliation chains, sorted and distinct (the first is what [`Analysis::independence`]
    /// names its group by): what the Parquet tables list per source.
    #[cfg(feature = "parquet")]
    pub(crate) fn origin_and_tops(&mut self, c: usize) -> (Origin, Vec<&'g str>) {
        let i = self.info(c);
        (i.origin(), i.top_names.clone())
    }

    /// The names of affiliation tops, sorted and distinct.
    fn top_names(&self, tops: &[usize]) -> Vec<&'g str> {
        let mut names: Vec<&'g str> = tops.iter().map(|&t| self.top_name(t)).collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    /// The name of an affiliation top: its smallest member id.
    fn top_name(&self, t: usize) -> &'g str {
        let g = self.graph;
        self.affiliations
            .members_of(t)
            .map(|m| g.node_id(m))
            .min()
            .unwrap_or("")
    }

    /// Groups origins (terminal components, as from [`Analysis::origin_sccs_of`]) by shared
    /// affiliation tops, transitively. Groups sorted by top, origins within a group by id.
    ///
    /// `at` gives, for some origins, the tops they had at the times of the statements that lead
    /// to them (see [`Analysis::origin_tops_at`]); the others use their tops regardless of time.
    pub(crate) fn independence(
        &mut self,
        sccs: &[usize],
        at: Option<&TimedTops<'g>>,
    ) -> Vec<OriginGroup> {
        let mut parent = self.group_parents(sccs, at);
        let info = |c: usize| match self.info.get(c) {
            Some(Some(i)) => i,
            _ => &self.empty,
        };
        let top_name = |c: usize| match at.and_then(|m| m.get(&c)) {
            Some((_, name)) => *name,
            None => info(c).top_names.first().copied().unwrap_or(""),
        };
        if let [c] = sccs {
            return vec![OriginGroup {
                top: top_name(*c).to_owned(),
                origins: vec![info(*c).id().to_owned()],
            }];
        }
        let mut by_group: Vec<(usize, usize)> =
            (0..sccs.len()).map(|k| (find(&mut parent, k), k)).collect();
        by_group.sort_unstable();
        let mut out: Vec<OriginGroup> = by_group
            .chunk_by(|a, b| a.0 == b.0)
            .map(|chunk| {
                let mut top = "";
                let mut origins = Vec::with_capacity(chunk.len());
                for (n, &c) in chunk.iter().filter_map(|&(_, k)| sccs.get(k)).enumerate() {
                    let name = top_name(c);
                    if n == 0 || name < top {
                        top = name;
                    }
                    origins.push(info(c).id().to_owned());
                }
                origins.sort_unstable();
                OriginGroup {
                    top: top.to_owned(),
                    origins,
                }
            })
            .collect();
        out.sort_unstable();
        out
    }

    /// Union-find parents joining origins (positions in `sccs`) that share an affiliation top,
    /// transitively.
    fn group_parents(&mut self, sccs: &[usize], at: Option<&TimedTops<'g>>) -> Vec<usize> {
        for &c in sccs {
            self.info(c);
        }
        self.known_group_parents(sccs, at)
    }

    /// [`Analysis::group_parents`] for origins already worked out.
    fn known_group_parents(&self, sccs: &[usize], at: Option<&TimedTops<'g>>) -> Vec<usize> {
        let tops = |c: usize| match (at.and_then(|m| m.get(&c)), self.info.get(c)) {
            (Some((t, _)), _) => t.as_slice(),
            (None, Some(Some(i))) => i.tops.as_slice(),
            (None, _) => &[],
        };
        let mut parent: Vec<usize> = (0..sccs.len()).collect();
        // Sorting the (top, origin) pairs puts the origins sharing a top side by side.
        let mut pairs: Vec<(usize, usize)> = sccs
            .iter()
            .enumerate()
            .flat_map(|(k, &c)| tops(c).iter().map(move |&t| (t, k)))
            .collect();
        pairs.sort_unstable();
        for w in pairs.windows(2) {
            if let [(t1, a), (t2, b)] = w {
                if t1 == t2 {
                    union(&mut parent, *a, *b);
                }
            }
        }
        parent
    }

    /// The affiliation tops of the origins reached from each statement's seed, read at the time
    /// of that statement: an origin reached by several statements has the tops of all of them.
    /// `None` when no affiliation holds only for a time (tops then do not depend on time).
    pub(crate) fn origin_tops_at(
        &mut self,
        seeds: &[(NodeIndex, StatementTime)],
    ) -> Option<TimedTops<'g>> {
        if !self.graph.has_timed_affiliations() {
            return None;
        }
        let mut out: TimedTops<'g> = HashMap::new();
        for (seed, time) in seeds {
            self.origins.visit(*seed, &self.origin_edges);
            let comps = self.origins.tops_of(*seed).to_vec();
            for c in comps {
                let tops = self.origin_tops_then(c, time);
                out.entry(c)
                    .or_insert_with(|| (Vec::new(), ""))
                    .0
                    .extend(tops);
            }
        }
        for (tops, name) in out.values_mut() {
            tops.sort_unstable();
            tops.dedup();
            *name = tops.iter().map(|&t| self.top_name(t)).min().unwrap_or("");
        }
        Some(out)
    }

    /// The affiliation tops of the members of origin component `c` at `time` (those of every
    /// affiliation when none holds for a time only, or when the time is unknown), sorted and
    /// distinct: what the origin answered to when a statement tracing back to it was made.
    fn origin_tops_then(&mut self, c: usize, time: &StatementTime) -> Vec<usize> {
        let members: Vec<NodeIndex> = self.origins.members_of(c).collect();
        let mut tops = Vec::new();
        for m in members {
            tops.extend(self.affiliation_tops_at(m, time));
        }
        tops.sort_unstable();
        tops.dedup();
        tops
    }

    /// Hands `f` each origin an assertion made at `time` and traced from `seed` reaches, with
    /// each name of what that origin answered to then (its members' affiliation tops at that
    /// time; a source affiliated with no one answers to itself): one call per (origin, name).
    /// Two origins of a claim are one independent origin exactly when, joined transitively,
    /// they share such a name: what the `statement_origins` table lists so that an engine can
    /// group them as [`Analysis::independence`] does.
    #[cfg(feature = "parquet")]
    pub(crate) fn each_statement_origin<E>(
        &mut self,
        seed: NodeIndex,
        time: &StatementTime,
        mut f: impl FnMut(&str, &str) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        self.origins.visit(seed, &self.origin_edges);
        // Without affiliations that hold for a time only (or without a time), what an origin
        // answers to is the same for every statement, and kept with the origin.
        let timed = self.graph.has_timed_affiliations() && time.known;
        let mut k = 0;
        while let Some(&c) = self.origins.tops_of(seed).get(k) {
            k += 1;
            let then = timed.then(|| {
                let tops = self.origin_tops_then(c, time);
                self.top_names(&tops)
            });
            let info = self.info(c);
            let names = then.as_deref().unwrap_or(&info.top_names);
            // Never empty (a source affiliated with no one is its own top); an origin is still
            // listed, as answering to itself, if it ever were.
            if names.is_empty() {
                f(info.id(), info.id())?;
            }
            for name in names {
                f(info.id(), name)?;
            }
        }
        Ok(())
    }

    /// The tops of a source's affiliation chain at `time`: like
    /// [`Analysis::affiliation_tops`], following only the affiliations that may hold at that
    /// time (a relation whose bounds straddle it is followed: the cautious reading). The tops
    /// are the sources reached that have no affiliation holding then.
    pub(crate) fn affiliation_tops_at(
        &mut self,
        source: NodeIndex,
        time: &StatementTime,
    ) -> Vec<usize> {
        if !self.graph.has_timed_affiliations() || !time.known {
            return self.affiliation_tops(source).to_vec();
        }
        let g = self.graph;
        let mut reached = vec![source];
        let mut ends = Vec::new();
        let mut i = 0;
        while let Some(&v) = reached.get(i) {
            i += 1;
            let mut goes_on = false;
            for (r, to) in g.source_links_from(v) {
                let holds = r.kind == SourceRelationKind::AffiliatedWith
                    && r.span
                        .as_deref()
                        .is_none_or(|(s, u)| time.may_meet(s.as_ref(), u.as_ref()));
                if holds {
                    goes_on = true;
                    if !reached.contains(&to) {
                        reached.push(to);
                    }
                }
            }
            if !goes_on {
                ends.push(v);
            }
        }
        if ends.is_empty() {
            // Nothing but a loop of affiliations holding then: read it as always.
            return self.affiliation_tops(source).to_vec();
        }
        let mut tops = Vec::with_capacity(ends.len());
        for e in ends {
            self.affiliations.visit(e, &self.affiliation_edges);
            tops.extend(self.affiliations.component_of(e));
        }
        tops.sort_unstable();
        tops.dedup();
        tops
    }

    /// The name of what a source answers to at the times of its statements: the smallest
    /// member id among its affiliation tops at any of those times.
    pub(crate) fn affiliation_name_at(
        &mut self,
        source: NodeIndex,
        times: &[StatementTime],
    ) -> &'g str {
        if !self.graph.has_timed_affiliations() || times.is_empty() {
            return self.affiliation_name(source);
        }
        let mut tops = Vec::new();
        for t in times {
            tops.extend(self.affiliation_tops_at(source, t));
        }
        tops.iter().map(|&t| self.top_name(t)).min().unwrap_or("")
    }

    /// How many independent groups the origins form: the length of
    /// [`Analysis::independence`]'s answer, without naming anything. For origins already worked
    /// out ([`Analysis::prepare_sources`]).
    pub(crate) fn known_independent_count(&self, sccs: &[usize]) -> usize {
        if sccs.len() < 2 {
            return sccs.len();
        }
        let mut parent = self.known_group_parents(sccs, None);
        (0..sccs.len())
            .filter(|&k| find(&mut parent, k) == k)
            .count()
    }

    /// Whether the origin formed by terminal component `c` is unnamed, and whether it is a
    /// loop. For an origin already worked out ([`Analysis::prepare_sources`]).
    pub(crate) fn known_origin_flags(&self, c: usize) -> (bool, bool) {
        match self.info.get(c) {
            Some(Some(i)) => (i.unnamed, i.circular()),
            _ => (self.empty.unnamed, self.empty.circular()),
        }
    }

    /// The tops of a source's affiliation chain: the groups of sources, reached from it along
    /// affiliated-with edges, that are affiliated with no one outside themselves (one source, or
    /// a loop); the source's own group when it is affiliated with no one. Two sources answer to
    /// the same body exactly when they share a top.
    ///
    /// Tops are numbers that only mean something within this analysis; sorted. Each source is
    /// worked out once and kept, so asking about every source stays linear in the graph's size.
    pub(crate) fn affiliation_tops(&mut self, source: NodeIndex) -> &[usize] {
        self.affiliations.visit(source, &self.affiliation_edges);
        self.affiliations.tops_of(source)
    }

    /// The name of what a source answers to: the smallest member id among its affiliation tops
    /// (its own id when it is affiliated with no one).
    pub(crate) fn affiliation_name(&mut self, source: NodeIndex) -> &'g str {
        self.affiliations.visit(source, &self.affiliation_edges);
        self.affiliations
            .tops_of(source)
            .iter()
            .map(|&t| self.top_name(t))
            .min()
            .unwrap_or("")
    }

    /// Whether a statement by `speaker`, made at `time`, comes from an interested party: the
    /// speaker, the author or publisher of the speaker (a document: authored-by and
    /// published-in edges, at any depth), or anything any of them is affiliated with at that
    /// time (at any depth), is one of `subjects`. Relations that did not hold at the time of
    /// the statement are not followed; one whose bounds straddle it is.
    ///
    /// Returns how, for a reader ("church-statement, authored by church"), or `None`.
    pub(crate) fn interested_party(
        &self,
        speaker: NodeIndex,
        time: &StatementTime,
        subjects: &[NodeIndex],
    ) -> Option<String> {
        if subjects.is_empty() {
            return None;
        }
        let g = self.graph;
        // Breadth-first, remembering how each source was reached, so the shortest way is told.
        let mut reached: Vec<(NodeIndex, Option<(usize, SourceRelationKind)>)> =
            vec![(speaker, None)];
        // A source is reached either as one who speaks through the document (its authors and
        // publishers are followed, and its affiliations) or only as an affiliation (only further
        // affiliations are followed). Each source is taken at most once in each way, and one
        // reached first as an affiliation is taken again if it turns out to speak through the
        // document too, so the walk stays linear and misses no author.
        let mut as_speaker: HashSet<NodeIndex> = HashSet::from([speaker]);
        let mut as_affiliation: HashSet<NodeIndex> = HashSet::new();
        let mut i = 0;
        while let Some(&(v, _)) = reached.get(i) {
            if subjects.contains(&v) {
                let mut steps = Vec::new();
                let mut at = i;
                while let Some(&(node, how)) = reached.get(at) {
                    match how {
                        Some((parent, kind)) => {
                            let word = match kind {
                                SourceRelationKind::AuthoredBy => "authored by",
                                SourceRelationKind::PublishedIn => "published in",
                                _ => "affiliated with",
                            };
                            steps.push(format!("{word} {}", g.node_id(node)));
                            at = parent;
                        }
                        None => {
                            steps.push(g.node_id(node).to_owned());
                            break;
                        }
                    }
                }
                steps.reverse();
                return Some(steps.join(", "));
            }
            // Authorship and publication lead from the document to who speaks through it;
            // past an affiliation only further affiliations are followed.
            let via_affiliation = matches!(
                reached.get(i),
                Some((_, Some((_, SourceRelationKind::AffiliatedWith))))
            );
            for (r, to) in g.source_links_from(v) {
                let follow = match r.kind {
                    SourceRelationKind::AffiliatedWith => true,
                    SourceRelationKind::AuthoredBy | SourceRelationKind::PublishedIn => {
                        !via_affiliation
                    }
                    SourceRelationKind::Cites => false,
                };
                let holds = r
                    .span
                    .as_deref()
                    .is_none_or(|(s, u)| time.may_meet(s.as_ref(), u.as_ref()));
                if !(follow && holds) {
                    continue;
                }
                let new = match r.kind {
                    SourceRelationKind::AffiliatedWith => {
                        !as_speaker.contains(&to) && as_affiliation.insert(to)
                    }
                    _ => as_speaker.insert(to),
                };
                if new {
                    reached.push((to, Some((i, r.kind))));
                }
            }
            i += 1;
        }
        None
    }

    /// A source and whoever wrote it, through authored-by edges at any depth: those whose own
    /// words it carries. An op-ed speaks for its author, so an assertion made in it is the
    /// author's own, while an outlet citing someone only reports them.
    pub(crate) fn authors_of(&self, source: NodeIndex) -> Vec<NodeIndex> {
        let mut seen = vec![source];
        // Membership through a set: a chain of authored-by edges can be as long as the graph.
        let mut known: HashSet<NodeIndex> = HashSet::new();
        known.insert(source);
        let mut i = 0;
        while let Some(&v) = seen.get(i) {
            i += 1;
            for w in self
                .graph
                .source_targets(v, |k| k == SourceRelationKind::AuthoredBy)
            {
                if known.insert(w) {
                    seen.push(w);
                }
            }
        }
        seen
    }
}

/// The representative of `i`'s set in a union-find forest, halving paths on the way.
pub(crate) fn find(parent: &mut [usize], mut i: usize) -> usize {
    while let Some(&p) = parent.get(i) {
        if p == i {
            break;
        }
        let grand = parent.get(p).copied().unwrap_or(p);
        if let Some(slot) = parent.get_mut(i) {
            *slot = grand;
        }
        i = grand;
    }
    i
}

/// Joins the sets of `a` and `b`; the smaller representative stays, so results do not depend
/// on the order of the joins.
pub(crate) fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        if let Some(slot) = parent.get_mut(hi) {
            *slot = lo;
        }
    }
}
