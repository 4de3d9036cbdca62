//! Other tools' formats through the mobile binding: PROV-JSON and ClaimReview read back what was
//! written, imports report what they left out, pictures show stances, and every failure is the
//! error variant that names the record.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::result_large_err
)]

use std::sync::Arc;

use claimgraph::{
    Attribution, Claim, ClaimRelation, ClaimRelationKind, Counts, Modality, Rating, RecordKind,
    Source, SourceKind, SourceRelation, SourceRelationKind, Stance, Verdict,
};
use claimgraph_uniffi::{from_claimreview_json, from_prov_json, ClaimGraph, ClaimGraphError};

fn source(id: &str, kind: SourceKind, name: &str) -> Source {
    Source {
        id: id.into(),
        kind,
        name: name.into(),
        aliases: vec![],
        reliability: None,
        url: None,
        title: None,
        published: None,
    }
}

fn claim(id: &str, text: &str) -> Claim {
    Claim {
        id: id.into(),
        text: text.into(),
        subjects: vec![],
        period: None,
        tags: vec![],
        quantity: None,
    }
}

fn attribution(source: &str, claim: &str, stance: Stance) -> Attribution {
    Attribution {
        source: source.into(),
        claim: claim.into(),
        stance,
        modality: Modality::Stated,
        said: Some("2024-06-18".parse().unwrap()),
        quote: None,
        via: Vec::new(),
        basis: Vec::new(),
        covers: Vec::new(),
        id: String::new(),
    }
}

fn verdict(reviewer: &str, claim: &str, label: &str, rating: Option<Rating>) -> Verdict {
    Verdict {
        reviewer: reviewer.into(),
        claim: claim.into(),
        label: label.into(),
        rating,
        date: Some("2024-06-20".parse().unwrap()),
        url: Some(format!("https://example.org/{reviewer}/{claim}")),
        summary: None,
        id: String::new(),
    }
}

/// A small graph with a record of every kind: an unnamed group asserts, the two accused
/// governments deny, an outlet cites the group, and a fact-checker rates the claim.
fn disputed() -> Arc<ClaimGraph> {
    let g = ClaimGraph::new();
    g.add_source(source(
        "rok-sources",
        SourceKind::UnnamedGroup,
        "ROK sources",
    ))
    .unwrap();
    g.add_source(source("russia", SourceKind::Government, "Russia"))
        .unwrap();
    g.add_source(source("dprk", SourceKind::Government, "DPRK"))
        .unwrap();
    g.add_source(source("yonhap", SourceKind::Outlet, "Yonhap"))
        .unwrap();
    g.add_source(source(
        "checker",
        SourceKind::Organization,
        "Fact Check Desk",
    ))
    .unwrap();
    let mut c = claim("containers", "DPRK delivered 6,700 containers to Russia");
    c.subjects = vec!["dprk".into(), "russia".into()];
    g.add_claim(c).unwrap();
    g.add_claim(claim("ammo", "DPRK supplies ammunition to Russia"))
        .unwrap();
    g.add_attribution(attribution("rok-sources", "containers", Stance::Asserts))
        .unwrap();
    g.add_attribution(attribution("russia", "containers", Stance::Denies))
        .unwrap();
    g.add_attribution(attribution("dprk", "containers", Stance::Denies))
        .unwrap();
    g.add_source_relation(SourceRelation {
        from: "yonhap".into(),
        kind: SourceRelationKind::Cites,
        to: "rok-sources".into(),
        date: Some("2024-06".parse().unwrap()),
        since: None,
        until: None,
        id: String::new(),
    })
    .unwrap();
    g.add_claim_relation(ClaimRelation {
        from: "containers".into(),
        kind: ClaimRelationKind::Supports,
        to: "ammo".into(),
        id: String::new(),
    })
    .unwrap();
    g.add_verdict(verdict(
        "checker",
        "containers",
        "Unproven",
        Some(Rating {
            value: 2.0,
            best: 5.0,
            worst: 1.0,
        }),
    ))
    .unwrap();
    g
}

fn format_error(e: ClaimGraphError) -> (String, Option<String>, Option<u64>, String) {
    match e {
        ClaimGraphError::Format {
            format,
            record,
            line,
            detail,
            ..
        } => (format, record, line, detail),
        other => panic!("expected a Format error, got {other:?}"),
    }
}

