"""Reductions, scans, softmax and gather/scatter against NumPy (and PyTorch where semantics are
subtle: ties, NaN, gradients at kinks) on random inputs: float32/float64/int64/bool, all/several/
negative dims, keepdim, non-contiguous layouts, zero-size dims, 0-d tensors; error cases; thread-count
independence."""
import math

import numpy as np
import pytest

import rustorch as rt

try:
    import torch
except ImportError:  # pragma: no cover
    torch = None

needs_torch = pytest.mark.skipif(torch is None, reason="torch not installed")

RNG = np.random.default_rng(0)
DTYPES = {"float32": rt.float32, "float64": rt.float64, "int64": rt.int64, "bool": rt.bool}
NP_DTYPES = {"float32": np.float32, "float64": np.float64, "int64": np.int64, "bool": np.bool_}
FLOATS = ["float32", "float64"]
ALL = ["float32", "float64", "int64", "bool"]
TOL = {"float32": dict(rtol=2e-5, atol=2e-5), "float64": dict(rtol=1e-11, atol=1e-11)}
LAYOUTS = ["contiguous", "permuted", "stepped"]
DIMS = [None, 0, 1, -1, (0, 2), (2, 0, 1), (-1, 1)]


def rand_np(shape, dtype, low=-3.0, high=3.0):
    if dtype == "bool":
        return RNG.uniform(size=shape) > 0.5
    if dtype == "int64":
        return RNG.integers(int(low), int(high) + 1, size=shape).astype(np.int64)
    return RNG.uniform(low, high, size=shape).astype(NP_DTYPES[dtype])


def layout(arr, kind):
    """A rustorch tensor holding arr's values in the given memory layout."""
    if kind == "contiguous":
        return rt.tensor(arr)
    if kind == "permuted":  # dims reversed in memory
        rev = tuple(reversed(range(arr.ndim)))
        return rt.tensor(np.ascontiguousarray(arr.transpose(rev))).permute(*rev)
    if kind == "stepped":  # every other element of the last dim (shares NumPy's memory)
        wide = np.zeros(arr.shape[:-1] + (arr.shape[-1] * 2,), dtype=arr.dtype)
        wide[..., ::2] = arr
        return rt.from_numpy(wide[..., ::2])
    raise ValueError(kind)


def np_of(t):
    return np.asarray(t.detach())


def axis(dim):
    return dim if dim is None or isinstance(dim, int) else tuple(dim)


def check(t, expected, dtype, tol=None):
    expected = np.asarray(expected)
    assert str(t.dtype) == f"rustorch.{dtype}", (t.dtype, dtype)
    got = np_of(t)
    assert got.shape == expected.shape, (got.shape, expected.shape)
    if dtype in TOL:
        np.testing.assert_allclose(got, expected.astype(NP_DTYPES[dtype]), equal_nan=True, **(tol or TOL[dtype]))
    else:
        np.testing.assert_array_equal(got, expected.astype(NP_DTYPES[dtype]))


def sum_dtype(dtype):
    return dtype if dtype in FLOATS else "int64"


# ---------------------------------------------------------------------------------------------
# sum / mean / prod

@pytest.mark.parametrize("dtype", ALL)
@pytest.mark.parametrize("kind", LAYOUTS)
@pytest.mark.parametrize("dim", DIMS)
@pytest.mark.parametrize("keepdim", [False, True])
def test_sum(dtype, kind, dim, keepdim):
    a = rand_np((3, 4, 5), dtype)
    out = layout(a, kind).sum(dim=dim, keepdim=keepdim)
    check(out, np.sum(a, axis=axis(dim), keepdims=keepdim, dtype=NP_DTYPES[sum_dtype(dtype)]), sum_dtype(dtype))


@pytest.mark.parametrize("dtype", FLOATS)
@pytest.mark.parametrize("kind", LAYOUTS)
@pytest.mark.parametrize("dim", DIMS)
@pytest.mark.parametrize("keepdim", [False, True])
def test_mean(dtype, kind, dim, keepdim):
    a = rand_np((3, 4, 5), dtype)
    check(layout(a, kind).mean(dim, keepdim), np.mean(a, axis=axis(dim), keepdims=keepdim), dtype)
    check(rt.mean(layout(a, kind), dim=dim, keepdim=keepdim), np.mean(a, axis=axis(dim), keepdims=keepdim), dtype)


def test_sum_mean_dtype_argument():
    a = rand_np((4, 5), "int64")
    check(rt.tensor(a).sum(dtype=rt.float64), a.sum().astype(np.float64), "float64")
    check(rt.tensor(a).mean(1, dtype=rt.float32), a.mean(1), "float32")
    f = rand_np((4, 5), "float32")
    check(rt.tensor(f).sum(0, dtype=rt.float64), f.astype(np.float64).sum(0), "float64")
    check(rt.tensor(f).sum(dtype=rt.int64), f.astype(np.int64).sum(), "int64")
    b = rand_np((4, 5), "bool")
    check(rt.sum(rt.tensor(b), 1), b.sum(1), "int64")


# Shapes that take every path of the engine: long reductions split into blocks, column-wise
# (outer) reductions with several chunks and row blocks, narrow kept dims, merged dims.
LARGE = [((70001,), None), ((3, 20011), 1), ((20011, 3), 0), ((5003, 40), 0), ((40, 5003), 0),
         ((37, 300, 11), (0, 2)), ((300, 17, 33), 1), ((2, 513, 257), (0, 1)), ((129, 70), (0, 1))]


