"""Convolution layers: Conv1d/2d/3d and ConvTranspose1d/2d/3d (C++ GEMM kernels)."""
import math

from .. import functional as F
from .. import init
from ..parameter import Parameter
from .module import Module
from .utils import _factory, _reverse_repeat_tuple, _single, _pair, _triple, layer_error, shape_str

__all__ = ["Conv1d", "Conv2d", "Conv3d", "ConvTranspose1d", "ConvTranspose2d", "ConvTranspose3d"]

_PADDING_MODES = ("zeros", "reflect", "replicate", "circular")


class _ConvNd(Module):
    _dims = 0
    _conv = None

    def __init__(self, in_channels, out_channels, kernel_size, stride, padding, dilation, transposed,
                 output_padding, groups, bias, padding_mode, device=None, dtype=None):
        super().__init__()
        name = type(self).__name__
        if not isinstance(groups, int) or groups <= 0:
            raise ValueError(f"{name}: groups must be a positive integer, got {groups}")
        if in_channels % groups != 0:
            raise ValueError(f"{name}: in_channels ({in_channels}) must be divisible by groups ({groups})")
        if out_channels % groups != 0:
            raise ValueError(f"{name}: out_channels ({out_channels}) must be divisible by groups ({groups})")
        if isinstance(padding, str):
            if padding not in ("same", "valid"):
                raise ValueError(f"{name}: invalid padding string {padding!r}, should be one of ['valid', 'same']")
            if padding == "same" and any(s != 1 for s in stride):
                raise ValueError(f"{name}: padding='same' is not supported for strided convolutions")
        if padding_mode not in _PADDING_MODES:
            raise ValueError(f"{name}: padding_mode must be one of {list(_PADDING_MODES)}, but got "
                             f"padding_mode='{padding_mode}'")
        for what, values in (("kernel_size", kernel_size), ("stride", stride), ("dilation", dilation)):
            if len(values) != self._dims or any(not isinstance(v, int) or v <= 0 for v in values):
                raise ValueError(f"{name}: {what} must be a positive int or a tuple of {self._dims} positive ints, "
                                 f"got {values}")
        self.in_channels = in_channels
        self.out_channels = out_channels
        self.kernel_size = kernel_size
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.transposed = transposed
        self.output_padding = output_padding
        self.groups = groups
        self.padding_mode = padding_mode
        if isinstance(padding, str):
            self._reversed_padding_repeated_twice = [0, 0] * len(kernel_size)
            if padding == "same":
                for d, k, i in zip(dilation, kernel_size, range(len(kernel_size) - 1, -1, -1)):
                    total = d * (k - 1)
                    left = total // 2
                    self._reversed_padding_repeated_twice[2 * i] = left
                    self._reversed_padding_repeated_twice[2 * i + 1] = total - left
        else:
            self._reversed_padding_repeated_twice = list(_reverse_repeat_tuple(padding, 2))
        if transposed:
            shape = (in_channels, out_channels // groups) + tuple(kernel_size)
        else:
            shape = (out_channels, in_channels // groups) + tuple(kernel_size)
        self.weight = Parameter(_factory(shape, dtype, device))
        if bias:
            self.bias = Parameter(_factory((out_channels,), dtype, device))
        else:
            self.register_parameter("bias", None)
        self.reset_parameters()

    def reset_parameters(self):
        # kaiming_uniform(a=sqrt(5)): U(-1/sqrt(fan_in), 1/sqrt(fan_in)), as PyTorch
        init.kaiming_uniform_(self.weight, a=math.sqrt(5))
        if self.bias is not None:
            fan_in, _ = init._calculate_fan_in_and_fan_out(self.weight)
            if fan_in != 0:
                bound = 1 / math.sqrt(fan_in)
                init.uniform_(self.bias, -bound, bound)

    def extra_repr(self):
        s = "{in_channels}, {out_channels}, kernel_size={kernel_size}, stride={stride}"
        if self.padding != (0,) * len(self.padding):
            s += ", padding={padding}"
        if self.dilation != (1,) * len(self.dilation):
            s += ", dilation={dilation}"
        if self.output_padding != (0,) * len(self.output_padding):
            s += ", output_padding={output_padding}"
        if self.groups != 1:
            s += ", groups={groups}"
        if self.bias is None:
            s += ", bias=False"
        if self.padding_mode != "zeros":
            s += ", padding_mode={padding_mode}"
        return s.format(**self.__dict__)

    def _input_error(self, input, e):
        """A clearer message for the common mistakes (wrong rank, wrong channel count, input
        smaller than the kernel); other errors keep the kernel's message."""
        if not hasattr(input, "shape"):
            return layer_error(self, e)
        nd = self._dims
        shape = tuple(input.shape)
        if len(shape) not in (nd + 1, nd + 2):
            return layer_error(self, e, f"expected {nd + 1}D (unbatched) or {nd + 2}D (batched) input, got input "
                                        f"of shape {shape_str(shape)}")
        channels = shape[-nd - 1]
        if channels != self.in_channels:
            return layer_error(self, e, f"expected input with {self.in_channels} channels (dim "
                                        f"{len(shape) - nd - 1}), got input of shape {shape_str(shape)}")
        if not self.transposed:
            rp = self._reversed_padding_repeated_twice  # (left, right) per dim, last dim first
            pad = tuple(rp[2 * (nd - 1 - i)] + rp[2 * (nd - 1 - i) + 1] for i in range(nd))
            spatial = shape[-nd:]
            eff = tuple(d * (k - 1) + 1 for d, k in zip(self.dilation, self.kernel_size))
            if any(s + p < k for s, p, k in zip(spatial, pad, eff)):
                return layer_error(self, e, f"input of shape {shape_str(shape)} is smaller than the (dilated) kernel "
                                            f"{shape_str(eff)} (total padding per dim {shape_str(pad)})")
        return layer_error(self, e)


class _Conv(_ConvNd):
    _tuple = None

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True,
                 padding_mode="zeros", device=None, dtype=None):
        t = type(self)._tuple
        super().__init__(in_channels, out_channels, t(kernel_size), t(stride),
                         padding if isinstance(padding, str) else t(padding), t(dilation), False, t(0), groups, bias,
                         padding_mode, device, dtype)

    def _conv_forward(self, input, weight, bias):
        conv = type(self)._conv
        if self.padding_mode != "zeros":
            return conv(F.pad(input, self._reversed_padding_repeated_twice, mode=self.padding_mode), weight, bias,
                        self.stride, (0,) * self._dims, self.dilation, self.groups)
        return conv(input, weight, bias, self.stride, self.padding, self.dilation, self.groups)

    def forward(self, input):
        try:
            p = self._parameters  # direct dict reads: attribute access through __getattr__ costs ~1 us
            return self._conv_forward(input, p["weight"], p["bias"])
        except Exception as e:
            raise self._input_error(input, e) from None


class Conv1d(_Conv):
    """1-D convolution over (N, C_in, L) or (C_in, L): weight (out_channels, in_channels / groups, k).
    padding: int, tuple, 'same' or 'valid'; padding_mode: 'zeros', 'reflect', 'replicate', 'circular'.

    weight and bias start from U(-1/sqrt(fan_in), 1/sqrt(fan_in)),
    fan_in = in_channels / groups * prod(kernel_size), as PyTorch.

    Args:
        in_channels (int): the number of input channels C_in.
        out_channels (int): the number of output channels.
        kernel_size (int or tuple): the kernel size.
        stride (int or tuple): the step of the kernel. Default: 1.
        padding (int or tuple or str): zero padding on both sides of each spatial dim, ``'valid'`` (none) or ``'same'``
            (output size = input size; stride 1 only). Default: 0.
        dilation (int or tuple): the spacing between kernel elements. Default: 1.
        groups (int): the number of blocked connections; it must divide both channel counts. Default: 1.
        bias (bool): learn a bias of shape (out_channels,). Default: True.
        padding_mode (str): ``'zeros'``, ``'reflect'``, ``'replicate'`` or ``'circular'``. Default: ``'zeros'``.
        device (device, optional): the device of the parameters.
        dtype (dtype, optional): the dtype of the parameters.

    Example:
        >>> m = nn.Conv1d(4, 8, kernel_size=3)
        >>> tuple(m(rt.randn(2, 4, 10)).shape)
        (2, 8, 8)
        >>> tuple(m.weight.shape)
        (8, 4, 3)
        >>> tuple(nn.Conv1d(4, 8, 3, padding='same')(rt.randn(2, 4, 10)).shape)
        (2, 8, 10)
    """
    _dims = 1
    _tuple = staticmethod(_single)
    _conv = staticmethod(F.conv1d)


class Conv2d(_Conv):
    """2-D convolution over (N, C_in, H, W) or (C_in, H, W): weight (out_channels, in_channels / groups,
    kH, kW). padding: int, tuple, 'same' or 'valid'; padding_mode: 'zeros', 'reflect', 'replicate',
    'circular'.

    weight and bias start from U(-1/sqrt(fan_in), 1/sqrt(fan_in)),
    fan_in = in_channels / groups * prod(kernel_size), as PyTorch.

    Args:
        in_channels (int): the number of input channels C_in.
        out_channels (int): the number of output channels.
        kernel_size (int or tuple of ints): the kernel size.
        stride (int or tuple of ints): the step of the kernel. Default: 1.
        padding (int or tuple of ints or str): zero padding on both sides of each spatial dim, ``'valid'`` (none) or
            ``'same'`` (output size = input size; stride 1 only). Default: 0.
        dilation (int or tuple of ints): the spacing between kernel elements. Default: 1.
        groups (int): the number of blocked connections; it must divide both channel counts. Default: 1.
        bias (bool): learn a bias of shape (out_channels,). Default: True.
        padding_mode (str): ``'zeros'``, ``'reflect'``, ``'replicate'`` or ``'circular'``. Default: ``'zeros'``.
        device (device, optional): the device of the parameters.
        dtype (dtype, optional): the dtype of the parameters.

    Example:
        >>> m = nn.Conv2d(3, 16, kernel_size=3, stride=2, padding=1)
        >>> tuple(m(rt.randn(1, 3, 32, 32)).shape)
        (1, 16, 16, 16)
        >>> tuple(m.weight.shape)
        (16, 3, 3, 3)
    """
    _dims = 2
    _tuple = staticmethod(_pair)
    _conv = staticmethod(F.conv2d)


class Conv3d(_Conv):
    """3-D convolution over (N, C_in, D, H, W) or (C_in, D, H, W): weight (out_channels,
    in_channels / groups, kD, kH, kW).

    weight and bias start from U(-1/sqrt(fan_in), 1/sqrt(fan_in)),
    fan_in = in_channels / groups * prod(kernel_size), as PyTorch.

    Args:
        in_channels (int): the number of input channels C_in.
        out_channels (int): the number of output channels.
        kernel_size (int or tuple of ints): the kernel size.
        stride (int or tuple of ints): the step of the kernel. Default: 1.
        padding (int or tuple of ints or str): zero padding on both sides of each spatial dim, ``'valid'`` (none) or
            ``'same'`` (output size = input size; stride 1 only). Default: 0.
        dilation (int or tuple of ints): the spacing between kernel elements. Default: 1.
        groups (int): the number of blocked connections; it must divide both channel counts. Default: 1.
        bias (bool): learn a bias of shape (out_channels,). Default: True.
        padding_mode (str): ``'zeros'``, ``'reflect'``, ``'replicate'`` or ``'circular'``. Default: ``'zeros'``.
        device (device, optional): the device of the parameters.
        dtype (dtype, optional): the dtype of the parameters.

    Example:
        >>> m = nn.Conv3d(2, 4, kernel_size=(1, 3, 3))
        >>> tuple(m(rt.randn(1, 2, 5, 8, 8)).shape)
        (1, 4, 5, 6, 6)
    """
    _dims = 3
    _tuple = staticmethod(_triple)
    _conv = staticmethod(F.conv3d)


class _ConvTranspose(_ConvNd):
    _tuple = None

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, output_padding=0, groups=1,
                 bias=True, dilation=1, padding_mode="zeros", device=None, dtype=None):
        if padding_mode != "zeros":
            raise ValueError(f'Only "zeros" padding mode is supported for {type(self).__name__}')
        if isinstance(padding, str):
            raise ValueError(f"{type(self).__name__}: padding must be an int or a tuple of ints, got {padding!r}")
        t = type(self)._tuple
        super().__init__(in_channels, out_channels, t(kernel_size), t(stride), t(padding), t(dilation), True,
                         t(output_padding), groups, bias, padding_mode, device, dtype)

    def _output_padding(self, input, output_size):
        if output_size is None:
            return self.output_padding
        nd = self._dims
        non_spatial = 2 if input.dim() == nd + 2 else 1
        output_size = list(output_size)
        if len(output_size) == non_spatial + nd:
            output_size = output_size[non_spatial:]
        if len(output_size) != nd:
            raise ValueError(f"{type(self).__name__}: for {input.dim()}D input, output_size must have {nd} or "
                             f"{non_spatial + nd} elements (got {len(output_size)})")
        min_sizes, max_sizes = [], []
        for d in range(nd):
            size = ((input.shape[d + non_spatial] - 1) * self.stride[d] - 2 * self.padding[d]
                    + self.dilation[d] * (self.kernel_size[d] - 1) + 1)
            min_sizes.append(size)
            max_sizes.append(size + self.stride[d] - 1)
        for size, lo, hi in zip(output_size, min_sizes, max_sizes):
            if size < lo or size > hi:
                raise ValueError(f"{type(self).__name__}: requested an output size of {output_size}, but valid sizes "
                                 f"range from {min_sizes} to {max_sizes} (for an input of "
                                 f"{tuple(input.shape[non_spatial:])})")
        return tuple(output_size[d] - min_sizes[d] for d in range(nd))

    def forward(self, input, output_size=None):
        output_padding = self._output_padding(input, output_size)
        try:
            p = self._parameters
            return type(self)._conv(input, p["weight"], p["bias"], self.stride, self.padding, output_padding,
                                    self.groups, self.dilation)
        except Exception as e:
            raise self._input_error(input, e) from None


