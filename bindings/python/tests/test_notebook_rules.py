"""The notebook's rules, decided in the core: the status table's text and flags, ranked partial
lookup of sources, and removing a source while saying what went with it."""

from __future__ import annotations

import pytest

from claimgraph import ClaimGraph


def test_the_status_table_carries_the_claim_text_and_its_flags(graph: ClaimGraph) -> None:
    rows = graph.statuses().to_records()
    first = rows[0]
    assert first["text"] == "DPRK delivered 6,700 containers of munitions to Russia"
    assert first["flags"] == ["disputed", "interested denial", "unnamed sources only"]
    assert rows[1]["flags"] == []
    assert list(first)[:3] == ["claim", "text", "flags"]
    status = graph.status("containers")
    assert status.flags == first["flags"]
    graph.remove_claim("containers")
    assert status.text is None


def test_find_sources_finds_part_of_a_name_or_alias_ranked(graph: ClaimGraph) -> None:
    graph.add_source("cos", "organization", "Church of Scientology")
    graph.add_source("anglican", "organization", "Anglican Church of Australia")
    assert [s.id for s in graph.find_sources("church")] == ["cos", "anglican"]
    assert [s.id for s in graph.find_sources("north")] == ["dprk"]  # an alias
    assert [s.id for s in graph.find_sources("scient")] == ["cos"]
    assert graph.find_sources("mosque") == []
    assert graph.sources_named("church") == []  # whole names only


def test_remove_source_reports_what_went_with_it_or_refuses_while_in_use(
    graph: ClaimGraph,
) -> None:
    uses = graph.source_uses("article")
    assert uses["hops"] == [
        "dprk:denies:containers",
        "rok-sources:asserts:containers",
        "russia:denies:containers",
    ]
    assert uses["attributions"] == []
    with pytest.raises(ValueError, match="still in use"):
        graph.remove_source("article", if_unused=True)
    assert graph.source("article").id == "article"
    source, took = graph.remove_source_reporting("russia")
    assert source.id == "russia"
    assert took["attributions"] == ["russia:denies:containers"]
    assert took["source_relations"] == ["putin:affiliated_with:russia"]
    assert took["subject_of"] == ["containers", "support"]
    graph.add_source("spare", "person", "Nobody")
    assert graph.remove_source("spare", if_unused=True).id == "spare"
