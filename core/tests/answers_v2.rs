//! The second model's answers: as_of placing statements by their reporting chains, interested
//! parties through authorship, publication and affiliation at the time of the statement,
//! origins following a per-claim basis, verdict labels, and an assessment that gives the
//! evidence and the verdicts apart.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use claimgraph::{
    label_reading, Attribution, Claim, ClaimGraph, LabelReading, Rating, ReasonKind, Source,
    SourceKind, SourceRelation, SourceRelationKind, Stance, Verdict, When,
};
use proptest::prelude::*;

fn when(s: &str) -> When {
    s.parse().unwrap()
}

fn rel(g: &mut ClaimGraph, from: &str, kind: SourceRelationKind, to: &str) {
    g.add_source_relation(SourceRelation::new(from, kind, to))
        .unwrap();
}

/// "In a statement to the Australian Broadcasting Corporation, the Church denied these
/// allegations", reported by a Wikinews article of 2 December 2011.
fn church_denial() -> ClaimGraph {
    let mut g = ClaimGraph::new();
    for s in [
        Source::new("wikinews", SourceKind::Document, "Wikinews article")
            .published(when("2011-12-02")),
        Source::new(
            "abc",
            SourceKind::Outlet,
            "Australian Broadcasting Corporation",
        ),
        Source::new("church", SourceKind::Organization, "Church of Scientology"),
        Source::new(
            "church-statement",
            SourceKind::Document,
            "The Church's statement to the ABC",
        ),
        Source::new("paris", SourceKind::Person, "Paris Watson"),
    ] {
        g.add_source(s).unwrap();
    }
    g.add_claim(
        Claim::new("disconnect", "Paris was told to disconnect from her mother").subject("church"),
    )
    .unwrap();
    rel(
        &mut g,
        "church-statement",
        SourceRelationKind::AuthoredBy,
        "church",
    );
    g.add_attribution(Attribution::new("paris", "disconnect", Stance::Asserts).via("wikinews"))
        .unwrap();
    g.add_attribution(
        Attribution::new("church-statement", "disconnect", Stance::Denies)
            .via("abc")
            .via("wikinews"),
    )
    .unwrap();
    g
}

#[test]
fn a_denial_in_a_document_authored_by_the_accused_is_interested() {
    let g = church_denial();
    let s = g.status("disconnect").unwrap();
    assert_eq!(s.deniers, ["church-statement"]);
    assert_eq!(s.interested_deniers, ["church-statement"]);
    let a = g.assess("disconnect").unwrap();
    let denial: Vec<f64> = a
        .reasons
        .iter()
        .filter(|r| r.kind == ReasonKind::Denial)
        .map(|r| r.weight)
        .collect();
    assert_eq!(denial, [-0.25]);
    let note = a
        .notes
        .iter()
        .find(|r| r.kind == ReasonKind::InterestedDenial)
        .unwrap();
    assert!(
        note.detail.contains("authored by church"),
        "{}",
        note.detail
    );
}

#[test]
fn a_denial_published_in_the_accused_partys_outlet_is_interested() {
    let mut g = church_denial();
    g.add_source(Source::new(
        "church-magazine",
        SourceKind::Outlet,
        "Freedom magazine",
    ))
    .unwrap();
    g.add_source(Source::new(
        "editorial",
        SourceKind::Document,
        "An editorial",
    ))
    .unwrap();
    rel(
        &mut g,
        "editorial",
        SourceRelationKind::PublishedIn,
        "church-magazine",
    );
    rel(
        &mut g,
        "church-magazine",
        SourceRelationKind::AffiliatedWith,
        "church",
    );
    g.add_attribution(Attribution::new("editorial", "disconnect", Stance::Denies))
        .unwrap();
    let s = g.status("disconnect").unwrap();
    assert_eq!(s.interested_deniers, ["church-statement", "editorial"]);
    assert!(g.summary("disconnect").unwrap().interested_denial);
}

