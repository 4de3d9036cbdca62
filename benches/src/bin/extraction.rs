//! Throughput of the text extractor in megabytes of text per CPU second (user time), on one
//! core: `cargo run --release -p claimgraph-benches --bin extraction -- [MB] [--floor MB_PER_S]`.
//!
//! The 16 shared GUM news documents and the reference article are drafted again and again until
//! `MB` megabytes (default 20) have been read, each as `claimgraph extract --spans` does (the
//! draft graph, then the span records with character offsets). User CPU time is what is
//! reported: a shared machine stretches wall time, much less the CPU time of a single thread.

use std::hint::black_box;
use std::process::ExitCode;

use claimgraph_benches::extraction::corpus;
use claimgraph_benches::rss::user_seconds;
use claimgraph_extract::{extract, ExtractOptions};

fn main() -> ExitCode {
    let usage = || {
        eprintln!(
            "usage: extraction [MB] [--floor MB_PER_S]   (megabytes of text to draft, default \
             20; exit status 1 below the floor, in MB per user CPU second)"
        );
        ExitCode::from(2)
    };
    let (mut mb, mut floor) = (20.0f64, None);
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let value = if a == "--floor" {
            args.next()
        } else {
            Some(a.clone())
        };
        match value.map(|v| v.parse::<f64>()) {
            Some(Ok(v)) if v > 0.0 && a == "--floor" => floor = Some(v),
            Some(Ok(v)) if v > 0.0 => mb = v,
            _ => return usage(),
        }
    }
    let docs = corpus();
    let one: usize = docs.iter().map(String::len).sum();
    if one == 0 {
        eprintln!("extraction: the shared extraction documents are missing (../shared/extraction)");
        return ExitCode::FAILURE;
    }
    let options = ExtractOptions::default();
    let want = (mb * 1e6) as usize;
    let (mut bytes, mut found) = (0usize, 0usize);
    let start = user_seconds().unwrap_or(0.0);
    let wall = std::time::Instant::now();
    while bytes < want {
        for d in &docs {
            match extract(black_box(d), &options) {
                Ok(x) => found += black_box(x.span_records()).len(),
                Err(e) => {
                    eprintln!("extraction: {e}");
                    return ExitCode::FAILURE;
                }
            }
            bytes += d.len();
        }
    }
    let user = user_seconds().unwrap_or(0.0) - start;
    let wall = wall.elapsed().as_secs_f64();
    let rate = bytes as f64 / 1e6 / user.max(0.01);
    println!(
        "{:.1} MB of text ({} documents of {} bytes, {found} attributions): user {user:.2} s, \
         {:.1} MB/s per user CPU second (wall {wall:.2} s, {:.1} MB/s)",
        bytes as f64 / 1e6,
        docs.len(),
        one,
        rate,
        bytes as f64 / 1e6 / wall.max(0.001),
    );
    if let Some(floor) = floor.filter(|&f| rate < f) {
        eprintln!("extraction: {rate:.1} MB per user CPU second is below the floor of {floor}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
