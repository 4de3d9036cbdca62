//! Throughput of the text extractor in megabytes of text per CPU second (user time), on one
//! core: `cargo run --release -p claimgraph-benches --bin extraction -- [MB]`.
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
    let mb: f64 = match std::env::args().nth(1).map(|a| a.parse()) {
        None => 20.0,
        Some(Ok(mb)) if mb > 0.0 => mb,
        Some(_) => {
            eprintln!("usage: extraction [MB]   (megabytes of text to draft, default 20)");
            return ExitCode::from(2);
        }
    };
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
    println!(
        "{:.1} MB of text ({} documents of {} bytes, {found} attributions): user {user:.2} s, \
         {:.1} MB/s per user CPU second (wall {wall:.2} s, {:.1} MB/s)",
        bytes as f64 / 1e6,
        docs.len(),
        one,
        bytes as f64 / 1e6 / user.max(0.01),
        bytes as f64 / 1e6 / wall.max(0.001),
    );
    ExitCode::SUCCESS
}
