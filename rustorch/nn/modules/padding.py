"""Padding layers: zero, constant, reflection, replication and circular padding in 1-3 dims."""
from .. import functional as F
from .module import Module
from .utils import _pair, _quadruple, _ntuple, layer_error

__all__ = [
    "ZeroPad1d", "ZeroPad2d", "ZeroPad3d", "ConstantPad1d", "ConstantPad2d", "ConstantPad3d", "ReflectionPad1d",
    "ReflectionPad2d", "ReflectionPad3d", "ReplicationPad1d", "ReplicationPad2d", "ReplicationPad3d",
    "CircularPad1d", "CircularPad2d", "CircularPad3d",
]

_sextuple = _ntuple(6, "_sextuple")
_PAD_TUPLES = {1: _pair, 2: _quadruple, 3: _sextuple}


class _PadNd(Module):
    _mode = "constant"
    _dims = 0

    def __init__(self, padding):
        super().__init__()
        self.padding = _PAD_TUPLES[self._dims](padding)

    def forward(self, input):
        try:
            return F.pad(input, self.padding, self._mode)
        except Exception as e:
            raise layer_error(self, e) from None

    def extra_repr(self):
        return f"{self.padding}"


class _ConstantPadNd(_PadNd):
    def __init__(self, padding, value):
        super().__init__(padding)
        self.value = value

    def forward(self, input):
        try:
            return F.pad(input, self.padding, "constant", self.value)
        except Exception as e:
            raise layer_error(self, e) from None

    def extra_repr(self):
        return f"padding={self.padding}, value={self.value}"


class ConstantPad1d(_ConstantPadNd):
    """Pads the last dim with ``value``: padding int or (left, right).

    Args:
        padding (int or tuple): the same amount on both sides, or (left, right).
        value (float): the fill value.

    Example:
        >>> m = nn.ConstantPad1d((1, 2), 9.0)
        >>> x = rt.tensor([[[1., 2., 3.]]])
        >>> m(x).tolist()
        [[[9.0, 1.0, 2.0, 3.0, 9.0, 9.0]]]
    """
    _dims = 1


class ConstantPad2d(_ConstantPadNd):
    """Pads the last 2 dims with ``value``: padding int or (left, right, top, bottom).

    Args:
        padding (int or tuple): the same amount on all sides, or (left, right, top, bottom).
        value (float): the fill value.

    Example:
        >>> m = nn.ConstantPad2d((1, 0, 0, 1), 9.0)
        >>> x = rt.tensor([[[[1., 2.], [3., 4.]]]])
        >>> m(x).tolist()
        [[[[9.0, 1.0, 2.0], [9.0, 3.0, 4.0], [9.0, 9.0, 9.0]]]]
    """
    _dims = 2


class ConstantPad3d(_ConstantPadNd):
    """Pads the last 3 dims with ``value``: padding int or a 6-tuple.

    Args:
        padding (int or tuple): the same amount on all sides, or (left, right, top, bottom, front, back).
        value (float): the fill value.

    Example:
        >>> m = nn.ConstantPad3d(1, 0.5)
        >>> x = rt.ones(1, 1, 2, 2, 2)
        >>> tuple(m(x).shape)
        (1, 1, 4, 4, 4)
        >>> m(x).sum().item()
        36.0
    """
    _dims = 3


class _ZeroPadNd(_ConstantPadNd):
    def __init__(self, padding):
        super().__init__(padding, 0.0)

    def extra_repr(self):
        return f"{self.padding}"


class ZeroPad1d(_ZeroPadNd):
    """Pads the last dim with zeros: padding int or (left, right).

    Args:
        padding (int or tuple): the same amount on both sides, or (left, right).

    Example:
        >>> m = nn.ZeroPad1d((1, 2))
        >>> x = rt.tensor([[[1., 2., 3.]]])
        >>> m(x).tolist()
        [[[0.0, 1.0, 2.0, 3.0, 0.0, 0.0]]]
    """
    _dims = 1


class ZeroPad2d(_ZeroPadNd):
    """Pads the last 2 dims with zeros: padding int or (left, right, top, bottom).

    Args:
        padding (int or tuple): the same amount on all sides, or (left, right, top, bottom).

    Example:
        >>> m = nn.ZeroPad2d((1, 0, 0, 1))
        >>> x = rt.tensor([[[[1., 2.], [3., 4.]]]])
        >>> m(x).tolist()
        [[[[0.0, 1.0, 2.0], [0.0, 3.0, 4.0], [0.0, 0.0, 0.0]]]]
    """
    _dims = 2


class ZeroPad3d(_ZeroPadNd):
    """Pads the last 3 dims with zeros: padding int or a 6-tuple.

    Args:
        padding (int or tuple): the same amount on all sides, or (left, right, top, bottom, front, back).

    Example:
        >>> m = nn.ZeroPad3d((1, 1, 0, 0, 0, 2))
        >>> x = rt.ones(1, 1, 2, 2, 2)
        >>> tuple(m(x).shape)
        (1, 1, 4, 2, 4)
    """
    _dims = 3


