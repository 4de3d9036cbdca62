//! schema.org ClaimReview JSON-LD: the markup fact-checkers publish imports with its claims,
//! claimants, ratings and labels; what claimgraph writes is a feed that reads back as the same
//! claims and verdicts.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::PathBuf;

use claimgraph::{
    Attribution, Claim, ClaimGraph, Error, Modality, Period, Quantity, Rating, Reliability, Source,
    SourceKind, SourceRelation, SourceRelationKind, Stance, Verdict, When,
};
use serde_json::Value;

fn when(s: &str) -> When {
    s.parse().unwrap()
}

fn interop_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/interop/claimreview")
}

fn interop(name: &str) -> String {
    let path = interop_dir().join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "the shared interop document {} is missing ({e}); the tests read it from beside the checkout",
            path.display()
        )
    })
}

fn import(name: &str) -> (ClaimGraph, claimgraph::ImportReport) {
    ClaimGraph::from_claimreview_json(&interop(name))
        .unwrap_or_else(|e| panic!("{name} does not import: {e}"))
}

fn only_verdict(g: &ClaimGraph) -> Verdict {
    let v: Vec<Verdict> = g.verdicts().collect();
    assert_eq!(v.len(), 1, "{v:?}");
    v.into_iter().next().unwrap()
}

fn only_attribution(g: &ClaimGraph) -> Attribution {
    let a: Vec<Attribution> = g.attributions().collect();
    assert_eq!(a.len(), 1, "{a:?}");
    a.into_iter().next().unwrap()
}

// ----- the fact-checkers' markup ---------------------------------------------------------------

#[test]
fn every_shared_claimreview_document_imports() {
    let mut seen = 0;
    for entry in std::fs::read_dir(interop_dir())
        .unwrap_or_else(|e| panic!("{} is missing: {e}", interop_dir().display()))
    {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "jsonld") {
            let text = std::fs::read_to_string(&path).unwrap();
            let (g, _) = ClaimGraph::from_claimreview_json(&text)
                .unwrap_or_else(|e| panic!("{} does not import: {e}", path.display()));
            assert_eq!(g.counts().verdicts, 1, "{}", path.display());
            assert_eq!(g.counts().claims, 1, "{}", path.display());
            seen += 1;
        }
    }
    assert!(seen >= 4, "only {seen} ClaimReview documents found");
}

#[test]
fn a_claim_with_its_appearance_gives_claimant_document_author_and_publisher() {
    let (g, report) = import("google-factcheck-doc-claim-appearance.jsonld");
    let claim = g.get_claim("the-world-is-flat").unwrap();
    assert_eq!(claim.text, "The world is flat");

    let reviewer = g.get_source("example-com-science-watch").unwrap();
    assert_eq!(reviewer.name, "Example.com science watch");
    assert_eq!(reviewer.kind, SourceKind::Organization);

    let a = only_attribution(&g);
    assert_eq!(a.source, "square-world-society");
    assert_eq!(a.stance, Stance::Asserts);
    assert_eq!(a.said, Some(when("2024-06-20")));
    assert_eq!(a.reported_in(), Some("example-com-news-a122121"));
    let claimant = g.get_source("square-world-society").unwrap();
    assert_eq!(claimant.kind, SourceKind::Organization);

    let doc = g.get_source("example-com-news-a122121").unwrap();
    assert_eq!(doc.kind, SourceKind::Document);
    assert_eq!(doc.url.as_deref(), Some("https://example.com/news/a122121"));
    assert_eq!(
        doc.title.as_deref(),
        Some("Square Earth - Flat earthers for the Internet age")
    );
    assert_eq!(doc.published, Some(when("2024-06-22")));
    let rels = g.relations_of_source("example-com-news-a122121").unwrap();
    let pairs: Vec<(SourceRelationKind, &str)> =
        rels.iter().map(|r| (r.kind, r.to.as_str())).collect();
    assert!(
        pairs.contains(&(SourceRelationKind::AuthoredBy, "t-tellar")),
        "{pairs:?}"
    );
    assert!(pairs.contains(&(SourceRelationKind::PublishedIn, "skeptical-news")));
    assert_eq!(g.get_source("t-tellar").unwrap().kind, SourceKind::Person);
    assert_eq!(
        g.get_source("skeptical-news").unwrap().kind,
        SourceKind::Outlet
    );

    let v = only_verdict(&g);
    assert_eq!(v.reviewer, "example-com-science-watch");
    assert_eq!(v.claim, "the-world-is-flat");
    assert_eq!(v.label, "False");
    assert_eq!(v.rating, Some(Rating::new(1.0, 5.0, 1.0)));
    assert_eq!(
        v.url.as_deref(),
        Some("https://example.com/news/science/worldisflat.html")
    );
    assert_eq!(v.truth(), Some(0.0));
    // The pictures have no place in the graph, and the report says so.
    let skipped: Vec<(&str, Option<&str>)> = report
        .skipped
        .iter()
        .map(|s| (s.id.as_str(), s.attribute.as_deref()))
        .collect();
    assert_eq!(
        skipped,
        [
            ("$.itemReviewed.appearance", Some("image")),
            ("$.itemReviewed.appearance.publisher", Some("logo"))
        ]
    );
}

