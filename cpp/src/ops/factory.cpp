#include "rustorch/ops/factory.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <mutex>
#include <vector>

#include "rustorch/autograd/function.hpp"
#include "rustorch/core/parallel.hpp"
#include "rustorch/ops/copy.hpp"
#include "rustorch/ops/elementwise.hpp"
#include "rustorch/ops/iter.hpp"
#include "rustorch/ops/registry.hpp"

namespace rustorch {

RT_REGISTER_OP("empty", false);
RT_REGISTER_OP("zeros", false);
RT_REGISTER_OP("ones", false);
RT_REGISTER_OP("full", false);
RT_REGISTER_OP("arange", false);
RT_REGISTER_OP("linspace", false);
RT_REGISTER_OP("logspace", false);
RT_REGISTER_OP("eye", false);
RT_REGISTER_OP("rand", false);
RT_REGISTER_OP("randn", false);
RT_REGISTER_OP("randint", false);
RT_REGISTER_OP("randperm", false);
RT_REGISTER_OP("normal", false);
RT_REGISTER_OP("uniform_", false);
RT_REGISTER_OP("normal_", false);
RT_REGISTER_OP("random_", false);

// ---------------------------------------------------------------------------------------------
// Constant fills

Tensor empty(const Shape& shape, DType dtype) {
  check_shape(shape, "empty");
  return Tensor::empty(shape, dtype);
}

Tensor zeros(const Shape& shape, DType dtype) {
  check_shape(shape, "zeros");
  Tensor t = Tensor::empty(shape, dtype);
  char* p = static_cast<char*>(t.raw_data());
  const int64_t nbytes = t.numel() * static_cast<int64_t>(itemsize(dtype));
  parallel_for(nbytes, int64_t(1) << 20,
               [&](int64_t b, int64_t e) { std::memset(p + b, 0, static_cast<size_t>(e - b)); });
  return t;
}

Tensor ones(const Shape& shape, DType dtype) {
  check_shape(shape, "ones");
  return full(shape, Scalar(int64_t(1)), dtype);
}

Tensor full(const Shape& shape, const Scalar& value, DType dtype) {
  check_shape(shape, "full");
  Tensor t = Tensor::empty(shape, dtype);
  fill_(t, value);
  return t;
}

Tensor scalar_tensor(const Scalar& value, DType dtype) { return full({}, value, dtype); }

// ---------------------------------------------------------------------------------------------
// Ranges

namespace {
template <class F> void fill_indexed(const Tensor& out, F&& value_at) {
  dispatch_dtype(out.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    T* p = out.data<T>();
    parallel_for(out.numel(), kParallelGrain, [&](int64_t b, int64_t e) {
      for (int64_t i = b; i < e; ++i) p[i] = value_at(TypeTag<T>{}, i);
    });
  });
}

template <class T, class S> T cast_to(S v) {
  if constexpr (std::is_same_v<T, bool>) return v != S(0);
  else return static_cast<T>(v);
}
}  // namespace

Tensor arange(const Scalar& start, const Scalar& end, const Scalar& step, std::optional<DType> dtype) {
  const bool integral = start.kind() != TypeKind::Floating && end.kind() != TypeKind::Floating &&
                        step.kind() != TypeKind::Floating;
  const DType dt = dtype.value_or(integral ? DType::Int64 : default_float_dtype());
  RT_CHECK(dt != DType::Bool, TypeError, "arange: not implemented for dtype bool");
  if (dt == DType::Int64) {
    // Like PyTorch: the bounds are converted to the integer type first, then counted exactly.
    const int64_t xs = start.to<int64_t>(), xe = end.to<int64_t>(), xstep = step.to<int64_t>();
    RT_CHECK(xstep != 0, ValueError, "arange: step must be nonzero");
    RT_CHECK((xstep > 0 && xe >= xs) || (xstep < 0 && xe <= xs), ValueError,
             "arange: upper bound and lower bound inconsistent with step sign (start=", xs, ", end=", xe,
             ", step=", xstep, ")");
    const int64_t sgn = xstep > 0 ? 1 : -1;
    const int64_t n = (xe - xs + xstep - sgn) / xstep;
    Tensor out = Tensor::empty({n}, dt);
    int64_t* p = out.data<int64_t>();
    for (int64_t i = 0; i < n; ++i) p[i] = xs + i * xstep;
    return out;
  }
  const double xs = start.to_double(), xe = end.to_double(), xstep = step.to_double();
  RT_CHECK(xstep != 0, ValueError, "arange: step must be nonzero");
  RT_CHECK(std::isfinite(xs) && std::isfinite(xe), ValueError, "arange: unsupported range: ", xs, " -> ", xe);
  RT_CHECK((xstep > 0 && xe >= xs) || (xstep < 0 && xe <= xs), ValueError,
           "arange: upper bound and lower bound inconsistent with step sign (start=", xs, ", end=", xe,
           ", step=", xstep, ")");
  const double size_d = std::ceil((xe - xs) / xstep);
  RT_CHECK(size_d >= 0 && size_d <= static_cast<double>(std::numeric_limits<int64_t>::max() / 8), ValueError,
           "arange: invalid size ", size_d, ", possible overflow?");
  Tensor out = Tensor::empty({static_cast<int64_t>(size_d)}, dt);
  fill_indexed(out, [&](auto tag, int64_t i) {
    using T = typename decltype(tag)::type;
    return static_cast<T>(xs + xstep * static_cast<double>(i));
  });
  return out;
}

