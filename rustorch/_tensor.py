"""Python-level parts of Tensor: repr/str in PyTorch's format, and the print options that control it.

The layout follows torch/_tensor_str.py (precision 4, scientific notation when the magnitudes call
for it, "..." summaries above 1000 elements, 80-column lines, dtype/grad suffixes), computed on a
NumPy view of the data.
"""
import contextlib
import dataclasses
import math

import numpy as np

from . import _C
from ._C import Tensor, bool as _bool, int64


@dataclasses.dataclass
class _PrintOptions:
    precision: int = 4
    threshold: float = 1000
    edgeitems: int = 3
    linewidth: int = 80
    sci_mode: object = None


PRINT_OPTS = _PrintOptions()


def set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None, profile=None, sci_mode=None):
    """Sets the options for printing tensors (as torch.set_printoptions).

    precision: digits after the point (default 4); threshold: element count above which a tensor is
    summarized with "..." (default 1000); edgeitems: items shown at each end of a summarized dim
    (default 3); linewidth: characters per line (default 80); profile: "default", "short" or "full";
    sci_mode: True/False forces scientific notation on/off, None chooses automatically.

    Args:
        precision (int, optional): digits after the point.
        threshold (int, optional): the element count above which a tensor is summarized.
        edgeitems (int, optional): items shown at each end of a summarized dim.
        linewidth (int, optional): characters per line.
        profile (str, optional): ``"default"``, ``"short"`` or ``"full"``, applied first.
        sci_mode (bool, optional): force scientific notation on or off; None chooses automatically
            (always set, as in torch).

    Returns:
        None

    Example:
        >>> saved = rt.get_printoptions()
        >>> rt.set_printoptions(precision=2)
        >>> print(rt.tensor([[1 / 3, 2.], [3., 4.]]))
        tensor([[0.33, 2.00],
                [3.00, 4.00]])
        >>> rt.set_printoptions(**saved)
    """
    if profile is not None:
        presets = {"default": (4, 1000, 3, 80), "short": (2, 1000, 2, 80), "full": (4, math.inf, 3, 80)}
        if profile not in presets:
            raise ValueError(f"set_printoptions: unknown profile {profile!r}; expected one of {sorted(presets)}")
        PRINT_OPTS.precision, PRINT_OPTS.threshold, PRINT_OPTS.edgeitems, PRINT_OPTS.linewidth = presets[profile]
    if precision is not None:
        PRINT_OPTS.precision = precision
    if threshold is not None:
        PRINT_OPTS.threshold = threshold
    if edgeitems is not None:
        PRINT_OPTS.edgeitems = edgeitems
    if linewidth is not None:
        PRINT_OPTS.linewidth = linewidth
    PRINT_OPTS.sci_mode = sci_mode


def get_printoptions():
    """The current print options as a dict that set_printoptions(**options) accepts.

    Returns:
        dict: ``precision``, ``threshold``, ``edgeitems``, ``linewidth`` and ``sci_mode``.

    Example:
        >>> rt.get_printoptions()
        {'precision': 4, 'threshold': 1000, 'edgeitems': 3, 'linewidth': 80, 'sci_mode': None}
    """
    return dataclasses.asdict(PRINT_OPTS)


@contextlib.contextmanager
def printoptions(**kwargs):
    """Temporarily changes the print options (same arguments as set_printoptions).

    Args:
        **kwargs: the arguments of :func:`set_printoptions`.

    Returns:
        a context manager; the previous options are restored when the block exits.

    Example:
        >>> x = rt.tensor([[1 / 3, 2.], [3., 4.]])
        >>> with rt.printoptions(precision=1):
        ...     print(x)
        tensor([[0.3, 2.0],
                [3.0, 4.0]])
        >>> rt.get_printoptions()["precision"]
        4
    """
    old = get_printoptions()
    set_printoptions(**kwargs)
    try:
        yield
    finally:
        set_printoptions(**old)


class _Formatter:
    """Chooses the number format (integer-valued floats, fixed or scientific) and the column width."""

    def __init__(self, arr):
        self.floating = arr.dtype.kind == "f"
        self.int_mode = True
        self.sci_mode = False
        self.max_width = 1
        flat = arr.reshape(-1)
        if not self.floating:
            for value in flat.tolist():
                self.max_width = max(self.max_width, len(f"{value}"))
            return
        values = flat[np.isfinite(flat) & (flat != 0)]
        if values.size == 0:
            return
        magnitudes = np.abs(values.astype(np.float64))
        vmin, vmax = magnitudes.min(), magnitudes.max()
        self.int_mode = bool(np.all(values == np.ceil(values)))
        if PRINT_OPTS.sci_mode is None:
            self.sci_mode = bool(vmax / vmin > 1000.0 or vmax > 1.0e8 or vmin < 1.0e-4)
        else:
            self.sci_mode = bool(PRINT_OPTS.sci_mode)
        p = PRINT_OPTS.precision
        if self.sci_mode:
            strings = (f"{v:.{p}e}" for v in values.tolist())
            self.max_width = max(self.max_width, max(map(len, strings)))
        elif self.int_mode:
            # integer-valued floats print as "3." (the point marks a float): one more column.
            self.max_width = max(self.max_width, max(len(f"{v:.0f}") + 1 for v in values.tolist()))
        else:
            self.max_width = max(self.max_width, max(len(f"{v:.{p}f}") for v in values.tolist()))

    def width(self):
        return self.max_width

    def format(self, value):
        if self.floating:
            p = PRINT_OPTS.precision
            if self.sci_mode:
                ret = f"{value:{self.max_width}.{p}e}"
            elif self.int_mode:
                ret = f"{value:.0f}"
                if not (math.isinf(value) or math.isnan(value)):
                    ret += "."
            else:
                ret = f"{value:.{p}f}"
        else:
            ret = f"{value}"
        return (self.max_width - len(ret)) * " " + ret


