//! The record as it stood on a given date.

use std::cmp::Ordering;

use chrono::{DateTime, Utc};
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeIndexable, EdgeRef, IntoEdgeReferences, NodeIndexable};

use crate::graph::{AttributionData, ClaimGraph, Edge, Node};
use crate::time::When;

/// What the record knows of when a statement was made: some time from `earliest` to `latest`
/// (UTC, inclusive), from its `said` date and from the hops that carried it (a statement is made
/// on or before the day any hop carried it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct StatementTime {
    pub(crate) earliest: DateTime<Utc>,
    pub(crate) latest: DateTime<Utc>,
    /// True when `said` or some hop gave a date at all.
    pub(crate) known: bool,
}

impl StatementTime {
    /// True when a relation holding from `since` to `until` may hold at some moment of this
    /// time (cautious: an overlap is enough; an unknown time always may).
    pub(crate) fn may_meet(&self, since: Option<&When>, until: Option<&When>) -> bool {
        if !self.known {
            return true;
        }
        let before = since.is_some_and(|s| self.latest < s.start());
        let after = until.is_some_and(|u| self.earliest > u.last());
        !(before || after)
    }
}

impl ClaimGraph {
    /// The date a hop carried a statement: its own, or its source's `published` date.
    fn hop_date(&self, source: NodeIndex, date: Option<When>) -> Option<When> {
        date.or_else(|| self.source_at(source).and_then(|s| s.published))
    }

    /// When the statement on an attribution edge from `speaker` was made, as far as the record
    /// tells: its `said` date, bounded by the day each hop carried it and, when the speaker is a
    /// published document speaking in its own voice, by its publication.
    pub(crate) fn statement_time(&self, speaker: NodeIndex, a: &AttributionData) -> StatementTime {
        let mut t = StatementTime {
            earliest: DateTime::<Utc>::MIN_UTC,
            latest: DateTime::<Utc>::MAX_UTC,
            known: false,
        };
        if let Some(s) = &a.said {
            t.earliest = s.start();
            t.latest = s.last();
            t.known = true;
        }
        let own = self.source_at(speaker).and_then(|s| s.published);
        for (v, date) in a.hops().chain(own.map(|d| (speaker, Some(d)))) {
            if let Some(d) = self.hop_date(v, date) {
                t.latest = t.latest.min(d.last());
                t.known = true;
            }
        }
        t
    }
}

/// Why an attribution or verdict could not be placed before or after the cut-off.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct Unplaced {
    /// The attribution's or verdict's id.
    pub id: String,
    /// What the record lacks, in a sentence.
    pub reason: String,
}

/// The graph as it stood on a date, and what could not be placed in time.
///
/// Built by [`ClaimGraph::as_of`], whose documentation gives the rule record by record. In
/// short: attributions and verdicts are kept when their time is entirely on or before the
/// cut-off (the last instant of `date`), dropped when entirely after it, and listed in
/// `unplaced` when they have no time or their partial date straddles the cut-off; documents
/// published after the cut-off are dropped with their edges; a claim is kept when something on
/// it was kept or when nothing was ever attributed to it nor said of it.
#[derive(Debug, Clone, PartialEq)]
pub struct AsOf {
    /// The cut-off.
    pub date: When,
    /// The graph as it stood then.
    pub graph: ClaimGraph,
    /// Ids of attributions and verdicts left out because they cannot be placed before or after
    /// the cut-off (no date, or a partial date that straddles it), sorted.
    pub unplaced: Vec<String>,
    /// The same, each with the reason it could not be placed, sorted by id.
    pub unplaced_reasons: Vec<Unplaced>,
}

