// Python bindings of rt.linalg: the functions of the _C._linalg submodule (re-exported by the
// rustorch.linalg package), their named-tuple results, and rt.linalg.LinAlgError. Large problems run
// with the GIL released.
#include <algorithm>
#include <cmath>

#include "bind_common.hpp"
#include "rustorch/linalg/linalg.hpp"
#include "rustorch/ops/shape.hpp"

namespace rustorch::python {

namespace {

using namespace rustorch::linalg;

// Multiply-adds above which a call releases the GIL.
constexpr double kReleaseGilWork = double(1 << 18);

double cubic_work(const Tensor& A) {
  if (A.dim() < 2) return 0.0;
  const double m = double(A.shape()[A.dim() - 2]), n = double(A.shape()[A.dim() - 1]);
  return double(A.numel()) * std::min(m, n);
}

template <class F> auto run(const Tensor& A, F&& f) {
  if (cubic_work(A) >= kReleaseGilWork) {
    py::gil_scoped_release release;
    return f();
  }
  return f();
}

// Named tuples like torch.return_types.linalg_*, created at module load.
struct ReturnTypes {
  py::object svd, qr, eigh, eig, slogdet, lstsq, cholesky_ex, inv_ex;
};
ReturnTypes& return_types() {
  static auto* r = new ReturnTypes();  // never destroyed: outlives the interpreter's teardown order
  return *r;
}

std::optional<double> opt_float(py::handle h, const char* op, const char* name) {
  if (h.is_none()) return std::nullopt;
  if (py::isinstance<TensorImpl>(h)) {
    Tensor t = h.cast<Tensor>();
    RT_CHECK(t.numel() == 1, ValueError, op, ": ", name, " must be a number or a one-element tensor");
    return py::float_(h.attr("item")()).cast<double>();
  }
  auto s = scalar_from_python(h);
  RT_CHECK(s, TypeError, op, ": ", name, " must be a number");
  return s->to_double();
}

// ord for linalg.norm / matrix_norm: None, 'fro', 'nuc', or a number (inf allowed).
std::optional<NormOrd> norm_ord(py::handle h, const char* op) {
  if (h.is_none()) return std::nullopt;
  if (py::isinstance<py::str>(h)) return NormOrd::parse(h.cast<std::string>());
  auto s = scalar_from_python(h);
  RT_CHECK(s, TypeError, op, ": ord must be a number, 'fro' or 'nuc'");
  return NormOrd::number(s->to_double());
}

double vector_ord(py::handle h, const char* op) {
  if (h.is_none()) return 2.0;
  auto s = scalar_from_python(h);
  RT_CHECK(s, TypeError, op, ": ord must be a number");
  return s->to_double();
}

std::vector<int64_t> opt_dims(py::handle h, const char* op) {
  return h.is_none() ? std::vector<int64_t>{} : dims_from_python(h, op);
}

bool parse_uplo(const std::string& uplo, const char* op) {
  RT_CHECK(uplo == "L" || uplo == "U" || uplo == "l" || uplo == "u", ValueError, op,
           ": UPLO must be 'L' or 'U', got '", uplo, "'");
  return uplo == "U" || uplo == "u";
}

}  // namespace

// The rt.distributions kernels (bind_distributions.cpp): bound from here, since the module entry
// calls one function for this area.
void bind_distributions(py::module_& m);

void bind_linalg(py::module_& root) {
  bind_distributions(root);
  py::module_ m = root.def_submodule("_linalg", "rt.linalg kernels (LAPACK/BLAS) with autograd");
  py::register_exception<LinAlgError>(m, "LinAlgError", PyExc_RuntimeError);
  m.attr("LinAlgError").attr("__doc__") =
      R"doc(Raised when a linear-algebra op fails on its input: a singular matrix (solve, inv), a matrix that is not
positive-definite (cholesky), or no convergence. A RuntimeError; the message names the op and batch element.

Args:
    message (str): the error message.

Example:
    >>> try:
    ...     rt.linalg.inv(rt.zeros(2, 2))
    ... except rt.linalg.LinAlgError as e:
    ...     print(type(e).__name__, isinstance(e, RuntimeError))
    LinAlgError True
)doc";

