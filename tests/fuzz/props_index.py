"""Indexing: __getitem__ (ints, slices with steps, None, Ellipsis, bool masks, int tensors), gather,
scatter/scatter_add, index_select, take, masked_select, index_add, sort/argsort/topk."""
import torch
from hypothesis import strategies as st

import rustorch as rt
from common import Prop, both, build, check_against_torch, shapes, tensor_specs
from common import check_against_torch as _base_check


@st.composite
def index_items(draw, shape):
    items = []
    for _ in range(draw(st.integers(0, len(shape) + 1))):
        kind = draw(st.sampled_from(["int", "slice", "none", "ellipsis", "list"]))
        if kind == "int":
            items.append({"int": draw(st.integers(-5, 5))})
        elif kind == "slice":
            items.append({"slice": [draw(st.one_of(st.none(), st.integers(-5, 5))),
                                    draw(st.one_of(st.none(), st.integers(-5, 5))),
                                    draw(st.one_of(st.none(), st.integers(-1, 3)))]})
        elif kind == "none":
            items.append({"none": True})
        elif kind == "ellipsis":
            # one at most: NumPy and rustorch refuse a second one, torch ignores it
            if not any("ellipsis" in i for i in items):
                items.append({"ellipsis": True})
        else:
            items.append({"list": draw(st.lists(st.integers(-5, 5), min_size=0, max_size=4))})
    return items


def _key(items, lib):
    out = []
    for it in items:
        if "int" in it:
            out.append(it["int"])
        elif "slice" in it:
            out.append(slice(*it["slice"]))
        elif "none" in it:
            out.append(None)
        elif "ellipsis" in it:
            out.append(Ellipsis)
        else:
            out.append((rt if lib == "rt" else torch).tensor(it["list"], dtype=(rt.int64 if lib == "rt" else torch.int64)))
    return tuple(out)


@st.composite
def getitem_cases(draw):
    x = draw(tensor_specs(min_dims=0))
    case = {"x": x, "items": draw(index_items(x["shape"])), "mask": None}
    if draw(st.integers(0, 5)) == 0:
        case["mask"] = draw(tensor_specs(shape=x["shape"] if draw(st.booleans()) else draw(shapes(0, 3, 0, 3)),
                                         dtypes=["bool"]))
    return case


def check_getitem(c):
    x, tx = both(c["x"])
    if c["mask"] is not None:
        m, tm = both(c["mask"])
        check_against_torch(f"x[mask] {c}", lambda: x[m], lambda: tx[tm])
        return
    k, tk = _key(c["items"], "rt"), _key(c["items"], "torch")
    check_against_torch(f"getitem {c}", lambda: x[k], lambda: tx[tk])


@st.composite
def gather_cases(draw):
    x = draw(tensor_specs(min_dims=1, max_dims=3))
    n = len(x["shape"])
    ishape = [draw(st.integers(0, s + 1)) for s in x["shape"]]
    if draw(st.integers(0, 7)) == 0:
        ishape = list(draw(shapes(0, 3, 0, 3)))
    return {"op": draw(st.sampled_from(["gather", "scatter", "scatter_add", "scatter_value", "index_select", "take",
                                        "index_add", "masked_select"])),
            "x": x, "dim": draw(st.integers(-n - 1, n)), "ishape": ishape, "iseed": draw(st.integers(0, 2**31 - 1)),
            "ilow": draw(st.sampled_from([0, 0, 0, -3])), "ihigh_extra": draw(st.sampled_from([0, 0, 0, 2]))}


