//! A claim's status: who asserts, denies and doubts it, and what stands behind it.

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;

use crate::error::Result;
use std::collections::HashSet;

use crate::graph::{AttributionData, ClaimGraph, Edge, Node};
use crate::model::{ClaimRelationKind, Stance, Verdict};
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
    /// The verdicts on the claim (and on its rewordings), sorted by id.
    pub verdicts: Vec<Verdict>,
    /// The stances counted for this claim because of relations between claims, each with why:
    /// what was said of a rewording (same-as, also in the lists above), assertions of its
    /// specializations (support carried up) and denials of what it specializes (carried down).
    /// Sorted by claim, stance, source.
    pub inferred: Vec<Inference>,
}

impl Status {
    /// How many independent origins stand behind the claim.
    pub fn independent_origin_count(&self) -> usize {
        self.independent_origins.len()
    }

    /// What a reader looks for at a glance, in this order, each only when it holds:
    /// `"disputed"`, `"interested denial"` (some denier is an interested party),
    /// `"unnamed sources only"`, `"circular reporting"`, `"no comment"` (someone declined to
    /// comment), `"related claims"` (stances counted through same-as or specializes) and
    /// `"verdict"`. A status table shows these as its flags column.
    ///
    /// ```
    /// use claimgraph::*;
    /// let mut g = ClaimGraph::new();
    /// g.add_source(Source::new("rok-sources", SourceKind::UnnamedGroup, "ROK sources"))?;
    /// g.add_source(Source::new("russia", SourceKind::Government, "Russia"))?;
    /// g.add_claim(Claim::new("ammo", "DPRK supplies ammunition to Russia").subject("russia"))?;
    /// g.add_attribution(Attribution::new("rok-sources", "ammo", Stance::Asserts))?;
    /// g.add_attribution(Attribution::new("russia", "ammo", Stance::Denies))?;
    /// assert_eq!(
    ///     g.status("ammo")?.flags(),
    ///     ["disputed", "interested denial", "unnamed sources only"]
    /// );
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn flags(&self) -> Vec<&'static str> {
        [
            (self.disputed, "disputed"),
            (!self.interested_deniers.is_empty(), "interested denial"),
            (self.unnamed_only, "unnamed sources only"),
            (self.circular_reporting, "circular reporting"),
            (!self.no_comment.is_empty(), "no comment"),
            (!self.inferred.is_empty(), "related claims"),
            (!self.verdicts.is_empty(), "verdict"),
        ]
        .into_iter()
        .filter_map(|(on, name)| on.then_some(name))
        .collect()
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
    /// Independence is judged at the time of each statement too: origins answer to the same
    /// body when their affiliation chains, following only the affiliations that may hold when
    /// the assertions leading to them were made, share a top (a former minister's view of 2021
    /// is not the government's).
    ///
    /// Relations between claims count, each shown in `inferred`: a claim linked by same-as (a
    /// rewording, either way, at any distance) is the same claim, so the stances, origins and
    /// verdicts of every wording are pooled into every list above; an assertion of a claim that
    /// specializes this one (at any depth) supports it, and a denial of a claim this one
    /// specializes counts against it: both make the claim disputed and are weighed by the
    /// assessment, without entering the lists of who asserts and denies this claim itself.
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
        let timed_tops = analysis.origin_tops_at(&stances.assertions);
        let independent_origins = analysis.independence(&origin_sccs, timed_tops.as_ref());
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
            disputed: (!stances.asserters.is_empty() || !stances.carried_seeds.is_empty())
                && (!stances.deniers.is_empty() || !stances.carried_deniers.is_empty()),
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
            inferred: stances.inferred,
        }
    }

    /// Who takes which stance on the claim at `ix` and on its rewordings (claims linked to it
    /// by same-as, at any distance), and the verdicts on them; and the stances carried to it
    /// from related claims: assertions of its specializations, denials of what it specializes.
    pub(crate) fn stances_at(&self, ix: NodeIndex) -> Stances {
        let mut s = Stances::default();
        let related = self.related_claims(ix);
        for &c in &related.pool {
            self.collect_stances(c, ix, &mut s);
        }
        if !related.specializations.is_empty() || !related.generalizations.is_empty() {
            // A statement that also covers this claim (or a rewording) is counted already.
            let direct: HashSet<&str> = related
                .pool
                .iter()
                .flat_map(|&c| self.graph.edges_directed(c, Direction::Incoming))
                .filter_map(|e| match e.weight() {
                    Edge::Attribution(a) => Some(a.id.as_str()),
                    _ => None,
                })
                .collect();
            for &c in &related.specializations {
                self.collect_carried(c, Stance::Asserts, &direct, &mut s);
            }
            for &c in &related.generalizations {
                self.collect_carried(c, Stance::Denies, &direct, &mut s);
            }
        }
        for list in [
            &mut s.origin_seeds,
            &mut s.asserters,
            &mut s.deniers,
            &mut s.doubters,
            &mut s.no_comment,
            &mut s.carried_seeds,
            &mut s.carried_deniers,
        ] {
            list.sort_unstable_by(|a, b| self.node_id(*a).cmp(self.node_id(*b)));
            list.dedup();
        }
        s.verdicts.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        s.inferred.sort_unstable_by(|a, b| {
            (&a.claim, a.stance, &a.source, &a.attribution).cmp(&(
                &b.claim,
                b.stance,
                &b.source,
                &b.attribution,
            ))
        });
        s.inferred.dedup();
        s
    }

    /// The stances taken on claim `c`, one of the rewordings of `ix` (or `ix` itself).
    fn collect_stances(&self, c: NodeIndex, ix: NodeIndex, s: &mut Stances) {
        for e in self.graph.edges_directed(c, Direction::Incoming) {
            match e.weight() {
                Edge::Attribution(a) => {
                    let time = self.statement_time(e.source(), a);
                    match a.stance {
                        Stance::Asserts => {
                            let speaker = e.source();
                            s.asserters.push(speaker);
                            let seeds = a.traced_from(&speaker);
                            s.origin_seeds.extend_from_slice(seeds);
                            s.assertions.extend(seeds.iter().map(|&b| (b, time)));
                        }
                        Stance::Denies => {
                            s.deniers.push(e.source());
                            s.denials.push((e.source(), time));
                        }
                        Stance::Doubts => {
                            s.doubters.push(e.source());
                            s.doubts.push((e.source(), time));
                        }
                        Stance::NoComment => s.no_comment.push(e.source()),
                    }
                    if c != ix {
                        s.inferred.push(self.inference(
                            e.source(),
                            a,
                            c,
                            ClaimRelationKind::SameAs,
                        ));
                    }
                }
                Edge::Verdict(_) => s.verdicts.extend(self.verdict_at(e.id())),
                Edge::SourceRelation(_) | Edge::ClaimRelation(_) => {}
            }
        }
    }

    /// The statements of `stance` on claim `c`, a specialization (for assertions) or a
    /// generalization (for denials) of the claim asked about, carried to it.
    fn collect_carried(
        &self,
        c: NodeIndex,
        stance: Stance,
        direct: &HashSet<&str>,
        s: &mut Stances,
    ) {
        for e in self.graph.edges_directed(c, Direction::Incoming) {
            let Edge::Attribution(a) = e.weight() else {
                continue;
            };
            if a.stance != stance || direct.contains(a.id.as_str()) {
                continue;
            }
            let time = self.statement_time(e.source(), a);
            match stance {
                Stance::Asserts => {
                    let speaker = e.source();
                    let seeds = a.traced_from(&speaker);
                    s.carried_seeds.extend_from_slice(seeds);
                    s.carried_assertions
                        .extend(seeds.iter().map(|&b| (b, time)));
                }
                _ => {
                    s.carried_deniers.push(e.source());
                    s.carried_denials.push((e.source(), time));
                }
            }
            s.inferred
                .push(self.inference(e.source(), a, c, ClaimRelationKind::Specializes));
        }
    }

    fn inference(
        &self,
        source: NodeIndex,
        a: &AttributionData,
        claim: NodeIndex,
        relation: ClaimRelationKind,
    ) -> Inference {
        let (who, what) = (self.node_id(source), self.node_id(claim));
        let stance = a.stance;
        let detail = match (relation, stance) {
            (ClaimRelationKind::SameAs, _) => format!(
                "{who} {stance} {what}, another wording of this claim (same_as): counted as said of this claim"
            ),
            (_, Stance::Asserts) => format!(
                "{who} asserts {what}, a specialization of this claim: the assertion supports this claim"
            ),
            _ => format!(
                "{who} denies {what}, which this claim specializes: the denial counts against this claim"
            ),
        };
        Inference {
            source: who.to_owned(),
            stance,
            claim: what.to_owned(),
            relation,
            attribution: a.id.clone(),
            detail,
        }
    }

    /// The claims related to `ix` in a way the answers follow.
    pub(crate) fn related_claims(&self, ix: NodeIndex) -> RelatedClaims {
        let lone = !self
            .graph
            .edges_directed(ix, Direction::Outgoing)
            .chain(self.graph.edges_directed(ix, Direction::Incoming))
            .any(|e| {
                matches!(e.weight(), Edge::ClaimRelation(r)
                    if matches!(r.kind, ClaimRelationKind::SameAs | ClaimRelationKind::Specializes))
            });
        if lone {
            return RelatedClaims {
                pool: vec![ix],
                specializations: Vec::new(),
                generalizations: Vec::new(),
            };
        }
        let pool = self.same_as_pool(&[ix]);
        let specializations = self.along_specializes(&pool, Direction::Incoming);
        let generalizations = self.along_specializes(&pool, Direction::Outgoing);
        RelatedClaims {
            pool,
            specializations,
            generalizations,
        }
    }

    /// The claims linked to any of `start` by same-as edges (either way, at any distance),
    /// `start` included, in the order found.
    pub(crate) fn same_as_pool(&self, start: &[NodeIndex]) -> Vec<NodeIndex> {
        let mut pool: Vec<NodeIndex> = start.to_vec();
        let mut seen: HashSet<NodeIndex> = pool.iter().copied().collect();
        let mut i = 0;
        while let Some(&c) = pool.get(i) {
            i += 1;
            for n in self
                .claim_neighbours(c, ClaimRelationKind::SameAs, Direction::Outgoing)
                .chain(self.claim_neighbours(c, ClaimRelationKind::SameAs, Direction::Incoming))
            {
                if seen.insert(n) {
                    pool.push(n);
                }
            }
        }
        pool
    }

    /// The claims reached from `pool` along specializes edges in `dir` (incoming: the
    /// specializations; outgoing: what it specializes), at any depth, with their rewordings,
    /// leaving out the pool itself.
    fn along_specializes(&self, pool: &[NodeIndex], dir: Direction) -> Vec<NodeIndex> {
        let mut seen: HashSet<NodeIndex> = pool.iter().copied().collect();
        let mut frontier: Vec<NodeIndex> = pool.to_vec();
        let mut out = Vec::new();
        while let Some(c) = frontier.pop() {
            let next: Vec<NodeIndex> = self
                .claim_neighbours(c, ClaimRelationKind::Specializes, dir)
                .filter(|n| !seen.contains(n))
                .collect();
            if next.is_empty() {
                continue;
            }
            for n in self.same_as_pool(&next) {
                if seen.insert(n) {
                    out.push(n);
                    frontier.push(n);
                }
            }
        }
        out
    }

    /// The claims linked to `c` by claim relations of `kind` in `dir`.
    fn claim_neighbours(
        &self,
        c: NodeIndex,
        kind: ClaimRelationKind,
        dir: Direction,
    ) -> impl Iterator<Item = NodeIndex> + '_ {
        self.graph
            .edges_directed(c, dir)
            .filter_map(move |e| match e.weight() {
                Edge::ClaimRelation(r) if r.kind == kind => Some(match dir {
                    Direction::Outgoing => e.target(),
                    Direction::Incoming => e.source(),
                }),
                _ => None,
            })
    }
}

