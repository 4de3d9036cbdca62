"""Measurement harness shared by the Python tools in the comparison.

A tool module defines

    ingest(path)            W1: corpus (JSON Lines) -> the tool's in-memory model
    status(model)           W2: -> iterable of (claim, n_assert, n_deny, disputed, n_origins)
    chains(model, claims)   W3: -> iterable of tuples (claim, stance, p0, ..., pk)
    dump(model, path)       W4: write the tool's own serialization
    load(path)              W5: read it back into a new model
    counts(model)           untimed: {"sources", "claims", "attributions", "citations"}

and calls ``harness.run("name", module)``. One process is one measurement: the harness times each
step with perf_counter (wall) and process_time (CPU of the whole process, every thread) after an
untimed gc.collect(), reads the peak RSS, computes the W2 and W3
checksums and prints one JSON object on stdout. The Rust measurement (src/bin/workload.rs) prints
the same keys, so benches/compare reads both alike.

W1 for the pure-Python tools includes json.loads of every line through records() below, the same
reader for all of them.
"""
import argparse
import gc
import hashlib
import json
import os
import random
import resource
import sys
import tempfile
import time

W3_SEED = 7
W3_SAMPLE = 1000


def meta(path):
    with open(path, "rb") as f:
        first = json.loads(f.readline())
    if first.get("type") != "meta":
        raise SystemExit("%s: line 1 is not a meta record" % path)
    return first


def records(path):
    """Every record of the corpus but the meta line, without the cycle-flagged citations."""
    loads = json.loads
    with open(path, "rb") as f:
        next(f)
        for line in f:
            r = loads(line)
            if r["type"] == "citation" and r["cycle"]:
                continue
            yield r


def w3_sample(n_claims):
    picks = random.Random(W3_SEED).sample(range(n_claims), min(W3_SAMPLE, n_claims))
    return ["c%d" % i for i in picks]


def _sha16(lines):
    lines.sort()
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]


def w2_digest(rows):
    lines, sa, sd, nx_, so = [], 0, 0, 0, 0
    for c, a, d, x, o in rows:
        x = 1 if x else 0
        lines.append("%s\t%d\t%d\t%d\t%d" % (c, a, d, x, o))
        sa += a
        sd += d
        nx_ += x
        so += o
    return {"sha256_16": _sha16(lines), "claims": len(lines), "sum_assert": sa,
            "sum_deny": sd, "n_disputed": nx_, "sum_origins": so}


def w3_digest(tuples):
    lines = ["\t".join(t) for t in tuples]
    longest = max((len(t) - 2 for t in tuples), default=0)
    return {"sha256_16": _sha16(lines), "chains": len(lines), "max_len": longest}


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux


def run(name, tool):
    ap = argparse.ArgumentParser(description="one %s measurement of W1-W5" % name)
    ap.add_argument("corpus")
    ap.add_argument("--only-w12", action="store_true", help="stop after W2")
    ap.add_argument("--verify-roundtrip", action="store_true",
                    help="rerun W2 on the model W5 read back (untimed) and compare")
    ap.add_argument("--tmpdir", default=None)
    a = ap.parse_args()

    n = meta(a.corpus)["n_claims"]
    res = {"peer": name, "n_claims": n, "mode": "main", "python": sys.version.split()[0],
           "rss_start_mb": peak_mb()}
    t = res["t"] = {}
    cpu = res["cpu"] = {}

    def timed(step, fn, *args):
        gc.collect()
        c0, t0 = time.process_time(), time.perf_counter()
        out = fn(*args)
        t[step] = time.perf_counter() - t0
        cpu[step] = time.process_time() - c0
        return out

    model = timed("W1", tool.ingest, a.corpus)
    res["rss_after_w1_mb"] = peak_mb()
    res["counts"] = tool.counts(model)
    rows = timed("W2", lambda m: list(tool.status(m)), model)
    res["w2"] = w2_digest(rows)
    del rows
    if not a.only_w12:
        tuples = timed("W3", lambda m, s: list(tool.chains(m, s)), model, w3_sample(n))
        res["w3"] = w3_digest(tuples)
        del tuples
        fd, out = tempfile.mkstemp(prefix="peer-%s-" % name, dir=a.tmpdir)
        os.close(fd)
        try:
            timed("W4", tool.dump, model, out)
            res["w4_bytes"] = os.path.getsize(out)
            del model
            gc.collect()
            model = timed("W5", tool.load, out)
            again = tool.counts(model)
            res["roundtrip_counts_equal"] = again == res["counts"]
            if again != res["counts"]:
                res["roundtrip_counts"] = again
            if a.verify_roundtrip:
                res["roundtrip_w2_equal"] = w2_digest(list(tool.status(model))) == res["w2"]
        finally:
            os.remove(out)
    res["rss_peak_mb"] = peak_mb()
    print(json.dumps(res))


def roots_by_source(sources, cited_by):
    """source -> frozenset of its roots (sources it reaches along citations that cite no one).

    Iterative and memoised, so every source is resolved once; the citations form a DAG in the
    main workload. ``cited_by(s)`` lists the sources s cites.
    """
    memo = {}
    for start in sources:
        if start in memo:
            continue
        stack = [start]
        while stack:
            s = stack[-1]
            if s in memo:
                stack.pop()
                continue
            up = cited_by(s)
            if not up:
                memo[s] = frozenset((s,))
                stack.pop()
                continue
            todo = [u for u in up if u not in memo]
            if todo:
                stack.extend(todo)
            else:
                memo[s] = frozenset().union(*[memo[u] for u in up])
                stack.pop()
    return memo


def paths_to_roots(claim, stance, source, cited_by):
    """Every citation path from ``source`` up to a root, as W3 tuples."""
    stack = [(source,)]
    while stack:
        p = stack.pop()
        up = cited_by(p[-1])
        if up:
            stack.extend(p + (u,) for u in up)
        else:
            yield (claim, stance) + p
