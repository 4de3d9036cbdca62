//! Assessment: a credibility score with its reasons.

use std::collections::HashMap;

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;

use crate::error::Result;
use crate::graph::{ClaimGraph, Edge};
use crate::model::{ClaimRelationKind, Modality, Reliability, Stance};
use crate::query::as_of::StatementTime;
use crate::query::origins::Analysis;
use crate::query::status::Status;

/// What a reason is about.
///
/// Reasons are listed in this order (then by their detail).
///
/// Not `#[non_exhaustive]`: the bindings name every kind, and a kind added here must fail their
/// build until they do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ReasonKind {
    /// An independent origin asserts the claim (positive weight).
    IndependentOrigin,
    /// A group of sources denies the claim (negative weight).
    Denial,
    /// A group of sources doubts the claim (negative weight, half a denial's).
    Doubt,
    /// A fact-checker's verdict (signed weight; zero when the verdict gives no rating).
    Verdict,
    /// The part of the evidence cut off by saturation, so that evidence alone cannot outweigh a
    /// verdict (weight of the opposite sign to the evidence).
    Saturation,
    /// Every origin is an unnamed group or a collective (weight 0: the origins already count
    /// half).
    UnnamedOnly,
    /// Some assertion traces back into a loop of sources citing each other (weight 0: the loop
    /// already counts as one origin).
    CircularReporting,
    /// A denier is an interested party (weight 0: its denial already counts a quarter).
    InterestedDenial,
    /// A source was recorded as saying nothing either way (weight 0: a non-statement counts
    /// neither for nor against).
    NoComment,
    /// A verdict's numeric rating disagrees with its label (weight 0: the label is used).
    RatingDisagreement,
    /// A verdict whose label is not a matter of truth, or says nothing the vocabulary knows
    /// (weight 0).
    UnratedVerdict,
}

crate::names::value_names!(ReasonKind, "kind", "a reason kind" {
    IndependentOrigin => "independent_origin",
    Denial => "denial",
    Doubt => "doubt",
    Verdict => "verdict",
    Saturation => "saturation",
    UnnamedOnly => "unnamed_only",
    CircularReporting => "circular_reporting",
    InterestedDenial => "interested_denial",
    NoComment => "no_comment",
    RatingDisagreement => "rating_disagreement",
    UnratedVerdict => "unrated_verdict",
});

/// One signed, named contribution to a score.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Reason {
    /// What the reason is about.
    pub kind: ReasonKind,
    /// The signed contribution to the score's log-odds.
    pub weight: f64,
    /// A sentence for a reader, naming the sources involved.
    pub detail: String,
}

/// A credibility score in [0, 1] and the reasons behind it.
///
/// The reasons' weights add up to the score's log-odds, `ln(score / (1 - score))`. The part
/// that comes from the record's evidence and the part that comes from verdicts are also given
/// apart: a desk that uses the evidence to decide its own verdict reads `evidence_score`, which
/// no verdict moves.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Assessment {
    /// The claim.
    pub claim: String,
    /// The score: 0.5 when nothing is known, above when the record supports the claim.
    pub score: f64,
    /// The score from the evidence alone (origins, denials, doubts), as if there were no
    /// verdict.
    pub evidence_score: f64,
    /// How much the verdicts move the log-odds (0 without a rated verdict).
    pub verdict_effect: f64,
    /// The weighted reasons, sorted by kind and then by detail.
    pub reasons: Vec<Reason>,
    /// Remarks of weight 0 that explain the answer (unnamed-only origins, circular reporting,
    /// an interested denier, a non-statement, a verdict that is unrated or whose rating
    /// disagrees with its label), sorted like the reasons.
    pub notes: Vec<Reason>,
}

/// The evidence logit saturates at plus or minus this.
const EVIDENCE_CAP: f64 = 3.0;
/// A verdict's truth of 0 or 1 moves the logit by half this.
const VERDICT_SCALE: f64 = 12.0;
/// The unnamed factor of a group whose origins are all unnamed.
const UNNAMED_FACTOR: f64 = 0.5;
/// The modality factor of a group that only others report on.
const REPORTED_FACTOR: f64 = 0.7;
/// The factor of a denial by a group holding an interested party.
const INTERESTED_FACTOR: f64 = 0.25;
/// A doubt weighs this much of the same group's denial.
const DOUBT_FACTOR: f64 = 0.5;

