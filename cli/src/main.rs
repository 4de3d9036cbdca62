//! `claimgraph`, the command line of the claimgraph library: the readable report of a claim
//! graph, the answers to a fact-checker's questions (status, findings, chains, as-of, assess),
//! validation, conversion between every format the library reads and writes, and merging.
//!
//! The command line holds no rules about claims: each command reads its files, asks the core
//! one question and writes the answer. Exit status: 0 done, 1 bad input (the message names the
//! file and the place), 2 a command line that cannot be run as written.

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod cli;
mod commands;
mod failure;
mod formats;
mod input;
mod output;
mod ui;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use crate::cli::Cli;
use crate::ui::Ui;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // Help and usage errors are printed while parsing, so the colour they use is read first.
    let color = cli::color_before_parsing(&args);
    ui::set_color(color);
    let matches = match Cli::command().color(color).try_get_matches_from(args) {
        Ok(m) => m,
        Err(e) => e.exit(),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => e.exit(),
    };
    let ui = Ui::new(&cli.global);
    match commands::run(cli.command, &ui) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) if failure.is_closed_output() => ExitCode::SUCCESS,
        Err(failure) => {
            ui.error(&failure);
            failure.exit_code()
        }
    }
}
