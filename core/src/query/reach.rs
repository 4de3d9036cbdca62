//! The traversal machinery behind origins and affiliation tops: which source edges a pass
//! follows, the successors of a source along them, and the strongly connected components (with
//! the terminal components and loops each reaches) found by an incremental Tarjan search.

use std::collections::HashMap;

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};

use crate::graph::{ClaimGraph, Edge};
use crate::model::SourceRelationKind;

/// Which source-to-source edges a traversal follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Follow {
    /// Cites and authored-by: the way back to where a claim came from.
    Origins,
    /// Affiliated-with: the way up to the body a source speaks for.
    Affiliations,
}

impl Follow {
    fn keeps(self, kind: SourceRelationKind) -> bool {
        match self {
            Follow::Origins => kind.leads_to_origin(),
            Follow::Affiliations => kind == SourceRelationKind::AffiliatedWith,
        }
    }
}

/// The successors of a source along one kind of edge.
///
/// A source's outgoing edges include every attribution it makes, and a prolific source makes
/// thousands; `Table` collects the few source relations once per pass so that no traversal has
/// to step over those attributions again.
pub(super) enum Adjacency<'g> {
    /// Reads a node's edges from the graph when asked (cheap when only a few nodes are visited).
    Scan(&'g ClaimGraph, Follow),
    /// Successors of every node, indexed by node index (compressed rows).
    Table {
        offsets: Vec<usize>,
        targets: Vec<NodeIndex>,
    },
}

impl Adjacency<'_> {
    pub(super) fn push_successors(&self, ix: NodeIndex, out: &mut Vec<NodeIndex>) {
        match self {
            Adjacency::Scan(g, follow) => {
                let follow = *follow;
                out.extend(g.source_targets(ix, move |k| follow.keeps(k)));
            }
            Adjacency::Table { offsets, targets } => {
                let i = ix.index();
                if let (Some(&lo), Some(&hi)) = (offsets.get(i), offsets.get(i + 1)) {
                    if let Some(row) = targets.get(lo..hi) {
                        out.extend_from_slice(row);
                    }
                }
            }
        }
    }

    /// Both tables (origins, affiliations), built in one pass over the graph's edges.
    pub(super) fn tables(g: &ClaimGraph) -> (Adjacency<'static>, Adjacency<'static>) {
        let bound = g.graph.node_bound();
        let mut pairs: [Vec<(usize, NodeIndex)>; 2] = [Vec::new(), Vec::new()];
        for e in g.graph.edge_references() {
            if let Edge::SourceRelation(r) = e.weight() {
                if Follow::Origins.keeps(r.kind) {
                    pairs[0].push((e.source().index(), e.target()));
                } else if Follow::Affiliations.keeps(r.kind) {
                    pairs[1].push((e.source().index(), e.target()));
                }
            }
        }
        let [origins, affiliations] = pairs.map(|p| {
            let mut offsets = vec![0usize; bound + 1];
            for &(from, _) in &p {
                if let Some(c) = offsets.get_mut(from + 1) {
                    *c += 1;
                }
            }
            for i in 1..offsets.len() {
                offsets[i] += offsets[i - 1];
            }
            let mut fill = offsets.clone();
            let mut targets = vec![NodeIndex::end(); p.len()];
            for (from, to) in p {
                if let Some(slot) = fill.get_mut(from) {
                    if let Some(t) = targets.get_mut(*slot) {
                        *t = to;
                    }
                    *slot += 1;
                }
            }
            Adjacency::Table { offsets, targets }
        });
        (origins, affiliations)
    }
}

pub(super) const UNSEEN: usize = usize::MAX;

/// Maps graph nodes to the dense local numbers a [`Reach`] works with.
pub(super) enum Numbering {
    /// One slot per node index: for passes over the whole graph.
    Dense(Vec<usize>),
    /// Only the nodes visited: for questions about one claim or source.
    Sparse(HashMap<NodeIndex, usize>),
}

impl Numbering {
    fn get(&self, ix: NodeIndex) -> Option<usize> {
        match self {
            Numbering::Dense(v) => v.get(ix.index()).copied().filter(|&l| l != UNSEEN),
            Numbering::Sparse(m) => m.get(&ix).copied(),
        }
    }

