"""rt.linalg against NumPy/SciPy (and torch where it is installed): decompositions reconstruct their
input and have orthogonal/triangular factors; values match for square, tall, wide, batched, float32,
float64 and non-contiguous inputs; failures raise LinAlgError naming the op and batch element; NaN
input gives NaN output."""
import math

import numpy as np
import pytest

import rustorch as rt

L = rt.linalg
rng = np.random.default_rng(0)

DTYPES = [rt.float32, rt.float64]
NP = {rt.float32: np.float32, rt.float64: np.float64}
TOL = {rt.float32: dict(rtol=2e-4, atol=2e-4), rt.float64: dict(rtol=1e-10, atol=1e-10)}
SHAPES = [(1, 1), (4, 4), (5, 3), (3, 5), (2, 4, 3), (2, 3, 3, 4), (3, 2, 2), (16, 16)]
SQUARE = [(1, 1), (4, 4), (2, 3, 3), (2, 2, 5, 5), (16, 16)]

try:
    import torch
except ImportError:  # pragma: no cover
    torch = None

try:
    import scipy.linalg as sla
except ImportError:  # pragma: no cover
    sla = None


def arr(shape, dtype=rt.float64):
    return rng.standard_normal(shape).astype(NP[dtype])


def t(a, transposed=False):
    """A tensor of a; transposed=True gives a non-contiguous tensor with the same values."""
    if transposed and a.ndim >= 2:
        return rt.tensor(np.ascontiguousarray(np.swapaxes(a, -1, -2))).mT
    return rt.tensor(a)


def close(got, expected, dtype, scale=1.0):
    tol = TOL[dtype]
    got = got.numpy() if isinstance(got, rt.Tensor) else got
    np.testing.assert_allclose(np.asarray(got, dtype=np.float64), np.asarray(expected, dtype=np.float64),
                               rtol=tol["rtol"] * scale, atol=tol["atol"] * scale)


def eye_like(n, batch, dtype):
    return np.broadcast_to(np.eye(n, dtype=NP[dtype]), batch + (n, n))


def spd(shape, dtype=rt.float64):
    a = arr(shape, dtype)
    n = shape[-1]
    return (a @ np.swapaxes(a, -1, -2) + n * np.eye(n)).astype(NP[dtype])


def mt(a):
    return np.swapaxes(a, -1, -2)


# ---- SVD ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("full", [False, True])
@pytest.mark.parametrize("transposed", [False, True])
def test_svd_reconstructs_and_is_orthogonal(shape, dtype, full, transposed):
    a = arr(shape, dtype)
    U, S, Vh = L.svd(t(a, transposed), full_matrices=full)
    m, n = shape[-2:]
    k = min(m, n)
    batch = shape[:-2]
    assert U.shape == batch + ((m, m) if full else (m, k))
    assert S.shape == batch + (k,)
    assert Vh.shape == batch + ((n, n) if full else (k, n))
    assert U.dtype == S.dtype == Vh.dtype == dtype
    u, s, vh = U.numpy(), S.numpy(), Vh.numpy()
    close(np.linalg.svd(a, compute_uv=False), s, dtype, 10)
    close((u[..., :, :k] * s[..., None, :]) @ vh[..., :k, :], a, dtype, 10)
    close(mt(u) @ u, eye_like(u.shape[-1], batch, dtype), dtype, 10)
    close(vh @ mt(vh), eye_like(vh.shape[-2], batch, dtype), dtype, 10)
    assert np.all(np.diff(s, axis=-1) <= 0)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", SHAPES + [(0, 3), (3, 0), (2, 0, 0)])
def test_svdvals_matches_numpy(shape, dtype):
    a = arr(shape, dtype)
    got = L.svdvals(t(a))
    expected = np.linalg.svd(a, compute_uv=False) if a.size else np.zeros(shape[:-2] + (min(shape[-2:]),))
    assert got.shape == expected.shape
    close(got, expected, dtype, 10)


def test_svd_of_empty_matrices_matches_torch_shapes():
    U, S, Vh = L.svd(rt.zeros(0, 3))
    assert U.shape == (0, 0) and S.shape == (0,) and Vh.shape == (3, 3)
    np.testing.assert_array_equal(Vh.numpy(), np.eye(3))
    U, S, Vh = L.svd(rt.zeros(2, 3, 0), full_matrices=False)
    assert U.shape == (2, 3, 0) and S.shape == (2, 0) and Vh.shape == (2, 0, 0)


def test_svd_rank_deficient_and_repeated_values():
    a = np.diag([3.0, 3.0, 1.0, 0.0])
    U, S, Vh = L.svd(rt.tensor(a))
    np.testing.assert_allclose(S.numpy(), [3, 3, 1, 0], atol=1e-12)
    np.testing.assert_allclose((U.numpy() * S.numpy()) @ Vh.numpy(), a, atol=1e-12)


