"""x[...] and x[...] = v against NumPy (and torch where the two differ), and the selection ops:
index_select, take, masked_fill, masked_select, nonzero, index_put_, index_add_."""
import numpy as np
import pytest

import rustorch as rt

rng = np.random.default_rng(0)
DTYPES = ["float32", "float64", "int64", "bool"]


def rand_array(shape, dtype):
    if dtype == "bool":
        return rng.random(shape) > 0.5
    if dtype == "int64":
        return rng.integers(-50, 50, size=shape).astype(np.int64)
    return rng.standard_normal(shape).astype(dtype)


def make(shape, dtype="float64", contiguous=True):
    """A tensor and the NumPy array with the same values; contiguous=False gives a permuted view."""
    a = rand_array(shape, dtype)
    if contiguous or len(shape) < 2:
        return rt.tensor(a), a
    rev = tuple(reversed(range(len(shape))))
    base = np.ascontiguousarray(a.transpose(rev))
    t = rt.tensor(base).permute(*rev)
    assert not t.is_contiguous()
    return t, a


def check(t, expected):
    got = np.asarray(t)
    expected = np.asarray(expected)
    assert got.shape == expected.shape, (got.shape, expected.shape)
    assert got.dtype == expected.dtype, (got.dtype, expected.dtype)
    np.testing.assert_array_equal(got, expected)


# ---- __getitem__ ---------------------------------------------------------------------------------

BASIC = [
    0, -1, 2, (1, 2), (1, 2, 3), (-1, -2, -3), slice(None), slice(1, 3), slice(None, None, 2),
    slice(-3, None), slice(10, 20), slice(2, 1), slice(-100, 100, 3), (slice(None), 1),
    (slice(None), slice(None), -1), (Ellipsis, 1), (Ellipsis, slice(1, None, 2)), (0, Ellipsis, 0),
    None, (None, 0), (slice(None), None, 1), (Ellipsis, None), (None, Ellipsis, None), (), Ellipsis,
    (1, slice(None, None, 3), None, slice(1, 4)),
]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("contiguous", [True, False])
@pytest.mark.parametrize("index", BASIC, ids=repr)
def test_basic_indexing_matches_numpy(index, dtype, contiguous):
    t, a = make((4, 5, 6), dtype, contiguous)
    r = t[index]
    check(r, a[index])


@pytest.mark.parametrize("index", [0, (1, 2), slice(1, 3), (Ellipsis, 2), (None, 1), (slice(None, None, 2), 0)], ids=repr)
def test_basic_indexing_is_a_view(index):
    t, a = make((4, 5), "float64")
    r = t[index]
    if r.ndim == 0:
        return
    r.fill_(7.0)
    a[index] = 7.0
    check(t, a)  # writes through the view are seen in the base


def test_view_strides_and_offset():
    t = rt.tensor(np.arange(60.0).reshape(3, 4, 5))
    v = t[1:, ::2, 1::3]
    assert v.shape == (2, 2, 2)
    assert v.stride() == (20, 10, 3)
    assert v.storage_offset() == 21
    assert t[2].storage_offset() == 40
    assert t[:, 1].stride() == (20, 1)
    assert t[..., 3].data_ptr() == t.data_ptr() + 3 * 8


def test_zero_dim_results():
    t, a = make((3, 4), "float32")
    r = t[1, 2]
    assert r.shape == () and r.item() == pytest.approx(float(a[1, 2]))
    s = rt.tensor(3.5, dtype=rt.float64)
    check(s[()], np.float64(3.5))
    check(s[None], np.array([3.5]))
    check(s[...], np.float64(3.5))
    assert s[...].data_ptr() == s.data_ptr()


def test_zero_size():
    t, a = make((0, 3), "float64")
    check(t[:, 1], a[:, 1])
    check(t[[]], a[np.array([], dtype=np.int64)])
    t, a = make((4, 3), "int64")
    check(t[2:1], a[2:1])
    check(t[[]], a[np.array([], dtype=np.int64)])
    check(t[np.zeros(4, dtype=bool)], a[np.zeros(4, dtype=bool)])
    check(t[:, np.zeros(3, dtype=bool)], a[:, np.zeros(3, dtype=bool)])


