//! Date parsing (`When::parse`): never a panic; a date that parses prints as text that parses
//! back to the same date, can be recorded, and the record saves and loads.
#![no_main]

use claimgraph::{Attribution, Claim, ClaimGraph, Source, SourceKind, Stance, When};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(when) = When::parse(text) else {
        return;
    };
    let printed = when.to_string();
    let again = When::parse(&printed)
        .unwrap_or_else(|e| panic!("{text:?} parsed, but its text {printed:?} does not: {e}"));
    assert_eq!(again, when, "{text:?} -> {printed:?} changed the date");
    let _ = when.start();
    let _ = when.end();
    let mut g = ClaimGraph::new();
    g.add_source(Source::new("s", SourceKind::Person, "A person"))
        .expect("a plain source");
    g.add_claim(Claim::new("c", "A claim"))
        .expect("a plain claim");
    g.add_attribution(Attribution::new("s", "c", Stance::Asserts).said(when))
        .expect("a parsed date is always accepted");
    let back = ClaimGraph::from_json(&g.to_json()).expect("a dated attribution loads again");
    assert!(back == g);
    let _ = g.as_of(&when);
});
