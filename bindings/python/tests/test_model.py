"""Records as Python objects: construction with keywords, attributes, repr, equality, replace()."""

from __future__ import annotations

import pytest

import claimgraph
from claimgraph import (
    Attribution,
    Claim,
    ClaimRelation,
    Hop,
    InvalidInputError,
    Modality,
    Period,
    Quantity,
    Rating,
    Reliability,
    Source,
    SourceKind,
    SourceRelation,
    Stance,
    Verdict,
)

RECORDS = [
    Source(
        "rok",
        "government",
        "Republic of Korea",
        aliases=["ROK", "South Korea"],
        reliability="B",
        url="https://www.korea.net",
        title="Korea.net",
        published="2024-06",
    ),
    Claim(
        "containers",
        "DPRK delivered 6,700 containers",
        subjects=["dprk"],
        period=("2023-08", "2024-02"),
        tags=["military"],
        quantity=(6700, "containers"),
    ),
    Attribution(
        "rok-sources",
        "containers",
        "asserts",
        id="a1",
        modality="alleged",
        said="2024-06-18",
        quote="6,700 containers",
        via=[("yonhap", "2024-06-17"), "article"],
        basis=["rok-sources"],
        covers=["ammunition"],
    ),
    SourceRelation(
        "outlet", "cites", "rok-sources", id="r1", date="2024-06-18", since="2020", until="2024-06"
    ),
    ClaimRelation("containers", "specializes", "ammunition", id="r2"),
    Verdict(
        "checker",
        "containers",
        "Mostly false",
        id="v1",
        rating=(2, 5, 1),
        date="2024-07-01",
        url="https://example.org/check",
        summary="Numbers unverified",
    ),
]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: type(r).__name__)
def test_repr_is_a_call_that_builds_an_equal_record(record: object) -> None:
    rebuilt = eval(repr(record), vars(claimgraph))
    assert rebuilt == record
    assert hash(rebuilt) == hash(record)


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: type(r).__name__)
def test_records_are_immutable(record: object) -> None:
    with pytest.raises(AttributeError):
        record.id = "other"  # type: ignore[attr-defined]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: type(r).__name__)
def test_replace_changes_only_the_fields_given(record: object) -> None:
    changed = record.replace(id="new-id")  # type: ignore[attr-defined]
    assert changed.id == "new-id"
    assert changed != record
    assert changed.replace(id=record.id) == record  # type: ignore[attr-defined]
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        record.replace(colour="red")  # type: ignore[attr-defined]


def test_source_attributes_and_enum_members() -> None:
    s = RECORDS[0]
    assert isinstance(s, Source)
    assert s.id == "rok"
    assert s.kind is SourceKind.GOVERNMENT
    assert s.kind == "government"  # members are str too
    assert s.name == "Republic of Korea"
    assert s.aliases == ("ROK", "South Korea")
    assert s.reliability is Reliability.B
    assert (s.url, s.title, s.published) == ("https://www.korea.net", "Korea.net", "2024-06")


def test_optional_fields_default_to_none_or_empty() -> None:
    s = Source("x", SourceKind.PERSON, "X")
    assert (s.aliases, s.reliability, s.url, s.title, s.published) == ((), None, None, None, None)
    c = Claim("c", "text")
    assert (c.subjects, c.period, c.tags, c.quantity) == ((), None, (), None)
    v = Verdict("r", "c", "False")
    assert (v.rating, v.date, v.url, v.summary) == (None, None, None, None)


def test_claim_composite_fields_accept_tuples_or_objects() -> None:
    from_tuples = RECORDS[1]
    from_objects = Claim(
        "containers",
        "DPRK delivered 6,700 containers",
        subjects=("dprk",),
        period=Period("2023-08", "2024-02"),
        tags=("military",),
        quantity=Quantity(6700.0, "containers"),
    )
    assert from_tuples == from_objects
    assert isinstance(from_tuples, Claim)
    assert from_tuples.period == Period("2023-08", "2024-02")
    start, end = from_tuples.period  # type: ignore[misc]
    assert (start, end) == ("2023-08", "2024-02")
    assert from_tuples.quantity is not None
    assert (from_tuples.quantity.value, from_tuples.quantity.unit) == (6700.0, "containers")


def test_a_period_may_be_open_at_either_end() -> None:
    assert Period(start="2024").end is None
    assert Period(end="2024-02").start is None
    assert str(Period("2023-08", "2024-02")) == "2023-08 to 2024-02"


