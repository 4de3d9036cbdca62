//! Scale-out measurement: a corpus exported as Parquet tables and as PROV-O N-Triples, with
//! claimgraph's own in-memory W2 beside it.
//!
//! Usage: `export CORPUS.jsonl [--parquet DIR] [--ntriples FILE|-] [--w2]`
//!
//! Ingests the corpus (as W1 does), or loads a graph saved as native JSON when the input's name
//! ends in `.json` (the second-model fixtures the scale-out check runs beside the corpus), then
//! writes what was asked, then (with `--w2`) computes the
//! W2 tuples in memory. Prints one JSON object on stdout (on stderr when `--ntriples -` writes
//! the triples to stdout, so that a 10M-claim export can be counted by `wc -c` without being
//! stored): wall seconds per step under `t`, CPU seconds (user + system) under `cpu`, file
//! sizes in bytes, the number of triples, peak RSS in MiB after ingest and after each export
//! (the process's high-water mark, so an export's own peak is the growth over the step before),
//! and the W2 digest that `benches/scale-out/w2_duckdb.py` and `w2_spark.py` must reproduce
//! from the tables, with the digest of each claim's independent origins
//! (`independent_sha256_16`, untimed) that they must reproduce too. Build it with `--release`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use claimgraph_benches::timing::Timings;
use claimgraph_benches::{digest, rss, workload};
use serde_json::{json, Map, Value};

struct Args {
    corpus: PathBuf,
    parquet: Option<PathBuf>,
    ntriples: Option<PathBuf>,
    w2: bool,
}

const USAGE: &str =
    "usage: export CORPUS.jsonl|GRAPH.json [--parquet DIR] [--ntriples FILE|-] [--w2]";

fn parse_args() -> Result<Args, String> {
    let mut corpus = None;
    let (mut parquet, mut ntriples, mut w2) = (None, None, false);
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--parquet" => parquet = Some(it.next().ok_or("--parquet needs a folder")?.into()),
            "--ntriples" => ntriples = Some(it.next().ok_or("--ntriples needs a file")?.into()),
            "--w2" => w2 = true,
            "-h" | "--help" => return Err(USAGE.into()),
            _ if a.starts_with("--") => return Err(format!("unknown option {a}\n{USAGE}")),
            _ => corpus = Some(PathBuf::from(a)),
        }
    }
    Ok(Args {
        corpus: corpus.ok_or(USAGE)?,
        parquet,
        ntriples,
        w2,
    })
}

/// Counts the bytes written through it.
struct Counted<W> {
    out: W,
    bytes: u64,
}

impl<W: Write> Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.out.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// The N-Triples export into `path` (standard output for `-`): (triples, bytes).
fn write_ntriples(g: &claimgraph::ClaimGraph, path: &Path) -> Result<(u64, u64), String> {
    let out: Box<dyn Write> = if path == Path::new("-") {
        Box::new(std::io::stdout().lock())
    } else {
        Box::new(
            std::fs::File::create(path)
                .map_err(|e| format!("ntriples: cannot create {}: {e}", path.display()))?,
        )
    };
    let mut counted = Counted { out, bytes: 0 };
    let triples = g
        .write_ntriples(&mut counted)
        .map_err(|e| format!("ntriples: {e}"))?;
    counted
        .flush()
        .map_err(|e| format!("ntriples: {}: {e}", path.display()))?;
    Ok((triples, counted.bytes))
}

fn run(a: &Args) -> Result<Value, String> {
    let mut t = Timings::default();
    let mut res = Map::new();
    let g = t.timed("ingest", || {
        if a.corpus.extension().is_some_and(|e| e == "json") {
            claimgraph::ClaimGraph::load(&a.corpus).map_err(|e| format!("load: {e}"))
        } else {
            workload::ingest(&a.corpus).map_err(|e| format!("ingest: {e}"))
        }
    })?;
    res.insert("n_claims".into(), json!(g.counts().claims));
    res.insert("n_attributions".into(), json!(g.counts().attributions));
    res.insert("rss_after_ingest_mb".into(), json!(rss::peak_mb()));

    if let Some(dir) = &a.parquet {
        let files = t
            .timed("parquet", || g.write_parquet(dir))
            .map_err(|e| format!("parquet: {e}"))?;
        let tables: Map<String, Value> = files
            .iter()
            .map(|f| {
                (
                    f.table.to_owned(),
                    json!({"rows": f.rows, "bytes": f.bytes}),
                )
            })
            .collect();
        res.insert(
            "parquet_bytes".into(),
            json!(files.iter().map(|f| f.bytes).sum::<u64>()),
        );
        res.insert("parquet_tables".into(), Value::Object(tables));
        res.insert("rss_after_parquet_mb".into(), json!(rss::peak_mb()));
    }

    if let Some(path) = &a.ntriples {
        let (triples, bytes) = t.timed("ntriples", || write_ntriples(&g, path))?;
        res.insert("triples".into(), json!(triples));
        res.insert("ntriples_bytes".into(), json!(bytes));
        res.insert("rss_after_ntriples_mb".into(), json!(rss::peak_mb()));
    }

    if a.w2 {
        let rows = t.timed("w2", || workload::status_rows(&g));
        res.insert("w2".into(), json!(digest::w2_digest(&rows)));
        // Untimed: each claim's independent origins, which the engines group from
        // `statement_origins`.
        let summaries = g.summaries();
        res.insert(
            "independent_sha256_16".into(),
            json!(digest::independence_digest(
                summaries
                    .iter()
                    .map(|s| (s.claim.as_str(), s.independent_origins))
            )),
        );
    }
    res.insert("t".into(), Value::Object(t.t));
    res.insert("cpu".into(), Value::Object(t.cpu));
    res.insert("rss_peak_mb".into(), json!(rss::peak_mb()));
    Ok(Value::Object(res))
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(v) if args.ntriples.as_deref() == Some(Path::new("-")) => {
            eprintln!("{v}");
            ExitCode::SUCCESS
        }
        Ok(v) => {
            println!("{v}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("export: {e}");
            ExitCode::FAILURE
        }
    }
}