class ConvTranspose1d(_ConvTranspose):
    """1-D transposed convolution (the gradient of Conv1d w.r.t. its input): weight
    (in_channels, out_channels / groups, k).

    ``forward(input, output_size=None)`` picks output_padding to reach output_size. The output length is
    (L - 1) * stride - 2 * padding + dilation * (k - 1) + output_padding + 1.

    Args:
        in_channels (int): the number of input channels.
        out_channels (int): the number of output channels.
        kernel_size (int or tuple): the kernel size.
        stride (int or tuple): the step of the kernel (the upsampling factor). Default: 1.
        padding (int or tuple): the output shrinks by 2 * padding in each spatial dim. Default: 0.
        output_padding (int or tuple): extra size added to one side of each spatial dim of the output. Default: 0.
        groups (int): the number of blocked connections; it must divide both channel counts. Default: 1.
        bias (bool): learn a bias of shape (out_channels,). Default: True.
        dilation (int or tuple): the spacing between kernel elements. Default: 1.
        padding_mode (str): only ``'zeros'`` is supported (anything else raises ``ValueError``). Default: ``'zeros'``.
        device (device, optional): the device of the parameters.
        dtype (dtype, optional): the dtype of the parameters.

    Example:
        >>> m = nn.ConvTranspose1d(4, 2, kernel_size=3, stride=2)
        >>> tuple(m(rt.randn(1, 4, 5)).shape)
        (1, 2, 11)
        >>> tuple(m(rt.randn(1, 4, 5), output_size=[12]).shape)
        (1, 2, 12)
    """
    _dims = 1
    _tuple = staticmethod(_single)
    _conv = staticmethod(F.conv_transpose1d)


