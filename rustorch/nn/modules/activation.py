"""Activation layers (each is its nn.functional counterpart as a module)."""
from .. import functional as F
from ..parameter import Parameter
from .module import Module
from .utils import _factory, layer_error

__all__ = [
    "Threshold", "ReLU", "RReLU", "Hardtanh", "ReLU6", "Sigmoid", "Hardsigmoid", "Tanh", "SiLU", "Mish",
    "Hardswish", "ELU", "CELU", "SELU", "GLU", "GELU", "Hardshrink", "LeakyReLU", "LogSigmoid", "Softplus",
    "Softshrink", "PReLU", "Softsign", "Tanhshrink", "Softmin", "Softmax", "Softmax2d", "LogSoftmax",
]


def _inplace_repr(inplace, lead=""):
    if not inplace:
        return lead
    return f"{lead}, inplace=True" if lead else "inplace=True"


class Threshold(Module):
    """x where x > threshold, value otherwise, applied element-wise.

    Args:
        threshold (float): the value to compare against.
        value (float): the replacement for the elements that are not above ``threshold``.
        inplace (bool): overwrite the input instead of allocating the result. Default: False.

    Example:
        >>> m = nn.Threshold(0.5, -1.0)
        >>> m(rt.tensor([0., 0.5, 1., 2.])).tolist()
        [-1.0, -1.0, 1.0, 2.0]
    """

    def __init__(self, threshold, value, inplace=False):
        super().__init__()
        self.threshold = threshold
        self.value = value
        self.inplace = inplace

    def forward(self, input):
        return F.threshold(input, self.threshold, self.value, self.inplace)

    def extra_repr(self):
        return _inplace_repr(self.inplace, f"threshold={self.threshold}, value={self.value}")


class ReLU(Module):
    """max(x, 0), applied element-wise.

    Args:
        inplace (bool): overwrite the input instead of allocating the result. Default: False.

    Example:
        >>> m = nn.ReLU()
        >>> x = rt.tensor([-2., -0.5, 0., 1.5])
        >>> m(x).tolist()
        [0.0, 0.0, 0.0, 1.5]
    """

    def __init__(self, inplace=False):
        super().__init__()
        self.inplace = inplace

    def forward(self, input):
        return F.relu(input, inplace=self.inplace)

    def extra_repr(self):
        return _inplace_repr(self.inplace)


class RReLU(Module):
    """Randomized leaky ReLU: slope ~ U(lower, upper) per element in training, their mean in eval.

    Positive elements pass unchanged; negative ones are multiplied by the slope.

    Args:
        lower (float): lower bound of the uniform slope distribution. Default: 1/8.
        upper (float): upper bound of the uniform slope distribution. Default: 1/3.
        inplace (bool): overwrite the input instead of allocating the result. Default: False.

    Example:
        >>> m = nn.RReLU(0.125, 0.375).eval()
        >>> m(rt.tensor([-1., 2.])).tolist()
        [-0.25, 2.0]
    """

    def __init__(self, lower=1.0 / 8, upper=1.0 / 3, inplace=False):
        super().__init__()
        self.lower = lower
        self.upper = upper
        self.inplace = inplace

    def forward(self, input):
        return F.rrelu(input, self.lower, self.upper, self.training, self.inplace)

    def extra_repr(self):
        return _inplace_repr(self.inplace, f"lower={self.lower}, upper={self.upper}")


class Hardtanh(Module):
    """Clamps x into [min_val, max_val], element-wise.

    Raises ``ValueError`` when ``max_val <= min_val``.

    Args:
        min_val (float): the lower bound. Default: -1.0.
        max_val (float): the upper bound. Default: 1.0.
        inplace (bool): overwrite the input instead of allocating the result. Default: False.

    Example:
        >>> m = nn.Hardtanh(-1.0, 1.0)
        >>> x = rt.tensor([-2., -0.5, 0., 1.5])
        >>> m(x).tolist()
        [-1.0, -0.5, 0.0, 1.0]
    """

    def __init__(self, min_val=-1.0, max_val=1.0, inplace=False):
        super().__init__()
        if max_val <= min_val:
            raise ValueError(f"Hardtanh: max_val ({max_val}) must be greater than min_val ({min_val})")
        self.min_val = min_val
        self.max_val = max_val
        self.inplace = inplace

    def forward(self, input):
        return F.hardtanh(input, self.min_val, self.max_val, self.inplace)

    def extra_repr(self):
        return _inplace_repr(self.inplace, f"min_val={self.min_val}, max_val={self.max_val}")


