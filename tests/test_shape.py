"""View and shape ops against NumPy: view/reshape/expand/transpose/permute/squeeze/unsqueeze,
flatten/unflatten, movedim, swapaxes, .T/.mT/.t(), narrow/select, and the copies repeat/tile/flip."""
import numpy as np
import pytest

import rustorch as rt

rng = np.random.default_rng(2)
DTYPES = ["float32", "float64", "int64", "bool"]


def rand_array(shape, dtype):
    if dtype == "bool":
        return rng.random(shape) > 0.5
    if dtype == "int64":
        return rng.integers(-50, 50, size=shape).astype(np.int64)
    return rng.standard_normal(shape).astype(dtype)


def make(shape, dtype="float64", contiguous=True):
    a = rand_array(shape, dtype)
    if contiguous or len(shape) < 2:
        return rt.tensor(a), a
    rev = tuple(reversed(range(len(shape))))
    return rt.tensor(np.ascontiguousarray(a.transpose(rev))).permute(*rev), a


def check(t, expected):
    got, expected = np.asarray(t), np.asarray(expected)
    assert got.shape == expected.shape, (got.shape, expected.shape)
    assert got.dtype == expected.dtype, (got.dtype, expected.dtype)
    np.testing.assert_array_equal(got, expected)


def shares_memory(view, base):
    """Writing through view is seen in base."""
    before = np.asarray(base).copy()
    view.fill_(1)
    return not np.array_equal(np.asarray(base), before) or np.all(before == 1)


# ---- the existing view ops -----------------------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("contiguous", [True, False])
def test_reshape_family(dtype, contiguous):
    t, a = make((2, 3, 4), dtype, contiguous)
    check(t.reshape(4, -1), a.reshape(4, -1))
    check(rt.reshape(t, (24,)), a.reshape(24))
    check(t.transpose(0, 2), a.transpose(2, 1, 0))
    check(t.permute(1, 2, 0), a.transpose(1, 2, 0))
    check(t.unsqueeze(1), a[:, None])
    check(t.unsqueeze(-1), a[..., None])
    check(t[:, :1].squeeze(), a[:, :1].squeeze())
    check(t[:, :1].squeeze(1), a[:, 0])
    check(t[:1, :, :1].expand(3, 3, 2), np.broadcast_to(a[:1, :, :1], (3, 3, 2)))
    if contiguous:
        check(t.view(6, 4), a.reshape(6, 4))


# ---- flatten / unflatten -------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("contiguous", [True, False])
@pytest.mark.parametrize("start,end", [(0, -1), (1, 2), (0, 1), (2, 2), (-2, -1)])
def test_flatten(dtype, contiguous, start, end):
    t, a = make((2, 3, 4), dtype, contiguous)
    s, e = start % 3, end % 3
    expected = a.reshape(a.shape[:s] + (-1,) + a.shape[e + 1:])
    check(t.flatten(start, end), expected)
    check(rt.flatten(t, start_dim=start, end_dim=end), expected)


def test_flatten_view_and_0d():
    t, a = make((2, 3, 4))
    f = t.flatten()
    assert f.data_ptr() == t.data_ptr()
    assert shares_memory(f[:5], t)
    check(rt.tensor(3.0, dtype=rt.float64).flatten(), np.array([3.0]))
    check(rt.zeros(0, 3).flatten(), np.zeros(0, np.float32))
    with pytest.raises(ValueError, match="flatten.*start_dim"):
        t.flatten(2, 1)
    with pytest.raises(IndexError, match="flatten"):
        t.flatten(0, 3)


@pytest.mark.parametrize("contiguous", [True, False])
def test_unflatten(contiguous):
    t, a = make((6, 4), "int64", contiguous)
    check(t.unflatten(0, (2, 3)), a.reshape(2, 3, 4))
    check(t.unflatten(-1, (2, -1)), a.reshape(6, 2, 2))
    check(rt.unflatten(t, 1, [4]), a)
    with pytest.raises(ValueError, match="unflatten.*don't multiply up"):
        t.unflatten(0, (4, 2))
    with pytest.raises(ValueError, match="unflatten.*non-empty"):
        t.unflatten(0, ())


# ---- movedim / swapaxes / T / mT / t -------------------------------------------------------------

@pytest.mark.parametrize("src,dst", [(0, -1), (-1, 0), ((0, 1), (2, 0)), ([2, 0], [0, 1]), (1, 1)])
@pytest.mark.parametrize("contiguous", [True, False])
def test_movedim(src, dst, contiguous):
    t, a = make((2, 3, 4), "float32", contiguous)
    check(t.movedim(src, dst), np.moveaxis(a, src, dst))
    check(rt.movedim(t, src, dst), np.moveaxis(a, src, dst))
    check(rt.moveaxis(t, src, dst), np.moveaxis(a, src, dst))
    assert t.movedim(src, dst).data_ptr() == t.data_ptr()


def test_movedim_errors():
    t = rt.zeros(2, 3)
    with pytest.raises(ValueError, match="movedim.*same number"):
        t.movedim((0, 1), (1,))
    with pytest.raises(ValueError, match="movedim.*repeated"):
        t.movedim((0, 0), (0, 1))
    with pytest.raises(IndexError, match="movedim"):
        t.movedim(2, 0)


