//! `claimgraph man [--dir DIR]`

use std::path::PathBuf;

use clap::CommandFactory;

use crate::cli::Cli;
use crate::failure::Failure;
use crate::output::write_text;
use crate::ui::Ui;

/// Writes the manual page, claimgraph(1), to standard output; with --dir, writes it and one
/// page per command (claimgraph-report(1), ...) into DIR.
///
/// For example `claimgraph man | man -l -`, or `claimgraph man --dir ~/.local/share/man/man1`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder to write every page into.
    #[arg(long, value_name = "DIR")]
    dir: Option<PathBuf>,
}

/// Writes the page or pages.
pub fn run(args: Args, ui: &Ui) -> Result<(), Failure> {
    let command = Cli::command();
    let io_error = |path: PathBuf| {
        move |source| {
            Failure::graph(claimgraph::Error::Io {
                action: "write",
                path,
                source,
            })
        }
    };
    match args.dir {
        Some(dir) => {
            clap_mangen::generate_to(command, &dir).map_err(io_error(dir.clone()))?;
            ui.note(format!("manual pages written to {}", dir.display()));
            Ok(())
        }
        None => {
            let mut page = Vec::new();
            clap_mangen::Man::new(command)
                .render(&mut page)
                .map_err(io_error(PathBuf::from("standard output")))?;
            write_text("-", &String::from_utf8_lossy(&page))
        }
    }
}