Tensor linspace(const Scalar& start, const Scalar& end, int64_t steps, std::optional<DType> dtype) {
  RT_CHECK(steps >= 0, ValueError, "linspace: number of steps must be non-negative, got ", steps);
  Tensor out = Tensor::empty({steps}, dtype.value_or(default_float_dtype()));
  if (steps == 0) return out;
  fill_indexed(out, [&](auto tag, int64_t i) {
    using T = typename decltype(tag)::type;
    // Like PyTorch: the step is computed in T for floating types (double for integers), the first
    // half counts up from start and the second half down from end, so both ends are exact.
    using S = std::conditional_t<std::is_floating_point_v<T>, T, double>;
    const S s = static_cast<S>(start.to<T>()), e = static_cast<S>(end.to<T>());
    if (steps == 1) return cast_to<T>(s);
    const S step = (e - s) / static_cast<S>(steps - 1);
    const S v = i < steps / 2 ? s + step * static_cast<S>(i) : e - step * static_cast<S>(steps - i - 1);
    return cast_to<T>(v);
  });
  return out;
}

Tensor logspace(const Scalar& start, const Scalar& end, int64_t steps, double base, std::optional<DType> dtype) {
  RT_CHECK(steps >= 0, ValueError, "logspace: number of steps must be non-negative, got ", steps);
  Tensor out = Tensor::empty({steps}, dtype.value_or(default_float_dtype()));
  if (steps == 0) return out;
  fill_indexed(out, [&](auto tag, int64_t i) {
    using T = typename decltype(tag)::type;
    const double s = start.to_double(), e = end.to_double();
    if (steps == 1) return cast_to<T>(std::pow(base, s));
    const double step = (e - s) / static_cast<double>(steps - 1);
    const double x = i < steps / 2 ? s + step * static_cast<double>(i) : e - step * static_cast<double>(steps - i - 1);
    return cast_to<T>(std::pow(base, x));
  });
  return out;
}