ADVANCED = [
    [0, 2, 2], [-1, 0], np.array([3, 1]), np.array([[0, 1], [2, 3]]),
    (slice(None), [0, 4, 1]), ([0, 1], [1, 2]), ([[0], [1]], [1, 2, 3]), ([0, 1], slice(None), [1, 2]),
    (slice(None), [0, 1], [1, 2]), (Ellipsis, [5, 0]), (1, [0, 2]), ([2, 0], 1), (None, [1, 3], Ellipsis),
    ([0, 1], slice(1, None, 2), None, 1), (slice(1, 3), np.array([[0, 1]]), slice(None, None, 2)),
]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("contiguous", [True, False])
@pytest.mark.parametrize("index", ADVANCED, ids=repr)
def test_advanced_indexing_matches_numpy(index, dtype, contiguous):
    t, a = make((4, 5, 6), dtype, contiguous)
    check(t[index], a[index])


@pytest.mark.parametrize("contiguous", [True, False])
def test_index_tensors_and_masks(contiguous):
    t, a = make((4, 5, 6), "float64", contiguous)
    i = np.array([3, -1, 0, 3])
    check(t[rt.tensor(i)], a[i])
    check(t[:, rt.tensor(i)], a[:, i])
    m = a > 0
    check(t[rt.tensor(m)], a[m])  # full mask: 1-D result
    check(t[m], a[m])  # NumPy mask
    m2 = a[:, :, 0] > 0
    check(t[rt.tensor(m2)], a[m2])
    check(t[m2, 1], a[m2, 1])
    m1 = np.array([True, False, True, True, False])
    check(t[:, m1], a[:, m1])
    check(t[:, list(m1)], a[:, m1])  # a list of bools is a mask
    check(t[..., rt.tensor(a[0, 0] > 0)], a[..., a[0, 0] > 0])
    check(t[1, m1, 2:], a[1, m1, 2:])
    # a 0-d int tensor behaves like an int (a view); a 0-d bool like a Python bool
    check(t[rt.tensor(2)], a[2])
    check(t[rt.tensor(True)], a[None])
    check(t[True], a[None])
    check(t[False], a[None][:0])


def test_advanced_indexing_copies():
    t, _ = make((4, 5), "float64")
    r = t[[0, 1]]
    r.fill_(123.0)
    assert np.asarray(t).max() < 100


def test_torch_semantics_where_numpy_differs():
    # torch applies ints as select before advanced indexing: x[0, :, [0, 1]] keeps the slice dim first.
    t, a = make((5, 6, 7), "float64")
    r = t[0, :, [0, 1]]
    assert r.shape == (6, 2)
    check(r, a[0][:, [0, 1]])
    torch = pytest.importorskip("torch")
    assert tuple(torch.zeros(5, 6, 7)[0, :, [0, 1]].shape) == r.shape


def test_getitem_autograd_views_and_copies():
    x = rt.tensor(rng.standard_normal((4, 5)), requires_grad=True)
    y = x[1:3, ::2].sum() + x[[0, 0, 3], 1].sum() + x[np.asarray(x.detach()) > 0].sum()
    y.backward()
    a = np.asarray(x.detach())
    g = np.zeros((4, 5))
    g[1:3, ::2] += 1
    g[0, 1] += 2
    g[3, 1] += 1
    g[a > 0] += 1
    np.testing.assert_allclose(np.asarray(x.grad), g)


@pytest.mark.parametrize("index,exc,words", [
    (7, IndexError, ["7", "size 4"]),
    (-5, IndexError, ["-5", "size 4"]),
    ((0, 9), IndexError, ["9", "size 5"]),
    ([0, 4], IndexError, ["index", "4", "size 4"]),
    ((slice(None), rt.tensor([-6])), IndexError, ["index", "-6", "size 5"]),
    ((0, 0, 0), IndexError, ["too many indices"]),
    (1.5, IndexError, ["float"]),
    ("a", IndexError, ["str"]),
    (slice(None, None, -1), ValueError, ["step", "greater than zero"]),
    ((Ellipsis, Ellipsis), IndexError, ["ellipsis"]),
    (np.ones((4, 4), dtype=bool), IndexError, ["mask", "(4, 4)"]),
    (([0, 1], [0, 1, 2]), IndexError, ["broadcast", "(2,)", "(3,)"]),
    (rt.tensor([0.0, 1.0]), IndexError, ["int64 or bool", "float32"]),
])
def test_getitem_errors(index, exc, words):
    t, _ = make((4, 5), "float32")
    with pytest.raises(exc) as info:
        t[index]
    msg = str(info.value)
    for w in words:
        assert w in msg, msg


