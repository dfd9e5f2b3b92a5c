"""Numerical gradient checks: analytic Jacobians from the engine against central differences."""
import numpy as np

from .. import _C
from .._C import Tensor


def _as_tuple(x):
    if isinstance(x, Tensor):
        return (x,)
    return tuple(x)


def _flat_outputs(fn, inputs):
    out = _as_tuple(fn(*inputs))
    return [o for o in out if isinstance(o, Tensor) and o.dtype.is_floating_point]


def _numerical_jacobians(fn, inputs, diff_idx, eps):
    """J[i][out][k, j]: d out.flat[k] / d inputs[i].flat[j] by central differences."""
    jac = []
    with _no_grad():
        base = [np.array(o.detach().numpy(), copy=True) for o in _flat_outputs(fn, inputs)]
        for i in diff_idx:
            x = inputs[i]
            view = x.detach().numpy()  # shares memory, any strides
            cols = [np.zeros((b.size, x.numel())) for b in base]
            for j, idx in enumerate(np.ndindex(*view.shape)):
                orig = view[idx].item()
                view[idx] = orig + eps
                plus = [np.array(o.numpy(), dtype=np.float64).ravel() for o in _flat_outputs(fn, inputs)]
                view[idx] = orig - eps
                minus = [np.array(o.numpy(), dtype=np.float64).ravel() for o in _flat_outputs(fn, inputs)]
                view[idx] = orig
                for c, p, m in zip(cols, plus, minus):
                    c[:, j] = (p - m) / (2 * eps)
            jac.append(cols)
    return jac


def _analytic_jacobians(fn, inputs, diff_idx):
    outputs = _flat_outputs(fn, inputs)
    diff_inputs = [inputs[i] for i in diff_idx]
    jac = [[np.zeros((o.numel(), inputs[i].numel())) for o in outputs] for i in diff_idx]
    for oi, o in enumerate(outputs):
        if not o.requires_grad:
            continue
        for k in range(o.numel()):
            onehot = np.zeros(o.numel())
            onehot[k] = 1.0
            g_out = _C.tensor(onehot.reshape(tuple(o.shape)), dtype=o.dtype)
            grads = _C._grad([o], diff_inputs, [g_out], True, False, True)
            for ii, g in enumerate(grads):
                if g is not None:
                    jac[ii][oi][k, :] = np.asarray(g.detach(), dtype=np.float64).ravel()
    return jac


class _no_grad:
    def __enter__(self):
        self.prev = _C.is_grad_enabled()
        _C._set_grad_enabled(False)

    def __exit__(self, *exc):
        _C._set_grad_enabled(self.prev)


def gradcheck(fn, inputs, eps=1e-6, atol=1e-5, rtol=1e-3, raise_exception=True):
    """Checks the gradients of fn at inputs against central finite differences.

    Args:
        fn: a function of the inputs returning a tensor or a tuple of tensors.
        inputs: a tensor or tuple of tensors; those with requires_grad=True are checked. Use
            float64 inputs: float32 differences are too coarse for these tolerances.
        eps, atol, rtol: perturbation and tolerances (|analytic - numeric| <= atol + rtol*|numeric|).
        raise_exception: raise RuntimeError on mismatch (else return False).

    Returns:
        True when every Jacobian entry matches.

    Example:
        >>> x = rt.randn(3, dtype=rt.float64, requires_grad=True)
        >>> rt.autograd.gradcheck(lambda t: (t * t).sum(), (x,))
        True
    """
    inputs = _as_tuple(inputs)
    diff_idx = [i for i, x in enumerate(inputs) if isinstance(x, Tensor) and x.requires_grad]
    if not diff_idx:
        raise ValueError("gradcheck: expected at least one input tensor with requires_grad=True")
    for i in diff_idx:
        if inputs[i].dtype != _C.float64:
            import warnings
            warnings.warn("gradcheck: input %d is not float64; the check is likely to fail from rounding" % i)
    numeric = _numerical_jacobians(fn, inputs, diff_idx, eps)
    analytic = _analytic_jacobians(fn, inputs, diff_idx)
    for ii, i in enumerate(diff_idx):
        for oi, (a, n) in enumerate(zip(analytic[ii], numeric[ii])):
            if not np.allclose(a, n, atol=atol, rtol=rtol, equal_nan=True):
                if raise_exception:
                    bad = np.argmax(np.abs(a - n) - rtol * np.abs(n))
                    k, j = np.unravel_index(bad, a.shape)
                    raise RuntimeError(
                        f"gradcheck: Jacobian mismatch for output {oi} with respect to input {i}: "
                        f"at (output element {k}, input element {j}) analytic {a[k, j]!r} vs numerical {n[k, j]!r}"
                        f"\nanalytic:\n{a}\nnumerical:\n{n}")
                return False
    return True


def gradgradcheck(fn, inputs, grad_outputs=None, eps=1e-6, atol=1e-5, rtol=1e-3, raise_exception=True):
    """Checks second derivatives: gradcheck of (inputs, grad_outputs) -> grad(fn(inputs), inputs, grad_outputs).

    grad_outputs defaults to random float64 tensors shaped like fn's outputs (fixed seed).
    """
    inputs = _as_tuple(inputs)
    diff_idx = [i for i, x in enumerate(inputs) if isinstance(x, Tensor) and x.requires_grad]
    outputs = _flat_outputs(fn, inputs)
    if grad_outputs is None:
        rng = np.random.default_rng(0)
        grad_outputs = tuple(_C.tensor(rng.standard_normal(tuple(o.shape)), dtype=o.dtype, requires_grad=True)
                             for o in outputs)
    grad_outputs = _as_tuple(grad_outputs)
    n_in = len(inputs)

    def first_grad(*args):
        xs, gos = args[:n_in], args[n_in:]
        prev = _C.is_grad_enabled()
        _C._set_grad_enabled(True)  # the numerical pass runs under no_grad; the inner grad needs a graph
        try:
            outs = _flat_outputs(fn, xs)
            grads = _C._grad(outs, [xs[i] for i in diff_idx], list(gos), True, True, True)
        finally:
            _C._set_grad_enabled(prev)
        return tuple(g for g in grads if g is not None)

    return gradcheck(first_grad, inputs + grad_outputs, eps=eps, atol=atol, rtol=rtol,
                     raise_exception=raise_exception)
