//! STIX 2.1: a graph leaves as a bundle of identities, notes, opinions and relationships with
//! deterministic ids, and comes back the same; another producer's bundle is read by the same
//! mapping, with what has no place in a claim graph reported.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use claimgraph::io::stix_id;
use claimgraph::{
    Attribution, Claim, ClaimGraph, ClaimRelation, ClaimRelationKind, Error, Modality, Period,
    Quantity, Rating, Reliability, Source, SourceKind, SourceRelation, SourceRelationKind, Stance,
    Verdict, When,
};
use serde_json::Value;

fn when(s: &str) -> When {
    s.parse().unwrap()
}

/// A graph with every field of every record kind filled in.
fn full_graph() -> ClaimGraph {
    let mut g = ClaimGraph::new();
    for s in [
        Source::new("article", SourceKind::Document, "Analysis")
            .title("Putin's visit to DPRK raises \"Western concerns\"")
            .url("https://example.com/article?id=1&lang=zh")
            .published(when("2024-06-18T08:00:00+08:00")),
        Source::new("politifact", SourceKind::Organization, "PolitiFact")
            .alias("Politifact.com")
            .reliability(Reliability::A),
        Source::new("putin", SourceKind::Person, "Vladimir Putin").alias("Путин"),
        Source::new("rok-sources", SourceKind::UnnamedGroup, "ROK sources"),
        Source::new("russia", SourceKind::Government, "Russia"),
        Source::new("west", SourceKind::Collective, "the West"),
        Source::new("ycen", SourceKind::Outlet, "Yangcheng Evening News"),
    ] {
        g.add_source(s).unwrap();
    }
    g.add_source_relation(SourceRelation::new(
        "article",
        SourceRelationKind::PublishedIn,
        "ycen",
    ))
    .unwrap();
    g.add_source_relation(
        SourceRelation::new("article", SourceRelationKind::Cites, "rok-sources")
            .date(when("2024-06")),
    )
    .unwrap();
    g.add_claim(
        Claim::new(
            "containers",
            "The DPRK delivered 6,700 containers of munitions to Russia",
        )
        .subject("russia")
        .period(Period::new(Some(when("2023-08")), Some(when("2024-02"))))
        .tag("military")
        .tag("arms, transfers")
        .quantity(Quantity::new(6700.0, "containers")),
    )
    .unwrap();
    g.add_claim(Claim::new("visit", "Putin visits the DPRK"))
        .unwrap();
    g.add_claim_relation(ClaimRelation::new(
        "containers",
        ClaimRelationKind::Supports,
        "visit",
    ))
    .unwrap();
    g.add_attribution(
        Attribution::new("rok-sources", "containers", Stance::Asserts)
            .via("article")
            .said(when("2024-06-18"))
            .quote("  6,700 \"containers\"\nof munitions "),
    )
    .unwrap();
    g.add_attribution(
        Attribution::new("russia", "containers", Stance::Denies)
            .via("article")
            .quote("mad rumors"),
    )
    .unwrap();
    g.add_attribution(
        Attribution::new("putin", "visit", Stance::Doubts).modality(Modality::Speculated),
    )
    .unwrap();
    g.add_attribution(
        Attribution::new("west", "containers", Stance::Asserts)
            .with_id("west alleges: containers")
            .modality(Modality::Alleged),
    )
    .unwrap();
    g.add_verdict(
        Verdict::new("politifact", "containers", "Mostly True")
            .rating(Rating::new(2.5, 1.0, 6.0))
            .date(when("2024-07-01"))
            .url("https://www.politifact.com/factchecks/2024/jul/01/containers/")
            .summary("Satellite images agree with the count."),
    )
    .unwrap();
    g.add_verdict(Verdict::new("politifact", "visit", "False"))
        .unwrap();
    g
}

fn bundle(g: &ClaimGraph) -> Value {
    serde_json::from_str(&g.to_stix_json()).unwrap()
}

fn object<'a>(b: &'a Value, id: &str) -> &'a Value {
    b["objects"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == id)
        .unwrap_or_else(|| panic!("{id} is not in the bundle"))
}

