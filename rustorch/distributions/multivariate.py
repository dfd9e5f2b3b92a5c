"""Multivariate distributions: MultivariateNormal, Dirichlet, and Independent (batch dims
reinterpreted as event dims)."""
import math

import rustorch as rt

from . import constraints
from .distribution import Distribution, ExponentialFamily, broadcast_shape, finfo, lazy_property, sum_rightmost

__all__ = ["MultivariateNormal", "Dirichlet", "Independent"]

L = rt.linalg


def _batch_mahalanobis(bL, bx):
    """x^T (L L^T)^-1 x for L (..., n, n) lower triangular and x (..., n), batch dims broadcast."""
    shape = broadcast_shape(tuple(bL.shape[:-2]), tuple(bx.shape[:-1]))
    n = bx.shape[-1]
    Lb = bL.expand(shape + (n, n))
    xb = bx.expand(shape + (n,)).unsqueeze(-1)
    z = L.solve_triangular(Lb, xb, upper=False)
    return z.pow(2).sum(-2).squeeze(-1)


class MultivariateNormal(Distribution):
    """Normal over R^k with mean loc and covariance given by exactly one of covariance_matrix,
    precision_matrix or scale_tril (lower Cholesky factor of the covariance). rsample is
    loc + scale_tril @ eps.

    Args:
        loc (Tensor): the mean, with at least one dim (the event dim k).
        covariance_matrix (Tensor, optional): the positive-definite covariance, ``(..., k, k)``.
        precision_matrix (Tensor, optional): the positive-definite inverse covariance.
        scale_tril (Tensor, optional): the lower-triangular Cholesky factor of the covariance,
            with a positive diagonal.
        validate_args (bool, optional): check the parameters and ``log_prob`` values; default the
            global setting (on).

    Example:
        >>> d = rt.distributions.MultivariateNormal(rt.zeros(2), covariance_matrix=rt.eye(2))
        >>> d.sample((3,)).shape
        (3, 2)
        >>> round(d.log_prob(rt.zeros(2)).item(), 4)
        -1.8379
        >>> d.variance.tolist()
        [1.0, 1.0]
    """
    arg_constraints = {"loc": constraints.real_vector, "covariance_matrix": constraints.positive_definite,
                       "precision_matrix": constraints.positive_definite, "scale_tril": constraints.lower_cholesky}
    support = constraints.real_vector
    has_rsample = True

    def __init__(self, loc, covariance_matrix=None, precision_matrix=None, scale_tril=None, validate_args=None):
        if loc.dim() < 1:
            raise ValueError("loc must be at least one-dimensional.")
        if (covariance_matrix is not None) + (scale_tril is not None) + (precision_matrix is not None) != 1:
            raise ValueError("Exactly one of covariance_matrix or precision_matrix or scale_tril may be specified.")
        given = covariance_matrix if covariance_matrix is not None else (
            precision_matrix if precision_matrix is not None else scale_tril)
        if given.dim() < 2:
            raise ValueError("covariance_matrix, precision_matrix and scale_tril must be at least two-dimensional, "
                             "with optional leading batch dimensions")
        batch_shape = broadcast_shape(tuple(given.shape[:-2]), tuple(loc.shape[:-1]))
        k = loc.shape[-1]
        if tuple(given.shape[-2:]) != (k, k):
            raise ValueError(f"The matrix parameter of shape {tuple(given.shape)} does not match loc's event size {k}")
        if scale_tril is not None:
            self.scale_tril = scale_tril.expand(batch_shape + (k, k))
        elif covariance_matrix is not None:
            self.covariance_matrix = covariance_matrix.expand(batch_shape + (k, k))
        else:
            self.precision_matrix = precision_matrix.expand(batch_shape + (k, k))
        self.loc = loc.expand(batch_shape + (k,))
        super().__init__(batch_shape, (k,), validate_args=validate_args)
        if scale_tril is not None:
            self._unbroadcasted_scale_tril = scale_tril
        elif covariance_matrix is not None:
            self._unbroadcasted_scale_tril = L.cholesky(covariance_matrix)
        else:
            self._unbroadcasted_scale_tril = L.cholesky(L.inv(precision_matrix))

    def expand(self, batch_shape, _instance=None):
        new = type(self).__new__(type(self))
        batch_shape = tuple(batch_shape)
        k = self._event_shape[0]
        new.loc = self.loc.expand(batch_shape + (k,))
        new._unbroadcasted_scale_tril = self._unbroadcasted_scale_tril
        for name in ("covariance_matrix", "scale_tril", "precision_matrix"):
            if name in self.__dict__:
                new.__dict__[name] = self.__dict__[name].expand(batch_shape + (k, k))
        Distribution.__init__(new, batch_shape, self._event_shape, validate_args=False)
        new._validate_args = self._validate_args
        return new

    @lazy_property
    def scale_tril(self):
        """The lower-triangular Cholesky factor L of the covariance (covariance = L @ L.mT)."""
        return self._unbroadcasted_scale_tril.expand(self._batch_shape + self._event_shape + self._event_shape)

    @lazy_property
    def covariance_matrix(self):
        """The covariance matrix (..., D, D)."""
        Lt = self._unbroadcasted_scale_tril
        return (Lt @ Lt.mT).expand(self._batch_shape + self._event_shape + self._event_shape)

    @lazy_property
    def precision_matrix(self):
        """The inverse of the covariance matrix (..., D, D)."""
        return L.inv(self.covariance_matrix)

    @property
    def mean(self):
        return self.loc

    @property
    def mode(self):
        return self.loc

    @property
    def variance(self):
        return self._unbroadcasted_scale_tril.pow(2).sum(-1).expand(self._batch_shape + self._event_shape)

    def rsample(self, sample_shape=()):
        shape = self._extended_shape(sample_shape)
        eps = rt.randn(shape, dtype=self.loc.dtype)
        return self.loc + (self._unbroadcasted_scale_tril @ eps.unsqueeze(-1)).squeeze(-1)

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        diff = value - self.loc
        M = _batch_mahalanobis(self._unbroadcasted_scale_tril, diff)
        half_log_det = L.diagonal(self._unbroadcasted_scale_tril).log().sum(-1)
        return -0.5 * (self._event_shape[0] * math.log(2 * math.pi) + M) - half_log_det

    def entropy(self):
        half_log_det = L.diagonal(self._unbroadcasted_scale_tril).log().sum(-1)
        H = 0.5 * self._event_shape[0] * (1.0 + math.log(2 * math.pi)) + half_log_det
        return H.expand(self._batch_shape) if len(self._batch_shape) else H

    def __repr__(self):
        return f"MultivariateNormal(loc: {tuple(self.loc.shape)})"


