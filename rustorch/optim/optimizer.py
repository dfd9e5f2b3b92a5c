"""The Optimizer base class: parameter groups, per-parameter state and (de)serialisation.

Follows ``torch.optim.Optimizer``. Subclasses gather each group's parameters, gradients and state
tensors into lists and hand them to one fused C++ update (``rustorch._C._optim``) per group.
"""
from collections import defaultdict
from copy import deepcopy
from itertools import chain

import numpy as np

from .. import _C
from .._C import Tensor, float32
from ..autograd import enable_grad

__all__ = ["Optimizer", "required"]


class _RequiredParameter:
    """Singleton marking a hyper-parameter that every param group must give."""

    def __repr__(self):
        return "<required parameter>"


required = _RequiredParameter()


def _typename(x):
    return type(x).__module__ + "." + type(x).__qualname__ if not isinstance(x, Tensor) else "rustorch.Tensor"


def _zeros_like(p):
    return _C.zeros(tuple(p.shape), dtype=p.dtype)


def _full_like(p, value):
    return _C.full(tuple(p.shape), value, dtype=p.dtype)


def _scalar_tensor(value):
    """A 0-d float32 tensor, as PyTorch keeps optimizer step counters."""
    return _C.tensor(float(value), dtype=float32)


def _as_tensor(value):
    if isinstance(value, Tensor):
        return value
    if isinstance(value, np.ndarray):
        return _C.tensor(value)
    return None