# ---- QR -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", SHAPES + [(6, 2), (2, 6)])
@pytest.mark.parametrize("mode", ["reduced", "complete", "r"])
@pytest.mark.parametrize("transposed", [False, True])
def test_qr(shape, dtype, mode, transposed):
    a = arr(shape, dtype)
    Q, R = L.qr(t(a, transposed), mode=mode)
    m, n = shape[-2:]
    k = min(m, n)
    batch = shape[:-2]
    r_np = np.linalg.qr(a, mode="r" if mode == "r" else mode)
    if mode == "r":
        assert Q.shape == (0,)
        close(np.abs(R.numpy()), np.abs(r_np), dtype, 10)
        return
    q, r = Q.numpy(), R.numpy()
    assert q.shape == batch + ((m, k) if mode == "reduced" else (m, m))
    assert r.shape == batch + ((k, n) if mode == "reduced" else (m, n))
    close(q @ r, a, dtype, 10)
    close(mt(q) @ q, eye_like(q.shape[-1], batch, dtype), dtype, 10)
    assert np.all(np.tril(r, -1) == 0)
    # Same Householder algorithm as NumPy (LAPACK): the same factors, signs included.
    close(q, r_np[0], dtype, 100)
    close(r, r_np[1], dtype, 100)


def test_qr_bad_mode():
    with pytest.raises(ValueError, match="linalg.qr"):
        L.qr(rt.zeros(2, 2), mode="full")


def test_qr_of_empty_matrices():
    Q, R = L.qr(rt.zeros(3, 0), mode="complete")
    assert Q.shape == (3, 3) and R.shape == (3, 0)
    np.testing.assert_array_equal(Q.numpy(), np.eye(3))


# ---- eigh / eigvalsh ------------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", SQUARE)
@pytest.mark.parametrize("uplo", ["L", "U"])
@pytest.mark.parametrize("transposed", [False, True])
def test_eigh(shape, dtype, uplo, transposed):
    a = arr(shape, dtype)  # not symmetric: only the UPLO triangle may be read
    w, V = L.eigh(t(a, transposed), UPLO=uplo)
    w_np = np.linalg.eigvalsh(a, UPLO=uplo)
    close(w, w_np, dtype, 10)
    tri = np.tril(a) if uplo == "L" else np.triu(a)
    sym = tri + mt(tri) - np.eye(shape[-1]) * a  # the symmetric matrix LAPACK sees
    v = V.numpy()
    close((v * w.numpy()[..., None, :]) @ mt(v), sym, dtype, 10)
    close(mt(v) @ v, eye_like(shape[-1], shape[:-2], dtype), dtype, 10)
    close(L.eigvalsh(t(a, transposed), UPLO=uplo), w_np, dtype, 10)
    assert np.all(np.diff(w.numpy(), axis=-1) >= 0)


def test_eigh_bad_uplo():
    with pytest.raises(ValueError, match="linalg.eigh"):
        L.eigh(rt.eye(2), UPLO="X")


# ---- Cholesky ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", SQUARE)
@pytest.mark.parametrize("transposed", [False, True])
def test_cholesky(shape, dtype, transposed):
    a = spd(shape, dtype)
    Lc = L.cholesky(t(a, transposed))
    close(Lc, np.linalg.cholesky(a), dtype, 10)
    assert np.all(np.triu(Lc.numpy(), 1) == 0)
    U = L.cholesky(t(a, transposed), upper=True)
    close(U, mt(np.linalg.cholesky(a)), dtype, 10)
    close(mt(U.numpy()) @ U.numpy(), a, dtype, 100)
    Lx, info = L.cholesky_ex(t(a))
    close(Lx, np.linalg.cholesky(a), dtype, 10)
    assert info.dtype == rt.int64 and info.shape == shape[:-2] and not info.numpy().any()


def test_cholesky_not_positive_definite_raises_with_op_and_batch():
    a = np.stack([np.eye(3), np.diag([1.0, -1.0, 1.0])])
    with pytest.raises(L.LinAlgError, match=r"linalg\.cholesky: \(Batch element 1\).*order 2"):
        L.cholesky(rt.tensor(a))
    with pytest.raises(RuntimeError, match="not positive-definite"):
        L.cholesky(rt.tensor(np.diag([0.0, 1.0])))
    _, info = L.cholesky_ex(rt.tensor(a))
    assert info.numpy().tolist() == [0, 2]
    with pytest.raises(L.LinAlgError):
        L.cholesky_ex(rt.tensor(a), check_errors=True)


def test_linalg_error_is_a_runtime_error():
    assert issubclass(L.LinAlgError, RuntimeError)


# ---- solve / solve_triangular -----------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("sa,sb", [((3, 3), (3, 2)), ((3, 3), (3,)), ((2, 4, 4), (2, 4)), ((2, 4, 4), (4, 3)),
                                   ((4, 4), (5, 4, 2)), ((1, 3, 3), (2, 3, 1)), ((2, 1, 3, 3), (4, 3, 2)),
                                   ((5, 5), (5, 0)), ((0, 3, 3), (3, 1))])
