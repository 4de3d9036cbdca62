//! Status figures for every claim at once: the numbers of a status, without its lists.

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;

use crate::error::Result;
use crate::graph::{ClaimGraph, Edge};
use crate::model::Stance;
use crate::query::origins::Analysis;

/// The figures of a claim's [`Status`](crate::Status): how many assert, deny and doubt it, how
/// many origins and independent origins stand behind it, and its flags.
///
/// Every figure equals the length (or flag) of the same field of the claim's status; only the
/// lists of ids are left out, which makes a table of a whole graph's claims cheap to build.
///
/// ```
/// use claimgraph::{Attribution, Claim, ClaimGraph, Source, SourceKind, Stance};
/// let mut g = ClaimGraph::new();
/// g.add_source(Source::new("officials", SourceKind::UnnamedGroup, "officials"))?;
/// g.add_source(Source::new("daily", SourceKind::Outlet, "The Daily"))?;
/// g.add_claim(Claim::new("c", "The mayor approved the budget"))?;
/// g.add_attribution(Attribution::new("officials", "c", Stance::Asserts))?;
/// g.add_attribution(Attribution::new("daily", "c", Stance::Denies))?;
/// let s = g.summary("c")?;
/// assert_eq!((s.asserters, s.deniers, s.disputed, s.origins), (1, 1, true, 1));
/// assert!(s.unnamed_only);
/// # Ok::<(), claimgraph::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct StatusSummary {
    /// The claim's id.
    pub claim: String,
    /// How many distinct sources assert it.
    pub asserters: usize,
    /// How many distinct sources deny it.
    pub deniers: usize,
    /// How many distinct sources doubt it.
    pub doubters: usize,
    /// True when it is both asserted and denied.
    pub disputed: bool,
    /// How many origins its assertions trace back to.
    pub origins: usize,
    /// How many independent origins stand behind it.
    pub independent_origins: usize,
    /// True when it is asserted and every origin is an unnamed group or a collective.
    pub unnamed_only: bool,
    /// True when a denier is a subject of the claim or affiliated with one.
    pub interested_denial: bool,
    /// True when some assertion traces back into a loop of sources citing each other.
    pub circular_reporting: bool,
    /// How many verdicts it has.
    pub verdicts: usize,
}

impl StatusSummary {
    /// A summary of no claim, to be overwritten.
    fn blank() -> StatusSummary {
        StatusSummary {
            claim: String::new(),
            asserters: 0,
            deniers: 0,
            doubters: 0,
            disputed: false,
            origins: 0,
            independent_origins: 0,
            unnamed_only: false,
            interested_denial: false,
            circular_reporting: false,
            verdicts: 0,
        }
    }

    /// The figures of a full status.
    fn of(s: &crate::query::Status) -> StatusSummary {
        StatusSummary {
            claim: s.claim.clone(),
            asserters: s.asserters.len(),
            deniers: s.deniers.len(),
            doubters: s.doubters.len(),
            disputed: s.disputed,
            origins: s.origins.len(),
            independent_origins: s.independent_origin_count(),
            unnamed_only: s.unnamed_only,
            interested_denial: !s.interested_deniers.is_empty(),
            circular_reporting: s.circular_reporting,
            verdicts: s.verdicts.len(),
        }
    }
}

/// The number of claims from which [`ClaimGraph::summaries`] counts with several threads.
const PARALLEL_SUMMARIES_FROM: usize = 20_000;

/// The most threads [`ClaimGraph::summaries`] uses.
const MAX_SUMMARY_THREADS: usize = 8;

/// Buffers reused from claim to claim, so a whole-graph pass allocates little.
#[derive(Default)]
struct Scratch {
    asserters: Vec<NodeIndex>,
    deniers: Vec<NodeIndex>,
    doubters: Vec<NodeIndex>,
}

impl ClaimGraph {
    /// The status figures of one claim.
    pub fn summary(&self, claim: &str) -> Result<StatusSummary> {
        let ix = self.claim_index(claim)?;
        let mut analysis = Analysis::sparse(self);
        Ok(self.summary_at(ix, &mut analysis, &mut Scratch::default()))
    }

    /// The status figures of every claim, in the order the claims were added.
    ///
    /// The same answers as [`ClaimGraph::statuses`] with the lists counted instead of listed;
    /// origins are computed once per source, so this is linear in the size of the graph.
    ///
    /// A graph of many claims is counted by several threads (up to the machine's cores): every
    /// source's origins are worked out first, then the claims are shared out in runs, and the
    /// few that need their full status get it afterwards, one by one.
    pub fn summaries(&self) -> Vec<StatusSummary> {
        let mut analysis = Analysis::whole(self);
        let threads = std::thread::available_parallelism()
            .map_or(1, usize::from)
            .min(MAX_SUMMARY_THREADS);
        let claims: Vec<NodeIndex> = self.claim_indices().collect();
        if threads < 2 || claims.len() < PARALLEL_SUMMARIES_FROM {
            let mut scratch = Scratch::default();
            return claims
                .into_iter()
                .map(|ix| self.summary_at(ix, &mut analysis, &mut scratch))
                .collect();
        }
        analysis.prepare_every_source();
        let shared = &analysis;
        let run = claims.len().div_ceil(threads);
        let mut out = vec![StatusSummary::blank(); claims.len()];
        // Each run fills its part of `out` and lists the positions it left to the full status.
        let left: Vec<usize> = std::thread::scope(|scope| {
            let runs: Vec<_> = claims
                .chunks(run)
                .zip(out.chunks_mut(run))
                .enumerate()
                .map(|(n, (part, slots))| {
                    scope.spawn(move || {
                        let mut scratch = Scratch::default();
                        let mut left = Vec::new();
                        for (k, (&ix, slot)) in part.iter().zip(slots).enumerate() {
                            match self.prepared_summary(ix, shared, &mut scratch) {
                                Some(summary) => *slot = summary,
                                None => left.push(n * run + k),
                            }
                        }
                        left
                    })
                })
                .collect();
            let mut left = Vec::new();
            for r in runs {
                match r.join() {
                    Ok(part) => left.extend(part),
                    // A panic in a run is this call's panic, as without threads.
                    Err(p) => std::panic::resume_unwind(p),
                }
            }
            left
        });
        for k in left {
            if let (Some(&ix), Some(slot)) = (claims.get(k), out.get_mut(k)) {
                *slot = StatusSummary::of(&self.status_at(ix, &mut analysis));
            }
        }
        out
    }