def test_getitem_on_0d_errors():
    with pytest.raises(IndexError, match="0-dim"):
        rt.tensor(1.0)[0]
    with pytest.raises(IndexError, match="too many indices"):
        rt.tensor(1.0)[0, 0]


# ---- __setitem__ ---------------------------------------------------------------------------------

SET_INDICES = [
    0, -1, (1, 2), slice(1, 3), slice(None, None, 2), (slice(None), 1), (Ellipsis, slice(1, None, 3)),
    (None, 1), [0, 2], (slice(None), [4, 0]), ([0, 1], [1, 2]), ([0, 3], slice(None), [1, 2]),
    (1, [0, 2], slice(None, 2)), (), Ellipsis,
]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("contiguous", [True, False])
@pytest.mark.parametrize("index", SET_INDICES, ids=repr)
def test_setitem_scalar_and_tensor(index, dtype, contiguous):
    t, a = make((4, 5, 6), dtype, contiguous)
    target = a[index].shape
    t[index] = 1
    a[index] = 1
    check(t, a)
    v = rand_array(target, dtype)
    t[index] = rt.tensor(v) if v.ndim else v.item()
    a[index] = v
    check(t, a)


@pytest.mark.parametrize("contiguous", [True, False])
def test_setitem_broadcast_and_conversions(contiguous):
    t, a = make((4, 5, 6), "float64", contiguous)
    row = rng.standard_normal(6)
    t[1:3] = rt.tensor(row)
    a[1:3] = row
    check(t, a)
    t[[0, 2], :, 1] = rt.tensor(np.array([[1.0], [2.0]]))
    a[[0, 2], :, 1] = np.array([[1.0], [2.0]])
    check(t, a)
    t[0] = np.full((5, 6), 3.0)  # NumPy value
    a[0] = 3.0
    check(t, a)
    t[1, 1] = [1, 2, 3, 4, 5, 6]  # list value
    a[1, 1] = [1, 2, 3, 4, 5, 6]
    check(t, a)
    t[2] = rt.ones(1, 5, 6)  # extra leading 1-dims are allowed (as in torch)
    a[2] = 1.0
    check(t, a)
    t[3, 0] = rt.tensor([7, 8, 9, 10, 11, 12])  # int64 value cast to float64
    a[3, 0] = [7, 8, 9, 10, 11, 12]
    check(t, a)
    i, ai = make((3, 3), "int64")
    i[0] = 2.7  # float into int truncates, like NumPy
    ai[0] = 2.7
    check(i, ai)


@pytest.mark.parametrize("contiguous", [True, False])
def test_setitem_masks(contiguous):
    t, a = make((4, 5, 6), "float32", contiguous)
    m = a > 0.5
    t[rt.tensor(m)] = 0.0
    a[m] = 0.0
    check(t, a)
    m2 = a[:, :, 0] < 0
    vals = rng.standard_normal((int(m2.sum()), 6)).astype(np.float32)
    t[m2] = rt.tensor(vals)
    a[m2] = vals
    check(t, a)
    t[m2] = rt.tensor(np.arange(6, dtype=np.float32))  # broadcast over the selected rows
    a[m2] = np.arange(6, dtype=np.float32)
    check(t, a)
    m1 = np.array([True, False, True, False, False])
    t[:, m1] = -1.0
    a[:, m1] = -1.0
    check(t, a)
    m = a > 0
    vals = rng.standard_normal(int(m.sum())).astype(np.float32)
    t[m] = rt.tensor(vals)
    a[m] = vals
    check(t, a)


