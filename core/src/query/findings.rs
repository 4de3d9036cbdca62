//! Graph-wide findings: what a fact-checker should look at first.

use std::collections::HashMap;

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef, IntoEdgeReferences};

use crate::graph::{ClaimGraph, Edge};
use crate::model::ClaimRelationKind;
use crate::query::origins::Analysis;
use crate::query::status::Status;

/// A loop of sources citing each other.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct CircularReporting {
    /// The sources in the loop, sorted.
    pub sources: Vec<String>,
    /// The claims whose assertions trace into the loop, sorted.
    pub claims: Vec<String>,
}

/// Two claims that cannot both be true, yet both stand asserted.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct Contradiction {
    /// One claim (the `from` of the contradicts relation).
    pub claim: String,
    /// The claim it contradicts.
    pub other: String,
    /// Sources that assert both, sorted (empty when different sources assert each).
    pub sources_asserting_both: Vec<String>,
}

/// Graph-wide findings, each list sorted.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
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

impl ClaimGraph {
    /// Every graph-wide finding, each list sorted:
    ///
    /// - `disputed`: claims asserted by some source and denied by another (or the same);
    /// - `single_origin`: asserted claims whose origins form exactly one independent group;
    /// - `unnamed_only`: claims whose origins are all unnamed groups or collectives;
    /// - `circular_reporting`: every loop of sources citing each other (whether or not it cites
    ///   anyone outside itself), with the claims asserted by a source from which the loop is
    ///   reachable;
    /// - `contradictions`: each contradicts relation whose two claims are both asserted, with the
    ///   sources asserting both.
    ///
    /// Origins are computed once for the whole graph.
    ///
    /// ```
    /// use claimgraph::*;
    /// let mut g = ClaimGraph::new();
    /// g.add_source(Source::new("kcna", SourceKind::Outlet, "KCNA"))?;
    /// g.add_source(Source::new("russia", SourceKind::Government, "Russia"))?;
    /// g.add_claim(Claim::new("ammo", "DPRK supplies ammunition to Russia"))?;
    /// g.add_attribution(Attribution::new("kcna", "ammo", Stance::Asserts))?;
    /// g.add_attribution(Attribution::new("russia", "ammo", Stance::Denies))?;
    /// let f = g.findings();
    /// assert_eq!(f.disputed, ["ammo"]);
    /// assert_eq!(f.single_origin, ["ammo"]);
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn findings(&self) -> Findings {
        let mut analysis = Analysis::whole(self);
        let claims: Vec<NodeIndex> = self.claim_indices().collect();
        let statuses: Vec<Status> = claims
            .iter()
            .map(|&ix| self.status_at(ix, &mut analysis))
            .collect();

        let mut f = Findings::default();
        for s in &statuses {
            let asserted = !s.asserters.is_empty();
            if s.disputed {
                f.disputed.push(s.claim.clone());
            }
            if asserted && s.independent_origin_count() == 1 {
                f.single_origin.push(s.claim.clone());
            }
            if s.unnamed_only {
                f.unnamed_only.push(s.claim.clone());
            }
        }
        f.disputed.sort_unstable();
        f.single_origin.sort_unstable();
        f.unnamed_only.sort_unstable();

        let loops = analysis.all_loops();
        if !loops.is_empty() {
            let mut claims_of: HashMap<usize, Vec<String>> = HashMap::new();
            for (&ix, s) in claims.iter().zip(&statuses) {
                if s.asserters.is_empty() {
                    continue;
                }
                let asserters = self.stances_at(ix).asserters;
                for c in analysis.loop_sccs_of(&asserters) {
                    claims_of.entry(c).or_default().push(s.claim.clone());
                }
            }
            f.circular_reporting = loops
                .into_iter()
                .map(|(c, sources)| {
                    let mut claims = claims_of.remove(&c).unwrap_or_default();
                    claims.sort_unstable();
                    CircularReporting { sources, claims }
                })
                .collect();
            f.circular_reporting.sort_unstable();
        }

        let position: HashMap<NodeIndex, usize> =
            claims.iter().enumerate().map(|(i, &ix)| (ix, i)).collect();
        for e in self.graph.edge_references() {
            let Edge::ClaimRelation(r) = e.weight() else {
                continue;
            };
            if r.kind != ClaimRelationKind::Contradicts {
                continue;
            }
            let (Some(a), Some(b)) = (
                position.get(&e.source()).and_then(|&i| statuses.get(i)),
                position.get(&e.target()).and_then(|&i| statuses.get(i)),
            ) else {
                continue;
            };
            if a.asserters.is_empty() || b.asserters.is_empty() {
                continue;
            }
            f.contradictions.push(Contradiction {
                claim: a.claim.clone(),
                other: b.claim.clone(),
                sources_asserting_both: sorted_intersection(&a.asserters, &b.asserters),
            });
        }
        f.contradictions.sort_unstable();
        f.contradictions.dedup();
        f
    }
}

/// The ids in both sorted lists.
fn sorted_intersection(a: &[String], b: &[String]) -> Vec<String> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(x.clone());
                i += 1;
                j += 1;
            }
        }
    }
    out
}
