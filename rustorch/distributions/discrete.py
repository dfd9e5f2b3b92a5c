"""Discrete distributions: Bernoulli, Binomial, Poisson, Categorical, OneHotCategorical."""
import rustorch as rt

from . import constraints
from .distribution import (Distribution, ExponentialFamily, broadcast_all, broadcast_shape, finfo, lazy_property,
                           logits_to_probs, one_hot, probs_to_logits, softplus, xlogy)

__all__ = ["Bernoulli", "Binomial", "Poisson", "Categorical", "OneHotCategorical"]


def _one_of(probs, logits, name):
    if (probs is None) == (logits is None):
        raise ValueError(f"{name}: either `probs` or `logits` must be specified, but not both.")


class Bernoulli(ExponentialFamily):
    """1 with probability probs (or sigmoid(logits)), else 0.

    Args:
        probs (float or Tensor, optional): the probability of 1 (exactly one of ``probs`` and ``logits``).
        logits (float or Tensor, optional): the log-odds of 1.
        validate_args (bool, optional): check the parameters and ``log_prob`` values; default the
            global setting (on).

    Example:
        >>> d = rt.distributions.Bernoulli(probs=rt.tensor([0.25, 1.0]))
        >>> d.sample().tolist()
        [0.0, 1.0]
        >>> [round(v, 4) for v in d.log_prob(rt.tensor([1., 1.])).tolist()]
        [-1.3863, -0.0]
        >>> d.mean.tolist()
        [0.25, 1.0]
    """
    arg_constraints = {"probs": constraints.unit_interval, "logits": constraints.real}
    support = constraints.boolean
    has_enumerate_support = True

    def __init__(self, probs=None, logits=None, validate_args=None):
        _one_of(probs, logits, "Bernoulli")
        if probs is not None:
            (self.probs,) = broadcast_all(probs)
            shape = tuple(self.probs.shape)
        else:
            (self.logits,) = broadcast_all(logits)
            shape = tuple(self.logits.shape)
        super().__init__(shape, validate_args=validate_args)

    @lazy_property
    def logits(self):
        """Log-odds of the value 1 (computed from ``probs`` on first use when given that way)."""
        return probs_to_logits(self.probs, is_binary=True)

    @lazy_property
    def probs(self):
        """Probability of the value 1 (computed from ``logits`` on first use when given that way)."""
        return logits_to_probs(self.logits, is_binary=True)

    @property
    def param(self):
        """The parameter the distribution was built from (``probs`` or ``logits``)."""
        return self.__dict__.get("probs", self.__dict__.get("logits"))

    @property
    def mean(self):
        return self.probs

    @property
    def mode(self):
        mode = (self.probs >= 0.5).to(self.probs.dtype)
        return rt.where(self.probs == 0.5, mode * float("nan"), mode)

    @property
    def variance(self):
        return self.probs * (1 - self.probs)

    def sample(self, sample_shape=()):
        with rt.no_grad():
            return rt.bernoulli(self.probs.expand(self._extended_shape(sample_shape)).contiguous())

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        logits, value = broadcast_all(self.logits, value)
        # -binary_cross_entropy_with_logits(logits, value)
        return -(logits.clamp_min(0) - logits * value + (-logits.abs()).exp().log1p())

    def entropy(self):
        p, logits = self.probs, self.logits
        return logits.clamp_min(0) - logits * p + (-logits.abs()).exp().log1p()

    def enumerate_support(self, expand=True):
        values = rt.arange(2, dtype=self.probs.dtype if "probs" in self.__dict__ else self.logits.dtype)
        values = values.view((-1,) + (1,) * len(self._batch_shape))
        return values.expand((2,) + self._batch_shape) if expand else values


