// LAPACK kernels of rt.linalg through xtensor-blas's cxxlapack wrappers (never include <cblas.h> in
// this file: its enums clash with xtensor-blas's; BLAS calls live in blas_kernels.cpp).
//
// A contiguous row-major m x n matrix is, to LAPACK, the column-major n x m matrix A^T. The kernels
// factor A^T where that gives A's factors in row-major order directly:
//   svd:      A^T = Vh^T S U^T -> LAPACK's U is our Vh and its VT our U (no transposes);
//   qr:       the LQ factorization of A^T is the transpose of A's QR (gelqf/orglq, no transposes);
//   eigh, cholesky: A is symmetric, so only the triangle flag flips;
//   inv, det: inv(A^T) = inv(A)^T and det(A^T) = det(A);
//   solve:    getrs with trans='T' solves A X = B from the LU of A^T.
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

// clang-format off
#include "xflens/cxxblas/auxiliary/debugmacro.h"  // ASSERT, used by cxxlapack
#include "xtensor-blas/xblas_config.hpp"
#include "xflens/cxxlapack/cxxlapack.cxx"
// clang-format on

#include "rustorch/core/parallel.hpp"
#include "rustorch/linalg/kernels.hpp"
#include "rustorch/ops/copy.hpp"
#include "rustorch/ops/factory.hpp"

extern "C" void openblas_set_num_threads(int);

