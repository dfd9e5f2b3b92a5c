"""
Fused optimizer update kernels (used by rustorch.optim)
"""
from __future__ import annotations
from rustorch._C import DType, Tensor
import builtins
import collections.abc
import numpy
import typing
__all__: list[str] = ['abs_max', 'abs_sum', 'adadelta', 'adagrad', 'adam', 'adamax', 'add_flat_', 'clip_grad_norm_', 'clip_grad_value_', 'clip_grads_with_norm_', 'dot', 'flatten', 'lbfgs_direction', 'nadam', 'radam', 'rmsprop', 'sgd', 'total_norm', 'vector_to_parameters']
def abs_max(a: Tensor) -> builtins.float:
    """
    max |a| of a 1-D float tensor.
    """
def abs_sum(a: Tensor) -> builtins.float:
    """
    sum |a| of a 1-D float tensor (rounded to its dtype).
    """
def adadelta(params: collections.abc.Sequence[Tensor], grads: collections.abc.Sequence[Tensor], square_avgs: collections.abc.Sequence[Tensor], acc_deltas: collections.abc.Sequence[Tensor], state_steps: collections.abc.Sequence[Tensor], *, lr: typing.SupportsFloat | typing.SupportsIndex, rho: typing.SupportsFloat | typing.SupportsIndex, eps: typing.SupportsFloat | typing.SupportsIndex, weight_decay: typing.SupportsFloat | typing.SupportsIndex, maximize: builtins.bool) -> None:
    """
    Adadelta update of all params in place.
    """
def adagrad(params: collections.abc.Sequence[Tensor], grads: collections.abc.Sequence[Tensor], state_sums: collections.abc.Sequence[Tensor], state_steps: collections.abc.Sequence[Tensor], *, lr: typing.SupportsFloat | typing.SupportsIndex, lr_decay: typing.SupportsFloat | typing.SupportsIndex, weight_decay: typing.SupportsFloat | typing.SupportsIndex, eps: typing.SupportsFloat | typing.SupportsIndex, maximize: builtins.bool) -> None:
    """
    Adagrad update of all params in place.
    """
def adam(params: collections.abc.Sequence[Tensor], grads: collections.abc.Sequence[Tensor], exp_avgs: collections.abc.Sequence[Tensor], exp_avg_sqs: collections.abc.Sequence[Tensor], max_exp_avg_sqs: collections.abc.Sequence[Tensor], state_steps: collections.abc.Sequence[Tensor], *, lr: typing.SupportsFloat | typing.SupportsIndex, beta1: typing.SupportsFloat | typing.SupportsIndex, beta2: typing.SupportsFloat | typing.SupportsIndex, eps: typing.SupportsFloat | typing.SupportsIndex, weight_decay: typing.SupportsFloat | typing.SupportsIndex, amsgrad: builtins.bool, maximize: builtins.bool, decoupled_weight_decay: builtins.bool) -> None:
    """
    Adam/AdamW update of all params in place (increments the step counters).
    """
def adamax(params: collections.abc.Sequence[Tensor], grads: collections.abc.Sequence[Tensor], exp_avgs: collections.abc.Sequence[Tensor], exp_infs: collections.abc.Sequence[Tensor], state_steps: collections.abc.Sequence[Tensor], *, lr: typing.SupportsFloat | typing.SupportsIndex, beta1: typing.SupportsFloat | typing.SupportsIndex, beta2: typing.SupportsFloat | typing.SupportsIndex, eps: typing.SupportsFloat | typing.SupportsIndex, weight_decay: typing.SupportsFloat | typing.SupportsIndex, maximize: builtins.bool) -> None:
    """
    Adamax update of all params in place.
    """
def add_flat_(params: collections.abc.Sequence[Tensor], alpha: typing.SupportsFloat | typing.SupportsIndex, vec: Tensor) -> None:
    """
    params[i] += alpha * vec[slice i], in place.
    """
def clip_grad_norm_(grads: collections.abc.Sequence[Tensor], max_norm: typing.SupportsFloat | typing.SupportsIndex, norm_type: typing.SupportsFloat | typing.SupportsIndex, error_if_nonfinite: builtins.bool) -> Tensor:
    """
    Total norm, then scaling; returns the norm.
    """
def clip_grad_value_(grads: collections.abc.Sequence[Tensor], clip_value: typing.SupportsFloat | typing.SupportsIndex) -> None:
    """
    Clamps tensors in place to [-clip_value, clip_value].
    """
