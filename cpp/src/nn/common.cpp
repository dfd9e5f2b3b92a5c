#include "rustorch/nn/common.hpp"

#include <cblas.h>

#include "rustorch/autograd/grad_mode.hpp"
#include "rustorch/core/parallel.hpp"
#include "rustorch/ops/copy.hpp"
#include "rustorch/ops/reduce.hpp"

namespace rustorch::nn {

std::vector<int64_t> expand_param(const std::vector<int64_t>& v, int64_t n, const char* op, const char* arg) {
  if (v.size() == 1) return std::vector<int64_t>(static_cast<size_t>(n), v[0]);
  RT_CHECK(static_cast<int64_t>(v.size()) == n, ValueError, op, ": expected ", arg, " to be a single integer or a tuple of ",
           n, " integers, got ", shape_str(v));
  return v;
}

void check_floating(const Tensor& t, const char* op, const char* what) {
  RT_CHECK(t.defined(), ValueError, op, ": ", what, " is required");
  RT_CHECK(is_floating(t.dtype()), TypeError, op, ": expected a floating-point ", what, ", got ", describe(t));
}

void check_same_dtype(const Tensor& t, DType dtype, const char* op, const char* what) {
  if (!t.defined()) return;
  RT_CHECK(t.dtype() == dtype, TypeError, op, ": ", what, " has dtype ", dtype_name(t.dtype()),
           " but the input has dtype ", dtype_name(dtype), "; they should be the same");
}

void gemm(bool ta, bool tb, int64_t m, int64_t n, int64_t k, float alpha, const float* a, int64_t lda, const float* b,
          int64_t ldb, float beta, float* c, int64_t ldc) {
  if (m == 0 || n == 0) return;
  cblas_sgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans, static_cast<int>(m),
              static_cast<int>(n), static_cast<int>(k), alpha, a, static_cast<int>(lda), b, static_cast<int>(ldb), beta, c,
              static_cast<int>(ldc));
}

void gemm(bool ta, bool tb, int64_t m, int64_t n, int64_t k, double alpha, const double* a, int64_t lda, const double* b,
          int64_t ldb, double beta, double* c, int64_t ldc) {
  if (m == 0 || n == 0) return;
  cblas_dgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans, static_cast<int>(m),
              static_cast<int>(n), static_cast<int>(k), alpha, a, static_cast<int>(lda), b, static_cast<int>(ldb), beta, c,
              static_cast<int>(ldc));
}

namespace {

template <class T>
void gemm_nt_small_impl(int64_t m, int64_t n, int64_t k, const T* a, int64_t lda, const T* b, int64_t ldb, T beta, T* c,
                        int64_t ldc) {
  using simd::Vec;
  constexpr int V = simd::lanes<T>;
  constexpr int MR = 4, NR = 3;
  const int64_t kv = k / V * V;
  for (int64_t i0 = 0; i0 < m; i0 += MR) {
    const T* ar[MR];
    for (int ii = 0; ii < MR; ++ii) ar[ii] = a + std::min<int64_t>(i0 + ii, m - 1) * lda;  // clamp: duplicate rows
    for (int64_t j0 = 0; j0 < n; j0 += NR) {
      const T* br[NR];
      for (int jj = 0; jj < NR; ++jj) br[jj] = b + std::min<int64_t>(j0 + jj, n - 1) * ldb;
      Vec<T> acc[MR][NR] = {};
      for (int64_t p = 0; p < kv; p += V) {
        const Vec<T> b0 = simd::load(br[0] + p), b1 = simd::load(br[1] + p), b2 = simd::load(br[2] + p);
        for (int ii = 0; ii < MR; ++ii) {
          const Vec<T> av = simd::load(ar[ii] + p);
          acc[ii][0] += av * b0;
          acc[ii][1] += av * b1;
          acc[ii][2] += av * b2;
        }
      }
      for (int ii = 0; ii < MR && i0 + ii < m; ++ii)
        for (int jj = 0; jj < NR && j0 + jj < n; ++jj) {
          T s = simd::hsum<T>(acc[ii][jj]);
          for (int64_t p = kv; p < k; ++p) s += ar[ii][p] * br[jj][p];
          T& out = c[(i0 + ii) * ldc + j0 + jj];
          out = beta == T(0) ? s : beta * out + s;
        }
    }
  }
}

}  // namespace

