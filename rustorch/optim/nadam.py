"""NAdam (Adam with Nesterov momentum), as torch.optim.NAdam."""
from .. import _C
from . import _validate as V
from .optimizer import Optimizer, _scalar_tensor, _zeros_like

__all__ = ["NAdam"]


class NAdam(Optimizer):
    """NAdam with momentum decay, L2 or decoupled weight decay and maximize (``torch.optim.NAdam``).

    ``state[p]``: ``step``, ``mu_product`` (0-d float32), ``exp_avg``, ``exp_avg_sq``.

    Args:
        params (iterable): the Tensors to optimize, ``(name, Tensor)`` pairs, or dicts (param groups).
        lr (float or Tensor): the learning rate. Default: 2e-3.
        betas (tuple of 2 floats): the decay rates of the first and second moment averages.
            Default: (0.9, 0.999).
        eps (float): added to the denominator for numerical stability. Default: 1e-8.
        weight_decay (float): the weight decay (L2 penalty unless ``decoupled_weight_decay``). Default: 0.
        momentum_decay (float): the momentum decay. Default: 4e-3.
        decoupled_weight_decay (bool): apply the weight decay as in AdamW. Default: False.
        foreach (bool, optional): accepted for compatibility; ignored.
        maximize (bool): maximize the objective instead of minimizing it. Default: False.
        capturable (bool): accepted for compatibility; ignored. Default: False.
        differentiable (bool): must be False (autograd through the update is not supported).

    Example:
        >>> w = rt.tensor([1., 2.], requires_grad=True)
        >>> opt = rt.optim.NAdam([w], lr=0.1)
        >>> (w * w).sum().backward()
        >>> opt.step()
        >>> print(w.detach().numpy().round(4))
        [0.8944 1.8944]
    """

    _scalar_state_keys = ("step", "mu_product")

    def __init__(self, params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, momentum_decay=4e-3,
                 decoupled_weight_decay=False, *, foreach=None, maximize=False, capturable=False,
                 differentiable=False):
        betas = tuple(float(b) for b in betas) if isinstance(betas, (tuple, list)) else betas
        defaults = dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, momentum_decay=momentum_decay,
                        decoupled_weight_decay=decoupled_weight_decay, maximize=maximize, foreach=foreach,
                        capturable=capturable, differentiable=differentiable)
        super().__init__(params, defaults)

    def _validate_group(self, group):
        V.check_lr(group)
        V.check_eps(group)
        V.check_betas(group)
        V.check_nonneg(group, "weight_decay")
        V.check_nonneg(group, "momentum_decay")

    @staticmethod
    def _init_state(st, p, group):
        st["step"] = _scalar_tensor(0.0)
        st["mu_product"] = _scalar_tensor(1.0)
        st["exp_avg"] = _zeros_like(p)
        st["exp_avg_sq"] = _zeros_like(p)

    def step(self, closure=None):
        loss = self._eval_closure(closure)
        for group in self.param_groups:
            params, grads, states = self._grouped(group, self._init_state)
            if not params:
                continue
            beta1, beta2 = group["betas"]
            _C._optim.nadam(params, grads, [s["exp_avg"] for s in states], [s["exp_avg_sq"] for s in states],
                            [s["mu_product"] for s in states], [s["step"] for s in states], lr=float(group["lr"]),
                            beta1=float(beta1), beta2=float(beta2), eps=float(group["eps"]),
                            weight_decay=float(group["weight_decay"]),
                            momentum_decay=float(group["momentum_decay"]),
                            decoupled_weight_decay=bool(group["decoupled_weight_decay"]),
                            maximize=bool(group["maximize"]))
        return loss
