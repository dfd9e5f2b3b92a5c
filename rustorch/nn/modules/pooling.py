"""Pooling layers: max, average and adaptive pooling in 1-3 dims, and LPPool (C++ kernels)."""
from .. import functional as F
from .module import Module
from .utils import _single, layer_error, shape_str

__all__ = [
    "MaxPool1d", "MaxPool2d", "MaxPool3d", "AvgPool1d", "AvgPool2d", "AvgPool3d", "AdaptiveAvgPool1d",
    "AdaptiveAvgPool2d", "AdaptiveAvgPool3d", "AdaptiveMaxPool1d", "AdaptiveMaxPool2d", "AdaptiveMaxPool3d",
    "LPPool1d", "LPPool2d",
]


def _pool_error(module, input, e):
    nd = module._dims
    if hasattr(input, "shape") and input.dim() not in (nd + 1, nd + 2):
        return layer_error(module, e, f"expected {nd + 1}D (unbatched) or {nd + 2}D (batched) input, got input of "
                                      f"shape {shape_str(input.shape)}")
    return layer_error(module, e)


class _MaxPoolNd(Module):
    _dims = 0

    def __init__(self, kernel_size, stride=None, padding=0, dilation=1, return_indices=False, ceil_mode=False):
        super().__init__()
        self.kernel_size = kernel_size
        self.stride = stride if (stride is not None) else kernel_size
        self.padding = padding
        self.dilation = dilation
        self.return_indices = return_indices
        self.ceil_mode = ceil_mode

    def forward(self, input):
        try:
            return type(self)._pool(input, self.kernel_size, self.stride, self.padding, self.dilation,
                                    ceil_mode=self.ceil_mode, return_indices=self.return_indices)
        except Exception as e:
            raise _pool_error(self, input, e) from None

    def extra_repr(self):
        return (f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}, "
                f"dilation={self.dilation}, ceil_mode={self.ceil_mode}")


class MaxPool1d(_MaxPoolNd):
    """Max over windows of (N, C, L) / (C, L); stride defaults to kernel_size."""
    _dims = 1
    _pool = staticmethod(F.max_pool1d)


class MaxPool2d(_MaxPoolNd):
    """Max over windows of (N, C, H, W) / (C, H, W); stride defaults to kernel_size."""
    _dims = 2
    _pool = staticmethod(F.max_pool2d)


class MaxPool3d(_MaxPoolNd):
    """Max over windows of (N, C, D, H, W) / (C, D, H, W); stride defaults to kernel_size."""
    _dims = 3
    _pool = staticmethod(F.max_pool3d)


class AvgPool1d(Module):
    """Average over windows of (N, C, L) / (C, L); stride defaults to kernel_size."""
    _dims = 1

    def __init__(self, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True):
        super().__init__()
        self.kernel_size = _single(kernel_size)
        self.stride = _single(stride if stride is not None else kernel_size)
        self.padding = _single(padding)
        self.ceil_mode = ceil_mode
        self.count_include_pad = count_include_pad

    def forward(self, input):
        try:
            return F.avg_pool1d(input, self.kernel_size, self.stride, self.padding, self.ceil_mode,
                                self.count_include_pad)
        except Exception as e:
            raise _pool_error(self, input, e) from None

    def extra_repr(self):
        return f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}"


class _AvgPoolNd(Module):
    _dims = 0

    def __init__(self, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True,
                 divisor_override=None):
        super().__init__()
        self.kernel_size = kernel_size
        self.stride = stride if (stride is not None) else kernel_size
        self.padding = padding
        self.ceil_mode = ceil_mode
        self.count_include_pad = count_include_pad
        self.divisor_override = divisor_override

    def forward(self, input):
        try:
            return type(self)._pool(input, self.kernel_size, self.stride, self.padding, self.ceil_mode,
                                    self.count_include_pad, self.divisor_override)
        except Exception as e:
            raise _pool_error(self, input, e) from None

    def extra_repr(self):
        return f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}"


class AvgPool2d(_AvgPoolNd):
    """Average over windows of (N, C, H, W) / (C, H, W); stride defaults to kernel_size."""
    _dims = 2
    _pool = staticmethod(F.avg_pool2d)


class AvgPool3d(_AvgPoolNd):
    """Average over windows of (N, C, D, H, W) / (C, D, H, W); stride defaults to kernel_size."""
    _dims = 3
    _pool = staticmethod(F.avg_pool3d)


class _AdaptiveAvgPoolNd(Module):
    _dims = 0

    def __init__(self, output_size):
        super().__init__()
        self.output_size = output_size

    def forward(self, input):
        try:
            return type(self)._pool(input, self.output_size)
        except Exception as e:
            raise _pool_error(self, input, e) from None

    def extra_repr(self):
        return f"output_size={self.output_size}"


class AdaptiveAvgPool1d(_AdaptiveAvgPoolNd):
    """Average pooling to a fixed output length."""
    _dims = 1
    _pool = staticmethod(F.adaptive_avg_pool1d)


class AdaptiveAvgPool2d(_AdaptiveAvgPoolNd):
    """Average pooling to a fixed (H, W) (an int, or a tuple whose None entries keep the input size)."""
    _dims = 2
    _pool = staticmethod(F.adaptive_avg_pool2d)


class AdaptiveAvgPool3d(_AdaptiveAvgPoolNd):
    """Average pooling to a fixed (D, H, W)."""
    _dims = 3
    _pool = staticmethod(F.adaptive_avg_pool3d)


class _AdaptiveMaxPoolNd(Module):
    _dims = 0

    def __init__(self, output_size, return_indices=False):
        super().__init__()
        self.output_size = output_size
        self.return_indices = return_indices

    def forward(self, input):
        try:
            return type(self)._pool(input, self.output_size, self.return_indices)
        except Exception as e:
            raise _pool_error(self, input, e) from None

    def extra_repr(self):
        return f"output_size={self.output_size}"


class AdaptiveMaxPool1d(_AdaptiveMaxPoolNd):
    """Max pooling to a fixed output length."""
    _dims = 1
    _pool = staticmethod(F.adaptive_max_pool1d)


class AdaptiveMaxPool2d(_AdaptiveMaxPoolNd):
    """Max pooling to a fixed (H, W)."""
    _dims = 2
    _pool = staticmethod(F.adaptive_max_pool2d)


class AdaptiveMaxPool3d(_AdaptiveMaxPoolNd):
    """Max pooling to a fixed (D, H, W)."""
    _dims = 3
    _pool = staticmethod(F.adaptive_max_pool3d)


class _LPPoolNd(Module):
    _dims = 0

    def __init__(self, norm_type, kernel_size, stride=None, ceil_mode=False):
        super().__init__()
        self.norm_type = norm_type
        self.kernel_size = kernel_size
        self.stride = stride
        self.ceil_mode = ceil_mode

    def extra_repr(self):
        return (f"norm_type={self.norm_type}, kernel_size={self.kernel_size}, stride={self.stride}, "
                f"ceil_mode={self.ceil_mode}")

    def forward(self, input):
        try:
            return type(self)._lp(input, self.norm_type, self.kernel_size, self.stride, self.ceil_mode)
        except Exception as e:
            raise _pool_error(self, input, e) from None


class LPPool1d(_LPPoolNd):
    """Power-average pooling: (sum over the window of x^p)^(1/p)."""
    _dims = 1
    _lp = staticmethod(lambda *a: F.lp_pool1d(*a))


class LPPool2d(_LPPoolNd):
    """Power-average pooling over 2-D windows."""
    _dims = 2
    _lp = staticmethod(lambda *a: F.lp_pool2d(*a))
