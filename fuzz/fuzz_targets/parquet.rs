//! Reading Parquet tables (`ClaimGraph::read_parquet`) from any bytes: the input's first byte
//! picks one of the six record tables, the rest of it is that table's file, and the other five
//! are the reference graph's. Never a panic; a folder that reads holds a graph that saves and
//! loads as itself, and whose own tables read back as an equal graph.
#![no_main]

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use claimgraph::ClaimGraph;
use libfuzzer_sys::fuzz_target;

/// The record tables `read_parquet` reads, in the order of the input's first byte.
const TABLES: [&str; 6] = [
    "sources",
    "claims",
    "attributions",
    "source_relations",
    "claim_relations",
    "verdicts",
];

/// A folder holding the reference graph's tables, and each table's bytes to put back.
struct Base {
    dir: PathBuf,
    files: Vec<Vec<u8>>,
}

fn base() -> &'static Base {
    static BASE: OnceLock<Base> = OnceLock::new();
    BASE.get_or_init(|| {
        // `read_parquet` catches a panic of the Parquet decoder and returns a format error;
        // libFuzzer's panic hook would abort the process before that. The default hook keeps
        // every other panic fatal: the fuzz harness aborts on any panic that reaches it.
        drop(std::panic::take_hook());
        let g = ClaimGraph::from_json(include_str!("../../examples/putin_dprk_visit.json"))
            .expect("the reference graph loads");
        let dir = scratch_dir("tables");
        g.write_parquet(&dir)
            .expect("the reference graph writes its tables");
        let files = TABLES
            .iter()
            .map(|t| std::fs::read(table(&dir, t)).expect("a written table reads"))
            .collect();
        Base { dir, files }
    })
}

fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir()
        .join(format!("claimgraph-fuzz-parquet-{}", std::process::id()))
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

fn table(dir: &Path, name: &str) -> PathBuf {
    dir.join(format!("{name}.parquet"))
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, file)) = data.split_first() else {
        return;
    };
    let base = base();
    let k = usize::from(pick) % TABLES.len();
    let path = table(&base.dir, TABLES[k]);
    if std::fs::write(&path, file).is_err() {
        return;
    }
    let read = ClaimGraph::read_parquet(&base.dir);
    std::fs::write(&path, &base.files[k]).expect("the reference table is put back");
    if let Ok(g) = read {
        common::check_graph(&g);
        let again = scratch_dir("again");
        g.write_parquet(&again)
            .unwrap_or_else(|e| panic!("a graph read from tables does not write them: {e}"));
        let back = ClaimGraph::read_parquet(&again)
            .unwrap_or_else(|e| panic!("a graph's own tables do not read: {e}"));
        assert!(back == g, "write_parquet -> read_parquet changed the graph");
    }
});