def test_solve_matches_numpy(sa, sb, dtype):
    a = arr(sa, dtype) + 4 * np.eye(sa[-1], dtype=NP[dtype])
    b = arr(sb, dtype)
    X = L.solve(t(a), t(b))
    if len(sb) == 1 or (len(sb) == len(sa) - 1 and sb == sa[:-1]):
        expected = np.linalg.solve(a, b[..., None])[..., 0]
    else:
        expected = np.linalg.solve(a, b)
    assert X.shape == expected.shape
    close(X, expected, dtype, 10)


@pytest.mark.parametrize("dtype", DTYPES)
def test_solve_left_false_and_noncontiguous(dtype):
    a = arr((2, 3, 3), dtype) + 4 * np.eye(3, dtype=NP[dtype])
    b = arr((2, 4, 3), dtype)
    X = L.solve(t(a, True), t(b, True), left=False)
    close(X, mt(np.linalg.solve(mt(a), mt(b))), dtype, 10)


def test_solve_singular_raises_with_batch_element():
    a = np.stack([np.eye(2), np.zeros((2, 2))])
    with pytest.raises(L.LinAlgError, match=r"linalg\.solve: \(Batch element 1\).*singular"):
        L.solve(rt.tensor(a), rt.ones(2, 2, dtype=rt.float64))
    with pytest.raises(L.LinAlgError, match=r"^linalg\.solve: The diagonal element 2 is zero"):
        L.solve(rt.tensor([[1.0, 2.0], [2.0, 4.0]]), rt.ones(2))


def test_solve_argument_errors():
    with pytest.raises(ValueError, match="linalg.solve"):
        L.solve(rt.zeros(2, 3), rt.zeros(2))
    with pytest.raises(ValueError, match="linalg.solve"):
        L.solve(rt.eye(3), rt.zeros(4, 2))
    with pytest.raises(TypeError, match="linalg.solve"):
        L.solve(rt.eye(3), rt.zeros(3, dtype=rt.float64))
    with pytest.raises(TypeError, match="linalg.solve"):
        L.solve(rt.tensor([[1, 0], [0, 1]]), rt.tensor([1, 1]))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("upper", [False, True])
@pytest.mark.parametrize("left", [False, True])
@pytest.mark.parametrize("unit", [False, True])
def test_solve_triangular_matches_scipy(dtype, upper, left, unit):
    a = arr((2, 4, 4), dtype) + 4 * np.eye(4, dtype=NP[dtype])
    b = arr((2, 4, 3) if left else (2, 3, 4), dtype)
    X = L.solve_triangular(t(a, True), t(b), upper=upper, left=left, unitriangular=unit)
    tri = np.triu(a) if upper else np.tril(a)
    if unit:
        tri = tri.copy()
        tri[..., np.arange(4), np.arange(4)] = 1
    expected = np.linalg.solve(tri, b) if left else mt(np.linalg.solve(mt(tri), mt(b)))
    close(X, expected, dtype, 100)


# ---- inv / det / slogdet ------------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", SQUARE + [(0, 0), (3, 0, 0)])
@pytest.mark.parametrize("transposed", [False, True])
def test_inv_det_slogdet(shape, dtype, transposed):
    a = arr(shape, dtype) + 2 * np.eye(shape[-1], dtype=NP[dtype])
    A = t(a, transposed)
    close(L.inv(A), np.linalg.inv(a), dtype, 100)
    close(L.det(A), np.linalg.det(a.astype(np.float64)), dtype, 100)
    sign, logabs = L.slogdet(A)
    s_np, l_np = np.linalg.slogdet(a.astype(np.float64))
    close(sign, s_np, dtype)
    close(logabs, l_np, dtype, 100)
    X, info = L.inv_ex(A)
    close(X, np.linalg.inv(a), dtype, 100)
    assert not info.numpy().any()


def test_singular_det_slogdet_inv():
    a = rt.tensor([[1.0, 2.0], [2.0, 4.0]])
    assert L.det(a).item() == 0.0
    sign, logabs = L.slogdet(a)
    assert sign.item() == 0.0 and logabs.item() == -math.inf
    with pytest.raises(L.LinAlgError, match=r"^linalg\.inv: The diagonal element 2 is zero.*singular"):
        L.inv(a)
    with pytest.raises(L.LinAlgError, match=r"linalg\.inv: \(Batch element 2\)"):
        L.inv(rt.stack([rt.eye(2), rt.eye(2), rt.zeros(2, 2)]))
    X, info = L.inv_ex(rt.stack([rt.eye(2), rt.zeros(2, 2)]))
    assert info.numpy().tolist() == [0, 1]
    np.testing.assert_array_equal(X[0].numpy(), np.eye(2))


