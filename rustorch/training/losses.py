"""Loss resolution for ``Model.compile``: strings, functions and loss Modules become one callable.

Every loss is called in PyTorch's argument order, ``loss(y_pred, y_true)`` (so
``rt.nn.functional.cross_entropy`` or an ``rt.CrossEntropyLoss()`` work as given). Weighted losses
(``class_weight`` / ``sample_weight`` in ``fit``) follow Keras's default "sum over batch size"
reduction: ``sum_i w_i * loss_i / N``, where ``loss_i`` is sample i's loss averaged over its
non-batch elements.
"""
from .. import _C
from ..nn import functional as F
from ..nn.modules.module import Module

__all__ = ["Loss", "get", "LOSSES"]


def _bce_probs(y_pred, y_true, reduction):
    return F.binary_cross_entropy(y_pred, y_true.to(y_pred.dtype), reduction=reduction)


def _bce_logits(y_pred, y_true, reduction):
    return F.binary_cross_entropy_with_logits(y_pred, y_true.to(y_pred.dtype), reduction=reduction)


def _sparse_ce(y_pred, y_true, reduction):
    return F.cross_entropy(y_pred, y_true, reduction=reduction)


def _categorical_ce(y_pred, y_true, reduction):
    """Cross entropy of logits against one-hot (or probability) targets of the same shape."""
    if tuple(y_true.shape) != tuple(y_pred.shape):
        raise ValueError(f"categorical_crossentropy: targets must be one-hot with the logits' shape "
                         f"{tuple(y_pred.shape)}, got {tuple(y_true.shape)} (use 'sparse_categorical_crossentropy' "
                         "for class indices)")
    return F.cross_entropy(y_pred, y_true.to(y_pred.dtype), reduction=reduction)


def _regression(fn):
    def loss(y_pred, y_true, reduction):
        if y_true.dtype != y_pred.dtype:
            y_true = y_true.to(y_pred.dtype)
        if tuple(y_true.shape) != tuple(y_pred.shape) and y_pred.dim() == 2 and y_pred.shape[1] == 1 \
                and y_true.dim() == 1:
            y_true = y_true.unsqueeze(1)  # (N,) targets for a (N, 1) regression head, as Keras accepts
        return fn(y_pred, y_true, reduction=reduction)
    return loss


# name -> fn(y_pred, y_true, reduction) with reduction 'mean' | 'none' (elementwise for 'none')
LOSSES = {
    "cross_entropy": _sparse_ce,
    "sparse_categorical_crossentropy": _sparse_ce,
    "categorical_crossentropy": _categorical_ce,
    "binary_crossentropy": _bce_probs,
    "bce": _bce_probs,
    "bce_with_logits": _bce_logits,
    "binary_crossentropy_with_logits": _bce_logits,
    "mse": _regression(F.mse_loss),
    "mean_squared_error": _regression(F.mse_loss),
    "mae": _regression(F.l1_loss),
    "mean_absolute_error": _regression(F.l1_loss),
    "huber": _regression(F.huber_loss),
}

# Losses that take logits: 'accuracy'-style metrics of a model compiled with them threshold at 0.
LOGIT_LOSSES = {"cross_entropy", "sparse_categorical_crossentropy", "categorical_crossentropy", "bce_with_logits",
                "binary_crossentropy_with_logits"}


def _per_sample(elementwise, batch):
    """Mean over all non-batch dimensions: (N, ...) -> (N,)."""
    if elementwise.dim() == 0:
        raise ValueError("loss: per-sample weights need a loss that returns one value per sample, got a scalar")
    if elementwise.dim() == 1:
        return elementwise
    return elementwise.reshape(batch, -1).mean(1)


