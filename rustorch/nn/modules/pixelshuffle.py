"""PixelShuffle, PixelUnshuffle, and the distance modules CosineSimilarity, PairwiseDistance."""
from .. import functional as F
from .module import Module
from .utils import layer_error

__all__ = ["PixelShuffle", "PixelUnshuffle", "ChannelShuffle", "CosineSimilarity", "PairwiseDistance"]


class PixelShuffle(Module):
    """(*, C * r^2, H, W) -> (*, C, H * r, W * r) with r = upscale_factor.

    Args:
        upscale_factor (int): the factor r that H and W grow by.

    Example:
        >>> m = nn.PixelShuffle(2)
        >>> y = m(rt.arange(4.).reshape(1, 4, 1, 1))
        >>> tuple(y.shape)
        (1, 1, 2, 2)
        >>> y.tolist()
        [[[[0.0, 1.0], [2.0, 3.0]]]]
    """

    def __init__(self, upscale_factor):
        super().__init__()
        self.upscale_factor = upscale_factor

    def forward(self, input):
        try:
            return F.pixel_shuffle(input, self.upscale_factor)
        except Exception as e:
            raise layer_error(self, e) from None

    def extra_repr(self):
        return f"upscale_factor={self.upscale_factor}"


class PixelUnshuffle(Module):
    """(*, C, H * r, W * r) -> (*, C * r^2, H, W) with r = downscale_factor.

    Args:
        downscale_factor (int): the factor r that H and W shrink by.

    Example:
        >>> m = nn.PixelUnshuffle(2)
        >>> y = m(rt.arange(4.).reshape(1, 1, 2, 2))
        >>> tuple(y.shape)
        (1, 4, 1, 1)
        >>> y.flatten().tolist()
        [0.0, 1.0, 2.0, 3.0]
    """

    def __init__(self, downscale_factor):
        super().__init__()
        self.downscale_factor = downscale_factor

    def forward(self, input):
        try:
            return F.pixel_unshuffle(input, self.downscale_factor)
        except Exception as e:
            raise layer_error(self, e) from None

    def extra_repr(self):
        return f"downscale_factor={self.downscale_factor}"


class ChannelShuffle(Module):
    """Splits the channels of (N, C, *) into ``groups`` and interleaves them.

    Args:
        groups (int): the number of groups; it must divide C.

    Example:
        >>> m = nn.ChannelShuffle(2)
        >>> m(rt.arange(4.).reshape(1, 4, 1)).flatten().tolist()
        [0.0, 2.0, 1.0, 3.0]
    """

    def __init__(self, groups):
        super().__init__()
        self.groups = groups

    def forward(self, input):
        try:
            return F.channel_shuffle(input, self.groups)
        except Exception as e:
            raise layer_error(self, e) from None

    def extra_repr(self):
        return f"groups={self.groups}"


class CosineSimilarity(Module):
    """Cosine similarity of x1 and x2 along dim: x1 . x2 / max(||x1|| * ||x2||, eps).

    Args:
        dim (int): the dim to reduce. Default: 1.
        eps (float): the lower bound of the norm product. Default: 1e-8.

    Example:
        >>> m = nn.CosineSimilarity(dim=1)
        >>> [round(v, 4) for v in m(rt.tensor([[1., 0.], [1., 1.]]), rt.tensor([[0., 1.], [2., 2.]])).tolist()]
        [0.0, 1.0]
    """

    def __init__(self, dim=1, eps=1e-8):
        super().__init__()
        self.dim = dim
        self.eps = eps

    def forward(self, x1, x2):
        return F.cosine_similarity(x1, x2, self.dim, self.eps)


class PairwiseDistance(Module):
    """||x1 - x2 + eps||_p over the last dim.

    Args:
        p (float): the norm degree. Default: 2.0.
        eps (float): added to the difference to avoid a zero norm. Default: 1e-6.
        keepdim (bool): keep the reduced dim with size 1. Default: False.

    Example:
        >>> m = nn.PairwiseDistance(eps=0.0)
        >>> m(rt.tensor([[0., 0.], [1., 1.]]), rt.tensor([[3., 4.], [1., 1.]])).tolist()
        [5.0, 0.0]
    """

    def __init__(self, p=2.0, eps=1e-6, keepdim=False):
        super().__init__()
        self.norm = p
        self.eps = eps
        self.keepdim = keepdim

    def forward(self, x1, x2):
        return F.pairwise_distance(x1, x2, self.norm, self.eps, self.keepdim)