namespace rustorch::linalg::kernels {

// ---- Helpers ---------------------------------------------------------------------------------------

Shape batch_shape(const Tensor& t) { return Shape(t.shape().begin(), t.shape().end() - 2); }
int64_t batch_count(const Tensor& t) { return shape_numel(batch_shape(t)); }

Tensor batched_copy(const Tensor& t, DType dtype, bool fresh) {
  const int64_t r = t.shape()[t.dim() - 2], c = t.shape()[t.dim() - 1], count = batch_count(t);
  if (!fresh && t.is_contiguous() && t.dtype() == dtype) return t.as_strided({count, r, c}, {r * c, c, 1}, t.offset());
  Tensor out = Tensor::empty({count, r, c}, dtype);
  copy_kernel(out.as_strided(t.shape(), contiguous_strides(t.shape()), 0), t);
  return out;
}

Tensor batched_copy_transposed(const Tensor& t, DType dtype) {
  const int64_t r = t.shape()[t.dim() - 2], c = t.shape()[t.dim() - 1], count = batch_count(t);
  Tensor out = Tensor::empty({count, c, r}, dtype);
  Shape strides = contiguous_strides(t.shape());
  strides[t.dim() - 2] = 1;
  strides[t.dim() - 1] = r;
  copy_kernel(out.as_strided(t.shape(), strides, 0), t);
  return out;
}

template <class T> bool all_finite(const T* p, int64_t n) {
  bool ok = true;
  for (int64_t i = 0; i < n; ++i) ok &= std::isfinite(p[i]);
  return ok;
}
template bool all_finite<float>(const float*, int64_t);
template bool all_finite<double>(const double*, int64_t);

BlasThreadsGuard::BlasThreadsGuard(int64_t size) : active_(size <= kSingleThreadBlasDim && get_num_threads() > 1) {
  if (active_) openblas_set_num_threads(1);
}
BlasThreadsGuard::~BlasThreadsGuard() {
  if (active_) openblas_set_num_threads(get_num_threads());
}

void batch_loop(int64_t count, int64_t size, const std::function<void(int64_t, int64_t)>& f) {
  BlasThreadsGuard guard(size);
  if (count <= 1 || size > kSingleThreadBlasDim) {
    f(0, count);
    return;
  }
  const int64_t cost = std::max<int64_t>(1, size * size * size);
  parallel_for(count, std::max<int64_t>(2, 32768 / cost), f);
}

namespace {

template <class T> constexpr T kNaN = std::numeric_limits<T>::quiet_NaN();

template <class T> void fill_nan(T* p, int64_t n) { std::fill(p, p + n, kNaN<T>); }

// A LAPACK workspace size from a query result (floats round large integers: add a margin).
template <class T> int lwork_from(T q) {
  const double v = static_cast<double>(q);
  return std::max(1, static_cast<int>(v + v / 1024.0) + 16);
}

inline int lp(int64_t v) { return static_cast<int>(std::max<int64_t>(1, v)); }  // leading dimensions

void check_dims(int64_t m, int64_t n) {
  RT_CHECK(m <= std::numeric_limits<int>::max() / std::max<int64_t>(1, n), ValueError,
           "linalg: matrix of ", m, " x ", n, " elements is too large for LAPACK");
}

// Identity matrices in each (rows x rows) slot of p.
template <class T> void fill_identity(T* p, int64_t count, int64_t rows) {
  std::fill(p, p + count * rows * rows, T(0));
  for (int64_t b = 0; b < count; ++b)
    for (int64_t i = 0; i < rows; ++i) p[b * rows * rows + i * rows + i] = T(1);
}

Shape with_batch(const Shape& batch, std::initializer_list<int64_t> tail) {
  Shape s = batch;
  s.insert(s.end(), tail.begin(), tail.end());
  return s;
}

}  // namespace

// ---- SVD ---------------------------------------------------------------------------------------------

Svd svd(const Tensor& A, bool full, bool uv, Infos& info) {
  const int64_t m = A.shape()[A.dim() - 2], n = A.shape()[A.dim() - 1], k = std::min(m, n);
  check_dims(m, n);
  const Shape batch = batch_shape(A);
  const int64_t count = shape_numel(batch);
  const DType dt = A.dtype();
  info.assign(static_cast<size_t>(count), 0);
  Svd r;
  r.S = Tensor::empty(with_batch(batch, {k}), dt);
  const int64_t um = m, uk = full ? m : k, vk = full ? n : k;
  if (uv) {
    r.U = Tensor::empty(with_batch(batch, {um, uk}), dt);
    r.Vh = Tensor::empty(with_batch(batch, {vk, n}), dt);
  }
  if (count == 0) return r;
  dispatch_floating(dt, [&](auto tag) {
    using T = typename decltype(tag)::type;
    T* s = r.S.data<T>();
    T* u = uv ? r.U.data<T>() : nullptr;
    T* vh = uv ? r.Vh.data<T>() : nullptr;
    if (k == 0) {  // nothing to decompose: full factors are identities, reduced ones are empty
      if (uv && full) {
        fill_identity(u, count, m);
        fill_identity(vh, count, n);
      }
      return;
    }
    const Tensor work = batched_copy(A, dt, /*fresh=*/true);
    T* a = work.data<T>();
    const char jobz = !uv ? 'N' : full ? 'A' : 'S';
    const int M = static_cast<int>(n), N = static_cast<int>(m);  // LAPACK's view: A^T, n x m
    const int ldu = lp(n), ldvt = uv ? lp(full ? m : k) : 1;
    const int64_t u_size = um * uk, vh_size = vk * n;
    T dummy[1] = {T(0)};
    T query = 0;
    int iquery = 0;
    cxxlapack::gesdd<int>(jobz, M, N, a, lp(n), s, uv ? vh : dummy, ldu, uv ? u : dummy, ldvt, &query, -1, &iquery);
    const int lwork = lwork_from(query);
    batch_loop(count, std::max(m, n), [&](int64_t b0, int64_t b1) {
      std::vector<T> wk(static_cast<size_t>(lwork));
      std::vector<int> iwork(static_cast<size_t>(8 * k));
      T du[1], dv[1];
      for (int64_t b = b0; b < b1; ++b) {
        T* ab = a + b * m * n;
        T* sb = s + b * k;
        T* ub = uv ? u + b * u_size : du;
        T* vb = uv ? vh + b * vh_size : dv;
        if (!all_finite(ab, m * n)) {
          fill_nan(sb, k);
          if (uv) fill_nan(ub, u_size), fill_nan(vb, vh_size);
          continue;
        }
        info[b] = cxxlapack::gesdd<int>(jobz, M, N, ab, lp(n), sb, vb, ldu, ub, ldvt, wk.data(), lwork, iwork.data());
      }
    });
  });
  return r;
}

// ---- QR ------------------------------------------------------------------------------------------------

std::pair<Tensor, Tensor> qr(const Tensor& A, QrKind kind) {
  const int64_t m = A.shape()[A.dim() - 2], n = A.shape()[A.dim() - 1], k = std::min(m, n);
  check_dims(m, std::max(m, n));
  const Shape batch = batch_shape(A);
  const int64_t count = shape_numel(batch);
  const DType dt = A.dtype();
  const bool complete = kind == QrKind::Complete;
  const int64_t r_rows = complete ? m : k, q_cols = complete ? m : k;
  Tensor R = Tensor::empty(with_batch(batch, {r_rows, n}), dt);
  Tensor Q = kind == QrKind::R ? Tensor::empty({0}, dt) : Tensor::empty(with_batch(batch, {m, q_cols}), dt);
  if (count == 0) return {Q, R};
  dispatch_floating(dt, [&](auto tag) {
    using T = typename decltype(tag)::type;
    T* r = R.data<T>();
    T* q = kind == QrKind::R ? nullptr : Q.data<T>();
    if (k == 0) {
      std::fill(r, r + R.numel(), T(0));
      if (q && complete) fill_identity(q, count, m);
      return;
    }
    const Tensor work = batched_copy(A, dt, /*fresh=*/true);
    T* a = work.data<T>();
    const bool big_q = complete && m > n;  // Q (m x m) needs its own m x m buffer for orglq
    // Workspace: gelqf of A^T (n x m), then orglq for the Q wanted.
    T query = 0;
    T tau_q[1] = {T(0)};
    cxxlapack::gelqf<int>(static_cast<int>(n), static_cast<int>(m), a, lp(n), tau_q, &query, -1);
    int lwork = lwork_from(query);
    if (q) {
      T query2 = 0;
      if (big_q) cxxlapack::orglq<int>(static_cast<int>(m), static_cast<int>(m), static_cast<int>(n), a, lp(m), tau_q,
                                       &query2, -1);
      else cxxlapack::orglq<int>(static_cast<int>(k), static_cast<int>(m), static_cast<int>(k), a, lp(n), tau_q,
                                 &query2, -1);
      lwork = std::max(lwork, lwork_from(query2));
    }
    batch_loop(count, std::max(m, n), [&](int64_t b0, int64_t b1) {
      std::vector<T> wk(static_cast<size_t>(lwork)), tau(static_cast<size_t>(k));
      std::vector<T> qbuf(big_q ? static_cast<size_t>(m * m) : 0);
      for (int64_t b = b0; b < b1; ++b) {
        T* ab = a + b * m * n;
        T* rb = r + b * r_rows * n;
        T* qb = q ? q + b * m * q_cols : nullptr;
        if (!all_finite(ab, m * n)) {
          fill_nan(rb, r_rows * n);
          if (qb) fill_nan(qb, m * q_cols);
          continue;
        }
        cxxlapack::gelqf<int>(static_cast<int>(n), static_cast<int>(m), ab, lp(n), tau.data(), wk.data(), lwork);
        // R: the upper trapezoid of the first k rows (row-major), zero below.
        for (int64_t i = 0; i < r_rows; ++i)
          for (int64_t j = 0; j < n; ++j) rb[i * n + j] = (i < k && j >= i) ? ab[i * n + j] : T(0);
        if (!qb) continue;
        if (big_q) {
          T* w = qbuf.data();
          for (int64_t i = 0; i < m; ++i)
            for (int64_t j = 0; j < m; ++j) w[i * m + j] = j < n ? ab[i * n + j] : T(0);
          cxxlapack::orglq<int>(static_cast<int>(m), static_cast<int>(m), static_cast<int>(n), w, lp(m), tau.data(),
                                wk.data(), lwork);
          std::copy(w, w + m * m, qb);
        } else {
          cxxlapack::orglq<int>(static_cast<int>(k), static_cast<int>(m), static_cast<int>(k), ab, lp(n), tau.data(),
                                wk.data(), lwork);
          for (int64_t i = 0; i < m; ++i)
            for (int64_t j = 0; j < k; ++j) qb[i * k + j] = ab[i * n + j];
        }
      }
    });
  });
  return {Q, R};
}

// ---- General eigendecomposition ---------------------------------------------------------------------

std::pair<Tensor, Tensor> eig(const Tensor& A, bool compute_v, Infos& info) {
  const int64_t n = A.shape()[A.dim() - 1];
  check_dims(n, n);
  const Shape batch = batch_shape(A);
  const int64_t count = shape_numel(batch);
  const DType dt = A.dtype();
  info.assign(static_cast<size_t>(count), 0);
  Tensor L = Tensor::empty(with_batch(batch, {n}), complex_of(dt));
  Tensor V = compute_v ? Tensor::empty(with_batch(batch, {n, n}), complex_of(dt)) : Tensor();
  if (count == 0 || n == 0) return {L, V};
  // geev takes column-major matrices: each A is copied transposed (O(n^2), small beside the O(n^3) solve).
  Tensor work = batched_copy_transposed(A, dt);
  dispatch_floating(dt, [&](auto tag) {
    using T = typename decltype(tag)::type;
    using C = std::complex<T>;
    T* a = work.data<T>();
    C* lam = L.data<C>();
    C* vec = compute_v ? V.data<C>() : nullptr;
    const char jobvr = compute_v ? 'V' : 'N';
    T query = 0, dummy = 0;
    cxxlapack::geev<int>('N', jobvr, static_cast<int>(n), a, lp(n), &dummy, &dummy, &dummy, 1, &dummy, lp(n), &query, -1);
    const int lwork = lwork_from(query);
    batch_loop(count, n, [&](int64_t b0, int64_t b1) {
      std::vector<T> wk(static_cast<size_t>(lwork)), wr(static_cast<size_t>(n)), wi(static_cast<size_t>(n));
      std::vector<T> vr(compute_v ? static_cast<size_t>(n * n) : 1);
      for (int64_t b = b0; b < b1; ++b) {
        T* ab = a + b * n * n;
        C* lb = lam + b * n;
        C* vb = compute_v ? vec + b * n * n : nullptr;
        if (!all_finite(ab, n * n)) {
          std::fill(lb, lb + n, C(kNaN<T>, kNaN<T>));
          if (compute_v) std::fill(vb, vb + n * n, C(kNaN<T>, kNaN<T>));
          continue;
        }
        info[b] = cxxlapack::geev<int>('N', jobvr, static_cast<int>(n), ab, lp(n), wr.data(), wi.data(), &dummy, 1,
                                       vr.data(), lp(n), wk.data(), lwork);
        if (info[b] != 0) continue;
        for (int64_t j = 0; j < n; ++j) lb[j] = C(wr[j], wi[j]);
        if (!compute_v) continue;
        // Column j of VR (column-major: vr[j * n + i]) is a real eigenvector; a complex pair
        // (wi[j] > 0, wi[j + 1] = -wi[j]) stores re and im in columns j and j + 1.
        for (int64_t j = 0; j < n; ++j) {
          const T* re = vr.data() + j * n;
          if (wi[j] == T(0)) {
            for (int64_t i = 0; i < n; ++i) vb[i * n + j] = C(re[i], T(0));
          } else if (j + 1 < n) {
            const T* im = re + n;
            for (int64_t i = 0; i < n; ++i) {
              vb[i * n + j] = C(re[i], im[i]);
              vb[i * n + j + 1] = C(re[i], -im[i]);
            }
            ++j;
          }
        }
      }
    });
  });
  return {L, V};
}

// ---- Symmetric eigendecomposition -------------------------------------------------------------------

std::pair<Tensor, Tensor> eigh(const Tensor& A, bool upper, bool compute_v, Infos& info) {
  const int64_t n = A.shape()[A.dim() - 1];
  check_dims(n, n);
  const Shape batch = batch_shape(A);
  const int64_t count = shape_numel(batch);
  const DType dt = A.dtype();
  info.assign(static_cast<size_t>(count), 0);
  Tensor L = Tensor::empty(with_batch(batch, {n}), dt);
  Tensor work = batched_copy(A, dt, /*fresh=*/true);
  if (count > 0 && n > 0) {
    dispatch_floating(dt, [&](auto tag) {
      using T = typename decltype(tag)::type;
      T* a = work.data<T>();
      T* w = L.data<T>();
      const char jobz = compute_v ? 'V' : 'N';
      const char uplo = upper ? 'L' : 'U';  // the row-major upper triangle is LAPACK's lower one
      T query = 0;
      int iquery = 0;
      cxxlapack::syevd<int>(jobz, uplo, static_cast<int>(n), a, lp(n), w, &query, -1, &iquery, -1);
      const int lwork = lwork_from(query), liwork = std::max(1, iquery);
      batch_loop(count, n, [&](int64_t b0, int64_t b1) {
        std::vector<T> wk(static_cast<size_t>(lwork));
        std::vector<int> iwk(static_cast<size_t>(liwork));
        for (int64_t b = b0; b < b1; ++b) {
          T* ab = a + b * n * n;
          T* wb = w + b * n;
          // Only the triangle read by LAPACK matters.
          bool finite = true;
          for (int64_t i = 0; i < n; ++i)
            for (int64_t j = 0; j < n; ++j)
              if (upper ? j >= i : j <= i) finite &= std::isfinite(ab[i * n + j]);
          if (!finite) {
            fill_nan(wb, n);
            fill_nan(ab, n * n);
            continue;
          }
          info[b] = cxxlapack::syevd<int>(jobz, uplo, static_cast<int>(n), ab, lp(n), wb, wk.data(), lwork,
                                          iwk.data(), liwork);
        }
      });
    });
  }
  if (!compute_v) return {L, Tensor()};
  // The buffer holds Z^T row-major: the eigenvectors (columns of Z) are its transposed view.
  Shape vs = with_batch(batch, {n, n});
  Shape st = contiguous_strides(vs);
  st[st.size() - 2] = 1;
  st[st.size() - 1] = n;
  return {L, work.as_strided(vs, st, 0)};
}

// ---- Cholesky -------------------------------------------------------------------------------------

Tensor cholesky(const Tensor& A, bool upper, Infos& info) {
  const int64_t n = A.shape()[A.dim() - 1];
  check_dims(n, n);
  const Shape batch = batch_shape(A);
  const int64_t count = shape_numel(batch);
  info.assign(static_cast<size_t>(count), 0);
  Tensor work = batched_copy(A, A.dtype(), /*fresh=*/true);
  if (count > 0 && n > 0) {
    dispatch_floating(A.dtype(), [&](auto tag) {
      using T = typename decltype(tag)::type;
      T* a = work.data<T>();
      const char uplo = upper ? 'L' : 'U';
      batch_loop(count, n, [&](int64_t b0, int64_t b1) {
        for (int64_t b = b0; b < b1; ++b) {
          T* ab = a + b * n * n;
          bool finite = true;
          for (int64_t i = 0; i < n; ++i)
            for (int64_t j = 0; j < n; ++j)
              if (upper ? j >= i : j <= i) finite &= std::isfinite(ab[i * n + j]);
          if (!finite) {
            fill_nan(ab, n * n);
            continue;
          }
          info[b] = cxxlapack::potrf<int>(uplo, static_cast<int>(n), ab, lp(n));
          for (int64_t i = 0; i < n; ++i)  // zero the other triangle
            for (int64_t j = 0; j < n; ++j)
              if (upper ? j < i : j > i) ab[i * n + j] = T(0);
        }
      });
    });
  }
  return work.as_strided(A.shape(), contiguous_strides(A.shape()), 0);
}

// ---- LU: solve, inv, det, slogdet ------------------------------------------------------------------

int gesv(int n, int nrhs, double* a, int* ipiv, double* b) {
  int info = 0;
  const int ld = std::max(1, n);
  cxxlapack::dgesv_(&n, &nrhs, a, &ld, ipiv, b, &ld, &info);
  return info;
}

Tensor solve(const Tensor& A, const Tensor& B, Infos& info) {
  const int64_t n = A.shape()[A.dim() - 1], k = B.shape()[B.dim() - 1];
  check_dims(n, std::max(n, k));
  const Shape batch = batch_shape(A);
  const int64_t count = shape_numel(batch);
  const DType dt = A.dtype();
  info.assign(static_cast<size_t>(count), 0);
  // X^T in row-major = X in column-major (ld n): getrs writes it in place of B^T.
  Tensor xt = batched_copy_transposed(B, dt);
  if (count > 0 && n > 0 && k > 0) {
    const Tensor work = batched_copy(A, dt, /*fresh=*/true);
    dispatch_floating(dt, [&](auto tag) {
      using T = typename decltype(tag)::type;
      T* a = work.data<T>();
      T* x = xt.data<T>();
      batch_loop(count, n, [&](int64_t b0, int64_t b1) {
        std::vector<int> ipiv(static_cast<size_t>(n));
        for (int64_t b = b0; b < b1; ++b) {
          T* ab = a + b * n * n;
          T* xb = x + b * n * k;
          if (!all_finite(ab, n * n)) {
            fill_nan(xb, n * k);
            continue;
          }
          const int f = cxxlapack::getrf<int>(static_cast<int>(n), static_cast<int>(n), ab, lp(n), ipiv.data());
          if (f > 0) {
            info[b] = f;
            fill_nan(xb, n * k);
            continue;
          }
          cxxlapack::getrs<int>('T', static_cast<int>(n), static_cast<int>(k), ab, lp(n), ipiv.data(), xb, lp(n));
        }
      });
    });
  }
  Shape xs = with_batch(batch, {n, k});
  Shape st = contiguous_strides(xs);
  st[st.size() - 2] = 1;
  st[st.size() - 1] = n;
  return xt.as_strided(xs, st, 0);
}

Tensor inv(const Tensor& A, Infos& info) {
  const int64_t n = A.shape()[A.dim() - 1];
  check_dims(n, n);
  const int64_t count = batch_count(A);
  info.assign(static_cast<size_t>(count), 0);
  Tensor work = batched_copy(A, A.dtype(), /*fresh=*/true);
  if (count > 0 && n > 0) {
    dispatch_floating(A.dtype(), [&](auto tag) {
      using T = typename decltype(tag)::type;
      T* a = work.data<T>();
      T query = 0;
      int dummy_piv[1] = {1};
      cxxlapack::getri<int>(static_cast<int>(n), a, lp(n), dummy_piv, &query, -1);
      const int lwork = lwork_from(query);
      batch_loop(count, n, [&](int64_t b0, int64_t b1) {
        std::vector<int> ipiv(static_cast<size_t>(n));
        std::vector<T> wk(static_cast<size_t>(lwork));
        for (int64_t b = b0; b < b1; ++b) {
          T* ab = a + b * n * n;
          if (!all_finite(ab, n * n)) {
            fill_nan(ab, n * n);
            continue;
          }
          const int f = cxxlapack::getrf<int>(static_cast<int>(n), static_cast<int>(n), ab, lp(n), ipiv.data());
          if (f > 0) {
            info[b] = f;
            fill_nan(ab, n * n);
            continue;
          }
          cxxlapack::getri<int>(static_cast<int>(n), ab, lp(n), ipiv.data(), wk.data(), lwork);
        }
      });
    });
  }
  return work.as_strided(A.shape(), contiguous_strides(A.shape()), 0);
}

namespace {

// LU-factors each matrix and calls f(b, diag_ptr_stride_n1, n, swaps_odd, finite).
template <class T, class F> void lu_each(const Tensor& A, F&& f) {
  const int64_t n = A.shape()[A.dim() - 1];
  check_dims(n, n);
  const int64_t count = batch_count(A);
  const Tensor work = batched_copy(A, A.dtype(), /*fresh=*/true);
  T* a = work.data<T>();
  batch_loop(count, n, [&](int64_t b0, int64_t b1) {
    std::vector<int> ipiv(static_cast<size_t>(std::max<int64_t>(1, n)));
    for (int64_t b = b0; b < b1; ++b) {
      T* ab = a + b * n * n;
      if (!all_finite(ab, n * n)) {
        f(b, ab, false, false);
        continue;
      }
      if (n > 0) cxxlapack::getrf<int>(static_cast<int>(n), static_cast<int>(n), ab, lp(n), ipiv.data());
      bool odd = false;
      for (int64_t i = 0; i < n; ++i) odd ^= ipiv[i] != i + 1;
      f(b, ab, odd, true);
    }
  });
}

}  // namespace

std::pair<Tensor, Tensor> slogdet(const Tensor& A) {
  const int64_t n = A.shape()[A.dim() - 1];
  const Shape batch = batch_shape(A);
  Tensor sign = Tensor::empty(batch, A.dtype()), logabs = Tensor::empty(batch, A.dtype());
  dispatch_floating(A.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    T* sg = sign.data<T>();
    T* la = logabs.data<T>();
    lu_each<T>(A, [&](int64_t b, const T* lu, bool odd, bool finite) {
      if (!finite) {
        sg[b] = la[b] = kNaN<T>;
        return;
      }
      T s = odd ? T(-1) : T(1), l = T(0);
      for (int64_t i = 0; i < n; ++i) {
        const T d = lu[i * n + i];
        if (d < 0) s = -s;
        l += std::log(std::abs(d));
      }
      if (std::isinf(l) && l < 0) s = T(0);
      sg[b] = s;
      la[b] = l;
    });
  });
  return {sign, logabs};
}