class Binomial(Distribution):
    """Number of successes in total_count independent trials with success probability probs.

    Args:
        total_count (int or Tensor): the number of trials (>= 0). Default: 1.
        probs (float or Tensor, optional): the success probability (exactly one of ``probs`` and ``logits``).
        logits (float or Tensor, optional): the log-odds of success.
        validate_args (bool, optional): check the parameters and ``log_prob`` values; default the
            global setting (on).

    Example:
        >>> d = rt.distributions.Binomial(total_count=10, probs=rt.tensor(0.5))
        >>> d.mean.item(), d.variance.item()
        (5.0, 2.5)
        >>> round(d.log_prob(rt.tensor(5.)).exp().item(), 4)
        0.2461
        >>> d.sample((3,)).shape
        (3,)
    """
    arg_constraints = {"total_count": constraints.nonnegative_integer, "probs": constraints.unit_interval,
                       "logits": constraints.real}
    has_enumerate_support = True

    def __init__(self, total_count=1, probs=None, logits=None, validate_args=None):
        _one_of(probs, logits, "Binomial")
        if probs is not None:
            self.total_count, self.probs = broadcast_all(total_count, probs)
            self.total_count = self.total_count.to(self.probs.dtype)
            shape = tuple(self.probs.shape)
        else:
            self.total_count, self.logits = broadcast_all(total_count, logits)
            self.total_count = self.total_count.to(self.logits.dtype)
            shape = tuple(self.logits.shape)
        super().__init__(shape, validate_args=validate_args)

    @constraints.dependent_property(is_discrete=True, event_dim=0)
    def support(self):
        """The integers 0..total_count (depends on the parameter, so not checked separately)."""
        return constraints.integer_interval(0, self.total_count)

    @lazy_property
    def logits(self):
        """Log-odds of success of each trial."""
        return probs_to_logits(self.probs, is_binary=True)

    @lazy_property
    def probs(self):
        """Probability of success of each trial."""
        return logits_to_probs(self.logits, is_binary=True)

    @property
    def mean(self):
        return self.total_count * self.probs

    @property
    def mode(self):
        return rt.minimum(((self.total_count + 1) * self.probs).floor(), self.total_count)

    @property
    def variance(self):
        return self.total_count * self.probs * (1 - self.probs)

    def sample(self, sample_shape=()):
        shape = self._extended_shape(sample_shape)
        with rt.no_grad():
            return rt.binomial(self.total_count.expand(shape).contiguous(), self.probs.expand(shape).contiguous())

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        n, logits = self.total_count, self.logits
        log_comb = (n + 1).lgamma() - (value + 1).lgamma() - (n - value + 1).lgamma()
        # k log p + (n - k) log(1 - p) with log p = -softplus(-logits), log(1 - p) = -softplus(logits),
        # so p = 0 or 1 (infinite logits) give 0 * inf terms only where they vanish.
        log_p, log_q = -softplus(-logits), -softplus(logits)
        return log_comb + rt.where(value == 0, rt.zeros_like(log_p), value * log_p) + \
            rt.where(n - value == 0, rt.zeros_like(log_q), (n - value) * log_q)

    def entropy(self):
        # Sum over k = 0 .. max(total_count), terms with k > total_count masked out.
        n_max = int(self.total_count.max().item()) if self.total_count.numel() else 0
        values = rt.arange(n_max + 1, dtype=self.total_count.dtype).view((-1,) + (1,) * len(self._batch_shape))
        log_prob = self._log_prob_unchecked(rt.minimum(values, self.total_count))
        terms = rt.where(values <= self.total_count, log_prob.exp() * log_prob, rt.zeros_like(log_prob))
        return -terms.sum(0)

    def _log_prob_unchecked(self, values):
        validate, self._validate_args = self._validate_args, False
        try:
            return self.log_prob(values)
        finally:
            self._validate_args = validate

    def enumerate_support(self, expand=True):
        n = int(self.total_count.max().item()) if self.total_count.numel() else 0
        if not bool((self.total_count == n).all()):
            raise NotImplementedError("Inhomogeneous total count not supported by `enumerate_support`.")
        values = rt.arange(n + 1, dtype=self.total_count.dtype).view((-1,) + (1,) * len(self._batch_shape))
        return values.expand((n + 1,) + self._batch_shape) if expand else values


