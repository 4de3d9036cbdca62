//! Id validation (`validate_id`): never a panic; an id it accepts names a record that saves and
//! loads, and one it refuses is refused by every add.
#![no_main]

use claimgraph::{validate_id, Claim, ClaimGraph, Error, Source, SourceKind, MAX_ID_LEN};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(id) = std::str::from_utf8(data) else {
        return;
    };
    let mut g = ClaimGraph::new();
    match validate_id(id) {
        Ok(()) => {
            assert!(!id.is_empty() && id.len() <= MAX_ID_LEN);
            g.add_source(Source::new(id, SourceKind::Person, "A person"))
                .expect("a valid id names a source");
            let back = ClaimGraph::from_json(&g.to_json()).expect("a valid id loads again");
            assert!(back == g);
            // A claim may not take a source's id.
            assert!(matches!(
                g.add_claim(Claim::new(id, "A claim")),
                Err(Error::DuplicateId { .. })
            ));
        }
        Err(Error::InvalidId { id: shown, .. }) => {
            // The message stays bounded however long the id.
            assert!(shown.len() <= MAX_ID_LEN + 3);
            assert!(g.add_claim(Claim::new(id, "A claim")).is_err());
            assert!(g.is_empty());
        }
        Err(other) => panic!("validate_id gave another error: {other:?}"),
    }
});