@pytest.mark.parametrize("contiguous", [True, False])
def test_transposes(contiguous):
    t, a = make((2, 3, 4), "float64", contiguous)
    check(t.swapaxes(0, 2), np.swapaxes(a, 0, 2))
    check(rt.swapdims(t, -1, 1), np.swapaxes(a, -1, 1))
    check(t.T, a.T)
    check(t.mT, np.swapaxes(a, -1, -2))
    m, am = make((3, 5), "int64", contiguous)
    check(m.t(), am.T)
    check(rt.t(m), am.T)
    check(m.T, am.T)
    v, av = make((4,))
    check(v.T, av)
    check(v.t(), av)
    s = rt.tensor(2.0, dtype=rt.float64)
    check(s.T, np.float64(2.0))
    assert t.T.data_ptr() == t.data_ptr()
    with pytest.raises(ValueError, match="mT"):
        v.mT
    with pytest.raises(ValueError, match="t: expects"):
        t.t()


def test_T_backward():
    x = rt.tensor(rng.standard_normal((2, 3)), requires_grad=True)
    (x.T * rt.tensor(np.arange(6.0).reshape(3, 2))).sum().backward()
    np.testing.assert_allclose(np.asarray(x.grad), np.arange(6.0).reshape(3, 2).T)


# ---- narrow / select -----------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("contiguous", [True, False])
def test_narrow_select(dtype, contiguous):
    t, a = make((4, 5, 3), dtype, contiguous)
    check(t.narrow(1, 1, 3), a[:, 1:4])
    check(rt.narrow(t, -1, -2, 2), a[..., 1:3])
    check(t.narrow(0, 4, 0), a[4:4])
    check(t.select(1, -1), a[:, -1])
    check(rt.select(t, 2, 0), a[..., 0])
    assert t.select(0, 2).data_ptr() == t.data_ptr() + 2 * t.stride(0) * t.element_size()


def test_narrow_select_share_memory():
    t, a = make((4, 5))
    assert shares_memory(t.narrow(0, 1, 2), t)
    assert np.all(np.asarray(t)[1:3] == 1)
    t.select(1, 4).fill_(-2)
    assert np.all(np.asarray(t)[:, 4] == -2)


def test_narrow_select_errors():
    t = rt.zeros(4, 5)
    with pytest.raises(ValueError, match=r"narrow: start \(3\) \+ length \(3\) exceeds dimension size \(5\)"):
        t.narrow(1, 3, 3)
    with pytest.raises(IndexError, match="narrow: start"):
        t.narrow(0, 5 + 1, 0)
    with pytest.raises(IndexError, match="select: index 5 is out of bounds for dimension 1 with size 5"):
        t.select(1, 5)
    with pytest.raises(IndexError, match="select"):
        t.select(2, 0)
    with pytest.raises(IndexError, match="select.*0-dim"):
        rt.tensor(1.0).select(0, 0)


# ---- slice_scatter / select_scatter --------------------------------------------------------------

def test_scatter_views():
    t, a = make((4, 5))
    src, asrc = make((4, 2))
    e = a.copy()
    e[:, 1::2] = asrc
    check(rt.slice_scatter(t, src, dim=1, start=1, step=2), e)
    check(t, a)
    row, arow = make((5,))
    e = a.copy()
    e[-1] = arow
    check(rt.select_scatter(t, row, 0, -1), e)
    with pytest.raises(ValueError, match="slice_scatter"):
        rt.slice_scatter(t, src, dim=1)
    with pytest.raises(ValueError, match="select_scatter"):
        rt.select_scatter(t, src, 0, 0)


# ---- repeat / tile / flip ------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("contiguous", [True, False])
@pytest.mark.parametrize("reps", [(1, 1), (2, 3), (2, 1, 2), (3, 0), (1, 2, 1, 1)])
def test_repeat_tile(dtype, contiguous, reps):
    t, a = make((2, 3), dtype, contiguous)
    check(t.repeat(*reps), np.tile(a, reps))
    check(t.repeat(reps), np.tile(a, reps))
    check(rt.tile(t, reps), np.tile(a, reps))
    check(t.tile(reps[-1:]), np.tile(a, reps[-1:]))
    r = t.repeat(1, 1)
    assert r.data_ptr() != t.data_ptr()  # always a copy


def test_repeat_errors():
    with pytest.raises(ValueError, match="repeat.*smaller"):
        rt.zeros(2, 3).repeat(2)
    with pytest.raises(ValueError, match="repeat.*negative"):
        rt.zeros(2, 3).repeat(2, -1)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("contiguous", [True, False])
@pytest.mark.parametrize("dims", [(0,), (1,), (-1, 0), (0, 1, 2), ()])
def test_flip(dtype, contiguous, dims):
    t, a = make((3, 4, 5), dtype, contiguous)
    check(t.flip(dims), np.flip(a, dims) if dims else a)
    check(rt.flip(t, list(dims)), np.flip(a, dims) if dims else a)
    if dims:
        check(t.flip(*dims), np.flip(a, dims))
    f = t.flip(dims)
    f.fill_(0) if dtype != "bool" else f.fill_(False)
    check(t, a)  # a copy


def test_flip_edge_cases():
    check(rt.zeros(0, 3).flip(0), np.zeros((0, 3), np.float32))
    check(rt.tensor(2.0, dtype=rt.float64).flip(0), np.float64(2.0))
    with pytest.raises(ValueError, match="flip.*multiple times"):
        rt.zeros(2, 3).flip(0, 0)
    with pytest.raises(IndexError, match="flip"):
        rt.zeros(2, 3).flip(2)