class Poisson(ExponentialFamily):
    """Poisson(rate): P(k) = rate^k e^-rate / k!.

    Args:
        rate (float or Tensor): the mean number of events (>= 0).
        validate_args (bool, optional): check the parameters and ``log_prob`` values; default the
            global setting (on).

    Example:
        >>> d = rt.distributions.Poisson(rt.tensor(3.))
        >>> d.mean.item(), d.variance.item()
        (3.0, 3.0)
        >>> round(d.log_prob(rt.tensor(2.)).exp().item(), 4)
        0.224
        >>> d.sample((4,)).shape
        (4,)
    """
    arg_constraints = {"rate": constraints.nonnegative}
    support = constraints.nonnegative_integer

    def __init__(self, rate, validate_args=None):
        (self.rate,) = broadcast_all(rate)
        super().__init__(tuple(self.rate.shape), validate_args=validate_args)

    @property
    def mean(self):
        return self.rate

    @property
    def mode(self):
        return self.rate.floor()

    @property
    def variance(self):
        return self.rate

    def sample(self, sample_shape=()):
        with rt.no_grad():
            return rt.poisson(self.rate.expand(self._extended_shape(sample_shape)).contiguous())

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        rate, value = broadcast_all(self.rate, value)
        return xlogy(value, rate) - rate - (value + 1).lgamma()


class Categorical(Distribution):
    """Categories 0 .. K-1 with probabilities probs (normalised along the last dim) or
    softmax(logits).

    Args:
        probs (Tensor, optional): non-negative weights of the categories along the last dim
            (exactly one of ``probs`` and ``logits``).
        logits (Tensor, optional): unnormalized log-probabilities of the categories.
        validate_args (bool, optional): check the parameters and ``log_prob`` values; default the
            global setting (on).

    Example:
        >>> d = rt.distributions.Categorical(probs=rt.tensor([0.0, 0.0, 1.0]))
        >>> d.sample((3,)).tolist()
        [2, 2, 2]
        >>> d.probs.tolist()
        [0.0, 0.0, 1.0]
        >>> round(d.entropy().item(), 4)
        0.0
    """
    arg_constraints = {"probs": constraints.simplex, "logits": constraints.real_vector}
    has_enumerate_support = True

    def __init__(self, probs=None, logits=None, validate_args=None):
        _one_of(probs, logits, "Categorical")
        if probs is not None:
            if probs.dim() < 1:
                raise ValueError("`probs` parameter must be at least one-dimensional.")
            self.probs = probs / probs.sum(-1, keepdim=True)
        else:
            if logits.dim() < 1:
                raise ValueError("`logits` parameter must be at least one-dimensional.")
            self.logits = logits - logits.logsumexp(-1, keepdim=True)
        self._param = self.probs if probs is not None else self.logits
        self._num_events = self._param.shape[-1]
        super().__init__(tuple(self._param.shape[:-1]), validate_args=validate_args)

    def expand(self, batch_shape, _instance=None):
        new = super().expand(batch_shape, _instance)
        new._param = new.__dict__.get("probs", new.__dict__.get("logits"))
        return new

    @constraints.dependent_property(is_discrete=True, event_dim=0)
    def support(self):
        """The category indices 0..K-1 (K = number of categories)."""
        return constraints.integer_interval(0, self._num_events - 1)

    @lazy_property
    def logits(self):
        """Normalised log-probabilities of the categories (last dim), logsumexp = 0."""
        return probs_to_logits(self.probs)

    @lazy_property
    def probs(self):
        """Probabilities of the categories (last dim), summing to 1."""
        return logits_to_probs(self.logits)

    @property
    def param_shape(self):
        """The shape of ``probs`` / ``logits``: ``batch_shape + (K,)``."""
        return tuple(self._param.shape)

    @property
    def mean(self):
        return rt.full(self._extended_shape(), float("nan"), dtype=self.probs.dtype)

    @property
    def mode(self):
        return self.probs.argmax(-1)

    @property
    def variance(self):
        return rt.full(self._extended_shape(), float("nan"), dtype=self.probs.dtype)

    def sample(self, sample_shape=()):
        sample_shape = tuple(sample_shape)
        n = 1
        for s in sample_shape:
            n *= s
        with rt.no_grad():
            probs_2d = self.probs.reshape(-1, self._num_events)
            samples_2d = rt.multinomial(probs_2d, n, True).t() if n > 0 else \
                rt.zeros((0, probs_2d.shape[0]), dtype=rt.int64)
            return samples_2d.reshape(self._extended_shape(sample_shape))

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        value = value.long().unsqueeze(-1)
        shape = broadcast_shape(tuple(value.shape), tuple(self.logits.shape[:-1]) + (1,))
        value = value.expand(shape)
        log_pmf = self.logits.expand(shape[:-1] + (self._num_events,))
        return log_pmf.gather(-1, value.contiguous()).squeeze(-1)

    def entropy(self):
        min_real = float(finfo(self.logits.dtype).min)
        logits = self.logits.clamp_min(min_real)
        return -(logits * self.probs).sum(-1)

    def enumerate_support(self, expand=True):
        values = rt.arange(self._num_events).view((-1,) + (1,) * len(self._batch_shape))
        return values.expand((self._num_events,) + self._batch_shape) if expand else values


