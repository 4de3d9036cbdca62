"""Building, reading, updating and removing records; the graph as a mapping of node ids."""

from __future__ import annotations

import copy
import pickle

import pytest

import claimgraph
from claimgraph import (
    Attribution,
    Claim,
    ClaimGraph,
    NotFoundError,
    RecordKind,
    Records,
    Source,
    SourceRelation,
    Verdict,
)


def test_each_add_returns_the_record_it_created(empty: ClaimGraph) -> None:
    s = empty.add_source("rok", "government", "ROK", aliases=["South Korea"])
    assert s == Source("rok", "government", "ROK", aliases=["South Korea"])
    c = empty.add_claim("c", "A claim", subjects=["rok"])
    assert empty.claim("c") == c
    a = empty.add_attribution("rok", "c", "asserts", quote="words")
    assert empty.attribution(a.id) == a
    empty.add_source("outlet", "outlet", "Outlet")
    rel = empty.add_source_relation("outlet", "cites", "rok", date="2024-06-18")
    assert empty.source_relation(rel.id) == rel
    empty.add_claim("d", "Another claim")
    crel = empty.add_claim_relation("c", "contradicts", "d")
    assert empty.claim_relation(crel.id) == crel
    v = empty.add_verdict("outlet", "c", "False", rating=(1, 5, 1))
    assert empty.verdict(v.id) == v
    counts = empty.counts()
    assert (counts.sources, counts.claims, counts.attributions) == (2, 2, 1)
    assert (counts.source_relations, counts.claim_relations, counts.verdicts) == (1, 1, 1)


def test_add_takes_record_objects_of_every_kind(empty: ClaimGraph) -> None:
    records = [
        Source("a", "person", "A"),
        Source("b", "outlet", "B"),
        Claim("c", "C"),
        Claim("d", "D"),
        Attribution("a", "c", "asserts"),
        SourceRelation("b", "cites", "a"),
        claimgraph.ClaimRelation("c", "supports", "d"),
        Verdict("b", "c", "True"),
    ]
    for r in records:
        empty.add(r)
    assert empty.records() == Records(
        sources=records[:2],
        claims=records[2:4],
        attributions=[records[4]],
        source_relations=[records[5]],
        claim_relations=[records[6]],
        verdicts=[records[7]],
    )
    with pytest.raises(TypeError, match="add\\(\\) takes a Source"):
        empty.add("a")  # type: ignore[arg-type]


def test_the_graph_reads_like_a_mapping_of_node_ids(graph: ClaimGraph) -> None:
    assert len(graph) == 9  # 7 sources + 2 claims; edges are not counted
    assert "rok-sources" in graph and "containers" in graph
    assert "rok-sources:asserts:containers" not in graph  # an edge id
    assert 42 not in graph
    assert graph.contains_edge("rok-sources:asserts:containers")
    assert isinstance(graph["russia"], Source)
    assert isinstance(graph["containers"], Claim)
    with pytest.raises(KeyError):
        graph["nobody"]
    ids = list(graph)
    assert ids[:7] == ["article", "rok-sources", "russia", "dprk", "putin", "op-ed", "rodong"]
    assert ids[7:] == ["containers", "support"]
    assert all(graph[i].id == i for i in graph)
    assert bool(graph) and not bool(ClaimGraph())


def test_iterating_claims_and_sources_in_the_order_added(graph: ClaimGraph) -> None:
    assert [c.id for c in graph.claims()] == ["containers", "support"]
    assert [s.id for s in graph.sources()][:3] == ["article", "rok-sources", "russia"]
    assert len(graph.attributions()) == 4
    assert len(graph.source_relations()) == 4
    assert graph.claim_relations() == [] and graph.verdicts() == []


def test_edges_of_a_record(graph: ClaimGraph) -> None:
    assert [a.source for a in graph.attributions_of("containers")] == [
        "dprk",
        "rok-sources",
        "russia",
    ]
    assert [a.claim for a in graph.attributions_by("op-ed")] == ["support"]
    assert {r.kind for r in graph.relations_of_source("op-ed")} == {"authored_by", "published_in"}
    assert graph.relations_of_claim("containers") == []
    graph.add_verdict("rodong", "support", "True")
    assert [v.label for v in graph.verdicts_of("support")] == ["True"]
    with pytest.raises(NotFoundError):
        graph.attributions_of("rok-sources")  # a source, not a claim


def test_kind_of_names_the_record_kind(graph: ClaimGraph) -> None:
    assert graph.kind_of("russia") is RecordKind.SOURCE
    assert graph.kind_of("containers") is RecordKind.CLAIM
    assert graph.kind_of("op-ed:authored_by:putin") is RecordKind.SOURCE_RELATION
    assert graph.kind_of("nothing") is None


