//! The second model's records: reporting chains, bounded dates, per-claim basis, relations in
//! time, statements covering several claims, non-statements; and the native format's version 2,
//! which still reads version-1 files.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use claimgraph::{
    Attribution, Claim, ClaimGraph, Error, Hop, Period, Source, SourceKind, SourceRelation,
    SourceRelationKind, Stance, When,
};

fn when(s: &str) -> When {
    s.parse().unwrap()
}

/// A small article in the second model's terms: a denial made to the ABC covering two claims,
/// reported by a dated article; an own-voice sentence resting on a witness; a non-statement;
/// and an affiliation that ended.
fn article() -> ClaimGraph {
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
        Source::new("paris", SourceKind::Person, "Paris Watson"),
        Source::new("police", SourceKind::Government, "Victoria Police"),
        Source::new("spokesman", SourceKind::Person, "A spokesman"),
    ] {
        g.add_source(s).unwrap();
    }
    g.add_claim(
        Claim::new("disconnect", "She was told to disconnect from her mother").subject("church"),
    )
    .unwrap();
    g.add_claim(Claim::new("abortion", "She was coerced into an abortion").subject("church"))
        .unwrap();
    g.add_attribution(
        Attribution::new("church", "disconnect", Stance::Denies)
            .via("abc")
            .via_on("wikinews", when("2011-12-02"))
            .covers("abortion")
            .quote("denied these allegations"),
    )
    .unwrap();
    g.add_attribution(Attribution::new("paris", "disconnect", Stance::Asserts).via("wikinews"))
        .unwrap();
    g.add_attribution(
        Attribution::new("wikinews", "disconnect", Stance::Asserts)
            .with_id("wikinews-own-voice")
            .basis("paris"),
    )
    .unwrap();
    g.add_attribution(
        Attribution::new("police", "abortion", Stance::NoComment)
            .via("wikinews")
            .quote("declined to comment"),
    )
    .unwrap();
    g.add_source_relation(
        SourceRelation::new("spokesman", SourceRelationKind::AffiliatedWith, "church")
            .since(when("2005"))
            .until(when("2009-06")),
    )
    .unwrap();
    g
}

