"""LayerNorm, GroupNorm, RMSNorm, LocalResponseNorm."""
import numbers

from .. import functional as F
from .. import init
from ..parameter import Parameter
from .module import Module
from .utils import _factory, layer_error, shape_str

__all__ = ["LayerNorm", "GroupNorm", "RMSNorm", "LocalResponseNorm"]


class LayerNorm(Module):
    """Normalises over the trailing dims ``normalized_shape`` (mean 0, variance 1, biased), then applies
    the elementwise weight (ones) and bias (zeros).

    Args:
        normalized_shape (int or tuple of ints): the trailing dims to normalise over.
        eps (float): added to the variance for stability. Default: 1e-5.
        elementwise_affine (bool): learn ``weight`` and ``bias`` of shape ``normalized_shape``. Default: True.
        bias (bool): with ``elementwise_affine``, also learn ``bias``. Default: True.
        device (device, optional): the device of the parameters and buffers.
        dtype (dtype, optional): the dtype of the parameters and buffers.

    Example:
        >>> m = nn.LayerNorm(2)
        >>> [[round(v, 3) for v in r] for r in m(rt.tensor([[1., 3.], [4., 4.]])).tolist()]
        [[-1.0, 1.0], [0.0, 0.0]]
        >>> tuple(nn.LayerNorm((3, 4))(rt.randn(2, 3, 4)).shape)
        (2, 3, 4)
    """

    def __init__(self, normalized_shape, eps=1e-5, elementwise_affine=True, bias=True, device=None, dtype=None):
        super().__init__()
        if isinstance(normalized_shape, numbers.Integral):
            normalized_shape = (normalized_shape,)
        self.normalized_shape = tuple(normalized_shape)
        self.eps = eps
        self.elementwise_affine = elementwise_affine
        if elementwise_affine:
            self.weight = Parameter(_factory(self.normalized_shape, dtype, device))
            if bias:
                self.bias = Parameter(_factory(self.normalized_shape, dtype, device))
            else:
                self.register_parameter("bias", None)
        else:
            self.register_parameter("weight", None)
            self.register_parameter("bias", None)
        self.reset_parameters()

    def reset_parameters(self):
        """Sets weight to ones and bias to zeros (when elementwise_affine)."""
        if self.elementwise_affine:
            init.ones_(self.weight)
            if self.bias is not None:
                init.zeros_(self.bias)

    def forward(self, input):
        try:
            p = self._parameters  # direct dict reads (attribute access costs ~1 us)
            return F.layer_norm(input, self.normalized_shape, p["weight"], p["bias"], self.eps)
        except Exception as e:
            n = len(self.normalized_shape)
            detail = None
            if hasattr(input, "shape") and tuple(input.shape[-n:]) != self.normalized_shape:
                detail = (f"expected input with trailing dims {shape_str(self.normalized_shape)}, got input of shape "
                          f"{shape_str(input.shape)}")
            raise layer_error(self, e, detail) from None

    def extra_repr(self):
        return (f"{self.normalized_shape}, eps={self.eps}, elementwise_affine={self.elementwise_affine}, "
                f"bias={self.bias is not None}")