def check_gather(c):
    import numpy as np
    x, tx = both(c["x"])
    op, d = c["op"], c["dim"]
    shape = c["x"]["shape"]
    n = len(shape)
    dd = d if d >= 0 else d + n
    size = shape[dd] if 0 <= dd < n else 1
    rng = np.random.default_rng(c["iseed"])
    ishape = c["ishape"]
    if op in ("index_select", "index_add"):
        ishape = ishape[:1]
    hi = max(size, 1) + c["ihigh_extra"]
    if op == "take":
        hi = max(int(np.prod(shape)), 1) + c["ihigh_extra"]
    idx_np = rng.integers(c["ilow"], hi, size=ishape).astype(np.int64)
    idx, tidx = rt.tensor(idx_np, dtype=rt.int64), torch.tensor(idx_np)
    src_np = rng.standard_normal(ishape).astype(c["x"]["dtype"] if c["x"]["dtype"] != "bool" else "float64")
    src = rt.tensor(src_np).to(x.dtype) if hasattr(rt.tensor(src_np), "to") else rt.tensor(src_np)
    tsrc = torch.tensor(src_np).to(tx.dtype)
    what = f"{op}({c})"
    lenient = idx_np.size == 0  # torch validates nothing about an empty index
    # rustorch's index_select/index_add take negative indices from the end (NumPy's take; tested in
    # test_indexing.py), torch refuses them: a deliberate extension, not compared
    negative_ok = op in ("index_select", "index_add") and bool((idx_np < 0).any())

    def check_against_torch(*a, **kw):  # noqa: F811 - the same check, lenient for empty indices
        return _base_check(*a, torch_skips_checks=lenient, either_ok=negative_ok, **kw)
    if op == "gather":
        check_against_torch(what, lambda: rt.gather(x, d, idx), lambda: torch.gather(tx, d, tidx))
    elif op == "scatter":
        # duplicate indices make scatter's result order-dependent: compare only when unique along dim
        check_against_torch(what, lambda: x.clone().scatter_(d, idx, src) if _unique(idx_np, d) else x.clone().scatter_(d, idx, 0.0),
                            lambda: tx.clone().scatter_(d, tidx, tsrc) if _unique(idx_np, d) else tx.clone().scatter_(d, tidx, 0.0))
    elif op == "scatter_add":
        check_against_torch(what, lambda: x.clone().scatter_add_(d, idx, src),
                            lambda: tx.clone().scatter_add_(d, tidx, tsrc), rtol=1e-4, atol=1e-4)
    elif op == "scatter_value":
        check_against_torch(what, lambda: rt.scatter(x, d, idx, 1.5), lambda: torch.scatter(tx, d, tidx, 1.5))
    elif op == "index_select":
        check_against_torch(what, lambda: rt.index_select(x, d, idx), lambda: torch.index_select(tx, d, tidx))
    elif op == "index_add":
        s2 = list(shape)
        if 0 <= dd < n:
            s2[dd] = idx_np.size
        s_np = rng.standard_normal(s2).astype("float64")
        check_against_torch(what, lambda: rt.index_add(x, d, idx, rt.tensor(s_np).to(x.dtype)),
                            lambda: torch.index_add(tx, d, tidx, torch.tensor(s_np).to(tx.dtype)), rtol=1e-4, atol=1e-4)
    elif op == "take":
        check_against_torch(what, lambda: rt.take(x, idx), lambda: torch.take(tx, tidx))
    else:
        m_np = rng.random(ishape) < 0.5
        check_against_torch(what, lambda: rt.masked_select(x, rt.tensor(m_np)), lambda: torch.masked_select(tx, torch.tensor(m_np)))


def _unique(idx, d):
    import numpy as np
    if idx.ndim == 0 or idx.size == 0:
        return True
    try:
        a = np.moveaxis(idx, d, 0).reshape(idx.shape[d], -1)
    except Exception:  # noqa: BLE001 - a bad dim: the op itself must raise
        return True
    return all(len(set(col)) == len(col) for col in a.T)


@st.composite
def sort_cases(draw):
    x = draw(tensor_specs(max_dims=3, dtypes=["float32", "float64", "int64"]))
    n = len(x["shape"])
    return {"op": draw(st.sampled_from(["sort", "argsort", "topk"])), "x": x, "dim": draw(st.integers(-n - 1, n)),
            "descending": draw(st.booleans()), "k": draw(st.integers(-1, 5))}


def check_sort(c):
    # NaN-free values without ties (a permutation of distinct numbers), so indices are determined.
    import numpy as np
    spec = dict(c["x"], special=False)
    x, tx = both(spec)
    op, d = c["op"], c["dim"]
    if op == "sort":
        check_against_torch(f"sort{c}", lambda: x.sort(dim=d, descending=c["descending"]).values,
                            lambda: tx.sort(dim=d, descending=c["descending"]).values)
    elif op == "argsort":
        check_against_torch(f"argsort{c}", lambda: rt.gather(x, d, x.argsort(dim=d, descending=c["descending"]))
                            if x.dim() else x.argsort(dim=d), lambda: torch.gather(tx, d, tx.argsort(dim=d, descending=c["descending"]))
                            if tx.dim() else tx.argsort(dim=d))
    else:
        check_against_torch(f"topk{c}", lambda: x.topk(c["k"], dim=d, largest=not c["descending"]).values,
                            lambda: tx.topk(c["k"], dim=d, largest=not c["descending"]).values)


PROPERTIES = [
    Prop("getitem", getitem_cases(), check_getitem, quick=200, long=7500),
    Prop("gather_scatter", gather_cases(), check_gather, quick=150, long=6000),
    Prop("sort_topk", sort_cases(), check_sort, quick=80, long=3000),
]
