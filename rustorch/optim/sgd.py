"""Stochastic gradient descent (optionally with momentum), as torch.optim.SGD."""
from .. import _C
from . import _validate as V
from .optimizer import Optimizer

__all__ = ["SGD"]


class SGD(Optimizer):
    """SGD with optional (Nesterov) momentum, dampening, weight decay and maximize.

    Same update as ``torch.optim.SGD``; each group is updated by one fused C++ call. The momentum
    buffer of a parameter is created from its first gradient (``state[p]['momentum_buffer']``).
    ``foreach``/``differentiable``/``fused`` are accepted for compatibility and ignored.

    Args:
        params (iterable): the Tensors to optimize, ``(name, Tensor)`` pairs, or dicts (param groups).
        lr (float or Tensor): the learning rate. Default: 1e-3.
        momentum (float): the momentum factor. Default: 0.
        dampening (float): the dampening of the momentum. Default: 0.
        weight_decay (float): the L2 penalty. Default: 0.
        nesterov (bool): use Nesterov momentum (needs a momentum and zero dampening). Default: False.
        maximize (bool): maximize the objective instead of minimizing it. Default: False.
        foreach (bool, optional): accepted for compatibility; ignored.
        differentiable (bool): must be False (autograd through the update is not supported).
        fused (bool, optional): accepted for compatibility; ignored.

    Example:
        >>> w = rt.tensor([1., 2.], requires_grad=True)
        >>> opt = rt.optim.SGD([w], lr=0.1)
        >>> (w * w).sum().backward()
        >>> opt.step()
        >>> print(w.detach().numpy().round(4))
        [0.8 1.6]
    """

    def __init__(self, params, lr=1e-3, momentum=0, dampening=0, weight_decay=0, nesterov=False, *,
                 maximize=False, foreach=None, differentiable=False, fused=None):
        defaults = dict(lr=lr, momentum=momentum, dampening=dampening, weight_decay=weight_decay, nesterov=nesterov,
                        maximize=maximize, foreach=foreach, differentiable=differentiable, fused=fused)
        super().__init__(params, defaults)

    def _validate_group(self, group):
        V.check_lr(group)
        V.check_nonneg(group, "momentum")
        V.check_nonneg(group, "weight_decay")
        if group["nesterov"] and (float(group["momentum"]) <= 0 or float(group["dampening"]) != 0):
            raise ValueError("Nesterov momentum requires a momentum and zero dampening")

    def step(self, closure=None):
        loss = self._eval_closure(closure)
        state = self.state
        for group in self.param_groups:
            momentum = float(group["momentum"])
            params, grads, bufs = [], [], []
            for p in group["params"]:
                g = p.grad
                if g is None:
                    continue
                params.append(p)
                grads.append(g)
                if momentum != 0:
                    bufs.append(state[p].get("momentum_buffer"))
            if not params:
                continue
            bufs = _C._optim.sgd(params, grads, bufs, lr=float(group["lr"]), momentum=momentum,
                                 dampening=float(group["dampening"]), weight_decay=float(group["weight_decay"]),
                                 nesterov=bool(group["nesterov"]), maximize=bool(group["maximize"]))
            if bufs is not None:  # buffers were created on this step
                for p, b in zip(params, bufs):
                    state[p]["momentum_buffer"] = b
        return loss
