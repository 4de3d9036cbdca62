"""Fixtures shared by the suite: a small graph in the shape of the reference article."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimgraph
from claimgraph import ClaimGraph

#: The repository root (tests live in bindings/python/tests).
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def graph() -> ClaimGraph:
    """"According to ROK sources" the DPRK shipped containers to Russia; both deny it.

    The article reports it; an op-ed by Putin (published in Rodong Sinmun) asserts another claim.
    """
    g = ClaimGraph()
    g.add_source("article", "document", "Putin's visit to DPRK", published="2024-06-18")
    g.add_source("rok-sources", "unnamed_group", "ROK sources")
    g.add_source("russia", "government", "Russia", aliases=["Russian Federation"])
    g.add_source("dprk", "government", "DPRK", aliases=["North Korea"])
    g.add_source("putin", "person", "Vladimir Putin")
    g.add_source("op-ed", "document", "Putin's op-ed", published="2024-06-18")
    g.add_source("rodong", "outlet", "Rodong Sinmun")
    g.add_source_relation("putin", "affiliated_with", "russia")
    g.add_source_relation("op-ed", "authored_by", "putin")
    g.add_source_relation("op-ed", "published_in", "rodong")
    g.add_source_relation("rodong", "affiliated_with", "dprk")
    g.add_claim(
        "containers",
        "DPRK delivered 6,700 containers of munitions to Russia",
        subjects=["dprk", "russia"],
        period=("2023-08", "2024-02"),
        quantity=(6700, "containers"),
        tags=["military"],
    )
    g.add_claim("support", "The DPRK firmly supports Russia", subjects=["dprk", "russia"])
    g.add_attribution("rok-sources", "containers", "asserts", via="article")
    g.add_attribution("russia", "containers", "denies", via="article", quote="mad rumors")
    g.add_attribution("dprk", "containers", "denies", via="article", quote="mad rumors")
    g.add_attribution("op-ed", "support", "asserts", said="2024-06-18")
    return g


@pytest.fixture
def empty() -> ClaimGraph:
    return claimgraph.ClaimGraph()
