// Elementwise ops. Each op is one small struct (dtype rule, kernel, backward rule side by side);
// generic drivers turn it into the out-of-place op, the in-place op (with autograd), the
// tensor-scalar forms, and the registry entry:
//
//   unary_op(op, a) / unary_op_(op, "name_", self)      one tensor input (+ scalar parameters)
//   binary_op(op, a, b) / binary_op_(op, "name_", s, o)  two broadcast tensor inputs
//
// Kernels work on contiguous runs ("blocks"); strided inputs are gathered into small buffers so
// every layout runs the same vectorized block code. Transcendental functions use glibc's vector
// math library (libmvec) on AVX2.
#include "rustorch/ops/elementwise.hpp"
#include "rustorch/core/overlap.hpp"

#include <immintrin.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <type_traits>

#include "rustorch/autograd/function.hpp"
#include "rustorch/ops/complex.hpp"
#include "rustorch/ops/copy.hpp"
#include "rustorch/ops/factory.hpp"
#include "rustorch/ops/iter.hpp"
#include "rustorch/ops/registry.hpp"

// glibc's libmvec (linked through libm's linker script): vector variants over 8 floats / 4 doubles
// (AVX2, "d") and 16 floats / 8 doubles (AVX-512, "e"), within a few ulp of the scalar functions,
// with NaN/inf/overflow handled like libm. The AVX-512 ones are used when the CPU has AVX-512F.
#define RT_MVEC_FUNCTIONS(X) \
  X(exp) X(exp2) X(expm1) X(log) X(log2) X(log10) X(log1p) X(sin) X(cos) X(tan) X(asin) X(acos) X(atan) \
  X(sinh) X(cosh) X(tanh) X(erf) X(erfc)

extern "C" {
#define RT_MVEC_DECLARE_AVX2(fn) \
  __m256 _ZGVdN8v_##fn##f(__m256);  \
  __m256d _ZGVdN4v_##fn(__m256d);
RT_MVEC_FUNCTIONS(RT_MVEC_DECLARE_AVX2)
#undef RT_MVEC_DECLARE_AVX2
__m256 _ZGVdN8vv_powf(__m256, __m256);
__m256d _ZGVdN4vv_pow(__m256d, __m256d);
}

#pragma GCC push_options
#pragma GCC target("avx512f")
extern "C" {
// The attribute as well as the pragma: clang (the TSan and fuzz builds) ignores `#pragma GCC target`.
#define RT_AVX512 __attribute__((target("avx512f")))
#define RT_MVEC_DECLARE_AVX512(fn)               \
  RT_AVX512 __m512 _ZGVeN16v_##fn##f(__m512); \
  RT_AVX512 __m512d _ZGVeN8v_##fn(__m512d);
RT_MVEC_FUNCTIONS(RT_MVEC_DECLARE_AVX512)
#undef RT_MVEC_DECLARE_AVX512
RT_AVX512 __m512 _ZGVeN16vv_powf(__m512, __m512);
RT_AVX512 __m512d _ZGVeN8vv_pow(__m512d, __m512d);
#undef RT_AVX512
}
#pragma GCC pop_options

namespace rustorch {

using autograd::BackwardContext;

// ---------------------------------------------------------------------------------------------
// Type promotion

namespace {

struct ResultTypeState {
  DType dimensioned = DType::Bool, zero_dim = DType::Bool, wrapped = DType::Bool;
  bool has_dim = false, has_zero = false, has_wrapped = false;