class ConvTranspose2d(_ConvTranspose):
    """2-D transposed convolution: weight (in_channels, out_channels / groups, kH, kW);
    ``forward(input, output_size=None)`` picks output_padding to reach output_size.

    Args:
        in_channels (int): the number of input channels.
        out_channels (int): the number of output channels.
        kernel_size (int or tuple of ints): the kernel size.
        stride (int or tuple of ints): the step of the kernel (the upsampling factor). Default: 1.
        padding (int or tuple of ints): the output shrinks by 2 * padding in each spatial dim. Default: 0.
        output_padding (int or tuple of ints): extra size added to one side of each spatial dim of the output. Default:
            0.
        groups (int): the number of blocked connections; it must divide both channel counts. Default: 1.
        bias (bool): learn a bias of shape (out_channels,). Default: True.
        dilation (int or tuple of ints): the spacing between kernel elements. Default: 1.
        padding_mode (str): only ``'zeros'`` is supported (anything else raises ``ValueError``). Default: ``'zeros'``.
        device (device, optional): the device of the parameters.
        dtype (dtype, optional): the dtype of the parameters.

    Example:
        >>> m = nn.ConvTranspose2d(8, 3, kernel_size=2, stride=2)
        >>> tuple(m(rt.randn(1, 8, 4, 4)).shape)
        (1, 3, 8, 8)
        >>> tuple(m.weight.shape)
        (8, 3, 2, 2)
    """
    _dims = 2
    _tuple = staticmethod(_pair)
    _conv = staticmethod(F.conv_transpose2d)


