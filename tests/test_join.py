"""Joining and splitting: cat, stack, hstack, vstack, split, chunk, tensor_split, unbind against NumPy."""
import numpy as np
import pytest

import rustorch as rt

rng = np.random.default_rng(1)
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


# ---- cat / stack ---------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("contiguous", [True, False])
@pytest.mark.parametrize("dim", [0, 1, 2, -1])
def test_cat(dtype, contiguous, dim):
    shapes = [[2, 3, 4], [2, 3, 4], [2, 3, 4]]
    d = dim % 3
    for s, n in zip(shapes, (1, 3, 0)):
        s[d] = n
    pairs = [make(tuple(s), dtype, contiguous) for s in shapes]
    check(rt.cat([t for t, _ in pairs], dim), np.concatenate([a for _, a in pairs], d))
    check(rt.cat(tuple(t for t, _ in pairs), dim=dim), np.concatenate([a for _, a in pairs], d))


def test_cat_aliases_and_single():
    t, a = make((2, 3))
    check(rt.concat([t, t], 1), np.concatenate([a, a], 1))
    check(rt.concatenate([t, t], axis=0), np.concatenate([a, a], 0))
    r = rt.cat([t])
    check(r, a)
    assert r.data_ptr() != t.data_ptr()  # always a new tensor


def test_cat_type_promotion():
    i, ai = make((2, 3), "int64")
    f, af = make((1, 3), "float32")
    b, ab = make((1, 3), "bool")
    check(rt.cat([i, f]), np.concatenate([ai.astype(np.float32), af]))
    check(rt.cat([b, i]), np.concatenate([ab.astype(np.int64), ai]))
    d, ad = make((1, 3), "float64")
    check(rt.cat([f, d]), np.concatenate([af.astype(np.float64), ad]))


def test_cat_skips_legacy_empty():
    t, a = make((2, 3))
    e = rt.zeros(0, dtype=rt.float64)
    check(rt.cat([e, t, e]), a)
    check(rt.cat([t, e], dim=1), a)
    check(rt.cat([e, e]), np.zeros(0))
    z, az = make((0, 3))
    check(rt.cat([z, t]), a)


def test_cat_many_small_and_large():
    parts = [make((1, 5), "float32") for _ in range(100)]
    check(rt.cat([t for t, _ in parts]), np.concatenate([a for _, a in parts]))
    check(rt.cat([t for t, _ in parts], 1), np.concatenate([a for _, a in parts], 1))
    big = [make((300, 700), "float32") for _ in range(2)]
    check(rt.cat([t for t, _ in big], 1), np.concatenate([a for _, a in big], 1))
    check(rt.cat([t for t, _ in big], 0), np.concatenate([a for _, a in big], 0))


@pytest.mark.parametrize("tensors,dim,exc,words", [
    ([], 0, ValueError, ["cat", "non-empty"]),
    ([(2, 3), (2, 4)], 0, ValueError, ["cat", "dimension 0", "Expected size 3", "got size 4", "tensor number 1", "(2, 3)", "(2, 4)"]),
    ([(2, 3), (3,)], 0, ValueError, ["cat", "same number of dimensions", "(2, 3)", "(3,)"]),
    ([(2, 3), (2, 3)], 2, IndexError, ["cat", "dimension 2"]),
    ([(), ()], 0, ValueError, ["cat", "zero-dimensional"]),
])
def test_cat_errors(tensors, dim, exc, words):
    ts = [rt.zeros(*s) for s in tensors]
    with pytest.raises(exc) as info:
        rt.cat(ts, dim)
    for w in words:
        assert w in str(info.value), str(info.value)


def test_cat_type_errors():
    with pytest.raises(TypeError, match="cat"):
        rt.cat(rt.zeros(2, 3))
    with pytest.raises(TypeError, match="cat.*element 1"):
        rt.cat([rt.zeros(2), 3.0])


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("contiguous", [True, False])
@pytest.mark.parametrize("dim", [0, 1, 2, -1, -3])
def test_stack(dtype, contiguous, dim):
    pairs = [make((2, 3), dtype, contiguous) for _ in range(3)]
    check(rt.stack([t for t, _ in pairs], dim), np.stack([a for _, a in pairs], dim))


def test_stack_0d_and_empty():
    check(rt.stack([rt.tensor(1), rt.tensor(2)]), np.array([1, 2]))
    check(rt.stack([rt.zeros(0, 2, dtype=rt.float64)] * 3, 1), np.zeros((0, 3, 2)))


def test_stack_errors():
    with pytest.raises(ValueError, match=r"stack.*\(2, 3\) at entry 0.*\(2, 4\) at entry 1"):
        rt.stack([rt.zeros(2, 3), rt.zeros(2, 4)])
    with pytest.raises(ValueError, match="stack.*non-empty"):
        rt.stack([])
    with pytest.raises(IndexError, match="stack"):
        rt.stack([rt.zeros(2)], 2)


