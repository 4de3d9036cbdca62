//! The invariants every target checks on a graph it got from an input.

#![allow(dead_code)]

use claimgraph::{ClaimGraph, Records, When};

/// Whatever a reader accepts must be queryable, save and load as itself, and give the same
/// answers whatever order its records were added in.
pub fn check_graph(g: &ClaimGraph) {
    let json = g.to_json();
    let back = ClaimGraph::from_json(&json)
        .unwrap_or_else(|e| panic!("a graph that was accepted does not load again: {e}\n{json}"));
    assert!(back == *g, "save -> load changed the graph");
    let streamed = ClaimGraph::from_json_reader(json.as_bytes())
        .unwrap_or_else(|e| panic!("streamed load failed: {e}"));
    assert!(streamed == *g, "streamed load differs");
    assert_eq!(back.to_json(), json, "save is not deterministic");
    check_order_independence(g);
    query_everything(g);
}

/// The same records added in the reverse order of their ids give an equal graph with the same
/// answers.
pub fn check_order_independence(g: &ClaimGraph) {
    let Records {
        mut sources,
        mut claims,
        mut attributions,
        mut source_relations,
        mut claim_relations,
        mut verdicts,
    } = g.records();
    sources.reverse();
    claims.reverse();
    attributions.reverse();
    source_relations.reverse();
    claim_relations.reverse();
    verdicts.reverse();
    let reversed = ClaimGraph::from_records(Records {
        sources,
        claims,
        attributions,
        source_relations,
        claim_relations,
        verdicts,
    })
    .unwrap_or_else(|e| panic!("the records of a graph do not add in another order: {e}"));
    assert!(reversed == *g, "insertion order changed the graph");
    for c in g.claims() {
        let a = g.status(&c.id).map(|s| format!("{s:?}"));
        let b = reversed.status(&c.id).map(|s| format!("{s:?}"));
        assert_eq!(
            a.as_ref().ok(),
            b.as_ref().ok(),
            "status of {:?} depends on insertion order",
            c.id
        );
        let a = g.assess(&c.id).map(|s| format!("{s:?}"));
        let b = reversed.assess(&c.id).map(|s| format!("{s:?}"));
        assert_eq!(
            a.as_ref().ok(),
            b.as_ref().ok(),
            "assessment of {:?} depends on insertion order",
            c.id
        );
    }
}

/// Runs every query; none may panic, and scores must lie where the documentation says.
pub fn query_everything(g: &ClaimGraph) {
    for c in g.claims() {
        if let Ok(a) = g.assess(&c.id) {
            let x = a.score;
            assert!(
                (0.0..=1.0).contains(&x),
                "score {x} of {:?} outside [0, 1]",
                c.id
            );
        }
        let _ = g.status(&c.id);
        let _ = g.chains(&c.id);
        let _ = g.summary(&c.id);
    }
    for s in g.sources() {
        let _ = g.origins_of_source(&s.id);
    }
    for v in g.verdicts() {
        if let Some(t) = v.truth() {
            assert!(
                (0.0..=1.0).contains(&t),
                "truth {t} of {:?} outside [0, 1]",
                v.id
            );
        }
    }
    let _ = g.findings();
    let _ = g.statuses();
    let _ = g.summaries();
    let _ = g.to_prov_json();
    let _ = g.to_claimreview_json();
    let _ = g.to_dot(&Default::default());
    if let Ok(when) = When::parse("2024-06") {
        let cut = g.as_of(&when);
        let _ = cut.graph.to_json();
    }
}
