//! STIX 2.1 import (`ClaimGraph::from_stix_json`): never a panic; whatever imports saves and
//! loads as itself, and exports to a bundle that imports again.
#![no_main]

mod common;

use claimgraph::ClaimGraph;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok((g, _)) = ClaimGraph::from_stix_json(text) {
        common::check_graph(&g);
        let exported = g.to_stix_json();
        if let Err(e) = ClaimGraph::from_stix_json(&exported) {
            panic!("an exported STIX bundle does not import: {e}\n{exported}");
        }
    }
});
