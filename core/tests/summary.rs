//! Status figures for every claim agree with the full statuses they summarise.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use claimgraph::{
    Attribution, Claim, ClaimGraph, ClaimRelation, ClaimRelationKind, Source, SourceKind,
    SourceRelation, SourceRelationKind, Stance, Status, StatusSummary, Verdict,
};
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

/// A graph of `claims` claims, large enough for `summaries` to count with several threads:
/// sources citing one another in chains, loops and fans, affiliations (some to two bodies),
/// unnamed groups and collectives, claims with subjects denied by them, assertions resting on a
/// basis, claims related to others, verdicts. Every pattern repeats with a different period, so
/// the threads' runs each see all of them.
fn many_claims(claims: usize) -> ClaimGraph {
    const SOURCES: usize = 1_500;
    let mut g = ClaimGraph::new();
    let kinds = [
        SourceKind::Outlet,
        SourceKind::Person,
        SourceKind::UnnamedGroup,
        SourceKind::Organization,
        SourceKind::Collective,
        SourceKind::Government,
    ];
    for i in 0..SOURCES {
        g.add_source(Source::new(
            format!("s{i}"),
            kinds[i % 6],
            format!("Source {i}"),
        ))
        .unwrap();
    }
    let mut relate = |from: usize, kind, to: usize| {
        if from != to {
            // A pattern may give the same pair twice; the second is refused as a duplicate.
            let _ = g.add_source_relation(SourceRelation::new(
                format!("s{from}"),
                kind,
                format!("s{to}"),
            ));
        }
    };
    for i in 0..SOURCES {
        if i % 3 == 0 {
            relate(i, SourceRelationKind::Cites, (i * 7 + 1) % SOURCES);
        }
        if i % 5 == 0 {
            // Loops of two and of three sources citing each other.
            relate(i, SourceRelationKind::Cites, i + 1);
            relate(
                i + 1,
                SourceRelationKind::Cites,
                if i % 10 == 0 { i } else { i + 2 },
            );
            relate(i + 2, SourceRelationKind::Cites, i);
        }
        if i % 4 == 1 {
            relate(i, SourceRelationKind::AffiliatedWith, (i / 40) * 40);
        }
        if i % 11 == 2 {
            relate(i, SourceRelationKind::AffiliatedWith, (i / 40) * 40 + 3);
        }
        if i % 13 == 0 {
            relate(i, SourceRelationKind::AuthoredBy, (i + 17) % SOURCES);
        }
    }
    let s = |k: usize| format!("s{}", k % SOURCES);
    for c in 0..claims {
        let mut claim = Claim::new(format!("c{c}"), format!("Claim number {c}"));
        if c % 9 == 0 {
            claim = claim.subject(s(c * 3));
        }
        g.add_claim(claim).unwrap();
        for k in 0..(c % 4) + 1 {
            let mut a = Attribution::new(s(c * 31 + k * 101), format!("c{c}"), Stance::Asserts);
            if c % 97 == 5 && k == 0 {
                a = a.basis(s(c + 2));
            }
            let _ = g.add_attribution(a);
        }
        if c % 6 == 0 {
            let _ = g.add_attribution(Attribution::new(s(c * 3), format!("c{c}"), Stance::Denies));
        }
        if c % 8 == 3 {
            let _ = g.add_attribution(Attribution::new(
                s(c * 5 + 2),
                format!("c{c}"),
                Stance::Doubts,
            ));
        }
        if c % 12 == 7 {
            g.add_verdict(Verdict::new(s(c), format!("c{c}"), "False"))
                .unwrap();
        }
        if c % 50 == 49 {
            g.add_claim_relation(ClaimRelation::new(
                format!("c{c}"),
                ClaimRelationKind::SameAs,
                format!("c{}", c - 1),
            ))
            .unwrap();
        }
    }
    g
}

#[test]
fn summaries_of_a_graph_counted_by_several_threads_agree_with_statuses() {
    // Above the size from which the claims are shared out between threads.
    let g = many_claims(24_000);
    let summaries = g.summaries();
    assert_eq!(summaries.len(), 24_000);
    // In the order the claims were added, each one what its full status says.
    for (n, (sum, st)) in summaries.iter().zip(g.statuses()).enumerate() {
        assert_eq!(sum.claim, format!("c{n}"));
        assert_eq!(sum, &figures(&st), "claim c{n}");
    }
    // The graph has every case the counting must get right.
    assert!(summaries.iter().any(|s| s.circular_reporting));
    assert!(summaries.iter().any(|s| s.unnamed_only));
    assert!(summaries.iter().any(|s| s.interested_denial));
    assert!(summaries.iter().any(|s| s.independent_origins < s.origins));
    assert!(summaries.iter().any(|s| s.independent_origins >= 3));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn summaries_agree_with_statuses_on_random_graphs(spec in spec_strategy(false)) {
        check_agrees(&spec.build());
    }
}
