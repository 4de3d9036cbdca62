//! `claimgraph report FILE [--claim ID] [--json] [--as-of DATE]...`

use std::io::{self, BufWriter, Write};

use claimgraph::{ClaimGraph, ReportOptions, When};

use super::{parse_date, GraphArg};
use crate::failure::Failure;
use crate::output::write_text;
use crate::ui::Ui;

/// The readable report of every claim (or one), then the findings.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    graph: GraphArg,
    /// Only this claim's section.
    #[arg(long, value_name = "ID")]
    claim: Option<String>,
    /// One JSON object per claim and line (status, independent origin count, score and
    /// reasons) instead of text.
    #[arg(long)]
    json: bool,
    /// After the findings, the record as it stood on DATE (a year, month, day or instant);
    /// may be given several times.
    #[arg(long = "as-of", value_name = "DATE", value_parser = parse_date, conflicts_with = "json")]
    as_of: Vec<When>,
}

/// Writes the report.
pub fn run(args: Args, ui: &Ui) -> Result<(), Failure> {
    let graph = args.graph.read(ui)?;
    if args.json && args.claim.is_none() {
        return write_json_lines(&graph);
    }
    let text = if args.json {
        let id = args.claim.as_deref().unwrap_or_default();
        graph.report_json(id)? + "\n"
    } else {
        let mut options = match &args.claim {
            Some(id) => ReportOptions::claim(id.clone()),
            None => ReportOptions::whole_graph(),
        };
        options.as_of = args.as_of;
        graph.report(&options)?
    };
    write_text("-", &text)
}

/// Every claim's JSON line, written as it is made: a large graph's lines are never all held.
fn write_json_lines(graph: &ClaimGraph) -> Result<(), Failure> {
    let closed = |source| {
        Failure::graph(claimgraph::Error::Io {
            action: "write",
            path: "standard output".into(),
            source,
        })
    };
    let mut out = BufWriter::new(io::stdout().lock());
    for claim in graph.claims() {
        let line = graph.report_json(&claim.id)?;
        writeln!(out, "{line}").map_err(closed)?;
    }
    out.flush().map_err(closed)
}
