//! `claimgraph extract FILE [--spans] [--html] [-o OUT]`

use std::io::Read;
use std::path::{Path, PathBuf};

use claimgraph::Error;
use claimgraph_extract::{extract, ExtractOptions};

use crate::failure::Failure;
use crate::input::input_name;
use crate::output::write_text;
use crate::ui::Ui;

/// Drafts a claim graph from the text of an article (UTF-8), offline, by rules and word lists.
///
/// Writes the draft graph as native JSON; with --spans, the attributions as span records in the
/// prediction format of the shared extraction evaluation (character offsets); with --html, the
/// review view (text with sources, cues and contents highlighted, the records beside it).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The article's text (`-`: standard input).
    #[arg(value_name = "FILE")]
    file: String,
    /// Write the span records instead of the graph.
    #[arg(long, conflicts_with = "html")]
    spans: bool,
    /// Write the review view as HTML instead of the graph.
    #[arg(long)]
    html: bool,
    /// Where to write (`-`: standard output).
    #[arg(short, long, value_name = "OUT", default_value = "-")]
    output: String,
}

/// Reads FILE, drafts, writes.
pub fn run(args: Args, _ui: &Ui) -> Result<(), Failure> {
    let name = input_name(&args.file);
    let io_error = |source| {
        Failure::graph(Error::Io {
            action: "read",
            path: PathBuf::from(&name),
            source,
        })
    };
    let mut bytes = Vec::new();
    if args.file == "-" {
        std::io::stdin().lock().read_to_end(&mut bytes).map_err(io_error)?;
    } else {
        bytes = std::fs::read(&args.file).map_err(io_error)?;
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        io_error(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("the text is not UTF-8 (byte {})", e.utf8_error().valid_up_to()),
        ))
    })?;
    let draft = extract(&text, &ExtractOptions::default()).map_err(|e| Failure::in_file(&name, e))?;
    let out = if args.spans {
        let doc = Path::new(&args.file)
            .file_stem()
            .and_then(|s| s.to_str())
            .filter(|_| args.file != "-")
            .unwrap_or("stdin");
        format!("{:#}\n", draft.to_prediction_json(doc))
    } else if args.html {
        draft.to_html()
    } else {
        draft.graph.to_json()
    };
    write_text(&args.output, &out)
}