#[test]
fn the_older_creativework_form_keeps_the_label_as_written_next_to_the_numeric_rating() {
    let (g, _) = import("sdo-eg0324-politifact-perry-homicides.jsonld");
    // The reviewer has only a url: its id and name come from it.
    let reviewer = g.get_source("politifact-com").unwrap();
    assert_eq!(reviewer.name, "politifact.com");
    assert_eq!(reviewer.url.as_deref(), Some("http://www.politifact.com/"));

    let v = only_verdict(&g);
    // No worstRating: schema.org's default of 1.
    assert_eq!(v.rating, Some(Rating::new(1.0, 6.0, 1.0)));
    // The markup says "True" while the value is the worst on the scale: both are kept as given.
    assert_eq!(v.label, "True");
    assert_eq!(v.date, Some(when("2014-07-23")));

    let a = only_attribution(&g);
    assert_eq!(a.source, "rich-perry");
    assert_eq!(a.said, Some(when("2014-07-17")));
    let work = a
        .reported_in()
        .expect("the interview is the document the claim appeared in")
        .to_owned();
    assert_eq!(work, "the-st-petersburg-times-interview");
    assert_eq!(g.get_source(&work).unwrap().kind, SourceKind::Document);
    let rels = g.relations_of_source(&work).unwrap();
    assert_eq!(rels.len(), 1);
    assert_eq!(
        (rels[0].kind, rels[0].to.as_str()),
        (SourceRelationKind::AuthoredBy, "rich-perry")
    );
    assert_eq!(g.get_source("rich-perry").unwrap().kind, SourceKind::Person);
}

#[test]
fn a_review_without_a_rating_is_labelled_not_rated_and_keeps_its_body_as_summary() {
    let (g, _) = import("sdo-eg0325-danbri-obama-clip-no-rating.jsonld");
    let v = only_verdict(&g);
    assert_eq!(v.label, "Not rated");
    assert_eq!(v.rating, None);
    assert_eq!(v.truth(), None);
    assert_eq!(
        v.summary.as_deref(),
        Some("This claim is true. The UK also played a role.")
    );
    assert_eq!(v.reviewer, "danbri-org");
    assert_eq!(g.get_source("danbri-org").unwrap().kind, SourceKind::Person);

    let a = only_attribution(&g);
    assert_eq!(a.source, "barack-obama");
    assert_eq!(a.said, Some(when("2009-06-04")));
    // The clip has no url of its own; the video it is part of gives one.
    let clip = g.get_source(a.reported_in().unwrap()).unwrap();
    assert_eq!(clip.id, "youtube-com-watch-v-b-889obkknu");
    assert_eq!(
        clip.url.as_deref(),
        Some("https://www.youtube.com/watch?v=B_889oBKkNU")
    );
    assert_eq!(clip.name, "President Obama Speech to Muslim World in Cairo");
}

