"""Every public name of the API has a docstring: functions, classes, their public methods and
properties, Tensor methods and the compiled module's bindings.

A pybind11 binding without a docstring still has a ``__doc__``: its signature line(s). Those lines
are stripped before checking, so a binding passes only with a real description.
"""
import importlib
import inspect
import re

import pytest

import rustorch as rt

# The public modules walked; optional areas join when their package exists on this checkout.
MODULES = [
    "rustorch", "rustorch.nn", "rustorch.nn.functional", "rustorch.nn.init", "rustorch.nn.utils",
    "rustorch.optim", "rustorch.optim.lr_scheduler", "rustorch.data", "rustorch.data.datasets",
    "rustorch.data.transforms", "rustorch.linalg", "rustorch.distributions",
    "rustorch.distributions.constraints", "rustorch.autograd",
]
OPTIONAL_MODULES = ["rustorch.training", "rustorch.training.callbacks", "rustorch.training.metrics",
                    "rustorch.training.losses", "rustorch.plot", "rustorch.serialization", "rustorch.distributed",
                    "rustorch.nn.parallel", "rustorch.nn.rnn", "rustorch.amp"]

# A pybind11 signature line ("name(a: int) -> Tensor", "1. name(...) -> ...") and the header of
# an overload set carry no description.
_SIGNATURE = re.compile(r"^\s*(\d+\.\s+)?[A-Za-z_][\w.]*\(.*\)(\s*->\s*.+)?$")


def description(obj):
    """The docstring of obj without pybind11's generated signature lines ('' if none)."""
    doc = getattr(obj, "__doc__", None)
    if not isinstance(doc, str):
        return ""
    lines, in_example = [], False
    for line in doc.splitlines():
        stripped = line.strip()
        if stripped.startswith(">>>"):
            in_example = True  # an example's output ("tensor([1., 2.])") looks like a signature
        elif not stripped:
            in_example = False
        if not in_example and (stripped == "Overloaded function." or _SIGNATURE.match(line)):
            continue
        lines.append(line)
    return "\n".join(lines).strip()


def _is_ours(obj):
    module = getattr(obj, "__module__", None) or ""
    return module.startswith("rustorch")


def public_names(module):
    names = getattr(module, "__all__", None)
    if names is None:
        names = [n for n in dir(module) if not n.startswith("_")]
    return sorted(names)


def _members_of_class(cls):
    """Public methods and properties defined by cls itself (inherited ones are checked on their owner)."""
    is_pybind_enum = hasattr(cls, "__members__") and "pybind11" in type(cls).__name__
    for name, member in vars(cls).items():
        if name.startswith("_") or (is_pybind_enum and name in ("name", "value")):
            continue  # pybind11 generates an enum's name/value properties (no binding site to document)
        if isinstance(member, (staticmethod, classmethod)):
            member = member.__func__
        if isinstance(member, property) or inspect.isroutine(member) or type(member).__name__ in (
                "instancemethod", "builtin_function_or_method"):
            yield name, member


def member_description(cls, name, member):
    """A member's description; an override without its own docstring inherits the one of the
    method it overrides (as inspect.getdoc and Sphinx's autodoc do): the contract is the same."""
    text = description(member)
    for base in cls.__mro__[1:]:
        if text:
            break
        if name in vars(base):
            inherited = vars(base)[name]
            text = description(getattr(inherited, "__func__", inherited))
    return text


def collect():
    """(qualified name, object) for every public callable, class and class member."""
    modules = list(MODULES)
    for name in OPTIONAL_MODULES:
        try:
            importlib.import_module(name)
            modules.append(name)
        except ImportError:
            pass
    seen, items = set(), []
    for module_name in modules:
        module = importlib.import_module(module_name)
        for name in public_names(module):
            obj = getattr(module, name)
            if inspect.ismodule(obj) or not (callable(obj) or isinstance(obj, type)):
                continue  # submodules are walked on their own; dtypes and constants are values
            if not (_is_ours(obj) or type(obj).__name__ == "builtin_function_or_method"):
                continue  # re-exported third-party names (e.g. typing) are not our API
            key = id(obj)
            if key in seen:
                continue
            seen.add(key)
            items.append((f"{module_name}.{name}", obj, lambda o=obj: description(o)))
            if isinstance(obj, type):
                for member_name, member in _members_of_class(obj):
                    items.append((f"{module_name}.{name}.{member_name}", member,
                                  lambda c=obj, n=member_name, m=member: member_description(c, n, m)))
    return items


ITEMS = collect()


def test_the_walk_covers_the_api():
    # A broken walk would pass vacuously: a sample of objects from every area must be in it (an
    # object re-exported under several names is walked once, under the first module listing it).
    walked = {id(obj) for _, obj, _ in ITEMS}
    for expected in [rt.tensor, rt.Tensor.sum, rt.Tensor.backward, rt.nn.Linear, rt.nn.Module.parameters,
                     rt.nn.functional.conv2d, rt.optim.Adam, rt.data.DataLoader, rt.linalg.svd,
                     rt.distributions.Normal, rt.distributions.Normal.log_prob, rt.autograd.grad]:
        assert id(expected) in walked, expected
    assert len(ITEMS) > 1000


def test_every_public_name_has_a_docstring():
    missing = [name for name, _, text in ITEMS if not text()]
    assert not missing, f"{len(missing)} public names without a docstring:\n" + "\n".join(missing)


def test_bindings_name_their_arguments():
    # py::arg names appear in pybind11's generated signatures, as in PyTorch (input, other, dim,
    # ...); a binding without them shows arg0, arg1. Operators (__add__, ...) are exempt: Python
    # passes their operand positionally.
    unnamed = []
    for owner, prefix in ((rt._C, "rt."), (rt._C.Tensor, "rt.Tensor.")):
        for name, obj in vars(owner).items():
            if name.startswith("_") or not callable(obj) or isinstance(obj, type):
                continue
            signatures = [line for line in (obj.__doc__ or "").splitlines() if _SIGNATURE.match(line)]
            if any(re.search(r"\barg\d+:", line) for line in signatures):
                unnamed.append(prefix + name)
    assert not unnamed, f"bindings without py::arg names: {unnamed}"
    assert "input: Tensor" in rt._C.sum.__doc__.splitlines()[0]
