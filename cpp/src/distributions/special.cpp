// Special functions for rt.distributions: lgamma, digamma, trigamma, erfinv and the regularized
// incomplete gamma function, elementwise with their backward rules.
#include <cmath>
#include <limits>

#include "rustorch/autograd/function.hpp"
#include "rustorch/distributions/distributions.hpp"
#include "rustorch/distributions/special_math.hpp"
#include "rustorch/ops/copy.hpp"
#include "rustorch/ops/elementwise.hpp"
#include "rustorch/ops/iter.hpp"
#include "rustorch/ops/registry.hpp"

namespace rustorch::distributions {

using autograd::BackwardContext;

RT_REGISTER_OP("lgamma", true);
RT_REGISTER_OP("digamma", true);
RT_REGISTER_OP("trigamma", false);
RT_REGISTER_OP("erfinv", true);
RT_REGISTER_OP("gammainc", true);

// ---- Scalar functions ------------------------------------------------------------------------------------

namespace math {

double lgamma(double x) {
  int sign = 0;
  return ::lgamma_r(x, &sign);  // thread-safe (std::lgamma writes the global signgam)
}

double digamma(double x) {
  if (std::isnan(x) || x == -std::numeric_limits<double>::infinity()) return std::nan("");
  if (x == 0.0) return std::copysign(std::numeric_limits<double>::infinity(), -x);
  if (x < 0.0) {
    if (x == std::floor(x)) return std::nan("");
    // Reflection: psi(1 - x) - psi(x) = pi cot(pi x)
    return digamma(1.0 - x) - M_PI / std::tan(M_PI * x);
  }
  double r = 0.0;
  while (x < 10.0) r -= 1.0 / x, x += 1.0;
  const double f = 1.0 / (x * x);
  // Asymptotic series: ln x - 1/(2x) - sum B_2k / (2k x^2k)
  const double t =
      f * (-1.0 / 12 + f * (1.0 / 120 + f * (-1.0 / 252 + f * (1.0 / 240 + f * (-1.0 / 132 + f * (691.0 / 32760 +
                                                                                             f * (-1.0 / 12)))))));
  return r + std::log(x) - 0.5 / x + t;
}

double trigamma(double x) {
  if (std::isnan(x)) return x;
  if (x <= 0.0 && x == std::floor(x)) return std::numeric_limits<double>::infinity();
  if (x < 0.0) {  // psi1(1 - x) + psi1(x) = pi^2 / sin^2(pi x)
    const double s = std::sin(M_PI * x);
    return M_PI * M_PI / (s * s) - trigamma(1.0 - x);
  }
  double r = 0.0;
  while (x < 10.0) r += 1.0 / (x * x), x += 1.0;
  const double f = 1.0 / (x * x);
  // 1/x + 1/(2x^2) + sum B_2k / x^(2k+1)
  const double t = 1.0 / x + f / 2 +
                   f / x * (1.0 / 6 + f * (-1.0 / 30 + f * (1.0 / 42 + f * (-1.0 / 30 + f * (5.0 / 66 +
                                                                                      f * (-691.0 / 2730 + f * 7.0 / 6))))));
  return r + t;
}

double erfinv(double y) {
  if (std::isnan(y) || y < -1.0 || y > 1.0) return std::nan("");
  if (y == 1.0) return std::numeric_limits<double>::infinity();
  if (y == -1.0) return -std::numeric_limits<double>::infinity();
  // Giles (2010), "Approximating the erfinv function" (single precision), then Newton steps.
  double w = -std::log((1.0 - y) * (1.0 + y)), p;
  if (w < 5.0) {
    w -= 2.5;
    p = 2.81022636e-08;
    p = 3.43273939e-07 + p * w;
    p = -3.5233877e-06 + p * w;
    p = -4.39150654e-06 + p * w;
    p = 0.00021858087 + p * w;
    p = -0.00125372503 + p * w;
    p = -0.00417768164 + p * w;
    p = 0.246640727 + p * w;
    p = 1.50140941 + p * w;
  } else {
    w = std::sqrt(w) - 3.0;
    p = -0.000200214257;
    p = 0.000100950558 + p * w;
    p = 0.00134934322 + p * w;
    p = -0.00367342844 + p * w;
    p = 0.00573950773 + p * w;
    p = -0.0076224613 + p * w;
    p = 0.00943887047 + p * w;
    p = 1.00167406 + p * w;
    p = 2.83297682 + p * w;
  }
  double x = p * y;  // ~1e-7 relative for 1 - |y| > 1e-7; the Newton steps below make it exact
  const double k = 2.0 / std::sqrt(M_PI);
  if (std::abs(y) <= 0.5) {
    for (int i = 0; i < 2; ++i) x -= (std::erf(x) - y) / (k * std::exp(-x * x));
    return x;
  }
  // Tails: solve log erfc(t) = log(1 - |y|) for t = |x| (1 - |y| is exact there, and the log makes
  // Newton converge from the single-precision guess even at 1 - |y| ~ 1e-16).
  const double s = y < 0 ? -1.0 : 1.0, lq = std::log(1.0 - std::abs(y));
  double t = std::abs(x);
  for (int i = 0; i < 40; ++i) {
    const double e = std::erfc(t);
    if (!(e > 0.0)) break;
    const double dt = (std::log(e) - lq) / (-k * std::exp(-t * t) / e);
    t -= dt;
    if (std::abs(dt) <= 1e-16 * t) break;
  }
  x = s * t;
  return x;
}

// P(a, x) by its series (x < a + 1) or Q(a, x) by Lentz's continued fraction (Numerical Recipes 6.2).
double gammainc(double a, double x) {
  if (std::isnan(a) || std::isnan(x) || a <= 0.0 || x < 0.0) return std::nan("");
  if (x == 0.0) return 0.0;
  if (std::isinf(x)) return 1.0;
  const double lpre = a * std::log(x) - x - lgamma(a);
  if (x < a + 1.0) {
    double ap = a, sum = 1.0 / a, del = sum;
    for (int n = 0; n < 100000; ++n) {
      ap += 1.0;
      del *= x / ap;
      sum += del;
      if (std::abs(del) < std::abs(sum) * 1e-17) break;
    }
    return std::min(1.0, sum * std::exp(lpre));
  }
  constexpr double tiny = 1e-300;
  double b = x + 1.0 - a, c = 1.0 / tiny, d = 1.0 / b, h = d;
  for (int i = 1; i < 100000; ++i) {
    const double an = -i * (i - a);
    b += 2.0;
    d = an * d + b;
    if (std::abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (std::abs(c) < tiny) c = tiny;
    d = 1.0 / d;
    const double del = d * c;
    h *= del;
    if (std::abs(del - 1.0) < 1e-17) break;
  }
  return std::max(0.0, 1.0 - std::exp(lpre) * h);
}

double standard_gamma_grad(double a, double x) {
  if (!(a > 0.0) || !(x > 0.0) || std::isinf(x)) return 0.0;
  // dx/da = -(dP/da) / pdf, dP/da by a central difference (P is smooth in a).
  const double h = 1e-5 * std::max(1.0, a) * std::min(1.0, a);
  const double dp = (gammainc(a + h, x) - gammainc(a - h, x)) / (2.0 * h);
  const double logpdf = (a - 1.0) * std::log(x) - x - lgamma(a);
  const double pdf = std::exp(logpdf);
  if (!(pdf > 0.0) || !std::isfinite(dp)) return 0.0;
  return -dp / pdf;
}

}  // namespace math

// ---- Elementwise ops -------------------------------------------------------------------------------------

namespace {

DType float_dtype(const Tensor& x) { return is_floating(x.dtype()) ? x.dtype() : default_float_dtype(); }

// out = f(x) elementwise in double precision, in x's floating dtype.
template <class F> Tensor map_unary(const Tensor& x, F f) {
  const DType dt = float_dtype(x);
  const Tensor in = contiguous_as(x.detach(), dt);
  Tensor out = Tensor::empty(x.shape(), dt);
  dispatch_floating(dt, [&](auto tag) {
    using T = typename decltype(tag)::type;
    const T* p = in.data<T>();
    T* o = out.data<T>();
    parallel_for(out.numel(), 4096, [&](int64_t b, int64_t e) {
      for (int64_t i = b; i < e; ++i) o[i] = static_cast<T>(f(static_cast<double>(p[i])));
    });
  });
  return out;
}

}  // namespace

Tensor trigamma(const Tensor& x) { return map_unary(x, math::trigamma); }

Tensor digamma(const Tensor& x) {
  Tensor out = map_unary(x, math::digamma);
  if (autograd::needs_grad({x}))
    autograd::record("DigammaBackward", {x}, {out}, {x}, [](const BackwardContext& ctx, const TensorList& g) -> TensorList {
      return {mul(g[0], trigamma(ctx.saved(0)))};
    });
  return out;
}

Tensor lgamma(const Tensor& x) {
  Tensor out = map_unary(x, math::lgamma);
  if (autograd::needs_grad({x}))
    autograd::record("LgammaBackward", {x}, {out}, {x}, [](const BackwardContext& ctx, const TensorList& g) -> TensorList {
      return {mul(g[0], digamma(ctx.saved(0)))};
    });
  return out;
}

Tensor erfinv(const Tensor& x) {
  Tensor out = map_unary(x, math::erfinv);
  if (autograd::needs_grad({x}))
    autograd::record("ErfinvBackward", {x}, {out}, {out}, [](const BackwardContext& ctx, const TensorList& g) -> TensorList {
      // d erfinv(y) / dy = sqrt(pi) / 2 * exp(erfinv(y)^2)
      return {mul(g[0], mul(exp(square(ctx.saved(0))), Scalar(std::sqrt(M_PI) / 2.0)))};
    });
  return out;
}

Tensor gammainc(const Tensor& a, const Tensor& x) {
  const DType dt = promote_types(float_dtype(a), float_dtype(x));
  const Shape shape = broadcast_shapes(a.shape(), x.shape(), "gammainc");
  Tensor out = Tensor::empty(shape, dt);
  const Tensor ad = to_dtype(a.detach(), dt), xd = to_dtype(x.detach(), dt);
  dispatch_floating(dt, [&](auto tag) {
    using T = typename decltype(tag)::type;
    binary_loop<T, T, T>(out, ad, xd, [](T av, T xv) { return static_cast<T>(math::gammainc(av, xv)); });
  });
  if (autograd::needs_grad({x}))
    autograd::record("GammaincBackward", {a, x}, {out}, {a, x}, [](const BackwardContext& ctx, const TensorList& g) -> TensorList {
      RT_CHECK(!ctx.needs_input_grad(0), Error, "gammainc: the derivative with respect to a is not implemented");
      const Tensor av = ctx.saved(0).detach(), xv = ctx.saved(1);
      // dP/dx = x^(a-1) e^-x / Gamma(a)
      const Tensor logpdf = sub(sub(mul(sub(av, Scalar(1.0)), log(xv)), xv), lgamma(av));
      return {Tensor(), mul(g[0], exp(logpdf))};
    });
  return out;
}

Tensor standard_gamma_grad(const Tensor& alpha, const Tensor& x) {
  const DType dt = promote_types(float_dtype(alpha), float_dtype(x));
  const Shape shape = broadcast_shapes(alpha.shape(), x.shape(), "_standard_gamma_grad");
  Tensor out = Tensor::empty(shape, dt);
  const Tensor ad = to_dtype(alpha.detach(), dt), xd = to_dtype(x.detach(), dt);
  dispatch_floating(dt, [&](auto tag) {
    using T = typename decltype(tag)::type;
    binary_loop<T, T, T>(out, ad, xd, [](T av, T xv) { return static_cast<T>(math::standard_gamma_grad(av, xv)); });
  });
  return out;
}

}  // namespace rustorch::distributions
