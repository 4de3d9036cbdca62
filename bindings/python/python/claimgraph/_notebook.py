"""Notebook conveniences: HTML views, pictures, the status table, and the networkx view of a
graph.

These only present what the core computed; none of them decides anything about a claim.
"""

from __future__ import annotations

import functools
import html
import shutil
import subprocess
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, overload

if TYPE_CHECKING:
    from ._claimgraph import ClaimGraph, Status

__all__ = ["StatusTable"]

#: The columns of `StatusTable.to_records()`, in order.
STATUS_COLUMNS = (
    "claim",
    "text",
    "flags",
    "disputed",
    "asserters",
    "deniers",
    "doubters",
    "origins",
    "independent_origin_count",
    "unnamed_only",
    "interested_deniers",
    "circular_reporting",
    "verdicts",
)


def _status_row(status: Status) -> dict[str, Any]:
    return {
        "claim": status.claim,
        "text": status.text,
        "flags": list(status.flags),
        "disputed": status.disputed,
        "asserters": list(status.asserters),
        "deniers": list(status.deniers),
        "doubters": list(status.doubters),
        "origins": [o.id for o in status.origins],
        "independent_origin_count": status.independent_origin_count,
        "unnamed_only": status.unnamed_only,
        "interested_deniers": list(status.interested_deniers),
        "circular_reporting": status.circular_reporting,
        "verdicts": [v.label for v in status.verdicts],
    }


def _cell(value: Any) -> str:
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    return html.escape(str(value))


def _table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


class StatusTable(Sequence["Status"]):
    """The status of every claim, in the order the claims were added.

    A read-only sequence of :class:`Status`; ``to_records()`` gives one plain dict per claim
    (its text, its flags at a glance, origins by id, verdicts by label) and ``to_pandas()`` a
    DataFrame of those rows.
    """

    __slots__ = ("_statuses",)

    def __init__(self, statuses: Sequence[Status]) -> None:
        self._statuses = tuple(statuses)

    @overload
    def __getitem__(self, index: int) -> Status: ...

    @overload
    def __getitem__(self, index: slice) -> StatusTable: ...

    def __getitem__(self, index: int | slice) -> Status | StatusTable:
        if isinstance(index, slice):
            return StatusTable(self._statuses[index])
        return self._statuses[index]

    def __len__(self) -> int:
        return len(self._statuses)

    def __iter__(self) -> Iterator[Status]:
        return iter(self._statuses)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, StatusTable):
            return self._statuses == other._statuses
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._statuses)

    def __repr__(self) -> str:
        disputed = sum(1 for s in self._statuses if s.disputed)
        return f"<StatusTable: {len(self._statuses)} claim(s), {disputed} disputed>"

    def by_claim(self, claim: str) -> Status:
        """The status of one claim; ``KeyError`` when the table has none for it."""
        for s in self._statuses:
            if s.claim == claim:
                return s
        raise KeyError(claim)

    def to_records(self) -> list[dict[str, Any]]:
        """One dict per claim with the keys of ``STATUS_COLUMNS``."""
        return [_status_row(s) for s in self._statuses]

    def to_pandas(self) -> Any:
        """A ``pandas.DataFrame`` with one row per claim, indexed by claim id.

        Needs pandas, which claimgraph does not require: ``pip install pandas``.
        """
        try:
            import pandas  # type: ignore[import-untyped, unused-ignore]
        except ImportError as e:
            raise ImportError(
                "StatusTable.to_pandas() needs pandas: pip install pandas"
            ) from e
        frame = pandas.DataFrame.from_records(self.to_records(), columns=list(STATUS_COLUMNS))
        return frame.set_index("claim")

    def _repr_html_(self) -> str:
        rows = [[r[c] for c in STATUS_COLUMNS] for r in self.to_records()]
        return _table(STATUS_COLUMNS, rows)


#: Pictures with more nodes and edges than this are not drawn: Graphviz would keep the notebook
#: waiting, and nobody reads a picture that size. Draw one claim's neighbourhood instead
#: (``graph.status(claim)`` in a cell) or export ``to_dot()`` and lay it out yourself.
PICTURE_LIMIT = 1000

#: How long Graphviz may take to lay a picture out, in seconds, before the notebook shows the
#: table instead.
PICTURE_TIMEOUT = 30.0