def test_hstack_vstack():
    a1, b1 = make((3,)), make((2,))
    check(rt.hstack([a1[0], b1[0]]), np.hstack([a1[1], b1[1]]))
    a2, b2 = make((2, 3)), make((2, 1), contiguous=False)
    check(rt.hstack([a2[0], b2[0]]), np.hstack([a2[1], b2[1]]))
    c = make((3,))
    check(rt.vstack([a2[0], c[0]]), np.vstack([a2[1], c[1]]))
    check(rt.vstack([c[0], c[0]]), np.vstack([c[1], c[1]]))


# ---- split / chunk / tensor_split / unbind ---------------------------------------------------------

def check_parts(parts, expected, base):
    assert isinstance(parts, tuple)
    assert len(parts) == len(expected), (len(parts), len(expected))
    for p, e in zip(parts, expected):
        check(p, e)
        if p.numel():
            assert p.data_ptr() >= base.data_ptr()  # views of the input's storage


@pytest.mark.parametrize("contiguous", [True, False])
@pytest.mark.parametrize("size", [1, 2, 3, 7])
def test_split_int(contiguous, size):
    t, a = make((7, 4), "float32", contiguous)
    check_parts(t.split(size), np.split(a, range(size, 7, size)), t)
    check_parts(rt.split(t, size, dim=1), np.split(a, range(size, 4, size), axis=1), t)


def test_split_sections_and_views():
    t, a = make((6, 4), "int64")
    check_parts(t.split([1, 0, 5]), [a[:1], a[1:1], a[1:]], t)
    check_parts(rt.split(t, (2, 2), -1), [a[:, :2], a[:, 2:]], t)
    parts = t.split(3)
    parts[1].fill_(0)
    assert np.asarray(t)[3:].sum() == 0
    check_parts(rt.zeros(0, 2).split(2), [np.zeros((0, 2), np.float32)], rt.zeros(1))


def test_split_errors():
    t = rt.zeros(5)
    with pytest.raises(ValueError, match="split_with_sizes.*sum exactly to 5"):
        t.split([2, 2])
    with pytest.raises(ValueError, match="split.*0"):
        t.split(0)
    with pytest.raises(IndexError, match="split"):
        rt.tensor(1.0).split(1)


@pytest.mark.parametrize("n,chunks", [(6, 3), (6, 4), (5, 3), (7, 7), (2, 5), (0, 3)])
def test_chunk(n, chunks):
    t, a = make((n, 2), "float64")
    size = -(-n // chunks) if n else 0
    expected = [a[i:i + size] for i in range(0, n, size)] if n else [a] * chunks
    check_parts(t.chunk(chunks), expected, t)
    check_parts(rt.chunk(t.T, chunks, dim=1), [e.T for e in expected], t)


def test_chunk_errors():
    with pytest.raises(ValueError, match="chunk.*greater than 0"):
        rt.zeros(3).chunk(0)


@pytest.mark.parametrize("arg", [3, 4, 7, 1, [2, 5], [0, 3, 3, 9], [], rt.tensor([1, 4]), rt.tensor(2)], ids=repr)
@pytest.mark.parametrize("contiguous", [True, False])
def test_tensor_split(arg, contiguous):
    t, a = make((7, 3), "float32", contiguous)
    np_arg = arg.tolist() if isinstance(arg, rt.Tensor) else arg
    check_parts(t.tensor_split(arg), np.array_split(a, np_arg), t)
    check_parts(rt.tensor_split(t.T, arg, dim=1), [p.T for p in np.array_split(a, np_arg)], t)


def test_tensor_split_errors():
    with pytest.raises(ValueError, match="tensor_split.*sections"):
        rt.zeros(3).tensor_split(0)


@pytest.mark.parametrize("dim", [0, 1, -1])
def test_unbind(dim):
    t, a = make((3, 4), "int64", contiguous=False)
    parts = rt.unbind(t, dim)
    check_parts(parts, [np.take(a, i, axis=dim) for i in range(a.shape[dim])], t)
    assert len(t.unbind()) == 3
    with pytest.raises(IndexError, match="unbind"):
        rt.tensor(1.0).unbind()


def test_join_autograd():
    a = rt.tensor(rng.standard_normal((2, 3)), requires_grad=True)
    b = rt.tensor(rng.standard_normal((1, 3)).astype(np.float32), requires_grad=True)
    y = rt.cat([a, b]) * rt.tensor(np.arange(9.0).reshape(3, 3))
    y.sum().backward()
    np.testing.assert_allclose(np.asarray(a.grad), np.arange(6.0).reshape(2, 3))
    assert b.grad.dtype == rt.float32
    np.testing.assert_allclose(np.asarray(b.grad), [[6.0, 7.0, 8.0]])
    x = rt.tensor(rng.standard_normal((4, 3)), requires_grad=True)
    p, q = x.split([1, 3])
    (p.sum() * 2 + q.sum()).backward()
    np.testing.assert_allclose(np.asarray(x.grad), [[2.0] * 3] + [[1.0] * 3] * 3)
