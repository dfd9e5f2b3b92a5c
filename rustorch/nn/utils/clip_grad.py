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
    ``norm_type`` may be ``float('inf')``. ``foreach`` is accepted and ignored (always fused)."""
    tensors = _tensor_list(tensors)
    norm = _C._optim.total_norm(tensors, float(norm_type))
    if error_if_nonfinite and not _finite(norm):
        raise RuntimeError(_nonfinite_message(norm_type))
    return norm


def clip_grads_with_norm_(parameters, max_norm, total_norm, foreach=None):
    """Scales the parameters' gradients in place by ``min(max_norm / (total_norm + 1e-6), 1)``."""
    _C._optim.clip_grads_with_norm_(_grads(parameters), float(max_norm), total_norm)


def clip_grad_norm_(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False, foreach=None):
    """Clips the gradient norm of parameters in place (the norm of all gradients together) and
    returns that total norm as a 0-d tensor.

    Args:
        parameters: a Tensor or an iterable of Tensors whose ``.grad`` is clipped.
        max_norm: the largest allowed norm.
        norm_type: the p of the p-norm (``float('inf')`` for the max norm).
        error_if_nonfinite: raise RuntimeError (before scaling) when the total norm is NaN or inf.
        foreach: accepted for compatibility; the C++ implementation is always fused.
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
    """Deprecated alias of :func:`clip_grad_norm_`."""
    warnings.warn("`rustorch.nn.utils.clip_grad_norm` is now deprecated in favor of "
                  "`rustorch.nn.utils.clip_grad_norm_`.", FutureWarning, stacklevel=2)
    return clip_grad_norm_(parameters, max_norm, norm_type, error_if_nonfinite, foreach)


def clip_grad_value_(parameters, clip_value, foreach=None):
    """Clamps the parameters' gradients in place to ``[-clip_value, clip_value]``."""
    _C._optim.clip_grad_value_(_grads(parameters), float(clip_value))


def _finite(norm):
    v = float(norm)
    return v == v and v not in (float("inf"), float("-inf"))


def _nonfinite_message(norm_type):
    return (f"The total norm of order {float(norm_type)} for gradients from `parameters` is non-finite, so it cannot "
            "be clipped. To disable this error and scale the gradients by the non-finite norm anyway, set "
            "`error_if_nonfinite=False`")
