//! Scale-out measurement: a corpus exported as Parquet tables and as PROV-O N-Triples, with
//! claimgraph's own in-memory W2 beside it.
//!
//! Usage: `export CORPUS.jsonl [--parquet DIR] [--ntriples FILE] [--w2]`
//!
//! Ingests the corpus (as W1 does), or loads a graph saved as native JSON when the input's name
//! ends in `.json` (the second-model fixtures the scale-out check runs beside the corpus), then
//! writes what was asked, then (with `--w2`) computes the
//! W2 tuples in memory. Prints one JSON object on stdout: wall seconds per step under `t`, file
//! sizes in bytes, the number of triples, peak RSS in MiB after ingest and after each export
//! (the process's high-water mark, so an export's own peak is the growth over the step before),
//! and the W2 digest that `benches/scale-out/w2_duckdb.py` and `w2_spark.py` must reproduce
//! from the tables. Build it with `--release`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use claimgraph_benches::{digest, rss, workload};
use serde_json::{json, Map, Value};

struct Args {
    corpus: PathBuf,
    parquet: Option<PathBuf>,
    ntriples: Option<PathBuf>,
    w2: bool,
}

const USAGE: &str =
    "usage: export CORPUS.jsonl|GRAPH.json [--parquet DIR] [--ntriples FILE] [--w2]";

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

fn run(a: &Args) -> Result<Value, String> {
    let mut t = Map::new();
    let mut res = Map::new();
    let t0 = Instant::now();
    let g = if a.corpus.extension().is_some_and(|e| e == "json") {
        claimgraph::ClaimGraph::load(&a.corpus).map_err(|e| format!("load: {e}"))?
    } else {
        workload::ingest(&a.corpus).map_err(|e| format!("ingest: {e}"))?
    };
    t.insert("ingest".into(), json!(t0.elapsed().as_secs_f64()));
    res.insert("n_claims".into(), json!(g.counts().claims));
    res.insert("n_attributions".into(), json!(g.counts().attributions));
    res.insert("rss_after_ingest_mb".into(), json!(rss::peak_mb()));

    if let Some(dir) = &a.parquet {
        let t0 = Instant::now();
        let files = g.write_parquet(dir).map_err(|e| format!("parquet: {e}"))?;
        t.insert("parquet".into(), json!(t0.elapsed().as_secs_f64()));
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
        let t0 = Instant::now();
        let file = std::fs::File::create(path)
            .map_err(|e| format!("ntriples: cannot create {}: {e}", path.display()))?;
        let triples = g
            .write_ntriples(file)
            .map_err(|e| format!("ntriples: {e}"))?;
        t.insert("ntriples".into(), json!(t0.elapsed().as_secs_f64()));
        let bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        res.insert("triples".into(), json!(triples));
        res.insert("ntriples_bytes".into(), json!(bytes));
        res.insert("rss_after_ntriples_mb".into(), json!(rss::peak_mb()));
    }

    if a.w2 {
        let t0 = Instant::now();
        let rows = workload::status_rows(&g);
        t.insert("w2".into(), json!(t0.elapsed().as_secs_f64()));
        res.insert("w2".into(), json!(digest::w2_digest(&rows)));
    }
    res.insert("t".into(), Value::Object(t));
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
