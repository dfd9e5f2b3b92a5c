"""Adadelta, as torch.optim.Adadelta."""
from .. import _C
from . import _validate as V
from .optimizer import Optimizer, _scalar_tensor, _zeros_like

__all__ = ["Adadelta"]


class Adadelta(Optimizer):
    """Adadelta with weight decay and maximize (``torch.optim.Adadelta``).

    ``state[p]``: ``step``, ``square_avg``, ``acc_delta``.

    Args:
        params (iterable): the Tensors to optimize, ``(name, Tensor)`` pairs, or dicts (param groups).
        lr (float or Tensor): the coefficient that scales the delta. Default: 1.0.
        rho (float): the decay rate of the running averages. Default: 0.9.
        eps (float): added to the denominator for numerical stability. Default: 1e-6.
        weight_decay (float): the L2 penalty. Default: 0.
        foreach (bool, optional): accepted for compatibility; ignored.
        capturable (bool): accepted for compatibility; ignored. Default: False.
        maximize (bool): maximize the objective instead of minimizing it. Default: False.
        differentiable (bool): must be False (autograd through the update is not supported).

    Example:
        >>> w = rt.tensor([1., 2.], requires_grad=True)
        >>> opt = rt.optim.Adadelta([w], lr=1.0)
        >>> (w * w).sum().backward()
        >>> opt.step()
        >>> print(w.detach().numpy().round(4))
        [0.9968 1.9968]
    """

    def __init__(self, params, lr=1.0, rho=0.9, eps=1e-6, weight_decay=0, foreach=None, *, capturable=False,
                 maximize=False, differentiable=False):
        defaults = dict(lr=lr, rho=rho, eps=eps, weight_decay=weight_decay, maximize=maximize, capturable=capturable,
                        foreach=foreach, differentiable=differentiable)
        super().__init__(params, defaults)

    def _validate_group(self, group):
        V.check_lr(group)
        if not 0.0 <= float(group["rho"]) <= 1.0:
            raise ValueError(f"Invalid rho value: {group['rho']}")
        V.check_eps(group)
        V.check_nonneg(group, "weight_decay")

    @staticmethod
    def _init_state(st, p, group):
        st["step"] = _scalar_tensor(0.0)
        st["square_avg"] = _zeros_like(p)
        st["acc_delta"] = _zeros_like(p)

    def step(self, closure=None):
        loss = self._eval_closure(closure)
        for group in self.param_groups:
            params, grads, states = self._grouped(group, self._init_state)
            if not params:
                continue
            _C._optim.adadelta(params, grads, [s["square_avg"] for s in states], [s["acc_delta"] for s in states],
                               [s["step"] for s in states], lr=float(group["lr"]), rho=float(group["rho"]),
                               eps=float(group["eps"]), weight_decay=float(group["weight_decay"]),
                               maximize=bool(group["maximize"]))
        return loss
