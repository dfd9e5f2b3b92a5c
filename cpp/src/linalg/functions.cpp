// rt.linalg norms, cross, matrix_power, matrix_exp and the triangle/diagonal helpers, plus the shared
// argument checks (util.hpp). Norms, cross and matrix_power are compositions of differentiable ops;
// matrix_exp has its own kernel and a block-matrix backward.
#include <algorithm>
#include <cmath>
#include <limits>

#include "rustorch/autograd/function.hpp"
#include "rustorch/linalg/kernels.hpp"
#include "rustorch/linalg/linalg.hpp"
#include "rustorch/linalg/util.hpp"
#include "rustorch/ops/copy.hpp"
#include "rustorch/ops/elementwise.hpp"
#include "rustorch/ops/factory.hpp"
#include "rustorch/ops/index.hpp"
#include "rustorch/ops/matmul.hpp"
#include "rustorch/ops/reduce.hpp"
#include "rustorch/ops/registry.hpp"
#include "rustorch/ops/shape.hpp"

namespace rustorch::linalg {

using autograd::BackwardContext;

RT_REGISTER_OP("linalg.vector_norm", true);
RT_REGISTER_OP("linalg.matrix_norm", true);
RT_REGISTER_OP("linalg.norm", true);
RT_REGISTER_OP("linalg.cross", true);
RT_REGISTER_OP("linalg.matrix_power", true);
RT_REGISTER_OP("linalg.matrix_exp", true);
RT_REGISTER_OP("linalg.diagonal", true);

// ---- util --------------------------------------------------------------------------------------------

namespace util {

void check_floating(const Tensor& t, const char* op) {
  RT_CHECK(is_floating(t.dtype()), TypeError, op, ": expected a float32 or float64 tensor, got ",
           dtype_name(t.dtype()));
}

void check_matrix(const Tensor& A, const char* op) {
  RT_CHECK(A.dim() >= 2, ValueError, op, ": the input must have at least 2 dimensions, got shape ",
           shape_str(A.shape()));
  check_floating(A, op);
}

void check_square(const Tensor& A, const char* op) {
  check_matrix(A, op);
  RT_CHECK(rows(A) == cols(A), ValueError, op, ": A must be batches of square matrices, but they are ", rows(A),
           " by ", cols(A), " matrices (shape ", shape_str(A.shape()), ")");
}

void check_same_dtype(const Tensor& A, const Tensor& B, const char* op) {
  RT_CHECK(A.dtype() == B.dtype(), TypeError, op, ": expected A and B to have the same dtype, but got ",
           dtype_name(A.dtype()), " and ", dtype_name(B.dtype()));
}

int64_t rows(const Tensor& A) { return A.shape()[A.dim() - 2]; }
int64_t cols(const Tensor& A) { return A.shape()[A.dim() - 1]; }

Shape broadcast_batch(const Tensor& A, const Tensor& B, const char* op) {
  const Shape ba(A.shape().begin(), A.shape().end() - 2), bb(B.shape().begin(), B.shape().end() - 2);
  return broadcast_shapes(ba, bb, op);
}

Tensor expand_batch(const Tensor& t, const Shape& batch) {
  Shape s = batch;
  s.push_back(rows(t));
  s.push_back(cols(t));
  if (s == t.shape()) return t;
  return expand(t.detach(), s);
}

Tensor mT(const Tensor& t) { return transpose(t, -2, -1); }

bool is_zero_grad(const Tensor& g) {
  if (!g.defined()) return true;
  if (g.requires_grad()) return false;
  const Tensor c = contiguous_as(g, g.dtype());
  return dispatch_floating(c.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    const T* p = c.data<T>();
    for (int64_t i = 0; i < c.numel(); ++i)
      if (p[i] != T(0)) return false;
    return true;
  });
}

Tensor scalar_of(double v, DType dtype) { return scalar_tensor(Scalar(v), dtype); }
Tensor identity(int64_t n, DType dtype) { return eye(n, std::nullopt, dtype); }

}  // namespace util

using namespace util;

// ---- Triangles and diagonals -------------------------------------------------------------------------

namespace {

// Bool mask over the last two dims: keep (i, j) when j - i <= k (lower) or j - i >= k (upper).
Tensor band_mask(int64_t m, int64_t n, int64_t k, bool lower) {
  Tensor mask = Tensor::empty({m, n}, DType::Bool);
  bool* p = mask.data<bool>();
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j) p[i * n + j] = lower ? (j - i <= k) : (j - i >= k);
  return mask;
}

Tensor triangle(const Tensor& A, int64_t k, bool lower, const char* op) {
  RT_CHECK(A.dim() >= 2, ValueError, op, ": the input must have at least 2 dimensions, got shape ",
           shape_str(A.shape()));
  return where(band_mask(rows(A), cols(A), k, lower), A, scalar_tensor(Scalar(0), A.dtype()));
}

}  // namespace

