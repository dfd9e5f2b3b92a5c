// BLAS kernels of rt.linalg: triangular solves (trsm) and the matrix exponential (gemm + an LU solve).
// Uses OpenBLAS's <cblas.h>; never include xtensor-blas here (LAPACK lives in lapack_kernels.cpp).
#include <cblas.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "rustorch/linalg/kernels.hpp"
#include "rustorch/ops/copy.hpp"

namespace rustorch::linalg::kernels {

namespace {

void trsm(CBLAS_SIDE side, CBLAS_UPLO uplo, CBLAS_DIAG diag, int m, int n, const float* a, int lda, float* b,
          int ldb) {
  cblas_strsm(CblasRowMajor, side, uplo, CblasNoTrans, diag, m, n, 1.0f, a, lda, b, ldb);
}
void trsm(CBLAS_SIDE side, CBLAS_UPLO uplo, CBLAS_DIAG diag, int m, int n, const double* a, int lda, double* b,
          int ldb) {
  cblas_dtrsm(CblasRowMajor, side, uplo, CblasNoTrans, diag, m, n, 1.0, a, lda, b, ldb);
}

}  // namespace

Tensor solve_triangular(const Tensor& A, const Tensor& B, bool upper, bool left, bool unitriangular) {
  const int64_t n = A.shape()[A.dim() - 1];
  const int64_t rows = B.shape()[B.dim() - 2], cols = B.shape()[B.dim() - 1];
  RT_CHECK(n <= std::numeric_limits<int>::max() / std::max<int64_t>(1, std::max(rows, cols)), ValueError,
           "linalg.solve_triangular: matrices too large for BLAS");
  const int64_t count = batch_count(A);
  const DType dt = A.dtype();
  const Tensor a = batched_copy(A, dt, /*fresh=*/false);
  Tensor x = batched_copy(B, dt, /*fresh=*/true);
  if (count > 0 && rows > 0 && cols > 0) {
    dispatch_floating(dt, [&](auto tag) {
      using T = typename decltype(tag)::type;
      const T* pa = a.data<T>();
      T* px = x.data<T>();
      batch_loop(count, std::max(n, std::max(rows, cols)), [&](int64_t b0, int64_t b1) {
        for (int64_t b = b0; b < b1; ++b)
          trsm(left ? CblasLeft : CblasRight, upper ? CblasUpper : CblasLower, unitriangular ? CblasUnit : CblasNonUnit,
               static_cast<int>(rows), static_cast<int>(cols), pa + b * n * n, static_cast<int>(n),
               px + b * rows * cols, static_cast<int>(cols));
      });
    });
  }
  return x.as_strided(B.shape(), contiguous_strides(B.shape()), 0);
}

// ---- Matrix exponential ------------------------------------------------------------------------------
// Higham (2005), "The scaling and squaring method for the matrix exponential revisited": the Pade
// approximant r_m(A) of degree m in {3, 5, 7, 9, 13} chosen by ||A||_1, with A scaled by 2^-s first
// and r squared s times after when ||A||_1 > theta_13. Every matrix formed is a polynomial in A, so
// they commute, and the row-major buffers can be handed to the column-major LU solve as they are.

namespace {

struct Expm {
  int n;
  std::vector<double> a2, a4, a6, a8, u, v, t, eye;
  std::vector<int> ipiv;

  explicit Expm(int n_) : n(n_) {
    const size_t nn = static_cast<size_t>(n) * n;
    for (auto* w : {&a2, &a4, &a6, &a8, &u, &v, &t, &eye}) w->assign(nn, 0.0);
    for (int i = 0; i < n; ++i) eye[static_cast<size_t>(i) * n + i] = 1.0;
    ipiv.assign(static_cast<size_t>(std::max(1, n)), 0);
  }

  void mm(const double* x, const double* y, double* out) const {
    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0, x, n, y, n, 0.0, out, n);
  }
  // out = sum_j c_j * m_j (matrices of n x n)
  void lincomb(double* out, std::initializer_list<std::pair<double, const double*>> terms) const {
    const size_t nn = static_cast<size_t>(n) * n;
    std::fill(out, out + nn, 0.0);
    for (const auto& [c, m] : terms)
      for (size_t i = 0; i < nn; ++i) out[i] += c * m[i];
  }