#[test]
fn numbers_written_as_strings_are_ratings_and_a_missing_author_is_reported() {
    let (g, report) = import("c2pa-spec-1.0-claim-review-assertion-example.jsonld");
    let v = only_verdict(&g);
    assert_eq!(v.rating, Some(Rating::new(1.0, 5.0, 1.0)));
    assert_eq!(v.label, "False");
    assert_eq!(v.summary.as_deref(), Some("The world is not flat"));
    assert_eq!(v.reviewer, "unknown-reviewer");
    assert!(
        report.notes.iter().any(|n| n.contains("unknown-reviewer")),
        "{:?}",
        report.notes
    );
    let a = only_attribution(&g);
    assert_eq!(a.source, "a-n-other");
    let work = g.get_source(a.reported_in().unwrap()).unwrap();
    assert_eq!(work.title.as_deref(), Some("Earth: Flat."));
}

#[test]
fn reviews_of_one_claim_by_two_fact_checkers_meet_on_one_claim() {
    let mut g = ClaimGraph::new();
    g.import_claimreview(&interop("google-factcheck-doc-claim-appearance.jsonld"))
        .unwrap();
    let report = g
        .import_claimreview(&interop(
            "c2pa-spec-1.0-claim-review-assertion-example.jsonld",
        ))
        .unwrap();
    assert_eq!(g.counts().claims, 1);
    assert_eq!(g.verdicts_of("the-world-is-flat").unwrap().len(), 2);
    assert_eq!(report.added.claims, 0);
    assert_eq!(report.added.verdicts, 1);
    // Importing the same markup again adds nothing.
    let again = g
        .import_claimreview(&interop(
            "c2pa-spec-1.0-claim-review-assertion-example.jsonld",
        ))
        .unwrap();
    assert_eq!(again.added, claimgraph::Counts::default());
    assert_eq!(g.verdicts_of("the-world-is-flat").unwrap().len(), 2);
}

fn review(rating: &str) -> String {
    format!(
        r#"{{"@type": "ClaimReview", "claimReviewed": "Ammunition was shipped",
             "author": {{"@type": "Organization", "name": "Desk"}},
             "reviewRating": {rating}}}"#
    )
}

#[test]
fn arrays_graphs_and_type_spellings_are_all_read() {
    let array = format!(
        "[{}, {}]",
        review(r#"{"alternateName": "False"}"#),
        review("null")
    );
    let (g, _) = ClaimGraph::from_claimreview_json(&array).unwrap();
    // Two reviews by the same desk of the same claim, with different labels.
    assert_eq!(g.counts().verdicts, 2);
    assert_eq!(g.counts().claims, 1);

    let graph = r#"{"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "@id": "https://desk.example/page", "name": "A page"},
        {"@type": "Organization", "@id": "https://desk.example/#org", "name": "Desk"},
        {"type": "schema:ClaimReview", "claimReviewed": "Ammunition was shipped",
         "author": {"@id": "https://desk.example/#org"},
         "reviewRating": {"@type": "Rating", "alternateName": "Mostly false"}}
    ]}"#;
    let (g, report) = ClaimGraph::from_claimreview_json(graph).unwrap();
    let v = only_verdict(&g);
    assert_eq!(v.label, "Mostly false");
    // The reference was followed to the organization's name; its @id gave the id.
    assert_eq!(g.get_source(&v.reviewer).unwrap().name, "Desk");
    assert_eq!(v.reviewer, "desk-example-org");
    let kinds: Vec<&str> = report.skipped.iter().map(|s| s.kind.as_str()).collect();
    assert_eq!(kinds, ["WebPage", "Organization"]);
    assert_eq!(report.skipped[0].id, "https://desk.example/page");
}

