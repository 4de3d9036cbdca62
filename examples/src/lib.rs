//! The reference article end to end: its graph, and the report, JSON Lines and pictures the
//! `putin_dprk_visit` example prints.
//!
//! The report and the JSON lines are the core's ([`ClaimGraph::report`],
//! [`ClaimGraph::report_json_lines`]), the same text the `claimgraph` command line prints; the
//! functions here choose what the example shows, so that tests can check it and the Python and
//! Kotlin twins of the example have one definition of the output to match.

use claimgraph::{ClaimGraph, PictureOptions, ReportOptions, Result, When};

/// The reference article's graph and the ids of its records.
#[path = "../../core/tests/common/reference.rs"]
pub mod reference;

/// The keys of each JSON line: the claim's id and text, every field of
/// [`Status`](claimgraph::Status) except `claim` (which repeats the id), the independent-origin
/// count, and the score and reasons of the claim's assessment. The lines themselves list their
/// keys sorted (see [`json_lines`]).
pub const JSON_LINE_KEYS: [&str; 18] = claimgraph::io::REPORT_JSON_KEYS;

/// The `--json` output: one compact JSON object per claim, in the order the claims were added
/// (see [`ClaimGraph::report_json`]).
///
/// Keys are sorted alphabetically at every level (serde_json's map order); strings are UTF-8,
/// not `\u` escapes. The same text comes out of Python's
/// `json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`.
pub fn json_lines(graph: &ClaimGraph) -> Result<Vec<String>> {
    graph.report_json_lines()
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
    let mut options = ReportOptions::whole_graph();
    options.as_of = as_of.to_vec();
    graph.report(&options)
}
