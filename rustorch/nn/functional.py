"""Functional forms of the layers, activations and losses (``torch.nn.functional``).

Convolution, pooling, normalisation, dropout, embedding, padding, interpolation, one_hot and the
fused losses (cross_entropy, nll_loss, binary_cross_entropy_with_logits) are the C++ kernels of
``rt._C``; activations and the other losses compose differentiable tensor ops, so their gradients
(and second derivatives) come from autograd.
"""
import math
import warnings

from .. import _C
from .._C import Tensor

# ---------------------------------------------------------------------------------------------
# C++ kernels (torch.nn.functional names and signatures)


def _kernel(name):
    return getattr(_C, name)


conv1d = _kernel("conv1d")
conv2d = _kernel("conv2d")
conv3d = _kernel("conv3d")
conv_transpose1d = _kernel("conv_transpose1d")
conv_transpose2d = _kernel("conv_transpose2d")
conv_transpose3d = _kernel("conv_transpose3d")
max_pool1d = _kernel("max_pool1d")
max_pool2d = _kernel("max_pool2d")
max_pool3d = _kernel("max_pool3d")
max_pool1d_with_indices = _kernel("max_pool1d_with_indices")
max_pool2d_with_indices = _kernel("max_pool2d_with_indices")
max_pool3d_with_indices = _kernel("max_pool3d_with_indices")
avg_pool1d = _kernel("avg_pool1d")
avg_pool2d = _kernel("avg_pool2d")
avg_pool3d = _kernel("avg_pool3d")
adaptive_avg_pool1d = _kernel("adaptive_avg_pool1d")
adaptive_avg_pool2d = _kernel("adaptive_avg_pool2d")
adaptive_avg_pool3d = _kernel("adaptive_avg_pool3d")
adaptive_max_pool1d = _kernel("adaptive_max_pool1d")
adaptive_max_pool2d = _kernel("adaptive_max_pool2d")
adaptive_max_pool3d = _kernel("adaptive_max_pool3d")
batch_norm = _kernel("batch_norm")
layer_norm = _kernel("layer_norm")
group_norm = _kernel("group_norm")
instance_norm = _kernel("instance_norm")
dropout = _kernel("dropout")
dropout1d = _kernel("dropout1d")
dropout2d = _kernel("dropout2d")
dropout3d = _kernel("dropout3d")
embedding = _kernel("embedding")
pad = _kernel("pad")
interpolate = _kernel("interpolate")
upsample = _kernel("upsample")
upsample_nearest = _kernel("upsample_nearest")
upsample_bilinear = _kernel("upsample_bilinear")
one_hot = _kernel("one_hot")
cross_entropy = _kernel("cross_entropy")
nll_loss = _kernel("nll_loss")
binary_cross_entropy_with_logits = _kernel("binary_cross_entropy_with_logits")

# ---------------------------------------------------------------------------------------------
# Linear


def linear(input, weight, bias=None):
    """``input @ weight.T + bias`` for input (*, in_features), weight (out_features, in_features).

    Args:
        input (Tensor): the input, of shape (*, in_features).
        weight (Tensor): the weight, of shape (out_features, in_features).
        bias (Tensor, optional): the bias, of shape (out_features,). Default: None.

    Returns:
        Tensor: the output, of shape (*, out_features).

    Example:
        >>> x = rt.tensor([[1., 2.], [0., 1.]])
        >>> w = rt.tensor([[1., 0.], [1., 1.], [0., -1.]])
        >>> F.linear(x, w, rt.tensor([0., 0.5, 1.]))
        tensor([[ 1.0000,  3.5000, -1.0000],
                [ 0.0000,  1.5000,  0.0000]])
    """
    if bias is not None and input.dim() == 2:
        return _C.addmm(bias, input, weight.t())  # one fused GEMM call
    out = input.matmul(weight.t())
    return out + bias if bias is not None else out


def bilinear(input1, input2, weight, bias=None):
    """``y[..., o] = x1[..., i] W[o, i, j] x2[..., j] + b[o]`` with weight (out, in1, in2).

    Args:
        input1 (Tensor): the first input, of shape (*, in1_features).
        input2 (Tensor): the second input, of shape (*, in2_features), with the same leading dims.
        weight (Tensor): the weight, of shape (out_features, in1_features, in2_features).
        bias (Tensor, optional): the bias, of shape (out_features,). Default: None.

    Returns:
        Tensor: the output, of shape (*, out_features).

    Example:
        >>> x1 = rt.tensor([[1., 2.], [1., 0.]])
        >>> x2 = rt.tensor([[3., 4., 5.], [1., 1., 1.]])
        >>> F.bilinear(x1, x2, rt.ones(2, 2, 3))
        tensor([[36., 36.],
                [ 3.,  3.]])
    """
    if weight.dim() != 3:
        raise ValueError(f"bilinear: weight must be 3-D (out_features, in1_features, in2_features), "
                         f"got shape {tuple(weight.shape)}")
    out_f, in1, in2 = weight.shape
    if input1.shape[-1] != in1 or input2.shape[-1] != in2 or input1.shape[:-1] != input2.shape[:-1]:
        raise ValueError(f"bilinear: input1 {tuple(input1.shape)} and input2 {tuple(input2.shape)} do not match "
                         f"weight {tuple(weight.shape)} (expected (*, {in1}) and (*, {in2}) with equal leading dims)")
    lead = input1.shape[:-1]
    x1 = input1.reshape(-1, in1)
    x2 = input2.reshape(-1, in2)
    # (B, in1) @ (in1, out * in2) -> (B, out, in2), then contract with x2 over in2
    t = x1.matmul(weight.permute(1, 0, 2).reshape(in1, out_f * in2)).reshape(-1, out_f, in2)
    y = _C.bmm(t, x2.unsqueeze(-1)).squeeze(-1)
    if bias is not None:
        y = y + bias
    return y.reshape(lead + (out_f,))


# ---------------------------------------------------------------------------------------------
# Activations


def _inplace_result(input, out, inplace):
    """In-place activations write into input when autograd does not need the old value
    (otherwise the result is returned out of place: the graph stays correct)."""
    if inplace and not (_C.is_grad_enabled() and input.requires_grad):
        input.copy_(out)
        return input
    return out


def relu(input, inplace=False):
    """max(x, 0).

    Args:
        input (Tensor): the input.
        inplace (bool): write the result into ``input`` (when autograd does not need its old value). Default: False.

    Returns:
        Tensor: the activation, with the shape of ``input``.

    Example:
        >>> x = rt.tensor([[-2., -0.5], [0., 1.5]])
        >>> F.relu(x)
        tensor([[0.0000, 0.0000],
                [0.0000, 1.5000]])
    """
    if inplace:
        return input.relu_()
    return _C.relu(input)


def relu_(input):
    """In-place :func:`relu`: overwrites ``input`` with max(x, 0) and returns it.

    Args:
        input (Tensor): the tensor to overwrite.

    Returns:
        Tensor: ``input`` itself.

    Example:
        >>> x = rt.tensor([[-2., -0.5], [0., 1.5]])
        >>> F.relu_(x)
        tensor([[0.0000, 0.0000],
                [0.0000, 1.5000]])
        >>> x
        tensor([[0.0000, 0.0000],
                [0.0000, 1.5000]])
    """
    return input.relu_()


def relu6(input, inplace=False):
    """min(max(x, 0), 6).

    Args:
        input (Tensor): the input.
        inplace (bool): write the result into ``input`` (when autograd does not need its old value). Default: False.

    Returns:
        Tensor: the activation, with the shape of ``input``.

    Example:
        >>> F.relu6(rt.tensor([[-1., 3.], [6., 8.]]))
        tensor([[0., 3.],
                [6., 6.]])
    """
    return hardtanh(input, 0.0, 6.0, inplace)


def hardtanh(input, min_val=-1.0, max_val=1.0, inplace=False):
    """Clamps x into [min_val, max_val].

    Args:
        input (Tensor): the input.
        min_val (float): the lower bound. Default: -1.0.
        max_val (float): the upper bound. Default: 1.0.
        inplace (bool): write the result into ``input`` (when autograd does not need its old value). Default: False.

    Returns:
        Tensor: the activation, with the shape of ``input``.

    Example:
        >>> x = rt.tensor([[-2., -0.5], [0., 1.5]])
        >>> F.hardtanh(x)
        tensor([[-1.0000, -0.5000],
                [ 0.0000,  1.0000]])
        >>> F.hardtanh(x, 0., 1.)
        tensor([[0., 0.],
                [0., 1.]])
    """
    if min_val > max_val:
        raise ValueError("hardtanh: min_val cannot be greater than max_val")
    if input.dtype == _C.int64:
        # as torch: an integer input stays integer, clamped to the bounds converted to its type
        min_val, max_val = int(min_val), int(max_val)
    if inplace:
        return input.clamp_(min_val, max_val)
    return input.clamp(min_val, max_val)


def hardtanh_(input, min_val=-1.0, max_val=1.0):
    """In-place :func:`hardtanh`: clamps ``input`` into [min_val, max_val] in place and returns it.

    Args:
        input (Tensor): the tensor to overwrite.
        min_val (float): the lower bound. Default: -1.0.
        max_val (float): the upper bound. Default: 1.0.

    Returns:
        Tensor: ``input`` itself.

    Example:
        >>> x = rt.tensor([[-2., -0.5], [0., 1.5]])
        >>> F.hardtanh_(x)
        tensor([[-1.0000, -0.5000],
                [ 0.0000,  1.0000]])
        >>> x
        tensor([[-1.0000, -0.5000],
                [ 0.0000,  1.0000]])
    """
    return hardtanh(input, min_val, max_val, True)


def leaky_relu(input, negative_slope=0.01, inplace=False):
    """x for x > 0, negative_slope * x otherwise.

    Args:
        input (Tensor): the input.
        negative_slope (float): the slope for negative inputs. Default: 0.01.
        inplace (bool): write the result into ``input`` (when autograd does not need its old value). Default: False.

    Returns:
        Tensor: the activation, with the shape of ``input``.

    Example:
        >>> x = rt.tensor([[-2., -0.5], [0., 1.5]])
        >>> F.leaky_relu(x, 0.1)
        tensor([[-0.2000, -0.0500],
                [ 0.0000,  1.5000]])
    """
    out = _C.where(input > 0, input, input * negative_slope)
    return _inplace_result(input, out, inplace)


