//! The subcommands, one module each.
//!
//! A command is a module with an `Args` struct (clap's derive) and
//! `fn run(args: Args, ui: &Ui) -> Result<(), Failure>`. To add one (`extract`, `match`,
//! `history`, ...): write its module, and add one line to the `commands!` list below.

use claimgraph::{ClaimGraph, When};

use crate::failure::Failure;
use crate::input::{read_graph, ReadOptions};
use crate::ui::Ui;

mod as_of;
mod assess;
mod chains;
mod completions;
mod convert;
mod extract;
mod findings;
mod history;
mod man;
mod matching;
mod merge;
mod report;
mod status;
mod validate;

/// Declares the subcommands: the enum clap parses, and the dispatch to each module's `run`.
macro_rules! commands {
    ($($(#[$doc:meta])* $variant:ident => $module:ident,)*) => {
        /// A subcommand.
        #[derive(Debug, clap::Subcommand)]
        pub enum Command {
            $($(#[$doc])* $variant($module::Args),)*
        }

        /// Runs one subcommand.
        pub fn run(command: Command, ui: &Ui) -> Result<(), Failure> {
            match command {
                $(Command::$variant(args) => $module::run(args, ui),)*
            }
        }
    };
}

commands! {
    /// The readable report of every claim (or one), then the findings.
    Report => report,
    /// Who asserts, denies and doubts a claim, its origins and its flags.
    Status => status,
    /// The graph-wide findings: disputed, single-origin and unnamed-only claims, circular
    /// reporting, contradictions.
    Findings => findings,
    /// The chains from each statement on a claim back to its origin.
    Chains => chains,
    /// The record as it stood on a date; optionally the graph of that date, written.
    #[command(name = "as-of")]
    AsOf => as_of,
    /// A claim's credibility score, with the signed reasons behind it.
    Assess => assess,
    /// Reads each file; exit status 0 when all are claim graphs, 1 (naming the line, record
    /// or field of each fault) when any is not.
    Validate => validate,
    /// Converts a graph between formats: native JSON, JSON Lines (read), PROV-JSON,
    /// ClaimReview, STIX 2.1, graph databases (SQLite), DOT, Mermaid, SVG.
    Convert => convert,
    /// Has this been checked before? The claims most similar to a text (or to each text of a
    /// file), with the reasons; or the claims that may be one claim worded twice.
    Match => matching,
    /// Drafts a claim graph from an article's text: who said what, each record pointing at
    /// the words it came from.
    Extract => extract,
    /// Merges graph B into graph A and writes the result.
    Merge => merge,
    /// What was changed in a graph database, by whom, when and why; or whether its log was
    /// altered (--verify).
    History => history,
    /// Writes the completion script for a shell.
    Completions => completions,
    /// Writes the manual page (or, with --dir, a page per command).
    Man => man,
}

/// The graph a command reads.
#[derive(Debug, clap::Args)]
pub struct GraphArg {
    /// The claim graph: a file, or `-` for standard input.
    #[arg(value_name = "FILE")]
    pub file: String,
    /// How it is read.
    #[command(flatten)]
    pub read: ReadOptions,
}

impl GraphArg {
    /// Reads the graph.
    pub fn read(&self, ui: &Ui) -> Result<ClaimGraph, Failure> {
        read_graph(&self.file, &self.read, ui)
    }
}

/// Reads a date on the command line: a year, a month, a day or an RFC 3339 instant.
pub fn parse_date(text: &str) -> Result<When, String> {
    When::parse(text).map_err(|e| e.to_string())
}

/// One JSON value per line, as serde writes it.
pub fn json_line(value: serde_json::Result<String>) -> Result<String, Failure> {
    value
        .map(|mut line| {
            line.push('\n');
            line
        })
        .map_err(|e| {
            Failure::graph(claimgraph::Error::Format {
                format: "JSON output",
                location: claimgraph::Location::default(),
                message: e.to_string(),
            })
        })
}
