"""The README's Python quick start runs as written."""

from __future__ import annotations

import re

from conftest import ROOT


def python_quick_start() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = re.search(r"^## Python\n(.*?)(?=^## )", readme, re.S | re.M)
    assert section, "README.md has no '## Python' section"
    blocks = re.findall(r"^```python\n(.*?)^```", section.group(1), re.S | re.M)
    assert blocks, "the README's Python section has no ```python block"
    return "\n".join(blocks)


def test_the_quick_start_runs() -> None:
    exec(compile(python_quick_start(), "README.md (Python quick start)", "exec"), {})


def test_the_package_docstring_example_runs() -> None:
    import doctest

    import claimgraph

    result = doctest.testmod(claimgraph)
    assert result.attempted > 0
    assert result.failed == 0
