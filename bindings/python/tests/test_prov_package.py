"""What `to_prov_json()` writes loads in the `prov` package (PyPI) with the records our mapping
promises, and what `prov` writes back imports into an equal graph.

The mapping (see `ClaimGraph::to_prov_json` in the core): people, organizations, governments,
outlets, unnamed groups and collectives are agents; documents, claims and verdicts are
entities; attributions and authorship are `wasAttributedTo` (attributions keep their stance as
`cg:stance`); cites is a `wasDerivedFrom` typed `prov:Quotation` (PROV's `wasQuotedFrom`);
affiliation is `actedOnBehalfOf`; published in is `wasInfluencedBy`; claim relations are
`wasDerivedFrom` typed `cg:<Kind>`.
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from types import ModuleType
from typing import Any
from urllib.parse import unquote

import pytest

from claimgraph import ClaimGraph, SourceKind
from conftest import ROOT

prov_model = pytest.importorskip("prov.model", reason="the prov package is a test dependency")
ProvDocument = prov_model.ProvDocument

NODE = "urn:claimgraph:node:"
EDGE = "urn:claimgraph:edge:"
CG = "https://claimgraph.org/ns#"
PROV = "http://www.w3.org/ns/prov#"

AGENT_KINDS = {
    SourceKind.PERSON,
    SourceKind.ORGANIZATION,
    SourceKind.GOVERNMENT,
    SourceKind.OUTLET,
    SourceKind.UNNAMED_GROUP,
    SourceKind.COLLECTIVE,
}
#: The `prov:type` each agent kind is written with; unnamed groups and collectives have none.
AGENT_TYPES = {
    SourceKind.PERSON: {PROV + "Person"},
    SourceKind.ORGANIZATION: {PROV + "Organization"},
    SourceKind.GOVERNMENT: {PROV + "Organization"},
    SourceKind.OUTLET: {PROV + "Organization"},
    SourceKind.UNNAMED_GROUP: set(),
    SourceKind.COLLECTIVE: set(),
}
CLAIM_RELATION_TYPES = {
    "supports": "Supports",
    "contradicts": "Contradicts",
    "specializes": "Specializes",
    "same_as": "SameAs",
    "depends_on": "DependsOn",
}


def _reference_article() -> ClaimGraph:
    """The reference article's graph, from the Python twin of the example."""
    path = ROOT / "examples" / "python" / "putin_dprk_visit.py"
    spec = importlib.util.spec_from_file_location("putin_dprk_visit_twin", path)
    assert spec is not None and spec.loader is not None
    module: ModuleType = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    graph: ClaimGraph = module.putin_dprk_visit()
    return graph


def _every_kind() -> ClaimGraph:
    """Every source kind, stance, source relation, claim relation and a verdict, with ids that
    a qualified name cannot hold as they are (spaces, slashes, colons, Cyrillic)."""
    g = ClaimGraph()
    g.add_source("article", "document", "Analysis", published="2024-06-18", url="https://e.x/a")
    g.add_source("rok media/2024", "collective", "media from the ROK")
    g.add_source("rok-sources", "unnamed_group", "ROK sources")
    g.add_source("west", "collective", "the West")
    g.add_source("russia", "government", "Russia", aliases=["Russian Federation"])
    g.add_source("Министерство", "government", "Министерство обороны")
    g.add_source("spokesman", "person", "A spokesman")
    g.add_source("rodong", "outlet", "Rodong Sinmun")
    g.add_source("checker", "organization", "Fact Check Desk")
    g.add_source("op-ed", "document", "Putin's op-ed", published="2024-06")
    g.add_source("putin", "person", "Vladimir Putin")

    g.add_claim("containers", "6,700 containers", quantity=(6700, "containers"))
    g.add_claim("ammunition", "The DPRK supplies ammunition", subjects=["russia"])
    g.add_claim("ammo:again", "North Korea ships shells")
    g.add_claim("tech", "Russia may provide technology", period=("2024", None))
    g.add_claim("no-ammunition", "The DPRK supplies no ammunition")
    g.add_claim("support", "The DPRK supports Russia", tags=["military"])

    g.add_attribution("rok-sources", "containers", "asserts", via="article", said="2024-06-18")
    g.add_attribution("russia", "containers", "denies", via="article", quote="mad rumors")
    g.add_attribution("spokesman", "containers", "denies", modality="stated")
    g.add_attribution("west", "ammunition", "doubts", modality="alleged")
    g.add_attribution("op-ed", "support", "asserts", said="2024-06-18T09:00:00+09:00")
    g.add_attribution("Министерство", "no-ammunition", "asserts", modality="expected")

    g.add_source_relation("article", "cites", "rok media/2024")
    g.add_source_relation("rok media/2024", "cites", "rok-sources")
    g.add_source_relation("op-ed", "authored_by", "putin")
    g.add_source_relation("op-ed", "published_in", "rodong")
    g.add_source_relation("spokesman", "affiliated_with", "Министерство", date="2023")
    g.add_source_relation("Министерство", "affiliated_with", "russia")
    g.add_source_relation("putin", "affiliated_with", "russia")

    g.add_claim_relation("containers", "specializes", "ammunition")
    g.add_claim_relation("ammo:again", "same_as", "ammunition")
    g.add_claim_relation("no-ammunition", "contradicts", "ammunition")
    g.add_claim_relation("containers", "supports", "support")
    g.add_claim_relation("tech", "depends_on", "ammunition")

    g.add_verdict(
        "checker",
        "containers",
        "Unproven",
        rating=(2, 5, 1),
        date="2024-07-01",
        url="https://e.x/check",
        summary="No evidence was published.",
    )
    return g