def test_square_checks_name_the_op():
    for f in (L.inv, L.det, L.slogdet, L.cholesky, L.eigh, L.eigvalsh, L.matrix_exp):
        with pytest.raises(ValueError, match="linalg\\."):
            f(rt.zeros(2, 3))
    for f in (L.svd, L.qr, L.inv, L.pinv):
        with pytest.raises(ValueError, match="linalg\\."):
            f(rt.zeros(3))
        with pytest.raises(TypeError, match="linalg\\."):
            f(rt.zeros(3, 3, dtype=rt.int64))


# ---- NaN / inf input -------------------------------------------------------------------------------------

@pytest.mark.parametrize("bad", [math.nan, math.inf])
def test_nonfinite_input_gives_nan_not_a_crash(bad):
    a = np.stack([np.eye(3) * 2, np.eye(3)])
    a[1, 0, 0] = bad
    A = rt.tensor(a)
    U, S, Vh = L.svd(A)
    assert np.isfinite(S[0].numpy()).all() and np.isnan(S[1].numpy()).all() and np.isnan(U[1].numpy()).all()
    assert np.isnan(L.svdvals(A)[1].numpy()).all()
    Q, R = L.qr(A)
    assert np.isnan(Q[1].numpy()).all() and np.isfinite(R[0].numpy()).all()
    w, V = L.eigh(A)
    assert np.isnan(w[1].numpy()).all() and np.isfinite(w[0].numpy()).all()
    assert np.isnan(L.cholesky(A)[1].numpy()).all()
    assert np.isnan(L.inv(A)[1].numpy()).all()
    assert np.isnan(L.det(A)[1].item())
    assert np.isnan(L.slogdet(A).logabsdet[1].item())
    assert np.isnan(L.solve(A, rt.ones(2, 3, 1, dtype=rt.float64))[1].numpy()).all()
    assert np.isnan(L.matrix_exp(A)[1].numpy()).all()
    assert np.isnan(L.pinv(A)[1].numpy()).all()
    assert np.isnan(L.lstsq(A, rt.ones(2, 3, 1, dtype=rt.float64)).solution[1].numpy()).all()


# ---- lstsq / pinv / matrix_rank -------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("driver", [None, "gelsy", "gelsd", "gelss", "gels"])
@pytest.mark.parametrize("sa,sb", [((6, 3), (6, 2)), ((6, 3), (6,)), ((3, 5), (3, 2)), ((2, 5, 4), (2, 5, 3)),
                                   ((4, 4), (4, 1))])
def test_lstsq_matches_numpy(sa, sb, dtype, driver):
    a, b = arr(sa, dtype), arr(sb, dtype)
    r = L.lstsq(t(a, True), t(b), driver=driver)
    m, n = sa[-2:]
    vector = len(sb) == len(sa) - 1
    bm = (b[..., None] if vector else b).astype(np.float64)
    xm = np.linalg.pinv(a.astype(np.float64)) @ bm
    close(r.solution, xm[..., 0] if vector else xm, dtype, 1000)
    d = driver or "gelsy"
    if d != "gels":
        assert r.rank.dtype == rt.int64 and (r.rank.numpy() == min(m, n)).all()
    else:
        assert r.rank.numel() == 0
    if d in ("gelsd", "gelss"):
        close(r.singular_values, np.linalg.svd(a, compute_uv=False), dtype, 100)
    if m > n and d != "gelsy":
        res = ((a.astype(np.float64) @ xm - bm) ** 2).sum(-2)
        close(r.residuals, res, dtype, 1000)  # (..., k), also for a vector B (k = 1), as in torch
    else:
        assert r.residuals.numel() == 0


def test_lstsq_rank_deficient():
    a = np.array([[1.0, 2.0], [2.0, 4.0], [3.0, 6.0]])
    b = np.array([[1.0], [2.0], [2.0]])
    for driver in ("gelsy", "gelsd", "gelss"):
        r = L.lstsq(rt.tensor(a), rt.tensor(b), driver=driver)
        assert r.rank.item() == 1, driver
        np.testing.assert_allclose(r.solution.numpy(), np.linalg.pinv(a) @ b, atol=1e-10)
    with pytest.raises(L.LinAlgError, match="linalg.lstsq.*full rank"):  # an exactly zero column
        L.lstsq(rt.tensor([[1.0, 0.0], [2.0, 0.0], [3.0, 0.0]], dtype=rt.float64), rt.tensor(b), driver="gels")
    with pytest.raises(ValueError, match="linalg.lstsq"):
        L.lstsq(rt.tensor(a), rt.tensor(b), driver="gelsx")


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", SHAPES + [(0, 3)])
def test_pinv_matches_numpy(shape, dtype):
    a = arr(shape, dtype)
    close(L.pinv(t(a, True)), np.linalg.pinv(a.astype(np.float64)), dtype, 1000)


