"""Matrix products (matmul/@, mm, bmm, mv, dot, outer, inner, addmm) and einsum, against NumPy."""
import threading

import numpy as np
import pytest

import rustorch as rt

rng = np.random.default_rng(0)

NP_DTYPES = {rt.float32: np.float32, rt.float64: np.float64, rt.int64: np.int64, rt.bool: np.bool_}
TOL = {rt.float32: dict(rtol=1e-5, atol=1e-5), rt.float64: dict(rtol=1e-12, atol=1e-12),
       rt.int64: dict(rtol=0, atol=0), rt.bool: dict(rtol=0, atol=0)}


def values(shape, dtype):
    if dtype == rt.int64:
        return rng.integers(-5, 6, size=shape).astype(np.int64)
    if dtype == rt.bool:
        return rng.random(shape) > 0.6
    return rng.standard_normal(shape).astype(NP_DTYPES[dtype])


def np_matmul(a, b):
    if a.dtype == np.bool_:
        return (a.astype(np.int64) @ b.astype(np.int64)) > 0 if a.ndim + b.ndim > 2 else bool(np.any(a & b))
    return np.matmul(a, b)


def check(got, expected, dtype):
    assert got.dtype == dtype
    assert got.shape == np.shape(expected), (got.shape, np.shape(expected))
    np.testing.assert_allclose(np.asarray(got.numpy(), dtype=np.float64), np.asarray(expected, dtype=np.float64),
                               **TOL[dtype])


SHAPES = [
    ((3,), (3,)), ((4,), (4, 5)), ((2, 4), (4,)), ((2, 3), (3, 4)), ((1, 3), (3, 1)), ((3, 1), (1, 4)),
    ((5,), (2, 5, 3)), ((2, 3, 5), (5,)), ((2, 3, 4), (4, 5)), ((3, 4), (2, 4, 5)), ((2, 3, 4), (2, 4, 5)),
    ((2, 1, 3, 4), (5, 4, 2)), ((1, 3, 4), (6, 4, 2)), ((6, 3, 4), (1, 4, 2)), ((2, 1, 2, 3), (1, 3, 3, 2)),
    ((7, 1, 3), (7, 3, 1)), ((1, 1, 8), (8, 1)), ((2, 2, 2, 3, 4), (4, 3)),
    ((0,), (0,)), ((0, 3), (3, 4)), ((2, 0), (0, 4)), ((2, 3), (3, 0)), ((0, 2, 3), (3, 4)), ((2, 3, 0), (0, 5)),
    ((3, 0), (0,)), ((0,), (0, 3)),
]


@pytest.mark.parametrize("dtype", [rt.float32, rt.float64, rt.int64])
@pytest.mark.parametrize("sa,sb", SHAPES)
def test_matmul_matches_numpy(sa, sb, dtype):
    a, b = values(sa, dtype), values(sb, dtype)
    expected = np.matmul(a, b)
    check(rt.matmul(rt.tensor(a), rt.tensor(b)), expected, dtype)
    check(rt.tensor(a) @ rt.tensor(b), expected, dtype)
    check(rt.tensor(a).matmul(rt.tensor(b)), expected, dtype)


@pytest.mark.parametrize("sa,sb", [((3,), (3,)), ((2, 3), (3, 4)), ((2, 3, 4), (4,)), ((2, 2, 3), (1, 3, 2))])
def test_bool_matmul_is_or_of_ands(sa, sb):
    a, b = values(sa, rt.bool), values(sb, rt.bool)
    got = rt.tensor(a) @ rt.tensor(b)
    assert got.dtype == rt.bool
    np.testing.assert_array_equal(got.numpy(), np_matmul(a, b))


def noncontiguous_variants(x):
    """Non-contiguous tensors holding the values x: transposed storage, a stepped view of a larger
    array (shared with NumPy), and a permuted batch dim."""
    out = []
    if x.ndim >= 2:
        out.append(rt.tensor(np.ascontiguousarray(np.swapaxes(x, -1, -2))).transpose(-1, -2))
    big = np.zeros(x.shape[:-1] + (2 * x.shape[-1],), x.dtype)
    big[..., ::2] = x
    out.append(rt.from_numpy(big[..., ::2]))
    if x.ndim >= 3:
        out.append(rt.tensor(np.ascontiguousarray(np.moveaxis(x, 0, -1))).permute(x.ndim - 1, *range(x.ndim - 1)))
    return out