void gemm_nt_small(int64_t m, int64_t n, int64_t k, const float* a, int64_t lda, const float* b, int64_t ldb, float beta,
                   float* c, int64_t ldc) {
  gemm_nt_small_impl(m, n, k, a, lda, b, ldb, beta, c, ldc);
}
void gemm_nt_small(int64_t m, int64_t n, int64_t k, const double* a, int64_t lda, const double* b, int64_t ldb,
                   double beta, double* c, int64_t ldc) {
  gemm_nt_small_impl(m, n, k, a, lda, b, ldb, beta, c, ldc);
}

BlasSerialScope::BlasSerialScope(bool active) : active_(active && get_num_threads() > 1) {
  if (active_) openblas_set_num_threads(1);
}

BlasSerialScope::~BlasSerialScope() {
  if (active_) openblas_set_num_threads(get_num_threads());
}

void parallel_samples(int64_t n, const std::function<void(int64_t, int64_t)>& f) {
  if (n <= 0) return;
  if (n == 1 || get_num_threads() == 1 || in_parallel_region()) {
    f(0, n);
    return;
  }
  BlasSerialScope serial(true);
  parallel_for(n, 1, f);
}

namespace {
template <class T> double sum_strided_rows(const T* p, int64_t rows, int64_t row_stride, int64_t len) {
  double lanes[8] = {};
  double tail = 0;
  for (int64_t r = 0; r < rows; ++r) {
    const T* q = p + r * row_stride;
    int64_t i = 0;
    for (; i + 8 <= len; i += 8)
      for (int k = 0; k < 8; ++k) lanes[k] += static_cast<double>(q[i + k]);
    for (; i < len; ++i) tail += static_cast<double>(q[i]);
  }
  return ((lanes[0] + lanes[4]) + (lanes[1] + lanes[5])) + ((lanes[2] + lanes[6]) + (lanes[3] + lanes[7])) + tail;
}
}  // namespace

Tensor channel_sum(const Tensor& g) {
  RT_CHECK(g.dim() >= 2, ValueError, "channel_sum: expected at least 2 dims, got ", shape_str(g.shape()));
  if (autograd::GradMode::is_enabled() && g.requires_grad()) {
    std::vector<int64_t> dims{0};
    for (int64_t d = 2; d < g.dim(); ++d) dims.push_back(d);
    return sum(g, dims, false);
  }
  const int64_t N = g.size(0), C = g.size(1), S = C == 0 || N == 0 ? 0 : g.numel() / (N * C);
  Tensor out = Tensor::empty({C}, g.dtype());
  const Tensor gc = contiguous_as(g.detach(), g.dtype());
  dispatch_floating(g.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    const T* p = gc.data<T>();
    T* o = out.data<T>();
    parallel_for(C, N * S >= 4096 ? 1 : C + 1, [&](int64_t c0, int64_t c1) {
      for (int64_t c = c0; c < c1; ++c) o[c] = static_cast<T>(sum_strided_rows(p + c * S, N, C * S, S));
    });
  });
  return out;
}

Reduction parse_reduction(const std::string& s, const char* op) {
  if (s == "none") return Reduction::None;
  if (s == "mean") return Reduction::Mean;
  if (s == "sum") return Reduction::Sum;
  RT_THROW(ValueError, op, ": ", s, " is not a valid value for reduction (expected 'none', 'mean' or 'sum')");
}

}  // namespace rustorch::nn