    fn insert(&mut self, ix: NodeIndex, local: usize) {
        match self {
            Numbering::Dense(v) => {
                if ix.index() >= v.len() {
                    v.resize(ix.index() + 1, UNSEEN);
                }
                if let Some(slot) = v.get_mut(ix.index()) {
                    *slot = local;
                }
            }
            Numbering::Sparse(m) => {
                m.insert(ix, local);
            }
        }
    }
}

/// Strongly connected components of one kind of source edge, with, for every component, the
/// terminal components it reaches ("tops") and the loops it reaches.
///
/// Built incrementally with an iterative Tarjan: asking about a source not seen yet runs the
/// search from it, reusing every component already found. Tarjan closes a component only after
/// every component it reaches, so each component's sets are merged from its successors' sets as
/// it closes (reverse topological order), and a component with a single successor shares that
/// successor's set instead of copying it.
pub(super) struct Reach {
    numbering: Numbering,
    /// Local number -> node.
    nodes: Vec<NodeIndex>,
    /// Local number -> start of its successors in `adj` (they end where the next node's start).
    adj_start: Vec<usize>,
    adj: Vec<NodeIndex>,
    /// Tarjan's low-link; a node's discovery index is its local number.
    lowlink: Vec<usize>,
    /// Local number -> component, `UNSEEN` while the node is still on Tarjan's stack.
    component: Vec<usize>,
    /// Component -> its members (local numbers) as `members[member_start[c]..member_start[c + 1]]`.
    member_start: Vec<usize>,
    members: Vec<usize>,
    /// Component -> index into `tops`: the terminal components it reaches, sorted.
    top_set: Vec<usize>,
    tops: Vec<Vec<usize>>,
    /// Component -> index into `loops`: the components of several members it reaches, sorted.
    loop_set: Vec<usize>,
    loops: Vec<Vec<usize>>,
    stack: Vec<usize>,
    frames: Vec<(usize, usize)>,
}

impl Reach {
    pub(super) fn new(numbering: Numbering) -> Reach {
        Reach {
            numbering,
            nodes: Vec::new(),
            adj_start: Vec::new(),
            adj: Vec::new(),
            lowlink: Vec::new(),
            component: Vec::new(),
            member_start: vec![0],
            members: Vec::new(),
            top_set: Vec::new(),
            tops: Vec::new(),
            loop_set: Vec::new(),
            // Set 0 is the empty set of loops, shared by every component that reaches none.
            loops: vec![Vec::new()],
            stack: Vec::new(),
            frames: Vec::new(),
        }
    }

    pub(super) fn component_of(&self, ix: NodeIndex) -> Option<usize> {
        let local = self.numbering.get(ix)?;
        self.component.get(local).copied().filter(|&c| c != UNSEEN)
    }

    pub(super) fn component_count(&self) -> usize {
        self.top_set.len()
    }

