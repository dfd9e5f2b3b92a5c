// Padding, resizing, dropout, embedding and one-hot.
//
// pad (every mode) and interpolate (nearest, linear) are one separable linear "resample" op: per
// resized dim, each output position reads 1 or 2 input positions (taps) with weights. Its backward
// is the adjoint (a scatter-add with the same taps), whose backward is resample again, so both
// are differentiable to any order.
#include "rustorch/nn/functional.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>

#include "rustorch/autograd/function.hpp"
#include "rustorch/core/parallel.hpp"
#include "rustorch/core/random.hpp"
#include "rustorch/nn/common.hpp"
#include "rustorch/nn/pool.hpp"
#include "rustorch/ops/copy.hpp"
#include "rustorch/ops/elementwise.hpp"
#include "rustorch/ops/iter.hpp"
#include "rustorch/ops/registry.hpp"
#include "rustorch/ops/shape.hpp"

namespace rustorch::nn {

using autograd::BackwardContext;

RT_REGISTER_OP("pad", true);
RT_REGISTER_OP("interpolate", true);
RT_REGISTER_OP("dropout", true);
RT_REGISTER_OP("feature_dropout", true);
RT_REGISTER_OP("embedding", true);
RT_REGISTER_OP("one_hot", false);

namespace {

// ---------------------------------------------------------------------------------------------
// Separable resampling

// One resized dim: output position o reads input positions idx[o*taps + t] with weights w[...].
// idx -1 marks a position outside the input (it takes the fill value; 1-tap maps only).
struct Taps {
  int64_t in = 1, out = 1;
  int taps = 1;
  std::vector<int64_t> idx;
  std::vector<double> w;