class ReLU6(Hardtanh):
    """min(max(x, 0), 6), element-wise (a Hardtanh with bounds 0 and 6).

    Args:
        inplace (bool): overwrite the input instead of allocating the result. Default: False.

    Example:
        >>> m = nn.ReLU6()
        >>> m(rt.tensor([-1., 3., 8.])).tolist()
        [0.0, 3.0, 6.0]
    """

    def __init__(self, inplace=False):
        super().__init__(0.0, 6.0, inplace)

    def extra_repr(self):
        return _inplace_repr(self.inplace)


class Sigmoid(Module):
    """1 / (1 + exp(-x)), element-wise.

    Example:
        >>> m = nn.Sigmoid()
        >>> m(rt.tensor([0.])).tolist()
        [0.5]
    """

    def forward(self, input):
        return F.sigmoid(input)


class Hardsigmoid(Module):
    """relu6(x + 3) / 6, element-wise (a piecewise-linear sigmoid).

    Args:
        inplace (bool): overwrite the input instead of allocating the result. Default: False.

    Example:
        >>> m = nn.Hardsigmoid()
        >>> m(rt.tensor([-4., 0., 3.])).tolist()
        [0.0, 0.5, 1.0]
    """

    def __init__(self, inplace=False):
        super().__init__()
        self.inplace = inplace

    def forward(self, input):
        return F.hardsigmoid(input, self.inplace)


class Tanh(Module):
    """tanh(x), element-wise.

    Example:
        >>> m = nn.Tanh()
        >>> m(rt.tensor([0.])).tolist()
        [0.0]
    """

    def forward(self, input):
        return F.tanh(input)


class SiLU(Module):
    """x * sigmoid(x), element-wise (also called swish).

    Args:
        inplace (bool): overwrite the input instead of allocating the result. Default: False.

    Example:
        >>> m = nn.SiLU()
        >>> m(rt.tensor([0.])).tolist()
        [0.0]
    """

    def __init__(self, inplace=False):
        super().__init__()
        self.inplace = inplace

    def forward(self, input):
        return F.silu(input, inplace=self.inplace)

    def extra_repr(self):
        return _inplace_repr(self.inplace)


class Mish(Module):
    """x * tanh(softplus(x)), element-wise.

    Args:
        inplace (bool): overwrite the input instead of allocating the result. Default: False.

    Example:
        >>> m = nn.Mish()
        >>> m(rt.tensor([0.])).tolist()
        [0.0]
    """

    def __init__(self, inplace=False):
        super().__init__()
        self.inplace = inplace

    def forward(self, input):
        return F.mish(input, inplace=self.inplace)

    def extra_repr(self):
        return _inplace_repr(self.inplace)


class Hardswish(Module):
    """x * relu6(x + 3) / 6, element-wise.

    Args:
        inplace (bool): overwrite the input instead of allocating the result. Default: False.

    Example:
        >>> m = nn.Hardswish()
        >>> m(rt.tensor([-4., 0., 3.])).tolist()
        [-0.0, 0.0, 3.0]
    """

    def __init__(self, inplace=False):
        super().__init__()
        self.inplace = inplace

    def forward(self, input):
        return F.hardswish(input, self.inplace)


class ELU(Module):
    """x for x > 0, alpha * (exp(x) - 1) otherwise.

    Args:
        alpha (float): the scale of the negative part. Default: 1.0.
        inplace (bool): overwrite the input instead of allocating the result. Default: False.

    Example:
        >>> m = nn.ELU()
        >>> m(rt.tensor([0., 2.])).tolist()
        [0.0, 2.0]
    """

    def __init__(self, alpha=1.0, inplace=False):
        super().__init__()
        self.alpha = alpha
        self.inplace = inplace

    def forward(self, input):
        return F.elu(input, self.alpha, self.inplace)

    def extra_repr(self):
        return _inplace_repr(self.inplace, f"alpha={self.alpha}")


class CELU(Module):
    """x for x > 0, alpha * (exp(x / alpha) - 1) otherwise.

    Args:
        alpha (float): the scale of the negative part. Default: 1.0.
        inplace (bool): overwrite the input instead of allocating the result. Default: False.

    Example:
        >>> m = nn.CELU(alpha=2.0)
        >>> m(rt.tensor([0., 2.])).tolist()
        [0.0, 2.0]
    """

    def __init__(self, alpha=1.0, inplace=False):
        super().__init__()
        self.alpha = alpha
        self.inplace = inplace

    def forward(self, input):
        return F.celu(input, self.alpha, self.inplace)

    def extra_repr(self):
        return _inplace_repr(self.inplace, f"alpha={self.alpha}")


class SELU(Module):
    """Self-normalising ELU: scale * elu(x, alpha) with alpha ~ 1.6733, scale ~ 1.0507.

    Args:
        inplace (bool): overwrite the input instead of allocating the result. Default: False.

    Example:
        >>> m = nn.SELU()
        >>> m(rt.tensor([0., 1.]))[0].item()
        0.0
    """

    def __init__(self, inplace=False):
        super().__init__()
        self.inplace = inplace

    def forward(self, input):
        return F.selu(input, self.inplace)

    def extra_repr(self):
        return _inplace_repr(self.inplace)