@pytest.mark.parametrize("dtype", [rt.float32, rt.float64, rt.int64])
@pytest.mark.parametrize("sa,sb", [((3, 4), (4, 5)), ((4,), (4, 5)), ((3, 4), (4,)), ((2, 3, 4), (2, 4, 5)),
                                   ((2, 3, 4), (4, 6)), ((5, 1), (1, 6)), ((1, 4), (4, 1)), ((2, 3, 4), (4,))])
def test_matmul_non_contiguous_inputs(sa, sb, dtype):
    a, b = values(sa, dtype), values(sb, dtype)
    expected = np.matmul(a, b)
    for ta in [rt.tensor(a)] + noncontiguous_variants(a):
        for tb in [rt.tensor(b)] + noncontiguous_variants(b):
            np.testing.assert_array_equal(ta.numpy(), a)
            np.testing.assert_array_equal(tb.numpy(), b)
            check(ta @ tb, expected, dtype)


def test_matmul_with_expanded_operands():
    a = rng.standard_normal((1, 4)).astype(np.float32)
    b = rng.standard_normal((4, 3)).astype(np.float32)
    check(rt.tensor(a).expand(5, 4) @ rt.tensor(b), np.broadcast_to(a, (5, 4)) @ b, rt.float32)  # stride-0 rows
    col = rng.standard_normal((4, 1)).astype(np.float32)
    check(rt.tensor(a) @ rt.tensor(col).expand(4, 6), a @ np.broadcast_to(col, (4, 6)), rt.float32)  # stride-0 cols
    x = rng.standard_normal((3, 2, 4)).astype(np.float32)
    check(rt.tensor(x) @ rt.tensor(b).unsqueeze(0).expand(3, 4, 3), x @ b, rt.float32)  # stride-0 batch
    v = rt.tensor(np.ones(1, np.float32)).expand(4)  # a stride-0 vector
    check(rt.tensor(b.T.copy()) @ v, b.T @ np.ones(4, np.float32), rt.float32)
    check(v @ rt.tensor(b), np.ones(4, np.float32) @ b, rt.float32)


def test_matmul_large_batched_and_folded_paths():
    a = rng.standard_normal((4, 33, 70))
    b = rng.standard_normal((70, 41))
    check(rt.tensor(a) @ rt.tensor(b), a @ b, rt.float64)  # folded into one GEMM
    check(rt.tensor(a).transpose(0, 1) @ rt.tensor(b), np.swapaxes(a, 0, 1) @ b, rt.float64)  # not foldable
    check(rt.tensor(a) @ rt.tensor(b[:, :1].copy()).squeeze(1), a @ b[:, 0], rt.float64)  # folded GEMV
    bb = rng.standard_normal((4, 70, 41))
    check(rt.tensor(a) @ rt.tensor(bb), a @ bb, rt.float64)
    big_a = rng.standard_normal((300, 200)).astype(np.float32)
    big_b = rng.standard_normal((200, 250)).astype(np.float32)
    np.testing.assert_allclose((rt.tensor(big_a) @ rt.tensor(big_b)).numpy(), big_a @ big_b, rtol=1e-4, atol=1e-3)


def test_matmul_with_numpy_and_lists():
    a = rng.standard_normal((2, 3)).astype(np.float32)
    b = rng.standard_normal((3, 2)).astype(np.float32)
    np.testing.assert_allclose((rt.tensor(a) @ b).numpy(), a @ b, rtol=1e-5)
    np.testing.assert_allclose((rt.tensor(a) @ b.tolist()).numpy(), a @ b, rtol=1e-5)
    np.testing.assert_allclose((a.tolist() @ rt.tensor(b)).numpy(), a @ b, rtol=1e-5)
    r = a @ rt.tensor(b)  # NumPy defers to Tensor.__rmatmul__ (__array_priority__)
    assert isinstance(r, rt.Tensor)
    np.testing.assert_allclose(r.numpy(), a @ b, rtol=1e-5)
    np.testing.assert_allclose(rt.matmul(a, b).numpy(), a @ b, rtol=1e-5)
    with pytest.raises(TypeError):
        rt.tensor(a) @ "x"
    with pytest.raises(TypeError):
        rt.tensor(a) @ 2.0


def test_matmul_result_is_fresh_and_contiguous():
    a, b = rt.ones(2, 3), rt.ones(3, 4)
    c = a @ b
    assert c.is_contiguous() and c.shape == (2, 4)
    c += 1
    assert (a.numpy() == 1).all() and (b.numpy() == 1).all()


# ---- Errors --------------------------------------------------------------------------------------

