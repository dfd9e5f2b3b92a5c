"""Dropout layers: active in training mode, identity in eval mode."""
from .. import functional as F
from .module import Module
from .utils import layer_error

__all__ = ["Dropout", "Dropout1d", "Dropout2d", "Dropout3d", "AlphaDropout"]


class _DropoutNd(Module):
    def __init__(self, p=0.5, inplace=False):
        super().__init__()
        if p < 0 or p > 1:
            raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
        self.p = p
        self.inplace = inplace

    def extra_repr(self):
        return f"p={self.p}, inplace={self.inplace}"

    def forward(self, input):
        try:
            return type(self)._fn(input, self.p, self.training, self.inplace)
        except Exception as e:
            raise layer_error(self, e) from None


class Dropout(_DropoutNd):
    """Zeroes each element with probability p and scales the rest by 1 / (1 - p) in training mode;
    the identity in eval mode.

    Args:
        p (float): the probability of zeroing an element; outside [0, 1] raises ``ValueError``. Default: 0.5.
        inplace (bool): overwrite the input instead of allocating the result. Default: False.

    Example:
        >>> m = nn.Dropout(p=0.5)
        >>> y = m(rt.ones(1000))
        >>> sorted(set(y.tolist()))
        [0.0, 2.0]
        >>> m.eval()(rt.ones(3)).tolist()
        [1.0, 1.0, 1.0]
    """
    _fn = staticmethod(F.dropout)


class Dropout1d(_DropoutNd):
    """Zeroes whole channels of (N, C, L) / (C, L) with probability p in training mode.

    Kept channels are scaled by 1 / (1 - p); the layer is the identity in eval mode.

    Args:
        p (float): the probability of zeroing a channel; outside [0, 1] raises ``ValueError``. Default: 0.5.
        inplace (bool): overwrite the input instead of allocating the result. Default: False.

    Example:
        >>> m = nn.Dropout1d(p=0.5)
        >>> y = m(rt.ones(2, 8, 5))
        >>> all(len(set(c)) == 1 for c in y.reshape(16, 5).tolist())
        True
        >>> m.eval()(rt.ones(1, 2, 2)).tolist()
        [[[1.0, 1.0], [1.0, 1.0]]]
    """
    _fn = staticmethod(F.dropout1d)


class Dropout2d(_DropoutNd):
    """Zeroes whole channels (feature maps) of (N, C, H, W) / (C, H, W) with probability p in
    training mode.

    Kept channels are scaled by 1 / (1 - p); the layer is the identity in eval mode.

    Args:
        p (float): the probability of zeroing a channel; outside [0, 1] raises ``ValueError``. Default: 0.5.
        inplace (bool): overwrite the input instead of allocating the result. Default: False.

    Example:
        >>> m = nn.Dropout2d(p=0.5)
        >>> y = m(rt.ones(2, 8, 3, 3))
        >>> set(y.flatten().tolist()) <= {0.0, 2.0}
        True
        >>> all(len(set(c)) == 1 for c in y.reshape(16, 9).tolist())
        True
        >>> tuple(y.shape)
        (2, 8, 3, 3)
    """
    _fn = staticmethod(F.dropout2d)


class Dropout3d(_DropoutNd):
    """Zeroes whole channels of (N, C, D, H, W) / (C, D, H, W) with probability p in training mode.

    Kept channels are scaled by 1 / (1 - p); the layer is the identity in eval mode.

    Args:
        p (float): the probability of zeroing a channel; outside [0, 1] raises ``ValueError``. Default: 0.5.
        inplace (bool): overwrite the input instead of allocating the result. Default: False.

    Example:
        >>> m = nn.Dropout3d(p=0.5)
        >>> y = m(rt.ones(2, 4, 2, 2, 2))
        >>> set(y.flatten().tolist()) <= {0.0, 2.0}
        True
        >>> all(len(set(c)) == 1 for c in y.reshape(8, 8).tolist())
        True
        >>> tuple(y.shape)
        (2, 4, 2, 2, 2)
    """
    _fn = staticmethod(F.dropout3d)


class AlphaDropout(_DropoutNd):
    """Dropout for SELU networks (keeps zero mean and unit variance).

    In training mode dropped elements are set to SELU's negative saturation value and the result is
    affinely corrected to keep the mean and variance; in eval mode the layer is the identity.

    Args:
        p (float): the probability of zeroing an element; outside [0, 1] raises ``ValueError``. Default: 0.5.
        inplace (bool): overwrite the input instead of allocating the result. Default: False.

    Example:
        >>> m = nn.AlphaDropout(p=0.2)
        >>> y = m(rt.randn(10000))
        >>> abs(y.mean().item()) < 0.05, abs(y.std().item() - 1) < 0.05
        (True, True)
        >>> m.eval()(rt.ones(2)).tolist()
        [1.0, 1.0]
    """
    _fn = staticmethod(F.alpha_dropout)