def test_updates_replace_a_record_and_return_the_old_one(graph: ClaimGraph) -> None:
    old = graph.source("russia")
    returned = graph.update_source(old.replace(name="Russian Federation", reliability="C"))
    assert returned == old
    assert graph.source("russia").name == "Russian Federation"
    # Its edges stay.
    assert graph.status("containers").deniers == ("dprk", "russia")

    c = graph.claim("support")
    graph.update_claim(c.replace(tags=["diplomacy"]))
    assert graph.claim("support").tags == ("diplomacy",)

    a = graph.attribution("op-ed:asserts:support")
    graph.update_attribution(a.replace(modality="expected"))
    assert graph.attribution(a.id).modality == "expected"

    r = graph.source_relation("op-ed:published_in:rodong")
    graph.update_source_relation(r.replace(date="2024-06-18"))
    assert graph.source_relation(r.id).date == "2024-06-18"

    graph.add_claim_relation("containers", "supports", "support")
    cr = graph.claim_relation("containers:supports:support")
    graph.update_claim_relation(cr.replace(kind="contradicts"))
    assert graph.claim_relation(cr.id).kind == "contradicts"

    v = graph.add_verdict("rodong", "support", "True")
    graph.update_verdict(v.replace(label="Mostly true"))
    assert graph.verdict(v.id).label == "Mostly true"


def test_a_failed_update_changes_nothing(graph: ClaimGraph) -> None:
    before = graph.copy()
    a = graph.attribution("op-ed:asserts:support")
    with pytest.raises(NotFoundError):
        graph.update_attribution(a.replace(via="no-such-source"))
    assert graph == before


def test_removing_records(graph: ClaimGraph) -> None:
    removed = graph.remove_attribution("russia:denies:containers")
    assert removed.source == "russia"
    assert graph.status("containers").deniers == ("dprk",)
    # Removing a source drops its edges and clears it as a subject and as a via.
    graph.remove_source("article")
    assert graph.attribution("rok-sources:asserts:containers").via == ()
    graph.remove_source("dprk")
    assert graph.claim("containers").subjects == ("russia",)
    assert graph.status("containers").deniers == ()
    assert graph.remove_source_relation("op-ed:published_in:rodong").to == "rodong"
    graph.add_claim_relation("containers", "supports", "support")
    assert graph.remove_claim_relation("containers:supports:support").from_ == "containers"
    v = graph.add_verdict("rodong", "support", "True")
    assert graph.remove_verdict(v.id) == v
    assert graph.remove_claim("support").id == "support"
    assert "support" not in graph
    with pytest.raises(NotFoundError):
        graph.remove_claim("support")


def test_accessors_raise_not_found_for_every_kind(graph: ClaimGraph) -> None:
    for get in (
        graph.source,
        graph.claim,
        graph.attribution,
        graph.source_relation,
        graph.claim_relation,
        graph.verdict,
    ):
        with pytest.raises(NotFoundError):
            get("missing")
    with pytest.raises(NotFoundError) as e:
        graph.source("containers")  # a claim, not a source
    assert e.value.kind is RecordKind.SOURCE


def test_records_round_trip_through_a_new_graph(graph: ClaimGraph) -> None:
    records = graph.records()
    assert [s.id for s in records.sources] == sorted(s.id for s in graph.sources())
    rebuilt = ClaimGraph.from_records(records)
    assert rebuilt == graph
    other = ClaimGraph()
    other.add_records(records)
    assert other == graph


def test_equality_ignores_the_order_records_were_added() -> None:
    a, b = ClaimGraph(), ClaimGraph()
    a.add_source("x", "person", "X")
    a.add_source("y", "person", "Y")
    b.add_source("y", "person", "Y")
    b.add_source("x", "person", "X")
    assert a == b
    b.add_claim("c", "C")
    assert a != b
    assert a != "not a graph"


def test_copies_are_independent(graph: ClaimGraph) -> None:
    for dup in (graph.copy(), copy.copy(graph), copy.deepcopy(graph)):
        assert dup == graph and dup is not graph
        dup.remove_claim("support")
        assert "support" in graph


def test_a_graph_pickles_through_its_native_json(graph: ClaimGraph) -> None:
    assert pickle.loads(pickle.dumps(graph)) == graph


def test_graphs_are_not_hashable(graph: ClaimGraph) -> None:
    with pytest.raises(TypeError):
        hash(graph)


def test_repr_counts_records(graph: ClaimGraph) -> None:
    assert repr(graph).startswith("<ClaimGraph: 7 source(s), 2 claim(s), 4 attribution(s)")
