"""The ``>>>`` examples in the docstrings of the package run, and say what they print.

As oxigraph's ``python/tests/test_doc.py`` does for its binding: every class, method and
attribute of ``claimgraph`` is searched for examples, which run with the package's names in scope.
"""

from __future__ import annotations

import doctest
import inspect

import claimgraph


def _docstring_examples() -> doctest.DocTestSuite:
    finder = doctest.DocTestFinder(exclude_empty=True)
    tests = []
    for name in claimgraph.__all__:
        value = getattr(claimgraph, name)
        if not (inspect.isclass(value) or inspect.isroutine(value)):
            continue
        found = finder.find(value, f"claimgraph.{name}", globs=vars(claimgraph).copy())
        tests.extend(found)
        if inspect.isclass(value):
            for attr, member in vars(value).items():
                doc = getattr(member, "__doc__", None)
                if attr.startswith("__") or not doc or ">>>" not in doc:
                    continue
                test = doctest.DocTestParser().get_doctest(
                    doc, vars(claimgraph).copy(), f"claimgraph.{name}.{attr}", None, 0
                )
                tests.append(test)
    return tests


def test_every_docstring_example_runs_and_prints_what_it_says() -> None:
    tests = [t for t in _docstring_examples() if t.examples]
    # The records and the graph each carry one; losing them all would make this test vacuous.
    names = {t.name for t in tests}
    assert {"claimgraph.Source", "claimgraph.ClaimGraph", "claimgraph.Claim"} <= names, names
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for test in tests:
        runner.run(test)
    failed, attempted = runner.summarize(verbose=False)
    assert attempted >= 10
    assert failed == 0, f"{failed} of {attempted} docstring examples failed (see the output above)"
