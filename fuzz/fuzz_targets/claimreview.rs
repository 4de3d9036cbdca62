//! ClaimReview import (`ClaimGraph::from_claimreview_json`): never a panic; whatever imports
//! saves and loads as itself, and exports to ClaimReview that imports again.
#![no_main]

mod common;

use claimgraph::ClaimGraph;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok((g, _)) = ClaimGraph::from_claimreview_json(text) {
        common::check_graph(&g);
        let exported = g.to_claimreview_json();
        if let Err(e) = ClaimGraph::from_claimreview_json(&exported) {
            panic!("an exported ClaimReview document does not import: {e}\n{exported}");
        }
    }
});
