"""Adamax (Adam with the infinity norm), as torch.optim.Adamax."""
from .. import _C
from . import _validate as V
from .optimizer import Optimizer, _scalar_tensor, _zeros_like

__all__ = ["Adamax"]


class Adamax(Optimizer):
    """Adamax with weight decay and maximize (``torch.optim.Adamax``).

    ``state[p]``: ``step``, ``exp_avg``, ``exp_inf``.

    Args:
        params (iterable): the Tensors to optimize, ``(name, Tensor)`` pairs, or dicts (param groups).
        lr (float or Tensor): the learning rate. Default: 2e-3.
        betas (tuple of 2 floats): the decay rates of the first moment and of the infinity norm.
            Default: (0.9, 0.999).
        eps (float): added to the denominator for numerical stability. Default: 1e-8.
        weight_decay (float): the L2 penalty. Default: 0.
        foreach (bool, optional): accepted for compatibility; ignored.
        maximize (bool): maximize the objective instead of minimizing it. Default: False.
        differentiable (bool): must be False (autograd through the update is not supported).
        capturable (bool): accepted for compatibility; ignored. Default: False.

    Example:
        >>> w = rt.tensor([1., 2.], requires_grad=True)
        >>> opt = rt.optim.Adamax([w], lr=0.1)
        >>> (w * w).sum().backward()
        >>> opt.step()
        >>> print(w.detach().numpy().round(4))
        [0.9 1.9]
    """

    def __init__(self, params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, foreach=None, *,
                 maximize=False, differentiable=False, capturable=False):
        betas = tuple(float(b) for b in betas) if isinstance(betas, (tuple, list)) else betas
        defaults = dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, foreach=foreach, maximize=maximize,
                        differentiable=differentiable, capturable=capturable)
        super().__init__(params, defaults)

    def _validate_group(self, group):
        V.check_lr(group)
        V.check_eps(group)
        V.check_betas(group)
        V.check_nonneg(group, "weight_decay")

    @staticmethod
    def _init_state(st, p, group):
        st["step"] = _scalar_tensor(0.0)
        st["exp_avg"] = _zeros_like(p)
        st["exp_inf"] = _zeros_like(p)

    def step(self, closure=None):
        loss = self._eval_closure(closure)
        for group in self.param_groups:
            params, grads, states = self._grouped(group, self._init_state)
            if not params:
                continue
            beta1, beta2 = group["betas"]
            _C._optim.adamax(params, grads, [s["exp_avg"] for s in states], [s["exp_inf"] for s in states],
                             [s["step"] for s in states], lr=float(group["lr"]), beta1=float(beta1),
                             beta2=float(beta2), eps=float(group["eps"]), weight_decay=float(group["weight_decay"]),
                             maximize=bool(group["maximize"]))
        return loss
