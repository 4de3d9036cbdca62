//! A claim's status: who asserts, denies and doubts it, and what stands behind it.

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;

use crate::error::Result;
use crate::graph::{ClaimGraph, Edge, Node};
use crate::model::{Stance, Verdict};
use crate::query::as_of::StatementTime;
use crate::query::origins::{Analysis, Origin, OriginGroup};

/// Everything the record says about one claim.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Status {
    /// The claim's id.
    pub claim: String,
    /// Ids of the distinct sources that assert the claim, sorted.
    pub asserters: Vec<String>,
    /// Ids of the distinct sources that deny it, sorted.
    pub deniers: Vec<String>,
    /// Ids of the distinct sources that doubt it, sorted.
    pub doubters: Vec<String>,
    /// Ids of the distinct sources recorded as saying nothing either way ("declined to
    /// comment", "did not respond"), sorted. They count neither for nor against the claim.
    pub no_comment: Vec<String>,
    /// True when the claim is both asserted and denied.
    pub disputed: bool,
    /// The origins of its assertions, sorted by id.
    pub origins: Vec<Origin>,
    /// The origins grouped by independence, sorted by top.
    pub independent_origins: Vec<OriginGroup>,
    /// True when it is asserted and every origin is an unnamed group or a collective.
    pub unnamed_only: bool,
    /// Ids of deniers that are interested parties, sorted: the denier, the author or publisher
    /// of the denying document, or what any of them is affiliated with (at any depth) at the
    /// time of the denial, is a subject of the claim.
    pub interested_deniers: Vec<String>,
    /// True when some assertion traces back into a loop of sources citing each other.
    pub circular_reporting: bool,
    /// The verdicts on the claim, sorted by id.
    pub verdicts: Vec<Verdict>,
}

impl Status {
    /// How many independent origins stand behind the claim.
    pub fn independent_origin_count(&self) -> usize {
        self.independent_origins.len()
    }
}

impl ClaimGraph {
    /// The status of one claim: who asserts, denies and doubts it, the origins of its
    /// assertions and how many of them are independent, and the verdicts on it.
    ///
    /// Origins follow cites and authored-by edges from each asserter; deniers and doubters add
    /// none; an assertion resting on other sources for this claim (`basis`) is traced from them
    /// instead of its speaker, so a relay adds no origin. A claim is disputed only when someone
    /// asserts it and someone denies it (a doubt alone does not dispute it; a non-statement
    /// counts neither way). A denial is *interested* when the denier, the author or publisher of
    /// the denying document, or what any of them is affiliated with at the time of the denial
    /// (relations with `since` / `until` are read at that time), is a subject of the claim.
    ///
    /// ```
    /// use claimgraph::*;
    /// let mut g = ClaimGraph::new();
    /// g.add_source(Source::new("rok-sources", SourceKind::UnnamedGroup, "ROK sources"))?;
    /// g.add_source(Source::new("outlet", SourceKind::Outlet, "Yonhap"))?;
    /// g.add_source(Source::new("russia", SourceKind::Government, "Russia"))?;
    /// g.add_claim(Claim::new("ammo", "DPRK supplies ammunition to Russia").subject("russia"))?;
    /// g.add_source_relation(SourceRelation::new("outlet", SourceRelationKind::Cites, "rok-sources"))?;
    /// g.add_attribution(Attribution::new("outlet", "ammo", Stance::Asserts))?;
    /// g.add_attribution(Attribution::new("russia", "ammo", Stance::Denies))?;
    /// let s = g.status("ammo")?;
    /// assert!(s.disputed);
    /// assert_eq!(s.origins[0].id, "rok-sources");
    /// assert!(s.unnamed_only);
    /// assert_eq!(s.interested_deniers, ["russia"]);
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn status(&self, claim: &str) -> Result<Status> {
        let ix = self.claim_index(claim)?;
        let mut analysis = Analysis::sparse(self);
        Ok(self.status_at(ix, &mut analysis))
    }

    /// The status of every claim, in the order the claims were added. Origins are computed once
    /// per source, so this is linear in the size of the graph.
    pub fn statuses(&self) -> Vec<Status> {
        let mut analysis = Analysis::whole(self);
        self.claim_indices()
            .map(|ix| self.status_at(ix, &mut analysis))
            .collect()
    }