def picture_svg(graph: ClaimGraph, claim: str | None = None) -> str | None:
    """The graph, or one claim's neighbourhood, drawn by Graphviz as an ``<svg>`` element.

    None when Graphviz's ``dot`` is not on ``PATH``, when the picture would have more than
    ``PICTURE_LIMIT`` nodes and edges, when the claim is no longer in the graph, or when ``dot``
    fails or takes longer than ``PICTURE_TIMEOUT``: a notebook then shows the HTML table.
    """
    dot = shutil.which("dot")
    if dot is None:
        return None
    if claim is None:
        c = graph.counts()
        kinds = (c.sources, c.claims, c.attributions, c.source_relations, c.claim_relations)
        # Checked before writing the DOT, which takes a while for a large graph.
        if sum(kinds) + c.verdicts > PICTURE_LIMIT:
            return None
    try:
        text = graph.to_dot(claim=claim)
    except KeyError:
        # The status outlived its claim: there is nothing left to draw.
        return None
    # `to_dot` writes one node or edge statement per line, each starting with its quoted id.
    if sum(1 for line in text.splitlines() if line.startswith('  "')) > PICTURE_LIMIT:
        return None
    return _render_svg(dot, text)


# A notebook asks for the HTML and the SVG of one object in a row; both come from one layout.
@functools.lru_cache(maxsize=8)
def _render_svg(dot: str, text: str) -> str | None:
    try:
        done = subprocess.run(
            [dot, "-Tsvg"],
            input=text.encode("utf-8"),
            capture_output=True,
            timeout=PICTURE_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    svg = done.stdout.decode("utf-8", errors="replace")
    # Without the XML prolog and doctype, the same text is an image and an inline HTML element.
    start = svg.find("<svg")
    return svg[start:] if start >= 0 else None


def _picture_html(svg: str | None) -> str:
    if svg is None:
        return ""
    return f'<div style="overflow:auto; max-width:100%">{svg}</div>'


def status_html(status: Status) -> str:
    """A small table of one claim's status, and the claim's neighbourhood when Graphviz is
    installed.

    Notebooks show the HTML of an object rather than its SVG when it has both, so the picture
    is part of the HTML too.
    """
    rows = [[c, v] for c, v in _status_row(status).items()]
    return _table(("field", "value"), rows) + _picture_html(status._repr_svg_())


def graph_html(graph: ClaimGraph) -> str:
    """The graph's counts and its disputed claims, and its picture when Graphviz is installed
    (see ``status_html`` for why the picture is in the HTML)."""
    counts = graph.counts()
    count_rows = [
        ["sources", counts.sources],
        ["claims", counts.claims],
        ["attributions", counts.attributions],
        ["source relations", counts.source_relations],
        ["claim relations", counts.claim_relations],
        ["verdicts", counts.verdicts],
    ]
    parts = ["<div><strong>ClaimGraph</strong>", _table(("records", "count"), count_rows)]
    disputed = graph.findings().disputed
    if disputed:
        rows = []
        for claim_id in disputed:
            status = graph.status(claim_id)
            rows.append(
                [claim_id, graph.claim(claim_id).text, list(status.asserters), list(status.deniers)]
            )
        parts.append("<p>Disputed claims</p>")
        parts.append(_table(("claim", "text", "asserted by", "denied by"), rows))
    else:
        parts.append("<p>No disputed claims.</p>")
    parts.append(_picture_html(picture_svg(graph)))
    parts.append("</div>")
    return "".join(parts)


def to_arrow(graph: ClaimGraph) -> dict[str, Any]:
    """The graph's tables as ``pyarrow.Table``s (see ``ClaimGraph.to_arrow``)."""
    try:
        import pyarrow.ipc  # type: ignore[import-untyped, unused-ignore]
    except ImportError as e:
        raise ImportError("ClaimGraph.to_arrow() needs pyarrow: pip install pyarrow") from e
    return {name: pyarrow.ipc.open_stream(data).read_all() for name, data in graph._arrow_ipc()}


def to_networkx(graph: ClaimGraph) -> Any:
    """The graph as a ``networkx.MultiDiGraph`` (see ``ClaimGraph.to_networkx``)."""
    try:
        import networkx  # type: ignore[import-untyped, unused-ignore]
    except ImportError as e:
        raise ImportError("ClaimGraph.to_networkx() needs networkx: pip install networkx") from e
    g = networkx.MultiDiGraph()
    for source in graph.sources():
        g.add_node(source.id, **source.to_dict(), node_type="source")
    for claim in graph.claims():
        g.add_node(claim.id, **claim.to_dict(), node_type="claim")
    for a in graph.attributions():
        g.add_edge(a.source, a.claim, key=a.id, **a.to_dict(), edge_type="attribution")
    for r in graph.source_relations():
        g.add_edge(r.from_, r.to, key=r.id, **r.to_dict(), edge_type="source_relation")
    for c in graph.claim_relations():
        g.add_edge(c.from_, c.to, key=c.id, **c.to_dict(), edge_type="claim_relation")
    for v in graph.verdicts():
        g.add_edge(v.reviewer, v.claim, key=v.id, **v.to_dict(), edge_type="verdict")
    return g
