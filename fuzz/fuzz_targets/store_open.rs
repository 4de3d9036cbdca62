//! Opening a graph database (`ClaimGraph::open`) from any bytes: never a panic; a file that
//! opens holds a graph that saves and loads as itself, and its history checks or says why not.
#![no_main]

mod common;

use std::sync::atomic::{AtomicU64, Ordering};

use claimgraph::ClaimGraph;
use libfuzzer_sys::fuzz_target;

static N: AtomicU64 = AtomicU64::new(0);

fuzz_target!(|data: &[u8]| {
    let dir = std::env::temp_dir().join(format!("claimgraph-fuzz-store-{}", std::process::id()));
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    let path = dir.join(format!("{}.db", N.fetch_add(1, Ordering::Relaxed)));
    if std::fs::write(&path, data).is_err() {
        return;
    }
    if let Ok(stored) = ClaimGraph::open(&path) {
        common::check_graph(&stored);
        let _ = stored.verify_history();
        if let Some(s) = stored.sources().next() {
            let _ = stored.history(&s.id);
        }
    }
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
});
