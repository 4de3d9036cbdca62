//! `claimgraph status FILE CLAIM [--json]`

use claimgraph::{ClaimParts, ReportOptions};

use super::{json_line, GraphArg};
use crate::failure::Failure;
use crate::output::write_text;
use crate::ui::Ui;

/// Who asserts, denies and doubts a claim, its origins and its flags.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    graph: GraphArg,
    /// The claim's id.
    #[arg(value_name = "CLAIM")]
    claim: String,
    /// The status as one JSON object, every field of the library's `Status`.
    #[arg(long)]
    json: bool,
}

/// Writes the claim's status.
pub fn run(args: Args, ui: &Ui) -> Result<(), Failure> {
    let graph = args.graph.read(ui)?;
    let text = if args.json {
        json_line(serde_json::to_string(&graph.status(&args.claim)?))?
    } else {
        graph.report(&ReportOptions::claim(args.claim).parts(ClaimParts::STATUS))?
    };
    write_text("-", &text)
}
