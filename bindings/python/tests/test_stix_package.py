"""What `to_stix_json()` writes is valid STIX 2.1 for the OASIS validator (`stix2-validator`
on PyPI) with zero errors, loads in the `stix2` package with the objects the mapping promises,
and reads back into an equal graph; ClaimReview's lenient import from Python.

The mapping (see `ClaimGraph::to_stix_json` in the core): sources are `identity`, claims
`note`, stances and verdicts `opinion` by the source or reviewer on the claim's note, relations
`relationship`; ids are UUIDv5 of the claimgraph ids.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest

from claimgraph import ClaimGraph
from test_prov_package import _every_kind, _reference_article

validator = pytest.importorskip("stix2validator", reason="stix2-validator is a test dependency")
stix2 = pytest.importorskip("stix2", reason="stix2 is a test dependency")


@pytest.fixture(params=["every_kind", "reference_article"])
def graph(request: pytest.FixtureRequest) -> ClaimGraph:
    return _every_kind() if request.param == "every_kind" else _reference_article()


def test_every_exported_bundle_is_valid_stix_with_zero_errors(graph: ClaimGraph) -> None:
    # The whole bundle is validated as one object; its errors name the objects at fault.
    results = validator.validate_string(graph.to_stix_json())
    assert [str(e) for e in results.errors] == []
    assert results.is_valid


def test_the_stix2_package_loads_the_objects_the_mapping_promises(graph: ClaimGraph) -> None:
    bundle: Any = stix2.parse(graph.to_stix_json(), allow_custom=True)
    types = Counter(o.type for o in bundle.objects)
    counts = graph.counts()
    assert types["identity"] == counts.sources
    assert types["note"] == counts.claims
    assert types["opinion"] == counts.attributions + counts.verdicts
    assert types["relationship"] == counts.source_relations + counts.claim_relations
    by_id = {o.id: o for o in bundle.objects}
    for a in graph.attributions():
        opinion = next(o for o in bundle.objects if getattr(o, "x_claimgraph_id", None) == a.id)
        assert opinion.opinion == {"asserts": "agree", "denies": "disagree", "doubts": "neutral"}[
            str(a.stance)
        ]
        assert by_id[opinion.created_by_ref].x_claimgraph_id == a.source
        assert by_id[opinion.object_refs[0]].content == graph.claim(a.claim).text
        assert getattr(opinion, "explanation", None) == a.quote


def test_a_bundle_reads_back_into_an_equal_graph_and_is_the_same_every_time(
    graph: ClaimGraph,
) -> None:
    text = graph.to_stix_json()
    back, report = ClaimGraph.from_stix_json(text)
    assert back == graph
    assert report.skipped == ()
    assert back.to_stix_json() == text


def test_what_stix2_writes_back_imports_into_an_equal_graph(graph: ClaimGraph) -> None:
    bundle: Any = stix2.parse(graph.to_stix_json(), allow_custom=True)
    back, _ = ClaimGraph.from_stix_json(bundle.serialize())
    assert back == graph


def test_claimreview_lenient_import_reports_each_review_it_cannot_read() -> None:
    def review(claim: str, rating: str) -> dict[str, Any]:
        return {
            "@type": "ClaimReview",
            "claimReviewed": claim,
            "author": {"@type": "Organization", "name": "Desk"},
            "reviewRating": {"alternateName": "False", "ratingValue": rating},
        }

    feed = json.dumps([review("Cows fly", "1"), review("Pigs fly", "lots")])
    with pytest.raises(ValueError):
        ClaimGraph.from_claimreview_json(feed)
    g, report = ClaimGraph.from_claimreview_json(feed, lenient=True)
    assert [c.text for c in g.claims()] == ["Cows fly"]
    (rejected,) = report.rejected
    assert (rejected.index, rejected.record, rejected.field) == (
        1,
        "$[1]",
        "$[1].reviewRating.ratingValue",
    )
    assert "not a number" in rejected.reason
    g2 = ClaimGraph()
    assert g2.import_claimreview(feed, lenient=True).rejected == report.rejected
