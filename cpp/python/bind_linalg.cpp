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
      "Raised when a linear-algebra op fails on its input: a singular matrix (solve, inv), a matrix that is not "
      "positive-definite (cholesky), or no convergence. A RuntimeError; the message names the op and batch element.";

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
        "Singular value decomposition A = U diag(S) Vh of (..., m, n) matrices; S descending. full_matrices=False "
        "gives the reduced factors. Gradients need distinct singular values and a loss that does not depend on the "
        "signs of the singular vectors. Returns (U, S, Vh).");
  m.def("svdvals", [](const Tensor& A, py::object driver) { return run(A, [&] { return svdvals(A); }); },
        py::arg("A"), py::kw_only(), py::arg("driver") = py::none(),
        "Singular values of (..., m, n) matrices, descending.");
  m.def("qr", [](const Tensor& A, const std::string& mode) {
          auto [Q, R] = run(A, [&] { return qr(A, parse_qr_mode(mode)); });
          return return_types().qr(py::cast(Q), py::cast(R));
        }, py::arg("A"), py::arg("mode") = "reduced",
        "QR decomposition A = Q R; mode 'reduced' (Q: m x k), 'complete' (Q: m x m) or 'r' (R only, Q empty). "
        "Returns (Q, R).");
  m.def("eigh", [](const Tensor& A, const std::string& UPLO) {
          const bool upper = parse_uplo(UPLO, "linalg.eigh");
          auto [L, V] = run(A, [&] { return eigh(A, upper); });
          return return_types().eigh(py::cast(L), py::cast(V));
        }, py::arg("A"), py::arg("UPLO") = "L",
        "Eigenvalues (ascending) and eigenvectors (columns) of symmetric matrices, read from the lower (UPLO='L') or "
        "upper triangle. Returns (eigenvalues, eigenvectors).");
  m.def("eig", [](const Tensor& A) {
          auto [L, V] = run(A, [&] { return eig(A); });
          return return_types().eig(py::cast(L), py::cast(V));
        }, py::arg("A"),
        "Eigenvalues and right eigenvectors (columns, norm 1, largest component real) of general real square "
        "matrices (..., n, n), from LAPACK geev; complex results (float32 -> complex64, float64 -> complex128). Not "
        "differentiable. Returns (eigenvalues, eigenvectors).");
  m.def("eigvals", [](const Tensor& A) { return run(A, [&] { return eigvals(A); }); }, py::arg("A"),
        "Eigenvalues (complex) of general real square matrices (..., n, n). Not differentiable.");
  m.def("eigvalsh", [](const Tensor& A, const std::string& UPLO) {
          const bool upper = parse_uplo(UPLO, "linalg.eigvalsh");
          return run(A, [&] { return eigvalsh(A, upper); });
        }, py::arg("A"), py::arg("UPLO") = "L", "Eigenvalues (ascending) of symmetric matrices.");
  m.def("cholesky", [](const Tensor& A, bool upper) { return run(A, [&] { return cholesky(A, upper); }); },
        py::arg("A"), py::kw_only(), py::arg("upper") = false,
        "Cholesky factor L (A = L L^T), or U (A = U^T U) when upper. Raises LinAlgError when a matrix is not "
        "positive-definite.");
  m.def("cholesky_ex", [](const Tensor& A, bool upper, bool check_errors) {
          auto [L, info] = run(A, [&] { return cholesky_ex(A, upper, check_errors); });
          return return_types().cholesky_ex(py::cast(L), py::cast(info));
        }, py::arg("A"), py::kw_only(), py::arg("upper") = false, py::arg("check_errors") = false,
        "Cholesky factor and info (0, or the order of the leading minor that is not positive-definite). "
        "Returns (L, info).");

  // ---- Solvers, inverses, determinants ----
  m.def("solve", [](const Tensor& A, const Tensor& B, bool left) { return run(A, [&] { return solve(A, B, left); }); },
        py::arg("A"), py::arg("B"), py::kw_only(), py::arg("left") = true,
        "Solves A X = B (or X A = B when left=False) for square A; batch dims broadcast, B may be a vector. "
        "Raises LinAlgError for a singular A.");
  m.def("solve_triangular", [](const Tensor& A, const Tensor& B, bool upper, bool left, bool unitriangular) {
          return run(A, [&] { return solve_triangular(A, B, upper, left, unitriangular); });
        }, py::arg("A"), py::arg("B"), py::kw_only(), py::arg("upper"), py::arg("left") = true,
        py::arg("unitriangular") = false, "Solves a triangular system A X = B (or X A = B when left=False).");
  m.def("inv", [](const Tensor& A) { return run(A, [&] { return inv(A); }); }, py::arg("A"),
        "Inverse of square matrices; raises LinAlgError for a singular matrix.");
  m.def("inv_ex", [](const Tensor& A, bool check_errors) {
          auto [X, info] = run(A, [&] { return inv_ex(A, check_errors); });
          return return_types().inv_ex(py::cast(X), py::cast(info));
        }, py::arg("A"), py::kw_only(), py::arg("check_errors") = false,
        "Inverse and info (0, or the index of the zero pivot). Returns (inverse, info).");
  m.def("det", [](const Tensor& A) { return run(A, [&] { return det(A); }); }, py::arg("A"),
        "Determinant of square matrices (LU). Its gradient needs a nonsingular matrix.");
  m.def("slogdet", [](const Tensor& A) {
          auto [sign, logabs] = run(A, [&] { return slogdet(A); });
          return return_types().slogdet(py::cast(sign), py::cast(logabs));
        }, py::arg("A"), "Sign and log of the absolute determinant. Returns (sign, logabsdet).");
  m.def("lstsq", [](const Tensor& A, const Tensor& B, py::object rcond, py::object driver) {
          const auto rc = opt_float(rcond, "linalg.lstsq", "rcond");
          const std::string drv = driver.is_none() ? std::string() : driver.cast<std::string>();
          LstsqResult r = run(A, [&] { return lstsq(A, B, rc, drv); });
          return return_types().lstsq(py::cast(r.solution), py::cast(r.residuals), py::cast(r.rank),
                                      py::cast(r.singular_values));
        }, py::arg("A"), py::arg("B"), py::arg("rcond") = py::none(), py::kw_only(), py::arg("driver") = py::none(),
        "Least-squares solution of A X = B (driver 'gelsy' by default; 'gelsd', 'gelss', 'gels'). Returns "
        "(solution, residuals, rank, singular_values).");
  m.def("pinv", [](const Tensor& A, py::object atol, py::object rtol, bool hermitian) {
          const auto a = opt_float(atol, "linalg.pinv", "atol"), r = opt_float(rtol, "linalg.pinv", "rtol");
          return run(A, [&] { return pinv(A, a, r, hermitian); });
        }, py::arg("A"), py::kw_only(), py::arg("atol") = py::none(), py::arg("rtol") = py::none(),
        py::arg("hermitian") = false,
        "Moore-Penrose pseudo-inverse (singular values at most max(atol, rtol * largest) are dropped).");
  m.def("matrix_rank", [](const Tensor& A, py::object atol, py::object rtol, bool hermitian) {
          const auto a = opt_float(atol, "linalg.matrix_rank", "atol");
          const auto r = opt_float(rtol, "linalg.matrix_rank", "rtol");
          return run(A, [&] { return matrix_rank(A, a, r, hermitian); });
        }, py::arg("A"), py::kw_only(), py::arg("atol") = py::none(), py::arg("rtol") = py::none(),
        py::arg("hermitian") = false, "Numerical rank: the number of singular values above the tolerance.");

  // ---- Norms ----
  m.def("vector_norm", [](const Tensor& x, py::object ord, py::object dim, bool keepdim, std::optional<DType> dtype) {
          return vector_norm(x, vector_ord(ord, "linalg.vector_norm"), opt_dims(dim, "linalg.vector_norm"), keepdim,
                             dtype);
        }, py::arg("x"), py::arg("ord") = 2, py::arg("dim") = py::none(), py::arg("keepdim") = false, py::kw_only(),
        py::arg("dtype") = py::none(), "Vector ord-norm over dim (all elements when None).");
  m.def("matrix_norm", [](const Tensor& A, py::object ord, py::object dim, bool keepdim, std::optional<DType> dtype) {
          const auto o = norm_ord(ord, "linalg.matrix_norm");
          const auto dims = dims_from_python(dim, "linalg.matrix_norm");
          RT_CHECK(dims.size() == 2, ValueError, "linalg.matrix_norm: dim must be a pair of ints");
          return run(A, [&] { return matrix_norm(A, o ? *o : NormOrd{}, {dims[0], dims[1]}, keepdim, dtype); });
        }, py::arg("A"), py::arg("ord") = "fro", py::arg("dim") = py::make_tuple(-2, -1), py::arg("keepdim") = false,
        py::kw_only(), py::arg("dtype") = py::none(),
        "Matrix norm: 'fro', 'nuc', 2, -2 (largest/smallest singular value), 1, -1 (column sums), inf, -inf (row sums).");
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
        py::arg("other"), py::kw_only(), py::arg("dim") = -1, "Cross product of 3-vectors along dim (broadcast).");
  m.def("matrix_power", [](const Tensor& A, int64_t n) { return run(A, [&] { return matrix_power(A, n); }); },
        py::arg("A"), py::arg("n"), "A to the integer power n (n < 0: of the inverse).");
  m.def("matrix_exp", [](const Tensor& A) { return run(A, [&] { return matrix_exp(A); }); }, py::arg("A"),
        "Matrix exponential (scaling and squaring with Pade approximants).");
  m.def("diagonal", [](const Tensor& A, int64_t offset, int64_t dim1, int64_t dim2) {
          if ((dim1 == -2 || dim1 == A.dim() - 2) && (dim2 == -1 || dim2 == A.dim() - 1)) return diagonal(A, offset);
          return diagonal(movedim(A, {dim1, dim2}, {-2, -1}), offset);
        }, py::arg("A"), py::kw_only(), py::arg("offset") = 0, py::arg("dim1") = -2, py::arg("dim2") = -1,
        "The offset diagonal of the matrices over dims (dim1, dim2), as the last dim.");
  m.def("_tril", &tril, py::arg("A"), py::arg("diagonal") = 0, "Lower triangle of the last two dims.");
  m.def("_triu", &triu, py::arg("A"), py::arg("diagonal") = 0, "Upper triangle of the last two dims.");
}

}  // namespace rustorch::python