  py::object namedtuple = py::module_::import("collections").attr("namedtuple");
  ReturnTypes& rt = return_types();
  rt.svd = namedtuple("linalg_svd", py::make_tuple("U", "S", "Vh"));
  rt.qr = namedtuple("linalg_qr", py::make_tuple("Q", "R"));
  rt.eigh = namedtuple("linalg_eigh", py::make_tuple("eigenvalues", "eigenvectors"));
  rt.slogdet = namedtuple("linalg_slogdet", py::make_tuple("sign", "logabsdet"));
  rt.lstsq = namedtuple("linalg_lstsq", py::make_tuple("solution", "residuals", "rank", "singular_values"));
  rt.cholesky_ex = namedtuple("linalg_cholesky_ex", py::make_tuple("L", "info"));
  rt.inv_ex = namedtuple("linalg_inv_ex", py::make_tuple("inverse", "info"));
  m.attr("linalg_svd") = rt.svd;
  m.attr("linalg_qr") = rt.qr;
  m.attr("linalg_eigh") = rt.eigh;
  rt.eig = namedtuple("linalg_eig", py::make_tuple("eigenvalues", "eigenvectors"));
  m.attr("linalg_eig") = rt.eig;
  m.attr("linalg_slogdet") = rt.slogdet;
  m.attr("linalg_lstsq") = rt.lstsq;
  m.attr("linalg_cholesky_ex") = rt.cholesky_ex;
  m.attr("linalg_inv_ex") = rt.inv_ex;

