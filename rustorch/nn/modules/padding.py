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
    """Pads the last dim with ``value``: padding int or (left, right)."""
    _dims = 1


class ConstantPad2d(_ConstantPadNd):
    """Pads the last 2 dims with ``value``: padding int or (left, right, top, bottom)."""
    _dims = 2


class ConstantPad3d(_ConstantPadNd):
    """Pads the last 3 dims with ``value``: padding int or a 6-tuple."""
    _dims = 3


class _ZeroPadNd(_ConstantPadNd):
    def __init__(self, padding):
        super().__init__(padding, 0.0)

    def extra_repr(self):
        return f"{self.padding}"


class ZeroPad1d(_ZeroPadNd):
    """Pads the last dim with zeros: padding int or (left, right)."""
    _dims = 1


class ZeroPad2d(_ZeroPadNd):
    """Pads the last 2 dims with zeros: padding int or (left, right, top, bottom)."""
    _dims = 2


class ZeroPad3d(_ZeroPadNd):
    """Pads the last 3 dims with zeros: padding int or a 6-tuple."""
    _dims = 3


class ReflectionPad1d(_PadNd):
    """Pads the last dim with its reflection (edge not repeated)."""
    _mode, _dims = "reflect", 1


class ReflectionPad2d(_PadNd):
    """Pads the last 2 dims with their reflection."""
    _mode, _dims = "reflect", 2


class ReflectionPad3d(_PadNd):
    """Pads the last 3 dims with their reflection."""
    _mode, _dims = "reflect", 3


class ReplicationPad1d(_PadNd):
    """Pads the last dim by repeating the edge value."""
    _mode, _dims = "replicate", 1


class ReplicationPad2d(_PadNd):
    """Pads the last 2 dims by repeating the edge values."""
    _mode, _dims = "replicate", 2


class ReplicationPad3d(_PadNd):
    """Pads the last 3 dims by repeating the edge values."""
    _mode, _dims = "replicate", 3


class CircularPad1d(_PadNd):
    """Pads the last dim periodically (wrap-around)."""
    _mode, _dims = "circular", 1


class CircularPad2d(_PadNd):
    """Pads the last 2 dims periodically."""
    _mode, _dims = "circular", 2


class CircularPad3d(_PadNd):
    """Pads the last 3 dims periodically."""
    _mode, _dims = "circular", 3
