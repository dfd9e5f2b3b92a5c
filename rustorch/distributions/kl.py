"""kl_divergence(p, q) with a registry of closed forms (``@register_kl(P, Q)``), looked up by the
most specific registered pair of base classes, as in torch.distributions.kl."""
import math

import rustorch as rt

from .continuous import Beta, Exponential, Gamma, Laplace, LogNormal, Normal, Uniform
from .discrete import Bernoulli, Binomial, Categorical, OneHotCategorical, Poisson
from .distribution import broadcast_shape, softplus, sum_rightmost
from .multivariate import Dirichlet, Independent, MultivariateNormal, _batch_mahalanobis

__all__ = ["kl_divergence", "register_kl"]

_KL_REGISTRY = {}
_KL_MEMOIZE = {}

L = rt.linalg


def register_kl(type_p, type_q):
    """Decorator registering fn(p, q) as KL(p || q) for instances of type_p and type_q.

    The most specific registered pair (by the classes' MRO) is used for subclasses.

    Args:
        type_p (type): the Distribution subclass of ``p``.
        type_q (type): the Distribution subclass of ``q``.

    Returns:
        callable: a decorator that registers ``fn`` and returns it unchanged.

    Example:
        >>> class Point(rt.distributions.Distribution):
        ...     pass
        >>> @rt.distributions.register_kl(Point, Point)
        ... def _kl_point_point(p, q):
        ...     return rt.zeros(())
        >>> rt.distributions.kl_divergence(Point(), Point()).item()
        0.0
    """
    if not (isinstance(type_p, type) and isinstance(type_q, type)):
        raise TypeError("Expected type_p and type_q to be classes")

    def decorator(fn):
        _KL_REGISTRY[type_p, type_q] = fn
        _KL_MEMOIZE.clear()
        return fn
    return decorator


def _dispatch_kl(type_p, type_q):
    matches = [(p, q) for p, q in _KL_REGISTRY if issubclass(type_p, p) and issubclass(type_q, q)]
    if not matches:
        return None
    # The most specific match: smallest MRO distances (left then right).
    def rank(pq):
        return (type_p.__mro__.index(pq[0]), type_q.__mro__.index(pq[1]))
    return _KL_REGISTRY[min(matches, key=rank)]


def kl_divergence(p, q):
    """KL(p || q) over the batch (event dims summed). Raises NotImplementedError for pairs without
    a registered closed form.

    Args:
        p (Distribution): the first distribution.
        q (Distribution): the second distribution, with a batch shape broadcastable with ``p``'s.

    Returns:
        Tensor: KL(p || q), with the batch shape.

    Example:
        >>> p = rt.distributions.Normal(rt.tensor([0., 1.]), rt.tensor([1., 1.]))
        >>> q = rt.distributions.Normal(rt.tensor(0.), rt.tensor(1.))
        >>> rt.distributions.kl_divergence(p, q).tolist()
        [0.0, 0.5]
    """
    key = (type(p), type(q))
    if key not in _KL_MEMOIZE:
        _KL_MEMOIZE[key] = _dispatch_kl(*key)
    fn = _KL_MEMOIZE[key]
    if fn is None:
        raise NotImplementedError(f"No KL(p || q) is implemented for p type {type(p).__name__} and q type "
                                  f"{type(q).__name__}")
    return fn(p, q)


def _inf_like(t):
    return rt.full(tuple(t.shape), math.inf, dtype=t.dtype)


@register_kl(Normal, Normal)
def _kl_normal_normal(p, q):
    var_ratio = (p.scale / q.scale).pow(2)
    t1 = ((p.loc - q.loc) / q.scale).pow(2)
    return 0.5 * (var_ratio + t1 - 1 - var_ratio.log())


@register_kl(LogNormal, LogNormal)
def _kl_lognormal_lognormal(p, q):
    return _kl_normal_normal(p.base_dist, q.base_dist)


@register_kl(Bernoulli, Bernoulli)
def _kl_bernoulli_bernoulli(p, q):
    t1 = p.probs * (softplus(-q.logits) - softplus(-p.logits))
    t1 = rt.where(q.probs == 0, _inf_like(t1), t1)
    t1 = rt.where(p.probs == 0, rt.zeros_like(t1), t1)
    t2 = (1 - p.probs) * (softplus(q.logits) - softplus(p.logits))
    t2 = rt.where(q.probs == 1, _inf_like(t2), t2)
    t2 = rt.where(p.probs == 1, rt.zeros_like(t2), t2)
    return t1 + t2


@register_kl(Binomial, Binomial)
def _kl_binomial_binomial(p, q):
    if not bool((p.total_count == q.total_count).all()):
        raise NotImplementedError("KL between Binomials where q.total_count != p.total_count is not implemented")
    return p.total_count * _kl_bernoulli_bernoulli(_bern(p), _bern(q))


