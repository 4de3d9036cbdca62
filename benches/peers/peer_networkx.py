#!/usr/bin/env python3
"""networkx: a MultiDiGraph; W4/W5 are node_link_data + json and back.

Sources and claims are nodes (attribute ``node``: "source" or "claim", with every field).
An attribution is an edge claim -> source keyed by its id: with that direction a source's
out-edges are only its citations, so walking up to the origins never scans a busy source's
thousands of attributions. A citation is an edge citing -> cited source keyed by its id.
"""
import json
import sys

import networkx as nx

import harness


def ingest(path):
    g = nx.MultiDiGraph()
    add_node, add_edge = g.add_node, g.add_edge
    for r in harness.records(path):
        t = r["type"]
        if t == "attribution":
            add_edge(r["claim"], r["source"], key=r["id"], edge="attribution",
                     stance=r["stance"], date=r["date"], quote=r["quote"])
        elif t == "claim":
            add_node(r["id"], node="claim", text=r["text"])
        elif t == "source":
            add_node(r["id"], node="source", kind=r["kind"], name=r["name"],
                     anonymous=r["anonymous"])
        elif t == "citation":
            add_edge(r["from"], r["to"], key=r["id"], edge="citation", date=r["date"],
                     cycle=r["cycle"])
    return g


def counts(g):
    n = {"source": 0, "claim": 0, "attribution": 0, "citation": 0}
    for _, k in g.nodes(data="node"):
        n[k] += 1
    for _, _, k in g.edges(data="edge"):
        n[k] += 1
    return {"sources": n["source"], "claims": n["claim"], "attributions": n["attribution"],
            "citations": n["citation"]}


def _cited_by(g):
    succ = g.succ
    return lambda s: list(succ[s])


def status(g):
    cited_by = _cited_by(g)
    roots = harness.roots_by_source((n for n, k in g.nodes(data="node") if k == "source"),
                                    cited_by)
    for c, k in g.nodes(data="node"):
        if k != "claim":
            continue
        na = nd = 0
        origins = set()
        for _, s, stance in g.out_edges(c, data="stance"):
            if stance == "asserts":
                na += 1
                origins |= roots[s]
            else:
                nd += 1
        yield (c, na, nd, na > 0 and nd > 0, len(origins))


def chains(g, claims):
    cited_by = _cited_by(g)
    for c in claims:
        for _, s, stance in g.out_edges(c, data="stance"):
            yield from harness.paths_to_roots(c, stance, s, cited_by)


def dump(g, path):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(nx.node_link_data(g, edges="edges"), f)


def load(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")


if __name__ == "__main__":
    harness.run("networkx", sys.modules[__name__])
