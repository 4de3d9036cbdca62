//! `claimgraph report FILE [--claim ID] [--json] [--as-of DATE]...`

use claimgraph::{ReportOptions, When};

use super::{parse_date, GraphArg};
use crate::failure::Failure;
use crate::output::write_text;
use crate::ui::Ui;

/// The readable report of every claim (or one), then the findings.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    graph: GraphArg,
    /// Only this claim's section.
    #[arg(long, value_name = "ID")]
    claim: Option<String>,
    /// One JSON object per claim and line (status, independent origin count, score and
    /// reasons) instead of text.
    #[arg(long)]
    json: bool,
    /// After the findings, the record as it stood on DATE (a year, month, day or instant);
    /// may be given several times.
    #[arg(long = "as-of", value_name = "DATE", value_parser = parse_date, conflicts_with = "json")]
    as_of: Vec<When>,
}

/// Writes the report.
pub fn run(args: Args, ui: &Ui) -> Result<(), Failure> {
    let graph = args.graph.read(ui)?;
    let text = if args.json {
        let lines = match &args.claim {
            Some(id) => vec![graph.report_json(id)?],
            None => graph.report_json_lines()?,
        };
        lines.into_iter().map(|l| l + "\n").collect()
    } else {
        let mut options = match &args.claim {
            Some(id) => ReportOptions::claim(id.clone()),
            None => ReportOptions::whole_graph(),
        };
        options.as_of = args.as_of;
        graph.report(&options)?
    };
    write_text("-", &text)
}