  void add_tensor(const Tensor& t) {
    if (t.dim() > 0) {
      dimensioned = has_dim ? promote_types(dimensioned, t.dtype()) : t.dtype();
      has_dim = true;
    } else {
      zero_dim = has_zero ? promote_types(zero_dim, t.dtype()) : t.dtype();
      has_zero = true;
    }
  }
  void add_scalar(const Scalar& s) {
    const DType d = s.default_dtype();
    wrapped = has_wrapped ? promote_types(wrapped, d) : d;
    has_wrapped = true;
  }
  DType result() const {
    DType r = has_dim ? dimensioned : has_zero ? zero_dim : wrapped;
    // A lower-priority operand of a higher kind lifts the kind; a complex one keeps the precision
    // of a floating r (float64 tensor + complex64 0-dim -> complex128, like torch).
    auto lift = [&r](bool present, DType other) {
      if (!present || type_kind(other) <= type_kind(r)) return;
      r = type_kind(other) == TypeKind::Complex && is_floating(r) ? complex_of(r) : other;
    };
    if (has_dim) lift(has_zero, zero_dim);
    if (has_dim || has_zero) {
      if (has_wrapped && type_kind(wrapped) > type_kind(r)) {
        if (type_kind(wrapped) == TypeKind::Floating) r = default_float_dtype();
        else if (type_kind(wrapped) == TypeKind::Complex) r = complex_of(is_floating(r) ? r : default_float_dtype());
        else r = wrapped;
      }
    }
    return r;
  }
};

void check_can_cast(DType from, DType to, const char* op) {
  RT_CHECK(type_kind(from) <= type_kind(to), TypeError, op, ": result type ", dtype_name(from),
           " can't be cast to the desired output type ", dtype_name(to));
}

// The dtype a floating function computes in: floating and complex dtypes are kept, bool and int64
// give the default float.
DType float_type(DType d) { return is_floating(d) || is_complex(d) ? d : default_float_dtype(); }

DType not_bool(DType d, const char* op) {
  RT_CHECK(d != DType::Bool, TypeError, op, ": not supported for bool tensors");
  return d;
}

}  // namespace

DType result_type(const Tensor& a, const Tensor& b) {
  ResultTypeState s;
  s.add_tensor(a);
  s.add_tensor(b);
  return s.result();
}

DType result_type(const Tensor& a, const Scalar& b) {
  ResultTypeState s;
  s.add_tensor(a);
  s.add_scalar(b);
  return s.result();
}

DType result_type(const Scalar& a, const Scalar& b) {
  ResultTypeState s;
  s.add_scalar(a);
  s.add_scalar(b);
  return s.result();
}

Tensor wrapped_scalar(const Scalar& s, DType dtype) {
  Tensor t = Tensor::empty({}, dtype);
  dispatch_all_dtypes(dtype, [&](auto tag) {
    using T = typename decltype(tag)::type;
    *t.data<T>() = s.to<T>();
  });
  return t;
}

RoundingMode parse_rounding_mode(const char* mode) {
  const std::string m(mode);
  if (m == "trunc") return RoundingMode::Trunc;
  if (m == "floor") return RoundingMode::Floor;
  RT_THROW(ValueError, "div: expected rounding_mode to be one of None, 'trunc', or 'floor' but found '", m, "'");
}

// ---------------------------------------------------------------------------------------------
// Kernel drivers

namespace {

enum : int { kSaveNone = 0, kSaveA = 1, kSaveB = 2, kSaveOut = 4 };
enum : unsigned { kB = 1, kI = 2, kF = 4, kD = 8, kC64 = 16, kC128 = 32, kFloatTypes = kF | kD, kNumTypes = kI | kF | kD,
                  kIntTypes = kB | kI, kAllTypes = kB | kI | kF | kD, kComplexTypes = kC64 | kC128 };

// Calls f(TypeTag<T>{}) for the dtypes in the mask `Types` (the op's checks rule out the others).
template <unsigned Types, class F> void dispatch_types(DType d, F&& f) {
  switch (d) {
    case DType::Bool:
      if constexpr ((Types & kB) != 0) return f(TypeTag<bool>{});
      break;
    case DType::Int64:
      if constexpr ((Types & kI) != 0) return f(TypeTag<int64_t>{});
      break;
    case DType::Float32:
      if constexpr ((Types & kF) != 0) return f(TypeTag<float>{});
      break;
    case DType::Float64:
      if constexpr ((Types & kD) != 0) return f(TypeTag<double>{});
      break;
    case DType::Complex64:
      if constexpr ((Types & kC64) != 0) return f(TypeTag<std::complex<float>>{});
      break;
    case DType::Complex128:
      if constexpr ((Types & kC128) != 0) return f(TypeTag<std::complex<double>>{});
      break;
  }
  RT_THROW(Error, "elementwise: internal error: unexpected dtype ", dtype_name(d));
}

// Ops whose kernels are not built for complex values refuse complex operands up front (before any
// dtype rule could convert them to a real type).
template <class Op> void check_complex_support(const char* name, const Tensor& a, const Tensor* b = nullptr) {
  if constexpr ((Op::kTypes & kComplexTypes) == 0) {
    for (const Tensor* t : {&a, b})
      RT_CHECK(t == nullptr || !is_complex(t->dtype()), TypeError, name, ": not supported for complex tensors (got ",
               dtype_name(t->dtype()), "); complex tensors support +, -, *, /, neg, ==, !=, abs, angle, conj, real "
               "and imag");
  }
}

// Runs f(begin, end) over [0, n), in parallel above `grain`, without std::function on small sizes.
template <class F> inline void parallel_range(int64_t n, int64_t grain, const F& f) {
  if (n < grain) f(int64_t(0), n);
  else parallel_for(n, grain, [&f](int64_t b, int64_t e) { f(b, e); });
}

// The tensor a kernel reads: t itself when it already has `dtype`, else a contiguous converted copy.
inline Tensor as_dtype(const Tensor& t, DType dtype) { return t.dtype() == dtype ? t : contiguous_as(t, dtype); }

// True when t's elements fill exactly numel() consecutive slots from raw_data(), in any dim order
// (contiguous, or a permutation of a contiguous tensor such as a transpose).
bool is_dense(const Tensor& t) {
  if (t.is_contiguous()) return true;
  std::array<std::pair<int64_t, int64_t>, 16> dims;  // (stride, size) of the dims of size > 1
  size_t nd = 0;
  for (int64_t d = 0; d < t.dim(); ++d) {
    if (t.shape()[d] == 1) continue;
    if (t.shape()[d] == 0 || nd == dims.size()) return false;
    dims[nd++] = {t.strides()[d], t.shape()[d]};
  }
  std::sort(dims.begin(), dims.begin() + nd);
  int64_t expected = 1;
  for (size_t k = 0; k < nd; ++k) {
    if (dims[k].first != expected) return false;
    expected *= dims[k].second;
  }
  return true;
}

// Same shape and the same strides on every dim of size > 1 (so the same memory order).
bool same_layout(const Tensor& a, const Tensor& b) {
  if (a.shape() != b.shape()) return false;
  for (int64_t d = 0; d < a.dim(); ++d)
    if (a.shape()[d] != 1 && a.strides()[d] != b.strides()[d]) return false;
  return true;
}

// A new tensor shaped like t, laid out like t when t is a dense permutation (a transpose, say),
// else contiguous: like PyTorch, elementwise results keep their input's memory order, so the
// kernel runs over memory linearly.
Tensor empty_like_dense(const Tensor& t, DType dtype) {
  if (t.is_contiguous() || !is_dense(t)) return Tensor::empty(t.shape(), dtype);
  std::vector<int64_t> perm(static_cast<size_t>(t.dim()));
  for (size_t d = 0; d < perm.size(); ++d) perm[d] = static_cast<int64_t>(d);
  std::stable_sort(perm.begin(), perm.end(), [&](int64_t x, int64_t y) { return t.strides()[x] > t.strides()[y]; });
  Shape sizes;
  for (int64_t d : perm) sizes.push_back(t.shape()[d]);
  const Tensor base = Tensor::empty(sizes, dtype);
  Shape strides(perm.size());
  for (size_t k = 0; k < perm.size(); ++k) strides[perm[k]] = base.strides()[k];
  return base.as_strided(t.shape(), strides, 0);
}

constexpr int64_t kChunk = 256;  // gather/scatter buffer size for strided operands

// out[i] = block(in)[i]: block(const Tin* x, Tout* o, n) handles contiguous runs; out and in have
// the same shape (in may be strided or expanded; out may be in itself).
template <class Tout, class Tin, class Block>
void unary_map(const Tensor& out, const Tensor& in, const Block& block, int64_t grain) {
  const int64_t n = out.numel();
  if (n == 0) return;
  if ((out.is_contiguous() && in.is_contiguous()) || (same_layout(out, in) && is_dense(in))) {  // linear in memory
    Tout* o = out.data<Tout>();
    const Tin* x = in.data<Tin>();
    parallel_range(n, grain, [&](int64_t b, int64_t e) { block(x + b, o + b, e - b); });
    return;
  }
  StridedIter<2> it(out.shape(), {out.strides(), in.strides()});
  it.for_each({static_cast<char*>(out.raw_data()), static_cast<char*>(in.raw_data())},
              {int64_t(sizeof(Tout)), int64_t(sizeof(Tin))},
              [&](const std::array<char*, 2>& p, const std::array<int64_t, 2>& s, int64_t m) {
                Tout* o = reinterpret_cast<Tout*>(p[0]);
                const Tin* x = reinterpret_cast<const Tin*>(p[1]);
                if (s[0] == 1 && s[1] == 1) return block(x, o, m);
                Tin xb[kChunk];
                Tout ob[kChunk];
                for (int64_t c = 0; c < m; c += kChunk) {
                  const int64_t k = std::min(kChunk, m - c);
                  const Tin* xs = x + c * s[1];
                  if (s[1] != 1)
                    for (int64_t i = 0; i < k; ++i) xb[i] = xs[i * s[1]];
                  Tout* os = o + c * s[0];
                  block(s[1] == 1 ? xs : xb, s[0] == 1 ? os : ob, k);
                  if (s[0] != 1)
                    for (int64_t i = 0; i < k; ++i) os[i * s[0]] = ob[i];
                }
              },
              grain);
}

// bool data read and written as bytes where GCC vectorizes uint8_t loops but not bool ones.
template <class T> using Storage8 = std::conditional_t<std::is_same_v<T, bool>, uint8_t, T>;
template <class T> inline T from_storage(Storage8<T> v) {
  if constexpr (std::is_same_v<T, bool>) return v != 0;
  else return v;
}

// out[i] = f(a[i], b[i]) with a and b broadcast to out's shape (by strides), of type T.
template <class Tout, class T, class F>
void binary_map(const Tensor& out, const Tensor& a, const Tensor& b, const F& f) {
  const int64_t n = out.numel();
  if (n == 0) return;
  // (bool operands stay bool here: these loops vectorize, and && / || on bools become bit ops.)
  using SO = Tout;
  using S = T;
  const F& g = f;
  if (out.is_contiguous() || is_dense(out)) {
    SO* o = static_cast<SO*>(out.raw_data());
    const S* x = static_cast<const S*>(a.raw_data());
    const S* y = static_cast<const S*>(b.raw_data());
    // Operands read in out's memory order.
    auto linear = [&](const Tensor& t) {
      return t.numel() == n && (out.is_contiguous() ? t.is_contiguous() : same_layout(t, out));
    };
    const bool ca = linear(a), cb = linear(b);
    if (ca && cb) {
      parallel_range(n, kParallelGrain, [&](int64_t lo, int64_t hi) {
        for (int64_t i = lo; i < hi; ++i) o[i] = g(x[i], y[i]);
      });
      return;
    }
    if (ca && b.numel() == 1) {
      const S yv = *y;
      parallel_range(n, kParallelGrain, [&](int64_t lo, int64_t hi) {
        for (int64_t i = lo; i < hi; ++i) o[i] = g(x[i], yv);
      });
      return;
    }
    if (a.numel() == 1 && cb) {
      const S xv = *x;
      parallel_range(n, kParallelGrain, [&](int64_t lo, int64_t hi) {
        for (int64_t i = lo; i < hi; ++i) o[i] = g(xv, y[i]);
      });
      return;
    }
  }
  binary_loop<SO, S, S>(out, a, b, g);
}

// ---- libmvec blocks ---------------------------------------------------------------------------
// Each maps a contiguous run through a vector function; the tail goes through the same vector code
// (zero-padded), so a value's result does not depend on its position or on the thread count.

bool cpu_has_avx512() {
  static const bool has = __builtin_cpu_supports("avx512f");
  return has;
}

// o[i] = APPLY(x[i]) over a run of n elements of T, W lanes at a time (v is the loaded vector).
#define RT_VECTOR_RUN(T, W, LOAD, STORE, APPLY)                                   \
  do {                                                                            \
    int64_t i = 0;                                                                \
    for (; i + (W) <= n; i += (W)) {                                              \
      const auto v = LOAD(x + i);                                                 \
      STORE(o + i, APPLY);                                                        \
    }                                                                             \
    if (i < n) {                                                                  \
      alignas(64) T buf[W] = {};                                                  \
      std::memcpy(buf, x + i, static_cast<size_t>(n - i) * sizeof(T));           \
      const auto v = LOAD(buf);                                                   \
      STORE(buf, APPLY);                                                          \
      std::memcpy(o + i, buf, static_cast<size_t>(n - i) * sizeof(T));            \
    }                                                                             \
  } while (0)

template <__m256 (*F)(__m256)> void vmap(const float* x, float* o, int64_t n) {
  RT_VECTOR_RUN(float, 8, _mm256_loadu_ps, _mm256_storeu_ps, F(v));
}
template <__m256d (*F)(__m256d)> void vmap(const double* x, double* o, int64_t n) {
  RT_VECTOR_RUN(double, 4, _mm256_loadu_pd, _mm256_storeu_pd, F(v));
}
void pow_avx2(const float* x, float e, float* o, int64_t n) {
  const __m256 ev = _mm256_set1_ps(e);
  RT_VECTOR_RUN(float, 8, _mm256_loadu_ps, _mm256_storeu_ps, _ZGVdN8vv_powf(v, ev));
}
void pow_avx2(const double* x, double e, double* o, int64_t n) {
  const __m256d ev = _mm256_set1_pd(e);
  RT_VECTOR_RUN(double, 4, _mm256_loadu_pd, _mm256_storeu_pd, _ZGVdN4vv_pow(v, ev));
}

#pragma GCC push_options
#pragma GCC target("avx512f")
template <__m512 (*F)(__m512)> __attribute__((target("avx512f"))) void vmap512(const float* x, float* o, int64_t n) {
  RT_VECTOR_RUN(float, 16, _mm512_loadu_ps, _mm512_storeu_ps, F(v));
}
template <__m512d (*F)(__m512d)> __attribute__((target("avx512f"))) void vmap512(const double* x, double* o, int64_t n) {
  RT_VECTOR_RUN(double, 8, _mm512_loadu_pd, _mm512_storeu_pd, F(v));
}
__attribute__((target("avx512f"))) void pow_avx512(const float* x, float e, float* o, int64_t n) {
  const __m512 ev = _mm512_set1_ps(e);
  RT_VECTOR_RUN(float, 16, _mm512_loadu_ps, _mm512_storeu_ps, _ZGVeN16vv_powf(v, ev));
}
__attribute__((target("avx512f"))) void pow_avx512(const double* x, double e, double* o, int64_t n) {
  const __m512d ev = _mm512_set1_pd(e);
  RT_VECTOR_RUN(double, 8, _mm512_loadu_pd, _mm512_storeu_pd, _ZGVeN8vv_pow(v, ev));
}
// sigmoid(x) = 1 / (1 + exp(-x)) in registers.
__attribute__((target("avx512f"))) void sigmoid_avx512(const float* x, float* o, int64_t n) {
  const __m512 one = _mm512_set1_ps(1.0f), zero = _mm512_setzero_ps();
  RT_VECTOR_RUN(float, 16, _mm512_loadu_ps, _mm512_storeu_ps,
                _mm512_div_ps(one, _mm512_add_ps(one, _ZGVeN16v_expf(_mm512_sub_ps(zero, v)))));
}
__attribute__((target("avx512f"))) void sigmoid_avx512(const double* x, double* o, int64_t n) {
  const __m512d one = _mm512_set1_pd(1.0), zero = _mm512_setzero_pd();
  RT_VECTOR_RUN(double, 8, _mm512_loadu_pd, _mm512_storeu_pd,
                _mm512_div_pd(one, _mm512_add_pd(one, _ZGVeN8v_exp(_mm512_sub_pd(zero, v)))));
}
#pragma GCC pop_options

void sigmoid_avx2(const float* x, float* o, int64_t n) {
  const __m256 one = _mm256_set1_ps(1.0f), zero = _mm256_setzero_ps();
  RT_VECTOR_RUN(float, 8, _mm256_loadu_ps, _mm256_storeu_ps,
                _mm256_div_ps(one, _mm256_add_ps(one, _ZGVdN8v_expf(_mm256_sub_ps(zero, v)))));
}
void sigmoid_avx2(const double* x, double* o, int64_t n) {
  const __m256d one = _mm256_set1_pd(1.0), zero = _mm256_setzero_pd();
  RT_VECTOR_RUN(double, 4, _mm256_loadu_pd, _mm256_storeu_pd,
                _mm256_div_pd(one, _mm256_add_pd(one, _ZGVdN4v_exp(_mm256_sub_pd(zero, v)))));
}
template <class T> inline void v_sigmoid(const T* x, T* o, int64_t n) {
  if (cpu_has_avx512()) sigmoid_avx512(x, o, n);
  else sigmoid_avx2(x, o, n);
}
#undef RT_VECTOR_RUN

// v_exp(x, o, n) etc. for float and double, dispatching on the CPU.
#define RT_VEC_FN(fn)                                                                                 \
  inline void v_##fn(const float* x, float* o, int64_t n) {                                         \
    if (cpu_has_avx512()) vmap512<_ZGVeN16v_##fn##f>(x, o, n);                                       \
    else vmap<_ZGVdN8v_##fn##f>(x, o, n);                                                            \
  }                                                                                                  \
  inline void v_##fn(const double* x, double* o, int64_t n) {                                       \
    if (cpu_has_avx512()) vmap512<_ZGVeN8v_##fn>(x, o, n);                                           \
    else vmap<_ZGVdN4v_##fn>(x, o, n);                                                               \
  }
