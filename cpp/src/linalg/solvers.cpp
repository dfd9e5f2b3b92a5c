// rt.linalg solvers, inverses, determinants, least squares, pseudo-inverse and rank, with their
// backward rules (differentiable ops, so second derivatives work).
#include <algorithm>
#include <cmath>
#include <limits>

#include "rustorch/autograd/function.hpp"
#include "rustorch/autograd/grad_mode.hpp"
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
using namespace util;

RT_REGISTER_OP("linalg.solve", true);
RT_REGISTER_OP("linalg.solve_triangular", true);
RT_REGISTER_OP("linalg.inv", true);
RT_REGISTER_OP("linalg.inv_ex", true);
RT_REGISTER_OP("linalg.det", true);
RT_REGISTER_OP("linalg.slogdet", true);
RT_REGISTER_OP("linalg.lstsq", true);
RT_REGISTER_OP("linalg.pinv", true);
RT_REGISTER_OP("linalg.matrix_rank", false);

namespace {

std::string singular_message(int64_t info, const char* what) {
  return detail::concat("The diagonal element ", info, " is zero, the ", what,
                        " could not be completed because the input matrix is singular.");
}

Tensor with_matrix_dims(const Tensor& t) { return unsqueeze(unsqueeze(t, -1), -1); }

double eps_of(DType d) {
  return d == DType::Float32 ? double(std::numeric_limits<float>::epsilon()) : std::numeric_limits<double>::epsilon();
}

// B is a batch of vectors (..., n) rather than matrices: torch's rule for solve.
bool is_vector_rhs(const Tensor& A, const Tensor& B) {
  if (B.dim() == 1) return true;
  if (B.dim() != A.dim() - 1) return false;
  return Shape(A.shape().begin(), A.shape().end() - 1) == B.shape();
}

// A X = B with the vector case given explicitly (the backward calls it with broadcast grads).
Tensor solve_impl(const Tensor& A, const Tensor& B, bool vector, const char* op) {
  check_square(A, op);
  check_same_dtype(A, B, op);
  const Tensor Bm = vector ? unsqueeze(B.detach(), -1) : B;
  RT_CHECK(Bm.dim() >= 2 && rows(Bm) == rows(A), ValueError, op, ": incompatible shapes of A and B for the equation ",
           "AX = B: ", shape_str(A.shape()), " and ", shape_str(B.shape()));
  const Shape batch = broadcast_batch(A, Bm, op);
  kernels::Infos info;
  Tensor X = kernels::solve(expand_batch(A, batch), expand_batch(Bm, batch), info);
  kernels::check_infos(info, batch, op, [](int64_t i) { return singular_message(i, "solve"); });
  if (vector) {
    Shape s(X.shape().begin(), X.shape().end() - 1), st(X.strides().begin(), X.strides().end() - 1);
    X = X.as_strided(s, st, X.offset());
  }
  if (autograd::needs_grad({A, B}))
    autograd::record("LinalgSolveBackward", {A, B}, {X}, {A, X},
                     [vector, op](const BackwardContext& ctx, const TensorList& g) -> TensorList {
                       const Tensor a = ctx.saved(0), x = ctx.saved(1);
                       const Tensor gB = solve_impl(mT(a), g[0], vector, op);
                       TensorList r(2);
                       if (ctx.needs_input_grad(0))
                         r[0] = vector ? neg(mul(unsqueeze(gB, -1), unsqueeze(x, -2))) : neg(matmul(gB, mT(x)));
                       if (ctx.needs_input_grad(1)) r[1] = gB;
                       return r;
                     });
  return X;
}

// Gradient of P = pinv(A) (constant rank), PyTorch's pinv_backward.
Tensor pinv_backward(const Tensor& g, const Tensor& P, const Tensor& A) {
  const int64_t m = rows(A), n = cols(A);
  const Tensor Ph = mT(P), gh = mT(g);
  if (m <= n) {
    const Tensor K = matmul(gh, P);
    const Tensor KPh = matmul(K, Ph);
    return add(sub(sub(KPh, mT(matmul(P, K))), matmul(matmul(A, P), KPh)),
               matmul(matmul(Ph, P), sub(gh, matmul(K, A))));
  }
  const Tensor K = matmul(P, gh);
  const Tensor PhK = matmul(Ph, K);
  return add(sub(matmul(matmul(sub(gh, matmul(A, K)), P), Ph), mT(matmul(K, P))),
             sub(PhK, matmul(matmul(PhK, P), A)));
}

// Singular values (or |eigenvalues| when hermitian) and the cut-off max(atol, rtol * largest), keepdim.
std::pair<Tensor, Tensor> spectrum_and_tol(const Tensor& S, std::optional<double> atol, std::optional<double> rtol,
                                           int64_t m, int64_t n) {
  const double a = atol.value_or(0.0);
  const double r = rtol ? *rtol : (atol && *atol > 0.0) ? 0.0 : eps_of(S.dtype()) * double(std::max(m, n));
  Tensor tol;
  if (S.shape().back() == 0) tol = full(Shape(S.shape().begin(), S.shape().end() - 1), Scalar(a), S.dtype());
  else tol = maximum(mul(amax(S, {-1}, false), Scalar(r)), scalar_of(a, S.dtype()));
  return {S, unsqueeze(tol, -1)};
}

}  // namespace

