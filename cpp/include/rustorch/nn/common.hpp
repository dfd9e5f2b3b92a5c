// Shared helpers of the nn kernels: argument expansion and checks, BLAS GEMM wrappers with a
// serial-BLAS scope for per-sample parallel loops, and small fused reductions.
#pragma once
#include <algorithm>
#include <cstring>
#include <cstdint>
#include <functional>
#include <string>
#include <type_traits>
#include <vector>

#include "rustorch/core/allocator.hpp"
#include "rustorch/core/tensor.hpp"

namespace rustorch::nn {

// An int-or-tuple argument (kernel_size=3 or (3, 3)) expanded to `n` values; throws ValueError
// naming `op` and `arg` when a tuple has another length.
std::vector<int64_t> expand_param(const std::vector<int64_t>& v, int64_t n, const char* op, const char* arg);

// Checks that `t` is a floating tensor; throws TypeError naming op/what.
void check_floating(const Tensor& t, const char* op, const char* what);
// Checks that an optional tensor has `dtype`; throws TypeError naming op/what.
void check_same_dtype(const Tensor& t, DType dtype, const char* op, const char* what);

// Row-major C[M,N] = alpha * op(A)[M,K] * op(B)[K,N] + beta * C on OpenBLAS.
void gemm(bool trans_a, bool trans_b, int64_t m, int64_t n, int64_t k, float alpha, const float* a, int64_t lda,
          const float* b, int64_t ldb, float beta, float* c, int64_t ldc);
void gemm(bool trans_a, bool trans_b, int64_t m, int64_t n, int64_t k, double alpha, const double* a, int64_t lda,
          const double* b, int64_t ldb, double beta, double* c, int64_t ldc);

// C[M,N] = beta * C + A[M,K] * B[N,K]^T for small M and N with long K (rows of A and B
// contiguous): register tiles of 4 x 3 dot products in SIMD lanes. OpenBLAS reaches only ~half
// of its peak on such shapes (the weight gradient of convolutions with few channels).
void gemm_nt_small(int64_t m, int64_t n, int64_t k, const float* a, int64_t lda, const float* b, int64_t ldb,
                   float beta, float* c, int64_t ldc);
void gemm_nt_small(int64_t m, int64_t n, int64_t k, const double* a, int64_t lda, const double* b, int64_t ldb,
                   double beta, double* c, int64_t ldc);

// While alive (and `active`), OpenBLAS runs single-threaded, so that our own parallel loops can
// each call GEMM without oversubscribing the cores. Restores the engine's thread count on exit.
class BlasSerialScope {
 public:
  explicit BlasSerialScope(bool active);
  ~BlasSerialScope();
  BlasSerialScope(const BlasSerialScope&) = delete;
  BlasSerialScope& operator=(const BlasSerialScope&) = delete;

