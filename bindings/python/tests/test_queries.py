"""The questions: status, origins, chains, findings, as_of, assessment, lookup, search, merge."""

from __future__ import annotations

import pytest

from claimgraph import (
    Assessment,
    Chain,
    ClaimGraph,
    ClaimRelationKind,
    InvalidInputError,
    MergeChoice,
    MergePolicy,
    NotFoundError,
    Origin,
    OriginGroup,
    RecordKind,
    Stance,
    Status,
    StatusTable,
)


def test_status_of_a_disputed_claim_resting_on_unnamed_sources(graph: ClaimGraph) -> None:
    s = graph.status("containers")
    assert isinstance(s, Status)
    assert s.claim == "containers"
    assert s.asserters == ("rok-sources",)
    assert s.deniers == ("dprk", "russia")
    assert s.doubters == ()
    assert s.disputed
    assert s.unnamed_only
    # Both deniers are parties the claim accuses.
    assert s.interested_deniers == ("dprk", "russia")
    assert [o.id for o in s.origins] == ["rok-sources"]
    assert s.origins[0].unnamed and not s.origins[0].circular
    assert s.independent_origin_count == 1
    assert not s.circular_reporting
    assert s.verdicts == ()


def test_an_op_eds_claims_come_from_its_author_not_the_newspaper(graph: ClaimGraph) -> None:
    s = graph.status("support")
    assert [o.id for o in s.origins] == ["putin"]
    # Putin speaks for Russia: the independent origin is grouped under the government.
    [group] = s.independent_origins
    assert isinstance(group, OriginGroup)
    assert (group.top, group.origins) == ("russia", ("putin",))
    assert not s.disputed and not s.unnamed_only


def test_an_echo_through_another_outlet_adds_no_origin(graph: ClaimGraph) -> None:
    before = graph.assess("containers").score
    graph.add_source("echo", "outlet", "Echo Daily")
    graph.add_source_relation("echo", "cites", "rok-sources")
    graph.add_attribution("echo", "containers", "asserts")
    s = graph.status("containers")
    assert s.asserters == ("echo", "rok-sources")
    assert [o.id for o in s.origins] == ["rok-sources"]
    assert s.independent_origin_count == 1
    assert graph.assess("containers").score == pytest.approx(before)


def test_two_spokespeople_of_one_ministry_are_one_independent_origin(empty: ClaimGraph) -> None:
    empty.add_source("ministry", "government", "Ministry")
    for p in ("spokesman", "spokeswoman"):
        empty.add_source(p, "person", p)
        empty.add_source_relation(p, "affiliated_with", "ministry")
    empty.add_claim("c", "Claim")
    empty.add_attribution("spokesman", "c", "asserts")
    empty.add_attribution("spokeswoman", "c", "asserts")
    s = empty.status("c")
    assert [o.id for o in s.origins] == ["spokesman", "spokeswoman"]
    assert s.independent_origin_count == 1
    assert s.independent_origins[0].top == "ministry"


def test_origins_of_a_source(graph: ClaimGraph) -> None:
    origins = graph.origins_of_source("op-ed")
    assert [o.id for o in origins] == ["putin"]
    assert isinstance(origins[0], Origin)
    assert origins[0].members == ("putin",)
    assert [o.id for o in graph.origins_of_source("russia")] == ["russia"]
    with pytest.raises(NotFoundError):
        graph.origins_of_source("containers")


def test_circular_reporting_is_one_origin_and_a_finding(empty: ClaimGraph) -> None:
    empty.add_source("a", "outlet", "A")
    empty.add_source("b", "outlet", "B")
    empty.add_source_relation("a", "cites", "b")
    empty.add_source_relation("b", "cites", "a")
    empty.add_claim("c", "Claim")
    empty.add_attribution("a", "c", "asserts")
    s = empty.status("c")
    assert s.circular_reporting
    assert len(s.origins) == 1 and s.origins[0].circular
    assert s.origins[0].members == ("a", "b")
    loops = empty.findings().circular_reporting
    assert [(x.sources, x.claims) for x in loops] == [(("a", "b"), ("c",))]
    assert any(ch.circular for ch in empty.chains("c"))


