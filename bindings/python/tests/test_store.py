"""A graph that lives in a database file: open, change with an actor and a reason, history,
verification, undo, transactions, reopening."""

from __future__ import annotations

import datetime
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from claimgraph import (
    Attribution,
    Claim,
    ClaimGraph,
    ClaimGraphError,
    Event,
    FormatError,
    HistoryCheck,
    InvalidInputError,
    IoError,
    NotFoundError,
    RecordKind,
    Source,
    StoredGraph,
    Verdict,
)


def _desk(path: Path) -> StoredGraph:
    g = ClaimGraph.open(path)
    g.set_actor("desk:alice")
    g.add(Source("russia", "government", "Russia"))
    g.add(Source("factcheck", "outlet", "A fact-checker"))
    g.add(Claim("ammo", "DPRK supplies ammunition to Russia", subjects=["russia"]))
    g.add(
        Attribution("russia", "ammo", "denies", quote="mad rumors"),
        reason="the ministry's statement of 19 June",
    )
    return g


def test_changes_are_in_the_file_when_it_is_reopened(tmp_path: Path) -> None:
    path = tmp_path / "desk.db"
    with _desk(path) as g:
        assert isinstance(g, StoredGraph)
        assert g.path == str(path)
        assert g.actor == "desk:alice"
        assert g.last_change() == 4
    with StoredGraph.open(path) as again:
        graph = again.graph
        assert isinstance(graph, ClaimGraph)
        assert graph.attribution("russia:denies:ammo").quote == "mad rumors"
        assert graph.status("ammo").interested_deniers == ("russia",)
        assert again.last_change() == 4


def test_history_records_who_when_why_and_the_values(tmp_path: Path) -> None:
    before = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(seconds=1)
    with _desk(tmp_path / "desk.db") as g:
        (added,) = g.history("russia:denies:ammo")
        assert isinstance(added, Event)
        assert (added.actor, added.reason, added.action) == (
            "desk:alice",
            "the ministry's statement of 19 June",
            "add",
        )
        assert added.operation == "add_attribution"
        assert added.kind == RecordKind.ATTRIBUTION
        assert added.before is None
        assert added.after == g.graph.attribution("russia:denies:ammo")
        assert datetime.datetime.fromisoformat(added.at) >= before
        assert len(added.hash) == 64

        g.set_actor("desk:bob")
        g.add(Verdict("factcheck", "ammo", "Unproven"))
        old = g.update_verdict(
            Verdict("factcheck", "ammo", "False"), reason="satellite pictures"
        )
        assert old.label == "Unproven"
        first, second = g.history("factcheck:verdict:ammo")
        assert (second.action, second.actor, second.reason) == (
            "update",
            "desk:bob",
            "satellite pictures",
        )
        assert isinstance(second.before, Verdict) and second.before.label == "Unproven"
        assert isinstance(second.after, Verdict) and second.after.label == "False"
        assert second.to_dict()["before"]["label"] == "Unproven"

        since = g.history_since(first.at)
        assert [e.seq for e in since] == [first.seq, second.seq]
        # The ClaimReview export lists the earlier rating as superseded.
        assert "Superseded" in g.to_claimreview_json()
        prov = json.loads(g.history_to_prov_json())
        assert "activity" in prov and "agent" in prov


def test_a_cascading_removal_records_every_record_it_removed(tmp_path: Path) -> None:
    with _desk(tmp_path / "desk.db") as g:
        removed = g.remove_source("russia", reason="merged into another record")
        assert removed.id == "russia"
        events = g.change_events(g.last_change())
        assert {(e.action, e.id) for e in events} >= {
            ("remove", "russia"),
            ("remove", "russia:denies:ammo"),
        }
        assert all(e.reason == "merged into another record" for e in events)


def test_undo_is_a_new_change_and_reopening_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "desk.db"
    with _desk(path) as g:
        g.remove_claim("ammo")
        removal = g.last_change()
        undo = g.undo_last()
        assert undo == removal + 1
        assert g.graph.claim("ammo").text == "DPRK supplies ammunition to Russia"
        assert g.graph.attribution("russia:denies:ammo").quote == "mad rumors"
        assert g.change_events(undo)[0].undoes == removal
        with pytest.raises(NotFoundError):
            g.undo(999)
    with StoredGraph.open(path) as again:
        assert again.graph.status("ammo").deniers == ("russia",)
        assert again.verify_history().intact


