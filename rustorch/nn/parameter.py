"""nn.Parameter: a Tensor that a Module registers as one of its parameters (``torch.nn.Parameter``)."""
from .._C import Tensor
from ..autograd import no_grad

__all__ = ["Parameter", "Buffer"]


class Parameter(Tensor):
    """A tensor that is a module parameter: assigning it as a Module attribute registers it, and it
    appears in ``parameters()`` and ``state_dict()``.

    ``Parameter(data, requires_grad=True)`` shares ``data``'s storage (no copy) and is a leaf that
    requires grad by default. Results of operations on a Parameter are plain Tensors.

    Args:
        data (Tensor, optional): the initial value (shared, not copied); None gives an empty tensor. Default: None.
        requires_grad (bool): whether the parameter requires a gradient. Default: True.

    Example:
        >>> p = nn.Parameter(rt.tensor([1., 2.]))
        >>> p.requires_grad, p.is_leaf
        (True, True)
        >>> m = nn.Module()
        >>> m.w = p
        >>> [name for name, _ in m.named_parameters()]
        ['w']
        >>> type(p * 2).__name__
        'Tensor'
    """

    def __init__(self, data=None, requires_grad=True):
        if data is None:
            super().__init__()
        else:
            super().__init__(data)
        if requires_grad:
            self.requires_grad_(True)

    def __repr__(self):
        return "Parameter containing:\n" + super().__repr__()

    __str__ = __repr__

    def __deepcopy__(self, memo):
        if id(self) in memo:
            return memo[id(self)]
        with no_grad():
            result = type(self)(self.detach().clone(), self.requires_grad)
            if self.grad is not None:
                result.grad = self.grad.detach().clone()
        memo[id(self)] = result
        return result

    def __reduce_ex__(self, proto):
        raise TypeError("Parameter objects cannot be pickled; save weights with state_dict() instead")


class Buffer(Tensor):
    """Marks a tensor as a buffer when assigned as a Module attribute (``torch.nn.Buffer``):
    ``self.running = nn.Buffer(rt.zeros(3), persistent=True)`` is ``register_buffer('running', ...)``.
    The module stores a plain Tensor sharing the data.

    Args:
        data (Tensor, optional): the buffer's value; None gives an empty tensor. Default: None.
        persistent (bool): include the buffer in ``state_dict()``. Keyword only. Default: True.

    Example:
        >>> m = nn.Module()
        >>> m.running = nn.Buffer(rt.zeros(3))
        >>> m.scratch = nn.Buffer(rt.ones(1), persistent=False)
        >>> [name for name, _ in m.named_buffers()]
        ['running', 'scratch']
        >>> list(m.state_dict().keys())
        ['running']
    """

    def __init__(self, data=None, *, persistent=True):
        if data is None:
            super().__init__()
        else:
            super().__init__(data)
        self.persistent = persistent