@pytest.mark.parametrize("shape,dim", LARGE)
@pytest.mark.parametrize("kind", ["contiguous", "permuted"])
def test_sum_large_shapes(shape, dim, kind):
    a = rand_np(shape, "float64")
    check(layout(a, kind).sum(dim), a.sum(axis=axis(dim)), "float64")
    a32 = a.astype(np.float32)
    scale = np.abs(a).sum(axis=axis(dim))  # float32 error grows with the sum of magnitudes
    got = np_of(layout(a32, kind).sum(dim))
    assert np.all(np.abs(got - a.sum(axis=axis(dim))) <= 1e-6 * scale + 1e-5)
    i = (a * 3).astype(np.int64)
    check(layout(i, kind).sum(dim), i.sum(axis=axis(dim)), "int64")
    check(layout(a, kind).amax(dim if dim is not None else ()), a.max(axis=axis(dim)), "float64")
    m = layout(a, kind).mean(dim)
    check(m, a.mean(axis=axis(dim)), "float64")


def lane_sum(row, lanes):
    """The engine's order for one contiguous run of a floating sum: `lanes` accumulators over whole
    groups (only when the run has at least two groups), folded pairwise (lane k with k + h, h halving),
    then the remaining elements one by one."""
    row = np.asarray(row)
    acc = row.dtype.type(0)
    groups = len(row) // lanes if len(row) >= 2 * lanes else 0
    if groups:
        lane = np.zeros(lanes, row.dtype)
        for g in range(groups):
            lane = lane + row[g * lanes:(g + 1) * lanes]
        h = lanes // 2
        while h:
            lane = lane[:h] + lane[h:2 * h]
            h //= 2
        acc = lane[0]
    for x in row[groups * lanes:]:
        acc = acc + x
    return acc


# Row sums (the innermost dim reduced, one contiguous run per output): the lanes and their pairwise
# fold are part of the result, so the order is checked bit for bit; lengths around the lane count.
@pytest.mark.parametrize("dtype,lanes", [("float32", 32), ("float64", 16)])
@pytest.mark.parametrize("n", [1, 31, 63, 64, 65, 100, 1000, 1003])
def test_sum_rows_lane_order(dtype, lanes, n):
    a = rand_np((7, n), dtype)
    expected = np.array([lane_sum(r, lanes) for r in a], dtype=NP_DTYPES[dtype])
    np.testing.assert_array_equal(np_of(rt.tensor(a).sum(1)), expected)
    np.testing.assert_array_equal(np_of(rt.tensor(a).mean(1)), expected / NP_DTYPES[dtype](n))
    # A row view of a wider tensor still reduces contiguous runs; a stepped view does not (compare
    # with the float64 sum only).
    wide = np.concatenate([a, a], axis=1)
    np.testing.assert_array_equal(np_of(rt.from_numpy(wide)[:, :n].sum(1)), expected)
    check(layout(a, "stepped").sum(1), a.astype(np.float64).sum(1), dtype, tol=dict(rtol=1e-5, atol=1e-4))


@pytest.mark.parametrize("kind", LAYOUTS)
def test_sum_rows_int64_and_zero_size(kind):
    i = rand_np((9, 1003), "int64", -1000, 1000)
    check(layout(i, kind).sum(1), i.sum(1), "int64")
    check(layout(i, kind).sum(-1, keepdim=True), i.sum(1, keepdims=True), "int64")
    check(rt.zeros(4, 0).sum(1), np.zeros(4), "float32")
    check(rt.zeros(0, 1000, dtype=rt.float64).sum(1), np.zeros(0), "float64")


@pytest.mark.parametrize("dtype", ALL)
@pytest.mark.parametrize("dim", [None, 0, 1, -1])
@pytest.mark.parametrize("keepdim", [False, True])
def test_prod(dtype, dim, keepdim):
    if dtype in FLOATS:
        a = (RNG.uniform(0.5, 1.5, size=(3, 4)) * RNG.choice([-1, 1], size=(3, 4))).astype(NP_DTYPES[dtype])
    else:
        a = rand_np((3, 4), dtype, -2, 2)
    t = layout(a, "permuted")
    expected = np.prod(a, axis=dim, keepdims=keepdim, dtype=NP_DTYPES[sum_dtype(dtype)])
    out = t.prod() if dim is None else t.prod(dim, keepdim=keepdim)
    if dim is None and keepdim:
        return
    check(out, expected, sum_dtype(dtype))


def test_prod_dtype_and_function_form():
    a = rand_np((3, 4), "int64", 1, 3)
    check(rt.prod(rt.tensor(a), 1, dtype=rt.float64), a.prod(1).astype(np.float64), "float64")
    check(rt.prod(rt.tensor(a)), a.prod(), "int64")


# ---------------------------------------------------------------------------------------------
# max / min / amax / amin / argmax / argmin

@pytest.mark.parametrize("dtype", ALL)
@pytest.mark.parametrize("kind", LAYOUTS)
@pytest.mark.parametrize("dim", DIMS)
@pytest.mark.parametrize("keepdim", [False, True])
def test_amax_amin(dtype, kind, dim, keepdim):
    a = rand_np((3, 4, 5), dtype)
    t = layout(a, kind)
    d = () if dim is None else dim
    check(t.amax(d, keepdim), np.max(a, axis=axis(dim), keepdims=keepdim), dtype)
    check(rt.amin(t, dim=d, keepdim=keepdim), np.min(a, axis=axis(dim), keepdims=keepdim), dtype)


@pytest.mark.parametrize("dtype", ALL)
@pytest.mark.parametrize("kind", LAYOUTS)
def test_max_min_full(dtype, kind):
    a = rand_np((3, 4, 5), dtype, -2, 2)  # many ties for ints
    t = layout(a, kind)
    check(t.max(), a.max(), dtype)
    check(rt.min(t), a.min(), dtype)
    check(t.argmax(), a.argmax(), "int64")
    check(rt.argmin(t), a.argmin(), "int64")
    check(t.argmax(keepdim=True), np.argmax(a, keepdims=True), "int64")


