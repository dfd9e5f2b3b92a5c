"""Adam and AdamW, as torch.optim.Adam / torch.optim.AdamW."""
from .. import _C
from . import _validate as V
from .optimizer import Optimizer, _scalar_tensor, _zeros_like

__all__ = ["Adam", "AdamW"]


class Adam(Optimizer):
    """Adam (with optional AMSGrad, maximize, and L2 or decoupled weight decay).

    Same update as ``torch.optim.Adam`` (bias-corrected moments; ``state[p]`` holds ``step`` (a 0-d
    float32 tensor), ``exp_avg``, ``exp_avg_sq`` and with amsgrad ``max_exp_avg_sq``); each group is
    updated by one fused C++ call. ``foreach``/``capturable``/``differentiable``/``fused`` are
    accepted for compatibility and ignored.

    Args:
        params (iterable): the Tensors to optimize, ``(name, Tensor)`` pairs, or dicts (param groups).
        lr (float or Tensor): the learning rate. Default: 1e-3.
        betas (tuple of 2 floats): the decay rates of the first and second moment averages.
            Default: (0.9, 0.999).
        eps (float): added to the denominator for numerical stability. Default: 1e-8.
        weight_decay (float): the L2 penalty (decoupled when ``decoupled_weight_decay``). Default: 0.
        amsgrad (bool): use the running maximum of the second moment (AMSGrad). Default: False.
        foreach (bool, optional): accepted for compatibility; ignored.
        maximize (bool): maximize the objective instead of minimizing it. Default: False.
        capturable (bool): accepted for compatibility; ignored. Default: False.
        differentiable (bool): must be False (autograd through the update is not supported).
        fused (bool, optional): accepted for compatibility; ignored.
        decoupled_weight_decay (bool): apply the weight decay as in AdamW. Default: False.

    Example:
        >>> w = rt.tensor([1., 2.], requires_grad=True)
        >>> opt = rt.optim.Adam([w], lr=0.1)
        >>> (w * w).sum().backward()
        >>> opt.step()
        >>> print(w.detach().numpy().round(4))
        [0.9 1.9]
    """

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, amsgrad=False, *,
                 foreach=None, maximize=False, capturable=False, differentiable=False, fused=None,
                 decoupled_weight_decay=False):
        betas = tuple(float(b) for b in betas) if isinstance(betas, (tuple, list)) else betas
        defaults = dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, amsgrad=amsgrad, maximize=maximize,
                        foreach=foreach, capturable=capturable, differentiable=differentiable, fused=fused,
                        decoupled_weight_decay=decoupled_weight_decay)
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
        st["exp_avg_sq"] = _zeros_like(p)
        if group["amsgrad"]:
            st["max_exp_avg_sq"] = _zeros_like(p)

    def step(self, closure=None):
        loss = self._eval_closure(closure)
        for group in self.param_groups:
            params, grads, states = self._grouped(group, self._init_state)
            if not params:
                continue
            amsgrad = bool(group["amsgrad"])
            beta1, beta2 = group["betas"]
            _C._optim.adam(params, grads, [s["exp_avg"] for s in states], [s["exp_avg_sq"] for s in states],
                           [s["max_exp_avg_sq"] for s in states] if amsgrad else [],
                           [s["step"] for s in states], lr=float(group["lr"]), beta1=float(beta1),
                           beta2=float(beta2), eps=float(group["eps"]), weight_decay=float(group["weight_decay"]),
                           amsgrad=amsgrad, maximize=bool(group["maximize"]),
                           decoupled_weight_decay=bool(group["decoupled_weight_decay"]))
        return loss


class AdamW(Adam):
    """AdamW: Adam with decoupled weight decay (``param *= 1 - lr * weight_decay``), as
    ``torch.optim.AdamW``.

    Args:
        params (iterable): the Tensors to optimize, ``(name, Tensor)`` pairs, or dicts (param groups).
        lr (float or Tensor): the learning rate. Default: 1e-3.
        betas (tuple of 2 floats): the decay rates of the first and second moment averages.
            Default: (0.9, 0.999).
        eps (float): added to the denominator for numerical stability. Default: 1e-8.
        weight_decay (float): the decoupled weight decay coefficient. Default: 1e-2.
        amsgrad (bool): use the running maximum of the second moment (AMSGrad). Default: False.
        maximize (bool): maximize the objective instead of minimizing it. Default: False.
        foreach (bool, optional): accepted for compatibility; ignored.
        capturable (bool): accepted for compatibility; ignored. Default: False.
        differentiable (bool): must be False (autograd through the update is not supported).
        fused (bool, optional): accepted for compatibility; ignored.

    Example:
        >>> w = rt.tensor([1., 2.], requires_grad=True)
        >>> opt = rt.optim.AdamW([w], lr=0.1)
        >>> (w * w).sum().backward()
        >>> opt.step()
        >>> print(w.detach().numpy().round(4))
        [0.899 1.898]
    """

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False, *,
                 maximize=False, foreach=None, capturable=False, differentiable=False, fused=None):
        super().__init__(params, lr, betas, eps, weight_decay, amsgrad, foreach=foreach, maximize=maximize,
                         capturable=capturable, differentiable=differentiable, fused=fused,
                         decoupled_weight_decay=True)

    def load_state_dict(self, state_dict):
        super().load_state_dict(state_dict)
        for group in self.param_groups:
            group["decoupled_weight_decay"] = True
