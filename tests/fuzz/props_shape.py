"""Shape and join ops: reshape/view/permute/transpose/squeeze/unsqueeze/flatten/flip/expand/
narrow/select/chunk/split/tile/repeat/movedim, cat/stack, with random (also invalid) arguments."""
import torch
from hypothesis import strategies as st

import rustorch as rt
from common import Prop, both, check_against_torch, shapes, tensor_specs


@st.composite
def shape_cases(draw):
    x = draw(tensor_specs())
    n = len(x["shape"])
    op = draw(st.sampled_from(["reshape", "view", "permute", "transpose", "squeeze", "unsqueeze", "flatten", "flip",
                               "expand", "narrow", "select", "chunk", "split", "tile", "repeat", "movedim", "t",
                               "unflatten", "contiguous"]))
    d = st.integers(-n - 1, n)
    args = []
    if op in ("reshape", "view"):
        numel = 1
        for s in x["shape"]:
            numel *= s
        target = draw(shapes(0, 4, 0, 6))
        if draw(st.booleans()) and target:
            known = 1
            for s in target[1:]:
                known *= s
            target = (-1,) + tuple(target[1:])
        args = [list(target)]
    elif op == "permute":
        perm = draw(st.permutations(list(range(n)))) if draw(st.integers(0, 4)) else draw(st.lists(d, max_size=n + 1))
        args = [list(perm)]
    elif op in ("transpose", "movedim"):
        args = [draw(d), draw(d)]
    elif op in ("squeeze", "unsqueeze", "select", "flip", "flatten"):
        if op == "squeeze":
            args = [draw(st.one_of(st.none(), d))]
        elif op == "unsqueeze":
            args = [draw(st.integers(-n - 2, n + 1))]
        elif op == "select":
            args = [draw(d), draw(st.integers(-5, 5))]
        elif op == "flip":
            args = [draw(st.lists(d, max_size=3))]
        else:
            args = [draw(d), draw(d)]
    elif op == "expand":
        if draw(st.integers(0, 3)):  # mostly the same rank with -1/1/own size, else any target
            args = [[draw(st.sampled_from([-1, 0, 1, 2, 3, s])) for s in x["shape"]]]
        else:
            args = [list(draw(shapes(0, 5, 0, 4)))]
    elif op == "narrow":
        args = [draw(d), draw(st.integers(-4, 4)), draw(st.integers(-1, 4))]
    elif op in ("chunk", "split"):
        args = [draw(st.integers(-1, 5)), draw(d)]
    elif op in ("tile", "repeat"):
        args = [draw(st.lists(st.integers(0, 3), max_size=5))]
    elif op == "unflatten":
        args = [draw(d), list(draw(shapes(0, 3, 0, 4)))]
    return {"op": op, "x": x, "args": args}


def _call(t, op, args):
    if op in ("reshape", "view", "permute", "expand", "tile", "repeat"):
        return getattr(t, op)(*args[0]) if op in ("permute", "expand", "repeat", "view", "reshape") and args[0] \
            else getattr(t, op)(tuple(args[0]))
    if op == "squeeze":
        return t.squeeze() if args[0] is None else t.squeeze(args[0])
    if op == "flip":
        return t.flip(tuple(args[0]))
    if op == "unflatten":
        return t.unflatten(args[0], tuple(args[1]))
    out = getattr(t, op)(*args)
    return tuple(out) if isinstance(out, (list, tuple)) else out


def check_shape(c):
    x, tx = both(c["x"])
    op, args = c["op"], c["args"]
    # A 0-d tensor has one dim index (0 / -1) to repeat: torch rejects flip(dims=(0, 0)) on it,
    # rustorch returns the (unchanged) scalar. Both are consistent answers; not compared.
    lenient = op == "flip" and not c["x"]["shape"] and len(args[0]) > 1
    check_against_torch(f"{op}({c['x']}, {args})", lambda: _call(x, op, args), lambda: _call(tx, op, args),
                        either_ok=lenient)


@st.composite
def join_cases(draw):
    base = draw(shapes(0, 3, 0, 3))
    k = draw(st.integers(0, 4))
    specs = []
    for _ in range(k):
        s = list(base)
        if s and draw(st.booleans()):
            i = draw(st.integers(0, len(s) - 1))
            s[i] = draw(st.integers(0, 3))  # cat allows a different size along its dim only
        if draw(st.integers(0, 9)) == 0:
            s = list(draw(shapes(0, 3, 0, 3)))
        specs.append(draw(tensor_specs(shape=s)))
    return {"op": draw(st.sampled_from(["cat", "stack", "hstack", "vstack"])), "xs": specs,
            "dim": draw(st.integers(-len(base) - 2, len(base) + 1))}


def check_join(c):
    pairs = [both(s) for s in c["xs"]]
    xs, txs = [p[0] for p in pairs], [p[1] for p in pairs]
    op, d = c["op"], c["dim"]
    if op in ("cat", "stack"):
        check_against_torch(f"{op}({c['xs']}, dim={d})", lambda: getattr(rt, op)(xs, dim=d),
                            lambda: getattr(torch, op)(txs, dim=d))
    else:
        check_against_torch(f"{op}({c['xs']})", lambda: getattr(rt, op)(xs), lambda: getattr(torch, op)(txs))


PROPERTIES = [
    Prop("shape_ops", shape_cases(), check_shape, quick=250, long=10000),
    Prop("join", join_cases(), check_join, quick=100, long=4000),
]