@pytest.mark.parametrize("dtype", ALL)
@pytest.mark.parametrize("kind", LAYOUTS)
@pytest.mark.parametrize("dim", [0, 1, 2, -1, -3])
@pytest.mark.parametrize("keepdim", [False, True])
def test_max_min_dim(dtype, kind, dim, keepdim):
    a = rand_np((3, 4, 5), dtype, -2, 2)  # ties: the index is the first occurrence
    t = layout(a, kind)
    values, indices = t.max(dim, keepdim)
    check(values, np.max(a, axis=dim, keepdims=keepdim), dtype)
    check(indices, np.argmax(a, axis=dim, keepdims=keepdim), "int64")
    r = rt.min(t, dim=dim, keepdim=keepdim)
    check(r.values, np.min(a, axis=dim, keepdims=keepdim), dtype)
    check(r.indices, np.argmin(a, axis=dim, keepdims=keepdim), "int64")
    check(t.argmax(dim, keepdim), np.argmax(a, axis=dim, keepdims=keepdim), "int64")
    check(rt.argmin(t, dim=dim, keepdim=keepdim), np.argmin(a, axis=dim, keepdims=keepdim), "int64")


@pytest.mark.parametrize("shape,dim", [((1000,), 0), ((3, 700), 1), ((700, 40), 0), ((40, 700), 0), ((20000,), 0)])
def test_argmax_large(shape, dim):
    a = rand_np(shape, "int64", -50, 50)  # ties across lanes and blocks
    t = rt.tensor(a)
    check(t.argmax(dim), a.argmax(axis=dim), "int64")
    check(t.argmin(dim), a.argmin(axis=dim), "int64")
    check(t.max(dim).indices, a.argmax(axis=dim), "int64")
    f = a.astype(np.float32)
    check(rt.tensor(f).argmax(dim), f.argmax(axis=dim), "int64")
    check(rt.tensor(f).argmax(), f.argmax(), "int64")


def test_return_types():
    t = rt.tensor([[1.0, 5.0], [7.0, 2.0]])
    r = t.max(1)
    assert isinstance(r, rt.return_types.max) and isinstance(r, tuple)
    assert r.values.tolist() == [5.0, 7.0] and r.indices.tolist() == [1, 0]
    values, indices = rt.min(t, 0)
    assert values.tolist() == [1.0, 2.0] and indices.tolist() == [0, 1]
    assert type(t.sort()).__name__ == "sort" and type(t.topk(1)).__name__ == "topk"


def test_max_two_tensor_form():
    a, b = rand_np((3, 4), "float32"), rand_np((4,), "float32")
    check(rt.max(rt.tensor(a), rt.tensor(b)), np.maximum(a, b), "float32")
    check(rt.tensor(a).min(rt.tensor(b)), np.minimum(a, b), "float32")


@pytest.mark.parametrize("dtype", FLOATS)
def test_nan_propagation(dtype):
    a = rand_np((4, 6), dtype)
    a[1, 2] = a[1, 4] = a[3, 0] = np.nan
    t = rt.tensor(a)
    assert math.isnan(t.max().item()) and math.isnan(t.min().item())
    check(t.amax(1), np.max(a, axis=1), dtype)
    check(t.amin(0), np.min(a, axis=0), dtype)
    values, indices = t.max(1)
    check(values, np.max(a, axis=1), dtype)
    check(indices, np.argmax(a, axis=1), "int64")  # the first NaN
    check(t.min(0).indices, np.argmin(a, axis=0), "int64")
    check(t.argmax(), np.argmax(a), "int64")
    check(t.norm(float("inf"), dim=1), [np.nan if np.isnan(r).any() else np.abs(r).max() for r in a], dtype)
    check(t.sum(1), a.sum(1), dtype)
    if torch is not None:
        tt = torch.tensor(a)
        for mine, theirs in [(t.max(1), tt.max(1)), (t.min(0), tt.min(0))]:
            np.testing.assert_array_equal(np_of(mine.indices), theirs.indices.numpy())
        assert t.argmin().item() == tt.argmin().item()


@needs_torch
def test_ties_match_torch():
    a = np.array([[1.0, 3.0, 3.0, 0.0], [2.0, 2.0, 2.0, 2.0], [-1.0, -5.0, -5.0, 4.0]])
    t, tt = rt.tensor(a), torch.tensor(a)
    for d in (0, 1):
        np.testing.assert_array_equal(np_of(t.max(d).indices), tt.max(d).indices.numpy())
        np.testing.assert_array_equal(np_of(t.min(d).indices), tt.min(d).indices.numpy())
        np.testing.assert_array_equal(np_of(t.argmax(d)), tt.argmax(d).numpy())
    assert t.argmax().item() == tt.argmax().item() and t.argmin().item() == tt.argmin().item()


# ---------------------------------------------------------------------------------------------
# var / std / norm / logsumexp

@pytest.mark.parametrize("dtype", FLOATS)
@pytest.mark.parametrize("kind", LAYOUTS)
@pytest.mark.parametrize("dim", DIMS)
@pytest.mark.parametrize("keepdim", [False, True])
def test_var_std(dtype, kind, dim, keepdim):
    a = rand_np((3, 4, 5), dtype)
    t = layout(a, kind)
    check(t.var(dim, keepdim=keepdim), np.var(a, axis=axis(dim), ddof=1, keepdims=keepdim), dtype)
    check(rt.std(t, dim, keepdim=keepdim), np.std(a, axis=axis(dim), ddof=1, keepdims=keepdim), dtype)
    check(t.var(dim, keepdim=keepdim, correction=0), np.var(a, axis=axis(dim), keepdims=keepdim), dtype)
    check(t.std(dim, False, keepdim), np.std(a, axis=axis(dim), keepdims=keepdim), dtype)
    check(t.var(dim=dim, correction=2), np.var(a, axis=axis(dim), ddof=2), dtype)


