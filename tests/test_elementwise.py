"""Elementwise ops against NumPy (values, dtypes) on random inputs: float32/float64/int64/bool,
broadcast, non-contiguous (transposed, stepped, expanded), 0-d and zero-size tensors, NaN/inf;
operators; in-place forms and their autograd; error cases. A PyTorch parity sweep runs where
torch is installed."""
import math
import operator

import numpy as np
import pytest

import rustorch as rt

RNG = np.random.default_rng(0)
DTYPES = {"float32": rt.float32, "float64": rt.float64, "int64": rt.int64, "bool": rt.bool}
NP_DTYPES = {"float32": np.float32, "float64": np.float64, "int64": np.int64, "bool": np.bool_}
ORDER = ["bool", "int64", "float32", "float64"]
TOL = {"float32": dict(rtol=3e-6, atol=1e-6), "float64": dict(rtol=1e-12, atol=1e-12)}


def rand_np(shape, dtype, low=-3.0, high=3.0, nonzero=False):
    if dtype == "bool":
        return RNG.uniform(size=shape) > 0.5
    if dtype == "int64":
        v = RNG.integers(int(math.floor(low)), int(math.ceil(high)) + 1, size=shape).astype(np.int64)
        if nonzero:
            v[v == 0] = 1
        return v
    v = RNG.uniform(low, high, size=shape).astype(NP_DTYPES[dtype])
    if nonzero:
        v[np.abs(v) < 0.1] = 0.5
    return v


def layout(arr, kind):
    """A rustorch tensor with arr's values in the given memory layout."""
    if kind == "contiguous":
        return rt.tensor(arr)
    if kind == "transposed":  # a transposed view of a contiguous tensor
        return rt.tensor(np.ascontiguousarray(arr.T)).transpose(0, 1)
    if kind == "stepped":  # every other column of a wider array (shares NumPy's memory)
        wide = np.zeros((arr.shape[0], arr.shape[1] * 2), dtype=arr.dtype)
        wide[:, ::2] = arr
        return rt.from_numpy(wide[:, ::2])
    if kind == "expanded":  # a broadcast view with zero strides
        assert np.all(arr == arr[:1])
        return rt.tensor(arr[:1]).expand(*arr.shape)
    raise ValueError(kind)


def np_of(t):
    return np.asarray(t.detach())


def check(t, expected, dtype=None):
    """t matches the NumPy result (values within the dtype's tolerance, shape, dtype)."""
    expected = np.asarray(expected)
    dtype = dtype or str(t.dtype).replace("rustorch.", "")
    assert str(t.dtype) == f"rustorch.{dtype}", (t.dtype, dtype)
    got = np_of(t)
    assert got.shape == expected.shape, (got.shape, expected.shape)
    if dtype in TOL:
        np.testing.assert_allclose(got, expected.astype(NP_DTYPES[dtype]), equal_nan=True, **TOL[dtype])
    else:
        np.testing.assert_array_equal(got, expected.astype(NP_DTYPES[dtype]))


def promoted(*dtypes):
    return max(dtypes, key=ORDER.index)


def float_of(dtype):
    return dtype if dtype in ("float32", "float64") else "float32"


# ---------------------------------------------------------------------------------------------
# Unary ops

def _erf(x):
    special = pytest.importorskip("scipy.special")
    return special.erf(x)


def _erfc(x):
    special = pytest.importorskip("scipy.special")
    return special.erfc(x)


def _sigmoid(x):
    return 1.0 / (1.0 + np.exp(-np.asarray(x, dtype=np.float64)))


# name -> (NumPy reference, input range); all give the default float for int/bool inputs.
FLOAT_UNARY = {
    "exp": (np.exp, (-5, 5)), "exp2": (np.exp2, (-5, 5)), "expm1": (np.expm1, (-2, 2)),
    "log": (np.log, (0.1, 5)), "log2": (np.log2, (0.1, 5)), "log10": (np.log10, (0.1, 5)),
    "log1p": (np.log1p, (-0.9, 5)), "sqrt": (np.sqrt, (0, 5)), "rsqrt": (lambda x: 1 / np.sqrt(x), (0.1, 5)),
    "sin": (np.sin, (-6, 6)), "cos": (np.cos, (-6, 6)), "tan": (np.tan, (-1.4, 1.4)),
    "asin": (np.arcsin, (-1, 1)), "acos": (np.arccos, (-1, 1)), "atan": (np.arctan, (-5, 5)),
    "sinh": (np.sinh, (-3, 3)), "cosh": (np.cosh, (-3, 3)), "tanh": (np.tanh, (-5, 5)),
    "sigmoid": (_sigmoid, (-8, 8)), "erf": (_erf, (-3, 3)), "erfc": (_erfc, (-3, 3)),
    "reciprocal": (lambda x: 1 / np.asarray(x, dtype=np.float64), (0.5, 3)),
}
# name -> NumPy reference; the dtype is kept (bool rejected).
SAME_UNARY = {
    "abs": np.abs, "neg": np.negative, "relu": lambda x: np.maximum(x, 0), "floor": np.floor, "ceil": np.ceil,
    "trunc": np.trunc, "round": np.round, "square": np.square, "sign": np.sign,
}
LAYOUTS = ["contiguous", "transposed", "stepped"]


@pytest.mark.parametrize("name", sorted(FLOAT_UNARY))
@pytest.mark.parametrize("dtype", ["float32", "float64", "int64", "bool"])
@pytest.mark.parametrize("kind", LAYOUTS)
def test_float_unary(name, dtype, kind):
    ref, (low, high) = FLOAT_UNARY[name]
    if dtype == "bool" and name in ("log", "log2", "log10", "reciprocal", "rsqrt"):
        low = 0  # bool inputs are 0/1 anyway
    arr = rand_np((5, 7), dtype, low, high)
    if dtype == "int64" and name in ("asin", "acos"):
        arr = np.clip(arr, -1, 1)
    x = layout(arr, kind)
    out = float_of(dtype)
    with np.errstate(all="ignore"):
        expected = ref(arr.astype(NP_DTYPES[out]))
    check(getattr(rt, name)(x), expected, out)
    check(getattr(x, name)(), expected, out)
    if dtype == out:  # in place (int/bool inputs can't hold a float result)
        y = layout(arr.copy(), kind)  # in place through the (possibly strided) view
        r = getattr(y, name + "_")()
        assert r is y
        check(y, expected, out)


