// Matrix products. Float kernels call OpenBLAS (cblas.h: never include xtensor-blas in this file);
// transposed operands are passed with BLAS's transpose flags instead of being copied, other
// non-contiguous operands are copied. int64 and bool use a plain loop.
#include "rustorch/ops/matmul.hpp"

#include <cblas.h>

#include <algorithm>
#include <climits>

#include "rustorch/autograd/function.hpp"
#include "rustorch/core/parallel.hpp"
#include "rustorch/ops/copy.hpp"
#include "rustorch/ops/elementwise.hpp"
#include "rustorch/ops/reduce.hpp"
#include "rustorch/ops/registry.hpp"
#include "rustorch/ops/shape.hpp"

namespace rustorch {

using autograd::BackwardContext;

RT_REGISTER_OP("matmul", true);
RT_REGISTER_OP("mm", true);
RT_REGISTER_OP("bmm", true);
RT_REGISTER_OP("mv", true);
RT_REGISTER_OP("dot", true);
RT_REGISTER_OP("outer", true);
RT_REGISTER_OP("inner", true);
RT_REGISTER_OP("addmm", true);

namespace {

// ---------------------------------------------------------------------------------------------
// BLAS calls

// How BLAS can read a rows x cols matrix with element strides (rs, cs): row-major (element (i, j)
// at i * ld + j) or, with the transpose flag, column-major (at j * ld + i).
struct Layout {
  bool ok = false;
  bool trans = false;
  int64_t ld = 0;
};

Layout blas_layout(int64_t rows, int64_t cols, int64_t rs, int64_t cs) {
  if ((cols <= 1 || cs == 1) && (rows <= 1 || rs >= std::max<int64_t>(1, cols)))
    return {true, false, rows <= 1 ? std::max<int64_t>(1, cols) : rs};
  if ((rows <= 1 || rs == 1) && (cols <= 1 || cs >= std::max<int64_t>(1, rows)))
    return {true, true, cols <= 1 ? std::max<int64_t>(1, rows) : cs};
  return {};
}

int bint(int64_t v, const char* op) {
  RT_CHECK(v <= INT_MAX, ValueError, op, ": matrix dimension or stride ", v, " is too large for BLAS");
  return static_cast<int>(v);
}

inline CBLAS_TRANSPOSE flag(bool t) { return t ? CblasTrans : CblasNoTrans; }

void blas_gemm(bool ta, bool tb, int m, int n, int k, const float* a, int lda, const float* b, int ldb, float* c,
               int ldc) {
  cblas_sgemm(CblasRowMajor, flag(ta), flag(tb), m, n, k, 1.0f, a, lda, b, ldb, 0.0f, c, ldc);
}
void blas_gemm(bool ta, bool tb, int m, int n, int k, const double* a, int lda, const double* b, int ldb, double* c,
               int ldc) {
  cblas_dgemm(CblasRowMajor, flag(ta), flag(tb), m, n, k, 1.0, a, lda, b, ldb, 0.0, c, ldc);
}
// y = op(A) x for A stored row-major as rows x cols.
void blas_gemv(bool trans, int rows, int cols, const float* a, int lda, const float* x, int incx, float* y, int incy) {
  cblas_sgemv(CblasRowMajor, flag(trans), rows, cols, 1.0f, a, lda, x, incx, 0.0f, y, incy);
}
void blas_gemv(bool trans, int rows, int cols, const double* a, int lda, const double* x, int incx, double* y,
               int incy) {
  cblas_dgemv(CblasRowMajor, flag(trans), rows, cols, 1.0, a, lda, x, incx, 0.0, y, incy);
}

// C (m x n, row stride ldc) = A (m x k) @ B (k x n); A and B in BLAS layouts.
template <class T>
void gemm(int64_t m, int64_t n, int64_t k, const T* a, Layout la, const T* b, Layout lb, T* c, int64_t ldc,
          const char* op) {
  if (m == 0 || n == 0) return;
  if (k == 0) {
    for (int64_t i = 0; i < m; ++i) std::fill(c + i * ldc, c + i * ldc + n, T(0));
    return;
  }
  if (n == 1) {  // matrix-vector: b is a column with stride (k, 0) -> k * (trans ? 1 : ld)
    const int64_t incx = lb.trans ? 1 : lb.ld;
    if (la.trans) blas_gemv(true, bint(k, op), bint(m, op), a, bint(la.ld, op), b, bint(incx, op), c, bint(ldc, op));
    else blas_gemv(false, bint(m, op), bint(k, op), a, bint(la.ld, op), b, bint(incx, op), c, bint(ldc, op));
    return;
  }
  if (m == 1) {  // vector-matrix: c = B^T a, a is a row with stride (0, k) -> k * (trans ? ld : 1)
    const int64_t incx = la.trans ? la.ld : 1;
    if (lb.trans) blas_gemv(false, bint(n, op), bint(k, op), b, bint(lb.ld, op), a, bint(incx, op), c, 1);
    else blas_gemv(true, bint(k, op), bint(n, op), b, bint(lb.ld, op), a, bint(incx, op), c, 1);
    return;
  }
  blas_gemm(la.trans, lb.trans, bint(m, op), bint(n, op), bint(k, op), a, bint(la.ld, op), b, bint(lb.ld, op), c,
            bint(ldc, op));
}

// Multiply-adds below which a batch of products stays on one thread.
constexpr int64_t kParallelWork = int64_t(1) << 16;

// Whether OpenBLAS computes this product on one thread (its interface/gemm.c and gemv.c thresholds).
bool blas_single_threaded(int64_t m, int64_t n, int64_t k) {
  if (n == 1) return m * k < 9216;
  if (m == 1) return k * n < 9216;
  return m * n * k <= 262144;
}

// C (m x n, contiguous) = A @ B by a plain loop (int64: sum of products; bool: or of ands).
template <class T>
void loop_matmul(int64_t m, int64_t n, int64_t k, const T* a, int64_t ars, int64_t acs, const T* b, int64_t brs,
                 int64_t bcs, T* c) {
  for (int64_t i = 0; i < m; ++i) {
    T* ci = c + i * n;
    std::fill(ci, ci + n, T(0));
    for (int64_t p = 0; p < k; ++p) {
      const T av = a[i * ars + p * acs];
      if (av == T(0)) continue;
      const T* bp = b + p * brs;
      if constexpr (std::is_same_v<T, bool>) {
        for (int64_t j = 0; j < n; ++j) ci[j] = ci[j] | bp[j * bcs];
      } else if (bcs == 1) {
        for (int64_t j = 0; j < n; ++j) ci[j] += av * bp[j];
      } else {
        for (int64_t j = 0; j < n; ++j) ci[j] += av * bp[j * bcs];
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The batched kernel: out (batch..., m, n), contiguous = a (.., m, k) @ b (.., k, n), where the
// batch dims of a and b broadcast to out's. No autograd.

// Strides of t's batch dims (all but the last two) broadcast to `batch` (0 where broadcast).
Shape batch_strides(const Tensor& t, const Shape& batch) {
  const int64_t tb = t.dim() - 2, nb = static_cast<int64_t>(batch.size());
  Shape s(batch.size(), 0);
  for (int64_t i = 0; i < tb; ++i) {
    const int64_t d = nb - tb + i;
    s[d] = t.shape()[i] == 1 ? 0 : t.strides()[i];
  }
  return s;
}

// The row stride of a folded (batch * m) x k matrix, when a's batch dims and rows merge into one
// dim of uniform stride; -1 when they don't.
int64_t folded_row_stride(const Shape& batch, const Shape& bstr, int64_t m, int64_t rs) {
  std::vector<std::pair<int64_t, int64_t>> dims;  // (size, stride), outer to inner, sizes > 1
  for (size_t d = 0; d < batch.size(); ++d)
    if (batch[d] > 1) dims.push_back({batch[d], bstr[d]});
  if (m > 1) dims.push_back({m, rs});
  if (dims.empty()) return 0;
  for (size_t i = 0; i + 1 < dims.size(); ++i)
    if (dims[i].second != dims[i + 1].first * dims[i + 1].second) return -1;
  return dims.back().second;
}

template <class T> void matmul_kernel_typed(Tensor a, Tensor b, const Tensor& out, const char* op) {
  const int64_t m = a.shape()[a.dim() - 2], k = a.shape()[a.dim() - 1], n = b.shape()[b.dim() - 1];
  const Shape batch(out.shape().begin(), out.shape().end() - 2);
  int64_t nbatch = shape_numel(batch);
  T* c = out.data<T>();
  if (out.numel() == 0) return;
  constexpr bool kBlas = std::is_floating_point_v<T>;
  Layout la, lb;
  if constexpr (kBlas) {
    la = blas_layout(m, k, a.strides()[a.dim() - 2], a.strides()[a.dim() - 1]);
    if (!la.ok) {
      a = contiguous_as(a, a.dtype());
      la = blas_layout(m, k, a.strides()[a.dim() - 2], a.strides()[a.dim() - 1]);
    }
    lb = blas_layout(k, n, b.strides()[b.dim() - 2], b.strides()[b.dim() - 1]);
    if (!lb.ok) {
      b = contiguous_as(b, b.dtype());
      lb = blas_layout(k, n, b.strides()[b.dim() - 2], b.strides()[b.dim() - 1]);
    }
  }
  const Shape sa = batch_strides(a, batch), sb = batch_strides(b, batch);
  const T* pa = a.data<T>();
  const T* pb = b.data<T>();
  const int64_t ars = a.strides()[a.dim() - 2], acs = a.strides()[a.dim() - 1];
  const int64_t brs = b.strides()[b.dim() - 2], bcs = b.strides()[b.dim() - 1];

  if constexpr (kBlas) {
    // b shared by every batch and a's batches stacked row after row: one GEMM of (batch * m) rows.
    const bool b_shared = std::all_of(sb.begin(), sb.end(), [](int64_t s) { return s == 0; });
    if (nbatch > 1 && b_shared && !la.trans && (k <= 1 || acs == 1)) {
      const int64_t rs = folded_row_stride(batch, sa, m, ars);
      if (rs >= std::max<int64_t>(1, k)) {
        gemm<T>(nbatch * m, n, k, pa, Layout{true, false, rs}, pb, lb, c, n, op);
        return;
      }
    }
  }
  // One product per batch; batch offsets first (an odometer over the batch dims).
  const int64_t nd = static_cast<int64_t>(batch.size());
  std::vector<int64_t> offa(static_cast<size_t>(nbatch)), offb(static_cast<size_t>(nbatch));
  std::vector<int64_t> idx(static_cast<size_t>(nd), 0);
  for (int64_t i = 0, oa = 0, ob = 0; i < nbatch; ++i) {
    offa[i] = oa;
    offb[i] = ob;
    for (int64_t d = nd - 1; d >= 0; --d) {
      oa += sa[d];
      ob += sb[d];
      if (++idx[d] < batch[d]) break;
      oa -= sa[d] * batch[d];
      ob -= sb[d] * batch[d];
      idx[d] = 0;
    }
  }
  const int64_t work = m * n * std::max<int64_t>(k, 1);  // multiply-adds per product
  if constexpr (kBlas) {
    auto run = [&](int64_t b0, int64_t b1) {
      for (int64_t i = b0; i < b1; ++i) gemm<T>(m, n, k, pa + offa[i], la, pb + offb[i], lb, c + i * m * n, n, op);
    };
    // Products OpenBLAS runs on one thread are spread over our threads (each is computed the same
    // way whatever the partition); larger ones use OpenBLAS's own threads, one after another.
    if (blas_single_threaded(m, n, k)) parallel_for(nbatch, std::max<int64_t>(1, kParallelWork / work), run);
    else run(0, nbatch);
  } else {
    // Plain loop: one task per output row.
    const int64_t grain = std::max<int64_t>(1, kParallelWork / std::max<int64_t>(1, n * k));
    parallel_for(nbatch * m, grain, [&](int64_t r0, int64_t r1) {
      for (int64_t r = r0; r < r1; ++r) {
        const int64_t i = r / m, row = r % m;
        loop_matmul<T>(1, n, k, pa + offa[i] + row * ars, ars, acs, pb + offb[i], brs, bcs, c + i * m * n + row * n);
      }
    });
  }
}

void check_same_dtype(const Tensor& a, const Tensor& b, const char* op) {
  RT_CHECK(a.dtype() == b.dtype(), Error, op, ": expected both to have the same dtype, but got ", dtype_name(a.dtype()),
           " != ", dtype_name(b.dtype()));
}

[[noreturn]] void not_aligned(const Tensor& a, const Tensor& b, const char* op) {
  RT_THROW(ValueError, op, ": shapes ", shape_str(a.shape()), " and ", shape_str(b.shape()), " are not aligned");
}

// torch.matmul forward for operands of at least 1 dim (no autograd).
Tensor matmul_forward(const Tensor& a, const Tensor& b, const char* op) {
  RT_CHECK(a.dim() >= 1 && b.dim() >= 1, ValueError, op, ": both arguments need to be at least 1-D, but got shapes ",
           shape_str(a.shape()), " and ", shape_str(b.shape()));
  check_same_dtype(a, b, op);
  const bool a1 = a.dim() == 1, b1 = b.dim() == 1;
  // 1-D operands as a 1 x k row / k x 1 column (views, no autograd).
  const Tensor a2 = a1 ? a.as_strided({1, a.shape()[0]}, {0, a.strides()[0]}, a.offset()) : a;
  const Tensor b2 = b1 ? b.as_strided({b.shape()[0], 1}, {b.strides()[0], 0}, b.offset()) : b;
  const int64_t m = a2.shape()[a2.dim() - 2], k = a2.shape()[a2.dim() - 1];
  const int64_t k2 = b2.shape()[b2.dim() - 2], n = b2.shape()[b2.dim() - 1];
  if (k != k2) not_aligned(a, b, op);
  // Broadcast the batch dims.
  const Shape ba(a2.shape().begin(), a2.shape().end() - 2), bb(b2.shape().begin(), b2.shape().end() - 2);
  const size_t nb = std::max(ba.size(), bb.size());
  Shape batch(nb);
  for (size_t i = 0; i < nb; ++i) {
    const int64_t x = i < nb - ba.size() ? 1 : ba[i - (nb - ba.size())];
    const int64_t y = i < nb - bb.size() ? 1 : bb[i - (nb - bb.size())];
    RT_CHECK(x == y || x == 1 || y == 1, ValueError, op, ": batch dimensions of shapes ", shape_str(a.shape()), " and ",
             shape_str(b.shape()), " cannot be broadcast");
    batch[i] = x == 1 ? y : x;
  }
  Shape out_shape = batch;
  if (!a1) out_shape.push_back(m);
  if (!b1) out_shape.push_back(n);
  Tensor out = Tensor::empty(out_shape, a.dtype());
  Shape kernel_shape = batch;
  kernel_shape.push_back(m);
  kernel_shape.push_back(n);
  const Tensor out_k = out.as_strided(kernel_shape, contiguous_strides(kernel_shape), 0);
  dispatch_dtype(a.dtype(), [&](auto tag) {
    matmul_kernel_typed<typename decltype(tag)::type>(a2, b2, out_k, op);
  });
  return out;
}

Tensor mT(const Tensor& t) { return transpose(t, -2, -1); }

// Gradients of out = matmul(a, b) given g = d(loss)/d(out), written with differentiable ops.
TensorList matmul_backward(const BackwardContext& ctx, const Tensor& g) {
  const Tensor a = ctx.saved(0), b = ctx.saved(1);
  TensorList r(2);
  if (a.dim() == 1 && b.dim() == 1) {
    if (ctx.needs_input_grad(0)) r[0] = mul(g, b);
    if (ctx.needs_input_grad(1)) r[1] = mul(g, a);
    return r;
  }
  const Tensor a2 = a.dim() == 1 ? unsqueeze(a, 0) : a;
  const Tensor b2 = b.dim() == 1 ? unsqueeze(b, 1) : b;
  Tensor g2 = g;
  if (a.dim() == 1) g2 = unsqueeze(g2, g2.dim() - 1);  // (.., n) -> (.., 1, n)
  if (b.dim() == 1) g2 = unsqueeze(g2, g2.dim());      // (.., m) -> (.., m, 1)
  if (ctx.needs_input_grad(0)) r[0] = reshape(sum_to(matmul(g2, mT(b2)), a2.shape()), a.shape());
  if (ctx.needs_input_grad(1)) {
    Tensor gb;
    if (b2.dim() == 2 && a2.dim() > 2) {
      // b shared across a's batches: one GEMM over the stacked rows instead of a sum of products.
      const int64_t k = a2.shape()[a2.dim() - 1], n = g2.shape()[g2.dim() - 1];
      gb = matmul(mT(reshape(a2, {-1, k})), reshape(g2, {-1, n}));
    } else {
      gb = sum_to(matmul(mT(a2), g2), b2.shape());
    }
    r[1] = reshape(gb, b.shape());
  }
  return r;
}

Tensor matmul_recorded(const Tensor& a, const Tensor& b, const char* op, const char* node) {
  Tensor out = matmul_forward(a, b, op);
  if (autograd::needs_grad({a, b}))
    autograd::record(node, {a, b}, {out}, {a, b}, [](const BackwardContext& ctx, const TensorList& g) -> TensorList {
      return matmul_backward(ctx, g[0]);
    });
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Ops

int64_t matmul_work(const Tensor& a, const Tensor& b) {
  if (a.dim() == 0 || b.dim() == 0) return 0;
  const int64_t m = a.dim() >= 2 ? a.shape()[a.dim() - 2] : 1;
  const int64_t n = b.dim() >= 2 ? b.shape()[b.dim() - 1] : 1;
  return std::max(a.numel() * n, b.numel() * m);
}

Tensor matmul(const Tensor& a, const Tensor& b) {
  const char* node = a.dim() == 1 && b.dim() == 1   ? "DotBackward"
                     : a.dim() == 2 && b.dim() == 1 ? "MvBackward"
                     : a.dim() == 2 && b.dim() == 2 ? "MmBackward"
                                                    : "MatmulBackward";
  return matmul_recorded(a, b, "matmul", node);
}

Tensor mm(const Tensor& a, const Tensor& b) {
  RT_CHECK(a.dim() == 2 && b.dim() == 2, ValueError, "mm: expected 2-D tensors, got shapes ", shape_str(a.shape()),
           " and ", shape_str(b.shape()));
  return matmul_recorded(a, b, "mm", "MmBackward");
}

Tensor bmm(const Tensor& a, const Tensor& b) {
  RT_CHECK(a.dim() == 3 && b.dim() == 3, ValueError, "bmm: expected 3-D tensors, got shapes ", shape_str(a.shape()),
           " and ", shape_str(b.shape()));
  RT_CHECK(a.shape()[0] == b.shape()[0], ValueError, "bmm: batch sizes of shapes ", shape_str(a.shape()), " and ",
           shape_str(b.shape()), " differ");
  return matmul_recorded(a, b, "bmm", "BmmBackward");
}

Tensor mv(const Tensor& a, const Tensor& b) {
  RT_CHECK(a.dim() == 2 && b.dim() == 1, ValueError, "mv: expected a 2-D and a 1-D tensor, got shapes ",
           shape_str(a.shape()), " and ", shape_str(b.shape()));
  return matmul_recorded(a, b, "mv", "MvBackward");
}

Tensor dot(const Tensor& a, const Tensor& b) {
  RT_CHECK(a.dim() == 1 && b.dim() == 1, ValueError, "dot: expected 1-D tensors, got shapes ", shape_str(a.shape()),
           " and ", shape_str(b.shape()));
  return matmul_recorded(a, b, "dot", "DotBackward");
}

Tensor outer(const Tensor& a, const Tensor& b) {
  RT_CHECK(a.dim() == 1 && b.dim() == 1, ValueError, "outer: expected 1-D tensors, got shapes ", shape_str(a.shape()),
           " and ", shape_str(b.shape()));
  return mul(unsqueeze(a, 1), unsqueeze(b, 0));
}

Tensor inner(const Tensor& a, const Tensor& b) {
  if (a.dim() == 0 || b.dim() == 0) return mul(a, b);
  const int64_t k = a.shape().back();
  RT_CHECK(k == b.shape().back(), ValueError, "inner: the last dimensions of shapes ", shape_str(a.shape()), " and ",
           shape_str(b.shape()), " differ");
  check_same_dtype(a, b, "inner");
  Shape out_shape(a.shape().begin(), a.shape().end() - 1);
  out_shape.insert(out_shape.end(), b.shape().begin(), b.shape().end() - 1);
  return reshape(mm(reshape(a, {-1, k}), mT(reshape(b, {-1, k}))), out_shape);
}

Tensor addmm(const Tensor& input, const Tensor& mat1, const Tensor& mat2, const Scalar& beta, const Scalar& alpha) {
  RT_CHECK(mat1.dim() == 2 && mat2.dim() == 2, ValueError, "addmm: expected 2-D matrices, got shapes ",
           shape_str(mat1.shape()), " and ", shape_str(mat2.shape()));
  Tensor prod = matmul_recorded(mat1, mat2, "addmm", "AddmmBackward");
  const Shape& ps = prod.shape();
  bool fits = input.dim() <= 2;
  for (int64_t i = 0; fits && i < input.dim(); ++i) {
    const int64_t d = input.shape()[input.dim() - 1 - i];
    fits = d == 1 || d == ps[1 - i];
  }
  RT_CHECK(fits, ValueError, "addmm: input of shape ", shape_str(input.shape()),
           " cannot be broadcast to the product's shape ", shape_str(ps));
  // Like torch: with integer operands the coefficients are truncated to integers, so the result
  // stays int64 (a float coefficient would otherwise promote it to float32).
  const bool integral = is_integral(promote_types(input.dtype(), prod.dtype()), /*include_bool=*/false);
  const Scalar a = integral ? Scalar(alpha.to_int()) : alpha, b = integral ? Scalar(beta.to_int()) : beta;
  if (a.to_double() != 1.0) prod = mul(prod, a);
  if (b.to_double() == 0.0) return prod;  // like torch, input is ignored (its nan/inf too)
  return add(b.to_double() == 1.0 ? input : mul(input, b), prod);
}

}  // namespace rustorch