def test_var_legacy_forms():
    a = rand_np((4, 5), "float64")
    t = rt.tensor(a)
    check(t.var(False), np.var(a), "float64")
    check(t.std(True), np.std(a, ddof=1), "float64")
    check(t.var(1, unbiased=False), np.var(a, axis=1), "float64")
    check(rt.var(t, dim=0, unbiased=True, keepdim=True), np.var(a, axis=0, ddof=1, keepdims=True), "float64")
    with pytest.raises(ValueError, match="var"):
        t.var(0, unbiased=True, correction=1)


def np_norm(a, p, dims, keepdim=False):
    ax = axis(dims)
    x = np.abs(a.astype(np.float64))
    if p == 2 or p == "fro":
        r = np.sqrt((x * x).sum(axis=ax, keepdims=keepdim))
    elif p == math.inf:
        r = x.max(axis=ax, keepdims=keepdim)
    elif p == -math.inf:
        r = x.min(axis=ax, keepdims=keepdim)
    elif p == 0:
        r = (x != 0).sum(axis=ax, keepdims=keepdim).astype(np.float64)
    else:
        r = (x ** p).sum(axis=ax, keepdims=keepdim) ** (1.0 / p)
    return r


@pytest.mark.parametrize("dtype", FLOATS)
@pytest.mark.parametrize("p", [2, 1, math.inf, -math.inf, 0, 3, 0.5, "fro"])
@pytest.mark.parametrize("dim", [None, 1, (0, 2), -1])
@pytest.mark.parametrize("keepdim", [False, True])
def test_norm(dtype, p, dim, keepdim):
    a = rand_np((3, 4, 5), dtype)
    a[0, 0, :2] = 0
    t = layout(a, "permuted")
    check(t.norm(p, dim, keepdim), np_norm(a, p, dim, keepdim), dtype, tol=dict(rtol=1e-5, atol=1e-5))
    check(rt.norm(t, p=p, dim=dim, keepdim=keepdim), np_norm(a, p, dim, keepdim), dtype, tol=dict(rtol=1e-5, atol=1e-5))


def test_norm_defaults_and_dtype():
    a = rand_np((3, 4), "float32")
    check(rt.tensor(a).norm(), np.sqrt((a.astype(np.float64) ** 2).sum()), "float32")
    check(rt.tensor(a).norm(dtype=rt.float64), np.sqrt((a.astype(np.float64) ** 2).sum()), "float64")


def np_logsumexp(a, dims, keepdim=False):
    m = np.max(a, axis=axis(dims), keepdims=True)
    m = np.where(np.isinf(m), 0, m)
    r = np.log(np.sum(np.exp(a - m), axis=axis(dims), keepdims=True)) + m
    return r if keepdim else np.squeeze(r, axis=axis(dims)) if dims is not None else r.reshape(())


@pytest.mark.parametrize("dtype", FLOATS)
@pytest.mark.parametrize("kind", LAYOUTS)
@pytest.mark.parametrize("dim", [0, 1, -1, (0, 2), (0, 1, 2)])
@pytest.mark.parametrize("keepdim", [False, True])
def test_logsumexp(dtype, kind, dim, keepdim):
    a = rand_np((3, 4, 5), dtype, -20, 20)
    check(layout(a, kind).logsumexp(dim, keepdim), np_logsumexp(a.astype(np.float64), dim, keepdim), dtype)


def test_logsumexp_stable_and_infinite():
    a = np.array([[1000.0, 1000.0, -1000.0], [-np.inf, -np.inf, -np.inf], [np.inf, 0.0, 1.0], [-1000.0, -1001.0, -np.inf]])
    for dtype in FLOATS:
        got = np_of(rt.tensor(a.astype(NP_DTYPES[dtype])).logsumexp(1))
        np.testing.assert_allclose(got, [1000 + math.log(2), -np.inf, np.inf, -1000 + math.log1p(math.exp(-1))], rtol=1e-6)
    check(rt.tensor([[1, 2], [3, 4]]).logsumexp(1), np_logsumexp(np.array([[1.0, 2], [3, 4]]), 1), "float32")


# ---------------------------------------------------------------------------------------------
# softmax / log_softmax

def np_softmax(a, dim):
    e = np.exp(a - np.max(a, axis=dim, keepdims=True))
    return e / e.sum(axis=dim, keepdims=True)


def np_log_softmax(a, dim):
    s = a - np.max(a, axis=dim, keepdims=True)
    return s - np.log(np.exp(s).sum(axis=dim, keepdims=True))


@pytest.mark.parametrize("dtype", FLOATS)
@pytest.mark.parametrize("kind", LAYOUTS)
@pytest.mark.parametrize("dim", [0, 1, 2, -1])
def test_softmax(dtype, kind, dim):
    a = rand_np((3, 4, 37), dtype, -10, 10)
    ref = a.astype(np.float64)
    check(layout(a, kind).softmax(dim), np_softmax(ref, dim), dtype, tol=dict(rtol=1e-5, atol=1e-7))
    check(rt.log_softmax(layout(a, kind), dim), np_log_softmax(ref, dim), dtype, tol=dict(rtol=1e-5, atol=1e-5))


@pytest.mark.parametrize("dtype", FLOATS)
def test_softmax_stable_and_special_values(dtype):
    a = np.array([[1000.0, 999.0, -1000.0], [-np.inf, 0.0, -np.inf], [np.nan, 1.0, 2.0], [-1e4, -1e4, -1e4]])
    t = rt.tensor(a.astype(NP_DTYPES[dtype]))
    y = np_of(t.softmax(1))
    np.testing.assert_allclose(y[0], np_softmax(a[0], 0), rtol=1e-6)
    np.testing.assert_array_equal(y[1], [0.0, 1.0, 0.0])
    assert np.isnan(y[2]).all()
    np.testing.assert_allclose(y[3], [1 / 3] * 3, rtol=1e-6)
    ly = np_of(t.log_softmax(1))
    np.testing.assert_allclose(ly[0], np_log_softmax(a[0], 0), rtol=1e-6)
    assert ly[1][1] == 0.0 and ly[1][0] == -np.inf
    # long rows (vector body and tail) with tiny exps that underflow to 0
    b = rand_np((5, 1003), dtype, -200, 20)
    check(rt.tensor(b).softmax(1), np_softmax(b.astype(np.float64), 1), dtype, tol=dict(rtol=1e-5, atol=1e-12))