fn reliability_factor(grade: Option<Reliability>) -> f64 {
    match grade {
        Some(Reliability::A) => 2.0,
        Some(Reliability::B) => 1.5,
        Some(Reliability::C) => 1.0,
        Some(Reliability::D) => 0.6,
        Some(Reliability::E) => 0.3,
        Some(Reliability::F) | None => 1.0,
    }
}

fn modality_factor(m: Modality) -> f64 {
    match m {
        Modality::Stated => 1.0,
        Modality::Alleged => 0.7,
        Modality::Expected => 0.5,
        Modality::Speculated => 0.3,
    }
}

/// The highest reliability factor among some sources (an ungraded source counts 1.0), and the
/// grade that gives it, for the reader.
fn best_reliability(g: &ClaimGraph, members: &[NodeIndex]) -> (f64, Option<Reliability>) {
    let mut best = (f64::NEG_INFINITY, None);
    for &m in members {
        let grade = g.source_at(m).and_then(|s| s.reliability);
        let f = reliability_factor(grade);
        if f > best.0 || (f == best.0 && grade < best.1) {
            best = (f, grade);
        }
    }
    if best.0.is_finite() {
        best
    } else {
        (1.0, None)
    }
}

fn describe_reliability(factor: f64, grade: Option<Reliability>) -> String {
    match grade {
        Some(g) => format!("reliability {g} x{factor}"),
        None => format!("ungraded x{factor}"),
    }
}

/// The weight a group of sources denying or doubting a claim takes off its evidence, and why.
///
/// The group speaks as one, with the voice of its weightiest member: each member weighs its
/// reliability factor, cut to `INTERESTED_FACTOR` of that when it is an interested party, and
/// the group weighs the most of these, times `factor`. So adding an interested member to a group
/// never makes the group weigh less than it did.
fn opposition(g: &ClaimGraph, members: &[(NodeIndex, bool)], factor: f64) -> (f64, String) {
    let mut best: Option<(f64, f64, Option<Reliability>, bool)> = None;
    for &(m, interested) in members {
        let grade = g.source_at(m).and_then(|s| s.reliability);
        let rf = reliability_factor(grade);
        let w = rf * if interested { INTERESTED_FACTOR } else { 1.0 };
        let better = match best {
            None => true,
            Some((bw, _, bg, _)) => w > bw || (w == bw && grade < bg),
        };
        if better {
            best = Some((w, rf, grade, interested));
        }
    }
    let (w, rf, grade, interested) = best.unwrap_or((1.0, 1.0, None, false));
    let mut why = describe_reliability(rf, grade);
    if interested {
        why.push_str(&format!(", interested party x{INTERESTED_FACTOR}"));
    }
    (-(factor * w), why)
}

/// Sources grouped by what they answer to: the smallest id among the tops of their affiliation
/// chains at the times of their statements (two spokespeople of one government are one group;
/// a former minister speaking after leaving office is not). Each source is in exactly one
/// group, so adding a source never merges groups that were apart. Each group sorted by id,
/// groups sorted by name.
fn group_by_tops(
    g: &ClaimGraph,
    analysis: &mut Analysis<'_>,
    sources: &[NodeIndex],
    statements: &[(NodeIndex, StatementTime)],
) -> Vec<(String, Vec<NodeIndex>)> {
    let mut groups: HashMap<&str, Vec<NodeIndex>> = HashMap::new();
    for &s in sources {
        let times: Vec<StatementTime> = statements
            .iter()
            .filter(|(w, _)| *w == s)
            .map(|&(_, t)| t)
            .collect();
        groups
            .entry(analysis.affiliation_name_at(s, &times))
            .or_default()
            .push(s);
    }
    let mut out: Vec<(String, Vec<NodeIndex>)> = groups
        .into_iter()
        .map(|(name, mut members)| {
            members.sort_unstable_by(|a, b| g.node_id(*a).cmp(g.node_id(*b)));
            (name.to_owned(), members)
        })
        .collect();
    out.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    out
}