Tensor eye(int64_t n, std::optional<int64_t> m, DType dtype) {
  RT_CHECK(n >= 0, ValueError, "eye: n must be greater or equal to 0, got ", n);
  const int64_t cols = m.value_or(n);
  RT_CHECK(cols >= 0, ValueError, "eye: m must be greater or equal to 0, got ", cols);
  Tensor out = zeros({n, cols}, dtype);
  dispatch_all_dtypes(dtype, [&](auto tag) {
    using T = typename decltype(tag)::type;
    T* p = out.data<T>();
    for (int64_t i = 0; i < std::min(n, cols); ++i) p[i * cols + i] = T(1);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Random numbers
//
// A tensor of n values is drawn in chunks of kRandomChunk elements. A one-chunk tensor draws from
// the generator itself; a larger one gives chunk k the generator's state jumped k times (2^128
// draws apart, so the streams never overlap), leaves the generator jumped past all its chunks, and
// fills the chunks in parallel. Either way the values depend only on the generator's state.

namespace {

constexpr int64_t kRandomChunk = int64_t(1) << 16;

Generator& resolve(Generator* g) { return g ? *g : default_generator(); }

// Calls fill(gen, begin, end) for each chunk of [0, n).
template <class F> void for_random_chunks(Generator* gen_arg, int64_t n, F&& fill) {
  if (n <= 0) return;
  Generator& gen = resolve(gen_arg);
  const int64_t nchunks = (n + kRandomChunk - 1) / kRandomChunk;
  if (nchunks == 1) {
    std::lock_guard<std::mutex> lock(gen.mutex());
    fill(gen, int64_t(0), n);
    return;
  }
  std::vector<std::vector<uint64_t>> states(static_cast<size_t>(nchunks));
  {
    std::lock_guard<std::mutex> lock(gen.mutex());
    for (auto& s : states) {
      s = gen.get_state();
      gen.jump();
    }
  }
  parallel_for(nchunks, 1, [&](int64_t c0, int64_t c1) {
    for (int64_t c = c0; c < c1; ++c) {
      Generator local;
      local.set_state(states[static_cast<size_t>(c)]);
      fill(local, c * kRandomChunk, std::min(n, (c + 1) * kRandomChunk));
    }
  });
}

// Fills out[0, n) with uniform values in [0, 1): 24 random bits per float (two per draw), 53 per double.
template <class T> void uniform_raw(Generator& g, T* out, int64_t n) {
  constexpr int64_t kBuf = 256;
  uint64_t buf[kBuf];
  if constexpr (std::is_same_v<T, float>) {
    for (int64_t i = 0; i < n; i += 2 * kBuf) {
      const int64_t m = std::min(2 * kBuf, n - i), words = (m + 1) / 2;
      g.fill_u64(buf, words);
      for (int64_t w = 0; w < m / 2; ++w) {
        out[i + 2 * w] = static_cast<float>(static_cast<uint32_t>(buf[w] >> 40)) * 0x1.0p-24f;
        out[i + 2 * w + 1] = static_cast<float>(static_cast<uint32_t>(buf[w] >> 8) & 0xFFFFFFu) * 0x1.0p-24f;
      }
      if (m & 1) out[i + m - 1] = static_cast<float>(static_cast<uint32_t>(buf[words - 1] >> 40)) * 0x1.0p-24f;
    }
  } else {
    for (int64_t i = 0; i < n; i += kBuf) {
      const int64_t m = std::min(kBuf, n - i);
      g.fill_u64(buf, m);
      for (int64_t w = 0; w < m; ++w) out[i + w] = static_cast<double>(buf[w] >> 11) * 0x1.0p-53;
    }
  }
}

// ---- Vectorizable log and sincos for Box-Muller (branch-free, so the loops over them vectorize) ----

template <class T> struct FloatBits;
template <> struct FloatBits<float> {
  using U = uint32_t;
  static constexpr int kMant = 23;
  static constexpr int kBias = 127;
};
template <> struct FloatBits<double> {
  using U = uint64_t;
  static constexpr int kMant = 52;
  static constexpr int kBias = 1023;
};

// Small non-negative integer n held in U, as T, without an int->float conversion instruction.
template <class T> inline T small_uint_to_float(typename FloatBits<T>::U n) {
  using B = FloatBits<T>;
  using U = typename B::U;
  constexpr U kMagicBits = U(B::kBias + B::kMant) << B::kMant;  // 2^kMant
  return std::bit_cast<T>(n | kMagicBits) - std::bit_cast<T>(kMagicBits);
}

// log(x) for finite normal x > 0; a few ulp; branch-free so loops over it vectorize.
template <class T> inline T vlog(T x) {
  using B = FloatBits<T>;
  using U = typename B::U;
  const U bits = std::bit_cast<U>(x);
  constexpr U kMantMask = (U(1) << B::kMant) - 1;
  constexpr U kOne = U(B::kBias) << B::kMant;
  constexpr U kSqrt2Mant = std::bit_cast<U>(T(1.4142135623730951)) & kMantMask;
  // m in [sqrt(1/2), sqrt(2)): halve mantissas above sqrt(2) and count that in the exponent.
  const U big = U((bits & kMantMask) > kSqrt2Mant);
  const T m = std::bit_cast<T>(((bits & kMantMask) | kOne) - (big << B::kMant));
  const T e = small_uint_to_float<T>((bits >> B::kMant) + big) - T(B::kBias);
  const T s = (m - T(1)) / (m + T(1));
  const T z = s * s;
  T p;
  if constexpr (std::is_same_v<T, float>) {
    p = T(1.0 / 9);
    p = p * z + T(1.0 / 7);
    p = p * z + T(1.0 / 5);
    p = p * z + T(1.0 / 3);
  } else {
    p = T(1.0 / 19);
    p = p * z + T(1.0 / 17);
    p = p * z + T(1.0 / 15);
    p = p * z + T(1.0 / 13);
    p = p * z + T(1.0 / 11);
    p = p * z + T(1.0 / 9);
    p = p * z + T(1.0 / 7);
    p = p * z + T(1.0 / 5);
    p = p * z + T(1.0 / 3);
  }
  const T ln2_hi = std::is_same_v<T, float> ? T(0.693359375) : T(6.93147180369123816490e-01);
  const T ln2_lo = std::is_same_v<T, float> ? T(-2.12194440e-4) : T(1.90821492927058770002e-10);
  const T two_s = s + s;
  return e * ln2_hi + (two_s + (two_s * z * p + e * ln2_lo));
}

// sin(2*pi*u) and cos(2*pi*u) for u in [0, 1]; exact quadrant reduction, branch-free.
template <class T> inline void vsincos_2pi(T u, T& sin_out, T& cos_out) {
  using B = FloatBits<T>;
  using U = typename B::U;
  // Round 4u to the nearest integer q (its low bits land in qb's mantissa), then x = 2pi(u - q/4).
  constexpr U kMagicBits = U(B::kBias + B::kMant) << B::kMant;
  const T qm = u * T(4) + std::bit_cast<T>(kMagicBits);
  const U qb = std::bit_cast<U>(qm);
  const T q = qm - std::bit_cast<T>(kMagicBits);
  const T x = (u - q * T(0.25)) * T(6.283185307179586476925);  // [-pi/4, pi/4]
  const T x2 = x * x;
  T s, c;
  if constexpr (std::is_same_v<T, float>) {
    s = T(1.0 / 362880);
    s = s * x2 - T(1.0 / 5040);
    s = s * x2 + T(1.0 / 120);
    s = s * x2 - T(1.0 / 6);
    c = T(1.0 / 40320);
    c = c * x2 - T(1.0 / 720);
    c = c * x2 + T(1.0 / 24);
    c = c * x2 - T(0.5);
  } else {
    s = T(-1.0 / 1307674368000.0);
    s = s * x2 + T(1.0 / 6227020800.0);
    s = s * x2 - T(1.0 / 39916800.0);
    s = s * x2 + T(1.0 / 362880.0);
    s = s * x2 - T(1.0 / 5040.0);
    s = s * x2 + T(1.0 / 120.0);
    s = s * x2 - T(1.0 / 6);
    c = T(1.0 / 20922789888000.0);
    c = c * x2 - T(1.0 / 87178291200.0);
    c = c * x2 + T(1.0 / 479001600.0);
    c = c * x2 - T(1.0 / 3628800.0);
    c = c * x2 + T(1.0 / 40320.0);
    c = c * x2 - T(1.0 / 720.0);
    c = c * x2 + T(1.0 / 24.0);
    c = c * x2 - T(0.5);
  }
  s = x + x * x2 * s;
  c = T(1) + x2 * c;
  constexpr int kBits = sizeof(T) * 8;
  const U odd = U(0) - (qb & 1);
  const U sb = std::bit_cast<U>(s), cb = std::bit_cast<U>(c);
  sin_out = std::bit_cast<T>(((sb & ~odd) | (cb & odd)) ^ ((qb & 2) << (kBits - 2)));
  cos_out = std::bit_cast<T>(((cb & ~odd) | (sb & odd)) ^ (((qb + 1) & 2) << (kBits - 2)));
}

constexpr int64_t kPairs = 64;  // a Box-Muller block is 2 * kPairs values

// p[0, 2 * kPairs) holds uniforms in [0, 1); replaces them with normal(mean, std) values:
// p[j] = r cos(theta), p[kPairs + j] = r sin(theta) from the pair (p[j], p[kPairs + j]).
template <class T> void box_muller_block(T* p, T mean, T std) {
  for (int64_t j = 0; j < kPairs; ++j) {
    const T r = std::sqrt(T(-2) * vlog(T(1) - p[j]));  // 1 - u is in (0, 1]
    T s, c;
    vsincos_2pi(p[kPairs + j], s, c);
    p[j] = r * c * std + mean;
    p[kPairs + j] = r * s * std + mean;
  }
}

template <class T> void normal_raw(Generator& g, T* out, int64_t n, T mean, T std) {
  constexpr int64_t kBlock = 2 * kPairs;
  int64_t i = 0;
  for (; i + kBlock <= n; i += kBlock) {
    uniform_raw(g, out + i, kBlock);
    box_muller_block(out + i, mean, std);
  }
  if (i < n) {  // the tail: a whole block drawn, its first n - i values kept
    alignas(64) T tmp[kBlock];
    uniform_raw(g, tmp, kBlock);
    box_muller_block(tmp, mean, std);
    std::copy(tmp, tmp + (n - i), out + i);
  }
}

// Uniform integer in [0, range) (range 0 means 2^64), exactly uniform (Lemire's multiply-shift
// with rejection).
inline uint64_t bounded_u64(Generator& g, uint64_t range) {
  uint64_t x = g.next_u64();
  if (range == 0) return x;
  unsigned __int128 m = static_cast<unsigned __int128>(x) * range;
  uint64_t low = static_cast<uint64_t>(m);
  if (low < range) {
    const uint64_t threshold = (uint64_t(0) - range) % range;
    while (low < threshold) {
      x = g.next_u64();
      m = static_cast<unsigned __int128>(x) * range;
      low = static_cast<uint64_t>(m);
    }
  }
  return static_cast<uint64_t>(m >> 64);
}

void check_floating(DType d, const char* op) {
  RT_CHECK(is_floating(d), TypeError, op, ": expected a floating dtype, got ", dtype_name(d));
}

// Runs fill(contiguous tensor) on t itself when it is contiguous, else on a temporary copied in.
template <class F> const Tensor& fill_inplace(const Tensor& t, const char* op, F&& fill) {
  autograd::check_inplace(t, op);
  if (t.is_contiguous()) {
    fill(t);
  } else {
    Tensor tmp = Tensor::empty(t.shape(), t.dtype());
    fill(tmp);
    copy_kernel(t, tmp);
  }
  t.bump_version();
  return t;
}

void uniform_kernel(const Tensor& out, double from, double to, Generator* gen) {
  dispatch_floating(out.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    T* p = out.data<T>();
    const T lo = static_cast<T>(from), scale = static_cast<T>(to - from);
    // Rounding of u * scale + lo can reach `to`; the largest value below it caps the range.
    const T below = to > from ? std::nextafter(static_cast<T>(to), lo) : lo;
    for_random_chunks(gen, out.numel(), [&](Generator& g, int64_t b, int64_t e) {
      uniform_raw(g, p + b, e - b);
      if (lo != T(0) || scale != T(1))
        for (int64_t i = b; i < e; ++i) p[i] = std::min(p[i] * scale + lo, below);
    });
  });
}

void normal_kernel(const Tensor& out, double mean, double std, Generator* gen) {
  dispatch_floating(out.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    T* p = out.data<T>();
    for_random_chunks(gen, out.numel(), [&](Generator& g, int64_t b, int64_t e) {
      normal_raw(g, p + b, e - b, static_cast<T>(mean), static_cast<T>(std));
    });
  });
}

// Integers low + [0, range) (range 0: 2^64) into a contiguous tensor of any dtype.
void integer_kernel(const Tensor& out, int64_t low, uint64_t range, Generator* gen) {
  dispatch_dtype(out.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    T* p = out.data<T>();
    for_random_chunks(gen, out.numel(), [&](Generator& g, int64_t b, int64_t e) {
      for (int64_t i = b; i < e; ++i)
        p[i] = cast_to<T>(static_cast<int64_t>(static_cast<uint64_t>(low) + bounded_u64(g, range)));
    });
  });
}

}  // namespace

