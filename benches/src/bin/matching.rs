//! The claim index at scale, on the benchmark corpus: build time (one thread), index size,
//! query latency (p50, p99, max), the cost of adding one claim incrementally, and the cost (user
//! CPU) of saving the index, reading it back and checking it is still the graph's.
//!
//! Usage: `matching CORPUS.jsonl [--queries N] [--hits FILE]` (generate the corpus outside the repository
//! with `python3 ../shared/bench/gen_corpus.py N /tmp/corpus-N.jsonl`). Build it with
//! `--release`. Prints one JSON object.
//!
//! The queries are the corpus's own claims reworded: a claim drawn at random (fixed seed) with
//! one word dropped and two words added ("reportedly", "yesterday"); `top1` is the share of
//! queries whose claim came first, a sanity check rather than an accuracy figure. `--hits FILE`
//! writes every query's hits (claim, score, shared words, parts) as one JSON line per query, to
//! compare the answers of two builds of the index.

use std::io::BufReader;
use std::process::ExitCode;
use std::time::Instant;

use claimgraph::{Claim, ClaimGraph, ClaimIndex, SimilarOptions};
use claimgraph_benches::rss;
use claimgraph_benches::timing::percentile;
use serde_json::json;

/// A small deterministic generator (64-bit LCG), so every run asks the same questions.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let corpus = args
        .next()
        .ok_or("usage: matching CORPUS.jsonl [--queries N] [--hits FILE]")?;
    let mut n_queries = 2000usize;
    let mut hits_out: Option<String> = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--queries" => {
                n_queries = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .ok_or("--queries needs a number")?
            }
            "--hits" => hits_out = Some(args.next().ok_or("--hits needs a file")?),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    let file = std::fs::File::open(&corpus).map_err(|e| format!("{corpus}: {e}"))?;
    let (mut g, _) =
        ClaimGraph::from_jsonl(BufReader::new(file)).map_err(|e| format!("{corpus}: {e}"))?;
    let mb_before = rss::current_mb().unwrap_or(0.0);
    let cpu0 = rss::cpu_seconds().unwrap_or(0.0);
    let t0 = Instant::now();
    let mut index = ClaimIndex::new(&g);
    let build_s = t0.elapsed().as_secs_f64();
    let build_cpu = rss::cpu_seconds().unwrap_or(0.0) - cpu0;
    let mb_after = rss::current_mb().unwrap_or(0.0);

    // Kept beside the graph: saving, reading back, and checking it is still the graph's index.
    let saved = std::env::temp_dir().join(format!("claimgraph-bench-{}.index", std::process::id()));
    let cpu = rss::user_seconds().unwrap_or(0.0);
    index.save(&saved).map_err(|e| e.to_string())?;
    let save_cpu = rss::user_seconds().unwrap_or(0.0) - cpu;
    let file_mb = std::fs::metadata(&saved).map_or(0.0, |m| m.len() as f64 / 1e6);
    let cpu = rss::user_seconds().unwrap_or(0.0);
    let loaded = ClaimIndex::load(&saved).map_err(|e| e.to_string())?;
    let load_cpu = rss::user_seconds().unwrap_or(0.0) - cpu;
    let cpu = rss::user_seconds().unwrap_or(0.0);
    let current = loaded.is_index_of(&g);
    let check_cpu = rss::user_seconds().unwrap_or(0.0) - cpu;
    drop(loaded);
    let _ = std::fs::remove_file(&saved);
    if !current {
        return Err("the saved index is not the index of the graph it was built from".into());
    }

    let mut claims: Vec<(String, String)> =
        g.claims().map(|c| (c.id.clone(), c.text.clone())).collect();
    claims.sort_unstable();
    let mut rng = Lcg(20_261_201);
    let options = SimilarOptions::default();
    let mut times = Vec::with_capacity(n_queries);
    let mut top1 = 0usize;
    let mut answers: Vec<serde_json::Value> = Vec::new();
    for _ in 0..n_queries {
        let (id, text) = &claims[rng.below(claims.len())];
        let mut words: Vec<&str> = text.split_whitespace().collect();
        if words.len() > 3 {
            words.remove(rng.below(words.len()));
        }
        let query = format!("reportedly {} yesterday", words.join(" "));
        let t = Instant::now();
        let hits = index.similar_claims(&query, &options);
        times.push(t.elapsed().as_secs_f64() * 1e3);
        if hits.first().is_some_and(|h| &h.claim == id) {
            top1 += 1;
        }
        if hits_out.is_some() {
            answers.push(json!({"query": query, "hits": hits}));
        }
    }
    if let Some(path) = &hits_out {
        let mut text = String::new();
        for a in &answers {
            text.push_str(&a.to_string());
            text.push('\n');
        }
        std::fs::write(path, text).map_err(|e| format!("{path}: {e}"))?;
    }
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| percentile(&times, p);

    let n_add = 1000usize;
    let mut add_times = Vec::with_capacity(n_add);
    for i in 0..n_add {
        let id = format!("new-{i}");
        let t = Instant::now();
        g.add_claim(Claim::new(
            id.as_str(),
            format!("The mayor denied new claim number {i}"),
        ))
        .map_err(|e| e.to_string())?;
        index.refresh_claim(&g, &id);
        add_times.push(t.elapsed().as_secs_f64() * 1e6);
    }
    // The mean includes the one add that grows the index's tables (by an eighth); the median
    // is what a typical add costs.
    let add_us = add_times.iter().sum::<f64>() / n_add as f64;
    add_times.sort_by(f64::total_cmp);
    let add_p50_us = percentile(&add_times, 0.5);
    let add_max_ms = percentile(&add_times, 1.0) / 1e3;

    let out = json!({
        "corpus": corpus,
        "claims": claims.len(),
        "build_s": build_s,
        "build_cpu_s": build_cpu,
        "index_mb": index.memory_bytes() as f64 / 1e6,
        "rss_growth_mb": mb_after - mb_before,
        "saved": {"file_mb": file_mb, "save_user_s": save_cpu, "load_user_s": load_cpu, "check_user_s": check_cpu},
        "queries": n_queries,
        "query_ms": {"p50": pct(0.5), "p99": pct(0.99), "max": pct(1.0)},
        "top1": top1 as f64 / n_queries.max(1) as f64,
        "add_claim_us": add_us,
        "add_claim_p50_us": add_p50_us,
        "add_claim_max_ms": add_max_ms,
    });
    println!("{out}");
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("matching: {e}");
            ExitCode::from(2)
        }
    }
}
