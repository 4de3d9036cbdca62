"""Status figures: the counts and flags of every claim's status, cheap on large graphs."""

from __future__ import annotations

import pytest

from claimgraph import ClaimGraph, NotFoundError, StatusSummary


def test_summary_counts_what_the_status_lists(graph: ClaimGraph) -> None:
    s = graph.summary("containers")
    assert isinstance(s, StatusSummary)
    assert s.claim == "containers"
    assert (s.asserters, s.deniers, s.doubters) == (1, 2, 0)
    assert s.disputed and s.unnamed_only and s.interested_denial
    assert (s.origins, s.independent_origins) == (1, 1)
    assert not s.circular_reporting
    assert s.verdicts == 0
    assert s.to_dict()["claim"] == "containers"
    assert "containers" in repr(s)


def test_summaries_agree_with_statuses_claim_by_claim(graph: ClaimGraph) -> None:
    summaries = graph.summaries()
    statuses = graph.statuses()
    assert [s.claim for s in summaries] == [s.claim for s in statuses]
    for sm, st in zip(summaries, statuses):
        assert sm.asserters == len(st.asserters)
        assert sm.deniers == len(st.deniers)
        assert sm.doubters == len(st.doubters)
        assert sm.disputed == st.disputed
        assert sm.origins == len(st.origins)
        assert sm.independent_origins == st.independent_origin_count
        assert sm.unnamed_only == st.unnamed_only
        assert sm.interested_denial == bool(st.interested_deniers)
        assert sm.verdicts == len(st.verdicts)
        assert sm == graph.summary(sm.claim)


def test_summary_of_an_unknown_claim_is_a_key_error(graph: ClaimGraph) -> None:
    with pytest.raises(NotFoundError) as e:
        graph.summary("nope")
    assert isinstance(e.value, KeyError)
