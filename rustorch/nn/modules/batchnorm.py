"""Batch and instance normalisation layers (C++ kernels)."""
from ... import _C
from .. import functional as F
from .. import init
from ..parameter import Parameter
from .module import Module
from .utils import _factory, layer_error, shape_str

__all__ = ["BatchNorm1d", "BatchNorm2d", "BatchNorm3d", "InstanceNorm1d", "InstanceNorm2d", "InstanceNorm3d"]


class _NormBase(Module):
    """Parameters (weight = 1, bias = 0 when ``affine``) and running statistics (running_mean = 0,
    running_var = 1, num_batches_tracked = 0 when ``track_running_stats``)."""

    _version = 2

    def __init__(self, num_features, eps=1e-5, momentum=0.1, affine=True, track_running_stats=True, device=None,
                 dtype=None, *, bias=True):
        super().__init__()
        self.num_features = num_features
        self.eps = eps
        self.momentum = momentum
        self.affine = affine
        self.track_running_stats = track_running_stats
        if affine:
            self.weight = Parameter(_factory((num_features,), dtype, device))
            if bias:
                self.bias = Parameter(_factory((num_features,), dtype, device))
            else:
                self.register_parameter("bias", None)
        else:
            self.register_parameter("weight", None)
            self.register_parameter("bias", None)
        if track_running_stats:
            self.register_buffer("running_mean", _factory((num_features,), dtype, device))
            self.register_buffer("running_var", _factory((num_features,), dtype, device))
            self.register_buffer("num_batches_tracked", _C.tensor(0, dtype=_C.int64))
        else:
            self.register_buffer("running_mean", None)
            self.register_buffer("running_var", None)
            self.register_buffer("num_batches_tracked", None)
        self.reset_parameters()

    def reset_running_stats(self):
        if self.track_running_stats:
            self.running_mean.zero_()
            self.running_var.fill_(1)
            self.num_batches_tracked.zero_()

    def reset_parameters(self):
        self.reset_running_stats()
        if self.affine:
            init.ones_(self.weight)
            if self.bias is not None:
                init.zeros_(self.bias)

    def _check_input_dim(self, input):
        raise NotImplementedError

    def extra_repr(self):
        return (f"{self.num_features}, eps={self.eps}, momentum={self.momentum}, affine={self.affine}, "
                f"bias={self.bias is not None}, track_running_stats={self.track_running_stats}")

    def _norm_error(self, input, e):
        if hasattr(input, "shape") and input.dim() >= 2 and input.shape[1] != self.num_features:
            return layer_error(self, e, f"expected input with {self.num_features} channels (dim 1), got input of "
                                        f"shape {shape_str(input.shape)}")
        return layer_error(self, e)


class _BatchNorm(_NormBase):
    def forward(self, input):
        self._check_input_dim(input)
        p, b = self._parameters, self._buffers  # direct dict reads (attribute access costs ~1 us)
        running_mean, running_var = b["running_mean"], b["running_var"]
        factor = 0.0 if self.momentum is None else self.momentum
        training = self.training
        if training and self.track_running_stats:
            tracked = b["num_batches_tracked"]
            if tracked is not None:
                tracked.add_(1)
                if self.momentum is None:  # cumulative moving average
                    factor = 1.0 / tracked.item()
        if training:
            bn_training = True
        else:
            bn_training = running_mean is None and running_var is None
        if training and not self.track_running_stats:
            running_mean = running_var = None
        try:
            return F.batch_norm(input, running_mean, running_var, p["weight"], p["bias"], bn_training, factor,
                                self.eps)
        except Exception as e:
            raise self._norm_error(input, e) from None


