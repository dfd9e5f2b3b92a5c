"""Every differentiable op registered in the engine passes gradcheck (and gradgradcheck where smooth).

The list of ops comes from the engine's registry, so an op added without a gradient case fails
test_every_differentiable_op_has_a_case.
"""
import importlib
import pkgutil

import pytest

import rustorch as rt
import grad_cases

_MODULES = [importlib.import_module(f"grad_cases.{m.name}") for m in pkgutil.iter_modules(grad_cases.__path__)
            if m.name != "common"]
ALL_CASES = {}
for _mod in _MODULES:
    for _op, _cases in getattr(_mod, "CASES", {}).items():
        ALL_CASES.setdefault(_op, []).extend(_cases)

PARAMS = [pytest.param(op, c, id=f"{op}-{i}") for op, cases in sorted(ALL_CASES.items()) for i, c in enumerate(cases)]


def test_every_differentiable_op_has_a_case():
    registered = {name for name, differentiable in rt._C._registered_ops() if differentiable}
    missing = sorted(registered - set(ALL_CASES))
    assert not missing, f"differentiable ops without a gradcheck case: {missing}"


def test_cases_name_registered_ops():
    registered = {name for name, _ in rt._C._registered_ops()}
    unknown = sorted(set(ALL_CASES) - registered)
    assert not unknown, f"gradcheck cases for ops the engine does not register: {unknown}"


@pytest.mark.parametrize("op,case", PARAMS)
def test_gradcheck(op, case):
    assert rt.autograd.gradcheck(case.fn, case.make_inputs(), eps=case.eps, atol=case.atol, rtol=case.rtol)


@pytest.mark.parametrize("op,case", [p for p in PARAMS if p.values[1].gradgrad])
def test_gradgradcheck(op, case):
    assert rt.autograd.gradgradcheck(case.fn, case.make_inputs(), eps=case.eps, atol=case.atol, rtol=case.rtol)