// ----- PROV-JSON ---------------------------------------------------------------------------

#[test]
fn prov_export_reads_back_into_an_equal_graph_with_nothing_skipped() {
    let g = disputed();
    let json = g.to_prov_json().unwrap();
    let back = from_prov_json(json).unwrap();
    assert_eq!(*back.graph, *g);
    assert_eq!(back.graph.to_json().unwrap(), g.to_json().unwrap());
    assert!(back.report.skipped.is_empty(), "{:?}", back.report.skipped);
    // Every record was added, so the report counts what the graph holds.
    assert_eq!(back.report.added, g.counts().unwrap());
    assert!(back.report.bundles.is_empty());
}

#[test]
fn the_binding_writes_exactly_what_the_core_writes() {
    let g = disputed();
    let core = g.snapshot().unwrap();
    assert_eq!(g.to_prov_json().unwrap(), core.to_prov_json());
    assert_eq!(g.to_claimreview_json().unwrap(), core.to_claimreview_json());
}

#[test]
fn the_imported_graph_is_separate_from_the_one_exported() {
    let g = disputed();
    let back = from_prov_json(g.to_prov_json().unwrap()).unwrap();
    back.graph
        .add_source(source("reader", SourceKind::Person, "Me"))
        .unwrap();
    assert_eq!(g.source("reader".into()).unwrap(), None);
}

#[test]
fn prov_from_another_tool_lists_what_has_no_place_in_the_graph() {
    // Derek (a person) is responsible for a chart made by an activity: the chart becomes a
    // document authored by Derek, and the activity has no claimgraph meaning.
    let doc = r#"{
      "prefix": {"ex": "http://example.org/"},
      "agent": {"ex:derek": {"prov:type": {"$": "prov:Person", "type": "prov:QUALIFIED_NAME"}}},
      "entity": {"ex:chart": {}},
      "activity": {"ex:compile": {}},
      "wasAttributedTo": {"_:a1": {"prov:entity": "ex:chart", "prov:agent": "ex:derek"}}
    }"#;
    let r = from_prov_json(doc.into()).unwrap();
    let derek = r.graph.source("ex:derek".into()).unwrap().unwrap();
    assert_eq!(derek.kind, SourceKind::Person);
    assert_eq!(
        r.graph.source("ex:chart".into()).unwrap().unwrap().kind,
        SourceKind::Document
    );
    assert_eq!(
        r.report.added,
        Counts {
            sources: 2,
            claims: 0,
            attributions: 0,
            source_relations: 1,
            claim_relations: 0,
            verdicts: 0,
        }
    );
    assert_eq!(r.report.skipped.len(), 1, "{:?}", r.report.skipped);
    let skipped = &r.report.skipped[0];
    assert_eq!(
        (skipped.kind.as_str(), skipped.id.as_str()),
        ("activity", "ex:compile")
    );
    assert!(!skipped.reason.is_empty());
}

#[test]
fn prov_bundles_are_named_in_the_report() {
    let doc = r#"{
      "prefix": {"ex": "http://example.org/"},
      "bundle": {
        "ex:b1": {
          "agent": {"ex:ann": {}},
          "entity": {"ex:memo": {}},
          "wasAttributedTo": {"_:a": {"prov:entity": "ex:memo", "prov:agent": "ex:ann"}}
        }
      }
    }"#;
    let r = from_prov_json(doc.into()).unwrap();
    assert_eq!(r.report.bundles, vec!["ex:b1".to_owned()]);
    assert!(r.graph.source("ex:memo".into()).unwrap().is_some());
    assert_eq!(r.report.added.source_relations, 1);
}

#[test]
fn a_prov_relation_without_its_agent_is_a_format_error_naming_the_record() {
    let doc = r#"{
      "prefix": {"ex": "http://example.org/"},
      "entity": {"ex:chart": {}},
      "wasAttributedTo": {"ex:attr8": {"prov:entity": "ex:chart"}}
    }"#;
    let (format, record, _, detail) = format_error(from_prov_json(doc.into()).unwrap_err());
    assert_eq!(format, "PROV-JSON");
    assert_eq!(record.as_deref(), Some("wasAttributedTo ex:attr8"));
    assert!(detail.contains("prov:agent"), "{detail}");
}

