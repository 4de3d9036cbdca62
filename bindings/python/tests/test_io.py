"""Native JSON (string and file) and JSON Lines ingest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph import ClaimGraph, FormatError, IngestReport

CORPUS = (
    '{"type":"meta","format_version":1,"counts":{"source":2,"claim":1,"attribution":2,"citation":1}}\n'
    '{"type":"source","id":"s0","kind":"anonymous_group","name":"officials","anonymous":true}\n'
    '{"type":"source","id":"s1","kind":"outlet","name":"The Daily","anonymous":false}\n'
    '{"type":"citation","id":"x0","from":"s1","to":"s0","date":"2024-06-18","cycle":false}\n'
    '{"type":"claim","id":"c0","text":"The mayor approved the budget"}\n'
    '{"type":"attribution","id":"a0","source":"s1","claim":"c0","stance":"asserts",'
    '"date":"2024-06-19","quote":null}\n'
    '{"type":"attribution","id":"a1","source":"s0","claim":"c0","stance":"denies",'
    '"date":"2024-06-19","quote":"no"}\n'
)


def test_native_json_is_versioned_and_round_trips(graph: ClaimGraph) -> None:
    text = graph.to_json()
    doc = json.loads(text)
    assert (doc["format"], doc["version"]) == ("claimgraph", 2)
    assert [s["id"] for s in doc["sources"]] == sorted(s.id for s in graph.sources())
    again = ClaimGraph.from_json(text)
    assert again == graph
    assert again.to_json() == text


def test_native_json_does_not_depend_on_the_order_of_adding() -> None:
    a, b = ClaimGraph(), ClaimGraph()
    for g, order in ((a, ["x", "y"]), (b, ["y", "x"])):
        for i in order:
            g.add_source(i, "person", i.upper())
    assert a.to_json() == b.to_json()


def test_save_and_load_with_str_or_path(graph: ClaimGraph, tmp_path: Path) -> None:
    as_path = tmp_path / "graph.json"
    graph.save(as_path)
    assert ClaimGraph.load(as_path) == graph
    as_str = str(tmp_path / "again.json")
    graph.save(as_str)
    assert ClaimGraph.load(as_str) == graph
    assert json.loads(as_path.read_text()) == json.loads(graph.to_json())


def test_loading_a_truncated_file_is_a_format_error(graph: ClaimGraph, tmp_path: Path) -> None:
    path = tmp_path / "graph.json"
    graph.save(path)
    text = path.read_text()
    path.write_text(text[: len(text) // 2])
    with pytest.raises(FormatError) as e:
        ClaimGraph.load(path)
    assert e.value.line is not None


def test_ingest_a_json_lines_file(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text(CORPUS)
    g = ClaimGraph()
    report = g.ingest_jsonl(path)
    assert isinstance(report, IngestReport)
    assert (report.lines, report.sources, report.claims) == (7, 2, 1)
    assert (report.attributions, report.citations) == (2, 1)
    assert g.source("s0").kind == "unnamed_group"
    assert g.status("c0").disputed
    assert g.status("c0").deniers == ("s0",)
    # The outlet cites the officials: one origin behind the assertion.
    assert [o.id for o in g.status("c0").origins] == ["s0"]


def test_ingest_json_lines_text() -> None:
    g = ClaimGraph()
    report = g.ingest_jsonl_text(CORPUS)
    assert report.attributions == 2
    assert g.attribution("a1").quote == "no"
    assert g.attribution("a0").said == "2024-06-19"


def test_from_jsonl_builds_a_new_graph(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text(CORPUS)
    g, report = ClaimGraph.from_jsonl(path)
    assert report.attributions == 2
    assert g.counts().attributions == 2
    other = ClaimGraph()
    other.ingest_jsonl_text(CORPUS)
    assert g == other


def test_a_bad_line_is_reported_with_its_number() -> None:
    bad = CORPUS + '{"type":"attribution","id":"a2","source":"s9","claim":"c0","stance":"asserts"}\n'
    with pytest.raises(FormatError) as e:
        ClaimGraph().ingest_jsonl_text(bad)
    assert e.value.line == 8
    assert e.value.format == "JSON Lines"


def test_cycle_citations_are_left_out_unless_asked_for() -> None:
    corpus = CORPUS.replace(
        '{"type":"claim"',
        '{"type":"citation","id":"x1","from":"s0","to":"s1","date":"2024-06-18","cycle":true}\n'
        '{"type":"claim"',
    )
    plain = ClaimGraph()
    report = plain.ingest_jsonl_text(corpus)
    assert (report.citations, report.skipped_cycle_citations) == (1, 1)
    assert not plain.contains_edge("x1")
    with_cycles = ClaimGraph()
    assert with_cycles.ingest_jsonl_text(corpus, include_cycles=True).citations == 2
    assert with_cycles.status("c0").circular_reporting


def test_from_jsonl_is_all_or_nothing_where_ingest_keeps_earlier_lines(tmp_path: Path) -> None:
    bad = CORPUS + '{"type":"claim","id":"c0","text":"Duplicate"}\n'
    path = tmp_path / "bad.jsonl"
    path.write_text(bad)
    with pytest.raises(FormatError):
        ClaimGraph.from_jsonl(path)
    g = ClaimGraph()
    with pytest.raises(FormatError):
        g.ingest_jsonl(path)
    assert g.counts().attributions == 2
