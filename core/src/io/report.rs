//! The readable report of a graph, and its one-JSON-object-per-claim form.
//!
//! The report is what a desk reads: for each claim, who said what (stance, modality, date,
//! quote and the document it was reported in), its origins and independent origin groups, the
//! chains from each statement back to its origin, its flags (disputed, unnamed sources only,
//! denied by interested parties, circular reporting, verdicts) and its credibility with the
//! signed reasons; then the graph-wide findings, and the record as it stood on given dates.
//! [`ReportOptions`] picks the claims and the parts. The `claimgraph` command line and the
//! reference example print exactly this text.

use serde_json::{Map, Value};

use crate::error::{Error, Location, Result};
use crate::graph::ClaimGraph;
use crate::model::{Attribution, Modality};
use crate::query::{Chain, Status};
use crate::time::When;

/// The keys of each object of [`ClaimGraph::report_json`]: the claim's id and text, every field
/// of [`Status`] except `claim` (which repeats the id), the independent-origin count, and the
/// score, reasons and notes of the claim's assessment. The objects list their keys sorted.
pub const REPORT_JSON_KEYS: [&str; 18] = [
    "id",
    "text",
    "asserters",
    "deniers",
    "doubters",
    "no_comment",
    "disputed",
    "origins",
    "independent_origins",
    "unnamed_only",
    "interested_deniers",
    "circular_reporting",
    "verdicts",
    "inferred",
    "independent_origin_count",
    "score",
    "reasons",
    "notes",
];

/// The parts of a claim's section in a report, each on or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClaimParts {
    /// "said": every attribution, with stance, modality, date, quote and `via`; then "related":
    /// the stances counted through same-as or specializes, each with why (only when there are
    /// any).
    pub said: bool,
    /// "origins" and "independent": the origins and their independence groups.
    pub origins: bool,
    /// "chains": the path from each statement to its origin.
    pub chains: bool,
    /// "flags": disputed, unnamed sources only, interested deniers, circular reporting, verdicts.
    pub flags: bool,
    /// "credibility": the assessment's score and its reasons.
    pub credibility: bool,
}

impl ClaimParts {
    /// Every part.
    pub const ALL: ClaimParts = ClaimParts {
        said: true,
        origins: true,
        chains: true,
        flags: true,
        credibility: true,
    };
    /// No part (a report of findings or dates only).
    pub const NONE: ClaimParts = ClaimParts {
        said: false,
        origins: false,
        chains: false,
        flags: false,
        credibility: false,
    };
    /// What [`ClaimGraph::status`] answers: who said what, the origins and the flags.
    pub const STATUS: ClaimParts = ClaimParts {
        said: true,
        origins: true,
        chains: false,
        flags: true,
        credibility: false,
    };

    fn any(self) -> bool {
        self.said || self.origins || self.chains || self.flags || self.credibility
    }
}

impl Default for ClaimParts {
    fn default() -> Self {
        ClaimParts::ALL
    }
}

/// What [`ClaimGraph::report`] covers.
///
/// The default is the whole report: every claim with every part, then the findings.
///
/// ```
/// use claimgraph::{ClaimParts, ReportOptions};
/// let one = ReportOptions::claim("containers");
/// assert_eq!(one.claim.as_deref(), Some("containers"));
/// assert!(!one.findings);
/// let chains = ReportOptions::claim("containers").parts(ClaimParts { chains: true, ..ClaimParts::NONE });
/// assert!(chains.parts.chains && !chains.parts.said);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportOptions {
    /// One claim's section only (`None`: every claim, under a "Claims (N)" heading).
    pub claim: Option<String>,
    /// The parts of each claim's section.
    pub parts: ClaimParts,
    /// Whether the graph-wide findings follow the claims.
    pub findings: bool,
    /// For each date, the record as it stood then (see [`ClaimGraph::as_of`]).
    pub as_of: Vec<When>,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            claim: None,
            parts: ClaimParts::ALL,
            findings: true,
            as_of: Vec::new(),
        }
    }
}

impl ReportOptions {
    /// The whole report: every claim, every part, the findings.
    pub fn whole_graph() -> ReportOptions {
        ReportOptions::default()
    }

    /// One claim's section, every part, no findings.
    pub fn claim(id: impl Into<String>) -> ReportOptions {
        ReportOptions {
            claim: Some(id.into()),
            findings: false,
            ..ReportOptions::default()
        }
    }

    /// The findings only.
    pub fn findings_only() -> ReportOptions {
        ReportOptions {
            parts: ClaimParts::NONE,
            ..ReportOptions::default()
        }
    }

