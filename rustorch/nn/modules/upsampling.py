"""Upsample (nearest, linear, bilinear, bicubic?, trilinear) via the interpolate kernel."""
from .. import functional as F
from .module import Module
from .utils import layer_error

__all__ = ["Upsample", "UpsamplingNearest2d", "UpsamplingBilinear2d"]


class Upsample(Module):
    """Resizes (N, C, *spatial) to ``size`` or by ``scale_factor`` with ``mode`` 'nearest',
    'nearest-exact', 'linear', 'bilinear', 'trilinear' or 'area'.

    Give exactly one of ``size`` and ``scale_factor``.

    Args:
        size (int or tuple of ints, optional): the output spatial size. Default: None.
        scale_factor (float or tuple of floats, optional): the multiplier of the spatial size. Default: None.
        mode (str): the interpolation mode. Default: ``'nearest'``.
        align_corners (bool, optional): for the linear modes, align the corner pixels of input and output. Default: None
            (False).
        recompute_scale_factor (bool, optional): compute the interpolation from the output size instead of
            ``scale_factor``. Default: None.

    Example:
        >>> m = nn.Upsample(scale_factor=2)
        >>> m(rt.tensor([[[1., 2.]]])).tolist()
        [[[1.0, 1.0, 2.0, 2.0]]]
        >>> nn.Upsample(size=3, mode='linear', align_corners=True)(rt.tensor([[[0., 2.]]])).tolist()
        [[[0.0, 1.0, 2.0]]]
    """

    def __init__(self, size=None, scale_factor=None, mode="nearest", align_corners=None,
                 recompute_scale_factor=None):
        super().__init__()
        self.name = type(self).__name__
        self.size = size
        if isinstance(scale_factor, tuple):
            self.scale_factor = tuple(float(factor) for factor in scale_factor)
        else:
            self.scale_factor = float(scale_factor) if scale_factor else None
        self.mode = mode
        self.align_corners = align_corners
        self.recompute_scale_factor = recompute_scale_factor

    def forward(self, input):
        try:
            return F.interpolate(input, self.size, self.scale_factor, self.mode, self.align_corners,
                                 recompute_scale_factor=self.recompute_scale_factor)
        except Exception as e:
            raise layer_error(self, e) from None

    def extra_repr(self):
        if self.scale_factor is not None:
            info = "scale_factor=" + repr(self.scale_factor)
        else:
            info = "size=" + repr(self.size)
        return info + ", mode=" + repr(self.mode)


class UpsamplingNearest2d(Upsample):
    """Nearest-neighbour 2-D upsampling (``Upsample`` with ``mode='nearest'``).

    Args:
        size (int or tuple of ints, optional): the output (H, W). Default: None.
        scale_factor (float or tuple of floats, optional): the multiplier of H and W. Default: None.

    Example:
        >>> m = nn.UpsamplingNearest2d(scale_factor=2)
        >>> m(rt.tensor([[[[1., 2.]]]])).tolist()
        [[[[1.0, 1.0, 2.0, 2.0], [1.0, 1.0, 2.0, 2.0]]]]
    """

    def __init__(self, size=None, scale_factor=None):
        super().__init__(size, scale_factor, mode="nearest")


class UpsamplingBilinear2d(Upsample):
    """Bilinear 2-D upsampling with align_corners=True.

    Args:
        size (int or tuple of ints, optional): the output (H, W). Default: None.
        scale_factor (float or tuple of floats, optional): the multiplier of H and W. Default: None.

    Example:
        >>> m = nn.UpsamplingBilinear2d(size=(1, 3))
        >>> m(rt.tensor([[[[0., 2.]]]])).tolist()
        [[[[0.0, 1.0, 2.0]]]]
    """

    def __init__(self, size=None, scale_factor=None):
        super().__init__(size, scale_factor, mode="bilinear", align_corners=True)
