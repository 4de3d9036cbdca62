"""Dates in: date, aware datetime, ISO text (partial too). Dates out: the core's canonical text."""

from __future__ import annotations

import datetime as dt

import pytest

from claimgraph import Attribution, ClaimGraph, InvalidInputError, Period, Source

UTC8 = dt.timezone(dt.timedelta(hours=8))


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (dt.date(2024, 6, 18), "2024-06-18"),
        (dt.datetime(2024, 6, 18, 23, 30, tzinfo=UTC8), "2024-06-18T23:30:00+08:00"),
        (dt.datetime(2024, 6, 18, 15, 30, tzinfo=dt.timezone.utc), "2024-06-18T15:30:00+00:00"),
        ("2024", "2024"),
        ("2024-06", "2024-06"),
        ("2024-06-18", "2024-06-18"),
        ("2024-06-18T23:30:00+08:00", "2024-06-18T23:30:00+08:00"),
    ],
)
def test_dates_come_back_as_canonical_text(given: object, expected: str) -> None:
    a = Attribution("s", "c", "asserts", said=given)  # type: ignore[arg-type]
    assert a.said == expected


def test_a_partial_date_stays_partial() -> None:
    s = Source("doc", "document", "Doc", published="2024-06")
    assert s.published == "2024-06"
    assert Source("doc", "document", "Doc", published=s.published) == s


def test_microseconds_survive() -> None:
    when = dt.datetime(2024, 6, 18, 23, 30, 0, 250000, tzinfo=UTC8)
    said = Attribution("s", "c", "asserts", said=when).said
    assert said is not None
    assert dt.datetime.fromisoformat(said) == when


def test_a_naive_datetime_is_refused_naming_the_field() -> None:
    with pytest.raises(InvalidInputError) as e:
        Attribution("s", "c", "asserts", said=dt.datetime(2024, 6, 18, 12, 0))
    assert e.value.field == "said"
    assert "time zone" in str(e.value)


@pytest.mark.parametrize("bad", ["", "2024-13", "2024-02-30", "June 2024", "2024-06-18T10:00:00"])
def test_unreadable_text_names_the_field_and_the_value(bad: str) -> None:
    with pytest.raises(InvalidInputError) as e:
        Source("doc", "document", "Doc", published=bad)
    assert e.value.field == "published"
    assert e.value.value == bad


def test_other_types_are_type_errors() -> None:
    with pytest.raises(TypeError, match="date must be a datetime.date"):
        ClaimGraph().as_of(20240618)  # type: ignore[arg-type]


def test_period_ends_are_read_like_any_date() -> None:
    p = Period(dt.date(2023, 8, 1), "2024-02")
    assert (p.start, p.end) == ("2023-08-01", "2024-02")
    with pytest.raises(InvalidInputError) as e:
        Period("2024-13")
    assert e.value.field == "start"


def test_graph_accepts_dates_everywhere(empty: ClaimGraph) -> None:
    empty.add_source("a", "person", "A")
    empty.add_source("b", "outlet", "B", published=dt.date(2024, 1, 2))
    empty.add_claim("c", "C", period=(dt.date(2024, 1, 1), None))
    empty.add_source_relation("b", "cites", "a", date=dt.date(2024, 1, 3))
    empty.add_verdict("a", "c", "True", date=dt.datetime(2024, 1, 4, tzinfo=dt.timezone.utc))
    assert empty.source("b").published == "2024-01-02"
    period = empty.claim("c").period
    assert period is not None and (period.start, period.end) == ("2024-01-01", None)
    assert empty.source_relation("b:cites:a").date == "2024-01-03"
    assert empty.verdict("a:verdict:c").date == "2024-01-04T00:00:00+00:00"
