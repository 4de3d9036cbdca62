"""One graph shared by threads: readers and a writer at once, and the GIL released in core calls."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading

import pytest

from claimgraph import ClaimGraph

WRITES = 300
READERS = 4


def test_readers_and_a_writer_share_one_graph() -> None:
    g = ClaimGraph()
    g.add_source("reporter", "person", "Reporter")
    g.add_source("official", "government", "Official")
    errors: list[BaseException] = []
    done = threading.Event()
    start = threading.Barrier(READERS + 1)

    def writer() -> None:
        try:
            start.wait()
            for i in range(WRITES):
                g.add_claim(f"c{i}", f"Claim number {i}")
                g.add_attribution("reporter", f"c{i}", "asserts")
                if i % 3 == 0:
                    g.add_attribution("official", f"c{i}", "denies")
        except BaseException as e:  # noqa: BLE001 (reported by the main thread)
            errors.append(e)
        finally:
            done.set()

    def reader() -> None:
        try:
            start.wait()
            seen = 0
            rounds = 0
            while not done.is_set() or rounds < 3:
                rounds += 1
                claims = g.counts().claims
                # Claims are only ever added: no reader sees the count go back.
                assert claims >= seen
                seen = claims
                table = g.statuses()
                assert len(table) >= claims
                for s in table:
                    # Each status is computed under one lock: a denial implies an assertion
                    # already there (the writer adds it first).
                    if s.deniers:
                        assert s.asserters == ("reporter",)
                        assert s.disputed
                f = g.findings()
                assert set(f.disputed) <= {s.claim for s in g.statuses()}
                ClaimGraph.from_json(g.to_json())
        except BaseException as e:  # noqa: BLE001
            errors.append(e)

    threads = [threading.Thread(target=writer)] + [
        threading.Thread(target=reader) for _ in range(READERS)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert g.counts().claims == WRITES
    assert g.counts().attributions == WRITES + (WRITES + 2) // 3
    assert len(g.findings().disputed) == (WRITES + 2) // 3


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_core_call_releases_the_gil(tmp_path: object) -> None:
    # A thread ingests from a named pipe: the core blocks opening and reading it. Only if that
    # call released the GIL can the main thread run Python to feed the pipe; otherwise the
    # two deadlock, which the subprocess timeout turns into a failure.
    script = textwrap.dedent(
        """
        import os, sys, threading, claimgraph
        fifo = os.path.join(sys.argv[1], "corpus.jsonl")
        os.mkfifo(fifo)
        g = claimgraph.ClaimGraph()
        reports = []
        t = threading.Thread(target=lambda: reports.append(g.ingest_jsonl(fifo)))
        t.start()
        with open(fifo, "w") as pipe:
            pipe.write('{"type":"meta","format_version":1}\\n')
            pipe.write('{"type":"claim","id":"c0","text":"Fed through a pipe"}\\n')
        t.join()
        print(reports[0].claims)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1"