class BatchNorm1d(_BatchNorm):
    """Batch normalisation of (N, C) or (N, C, L): per-channel batch statistics in training (running
    averages updated with ``momentum``; ``momentum=None`` is a cumulative average), running
    statistics in eval mode.

    Args:
        num_features (int): the number of channels C.
        eps (float): added to the variance for stability. Default: 1e-5.
        momentum (float, optional): the weight of the new batch statistics in the running averages; None gives a
            cumulative average. Default: 0.1.
        affine (bool): learn a per-channel ``weight`` (ones) and ``bias`` (zeros). Default: True.
        track_running_stats (bool): keep ``running_mean`` (zeros) and ``running_var`` (ones) and use them in eval mode.
            Default: True.
        device (device, optional): the device of the parameters and buffers.
        dtype (dtype, optional): the dtype of the parameters and buffers.
        bias (bool): with ``affine``, also learn ``bias``. Keyword only. Default: True.

    Example:
        >>> m = nn.BatchNorm1d(2)
        >>> x = rt.tensor([[1., 10.], [3., 30.]])
        >>> [[round(v, 4) for v in r] for r in m(x).tolist()]
        [[-1.0, -1.0], [1.0, 1.0]]
        >>> [round(v, 4) for v in m.running_mean.tolist()]
        [0.2, 2.0]
        >>> m.num_batches_tracked.item()
        1
    """

    def _check_input_dim(self, input):
        if input.dim() != 2 and input.dim() != 3:
            raise ValueError(f"{self._get_name()}: expected 2D or 3D input (got {input.dim()}D input of shape "
                             f"{shape_str(input.shape)})")


class BatchNorm2d(_BatchNorm):
    """Batch normalisation of (N, C, H, W) (see BatchNorm1d).

    Args:
        num_features (int): the number of channels C.
        eps (float): added to the variance for stability. Default: 1e-5.
        momentum (float, optional): the weight of the new batch statistics in the running averages; None gives a
            cumulative average. Default: 0.1.
        affine (bool): learn a per-channel ``weight`` (ones) and ``bias`` (zeros). Default: True.
        track_running_stats (bool): keep ``running_mean`` (zeros) and ``running_var`` (ones) and use them in eval mode.
            Default: True.
        device (device, optional): the device of the parameters and buffers.
        dtype (dtype, optional): the dtype of the parameters and buffers.
        bias (bool): with ``affine``, also learn ``bias``. Keyword only. Default: True.

    Example:
        >>> m = nn.BatchNorm2d(3)
        >>> y = m(rt.randn(4, 3, 5, 5) * 2 + 1)
        >>> [round(v, 4) + 0.0 for v in y.mean((0, 2, 3)).tolist()]
        [0.0, 0.0, 0.0]
        >>> m.eval()(rt.zeros(1, 3, 1, 1)).shape == (1, 3, 1, 1)
        True
    """

    def _check_input_dim(self, input):
        if input.dim() != 4:
            raise ValueError(f"{self._get_name()}: expected 4D input (got {input.dim()}D input of shape "
                             f"{shape_str(input.shape)})")


class BatchNorm3d(_BatchNorm):
    """Batch normalisation of (N, C, D, H, W) (see BatchNorm1d).

    Args:
        num_features (int): the number of channels C.
        eps (float): added to the variance for stability. Default: 1e-5.
        momentum (float, optional): the weight of the new batch statistics in the running averages; None gives a
            cumulative average. Default: 0.1.
        affine (bool): learn a per-channel ``weight`` (ones) and ``bias`` (zeros). Default: True.
        track_running_stats (bool): keep ``running_mean`` (zeros) and ``running_var`` (ones) and use them in eval mode.
            Default: True.
        device (device, optional): the device of the parameters and buffers.
        dtype (dtype, optional): the dtype of the parameters and buffers.
        bias (bool): with ``affine``, also learn ``bias``. Keyword only. Default: True.

    Example:
        >>> m = nn.BatchNorm3d(2, affine=False)
        >>> y = m(rt.randn(3, 2, 2, 2, 2))
        >>> tuple(y.shape)
        (3, 2, 2, 2, 2)
        >>> [round(v, 4) + 0.0 for v in y.mean((0, 2, 3, 4)).tolist()]
        [0.0, 0.0]
    """

    def _check_input_dim(self, input):
        if input.dim() != 5:
            raise ValueError(f"{self._get_name()}: expected 5D input (got {input.dim()}D input of shape "
                             f"{shape_str(input.shape)})")


