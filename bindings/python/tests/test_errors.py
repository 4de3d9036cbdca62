"""Every exception type: its built-in base class, and the id / field / line it carries."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimgraph
from claimgraph import (
    ClaimGraph,
    ClaimGraphError,
    DuplicateIdError,
    FormatError,
    InvalidInputError,
    IoError,
    LimitExceededError,
    MergeConflictError,
    NotFoundError,
    RecordKind,
    UnsupportedVersionError,
)


def test_the_hierarchy_subclasses_the_builtins_users_catch() -> None:
    assert issubclass(NotFoundError, KeyError)
    for cls in (DuplicateIdError, InvalidInputError, FormatError, MergeConflictError):
        assert issubclass(cls, ValueError)
    assert issubclass(UnsupportedVersionError, FormatError)
    assert issubclass(IoError, OSError)
    for cls in (
        NotFoundError,
        DuplicateIdError,
        InvalidInputError,
        FormatError,
        UnsupportedVersionError,
        MergeConflictError,
        LimitExceededError,
        IoError,
    ):
        assert issubclass(cls, ClaimGraphError)


def test_not_found_is_a_key_error_with_a_readable_message(graph: ClaimGraph) -> None:
    with pytest.raises(KeyError) as e:
        graph.status("no-such-claim")
    err = e.value
    assert isinstance(err, NotFoundError)
    assert (err.id, err.kind) == ("no-such-claim", RecordKind.CLAIM)
    # KeyError would quote its message; this one reads as a sentence.
    assert str(err) == 'no claim with id "no-such-claim"'


def test_an_edge_to_an_unknown_id_names_the_missing_record(graph: ClaimGraph) -> None:
    with pytest.raises(NotFoundError) as e:
        graph.add_attribution("nobody", "containers", "asserts")
    assert (e.value.id, e.value.kind) == ("nobody", RecordKind.SOURCE)


def test_duplicate_ids_name_the_record_that_holds_the_id(graph: ClaimGraph) -> None:
    with pytest.raises(DuplicateIdError) as e:
        graph.add_source("containers", "person", "Someone")
    assert (e.value.id, e.value.existing) == ("containers", RecordKind.CLAIM)
    with pytest.raises(ValueError):
        graph.add_attribution("rok-sources", "containers", "asserts")


@pytest.mark.parametrize("bad_id", ["", " padded", "tab\tinside", "x" * 300])
def test_malformed_ids_are_invalid_input(empty: ClaimGraph, bad_id: str) -> None:
    with pytest.raises(InvalidInputError) as e:
        empty.add_source(bad_id, "person", "Someone")
    assert e.value.field == "id"
    assert e.value.reason


def test_an_invalid_field_names_the_record_and_the_field(empty: ClaimGraph) -> None:
    with pytest.raises(InvalidInputError) as e:
        empty.add_claim("c", "   ")
    assert (e.value.id, e.value.field) == ("c", "text")
    empty.add_source("s", "person", "S")
    with pytest.raises(InvalidInputError) as e:
        empty.add_source_relation("s", "cites", "s")
    assert (e.value.id, e.value.field) == ("s:cites:s", "to")
    with pytest.raises(InvalidInputError) as e:
        empty.add_source("t", "alien", "T")
    assert e.value.field == "kind"


def test_an_id_of_the_wrong_kind_says_what_was_expected(graph: ClaimGraph) -> None:
    with pytest.raises(InvalidInputError) as e:
        graph.add_attribution("containers", "support", "asserts")
    err = e.value
    assert (err.kind, err.field, err.target) == (RecordKind.ATTRIBUTION, "source", "containers")
    assert (err.expected, err.found) == (RecordKind.SOURCE, RecordKind.CLAIM)


def test_a_failed_change_leaves_the_graph_as_it_was(graph: ClaimGraph) -> None:
    before = graph.to_json()
    for bad in (
        lambda: graph.add_claim("new", "Text", subjects=["nobody"]),
        lambda: graph.add_verdict("rodong", "support", "False", rating=(9, 5, 1)),
        lambda: graph.add_attribution("rok-sources", "support", "asserts", via="support"),
    ):
        with pytest.raises(ClaimGraphError):
            bad()
    assert graph.to_json() == before


def test_format_errors_carry_the_line_and_column() -> None:
    text = '{\n  "format": "claimgraph",\n  "version": 1,\n  "sources": [oops]\n}'
    with pytest.raises(FormatError) as e:
        ClaimGraph.from_json(text)
    assert e.value.line == 4
    assert e.value.column is not None
    assert e.value.format


def test_a_newer_format_version_is_its_own_error() -> None:
    with pytest.raises(UnsupportedVersionError) as e:
        ClaimGraph.from_json('{"format": "claimgraph", "version": 99}')
    assert (e.value.found, e.value.supported) == (99, 2)
    assert isinstance(e.value, FormatError)


def test_json_lines_errors_name_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text(
        '{"type":"meta","format_version":1}\n'
        '{"type":"claim","id":"c0","text":"Text"}\n'
        '{"type":"attribution","id":"a0","source":"nobody","claim":"c0","stance":"asserts"}\n'
    )
    with pytest.raises(FormatError) as e:
        ClaimGraph.from_jsonl(path)
    assert e.value.line == 3
    assert e.value.path == str(path)


def test_a_merge_conflict_names_the_record_field_and_both_values() -> None:
    ours, theirs = ClaimGraph(), ClaimGraph()
    ours.add_source("x", "person", "Ours")
    theirs.add_source("x", "person", "Theirs")
    with pytest.raises(MergeConflictError) as e:
        ours.merge(theirs)
    err = e.value
    assert (err.kind, err.id, err.field) == (RecordKind.SOURCE, "x", "name")
    assert (err.ours, err.theirs) == ('"Ours"', '"Theirs"')
    assert ours.source("x").name == "Ours"


def test_too_many_chains_is_a_limit_error(empty: ClaimGraph) -> None:
    # 17 layers of two sources, each citing both of the next layer: 2**17 paths to the origin,
    # more than the 100,000 chains the core lists for one claim.
    empty.add_source("origin", "person", "Origin")
    layers = [[f"s{i}a", f"s{i}b"] for i in range(17)]
    for layer in layers:
        for s in layer:
            empty.add_source(s, "outlet", s)
    for upper, lower in zip(layers, layers[1:]):
        for u in upper:
            for w in lower:
                empty.add_source_relation(u, "cites", w)
    for s in layers[-1]:
        empty.add_source_relation(s, "cites", "origin")
    empty.add_source("asserter", "outlet", "Asserter")
    for s in layers[0]:
        empty.add_source_relation("asserter", "cites", s)
    empty.add_claim("c", "A much repeated claim")
    empty.add_attribution("asserter", "c", "asserts")
    with pytest.raises(LimitExceededError) as e:
        empty.chains("c")
    assert (e.value.what, e.value.id, e.value.limit) == ("chains", "c", 100_000)
    # The origin is still found once.
    assert [o.id for o in empty.status("c").origins] == ["origin"]


def test_file_errors_are_os_errors_with_errno(tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    with pytest.raises(OSError) as e:
        ClaimGraph.load(missing)
    err = e.value
    assert isinstance(err, IoError)
    assert err.errno == 2
    assert err.path == str(missing)
    assert err.filename == str(missing)
    assert err.action
    assert str(missing) in str(err)


def test_a_panic_in_the_core_becomes_a_claimgraph_error() -> None:
    with pytest.raises(ClaimGraphError) as e:
        claimgraph._claimgraph._panic_in_core_call("index out of bounds")
    assert type(e.value) is ClaimGraphError
    assert "index out of bounds" in str(e.value)


def test_attributes_that_do_not_apply_are_none(graph: ClaimGraph) -> None:
    with pytest.raises(NotFoundError) as e:
        graph.claim("nope")
    assert e.value.field is None and e.value.reason is None
