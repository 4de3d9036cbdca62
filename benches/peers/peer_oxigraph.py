#!/usr/bin/env python3
"""pyoxigraph: an in-memory RDF Store queried with SPARQL 1.1; W4/W5 are N-Quads.

Every record is a resource carrying all its fields (attributions and citations reified, so W4
can write everything out), and each citation also gets the plain triple ``<from> v:cites <to>``
that property paths walk. W2 is three SELECT queries merged in Python; W3 is two queries per
claim, its attributions and the citation subgraph above them, with the paths assembled in Python
(a property path tests reachability but cannot return the path).
"""
import sys
from collections import defaultdict

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Store

import harness

V = "https://claimgraph.org/bench#"
ID = "https://claimgraph.org/bench/id/"
CUT = len(ID)
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
XSD_DATE = NamedNode("http://www.w3.org/2001/XMLSchema#date")
P = {k: NamedNode(V + k) for k in ("Source", "Claim", "Attribution", "Citation", "kind", "name",
                                   "anonymous", "text", "claim", "source", "stance", "date",
                                   "quote", "from", "to", "cycle", "cites", "asserts", "denies")}
PREFIXES = {"v": V}


def _quads(path):
    nodes = {}

    def node(i):
        n = nodes.get(i)
        if n is None:
            n = nodes[i] = NamedNode(ID + i)
        return n

    true, false = Literal(True), Literal(False)
    for r in harness.records(path):
        t = r["type"]
        if t == "attribution":
            a = NamedNode(ID + r["id"])
            yield Quad(a, RDF_TYPE, P["Attribution"])
            yield Quad(a, P["claim"], node(r["claim"]))
            yield Quad(a, P["source"], node(r["source"]))
            yield Quad(a, P["stance"], P[r["stance"]])
            yield Quad(a, P["date"], Literal(r["date"], datatype=XSD_DATE))
            if r["quote"] is not None:
                yield Quad(a, P["quote"], Literal(r["quote"]))
        elif t == "claim":
            c = node(r["id"])
            yield Quad(c, RDF_TYPE, P["Claim"])
            yield Quad(c, P["text"], Literal(r["text"]))
        elif t == "source":
            s = node(r["id"])
            yield Quad(s, RDF_TYPE, P["Source"])
            yield Quad(s, P["kind"], Literal(r["kind"]))
            yield Quad(s, P["name"], Literal(r["name"]))
            yield Quad(s, P["anonymous"], true if r["anonymous"] else false)
        elif t == "citation":
            x, f, to = NamedNode(ID + r["id"]), node(r["from"]), node(r["to"])
            yield Quad(x, RDF_TYPE, P["Citation"])
            yield Quad(x, P["from"], f)
            yield Quad(x, P["to"], to)
            yield Quad(x, P["date"], Literal(r["date"], datatype=XSD_DATE))
            yield Quad(x, P["cycle"], true if r["cycle"] else false)
            yield Quad(f, P["cites"], to)


def ingest(path):
    store = Store()
    store.bulk_extend(_quads(path))  # the fastest bulk path of the store's Python API
    return store


def _select(store, q):
    return store.query(q, prefixes=PREFIXES)


def counts(store):
    out = {}
    for key, cls in (("sources", "Source"), ("claims", "Claim"),
                     ("attributions", "Attribution"), ("citations", "Citation")):
        row = next(iter(_select(store, "SELECT (COUNT(*) AS ?n) WHERE { ?x a v:%s }" % cls)))
        out[key] = int(row["n"].value)
    return out


Q_CLAIMS = "SELECT ?c WHERE { ?c a v:Claim }"
Q_STANCES = """SELECT ?c ?st (COUNT(DISTINCT ?s) AS ?n) WHERE {
  ?a v:claim ?c ; v:source ?s ; v:stance ?st } GROUP BY ?c ?st"""
Q_ORIGINS = """SELECT ?c (COUNT(DISTINCT ?r) AS ?n) WHERE {
  ?a v:claim ?c ; v:stance v:asserts ; v:source ?s .
  ?s v:cites* ?r .
  FILTER NOT EXISTS { ?r v:cites ?any } } GROUP BY ?c"""


def status(store):
    asserts = V + "asserts"
    by_stance = {}
    for row in _select(store, Q_STANCES):
        key = (row["c"].value[CUT:], row["st"].value == asserts)
        by_stance[key] = int(row["n"].value)
    origins = {row["c"].value[CUT:]: int(row["n"].value) for row in _select(store, Q_ORIGINS)}
    for row in _select(store, Q_CLAIMS):
        c = row["c"].value[CUT:]
        na, nd = by_stance.get((c, True), 0), by_stance.get((c, False), 0)
        yield (c, na, nd, na > 0 and nd > 0, origins.get(c, 0))


Q_ATTRIBUTIONS = "SELECT ?s ?st WHERE { ?a v:claim <%s> ; v:source ?s ; v:stance ?st }"
Q_ABOVE = """SELECT DISTINCT ?x ?y WHERE {
  ?a v:claim <%s> ; v:source ?s . ?s v:cites* ?x . ?x v:cites ?y }"""


def chains(store, claims):
    asserts = V + "asserts"
    for c in claims:
        iri = ID + c
        up = defaultdict(list)
        for row in _select(store, Q_ABOVE % iri):
            up[row["x"].value[CUT:]].append(row["y"].value[CUT:])
        for row in _select(store, Q_ATTRIBUTIONS % iri):
            st = "asserts" if row["st"].value == asserts else "denies"
            yield from harness.paths_to_roots(c, st, row["s"].value[CUT:], up.get)


def dump(store, path):
    store.dump(path, format=RdfFormat.N_QUADS)


def load(path):
    store = Store()
    store.load(path=path, format=RdfFormat.N_QUADS)
    return store


if __name__ == "__main__":
    harness.run("oxigraph", sys.modules[__name__])
