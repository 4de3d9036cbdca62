#!/usr/bin/env python3
"""claimgraph through its Python binding, with bulk calls (one call per workload, not per record).

W1 is ClaimGraph.from_jsonl(path): the binding parses the corpus in Rust, so this tool does not
use the shared Python reader. W2 is one summaries() call (the status figures of every claim; where
the binding does not have it yet, statuses(), the full records), then the (claim, n_assert,
n_deny, disputed, n_origins) tuple per claim is read off the returned objects (timed: the rows are
what W2 delivers). W3 is chains(claim) per sampled claim; W4/W5 are save(path) / ClaimGraph.load(path),
the native JSON format.
"""
import sys

import claimgraph

import harness


def ingest(path):
    g = claimgraph.ClaimGraph.from_jsonl(path)
    return g[0] if isinstance(g, tuple) else g


def counts(g):
    c = g.counts()
    get = c.get if isinstance(c, dict) else (lambda k: getattr(c, k))
    return {"sources": get("sources"), "claims": get("claims"),
            "attributions": get("attributions"), "citations": get("source_relations")}


def status(g):
    if hasattr(g, "summaries"):
        for s in g.summaries():
            yield (s.claim, s.asserters, s.deniers, s.disputed, s.origins)
        return
    for s in g.statuses():
        yield (s.claim, len(s.asserters), len(s.deniers), s.disputed, len(s.origins))


def _stance(st):
    return getattr(st, "value", st)


def chains(g, claims):
    for c in claims:
        for ch in g.chains(c):
            yield (ch.claim, _stance(ch.stance), *ch.path)


def dump(g, path):
    g.save(path)


def load(path):
    return claimgraph.ClaimGraph.load(path)


if __name__ == "__main__":
    harness.run("claimgraph-py", sys.modules[__name__])
