"""Python-level parts of Tensor: repr and small conveniences that are not on a hot path."""
import numpy as np

from ._C import Tensor, float32, int64

_DEFAULT_DTYPES = (float32, int64)


def _format_values(t):
    arr = np.asarray(t.detach())
    if arr.dtype == np.bool_:
        return np.array2string(arr, separator=", ", prefix="tensor(",
                               formatter={"bool": lambda v: "True" if v else "False"})
    if arr.dtype.kind == "f":
        finite = arr[np.isfinite(arr)]
        integral = finite.size == 0 or np.all(finite == np.round(finite))
        big = finite.size > 0 and (np.abs(finite).max() >= 1e8 or
                                   (np.abs(finite[finite != 0]).min() < 1e-4 if np.any(finite != 0) else False))
        if big:
            fmt = lambda v: f"{v:.4e}"  # noqa: E731
        elif integral:
            fmt = lambda v: f"{v:.0f}." if np.isfinite(v) else str(v)  # noqa: E731
        else:
            fmt = lambda v: f"{v:.4f}"  # noqa: E731
        return np.array2string(arr, separator=", ", prefix="tensor(", formatter={"float_kind": fmt},
                               threshold=1000, edgeitems=3, max_line_width=80)
    return np.array2string(arr, separator=", ", prefix="tensor(", threshold=1000, edgeitems=3, max_line_width=80)


def _repr(self):
    body = _format_values(self)
    extras = []
    if self.numel() == 0 and self.ndim > 1:
        extras.append(f"size={tuple(self.shape)}")
    if self.dtype not in _DEFAULT_DTYPES or (self.numel() == 0 and self.dtype != float32):
        extras.append(f"dtype={self.dtype!r}")
    if self.grad_fn is not None:
        extras.append(f"grad_fn=<{self.grad_fn.name()}>")
    elif self.requires_grad:
        extras.append("requires_grad=True")
    return "tensor(" + body + "".join(", " + e for e in extras) + ")"


Tensor.__repr__ = _repr
Tensor.__str__ = _repr
Tensor.__format__ = lambda self, spec: format(self.item(), spec) if self.numel() == 1 and self.ndim == 0 else _repr(self)
