//! Graph-wide findings: what a fact-checker should look at first.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use claimgraph::{
    CircularReporting, ClaimRelation, ClaimRelationKind, Contradiction, Findings, SourceKind,
};
use support::G;

use SourceKind::{Government, Outlet, Person, UnnamedGroup};

fn contradicts(mut g: G, from: &str, to: &str) -> G {
    g.0.add_claim_relation(ClaimRelation::new(from, ClaimRelationKind::Contradicts, to))
        .unwrap();
    g
}

#[test]
fn an_empty_graph_has_no_findings() {
    assert_eq!(G::new().0.findings(), Findings::default());
}

#[test]
fn disputed_single_origin_and_unnamed_only_claims_are_listed_sorted() {
    let g = G::new()
        .source("rok-sources", UnnamedGroup)
        .sources(&["yonhap", "kbs"], Outlet)
        .sources(&["rok", "russia", "usa"], Government)
        .cites("yonhap", "rok-sources")
        .cites("kbs", "rok-sources")
        // b-echo: two outlets, one anonymous origin.
        .claim("b-echo", &[])
        .asserts("yonhap", "b-echo")
        .asserts("kbs", "b-echo")
        // a-two: two independent named origins, denied.
        .claim("a-two", &[])
        .asserts("rok", "a-two")
        .asserts("usa", "a-two")
        .denies("russia", "a-two")
        // c-denied: one origin, denied.
        .claim("c-denied", &[])
        .asserts("rok", "c-denied")
        .denies("russia", "c-denied")
        // d-doubted: only doubted and denied, asserted by no one.
        .claim("d-unasserted", &[])
        .doubts("usa", "d-unasserted")
        .denies("russia", "d-unasserted");
    let f = g.0.findings();
    assert_eq!(f.disputed, ["a-two", "c-denied"]);
    assert_eq!(f.single_origin, ["b-echo", "c-denied"]);
    assert_eq!(f.unnamed_only, ["b-echo"]);
    assert!(f.circular_reporting.is_empty());
    assert!(f.contradictions.is_empty());
}

#[test]
fn two_spokespeople_of_one_ministry_make_a_single_origin_claim() {
    let g = G::new()
        .sources(&["spokesperson-a", "spokesperson-b"], Person)
        .source("ministry", Government)
        .affiliated("spokesperson-a", "ministry")
        .affiliated("spokesperson-b", "ministry")
        .claim("c", &[])
        .asserts("spokesperson-a", "c")
        .asserts("spokesperson-b", "c");
    assert_eq!(g.0.findings().single_origin, ["c"]);
}

#[test]
fn every_loop_is_reported_with_the_claims_that_reach_it() {
    // A terminal loop (p <-> q) and a loop that cites beyond itself (x <-> y -> root).
    let g = G::new()
        .sources(&["outlet", "q", "p", "y", "x", "root", "bystander"], Outlet)
        .cites("outlet", "p")
        .cites("p", "q")
        .cites("q", "p")
        .cites("x", "y")
        .cites("y", "x")
        .cites("y", "root")
        .claim("via-outlet", &[])
        .claim("at-x", &[])
        .claim("at-root", &[])
        .claim("denied-at-p", &[])
        .asserts("outlet", "via-outlet")
        .asserts("x", "at-x")
        .asserts("root", "at-root")
        .asserts("bystander", "denied-at-p")
        .denies("p", "denied-at-p");
    let f = g.0.findings();
    assert_eq!(
        f.circular_reporting,
        [
            CircularReporting {
                sources: vec!["p".into(), "q".into()],
                claims: vec!["via-outlet".into()],
            },
            CircularReporting {
                sources: vec!["x".into(), "y".into()],
                claims: vec!["at-x".into()],
            },
        ]
    );
}

#[test]
fn contradictions_between_asserted_claims_name_sources_asserting_both() {
    let g = G::new()
        .sources(&["kcna", "tass", "yonhap"], Outlet)
        .claim("visit-on-18th", &[])
        .claim("visit-postponed", &[])
        .claim("visit-cancelled", &[])
        .asserts("kcna", "visit-on-18th")
        .asserts("tass", "visit-on-18th")
        .asserts("kcna", "visit-postponed")
        .asserts("yonhap", "visit-postponed")
        .asserts("tass", "visit-postponed")
        .denies("yonhap", "visit-cancelled");
    let g = contradicts(g, "visit-postponed", "visit-on-18th");
    // Nobody asserts the cancellation: no contradiction to report.
    let g = contradicts(g, "visit-on-18th", "visit-cancelled");
    let f = g.0.findings();
    assert_eq!(
        f.contradictions,
        [Contradiction {
            claim: "visit-postponed".into(),
            other: "visit-on-18th".into(),
            sources_asserting_both: vec!["kcna".into(), "tass".into()],
        }]
    );
}

#[test]
fn contradictions_asserted_by_different_sources_list_no_one_as_asserting_both() {
    let g = G::new()
        .sources(&["a", "b"], Outlet)
        .claim("x", &[])
        .claim("y", &[])
        .asserts("a", "x")
        .asserts("b", "y");
    let g = contradicts(g, "x", "y");
    let mut g = g;
    // Other relations between claims are not contradictions.
    g.0.add_claim_relation(ClaimRelation::new("y", ClaimRelationKind::Supports, "x"))
        .unwrap();
    let f = g.0.findings();
    assert_eq!(
        f.contradictions,
        [Contradiction {
            claim: "x".into(),
            other: "y".into(),
            sources_asserting_both: vec![],
        }]
    );
}

/// Loops by brute force: the sets of two or more sources that all reach each other, each with
/// the claims asserted by a source that reaches it.
fn loops_reference(spec: &support::Spec) -> Vec<CircularReporting> {
    use std::collections::BTreeSet;
    let r = support::reach(&spec.origin_edges());
    let sccs: BTreeSet<BTreeSet<usize>> = (0..spec.kinds.len())
        .map(|x| {
            r[x].iter()
                .copied()
                .filter(|&y| r[y].contains(&x))
                .collect::<BTreeSet<usize>>()
        })
        .filter(|scc| scc.len() > 1)
        .collect();
    let mut out: Vec<CircularReporting> = sccs
        .into_iter()
        .map(|scc| {
            let mut sources: Vec<String> = scc.iter().map(|&i| support::sid(i)).collect();
            sources.sort();
            let mut claims: Vec<String> = (0..spec.claims)
                .filter(|&c| {
                    spec.stance_sources(c, claimgraph::Stance::Asserts)
                        .iter()
                        .any(|&s| !r[s].is_disjoint(&scc))
                })
                .map(support::cid)
                .collect();
            claims.sort();
            CircularReporting { sources, claims }
        })
        .collect();
    out.sort();
    out
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    #[test]
    fn loops_match_the_reference(spec in support::spec_strategy(false)) {
        let g = spec.build();
        proptest::prop_assert_eq!(g.findings().circular_reporting, loops_reference(&spec));
    }
}
