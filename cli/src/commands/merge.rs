//! `claimgraph merge A B -o OUT [--policy P]`

use claimgraph::{MergeChoice, MergePolicy, PictureOptions};

use crate::failure::Failure;
use crate::formats::OutputFormat;
use crate::input::{read_graph, ReadOptions};
use crate::output::{output_format, write_graph};
use crate::ui::Ui;

/// Merges graph B into graph A: records with the same id are the same record; fields on which
/// they disagree are settled by the policy, and every conflict is reported.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The first graph (`-`: standard input).
    #[arg(value_name = "A")]
    first: String,
    /// The graph merged into it.
    #[arg(value_name = "B")]
    second: String,
    /// Where to write the merged graph (`-`: standard output).
    #[arg(short, long, value_name = "OUT")]
    output: String,
    /// What to do when A and B disagree on a field: fail (and write nothing), keep_ours (A's),
    /// take_theirs (B's).
    #[arg(long, value_name = "POLICY", default_value = "fail", value_parser = policy())]
    policy: MergePolicy,
    /// How the input is read.
    #[command(flatten)]
    read: ReadOptions,
    /// The format of OUT, when its extension does not tell it.
    #[arg(long, value_enum, value_name = "FORMAT")]
    to: Option<OutputFormat>,
}

/// The policies by the names the library gives them.
fn policy() -> impl clap::builder::TypedValueParser<Value = MergePolicy> {
    use clap::builder::TypedValueParser;
    let names = MergePolicy::ALL.map(MergePolicy::as_str);
    clap::builder::PossibleValuesParser::new(names).try_map(|name| name.parse::<MergePolicy>())
}

/// Merges, reports what the merge did on standard error, and writes OUT.
pub fn run(args: Args, ui: &Ui) -> Result<(), Failure> {
    let format = output_format(&args.output, args.to)?;
    if args.first == "-" && args.second == "-" {
        return Err(Failure::Usage(
            "standard input can be read once: give A or B as a file".into(),
        ));
    }
    let mut graph = read_graph(&args.first, &args.read, ui)?;
    let other = read_graph(&args.second, &args.read, ui)?;
    let working = ui.working("merging");
    let merged = graph.merge(&other, args.policy);
    working.finish_and_clear();
    let report = merged.map_err(|e| {
        Failure::graph(e)
            .hint("--policy keep_ours or take_theirs settles conflicts and reports them")
    })?;
    ui.note(format!(
        "merged {} into {}: {} records added, {} unchanged, {} extended, {} conflicts",
        args.second,
        args.first,
        report.added.len(),
        report.unchanged.len(),
        report.extended.len(),
        report.conflicts.len()
    ));
    for c in &report.conflicts {
        let (kept, value) = match c.chosen {
            MergeChoice::Ours => (&args.first, &c.ours),
            MergeChoice::Theirs => (&args.second, &c.theirs),
        };
        ui.warn(format!(
            "conflict on {} {:?}, field {}: {} vs {}; kept {kept}'s {value}",
            c.kind, c.id, c.field, c.ours, c.theirs
        ));
    }
    write_graph(
        &graph,
        &args.output,
        format,
        &PictureOptions::whole_graph(),
        ui,
    )
}