Tensor det(const Tensor& A) {
  const int64_t n = A.shape()[A.dim() - 1];
  Tensor out = Tensor::empty(batch_shape(A), A.dtype());
  dispatch_floating(A.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    T* o = out.data<T>();
    lu_each<T>(A, [&](int64_t b, const T* lu, bool odd, bool finite) {
      if (!finite) {
        o[b] = kNaN<T>;
        return;
      }
      T d = odd ? T(-1) : T(1);
      for (int64_t i = 0; i < n; ++i) d *= lu[i * n + i];
      o[b] = d;
    });
  });
  return out;
}

// ---- Least squares ------------------------------------------------------------------------------------

namespace {

void gelss_raw(int m, int n, int nrhs, float* a, int lda, float* b, int ldb, float* s, float rcond, int& rank,
               float* work, int lwork, int& info) {
  cxxlapack::sgelss_(&m, &n, &nrhs, a, &lda, b, &ldb, s, &rcond, &rank, work, &lwork, &info);
}
void gelss_raw(int m, int n, int nrhs, double* a, int lda, double* b, int ldb, double* s, double rcond, int& rank,
               double* work, int lwork, int& info) {
  cxxlapack::dgelss_(&m, &n, &nrhs, a, &lda, b, &ldb, s, &rcond, &rank, work, &lwork, &info);
}

}  // namespace

