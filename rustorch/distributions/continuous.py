"""Univariate continuous distributions: Normal, LogNormal, Uniform, Exponential, Laplace, Gamma, Beta."""
import math

import rustorch as rt

from . import constraints
from .distribution import _LOG_SQRT_2PI, Distribution, ExponentialFamily, broadcast_all, finfo, xlogy

__all__ = ["Normal", "LogNormal", "Uniform", "Exponential", "Laplace", "Gamma", "Beta"]


def _standard_gamma(concentration):
    return rt._C._standard_gamma(concentration)


class Normal(ExponentialFamily):
    """Normal(loc, scale): density exp(-(x - loc)^2 / (2 scale^2)) / (scale sqrt(2 pi)); rsample is
    loc + scale * eps with eps ~ N(0, 1).

    Args:
        loc (float or Tensor): the mean.
        scale (float or Tensor): the standard deviation (> 0).
        validate_args (bool, optional): check the parameters and ``log_prob`` values; default the
            global setting (on).

    Example:
        >>> d = rt.distributions.Normal(rt.tensor([0., 1.]), rt.tensor([1., 2.]))
        >>> d.sample((3,)).shape
        (3, 2)
        >>> [round(v, 4) for v in d.log_prob(rt.tensor([0., 1.])).tolist()]
        [-0.9189, -1.6121]
        >>> d.variance.tolist()
        [1.0, 4.0]
    """
    arg_constraints = {"loc": constraints.real, "scale": constraints.positive}
    support = constraints.real
    has_rsample = True

    def __init__(self, loc, scale, validate_args=None):
        self.loc, self.scale = broadcast_all(loc, scale)
        super().__init__(tuple(self.loc.shape), validate_args=validate_args)

    @property
    def mean(self):
        return self.loc

    @property
    def mode(self):
        return self.loc

    @property
    def stddev(self):
        return self.scale

    @property
    def variance(self):
        return self.scale.pow(2)

    def rsample(self, sample_shape=()):
        shape = self._extended_shape(sample_shape)
        return self.loc + rt.randn(shape, dtype=self.loc.dtype) * self.scale

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        var = self.scale ** 2
        return -((value - self.loc) ** 2) / (2 * var) - self.scale.log() - _LOG_SQRT_2PI

    def cdf(self, value):
        if self._validate_args:
            self._validate_sample(value)
        return 0.5 * (1 + ((value - self.loc) * self.scale.reciprocal() / math.sqrt(2)).erf())

    def icdf(self, value):
        return self.loc + self.scale * (2 * value - 1).erfinv() * math.sqrt(2)

    def entropy(self):
        return 0.5 + 0.5 * math.log(2 * math.pi) + self.scale.log()


class LogNormal(Distribution):
    """exp(X) for X ~ Normal(loc, scale).

    Args:
        loc (float or Tensor): the mean of log(X).
        scale (float or Tensor): the standard deviation of log(X) (> 0).
        validate_args (bool, optional): check the parameters and ``log_prob`` values; default the
            global setting (on).

    Example:
        >>> d = rt.distributions.LogNormal(rt.tensor(0.), rt.tensor(1.))
        >>> bool((d.sample((5,)) > 0).all())
        True
        >>> round(d.mean.item(), 4)
        1.6487
        >>> round(d.log_prob(rt.tensor(1.)).item(), 4)
        -0.9189
    """
    arg_constraints = {"loc": constraints.real, "scale": constraints.positive}
    support = constraints.positive
    has_rsample = True

    def __init__(self, loc, scale, validate_args=None):
        self.base_dist = Normal(loc, scale, validate_args=validate_args)
        self.loc, self.scale = self.base_dist.loc, self.base_dist.scale
        super().__init__(self.base_dist.batch_shape, validate_args=validate_args)

    def expand(self, batch_shape, _instance=None):
        new = super().expand(batch_shape, _instance)
        new.base_dist = self.base_dist.expand(batch_shape)
        return new

    @property
    def mean(self):
        return (self.loc + self.scale.pow(2) / 2).exp()

    @property
    def mode(self):
        return (self.loc - self.scale.pow(2)).exp()

    @property
    def variance(self):
        s2 = self.scale.pow(2)
        return s2.expm1() * (2 * self.loc + s2).exp()

    def rsample(self, sample_shape=()):
        return self.base_dist.rsample(sample_shape).exp()

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        y = value.log()
        return self.base_dist.log_prob(y) - y

    def cdf(self, value):
        if self._validate_args:
            self._validate_sample(value)
        return self.base_dist.cdf(value.log())

    def icdf(self, value):
        return self.base_dist.icdf(value).exp()

    def entropy(self):
        return self.base_dist.entropy() + self.loc


