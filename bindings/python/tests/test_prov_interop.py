"""PROV-JSON written by others (the shared interop documents, and documents of the same shapes):
identity is the IRI, derivation kinds survive a trip through claimgraph, a repeated relation id
is reported with its content, and entities typed as claims become claims. What claimgraph writes
back loads in the `prov` package naming the same things as the original."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimgraph import ClaimGraph, SourceKind, Stance
from conftest import ROOT

prov_model = pytest.importorskip("prov.model", reason="the prov package is a test dependency")

INTEROP = ROOT.parent / "shared" / "interop" / "prov"
PROV = "http://www.w3.org/ns/prov#"


def _documents() -> list[Path]:
    found = sorted(INTEROP.glob("*/*.json"))
    assert found, f"no PROV-JSON documents under {INTEROP}"
    return found


def _element_iris(doc: Any) -> set[str]:
    """The IRIs of the entities and agents of a `prov` document, bundles included."""
    iris = set()
    for d in [doc, *doc.bundles]:
        for record in d.get_records((prov_model.ProvEntity, prov_model.ProvAgent)):
            iris.add(str(record.identifier.uri))
    return iris


@pytest.mark.parametrize("path", _documents(), ids=lambda p: p.parent.name)
def test_a_document_that_went_through_claimgraph_names_the_same_things(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    g, _ = ClaimGraph.from_prov_json(text)
    exported = g.to_prov_json()
    assert "urn:claimgraph:node:ex" not in exported
    original = prov_model.ProvDocument.deserialize(content=text, format="json")
    written = prov_model.ProvDocument.deserialize(content=exported, format="json")
    # Every entity and agent the document declares is in the export with its own IRI.
    assert _element_iris(original) <= _element_iris(written)
    back, report = ClaimGraph.from_prov_json(exported)
    assert back == g
    assert report.skipped == ()


def test_two_qualified_names_for_one_iri_are_one_source() -> None:
    doc = {
        "prefix": {"foo": "http://example.org/a/", "ex": "http://example.org/b/"},
        "entity": {"foo:e1": {"prov:label": "The article"}},
        "bundle": {
            "ex:b": {
                "prefix": {"ex": "http://example.org/a/"},
                "entity": {"ex:e1": {}},
            }
        },
    }
    g, report = ClaimGraph.from_prov_json(json.dumps(doc))
    assert [s.id for s in g.sources()] == ["foo:e1"]
    assert any("one record" in n and "ex:e1" in n for n in report.notes)


def test_simple_bundle_keeps_both_e001s_apart_with_their_iris() -> None:
    g, _ = ClaimGraph.from_prov_json((INTEROP / "simple-bundle" / "simple-bundle.json").read_text())
    assert sorted(s.id for s in g.sources()) == ["e001", "ex2:e001"]
    written = json.loads(g.to_prov_json())
    assert written["prefix"]["default"] == "http://example.org/0/"
    assert written["prefix"]["ex2"] == "http://example.org/2/"


def test_derivation_kinds_survive_import_and_export() -> None:
    g, _ = ClaimGraph.from_prov_json((INTEROP / "primer" / "primer.json").read_text())
    kinds = {
        (r["prov:generatedEntity"], r["prov:usedEntity"]): r.get("prov:type", {}).get("$")
        for r in json.loads(g.to_prov_json())["wasDerivedFrom"].values()
    }
    assert kinds[("ex:dataSet2", "ex:dataSet1")] == "prov:Revision"
    assert kinds[("ex:blogEntry", "ex:article")] == "prov:Quotation"
    assert kinds[("ex:chart2", "ex:dataSet2")] is None
    g, _ = ClaimGraph.from_prov_json(
        (INTEROP / "derivation13" / "derivation13.json").read_text()
    )
    written = json.loads(g.to_prov_json())
    assert written["wasDerivedFrom"]["ex:prim1"]["prov:type"]["$"] == "prov:PrimarySource"


def test_a_second_relation_with_a_taken_id_is_reported_with_its_content() -> None:
    doc = {
        "prefix": {"ex": "http://example.org/"},
        "entity": {"ex:doc": {}},
        "agent": {"ex:alice": {}, "ex:bob": {}},
        "wasAttributedTo": {"ex:r1": {"prov:entity": "ex:doc", "prov:agent": "ex:alice"}},
        "bundle": {
            "b": {"wasAttributedTo": {"ex:r1": {"prov:entity": "ex:doc", "prov:agent": "ex:bob"}}}
        },
    }
    g, report = ClaimGraph.from_prov_json(json.dumps(doc))
    assert g.source_relation("ex:r1").to == "ex:alice"
    second = next(s for s in report.skipped if s.id == "ex:r1")
    assert "PROV-CONSTRAINTS" in second.reason
    assert second.value is not None and "ex:bob" in second.value


def test_entities_typed_as_claims_become_claims_with_their_attributions() -> None:
    doc = {
        "prefix": {"ex": "http://example.org/", "schema": "https://schema.org/"},
        "entity": {
            "ex:c1": {
                "prov:type": {"$": "schema:Claim", "type": "prov:QUALIFIED_NAME"},
                "schema:text": "The bridge was closed in 2019",
            }
        },
        "agent": {"ex:mayor": {"prov:type": {"$": "prov:Person", "type": "prov:QUALIFIED_NAME"}}},
        "wasAttributedTo": {"ex:a1": {"prov:entity": "ex:c1", "prov:agent": "ex:mayor"}},
    }
    g, _ = ClaimGraph.from_prov_json(json.dumps(doc))
    assert g.claim("ex:c1").text == "The bridge was closed in 2019"
    a = g.attribution("ex:a1")
    assert (a.source, a.claim, a.stance) == ("ex:mayor", "ex:c1", Stance.ASSERTS)
    assert g.source("ex:mayor").kind == SourceKind.PERSON