def test_softmax_dtype_argument():
    a = rand_np((3, 4), "int64")
    check(rt.softmax(rt.tensor(a), 1, dtype=rt.float64), np_softmax(a.astype(np.float64), 1), "float64")
    f = rand_np((3, 4), "float32")
    check(rt.tensor(f).log_softmax(0, dtype=rt.float64), np_log_softmax(f.astype(np.float64), 0), "float64")


@needs_torch
def test_softmax_matches_torch():
    a = rand_np((64, 1000), "float32", -30, 30)
    for dim in (0, 1):
        np.testing.assert_allclose(np_of(rt.tensor(a).softmax(dim)), torch.tensor(a).softmax(dim).numpy(), rtol=1e-5, atol=1e-8)
        np.testing.assert_allclose(np_of(rt.tensor(a).log_softmax(dim)), torch.tensor(a).log_softmax(dim).numpy(), rtol=1e-5, atol=1e-5)


# ---------------------------------------------------------------------------------------------
# all / any

@pytest.mark.parametrize("dtype", ALL)
@pytest.mark.parametrize("kind", LAYOUTS)
@pytest.mark.parametrize("dim", DIMS)
@pytest.mark.parametrize("keepdim", [False, True])
def test_all_any(dtype, kind, dim, keepdim):
    a = rand_np((3, 4, 5), dtype, -1, 1)
    if dtype in FLOATS:
        a = np.where(np.abs(a) < 0.3, 0, a).astype(NP_DTYPES[dtype])
    t = layout(a, kind)
    check(t.all(dim, keepdim), np.all(a, axis=axis(dim), keepdims=keepdim), "bool")
    check(rt.any(t, dim, keepdim), np.any(a, axis=axis(dim), keepdims=keepdim), "bool")


def test_all_any_nan_and_large():
    assert rt.tensor([np.nan, 1.0]).all().item() is True
    a = np.ones(50000, dtype=bool)
    assert rt.tensor(a).all().item() is True
    a[45000] = False
    assert rt.tensor(a).all().item() is False and rt.tensor(~a).any().item() is True


# ---------------------------------------------------------------------------------------------
# cumsum / cumprod

@pytest.mark.parametrize("dtype", ALL)
@pytest.mark.parametrize("kind", LAYOUTS)
@pytest.mark.parametrize("dim", [0, 1, 2, -1])
def test_cumsum_cumprod(dtype, kind, dim):
    a = rand_np((3, 4, 5), dtype, -2, 2)
    t = layout(a, kind)
    check(t.cumsum(dim), np.cumsum(a, axis=dim, dtype=NP_DTYPES[sum_dtype(dtype)]), sum_dtype(dtype))
    check(rt.cumprod(t, dim), np.cumprod(a, axis=dim, dtype=NP_DTYPES[sum_dtype(dtype)]), sum_dtype(dtype))


def test_cumsum_dtype_argument():
    a = rand_np((3, 4), "int64")
    check(rt.cumsum(rt.tensor(a), 1, dtype=rt.float64), np.cumsum(a, 1).astype(np.float64), "float64")
    check(rt.tensor(a).cumprod(0, dtype=rt.float32), np.cumprod(a, 0).astype(np.float32), "float32")


# ---------------------------------------------------------------------------------------------
# Zero-size dims and 0-d tensors

def test_zero_size():
    e = rt.zeros(0, 3)
    check(e.sum(), 0.0, "float32")
    check(e.sum(0), np.zeros(3), "float32")
    check(e.sum(1), np.zeros(0), "float32")
    check(e.prod(0), np.ones(3), "float32")
    check(e.mean(0), np.full(3, np.nan), "float32")
    check(e.var(0), np.full(3, np.nan), "float32")
    check(e.amax(1), np.zeros(0), "float32")
    check(e.max(1).values, np.zeros(0), "float32")
    check(e.argmax(1), np.zeros(0), "int64")
    check(e.all(0), np.ones(3, bool), "bool")
    check(e.any(), False, "bool")
    check(e.logsumexp(0), np.full(3, -np.inf), "float32")
    check(e.norm(dim=0), np.zeros(3), "float32")
    check(e.norm(), 0.0, "float32")
    check(e.softmax(0), np.zeros((0, 3)), "float32")
    check(e.cumsum(0), np.zeros((0, 3)), "float32")
    check(rt.zeros(0, dtype=rt.int64).sum(), 0, "int64")
    check(rt.zeros(2, 0, 3).sum((0, 1)), np.zeros(3), "float32")


def test_zero_size_errors():
    e = rt.zeros(0, 3)
    with pytest.raises(RuntimeError, match="max"):
        e.max()
    with pytest.raises(RuntimeError, match="min"):
        rt.min(e)
    with pytest.raises(IndexError, match="max"):
        e.max(0)
    with pytest.raises(IndexError, match="amin"):
        e.amin(0)
    with pytest.raises(IndexError, match="amax"):
        e.amax()
    with pytest.raises(IndexError, match="argmax"):
        e.argmax()
    with pytest.raises(IndexError, match="argmin"):
        e.argmin(0)
    with pytest.raises(IndexError, match="norm"):
        e.norm(float("inf"), dim=0)