def leaky_relu_(input, negative_slope=0.01):
    """In-place :func:`leaky_relu`: overwrites ``input`` and returns it.

    Args:
        input (Tensor): the tensor to overwrite.
        negative_slope (float): the slope for negative inputs. Default: 0.01.

    Returns:
        Tensor: ``input`` itself.

    Example:
        >>> x = rt.tensor([[-2., -0.5], [0., 1.5]])
        >>> F.leaky_relu_(x, 0.1)
        tensor([[-0.2000, -0.0500],
                [ 0.0000,  1.5000]])
        >>> x
        tensor([[-0.2000, -0.0500],
                [ 0.0000,  1.5000]])
    """
    return leaky_relu(input, negative_slope, True)


def prelu(input, weight):
    """x for x > 0, weight * x otherwise; a weight with several entries applies per channel (dim 1).

    Args:
        input (Tensor): the input.
        weight (Tensor): the slopes: one element, or one per channel (``input.shape[1]``).

    Returns:
        Tensor: the activation, with the shape of ``input``.

    Example:
        >>> x = rt.tensor([[-1., 2.], [-3., -4.]])
        >>> F.prelu(x, rt.tensor([0.25]))
        tensor([[-0.2500,  2.0000],
                [-0.7500, -1.0000]])
        >>> F.prelu(x, rt.tensor([0.1, 0.5]))
        tensor([[-0.1000,  2.0000],
                [-0.3000, -2.0000]])
    """
    if weight.numel() != 1:
        channels = input.shape[1] if input.dim() >= 2 else 1
        if weight.numel() != channels:
            raise ValueError(f"prelu: the number of weights ({weight.numel()}) does not match the number of "
                             f"channels ({channels}) of input {tuple(input.shape)} (channels are dim 1)")
        weight = weight.reshape((channels,) + (1,) * (input.dim() - 2))
    return _C.where(input > 0, input, input * weight)


def rrelu(input, lower=1.0 / 8, upper=1.0 / 3, training=False, inplace=False):
    """Leaky ReLU with a slope drawn uniformly from [lower, upper] per element when training,
    (lower + upper) / 2 otherwise.

    Args:
        input (Tensor): the input.
        lower (float): the lower bound of the slope. Default: 1/8.
        upper (float): the upper bound of the slope. Default: 1/3.
        training (bool): draw random slopes (from rustorch's generator); else use the mean slope. Default: False.
        inplace (bool): write the result into ``input`` (when autograd does not need its old value). Default: False.

    Returns:
        Tensor: the activation, with the shape of ``input``.

    Example:
        >>> x = rt.tensor([[-3., 1.], [2., -1.]])
        >>> F.rrelu(x, 0.1, 0.3)
        tensor([[-0.6000,  1.0000],
                [ 2.0000, -0.2000]])
        >>> y = F.rrelu(x, training=True)
        >>> bool(-1. <= y[0, 0].item() <= -0.375)
        True
    """
    if not training:
        return leaky_relu(input, (lower + upper) / 2, inplace)
    slope = _C.empty_like(input).uniform_(lower, upper)
    out = _C.where(input >= 0, input, input * slope)
    return _inplace_result(input, out, inplace)


def elu(input, alpha=1.0, inplace=False):
    """x for x > 0, alpha * (exp(x) - 1) otherwise.

    Args:
        input (Tensor): the input.
        alpha (float): the scale of the negative part. Default: 1.0.
        inplace (bool): write the result into ``input`` (when autograd does not need its old value). Default: False.

    Returns:
        Tensor: the activation, with the shape of ``input``.

    Example:
        >>> x = rt.tensor([[-2., -0.5], [0., 1.5]])
        >>> F.elu(x)
        tensor([[-0.8647, -0.3935],
                [ 0.0000,  1.5000]])
    """
    out = _C.where(input > 0, input, _C.expm1(input.clamp(max=0.0)) * alpha)
    return _inplace_result(input, out, inplace)


def elu_(input, alpha=1.0):
    """In-place :func:`elu`: overwrites ``input`` and returns it.

    Args:
        input (Tensor): the tensor to overwrite.
        alpha (float): the scale of the negative part. Default: 1.0.

    Returns:
        Tensor: ``input`` itself.

    Example:
        >>> x = rt.tensor([[-2., -0.5], [0., 1.5]])
        >>> F.elu_(x)
        tensor([[-0.8647, -0.3935],
                [ 0.0000,  1.5000]])
        >>> x
        tensor([[-0.8647, -0.3935],
                [ 0.0000,  1.5000]])
    """
    return elu(input, alpha, True)


_SELU_ALPHA = 1.6732632423543772848170429916717
_SELU_SCALE = 1.0507009873554804934193349852946


def selu(input, inplace=False):
    """scale * elu(x, alpha) with the self-normalising constants
    (alpha ~= 1.6733, scale ~= 1.0507).

    Args:
        input (Tensor): the input.
        inplace (bool): write the result into ``input`` (when autograd does not need its old value). Default: False.

    Returns:
        Tensor: the activation, with the shape of ``input``.

    Example:
        >>> x = rt.tensor([[-2., -0.5], [0., 1.5]])
        >>> F.selu(x)
        tensor([[-1.5202, -0.6918],
                [ 0.0000,  1.5761]])
    """
    out = _C.where(input > 0, input * _SELU_SCALE,
                   _C.expm1(input.clamp(max=0.0)) * (_SELU_ALPHA * _SELU_SCALE))
    return _inplace_result(input, out, inplace)


def celu(input, alpha=1.0, inplace=False):
    """x for x > 0, alpha * (exp(x / alpha) - 1) otherwise.

    Args:
        input (Tensor): the input.
        alpha (float): the scale of the negative part (not 0). Default: 1.0.
        inplace (bool): write the result into ``input`` (when autograd does not need its old value). Default: False.

    Returns:
        Tensor: the activation, with the shape of ``input``.

    Example:
        >>> x = rt.tensor([[-2., -0.5], [0., 1.5]])
        >>> F.celu(x, alpha=2.)
        tensor([[-1.2642, -0.4424],
                [ 0.0000,  1.5000]])
    """
    if alpha == 0:
        raise ValueError("celu: ZeroDivisionError: alpha cannot be 0")
    out = _C.where(input > 0, input, _C.expm1(input.clamp(max=0.0) / alpha) * alpha)
    return _inplace_result(input, out, inplace)


_SQRT_2 = math.sqrt(2.0)
_SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)


def gelu(input, approximate="none"):
    """x * Phi(x) (``approximate='none'``, with erf) or the tanh approximation (``'tanh'``).

    Args:
        input (Tensor): the input.
        approximate (str): ``'none'`` or ``'tanh'``. Default: ``'none'``.

    Returns:
        Tensor: the activation, with the shape of ``input``.

    Example:
        >>> x = rt.tensor([[-2., -0.5], [0., 1.5]])
        >>> F.gelu(x)
        tensor([[-0.0455, -0.1543],
                [ 0.0000,  1.3998]])
        >>> F.gelu(x, approximate='tanh')
        tensor([[-0.0454, -0.1543],
                [ 0.0000,  1.3996]])
    """
    if approximate == "none":
        return input * (_C.erf(input * (1.0 / _SQRT_2)) + 1.0) * 0.5
    if approximate == "tanh":
        inner = (input + input * input * input * 0.044715) * _SQRT_2_OVER_PI
        return input * (_C.tanh(inner) + 1.0) * 0.5
    raise ValueError(f"gelu: approximate must be 'none' or 'tanh', got {approximate!r}")


def silu(input, inplace=False):
    """x * sigmoid(x) (swish).

    Args:
        input (Tensor): the input.
        inplace (bool): write the result into ``input`` (when autograd does not need its old value). Default: False.

    Returns:
        Tensor: the activation, with the shape of ``input``.

    Example:
        >>> x = rt.tensor([[-2., -0.5], [0., 1.5]])
        >>> F.silu(x)
        tensor([[-0.2384, -0.1888],
                [ 0.0000,  1.2264]])
    """
    return _inplace_result(input, input * _C.sigmoid(input), inplace)


def mish(input, inplace=False):
    """x * tanh(softplus(x)).

    Args:
        input (Tensor): the input.
        inplace (bool): write the result into ``input`` (when autograd does not need its old value). Default: False.

    Returns:
        Tensor: the activation, with the shape of ``input``.

    Example:
        >>> x = rt.tensor([[-2., -0.5], [0., 1.5]])
        >>> F.mish(x)
        tensor([[-0.2525, -0.2207],
                [ 0.0000,  1.4034]])
    """
    return _inplace_result(input, input * _C.tanh(softplus(input)), inplace)


def sigmoid(input):
    """1 / (1 + exp(-x)).

    Args:
        input (Tensor): the input.

    Returns:
        Tensor: the activation, with the shape of ``input``.

    Example:
        >>> F.sigmoid(rt.tensor([[-1., 0.], [2., 10.]]))
        tensor([[0.2689, 0.5000],
                [0.8808, 1.0000]])
    """
    return _C.sigmoid(input)


def tanh(input):
    """Elementwise hyperbolic tangent (the same as :func:`rustorch.tanh`).

    Args:
        input (Tensor): the input.

    Returns:
        Tensor: the activation, with the shape of ``input``.

    Example:
        >>> F.tanh(rt.tensor([[-1., 0.], [2., 10.]]))
        tensor([[-0.7616,  0.0000],
                [ 0.9640,  1.0000]])
    """
    return _C.tanh(input)


def hardsigmoid(input, inplace=False):
    """relu6(x + 3) / 6.

    Args:
        input (Tensor): the input.
        inplace (bool): write the result into ``input`` (when autograd does not need its old value). Default: False.

    Returns:
        Tensor: the activation, with the shape of ``input``.

    Example:
        >>> F.hardsigmoid(rt.tensor([[-4., 0.], [1.5, 4.]]))
        tensor([[0.0000, 0.5000],
                [0.7500, 1.0000]])
    """
    return _inplace_result(input, (input * (1.0 / 6.0) + 0.5).clamp(0.0, 1.0), inplace)


