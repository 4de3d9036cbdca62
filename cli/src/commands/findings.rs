//! `claimgraph findings FILE [--json]`

use claimgraph::ReportOptions;

use super::{json_line, GraphArg};
use crate::failure::Failure;
use crate::output::write_text;
use crate::ui::Ui;

/// The graph-wide findings.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    graph: GraphArg,
    /// The findings as one JSON object.
    #[arg(long)]
    json: bool,
}

/// Writes the findings.
pub fn run(args: Args, ui: &Ui) -> Result<(), Failure> {
    let graph = args.graph.read(ui)?;
    let text = if args.json {
        json_line(serde_json::to_string(&graph.findings()))?
    } else {
        graph.report(&ReportOptions::findings_only())?
    };
    write_text("-", &text)
}
