"""Small helpers shared by the layer modules."""
import collections.abc
from itertools import repeat

from ... import _C


def _ntuple(n, name="parse"):
    def parse(x):
        if isinstance(x, collections.abc.Iterable) and not isinstance(x, str):
            return tuple(x)
        return tuple(repeat(x, n))

    parse.__name__ = name
    return parse


_single = _ntuple(1, "_single")
_pair = _ntuple(2, "_pair")
_triple = _ntuple(3, "_triple")
_quadruple = _ntuple(4, "_quadruple")


def _reverse_repeat_tuple(t, n):
    """(a, b) -> (b, b, a, a) for n = 2: F.pad's order from per-dim values."""
    return tuple(x for x in reversed(t) for _ in range(n))


def _factory(shape, dtype, device):
    """An uninitialised tensor for a new parameter (device must be the CPU)."""
    if device is not None:
        name = device if isinstance(device, str) else str(device)
        if name.split(":")[0] != "cpu":
            raise RuntimeError(f"device '{name}' is not available: this build of rustorch runs on the CPU only")
    if dtype is not None and not dtype.is_floating_point:
        raise TypeError(f"layer parameters must have a floating-point dtype, got {dtype}")
    return _C.empty(tuple(shape), dtype=dtype)


_RERAISE = (ValueError, TypeError, RuntimeError, IndexError, NotImplementedError)


def layer_error(module, exc, detail=None):
    """The exception ``exc`` raised inside ``module``'s forward with the layer named first
    ("Conv2d(3, 16, kernel_size=(3, 3), stride=(1, 1)): ..."); other exception types pass through."""
    if type(exc) not in _RERAISE:
        return exc
    extra = module.extra_repr()
    name = module._get_name() + (f"({extra})" if "\n" not in extra else "")
    msg = f"{name}: {detail}" if detail else f"{name}: {exc}"
    return type(exc)(msg)


def shape_str(shape):
    return str(tuple(shape))