    /// Hands `f` the status figures of every claim, in the order the claims were added, one at
    /// a time (what [`ClaimGraph::summaries`] collects), stopping at `f`'s first error.
    #[cfg(feature = "parquet")]
    pub(crate) fn for_each_summary<E>(
        &self,
        mut f: impl FnMut(StatusSummary) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let mut analysis = Analysis::whole(self);
        let mut scratch = Scratch::default();
        for ix in self.claim_indices() {
            f(self.summary_at(ix, &mut analysis, &mut scratch))?;
        }
        Ok(())
    }

    fn summary_at(
        &self,
        ix: NodeIndex,
        analysis: &mut Analysis<'_>,
        scratch: &mut Scratch,
    ) -> StatusSummary {
        match self.tally(ix, scratch) {
            Some(verdicts) => {
                analysis.prepare_sources(&scratch.asserters);
                self.counted_summary(ix, scratch, verdicts, analysis)
            }
            None => StatusSummary::of(&self.status_at(ix, analysis)),
        }
    }

    /// The figures of the claim at `ix` from an analysis prepared for every source, or `None`
    /// when only its full status can say (see [`ClaimGraph::tally`]).
    fn prepared_summary(
        &self,
        ix: NodeIndex,
        analysis: &Analysis<'_>,
        scratch: &mut Scratch,
    ) -> Option<StatusSummary> {
        let verdicts = self.tally(ix, scratch)?;
        Some(self.counted_summary(ix, scratch, verdicts, analysis))
    }

    /// Sorts the claim's asserters, deniers and doubters into `scratch` (each distinct) and
    /// returns its number of verdicts; `None` when what the counting does not follow is there:
    /// a basis, claims related to this one, a denial whose interest depends on authorship or
    /// time, affiliations that hold only for a time (independence then depends on when each
    /// statement was made). The full status answers those.
    fn tally(&self, ix: NodeIndex, scratch: &mut Scratch) -> Option<usize> {
        let Scratch {
            asserters,
            deniers,
            doubters,
        } = scratch;
        asserters.clear();
        deniers.clear();
        doubters.clear();
        let mut verdicts = 0;
        if self.has_timed_affiliations()
            || self
                .graph
                .edges_directed(ix, Direction::Outgoing)
                .any(|e| matches!(e.weight(), Edge::ClaimRelation(_)))
        {
            return None;
        }
        for e in self.graph.edges_directed(ix, Direction::Incoming) {
            match e.weight() {
                Edge::Attribution(a) if !a.basis().is_empty() => return None,
                Edge::ClaimRelation(_) => return None,
                Edge::Attribution(a) => match a.stance {
                    Stance::Asserts => asserters.push(e.source()),
                    Stance::Denies => deniers.push(e.source()),
                    Stance::Doubts => doubters.push(e.source()),
                    Stance::NoComment => {}
                },
                Edge::Verdict(_) => verdicts += 1,
                Edge::SourceRelation(_) => {}
            }
        }
        if !deniers.is_empty() && self.has_subjects(ix) {
            return None;
        }
        for list in [&mut *asserters, &mut *deniers, &mut *doubters] {
            list.sort_unstable();
            list.dedup();
        }
        Some(verdicts)
    }

    /// The figures of a claim that [`ClaimGraph::tally`] counted, its asserters' origins
    /// prepared in `analysis`.
    fn counted_summary(
        &self,
        ix: NodeIndex,
        scratch: &Scratch,
        verdicts: usize,
        analysis: &Analysis<'_>,
    ) -> StatusSummary {
        let Scratch {
            asserters,
            deniers,
            doubters,
        } = scratch;
        let sccs = analysis.known_origin_sccs_of(asserters);
        let (mut unnamed_only, mut circular) = (!sccs.is_empty(), false);
        for &c in &sccs {
            let (unnamed, looped) = analysis.known_origin_flags(c);
            unnamed_only &= unnamed;
            circular |= looped;
        }
        StatusSummary {
            claim: self.node_id(ix).to_owned(),
            asserters: asserters.len(),
            deniers: deniers.len(),
            doubters: doubters.len(),
            disputed: !asserters.is_empty() && !deniers.is_empty(),
            origins: sccs.len(),
            independent_origins: analysis.known_independent_count(&sccs),
            unnamed_only,
            // A claim with subjects and deniers was answered by the full status above.
            interested_denial: false,
            circular_reporting: circular,
            verdicts,
        }
    }
}
