"""Reverse-mode automatic differentiation: grad mode, backward/grad, and gradient checks."""
import functools

from .. import _C
from .._C import Tensor

__all__ = ["no_grad", "enable_grad", "set_grad_enabled", "inference_mode", "backward", "grad", "Variable"]


class _GradModeContext:
    """Base of the grad-mode context managers; instances also work as decorators."""

    _mode = True

    def __enter__(self):
        self._prev = _C.is_grad_enabled()
        _C._set_grad_enabled(self._mode)
        return self

    def __exit__(self, *exc):
        _C._set_grad_enabled(self._prev)
        return False

    def __call__(self, fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            with self.__class__():
                return fn(*args, **kwargs)
        return wrapper


class no_grad(_GradModeContext):
    """Disables graph recording inside the block (or the decorated function).

    Example:
        >>> x = rt.ones(2, requires_grad=True)
        >>> with rt.no_grad():
        ...     y = x * 2
        >>> y.requires_grad
        False
        >>> @rt.no_grad()
        ... def double(t):
        ...     return t * 2
        >>> double(x).requires_grad
        False
    """
    _mode = False


class enable_grad(_GradModeContext):
    """Enables graph recording inside the block (or the decorated function), e.g. inside ``no_grad``.

    Example:
        >>> x = rt.ones(2, requires_grad=True)
        >>> with rt.no_grad():
        ...     with rt.enable_grad():
        ...         y = x * 2
        >>> y.requires_grad
        True
    """
    _mode = True


class inference_mode(_GradModeContext):
    """Like no_grad: no graph is recorded (rustorch has no separate inference tensors).

    Args:
        mode (bool): True disables graph recording inside the block; False enables it instead. Default: True.

    Example:
        >>> x = rt.ones(2, requires_grad=True)
        >>> with rt.inference_mode():
        ...     y = x * 2
        >>> y.requires_grad
        False
        >>> with rt.inference_mode(False):
        ...     z = x * 2
        >>> z.requires_grad
        True
    """

    def __init__(self, mode=True):
        self._mode = not mode

    def __call__(self, fn):
        mode = self._mode

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            ctx = inference_mode(not mode)
            with ctx:
                return fn(*args, **kwargs)
        return wrapper


class set_grad_enabled(_GradModeContext):
    """Sets grad mode on or off; works as a function call, a context manager or a decorator.

    As a function call the mode stays set; as a context manager the previous mode comes back on exit.

    Args:
        mode (bool): True enables graph recording, False disables it.

    Example:
        >>> x = rt.ones(2, requires_grad=True)
        >>> with rt.set_grad_enabled(False):
        ...     y = x * 2
        >>> y.requires_grad
        False
        >>> _ = rt.set_grad_enabled(False)
        >>> rt.is_grad_enabled()
        False
        >>> _ = rt.set_grad_enabled(True)
        >>> rt.is_grad_enabled()
        True
    """

    def __init__(self, mode):
        self._mode = bool(mode)
        self._prev = _C.is_grad_enabled()
        _C._set_grad_enabled(self._mode)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        _C._set_grad_enabled(self._prev)
        return False

    def __call__(self, fn):
        _C._set_grad_enabled(self._prev)
        mode = self._mode

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            with set_grad_enabled(mode):
                return fn(*args, **kwargs)
        return wrapper


def _as_list(x):
    if x is None:
        return None
    if isinstance(x, Tensor):
        return [x]
    return list(x)


def backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False) -> None:
    """Accumulates into the .grad of graph leaves the gradient of the given tensors.

    Equivalent to ``sum(t.backward(g) for t, g in zip(tensors, grad_tensors))`` in one graph pass.

    Args:
        tensors (Tensor or sequence of Tensors): the roots to differentiate.
        grad_tensors (Tensor or sequence, optional): the gradient with respect to each root; None entries mean ones
            (scalar roots only). Default: None.
        retain_graph (bool, optional): keep the graph for another backward; None means ``create_graph``. Default: None.
        create_graph (bool): record the backward itself for higher-order gradients. Default: False.

    Example:
        >>> x = rt.tensor([1., 2.], requires_grad=True)
        >>> rt.autograd.backward((x * x).sum())
        >>> x.grad.tolist()
        [2.0, 4.0]
    """
    tensors = _as_list(tensors)
    grads = _as_list(grad_tensors) or [None] * len(tensors)
    if retain_graph is None:
        retain_graph = create_graph
    _C._backward(tensors, grads, bool(retain_graph), bool(create_graph))


def grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False, allow_unused=False):
    """Returns the gradients of outputs with respect to inputs (a tuple), without touching .grad.

    Args:
        outputs (Tensor or sequence of Tensors): the roots to differentiate.
        inputs (Tensor or sequence of Tensors): the tensors to differentiate with respect to.
        grad_outputs (Tensor or sequence, optional): the gradient with respect to each output; None means ones (scalar
            outputs only). Default: None.
        retain_graph (bool, optional): keep the graph for another pass; None means ``create_graph``. Default: None.
        create_graph (bool): record the computation for higher-order gradients. Default: False.
        allow_unused (bool): return None for an input the outputs do not depend on instead of raising. Default: False.

    Returns:
        tuple of Tensors: one gradient per input (None for unused inputs with ``allow_unused``).

    Example:
        >>> x = rt.tensor([1., 2.], requires_grad=True)
        >>> (g,) = rt.autograd.grad((x ** 3).sum(), x)
        >>> g.tolist()
        [3.0, 12.0]
        >>> x.grad is None
        True
    """
    outputs = _as_list(outputs)
    inputs_list = _as_list(inputs)
    grads = _as_list(grad_outputs) or [None] * len(outputs)
    if retain_graph is None:
        retain_graph = create_graph
    return tuple(_C._grad(outputs, inputs_list, grads, bool(retain_graph), bool(create_graph), bool(allow_unused)))


def Variable(data, requires_grad=False):
    """The old Variable API: returns a Tensor (a copy of data) with the given requires_grad.

    Args:
        data (Tensor or array_like): the values; a Tensor is detached (sharing its data), anything else is copied.
        requires_grad (bool): whether the result requires a gradient. Default: False.

    Returns:
        Tensor: the data, as a leaf with the given ``requires_grad``.

    Example:
        >>> v = rt.Variable(rt.tensor([1., 2.]), requires_grad=True)
        >>> type(v).__name__, v.requires_grad
        ('Tensor', True)
    """
    return _C.tensor(data, requires_grad=requires_grad) if not isinstance(data, Tensor) else \
        data.detach().requires_grad_(requires_grad)


from .gradcheck import gradcheck, gradgradcheck  # noqa: E402,F401