def test_setitem_overlapping_memory():
    t, a = make((6, 4), "float64")
    t[1:] = t[:-1]
    a[1:] = a[:-1].copy()
    check(t, a)
    t[:, [1, 0]] = t[:, :2]
    a[:, [1, 0]] = a[:, :2].copy()
    check(t, a)


def test_setitem_bumps_version():
    t, _ = make((3, 4), "float64")
    v = t._version
    t[0] = 1.0
    assert t._version > v


@pytest.mark.parametrize("index,value,exc,words", [
    (0, np.ones(3), ValueError, ["setitem", "(3,)", "(5,)"]),
    ([0, 1], np.ones((3, 5)), ValueError, ["setitem", "(3, 5)", "(2, 5)"]),
    (9, 1.0, IndexError, ["9", "size 4"]),
    ([9], 1.0, IndexError, ["9", "size 4"]),
    ((0, 0, 0), 1.0, IndexError, ["too many indices"]),
    (slice(None, None, -2), 1.0, ValueError, ["step"]),
])
def test_setitem_errors(index, value, exc, words):
    t, _ = make((4, 5), "float64")
    with pytest.raises(exc) as info:
        t[index] = rt.tensor(value) if isinstance(value, np.ndarray) else value
    for w in words:
        assert w in str(info.value), str(info.value)


def test_setitem_autograd():
    x = rt.tensor(rng.standard_normal((3, 4)), requires_grad=True)
    w = rt.tensor(rng.standard_normal(2), requires_grad=True)
    y = x * 2
    y[0, 1:3] = w
    y[[1, 2], 0] = 5.0
    y[np.asarray(x.detach()) > 1.5] = 0.0
    (y * y).sum().backward()
    a = np.asarray(x.detach())
    ya = a * 2
    ya[0, 1:3] = np.asarray(w.detach())
    ya[[1, 2], 0] = 5.0
    ya[a > 1.5] = 0.0
    dx = 2 * 2 * ya
    dx[0, 1:3] = 0
    dx[[1, 2], 0] = 0
    dx[a > 1.5] = 0
    np.testing.assert_allclose(np.asarray(x.grad), dx)
    dw = 2 * ya[0, 1:3] * ~(a[0, 1:3] > 1.5)
    np.testing.assert_allclose(np.asarray(w.grad), dw)
    assert y.grad_fn is not None


def test_setitem_value_requires_grad_into_plain_tensor():
    buf = rt.zeros(2, 3, dtype=rt.float64)
    w = rt.tensor([1.0, 2.0, 3.0], dtype=rt.float64, requires_grad=True)
    buf[1] = w
    assert buf.requires_grad
    (buf * buf).sum().backward()
    np.testing.assert_allclose(np.asarray(w.grad), [2.0, 4.0, 6.0])


def test_setitem_on_leaf_requiring_grad_raises():
    x = rt.zeros(3, dtype=rt.float64, requires_grad=True)
    with pytest.raises(RuntimeError, match="leaf"):
        x[0] = 1.0
    with rt.no_grad():
        x[0] = 1.0  # allowed without grad mode (e.g. in an optimizer step)
    assert x.detach().tolist() == [1.0, 0.0, 0.0]


# ---- iteration -----------------------------------------------------------------------------------

def test_iteration():
    t, a = make((3, 4), "int64", contiguous=False)
    rows = list(t)
    assert len(rows) == 3
    for r, ar in zip(rows, a):
        check(r, ar)
    rows[0].fill_(0)  # rows are views
    assert np.asarray(t)[0].tolist() == [0, 0, 0, 0]
    assert [x.item() for x in rt.tensor([1, 2, 3])] == [1, 2, 3]
    assert list(rt.zeros(0, 2)) == []
    with pytest.raises(TypeError, match="0-d"):
        iter(rt.tensor(1.0))