class Dirichlet(ExponentialFamily):
    """Dirichlet(concentration) on the probability simplex (event_shape (K,)); rsample normalises
    gamma samples (implicit reparameterisation).

    Args:
        concentration (Tensor): the concentration parameters (> 0), with at least one dim (K).
        validate_args (bool, optional): check the parameters and ``log_prob`` values; default the
            global setting (on).

    Example:
        >>> d = rt.distributions.Dirichlet(rt.tensor([1., 1., 2.]))
        >>> d.mean.tolist()
        [0.25, 0.25, 0.5]
        >>> s = d.sample(); s.shape, round(s.sum().item(), 4)
        ((3,), 1.0)
    """
    arg_constraints = {"concentration": constraints.independent(constraints.positive, 1)}
    support = constraints.simplex
    has_rsample = True

    def __init__(self, concentration, validate_args=None):
        if concentration.dim() < 1:
            raise ValueError("`concentration` parameter must be at least one-dimensional.")
        self.concentration = concentration
        super().__init__(tuple(concentration.shape[:-1]), tuple(concentration.shape[-1:]),
                         validate_args=validate_args)

    def rsample(self, sample_shape=()):
        shape = self._extended_shape(sample_shape)
        g = rt._C._standard_gamma(self.concentration.expand(shape))
        g = g.clamp_min(float(finfo(g.dtype).tiny))
        return g / g.sum(-1, keepdim=True)

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        c = self.concentration
        return ((c - 1) * value.log()).sum(-1) + c.sum(-1).lgamma() - c.lgamma().sum(-1)

    @property
    def mean(self):
        return self.concentration / self.concentration.sum(-1, keepdim=True)

    @property
    def mode(self):
        c = self.concentration - 1
        return c / c.sum(-1, keepdim=True)

    @property
    def variance(self):
        c0 = self.concentration.sum(-1, keepdim=True)
        return self.concentration * (c0 - self.concentration) / (c0.pow(2) * (c0 + 1))

    def entropy(self):
        k = self.concentration.shape[-1]
        c = self.concentration
        a0 = c.sum(-1)
        return (c.lgamma().sum(-1) - a0.lgamma() - (k - a0) * a0.digamma() - ((c - 1.0) * c.digamma()).sum(-1))

    def __repr__(self):
        return f"Dirichlet(concentration: {tuple(self.concentration.shape)})"