#[test]
fn a_chain_with_a_dated_hop_places_an_undated_statement_on_or_before_that_day() {
    let g = church_denial();
    // On the article's own date, the denial the article prints is on record.
    let on_the_day = g.as_of(&when("2011-12-02"));
    assert!(
        on_the_day.unplaced.is_empty(),
        "{:?}",
        on_the_day.unplaced_reasons
    );
    let s = on_the_day.graph.status("disconnect").unwrap();
    assert!(s.disputed);
    assert_eq!(s.deniers, ["church-statement"]);
    // The day before, the article did not exist: nothing it reports is known.
    let before = g.as_of(&when("2011-12-01"));
    assert!(before.graph.claim("disconnect").is_none());
    // A statement is on record once a hop has carried it: told to the ABC on Wednesday, it is
    // known that Wednesday; printed by the article on Friday, it is not known before Friday.
    let mut h = church_denial();
    h.add_attribution(
        Attribution::new("paris", "disconnect", Stance::Asserts)
            .with_id("told-abc")
            .via_on("abc", when("2011-11-30")),
    )
    .unwrap();
    h.add_attribution(
        Attribution::new("church-statement", "disconnect", Stance::Denies)
            .with_id("told-abc-too")
            .via_on("abc", when("2011-11-30"))
            .via("wikinews"),
    )
    .unwrap();
    let wednesday = h.as_of(&when("2011-11-30"));
    let w = wednesday.graph;
    assert!(w.attribution("told-abc").is_some());
    assert!(
        w.attribution("told-abc-too").is_none(),
        "the article carried it only later"
    );
}

#[test]
fn as_of_says_why_it_cannot_place_a_statement() {
    let mut g = church_denial();
    g.add_source(Source::new("blog", SourceKind::Outlet, "A blog"))
        .unwrap();
    g.add_attribution(
        Attribution::new("paris", "disconnect", Stance::Asserts)
            .with_id("undated")
            .via("blog"),
    )
    .unwrap();
    g.add_attribution(
        Attribution::new("paris", "disconnect", Stance::Asserts)
            .with_id("that-month")
            .said(when("2011-12")),
    )
    .unwrap();
    let then = g.as_of(&when("2011-12-02"));
    assert_eq!(then.unplaced, ["that-month", "undated"]);
    let why: Vec<&str> = then
        .unplaced_reasons
        .iter()
        .map(|u| u.reason.as_str())
        .collect();
    assert!(why[0].contains("straddles"), "{why:?}");
    assert!(why[1].starts_with("no date"), "{why:?}");
    // A bounded date places it.
    let mut h = g.clone();
    let mut a = h.attribution("that-month").unwrap();
    a.said = Some(when("../2011-11-15"));
    h.update_attribution(a).unwrap();
    assert!(h
        .as_of(&when("2011-12-02"))
        .graph
        .attribution("that-month")
        .is_some());
}

#[test]
fn an_affiliation_that_ended_does_not_make_a_later_denial_interested() {
    let mut g = ClaimGraph::new();
    for s in [
        Source::new("may", SourceKind::Person, "Theresa May"),
        Source::new("uk", SourceKind::Government, "UK government"),
    ] {
        g.add_source(s).unwrap();
    }
    g.add_claim(Claim::new("deal", "The government broke the deal").subject("uk"))
        .unwrap();
    g.add_source_relation(
        SourceRelation::new("may", SourceRelationKind::AffiliatedWith, "uk")
            .since(when("2016-07-13"))
            .until(when("2019-07-24")),
    )
    .unwrap();
    g.add_attribution(
        Attribution::new("may", "deal", Stance::Denies)
            .with_id("in-office")
            .said(when("2018-03")),
    )
    .unwrap();
    assert_eq!(g.status("deal").unwrap().interested_deniers, ["may"]);
    g.remove_attribution("in-office").unwrap();
    g.add_attribution(
        Attribution::new("may", "deal", Stance::Denies)
            .with_id("out-of-office")
            .said(when("2021-06-01")),
    )
    .unwrap();
    assert!(g.status("deal").unwrap().interested_deniers.is_empty());
    // Undated, it may have been said in office: read the cautious way.
    let mut a = g.attribution("out-of-office").unwrap();
    a.said = None;
    g.update_attribution(a).unwrap();
    assert_eq!(g.status("deal").unwrap().interested_deniers, ["may"]);
}

