"""Pictures in a notebook: a graph and a status draw themselves with Graphviz when it is
installed, and fall back to their HTML tables when it is not."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

import claimgraph._notebook as notebook
from claimgraph import ClaimGraph

#: A stand-in for Graphviz's `dot`: it keeps what it was given beside itself and answers with an
#: SVG document (prolog, doctype, then the root) that records how often it ran.
FAKE_DOT = """#!{python}
import pathlib, sys
here = pathlib.Path(sys.argv[0]).parent
assert sys.argv[1:] == ["-Tsvg"], sys.argv
(here / "input.dot").write_bytes(sys.stdin.buffer.read())
runs = here / "runs"
runs.write_text(str(int(runs.read_text()) + 1 if runs.exists() else 1))
sys.stdout.write('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\\n'
                 '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd">\\n'
                 '<svg xmlns="http://www.w3.org/2000/svg"><title>fake</title></svg>\\n')
sys.exit({status})
"""


def fake_dot(folder: Path, monkeypatch: pytest.MonkeyPatch, status: int = 0) -> Path:
    """Puts a fake `dot` first on PATH (and only it: no real Graphviz is found) and returns
    its folder."""
    folder.mkdir(exist_ok=True)
    dot = folder / "dot"
    dot.write_text(FAKE_DOT.format(python=sys.executable, status=status))
    dot.chmod(0o755)
    monkeypatch.setenv("PATH", str(folder))
    return folder


def runs(folder: Path) -> int:
    counter = folder / "runs"
    return int(counter.read_text()) if counter.exists() else 0


# ----- without Graphviz ----------------------------------------------------------------------


def test_without_graphviz_there_is_no_svg_and_the_html_is_the_table(
    graph: ClaimGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An empty PATH: `dot` is nowhere to be found.
    monkeypatch.setenv("PATH", str(tmp_path))
    assert shutil.which("dot") is None
    assert graph._repr_svg_() is None
    status = graph.status("containers")
    assert status._repr_svg_() is None
    html = graph._repr_html_()
    assert "<svg" not in html
    assert "<td>attributions</td><td>4</td>" in html
    assert status._repr_html_().startswith("<table>")
    assert "<svg" not in status._repr_html_()


def test_which_is_what_decides_that_graphviz_is_missing(
    graph: ClaimGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = fake_dot(tmp_path / "bin", monkeypatch)
    monkeypatch.setattr(notebook.shutil, "which", lambda name: None)
    assert graph._repr_svg_() is None
    assert graph.status("support")._repr_svg_() is None
    assert runs(folder) == 0


# ----- with Graphviz (a stand-in) ------------------------------------------------------------


def test_the_graph_draws_its_whole_picture(
    graph: ClaimGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = fake_dot(tmp_path / "bin", monkeypatch)
    svg = graph._repr_svg_()
    assert svg is not None
    # The root element, without the prolog and doctype, so it also works inline in HTML.
    assert svg.startswith("<svg")
    assert (folder / "input.dot").read_text(encoding="utf-8") == graph.to_dot()


def test_a_status_draws_its_claims_neighbourhood(
    graph: ClaimGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = fake_dot(tmp_path / "bin", monkeypatch)
    svg = graph.status("support")._repr_svg_()
    assert svg is not None and svg.startswith("<svg")
    drawn = (folder / "input.dot").read_text(encoding="utf-8")
    assert drawn == graph.to_dot(claim="support")
    assert '"containers"' not in drawn


def test_with_graphviz_the_html_shows_the_picture_beside_the_table(
    graph: ClaimGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = fake_dot(tmp_path / "bin", monkeypatch)
    html = graph._repr_html_()
    assert "<td>attributions</td><td>4</td>" in html
    assert "<svg" in html and "<?xml" not in html and "<!DOCTYPE" not in html
    status_html = graph.status("containers")._repr_html_()
    assert status_html.startswith("<table>")
    assert "<svg" in status_html
    # A notebook asks for the HTML and the SVG in a row: Graphviz lays out each picture once.
    graph._repr_svg_()
    graph.status("containers")._repr_svg_()
    assert runs(folder) == 2


def test_a_status_whose_claim_was_removed_shows_its_table(
    graph: ClaimGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_dot(tmp_path / "bin", monkeypatch)
    status = graph.status("support")
    graph.remove_claim("support")
    assert status._repr_svg_() is None
    assert status._repr_html_().startswith("<table>")


def test_when_graphviz_fails_the_table_is_shown(
    graph: ClaimGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = fake_dot(tmp_path / "bin", monkeypatch, status=1)
    assert graph._repr_svg_() is None
    assert "<svg" not in graph._repr_html_()
    assert runs(folder) == 1


def test_a_picture_too_large_to_read_is_not_drawn(
    graph: ClaimGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = fake_dot(tmp_path / "bin", monkeypatch)
    # The fixture holds 7 sources, 2 claims, 4 attributions and 4 source relations.
    monkeypatch.setattr(notebook, "PICTURE_LIMIT", 16)
    assert graph._repr_svg_() is None
    assert runs(folder) == 0
    # Around "support": the claim, the op-ed asserting it and Putin who wrote the op-ed (its
    # origin), joined by two edges.
    monkeypatch.setattr(notebook, "PICTURE_LIMIT", 5)
    assert graph.status("support")._repr_svg_() is not None
    assert runs(folder) == 1
    monkeypatch.setattr(notebook, "PICTURE_LIMIT", 4)
    assert graph.status("support")._repr_svg_() is None
    assert runs(folder) == 1


# ----- with Graphviz itself ------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_graphviz_draws_the_graph_and_the_neighbourhood(graph: ClaimGraph) -> None:
    svg = graph._repr_svg_()
    assert svg is not None and svg.startswith("<svg")
    assert svg.rstrip().endswith("</svg>")
    # Graphviz titles each node with its id.
    assert "<title>containers</title>" in svg
    assert "<title>rok&#45;sources</title>" in svg
    around = graph.status("support")._repr_svg_()
    assert around is not None and "<title>support</title>" in around
    assert "<title>containers</title>" not in around
