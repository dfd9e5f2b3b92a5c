"""RMSprop, as torch.optim.RMSprop."""
from .. import _C
from . import _validate as V
from .optimizer import Optimizer, _scalar_tensor, _zeros_like

__all__ = ["RMSprop"]


class RMSprop(Optimizer):
    """RMSprop with optional centering, momentum, weight decay and maximize (``torch.optim.RMSprop``).

    ``state[p]``: ``step``, ``square_avg``, and ``momentum_buffer`` (momentum > 0) and ``grad_avg``
    (centered).

    Args:
        params (iterable): the Tensors to optimize, ``(name, Tensor)`` pairs, or dicts (param groups).
        lr (float or Tensor): the learning rate. Default: 1e-2.
        alpha (float): the smoothing constant of the squared-gradient average. Default: 0.99.
        eps (float): added to the denominator for numerical stability. Default: 1e-8.
        weight_decay (float): the L2 penalty. Default: 0.
        momentum (float): the momentum factor. Default: 0.
        centered (bool): normalize by the estimated variance of the gradient. Default: False.
        capturable (bool): accepted for compatibility; ignored. Default: False.
        foreach (bool, optional): accepted for compatibility; ignored.
        maximize (bool): maximize the objective instead of minimizing it. Default: False.
        differentiable (bool): must be False (autograd through the update is not supported).

    Example:
        >>> w = rt.tensor([1., 2.], requires_grad=True)
        >>> opt = rt.optim.RMSprop([w], lr=0.01)
        >>> (w * w).sum().backward()
        >>> opt.step()
        >>> print(w.detach().numpy().round(4))
        [0.9 1.9]
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