def test_pinv_hermitian_and_tolerances():
    a = arr((3, 4, 4))
    s = a + mt(a)
    np.testing.assert_allclose(L.pinv(rt.tensor(s), hermitian=True).numpy(), np.linalg.pinv(s, hermitian=True),
                               atol=1e-10)
    d = np.diag([4.0, 1.0, 1e-3])
    np.testing.assert_allclose(L.pinv(rt.tensor(d), rtol=1e-2).numpy(), np.diag([0.25, 1.0, 0.0]), atol=1e-12)
    np.testing.assert_allclose(L.pinv(rt.tensor(d), atol=2.0).numpy(), np.diag([0.25, 0.0, 0.0]), atol=1e-12)


@pytest.mark.parametrize("hermitian", [False, True])
def test_matrix_rank(hermitian):
    b = arr((4, 6, 2))
    a = b @ mt(b)  # rank 2, symmetric
    got = L.matrix_rank(rt.tensor(a), hermitian=hermitian)
    assert got.dtype == rt.int64
    np.testing.assert_array_equal(got.numpy(), np.linalg.matrix_rank(a, hermitian=hermitian))
    assert L.matrix_rank(rt.tensor(np.diag([1.0, 1e-3])), atol=1e-2).item() == 1
    assert L.matrix_rank(rt.eye(3)).item() == 3


# ---- norms ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("ord", ["fro", "nuc", 2, -2, 1, -1, math.inf, -math.inf])
@pytest.mark.parametrize("shape,dim", [((3, 4), (-2, -1)), ((2, 3, 5), (-2, -1)), ((3, 2, 4), (0, 2)),
                                       ((3, 2, 4), (2, 0))])
@pytest.mark.parametrize("keepdim", [False, True])
def test_matrix_norm_matches_numpy(dtype, ord, shape, dim, keepdim):
    a = arr(shape, dtype)
    expected = np.linalg.norm(a.astype(np.float64), ord=ord, axis=dim, keepdims=keepdim)
    close(L.matrix_norm(t(a), ord, dim=dim, keepdim=keepdim), expected, dtype, 10)
    close(L.norm(t(a), ord, dim=dim, keepdim=keepdim), expected, dtype, 10)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("ord", [2, 1, 0, 3.5, -1, math.inf, -math.inf])
@pytest.mark.parametrize("dim", [None, 0, -1, (0, 1)])
def test_vector_norm_matches_numpy(dtype, ord, dim):
    a = arr((3, 4), dtype)
    x = np.abs(a.astype(np.float64))
    axis = None if dim is None else dim
    if ord == 0:
        expected = np.count_nonzero(x, axis=axis)
    elif ord == math.inf:
        expected = x.max(axis=axis)
    elif ord == -math.inf:
        expected = x.min(axis=axis)
    else:
        expected = (x ** ord).sum(axis=axis) ** (1.0 / ord)
    close(L.vector_norm(t(a), ord, dim=dim), expected, dtype, 10)


def test_norm_dispatch():
    a = arr((3, 4))
    np.testing.assert_allclose(L.norm(rt.tensor(a)).item(), np.linalg.norm(a))
    np.testing.assert_allclose(L.norm(rt.tensor(a), 2).item(), np.linalg.norm(a, 2))  # 2-D + ord: matrix norm
    np.testing.assert_allclose(L.norm(rt.tensor(a[0]), 1).item(), np.linalg.norm(a[0], 1))
    np.testing.assert_allclose(L.norm(rt.tensor(a), 3, dim=1).numpy(), np.linalg.norm(a, 3, axis=1))
    b = arr((2, 3, 4))
    np.testing.assert_allclose(L.norm(rt.tensor(b)).item(), np.linalg.norm(b.reshape(-1)))
    with pytest.raises(ValueError, match="linalg.norm"):
        L.norm(rt.tensor(b), 2)
    with pytest.raises(ValueError, match="linalg.norm"):
        L.norm(rt.tensor(a), "fro", dim=1)
    with pytest.raises(ValueError, match="linalg.matrix_norm"):
        L.matrix_norm(rt.tensor(a), 3)
    with pytest.raises(ValueError, match="linalg.matrix_norm"):
        L.matrix_norm(rt.tensor(a), "spectral")
    with pytest.raises(TypeError, match="linalg.vector_norm"):
        L.vector_norm(rt.tensor([1, 2]))
    assert L.vector_norm(rt.tensor([3, 4]), dtype=rt.float64).item() == 5.0
    assert L.matrix_norm(rt.tensor(a, dtype=rt.float32), dtype=rt.float64).dtype == rt.float64


def test_cond():
    a = arr((2, 4, 4))
    np.testing.assert_allclose(L.cond(rt.tensor(a)).numpy(), np.linalg.cond(a), rtol=1e-10)
    np.testing.assert_allclose(L.cond(rt.tensor(a), "fro").numpy(), np.linalg.cond(a, "fro"), rtol=1e-10)