def hardswish(input, inplace=False):
    """x * relu6(x + 3) / 6.

    Args:
        input (Tensor): the input.
        inplace (bool): write the result into ``input`` (when autograd does not need its old value). Default: False.

    Returns:
        Tensor: the activation, with the shape of ``input``.

    Example:
        >>> F.hardswish(rt.tensor([[-4., -1.], [1.5, 4.]]))
        tensor([[-0.0000, -0.3333],
                [ 1.1250,  4.0000]])
    """
    return _inplace_result(input, input * (input + 3.0).clamp(0.0, 6.0) * (1.0 / 6.0), inplace)


def softplus(input, beta=1.0, threshold=20.0):
    """log(1 + exp(beta * x)) / beta, and x itself where beta * x > threshold.

    Args:
        input (Tensor): the input.
        beta (float): the sharpness. Default: 1.0.
        threshold (float): above ``beta * x > threshold`` the result is x. Default: 20.0.

    Returns:
        Tensor: the activation, with the shape of ``input``.

    Example:
        >>> x = rt.tensor([[-1., 0.], [1., 30.]])
        >>> F.softplus(x)
        tensor([[ 0.3133,  0.6931],
                [ 1.3133, 30.0000]])
        >>> F.softplus(x, beta=2.)
        tensor([[ 0.0635,  0.3466],
                [ 1.0635, 30.0000]])
    """
    z = input * beta if beta != 1 else input
    soft = _C.log1p(_C.exp(z.clamp(max=threshold)))
    if beta != 1:
        soft = soft / beta
    return _C.where(z > threshold, input, soft)


def logsigmoid(input):
    """log(sigmoid(x)), computed stably.

    Args:
        input (Tensor): the input.

    Returns:
        Tensor: the activation, with the shape of ``input``.

    Example:
        >>> F.logsigmoid(rt.tensor([[-100., 0.], [2., 1.]]))
        tensor([[-100.0000,   -0.6931],
                [  -0.1269,   -0.3133]])
    """
    return -softplus(-input)


def softsign(input):
    """x / (1 + |x|).

    Args:
        input (Tensor): the input.

    Returns:
        Tensor: the activation, with the shape of ``input``.

    Example:
        >>> F.softsign(rt.tensor([[-3., 0.], [1., 4.]]))
        tensor([[-0.7500,  0.0000],
                [ 0.5000,  0.8000]])
    """
    return input / (input.abs() + 1.0)


def tanhshrink(input):
    """x - tanh(x).

    Args:
        input (Tensor): the input.

    Returns:
        Tensor: the activation, with the shape of ``input``.

    Example:
        >>> F.tanhshrink(rt.tensor([[-1., 0.], [2., 10.]]))
        tensor([[-0.2384,  0.0000],
                [ 1.0360,  9.0000]])
    """
    return input - _C.tanh(input)


def hardshrink(input, lambd=0.5):
    """x where |x| > lambd, 0 otherwise.

    Args:
        input (Tensor): the input.
        lambd (float): the half-width of the zero band. Default: 0.5.

    Returns:
        Tensor: the activation, with the shape of ``input``.

    Example:
        >>> F.hardshrink(rt.tensor([[-1., -0.5], [0.2, 0.7]]))
        tensor([[-1.0000,  0.0000],
                [ 0.0000,  0.7000]])
    """
    # "zero inside the band" rather than "keep outside it", so NaN stays NaN (as in torch)
    return _C.where(input.abs() <= lambd, 0.0, input)


def softshrink(input, lambd=0.5):
    """x - lambd above lambd, x + lambd below -lambd, 0 between.

    Args:
        input (Tensor): the input.
        lambd (float): the half-width of the zero band (>= 0). Default: 0.5.

    Returns:
        Tensor: the activation, with the shape of ``input``.

    Example:
        >>> F.softshrink(rt.tensor([[-1., -0.5], [0.2, 0.75]]))
        tensor([[-0.5000,  0.0000],
                [ 0.0000,  0.2500]])
    """
    if lambd < 0:
        raise ValueError(f"softshrink: lambda must be greater or equal to 0, but found to be {lambd}.")
    # NaN fails every comparison: it must fall through to x -/+ lambd (NaN), not to 0 (as in torch)
    return _C.where(input.abs() <= lambd, 0.0, _C.where(input > lambd, input - lambd, input + lambd))


def threshold(input, threshold, value, inplace=False):
    """x where x > threshold, value otherwise.

    Args:
        input (Tensor): the input.
        threshold (float): the threshold.
        value (float): the value replacing x where x <= threshold.
        inplace (bool): write the result into ``input`` (when autograd does not need its old value). Default: False.

    Returns:
        Tensor: the activation, with the shape of ``input``.

    Example:
        >>> F.threshold(rt.tensor([[-1., 0.5], [2., 3.]]), 0.5, -9.)
        tensor([[-9., -9.],
                [ 2.,  3.]])
    """
    if input.dtype == _C.int64:
        # as torch: an integer input stays integer; threshold and value convert to its type
        threshold, value = int(threshold), int(value)
        return _inplace_result(input, _C.where(input <= threshold, value, input), inplace)
    # `<=` rather than `>`: NaN compares false, so NaN passes through as in torch
    return _inplace_result(input, _C.where(input <= threshold, float(value), input), inplace)


def glu(input, dim=-1):
    """a * sigmoid(b) where a, b are the halves of input along dim.

    Args:
        input (Tensor): the input; its size along ``dim`` must be even.
        dim (int): the dim to split in halves. Default: -1.

    Returns:
        Tensor: the gated output, half as large along ``dim``.

    Example:
        >>> F.glu(rt.tensor([[1., 2., 0., 100.], [1., 1., 0., 0.]]))
        tensor([[0.5000, 2.0000],
                [0.5000, 0.5000]])
    """
    if input.dim() == 0:
        raise ValueError("glu does not support scalars because halving size must be even")
    if input.shape[dim] % 2:
        raise ValueError(f"glu: halving dimension must be even, but dimension {dim} is size {input.shape[dim]}")
    a, b = input.chunk(2, dim)
    return a * _C.sigmoid(b)


def _softmax_dim(name, ndim):
    warnings.warn(f"Implicit dimension choice for {name} has been deprecated. Change the call to include dim=X "
                  "as an argument.", stacklevel=3)
    return 0 if ndim in (0, 1, 3) else 1


def softmax(input, dim=None, _stacklevel=3, dtype=None):
    """exp(x) / sum(exp(x)) along dim.

    Args:
        input (Tensor): the input.
        dim (int, optional): the dim to normalise over; when None, 0 for 0-, 1- and 3-D inputs and 1 otherwise (with a
            deprecation warning). Default: None.
        _stacklevel (int): unused (PyTorch's warning stack level). Default: 3.
        dtype (dtype, optional): cast ``input`` to this dtype first. Default: None.

    Returns:
        Tensor: probabilities summing to 1 along ``dim``, with the shape of ``input``.

    Example:
        >>> F.softmax(rt.tensor([[1., 2., 3.], [0., 0., 0.]]), dim=1)
        tensor([[0.0900, 0.2447, 0.6652],
                [0.3333, 0.3333, 0.3333]])
    """
    if dim is None:
        dim = _softmax_dim("softmax", input.dim())
    return _C.softmax(input, dim, dtype)


def log_softmax(input, dim=None, _stacklevel=3, dtype=None):
    """log(softmax(x)) along dim, computed stably.

    Args:
        input (Tensor): the input.
        dim (int, optional): the dim to normalise over; when None, 0 for 0-, 1- and 3-D inputs and 1 otherwise (with a
            deprecation warning). Default: None.
        _stacklevel (int): unused (PyTorch's warning stack level). Default: 3.
        dtype (dtype, optional): cast ``input`` to this dtype first. Default: None.

    Returns:
        Tensor: log-probabilities along ``dim``, with the shape of ``input``.

    Example:
        >>> F.log_softmax(rt.tensor([[1000., 1000.], [0., 1.]]), dim=1)
        tensor([[-0.6931, -0.6931],
                [-1.3133, -0.3133]])
    """
    if dim is None:
        dim = _softmax_dim("log_softmax", input.dim())
    return _C.log_softmax(input, dim, dtype)


def softmin(input, dim=None, _stacklevel=3, dtype=None):
    """softmax(-x) along dim.

    Args:
        input (Tensor): the input.
        dim (int, optional): the dim to normalise over; when None, 0 for 0-, 1- and 3-D inputs and 1 otherwise (with a
            deprecation warning). Default: None.
        _stacklevel (int): unused (PyTorch's warning stack level). Default: 3.
        dtype (dtype, optional): cast ``input`` to this dtype first. Default: None.

    Returns:
        Tensor: probabilities summing to 1 along ``dim``, largest for the smallest inputs.

    Example:
        >>> F.softmin(rt.tensor([[1., 2., 3.], [0., 0., 0.]]), dim=1)
        tensor([[0.6652, 0.2447, 0.0900],
                [0.3333, 0.3333, 0.3333]])
    """
    if dim is None:
        dim = _softmax_dim("softmin", input.dim())
    return _C.softmax(-input, dim, dtype)


# ---------------------------------------------------------------------------------------------
# Distances and normalisation helpers


def normalize(input, p=2.0, dim=1, eps=1e-12, out=None):
    """x / max(||x||_p, eps) along dim.

    Args:
        input (Tensor): the input.
        p (float): the norm's order. Default: 2.0.
        dim (int): the dim to normalise. Default: 1.
        eps (float): the smallest denominator. Default: 1e-12.
        out (Tensor, optional): accepted and ignored (a new tensor is returned). Default: None.

    Returns:
        Tensor: ``input`` scaled to unit p-norm along ``dim``.

    Example:
        >>> F.normalize(rt.tensor([[3., 4.], [0., 0.]]))
        tensor([[0.6000, 0.8000],
                [0.0000, 0.0000]])
        >>> F.normalize(rt.tensor([[3., 4.], [1., 1.]]), p=1)
        tensor([[0.4286, 0.5714],
                [0.5000, 0.5000]])
    """
    denom = _C.norm(input, p, dim, True).clamp(min=eps)
    return input / denom


