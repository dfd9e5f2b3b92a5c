"""The matmul family (matmul/@, mm, bmm, mv, dot, outer, inner, addmm, einsum) on random,
mostly-aligned shapes (batch broadcasting, 1-D operands, zero sizes) and deliberate mismatches."""
import torch
from hypothesis import strategies as st

import rustorch as rt
from common import Prop, both, check_against_torch, tensor_specs

FLOAT_ONLY = ["float32", "float64"]


@st.composite
def product_cases(draw):
    op = draw(st.sampled_from(["matmul", "operator", "mm", "bmm", "mv", "dot", "outer", "inner", "addmm"]))
    m, k, n = (draw(st.integers(0, 5)) for _ in range(3))
    batch = draw(st.lists(st.integers(0, 3), max_size=2))
    rank_a = {"mm": 2, "bmm": 3, "mv": 2, "dot": 1, "outer": 1, "addmm": 2}.get(op, draw(st.integers(1, 4)))
    rank_b = {"mm": 2, "bmm": 3, "mv": 1, "dot": 1, "outer": 1, "addmm": 2}.get(op, draw(st.integers(1, 4)))

    def shape(rank, rows, cols):
        if rank == 1:
            return [cols if rows is None else rows]
        lead = (batch + [2, 2])[: rank - 2] if rank > 2 else []
        lead = [1 if draw(st.integers(0, 3)) == 0 else s for s in lead]  # batch broadcasting
        return lead + [rows, cols]
    a = shape(rank_a, m, k) if rank_a > 1 else [k]
    b = shape(rank_b, k, n) if rank_b > 1 else [k]
    if op == "outer":
        a, b = [m], [n]
    if draw(st.integers(0, 7)) == 0:  # a mismatch
        b = [s + 1 for s in b]
    dt = draw(st.sampled_from(FLOAT_ONLY + ["int64"] if draw(st.integers(0, 5)) == 0 else FLOAT_ONLY))
    dt_b = dt if draw(st.integers(0, 9)) else draw(st.sampled_from(FLOAT_ONLY))
    return {"op": op, "a": draw(tensor_specs(shape=a, dtypes=[dt], special=False)),
            "b": draw(tensor_specs(shape=b, dtypes=[dt_b], special=False)),
            "c": draw(tensor_specs(shape=[m, n] if draw(st.booleans()) else [n], dtypes=[dt], special=False)),
            "beta": draw(st.sampled_from([0.0, 1.0, 0.5])), "alpha": draw(st.sampled_from([1.0, -2.0]))}


def check_product(c):
    a, ta = both(c["a"])
    b, tb = both(c["b"])
    op = c["op"]
    # torch skips its dtype/shape checks when an operand is empty; a clear rustorch error is fine then
    tol = {"rtol": 1e-4, "atol": 1e-4, "torch_skips_checks": ta.numel() == 0 or tb.numel() == 0}
    if op == "operator":
        check_against_torch(f"a @ b {c}", lambda: a @ b, lambda: ta @ tb, **tol)
    elif op == "addmm":
        x, tx = both(c["c"])
        # integer operands with float coefficients: torch truncates them, except with an empty inner
        # dim where its scaling path refuses the float; rustorch truncates in both cases
        either = "int64" in (c["a"]["dtype"], c["b"]["dtype"], c["c"]["dtype"]) and ta.dim() == 2 and ta.shape[1] == 0
        check_against_torch(f"addmm {c}", lambda: rt.addmm(x, a, b, beta=c["beta"], alpha=c["alpha"]),
                            lambda: torch.addmm(tx, ta, tb, beta=c["beta"], alpha=c["alpha"]), either_ok=either, **tol)
    else:
        check_against_torch(f"{op} {c}", lambda: getattr(rt, op)(a, b), lambda: getattr(torch, op)(ta, tb), **tol)


EQUATIONS = ["ij,jk->ik", "ij,jk", "bij,bjk->bik", "i,i->", "i,j->ij", "ii->i", "ii", "ij->ji", "...ij,...jk->...ik",
             "ij,ij->ij", "ijk->", "ij,k->ijk", "ab,bc,cd->ad", "ij->", "i->i", "iij->j", "ij,jk->k", "abc", "a,a,a->a"]


@st.composite
def einsum_cases(draw):
    eq = draw(st.sampled_from(EQUATIONS))
    if draw(st.integers(0, 9)) == 0:
        eq = draw(st.text(alphabet="ijk,->. ", min_size=0, max_size=10))
    sizes = {ch: draw(st.integers(0, 4)) for ch in "abcijk"}
    lhs = eq.split("->")[0]
    dtype = draw(st.sampled_from(FLOAT_ONLY))  # one dtype: torch's einsum itself skips the check on empty operands
    specs = []
    for term in lhs.split(","):
        if "..." in term:
            shape = [draw(st.integers(1, 2))] + [sizes.get(ch, 1) for ch in term.replace("...", "")]
        else:
            shape = [sizes.get(ch, 1) for ch in term if ch.isalpha()]
        if draw(st.integers(0, 11)) == 0:
            shape = shape + [2]
        specs.append(draw(tensor_specs(shape=shape, dtypes=[dtype], special=False)))
    return {"eq": eq, "xs": specs}


def check_einsum(c):
    pairs = [both(s) for s in c["xs"]]
    check_against_torch(f"einsum {c}", lambda: rt.einsum(c["eq"], *[p[0] for p in pairs]),
                        lambda: torch.einsum(c["eq"], *[p[1] for p in pairs]), rtol=1e-4, atol=1e-4)


PROPERTIES = [
    Prop("products", product_cases(), check_product, quick=200, long=7500),
    Prop("einsum", einsum_cases(), check_einsum, quick=80, long=3000),
]