#[test]
fn every_record_comes_back_from_its_own_bundle() {
    let g = full_graph();
    let (back, report) = ClaimGraph::from_stix_json(&g.to_stix_json()).unwrap();
    assert_eq!(back.records(), g.records());
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    assert!(report.notes.is_empty(), "{:?}", report.notes);
    assert_eq!(report.added, g.counts());

    // The reference's blanket denials cover two claims each (x_claimgraph_covers).
    let reference = common::reference::putin_dprk_visit().unwrap();
    assert!(!reference
        .attribution("russia:denies:containers")
        .unwrap()
        .covers
        .is_empty());
    let (back, _) = ClaimGraph::from_stix_json(&reference.to_stix_json()).unwrap();
    assert_eq!(back, reference);
}

#[test]
fn the_bundle_is_the_same_for_the_same_graph_and_its_ids_are_uuidv5_of_the_claimgraph_ids() {
    let g = full_graph();
    // The same records added in another order.
    let r = g.records();
    let mut other = ClaimGraph::new();
    for s in r.sources.iter().rev() {
        other.add_source(s.clone()).unwrap();
    }
    for c in r.claims.iter().rev() {
        other.add_claim(c.clone()).unwrap();
    }
    let mut r2 = r.clone();
    r2.sources.clear();
    r2.claims.clear();
    r2.attributions.reverse();
    other.add_records(r2).unwrap();
    assert_eq!(other.to_stix_json(), g.to_stix_json());

    let b = bundle(&g);
    assert_eq!(b["type"], "bundle");
    let id = stix_id("identity", "node:", "russia");
    // Version 5 (name-based, SHA-1), RFC 4122 variant.
    let uuid = id.strip_prefix("identity--").unwrap();
    assert_eq!(uuid.len(), 36);
    assert_eq!(&uuid[14..15], "5", "{uuid}");
    assert!("89ab".contains(&uuid[19..20]), "{uuid}");
    assert_eq!(object(&b, &id)["name"], "Russia");
    assert_ne!(id, stix_id("identity", "node:", "putin"));
    // Every object is STIX 2.1 with the properties its kind requires.
    for o in b["objects"].as_array().unwrap() {
        assert_eq!(o["spec_version"], "2.1", "{o}");
        for key in ["created", "modified", "id", "type"] {
            assert!(o.get(key).is_some(), "{key} missing in {o}");
        }
        let t = o["type"].as_str().unwrap();
        assert!(o["id"].as_str().unwrap().starts_with(&format!("{t}--")));
    }
}

#[test]
fn stances_are_opinions_with_their_quote_and_verdicts_opinions_by_the_reviewer() {
    let g = full_graph();
    let b = bundle(&g);
    let denial = object(&b, &stix_id("opinion", "edge:", "russia:denies:containers"));
    assert_eq!(denial["opinion"], "disagree");
    assert_eq!(denial["explanation"], "mad rumors");
    assert_eq!(
        denial["created_by_ref"],
        stix_id("identity", "node:", "russia")
    );
    assert_eq!(
        denial["object_refs"][0],
        stix_id("note", "node:", "containers")
    );
    let doubt = object(&b, &stix_id("opinion", "edge:", "putin:doubts:visit"));
    assert_eq!(doubt["opinion"], "neutral");
    let assertion = object(
        &b,
        &stix_id("opinion", "edge:", "rok-sources:asserts:containers"),
    );
    assert_eq!(assertion["opinion"], "agree");

    // "Mostly True" rated 2.5 on a reversed 6-to-1 scale is a truth of 0.7: agree.
    let verdict = object(
        &b,
        &stix_id("opinion", "edge:", "politifact:verdict:containers"),
    );
    assert_eq!(verdict["opinion"], "agree");
    assert_eq!(
        verdict["created_by_ref"],
        stix_id("identity", "node:", "politifact")
    );
    assert_eq!(
        verdict["explanation"],
        "Satellite images agree with the count."
    );
    assert_eq!(verdict["x_claimgraph_label"], "Mostly True");
    let false_verdict = object(&b, &stix_id("opinion", "edge:", "politifact:verdict:visit"));
    assert_eq!(false_verdict["opinion"], "strongly-disagree");

    let note = object(&b, &stix_id("note", "node:", "containers"));
    assert_eq!(
        note["content"],
        "The DPRK delivered 6,700 containers of munitions to Russia"
    );
    assert_eq!(
        note["object_refs"][0],
        stix_id("identity", "node:", "russia")
    );
    let group = object(&b, &stix_id("identity", "node:", "rok-sources"));
    assert_eq!(group["identity_class"], "group");
    let rel = object(
        &b,
        &stix_id("relationship", "edge:", "article:published_in:ycen"),
    );
    assert_eq!(rel["relationship_type"], "published-in");
}

