// Samplers for rt.distributions: bernoulli, poisson, binomial, multinomial and the standard gamma
// (with its implicit reparameterisation gradient).
//
// Fixed-cost draws come from rt.rand's chunked streams. Rejection samplers use a variable number of
// draws per element, so element i gets its own xoshiro stream seeded from the i-th value of one
// random_ draw: the values depend only on the generator's state, and elements run in parallel.
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

#include "rustorch/autograd/function.hpp"
#include "rustorch/core/parallel.hpp"
#include "rustorch/distributions/distributions.hpp"
#include "rustorch/distributions/special_math.hpp"
#include "rustorch/ops/copy.hpp"
#include "rustorch/ops/elementwise.hpp"
#include "rustorch/ops/factory.hpp"
#include "rustorch/ops/iter.hpp"
#include "rustorch/ops/registry.hpp"
#include "rustorch/ops/shape.hpp"

namespace rustorch::distributions {

using autograd::BackwardContext;

RT_REGISTER_OP("bernoulli", false);
RT_REGISTER_OP("poisson", false);
RT_REGISTER_OP("binomial", false);
RT_REGISTER_OP("multinomial", false);
// Differentiable in alpha, but by implicit reparameterisation, which finite differences of a
// rejection sampler do not measure: its gradient is checked in tests/test_distributions.py against
// the derivative of the inverse CDF instead of by the gradcheck sweep.
RT_REGISTER_OP("_standard_gamma", false);

namespace {

DType float_dtype(const Tensor& x) { return is_floating(x.dtype()) ? x.dtype() : default_float_dtype(); }

// One seed per element for the per-element streams.
Tensor element_seeds(int64_t n, Generator* gen) {
  Tensor seeds = Tensor::empty({n}, DType::Int64);
  if (n > 0) random_(seeds, 0, std::nullopt, gen);
  return seeds;
}

// Calls f(i, local_generator) for i in [0, n), each with its own stream, in parallel.
template <class F> void for_each_stream(int64_t n, Generator* gen, int64_t grain, F&& f) {
  const Tensor seeds = element_seeds(n, gen);
  const int64_t* s = seeds.data<int64_t>();
  parallel_for(n, grain, [&](int64_t b, int64_t e) {
    Generator local;
    for (int64_t i = b; i < e; ++i) {
      local.manual_seed(static_cast<uint64_t>(s[i]));
      f(i, local);
    }
  });
}

// Uniform in (0, 1] (safe for log).
inline double uniform_pos(Generator& g) { return 1.0 - g.uniform_double(); }

int64_t poisson_one(double lam, Generator& g) {
  if (!(lam > 0.0)) return 0;
  if (lam < 10.0) {  // Knuth: multiply uniforms until the product drops below e^-lam
    const double enlam = std::exp(-lam);
    int64_t x = 0;
    double prod = 1.0;
    while (true) {
      prod *= g.uniform_double();
      if (prod > enlam) ++x;
      else return x;
    }
  }
  // PTRS, Hormann (1993), "The transformed rejection method for generating Poisson random variables".
  const double slam = std::sqrt(lam), loglam = std::log(lam);
  const double b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
  const double invalpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2.0);
  while (true) {
    const double U = g.uniform_double() - 0.5, V = g.uniform_double();
    const double us = 0.5 - std::abs(U);
    const int64_t k = static_cast<int64_t>(std::floor((2.0 * a / us + b) * U + lam + 0.43));
    if (us >= 0.07 && V <= vr) return k;
    if (k < 0 || (us < 0.013 && V > us)) continue;
    if (std::log(V) + std::log(invalpha) - std::log(a / (us * us) + b) <=
        -lam + static_cast<double>(k) * loglam - math::lgamma(static_cast<double>(k) + 1.0))
      return k;
  }
}

double binomial_one(double n, double p, Generator& g) {
  if (!(n > 0.0) || !(p > 0.0)) return 0.0;
  if (p >= 1.0) return n;
  if (p > 0.5) return n - binomial_one(n, 1.0 - p, g);
  const double q = 1.0 - p;
  if (n * p < 10.0) {  // inversion
    const double s = p / q, a = (n + 1.0) * s;
    double r = std::pow(q, n), u = g.uniform_double(), x = 0.0;
    while (u > r && x < n) {
      u -= r;
      x += 1.0;
      r *= a / x - s;
    }
    return x;
  }
  // BTRS, Hormann (1993), "The generation of binomial random variates".
  const double spq = std::sqrt(n * p * q), b = 1.15 + 2.53 * spq, a = -0.0873 + 0.0248 * b + 0.01 * p;
  const double c = n * p + 0.5, vr = 0.92 - 4.2 / b, alpha = (2.83 + 5.1 / b) * spq, lpq = std::log(p / q);
  const double m = std::floor((n + 1.0) * p);
  const double h = math::lgamma(m + 1.0) + math::lgamma(n - m + 1.0);
  while (true) {
    const double u = g.uniform_double() - 0.5, v = g.uniform_double();
    const double us = 0.5 - std::abs(u);
    const double k = std::floor((2.0 * a / us + b) * u + c);
    if (k < 0.0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    const double lv = std::log(v * alpha / (a / (us * us) + b));
    if (lv <= h - math::lgamma(k + 1.0) - math::lgamma(n - k + 1.0) + (k - m) * lpq) return k;
  }
}

// Marsaglia & Tsang (2000), "A simple method for generating gamma variables"; alpha < 1 boosted.
double gamma_one(double alpha, Generator& g) {
  if (!(alpha > 0.0)) return std::nan("");
  double boost = 1.0;
  if (alpha < 1.0) {
    boost = std::pow(uniform_pos(g), 1.0 / alpha);
    alpha += 1.0;
  }
  const double d = alpha - 1.0 / 3.0, c = 1.0 / std::sqrt(9.0 * d);
  while (true) {
    double z, v;
    do {
      z = g.normal_double();
      v = 1.0 + c * z;
    } while (v <= 0.0);
    v = v * v * v;
    const double u = uniform_pos(g);
    if (u < 1.0 - 0.0331 * z * z * z * z || std::log(u) < 0.5 * z * z + d * (1.0 - v + std::log(v)))
      return d * v * boost;
  }
}

template <class T> T clamp_positive(double v) {
  // Tiny shapes underflow: keep samples in the support (x > 0), like torch.
  return static_cast<T>(std::max(v, static_cast<double>(std::numeric_limits<T>::min())));
}

void check_probabilities(const Tensor& p, const char* op) {
  dispatch_floating(p.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    const T* v = p.data<T>();
    for (int64_t i = 0; i < p.numel(); ++i)
      RT_CHECK(v[i] >= T(0) && v[i] <= T(1), ValueError, op, ": probabilities must be in [0, 1], got ", v[i]);
  });
}

}  // namespace

