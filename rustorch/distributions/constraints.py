"""Constraints: where a distribution's parameters and samples live (PyTorch's
``torch.distributions.constraints``). ``constraint.check(value)`` returns a bool tensor over the
batch (event dims reduced)."""
import math

import rustorch as rt

__all__ = [
    "Constraint", "boolean", "real", "real_vector", "positive", "nonnegative", "unit_interval", "simplex",
    "nonnegative_integer", "positive_integer", "integer_interval", "interval", "half_open_interval",
    "greater_than", "greater_than_eq", "less_than", "one_hot", "lower_cholesky", "positive_definite",
    "independent", "dependent", "dependent_property", "is_dependent",
]


class Constraint:
    """A region of values. ``is_discrete`` and ``event_dim`` (the dims one check covers) as in torch.

    Example:
        >>> class Even(rt.distributions.constraints.Constraint):
        ...     is_discrete = True
        ...     def check(self, value):
        ...         return value % 2 == 0
        >>> Even().check(rt.tensor([1, 2, 4])).tolist()
        [False, True, True]
        >>> rt.distributions.constraints.positive.check(rt.tensor([-1., 0., 2.])).tolist()
        [False, False, True]
    """
    is_discrete = False
    event_dim = 0

    def check(self, value):
        """A bool tensor: True where ``value`` satisfies the constraint (the last ``event_dim`` dims reduced).

        Args:
            value (Tensor): the values to check.
        """
        raise NotImplementedError

    def __repr__(self):
        return type(self).__name__.lstrip("_") + "()"


class _Dependent(Constraint):
    """A constraint that depends on other parameters (e.g. the support of Uniform); not checkable.
    ``constraints.dependent`` is its instance; calling it, as ``dependent_property`` does, wraps a
    function into a :class:`dependent_property`.

    Args:
        fn (callable, optional): when calling the constraint: the getter to wrap. Default: None.
        is_discrete (bool): whether the constrained values are discrete. Default: False.
        event_dim (int): the number of dims one check covers. Default: 0.

    Returns:
        dependent_property: when the constraint is called, the property of ``fn`` marked as a
        dependent constraint with the given ``is_discrete`` and ``event_dim``.

    Example:
        >>> from rustorch.distributions import constraints
        >>> constraints.is_dependent(constraints.dependent)
        True
        >>> constraints.is_dependent(constraints.positive)
        False
        >>> constraints.dependent.check(rt.tensor([1.]))
        Traceback (most recent call last):
          ...
        ValueError: Cannot determine validity of dependent constraint
    """

    def __init__(self, is_discrete=False, event_dim=0):
        self.is_discrete, self.event_dim = is_discrete, event_dim

    def __call__(self, fn=None, *, is_discrete=False, event_dim=0):
        return _DependentProperty(fn, is_discrete=is_discrete, event_dim=event_dim)

    def check(self, value):
        raise ValueError("Cannot determine validity of dependent constraint")


class _DependentProperty(property, _Dependent):
    """A property of a distribution that is also a dependent constraint (its value depends on the
    parameters, e.g. Uniform's support), so it cannot be checked on its own. Used as a decorator:
    ``@constraints.dependent_property(is_discrete=False, event_dim=0)``.

    Args:
        fn (callable, optional): the getter of the property.
        is_discrete (bool): whether the values are discrete. Default: False.
        event_dim (int): the number of event dims one check covers. Default: 0.

    Example:
        >>> class Box(rt.distributions.Distribution):
        ...     def __init__(self, high):
        ...         self.high = high
        ...         super().__init__()
        ...     @rt.distributions.constraints.dependent_property(is_discrete=False, event_dim=0)
        ...     def support(self):
        ...         return rt.distributions.constraints.interval(0.0, self.high)
        >>> rt.distributions.constraints.is_dependent(Box.support)
        True
        >>> Box(2.0).support.check(rt.tensor([1., 3.])).tolist()
        [True, False]
    """
    def __init__(self, fn=None, *, is_discrete=False, event_dim=0):
        property.__init__(self, fn)
        _Dependent.__init__(self, is_discrete=is_discrete, event_dim=event_dim)