Tensor tril(const Tensor& A, int64_t k) { return triangle(A, k, true, "tril"); }
Tensor triu(const Tensor& A, int64_t k) { return triangle(A, k, false, "triu"); }

Tensor diagonal(const Tensor& A, int64_t offset) {
  RT_CHECK(A.dim() >= 2, ValueError, "linalg.diagonal: the input must have at least 2 dimensions, got shape ",
           shape_str(A.shape()));
  Tensor x = A;
  const int64_t m = rows(A), n = cols(A);
  int64_t len = 0;
  if (offset >= 0) {
    len = std::max<int64_t>(0, std::min(m, n - offset));
    x = narrow(narrow(x, -1, std::min(offset, n), len), -2, 0, len);
  } else {
    len = std::max<int64_t>(0, std::min(m + offset, n));
    x = narrow(narrow(x, -2, std::min(-offset, m), len), -1, 0, len);
  }
  return einsum("...ii->...i", {x});
}

Tensor diag_embed(const Tensor& v) {
  RT_CHECK(v.dim() >= 1, ValueError, "diag_embed: the input must have at least 1 dimension");
  const int64_t k = v.shape().back();
  Tensor mask = zeros({k, k}, DType::Bool);
  for (int64_t i = 0; i < k; ++i) mask.data<bool>()[i * k + i] = true;
  return where(mask, unsqueeze(v, -1), scalar_tensor(Scalar(0), v.dtype()));
}

// ---- Norms ---------------------------------------------------------------------------------------------

NormOrd NormOrd::parse(const std::string& s) {
  if (s == "fro") return {Kind::Fro, 0.0};
  if (s == "nuc") return {Kind::Nuc, 0.0};
  RT_THROW(ValueError, "linalg.matrix_norm: order '", s, "' is not supported (use 'fro', 'nuc' or a number)");
}

Tensor vector_norm(const Tensor& x, double ord, const std::vector<int64_t>& dims, bool keepdim,
                   std::optional<DType> dtype) {
  if (dtype) RT_CHECK(is_floating(*dtype), TypeError, "linalg.vector_norm: dtype must be float32 or float64");
  else check_floating(x, "linalg.vector_norm");
  return rustorch::norm(x, ord, dims, keepdim, dtype);
}

Tensor matrix_norm(const Tensor& A, NormOrd ord, std::pair<int64_t, int64_t> dims, bool keepdim,
                   std::optional<DType> dtype) {
  const char* op = "linalg.matrix_norm";
  RT_CHECK(A.dim() >= 2, ValueError, op, ": the input must have at least 2 dimensions, got shape ",
           shape_str(A.shape()));
  if (dtype) RT_CHECK(is_floating(*dtype), TypeError, op, ": dtype must be float32 or float64");
  else check_floating(A, op);
  const int64_t d0 = wrap_dim(dims.first, A.dim(), op), d1 = wrap_dim(dims.second, A.dim(), op);
  RT_CHECK(d0 != d1, ValueError, op, ": dims must be different, got (", dims.first, ", ", dims.second, ")");
  const Tensor x = dtype ? to_dtype(A, *dtype) : A;
  if (ord.kind == NormOrd::Kind::Fro) return rustorch::norm(x, 2.0, {d0, d1}, keepdim);
  const double p = ord.p;
  if (ord.kind == NormOrd::Kind::Nuc || std::abs(p) == 2.0) {
    const Tensor s = svdvals(movedim(x, {d0, d1}, {-2, -1}));
    Tensor r = ord.kind == NormOrd::Kind::Nuc ? sum(s, {-1}, false) : p > 0 ? amax(s, {-1}, false) : amin(s, {-1}, false);
    if (keepdim) {
      r = unsqueeze(r, std::min(d0, d1));
      r = unsqueeze(r, std::max(d0, d1));
    }
    return r;
  }
  RT_CHECK(std::abs(p) == 1.0 || std::isinf(p), ValueError, op, ": order ", p,
           " is not supported (use 'fro', 'nuc', 2, -2, 1, -1, inf or -inf)");
  // 1-norms: largest column sum (sum over rows d0); inf-norms: largest row sum (sum over columns d1).
  const int64_t sum_dim = std::abs(p) == 1.0 ? d0 : d1, max_dim = std::abs(p) == 1.0 ? d1 : d0;
  const Tensor sums = sum(abs(x), {sum_dim}, true);
  Tensor r = p > 0 ? amax(sums, {max_dim}, true) : amin(sums, {max_dim}, true);
  if (!keepdim) r = squeeze(r, {d0, d1});
  return r;
}