    /// Every claim's node, in the order the claims were added.
    pub(crate) fn claim_indices(&self) -> impl Iterator<Item = NodeIndex> + '_ {
        self.graph
            .node_indices()
            .filter(|&ix| matches!(self.graph.node_weight(ix), Some(Node::Claim(_))))
    }

    /// The status of the claim at `ix`, with origins taken from (and added to) `analysis`.
    pub(crate) fn status_at(&self, ix: NodeIndex, analysis: &mut Analysis<'_>) -> Status {
        let stances = self.stances_at(ix);
        let origin_sccs = analysis.origin_sccs_of(&stances.origin_seeds);
        let origins = analysis.origin_records(&origin_sccs);
        let independent_origins = analysis.independence(&origin_sccs);
        let subjects = self.subject_indices(ix);
        let interested_deniers = stances
            .deniers
            .iter()
            .filter(|&&d| {
                stances
                    .denials
                    .iter()
                    .any(|(s, t)| *s == d && analysis.interested_party(d, t, &subjects).is_some())
            })
            .map(|&d| self.node_id(d).to_owned())
            .collect();
        Status {
            claim: self.node_id(ix).to_owned(),
            disputed: !stances.asserters.is_empty() && !stances.deniers.is_empty(),
            unnamed_only: !origins.is_empty() && origins.iter().all(|o| o.unnamed),
            circular_reporting: origins.iter().any(|o| o.circular),
            asserters: ids(self, &stances.asserters),
            deniers: ids(self, &stances.deniers),
            doubters: ids(self, &stances.doubters),
            no_comment: ids(self, &stances.no_comment),
            origins,
            independent_origins,
            interested_deniers,
            verdicts: stances.verdicts,
        }
    }

    /// Who takes which stance on the claim at `ix`, and the verdicts on it.
    pub(crate) fn stances_at(&self, ix: NodeIndex) -> Stances {
        let mut s = Stances::default();
        for e in self.graph.edges_directed(ix, Direction::Incoming) {
            match e.weight() {
                Edge::Attribution(a) => match a.stance {
                    Stance::Asserts => {
                        s.asserters.push(e.source());
                        match a.basis() {
                            [] => s.origin_seeds.push(e.source()),
                            basis => s.origin_seeds.extend_from_slice(basis),
                        }
                    }
                    Stance::Denies => {
                        s.deniers.push(e.source());
                        s.denials.push((e.source(), self.statement_time(a)));
                    }
                    Stance::Doubts => {
                        s.doubters.push(e.source());
                        s.doubts.push((e.source(), self.statement_time(a)));
                    }
                    Stance::NoComment => s.no_comment.push(e.source()),
                },
                Edge::Verdict(_) => s.verdicts.extend(self.verdict_at(e.id())),
                Edge::SourceRelation(_) | Edge::ClaimRelation(_) => {}
            }
        }
        for list in [
            &mut s.origin_seeds,
            &mut s.asserters,
            &mut s.deniers,
            &mut s.doubters,
            &mut s.no_comment,
        ] {
            list.sort_unstable_by(|a, b| self.node_id(*a).cmp(self.node_id(*b)));
            list.dedup();
        }
        s.verdicts.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        s
    }
}

fn ids(g: &ClaimGraph, nodes: &[NodeIndex]) -> Vec<String> {
    nodes.iter().map(|&n| g.node_id(n).to_owned()).collect()
}

/// The sources taking each stance on one claim (distinct, sorted by id), and its verdicts.
#[derive(Debug, Default)]
pub(crate) struct Stances {
    pub(crate) asserters: Vec<NodeIndex>,
    /// Where origins are traced from: each asserter, or, for an assertion resting on others for
    /// this claim, its basis instead.
    pub(crate) origin_seeds: Vec<NodeIndex>,
    pub(crate) deniers: Vec<NodeIndex>,
    /// Every denial (one per statement, not per source) with when it was made.
    pub(crate) denials: Vec<(NodeIndex, StatementTime)>,
    pub(crate) doubters: Vec<NodeIndex>,
    /// Every doubt with when it was made.
    pub(crate) doubts: Vec<(NodeIndex, StatementTime)>,
    pub(crate) no_comment: Vec<NodeIndex>,
    pub(crate) verdicts: Vec<Verdict>,
}