def test_shape_errors_name_the_op_and_shapes():
    with pytest.raises(ValueError, match=r"^matmul: shapes \(2, 3\) and \(4, 5\) are not aligned$"):
        rt.ones(2, 3) @ rt.ones(4, 5)
    with pytest.raises(ValueError, match=r"matmul: shapes \(3,\) and \(4,\) are not aligned"):
        rt.matmul(rt.ones(3), rt.ones(4))
    with pytest.raises(ValueError, match=r"matmul: shapes \(2, 3, 4\) and \(5,\) are not aligned"):
        rt.ones(2, 3, 4) @ rt.ones(5)
    with pytest.raises(ValueError, match=r"matmul: batch dimensions of shapes \(2, 3, 4\) and \(3, 4, 5\)"):
        rt.ones(2, 3, 4) @ rt.ones(3, 4, 5)
    with pytest.raises(ValueError, match="matmul: both arguments need to be at least 1-D"):
        rt.tensor(1.0) @ rt.ones(3)
    with pytest.raises(ValueError, match=r"mm: expected 2-D tensors, got shapes \(3,\) and \(3, 3\)"):
        rt.mm(rt.ones(3), rt.ones(3, 3))
    with pytest.raises(ValueError, match=r"mm: shapes \(2, 3\) and \(2, 3\) are not aligned"):
        rt.mm(rt.ones(2, 3), rt.ones(2, 3))
    with pytest.raises(ValueError, match="bmm: expected 3-D"):
        rt.bmm(rt.ones(2, 3), rt.ones(3, 2))
    with pytest.raises(ValueError, match="bmm: batch sizes"):
        rt.bmm(rt.ones(2, 3, 4), rt.ones(3, 4, 5))
    with pytest.raises(ValueError, match="bmm: shapes"):
        rt.bmm(rt.ones(2, 3, 4), rt.ones(2, 5, 5))
    with pytest.raises(ValueError, match="dot: expected 1-D"):
        rt.dot(rt.ones(2, 2), rt.ones(2))
    with pytest.raises(ValueError, match="dot: shapes"):
        rt.dot(rt.ones(3), rt.ones(4))
    with pytest.raises(ValueError, match="mv: expected"):
        rt.mv(rt.ones(3), rt.ones(3))
    with pytest.raises(ValueError, match="outer: expected 1-D"):
        rt.outer(rt.ones(2, 2), rt.ones(2))
    with pytest.raises(ValueError, match="inner: the last dimensions"):
        rt.inner(rt.ones(2, 3), rt.ones(2))
    with pytest.raises(ValueError, match="addmm: input of shape"):
        rt.addmm(rt.ones(3, 3), rt.ones(2, 3), rt.ones(3, 4))


@pytest.mark.parametrize("fn", [rt.matmul, rt.mm, rt.inner])
def test_mixed_dtypes_raise_like_torch(fn):
    with pytest.raises(RuntimeError, match=r"expected both to have the same dtype, but got float32 != float64"):
        fn(rt.ones(2, 2), rt.ones(2, 2, dtype=rt.float64))
    with pytest.raises(RuntimeError, match="same dtype"):
        fn(rt.ones(2, 2, dtype=rt.int64), rt.ones(2, 2))


# ---- mm, bmm, mv, dot, outer, inner, addmm ------------------------------------------------------------

@pytest.mark.parametrize("dtype", [rt.float32, rt.float64, rt.int64])
def test_named_products(dtype):
    a, b = values((3, 4), dtype), values((4, 5), dtype)
    check(rt.mm(rt.tensor(a), rt.tensor(b)), a @ b, dtype)
    check(rt.tensor(a).mm(rt.tensor(b)), a @ b, dtype)
    x, y = values((2, 3, 4), dtype), values((2, 4, 6), dtype)
    check(rt.bmm(rt.tensor(x), rt.tensor(y)), x @ y, dtype)
    check(rt.tensor(x).bmm(rt.tensor(y)), x @ y, dtype)
    v = values((4,), dtype)
    check(rt.mv(rt.tensor(a), rt.tensor(v)), a @ v, dtype)
    check(rt.tensor(a).mv(rt.tensor(v)), a @ v, dtype)
    w = values((4,), dtype)
    check(rt.dot(rt.tensor(v), rt.tensor(w)), np.dot(v, w), dtype)
    check(rt.tensor(v).dot(rt.tensor(w)), np.dot(v, w), dtype)
    u = values((3,), dtype)
    check(rt.outer(rt.tensor(u), rt.tensor(v)), np.outer(u, v), dtype)
    check(rt.tensor(u).outer(rt.tensor(v)), np.outer(u, v), dtype)
    check(rt.ger(rt.tensor(u), rt.tensor(v)), np.outer(u, v), dtype)
    p, q = values((2, 3, 4), dtype), values((5, 4), dtype)
    check(rt.inner(rt.tensor(p), rt.tensor(q)), np.inner(p, q), dtype)
    check(rt.tensor(v).inner(rt.tensor(w)), np.inner(v, w), dtype)


