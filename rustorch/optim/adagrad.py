"""Adagrad, as torch.optim.Adagrad."""
from .. import _C
from . import _validate as V
from .optimizer import Optimizer, _full_like, _scalar_tensor

__all__ = ["Adagrad"]


class Adagrad(Optimizer):
    """Adagrad with learning-rate decay, weight decay and maximize (``torch.optim.Adagrad``).

    ``state[p]``: ``step`` and ``sum`` (filled with ``initial_accumulator_value``), created for every
    parameter when the optimizer is built (as in PyTorch) or when a group is added. The group's own
    ``initial_accumulator_value`` is used (PyTorch uses the constructor's for all groups).

    Args:
        params (iterable): the Tensors to optimize, ``(name, Tensor)`` pairs, or dicts (param groups).
        lr (float or Tensor): the learning rate. Default: 1e-2.
        lr_decay (float): the learning-rate decay. Default: 0.
        weight_decay (float): the L2 penalty. Default: 0.
        initial_accumulator_value (float): the start value of the squared-gradient sums. Default: 0.
        eps (float): added to the denominator for numerical stability. Default: 1e-10.
        foreach (bool, optional): accepted for compatibility; ignored.
        maximize (bool): maximize the objective instead of minimizing it. Default: False.
        differentiable (bool): must be False (autograd through the update is not supported).
        fused (bool, optional): accepted for compatibility; ignored.

    Example:
        >>> w = rt.tensor([1., 2.], requires_grad=True)
        >>> opt = rt.optim.Adagrad([w], lr=0.1)
        >>> (w * w).sum().backward()
        >>> opt.step()
        >>> print(w.detach().numpy().round(4))
        [0.9 1.9]
    """

    def __init__(self, params, lr=1e-2, lr_decay=0, weight_decay=0, initial_accumulator_value=0, eps=1e-10,
                 foreach=None, *, maximize=False, differentiable=False, fused=None):
        defaults = dict(lr=lr, lr_decay=lr_decay, eps=eps, weight_decay=weight_decay,
                        initial_accumulator_value=initial_accumulator_value, foreach=foreach, maximize=maximize,
                        differentiable=differentiable, fused=fused)
        super().__init__(params, defaults)

    def _validate_group(self, group):
        V.check_lr(group)
        V.check_nonneg(group, "lr_decay")
        V.check_nonneg(group, "weight_decay")
        V.check_nonneg(group, "initial_accumulator_value")
        V.check_eps(group)

    def add_param_group(self, param_group):
        super().add_param_group(param_group)
        group = self.param_groups[-1]
        for p in group["params"]:
            self._init_state(self.state[p], p, group)

    @staticmethod
    def _init_state(st, p, group):
        st["step"] = _scalar_tensor(0.0)
        st["sum"] = _full_like(p, float(group["initial_accumulator_value"]))

    def step(self, closure=None):
        loss = self._eval_closure(closure)
        for group in self.param_groups:
            params, grads, states = self._grouped(group, self._init_state)
            if not params:
                continue
            _C._optim.adagrad(params, grads, [s["sum"] for s in states], [s["step"] for s in states],
                              lr=float(group["lr"]), lr_decay=float(group["lr_decay"]),
                              weight_decay=float(group["weight_decay"]), eps=float(group["eps"]),
                              maximize=bool(group["maximize"]))
        return loss