class Loss:
    """A compiled loss: ``loss(y_pred, y_true, sample_weight=None)`` -> 0-d tensor.

    Built by :func:`get` from a string, a function ``fn(y_pred, y_true)`` or a loss Module.
    ``name`` is what the logs call it; ``from_logits`` tells accuracy-like metrics that
    predictions are logits.

    Args:
        fn (callable): ``fn(y_pred, y_true)`` returning the mean loss (a 0-d tensor).
        name (str): the name in the logs.
        elementwise_fn (callable, optional): the per-element losses, needed for ``sample_weight``.
        from_logits (bool): the predictions are logits. Default: False.

    Example:
        >>> loss = rt.training.losses.Loss(lambda p, t: ((p - t) ** 2).mean(), "my_mse",
        ...                                lambda p, t: (p - t) ** 2)
        >>> loss(rt.tensor([1., 3.]), rt.tensor([1., 1.])).item()
        2.0
        >>> loss(rt.tensor([1., 3.]), rt.tensor([1., 1.]), sample_weight=rt.tensor([1., 0.])).item()
        0.0
    """

    def __init__(self, fn, name, elementwise_fn=None, from_logits=False):
        self.fn = fn
        self.name = name
        self._elementwise = elementwise_fn
        self.from_logits = from_logits

    def __call__(self, y_pred, y_true, sample_weight=None):
        if sample_weight is None:
            return self.fn(y_pred, y_true)
        if self._elementwise is None:
            raise ValueError(f"loss {self.name!r}: class_weight/sample_weight need per-sample losses; pass a "
                             "loss string or a loss Module with a `reduction` attribute")
        per_sample = _per_sample(self._elementwise(y_pred, y_true), y_pred.shape[0])
        weight = sample_weight.to(per_sample.dtype).reshape(-1)
        if weight.shape[0] != per_sample.shape[0]:
            raise ValueError(f"loss {self.name!r}: sample_weight has {weight.shape[0]} entries for a batch of "
                             f"{per_sample.shape[0]}")
        return (per_sample * weight).sum() / per_sample.shape[0]

    def __repr__(self):
        return f"Loss({self.name!r})"


def _module_elementwise(module):
    """A per-element version of a loss Module (a shallow copy with reduction='none'), or None."""
    if not hasattr(module, "reduction"):
        return None
    import copy
    clone = copy.copy(module)  # Module.__getstate__ copies __dict__, so the original keeps its reduction
    clone.__dict__["reduction"] = "none"
    return clone


def get(spec):
    """Resolves ``compile(loss=...)``: a name from :data:`LOSSES`, a loss Module, or a callable
    ``fn(y_pred, y_true) -> scalar tensor``. Returns a :class:`Loss`.

    Args:
        spec (str, nn.Module, callable or Loss): the loss specification.

    Returns:
        Loss: the compiled loss.

    Example:
        >>> loss = rt.training.losses.get("mse")
        >>> loss.name, loss(rt.tensor([1., 3.]), rt.tensor([1., 1.])).item()
        ('mse', 2.0)
        >>> rt.training.losses.get(nn.CrossEntropyLoss()).from_logits
        True
    """
    if isinstance(spec, Loss):
        return spec
    if isinstance(spec, str):
        key = spec.lower()
        if key not in LOSSES:
            raise ValueError(f"compile: unknown loss {spec!r}; expected one of {sorted(LOSSES)} or a callable")
        fn = LOSSES[key]
        return Loss(lambda p, t: fn(p, t, "mean"), key, lambda p, t: fn(p, t, "none"),
                    from_logits=key in LOGIT_LOSSES)
    if isinstance(spec, Module):
        name = type(spec).__name__
        from_logits = name in ("CrossEntropyLoss", "BCEWithLogitsLoss")
        return Loss(spec, name, _module_elementwise(spec), from_logits=from_logits)
    if callable(spec):
        name = getattr(spec, "__name__", type(spec).__name__)
        from_logits = name in ("cross_entropy", "binary_cross_entropy_with_logits")
        return Loss(spec, name, None, from_logits=from_logits)
    raise TypeError(f"compile: loss must be a string, a callable or an nn.Module, got {type(spec).__name__}")


def scalar_loss_check(value, name):
    """Raises a clear error when a loss did not return a tensor."""
    if not isinstance(value, _C.Tensor):
        raise TypeError(f"loss {name!r} returned {type(value).__name__}, expected a rustorch Tensor")
    return value