@pytest.fixture(params=["every_kind", "reference_article"])
def graph_and_doc(request: pytest.FixtureRequest) -> tuple[ClaimGraph, Any]:
    g = _every_kind() if request.param == "every_kind" else _reference_article()
    doc = ProvDocument.deserialize(content=g.to_prov_json(), format="json")
    return g, doc


def _node(qn: Any) -> str:
    """The claimgraph id a PROV qualified name stands for."""
    uri = str(qn.uri)
    assert uri.startswith(NODE), uri
    return unquote(uri[len(NODE) :])


def _edge(qn: Any) -> str:
    uri = str(qn.uri)
    assert uri.startswith(EDGE), uri
    return unquote(uri[len(EDGE) :])


def _types(record: Any) -> set[str]:
    return {str(t.uri) for t in record.get_asserted_types()}


def _records(doc: Any, cls: Any) -> list[Any]:
    return list(doc.get_records(cls))


def _attr(record: Any, name: str) -> Any:
    """The one value of the attribute `name` (a `cg:` local name) of a record."""
    values = [v for k, v in record.attributes if str(k.uri) == CG + name]
    assert len(values) == 1, (record, name, values)
    return values[0]


def test_agents_and_entities_are_the_sources_claims_and_verdicts(
    graph_and_doc: tuple[ClaimGraph, Any],
) -> None:
    g, doc = graph_and_doc
    sources = g.sources()
    agents = {_node(a.identifier): a for a in _records(doc, prov_model.ProvAgent)}
    entities = {str(e.identifier.uri): e for e in _records(doc, prov_model.ProvEntity)}

    assert set(agents) == {s.id for s in sources if s.kind in AGENT_KINDS}
    for s in sources:
        if s.kind in AGENT_KINDS:
            assert _types(agents[s.id]) == AGENT_TYPES[s.kind], s.id
            assert _attr(agents[s.id], "kind") == s.kind.value
            assert agents[s.id].label == s.name

    documents = {NODE + s.id for s in sources if s.kind == SourceKind.DOCUMENT}
    claims = {NODE + c.id for c in g.claims()}
    assert {unquote(e) for e in entities if e.startswith(NODE)} == documents | claims
    verdicts = [e for u, e in entities.items() if u.startswith(EDGE)]
    assert len(verdicts) == g.counts().verdicts
    assert len(entities) == len(documents) + len(claims) + len(verdicts)
    for c in g.claims():
        claim = next(e for u, e in entities.items() if unquote(u) == NODE + c.id)
        assert _types(claim) == {CG + "Claim"}
        assert claim.label == c.text
    for v in verdicts:
        assert _types(v) == {CG + "Verdict"}


