//! The record as it stood on a given date.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use claimgraph::{
    Attribution, Claim, ClaimGraph, ClaimRelation, ClaimRelationKind, Source, SourceKind,
    SourceRelation, SourceRelationKind, Stance, Verdict, When,
};
use support::G;

use SourceKind::{Document, Government, Organization, Outlet, UnnamedGroup};

fn when(s: &str) -> When {
    s.parse().unwrap()
}

fn doc(id: &str, published: Option<&str>) -> Source {
    let s = Source::new(id, Document, id);
    match published {
        Some(p) => s.published(when(p)),
        None => s,
    }
}

/// One claim per case, each with a single assertion by `rok` so each case stands alone.
fn case(g: &mut ClaimGraph, claim: &str, said: Option<&str>, via: Option<&str>) {
    g.add_claim(Claim::new(claim, claim)).unwrap();
    let mut a = Attribution::new("rok", claim, Stance::Asserts).with_id(claim);
    if let Some(s) = said {
        a = a.said(when(s));
    }
    if let Some(v) = via {
        a = a.via(v);
    }
    g.add_attribution(a).unwrap();
}

fn attribution_cases() -> ClaimGraph {
    let mut g = G::new().source("rok", Government).0;
    g.add_source(doc("early-article", Some("2024-06-01")))
        .unwrap();
    g.add_source(doc("late-article", Some("2024-06-20")))
        .unwrap();
    g.add_source(doc("undated-article", None)).unwrap();
    case(&mut g, "said-before", Some("2024-06-05"), None);
    case(&mut g, "said-on-the-day", Some("2024-06-10"), None);
    // 01:00 in Moscow on the 11th is 22:00 UTC on the 10th: before the cut-off.
    case(
        &mut g,
        "said-late-evening",
        Some("2024-06-11T01:00:00+03:00"),
        None,
    );
    case(&mut g, "said-after", Some("2024-06-11"), None);
    case(&mut g, "said-last-month", Some("2024-05"), None);
    case(&mut g, "said-this-month", Some("2024-06"), None);
    case(&mut g, "said-this-year", Some("2024"), None);
    case(&mut g, "undated-via-early", None, Some("early-article"));
    case(&mut g, "undated-via-late", None, Some("late-article"));
    case(&mut g, "undated-via-undated", None, Some("undated-article"));
    case(&mut g, "undated", None, None);
    g
}

#[test]
fn attributions_are_kept_dropped_or_unplaced_by_their_time() {
    let g = attribution_cases();
    let then = g.as_of(&when("2024-06-10"));
    assert_eq!(then.date, when("2024-06-10"));
    let kept = |id: &str| then.graph.attribution(id).is_some();
    for id in [
        "said-before",
        "said-on-the-day",
        "said-late-evening",
        "said-last-month",
        "undated-via-early",
    ] {
        assert!(kept(id), "{id} should be kept");
        assert!(then.graph.claim(id).is_some(), "claim {id} should be kept");
    }
    for id in [
        "said-after",
        "said-this-month",
        "said-this-year",
        "undated-via-late",
        "undated-via-undated",
        "undated",
    ] {
        assert!(!kept(id), "{id} should be left out");
        // Nothing else stands on these claims, so they did not exist yet.
        assert!(
            then.graph.claim(id).is_none(),
            "claim {id} should be left out"
        );
    }
    // Only what cannot be placed is counted; what came later is simply absent.
    assert_eq!(
        then.unplaced,
        [
            "said-this-month",
            "said-this-year",
            "undated",
            "undated-via-undated"
        ]
    );
}

#[test]
fn a_month_cut_off_places_everything_said_within_it() {
    let then = attribution_cases().as_of(&when("2024-06"));
    assert!(then.graph.attribution("said-this-month").is_some());
    assert!(then.graph.attribution("said-after").is_some());
    assert!(then.graph.attribution("undated-via-late").is_some());
    assert_eq!(
        then.unplaced,
        ["said-this-year", "undated", "undated-via-undated"]
    );
}

#[test]
fn documents_published_later_are_dropped_with_their_edges() {
    let mut g = G::new()
        .source("rok-sources", UnnamedGroup)
        .source("yonhap", Outlet)
        .0;
    g.add_source(doc("late-article", Some("2024-06-20")))
        .unwrap();
    g.add_source(doc("early-article", Some("2024-06-01")))
        .unwrap();
    for (from, kind, to) in [
        ("late-article", SourceRelationKind::Cites, "rok-sources"),
        ("late-article", SourceRelationKind::PublishedIn, "yonhap"),
        ("early-article", SourceRelationKind::Cites, "rok-sources"),
    ] {
        g.add_source_relation(SourceRelation::new(from, kind, to))
            .unwrap();
    }
    g.add_claim(Claim::new("ammo", "ammunition").subject("late-article"))
        .unwrap();
    // Said early, but only reported in the article that did not exist yet.
    g.add_attribution(
        Attribution::new("rok-sources", "ammo", Stance::Asserts)
            .said(when("2024-06-01"))
            .via("late-article"),
    )
    .unwrap();
    g.add_attribution(
        Attribution::new("early-article", "ammo", Stance::Asserts).said(when("2024-06-01")),
    )
    .unwrap();
    let then = g.as_of(&when("2024-06-10"));
    let h = &then.graph;
    assert!(h.source("late-article").is_none());
    assert!(h.source("early-article").is_some());
    assert_eq!(h.counts().source_relations, 1);
    assert!(h
        .source_relation("early-article:cites:rok-sources")
        .is_some());
    assert!(h.attribution("rok-sources:asserts:ammo").is_none());
    assert!(h.attribution("early-article:asserts:ammo").is_some());
    // Dropped for coming later, not for lacking a date.
    assert!(then.unplaced.is_empty());
    // The claim stands on the early article, but no longer names the missing report.
    assert!(h.claim("ammo").unwrap().subjects.is_empty());
}

