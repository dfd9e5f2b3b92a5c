"""Shared pieces of the property tests: JSON-able tensor specs (dtype, shape, layout, seed) built
identically in rustorch and torch, and the oracle comparison.

A spec is {"dtype", "shape", "layout", "seed", "special"}; layout is one of
  "contiguous"          a fresh tensor
  "transposed"          a permute() view of a tensor with the dims reversed (non-contiguous)
  "stepped"             a [::2, ::2, ...] view of a tensor twice the size (non-contiguous)
  "expanded"            an expand() view of a tensor with some dims of size 1 (stride 0)
  "offset"              a narrow()ed view starting one element into a bigger tensor
"""
import numpy as np
import torch
from hypothesis import strategies as st

import rustorch as rt

ALLOWED = (ValueError, TypeError, IndexError, RuntimeError)
DTYPES = ["float32", "float64", "int64", "bool"]
FLOATS = ["float32", "float64"]
LAYOUTS = ["contiguous", "transposed", "stepped", "expanded", "offset"]
RT_DTYPE = {"float32": rt.float32, "float64": rt.float64, "int64": rt.int64, "bool": rt.bool}
TORCH_DTYPE = {"float32": torch.float32, "float64": torch.float64, "int64": torch.int64, "bool": torch.bool}


def shapes(min_dims=0, max_dims=4, min_side=0, max_side=4):
    return st.lists(st.integers(min_side, max_side), min_size=min_dims, max_size=max_dims).map(tuple)


@st.composite
def tensor_specs(draw, dtypes=DTYPES, shape=None, min_dims=0, max_dims=4, min_side=0, max_side=4, layouts=LAYOUTS,
                 special=True):
    if shape is None:
        shape = draw(shapes(min_dims, max_dims, min_side, max_side))
    return {"dtype": draw(st.sampled_from(dtypes)), "shape": list(shape), "layout": draw(st.sampled_from(layouts)),
            "seed": draw(st.integers(0, 2**31 - 1)), "special": special and draw(st.integers(0, 5)) == 0}


def values(spec, shape):
    """The NumPy values of a spec's base array (deterministic in the seed)."""
    rng = np.random.default_rng(spec["seed"])
    dt = spec["dtype"]
    if dt == "bool":
        return rng.random(shape) < 0.5
    if dt == "int64":
        return rng.integers(-6, 7, size=shape).astype(np.int64)
    a = rng.standard_normal(shape) * 3
    if spec.get("special") and a.size:
        pool = np.array([0.0, -0.0, np.inf, -np.inf, np.nan, 1e30, -1e-30, 1.0])
        mask = rng.random(shape) < 0.3
        a = np.where(mask, pool[rng.integers(0, len(pool), size=shape)], a)
    return a.astype(dt)


def build(spec, lib):
    """The tensor a spec describes, in rt or torch (the same values and the same view structure)."""
    shape, layout = list(spec["shape"]), spec["layout"]
    n = len(shape)
    if layout == "transposed" and n >= 2:
        base = values(spec, shape[::-1])
        t = _tensor(base, spec, lib)
        return t.permute(*range(n - 1, -1, -1))
    if layout == "stepped" and n >= 1:
        base = values(spec, [2 * s for s in shape])
        t = _tensor(base, spec, lib)
        return t[tuple(slice(None, None, 2) for _ in shape)]
    if layout == "expanded" and n >= 1:
        base_shape = [1 if i % 2 == 0 else s for i, s in enumerate(shape)]
        t = _tensor(values(spec, base_shape), spec, lib)
        return t.expand(*shape)
    if layout == "offset" and n >= 1:
        base = values(spec, [shape[0] + 1] + shape[1:])
        return _tensor(base, spec, lib).narrow(0, 1, shape[0])
    return _tensor(values(spec, shape), spec, lib)


def _tensor(arr, spec, lib):
    if lib == "rt":
        return rt.tensor(arr, dtype=RT_DTYPE[spec["dtype"]])
    return torch.tensor(arr, dtype=TORCH_DTYPE[spec["dtype"]])


def both(spec):
    return build(spec, "rt"), build(spec, "torch")


def to_numpy(x):
    if isinstance(x, torch.Tensor):
        return x.detach().numpy()
    return x.detach().numpy() if hasattr(x, "detach") else np.asarray(x)


