"""Reductions and scans with random dim (None, int, negative, tuple, out of range) and keepdim,
against torch."""
import torch
from hypothesis import strategies as st

import rustorch as rt
from common import DTYPES, FLOATS, Prop, both, check_against_torch, tensor_specs

DIM_OPS = ["sum", "mean", "prod", "amax", "amin", "std", "var", "logsumexp", "all", "any", "norm"]
INDEX_OPS = ["max", "min", "argmax", "argmin"]
SCANS = ["cumsum", "cumprod", "softmax", "log_softmax"]


@st.composite
def dims(draw, ndim, allow_tuple=True, allow_none=True):
    choices = [st.integers(-ndim - 2, ndim + 1)]
    if allow_none:
        choices.append(st.none())
    if allow_tuple and ndim > 0:
        choices.append(st.lists(st.integers(-ndim, ndim - 1), min_size=0, max_size=ndim).map(tuple))
    return draw(st.one_of(*choices))


@st.composite
def reduce_cases(draw):
    x = draw(tensor_specs())
    op = draw(st.sampled_from(DIM_OPS + INDEX_OPS))
    ndim = len(x["shape"])
    return {"op": op, "x": x, "dim": draw(dims(ndim, allow_tuple=op in DIM_OPS and op != "prod")), "keepdim": draw(st.booleans())}


def _args(c):
    kw = {"keepdim": c["keepdim"]}
    if c["dim"] is not None:
        kw["dim"] = list(c["dim"]) if isinstance(c["dim"], list) else c["dim"]
        if isinstance(kw["dim"], list):
            kw["dim"] = tuple(kw["dim"])
    return kw


def check_reduce(c):
    op = c["op"]
    x, tx = both(c["x"])
    kw = _args(c)
    if op in ("logsumexp",) and "dim" not in kw:
        kw["dim"] = tuple(range(len(c["x"]["shape"])))  # torch requires dim for logsumexp
    if "dim" not in kw and op not in ("argmax", "argmin"):
        kw = {}  # torch's full reductions take no keepdim
    if op in ("argmax", "argmin") and "dim" not in kw:
        kw = {"keepdim": c["keepdim"]}
    tol = {"rtol": 1e-3, "atol": 1e-3} if c["x"]["dtype"] == "float32" or op in ("std", "var", "norm", "prod") else {}

    def run(t):
        out = getattr(t, op)(**kw)
        if isinstance(out, tuple) and hasattr(out, "values"):  # (values, indices): values only when ties are possible
            return out.values
        return out
    # torch's Tensor.norm (Frobenius by default) takes at most 2 dims; rustorch reduces over any number
    either = op == "norm" and isinstance(kw.get("dim"), tuple) and len(kw["dim"]) > 2
    # torch 2.13's logsumexp(dim=()) fails inside its own kernel ("output with shape [] doesn't match the
    # broadcast shape"); rustorch reduces every dim, as torch's sum/mean/amax do for dim=()
    either = either or (op == "logsumexp" and kw.get("dim") == ())
    torch_call = lambda: run(tx)  # noqa: E731
    if op == "norm" and tx.dtype == torch.float32:
        # torch's float32 norm squares in float32 on some paths ([3e20, 4e20] -> inf, [1e-30] -> 0);
        # rustorch reruns such a reduction in float64, so the float64 result rounded is the oracle
        torch_call = lambda: run(tx.double()).float()  # noqa: E731
    check_against_torch(f"{op}({c['x']}, {kw})", lambda: run(x), torch_call, either_ok=either, **tol)


@st.composite
def scan_cases(draw):
    x = draw(tensor_specs(max_dims=3))
    return {"op": draw(st.sampled_from(SCANS)), "x": x, "dim": draw(st.integers(-len(x["shape"]) - 1, len(x["shape"])))}


def check_scan(c):
    x, tx = both(c["x"])
    op, d = c["op"], c["dim"]
    if c["x"]["dtype"] in ("bool", "int64") and op in ("softmax", "log_softmax"):
        # torch has no integer softmax kernel (it only skips the check for empty inputs): rt refuses clearly
        try:
            getattr(x, op)(d)
        except (ValueError, TypeError, IndexError, RuntimeError) as e:
            assert str(e).strip()
            return
        raise AssertionError(f"{op} accepted {c['x']['dtype']} input {c}")
    tol = {"rtol": 1e-3, "atol": 1e-4}
    check_against_torch(f"{op}({c['x']}, dim={d})", lambda: getattr(x, op)(d), lambda: getattr(tx, op)(d), **tol)


PROPERTIES = [
    Prop("reduce", reduce_cases(), check_reduce, quick=200, long=7500),
    Prop("scan", scan_cases(), check_scan, quick=80, long=3000),
]