Lstsq lstsq(const Tensor& A, const Tensor& B, double rcond, const std::string& driver, Infos& info) {
  const int64_t m = A.shape()[A.dim() - 2], n = A.shape()[A.dim() - 1], k = B.shape()[B.dim() - 1];
  const int64_t mn = std::min(m, n), ldb = std::max<int64_t>({1, m, n});
  check_dims(ldb, std::max<int64_t>({1, n, k}));
  const Shape batch = batch_shape(A);
  const int64_t count = shape_numel(batch);
  const DType dt = A.dtype();
  info.assign(static_cast<size_t>(count), 0);
  const bool gels = driver == "gels", gelsy = driver == "gelsy", gelsd = driver == "gelsd";
  const bool with_sv = driver == "gelsd" || driver == "gelss";
  Lstsq r;
  r.rank = gels ? Tensor::empty({0}, DType::Int64) : zeros(batch, DType::Int64);
  r.singular_values = with_sv ? Tensor::empty(with_batch(batch, {mn}), dt) : Tensor::empty({0}, dt);
  // B padded to ldb rows, column-major per matrix: (count, k, ldb) row-major.
  Tensor bb = zeros({count, k, ldb}, dt);
  {
    Shape st = contiguous_strides(B.shape());
    st[B.dim() - 2] = 1;
    st[B.dim() - 1] = ldb;
    for (int64_t d = B.dim() - 3, s = k * ldb; d >= 0; --d) {
      st[d] = s;
      s *= B.shape()[d];
    }
    copy_kernel(bb.as_strided(B.shape(), st, 0), B);
  }
  const Tensor work = batched_copy_transposed(A, dt);  // column-major m x n, lda m
  dispatch_floating(dt, [&](auto tag) {
    using T = typename decltype(tag)::type;
    T* a = work.data<T>();
    T* x = bb.data<T>();
    int64_t* rank = gels ? nullptr : r.rank.data<int64_t>();
    T* sv = with_sv ? r.singular_values.data<T>() : nullptr;
    if (count == 0) return;
    if (mn == 0 || k == 0) {
      if (sv) std::fill(sv, sv + count * mn, T(0));
      // The minimum-norm solution of an empty system is zero (bb is zero-filled past B's rows).
      for (int64_t b = 0; b < count; ++b)
        for (int64_t c = 0; c < k; ++c) std::fill(x + (b * k + c) * ldb, x + (b * k + c) * ldb + n, T(0));
      return;
    }
    const int M = static_cast<int>(m), N = static_cast<int>(n), K = static_cast<int>(k);
    const int lda = lp(m), LDB = static_cast<int>(ldb);
    const T rc = static_cast<T>(rcond);
    T query = 0;
    int iquery = 0, rank_q = 0, info_q = 0;
    T sq[1] = {T(0)};
    std::vector<int> jq(static_cast<size_t>(n), 0);
    if (gels) cxxlapack::gels<int>('N', M, N, K, a, lda, x, LDB, &query, -1);
    else if (gelsy) cxxlapack::gelsy<int>(M, N, K, a, lda, x, LDB, jq.data(), rc, rank_q, &query, -1);
    else if (gelsd) cxxlapack::gelsd<int>(M, N, K, a, lda, x, LDB, sq, rc, rank_q, &query, -1, &iquery);
    else gelss_raw(M, N, K, a, lda, x, LDB, sq, rc, rank_q, &query, -1, info_q);
    const int lwork = lwork_from(query);
    const int liwork = std::max<int>(1, iquery);
    batch_loop(count, std::max(m, n), [&](int64_t b0, int64_t b1) {
      std::vector<T> wk(static_cast<size_t>(lwork));
      std::vector<int> iwk(static_cast<size_t>(liwork)), jpvt(static_cast<size_t>(n));
      std::vector<T> sdummy(static_cast<size_t>(mn));
      for (int64_t b = b0; b < b1; ++b) {
        T* ab = a + b * m * n;
        T* xb = x + b * k * ldb;
        T* sb = sv ? sv + b * mn : sdummy.data();
        if (!all_finite(ab, m * n) || !all_finite(xb, k * ldb)) {
          fill_nan(xb, k * ldb);
          if (sv) fill_nan(sb, mn);
          continue;
        }
        int rk = 0, inf = 0;
        if (gels) {
          inf = cxxlapack::gels<int>('N', M, N, K, ab, lda, xb, LDB, wk.data(), lwork);
        } else if (gelsy) {
          std::fill(jpvt.begin(), jpvt.end(), 0);
          cxxlapack::gelsy<int>(M, N, K, ab, lda, xb, LDB, jpvt.data(), rc, rk, wk.data(), lwork);  // info < 0 only
        } else if (gelsd) {
          inf = cxxlapack::gelsd<int>(M, N, K, ab, lda, xb, LDB, sb, rc, rk, wk.data(), lwork, iwk.data());
        } else {
          gelss_raw(M, N, K, ab, lda, xb, LDB, sb, rc, rk, wk.data(), lwork, inf);
        }
        info[b] = inf;
        if (rank) rank[b] = rk;
      }
    });
  });
  // The solution: the first n rows of each padded column-major B.
  Shape xs = with_batch(batch, {n, k});
  Shape st = contiguous_strides(xs);
  st[st.size() - 2] = 1;
  st[st.size() - 1] = ldb;
  for (int64_t d = static_cast<int64_t>(batch.size()) - 1, s = k * ldb; d >= 0; --d) {
    st[d] = s;
    s *= batch[d];
  }
  r.solution = Tensor::empty(xs, dt);
  copy_kernel(r.solution, bb.as_strided(xs, st, 0));
  // Residuals: squared norms of rows n..m-1 (not for gelsy; gelsd/gelss only when every A has full rank).
  bool residuals = m > n && !gelsy && count > 0;
  if (residuals && !gels) {
    const int64_t* rk = r.rank.data<int64_t>();
    for (int64_t b = 0; b < count; ++b) residuals &= rk[b] == n;
  }
  if (residuals) {
    r.residuals = Tensor::empty(with_batch(batch, {k}), dt);
    dispatch_floating(dt, [&](auto tag) {
      using T = typename decltype(tag)::type;
      const T* x = bb.data<T>();
      T* res = r.residuals.data<T>();
      for (int64_t c = 0; c < count * k; ++c) {
        T s = 0;
        for (int64_t i = n; i < m; ++i) s += x[c * ldb + i] * x[c * ldb + i];
        res[c] = s;
      }
    });
  } else {
    r.residuals = Tensor::empty({0}, dt);
  }
  return r;
}

}  // namespace rustorch::linalg::kernels