def cosine_similarity(x1, x2, dim=1, eps=1e-8):
    """Cosine of the angle between x1 and x2 along dim (norms clamped at eps).

    Args:
        x1 (Tensor): the first input.
        x2 (Tensor): the second input (broadcast with ``x1``).
        dim (int): the dim of the vectors. Default: 1.
        eps (float): the smallest norm. Default: 1e-8.

    Returns:
        Tensor: the cosines, with ``dim`` removed.

    Example:
        >>> a = rt.tensor([[1., 0.], [1., 1.]])
        >>> b = rt.tensor([[1., 0.], [-1., 1.]])
        >>> F.cosine_similarity(a, b).tolist()
        [1.0, 0.0]
    """
    n1 = _C.norm(x1, 2, dim, True).clamp(min=eps)
    n2 = _C.norm(x2, 2, dim, True).clamp(min=eps)
    return ((x1 / n1) * (x2 / n2)).sum(dim)


def pairwise_distance(x1, x2, p=2.0, eps=1e-6, keepdim=False):
    """||x1 - x2 + eps||_p over the last dim.

    Args:
        x1 (Tensor): the first input, of shape (*, D).
        x2 (Tensor): the second input (broadcast with ``x1``).
        p (float): the norm's order. Default: 2.0.
        eps (float): added to the difference (avoids a zero norm). Default: 1e-6.
        keepdim (bool): keep the last dim with size 1. Default: False.

    Returns:
        Tensor: the distances, of shape (*) (or (*, 1) with ``keepdim``).

    Example:
        >>> F.pairwise_distance(rt.tensor([[0., 0.], [1., 1.]]), rt.tensor([[3., 4.], [1., 1.]]), eps=0.).tolist()
        [5.0, 0.0]
    """
    return _C.norm(x1 - x2 + eps, p, -1, keepdim)


def alpha_dropout(input, p=0.5, training=False, inplace=False):
    """Dropout that keeps the self-normalising property of SELU networks: dropped elements
    become SELU's negative saturation value and an affine map keeps the mean and variance.

    Args:
        input (Tensor): the input.
        p (float): the probability of dropping an element, in [0, 1]. Default: 0.5.
        training (bool): apply dropout; when False ``input`` is returned unchanged. Default: False.
        inplace (bool): accepted for compatibility; the result is always a new tensor. Default: False.

    Returns:
        Tensor: the result, with the shape of ``input`` (``input`` itself when not training or ``p == 0``).

    Example:
        >>> x = rt.ones(2, 3)
        >>> F.alpha_dropout(x, 0.5) is x
        True
        >>> tuple(F.alpha_dropout(x, 0.5, training=True).shape)
        (2, 3)
    """
    if p < 0 or p > 1:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
    if not training or p == 0:
        return input
    if p == 1:
        return input * 0.0
    alpha_p = -_SELU_ALPHA * _SELU_SCALE
    a = 1.0 / math.sqrt((alpha_p * alpha_p * p + 1) * (1 - p))
    b = -a * alpha_p * p
    keep = _C.rand_like(input) >= p
    return _C.where(keep, input, alpha_p) * a + b


# ---------------------------------------------------------------------------------------------
# Losses

_REDUCTIONS = ("none", "mean", "sum")


def _legacy_reduction(size_average, reduce, reduction):
    if size_average is None and reduce is None:
        return reduction
    size_average = True if size_average is None else size_average
    reduce = True if reduce is None else reduce
    if not reduce:
        return "none"
    return "mean" if size_average else "sum"


def _reduce(loss, reduction, name):
    if reduction == "mean":
        return loss.mean()
    if reduction == "sum":
        return loss.sum()
    if reduction == "none":
        return loss
    raise ValueError(f"{name}: {reduction!r} is not a valid value for reduction (expected 'none', 'mean' or 'sum')")


def _check_tensor(x, what, name):
    if not isinstance(x, Tensor):
        raise TypeError(f"{name}: {what} must be a rustorch Tensor, got {type(x).__name__}")


def _broadcastable(a, b):
    for x, y in zip(reversed(a), reversed(b)):
        if x != y and x != 1 and y != 1:
            return False
    return True


def _check_regression(input, target, name):
    """Checks a pointwise loss's operands; integer/bool targets are promoted to input's dtype."""
    _check_tensor(input, "input", name)
    _check_tensor(target, "target", name)
    if not input.is_floating_point():
        raise TypeError(f"{name}: input must be a floating-point tensor, got {input.dtype}")
    if input.shape != target.shape:
        if not _broadcastable(input.shape, target.shape):
            raise ValueError(f"{name}: target shape {tuple(target.shape)} does not match input shape "
                             f"{tuple(input.shape)} (and they do not broadcast)")
        warnings.warn(f"{name}: using a target size {tuple(target.shape)} that is different to the input size "
                      f"{tuple(input.shape)}. This will likely lead to incorrect results due to broadcasting. "
                      "Please ensure they have the same size.", stacklevel=3)
    if not target.is_floating_point():
        target = target.to(input.dtype)
    return target


def _weighted_reduce(loss, weight, reduction, name, weighted_mean=True):
    """Reduces ``loss * weight``; with ``weighted_mean`` the mean divides by sum(weight) (torch's
    mse_loss / l1_loss), otherwise by the element count (huber_loss)."""
    if weight is None:
        return _reduce(loss, reduction, name)
    if tuple(weight.shape) != tuple(loss.shape):
        raise ValueError(f"{name}: weight shape {tuple(weight.shape)} must be the same as input shape "
                         f"{tuple(loss.shape)}")
    loss = loss * weight
    if reduction == "mean" and weighted_mean:
        return loss.sum() / weight.sum()
    return _reduce(loss, reduction, name)


def mse_loss(input, target, size_average=None, reduce=None, reduction="mean", weight=None):
    """Mean squared error (input - target)^2.

    Args:
        input (Tensor): the prediction (floating point).
        target (Tensor): the target, of the same shape (integer targets are converted).
        size_average (bool, optional): deprecated; use ``reduction``. Default: None.
        reduce (bool, optional): deprecated; use ``reduction``. Default: None.
        reduction (str): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.
        weight (Tensor, optional): per-element weights of ``input``'s shape; the mean then divides by their sum.
            Default: None.

    Returns:
        Tensor: the loss, a 0-d tensor unless ``reduction='none'`` (then one value per element).

    Example:
        >>> F.mse_loss(rt.tensor([1., 2., 3.]), rt.tensor([1., 0., 1.])).item()
        2.6666667461395264
        >>> F.mse_loss(rt.tensor([[1., 2.], [3., 4.]]), rt.zeros(2, 2), reduction='none')
        tensor([[ 1.,  4.],
                [ 9., 16.]])
    """
    target = _check_regression(input, target, "mse_loss")
    diff = input - target
    return _weighted_reduce(diff * diff, weight, _legacy_reduction(size_average, reduce, reduction), "mse_loss")


def l1_loss(input, target, size_average=None, reduce=None, reduction="mean", weight=None):
    """Mean absolute error |input - target|.

    Args:
        input (Tensor): the prediction (floating point).
        target (Tensor): the target, of the same shape (integer targets are converted).
        size_average (bool, optional): deprecated; use ``reduction``. Default: None.
        reduce (bool, optional): deprecated; use ``reduction``. Default: None.
        reduction (str): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.
        weight (Tensor, optional): per-element weights of ``input``'s shape; the mean then divides by their sum.
            Default: None.

    Returns:
        Tensor: the loss, a 0-d tensor unless ``reduction='none'`` (then one value per element).

    Example:
        >>> F.l1_loss(rt.tensor([1., 2., 3.]), rt.tensor([1., 0., 2.])).item()
        1.0
        >>> F.l1_loss(rt.tensor([1., -2.]), rt.tensor([0., 0.]), reduction='sum').item()
        3.0
    """
    target = _check_regression(input, target, "l1_loss")
    return _weighted_reduce((input - target).abs(), weight, _legacy_reduction(size_average, reduce, reduction),
                            "l1_loss")


def smooth_l1_loss(input, target, size_average=None, reduce=None, reduction="mean", beta=1.0):
    """0.5 d^2 / beta where |d| < beta, |d| - 0.5 beta otherwise (d = input - target).

    Args:
        input (Tensor): the prediction (floating point).
        target (Tensor): the target, of the same shape.
        size_average (bool, optional): deprecated; use ``reduction``. Default: None.
        reduce (bool, optional): deprecated; use ``reduction``. Default: None.
        reduction (str): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.
        beta (float): where the loss turns from quadratic to linear (>= 0; 0 gives the L1 loss). Default: 1.0.

    Returns:
        Tensor: the loss, a 0-d tensor unless ``reduction='none'`` (then one value per element).

    Example:
        >>> F.smooth_l1_loss(rt.tensor([0.5, 3.]), rt.tensor([0., 0.]), reduction='none').tolist()
        [0.125, 2.5]
    """
    target = _check_regression(input, target, "smooth_l1_loss")
    if beta < 0:
        raise ValueError("smooth_l1_loss: beta must be non-negative")
    reduction = _legacy_reduction(size_average, reduce, reduction)
    diff = (input - target).abs()
    if beta == 0:
        return _reduce(diff, reduction, "smooth_l1_loss")
    loss = _C.where(diff < beta, diff * diff * (0.5 / beta), diff - 0.5 * beta)
    return _reduce(loss, reduction, "smooth_l1_loss")


def huber_loss(input, target, reduction="mean", delta=1.0, weight=None):
    """0.5 d^2 where |d| < delta, delta (|d| - 0.5 delta) otherwise (d = input - target).

    Args:
        input (Tensor): the prediction (floating point).
        target (Tensor): the target, of the same shape.
        reduction (str): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.
        delta (float): where the loss turns from quadratic to linear (> 0). Default: 1.0.
        weight (Tensor, optional): per-element weights of ``input``'s shape (the mean still divides by the element
            count). Default: None.

    Returns:
        Tensor: the loss, a 0-d tensor unless ``reduction='none'`` (then one value per element).

    Example:
        >>> F.huber_loss(rt.tensor([0.5, 3.]), rt.tensor([0., 0.]), reduction='none', delta=2.).tolist()
        [0.125, 4.0]
    """
    target = _check_regression(input, target, "huber_loss")
    if delta <= 0:
        raise ValueError("huber_loss: delta must be positive")
    diff = (input - target).abs()
    loss = _C.where(diff < delta, diff * diff * 0.5, (diff - 0.5 * delta) * delta)
    return _weighted_reduce(loss, weight, reduction, "huber_loss", weighted_mean=False)