RT_MVEC_FUNCTIONS(RT_VEC_FN)
#undef RT_VEC_FN

// x ** e for a fixed exponent.
template <class T> inline void v_pow(const T* x, T e, T* o, int64_t n) {
  if (cpu_has_avx512()) pow_avx512(x, e, o, n);
  else pow_avx2(x, e, o, n);
}

// floor / ceil / trunc / round-half-even with the SSE4.1 rounding instruction (exact, so the scalar
// tail agrees with the vector body).
template <int Mode> inline float round_mode(float v) {
  return _mm_cvtss_f32(_mm_round_ss(_mm_setzero_ps(), _mm_set_ss(v), Mode | _MM_FROUND_NO_EXC));
}
template <int Mode> inline double round_mode(double v) {
  return _mm_cvtsd_f64(_mm_round_sd(_mm_setzero_pd(), _mm_set_sd(v), Mode | _MM_FROUND_NO_EXC));
}
template <int Mode> void v_round(const float* x, float* o, int64_t n) {
  int64_t i = 0;
  for (; i + 8 <= n; i += 8) _mm256_storeu_ps(o + i, _mm256_round_ps(_mm256_loadu_ps(x + i), Mode | _MM_FROUND_NO_EXC));
  for (; i < n; ++i) o[i] = round_mode<Mode>(x[i]);
}
template <int Mode> void v_round(const double* x, double* o, int64_t n) {
  int64_t i = 0;
  for (; i + 4 <= n; i += 4) _mm256_storeu_pd(o + i, _mm256_round_pd(_mm256_loadu_pd(x + i), Mode | _MM_FROUND_NO_EXC));
  for (; i < n; ++i) o[i] = round_mode<Mode>(x[i]);
}

// ---- Unary driver -----------------------------------------------------------------------------

// Defaults of a unary op struct. An op provides kName, kGradName, compute_dtype(a), a block
// run(x, o, n) over its compute type, and backward(g, x, y) (x: saved input, y: saved output).
struct UnaryBase {
  static constexpr bool kBoolOut = false;        // result is bool (computed from the compute type)
  static constexpr bool kDifferentiable = true;
  static constexpr int kSaves = kSaveNone;       // kSaveA (input) and/or kSaveOut
  static constexpr unsigned kTypes = kFloatTypes;  // compute types the kernel is built for
};

// Floating function: integer and bool inputs compute in the default float dtype.
struct FloatUnary : UnaryBase {
  DType compute_dtype(const Tensor& a) const { return float_type(a.dtype()); }
};

// Keeps the dtype; int64 and floating (bool is an error).
struct NumUnary : UnaryBase {
  static constexpr unsigned kTypes = kNumTypes;
};

// run() from a per-element f(x) (plain loops the compiler vectorizes).
template <class D> struct Pointwise {
  template <class T, class Tout> void run(const T* x, Tout* o, int64_t n) const {
    const D& d = static_cast<const D&>(*this);
    const auto* xs = reinterpret_cast<const Storage8<T>*>(x);
    auto* os = reinterpret_cast<Storage8<Tout>*>(o);
    for (int64_t i = 0; i < n; ++i) os[i] = static_cast<Storage8<Tout>>(d.f(from_storage<T>(xs[i])));
  }
};

template <class Op> void unary_kernel(const Op& op, const Tensor& out, const Tensor& in) {
  dispatch_types<Op::kTypes>(in.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    using Tout = std::conditional_t<Op::kBoolOut, bool, T>;
    unary_map<Tout, T>(out, in, [&op](const T* x, Tout* o, int64_t n) { op.run(x, o, n); }, kParallelGrain);
  });
}

template <class Op> void record_unary(const Op& op, const Tensor& input, const Tensor& out, const Tensor& saved_input) {
  TensorList saved;
  if constexpr ((Op::kSaves & kSaveA) != 0) saved.push_back(saved_input);
  if constexpr ((Op::kSaves & kSaveOut) != 0) saved.push_back(out);
  autograd::record(op.kGradName, {input}, {out}, saved, [op](const BackwardContext& ctx, const TensorList& g) -> TensorList {
    size_t k = 0;
    Tensor x, y;
    if constexpr ((Op::kSaves & kSaveA) != 0) x = ctx.saved(k++);
    if constexpr ((Op::kSaves & kSaveOut) != 0) y = ctx.saved(k++);
    return {op.backward(g[0], x, y)};
  });
}

template <class Op> Tensor unary_op(const Op& op, const Tensor& a) {
  check_complex_support<Op>(op.kName, a);
  const DType compute = op.compute_dtype(a);
  const Tensor in = as_dtype(a, compute);
  Tensor out = empty_like_dense(in, Op::kBoolOut ? DType::Bool : compute);
  unary_kernel(op, out, in);
  if constexpr (Op::kDifferentiable)
    if (autograd::needs_grad({a})) record_unary(op, a, out, a);
  return out;
}

// The in-place form of any unary op: same kernel written into self, history extended by the
// op's backward rule (with a copy of the original value when the rule needs the input).
template <class Op> const Tensor& unary_op_(const Op& op, const char* name, const Tensor& self) {
  check_complex_support<Op>(name, self);
  const DType compute = op.compute_dtype(self);
  const DType result = Op::kBoolOut ? DType::Bool : compute;
  check_can_cast(result, self.dtype(), name);
  check_no_internal_overlap(self, name);
  autograd::check_inplace(self, name);
  const bool grad = Op::kDifferentiable && autograd::needs_grad({self});
  const Tensor original = grad && (Op::kSaves & kSaveA) != 0 ? clone(self) : Tensor();
  if (result == self.dtype() && compute == self.dtype()) {
    unary_kernel(op, self, self);
  } else {
    Tensor tmp = Tensor::empty(self.shape(), result);
    unary_kernel(op, tmp, as_dtype(self, compute));
    copy_kernel(self, tmp);
  }
  self.bump_version();
  if (grad) record_unary(op, self, self, original);
  return self;
}

// ---- Binary driver ----------------------------------------------------------------------------

// What a binary backward rule sees: the incoming gradient, the saved tensors, and which inputs
// need a gradient.
struct BinaryGrad {
  Tensor g, a, b, out;
  bool need_a = false, need_b = false;
};

// Defaults of a binary op struct. An op provides kName, kGradName, f(x, y) and backward(BinaryGrad).
struct BinaryBase {
  static constexpr bool kBoolOut = false;
  static constexpr bool kDifferentiable = true;
  static constexpr bool kCheckZero = false;  // integer division by zero throws
  static constexpr int kSaves = kSaveNone;
  static constexpr unsigned kTypes = kAllTypes;
  DType compute_dtype(const Tensor& a, const Tensor& b) const { return result_type(a, b); }
  static void check_scalar(const Scalar&) {}  // checks on a Python-number operand before it is wrapped
};

void check_no_zero_divisor(const Tensor& b, const char* op) {
  const Tensor bc = contiguous_as(b, DType::Int64);
  const int64_t* p = bc.data<int64_t>();
  bool zero = false;
  for (int64_t i = 0, n = bc.numel(); i < n; ++i) zero |= p[i] == 0;
  RT_CHECK(!zero, Error, op, ": ZeroDivisionError (integer division by zero)");
}

template <class Op> void binary_kernel(const Op& op, const Tensor& out, const Tensor& a, const Tensor& b) {
  dispatch_types<Op::kTypes>(a.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    using Tout = std::conditional_t<Op::kBoolOut, bool, T>;
    if constexpr (Op::kCheckZero && std::is_same_v<T, int64_t>) check_no_zero_divisor(b, op.kName);
    binary_map<Tout, T>(out, a, b, [&op](T x, T y) { return static_cast<Tout>(op.f(x, y)); });
  });
}

Shape broadcast_pair(const Tensor& a, const Tensor& b, const char* op) {
  return a.shape() == b.shape() ? a.shape() : broadcast_shapes(a.shape(), b.shape(), op);
}

// The output of a binary op: laid out like an operand that is a dense permutation when the other
// operand has the same layout or is a single value, else contiguous.
Tensor binary_output(const Tensor& a, const Tensor& b, const Shape& shape, DType dtype) {
  if (!a.is_contiguous() && a.shape() == shape && (b.numel() == 1 || same_layout(a, b)) && is_dense(a))
    return empty_like_dense(a, dtype);
  if (!b.is_contiguous() && b.shape() == shape && a.numel() == 1 && is_dense(b)) return empty_like_dense(b, dtype);
  return Tensor::empty(shape, dtype);
}

template <class Op> Tensor binary_forward(const Op& op, const Tensor& a, const Tensor& b, DType compute) {
  check_complex_support<Op>(op.kName, a, &b);
  const Tensor ac = as_dtype(a, compute), bc = as_dtype(b, compute);
  Tensor out = binary_output(ac, bc, broadcast_pair(a, b, op.kName), Op::kBoolOut ? DType::Bool : compute);
  binary_kernel(op, out, ac, bc);
  return out;
}

template <class Op>
void record_binary(const Op& op, const Tensor& a, const Tensor& b, const Tensor& out, const Tensor& sa, const Tensor& sb) {
  TensorList saved;
  if constexpr ((Op::kSaves & kSaveA) != 0) saved.push_back(sa);
  if constexpr ((Op::kSaves & kSaveB) != 0) saved.push_back(sb);
  if constexpr ((Op::kSaves & kSaveOut) != 0) saved.push_back(out);
  autograd::record(op.kGradName, {a, b}, {out}, saved, [op](const BackwardContext& ctx, const TensorList& g) -> TensorList {
    BinaryGrad s;
    s.g = g[0];
    size_t k = 0;
    if constexpr ((Op::kSaves & kSaveA) != 0) s.a = ctx.saved(k++);
    if constexpr ((Op::kSaves & kSaveB) != 0) s.b = ctx.saved(k++);
    if constexpr ((Op::kSaves & kSaveOut) != 0) s.out = ctx.saved(k++);
    s.need_a = ctx.needs_input_grad(0);
    s.need_b = ctx.needs_input_grad(1);
    return op.backward(s);
  });
}

template <class Op> Tensor binary_op(const Op& op, const Tensor& a, const Tensor& b) {
  check_complex_support<Op>(op.kName, a, &b);
  Tensor out = binary_forward(op, a, b, op.compute_dtype(a, b));
  if constexpr (Op::kDifferentiable)
    if (autograd::needs_grad({a, b})) record_binary(op, a, b, out, a, b);
  return out;
}