  // exp(a) into out (a is overwritten by the scaled matrix).
  void run(double* a, double* out) {
    const size_t nn = static_cast<size_t>(n) * n;
    double norm1 = 0.0;
    for (int j = 0; j < n; ++j) {
      double s = 0.0;
      for (int i = 0; i < n; ++i) s += std::abs(a[static_cast<size_t>(i) * n + j]);
      norm1 = std::max(norm1, s);
    }
    static constexpr double theta[] = {1.495585217958292e-2, 2.539398330063230e-1, 9.504178996162932e-1,
                                       2.097847961257068e0, 5.371920351148152e0};
    const double* I = eye.data();
    int s = 0;
    mm(a, a, a2.data());
    if (norm1 <= theta[0]) {  // m = 3
      static constexpr double b[] = {120., 60., 12., 1.};
      lincomb(t.data(), {{b[3], a2.data()}, {b[1], I}});
      mm(a, t.data(), u.data());
      lincomb(v.data(), {{b[2], a2.data()}, {b[0], I}});
    } else if (norm1 <= theta[1]) {  // m = 5
      static constexpr double b[] = {30240., 15120., 3360., 420., 30., 1.};
      mm(a2.data(), a2.data(), a4.data());
      lincomb(t.data(), {{b[5], a4.data()}, {b[3], a2.data()}, {b[1], I}});
      mm(a, t.data(), u.data());
      lincomb(v.data(), {{b[4], a4.data()}, {b[2], a2.data()}, {b[0], I}});
    } else if (norm1 <= theta[2]) {  // m = 7
      static constexpr double b[] = {17297280., 8648640., 1995840., 277200., 25200., 1512., 56., 1.};
      mm(a2.data(), a2.data(), a4.data());
      mm(a4.data(), a2.data(), a6.data());
      lincomb(t.data(), {{b[7], a6.data()}, {b[5], a4.data()}, {b[3], a2.data()}, {b[1], I}});
      mm(a, t.data(), u.data());
      lincomb(v.data(), {{b[6], a6.data()}, {b[4], a4.data()}, {b[2], a2.data()}, {b[0], I}});
    } else if (norm1 <= theta[3]) {  // m = 9
      static constexpr double b[] = {17643225600., 8821612800., 2075673600., 302702400., 30270240.,
                                     2162160.,     110880.,     3960.,       90.,        1.};
      mm(a2.data(), a2.data(), a4.data());
      mm(a4.data(), a2.data(), a6.data());
      mm(a6.data(), a2.data(), a8.data());
      lincomb(t.data(), {{b[9], a8.data()}, {b[7], a6.data()}, {b[5], a4.data()}, {b[3], a2.data()}, {b[1], I}});
      mm(a, t.data(), u.data());
      lincomb(v.data(), {{b[8], a8.data()}, {b[6], a6.data()}, {b[4], a4.data()}, {b[2], a2.data()}, {b[0], I}});
    } else {  // m = 13 with scaling
      static constexpr double b[] = {64764752532480000., 32382376266240000., 7771770303897600., 1187353796428800.,
                                     129060195264000.,   10559470521600.,    670442572800.,    33522128640.,
                                     1323241920.,        40840800.,          960960.,          16380.,
                                     182.,               1.};
      s = std::max(0, static_cast<int>(std::ceil(std::log2(norm1 / theta[4]))));
      if (s > 0) {
        const double scale = std::ldexp(1.0, -s);
        for (size_t i = 0; i < nn; ++i) a[i] *= scale;
        mm(a, a, a2.data());
      }
      mm(a2.data(), a2.data(), a4.data());
      mm(a4.data(), a2.data(), a6.data());
      lincomb(a8.data(), {{b[13], a6.data()}, {b[11], a4.data()}, {b[9], a2.data()}});
      mm(a6.data(), a8.data(), t.data());
      for (size_t i = 0; i < nn; ++i) t[i] += b[7] * a6[i] + b[5] * a4[i] + b[3] * a2[i] + b[1] * I[i];
      mm(a, t.data(), u.data());
      lincomb(a8.data(), {{b[12], a6.data()}, {b[10], a4.data()}, {b[8], a2.data()}});
      mm(a6.data(), a8.data(), v.data());
      for (size_t i = 0; i < nn; ++i) v[i] += b[6] * a6[i] + b[4] * a4[i] + b[2] * a2[i] + b[0] * I[i];
    }
    // (V - U) R = (V + U)
    for (size_t i = 0; i < nn; ++i) {
      const double p = v[i] - u[i], q = v[i] + u[i];
      t[i] = p;
      out[i] = q;
    }
    gesv(n, n, t.data(), ipiv.data(), out);
    for (int i = 0; i < s; ++i) {
      mm(out, out, t.data());
      std::copy(t.begin(), t.end(), out);
    }
  }
};

}  // namespace

Tensor matrix_exp(const Tensor& A) {
  const int64_t n = A.shape()[A.dim() - 1];
  RT_CHECK(n <= 46340, ValueError, "linalg.matrix_exp: matrix too large");
  const int64_t count = batch_count(A);
  Tensor work = batched_copy(A, DType::Float64, /*fresh=*/true);
  Tensor out = Tensor::empty({count, n, n}, DType::Float64);
  double* a = work.data<double>();
  double* o = out.data<double>();
  if (n > 0) {
    batch_loop(count, n, [&](int64_t b0, int64_t b1) {
      Expm e(static_cast<int>(n));
      for (int64_t b = b0; b < b1; ++b) {
        double* ab = a + b * n * n;
        double* ob = o + b * n * n;
        if (!all_finite(ab, n * n)) {
          std::fill(ob, ob + n * n, std::numeric_limits<double>::quiet_NaN());
          continue;
        }
        e.run(ab, ob);
      }
    });
  }
  Tensor result = Tensor::empty(A.shape(), A.dtype());
  copy_kernel(result, out.as_strided(A.shape(), contiguous_strides(A.shape()), 0));
  return result;
}

}  // namespace rustorch::linalg::kernels