    /// The record as it stood on `date` only.
    pub fn as_of_only(date: When) -> ReportOptions {
        ReportOptions {
            parts: ClaimParts::NONE,
            findings: false,
            as_of: vec![date],
            ..ReportOptions::default()
        }
    }

    /// These parts of each claim's section.
    pub fn parts(mut self, parts: ClaimParts) -> ReportOptions {
        self.parts = parts;
        self
    }

    /// Adds the record as it stood on `date`, after the claims and findings.
    pub fn as_of(mut self, date: When) -> ReportOptions {
        self.as_of.push(date);
        self
    }
}

/// What the format errors of this module name as their format.
const FORMAT: &str = "report JSON";

fn json_error(claim: &str, message: impl Into<String>) -> Error {
    Error::Format {
        format: FORMAT,
        location: Location {
            record: Some(claim.to_owned()),
            ..Location::default()
        },
        message: message.into(),
    }
}

/// The object a record serialized to.
fn to_object(claim: &str, serialized: serde_json::Result<Value>) -> Result<Map<String, Value>> {
    match serialized {
        Ok(Value::Object(map)) => Ok(map),
        Ok(other) => Err(json_error(
            claim,
            format!("expected an object, the record serialized as {other}"),
        )),
        Err(e) => Err(json_error(claim, e.to_string())),
    }
}

impl ClaimGraph {
    /// A readable account of the claims, the findings and the record on given dates, as
    /// `options` selects.
    ///
    /// Errors: [`Error::NotFound`] when `options.claim` names no claim.
    ///
    /// ```
    /// use claimgraph::{Attribution, Claim, ClaimGraph, ReportOptions, Source, SourceKind, Stance};
    /// let mut g = ClaimGraph::new();
    /// g.add_source(Source::new("russia", SourceKind::Government, "Russia"))?;
    /// g.add_claim(Claim::new("ammo", "DPRK supplies ammunition to Russia").subject("russia"))?;
    /// g.add_attribution(Attribution::new("russia", "ammo", Stance::Denies).quote("mad rumors"))?;
    /// let text = g.report(&ReportOptions::claim("ammo"))?;
    /// assert!(text.starts_with("[ammo] DPRK supplies ammunition to Russia\n"));
    /// assert!(text.contains("denies  Russia (russia), \u{201c}mad rumors\u{201d}"));
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn report(&self, options: &ReportOptions) -> Result<String> {
        let mut out = Text::default();
        if let Some(id) = &options.claim {
            let status = self.status(id)?;
            if options.parts.any() {
                claim_section(self, &status, options.parts, &mut out)?;
            }
        } else if options.parts.any() {
            let statuses = self.statuses();
            out.line(format!("Claims ({})", statuses.len()));
            for status in &statuses {
                out.blank();
                claim_section(self, status, options.parts, &mut out)?;
            }
        }
        if options.findings {
            out.separate();
            findings_section(self, &mut out);
        }
        for date in &options.as_of {
            out.separate();
            as_of_section(self, date, &mut out);
        }
        Ok(out.0)
    }

    /// One claim as a compact JSON object with the keys of [`REPORT_JSON_KEYS`], sorted at every
    /// level, text in UTF-8: the same text Python's
    /// `json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)` writes.
    ///
    /// Status and assessment fields keep exactly the shape serde gives them.
    ///
    /// Errors: [`Error::NotFound`] when no claim has this id.
    pub fn report_json(&self, claim: &str) -> Result<String> {
        let status = self.status(claim)?;
        let object = claim_json(self, &status)?;
        serde_json::to_string(&object).map_err(|e| json_error(claim, e.to_string()))
    }

    /// [`ClaimGraph::report_json`] of every claim, in the order the claims were added.
    pub fn report_json_lines(&self) -> Result<Vec<String>> {
        self.statuses()
            .iter()
            .map(|status| {
                let object = claim_json(self, status)?;
                serde_json::to_string(&object).map_err(|e| json_error(&status.claim, e.to_string()))
            })
            .collect()
    }
}

fn claim_json(graph: &ClaimGraph, status: &Status) -> Result<Map<String, Value>> {
    let id = status.claim.as_str();
    let claim = graph.get_claim(id)?;
    let assessment = graph.assess(id)?;

    let mut out = Map::new();
    out.insert("id".to_owned(), Value::from(claim.id.as_str()));
    out.insert("text".to_owned(), Value::from(claim.text.as_str()));
    for (key, value) in to_object(id, serde_json::to_value(status))? {
        if key != "claim" {
            out.insert(key, value);
        }
    }
    out.insert(
        "independent_origin_count".to_owned(),
        Value::from(status.independent_origin_count()),
    );
    let mut assessed = to_object(id, serde_json::to_value(&assessment))?;
    for key in ["score", "reasons", "notes"] {
        let value = assessed
            .remove(key)
            .ok_or_else(|| json_error(id, format!("the assessment has no {key:?} field")))?;
        out.insert(key.to_owned(), value);
    }
    Ok(out)
}

