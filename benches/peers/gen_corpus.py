#!/usr/bin/env python3
# Copied unchanged (apart from this note) from the project material shared/bench/gen_corpus.py
# (MIT-compatible), so that the comparison runs from a clone without ../shared.
"""Deterministic synthetic corpus for the claim/source tracking peer benchmark.

Usage:  python gen_corpus.py N OUT.jsonl [--seed S]

N is the number of claims.  The output is one JSON Lines file whose record
types and fields are documented in WORKLOAD.md ("Corpus schema").  The same
(N, seed) always yields a byte-identical file: only random.Random(seed) is
used, records are written in a fixed order, and json.dumps is called with
sort_keys=True and fixed separators.

Shape (all probabilities documented in WORKLOAD.md):
  * sources: N // 5; kinds person / organization / outlet / anonymous_group
    (10% anonymous).
  * each source gets a citation "level" 0..4; a level-k source (k >= 1) cites
    exactly one source at level k-1 plus 0-2 extra sources at any lower level,
    so the citation graph is a DAG whose longest chain from a source is k.
  * a few extra citation edges that close cycles are appended with
    "cycle": true; the main workload ignores them (robustness test R1 uses them).
  * each claim has 1-6 attributions from distinct sources, chosen with a
    power law over sources (weight 1/rank**0.8); about 15% are denials.
"""
import argparse
import bisect
import itertools
import json
import os
import random
import sys

FORMAT_VERSION = 1

KINDS = ("person", "organization", "outlet", "anonymous_group")
KIND_WEIGHTS = (45, 20, 25, 10)  # percent; anonymous_group = 10%
# Per-kind distribution of citation level 0..4 (relative weights).
LEVEL_WEIGHTS = {
    "person": (85, 15, 0, 0, 0),
    "organization": (70, 20, 10, 0, 0),
    "outlet": (20, 30, 25, 15, 10),
    "anonymous_group": (100, 0, 0, 0, 0),
}
ATTR_COUNT_WEIGHTS = (30, 25, 18, 12, 9, 6)  # 1..6 attributions per claim
DENY_P = 0.15
QUOTE_P = 0.4
CLAIM_ALPHA = 0.8      # power law exponent: who makes claims
POPULAR_ALPHA = 1.0    # power law exponent: who gets cited
EXTRA_CITE_P = (0.3, 0.1)  # probability of a 2nd, 3rd cited source

FIRST = ("Ana", "Ben", "Chen", "Dara", "Emil", "Fatou", "Goran", "Hana", "Ivo",
         "Jun", "Kofi", "Lena", "Mira", "Nils", "Omar", "Pia", "Ravi", "Sara")
LAST = ("Abe", "Berg", "Costa", "Diaz", "Eze", "Fox", "Gil", "Holm", "Ito",
        "Jain", "Kahn", "Lund", "Moss", "Nagy", "Ortiz", "Park", "Quist", "Roy")
ORG = ("Ministry of Health", "Port Authority", "Central Bank", "Water Board",
       "Teachers Union", "Chamber of Commerce", "Police Department", "Rail Company")
OUTLET = ("Daily", "Herald", "Times", "Post", "Wire", "Tribune", "Observer", "Courier")
ANON = ("officials familiar with the matter", "people close to the talks",
        "senior staff", "a person briefed on the plans", "diplomatic sources")
SUBJ = ("The mayor", "The ministry", "The company", "The union", "The council",
        "The regulator", "The board", "The army", "The hospital", "The court")
VERB = ("approved", "cancelled", "delayed", "funded", "investigated", "hid",
        "doubled", "cut", "announced", "rejected")
OBJ = ("the budget", "the merger", "the bridge project", "the vaccine order",
       "the tax plan", "the election audit", "the water contract", "the strike deal")
PLACE = ("in the north", "in the capital", "last spring", "before the vote",
         "in March", "after the storm", "this quarter", "at the border")
QUOTE_W = ("we", "never", "will", "this", "is", "not", "true", "confirmed",
           "the", "plan", "was", "signed", "denied", "absolutely", "soon")


def date(rng):
    # 2020-01-01 .. 2024-12-28, calendar-safe (day <= 28)
    return "%04d-%02d-%02d" % (rng.randrange(2020, 2025), rng.randrange(1, 13),
                               rng.randrange(1, 29))


def power_cum_weights(rng, n, alpha):
    """Cumulative weights of a power law over n items in a random rank order."""
    ranks = list(range(1, n + 1))
    rng.shuffle(ranks)
    return list(itertools.accumulate(1.0 / (r ** alpha) for r in ranks))


def pick(rng, cum):
    return bisect.bisect_right(cum, rng.random() * cum[-1])