def test_outer_and_inner_promote_like_torch():
    got = rt.outer(rt.tensor([1, 2]), rt.tensor([1.0, 2.0]))
    assert got.dtype == rt.float32 and got.tolist() == [[1.0, 2.0], [2.0, 4.0]]
    got = rt.inner(rt.ones(2, 3), rt.tensor(2.0))
    assert got.shape == (2, 3) and (got.numpy() == 2).all()


def test_dot_strided_vectors():
    v = rng.standard_normal(10)
    a = rt.tensor(v)
    st = rt.from_numpy(np.repeat(v, 2)[::2])
    assert not st.is_contiguous()
    check(rt.dot(st, a), np.dot(v, v), rt.float64)
    check(rt.dot(st, st), np.dot(v, v), rt.float64)


def test_addmm():
    inp, m1, m2 = values((2, 4), rt.float64), values((2, 3), rt.float64), values((3, 4), rt.float64)
    check(rt.addmm(rt.tensor(inp), rt.tensor(m1), rt.tensor(m2)), inp + m1 @ m2, rt.float64)
    check(rt.addmm(rt.tensor(inp), rt.tensor(m1), rt.tensor(m2), beta=0.5, alpha=2), 0.5 * inp + 2 * (m1 @ m2),
          rt.float64)
    bias = values((4,), rt.float64)
    check(rt.addmm(rt.tensor(bias), rt.tensor(m1), rt.tensor(m2)), bias + m1 @ m2, rt.float64)
    check(rt.tensor(bias).addmm(rt.tensor(m1), rt.tensor(m2)), bias + m1 @ m2, rt.float64)
    nan = rt.tensor(np.full((2, 4), np.nan))
    check(rt.addmm(nan, rt.tensor(m1), rt.tensor(m2), beta=0), m1 @ m2, rt.float64)


# ---- Autograd -------------------------------------------------------------------------------------

@pytest.mark.parametrize("sa,sb", [((3,), (3,)), ((4,), (4, 5)), ((2, 4), (4,)), ((2, 3), (3, 4)),
                                   ((5,), (2, 5, 3)), ((2, 3, 5), (5,)), ((2, 3, 4), (4, 5)), ((3, 4), (2, 4, 5)),
                                   ((2, 1, 3, 4), (5, 4, 2)), ((2, 0), (0, 3)), ((0, 3), (3, 2)),
                                   ((1, 3, 4), (6, 4, 2)), ((6, 3, 4), (1, 4, 2)), ((7, 1, 3), (3,))])
