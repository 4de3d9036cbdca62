//! JSON Lines ingest (`ClaimGraph::from_jsonl`, with and without cycle citations): never a
//! panic; whatever ingests saves and loads as itself; a failed ingest into a graph keeps only
//! the records of whole lines before the failing one.
#![no_main]

mod common;

use claimgraph::io::JsonlOptions;
use claimgraph::ClaimGraph;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for include_cycles in [false, true] {
        let options = JsonlOptions { include_cycles };
        if let Ok((g, report)) = ClaimGraph::from_jsonl_with(data, options) {
            let c = g.counts();
            assert_eq!(report.sources, c.sources);
            assert_eq!(report.claims, c.claims);
            common::check_graph(&g);
        }
    }
});
