//! The database-backed graph's costs (`ClaimGraph::open`): one durable change, opening, a bulk
//! ingest in one transaction against the same ingest in memory, one record's history among many
//! events, and verifying the whole hash chain.
//!
//! Usage: `store OPEN_CORPUS.jsonl INGEST_CORPUS.jsonl [--dir DIR] [--changes N] [--opens N]`
//!
//! `OPEN_CORPUS` is the graph whose database is reopened (the targets name 100k claims);
//! `INGEST_CORPUS` is ingested in one transaction (the targets name a million records), and its
//! events are the log that history and verification run over. The database of `OPEN_CORPUS` is
//! opened `--opens` times (5 unless told), one after the other, each graph dropped before the
//! next: `open` reports the median and each run, as one opening's CPU time moves by a fifth
//! or more on a shared machine. Prints one JSON object. Build it with `--release`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use claimgraph::{Claim, ClaimGraph, JsonlOptions};
use claimgraph_benches::rss::cpu_seconds;
use claimgraph_benches::timing::percentile;
use serde_json::json;

fn reader(path: &PathBuf) -> Result<std::io::BufReader<std::fs::File>, String> {
    std::fs::File::open(path)
        .map(std::io::BufReader::new)
        .map_err(|e| format!("{}: {e}", path.display()))
}

fn run() -> Result<serde_json::Value, String> {
    let mut args = std::env::args().skip(1);
    let mut positional = Vec::new();
    let mut dir = std::env::temp_dir();
    let mut changes = 2000usize;
    let mut opens = 5usize;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--dir" => dir = args.next().ok_or("--dir needs a folder")?.into(),
            "--changes" => {
                changes = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .ok_or("--changes needs a number")?
            }
            "--opens" => {
                opens = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n > 0)
                    .ok_or("--opens needs a number of at least 1")?
            }
            _ => positional.push(PathBuf::from(a)),
        }
    }
    let [open_corpus, ingest_corpus] = positional.as_slice() else {
        return Err(
            "usage: store OPEN_CORPUS.jsonl INGEST_CORPUS.jsonl [--dir DIR] [--changes N] [--opens N]"
                .into(),
        );
    };
    let e = |e: claimgraph::Error| e.to_string();
    let db_path = |name: &str| {
        let p = dir.join(format!(
            "claimgraph-store-bench-{}-{name}.db",
            std::process::id()
        ));
        let _ = std::fs::remove_file(&p);
        let _ = std::fs::remove_file(p.with_extension("db-wal"));
        p
    };

    // One durable change at a time.
    let single = db_path("single");
    let mut g = ClaimGraph::open(&single).map_err(e)?;
    let mut times = Vec::with_capacity(changes);
    for n in 0..changes {
        let claim = Claim::new(format!("c{n}"), format!("Claim number {n}, added alone"));
        let t = Instant::now();
        g.add_claim(claim).map_err(e)?;
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    drop(g);
    times.sort_by(f64::total_cmp);

    // Opening a database of the open corpus.
    let opened = db_path("open");
    {
        let mut g = ClaimGraph::open(&opened).map_err(e)?;
        g.ingest_jsonl(reader(open_corpus)?, JsonlOptions::default())
            .map_err(e)?;
    }
    let mut open_runs = Vec::with_capacity(opens);
    let mut open_counts = None;
    for _ in 0..opens {
        let (t, cpu) = (Instant::now(), cpu_seconds());
        let g = ClaimGraph::open(&opened).map_err(e)?;
        open_runs.push((t.elapsed().as_secs_f64(), cpu_delta(cpu)));
        open_counts = Some(g.counts());
    }
    let open_counts = open_counts.unwrap_or_default();
    let mut open_walls: Vec<f64> = open_runs.iter().map(|r| r.0).collect();
    let mut open_cpus: Vec<f64> = open_runs.iter().filter_map(|r| r.1).collect();
    open_walls.sort_by(f64::total_cmp);
    open_cpus.sort_by(f64::total_cmp);

    // Ingest in memory, then into a database in one transaction.
    let (t, cpu) = (Instant::now(), cpu_seconds());
    let (mem, _) = ClaimGraph::from_jsonl(reader(ingest_corpus)?).map_err(e)?;
    let memory_s = t.elapsed().as_secs_f64();
    let memory_cpu = cpu_delta(cpu);
    let c = mem.counts();
    let records =
        c.sources + c.claims + c.attributions + c.source_relations + c.claim_relations + c.verdicts;
    drop(mem);
    let ingested = db_path("ingest");
    let mut g = ClaimGraph::open(&ingested).map_err(e)?;
    let (t, cpu) = (Instant::now(), cpu_seconds());
    g.ingest_jsonl(reader(ingest_corpus)?, JsonlOptions::default())
        .map_err(e)?;
    let stored_s = t.elapsed().as_secs_f64();
    let stored_cpu = cpu_delta(cpu);
    let events = g.verify_history().map_err(e)?.events;

    // One record's history among all those events.
    let ids: Vec<String> = g.claims().step_by(997).map(|c| c.id.clone()).collect();
    let mut lookups = Vec::with_capacity(ids.len());
    for id in &ids {
        let t = Instant::now();
        let h = g.history(id).map_err(e)?;
        lookups.push(t.elapsed().as_secs_f64() * 1e3);
        if h.is_empty() {
            return Err(format!("no history for {id}"));
        }
    }
    lookups.sort_by(f64::total_cmp);

    let (t, cpu) = (Instant::now(), cpu_seconds());
    let check = g.verify_history().map_err(e)?;
    let verify_s = t.elapsed().as_secs_f64();
    let verify_cpu = cpu_delta(cpu);
    if !check.intact() {
        return Err(format!("history not intact: {:?}", check.problem));
    }
    let db_mb = std::fs::metadata(&ingested).map_or(0.0, |m| m.len() as f64 / 1048576.0);
    drop(g);
    for p in [&single, &opened, &ingested] {
        let _ = std::fs::remove_file(p);
        let _ = std::fs::remove_file(p.with_extension("db-wal"));
    }

    Ok(json!({
        "durable_change_ms": {"n": changes, "p50": percentile(&times, 0.5), "p99": percentile(&times, 0.99), "max": times.last()},
        "open": {"claims": open_counts.claims, "attributions": open_counts.attributions, "runs": opens, "seconds": percentile(&open_walls, 0.5), "cpu": percentile(&open_cpus, 0.5), "cpu_min": open_cpus.first(), "cpu_each": open_runs.iter().map(|r| r.1).collect::<Vec<_>>()},
        "ingest": {"records": records, "memory_s": memory_s, "memory_cpu": memory_cpu, "database_s": stored_s, "database_cpu": stored_cpu, "ratio": stored_s / memory_s, "database_mb": db_mb},
        "history_ms": {"events": events, "lookups": lookups.len(), "p50": percentile(&lookups, 0.5), "p99": percentile(&lookups, 0.99)},
        "verify": {"events": check.events, "seconds": verify_s, "cpu": verify_cpu},
    }))
}

/// CPU seconds since `start` (all threads), when the platform reports them.
fn cpu_delta(start: Option<f64>) -> Option<f64> {
    Some(cpu_seconds()? - start?)
}

fn main() -> ExitCode {
    match run() {
        Ok(v) => {
            println!("{v}");
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("store: {msg}");
            ExitCode::FAILURE
        }
    }
}
