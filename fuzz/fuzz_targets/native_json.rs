//! Native JSON load (`ClaimGraph::from_json`, `from_json_reader`): never a panic; whatever
//! loads saves and loads as itself.
#![no_main]

mod common;

use claimgraph::ClaimGraph;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let streamed = ClaimGraph::from_json_reader(data);
    if let Ok(text) = std::str::from_utf8(data) {
        let whole = ClaimGraph::from_json(text);
        // The two readers agree on what they accept.
        assert_eq!(
            whole.is_ok(),
            streamed.is_ok(),
            "from_json and from_json_reader disagree"
        );
        if let Ok(g) = whole {
            common::check_graph(&g);
        }
    }
});