const FOREIGN: &str = r#"{
  "type": "bundle",
  "id": "bundle--44af6c39-c09b-49c5-9de2-394224b04982",
  "objects": [
    {"type": "identity", "spec_version": "2.1", "id": "identity--311b2d2d-f010-4473-83ec-1edf84858f4c",
     "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
     "name": "Disinfo Desk", "identity_class": "organization", "sectors": ["technology"]},
    {"type": "identity", "spec_version": "2.1", "id": "identity--023d105b-752e-4e3c-941c-7d3f3cb15e9e",
     "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
     "name": "Ann Example", "identity_class": "individual"},
    {"type": "note", "spec_version": "2.1", "id": "note--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061",
     "created": "2024-01-02T00:00:00.000Z", "modified": "2024-01-02T00:00:00.000Z",
     "content": "The dam burst was staged",
     "object_refs": ["identity--023d105b-752e-4e3c-941c-7d3f3cb15e9e",
                     "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"],
     "labels": ["hoax"], "x_acme_score": 7},
    {"type": "opinion", "spec_version": "2.1", "id": "opinion--b01efc25-77b4-4003-b18b-f6e24b5cd9f7",
     "created": "2024-01-03T00:00:00.000Z", "modified": "2024-01-03T00:00:00.000Z",
     "created_by_ref": "identity--311b2d2d-f010-4473-83ec-1edf84858f4c",
     "opinion": "strongly-disagree", "explanation": "Footage is from 2019",
     "object_refs": ["note--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061"]},
    {"type": "opinion", "spec_version": "2.1", "id": "opinion--5e0b9a39-2c05-4a12-8f4b-0d2c6f1a7b11",
     "created": "2024-01-03T00:00:00.000Z", "modified": "2024-01-03T00:00:00.000Z",
     "created_by_ref": "identity--9d0e3c7a-1111-4222-8333-444455556666",
     "opinion": "agree", "object_refs": ["note--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061"]},
    {"type": "indicator", "spec_version": "2.1", "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
     "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
     "pattern": "[url:value = 'http://bad.example/']", "pattern_type": "stix", "valid_from": "2024-01-01T00:00:00Z"},
    {"type": "relationship", "spec_version": "2.1", "id": "relationship--a6f3cde9-95a4-4d3c-b1d3-0f3a4b9a0c22",
     "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
     "relationship_type": "affiliated-with",
     "source_ref": "identity--023d105b-752e-4e3c-941c-7d3f3cb15e9e",
     "target_ref": "identity--311b2d2d-f010-4473-83ec-1edf84858f4c"},
    {"type": "relationship", "spec_version": "2.1", "id": "relationship--c1d2e3f4-0000-4000-8000-000000000001",
     "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
     "relationship_type": "indicates",
     "source_ref": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
     "target_ref": "identity--023d105b-752e-4e3c-941c-7d3f3cb15e9e"}
  ]
}"#;

