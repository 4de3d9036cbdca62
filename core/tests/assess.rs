//! The credibility assessment: its formula on small graphs worked out by hand, and the
//! properties a fact-checker relies on, over random graphs.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support_b;

use claimgraph::{
    Assessment, Attribution, Claim, ClaimGraph, Error, Modality, Rating, ReasonKind, RecordKind,
    Reliability, Source, SourceKind, SourceRelation, SourceRelationKind, Stance, Verdict,
};
use proptest::prelude::*;
use support_b::{claim_id, grade, graph_spec, modality, source_kind};

fn sigmoid(logit: f64) -> f64 {
    1.0 / (1.0 + (-logit).exp())
}

/// The evidence logit for raw evidence `e`: 3 tanh(e / 3).
fn saturate(e: f64) -> f64 {
    3.0 * (e / 3.0).tanh()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// The reasons' weights add up to the score's log-odds.
fn check_sum(a: &Assessment) {
    let sum: f64 = a.reasons.iter().map(|r| r.weight).sum();
    let logit = (a.score / (1.0 - a.score)).ln();
    assert!(
        (sum - logit).abs() < 1e-9,
        "weights sum to {sum}, log-odds are {logit}: {a:#?}"
    );
}

/// Reasons and notes of one kind (notes are the remarks of weight 0).
fn weights(a: &Assessment, kind: ReasonKind) -> Vec<f64> {
    a.reasons
        .iter()
        .chain(&a.notes)
        .filter(|r| r.kind == kind)
        .map(|r| r.weight)
        .collect()
}

fn details(a: &Assessment, kind: ReasonKind) -> Vec<&str> {
    a.reasons
        .iter()
        .chain(&a.notes)
        .filter(|r| r.kind == kind)
        .map(|r| r.detail.as_str())
        .collect()
}

fn src(g: &mut ClaimGraph, id: &str, kind: SourceKind) {
    g.add_source(Source::new(id, kind, id.to_uppercase()))
        .unwrap();
}

fn rel(g: &mut ClaimGraph, from: &str, kind: SourceRelationKind, to: &str) {
    g.add_source_relation(SourceRelation::new(from, kind, to))
        .unwrap();
}

fn says(g: &mut ClaimGraph, source: &str, claim: &str, stance: Stance) {
    g.add_attribution(Attribution::new(source, claim, stance))
        .unwrap();
}

/// A claim about the DPRK, and nobody saying anything about it yet.
fn about_dprk() -> ClaimGraph {
    let mut g = ClaimGraph::new();
    src(&mut g, "dprk", SourceKind::Government);
    g.add_claim(Claim::new("ammo", "DPRK supplies ammunition to Russia").subject("dprk"))
        .unwrap();
    g
}

/// The weight of the single origin group when `putin` asserts the claim.
fn origin_weight(g: &ClaimGraph) -> f64 {
    let a = g.assess("ammo").unwrap();
    check_sum(&a);
    let w = weights(&a, ReasonKind::IndependentOrigin);
    assert_eq!(w.len(), 1, "{a:#?}");
    w[0]
}

#[test]
fn nothing_known_scores_one_half_with_no_reasons() {
    let mut g = about_dprk();
    src(&mut g, "bystander", SourceKind::Person);
    let a = g.assess("ammo").unwrap();
    assert_eq!(a.claim, "ammo");
    assert_eq!(a.score, 0.5);
    assert!(a.reasons.is_empty());
}

#[test]
fn a_named_origin_stating_the_claim_weighs_one_and_saturates() {
    let mut g = about_dprk();
    src(&mut g, "putin", SourceKind::Person);
    says(&mut g, "putin", "ammo", Stance::Asserts);
    let a = g.assess("ammo").unwrap();
    check_sum(&a);
    assert_eq!(weights(&a, ReasonKind::IndependentOrigin), [1.0]);
    assert!(details(&a, ReasonKind::IndependentOrigin)[0].starts_with("independent origin putin"));
    let sat = weights(&a, ReasonKind::Saturation);
    assert!(close(sat[0], saturate(1.0) - 1.0));
    assert!(close(a.score, sigmoid(saturate(1.0))));
    assert!(a.score > 0.5);
}

#[test]
fn the_reliability_grade_scales_an_origin() {
    let expected = [
        (Some(Reliability::A), 2.0),
        (Some(Reliability::B), 1.5),
        (Some(Reliability::C), 1.0),
        (Some(Reliability::D), 0.6),
        (Some(Reliability::E), 0.3),
        (Some(Reliability::F), 1.0),
        (None, 1.0),
    ];
    for (grade, w) in expected {
        let mut g = about_dprk();
        let mut s = Source::new("putin", SourceKind::Person, "Putin");
        s.reliability = grade;
        g.add_source(s).unwrap();
        says(&mut g, "putin", "ammo", Stance::Asserts);
        assert!(close(origin_weight(&g), w), "grade {grade:?}");
    }
}

#[test]
fn an_unnamed_origin_only_reported_by_an_outlet_counts_half_of_reported_speech_and_is_flagged() {
    let mut g = about_dprk();
    src(&mut g, "rok-sources", SourceKind::UnnamedGroup);
    src(&mut g, "yonhap", SourceKind::Outlet);
    rel(&mut g, "yonhap", SourceRelationKind::Cites, "rok-sources");
    says(&mut g, "yonhap", "ammo", Stance::Asserts);
    let a = g.assess("ammo").unwrap();
    check_sum(&a);
    // 1.0 x ungraded 1.0 x unnamed 0.5 x reported speech 0.7
    assert!(close(weights(&a, ReasonKind::IndependentOrigin)[0], 0.35));
    let d = details(&a, ReasonKind::IndependentOrigin)[0];
    assert!(d.starts_with("independent origin rok-sources"), "{d}");
    assert!(d.ends_with(": +0.35"), "{d}");
    assert_eq!(weights(&a, ReasonKind::UnnamedOnly), [0.0]);
    assert!(details(&a, ReasonKind::UnnamedOnly)[0].contains("rok-sources"));
}

#[test]
fn an_attribution_to_the_origin_via_an_outlet_is_the_origin_speaking() {
    let mut g = about_dprk();
    src(&mut g, "rok-sources", SourceKind::UnnamedGroup);
    src(&mut g, "yonhap", SourceKind::Outlet);
    g.add_attribution(Attribution::new("rok-sources", "ammo", Stance::Asserts).via("yonhap"))
        .unwrap();
    // unnamed 0.5 x stated 1.0
    assert!(close(origin_weight(&g), 0.5));
}

#[test]
fn the_firmest_wording_of_the_origin_sets_the_modality() {
    let cases: [(&[Modality], f64); 5] = [
        (&[Modality::Stated], 1.0),
        (&[Modality::Alleged], 0.7),
        (&[Modality::Expected], 0.5),
        (&[Modality::Speculated], 0.3),
        (&[Modality::Speculated, Modality::Expected], 0.5),
    ];
    for (modalities, w) in cases {
        let mut g = about_dprk();
        src(&mut g, "putin", SourceKind::Person);
        for (i, m) in modalities.iter().enumerate() {
            g.add_attribution(
                Attribution::new("putin", "ammo", Stance::Asserts)
                    .modality(*m)
                    .with_id(format!("a{i}")),
            )
            .unwrap();
        }
        assert!(close(origin_weight(&g), w), "{modalities:?}");
    }
}

#[test]
fn a_source_affiliated_with_the_origin_speaks_for_it() {
    let build = |affiliated: bool| {
        let mut g = about_dprk();
        src(&mut g, "ministry", SourceKind::Government);
        src(&mut g, "spokesperson", SourceKind::Person);
        src(&mut g, "yonhap", SourceKind::Outlet);
        rel(&mut g, "yonhap", SourceRelationKind::Cites, "ministry");
        rel(
            &mut g,
            "spokesperson",
            SourceRelationKind::Cites,
            "ministry",
        );
        if affiliated {
            rel(
                &mut g,
                "spokesperson",
                SourceRelationKind::AffiliatedWith,
                "ministry",
            );
        }
        says(&mut g, "yonhap", "ammo", Stance::Asserts);
        says(&mut g, "spokesperson", "ammo", Stance::Asserts);
        g
    };
    // The ministry's own spokesperson states it: the origin speaks directly.
    assert!(close(origin_weight(&build(true)), 1.0));
    // Anyone else citing the ministry is reported speech.
    assert!(close(origin_weight(&build(false)), 0.7));
}

#[test]
fn an_op_ed_states_its_authors_own_words() {
    let mut g = about_dprk();
    src(&mut g, "putin", SourceKind::Person);
    src(&mut g, "op-ed", SourceKind::Document);
    src(&mut g, "rodong", SourceKind::Outlet);
    rel(&mut g, "op-ed", SourceRelationKind::AuthoredBy, "putin");
    rel(&mut g, "op-ed", SourceRelationKind::PublishedIn, "rodong");
    says(&mut g, "op-ed", "ammo", Stance::Asserts);
    let a = g.assess("ammo").unwrap();
    assert!(details(&a, ReasonKind::IndependentOrigin)[0].starts_with("independent origin putin"));
    assert!(close(origin_weight(&g), 1.0));
}

#[test]
fn another_outlet_echoing_the_same_origin_changes_nothing() {
    let mut g = about_dprk();
    src(&mut g, "rok-sources", SourceKind::UnnamedGroup);
    src(&mut g, "yonhap", SourceKind::Outlet);
    src(&mut g, "kbs", SourceKind::Outlet);
    rel(&mut g, "yonhap", SourceRelationKind::Cites, "rok-sources");
    says(&mut g, "yonhap", "ammo", Stance::Asserts);
    let before = g.assess("ammo").unwrap();
    rel(&mut g, "kbs", SourceRelationKind::Cites, "rok-sources");
    says(&mut g, "kbs", "ammo", Stance::Asserts);
    assert_eq!(g.assess("ammo").unwrap(), before);
}

#[test]
fn two_spokespeople_of_one_government_are_one_denial() {
    let mut g = about_dprk();
    src(&mut g, "russia", SourceKind::Government);
    src(&mut g, "mfa-spokesperson", SourceKind::Person);
    src(&mut g, "kremlin-spokesperson", SourceKind::Person);
    rel(
        &mut g,
        "mfa-spokesperson",
        SourceRelationKind::AffiliatedWith,
        "russia",
    );
    rel(
        &mut g,
        "kremlin-spokesperson",
        SourceRelationKind::AffiliatedWith,
        "russia",
    );
    says(&mut g, "mfa-spokesperson", "ammo", Stance::Denies);
    says(&mut g, "kremlin-spokesperson", "ammo", Stance::Denies);
    let a = g.assess("ammo").unwrap();
    check_sum(&a);
    assert_eq!(weights(&a, ReasonKind::Denial), [-1.0]);
    let d = details(&a, ReasonKind::Denial)[0];
    assert!(
        d.starts_with("denial by russia (kremlin-spokesperson, mfa-spokesperson;"),
        "{d}"
    );
    assert!(close(a.score, sigmoid(saturate(-1.0))));

    // Two governments with nothing in common are two denials.
    src(&mut g, "usa", SourceKind::Government);
    g.update_source(Source::new("usa", SourceKind::Government, "USA").reliability(Reliability::B))
        .unwrap();
    says(&mut g, "usa", "ammo", Stance::Denies);
    let a = g.assess("ammo").unwrap();
    check_sum(&a);
    assert_eq!(weights(&a, ReasonKind::Denial), [-1.0, -1.5]);
}

#[test]
fn the_accused_partys_denial_counts_a_quarter_and_says_why() {
    let mut g = about_dprk();
    says(&mut g, "dprk", "ammo", Stance::Denies);
    let a = g.assess("ammo").unwrap();
    check_sum(&a);
    assert_eq!(weights(&a, ReasonKind::Denial), [-0.25]);
    assert_eq!(weights(&a, ReasonKind::InterestedDenial), [0.0]);
    let d = details(&a, ReasonKind::InterestedDenial)[0];
    assert!(d.starts_with("dprk denies"), "{d}");
    assert!(d.contains("a subject of the claim"), "{d}");
}

#[test]
fn a_denial_by_someone_affiliated_with_the_accused_party_counts_a_quarter() {
    let mut g = about_dprk();
    src(&mut g, "kcna", SourceKind::Outlet);
    rel(&mut g, "kcna", SourceRelationKind::AffiliatedWith, "dprk");
    g.update_source(Source::new("kcna", SourceKind::Outlet, "KCNA").reliability(Reliability::B))
        .unwrap();
    says(&mut g, "kcna", "ammo", Stance::Denies);
    let a = g.assess("ammo").unwrap();
    check_sum(&a);
    assert!(close(weights(&a, ReasonKind::Denial)[0], -0.25 * 1.5));
    let d = details(&a, ReasonKind::InterestedDenial)[0];
    assert!(d.contains("affiliated with dprk"), "{d}");
}

#[test]
fn a_doubt_weighs_half_a_denial() {
    let mut g = about_dprk();
    src(&mut g, "analyst", SourceKind::Person);
    g.update_source(
        Source::new("analyst", SourceKind::Person, "Analyst").reliability(Reliability::A),
    )
    .unwrap();
    says(&mut g, "analyst", "ammo", Stance::Doubts);
    says(&mut g, "dprk", "ammo", Stance::Doubts);
    let a = g.assess("ammo").unwrap();
    check_sum(&a);
    // The analyst: 0.5 x A 2.0; the DPRK, an interested party: 0.5 x 0.25 x 1.0.
    assert_eq!(weights(&a, ReasonKind::Doubt), [-1.0, -0.125]);
    assert!(details(&a, ReasonKind::Doubt)[0].starts_with("doubt by analyst"));
    assert!(details(&a, ReasonKind::Doubt)[1].starts_with("doubt by dprk"));
    // A doubt is no denial.
    assert!(weights(&a, ReasonKind::Denial).is_empty());
    assert!(weights(&a, ReasonKind::InterestedDenial).is_empty());
}

#[test]
fn verdicts_move_the_log_odds_by_their_truth() {
    let mut g = about_dprk();
    src(&mut g, "checker", SourceKind::Organization);
    g.add_verdict(Verdict::new("checker", "ammo", "False").with_id("v1"))
        .unwrap();
    let a = g.assess("ammo").unwrap();
    check_sum(&a);
    assert_eq!(weights(&a, ReasonKind::Verdict), [-6.0]);
    assert!(close(a.score, sigmoid(-6.0)));

    g.add_verdict(Verdict::new("checker", "ammo", "True").with_id("v2"))
        .unwrap();
    let a = g.assess("ammo").unwrap();
    check_sum(&a);
    let mut w = weights(&a, ReasonKind::Verdict);
    w.sort_by(f64::total_cmp);
    assert_eq!(w, [-3.0, 3.0]);
    assert!(close(a.score, 0.5));
}

#[test]
fn a_numeric_rating_counts_by_its_place_on_the_scale() {
    let mut g = about_dprk();
    src(&mut g, "checker", SourceKind::Organization);
    g.add_verdict(
        Verdict::new("checker", "ammo", "Mostly accurate").rating(Rating::new(4.0, 5.0, 1.0)),
    )
    .unwrap();
    let a = g.assess("ammo").unwrap();
    // (4 - 1) / (5 - 1) = 0.75 -> 12 x 0.25
    assert!(close(weights(&a, ReasonKind::Verdict)[0], 3.0));
    assert!(close(a.score, sigmoid(3.0)));
}

#[test]
fn a_verdict_without_a_rating_is_listed_with_no_weight() {
    let mut g = about_dprk();
    src(&mut g, "checker", SourceKind::Organization);
    g.add_verdict(Verdict::new("checker", "ammo", "Missing context"))
        .unwrap();
    let a = g.assess("ammo").unwrap();
    assert_eq!(a.score, 0.5);
    assert!(weights(&a, ReasonKind::Verdict).is_empty());
    assert_eq!(weights(&a, ReasonKind::UnratedVerdict), [0.0]);
    let d = details(&a, ReasonKind::UnratedVerdict)[0];
    assert!(d.contains("Missing context is not rated for truth"), "{d}");
    assert!(d.contains("needs context"), "{d}");
    assert!(a.reasons.is_empty());
}

#[test]
fn circular_reporting_is_one_origin_and_is_flagged() {
    let mut g = about_dprk();
    for s in ["paper-a", "paper-b", "paper-c"] {
        src(&mut g, s, SourceKind::Outlet);
    }
    rel(&mut g, "paper-a", SourceRelationKind::Cites, "paper-b");
    rel(&mut g, "paper-b", SourceRelationKind::Cites, "paper-a");
    rel(&mut g, "paper-c", SourceRelationKind::Cites, "paper-a");
    says(&mut g, "paper-c", "ammo", Stance::Asserts);
    let a = g.assess("ammo").unwrap();
    check_sum(&a);
    // One origin (the loop), only reported by paper-c.
    assert!(close(weights(&a, ReasonKind::IndependentOrigin)[0], 0.7));
    assert_eq!(weights(&a, ReasonKind::CircularReporting), [0.0]);
    let d = details(&a, ReasonKind::CircularReporting)[0];
    assert!(d.contains("paper-a, paper-b"), "{d}");
}

#[test]
fn much_evidence_saturates_and_cannot_outweigh_a_false_verdict() {
    let mut g = about_dprk();
    for i in 0..6 {
        let id = format!("witness-{i}");
        g.add_source(Source::new(&id, SourceKind::Person, &id).reliability(Reliability::A))
            .unwrap();
        says(&mut g, &id, "ammo", Stance::Asserts);
    }
    let a = g.assess("ammo").unwrap();
    check_sum(&a);
    assert_eq!(weights(&a, ReasonKind::IndependentOrigin), [2.0; 6]);
    assert!(close(
        weights(&a, ReasonKind::Saturation)[0],
        saturate(12.0) - 12.0
    ));
    src(&mut g, "checker", SourceKind::Organization);
    g.add_verdict(Verdict::new("checker", "ammo", "Pants on fire"))
        .unwrap();
    let a = g.assess("ammo").unwrap();
    check_sum(&a);
    assert!(a.score < 0.5);
    assert!(close(a.score, sigmoid(saturate(12.0) - 6.0)));
}

#[test]
fn reasons_are_sorted_by_kind_then_detail() {
    let mut g = about_dprk();
    for s in ["zeta", "alpha", "mid"] {
        src(&mut g, s, SourceKind::Person);
        says(&mut g, s, "ammo", Stance::Asserts);
    }
    says(&mut g, "dprk", "ammo", Stance::Denies);
    src(&mut g, "checker", SourceKind::Organization);
    g.add_verdict(Verdict::new("checker", "ammo", "Mostly true"))
        .unwrap();
    let a = g.assess("ammo").unwrap();
    check_sum(&a);
    let kinds: Vec<ReasonKind> = a.reasons.iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        [
            ReasonKind::IndependentOrigin,
            ReasonKind::IndependentOrigin,
            ReasonKind::IndependentOrigin,
            ReasonKind::Denial,
            ReasonKind::Verdict,
            ReasonKind::Saturation,
        ]
    );
    let notes: Vec<ReasonKind> = a.notes.iter().map(|r| r.kind).collect();
    assert_eq!(notes, [ReasonKind::InterestedDenial]);
    assert!(a.reasons.iter().all(|r| r.weight != 0.0));
    let origins = details(&a, ReasonKind::IndependentOrigin);
    assert!(origins[0].starts_with("independent origin alpha"));
    assert!(origins[1].starts_with("independent origin mid"));
    assert!(origins[2].starts_with("independent origin zeta"));
}