def _safe_log(x):
    """log(x) clamped at -100 (PyTorch's BCE convention) with a finite gradient at x == 0."""
    positive = x > 0
    return _C.where(positive, _C.log(_C.where(positive, x, 1.0)), -100.0).clamp(min=-100.0)


def binary_cross_entropy(input, target, weight=None, size_average=None, reduce=None, reduction="mean"):
    """-(t log(x) + (1 - t) log(1 - x)) for probabilities x in [0, 1] (logs clamped at -100).

    Args:
        input (Tensor): probabilities in [0, 1].
        target (Tensor): floating-point targets of ``input``'s shape.
        weight (Tensor, optional): weights multiplying each element's loss (broadcast). Default: None.
        size_average (bool, optional): deprecated; use ``reduction``. Default: None.
        reduce (bool, optional): deprecated; use ``reduction``. Default: None.
        reduction (str): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Returns:
        Tensor: the loss, a 0-d tensor unless ``reduction='none'`` (then one value per element).

    Example:
        >>> round(F.binary_cross_entropy(rt.tensor([0.9, 0.2]), rt.tensor([1., 0.])).item(), 4)
        0.1643
        >>> loss = F.binary_cross_entropy(rt.tensor([0., 0.5]), rt.tensor([1., 1.]), reduction='none')
        >>> [round(v, 4) for v in loss.tolist()]
        [100.0, 0.6931]
    """
    name = "binary_cross_entropy"
    _check_tensor(input, "input", name)
    _check_tensor(target, "target", name)
    if not target.is_floating_point():
        raise TypeError(f"{name}: target must be a floating-point tensor of probabilities, got {target.dtype} "
                        "(convert it with target.float())")
    if target.shape != input.shape:
        raise ValueError(f"{name}: target shape {tuple(target.shape)} must be the same as input shape "
                         f"{tuple(input.shape)}")
    reduction = _legacy_reduction(size_average, reduce, reduction)
    if input.numel() and ((input < 0).any().item() or (input > 1).any().item()):
        raise ValueError(f"{name}: all elements of input should be between 0 and 1 (apply sigmoid first, or "
                         "use binary_cross_entropy_with_logits)")
    loss = -(target * _safe_log(input) + (1.0 - target) * _safe_log(1.0 - input))
    if weight is not None:
        loss = loss * weight
    return _reduce(loss, reduction, name)


def _xlogy(x, y):
    """x * log(y), and 0 where x == 0."""
    nz = x != 0
    return _C.where(nz, x * _C.log(_C.where(nz, y, 1.0)), 0.0)


def kl_div(input, target, size_average=None, reduce=None, reduction="mean", log_target=False):
    """KL divergence with input as log-probabilities: target * (log(target) - input) (or, with
    ``log_target``, exp(target) * (target - input)). reduction 'batchmean' divides the sum by the
    batch size (the mathematically correct KL).

    Args:
        input (Tensor): log-probabilities.
        target (Tensor): probabilities (log-probabilities with ``log_target``), broadcast with ``input``.
        size_average (bool, optional): deprecated; use ``reduction``. Default: None.
        reduce (bool, optional): deprecated; use ``reduction``. Default: None.
        reduction (str): ``'none'``, ``'mean'``, ``'sum'`` or ``'batchmean'``. Default: ``'mean'``.
        log_target (bool): ``target`` holds log-probabilities. Default: False.

    Returns:
        Tensor: the loss, a 0-d tensor unless ``reduction='none'`` (then one value per element).

    Example:
        >>> p = rt.tensor([[0.5, 0.5]])
        >>> q = rt.tensor([[0.25, 0.75]])
        >>> round(F.kl_div(q.log(), p, reduction='batchmean').item(), 4)
        0.1438
    """
    name = "kl_div"
    _check_tensor(input, "input", name)
    _check_tensor(target, "target", name)
    if not input.is_floating_point() or not target.is_floating_point():
        raise TypeError(f"{name}: input and target must be floating-point tensors, got {input.dtype} and "
                        f"{target.dtype}")
    if not _broadcastable(input.shape, target.shape):
        raise ValueError(f"{name}: target shape {tuple(target.shape)} does not match input shape "
                         f"{tuple(input.shape)}")
    reduction = _legacy_reduction(size_average, reduce, reduction)
    if log_target:
        loss = _C.exp(target) * (target - input)
    else:
        loss = _xlogy(target, target) - target * input
    if reduction == "batchmean":
        total = loss.sum()
        return total / input.shape[0] if input.dim() else total
    return _reduce(loss, reduction, name)


def cosine_embedding_loss(input1, input2, target, margin=0.0, size_average=None, reduce=None, reduction="mean"):
    """1 - cos(x1, x2) where target == 1, max(0, cos(x1, x2) - margin) where target == -1.

    Args:
        input1 (Tensor): the first input, (N, D) or (D,).
        input2 (Tensor): the second input, of the same shape.
        target (Tensor): 1 or -1 per pair, of shape (N,) (or 0-d).
        margin (float): the margin for dissimilar pairs. Default: 0.0.
        size_average (bool, optional): deprecated; use ``reduction``. Default: None.
        reduce (bool, optional): deprecated; use ``reduction``. Default: None.
        reduction (str): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Returns:
        Tensor: the loss, a 0-d tensor unless ``reduction='none'`` (then one value per element).

    Example:
        >>> a = rt.tensor([[1., 0.], [1., 0.]])
        >>> b = rt.tensor([[0., 1.], [1., 1.]])
        >>> [round(v, 4) for v in F.cosine_embedding_loss(a, b, rt.tensor([1., -1.]), reduction='none').tolist()]
        [1.0, 0.7071]
    """
    name = "cosine_embedding_loss"
    for t, what in ((input1, "input1"), (input2, "input2"), (target, "target")):
        _check_tensor(t, what, name)
    reduction = _legacy_reduction(size_average, reduce, reduction)
    if input1.shape != input2.shape:
        raise ValueError(f"{name}: input1 {tuple(input1.shape)} and input2 {tuple(input2.shape)} must have the "
                         "same shape")
    if input1.dim() not in (1, 2):
        raise ValueError(f"{name}: expected 1-D or 2-D inputs, got shape {tuple(input1.shape)}")
    expected = () if input1.dim() == 1 else (input1.shape[0],)
    if tuple(target.shape) != expected:
        raise ValueError(f"{name}: target shape {tuple(target.shape)} does not match inputs of shape "
                         f"{tuple(input1.shape)} (expected {expected})")
    eps = 1e-12
    prod = (input1 * input2).sum(-1)
    mag1 = (input1 * input1).sum(-1) + eps
    mag2 = (input2 * input2).sum(-1) + eps
    cos = prod / _C.sqrt(mag1 * mag2)
    pos = _C.where(target == 1, 1.0 - cos, 0.0)
    neg = _C.where(target == -1, (cos - margin).clamp(min=0.0), 0.0)
    return _reduce(pos + neg, reduction, name)


def margin_ranking_loss(input1, input2, target, margin=0.0, size_average=None, reduce=None, reduction="mean"):
    """max(0, -target * (x1 - x2) + margin) with target in {1, -1}.

    Args:
        input1 (Tensor): the first scores.
        input2 (Tensor): the second scores (same number of dims).
        target (Tensor): 1 where ``input1`` should rank higher, -1 where ``input2`` should.
        margin (float): the margin. Default: 0.0.
        size_average (bool, optional): deprecated; use ``reduction``. Default: None.
        reduce (bool, optional): deprecated; use ``reduction``. Default: None.
        reduction (str): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Returns:
        Tensor: the loss, a 0-d tensor unless ``reduction='none'`` (then one value per element).

    Example:
        >>> x1, x2, target = rt.tensor([1., 2.]), rt.tensor([2., 1.]), rt.tensor([1., 1.])
        >>> F.margin_ranking_loss(x1, x2, target, margin=0.5, reduction='none').tolist()
        [1.5, 0.0]
    """
    name = "margin_ranking_loss"
    for t, what in ((input1, "input1"), (input2, "input2"), (target, "target")):
        _check_tensor(t, what, name)
    if not (input1.dim() == input2.dim() == target.dim()):
        raise ValueError(f"{name}: all input tensors should have the same dimension, but got sizes: input1: "
                         f"{tuple(input1.shape)}, input2: {tuple(input2.shape)}, target: {tuple(target.shape)}")
    reduction = _legacy_reduction(size_average, reduce, reduction)
    loss = (-target * (input1 - input2) + margin).clamp(min=0.0)
    return _reduce(loss, reduction, name)


def hinge_embedding_loss(input, target, margin=1.0, size_average=None, reduce=None, reduction="mean"):
    """x where target == 1, max(0, margin - x) where target == -1.

    Args:
        input (Tensor): the input (typically distances).
        target (Tensor): 1 or -1, of ``input``'s shape.
        margin (float): the margin for the -1 targets. Default: 1.0.
        size_average (bool, optional): deprecated; use ``reduction``. Default: None.
        reduce (bool, optional): deprecated; use ``reduction``. Default: None.
        reduction (str): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Returns:
        Tensor: the loss, a 0-d tensor unless ``reduction='none'`` (then one value per element).

    Example:
        >>> F.hinge_embedding_loss(rt.tensor([0.5, 0.5, 2.]), rt.tensor([1., -1., -1.]), reduction='none').tolist()
        [0.5, 0.5, 0.0]
    """
    reduction = _legacy_reduction(size_average, reduce, reduction)
    zeros = 0.0
    margin_part = _C.where(target != 1, (margin - input).clamp(min=0.0), zeros)
    self_part = _C.where(target != -1, input, zeros)
    return _reduce(margin_part + self_part, reduction, "hinge_embedding_loss")


