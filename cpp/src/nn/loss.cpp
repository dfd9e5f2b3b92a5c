// Fused loss kernels. Inputs are viewed as (N, C, S) with S the product of the extra dims; rows
// (n, s) are processed in tiles of consecutive s so that loops over classes read contiguous
// memory. Each loss's backward is one fused kernel; under create_graph it is written with
// differentiable tensor ops instead, so second derivatives work.
#include "rustorch/nn/loss.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

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

RT_REGISTER_OP("cross_entropy", true);
RT_REGISTER_OP("nll_loss", true);
RT_REGISTER_OP("binary_cross_entropy_with_logits", true);

namespace {

struct ClassGeom {
  int64_t N = 0, C = 0, S = 1;
  int64_t rows() const { return N * S; }
};

ClassGeom class_geom(const Shape& s) {
  ClassGeom g;
  g.N = s[0];
  g.C = s[1];
  for (size_t d = 2; d < s.size(); ++d) g.S *= s[d];
  return g;
}

// Calls f(n, s0, s1) for the rows [r0, r1) grouped by sample.
template <class F> void for_tiles(int64_t r0, int64_t r1, int64_t S, F f) {
  int64_t r = r0;
  while (r < r1) {
    const int64_t n = r / S, s0 = r % S, s1 = std::min(S, s0 + (r1 - r));
    f(n, s0, s1);
    r += s1 - s0;
  }
}

int64_t row_grain(int64_t C) { return std::max<int64_t>(1, 8192 / std::max<int64_t>(C, 1)); }

// log sum_c exp(x[c]) of a contiguous row (explicit SIMD, fixed order).
template <class T> double row_lse(const T* x, int64_t C) {
  using simd::Vec;
  constexpr int V = simd::lanes<T>;
  int64_t c = 0;
  T m = -std::numeric_limits<T>::infinity();
  if (C >= 2 * V) {
    Vec<T> m0 = simd::load(x), m1 = simd::load(x + V);
    for (c = 2 * V; c + 2 * V <= C; c += 2 * V) {
      m0 = simd::vmax<T>(m0, simd::load(x + c));
      m1 = simd::vmax<T>(m1, simd::load(x + c + V));
    }
    m = simd::hmax<T>(simd::vmax<T>(m0, m1));
  }
  for (; c < C; ++c) m = x[c] > m ? x[c] : m;
  if (!std::isfinite(m)) {  // all -inf, or a +inf: the direct sum gives the limit (NaN stays NaN)
    double s = 0;
    for (int64_t k = 0; k < C; ++k) s += std::exp(static_cast<double>(x[k]));
    return std::log(s);
  }
  const Vec<T> mv = simd::splat<T>(m);
  Vec<T> s0{}, s1{};
  for (c = 0; c + 2 * V <= C; c += 2 * V) {
    s0 += simd::exp<T>(simd::load(x + c) - mv);
    s1 += simd::exp<T>(simd::load(x + c + V) - mv);
  }
  double s = static_cast<double>(simd::hsum<T>(s0 + s1));
  for (; c < C; ++c) s += static_cast<double>(simd::exp1<T>(x[c] - m));
  return static_cast<double>(m) + std::log(s);
}

// out[c] = sc * (exp(x[c] - l) * A - a * w[c]) (w null: w = 1) over a contiguous row.
template <class T> void row_softmax_grad(const T* x, T* out, int64_t C, T l, T sc, T A, T a, const T* w) {
  using simd::Vec;
  constexpr int V = simd::lanes<T>;
  const Vec<T> lv = simd::splat<T>(l), Av = simd::splat<T>(A), av = simd::splat<T>(a), sv = simd::splat<T>(sc);
  int64_t c = 0;
  for (; c + V <= C; c += V) {
    const Vec<T> wa = w ? av * simd::load(w + c) : av;
    simd::store(out + c, sv * (simd::exp<T>(simd::load(x + c) - lv) * Av - wa));
  }
  for (; c < C; ++c) out[c] = sc * (simd::exp1<T>(x[c] - l) * A - a * (w ? w[c] : T(1)));
}

// lse[j] = log sum_c exp(x[c * S + j]) for j < len (x points at position s0 of sample n);
// loops run over j. mx and se are scratch of len values.
template <class T> void tile_lse(const T* x, int64_t C, int64_t S, int64_t len, T* mx, T* se, double* lse) {
  if (S == 1) {
    lse[0] = row_lse(x, C);
    return;
  }
  for (int64_t j = 0; j < len; ++j) mx[j] = -std::numeric_limits<T>::infinity();
  for (int64_t c = 0; c < C; ++c) {
    const T* xc = x + c * S;
    for (int64_t j = 0; j < len; ++j) mx[j] = xc[j] > mx[j] ? xc[j] : mx[j];
  }
  for (int64_t j = 0; j < len; ++j) {
    se[j] = 0;
    if (!std::isfinite(mx[j])) mx[j] = 0;  // exp(x) directly for all -inf / +inf columns
  }
  constexpr int V = simd::lanes<T>;
  for (int64_t c = 0; c < C; ++c) {
    const T* xc = x + c * S;
    int64_t j = 0;
    for (; j + V <= len; j += V)
      simd::store(se + j, simd::load(se + j) + simd::exp<T>(simd::load(xc + j) - simd::load(mx + j)));
    for (; j < len; ++j) se[j] += simd::exp1<T>(xc[j] - mx[j]);
  }
  for (int64_t j = 0; j < len; ++j) lse[j] = static_cast<double>(mx[j]) + std::log(static_cast<double>(se[j]));
}

double ordered_sum(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return s;
}

Tensor reduce_rows(const std::vector<double>& loss, double denom, Reduction red, const Shape& none_shape, DType dt) {
  if (red == Reduction::None) {
    Tensor out = Tensor::empty(none_shape, dt);
    dispatch_floating(dt, [&](auto tag) {
      using T = typename decltype(tag)::type;
      T* o = out.data<T>();
      for (size_t i = 0; i < loss.size(); ++i) o[i] = static_cast<T>(loss[i]);
    });
    return out;
  }
  Tensor out = Tensor::empty({}, dt);
  double total = ordered_sum(loss);
  if (red == Reduction::Mean) total /= denom;
  dispatch_floating(dt, [&](auto tag) {
    using T = typename decltype(tag)::type;
    out.data<T>()[0] = static_cast<T>(total);
  });
  return out;
}

// Gradient scale per row: g[r] (reduction none) or the scalar g (times 1/denom for mean).
struct GradScale {
  const void* vec = nullptr;
  double scalar = 0;
  template <class T> double at(int64_t r) const { return vec ? static_cast<double>(static_cast<const T*>(vec)[r]) : scalar; }
};

GradScale grad_scale(const Tensor& gc, Reduction red, double denom) {
  GradScale s;
  if (red == Reduction::None) {
    s.vec = gc.raw_data();
  } else {
    dispatch_floating(gc.dtype(), [&](auto tag) {
      using T = typename decltype(tag)::type;
      s.scalar = static_cast<double>(gc.data<T>()[0]);
    });
    if (red == Reduction::Mean) s.scalar /= denom;
  }
  return s;
}

// The gradient scale as a tensor broadcastable to (N, C, *) (for the composite backward).
Tensor grad_scale_tensor(const Tensor& g, Reduction red, double denom) {
  if (red == Reduction::None) return unsqueeze(g, 1);
  return red == Reduction::Mean ? div(g, Scalar(denom)) : g;
}

Shape class_view(int64_t dim, int64_t C) {
  Shape s(static_cast<size_t>(dim), 1);
  s[1] = C;
  return s;
}

// log_softmax(x) along dim 1 with differentiable ops, shifted by the saved (constant) lse.
Tensor composite_log_softmax(const Tensor& x, const Tensor& lse_rows) {
  const Tensor shifted = sub(x, unsqueeze(lse_rows, 1));
  return sub(shifted, log(sum(exp(shifted), {1}, true)));
}

// ---------------------------------------------------------------------------------------------
// Cross entropy with class-index targets

// Per row: a_c = (1 - ls) w_y [c == y] + ls / C w_c, A = sum_c a_c (0 for ignored rows).
// Fills the constant tensors a (N, C, *) and A (N, 1, *) used by the composite backward.
template <class T>
void index_coefficients(const int64_t* y, const T* w, const ClassGeom& g, int64_t ignore, double ls, double wsum,
                        T* a, T* A) {
  const int64_t C = g.C, S = g.S;
  for (int64_t n = 0; n < g.N; ++n)
    for (int64_t s = 0; s < S; ++s) {
      const int64_t r = n * S + s, yi = y[r];
      const bool ign = yi == ignore;
      const double wy = ign ? 0.0 : (w ? static_cast<double>(w[yi]) : 1.0);
      for (int64_t c = 0; c < C; ++c) {
        double v = ign ? 0.0 : ls / static_cast<double>(C) * (w ? static_cast<double>(w[c]) : 1.0);
        if (!ign && c == yi) v += (1.0 - ls) * wy;
        a[(n * C + c) * S + s] = static_cast<T>(v);
      }
      A[r] = static_cast<T>(ign ? 0.0 : (1.0 - ls) * wy + ls / static_cast<double>(C) * wsum);
    }
}

void check_targets(const Tensor& t, int64_t C, int64_t ignore, const char* op) {
  const int64_t* y = t.data<int64_t>();
  for (int64_t i = 0; i < t.numel(); ++i)
    RT_CHECK(y[i] == ignore || (y[i] >= 0 && y[i] < C), IndexError, op, ": target ", y[i],
             " is out of bounds for ", C, " classes");
}

double class_weight_sum(const Tensor& w, int64_t C) {
  if (!w.defined()) return static_cast<double>(C);
  double s = 0;
  dispatch_floating(w.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    for (int64_t c = 0; c < C; ++c) s += static_cast<double>(w.data<T>()[c]);
  });
  return s;
}

