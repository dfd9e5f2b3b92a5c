"""RMSprop, as torch.optim.RMSprop."""
from .. import _C
from . import _validate as V
from .optimizer import Optimizer, _scalar_tensor, _zeros_like

__all__ = ["RMSprop"]


class RMSprop(Optimizer):
    """RMSprop with optional centering, momentum, weight decay and maximize (``torch.optim.RMSprop``).

    ``state[p]``: ``step``, ``square_avg``, and ``momentum_buffer`` (momentum > 0) and ``grad_avg``
    (centered).
    """

    def __init__(self, params, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0, centered=False,
                 capturable=False, foreach=None, maximize=False, differentiable=False):
        defaults = dict(lr=lr, momentum=momentum, alpha=alpha, eps=eps, centered=centered, weight_decay=weight_decay,
                        capturable=capturable, foreach=foreach, maximize=maximize, differentiable=differentiable)
        super().__init__(params, defaults)

    def _validate_group(self, group):
        V.check_lr(group)
        V.check_eps(group)
        V.check_nonneg(group, "momentum")
        V.check_nonneg(group, "weight_decay")
        V.check_nonneg(group, "alpha")

    @staticmethod
    def _init_state(st, p, group):
        st["step"] = _scalar_tensor(0.0)
        st["square_avg"] = _zeros_like(p)
        if float(group["momentum"]) > 0:
            st["momentum_buffer"] = _zeros_like(p)
        if group["centered"]:
            st["grad_avg"] = _zeros_like(p)

    def step(self, closure=None):
        loss = self._eval_closure(closure)
        for group in self.param_groups:
            params, grads, states = self._grouped(group, self._init_state)
            if not params:
                continue
            momentum, centered = float(group["momentum"]), bool(group["centered"])
            _C._optim.rmsprop(params, grads, [s["square_avg"] for s in states],
                              [s["grad_avg"] for s in states] if centered else [],
                              [s["momentum_buffer"] for s in states] if momentum > 0 else [],
                              [s["step"] for s in states], lr=float(group["lr"]), alpha=float(group["alpha"]),
                              eps=float(group["eps"]), weight_decay=float(group["weight_decay"]), momentum=momentum,
                              centered=centered, maximize=bool(group["maximize"]))
        return loss
