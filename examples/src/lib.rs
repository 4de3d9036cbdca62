//! The reference article end to end: its graph, and the report, JSON Lines and pictures the
//! `putin_dprk_visit` example prints.
//!
//! The printing lives here rather than in the example so that tests can check it, and so that
//! the Python and Kotlin twins of the example have one definition of the output to match.

use claimgraph::{
    Attribution, Chain, ClaimGraph, Error, Location, Modality, PictureOptions, Result, Status, When,
};
use serde_json::{Map, Value};

/// The reference article's graph and the ids of its records.
#[path = "../../core/tests/common/reference.rs"]
pub mod reference;

/// The keys of each JSON line: the claim's id and text, every field of [`Status`] except `claim`
/// (which repeats the id), the independent-origin count, and the score and reasons of the claim's
/// assessment. The lines themselves list their keys sorted (see [`json_lines`]).
pub const JSON_LINE_KEYS: [&str; 17] = [
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
    "independent_origin_count",
    "score",
    "reasons",
    "notes",
];

/// What the format errors of this module name as their format.
const FORMAT: &str = "example JSON line";

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

/// The object a record serialized to (the serialization is passed in so that this crate needs no
/// serde bound of its own).
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

/// One claim as a JSON object with the keys of [`JSON_LINE_KEYS`].
///
/// Status and assessment fields keep exactly the shape serde gives them, so a change to either
/// type shows up here (and in the twins' comparison) rather than being papered over.
pub fn claim_json(graph: &ClaimGraph, status: &Status) -> Result<Map<String, Value>> {
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

/// The `--json` output: one compact JSON object per claim, in the order the claims were added.
///
/// Keys are sorted alphabetically at every level (serde_json's map order); strings are UTF-8,
/// not `\u` escapes. The same text comes out of Python's
/// `json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`.
pub fn json_lines(graph: &ClaimGraph) -> Result<Vec<String>> {
    graph
        .statuses()
        .iter()
        .map(|status| {
            let object = claim_json(graph, status)?;
            serde_json::to_string(&object).map_err(|e| json_error(&status.claim, e.to_string()))
        })
        .collect()
}

/// The formats the article's picture is drawn in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PictureFormat {
    /// A Graphviz digraph, for `dot -Tsvg` (see [`ClaimGraph::to_dot`]).
    Dot,
    /// A Mermaid flowchart, for Markdown renderers (see [`ClaimGraph::to_mermaid`]).
    Mermaid,
}

/// The `--dot` and `--mermaid` output: a picture of the whole graph, every source and claim.
///
/// `examples/putin_dprk_visit.dot` holds the DOT picture of the reference article and
/// `examples/putin_dprk_visit.svg` its rendering; regenerate both with
///
/// ```text
/// cargo run -q -p claimgraph-examples --example putin_dprk_visit -- --dot > examples/putin_dprk_visit.dot
/// dot -Tsvg examples/putin_dprk_visit.dot -o examples/putin_dprk_visit.svg
/// ```
pub fn picture(graph: &ClaimGraph, format: PictureFormat) -> Result<String> {
    let whole = PictureOptions::whole_graph();
    match format {
        PictureFormat::Dot => graph.to_dot(&whole),
        PictureFormat::Mermaid => graph.to_mermaid(&whole),
    }
}

/// A readable account of every claim, the graph-wide findings, and the graph as it stood on
/// each of the `as_of` dates.
pub fn report(graph: &ClaimGraph, as_of: &[When]) -> Result<String> {
    let mut out = Text::default();
    let statuses = graph.statuses();
    out.line(format!("Claims ({})", statuses.len()));
    for status in &statuses {
        out.blank();
        claim_section(graph, status, &mut out)?;
    }
    out.blank();
    findings_section(graph, &mut out);
    for date in as_of {
        out.blank();
        as_of_section(graph, date, &mut out);
    }
    Ok(out.0)
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

fn attribution_line(graph: &ClaimGraph, a: &Attribution) -> String {
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
    if !a.covers.is_empty() {
        parts.push(format!("also covering {}", a.covers.join(", ")));
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

fn claim_section(graph: &ClaimGraph, status: &Status, out: &mut Text) -> Result<()> {
    let id = status.claim.as_str();
    let claim = graph.get_claim(id)?;
    out.line(format!("[{id}] {}", claim.text));

    let mut attributions = graph.attributions_of(id)?;
    attributions.sort_by(|a, b| (a.stance, &a.id).cmp(&(b.stance, &b.id)));
    let said = attributions
        .iter()
        .map(|a| attribution_line(graph, a))
        .collect();
    out.field("said", &or_none(said));

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

    let mut chains: Vec<String> = Vec::new();
    for c in graph.chains(id)? {
        // Two attributions of one source to one claim trace the same chain.
        let line = chain_line(graph, &c);
        if !chains.contains(&line) {
            chains.push(line);
        }
    }
    out.field("chains", &or_none(chains));

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