def test_attribution_defaults_follow_the_core() -> None:
    a = Attribution("rok-sources", "containers", Stance.ASSERTS)
    assert a.id == "rok-sources:asserts:containers"
    assert a.modality is Modality.STATED
    assert a.stance is Stance.ASSERTS
    assert (a.said, a.quote, a.via, a.reported_in) == (None, None, (), None)
    assert (a.basis, a.covers) == ((), ())


def test_via_takes_one_hop_or_the_chain_first_to_last() -> None:
    one = Attribution("rok-sources", "containers", "asserts", via="article")
    assert one.via == (Hop("article"),) and one.reported_in == "article"
    chain = Attribution(
        "rok-sources",
        "containers",
        "asserts",
        via=[Hop("yonhap", date="2024-06-17"), ("reuters", None), "article"],
    )
    assert [h.source for h in chain.via] == ["yonhap", "reuters", "article"]
    assert chain.via[0].date == "2024-06-17" and chain.via[1].date is None
    assert chain.reported_in == "article"
    assert chain.replace(via=None).via == ()
    assert chain.replace(via="wire").reported_in == "wire"
    with pytest.raises(InvalidInputError, match="June 2024") as bad:
        Attribution("a", "b", "asserts", via=[("yonhap", "June 2024")])
    assert bad.value.field == "via.date"
    with pytest.raises(TypeError):
        Attribution("a", "b", "asserts", via=3)


def test_named_values_accept_members_names_and_core_spellings() -> None:
    assert Attribution("s", "c", "DENY").stance is Stance.DENIES
    assert Attribution("s", "c", "asserts", modality="believed").modality is Modality.ALLEGED
    assert SourceRelation("a", "affiliated-with", "b").kind == "affiliated_with"
    assert Source("s", "anonymous_group", "S").kind is SourceKind.UNNAMED_GROUP
    assert Source("s", "person", "S", reliability=Reliability.F).reliability is Reliability.F


def test_a_named_value_of_the_wrong_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="stance must be a str"):
        Attribution("s", "c", 1)  # type: ignore[arg-type]


def test_lists_of_ids_must_not_be_a_bare_string() -> None:
    with pytest.raises(TypeError, match="subjects must be a list or tuple of str"):
        Claim("c", "text", subjects="dprk")


def test_relations_default_ids_and_the_from_attribute() -> None:
    r = SourceRelation("op-ed", "authored_by", "putin")
    assert (r.id, r.from_, r.to) == ("op-ed:authored_by:putin", "op-ed", "putin")
    assert r.kind is claimgraph.SourceRelationKind.AUTHORED_BY
    c = ClaimRelation("a", claimgraph.ClaimRelationKind.CONTRADICTS, "b")
    assert (c.id, c.kind) == ("a:contradicts:b", claimgraph.ClaimRelationKind.CONTRADICTS)
    assert r.to_dict()["from"] == "op-ed"


def test_verdict_rating_and_truth() -> None:
    v = RECORDS[5]
    assert isinstance(v, Verdict)
    assert v.rating == Rating(2, 5, 1)
    assert v.rating is not None and v.rating.normalized == pytest.approx(0.25)
    assert v.truth == pytest.approx(0.25)
    assert Verdict("r", "c", "Pants on fire!").truth == 0.0
    assert Verdict("r", "c", "Missing context").truth is None
    assert Verdict("r", "c", "False").id == "r:verdict:c"


def test_to_dict_is_the_native_json_shape() -> None:
    a = Attribution("s", "c", "denies", said="2024-06-18")
    assert a.to_dict() == {
        "id": "s:denies:c",
        "source": "s",
        "claim": "c",
        "stance": "denies",
        "said": "2024-06-18",
    }
    assert RECORDS[1].to_dict()["period"] == {"start": "2023-08", "end": "2024-02"}


def test_value_reprs_build_equal_values() -> None:
    for value in (Rating(2, 5, 1), Quantity(6700, "containers"), Period("2023-08", None)):
        assert eval(repr(value), vars(claimgraph)) == value


def test_equal_values_hash_alike() -> None:
    assert hash(Quantity(0.0, "x")) == hash(Quantity(-0.0, "x"))
    assert Quantity(0.0, "x") == Quantity(-0.0, "x")
    assert len({Rating(1, 5, 1), Rating(1.0, 5.0, 1.0)}) == 1

