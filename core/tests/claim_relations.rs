//! Relations between claims in the answers: a rewording (same-as) pools its stances with the
//! claim, an assertion of a specialization supports the general claim, and a denial of the
//! general claim counts against each specialization; each is shown with why. And independence
//! judged at the time of each statement (source relations with `since` / `until`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use claimgraph::{
    Attribution, ClaimGraph, ClaimRelation, ClaimRelationKind, ReasonKind, Source, SourceKind,
    SourceRelation, SourceRelationKind, Stance, When,
};
use support::G;

use ClaimRelationKind::{SameAs, Specializes, Supports};
use SourceKind::{Government, Organization, Person};

fn when(s: &str) -> When {
    s.parse().unwrap()
}

fn relate(g: &mut ClaimGraph, from: &str, kind: ClaimRelationKind, to: &str) {
    g.add_claim_relation(ClaimRelation::new(from, kind, to))
        .unwrap();
}

/// "a" and its rewording "a2": asserted by x on one wording, denied by y on the other.
fn reworded() -> ClaimGraph {
    let mut g = G::new()
        .sources(&["x", "y", "z"], Organization)
        .claim("a", &[])
        .claim("a2", &[])
        .claim("a3", &[])
        .says("x", "a", Stance::Asserts)
        .says("y", "a2", Stance::Denies)
        .says("z", "a3", Stance::Asserts)
        .0;
    relate(&mut g, "a2", SameAs, "a");
    relate(&mut g, "a3", SameAs, "a2");
    g
}

#[test]
fn a_rewording_pools_its_stances_with_the_claim_either_way_and_at_any_distance() {
    let g = reworded();
    for claim in ["a", "a2", "a3"] {
        let s = g.status(claim).unwrap();
        assert_eq!(s.asserters, ["x", "z"], "{claim}");
        assert_eq!(s.deniers, ["y"], "{claim}");
        assert!(s.disputed, "{claim}");
        let origins: Vec<&str> = s.origins.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(origins, ["x", "z"], "{claim}");
        // Every stance taken on another wording is shown, never silently counted.
        assert_eq!(s.inferred.len(), 2, "{claim}: {:?}", s.inferred);
        assert!(s
            .inferred
            .iter()
            .all(|i| i.relation == SameAs && i.claim != claim));
        assert!(s
            .inferred
            .iter()
            .all(|i| i.detail.contains("another wording")));
    }
    // The figures agree with the status, and the findings list the pool as disputed.
    assert!(g.summary("a").unwrap().disputed);
    assert_eq!(g.findings().disputed, ["a", "a2", "a3"]);
}

#[test]
fn without_the_same_as_link_the_wordings_stand_apart() {
    let g = G::new()
        .sources(&["x", "y"], Organization)
        .claim("a", &[])
        .claim("a2", &[])
        .says("x", "a", Stance::Asserts)
        .says("y", "a2", Stance::Denies)
        .0;
    let s = g.status("a").unwrap();
    assert!(!s.disputed);
    assert!(s.inferred.is_empty());
    // A relation that is not same-as or specializes pools nothing.
    let mut g = g;
    relate(&mut g, "a2", Supports, "a");
    assert!(!g.status("a").unwrap().disputed);
}

#[test]
fn a_rewording_moves_the_assessment_like_a_statement_on_the_claim_itself() {
    let g = reworded();
    let pooled = g.assess("a").unwrap();
    let direct = G::new()
        .sources(&["x", "y", "z"], Organization)
        .claim("a", &[])
        .says("x", "a", Stance::Asserts)
        .says("y", "a", Stance::Denies)
        .says("z", "a", Stance::Asserts)
        .0
        .assess("a")
        .unwrap();
    assert_eq!(pooled.score, direct.score);
    assert_eq!(pooled.reasons, direct.reasons);
}

/// "containers" specializes "supply"; "detail" specializes "containers".
fn specialized() -> ClaimGraph {
    let mut g = G::new()
        .sources(&["rok", "west"], SourceKind::UnnamedGroup)
        .sources(&["russia", "watchdog"], Government)
        .claim("supply", &["russia"])
        .claim("containers", &["russia"])
        .claim("detail", &[])
        .says("west", "supply", Stance::Asserts)
        .says("rok", "containers", Stance::Asserts)
        .says("russia", "supply", Stance::Denies)
        .0;
    relate(&mut g, "containers", Specializes, "supply");
    relate(&mut g, "detail", Specializes, "containers");
    g
}