class GLU(Module):
    """Gated linear unit: a * sigmoid(b) for the halves a, b of the input along dim.

    The size of ``dim`` must be even; the result has half of it.

    Args:
        dim (int): the dim to split in two. Default: -1.

    Example:
        >>> m = nn.GLU()
        >>> m(rt.tensor([[1., 2., 0., 0.]])).tolist()
        [[0.5, 1.0]]
    """

    def __init__(self, dim=-1):
        super().__init__()
        self.dim = dim

    def forward(self, input):
        try:
            return F.glu(input, self.dim)
        except Exception as e:
            raise layer_error(self, e) from None

    def extra_repr(self):
        return f"dim={self.dim}"


class GELU(Module):
    """x * Phi(x); ``approximate='tanh'`` uses the tanh approximation.

    Phi is the standard normal CDF.

    Args:
        approximate (str): ``'none'`` (exact) or ``'tanh'``; anything else raises ``ValueError``. Default: ``'none'``.

    Example:
        >>> m = nn.GELU()
        >>> m(rt.tensor([0.])).tolist()
        [0.0]
        >>> round(nn.GELU(approximate='tanh')(rt.tensor([1.])).item(), 4)
        0.8412
    """

    def __init__(self, approximate="none"):
        super().__init__()
        if approximate not in ("none", "tanh"):
            raise ValueError(f"GELU: approximate must be 'none' or 'tanh', got {approximate!r}")
        self.approximate = approximate

    def forward(self, input):
        return F.gelu(input, approximate=self.approximate)

    def extra_repr(self):
        return f"approximate={self.approximate!r}"


class Hardshrink(Module):
    """x where |x| > lambd, 0 otherwise.

    Args:
        lambd (float): the threshold. Default: 0.5.

    Example:
        >>> m = nn.Hardshrink()
        >>> x = rt.tensor([-2., -0.5, 0., 1.5])
        >>> m(x).tolist()
        [-2.0, 0.0, 0.0, 1.5]
    """

    def __init__(self, lambd=0.5):
        super().__init__()
        self.lambd = lambd

    def forward(self, input):
        return F.hardshrink(input, self.lambd)

    def extra_repr(self):
        return f"{self.lambd}"


class LeakyReLU(Module):
    """x for x > 0, negative_slope * x otherwise.

    Args:
        negative_slope (float): the slope for negative inputs. Default: 0.01.
        inplace (bool): overwrite the input instead of allocating the result. Default: False.

    Example:
        >>> m = nn.LeakyReLU(0.5)
        >>> x = rt.tensor([-2., -0.5, 0., 1.5])
        >>> m(x).tolist()
        [-1.0, -0.25, 0.0, 1.5]
    """

    def __init__(self, negative_slope=0.01, inplace=False):
        super().__init__()
        self.negative_slope = negative_slope
        self.inplace = inplace

    def forward(self, input):
        return F.leaky_relu(input, self.negative_slope, self.inplace)

    def extra_repr(self):
        return _inplace_repr(self.inplace, f"negative_slope={self.negative_slope}")


class LogSigmoid(Module):
    """log(sigmoid(x)), element-wise.

    Example:
        >>> m = nn.LogSigmoid()
        >>> round(m(rt.tensor([0.])).item(), 4)
        -0.6931
    """

    def forward(self, input):
        return F.logsigmoid(input)


class Softplus(Module):
    """log(1 + exp(beta * x)) / beta, linear above ``threshold``.

    Where ``beta * x > threshold`` the result is ``x`` itself (for numerical stability).

    Args:
        beta (float): the sharpness. Default: 1.0.
        threshold (float): above this value of ``beta * x`` the layer is the identity. Default: 20.0.

    Example:
        >>> m = nn.Softplus()
        >>> round(m(rt.tensor([0.])).item(), 4)
        0.6931
        >>> m(rt.tensor([30.])).item()
        30.0
    """

    def __init__(self, beta=1.0, threshold=20.0):
        super().__init__()
        self.beta = beta
        self.threshold = threshold

    def forward(self, input):
        return F.softplus(input, self.beta, self.threshold)

    def extra_repr(self):
        return f"beta={self.beta}, threshold={self.threshold}"


class Softshrink(Module):
    """x - lambd above lambd, x + lambd below -lambd, 0 between.

    Args:
        lambd (float): the threshold. Default: 0.5.

    Example:
        >>> m = nn.Softshrink()
        >>> x = rt.tensor([-2., -0.5, 0., 1.5])
        >>> m(x).tolist()
        [-1.5, 0.0, 0.0, 1.0]
    """

    def __init__(self, lambd=0.5):
        super().__init__()
        self.lambd = lambd

    def forward(self, input):
        return F.softshrink(input, self.lambd)

    def extra_repr(self):
        return str(self.lambd)


