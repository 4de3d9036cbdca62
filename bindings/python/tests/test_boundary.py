"""What crosses from Python into the core and back: a Rust panic on any entry point arrives as a
ClaimGraphError, values Rust cannot take are ValueErrors, and threads sharing one graph for a
while (CLAIMGRAPH_SOAK_SECONDS, a minute by default) end with consistent answers."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import claimgraph
from claimgraph import ClaimGraph, ClaimGraphError, Quantity, Rating, _claimgraph

SOAK_SECONDS = float(os.environ.get("CLAIMGRAPH_SOAK_SECONDS", "60"))


def _graph() -> ClaimGraph:
    g = ClaimGraph()
    g.add_source("rok-sources", "unnamed_group", "ROK sources")
    g.add_source("russia", "government", "Russia")
    g.add_claim("containers", "DPRK delivered 6,700 containers", subjects=["russia"])
    g.add_attribution("rok-sources", "containers", "asserts")
    g.add_attribution("russia", "containers", "denies")
    return g


ENTRY_POINTS: dict[str, Callable[[ClaimGraph, Path], Any]] = {
    "a question": lambda g, _: g.status("containers"),
    "a table": lambda g, _: g.statuses(),
    "a change": lambda g, _: g.add_claim("ammunition", "DPRK supplies ammunition"),
    "a removal": lambda g, _: g.remove_attribution("russia:denies:containers"),
    "a merge": lambda g, _: g.merge(_graph()),
    "an export": lambda g, _: g.to_prov_json(),
    "a constructor from text": lambda g, _: ClaimGraph.from_json(g.to_json()),
    "a file": lambda g, tmp: g.save(tmp / "g.json"),
    "a module function": lambda g, _: claimgraph.extract("Russia denied the report."),
}


@pytest.mark.parametrize("entry", ENTRY_POINTS, ids=list(ENTRY_POINTS))
def test_a_panic_on_any_entry_point_is_a_claimgraph_error(entry: str, tmp_path: Path) -> None:
    g = _graph()
    call = ENTRY_POINTS[entry]
    _claimgraph._panic_on_next_core_call()
    with pytest.raises(ClaimGraphError, match="on purpose") as raised:
        call(g, tmp_path)
    assert type(raised.value) is ClaimGraphError  # not a PanicException (a BaseException)
    # The panic came before the change: the graph answers as before, and the call works again.
    assert g == _graph()
    call(g, tmp_path)


@pytest.mark.parametrize(
    "make",
    [
        lambda: ClaimGraph().add_source("s", "person", "bad \ud800 name"),
        lambda: ClaimGraph().add_source("\udc80", "person", "a lone surrogate as an id"),
        lambda: Rating(10**400, 5, 1),
        lambda: Rating(1, -(10**400), 5),
        lambda: Quantity(10**400, "containers"),
        lambda: _graph().add_verdict("russia", "containers", "False", rating=(10**400, 5, 1)),
        lambda: _graph().add_verdict("russia", "containers", "False", rating=(float("nan"), 5, 1)),
        lambda: _graph().add_verdict("russia", "containers", "False", rating=(1, float("inf"), 0)),
        lambda: _graph().add_claim("c", "x", quantity=(float("nan"), "containers")),
        lambda: _graph().add_claim("c", "x", quantity=(-(10**400), "containers")),
    ],
    ids=[
        "surrogate-text",
        "surrogate-id",
        "huge-int-rating",
        "huge-negative-scale",
        "huge-int-quantity",
        "huge-int-rating-tuple",
        "nan-rating",
        "infinite-scale",
        "nan-quantity",
        "huge-negative-quantity",
    ],
)
def test_values_rust_cannot_take_are_value_errors(make: Callable[[], Any]) -> None:
    with pytest.raises(ValueError):
        make()


def test_a_graph_merged_into_itself_while_another_thread_edits_loses_no_edit() -> None:
    g = _graph()
    for i in range(300):
        g.add_claim(f"c{i}", f"Claim {i}")
    errors: list[BaseException] = []
    done = threading.Event()

    def merger() -> None:
        try:
            while not done.is_set():
                report = g.merge(g, policy="fail")
                assert not report.added and not report.conflicts
        except BaseException as e:  # noqa: BLE001 (reported by the main thread)
            errors.append(e)

    t = threading.Thread(target=merger)
    t.start()
    try:
        for i in range(300):
            g.remove_claim(f"c{i}")
    finally:
        done.set()
        t.join()
    assert errors == []
    assert not any(c.id.startswith("c") and c.id[1:].isdigit() for c in g.claims())


def test_eight_threads_sharing_one_graph_end_consistent() -> None:
    g = _graph()
    errors: list[BaseException] = []
    deadline = time.monotonic() + SOAK_SECONDS
    start = threading.Barrier(8)
    added: list[list[str]] = [[] for _ in range(8)]

    def worker(n: int) -> None:
        try:
            start.wait()
            i = 0
            while time.monotonic() < deadline:
                i += 1
                if n < 4:
                    # Writers: a claim, asserted, denied every other time, sometimes removed.
                    cid = f"w{n}-{i}"
                    g.add_claim(cid, f"Claim {i} of writer {n}")
                    g.add_attribution("rok-sources", cid, "asserts")
                    if i % 2 == 0:
                        g.add_attribution("russia", cid, "denies")
                    if i % 5 == 0:
                        g.remove_claim(cid)
                    else:
                        added[n].append(cid)
                    if i % 50 == 0:
                        g.merge(g, policy="fail")
                else:
                    # Readers: every answer is taken under one lock, so it is whole.
                    for s in g.statuses():
                        if s.deniers:
                            assert s.asserters and s.disputed
                    c = g.counts()
                    # Each writer adds a claim, then its assertion: at most one claim each
                    # is still unasserted at any moment.
                    assert c.attributions + 4 >= c.claims
                    if i % 20 == 0:
                        # A save is taken under one lock too: it loads and saves as itself.
                        json = g.to_json()
                        assert ClaimGraph.from_json(json).to_json() == json
        except BaseException as e:  # noqa: BLE001 (reported by the main thread)
            errors.append(e)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=SOAK_SECONDS + 300)
        assert not t.is_alive(), "a thread is still waiting: a deadlock"
    assert errors == []
    kept = {cid for ids in added for cid in ids}
    ours = {c.id for c in g.claims()} - {"containers"}
    assert ours == kept
    for cid in kept:
        s = g.status(cid)
        assert s.asserters == ("rok-sources",)
        assert s.disputed == (int(cid.rsplit("-", 1)[1]) % 2 == 0)
