//! `claimgraph convert IN OUT [--from F] [--to F] [--claim ID]`

use claimgraph::PictureOptions;

use crate::failure::Failure;
use crate::formats::OutputFormat;
use crate::input::{read_graph, ReadOptions};
use crate::output::{output_format, write_graph};
use crate::ui::Ui;

/// Converts a graph between formats.
///
/// Formats are told from the extensions (.json native, .jsonl JSON Lines, .prov.json PROV-JSON,
/// .jsonld ClaimReview, .stix.json STIX, .db database, .parquet (a folder of tables), .nt
/// N-Triples, .dot/.gv, .mmd, .svg) and, for input, from the content (a folder is read as Parquet
/// tables); `-` is standard input or output (native JSON unless --to says otherwise).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The graph to read (`-`: standard input).
    #[arg(value_name = "IN")]
    input: String,
    /// Where to write it (`-`: standard output).
    #[arg(value_name = "OUT")]
    output: String,
    /// How the input is read.
    #[command(flatten)]
    read: ReadOptions,
    /// The format of OUT, when its extension does not tell it.
    #[arg(long, value_enum, value_name = "FORMAT")]
    to: Option<OutputFormat>,
    /// For a picture: only this claim's neighbourhood.
    #[arg(long, value_name = "ID")]
    claim: Option<String>,
}

/// Reads IN and writes OUT.
pub fn run(args: Args, ui: &Ui) -> Result<(), Failure> {
    // A command line that cannot be run is reported before any reading.
    let format = output_format(&args.output, args.to)?;
    let graph = read_graph(&args.input, &args.read, ui)?;
    let picture = match args.claim {
        Some(claim) => PictureOptions::around(claim),
        None => PictureOptions::whole_graph(),
    };
    write_graph(&graph, &args.output, format, &picture, ui)
}