def is_dependent(constraint):
    """True if ``constraint`` depends on parameters (``dependent`` or a ``dependent_property``) and cannot be checked.

    Args:
        constraint (Constraint): the constraint to test.

    Returns:
        bool: True for a dependent constraint.

    Example:
        >>> rt.distributions.constraints.is_dependent(rt.distributions.constraints.dependent)
        True
        >>> rt.distributions.constraints.is_dependent(rt.distributions.constraints.positive)
        False
    """
    return isinstance(constraint, _Dependent)


class _Boolean(Constraint):
    is_discrete = True

    def check(self, value):
        return (value == 0) | (value == 1)


class _Real(Constraint):
    def check(self, value):
        return value == value  # not NaN


class _IntegerInterval(Constraint):
    """Integers in the closed interval [lower_bound, upper_bound].

    Args:
        lower_bound (int or float): the smallest allowed value.
        upper_bound (int or float): the largest allowed value.

    Example:
        >>> rt.distributions.constraints.integer_interval(0, 3).check(rt.tensor([0., 1.5, 3., 4.])).tolist()
        [True, False, True, False]
    """
    is_discrete = True

    def __init__(self, lower_bound, upper_bound):
        self.lower_bound, self.upper_bound = lower_bound, upper_bound

    def check(self, value):
        return (value % 1 == 0) & (self.lower_bound <= value) & (value <= self.upper_bound)

    def __repr__(self):
        return f"IntegerInterval(lower_bound={self.lower_bound}, upper_bound={self.upper_bound})"


class _IntegerGreaterThan(Constraint):
    """Integers greater than or equal to lower_bound."""
    is_discrete = True

    def __init__(self, lower_bound):
        self.lower_bound = lower_bound

    def check(self, value):
        return (value % 1 == 0) & (value >= self.lower_bound)

    def __repr__(self):
        return f"IntegerGreaterThan(lower_bound={self.lower_bound})"


class _GreaterThan(Constraint):
    """Real numbers strictly greater than lower_bound (NaN fails).

    Args:
        lower_bound (float or Tensor): the exclusive lower bound.

    Example:
        >>> rt.distributions.constraints.greater_than(1.0).check(rt.tensor([0.5, 1.0, 2.0])).tolist()
        [False, False, True]
    """
    def __init__(self, lower_bound):
        self.lower_bound = lower_bound

    def check(self, value):
        return (value > self.lower_bound) & (value == value)

    def __repr__(self):
        return f"GreaterThan(lower_bound={self.lower_bound})"


class _GreaterThanEq(_GreaterThan):
    """Real numbers greater than or equal to lower_bound.

    Args:
        lower_bound (float or Tensor): the inclusive lower bound.

    Example:
        >>> rt.distributions.constraints.greater_than_eq(1.0).check(rt.tensor([0.5, 1.0, 2.0])).tolist()
        [False, True, True]
    """
    def check(self, value):
        return value >= self.lower_bound

    def __repr__(self):
        return f"GreaterThanEq(lower_bound={self.lower_bound})"


class _LessThan(Constraint):
    """Real numbers strictly less than upper_bound.

    Args:
        upper_bound (float or Tensor): the exclusive upper bound.

    Example:
        >>> rt.distributions.constraints.less_than(1.0).check(rt.tensor([0.5, 1.0, 2.0])).tolist()
        [True, False, False]
    """
    def __init__(self, upper_bound):
        self.upper_bound = upper_bound

    def check(self, value):
        return value < self.upper_bound

    def __repr__(self):
        return f"LessThan(upper_bound={self.upper_bound})"


class _Interval(Constraint):
    """Real numbers in the closed interval [lower_bound, upper_bound].

    Args:
        lower_bound (float or Tensor): the inclusive lower bound.
        upper_bound (float or Tensor): the inclusive upper bound.

    Example:
        >>> rt.distributions.constraints.interval(0.0, 1.0).check(rt.tensor([0.0, 1.0, 1.5])).tolist()
        [True, True, False]
    """
    def __init__(self, lower_bound, upper_bound):
        self.lower_bound, self.upper_bound = lower_bound, upper_bound

    def check(self, value):
        return (self.lower_bound <= value) & (value <= self.upper_bound)

    def __repr__(self):
        return f"Interval(lower_bound={self.lower_bound}, upper_bound={self.upper_bound})"


