"""Helpers to build gradcheck cases: deterministic float64 inputs, non-contiguous variants."""
import numpy as np

import rustorch as rt

_rng = np.random.default_rng(1234)


class Case:
    """fn(*inputs) checked by gradcheck; by gradgradcheck too when gradgrad is True."""

    def __init__(self, fn, inputs, gradgrad=True, atol=1e-5, rtol=1e-3, eps=1e-6, name=""):
        self.fn, self.inputs, self.gradgrad, self.name = fn, inputs, gradgrad, name
        self.atol, self.rtol, self.eps = atol, rtol, eps

    def make_inputs(self):
        return tuple(make() if callable(make) else make for make in self.inputs)


def case(fn, *inputs, gradgrad=True, atol=1e-5, rtol=1e-3, eps=1e-6, name=""):
    return Case(fn, inputs, gradgrad=gradgrad, atol=atol, rtol=rtol, eps=eps, name=name)


def rand(*shape, low=-1.0, high=1.0, transposed=False, requires_grad=True):
    """A factory for a float64 input with values in [low, high). transposed=True gives a
    non-contiguous tensor (the transpose of a contiguous one with the last two dims swapped)."""
    values = _rng.uniform(low, high, size=shape)

    def make():
        if transposed and len(shape) >= 2:
            base = rt.tensor(np.ascontiguousarray(np.swapaxes(values, -1, -2)), dtype=rt.float64)
            t = base.transpose(-1, -2)
        else:
            t = rt.tensor(values, dtype=rt.float64)
        return t.requires_grad_(requires_grad)
    return make


def const(value):
    """A non-differentiable input (e.g. an index tensor or a mask)."""
    return lambda: value
