"""Draft graphs from article text: claimgraph.extract and its Extraction."""

from __future__ import annotations

import json

import pytest

import claimgraph
from claimgraph import SourceKind, Stance

from conftest import ROOT

REFERENCE = ROOT.parent / "shared" / "reference" / "putin-dprk-visit-2024-06-18.txt"
GUM = ROOT.parent / "shared" / "extraction" / "gum-news"


def test_spans_are_python_string_indices() -> None:
    text = "Der Minister Jürgen Müller said that the café will close."
    x = claimgraph.extract(text)
    a = x.attributions[0]
    s, e = a["source"]
    assert text[s:e].endswith("Jürgen Müller")
    s, e = a["content"]
    assert text[s:e] == "that the café will close."
    assert text[slice(*a["cue"])] == "said"
    assert a["stance"] == "asserts" and a["polarity"] == "positive"
    assert 0.0 < a["confidence"] <= 1.0


def test_the_draft_is_a_claim_graph_via_the_article() -> None:
    x = claimgraph.extract(
        "ROK sources have claimed that DPRK delivered 6,700 containers to Russia. "
        'Both Russia and DPRK have denied these claims, calling them "mad rumors."',
        article="Putin's visit to DPRK",
    )
    g = x.graph
    assert g["rok-sources"].kind == SourceKind.UNNAMED_GROUP
    assert g[x.article_id].title == "Putin's visit to DPRK"
    denials = [a for a in g.attributions() if a.stance == Stance.DENIES]
    assert sorted(a.source for a in denials) == ["dprk", "russia"]
    assert all(a.quote == "mad rumors" and a.reported_in == x.article_id for a in denials)
    claim = x.attributions[0]["claim"]
    assert g.status(claim).disputed


def test_an_article_source_is_used_as_given() -> None:
    article = claimgraph.Source("yen-2024-06-18", "document", "Yangcheng Evening News analysis",
                                published="2024-06-18")
    x = claimgraph.extract("Officials said the talks had failed.", article=article)
    assert x.article_id == "yen-2024-06-18"
    assert x.graph.attributions()[0].reported_in == "yen-2024-06-18"


def test_the_reference_article_finds_its_sources_with_their_kinds() -> None:
    x = claimgraph.extract(REFERENCE.read_text(encoding="utf-8"))
    kinds = {a["source_kind"] for a in x.attributions}
    assert {"collective", "unnamed_group", "document", "person"} <= kinds
    names = {s.name: s.kind for s in x.graph.sources()}
    assert names["the West"] == SourceKind.COLLECTIVE
    assert names["ROK sources"] == SourceKind.UNNAMED_GROUP
    assert names["Russia"] == SourceKind.GOVERNMENT


def test_records_point_at_their_words() -> None:
    text = "According to a report seen by Reuters, the company lost money."
    x = claimgraph.extract(text)
    kinds = {r["kind"] for r in x.records}
    assert {"source", "claim", "attribution", "source_relation"} <= kinds
    for r in x.records:
        assert r["spans"] and all(text[s:e].strip() for s, e in r["spans"])


def test_prediction_matches_the_evaluation_format() -> None:
    doc = json.loads((GUM / "worship.json").read_text(encoding="utf-8"))
    x = claimgraph.extract(doc["text"])
    p = x.prediction("worship")
    assert p["doc"] == "worship"
    n = len(doc["text"])
    assert p["attributions"] and all(0 <= a["content"][0] < a["content"][1] <= n
                                     for a in p["attributions"])
    assert json.loads(json.dumps(p)) == p


def test_notebook_view() -> None:
    x = claimgraph.extract("Officials said <prices> would rise.")
    html = x._repr_html_()
    assert html == x.to_html()
    assert '<span class="cgx-source">Officials</span>' in html
    assert "&lt;prices&gt;" in html
    assert len(x) == 1
    assert "1 attribution" in repr(x)


def test_bad_arguments_raise_type_errors() -> None:
    with pytest.raises(TypeError):
        claimgraph.extract(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        claimgraph.extract("text", article=3)  # type: ignore[arg-type]
