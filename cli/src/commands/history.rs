//! `claimgraph history DB [ID] [--since TIME] [--json] [--verify] [--prov]`

use chrono::{DateTime, Utc};
use claimgraph::ClaimGraph;

use super::json_line;
use crate::failure::Failure;
use crate::output::write_text;
use crate::ui::Ui;

/// What was changed in a graph database, by whom, when and why.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The graph database (a file made by `ClaimGraph::open` or `convert --to database`).
    #[arg(value_name = "DB")]
    db: String,
    /// Only the events about this record (a node or an edge id).
    #[arg(value_name = "ID")]
    id: Option<String>,
    /// Only the events at or after this time (RFC 3339, e.g. 2026-12-01T09:00:00Z).
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    since: Option<DateTime<Utc>>,
    /// One JSON object per event and line, every field (values before and after included).
    #[arg(long)]
    json: bool,
    /// Checks the hash chain instead: exit status 0 when the log is intact, 1 naming the first
    /// altered event otherwise.
    #[arg(long, conflicts_with_all = ["json", "prov"])]
    verify: bool,
    /// The whole history as W3C PROV-JSON (changes as activities, actors as agents, record
    /// versions as entities).
    #[arg(long, conflicts_with = "json")]
    prov: bool,
}

fn parse_time(text: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| format!("{e}: a time is written as in 2026-12-01T09:00:00Z"))
}

/// Writes the events (or the check) of the database.
pub fn run(args: Args, _ui: &Ui) -> Result<(), Failure> {
    let graph = ClaimGraph::open(&args.db).map_err(|e| Failure::in_file(&args.db, e))?;
    if args.verify {
        let check = graph.verify_history()?;
        return match (check.first_altered, check.problem) {
            (None, _) => write_text(
                "-",
                &format!("history intact: {} events checked\n", check.events),
            ),
            (Some(_), problem) => Err(Failure::Reported(format!(
                "{}: history altered: {}",
                args.db,
                problem.unwrap_or_default()
            ))),
        };
    }
    if args.prov {
        let mut text = graph.history_to_prov_json()?;
        text.push('\n');
        return write_text("-", &text);
    }
    let mut events = match (&args.id, args.since) {
        (Some(id), _) => graph.history(id)?,
        (None, Some(since)) => graph.history_since(since)?,
        (None, None) => graph.history_since(DateTime::<Utc>::MIN_UTC)?,
    };
    if let Some(since) = args.since {
        events.retain(|e| e.at >= since);
    }
    let mut out = String::new();
    for e in &events {
        if args.json {
            out.push_str(&json_line(serde_json::to_string(e))?);
        } else {
            out.push_str(&format!(
                "{:>6}  change {:<5} {}  {}  {} {} {}",
                e.seq,
                e.change,
                e.at.format("%Y-%m-%d %H:%M:%S%.3fZ"),
                e.actor,
                e.action,
                e.kind,
                e.id
            ));
            if let Some(u) = e.undoes {
                out.push_str(&format!("  (undoes change {u})"));
            }
            if let Some(r) = &e.reason {
                out.push_str(&format!("  -- {r}"));
            }
            out.push('\n');
        }
    }
    write_text("-", &out)
}