#[test]
fn reversed_scales_minus_one_and_off_scale_values_are_read_as_the_docs_say() {
    // A scale where 1 is best and 5 worst: a 5 is the worst rating.
    let (g, _) = ClaimGraph::from_claimreview_json(&review(
        r#"{"ratingValue": "5", "bestRating": "1", "worstRating": "5", "alternateName": "Fake"}"#,
    ))
    .unwrap();
    let v = only_verdict(&g);
    assert_eq!(v.rating, Some(Rating::new(5.0, 1.0, 5.0)));
    assert_eq!(v.truth(), Some(0.0));

    // -1 with only a text label: the label alone.
    let (g, report) = ClaimGraph::from_claimreview_json(&review(
        r#"{"ratingValue": -1, "alternateName": "Missing context"}"#,
    ))
    .unwrap();
    let v = only_verdict(&g);
    assert_eq!(v.rating, None);
    assert_eq!(v.label, "Missing context");
    assert!(
        report.notes.iter().any(|n| n.contains("-1")),
        "{:?}",
        report.notes
    );

    // A value off its scale is not a rating.
    let (g, report) = ClaimGraph::from_claimreview_json(&review(
        r#"{"ratingValue": " 7 ", "bestRating": 5, "worstRating": 1, "alternateName": "Odd"}"#,
    ))
    .unwrap();
    assert_eq!(only_verdict(&g).rating, None);
    assert!(report.notes.iter().any(|n| n.contains("not on the scale")));

    // A rating without a label gets one that says what the number means.
    let (g, _) = ClaimGraph::from_claimreview_json(&review(
        r#"{"ratingValue": 2, "bestRating": 5, "worstRating": 1}"#,
    ))
    .unwrap();
    let v = only_verdict(&g);
    assert_eq!(v.label, "2 on a scale from 1 (worst) to 5 (best)");
    assert_eq!(v.rating, Some(Rating::new(2.0, 5.0, 1.0)));
}

// ----- errors ----------------------------------------------------------------------------------

fn format_error_at(json: &str) -> (Option<String>, String) {
    match ClaimGraph::from_claimreview_json(json) {
        Err(Error::Format {
            format,
            location,
            message,
        }) => {
            assert_eq!(format, "ClaimReview JSON-LD");
            (location.record, message)
        }
        other => panic!("expected a ClaimReview format error, got {other:?}"),
    }
}

#[test]
fn non_conforming_markup_is_an_error_naming_the_json_path() {
    let bad_value = format!(
        "[{}, {}]",
        review(r#"{"ratingValue": 1}"#),
        review(r#"{"ratingValue": "False", "bestRating": 5}"#)
    );
    let (record, message) = format_error_at(&bad_value);
    assert_eq!(record.as_deref(), Some("$[1].reviewRating.ratingValue"));
    assert!(message.contains("False"), "{message}");

    let (record, _) = format_error_at(r#"{"@type": "ClaimReview", "author": {"name": "Desk"}}"#);
    assert_eq!(record.as_deref(), Some("$.claimReviewed"));

    let (record, _) = format_error_at(
        r#"{"@graph": [{"@type": "ClaimReview", "claimReviewed": "x",
             "itemReviewed": {"@type": "Claim", "author": [{"name": "A"}, 42]}}]}"#,
    );
    assert_eq!(
        record.as_deref(),
        Some("$.@graph[0].itemReviewed.author[1]")
    );

    let (record, _) = format_error_at(r#""just a string""#);
    assert_eq!(record.as_deref(), Some("$"));

    match ClaimGraph::from_claimreview_json("{\n  \"@type\": \"ClaimReview\",\n  oops\n}") {
        Err(Error::Format { location, .. }) => assert_eq!(location.line, Some(3)),
        other => panic!("expected a format error, got {other:?}"),
    }
}

#[test]
fn a_date_and_time_without_a_time_zone_is_read_as_its_day() {
    let (g, report) = ClaimGraph::from_claimreview_json(
        r#"{"@type": "ClaimReview", "claimReviewed": "x", "author": {"name": "Desk"},
            "datePublished": "2024-06-20T10:30:00"}"#,
    )
    .unwrap();
    assert_eq!(only_verdict(&g).date, Some(when("2024-06-20")));
    assert!(report.notes.iter().any(|n| n.contains("time zone")));
}

