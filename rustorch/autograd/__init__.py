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
    """Disables graph recording inside the block (or the decorated function)."""
    _mode = False


class enable_grad(_GradModeContext):
    """Enables graph recording inside the block (or the decorated function)."""
    _mode = True


class inference_mode(_GradModeContext):
    """Like no_grad: no graph is recorded (rustorch has no separate inference tensors)."""

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
    """Sets grad mode on or off; works as a function call, a context manager or a decorator."""

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


def backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False):
    """Accumulates into the .grad of graph leaves the gradient of the given tensors."""
    tensors = _as_list(tensors)
    grads = _as_list(grad_tensors) or [None] * len(tensors)
    if retain_graph is None:
        retain_graph = create_graph
    _C._backward(tensors, grads, bool(retain_graph), bool(create_graph))


def grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False, allow_unused=False):
    """Returns the gradients of outputs with respect to inputs (a tuple), without touching .grad."""
    outputs = _as_list(outputs)
    inputs_list = _as_list(inputs)
    grads = _as_list(grad_outputs) or [None] * len(outputs)
    if retain_graph is None:
        retain_graph = create_graph
    return tuple(_C._grad(outputs, inputs_list, grads, bool(retain_graph), bool(create_graph), bool(allow_unused)))


def Variable(data, requires_grad=False):
    """The old Variable API: returns a Tensor (a copy of data) with the given requires_grad."""
    return _C.tensor(data, requires_grad=requires_grad) if not isinstance(data, Tensor) else \
        data.detach().requires_grad_(requires_grad)


from .gradcheck import gradcheck, gradgradcheck  # noqa: E402,F401
