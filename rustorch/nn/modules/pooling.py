"""Pooling layers: max, average and adaptive pooling in 1-3 dims, and LPPool (C++ kernels)."""
from .. import functional as F
from .module import Module
from .utils import _single, layer_error, shape_str

__all__ = [
    "MaxPool1d", "MaxPool2d", "MaxPool3d", "AvgPool1d", "AvgPool2d", "AvgPool3d", "AdaptiveAvgPool1d",
    "AdaptiveAvgPool2d", "AdaptiveAvgPool3d", "AdaptiveMaxPool1d", "AdaptiveMaxPool2d", "AdaptiveMaxPool3d",
    "LPPool1d", "LPPool2d", "LPPool3d",
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
    """Max over windows of (N, C, L) / (C, L); stride defaults to kernel_size.

    Args:
        kernel_size (int): the window size.
        stride (int, optional): the window step. Default: ``kernel_size``.
        padding (int): implicit -inf padding on both sides of each spatial dim. Default: 0.
        dilation (int): the spacing between window elements. Default: 1.
        return_indices (bool): also return the flat (per-channel, over the L) indices of the maxima. Default: False.
        ceil_mode (bool): round the output size up instead of down. Default: False.

    Example:
        >>> m = nn.MaxPool1d(2)
        >>> m(rt.tensor([[[1., 3., 2., 5., 4.]]])).tolist()
        [[[3.0, 5.0]]]
    """
    _dims = 1
    _pool = staticmethod(F.max_pool1d)


class MaxPool2d(_MaxPoolNd):
    """Max over windows of (N, C, H, W) / (C, H, W); stride defaults to kernel_size.

    Args:
        kernel_size (int or tuple of ints): the window size.
        stride (int or tuple of ints, optional): the window step. Default: ``kernel_size``.
        padding (int or tuple of ints): implicit -inf padding on both sides of each spatial dim. Default: 0.
        dilation (int or tuple of ints): the spacing between window elements. Default: 1.
        return_indices (bool): also return the flat (per-channel, over the H * W) indices of the maxima. Default: False.
        ceil_mode (bool): round the output size up instead of down. Default: False.

    Example:
        >>> m = nn.MaxPool2d(2)
        >>> x = rt.arange(16.).reshape(1, 1, 4, 4)
        >>> m(x).tolist()
        [[[[5.0, 7.0], [13.0, 15.0]]]]
        >>> y, idx = nn.MaxPool2d(2, return_indices=True)(x)
        >>> idx.tolist()
        [[[[5, 7], [13, 15]]]]
    """
    _dims = 2
    _pool = staticmethod(F.max_pool2d)


class MaxPool3d(_MaxPoolNd):
    """Max over windows of (N, C, D, H, W) / (C, D, H, W); stride defaults to kernel_size.

    Args:
        kernel_size (int or tuple of ints): the window size.
        stride (int or tuple of ints, optional): the window step. Default: ``kernel_size``.
        padding (int or tuple of ints): implicit -inf padding on both sides of each spatial dim. Default: 0.
        dilation (int or tuple of ints): the spacing between window elements. Default: 1.
        return_indices (bool): also return the flat (per-channel, over the D * H * W) indices of the maxima. Default:
            False.
        ceil_mode (bool): round the output size up instead of down. Default: False.

    Example:
        >>> m = nn.MaxPool3d(2)
        >>> x = rt.arange(8.).reshape(1, 1, 2, 2, 2)
        >>> m(x).tolist()
        [[[[[7.0]]]]]
        >>> tuple(m(rt.ones(2, 3, 4, 6, 6)).shape)
        (2, 3, 2, 3, 3)
    """
    _dims = 3
    _pool = staticmethod(F.max_pool3d)


class AvgPool1d(Module):
    """Average over windows of (N, C, L) / (C, L); stride defaults to kernel_size.

    Args:
        kernel_size (int): the window size.
        stride (int, optional): the window step. Default: ``kernel_size``.
        padding (int): implicit zero padding on both sides of each spatial dim. Default: 0.
        ceil_mode (bool): round the output size up instead of down. Default: False.
        count_include_pad (bool): count the padding zeros in the divisor. Default: True.

    Example:
        >>> m = nn.AvgPool1d(2)
        >>> m(rt.tensor([[[1., 3., 2., 6., 4.]]])).tolist()
        [[[2.0, 4.0]]]
        >>> nn.AvgPool1d(2, padding=1)(rt.tensor([[[2., 2.]]])).tolist()
        [[[1.0, 1.0]]]
    """
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
    """Average over windows of (N, C, H, W) / (C, H, W); stride defaults to kernel_size.

    Args:
        kernel_size (int or tuple of ints): the window size.
        stride (int or tuple of ints, optional): the window step. Default: ``kernel_size``.
        padding (int or tuple of ints): implicit zero padding on both sides of each spatial dim. Default: 0.
        ceil_mode (bool): round the output size up instead of down. Default: False.
        count_include_pad (bool): count the padding zeros in the divisor. Default: True.
        divisor_override (int, optional): divide every window sum by this instead. Default: None.

    Example:
        >>> m = nn.AvgPool2d(2)
        >>> x = rt.arange(16.).reshape(1, 1, 4, 4)
        >>> m(x).tolist()
        [[[[2.5, 4.5], [10.5, 12.5]]]]
        >>> nn.AvgPool2d(2, divisor_override=1)(x).tolist()
        [[[[10.0, 18.0], [42.0, 50.0]]]]
    """
    _dims = 2
    _pool = staticmethod(F.avg_pool2d)


class AvgPool3d(_AvgPoolNd):
    """Average over windows of (N, C, D, H, W) / (C, D, H, W); stride defaults to kernel_size.

    Args:
        kernel_size (int or tuple of ints): the window size.
        stride (int or tuple of ints, optional): the window step. Default: ``kernel_size``.
        padding (int or tuple of ints): implicit zero padding on both sides of each spatial dim. Default: 0.
        ceil_mode (bool): round the output size up instead of down. Default: False.
        count_include_pad (bool): count the padding zeros in the divisor. Default: True.
        divisor_override (int, optional): divide every window sum by this instead. Default: None.

    Example:
        >>> m = nn.AvgPool3d(2)
        >>> x = rt.arange(8.).reshape(1, 1, 2, 2, 2)
        >>> m(x).tolist()
        [[[[[3.5]]]]]
        >>> tuple(m(rt.ones(2, 3, 4, 6, 6)).shape)
        (2, 3, 2, 3, 3)
    """
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
    """Average pooling to a fixed output length.

    The windows are chosen so that the output of (N, C, L) / (C, L) input has length ``output_size``.

    Args:
        output_size (int): the output length.

    Example:
        >>> m = nn.AdaptiveAvgPool1d(2)
        >>> m(rt.tensor([[[1., 2., 3., 4.]]])).tolist()
        [[[1.5, 3.5]]]
    """
    _dims = 1
    _pool = staticmethod(F.adaptive_avg_pool1d)


class AdaptiveAvgPool2d(_AdaptiveAvgPoolNd):
    """Average pooling to a fixed (H, W) (an int, or a tuple whose None entries keep the input size).

    Args:
        output_size (int or tuple): the output (H, W); an int means a square output, a None entry keeps that input size.

    Example:
        >>> m = nn.AdaptiveAvgPool2d(1)
        >>> m(rt.arange(16.).reshape(1, 1, 4, 4)).tolist()
        [[[[7.5]]]]
        >>> tuple(nn.AdaptiveAvgPool2d((2, None))(rt.ones(1, 3, 8, 5)).shape)
        (1, 3, 2, 5)
    """
    _dims = 2
    _pool = staticmethod(F.adaptive_avg_pool2d)


class AdaptiveAvgPool3d(_AdaptiveAvgPoolNd):
    """Average pooling to a fixed (D, H, W).

    Input is (N, C, D, H, W) or (C, D, H, W).

    Args:
        output_size (int or tuple): the output (D, H, W); an int means a cube, a None entry keeps that input size.

    Example:
        >>> m = nn.AdaptiveAvgPool3d(1)
        >>> m(rt.arange(8.).reshape(1, 1, 2, 2, 2)).tolist()
        [[[[[3.5]]]]]
        >>> tuple(nn.AdaptiveAvgPool3d((1, 2, 2))(rt.ones(2, 3, 4, 4, 4)).shape)
        (2, 3, 1, 2, 2)
    """
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
    """Max pooling to a fixed output length.

    Input is (N, C, L) or (C, L).

    Args:
        output_size (int): the output length.
        return_indices (bool): also return the indices of the maxima. Default: False.

    Example:
        >>> m = nn.AdaptiveMaxPool1d(2)
        >>> m(rt.tensor([[[1., 4., 3., 2.]]])).tolist()
        [[[4.0, 3.0]]]
        >>> y, idx = nn.AdaptiveMaxPool1d(2, return_indices=True)(rt.tensor([[[1., 4., 3., 2.]]]))
        >>> idx.tolist()
        [[[1, 2]]]
    """
    _dims = 1
    _pool = staticmethod(F.adaptive_max_pool1d)


class AdaptiveMaxPool2d(_AdaptiveMaxPoolNd):
    """Max pooling to a fixed (H, W).

    Input is (N, C, H, W) or (C, H, W).

    Args:
        output_size (int or tuple): the output (H, W); an int means a square output.
        return_indices (bool): also return the flat (H * W) indices of the maxima. Default: False.

    Example:
        >>> m = nn.AdaptiveMaxPool2d(1)
        >>> m(rt.arange(16.).reshape(1, 1, 4, 4)).tolist()
        [[[[15.0]]]]
        >>> tuple(nn.AdaptiveMaxPool2d((2, 3))(rt.ones(1, 3, 8, 9)).shape)
        (1, 3, 2, 3)
    """
    _dims = 2
    _pool = staticmethod(F.adaptive_max_pool2d)


class AdaptiveMaxPool3d(_AdaptiveMaxPoolNd):
    """Max pooling to a fixed (D, H, W).

    Input is (N, C, D, H, W) or (C, D, H, W).

    Args:
        output_size (int or tuple): the output (D, H, W); an int means a cube.
        return_indices (bool): also return the flat (D * H * W) indices of the maxima. Default: False.

    Example:
        >>> m = nn.AdaptiveMaxPool3d(1)
        >>> m(rt.arange(8.).reshape(1, 1, 2, 2, 2)).tolist()
        [[[[[7.0]]]]]
    """
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
    """Power-average pooling: (sum over the window of x^p)^(1/p).

    Input is (N, C, L) or (C, L).

    Args:
        norm_type (float): the power p.
        kernel_size (int): the window size.
        stride (int, optional): the window step. Default: ``kernel_size``.
        ceil_mode (bool): round the output size up instead of down. Default: False.

    Example:
        >>> m = nn.LPPool1d(2, 2)
        >>> m(rt.tensor([[[3., 4., 6., 8.]]])).tolist()
        [[[5.0, 10.0]]]
    """
    _dims = 1
    _lp = staticmethod(lambda *a: F.lp_pool1d(*a))


class LPPool2d(_LPPoolNd):
    """Power-average pooling over 2-D windows: (sum over the window of x^p)^(1/p).

    Input is (N, C, H, W) or (C, H, W).

    Args:
        norm_type (float): the power p.
        kernel_size (int or tuple of ints): the window size.
        stride (int or tuple of ints, optional): the window step. Default: ``kernel_size``.
        ceil_mode (bool): round the output size up instead of down. Default: False.

    Example:
        >>> m = nn.LPPool2d(1, 2)
        >>> m(rt.ones(1, 1, 4, 4)).tolist()
        [[[[4.0, 4.0], [4.0, 4.0]]]]
    """
    _dims = 2
    _lp = staticmethod(lambda *a: F.lp_pool2d(*a))


class LPPool3d(_LPPoolNd):
    """Power-average pooling over 3-D windows: (sum over the window of x^p)^(1/p).

    Input is (N, C, D, H, W) or (C, D, H, W).

    Args:
        norm_type (float): the power p.
        kernel_size (int or tuple of ints): the window size.
        stride (int or tuple of ints, optional): the window step. Default: ``kernel_size``.
        ceil_mode (bool): round the output size up instead of down. Default: False.

    Example:
        >>> m = nn.LPPool3d(1, 2)
        >>> m(rt.ones(1, 1, 2, 2, 2)).tolist()
        [[[[[8.0]]]]]
    """
    _dims = 3
    _lp = staticmethod(lambda *a: F.lp_pool3d(*a))