class ReflectionPad1d(_PadNd):
    """Pads the last dim with its reflection (edge not repeated).

    Each padding must be smaller than the padded dim.

    Args:
        padding (int or tuple): the same amount on both sides, or (left, right).

    Example:
        >>> m = nn.ReflectionPad1d(2)
        >>> x = rt.tensor([[[1., 2., 3.]]])
        >>> m(x).tolist()
        [[[3.0, 2.0, 1.0, 2.0, 3.0, 2.0, 1.0]]]
    """
    _mode, _dims = "reflect", 1


class ReflectionPad2d(_PadNd):
    """Pads the last 2 dims with their reflection (edge not repeated).

    Args:
        padding (int or tuple): the same amount on all sides, or (left, right, top, bottom).

    Example:
        >>> m = nn.ReflectionPad2d((1, 0, 1, 0))
        >>> x = rt.tensor([[[[1., 2.], [3., 4.]]]])
        >>> m(x).tolist()
        [[[[4.0, 3.0, 4.0], [2.0, 1.0, 2.0], [4.0, 3.0, 4.0]]]]
    """
    _mode, _dims = "reflect", 2


class ReflectionPad3d(_PadNd):
    """Pads the last 3 dims with their reflection (edge not repeated).

    Args:
        padding (int or tuple): the same amount on all sides, or (left, right, top, bottom, front, back).

    Example:
        >>> m = nn.ReflectionPad3d(1)
        >>> x = rt.arange(8.).reshape(1, 1, 2, 2, 2)
        >>> y = m(x)
        >>> tuple(y.shape)
        (1, 1, 4, 4, 4)
        >>> y[0, 0, 0, 0].tolist()
        [7.0, 6.0, 7.0, 6.0]
    """
    _mode, _dims = "reflect", 3


class ReplicationPad1d(_PadNd):
    """Pads the last dim by repeating the edge value.

    Args:
        padding (int or tuple): the same amount on both sides, or (left, right).

    Example:
        >>> m = nn.ReplicationPad1d((2, 1))
        >>> x = rt.tensor([[[1., 2., 3.]]])
        >>> m(x).tolist()
        [[[1.0, 1.0, 1.0, 2.0, 3.0, 3.0]]]
    """
    _mode, _dims = "replicate", 1


class ReplicationPad2d(_PadNd):
    """Pads the last 2 dims by repeating the edge values.

    Args:
        padding (int or tuple): the same amount on all sides, or (left, right, top, bottom).

    Example:
        >>> m = nn.ReplicationPad2d((1, 0, 0, 1))
        >>> x = rt.tensor([[[[1., 2.], [3., 4.]]]])
        >>> m(x).tolist()
        [[[[1.0, 1.0, 2.0], [3.0, 3.0, 4.0], [3.0, 3.0, 4.0]]]]
    """
    _mode, _dims = "replicate", 2


class ReplicationPad3d(_PadNd):
    """Pads the last 3 dims by repeating the edge values.

    Args:
        padding (int or tuple): the same amount on all sides, or (left, right, top, bottom, front, back).

    Example:
        >>> m = nn.ReplicationPad3d(1)
        >>> x = rt.arange(8.).reshape(1, 1, 2, 2, 2)
        >>> y = m(x)
        >>> tuple(y.shape)
        (1, 1, 4, 4, 4)
        >>> y[0, 0, 0, 0].tolist()
        [0.0, 0.0, 1.0, 1.0]
    """
    _mode, _dims = "replicate", 3


class CircularPad1d(_PadNd):
    """Pads the last dim periodically (wrap-around).

    Args:
        padding (int or tuple): the same amount on both sides, or (left, right).

    Example:
        >>> m = nn.CircularPad1d((2, 1))
        >>> x = rt.tensor([[[1., 2., 3.]]])
        >>> m(x).tolist()
        [[[2.0, 3.0, 1.0, 2.0, 3.0, 1.0]]]
    """
    _mode, _dims = "circular", 1


class CircularPad2d(_PadNd):
    """Pads the last 2 dims periodically (wrap-around).

    Args:
        padding (int or tuple): the same amount on all sides, or (left, right, top, bottom).

    Example:
        >>> m = nn.CircularPad2d((1, 0, 0, 1))
        >>> x = rt.tensor([[[[1., 2.], [3., 4.]]]])
        >>> m(x).tolist()
        [[[[2.0, 1.0, 2.0], [4.0, 3.0, 4.0], [2.0, 1.0, 2.0]]]]
    """
    _mode, _dims = "circular", 2


class CircularPad3d(_PadNd):
    """Pads the last 3 dims periodically (wrap-around).

    Args:
        padding (int or tuple): the same amount on all sides, or (left, right, top, bottom, front, back).

    Example:
        >>> m = nn.CircularPad3d(1)
        >>> x = rt.arange(8.).reshape(1, 1, 2, 2, 2)
        >>> y = m(x)
        >>> tuple(y.shape)
        (1, 1, 4, 4, 4)
        >>> y[0, 0, 0, 0].tolist()
        [7.0, 6.0, 7.0, 6.0]
    """
    _mode, _dims = "circular", 3
