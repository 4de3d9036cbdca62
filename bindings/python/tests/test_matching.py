"""Has this been checked before? similar_claims and duplicate_candidates."""

from __future__ import annotations

import pytest

from claimgraph import ClaimGraph, DuplicateCandidate, InvalidInputError, MatchPart, SimilarClaim


@pytest.fixture
def record() -> ClaimGraph:
    g = ClaimGraph()
    g.add_source("dprk", "government", "DPRK", aliases=["North Korea"])
    g.add_source("desk", "organization", "Fact Desk")
    g.add_claim(
        "containers",
        "DPRK delivered 6,700 containers of munitions to Russia",
        subjects=["dprk"],
    )
    g.add_claim("visit", "Putin visited Pyongyang in June 2024")
    g.add_claim("vaccine", "A vaccine makes people magnetic so that spoons stick to arms")
    g.add_verdict("desk", "vaccine", "False", url="https://factdesk.example/magnets/")
    return g


def test_a_rewording_finds_the_claim_with_its_reasons(record: ClaimGraph) -> None:
    hits = record.similar_claims("Did North Korea ship 6700 munition containers?", k=2)
    assert isinstance(hits[0], SimilarClaim)
    assert hits[0].claim == "containers"
    assert 0.0 < hits[0].score <= 1.0
    assert hits[0].shared_words >= 2
    kinds = {p.kind: p for p in hits[0].parts}
    assert isinstance(kinds["words"], MatchPart)
    assert "containers" in kinds["words"].matched
    assert kinds["numbers"].matched == ("6700",)
    assert "north korea" in kinds["names"].matched
    assert sum(p.share for p in hits[0].parts) == pytest.approx(1.0)
    assert sum(p.score for p in hits[0].parts) == pytest.approx(hits[0].score, abs=1e-4)
    assert "containers" in repr(hits[0])
    assert hits[0].to_dict()["parts"][0]["kind"] == "words"
    match hits[0]:
        case SimilarClaim(claim, score, shared_words, parts):
            assert (claim, len(parts)) == ("containers", len(hits[0].parts))


def test_a_link_to_the_fact_check_finds_the_claim(record: ClaimGraph) -> None:
    hits = record.similar_claims("see http://factdesk.example/magnets")
    assert [h.claim for h in hits] == ["vaccine"]
    assert [p.kind for p in hits[0].parts] == ["links"]


def test_thresholds_and_weights(record: ClaimGraph) -> None:
    assert len(record.similar_claims("Russia Putin", k=1)) == 1
    assert record.similar_claims("Russia Putin", min_shared_words=2) == []
    assert record.similar_claims("Russia", min_score=0.99) == []
    words_only = record.similar_claims("munitions", weights={"ngrams": 0.0})
    assert [p.kind for p in words_only[0].parts] == ["words"]
    with pytest.raises(InvalidInputError, match="unknown kind"):
        record.similar_claims("Russia", weights={"vibes": 1.0})
    assert record.similar_claims("") == []


def test_duplicate_candidates_suggest_rewordings(record: ClaimGraph) -> None:
    record.add_claim("magnet-2", "Vaccines make people magnetic: spoons stick to the arm")
    pairs = record.duplicate_candidates(min_score=0.3)
    assert isinstance(pairs[0], DuplicateCandidate)
    assert pairs[0].score >= 0.3 and pairs[0].shared_words >= 1
    assert (pairs[0].claim, pairs[0].other) == ("magnet-2", "vaccine")
    record.add_claim_relation("magnet-2", "same_as", "vaccine")
    assert not any(p.other == "vaccine" for p in record.duplicate_candidates(min_score=0.3))


def test_search_claims_is_tolerant(record: ClaimGraph) -> None:
    assert [c.id for c in record.search_claims("container")] == ["containers"]
    assert [c.id for c in record.search_claims("PYONGYANG visits")] == ["visit"]