def test_zero_dim_tensors():
    x = rt.tensor(2.5)
    for dim in (None, 0, -1):
        kw = {} if dim is None else {"dim": dim}
        check(x.sum(**kw), 2.5, "float32")
        check(x.mean(**kw), 2.5, "float32")
        check(x.amax(**kw) if dim is not None else x.amax(), 2.5, "float32")
        check(x.norm(**kw), 2.5, "float32")
        check(x.logsumexp(dim if dim is not None else 0), 2.5, "float32")
        check(x.all(**kw), True, "bool")
        check(x.var(**kw), np.nan, "float32")
    check(x.max(), 2.5, "float32")
    values, indices = x.max(0)
    check(values, 2.5, "float32")
    check(indices, 0, "int64")
    check(x.argmax(), 0, "int64")
    check(x.prod(0), 2.5, "float32")
    check(x.softmax(0), 1.0, "float32")
    check(x.log_softmax(-1), 0.0, "float32")
    check(x.cumsum(0), 2.5, "float32")
    check(x.cumprod(0), 2.5, "float32")
    check(x.sum(0, keepdim=True), 2.5, "float32")
    with pytest.raises(IndexError, match="sum"):
        x.sum(1)


# ---------------------------------------------------------------------------------------------
# Errors

def test_errors_name_the_op():
    t = rt.zeros(2, 3)
    i = rt.zeros(2, 3, dtype=rt.int64)
    with pytest.raises(IndexError, match="sum"):
        t.sum(2)
    with pytest.raises(ValueError, match="sum"):
        t.sum((0, -2))
    with pytest.raises(RuntimeError, match="mean"):
        i.mean()
    with pytest.raises(RuntimeError, match="mean"):
        t.mean(dtype=rt.int64)
    with pytest.raises(RuntimeError, match="var"):
        i.var()
    with pytest.raises(RuntimeError, match="std"):
        i.std(0)
    with pytest.raises(RuntimeError, match="norm"):
        i.norm()
    with pytest.raises(ValueError, match="norm"):
        t.norm("nuc")
    with pytest.raises(RuntimeError, match="softmax"):
        i.softmax(0)
    with pytest.raises(RuntimeError, match="log_softmax"):
        rt.log_softmax(i, 1)
    with pytest.raises(IndexError, match="softmax"):
        t.softmax(2)
    with pytest.raises(IndexError, match="cumsum"):
        t.cumsum(-3)
    with pytest.raises(IndexError, match="max"):
        t.max(5)
    with pytest.raises(IndexError, match="argmax"):
        t.argmax(2)
    with pytest.raises(IndexError, match="logsumexp"):
        t.logsumexp(3)
    with pytest.raises(TypeError, match="prod"):
        t.prod((0, 1))


# ---------------------------------------------------------------------------------------------
# gather / scatter / scatter_add

def np_gather(a, dim, idx):
    return np.take_along_axis(a, idx, axis=dim)


def np_scatter(a, dim, idx, src, add=False):
    out = a.copy()
    for pos in np.ndindex(*idx.shape):
        target = list(pos)
        target[dim] = idx[pos]
        if add:
            out[tuple(target)] += src[pos]
        else:
            out[tuple(target)] = src[pos]
    return out


@pytest.mark.parametrize("dtype", ALL)
@pytest.mark.parametrize("dim", [0, 1, 2, -1])
@pytest.mark.parametrize("kind", LAYOUTS)
def test_gather(dtype, dim, kind):
    a = rand_np((3, 4, 5), dtype)
    ishape = [2, 3, 4]
    ishape[dim] = 6
    idx = RNG.integers(0, a.shape[dim], size=ishape)
    out = layout(a, kind).gather(dim, layout(idx, kind))
    # index smaller than the input apart from dim: compare with the leading corner
    corner = [slice(0, 2), slice(0, 3), slice(0, 4)]
    corner[dim] = slice(None)
    check(out, np_gather(a[tuple(corner)], dim, idx), dtype)
    check(rt.gather(layout(a, kind), dim, rt.tensor(idx)), np_gather(a[tuple(corner)], dim, idx), dtype)


@pytest.mark.parametrize("dtype", ALL)
@pytest.mark.parametrize("dim", [0, 1, -1])
@pytest.mark.parametrize("kind", LAYOUTS)
def test_scatter_and_scatter_add(dtype, dim, kind):
    a = rand_np((4, 5, 6), dtype)
    src = rand_np((4, 5, 6), dtype)
    ishape = [3, 4, 5]
    idx = RNG.integers(0, a.shape[dim], size=ishape)  # duplicates: scatter keeps the last write
    t = layout(a, kind)
    check(t.scatter(dim, layout(idx, kind), layout(src, kind)), np_scatter(a, dim % 3, idx, src), dtype)
    if dtype != "bool":
        check(rt.scatter_add(t, dim, rt.tensor(idx), rt.tensor(src)), np_scatter(a, dim % 3, idx, src, add=True), dtype)
    np.testing.assert_array_equal(np_of(t), a)  # out-of-place
    value = True if dtype == "bool" else 2
    check(rt.scatter(t, dim, rt.tensor(idx), value=value),
          np_scatter(a, dim % 3, idx, np.full(idx.shape, value, dtype=NP_DTYPES[dtype])), dtype)


@pytest.mark.parametrize("dtype", ["float32", "int64"])
def test_scatter_inplace(dtype):
    a = rand_np((3, 5), dtype)
    src = rand_np((3, 5), dtype)
    idx = RNG.integers(0, 5, size=(3, 4))
    for kind in ("contiguous", "permuted"):
        t = layout(a, kind)
        r = t.scatter_(1, rt.tensor(idx), rt.tensor(src))
        assert r is t
        check(t, np_scatter(a, 1, idx, src), dtype)
        t = layout(a, kind)
        t.scatter_add_(1, rt.tensor(idx), rt.tensor(src))
        check(t, np_scatter(a, 1, idx, src, add=True), dtype)
        t = layout(a, kind)
        t.scatter_(0, rt.tensor(idx[:2] % 3), -1)
        check(t, np_scatter(a, 0, idx[:2] % 3, np.full((2, 4), -1, dtype=NP_DTYPES[dtype])), dtype)


