"""Turns what ``fit``/``evaluate``/``predict`` accept into batches ``(x, y, sample_weight)``.

Accepted: tensors or NumPy arrays (``x`` with ``y``), an ``(x, y)`` or ``(x, y, sample_weight)``
tuple, a ``Dataset`` (samples ``(x, y)`` or ``(x, y, w)``) or a ``DataLoader`` (used as given: its
batch size and sampler). In-memory data goes through a ``TensorDataset`` + ``DataLoader``, whose
batches are gathered in one C++ call.
"""
import numpy as np

from .. import _C
from .._C import Tensor
from ..data import DataLoader, Dataset, IterableDataset, Subset, TensorDataset

__all__ = ["DataHandler", "make_handler", "split_validation", "unpack"]


def _to_tensor(a, name):
    if isinstance(a, Tensor):
        return a
    if isinstance(a, np.ndarray):
        if a.dtype == np.float64:  # Keras casts float input to float32 (its floatx)
            a = a.astype(np.float32)
        elif a.dtype.kind in "iu" or a.dtype == np.bool_:
            a = a.astype(np.int64)
        elif a.dtype != np.float32:
            raise TypeError(f"{name}: unsupported array dtype {a.dtype}")
        return _C.tensor(np.ascontiguousarray(a))
    if isinstance(a, (list, tuple)) and a and isinstance(a[0], (int, float, list, tuple)):
        return _to_tensor(np.asarray(a), name)
    raise TypeError(f"{name}: expected a rustorch Tensor or a NumPy array, got {type(a).__name__}")


def unpack(batch):
    """(x, y, sample_weight) from a batch: a tuple/list of 1-3 items, or a lone input tensor."""
    if isinstance(batch, (tuple, list)):
        if len(batch) == 2:
            return batch[0], batch[1], None
        if len(batch) == 3:
            return batch[0], batch[1], batch[2]
        if len(batch) == 1:
            return batch[0], None, None
        raise ValueError(f"a batch must be (x,), (x, y) or (x, y, sample_weight); got a {type(batch).__name__} of "
                         f"{len(batch)} items")
    return batch, None, None


def _class_weight_table(class_weight):
    if not isinstance(class_weight, dict) or not class_weight:
        raise ValueError(f"fit: class_weight must be a non-empty dict {{class index: weight}}, got {class_weight!r}")
    n = max(int(k) for k in class_weight) + 1
    if min(int(k) for k in class_weight) < 0:
        raise ValueError(f"fit: class_weight keys must be class indices >= 0, got {sorted(class_weight)}")
    table = np.ones(n, dtype=np.float32)  # classes missing from the dict weigh 1, as in Keras
    for k, v in class_weight.items():
        table[int(k)] = float(v)
    return table


def class_weights_for(y, table):
    """Per-sample weights (float32 tensor, (N,)) for targets ``y`` from a class-weight table."""
    t = y.detach().numpy() if isinstance(y, Tensor) else np.asarray(y)
    if t.ndim == 2 and t.shape[1] > 1:  # one-hot
        idx = t.argmax(1)
    else:
        idx = t.reshape(t.shape[0], -1)
        if idx.shape[1] != 1:
            raise ValueError(f"fit: class_weight needs one class per sample, got targets of shape {tuple(t.shape)}")
        idx = idx[:, 0]
        idx = np.rint(idx).astype(np.int64) if idx.dtype.kind == "f" else idx.astype(np.int64)
    if idx.size and (idx.min() < 0 or idx.max() >= len(table)):
        bad = int(idx.max()) if idx.size and idx.max() >= len(table) else int(idx.min())
        raise ValueError(f"fit: class_weight has no entry for class {bad} (keys cover 0..{len(table) - 1})")
    return _C.tensor(table[idx])


class _ClassWeighted:
    """Wraps a batch iterable: multiplies each batch's sample weights by its class weights."""

    def __init__(self, loader, table):
        self.loader = loader
        self.table = table

    def __iter__(self):
        for batch in self.loader:
            x, y, sw = unpack(batch)
            if y is None:
                raise ValueError("fit: class_weight needs targets")
            w = class_weights_for(y, self.table)
            yield x, y, (w if sw is None else w * sw.to(_C.float32).reshape(-1))

    def __len__(self):
        return len(self.loader)


class DataHandler:
    """One source of batches for a whole fit: ``epoch_batches(epoch)`` yields the batches of one
    epoch. With ``steps_per_epoch`` the underlying iterator continues across epochs (as in
    Keras) and starts a new pass, reshuffled, when it runs out; with ``restart_each_epoch``
    (Lightning's ``limit_train_batches``) each epoch takes the first steps of a fresh pass."""

    def __init__(self, loader, steps_per_epoch=None, restart_each_epoch=False):
        self.loader = loader
        self.steps_per_epoch = steps_per_epoch
        self.restart_each_epoch = restart_each_epoch
        self._iterator = None
        try:
            self.num_batches = len(loader)
        except TypeError:
            self.num_batches = None

    @property
    def steps(self):
        """Steps per epoch, or None when unknown (an iterable without a length)."""
        if self.steps_per_epoch is not None:
            if self.restart_each_epoch and self.num_batches is not None:
                return min(self.steps_per_epoch, self.num_batches)
            return self.steps_per_epoch
        return self.num_batches

    def epoch_batches(self):
        if self.steps_per_epoch is None:
            yield from self.loader
            return
        if self.restart_each_epoch:
            for i, batch in enumerate(self.loader):
                if i >= self.steps_per_epoch:
                    break
                yield batch
            return
        produced = 0
        while produced < self.steps_per_epoch:
            if self._iterator is None:
                self._iterator = iter(self.loader)
                self._pass_has_batches = False
            try:
                batch = next(self._iterator)
            except StopIteration:
                self._iterator = None
                if not self._pass_has_batches:
                    raise ValueError("fit: the training data produced no batches") from None
                continue
            self._pass_has_batches = True
            produced += 1
            yield batch


