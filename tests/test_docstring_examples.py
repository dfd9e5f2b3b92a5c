"""Docstrings in the style PyTorch and Keras users know, and their examples run.

Every public function and class of the API (the names test_docstrings.py walks, not their members)
has Google-style sections, which Sphinx's napoleon renders: ``Args:`` when it takes arguments,
``Returns:`` when a function returns a value, and ``Example:`` with ``>>>`` lines. Every ``>>>``
example in any walked docstring (members too) runs here as a doctest, so no example can drift from
the code.
"""
import doctest
import inspect
import os
import re

import numpy as np
import pytest

import rustorch as rt
from test_docstrings import ITEMS, MODULES, OPTIONAL_MODULES, _SIGNATURE

SECTION = re.compile(r"^\s*(Args|Arguments|Keyword args|Returns|Yields|Raises|Example|Examples|Note|Shape|"
                     r"Attributes|Methods):\s*$")
MODULE_NAMES = set(MODULES) | set(OPTIONAL_MODULES)


def sections(text):
    return {m.group(1) for line in text.splitlines() if (m := SECTION.match(line))}


def is_member(qualified_name):
    """Class members (rt.Tensor.sum, rt.nn.Linear.forward) are walked as '<module>.<Class>.<name>'."""
    owner = qualified_name.rsplit(".", 1)[0]
    return owner not in MODULE_NAMES


def _pybind_signatures(obj):
    doc = getattr(obj, "__doc__", None) or ""
    return [line.strip() for line in doc.splitlines() if _SIGNATURE.match(line)]


def _parameters_and_return(obj):
    """(takes arguments, returns a value) for a Python or pybind11 callable."""
    if isinstance(obj, type):
        init = obj.__init__
        signatures = _pybind_signatures(init) if type(init).__name__ == "instancemethod" else []
        if signatures:
            return any(re.search(r"\(self(: [^,)]+)?, ", s) for s in signatures), False
        try:
            # a constructor of only *args/**kwargs (inherited from nn.Module) takes no arguments of its own
            params = [p for p in inspect.signature(obj).parameters.values()
                      if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
        except (TypeError, ValueError):
            return False, False
        return bool(params), False
    signatures = _pybind_signatures(obj)
    if signatures:
        takes = any(not re.search(r"\(\)", s) for s in signatures)
        returns = any(not s.endswith("-> None") for s in signatures)
        return takes, returns
    try:
        sig = inspect.signature(obj)
    except (TypeError, ValueError):
        return True, True
    takes = any(name not in ("self", "cls") for name in sig.parameters)
    returns = sig.return_annotation not in (None, "None")
    return takes, returns


TOP_LEVEL = [(name, obj, text) for name, obj, text in ITEMS if not is_member(name)]


def style_problems(obj, text):
    found = sections(text)
    takes, returns = _parameters_and_return(obj)
    problems = []
    if takes and not found & {"Args", "Arguments", "Keyword args"}:
        problems.append("Args:")
    if returns and not found & {"Returns", "Yields"}:
        problems.append("Returns:")
    if not found & {"Example", "Examples"} or ">>>" not in text:
        problems.append("Example: with >>>")
    return problems


def test_the_style_walk_covers_the_public_functions_and_classes():
    walked = {id(obj) for _, obj, _ in TOP_LEVEL}
    for expected in [rt.tensor, rt.nn.functional.conv2d, rt.nn.functional.cross_entropy, rt.linalg.svd, rt.nn.Linear,
                     rt.optim.lr_scheduler.StepLR, rt.distributions.Normal, rt.Sequential, rt.callbacks.EarlyStopping]:
        assert id(expected) in walked, expected
    assert len(TOP_LEVEL) > 500


def test_public_functions_and_classes_have_args_returns_and_example_sections():
    missing = []
    for name, obj, text in TOP_LEVEL:
        problems = style_problems(obj, text())
        if problems:
            missing.append(f"{name}: missing {', '.join(problems)}")
    assert not missing, f"{len(missing)} public names without the Args/Returns/Example sections:\n" + \
        "\n".join(missing)


def _examples():
    parser = doctest.DocTestParser()
    seen, cases = set(), []
    for name, obj, text in ITEMS:
        body = text()
        if ">>>" not in body or id(obj) in seen:
            continue
        seen.add(id(obj))
        cases.append(pytest.param(name, body, id=name))
    return cases, parser


EXAMPLES, PARSER = _examples()


def test_examples_exist():
    assert len(EXAMPLES) > 500


@pytest.mark.parametrize("name, body", EXAMPLES)
def test_docstring_example_runs(name, body, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # examples that save files write into a fresh directory
    rt.manual_seed(0)
    np.random.seed(0)
    globs = {"rt": rt, "np": np, "nn": rt.nn, "F": rt.nn.functional, "os": os}
    test = PARSER.get_doctest(body, globs, name, None, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    out = []
    runner.run(test, out=out.append)
    assert runner.failures == 0, f"the example of {name} does not run as written:\n" + "".join(out)
