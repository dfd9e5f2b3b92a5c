"""The Distribution base class (PyTorch's semantics: batch_shape, event_shape, sample/rsample,
log_prob, argument and support validation on by default) and shared helpers."""
import math
import numbers

import numpy as np

import rustorch as rt

from . import constraints

__all__ = ["Distribution"]


# ---- helpers ------------------------------------------------------------------------------------------

def _is_tensor(x):
    return isinstance(x, rt.Tensor)


def broadcast_all(*values):
    """Tensors of the values broadcast to one shape. Numbers become tensors of the tensors' dtype
    (the default float dtype when there are none)."""
    tensors = [v for v in values if _is_tensor(v)]
    for v in values:
        if not (_is_tensor(v) or isinstance(v, numbers.Number)):
            raise ValueError("Input arguments must all be instances of numbers.Number or rt.Tensor, got %r"
                             % type(v).__name__)
    dtype = tensors[0].dtype if tensors else rt.get_default_dtype()
    for t in tensors:
        if t.is_floating_point():
            dtype = t.dtype
            break
    out = [v if _is_tensor(v) else rt.tensor(float(v), dtype=dtype) for v in values]
    shape = tuple(np.broadcast_shapes(*[tuple(t.shape) for t in out]))
    return tuple(t if tuple(t.shape) == shape else t.expand(shape) for t in out)


def broadcast_shape(*shapes):
    return tuple(np.broadcast_shapes(*[tuple(s) for s in shapes]))


def finfo(dtype):
    return np.finfo(np.float32 if dtype == rt.float32 else np.float64)


def clamp_probs(probs):
    eps = float(finfo(probs.dtype).eps)
    return probs.clamp(eps, 1.0 - eps)


def softplus(x):
    return x.clamp_min(0.0) + (-x.abs()).exp().log1p()


def logits_to_probs(logits, is_binary=False):
    return logits.sigmoid() if is_binary else logits.softmax(-1)


def probs_to_logits(probs, is_binary=False):
    ps = clamp_probs(probs)
    return ps.log() - (-ps).log1p() if is_binary else ps.log()


def xlogy(x, y):
    """x * log(y), 0 where x == 0 (so 0 * log 0 = 0)."""
    return rt.where(x == 0, rt.zeros_like(y), x * y.log())


def sum_rightmost(value, dim):
    for _ in range(dim):
        value = value.sum(-1)
    return value


def one_hot(indices, num_classes, dtype):
    return (indices.long().unsqueeze(-1) == rt.arange(num_classes)).to(dtype)


class lazy_property:
    """A property computed on first access and then cached in the instance (so an alternative
    parametrization, e.g. probs from logits, is computed only when used)."""

    def __init__(self, fn):
        self.fn = fn
        self.__doc__ = fn.__doc__
        self.__name__ = fn.__name__

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = self.fn(instance)
        instance.__dict__[self.__name__] = value
        return value


# ---- Distribution -----------------------------------------------------------------------------------------

