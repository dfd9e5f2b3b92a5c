"""sort / argsort / topk against NumPy (stable sorts) and PyTorch (descending order, NaN placement):
dtypes, dims, layouts, ties, 0-d and zero-size tensors, gradients and errors."""
import numpy as np
import pytest

import rustorch as rt

try:
    import torch
except ImportError:  # pragma: no cover
    torch = None

RNG = np.random.default_rng(1)
NP_DTYPES = {"float32": np.float32, "float64": np.float64, "int64": np.int64, "bool": np.bool_}
ALL = ["float32", "float64", "int64", "bool"]


def rand_np(shape, dtype):
    if dtype == "bool":
        return RNG.uniform(size=shape) > 0.5
    if dtype == "int64":
        return RNG.integers(-3, 4, size=shape).astype(np.int64)  # many ties
    return RNG.standard_normal(shape).astype(NP_DTYPES[dtype])


def layout(arr, kind):
    if kind == "contiguous":
        return rt.tensor(arr)
    if kind == "permuted":
        rev = tuple(reversed(range(arr.ndim)))
        return rt.tensor(np.ascontiguousarray(arr.transpose(rev))).permute(*rev)
    wide = np.zeros(arr.shape[:-1] + (arr.shape[-1] * 2,), dtype=arr.dtype)
    wide[..., ::2] = arr
    return rt.from_numpy(wide[..., ::2])


def np_of(t):
    return np.asarray(t.detach())


def stable_argsort(a, dim, descending):
    if not descending:
        return np.argsort(a, axis=dim, kind="stable")
    # descending and stable: reverse-order keys, equal keys keep their order
    keys = ~a if a.dtype == np.bool_ else -a.astype(np.float64)
    return np.argsort(keys, axis=dim, kind="stable")


@pytest.mark.parametrize("dtype", ALL)
@pytest.mark.parametrize("kind", ["contiguous", "permuted", "stepped"])
@pytest.mark.parametrize("dim", [0, 1, -1])
@pytest.mark.parametrize("descending", [False, True])
def test_sort_argsort(dtype, kind, dim, descending):
    a = rand_np((4, 5, 6), dtype)
    t = layout(a, kind)
    values, indices = t.sort(dim, descending)
    idx = stable_argsort(a, dim, descending)
    assert values.dtype == t.dtype and indices.dtype == rt.int64
    np.testing.assert_array_equal(np_of(indices), idx)
    np.testing.assert_array_equal(np_of(values), np.take_along_axis(a, idx, axis=dim))
    np.testing.assert_array_equal(np_of(rt.argsort(t, dim=dim, descending=descending, stable=True)), idx)
    r = rt.sort(t, dim=dim, descending=descending, stable=True)
    np.testing.assert_array_equal(np_of(r.indices), idx)


def test_sort_long_rows_and_defaults():
    a = RNG.standard_normal((3, 5000))
    v, i = rt.tensor(a).sort()
    np.testing.assert_array_equal(np_of(v), np.sort(a, axis=-1))
    np.testing.assert_array_equal(np_of(i), np.argsort(a, axis=-1, kind="stable"))
    assert rt.tensor(a).argsort(0).tolist() == np.argsort(a, axis=0, kind="stable").tolist()


@pytest.mark.skipif(torch is None, reason="torch not installed")
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_sort_nan_and_ties_match_torch(descending, dtype):
    a = np.array([[1.0, np.nan, 3.0, 1.0, -np.inf, np.nan, np.inf, 3.0], [0.0, -0.0, 2.0, 2.0, np.nan, 1.0, -0.0, 0.0],
                  [-np.nan, 5.0, -1.0, -2.0, 1e-40, -1e-40, 0.0, -3e38]]).astype(dtype)
    v, i = rt.tensor(a).sort(1, descending=descending)
    tv, ti = torch.tensor(a).sort(dim=1, descending=descending, stable=True)
    np.testing.assert_array_equal(np_of(v), tv.numpy())
    np.testing.assert_array_equal(np_of(i), ti.numpy())
    tk, tki = torch.tensor(a).topk(5, dim=1, largest=descending)
    k, ki = rt.tensor(a).topk(5, dim=1, largest=descending)
    np.testing.assert_array_equal(np_of(k), tk.numpy())


