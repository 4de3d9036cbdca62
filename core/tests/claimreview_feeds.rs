//! ClaimReview as publishers' feeds really write it: one bad review among many, the dates they
//! write, empty strings for "none", MediaReview wrappers, claims seen in many places, claimants
//! that are groups, and properties the graph has no place for. The documents are written here in
//! the shapes fact-checkers publish.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use claimgraph::{ClaimGraph, Error, ImportReport, SourceKind, Stance, When};

fn when(s: &str) -> When {
    s.parse().unwrap()
}

fn review(claim: &str, rating: &str) -> String {
    format!(
        r#"{{"@context": "https://schema.org", "@type": "ClaimReview",
            "claimReviewed": "{claim}",
            "author": {{"@type": "Organization", "name": "Desk"}},
            "reviewRating": {rating}}}"#
    )
}

fn skipped_attributes(report: &ImportReport) -> Vec<(String, String)> {
    report
        .skipped
        .iter()
        .filter(|s| s.kind == "attribute")
        .map(|s| (s.id.clone(), s.attribute.clone().unwrap_or_default()))
        .collect()
}

// ----- lenient and strict ----------------------------------------------------------------------

#[test]
fn a_lenient_import_keeps_every_good_review_and_reports_each_bad_one() {
    let feed = format!(
        "[{}, {}, {}, {}]",
        review("Cows fly", r#"{"alternateName": "False"}"#),
        review("Pigs fly", r#"{"ratingValue": "False", "bestRating": 5}"#),
        r#"{"@type": "ClaimReview", "author": {"name": "Desk"}}"#,
        review("Fish swim", r#"{"alternateName": "True"}"#),
    );
    let (g, report) = ClaimGraph::from_claimreview_json_lenient(&feed).unwrap();
    let mut claims: Vec<&str> = g.claims().map(|c| c.text.as_str()).collect();
    claims.sort();
    assert_eq!(claims, ["Cows fly", "Fish swim"]);
    assert_eq!(g.counts().verdicts, 2);
    assert_eq!(report.added.verdicts, 2);
    assert_eq!(report.added.claims, 2);

    let rejected: Vec<(usize, &str, &str)> = report
        .rejected
        .iter()
        .map(|r| (r.index, r.record.as_str(), r.field.as_str()))
        .collect();
    assert_eq!(
        rejected,
        [
            (1, "$[1]", "$[1].reviewRating.ratingValue"),
            (2, "$[2]", "$[2].claimReviewed")
        ]
    );
    assert!(
        report.rejected[0]
            .reason
            .contains("\"False\" is not a number"),
        "{:?}",
        report.rejected[0]
    );
    // Nothing of a rejected review stays behind: not its claim, nor the notes about it.
    assert!(g.claim("pigs-fly").is_none());
    assert!(
        report.notes.iter().all(|n| !n.contains("$[1]")),
        "{:?}",
        report.notes
    );

    // The strict import fails on the same feed and leaves the graph as it was.
    let mut strict = ClaimGraph::new();
    match strict.import_claimreview(&feed) {
        Err(Error::Format { location, .. }) => {
            assert_eq!(
                location.record.as_deref(),
                Some("$[1].reviewRating.ratingValue")
            )
        }
        other => panic!("expected a format error, got {other:?}"),
    }
    assert!(strict.is_empty());
}

#[test]
fn a_lenient_import_into_a_graph_undoes_only_the_bad_review() {
    let mut g = ClaimGraph::new();
    g.import_claimreview(&review("Cows fly", r#"{"alternateName": "False"}"#))
        .unwrap();
    let before = g.clone();
    // The bad review names the same reviewer and claim as the graph, and a new claimant.
    let bad = r#"{"@type": "ClaimReview", "claimReviewed": "Cows fly",
        "author": {"@type": "Organization", "name": "Desk"},
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Ann Example"}},
        "reviewRating": {"ratingValue": "lots"}}"#;
    let report = g.import_claimreview_lenient(&format!("[{bad}]")).unwrap();
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(g, before);
    assert!(g.source("ann-example").is_none());
}

#[test]
fn a_document_that_is_no_claimreview_markup_fails_in_both_modes() {
    for json in [r#""just a string""#, "{ oops"] {
        assert!(ClaimGraph::from_claimreview_json_lenient(json).is_err());
        assert!(ClaimGraph::from_claimreview_json(json).is_err());
    }
}

// ----- dates -----------------------------------------------------------------------------------

fn dated(date: &str) -> (Option<When>, ImportReport) {
    let markup = format!(
        r#"{{"@type": "ClaimReview", "claimReviewed": "x", "author": {{"name": "Desk"}},
             "datePublished": "{date}", "reviewRating": {{"alternateName": "False"}}}}"#
    );
    let (g, report) = ClaimGraph::from_claimreview_json(&markup).unwrap();
    let v = g.verdicts().next().unwrap();
    (v.date, report)
}

#[test]
fn the_dates_publishers_write_are_read() {
    for (written, read) in [
        (
            "Wed, 11 Mar 2020 01:05:52 UTC +00:00",
            "2020-03-11T01:05:52+00:00",
        ),
        ("Sat, 07 Nov 2020", "2020-11-07"),
        ("2017-03-01 20:30:17 UTC", "2017-03-01T20:30:17+00:00"),
        (
            "Thu, 05 Nov 2020 14:00:00 +0100",
            "2020-11-05T14:00:00+01:00",
        ),
        ("November 7, 2020", "2020-11-07"),
        ("2020-11-07T10:00:00Z", "2020-11-07T10:00:00+00:00"),
    ] {
        let (date, report) = dated(written);
        assert_eq!(date, Some(when(read)), "{written}");
        assert!(
            report.notes.iter().all(|n| !n.contains("datePublished")),
            "{written}: {:?}",
            report.notes
        );
    }
    // A date and time without a zone is its day, and the report says so, once.
    let (date, report) = dated("2020-10-07 20:05");
    assert_eq!(date, Some(when("2020-10-07")));
    let zone_notes = report
        .notes
        .iter()
        .filter(|n| n.contains("no time zone"))
        .count();
    assert_eq!(zone_notes, 1, "{:?}", report.notes);
}

#[test]
fn a_date_that_cannot_be_read_is_left_out_and_the_review_kept() {
    let (date, report) = dated("le 3 brumaire");
    assert_eq!(date, None);
    assert_eq!(
        report
            .notes
            .iter()
            .filter(|n| n.contains("\"le 3 brumaire\" is not a date"))
            .count(),
        1,
        "{:?}",
        report.notes
    );
    assert!(report.rejected.is_empty());
}

// ----- empty strings ---------------------------------------------------------------------------

#[test]
fn empty_strings_are_no_values() {
    // AFP's markup: an itemReviewed whose @id, name and url are all empty, on two reviews.
    let afp = |claim: &str| {
        format!(
            r#"{{"@type": "ClaimReview", "claimReviewed": "{claim}",
                "author": {{"@type": "Organization", "@id": "", "name": "AFP Factuel", "url": ""}},
                "itemReviewed": {{"@type": "CreativeWork", "@id": "", "name": "", "url": "",
                                  "author": {{"@type": "Person", "@id": "", "name": ""}}}},
                "reviewRating": {{"@type": "Rating", "alternateName": "Faux", "ratingValue": ""}}}}"#
        )
    };
    let feed = format!("[{}, {}]", afp("Claim one"), afp("Claim two"));
    let (g, report) = ClaimGraph::from_claimreview_json(&feed).unwrap();
    let mut ids: Vec<&str> = g.sources().map(|s| s.id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["afp-factuel"], "no document called item: {ids:?}");
    assert_eq!(g.counts().attributions, 0);
    assert_eq!(g.counts().verdicts, 2);
    for v in g.verdicts() {
        assert_eq!(v.label, "Faux");
        assert_eq!(v.rating, None);
    }
    assert!(report.rejected.is_empty());

    // A review whose author has an empty @id and name has no reviewer.
    let (g, report) = ClaimGraph::from_claimreview_json(
        r#"{"@type": "ClaimReview", "claimReviewed": "x",
            "author": {"@type": "Person", "@id": "", "name": ""},
            "reviewRating": {"alternateName": "False"}}"#,
    )
    .unwrap();
    assert_eq!(g.verdicts().next().unwrap().reviewer, "unknown-reviewer");
    assert!(report.notes.iter().any(|n| n.contains("names no author")));

    // A work with an empty name and no url is an absent work, not an error.
    let (g, _) = ClaimGraph::from_claimreview_json(
        r#"{"@type": "ClaimReview", "claimReviewed": "x", "author": {"name": "Desk"},
            "itemReviewed": {"@type": "Claim", "appearance": {"@type": "CreativeWork", "name": ""},
                             "author": {"@type": "Person", "name": "Ann Example"}},
            "reviewRating": {"alternateName": "False"}}"#,
    )
    .unwrap();
    let a: Vec<_> = g.attributions().collect();
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].source, "ann-example");
    assert!(a[0].via.is_empty());
}

