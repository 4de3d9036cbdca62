"""What the binding writes from each core type's field list: every field as an attribute, in
``__match_args__`` order, the same list in the type stubs, and ``to_dict`` for every answer."""

from __future__ import annotations

import ast
import pathlib

import pytest

import claimgraph
from claimgraph import _claimgraph
from claimgraph import ClaimGraph, MergePolicy, MergeReport, Source

STUBS = pathlib.Path(claimgraph.__file__).with_name("_claimgraph.pyi")


def _stub_match_args() -> dict[str, tuple[str, ...]]:
    """Each stub class's ``__match_args__``, and the properties it declares."""
    found = {}
    for node in ast.parse(STUBS.read_text()).body:
        if not isinstance(node, ast.ClassDef):
            continue
        for item in node.body:
            if (
                isinstance(item, ast.Assign)
                and isinstance(item.targets[0], ast.Name)
                and item.targets[0].id == "__match_args__"
            ):
                found[node.name] = tuple(ast.literal_eval(item.value))
    return found


def _classes_with_fields() -> list[type]:
    return [
        v
        for v in vars(claimgraph._claimgraph).values()
        if isinstance(v, type) and hasattr(v, "__match_args__")
    ]


def test_most_classes_are_written_from_a_field_list() -> None:
    assert len(_classes_with_fields()) >= 25


@pytest.mark.parametrize("cls", _classes_with_fields(), ids=lambda c: c.__name__)
def test_the_stubs_declare_the_fields_of_the_binding(cls: type) -> None:
    stub = _stub_match_args()
    assert stub.get(cls.__name__) == cls.__match_args__
    for name in cls.__match_args__:
        assert isinstance(getattr(cls, name), property) or hasattr(cls, name)


def test_a_merge_reports_the_records_whose_lists_it_extended() -> None:
    ours, theirs = ClaimGraph(), ClaimGraph()
    ours.add_source("dprk", "government", "DPRK", aliases=["North Korea"])
    theirs.add_source("dprk", "government", "DPRK", aliases=["Pyongyang"])
    theirs.add_source("russia", "government", "Russia")
    report = ours.merge(theirs, policy=MergePolicy.FAIL)
    assert report.extended == ("dprk",)
    assert report.added == ("russia",)
    assert ours.source("dprk").aliases == ("North Korea", "Pyongyang")
    assert report.to_dict() == {
        "added": ["russia"],
        "unchanged": [],
        "extended": ["dprk"],
        "conflicts": [],
    }
    match report:
        case MergeReport(added, unchanged, extended, conflicts):
            assert (added, unchanged, extended, conflicts) == (("russia",), (), ("dprk",), ())


def test_records_unpack_in_match_statements_in_their_constructor_order() -> None:
    match Source("rok", "government", "Republic of Korea", aliases=["ROK"]):
        case Source(id, kind, name, aliases=aliases):
            assert (id, kind, name, aliases) == ("rok", "government", "Republic of Korea", ("ROK",))
        case _:
            pytest.fail("a Source did not match its own pattern")


def test_the_skipped_cycle_citations_of_an_ingest_are_reported() -> None:
    corpus = "\n".join(
        [
            '{"type":"meta","format_version":1}',
            '{"type":"source","id":"s0","kind":"person","name":"Ana","anonymous":false}',
            '{"type":"source","id":"s1","kind":"outlet","name":"Wire","anonymous":false}',
            '{"type":"citation","id":"x0","from":"s1","to":"s0","date":"2024-06-18","cycle":false}',
            '{"type":"citation","id":"x1","from":"s0","to":"s1","date":"2024-06-18","cycle":true}',
        ]
    )
    report = ClaimGraph().ingest_jsonl_text(corpus + "\n")
    assert (report.citations, report.skipped_cycle_citations) == (1, 1)
    assert report.to_dict()["skipped_cycle_citations"] == 1
    with_cycles = ClaimGraph().ingest_jsonl_text(corpus + "\n", include_cycles=True)
    assert (with_cycles.citations, with_cycles.skipped_cycle_citations) == (2, 0)


def test_the_enum_members_are_the_core_s_names_in_its_order() -> None:
    # One table in the core names every enum value; the members of claimgraph._enums equal it.
    names = _claimgraph._value_names()
    assert set(names) >= {"SourceKind", "Stance", "RecordKind", "MergePolicy"}
    for enum_name, values in names.items():
        assert [m.value for m in getattr(claimgraph, enum_name)] == values, enum_name


def test_names_are_read_by_the_one_rule() -> None:
    # Case and separators (-, _, space) do not matter, for every enum alike.
    assert claimgraph.Source("x", "Person", "X").kind is claimgraph.SourceKind.PERSON
    assert claimgraph.Source("x", "Unnamed Group", "X").kind is claimgraph.SourceKind.UNNAMED_GROUP
    a = claimgraph.Attribution("x", "c", "Asserts", modality="ALLEGED")
    assert (a.stance, a.modality) == (claimgraph.Stance.ASSERTS, claimgraph.Modality.ALLEGED)
    r = claimgraph.SourceRelation("a", "authored-by", "b")
    assert r.kind is claimgraph.SourceRelationKind.AUTHORED_BY
    assert claimgraph.RecordKind.SOURCE_RELATION == "source_relation"
