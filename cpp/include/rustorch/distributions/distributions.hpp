// The C++ kernels behind rt.distributions: special functions (lgamma, digamma, trigamma, erfinv,
// the regularized incomplete gamma function) as elementwise ops, and samplers drawing from a
// Generator (bernoulli, poisson, binomial, multinomial, standard gamma).
//
// Samplers take `gen` (the default generator when null). Element i of a sample whose draws vary in
// number (rejection sampling) uses its own stream seeded from one value of the generator, so every
// result depends only on the generator's state, never on the thread count.
#pragma once
#include <cstdint>

#include "rustorch/core/random.hpp"
#include "rustorch/core/tensor.hpp"

namespace rustorch::distributions {

// ---- Special functions (integer inputs give the default float dtype) -----------------------------
Tensor lgamma(const Tensor& x);    // log|Gamma(x)|; differentiable (digamma)
Tensor digamma(const Tensor& x);   // differentiable (trigamma); -inf at 0, NaN at negative integers
Tensor trigamma(const Tensor& x);  // polygamma(1, x); not differentiable
Tensor erfinv(const Tensor& x);    // inverse of erf on (-1, 1); differentiable
// Regularized lower incomplete gamma P(a, x) (a > 0, x >= 0), broadcast; differentiable in x only.
Tensor gammainc(const Tensor& a, const Tensor& x);

// ---- Sampling -----------------------------------------------------------------------------------------
// 1 with probability p (p in [0, 1]), else 0, in p's dtype.
Tensor bernoulli(const Tensor& p, Generator* gen = nullptr);
// Fills t with 0/1 drawn with probability p (in place, not differentiable).
const Tensor& bernoulli_(const Tensor& t, double p, Generator* gen = nullptr);
const Tensor& bernoulli_(const Tensor& t, const Tensor& p, Generator* gen = nullptr);
// Poisson counts with the given non-negative rates (Knuth below rate 10, PTRS above), rate's dtype.
Tensor poisson(const Tensor& rate, Generator* gen = nullptr);
// Binomial counts (count, prob broadcast; inversion for small means, BTRS otherwise), float.
Tensor binomial(const Tensor& count, const Tensor& prob, Generator* gen = nullptr);
// Category indices (int64) drawn from the rows of probs (1-D or 2-D, non-negative weights).
Tensor multinomial(const Tensor& probs, int64_t num_samples, bool replacement, Generator* gen = nullptr);
// Gamma(alpha, 1) samples (Marsaglia-Tsang), alpha's dtype. Differentiable in alpha by implicit
// reparameterisation: dx/dalpha = -(dP(alpha, x)/dalpha) / p(x; alpha) (Figurnov et al. 2018).
Tensor standard_gamma(const Tensor& alpha, Generator* gen = nullptr);
Tensor standard_gamma_grad(const Tensor& alpha, const Tensor& x);  // dx/dalpha, not differentiable

}  // namespace rustorch::distributions
