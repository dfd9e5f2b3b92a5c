"""``Model.summary()``: a Keras-style table of layers, output shapes and parameter counts."""
from .. import _C
from .._C import Tensor
from ..autograd import no_grad

__all__ = ["summarize", "format_size"]

_WIDTHS = (34, 26, 12)


def format_size(nbytes):
    """Keras's size notation: '215.04 KB' (1 KB = 1024 bytes)."""
    for unit in ("B", "KB", "MB", "GB"):
        if nbytes < 1024 or unit == "GB":
            return f"{nbytes:.2f} {unit}"
        nbytes /= 1024.0
    return f"{nbytes:.2f} GB"  # pragma: no cover


def _shape_of(out):
    if isinstance(out, Tensor):
        return "(None" + "".join(f", {d}" for d in out.shape[1:]) + ")" if out.dim() else "()"
    if isinstance(out, (tuple, list)):
        return "[" + ", ".join(_shape_of(o) for o in out) + "]"
    if isinstance(out, dict):
        return "{" + ", ".join(f"{k}: {_shape_of(v)}" for k, v in out.items()) + "}"
    return type(out).__name__


def _first_leaf(module):
    for m in module.modules():
        if not any(True for _ in m.children()):
            return m
    return module


def _row(cells):
    a, b, c = cells
    w0, w1, w2 = _WIDTHS
    return f" {a:<{w0 - 1}}{b:<{w1}}{c:>{w2}}"


def _counts(tensors):
    n = sum(t.numel() for t in tensors)
    nbytes = sum(t.numel() * t.element_size() for t in tensors)
    return n, nbytes


def summarize(model, input_shape=None, dtype=None):
    """The summary text. Rows are the model's direct children (a Sequential's layers), with the
    parameters of everything inside them. Trainable params are parameters with
    ``requires_grad``; non-trainable are frozen parameters plus floating-point buffers (e.g.
    BatchNorm's running statistics), as Keras counts them."""
    children = list(model.named_children())
    shapes = {}
    if input_shape is not None:
        shape = tuple(int(d) for d in input_shape)
        if dtype is None:
            from ..nn.modules.sparse import Embedding  # noqa: PLC0415
            dtype = _C.int64 if isinstance(_first_leaf(model), Embedding) else _C.float32
        dummy = _C.zeros((2,) + shape, dtype=dtype)
        handles = []
        for name, child in children:
            def hook(module, args, output, name=name):
                shapes[name] = _shape_of(output)
            handles.append(child.register_forward_hook(hook))
        was = model.training
        model.eval()
        try:
            with no_grad():
                out = model(dummy)
        except Exception as e:
            raise ValueError(f"summary: running a dummy batch of shape {(2,) + shape} through "
                             f"{type(model).__name__} failed: {e}") from e
        finally:
            for h in handles:
                h.remove()
            model.train(was)
        if not children:
            shapes[""] = _shape_of(out)
    width = sum(_WIDTHS)
    lines = [f'Model: "{getattr(model, "name", type(model).__name__)}"', "_" * width,
             _row(("Layer (type)", "Output Shape", "Param #")), "=" * width]
    rows = children if children else [("", model)]
    for name, child in rows:
        label = f"{name} ({type(child).__name__})" if name else type(child).__name__
        n = sum(p.numel() for p in child.parameters())
        shape = shapes.get(name, "?")
        lines.append(_row((label, shape, f"{n:,}")))
    trainable = [p for p in model.parameters() if p.requires_grad]
    frozen = [p for p in model.parameters() if not p.requires_grad]
    frozen += [b for b in model.buffers() if b.is_floating_point()]
    t_n, t_b = _counts(trainable)
    f_n, f_b = _counts(frozen)
    lines.append("=" * width)
    lines.append(f" Total params: {t_n + f_n:,} ({format_size(t_b + f_b)})")
    lines.append(f" Trainable params: {t_n:,} ({format_size(t_b)})")
    lines.append(f" Non-trainable params: {f_n:,} ({format_size(f_b)})")
    lines.append("_" * width)
    return "\n".join(lines)
