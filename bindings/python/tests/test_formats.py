"""Formats shared with other tools: W3C PROV-JSON, schema.org ClaimReview, DOT and Mermaid."""

from __future__ import annotations

import json

import pytest

from claimgraph import ClaimGraph, FormatError, ImportReport, NotFoundError

REVIEW = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://example.org/review",
    "datePublished": "2024-07-01",
    "claimReviewed": "The moon is made of cheese",
    "author": {"@type": "Organization", "name": "Fact Checker"},
    "reviewRating": {
        "@type": "Rating",
        "ratingValue": 1,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "False",
    },
    "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Someone"}},
}


def test_prov_json_round_trips(graph: ClaimGraph) -> None:
    graph.add_source("checker", "organization", "Checker")
    graph.add_verdict("checker", "containers", "Unproven", date="2024-07-01")
    doc = json.loads(graph.to_prov_json())
    assert "agent" in doc or "entity" in doc
    again, report = ClaimGraph.from_prov_json(graph.to_prov_json())
    assert isinstance(report, ImportReport)
    assert again == graph
    assert report.added == graph.counts()
    assert report.skipped == ()


def test_prov_json_errors_say_where() -> None:
    with pytest.raises(FormatError) as e:
        ClaimGraph.from_prov_json("{not json")
    assert (e.value.format, e.value.line, e.value.column) == ("PROV-JSON", 1, 2)


def test_claimreview_from_another_tool() -> None:
    g, report = ClaimGraph.from_claimreview_json(json.dumps(REVIEW))
    [verdict] = g.verdicts()
    assert verdict.label == "False"
    assert verdict.rating is not None and verdict.rating.normalized == 0.0
    assert verdict.url == "https://example.org/review"
    [claim] = g.claims()
    assert claim.text == "The moon is made of cheese"
    # The claimant asserts the claim; the reviewer is a source too.
    [a] = g.attributions()
    assert g.source(a.source).name == "Someone"
    assert g.source(verdict.reviewer).name == "Fact Checker"
    assert report.added.verdicts == 1
    assert report.notes  # the review's date stood in for when the claim was said


def test_claimreview_import_adds_to_a_graph_and_export_reads_back(graph: ClaimGraph) -> None:
    before = graph.counts()
    report = graph.import_claimreview(json.dumps(REVIEW))
    assert graph.counts().claims == before.claims + report.added.claims == before.claims + 1
    again, _ = ClaimGraph.from_claimreview_json(graph.to_claimreview_json())
    assert [v.label for v in again.verdicts()] == ["False"]


def test_pictures_of_the_graph_and_of_one_claim(graph: ClaimGraph) -> None:
    whole = graph.to_dot()
    assert whole.startswith("digraph")
    around = graph.to_dot(claim="containers")
    assert "containers" in around and '"support"' not in around
    assert graph.to_mermaid().startswith("flowchart")
    assert "containers" in graph.to_mermaid(claim="containers")
    with pytest.raises(NotFoundError):
        graph.to_mermaid(claim="nope")


def test_what_a_prov_import_cannot_keep_is_reported_not_dropped() -> None:
    doc = {
        "prefix": {"ex": "http://example.org/"},
        "agent": {"ex:reporter": {"prov:type": "prov:Person", "ex:name": "Reporter"}},
        "activity": {"ex:writing": {}},
        "bundle": {"ex:b1": {"entity": {"ex:e2": {}}}},
    }
    _, report = ClaimGraph.from_prov_json(json.dumps(doc))
    assert report.bundles == ("ex:b1",)
    by_kind = {s.kind: s for s in report.skipped}
    activity = by_kind["activity"]
    assert (activity.id, activity.attribute) == ("ex:writing", None)
    assert activity.reason
    attribute = next(s for s in report.skipped if s.attribute == "ex:name")
    assert (attribute.id, attribute.value) == ("ex:reporter", '"Reporter"')