    pub(super) fn members_of(&self, c: usize) -> impl Iterator<Item = NodeIndex> + '_ {
        let lo = self.member_start.get(c).copied().unwrap_or(0);
        let hi = self.member_start.get(c + 1).copied().unwrap_or(lo);
        self.members
            .get(lo..hi)
            .unwrap_or(&[])
            .iter()
            .filter_map(|&l| self.nodes.get(l).copied())
    }

    pub(super) fn member_count(&self, c: usize) -> usize {
        match (self.member_start.get(c), self.member_start.get(c + 1)) {
            (Some(lo), Some(hi)) => hi - lo,
            _ => 0,
        }
    }

    /// The terminal components reachable from `ix` (which must have been visited).
    pub(super) fn tops_of(&self, ix: NodeIndex) -> &[usize] {
        self.component_of(ix)
            .and_then(|c| self.top_set.get(c))
            .and_then(|&s| self.tops.get(s))
            .map_or(&[], |v| v.as_slice())
    }

    /// The components of several members reachable from `ix` (which must have been visited).
    pub(super) fn loops_of(&self, ix: NodeIndex) -> &[usize] {
        self.component_of(ix)
            .and_then(|c| self.loop_set.get(c))
            .and_then(|&s| self.loops.get(s))
            .map_or(&[], |v| v.as_slice())
    }

    fn successors(&self, local: usize) -> &[NodeIndex] {
        let lo = self.adj_start.get(local).copied().unwrap_or(0);
        let hi = self
            .adj_start
            .get(local + 1)
            .copied()
            .unwrap_or(self.adj.len());
        self.adj.get(lo..hi).unwrap_or(&[])
    }

    fn discover(&mut self, ix: NodeIndex, edges: &Adjacency<'_>) {
        let local = self.nodes.len();
        self.numbering.insert(ix, local);
        self.nodes.push(ix);
        self.adj_start.push(self.adj.len());
        edges.push_successors(ix, &mut self.adj);
        self.lowlink.push(local);
        self.component.push(UNSEEN);
        self.stack.push(local);
        self.frames.push((local, 0));
    }

    /// Runs Tarjan's search from `start` unless it was already visited.
    pub(super) fn visit(&mut self, start: NodeIndex, edges: &Adjacency<'_>) {
        if self.numbering.get(start).is_some() {
            return;
        }
        self.discover(start, edges);
        while let Some(&(v, pos)) = self.frames.last() {
            let next = self.successors(v).get(pos).copied();
            match next {
                Some(w_ix) => {
                    if let Some(frame) = self.frames.last_mut() {
                        frame.1 += 1;
                    }
                    match self.numbering.get(w_ix) {
                        None => self.discover(w_ix, edges),
                        Some(w) => {
                            // Still on the stack: part of the component being built.
                            if self.component.get(w) == Some(&UNSEEN) {
                                self.lower(v, w);
                            }
                        }
                    }
                }
                None => {
                    self.frames.pop();
                    let low = self.lowlink.get(v).copied().unwrap_or(v);
                    if let Some(&(parent, _)) = self.frames.last() {
                        self.lower(parent, low);
                    }
                    if low == v {
                        self.close(v);
                    }
                }
            }
        }
    }

    fn lower(&mut self, v: usize, to: usize) {
        if let Some(l) = self.lowlink.get_mut(v) {
            if to < *l {
                *l = to;
            }
        }
    }

    /// Pops the component rooted at `root` and computes its sets from its successors'.
    fn close(&mut self, root: usize) {
        let c = self.top_set.len();
        let first = self.members.len();
        while let Some(m) = self.stack.pop() {
            if let Some(slot) = self.component.get_mut(m) {
                *slot = c;
            }
            self.members.push(m);
            if m == root {
                break;
            }
        }
        self.member_start.push(self.members.len());

        let mut top_sets = Vec::new();
        let mut loop_sets = Vec::new();
        for i in first..self.members.len() {
            let m = self.members.get(i).copied().unwrap_or(root);
            for &w_ix in self.successors(m) {
                let Some(w) = self.numbering.get(w_ix) else {
                    continue;
                };
                let Some(&d) = self.component.get(w) else {
                    continue;
                };
                if d != c && d != UNSEEN {
                    top_sets.extend(self.top_set.get(d).copied());
                    loop_sets.extend(self.loop_set.get(d).copied());
                }
            }
        }
        top_sets.sort_unstable();
        top_sets.dedup();
        let top = match top_sets.as_slice() {
            [] => push_set(&mut self.tops, vec![c]),
            [one] => *one,
            many => {
                let merged = union_of(&self.tops, many, None);
                push_set(&mut self.tops, merged)
            }
        };
        self.top_set.push(top);

        loop_sets.sort_unstable();
        loop_sets.dedup();
        loop_sets.retain(|&s| self.loops.get(s).is_some_and(|v| !v.is_empty()));
        let cyclic = self.members.len() - first > 1;
        let lp = match (loop_sets.as_slice(), cyclic) {
            ([], false) => 0,
            ([one], false) => *one,
            (many, _) => {
                let merged = union_of(&self.loops, many, cyclic.then_some(c));
                push_set(&mut self.loops, merged)
            }
        };
        self.loop_set.push(lp);
    }
}

fn push_set(sets: &mut Vec<Vec<usize>>, set: Vec<usize>) -> usize {
    sets.push(set);
    sets.len() - 1
}

fn union_of(sets: &[Vec<usize>], which: &[usize], extra: Option<usize>) -> Vec<usize> {
    let mut out: Vec<usize> = which
        .iter()
        .filter_map(|&s| sets.get(s))
        .flatten()
        .copied()
        .chain(extra)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}