#[test]
fn an_assertion_of_a_specialization_supports_the_general_claim_and_says_so() {
    let g = specialized();
    let s = g.status("supply").unwrap();
    // The claim's own lists are unchanged: rok asserted the containers, not the supply.
    assert_eq!(s.asserters, ["west"]);
    let carried: Vec<(&str, Stance, &str)> = s
        .inferred
        .iter()
        .map(|i| (i.source.as_str(), i.stance, i.claim.as_str()))
        .collect();
    assert_eq!(carried, [("rok", Stance::Asserts, "containers")]);
    assert!(s.inferred[0].detail.contains("supports this claim"));

    // The assessment counts rok as a second independent origin, and says where it comes from.
    let a = g.assess("supply").unwrap();
    let origin_reasons: Vec<&str> = a
        .reasons
        .iter()
        .filter(|r| r.kind == ReasonKind::IndependentOrigin)
        .map(|r| r.detail.as_str())
        .collect();
    assert_eq!(origin_reasons.len(), 2, "{origin_reasons:?}");
    assert!(origin_reasons
        .iter()
        .any(|d| d.contains("rok") && d.contains("carried up from a specialization: containers")));
    let mut alone = g.clone();
    alone
        .remove_claim_relation("containers:specializes:supply")
        .unwrap();
    assert!(a.score > alone.assess("supply").unwrap().score);
}

#[test]
fn a_denial_of_the_general_claim_counts_against_each_specialization_at_any_depth() {
    let g = specialized();
    for claim in ["containers", "detail"] {
        let s = g.status(claim).unwrap();
        assert!(
            s.deniers.is_empty(),
            "{claim}: russia denied the supply only"
        );
        assert!(
            s.inferred
                .iter()
                .any(|i| i.source == "russia" && i.stance == Stance::Denies && i.claim == "supply"),
            "{claim}: {:?}",
            s.inferred
        );
    }
    // Asserted by rok and denied (through the general claim) by russia: disputed.
    assert!(g.status("containers").unwrap().disputed);
    // The detail is asserted by no one, directly or below it: not disputed.
    assert!(!g.status("detail").unwrap().disputed);
    let a = g.assess("containers").unwrap();
    let denial = a
        .reasons
        .iter()
        .find(|r| r.kind == ReasonKind::Denial)
        .expect("the carried denial weighs");
    assert!(denial
        .detail
        .contains("russia denies a claim this one specializes"));
    // Russia is a subject of the containers claim too: its denial is interested there.
    assert!(
        denial.detail.contains("interested party"),
        "{}",
        denial.detail
    );
    assert!(denial.weight > -0.3 && denial.weight < 0.0);
    // Denials do not go up, nor assertions down.
    let up = g.status("supply").unwrap();
    assert!(!up.inferred.iter().any(|i| i.stance == Stance::Denies));
    let down = g.status("detail").unwrap();
    assert!(!down.inferred.iter().any(|i| i.stance == Stance::Asserts));
}

#[test]
fn a_cycle_of_claim_relations_ends() {
    let mut g = specialized();
    relate(&mut g, "supply", Specializes, "detail");
    relate(&mut g, "supply", SameAs, "containers");
    for c in ["supply", "containers", "detail"] {
        g.status(c).unwrap();
        g.assess(c).unwrap();
    }
    assert_eq!(g.statuses().len(), 3);
}

#[test]
fn as_of_keeps_a_claim_whose_rewording_was_already_reported() {
    let mut g = G::new()
        .sources(&["x", "y"], Organization)
        .claim("a", &[])
        .claim("a2", &[])
        .0;
    g.add_attribution(Attribution::new("x", "a", Stance::Asserts).said(when("2020-01-01")))
        .unwrap();
    g.add_attribution(Attribution::new("y", "a2", Stance::Denies).said(when("2021-01-01")))
        .unwrap();
    let before_link = g.as_of(&when("2020-06-01"));
    assert!(before_link.graph.claim("a2").is_none());
    relate(&mut g, "a2", SameAs, "a");
    let then = g.as_of(&when("2020-06-01"));
    assert!(
        then.graph.claim("a2").is_some(),
        "a rewording of a claim on record"
    );
    // Only what was said by then counts: not yet disputed.
    assert!(!then.graph.status("a2").unwrap().disputed);
    assert!(
        g.as_of(&when("2021-06-01"))
            .graph
            .status("a")
            .unwrap()
            .disputed
    );
}

