// Normalization kernels. Statistics are accumulated in double with a fixed order per channel or
// row (results do not depend on the thread count). The backward of each op is a fused kernel;
// when a graph of the gradient is requested (create_graph), the same closed-form formulas are
// evaluated with differentiable tensor ops instead.
#include "rustorch/nn/norm.hpp"

#include <algorithm>
#include <cmath>

#include "rustorch/autograd/function.hpp"
#include "rustorch/autograd/grad_mode.hpp"
#include "rustorch/core/parallel.hpp"
#include "rustorch/nn/common.hpp"
#include "rustorch/ops/copy.hpp"
#include "rustorch/ops/elementwise.hpp"
#include "rustorch/ops/reduce.hpp"
#include "rustorch/ops/registry.hpp"
#include "rustorch/ops/shape.hpp"

namespace rustorch::nn {

using autograd::BackwardContext;

RT_REGISTER_OP("batch_norm", true);
RT_REGISTER_OP("layer_norm", true);
RT_REGISTER_OP("group_norm", true);
RT_REGISTER_OP("instance_norm", true);

namespace {

// Sum of f(i) (a value of type T) for i in [0, n): vectorizable lanes of T, combined in double
// in a fixed order.
template <class T, class F> inline double tsum(int64_t n, F f) {
  constexpr int L = std::is_same_v<T, float> ? 16 : 8;
  T lanes[L] = {};
  int64_t i = 0;
  for (; i + L <= n; i += L)
    for (int k = 0; k < L; ++k) lanes[k] += f(i + k);
  double s = 0;
  for (; i < n; ++i) s += static_cast<double>(f(i));
  for (int k = 0; k < L; ++k) s += static_cast<double>(lanes[k]);
  return s;
}

// Grain for loops over channels/rows of `work` elements each.
int64_t grain_for(int64_t work) { return std::max<int64_t>(1, 16384 / std::max<int64_t>(work, 1)); }

Shape channel_view_shape(int64_t dim, int64_t C) {
  Shape s(static_cast<size_t>(dim), 1);
  s[1] = C;
  return s;
}

std::vector<int64_t> non_channel_dims(int64_t dim) {
  std::vector<int64_t> d{0};
  for (int64_t i = 2; i < dim; ++i) d.push_back(i);
  return d;
}

// ---------------------------------------------------------------------------------------------
// Batch norm kernels over x (N, C, S)

template <class T>
void bn_forward_kernel(const T* x, T* y, const T* w, const T* b, T* mean_out, T* invstd_out, double* var_out,
                       const T* rmean, const T* rvar, bool training, int64_t N, int64_t C, int64_t S, double eps) {
  const int64_t M = N * S;
  parallel_for(C, grain_for(M), [&](int64_t c0, int64_t c1) {
    for (int64_t c = c0; c < c1; ++c) {
      double mean, invstd;
      if (training) {
        double s = 0;
        for (int64_t n = 0; n < N; ++n) {
          const T* p = x + (n * C + c) * S;
          s += tsum<T>(S, [p](int64_t i) { return p[i]; });
        }
        mean = s / static_cast<double>(M);
        double v = 0;
        for (int64_t n = 0; n < N; ++n) {
          const T* p = x + (n * C + c) * S;
          const T mt = static_cast<T>(mean);
          v += tsum<T>(S, [p, mt](int64_t i) {
            const T d = p[i] - mt;
            return d * d;
          });
        }
        const double var = v / static_cast<double>(M);
        var_out[c] = var;
        invstd = 1.0 / std::sqrt(var + eps);
      } else {
        mean = static_cast<double>(rmean[c]);
        invstd = 1.0 / std::sqrt(static_cast<double>(rvar[c]) + eps);
      }
      mean_out[c] = static_cast<T>(mean);
      invstd_out[c] = static_cast<T>(invstd);
      // Centred before scaling, as in row_forward_kernel: folding the mean into the bias amplifies
      // x's rounding by invstd, which is ~1/sqrt(eps) for a (near-)constant channel.
      const T mt = static_cast<T>(mean);
      const T at = static_cast<T>((w ? static_cast<double>(w[c]) : 1.0) * invstd);
      const T bt = b ? b[c] : T(0);
      for (int64_t n = 0; n < N; ++n) {
        const T* p = x + (n * C + c) * S;
        T* q = y + (n * C + c) * S;
        for (int64_t i = 0; i < S; ++i) q[i] = (p[i] - mt) * at + bt;
      }
    }
  });
}

// training: gx = w*invstd*(g - mean(g) - xhat*mean(g*xhat)); eval: gx = g*w*invstd.
template <class T>
void bn_backward_kernel(const T* g, const T* x, const T* w, const T* mean, const T* invstd, T* gx, T* gw, T* gb,
                        bool training, int64_t N, int64_t C, int64_t S) {
  const double M = static_cast<double>(N * S);
  parallel_for(C, grain_for(N * S), [&](int64_t c0, int64_t c1) {
    for (int64_t c = c0; c < c1; ++c) {
      const double mu = static_cast<double>(mean[c]), is = static_cast<double>(invstd[c]);
      double sg = 0, sgx = 0;
      for (int64_t n = 0; n < N; ++n) {
        const T* gp = g + (n * C + c) * S;
        const T* xp = x + (n * C + c) * S;
        const T mt = static_cast<T>(mu);
        sg += tsum<T>(S, [gp](int64_t i) { return gp[i]; });
        sgx += tsum<T>(S, [gp, xp, mt](int64_t i) { return gp[i] * (xp[i] - mt); });
      }
      if (gw) gw[c] = static_cast<T>(sgx * is);
      if (gb) gb[c] = static_cast<T>(sg);
      if (!gx) continue;
      const double wc = w ? static_cast<double>(w[c]) : 1.0;
      double k1 = wc * is, k2 = 0, k3 = 0;
      if (training) {
        k2 = -wc * is * is * is * sgx / M;
        k3 = -wc * is * sg / M - mu * k2;
      }
      const T t1 = static_cast<T>(k1), t2 = static_cast<T>(k2), t3 = static_cast<T>(k3);
      for (int64_t n = 0; n < N; ++n) {
        const T* gp = g + (n * C + c) * S;
        const T* xp = x + (n * C + c) * S;
        T* o = gx + (n * C + c) * S;
        if (training)
          for (int64_t i = 0; i < S; ++i) o[i] = gp[i] * t1 + xp[i] * t2 + t3;
        else
          for (int64_t i = 0; i < S; ++i) o[i] = gp[i] * t1;
      }
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Row norm kernels (layer norm and group norm): x viewed as rows (M, R), statistics per row.
// Affine: layer norm indexes weight by position in the row (aff_per_elem); group norm by channel
// (row % G) * Cg + r / S.

struct RowGeom {
  int64_t M = 0, R = 0;
  bool per_elem = true;  // layer norm
  int64_t G = 1, Cg = 1, S = 1;  // group norm: groups, channels per group, spatial size
  int64_t channel(int64_t row, int64_t seg) const { return (row % G) * Cg + seg; }
};

template <class T>
void row_forward_kernel(const T* x, T* y, const T* w, const T* b, T* mean_out, T* invstd_out, double* var_out,
                        const RowGeom& rg, double eps) {
  const int64_t R = rg.R;
  parallel_for(rg.M, grain_for(R), [&](int64_t r0, int64_t r1) {
    for (int64_t row = r0; row < r1; ++row) {
      const T* p = x + row * R;
      T* q = y + row * R;
      const double mean = tsum<T>(R, [p](int64_t i) { return p[i]; }) / static_cast<double>(R);
      const T mt0 = static_cast<T>(mean);
      const double var = tsum<T>(R, [p, mt0](int64_t i) {
                           const T d = p[i] - mt0;
                           return d * d;
                         }) / static_cast<double>(R);
      const double invstd = 1.0 / std::sqrt(var + eps);
      mean_out[row] = static_cast<T>(mean);
      invstd_out[row] = static_cast<T>(invstd);
      if (var_out) var_out[row] = var;
      if (rg.per_elem) {
        const T mt = static_cast<T>(mean), it = static_cast<T>(invstd);
        for (int64_t i = 0; i < R; ++i) {
          T v = (p[i] - mt) * it;
          if (w) v *= w[i];
          if (b) v += b[i];
          q[i] = v;
        }
      } else {
        for (int64_t seg = 0; seg < rg.Cg; ++seg) {
          const int64_t c = rg.channel(row, seg);
          // Centre before scaling: with a near-zero variance invstd is ~1/sqrt(eps), and folding the
          // mean into the bias (x*a + (b - mean*a)) would amplify x's rounding by it.
          const T mt = static_cast<T>(mean);
          const T at = static_cast<T>((w ? static_cast<double>(w[c]) : 1.0) * invstd);
          const T bt = b ? b[c] : T(0);
          const T* ps = p + seg * rg.S;
          T* qs = q + seg * rg.S;
          for (int64_t i = 0; i < rg.S; ++i) qs[i] = (ps[i] - mt) * at + bt;
        }
      }
    }
  });
}

// gx = invstd * (gxh - mean(gxh) - xhat * mean(gxh * xhat)) with gxh = g * w; gw = sum g*xhat and
// gb = sum g over rows (layer norm: per element, in fixed row blocks; group norm: per channel).
template <class T>
void row_backward_kernel(const T* g, const T* x, const T* w, const T* mean, const T* invstd, T* gx, T* gw, T* gb,
                         const RowGeom& rg) {
  const int64_t R = rg.R, M = rg.M;
  const double Rd = static_cast<double>(R);
  // Partial affine-gradient sums: layer norm per row block (nblk x R); group norm per row and
  // channel-in-group (M x Cg), later summed over samples in order.
  const int64_t nblk = rg.per_elem ? std::min<int64_t>(M, 16) : M;
  const int64_t pw_width = rg.per_elem ? R : rg.Cg;
  const bool need_affine = gw || gb;
  std::vector<double> pw(need_affine ? static_cast<size_t>(nblk * pw_width) : 0, 0.0),
      pb(need_affine ? static_cast<size_t>(nblk * pw_width) : 0, 0.0);
  parallel_for(nblk, 1, [&](int64_t b0, int64_t b1) {
    std::vector<T> gxh(static_cast<size_t>(R));
    for (int64_t blk = b0; blk < b1; ++blk) {
      const int64_t row0 = M * blk / nblk, row1 = M * (blk + 1) / nblk;
      for (int64_t row = row0; row < row1; ++row) {
        const T* gp = g + row * R;
        const T* xp = x + row * R;
        const double mu = static_cast<double>(mean[row]), is = static_cast<double>(invstd[row]);
        const T mt = static_cast<T>(mu), it = static_cast<T>(is);
        if (need_affine) {
          if (rg.per_elem) {
            double* a = pw.data() + blk * R;
            double* bb = pb.data() + blk * R;
            for (int64_t i = 0; i < R; ++i) {
              a[i] += static_cast<double>(gp[i] * ((xp[i] - mt) * it));
              bb[i] += static_cast<double>(gp[i]);
            }
          } else {
            for (int64_t seg = 0; seg < rg.Cg; ++seg) {
              const T* gs = gp + seg * rg.S;
              const T* xs = xp + seg * rg.S;
              pw[row * rg.Cg + seg] = tsum<T>(rg.S, [gs, xs, mt](int64_t i) { return gs[i] * (xs[i] - mt); }) * is;
              pb[row * rg.Cg + seg] = tsum<T>(rg.S, [gs](int64_t i) { return gs[i]; });
            }
          }
        }
        if (!gx) continue;
        T* gh = gxh.data();
        if (rg.per_elem) {
          if (w)
            for (int64_t i = 0; i < R; ++i) gh[i] = gp[i] * w[i];
          else
            std::copy(gp, gp + R, gh);
        } else {
          for (int64_t seg = 0; seg < rg.Cg; ++seg) {
            const T wc = w ? w[rg.channel(row, seg)] : T(1);
            for (int64_t i = 0; i < rg.S; ++i) gh[seg * rg.S + i] = gp[seg * rg.S + i] * wc;
          }
        }
        const double sa = tsum<T>(R, [gh](int64_t i) { return gh[i]; });
        const double sb = tsum<T>(R, [gh, xp, mt](int64_t i) { return gh[i] * (xp[i] - mt); }) * is;
        // gx = is * (gxh - sa/R - xhat * sb/R), xhat = (x - mu) * is
        const T c1 = static_cast<T>(sa / Rd), c2 = static_cast<T>(sb / Rd * is);
        T* o = gx + row * R;
        for (int64_t i = 0; i < R; ++i) o[i] = it * (gh[i] - c1 - (xp[i] - mt) * c2);
      }
    }
  });
  if (!need_affine) return;
  if (rg.per_elem) {
    for (int64_t i = 0; i < R; ++i) {
      double a = 0, bb = 0;
      for (int64_t blk = 0; blk < nblk; ++blk) {
        a += pw[blk * R + i];
        bb += pb[blk * R + i];
      }
      if (gw) gw[i] = static_cast<T>(a);
      if (gb) gb[i] = static_cast<T>(bb);
    }
  } else {
    const int64_t C = rg.G * rg.Cg, N = M / rg.G;
    for (int64_t c = 0; c < C; ++c) {
      const int64_t grp = c / rg.Cg, seg = c % rg.Cg;
      double a = 0, bb = 0;
      for (int64_t n = 0; n < N; ++n) {
        a += pw[(n * rg.G + grp) * rg.Cg + seg];
        bb += pb[(n * rg.G + grp) * rg.Cg + seg];
      }
      if (gw) gw[c] = static_cast<T>(a);
      if (gb) gb[c] = static_cast<T>(bb);
    }
  }
}

void check_param(const Tensor& t, const Shape& shape, DType dt, const char* op, const char* what, const Tensor& input) {
  if (!t.defined()) return;
  check_same_dtype(t, dt, op, what);
  RT_CHECK(t.shape() == shape, ValueError, op, ": expected ", what, " of shape ", shape_str(shape), " for input of shape ",
           shape_str(input.shape()), ", got ", shape_str(t.shape()));
}

// Updates running = (1 - momentum) * running + momentum * value[c] in place (outside autograd).
void update_running(const Tensor& running, const std::vector<double>& value, double momentum) {
  if (!running.defined()) return;
  Tensor tmp = contiguous_as(running.detach(), running.dtype());  // running itself when contiguous
  dispatch_floating(running.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    T* p = tmp.data<T>();
    for (size_t c = 0; c < value.size(); ++c)
      p[c] = static_cast<T>((1.0 - momentum) * static_cast<double>(p[c]) + momentum * value[c]);
  });
  if (tmp.raw_data() != running.raw_data()) copy_kernel(running, tmp);
  running.bump_version();
}

// The batch-norm backward with differentiable ops (for create_graph).
TensorList batch_norm_backward_composite(const BackwardContext& ctx, const Tensor& g, bool training, double eps) {
  const Tensor x = ctx.saved(0), w = ctx.saved(1);
  const int64_t C = x.size(1), M = C ? x.numel() / C : 0;
  const auto dims = non_channel_dims(x.dim());
  const Shape cs = channel_view_shape(x.dim(), C);
  TensorList r(3);
  Tensor xhat, invstd;
  if (training) {
    const Tensor mean = div(sum(x, dims, true), Scalar(static_cast<double>(M)));
    const Tensor xc = sub(x, mean);
    invstd = pow(add(div(sum(mul(xc, xc), dims, true), Scalar(static_cast<double>(M))), Scalar(eps)), Scalar(-0.5));
    xhat = mul(xc, invstd);
  } else {
    invstd = reshape(ctx.saved(3), cs);
    xhat = mul(sub(x, reshape(ctx.saved(2), cs)), invstd);
  }
  const Tensor gsum = sum(g, dims, true), gxs = sum(mul(g, xhat), dims, true);
  if (ctx.needs_input_grad(0)) {
    Tensor t = g;
    if (training) {
      const Scalar Md(static_cast<double>(M));
      t = sub(sub(g, div(gsum, Md)), div(mul(xhat, gxs), Md));
    }
    t = mul(t, invstd);
    if (w.defined()) t = mul(t, reshape(w, cs));
    r[0] = t;
  }
  if (ctx.needs_input_grad(1)) r[1] = reshape(gxs, {C});
  if (ctx.needs_input_grad(2)) r[2] = reshape(gsum, {C});
  return r;
}

// Row norms with differentiable ops: x viewed as (rows..., R) by `row_shape` (stats over the last dim).
TensorList row_norm_backward_composite(const BackwardContext& ctx, const Tensor& g, const Shape& row_shape,
                                       const Shape& affine_view, const std::vector<int64_t>& affine_sum_dims,
                                       const Shape& affine_shape, double eps) {
  const Tensor x = ctx.saved(0), w = ctx.saved(1);
  const int64_t last = static_cast<int64_t>(row_shape.size()) - 1;
  const Scalar Rd(static_cast<double>(row_shape.back()));
  const Tensor xr = reshape(x, row_shape);
  const Tensor mean = div(sum(xr, {last}, true), Rd);
  const Tensor xc = sub(xr, mean);
  const Tensor invstd = pow(add(div(sum(mul(xc, xc), {last}, true), Rd), Scalar(eps)), Scalar(-0.5));
  const Tensor xhat_r = mul(xc, invstd);
  TensorList r(3);
  if (ctx.needs_input_grad(0)) {
    const Tensor gxh = w.defined() ? mul(g, reshape(w, affine_view)) : g;
    const Tensor gr = reshape(gxh, row_shape);
    const Tensor t = sub(sub(gr, div(sum(gr, {last}, true), Rd)), div(mul(xhat_r, sum(mul(gr, xhat_r), {last}, true)), Rd));
    r[0] = reshape(mul(t, invstd), x.shape());
  }
  if (ctx.needs_input_grad(1)) r[1] = reshape(sum(mul(g, reshape(xhat_r, x.shape())), affine_sum_dims, false), affine_shape);
  if (ctx.needs_input_grad(2)) r[2] = reshape(sum(g, affine_sum_dims, false), affine_shape);
  return r;
}

// Shared by group_norm and instance_norm: returns y; fills per-row biased variances when asked.
// Backward of group_norm / layer_norm without a graph: the fused row kernel on the saved
// (input, weight, mean, invstd); param_shape is the weight's (and bias's) shape.
TensorList row_norm_backward_fused(const BackwardContext& ctx, const Tensor& g, const RowGeom& rg,
                                   const Shape& param_shape) {
  const Tensor x = ctx.saved(0), w = ctx.saved(1), mean = ctx.saved(2), invstd = ctx.saved(3);
  const DType dt = g.dtype();
  TensorList r(3);
  if (ctx.needs_input_grad(0)) r[0] = Tensor::empty(x.shape(), dt);
  if (ctx.needs_input_grad(1)) r[1] = Tensor::empty(param_shape, dt);
  if (ctx.needs_input_grad(2)) r[2] = Tensor::empty(param_shape, dt);
  const Tensor gc = contiguous_as(g.detach(), dt), xc = contiguous_as(x.detach(), dt);
  const Tensor wc = w.defined() ? contiguous_as(w.detach(), dt) : Tensor();
  dispatch_floating(dt, [&](auto tag) {
    using T = typename decltype(tag)::type;
    row_backward_kernel<T>(gc.data<T>(), xc.data<T>(), wc.defined() ? wc.data<T>() : nullptr, mean.data<T>(),
                           invstd.data<T>(), r[0].defined() ? r[0].data<T>() : nullptr,
                           r[1].defined() ? r[1].data<T>() : nullptr, r[2].defined() ? r[2].data<T>() : nullptr, rg);
  });
  return r;
}

Tensor group_norm_impl(const Tensor& input, int64_t G, const Tensor& weight, const Tensor& bias, double eps,
                       const char* op, const char* node, std::vector<double>* row_var) {
  const int64_t N = input.size(0), C = input.size(1);
  const int64_t S = N * C != 0 ? input.numel() / (N * C) : 0;
  RowGeom rg;
  rg.per_elem = false;
  rg.G = G;
  rg.Cg = C / G;
  rg.S = S;
  rg.M = N * G;
  rg.R = rg.Cg * S;
  const DType dt = input.dtype();
  Tensor y = Tensor::empty(input.shape(), dt), mean = Tensor::empty({rg.M}, dt), invstd = Tensor::empty({rg.M}, dt);
  {
    const Tensor xc = contiguous_as(input.detach(), dt);
    const Tensor wc = weight.defined() ? contiguous_as(weight.detach(), dt) : Tensor();
    const Tensor bc = bias.defined() ? contiguous_as(bias.detach(), dt) : Tensor();
    if (row_var) row_var->assign(static_cast<size_t>(rg.M), 0.0);
    dispatch_floating(dt, [&](auto tag) {
      using T = typename decltype(tag)::type;
      row_forward_kernel<T>(xc.data<T>(), y.data<T>(), wc.defined() ? wc.data<T>() : nullptr,
                            bc.defined() ? bc.data<T>() : nullptr, mean.data<T>(), invstd.data<T>(),
                            row_var ? row_var->data() : nullptr, rg, eps);
    });
  }
  if (autograd::needs_grad({input, weight, bias})) {
    autograd::record(node, {input, weight, bias}, {y}, {input, weight, mean, invstd},
                     [rg, eps, N, C](const BackwardContext& ctx, const TensorList& gr) -> TensorList {
                       const Tensor& g = gr[0];
                       const Tensor x = ctx.saved(0);
                       if (autograd::GradMode::is_enabled())
                         return row_norm_backward_composite(ctx, g, {N, rg.G, rg.R}, channel_view_shape(x.dim(), C),
                                                            non_channel_dims(x.dim()), {C}, eps);
                       return row_norm_backward_fused(ctx, g, rg, {C});
                     });
  }
  return y;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// batch_norm

Tensor batch_norm(const Tensor& input, const Tensor& running_mean, const Tensor& running_var, const Tensor& weight,
                  const Tensor& bias, bool training, double momentum, double eps) {
  const char* op = "batch_norm";
  check_floating(input, op, "input");
  RT_CHECK(input.dim() >= 2, ValueError, op, ": expected an input of at least 2 dims (N, C, *), got input of shape ",
           shape_str(input.shape()));
  const DType dt = input.dtype();
  const int64_t N = input.size(0), C = input.size(1);
  const int64_t S = N * C != 0 ? input.numel() / (N * C) : 0;
  check_param(running_mean, {C}, dt, op, "running_mean", input);
  check_param(running_var, {C}, dt, op, "running_var", input);
  check_param(weight, {C}, dt, op, "weight", input);
  check_param(bias, {C}, dt, op, "bias", input);
  RT_CHECK(training || (running_mean.defined() && running_var.defined()), ValueError, op,
           ": running_mean and running_var must be defined in evaluation mode (training=False)");
  const bool batch_stats = training;
  if (batch_stats)
    RT_CHECK(N * S > 1, ValueError, op, ": expected more than 1 value per channel when training, got input of shape ",
             shape_str(input.shape()));
  Tensor y = Tensor::empty(input.shape(), dt), mean = Tensor::empty({C}, dt), invstd = Tensor::empty({C}, dt);
  std::vector<double> var(static_cast<size_t>(C), 0.0);
  {
    const Tensor xc = contiguous_as(input.detach(), dt);
    const Tensor wc = weight.defined() ? contiguous_as(weight.detach(), dt) : Tensor();
    const Tensor bc = bias.defined() ? contiguous_as(bias.detach(), dt) : Tensor();
    const Tensor rmc = batch_stats ? Tensor() : contiguous_as(running_mean.detach(), dt);
    const Tensor rvc = batch_stats ? Tensor() : contiguous_as(running_var.detach(), dt);
    dispatch_floating(dt, [&](auto tag) {
      using T = typename decltype(tag)::type;
      bn_forward_kernel<T>(xc.data<T>(), y.data<T>(), wc.defined() ? wc.data<T>() : nullptr,
                           bc.defined() ? bc.data<T>() : nullptr, mean.data<T>(), invstd.data<T>(), var.data(),
                           rmc.defined() ? rmc.data<T>() : nullptr, rvc.defined() ? rvc.data<T>() : nullptr, batch_stats,
                           N, C, S, eps);
    });
  }
  if (training) {
    const double M = static_cast<double>(N * S);
    std::vector<double> m(static_cast<size_t>(C)), v(static_cast<size_t>(C));
    dispatch_floating(dt, [&](auto tag) {
      using T = typename decltype(tag)::type;
      for (int64_t c = 0; c < C; ++c) m[c] = static_cast<double>(mean.data<T>()[c]);
    });
    for (int64_t c = 0; c < C; ++c) v[c] = var[c] * M / (M - 1.0);
    update_running(running_mean, m, momentum);
    update_running(running_var, v, momentum);
  }
  if (autograd::needs_grad({input, weight, bias})) {
    autograd::record("BatchNormBackward", {input, weight, bias}, {y}, {input, weight, mean, invstd},
                     [batch_stats, eps](const BackwardContext& ctx, const TensorList& gr) -> TensorList {
                       const Tensor& g = gr[0];
                       if (autograd::GradMode::is_enabled()) return batch_norm_backward_composite(ctx, g, batch_stats, eps);
                       const Tensor x = ctx.saved(0), w = ctx.saved(1), mean = ctx.saved(2), invstd = ctx.saved(3);
                       const DType dt = g.dtype();
                       const int64_t N = x.size(0), C = x.size(1), S = N * C != 0 ? x.numel() / (N * C) : 0;
                       TensorList r(3);
                       if (ctx.needs_input_grad(0)) r[0] = Tensor::empty(x.shape(), dt);
                       if (ctx.needs_input_grad(1)) r[1] = Tensor::empty({C}, dt);
                       if (ctx.needs_input_grad(2)) r[2] = Tensor::empty({C}, dt);
                       const Tensor gc = contiguous_as(g.detach(), dt), xc = contiguous_as(x.detach(), dt);
                       const Tensor wc = w.defined() ? contiguous_as(w.detach(), dt) : Tensor();
                       dispatch_floating(dt, [&](auto tag) {
                         using T = typename decltype(tag)::type;
                         bn_backward_kernel<T>(gc.data<T>(), xc.data<T>(), wc.defined() ? wc.data<T>() : nullptr,
                                               mean.data<T>(), invstd.data<T>(), r[0].defined() ? r[0].data<T>() : nullptr,
                                               r[1].defined() ? r[1].data<T>() : nullptr,
                                               r[2].defined() ? r[2].data<T>() : nullptr, batch_stats, N, C, S);
                       });
                       return r;
                     });
  }
  return y;
}

// ---------------------------------------------------------------------------------------------
// layer_norm

Tensor layer_norm(const Tensor& input, const std::vector<int64_t>& normalized_shape, const Tensor& weight,
                  const Tensor& bias, double eps) {
  const char* op = "layer_norm";
  check_floating(input, op, "input");
  const int64_t k = static_cast<int64_t>(normalized_shape.size());
  bool ok = k >= 1 && input.dim() >= k;
  for (int64_t i = 0; ok && i < k; ++i) ok = input.size(input.dim() - k + i) == normalized_shape[i];
  RT_CHECK(ok, ValueError, op, ": normalized_shape ", shape_str(normalized_shape),
           " must match the trailing dims of the input, got input of shape ", shape_str(input.shape()));
  const DType dt = input.dtype();
  check_param(weight, normalized_shape, dt, op, "weight", input);
  check_param(bias, normalized_shape, dt, op, "bias", input);
  RowGeom rg;
  rg.R = shape_numel(normalized_shape);
  rg.M = rg.R ? input.numel() / rg.R : 0;
  Tensor y = Tensor::empty(input.shape(), dt), mean = Tensor::empty({rg.M}, dt), invstd = Tensor::empty({rg.M}, dt);
  {
    const Tensor xc = contiguous_as(input.detach(), dt);
    const Tensor wc = weight.defined() ? contiguous_as(weight.detach(), dt) : Tensor();
    const Tensor bc = bias.defined() ? contiguous_as(bias.detach(), dt) : Tensor();
    dispatch_floating(dt, [&](auto tag) {
      using T = typename decltype(tag)::type;
      row_forward_kernel<T>(xc.data<T>(), y.data<T>(), wc.defined() ? wc.data<T>() : nullptr,
                            bc.defined() ? bc.data<T>() : nullptr, mean.data<T>(), invstd.data<T>(), nullptr, rg, eps);
    });
  }
  if (autograd::needs_grad({input, weight, bias})) {
    const Shape nshape = normalized_shape;
    autograd::record("LayerNormBackward", {input, weight, bias}, {y}, {input, weight, mean, invstd},
                     [rg, eps, nshape](const BackwardContext& ctx, const TensorList& gr) -> TensorList {
                       const Tensor& g = gr[0];
                       const Tensor x = ctx.saved(0);
                       if (autograd::GradMode::is_enabled()) {
                         std::vector<int64_t> lead;
                         for (int64_t d = 0; d < x.dim() - static_cast<int64_t>(nshape.size()); ++d) lead.push_back(d);
                         return row_norm_backward_composite(ctx, g, {rg.M, rg.R}, nshape, lead, nshape, eps);
                       }
                       return row_norm_backward_fused(ctx, g, rg, nshape);
                     });
  }
  return y;
}

// ---------------------------------------------------------------------------------------------
// group_norm / instance_norm

Tensor group_norm(const Tensor& input, int64_t num_groups, const Tensor& weight, const Tensor& bias, double eps) {
  const char* op = "group_norm";
  check_floating(input, op, "input");
  RT_CHECK(input.dim() >= 2, ValueError, op, ": expected an input of at least 2 dims (N, C, *), got input of shape ",
           shape_str(input.shape()));
  const int64_t C = input.size(1);
  RT_CHECK(num_groups > 0 && C % num_groups == 0, ValueError, op, ": expected the number of channels (", C,
           ") to be divisible by num_groups (", num_groups, "), input of shape ", shape_str(input.shape()));
  // torch's rule (F.group_norm's batch-size check): N * C / G times the spatial size must exceed 1
  const int64_t values = input.size(0) * C / num_groups * (input.size(0) * C != 0 ? input.numel() / (input.size(0) * C) : 0);
  RT_CHECK(values != 1, ValueError, op, ": expected more than 1 value per channel when training, got input of shape ",
           shape_str(input.shape()), " with num_groups ", num_groups);
  check_param(weight, {C}, input.dtype(), op, "weight", input);
  check_param(bias, {C}, input.dtype(), op, "bias", input);
  return group_norm_impl(input, num_groups, weight, bias, eps, op, "GroupNormBackward", nullptr);
}

Tensor instance_norm(const Tensor& input, const Tensor& running_mean, const Tensor& running_var, const Tensor& weight,
                     const Tensor& bias, bool use_input_stats, double momentum, double eps) {
  const char* op = "instance_norm";
  check_floating(input, op, "input");
  RT_CHECK(input.dim() >= 3, ValueError, op, ": expected an input of at least 3 dims (N, C, *spatial), got input of shape ",
           shape_str(input.shape()));
  const DType dt = input.dtype();
  const int64_t N = input.size(0), C = input.size(1);
  const int64_t S = N * C != 0 ? input.numel() / (N * C) : 0;
  check_param(running_mean, {C}, dt, op, "running_mean", input);
  check_param(running_var, {C}, dt, op, "running_var", input);
  check_param(weight, {C}, dt, op, "weight", input);
  check_param(bias, {C}, dt, op, "bias", input);
  if (!use_input_stats) {
    RT_CHECK(running_mean.defined() && running_var.defined(), ValueError, op,
             ": expected running_mean and running_var when use_input_stats=False");
    return batch_norm(input, running_mean, running_var, weight, bias, false, momentum, eps);
  }
  RT_CHECK(S > 1, ValueError, op, ": expected more than 1 spatial element when training, got input of shape ",
           shape_str(input.shape()));
  std::vector<double> row_var;
  const bool update = running_mean.defined() || running_var.defined();
  Tensor y = group_norm_impl(input, C, weight, bias, eps, op, "InstanceNormBackward", update ? &row_var : nullptr);
  if (update && N > 0) {
    // Instance statistics averaged over the batch.
    const Tensor xc = contiguous_as(input.detach(), dt);
    std::vector<double> m(static_cast<size_t>(C), 0.0), v(static_cast<size_t>(C), 0.0);
    dispatch_floating(dt, [&](auto tag) {
      using T = typename decltype(tag)::type;
      const T* p = xc.data<T>();
      for (int64_t n = 0; n < N; ++n)
        for (int64_t c = 0; c < C; ++c) {
          const T* q = p + (n * C + c) * S;
          m[c] += tsum<T>(S, [q](int64_t i) { return q[i]; }) / static_cast<double>(S);
          v[c] += row_var[n * C + c] * static_cast<double>(S) / static_cast<double>(S - 1);
        }
    });
    for (int64_t c = 0; c < C; ++c) {
      m[c] /= static_cast<double>(N);
      v[c] /= static_cast<double>(N);
    }
    update_running(running_mean, m, momentum);
    update_running(running_var, v, momentum);
  }
  return y;
}

}  // namespace rustorch::nn