// ----- MediaReview -----------------------------------------------------------------------------

#[test]
fn a_media_review_is_read_as_the_claim_review_it_carries() {
    let feed = r#"[
      {"@type": "MediaReview", "mediaAuthenticityCategory": "TransformedContent",
       "itemReviewed": {"@type": "MediaReviewItem", "mediaItemAppearance": [{"@type": "VideoObject",
                        "contentUrl": "https://video.example/1"}]},
       "associatedClaimReview": {"@type": "ClaimReview", "claimReviewed": "The video shows a flood in 2024",
         "author": {"@type": "Organization", "name": "PolitiFact"},
         "reviewRating": {"@type": "Rating", "alternateName": "False", "ratingValue": 1,
                          "bestRating": 6, "worstRating": 1}}},
      {"@type": "MediaReview", "mediaAuthenticityCategory": "OriginalMediaContext",
       "itemReviewed": {"@type": "MediaReviewItem"}}
    ]"#;
    let (g, report) = ClaimGraph::from_claimreview_json(feed).unwrap();
    let v = g.verdicts().next().unwrap();
    assert_eq!(v.claim, "the-video-shows-a-flood-in-2024");
    assert_eq!(v.reviewer, "politifact");
    assert_eq!(v.truth(), Some(0.0));
    assert_eq!(g.counts().verdicts, 1);
    // The first MediaReview's own rating of the media, and the whole second one, are skipped.
    let media: Vec<(&str, Option<&str>)> = report
        .skipped
        .iter()
        .map(|s| (s.kind.as_str(), s.attribute.as_deref()))
        .collect();
    assert!(
        media.contains(&("attribute", Some("mediaAuthenticityCategory"))),
        "{media:?}"
    );
    assert!(media.contains(&("MediaReview", None)), "{media:?}");
    let whole = report
        .skipped
        .iter()
        .find(|s| s.kind == "MediaReview")
        .unwrap();
    assert_eq!(whole.id, "$[1]");
    assert!(whole.reason.contains("associatedClaimReview"));
}