def test_scatter_large_matches_numpy():
    a = rand_np((300, 200), "float64")
    idx = RNG.integers(0, 300, size=(250, 200))
    src = rand_np((250, 200), "float64")
    expected = a.copy()
    np.add.at(expected, (idx, np.arange(200)[None, :].repeat(250, 0)), src)
    check(rt.tensor(a).scatter_add(0, rt.tensor(idx), rt.tensor(src)), expected, "float64")
    check(rt.tensor(a).gather(0, rt.tensor(idx)), np_gather(a, 0, idx), "float64")


# Long lines along the gathered dim (the contiguous-line loop and the per-line index check), with
# every operand strided in turn; a bad index anywhere (late lines, the int64 extremes) is reported
# as the first bad index in row-major order, as before.
@pytest.mark.parametrize("dtype", ALL)
def test_gather_long_lines(dtype):
    a = rand_np((300, 700), dtype)
    idx = RNG.integers(0, 700, size=(300, 250))
    check(rt.tensor(a).gather(1, rt.tensor(idx)), np_gather(a, 1, idx), dtype)
    check(rt.tensor(a).gather(-1, layout(idx, "permuted")), np_gather(a, 1, idx), dtype)
    check(layout(a, "stepped").gather(1, layout(idx, "stepped")), np_gather(a, 1, idx), dtype)
    check(layout(a, "permuted").gather(1, rt.tensor(idx)), np_gather(a, 1, idx), dtype)
    idx0 = RNG.integers(0, 300, size=(200, 700))
    check(rt.tensor(a).gather(0, rt.tensor(idx0)), np_gather(a, 0, idx0), dtype)
    check(rt.tensor(a).gather(1, rt.zeros(300, 0, dtype=rt.int64)), np.zeros((300, 0)), dtype)
    check(rt.zeros(0, 5, dtype=DTYPES[dtype]).gather(1, rt.zeros(0, 3, dtype=rt.int64)), np.zeros((0, 3)), dtype)


@pytest.mark.parametrize("kind", ["contiguous", "permuted"])
@pytest.mark.parametrize("bad", [700, -1, 2**63 - 1, -2**63])
def test_gather_bad_index_late_line(kind, bad):
    a = rt.tensor(rand_np((300, 700), "float32"))
    idx = RNG.integers(0, 700, size=(300, 250))
    idx[297, 100] = bad
    idx[298, 3] = 701  # a later bad index is not the one reported
    with pytest.raises(IndexError, match=f"gather: index {bad} is out of bounds for dimension 1 with size 700"):
        a.gather(1, layout(idx, kind))
    with pytest.raises(IndexError, match="gather: index 0 is out of bounds for dimension 1 with size 0"):
        rt.zeros(2, 0).gather(1, rt.zeros(2, 3, dtype=rt.int64))


def test_gather_scatter_zero_size_and_0d():
    t = rt.tensor([[1.0, 2.0], [3.0, 4.0]])
    check(t.gather(1, rt.zeros(2, 0, dtype=rt.int64)), np.zeros((2, 0)), "float32")
    check(t.scatter(1, rt.zeros(2, 0, dtype=rt.int64), rt.zeros(2, 0)), np_of(t), "float32")
    s = rt.tensor(5.0)
    check(s.gather(0, rt.tensor(0)), 5.0, "float32")
    check(s.scatter(0, rt.tensor(0), rt.tensor(7.0)), 7.0, "float32")


def test_gather_scatter_errors():
    t = rt.zeros(2, 3)
    with pytest.raises(TypeError, match="gather"):
        t.gather(1, rt.zeros(2, 3))
    with pytest.raises(IndexError, match="gather"):
        t.gather(1, rt.tensor([[0, 3]]))
    with pytest.raises(IndexError, match="gather"):
        t.gather(0, rt.tensor([[-1, 0]]))
    with pytest.raises(ValueError, match="gather"):
        t.gather(1, rt.tensor([0, 1]))
    with pytest.raises(ValueError, match="gather"):
        t.gather(1, rt.zeros(3, 1, dtype=rt.int64))
    with pytest.raises(IndexError, match="gather"):
        t.gather(2, rt.zeros(2, 3, dtype=rt.int64))
    with pytest.raises(IndexError, match="scatter"):
        t.scatter(0, rt.tensor([[2, 0]]), rt.ones(1, 2))
    with pytest.raises(TypeError, match="scatter"):
        t.scatter(0, rt.tensor([[1, 0]]), rt.ones(1, 2, dtype=rt.float64))
    with pytest.raises(ValueError, match="scatter_add"):
        t.scatter_add(0, rt.zeros(2, 2, dtype=rt.int64), rt.ones(1, 2))
    with pytest.raises(IndexError, match="scatter_add_"):
        t.scatter_add_(1, rt.tensor([[5]]), rt.ones(1, 1))
    with pytest.raises(ValueError, match="scatter"):
        t.scatter(0, rt.tensor([[1, 0]]), rt.ones(1, 2), reduce="add")
    leaf = rt.zeros(2, 3, requires_grad=True)
    with pytest.raises(RuntimeError, match="scatter_"):
        leaf.scatter_(0, rt.tensor([[1, 0]]), rt.ones(1, 2))


# ---------------------------------------------------------------------------------------------
# Gradients where the semantics are subtle (against torch)

def grads(fn, a, backend):
    if backend == "rt":
        x = rt.tensor(a, dtype=rt.float64, requires_grad=True)
        fn(x, rt).backward()
        return np_of(x.grad)
    x = torch.tensor(a, dtype=torch.float64, requires_grad=True)
    fn(x, torch).backward()
    return x.grad.numpy()


