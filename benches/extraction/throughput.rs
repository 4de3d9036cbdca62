//! Throughput of the text extractor: megabytes of news text per second on one core, for the
//! span records alone and for the whole draft graph.
//!
//! The text is the 16 shared GUM news documents and the reference article, repeated to about
//! 1 MB (`cargo bench -p claimgraph-benches --bench extraction`; the figures are in
//! `benches/extraction/README.md`).

use std::hint::black_box;
use std::path::Path;

use claimgraph_extract::{extract, ExtractOptions};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn corpus() -> Vec<String> {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared");
    let mut docs = Vec::new();
    let gum = shared.join("extraction/gum-news");
    let mut files: Vec<_> = std::fs::read_dir(&gum)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    for f in files {
        let Ok(raw) = std::fs::read_to_string(&f) else {
            continue;
        };
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&raw) else {
            continue;
        };
        if let Some(t) = v["text"].as_str() {
            docs.push(t.to_owned());
        }
    }
    if let Ok(t) = std::fs::read_to_string(shared.join("reference/putin-dprk-visit-2024-06-18.txt"))
    {
        docs.push(t);
    }
    docs
}

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