impl ClaimGraph {
    /// The graph as it stood on `date`, and what could not be placed in time.
    ///
    /// The cut-off is the last instant of `date` (the end of the day for `2024-06-10`, the end of
    /// June for `2024-06`). A time is *on or before* the cut-off when it ends no later than the
    /// cut-off, *after* it when it begins later, and *straddles* it otherwise (`2024-06` against
    /// a cut-off of `2024-06-10`). Record by record:
    ///
    /// - **Sources** are kept, except a source with a `published` date after the cut-off (a
    ///   document not yet published), which is dropped together with every edge from or to it
    ///   and every attribution reported `via` it.
    /// - **Attributions** are placed by what is known of when the statement was made: its
    ///   `said` date, and the reporting chain, which bounds it: a statement carried by a hop on
    ///   some day (the hop's own date, or else the `published` date of its source) was made on
    ///   or before that day; a published document speaking in its own voice (an article's own
    ///   sentence, with no hop) said it on or before its publication. Kept when all it may be is on or before the cut-off; dropped when
    ///   it was said after the cut-off, or a hop carried it only after the cut-off (the record
    ///   did not have it yet); otherwise left out and listed in `unplaced`, with the reason in
    ///   `unplaced_reasons` (no date anywhere, or a date that straddles the cut-off). A
    ///   first-version attribution (one `via`, no hop date) is placed by its `said`, or by its
    ///   `via` document's publication, as before.
    /// - **Verdicts**: the same rule on the verdict's `date` (an undated verdict is unplaced).
    /// - **Relations between sources** are background facts, not reports: kept unless their
    ///   `date` is after the cut-off (undated and straddling ones are kept).
    /// - **Claims** are kept when at least one attribution or verdict on them was kept, or when
    ///   they had none at all in the full graph (an unattributed claim is a standing part of the
    ///   record). A claim whose attributions all came later, or cannot be placed, did not exist
    ///   yet, unless one of its rewordings (claims linked to it by same-as) was kept: a
    ///   rewording is the same claim. Subjects that were dropped are removed from the claim.
    /// - **Relations between claims** are kept when both claims are kept.
    ///
    /// An edge dropped because one of its ends was dropped is dropped, not unplaced.
    ///
    /// ```
    /// use claimgraph::*;
    /// let mut g = ClaimGraph::new();
    /// g.add_source(Source::new("article", SourceKind::Document, "The article")
    ///     .published("2024-06-18".parse()?))?;
    /// g.add_source(Source::new("rok-sources", SourceKind::UnnamedGroup, "ROK sources"))?;
    /// g.add_claim(Claim::new("ammo", "DPRK supplies ammunition to Russia"))?;
    /// g.add_attribution(Attribution::new("rok-sources", "ammo", Stance::Asserts).via("article"))?;
    /// let before = g.as_of(&"2024-06-17".parse()?);
    /// assert!(before.graph.claim("ammo").is_none());   // not reported yet
    /// let after = g.as_of(&"2024-06-18".parse()?);
    /// assert!(after.graph.claim("ammo").is_some());
    /// let june = g.as_of(&"2024-06".parse()?);
    /// assert!(june.unplaced.is_empty());
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn as_of(&self, date: &When) -> AsOf {
        let after = |w: &When| w.compare_to_cutoff(date) == Some(Ordering::Greater);
        let bound = self.graph.node_bound();

        // Nodes: sources published later are dropped; claims are decided below.
        let mut keep = vec![false; bound];
        for ix in self.graph.node_indices() {
            if let Some(Node::Source(s)) = self.graph.node_weight(ix) {
                set(&mut keep, ix, !s.published.as_ref().is_some_and(after));
            }
        }
        let kept = |keep: &[bool], ix: NodeIndex| keep.get(ix.index()).copied().unwrap_or(false);

        let mut unplaced: Vec<Unplaced> = Vec::new();
        let mut reported = vec![false; bound]; // claims with any attribution or verdict at all
        let mut standing = vec![false; bound]; // claims with one that was kept
        let mut kept_edges = vec![false; self.graph.edge_bound()];
        let cut = date.last();
        for e in self.graph.edge_references() {
            let (from, to) = (e.source(), e.target());
            let time = match e.weight() {
                Edge::Attribution(a) => {
                    set(&mut reported, to, true);
                    if a.hops().any(|(v, _)| !kept(&keep, v)) || !kept(&keep, from) {
                        continue;
                    }
                    let later_hop = a
                        .hops()
                        .filter_map(|(v, d)| self.hop_date(v, d))
                        .any(|d| d.start() > cut);
                    let t = self.statement_time(from, a);
                    if later_hop || t.earliest > cut {
                        continue;
                    }
                    if t.latest <= cut {
                        set_edge(&mut kept_edges, e.id().index(), true);
                        set(&mut standing, to, true);
                    } else if !a.is_cover() {
                        let reason = if t.known {
                            format!(
                                "made some time from {} to {}, which straddles the cut-off",
                                describe_bound(t.earliest),
                                describe_bound(t.latest)
                            )
                        } else {
                            "no date: neither when it was said nor when any hop carried it is known"
                                .to_owned()
                        };
                        unplaced.push(Unplaced {
                            id: a.id.clone(),
                            reason,
                        });
                    }
                    continue;
                }
                Edge::Verdict(v) => {
                    set(&mut reported, to, true);
                    v.date
                }
                Edge::SourceRelation(r) => {
                    let keep_it =
                        kept(&keep, from) && kept(&keep, to) && !r.date.as_ref().is_some_and(after);
                    set_edge(&mut kept_edges, e.id().index(), keep_it);
                    continue;
                }
                Edge::ClaimRelation(_) => continue,
            };
            if !kept(&keep, from) {
                continue;
            }
            match time.and_then(|t| t.compare_to_cutoff(date)) {
                Some(Ordering::Less | Ordering::Equal) => {
                    set_edge(&mut kept_edges, e.id().index(), true);
                    set(&mut standing, to, true);
                }
                Some(Ordering::Greater) => {}
                None => unplaced.push(Unplaced {
                    id: e.weight().id().to_owned(),
                    reason: match time {
                        Some(t) => format!("dated {t}, which straddles the cut-off"),
                        None => "no date".to_owned(),
                    },
                }),
            }
        }
        for ix in self.graph.node_indices() {
            if let Some(Node::Claim(_)) = self.graph.node_weight(ix) {
                // A claim also stood when one of its rewordings (same-as) did.
                let stood = kept(&standing, ix)
                    || !kept(&reported, ix)
                    || self.same_as_pool(&[ix]).iter().any(|&c| kept(&standing, c));
                set(&mut keep, ix, stood);
            }
        }

        // Rebuild through the public API, in the original order, so the new graph lists claims
        // and sources as this one does. Every record comes from a valid graph and everything it
        // refers to is kept, so no addition can fail; one that did would be left out rather
        // than stop the rest.
        let mut graph = ClaimGraph::new();
        // The PROV names and derivation kinds go along (an entry of a relation left out is
        // never applied).
        graph.prov = self.prov.clone();
        for ix in self.graph.node_indices() {
            if !kept(&keep, ix) {
                continue;
            }
            match self.graph.node_weight(ix) {
                Some(Node::Source(s)) => {
                    let _ = graph.add_source(s.clone());
                }
                Some(Node::Claim(c)) => {
                    let mut c = c.clone();
                    c.subjects
                        .retain(|s| self.node_index(s).is_some_and(|i| kept(&keep, i)));
                    let _ = graph.add_claim(c);
                }
                None => {}
            }
        }
        let edge_kept = |ix: petgraph::stable_graph::EdgeIndex| {
            kept_edges.get(ix.index()).copied().unwrap_or(false)
        };
        for e in self.graph.edge_references() {
            let ix = e.id();
            match e.weight() {
                Edge::SourceRelation(_) if edge_kept(ix) => {
                    if let Some(r) = self.source_relation_at(ix) {
                        let _ = graph.add_source_relation(r);
                    }
                }
                Edge::ClaimRelation(_) if kept(&keep, e.source()) && kept(&keep, e.target()) => {
                    if let Some(r) = self.claim_relation_at(ix) {
                        let _ = graph.add_claim_relation(r);
                    }
                }
                _ => {}
            }
        }
        for e in self.graph.edge_references() {
            let ix = e.id();
            match e.weight() {
                Edge::Attribution(_) if edge_kept(ix) => {
                    if let Some(a) = self.attribution_at(ix) {
                        let _ = graph.add_attribution(a);
                    }
                }
                Edge::Verdict(_) if edge_kept(ix) => {
                    if let Some(v) = self.verdict_at(ix) {
                        let _ = graph.add_verdict(v);
                    }
                }
                _ => {}
            }
        }
        unplaced.sort_unstable();
        AsOf {
            date: *date,
            graph,
            unplaced: unplaced.iter().map(|u| u.id.clone()).collect(),
            unplaced_reasons: unplaced,
        }
    }
}

/// An end of a statement's time for a reader: a day, or "any time" for an open end.
fn describe_bound(t: DateTime<Utc>) -> String {
    if t == DateTime::<Utc>::MIN_UTC || t == DateTime::<Utc>::MAX_UTC {
        "an unknown time".to_owned()
    } else {
        t.format("%Y-%m-%d").to_string()
    }
}

fn set(flags: &mut [bool], ix: NodeIndex, value: bool) {
    if let Some(f) = flags.get_mut(ix.index()) {
        *f = value;
    }
}

fn set_edge(flags: &mut [bool], i: usize, value: bool) {
    if let Some(f) = flags.get_mut(i) {
        *f = value;
    }
}