Tensor rand(const Shape& shape, DType dtype, Generator* gen) {
  check_floating(dtype, "rand");
  check_shape(shape, "rand");
  Tensor out = Tensor::empty(shape, dtype);
  uniform_kernel(out, 0.0, 1.0, gen);
  return out;
}

Tensor randn(const Shape& shape, DType dtype, Generator* gen) {
  check_floating(dtype, "randn");
  check_shape(shape, "randn");
  Tensor out = Tensor::empty(shape, dtype);
  normal_kernel(out, 0.0, 1.0, gen);
  return out;
}

Tensor randint(int64_t low, int64_t high, const Shape& shape, DType dtype, Generator* gen) {
  RT_CHECK(low < high, ValueError, "randint: expected low < high, but got low=", low, " >= high=", high);
  check_shape(shape, "randint");
  Tensor out = Tensor::empty(shape, dtype);
  integer_kernel(out, low, static_cast<uint64_t>(high) - static_cast<uint64_t>(low), gen);
  return out;
}

Tensor randperm(int64_t n, DType dtype, Generator* gen) {
  RT_CHECK(n >= 0, ValueError, "randperm: n must be non-negative, got ", n);
  Tensor perm = Tensor::empty({n}, DType::Int64);
  int64_t* p = perm.data<int64_t>();
  for (int64_t i = 0; i < n; ++i) p[i] = i;
  {
    Generator& g = resolve(gen);
    std::lock_guard<std::mutex> lock(g.mutex());
    for (int64_t i = n - 1; i > 0; --i) std::swap(p[i], p[bounded_u64(g, static_cast<uint64_t>(i) + 1)]);
  }
  return to_dtype(perm, dtype);
}