class _InstanceNorm(_NormBase):
    _dims = 0

    def __init__(self, num_features, eps=1e-5, momentum=0.1, affine=False, track_running_stats=False, device=None,
                 dtype=None):
        super().__init__(num_features, eps, momentum, affine, track_running_stats, device, dtype)

    def forward(self, input):
        nd = self._dims
        if input.dim() not in (nd + 1, nd + 2):
            raise ValueError(f"{self._get_name()}: expected {nd + 1}D (unbatched) or {nd + 2}D (batched) input, "
                             f"got input of shape {shape_str(input.shape)}")
        channel_dim = input.dim() - nd - 1
        if input.shape[channel_dim] != self.num_features:
            if self.affine:
                raise ValueError(f"{self._get_name()}: expected input's size at dim={channel_dim} to match "
                                 f"num_features ({self.num_features}), but got input of shape "
                                 f"{shape_str(input.shape)}")
        unbatched = input.dim() == nd + 1
        x = input.unsqueeze(0) if unbatched else input
        try:
            p, b = self._parameters, self._buffers
            out = F.instance_norm(x, b["running_mean"], b["running_var"], p["weight"], p["bias"],
                                  self.training or not self.track_running_stats,
                                  self.momentum if self.momentum is not None else 0.0, self.eps)
        except Exception as e:
            raise layer_error(self, e) from None
        return out.squeeze(0) if unbatched else out


class InstanceNorm1d(_InstanceNorm):
    """Normalises each (sample, channel) sequence of (N, C, L) / (C, L); affine and running stats off by
    default.

    Args:
        num_features (int): the number of channels C.
        eps (float): added to the variance for stability. Default: 1e-5.
        momentum (float, optional): the weight of the new batch statistics in the running averages; None gives a
            cumulative average. Default: 0.1.
        affine (bool): learn a per-channel ``weight`` (ones) and ``bias`` (zeros). Default: False.
        track_running_stats (bool): keep ``running_mean`` (zeros) and ``running_var`` (ones) and use them in eval mode.
            Default: False.
        device (device, optional): the device of the parameters and buffers.
        dtype (dtype, optional): the dtype of the parameters and buffers.

    Example:
        >>> m = nn.InstanceNorm1d(2)
        >>> x = rt.tensor([[[1., 3.], [5., 5.]]])
        >>> [[round(v, 3) for v in r] for r in m(x)[0].tolist()]
        [[-1.0, 1.0], [0.0, 0.0]]
    """
    _dims = 1


class InstanceNorm2d(_InstanceNorm):
    """Normalises each (sample, channel) plane of (N, C, H, W) / (C, H, W); affine and running stats off
    by default.

    Args:
        num_features (int): the number of channels C.
        eps (float): added to the variance for stability. Default: 1e-5.
        momentum (float, optional): the weight of the new batch statistics in the running averages; None gives a
            cumulative average. Default: 0.1.
        affine (bool): learn a per-channel ``weight`` (ones) and ``bias`` (zeros). Default: False.
        track_running_stats (bool): keep ``running_mean`` (zeros) and ``running_var`` (ones) and use them in eval mode.
            Default: False.
        device (device, optional): the device of the parameters and buffers.
        dtype (dtype, optional): the dtype of the parameters and buffers.

    Example:
        >>> m = nn.InstanceNorm2d(3)
        >>> y = m(rt.randn(2, 3, 4, 4))
        >>> tuple(y.shape)
        (2, 3, 4, 4)
        >>> [round(v, 4) + 0.0 for v in y.mean((2, 3)).flatten().tolist()]
        [0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    """
    _dims = 2


class InstanceNorm3d(_InstanceNorm):
    """Normalises each (sample, channel) volume of (N, C, D, H, W) / (C, D, H, W); affine and running
    stats off by default.

    Args:
        num_features (int): the number of channels C.
        eps (float): added to the variance for stability. Default: 1e-5.
        momentum (float, optional): the weight of the new batch statistics in the running averages; None gives a
            cumulative average. Default: 0.1.
        affine (bool): learn a per-channel ``weight`` (ones) and ``bias`` (zeros). Default: False.
        track_running_stats (bool): keep ``running_mean`` (zeros) and ``running_var`` (ones) and use them in eval mode.
            Default: False.
        device (device, optional): the device of the parameters and buffers.
        dtype (dtype, optional): the dtype of the parameters and buffers.

    Example:
        >>> m = nn.InstanceNorm3d(2, affine=True)
        >>> y = m(rt.randn(1, 2, 3, 3, 3))
        >>> tuple(y.shape)
        (1, 2, 3, 3, 3)
        >>> [round(v, 4) + 0.0 for v in y.mean((2, 3, 4)).flatten().tolist()]
        [0.0, 0.0]
    """
    _dims = 3
