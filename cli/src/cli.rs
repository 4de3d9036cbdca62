//! The command line's definition: global options and the subcommands (see [`commands`]).

use std::ffi::OsString;

use clap::{ColorChoice, Parser};

use crate::commands::Command;

/// Record who claimed what, who denied it and where each claim came from, and ask a
/// fact-checker's questions of that record.
///
/// FILE is a claim graph in any format claimgraph reads: native claimgraph JSON, JSON Lines,
/// PROV-JSON or ClaimReview JSON-LD, told apart by the extension or the content (or given with
/// --from); `-` reads standard input.
#[derive(Debug, Parser)]
#[command(
    name = "claimgraph",
    version,
    propagate_version = true,
    max_term_width = 100
)]
#[command(
    after_help = "Exit status: 0 done, 1 bad input (the message names the file and the \
                        place), 2 a command line that cannot be run as written."
)]
pub struct Cli {
    /// Options every command takes.
    #[command(flatten)]
    pub global: GlobalArgs,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Debug, clap::Args)]
pub struct GlobalArgs {
    /// Print nothing on standard error but errors: no progress bar, summaries or warnings.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// When to colour messages: auto (when the terminal can show it), always, never.
    #[arg(long, value_name = "WHEN", value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
}

/// The `--color` choice on a command line that has not been parsed yet (help and usage errors
/// are written while parsing). Anything unreadable is left to the parser to report.
pub fn color_before_parsing(args: &[OsString]) -> ColorChoice {
    let mut choice = ColorChoice::Auto;
    let mut args = args.iter().skip(1).map(|a| a.to_str());
    while let Some(arg) = args.next() {
        let value = match arg {
            Some("--") => break,
            Some("--color") => args.next().flatten(),
            Some(a) => a.strip_prefix("--color="),
            None => None,
        };
        choice = match value {
            Some("always") => ColorChoice::Always,
            Some("never") => ColorChoice::Never,
            Some("auto") => ColorChoice::Auto,
            _ => choice,
        };
    }
    choice
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn the_colour_is_read_before_parsing() {
        let args = |s: &str| -> Vec<OsString> { s.split(' ').map(OsString::from).collect() };
        assert_eq!(
            color_before_parsing(&args("claimgraph --color never x")),
            ColorChoice::Never
        );
        assert_eq!(
            color_before_parsing(&args("claimgraph x --color=always")),
            ColorChoice::Always
        );
        assert_eq!(
            color_before_parsing(&args("claimgraph x -- --color=always")),
            ColorChoice::Auto
        );
    }
}
