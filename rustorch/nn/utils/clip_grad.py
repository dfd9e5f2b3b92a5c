"""Gradient clipping (``torch.nn.utils.clip_grad``): one fused C++ call over all gradients."""
import types
import warnings

from ... import _C
from ..._C import Tensor

__all__ = ["clip_grad_norm_", "clip_grad_norm", "clip_grad_value_", "get_total_norm", "clip_grads_with_norm_"]


def _tensor_list(tensors):
    if isinstance(tensors, Tensor):
        return [tensors]
    return list(tensors)


def _grads(parameters):
    return [p.grad for p in _tensor_list(parameters) if p.grad is not None]


def get_total_norm(tensors, norm_type=2.0, error_if_nonfinite=False, foreach=None):
    """The norm of the tensors' norms (as if concatenated into one vector), a 0-d tensor.
    ``norm_type`` may be ``float('inf')``. ``foreach`` is accepted and ignored (always fused).

    Args:
        tensors (Tensor or iterable of Tensors): the tensors (typically gradients).
        norm_type (float): the p of the p-norm (``float('inf')`` for the max norm). Default: 2.0.
        error_if_nonfinite (bool): raise RuntimeError when the total norm is NaN or inf. Default: False.
        foreach (bool, optional): accepted for compatibility; the C++ implementation is always fused. Default: None.

    Returns:
        Tensor: the total norm, a 0-d tensor.

    Example:
        >>> g = [rt.tensor([3., 0.]), rt.tensor([4.])]
        >>> nn.utils.get_total_norm(g).item()
        5.0
        >>> nn.utils.get_total_norm(g, float('inf')).item()
        4.0
    """
    tensors = _tensor_list(tensors)
    norm = _C._optim.total_norm(tensors, float(norm_type))
    if error_if_nonfinite and not _finite(norm):
        raise RuntimeError(_nonfinite_message(norm_type))
    return norm


def clip_grads_with_norm_(parameters, max_norm, total_norm, foreach=None) -> None:
    """Scales the parameters' gradients in place by ``min(max_norm / (total_norm + 1e-6), 1)``.

    Args:
        parameters (Tensor or iterable of Tensors): the parameters whose ``.grad`` is used (those without one are
            skipped).
        max_norm (float): the largest allowed norm.
        total_norm (Tensor): the total norm of the gradients (see :func:`get_total_norm`).
        foreach (bool, optional): accepted for compatibility; the C++ implementation is always fused. Default: None.


    Example:
        >>> p = rt.zeros(2, requires_grad=True)
        >>> p.grad = rt.tensor([3., 4.])
        >>> nn.utils.clip_grads_with_norm_([p], 1., rt.tensor(5.))
        >>> [round(g, 4) for g in p.grad.tolist()]
        [0.6, 0.8]
    """
    _C._optim.clip_grads_with_norm_(_grads(parameters), float(max_norm), total_norm)


def clip_grad_norm_(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False, foreach=None):
    """Clips the gradient norm of parameters in place (the norm of all gradients together) and
    returns that total norm as a 0-d tensor. Each gradient is scaled by
    ``min(max_norm / (total_norm + 1e-6), 1)``.

    Args:
        parameters (Tensor or iterable of Tensors): the parameters whose ``.grad`` is clipped.
        max_norm (float): the largest allowed norm.
        norm_type (float): the p of the p-norm (``float('inf')`` for the max norm). Default: 2.0.
        error_if_nonfinite (bool): raise RuntimeError (before scaling) when the total norm is NaN or inf. Default:
            False.
        foreach (bool, optional): accepted for compatibility; the C++ implementation is always fused. Default: None.

    Returns:
        Tensor: the total norm of the gradients before clipping, a 0-d tensor.

    Example:
        >>> p = rt.zeros(2, requires_grad=True)
        >>> p.grad = rt.tensor([3., 4.])
        >>> nn.utils.clip_grad_norm_([p], max_norm=1.).item()
        5.0
        >>> [round(g, 4) for g in p.grad.tolist()]
        [0.6, 0.8]
    """
    if isinstance(parameters, types.GeneratorType):
        parameters = list(parameters)
        if len(parameters) == 0:
            warnings.warn("`parameters` is an empty generator, no gradient clipping will occur.", stacklevel=2)
    grads = _grads(parameters)
    try:
        return _C._optim.clip_grad_norm_(grads, float(max_norm), float(norm_type), bool(error_if_nonfinite))
    except RuntimeError as e:
        if "non-finite" in str(e):
            raise RuntimeError(_nonfinite_message(norm_type)) from None
        raise


def clip_grad_norm(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False, foreach=None):
    """Deprecated alias of :func:`clip_grad_norm_` (warns with a FutureWarning).

    Args:
        parameters (Tensor or iterable of Tensors): the parameters whose ``.grad`` is clipped.
        max_norm (float): the largest allowed norm.
        norm_type (float): the p of the p-norm. Default: 2.0.
        error_if_nonfinite (bool): raise RuntimeError when the total norm is NaN or inf. Default: False.
        foreach (bool, optional): accepted for compatibility. Default: None.

    Returns:
        Tensor: the total norm of the gradients before clipping, a 0-d tensor.

    Example:
        >>> import warnings
        >>> p = rt.zeros(2, requires_grad=True)
        >>> p.grad = rt.tensor([3., 4.])
        >>> with warnings.catch_warnings(record=True):
        ...     nn.utils.clip_grad_norm(p, 10.).item()
        5.0
    """
    warnings.warn("`rustorch.nn.utils.clip_grad_norm` is now deprecated in favor of "
                  "`rustorch.nn.utils.clip_grad_norm_`.", FutureWarning, stacklevel=2)
    return clip_grad_norm_(parameters, max_norm, norm_type, error_if_nonfinite, foreach)


def clip_grad_value_(parameters, clip_value, foreach=None) -> None:
    """Clamps the parameters' gradients in place to ``[-clip_value, clip_value]``.

    Args:
        parameters (Tensor or iterable of Tensors): the parameters whose ``.grad`` is used (those without one are
            skipped).
        clip_value (float): the largest allowed absolute value.
        foreach (bool, optional): accepted for compatibility; the C++ implementation is always fused. Default: None.


    Example:
        >>> p = rt.zeros(3, requires_grad=True)
        >>> p.grad = rt.tensor([-2., 0.5, 3.])
        >>> nn.utils.clip_grad_value_(p, 1.)
        >>> p.grad.tolist()
        [-1.0, 0.5, 1.0]
    """
    _C._optim.clip_grad_value_(_grads(parameters), float(clip_value))


def _finite(norm):
    v = float(norm)
    return v == v and v not in (float("inf"), float("-inf"))


def _nonfinite_message(norm_type):
    return (f"The total norm of order {float(norm_type)} for gradients from `parameters` is non-finite, so it cannot "
            "be clipped. To disable this error and scale the gradients by the non-finite norm anyway, set "
            "`error_if_nonfinite=False`")