Tensor norm(const Tensor& A, std::optional<NormOrd> ord, std::optional<std::vector<int64_t>> dims, bool keepdim,
            std::optional<DType> dtype) {
  const char* op = "linalg.norm";
  auto vector_ord = [&]() -> double {
    if (!ord) return 2.0;
    RT_CHECK(ord->kind == NormOrd::Kind::Number, ValueError, op, ": order '",
             ord->kind == NormOrd::Kind::Fro ? "fro" : "nuc", "' needs a matrix (two dims)");
    return ord->p;
  };
  if (dims) {
    RT_CHECK(dims->size() == 1 || dims->size() == 2, ValueError, op,
             ": dim must be an int or a pair of ints, got ", dims->size(), " dims");
    if (dims->size() == 1) return vector_norm(A, vector_ord(), *dims, keepdim, dtype);
    return matrix_norm(A, ord ? *ord : NormOrd{}, {(*dims)[0], (*dims)[1]}, keepdim, dtype);
  }
  if (!ord) return vector_norm(A, 2.0, {}, keepdim, dtype);
  RT_CHECK(A.dim() == 1 || A.dim() == 2, ValueError, op,
           ": when ord is given without dim the input must be 1-D or 2-D, got shape ", shape_str(A.shape()));
  if (A.dim() == 1) return vector_norm(A, vector_ord(), {}, keepdim, dtype);
  return matrix_norm(A, *ord, {-2, -1}, keepdim, dtype);
}

// ---- cross, matrix_power --------------------------------------------------------------------------------

Tensor cross(const Tensor& a, const Tensor& b, int64_t dim) {
  const char* op = "linalg.cross";
  RT_CHECK(a.dim() == b.dim(), ValueError, op, ": inputs must have the same number of dimensions, got shapes ",
           shape_str(a.shape()), " and ", shape_str(b.shape()));
  const Shape shape = broadcast_shapes(a.shape(), b.shape(), op);
  const int64_t d = wrap_dim(dim, static_cast<int64_t>(shape.size()), op);
  RT_CHECK(a.shape()[d] == 3 && b.shape()[d] == 3, ValueError, op, ": dimension ", dim,
           " does not have size 3 in shapes ", shape_str(a.shape()), " and ", shape_str(b.shape()));
  const Tensor ae = a.shape() == shape ? a : expand(a, shape), be = b.shape() == shape ? b : expand(b, shape);
  auto c = [&](const Tensor& t, int64_t i) { return select(t, d, i); };
  const Tensor x = sub(mul(c(ae, 1), c(be, 2)), mul(c(ae, 2), c(be, 1)));
  const Tensor y = sub(mul(c(ae, 2), c(be, 0)), mul(c(ae, 0), c(be, 2)));
  const Tensor z = sub(mul(c(ae, 0), c(be, 1)), mul(c(ae, 1), c(be, 0)));
  return stack({x, y, z}, d);
}

Tensor matrix_power(const Tensor& A, int64_t n) {
  const char* op = "linalg.matrix_power";
  RT_CHECK(A.dim() >= 2, ValueError, op, ": the input must have at least 2 dimensions, got shape ",
           shape_str(A.shape()));
  RT_CHECK(rows(A) == cols(A), ValueError, op, ": A must be batches of square matrices, got shape ",
           shape_str(A.shape()));
  if (n == 0) return contiguous(expand(identity(rows(A), A.dtype()), A.shape()));
  Tensor base = A;
  if (n < 0) {
    RT_CHECK(is_floating(A.dtype()), TypeError, op, ": negative powers need a float32 or float64 input");
    base = inv(A);
    n = -n;
  }
  if (n == 1) return clone(base);
  Tensor result;
  while (true) {
    if (n & 1) result = result.defined() ? matmul(result, base) : base;
    n >>= 1;
    if (n == 0) break;
    base = matmul(base, base);
  }
  return result;
}

// ---- matrix_exp ---------------------------------------------------------------------------------------

Tensor matrix_exp(const Tensor& A) {
  check_square(A, "linalg.matrix_exp");
  Tensor out = kernels::matrix_exp(A);
  if (autograd::needs_grad({A}))
    autograd::record("LinalgMatrixExpBackward", {A}, {out}, {A},
                     [](const BackwardContext& ctx, const TensorList& g) -> TensorList {
                       // d exp(A)^T[G] = the upper-right block of exp([[A^T, G], [0, A^T]]).
                       const Tensor a = ctx.saved(0);
                       const int64_t n = cols(a);
                       const Tensor at = mT(a);
                       const Tensor gr = g[0].shape() == a.shape() ? g[0] : expand(g[0], a.shape());
                       const Tensor top = cat({at, gr}, -1);
                       const Tensor bottom = cat({zeros(a.shape(), a.dtype()), at}, -1);
                       const Tensor e = matrix_exp(cat({top, bottom}, -2));
                       return {narrow(narrow(e, -2, 0, n), -1, n, n)};
                     });
  return out;
}

}  // namespace rustorch::linalg