@pytest.mark.parametrize("name", sorted(SAME_UNARY))
@pytest.mark.parametrize("dtype", ["float32", "float64", "int64"])
@pytest.mark.parametrize("kind", LAYOUTS)
def test_same_dtype_unary(name, dtype, kind):
    arr = rand_np((4, 6), dtype)
    if dtype.startswith("float"):
        arr[0, :4] = [0.5, 1.5, 2.5, -0.5]  # half-way cases: round half to even
    x = layout(arr, kind)
    expected = SAME_UNARY[name](arr)
    check(getattr(rt, name)(x), expected, dtype)
    check(getattr(x, name)(), expected, dtype)
    y = x.clone()
    getattr(y, name + "_")()
    check(y, expected, dtype)


@pytest.mark.parametrize("name", ["abs", "neg", "relu", "floor", "ceil", "trunc", "round"])
def test_bool_rejected(name):
    with pytest.raises(TypeError, match=name):
        getattr(rt, name)(rt.tensor([True, False]))


def test_bool_sign_square():
    b = rt.tensor([True, False])
    check(b.sign(), [True, False], "bool")
    check(b.square(), [1, 0], "int64")


def test_unary_special_values():
    x = rt.tensor([np.inf, -np.inf, np.nan, 0.0, -0.0, 100.0, -100.0])
    with np.errstate(all="ignore"):
        v = np_of(x)
        for name in ("exp", "log", "sqrt", "tanh", "sin", "floor", "abs", "expm1", "log1p", "erf"):
            ref = FLOAT_UNARY.get(name, (SAME_UNARY.get(name), None))[0]
            if name == "erf":
                ref = _erf
            check(getattr(x, name)(), ref(v), "float32")
        check(x.sigmoid(), [1, 0, np.nan, 0.5, 0.5, 1, 0], "float32")
        check(x.relu(), [np.inf, 0, np.nan, 0, 0, 100, 0], "float32")
        check(x.sign(), [1, -1, 0, 0, 0, 1, -1], "float32")  # sign(NaN) is 0, like PyTorch
        check(x.double().exp(), np.exp(v.astype(np.float64)), "float64")
    check(rt.tensor([0.5, 1.5, 2.5, -0.5, -1.5, -2.5]).round(), [0, 2, 2, -0, -2, -2], "float32")


def test_round_decimals():
    arr = rand_np((5, 6), "float64", -100, 100)
    x = rt.tensor(arr)
    check(x.round(decimals=2), np.round(arr, 2))
    check(rt.round(x, decimals=-1), np.round(arr, -1))
    check(x.float().round(decimals=1), np.round(arr.astype(np.float32), 1))
    with pytest.raises(TypeError, match="round"):
        rt.tensor([1, 2]).round(decimals=1)
    check(rt.tensor([1, 2]).round(), [1, 2], "int64")


def test_unary_zero_size_and_0d():
    for name in ("exp", "abs", "sigmoid", "floor", "relu"):
        z = getattr(rt.zeros(0, 3), name)()
        assert z.shape == (0, 3)
        s = getattr(rt.tensor(-0.7), name)()
        assert s.shape == ()
    check(rt.tensor(2).exp(), np.exp(np.float32(2)), "float32")


def test_expanded_input():
    arr = np.repeat(rand_np((1, 5), "float32"), 4, axis=0)
    x = layout(arr, "expanded")
    check(x.exp(), np.exp(arr))
    check(x.sigmoid(), _sigmoid(arr), "float32")


def test_large_tensor_threads_deterministic():
    arr = rand_np((300, 1000), "float32", -10, 10)
    x = rt.tensor(arr)
    prev = rt.get_num_threads()
    try:
        rt.set_num_threads(1)
        one = [np_of(f(x)).copy() for f in (rt.exp, rt.tanh, rt.sigmoid, lambda t: t * 2.5 + 1)]
        rt.set_num_threads(2)
        two = [np_of(f(x)).copy() for f in (rt.exp, rt.tanh, rt.sigmoid, lambda t: t * 2.5 + 1)]
    finally:
        rt.set_num_threads(prev)
    for a, b in zip(one, two):
        np.testing.assert_array_equal(a, b)
    np.testing.assert_allclose(one[0], np.exp(arr), rtol=3e-6)
    np.testing.assert_allclose(np_of(x.transpose(0, 1).exp()), np.exp(arr.T), rtol=3e-6)  # strided, large


# ---------------------------------------------------------------------------------------------
# Binary ops

def _np_div(a, b):
    return np.true_divide(a, b)


# name -> (NumPy reference, needs nonzero divisor, rejects bool, float-only result)
BINARY = {
    "add": (np.add, False, False, False),
    "sub": (np.subtract, False, True, False),
    "mul": (np.multiply, False, False, False),
    "div": (_np_div, True, False, True),
    "floor_divide": (np.floor_divide, True, True, False),
    "remainder": (np.remainder, True, True, False),
    "fmod": (np.fmod, True, True, False),
    "maximum": (np.maximum, False, False, False),
    "minimum": (np.minimum, False, False, False),
    "atan2": (np.arctan2, False, False, True),
}
COMPARE = {"eq": np.equal, "ne": np.not_equal, "lt": np.less, "le": np.less_equal, "gt": np.greater,
           "ge": np.greater_equal, "logical_and": np.logical_and, "logical_or": np.logical_or,
           "logical_xor": np.logical_xor}
