"""Identity, Linear, Bilinear."""
import math

from .. import functional as F
from .. import init
from ..parameter import Parameter
from .module import Module
from .utils import _factory, layer_error, shape_str

__all__ = ["Identity", "Linear", "Bilinear"]


class Identity(Module):
    """Returns its input unchanged (any constructor arguments are ignored).

    Args:
        *args: ignored.
        **kwargs: ignored.

    Example:
        >>> m = nn.Identity(54, unused='argument')
        >>> x = rt.randn(2, 3)
        >>> m(x) is x
        True
    """

    def __init__(self, *args, **kwargs):
        super().__init__()

    def forward(self, input):
        return input


class Linear(Module):
    """``y = x W^T + b`` over the last dim: input (*, in_features) -> (*, out_features).

    weight (out_features, in_features) and bias (out_features,) start from
    U(-1/sqrt(in_features), 1/sqrt(in_features)) (PyTorch's kaiming_uniform(a=sqrt(5)) rule).

    Args:
        in_features (int): the size of the input's last dim.
        out_features (int): the size of the output's last dim.
        bias (bool): learn an additive bias. Default: True.
        device (device, optional): the device of the parameters.
        dtype (dtype, optional): the dtype of the parameters.

    Example:
        >>> m = nn.Linear(20, 30)
        >>> tuple(m(rt.randn(128, 20)).shape)
        (128, 30)
        >>> tuple(m.weight.shape)
        (30, 20)
        >>> m = nn.Linear(2, 1, bias=False)
        >>> with rt.no_grad():
        ...     _ = m.weight.copy_(rt.tensor([[1., 2.]]))
        >>> m(rt.tensor([[3., 4.]])).tolist()
        [[11.0]]
    """

    def __init__(self, in_features, out_features, bias=True, device=None, dtype=None):
        super().__init__()
        self.in_features = in_features
        self.out_features = out_features
        self.weight = Parameter(_factory((out_features, in_features), dtype, device))
        if bias:
            self.bias = Parameter(_factory((out_features,), dtype, device))
        else:
            self.register_parameter("bias", None)
        self.reset_parameters()

    def reset_parameters(self):
        """Re-initialises weight (Kaiming-uniform, a=sqrt(5)) and bias (uniform in +-1/sqrt(in_features)), as PyTorch does."""
        init.kaiming_uniform_(self.weight, a=math.sqrt(5))
        if self.bias is not None:
            fan_in, _ = init._calculate_fan_in_and_fan_out(self.weight)
            bound = 1 / math.sqrt(fan_in) if fan_in > 0 else 0
            init.uniform_(self.bias, -bound, bound)

    def forward(self, input):
        try:
            p = self._parameters  # direct dict reads: attribute access through __getattr__ costs ~1 us
            return F.linear(input, p["weight"], p["bias"])
        except Exception as e:
            detail = None
            if hasattr(input, "shape") and (input.dim() == 0 or input.shape[-1] != self.in_features):
                detail = (f"expected input with {self.in_features} features in the last dim, got input of shape "
                          f"{shape_str(input.shape)}")
            raise layer_error(self, e, detail) from None

    def extra_repr(self):
        return f"in_features={self.in_features}, out_features={self.out_features}, bias={self.bias is not None}"


class Bilinear(Module):
    """``y = x1^T A x2 + b``: inputs (*, in1_features) and (*, in2_features) -> (*, out_features);
    weight (out_features, in1_features, in2_features) and bias from U(-1/sqrt(in1), 1/sqrt(in1)).

    Args:
        in1_features (int): the size of the first input's last dim.
        in2_features (int): the size of the second input's last dim.
        out_features (int): the size of the output's last dim.
        bias (bool): learn an additive bias. Default: True.
        device (device, optional): the device of the parameters.
        dtype (dtype, optional): the dtype of the parameters.

    Example:
        >>> m = nn.Bilinear(20, 30, 40)
        >>> tuple(m(rt.randn(128, 20), rt.randn(128, 30)).shape)
        (128, 40)
    """

    def __init__(self, in1_features, in2_features, out_features, bias=True, device=None, dtype=None):
        super().__init__()
        self.in1_features = in1_features
        self.in2_features = in2_features
        self.out_features = out_features
        self.weight = Parameter(_factory((out_features, in1_features, in2_features), dtype, device))
        if bias:
            self.bias = Parameter(_factory((out_features,), dtype, device))
        else:
            self.register_parameter("bias", None)
        self.reset_parameters()

    def reset_parameters(self):
        """Re-initialises weight and bias uniformly in +-1/sqrt(in1_features), as PyTorch does."""
        bound = 1 / math.sqrt(self.weight.shape[1])
        init.uniform_(self.weight, -bound, bound)
        if self.bias is not None:
            init.uniform_(self.bias, -bound, bound)

    def forward(self, input1, input2):
        try:
            p = self._parameters
            return F.bilinear(input1, input2, p["weight"], p["bias"])
        except Exception as e:
            raise layer_error(self, e) from None

    def extra_repr(self):
        return (f"in1_features={self.in1_features}, in2_features={self.in2_features}, "
                f"out_features={self.out_features}, bias={self.bias is not None}")
