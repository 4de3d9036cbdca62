#!/usr/bin/env python3
"""Loads claimgraph's PROV-O N-Triples export into pyoxigraph and checks it with SPARQL.

    python check_ntriples.py GRAPH.nt DIR [--sample 200]

DIR holds the Parquet tables claimgraph wrote for the same graph: its record tables give the
counts, its `statuses` table the core's answers. The check fails (exit status 1) unless
  * SPARQL counts as many sources, claims, attributions, source relations, claim relations and
    verdicts as the tables hold, and
  * for a sample of claims (random.Random(7)), the W2 answers SPARQL computes from the triples
    alone (asserters, deniers, disputed, origins along prov:wasQuotedFrom / prov:wasAttributedTo
    property paths, a loop of sources citing only each other one origin named by its smallest
    member, from an assertion's cg:basis when it has one, pooled over the claim's
    cg:sameAs rewordings) equal the core's. A statement covering several claims is qualified on
    each, so the queries need nothing more for it. Not followed here: the stances carried along
    cg:specializes, which change only `disputed` (the Parquet check over claim_relatives covers
    them); a claim they make disputed would fail this check.
Prints a JSON line with the figures and the seconds loading and querying took.
"""
import argparse
import json
import random
import sys
import time
from urllib.parse import unquote

import pyarrow.parquet as pq
from pyoxigraph import RdfFormat, Store

PREFIXES = """
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX cg: <https://claimgraph.org/ns#>
"""
COUNTED = {
    "sources": "cg:Source",
    "claims": "cg:Claim",
    "attributions": "cg:Attribution",
    "source_relations": "cg:SourceRelation",
    "claim_relations": "cg:ClaimRelation",
    "verdicts": "cg:Verdict",
}
NODE = "urn:claimgraph:node:"


def node_iri(ident):
    """The IRI claimgraph gives a node: its id percent-encoded but for letters, digits, `_`, and
    `-` or `.` where they cannot start (or, for `.`, end) the name."""
    out = []
    last = len(ident) - 1
    for i, ch in enumerate(ident):
        keep = (ch.isascii() and ch.isalnum()) or (not ch.isascii() and ch.isalpha()) \
            or ch == "_" or (ch == "-" and i > 0) or (ch == "." and 0 < i < last)
        out.append(ch if keep else "".join("%%%02X" % b for b in ch.encode("utf-8")))
    return "<%s%s>" % (NODE, "".join(out))


def node_id(term):
    return unquote(term.value[len(NODE):])


def sparql_count(store, cls):
    q = PREFIXES + "SELECT (COUNT(?x) AS ?n) WHERE { ?x a %s }" % cls
    return int(next(iter(store.query(q)))["n"].value)


def w2_of_sample(store, claims):
    values = " ".join(node_iri(c) for c in claims)
    stance_q = PREFIXES + """
    SELECT ?c ?stance (COUNT(DISTINCT ?s) AS ?n) WHERE {
        VALUES ?c { %s }
        ?c (cg:sameAs|^cg:sameAs)* ?w . ?w prov:qualifiedAttribution ?e .
        ?e cg:stance ?stance ; prov:agent ?s .
    } GROUP BY ?c ?stance""" % values
    # An assertion with a basis is traced from the basis instead of its speaker. An origin is a
    # group of sources that cite no one outside themselves: ?r is in one when everything it
    # reaches reaches it back (one source citing no one, or a loop of circular reporting),
    # and the group is named by its smallest member, as the core names it.
    origin_q = PREFIXES + """
    SELECT ?c (COUNT(DISTINCT ?name) AS ?n) WHERE {
      { SELECT ?c ?r (MIN(STR(?m)) AS ?name) WHERE {
        VALUES ?c { %s }
        ?c (cg:sameAs|^cg:sameAs)* ?w . ?w prov:qualifiedAttribution ?e .
        ?e cg:stance "asserts" ; prov:agent ?a .
        OPTIONAL { ?e cg:basis ?b }
        BIND (COALESCE(?b, ?a) AS ?s)
        ?s (prov:wasQuotedFrom|prov:wasAttributedTo)* ?r .
        FILTER NOT EXISTS {
            ?r (prov:wasQuotedFrom|prov:wasAttributedTo)+ ?x .
            FILTER NOT EXISTS { ?x (prov:wasQuotedFrom|prov:wasAttributedTo)* ?r }
        }
        ?r (prov:wasQuotedFrom|prov:wasAttributedTo)* ?m .
        ?m (prov:wasQuotedFrom|prov:wasAttributedTo)* ?r .
      } GROUP BY ?c ?r }
    } GROUP BY ?c""" % values
    out = {c: [0, 0, 0] for c in claims}
    for row in store.query(stance_q):
        c = node_id(row["c"])
        st = row["stance"].value
        if st in ("asserts", "denies"):
            out[c][0 if st == "asserts" else 1] = int(row["n"].value)
    for row in store.query(origin_q):
        out[node_id(row["c"])][2] = int(row["n"].value)
    return {c: (a, d, int(a > 0 and d > 0), o) for c, (a, d, o) in out.items()}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("ntriples")
    ap.add_argument("dir")
    ap.add_argument("--sample", type=int, default=200)
    a = ap.parse_args()

    t0 = time.perf_counter()
    store = Store()
    store.bulk_load(path=a.ntriples, format=RdfFormat.N_TRIPLES)
    t1 = time.perf_counter()

    failures = []
    counts = {}
    for table, cls in COUNTED.items():
        want = pq.read_metadata("%s/%s.parquet" % (a.dir, table)).num_rows
        got = sparql_count(store, cls)
        counts[table] = got
        if got != want:
            failures.append("%s: SPARQL counts %d, the table holds %d" % (table, got, want))

    statuses = pq.read_table("%s/statuses.parquet" % a.dir,
                             columns=["claim", "asserters", "deniers", "disputed", "origins"])
    core = {r["claim"]: (r["asserters"], r["deniers"], int(r["disputed"]), r["origins"])
            for r in statuses.to_pylist()}
    ids = sorted(core)
    sample = random.Random(7).sample(ids, min(a.sample, len(ids)))
    t2 = time.perf_counter()
    got = w2_of_sample(store, sample)
    t3 = time.perf_counter()
    wrong = [c for c in sample if got[c] != core[c]]
    for c in wrong[:10]:
        failures.append("%s: SPARQL gives %s, the core %s" % (c, got[c], core[c]))

    print(json.dumps({"triples": len(store), "counts": counts, "sample": len(sample),
                      "sample_wrong": len(wrong), "load_s": t1 - t0, "w2_sample_s": t3 - t2}))
    if failures:
        for f in failures:
            print("FAIL " + f, file=sys.stderr)
        sys.exit(1)
    print("N-Triples in pyoxigraph: %d triples, record counts and the W2 answers of %d claims "
          "equal the core's" % (len(store), len(sample)))


if __name__ == "__main__":
    main()