  // ---- Decompositions ----
  m.def("svd", [](const Tensor& A, bool full_matrices, py::object driver) {
          auto [U, S, Vh] = run(A, [&] { return svd(A, full_matrices); });
          return return_types().svd(py::cast(U), py::cast(S), py::cast(Vh));
        }, py::arg("A"), py::arg("full_matrices") = true, py::kw_only(), py::arg("driver") = py::none(),
        R"doc(Singular value decomposition A = U diag(S) Vh of (..., m, n) matrices; S descending. full_matrices=False
gives the reduced factors. Gradients need distinct singular values and a loss that does not depend on the signs of the
singular vectors. Returns (U, S, Vh).

Args:
    A (Tensor): the (..., m, n) float32/float64 matrices (leading dims are batch dims).
    full_matrices (bool): U is (..., m, m) and Vh (..., n, n) when True; (..., m, k) and (..., k, n) with
        k = min(m, n) when False. Default: True.
    driver (str, optional): accepted for PyTorch compatibility and ignored.

Returns:
    tuple: the named tuple ``(U, S, Vh)``; ``S`` holds the k singular values, in descending order.

Example:
    >>> A = rt.tensor([[3., 0.], [0., -2.], [0., 0.]])
    >>> U, S, Vh = rt.linalg.svd(A, full_matrices=False)
    >>> U.shape, S, Vh.shape
    ((3, 2), tensor([3., 2.]), (2, 2))
    >>> bool(rt.allclose((U * S) @ Vh, A, atol=1e-6))
    True
)doc");
  m.def("svdvals", [](const Tensor& A, py::object driver) { return run(A, [&] { return svdvals(A); }); },
        py::arg("A"), py::kw_only(), py::arg("driver") = py::none(),
        R"doc(Singular values of (..., m, n) matrices, descending.

Differentiable without the restrictions of ``svd``'s gradient.

Args:
    A (Tensor): the (..., m, n) float32/float64 matrices (leading dims are batch dims).
    driver (str, optional): accepted for PyTorch compatibility and ignored.

Returns:
    Tensor: the (..., min(m, n)) singular values, in descending order.

Example:
    >>> rt.linalg.svdvals(rt.tensor([[3., 0.], [0., -2.]])).tolist()
    [3.0, 2.0]
)doc");
  m.def("qr", [](const Tensor& A, const std::string& mode) {
          auto [Q, R] = run(A, [&] { return qr(A, parse_qr_mode(mode)); });
          return return_types().qr(py::cast(Q), py::cast(R));
        }, py::arg("A"), py::arg("mode") = "reduced",
        R"doc(QR decomposition A = Q R; mode 'reduced' (Q: m x k), 'complete' (Q: m x m) or 'r' (R only, Q empty).
Returns (Q, R).

Q has orthonormal columns and R is upper triangular; k = min(m, n).

Args:
    A (Tensor): the (..., m, n) float32/float64 matrices (leading dims are batch dims).
    mode (str): ``'reduced'``, ``'complete'`` or ``'r'``. Default: ``'reduced'``.

Returns:
    tuple: the named tuple ``(Q, R)``.

Example:
    >>> A = rt.tensor([[1., 2.], [3., 4.], [5., 6.]])
    >>> Q, R = rt.linalg.qr(A)
    >>> Q.shape, R.shape
    ((3, 2), (2, 2))
    >>> bool(rt.allclose(Q @ R, A, atol=1e-5))
    True
)doc");
  m.def("eigh", [](const Tensor& A, const std::string& UPLO) {
          const bool upper = parse_uplo(UPLO, "linalg.eigh");
          auto [L, V] = run(A, [&] { return eigh(A, upper); });
          return return_types().eigh(py::cast(L), py::cast(V));
        }, py::arg("A"), py::arg("UPLO") = "L",
        R"doc(Eigenvalues (ascending) and eigenvectors (columns) of symmetric matrices, read from the lower (UPLO='L')
or upper triangle. Returns (eigenvalues, eigenvectors).

Gradients need distinct eigenvalues and a loss that does not depend on the signs of the eigenvectors.

Args:
    A (Tensor): the (..., n, n) square float32/float64 matrices (leading dims are batch dims).
    UPLO (str): ``'L'`` to read the lower triangle, ``'U'`` the upper one. Default: ``'L'``.

Returns:
    tuple: the named tuple ``(eigenvalues, eigenvectors)``: (..., n) and (..., n, n), the eigenvectors as
    orthonormal columns.

Example:
    >>> A = rt.tensor([[2., 1.], [1., 2.]])
    >>> L, V = rt.linalg.eigh(A)
    >>> L.tolist()
    [1.0, 3.0]
    >>> bool(rt.allclose(A @ V, V * L, atol=1e-5))
    True
)doc");
  m.def("eig", [](const Tensor& A) {
          auto [L, V] = run(A, [&] { return eig(A); });
          return return_types().eig(py::cast(L), py::cast(V));
        }, py::arg("A"),
        R"doc(Eigenvalues and right eigenvectors (columns, norm 1, largest component real) of general real square
matrices (..., n, n), from LAPACK geev; complex results (float32 -> complex64, float64 -> complex128). Not
differentiable. Returns (eigenvalues, eigenvectors).

Args:
    A (Tensor): the (..., n, n) square float32/float64 matrices (leading dims are batch dims).

Returns:
    tuple: the named tuple ``(eigenvalues, eigenvectors)`` of complex tensors, (..., n) and (..., n, n).

Example:
    >>> L, V = rt.linalg.eig(rt.tensor([[2., 0.], [0., 3.]]))
    >>> L.tolist()
    [(2+0j), (3+0j)]
    >>> L.dtype
    rustorch.complex64
)doc");
  m.def("eigvals", [](const Tensor& A) { return run(A, [&] { return eigvals(A); }); }, py::arg("A"),
        R"doc(Eigenvalues (complex) of general real square matrices (..., n, n). Not differentiable.

Args:
    A (Tensor): the (..., n, n) square float32/float64 matrices (leading dims are batch dims).

Returns:
    Tensor: the (..., n) complex eigenvalues, in LAPACK's order.

Example:
    >>> rt.linalg.eigvals(rt.tensor([[0., -1.], [1., 0.]])).tolist()
    [1j, -1j]
)doc");
  m.def("eigvalsh", [](const Tensor& A, const std::string& UPLO) {
          const bool upper = parse_uplo(UPLO, "linalg.eigvalsh");
          return run(A, [&] { return eigvalsh(A, upper); });
        }, py::arg("A"), py::arg("UPLO") = "L", R"doc(Eigenvalues (ascending) of symmetric matrices.

Args:
    A (Tensor): the (..., n, n) square float32/float64 matrices (leading dims are batch dims).
    UPLO (str): ``'L'`` to read the lower triangle, ``'U'`` the upper one. Default: ``'L'``.

Returns:
    Tensor: the (..., n) eigenvalues, in ascending order.

Example:
    >>> rt.linalg.eigvalsh(rt.tensor([[2., 1.], [1., 2.]])).tolist()
    [1.0, 3.0]
)doc");
  m.def("cholesky", [](const Tensor& A, bool upper) { return run(A, [&] { return cholesky(A, upper); }); },
        py::arg("A"), py::kw_only(), py::arg("upper") = false,
        R"doc(Cholesky factor L (A = L L^T), or U (A = U^T U) when upper. Raises LinAlgError when a matrix is not
positive-definite.

Args:
    A (Tensor): the (..., n, n) symmetric positive-definite matrices.
    upper (bool): return the upper-triangular factor U instead of L. Default: False.

Returns:
    Tensor: the (..., n, n) triangular factor.

Example:
    >>> A = rt.tensor([[4., 2.], [2., 5.]])
    >>> rt.linalg.cholesky(A)
    tensor([[2., 0.],
            [1., 2.]])
    >>> rt.linalg.cholesky(A, upper=True)
    tensor([[2., 1.],
            [0., 2.]])
)doc");
  m.def("cholesky_ex", [](const Tensor& A, bool upper, bool check_errors) {
          auto [L, info] = run(A, [&] { return cholesky_ex(A, upper, check_errors); });
          return return_types().cholesky_ex(py::cast(L), py::cast(info));
        }, py::arg("A"), py::kw_only(), py::arg("upper") = false, py::arg("check_errors") = false,
        R"doc(Cholesky factor and info (0, or the order of the leading minor that is not positive-definite). Returns (L,
info).

Unlike ``cholesky`` it does not raise for a matrix that is not positive-definite unless ``check_errors``.

Args:
    A (Tensor): the (..., n, n) symmetric matrices.
    upper (bool): return the upper-triangular factor U instead of L. Default: False.
    check_errors (bool): raise LinAlgError when ``info`` is not 0. Default: False.

Returns:
    tuple: the named tuple ``(L, info)``; ``info`` is an int64 tensor with the batch shape.

Example:
    >>> L, info = rt.linalg.cholesky_ex(rt.tensor([[1., 2.], [2., 1.]]))
    >>> info.item()
    2
)doc");

  // ---- Solvers, inverses, determinants ----
  m.def("solve", [](const Tensor& A, const Tensor& B, bool left) { return run(A, [&] { return solve(A, B, left); }); },
        py::arg("A"), py::arg("B"), py::kw_only(), py::arg("left") = true,
        R"doc(Solves A X = B (or X A = B when left=False) for square A; batch dims broadcast, B may be a vector. Raises
LinAlgError for a singular A.

Args:
    A (Tensor): the (..., n, n) square float32/float64 matrices (leading dims are batch dims).
    B (Tensor): the right-hand sides: (..., n, k) matrices or (..., n) vectors.
    left (bool): solve A X = B when True, X A = B when False. Default: True.

Returns:
    Tensor: the solution X, with ``B``'s shape (batch dims broadcast).

Example:
    >>> A = rt.tensor([[3., 1.], [1., 2.]])
    >>> rt.linalg.solve(A, rt.tensor([9., 8.])).tolist()
    [2.0, 3.0]
)doc");
  m.def("solve_triangular", [](const Tensor& A, const Tensor& B, bool upper, bool left, bool unitriangular) {
          return run(A, [&] { return solve_triangular(A, B, upper, left, unitriangular); });
        }, py::arg("A"), py::arg("B"), py::kw_only(), py::arg("upper"), py::arg("left") = true,
        py::arg("unitriangular") = false, R"doc(Solves a triangular system A X = B (or X A = B when left=False).

Args:
    A (Tensor): the (..., n, n) triangular matrices; only the triangle named by ``upper`` is read.
    B (Tensor): the (..., n, k) right-hand sides ((..., k, n) when ``left`` is False).
    upper (bool): whether ``A`` is upper (True) or lower (False) triangular. Required, keyword-only.
    left (bool): solve A X = B when True, X A = B when False. Default: True.
    unitriangular (bool): take the diagonal of ``A`` as all ones. Default: False.

Returns:
    Tensor: the solution X.

Example:
    >>> A = rt.tensor([[2., 0.], [1., 1.]])
    >>> rt.linalg.solve_triangular(A, rt.tensor([[2.], [3.]]), upper=False)
    tensor([[1.],
            [2.]])
)doc");
  m.def("inv", [](const Tensor& A) { return run(A, [&] { return inv(A); }); }, py::arg("A"),
        R"doc(Inverse of square matrices; raises LinAlgError for a singular matrix.

Args:
    A (Tensor): the (..., n, n) square float32/float64 matrices (leading dims are batch dims).

Returns:
    Tensor: the (..., n, n) inverses.

Example:
    >>> rt.linalg.inv(rt.tensor([[2., 1.], [1., 1.]]))
    tensor([[ 1., -1.],
            [-1.,  2.]])
)doc");
  m.def("inv_ex", [](const Tensor& A, bool check_errors) {
          auto [X, info] = run(A, [&] { return inv_ex(A, check_errors); });
          return return_types().inv_ex(py::cast(X), py::cast(info));
        }, py::arg("A"), py::kw_only(), py::arg("check_errors") = false,
        R"doc(Inverse and info (0, or the index of the zero pivot). Returns (inverse, info).

Unlike ``inv`` it does not raise for a singular matrix unless ``check_errors``; ``info`` is then the
(1-based) index of the zero pivot of the LU factorisation.

Args:
    A (Tensor): the (..., n, n) square float32/float64 matrices (leading dims are batch dims).
    check_errors (bool): raise LinAlgError when ``info`` is not 0. Default: False.

Returns:
    tuple: the named tuple ``(inverse, info)``; ``info`` is an int64 tensor with the batch shape.

Example:
    >>> X, info = rt.linalg.inv_ex(rt.tensor([[1., 2.], [2., 4.]]))
    >>> info.item()
    2
)doc");
  m.def("det", [](const Tensor& A) { return run(A, [&] { return det(A); }); }, py::arg("A"),
        R"doc(Determinant of square matrices (LU). Its gradient needs a nonsingular matrix.

Args:
    A (Tensor): the (..., n, n) square float32/float64 matrices (leading dims are batch dims).

Returns:
    Tensor: the determinants, with the batch shape.

Example:
    >>> round(rt.linalg.det(rt.tensor([[1., 2.], [3., 4.]])).item(), 4)
    -2.0
)doc");
  m.def("slogdet", [](const Tensor& A) {
          auto [sign, logabs] = run(A, [&] { return slogdet(A); });
          return return_types().slogdet(py::cast(sign), py::cast(logabs));
        }, py::arg("A"), R"doc(Sign and log of the absolute determinant. Returns (sign, logabsdet).

The determinant is ``sign * exp(logabsdet)``; this avoids its overflow and underflow.

Args:
    A (Tensor): the (..., n, n) square float32/float64 matrices (leading dims are batch dims).

Returns:
    tuple: the named tuple ``(sign, logabsdet)``, each with the batch shape.

Example:
    >>> sign, logabsdet = rt.linalg.slogdet(rt.tensor([[-2., 0.], [0., 3.]]))
    >>> sign.item(), round(logabsdet.item(), 4)
    (-1.0, 1.7918)
)doc");
  m.def("lstsq", [](const Tensor& A, const Tensor& B, py::object rcond, py::object driver) {
          const auto rc = opt_float(rcond, "linalg.lstsq", "rcond");
          const std::string drv = driver.is_none() ? std::string() : driver.cast<std::string>();
          LstsqResult r = run(A, [&] { return lstsq(A, B, rc, drv); });
          return return_types().lstsq(py::cast(r.solution), py::cast(r.residuals), py::cast(r.rank),
                                      py::cast(r.singular_values));
        }, py::arg("A"), py::arg("B"), py::arg("rcond") = py::none(), py::kw_only(), py::arg("driver") = py::none(),
        R"doc(Least-squares solution of A X = B (driver 'gelsy' by default; 'gelsd', 'gelss', 'gels'). Returns
(solution, residuals, rank, singular_values).

Args:
    A (Tensor): the (..., m, n) float32/float64 matrices (leading dims are batch dims).
    B (Tensor): the (..., m, k) right-hand sides.
    rcond (float, optional): singular values below ``rcond`` times the largest are taken as zero; the
        machine precision of the dtype times max(m, n) when None.
    driver (str, optional): the LAPACK driver: ``'gelsy'`` (when None), ``'gelsd'``, ``'gelss'`` or ``'gels'``.

Returns:
    tuple: the named tuple ``(solution, residuals, rank, singular_values)``; ``solution`` is (..., n, k).

Example:
    >>> A = rt.tensor([[1., 0.], [1., 1.], [1., 2.]])
    >>> B = rt.tensor([[1.], [2.], [3.]])
    >>> rt.linalg.lstsq(A, B).solution
    tensor([[1.0000],
            [1.0000]])
)doc");
  m.def("pinv", [](const Tensor& A, py::object atol, py::object rtol, bool hermitian) {
          const auto a = opt_float(atol, "linalg.pinv", "atol"), r = opt_float(rtol, "linalg.pinv", "rtol");
          return run(A, [&] { return pinv(A, a, r, hermitian); });
        }, py::arg("A"), py::kw_only(), py::arg("atol") = py::none(), py::arg("rtol") = py::none(),
        py::arg("hermitian") = false,
        R"doc(Moore-Penrose pseudo-inverse (singular values at most max(atol, rtol * largest) are dropped).

Args:
    A (Tensor): the (..., m, n) float32/float64 matrices (leading dims are batch dims).
    atol (float, optional): the absolute tolerance; 0 when None.
    rtol (float, optional): the relative tolerance; when None, the machine precision of the dtype times
        max(m, n) if ``atol`` is None or 0, else 0.
    hermitian (bool): whether ``A`` is symmetric (an eigendecomposition is used). Default: False.

Returns:
    Tensor: the (..., n, m) pseudo-inverses.

Example:
    >>> rt.linalg.pinv(rt.tensor([[2., 0.], [0., 0.]]))
    tensor([[0.5000, 0.0000],
            [0.0000, 0.0000]])
)doc");
  m.def("matrix_rank", [](const Tensor& A, py::object atol, py::object rtol, bool hermitian) {
          const auto a = opt_float(atol, "linalg.matrix_rank", "atol");
          const auto r = opt_float(rtol, "linalg.matrix_rank", "rtol");
          return run(A, [&] { return matrix_rank(A, a, r, hermitian); });
        }, py::arg("A"), py::kw_only(), py::arg("atol") = py::none(), py::arg("rtol") = py::none(),
        py::arg("hermitian") = false, R"doc(Numerical rank: the number of singular values above the tolerance.

The tolerance is max(atol, rtol * largest singular value).

Args:
    A (Tensor): the (..., m, n) float32/float64 matrices (leading dims are batch dims).
    atol (float, optional): the absolute tolerance; 0 when None.
    rtol (float, optional): the relative tolerance; when None, the machine precision of the dtype times
        max(m, n) if ``atol`` is None or 0, else 0.
    hermitian (bool): whether ``A`` is symmetric (its eigenvalues are used). Default: False.

Returns:
    Tensor: the int64 ranks, with the batch shape.

Example:
    >>> rt.linalg.matrix_rank(rt.tensor([[1., 2.], [2., 4.]])).item()
    1
)doc");

  // ---- Norms ----
  m.def("vector_norm", [](const Tensor& x, py::object ord, py::object dim, bool keepdim, std::optional<DType> dtype) {
          return vector_norm(x, vector_ord(ord, "linalg.vector_norm"), opt_dims(dim, "linalg.vector_norm"), keepdim,
                             dtype);
        }, py::arg("x"), py::arg("ord") = 2, py::arg("dim") = py::none(), py::arg("keepdim") = false, py::kw_only(),
        py::arg("dtype") = py::none(), R"doc(Vector ord-norm over dim (all elements when None).

``sum(abs(x) ** ord) ** (1 / ord)``; ``inf`` gives the largest absolute value, ``-inf`` the smallest and 0 the
number of non-zero elements.

Args:
    x (Tensor): the input.
    ord (float): the order of the norm. Default: 2.
    dim (int or tuple of ints, optional): the dims to reduce; all of them when None.
    keepdim (bool): keep the reduced dims with size 1. Default: False.
    dtype (dtype, optional): the computation and result dtype (float32 or float64).

Returns:
    Tensor: the norms, with ``dim`` removed unless ``keepdim``.

Example:
    >>> x = rt.tensor([3., -4.])
    >>> rt.linalg.vector_norm(x).item()
    5.0
    >>> rt.linalg.vector_norm(x, ord=1).item()
    7.0
    >>> rt.linalg.vector_norm(rt.tensor([[3., 4.], [6., 8.]]), dim=1).tolist()
    [5.0, 10.0]
)doc");
  m.def("matrix_norm", [](const Tensor& A, py::object ord, py::object dim, bool keepdim, std::optional<DType> dtype) {
          const auto o = norm_ord(ord, "linalg.matrix_norm");
          const auto dims = dims_from_python(dim, "linalg.matrix_norm");
          RT_CHECK(dims.size() == 2, ValueError, "linalg.matrix_norm: dim must be a pair of ints");
          return run(A, [&] { return matrix_norm(A, o ? *o : NormOrd{}, {dims[0], dims[1]}, keepdim, dtype); });
        }, py::arg("A"), py::arg("ord") = "fro", py::arg("dim") = py::make_tuple(-2, -1), py::arg("keepdim") = false,
        py::kw_only(), py::arg("dtype") = py::none(),
        R"doc(Matrix norm: 'fro', 'nuc', 2, -2 (largest/smallest singular value), 1, -1 (column sums), inf, -inf (row
sums).