def test_attributions_are_was_attributed_to_with_their_stance(
    graph_and_doc: tuple[ClaimGraph, Any],
) -> None:
    g, doc = graph_and_doc
    attributed = _records(doc, prov_model.ProvAttribution)
    authored = [r for r in g.source_relations() if r.kind == "authored_by"]
    assert len(attributed) == g.counts().attributions + len(authored)

    by_id = {_edge(r.identifier): r for r in attributed}
    for a in g.attributions():
        record = by_id[a.id]
        entity = record.get_attribute(prov_model.PROV_ATTR_ENTITY)
        agent = record.get_attribute(prov_model.PROV_ATTR_AGENT)
        assert {_node(q) for q in entity} == {a.claim}
        assert {_node(q) for q in agent} == {a.source}
        assert _attr(record, "stance") == a.stance.value
        assert _attr(record, "modality") == a.modality.value
        if a.reported_in is not None:
            assert _node(_attr(record, "via")) == a.reported_in
    for r in authored:
        record = by_id[r.id]
        assert {_node(q) for q in record.get_attribute(prov_model.PROV_ATTR_ENTITY)} == {r.from_}
        assert {_node(q) for q in record.get_attribute(prov_model.PROV_ATTR_AGENT)} == {r.to}

    authorship = {r.id for r in authored}
    stances = Counter(
        _attr(r, "stance") for r in attributed if _edge(r.identifier) not in authorship
    )
    assert stances == Counter(a.stance.value for a in g.attributions())


def test_source_relations_are_quotations_delegations_and_influences(
    graph_and_doc: tuple[ClaimGraph, Any],
) -> None:
    g, doc = graph_and_doc
    relations = g.source_relations()

    def pairs(kind: str) -> set[tuple[str, str]]:
        return {(r.from_, r.to) for r in relations if r.kind == kind}

    derivations = _records(doc, prov_model.ProvDerivation)
    quotations = {
        (
            _node(d.get_attribute(prov_model.PROV_ATTR_GENERATED_ENTITY).pop()),
            _node(d.get_attribute(prov_model.PROV_ATTR_USED_ENTITY).pop()),
        )
        for d in derivations
        if PROV + "Quotation" in _types(d)
    }
    assert quotations == pairs("cites")

    delegations = {
        (
            _node(d.get_attribute(prov_model.PROV_ATTR_DELEGATE).pop()),
            _node(d.get_attribute(prov_model.PROV_ATTR_RESPONSIBLE).pop()),
        )
        for d in _records(doc, prov_model.ProvDelegation)
    }
    assert delegations == pairs("affiliated_with")

    influences = _records(doc, prov_model.ProvInfluence)
    assert {
        (
            _node(i.get_attribute(prov_model.PROV_ATTR_INFLUENCEE).pop()),
            _node(i.get_attribute(prov_model.PROV_ATTR_INFLUENCER).pop()),
        )
        for i in influences
    } == pairs("published_in")
    assert all(_types(i) == {CG + "PublishedIn"} for i in influences)


def test_claim_relations_are_typed_derivations(graph_and_doc: tuple[ClaimGraph, Any]) -> None:
    g, doc = graph_and_doc
    derived = {
        _edge(d.identifier): d
        for d in _records(doc, prov_model.ProvDerivation)
        if PROV + "Quotation" not in _types(d)
    }
    relations = g.claim_relations()
    assert set(derived) == {r.id for r in relations}
    for r in relations:
        d = derived[r.id]
        assert _types(d) == {CG + CLAIM_RELATION_TYPES[r.kind.value]}
        assert {_node(q) for q in d.get_attribute(prov_model.PROV_ATTR_GENERATED_ENTITY)} == {
            r.from_
        }
        assert {_node(q) for q in d.get_attribute(prov_model.PROV_ATTR_USED_ENTITY)} == {r.to}


def test_every_kind_of_record_is_covered() -> None:
    # The fixture above must exercise the whole mapping, or the tests prove less than they say.
    g = _every_kind()
    assert {s.kind for s in g.sources()} == set(SourceKind)
    assert {a.stance.value for a in g.attributions()} == {"asserts", "denies", "doubts"}
    assert {r.kind.value for r in g.source_relations()} == {
        "cites",
        "authored_by",
        "published_in",
        "affiliated_with",
    }
    assert {r.kind.value for r in g.claim_relations()} == set(CLAIM_RELATION_TYPES)
    assert g.counts().verdicts == 1


def test_what_prov_writes_back_imports_into_an_equal_graph(
    graph_and_doc: tuple[ClaimGraph, Any],
) -> None:
    g, doc = graph_and_doc
    again, report = ClaimGraph.from_prov_json(doc.serialize(format="json"))
    assert again == g
    assert list(report.skipped) == []
    assert report.added == g.counts()