#[test]
fn a_version_2_file_keeps_every_new_field_exactly() {
    let g = article();
    let json = g.to_json();
    assert!(json.contains("\"version\": 2"), "{json}");
    assert!(
        json.contains(r#""via":[{"source":"abc"},{"source":"wikinews","date":"2011-12-02"}]"#),
        "{json}"
    );
    assert!(json.contains(r#""covers":["abortion"]"#), "{json}");
    assert!(json.contains(r#""basis":["paris"]"#), "{json}");
    assert!(json.contains(r#""stance":"no_comment""#), "{json}");
    assert!(
        json.contains(r#""since":"2005","until":"2009-06""#),
        "{json}"
    );
    let back = ClaimGraph::from_json(&json).unwrap();
    assert_eq!(back, g);
    assert_eq!(back.to_json(), json);
}

#[test]
fn a_version_1_file_loads_unchanged_and_gives_the_same_answers() {
    // Written by the first version of the library (the reference article as it was modelled
    // then): `via` is one source id.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/putin-dprk-visit-v1.json"
    );
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains("\"version\": 1"));
    assert!(text.contains(r#""via":"article""#));
    let g = ClaimGraph::load(path).unwrap();
    // One via is a chain of one undated hop.
    let a = g.attribution("rok-sources:asserts:containers").unwrap();
    assert_eq!(a.via, [Hop::new("article")]);
    assert!(a.basis.is_empty() && a.covers.is_empty());
    // The answers the first version gave on this file.
    let s = g.status("containers").unwrap();
    assert!(s.disputed);
    assert_eq!(s.asserters, ["rok-sources"]);
    assert_eq!(s.deniers, ["dprk", "russia"]);
    assert_eq!(s.interested_deniers, ["dprk", "russia"]);
    assert!(s.unnamed_only);
    let ex = g.status("high-level-exchanges").unwrap();
    assert_eq!(ex.independent_origins[0].top, "rok");
    let before = g.as_of(&when("2024-06-17"));
    assert!(before.graph.claim("containers").is_none());
    let on_the_day = g.as_of(&when("2024-06-18"));
    assert!(on_the_day.graph.claim("containers").is_some());
    // Saved again, it is a version-2 file with the same records and answers.
    let again = ClaimGraph::from_json(&g.to_json()).unwrap();
    assert_eq!(again, g);
    assert_eq!(again.statuses(), g.statuses());
    assert_eq!(again.assessments(), g.assessments());
}

#[test]
fn a_version_3_file_is_refused_naming_its_version() {
    let json = article()
        .to_json()
        .replace("\"version\": 2", "\"version\": 3");
    let err = ClaimGraph::from_json(&json).unwrap_err();
    assert!(
        matches!(
            err,
            Error::UnsupportedVersion {
                found: 3,
                supported: 2,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("version 3"), "{err}");
}

#[test]
fn one_statement_covering_several_claims_is_kept_once_and_counts_for_each() {
    let g = article();
    assert_eq!(g.counts().attributions, 4);
    let ids: Vec<String> = g.attributions().map(|a| a.id).collect();
    assert_eq!(ids.iter().filter(|i| i.starts_with("church:")).count(), 1);
    for claim in ["disconnect", "abortion"] {
        let s = g.status(claim).unwrap();
        assert_eq!(s.deniers, ["church"], "{claim}");
        let listed = g.attributions_of(claim).unwrap();
        assert!(
            listed.iter().any(|a| a.id == "church:denies:disconnect"),
            "{claim}"
        );
    }
    assert_eq!(g.attributions_by("church").unwrap().len(), 1);
    // Removing a covered claim takes it off the statement; the statement stays.
    let mut h = g.clone();
    h.remove_claim("abortion").unwrap();
    let a = h.attribution("church:denies:disconnect").unwrap();
    assert!(a.covers.is_empty());
    assert_eq!(h.status("disconnect").unwrap().deniers, ["church"]);
    // Removing the statement removes it from every claim it covered.
    let mut h = g.clone();
    h.remove_attribution("church:denies:disconnect").unwrap();
    assert!(h.status("abortion").unwrap().deniers.is_empty());
    // Updating it to cover one claim only leaves the other.
    let mut h = g.clone();
    let mut a = h.attribution("church:denies:disconnect").unwrap();
    a.covers.clear();
    h.update_attribution(a).unwrap();
    assert!(h.status("abortion").unwrap().deniers.is_empty());
    assert_eq!(h.status("disconnect").unwrap().deniers, ["church"]);
}

#[test]
fn a_non_statement_is_shown_and_counted_neither_way() {
    let g = article();
    let s = g.status("abortion").unwrap();
    assert_eq!(s.no_comment, ["police"]);
    assert!(s.asserters.is_empty());
    assert!(!s.disputed);
    assert!(!s.deniers.contains(&"police".to_owned()));
    for text in [
        "no_comment",
        "declined to comment",
        "did-not-respond",
        "No Comment",
    ] {
        assert_eq!(text.parse::<Stance>().unwrap(), Stance::NoComment, "{text}");
    }
}

#[test]
fn removing_a_source_takes_it_off_chains_and_bases() {
    let mut g = article();
    g.remove_source("abc").unwrap();
    let a = g.attribution("church:denies:disconnect").unwrap();
    assert_eq!(a.via, [Hop::new("wikinews").on(when("2011-12-02"))]);
    g.remove_source("paris").unwrap();
    let own = g.attribution("wikinews-own-voice").unwrap();
    assert!(own.basis.is_empty());
    assert_eq!(ClaimGraph::from_json(&g.to_json()).unwrap(), g);
}

#[test]
fn records_refuse_what_could_not_be_saved_and_loaded_again() {
    let mut g = article();
    let bad_dates = [
        When::Month(2024, 13),
        When::Year(10000),
        When::Month(0, 0),
        When::Year(0),
    ];
    for w in bad_dates {
        let a = Attribution::new("paris", "abortion", Stance::Asserts).said(w);
        assert!(g.add_attribution(a).is_err(), "said {w:?}");
        let c = Claim::new("c", "text").period(Period::new(Some(w), None));
        assert!(g.add_claim(c).is_err(), "period start {w:?}");
        let s = Source::new("s", SourceKind::Document, "doc").published(w);
        assert!(g.add_source(s).is_err(), "published {w:?}");
        let r = SourceRelation::new("paris", SourceRelationKind::AffiliatedWith, "church").since(w);
        assert!(g.add_source_relation(r).is_err(), "since {w:?}");
        let a = Attribution::new("paris", "abortion", Stance::Asserts).via_on("abc", w);
        assert!(g.add_attribution(a).is_err(), "hop date {w:?}");
    }
    // Said after the article carried it.
    let late = Attribution::new("paris", "abortion", Stance::Asserts)
        .said(when("2011-12-05"))
        .via_on("wikinews", when("2011-12-02"));
    let err = g.add_attribution(late).unwrap_err();
    assert!(err.to_string().contains("said"), "{err}");
    // A basis naming a claim, an unknown source, or the speaker itself.
    let on_claim = Attribution::new("wikinews", "abortion", Stance::Asserts).basis("disconnect");
    assert!(matches!(
        g.add_attribution(on_claim),
        Err(Error::WrongKind { field: "basis", .. })
    ));
    let unknown = Attribution::new("wikinews", "abortion", Stance::Asserts).basis("nobody");
    assert!(matches!(
        g.add_attribution(unknown),
        Err(Error::NotFound { .. })
    ));
    let itself = Attribution::new("wikinews", "abortion", Stance::Asserts).basis("wikinews");
    assert!(g.add_attribution(itself).is_err());
    // Covering a source, or the same claim twice.
    let wrong = Attribution::new("church", "abortion", Stance::Denies)
        .with_id("x")
        .covers("police");
    assert!(matches!(
        g.add_attribution(wrong),
        Err(Error::WrongKind {
            field: "covers",
            ..
        })
    ));
    let twice = Attribution::new("church", "abortion", Stance::Denies)
        .with_id("y")
        .covers("abortion");
    assert!(g.add_attribution(twice).is_err());
    // A relation that ends before it begins.
    let r = SourceRelation::new("paris", SourceRelationKind::AffiliatedWith, "church")
        .since(when("2010"))
        .until(when("2009"));
    assert!(g.add_source_relation(r).is_err());
    // Nothing refused was kept.
    assert_eq!(g, article());
}

#[test]
fn a_relation_holds_between_its_bounds() {
    let r = SourceRelation::new("spokesman", SourceRelationKind::AffiliatedWith, "church")
        .since(when("2005"))
        .until(when("2009-06"));
    assert!(r.holds_at(&when("2007-03-04")));
    assert!(r.holds_at(&when("2009-06-30")));
    assert!(!r.holds_at(&when("2009-07-01")));
    assert!(!r.holds_at(&when("2004")));
    // A time straddling a bound may fall inside: read the cautious way.
    assert!(r.holds_at(&when("2009")));
    let always = SourceRelation::new("a", SourceRelationKind::AffiliatedWith, "b");
    assert!(always.holds_at(&when("1900")));
}