def test_matmul_gradients_match_torch(sa, sb):
    torch = pytest.importorskip("torch")
    a, b = rng.standard_normal(sa), rng.standard_normal(sb)
    ta, tb = rt.tensor(a, requires_grad=True), rt.tensor(b, requires_grad=True)
    out = ta @ tb
    g = rng.standard_normal(out.shape)
    out.backward(rt.tensor(g))
    xa, xb = torch.tensor(a, requires_grad=True), torch.tensor(b, requires_grad=True)
    (xa @ xb).backward(torch.tensor(g))
    assert ta.grad.shape == sa and tb.grad.shape == sb
    np.testing.assert_allclose(ta.grad.numpy(), xa.grad.numpy(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(tb.grad.numpy(), xb.grad.numpy(), rtol=1e-10, atol=1e-12)


def test_grad_fn_names():
    a = rt.ones(2, 3, requires_grad=True)
    assert (a @ rt.ones(3, 4)).grad_fn.name() == "MmBackward"
    assert (a @ rt.ones(3)).grad_fn.name() == "MvBackward"
    assert (rt.ones(3, requires_grad=True) @ rt.ones(3)).grad_fn.name() == "DotBackward"
    assert rt.bmm(rt.ones(2, 2, 3, requires_grad=True), rt.ones(2, 3, 1)).grad_fn.name() == "BmmBackward"
    assert (rt.ones(2, 2, 3, requires_grad=True) @ rt.ones(3, 1)).grad_fn.name() == "MatmulBackward"
    assert (rt.ones(2, 3) @ rt.ones(3)).grad_fn is None
    with rt.no_grad():
        assert (a @ rt.ones(3)).grad_fn is None


def test_only_needed_gradients_are_computed():
    a = rt.tensor(rng.standard_normal((3, 4)), requires_grad=True)
    b = rt.tensor(rng.standard_normal((4, 2)))
    (a @ b).sum().backward()
    assert a.grad is not None and b.grad is None


def test_double_backward_through_matmul():
    a = rt.tensor(rng.standard_normal((3, 3)), requires_grad=True)
    b = rt.tensor(rng.standard_normal((3, 3)), requires_grad=True)
    y = ((a @ b) * (a @ b)).sum()
    (ga,) = rt.autograd.grad([y], [a], create_graph=True)
    ga.sum().backward()
    assert b.grad is not None and b.grad.shape == (3, 3)
    assert rt.autograd.gradgradcheck(lambda x, y: x @ y, (a.detach().requires_grad_(True), b.detach().requires_grad_(True)))


# ---- einsum -----------------------------------------------------------------------------------------

EINSUM_CASES = [
    ("ij,jk->ik", [(2, 3), (3, 4)]), ("ij,jk", [(2, 3), (3, 4)]), ("bij,bjk->bik", [(2, 3, 4), (2, 4, 5)]),
    ("ij->ji", [(2, 3)]), ("ba", [(2, 3)]), ("ii->i", [(4, 4)]), ("ii", [(4, 4)]), ("ii->", [(3, 3)]),
    ("ij->", [(2, 3)]), ("ij->j", [(2, 3)]), ("i,j->ij", [(2,), (3,)]), ("i,j", [(2,), (3,)]), ("i,i->", [(5,), (5,)]),
    ("i,i->i", [(5,), (5,)]), ("ij,ij->ij", [(2, 3), (2, 3)]), ("ij,ij->", [(2, 3), (2, 3)]),
    ("...ij,...jk->...ik", [(2, 2, 3), (2, 3, 4)]), ("...ij->...ji", [(2, 5, 3, 4)]), ("...ij->ij", [(2, 3, 4)]),
    ("...ij->...", [(2, 3, 4)]), ("bhqd,bhkd->bhqk", [(2, 3, 4, 5), (2, 3, 6, 5)]), ("ij,jk,kl->il", [(2, 3), (3, 4), (4, 5)]),
    ("iij->j", [(3, 3, 4)]), ("iji->j", [(3, 4, 3)]), ("ijk,jil->kl", [(2, 3, 4), (3, 2, 5)]), ("abc,cd->abd", [(2, 3, 4), (4, 5)]),
    ("i,i,i->", [(4,), (4,), (4,)]), ("ij,jk->ik", [(2, 1), (3, 4)]), ("ij,ij->i", [(2, 3), (1, 3)]),
    ("ij,j->i", [(3, 4), (4,)]), ("j,ij->i", [(4,), (3, 4)]), ("Ab,bA->", [(2, 3), (3, 2)]), ("aB,Ba", [(2, 3), (3, 2)]),
    ("...,...->...", [(2, 3), (3,)]), ("i...->...", [(2, 3, 4)]), ("bn,anm,bm->ba", [(2, 3), (4, 3, 5), (2, 5)]),
    ("ijkl->lkji", [(2, 3, 4, 5)]), ("ij,kl->ijkl", [(2, 3), (4, 5)]), ("i->", [(0,)]), ("ij,jk->ik", [(2, 0), (0, 3)]),
]


@pytest.mark.parametrize("eq,shapes", EINSUM_CASES)
def test_einsum_matches_torch(eq, shapes):
    torch = pytest.importorskip("torch")
    arrays = [rng.standard_normal(s) for s in shapes]
    expected = torch.einsum(eq, *[torch.tensor(x) for x in arrays]).numpy()
    got = rt.einsum(eq, *[rt.tensor(x) for x in arrays])
    check(got, expected, rt.float64)
    got_list = rt.einsum(eq, [rt.tensor(x) for x in arrays])
    check(got_list, expected, rt.float64)


def test_einsum_non_contiguous_and_int64():
    a = rng.integers(-3, 4, (3, 4))
    b = rng.integers(-3, 4, (5, 4))
    ta = rt.tensor(a)
    tb = rt.tensor(np.ascontiguousarray(b.T)).transpose(0, 1)
    check(rt.einsum("ij,kj->ik", ta, tb), np.einsum("ij,kj->ik", a, b), rt.int64)
    check(rt.einsum("i j , k j -> i k", ta, tb), np.einsum("ij,kj->ik", a, b), rt.int64)


@pytest.mark.parametrize("eq,shapes", [("ij,jk->ik", [(2, 3), (3, 4)]), ("bij,bjk->bik", [(2, 3, 4), (2, 4, 5)]),
                                       ("ii->i", [(3, 3)]), ("ii->", [(3, 3)]), ("ij->ji", [(2, 3)]),
                                       ("i,j->ij", [(2,), (3,)]), ("...ij,...j->...i", [(2, 3, 4), (4,)])])
def test_einsum_gradients(eq, shapes):
    inputs = tuple(rt.tensor(rng.standard_normal(s), requires_grad=True) for s in shapes)
    assert rt.autograd.gradcheck(lambda *xs: rt.einsum(eq, *xs), inputs)


@pytest.mark.parametrize("eq,shapes,msg", [
    ("ij,jk->ik", [(2, 3)], "has 2 operand term"), ("ij->iz", [(2, 3)], "output subscript z does not appear"),
    ("ij->ii", [(2, 3)], "appears more than once"), ("ii->i", [(2, 3)], "repeated for operand 0 but the sizes"),
    ("ij,jk->ik", [(2, 3), (4, 4)], "subscript j has size 4 for operand 1"), ("ij", [(2,)], "operand 0 has 1 dims"),
    ("i1->i", [(2, 3)], "invalid subscript '1'"), ("i.j", [(2, 3)], "invalid '.'"), ("...i...", [(2, 3)], "more than one ellipsis"),
    ("ijk...", [(2, 3)], "fewer than the 3 subscripts"),
])
def test_einsum_errors(eq, shapes, msg):
    with pytest.raises(ValueError, match="einsum: .*" + msg.replace("(", r"\(")):
        rt.einsum(eq, *[rt.ones(*s) for s in shapes])


def test_einsum_mixed_dtypes_raise():
    with pytest.raises(RuntimeError, match="einsum: expected all operands to have the same dtype"):
        rt.einsum("i,i->", rt.ones(2), rt.ones(2, dtype=rt.float64))


# ---- GIL and threads ------------------------------------------------------------------------------------

def test_large_matmul_releases_the_gil():
    a = rt.randn(600, 600)
    ticks = []
    stop = threading.Event()

    def ticker():
        while not stop.is_set():
            ticks.append(1)

    t = threading.Thread(target=ticker)
    t.start()
    try:
        before = len(ticks)
        for _ in range(5):
            a @ a
        during = len(ticks) - before
    finally:
        stop.set()
        t.join()
    assert during > 0


def test_results_do_not_depend_on_thread_count():
    a = rng.standard_normal((130, 150)).astype(np.float32)
    b = rng.standard_normal((150, 70)).astype(np.float32)
    old = rt.get_num_threads()
    try:
        rt.set_num_threads(1)
        r1 = (rt.tensor(a) @ rt.tensor(b)).numpy().copy()
        rt.set_num_threads(2)
        r2 = (rt.tensor(a) @ rt.tensor(b)).numpy()
    finally:
        rt.set_num_threads(old)
    np.testing.assert_allclose(r1, r2, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("dtype", [rt.float32, rt.float64, rt.int64])
@pytest.mark.parametrize("sa,sb,exact", [
    ((512, 8, 8), (512, 8, 8), True), ((300, 1, 16), (300, 16, 5), True), ((2, 256, 12), (2, 12, 1), True),
    ((400, 16), (16, 300), False), ((3, 64, 32), (1, 32, 64), False),
])
def test_parallel_batches_match_numpy_and_any_thread_count(sa, sb, exact, dtype):
    """Batches of small products are spread over our threads: identical results for any thread count.
    Products large enough for OpenBLAS's own threads may round differently (not for int64)."""
    a, b = values(sa, dtype), values(sb, dtype)
    old = rt.get_num_threads()
    try:
        results = []
        for threads in (1, 2, 3):
            rt.set_num_threads(threads)
            results.append((rt.tensor(a) @ rt.tensor(b)).numpy().copy())
    finally:
        rt.set_num_threads(old)
    check(rt.tensor(results[0]), np.matmul(a, b), dtype)
    for r in results[1:]:
        if exact or dtype == rt.int64:
            np.testing.assert_array_equal(r, results[0])
        else:
            np.testing.assert_allclose(r, results[0], **TOL[dtype])