def test_chains_run_from_each_attribution_to_its_origin(graph: ClaimGraph) -> None:
    chains = graph.chains("support")
    assert len(chains) == 1
    c = chains[0]
    assert isinstance(c, Chain)
    assert (c.claim, c.attribution, c.via, c.circular) == (
        "support",
        "op-ed:asserts:support",
        None,
        False,
    )
    assert c.stance is Stance.ASSERTS
    assert c.path == ("op-ed", "putin")
    by_attribution = {ch.attribution: ch for ch in graph.chains("containers")}
    assert by_attribution["rok-sources:asserts:containers"].via == "article"
    assert by_attribution["russia:denies:containers"].stance is Stance.DENIES


def test_findings_list_what_to_look_at_first(graph: ClaimGraph) -> None:
    f = graph.findings()
    assert f.disputed == ("containers",)
    assert f.single_origin == ("containers", "support")
    assert f.unnamed_only == ("containers",)
    assert f.circular_reporting == ()
    assert f.contradictions == ()
    assert f.to_dict()["disputed"] == ["containers"]


def test_contradicting_claims_both_asserted_are_found(graph: ClaimGraph) -> None:
    graph.add_claim("no-containers", "No containers were delivered")
    graph.add_attribution("russia", "no-containers", "asserts")
    graph.add_claim_relation("no-containers", "contradicts", "containers")
    [c] = graph.findings().contradictions
    assert (c.claim, c.other, c.sources_asserting_both) == ("no-containers", "containers", ())


def test_as_of_a_date_keeps_what_was_said_by_then(graph: ClaimGraph) -> None:
    before = graph.as_of("2024-06-17")
    assert before.date == "2024-06-17"
    # The article and the op-ed were not published yet, so nothing had been said.
    assert before.graph.counts().attributions == 0
    assert "article" not in before.graph and "containers" not in before.graph
    assert before.unplaced == ()
    on_the_day = graph.as_of("2024-06-18")
    assert on_the_day.graph.counts().attributions == 4
    # The graph as it stood is a graph of its own: every question works on it.
    assert on_the_day.graph.status("containers").disputed
    assert on_the_day.graph == graph


def test_as_of_leaves_out_and_counts_what_cannot_be_placed(graph: ClaimGraph) -> None:
    graph.add_attribution("putin", "support", "asserts")  # no date and no via
    graph.add_attribution("rodong", "support", "asserts", said="2024-06")  # straddles the cut-off
    then = graph.as_of("2024-06-18")
    assert then.unplaced == ("putin:asserts:support", "rodong:asserts:support")
    assert then.graph.counts().attributions == 4


def test_a_verdict_of_false_lowers_the_score(graph: ClaimGraph) -> None:
    before = graph.assess("support")
    assert isinstance(before, Assessment)
    assert 0.0 <= before.score <= 1.0
    assert before.reasons and all(isinstance(r.kind, str) for r in before.reasons)
    graph.add_source("checker", "organization", "Fact Checker")
    graph.add_verdict("checker", "support", "False")
    after = graph.assess("support")
    assert after.score < before.score
    assert "verdict" in {r.kind for r in after.reasons}


def test_an_interested_denial_weighs_less_than_a_disinterested_one(empty: ClaimGraph) -> None:
    def score(denier_is_subject: bool) -> float:
        g = ClaimGraph()
        g.add_source("reporter", "person", "Reporter")
        g.add_source("party", "government", "Party")
        g.add_claim("c", "Claim", subjects=["party"] if denier_is_subject else [])
        g.add_attribution("reporter", "c", "asserts")
        g.add_attribution("party", "c", "denies")
        return g.assess("c").score

    assert score(denier_is_subject=True) > score(denier_is_subject=False)


def test_assessments_cover_every_claim_in_order(graph: ClaimGraph) -> None:
    all_ = graph.assessments()
    assert [a.claim for a in all_] == ["containers", "support"]
    assert all_ == [graph.assess("containers"), graph.assess("support")]
    assert all_[0].to_dict()["claim"] == "containers"


def test_statuses_is_a_table_of_every_claim(graph: ClaimGraph) -> None:
    table = graph.statuses()
    assert isinstance(table, StatusTable)
    assert len(table) == 2
    assert [s.claim for s in table] == ["containers", "support"]
    assert table[0] == graph.status("containers")
    assert table.by_claim("support") == graph.status("support")
    assert list(table[1:]) == [graph.status("support")]
    rows = table.to_records()
    assert rows[0]["claim"] == "containers"
    assert rows[0]["deniers"] == ["dprk", "russia"]
    assert rows[0]["origins"] == ["rok-sources"]
    assert rows[1]["independent_origin_count"] == 1