def soft_margin_loss(input, target, size_average=None, reduce=None, reduction="mean"):
    """log(1 + exp(-target * x)) with target in {1, -1}.

    Args:
        input (Tensor): the scores.
        target (Tensor): 1 or -1, broadcast to ``input``'s shape.
        size_average (bool, optional): deprecated; use ``reduction``. Default: None.
        reduce (bool, optional): deprecated; use ``reduction``. Default: None.
        reduction (str): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Returns:
        Tensor: the loss, a 0-d tensor unless ``reduction='none'`` (then one value per element).

    Example:
        >>> F.soft_margin_loss(rt.tensor([[0., 2.], [1., 3.]]), rt.tensor([[1., -1.], [1., 1.]]), reduction='none')
        tensor([[0.6931, 2.1269],
                [0.3133, 0.0486]])
    """
    reduction = _legacy_reduction(size_average, reduce, reduction)
    loss = softplus(-target * input)
    if tuple(loss.shape) != tuple(input.shape):  # torch's in-place kernel refuses a target that grows the input
        raise ValueError(f"soft_margin_loss: target of shape {tuple(target.shape)} does not broadcast to the input's "
                         f"shape {tuple(input.shape)}")
    return _reduce(loss, reduction, "soft_margin_loss")


def multilabel_soft_margin_loss(input, target, weight=None, size_average=None, reduce=None, reduction="mean"):
    """Per-class binary logistic loss averaged over classes: -(t logsig(x) + (1-t) logsig(-x)).

    Args:
        input (Tensor): the logits, (N, C).
        target (Tensor): 0/1 labels of ``input``'s shape.
        weight (Tensor, optional): per-class weights (broadcast). Default: None.
        size_average (bool, optional): deprecated; use ``reduction``. Default: None.
        reduce (bool, optional): deprecated; use ``reduction``. Default: None.
        reduction (str): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Returns:
        Tensor: the loss, a 0-d tensor unless ``reduction='none'`` (then one value per sample).

    Example:
        >>> logits, labels = rt.tensor([[0., 0.], [2., -2.]]), rt.tensor([[1., 0.], [1., 0.]])
        >>> [round(v, 4) for v in F.multilabel_soft_margin_loss(logits, labels, reduction='none').tolist()]
        [0.6931, 0.1269]
    """
    reduction = _legacy_reduction(size_average, reduce, reduction)
    if tuple(target.shape) != tuple(input.shape):  # torch silently broadcasts; a mismatch is always a bug here
        raise ValueError(f"multilabel_soft_margin_loss: target of shape {tuple(target.shape)} does not match the "
                         f"input's shape {tuple(input.shape)}")
    loss = -(target * logsigmoid(input) + (1.0 - target) * logsigmoid(-input))
    if weight is not None:
        loss = loss * weight
    loss = loss.mean(input.dim() - 1) if input.dim() else loss
    return _reduce(loss, reduction, "multilabel_soft_margin_loss")


def poisson_nll_loss(input, target, log_input=True, full=False, size_average=None, eps=1e-8, reduce=None,
                     reduction="mean"):
    """Poisson negative log likelihood: exp(x) - t x (``log_input``) or x - t log(x + eps), plus the
    Stirling term with ``full``.

    Args:
        input (Tensor): the predicted log-rate (the rate when ``log_input=False``).
        target (Tensor): the observed counts.
        log_input (bool): ``input`` is the log of the rate. Default: True.
        full (bool): add the Stirling approximation term t log(t) - t + 0.5 log(2 pi t) (where t > 1). Default: False.
        size_average (bool, optional): deprecated; use ``reduction``. Default: None.
        eps (float): added to the rate inside the log when ``log_input=False``. Default: 1e-8.
        reduce (bool, optional): deprecated; use ``reduction``. Default: None.
        reduction (str): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Returns:
        Tensor: the loss, a 0-d tensor unless ``reduction='none'`` (then one value per element).

    Example:
        >>> F.poisson_nll_loss(rt.tensor([[0., 1.], [0., 0.]]), rt.tensor([[1., 2.], [0., 1.]]), reduction='none')
        tensor([[1.0000, 0.7183],
                [1.0000, 1.0000]])
        >>> round(F.poisson_nll_loss(rt.tensor([1., 2.]), rt.tensor([1., 2.]), log_input=False).item(), 4)
        0.8069
    """
    reduction = _legacy_reduction(size_average, reduce, reduction)
    if log_input:
        loss = _C.exp(input) - target * input
    else:
        loss = input - target * _C.log(input + eps)
    if full:
        stirling = target * _C.log(_C.where(target > 1, target, 1.0)) - target + \
            _C.log(_C.where(target > 1, target, 1.0) * (2 * math.pi)) * 0.5
        loss = loss + _C.where(target > 1, stirling, 0.0)
    return _reduce(loss, reduction, "poisson_nll_loss")


def triplet_margin_loss(anchor, positive, negative, margin=1.0, p=2, eps=1e-6, swap=False, size_average=None,
                        reduce=None, reduction="mean"):
    """max(d(a, p) - d(a, n) + margin, 0) with pairwise p-norm distances.

    Args:
        anchor (Tensor): the anchors, (N, D) or (D,).
        positive (Tensor): the positives (same number of dims).
        negative (Tensor): the negatives (same number of dims).
        margin (float): the margin. Default: 1.0.
        p (float): the norm's order of the distances. Default: 2.
        eps (float): added to the differences (see :func:`pairwise_distance`). Default: 1e-6.
        swap (bool): use min(d(a, n), d(p, n)) as the negative distance. Default: False.
        size_average (bool, optional): deprecated; use ``reduction``. Default: None.
        reduce (bool, optional): deprecated; use ``reduction``. Default: None.
        reduction (str): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Returns:
        Tensor: the loss, a 0-d tensor unless ``reduction='none'`` (then one value per element).

    Example:
        >>> a = rt.tensor([[0., 0.], [0., 0.]])
        >>> pos, neg = rt.tensor([[1., 0.], [3., 0.]]), rt.tensor([[0., 2.], [0., 2.]])
        >>> F.triplet_margin_loss(a, pos, neg, eps=0., reduction='none').tolist()
        [0.0, 2.0]
    """
    reduction = _legacy_reduction(size_average, reduce, reduction)
    # As torch: one ndim for all three (pairwise_distance alone would broadcast a 1-D positive
    # against a batch of anchors and return a silently different loss).
    if not anchor.dim() == positive.dim() == negative.dim():
        raise RuntimeError(f"triplet_margin_loss: the anchor, positive, and negative tensors are expected to have the "
                           f"same number of dimensions, but got: anchor {anchor.dim()}D, positive {positive.dim()}D, "
                           f"and negative {negative.dim()}D inputs")
    d_ap = pairwise_distance(anchor, positive, p, eps)
    d_an = pairwise_distance(anchor, negative, p, eps)
    if swap:
        d_an = _C.minimum(d_an, pairwise_distance(positive, negative, p, eps))
    return _reduce((d_ap - d_an + margin).clamp(min=0.0), reduction, "triplet_margin_loss")


# ---------------------------------------------------------------------------------------------
# Compositions of the kernels


def lp_pool1d(input, norm_type, kernel_size, stride=None, ceil_mode=False):
    """(sum over each window of x^p)^(1/p).

    Args:
        input (Tensor): the input, (N, C, L) or (C, L).
        norm_type (float): the p of the p-norm.
        kernel_size (int or tuple of ints): the window size.
        stride (int or tuple of ints, optional): the step; ``kernel_size`` when None. Default: None.
        ceil_mode (bool): round the output size up instead of down. Default: False.

    Returns:
        Tensor: the pooled output, (N, C, L_out) or (C, L_out).

    Example:
        >>> F.lp_pool1d(rt.tensor([[[3., 4., 1., 1.], [0., 2., 5., 12.]]]), 2, 2)
        tensor([[[ 5.0000,  1.4142],
                 [ 2.0000, 13.0000]]])
    """
    k = kernel_size if isinstance(kernel_size, int) else kernel_size[0]
    out = avg_pool1d(input.pow(norm_type), kernel_size, stride if stride is not None else kernel_size, 0, ceil_mode)
    return (_C.sign(out) * relu(out.abs())).mul(k).pow(1.0 / norm_type)


def lp_pool2d(input, norm_type, kernel_size, stride=None, ceil_mode=False):
    """(sum over each 2-D window of x^p)^(1/p).

    Args:
        input (Tensor): the input, (N, C, H, W) or (C, H, W).
        norm_type (float): the p of the p-norm.
        kernel_size (int or tuple of ints): the window size.
        stride (int or tuple of ints, optional): the step; ``kernel_size`` when None. Default: None.
        ceil_mode (bool): round the output size up instead of down. Default: False.

    Returns:
        Tensor: the pooled output, (N, C, H_out, W_out) or (C, H_out, W_out).

    Example:
        >>> F.lp_pool2d(rt.tensor([[[[1., 2.], [3., 4.]]]]), 1, 2).item()
        10.0
        >>> tuple(F.lp_pool2d(rt.ones(1, 2, 4, 6), 2, (2, 3)).shape)
        (1, 2, 2, 2)
    """
    kw, kh = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    out = avg_pool2d(input.pow(norm_type), kernel_size, stride if stride is not None else kernel_size, 0, ceil_mode)
    return (_C.sign(out) * relu(out.abs())).mul(kw * kh).pow(1.0 / norm_type)


_EPS = {"float32": 1.1920928955078125e-07, "float64": 2.220446049250313e-16}


def rms_norm(input, normalized_shape, weight=None, eps=None):
    """x / sqrt(mean(x^2) + eps) over the trailing ``normalized_shape`` dims, times weight.

    Args:
        input (Tensor): the input.
        normalized_shape (int or tuple of ints): the trailing dims to normalise over.
        weight (Tensor, optional): the elementwise scale, of shape ``normalized_shape``. Default: None.
        eps (float, optional): added to the mean square; the dtype's machine epsilon when None. Default: None.

    Returns:
        Tensor: the normalised input, of the same shape.

    Example:
        >>> F.rms_norm(rt.tensor([[3., 4.], [1., 1.]]), 2, eps=0.)
        tensor([[0.8485, 1.1314],
                [1.0000, 1.0000]])
    """
    if isinstance(normalized_shape, int):
        normalized_shape = (normalized_shape,)
    n = len(normalized_shape)
    if tuple(input.shape[input.dim() - n:]) != tuple(normalized_shape):
        raise ValueError(f"rms_norm: expected input with trailing dims {tuple(normalized_shape)}, got input of shape "
                         f"{tuple(input.shape)}")
    if eps is None:
        eps = _EPS.get(str(input.dtype).split(".")[-1], 1.1920928955078125e-07)
    dims = tuple(range(input.dim() - n, input.dim()))
    out = input * _C.rsqrt((input * input).mean(dims, keepdim=True) + eps)
    return out * weight if weight is not None else out