/// A former minister's view, and the ministry's: one body while she was in office, apart after.
fn minister(said: &str) -> ClaimGraph {
    let mut g = G::new()
        .source("may", Person)
        .sources(&["home-office", "government"], Government)
        .affiliated("home-office", "government")
        .claim("c", &[])
        .0;
    g.add_source_relation(
        SourceRelation::new("may", SourceRelationKind::AffiliatedWith, "government")
            .since(when("2016-07-13"))
            .until(when("2019-07-24")),
    )
    .unwrap();
    g.add_attribution(Attribution::new("may", "c", Stance::Asserts).said(when(said)))
        .unwrap();
    g.add_attribution(
        Attribution::new("home-office", "c", Stance::Asserts).said(when("2023-03-01")),
    )
    .unwrap();
    g
}

#[test]
fn independence_is_judged_at_the_time_of_each_statement() {
    // In office: the minister and the ministry answer to one government.
    let s = minister("2018-05-01").status("c").unwrap();
    assert_eq!(
        s.independent_origin_count(),
        1,
        "{:?}",
        s.independent_origins
    );
    assert_eq!(s.independent_origins[0].top, "government");
    // Two years after leaving office, her view is her own.
    let s = minister("2021-05-01").status("c").unwrap();
    assert_eq!(
        s.independent_origin_count(),
        2,
        "{:?}",
        s.independent_origins
    );
    assert_eq!(
        minister("2021-05-01")
            .summary("c")
            .unwrap()
            .independent_origins,
        2
    );
    assert_eq!(minister("2021-05-01").summaries()[0].independent_origins, 2);
    // A date that may fall in office (2019, straddling the end) is read the cautious way.
    let s = minister("2019").status("c").unwrap();
    assert_eq!(s.independent_origin_count(), 1);
    // Undated: the relation may hold, so one group.
    let mut g = minister("2021-05-01");
    let mut a = g.get_attribution("may:asserts:c").unwrap();
    a.said = None;
    g.update_attribution(a).unwrap();
    assert_eq!(g.status("c").unwrap().independent_origin_count(), 1);
}

#[test]
fn denials_are_grouped_by_who_the_deniers_answered_to_when_they_denied() {
    let build = |said: &str| {
        let mut g = G::new()
            .source("may", Person)
            .sources(&["home-office", "government", "x"], Government)
            .affiliated("home-office", "government")
            .claim("c", &[])
            .says("x", "c", Stance::Asserts)
            .0;
        g.add_source_relation(
            SourceRelation::new("may", SourceRelationKind::AffiliatedWith, "government")
                .until(when("2019-07-24")),
        )
        .unwrap();
        g.add_attribution(Attribution::new("may", "c", Stance::Denies).said(when(said)))
            .unwrap();
        g.add_attribution(
            Attribution::new("home-office", "c", Stance::Denies).said(when("2023-03-01")),
        )
        .unwrap();
        g.assess("c").unwrap()
    };
    let count = |a: &claimgraph::Assessment| {
        a.reasons
            .iter()
            .filter(|r| r.kind == ReasonKind::Denial)
            .count()
    };
    assert_eq!(count(&build("2018-01-01")), 1);
    assert_eq!(count(&build("2021-01-01")), 2);
    assert!(build("2021-01-01").score < build("2018-01-01").score);
}

#[test]
fn removing_the_last_timed_affiliation_reads_affiliations_as_before() {
    let mut g = minister("2021-05-01");
    let id = g.relations_of_source("may").unwrap()[0].id.clone();
    let mut r = g.get_source_relation(&id).unwrap();
    r.since = None;
    r.until = None;
    g.update_source_relation(r).unwrap();
    // Open-ended, the affiliation always holds.
    assert_eq!(g.status("c").unwrap().independent_origin_count(), 1);
    g.add_source(Source::new("other", Person, "Other")).unwrap();
    assert_eq!(g.statuses()[0].independent_origin_count(), 1);
}