class Distribution:
    """Base class: a batch (batch_shape) of independent distributions over events (event_shape).

    Subclasses set ``arg_constraints`` (parameter name -> Constraint), ``support``, ``has_rsample``
    and implement what they can of ``rsample``/``sample``, ``log_prob``, ``cdf``, ``icdf``,
    ``entropy``, ``mean``, ``variance``. With ``validate_args`` (default on, like PyTorch) invalid
    parameters and out-of-support values raise ValueError.

    Args:
        batch_shape (tuple of ints): the shape of the batch of distributions. Default: ().
        event_shape (tuple of ints): the shape of one sample of one distribution. Default: ().
        validate_args (bool, optional): check the parameters and ``log_prob`` values; default the
            global setting (on).

    Example:
        >>> class Coin(rt.distributions.Distribution):
        ...     def __init__(self, p):
        ...         self.p = p
        ...         super().__init__(batch_shape=p.shape)
        ...     @property
        ...     def mean(self):
        ...         return self.p
        >>> d = Coin(rt.tensor([0.5, 0.25]))
        >>> d.batch_shape, d.event_shape, d.mean.tolist()
        ((2,), (), [0.5, 0.25])
        >>> n = rt.distributions.Normal(0., 1.)
        >>> n.batch_shape, n.sample((2,)).shape
        ((), (2,))
    """
    has_rsample = False
    has_enumerate_support = False
    _validate_args = True
    arg_constraints = {}
    support = None

    @staticmethod
    def set_default_validate_args(value):
        """Turns argument validation on or off for every distribution created afterwards.

        Args:
            value (bool): True to check parameters and ``log_prob`` values (the default), False to skip the checks.
        """
        if value not in (True, False):
            raise ValueError("validate_args must be True or False")
        Distribution._validate_args = value

    def __init__(self, batch_shape=(), event_shape=(), validate_args=None):
        self._batch_shape = tuple(batch_shape)
        self._event_shape = tuple(event_shape)
        if validate_args is not None:
            self._validate_args = validate_args
        if self._validate_args:
            for param, constraint in self.arg_constraints.items():
                if constraints.is_dependent(constraint):
                    continue
                if param not in self.__dict__ and isinstance(getattr(type(self), param, None), (lazy_property, property)):
                    continue  # a lazily computed alternative parametrization (probs vs logits)
                value = getattr(self, param)
                valid = constraint.check(value)
                if not bool(valid.all()):
                    raise ValueError(
                        f"Expected parameter {param} ({type(value).__name__} of shape {tuple(value.shape)}) of "
                        f"distribution {self!r} to satisfy the constraint {constraint!r}, but found invalid values:\n"
                        f"{value}")

    # -- shapes --
    @property
    def batch_shape(self):
        """The shape over which parameters are batched (independent distributions)."""
        return self._batch_shape

    @property
    def event_shape(self):
        """The shape of a single sample (``()`` for univariate distributions)."""
        return self._event_shape

    def _extended_shape(self, sample_shape=()):
        return tuple(sample_shape) + self._batch_shape + self._event_shape

    def expand(self, batch_shape, _instance=None):
        """The distribution with its parameters expanded to batch_shape (no copies)."""
        batch_shape = tuple(batch_shape)
        new = _instance if _instance is not None else type(self).__new__(type(self))
        for name in self._param_names():
            if name in self.__dict__:
                value = self.__dict__[name]
                if _is_tensor(value):
                    trailing = tuple(value.shape)[len(self._batch_shape):]
                    value = value.expand(batch_shape + trailing)
                new.__dict__[name] = value
        for name, value in self.__dict__.items():
            if name not in new.__dict__ and name not in ("_batch_shape", "_event_shape"):
                new.__dict__[name] = value
        Distribution.__init__(new, batch_shape, self._event_shape, validate_args=False)
        new._validate_args = self._validate_args
        return new

    def _param_names(self):
        return list(self.arg_constraints) + ["_param"]

    # -- sampling --
    def sample(self, sample_shape=()):
        """Samples without gradient (rsample under no_grad where reparameterisable)."""
        with rt.no_grad():
            return self.rsample(sample_shape)

    def rsample(self, sample_shape=()):
        """Draws a reparameterised sample: gradients flow back to the parameters.

        Args:
            sample_shape (tuple): leading shape of the sample; the result has shape
                ``sample_shape + batch_shape + event_shape``.

        Raises:
            NotImplementedError: the distribution is not reparameterisable (``has_rsample`` is False).
        """
        raise NotImplementedError(f"{type(self).__name__} does not support rsample (not reparameterisable)")

    def sample_n(self, n):
        """``n`` samples: the same as ``sample((n,))``."""
        return self.sample((n,))

    # -- densities and moments --
    def log_prob(self, value):
        """The log of the probability density (or mass) at ``value``, differentiable in the parameters.

        Args:
            value (Tensor): points broadcastable with ``batch_shape + event_shape``; with validation on,
                values outside ``support`` raise ValueError.

        Returns:
            Tensor: one log-density per event (shape ``value``'s without ``event_shape``).
        """
        raise NotImplementedError

    def cdf(self, value):
        """The cumulative distribution function evaluated at ``value``."""
        raise NotImplementedError

    def icdf(self, value):
        """The inverse cumulative distribution function (quantile function) evaluated at ``value``."""
        raise NotImplementedError

    def entropy(self):
        """The entropy of each distribution in the batch (shape ``batch_shape``), in nats."""
        raise NotImplementedError

    def perplexity(self):
        """``exp(entropy())``: the perplexity of each distribution in the batch."""
        return self.entropy().exp()

    def enumerate_support(self, expand=True):
        """Every value of a discrete support, along a new leading dimension.

        Args:
            expand (bool): expand the values over ``batch_shape`` (True, the default) or keep
                singleton batch dimensions (False).
        """
        raise NotImplementedError

    @property
    def mean(self):
        """The mean of each distribution in the batch."""
        raise NotImplementedError

    @property
    def mode(self):
        """The mode of each distribution in the batch."""
        raise NotImplementedError

    @property
    def variance(self):
        """The variance of each distribution in the batch."""
        raise NotImplementedError

    @property
    def stddev(self):
        """The standard deviation (square root of ``variance``)."""
        return self.variance.sqrt()

    # -- validation --
    def _validate_sample(self, value):
        if not _is_tensor(value):
            raise ValueError("The value argument to log_prob must be a Tensor")
        event_dim = len(self._event_shape)
        if tuple(value.shape[len(value.shape) - event_dim:]) != self._event_shape:
            raise ValueError(f"The right-most size of value must match event_shape: {tuple(value.shape)} vs "
                             f"{self._event_shape}.")
        actual = tuple(value.shape)
        expected = self._batch_shape + self._event_shape
        for i, j in zip(reversed(actual), reversed(expected)):
            if i != 1 and j != 1 and i != j:
                raise ValueError(f"Value is not broadcastable with batch_shape+event_shape: {actual} vs {expected}.")
        support = self.support
        if support is None or constraints.is_dependent(support):
            return
        valid = support.check(value)
        if not bool(valid.all()):
            raise ValueError(
                f"Expected value argument ({type(value).__name__} of shape {tuple(value.shape)}) to be within the "
                f"support ({support!r}) of the distribution {self!r}, but found invalid values:\n{value}")

    def __repr__(self):
        names = [k for k in self.arg_constraints if k in self.__dict__]
        args = ", ".join(f"{k}: {self.__dict__[k] if self.__dict__[k].numel() == 1 else tuple(self.__dict__[k].shape)}"
                         if _is_tensor(self.__dict__[k]) else f"{k}: {self.__dict__[k]}" for k in names)
        return f"{type(self).__name__}({args})"


class ExponentialFamily(Distribution):
    """Marker base of exponential-family distributions (as in torch).

    Args:
        batch_shape (tuple of ints): the shape of the batch of distributions. Default: ().
        event_shape (tuple of ints): the shape of one sample of one distribution. Default: ().
        validate_args (bool, optional): check the parameters and ``log_prob`` values; default the
            global setting (on).

    Example:
        >>> isinstance(rt.distributions.Normal(0., 1.), rt.distributions.ExponentialFamily)
        True
        >>> isinstance(rt.distributions.Laplace(0., 1.), rt.distributions.ExponentialFamily)
        False
    """


_LOG_SQRT_2PI = 0.5 * math.log(2 * math.pi)
