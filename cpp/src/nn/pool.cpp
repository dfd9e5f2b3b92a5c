// Pooling kernels. Every pooled dim is described by its windows (first input position, count,
// step); 1-D and 2-D pooling run the 3-D kernels with leading dims of size 1.
//   max:  forward gives output + indices; backward scatters by indices, whose adjoint gathers
//         by indices (each the other's backward);
//   avg:  forward averages windows; backward spreads g / divisor over windows (the adjoint),
//         whose backward is the forward again.
#include "rustorch/nn/pool.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

#include "rustorch/autograd/function.hpp"
#include "rustorch/core/parallel.hpp"
#include "rustorch/nn/common.hpp"
#include "rustorch/ops/copy.hpp"
#include "rustorch/ops/registry.hpp"
#include "rustorch/ops/shape.hpp"

namespace rustorch::nn {

using autograd::BackwardContext;

RT_REGISTER_OP("max_pool1d", true);
RT_REGISTER_OP("max_pool2d", true);
RT_REGISTER_OP("max_pool3d", true);
RT_REGISTER_OP("avg_pool1d", true);
RT_REGISTER_OP("avg_pool2d", true);
RT_REGISTER_OP("avg_pool3d", true);
RT_REGISTER_OP("adaptive_avg_pool1d", true);
RT_REGISTER_OP("adaptive_avg_pool2d", true);
RT_REGISTER_OP("adaptive_avg_pool3d", true);
RT_REGISTER_OP("adaptive_max_pool1d", true);
RT_REGISTER_OP("adaptive_max_pool2d", true);
RT_REGISTER_OP("adaptive_max_pool3d", true);

namespace {

// One pooled dim: output o reads input positions lo[o] + j * step for j < n[o] (all inside the
// input); cnt[o] is its share of an average's divisor.
struct Win {
  int64_t in = 1, out = 1, step = 1;
  std::vector<int64_t> lo, n, cnt;
  static Win unit() {
    Win w;
    w.lo = {0};
    w.n = {1};
    w.cnt = {1};
    return w;
  }
};

struct PoolSpec {
  int64_t dims = 2;
  std::vector<Win> w;              // one per pooled dim (the last `dims` dims)
  int64_t divisor_override = 0;    // avg: > 0 replaces the window count
};
using SpecPtr = std::shared_ptr<const PoolSpec>;

struct Lifted {
  const Win* w[3];
  Win unit = Win::unit();
  int64_t B = 1;  // number of planes
};

Lifted lift(const PoolSpec& s, const Shape& in_shape) {
  Lifted L;
  const int64_t k = s.dims;
  for (int64_t i = 0; i < 3; ++i) L.w[i] = i < 3 - k ? &L.unit : &s.w[i - (3 - k)];
  for (int64_t d = 0; d < static_cast<int64_t>(in_shape.size()) - k; ++d) L.B *= in_shape[d];
  return L;
}

Shape pooled_shape(const Shape& in_shape, const PoolSpec& s) {
  Shape out = in_shape;
  for (int64_t i = 0; i < s.dims; ++i) out[out.size() - s.dims + i] = s.w[i].out;
  return out;
}

template <class T> void max_kernel(const T* x, T* y, int64_t* ind, const Lifted& L) {
  const Win &a = *L.w[0], &b = *L.w[1], &c = *L.w[2];
  const int64_t I1 = b.in, I2 = c.in, in_plane = a.in * I1 * I2, out_plane = a.out * b.out * c.out;
  parallel_for(L.B, std::max<int64_t>(1, 16384 / std::max<int64_t>(out_plane, 1)), [&](int64_t p0, int64_t p1) {
    for (int64_t p = p0; p < p1; ++p) {
      const T* xp = x + p * in_plane;
      T* yp = y + p * out_plane;
      int64_t* ip = ind + p * out_plane;
      for (int64_t o0 = 0; o0 < a.out; ++o0)
        for (int64_t o1 = 0; o1 < b.out; ++o1)
          for (int64_t o2 = 0; o2 < c.out; ++o2) {
            const int64_t l0 = a.lo[o0], l1 = b.lo[o1], l2 = c.lo[o2];
            T best = -std::numeric_limits<T>::infinity();
            int64_t bi = (l0 * I1 + l1) * I2 + l2;
            for (int64_t j0 = 0; j0 < a.n[o0]; ++j0) {
              const int64_t i0 = l0 + j0 * a.step;
              for (int64_t j1 = 0; j1 < b.n[o1]; ++j1) {
                const int64_t row = (i0 * I1 + l1 + j1 * b.step) * I2;
                for (int64_t j2 = 0; j2 < c.n[o2]; ++j2) {
                  const int64_t i = row + l2 + j2 * c.step;
                  const T v = xp[i];
                  if (v > best || std::isnan(v)) {
                    best = v;
                    bi = i;
                  }
                }
              }
            }
            const int64_t o = (o0 * b.out + o1) * c.out + o2;
            yp[o] = best;
            ip[o] = bi;
          }
    }
  });
}

template <class T> void avg_kernel(const T* x, T* y, const Lifted& L, int64_t override_div) {
  const Win &a = *L.w[0], &b = *L.w[1], &c = *L.w[2];
  const int64_t I1 = b.in, I2 = c.in, in_plane = a.in * I1 * I2, out_plane = a.out * b.out * c.out;
  parallel_for(L.B, std::max<int64_t>(1, 16384 / std::max<int64_t>(out_plane, 1)), [&](int64_t p0, int64_t p1) {
    for (int64_t p = p0; p < p1; ++p) {
      const T* xp = x + p * in_plane;
      T* yp = y + p * out_plane;
      for (int64_t o0 = 0; o0 < a.out; ++o0)
        for (int64_t o1 = 0; o1 < b.out; ++o1)
          for (int64_t o2 = 0; o2 < c.out; ++o2) {
            const int64_t l0 = a.lo[o0], l1 = b.lo[o1], l2 = c.lo[o2], n2 = c.n[o2];
            T acc = 0;
            for (int64_t j0 = 0; j0 < a.n[o0]; ++j0)
              for (int64_t j1 = 0; j1 < b.n[o1]; ++j1) {
                const T* r = xp + ((l0 + j0) * I1 + l1 + j1) * I2 + l2;
                for (int64_t j2 = 0; j2 < n2; ++j2) acc += r[j2];
              }
            const int64_t o = (o0 * b.out + o1) * c.out + o2;
            const bool empty = a.n[o0] == 0 || b.n[o1] == 0 || n2 == 0;
            const int64_t div = override_div > 0 ? override_div : a.cnt[o0] * b.cnt[o1] * c.cnt[o2];
            yp[o] = empty ? T(0) : acc / static_cast<T>(div);
          }
    }
  });
}

template <class T> void avg_adjoint_kernel(const T* g, T* gx, const Lifted& L, int64_t override_div) {
  const Win &a = *L.w[0], &b = *L.w[1], &c = *L.w[2];
  const int64_t I1 = b.in, I2 = c.in, in_plane = a.in * I1 * I2, out_plane = a.out * b.out * c.out;
  parallel_for(L.B, std::max<int64_t>(1, 16384 / std::max<int64_t>(out_plane, 1)), [&](int64_t p0, int64_t p1) {
    for (int64_t p = p0; p < p1; ++p) {
      T* xp = gx + p * in_plane;
      std::fill(xp, xp + in_plane, T(0));
      const T* gp = g + p * out_plane;
      for (int64_t o0 = 0; o0 < a.out; ++o0)
        for (int64_t o1 = 0; o1 < b.out; ++o1)
          for (int64_t o2 = 0; o2 < c.out; ++o2) {
            const int64_t l0 = a.lo[o0], l1 = b.lo[o1], l2 = c.lo[o2], n2 = c.n[o2];
            const int64_t div = override_div > 0 ? override_div : a.cnt[o0] * b.cnt[o1] * c.cnt[o2];
            const T v = gp[(o0 * b.out + o1) * c.out + o2] / static_cast<T>(div);
            for (int64_t j0 = 0; j0 < a.n[o0]; ++j0)
              for (int64_t j1 = 0; j1 < b.n[o1]; ++j1) {
                T* r = xp + ((l0 + j0) * I1 + l1 + j1) * I2 + l2;
                for (int64_t j2 = 0; j2 < n2; ++j2) r[j2] += v;
              }
          }
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Differentiable primitives

int64_t plane_count(const Shape& s, int64_t dims) {
  int64_t b = 1;
  for (int64_t d = 0; d < static_cast<int64_t>(s.size()) - dims; ++d) b *= s[d];
  return b;
}

Tensor gather_planes(const Tensor& src, const Tensor& ind, int64_t dims);

// gx (in_shape) with gx[plane][ind[o]] += g[o].
Tensor scatter_planes(const Tensor& g, const Tensor& ind, const Shape& in_shape, int64_t dims) {
  const DType dt = g.dtype();
  Tensor gx = Tensor::empty(in_shape, dt);
  {
    const Tensor gc = contiguous_as(g.detach(), dt);
    const int64_t B = plane_count(in_shape, dims), in_plane = B ? shape_numel(in_shape) / B : 0,
                  out_plane = B ? g.numel() / B : 0;
    const int64_t* ip = ind.data<int64_t>();
    dispatch_floating(dt, [&](auto tag) {
      using T = typename decltype(tag)::type;
      const T* gp = gc.data<T>();
      T* xp = gx.data<T>();
      parallel_for(B, std::max<int64_t>(1, 16384 / std::max<int64_t>(out_plane, 1)), [&](int64_t p0, int64_t p1) {
        for (int64_t p = p0; p < p1; ++p) {
          T* dst = xp + p * in_plane;
          std::fill(dst, dst + in_plane, T(0));
          const T* s = gp + p * out_plane;
          const int64_t* id = ip + p * out_plane;
          for (int64_t o = 0; o < out_plane; ++o) dst[id[o]] += s[o];
        }
      });
    });
  }
  if (autograd::needs_grad({g}))
    autograd::record("MaxPoolBackwardBackward", {g}, {gx}, {ind}, [dims](const BackwardContext& ctx, const TensorList& gg) -> TensorList {
      return {gather_planes(gg[0], ctx.saved(0), dims)};
    });
  return gx;
}

// out[plane][o] = src[plane][ind[o]] (out has ind's shape).
Tensor gather_planes(const Tensor& src, const Tensor& ind, int64_t dims) {
  const DType dt = src.dtype();
  Tensor out = Tensor::empty(ind.shape(), dt);
  {
    const Tensor sc = contiguous_as(src.detach(), dt);
    const int64_t B = plane_count(src.shape(), dims), in_plane = B ? src.numel() / B : 0,
                  out_plane = B ? ind.numel() / B : 0;
    const int64_t* ip = ind.data<int64_t>();
    dispatch_floating(dt, [&](auto tag) {
      using T = typename decltype(tag)::type;
      const T* sp = sc.data<T>();
      T* op = out.data<T>();
      parallel_for(B * out_plane, 32768, [&](int64_t i0, int64_t i1) {
        for (int64_t i = i0; i < i1; ++i) op[i] = sp[(i / out_plane) * in_plane + ip[i]];
      });
    });
  }
  if (autograd::needs_grad({src})) {
    autograd::record("MaxPoolGatherBackward", {src}, {out}, {ind}, [dims](const BackwardContext& ctx, const TensorList& g) -> TensorList {
      return {scatter_planes(g[0], ctx.saved(0), ctx.input_meta(0).shape, dims)};
    });
  }
  return out;
}

std::pair<Tensor, Tensor> max_pool(const Tensor& x, const SpecPtr& spec, const char* op) {
  const DType dt = x.dtype();
  const Shape oshape = pooled_shape(x.shape(), *spec);
  Tensor y = Tensor::empty(oshape, dt), ind = Tensor::empty(oshape, DType::Int64);
  {
    const Tensor xc = contiguous_as(x.detach(), dt);
    const Lifted L = lift(*spec, x.shape());
    dispatch_floating(dt, [&](auto tag) {
      using T = typename decltype(tag)::type;
      max_kernel<T>(xc.data<T>(), y.data<T>(), ind.data<int64_t>(), L);
    });
  }
  if (autograd::needs_grad({x})) {
    const int64_t dims = spec->dims;
    autograd::record("MaxPoolBackward", {x}, {y}, {ind}, [dims](const BackwardContext& ctx, const TensorList& g) -> TensorList {
      return {scatter_planes(g[0], ctx.saved(0), ctx.input_meta(0).shape, dims)};
    });
  }
  return {y, ind};
}

Tensor avg_pool_adjoint(const Tensor& g, const SpecPtr& spec, const Shape& in_shape);

Tensor avg_pool(const Tensor& x, const SpecPtr& spec) {
  const DType dt = x.dtype();
  Tensor y = Tensor::empty(pooled_shape(x.shape(), *spec), dt);
  {
    const Tensor xc = contiguous_as(x.detach(), dt);
    const Lifted L = lift(*spec, x.shape());
    dispatch_floating(dt, [&](auto tag) {
      using T = typename decltype(tag)::type;
      avg_kernel<T>(xc.data<T>(), y.data<T>(), L, spec->divisor_override);
    });
  }
  if (autograd::needs_grad({x}))
    autograd::record("AvgPoolBackward", {x}, {y}, {}, [spec](const BackwardContext& ctx, const TensorList& g) -> TensorList {
      return {avg_pool_adjoint(g[0], spec, ctx.input_meta(0).shape)};
    });
  return y;
}

Tensor avg_pool_adjoint(const Tensor& g, const SpecPtr& spec, const Shape& in_shape) {
  const DType dt = g.dtype();
  Tensor gx = Tensor::empty(in_shape, dt);
  {
    const Tensor gc = contiguous_as(g.detach(), dt);
    const Lifted L = lift(*spec, in_shape);
    dispatch_floating(dt, [&](auto tag) {
      using T = typename decltype(tag)::type;
      avg_adjoint_kernel<T>(gc.data<T>(), gx.data<T>(), L, spec->divisor_override);
    });
  }
  if (autograd::needs_grad({g}))
    autograd::record("AvgPoolBackwardBackward", {g}, {gx}, {}, [spec](const BackwardContext&, const TensorList& gg) -> TensorList {
      return {avg_pool(gg[0], spec)};
    });
  return gx;
}

// ---------------------------------------------------------------------------------------------
// Window construction and argument checks

const char* pool_name(const char* kind, int64_t dims) {
  static const char* names[4][3] = {{"max_pool1d", "max_pool2d", "max_pool3d"},
                                    {"avg_pool1d", "avg_pool2d", "avg_pool3d"},
                                    {"adaptive_avg_pool1d", "adaptive_avg_pool2d", "adaptive_avg_pool3d"},
                                    {"adaptive_max_pool1d", "adaptive_max_pool2d", "adaptive_max_pool3d"}};
  const std::string k(kind);
  const int row = k == "max" ? 0 : k == "avg" ? 1 : k == "adaptive_avg" ? 2 : 3;
  return names[row][dims - 1];
}

int64_t floor_div(int64_t a, int64_t b) {
  const int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

int64_t pool_out_size(int64_t in, int64_t k, int64_t s, int64_t p, int64_t d, bool ceil_mode) {
  int64_t o = floor_div(in + 2 * p - d * (k - 1) - 1 + (ceil_mode ? s - 1 : 0), s) + 1;
  if (ceil_mode && (o - 1) * s >= in + p) --o;
  return o;
}

// Checks the input's rank and non-empty non-batch dims; returns whether it is batched.
bool check_pool_input(const Tensor& input, int64_t dims, const char* op) {
  check_floating(input, op, "input");
  RT_CHECK(input.dim() == dims + 1 || input.dim() == dims + 2, ValueError, op, ": expected a ", dims + 1,
           "-D (unbatched) or ", dims + 2, "-D (batched) input, got input of shape ", shape_str(input.shape()));
  for (int64_t d = input.dim() == dims + 2 ? 1 : 0; d < input.dim(); ++d)
    RT_CHECK(input.size(d) > 0, ValueError, op, ": expected input with non-zero sizes for non-batch dims, got ",
             shape_str(input.shape()));
  return input.dim() == dims + 2;
}

struct WindowArgs {
  std::vector<int64_t> k, s, p, d;
};

WindowArgs window_args(const std::vector<int64_t>& kernel_size, const std::vector<int64_t>& stride,
                       const std::vector<int64_t>& padding, const std::vector<int64_t>& dilation, int64_t dims,
                       const char* op) {
  WindowArgs a;
  a.k = expand_param(kernel_size, dims, op, "kernel_size");
  a.s = stride.empty() ? a.k : expand_param(stride, dims, op, "stride");
  a.p = expand_param(padding, dims, op, "padding");
  a.d = expand_param(dilation, dims, op, "dilation");
  for (int64_t i = 0; i < dims; ++i) {
    RT_CHECK(a.k[i] > 0, ValueError, op, ": kernel_size should be greater than zero, got ", shape_str(a.k));
    RT_CHECK(a.s[i] > 0, ValueError, op, ": stride should be greater than zero, got ", shape_str(a.s));
    RT_CHECK(a.d[i] > 0, ValueError, op, ": dilation should be greater than zero, got ", shape_str(a.d));
    RT_CHECK(a.p[i] >= 0 && a.p[i] <= a.k[i] / 2, ValueError, op,
             ": pad should be at most half of kernel size, but got padding ", shape_str(a.p), " and kernel_size ",
             shape_str(a.k));
  }
  return a;
}

// Windows of a (dilated, padded, strided) pool along one dim; cnt: padded (include_pad) or clamped count.
Win sliding_windows(int64_t in, int64_t k, int64_t s, int64_t p, int64_t d, bool ceil_mode, bool include_pad,
                    const Tensor& x, int64_t dims, const char* op) {
  Win w;
  w.in = in;
  w.out = pool_out_size(in, k, s, p, d, ceil_mode);
  w.step = d;
  RT_CHECK(w.out >= 1, ValueError, op, ": given input of shape ", shape_str(x.shape()), ", the calculated output size ",
           w.out, " along a spatial dim (input size ", in, ", kernel ", k, ", stride ", s, ", padding ", p,
           ", dilation ", d, ") is too small; the kernel is larger than the padded input");
  (void)dims;
  for (int64_t o = 0; o < w.out; ++o) {
    const int64_t start = o * s - p;
    int64_t j0 = 0;
    while (start + j0 * d < 0) ++j0;
    int64_t j1 = k;
    while (j1 > j0 && start + (j1 - 1) * d >= in) --j1;
    w.lo.push_back(start + j0 * d);
    w.n.push_back(j1 - j0);
    if (include_pad) {
      const int64_t end_padded = std::min(start + k, in + p);  // dilation is 1 for averages
      w.cnt.push_back(end_padded - start);
    } else {
      w.cnt.push_back(std::max<int64_t>(j1 - j0, 1));
    }
  }
  return w;
}

Win adaptive_windows(int64_t in, int64_t out) {
  Win w;
  w.in = in;
  w.out = out;
  for (int64_t o = 0; o < out; ++o) {
    const int64_t lo = (o * in) / out, hi = ((o + 1) * in + out - 1) / out;
    w.lo.push_back(lo);
    w.n.push_back(hi - lo);
    w.cnt.push_back(hi - lo);
  }
  return w;
}

std::vector<int64_t> adaptive_sizes(const Tensor& x, const std::vector<int64_t>& output_size, int64_t dims,
                                    const char* op) {
  auto out = expand_param(output_size, dims, op, "output_size");
  for (int64_t i = 0; i < dims; ++i) {
    if (out[i] == -1) out[i] = x.size(x.dim() - dims + i);
    RT_CHECK(out[i] >= 0, ValueError, op, ": output_size must be non-negative, got ", shape_str(output_size));
  }
  return out;
}

Tensor batched(const Tensor& t, bool b) { return b ? t : unsqueeze(t, 0); }
Tensor unbatched(const Tensor& t, bool b) { return b ? t : squeeze(t, {0}); }

}  // namespace

std::pair<Tensor, Tensor> max_pool_nd(const Tensor& input, const std::vector<int64_t>& kernel_size,
                                      const std::vector<int64_t>& stride, const std::vector<int64_t>& padding,
                                      const std::vector<int64_t>& dilation, bool ceil_mode, int64_t dims) {
  RT_CHECK(dims >= 1 && dims <= 3, ValueError, "max_pool: expected 1 to 3 spatial dims, got ", dims);
  const char* op = pool_name("max", dims);
  const bool is_batched = check_pool_input(input, dims, op);
  const WindowArgs a = window_args(kernel_size, stride, padding, dilation, dims, op);
  auto spec = std::make_shared<PoolSpec>();
  spec->dims = dims;
  for (int64_t i = 0; i < dims; ++i)
    spec->w.push_back(sliding_windows(input.size(input.dim() - dims + i), a.k[i], a.s[i], a.p[i], a.d[i], ceil_mode,
                                      false, input, dims, op));
  auto [y, ind] = max_pool(batched(input, is_batched), spec, op);
  return {unbatched(y, is_batched), is_batched ? ind : squeeze(ind, {0})};
}

Tensor avg_pool_nd(const Tensor& input, const std::vector<int64_t>& kernel_size, const std::vector<int64_t>& stride,
                   const std::vector<int64_t>& padding, bool ceil_mode, bool count_include_pad,
                   std::optional<int64_t> divisor_override, int64_t dims) {
  RT_CHECK(dims >= 1 && dims <= 3, ValueError, "avg_pool: expected 1 to 3 spatial dims, got ", dims);
  const char* op = pool_name("avg", dims);
  const bool is_batched = check_pool_input(input, dims, op);
  const WindowArgs a = window_args(kernel_size, stride, padding, {1}, dims, op);
  auto spec = std::make_shared<PoolSpec>();
  spec->dims = dims;
  if (divisor_override) {
    RT_CHECK(*divisor_override != 0, ValueError, op, ": divisor must be not zero");
    spec->divisor_override = *divisor_override;
  }
  for (int64_t i = 0; i < dims; ++i)
    spec->w.push_back(sliding_windows(input.size(input.dim() - dims + i), a.k[i], a.s[i], a.p[i], 1, ceil_mode,
                                      count_include_pad, input, dims, op));
  return unbatched(avg_pool(batched(input, is_batched), spec), is_batched);
}

Tensor adaptive_avg_pool_nd(const Tensor& input, const std::vector<int64_t>& output_size, int64_t dims) {
  RT_CHECK(dims >= 1 && dims <= 3, ValueError, "adaptive_avg_pool: expected 1 to 3 spatial dims, got ", dims);
  const char* op = pool_name("adaptive_avg", dims);
  const bool is_batched = check_pool_input(input, dims, op);
  const auto out = adaptive_sizes(input, output_size, dims, op);
  auto spec = std::make_shared<PoolSpec>();
  spec->dims = dims;
  for (int64_t i = 0; i < dims; ++i) spec->w.push_back(adaptive_windows(input.size(input.dim() - dims + i), out[i]));
  return unbatched(avg_pool(batched(input, is_batched), spec), is_batched);
}

std::pair<Tensor, Tensor> adaptive_max_pool_nd(const Tensor& input, const std::vector<int64_t>& output_size,
                                               int64_t dims) {
  RT_CHECK(dims >= 1 && dims <= 3, ValueError, "adaptive_max_pool: expected 1 to 3 spatial dims, got ", dims);
  const char* op = pool_name("adaptive_max", dims);
  const bool is_batched = check_pool_input(input, dims, op);
  const auto out = adaptive_sizes(input, output_size, dims, op);
  auto spec = std::make_shared<PoolSpec>();
  spec->dims = dims;
  for (int64_t i = 0; i < dims; ++i) spec->w.push_back(adaptive_windows(input.size(input.dim() - dims + i), out[i]));
  auto [y, ind] = max_pool(batched(input, is_batched), spec, op);
  return {unbatched(y, is_batched), is_batched ? ind : squeeze(ind, {0})};
}

}  // namespace rustorch::nn