 private:
  bool active_;
};

// Runs f(begin, end) over [0, n) items of a per-sample loop: in parallel with serial BLAS when
// there are several items and threads, else on the calling thread (BLAS keeps its threads).
void parallel_samples(int64_t n, const std::function<void(int64_t, int64_t)>& f);

// Sum of g over every dim but dim 1 (the channel dim) -> shape (C,). Differentiable: a fused
// kernel when no graph is needed, else the sum op.
Tensor channel_sum(const Tensor& g);

// Uninitialised scratch memory from the caching allocator (no page faults on reuse).
template <class T> class Buffer {
 public:
  explicit Buffer(int64_t n) : n_(n > 0 ? n : 0) {
    if (n_) p_ = static_cast<T*>(allocator::allocate(static_cast<size_t>(n_) * sizeof(T)));
  }
  ~Buffer() {
    if (p_) allocator::deallocate(p_, static_cast<size_t>(n_) * sizeof(T));
  }
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;
  T* get() const { return p_; }

 private:
  int64_t n_;
  T* p_ = nullptr;
};

// Explicit SIMD (GCC/Clang vector extensions, 256-bit: AVX2 with the x86-64-v3 baseline) for the
// few kernels whose scalar form the compiler will not vectorize (exp inside reductions).
namespace simd {
template <class T> struct VecOf;
template <> struct VecOf<float> {
  typedef float type __attribute__((vector_size(32)));
  typedef int32_t itype __attribute__((vector_size(32)));
  static constexpr int lanes = 8;
};
template <> struct VecOf<double> {
  typedef double type __attribute__((vector_size(32)));
  typedef int64_t itype __attribute__((vector_size(32)));
  static constexpr int lanes = 4;
};
template <class T> using Vec = typename VecOf<T>::type;
template <class T> constexpr int lanes = VecOf<T>::lanes;

template <class T> inline Vec<T> load(const T* p) {
  Vec<T> v;
  std::memcpy(&v, p, sizeof(v));
  return v;
}
template <class T> inline void store(T* p, Vec<T> v) { std::memcpy(p, &v, sizeof(v)); }
template <class T> inline Vec<T> splat(T x) { return Vec<T>{} + x; }
template <class T> inline T hsum(Vec<T> v) {
  T s = 0;
  for (int k = 0; k < lanes<T>; ++k) s += v[k];
  return s;
}
template <class T> inline T hmax(Vec<T> v) {
  T m = v[0];
  for (int k = 1; k < lanes<T>; ++k) m = v[k] > m ? v[k] : m;
  return m;
}
template <class T> inline Vec<T> vmax(Vec<T> a, Vec<T> b) { return a > b ? a : b; }

// exp(x): Cody-Waite range reduction, a polynomial on [-ln2/2, ln2/2] and 2^n built in the
// exponent bits; about 1 ulp. Arguments below log(smallest normal) give 0, NaN propagates.
// Callers pass x - max <= 0, so overflow does not arise. (The scheme of ops/reduce.cpp's vexp.)
template <class T> inline Vec<T> exp(Vec<T> x) {
  using VI = typename VecOf<T>::itype;
  constexpr bool f32 = std::is_same_v<T, float>;
  const Vec<T> lo = splat<T>(f32 ? T(-87.33654) : T(-708.3964185322641));
  const Vec<T> hi = splat<T>(f32 ? T(88.72283) : T(709.782712893384));
  const T shifter = f32 ? T(12582912.0) : T(6755399441055744.0);
  Vec<T> xc = x < lo ? lo : x;  // NaN passes through both clamps
  xc = xc > hi ? hi : xc;
  const Vec<T> t = xc * T(1.4426950408889634) + shifter;
  const Vec<T> n = t - shifter;
  Vec<T> r = xc - n * (f32 ? T(0.693359375) : T(6.93147180369123816490e-01));
  r = r - n * (f32 ? T(-2.12194440e-4) : T(1.90821492927058770002e-10));
  Vec<T> p;
  if constexpr (f32) {
    p = splat<T>(T(1.9875691500E-4));
    p = p * r + T(1.3981999507E-3);
    p = p * r + T(8.3334519073E-3);
    p = p * r + T(4.1665795894E-2);
    p = p * r + T(1.6666665459E-1);
    p = p * r + T(5.0000001201E-1);
  } else {
    p = splat<T>(T(1.0 / 6227020800.0));
    p = p * r + T(1.0 / 479001600.0);
    p = p * r + T(1.0 / 39916800.0);
    p = p * r + T(1.0 / 3628800.0);
    p = p * r + T(1.0 / 362880.0);
    p = p * r + T(1.0 / 40320.0);
    p = p * r + T(1.0 / 5040.0);
    p = p * r + T(1.0 / 720.0);
    p = p * r + T(1.0 / 120.0);
    p = p * r + T(1.0 / 24.0);
    p = p * r + T(1.0 / 6.0);
    p = p * r + T(0.5);
  }
  const Vec<T> y = p * r * r + r + T(1);
  const VI shift_bits = (VI)splat<T>(shifter);
  const VI bits = (((VI)t - shift_bits) + (f32 ? 127 : 1023)) << (f32 ? 23 : 52);
  const Vec<T> res = y * (Vec<T>)bits;
  return x < lo ? Vec<T>{} : res;
}

// exp of one scalar with the same rounding as simd::exp (for loop tails).
template <class T> inline T exp1(T x) { return exp<T>(splat<T>(x))[0]; }
}  // namespace simd

// Reduction mode of a loss from its name ("none" / "mean" / "sum"); ValueError otherwise.
enum class Reduction { None = 0, Mean = 1, Sum = 2 };
Reduction parse_reduction(const std::string& s, const char* op);

}  // namespace rustorch::nn