/// How wide a wrapped list of ids may grow, after its label.
const LIST_WIDTH: usize = 80;

/// Text built line by line; writing to a `String` cannot fail.
#[derive(Default)]
struct Text(String);

impl Text {
    fn line(&mut self, s: impl AsRef<str>) {
        self.0.push_str(s.as_ref());
        self.0.push('\n');
    }

    fn blank(&mut self) {
        self.0.push('\n');
    }

    /// A blank line between sections, none before the first.
    fn separate(&mut self) {
        if !self.0.is_empty() {
            self.blank();
        }
    }

    /// A labelled block: the label on the first line, later lines aligned under the first.
    fn field(&mut self, label: &str, lines: &[String]) {
        let mut label = label;
        for l in lines {
            self.line(format!("  {label:<14} {l}"));
            label = "";
        }
    }

    /// A labelled list of ids, comma-separated and wrapped.
    fn list(&mut self, label: &str, ids: &[String]) {
        let mut lines: Vec<String> = Vec::new();
        let mut current = String::new();
        for id in ids {
            if !current.is_empty() && current.len() + id.len() + 2 > LIST_WIDTH {
                lines.push(std::mem::take(&mut current) + ",");
            }
            if !current.is_empty() {
                current.push_str(", ");
            }
            current.push_str(id);
        }
        if !current.is_empty() {
            lines.push(current);
        }
        self.field(label, &or_none(lines));
    }
}

fn or_none(lines: Vec<String>) -> Vec<String> {
    if lines.is_empty() {
        vec!["none".to_owned()]
    } else {
        lines
    }
}

/// "Russia (russia)": the name a reader knows, and the id to look it up by.
fn who(graph: &ClaimGraph, id: &str) -> String {
    match graph.source(id) {
        Some(s) if s.name != id => format!("{} ({id})", s.name),
        _ => id.to_owned(),
    }
}

fn name(graph: &ClaimGraph, id: &str) -> String {
    graph
        .source(id)
        .map_or_else(|| id.to_owned(), |s| s.name.clone())
}

/// One statement on the claim `this`, as its section shows it.
fn attribution_line(graph: &ClaimGraph, this: &str, a: &Attribution) -> String {
    let mut parts = vec![format!("{:<8}{}", a.stance.as_str(), who(graph, &a.source))];
    // Only an id someone chose tells the reader something the line does not already show.
    if a.id != Attribution::default_id(&a.source, &a.claim, a.stance) {
        parts.push(format!("[{}]", a.id));
    }
    if a.modality != Modality::Stated {
        parts.push(a.modality.as_str().to_owned());
    }
    if let Some(said) = &a.said {
        parts.push(format!("said {said}"));
    }
    if let Some(q) = &a.quote {
        parts.push(format!("\u{201c}{q}\u{201d}"));
    }
    let hops: Vec<String> = a
        .via
        .iter()
        .filter(|h| h.source != a.source)
        .map(|h| match &h.date {
            Some(d) => format!("{} ({d})", h.source),
            None => h.source.clone(),
        })
        .collect();
    if !hops.is_empty() {
        parts.push(format!("via {}", hops.join(" > ")));
    }
    if !a.basis.is_empty() {
        parts.push(format!("resting on {}", a.basis.join(", ")));
    }
    // The other claims the same statement covers, seen from this claim's section.
    let others: Vec<&str> = a.claims().filter(|&c| c != this).collect();
    if !others.is_empty() {
        parts.push(format!("also covering {}", others.join(", ")));
    }
    parts.join(", ")
}

fn chain_line(graph: &ClaimGraph, c: &Chain) -> String {
    let path: Vec<String> = c.path.iter().map(|s| name(graph, s)).collect();
    let mut s = format!("{:<8}{}", c.stance.as_str(), path.join(" -> "));
    if let Some(v) = &c.via {
        s.push_str(&format!("  (via {v})"));
    }
    if c.circular {
        s.push_str("  [comes back on itself]");
    }
    s
}

