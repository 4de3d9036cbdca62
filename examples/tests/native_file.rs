//! `examples/putin_dprk_visit.json`, the reference article's graph as native JSON, which the
//! README's command-line examples read: it must be what the example's graph writes today.
//!
//! To write it again:
//!
//! ```text
//! cargo run -q -p claimgraph-examples --example putin_dprk_visit -- --native > examples/putin_dprk_visit.json
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use claimgraph::ClaimGraph;
use claimgraph_examples::reference::putin_dprk_visit;

const COMMITTED: &str = include_str!("../putin_dprk_visit.json");

const REWRITE: &str = "write it again: cargo run -q -p claimgraph-examples --example \
                       putin_dprk_visit -- --native > examples/putin_dprk_visit.json";

#[test]
fn the_committed_graph_file_is_the_reference_article_of_today() {
    let graph = putin_dprk_visit().unwrap();
    assert!(
        COMMITTED == graph.to_json(),
        "examples/putin_dprk_visit.json is out of date; {REWRITE}"
    );
    assert_eq!(ClaimGraph::from_json(COMMITTED).unwrap(), graph);
}
