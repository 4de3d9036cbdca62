"""The Python twin of the reference-article example gives the Rust example's answers."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from typing import Any

import pytest

from conftest import ROOT

EXAMPLE = ROOT / "examples" / "python" / "putin_dprk_visit.py"


def run_python(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, str(EXAMPLE), *args], capture_output=True, text=True, encoding="utf-8"
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def run_rust(*args: str) -> str:
    command = ["cargo", "run", "-q", "-p", "claimgraph-examples", "--example", "putin_dprk_visit"]
    if args:
        command += ["--", *args]
    done = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, encoding="utf-8", env=os.environ.copy()
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def rust_json() -> list[dict[str, Any]]:
    return [json.loads(line) for line in run_rust("--json").splitlines()]


def assert_same(ours: Any, theirs: Any, where: str) -> None:
    """Equal, except that floats may differ in their last bits."""
    if isinstance(theirs, float) or isinstance(ours, float):
        assert math.isclose(ours, theirs, rel_tol=1e-9, abs_tol=1e-12), where
    elif isinstance(theirs, dict):
        assert isinstance(ours, dict) and ours.keys() == theirs.keys(), where
        for k in theirs:
            assert_same(ours[k], theirs[k], f"{where}.{k}")
    elif isinstance(theirs, list):
        assert isinstance(ours, list) and len(ours) == len(theirs), where
        for i, (a, b) in enumerate(zip(ours, theirs)):
            assert_same(a, b, f"{where}[{i}]")
    else:
        assert ours == theirs, where


def test_json_answers_agree_claim_by_claim(rust_json: list[dict[str, Any]]) -> None:
    ours = [json.loads(line) for line in run_python("--json").splitlines()]
    assert [o["id"] for o in ours] == [t["id"] for t in rust_json]
    assert len(ours) == 20
    for o, t in zip(ours, rust_json):
        assert_same(o, t, o["id"])


def test_json_lines_have_the_documented_keys(rust_json: list[dict[str, Any]]) -> None:
    keys = {
        "id", "text", "asserters", "deniers", "doubters", "no_comment", "disputed", "origins",
        "independent_origins", "unnamed_only", "interested_deniers", "circular_reporting",
        "verdicts", "inferred", "independent_origin_count", "score", "reasons", "notes",
    }  # fmt: skip
    ours = [json.loads(line) for line in run_python("--json").splitlines()]
    assert all(set(o) == keys for o in ours)
    assert all(set(t) == keys for t in rust_json)


def test_the_readable_reports_are_identical() -> None:
    assert run_python() == run_rust()


def test_the_containers_claim_as_the_article_tells_it() -> None:
    line = next(
        json.loads(x) for x in run_python("--json").splitlines() if '"id":"containers"' in x
    )
    assert line["asserters"] == ["rok-sources"]
    assert line["deniers"] == ["dprk", "russia"]
    assert line["disputed"] and line["unnamed_only"]
    assert line["interested_deniers"] == ["dprk", "russia"]


def test_unknown_arguments_are_refused() -> None:
    done = subprocess.run([sys.executable, str(EXAMPLE), "--yaml"], capture_output=True, text=True)
    assert done.returncode == 2
    assert "usage:" in done.stderr