  static Taps identity(int64_t n) {
    Taps t;
    t.in = t.out = n;
    t.idx.resize(static_cast<size_t>(n));
    t.w.assign(static_cast<size_t>(n), 1.0);
    for (int64_t i = 0; i < n; ++i) t.idx[i] = i;
    return t;
  }
};
// Maps for the last maps->size() dims (1 to 3) of a tensor.
using TapsList = std::shared_ptr<const std::vector<Taps>>;

struct Lifted {
  const Taps* m[3];
  Taps ident;  // size-1 identity for missing leading dims
  int64_t B = 1;
};

Lifted lift(const TapsList& maps, const Shape& in_shape) {
  Lifted L;
  L.ident = Taps::identity(1);
  const int64_t k = static_cast<int64_t>(maps->size());
  for (int64_t i = 0; i < 3; ++i) L.m[i] = i < 3 - k ? &L.ident : &(*maps)[i - (3 - k)];
  for (int64_t d = 0; d < static_cast<int64_t>(in_shape.size()) - k; ++d) L.B *= in_shape[d];
  return L;
}

Shape resampled_shape(const Shape& in_shape, const TapsList& maps, bool to_out) {
  Shape s = in_shape;
  const size_t k = maps->size();
  for (size_t i = 0; i < k; ++i) s[s.size() - k + i] = to_out ? (*maps)[i].out : (*maps)[i].in;
  return s;
}

template <class T> void resample_kernel(const T* x, T* y, const Lifted& L, T fill) {
  const Taps &m0 = *L.m[0], &m1 = *L.m[1], &m2 = *L.m[2];
  const int64_t I1 = m1.in, I2 = m2.in, O0 = m0.out, O1 = m1.out, O2 = m2.out;
  const int64_t I0 = m0.in;
  const bool gather = m0.taps == 1 && m1.taps == 1 && m2.taps == 1;
  const int64_t rows = L.B * O0 * O1;
  parallel_for(rows, std::max<int64_t>(1, 32768 / std::max<int64_t>(O2, 1)), [&](int64_t r0, int64_t r1) {
    std::vector<T> w2(m2.w.begin(), m2.w.end());
    for (int64_t r = r0; r < r1; ++r) {
      const int64_t b = r / (O0 * O1), o0 = (r / O1) % O0, o1 = r % O1;
      T* dst = y + r * O2;
      const T* xb = x + b * I0 * I1 * I2;
      if (gather) {
        const int64_t i0 = m0.idx[o0], i1 = m1.idx[o1];
        if (i0 < 0 || i1 < 0) {
          std::fill(dst, dst + O2, fill);
          continue;
        }
        const T* src = xb + (i0 * I1 + i1) * I2;
        const int64_t* ix = m2.idx.data();
        for (int64_t o2 = 0; o2 < O2; ++o2) dst[o2] = ix[o2] < 0 ? fill : src[ix[o2]];
        continue;
      }
      for (int64_t o2 = 0; o2 < O2; ++o2) dst[o2] = T(0);
      for (int t0 = 0; t0 < m0.taps; ++t0) {
        const int64_t i0 = m0.idx[o0 * m0.taps + t0];
        const T w0 = static_cast<T>(m0.w[o0 * m0.taps + t0]);
        for (int t1 = 0; t1 < m1.taps; ++t1) {
          const int64_t i1 = m1.idx[o1 * m1.taps + t1];
          const T w01 = w0 * static_cast<T>(m1.w[o1 * m1.taps + t1]);
          const T* src = xb + (i0 * I1 + i1) * I2;
          for (int64_t o2 = 0; o2 < O2; ++o2)
            for (int t2 = 0; t2 < m2.taps; ++t2) dst[o2] += w01 * w2[o2 * m2.taps + t2] * src[m2.idx[o2 * m2.taps + t2]];
        }
      }
    }
  });
}

template <class T> void resample_adjoint_kernel(const T* g, T* gx, const Lifted& L) {
  const Taps &m0 = *L.m[0], &m1 = *L.m[1], &m2 = *L.m[2];
  const int64_t I0 = m0.in, I1 = m1.in, I2 = m2.in, O0 = m0.out, O1 = m1.out, O2 = m2.out;
  const int64_t in_plane = I0 * I1 * I2, out_plane = O0 * O1 * O2;
  parallel_for(L.B, std::max<int64_t>(1, 32768 / std::max<int64_t>(out_plane, 1)), [&](int64_t b0, int64_t b1) {
    for (int64_t b = b0; b < b1; ++b) {
      T* xb = gx + b * in_plane;
      std::fill(xb, xb + in_plane, T(0));
      const T* gb = g + b * out_plane;
      for (int64_t o0 = 0; o0 < O0; ++o0)
        for (int t0 = 0; t0 < m0.taps; ++t0) {
          const int64_t i0 = m0.idx[o0 * m0.taps + t0];
          if (i0 < 0) continue;
          const T w0 = static_cast<T>(m0.w[o0 * m0.taps + t0]);
          for (int64_t o1 = 0; o1 < O1; ++o1)
            for (int t1 = 0; t1 < m1.taps; ++t1) {
              const int64_t i1 = m1.idx[o1 * m1.taps + t1];
              if (i1 < 0) continue;
              const T w01 = w0 * static_cast<T>(m1.w[o1 * m1.taps + t1]);
              T* dst = xb + (i0 * I1 + i1) * I2;
              const T* src = gb + (o0 * O1 + o1) * O2;
              for (int64_t o2 = 0; o2 < O2; ++o2)
                for (int t2 = 0; t2 < m2.taps; ++t2) {
                  const int64_t i2 = m2.idx[o2 * m2.taps + t2];
                  if (i2 >= 0) dst[i2] += w01 * static_cast<T>(m2.w[o2 * m2.taps + t2]) * src[o2];
                }
            }
        }
    }
  });
}

Tensor resample_adjoint(const Tensor& g, const TapsList& maps, const Shape& in_shape, const char* op);

Tensor resample(const Tensor& x, const TapsList& maps, double fill, const char* op) {
  const DType dt = x.dtype();
  Tensor y = Tensor::empty(resampled_shape(x.shape(), maps, true), dt);
  {
    const Tensor xc = contiguous_as(x.detach(), dt);
    const Lifted L = lift(maps, x.shape());
    dispatch_dtype(dt, [&](auto tag) {
      using T = typename decltype(tag)::type;
      if constexpr (std::is_same_v<T, bool>) {
        RT_THROW(TypeError, op, ": bool tensors are not supported");
      } else {
        resample_kernel<T>(xc.data<T>(), y.data<T>(), L, static_cast<T>(fill));
      }
    });
  }
  if (is_floating(dt) && autograd::needs_grad({x})) {
    autograd::record("ResampleBackward", {x}, {y}, {}, [maps, op](const BackwardContext& ctx, const TensorList& g) -> TensorList {
      return {resample_adjoint(g[0], maps, ctx.input_meta(0).shape, op)};
    });
  }
  return y;
}

Tensor resample_adjoint(const Tensor& g, const TapsList& maps, const Shape& in_shape, const char* op) {
  const DType dt = g.dtype();
  Tensor gx = Tensor::empty(in_shape, dt);
  {
    const Tensor gc = contiguous_as(g.detach(), dt);
    const Lifted L = lift(maps, in_shape);
    dispatch_floating(dt, [&](auto tag) {
      using T = typename decltype(tag)::type;
      resample_adjoint_kernel<T>(gc.data<T>(), gx.data<T>(), L);
    });
  }
  if (autograd::needs_grad({g})) {
    autograd::record("ResampleAdjointBackward", {g}, {gx}, {}, [maps, op](const BackwardContext&, const TensorList& gg) -> TensorList {
      return {resample(gg[0], maps, 0.0, op)};
    });
  }
  return gx;
}

// Output position o of a padded dim (left pad l) reads input position src(o - l).
Taps pad_taps(int64_t in, int64_t l, int64_t r, const std::string& mode) {
  Taps t;
  t.in = in;
  t.out = in + l + r;
  t.idx.resize(static_cast<size_t>(std::max<int64_t>(t.out, 0)));
  t.w.assign(t.idx.size(), 1.0);
  for (int64_t o = 0; o < t.out; ++o) {
    int64_t j = o - l;
    if (mode == "constant") {
      if (j < 0 || j >= in) j = -1;
    } else if (mode == "reflect") {
      if (j < 0) j = -j;
      if (j >= in) j = 2 * (in - 1) - j;
    } else if (mode == "replicate") {
      j = std::clamp<int64_t>(j, 0, in - 1);
    } else {  // circular
      j = ((j % in) + in) % in;
    }
    t.idx[o] = j;
  }
  return t;
}

// ---------------------------------------------------------------------------------------------
// Dropout masks: counter-based, from one draw of the default generator per call

uint64_t draw_key() {
  Generator& gen = default_generator();
  std::lock_guard<std::mutex> lock(gen.mutex());
  return gen.next_u64();
}

inline uint64_t mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// mask[i] = keep ? scale : 0 for i in [0, n), keep with probability 1 - p. Element i uses half of
// the 64-bit hash of (key, i / 2), so the mask depends only on the key and n.
template <class T> void fill_mask(T* mask, int64_t n, double p, uint64_t key) {
  const double t = std::ldexp(p, 32);
  const uint64_t thr = t >= 4294967295.0 ? 4294967295ULL : static_cast<uint64_t>(t);
  const T scale = static_cast<T>(1.0 / (1.0 - p));
  const int64_t pairs = (n + 1) / 2;
  parallel_for(pairs, 16384, [&](int64_t j0, int64_t j1) {
    for (int64_t j = j0; j < j1; ++j) {
      const uint64_t r = mix64(key + static_cast<uint64_t>(j + 1) * 0x9E3779B97F4A7C15ULL);
      mask[2 * j] = (r & 0xFFFFFFFFULL) >= thr ? scale : T(0);
      if (2 * j + 1 < n) mask[2 * j + 1] = (r >> 32) >= thr ? scale : T(0);
    }
  });
}

void check_p(double p, const char* op) {
  RT_CHECK(p >= 0.0 && p <= 1.0, ValueError, op, ": dropout probability has to be between 0 and 1, but got ", p);
}

// y = x * mask (mask of x's shape or broadcastable to it), recorded as a multiplication by a constant.
Tensor apply_mask(const Tensor& input, const Tensor& mask, bool inplace, const char* op) {
  if (inplace) return mul_(input, mask);
  Tensor out = Tensor::empty(input.shape(), input.dtype());
  dispatch_floating(input.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    binary_loop<T, T, T>(out, input.detach(), mask, [](T x, T m) { return x * m; });
  });
  if (autograd::needs_grad({input}))
    autograd::record(op[0] == 'd' ? "DropoutBackward" : "FeatureDropoutBackward", {input}, {out}, {mask},
                     [](const BackwardContext& ctx, const TensorList& g) -> TensorList { return {mul(g[0], ctx.saved(0))}; });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Embedding: gather rows / scatter-add rows, each the other's adjoint. c[i] scales index i's row
// (0 for padding_idx, 1/count with scale_grad_by_freq); null means all ones.
using Coef = std::shared_ptr<const std::vector<double>>;

Tensor emb_scatter(const Tensor& g, const Tensor& idx, const Coef& c, int64_t num);

Tensor emb_gather(const Tensor& w, const Tensor& idx, const Coef& cf, const Coef& cb) {
  const int64_t n = idx.numel(), D = w.size(1);
  Shape out_shape = idx.shape();
  out_shape.push_back(D);
  Tensor out = Tensor::empty(out_shape, w.dtype());
  {
    const Tensor wc = contiguous_as(w.detach(), w.dtype());
    const int64_t* ix = idx.data<int64_t>();
    dispatch_floating(w.dtype(), [&](auto tag) {
      using T = typename decltype(tag)::type;
      const T* src = wc.data<T>();
      T* dst = out.data<T>();
      parallel_for(n, std::max<int64_t>(1, 32768 / std::max<int64_t>(D, 1)), [&](int64_t i0, int64_t i1) {
        for (int64_t i = i0; i < i1; ++i) {
          const T* row = src + ix[i] * D;
          T* o = dst + i * D;
          if (cf) {
            const T s = static_cast<T>((*cf)[i]);
            for (int64_t d = 0; d < D; ++d) o[d] = s * row[d];
          } else {
            std::copy(row, row + D, o);
          }
        }
      });
    });
  }
  if (autograd::needs_grad({w})) {
    autograd::record("EmbeddingBackward", {w}, {out}, {idx}, [cb](const BackwardContext& ctx, const TensorList& g) -> TensorList {
      return {emb_scatter(g[0], ctx.saved(0), cb, ctx.input_meta(0).shape[0])};
    });
  }
  return out;
}

Tensor emb_scatter(const Tensor& g, const Tensor& idx, const Coef& c, int64_t num) {
  const int64_t n = idx.numel(), D = g.size(g.dim() - 1);
  Tensor gw = Tensor::empty({num, D}, g.dtype());
  {
    const Tensor gc = contiguous_as(g.detach(), g.dtype());
    const int64_t* ix = idx.data<int64_t>();
    dispatch_floating(g.dtype(), [&](auto tag) {
      using T = typename decltype(tag)::type;
      const T* src = gc.data<T>();
      T* dst = gw.data<T>();
      std::fill(dst, dst + num * D, T(0));
      // Columns split across threads; every column adds the rows in index order (deterministic).
      parallel_for(D, n * D >= 65536 ? 8 : D + 1, [&](int64_t d0, int64_t d1) {
        for (int64_t i = 0; i < n; ++i) {
          T* o = dst + ix[i] * D;
          const T* s = src + i * D;
          if (c) {
            const T k = static_cast<T>((*c)[i]);
            if (k == T(0)) continue;
            for (int64_t d = d0; d < d1; ++d) o[d] += k * s[d];
          } else {
            for (int64_t d = d0; d < d1; ++d) o[d] += s[d];
          }
        }
      });
    });
  }
  if (autograd::needs_grad({g})) {
    autograd::record("EmbeddingBackwardBackward", {g}, {gw}, {idx}, [c](const BackwardContext& ctx, const TensorList& gg) -> TensorList {
      return {emb_gather(gg[0], ctx.saved(0), c, c)};
    });
  }
  return gw;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// pad

Tensor pad(const Tensor& input, const std::vector<int64_t>& pads, const std::string& mode, double value) {
  RT_CHECK(mode == "constant" || mode == "reflect" || mode == "replicate" || mode == "circular", ValueError,
           "pad: unsupported padding mode '", mode, "' (expected 'constant', 'reflect', 'replicate' or 'circular')");
  RT_CHECK(pads.size() % 2 == 0, ValueError, "pad: padding length must be divisible by 2, got ", pads.size());
  const int64_t k = static_cast<int64_t>(pads.size()) / 2, nd = input.dim();
  RT_CHECK(k <= nd, ValueError, "pad: padding length ", pads.size(), " is too large for an input of shape ",
           shape_str(input.shape()), " (at most ", 2 * nd, ")");
  if (mode != "constant") {
    RT_CHECK(value == 0.0, ValueError, "pad: padding mode '", mode, "' doesn't take in value argument");
    RT_CHECK(k >= 1 && k <= 3, ValueError, "pad: mode '", mode, "' pads the last 1 to 3 dims, got padding of length ",
             pads.size());
    RT_CHECK(is_floating(input.dtype()), TypeError, "pad: mode '", mode, "' expects a floating-point input, got ",
             describe(input));
  }
  if (k == 0) return mode == "constant" ? clone(input) : input;
  if (k > 3) {
    // Pad the last 3 dims, then move the remaining padded dims last and pad those.
    Tensor y = pad(input, std::vector<int64_t>(pads.begin(), pads.begin() + 6), mode, value);
    std::vector<int64_t> perm{nd - 3, nd - 2, nd - 1}, inv(nd);
    for (int64_t d = 0; d < nd - 3; ++d) perm.push_back(d);
    for (int64_t i = 0; i < nd; ++i) inv[perm[i]] = i;
    y = pad(permute(y, perm), std::vector<int64_t>(pads.begin() + 6, pads.end()), mode, value);
    return permute(y, inv);
  }
  auto maps = std::make_shared<std::vector<Taps>>();
  for (int64_t i = k - 1; i >= 0; --i) {  // dims nd-k .. nd-1; dim nd-1-i uses pads[2i], pads[2i+1]
    const int64_t d = nd - 1 - i, in = input.size(d), l = pads[2 * i], r = pads[2 * i + 1];
    RT_CHECK(in + l + r >= 0, ValueError, "pad: the input size ", in, " at dim ", d, " plus padding (", l, ", ", r,
             ") gives a negative output size for input of shape ", shape_str(input.shape()));
    if (mode == "reflect")
      RT_CHECK(l >= 0 && r >= 0 && l < in && r < in, ValueError, "pad: reflect padding (", l, ", ", r,
               ") at dim ", d, " must be non-negative and less than the input size ", in, " (input of shape ",
               shape_str(input.shape()), ")");
    if (mode == "replicate")
      RT_CHECK(l >= 0 && r >= 0 && in > 0, ValueError, "pad: replicate padding (", l, ", ", r, ") at dim ", d,
               " must be non-negative on a non-empty dim (input of shape ", shape_str(input.shape()), ")");
    if (mode == "circular")
      RT_CHECK(l >= 0 && r >= 0 && l <= in && r <= in, ValueError, "pad: circular padding (", l, ", ", r,
               ") at dim ", d, " must be non-negative and at most the input size ", in, " (input of shape ",
               shape_str(input.shape()), ")");
    maps->push_back(pad_taps(in, l, r, mode));
  }
  return resample(input, maps, value, "pad");
}

// ---------------------------------------------------------------------------------------------
// interpolate

namespace {

// PyTorch's scale of a resized dim in the op-math type R (float for float32 inputs).
template <class R> R scales_value(std::optional<double> scale, int64_t in, int64_t out) {
  return scale && *scale > 0 ? static_cast<R>(1.0 / *scale) : static_cast<R>(in) / static_cast<R>(out);
}

template <class R> Taps nearest_taps(int64_t in, int64_t out, std::optional<double> scale, bool exact) {
  Taps t;
  t.in = in;
  t.out = out;
  t.idx.resize(static_cast<size_t>(out));
  t.w.assign(static_cast<size_t>(out), 1.0);
  const float s = static_cast<float>(scales_value<R>(scale, in, out));
  for (int64_t o = 0; o < out; ++o) {
    int64_t j;
    if (exact) {
      j = std::min(static_cast<int64_t>(std::floor((static_cast<float>(o) + 0.5f) * s)), in - 1);
    } else if (out == in) {
      j = o;
    } else if (out == 2 * in) {
      j = o >> 1;
    } else {
      j = std::min(static_cast<int64_t>(std::floor(static_cast<float>(o) * s)), in - 1);
    }
    t.idx[o] = j;
  }
  return t;
}

template <class R> Taps linear_taps(int64_t in, int64_t out, std::optional<double> scale, bool align_corners) {
  Taps t;
  t.in = in;
  t.out = out;
  t.taps = 2;
  t.idx.resize(static_cast<size_t>(2 * out));
  t.w.resize(static_cast<size_t>(2 * out));
  const R s = align_corners ? (out > 1 ? static_cast<R>(in - 1) / static_cast<R>(out - 1) : R(0))
                            : scales_value<R>(scale, in, out);
  for (int64_t o = 0; o < out; ++o) {
    R src = align_corners ? s * static_cast<R>(o) : s * (static_cast<R>(o) + R(0.5)) - R(0.5);
    if (!align_corners && src < 0) src = 0;
    const int64_t i0 = std::min(static_cast<int64_t>(std::floor(src)), in - 1);
    const R lambda = std::min(std::max(src - static_cast<R>(i0), R(0)), R(1));
    t.idx[2 * o] = i0;
    t.idx[2 * o + 1] = i0 + (i0 < in - 1 ? 1 : 0);
    t.w[2 * o] = static_cast<double>(R(1) - lambda);
    t.w[2 * o + 1] = static_cast<double>(lambda);
  }
  return t;
}

}  // namespace

Tensor interpolate(const Tensor& input, const std::vector<int64_t>& size, const std::vector<double>& scale_factor,
                   const std::string& mode, std::optional<bool> align_corners,
                   std::optional<bool> recompute_scale_factor) {
  const char* op = "interpolate";
  check_floating(input, op, "input");
  const int64_t dims = input.dim() - 2;
  RT_CHECK(dims >= 1 && dims <= 3, ValueError, op, ": expected a 3-D, 4-D or 5-D input (N, C, *spatial), got input of shape ",
           shape_str(input.shape()));
  const bool linear = mode == "linear" || mode == "bilinear" || mode == "trilinear";
  RT_CHECK(linear || mode == "nearest" || mode == "nearest-exact" || mode == "area", ValueError, op,
           ": unsupported mode '", mode, "' (expected nearest, nearest-exact, linear, bilinear, trilinear or area)");
  if (linear) {
    const int64_t want = mode == "linear" ? 1 : mode == "bilinear" ? 2 : 3;
    RT_CHECK(want == dims, ValueError, op, ": got ", dims + 2, "-D input of shape ", shape_str(input.shape()),
             ", but mode '", mode, "' needs ", want + 2, "-D input");
  } else {
    RT_CHECK(!align_corners.has_value(), ValueError, op,
             ": align_corners option can only be set with the interpolating modes: linear | bilinear | bicubic | trilinear");
  }
  RT_CHECK(size.empty() != scale_factor.empty(), ValueError, op,
           size.empty() ? ": either size or scale_factor should be defined" : ": only one of size or scale_factor should be defined");
  std::vector<int64_t> out(dims);
  std::vector<std::optional<double>> scales(dims);
  if (!size.empty()) {
    const auto s = expand_param(size, dims, op, "size");
    for (int64_t i = 0; i < dims; ++i) {
      RT_CHECK(s[i] > 0, ValueError, op, ": output size should be positive, got ", shape_str(s));
      out[i] = s[i];
    }
  } else {
    RT_CHECK(scale_factor.size() == 1 || static_cast<int64_t>(scale_factor.size()) == dims, ValueError, op,
             ": expected scale_factor to have 1 or ", dims, " values, got ", scale_factor.size());
    for (int64_t i = 0; i < dims; ++i) {
      const double sf = scale_factor.size() == 1 ? scale_factor[0] : scale_factor[i];
      RT_CHECK(sf > 0, ValueError, op, ": scale_factor should be positive, got ", sf);
      out[i] = static_cast<int64_t>(std::floor(static_cast<double>(input.size(2 + i)) * sf));
      RT_CHECK(out[i] > 0, ValueError, op, ": scale_factor ", sf, " gives an empty output for input of shape ",
               shape_str(input.shape()));
      if (!(recompute_scale_factor && *recompute_scale_factor)) scales[i] = sf;
    }
  }
  if (mode == "area") return adaptive_avg_pool_nd(input, out, dims);
  auto maps = std::make_shared<std::vector<Taps>>();
  const bool corners = align_corners.value_or(false);
  for (int64_t i = 0; i < dims; ++i) {
    const int64_t in = input.size(2 + i);
    RT_CHECK(in > 0, ValueError, op, ": input of shape ", shape_str(input.shape()), " has an empty spatial dim");
    if (input.dtype() == DType::Float32)
      maps->push_back(linear ? linear_taps<float>(in, out[i], scales[i], corners)
                             : nearest_taps<float>(in, out[i], scales[i], mode == "nearest-exact"));
    else
      maps->push_back(linear ? linear_taps<double>(in, out[i], scales[i], corners)
                             : nearest_taps<double>(in, out[i], scales[i], mode == "nearest-exact"));
  }
  return resample(input, maps, 0.0, op);
}

// ---------------------------------------------------------------------------------------------
// dropout

Tensor dropout(const Tensor& input, double p, bool training, bool inplace) {
  check_p(p, "dropout");
  check_floating(input, "dropout", "input");
  if (!training || p == 0.0) return inplace ? input : (training ? clone(input) : input);
  Tensor mask = Tensor::empty(input.shape(), input.dtype());
  if (p == 1.0) {
    zero_(mask);
  } else {
    const uint64_t key = draw_key();
    dispatch_floating(input.dtype(), [&](auto tag) {
      using T = typename decltype(tag)::type;
      fill_mask<T>(mask.data<T>(), mask.numel(), p, key);
    });
  }
  return apply_mask(input, mask, inplace, "dropout");
}

Tensor feature_dropout(const Tensor& input, double p, bool training, int64_t feature_dims, bool inplace) {
  const char* names[3] = {"dropout1d", "dropout2d", "dropout3d"};
  RT_CHECK(feature_dims >= 1 && feature_dims <= 3, ValueError, "feature_dropout: feature_dims must be 1, 2 or 3");
  const char* op = names[feature_dims - 1];
  check_p(p, op);
  check_floating(input, op, "input");
  const int64_t nd = input.dim();
  // Unbatched (C, *features) when the input has exactly feature_dims + 1 dims (dropout2d takes a
  // 3-D input as (N, C, L), as PyTorch does).
  bool is_batched = true;
  if (feature_dims == 1) {
    RT_CHECK(nd == 2 || nd == 3, ValueError, op, ": expected a 2-D or 3-D input, got input of shape ",
             shape_str(input.shape()));
    is_batched = nd == 3;
  } else if (feature_dims == 3) {
    RT_CHECK(nd == 4 || nd == 5, ValueError, op, ": expected a 4-D or 5-D input, got input of shape ",
             shape_str(input.shape()));
    is_batched = nd == 5;
  } else {
    RT_CHECK(nd >= 2, ValueError, op, ": expected an input of at least 2 dims (N, C, ...), got input of shape ",
             shape_str(input.shape()));
  }
  if (!training || p == 0.0) return inplace ? input : (training ? clone(input) : input);
  Shape mshape(static_cast<size_t>(nd), 1);
  mshape[0] = input.size(0);
  if (is_batched) mshape[1] = input.size(1);
  Tensor mask = Tensor::empty(mshape, input.dtype());
  if (p == 1.0) {
    zero_(mask);
  } else {
    const uint64_t key = draw_key();
    dispatch_floating(input.dtype(), [&](auto tag) {
      using T = typename decltype(tag)::type;
      fill_mask<T>(mask.data<T>(), mask.numel(), p, key);
    });
  }
  return apply_mask(input, mask, inplace, "feature_dropout");
}

// ---------------------------------------------------------------------------------------------
// embedding

Tensor embedding(const Tensor& input, const Tensor& weight, std::optional<int64_t> padding_idx,
                 std::optional<double> max_norm, double norm_type, bool scale_grad_by_freq, bool sparse) {
  const char* op = "embedding";
  RT_CHECK(input.dtype() == DType::Int64, TypeError, op, ": expected indices of dtype int64, got ", describe(input));
  check_floating(weight, op, "weight");
  RT_CHECK(weight.dim() == 2, ValueError, op, ": expected a 2-D weight (num_embeddings, embedding_dim), got shape ",
           shape_str(weight.shape()));
  RT_CHECK(!sparse, ValueError, op, ": sparse gradients are not supported; use sparse=False");
  const int64_t num = weight.size(0);
  int64_t pad = -1;
  if (padding_idx) {
    RT_CHECK(*padding_idx >= -num && *padding_idx < num, ValueError, op, ": padding_idx ", *padding_idx,
             " must be within num_embeddings (", num, ")");
    pad = *padding_idx < 0 ? *padding_idx + num : *padding_idx;
  }
  const Tensor idx = contiguous_as(input.detach(), DType::Int64);
  const int64_t n = idx.numel();
  const int64_t* ix = idx.data<int64_t>();
  for (int64_t i = 0; i < n; ++i)
    RT_CHECK(ix[i] >= 0 && ix[i] < num, IndexError, op, ": index ", ix[i], " is out of range for weight of shape ",
             shape_str(weight.shape()));
  if (max_norm) {
    // Renormalise the rows that are looked up, in place and outside autograd (like PyTorch).
    RT_CHECK(weight.is_contiguous(), ValueError, op, ": max_norm needs a contiguous weight");
    std::vector<int64_t> rows(ix, ix + n);
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    const int64_t D = weight.size(1);
    dispatch_floating(weight.dtype(), [&](auto tag) {
      using T = typename decltype(tag)::type;
      T* w = weight.data<T>();
      for (int64_t r : rows) {
        T* row = w + r * D;
        double norm = 0;
        if (norm_type == 1.0) for (int64_t d = 0; d < D; ++d) norm += std::abs(static_cast<double>(row[d]));
        else if (norm_type == 2.0) { for (int64_t d = 0; d < D; ++d) norm += static_cast<double>(row[d]) * row[d]; norm = std::sqrt(norm); }
        else if (std::isinf(norm_type)) for (int64_t d = 0; d < D; ++d) norm = std::max(norm, std::abs(static_cast<double>(row[d])));
        else { for (int64_t d = 0; d < D; ++d) norm += std::pow(std::abs(static_cast<double>(row[d])), norm_type); norm = std::pow(norm, 1.0 / norm_type); }
        if (norm > *max_norm) {
          const T s = static_cast<T>(*max_norm / (norm + 1e-7));
          for (int64_t d = 0; d < D; ++d) row[d] *= s;
        }
      }
    });
    weight.bump_version();
  }
  Coef cb;
  if (pad >= 0 || scale_grad_by_freq) {
    auto c = std::make_shared<std::vector<double>>(static_cast<size_t>(n), 1.0);
    std::vector<int64_t> counts;
    if (scale_grad_by_freq) {
      counts.assign(static_cast<size_t>(num), 0);
      for (int64_t i = 0; i < n; ++i) ++counts[ix[i]];
    }
    for (int64_t i = 0; i < n; ++i) {
      if (ix[i] == pad) (*c)[i] = 0.0;
      else if (scale_grad_by_freq) (*c)[i] = 1.0 / static_cast<double>(counts[ix[i]]);
    }
    cb = c;
  }
  return emb_gather(weight, idx, Coef(), cb);
}

// ---------------------------------------------------------------------------------------------
// one_hot

Tensor one_hot(const Tensor& input, int64_t num_classes) {
  const char* op = "one_hot";
  RT_CHECK(input.dtype() == DType::Int64, TypeError, op, ": one_hot is only applicable to index tensors (int64), got ",
           describe(input));
  const Tensor idx = contiguous_as(input, DType::Int64);
  const int64_t n = idx.numel();
  const int64_t* ix = idx.data<int64_t>();
  int64_t mx = -1;
  for (int64_t i = 0; i < n; ++i) {
    RT_CHECK(ix[i] >= 0, IndexError, op, ": class values must be non-negative, got ", ix[i]);
    mx = std::max(mx, ix[i]);
  }
  if (num_classes == -1) {
    RT_CHECK(n > 0, ValueError, op, ": can not infer the number of classes from an empty tensor");
    num_classes = mx + 1;
  }
  RT_CHECK(num_classes >= 0, ValueError, op, ": num_classes should be positive or -1, got ", num_classes);
  RT_CHECK(mx < num_classes, IndexError, op, ": class values must be smaller than num_classes (", num_classes,
           "), got ", mx);
  Shape shape = input.shape();
  shape.push_back(num_classes);
  Tensor out = Tensor::empty(shape, DType::Int64);
  int64_t* o = out.data<int64_t>();
  std::fill(o, o + out.numel(), int64_t(0));
  for (int64_t i = 0; i < n; ++i) o[i * num_classes + ix[i]] = 1;
  return out;
}

}  // namespace rustorch::nn
