//! `claimgraph chains FILE CLAIM [--json]`

use claimgraph::{ClaimParts, ReportOptions};

use super::{json_line, GraphArg};
use crate::failure::Failure;
use crate::output::write_text;
use crate::ui::Ui;

/// The chains from each statement on a claim back to its origin.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    graph: GraphArg,
    /// The claim's id.
    #[arg(value_name = "CLAIM")]
    claim: String,
    /// One JSON object per chain and line (attribution, stance, via, path, circular).
    #[arg(long)]
    json: bool,
}

/// Writes the claim's chains.
pub fn run(args: Args, ui: &Ui) -> Result<(), Failure> {
    let graph = args.graph.read(ui)?;
    let text = if args.json {
        let mut text = String::new();
        for chain in graph.chains(&args.claim)? {
            text.push_str(&json_line(serde_json::to_string(&chain))?);
        }
        text
    } else {
        let chains = ClaimParts {
            chains: true,
            ..ClaimParts::NONE
        };
        graph.report(&ReportOptions::claim(args.claim).parts(chains))?
    };
    write_text("-", &text)
}