#[test]
fn prov_that_is_not_json_is_a_format_error_with_its_line() {
    let (format, _, line, _) =
        format_error(from_prov_json("{\n  \"entity\": {,\n}".into()).unwrap_err());
    assert_eq!(format, "PROV-JSON");
    assert_eq!(line, Some(2));
}

#[test]
fn a_prov_record_that_is_not_an_object_is_a_format_error_naming_it() {
    let doc = r#"{"prefix": {"ex": "http://example.org/"}, "agent": {"ex:ann": 7}}"#;
    let (format, record, _, _) = format_error(from_prov_json(doc.into()).unwrap_err());
    assert_eq!(format, "PROV-JSON");
    assert_eq!(record.as_deref(), Some("agent ex:ann"));
}

// ----- ClaimReview ---------------------------------------------------------------------------

#[test]
fn claimreview_round_trip_keeps_verdict_labels_and_ratings() {
    let g = ClaimGraph::new();
    g.add_source(source("perry", SourceKind::Person, "Rick Perry"))
        .unwrap();
    g.add_source(source("politifact", SourceKind::Organization, "PolitiFact"))
        .unwrap();
    g.add_source(source("snopes", SourceKind::Organization, "Snopes"))
        .unwrap();
    g.add_claim(claim(
        "homicides",
        "More than 3,000 homicides were committed by illegal aliens",
    ))
    .unwrap();
    g.add_attribution(attribution("perry", "homicides", Stance::Asserts))
        .unwrap();
    let rated = verdict(
        "politifact",
        "homicides",
        "False",
        Some(Rating {
            value: 1.0,
            best: 6.0,
            worst: 1.0,
        }),
    );
    // A label without a number stays a label: no rating is made up for it.
    let unrated = verdict("snopes", "homicides", "Mostly false", None);
    let rated_id = g.add_verdict(rated.clone()).unwrap();
    let unrated_id = g.add_verdict(unrated.clone()).unwrap();

    let back = from_claimreview_json(g.to_claimreview_json().unwrap()).unwrap();
    let verdicts = back.graph.verdicts_of("homicides".into()).unwrap();
    assert_eq!(
        verdicts,
        vec![
            Verdict {
                id: rated_id,
                ..rated
            },
            Verdict {
                id: unrated_id,
                ..unrated
            },
        ]
    );
    assert_eq!(back.report.added.verdicts, 2);
    assert_eq!(
        back.graph.status("homicides".into()).unwrap().asserters,
        vec!["perry".to_owned()]
    );
}

const PERRY_REVIEW: &str = r#"{
  "@context": "https://schema.org",
  "@type": "ClaimReview",
  "claimReviewed": "More than 3,000 homicides were committed by illegal aliens",
  "author": {"@type": "Organization", "name": "PolitiFact"},
  "itemReviewed": {"@type": "Claim",
                   "author": {"@type": "Person", "name": "Rick Perry"}},
  "reviewRating": {"@type": "Rating", "ratingValue": "1", "bestRating": "6",
                   "worstRating": "1", "alternateName": "False"}
}"#;

#[test]
fn importing_claimreview_adds_to_the_graph_and_keeps_what_was_there() {
    let g = disputed();
    let before = g.counts().unwrap();
    let report = g.import_claimreview(PERRY_REVIEW.into()).unwrap();
    // One claim, its claimant and its reviewer, one attribution, one verdict.
    assert_eq!(report.added.claims, 1);
    assert_eq!(report.added.sources, 2);
    assert_eq!(report.added.attributions, 1);
    assert_eq!(report.added.verdicts, 1);
    let after = g.counts().unwrap();
    assert_eq!(after.sources, before.sources + report.added.sources);
    assert_eq!(after.claims, before.claims + report.added.claims);
    assert_eq!(after.verdicts, before.verdicts + report.added.verdicts);
    // The graph's own records are still there.
    assert_eq!(
        g.status("containers".into()).unwrap().deniers,
        vec!["dprk".to_owned(), "russia".to_owned()]
    );
    let claim = "more-than-3-000-homicides-were-committed-by-illegal-aliens";
    let v = g.verdicts_of(claim.into()).unwrap();
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].label, "False");
    assert_eq!(v[0].reviewer, "politifact");
    assert_eq!(
        v[0].rating,
        Some(Rating {
            value: 1.0,
            best: 6.0,
            worst: 1.0,
        })
    );
}