SHAPES = [((3, 4), (3, 4)), ((3, 4), (4,)), ((3, 1), (1, 4)), ((2, 3, 4), (3, 1)), ((), (3, 2)), ((0, 4), (4,))]


def expected_type(da, sa, db, sb):
    """PyTorch's result type of two tensors: dimensioned tensors outrank 0-d ones within a kind."""
    kind = {"bool": 0, "int64": 1, "float32": 2, "float64": 2}
    if (len(sa) == 0) == (len(sb) == 0):
        return promoted(da, db)
    dim, zero = (da, db) if len(sa) else (db, da)
    return zero if kind[zero] > kind[dim] else dim


@pytest.mark.parametrize("name", sorted(BINARY))
@pytest.mark.parametrize("da,db", [("float32", "float32"), ("float64", "float32"), ("int64", "int64"),
                                   ("int64", "float32"), ("bool", "int64"), ("bool", "bool"), ("float64", "bool")])
@pytest.mark.parametrize("shapes", SHAPES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_binary_values(name, da, db, shapes):
    ref, nonzero, no_bool, float_result = BINARY[name]
    out = expected_type(da, shapes[0], db, shapes[1])
    if no_bool and (out == "bool" or (name == "sub" and "bool" in (da, db))):
        with pytest.raises(TypeError, match=name):
            getattr(rt, name)(rt.tensor(rand_np(shapes[0], da)), rt.tensor(rand_np(shapes[1], db)))
        return
    if nonzero and db == "bool":
        db = "int64"
        out = expected_type(da, shapes[0], db, shapes[1])
    a, b = rand_np(shapes[0], da), rand_np(shapes[1], db, nonzero=nonzero)
    out = float_of(out) if float_result else out
    cast = (lambda v: v) if out == "bool" else (lambda v: v.astype(NP_DTYPES[out]))
    with np.errstate(all="ignore"):
        expected = ref(cast(a), cast(b))
    ta, tb = rt.tensor(a), rt.tensor(b)
    check(getattr(rt, name)(ta, tb), expected, out)
    check(getattr(ta, name)(tb), expected, out)


@pytest.mark.parametrize("name", sorted(BINARY))
def test_binary_noncontiguous(name):
    ref, nonzero, _, _ = BINARY[name]
    for da in ("float32", "float64", "int64"):
        if name == "atan2" and da == "int64":
            continue
        a, b = rand_np((4, 6), da), rand_np((4, 6), da, nonzero=nonzero)
        for ka in LAYOUTS:
            for kb in LAYOUTS:
                with np.errstate(all="ignore"):
                    expected = ref(a, b)
                out = da if name not in ("div",) else float_of(da)
                check(getattr(rt, name)(layout(a, ka), layout(b, kb)), expected, out)


@pytest.mark.parametrize("name", sorted(COMPARE))
@pytest.mark.parametrize("da,db", [("float32", "float32"), ("int64", "float64"), ("bool", "bool"), ("int64", "bool")])
@pytest.mark.parametrize("shapes", SHAPES[:4], ids=lambda s: f"{s[0]}x{s[1]}")
def test_comparisons_and_logical(name, da, db, shapes):
    a = rand_np(shapes[0], da, -2, 2)
    b = rand_np(shapes[1], db, -2, 2)
    if da == db and shapes[0] == shapes[1]:
        b.flat[::3] = a.flat[::3]  # some exact ties
    ta, tb = layout(a, "transposed") if len(shapes[0]) == 2 else rt.tensor(a), rt.tensor(b)
    check(getattr(rt, name)(ta, tb), COMPARE[name](a, b), "bool")
    check(getattr(ta, name)(tb), COMPARE[name](a, b), "bool")


def test_comparison_operators():
    a = rand_np((3, 4), "float32", -2, 2)
    b = rand_np((4,), "float32", -2, 2)
    ta, tb = rt.tensor(a), rt.tensor(b)
    for op in (operator.eq, operator.ne, operator.lt, operator.le, operator.gt, operator.ge):
        check(op(ta, tb), op(a, b), "bool")
        check(op(ta, 0.5), op(a, 0.5), "bool")
        check(op(0.5, ta), op(0.5, a), "bool")  # reflected through the swapped comparison
        check(op(ta, b.tolist()), op(a, b), "bool")
    i = rt.tensor([1, 2, 3])
    check(i < 2.5, [True, True, False], "bool")  # int tensor vs float compares as float
    check(i == 2, [False, True, False], "bool")
    assert (i == None) is False  # noqa: E711  (NotImplemented, then identity)
    assert (i != "a") is True
    with pytest.raises(TypeError):
        i < "a"  # noqa: B015
    assert hash(i) == hash(i) and len({i, i}) == 1  # tensors stay hashable


def test_nan_and_inf_in_binary_ops():
    a = rt.tensor([np.nan, 1.0, np.inf, -np.inf, 2.0])
    b = rt.tensor([1.0, np.nan, 1.0, np.inf, -np.inf])
    va, vb = np_of(a), np_of(b)
    with np.errstate(all="ignore"):
        check(rt.maximum(a, b), np.maximum(va, vb))
        check(rt.minimum(a, b), np.minimum(va, vb))
        check(a % b, np.remainder(va, vb))
        check(a // b, np.floor_divide(va, vb))
        check(a / rt.zeros(5), va / np.zeros(5, np.float32))
        check(a // 0.0, np.floor_divide(va, np.float32(0)))
        check(rt.fmod(a, b), np.fmod(va, vb))
    check(a == a, [False, True, True, True, True], "bool")
    check(a != a, [True, False, False, False, False], "bool")


# ---- scalars, promotion, reflected operators -------------------------------------------------

ARITH_OPS = {
    "+": (operator.add, operator.iadd), "-": (operator.sub, operator.isub), "*": (operator.mul, operator.imul),
    "/": (operator.truediv, operator.itruediv), "//": (operator.floordiv, operator.ifloordiv),
    "%": (operator.mod, operator.imod), "**": (operator.pow, operator.ipow),
}


@pytest.mark.parametrize("sym", sorted(ARITH_OPS))
@pytest.mark.parametrize("dtype", ["float32", "float64", "int64"])
@pytest.mark.parametrize("scalar", [2, 2.5, -3, 0.75])
def test_scalar_operators(sym, dtype, scalar):
    op, iop = ARITH_OPS[sym]
    arr = rand_np((3, 4), dtype, 1, 4) if sym in ("**", "/", "//", "%") else rand_np((3, 4), dtype)
    if sym == "**" and dtype == "int64" and isinstance(scalar, int) and scalar < 0:
        with pytest.raises(RuntimeError, match="pow"):
            rt.tensor(arr) ** scalar
        return
    t = rt.tensor(arr)
    # Python scalars don't promote within a kind: float32 stays float32; ints go float32 with floats.
    out = dtype if (dtype != "int64" or isinstance(scalar, int)) else "float32"
    fwd_out = float_of(out) if sym == "/" else out
    ref_dtype = NP_DTYPES[fwd_out]
    with np.errstate(all="ignore"):
        check(op(t, scalar), op(arr.astype(ref_dtype), ref_dtype(scalar)), fwd_out)
        if not (sym == "**" and dtype == "int64" and scalar < 0):
            rev = op(ref_dtype(scalar), arr.astype(ref_dtype))
            if sym == "**" and fwd_out == "int64":
                rev = np.power(np.float64(scalar), arr).astype(np.int64)
            check(op(scalar, t), rev, fwd_out)
    # In place: allowed when the result type casts to the tensor's dtype.
    y = t.clone()
    if fwd_out == dtype:
        r = iop(y, scalar)
        assert r is y
        with np.errstate(all="ignore"):
            check(y, op(arr.astype(ref_dtype), ref_dtype(scalar)), dtype)
    else:
        with pytest.raises(TypeError, match="can't be cast"):
            iop(y, scalar)


def test_result_type_rules():
    f32, f64, i64, b = (rt.tensor(np.ones(2, d)) for d in (np.float32, np.float64, np.int64, np.bool_))
    assert (f32 + f64).dtype == rt.float64
    assert (i64 + f32).dtype == rt.float32
    assert (b + b).dtype == rt.bool
    assert (b + i64).dtype == rt.int64
    assert (f32 + rt.tensor(1.0, dtype=rt.float64)).dtype == rt.float32  # 0-d doesn't outrank dimensioned
    assert (i64 + rt.tensor(1.0, dtype=rt.float64)).dtype == rt.float64  # ...but lifts the kind
    assert (i64 + 1.5).dtype == rt.float32
    assert (b + 1).dtype == rt.int64
    assert (b * True).dtype == rt.bool
    assert (i64 / 2).dtype == rt.float32
    assert (i64 // 2).dtype == rt.int64
    assert rt.result_type(i64, 2.0) == rt.float32
    assert rt.result_type(2, 2.0) == rt.float32


def test_python_semantics_of_floor_divide_and_remainder():
    a = np.array([-7, -3, 3, 7, 0], dtype=np.int64)
    b = np.array([2, -2, -2, 2, 3], dtype=np.int64)
    check(rt.tensor(a) // rt.tensor(b), a // b, "int64")
    check(rt.tensor(a) % rt.tensor(b), a % b, "int64")
    check(5 // rt.tensor([2, -2]), [2, -3], "int64")
    check(5 % rt.tensor([2, -2]), [1, -1], "int64")
    check(5.5 % rt.tensor([2, -2]), [1.5, -0.5], "float32")
    check(rt.remainder(5, rt.tensor([2, 3])), [1, 2], "int64")
    check(rt.floor_divide(5, rt.tensor([2, 3])), [2, 1], "int64")
    check(rt.tensor([-7.5, 7.5]) // 2, [-4, 3], "float32")
    check(rt.tensor([-7.5, 7.5]) % -2, [-1.5, -0.5], "float32")
    check(rt.fmod(rt.tensor([-7, 7]), 2), [-1, 1], "int64")
    big = np.array([2**62, -(2**63)], dtype=np.int64)
    check(rt.tensor(big) // -1, -big, "int64")  # no overflow trap
    for fn in (lambda t: t // 0, lambda t: t % 0, lambda t: rt.fmod(t, 0), lambda t: rt.div(t, 0, rounding_mode="trunc")):
        with pytest.raises(RuntimeError, match="ZeroDivisionError"):
            fn(rt.tensor([1, 2]))


def test_div_rounding_modes():
    a = rand_np((4, 5), "float64", -10, 10)
    b = rand_np((5,), "float64", nonzero=True)
    check(rt.div(rt.tensor(a), rt.tensor(b), rounding_mode="trunc"), np.trunc(a / b))
    check(rt.tensor(a).div(rt.tensor(b), rounding_mode="floor"), np.floor_divide(a, b))
    check(rt.div(rt.tensor(a), rt.tensor(b), rounding_mode=None), a / b)
    i = rt.tensor([-3, -1, 0, 2, 5])
    check(rt.div(i, 2, rounding_mode="trunc"), [-1, 0, 0, 1, 2], "int64")
    check(rt.div(i, 2, rounding_mode="floor"), [-2, -1, 0, 1, 2], "int64")
    check(rt.div(i, 2), [-1.5, -0.5, 0, 1, 2.5], "float32")
    y = i.clone()
    y.div_(2, rounding_mode="floor")
    check(y, [-2, -1, 0, 1, 2], "int64")
    with pytest.raises(ValueError, match="div"):
        rt.div(i, 2, rounding_mode="round")
    with pytest.raises(TypeError, match="div"):
        rt.div(rt.tensor([True]), rt.tensor([True]), rounding_mode="trunc")


def test_pow_forms():
    a = rand_np((3, 4), "float64", 0.5, 2)
    e = rand_np((4,), "float64", -2, 2)
    check(rt.tensor(a) ** rt.tensor(e), a ** e)
    check(rt.pow(rt.tensor(a), rt.tensor(e)), a ** e)
    for s in (2, 3, 0.5, -0.5, -1, -2, 0, 1, 2.7, -1.3):
        check(rt.tensor(a) ** s, a ** float(s))
        check(rt.tensor(a.astype(np.float32)) ** s, a.astype(np.float32) ** np.float32(s), "float32")
    check(2.5 ** rt.tensor(e), 2.5 ** e)
    check(rt.pow(2, rt.tensor([0, 1, 5])), [1, 2, 32], "int64")
    check(2 ** rt.tensor([-1, 0, 3]), [0, 1, 8], "int64")  # like torch: integer result, truncated
    i = rt.tensor([-3, -1, 0, 2, 5])
    check(i ** 2, np.array([-3, -1, 0, 2, 5]) ** 2, "int64")
    check(i ** 3, np.array([-3, -1, 0, 2, 5]) ** 3, "int64")
    check(i ** 2.0, np.array([9, 1, 0, 4, 25]), "float32")
    check(rt.tensor([1, -1, 2]) ** rt.tensor([-2, -3, -1]), [1, -1, 0], "int64")
    check(rt.tensor([True, False]) ** 2, [1, 0], "int64")
    check(rt.tensor([0.0, -1.0]) ** 0.5, [0, np.nan], "float32")
    with pytest.raises(RuntimeError, match="pow"):
        i ** -1
    with pytest.raises(TypeError, match="pow"):
        rt.tensor([True]) ** rt.tensor([True])
    y = rt.tensor(a.copy())
    y **= 2
    check(y, a ** 2)
    y.pow_(rt.tensor(e))
    check(y, (a ** 2) ** e)


def test_maximum_minimum_types():
    check(rt.maximum(rt.tensor([1, 5]), rt.tensor([2.5, 0.5])), [2.5, 5], "float32")
    check(rt.maximum(rt.tensor([True, False]), rt.tensor([False, False])), [True, False], "bool")
    check(rt.minimum(rt.tensor([3, -2]), 0), [0, -2], "int64")


def test_atan2():
    a, b = rand_np((3, 4), "float32"), rand_np((4,), "float32")
    check(rt.atan2(rt.tensor(a), rt.tensor(b)), np.arctan2(a, b), "float32")
    check(rt.tensor([1, -1]).atan2(rt.tensor([1, 1])), np.arctan2([1.0, -1.0], [1.0, 1.0]), "float32")


# ---- logical and bitwise -----------------------------------------------------------------------

def test_logical_ops():
    f = rt.tensor([0.0, 1.5, np.nan, -2.0])
    i = rt.tensor([0, 1, 0, 3])
    check(rt.logical_and(f, i), [False, True, False, True], "bool")
    check(rt.logical_or(f, i), [False, True, True, True], "bool")
    check(rt.logical_xor(f, i), [False, False, True, False], "bool")
    check(rt.logical_not(f), [True, False, False, False], "bool")
    check(f.logical_not(), [True, False, False, False], "bool")
    b = rt.tensor([True, False, True, False])
    b.logical_and_(rt.tensor([True, True, False, False]))
    check(b, [True, False, False, False], "bool")


def test_bitwise_operators():
    a = rand_np((3, 4), "int64", -50, 50)
    c = rand_np((4,), "int64", -50, 50)
    ta, tc = rt.tensor(a), rt.tensor(c)
    check(ta & tc, a & c, "int64")
    check(ta | tc, a | c, "int64")
    check(ta ^ tc, a ^ c, "int64")
    check(~ta, ~a, "int64")
    check(ta & 7, a & 7, "int64")
    check(7 | ta, 7 | a, "int64")
    check(rt.bitwise_xor(ta, tc), a ^ c, "int64")
    b1, b2 = rand_np((5,), "bool"), rand_np((5,), "bool")
    check(rt.tensor(b1) & rt.tensor(b2), b1 & b2, "bool")
    check(rt.tensor(b1) | True, b1 | True, "bool")
    check(~rt.tensor(b1), ~b1, "bool")
    check(rt.tensor(b1) ^ rt.tensor(b2), b1 ^ b2, "bool")
    check(rt.tensor([1, 2, 3]) & rt.tensor([True, False, True]), [1, 0, 1], "int64")
    y = rt.tensor(a.copy())
    y &= tc
    y |= 1
    y ^= ta
    check(y, ((a & c) | 1) ^ a, "int64")
    with pytest.raises(TypeError, match="bitwise_and"):
        rt.tensor([1.0]) & rt.tensor([1.0])
    with pytest.raises(TypeError, match="bitwise_or"):
        rt.tensor([1]) | 1.5
    with pytest.raises(TypeError, match="bitwise_not"):
        ~rt.tensor([1.0])


# ---- closeness, equality, predicates -------------------------------------------------------------

def test_isclose_allclose_equal():
    a = rand_np((3, 4), "float64")
    b = a + rand_np((3, 4), "float64", -1e-6, 1e-6)
    b[0, 0] = np.nan
    a[0, 1] = b[0, 1] = np.nan
    a[1, 0], b[1, 0] = np.inf, np.inf
    check(rt.isclose(rt.tensor(a), rt.tensor(b), rtol=1e-5, atol=1e-7), np.isclose(a, b, rtol=1e-5, atol=1e-7), "bool")
    check(rt.tensor(a).isclose(rt.tensor(b), equal_nan=True), np.isclose(a, b, equal_nan=True), "bool")
    assert rt.allclose(rt.tensor(a[1:]), rt.tensor(b[1:]), rtol=1e-5, atol=1e-5)
    assert not rt.allclose(rt.tensor(a), rt.tensor(b))
    assert rt.tensor(a).allclose(rt.tensor(b), rtol=1e-5, atol=1e-5, equal_nan=False) is False
    check(rt.isclose(rt.tensor([1, 2, 3]), rt.tensor([1, 3, 3])), [True, False, True], "bool")
    assert rt.equal(rt.tensor([1, 2]), rt.tensor([1.0, 2.0]))
    assert not rt.equal(rt.tensor([1, 2]), rt.tensor([1, 2, 3]))
    assert not rt.equal(rt.tensor([[1, 2]]), rt.tensor([1, 2]))  # same values, different shape
    assert rt.tensor([1.5]).equal(rt.tensor([1.5]))
    with pytest.raises(TypeError, match="isclose"):
        rt.isclose(rt.tensor([1.0]), rt.tensor([1.0], dtype=rt.float64))


def test_predicates():
    v = np.array([np.nan, np.inf, -np.inf, 0.0, -1.5], dtype=np.float32)
    x = rt.tensor(v)
    check(rt.isnan(x), np.isnan(v), "bool")
    check(x.isinf(), np.isinf(v), "bool")
    check(rt.isposinf(x), np.isposinf(v), "bool")
    check(rt.isneginf(x), np.isneginf(v), "bool")
    check(x.isfinite(), np.isfinite(v), "bool")
    check(rt.isfinite(rt.tensor([1, 2])), [True, True], "bool")
    check(rt.isnan(rt.tensor([True])), [False], "bool")


# ---- where -----------------------------------------------------------------------------------------

def test_where():
    cond = rand_np((3, 4), "bool")
    a, b = rand_np((3, 4), "float32"), rand_np((4,), "float64")
    check(rt.where(rt.tensor(cond), rt.tensor(a), rt.tensor(b)), np.where(cond, a, b), "float64")
    check(rt.where(rt.tensor(cond), rt.tensor(a), 2.5), np.where(cond, a, 2.5), "float32")
    check(rt.where(rt.tensor(cond), 1, 0), np.where(cond, 1, 0), "int64")
    check(rt.where(rt.tensor(cond), 1.0, 0), np.where(cond, 1.0, 0.0), "float32")
    check(rt.where(rt.tensor(cond), rt.tensor([1, 2, 3, 4]), 2.5), np.where(cond, [1, 2, 3, 4], 2.5), "float32")
    check(rt.tensor(a).where(rt.tensor(cond), 0.0), np.where(cond, a, 0), "float32")
    t = layout(a, "transposed")
    check(rt.where(layout(cond, "stepped"), t, rt.tensor(b)), np.where(cond, a, b), "float64")
    with pytest.raises(TypeError, match="where"):
        rt.where(rt.tensor([1, 0]), rt.tensor([1.0, 2.0]), 0.0)
    with pytest.raises(ValueError):
        rt.where(rt.tensor([True, False, True]), rt.tensor([1.0, 2.0]), 0.0)


# ---- clamp -------------------------------------------------------------------------------------

def test_clamp():
    arr = rand_np((4, 5), "float32")
    x = rt.tensor(arr)
    check(x.clamp(-1, 1), np.clip(arr, -1, 1))
    check(rt.clamp(x, min=0.5), np.maximum(arr, 0.5))
    check(rt.clamp(x, max=0.5), np.minimum(arr, 0.5))
    check(rt.clip(x, -0.5, 0.5), np.clip(arr, -0.5, 0.5))
    check(x.clamp_min(0), np.maximum(arr, 0))
    check(rt.clamp_max(x, 0), np.minimum(arr, 0))
    check(x.clamp(2, 1), np.full_like(arr, 1))  # min > max gives max, like PyTorch
    lo, hi = rand_np((5,), "float32", -2, 0), rand_np((4, 1), "float32", 0, 2)
    check(x.clamp(rt.tensor(lo), rt.tensor(hi)), np.minimum(np.maximum(arr, lo), hi))
    check(x.clamp(min=rt.tensor(lo)), np.maximum(arr, lo))
    check(rt.clamp_min(layout(arr, "transposed"), rt.tensor(lo)), np.maximum(arr, lo))
    check(x.clamp(rt.tensor(lo), 0.5), np.minimum(np.maximum(arr, lo), 0.5))  # mixed bounds
    check(rt.tensor([np.nan, 1.0]).clamp(0, 0.5), [np.nan, 0.5])
    i = rt.tensor([-3, -1, 0, 2, 5])
    check(i.clamp(min=0), [0, 0, 0, 2, 5], "int64")
    check(i.clamp(min=0.5), [0.5, 0.5, 0.5, 2, 5], "float32")
    check(rt.clamp(i, max=rt.tensor(1.5)), [-3, -1, 0, 1.5, 1.5], "float32")
    check(rt.clamp(rt.tensor([True, False]), min=0), [1, 0], "int64")
    y = x.clone()
    y.clamp_(-0.5, 0.5)
    check(y, np.clip(arr, -0.5, 0.5))
    y.clamp_min_(0.0).clamp_max_(rt.tensor(0.25))
    check(y, np.clip(arr, 0, 0.25))
    y = layout(arr, "transposed").clone().transpose(0, 1)
    y.clip_(max=0)
    check(y.transpose(0, 1), np.minimum(arr, 0))
    with pytest.raises(ValueError, match="clamp"):
        x.clamp()
    with pytest.raises(TypeError, match="clamp_"):
        i.clone().clamp_(0.5, 1)
    with pytest.raises(TypeError, match="clamp"):
        x.clamp(min="a")


# ---- in-place ops and autograd -------------------------------------------------------------------

def test_inplace_strided_and_aliasing():
    arr = rand_np((4, 4), "float64")
    base = rt.tensor(arr.copy())
    base.transpose(0, 1).exp_()  # writes through the view
    check(base, np.exp(arr))
    x = rt.tensor(arr.copy())
    x.add_(x.transpose(0, 1))  # overlapping input is read before it is overwritten
    check(x, arr + arr.T)
    x = rt.tensor(arr.copy())
    x.mul_(x)
    check(x, arr * arr)
    x = rt.tensor(arr[:, :1].copy())
    with pytest.raises(ValueError, match="add_"):
        x.add_(rt.tensor(arr))
    f32 = rt.tensor(arr.astype(np.float32))
    f32.add_(rt.tensor(arr))  # float64 other computes in float64, stored as float32
    check(f32, (arr.astype(np.float32) + arr).astype(np.float32), "float32")


def test_inplace_dtype_errors_name_the_op():
    i = rt.tensor([1, 2])
    for fn, name in ((lambda t: t.add_(1.5), "add_"), (lambda t: t.exp_(), "exp_"), (lambda t: t.sqrt_(), "sqrt_"),
                     (lambda t: t.mul_(rt.tensor([0.5, 0.5])), "mul_"), (lambda t: t.div_(2), "div_"),
                     (lambda t: t.pow_(0.5), "pow_"), (lambda t: t.sigmoid_(), "sigmoid_")):
        with pytest.raises(TypeError, match=name):
            fn(i.clone())


@pytest.mark.parametrize("fn,name", [(lambda t: t.add_(1), "add_"), (lambda t: t.mul_(2.0), "mul_"),
                                     (lambda t: t.exp_(), "exp_"), (lambda t: t.clamp_(0, 1), "clamp_"),
                                     (lambda t: t.relu_(), "relu_"), (lambda t: t.pow_(2), "pow_"),
                                     (lambda t: t.sub_(t), "sub_")])
def test_inplace_on_leaf_requiring_grad(fn, name):
    leaf = rt.tensor([0.5, 1.0], requires_grad=True)
    with pytest.raises(RuntimeError, match=name):
        fn(leaf)
    with rt.no_grad():
        fn(leaf)  # allowed without grad mode


def test_inplace_autograd():
    a = rt.tensor([0.5, -1.0, 2.0], dtype=rt.float64, requires_grad=True)
    y = a * 1
    y.mul_(2.0)
    y.add_(1)
    y.sin_()
    y.sigmoid_()
    y.sum().backward()
    u = 2 * np_of(a) + 1
    s = _sigmoid(np.sin(u))
    np.testing.assert_allclose(np_of(a.grad), s * (1 - s) * np.cos(u) * 2, rtol=1e-12)
    # An op that saved a tensor which is then modified in place must refuse to backpropagate.
    b = rt.tensor([0.5, 1.0], dtype=rt.float64, requires_grad=True)
    z = b.exp()
    z.add_(1)
    with pytest.raises(RuntimeError):
        z.sum().backward()


def test_scalar_inplace_records_history():
    a = rt.tensor([1.0, 2.0], dtype=rt.float64, requires_grad=True)
    y = a * 1
    y += 2
    y *= 3
    y -= 1
    y /= 2
    y.sum().backward()
    np.testing.assert_allclose(np_of(a.grad), [1.5, 1.5])


def test_backward_through_new_ops():
    a = rt.tensor([0.5, -1.0, 1.0], dtype=rt.float64, requires_grad=True)
    b = rt.tensor([1.0, -1.0, 0.5], dtype=rt.float64, requires_grad=True)
    rt.maximum(a, b).sum().backward()
    np.testing.assert_allclose(np_of(a.grad), [0, 0.5, 1])  # tie at -1 splits evenly
    np.testing.assert_allclose(np_of(b.grad), [1, 0.5, 0])
    a.grad = None
    a.clamp(-0.5, 0.5).sum().backward()
    np.testing.assert_allclose(np_of(a.grad), [1, 0, 0])
    a.grad = None
    (a ** 2).relu().sum().backward()
    np.testing.assert_allclose(np_of(a.grad), 2 * np_of(a))
    x = rt.tensor([0.0, 2.0], dtype=rt.float64, requires_grad=True)
    e = rt.tensor([2.0, 0.0], dtype=rt.float64, requires_grad=True)
    (x ** e).sum().backward()
    np.testing.assert_allclose(np_of(x.grad), [0.0, 0.0])  # d/dx x**0 is 0, even at 0
    np.testing.assert_allclose(np_of(e.grad), [0.0, np.log(2.0)])  # 0 ** e with e >= 0: 0, not NaN
    i = rt.tensor([1, 2])
    assert not (i * 2).requires_grad
    c = rt.tensor([1.0, 2.0], requires_grad=True)
    assert not (c > 1).requires_grad and (c > 1).grad_fn is None
    assert (c // 1).requires_grad  # floor_divide is differentiable (zero gradient), like PyTorch


# ---- errors ------------------------------------------------------------------------------------

def test_errors_name_the_op():
    with pytest.raises(TypeError, match="neg"):
        -rt.tensor([True])
    with pytest.raises(TypeError, match="sub"):
        rt.tensor([True]) - rt.tensor([False])
    with pytest.raises(TypeError, match="sub"):
        rt.tensor([True]) - 1
    with pytest.raises(TypeError, match="sub"):
        True - rt.tensor([1, 2])
    with pytest.raises(TypeError, match="sub"):
        rt.tensor([1, 2]) - True
    with pytest.raises(TypeError, match="abs"):
        abs(rt.tensor([True]))
    with pytest.raises(ValueError, match="add"):
        rt.zeros(2, 3) + rt.zeros(4)
    with pytest.raises(ValueError, match="mul"):
        rt.zeros(2, 3).mul(rt.zeros(3, 2))
    with pytest.raises(ValueError, match="maximum"):
        rt.maximum(rt.zeros(2), rt.zeros(3))
    with pytest.raises(ValueError, match="eq"):
        rt.zeros(2) == rt.zeros(3)
    with pytest.raises(TypeError, match="relu"):
        rt.relu(rt.tensor([True]))
    with pytest.raises(TypeError, match="remainder"):
        rt.tensor([True]) % rt.tensor([True])
    with pytest.raises(TypeError):
        rt.tensor([1.0]) + "a"
    with pytest.raises(TypeError, match="mul"):
        rt.mul(rt.tensor([1.0]), "a")


def test_functions_accept_numbers_and_lists():
    t = rt.tensor([1.0, 2.0])
    check(rt.add(t, 1), [2, 3], "float32")
    check(rt.add(1, t), [2, 3], "float32")
    check(rt.mul(t, [2.0, 3.0]), [2, 6], "float32")
    check(rt.add(t, t, alpha=2), [3, 6], "float32")
    check(t.sub(1, alpha=2), [-1, 0], "float32")
    check(t + np.array([1.0, 1.0], dtype=np.float32), [2, 3], "float32")
    check([1.0, 1.0] - t, [0, -1], "float32")
    y = t.clone()
    y.add_(t, alpha=-1)
    check(y, [0, 0], "float32")
    check(rt.sub(5, t), [4, 3], "float32")
    check(rt.div(1, t), [1, 0.5], "float32")
    check(rt.pow(t, 2), [1, 4], "float32")
    assert rt.multiply is rt.mul and rt.clip is not None and rt.absolute is rt.abs


# ---------------------------------------------------------------------------------------------
# Parity with PyTorch (skipped when torch is not installed)

TORCH_BINARY = ["add", "sub", "mul", "div", "floor_divide", "remainder", "fmod", "pow", "maximum", "minimum",
                "atan2", "eq", "lt", "ge", "logical_xor", "bitwise_and", "bitwise_or"]
TORCH_UNARY = ["abs", "neg", "sign", "exp", "log1p", "sqrt", "sin", "tanh", "sigmoid", "relu", "erf", "reciprocal",
               "square", "floor", "ceil", "round", "trunc", "isnan", "isfinite", "logical_not", "bitwise_not",
               "exp2", "log2", "rsqrt", "expm1", "atan"]


def _same_outcome(torch_fn, rt_fn):
    """Both raise, or both give the same dtype and values."""
    try:
        expected = torch_fn()
    except Exception:  # noqa: BLE001  (torch raises RuntimeError/TypeError/NotImplementedError)
        with pytest.raises((TypeError, ValueError, RuntimeError)):
            rt_fn()
        return
    got = rt_fn()
    assert str(got.dtype).split(".")[-1] == str(expected.dtype).split(".")[-1], (got.dtype, expected.dtype)
    e = expected.numpy()
    if e.dtype.kind == "f":
        np.testing.assert_allclose(np_of(got), e, rtol=2e-6 if e.dtype == np.float32 else 1e-12, atol=1e-6,
                                   equal_nan=True)
    else:
        np.testing.assert_array_equal(np_of(got), e)


@pytest.mark.parametrize("name", TORCH_BINARY)
def test_binary_parity_with_torch(name):
    torch = pytest.importorskip("torch")
    samples = {"float32": rand_np((3, 4), "float32", -3, 3), "float64": rand_np((4,), "float64", -3, 3),
               "int64": rand_np((3, 4), "int64", -4, 4, nonzero=True), "bool": rand_np((4,), "bool")}
    for da, a in samples.items():
        for db, b in samples.items():
            if name in ("floor_divide", "remainder", "fmod") and db in ("int64", "bool") and da in ("int64", "bool"):
                b = np.where(b == 0, 1, b).astype(b.dtype) if db == "int64" else b
                if db == "bool":
                    continue
            if name == "pow" and db == "int64" and da in ("int64", "bool"):
                b = np.abs(b)
            ta, tb = torch.tensor(a), torch.tensor(b)
            ra, rb = rt.tensor(a), rt.tensor(b)
            _same_outcome(lambda: getattr(torch, name)(ta, tb), lambda: getattr(rt, name)(ra, rb))
            for s in (2, 0.5, True):
                if name in ("floor_divide", "remainder", "fmod", "div") and s is True and da in ("int64", "bool"):
                    continue
                if name in ("maximum", "minimum", "atan2", "logical_xor"):
                    continue  # torch has no scalar overloads
                _same_outcome(lambda: getattr(torch, name)(ta, s), lambda: getattr(rt, name)(ra, s))


@pytest.mark.parametrize("name", TORCH_UNARY)
def test_unary_parity_with_torch(name):
    torch = pytest.importorskip("torch")
    for dtype in ("float32", "float64", "int64", "bool"):
        arr = rand_np((3, 5), dtype, 0.1 if name in ("log1p", "sqrt", "log2", "rsqrt", "reciprocal") else -3, 3)
        _same_outcome(lambda: getattr(torch, name)(torch.tensor(arr)), lambda: getattr(rt, name)(rt.tensor(arr)))


def test_dense_permuted_inputs_keep_their_layout():
    arr = rand_np((3, 5), "float32")
    t = rt.tensor(np.ascontiguousarray(arr.T)).transpose(0, 1)  # shape (3, 5), strides (1, 3)
    for out in (t.exp(), t * 2.0, t + t, rt.maximum(t, t), t.relu()):
        assert out.stride() == t.stride()
    check(t.exp(), np.exp(arr))
    check(t + t, arr + arr)
    c = rt.tensor(arr)
    assert (t + c).is_contiguous()  # mixed layouts: row-major result
    check(t + c, arr + arr)
    check((t + t).exp().transpose(0, 1), np.exp(arr + arr).T)


def test_numpy_array_on_the_left_gives_a_tensor():
    arr = rand_np((2, 3), "float32")
    t = rt.tensor(arr)
    for op in (operator.add, operator.sub, operator.mul, operator.truediv, operator.lt, operator.eq):
        r = op(arr, t)
        assert isinstance(r, rt.Tensor)
        with np.errstate(all="ignore"):
            np.testing.assert_allclose(np_of(r), op(arr, arr))
