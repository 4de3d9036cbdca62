//! Throughput of the text extractor: megabytes of news text per second on one core, for the
//! span records alone and for the whole draft graph.
//!
//! The text is the 16 shared GUM news documents and the reference article, repeated to about
//! 1 MB (`cargo bench -p claimgraph-benches --bench extraction`). Criterion times wall clock;
//! on a shared machine the `extraction` binary's user CPU figure is the one to compare (see
//! `benches/RESULTS.md`).

use std::hint::black_box;

use claimgraph_benches::extraction::corpus;
use claimgraph_extract::{extract, ExtractOptions};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn throughput(c: &mut Criterion) {
    let docs = corpus();
    assert!(
        !docs.is_empty(),
        "the shared extraction documents are missing"
    );
    let one: usize = docs.iter().map(String::len).sum();
    let reps = (1_000_000 / one).max(1);
    let bytes = (one * reps) as u64;
    let options = ExtractOptions::default();
    let mut group = c.benchmark_group("extraction");
    group.throughput(Throughput::Bytes(bytes));
    group.sample_size(20);
    group.bench_function("draft graph and spans", |b| {
        b.iter(|| {
            let mut n = 0;
            for _ in 0..reps {
                for d in &docs {
                    let x = extract(black_box(d), &options).map(|x| x.attributions.len());
                    n += x.unwrap_or(0);
                }
            }
            n
        })
    });
    group.bench_function("span records (draft + char offsets)", |b| {
        b.iter(|| {
            let mut n = 0;
            for _ in 0..reps {
                for d in &docs {
                    if let Ok(x) = extract(black_box(d), &options) {
                        n += x.span_records().len();
                    }
                }
            }
            n
        })
    });
    group.finish();
}

criterion_group!(benches, throughput);
criterion_main!(benches);