def local_response_norm(input, size, alpha=1e-4, beta=0.75, k=1.0):
    """Normalises each channel by the mean square of ``size`` neighbouring channels:
    x / (k + alpha * mean(x^2))^beta.

    Args:
        input (Tensor): the input, (N, C, *) with at least 3 dims.
        size (int): the number of neighbouring channels.
        alpha (float): the scale of the mean square. Default: 1e-4.
        beta (float): the exponent. Default: 0.75.
        k (float): the additive constant. Default: 1.0.

    Returns:
        Tensor: the normalised input, of the same shape.

    Example:
        >>> x = rt.tensor([[[1.], [2.], [3.]]])
        >>> F.local_response_norm(x, 2, alpha=1., beta=1., k=0.)
        tensor([[[2.0000],
                 [0.8000],
                 [0.4615]]])
    """
    dim = input.dim()
    if dim < 3:
        raise ValueError(f"local_response_norm: expected 3D or higher dimensionality input (got {dim} dimensions)")
    if input.numel() == 0:
        return input
    div = (input * input).unsqueeze(1)
    if dim == 3:
        div = pad(div, (0, 0, size // 2, (size - 1) // 2))
        div = avg_pool2d(div, (size, 1), stride=1).squeeze(1)
    else:
        sizes = input.shape
        div = div.reshape(sizes[0], 1, sizes[1], sizes[2], -1)
        div = pad(div, (0, 0, 0, 0, size // 2, (size - 1) // 2))
        div = avg_pool3d(div, (size, 1, 1), stride=1).squeeze(1)
        div = div.reshape(sizes)
    div = (div * alpha + k).pow(beta)
    return input / div


def pixel_shuffle(input, upscale_factor):
    """(*, C * r^2, H, W) -> (*, C, H * r, W * r).

    Args:
        input (Tensor): the input, with at least 3 dims and channels divisible by ``upscale_factor ** 2``.
        upscale_factor (int): the factor r.

    Returns:
        Tensor: the rearranged tensor, (*, C, H * r, W * r).

    Example:
        >>> x = rt.arange(4.).reshape(1, 4, 1, 1)
        >>> F.pixel_shuffle(x, 2)[0, 0]
        tensor([[0., 1.],
                [2., 3.]])
    """
    r = upscale_factor
    if input.dim() < 3:
        raise ValueError(f"pixel_shuffle expects input to have at least 3 dimensions, but got input of shape "
                         f"{tuple(input.shape)}")
    *lead, c, h, w = input.shape
    if c % (r * r):
        raise ValueError(f"pixel_shuffle expects its input's 'channel' dimension ({c}) to be divisible by the square "
                         f"of upscale_factor ({r * r})")
    n = len(lead)
    x = input.reshape(*lead, c // (r * r), r, r, h, w)
    x = x.permute(*range(n), n, n + 3, n + 1, n + 4, n + 2)
    return x.reshape(*lead, c // (r * r), h * r, w * r)


def pixel_unshuffle(input, downscale_factor):
    """(*, C, H * r, W * r) -> (*, C * r^2, H, W).

    Args:
        input (Tensor): the input, with at least 3 dims and H and W divisible by ``downscale_factor``.
        downscale_factor (int): the factor r.

    Returns:
        Tensor: the rearranged tensor, (*, C * r^2, H, W).

    Example:
        >>> x = rt.arange(4.).reshape(1, 1, 2, 2)
        >>> F.pixel_unshuffle(x, 2).flatten().tolist()
        [0.0, 1.0, 2.0, 3.0]
    """
    r = downscale_factor
    if input.dim() < 3:
        raise ValueError(f"pixel_unshuffle expects input to have at least 3 dimensions, but got input of shape "
                         f"{tuple(input.shape)}")
    *lead, c, h, w = input.shape
    if h % r or w % r:
        raise ValueError(f"pixel_unshuffle expects height ({h}) and width ({w}) to be divisible by downscale_factor "
                         f"({r})")
    n = len(lead)
    x = input.reshape(*lead, c, h // r, r, w // r, r)
    x = x.permute(*range(n), n, n + 2, n + 4, n + 1, n + 3)
    return x.reshape(*lead, c * r * r, h // r, w // r)


def scaled_dot_product_attention(query, key, value, attn_mask=None, dropout_p=0.0, is_causal=False, scale=None,
                                 enable_gqa=False):
    """softmax(Q K^T * scale + mask) V over the last two dims (scale defaults to 1/sqrt(E)).
    ``attn_mask``: bool (True takes part) or float (added); ``is_causal`` masks the upper triangle.

    Args:
        query (Tensor): the queries, (..., L, E).
        key (Tensor): the keys, (..., S, E).
        value (Tensor): the values, (..., S, Ev).
        attn_mask (Tensor, optional): a bool mask (True takes part) or a float mask added to the scores, broadcast to
            (..., L, S). Default: None.
        dropout_p (float): the dropout probability applied to the attention weights. Default: 0.0.
        is_causal (bool): mask key positions after each query position (not with ``attn_mask``). Default: False.
        scale (float, optional): the score scale; 1/sqrt(E) when None. Default: None.
        enable_gqa (bool): repeat the key/value heads (dim -3) to match the query heads (grouped-query attention).
            Default: False.

    Returns:
        Tensor: the attention output, (..., L, Ev).

    Example:
        >>> q = rt.tensor([[[1., 0.], [0., 1.]]])
        >>> v = rt.tensor([[[1., 2.], [3., 4.]]])
        >>> F.scaled_dot_product_attention(q, q, v, is_causal=True)
        tensor([[[1.0000, 2.0000],
                 [2.3395, 3.3395]]])
        >>> query, key, value = rt.randn(2, 3, 5, 8), rt.randn(2, 3, 7, 8), rt.randn(2, 3, 7, 4)
        >>> tuple(F.scaled_dot_product_attention(query, key, value).shape)
        (2, 3, 5, 4)
    """
    name = "scaled_dot_product_attention"
    for t, what in ((query, "query"), (key, "key"), (value, "value")):
        if not isinstance(t, Tensor) or t.dim() < 2:
            raise ValueError(f"{name}: {what} must be a tensor of at least 2 dims (..., L, E)")
    L, S = query.shape[-2], key.shape[-2]
    if key.shape[-1] != query.shape[-1] or value.shape[-2] != S:
        raise ValueError(f"{name}: query {tuple(query.shape)}, key {tuple(key.shape)} and value {tuple(value.shape)} "
                         "must share the embedding dim of query/key and the sequence length of key/value")
    if not 0.0 <= dropout_p <= 1.0:
        raise ValueError(f"{name}: dropout_p must be in [0, 1], got {dropout_p}")
    if attn_mask is not None:
        ms = tuple(attn_mask.shape)
        if len(ms) < 2 or not all(a in (1, b) for a, b in zip(ms[::-1], (S, L))):
            raise ValueError(f"{name}: attn_mask of shape {ms} does not broadcast to the scores' (..., {L}, {S})")
    if enable_gqa and query.dim() >= 3 and key.shape[-3] != query.shape[-3]:
        groups = query.shape[-3] // key.shape[-3]
        key = key.unsqueeze(-3).expand(*key.shape[:-2], groups, S, key.shape[-1]).reshape(
            *key.shape[:-3], query.shape[-3], S, key.shape[-1])
        value = value.unsqueeze(-3).expand(*value.shape[:-2], groups, S, value.shape[-1]).reshape(
            *value.shape[:-3], query.shape[-3], S, value.shape[-1])
    scale = 1.0 / math.sqrt(query.shape[-1]) if scale is None else scale
    scores = query.matmul(key.transpose(-2, -1)) * scale
    if is_causal:
        if attn_mask is not None:
            raise ValueError("scaled_dot_product_attention: attn_mask and is_causal cannot both be set")
        causal = _C.arange(L).unsqueeze(1) >= _C.arange(S).unsqueeze(0)
        scores = scores.masked_fill(causal.logical_not(), float("-inf"))
    elif attn_mask is not None:
        if attn_mask.dtype == _C.bool:
            scores = scores.masked_fill(attn_mask.logical_not(), float("-inf"))
        else:
            scores = scores + attn_mask
    attn = _C.softmax(scores, -1)
    if dropout_p > 0.0:
        attn = dropout(attn, dropout_p, True)
    return attn.matmul(value)


def adaptive_max_pool1d_with_indices(input, output_size, return_indices=True):
    """Adaptive 1-D max pooling returning ``(output, indices)`` (the indices of each maximum in the input's last dim).

    Args:
        input (Tensor): the input, (N, C, L) or (C, L).
        output_size (int or tuple of ints / None): the output size; None entries keep the input's size.
        return_indices (bool): accepted for compatibility; the indices are always returned. Default: True.

    Returns:
        tuple of Tensors: the pooled ``output`` and the int64 ``indices`` of the maxima.

    Example:
        >>> out, idx = F.adaptive_max_pool1d_with_indices(rt.tensor([[[1., 5., 2., 0.]]]), 2)
        >>> out.tolist()
        [[[5.0, 2.0]]]
        >>> idx.tolist()
        [[[1, 2]]]
    """
    return adaptive_max_pool1d(input, output_size, True)


def adaptive_max_pool2d_with_indices(input, output_size, return_indices=True):
    """Adaptive 2-D max pooling returning ``(output, indices)`` (flat indices of each maximum in the input's H*W plane).

    Args:
        input (Tensor): the input, (N, C, H, W) or (C, H, W).
        output_size (int or tuple of ints / None): the output size; None entries keep the input's size.
        return_indices (bool): accepted for compatibility; the indices are always returned. Default: True.

    Returns:
        tuple of Tensors: the pooled ``output`` and the int64 ``indices`` of the maxima.

    Example:
        >>> x = rt.tensor([[[[1., 5.], [7., 2.]]]])
        >>> out, idx = F.adaptive_max_pool2d_with_indices(x, 1)
        >>> out.tolist()
        [[[[7.0]]]]
        >>> idx.tolist()
        [[[[2]]]]
    """
    return adaptive_max_pool2d(input, output_size, True)


def adaptive_max_pool3d_with_indices(input, output_size, return_indices=True):
    """Adaptive 3-D max pooling returning ``(output, indices)`` (flat indices of each maximum in the input's D*H*W volume).

    Args:
        input (Tensor): the input, (N, C, D, H, W) or (C, D, H, W).
        output_size (int or tuple of ints / None): the output size; None entries keep the input's size.
        return_indices (bool): accepted for compatibility; the indices are always returned. Default: True.

    Returns:
        tuple of Tensors: the pooled ``output`` and the int64 ``indices`` of the maxima.

    Example:
        >>> out, idx = F.adaptive_max_pool3d_with_indices(rt.arange(8.).reshape(1, 1, 2, 2, 2), 1)
        >>> out.tolist()
        [[[[[7.0]]]]]
        >>> idx.tolist()
        [[[[[7]]]]]
    """
    return adaptive_max_pool3d(input, output_size, True)


def lp_pool3d(input, norm_type, kernel_size, stride=None, ceil_mode=False):
    """(sum over each 3-D window of x^p)^(1/p).

    Args:
        input (Tensor): the input, (N, C, D, H, W) or (C, D, H, W).
        norm_type (float): the p of the p-norm.
        kernel_size (int or tuple of ints): the window size.
        stride (int or tuple of ints, optional): the step; ``kernel_size`` when None. Default: None.
        ceil_mode (bool): round the output size up instead of down. Default: False.

    Returns:
        Tensor: the pooled output, (N, C, D_out, H_out, W_out) or (C, D_out, H_out, W_out).

    Example:
        >>> round(F.lp_pool3d(rt.ones(1, 1, 2, 2, 2), 2, 2).item(), 4)
        2.8284
        >>> tuple(F.lp_pool3d(rt.ones(1, 1, 4, 4, 4), 1, 2).shape)
        (1, 1, 2, 2, 2)
    """
    kd, kh, kw = (kernel_size,) * 3 if isinstance(kernel_size, int) else kernel_size
    out = avg_pool3d(input.pow(norm_type), kernel_size, stride if stride is not None else kernel_size, 0, ceil_mode)
    return (_C.sign(out) * relu(out.abs())).mul(kd * kh * kw).pow(1.0 / norm_type)


def celu_(input, alpha=1.0):
    """In-place :func:`celu`: overwrites ``input`` and returns it.

    Args:
        input (Tensor): the tensor to overwrite.
        alpha (float): the scale of the negative part (not 0). Default: 1.0.

    Returns:
        Tensor: ``input`` itself.

    Example:
        >>> x = rt.tensor([[-2., -0.5], [0., 1.5]])
        >>> F.celu_(x, alpha=2.)
        tensor([[-1.2642, -0.4424],
                [ 0.0000,  1.5000]])
        >>> x
        tensor([[-1.2642, -0.4424],
                [ 0.0000,  1.5000]])
    """
    return celu(input, alpha, True)


def selu_(input):
    """In-place :func:`selu`: overwrites ``input`` and returns it.

    Args:
        input (Tensor): the tensor to overwrite.

    Returns:
        Tensor: ``input`` itself.

    Example:
        >>> x = rt.tensor([[-2., -0.5], [0., 1.5]])
        >>> F.selu_(x)
        tensor([[-1.5202, -0.6918],
                [ 0.0000,  1.5761]])
        >>> x
        tensor([[-1.5202, -0.6918],
                [ 0.0000,  1.5761]])
    """
    return selu(input, True)


def rrelu_(input, lower=1.0 / 8, upper=1.0 / 3, training=False):
    """In-place :func:`rrelu`: overwrites ``input`` and returns it.

    Args:
        input (Tensor): the tensor to overwrite.
        lower (float): the lower bound of the slope. Default: 1/8.
        upper (float): the upper bound of the slope. Default: 1/3.
        training (bool): draw random slopes (from rustorch's generator); else use the mean slope. Default: False.

    Returns:
        Tensor: ``input`` itself.

    Example:
        >>> x = rt.tensor([[-3., 1.], [2., -1.]])
        >>> F.rrelu_(x, 0.1, 0.3)
        tensor([[-0.6000,  1.0000],
                [ 2.0000, -0.2000]])
        >>> x
        tensor([[-0.6000,  1.0000],
                [ 2.0000, -0.2000]])
    """
    return rrelu(input, lower, upper, training, True)


def threshold_(input, threshold, value):
    """In-place :func:`threshold`: overwrites ``input`` and returns it.

    Args:
        input (Tensor): the tensor to overwrite.
        threshold (float): the threshold.
        value (float): the value replacing x where x <= threshold.

    Returns:
        Tensor: ``input`` itself.

    Example:
        >>> x = rt.tensor([[-1., 0.5], [2., 3.]])
        >>> F.threshold_(x, 0.5, -9.)
        tensor([[-9., -9.],
                [ 2.,  3.]])
        >>> x
        tensor([[-9., -9.],
                [ 2.,  3.]])
    """
    return globals()["threshold"](input, threshold, value, True)


def channel_shuffle(input, groups):
    """Splits the channels of (N, C, *) into ``groups`` and interleaves them.

    Args:
        input (Tensor): the input, (N, C, *) with at least 3 dims.
        groups (int): the number of groups (divides C).

    Returns:
        Tensor: the input with its channels permuted, of the same shape.

    Example:
        >>> x = rt.arange(6.).reshape(1, 6, 1)
        >>> F.channel_shuffle(x, 2).flatten().tolist()
        [0.0, 3.0, 1.0, 4.0, 2.0, 5.0]
    """
    if input.dim() < 3:
        raise ValueError(f"channel_shuffle expects input to have at least 3 dimensions, but got input of shape "
                         f"{tuple(input.shape)}")
    n, c = input.shape[0], input.shape[1]
    if groups <= 0 or c % groups:
        raise ValueError(f"channel_shuffle: number of channels ({c}) must be divisible by groups ({groups})")
    rest = tuple(input.shape[2:])
    return input.reshape((n, groups, c // groups) + rest).transpose(1, 2).reshape((n, c) + rest)


native_channel_shuffle = channel_shuffle


def gumbel_softmax(logits, tau=1.0, hard=False, eps=1e-10, dim=-1):
    """Samples from the Gumbel-softmax distribution: softmax((logits + g) / tau) with Gumbel noise g
    (from rustorch's generator); ``hard`` returns one-hot samples with the soft sample's gradient.

    Args:
        logits (Tensor): unnormalised log-probabilities.
        tau (float): the temperature. Default: 1.0.
        hard (bool): return one-hot samples (straight-through gradient). Default: False.
        eps (float): accepted for compatibility and unused. Default: 1e-10.
        dim (int): the dim of the categories. Default: -1.

    Returns:
        Tensor: a sample of ``logits``'s shape, summing to 1 along ``dim``.

    Example:
        >>> logits = rt.tensor([[1., 2., 3.], [0., 0., 0.]])
        >>> y = F.gumbel_softmax(logits, hard=True)
        >>> y.sum(-1).tolist()
        [1.0, 1.0]
        >>> tuple(F.gumbel_softmax(logits).shape)
        (2, 3)
    """
    u = _C.rand_like(logits)
    gumbels = -_C.log((-_C.log(u.clamp(min=1e-20))).clamp(min=1e-20))
    y_soft = _C.softmax((logits + gumbels) / tau, dim)
    if not hard:
        return y_soft
    index = y_soft.argmax(dim, keepdim=True)
    y_hard = _C.zeros_like(logits).scatter(dim, index, 1.0)
    return y_hard - y_soft.detach() + y_soft


def gaussian_nll_loss(input, target, var, full=False, eps=1e-6, reduction="mean"):
    """0.5 (log(var) + (input - target)^2 / var) (+ 0.5 log(2 pi) with ``full``); var is clamped at eps
    for the value only (its gradient passes through, as in PyTorch).

    Args:
        input (Tensor): the predicted means.
        target (Tensor): the targets.
        var (Tensor or float): the predicted variances (>= 0): ``input``'s shape, or it without the last dim, or with a
            last dim of 1.
        full (bool): add the constant 0.5 log(2 pi). Default: False.
        eps (float): the smallest variance used in the value. Default: 1e-6.
        reduction (str): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Returns:
        Tensor: the loss, a 0-d tensor unless ``reduction='none'`` (then one value per element).

    Example:
        >>> mean, target, var = rt.tensor([0., 1.]), rt.tensor([1., 1.]), rt.tensor([1., 2.])
        >>> [round(v, 4) for v in F.gaussian_nll_loss(mean, target, var, reduction='none').tolist()]
        [0.5, 0.3466]
        >>> F.gaussian_nll_loss(mean, target, 1.).item()
        0.25
    """
    name = "gaussian_nll_loss"
    if isinstance(var, (int, float)):
        var = _C.full_like(input, float(var))
    if tuple(var.shape) != tuple(input.shape):
        if tuple(input.shape[:-1]) == tuple(var.shape):
            var = var.unsqueeze(-1)
        elif tuple(input.shape[:-1]) == tuple(var.shape[:-1]) and var.shape[-1] == 1:
            pass
        else:
            raise ValueError(f"{name}: var of shape {tuple(var.shape)} is of incorrect size for input of shape "
                             f"{tuple(input.shape)}")
    if reduction not in _REDUCTIONS:
        raise ValueError(f"{name}: {reduction!r} is not a valid value for reduction")
    if (var < 0).any().item():
        raise ValueError(f"{name}: var has negative entry/entries")
    var = var + (var.clamp(min=eps) - var).detach()
    diff = input - target
    loss = (_C.log(var) + diff * diff / var) * 0.5
    if full:
        loss = loss + 0.5 * math.log(2 * math.pi)
    return _reduce(loss, reduction, name)