// ---- bernoulli ---------------------------------------------------------------------------------------

Tensor bernoulli(const Tensor& p, Generator* gen) {
  const DType dt = float_dtype(p);
  const Tensor pc = contiguous_as(p.detach(), dt);
  check_probabilities(pc, "bernoulli");
  Tensor out = rand(p.shape(), dt, gen);
  dispatch_floating(dt, [&](auto tag) {
    using T = typename decltype(tag)::type;
    binary_loop<T, T, T>(out, out, pc, [](T u, T pv) { return u < pv ? T(1) : T(0); });
  });
  return out;
}

const Tensor& bernoulli_(const Tensor& t, const Tensor& p, Generator* gen) {
  const Tensor pc = contiguous_as(p.detach(), float_dtype(p));
  check_probabilities(pc, "bernoulli_");
  const Shape shape = broadcast_shapes(t.shape(), p.shape(), "bernoulli_");
  RT_CHECK(shape == t.shape(), ValueError, "bernoulli_: p of shape ", shape_str(p.shape()),
           " does not broadcast to the tensor's shape ", shape_str(t.shape()));
  autograd::check_inplace(t, "bernoulli_");
  Tensor draws = bernoulli(pc.shape() == t.shape() ? pc : contiguous(expand(pc, t.shape())), gen);
  copy_kernel(t, draws);
  t.bump_version();
  return t;
}

const Tensor& bernoulli_(const Tensor& t, double p, Generator* gen) {
  return bernoulli_(t, scalar_tensor(Scalar(p), is_floating(t.dtype()) ? t.dtype() : DType::Float64), gen);
}

// ---- poisson / binomial --------------------------------------------------------------------------------

Tensor poisson(const Tensor& rate, Generator* gen) {
  const DType dt = float_dtype(rate);
  const Tensor r = contiguous_as(rate.detach(), dt);
  Tensor out = Tensor::empty(rate.shape(), dt);
  dispatch_floating(dt, [&](auto tag) {
    using T = typename decltype(tag)::type;
    const T* rv = r.data<T>();
    for (int64_t i = 0; i < r.numel(); ++i)
      RT_CHECK(!(rv[i] < T(0)), ValueError, "poisson: rates must be non-negative, got ", rv[i]);
    T* o = out.data<T>();
    for_each_stream(out.numel(), gen, 1024, [&](int64_t i, Generator& g) {
      o[i] = std::isnan(rv[i]) ? rv[i] : static_cast<T>(poisson_one(static_cast<double>(rv[i]), g));
    });
  });
  return out;
}

Tensor binomial(const Tensor& count, const Tensor& prob, Generator* gen) {
  const DType dt = promote_types(float_dtype(count), float_dtype(prob));
  const Shape shape = broadcast_shapes(count.shape(), prob.shape(), "binomial");
  const Tensor n = contiguous_as(expand(to_dtype(count.detach(), dt), shape), dt);
  const Tensor p = contiguous_as(expand(to_dtype(prob.detach(), dt), shape), dt);
  check_probabilities(p, "binomial");
  Tensor out = Tensor::empty(shape, dt);
  dispatch_floating(dt, [&](auto tag) {
    using T = typename decltype(tag)::type;
    const T* nv = n.data<T>();
    const T* pv = p.data<T>();
    for (int64_t i = 0; i < n.numel(); ++i)
      RT_CHECK(nv[i] >= T(0) && nv[i] == std::floor(nv[i]), ValueError,
               "binomial: counts must be non-negative integers, got ", nv[i]);
    T* o = out.data<T>();
    for_each_stream(out.numel(), gen, 1024, [&](int64_t i, Generator& g) {
      o[i] = static_cast<T>(binomial_one(static_cast<double>(nv[i]), static_cast<double>(pv[i]), g));
    });
  });
  return out;
}

