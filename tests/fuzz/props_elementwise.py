"""Elementwise unary/binary/ternary ops: random dtypes, layouts, broadcasting and scalar operands
against torch."""
import torch
from hypothesis import strategies as st

import rustorch as rt
from common import DTYPES, FLOATS, Prop, both, check_against_torch, shapes, tensor_specs

UNARY = ["abs", "neg", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sqrt", "rsqrt", "sin", "cos", "tan",
         "asin", "acos", "atan", "sinh", "cosh", "tanh", "sigmoid", "relu", "floor", "ceil", "round", "trunc", "sign",
         "reciprocal", "square", "erf", "erfc", "erfinv", "lgamma", "digamma", "logical_not", "bitwise_not", "isnan",
         "isinf", "isfinite", "isposinf", "isneginf"]
BINARY = ["add", "sub", "mul", "div", "pow", "maximum", "minimum", "atan2", "fmod", "remainder", "floor_divide",
          "eq", "ne", "lt", "le", "gt", "ge", "logical_and", "logical_or", "logical_xor", "bitwise_and", "bitwise_or",
          "bitwise_xor"]
# Functions whose values near poles/branch cuts differ in the last bits between libms.
LOOSE = {"lgamma", "digamma", "tan", "erfinv", "pow", "exp", "exp2", "expm1", "sinh", "cosh", "rsqrt", "reciprocal",
         "fmod", "remainder", "floor_divide", "div", "atan2"}


@st.composite
def unary_cases(draw):
    return {"op": draw(st.sampled_from(UNARY)), "x": draw(tensor_specs()), "method": draw(st.booleans())}


def check_unary(c):
    op = c["op"]
    x, tx = both(c["x"])
    call = (lambda m, t: getattr(t, op)()) if c["method"] and hasattr(x, op) else (lambda m, t: getattr(m, op)(t))
    tol = {"rtol": 1e-3, "atol": 1e-4} if op in LOOSE else {}
    check_against_torch(f"{op}({c['x']})", lambda: call(rt, x), lambda: call(torch, tx), **tol)


@st.composite
def broadcast_pair(draw):
    """Two shapes that broadcast (mostly) or deliberately do not."""
    out = draw(shapes(0, 4, 0, 4))
    def operand():
        k = draw(st.integers(0, len(out)))
        return [1 if draw(st.integers(0, 3)) == 0 else s for s in out[len(out) - k:]]
    a, b = operand(), operand()
    if draw(st.integers(0, 9)) == 0:  # an incompatible pair
        b = draw(shapes(0, 4, 0, 4))
    return a, b


SCALARS = st.one_of(st.integers(-5, 5), st.floats(-4, 4, allow_nan=False, width=32), st.booleans(),
                    st.sampled_from([float("inf"), float("nan"), 0.0, 2**40]))


@st.composite
def binary_cases(draw):
    a, b = draw(broadcast_pair())
    case = {"op": draw(st.sampled_from(BINARY)), "a": draw(tensor_specs(shape=a)), "b": draw(tensor_specs(shape=b)),
            "form": draw(st.sampled_from(["function", "method", "operator", "scalar", "rscalar", "inplace"]))}
    if case["form"] in ("scalar", "rscalar"):
        case["scalar"] = draw(SCALARS)
    return case


OPERATORS = {"add": "__add__", "sub": "__sub__", "mul": "__mul__", "div": "__truediv__", "pow": "__pow__",
             "remainder": "__mod__", "floor_divide": "__floordiv__", "eq": "__eq__", "ne": "__ne__", "lt": "__lt__",
             "le": "__le__", "gt": "__gt__", "ge": "__ge__", "bitwise_and": "__and__", "bitwise_or": "__or__",
             "bitwise_xor": "__xor__"}


def check_binary(c):
    op, form = c["op"], c["form"]
    a, ta = both(c["a"])
    b, tb = both(c["b"])
    tol = {"rtol": 1e-3, "atol": 1e-4} if op in LOOSE else {}
    what = f"{op}/{form}({c['a']}, {c['b'] if 'scalar' not in form else c['scalar']})"
    if form == "function":
        run = lambda m, x, y: getattr(m, op)(x, y)
    elif form == "method":
        run = lambda m, x, y: getattr(x, op)(y)
    elif form == "operator" and op in OPERATORS:
        run = lambda m, x, y: getattr(x, OPERATORS[op])(y)
    elif form == "scalar":
        s = c["scalar"]

        def run(m, x, y):
            try:
                return getattr(m, op)(x, s)
            except TypeError:
                if m is not torch:
                    raise
                return getattr(m, op)(x, torch.tensor(s))  # torch takes no Python number here; rt does
    elif form == "rscalar" and op in OPERATORS and op not in ("eq", "ne", "lt", "le", "gt", "ge"):
        s = c["scalar"]
        rop = "__r" + OPERATORS[op][2:]
        run = lambda m, x, y: getattr(x, rop)(s)
    elif form == "inplace" and hasattr(a, op + "_"):
        # in-place: the result keeps a's dtype and shape; overlapping (expanded) self must be refused
        def run(m, x, y):
            x = x.clone() if c["a"]["layout"] != "expanded" else x
            getattr(x, op + "_")(y)
            return x
    else:
        run = lambda m, x, y: getattr(m, op)(x, y)
    check_against_torch(what, lambda: run(rt, a, b), lambda: run(torch, ta, tb), **tol)


@st.composite
def ternary_cases(draw):
    a, b = draw(broadcast_pair())
    return {"op": draw(st.sampled_from(["where", "clamp", "masked_fill", "lerp_like"])),
            "a": draw(tensor_specs(shape=a)), "b": draw(tensor_specs(shape=b)),
            "cond": draw(tensor_specs(shape=a, dtypes=["bool"])),
            "lo": draw(st.one_of(st.none(), st.floats(-3, 3, width=32))),
            "hi": draw(st.one_of(st.none(), st.floats(-3, 3, width=32)))}


def check_ternary(c):
    a, ta = both(c["a"])
    b, tb = both(c["b"])
    m, tm = both(c["cond"])
    op = c["op"]
    if op == "where":
        check_against_torch(f"where{c}", lambda: rt.where(m, a, b), lambda: torch.where(tm, ta, tb))
    elif op == "clamp":
        check_against_torch(f"clamp{c}", lambda: rt.clamp(a, c["lo"], c["hi"]), lambda: torch.clamp(ta, c["lo"], c["hi"]))
    elif op == "masked_fill":
        v = c["lo"] if c["lo"] is not None else 0.5
        check_against_torch(f"masked_fill{c}", lambda: rt.masked_fill(b, m, v), lambda: torch.masked_fill(tb, tm, v))
    else:  # a*w + b*(1-w) through the operators, with mixed dtypes
        check_against_torch(f"mix{c}", lambda: a * 0.25 + b * 0.75, lambda: ta * 0.25 + tb * 0.75)


PROPERTIES = [
    Prop("unary", unary_cases(), check_unary, quick=150, long=7500),
    Prop("binary", binary_cases(), check_binary, quick=200, long=10000),
    Prop("ternary", ternary_cases(), check_ternary, quick=60, long=2500),
]
