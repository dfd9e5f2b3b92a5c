"""Parameter initialisation (``torch.nn.init``).

Every function fills its tensor in place under no_grad, draws from rustorch's generator (the
default one, reproducible under ``rt.manual_seed``, or ``generator=``) and returns the tensor.
"""
import math
import warnings

from .. import _C
from ..autograd import no_grad

__all__ = [
    "calculate_gain", "uniform_", "normal_", "trunc_normal_", "constant_", "ones_", "zeros_", "eye_", "dirac_",
    "xavier_uniform_", "xavier_normal_", "kaiming_uniform_", "kaiming_normal_", "orthogonal_", "sparse_",
]


def calculate_gain(nonlinearity, param=None):
    """The recommended gain for a nonlinearity: 1 for linear/conv/sigmoid, 5/3 for tanh,
    sqrt(2) for relu, sqrt(2 / (1 + slope^2)) for leaky_relu (slope ``param``, default 0.01),
    3/4 for selu.

    Args:
        nonlinearity (str): ``'linear'``, ``'conv1d'`` ... ``'conv_transpose3d'``, ``'sigmoid'``, ``'tanh'``,
            ``'relu'``, ``'leaky_relu'`` or ``'selu'``.
        param (float, optional): the negative slope of ``'leaky_relu'``; 0.01 when None. Default: None.

    Returns:
        float: the gain (the int 1 for the linear functions and sigmoid).

    Example:
        >>> nn.init.calculate_gain('tanh')
        1.6666666666666667
        >>> nn.init.calculate_gain('leaky_relu', 0.2)
        1.3867504905630728
    """
    linear_fns = ["linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
                  "conv_transpose3d"]
    if nonlinearity in linear_fns or nonlinearity == "sigmoid":
        return 1
    if nonlinearity == "tanh":
        return 5.0 / 3
    if nonlinearity == "relu":
        return math.sqrt(2.0)
    if nonlinearity == "leaky_relu":
        if param is None:
            negative_slope = 0.01
        elif not isinstance(param, bool) and isinstance(param, (int, float)):
            negative_slope = param
        else:
            raise ValueError(f"negative_slope {param} not a valid number")
        return math.sqrt(2.0 / (1 + negative_slope ** 2))
    if nonlinearity == "selu":
        return 3.0 / 4
    raise ValueError(f"Unsupported nonlinearity {nonlinearity}")


def _calculate_fan_in_and_fan_out(tensor):
    """(fan_in, fan_out) of a weight: size(1) and size(0) times the receptive field
    (the product of the dims after the first two)."""
    if tensor.dim() < 2:
        raise ValueError("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions")
    receptive = 1
    for s in tensor.shape[2:]:
        receptive *= s
    return tensor.shape[1] * receptive, tensor.shape[0] * receptive


def _calculate_correct_fan(tensor, mode):
    mode = mode.lower()
    if mode not in ("fan_in", "fan_out"):
        raise ValueError(f"Mode {mode} not supported, please use one of fan_in, fan_out")
    fan_in, fan_out = _calculate_fan_in_and_fan_out(tensor)
    return fan_in if mode == "fan_in" else fan_out


def uniform_(tensor, a=0.0, b=1.0, generator=None):
    """Fills with values from U(a, b).

    Args:
        tensor (Tensor): the tensor to fill in place.
        a (float): the lower bound. Default: 0.0.
        b (float): the upper bound. Default: 1.0.
        generator (Generator, optional): the random generator; the default one when None. Default: None.

    Returns:
        Tensor: ``tensor`` itself.

    Example:
        >>> w = nn.init.uniform_(rt.empty(3, 5), -0.1, 0.1)
        >>> bool((w.abs() <= 0.1).all())
        True
    """
    with no_grad():
        return tensor.uniform_(a, b, generator=generator)


def normal_(tensor, mean=0.0, std=1.0, generator=None):
    """Fills with values from N(mean, std^2).

    Args:
        tensor (Tensor): the tensor to fill in place.
        mean (float): the mean. Default: 0.0.
        std (float): the standard deviation. Default: 1.0.
        generator (Generator, optional): the random generator; the default one when None. Default: None.

    Returns:
        Tensor: ``tensor`` itself.

    Example:
        >>> w = nn.init.normal_(rt.empty(100, 100), mean=1., std=0.01)
        >>> round(w.mean().item(), 2)
        1.0
    """
    with no_grad():
        return tensor.normal_(mean, std, generator=generator)