#[test]
fn claimreview_items_of_other_types_are_listed_as_skipped() {
    let markup = format!(
        r#"{{"@context": "https://schema.org", "@graph": [
            {PERRY_REVIEW},
            {{"@type": "WebPage", "@id": "https://example.org/page"}}
        ]}}"#
    );
    let r = from_claimreview_json(markup).unwrap();
    assert_eq!(r.report.added.verdicts, 1);
    assert_eq!(r.report.skipped.len(), 1, "{:?}", r.report.skipped);
    assert_eq!(r.report.skipped[0].kind, "WebPage");
}

#[test]
fn a_failed_claimreview_import_is_a_format_error_naming_the_path_and_changes_nothing() {
    let g = disputed();
    let before = g.to_json().unwrap();
    let bad = PERRY_REVIEW.replace(r#""ratingValue": "1""#, r#""ratingValue": {"x": 1}"#);
    let markup = format!("[{PERRY_REVIEW}, {bad}]");
    let (format, record, _, _) = format_error(g.import_claimreview(markup).unwrap_err());
    assert_eq!(format, "ClaimReview JSON-LD");
    assert_eq!(record.as_deref(), Some("$[1].reviewRating.ratingValue"));
    assert_eq!(
        g.to_json().unwrap(),
        before,
        "the first, valid review must not be half-imported"
    );
}

#[test]
fn claimreview_that_is_not_json_is_a_format_error() {
    let (format, _, line, _) = format_error(from_claimreview_json("[{]".into()).unwrap_err());
    assert_eq!(format, "ClaimReview JSON-LD");
    assert_eq!(line, Some(1));
}

// ----- pictures ------------------------------------------------------------------------------

#[test]
fn dot_draws_a_denial_as_a_dashed_red_edge() {
    let g = disputed();
    let dot = g.to_dot(None).unwrap();
    assert!(dot.starts_with("digraph"), "{dot}");
    let denial = dot
        .lines()
        .find(|l| l.contains(r#""containers" -> "russia""#))
        .expect("an edge from the claim to the denier");
    assert!(denial.contains("denied by"), "{denial}");
    assert!(denial.contains("#c62828"), "red: {denial}");
    assert!(denial.contains("dashed"), "dashed: {denial}");
}

#[test]
fn a_picture_around_a_claim_leaves_out_unrelated_sources() {
    let g = disputed();
    g.add_source(source("bystander", SourceKind::Person, "Bystander"))
        .unwrap();
    let whole = g.to_dot(None).unwrap();
    let around = g.to_dot(Some("containers".into())).unwrap();
    assert!(whole.contains(r#""bystander""#));
    assert!(!around.contains(r#""bystander""#), "{around}");
    assert!(around.contains(r#""russia""#));
    let mermaid = g.to_mermaid(Some("containers".into())).unwrap();
    assert!(!mermaid.contains("Bystander"), "{mermaid}");
}

#[test]
fn mermaid_is_a_flowchart() {
    let m = disputed().to_mermaid(None).unwrap();
    assert!(m.starts_with("flowchart"), "{m}");
    assert!(m.contains("denied by"));
}

#[test]
fn a_picture_around_an_unknown_claim_is_not_found() {
    let g = disputed();
    for e in [
        g.to_dot(Some("unknown".into())).unwrap_err(),
        g.to_mermaid(Some("unknown".into())).unwrap_err(),
    ] {
        match e {
            ClaimGraphError::NotFound { kind, id, .. } => {
                assert_eq!(kind, RecordKind::Claim);
                assert_eq!(id, "unknown");
            }
            other => panic!("expected NotFound, got {other:?}"),
        }
    }
}

#[test]
fn a_picture_around_a_source_is_not_found_as_a_claim() {
    let e = disputed().to_dot(Some("russia".into())).unwrap_err();
    assert!(
        matches!(e, ClaimGraphError::NotFound { ref id, .. } if id == "russia"),
        "{e:?}"
    );
}