# ---- selection ops -------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("contiguous", [True, False])
def test_index_select(dtype, contiguous):
    t, a = make((5, 4, 3), dtype, contiguous)
    for dim in range(3):
        idx = rng.integers(-a.shape[dim], a.shape[dim], 7)
        check(t.index_select(dim, rt.tensor(idx)), np.take(a, idx, axis=dim))
        check(rt.index_select(t, dim - 3, rt.tensor(idx)), np.take(a, idx, axis=dim))
    check(t.index_select(0, rt.tensor(np.zeros(0, dtype=np.int64))), a[:0])
    check(t.index_select(1, rt.tensor(2)), a[:, [2]])


def test_index_select_large_batch():
    a = rng.standard_normal((3000, 50)).astype(np.float32)
    idx = rng.integers(0, 3000, 1000)
    t = rt.tensor(a)
    check(t.index_select(0, rt.tensor(idx)), a[idx])
    check(t[rt.tensor(idx)], a[idx])
    check(t[:, ::2][rt.tensor(idx)], a[:, ::2][idx])


def test_index_select_errors():
    t = rt.zeros(3, 4)
    with pytest.raises(IndexError, match="index_select.*5.*size 3"):
        t.index_select(0, rt.tensor([0, 5]))
    with pytest.raises(TypeError, match="index_select.*int64"):
        t.index_select(0, rt.tensor([0.0]))
    with pytest.raises(ValueError, match="index_select"):
        t.index_select(0, rt.tensor([[0]]))
    with pytest.raises(IndexError, match="index_select"):
        t.index_select(2, rt.tensor([0]))


@pytest.mark.parametrize("contiguous", [True, False])
def test_take(contiguous):
    t, a = make((4, 5), "float64", contiguous)
    idx = np.array([[0, 19], [-1, 7]])
    check(t.take(rt.tensor(idx)), np.take(a, idx))
    with pytest.raises(IndexError, match="take.*20"):
        t.take(rt.tensor([20]))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("contiguous", [True, False])
def test_masked_fill(dtype, contiguous):
    t, a = make((4, 5), dtype, contiguous)
    m = rng.random((4, 5)) > 0.5
    value = True if dtype == "bool" else 3
    check(t.masked_fill(rt.tensor(m), value), np.where(m, np.array(value, dtype=a.dtype), a))
    m1 = rng.random(5) > 0.5
    check(rt.masked_fill(t, rt.tensor(m1), rt.tensor(value)), np.where(m1, np.array(value, dtype=a.dtype), a))
    r = t.masked_fill_(rt.tensor(m1), value)
    assert r is t
    check(t, np.where(m1, np.array(value, dtype=a.dtype), a))


def test_masked_fill_large_and_broadcast_mask():
    a = rng.standard_normal((2, 3, 64, 64)).astype(np.float32)
    m = np.triu(np.ones((64, 64), dtype=bool), 1)
    t = rt.tensor(a)
    check(t.masked_fill(rt.tensor(m), -np.inf), np.where(m, np.float32(-np.inf), a))
    m4 = rng.random((2, 1, 64, 1)) > 0.5
    check(t.masked_fill(rt.tensor(m4), 0.0), np.where(m4, np.float32(0), a))


def test_masked_fill_errors():
    t = rt.zeros(2, 3)
    with pytest.raises(TypeError, match="masked_fill.*bool"):
        t.masked_fill(rt.tensor([1, 0, 1]), 1.0)
    with pytest.raises(ValueError, match="masked_fill"):
        t.masked_fill(rt.tensor([True, False]), 1.0)
    with pytest.raises(ValueError, match="masked_fill_"):
        t.masked_fill_(rt.tensor(np.ones((4, 2, 3), dtype=bool)), 1.0)
    with pytest.raises(ValueError, match="masked_fill.*0-dimensional"):
        t.masked_fill(rt.tensor([True, False, True]), rt.tensor([1.0]))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("contiguous", [True, False])