fn logistic(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

fn list(g: &ClaimGraph, nodes: &[NodeIndex]) -> String {
    nodes
        .iter()
        .map(|&n| g.node_id(n))
        .collect::<Vec<_>>()
        .join(", ")
}

impl ClaimGraph {
    /// The credibility of a claim, from 0 to 1, with the reasons behind it.
    ///
    /// The score is a logistic function of log-odds built from the claim's
    /// [`status`](ClaimGraph::status): evidence from its origins, denials and doubts, saturated
    /// so that it can never outweigh a fact-checker's verdict, plus the verdicts.
    ///
    /// **Evidence** `E` is the sum of:
    ///
    /// | term | weight |
    /// |---|---|
    /// | each independent origin group | `+ 1.0 x reliability x unnamed x modality` |
    /// | each denial group | `- 1.0 x reliability` (`- 0.25 x reliability` if it holds an interested party) |
    /// | each doubt group | half of what the same group would weigh as a denial |
    ///
    /// | factor | value |
    /// |---|---|
    /// | reliability | the highest factor among the group's sources (for an origin group, the members of its origins): A 2.0, B 1.5, C 1.0, D 0.6, E 0.3, F or ungraded 1.0 |
    /// | unnamed | 0.5 when every origin in the group is an unnamed group or a collective, else 1.0 |
    /// | modality | the firmest assertion of the claim made directly by the group: stated 1.0, alleged 0.7, expected 0.5, speculated 0.3; 0.7 when the group only reaches the claim through others citing it (reported speech) |
    ///
    /// A group asserts *directly* when the asserting source is a member of one of the group's
    /// origins, is affiliated with the group's top (shares an affiliation top with it), or is a
    /// document authored (through authored-by edges) by such a source: an op-ed states its
    /// author's own words. An outlet that cites an origin does not assert for it, so repeating
    /// an origin through another outlet changes nothing.
    ///
    /// Denial and doubt groups gather the deniers (doubters) that answer to the same body (the
    /// smallest id among the tops of their affiliation chains): two spokespeople of one
    /// government are one denial. A group weighs what its weightiest member weighs: the
    /// member's reliability factor, times 0.25 when that member is an *interested* party (the
    /// member, the author or publisher of the denying document, or what any of them is
    /// affiliated with at the time of the statement, is a subject of the claim; see
    /// [`status`](ClaimGraph::status)). So adding an interested denier never raises the score.
    /// A non-statement ("declined to comment") weighs nothing and is listed as a note.
    ///
    /// **Verdicts**: `V = 12 x (mean truth - 0.5)` over the verdicts that give a truth value
    /// ([`Verdict::truth`](crate::Verdict::truth): the label read by the vocabulary, the
    /// numeric rating only when the label is not known), 0 when none does; a False verdict gives
    /// -6, a True one +6. A rating that disagrees with its label is reported as a note.
    ///
    /// **Score**: `score = 1 / (1 + exp(-(3 x tanh(E / 3) + V)))`. The evidence term lies
    /// strictly between -3 and +3, so a verdict rated False always leaves the score below 0.5 and
    /// one rated True above. With no evidence and no verdict the score is 0.5.
    ///
    /// **Evidence score and verdict effect**: `evidence_score = 1 / (1 + exp(-3 x tanh(E / 3)))`
    /// is the score without verdicts, and `verdict_effect = V`; a desk deciding its own verdict
    /// from the evidence reads `evidence_score`, which its verdict cannot move.
    ///
    /// **Reasons**: one per origin group, denial group, doubt group and rated verdict, with its
    /// signed weight (a verdict's share of `V` is `12 x (truth - 0.5) / n`), and a saturation
    /// reason of weight `3 x tanh(E / 3) - E`. The weights add up to the log-odds
    /// `ln(score / (1 - score))`. **Notes** are the remarks of weight 0 that explain the answer
    /// (unnamed-only origins, circular reporting, an interested denier, a non-statement, an
    /// unrated verdict, a rating that disagrees with its label). Both are sorted by kind, then
    /// by detail.
    ///
    /// ```
    /// use claimgraph::*;
    /// let mut g = ClaimGraph::new();
    /// g.add_source(Source::new("rok-sources", SourceKind::UnnamedGroup, "ROK sources"))?;
    /// g.add_source(Source::new("russia", SourceKind::Government, "Russia"))?;
    /// g.add_claim(Claim::new("ammo", "DPRK supplies ammunition to Russia").subject("russia"))?;
    /// g.add_attribution(Attribution::new("rok-sources", "ammo", Stance::Asserts))?;
    /// let a = g.assess("ammo")?;
    /// assert!(a.score > 0.5); // one unnamed origin: E = 1.0 x 1.0 x 0.5 x 1.0
    ///
    /// g.add_attribution(Attribution::new("russia", "ammo", Stance::Denies))?;
    /// let b = g.assess("ammo")?;
    /// // Russia is the accused party: its denial counts a quarter, E = 0.5 - 0.25.
    /// assert!(b.score < a.score && b.score > 0.5);
    /// assert!(b.notes.iter().any(|r| r.kind == ReasonKind::InterestedDenial));
    /// assert_eq!(b.evidence_score, b.score); // no verdict
    ///
    /// g.add_source(Source::new("checker", SourceKind::Organization, "A fact-checker"))?;
    /// g.add_verdict(Verdict::new("checker", "ammo", "False"))?;
    /// let c = g.assess("ammo")?;
    /// assert!(c.score < 0.5);
    /// assert_eq!(c.evidence_score, b.evidence_score); // the verdict does not move the evidence
    /// assert!(c.verdict_effect < 0.0);
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn assess(&self, claim: &str) -> Result<Assessment> {
        let ix = self.claim_index(claim)?;
        let mut analysis = Analysis::sparse(self);
        let status = self.status_at(ix, &mut analysis);
        Ok(self.assess_status(ix, &status, &mut analysis))
    }

    /// The assessment of every claim, in the order the claims were added (see
    /// [`assess`](ClaimGraph::assess) for the formula). Origins and affiliations are computed
    /// once for the whole graph, so this is linear in its size.
    pub fn assessments(&self) -> Vec<Assessment> {
        let mut analysis = Analysis::whole(self);
        self.claim_indices()
            .map(|ix| {
                let status = self.status_at(ix, &mut analysis);
                self.assess_status(ix, &status, &mut analysis)
            })
            .collect()
    }

    fn assess_status(
        &self,
        claim: NodeIndex,
        status: &Status,
        analysis: &mut Analysis<'_>,
    ) -> Assessment {
        let mut reasons = Vec::new();
        let mut evidence = 0.0;
        let mut any_evidence = false;

        let stances = self.stances_at(claim);
        // Independent origins: the claim's own, and those of its specializations' assertions
        // (support carried up).
        let carried_groups;
        let carried_origins;
        let (origin_list, group_list): (&[crate::query::Origin], &[crate::query::OriginGroup]) =
            if stances.carried_seeds.is_empty() {
                (&status.origins, &status.independent_origins)
            } else {
                let mut seeds = stances.origin_seeds.clone();
                seeds.extend_from_slice(&stances.carried_seeds);
                let mut times = stances.assertions.clone();
                times.extend_from_slice(&stances.carried_assertions);
                let sccs = analysis.origin_sccs_of(&seeds);
                carried_origins = analysis.origin_records(&sccs);
                let timed = analysis.origin_tops_at(&times);
                carried_groups = analysis.independence(&sccs, timed.as_ref());
                (&carried_origins, &carried_groups)
            };
        let origins: HashMap<&str, &crate::query::Origin> =
            origin_list.iter().map(|o| (o.id.as_str(), o)).collect();
        struct Group {
            members: Vec<NodeIndex>,
            unnamed: bool,
            modality: Option<Modality>,
        }
        let mut groups: Vec<Group> = Vec::with_capacity(group_list.len());
        let mut member_group: HashMap<NodeIndex, usize> = HashMap::new();
        let mut top_group: HashMap<usize, usize> = HashMap::new();
        for (gi, og) in group_list.iter().enumerate() {
            let mut members = Vec::new();
            let mut unnamed = true;
            for oid in &og.origins {
                if let Some(o) = origins.get(oid.as_str()) {
                    unnamed &= o.unnamed;
                    members.extend(o.members.iter().filter_map(|m| self.node_index(m)));
                }
            }
            for &m in &members {
                member_group.insert(m, gi);
                for &t in analysis.affiliation_tops(m) {
                    top_group.insert(t, gi);
                }
            }
            groups.push(Group {
                members,
                unnamed,
                modality: None,
            });
        }
        let related = self.related_claims(claim);
        let mut asserted_on = related.pool.clone();
        asserted_on.extend_from_slice(&related.specializations);
        for (source, modality) in self.assertions_of(&asserted_on) {
            for speaker in analysis.authors_of(source) {
                let mut hit: Vec<usize> = member_group.get(&speaker).copied().into_iter().collect();
                hit.extend(
                    analysis
                        .affiliation_tops(speaker)
                        .iter()
                        .filter_map(|t| top_group.get(t)),
                );
                for gi in hit {
                    if let Some(grp) = groups.get_mut(gi) {
                        // Modality orders firmest first.
                        if grp.modality.is_none_or(|m| modality < m) {
                            grp.modality = Some(modality);
                        }
                    }
                }
            }
        }
        for (og, grp) in group_list.iter().zip(&groups) {
            let (rf, grade) = best_reliability(self, &grp.members);
            let uf = if grp.unnamed { UNNAMED_FACTOR } else { 1.0 };
            let mf = grp.modality.map_or(REPORTED_FACTOR, modality_factor);
            let w = rf * uf * mf;
            evidence += w;
            any_evidence = true;
            let mut why = vec![describe_reliability(rf, grade)];
            if grp.unnamed {
                why.push(format!("unnamed x{UNNAMED_FACTOR}"));
            }
            why.push(match grp.modality {
                Some(m) => format!("{m} x{mf}"),
                None => format!("only reported by others x{mf}"),
            });
            let own = og
                .origins
                .iter()
                .any(|o| status.origins.iter().any(|so| so.id == *o));
            if !own {
                let through: Vec<&str> = status
                    .inferred
                    .iter()
                    .filter(|i| {
                        i.stance == Stance::Asserts && i.relation == ClaimRelationKind::Specializes
                    })
                    .map(|i| i.claim.as_str())
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect();
                why.push(format!(
                    "carried up from a specialization: {}",
                    through.join(", ")
                ));
            }
            reasons.push(Reason {
                kind: ReasonKind::IndependentOrigin,
                weight: w,
                detail: format!(
                    "independent origin {} (origins: {}; {}): {w:+.2}",
                    og.top,
                    og.origins.join(", "),
                    why.join(", ")
                ),
            });
        }

        // Denials and doubts: the claim's own (and its rewordings'), and denials of what it
        // specializes (carried down).
        let subjects = self.subject_indices(claim);
        // The status's deniers and doubters are these, as ids: no need to look the ids up again.
        let mut deniers = stances.deniers.clone();
        for &d in &stances.carried_deniers {
            if !deniers.contains(&d) {
                deniers.push(d);
            }
        }
        let mut denial_times = stances.denials.clone();
        denial_times.extend_from_slice(&stances.carried_denials);
        for (name, members) in group_by_tops(self, analysis, &deniers, &denial_times) {
            let members: Vec<(NodeIndex, bool)> = members
                .into_iter()
                .map(|m| {
                    let interested = status
                        .interested_deniers
                        .iter()
                        .any(|d| d == self.node_id(m))
                        || (!stances.deniers.contains(&m)
                            && stances.carried_denials.iter().any(|(s, t)| {
                                *s == m && analysis.interested_party(m, t, &subjects).is_some()
                            }));
                    (m, interested)
                })
                .collect();
            let ids: Vec<NodeIndex> = members.iter().map(|&(m, _)| m).collect();
            let (w, mut why) = opposition(self, &members, 1.0);
            let carried: Vec<&str> = ids
                .iter()
                .filter(|m| !stances.deniers.contains(m))
                .map(|&m| self.node_id(m))
                .collect();
            if !carried.is_empty() {
                why.push_str(&format!(
                    "; {} denies a claim this one specializes",
                    carried.join(", ")
                ));
            }
            evidence += w;
            any_evidence = true;
            reasons.push(Reason {
                kind: ReasonKind::Denial,
                weight: w,
                detail: format!("denial by {name} ({}; {why}): {w:+.2}", list(self, &ids)),
            });
        }
        for d in &status.interested_deniers {
            let Some(ix) = self.node_index(d) else {
                continue;
            };
            let how = stances
                .denials
                .iter()
                .filter(|(s, _)| *s == ix)
                .find_map(|(s, t)| analysis.interested_party(*s, t, &subjects));
            let how = match how.as_deref() {
                Some(path) if path == d.as_str() => "a subject of the claim".to_owned(),
                Some(path) => format!("{path}, a subject of the claim"),
                None => "a subject of the claim".to_owned(),
            };
            reasons.push(Reason {
                kind: ReasonKind::InterestedDenial,
                weight: 0.0,
                detail: format!(
                    "{d} denies the claim but is an interested party ({how}): its denial counts x{INTERESTED_FACTOR}"
                ),
            });
        }
        for (name, members) in group_by_tops(self, analysis, &stances.doubters, &stances.doubts) {
            let members: Vec<(NodeIndex, bool)> = members
                .into_iter()
                .map(|m| {
                    let interested = stances.doubts.iter().any(|(s, t)| {
                        *s == m && analysis.interested_party(m, t, &subjects).is_some()
                    });
                    (m, interested)
                })
                .collect();
            let ids: Vec<NodeIndex> = members.iter().map(|&(m, _)| m).collect();
            let (w, why) = opposition(self, &members, DOUBT_FACTOR);
            evidence += w;
            any_evidence = true;
            reasons.push(Reason {
                kind: ReasonKind::Doubt,
                weight: w,
                detail: format!(
                    "doubt by {name} ({}; {why}, doubt x{DOUBT_FACTOR}): {w:+.2}",
                    list(self, &ids)
                ),
            });
        }

        // Saturation.
        let evidence_logit = EVIDENCE_CAP * (evidence / EVIDENCE_CAP).tanh();
        if any_evidence {
            let w = evidence_logit - evidence;
            reasons.push(Reason {
                kind: ReasonKind::Saturation,
                weight: w,
                detail: format!(
                    "evidence {evidence:+.2} saturates to {evidence_logit:+.2} (at most {EVIDENCE_CAP} either way): {w:+.2}"
                ),
            });
        }

        // Verdicts.
        let rated = status
            .verdicts
            .iter()
            .filter(|v| v.truth().is_some())
            .count();
        let mut verdict_logit = 0.0;
        for v in &status.verdicts {
            match v.truth() {
                Some(t) => {
                    // `rated` is at least 1 here: this verdict has a truth value.
                    let w = VERDICT_SCALE * (t - 0.5) / rated.max(1) as f64;
                    verdict_logit += w;
                    reasons.push(Reason {
                        kind: ReasonKind::Verdict,
                        weight: w,
                        detail: format!(
                            "verdict by {}: {} (truth {t:.2}): {w:+.2}",
                            v.reviewer, v.label
                        ),
                    });
                }
                None => reasons.push(Reason {
                    kind: ReasonKind::UnratedVerdict,
                    weight: 0.0,
                    detail: match v.reading() {
                        crate::model::LabelReading::Unrated(why) => format!(
                            "verdict by {}: {} is not rated for truth ({why}): counted neither way",
                            v.reviewer, v.label
                        ),
                        _ => format!(
                            "verdict by {}: {} gives no truth value (a label the vocabulary does not know, and no rating): counted neither way",
                            v.reviewer, v.label
                        ),
                    },
                }),
            }
            if let Some(d) = v.disagreement() {
                reasons.push(Reason {
                    kind: ReasonKind::RatingDisagreement,
                    weight: 0.0,
                    detail: d,
                });
            }
        }
        for n in &status.no_comment {
            reasons.push(Reason {
                kind: ReasonKind::NoComment,
                weight: 0.0,
                detail: format!("{n} said nothing either way: counted neither for nor against"),
            });
        }

        // Flags.
        if status.unnamed_only {
            let ids: Vec<&str> = status.origins.iter().map(|o| o.id.as_str()).collect();
            reasons.push(Reason {
                kind: ReasonKind::UnnamedOnly,
                weight: 0.0,
                detail: format!(
                    "every origin is an unnamed group or a collective ({}): each counts x{UNNAMED_FACTOR}",
                    ids.join(", ")
                ),
            });
        }
        for o in status.origins.iter().filter(|o| o.circular) {
            reasons.push(Reason {
                kind: ReasonKind::CircularReporting,
                weight: 0.0,
                detail: format!(
                    "circular reporting: {} cite each other and count as one origin",
                    o.members.join(", ")
                ),
            });
        }

        reasons.sort_by(|a, b| a.kind.cmp(&b.kind).then_with(|| a.detail.cmp(&b.detail)));
        let (notes, reasons): (Vec<Reason>, Vec<Reason>) =
            reasons.into_iter().partition(|r| r.weight == 0.0);
        let logit = evidence_logit + verdict_logit;
        Assessment {
            claim: status.claim.clone(),
            score: logistic(logit),
            evidence_score: logistic(evidence_logit),
            verdict_effect: verdict_logit,
            reasons,
            notes,
        }
    }

    /// The sources asserting any of the claims, with the modality of each assertion.
    fn assertions_of(&self, claims: &[NodeIndex]) -> Vec<(NodeIndex, Modality)> {
        claims
            .iter()
            .flat_map(|&ix| self.graph.edges_directed(ix, Direction::Incoming))
            .filter_map(|e| match e.weight() {
                Edge::Attribution(a) if a.stance == Stance::Asserts => {
                    Some((e.source(), a.modality))
                }
                _ => None,
            })
            .collect()
    }
}
