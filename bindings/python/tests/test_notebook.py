"""Notebook views: HTML reprs, the networkx graph, the pandas table."""

from __future__ import annotations

import sys

import pytest

from claimgraph import ClaimGraph


def test_graph_html_shows_counts_and_disputed_claims(
    graph: ClaimGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The table alone: with Graphviz installed, the picture below it shows every claim.
    monkeypatch.setattr("shutil.which", lambda name: None)
    html = graph._repr_html_()
    assert "<table>" in html
    assert "<td>attributions</td><td>4</td>" in html
    assert "containers" in html
    assert "DPRK delivered 6,700 containers of munitions to Russia" in html
    # An undisputed claim is not listed.
    assert "The DPRK firmly supports Russia" not in html


def test_html_escapes_what_users_wrote(empty: ClaimGraph) -> None:
    empty.add_source("a", "person", "A")
    empty.add_source("b", "person", "<b>B</b>")
    empty.add_claim("c", "<script>alert(1)</script>")
    empty.add_attribution("a", "c", "asserts")
    empty.add_attribution("b", "c", "denies")
    html = empty._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_status_html_is_a_small_table(graph: ClaimGraph) -> None:
    html = graph.status("containers")._repr_html_()
    assert html.startswith("<table>")
    assert "<td>deniers</td><td>dprk, russia</td>" in html
    assert "<td>disputed</td><td>True</td>" in html


def test_to_networkx_keeps_every_field(graph: ClaimGraph) -> None:
    graph.add_claim_relation("containers", "supports", "support")
    graph.add_verdict("rodong", "support", "True", rating=(5, 5, 1))
    g = graph.to_networkx()
    import networkx

    assert isinstance(g, networkx.MultiDiGraph)
    assert g.number_of_nodes() == len(graph)
    c = graph.counts()
    edges = c.attributions + c.source_relations + c.claim_relations + c.verdicts
    assert g.number_of_edges() == edges
    russia = g.nodes["russia"]
    assert russia["node_type"] == "source"
    assert (russia["kind"], russia["name"], russia["aliases"]) == (
        "government",
        "Russia",
        ["Russian Federation"],
    )
    containers = g.nodes["containers"]
    assert containers["node_type"] == "claim"
    assert containers["quantity"] == {"value": 6700.0, "unit": "containers"}
    assert containers["period"] == {"start": "2023-08", "end": "2024-02"}
    edge = g.edges["russia", "containers", "russia:denies:containers"]
    assert edge["edge_type"] == "attribution"
    assert (edge["stance"], edge["via"], edge["quote"]) == (
        "denies",
        [{"source": "article"}],
        "mad rumors",
    )
    rel = g.edges["op-ed", "putin", "op-ed:authored_by:putin"]
    assert (rel["edge_type"], rel["kind"]) == ("source_relation", "authored_by")
    cr = g.edges["containers", "support", "containers:supports:support"]
    assert cr["edge_type"] == "claim_relation"
    v = g.edges["rodong", "support", "rodong:verdict:support"]
    assert (v["edge_type"], v["label"], v["rating"]["value"]) == ("verdict", "True", 5.0)


def test_to_networkx_without_networkx_says_what_to_install(
    graph: ClaimGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "networkx", None)
    with pytest.raises(ImportError, match="pip install networkx"):
        graph.to_networkx()


def test_statuses_to_pandas(graph: ClaimGraph) -> None:
    frame = graph.statuses().to_pandas()
    assert list(frame.index) == ["containers", "support"]
    assert bool(frame.loc["containers", "disputed"]) is True
    assert frame.loc["support", "origins"] == ["putin"]
    assert int(frame.loc["support", "independent_origin_count"]) == 1


def test_to_pandas_without_pandas_says_what_to_install(
    graph: ClaimGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        graph.statuses().to_pandas()


def test_status_table_html_has_a_row_per_claim(graph: ClaimGraph) -> None:
    html = graph.statuses()._repr_html_()
    assert html.count("<tr>") == 3  # header + 2 claims


def test_reprs_are_readable(graph: ClaimGraph) -> None:
    assert repr(graph.status("containers")) == (
        "<Status of \"containers\": 1 asserting, 2 denying, 0 doubting, "
        "1 independent origin(s), disputed>"
    )
    assert repr(graph.statuses()) == "<StatusTable: 2 claim(s), 1 disputed>"