def test_masked_select(dtype, contiguous):
    t, a = make((4, 5), dtype, contiguous)
    m = rng.random((4, 5)) > 0.5
    check(t.masked_select(rt.tensor(m)), a[m])
    m1 = rng.random(5) > 0.5
    check(rt.masked_select(t, rt.tensor(m1)), np.broadcast_to(a, (4, 5))[np.broadcast_to(m1, (4, 5))])
    check(t.masked_select(rt.tensor(np.zeros((4, 5), dtype=bool))), a[:0, 0])


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", [(7,), (4, 5), (3, 4, 5), (0, 3), ()])
def test_nonzero(dtype, shape):
    a = rand_array(shape, dtype) if shape else np.array(rand_array((1,), dtype)[0])
    if dtype != "bool" and a.size:
        a.flat[:: 2] = 0
    t = rt.tensor(a.tolist() if a.ndim == 0 else a)
    check(t.nonzero(), np.argwhere(a))
    check(rt.argwhere(t), np.argwhere(a))
    tup = rt.nonzero(t, as_tuple=True)
    expected = np.nonzero(np.atleast_1d(a))
    assert len(tup) == len(expected)
    for got, e in zip(tup, expected):
        check(got, e)


def test_nonzero_large():
    a = rng.random((300, 200)) > 0.7
    check(rt.tensor(a).nonzero(), np.argwhere(a))
    check(rt.tensor(a)[:, ::2].nonzero(), np.argwhere(a[:, ::2]))


@pytest.mark.parametrize("dtype", ["float32", "float64", "int64"])
def test_index_put(dtype):
    t, a = make((5, 4), dtype)
    idx = np.array([1, 3, 1])
    v = rand_array((3, 4), dtype)
    out = t.index_put((rt.tensor(idx),), rt.tensor(v), accumulate=True)
    e = a.copy()
    np.add.at(e, idx, v)
    check(out, e)
    check(t, a)  # out of place
    r = t.index_put_((rt.tensor([0, 2]), rt.tensor([1, 3])), rt.tensor(np.array(9, dtype=a.dtype).reshape(1)))
    assert r is t
    a[[0, 2], [1, 3]] = 9
    check(t, a)
    t.index_put_((None, rt.tensor([0, 0])), rt.tensor(np.ones(1, dtype=a.dtype)), accumulate=True)
    a[:, 0] += 1  # duplicates accumulate one after the other
    a[:, 0] += 1
    check(t, a)
    m = rng.random((5, 4)) > 0.5
    t.index_put_((rt.tensor(m),), rt.tensor(np.ones(1, dtype=a.dtype)), accumulate=True)
    a[m] += 1
    check(t, a)


def test_index_put_errors():
    t = rt.zeros(3, 4)
    with pytest.raises(IndexError, match="index_put_.*7"):
        t.index_put_((rt.tensor([7]),), rt.tensor([1.0]))
    with pytest.raises(ValueError, match="index_put_.*shape mismatch"):
        t.index_put_((rt.tensor([0, 1]),), rt.ones(3, 4))
    with pytest.raises(IndexError, match="too many indices"):
        t.index_put_((rt.tensor([0]), rt.tensor([0]), rt.tensor([0])), rt.tensor([1.0]))


@pytest.mark.parametrize("dtype", ["float32", "float64", "int64"])
@pytest.mark.parametrize("contiguous", [True, False])
def test_index_add(dtype, contiguous):
    t, a = make((5, 4), dtype, contiguous)
    for dim in (0, 1):
        idx = rng.integers(0, a.shape[dim], 6)
        src_shape = (6, 4) if dim == 0 else (5, 6)
        s = rand_array(src_shape, dtype)
        e = a.copy()
        np.add.at(e, (idx,) if dim == 0 else (slice(None), idx), 2 * s)
        check(t.index_add(dim, rt.tensor(idx), rt.tensor(s), alpha=2), e)
        check(rt.index_add(t, dim, rt.tensor(idx), rt.tensor(s), alpha=2), e)
    r = t.index_add_(0, rt.tensor([0, 0]), rt.tensor(np.ones((2, 4), dtype=a.dtype)))
    assert r is t
    a[0] += 1
    a[0] += 1
    check(t, a)
    with pytest.raises(ValueError, match="index_add_.*source"):
        t.index_add_(0, rt.tensor([0]), rt.tensor(np.ones((2, 4), dtype=a.dtype)))


# ---- large inputs: several mask blocks, parallel paths -------------------------------------------