#[test]
fn reasons_serialize_with_snake_case_kinds() {
    let mut g = about_dprk();
    says(&mut g, "dprk", "ammo", Stance::Denies);
    let json = serde_json::to_string(&g.assess("ammo").unwrap()).unwrap();
    assert!(json.contains("\"kind\":\"interested_denial\""), "{json}");
}

#[test]
fn assessing_an_unknown_claim_names_it() {
    let g = about_dprk();
    match g.assess("nope") {
        Err(Error::NotFound { kind, id }) => {
            assert_eq!(kind, RecordKind::Claim);
            assert_eq!(id, "nope");
        }
        other => panic!("expected NotFound, got {other:?}"),
    }
    // A source is not a claim.
    assert!(matches!(g.assess("dprk"), Err(Error::NotFound { .. })));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn every_score_is_a_probability_whose_log_odds_are_its_reasons(spec in graph_spec()) {
        let g = spec.build();
        let all = g.assessments();
        let ids: Vec<&str> = g.claims().map(|c| c.id.as_str()).collect();
        prop_assert_eq!(all.iter().map(|a| a.claim.as_str()).collect::<Vec<_>>(), ids);
        for a in &all {
            prop_assert!(a.score > 0.0 && a.score < 1.0);
            check_sum(a);
            prop_assert_eq!(a, &g.assess(&a.claim).unwrap());
        }
    }

    #[test]
    fn an_outlet_echoing_an_existing_origin_changes_no_score(
        spec in graph_spec(),
        pick_claim in any::<prop::sample::Index>(),
        pick_origin in any::<prop::sample::Index>(),
        kind in source_kind(),
        grade in grade(),
        modality in modality(),
    ) {
        let mut g = spec.build();
        let c = claim_id(pick_claim.index(spec.claims.len()));
        let status = g.status(&c).unwrap();
        prop_assume!(!status.origins.is_empty());
        let origin = pick_origin.get(&status.origins);
        let before = g.assess(&c).unwrap().score;

        let mut echo = Source::new("zz-echo", kind, "Echo");
        echo.reliability = grade;
        g.add_source(echo).unwrap();
        g.add_source_relation(SourceRelation::new("zz-echo", SourceRelationKind::Cites, &origin.members[0])).unwrap();
        g.add_attribution(Attribution::new("zz-echo", &c, Stance::Asserts).modality(modality)).unwrap();
        let after = g.assess(&c).unwrap().score;
        prop_assert!((after - before).abs() <= 1e-12, "{} -> {}", before, after);
    }

    #[test]
    fn a_new_independent_asserter_never_lowers_the_score(
        spec in graph_spec(),
        pick_claim in any::<prop::sample::Index>(),
        kind in source_kind(),
        grade in grade(),
        modality in modality(),
    ) {
        let mut g = spec.build();
        let c = claim_id(pick_claim.index(spec.claims.len()));
        let before = g.assess(&c).unwrap().score;
        let mut fresh = Source::new("zz-fresh", kind, "Fresh");
        fresh.reliability = grade;
        g.add_source(fresh).unwrap();
        g.add_attribution(Attribution::new("zz-fresh", &c, Stance::Asserts).modality(modality)).unwrap();
        let after = g.assess(&c).unwrap().score;
        prop_assert!(after >= before, "{} -> {}", before, after);
    }

    #[test]
    fn a_verdict_dominates_whatever_the_evidence(
        spec in graph_spec(),
        ratings in prop::collection::vec(any::<bool>(), 4),
    ) {
        let mut g = spec.build();
        g.add_source(Source::new("zz-checker", SourceKind::Organization, "Checker")).unwrap();
        let claims: Vec<String> = g.claims().map(|c| c.id.clone()).collect();
        let (mut falses, mut trues) = (Vec::new(), Vec::new());
        for (c, &true_) in claims.iter().zip(&ratings) {
            let label = if true_ { "True" } else { "False" };
            g.add_verdict(Verdict::new("zz-checker", c, label)).unwrap();
            let score = g.assess(c).unwrap().score;
            if true_ {
                prop_assert!(score > 0.5, "{} rated True scores {}", c, score);
                trues.push(score);
            } else {
                prop_assert!(score < 0.5, "{} rated False scores {}", c, score);
                falses.push(score);
            }
        }
        for f in &falses {
            for t in &trues {
                prop_assert!(f < t);
            }
        }
    }

    #[test]
    fn an_interested_partys_denial_weighs_less(
        spec in graph_spec(),
        pick_claim in any::<prop::sample::Index>(),
        pick_subject in any::<prop::sample::Index>(),
        kind in source_kind(),
        grade in grade(),
    ) {
        let base = spec.build();
        let c = claim_id(pick_claim.index(spec.claims.len()));
        let subjects = base.get_claim(&c).unwrap().subjects.clone();
        prop_assume!(!subjects.is_empty());
        let subject = pick_subject.get(&subjects);

        let with_denier = |affiliated: bool| {
            let mut g = base.clone();
            let mut d = Source::new("zz-denier", kind, "Denier");
            d.reliability = grade;
            g.add_source(d).unwrap();
            if affiliated {
                g.add_source_relation(SourceRelation::new("zz-denier", SourceRelationKind::AffiliatedWith, subject)).unwrap();
            }
            g.add_attribution(Attribution::new("zz-denier", &c, Stance::Denies)).unwrap();
            g.assess(&c).unwrap().score
        };
        let before = base.assess(&c).unwrap().score;
        let interested = with_denier(true);
        let disinterested = with_denier(false);
        prop_assert!(disinterested < before);
        prop_assert!(interested > disinterested, "interested {} vs disinterested {}", interested, disinterested);
    }
}