Args:
    A (Tensor): the matrices, over the two dims ``dim``.
    ord (str or float): ``'fro'`` (Frobenius), ``'nuc'`` (nuclear), 2, -2, 1, -1, ``inf`` or ``-inf``. Default:
        ``'fro'``.
    dim (tuple of two ints): the dims of the matrices. Default: (-2, -1).
    keepdim (bool): keep the reduced dims with size 1. Default: False.
    dtype (dtype, optional): the computation and result dtype (float32 or float64).

Returns:
    Tensor: the norms, with the two dims removed unless ``keepdim``.

Example:
    >>> A = rt.tensor([[1., -2.], [3., 4.]])
    >>> round(rt.linalg.matrix_norm(A).item(), 4)
    5.4772
    >>> rt.linalg.matrix_norm(A, ord=1).item()
    6.0
)doc");
  m.def("norm", [](const Tensor& A, py::object ord, py::object dim, bool keepdim, std::optional<DType> dtype) {
          const auto o = norm_ord(ord, "linalg.norm");
          std::optional<std::vector<int64_t>> dims;
          if (!dim.is_none()) dims = dims_from_python(dim, "linalg.norm");
          return run(A, [&] { return norm(A, o, dims, keepdim, dtype); });
        }, py::arg("A"), py::arg("ord") = py::none(), py::arg("dim") = py::none(), py::arg("keepdim") = false,
        py::kw_only(), py::arg("dtype") = py::none(),
        R"(Vector or matrix norm: a vector norm for one dim (or a 1-D input), a matrix norm for two dims (or a 2-D input with ord); with neither ord nor dim, the 2-norm of all elements.

Args:
    A (Tensor): the input tensor.
    ord (Number or str, optional): the order: a number, ``inf`` or ``-inf`` for vector norms; ``'fro'``,
        ``'nuc'``, 2, -2, 1, -1, ``inf`` or ``-inf`` for matrix norms; the 2-norm (Frobenius for matrices)
        when None. Default: None.
    dim (int or tuple of ints, optional): one dim (vector norm) or two dims (matrix norm). Default: None.
    keepdim (bool): keep the reduced dims with size 1. Default: False.
    dtype (dtype, optional): keyword-only computation and result dtype. Default: None.

Returns:
    Tensor: the norms, with ``dim`` removed unless ``keepdim``.

Example:
    >>> x = rt.tensor([3., 4.])
    >>> rt.linalg.norm(x).item()
    5.0
    >>> A = rt.tensor([[1., 2.], [3., 4.]])
    >>> round(rt.linalg.norm(A).item(), 4)
    5.4772
    >>> rt.linalg.norm(A, ord=1).item()
    6.0
    >>> rt.linalg.norm(A, ord=float('inf')).item()
    7.0
    >>> rt.linalg.norm(A, ord=1, dim=0).tolist()
    [4.0, 6.0]
    >>> rt.linalg.norm(A, dim=1, keepdim=True)
    tensor([[2.2361],
            [5.0000]])
)");

  // ---- Products and matrix functions ----
  m.def("cross", [](const Tensor& a, const Tensor& b, int64_t dim) { return cross(a, b, dim); }, py::arg("input"),
        py::arg("other"), py::kw_only(), py::arg("dim") = -1, R"doc(Cross product of 3-vectors along dim (broadcast).

Args:
    input (Tensor): the first vectors; the size of ``dim`` is 3.
    other (Tensor): the second vectors, broadcastable with ``input``.
    dim (int): the dim holding the vectors. Default: -1.

Returns:
    Tensor: the cross products, with the broadcast shape.

Example:
    >>> rt.linalg.cross(rt.tensor([1., 0., 0.]), rt.tensor([0., 1., 0.])).tolist()
    [0.0, 0.0, 1.0]
)doc");
  m.def("matrix_power", [](const Tensor& A, int64_t n) { return run(A, [&] { return matrix_power(A, n); }); },
        py::arg("A"), py::arg("n"), R"doc(A to the integer power n (n < 0: of the inverse).

Args:
    A (Tensor): the (..., n, n) square float32/float64 matrices (leading dims are batch dims).
    n (int): the exponent; 0 gives identity matrices.

Returns:
    Tensor: the (..., n, n) powers.

Example:
    >>> A = rt.tensor([[1., 1.], [0., 1.]])
    >>> rt.linalg.matrix_power(A, 3)
    tensor([[1., 3.],
            [0., 1.]])
    >>> rt.linalg.matrix_power(A, 0)
    tensor([[1., 0.],
            [0., 1.]])
)doc");
  m.def("matrix_exp", [](const Tensor& A) { return run(A, [&] { return matrix_exp(A); }); }, py::arg("A"),
        R"doc(Matrix exponential (scaling and squaring with Pade approximants).

Args:
    A (Tensor): the (..., n, n) square float32/float64 matrices (leading dims are batch dims).

Returns:
    Tensor: the (..., n, n) matrix exponentials ``sum(A ** k / k!)``.

Example:
    >>> rt.linalg.matrix_exp(rt.zeros(2, 2))
    tensor([[1., 0.],
            [0., 1.]])
    >>> rt.linalg.matrix_exp(rt.tensor([[1., 0.], [0., 2.]]))
    tensor([[2.7183, 0.0000],
            [0.0000, 7.3891]])
)doc");
  m.def("diagonal", [](const Tensor& A, int64_t offset, int64_t dim1, int64_t dim2) {
          if ((dim1 == -2 || dim1 == A.dim() - 2) && (dim2 == -1 || dim2 == A.dim() - 1)) return diagonal(A, offset);
          return diagonal(movedim(A, {dim1, dim2}, {-2, -1}), offset);
        }, py::arg("A"), py::kw_only(), py::arg("offset") = 0, py::arg("dim1") = -2, py::arg("dim2") = -1,
        R"doc(The offset diagonal of the matrices over dims (dim1, dim2), as the last dim.

Args:
    A (Tensor): the tensor, with at least 2 dims.
    offset (int): the diagonal: 0 the main one, > 0 above it, < 0 below it. Default: 0.
    dim1 (int): the dim of the rows. Default: -2.
    dim2 (int): the dim of the columns. Default: -1.

Returns:
    Tensor: the diagonals, with ``dim1`` and ``dim2`` removed and the diagonal as the last dim.

Example:
    >>> A = rt.tensor([[1, 2, 3], [4, 5, 6]])
    >>> rt.linalg.diagonal(A).tolist()
    [1, 5]
    >>> rt.linalg.diagonal(A, offset=1).tolist()
    [2, 6]
)doc");
  m.def("_tril", &tril, py::arg("A"), py::arg("diagonal") = 0, "Lower triangle of the last two dims.");
  m.def("_triu", &triu, py::arg("A"), py::arg("diagonal") = 0, "Upper triangle of the last two dims.");
}

}  // namespace rustorch::python