// ---- solve / solve_triangular ----------------------------------------------------------------------------

Tensor solve(const Tensor& A, const Tensor& B, bool left) {
  const char* op = "linalg.solve";
  check_square(A, op);
  if (!left) {
    RT_CHECK(B.dim() >= 2, ValueError, op, ": left=False needs B to be a matrix, got shape ", shape_str(B.shape()));
    return mT(solve_impl(mT(A), mT(B), false, op));
  }
  return solve_impl(A, B, is_vector_rhs(A, B), op);
}

Tensor solve_triangular(const Tensor& A, const Tensor& B, bool upper, bool left, bool unitriangular) {
  const char* op = "linalg.solve_triangular";
  check_square(A, op);
  check_same_dtype(A, B, op);
  RT_CHECK(B.dim() >= 2, ValueError, op, ": B must have at least 2 dimensions, got shape ", shape_str(B.shape()));
  RT_CHECK((left ? rows(B) : cols(B)) == rows(A), ValueError, op, ": incompatible shapes of A and B for the equation ",
           left ? "AX = B: " : "XA = B: ", shape_str(A.shape()), " and ", shape_str(B.shape()));
  const Shape batch = broadcast_batch(A, B, op);
  Tensor X = kernels::solve_triangular(expand_batch(A, batch), expand_batch(B, batch), upper, left, unitriangular);
  if (autograd::needs_grad({A, B}))
    autograd::record("LinalgSolveTriangularBackward", {A, B}, {X}, {A, X},
                     [upper, left, unitriangular](const BackwardContext& ctx, const TensorList& g) -> TensorList {
                       const Tensor a = ctx.saved(0), x = ctx.saved(1);
                       const Tensor gB = solve_triangular(mT(a), g[0], !upper, left, unitriangular);
                       TensorList r(2);
                       if (ctx.needs_input_grad(0)) {
                         const Tensor gA = left ? neg(matmul(gB, mT(x))) : neg(matmul(mT(x), gB));
                         r[0] = upper ? triu(gA, unitriangular ? 1 : 0) : tril(gA, unitriangular ? -1 : 0);
                       }
                       if (ctx.needs_input_grad(1)) r[1] = gB;
                       return r;
                     });
  return X;
}

// ---- inv / det / slogdet ------------------------------------------------------------------------------

std::pair<Tensor, Tensor> inv_ex(const Tensor& A, bool check_errors) {
  const char* op = check_errors ? "linalg.inv" : "linalg.inv_ex";
  check_square(A, op);
  kernels::Infos info;
  Tensor X = kernels::inv(A, info);
  if (check_errors)
    kernels::check_infos(info, kernels::batch_shape(A), op, [](int64_t i) { return singular_message(i, "inversion"); });
  if (autograd::needs_grad({A}))
    autograd::record("LinalgInvBackward", {A}, {X}, {X}, [](const BackwardContext& ctx, const TensorList& g) -> TensorList {
      const Tensor xt = mT(ctx.saved(0));
      return {neg(matmul(xt, matmul(g[0], xt)))};
    });
  Tensor infos = Tensor::empty(kernels::batch_shape(A), DType::Int64);
  std::copy(info.begin(), info.end(), infos.data<int64_t>());
  return {X, infos};
}

Tensor inv(const Tensor& A) { return inv_ex(A, true).first; }

Tensor det(const Tensor& A) {
  check_square(A, "linalg.det");
  Tensor d = kernels::det(A);
  if (autograd::needs_grad({A}))
    autograd::record("LinalgDetBackward", {A}, {d}, {A, d}, [](const BackwardContext& ctx, const TensorList& g) -> TensorList {
      // d det(A) / dA = det(A) A^-T (A nonsingular)
      return {mul(with_matrix_dims(mul(g[0], ctx.saved(1))), mT(inv(ctx.saved(0))))};
    });
  return d;
}

std::pair<Tensor, Tensor> slogdet(const Tensor& A) {
  check_square(A, "linalg.slogdet");
  auto [sign, logabs] = kernels::slogdet(A);
  if (autograd::needs_grad({A}))  // the sign is not differentiable
    autograd::record("LinalgSlogdetBackward", {A}, {logabs}, {A},
                     [](const BackwardContext& ctx, const TensorList& g) -> TensorList {
                       return {mul(with_matrix_dims(g[0]), mT(inv(ctx.saved(0))))};
                     });
  return {sign, logabs};
}

// ---- lstsq / pinv / matrix_rank -----------------------------------------------------------------------

