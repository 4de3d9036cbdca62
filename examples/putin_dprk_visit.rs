//! The reference article end to end: "Analysis: Putin's visit to DPRK raises Western concerns"
//! (Yangcheng Evening News, 18 June 2024), recorded as a claim graph and questioned.
//!
//! ```text
//! cargo run -p claimgraph-examples --example putin_dprk_visit            # readable report
//! cargo run -p claimgraph-examples --example putin_dprk_visit -- --json  # one JSON object per claim
//! cargo run -p claimgraph-examples --example putin_dprk_visit -- --dot | dot -Tsvg -o picture.svg
//! ```
//!
//! Without arguments it prints, for each claim, who asserts, denies or doubts it, its origins and
//! independent origin groups, the chains from each attribution to its origin, its flags
//! (disputed, unnamed sources only, denied by an interested party, circular reporting) and its
//! credibility score with the reasons; then the graph-wide findings, and what the record held on
//! 17 June 2024 (nothing from the article, which is dated 18 June) and on 18 June.
//!
//! With `--json` it prints one line per claim, in the order the claims were added, each a compact
//! JSON object with exactly these keys (sorted alphabetically in the line):
//!
//! - `id`, `text`: the claim;
//! - every field of `Status` as serde writes it, except `claim` (the same as `id`):
//!   `asserters`, `deniers`, `doubters`, `no_comment`, `disputed`, `origins`, `independent_origins`,
//!   `unnamed_only`, `interested_deniers`, `circular_reporting`, `verdicts`;
//! - `independent_origin_count`: the number of independent origin groups;
//! - `score`, `reasons`, `notes`: the claim's assessment.
//!
//! Nested objects have their keys sorted too, and text is UTF-8. The Python and Kotlin twins of
//! this example print the same objects, and their tests compare them with this output claim by
//! claim.
//!
//! With `--dot` or `--mermaid` it prints the article's picture, every source and claim and how
//! they are linked, as a Graphviz digraph or a Mermaid flowchart (see `ClaimGraph::to_dot`).
//! `examples/putin_dprk_visit.svg` is the DOT picture rendered by Graphviz, and
//! `examples/putin_dprk_visit.dot` the DOT it was rendered from; the example's tests check both
//! are up to date.
//!
//! With `--native` it prints the article's graph as native claimgraph JSON:
//! `examples/putin_dprk_visit.json` is that output, so that `claimgraph report
//! examples/putin_dprk_visit.json` prints this example's report; the example's tests check it is
//! up to date.
//!
//! Any other argument prints the usage on standard error and exits with status 2.

use std::ffi::OsString;
use std::io::{self, Write};
use std::process::ExitCode;

use claimgraph::{ClaimGraph, When};
use claimgraph_examples::{json_lines, picture, reference, report, PictureFormat};

const USAGE: &str = "usage: putin_dprk_visit [--json | --native | --dot | --mermaid | --help]

  (no argument)  a readable report of every claim, the findings, and the record as of 17 June
  --json         one JSON object per claim and line
  --native       the article's graph as native claimgraph JSON
  --dot          the article's picture as a Graphviz digraph (pipe it to `dot -Tsvg`)
  --mermaid      the article's picture as a Mermaid flowchart
  -h, --help     this message";

/// What the command line asks for.
enum Mode {
    Report,
    Json,
    Native,
    Picture(PictureFormat),
    Help,
}

fn parse_args(args: &[OsString]) -> Option<Mode> {
    match args {
        [] => Some(Mode::Report),
        [one] => match one.to_str() {
            Some("--json") => Some(Mode::Json),
            Some("--native") => Some(Mode::Native),
            Some("--dot") => Some(Mode::Picture(PictureFormat::Dot)),
            Some("--mermaid") => Some(Mode::Picture(PictureFormat::Mermaid)),
            Some("-h" | "--help") => Some(Mode::Help),
            _ => None,
        },
        _ => None,
    }
}

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let Some(mode) = parse_args(&args) else {
        let given: Vec<String> = args
            .iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        eprintln!("unknown arguments: {}\n{USAGE}", given.join(" "));
        return ExitCode::from(2);
    };
    match run(mode) {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that stops early (`| head`) is not a failure.
        Err(Failure::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("putin_dprk_visit: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Why the example could not finish.
enum Failure {
    Graph(claimgraph::Error),
    Output(io::Error),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Graph(e) => write!(f, "{e}"),
            Failure::Output(e) => write!(f, "cannot write the output: {e}"),
        }
    }
}

impl From<claimgraph::Error> for Failure {
    fn from(e: claimgraph::Error) -> Failure {
        Failure::Graph(e)
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Failure {
        Failure::Output(e)
    }
}

fn run(mode: Mode) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    match mode {
        Mode::Help => writeln!(out, "{USAGE}")?,
        Mode::Json => {
            let graph = reference::putin_dprk_visit()?;
            for line in json_lines(&graph)? {
                writeln!(out, "{line}")?;
            }
        }
        Mode::Native => out.write_all(reference::putin_dprk_visit()?.to_json().as_bytes())?,
        Mode::Picture(format) => {
            let graph = reference::putin_dprk_visit()?;
            out.write_all(picture(&graph, format)?.as_bytes())?;
        }
        Mode::Report => {
            let graph = reference::putin_dprk_visit()?;
            write_header(&graph, &mut out)?;
            // The day before the article, and its own day.
            let dates = [When::parse("2024-06-17")?, When::parse("2024-06-18")?];
            out.write_all(report(&graph, &dates)?.as_bytes())?;
        }
    }
    out.flush()?;
    Ok(())
}

fn write_header(graph: &ClaimGraph, out: &mut impl Write) -> Result<(), Failure> {
    let article = graph.get_source(reference::ARTICLE)?;
    let author = graph.get_source(reference::QIAN_KEJIN)?;
    writeln!(out, "{}", article.title.as_deref().unwrap_or(&article.name))?;
    let published = article.published.map(|p| p.to_string()).unwrap_or_default();
    writeln!(
        out,
        "by {} ({}), Yangcheng Evening News, {published}",
        author.name,
        author.aliases.join(", ")
    )?;
    let counts = graph.counts();
    writeln!(
        out,
        "{} sources, {} claims, {} attributions, {} source relations, {} claim relations\n",
        counts.sources,
        counts.claims,
        counts.attributions,
        counts.source_relations,
        counts.claim_relations
    )?;
    Ok(())
}