#[test]
fn a_failed_import_leaves_the_graph_as_it_was() {
    let mut g = ClaimGraph::new();
    g.add_source(Source::new("desk", SourceKind::Organization, "Desk"))
        .unwrap();
    let before = g.clone();
    let markup = format!(
        "[{}, {}]",
        review(r#"{"alternateName": "False"}"#),
        review(r#"{"ratingValue": {"nested": true}}"#)
    );
    assert!(g.import_claimreview(&markup).is_err());
    assert_eq!(g, before);
    assert_eq!(g.counts().sources, 1);
}

// ----- writing and reading back ----------------------------------------------------------------

/// A graph holding only what a ClaimReview feed carries, with every field of those records.
fn feed_graph() -> ClaimGraph {
    let mut g = ClaimGraph::new();
    for s in [
        Source::new("politifact", SourceKind::Organization, "PolitiFact")
            .url("https://www.politifact.com/")
            .alias("Politifact.com")
            .reliability(Reliability::A),
        Source::new("desk: RU", SourceKind::Outlet, "Проверка фактов"),
        Source::new("putin", SourceKind::Person, "Vladimir Putin").alias("Путин"),
        Source::new("russia", SourceKind::Government, "Russia"),
        Source::new("rok-sources", SourceKind::UnnamedGroup, "ROK sources"),
        Source::new("west", SourceKind::Collective, "the West"),
        Source::new("qian", SourceKind::Person, "Qian Kejin"),
        Source::new("ycen", SourceKind::Outlet, "Yangcheng Evening News"),
        Source::new("article", SourceKind::Document, "Analysis")
            .title("Putin's visit to DPRK raises \"Western concerns\"")
            .url("https://example.com/article?id=1&lang=zh")
            .published(when("2024-06-18T08:00:00+08:00")),
    ] {
        g.add_source(s).unwrap();
    }
    g.add_claim(
        Claim::new(
            "containers",
            "The DPRK delivered 6,700 containers of munitions to Russia",
        )
        .subject("russia")
        .period(Period::new(Some(when("2023-08")), Some(when("2024-02"))))
        .quantity(Quantity::new(6700.0, "containers"))
        .tag("military")
        .tag("arms, transfers"),
    )
    .unwrap();
    g.add_claim(
        Claim::new("visit", "Putin visits the DPRK")
            .period(Period::new(None, Some(when("2024-06-19")))),
    )
    .unwrap();
    g.add_attribution(
        Attribution::new("rok-sources", "containers", Stance::Asserts)
            .via("article")
            .said(when("2024-06-18"))
            .quote("  6,700 \"containers\"\nof munitions "),
    )
    .unwrap();
    g.add_attribution(
        Attribution::new("west", "containers", Stance::Asserts)
            .with_id("west alleges: containers")
            .modality(Modality::Alleged),
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
    g.add_source_relation(SourceRelation::new(
        "article",
        SourceRelationKind::AuthoredBy,
        "qian",
    ))
    .unwrap();
    g.add_source_relation(SourceRelation::new(
        "article",
        SourceRelationKind::PublishedIn,
        "ycen",
    ))
    .unwrap();
    g.add_verdict(
        Verdict::new("politifact", "containers", "Mostly True")
            .rating(Rating::new(2.5, 1.0, 6.0))
            .date(when("2024-07-01"))
            .url("https://www.politifact.com/factchecks/2024/jul/01/containers/")
            .summary("Satellite images agree with the count."),
    )
    .unwrap();
    g.add_verdict(Verdict::new("desk: RU", "containers", "Ложь").with_id("desk: RU/1"))
        .unwrap();
    g.add_verdict(Verdict::new("desk: RU", "visit", "Not rated").date(when("2024-06")))
        .unwrap();
    g
}

#[test]
fn a_feed_reads_back_as_the_same_graph() {
    let g = feed_graph();
    let (back, report) = ClaimGraph::from_claimreview_json(&g.to_claimreview_json()).unwrap();
    assert_eq!(back.records(), g.records());
    assert_eq!(back, g);
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    assert!(report.notes.is_empty(), "{:?}", report.notes);
}

#[test]
fn reviewed_claims_and_their_verdicts_survive_from_a_richer_graph() {
    let mut g = common::reference::putin_dprk_visit().unwrap();
    g.add_source(Source::new(
        "checker",
        SourceKind::Organization,
        "Fact Check Desk",
    ))
    .unwrap();
    let claim_id = common::reference::CONTAINERS;
    g.add_verdict(
        Verdict::new("checker", claim_id, "Unproven")
            .rating(Rating::new(3.0, 5.0, 1.0))
            .date(when("2024-06-30"))
            .url("https://checker.example/containers")
            .summary("No independent evidence."),
    )
    .unwrap();
    let (back, _) = ClaimGraph::from_claimreview_json(&g.to_claimreview_json()).unwrap();
    assert_eq!(back.counts().claims, 1);
    assert_eq!(
        back.get_claim(claim_id).unwrap(),
        g.get_claim(claim_id).unwrap()
    );
    assert_eq!(
        back.verdicts_of(claim_id).unwrap(),
        g.verdicts_of(claim_id).unwrap()
    );
    // The denials also cover the ammunition-supply claim, which was not reviewed and so is not
    // in the document: each keeps the claims the document holds.
    let expected: Vec<Attribution> = g
        .attributions_of(claim_id)
        .unwrap()
        .into_iter()
        .map(|mut a| {
            a.covers.clear();
            a
        })
        .collect();
    assert_eq!(back.attributions_of(claim_id).unwrap(), expected);
}

#[test]
fn the_feed_has_the_fields_a_fact_check_feed_needs() {
    let g = feed_graph();
    let feed: Value = serde_json::from_str(&g.to_claimreview_json()).unwrap();
    let reviews = feed.as_array().unwrap();
    assert_eq!(reviews.len(), 3);
    // Sorted by verdict id: "desk: RU/1", "desk: RU:verdict:visit", "politifact:verdict:containers".
    let r = &reviews[2];
    assert_eq!(r["@context"][0], "https://schema.org");
    assert_eq!(r["@type"], "ClaimReview");
    assert_eq!(
        r["claimReviewed"],
        "The DPRK delivered 6,700 containers of munitions to Russia"
    );
    assert_eq!(r["author"]["@type"], "Organization");
    assert_eq!(r["author"]["name"], "PolitiFact");
    assert_eq!(r["datePublished"], "2024-07-01");
    assert_eq!(
        r["url"],
        "https://www.politifact.com/factchecks/2024/jul/01/containers/"
    );
    assert_eq!(r["reviewRating"]["alternateName"], "Mostly True");
    assert_eq!(r["reviewRating"]["ratingValue"], 2.5);
    assert_eq!(r["reviewRating"]["bestRating"], 1.0);
    assert_eq!(r["reviewRating"]["worstRating"], 6.0);
    let item = &r["itemReviewed"];
    assert_eq!(item["@type"], "Claim");
    // The asserters are the claimants (the denier is not), the earliest dated first.
    assert_eq!(item["author"][0]["name"], "ROK sources");
    assert_eq!(item["author"][1]["name"], "the West");
    assert_eq!(item["datePublished"], "2024-06-18");
    assert_eq!(
        item["appearance"]["url"],
        "https://example.com/article?id=1&lang=zh"
    );
    assert_eq!(item["appearance"]["author"]["name"], "Qian Kejin");
    assert_eq!(
        item["appearance"]["publisher"]["@type"],
        "NewsMediaOrganization"
    );
    assert_eq!(
        item["firstAppearance"]["headline"],
        "Putin's visit to DPRK raises \"Western concerns\""
    );
    assert_eq!(item["temporalCoverage"], "2023-08/2024-02");
    assert_eq!(
        reviews[1]["itemReviewed"]["temporalCoverage"],
        "../2024-06-19"
    );
    assert_eq!(reviews[0]["reviewRating"]["alternateName"], "Ложь");
    assert!(reviews[0]["reviewRating"].get("ratingValue").is_none());
}

#[test]
fn only_reviewed_claims_are_written_and_the_output_is_deterministic() {
    let mut g = feed_graph();
    g.add_claim(Claim::new("unreviewed", "Nobody checked this"))
        .unwrap();
    let feed = g.to_claimreview_json();
    assert!(!feed.contains("Nobody checked this"));
    let rebuilt = ClaimGraph::from_records(g.records()).unwrap();
    assert_eq!(rebuilt.to_claimreview_json(), feed);
    assert_eq!(ClaimGraph::new().to_claimreview_json(), "[]");
}

/// "In a statement to the ABC, the Church denied these allegations" (two claims), reported by
/// an article on 2 December 2011 whose own sentence rests on the witness.
fn second_model_graph() -> ClaimGraph {
    let mut g = ClaimGraph::new();
    for s in [
        Source::new("article", SourceKind::Document, "The article").published(when("2011-12-02")),
        Source::new("abc", SourceKind::Outlet, "ABC"),
        Source::new("church", SourceKind::Organization, "The Church"),
        Source::new("paris", SourceKind::Person, "Paris"),
        Source::new("checker", SourceKind::Organization, "A fact-checker"),
    ] {
        g.add_source(s).unwrap();
    }
    g.add_claim(Claim::new("disconnect", "She was told to disconnect"))
        .unwrap();
    g.add_claim(Claim::new("harass", "She was harassed"))
        .unwrap();
    g.add_attribution(
        Attribution::new("church", "disconnect", Stance::Denies)
            .via("abc")
            .via_on("article", when("2011-12-02"))
            .covers("harass"),
    )
    .unwrap();
    g.add_attribution(Attribution::new("article", "disconnect", Stance::Asserts).basis("paris"))
        .unwrap();
    g.add_attribution(Attribution::new("paris", "disconnect", Stance::Asserts).via("article"))
        .unwrap();
    for c in ["disconnect", "harass"] {
        g.add_verdict(Verdict::new("checker", c, "Unproven"))
            .unwrap();
    }
    g
}

#[test]
fn the_export_carries_the_whole_reporting_chain_its_dates_and_the_basis_and_reads_back() {
    let g = second_model_graph();
    let json = g.to_claimreview_json();
    let v: Value = serde_json::from_str(&json).unwrap();
    let reviews = v.as_array().unwrap();
    let denial = reviews
        .iter()
        .flat_map(|r| r["itemReviewed"]["cg:attribution"].as_array().unwrap())
        .find(|a| a["cg:stance"] == "denies")
        .unwrap();
    let hops = denial["cg:via"].as_array().expect("a chain of two hops");
    assert_eq!(hops.len(), 2);
    assert_eq!(hops[0]["name"], "ABC");
    assert_eq!(hops[1]["name"], "The article");
    assert_eq!(hops[1]["cg:hopDate"], "2011-12-02");
    let relay = reviews
        .iter()
        .flat_map(|r| r["itemReviewed"]["cg:attribution"].as_array().unwrap())
        .find(|a| a["cg:basis"].is_array())
        .unwrap();
    assert_eq!(relay["cg:basis"][0]["name"], "Paris");

    let (back, _) = ClaimGraph::from_claimreview_json(&json).unwrap();
    let denial = back.get_attribution("church:denies:disconnect").unwrap();
    assert_eq!(
        denial.via,
        g.get_attribution("church:denies:disconnect").unwrap().via
    );
    // The statement written under both claims it covers comes back as one record.
    assert_eq!(denial.covers, ["harass"]);
    assert_eq!(
        back.get_attribution("article:asserts:disconnect")
            .unwrap()
            .basis,
        ["paris"]
    );
    assert_eq!(back.status("disconnect").unwrap().origins[0].id, "paris");
    assert_eq!(back, g);
}

#[test]
fn a_hop_that_is_not_a_document_is_an_error_naming_it() {
    let bad = second_model_graph().to_claimreview_json().replacen(
        "\"cg:via\": [",
        "\"cg:via\": [\"abc\", ",
        1,
    );
    let err = ClaimGraph::from_claimreview_json(&bad)
        .unwrap_err()
        .to_string();
    assert!(err.contains("cg:via[0]"), "{err}");
}
