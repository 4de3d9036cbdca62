#!/usr/bin/env python3
"""The reference article end to end, through the Python binding: "Analysis: Putin's visit to DPRK
raises Western concerns" (Yangcheng Evening News, 18 June 2024), recorded as a claim graph and
questioned.

    python examples/python/putin_dprk_visit.py           # readable report
    python examples/python/putin_dprk_visit.py --json    # one JSON object per claim and line

This is the twin of the Rust example `putin_dprk_visit` (examples/putin_dprk_visit.rs): the same
records with the same ids as core/tests/common/reference.rs, and the same output. Each JSON line
holds the claim's `id` and `text`, every field of its status except `claim`,
`independent_origin_count`, and the `score` and `reasons` of its assessment, with keys sorted.
The Python test suite compares both outputs with the Rust example's.

Modelling reported speech: "according to X, ..." is an attribution from X, reported `via` the
article; the article asserts only what it says in its own voice. Putin's op-ed is a document
authored by Putin and published in Rodong Sinmun, so its claims trace back to Putin.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from claimgraph import (
    Attribution,
    Chain,
    ClaimGraph,
    Modality,
    RecordKind,
    SourceKind,
    SourceRelationKind,
    Stance,
    Status,
)

ARTICLE = "article"
QIAN_KEJIN = "qian-kejin"
ARTICLE_PUBLISHED = "2024-06-18T23:30:00+08:00"

USAGE = """usage: putin_dprk_visit.py [--json | --help]

  (no argument)  a readable report of every claim, the findings, and the record as of 17 June
  --json         one JSON object per claim and line
  -h, --help     this message"""


def putin_dprk_visit() -> ClaimGraph:
    """The graph of the reference article."""
    g = ClaimGraph()
    _sources(g)
    _source_relations(g)
    _claims(g)
    _claim_relations(g)
    _attributions(g)
    return g


def _sources(g: ClaimGraph) -> None:
    doc, person, outlet, gov = (
        SourceKind.DOCUMENT,
        SourceKind.PERSON,
        SourceKind.OUTLET,
        SourceKind.GOVERNMENT,
    )
    title = "Analysis: Putin's visit to DPRK raises Western concerns"
    # The headline is the title; the name says what the document is.
    g.add_source(
        ARTICLE,
        doc,
        "Yangcheng Evening News analysis of 18 June 2024",
        title=title,
        published=ARTICLE_PUBLISHED,
    )
    g.add_source(QIAN_KEJIN, person, "钱克锦", aliases=["Qian Kejin"])
    g.add_source("yangcheng-evening-news", outlet, "Yangcheng Evening News", aliases=["羊城晚报"])
    g.add_source("lingnan-on-the-cloud", outlet, "Lingnan on the Cloud", aliases=["云上岭南"])
    g.add_source(
        "rok-media",
        SourceKind.COLLECTIVE,
        "media from the ROK",
        aliases=["ROK media", "South Korean media"],
    )
    g.add_source("rok-sources", SourceKind.UNNAMED_GROUP, "ROK sources")
    g.add_source("rok", gov, "Republic of Korea", aliases=["ROK", "South Korea"])
    g.add_source(
        "rok-unification-ministry",
        gov,
        "Ministry of Unification of the Republic of Korea",
        aliases=["ROK Ministry of Unification", "Ministry of Unification"],
    )
    g.add_source(
        "rok-unification-statistics",
        doc,
        "Statistics of the ROK Ministry of Unification on DPRK-Russia exchanges",
    )
    g.add_source("west", SourceKind.COLLECTIVE, "the West", aliases=["West"])
    g.add_source("western-commentators", SourceKind.UNNAMED_GROUP, "some Western commentators")
    g.add_source("russia", gov, "Russia", aliases=["Russian Federation"])
    g.add_source(
        "dprk",
        gov,
        "Democratic People's Republic of Korea",
        aliases=["DPRK", "North Korea"],
    )
    g.add_source("ukraine", gov, "Ukraine")
    g.add_source("putin", person, "Vladimir Putin", aliases=["Putin"])
    g.add_source("putin-op-ed", doc, "Putin's op-ed in Rodong Sinmun", published="2024-06-18")
    g.add_source("rodong-sinmun", outlet, "Rodong Sinmun")


def _source_relations(g: ClaimGraph) -> None:
    # Why these and no others (no "article cites X", no ROK media affiliated with the ROK) is
    # explained in core/tests/common/reference.rs.
    authored, published, affiliated = (
        SourceRelationKind.AUTHORED_BY,
        SourceRelationKind.PUBLISHED_IN,
        SourceRelationKind.AFFILIATED_WITH,
    )
    for from_, kind, to in [
        (ARTICLE, authored, QIAN_KEJIN),
        (ARTICLE, published, "yangcheng-evening-news"),
        (ARTICLE, published, "lingnan-on-the-cloud"),
        (QIAN_KEJIN, affiliated, "yangcheng-evening-news"),
        ("rok-unification-ministry", affiliated, "rok"),
        ("rok-unification-statistics", authored, "rok-unification-ministry"),
        ("western-commentators", affiliated, "west"),
        ("putin", affiliated, "russia"),
        ("putin-op-ed", authored, "putin"),
        ("putin-op-ed", published, "rodong-sinmun"),
        ("rodong-sinmun", affiliated, "dprk"),
    ]:
        g.add_source_relation(from_, kind, to)


def _claims(g: ClaimGraph) -> None:
    visit_days = ("2024-06-18", "2024-06-19")
    claim = g.add_claim
    claim(
        "state-visit",
        "Russian President Vladimir Putin makes a state visit to the DPRK from 18 to 19 June 2024.",
        subjects=["putin", "russia", "dprk"],
        period=visit_days,
        tags=["diplomacy"],
    )
    claim(
        "welcome-ceremony",
        "The DPRK is planning a grand ceremony to welcome Putin.",
        subjects=["dprk", "putin"],
        tags=["diplomacy"],
    )
    claim(
        "partnership-agreement",
        "Russia and the DPRK sign a comprehensive strategic partnership agreement during the visit.",
        subjects=["russia", "dprk"],
        period=visit_days,
        tags=["diplomacy"],
    )
    claim(
        "west-deeply-concerned",
        "The West is deeply concerned about the development of Russia-DPRK relations.",
        subjects=["west"],
        tags=["western-reaction"],
    )
    claim(
        "munitions-demand",
        "The stalemate in the Russia-Ukraine conflict has led both sides to require large "
        "quantities of artillery and ammunition.",
        subjects=["russia", "ukraine"],
        tags=["military", "ukraine-war"],
    )
    claim(
        "west-aids-ukraine",
        "The West is making every effort to aid Ukraine and seeks to cut off Russia's external "
        "support.",
        subjects=["west", "ukraine", "russia"],
        tags=["ukraine-war", "western-reaction"],
    )
    claim(
        "ammunition-supply",
        "The DPRK supplies significant amounts of artillery and ammunition to Russia.",
        subjects=["dprk", "russia"],
        tags=["military", "arms-transfer"],
    )
    claim(
        "containers",
        "From August 2023 to February 2024 the DPRK delivered 6,700 containers of weapons and "
        "ammunition to Russia.",
        subjects=["dprk", "russia"],
        period=("2023-08", "2024-02"),
        quantity=(6700.0, "containers"),
        tags=["military", "arms-transfer"],
    )
    claim(
        "tech-reciprocation",
        "In return for ammunition, Russia might provide the DPRK with missile, submarine and even "
        "space technology.",
        subjects=["russia", "dprk"],
        tags=["military", "technology-transfer"],
    )
    claim(
        "dprk-capabilities",
        "Russian technology could advance the DPRK's missile, submarine and nuclear capabilities.",
        subjects=["dprk", "russia"],
        tags=["military", "nuclear"],
    )
    claim(
        "steadfast-supporter",
        "Since the full-scale outbreak of the Russia-Ukraine conflict, the DPRK has been one of "
        "Russia's most steadfast supporters.",
        subjects=["dprk", "russia"],
        tags=["diplomacy", "ukraine-war"],
    )
    claim(
        "support-for-operation",
        "The DPRK firmly supports Russia's special military operation in Ukraine and aligns with "
        "Russia on international platforms such as the United Nations.",
        subjects=["dprk", "russia"],
        tags=["diplomacy", "ukraine-war"],
    )
    claim(
        "deeper-interaction",
        "Interactions between Russia and the DPRK have become more frequent and in-depth.",
        subjects=["russia", "dprk"],
        tags=["diplomacy"],
    )
    claim(
        "high-level-exchanges",
        "There have been 18 high-level exchanges (meetings, international conferences, talks) "
        "between the DPRK and Russia in 2024.",
        subjects=["dprk", "russia"],
        period=("2024", "2024"),
        quantity=(18.0, "high-level exchanges"),
        tags=["diplomacy"],
    )
    _later_claims(g)


def _later_claims(g: ClaimGraph) -> None:
    # The claims of the article's second half; split only to keep functions short.
    claim = g.add_claim
    claim(
        "regional-reshaping",
        "Cooperation between Russia and the DPRK could significantly reshape international "
        "relations in Northeast Asia and even the Asia-Pacific region.",
        subjects=["russia", "dprk"],
        tags=["regional-order"],
    )
    claim(
        "settlement-system",
        "Russia and the DPRK will develop a trade and settlement system independent of Western "
        "control, jointly opposing unilateral and illegal restrictive measures.",
        subjects=["russia", "dprk"],
        tags=["economy", "sanctions"],
    )
    claim(
        "western-sanctions",
        "Western sanctions are imposed on both Russia and the DPRK.",
        subjects=["west", "russia", "dprk"],
        tags=["sanctions"],
    )
    claim(
        "dual-advantage",
        "Putin's state visit brings the DPRK government a dual advantage: a higher international "
        "standing and greater domestic prestige.",
        subjects=["dprk"],
        tags=["diplomacy", "domestic-politics"],
    )
    claim(
        "west-isolates-dprk",
        "The West has long pursued a strategy of sanctioning and isolating the DPRK government.",
        subjects=["west", "dprk"],
        tags=["sanctions", "western-reaction"],
    )
    claim(
        "positive-developments-worry-west",
        "Any positive development for the DPRK causes significant concern in the West.",
        subjects=["west", "dprk"],
        tags=["western-reaction"],
    )


def _claim_relations(g: ClaimGraph) -> None:
    for from_, kind, to in [
        ("containers", "specializes", "ammunition-supply"),
        ("tech-reciprocation", "depends_on", "ammunition-supply"),
        ("dprk-capabilities", "depends_on", "tech-reciprocation"),
        ("welcome-ceremony", "depends_on", "state-visit"),
        ("partnership-agreement", "depends_on", "state-visit"),
        ("dual-advantage", "depends_on", "state-visit"),
        ("support-for-operation", "supports", "steadfast-supporter"),
        ("high-level-exchanges", "supports", "deeper-interaction"),
        ("settlement-system", "supports", "regional-reshaping"),
        ("western-sanctions", "supports", "west-isolates-dprk"),
        ("west-isolates-dprk", "supports", "positive-developments-worry-west"),
    ]:
        g.add_claim_relation(from_, kind, to)


def _attributions(g: ClaimGraph) -> None:
    asserts, denies = Stance.ASSERTS, Stance.DENIES
    alleged, expected, speculated = Modality.ALLEGED, Modality.EXPECTED, Modality.SPECULATED

    def reported(source: str, claim: str, stance: Stance, **fields: Any) -> None:
        g.add_attribution(source, claim, stance, via=ARTICLE, **fields)

    reported(ARTICLE, "state-visit", asserts)
    reported("rok-media", "welcome-ceremony", asserts)
    reported("rok-media", "partnership-agreement", asserts, modality=expected)
    reported(ARTICLE, "west-deeply-concerned", asserts, quote="deeply concerned")
    reported(ARTICLE, "munitions-demand", asserts)
    reported(ARTICLE, "west-aids-ukraine", asserts)
    reported("west", "ammunition-supply", asserts, modality=alleged)
    reported(
        "west",
        "ammunition-supply",
        asserts,
        modality=alleged,
        id="west:remains-suspicious:ammunition-supply",
    )
    reported("rok-sources", "containers", asserts)
    # "Both Russia and DPRK have denied these claims": one statement each, covering the
    # containers and the supply they are evidence of.
    reported("russia", "containers", denies, quote="mad rumors", covers=["ammunition-supply"])
    reported("dprk", "containers", denies, quote="mad rumors", covers=["ammunition-supply"])
    reported("west", "tech-reciprocation", asserts, modality=speculated)
    reported("west", "dprk-capabilities", asserts, modality=speculated)
    reported(ARTICLE, "steadfast-supporter", asserts, quote="most steadfast supporters")
    reported(
        "putin-op-ed",
        "support-for-operation",
        asserts,
        said="2024-06-18",
        quote="special military operation",
    )
    reported(ARTICLE, "deeper-interaction", asserts)
    reported("rok-unification-statistics", "high-level-exchanges", asserts)
    reported(ARTICLE, "regional-reshaping", asserts, modality=speculated)
    reported("putin", "settlement-system", asserts, modality=expected)
    reported(ARTICLE, "western-sanctions", asserts)
    reported("western-commentators", "dual-advantage", asserts, modality=alleged)
    reported(ARTICLE, "west-isolates-dprk", asserts)
    reported(ARTICLE, "positive-developments-worry-west", asserts)


# ----- the JSON lines ------------------------------------------------------------------------


def claim_json(g: ClaimGraph, status: Status) -> dict[str, Any]:
    """One claim as the Rust example writes it: id, text, the status without `claim`, the
    independent-origin count, and the assessment's score, reasons and notes."""
    claim = g.claim(status.claim)
    assessment = g.assess(status.claim).to_dict()
    out: dict[str, Any] = {"id": claim.id, "text": claim.text}
    out.update((k, v) for k, v in status.to_dict().items() if k != "claim")
    out["independent_origin_count"] = status.independent_origin_count
    out["score"] = assessment["score"]
    out["reasons"] = assessment["reasons"]
    out["notes"] = assessment["notes"]
    return out