class ConvTranspose3d(_ConvTranspose):
    """3-D transposed convolution: weight (in_channels, out_channels / groups, kD, kH, kW).

    ``forward(input, output_size=None)`` picks output_padding to reach output_size.

    Args:
        in_channels (int): the number of input channels.
        out_channels (int): the number of output channels.
        kernel_size (int or tuple of ints): the kernel size.
        stride (int or tuple of ints): the step of the kernel (the upsampling factor). Default: 1.
        padding (int or tuple of ints): the output shrinks by 2 * padding in each spatial dim. Default: 0.
        output_padding (int or tuple of ints): extra size added to one side of each spatial dim of the output. Default:
            0.
        groups (int): the number of blocked connections; it must divide both channel counts. Default: 1.
        bias (bool): learn a bias of shape (out_channels,). Default: True.
        dilation (int or tuple of ints): the spacing between kernel elements. Default: 1.
        padding_mode (str): only ``'zeros'`` is supported (anything else raises ``ValueError``). Default: ``'zeros'``.
        device (device, optional): the device of the parameters.
        dtype (dtype, optional): the dtype of the parameters.

    Example:
        >>> m = nn.ConvTranspose3d(2, 1, kernel_size=2, stride=2)
        >>> tuple(m(rt.randn(1, 2, 2, 3, 3)).shape)
        (1, 1, 4, 6, 6)
    """
    _dims = 3
    _tuple = staticmethod(_triple)
    _conv = staticmethod(F.conv_transpose3d)