def dtype_name(x):
    return str(x.dtype).replace("rustorch.", "").replace("torch.", "")


def assert_close(got, expected, what, rtol=None, atol=None, check_dtype=True):
    """got (rustorch result, possibly a tuple) equals expected (torch result)."""
    if isinstance(expected, (tuple, list)):
        assert isinstance(got, (tuple, list)) and len(got) == len(expected), \
            f"{what}: expected {len(expected)} outputs, got {type(got).__name__}"
        for i, (g, e) in enumerate(zip(got, expected)):
            assert_close(g, e, f"{what}[{i}]", rtol, atol, check_dtype)
        return
    if not isinstance(expected, torch.Tensor):
        assert not hasattr(got, "shape") or got.dim() == 0, f"{what}: expected a number, got {got!r}"
        g = got.item() if hasattr(got, "item") else got
        np.testing.assert_allclose(g, expected, rtol=rtol or 1e-5, atol=atol or 1e-6, err_msg=what)
        return
    assert tuple(got.shape) == tuple(expected.shape), f"{what}: shape {tuple(got.shape)} != torch's {tuple(expected.shape)}"
    if check_dtype:
        assert dtype_name(got) == dtype_name(expected), f"{what}: dtype {dtype_name(got)} != torch's {dtype_name(expected)}"
    g, e = to_numpy(got), to_numpy(expected)
    if e.dtype.kind in "fc":
        single = "float32" in (dtype_name(got), dtype_name(expected))
        r = rtol if rtol is not None else (2e-4 if single else 1e-9)
        a = atol if atol is not None else (2e-5 if single else 1e-10)
        g = g.astype(np.float64)
        e = e.astype(np.float64)
        scale = np.nanmax(np.abs(np.where(np.isfinite(e), e, 0)), initial=1.0)
        np.testing.assert_allclose(g, e, rtol=r, atol=a * scale, equal_nan=True, err_msg=what)
    else:
        np.testing.assert_array_equal(g, e, err_msg=what)


def check_against_torch(what, rt_call, torch_call, torch_skips_checks=False, either_ok=False, **tol):
    """Runs both; valid input must give torch's result, invalid input a clear Python exception.

    torch raising means the input is invalid (or an unsupported dtype combination): rustorch must
    then raise one of ValueError/TypeError/IndexError/RuntimeError with a non-empty message, or -
    only where torch's refusal is a missing kernel ("not implemented for") - may return a value.
    torch_skips_checks: torch is known not to validate this input (e.g. an empty index), so
    rustorch raising a clear error is accepted too. either_ok: torch refusing while rustorch
    returns is accepted as well (a documented, consistent divergence).
    """
    expected, torch_error = None, None
    try:
        expected = torch_call()
    except Exception as e:  # noqa: BLE001 - any torch refusal marks the input invalid
        torch_error = e
    try:
        got = rt_call()
    except ALLOWED as e:
        assert str(e).strip(), f"{what}: {type(e).__name__} with an empty message"
        if torch_error is None and (torch_skips_checks or _is_empty(expected)):
            return None  # torch skips argument checks (index range, dtypes) when the result is empty
        if torch_error is None:
            raise AssertionError(f"{what}: rustorch raised {type(e).__name__}: {e} but torch returned a result") from None
        return None
    if torch_error is not None:
        msg = str(torch_error)
        if either_ok:
            return got
        if "not implemented for" in msg or "does not support" in msg:
            return got  # torch lacks a kernel for this dtype; rustorch may have one
        if isinstance(torch_error, TypeError) and ("invalid combination of arguments" in msg or "must be" in msg):
            return got  # torch's Python signature does not take this form (e.g. a number for a tensor)
        raise AssertionError(f"{what}: torch raised {type(torch_error).__name__}: {torch_error} but rustorch "
                             f"returned {got!r}")
    assert_close(got, expected, what, **tol)
    return got


def _is_empty(x):
    if isinstance(x, (tuple, list)):
        return any(_is_empty(v) for v in x)
    return isinstance(x, torch.Tensor) and x.numel() == 0


class Prop:
    """One property: a strategy of JSON-able cases and a deterministic check(case)."""

    def __init__(self, name, strategy, check, quick=60, long=3000):
        self.name, self.strategy, self.check, self.quick, self.long = name, strategy, check, quick, long