# ---- cross, matrix_power, matrix_exp, multi_dot, diagonal ---------------------------------------------------

@pytest.mark.parametrize("sa,sb,dim", [((3,), (3,), -1), ((4, 3), (4, 3), -1), ((2, 1, 3), (1, 5, 3), -1),
                                       ((3, 4), (3, 1), 0)])
def test_cross_matches_numpy(sa, sb, dim):
    a, b = arr(sa), arr(sb)
    np.testing.assert_allclose(L.cross(rt.tensor(a), rt.tensor(b), dim=dim).numpy(), np.cross(a, b, axis=dim),
                               atol=1e-12)


def test_cross_errors_and_ints():
    with pytest.raises(ValueError, match="linalg.cross"):
        L.cross(rt.zeros(4), rt.zeros(4))
    got = L.cross(rt.tensor([1, 0, 0]), rt.tensor([0, 1, 0]))
    assert got.dtype == rt.int64 and got.numpy().tolist() == [0, 0, 1]


@pytest.mark.parametrize("n", [0, 1, 2, 3, 5, 8, -1, -3])
@pytest.mark.parametrize("dtype", DTYPES)
def test_matrix_power_matches_numpy(n, dtype):
    a = (arr((2, 3, 3), dtype) + 2 * np.eye(3)).astype(NP[dtype]) / 2
    close(L.matrix_power(t(a, True), n), np.linalg.matrix_power(a.astype(np.float64), n), dtype, 100)


def test_matrix_power_int():
    a = np.array([[1, 1], [1, 0]])
    assert L.matrix_power(rt.tensor(a), 10).numpy().tolist() == np.linalg.matrix_power(a, 10).tolist()


@pytest.mark.skipif(sla is None, reason="needs scipy")
@pytest.mark.parametrize("scale", [1e-3, 0.1, 0.5, 1.5, 3.0, 10.0, 100.0])
@pytest.mark.parametrize("dtype", DTYPES)
def test_matrix_exp_matches_scipy(scale, dtype):
    a = (arr((2, 5, 5)) * scale / 3).astype(NP[dtype])
    expected = np.stack([sla.expm(x.astype(np.float64)) for x in a])
    got = L.matrix_exp(t(a, True)).numpy()
    assert got.dtype == NP[dtype]
    tol = 1e-5 if dtype == rt.float32 else 1e-12
    np.testing.assert_allclose(got, expected, rtol=tol * 10, atol=tol * np.abs(expected).max())


def test_matrix_exp_known_values():
    np.testing.assert_allclose(L.matrix_exp(rt.zeros(3, 3, dtype=rt.float64)).numpy(), np.eye(3))
    rot = rt.tensor([[0.0, -1.0], [1.0, 0.0]], dtype=rt.float64) * (math.pi / 2)
    np.testing.assert_allclose(L.matrix_exp(rot).numpy(), [[0, -1], [1, 0]], atol=1e-14)
    assert L.matrix_exp(rt.zeros(0, 0)).shape == (0, 0)


def test_multi_dot_and_vecdot():
    a, b, c, v = arr((2, 5)), arr((5, 3)), arr((3, 4)), arr(4)
    np.testing.assert_allclose(L.multi_dot([rt.tensor(a), rt.tensor(b), rt.tensor(c), rt.tensor(v)]).numpy(),
                               np.linalg.multi_dot([a, b, c, v]), atol=1e-12)
    np.testing.assert_allclose(L.vecdot(rt.tensor(a), rt.tensor(a)).numpy(), (a * a).sum(-1))


def test_diagonal():
    a = arr((2, 3, 4))
    for off in (-2, -1, 0, 1, 3, 5):
        np.testing.assert_array_equal(L.diagonal(rt.tensor(a), offset=off).numpy(),
                                      np.diagonal(a, offset=off, axis1=-2, axis2=-1))
    np.testing.assert_array_equal(L.diagonal(rt.tensor(a), dim1=0, dim2=2).numpy(),
                                  np.diagonal(a, axis1=0, axis2=2))


# ---- threads, determinism ------------------------------------------------------------------------------

def test_batched_results_do_not_depend_on_the_partition():
    """Our batch loop runs small matrices in parallel: each matrix gives the same bits as alone. Across
    thread counts OpenBLAS's own kernels (e.g. inside syevd) may round differently, so only closeness."""
    a = arr((64, 6, 6))
    s = a + mt(a)
    fns = [lambda x: L.svd(x).S, lambda x: L.eigh(x + x.mT).eigenvectors, lambda x: L.qr(x).R, L.inv, L.matrix_exp,
           L.det, lambda x: L.solve(x, x[..., 0])]
    prev = rt.get_num_threads()
    outs = []
    try:
        for n in (1, 2):
            rt.set_num_threads(n)
            batched = [f(rt.tensor(a)).numpy() for f in fns]
            for f, b in zip(fns, batched):
                alone = np.stack([f(rt.tensor(a[i])).numpy() for i in range(len(a))])
                np.testing.assert_array_equal(b, alone)
            outs.append(batched)
    finally:
        rt.set_num_threads(prev)
    for x, y in zip(*outs):
        np.testing.assert_allclose(x, y, rtol=1e-12, atol=1e-12)


