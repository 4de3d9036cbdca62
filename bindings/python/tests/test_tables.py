"""Parquet tables, Arrow tables and N-Triples from Python: the same tables the Rust API writes,
read back into an equal graph, and readable by pyarrow."""

import pathlib

import pytest

import claimgraph
from claimgraph import ClaimGraph

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

TABLES = ["sources", "claims", "attributions", "source_relations", "claim_relations",
          "verdicts", "source_origins", "statuses"]


@pytest.fixture
def graph() -> ClaimGraph:
    g = ClaimGraph()
    g.add_source("article", "document", "Analysis", published="2024-06-18")
    g.add_source("rok-sources", "unnamed_group", "ROK sources")
    g.add_source("russia", "government", "Russia", aliases=["RF"])
    g.add_claim("containers", "DPRK delivered 6,700 containers", subjects=["russia"],
                quantity=(6700, "containers"))
    g.add_source_relation("article", "cites", "rok-sources")
    g.add_attribution("article", "containers", "asserts", said="2024-06")
    g.add_attribution("russia", "containers", "denies", quote="mad rumors", via="article")
    return g


def test_to_parquet_writes_every_table_and_reads_back_equal(graph, tmp_path):
    files = graph.to_parquet(tmp_path / "tables")
    assert list(files) == TABLES
    assert all(isinstance(p, pathlib.Path) and p.is_file() for p in files.values())
    assert ClaimGraph.from_parquet(tmp_path / "tables") == graph
    attributions = pq.read_table(files["attributions"]).to_pylist()
    denial = next(a for a in attributions if a["stance"] == "denies")
    assert (denial["source"], denial["quote"], denial["via"]) == ("russia", "mad rumors", "article")


def test_source_origins_and_statuses_hold_the_cores_answers(graph, tmp_path):
    files = graph.to_parquet(str(tmp_path))
    origins = pq.read_table(files["source_origins"]).to_pylist()
    article = [o for o in origins if o["source"] == "article"]
    assert [(o["origin"], o["unnamed"]) for o in article] == [("rok-sources", True)]
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
    assert tables["claims"].column("id").to_pylist() == ["containers"]
    assert tables["claims"].column("quantity_value").to_pylist() == [6700.0]
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
