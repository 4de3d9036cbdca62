//! `claimgraph as-of FILE DATE [-o OUT [--to F]] [--json]`

use claimgraph::{PictureOptions, ReportOptions, When};

use super::{json_line, parse_date, GraphArg};
use crate::failure::Failure;
use crate::formats::OutputFormat;
use crate::output::{output_format, write_graph, write_text};
use crate::ui::Ui;

/// The record as it stood on a date.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    graph: GraphArg,
    /// The date: a year (2024), a month (2024-06), a day (2024-06-18) or an RFC 3339 instant.
    #[arg(value_name = "DATE", value_parser = parse_date)]
    date: When,
    /// Also write the graph as it stood then to OUT (`-`: standard output, instead of the
    /// summary).
    #[arg(short, long, value_name = "OUT")]
    output: Option<String>,
    /// The format of OUT, when its extension does not tell it.
    #[arg(long, value_enum, value_name = "FORMAT", requires = "output")]
    to: Option<OutputFormat>,
    /// The summary as one JSON object: date, attributions placed and in all, claims said by
    /// then, attributions that could not be placed in time.
    #[arg(long)]
    json: bool,
}

/// Writes what the record held on the date.
pub fn run(args: Args, ui: &Ui) -> Result<(), Failure> {
    let graph = args.graph.read(ui)?;
    let then = graph.as_of(&args.date);
    if let Some(out) = &args.output {
        let format = output_format(out, args.to)?;
        write_graph(&then.graph, out, format, &PictureOptions::whole_graph(), ui)?;
        if out == "-" {
            return Ok(());
        }
    }
    let text = if args.json {
        let said: Vec<&str> = then
            .graph
            .claims()
            .filter(|c| {
                then.graph
                    .attributions_of(&c.id)
                    .is_ok_and(|a| !a.is_empty())
            })
            .map(|c| c.id.as_str())
            .collect();
        let summary = serde_json::json!({
            "date": args.date.to_string(),
            "attributions": then.graph.counts().attributions,
            "attributions_in_all": graph.counts().attributions,
            "said_by_then": said,
            "unplaced": then.unplaced,
        });
        json_line(serde_json::to_string(&summary))?
    } else {
        graph.report(&ReportOptions::as_of_only(args.date))?
    };
    write_text("-", &text)
}