// ---- multinomial --------------------------------------------------------------------------------------------

Tensor multinomial(const Tensor& probs, int64_t num_samples, bool replacement, Generator* gen) {
  const char* op = "multinomial";
  RT_CHECK(probs.dim() == 1 || probs.dim() == 2, ValueError, op, ": prob_dist must be 1 or 2 dim, got shape ",
           shape_str(probs.shape()));
  RT_CHECK(is_floating(probs.dtype()), TypeError, op, ": expected a floating point tensor, got ",
           dtype_name(probs.dtype()));
  RT_CHECK(num_samples > 0, ValueError, op, ": cannot sample n_sample <= 0 samples");
  const int64_t k = probs.shape().back(), rows = probs.dim() == 2 ? probs.shape()[0] : 1;
  RT_CHECK(k > 0, ValueError, op, ": the number of categories cannot be 0");
  RT_CHECK(replacement || num_samples <= k, ValueError, op, ": cannot sample n_sample > prob_dist.size(-1) (", k,
           ") samples without replacement");
  const Tensor w = contiguous_as(probs.detach(), DType::Float64);
  const double* wv = w.data<double>();
  for (int64_t r = 0; r < rows; ++r) {
    double total = 0.0;
    int64_t nonzero = 0;
    for (int64_t j = 0; j < k; ++j) {
      const double v = wv[r * k + j];
      RT_CHECK(std::isfinite(v) && v >= 0.0, ValueError, op, ": probability tensor contains either inf, nan or "
               "element < 0");
      total += v;
      nonzero += v > 0.0;
    }
    RT_CHECK(total > 0.0, ValueError, op, ": invalid multinomial distribution (sum of probabilities <= 0)");
    RT_CHECK(replacement || nonzero >= num_samples, ValueError, op,
             ": invalid multinomial distribution (with replacement=False, not enough non-negative category to sample)");
  }
  Shape out_shape = probs.dim() == 2 ? Shape{rows, num_samples} : Shape{num_samples};
  Tensor out = Tensor::empty(out_shape, DType::Int64);
  int64_t* o = out.data<int64_t>();
  for_each_stream(rows, gen, 1, [&](int64_t r, Generator& g) {
    const double* row = wv + r * k;
    int64_t* orow = o + r * num_samples;
    if (replacement) {  // inverse CDF by binary search
      std::vector<double> cdf(static_cast<size_t>(k));
      std::partial_sum(row, row + k, cdf.begin());
      const double total = cdf.back();
      for (int64_t s = 0; s < num_samples; ++s) {
        const double u = g.uniform_double() * total;
        int64_t j = std::upper_bound(cdf.begin(), cdf.end(), u) - cdf.begin();
        while (j > 0 && (j >= k || row[j] == 0.0)) --j;  // never a zero-weight category
        orow[s] = j;
      }
      return;
    }
    // Without replacement: the categories with the smallest exponential keys E_j / w_j
    // (Efraimidis & Spirakis), in order of their keys.
    std::vector<std::pair<double, int64_t>> keys;
    keys.reserve(static_cast<size_t>(k));
    for (int64_t j = 0; j < k; ++j) {
      const double e = -std::log(uniform_pos(g));
      keys.push_back({row[j] > 0.0 ? e / row[j] : std::numeric_limits<double>::infinity(), j});
    }
    std::partial_sort(keys.begin(), keys.begin() + num_samples, keys.end());
    for (int64_t s = 0; s < num_samples; ++s) orow[s] = keys[static_cast<size_t>(s)].second;
  });
  return out;
}

// ---- standard gamma ---------------------------------------------------------------------------------------

Tensor standard_gamma(const Tensor& alpha, Generator* gen) {
  const DType dt = float_dtype(alpha);
  const Tensor a = contiguous_as(alpha.detach(), dt);
  Tensor out = Tensor::empty(alpha.shape(), dt);
  dispatch_floating(dt, [&](auto tag) {
    using T = typename decltype(tag)::type;
    const T* av = a.data<T>();
    T* o = out.data<T>();
    for_each_stream(out.numel(), gen, 1024, [&](int64_t i, Generator& g) {
      const double x = gamma_one(static_cast<double>(av[i]), g);
      o[i] = std::isnan(x) ? static_cast<T>(x) : clamp_positive<T>(x);
    });
  });
  if (autograd::needs_grad({alpha}))
    autograd::record("StandardGammaBackward", {alpha}, {out}, {alpha, out},
                     [](const BackwardContext& ctx, const TensorList& g) -> TensorList {
                       return {mul(g[0], standard_gamma_grad(ctx.saved(0), ctx.saved(1)))};
                     });
  return out;
}

}  // namespace rustorch::distributions
