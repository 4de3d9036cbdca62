//! A shared graph: threads read at once and write in turn; two graphs merged or compared in
//! opposite directions at the same time do not wait on each other forever; a change that an
//! internal error interrupted leaves the graph refused, not silently half-changed.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::mpsc;
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use claimgraph::{Claim, ClaimGraph, Error, MergePolicy, SharedGraph, Source, SourceKind};

fn graph(sources: &[&str]) -> SharedGraph {
    let mut g = ClaimGraph::new();
    for id in sources {
        g.add_source(Source::new(*id, SourceKind::Person, *id))
            .unwrap();
    }
    g.add_claim(Claim::new("containers", "DPRK delivered 6,700 containers"))
        .unwrap();
    SharedGraph::new(g)
}

#[test]
fn merging_brings_the_other_graphs_records_and_equality_compares_them() {
    let ours = graph(&["putin"]);
    let theirs = graph(&["kim"]);
    assert!(!ours.same_records(&theirs).unwrap());
    let report = ours.merge_from(&theirs, MergePolicy::Fail).unwrap();
    assert_eq!(report.added, ["kim"]);
    assert_eq!(ours.read(|g| Ok(g.counts().sources)).unwrap(), 2);
    theirs.merge_from(&ours, MergePolicy::Fail).unwrap();
    assert!(ours.same_records(&theirs).unwrap());
}

#[test]
fn a_graph_merged_into_itself_is_unchanged() {
    let g = graph(&["putin", "kim"]);
    let before = g.snapshot().unwrap();
    let report = g.merge_from(&g, MergePolicy::Fail).unwrap();
    assert!(report.added.is_empty() && report.conflicts.is_empty());
    assert_eq!(report.unchanged.len(), 3);
    assert_eq!(g.snapshot().unwrap(), before);
    assert!(g.same_records(&g).unwrap());
}

#[test]
fn opposite_merges_and_comparisons_at_once_do_not_wait_on_each_other_forever() {
    let a = Arc::new(graph(&["a"]));
    let b = Arc::new(graph(&["b"]));
    let (done, finished) = mpsc::channel();
    let mut workers = Vec::new();
    for turn in 0..8 {
        let (x, y) = if turn % 2 == 0 {
            (Arc::clone(&a), Arc::clone(&b))
        } else {
            (Arc::clone(&b), Arc::clone(&a))
        };
        let done = done.clone();
        workers.push(thread::spawn(move || {
            for _ in 0..200 {
                x.merge_from(&y, MergePolicy::KeepOurs).unwrap();
                x.same_records(&y).unwrap();
            }
            done.send(()).unwrap();
        }));
    }
    for _ in 0..8 {
        finished
            .recv_timeout(Duration::from_secs(120))
            .expect("two threads each hold the lock the other waits for");
    }
    for w in workers {
        w.join().unwrap();
    }
    assert!(a.same_records(&b).unwrap());
}

#[test]
fn a_change_interrupted_by_a_panic_leaves_the_graph_refused() {
    let g = graph(&["putin"]);
    let interrupted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        g.write(|graph| -> claimgraph::Result<()> {
            graph
                .add_source(Source::new("kim", SourceKind::Person, "Kim"))
                .unwrap();
            panic!("an internal error half-way through a change");
        })
    }));
    assert!(interrupted.is_err());
    for refused in [
        g.read(|g| Ok(g.counts())).map(|_| ()),
        g.write(|_| Ok(())),
        g.snapshot().map(|_| ()),
        g.same_records(&g).map(|_| ()),
        g.merge_from(&graph(&[]), MergePolicy::Fail).map(|_| ()),
    ] {
        let err = refused.unwrap_err();
        assert!(matches!(err, Error::Interrupted), "{err}");
        assert!(err.to_string().contains("load it again"), "{err}");
    }
}