def generate(n_claims, seed, out):
    rng = random.Random(seed)
    n_sources = max(10, n_claims // 5)
    dumps = lambda rec: json.dumps(rec, sort_keys=True, separators=(",", ":"),
                                   ensure_ascii=False)

    # ---- sources -----------------------------------------------------------
    kinds, levels = [], []
    for i in range(n_sources):
        kind = rng.choices(KINDS, KIND_WEIGHTS)[0]
        kinds.append(kind)
        levels.append(rng.choices(range(5), LEVEL_WEIGHTS[kind])[0])
    # guarantee every level 0..4 is populated (so depth-4 chains exist and a
    # level-k source always has a level k-1 source to cite); only matters for
    # tiny N.  The donor is taken from the most populated level.
    for lvl in range(5):
        if lvl not in levels:
            donor_lvl = max(range(5), key=levels.count)
            j = rng.choice([i for i in range(n_sources) if levels[i] == donor_lvl])
            levels[j] = lvl
            if lvl > 0:
                kinds[j] = "outlet"
    names = []
    for i in range(n_sources):
        kind = kinds[i]
        if kind == "person":
            name = "%s %s" % (rng.choice(FIRST), rng.choice(LAST))
        elif kind == "organization":
            name = "%s %d" % (rng.choice(ORG), i)
        elif kind == "outlet":
            name = "The %s %s" % (rng.choice(LAST), rng.choice(OUTLET))
        else:
            name = "anonymous: %s" % rng.choice(ANON)
        names.append(name)
    by_level = [[i for i in range(n_sources) if levels[i] == l] for l in range(5)]
    pop_cum = [power_cum_weights(rng, len(b), POPULAR_ALPHA) if b else [] for b in by_level]
    below = [sorted(itertools.chain.from_iterable(by_level[:l])) for l in range(5)]
    below_cum = [power_cum_weights(rng, len(b), POPULAR_ALPHA) if b else [] for b in below]

    counts = {"source": n_sources, "claim": n_claims, "attribution": 0,
              "citation": 0, "cycle_citation": 0}
    lines = []
    for i in range(n_sources):
        lines.append(dumps({"type": "source", "id": "s%d" % i, "kind": kinds[i],
                            "name": names[i],
                            "anonymous": kinds[i] == "anonymous_group"}))

    # ---- citation DAG ------------------------------------------------------
    cites = [[] for _ in range(n_sources)]
    cit_id = 0
    for i in range(n_sources):
        lvl = levels[i]
        if lvl == 0:
            continue
        targets = [by_level[lvl - 1][pick(rng, pop_cum[lvl - 1])]]
        for p in EXTRA_CITE_P:
            if rng.random() < p:
                t = below[lvl][pick(rng, below_cum[lvl])]
                if t not in targets:
                    targets.append(t)
        for t in targets:
            cites[i].append(t)
            lines.append(dumps({"type": "citation", "id": "x%d" % cit_id,
                                "from": "s%d" % i, "to": "s%d" % t,
                                "date": date(rng), "cycle": False}))
            cit_id += 1
    counts["citation"] = cit_id

    # ---- deliberate cycles (flagged) ---------------------------------------
    n_cycles = max(3, n_sources // 2000)
    cited_from = [i for i in range(n_sources) if cites[i]]
    made = set()
    attempts = 0
    while len(made) < n_cycles and attempts < n_cycles * 100:
        attempts += 1
        u = rng.choice(cited_from)
        v = u
        steps = rng.randrange(1, levels[u] + 1)
        for _ in range(steps):
            if not cites[v]:
                break
            v = rng.choice(cites[v])
        if v == u or (v, u) in made:
            continue
        made.add((v, u))
        lines.append(dumps({"type": "citation", "id": "x%d" % cit_id,
                            "from": "s%d" % v, "to": "s%d" % u,
                            "date": date(rng), "cycle": True}))
        cit_id += 1
    counts["cycle_citation"] = len(made)

    # ---- claims and attributions --------------------------------------------
    claim_cum = power_cum_weights(rng, n_sources, CLAIM_ALPHA)
    attr_id = 0
    for c in range(n_claims):
        text = "%s %s %s %s (#%d)" % (rng.choice(SUBJ), rng.choice(VERB),
                                      rng.choice(OBJ), rng.choice(PLACE), c)
        lines.append(dumps({"type": "claim", "id": "c%d" % c, "text": text}))
        k = rng.choices(range(1, 7), ATTR_COUNT_WEIGHTS)[0]
        k = min(k, n_sources)
        chosen = []
        while len(chosen) < k:
            s = pick(rng, claim_cum)
            if s not in chosen:
                chosen.append(s)
        for s in chosen:
            stance = "denies" if rng.random() < DENY_P else "asserts"
            quote = None
            if rng.random() < QUOTE_P:
                quote = " ".join(rng.choice(QUOTE_W) for _ in range(rng.randrange(4, 12)))
            lines.append(dumps({"type": "attribution", "id": "a%d" % attr_id,
                                "source": "s%d" % s, "claim": "c%d" % c,
                                "stance": stance, "date": date(rng), "quote": quote}))
            attr_id += 1
        if len(lines) > 50000:
            out.write("\n".join(lines) + "\n")
            lines = []
    counts["attribution"] = attr_id
    if lines:
        out.write("\n".join(lines) + "\n")
    return counts


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n_claims", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=20240601)
    a = ap.parse_args(argv)
    tmp = a.out + ".body.tmp"
    with open(tmp, "w", encoding="utf-8") as body:
        counts = generate(a.n_claims, a.seed, body)
    meta = {"type": "meta", "format_version": FORMAT_VERSION, "generator": "gen_corpus.py",
            "seed": a.seed, "n_claims": a.n_claims, "counts": counts}
    with open(a.out, "w", encoding="utf-8") as out, open(tmp, encoding="utf-8") as body:
        out.write(json.dumps(meta, sort_keys=True, separators=(",", ":")) + "\n")
        for chunk in iter(lambda: body.read(1 << 20), ""):
            out.write(chunk)
    os.remove(tmp)
    print(json.dumps(meta), file=sys.stderr)


if __name__ == "__main__":
    main()