class Uniform(Distribution):
    """Uniform on [low, high).

    Args:
        low (float or Tensor): the lower bound (inclusive).
        high (float or Tensor): the upper bound (exclusive), > ``low``.
        validate_args (bool, optional): check the parameters and ``log_prob`` values; default the
            global setting (on).

    Example:
        >>> d = rt.distributions.Uniform(rt.tensor(0.), rt.tensor(4.))
        >>> s = d.sample((100,)); bool(((s >= 0) & (s < 4)).all())
        True
        >>> d.mean.item(), round(d.log_prob(rt.tensor(1.)).item(), 4)
        (2.0, -1.3863)
        >>> d.cdf(rt.tensor(1.)).item()
        0.25
    """
    arg_constraints = {"low": constraints.dependent(is_discrete=False, event_dim=0),
                       "high": constraints.dependent(is_discrete=False, event_dim=0)}
    has_rsample = True

    def __init__(self, low, high, validate_args=None):
        self.low, self.high = broadcast_all(low, high)
        validate = Distribution._validate_args if validate_args is None else validate_args
        if validate and not bool((self.low < self.high).all()):
            raise ValueError("Uniform is not defined when low >= high")
        super().__init__(tuple(self.low.shape), validate_args=validate_args)

    @constraints.dependent_property(is_discrete=False, event_dim=0)
    def support(self):
        """The interval [low, high) (depends on the parameters)."""
        return constraints.interval(self.low, self.high)

    @property
    def mean(self):
        return (self.high + self.low) / 2

    @property
    def mode(self):
        return self.high * float("nan")

    @property
    def stddev(self):
        return (self.high - self.low) / 12 ** 0.5

    @property
    def variance(self):
        return (self.high - self.low).pow(2) / 12

    def rsample(self, sample_shape=()):
        shape = self._extended_shape(sample_shape)
        return self.low + rt.rand(shape, dtype=self.low.dtype) * (self.high - self.low)

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        inside = ((self.low <= value) & (self.high > value)).to(self.low.dtype)
        return inside.log() - (self.high - self.low).log()

    def cdf(self, value):
        if self._validate_args:
            self._validate_sample(value)
        return ((value - self.low) / (self.high - self.low)).clamp(0.0, 1.0)

    def icdf(self, value):
        return value * (self.high - self.low) + self.low

    def entropy(self):
        return (self.high - self.low).log()


class Exponential(ExponentialFamily):
    """Exponential(rate): density rate * exp(-rate x) on x >= 0.

    Args:
        rate (float or Tensor): the rate (> 0), the inverse of the mean.
        validate_args (bool, optional): check the parameters and ``log_prob`` values; default the
            global setting (on).

    Example:
        >>> d = rt.distributions.Exponential(rt.tensor(2.))
        >>> d.mean.item(), d.variance.item()
        (0.5, 0.25)
        >>> round(d.log_prob(rt.tensor(1.)).item(), 4)
        -1.3069
        >>> d.rsample((2, 3)).shape
        (2, 3)
    """
    arg_constraints = {"rate": constraints.positive}
    support = constraints.nonnegative
    has_rsample = True

    def __init__(self, rate, validate_args=None):
        (self.rate,) = broadcast_all(rate)
        super().__init__(tuple(self.rate.shape), validate_args=validate_args)

    @property
    def mean(self):
        return self.rate.reciprocal()

    @property
    def mode(self):
        return rt.zeros_like(self.rate)

    @property
    def stddev(self):
        return self.rate.reciprocal()

    @property
    def variance(self):
        return self.rate.pow(-2)

    def rsample(self, sample_shape=()):
        u = rt.rand(self._extended_shape(sample_shape), dtype=self.rate.dtype)
        return -(-u).log1p() / self.rate

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        return self.rate.log() - self.rate * value

    def cdf(self, value):
        if self._validate_args:
            self._validate_sample(value)
        return 1 - (-self.rate * value).exp()

    def icdf(self, value):
        return -(-value).log1p() / self.rate

    def entropy(self):
        return 1.0 - self.rate.log()


class Laplace(Distribution):
    """Laplace(loc, scale): density exp(-|x - loc| / scale) / (2 scale).

    Args:
        loc (float or Tensor): the location (mean and median).
        scale (float or Tensor): the scale (> 0).
        validate_args (bool, optional): check the parameters and ``log_prob`` values; default the
            global setting (on).

    Example:
        >>> d = rt.distributions.Laplace(rt.tensor(0.), rt.tensor(1.))
        >>> d.variance.item()
        2.0
        >>> round(d.log_prob(rt.tensor(1.)).item(), 4)
        -1.6931
        >>> d.sample((4,)).shape
        (4,)
    """
    arg_constraints = {"loc": constraints.real, "scale": constraints.positive}
    support = constraints.real
    has_rsample = True

    def __init__(self, loc, scale, validate_args=None):
        self.loc, self.scale = broadcast_all(loc, scale)
        super().__init__(tuple(self.loc.shape), validate_args=validate_args)

    @property
    def mean(self):
        return self.loc

    @property
    def mode(self):
        return self.loc

    @property
    def variance(self):
        return 2 * self.scale.pow(2)

    @property
    def stddev(self):
        return math.sqrt(2) * self.scale

    def rsample(self, sample_shape=()):
        eps = float(finfo(self.loc.dtype).eps)
        u = (rt.rand(self._extended_shape(sample_shape), dtype=self.loc.dtype) * 2 - 1).clamp_min(eps - 1)
        return self.loc - self.scale * u.sign() * (-u.abs()).log1p()

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        return -(2 * self.scale).log() - (value - self.loc).abs() / self.scale

    def cdf(self, value):
        if self._validate_args:
            self._validate_sample(value)
        return 0.5 - 0.5 * (value - self.loc).sign() * (-(value - self.loc).abs() / self.scale).expm1()

    def icdf(self, value):
        term = value - 0.5
        return self.loc - self.scale * term.sign() * (-2 * term.abs()).log1p()

    def entropy(self):
        return 1 + (2 * self.scale).log()