#[test]
fn an_own_voice_sentence_resting_on_a_witness_adds_no_origin() {
    let mut g = church_denial();
    // The article's own sentence repeats Paris's account.
    g.add_attribution(Attribution::new("wikinews", "disconnect", Stance::Asserts).basis("paris"))
        .unwrap();
    let s = g.status("disconnect").unwrap();
    assert_eq!(s.asserters, ["paris", "wikinews"]);
    let origins: Vec<&str> = s.origins.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(origins, ["paris"]);
    assert_eq!(s.independent_origin_count(), 1);
    assert_eq!(g.summary("disconnect").unwrap().origins, 1);
    let chains = g.chains("disconnect").unwrap();
    assert!(
        chains.iter().any(|c| c.path == ["wikinews", "paris"]),
        "{chains:?}"
    );
    // Without the basis the article is an origin of its own.
    let mut h = church_denial();
    h.add_attribution(Attribution::new("wikinews", "disconnect", Stance::Asserts))
        .unwrap();
    assert_eq!(h.status("disconnect").unwrap().origins.len(), 2);
}

#[test]
fn a_headline_resting_on_the_reports_it_relays_counts_only_the_reports() {
    let mut g = ClaimGraph::new();
    for s in [
        Source::new("site", SourceKind::Document, "Reports: the mayor resigned"),
        Source::new("paper-a", SourceKind::Outlet, "Paper A"),
        Source::new("paper-b", SourceKind::Outlet, "Paper B"),
    ] {
        g.add_source(s).unwrap();
    }
    g.add_claim(Claim::new("resigned", "The mayor resigned"))
        .unwrap();
    g.add_attribution(
        Attribution::new("site", "resigned", Stance::Asserts)
            .basis("paper-a")
            .basis("paper-b"),
    )
    .unwrap();
    let s = g.status("resigned").unwrap();
    let origins: Vec<&str> = s.origins.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(origins, ["paper-a", "paper-b"]);
}

#[test]
fn verdict_labels_read_in_five_languages_and_ratings_that_contradict_them_are_reported() {
    for (label, truth) in [
        ("False", 0.0),
        ("Faux", 0.0),
        ("Falso", 0.0),
        ("Falsch", 0.0),
        ("Misleading", 0.25),
        ("Engañoso", 0.25),
        ("Enganoso", 0.25),
        ("Irreführend", 0.25),
        ("Trompeur", 0.25),
        ("Mixture", 0.5),
        ("Meia verdade", 0.5),
        ("Vrai", 1.0),
        ("Verdadero", 1.0),
        ("Richtig", 1.0),
    ] {
        assert_eq!(label_reading(label), LabelReading::Truth(truth), "{label}");
    }
    for label in [
        "Unproven",
        "Missing context",
        "Needs context",
        "Sin contexto",
        "Satire",
    ] {
        assert!(
            matches!(label_reading(label), LabelReading::Unrated(_)),
            "{label}"
        );
    }
    // A rating typed (value, worst, best) on a verdict labelled False.
    let v = Verdict::new("checker", "c", "False").rating(Rating::new(1.0, 1.0, 5.0));
    assert_eq!(v.truth(), Some(0.0));
    let d = v.disagreement().unwrap();
    assert!(d.contains("swapped"), "{d}");
    // 5 out of 5 on "False".
    let v = Verdict::new("checker", "c", "False").rating(Rating::new(5.0, 5.0, 1.0));
    assert_eq!(v.truth(), Some(0.0));
    assert!(v.disagreement().is_some());
    // An unknown label leaves the rating to decide; a known one that agrees is not reported.
    let v = Verdict::new("checker", "c", "Spicy").rating(Rating::new(4.0, 5.0, 1.0));
    assert_eq!(v.truth(), Some(0.75));
    let v = Verdict::new("checker", "c", "Mostly true").rating(Rating::new(4.0, 5.0, 1.0));
    assert!(v.disagreement().is_none());
}