// ----- appearances -----------------------------------------------------------------------------

#[test]
fn every_appearance_is_a_document_where_the_claim_circulated() {
    // A hoax seen in seven places, with no claimant named.
    let appearances: Vec<String> = (1..=7)
        .map(|i| {
            format!(
                r#"{{"@type": "SocialMediaPosting", "url": "https://social.example/post/{i}",
                    "datePublished": "2024-03-0{i}"}}"#
            )
        })
        .collect();
    let markup = format!(
        r#"{{"@type": "ClaimReview", "claimReviewed": "A shark swam down the highway",
            "author": {{"name": "Desk"}}, "reviewRating": {{"alternateName": "False"}},
            "itemReviewed": {{"@type": "Claim",
                              "firstAppearance": {first},
                              "appearance": [{all}]}}}}"#,
        first = appearances[0],
        all = appearances.join(", ")
    );
    let (g, report) = ClaimGraph::from_claimreview_json(&markup).unwrap();
    let a = g.attributions_of("a-shark-swam-down-the-highway").unwrap();
    assert_eq!(a.len(), 7, "{a:?}");
    for (i, at) in a.iter().enumerate() {
        let doc = g.get_source(&at.source).unwrap();
        assert_eq!(doc.kind, SourceKind::Document);
        assert!(doc
            .url
            .as_deref()
            .unwrap()
            .starts_with("https://social.example/post/"));
        assert_eq!(at.stance, Stance::Asserts);
        assert_eq!(at.said, doc.published, "attribution {i}");
    }
    assert!(
        report.notes.iter().any(|n| n.contains("7 documents")),
        "{:?}",
        report.notes
    );

    // A named claimant seen in two places asserts the claim via each of them.
    let markup = r#"{"@type": "ClaimReview", "claimReviewed": "Cows fly",
        "author": {"name": "Desk"}, "reviewRating": {"alternateName": "False"},
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Ann Example"},
                         "appearance": [{"url": "https://a.example/1"}, {"url": "https://b.example/2"}]}}"#;
    let (g, _) = ClaimGraph::from_claimreview_json(markup).unwrap();
    let mut vias: Vec<String> = g
        .attributions_of("cows-fly")
        .unwrap()
        .into_iter()
        .map(|a| {
            assert_eq!(a.source, "ann-example");
            a.reported_in().unwrap().to_owned()
        })
        .collect();
    vias.sort();
    assert_eq!(vias, ["a-example-1", "b-example-2"]);
    assert_eq!(g.status("cows-fly").unwrap().independent_origin_count(), 1);
}

