//! Chains: the paths from a claim's attributions up to their origins, for display.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;

use crate::error::{Error, Result};
use crate::graph::{ClaimGraph, Edge};
use crate::model::{SourceRelationKind, Stance};

/// The most chains [`ClaimGraph::chains`] lists for one claim before it stops with
/// [`Error::LimitExceeded`](crate::Error::LimitExceeded) (`what`: `"chains"`).
pub const MAX_CHAINS: usize = 100_000;

/// The most sources on one chain [`ClaimGraph::chains`] follows before it stops with
/// [`Error::LimitExceeded`](crate::Error::LimitExceeded) (`what`: `"sources on a chain"`): a longer path is a fabricated or
/// generated record, not a reporting chain anyone reads.
pub const MAX_CHAIN_LEN: usize = 10_000;

/// The most sources, counted over all the chains of one claim, that [`ClaimGraph::chains`]
/// lists before it stops with [`Error::LimitExceeded`](crate::Error::LimitExceeded) (`what`:
/// `"sources on all chains"`): this bounds
/// the answer's memory (many long chains that share most of their path would otherwise copy it
/// into each).
pub const MAX_CHAIN_SOURCES: usize = 4_000_000;

/// A limit passed: the `what` of its error and the limit.
type Passed = (&'static str, usize);

/// One path from an attribution's source up to an origin ("ROK media -> ROK sources").
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct Chain {
    /// The claim.
    pub claim: String,
    /// The attribution the chain starts from.
    pub attribution: String,
    /// The attribution's stance.
    pub stance: Stance,
    /// The document or outlet the attribution was reported in, if any.
    pub via: Option<String>,
    /// Source ids from the attributed source to the origin, following cites and authored-by.
    pub path: Vec<String>,
    /// True when the path stopped because it came back to a source already on it.
    pub circular: bool,
}

impl ClaimGraph {
    /// Every chain of a claim, sorted: for each attribution (whatever its stance), every path
    /// from the attributed source along cites and authored-by edges up to a source that cites no
    /// one. A source that cites no one gives a one-source path. A path that would come back to a
    /// source already on it stops before doing so and is marked `circular`.
    ///
    /// Errors: [`Error::NotFound`] for an unknown claim; [`Error::LimitExceeded`] when the claim
    /// has more than [`MAX_CHAINS`] chains (citations that branch and rejoin multiply paths), a
    /// chain longer than [`MAX_CHAIN_LEN`] sources, or more than [`MAX_CHAIN_SOURCES`] sources in
    /// all its chains together. The error's `what` names the limit.
    ///
    /// ```
    /// use claimgraph::*;
    /// let mut g = ClaimGraph::new();
    /// g.add_source(Source::new("article", SourceKind::Document, "The article"))?;
    /// g.add_source(Source::new("rok-media", SourceKind::Outlet, "ROK media"))?;
    /// g.add_source(Source::new("rok-sources", SourceKind::UnnamedGroup, "ROK sources"))?;
    /// g.add_claim(Claim::new("ammo", "DPRK supplies ammunition to Russia"))?;
    /// g.add_source_relation(SourceRelation::new("article", SourceRelationKind::Cites, "rok-media"))?;
    /// g.add_source_relation(SourceRelation::new("rok-media", SourceRelationKind::Cites, "rok-sources"))?;
    /// g.add_attribution(Attribution::new("article", "ammo", Stance::Asserts))?;
    /// let chains = g.chains("ammo")?;
    /// assert_eq!(chains[0].path, ["article", "rok-media", "rok-sources"]);
    /// assert!(!chains[0].circular);
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn chains(&self, claim: &str) -> Result<Vec<Chain>> {
        let ix = self.claim_index(claim)?;
        let mut walker = Walker {
            graph: self,
            successors: HashMap::new(),
            out: Vec::new(),
            sources: 0,
        };
        for e in self.graph.edges_directed(ix, Direction::Incoming) {
            if let Edge::Attribution(a) = e.weight() {
                let start = Start {
                    claim,
                    attribution: &a.id,
                    stance: a.stance,
                    via: a.via.map(|v| self.node_id(v)),
                    basis: a.basis(),
                };
                if let Err((what, limit)) = walker.walk(e.source(), &start) {
                    return Err(Error::LimitExceeded {
                        what,
                        id: claim.to_owned(),
                        limit,
                    });
                }
            }
        }
        let mut out = walker.out;
        out.sort_unstable();
        Ok(out)
    }
}

/// What every chain of one attribution shares.
struct Start<'a> {
    claim: &'a str,
    attribution: &'a str,
    stance: Stance,
    via: Option<&'a str>,
    /// For an assertion resting on other sources for this claim, the first step goes to them.
    basis: &'a [NodeIndex],
}