fn claim_section(
    graph: &ClaimGraph,
    status: &Status,
    parts: ClaimParts,
    out: &mut Text,
) -> Result<()> {
    let id = status.claim.as_str();
    let claim = graph.get_claim(id)?;
    out.line(format!("[{id}] {}", claim.text));

    if parts.said {
        let mut attributions = graph.attributions_of(id)?;
        attributions.sort_by(|a, b| (a.stance, &a.id).cmp(&(b.stance, &b.id)));
        let said = attributions
            .iter()
            .map(|a| attribution_line(graph, id, a))
            .collect();
        out.field("said", &or_none(said));
        // Stances counted here through a rewording or a specialization, each with why; shown
        // only when there are any, as most claims have none.
        let related: Vec<String> = status.inferred.iter().map(|i| i.detail.clone()).collect();
        if !related.is_empty() {
            out.field("related", &related);
        }
    }

    if parts.origins {
        let origins = status
            .origins
            .iter()
            .map(|o| {
                let mut s = who(graph, &o.id);
                if o.circular {
                    s.push_str(&format!(" [loop: {}]", o.members.join(", ")));
                }
                if o.unnamed {
                    s.push_str(" [unnamed]");
                }
                s
            })
            .collect();
        out.field("origins", &or_none(origins));

        let mut groups: Vec<String> = status
            .independent_origins
            .iter()
            .map(|g| format!("{} <- {}", g.top, g.origins.join(", ")))
            .collect();
        match groups.len() {
            0 => groups.push("none".to_owned()),
            1 => groups[0].insert_str(0, "1 group: "),
            n => groups.insert(0, format!("{n} groups")),
        }
        out.field("independent", &groups);
    }

    if parts.chains {
        let mut chains: Vec<String> = Vec::new();
        for c in graph.chains(id)? {
            // Two attributions of one source to one claim trace the same chain.
            let line = chain_line(graph, &c);
            if !chains.contains(&line) {
                chains.push(line);
            }
        }
        out.field("chains", &or_none(chains));
    }

    if parts.flags {
        let mut flags = Vec::new();
        if status.disputed {
            flags.push("disputed".to_owned());
        }
        if status.unnamed_only {
            flags.push("unnamed sources only".to_owned());
        }
        if !status.interested_deniers.is_empty() {
            flags.push(format!(
                "denied by interested parties: {}",
                status.interested_deniers.join(", ")
            ));
        }
        if status.circular_reporting {
            flags.push("circular reporting".to_owned());
        }
        for v in &status.verdicts {
            flags.push(format!("verdict {:?} by {}", v.label, v.reviewer));
        }
        out.field("flags", &or_none(flags));
    }

    if parts.credibility {
        let assessment = graph.assess(id)?;
        let mut credibility = vec![format!("{:.2}", assessment.score)];
        credibility.extend(assessment.reasons.iter().map(|r| {
            let kind = match serde_json::to_value(r.kind) {
                Ok(Value::String(s)) => s,
                _ => format!("{:?}", r.kind),
            };
            format!("{:+.2}  {kind}: {}", r.weight, r.detail)
        }));
        credibility.extend(assessment.notes.iter().map(|r| {
            let kind = match serde_json::to_value(r.kind) {
                Ok(Value::String(s)) => s,
                _ => format!("{:?}", r.kind),
            };
            format!("note   {kind}: {}", r.detail)
        }));
        out.field("credibility", &credibility);
    }
    Ok(())
}

fn findings_section(graph: &ClaimGraph, out: &mut Text) {
    let f = graph.findings();
    out.line("Findings");
    out.list("disputed", &f.disputed);
    out.list("single origin", &f.single_origin);
    out.list("unnamed only", &f.unnamed_only);
    let loops = f
        .circular_reporting
        .iter()
        .map(|c| {
            format!(
                "{} (claims: {})",
                c.sources.join(" <-> "),
                c.claims.join(", ")
            )
        })
        .collect();
    out.field("circular", &or_none(loops));
    let contradictions = f
        .contradictions
        .iter()
        .map(|c| {
            let mut s = format!("{} contradicts {}", c.claim, c.other);
            if !c.sources_asserting_both.is_empty() {
                s.push_str(&format!(
                    "; asserted together by {}",
                    c.sources_asserting_both.join(", ")
                ));
            }
            s
        })
        .collect();
    out.field("contradicts", &or_none(contradictions));
}

fn as_of_section(graph: &ClaimGraph, date: &When, out: &mut Text) {
    let then = graph.as_of(date);
    let total = graph.counts().attributions;
    let placed = then.graph.counts().attributions;
    out.line(format!("As of {date}"));
    out.line(format!(
        "  {placed} of {total} attributions on record; {} could not be placed in time",
        then.unplaced.len()
    ));
    let claims: Vec<String> = then
        .graph
        .claims()
        .filter(|c| {
            then.graph
                .attributions_of(&c.id)
                .is_ok_and(|a| !a.is_empty())
        })
        .map(|c| c.id.clone())
        .collect();
    out.list("said by then", &claims);
    if !then.unplaced.is_empty() {
        out.list("unplaced", &then.unplaced);
    }
}