# ---- gradients (values against torch; the gradcheck sweep covers finite differences) --------------------

@pytest.mark.skipif(torch is None, reason="needs torch")
@pytest.mark.parametrize("name,fn,make", [
    ("svd", lambda L_, A: (lambda U, S, Vh: (U @ Vh).sum() + (S ** 3).sum())(
        *L_.svd(A, full_matrices=False)), lambda: arr((4, 3))),
    ("svd_wide", lambda L_, A: (lambda U, S, Vh: (U @ Vh).pow(2).sum() + S.sum())(*L_.svd(A, full_matrices=False)),
     lambda: arr((3, 5))),
    ("eigh", lambda L_, A: (lambda w, V: (w * w).sum() + (V * V)[..., 0, :].sum() * 3)(*L_.eigh(A + A.mT)),
     lambda: arr((2, 4, 4))),
    ("qr", lambda L_, A: (lambda Q, R: Q.sum() + (R * R).sum())(*L_.qr(A)), lambda: arr((5, 3))),
    ("qr_wide", lambda L_, A: (lambda Q, R: Q.sum() + (R * R).sum())(*L_.qr(A)), lambda: arr((3, 5))),
    ("cholesky", lambda L_, A: (L_.cholesky(A @ A.mT + 3 * L_.matrix_power(A, 0)) ** 2).sum(),
     lambda: arr((3, 3))),
    ("det", lambda L_, A: L_.det(A).sum(), lambda: arr((2, 3, 3))),
    ("slogdet", lambda L_, A: L_.slogdet(A)[1].sum(), lambda: arr((2, 3, 3))),
    ("inv", lambda L_, A: (L_.inv(A) ** 2).sum(), lambda: arr((3, 3)) + 3 * np.eye(3)),
    ("pinv", lambda L_, A: (L_.pinv(A) ** 2).sum(), lambda: arr((4, 3))),
    ("matrix_exp", lambda L_, A: (L_.matrix_exp(A) ** 2).sum(), lambda: arr((3, 3))),
    ("nuc", lambda L_, A: L_.matrix_norm(A, "nuc"), lambda: arr((3, 4))),
])
def test_gradients_match_torch(name, fn, make):
    a = make()
    A = rt.tensor(a, requires_grad=True)
    fn(L, A).backward()
    At = torch.tensor(a, requires_grad=True)
    fn(torch.linalg, At).backward()
    np.testing.assert_allclose(A.grad.numpy(), At.grad.numpy(), rtol=1e-8, atol=1e-10)


def test_svdvals_gradient_with_repeated_singular_values():
    A = rt.eye(3, dtype=rt.float64).requires_grad_()
    L.svdvals(A).sum().backward()
    np.testing.assert_allclose(A.grad.numpy(), np.eye(3))
    B = rt.eye(3, dtype=rt.float64).requires_grad_()
    L.eigvalsh(B).sum().backward()
    np.testing.assert_allclose(B.grad.numpy(), np.eye(3))


def test_qr_r_mode_backward_raises():
    A = rt.tensor(arr((3, 3)), requires_grad=True)
    _, R = L.qr(A, mode="r")
    with pytest.raises(RuntimeError, match="mode='r'"):
        R.sum().backward()
    A2 = rt.tensor(arr((4, 2)), requires_grad=True)
    Q, R = L.qr(A2, mode="complete")
    with pytest.raises(RuntimeError, match="complete"):
        Q.sum().backward()


def test_slogdet_sign_is_not_differentiable():
    A = rt.tensor(arr((3, 3)), requires_grad=True)
    sign, logabs = L.slogdet(A)
    assert not sign.requires_grad and logabs.requires_grad


# ---- eig / eigvals (general real matrices -> complex results) ----------------------------------------

EIG_SHAPES = [(1, 1), (2, 2), (5, 5), (3, 4, 4), (2, 2, 6, 6), (16, 16), (0, 3, 3), (2, 0, 0)]
CDTYPE = {rt.float32: rt.complex64, rt.float64: rt.complex128}
EIG_TOL = {rt.float32: 2e-4, rt.float64: 1e-10}


def sorted_spectrum(w):
    """Eigenvalues in a canonical order (real part, then imaginary part), to compare as multisets."""
    w = np.asarray(w)
    idx = np.lexsort((np.round(w.imag, 6), np.round(w.real, 6)), axis=-1)
    return np.take_along_axis(w, idx, axis=-1)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", EIG_SHAPES)