// The in-place form of any binary op (other broadcasts to self; the result type must cast to
// self's dtype). Overlapping memory is computed out of place first.
template <class Op> const Tensor& binary_op_(const Op& op, const char* name, const Tensor& self, const Tensor& other) {
  check_complex_support<Op>(name, self, &other);
  const DType compute = op.compute_dtype(self, other);
  const DType result = Op::kBoolOut ? DType::Bool : compute;
  check_can_cast(result, self.dtype(), name);
  if (other.shape() != self.shape()) {
    const Shape shape = broadcast_shapes(self.shape(), other.shape(), name);
    RT_CHECK(shape == self.shape(), ValueError, name, ": output with shape ", shape_str(self.shape()),
             " doesn't match the broadcast shape ", shape_str(shape));
  }
  check_no_internal_overlap(self, name);
  autograd::check_inplace(self, name);
  const bool grad = Op::kDifferentiable && autograd::needs_grad({self, other});
  const bool aliased = other.storage() == self.storage();
  Tensor sa, sb;
  if (grad) {
    if constexpr ((Op::kSaves & kSaveA) != 0) sa = clone(self);
    if constexpr ((Op::kSaves & kSaveB) != 0) sb = aliased ? clone(other) : other;
  }
  if (result == self.dtype() && compute == self.dtype() && (!aliased || other.is_same(self)))
    binary_kernel(op, self, self, as_dtype(other, compute));
  else
    copy_kernel(self, binary_forward(op, self, other, compute));
  self.bump_version();
  if (grad) record_binary(op, self, other, self, sa, sb);
  return self;
}

Tensor zeros_like_grad(const Tensor& g) { return zeros(g.shape(), g.dtype()); }
Tensor zero_scalar(const Tensor& g) { return zeros({}, g.dtype()); }

}  // namespace

