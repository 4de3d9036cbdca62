//! Criterion benches of the shared workload: W1 ingest, W2 status of every claim, W3 chains of the
//! 1,000 sampled claims, W4 save and W5 load of the native JSON.
//!
//! The corpus size is `CLAIMGRAPH_BENCH_N` claims (default 10,000); the corpus is generated into
//! `benches/data/` on first use. The side-by-side comparison with the peers is `benches/compare`.

use std::hint::black_box;
use std::time::Duration;

use claimgraph::ClaimGraph;
use claimgraph_benches::{corpus, pyrandom, workload};
use criterion::{criterion_group, criterion_main, Criterion};

fn n_claims() -> usize {
    std::env::var("CLAIMGRAPH_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000)
}

fn benches(c: &mut Criterion) {
    let n = n_claims();
    let path = match corpus::ensure(n) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("no corpus of {n} claims: {e}");
            return;
        }
    };
    let graph = match workload::ingest(&path) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("cannot ingest {}: {e}", path.display());
            return;
        }
    };
    let sample = pyrandom::w3_sample(n);
    let dir = std::env::temp_dir();
    let saved = dir.join(format!("claimgraph-bench-{}.json", std::process::id()));
    if let Err(e) = graph.save(&saved) {
        eprintln!("cannot save to {}: {e}", saved.display());
        return;
    }

    let mut group = c.benchmark_group(format!("workload/{n}"));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("W1 ingest JSON Lines", |b| {
        b.iter(|| workload::ingest(black_box(&path)))
    });
    group.bench_function("W2 status of every claim", |b| {
        b.iter(|| workload::status_rows(black_box(&graph)))
    });
    group.bench_function("W3 chains of 1000 claims", |b| {
        b.iter(|| workload::chain_tuples(black_box(&graph), black_box(&sample)))
    });
    let out = dir.join(format!("claimgraph-bench-w4-{}.json", std::process::id()));
    group.bench_function("W4 save native JSON", |b| {
        b.iter(|| black_box(&graph).save(black_box(&out)))
    });
    group.bench_function("W5 load native JSON", |b| {
        b.iter(|| ClaimGraph::load(black_box(&saved)))
    });
    group.finish();
    let _ = std::fs::remove_file(&out);
    let _ = std::fs::remove_file(&saved);
}

criterion_group!(workload_benches, benches);
criterion_main!(workload_benches);