@pytest.mark.parametrize("contiguous", [True, False])
def test_large_mask_get_and_set(contiguous):
    t, a = make((300, 200), "float32", contiguous)
    m = rng.random((300, 200)) > 0.3
    check(t[m], a[m])
    check(t[:, ::3][m[:, ::3]], a[:, ::3][m[:, ::3]])
    rows = rng.random(300) > 0.5
    check(t[rows], a[rows])
    vals = rng.standard_normal(int(m.sum())).astype(np.float32)
    t[m] = rt.tensor(vals)
    a[m] = vals
    check(t, a)
    t[rows] = rt.tensor(np.arange(200, dtype=np.float32))
    a[rows] = np.arange(200, dtype=np.float32)
    check(t, a)
    t[~m] = -1.0
    a[~m] = -1.0
    check(t, a)
    acc = t.index_put((rt.tensor(m),), rt.tensor(np.ones(int(m.sum()), np.float32)), accumulate=True)
    a2 = a.copy()
    a2[m] += 1
    check(acc, a2)


def test_large_index_put_accumulate_is_sequential():
    a = np.zeros((50, 40))
    idx = rng.integers(0, 50, 5000)
    v = rng.standard_normal((5000, 40))
    t = rt.tensor(a)
    t.index_put_((rt.tensor(idx),), rt.tensor(v), accumulate=True)
    np.add.at(a, idx, v)
    check(t, a)  # duplicates are summed in index order, bit for bit
    b = np.zeros((40, 50))
    tb = rt.tensor(b)
    tb.index_put_((None, rt.tensor(idx)), rt.tensor(np.ascontiguousarray(v.T)), accumulate=True)
    np.add.at(b, (slice(None), idx), v.T)
    check(tb, b)


# ---- random index expressions against torch ------------------------------------------------------

def _random_index(shape, r):
    """A random index tuple for `shape` and its two spellings (rustorch, torch)."""
    torch = pytest.importorskip("torch")
    items_rt, items_t = [], []
    dim, used_ellipsis = 0, False
    for _ in range(r.integers(1, 5)):
        kind = r.choice(["int", "slice", "none", "ellipsis", "list", "mask", "tensor"])
        if kind == "none":
            items_rt.append(None), items_t.append(None)
            continue
        if kind == "ellipsis":
            if used_ellipsis:
                continue
            used_ellipsis = True
            items_rt.append(Ellipsis), items_t.append(Ellipsis)
            break
        if dim >= len(shape):
            break
        n = shape[dim]
        if kind == "int":
            i = int(r.integers(-n, n))
            items_rt.append(i), items_t.append(i)
        elif kind == "slice":
            s = slice(int(r.integers(-n - 1, n + 1)), int(r.integers(-n - 1, n + 2)), int(r.integers(1, 4)))
            items_rt.append(s), items_t.append(s)
        elif kind == "list":
            v = [int(x) for x in r.integers(-n, n, r.integers(0, 4))]
            items_rt.append(v), items_t.append(torch.tensor(v, dtype=torch.int64))
        elif kind == "mask":
            m = r.random(n) > 0.5
            items_rt.append(rt.tensor(m)), items_t.append(torch.tensor(m))
        else:
            v = r.integers(-n, n, (2, 3))
            items_rt.append(rt.tensor(v)), items_t.append(torch.tensor(v))
        dim += 1
    return tuple(items_rt), tuple(items_t)


@pytest.mark.parametrize("seed", range(60))
def test_random_indices_match_torch(seed):
    torch = pytest.importorskip("torch")
    r = np.random.default_rng(seed)
    a = r.standard_normal((4, 5, 6))
    t = rt.tensor(a)
    tt = torch.tensor(a)
    idx_rt, idx_t = _random_index(a.shape, r)
    try:
        expected = tt[idx_t].numpy()
    except IndexError:
        with pytest.raises(IndexError):
            t[idx_rt]
        return
    check(t[idx_rt], expected)
    v = r.standard_normal(expected.shape)
    t[idx_rt] = rt.tensor(v) if v.ndim else float(v)
    tt[idx_t] = torch.tensor(v)
    if not any(isinstance(x, (list, rt.Tensor)) for x in idx_rt):
        check(t, tt.numpy())  # with tensor indices, which of repeated positions wins is unspecified