class GroupNorm(Module):
    """Normalises (N, C, *) over groups of C / num_groups channels, then applies the per-channel weight
    (ones) and bias (zeros).

    Args:
        num_groups (int): the number of groups; it must divide ``num_channels`` (else ``ValueError``).
        num_channels (int): the number of channels C.
        eps (float): added to the variance for stability. Default: 1e-5.
        affine (bool): learn the per-channel ``weight`` and ``bias``. Default: True.
        device (device, optional): the device of the parameters and buffers.
        dtype (dtype, optional): the dtype of the parameters and buffers.
        bias (bool): with ``affine``, also learn ``bias``. Keyword only. Default: True.

    Example:
        >>> m = nn.GroupNorm(2, 4)
        >>> x = rt.tensor([[1., 3., 10., 10.]]).reshape(1, 4, 1)
        >>> [round(v, 3) for v in m(x).flatten().tolist()]
        [-1.0, 1.0, 0.0, 0.0]
    """

    def __init__(self, num_groups, num_channels, eps=1e-5, affine=True, device=None, dtype=None, *, bias=True):
        super().__init__()
        if num_channels % num_groups != 0:
            raise ValueError(f"GroupNorm: num_channels ({num_channels}) must be divisible by num_groups "
                             f"({num_groups})")
        self.num_groups = num_groups
        self.num_channels = num_channels
        self.eps = eps
        self.affine = affine
        if affine:
            self.weight = Parameter(_factory((num_channels,), dtype, device))
            if bias:
                self.bias = Parameter(_factory((num_channels,), dtype, device))
            else:
                self.register_parameter("bias", None)
        else:
            self.register_parameter("weight", None)
            self.register_parameter("bias", None)
        self.reset_parameters()

    def reset_parameters(self):
        """Sets weight to ones and bias to zeros (when affine)."""
        if self.affine:
            init.ones_(self.weight)
            if self.bias is not None:
                init.zeros_(self.bias)

    def forward(self, input):
        try:
            p = self._parameters
            return F.group_norm(input, self.num_groups, p["weight"], p["bias"], self.eps)
        except Exception as e:
            detail = None
            if hasattr(input, "shape") and (input.dim() < 2 or input.shape[1] != self.num_channels):
                detail = (f"expected input with {self.num_channels} channels (dim 1), got input of shape "
                          f"{shape_str(input.shape)}")
            raise layer_error(self, e, detail) from None

    def extra_repr(self):
        return (f"{self.num_groups}, {self.num_channels}, eps={self.eps}, affine={self.affine}, "
                f"bias={self.bias is not None}")


class RMSNorm(Module):
    """x / sqrt(mean(x^2 over normalized_shape) + eps) * weight (eps None: the dtype's machine eps).

    Args:
        normalized_shape (int or tuple of ints): the trailing dims to normalise over.
        eps (float, optional): added to the mean square; None uses the machine epsilon of the input's dtype. Default:
            None.
        elementwise_affine (bool): learn ``weight`` (ones) of shape ``normalized_shape``. Default: True.
        device (device, optional): the device of the parameters and buffers.
        dtype (dtype, optional): the dtype of the parameters and buffers.

    Example:
        >>> m = nn.RMSNorm(2)
        >>> [round(v, 4) for v in m(rt.tensor([3., 4.])).tolist()]
        [0.8485, 1.1314]
    """

    def __init__(self, normalized_shape, eps=None, elementwise_affine=True, device=None, dtype=None):
        super().__init__()
        if isinstance(normalized_shape, numbers.Integral):
            normalized_shape = (normalized_shape,)
        self.normalized_shape = tuple(normalized_shape)
        self.eps = eps
        self.elementwise_affine = elementwise_affine
        if elementwise_affine:
            self.weight = Parameter(_factory(self.normalized_shape, dtype, device))
        else:
            self.register_parameter("weight", None)
        self.reset_parameters()

    def reset_parameters(self):
        """Sets weight to ones (when elementwise_affine)."""
        if self.elementwise_affine:
            init.ones_(self.weight)

    def forward(self, input):
        try:
            return F.rms_norm(input, self.normalized_shape, self._parameters["weight"], self.eps)
        except Exception as e:
            raise layer_error(self, e) from None

    def extra_repr(self):
        return f"{self.normalized_shape}, eps={self.eps}, elementwise_affine={self.elementwise_affine}"


class LocalResponseNorm(Module):
    """Normalises each channel by the activity of ``size`` neighbouring channels.

    b_c = a_c / (k + alpha / size * sum of a^2 over the ``size`` channels around c)^beta, for input (N, C, *).

    Args:
        size (int): the number of neighbouring channels.
        alpha (float): the multiplicative factor. Default: 1e-4.
        beta (float): the exponent. Default: 0.75.
        k (float): the additive factor. Default: 1.0.

    Example:
        >>> m = nn.LocalResponseNorm(2, alpha=1.0, beta=1.0, k=0.0)
        >>> m(rt.tensor([[1., 1.]]).reshape(1, 2, 1)).flatten().tolist()
        [2.0, 1.0]
    """

    def __init__(self, size, alpha=1e-4, beta=0.75, k=1.0):
        super().__init__()
        self.size = size
        self.alpha = alpha
        self.beta = beta
        self.k = k

    def forward(self, input):
        try:
            return F.local_response_norm(input, self.size, self.alpha, self.beta, self.k)
        except Exception as e:
            raise layer_error(self, e) from None

    def extra_repr(self):
        return f"{self.size}, alpha={self.alpha}, beta={self.beta}, k={self.k}"