def trunc_normal_(tensor, mean=0.0, std=1.0, a=-2.0, b=2.0, generator=None):
    """Fills with values from N(mean, std^2) truncated to [a, b] (values outside are redrawn).

    Args:
        tensor (Tensor): the tensor to fill in place.
        mean (float): the mean. Default: 0.0.
        std (float): the standard deviation. Default: 1.0.
        a (float): the lower bound. Default: -2.0.
        b (float): the upper bound (> a). Default: 2.0.
        generator (Generator, optional): the random generator; the default one when None. Default: None.

    Returns:
        Tensor: ``tensor`` itself.

    Example:
        >>> w = nn.init.trunc_normal_(rt.empty(3, 5), std=2., a=-1., b=1.)
        >>> bool((w.abs() <= 1.).all())
        True
    """
    if a >= b:
        raise ValueError(f"trunc_normal_: a ({a}) must be less than b ({b})")
    with no_grad():
        out = _C.empty(tensor.shape, dtype=tensor.dtype).normal_(mean, std, generator=generator)
        for _ in range(100):
            bad = (out < a) | (out > b)
            if not bad.any().item():
                break
            fresh = _C.empty(tensor.shape, dtype=tensor.dtype).normal_(mean, std, generator=generator)
            out = _C.where(bad, fresh, out)
        tensor.copy_(out.clamp(a, b))
    return tensor


def constant_(tensor, val):
    """Fills with ``val``.

    Args:
        tensor (Tensor): the tensor to fill in place.
        val (float): the value.

    Returns:
        Tensor: ``tensor`` itself.

    Example:
        >>> nn.init.constant_(rt.empty(2, 3), 0.5)
        tensor([[0.5000, 0.5000, 0.5000],
                [0.5000, 0.5000, 0.5000]])
    """
    with no_grad():
        return tensor.fill_(val)


def ones_(tensor):
    """Fills with ones.

    Args:
        tensor (Tensor): the tensor to fill in place.

    Returns:
        Tensor: ``tensor`` itself.

    Example:
        >>> nn.init.ones_(rt.empty(2, 3))
        tensor([[1., 1., 1.],
                [1., 1., 1.]])
    """
    return constant_(tensor, 1.0)


def zeros_(tensor):
    """Fills with zeros.

    Args:
        tensor (Tensor): the tensor to fill in place.

    Returns:
        Tensor: ``tensor`` itself.

    Example:
        >>> nn.init.zeros_(rt.empty(2, 3))
        tensor([[0., 0., 0.],
                [0., 0., 0.]])
    """
    with no_grad():
        return tensor.zero_()


def eye_(tensor):
    """Fills a 2-D tensor with the identity matrix.

    Args:
        tensor (Tensor): the 2-D tensor to fill in place (need not be square).

    Returns:
        Tensor: ``tensor`` itself.

    Example:
        >>> nn.init.eye_(rt.empty(2, 3))
        tensor([[1., 0., 0.],
                [0., 1., 0.]])
    """
    if tensor.dim() != 2:
        raise ValueError("Only tensors with 2 dimensions are supported")
    with no_grad():
        tensor.copy_(_C.eye(tensor.shape[0], tensor.shape[1], dtype=tensor.dtype))
    return tensor


