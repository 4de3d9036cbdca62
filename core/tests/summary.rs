//! Status figures for every claim agree with the full statuses they summarise.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use claimgraph::{ClaimGraph, Status, StatusSummary, Verdict};
use proptest::prelude::*;
use support::{spec_strategy, G};

/// The summary a status implies, field by field.
fn figures(s: &Status) -> StatusSummary {
    StatusSummary {
        claim: s.claim.clone(),
        asserters: s.asserters.len(),
        deniers: s.deniers.len(),
        doubters: s.doubters.len(),
        disputed: s.disputed,
        origins: s.origins.len(),
        independent_origins: s.independent_origin_count(),
        unnamed_only: s.unnamed_only,
        interested_denial: !s.interested_deniers.is_empty(),
        circular_reporting: s.circular_reporting,
        verdicts: s.verdicts.len(),
    }
}

fn check_agrees(g: &ClaimGraph) {
    let summaries = g.summaries();
    let statuses = g.statuses();
    assert_eq!(summaries.len(), statuses.len());
    for (sum, st) in summaries.iter().zip(&statuses) {
        assert_eq!(sum, &figures(st));
        assert_eq!(&g.summary(&st.claim).unwrap(), sum);
    }
}

#[test]
fn echoes_count_once_and_interested_denials_are_flagged() {
    let mut g = G::new()
        .source("anon", claimgraph::SourceKind::UnnamedGroup)
        .sources(
            &["daily", "herald", "russia"],
            claimgraph::SourceKind::Outlet,
        )
        .claim("c", &["russia"])
        .cites("daily", "anon")
        .cites("herald", "anon")
        .asserts("daily", "c")
        .asserts("herald", "c")
        .denies("russia", "c")
        .0;
    g.add_verdict(Verdict::new("herald", "c", "False")).unwrap();
    let s = g.summary("c").unwrap();
    assert_eq!(s.asserters, 2);
    assert_eq!(
        s.origins, 1,
        "two outlets repeating one source are one origin"
    );
    assert_eq!(s.independent_origins, 1);
    assert!(s.unnamed_only && s.disputed && s.interested_denial);
    assert_eq!(s.verdicts, 1);
    check_agrees(&g);
}

#[test]
fn an_unknown_claim_is_not_found() {
    let g = ClaimGraph::new();
    assert!(matches!(
        g.summary("nope"),
        Err(claimgraph::Error::NotFound { .. })
    ));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn summaries_agree_with_statuses_on_random_graphs(spec in spec_strategy(false)) {
        check_agrees(&spec.build());
    }
}
