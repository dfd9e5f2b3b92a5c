"""Flattening parameters to one vector and back (``torch.nn.utils.convert_parameters``)."""
from ... import _C
from ..._C import Tensor

__all__ = ["parameters_to_vector", "vector_to_parameters"]


def parameters_to_vector(parameters):
    """A new 1-D tensor holding all parameters' values in order (differentiable, through ``rt.cat``,
    when grad mode is on and a parameter requires grad; else one fused copy).

    Args:
        parameters (iterable of Tensors): the parameters (at least one).

    Returns:
        Tensor: the 1-D concatenation of the flattened parameters.

    Example:
        >>> params = [rt.ones(2, 2), rt.tensor([5., 6.])]
        >>> nn.utils.parameters_to_vector(params).tolist()
        [1.0, 1.0, 1.0, 1.0, 5.0, 6.0]
    """
    params = list(parameters)
    for p in params:
        if not isinstance(p, Tensor):
            raise TypeError(f"expected rustorch.Tensor, but got: {type(p).__name__}")
    if not params:
        raise ValueError("parameters_to_vector: expected at least one parameter")
    if _C.is_grad_enabled() and any(p.requires_grad for p in params):
        return _C.cat([p.reshape(-1) for p in params])
    return _C._optim.flatten(params, [p.numel() for p in params], params[0].dtype)


def vector_to_parameters(vec, parameters) -> None:
    """Makes each parameter's data a view of the next slice of ``vec`` (as PyTorch's
    ``param.data = vec[a:b].view_as(param).data``).

    Args:
        vec (Tensor): a 1-D tensor with as many elements as all parameters together.
        parameters (iterable of Tensors): the parameters to overwrite, in order.


    Example:
        >>> lin = nn.Linear(2, 1)
        >>> nn.utils.vector_to_parameters(rt.tensor([1., 2., 3.]), lin.parameters())
        >>> lin.weight.tolist(), lin.bias.tolist()
        ([[1.0, 2.0]], [3.0])
    """
    if not isinstance(vec, Tensor):
        raise TypeError(f"expected rustorch.Tensor, but got: {type(vec).__name__}")
    _C._optim.vector_to_parameters(vec, list(parameters))