def _is_loader(x):
    return isinstance(x, DataLoader)


def make_loader(x, y=None, sample_weight=None, batch_size=32, shuffle=False, class_weight=None, what="fit",
                need_y=True):
    """A batch iterable for ``x`` (see the module docstring); DataLoaders are returned as given."""
    if batch_size is not None and (not isinstance(batch_size, int) or isinstance(batch_size, bool)
                                   or batch_size < 1):
        raise ValueError(f"{what}: batch_size must be a positive int, got {batch_size!r}")
    table = None if class_weight is None else _class_weight_table(class_weight)
    if isinstance(x, (tuple, list)) and y is None and len(x) in (2, 3) and not isinstance(x[0], (int, float)):
        x, y, sample_weight = x[0], x[1], (x[2] if len(x) == 3 else sample_weight)
    if _is_loader(x) or isinstance(x, Dataset):
        if y is not None:
            raise ValueError(f"{what}: y must be None when x is a {type(x).__name__} (it yields the targets)")
        if sample_weight is not None:
            raise ValueError(f"{what}: sample_weight must be None when x is a {type(x).__name__}; yield "
                             "(x, y, sample_weight) batches instead")
        if _is_loader(x):
            loader = x
        elif isinstance(x, IterableDataset):
            loader = DataLoader(x, batch_size=batch_size or 32)
        else:
            loader = DataLoader(x, batch_size=batch_size or 32, shuffle=shuffle)
        return _ClassWeighted(loader, table) if table is not None else loader
    if x is None:
        raise ValueError(f"{what}: x is required")
    xt = _to_tensor(x, f"{what}: x")
    tensors = [xt]
    if y is None:
        if need_y:
            raise ValueError(f"{what}: y is required when x is a tensor or array")
    else:
        yt = _to_tensor(y, f"{what}: y")
        if yt.shape[0] != xt.shape[0]:
            raise ValueError(f"{what}: x and y have different numbers of samples: {xt.shape[0]} and {yt.shape[0]}")
        tensors.append(yt)
        if table is not None:
            weights = class_weights_for(yt, table)
            if sample_weight is not None:
                weights = weights * _sample_weight_tensor(sample_weight, xt.shape[0], what)
            tensors.append(weights)
        elif sample_weight is not None:
            tensors.append(_sample_weight_tensor(sample_weight, xt.shape[0], what))
    return DataLoader(TensorDataset(*tensors), batch_size=batch_size or 32, shuffle=shuffle)


def _sample_weight_tensor(sample_weight, n, what):
    w = _to_tensor(sample_weight, f"{what}: sample_weight").to(_C.float32).reshape(-1)
    if w.shape[0] != n:
        raise ValueError(f"{what}: sample_weight has {w.shape[0]} entries for {n} samples")
    return w


def split_validation(x, y, sample_weight, validation_split):
    """Splits off the LAST ``validation_split`` fraction of the samples (before any shuffling,
    as Keras does). Returns ``(train x, y, w), (val x, y, w)``."""
    if not 0.0 < validation_split < 1.0:
        raise ValueError(f"fit: validation_split must be in (0, 1), got {validation_split!r}")
    if isinstance(x, (tuple, list)) and y is None and len(x) in (2, 3):
        x, y, sample_weight = x[0], x[1], (x[2] if len(x) == 3 else sample_weight)
    if _is_loader(x):
        raise ValueError("fit: validation_split is not supported when x is a DataLoader; pass validation_data")
    if isinstance(x, IterableDataset):
        raise ValueError("fit: validation_split is not supported for an IterableDataset; pass validation_data")
    n = len(x) if isinstance(x, Dataset) else _to_tensor(x, "fit: x").shape[0]
    n_train = int(np.floor(n * (1.0 - validation_split)))  # Keras: split_at = floor(n * (1 - split))
    if n_train == 0 or n_train == n:
        raise ValueError(f"fit: validation_split={validation_split} of {n} samples leaves an empty "
                         f"{'training' if n_train == 0 else 'validation'} set")
    if isinstance(x, Dataset):
        return (Subset(x, range(n_train)), None, None), (Subset(x, range(n_train, n)), None, None)

    def cut(a, lo, hi):
        if a is None:
            return None
        return a[lo:hi]
    xt = _to_tensor(x, "fit: x")
    yt = None if y is None else _to_tensor(y, "fit: y")
    wt = None if sample_weight is None else _sample_weight_tensor(sample_weight, n, "fit")
    return ((cut(xt, 0, n_train), cut(yt, 0, n_train), cut(wt, 0, n_train)),
            (cut(xt, n_train, n), cut(yt, n_train, n), cut(wt, n_train, n)))


def batch_size_of(x):
    """The number of samples in a batch input (the first tensor's first dim)."""
    if type(x) is Tensor:
        return x.shape[0] if x.dim() else 1
    while isinstance(x, (tuple, list)) and x:
        x = x[0]
    if isinstance(x, dict) and x:
        return batch_size_of(next(iter(x.values())))
    if isinstance(x, Tensor):
        return x.shape[0] if x.dim() else 1
    if isinstance(x, np.ndarray):
        return x.shape[0] if x.ndim else 1
    return 1
