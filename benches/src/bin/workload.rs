//! One claimgraph measurement of the shared workload, in one process: W1 ingest, W2 status of
//! every claim, W3 chains of the sampled claims, W4 save, W5 load, then the W1 floor.
//!
//! Usage: `workload CORPUS.jsonl [--only-w12] [--verify-roundtrip] [--no-floor]
//! [--no-full-statuses] [--tmpdir DIR]`
//!
//! Prints one JSON object on stdout with the same keys as the Python peers' harness
//! (`benches/peers/harness.py`): wall seconds under `t`, CPU seconds under `cpu`, peak RSS in
//! MiB, record counts, the W2 and W3 checksums, the size of the saved file, and under `floor`
//! what reading the file and parsing every line alone cost. W2 uses the bulk status figures
//! (`summaries`); after the peak memory is read, W2 is also timed through the full status records
//! (`statuses`, on a fresh graph) under `w2_statuses`. Build it with `--release`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use claimgraph::ClaimGraph;
use claimgraph_benches::timing::Timings;
use claimgraph_benches::{corpus, digest, floor, pyrandom, rss, workload};
use serde_json::{json, Map, Value};

struct Args {
    corpus: PathBuf,
    only_w12: bool,
    verify_roundtrip: bool,
    floor: bool,
    full_statuses: bool,
    tmpdir: PathBuf,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        corpus: PathBuf::new(),
        only_w12: false,
        verify_roundtrip: false,
        floor: true,
        full_statuses: true,
        tmpdir: std::env::temp_dir(),
    };
    let mut it = std::env::args().skip(1);
    let mut corpus = None;
    while let Some(a) = it.next() {
        match a.as_str() {
            "--only-w12" => args.only_w12 = true,
            "--verify-roundtrip" => args.verify_roundtrip = true,
            "--no-floor" => args.floor = false,
            "--no-full-statuses" => args.full_statuses = false,
            "--tmpdir" => {
                args.tmpdir = it
                    .next()
                    .map(PathBuf::from)
                    .ok_or("--tmpdir needs a folder")?
            }
            "-h" | "--help" => {
                return Err(
                    "usage: workload CORPUS.jsonl [--only-w12] [--verify-roundtrip] \
                            [--no-floor] [--tmpdir DIR]"
                        .into(),
                )
            }
            _ if a.starts_with("--") => return Err(format!("unknown option {a}")),
            _ => corpus = Some(PathBuf::from(a)),
        }
    }
    args.corpus = corpus.ok_or("missing the corpus path (see --help)")?;
    Ok(args)
}

fn counts(g: &ClaimGraph) -> Value {
    let c = g.counts();
    json!({"sources": c.sources, "claims": c.claims, "attributions": c.attributions,
           "citations": c.source_relations})
}

fn run(a: &Args) -> Result<Value, String> {
    let n_claims = corpus::n_claims(&a.corpus)?;
    let mut res = Map::new();
    res.insert("peer".into(), json!("claimgraph"));
    res.insert("n_claims".into(), json!(n_claims));
    res.insert("mode".into(), json!("main"));
    res.insert("rss_start_mb".into(), json!(rss::peak_mb()));
    let mut t = Timings::default();

    let g = t
        .timed("W1", || workload::ingest(&a.corpus))
        .map_err(|e| format!("W1: {e}"))?;
    res.insert("rss_after_w1_mb".into(), json!(rss::peak_mb()));
    let original_counts = counts(&g);
    res.insert("counts".into(), original_counts.clone());

    let rows = t.timed("W2", || workload::status_rows(&g));
    let w2 = digest::w2_digest(&rows);
    drop(rows);
    res.insert("w2".into(), json!(w2));

    // The graph W2 ran on, or the one W5 read back: what the full-records W2 runs on at the end.
    let mut last = Some(g);
    if let (false, Some(g)) = (a.only_w12, last.take()) {
        let sample = pyrandom::w3_sample(n_claims);
        let tuples = t
            .timed("W3", || workload::chain_tuples(&g, &sample))
            .map_err(|e| format!("W3: {e}"))?;
        res.insert("w3".into(), json!(digest::w3_digest(&tuples)));
        drop(tuples);

        let out = a
            .tmpdir
            .join(format!("peer-claimgraph-{}.json", std::process::id()));
        let saved = t.timed("W4", || g.save(&out));
        let result = saved
            .map_err(|e| format!("W4: {e}"))
            .and_then(|()| load_back(a, &out, g, &original_counts, &w2, &mut t, &mut res));
        let _ = std::fs::remove_file(&out);
        last = Some(result?);
    }
    res.insert("t".into(), Value::Object(t.t));
    res.insert("cpu".into(), Value::Object(t.cpu));
    res.insert("rss_peak_mb".into(), json!(rss::peak_mb()));
    if let (true, Some(g)) = (a.full_statuses, &last) {
        // After the peak was read: the full records of every claim take far more memory than
        // the figures W2 needs.
        full_statuses(g, &mut res, &w2);
    }
    drop(last);
    if a.floor {
        // After the peak was read: the floor holds the whole file in memory.
        let f = floor::measure(&a.corpus)?;
        res.insert("floor".into(), json!(f));
    }
    Ok(Value::Object(res))
}

/// W2 again, through the full status records.
fn full_statuses(g: &ClaimGraph, res: &mut Map<String, Value>, w2: &digest::W2Digest) {
    let mut tm = Timings::default();
    let rows = tm.timed("W2", || workload::status_rows_full(g));
    let same = &digest::w2_digest(&rows) == w2;
    drop(rows);
    res.insert(
        "w2_statuses".into(),
        json!({"t": tm.t.get("W2"), "cpu": tm.cpu.get("W2"), "same_digest": same,
               "rss_peak_mb": rss::peak_mb()}),
    );
}

fn load_back(
    a: &Args,
    out: &Path,
    g: ClaimGraph,
    original_counts: &Value,
    w2: &digest::W2Digest,
    t: &mut Timings,
    res: &mut Map<String, Value>,
) -> Result<ClaimGraph, String> {
    let bytes = std::fs::metadata(out).map(|m| m.len()).unwrap_or(0);
    res.insert("w4_bytes".into(), json!(bytes));
    drop(g);
    let g2 = t
        .timed("W5", || ClaimGraph::load(out))
        .map_err(|e| format!("W5: {e}"))?;
    let c2 = counts(&g2);
    res.insert(
        "roundtrip_counts_equal".into(),
        json!(&c2 == original_counts),
    );
    if &c2 != original_counts {
        res.insert("roundtrip_counts".into(), c2);
    }
    if a.verify_roundtrip {
        let again = digest::w2_digest(&workload::status_rows(&g2));
        res.insert("roundtrip_w2_equal".into(), json!(&again == w2));
    }
    Ok(g2)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("workload: {e}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(v) => {
            println!("{v}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("workload: {}: {e}", args.corpus.display());
            ExitCode::FAILURE
        }
    }
}