/// The claims whose stances count for a claim: its rewordings, its specializations and what it
/// specializes.
pub(crate) struct RelatedClaims {
    /// The claim and its rewordings (same-as, either way, at any distance).
    pub(crate) pool: Vec<NodeIndex>,
    /// Claims that specialize it (at any depth), with their rewordings.
    pub(crate) specializations: Vec<NodeIndex>,
    /// Claims it specializes (at any depth), with their rewordings.
    pub(crate) generalizations: Vec<NodeIndex>,
}

/// A stance counted for a claim because of a relation between claims: said of a rewording
/// (same-as), an assertion of a specialization (support carried up), or a denial of a claim
/// this one specializes (carried down).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct Inference {
    /// Who took the stance (a source id).
    pub source: String,
    /// The stance taken.
    pub stance: Stance,
    /// The related claim it was taken on.
    pub claim: String,
    /// How that claim stands to this one: `same_as` or `specializes`.
    pub relation: ClaimRelationKind,
    /// The attribution that records it.
    pub attribution: String,
    /// A sentence for a reader.
    pub detail: String,
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
    /// Every assertion's origin seed with when the assertion was made.
    pub(crate) assertions: Vec<(NodeIndex, StatementTime)>,
    /// Origin seeds of the assertions of specializations (support carried up).
    pub(crate) carried_seeds: Vec<NodeIndex>,
    /// The same, with when each was made.
    pub(crate) carried_assertions: Vec<(NodeIndex, StatementTime)>,
    /// Deniers of claims this one specializes (denial carried down).
    pub(crate) carried_deniers: Vec<NodeIndex>,
    /// Their denials, with when each was made.
    pub(crate) carried_denials: Vec<(NodeIndex, StatementTime)>,
    /// The stances carried from related claims, for the reader.
    pub(crate) inferred: Vec<Inference>,
}