SUBTLE = {
    "max_ties": (lambda x, m: x.max() * 3, [[1.0, 5.0, 5.0], [5.0, 2.0, 0.0]]),
    "min_ties": (lambda x, m: x.min(), [[1.0, -5.0, -5.0], [5.0, 2.0, 0.0]]),
    "amax_ties": (lambda x, m: (m.amax(x, 1) * m.tensor([1.0, 2.0], dtype=x.dtype)).sum(), [[1.0, 5.0, 5.0], [5.0, 5.0, 5.0]]),
    "amin_dims": (lambda x, m: m.amin(x, (0, 1)), [[1.0, 0.0, 0.0], [5.0, 0.0, 2.0]]),
    "max_dim_ties": (lambda x, m: (x.max(1)[0] * m.tensor([1.0, 2.0], dtype=x.dtype)).sum(), [[1.0, 5.0, 5.0], [7.0, 7.0, 0.0]]),
    "max_nan": (lambda x, m: x.max(), [[1.0, float("nan"), 2.0], [float("nan"), 0.0, 0.0]]),
    "prod_one_zero": (lambda x, m: x.prod(), [[1.5, 0.0, 2.0], [3.0, -1.0, 0.5]]),
    "prod_two_zeros": (lambda x, m: x.prod(1).sum(), [[1.5, 0.0, 0.0], [0.0, -1.0, 0.5]]),
    "cumprod_zeros": (lambda x, m: (x.cumprod(1) * m.tensor([1.0, 2.0, 3.0, 4.0], dtype=x.dtype)).sum(),
                      [[2.0, 0.0, 3.0, 0.0], [0.0, 1.5, 2.0, 1.0]]),
    "norm2_at_zero": (lambda x, m: x.norm(dim=1).sum(), [[0.0, 0.0, 0.0], [3.0, 0.0, 4.0]]),
    "norm_inf_ties": (lambda x, m: x.norm(float("inf"), dim=1).sum(), [[-3.0, 3.0, 1.0], [0.0, 0.0, 0.0]]),
    "norm1_at_zero": (lambda x, m: x.norm(1), [[0.0, -2.0, 1.0]]),
    "norm3_at_zero": (lambda x, m: x.norm(3, dim=1).sum(), [[0.0, 0.0], [1.0, -2.0]]),
    "std_constant": (lambda x, m: x.std(1).sum(), [[2.0, 2.0, 2.0], [1.0, 2.0, 4.0]]),
    "logsumexp_inf": (lambda x, m: m.logsumexp(x, 1)[1] * 1.0, [[float("-inf"), 0.0, 1.0], [float("-inf"), 2.0, 2.0]]),
    "softmax": (lambda x, m: (m.softmax(x, 1) * m.tensor([1.0, -2.0, 3.0], dtype=x.dtype)).sum(), [[1.0, 2.0, 3.0], [0.0, 0.0, 9.0]]),
    "log_softmax": (lambda x, m: (m.log_softmax(x, 0) * m.tensor([[1.0], [-2.0]], dtype=x.dtype)).sum(), [[1.0, 2.0, 3.0], [0.0, 0.0, 9.0]]),
    "var_mean": (lambda x, m: x.var(0).sum() + x.mean(), [[1.0, 2.0], [3.0, 7.0], [0.5, -1.0]]),
    "cumsum": (lambda x, m: (x.cumsum(0) * x).sum(), [[1.0, 2.0], [3.0, 7.0]]),
    "gather": (lambda x, m: (x.gather(1, m.tensor([[0, 0, 2], [1, 1, 1]])) ** 2).sum(), [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]),
}


@needs_torch
@pytest.mark.parametrize("name", sorted(SUBTLE))
def test_gradients_match_torch(name):
    fn, a = SUBTLE[name]
    a = np.array(a)
    np.testing.assert_allclose(grads(fn, a, "rt"), grads(fn, a, "torch"), rtol=1e-12, atol=1e-12, equal_nan=True)


def test_inplace_scatter_autograd():
    a = rt.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], dtype=rt.float64, requires_grad=True)
    b = rt.tensor([[10.0, 20.0]], dtype=rt.float64, requires_grad=True)
    y = a * 2
    y.scatter_(1, rt.tensor([[2, 0]]), b)
    (y * rt.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], dtype=rt.float64)).sum().backward()
    np.testing.assert_allclose(np_of(a.grad), [[0.0, 4.0, 0.0], [8.0, 10.0, 12.0]])
    np.testing.assert_allclose(np_of(b.grad), [[3.0, 1.0]])


# ---------------------------------------------------------------------------------------------
# Results do not depend on the thread count

@pytest.mark.parametrize("shape,dim", [((300001,), None), ((1000, 1000), 0), ((1000, 1000), 1), ((64, 4097), None)])
def test_thread_count_independence(shape, dim):
    a = rt.tensor(rand_np(shape, "float32"))
    before = rt.get_num_threads()
    try:
        results = []
        for n in (1, 2, 3):
            rt.set_num_threads(n)
            results.append([np_of(a.sum(dim)), np_of(a.mean(dim)), np_of(a.norm(dim=dim)), np_of(a.softmax(-1)),
                            np_of(a.amax(() if dim is None else dim)), np_of(a.argmax(dim))])
        for other in results[1:]:
            for x, y in zip(results[0], other):
                np.testing.assert_array_equal(x, y)
    finally:
        rt.set_num_threads(before)


@pytest.mark.parametrize("op", ["max", "min"])
def test_max_min_keepdim_without_dim_raises_like_torch(op):
    torch = pytest.importorskip("torch")
    x = [[1.0, 2.0]]
    with pytest.raises(TypeError):
        getattr(torch, op)(torch.tensor(x), keepdim=True)
    with pytest.raises(TypeError, match="keepdim needs a dim"):
        getattr(rt, op)(rt.tensor(x), keepdim=True)
    with pytest.raises(TypeError, match="keepdim needs a dim"):
        getattr(rt.tensor(x), op)(rt.tensor(x), keepdim=True)
    values = getattr(rt, op)(rt.tensor(x), 1, keepdim=True).values
    np.testing.assert_array_equal(values.numpy(), getattr(torch, op)(torch.tensor(x), 1, keepdim=True).values.numpy())