Tensor ce_index(const Tensor& x, const Tensor& target, const Tensor& weight, int64_t ignore, Reduction red, double ls) {
  const ClassGeom g = class_geom(x.shape());
  const DType dt = x.dtype();
  const Tensor xc = contiguous_as(x.detach(), dt), t = contiguous_as(target.detach(), DType::Int64);
  const Tensor w = weight.defined() ? contiguous_as(weight.detach(), dt) : Tensor();
  check_targets(t, g.C, ignore, "cross_entropy");
  const double wsum = ls > 0 ? class_weight_sum(w, g.C) : 0.0;
  Tensor lse = Tensor::empty(t.shape(), dt);
  std::vector<double> loss(static_cast<size_t>(g.rows())), wrow(static_cast<size_t>(g.rows()));
  dispatch_floating(dt, [&](auto tag) {
    using T = typename decltype(tag)::type;
    const T* xp = xc.data<T>();
    const T* wp = w.defined() ? w.data<T>() : nullptr;
    const int64_t* y = t.data<int64_t>();
    T* lp = lse.data<T>();
    const int64_t C = g.C, S = g.S;
    parallel_for(g.rows(), row_grain(C), [&](int64_t r0, int64_t r1) {
      const size_t len = static_cast<size_t>(std::min(S, r1 - r0) + 1);
      std::vector<T> mx(len), se(len);
      std::vector<double> l(len);
      for_tiles(r0, r1, S, [&](int64_t n, int64_t s0, int64_t s1) {
        const T* xn = xp + n * C * S + s0;
        tile_lse(xn, C, S, s1 - s0, mx.data(), se.data(), l.data());
        for (int64_t j = 0; j < s1 - s0; ++j) {
          const int64_t r = n * S + s0 + j, yi = y[r];
          lp[r] = static_cast<T>(l[j]);
          if (yi == ignore) {
            loss[r] = 0;
            wrow[r] = 0;
            continue;
          }
          const double wy = wp ? static_cast<double>(wp[yi]) : 1.0;
          double v = wy * (l[j] - static_cast<double>(xn[yi * S + j]));
          if (ls > 0) {
            double sm = 0;
            for (int64_t c = 0; c < C; ++c)
              sm += (wp ? static_cast<double>(wp[c]) : 1.0) * (l[j] - static_cast<double>(xn[c * S + j]));
            v = (1.0 - ls) * v + ls / static_cast<double>(C) * sm;
          }
          loss[r] = v;
          wrow[r] = wy;
        }
      });
    });
  });
  const double denom = ordered_sum(wrow);
  Tensor out = reduce_rows(loss, denom, red, t.shape(), dt);
  if (autograd::needs_grad({x})) {
    autograd::record("CrossEntropyBackward", {x}, {out}, {x, t, lse, w},
                     [g, ignore, red, ls, wsum, denom](const BackwardContext& ctx, const TensorList& gr) -> TensorList {
                       const Tensor x = ctx.saved(0), t = ctx.saved(1), lse = ctx.saved(2), w = ctx.saved(3);
                       const DType dt = gr[0].dtype();
                       if (autograd::GradMode::is_enabled()) {
                         Tensor a = Tensor::empty(x.shape(), dt), A = Tensor::empty(unsqueeze(lse, 1).shape(), dt);
                         dispatch_floating(dt, [&](auto tag) {
                           using T = typename decltype(tag)::type;
                           index_coefficients<T>(t.data<int64_t>(), w.defined() ? w.data<T>() : nullptr, g, ignore, ls,
                                                 wsum, a.data<T>(), A.data<T>());
                         });
                         const Tensor p = exp(composite_log_softmax(x, lse));
                         return {mul(grad_scale_tensor(gr[0], red, denom), sub(mul(p, A), a))};
                       }
                       const Tensor gc = contiguous_as(gr[0].detach(), dt), xc = contiguous_as(x.detach(), dt);
                       const GradScale gs = grad_scale(gc, red, denom);
                       Tensor gx = Tensor::empty(x.shape(), dt);
                       dispatch_floating(dt, [&](auto tag) {
                         using T = typename decltype(tag)::type;
                         const T* xp = xc.data<T>();
                         const T* lp = lse.data<T>();
                         const T* wp = w.defined() ? w.data<T>() : nullptr;
                         const int64_t* y = t.data<int64_t>();
                         T* o = gx.data<T>();
                         const int64_t C = g.C, S = g.S;
                         const double lsc = ls / static_cast<double>(C);
                         parallel_for(g.rows(), row_grain(C), [&](int64_t r0, int64_t r1) {
                           if (S == 1) {  // contiguous rows: vectorize over classes
                             for (int64_t r = r0; r < r1; ++r) {
                               const int64_t yi = y[r];
                               T* orow = o + r * C;
                               if (yi == ignore) {
                                 std::fill(orow, orow + C, T(0));
                                 continue;
                               }
                               const T* xr = xp + r * C;
                               const double wy = wp ? static_cast<double>(wp[yi]) : 1.0;
                               const T sc = static_cast<T>(gs.at<T>(r)), l = lp[r];
                               const T A = static_cast<T>((1.0 - ls) * wy + lsc * wsum);
                               row_softmax_grad<T>(xr, orow, C, l, sc, A, static_cast<T>(ls > 0 ? lsc : 0.0),
                                                   ls > 0 ? wp : nullptr);
                               orow[yi] -= static_cast<T>(static_cast<double>(sc) * (1.0 - ls) * wy);
                             }
                             return;
                           }
                           const size_t len = static_cast<size_t>(std::min(S, r1 - r0));
                           std::vector<T> sc(len), lv(len), Av(len);
                           for_tiles(r0, r1, S, [&](int64_t n, int64_t s0, int64_t s1) {
                             const int64_t m = s1 - s0;
                             for (int64_t j = 0; j < m; ++j) {
                               const int64_t r = n * S + s0 + j, yi = y[r];
                               const bool ign = yi == ignore;
                               const double wy = ign ? 0.0 : (wp ? static_cast<double>(wp[yi]) : 1.0);
                               sc[j] = ign ? T(0) : static_cast<T>(gs.at<T>(r));
                               lv[j] = lp[r];
                               Av[j] = static_cast<T>((1.0 - ls) * wy + lsc * wsum);
                             }
                             const T* xt = xp + n * C * S + s0;
                             T* ot = o + n * C * S + s0;
                             // gx = s * (softmax * A - ls/C * w_c), vectorized over the tile
                             for (int64_t c = 0; c < C; ++c) {
                               const T ac = ls > 0 ? static_cast<T>(lsc * (wp ? static_cast<double>(wp[c]) : 1.0)) : T(0);
                               const T* xc = xt + c * S;
                               T* oc = ot + c * S;
                               for (int64_t j = 0; j < m; ++j) oc[j] = sc[j] * (simd::exp1<T>(xc[j] - lv[j]) * Av[j] - ac);
                             }
                             // minus s * (1 - ls) * w_y at the target class
                             for (int64_t j = 0; j < m; ++j) {
                               const int64_t r = n * S + s0 + j, yi = y[r];
                               if (yi == ignore) continue;
                               const double wy = wp ? static_cast<double>(wp[yi]) : 1.0;
                               ot[yi * S + j] -= static_cast<T>(static_cast<double>(sc[j]) * (1.0 - ls) * wy);
                             }
                           });
                         });
                       });
                       return {gx};
                     });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Cross entropy with class-probability targets

Tensor ce_prob(const Tensor& x, const Tensor& target, const Tensor& weight, Reduction red, double ls) {
  const ClassGeom g = class_geom(x.shape());
  const DType dt = x.dtype();
  const Tensor xc = contiguous_as(x.detach(), dt), tc = contiguous_as(target.detach(), dt);
  const Tensor w = weight.defined() ? contiguous_as(weight.detach(), dt) : Tensor();
  Shape row_shape{g.N};
  for (int64_t d = 2; d < x.dim(); ++d) row_shape.push_back(x.size(d));
  Tensor lse = Tensor::empty(row_shape, dt);
  std::vector<double> loss(static_cast<size_t>(g.rows()));
  const double lsc = ls / static_cast<double>(g.C);
  dispatch_floating(dt, [&](auto tag) {
    using T = typename decltype(tag)::type;
    const T* xp = xc.data<T>();
    const T* tp = tc.data<T>();
    const T* wp = w.defined() ? w.data<T>() : nullptr;
    T* lp = lse.data<T>();
    const int64_t C = g.C, S = g.S;
    parallel_for(g.rows(), row_grain(C), [&](int64_t r0, int64_t r1) {
      const size_t len = static_cast<size_t>(std::min(S, r1 - r0) + 1);
      std::vector<T> mx(len), se(len);
      std::vector<double> l(len);
      for_tiles(r0, r1, S, [&](int64_t n, int64_t s0, int64_t s1) {
        const T* xn = xp + n * C * S + s0;
        const T* tn = tp + n * C * S + s0;
        tile_lse(xn, C, S, s1 - s0, mx.data(), se.data(), l.data());
        for (int64_t j = 0; j < s1 - s0; ++j) {
          const int64_t r = n * S + s0 + j;
          lp[r] = static_cast<T>(l[j]);
          double v = 0;
          for (int64_t c = 0; c < C; ++c) {
            const double tt = static_cast<double>(tn[c * S + j]) * (1.0 - ls) + lsc;
            v += (wp ? static_cast<double>(wp[c]) : 1.0) * tt * (l[j] - static_cast<double>(xn[c * S + j]));
          }
          loss[r] = v;
        }
      });
    });
  });
  const double denom = static_cast<double>(g.rows());
  Tensor out = reduce_rows(loss, denom, red, row_shape, dt);
  if (autograd::needs_grad({x, target})) {
    autograd::record("CrossEntropyBackward", {x, target}, {out}, {x, target, lse, w},
                     [g, red, ls, denom](const BackwardContext& ctx, const TensorList& gr) -> TensorList {
                       const Tensor x = ctx.saved(0), t = ctx.saved(1), lse = ctx.saved(2), w = ctx.saved(3);
                       const DType dt = gr[0].dtype();
                       TensorList r(2);
                       if (autograd::GradMode::is_enabled()) {
                         const Tensor gs = grad_scale_tensor(gr[0], red, denom);
                         const Tensor wb = w.defined() ? reshape(w, class_view(x.dim(), g.C)) : Tensor();
                         const Tensor logp = composite_log_softmax(x, lse);
                         if (ctx.needs_input_grad(0)) {
                           Tensor a = ls > 0 ? add(mul(t, Scalar(1.0 - ls)), Scalar(ls / static_cast<double>(g.C))) : t;
                           if (wb.defined()) a = mul(a, wb);
                           r[0] = mul(gs, sub(mul(exp(logp), sum(a, {1}, true)), a));
                         }
                         if (ctx.needs_input_grad(1)) {
                           Tensor v = mul(mul(gs, logp), Scalar(ls - 1.0));
                           r[1] = wb.defined() ? mul(v, wb) : v;
                         }
                         return r;
                       }
                       const Tensor gc = contiguous_as(gr[0].detach(), dt), xc = contiguous_as(x.detach(), dt),
                                    tc = contiguous_as(t.detach(), dt);
                       const GradScale gs = grad_scale(gc, red, denom);
                       if (ctx.needs_input_grad(0)) r[0] = Tensor::empty(x.shape(), dt);
                       if (ctx.needs_input_grad(1)) r[1] = Tensor::empty(x.shape(), dt);
                       dispatch_floating(dt, [&](auto tag) {
                         using T = typename decltype(tag)::type;
                         const T* xp = xc.data<T>();
                         const T* tp = tc.data<T>();
                         const T* lp = lse.data<T>();
                         const T* wp = w.defined() ? w.data<T>() : nullptr;
                         T* gx = r[0].defined() ? r[0].data<T>() : nullptr;
                         T* gt = r[1].defined() ? r[1].data<T>() : nullptr;
                         const int64_t C = g.C, S = g.S;
                         const double lsc = ls / static_cast<double>(C);
                         parallel_for(g.rows(), row_grain(C), [&](int64_t r0, int64_t r1) {
                           for (int64_t row = r0; row < r1; ++row) {
                             const int64_t n = row / S, s = row % S, base = n * C * S + s;
                             const double sc = gs.at<T>(row), l = static_cast<double>(lp[row]);
                             double A = 0;
                             for (int64_t c = 0; c < C; ++c)
                               A += (wp ? static_cast<double>(wp[c]) : 1.0) *
                                    (static_cast<double>(tp[base + c * S]) * (1.0 - ls) + lsc);
                             for (int64_t c = 0; c < C; ++c) {
                               const int64_t i = base + c * S;
                               const double wc = wp ? static_cast<double>(wp[c]) : 1.0;
                               const double xv = static_cast<double>(xp[i]);
                               if (gx) {
                                 const double a = wc * (static_cast<double>(tp[i]) * (1.0 - ls) + lsc);
                                 gx[i] = static_cast<T>(sc * (std::exp(xv - l) * A - a));
                               }
                               if (gt) gt[i] = static_cast<T>(sc * (1.0 - ls) * wc * (l - xv));
                             }
                           }
                         });
                       });
                       return r;
                     });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Negative log likelihood

Tensor nll(const Tensor& x, const Tensor& target, const Tensor& weight, int64_t ignore, Reduction red) {
  const ClassGeom g = class_geom(x.shape());
  const DType dt = x.dtype();
  const Tensor xc = contiguous_as(x.detach(), dt), t = contiguous_as(target.detach(), DType::Int64);
  const Tensor w = weight.defined() ? contiguous_as(weight.detach(), dt) : Tensor();
  check_targets(t, g.C, ignore, "nll_loss");
  std::vector<double> loss(static_cast<size_t>(g.rows())), wrow(static_cast<size_t>(g.rows()));
  dispatch_floating(dt, [&](auto tag) {
    using T = typename decltype(tag)::type;
    const T* xp = xc.data<T>();
    const T* wp = w.defined() ? w.data<T>() : nullptr;
    const int64_t* y = t.data<int64_t>();
    for (int64_t r = 0; r < g.rows(); ++r) {
      const int64_t n = r / g.S, s = r % g.S, yi = y[r];
      if (yi == ignore) {
        loss[r] = wrow[r] = 0;
        continue;
      }
      const double wy = wp ? static_cast<double>(wp[yi]) : 1.0;
      loss[r] = -wy * static_cast<double>(xp[(n * g.C + yi) * g.S + s]);
      wrow[r] = wy;
    }
  });
  const double denom = ordered_sum(wrow);
  Tensor out = reduce_rows(loss, denom, red, t.shape(), dt);
  if (autograd::needs_grad({x})) {
    autograd::record("NllLossBackward", {x}, {out}, {t, w},
                     [g, ignore, red, denom](const BackwardContext& ctx, const TensorList& gr) -> TensorList {
                       const Tensor t = ctx.saved(0), w = ctx.saved(1);
                       const DType dt = gr[0].dtype();
                       const int64_t* y = t.data<int64_t>();
                       const Shape xshape = ctx.input_meta(0).shape;
                       if (autograd::GradMode::is_enabled()) {
                         Tensor a = Tensor::empty(xshape, dt);
                         dispatch_floating(dt, [&](auto tag) {
                           using T = typename decltype(tag)::type;
                           const T* wp = w.defined() ? w.data<T>() : nullptr;
                           T* ap = a.data<T>();
                           std::fill(ap, ap + a.numel(), T(0));
                           for (int64_t r = 0; r < g.rows(); ++r)
                             if (y[r] != ignore)
                               ap[(r / g.S * g.C + y[r]) * g.S + r % g.S] = static_cast<T>(wp ? -static_cast<double>(wp[y[r]]) : -1.0);
                         });
                         return {mul(grad_scale_tensor(gr[0], red, denom), a)};
                       }
                       const Tensor gc = contiguous_as(gr[0].detach(), dt);
                       const GradScale gs = grad_scale(gc, red, denom);
                       Tensor gx = Tensor::empty(xshape, dt);
                       dispatch_floating(dt, [&](auto tag) {
                         using T = typename decltype(tag)::type;
                         const T* wp = w.defined() ? w.data<T>() : nullptr;
                         T* o = gx.data<T>();
                         std::fill(o, o + gx.numel(), T(0));
                         for (int64_t r = 0; r < g.rows(); ++r)
                           if (y[r] != ignore)
                             o[(r / g.S * g.C + y[r]) * g.S + r % g.S] =
                                 static_cast<T>(-gs.at<T>(r) * (wp ? static_cast<double>(wp[y[r]]) : 1.0));
                       });
                       return {gx};
                     });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Argument checks shared by cross_entropy and nll_loss

Shape index_target_shape(const Tensor& input) {
  if (input.dim() == 1) return {};
  Shape s{input.size(0)};
  for (int64_t d = 2; d < input.dim(); ++d) s.push_back(input.size(d));
  return s;
}

void check_class_weight(const Tensor& weight, const Tensor& input, int64_t C, const char* op) {
  if (!weight.defined()) return;
  check_same_dtype(weight, input.dtype(), op, "weight");
  RT_CHECK(weight.dim() == 1 && weight.size(0) == C, ValueError, op,
           ": weight should be defined for all ", C, " classes (shape (", C, ",)), got weight of shape ",
           shape_str(weight.shape()));
}

void check_index_target(const Tensor& target, const Tensor& input, const char* op) {
  const Shape want = index_target_shape(input);
  RT_CHECK(target.dtype() == DType::Int64, TypeError, op, ": expected a target of dtype int64 (class indices)",
           std::string(op) == "cross_entropy" ? " or a floating target of the input's shape (class probabilities)" : "",
           ", got ", describe(target), " for input of shape ", shape_str(input.shape()));
  if (input.dim() >= 2 && target.dim() >= 1 && target.size(0) != input.size(0))
    RT_THROW(ValueError, op, ": expected input batch_size (", input.size(0), ") to match target batch_size (",
             target.size(0), ")");
  RT_CHECK(target.shape() == want, ValueError, op, ": expected target of shape ", shape_str(want),
           " for input of shape ", shape_str(input.shape()), ", got target of shape ", shape_str(target.shape()));
}

}  // namespace

Tensor cross_entropy(const Tensor& input, const Tensor& target, const Tensor& weight, int64_t ignore_index,
                     const std::string& reduction, double label_smoothing) {
  const char* op = "cross_entropy";
  check_floating(input, op, "input");
  RT_CHECK(target.defined(), ValueError, op, ": target is required");
  RT_CHECK(input.dim() >= 1, ValueError, op, ": expected an input of shape (C,) or (N, C, *), got a 0-d tensor");
  const Reduction red = parse_reduction(reduction, op);
  RT_CHECK(label_smoothing >= 0.0 && label_smoothing <= 1.0, ValueError, op,
           ": label_smoothing must be between 0.0 and 1.0, got ", label_smoothing);
  const bool unbatched = input.dim() == 1;
  const int64_t C = unbatched ? input.size(0) : input.size(1);
  check_class_weight(weight, input, C, op);
  const Tensor x = unbatched ? unsqueeze(input, 0) : input;
  Tensor out;
  if (is_floating(target.dtype())) {
    if (target.shape() != input.shape()) {
      // A floating target shaped like class indices is almost surely indices of the wrong dtype.
      RT_CHECK(target.shape() != index_target_shape(input), TypeError, op,
               ": expected a target of dtype int64 (class indices), got ", describe(target), " for input of shape ",
               shape_str(input.shape()), "; class-probability targets must have the input's shape");
      RT_THROW(ValueError, op, ": class-probability targets must have the input's shape ", shape_str(input.shape()),
               ", got target of shape ", shape_str(target.shape()));
    }
    check_same_dtype(target, input.dtype(), op, "target");
    RT_CHECK(ignore_index < 0, ValueError, op, ": ignore_index is not supported for floating point target");
    out = ce_prob(x, unbatched ? unsqueeze(target, 0) : target, weight, red, label_smoothing);
  } else {
    check_index_target(target, input, op);
    out = ce_index(x, unbatched ? unsqueeze(target, 0) : target, weight, ignore_index, red, label_smoothing);
  }
  return unbatched && red == Reduction::None ? squeeze(out, {0}) : out;
}

Tensor nll_loss(const Tensor& input, const Tensor& target, const Tensor& weight, int64_t ignore_index,
                const std::string& reduction) {
  const char* op = "nll_loss";
  check_floating(input, op, "input");
  RT_CHECK(target.defined(), ValueError, op, ": target is required");
  RT_CHECK(input.dim() >= 1, ValueError, op, ": expected an input of shape (C,) or (N, C, *), got a 0-d tensor");
  const Reduction red = parse_reduction(reduction, op);
  const bool unbatched = input.dim() == 1;
  const int64_t C = unbatched ? input.size(0) : input.size(1);
  check_class_weight(weight, input, C, op);
  check_index_target(target, input, op);
  const Tensor out = nll(unbatched ? unsqueeze(input, 0) : input, unbatched ? unsqueeze(target, 0) : target, weight,
                         ignore_index, red);
  return unbatched && red == Reduction::None ? squeeze(out, {0}) : out;
}

// ---------------------------------------------------------------------------------------------
// Binary cross entropy with logits

Tensor binary_cross_entropy_with_logits(const Tensor& input, const Tensor& target, const Tensor& weight,
                                        const Tensor& pos_weight, const std::string& reduction) {
  const char* op = "binary_cross_entropy_with_logits";
  check_floating(input, op, "input");
  RT_CHECK(target.defined(), ValueError, op, ": target is required");
  RT_CHECK(is_floating(target.dtype()), TypeError, op, ": expected a floating-point target, got ", describe(target));
  RT_CHECK(target.shape() == input.shape(), ValueError, op, ": target size ", shape_str(target.shape()),
           " must be the same as input size ", shape_str(input.shape()));
  check_same_dtype(target, input.dtype(), op, "target");
  check_same_dtype(weight, input.dtype(), op, "weight");
  check_same_dtype(pos_weight, input.dtype(), op, "pos_weight");
  const Reduction red = parse_reduction(reduction, op);
  const DType dt = input.dtype();
  const Shape& shape = input.shape();
  auto broadcast_to_input = [&](const Tensor& t, const char* what) -> Tensor {
    if (!t.defined()) return Tensor();
    RT_CHECK(broadcast_shapes(t.shape(), shape, op) == shape, ValueError, op, ": ", what, " of shape ",
             shape_str(t.shape()), " cannot be broadcast to the input's shape ", shape_str(shape));
    return contiguous_as(expand(t.detach(), shape), dt);
  };
  const Tensor xc = contiguous_as(input.detach(), dt), tc = contiguous_as(target.detach(), dt);
  const Tensor wc = broadcast_to_input(weight, "weight"), pc = broadcast_to_input(pos_weight, "pos_weight");
  const int64_t n = input.numel();
  Tensor elem = Tensor::empty(shape, dt);
  std::vector<double> part;
  dispatch_floating(dt, [&](auto tag) {
    using T = typename decltype(tag)::type;
    const T* x = xc.data<T>();
    const T* t = tc.data<T>();
    const T* w = wc.defined() ? wc.data<T>() : nullptr;
    const T* pw = pc.defined() ? pc.data<T>() : nullptr;
    T* o = elem.data<T>();
    parallel_for(n, 16384, [&](int64_t i0, int64_t i1) {
      for (int64_t i = i0; i < i1; ++i) {
        const double xv = static_cast<double>(x[i]), tv = static_cast<double>(t[i]);
        const double sp = std::log1p(std::exp(-std::abs(xv))) + std::max(-xv, 0.0);
        const double lw = pw ? 1.0 + (static_cast<double>(pw[i]) - 1.0) * tv : 1.0;
        double l = (1.0 - tv) * xv + lw * sp;
        if (w) l *= static_cast<double>(w[i]);
        o[i] = static_cast<T>(l);
      }
    });
    if (red != Reduction::None) {
      part.resize(static_cast<size_t>(n));
      for (int64_t i = 0; i < n; ++i) part[i] = static_cast<double>(o[i]);
    }
  });
  const double denom = static_cast<double>(n);
  Tensor out = red == Reduction::None ? elem : reduce_rows(part, denom, red, {}, dt);
  if (autograd::needs_grad({input, target, weight, pos_weight})) {
    autograd::record(
        "BinaryCrossEntropyWithLogitsBackward", {input, target, weight, pos_weight}, {out},
        {input, target, weight, pos_weight}, [red, denom](const BackwardContext& ctx, const TensorList& gr) -> TensorList {
          const Tensor x = ctx.saved(0), t = ctx.saved(1), w = ctx.saved(2), pw = ctx.saved(3);
          const DType dt = gr[0].dtype();
          TensorList r(4);
          if (autograd::GradMode::is_enabled() || ctx.needs_input_grad(2) || ctx.needs_input_grad(3)) {
            const Tensor gs = red == Reduction::None ? gr[0] : red == Reduction::Mean ? div(gr[0], Scalar(denom)) : gr[0];
            const Tensor ax = abs(x);
            const Tensor sp = add(log(add(exp(neg(ax)), Scalar(1.0))), mul(sub(ax, x), Scalar(0.5)));
            const Tensor lw = pw.defined() ? add(mul(sub(pw, Scalar(1.0)), t), Scalar(1.0)) : Tensor();
            const Tensor gsw = w.defined() ? mul(gs, w) : gs;
            if (ctx.needs_input_grad(0)) {
              const Tensor sig_neg = exp(neg(add(sp, x)));  // sigmoid(-x) = exp(-softplus(x))
              r[0] = mul(gsw, sub(rsub(t, Scalar(1.0)), lw.defined() ? mul(lw, sig_neg) : sig_neg));
            }
            if (ctx.needs_input_grad(1))
              r[1] = mul(gsw, pw.defined() ? sub(mul(sub(pw, Scalar(1.0)), sp), x) : neg(x));
            if (ctx.needs_input_grad(2))
              r[2] = mul(gs, add(mul(rsub(t, Scalar(1.0)), x), lw.defined() ? mul(lw, sp) : sp));
            if (ctx.needs_input_grad(3)) r[3] = mul(mul(gsw, t), sp);
            return r;
          }
          const Shape& shape = x.shape();
          auto bc = [&](const Tensor& v) { return v.defined() ? contiguous_as(expand(v.detach(), shape), dt) : Tensor(); };
          const Tensor xc = contiguous_as(x.detach(), dt), tc = contiguous_as(t.detach(), dt), wc = bc(w), pc = bc(pw);
          const Tensor gc = contiguous_as(gr[0].detach(), dt);
          const GradScale gs = grad_scale(gc, red, denom);
          if (ctx.needs_input_grad(0)) r[0] = Tensor::empty(shape, dt);
          if (ctx.needs_input_grad(1)) r[1] = Tensor::empty(shape, dt);
          dispatch_floating(dt, [&](auto tag) {
            using T = typename decltype(tag)::type;
            const T* xp = xc.data<T>();
            const T* tp = tc.data<T>();
            const T* wp = wc.defined() ? wc.data<T>() : nullptr;
            const T* pp = pc.defined() ? pc.data<T>() : nullptr;
            T* gx = r[0].defined() ? r[0].data<T>() : nullptr;
            T* gt = r[1].defined() ? r[1].data<T>() : nullptr;
            parallel_for(xc.numel(), 16384, [&](int64_t i0, int64_t i1) {
              for (int64_t i = i0; i < i1; ++i) {
                const double xv = static_cast<double>(xp[i]), tv = static_cast<double>(tp[i]);
                const double s = gs.at<T>(i) * (wp ? static_cast<double>(wp[i]) : 1.0);
                const double pwv = pp ? static_cast<double>(pp[i]) : 1.0;
                if (gx) {
                  const double e = std::exp(-std::abs(xv));
                  const double sig_neg = xv >= 0 ? e / (1.0 + e) : 1.0 / (1.0 + e);
                  gx[i] = static_cast<T>(s * ((1.0 - tv) - (1.0 + (pwv - 1.0) * tv) * sig_neg));
                }
                if (gt) {
                  const double sp = std::log1p(std::exp(-std::abs(xv))) + std::max(-xv, 0.0);
                  gt[i] = static_cast<T>(s * ((pwv - 1.0) * sp - xv));
                }
              }
            });
          });
          return r;
        });
  }
  return out;
}

}  // namespace rustorch::nn
