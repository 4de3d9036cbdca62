"""ClaimReview as publishers write it, through the Python binding: each shape of the feeds the
core reads (a lenient import, publishers' dates, empty strings, MediaReview, appearances, group
claimants), with the import report saying what was kept, changed and skipped. The documents are
written here in the shapes of real feeds; the rules are the core's (core/tests/claimreview_feeds.rs)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from claimgraph import ClaimGraph, FormatError, InvalidInputError, SourceKind, Stance


def review(claim: str, **extra: Any) -> dict[str, Any]:
    r: dict[str, Any] = {
        "@type": "ClaimReview",
        "claimReviewed": claim,
        "author": {"@type": "Organization", "name": "Desk"},
        "reviewRating": {"@type": "Rating", "alternateName": "False"},
    }
    r.update(extra)
    return r


def test_a_lenient_import_keeps_the_good_reviews_and_names_each_bad_one() -> None:
    bad = review("Two", reviewRating={"ratingValue": "lots"})
    feed = json.dumps([review("One"), bad, review("Three")])
    with pytest.raises((FormatError, InvalidInputError)):
        ClaimGraph.from_claimreview_json(feed)
    g, report = ClaimGraph.from_claimreview_json(feed, lenient=True)
    assert sorted(c.id for c in g.claims()) == ["one", "three"]
    (rejected,) = report.rejected
    assert (rejected.index, rejected.record) == (1, "$[1]")
    assert "ratingValue" in rejected.field and rejected.reason


@pytest.mark.parametrize(
    "written, read",
    [
        ("Wed, 11 Mar 2020 01:05:52 UTC +00:00", "2020-03-11T01:05:52+00:00"),
        ("Sat, 07 Nov 2020", "2020-11-07"),
        ("2017-03-01 20:30:17 UTC", "2017-03-01T20:30:17+00:00"),
    ],
)
def test_the_dates_publishers_write_are_read(written: str, read: str) -> None:
    g, _ = ClaimGraph.from_claimreview_json(json.dumps(review("x", datePublished=written)))
    assert [v.date for v in g.verdicts()] == [read]


def test_a_date_without_a_zone_is_its_day_and_an_unreadable_one_is_noted() -> None:
    g, report = ClaimGraph.from_claimreview_json(json.dumps(review("x", datePublished="2020-10-07 20:05")))
    assert [v.date for v in g.verdicts()] == ["2020-10-07"]
    assert sum("no time zone" in n for n in report.notes) == 1
    g, report = ClaimGraph.from_claimreview_json(json.dumps(review("x", datePublished="le 3 brumaire")))
    assert [v.date for v in g.verdicts()] == [None]
    assert any('"le 3 brumaire" is not a date' in n for n in report.notes)


def test_empty_strings_are_no_values() -> None:
    def afp(claim: str) -> dict[str, Any]:
        return review(
            claim,
            author={"@type": "Organization", "@id": "", "name": "AFP Factuel", "url": ""},
            itemReviewed={
                "@type": "CreativeWork",
                "@id": "",
                "name": "",
                "url": "",
                "author": {"@type": "Person", "@id": "", "name": ""},
            },
        )

    g, _ = ClaimGraph.from_claimreview_json(json.dumps([afp("Claim one"), afp("Claim two")]))
    assert [s.id for s in g.sources()] == ["afp-factuel"]
    assert g.counts().attributions == 0


def test_a_media_review_is_read_as_the_claim_review_it_carries() -> None:
    feed = [
        {
            "@type": "MediaReview",
            "mediaAuthenticityCategory": "TransformedContent",
            "associatedClaimReview": review("The video shows a flood in 2024"),
        },
        {"@type": "MediaReview", "mediaAuthenticityCategory": "OriginalMediaContext"},
    ]
    g, report = ClaimGraph.from_claimreview_json(json.dumps(feed))
    assert [v.claim for v in g.verdicts()] == ["the-video-shows-a-flood-in-2024"]
    skipped = {(s.kind, s.attribute) for s in report.skipped}
    assert ("attribute", "mediaAuthenticityCategory") in skipped
    whole = next(s for s in report.skipped if s.kind == "MediaReview")
    assert whole.id == "$[1]" and "associatedClaimReview" in whole.reason


def test_every_appearance_is_a_document_where_the_claim_circulated() -> None:
    posts = [
        {"@type": "SocialMediaPosting", "url": f"https://social.example/post/{i}", "datePublished": f"2024-03-0{i}"}
        for i in range(1, 8)
    ]
    item = {"@type": "Claim", "firstAppearance": posts[0], "appearance": posts}
    g, report = ClaimGraph.from_claimreview_json(json.dumps(review("A shark swam down the highway", itemReviewed=item)))
    seen = g.attributions_of("a-shark-swam-down-the-highway")
    assert len(seen) == 7
    for a in seen:
        doc = g.source(a.source)
        assert doc.kind is SourceKind.DOCUMENT and a.stance is Stance.ASSERTS
        assert a.said == doc.published
    assert any("7 documents" in n for n in report.notes)


@pytest.mark.parametrize("name", ["Fuentes varias", "multiple sources", "social media users"])
def test_person_claimants_named_as_groups_become_unnamed_groups(name: str) -> None:
    item = {"@type": "Claim", "author": {"@type": "Person", "name": name}}
    g, report = ClaimGraph.from_claimreview_json(json.dumps(review("Cows fly", itemReviewed=item)))
    (claimant,) = [g.source(a.source) for a in g.attributions_of("cows-fly")]
    assert claimant.kind is SourceKind.UNNAMED_GROUP
    assert any(name in n for n in report.notes)


def test_nothing_is_dropped_silently() -> None:
    r = review(
        "Cows fly",
        name="Do cows fly?",
        sameAs="https://other.example/review/1",
        keywords=["cows", "flight"],
        somethingNew={"x": 1},
    )
    g, report = ClaimGraph.from_claimreview_json(json.dumps(r))
    kept_or_skipped = {s.attribute for s in report.skipped}
    assert "somethingNew" in kept_or_skipped
    # The review's keywords are the claim's tags; its name and sameAs have no place, so are listed.
    assert g.claim("cows-fly").tags == ("cows", "flight")
    assert {"name", "sameAs"} <= kept_or_skipped