// ----- nothing dropped silently ----------------------------------------------------------------

#[test]
fn every_property_without_a_place_in_the_graph_is_reported() {
    let markup = r#"{"@type": "ClaimReview", "claimReviewed": "Cows fly",
        "name": "Fact check: do cows fly?", "headline": "Do cows fly?",
        "keywords": "cows, aviation", "inLanguage": "en", "x-internal-id": 991,
        "author": {"@type": "Organization", "name": "Desk", "url": "https://desk.example",
                   "sameAs": ["https://social.example/desk", "https://wiki.example/Desk"],
                   "logo": {"@type": "ImageObject", "url": "https://desk.example/logo.png"}},
        "reviewRating": {"@type": "Rating", "alternateName": "False", "image": "https://desk.example/false.png"},
        "itemReviewed": {"@type": "Claim",
            "author": {"@type": "Person", "name": "Ann Example", "jobTitle": "Senator"},
            "appearance": {"@type": "Clip", "url": "https://video.example/v#t=30",
                           "startOffset": 30, "endOffset": 45}}}"#;
    let (g, report) = ClaimGraph::from_claimreview_json(markup).unwrap();
    let attrs = skipped_attributes(&report);
    for (path, key) in [
        ("$", "name"),
        ("$", "headline"),
        ("$", "inLanguage"),
        ("$", "x-internal-id"),
        ("$.author", "sameAs"),
        ("$.author", "logo"),
        ("$.reviewRating", "image"),
        ("$.itemReviewed.author", "jobTitle"),
        ("$.itemReviewed.appearance", "startOffset"),
        ("$.itemReviewed.appearance", "endOffset"),
    ] {
        assert!(
            attrs.contains(&(path.to_owned(), key.to_owned())),
            "{path} {key} missing from {attrs:?}"
        );
    }
    let offset = report
        .skipped
        .iter()
        .find(|s| s.attribute.as_deref() == Some("startOffset"))
        .unwrap();
    assert_eq!(offset.value.as_deref(), Some("30"));
    // The review's keywords are the claim's tags.
    assert_eq!(g.get_claim("cows-fly").unwrap().tags, ["cows", "aviation"]);
    // A lone sameAs is the party's url, not a skipped property.
    let (g, report) = ClaimGraph::from_claimreview_json(
        r#"{"@type": "ClaimReview", "claimReviewed": "x", "reviewRating": {"alternateName": "False"},
            "author": {"@type": "Organization", "name": "Desk", "sameAs": "https://desk.example"}}"#,
    )
    .unwrap();
    assert_eq!(
        g.get_source("desk").unwrap().url.as_deref(),
        Some("https://desk.example")
    );
    assert!(skipped_attributes(&report).is_empty());
}

#[test]
fn a_reviewers_properties_are_reported_once_for_the_whole_feed() {
    let one = r#"{"@type": "ClaimReview", "claimReviewed": "CLAIM",
        "author": {"@type": "Organization", "name": "Desk",
                   "logo": "https://desk.example/logo.png"},
        "reviewRating": {"alternateName": "False"}}"#;
    let feed = format!(
        "[{}, {}, {}]",
        one.replace("CLAIM", "a"),
        one.replace("CLAIM", "b"),
        one.replace("CLAIM", "c")
    );
    let (_, report) = ClaimGraph::from_claimreview_json(&feed).unwrap();
    let logos = report
        .skipped
        .iter()
        .filter(|s| s.attribute.as_deref() == Some("logo"))
        .count();
    assert_eq!(logos, 1, "{:?}", report.skipped);
}