class Independent(Distribution):
    """Reinterprets the last reinterpreted_batch_ndims batch dims of base_distribution as event dims
    (log_prob and entropy sum over them).

    Args:
        base_distribution (Distribution): the distribution whose batch dims are reinterpreted.
        reinterpreted_batch_ndims (int): how many of the rightmost batch dims become event dims.
        validate_args (bool, optional): check the parameters and ``log_prob`` values; default the
            global setting (on).

    Example:
        >>> d = rt.distributions.Independent(rt.distributions.Normal(rt.zeros(3), rt.ones(3)), 1)
        >>> d.batch_shape, d.event_shape
        ((), (3,))
        >>> round(d.log_prob(rt.zeros(3)).item(), 4)
        -2.7568
    """
    arg_constraints = {}

    def __init__(self, base_distribution, reinterpreted_batch_ndims, validate_args=None):
        n = reinterpreted_batch_ndims
        if n > len(base_distribution.batch_shape):
            raise ValueError(f"Expected reinterpreted_batch_ndims <= len(base_distribution.batch_shape), actual {n} vs "
                             f"{len(base_distribution.batch_shape)}")
        shape = tuple(base_distribution.batch_shape) + tuple(base_distribution.event_shape)
        event_dim = n + len(base_distribution.event_shape)
        self.base_dist = base_distribution
        self.reinterpreted_batch_ndims = n
        super().__init__(shape[:len(shape) - event_dim], shape[len(shape) - event_dim:], validate_args=validate_args)

    def expand(self, batch_shape, _instance=None):
        new = type(self).__new__(type(self))
        batch_shape = tuple(batch_shape)
        new.base_dist = self.base_dist.expand(batch_shape + self._event_shape[:self.reinterpreted_batch_ndims])
        new.reinterpreted_batch_ndims = self.reinterpreted_batch_ndims
        Distribution.__init__(new, batch_shape, self._event_shape, validate_args=False)
        new._validate_args = self._validate_args
        return new

    @property
    def has_rsample(self):
        return self.base_dist.has_rsample

    @property
    def has_enumerate_support(self):
        return False if self.reinterpreted_batch_ndims > 0 else self.base_dist.has_enumerate_support

    @constraints.dependent_property
    def support(self):
        """The base distribution's support with ``reinterpreted_batch_ndims`` more event dims."""
        result = self.base_dist.support
        if self.reinterpreted_batch_ndims:
            result = constraints.independent(result, self.reinterpreted_batch_ndims)
        return result

    @property
    def mean(self):
        return self.base_dist.mean

    @property
    def mode(self):
        return self.base_dist.mode

    @property
    def variance(self):
        return self.base_dist.variance

    def sample(self, sample_shape=()):
        return self.base_dist.sample(sample_shape)

    def rsample(self, sample_shape=()):
        return self.base_dist.rsample(sample_shape)

    def log_prob(self, value):
        return sum_rightmost(self.base_dist.log_prob(value), self.reinterpreted_batch_ndims)

    def entropy(self):
        return sum_rightmost(self.base_dist.entropy(), self.reinterpreted_batch_ndims)

    def cdf(self, value):
        raise NotImplementedError

    def __repr__(self):
        return f"Independent({self.base_dist!r}, {self.reinterpreted_batch_ndims})"