#[test]
fn another_producers_bundle_is_read_and_what_has_no_place_is_reported() {
    let (g, report) = ClaimGraph::from_stix_json(FOREIGN).unwrap();
    let ann = "identity--023d105b-752e-4e3c-941c-7d3f3cb15e9e";
    let desk = "identity--311b2d2d-f010-4473-83ec-1edf84858f4c";
    let note = "note--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061";
    assert_eq!(g.get_source(ann).unwrap().kind, SourceKind::Person);
    assert_eq!(g.get_source(desk).unwrap().kind, SourceKind::Organization);
    let claim = g.get_claim(note).unwrap();
    assert_eq!(claim.text, "The dam burst was staged");
    assert_eq!(claim.subjects, [ann]);
    assert_eq!(claim.tags, ["hoax"]);

    let denial = g
        .get_attribution("opinion--b01efc25-77b4-4003-b18b-f6e24b5cd9f7")
        .unwrap();
    assert_eq!(denial.source, desk);
    assert_eq!(denial.claim, note);
    assert_eq!(denial.stance, Stance::Denies);
    assert_eq!(denial.quote.as_deref(), Some("Footage is from 2019"));
    assert!(report.notes.iter().any(|n| n.contains("strongly-disagree")));
    // An opinion by an identity the bundle does not hold: that identity is made a source.
    let absent = "identity--9d0e3c7a-1111-4222-8333-444455556666";
    assert_eq!(g.get_source(absent).unwrap().kind, SourceKind::Organization);
    assert!(report.notes.iter().any(|n| n.contains(absent)));

    let rels = g.relations_of_source(ann).unwrap();
    assert_eq!(rels.len(), 1);
    assert_eq!(rels[0].kind, SourceRelationKind::AffiliatedWith);

    let skipped: Vec<(&str, Option<&str>)> = report
        .skipped
        .iter()
        .map(|s| (s.kind.as_str(), s.attribute.as_deref()))
        .collect();
    for expected in [
        ("indicator", None),
        ("relationship", None),
        ("identity", Some("sectors")),
        ("note", Some("x_acme_score")),
        ("note", Some("object_refs")),
    ] {
        assert!(
            skipped.contains(&expected),
            "{expected:?} not in {skipped:?}"
        );
    }
    assert!(g.status(note).unwrap().disputed || g.status(note).unwrap().deniers.len() == 1);
}

#[test]
fn a_bundle_that_breaks_the_mapping_is_an_error_naming_the_object() {
    let no_name = r#"{"type": "bundle", "id": "bundle--1", "objects": [
        {"type": "identity", "id": "identity--1", "identity_class": "individual"}]}"#;
    match ClaimGraph::from_stix_json(no_name) {
        Err(Error::Format {
            format, location, ..
        }) => {
            assert_eq!(format, "STIX 2.1");
            assert_eq!(location.record.as_deref(), Some("identity--1"));
        }
        other => panic!("expected a format error, got {other:?}"),
    }
    let dangling = r#"[{"type": "note", "id": "note--1", "content": "x",
        "x_claimgraph_subjects": ["identity--nowhere"]}]"#;
    assert!(matches!(
        ClaimGraph::from_stix_json(dangling),
        Err(Error::Format { .. })
    ));
    assert!(ClaimGraph::from_stix_json(r#""a string""#).is_err());
    assert!(ClaimGraph::from_stix_json("{ oops").is_err());
}

#[test]
fn an_opinion_carries_the_whole_reporting_chain_with_dates_and_the_basis() {
    let mut g = ClaimGraph::new();
    for s in [
        Source::new("article", SourceKind::Document, "The article").published(when("2011-12-02")),
        Source::new("abc", SourceKind::Outlet, "ABC"),
        Source::new("church", SourceKind::Organization, "The Church"),
        Source::new("paris", SourceKind::Person, "Paris"),
    ] {
        g.add_source(s).unwrap();
    }
    g.add_claim(Claim::new("disconnect", "She was told to disconnect"))
        .unwrap();
    g.add_attribution(
        Attribution::new("church", "disconnect", Stance::Denies)
            .via("abc")
            .via_on("article", when("2011-12-02")),
    )
    .unwrap();
    g.add_attribution(Attribution::new("article", "disconnect", Stance::Asserts).basis("paris"))
        .unwrap();
    let b = bundle(&g);
    let opinions: Vec<&Value> = b["objects"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["type"] == "opinion")
        .collect();
    let denial = opinions
        .iter()
        .find(|o| o["x_claimgraph_stance"] == "denies")
        .unwrap();
    let hops = denial["x_claimgraph_hops"].as_array().unwrap();
    assert_eq!(hops.len(), 2);
    assert_eq!(hops[1]["date"], "2011-12-02");
    assert!(opinions.iter().any(|o| o["x_claimgraph_basis"]
        .as_array()
        .is_some_and(|b| b.len() == 1)));
    let (back, _) = ClaimGraph::from_stix_json(&g.to_stix_json()).unwrap();
    assert_eq!(back, g);
}