def clip_grads_with_norm_(grads: collections.abc.Sequence[Tensor], max_norm: typing.SupportsFloat | typing.SupportsIndex, total_norm: Tensor) -> None:
    """
    Scales tensors in place by min(max_norm / (total_norm + 1e-6), 1).
    """
def dot(a: Tensor, b: Tensor) -> builtins.float:
    """
    Dot product of 1-D float tensors (rounded to their dtype).
    """
def flatten(tensors: collections.abc.Sequence[Tensor | None], numels: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], dtype: DType) -> Tensor:
    """
    A new 1-D tensor of all values in order (None entries: zeros of the given size).
    """
def lbfgs_direction(flat_grad: Tensor, old_dirs: collections.abc.Sequence[Tensor], old_stps: collections.abc.Sequence[Tensor], ro: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex], h_diag: typing.SupportsFloat | typing.SupportsIndex) -> Tensor:
    """
    L-BFGS two-loop recursion: the direction -H g.
    """
def nadam(params: collections.abc.Sequence[Tensor], grads: collections.abc.Sequence[Tensor], exp_avgs: collections.abc.Sequence[Tensor], exp_avg_sqs: collections.abc.Sequence[Tensor], mu_products: collections.abc.Sequence[Tensor], state_steps: collections.abc.Sequence[Tensor], *, lr: typing.SupportsFloat | typing.SupportsIndex, beta1: typing.SupportsFloat | typing.SupportsIndex, beta2: typing.SupportsFloat | typing.SupportsIndex, eps: typing.SupportsFloat | typing.SupportsIndex, weight_decay: typing.SupportsFloat | typing.SupportsIndex, momentum_decay: typing.SupportsFloat | typing.SupportsIndex, decoupled_weight_decay: builtins.bool, maximize: builtins.bool) -> None:
    """
    NAdam update of all params in place.
    """
def radam(params: collections.abc.Sequence[Tensor], grads: collections.abc.Sequence[Tensor], exp_avgs: collections.abc.Sequence[Tensor], exp_avg_sqs: collections.abc.Sequence[Tensor], state_steps: collections.abc.Sequence[Tensor], *, lr: typing.SupportsFloat | typing.SupportsIndex, beta1: typing.SupportsFloat | typing.SupportsIndex, beta2: typing.SupportsFloat | typing.SupportsIndex, eps: typing.SupportsFloat | typing.SupportsIndex, weight_decay: typing.SupportsFloat | typing.SupportsIndex, decoupled_weight_decay: builtins.bool, maximize: builtins.bool) -> None:
    """
    RAdam update of all params in place.
    """
def rmsprop(params: collections.abc.Sequence[Tensor], grads: collections.abc.Sequence[Tensor], square_avgs: collections.abc.Sequence[Tensor], grad_avgs: collections.abc.Sequence[Tensor], momentum_buffers: collections.abc.Sequence[Tensor], state_steps: collections.abc.Sequence[Tensor], *, lr: typing.SupportsFloat | typing.SupportsIndex, alpha: typing.SupportsFloat | typing.SupportsIndex, eps: typing.SupportsFloat | typing.SupportsIndex, weight_decay: typing.SupportsFloat | typing.SupportsIndex, momentum: typing.SupportsFloat | typing.SupportsIndex, centered: builtins.bool, maximize: builtins.bool) -> None:
    """
    RMSprop update of all params in place.
    """
def sgd(params: collections.abc.Sequence[Tensor], grads: collections.abc.Sequence[Tensor], momentum_buffers: collections.abc.Sequence[Tensor | None], *, lr: typing.SupportsFloat | typing.SupportsIndex, momentum: typing.SupportsFloat | typing.SupportsIndex, dampening: typing.SupportsFloat | typing.SupportsIndex, weight_decay: typing.SupportsFloat | typing.SupportsIndex, nesterov: builtins.bool, maximize: builtins.bool) -> typing.Any:
    """
    SGD update of all params in place; returns the momentum buffers when some were created (None entries), else None.
    """
def total_norm(tensors: collections.abc.Sequence[Tensor], norm_type: typing.SupportsFloat | typing.SupportsIndex) -> Tensor:
    """
    Norm of the per-tensor norms, a 0-d tensor.
    """
def vector_to_parameters(vec: Tensor, parameters: collections.abc.Sequence[Tensor]) -> None:
    """
    Makes each param's data a view of a slice of vec.
    """
