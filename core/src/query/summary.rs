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
    pub fn summaries(&self) -> Vec<StatusSummary> {
        let mut analysis = Analysis::whole(self);
        let mut scratch = Scratch::default();
        self.claim_indices()
            .map(|ix| self.summary_at(ix, &mut analysis, &mut scratch))
            .collect()
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
        let Scratch {
            asserters,
            deniers,
            doubters,
        } = scratch;
        asserters.clear();
        deniers.clear();
        doubters.clear();
        let mut verdicts = 0;
        // What the counting below does not follow (a basis, claims related to this one, a
        // denial whose interest depends on authorship or time, independence in time) is answered by the full status.
        // Affiliations that hold only for a time make independence depend on when each
        // statement was made, which the full status reads.
        let mut needs_status = self.has_timed_affiliations()
            || self
                .graph
                .edges_directed(ix, Direction::Outgoing)
                .any(|e| matches!(e.weight(), Edge::ClaimRelation(_)));
        for e in self.graph.edges_directed(ix, Direction::Incoming) {
            match e.weight() {
                Edge::Attribution(a) if !a.basis().is_empty() => needs_status = true,
                Edge::ClaimRelation(_) => needs_status = true,
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
        if needs_status || (!deniers.is_empty() && self.has_subjects(ix)) {
            return StatusSummary::of(&self.status_at(ix, analysis));
        }
        for list in [&mut *asserters, &mut *deniers, &mut *doubters] {
            list.sort_unstable();
            list.dedup();
        }
        let sccs = analysis.origin_sccs_of(asserters);
        let (mut unnamed_only, mut circular) = (!sccs.is_empty(), false);
        for &c in &sccs {
            let (unnamed, looped) = analysis.origin_flags(c);
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
            independent_origins: analysis.independent_count(&sccs),
            unnamed_only,
            // A claim with subjects and deniers was answered by the full status above.
            interested_denial: false,
            circular_reporting: circular,
            verdicts,
        }
    }
}