def _bern(b):
    return Bernoulli(logits=b.logits, validate_args=False) if "logits" in b.__dict__ and "probs" not in b.__dict__ \
        else Bernoulli(probs=b.probs, validate_args=False)


@register_kl(Categorical, Categorical)
def _kl_categorical_categorical(p, q):
    t = p.probs * (p.logits - q.logits)
    t = rt.where(q.probs == 0, _inf_like(t), t)
    t = rt.where(p.probs == 0, rt.zeros_like(t), t)
    return t.sum(-1)


@register_kl(OneHotCategorical, OneHotCategorical)
def _kl_onehot_onehot(p, q):
    return _kl_categorical_categorical(p._categorical, q._categorical)


@register_kl(Uniform, Uniform)
def _kl_uniform_uniform(p, q):
    result = ((q.high - q.low) / (p.high - p.low)).log()
    outside = (q.low > p.low) | (q.high < p.high)
    return rt.where(outside, _inf_like(result), result)


@register_kl(Exponential, Exponential)
def _kl_exponential_exponential(p, q):
    rate_ratio = q.rate / p.rate
    return rate_ratio - 1 - rate_ratio.log()


@register_kl(Gamma, Gamma)
def _kl_gamma_gamma(p, q):
    t1 = q.concentration * (p.rate / q.rate).log()
    t2 = q.concentration.lgamma() - p.concentration.lgamma()
    t3 = (p.concentration - q.concentration) * p.concentration.digamma()
    t4 = (q.rate - p.rate) * (p.concentration / p.rate)
    return t1 + t2 + t3 + t4


@register_kl(Beta, Beta)
def _kl_beta_beta(p, q):
    sum_p = p.concentration1 + p.concentration0
    sum_q = q.concentration1 + q.concentration0
    t1 = q.concentration1.lgamma() + q.concentration0.lgamma() + sum_p.lgamma()
    t2 = p.concentration1.lgamma() + p.concentration0.lgamma() + sum_q.lgamma()
    t3 = (p.concentration1 - q.concentration1) * p.concentration1.digamma()
    t4 = (p.concentration0 - q.concentration0) * p.concentration0.digamma()
    t5 = (sum_q - sum_p) * sum_p.digamma()
    return t1 - t2 + t3 + t4 + t5


@register_kl(Dirichlet, Dirichlet)
def _kl_dirichlet_dirichlet(p, q):
    sum_p = p.concentration.sum(-1)
    sum_q = q.concentration.sum(-1)
    t1 = sum_p.lgamma() - sum_q.lgamma()
    t2 = (p.concentration.lgamma() - q.concentration.lgamma()).sum(-1)
    t3 = p.concentration - q.concentration
    t4 = p.concentration.digamma() - sum_p.digamma().unsqueeze(-1)
    return t1 - t2 + (t3 * t4).sum(-1)


@register_kl(Poisson, Poisson)
def _kl_poisson_poisson(p, q):
    return p.rate * (p.rate.log() - q.rate.log()) - (p.rate - q.rate)


@register_kl(Laplace, Laplace)
def _kl_laplace_laplace(p, q):
    scale_ratio = p.scale / q.scale
    loc_abs_diff = (p.loc - q.loc).abs()
    t1 = -scale_ratio.log()
    t2 = loc_abs_diff / q.scale
    t3 = scale_ratio * (-loc_abs_diff / p.scale).exp()
    return t1 + t2 + t3 - 1


@register_kl(MultivariateNormal, MultivariateNormal)
def _kl_mvn_mvn(p, q):
    if p.event_shape != q.event_shape:
        raise ValueError("KL-divergence between two Multivariate Normals with different event shapes cannot be "
                         "computed")
    Lp, Lq = p._unbroadcasted_scale_tril, q._unbroadcasted_scale_tril
    half_term1 = L.diagonal(Lq).log().sum(-1) - L.diagonal(Lp).log().sum(-1)
    n = p.event_shape[0]
    shape = broadcast_shape(tuple(Lq.shape[:-2]), tuple(Lp.shape[:-2]))
    term2 = L.solve_triangular(Lq.expand(shape + (n, n)), Lp.expand(shape + (n, n)), upper=False).pow(2).sum(-1).sum(-1)
    term3 = _batch_mahalanobis(Lq, q.loc - p.loc)
    out = half_term1 + 0.5 * (term2 + term3 - n)
    batch = p.batch_shape
    return out.expand(batch) if tuple(out.shape) != tuple(batch) else out


@register_kl(Independent, Independent)
def _kl_independent_independent(p, q):
    if p.reinterpreted_batch_ndims != q.reinterpreted_batch_ndims:
        raise NotImplementedError
    return sum_rightmost(kl_divergence(p.base_dist, q.base_dist), p.reinterpreted_batch_ndims)