class _HalfOpenInterval(_Interval):
    """Real numbers in the half-open interval [lower_bound, upper_bound).

    Args:
        lower_bound (float or Tensor): the inclusive lower bound.
        upper_bound (float or Tensor): the exclusive upper bound.

    Example:
        >>> rt.distributions.constraints.half_open_interval(0.0, 1.0).check(rt.tensor([0.0, 1.0, 0.5])).tolist()
        [True, False, True]
    """
    def check(self, value):
        return (self.lower_bound <= value) & (value < self.upper_bound)

    def __repr__(self):
        return f"HalfOpenInterval(lower_bound={self.lower_bound}, upper_bound={self.upper_bound})"


class _Simplex(Constraint):
    event_dim = 1

    def check(self, value):
        return (value >= 0).all(-1) & ((value.sum(-1) - 1).abs() < 1e-6)


class _OneHot(Constraint):
    is_discrete = True
    event_dim = 1

    def check(self, value):
        return ((value == 0) | (value == 1)).all(-1) & (value.sum(-1) == 1)


class _LowerCholesky(Constraint):
    event_dim = 2

    def check(self, value):
        upper = rt.linalg._impl._triu(value, 1)
        return (upper == 0).all(-1).all(-1) & (rt.linalg.diagonal(value) > 0).all(-1)


class _PositiveDefinite(Constraint):
    event_dim = 2

    def check(self, value):
        symmetric = ((value - value.mT).abs() <= 1e-6 * (value.abs() + 1)).all(-1).all(-1)
        return symmetric & (rt.linalg.cholesky_ex(value).info == 0)


class _RealVector(Constraint):
    event_dim = 1

    def check(self, value):
        return (value == value).all(-1)


class _Independent(Constraint):
    """base_constraint over the last reinterpreted_batch_ndims more dims.

    Args:
        base_constraint (Constraint): the constraint of each element.
        reinterpreted_batch_ndims (int): how many more rightmost dims one check covers.

    Example:
        >>> c = rt.distributions.constraints.independent(rt.distributions.constraints.positive, 1)
        >>> c.event_dim, c.check(rt.tensor([[1., 2.], [1., -1.]])).tolist()
        (1, [True, False])
    """

    def __init__(self, base_constraint, reinterpreted_batch_ndims):
        self.base_constraint = base_constraint
        self.reinterpreted_batch_ndims = reinterpreted_batch_ndims

    @property
    def is_discrete(self):
        return self.base_constraint.is_discrete

    @property
    def event_dim(self):
        return self.base_constraint.event_dim + self.reinterpreted_batch_ndims

    def check(self, value):
        result = self.base_constraint.check(value)
        for _ in range(self.reinterpreted_batch_ndims):
            result = result.all(-1)
        return result

    def __repr__(self):
        return f"Independent({self.base_constraint!r}, {self.reinterpreted_batch_ndims})"


dependent = _Dependent()
dependent_property = _DependentProperty
independent = _Independent
boolean = _Boolean()
one_hot = _OneHot()
nonnegative_integer = _IntegerGreaterThan(0)
positive_integer = _IntegerGreaterThan(1)
integer_interval = _IntegerInterval
real = _Real()
real_vector = _RealVector()
positive = _GreaterThan(0.0)
nonnegative = _GreaterThanEq(0.0)
greater_than = _GreaterThan
greater_than_eq = _GreaterThanEq
less_than = _LessThan
unit_interval = _Interval(0.0, 1.0)
interval = _Interval
half_open_interval = _HalfOpenInterval
simplex = _Simplex()
lower_cholesky = _LowerCholesky()
positive_definite = _PositiveDefinite()
_inf = math.inf