Tensor normal(double mean, double std, const Shape& shape, DType dtype, Generator* gen) {
  check_floating(dtype, "normal");
  RT_CHECK(std >= 0.0, ValueError, "normal: expected std >= 0.0, but found std ", std);
  check_shape(shape, "normal");
  Tensor out = Tensor::empty(shape, dtype);
  normal_kernel(out, mean, std, gen);
  return out;
}

Tensor normal(const Tensor& mean, const Tensor& std, Generator* gen) {
  const DType dt = promote_types(mean.dtype(), std.dtype());
  check_floating(dt, "normal");
  const Shape shape = broadcast_shapes(mean.shape(), std.shape(), "normal");
  const Tensor s = contiguous_as(std.detach(), DType::Float64);
  const double* sp = s.data<double>();
  for (int64_t i = 0; i < s.numel(); ++i)
    RT_CHECK(sp[i] >= 0.0, ValueError, "normal: expected all elements of std >= 0.0, found ", sp[i]);
  Tensor out = randn(shape, dt, gen);
  return add(mul(out, std.detach()), mean.detach());
}

const Tensor& uniform_(const Tensor& t, double from, double to, Generator* gen) {
  check_floating(t.dtype(), "uniform_");
  RT_CHECK(from <= to, ValueError, "uniform_: expected a [from, to) range, but found from=", from, " > to=", to);
  return fill_inplace(t, "uniform_", [&](const Tensor& c) { uniform_kernel(c, from, to, gen); });
}