@pytest.mark.parametrize("dtype", ALL)
@pytest.mark.parametrize("dim", [0, -1])
@pytest.mark.parametrize("largest", [True, False])
@pytest.mark.parametrize("k", [0, 1, 3, 4])
def test_topk(dtype, dim, largest, k):
    a = rand_np((4, 6), dtype)
    t = layout(a, "permuted")
    values, indices = t.topk(k, dim, largest)
    idx = np.take(stable_argsort(a, dim, largest), np.arange(k), axis=dim)  # ties by index
    np.testing.assert_array_equal(np_of(indices), idx)
    np.testing.assert_array_equal(np_of(values), np.take_along_axis(a, idx, axis=dim))
    r = rt.topk(t, k, dim=dim, largest=largest, sorted=True)
    np.testing.assert_array_equal(np_of(r.values), np_of(values))


@pytest.mark.skipif(torch is None, reason="torch not installed")
def test_topk_values_match_torch():
    a = RNG.standard_normal((8, 100)).astype(np.float32)
    a[2, 5] = np.nan
    for largest in (True, False):
        v, i = rt.tensor(a).topk(7, largest=largest)
        tv, _ = torch.tensor(a).topk(7, largest=largest)
        np.testing.assert_array_equal(np_of(v), tv.numpy())
        np.testing.assert_array_equal(np_of(rt.tensor(a).gather(1, i)), np_of(v))


def test_zero_size_and_0d():
    e = rt.zeros(3, 0)
    v, i = e.sort(1)
    assert v.shape == (3, 0) and i.shape == (3, 0)
    assert e.topk(0).values.shape == (3, 0)
    assert rt.zeros(0, 4).sort(0).values.shape == (0, 4)
    s = rt.tensor(4.0)
    v, i = s.sort()
    assert v.item() == 4.0 and i.item() == 0 and v.shape == ()
    assert s.argsort().item() == 0
    for k in (0, 1):
        v, i = s.topk(k)
        assert v.item() == 4.0 and i.item() == 0 and v.shape == ()


def test_gradients():
    a = np.array([[3.0, 1.0, 2.0], [0.5, 4.0, -1.0]])
    x = rt.tensor(a, requires_grad=True, dtype=rt.float64)
    v, _ = x.sort(1, descending=True)
    (v * rt.tensor([1.0, 10.0, 100.0], dtype=rt.float64)).sum().backward()
    np.testing.assert_array_equal(np_of(x.grad), [[1.0, 100.0, 10.0], [10.0, 1.0, 100.0]])
    x = rt.tensor(a, requires_grad=True, dtype=rt.float64)
    v, _ = x.topk(2, dim=0, largest=False)
    v.sum().backward()
    np.testing.assert_array_equal(np_of(x.grad), np.ones((2, 3)))
    x = rt.tensor(a, requires_grad=True, dtype=rt.float64)
    (x.topk(1)[0] * 2).sum().backward()
    np.testing.assert_array_equal(np_of(x.grad), [[2.0, 0.0, 0.0], [0.0, 2.0, 0.0]])
    assert x.argsort().grad_fn is None and x.sort()[1].grad_fn is None


def test_errors():
    t = rt.zeros(2, 3)
    with pytest.raises(IndexError, match="topk"):
        t.topk(4)
    with pytest.raises(IndexError, match="topk"):
        t.topk(-1)
    with pytest.raises(IndexError, match="sort"):
        t.sort(2)
    with pytest.raises(IndexError, match="sort"):
        rt.argsort(t, -3)
    with pytest.raises(IndexError, match="topk"):
        t.topk(1, dim=5)