def json_lines(g: ClaimGraph) -> list[str]:
    return [
        json.dumps(claim_json(g, s), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        for s in g.statuses()
    ]


# ----- the readable report -------------------------------------------------------------------


#: How wide a wrapped list of ids may grow, after its label.
LIST_WIDTH = 80


class _Text:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def line(self, s: str) -> None:
        self.lines.append(s)

    def blank(self) -> None:
        self.lines.append("")

    def field(self, label: str, values: list[str]) -> None:
        """A labelled block: the label on the first line, later lines aligned under the first."""
        for v in values:
            self.line(f"  {label:<14} {v}")
            label = ""

    def list(self, label: str, ids: list[str]) -> None:
        """A labelled list of ids, comma-separated and wrapped (widths in UTF-8 bytes, as the
        Rust example counts them)."""
        lines: list[str] = []
        current = ""
        for id in ids:
            if current and len(current.encode()) + len(id.encode()) + 2 > LIST_WIDTH:
                lines.append(current + ",")
                current = ""
            current = f"{current}, {id}" if current else id
        if current:
            lines.append(current)
        self.field(label, _or_none(lines))


def _or_none(lines: list[str]) -> list[str]:
    return lines or ["none"]


def _who(g: ClaimGraph, id: str) -> str:
    """"Russia (russia)": the name a reader knows, and the id to look it up by."""
    s = g.source(id) if g.kind_of(id) == RecordKind.SOURCE else None
    if s is not None and s.name != id:
        return f"{s.name} ({id})"
    return id


def _name(g: ClaimGraph, id: str) -> str:
    return g.source(id).name if g.kind_of(id) == RecordKind.SOURCE else id


def _attribution_line(g: ClaimGraph, this: str, a: Attribution) -> str:
    """One statement on the claim `this`, as its section shows it."""
    parts = [f"{a.stance.value:<8}{_who(g, a.source)}"]
    # Only an id someone chose tells the reader something the line does not already show.
    if a.id != Attribution(a.source, a.claim, a.stance).id:
        parts.append(f"[{a.id}]")
    if a.modality != Modality.STATED:
        parts.append(a.modality.value)
    if a.said is not None:
        parts.append(f"said {a.said}")
    if a.quote is not None:
        parts.append(f"\u201c{a.quote}\u201d")
    hops = [h.source if h.date is None else f"{h.source} ({h.date})" for h in a.via if h.source != a.source]
    if hops:
        parts.append(f"via {' > '.join(hops)}")
    if a.basis:
        parts.append(f"resting on {', '.join(a.basis)}")
    # The other claims the same statement covers, seen from this claim's section.
    others = [c for c in (a.claim, *a.covers) if c != this]
    if others:
        parts.append(f"also covering {', '.join(others)}")
    return ", ".join(parts)


def _chain_line(g: ClaimGraph, c: Chain) -> str:
    s = f"{c.stance.value:<8}{' -> '.join(_name(g, p) for p in c.path)}"
    if c.via is not None:
        s += f"  (via {c.via})"
    if c.circular:
        s += "  [comes back on itself]"
    return s


def _claim_section(g: ClaimGraph, status: Status, out: _Text) -> None:
    cid = status.claim
    out.line(f"[{cid}] {g.claim(cid).text}")
    stances = list(Stance)
    attributions = sorted(g.attributions_of(cid), key=lambda a: (stances.index(a.stance), a.id))
    out.field("said", _or_none([_attribution_line(g, cid, a) for a in attributions]))
    # Stances counted here through a rewording or a specialization, each with why.
    if status.inferred:
        out.field("related", [i.detail for i in status.inferred])

    origins = []
    for o in status.origins:
        s = _who(g, o.id)
        if o.circular:
            s += f" [loop: {', '.join(o.members)}]"
        if o.unnamed:
            s += " [unnamed]"
        origins.append(s)
    out.field("origins", _or_none(origins))

    groups = [f"{grp.top} <- {', '.join(grp.origins)}" for grp in status.independent_origins]
    if not groups:
        groups = ["none"]
    elif len(groups) == 1:
        groups[0] = "1 group: " + groups[0]
    else:
        groups.insert(0, f"{len(groups)} groups")
    out.field("independent", groups)

    chains: list[str] = []
    for c in g.chains(cid):
        # Two attributions of one source to one claim trace the same chain.
        line = _chain_line(g, c)
        if line not in chains:
            chains.append(line)
    out.field("chains", _or_none(chains))

    flags = []
    if status.disputed:
        flags.append("disputed")
    if status.unnamed_only:
        flags.append("unnamed sources only")
    if status.interested_deniers:
        flags.append(f"denied by interested parties: {', '.join(status.interested_deniers)}")
    if status.circular_reporting:
        flags.append("circular reporting")
    for v in status.verdicts:
        flags.append(f"verdict {json.dumps(v.label, ensure_ascii=False)} by {v.reviewer}")
    out.field("flags", _or_none(flags))

    assessment = g.assess(cid)
    credibility = [f"{assessment.score:.2f}"]
    credibility += [f"{r.weight:+.2f}  {r.kind}: {r.detail}" for r in assessment.reasons]
    credibility += [f"note   {r.kind}: {r.detail}" for r in assessment.notes]
    out.field("credibility", credibility)


def _findings_section(g: ClaimGraph, out: _Text) -> None:
    f = g.findings()
    out.line("Findings")
    out.list("disputed", list(f.disputed))
    out.list("single origin", list(f.single_origin))
    out.list("unnamed only", list(f.unnamed_only))
    loops = [f"{' <-> '.join(c.sources)} (claims: {', '.join(c.claims)})" for c in f.circular_reporting]
    out.field("circular", _or_none(loops))
    contradictions = []
    for c in f.contradictions:
        s = f"{c.claim} contradicts {c.other}"
        if c.sources_asserting_both:
            s += f"; asserted together by {', '.join(c.sources_asserting_both)}"
        contradictions.append(s)
    out.field("contradicts", _or_none(contradictions))


def _as_of_section(g: ClaimGraph, date: str, out: _Text) -> None:
    then = g.as_of(date)
    total = g.counts().attributions
    placed = then.graph.counts().attributions
    out.line(f"As of {then.date}")
    out.line(
        f"  {placed} of {total} attributions on record; "
        f"{len(then.unplaced)} could not be placed in time"
    )
    out.list("said by then", [c.id for c in then.graph.claims() if then.graph.attributions_of(c.id)])
    if then.unplaced:
        out.list("unplaced", list(then.unplaced))


def report(g: ClaimGraph, as_of: list[str]) -> str:
    """Every claim, the graph-wide findings, and the graph as it stood on each date."""
    out = _Text()
    statuses = g.statuses()
    out.line(f"Claims ({len(statuses)})")
    for status in statuses:
        out.blank()
        _claim_section(g, status, out)
    out.blank()
    _findings_section(g, out)
    for date in as_of:
        out.blank()
        _as_of_section(g, date, out)
    return "\n".join(out.lines) + "\n"


def header(g: ClaimGraph) -> str:
    article, author = g.source(ARTICLE), g.source(QIAN_KEJIN)
    counts = g.counts()
    return (
        f"{article.title or article.name}\n"
        f"by {author.name} ({', '.join(author.aliases)}), Yangcheng Evening News, "
        f"{article.published or ''}\n"
        f"{counts.sources} sources, {counts.claims} claims, {counts.attributions} attributions, "
        f"{counts.source_relations} source relations, {counts.claim_relations} claim relations\n\n"
    )


def main(argv: list[str]) -> int:
    if argv not in ([], ["--json"], ["-h"], ["--help"]):
        print(f"unknown arguments: {' '.join(argv)}\n{USAGE}", file=sys.stderr)
        return 2
    if argv and argv[0] in ("-h", "--help"):
        print(USAGE)
        return 0
    g = putin_dprk_visit()
    if argv == ["--json"]:
        for line in json_lines(g):
            print(line)
    else:
        # The day before the article, and its own day.
        sys.stdout.write(header(g) + report(g, ["2024-06-17", "2024-06-18"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