def test_lookup_by_name_or_alias_ignores_case(graph: ClaimGraph) -> None:
    assert [s.id for s in graph.sources_named("north korea")] == ["dprk"]
    assert [s.id for s in graph.sources_named("RUSSIAN FEDERATION")] == ["russia"]
    assert [s.id for s in graph.sources_named("Rodong Sinmun")] == ["rodong"]
    assert graph.sources_named("nobody at all") == []


def test_search_finds_claims_containing_every_word(graph: ClaimGraph) -> None:
    assert [c.id for c in graph.search_claims("containers RUSSIA")] == ["containers"]
    assert {c.id for c in graph.search_claims("dprk")} == {"containers", "support"}
    assert graph.search_claims("containers supports") == []


def test_merge_adds_new_records_and_reports_equal_ones(graph: ClaimGraph) -> None:
    other = ClaimGraph()
    other.add_source("russia", "government", "Russia", aliases=["Russian Federation"])
    other.add_source("ukraine", "government", "Ukraine")
    report = graph.merge(other)
    assert "ukraine" in report.added
    assert "russia" in report.unchanged
    assert report.conflicts == ()
    assert "ukraine" in graph


@pytest.mark.parametrize(
    ("policy", "chosen", "name"),
    [
        (MergePolicy.KEEP_OURS, MergeChoice.OURS, "Russia"),
        ("take_theirs", MergeChoice.THEIRS, "Rossiya"),
    ],
)
def test_merge_policies_settle_conflicts_and_report_them(
    graph: ClaimGraph, policy: object, chosen: MergeChoice, name: str
) -> None:
    other = ClaimGraph()
    other.add_source("russia", "government", "Rossiya", aliases=["Russian Federation"])
    report = graph.merge(other, policy=policy)  # type: ignore[arg-type]
    [conflict] = report.conflicts
    assert (conflict.kind, conflict.id, conflict.field) == (RecordKind.SOURCE, "russia", "name")
    assert (conflict.ours, conflict.theirs) == ('"Russia"', '"Rossiya"')
    assert conflict.chosen is chosen
    assert graph.source("russia").name == name


def test_an_unknown_merge_policy_is_invalid_input(graph: ClaimGraph) -> None:
    with pytest.raises(InvalidInputError) as e:
        graph.merge(ClaimGraph(), policy="whatever")
    assert e.value.field == "policy"


def test_merging_a_graph_into_itself_changes_nothing(graph: ClaimGraph) -> None:
    before = graph.copy()
    report = graph.merge(graph)
    assert report.added == () and report.conflicts == ()
    assert graph == before


def test_results_convert_to_the_cores_json_shape(graph: ClaimGraph) -> None:
    [chain] = graph.chains("support")
    assert chain.to_dict() == {
        "claim": "support",
        "attribution": "op-ed:asserts:support",
        "stance": "asserts",
        "via": None,
        "path": ["op-ed", "putin"],
        "circular": False,
    }
    status = graph.status("support")
    assert status.origins[0].to_dict() == {
        "id": "putin",
        "members": ["putin"],
        "circular": False,
        "unnamed": False,
    }
    assert status.independent_origins[0].to_dict() == {"top": "russia", "origins": ["putin"]}
    reason = graph.assess("support").reasons[0]
    assert reason.to_dict() == {"kind": reason.kind, "weight": reason.weight, "detail": reason.detail}


def test_a_rewording_s_stances_are_pooled_and_say_why() -> None:
    g = ClaimGraph()
    g.add_source("yonhap", "outlet", "Yonhap")
    g.add_claim("containers", "DPRK delivered 6,700 containers")
    g.add_claim("containers-2", "Pyongyang shipped 6,700 containers to Russia")
    g.add_claim_relation("containers-2", "same_as", "containers")
    g.add_attribution("yonhap", "containers-2", "asserts")
    s = g.status("containers")
    assert s.asserters == ("yonhap",)
    (why,) = s.inferred
    assert (why.source, why.stance, why.claim, why.relation) == (
        "yonhap",
        Stance.ASSERTS,
        "containers-2",
        ClaimRelationKind.SAME_AS,
    )
    assert why.attribution == "yonhap:asserts:containers-2"
    assert why.detail and s.to_dict()["inferred"][0]["claim"] == "containers-2"