class Gamma(ExponentialFamily):
    """Gamma(concentration, rate): density rate^a x^(a-1) exp(-rate x) / Gamma(a). rsample uses
    implicit reparameterisation (gradients flow to concentration and rate).

    Args:
        concentration (float or Tensor): the shape parameter a (> 0).
        rate (float or Tensor): the rate (> 0), the inverse of the scale.
        validate_args (bool, optional): check the parameters and ``log_prob`` values; default the
            global setting (on).

    Example:
        >>> d = rt.distributions.Gamma(rt.tensor(2.), rt.tensor(4.))
        >>> d.mean.item(), d.variance.item()
        (0.5, 0.125)
        >>> round(d.log_prob(rt.tensor(0.5)).item(), 4)
        0.0794
        >>> d.sample((3,)).shape
        (3,)
    """
    arg_constraints = {"concentration": constraints.positive, "rate": constraints.positive}
    support = constraints.nonnegative
    has_rsample = True

    def __init__(self, concentration, rate, validate_args=None):
        self.concentration, self.rate = broadcast_all(concentration, rate)
        super().__init__(tuple(self.concentration.shape), validate_args=validate_args)

    @property
    def mean(self):
        return self.concentration / self.rate

    @property
    def mode(self):
        return ((self.concentration - 1) / self.rate).clamp_min(0)

    @property
    def variance(self):
        return self.concentration / self.rate.pow(2)

    def rsample(self, sample_shape=()):
        shape = self._extended_shape(sample_shape)
        value = _standard_gamma(self.concentration.expand(shape)) / self.rate.expand(shape)
        return value.clamp_min(float(finfo(value.dtype).tiny))

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        return (xlogy(self.concentration, self.rate) + xlogy(self.concentration - 1, value) - self.rate * value
                - self.concentration.lgamma())

    def cdf(self, value):
        if self._validate_args:
            self._validate_sample(value)
        return rt.special_gammainc(self.concentration, self.rate * value)

    def entropy(self):
        c = self.concentration
        return c - self.rate.log() + c.lgamma() + (1.0 - c) * c.digamma()


class Beta(ExponentialFamily):
    """Beta(concentration1, concentration0) on [0, 1]; rsample as X / (X + Y) of gamma samples.

    Args:
        concentration1 (float or Tensor): the first shape parameter alpha (> 0).
        concentration0 (float or Tensor): the second shape parameter beta (> 0).
        validate_args (bool, optional): check the parameters and ``log_prob`` values; default the
            global setting (on).

    Example:
        >>> d = rt.distributions.Beta(rt.tensor(2.), rt.tensor(2.))
        >>> d.mean.item()
        0.5
        >>> round(d.log_prob(rt.tensor(0.5)).item(), 4)
        0.4055
        >>> d.sample((3,)).shape
        (3,)
    """
    arg_constraints = {"concentration1": constraints.positive, "concentration0": constraints.positive}
    support = constraints.unit_interval
    has_rsample = True

    def __init__(self, concentration1, concentration0, validate_args=None):
        self.concentration1, self.concentration0 = broadcast_all(concentration1, concentration0)
        super().__init__(tuple(self.concentration1.shape), validate_args=validate_args)

    @property
    def mean(self):
        return self.concentration1 / (self.concentration1 + self.concentration0)

    @property
    def mode(self):
        a, b = self.concentration1, self.concentration0
        return (a - 1) / (a + b - 2)

    @property
    def variance(self):
        a, b = self.concentration1, self.concentration0
        total = a + b
        return a * b / (total.pow(2) * (total + 1))

    def rsample(self, sample_shape=()):
        shape = self._extended_shape(sample_shape)
        x = _standard_gamma(self.concentration1.expand(shape))
        y = _standard_gamma(self.concentration0.expand(shape))
        tiny = float(finfo(x.dtype).tiny)
        return (x / (x + y)).clamp(tiny, 1.0 - float(finfo(x.dtype).eps) / 2)

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        a, b = self.concentration1, self.concentration0
        return (xlogy(a - 1, value) + xlogy(b - 1, 1 - value) + (a + b).lgamma() - a.lgamma() - b.lgamma())

    def entropy(self):
        a, b = self.concentration1, self.concentration0
        total = a + b
        lbeta = a.lgamma() + b.lgamma() - total.lgamma()
        return lbeta - (a - 1) * a.digamma() - (b - 1) * b.digamma() + (total - 2) * total.digamma()