LstsqResult lstsq(const Tensor& A, const Tensor& B, std::optional<double> rcond, const std::string& driver_in) {
  const char* op = "linalg.lstsq";
  check_matrix(A, op);
  check_same_dtype(A, B, op);
  const std::string driver = driver_in.empty() ? "gelsy" : driver_in;
  RT_CHECK(driver == "gelsy" || driver == "gelsd" || driver == "gelss" || driver == "gels", ValueError, op,
           ": driver must be one of 'gels', 'gelsy', 'gelsd', 'gelss', got '", driver, "'");
  const bool vector = B.dim() == A.dim() - 1;
  const Tensor Bm = vector ? unsqueeze(B.detach(), -1) : B;
  RT_CHECK(Bm.dim() >= 2 && rows(Bm) == rows(A), ValueError, op, ": A of shape ", shape_str(A.shape()),
           " and B of shape ", shape_str(B.shape()), " need the same number of rows");
  const Shape batch = broadcast_batch(A, Bm, op);
  const int64_t m = rows(A), n = cols(A);
  const double rc = rcond ? *rcond : eps_of(A.dtype()) * double(std::max(m, n));
  kernels::Infos info;
  kernels::Lstsq r = kernels::lstsq(expand_batch(A, batch), expand_batch(Bm, batch), rc, driver, info);
  kernels::check_infos(info, batch, op, [&](int64_t i) {
    if (driver == "gels")
      return detail::concat("The least squares solution could not be computed because the input matrix does not have "
                            "full rank (error code: ", i, ").");
    return detail::concat("The algorithm failed to converge because the input matrix is ill-conditioned or has too "
                          "many repeated singular values (error code: ", i, ").");
  });
  Tensor X = r.solution;
  if (vector) X = select(X, -1, 0);  // residuals keep their (..., 1) shape, as in torch
  if (autograd::needs_grad({A, B}))
    autograd::record("LinalgLstsqBackward", {A, B}, {X}, {A, B},
                     [vector](const BackwardContext& ctx, const TensorList& g) -> TensorList {
                       const Tensor a = ctx.saved(0);
                       const Tensor b = vector ? unsqueeze(ctx.saved(1), -1) : ctx.saved(1);
                       const Tensor gX = vector ? unsqueeze(g[0], -1) : g[0];
                       const Tensor P = pinv(a);
                       TensorList res(2);
                       if (ctx.needs_input_grad(0)) res[0] = pinv_backward(matmul(gX, mT(b)), P, a);
                       if (ctx.needs_input_grad(1)) {
                         const Tensor gB = matmul(mT(P), gX);
                         res[1] = vector ? select(gB, -1, 0) : gB;
                       }
                       return res;
                     });
  return {X, r.residuals, r.rank, r.singular_values};
}

Tensor pinv(const Tensor& A, std::optional<double> atol, std::optional<double> rtol, bool hermitian) {
  const char* op = "linalg.pinv";
  check_matrix(A, op);
  if (hermitian) check_square(A, op);
  const int64_t m = rows(A), n = cols(A);
  Tensor P;
  {
    autograd::GradModeGuard no_grad(false);
    const Tensor a = A.detach();
    if (hermitian) {
      kernels::Infos info;
      auto [L, V] = kernels::eigh(a, false, true, info);
      kernels::check_infos(info, kernels::batch_shape(A), op, [](int64_t i) {
        return detail::concat("The algorithm failed to converge (error code: ", i, ").");
      });
      auto [absL, tol] = spectrum_and_tol(abs(L), atol, rtol, m, n);
      const Tensor Linv = where(gt(absL, tol), reciprocal(L), scalar_of(0.0, L.dtype()));
      P = matmul(mul(V, unsqueeze(Linv, -2)), mT(V));
    } else {
      kernels::Infos info;
      kernels::Svd s = kernels::svd(a, false, true, info);
      kernels::check_infos(info, kernels::batch_shape(A), op, [](int64_t i) {
        return detail::concat("The algorithm failed to converge (error code: ", i, ").");
      });
      auto [S, tol] = spectrum_and_tol(s.S, atol, rtol, m, n);
      const Tensor Sinv = where(gt(S, tol), reciprocal(S), scalar_of(0.0, S.dtype()));
      P = matmul(mul(mT(s.Vh), unsqueeze(Sinv, -2)), mT(s.U));
    }
    P = P.is_contiguous() ? P : contiguous(P);
  }
  if (autograd::needs_grad({A}))
    autograd::record("LinalgPinvBackward", {A}, {P}, {A, P}, [](const BackwardContext& ctx, const TensorList& g) -> TensorList {
      return {pinv_backward(g[0], ctx.saved(1), ctx.saved(0))};
    });
  return P;
}

Tensor matrix_rank(const Tensor& A, std::optional<double> atol, std::optional<double> rtol, bool hermitian) {
  const char* op = "linalg.matrix_rank";
  check_matrix(A, op);
  if (hermitian) check_square(A, op);
  autograd::GradModeGuard no_grad(false);
  const Tensor a = A.detach();
  kernels::Infos info;
  Tensor S = hermitian ? abs(kernels::eigh(a, false, false, info).first) : kernels::svd(a, false, false, info).S;
  kernels::check_infos(info, kernels::batch_shape(A), op, [](int64_t i) {
    return detail::concat("The algorithm failed to converge (error code: ", i, ").");
  });
  auto [s, tol] = spectrum_and_tol(S, atol, rtol, rows(A), cols(A));
  return sum(gt(s, tol), {-1}, false);
}

}  // namespace rustorch::linalg