def test_as_of_edit_replays_the_history_up_to_a_time(tmp_path: Path) -> None:
    with _desk(tmp_path / "desk.db") as g:
        cut = g.history("ammo")[0].at
        g.remove_claim("ammo")
        then = g.as_of_edit(cut)
        assert then.claim("ammo").id == "ammo"
        assert "ammo" not in g.graph
        assert len(g.as_of_edit("1999-01-01")) == 0


def test_verify_history_finds_an_altered_event(tmp_path: Path) -> None:
    path = tmp_path / "desk.db"
    with _desk(path) as g:
        check = g.verify_history()
        assert isinstance(check, HistoryCheck)
        assert (check.events, check.intact, check.first_altered) == (4, True, None)
    db = sqlite3.connect(path)
    db.execute("UPDATE events SET actor = 'someone else' WHERE seq = 3")
    db.commit()
    db.close()
    with StoredGraph.open(path) as g:
        check = g.verify_history()
        assert not check.intact
        assert check.first_altered == 3
        assert check.problem
        match check:
            case HistoryCheck(events, first_altered, problem):
                assert first_altered == 3 and events <= 4 and problem


def test_a_transaction_commits_together_or_not_at_all(tmp_path: Path) -> None:
    with ClaimGraph.open(tmp_path / "desk.db") as g:
        with pytest.raises(Exception):
            with g.transaction():
                g.add(Source("abc", "outlet", "ABC"))
                assert g.in_transaction
                g.add(Source("abc", "outlet", "ABC again"))  # a duplicate id
        assert not g.in_transaction
        assert "abc" not in g.graph
        assert g.last_change() == 0

        with g.transaction() as same:
            assert same is g
            g.add(Source("abc", "outlet", "ABC"))
            g.add(Source("bbc", "outlet", "BBC"))
        assert len(g.graph) == 2

        g.begin()
        g.add(Source("cnn", "outlet", "CNN"))
        g.rollback()
        assert "cnn" not in g.graph
        with pytest.raises(InvalidInputError):
            g.commit()  # nothing is open


def test_the_file_is_locked_while_open_and_free_after_close(tmp_path: Path) -> None:
    path = tmp_path / "desk.db"
    g = ClaimGraph.open(path)
    g.add(Source("abc", "outlet", "ABC"))
    with pytest.raises(IoError):
        ClaimGraph.open(path)
    detached = g.close()
    assert isinstance(detached, ClaimGraph) and "abc" in detached
    assert g.close() is None
    with pytest.raises(InvalidInputError, match="closed"):
        g.add(Source("bbc", "outlet", "BBC"))
    assert "closed" in repr(g)
    with ClaimGraph.open(path) as again:
        assert "abc" in again.graph


def test_a_file_that_is_not_a_graph_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not a database, it is a note" * 100)
    with pytest.raises(IoError) as raised:
        ClaimGraph.open(path)
    assert raised.value.path == str(path)


def test_merge_and_import_are_one_change_each(tmp_path: Path) -> None:
    other = ClaimGraph()
    other.add_source("dprk", "government", "DPRK")
    with _desk(tmp_path / "desk.db") as g:
        report = g.merge(other, reason="the second article")
        assert report.added == ("dprk",)
        (event,) = g.history("dprk")
        assert (event.operation, event.reason) == ("merge", "the second article")
        last = g.last_change()
        with pytest.raises(FormatError):
            g.ingest_jsonl_text("")  # no meta record: refused, nothing recorded
        assert g.last_change() == last


def test_a_call_interrupted_by_a_panic_leaves_the_database_refused_until_opened_again(
    tmp_path: Path,
) -> None:
    path = tmp_path / "desk.db"
    g = ClaimGraph.open(path)
    g.add(Source("abc", "outlet", "ABC"), reason="the first outlet")
    StoredGraph._panic_in_next_call()
    with pytest.raises(ClaimGraphError, match="on purpose") as raised:
        g.add(Source("bbc", "outlet", "BBC"))
    assert type(raised.value) is ClaimGraphError
    # As for a plain graph: nothing more is read or changed from a graph in an unknown state.
    refused: list[Callable[[], object]] = [
        lambda: g.graph,
        lambda: g.history("abc"),
        lambda: g.add(Source("cnn", "outlet", "CNN")),
        g.close,
    ]
    for call in refused:
        with pytest.raises(ClaimGraphError, match="load it again") as again:
            call()
        assert type(again.value) is ClaimGraphError
    # Closing released the file: it opens again with every change that returned.
    with ClaimGraph.open(path) as reopened:
        assert "abc" in reopened.graph and "bbc" not in reopened.graph
        assert [e.reason for e in reopened.history("abc")] == ["the first outlet"]
        assert reopened.verify_history().intact