#[test]
fn a_claim_keeps_only_the_subjects_that_existed() {
    let mut g = G::new().source("dprk", Government).0;
    g.add_source(doc("later-report", Some("2025-01-01")))
        .unwrap();
    g.add_claim(
        Claim::new("c", "claim")
            .subject("dprk")
            .subject("later-report"),
    )
    .unwrap();
    let then = g.as_of(&when("2024-12-31"));
    assert_eq!(then.graph.claim("c").unwrap().subjects, ["dprk"]);
}

#[test]
fn unattributed_claims_stand_and_claim_relations_follow_their_claims() {
    let mut g = G::new().source("rok", Government).0;
    g.add_claim(Claim::new("background", "standing claim"))
        .unwrap();
    case(&mut g, "early", Some("2024-01-01"), None);
    case(&mut g, "late", Some("2024-12-01"), None);
    for (from, to) in [("early", "background"), ("late", "background")] {
        g.add_claim_relation(ClaimRelation::new(from, ClaimRelationKind::Supports, to))
            .unwrap();
    }
    let then = g.as_of(&when("2024-06-30"));
    let h = &then.graph;
    assert!(h.claim("background").is_some());
    assert!(h.claim("early").is_some());
    assert!(h.claim("late").is_none());
    assert!(h.claim_relation("early:supports:background").is_some());
    assert_eq!(h.counts().claim_relations, 1);
}

#[test]
fn verdicts_follow_the_same_rule_and_keep_their_claim() {
    let mut g = G::new()
        .sources(&["afp", "snopes", "politifact"], Organization)
        .source("rok", Government)
        .0;
    g.add_claim(Claim::new("c", "claim")).unwrap();
    g.add_claim(Claim::new("reviewed-later", "claim")).unwrap();
    g.add_attribution(Attribution::new("rok", "c", Stance::Asserts).said(when("2024-07-01")))
        .unwrap();
    g.add_verdict(Verdict::new("afp", "c", "False").date(when("2024-06-02")))
        .unwrap();
    g.add_verdict(Verdict::new("snopes", "c", "False")).unwrap();
    g.add_verdict(Verdict::new("politifact", "reviewed-later", "False").date(when("2024-06-15")))
        .unwrap();
    let then = g.as_of(&when("2024-06-10"));
    let h = &then.graph;
    assert!(h.verdict("afp:verdict:c").is_some());
    // The claim stands on its verdict although its only attribution came later.
    assert!(h.claim("c").is_some());
    assert!(h.attribution("rok:asserts:c").is_none());
    assert!(h.claim("reviewed-later").is_none());
    assert_eq!(then.unplaced, ["snopes:verdict:c"]);
}

#[test]
fn source_relations_dated_later_are_dropped_and_undated_ones_kept() {
    let mut g = G::new()
        .sources(&["outlet", "wire", "agency"], Outlet)
        .source("ministry", Government)
        .0;
    g.add_source_relation(
        SourceRelation::new("outlet", SourceRelationKind::Cites, "wire").date(when("2024-07")),
    )
    .unwrap();
    g.add_source_relation(
        SourceRelation::new("outlet", SourceRelationKind::Cites, "agency").date(when("2024-05")),
    )
    .unwrap();
    g.add_source_relation(SourceRelation::new(
        "agency",
        SourceRelationKind::AffiliatedWith,
        "ministry",
    ))
    .unwrap();
    let then = g.as_of(&when("2024-06-10"));
    let h = &then.graph;
    assert!(h.source_relation("outlet:cites:wire").is_none());
    assert!(h.source_relation("outlet:cites:agency").is_some());
    assert!(h
        .source_relation("agency:affiliated_with:ministry")
        .is_some());
    assert_eq!(h.counts().sources, 4);
    assert!(then.unplaced.is_empty());
}

#[test]
fn the_past_graph_answers_questions_as_of_then() {
    // A denial that came later is not yet part of the record.
    let mut g = G::new()
        .source("rok", Government)
        .source("russia", Government)
        .0;
    g.add_claim(Claim::new("ammo", "ammunition")).unwrap();
    g.add_attribution(Attribution::new("rok", "ammo", Stance::Asserts).said(when("2024-06-01")))
        .unwrap();
    g.add_attribution(Attribution::new("russia", "ammo", Stance::Denies).said(when("2024-06-19")))
        .unwrap();
    assert!(g.status("ammo").unwrap().disputed);
    let then = g.as_of(&when("2024-06-18"));
    assert!(!then.graph.status("ammo").unwrap().disputed);
    // Nothing is lost when the cut-off is after everything.
    assert_eq!(g.as_of(&when("2025")).graph, g);
}