class _ComplexFormatter:
    """torch's complex layout: the real and imaginary parts formatted separately ("1.5000-2.0000j")."""

    def __init__(self, arr):
        self.real = _Formatter(arr.real)
        self.imag = _Formatter(arr.imag)

    def width(self):
        return self.real.width() + self.imag.width() + 1  # + the "j"

    def format(self, value):
        real_str = self.real.format(value.real)
        imag_str = (self.imag.format(value.imag) + "j").lstrip()
        return real_str + imag_str if imag_str[0] in "+-" else real_str + "+" + imag_str


def _make_formatter(arr):
    return _ComplexFormatter(arr) if arr.dtype.kind == "c" else _Formatter(arr)


def _vector_str(arr, indent, summarize, formatter):
    element_length = formatter.width() + 2
    per_line = max(1, math.floor((PRINT_OPTS.linewidth - indent) / element_length))
    e = PRINT_OPTS.edgeitems
    if summarize and not e:
        data = ["..."]
    elif summarize and arr.shape[0] > 2 * e:
        data = ([formatter.format(v) for v in arr[:e].tolist()] + [" ..."] +
                [formatter.format(v) for v in arr[-e:].tolist()])
    else:
        data = [formatter.format(v) for v in arr.tolist()]
    lines = [", ".join(data[i:i + per_line]) for i in range(0, len(data), per_line)]
    return "[" + ("," + "\n" + " " * (indent + 1)).join(lines) + "]"


def _tensor_str_with_formatter(arr, indent, summarize, formatter):
    dim = arr.ndim
    if dim == 0:
        return formatter.format(arr.item())
    if dim == 1:
        return _vector_str(arr, indent, summarize, formatter)
    e = PRINT_OPTS.edgeitems
    if summarize and arr.shape[0] > 2 * e:
        slices = ([_tensor_str_with_formatter(arr[i], indent + 1, summarize, formatter) for i in range(e)] + ["..."] +
                  [_tensor_str_with_formatter(arr[i], indent + 1, summarize, formatter)
                   for i in range(arr.shape[0] - e, arr.shape[0])])
    else:
        slices = [_tensor_str_with_formatter(arr[i], indent + 1, summarize, formatter) for i in range(arr.shape[0])]
    return "[" + ("," + "\n" * (dim - 1) + " " * (indent + 1)).join(slices) + "]"


def _summarized_data(arr):
    """The elements a summarized print shows (so the format is chosen from those only)."""
    e = PRINT_OPTS.edgeitems
    if arr.ndim == 0:
        return arr
    if arr.ndim == 1:
        return np.concatenate((arr[:e], arr[-e:])) if arr.shape[0] > 2 * e else arr
    if not e:
        return arr[tuple(slice(0, 0) for _ in range(arr.ndim))]
    rows = list(range(e)) + list(range(arr.shape[0] - e, arr.shape[0])) if arr.shape[0] > 2 * e else \
        range(arr.shape[0])
    return np.stack([_summarized_data(arr[i]) for i in rows])


def _tensor_str(arr, indent):
    if arr.size == 0:
        return "[]"
    summarize = arr.size > PRINT_OPTS.threshold
    formatter = _make_formatter(_summarized_data(arr) if summarize else arr)
    return _tensor_str_with_formatter(arr, indent, summarize, formatter)


def _add_suffixes(tensor_str, suffixes, indent):
    parts = [tensor_str]
    last_line_len = len(tensor_str) - tensor_str.rfind("\n") + 1
    for suffix in suffixes:
        if last_line_len + len(suffix) + 2 > PRINT_OPTS.linewidth:
            parts.append(",\n" + " " * indent + suffix)
            last_line_len = indent + len(suffix)
        else:
            parts.append(", " + suffix)
            last_line_len += len(suffix) + 2
    parts.append(")")
    return "".join(parts)


def _repr(self):
    prefix = "tensor("
    indent = len(prefix)
    arr = np.asarray(self.detach())
    suffixes = []
    default_float = _C.get_default_dtype()
    default_complex = default_float.to_complex()
    if arr.size == 0:
        if self.ndim != 1:
            suffixes.append(f"size={tuple(self.shape)}")
        if self.dtype != default_float:
            suffixes.append(f"dtype={self.dtype!r}")
        tensor_str = "[]"
    else:
        if not PRINT_OPTS.edgeitems:
            suffixes.append(f"size={tuple(self.shape)}")
        if self.dtype not in (default_float, default_complex, int64, _bool):
            suffixes.append(f"dtype={self.dtype!r}")
        tensor_str = _tensor_str(arr, indent)
    if self.grad_fn is not None:
        suffixes.append(f"grad_fn=<{self.grad_fn.name()}>")
    elif self.requires_grad:
        suffixes.append("requires_grad=True")
    return _add_suffixes(prefix + tensor_str, suffixes, indent)


def _format(self, spec):
    if self.ndim == 0:
        return format(self.item(), spec)
    return _repr(self)


Tensor.__repr__ = _repr
Tensor.__str__ = _repr
Tensor.__format__ = _format
# Like torch: NumPy defers to the tensor's reflected operators (ndarray @ tensor -> tensor).
Tensor.__array_priority__ = 1000