#[test]
fn the_assessment_gives_evidence_and_verdicts_apart_and_notes_what_weighs_nothing() {
    let mut g = church_denial();
    g.add_source(Source::new(
        "checker",
        SourceKind::Organization,
        "A checker",
    ))
    .unwrap();
    g.add_source(Source::new("police", SourceKind::Government, "Police"))
        .unwrap();
    g.add_attribution(Attribution::new("police", "disconnect", Stance::NoComment))
        .unwrap();
    let before = g.assess("disconnect").unwrap();
    assert_eq!(before.evidence_score, before.score);
    assert!(before
        .notes
        .iter()
        .any(|n| n.kind == ReasonKind::NoComment && n.detail.starts_with("police")));
    // The non-statement weighs nothing.
    let mut h = g.clone();
    h.remove_attribution("police:no_comment:disconnect")
        .unwrap();
    assert_eq!(h.assess("disconnect").unwrap().score, before.score);

    g.add_verdict(
        Verdict::new("checker", "disconnect", "False").rating(Rating::new(1.0, 1.0, 5.0)),
    )
    .unwrap();
    let after = g.assess("disconnect").unwrap();
    assert_eq!(after.evidence_score, before.evidence_score);
    assert_eq!(after.verdict_effect, -6.0);
    assert!(after.score < 0.5);
    assert!(after
        .notes
        .iter()
        .any(|n| n.kind == ReasonKind::RatingDisagreement));
    assert!(after.reasons.iter().all(|r| r.weight != 0.0));
    let sum: f64 = after.reasons.iter().map(|r| r.weight).sum();
    assert!((sum - (after.score / (1.0 - after.score)).ln()).abs() < 1e-9);
}

/// A claim about `accused`, asserted by `n` independent people, and denied by some deniers,
/// each graded and affiliated with up to two of a few bodies (maybe the accused).
#[derive(Debug, Clone)]
struct Denials {
    asserters: usize,
    deniers: Vec<(usize, Vec<usize>)>,
}

const BODIES: [&str; 3] = ["accused", "body-1", "body-2"];
const GRADES: [&str; 6] = ["A", "B", "C", "D", "E", "F"];

fn build(spec: &Denials) -> ClaimGraph {
    let mut g = ClaimGraph::new();
    for b in BODIES {
        g.add_source(Source::new(b, SourceKind::Government, b))
            .unwrap();
    }
    g.add_claim(Claim::new("c", "The accused did it").subject("accused"))
        .unwrap();
    for i in 0..spec.asserters {
        let id = format!("witness-{i}");
        g.add_source(Source::new(&id, SourceKind::Person, &id))
            .unwrap();
        g.add_attribution(Attribution::new(&id, "c", Stance::Asserts))
            .unwrap();
    }
    for (i, (grade, bodies)) in spec.deniers.iter().enumerate() {
        add_denier(&mut g, &format!("denier-{i}"), *grade, bodies);
    }
    g
}

fn add_denier(g: &mut ClaimGraph, id: &str, grade: usize, bodies: &[usize]) {
    let grade = GRADES[grade % GRADES.len()].parse().unwrap();
    g.add_source(Source::new(id, SourceKind::Person, id).reliability(grade))
        .unwrap();
    let mut done = Vec::new();
    for &b in bodies {
        let body = BODIES[b % BODIES.len()];
        if !done.contains(&body) {
            rel(g, id, SourceRelationKind::AffiliatedWith, body);
            done.push(body);
        }
    }
    g.add_attribution(Attribution::new(id, "c", Stance::Denies))
        .unwrap();
}

fn denials() -> impl Strategy<Value = Denials> {
    (
        0usize..4,
        prop::collection::vec((0usize..6, prop::collection::vec(0usize..3, 0..3)), 0..5),
    )
        .prop_map(|(asserters, deniers)| Denials { asserters, deniers })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn adding_an_interested_denier_never_raises_the_score(
        spec in denials(),
        grade in 0usize..6,
        also in 0usize..3,
        directly in any::<bool>(),
    ) {
        let g = build(&spec);
        let before = g.assess("c").unwrap();
        let mut h = g.clone();
        if directly {
            // The accused itself denies.
            h.add_attribution(Attribution::new("accused", "c", Stance::Denies)).unwrap();
        } else {
            // Affiliated with the accused, and with a body other deniers may answer to.
            add_denier(&mut h, "new-denier", grade, &[0, also]);
        }
        prop_assert!(!h.status("c").unwrap().interested_deniers.is_empty());
        let after = h.assess("c").unwrap();
        prop_assert!(after.score <= before.score + 1e-12, "{} -> {}", before.score, after.score);
        prop_assert!(after.evidence_score <= before.evidence_score + 1e-12);
    }
}