class PReLU(Module):
    """Leaky ReLU with a learned slope: one (``num_parameters=1``) or one per channel (dim 1),
    initialised to ``init``.

    Args:
        num_parameters (int): the number of slopes: 1, or the number of input channels. Default: 1.
        init (float): the initial slope. Default: 0.25.
        device (device, optional): the device of ``weight``.
        dtype (dtype, optional): the dtype of ``weight``.

    Example:
        >>> m = nn.PReLU()
        >>> m.weight.tolist()
        [0.25]
        >>> m(rt.tensor([-2., 1.])).tolist()
        [-0.5, 1.0]
    """

    def __init__(self, num_parameters=1, init=0.25, device=None, dtype=None):
        super().__init__()
        self.num_parameters = num_parameters
        self.init = init
        self.weight = Parameter(_factory((num_parameters,), dtype, device))
        self.reset_parameters()

    def reset_parameters(self):
        """Sets every slope in ``weight`` back to ``init``."""
        from .. import init as _init

        _init.constant_(self.weight, self.init)

    def forward(self, input):
        try:
            return F.prelu(input, self._parameters["weight"])
        except Exception as e:
            raise layer_error(self, e) from None

    def extra_repr(self):
        return f"num_parameters={self.num_parameters}"


class Softsign(Module):
    """x / (1 + |x|), element-wise.

    Example:
        >>> m = nn.Softsign()
        >>> m(rt.tensor([-3., 0., 1.])).tolist()
        [-0.75, 0.0, 0.5]
    """

    def forward(self, input):
        return F.softsign(input)


class Tanhshrink(Module):
    """x - tanh(x), element-wise.

    Example:
        >>> m = nn.Tanhshrink()
        >>> m(rt.tensor([0.])).tolist()
        [0.0]
    """

    def forward(self, input):
        return F.tanhshrink(input)


class Softmin(Module):
    """softmax(-x) along dim.

    Args:
        dim (int, optional): the dim to normalise over; None picks one implicitly (with a warning, as PyTorch). Default:
            None.

    Example:
        >>> m = nn.Softmin(dim=1)
        >>> m(rt.tensor([[0., 0.], [1., 1.]])).tolist()
        [[0.5, 0.5], [0.5, 0.5]]
    """

    def __init__(self, dim=None):
        super().__init__()
        self.dim = dim

    def forward(self, input):
        return F.softmin(input, self.dim, _stacklevel=5)

    def extra_repr(self):
        return f"dim={self.dim}"


class Softmax(Module):
    """exp(x) / sum(exp(x)) along dim.

    Args:
        dim (int, optional): the dim to normalise over; None picks one implicitly (with a warning, as PyTorch). Default:
            None.

    Example:
        >>> m = nn.Softmax(dim=-1)
        >>> m(rt.tensor([[1., 1., 1., 1.]])).tolist()
        [[0.25, 0.25, 0.25, 0.25]]
    """

    def __init__(self, dim=None):
        super().__init__()
        self.dim = dim

    def forward(self, input):
        try:
            return F.softmax(input, self.dim, _stacklevel=5)
        except Exception as e:
            raise layer_error(self, e) from None

    def extra_repr(self):
        return f"dim={self.dim}"


class Softmax2d(Module):
    """Softmax over the channel dim of (N, C, H, W) or (C, H, W) input.

    Other ranks raise ``ValueError``.

    Example:
        >>> m = nn.Softmax2d()
        >>> y = m(rt.zeros(1, 4, 2, 2))
        >>> y[0, :, 0, 0].tolist()
        [0.25, 0.25, 0.25, 0.25]
    """

    def forward(self, input):
        if input.dim() not in (3, 4):
            raise ValueError(f"Softmax2d: expected input to be 3D or 4D, got {input.dim()}D instead")
        return F.softmax(input, -3, _stacklevel=5)


class LogSoftmax(Module):
    """log(softmax(x)) along dim.

    Args:
        dim (int, optional): the dim to normalise over; None picks one implicitly (with a warning, as PyTorch). Default:
            None.

    Example:
        >>> m = nn.LogSoftmax(dim=1)
        >>> m(rt.zeros(1, 2)).exp().tolist()
        [[0.5, 0.5]]
    """

    def __init__(self, dim=None):
        super().__init__()
        self.dim = dim

    def forward(self, input):
        try:
            return F.log_softmax(input, self.dim, _stacklevel=5)
        except Exception as e:
            raise layer_error(self, e) from None

    def extra_repr(self):
        return f"dim={self.dim}"
