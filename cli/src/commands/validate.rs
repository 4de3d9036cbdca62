//! `claimgraph validate FILE...`

use std::io::Write;

use crate::failure::Failure;
use crate::input::{input_name, read_graph, ReadOptions};
use crate::ui::{Ui, BAD, GOOD};

/// Reads each file and says whether it is a claim graph.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The files (`-`: standard input).
    #[arg(value_name = "FILE", required = true)]
    files: Vec<String>,
    /// How the input is read.
    #[command(flatten)]
    read: ReadOptions,
}

/// One line per file on standard output: `FILE: ok (counts)` or `FILE: error: why`.
pub fn run(args: Args, ui: &Ui) -> Result<(), Failure> {
    let mut failed = 0;
    let mut out = anstream::stdout();
    for file in &args.files {
        let line = match read_graph(file, &args.read, ui) {
            Ok(graph) => {
                if ui.is_quiet() {
                    continue;
                }
                let c = graph.counts();
                format!(
                    "{}: {GOOD}ok{GOOD:#} ({} sources, {} claims, {} attributions, {} source \
                     relations, {} claim relations, {} verdicts)",
                    input_name(file),
                    c.sources,
                    c.claims,
                    c.attributions,
                    c.source_relations,
                    c.claim_relations,
                    c.verdicts
                )
            }
            Err(failure) => {
                failed += 1;
                // One line per file, so that a pipeline can count and filter them.
                let why = failure.to_string().replace("\n  hint: ", "; ");
                // The message names the file itself when the error carries a place in it.
                if why.contains(&input_name(file)) {
                    format!("{BAD}error{BAD:#}: {why}")
                } else {
                    format!("{}: {BAD}error{BAD:#}: {why}", input_name(file))
                }
            }
        };
        writeln!(out, "{line}").map_err(|source| {
            Failure::graph(claimgraph::Error::Io {
                action: "write",
                path: "standard output".into(),
                source,
            })
        })?;
    }
    if failed > 0 {
        Err(Failure::Reported(format!(
            "{failed} of {} files are not valid claim graphs",
            args.files.len()
        )))
    } else {
        Ok(())
    }
}