@pytest.mark.parametrize("transposed", [False, True])
def test_eig_matches_numpy_and_satisfies_eigen_equation(shape, dtype, transposed):
    a = arr(shape, dtype)
    A = t(a, transposed)
    w, V = L.eig(A)
    assert w.dtype == CDTYPE[dtype] and V.dtype == CDTYPE[dtype]
    assert w.shape == shape[:-1] and V.shape == shape
    w_np, V_np = w.numpy(), V.numpy()
    tol = EIG_TOL[dtype] * max(1, shape[-1])
    np.testing.assert_allclose(sorted_spectrum(w_np), sorted_spectrum(np.linalg.eigvals(a.astype(np.float64))),
                               rtol=tol, atol=tol)
    # A v = lambda v column by column, each column of norm 1 with its largest component real (LAPACK's).
    a64 = a.astype(np.complex128)
    np.testing.assert_allclose(a64 @ V_np, V_np * w_np[..., None, :], atol=tol * 10, rtol=0)
    if V_np.size:
        np.testing.assert_allclose(np.linalg.norm(V_np, axis=-2), 1.0, atol=tol)
        largest = np.take_along_axis(V_np, np.abs(V_np).argmax(axis=-2)[..., None, :], axis=-2)
        np.testing.assert_allclose(largest.imag, 0.0, atol=tol)
    np.testing.assert_allclose(L.eigvals(A).numpy(), w_np, atol=tol, rtol=0)


def test_eig_complex_pairs_and_known_spectrum():
    rotation = rt.tensor([[0.0, -2.0], [2.0, 0.0]], dtype=rt.float64)  # eigenvalues +-2i
    w, V = L.eig(rotation)
    assert sorted(w.tolist(), key=lambda z: z.imag) == [pytest.approx(-2j, abs=1e-12), pytest.approx(2j, abs=1e-12)]
    Vn = V.numpy()
    np.testing.assert_allclose(Vn[:, 0], np.conj(Vn[:, 1]), atol=1e-12)  # conjugate pair
    upper = rt.tensor([[1.0, 5.0, 7.0], [0.0, 2.0, 3.0], [0.0, 0.0, -4.0]])  # triangular: the diagonal
    assert sorted(L.eigvals(upper).real.tolist()) == pytest.approx([-4.0, 1.0, 2.0], abs=1e-5)
    assert L.eigvals(upper).imag.abs().max().item() == 0.0


@pytest.mark.skipif(torch is None, reason="torch not installed")
def test_eig_matches_torch_up_to_column_phase():
    a = arr((6, 6))
    w, V = L.eig(rt.tensor(a))
    tw, tV = torch.linalg.eig(torch.from_numpy(a))
    np.testing.assert_allclose(w.numpy(), tw.numpy(), atol=1e-10)  # both LAPACK geev: same order
    # Columns agree up to a sign (both have norm 1 and a real largest component).
    ratio = (V.numpy() * np.conj(tV.numpy())).sum(axis=0)
    np.testing.assert_allclose(np.abs(ratio), 1.0, atol=1e-10)


def test_eig_nan_input_gives_nan_and_others_in_batch_are_computed():
    a = arr((3, 4, 4))
    a[1, 2, 3] = np.nan
    w, V = L.eig(rt.tensor(a))
    wn, Vn = w.numpy(), V.numpy()
    assert np.isnan(wn[1]).all() and np.isnan(Vn[1]).all()
    for b in (0, 2):
        np.testing.assert_allclose(sorted_spectrum(wn[b]), sorted_spectrum(np.linalg.eigvals(a[b])), atol=1e-10)
    assert np.isnan(L.eigvals(rt.tensor(a)).numpy()[1]).all()
    inf = np.eye(3)
    inf[0, 0] = np.inf
    assert np.isnan(L.eigvals(rt.tensor(inf)).numpy()).all()


def test_eig_errors():
    with pytest.raises(ValueError, match="linalg.eig.*square"):
        L.eig(rt.zeros(2, 3))
    with pytest.raises(ValueError, match="linalg.eigvals.*at least 2 dimensions"):
        L.eigvals(rt.zeros(3))
    with pytest.raises(TypeError, match="linalg.eig.*int64"):
        L.eig(rt.zeros(2, 2, dtype=rt.int64))
    with pytest.raises(TypeError, match="linalg.eig.*complex64"):
        L.eig(rt.zeros(2, 2, dtype=rt.complex64))
    A = rt.eye(3, dtype=rt.float64).requires_grad_()
    with pytest.raises(RuntimeError, match="linalg.eig: gradients of eig/eigvals are not supported"):
        L.eig(A)
    with pytest.raises(RuntimeError, match="linalg.eigvals: gradients"):
        L.eigvals(A)
    w, _ = L.eig(A.detach())  # detached: fine
    assert w.tolist() == [1, 1, 1]
    with rt.no_grad():
        assert L.eigvals(A).tolist() == [1, 1, 1]
