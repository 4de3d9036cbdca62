#!/usr/bin/env python3
"""prov (W3C PROV data model): a ProvDocument; W4/W5 are PROV-JSON.

A source is a prov:Agent typed cg:Person, cg:Organization, cg:Outlet or cg:AnonymousGroup with
cg:name and cg:anonymous; a claim a prov:Entity typed cg:Claim with cg:text; an attribution a
wasAttributedTo(claim, source) with its id, cg:stance, cg:date and cg:quote (left out when null);
a citation a wasInfluencedBy(citing, cited) typed cg:Citation with cg:date and cg:cycle
(influence is the PROV relation that may join two agents without implying delegation).

prov has no adjacency or query API: W2 walks the records once to index them (and pays for it);
W3 reuses that index when W2 ran on the same document, as an application would.
"""
import sys
from collections import defaultdict

from prov.model import (PROV_TYPE, ProvAgent, ProvAttribution, ProvDocument, ProvEntity,
                        ProvInfluence)

import harness

NS = "https://claimgraph.org/bench#"
KIND = {"person": "Person", "organization": "Organization", "outlet": "Outlet",
        "anonymous_group": "AnonymousGroup"}


def ingest(path):
    doc = ProvDocument()
    cg = doc.add_namespace("cg", NS)
    kind = {k: cg[v] for k, v in KIND.items()}
    name, anonymous, text = cg["name"], cg["anonymous"], cg["text"]
    stance, date, quote, cycle = cg["stance"], cg["date"], cg["quote"], cg["cycle"]
    claim_t, citation_t = cg["Claim"], cg["Citation"]
    for r in harness.records(path):
        t = r["type"]
        if t == "attribution":
            attrs = {stance: r["stance"], date: r["date"]}
            if r["quote"] is not None:
                attrs[quote] = r["quote"]
            doc.wasAttributedTo(cg[r["claim"]], cg[r["source"]], identifier=cg[r["id"]],
                                other_attributes=attrs)
        elif t == "claim":
            doc.entity(cg[r["id"]], {PROV_TYPE: claim_t, text: r["text"]})
        elif t == "source":
            doc.agent(cg[r["id"]], {PROV_TYPE: kind[r["kind"]], name: r["name"],
                                    anonymous: r["anonymous"]})
        elif t == "citation":
            doc.wasInfluencedBy(cg[r["from"]], cg[r["to"]], identifier=cg[r["id"]],
                                other_attributes={PROV_TYPE: citation_t, date: r["date"],
                                                  cycle: r["cycle"]})
    return doc


def counts(doc):
    n = {"sources": 0, "claims": 0, "attributions": 0, "citations": 0}
    for rec in doc.get_records():
        if isinstance(rec, ProvAttribution):
            n["attributions"] += 1
        elif isinstance(rec, ProvInfluence):
            n["citations"] += 1
        elif isinstance(rec, ProvAgent):
            n["sources"] += 1
        elif isinstance(rec, ProvEntity):
            n["claims"] += 1
    return n


class Index:
    """What W2 and W3 need, built from one pass over the document's records."""

    def __init__(self, doc):
        stance_qn = doc.valid_qualified_name("cg:stance")
        self.sources, self.claims = [], []
        self.attributions = defaultdict(list)  # claim -> [(source, stance)]
        self.cites = defaultdict(list)  # source -> [cited sources]
        for rec in doc.get_records():
            if isinstance(rec, ProvAttribution):
                claim, source = rec.args[0], rec.args[1]
                st = next(iter(rec.get_attribute(stance_qn)))
                self.attributions[claim.localpart].append((source.localpart, st))
            elif isinstance(rec, ProvInfluence):
                self.cites[rec.args[0].localpart].append(rec.args[1].localpart)
            elif isinstance(rec, ProvAgent):
                self.sources.append(rec.identifier.localpart)
            elif isinstance(rec, ProvEntity):
                self.claims.append(rec.identifier.localpart)


_index = {}  # id(doc) -> (doc, Index), so W3 reuses what W2 built on the same document


def status(doc):
    ix = Index(doc)
    _index.clear()
    _index[id(doc)] = (doc, ix)
    cites = ix.cites
    roots = harness.roots_by_source(ix.sources, lambda s: cites.get(s))
    for c in ix.claims:
        na = nd = 0
        origins = set()
        for s, st in ix.attributions.get(c, ()):
            if st == "asserts":
                na += 1
                origins |= roots[s]
            else:
                nd += 1
        yield (c, na, nd, na > 0 and nd > 0, len(origins))


def chains(doc, claims):
    hit = _index.get(id(doc))
    ix = hit[1] if hit and hit[0] is doc else Index(doc)
    cites = ix.cites
    for c in claims:
        for s, st in ix.attributions.get(c, ()):
            yield from harness.paths_to_roots(c, st, s, lambda x: cites.get(x))


def dump(doc, path):
    with open(path, "w", encoding="utf-8") as f:
        doc.serialize(f, format="json")


def load(path):
    _index.clear()
    with open(path, "rb") as f:
        return ProvDocument.deserialize(f, format="json")


if __name__ == "__main__":
    harness.run("prov", sys.modules[__name__])
