//! Reading a graph from a file or standard input, in any format the core reads.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::PathBuf;

use claimgraph::{ClaimGraph, Error, ImportReport, Location};

use crate::failure::Failure;
use crate::formats::InputFormat;
use crate::ui::Ui;

/// How many bytes are looked at to tell a format from the content.
const SNIFF: u64 = 64 * 1024;

/// The name a message gives an input: its path, or "standard input" for `-`.
pub fn input_name(file: &str) -> String {
    if file == "-" {
        "standard input".to_owned()
    } else {
        file.to_owned()
    }
}

/// How graphs are read: the options every command that reads one takes.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ReadOptions {
    /// The input format, when neither the name nor the content tells it.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub from: Option<InputFormat>,
    /// Read ClaimReview leniently: a review that cannot be read (a rating that is not a
    /// number, a date that is not one) is left out with a warning instead of failing the file.
    #[arg(long)]
    pub lenient: bool,
}

/// Reads the graph in `file` (`-`: standard input), in `--from` or else the format its
/// extension or content shows. Import notes and records left out are reported as warnings.
pub fn read_graph(file: &str, options: &ReadOptions, ui: &Ui) -> Result<ClaimGraph, Failure> {
    let name = input_name(file);
    if options.from == Some(InputFormat::Parquet)
        || (options.from.is_none() && InputFormat::from_path(file) == Some(InputFormat::Parquet))
    {
        if file == "-" {
            return Err(Failure::Usage(
                "Parquet tables are read from their folder, not from standard input".into(),
            ));
        }
        let working = ui.working(&format!("reading the tables in {name}"));
        let read = ClaimGraph::read_parquet(file);
        working.finish_and_clear();
        return read.map_err(|e| Failure::in_file(&name, e));
    }
    let (source, len): (Box<dyn Read>, Option<u64>) = if file == "-" {
        (Box::new(io::stdin().lock()), None)
    } else {
        let opened = File::open(file).map_err(|source| {
            Failure::graph(Error::Io {
                action: "read",
                path: PathBuf::from(file),
                source,
            })
        })?;
        let len = opened
            .metadata()
            .ok()
            .filter(|m| m.is_file())
            .map(|m| m.len());
        (Box::new(opened), len)
    };
    let bar = ui.reading(&name, len);
    let mut reader = bar.wrap_read(source);
    let read_error = |source| {
        Failure::graph(Error::Io {
            action: "read",
            path: PathBuf::from(&name),
            source,
        })
    };

    let mut head = Vec::new();
    let format = match options.from.or_else(|| InputFormat::from_path(file)) {
        Some(format) => format,
        None => {
            (&mut reader)
                .take(SNIFF)
                .read_to_end(&mut head)
                .map_err(read_error)?;
            InputFormat::sniff(&head).ok_or_else(|| unknown_format(&name, &head))?
        }
    };
    if format == InputFormat::Database {
        drop(reader);
        bar.finish_and_clear();
        if file == "-" {
            return Err(Failure::Usage(
                "a graph database is read from its file, not from standard input".into(),
            ));
        }
        return ClaimGraph::open(file)
            .map(claimgraph::StoredGraph::into_graph)
            .map_err(|e| Failure::in_file(&name, e));
    }
    let reader = BufReader::with_capacity(1 << 20, io::Cursor::new(head).chain(reader));

    let read = match format {
        InputFormat::Native => ClaimGraph::from_json_reader(reader),
        InputFormat::Jsonl => ClaimGraph::from_jsonl(reader).map(|(graph, report)| {
            if report.skipped_cycle_citations > 0 {
                ui.warn(format!(
                    "{name}: {} citations marked as closing a loop (\"cycle\": true) were left out",
                    report.skipped_cycle_citations
                ));
            }
            graph
        }),
        InputFormat::Database => read_by_path(&name, "graph database"),
        InputFormat::Parquet => read_by_path(&name, "Parquet tables"),
        InputFormat::Prov | InputFormat::Claimreview | InputFormat::Stix => {
            let text = read_text(reader, &name, format)?;
            let imported = match format {
                InputFormat::Prov => ClaimGraph::from_prov_json(&text),
                InputFormat::Stix => ClaimGraph::from_stix_json(&text),
                _ if options.lenient => ClaimGraph::from_claimreview_json_lenient(&text),
                _ => ClaimGraph::from_claimreview_json(&text),
            };
            imported.map(|(graph, report)| {
                warn_import(ui, &name, &report);
                graph
            })
        }
    };
    bar.finish_and_clear();
    read.map_err(|e| Failure::in_file(&name, e))
}