#[test]
fn a_person_author_of_a_review_is_affiliated_with_its_publisher() {
    let (g, report) = ClaimGraph::from_claimreview_json(
        r#"{"@type": "ClaimReview", "claimReviewed": "x", "reviewRating": {"alternateName": "False"},
            "author": {"@type": "Person", "name": "Jon Greenberg"},
            "publisher": {"@type": "Organization", "name": "PolitiFact"}}"#,
    )
    .unwrap();
    assert_eq!(g.verdicts().next().unwrap().reviewer, "jon-greenberg");
    let rels = g.relations_of_source("jon-greenberg").unwrap();
    assert_eq!(rels.len(), 1);
    assert_eq!(rels[0].to, "politifact");
    assert_eq!(rels[0].kind, claimgraph::SourceRelationKind::AffiliatedWith);
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
}

// ----- claimants that are groups ---------------------------------------------------------------

#[test]
fn person_claimants_named_as_groups_become_unnamed_groups_with_a_note() {
    for name in [
        "Fuentes varias",
        "Sources multiples",
        "Plusieurs sites internet",
        "multiple sources",
        "social media users",
    ] {
        let markup = format!(
            r#"{{"@type": "ClaimReview", "claimReviewed": "x", "author": {{"name": "Desk"}},
                "reviewRating": {{"alternateName": "False"}},
                "itemReviewed": {{"@type": "Claim", "author": {{"@type": "Person", "name": "{name}"}}}}}}"#
        );
        let (g, report) = ClaimGraph::from_claimreview_json(&markup).unwrap();
        let a = g.attributions().next().unwrap();
        let claimant = g.get_source(&a.source).unwrap();
        assert_eq!(claimant.kind, SourceKind::UnnamedGroup, "{name}");
        assert_eq!(claimant.name, name);
        assert!(
            report
                .notes
                .iter()
                .any(|n| n.contains(name) && n.contains("unnamed group")),
            "{name}: {:?}",
            report.notes
        );
        assert!(g.status("x").unwrap().unnamed_only, "{name}");
    }
    // A person with a name stays a person.
    let (g, report) = ClaimGraph::from_claimreview_json(
        r#"{"@type": "ClaimReview", "claimReviewed": "x", "author": {"name": "Desk"},
            "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Ann Example"}}}"#,
    )
    .unwrap();
    assert_eq!(
        g.get_source("ann-example").unwrap().kind,
        SourceKind::Person
    );
    assert!(report.notes.iter().all(|n| !n.contains("names nobody")));
}

// ----- ratings ---------------------------------------------------------------------------------

#[test]
fn a_reversed_scale_at_its_worst_gives_truth_zero_not_minus_zero() {
    let (g, _) = ClaimGraph::from_claimreview_json(&review(
        "x",
        r#"{"ratingValue": 5, "bestRating": 1, "worstRating": 5, "alternateName": "Fake"}"#,
    ))
    .unwrap();
    let truth = g.verdicts().next().unwrap().truth().unwrap();
    assert_eq!(truth, 0.0);
    assert!(truth.is_sign_positive(), "{truth}");
    let assessment = g.assess("x").unwrap();
    assert!(
        assessment
            .reasons
            .iter()
            .all(|r| !r.detail.contains("-0.0")),
        "{:?}",
        assessment.reasons
    );
}

#[test]
fn value_worst_and_best_all_minus_one_is_no_numeric_rating() {
    let (g, report) = ClaimGraph::from_claimreview_json(&review(
        "x",
        r#"{"ratingValue": -1, "bestRating": -1, "worstRating": -1, "alternateName": "Missing context"}"#,
    ))
    .unwrap();
    let v = g.verdicts().next().unwrap();
    assert_eq!(v.rating, None);
    assert_eq!(v.label, "Missing context");
    let rating_notes: Vec<&String> = report
        .notes
        .iter()
        .filter(|n| n.contains("reviewRating"))
        .collect();
    assert_eq!(rating_notes.len(), 1, "{:?}", report.notes);
    assert!(
        rating_notes[0].contains("no numeric rating"),
        "{rating_notes:?}"
    );
}