class Optimizer:
    """Base class of all optimizers.

    Args:
        params: an iterable of Tensors, of ``(name, Tensor)`` pairs, or of dicts (param groups with
            per-group options under the same keys as ``defaults``).
        defaults: default values of the optimization options.

    Example:
        >>> w, b = rt.ones(2, requires_grad=True), rt.zeros(1, requires_grad=True)
        >>> opt = rt.optim.SGD([{"params": [w]}, {"params": [b], "lr": 0.5}], lr=0.1)
        >>> [g["lr"] for g in opt.param_groups]
        [0.1, 0.5]
        >>> opt.zero_grad()
        >>> sorted(opt.state_dict())
        ['param_groups', 'state']
    """

    # State entries that are 0-d step counters kept as float32 tensors (as in PyTorch).
    _scalar_state_keys = ("step",)

    def __init__(self, params, defaults):
        if defaults.get("differentiable"):
            raise NotImplementedError(f"{type(self).__name__}: differentiable=True (autograd through the update) "
                                      "is not supported; updates always run in place without recording a graph")
        self._validate_group(defaults)
        self.defaults = defaults
        if isinstance(params, Tensor):
            raise TypeError("params argument given to the optimizer should be an iterable of Tensors or dicts, "
                            "but got " + _typename(params))
        if isinstance(params, (set, frozenset)):
            raise TypeError("optimizer parameters need to be organized in ordered collections, but the ordering "
                            "of tensors in sets will change between runs. Please use a list instead.")
        self.state = defaultdict(dict)
        self.param_groups = []
        param_groups = list(params)
        if len(param_groups) == 0:
            raise ValueError("optimizer got an empty parameter list")
        if not isinstance(param_groups[0], dict):
            param_groups = [{"params": param_groups}]
        for param_group in param_groups:
            self.add_param_group(param_group)

    # ------------------------------------------------------------------------------------ groups
    def _validate_group(self, group):
        """Raises ValueError for out-of-range options of one group (subclasses extend)."""
        lr = group.get("lr", 0.0)
        if lr is not required and not 0.0 <= float(lr):
            raise ValueError(f"Invalid learning rate: {lr}")

    def add_param_group(self, param_group):
        """Adds a param group (a dict with ``params`` and optional per-group options)."""
        if not isinstance(param_group, dict):
            raise TypeError(f"param_group must be a dict, but got {type(param_group).__name__}")
        if "params" not in param_group:
            raise ValueError("param_group must have a 'params' entry")
        params = param_group["params"]
        if isinstance(params, Tensor):
            params = [params]
        elif isinstance(params, (set, frozenset)):
            raise TypeError("optimizer parameters need to be organized in ordered collections, but the ordering "
                            "of tensors in sets will change between runs. Please use a list instead.")
        else:
            params = list(params)

        names, tensors = [], []
        for p in params:
            if isinstance(p, tuple) and len(p) == 2 and isinstance(p[0], str):
                names.append(p[0])
                tensors.append(p[1])
            else:
                tensors.append(p)
        param_group["params"] = tensors
        if names:
            if len(names) != len(tensors):
                raise ValueError("all optimizer params should be with/without names. Some param names are missing")
            param_group["param_names"] = names

        for p in tensors:
            if not isinstance(p, Tensor):
                raise TypeError("optimizer can only optimize Tensors, but one of the params is " + _typename(p))
            if not p.is_floating_point():
                raise TypeError(f"optimizer can only optimize floating-point Tensors, but got one of dtype {p.dtype}")
            if not (p.is_leaf or p.retains_grad):
                raise ValueError("can't optimize a non-leaf Tensor")

        for name, default in self.defaults.items():
            if default is required and name not in param_group:
                raise ValueError(f"parameter group didn't specify a value of required optimization parameter {name}")
            param_group.setdefault(name, default)
        self._validate_group(param_group)

        if len({id(p) for p in tensors}) != len(tensors):
            raise ValueError("optimizer contains a parameter group with duplicate parameters")
        seen = set()
        for group in self.param_groups:
            seen.update(id(p) for p in group["params"])
            if ("param_names" in param_group) != ("param_names" in group):
                which = "with names" if "param_names" in param_group else "without names"
                raise ValueError("all optimizer param groups should be with/without names. "
                                 f"cannot add param group {which} to the optimizer")
        if any(id(p) in seen for p in tensors):
            raise ValueError("some parameters appear in more than one parameter group")
        self.param_groups.append(param_group)

    # ------------------------------------------------------------------------------------- steps
    def zero_grad(self, set_to_none=True):
        """Resets the gradients of all optimized tensors (to None by default, else to zeros)."""
        for group in self.param_groups:
            for p in group["params"]:
                g = p.grad
                if g is None:
                    continue
                if set_to_none:
                    p.grad = None
                else:
                    if g.grad_fn is not None:
                        g.detach_()
                    else:
                        g.requires_grad_(False)
                    g.zero_()

    def step(self, closure=None):
        """Performs one optimization step (re-evaluating the loss with ``closure`` if given)."""
        raise NotImplementedError

    @staticmethod
    def _eval_closure(closure):
        if closure is None:
            return None
        with enable_grad():
            return closure()

    def _grouped(self, group, init_state):
        """The params of `group` that have a gradient, their gradients and states (initialised by
        ``init_state(p, group)`` when empty)."""
        params, grads, states = [], [], []
        state = self.state
        for p in group["params"]:
            g = p.grad
            if g is None:
                continue
            st = state[p]
            if not st:
                init_state(st, p, group)
            params.append(p)
            grads.append(g)
            states.append(st)
        return params, grads, states

    # ---------------------------------------------------------------------------- serialisation
    def state_dict(self):
        """The optimizer's state as a dict: ``state`` (per-parameter state keyed by the parameter's
        index over all groups, in order) and ``param_groups`` (options, and ``params`` as indices).
        Holds only tensors, numbers, strings, bools, None, lists and tuples (no code), and refers to
        the live state tensors (as in PyTorch)."""
        param_mappings = {}
        start_index = 0

        def pack_group(group):
            nonlocal start_index
            packed = {k: v for k, v in group.items() if k != "params"}
            for i, p in enumerate(group["params"], start_index):
                param_mappings.setdefault(id(p), i)
            packed["params"] = [param_mappings[id(p)] for p in group["params"]]
            start_index += len(packed["params"])
            return packed

        param_groups = [pack_group(g) for g in self.param_groups]
        packed_state = {(param_mappings[id(k)] if isinstance(k, Tensor) else k): v for k, v in self.state.items()}
        return {"state": packed_state, "param_groups": param_groups}

    def load_state_dict(self, state_dict):
        """Loads a state from :meth:`state_dict` (of this optimizer or another with the same group
        sizes). State tensors are copied and cast to their parameter's dtype; step counters become
        float32 tensors. Also accepts the dict after a JSON round trip (string keys, lists for tuples,
        NumPy arrays or numbers for tensors)."""
        state_dict = dict(state_dict)
        groups = self.param_groups
        saved_groups = deepcopy(state_dict["param_groups"])
        if len(groups) != len(saved_groups):
            raise ValueError("loaded state dict has a different number of parameter groups")
        for g, sg in zip(groups, saved_groups):
            if len(g["params"]) != len(sg["params"]):
                raise ValueError("loaded state dict contains a parameter group that doesn't match the size of "
                                 "optimizer's group")
        id_map = dict(zip(chain.from_iterable(_int_keys(g["params"]) for g in saved_groups),
                          chain.from_iterable(g["params"] for g in groups)))

        def cast(param, value, key=None):
            t = _as_tensor(value)
            if t is not None:
                if key in self._scalar_state_keys:
                    return t.clone()
                return t.to(param.dtype).clone() if param.is_floating_point() else t.clone()
            if key in self._scalar_state_keys and isinstance(value, (int, float)) and not isinstance(value, bool):
                return _scalar_tensor(value)
            if isinstance(value, dict):
                return {k: cast(param, v, k) for k, v in value.items()}
            if isinstance(value, (list, tuple)):
                return type(value)(cast(param, v) for v in value)
            return value

        state = defaultdict(dict)
        for k, v in state_dict["state"].items():
            k = _int_key(k)
            if k in id_map:
                param = id_map[k]
                state[param] = cast(param, v)
            else:
                state[k] = v

        new_groups = []
        for g, sg in zip(groups, saved_groups):
            sg["params"] = g["params"]
            if "param_names" in g and "param_names" not in sg:
                sg["param_names"] = g["param_names"]
            for key, val in g.items():  # JSON turns tuples (betas) into lists
                if isinstance(val, tuple) and isinstance(sg.get(key), list):
                    sg[key] = tuple(sg[key])
            new_groups.append(sg)
        self.state = state
        self.param_groups = new_groups

    def __getstate__(self):
        return {"defaults": self.defaults, "state": self.state, "param_groups": self.param_groups}

    def __setstate__(self, state):
        self.__dict__.update(state)

    def __repr__(self):
        s = self.__class__.__name__ + " ("
        for i, group in enumerate(self.param_groups):
            s += f"\nParameter Group {i}\n"
            for key in sorted(group.keys()):
                if key != "params":
                    s += f"    {key}: {group[key]}\n"
        return s + ")"


def _int_key(k):
    if isinstance(k, str) and k.lstrip("-").isdigit():
        return int(k)
    return k


def _int_keys(ks):
    return [_int_key(k) for k in ks]