/// The whole input as UTF-8 text, for the formats the core parses as one document.
fn read_text(mut reader: impl Read, name: &str, format: InputFormat) -> Result<String, Failure> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).map_err(|source| {
        Failure::graph(Error::Io {
            action: "read",
            path: PathBuf::from(name),
            source,
        })
    })?;
    let format = match format {
        InputFormat::Prov => "PROV-JSON",
        _ => "ClaimReview JSON-LD",
    };
    utf8_text(bytes, name, format)
}

/// `bytes` as UTF-8 text; otherwise a format error naming `name`, the line and the byte.
pub fn utf8_text(bytes: Vec<u8>, name: &str, format: &'static str) -> Result<String, Failure> {
    String::from_utf8(bytes).map_err(|e| {
        let before = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = before.iter().filter(|b| **b == b'\n').count() as u64 + 1;
        Failure::in_file(
            name,
            Error::Format {
                format,
                location: Location {
                    line: Some(line),
                    ..Location::default()
                },
                message: format!(
                    "not UTF-8 text (a byte that is not UTF-8 after {} bytes)",
                    before.len()
                ),
            },
        )
    })
}

fn unknown_format(name: &str, head: &[u8]) -> Failure {
    let what = if head.iter().all(u8::is_ascii_whitespace) {
        "it is empty"
    } else {
        "it is none of the formats claimgraph reads"
    };
    Failure::in_file(
        name,
        Error::Format {
            format: "claim graph",
            location: Location::default(),
            message: format!("cannot tell the format from the name or the content: {what}"),
        },
    )
    .hint("give it with --from native|jsonl|prov|claimreview")
}

/// The notes of an import, and what it left out, counted by kind.
fn warn_import(ui: &Ui, name: &str, report: &ImportReport) {
    for note in &report.notes {
        ui.note(format!("note: {name}: {note}"));
    }
    for rejected in &report.rejected {
        ui.warn(format!(
            "{name}: left out {} (field {}): {}",
            rejected.record, rejected.field, rejected.reason
        ));
    }
    if report.skipped.is_empty() {
        return;
    }
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for skipped in &report.skipped {
        *kinds.entry(skipped.kind.as_str()).or_default() += 1;
    }
    let kinds: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} x{n}")).collect();
    ui.warn(format!(
        "{name}: {} records or attributes have no place in a claim graph and were left out ({})",
        report.skipped.len(),
        kinds.join(", ")
    ));
    // Why, each distinct reason once (the report itself lists every record).
    let mut reasons: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for skipped in &report.skipped {
        *reasons
            .entry((skipped.kind.as_str(), skipped.reason.as_str()))
            .or_default() += 1;
    }
    const SHOWN: usize = 10;
    for ((kind, reason), n) in reasons.iter().take(SHOWN) {
        ui.note(format!("note: {name}: {kind} x{n}: {reason}"));
    }
    if reasons.len() > SHOWN {
        ui.note(format!(
            "note: {name}: and {} other reasons",
            reasons.len() - SHOWN
        ));
    }
}

/// The formats read from a path (a database file, a folder of tables), never from a stream:
/// they are read above, before any stream is opened.
fn read_by_path(name: &str, format: &'static str) -> claimgraph::Result<ClaimGraph> {
    Err(Error::Format {
        format,
        location: claimgraph::Location {
            path: Some(PathBuf::from(name)),
            ..claimgraph::Location::default()
        },
        message: "read from its path, not from a stream".into(),
    })
}
