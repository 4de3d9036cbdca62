//! `claimgraph assess FILE CLAIM [--json]`

use claimgraph::{ClaimParts, ReportOptions};

use super::{json_line, GraphArg};
use crate::failure::Failure;
use crate::output::write_text;
use crate::ui::Ui;

/// A claim's credibility score, with the signed reasons behind it.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    graph: GraphArg,
    /// The claim's id.
    #[arg(value_name = "CLAIM")]
    claim: String,
    /// The assessment as one JSON object: claim, score, reasons (kind, weight, detail).
    #[arg(long)]
    json: bool,
}

/// Writes the claim's assessment.
pub fn run(args: Args, ui: &Ui) -> Result<(), Failure> {
    let graph = args.graph.read(ui)?;
    let text = if args.json {
        json_line(serde_json::to_string(&graph.assess(&args.claim)?))?
    } else {
        let credibility = ClaimParts {
            credibility: true,
            ..ClaimParts::NONE
        };
        graph.report(&ReportOptions::claim(args.claim).parts(credibility))?
    };
    write_text("-", &text)
}