/// Enumerates paths without recursion (chains can be long), reading each source's citations
/// from the graph once per call however many paths pass through it.
struct Walker<'g> {
    graph: &'g ClaimGraph,
    successors: HashMap<NodeIndex, Rc<[NodeIndex]>>,
    out: Vec<Chain>,
    /// The sources on the chains in `out`, counted with repeats.
    sources: usize,
}

impl Walker<'_> {
    fn successors(&mut self, ix: NodeIndex) -> Rc<[NodeIndex]> {
        let g = self.graph;
        self.successors
            .entry(ix)
            .or_insert_with(|| {
                let mut v: Vec<NodeIndex> = g
                    .source_targets(ix, SourceRelationKind::leads_to_origin)
                    .collect();
                // A source that both cites and is authored by the same source is one step.
                v.sort_unstable();
                v.dedup();
                v.into()
            })
            .clone()
    }

    /// Adds every chain from `source`; the limit passed, if one was.
    fn walk(&mut self, source: NodeIndex, start: &Start<'_>) -> Result<(), Passed> {
        let mut path: Vec<NodeIndex> = Vec::new();
        let mut on_path: HashSet<NodeIndex> = HashSet::new();
        // Each frame: a node on the path, its successors, and the next one to try.
        let mut frames: Vec<(Rc<[NodeIndex]>, usize)> = Vec::new();
        self.enter(source, &mut path, &mut on_path, &mut frames, start)?;
        while let Some((succ, pos)) = frames.last_mut() {
            let next = succ.get(*pos).copied();
            *pos += 1;
            match next {
                Some(w) if on_path.contains(&w) => {}
                Some(w) => self.enter(w, &mut path, &mut on_path, &mut frames, start)?,
                None => {
                    frames.pop();
                    if let Some(v) = path.pop() {
                        on_path.remove(&v);
                    }
                }
            }
        }
        Ok(())
    }

    /// Puts `v` on the path and emits the chain ending there when it is a root or when one of
    /// its steps would come back onto the path.
    fn enter(
        &mut self,
        v: NodeIndex,
        path: &mut Vec<NodeIndex>,
        on_path: &mut HashSet<NodeIndex>,
        frames: &mut Vec<(Rc<[NodeIndex]>, usize)>,
        start: &Start<'_>,
    ) -> Result<(), Passed> {
        if path.len() >= MAX_CHAIN_LEN {
            return Err(("sources on a chain", MAX_CHAIN_LEN));
        }
        path.push(v);
        on_path.insert(v);
        let succ = if path.len() == 1 && !start.basis.is_empty() {
            let mut b = start.basis.to_vec();
            b.sort_unstable();
            b.into()
        } else {
            self.successors(v)
        };
        let ends = succ.is_empty() || succ.iter().any(|w| on_path.contains(w));
        if ends {
            if self.out.len() >= MAX_CHAINS {
                return Err(("chains", MAX_CHAINS));
            }
            self.sources += path.len();
            if self.sources > MAX_CHAIN_SOURCES {
                return Err(("sources on all chains", MAX_CHAIN_SOURCES));
            }
            let g = self.graph;
            self.out.push(Chain {
                claim: start.claim.to_owned(),
                attribution: start.attribution.to_owned(),
                stance: start.stance,
                via: start.via.map(str::to_owned),
                path: path.iter().map(|&n| g.node_id(n).to_owned()).collect(),
                circular: !succ.is_empty(),
            });
        }
        frames.push((succ, 0));
        Ok(())
    }
}
