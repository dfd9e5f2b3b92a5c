// rt.linalg decompositions: svd/svdvals, qr, eigh/eigvalsh, cholesky. Forward on LAPACK
// (lapack_kernels.cpp), backward rules beside them, written with differentiable ops (PyTorch's
// formulas; see derivatives.yaml / FunctionsManual.cpp).
#include <algorithm>

#include "rustorch/autograd/function.hpp"
#include "rustorch/linalg/kernels.hpp"
#include "rustorch/linalg/linalg.hpp"
#include "rustorch/linalg/util.hpp"
#include "rustorch/ops/elementwise.hpp"
#include "rustorch/ops/factory.hpp"
#include "rustorch/ops/index.hpp"
#include "rustorch/ops/matmul.hpp"
#include "rustorch/ops/registry.hpp"
#include "rustorch/ops/shape.hpp"

namespace rustorch::linalg {

using autograd::BackwardContext;
using namespace util;

RT_REGISTER_OP("linalg.svd", true);
RT_REGISTER_OP("linalg.svdvals", true);
RT_REGISTER_OP("linalg.qr", true);
RT_REGISTER_OP("linalg.eigh", true);
RT_REGISTER_OP("linalg.eigvalsh", true);
RT_REGISTER_OP("linalg.eig", false);
RT_REGISTER_OP("linalg.eigvals", false);
RT_REGISTER_OP("linalg.cholesky", true);
RT_REGISTER_OP("linalg.cholesky_ex", true);

namespace {

std::string not_converged(int64_t info, const char* what) {
  return detail::concat("The algorithm failed to converge because the input matrix is ill-conditioned or has too "
                        "many repeated ",
                        what, " (error code: ", info, ").");
}

// ---- SVD ------------------------------------------------------------------------------------------------

// Gradient of A = U diag(S) Vh (reduced factors). Terms of gU / gVh are skipped when those are the
// engine's zero fill, so svdvals needs no distinct singular values.
Tensor svd_backward(const Tensor& gU, const Tensor& gS, const Tensor& gVh, const Tensor& U, const Tensor& S,
                    const Tensor& Vh) {
  const int64_t m = rows(U), n = cols(Vh), k = S.shape().back();
  const bool has_u = !is_zero_grad(gU), has_v = !is_zero_grad(gVh), has_s = !is_zero_grad(gS);
  if (!has_u && !has_v) {
    if (!has_s) return Tensor();
    return m >= n ? matmul(U, mul(unsqueeze(gS, -1), Vh)) : matmul(mul(U, unsqueeze(gS, -2)), Vh);
  }
  auto skew = [](const Tensor& X) { return sub(X, mT(X)); };
  const Tensor UhgU = has_u ? skew(matmul(mT(U), gU)) : Tensor();
  const Tensor VhgV = has_v ? skew(matmul(Vh, mT(gVh))) : Tensor();
  const Tensor S2 = mul(S, S);
  // E[i, j] = S[j]^2 - S[i]^2 off the diagonal, 1 on it (where the numerators are 0).
  const Tensor E = add(sub(unsqueeze(S2, -2), unsqueeze(S2, -1)), identity(k, S.dtype()));
  Tensor ret;
  if (has_u && has_v) ret = div(add(mul(UhgU, unsqueeze(S, -2)), mul(unsqueeze(S, -1), VhgV)), E);
  else if (has_u) ret = mul(div(UhgU, E), unsqueeze(S, -2));
  else ret = mul(unsqueeze(S, -1), div(VhgV, E));
  if (has_s) ret = add(ret, diag_embed(gS));
  Tensor gA;
  if (m > n && has_u) {  // gA = [U ret + (I - U U^T) gU S^-1] Vh
    const Tensor gUSinv = div(gU, unsqueeze(S, -2));
    gA = add(matmul(U, ret), sub(gUSinv, matmul(U, matmul(mT(U), gUSinv))));
    gA = matmul(gA, Vh);
  } else if (m < n && has_v) {  // gA = U [ret Vh + S^-1 gVh (I - V Vh)]
    const Tensor SinvgVh = div(gVh, unsqueeze(S, -1));
    gA = add(matmul(ret, Vh), sub(SinvgVh, matmul(matmul(SinvgVh, mT(Vh)), Vh)));
    gA = matmul(U, gA);
  } else {
    gA = m >= n ? matmul(U, matmul(ret, Vh)) : matmul(matmul(U, ret), Vh);
  }
  return gA;
}

std::tuple<Tensor, Tensor, Tensor> svd_impl(const Tensor& A, bool full, const char* op) {
  check_matrix(A, op);
  kernels::Infos info;
  kernels::Svd r = kernels::svd(A, full, /*compute_uv=*/true, info);
  kernels::check_infos(info, kernels::batch_shape(A), op,
                       [](int64_t i) { return not_converged(i, "singular values"); });
  if (autograd::needs_grad({A})) {
    const int64_t m = rows(A), n = cols(A), k = std::min(m, n);
    const bool narrow_factors = full && k < std::max(m, n);
    autograd::record("LinalgSvdBackward", {A}, {r.U, r.S, r.Vh}, {r.U, r.S, r.Vh},
                     [narrow_factors, k](const BackwardContext& ctx, const TensorList& g) -> TensorList {
                       Tensor U = ctx.saved(0), Vh = ctx.saved(2), gU = g[0], gVh = g[2];
                       if (narrow_factors) {  // the extra columns of U / rows of Vh are not differentiable
                         U = narrow(U, -1, 0, k);
                         gU = narrow(gU, -1, 0, k);
                         Vh = narrow(Vh, -2, 0, k);
                         gVh = narrow(gVh, -2, 0, k);
                       }
                       return {svd_backward(gU, g[1], gVh, U, ctx.saved(1), Vh)};
                     });
  }
  return {r.U, r.S, r.Vh};
}

// ---- QR -------------------------------------------------------------------------------------------------

// tril(M) + tril(M, -1)^T: the symmetric matrix with M's lower triangle.
Tensor copyltu(const Tensor& M) { return add(tril(M), mT(tril(M, -1))); }

// Gradient of A = Q R (reduced, or complete with m <= n); Seeger et al. (2017), Walter & Lehmann (2018).
Tensor qr_backward(const Tensor& gQ, const Tensor& gR, const Tensor& Q, const Tensor& R) {
  const int64_t m = rows(Q), n = cols(R);
  // Square part X = Q U: gX = (gQ + Q copyltu(M)) U^-T with M = U gU^T - gQ^T Q.
  auto square = [&](const Tensor& gq, const Tensor& U, const Tensor& gU) {
    const Tensor M = sub(matmul(U, mT(gU)), matmul(mT(gq), Q));
    const Tensor b = add(gq, matmul(Q, copyltu(M)));
    return solve_triangular(mT(U), b, /*upper=*/false, /*left=*/false);
  };
  if (m >= n) return square(gQ, R, gR);
  // Wide: A = [X | Y] = Q [U | V]; Y = Q V adds Y gV^T to Q's gradient and gY = Q gV.
  const Tensor U = narrow(R, -1, 0, m), V = narrow(R, -1, m, n - m);
  const Tensor gU = narrow(gR, -1, 0, m), gV = narrow(gR, -1, m, n - m);
  const Tensor gq = add(gQ, matmul(matmul(Q, V), mT(gV)));
  return cat({square(gq, U, gU), matmul(Q, gV)}, -1);
}

// ---- eigh -------------------------------------------------------------------------------------------------

// Gradient of A = V diag(L) V^T (symmetric): V (diag(gL) + sym(V^T gV) / E) V^T with E[i, j] = L[j] - L[i].
Tensor eigh_backward(const Tensor& gL, const Tensor& gV, const Tensor& L, const Tensor& V) {
  if (is_zero_grad(gV)) {
    if (is_zero_grad(gL)) return Tensor();
    return matmul(mul(V, unsqueeze(gL, -2)), mT(V));
  }
  const int64_t n = L.shape().back();
  Tensor VhgV = matmul(mT(V), gV);
  VhgV = mul(sub(VhgV, mT(VhgV)), Scalar(0.5));  // project onto the skew-symmetric matrices
  const Tensor E = add(sub(unsqueeze(L, -2), unsqueeze(L, -1)), identity(n, L.dtype()));
  const Tensor ret = add(div(VhgV, E), diag_embed(gL));
  return matmul(V, matmul(ret, mT(V)));
}

// ---- Cholesky ------------------------------------------------------------------------------------------

// Gradient of A = L L^T (Murray 2016): sym(L^-T Phi(L^T gL) L^-1), Phi = lower triangle, halved diagonal.
Tensor cholesky_backward(Tensor gL, Tensor L, bool upper) {
  if (upper) {
    L = mT(L);
    gL = mT(gL);
  }
  Tensor P = tril(matmul(mT(L), gL));
  P = sub(P, mul(diag_embed(diagonal(P)), Scalar(0.5)));
  const Tensor Y = solve_triangular(L, P, /*upper=*/false, /*left=*/false);     // P L^-1
  const Tensor G = solve_triangular(mT(L), Y, /*upper=*/true, /*left=*/true);   // L^-T P L^-1
  return mul(add(G, mT(G)), Scalar(0.5));
}

std::pair<Tensor, Tensor> cholesky_impl(const Tensor& A, bool upper, bool check_errors, const char* op) {
  check_square(A, op);
  kernels::Infos info;
  Tensor L = kernels::cholesky(A, upper, info);
  if (check_errors)
    kernels::check_infos(info, kernels::batch_shape(A), op, [](int64_t i) {
      return detail::concat("The factorization could not be completed because the input is not positive-definite "
                            "(the leading minor of order ",
                            i, " is not positive-definite).");
    });
  if (autograd::needs_grad({A}))
    autograd::record("LinalgCholeskyBackward", {A}, {L}, {L},
                     [upper](const BackwardContext& ctx, const TensorList& g) -> TensorList {
                       return {cholesky_backward(g[0], ctx.saved(0), upper)};
                     });
  const Shape batch = kernels::batch_shape(A);
  Tensor infos = Tensor::empty(batch, DType::Int64);
  std::copy(info.begin(), info.end(), infos.data<int64_t>());
  return {L, infos};
}

}  // namespace

// ---- Public ops ---------------------------------------------------------------------------------------------

std::tuple<Tensor, Tensor, Tensor> svd(const Tensor& A, bool full_matrices) {
  return svd_impl(A, full_matrices, "linalg.svd");
}

Tensor svdvals(const Tensor& A) {
  const char* op = "linalg.svdvals";
  check_matrix(A, op);
  if (autograd::needs_grad({A})) return std::get<1>(svd_impl(A, false, op));
  kernels::Infos info;
  kernels::Svd r = kernels::svd(A, false, /*compute_uv=*/false, info);
  kernels::check_infos(info, kernels::batch_shape(A), op,
                       [](int64_t i) { return not_converged(i, "singular values"); });
  return r.S;
}

QrMode parse_qr_mode(const std::string& mode) {
  if (mode == "reduced") return QrMode::Reduced;
  if (mode == "complete") return QrMode::Complete;
  if (mode == "r") return QrMode::R;
  RT_THROW(ValueError, "linalg.qr: mode must be 'reduced', 'complete' or 'r', got '", mode, "'");
}

std::pair<Tensor, Tensor> qr(const Tensor& A, QrMode mode) {
  check_matrix(A, "linalg.qr");
  const kernels::QrKind kind = mode == QrMode::Reduced    ? kernels::QrKind::Reduced
                               : mode == QrMode::Complete ? kernels::QrKind::Complete
                                                          : kernels::QrKind::R;
  auto [Q, R] = kernels::qr(A, kind);
  if (autograd::needs_grad({A})) {
    const int64_t m = rows(A), n = cols(A);
    if (mode == QrMode::R) {
      autograd::record("LinalgQrBackward", {A}, {R}, {}, [](const BackwardContext&, const TensorList&) -> TensorList {
        RT_THROW(Error, "linalg.qr: the derivative of linalg.qr depends on Q, which is not computed when mode='r'. "
                        "Use mode='reduced' to differentiate through linalg.qr.");
      });
    } else {
      const bool ok = mode == QrMode::Reduced || m <= n;
      autograd::record("LinalgQrBackward", {A}, {Q, R}, {Q, R},
                       [ok](const BackwardContext& ctx, const TensorList& g) -> TensorList {
                         RT_CHECK(ok, Error, "linalg.qr: the derivative of linalg.qr is not implemented when "
                                             "mode='complete' and nrows > ncols.");
                         return {qr_backward(g[0], g[1], ctx.saved(0), ctx.saved(1))};
                       });
    }
  }
  return {Q, R};
}

std::pair<Tensor, Tensor> eigh(const Tensor& A, bool upper) {
  const char* op = "linalg.eigh";
  check_square(A, op);
  kernels::Infos info;
  auto [L, V] = kernels::eigh(A, upper, /*compute_v=*/true, info);
  kernels::check_infos(info, kernels::batch_shape(A), op, [](int64_t i) { return not_converged(i, "eigenvalues"); });
  if (autograd::needs_grad({A}))
    autograd::record("LinalgEighBackward", {A}, {L, V}, {L, V},
                     [](const BackwardContext& ctx, const TensorList& g) -> TensorList {
                       return {eigh_backward(g[0], g[1], ctx.saved(0), ctx.saved(1))};
                     });
  return {L, V};
}

Tensor eigvalsh(const Tensor& A, bool upper) {
  const char* op = "linalg.eigvalsh";
  check_square(A, op);
  if (autograd::needs_grad({A})) return eigh(A, upper).first;
  kernels::Infos info;
  auto r = kernels::eigh(A, upper, /*compute_v=*/false, info);
  kernels::check_infos(info, kernels::batch_shape(A), op, [](int64_t i) { return not_converged(i, "eigenvalues"); });
  return r.first;
}

namespace {
std::pair<Tensor, Tensor> eig_impl(const Tensor& A, bool compute_v, const char* op) {
  check_square(A, op);
  RT_CHECK(!autograd::needs_grad({A}), Error, op,
           ": gradients of eig/eigvals are not supported (their results are complex and rustorch has no complex "
           "autograd); pass A.detach(), or use linalg.eigh for symmetric matrices");
  kernels::Infos info;
  auto r = kernels::eig(A, compute_v, info);
  kernels::check_infos(info, kernels::batch_shape(A), op, [](int64_t i) {
    return detail::concat("The QR algorithm failed to compute all the eigenvalues (error code: ", i, ").");
  });
  return r;
}
}  // namespace

std::pair<Tensor, Tensor> eig(const Tensor& A) { return eig_impl(A, true, "linalg.eig"); }
Tensor eigvals(const Tensor& A) { return eig_impl(A, false, "linalg.eigvals").first; }

Tensor cholesky(const Tensor& A, bool upper) { return cholesky_impl(A, upper, true, "linalg.cholesky").first; }

std::pair<Tensor, Tensor> cholesky_ex(const Tensor& A, bool upper, bool check_errors) {
  return cholesky_impl(A, upper, check_errors, "linalg.cholesky_ex");
}

}  // namespace rustorch::linalg