def dirac_(tensor, groups=1):
    """Fills a 3/4/5-D convolution weight with the Dirac delta (identity convolution), per group.

    Args:
        tensor (Tensor): the 3-, 4- or 5-D weight (out_channels, in_channels, *kernel) to fill in place.
        groups (int): the number of groups (divides out_channels). Default: 1.

    Returns:
        Tensor: ``tensor`` itself.

    Example:
        >>> w = nn.init.dirac_(rt.empty(2, 2, 3))
        >>> w
        tensor([[[0., 1., 0.],
                 [0., 0., 0.]],
        <BLANKLINE>
                [[0., 0., 0.],
                 [0., 1., 0.]]])
        >>> x = rt.randn(1, 2, 5)
        >>> bool((F.conv1d(x, w, padding=1) == x).all())
        True
    """
    dims = tensor.dim()
    if dims not in (3, 4, 5):
        raise ValueError("Only tensors with 3, 4, or 5 dimensions are supported")
    sizes = tensor.shape
    if sizes[0] % groups != 0:
        raise ValueError("dim 0 must be divisible by groups")
    out_chans_per_grp = sizes[0] // groups
    min_dim = min(out_chans_per_grp, sizes[1])
    import numpy as np

    w = np.zeros(sizes, dtype=np.float64)
    for g in range(groups):
        for d in range(min_dim):
            idx = (g * out_chans_per_grp + d, d) + tuple(s // 2 for s in sizes[2:])
            w[idx] = 1
    with no_grad():
        tensor.copy_(_C.tensor(w, dtype=tensor.dtype))
    return tensor


def xavier_uniform_(tensor, gain=1.0, generator=None):
    """Glorot uniform: U(-a, a) with a = gain * sqrt(6 / (fan_in + fan_out)).

    Args:
        tensor (Tensor): the tensor (at least 2-D) to fill in place.
        gain (float): the scale. Default: 1.0.
        generator (Generator, optional): the random generator; the default one when None. Default: None.

    Returns:
        Tensor: ``tensor`` itself.

    Example:
        >>> w = nn.init.xavier_uniform_(rt.empty(3, 5))
        >>> bool((w.abs() <= (6 / 8) ** 0.5).all())
        True
    """
    fan_in, fan_out = _calculate_fan_in_and_fan_out(tensor)
    std = gain * math.sqrt(2.0 / float(fan_in + fan_out))
    a = math.sqrt(3.0) * std
    return uniform_(tensor, -a, a, generator)


def xavier_normal_(tensor, gain=1.0, generator=None):
    """Glorot normal: N(0, std^2) with std = gain * sqrt(2 / (fan_in + fan_out)).

    Args:
        tensor (Tensor): the tensor (at least 2-D) to fill in place.
        gain (float): the scale. Default: 1.0.
        generator (Generator, optional): the random generator; the default one when None. Default: None.

    Returns:
        Tensor: ``tensor`` itself.

    Example:
        >>> w = nn.init.xavier_normal_(rt.empty(200, 300))
        >>> round(w.std().item() / (2 / 500) ** 0.5, 1)
        1.0
    """
    fan_in, fan_out = _calculate_fan_in_and_fan_out(tensor)
    std = gain * math.sqrt(2.0 / float(fan_in + fan_out))
    return normal_(tensor, 0.0, std, generator)


def kaiming_uniform_(tensor, a=0, mode="fan_in", nonlinearity="leaky_relu", generator=None):
    """He uniform: U(-bound, bound) with bound = gain * sqrt(3 / fan), gain from
    ``calculate_gain(nonlinearity, a)``, fan = fan_in or fan_out (``mode``).

    Args:
        tensor (Tensor): the tensor (at least 2-D) to fill in place.
        a (float): the negative slope of the rectifier (for ``'leaky_relu'``). Default: 0.
        mode (str): ``'fan_in'`` (keeps the forward variance) or ``'fan_out'`` (the backward's). Default: ``'fan_in'``.
        nonlinearity (str): the nonlinearity passed to :func:`calculate_gain`. Default: ``'leaky_relu'``.
        generator (Generator, optional): the random generator; the default one when None. Default: None.

    Returns:
        Tensor: ``tensor`` itself. A tensor with no elements is returned unchanged (with a warning).

    Example:
        >>> w = nn.init.kaiming_uniform_(rt.empty(4, 6), nonlinearity='relu')
        >>> bool((w.abs() <= 1.).all())
        True
    """
    if 0 in tensor.shape:
        warnings.warn("Initializing zero-element tensors is a no-op")
        return tensor
    fan = _calculate_correct_fan(tensor, mode)
    gain = calculate_gain(nonlinearity, a)
    bound = math.sqrt(3.0) * gain / math.sqrt(fan)
    return uniform_(tensor, -bound, bound, generator)


def kaiming_normal_(tensor, a=0, mode="fan_in", nonlinearity="leaky_relu", generator=None):
    """He normal: N(0, std^2) with std = gain / sqrt(fan), gain from
    ``calculate_gain(nonlinearity, a)``, fan = fan_in or fan_out (``mode``).

    Args:
        tensor (Tensor): the tensor (at least 2-D) to fill in place.
        a (float): the negative slope of the rectifier (for ``'leaky_relu'``). Default: 0.
        mode (str): ``'fan_in'`` (keeps the forward variance) or ``'fan_out'`` (the backward's). Default: ``'fan_in'``.
        nonlinearity (str): the nonlinearity passed to :func:`calculate_gain`. Default: ``'leaky_relu'``.
        generator (Generator, optional): the random generator; the default one when None. Default: None.

    Returns:
        Tensor: ``tensor`` itself. A tensor with no elements is returned unchanged (with a warning).

    Example:
        >>> w = nn.init.kaiming_normal_(rt.empty(300, 200), mode='fan_out', nonlinearity='relu')
        >>> round(w.std().item() / (2 / 300) ** 0.5, 1)
        1.0
    """
    if 0 in tensor.shape:
        warnings.warn("Initializing zero-element tensors is a no-op")
        return tensor
    fan = _calculate_correct_fan(tensor, mode)
    std = calculate_gain(nonlinearity, a) / math.sqrt(fan)
    return normal_(tensor, 0.0, std, generator)


def _qr(a):
    linalg = getattr(_C, "linalg", None) or getattr(_C, "_linalg", None)
    if linalg is not None and hasattr(linalg, "qr"):
        return linalg.qr(a)
    import numpy as np

    q, r = np.linalg.qr(a.numpy().astype(np.float64))
    return _C.tensor(q, dtype=a.dtype), _C.tensor(r, dtype=a.dtype)


def orthogonal_(tensor, gain=1, generator=None):
    """Fills with a (semi-)orthogonal matrix (the Q of the QR of a standard-normal matrix drawn from
    rustorch's generator, sign-corrected so it is uniformly distributed); dims after the first are
    flattened.

    Args:
        tensor (Tensor): the tensor (at least 2-D) to fill in place.
        gain (float): the scale. Default: 1.
        generator (Generator, optional): the random generator; the default one when None. Default: None.

    Returns:
        Tensor: ``tensor`` itself.

    Example:
        >>> w = nn.init.orthogonal_(rt.empty(3, 5))
        >>> rt.allclose(w @ w.t(), rt.eye(3), atol=1e-5)
        True
    """
    if tensor.dim() < 2:
        raise ValueError("Only tensors with 2 or more dimensions are supported")
    if tensor.numel() == 0:
        return tensor
    rows = tensor.shape[0]
    cols = tensor.numel() // rows
    with no_grad():
        flat = _C.empty((rows, cols), dtype=tensor.dtype).normal_(0.0, 1.0, generator=generator)
        if rows < cols:
            flat = flat.t()
        q, r = _qr(flat)
        d = _C.diagonal(r) if hasattr(_C, "diagonal") else _C.tensor(r.numpy().diagonal().copy(), dtype=r.dtype)
        q = q * _C.sign(d)
        if rows < cols:
            q = q.t()
        tensor.copy_(q.reshape(tensor.shape) * gain)
    return tensor


def sparse_(tensor, sparsity, std=0.01, generator=None):
    """Fills a 2-D tensor from N(0, std^2) and zeroes a fraction ``sparsity`` of each column.

    Args:
        tensor (Tensor): the 2-D tensor to fill in place.
        sparsity (float): the fraction of each column to zero (``ceil(sparsity * rows)`` elements).
        std (float): the standard deviation of the nonzero values. Default: 0.01.
        generator (Generator, optional): the random generator; the default one when None. Default: None.

    Returns:
        Tensor: ``tensor`` itself.

    Example:
        >>> w = nn.init.sparse_(rt.empty(4, 3), sparsity=0.5)
        >>> (w == 0).sum(0).tolist()
        [2, 2, 2]
    """
    if tensor.dim() != 2:
        raise ValueError("Only tensors with 2 dimensions are supported")
    rows, cols = tensor.shape
    num_zeros = int(math.ceil(sparsity * rows))
    with no_grad():
        tensor.normal_(0.0, std, generator=generator)
        for col in range(cols):
            idx = _C.randperm(rows, generator=generator)[:num_zeros]
            for i in idx.tolist():
                tensor[i, col] = 0
    return tensor


# Deprecated non-underscore aliases (torch keeps them with a warning).
def _deprecated(fn):
    def alias(*args, **kwargs):
        warnings.warn(f"nn.init.{fn.__name__[:-1]} is now deprecated in favor of nn.init.{fn.__name__}.",
                      FutureWarning, stacklevel=2)
        return fn(*args, **kwargs)

    alias.__name__ = fn.__name__[:-1]
    return alias


uniform = _deprecated(uniform_)
normal = _deprecated(normal_)
constant = _deprecated(constant_)
xavier_uniform = _deprecated(xavier_uniform_)
xavier_normal = _deprecated(xavier_normal_)
kaiming_uniform = _deprecated(kaiming_uniform_)
kaiming_normal = _deprecated(kaiming_normal_)
orthogonal = _deprecated(orthogonal_)