class OneHotCategorical(Distribution):
    """Categorical draws as one-hot vectors (event_shape (K,)).

    Args:
        probs (Tensor, optional): non-negative weights of the categories along the last dim
            (exactly one of ``probs`` and ``logits``).
        logits (Tensor, optional): unnormalized log-probabilities of the categories.
        validate_args (bool, optional): check the parameters and ``log_prob`` values; default the
            global setting (on).

    Example:
        >>> d = rt.distributions.OneHotCategorical(probs=rt.tensor([0.0, 1.0, 0.0]))
        >>> d.sample().tolist()
        [0.0, 1.0, 0.0]
        >>> d.event_shape
        (3,)
        >>> round(d.log_prob(rt.tensor([0., 1., 0.])).item(), 4)
        -0.0
    """
    arg_constraints = {"probs": constraints.simplex, "logits": constraints.real_vector}
    support = constraints.one_hot
    has_enumerate_support = True

    def __init__(self, probs=None, logits=None, validate_args=None):
        self._categorical = Categorical(probs, logits, validate_args=validate_args)
        super().__init__(self._categorical.batch_shape, self._categorical.param_shape[-1:],
                         validate_args=validate_args)

    def expand(self, batch_shape, _instance=None):
        new = type(self).__new__(type(self))
        new._categorical = self._categorical.expand(batch_shape)
        Distribution.__init__(new, tuple(batch_shape), self._event_shape, validate_args=False)
        new._validate_args = self._validate_args
        return new

    @property
    def probs(self):
        """Probabilities of the categories (last dim), summing to 1."""
        return self._categorical.probs

    @property
    def logits(self):
        """Normalised log-probabilities of the categories (last dim)."""
        return self._categorical.logits

    @property
    def param_shape(self):
        """The shape of ``probs`` / ``logits``: ``batch_shape + (K,)``."""
        return self._categorical.param_shape

    @property
    def mean(self):
        return self._categorical.probs

    @property
    def mode(self):
        return one_hot(self._categorical.mode, self._event_shape[0], self.probs.dtype)

    @property
    def variance(self):
        p = self._categorical.probs
        return p * (1 - p)

    def sample(self, sample_shape=()):
        indices = self._categorical.sample(sample_shape)
        return one_hot(indices, self._event_shape[0], self._categorical.probs.dtype)

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        indices = value.argmax(-1)
        return self._categorical.log_prob(indices)

    def entropy(self):
        return self._categorical.entropy()

    def enumerate_support(self, expand=True):
        n = self._event_shape[0]
        values = rt.eye(n, dtype=self.probs.dtype).view((n,) + (1,) * len(self._batch_shape) + (n,))
        return values.expand((n,) + self._batch_shape + (n,)) if expand else values

    def __repr__(self):
        return f"OneHotCategorical(probs: {tuple(self.probs.shape)})"

