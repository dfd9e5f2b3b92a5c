"""rt.distributions: probability distributions with PyTorch's names and semantics.

Each distribution has ``batch_shape``/``event_shape``, ``sample(sample_shape)``, ``rsample`` where it
is reparameterisable (gradients flow to the parameters: Normal, LogNormal, Uniform, Exponential,
Laplace, Gamma, Beta, Dirichlet, MultivariateNormal, and Independent of those), a differentiable
``log_prob``, ``entropy``, ``mean``/``variance``/``stddev``, ``cdf``/``icdf`` where closed-form,
``support``, ``expand`` and argument validation (on by default, like PyTorch:
``Distribution.set_default_validate_args(False)`` turns it off). ``kl_divergence(p, q)`` looks up
closed forms registered with ``register_kl``.

Samples are drawn from rustorch's default generator (``rt.manual_seed``) by C++ kernels
(rt.randn, rt.rand, rt.bernoulli, rt.poisson, rt.binomial, rt.multinomial, rt._C._standard_gamma).
Gamma, Beta and Dirichlet ``rsample`` use implicit reparameterisation gradients.
"""
from . import constraints
from .continuous import Beta, Exponential, Gamma, Laplace, LogNormal, Normal, Uniform
from .discrete import Bernoulli, Binomial, Categorical, OneHotCategorical, Poisson
from .distribution import Distribution, ExponentialFamily
from .kl import kl_divergence, register_kl
from .multivariate import Dirichlet, Independent, MultivariateNormal

__all__ = [
    "constraints", "Distribution", "ExponentialFamily", "Normal", "LogNormal", "Uniform", "Exponential", "Laplace",
    "Gamma", "Beta", "Dirichlet", "Bernoulli", "Binomial", "Poisson", "Categorical", "OneHotCategorical",
    "MultivariateNormal", "Independent", "kl_divergence", "register_kl",
]