// Defines NAME(a) / NAME_(self) from a unary op struct and registers NAME.
#define RT_DEFINE_UNARY_OUT_OF_PLACE(NAME, OP)                                                 \
  RT_REGISTER_OP(#NAME, OP::kDifferentiable);                                                  \
  Tensor NAME(const Tensor& a) { return unary_op(OP{}, a); }
#define RT_DEFINE_UNARY(NAME, OP)                                                              \
  RT_DEFINE_UNARY_OUT_OF_PLACE(NAME, OP)                                                       \
  const Tensor& NAME##_(const Tensor& self) { return unary_op_(OP{}, #NAME "_", self); }

// Defines NAME(a, b) / NAME_(self, other) (tensor and scalar forms) from a binary op struct.
#define RT_DEFINE_BINARY(NAME, OP)                                                             \
  RT_REGISTER_OP(#NAME, OP::kDifferentiable);                                                  \
  Tensor NAME(const Tensor& a, const Tensor& b) { return binary_op(OP{}, a, b); }              \
  Tensor NAME(const Tensor& a, const Scalar& b) {                                             \
    OP::check_scalar(b);                                                                       \
    return NAME(a, wrapped_scalar(b, result_type(a, b)));                                      \
  }                                                                                            \
  const Tensor& NAME##_(const Tensor& self, const Tensor& other) { return binary_op_(OP{}, #NAME "_", self, other); } \
  const Tensor& NAME##_(const Tensor& self, const Scalar& other) {                             \
    OP::check_scalar(other);                                                                   \
    return NAME##_(self, wrapped_scalar(other, result_type(self, other)));                     \
  }

// ---------------------------------------------------------------------------------------------
// Binary arithmetic: forward and backward side by side

namespace {

struct AddOp : BinaryBase {
  static constexpr const char* kName = "add";
  static constexpr unsigned kTypes = kAllTypes | kComplexTypes;
  static constexpr const char* kGradName = "AddBackward";
  template <class T> T f(T x, T y) const { return static_cast<T>(x + y); }
  TensorList backward(const BinaryGrad& s) const { return {s.g, s.g}; }
};

struct SubOp : BinaryBase {
  static constexpr const char* kName = "sub";
  static constexpr const char* kGradName = "SubBackward";
  static constexpr unsigned kTypes = kNumTypes | kComplexTypes;
  static constexpr const char* kBoolMessage =
      "sub: subtraction, the `-` operator, with a bool tensor is not supported; use logical_xor or logical_not "
      "instead";
  DType compute_dtype(const Tensor& a, const Tensor& b) const {
    RT_CHECK(a.dtype() != DType::Bool && b.dtype() != DType::Bool, TypeError, kBoolMessage);
    return result_type(a, b);
  }
  static void check_scalar(const Scalar& s) { RT_CHECK(s.kind() != TypeKind::Bool, TypeError, kBoolMessage); }
  template <class T> T f(T x, T y) const { return x - y; }
  TensorList backward(const BinaryGrad& s) const { return {s.g, s.need_b ? neg(s.g) : Tensor()}; }
};

struct MulOp : BinaryBase {
  static constexpr const char* kName = "mul";
  static constexpr const char* kGradName = "MulBackward";
  static constexpr int kSaves = kSaveA | kSaveB;
  static constexpr unsigned kTypes = kAllTypes | kComplexTypes;
  template <class T> T f(T x, T y) const {
    if constexpr (std::is_same_v<T, bool>) return x && y;
    else return x * y;
  }
  TensorList backward(const BinaryGrad& s) const {
    return {s.need_a ? mul(s.g, s.b) : Tensor(), s.need_b ? mul(s.g, s.a) : Tensor()};
  }
};

struct DivOp : BinaryBase {  // true division
  static constexpr const char* kName = "div";
  static constexpr const char* kGradName = "DivBackward";
  static constexpr int kSaves = kSaveA | kSaveB;
  static constexpr unsigned kTypes = kFloatTypes | kComplexTypes;
  DType compute_dtype(const Tensor& a, const Tensor& b) const { return float_type(result_type(a, b)); }
  template <class T> T f(T x, T y) const { return x / y; }
  TensorList backward(const BinaryGrad& s) const {
    return {s.need_a ? div(s.g, s.b) : Tensor(), s.need_b ? neg(div(mul(s.g, s.a), mul(s.b, s.b))) : Tensor()};
  }
};

// Integer division helpers (b != 0 is checked before the kernel; b == -1 avoids INT64_MIN / -1).
inline int64_t trunc_div(int64_t a, int64_t b) {
  return b == -1 ? static_cast<int64_t>(0ULL - static_cast<uint64_t>(a)) : a / b;
}
inline int64_t floor_div(int64_t a, int64_t b) {
  if (b == -1) return static_cast<int64_t>(0ULL - static_cast<uint64_t>(a));
  const int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}
inline int64_t floor_mod(int64_t a, int64_t b) {
  if (b == -1) return 0;
  const int64_t r = a % b;
  return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r;
}
// PyTorch's (and NumPy's) floating floor division: exact where floor(a / b) would round wrongly.
template <class T> inline T floor_div(T a, T b) {
  if (b == 0) return a / b;
  const T mod = std::fmod(a, b);
  T d = (a - mod) / b;
  if (mod != 0 && ((b < 0) != (mod < 0))) d -= T(1);
  if (d == 0) return std::copysign(T(0), a / b);
  T fl = std::floor(d);
  if (d - fl > T(0.5)) fl += T(1);
  return fl;
}
template <class T> inline T floor_mod(T a, T b) {
  T mod = std::fmod(a, b);
  if (mod != 0 && ((b < 0) != (mod < 0))) mod += b;
  return mod;
}

struct DivTruncOp : BinaryBase {
  static constexpr const char* kName = "div";
  static constexpr const char* kGradName = "DivBackward";
  static constexpr unsigned kTypes = kNumTypes;
  static constexpr bool kCheckZero = true;
  DType compute_dtype(const Tensor& a, const Tensor& b) const {
    return not_bool(result_type(a, b), "div (rounding_mode='trunc')");
  }
  template <class T> T f(T x, T y) const {
    if constexpr (std::is_integral_v<T>) return trunc_div(x, y);
    else return std::trunc(x / y);
  }
  TensorList backward(const BinaryGrad& s) const { return {zeros_like_grad(s.g), zeros_like_grad(s.g)}; }
};

struct FloorDivideOp : BinaryBase {
  static constexpr const char* kName = "floor_divide";
  static constexpr const char* kGradName = "FloorDivideBackward";
  static constexpr unsigned kTypes = kNumTypes;
  static constexpr bool kCheckZero = true;
  DType compute_dtype(const Tensor& a, const Tensor& b) const { return not_bool(result_type(a, b), kName); }
  template <class T> T f(T x, T y) const { return floor_div(x, y); }
  TensorList backward(const BinaryGrad& s) const { return {zeros_like_grad(s.g), zeros_like_grad(s.g)}; }
};

struct RemainderOp : BinaryBase {
  static constexpr const char* kName = "remainder";
  static constexpr const char* kGradName = "RemainderBackward";
  static constexpr unsigned kTypes = kNumTypes;
  static constexpr bool kCheckZero = true;
  static constexpr int kSaves = kSaveA | kSaveB;
  DType compute_dtype(const Tensor& a, const Tensor& b) const { return not_bool(result_type(a, b), kName); }
  template <class T> T f(T x, T y) const { return floor_mod(x, y); }
  TensorList backward(const BinaryGrad& s) const {
    return {s.g, s.need_b ? neg(mul(s.g, floor_divide(s.a, s.b))) : Tensor()};
  }
};

struct FmodOp : BinaryBase {
  static constexpr const char* kName = "fmod";
  static constexpr const char* kGradName = "FmodBackward";
  static constexpr unsigned kTypes = kNumTypes;
  static constexpr bool kCheckZero = true;
  static constexpr int kSaves = kSaveA | kSaveB;
  DType compute_dtype(const Tensor& a, const Tensor& b) const { return not_bool(result_type(a, b), kName); }
  template <class T> T f(T x, T y) const {
    if constexpr (std::is_integral_v<T>) return y == -1 ? 0 : x % y;
    else return std::fmod(x, y);
  }
  TensorList backward(const BinaryGrad& s) const {
    return {s.g, s.need_b ? neg(mul(s.g, div(s.a, s.b, RoundingMode::Trunc))) : Tensor()};
  }
};

// Integer power by squaring (wrapping on overflow); negative exponents give 1 / a**-e truncated.
inline int64_t int_pow(int64_t a, int64_t e) {
  if (e < 0) return a == 1 ? 1 : a == -1 ? ((e & 1) ? -1 : 1) : 0;
  uint64_t r = 1, b = static_cast<uint64_t>(a);
  for (uint64_t k = static_cast<uint64_t>(e); k; k >>= 1) {
    if (k & 1) r *= b;
    b *= b;
  }
  return static_cast<int64_t>(r);
}

struct PowOp : BinaryBase {
  static constexpr const char* kName = "pow";
  static constexpr const char* kGradName = "PowBackward";
  static constexpr unsigned kTypes = kNumTypes;
  static constexpr int kSaves = kSaveA | kSaveB | kSaveOut;
  DType compute_dtype(const Tensor& a, const Tensor& b) const { return not_bool(result_type(a, b), kName); }
  template <class T> T f(T x, T y) const {
    if constexpr (std::is_integral_v<T>) return int_pow(x, y);
    else return std::pow(x, y);
  }
  TensorList backward(const BinaryGrad& s) const {
    TensorList r(2);
    const Tensor zero = zero_scalar(s.g);
    if (s.need_a) r[0] = where(eq(s.b, Scalar(0.0)), zero, mul(s.g, mul(s.b, pow(s.a, sub(s.b, Scalar(1.0))))));
    if (s.need_b) {
      const Tensor cond = logical_and(eq(s.a, Scalar(0.0)), ge(s.b, Scalar(0.0)));
      r[1] = mul(s.g, where(cond, zero, mul(s.out, log(s.a))));
    }
    return r;
  }
};

// NaN-propagating max/min (like torch.maximum / torch.minimum).
template <class T> inline T max_nan(T x, T y) {
  if constexpr (std::is_floating_point_v<T>) {
    if (x != x) return x;
    if (y != y) return y;
  }
  return x > y ? x : y;
}
template <class T> inline T min_nan(T x, T y) {
  if constexpr (std::is_floating_point_v<T>) {
    if (x != x) return x;
    if (y != y) return y;
  }
  return x < y ? x : y;
}

struct MaximumOp : BinaryBase {
  static constexpr const char* kName = "maximum";
  static constexpr const char* kGradName = "MaximumBackward";
  static constexpr int kSaves = kSaveA | kSaveB;
  template <class T> T f(T x, T y) const { return max_nan(x, y); }
  // Ties split the gradient evenly; where the other input wins the gradient is zero.
  TensorList backward(const BinaryGrad& s) const {
    const Tensor zero = zero_scalar(s.g);
    const Tensor shared = where(eq(s.a, s.b), mul(s.g, Scalar(0.5)), s.g);
    return {s.need_a ? where(lt(s.a, s.b), zero, shared) : Tensor(), s.need_b ? where(gt(s.a, s.b), zero, shared) : Tensor()};
  }
};

struct MinimumOp : BinaryBase {
  static constexpr const char* kName = "minimum";
  static constexpr const char* kGradName = "MinimumBackward";
  static constexpr int kSaves = kSaveA | kSaveB;
  template <class T> T f(T x, T y) const { return min_nan(x, y); }
  TensorList backward(const BinaryGrad& s) const {
    const Tensor zero = zero_scalar(s.g);
    const Tensor shared = where(eq(s.a, s.b), mul(s.g, Scalar(0.5)), s.g);
    return {s.need_a ? where(gt(s.a, s.b), zero, shared) : Tensor(), s.need_b ? where(lt(s.a, s.b), zero, shared) : Tensor()};
  }
};

struct Atan2Op : BinaryBase {
  static constexpr const char* kName = "atan2";
  static constexpr const char* kGradName = "Atan2Backward";
  static constexpr unsigned kTypes = kFloatTypes;
  static constexpr int kSaves = kSaveA | kSaveB;
  DType compute_dtype(const Tensor& a, const Tensor& b) const { return float_type(result_type(a, b)); }
  template <class T> T f(T x, T y) const { return std::atan2(x, y); }
  TensorList backward(const BinaryGrad& s) const {
    const Tensor r2 = add(mul(s.a, s.a), mul(s.b, s.b));
    return {s.need_a ? div(mul(s.g, s.b), r2) : Tensor(), s.need_b ? div(mul(s.g, neg(s.a)), r2) : Tensor()};
  }
};

// clamp_min / clamp_max with a tensor bound (NaN in either input propagates).
struct ClampMinOp : BinaryBase {
  static constexpr const char* kName = "clamp_min";
  static constexpr const char* kGradName = "ClampMinBackward";
  static constexpr unsigned kTypes = kNumTypes;
  static constexpr int kSaves = kSaveA | kSaveB;
  DType compute_dtype(const Tensor& a, const Tensor& b) const { return not_bool(result_type(a, b), kName); }
  template <class T> T f(T x, T y) const { return max_nan(x, y); }
  TensorList backward(const BinaryGrad& s) const {
    const Tensor zero = zero_scalar(s.g);
    return {s.need_a ? where(ge(s.a, s.b), s.g, zero) : Tensor(), s.need_b ? where(lt(s.a, s.b), s.g, zero) : Tensor()};
  }
};

struct ClampMaxOp : BinaryBase {
  static constexpr const char* kName = "clamp_max";
  static constexpr const char* kGradName = "ClampMaxBackward";
  static constexpr unsigned kTypes = kNumTypes;
  static constexpr int kSaves = kSaveA | kSaveB;
  DType compute_dtype(const Tensor& a, const Tensor& b) const { return not_bool(result_type(a, b), kName); }
  template <class T> T f(T x, T y) const { return min_nan(x, y); }
  TensorList backward(const BinaryGrad& s) const {
    const Tensor zero = zero_scalar(s.g);
    return {s.need_a ? where(le(s.a, s.b), s.g, zero) : Tensor(), s.need_b ? where(gt(s.a, s.b), s.g, zero) : Tensor()};
  }
};

// Comparisons and logical ops: bool results, computed in the promoted type, not differentiable.
struct PredicateBase : BinaryBase {
  static constexpr bool kBoolOut = true;
  static constexpr bool kDifferentiable = false;
  static constexpr const char* kGradName = "";
  TensorList backward(const BinaryGrad&) const { return {}; }
};

#define RT_PREDICATE_OP(STRUCT, NAME, EXPR)                  \
  struct STRUCT : PredicateBase {                            \
    static constexpr const char* kName = NAME;               \
    template <class T> bool f(T x, T y) const { return EXPR; } \
  };
// Equality is defined for complex values too (both parts equal).
struct EqOp : PredicateBase {
  static constexpr const char* kName = "eq";
  static constexpr unsigned kTypes = kAllTypes | kComplexTypes;
  template <class T> bool f(T x, T y) const { return x == y; }
};
struct NeOp : PredicateBase {
  static constexpr const char* kName = "ne";
  static constexpr unsigned kTypes = kAllTypes | kComplexTypes;
  template <class T> bool f(T x, T y) const { return x != y; }
};
RT_PREDICATE_OP(LtOp, "lt", x < y)
RT_PREDICATE_OP(LeOp, "le", x <= y)
RT_PREDICATE_OP(GtOp, "gt", x > y)
RT_PREDICATE_OP(GeOp, "ge", x >= y)
RT_PREDICATE_OP(LogicalAndOp, "logical_and", static_cast<bool>(x) && static_cast<bool>(y))
RT_PREDICATE_OP(LogicalOrOp, "logical_or", static_cast<bool>(x) || static_cast<bool>(y))
RT_PREDICATE_OP(LogicalXorOp, "logical_xor", static_cast<bool>(x) != static_cast<bool>(y))
#undef RT_PREDICATE_OP

// Bitwise ops: bool and int64 only.
struct BitwiseBase : BinaryBase {
  static constexpr bool kDifferentiable = false;
  static constexpr unsigned kTypes = kIntTypes;
  static constexpr const char* kGradName = "";
  TensorList backward(const BinaryGrad&) const { return {}; }
};
DType bitwise_type(DType d, const char* op) {
  RT_CHECK(!is_floating(d), TypeError, op, ": only integer and bool tensors are supported, got ", dtype_name(d));
  return d;
}

#define RT_BITWISE_OP(STRUCT, NAME, EXPR)                                                      \
  struct STRUCT : BitwiseBase {                                                                \
    static constexpr const char* kName = NAME;                                                 \
    DType compute_dtype(const Tensor& a, const Tensor& b) const { return bitwise_type(result_type(a, b), kName); } \
    template <class T> T f(T x, T y) const { return static_cast<T>(EXPR); }                     \
  };
RT_BITWISE_OP(BitwiseAndOp, "bitwise_and", x & y)
RT_BITWISE_OP(BitwiseOrOp, "bitwise_or", x | y)
RT_BITWISE_OP(BitwiseXorOp, "bitwise_xor", x ^ y)
#undef RT_BITWISE_OP

}  // namespace

RT_DEFINE_BINARY(add, AddOp)
RT_DEFINE_BINARY(sub, SubOp)
RT_DEFINE_BINARY(mul, MulOp)
RT_DEFINE_BINARY(floor_divide, FloorDivideOp)
RT_DEFINE_BINARY(remainder, RemainderOp)
RT_DEFINE_BINARY(fmod, FmodOp)
RT_DEFINE_BINARY(logical_and, LogicalAndOp)
RT_DEFINE_BINARY(logical_or, LogicalOrOp)
RT_DEFINE_BINARY(logical_xor, LogicalXorOp)
RT_DEFINE_BINARY(bitwise_and, BitwiseAndOp)
RT_DEFINE_BINARY(bitwise_or, BitwiseOrOp)
RT_DEFINE_BINARY(bitwise_xor, BitwiseXorOp)

RT_REGISTER_OP("div", true);
RT_REGISTER_OP("rsub", true);
RT_REGISTER_OP("rdiv", true);
RT_REGISTER_OP("pow", true);
RT_REGISTER_OP("maximum", true);
RT_REGISTER_OP("minimum", true);
RT_REGISTER_OP("atan2", true);

Tensor rsub(const Tensor& a, const Scalar& b) {
  SubOp::check_scalar(b);
  return sub(wrapped_scalar(b, result_type(a, b)), a);
}

Tensor div(const Tensor& a, const Tensor& b) { return binary_op(DivOp{}, a, b); }
Tensor div(const Tensor& a, const Scalar& b) { return div(a, wrapped_scalar(b, result_type(a, b))); }
Tensor div(const Tensor& a, const Tensor& b, RoundingMode mode) {
  if (mode == RoundingMode::Trunc) return binary_op(DivTruncOp{}, a, b);
  if (mode == RoundingMode::Floor) return binary_op(FloorDivideOp{}, a, b);
  return div(a, b);
}
Tensor div(const Tensor& a, const Scalar& b, RoundingMode mode) {
  return div(a, wrapped_scalar(b, result_type(a, b)), mode);
}
Tensor rdiv(const Tensor& a, const Scalar& b) { return div(wrapped_scalar(b, result_type(a, b)), a); }
const Tensor& div_(const Tensor& self, const Tensor& other) { return binary_op_(DivOp{}, "div_", self, other); }
const Tensor& div_(const Tensor& self, const Scalar& other) {
  return div_(self, wrapped_scalar(other, result_type(self, other)));
}
const Tensor& div_(const Tensor& self, const Tensor& other, RoundingMode mode) {
  if (mode == RoundingMode::Trunc) return binary_op_(DivTruncOp{}, "div_", self, other);
  if (mode == RoundingMode::Floor) return binary_op_(FloorDivideOp{}, "div_", self, other);
  return div_(self, other);
}
const Tensor& div_(const Tensor& self, const Scalar& other, RoundingMode mode) {
  return div_(self, wrapped_scalar(other, result_type(self, other)), mode);
}

Tensor floor_divide(const Scalar& a, const Tensor& b) { return floor_divide(wrapped_scalar(a, result_type(b, a)), b); }
Tensor remainder(const Scalar& a, const Tensor& b) { return remainder(wrapped_scalar(a, result_type(b, a)), b); }

Tensor pow(const Tensor& a, const Tensor& b) { return binary_op(PowOp{}, a, b); }
Tensor pow(const Scalar& a, const Tensor& b) { return pow(wrapped_scalar(a, result_type(b, a)), b); }
const Tensor& pow_(const Tensor& self, const Tensor& other) { return binary_op_(PowOp{}, "pow_", self, other); }

Tensor maximum(const Tensor& a, const Tensor& b) { return binary_op(MaximumOp{}, a, b); }
Tensor minimum(const Tensor& a, const Tensor& b) { return binary_op(MinimumOp{}, a, b); }
Tensor atan2(const Tensor& a, const Tensor& b) { return binary_op(Atan2Op{}, a, b); }
const Tensor& atan2_(const Tensor& self, const Tensor& other) { return binary_op_(Atan2Op{}, "atan2_", self, other); }

// ---------------------------------------------------------------------------------------------
// Comparisons

#define RT_DEFINE_COMPARISON(NAME, OP)                                                        \
  RT_REGISTER_OP(#NAME, false);                                                               \
  Tensor NAME(const Tensor& a, const Tensor& b) { return binary_op(OP{}, a, b); }             \
  Tensor NAME(const Tensor& a, const Scalar& b) { return NAME(a, wrapped_scalar(b, result_type(a, b))); }
RT_DEFINE_COMPARISON(eq, EqOp)
RT_DEFINE_COMPARISON(ne, NeOp)
RT_DEFINE_COMPARISON(lt, LtOp)
RT_DEFINE_COMPARISON(le, LeOp)
RT_DEFINE_COMPARISON(gt, GtOp)
RT_DEFINE_COMPARISON(ge, GeOp)
#undef RT_DEFINE_COMPARISON

namespace {
struct IscloseOp : PredicateBase {
  static constexpr const char* kName = "isclose";
  double rtol, atol;
  bool equal_nan;
  DType compute_dtype(const Tensor& a, const Tensor& b) const {
    RT_CHECK(a.dtype() == b.dtype(), TypeError, "isclose: expected both tensors to have the same dtype, got ",
             dtype_name(a.dtype()), " and ", dtype_name(b.dtype()));
    RT_CHECK(rtol >= 0 && atol >= 0, ValueError, "isclose: rtol and atol must be non-negative, got rtol=", rtol,
             " atol=", atol);
    return a.dtype();
  }
  template <class T> bool f(T x, T y) const {
    if (x == y) return true;
    using C = std::conditional_t<std::is_floating_point_v<T>, T, double>;
    const C cx = static_cast<C>(x), cy = static_cast<C>(y);
    if constexpr (std::is_floating_point_v<T>)
      if (equal_nan && cx != cx && cy != cy) return true;
    const C diff = std::abs(cx - cy);
    return std::isfinite(diff) && diff <= static_cast<C>(atol) + std::abs(static_cast<C>(rtol) * cy);
  }
};

bool all_true(const Tensor& t) {
  const Tensor c = contiguous_as(t, DType::Bool);
  const bool* p = c.data<bool>();
  bool all = true;
  for (int64_t i = 0, n = c.numel(); i < n; ++i) all &= p[i];
  return all;
}
}  // namespace

RT_REGISTER_OP("isclose", false);
RT_REGISTER_OP("allclose", false);
RT_REGISTER_OP("equal", false);

Tensor isclose(const Tensor& a, const Tensor& b, double rtol, double atol, bool equal_nan) {
  IscloseOp op;
  op.rtol = rtol;
  op.atol = atol;
  op.equal_nan = equal_nan;
  return binary_op(op, a, b);
}

bool allclose(const Tensor& a, const Tensor& b, double rtol, double atol, bool equal_nan) {
  return all_true(isclose(a, b, rtol, atol, equal_nan));
}

bool equal(const Tensor& a, const Tensor& b) { return a.shape() == b.shape() && all_true(eq(a, b)); }

// ---------------------------------------------------------------------------------------------
// where

RT_REGISTER_OP("where", true);

Tensor where(const Tensor& cond, const Tensor& a, const Tensor& b) {
  RT_CHECK(cond.dtype() == DType::Bool, TypeError, "where: expected condition to be a bool tensor, got ",
           dtype_name(cond.dtype()));
  const DType compute = result_type(a, b);
  const Shape shape = broadcast_shapes(broadcast_pair(cond, a, "where"), b.shape(), "where");
  Tensor out = Tensor::empty(shape, compute);
  const Tensor ac = as_dtype(a, compute), bc = as_dtype(b, compute);
  dispatch_all_dtypes(compute, [&](auto tag) {  // a selection: complex values too
    using T = typename decltype(tag)::type;
    StridedIter<4> it(shape, {out.strides(), broadcast_strides(cond, shape), broadcast_strides(ac, shape),
                              broadcast_strides(bc, shape)});
    it.for_each({static_cast<char*>(out.raw_data()), static_cast<char*>(cond.raw_data()),
                 static_cast<char*>(ac.raw_data()), static_cast<char*>(bc.raw_data())},
                {int64_t(sizeof(T)), 1, int64_t(sizeof(T)), int64_t(sizeof(T))},
                [](const std::array<char*, 4>& p, const std::array<int64_t, 4>& s, int64_t n) {
                  // Byte mask and unconditional loads, so the contiguous loops become blends.
                  using S = Storage8<T>;
                  S* o = reinterpret_cast<S*>(p[0]);
                  const uint8_t* c = reinterpret_cast<const uint8_t*>(p[1]);
                  const S* x = reinterpret_cast<const S*>(p[2]);
                  const S* y = reinterpret_cast<const S*>(p[3]);
                  if (s[0] == 1 && s[1] == 1 && s[2] == 1 && s[3] == 1) {
                    for (int64_t i = 0; i < n; ++i) {
                      const S xv = x[i], yv = y[i];
                      o[i] = c[i] ? xv : yv;
                    }
                  } else if (s[0] == 1 && s[1] == 1 && s[2] == 1 && s[3] == 0) {
                    const S yv = *y;
                    for (int64_t i = 0; i < n; ++i) {
                      const S xv = x[i];
                      o[i] = c[i] ? xv : yv;
                    }
                  } else if (s[0] == 1 && s[1] == 1 && s[2] == 0 && s[3] == 1) {
                    const S xv = *x;
                    for (int64_t i = 0; i < n; ++i) {
                      const S yv = y[i];
                      o[i] = c[i] ? xv : yv;
                    }
                  } else {
                    for (int64_t i = 0; i < n; ++i) o[i * s[0]] = c[i * s[1]] ? x[i * s[2]] : y[i * s[3]];
                  }
                });
  });
  if (autograd::needs_grad({a, b}))
    autograd::record("WhereBackward", {a, b}, {out}, {cond}, [](const BackwardContext& ctx, const TensorList& g) -> TensorList {
      const Tensor c = ctx.saved(0);
      const Tensor zero = zero_scalar(g[0]);
      TensorList r(2);
      if (ctx.needs_input_grad(0)) r[0] = where(c, g[0], zero);
      if (ctx.needs_input_grad(1)) r[1] = where(c, zero, g[0]);
      return r;
    });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Unary math: one struct per op (dtype rule, kernel, backward rule), functions from the macros.

namespace {

constexpr double kLn2 = 0.69314718055994530942;
constexpr double kLn10 = 2.30258509299404568402;
constexpr double kTwoOverSqrtPi = 1.12837916709551257390;

// A floating function computed by a libmvec block; BACKWARD uses g, x (saved input), y (saved output).
#define RT_MATH_UNARY(NAME, GRAD_NAME, SAVES, BACKWARD)                                       \
  struct NAME##_op : FloatUnary {                                                             \
    static constexpr const char* kName = #NAME;                                               \
    static constexpr const char* kGradName = GRAD_NAME;                                       \
    static constexpr int kSaves = SAVES;                                                      \
    template <class T> void run(const T* x, T* o, int64_t n) const { v_##NAME(x, o, n); }     \
    Tensor backward(const Tensor& g, const Tensor& x, const Tensor& y) const { return BACKWARD; } \
  };

RT_MATH_UNARY(exp, "ExpBackward", kSaveOut, mul(g, y))
RT_MATH_UNARY(exp2, "Exp2Backward", kSaveOut, mul(g, mul(y, Scalar(kLn2))))
RT_MATH_UNARY(expm1, "Expm1Backward", kSaveOut, mul(g, add(y, Scalar(1.0))))
RT_MATH_UNARY(log, "LogBackward", kSaveA, div(g, x))
RT_MATH_UNARY(log2, "Log2Backward", kSaveA, div(g, mul(x, Scalar(kLn2))))
RT_MATH_UNARY(log10, "Log10Backward", kSaveA, div(g, mul(x, Scalar(kLn10))))
RT_MATH_UNARY(log1p, "Log1pBackward", kSaveA, div(g, add(x, Scalar(1.0))))
RT_MATH_UNARY(sin, "SinBackward", kSaveA, mul(g, cos(x)))
RT_MATH_UNARY(cos, "CosBackward", kSaveA, mul(g, neg(sin(x))))
RT_MATH_UNARY(tan, "TanBackward", kSaveOut, mul(g, add(mul(y, y), Scalar(1.0))))
RT_MATH_UNARY(asin, "AsinBackward", kSaveA, mul(g, rsqrt(rsub(mul(x, x), Scalar(1.0)))))
RT_MATH_UNARY(acos, "AcosBackward", kSaveA, neg(mul(g, rsqrt(rsub(mul(x, x), Scalar(1.0))))))
RT_MATH_UNARY(atan, "AtanBackward", kSaveA, div(g, add(mul(x, x), Scalar(1.0))))
RT_MATH_UNARY(sinh, "SinhBackward", kSaveA, mul(g, cosh(x)))
RT_MATH_UNARY(cosh, "CoshBackward", kSaveA, mul(g, sinh(x)))
RT_MATH_UNARY(tanh, "TanhBackward", kSaveOut, mul(g, rsub(mul(y, y), Scalar(1.0))))
RT_MATH_UNARY(erf, "ErfBackward", kSaveA, mul(g, mul(exp(neg(mul(x, x))), Scalar(kTwoOverSqrtPi))))
RT_MATH_UNARY(erfc, "ErfcBackward", kSaveA, mul(g, mul(exp(neg(mul(x, x))), Scalar(-kTwoOverSqrtPi))))
#undef RT_MATH_UNARY

struct sigmoid_op : FloatUnary {
  static constexpr const char* kName = "sigmoid";
  static constexpr const char* kGradName = "SigmoidBackward";
  static constexpr int kSaves = kSaveOut;
  template <class T> void run(const T* x, T* o, int64_t n) const { v_sigmoid(x, o, n); }  // 1 / (1 + exp(-x))
  Tensor backward(const Tensor& g, const Tensor&, const Tensor& y) const { return mul(g, mul(y, rsub(y, Scalar(1.0)))); }
};

struct sqrt_op : FloatUnary, Pointwise<sqrt_op> {
  static constexpr const char* kName = "sqrt";
  static constexpr const char* kGradName = "SqrtBackward";
  static constexpr int kSaves = kSaveOut;
  template <class T> T f(T x) const { return std::sqrt(x); }
  Tensor backward(const Tensor& g, const Tensor&, const Tensor& y) const { return div(g, mul(y, Scalar(2.0))); }
};

struct rsqrt_op : FloatUnary, Pointwise<rsqrt_op> {
  static constexpr const char* kName = "rsqrt";
  static constexpr const char* kGradName = "RsqrtBackward";
  static constexpr int kSaves = kSaveOut;
  template <class T> T f(T x) const { return T(1) / std::sqrt(x); }
  Tensor backward(const Tensor& g, const Tensor&, const Tensor& y) const {
    return mul(g, mul(mul(y, mul(y, y)), Scalar(-0.5)));
  }
};

struct reciprocal_op : FloatUnary, Pointwise<reciprocal_op> {
  static constexpr const char* kName = "reciprocal";
  static constexpr const char* kGradName = "ReciprocalBackward";
  static constexpr int kSaves = kSaveOut;
  template <class T> T f(T x) const { return T(1) / x; }
  Tensor backward(const Tensor& g, const Tensor&, const Tensor& y) const { return neg(mul(g, mul(y, y))); }
};

struct abs_op : NumUnary, Pointwise<abs_op> {
  static constexpr const char* kName = "abs";
  static constexpr const char* kGradName = "AbsBackward";
  static constexpr int kSaves = kSaveA;
  DType compute_dtype(const Tensor& a) const { return not_bool(a.dtype(), kName); }
  template <class T> T f(T x) const {
    if constexpr (std::is_floating_point_v<T>) return std::abs(x);
    else return x < 0 ? -x : x;
  }
  Tensor backward(const Tensor& g, const Tensor& x, const Tensor&) const { return mul(g, sign(x)); }
};

struct neg_op : NumUnary, Pointwise<neg_op> {
  static constexpr const char* kName = "neg";
  static constexpr unsigned kTypes = kNumTypes | kComplexTypes;
  static constexpr const char* kGradName = "NegBackward";
  DType compute_dtype(const Tensor& a) const {
    RT_CHECK(a.dtype() != DType::Bool, TypeError,
             "neg: negation, the `-` operator, on a bool tensor is not supported; use logical_not (~) instead");
    return a.dtype();
  }
  template <class T> T f(T x) const { return -x; }
  Tensor backward(const Tensor& g, const Tensor&, const Tensor&) const { return neg(g); }
};

struct sign_op : UnaryBase, Pointwise<sign_op> {
  static constexpr const char* kName = "sign";
  static constexpr const char* kGradName = "SignBackward";
  static constexpr unsigned kTypes = kAllTypes;
  DType compute_dtype(const Tensor& a) const { return a.dtype(); }
  template <class T> T f(T x) const {
    if constexpr (std::is_same_v<T, bool>) return x;
    else return static_cast<T>((T(0) < x) - (x < T(0)));
  }
  Tensor backward(const Tensor& g, const Tensor&, const Tensor&) const { return zeros_like_grad(g); }
};

struct relu_op : NumUnary, Pointwise<relu_op> {
  static constexpr const char* kName = "relu";
  static constexpr const char* kGradName = "ReluBackward";
  static constexpr int kSaves = kSaveOut;
  DType compute_dtype(const Tensor& a) const { return not_bool(a.dtype(), kName); }
  template <class T> T f(T x) const { return x < T(0) ? T(0) : x; }  // NaN stays NaN
  Tensor backward(const Tensor& g, const Tensor&, const Tensor& y) const {
    return where(le(y, Scalar(0.0)), zero_scalar(g), g);
  }
};

struct square_op : NumUnary, Pointwise<square_op> {
  static constexpr const char* kName = "square";
  static constexpr const char* kGradName = "SquareBackward";
  static constexpr int kSaves = kSaveA;
  DType compute_dtype(const Tensor& a) const { return a.dtype() == DType::Bool ? DType::Int64 : a.dtype(); }
  template <class T> T f(T x) const { return x * x; }
  Tensor backward(const Tensor& g, const Tensor& x, const Tensor&) const { return mul(g, mul(x, Scalar(2.0))); }
};

// floor / ceil / trunc / round: identity on integers, zero gradient.
template <int Mode> struct RoundingBase : NumUnary {
  template <class T> void run(const T* x, T* o, int64_t n) const {
    if constexpr (std::is_integral_v<T>) {
      if (x != o) std::copy(x, x + n, o);
    } else {
      v_round<Mode>(x, o, n);
    }
  }
  Tensor backward(const Tensor& g, const Tensor&, const Tensor&) const { return zeros_like_grad(g); }
};

#define RT_ROUNDING_UNARY(NAME, GRAD_NAME, MODE)                                                \
  struct NAME##_op : RoundingBase<MODE> {                                                       \
    static constexpr const char* kName = #NAME;                                                 \
    static constexpr const char* kGradName = GRAD_NAME;                                         \
    DType compute_dtype(const Tensor& a) const { return not_bool(a.dtype(), kName); }           \
  };
RT_ROUNDING_UNARY(floor, "FloorBackward", _MM_FROUND_TO_NEG_INF)
RT_ROUNDING_UNARY(ceil, "CeilBackward", _MM_FROUND_TO_POS_INF)
RT_ROUNDING_UNARY(trunc, "TruncBackward", _MM_FROUND_TO_ZERO)
RT_ROUNDING_UNARY(round, "RoundBackward", _MM_FROUND_TO_NEAREST_INT)
#undef RT_ROUNDING_UNARY

// round(x, decimals): nearbyint(x * 10^d) / 10^d (or nearbyint(x / 10^-d) * 10^-d), like PyTorch.
struct RoundDecimalsOp : NumUnary, Pointwise<RoundDecimalsOp> {
  static constexpr const char* kName = "round";
  static constexpr const char* kGradName = "RoundBackward";
  int64_t decimals = 0;
  DType compute_dtype(const Tensor& a) const {
    RT_CHECK(is_floating(a.dtype()), TypeError, "round: decimals is only supported for floating tensors, got ",
             dtype_name(a.dtype()));
    return a.dtype();
  }
  template <class T> T f(T x) const {
    if constexpr (std::is_floating_point_v<T>) {
      const T scale = static_cast<T>(std::pow(10.0, static_cast<double>(decimals < 0 ? -decimals : decimals)));
      return decimals < 0 ? std::nearbyint(x / scale) * scale : std::nearbyint(x * scale) / scale;
    } else {
      return x;
    }
  }
  Tensor backward(const Tensor& g, const Tensor&, const Tensor&) const { return zeros_like_grad(g); }
};

// x ** e for a Python-number exponent (fast paths for the common exponents, like PyTorch).
struct PowScalarOp : UnaryBase {
  static constexpr const char* kName = "pow";
  static constexpr const char* kGradName = "PowBackward";
  static constexpr int kSaves = kSaveA;
  static constexpr unsigned kTypes = kAllTypes;
  Scalar e;
  DType compute_dtype(const Tensor& a) const {
    const DType d = result_type(a, e);  // bool only for a bool tensor to a bool power
    if (d == DType::Bool) return d;
    RT_CHECK(is_floating(d) || e.to_int() >= 0, Error, "pow: integers to negative integer powers are not allowed");
    return d;
  }
  template <class T> void run(const T* x, T* o, int64_t n) const {
    if constexpr (std::is_same_v<T, bool>) {  // x ** True is x, x ** False is True
      for (int64_t i = 0; i < n; ++i) o[i] = x[i] || !e.to_bool();
    } else if constexpr (std::is_integral_v<T>) {
      const int64_t k = e.to_int();
      if (k == 2) {
        for (int64_t i = 0; i < n; ++i) o[i] = x[i] * x[i];
      } else {
        for (int64_t i = 0; i < n; ++i) o[i] = int_pow(x[i], k);
      }
    } else {
      const T v = static_cast<T>(e.to_double());
      if (v == T(2)) {
        for (int64_t i = 0; i < n; ++i) o[i] = x[i] * x[i];
      } else if (v == T(3)) {
        for (int64_t i = 0; i < n; ++i) o[i] = x[i] * x[i] * x[i];
      } else if (v == T(1)) {
        if (x != o) std::copy(x, x + n, o);
      } else if (v == T(0.5)) {
        for (int64_t i = 0; i < n; ++i) o[i] = std::sqrt(x[i]);
      } else if (v == T(-0.5)) {
        for (int64_t i = 0; i < n; ++i) o[i] = T(1) / std::sqrt(x[i]);
      } else if (v == T(-1)) {
        for (int64_t i = 0; i < n; ++i) o[i] = T(1) / x[i];
      } else if (v == T(-2)) {
        for (int64_t i = 0; i < n; ++i) o[i] = T(1) / (x[i] * x[i]);
      } else if (v == T(0)) {
        std::fill(o, o + n, T(1));
      } else {
        v_pow(x, v, o, n);
      }
    }
  }
  Tensor backward(const Tensor& g, const Tensor& x, const Tensor&) const {
    if (e.to_double() == 0.0) return zeros_like_grad(g);
    return mul(mul(g, pow(x, Scalar(e.to_double() - 1.0))), e);
  }
};

// clamp with Python-number bounds, in one pass.
struct ClampScalarOp : NumUnary {
  const char* kName = "clamp";
  const char* kGradName = "ClampBackward";
  static constexpr int kSaves = kSaveA;
  std::optional<Scalar> lo, hi;
  DType compute_dtype(const Tensor& a) const {
    RT_CHECK(lo || hi, ValueError, kName, ": at least one of 'min' or 'max' must not be None");
    ResultTypeState s;
    s.add_tensor(a);
    if (lo) s.add_scalar(*lo);
    if (hi) s.add_scalar(*hi);
    return not_bool(s.result(), kName);
  }
  template <class T> T low() const {
    if (lo) return lo->to<T>();
    return std::is_floating_point_v<T> ? -std::numeric_limits<T>::infinity() : std::numeric_limits<T>::lowest();
  }
  template <class T> T high() const {
    if (hi) return hi->to<T>();
    return std::is_floating_point_v<T> ? std::numeric_limits<T>::infinity() : std::numeric_limits<T>::max();
  }
  template <class T, class Tout> void run(const T* x, Tout* o, int64_t n) const {
    const T l = low<T>(), h = high<T>();
    for (int64_t i = 0; i < n; ++i) {  // min > max gives max; NaN stays NaN
      const T t = x[i] < l ? l : x[i];
      o[i] = t > h ? h : t;
    }
  }
  Tensor backward(const Tensor& g, const Tensor& x, const Tensor&) const {
    Tensor mask;
    if (lo) mask = ge(x, *lo);
    if (hi) mask = mask.defined() ? logical_and(mask, le(x, *hi)) : le(x, *hi);
    return where(mask, g, zero_scalar(g));
  }
};

// Predicates: bool results from any dtype, not differentiable.
struct PredicateUnary : UnaryBase {
  static constexpr bool kBoolOut = true;
  static constexpr bool kDifferentiable = false;
  static constexpr unsigned kTypes = kAllTypes;
  static constexpr const char* kGradName = "";
  DType compute_dtype(const Tensor& a) const { return a.dtype(); }
  Tensor backward(const Tensor&, const Tensor&, const Tensor&) const { return Tensor(); }
};

#define RT_PREDICATE_UNARY(NAME, FLOAT_EXPR, INT_EXPR)                                         \
  struct NAME##_op : PredicateUnary, Pointwise<NAME##_op> {                                   \
    static constexpr const char* kName = #NAME;                                               \
    template <class T> bool f(T x) const {                                                    \
      if constexpr (std::is_floating_point_v<T>) return FLOAT_EXPR;                           \
      else return INT_EXPR;                                                                   \
    }                                                                                         \
  };
RT_PREDICATE_UNARY(isnan, x != x, false)
RT_PREDICATE_UNARY(isinf, std::abs(x) == std::numeric_limits<T>::infinity(), false)
RT_PREDICATE_UNARY(isposinf, x == std::numeric_limits<T>::infinity(), false)
RT_PREDICATE_UNARY(isneginf, x == -std::numeric_limits<T>::infinity(), false)
RT_PREDICATE_UNARY(isfinite, std::abs(x) < std::numeric_limits<T>::infinity(), true)
RT_PREDICATE_UNARY(logical_not, x == T(0), !static_cast<bool>(x))
#undef RT_PREDICATE_UNARY

struct bitwise_not_op : UnaryBase, Pointwise<bitwise_not_op> {
  static constexpr const char* kName = "bitwise_not";
  static constexpr const char* kGradName = "";
  static constexpr bool kDifferentiable = false;
  static constexpr unsigned kTypes = kIntTypes;
  DType compute_dtype(const Tensor& a) const {
    RT_CHECK(!is_floating(a.dtype()), TypeError,
             "bitwise_not: only integer and bool tensors are supported (the ~ operator), got ", dtype_name(a.dtype()));
    return a.dtype();
  }
  template <class T> T f(T x) const {
    if constexpr (std::is_same_v<T, bool>) return !x;
    else return ~x;
  }
  Tensor backward(const Tensor&, const Tensor&, const Tensor&) const { return Tensor(); }
};

}  // namespace

RT_DEFINE_UNARY(exp, exp_op)
RT_DEFINE_UNARY(exp2, exp2_op)
RT_DEFINE_UNARY(expm1, expm1_op)
RT_DEFINE_UNARY(log, log_op)
RT_DEFINE_UNARY(log2, log2_op)
RT_DEFINE_UNARY(log10, log10_op)
RT_DEFINE_UNARY(log1p, log1p_op)
RT_DEFINE_UNARY(sin, sin_op)
RT_DEFINE_UNARY(cos, cos_op)
RT_DEFINE_UNARY(tan, tan_op)
RT_DEFINE_UNARY(asin, asin_op)
RT_DEFINE_UNARY(acos, acos_op)
RT_DEFINE_UNARY(atan, atan_op)
RT_DEFINE_UNARY(sinh, sinh_op)
RT_DEFINE_UNARY(cosh, cosh_op)
RT_DEFINE_UNARY(tanh, tanh_op)
RT_DEFINE_UNARY(erf, erf_op)
RT_DEFINE_UNARY(erfc, erfc_op)
RT_DEFINE_UNARY(sigmoid, sigmoid_op)
RT_DEFINE_UNARY(sqrt, sqrt_op)
RT_DEFINE_UNARY(rsqrt, rsqrt_op)
RT_DEFINE_UNARY(reciprocal, reciprocal_op)
// abs of a complex tensor is its real-valued modulus (rustorch/ops/complex.hpp); the in-place form
// can't hold that result, so abs_ stays real-only like torch's.
RT_REGISTER_OP("abs", abs_op::kDifferentiable);
Tensor abs(const Tensor& a) { return is_complex(a.dtype()) ? complex_abs(a) : unary_op(abs_op{}, a); }
const Tensor& abs_(const Tensor& self) { return unary_op_(abs_op{}, "abs_", self); }
RT_DEFINE_UNARY(neg, neg_op)
RT_DEFINE_UNARY(sign, sign_op)
RT_DEFINE_UNARY(relu, relu_op)
RT_DEFINE_UNARY(square, square_op)
RT_DEFINE_UNARY(floor, floor_op)
RT_DEFINE_UNARY(ceil, ceil_op)
RT_DEFINE_UNARY(trunc, trunc_op)
RT_DEFINE_UNARY(round, round_op)
RT_DEFINE_UNARY_OUT_OF_PLACE(isnan, isnan_op)
RT_DEFINE_UNARY_OUT_OF_PLACE(isinf, isinf_op)
RT_DEFINE_UNARY_OUT_OF_PLACE(isposinf, isposinf_op)
RT_DEFINE_UNARY_OUT_OF_PLACE(isneginf, isneginf_op)
RT_DEFINE_UNARY_OUT_OF_PLACE(isfinite, isfinite_op)
RT_DEFINE_UNARY(logical_not, logical_not_op)
RT_DEFINE_UNARY(bitwise_not, bitwise_not_op)

Tensor round(const Tensor& a, int64_t decimals) {
  if (decimals == 0) return round(a);
  RoundDecimalsOp op;
  op.decimals = decimals;
  return unary_op(op, a);
}
const Tensor& round_(const Tensor& self, int64_t decimals) {
  if (decimals == 0) return round_(self);
  RoundDecimalsOp op;
  op.decimals = decimals;
  return unary_op_(op, "round_", self);
}

Tensor pow(const Tensor& a, const Scalar& exponent) {
  PowScalarOp op;
  op.e = exponent;
  return unary_op(op, a);
}
const Tensor& pow_(const Tensor& self, const Scalar& exponent) {
  PowScalarOp op;
  op.e = exponent;
  return unary_op_(op, "pow_", self);
}

// ---------------------------------------------------------------------------------------------
// clamp: Python-number bounds in one pass; tensor bounds as clamp_min then clamp_max.

RT_REGISTER_OP("clamp", true);
RT_REGISTER_OP("clamp_min", true);
RT_REGISTER_OP("clamp_max", true);

namespace {
ClampScalarOp clamp_scalar_op(const char* name, const char* grad_name, const std::optional<Scalar>& lo,
                              const std::optional<Scalar>& hi) {
  ClampScalarOp op;
  op.kName = name;
  op.kGradName = grad_name;
  op.lo = lo;
  op.hi = hi;
  return op;
}

// The result type of clamp over the input and the given tensor bounds.
DType clamp_type(const Tensor& a, const Tensor& lo, const Tensor& hi, const char* op) {
  RT_CHECK(lo.defined() || hi.defined(), ValueError, op, ": at least one of 'min' or 'max' must not be None");
  ResultTypeState s;
  s.add_tensor(a);
  if (lo.defined()) s.add_tensor(lo);
  if (hi.defined()) s.add_tensor(hi);
  return not_bool(s.result(), op);
}
}  // namespace

Tensor clamp(const Tensor& a, const std::optional<Scalar>& min, const std::optional<Scalar>& max) {
  return unary_op(clamp_scalar_op("clamp", "ClampBackward", min, max), a);
}
const Tensor& clamp_(const Tensor& self, const std::optional<Scalar>& min, const std::optional<Scalar>& max) {
  return unary_op_(clamp_scalar_op("clamp_", "ClampBackward", min, max), "clamp_", self);
}
Tensor clamp_min(const Tensor& a, const Scalar& min) {
  return unary_op(clamp_scalar_op("clamp_min", "ClampMinBackward", min, std::nullopt), a);
}
const Tensor& clamp_min_(const Tensor& self, const Scalar& min) {
  return unary_op_(clamp_scalar_op("clamp_min_", "ClampMinBackward", min, std::nullopt), "clamp_min_", self);
}
Tensor clamp_max(const Tensor& a, const Scalar& max) {
  return unary_op(clamp_scalar_op("clamp_max", "ClampMaxBackward", std::nullopt, max), a);
}
const Tensor& clamp_max_(const Tensor& self, const Scalar& max) {
  return unary_op_(clamp_scalar_op("clamp_max_", "ClampMaxBackward", std::nullopt, max), "clamp_max_", self);
}
Tensor clamp_min(const Tensor& a, const Tensor& min) { return binary_op(ClampMinOp{}, a, min); }
const Tensor& clamp_min_(const Tensor& self, const Tensor& min) { return binary_op_(ClampMinOp{}, "clamp_min_", self, min); }
Tensor clamp_max(const Tensor& a, const Tensor& max) { return binary_op(ClampMaxOp{}, a, max); }
const Tensor& clamp_max_(const Tensor& self, const Tensor& max) { return binary_op_(ClampMaxOp{}, "clamp_max_", self, max); }

Tensor clamp(const Tensor& a, const Tensor& min, const Tensor& max) {
  const DType dtype = clamp_type(a, min, max, "clamp");
  Tensor out = to_dtype(a, dtype);
  if (min.defined()) out = clamp_min(out, min);
  if (max.defined()) out = clamp_max(out, max);
  return out;
}
const Tensor& clamp_(const Tensor& self, const Tensor& min, const Tensor& max) {
  check_can_cast(clamp_type(self, min, max, "clamp_"), self.dtype(), "clamp_");
  if (min.defined()) clamp_min_(self, min);
  if (max.defined()) clamp_max_(self, max);
  return self;
}

}  // namespace rustorch