const Tensor& normal_(const Tensor& t, double mean, double std, Generator* gen) {
  check_floating(t.dtype(), "normal_");
  RT_CHECK(std >= 0.0, ValueError, "normal_: expected std >= 0.0, but found std ", std);
  return fill_inplace(t, "normal_", [&](const Tensor& c) { normal_kernel(c, mean, std, gen); });
}

const Tensor& random_(const Tensor& t, int64_t from, std::optional<int64_t> to, Generator* gen) {
  uint64_t range;
  if (to) {
    RT_CHECK(from < *to, ValueError, "random_: expected 'from' to be less than 'to', but got from=", from,
             " >= to=", *to);
    range = static_cast<uint64_t>(*to) - static_cast<uint64_t>(from);
  } else {
    // Up to the largest integer the dtype holds exactly, inclusive.
    const int64_t top = t.dtype() == DType::Bool      ? 1
                        : t.dtype() == DType::Float32 ? (int64_t(1) << 24)
                        : t.dtype() == DType::Float64 ? (int64_t(1) << 53)
                                                      : std::numeric_limits<int64_t>::max();
    RT_CHECK(from <= top, ValueError, "random_: 'from' (", from, ") is larger than the dtype's range (", top, ")");
    range = static_cast<uint64_t>(top) - static_cast<uint64_t>(from) + 1;
  }
  return fill_inplace(t, "random_", [&](const Tensor& c) { integer_kernel(c, from, range, gen); });
}

}  // namespace rustorch
