"""Parquet tables, Arrow tables and N-Triples from Python: the same tables the Rust API writes,
read back into an equal graph, and readable by pyarrow."""

import json
import pathlib

import pytest

import claimgraph
from claimgraph import ClaimGraph

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

TABLES = ["sources", "claims", "attributions", "source_relations", "claim_relations",
          "verdicts", "source_origins", "statement_origins", "claim_relatives", "statuses"]


@pytest.fixture
def graph() -> ClaimGraph:
    g = ClaimGraph()
    g.add_source("article", "document", "Analysis", published="2024-06-18")
    g.add_source("rok-sources", "unnamed_group", "ROK sources")
    g.add_source("russia", "government", "Russia", aliases=["RF"])
    g.add_claim("containers", "DPRK delivered 6,700 containers", subjects=["russia"],
                quantity=(6700, "containers"))
    g.add_claim("workers", "DPRK workers went to Russia")
    g.add_source_relation("article", "cites", "rok-sources")
    g.add_attribution("article", "containers", "asserts", said="2024-06")
    g.add_attribution("russia", "containers", "denies", quote="mad rumors", via="article",
                      covers=["workers"])
    return g


def test_to_parquet_writes_every_table_and_reads_back_equal(graph, tmp_path):
    files = graph.to_parquet(tmp_path / "tables")
    assert list(files) == TABLES
    assert all(isinstance(p, pathlib.Path) and p.is_file() for p in files.values())
    assert ClaimGraph.from_parquet(tmp_path / "tables") == graph
    attributions = pq.read_table(files["attributions"]).to_pylist()
    denial = next(a for a in attributions if a["stance"] == "denies")
    assert (denial["source"], denial["quote"]) == ("russia", "mad rumors")
    assert denial["via"] == [{"source": "article", "date": None}]
    assert denial["covers"] == ["workers"] and denial["basis"] == []


# The second model's fields that the keyword arguments do not reach yet: a reporting chain of
# dated hops, bounded dates, a relation holding for a time.
SECOND_MODEL = {
    "format": "claimgraph", "version": 2,
    "sources": [
        {"id": "abc", "kind": "outlet", "name": "ABC"},
        {"id": "church", "kind": "organization", "name": "The Church"},
        {"id": "paris", "kind": "person", "name": "Paris"},
        {"id": "wikinews", "kind": "document", "name": "Wikinews", "published": "2011-12-02"},
    ],
    "claims": [
        {"id": "disconnect", "text": "The Church disconnects members", "period": {"end": "../2011"}},
        {"id": "harassment", "text": "The Church harasses critics"},
    ],
    "attributions": [
        {"id": "denial", "source": "church", "claim": "disconnect", "stance": "denies",
         "said": "../2011-11-30",
         "via": [{"source": "abc", "date": "2011-11-30"}, {"source": "wikinews"}],
         "covers": ["harassment"]},
        {"id": "told", "source": "wikinews", "claim": "disconnect", "stance": "asserts",
         "basis": ["paris"]},
        {"id": "silent", "source": "abc", "claim": "harassment", "stance": "no_comment"},
    ],
    "source_relations": [
        {"id": "member", "from": "paris", "kind": "affiliated_with", "to": "church",
         "since": "1990", "until": "2009-06/2009-08"},
    ],
    "claim_relations": [],
    "verdicts": [],
}


def test_every_field_of_the_second_model_goes_through_the_tables(tmp_path):
    g = ClaimGraph.from_json(json.dumps(SECOND_MODEL))
    files = g.to_parquet(tmp_path)
    assert ClaimGraph.from_parquet(tmp_path) == g
    rows = {a["id"]: a for a in pq.read_table(files["attributions"]).to_pylist()}
    assert rows["denial"]["via"] == [{"source": "abc", "date": "2011-11-30"},
                                     {"source": "wikinews", "date": None}]
    assert rows["denial"]["said"] == "../2011-11-30"
    assert rows["denial"]["covers"] == ["harassment"]
    assert rows["told"]["basis"] == ["paris"]
    assert rows["silent"]["stance"] == "no_comment"
    (member,) = pq.read_table(files["source_relations"]).to_pylist()
    assert (member["since"], member["until"]) == ("1990", "2009-06/2009-08")
    assert g.to_arrow()["attributions"].equals(pq.read_table(files["attributions"]))


def test_source_origins_and_statuses_hold_the_cores_answers(graph, tmp_path):
    files = graph.to_parquet(str(tmp_path))
    origins = pq.read_table(files["source_origins"]).to_pylist()
    article = [o for o in origins if o["source"] == "article"]
    assert [(o["origin"], o["unnamed"]) for o in article] == [("rok-sources", True)]
    # The article's assertion traces back to the unnamed sources, who answer to no one else.
    (traced,) = pq.read_table(files["statement_origins"]).to_pylist()
    assert traced == {"attribution": graph.attributions()[0].id, "traced_from": "article",
                      "origin": "rok-sources", "answers_to": "rok-sources"}
    statuses = {s["claim"]: s for s in pq.read_table(files["statuses"]).to_pylist()}
    status = graph.status("containers")
    row = statuses["containers"]
    assert row["disputed"] == status.disputed is True
    assert row["origins"] == len(status.origins) == 1
    assert row["unnamed_only"] and row["interested_denial"]


def test_to_arrow_gives_pyarrow_tables_with_the_parquet_columns(graph, tmp_path):
    tables = graph.to_arrow()
    assert list(tables) == TABLES
    assert all(isinstance(t, pa.Table) for t in tables.values())
    assert tables["claims"].column("id").to_pylist() == ["containers", "workers"]
    assert tables["claims"].column("quantity_value").to_pylist() == [6700.0, None]
    files = graph.to_parquet(tmp_path)
    for name, table in tables.items():
        assert table.equals(pq.read_table(files[name])), name


def test_from_parquet_of_a_folder_without_tables_is_an_io_error(tmp_path):
    with pytest.raises(claimgraph.IoError):
        ClaimGraph.from_parquet(tmp_path / "nothing here")


def test_save_ntriples_writes_one_triple_per_line(graph, tmp_path):
    path = tmp_path / "graph.nt"
    n = graph.save_ntriples(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == n > 0
    assert all(line.endswith(" .") for line in lines)
    assert any('<https://claimgraph.org/ns#stance> "denies" .' in line for line in lines)
