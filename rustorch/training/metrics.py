"""Metrics (``rt.metrics``): stateful objects with Keras's interface.

``m.update_state(y_true, y_pred, sample_weight=None)`` accumulates a batch, ``m.result()`` returns
the value so far (a float) and ``m.reset_state()`` clears it; ``update``/``reset`` are aliases,
and calling ``m(y_true, y_pred)`` updates and returns the result. Note the argument order is
Keras's (targets first) — losses in ``compile`` take PyTorch's (predictions first).

Running sums are Python floats: on the CPU, ``Tensor.item()`` is a ~0.1 us read of memory the
batch already computed, cheaper than keeping tensor accumulators (~1 us per in-place add). A
device backend would switch these sums to tensors here and read them once per log.
Confusion counts for precision/recall/F1 are NumPy arrays (``bincount`` over a zero-copy view).
"""
import numpy as np

from .. import _C
from .._C import Tensor

__all__ = ["Metric", "Mean", "MeanMetricWrapper", "Accuracy", "BinaryAccuracy", "CategoricalAccuracy",
           "SparseCategoricalAccuracy", "TopKCategoricalAccuracy", "SparseTopKCategoricalAccuracy",
           "MeanSquaredError", "MeanAbsoluteError", "Precision", "Recall", "F1Score", "get", "METRICS"]


def _tensor(x):
    if isinstance(x, Tensor):
        return x.detach()
    return _C.tensor(np.asarray(x))


def _np(x):
    return _tensor(x).numpy()


class Metric:
    """Base class: subclasses implement ``update_state``, ``result`` and ``reset_state``.

    Args:
        name (str, optional): the metric's name; default the class name in snake case.

    Example:
        >>> class MaxError(rt.training.metrics.Metric):
        ...     def __init__(self, name=None):
        ...         super().__init__(name)
        ...         self.reset_state()
        ...     def update_state(self, y_true, y_pred, sample_weight=None):
        ...         self.worst = max(self.worst, (y_true - y_pred).abs().max().item())
        ...     def result(self):
        ...         return self.worst
        ...     def reset_state(self):
        ...         self.worst = 0.0
        >>> m = MaxError()
        >>> m.name, m(rt.tensor([1., 2.]), rt.tensor([1.5, 2.]))
        ('max_error', 0.5)
    """

    def __init__(self, name=None):
        self.name = name or _snake(type(self).__name__)

    def update_state(self, y_true, y_pred, sample_weight=None):
        """Accumulates the metric over a batch of targets and predictions (optionally weighted)."""
        raise NotImplementedError(f"{type(self).__name__}.update_state")

    def result(self):
        """The metric's value over everything accumulated since the last reset."""
        raise NotImplementedError(f"{type(self).__name__}.result")

    def reset_state(self):
        """Clears the accumulated state (the loop calls it at the start of each epoch)."""
        raise NotImplementedError(f"{type(self).__name__}.reset_state")

    # the short names some users (and torchmetrics) know
    def update(self, y_true, y_pred, sample_weight=None):
        """Alias of :meth:`update_state` (torchmetrics' name)."""
        return self.update_state(y_true, y_pred, sample_weight)

    def reset(self):
        """Alias of :meth:`reset_state` (torchmetrics' name)."""
        return self.reset_state()

    def __call__(self, y_true, y_pred, sample_weight=None):
        self.update_state(y_true, y_pred, sample_weight)
        return self.result()

    def get_config(self):
        """The constructor arguments, as a JSON-serialisable dict (for saving)."""
        return {"name": self.name}

    def __repr__(self):
        return f"<{type(self).__name__} name={self.name!r}>"


def _snake(name):
    out = []
    for i, ch in enumerate(name):
        if ch.isupper() and i and not name[i - 1].isupper():
            out.append("_")
        out.append(ch.lower())
    return "".join(out)


class Mean(Metric):
    """The (weighted) mean of the values it is given: ``update_state(values, sample_weight=None)``.

    Args:
        name (str): the metric's name (the key in the logs). Default: ``'mean'``.

    Example:
        >>> m = rt.training.metrics.Mean()
        >>> m.update_state(rt.tensor([1., 2., 3.]))
        >>> m.update_state(rt.tensor([10.]), sample_weight=rt.tensor([2.]))
        >>> m.result()
        5.2
    """

    def __init__(self, name="mean"):
        super().__init__(name)
        self.reset_state()

    def reset_state(self):
        self.total = 0.0
        self.count = 0.0

    def update_state(self, values, sample_weight=None, _unused=None):
        """Adds ``values`` (optionally weighted by ``sample_weight``) to the running mean."""
        if isinstance(values, (int, float)):
            w = 1.0 if sample_weight is None else float(sample_weight)
            self.total += float(values) * w
            self.count += w
            return
        v = _tensor(values)
        if sample_weight is None:
            self.total += v.sum().item()
            self.count += v.numel()
        else:
            w = _tensor(sample_weight).to(v.dtype if v.is_floating_point() else _C.float32).reshape(-1)
            self.total += (v.reshape(-1) * w).sum().item()
            self.count += w.sum().item()

    def add(self, value, count):
        """Adds ``count`` samples whose mean is ``value`` (a float): the loss tracker's fast path."""
        self.total += value * count
        self.count += count

    def result(self):
        return self.total / self.count if self.count else 0.0


class MeanMetricWrapper(Metric):
    """The weighted mean over samples of ``fn(y_true, y_pred)`` -> a per-sample (N,) tensor.

    Args:
        fn (callable): ``fn(y_true, y_pred, **kwargs)`` returning one value per sample.
        name (str, optional): the metric's name; default ``fn.__name__``.
        **kwargs: passed on to ``fn``.

    Example:
        >>> def abs_error(y_true, y_pred):
        ...     return (y_true - y_pred).abs()
        >>> m = rt.training.metrics.MeanMetricWrapper(abs_error)
        >>> m.name, m(rt.tensor([1., 2.]), rt.tensor([2., 2.]))
        ('abs_error', 0.5)
    """

    def __init__(self, fn, name=None, **kwargs):
        super().__init__(name or getattr(fn, "__name__", "metric"))
        self._fn = fn
        self._fn_kwargs = kwargs
        self.reset_state()

    def reset_state(self):
        self.total = 0.0
        self.count = 0.0

    def update_state(self, y_true, y_pred, sample_weight=None):
        values = self._fn(_tensor(y_true), _tensor(y_pred), **self._fn_kwargs)
        if values.dim() > 1:
            values = values.to(_C.float32).reshape(values.shape[0], -1).mean(1)
        elif not values.is_floating_point() and sample_weight is not None:
            values = values.to(_C.float32)
        if sample_weight is None:
            self.total += values.sum().item()
            self.count += values.numel()
        else:
            w = _tensor(sample_weight).to(values.dtype).reshape(-1)
            self.total += (values.reshape(-1) * w).sum().item()
            self.count += w.sum().item()

    def result(self):
        return self.total / self.count if self.count else 0.0

    def get_config(self):
        return {"name": self.name, **self._fn_kwargs}


# ---- per-sample metric functions (Keras argument order: y_true, y_pred) ------------------------

def _class_indices(y_true):
    """Integer targets of shape (N, ...) from (N, ...) or (N, 1) int/float labels."""
    if y_true.is_floating_point():
        y_true = y_true.to(_C.int64)
    return y_true


def sparse_categorical_accuracy(y_true, y_pred):
    """1.0 where argmax over the class dimension (dim 1, PyTorch's layout) equals the label."""
    y_true = _class_indices(y_true)
    if y_true.dim() == y_pred.dim() and y_true.shape[1] == 1 and y_pred.shape[1] != 1:
        y_true = y_true.squeeze(1)
    if y_pred.dim() != y_true.dim() + 1:
        raise ValueError(f"sparse_categorical_accuracy: predictions of shape {tuple(y_pred.shape)} need class-index "
                         f"targets with one dimension fewer, got {tuple(y_true.shape)}")
    return y_pred.argmax(1) == y_true  # bool: summed as counts (cheaper than a float cast per batch)


def categorical_accuracy(y_true, y_pred):
    """1.0 where argmax of the prediction equals argmax of the one-hot target (class dim 1)."""
    if tuple(y_true.shape) != tuple(y_pred.shape):
        raise ValueError(f"categorical_accuracy: one-hot targets must have the predictions' shape "
                         f"{tuple(y_pred.shape)}, got {tuple(y_true.shape)}")
    return y_pred.argmax(1) == y_true.argmax(1)


def binary_accuracy(y_true, y_pred, threshold=0.5):
    """Mean over non-batch elements of (y_pred > threshold) == y_true."""
    y_true, y_pred = _align_binary(y_true, y_pred, "binary_accuracy")
    return ((y_pred > threshold).to(_C.float32) == (y_true > 0.5).to(_C.float32)).to(_C.float32)


def _align_binary(y_true, y_pred, name):
    if tuple(y_true.shape) != tuple(y_pred.shape):
        if y_pred.dim() == 2 and y_pred.shape[1] == 1 and y_true.dim() == 1:
            y_pred = y_pred.squeeze(1)
        elif y_true.dim() == 2 and y_true.shape[1] == 1 and y_pred.dim() == 1:
            y_true = y_true.squeeze(1)
        else:
            raise ValueError(f"{name}: targets {tuple(y_true.shape)} and predictions {tuple(y_pred.shape)} "
                             "must have the same shape")
    return y_true.to(_C.float32), y_pred


def top_k_accuracy(y_true, y_pred, k=5, sparse=True):
    """1.0 where the target class is among the ``k`` highest predictions."""
    if not sparse:
        y_true = y_true.argmax(1)
    y_true = _class_indices(y_true)
    if y_true.dim() == 2 and y_true.shape[1] == 1:
        y_true = y_true.squeeze(1)
    if y_pred.dim() != 2 or y_true.dim() != 1:
        raise ValueError(f"top_k_accuracy: expects predictions (N, C) and labels (N,), got {tuple(y_pred.shape)} and "
                         f"{tuple(y_true.shape)}")
    k = min(int(k), y_pred.shape[1])
    top = y_pred.topk(k, 1).indices
    return (top == y_true.unsqueeze(1)).to(_C.float32).sum(1)


def mean_squared_error(y_true, y_pred):
    y_true = _match_regression(y_true, y_pred)
    return (y_pred - y_true).square()


def mean_absolute_error(y_true, y_pred):
    y_true = _match_regression(y_true, y_pred)
    return (y_pred - y_true).abs()


def _match_regression(y_true, y_pred):
    y_true = y_true.to(y_pred.dtype)
    if y_pred.dim() == 2 and y_pred.shape[1] == 1 and y_true.dim() == 1:
        y_true = y_true.unsqueeze(1)
    return y_true


class Accuracy(MeanMetricWrapper):
    """Keras's string 'accuracy' (or 'acc'): chosen from the shapes of the first batch (and the
    loss when compiled): binary accuracy for (N,)/(N, 1) predictions or a binary loss,
    categorical for one-hot targets, sparse categorical for class-index targets.

    Args:
        name (str): the metric's name (the key in the logs). Default: ``'accuracy'``.
        threshold (float): the decision threshold of binary predictions. Default: 0.5.
        binary (bool, optional): force binary accuracy (True); None decides from the shapes.

    Example:
        >>> m = rt.training.metrics.Accuracy()
        >>> m(rt.tensor([0, 1, 1]), rt.tensor([[0.9, 0.1], [0.2, 0.8], [0.6, 0.4]]))
        0.6666666666666666
        >>> rt.training.metrics.Accuracy()(rt.tensor([1., 0.]), rt.tensor([0.7, 0.6]))
        0.5
    """

    def __init__(self, name="accuracy", threshold=0.5, binary=None):
        self.threshold = threshold
        self.binary = binary
        self._kind = None  # resolved on the first batch (the shapes do not change within a run)
        super().__init__(self._dispatch, name)

    def _resolve(self, y_true, y_pred):
        if self.binary or (self.binary is None and (y_pred.dim() <= 1 or (y_pred.dim() == 2 and y_pred.shape[1] == 1))):
            return lambda t, p: binary_accuracy(t, p, self.threshold)
        if tuple(y_true.shape) == tuple(y_pred.shape) and y_true.is_floating_point():
            return categorical_accuracy
        return sparse_categorical_accuracy

    def _dispatch(self, y_true, y_pred):
        kind = self._kind
        if kind is None:
            kind = self._kind = self._resolve(y_true, y_pred)
        return kind(y_true, y_pred)

    def reset_state(self):
        super().reset_state()
        self._kind = None

    def get_config(self):
        return {"name": self.name, "threshold": self.threshold, "binary": self.binary}


class BinaryAccuracy(MeanMetricWrapper):
    """How often ``y_pred > threshold`` matches the 0/1 target (threshold 0 for logits).

    Args:
        name (str): the metric's name (the key in the logs). Default: ``'binary_accuracy'``.
        threshold (float): the decision threshold. Default: 0.5.

    Example:
        >>> m = rt.training.metrics.BinaryAccuracy()
        >>> m(rt.tensor([1., 0., 1., 0.]), rt.tensor([0.9, 0.2, 0.4, 0.6]))
        0.5
    """

    def __init__(self, name="binary_accuracy", threshold=0.5):
        super().__init__(binary_accuracy, name, threshold=threshold)


class CategoricalAccuracy(MeanMetricWrapper):
    """Accuracy against one-hot (or probability) targets: argmax of the prediction equals argmax of the target.

    Args:
        name (str): the metric's name (the key in the logs). Default: ``'categorical_accuracy'``.

    Example:
        >>> m = rt.training.metrics.CategoricalAccuracy()
        >>> m(rt.tensor([[0., 1.], [1., 0.]]), rt.tensor([[0.2, 0.8], [0.3, 0.7]]))
        0.5
    """
    def __init__(self, name="categorical_accuracy"):
        super().__init__(categorical_accuracy, name)


class SparseCategoricalAccuracy(MeanMetricWrapper):
    """Accuracy against class-index targets: argmax of the prediction equals the target.

    Args:
        name (str): the metric's name (the key in the logs). Default: ``'sparse_categorical_accuracy'``.

    Example:
        >>> m = rt.training.metrics.SparseCategoricalAccuracy()
        >>> m(rt.tensor([1, 0]), rt.tensor([[0.2, 0.8], [0.3, 0.7]]))
        0.5
    """
    def __init__(self, name="sparse_categorical_accuracy"):
        super().__init__(sparse_categorical_accuracy, name)


class TopKCategoricalAccuracy(MeanMetricWrapper):
    """Top-k accuracy against one-hot targets (``sparse=True`` for class indices).

    Args:
        k (int): how many of the largest predictions count. Default: 5.
        name (str): the metric's name (the key in the logs). Default: ``'top_k_categorical_accuracy'``.
        sparse (bool): the targets are class indices. Default: False.

    Example:
        >>> m = rt.training.metrics.TopKCategoricalAccuracy(k=2)
        >>> m(rt.tensor([[0., 0., 1.], [1., 0., 0.]]), rt.tensor([[0.3, 0.2, 0.5], [0.1, 0.3, 0.6]]))
        0.5
    """

    def __init__(self, k=5, name="top_k_categorical_accuracy", sparse=False):
        super().__init__(top_k_accuracy, name, k=k, sparse=sparse)


class SparseTopKCategoricalAccuracy(TopKCategoricalAccuracy):
    """Top-k accuracy against class-index targets: the target is among the k largest predictions.

    Args:
        k (int): how many of the largest predictions count. Default: 5.
        name (str): the metric's name (the key in the logs). Default: ``'sparse_top_k_categorical_accuracy'``.

    Example:
        >>> m = rt.training.metrics.SparseTopKCategoricalAccuracy(k=2)
        >>> m(rt.tensor([1, 0]), rt.tensor([[0.5, 0.3, 0.2], [0.1, 0.3, 0.6]]))
        0.5
    """
    def __init__(self, k=5, name="sparse_top_k_categorical_accuracy"):
        super().__init__(k, name, sparse=True)


class _AutoTopK(MeanMetricWrapper):
    """'top_k_accuracy': sparse or one-hot from the target's shape."""

    def __init__(self, k=5, name="top_k_accuracy"):
        self.k = k
        super().__init__(self._dispatch, name)

    def _dispatch(self, y_true, y_pred):
        sparse = not (tuple(y_true.shape) == tuple(y_pred.shape) and y_true.is_floating_point())
        return top_k_accuracy(y_true, y_pred, self.k, sparse)

    def get_config(self):
        return {"name": self.name, "k": self.k}


class MeanSquaredError(MeanMetricWrapper):
    """The mean of (y_true - y_pred)^2 over the samples seen.

    Args:
        name (str): the metric's name (the key in the logs). Default: ``'mean_squared_error'``.

    Example:
        >>> m = rt.training.metrics.MeanSquaredError()
        >>> m(rt.tensor([1., 2.]), rt.tensor([1., 4.]))
        2.0
    """
    def __init__(self, name="mean_squared_error"):
        super().__init__(mean_squared_error, name)


class MeanAbsoluteError(MeanMetricWrapper):
    """The mean of abs(y_true - y_pred) over the samples seen.

    Args:
        name (str): the metric's name (the key in the logs). Default: ``'mean_absolute_error'``.

    Example:
        >>> m = rt.training.metrics.MeanAbsoluteError()
        >>> m(rt.tensor([1., 2.]), rt.tensor([1., 4.]))
        1.0
    """
    def __init__(self, name="mean_absolute_error"):
        super().__init__(mean_absolute_error, name)


class _ConfusionMetric(Metric):
    """Precision / recall / F1 from accumulated confusion counts.

    Binary predictions ((N,) or (N, 1)) are thresholded (``threshold``; 0.5 for probabilities,
    0 when ``from_logits``) and scored for the positive class, like Keras. Multi-class
    predictions (N, C) take the argmax and average per-class scores over the classes present in
    the targets or predictions seen so far: ``average='macro'`` (the default, as
    ``sklearn.metrics.precision_score(average='macro')``), 'micro' or 'weighted'.
    """

    def __init__(self, name, threshold=None, average="macro", from_logits=False):
        super().__init__(name)
        if average not in ("macro", "micro", "weighted"):
            raise ValueError(f"{type(self).__name__}: average must be 'macro', 'micro' or 'weighted', got {average!r}")
        self.threshold = threshold
        self.average = average
        self.from_logits = from_logits
        self.reset_state()

    def reset_state(self):
        self.confusion = None  # (C, C) float64 counts, rows = true class
        self.binary = None

    def update_state(self, y_true, y_pred, sample_weight=None):
        t, p = _np(y_true), _np(y_pred)
        binary = p.ndim == 1 or (p.ndim == 2 and p.shape[1] == 1)
        if self.binary is not None and binary != self.binary:
            raise ValueError(f"{self.name}: got binary and multi-class predictions in one run")
        self.binary = binary
        if binary:
            thr = self.threshold if self.threshold is not None else (0.0 if self.from_logits else 0.5)
            pred = (p.reshape(-1) > thr).astype(np.int64)
            true = (t.reshape(-1) > 0.5).astype(np.int64)
            n_classes = 2
        else:
            n_classes = p.shape[1]
            pred = p.argmax(1).reshape(-1)
            true = t.argmax(1).reshape(-1) if t.shape == p.shape and t.dtype.kind == "f" else t.reshape(-1)
            true = true.astype(np.int64)
            if true.size and (true.min() < 0 or true.max() >= n_classes):
                raise ValueError(f"{self.name}: labels must be in [0, {n_classes}), got range "
                                 f"[{true.min()}, {true.max()}]")
        if true.shape != pred.shape:
            raise ValueError(f"{self.name}: {true.size} targets for {pred.size} predictions")
        w = None if sample_weight is None else _np(sample_weight).reshape(-1).astype(np.float64)
        counts = np.bincount(true * n_classes + pred, weights=w, minlength=n_classes * n_classes)
        counts = counts.reshape(n_classes, n_classes).astype(np.float64)
        if self.confusion is None or self.confusion.shape != counts.shape:
            if self.confusion is not None:
                raise ValueError(f"{self.name}: the number of classes changed from {self.confusion.shape[0]} to "
                                 f"{n_classes}")
            self.confusion = counts
        else:
            self.confusion += counts

    def _scores(self):
        """(precision, recall) per class and the class support, over the classes to average."""
        cm = self.confusion
        tp = np.diag(cm)
        pred_pos = cm.sum(0)
        true_pos = cm.sum(1)
        with np.errstate(divide="ignore", invalid="ignore"):
            precision = np.where(pred_pos > 0, tp / pred_pos, 0.0)
            recall = np.where(true_pos > 0, tp / true_pos, 0.0)
        return precision, recall, tp, pred_pos, true_pos

    def _value(self, precision, recall):
        raise NotImplementedError

    def result(self):
        if self.confusion is None:
            return 0.0
        precision, recall, tp, pred_pos, true_pos = self._scores()
        if self.binary:
            return float(self._value(precision[1:], recall[1:])[0])
        present = (true_pos + pred_pos) > 0
        if self.average == "micro":
            p = tp[present].sum() / max(pred_pos[present].sum(), 1e-300)
            r = tp[present].sum() / max(true_pos[present].sum(), 1e-300)
            return float(self._value(np.array([p]), np.array([r]))[0])
        values = self._value(precision[present], recall[present])
        if self.average == "weighted":
            support = true_pos[present]
            return float((values * support).sum() / support.sum()) if support.sum() else 0.0
        return float(values.mean()) if values.size else 0.0

    def get_config(self):
        return {"name": self.name, "threshold": self.threshold, "average": self.average,
                "from_logits": self.from_logits}


class Precision(_ConfusionMetric):
    """tp / (tp + fp).

    Args:
        name (str): the metric's name (the key in the logs). Default: ``'precision'``.
        threshold (float, optional): the threshold of binary predictions; default 0.5, or 0 when
            ``from_logits``.
        average (str): ``'macro'``, ``'micro'`` or ``'weighted'`` (multi-class). Default: ``'macro'``.
        from_logits (bool): binary predictions are logits. Default: False.

    Example:
        >>> m = rt.training.metrics.Precision()
        >>> round(m(rt.tensor([1, 0, 1, 1]), rt.tensor([0.9, 0.8, 0.3, 0.7])), 4)
        0.6667
    """

    def __init__(self, name="precision", threshold=None, average="macro", from_logits=False):
        super().__init__(name, threshold, average, from_logits)

    def _value(self, precision, recall):
        return precision


class Recall(_ConfusionMetric):
    """tp / (tp + fn).

    Args:
        name (str): the metric's name (the key in the logs). Default: ``'recall'``.
        threshold (float, optional): the threshold of binary predictions; default 0.5, or 0 when
            ``from_logits``.
        average (str): ``'macro'``, ``'micro'`` or ``'weighted'`` (multi-class). Default: ``'macro'``.
        from_logits (bool): binary predictions are logits. Default: False.

    Example:
        >>> m = rt.training.metrics.Recall()
        >>> round(m(rt.tensor([1, 0, 1, 1]), rt.tensor([0.9, 0.8, 0.3, 0.7])), 4)
        0.6667
    """

    def __init__(self, name="recall", threshold=None, average="macro", from_logits=False):
        super().__init__(name, threshold, average, from_logits)

    def _value(self, precision, recall):
        return recall


class F1Score(_ConfusionMetric):
    """2 * precision * recall / (precision + recall) (0 where both are 0).

    Args:
        name (str): the metric's name (the key in the logs). Default: ``'f1'``.
        threshold (float, optional): the threshold of binary predictions; default 0.5, or 0 when
            ``from_logits``.
        average (str): ``'macro'``, ``'micro'`` or ``'weighted'`` (multi-class). Default: ``'macro'``.
        from_logits (bool): binary predictions are logits. Default: False.

    Example:
        >>> m = rt.training.metrics.F1Score()
        >>> round(m(rt.tensor([1, 0, 1, 1]), rt.tensor([0.9, 0.8, 0.3, 0.7])), 4)
        0.6667
    """

    def __init__(self, name="f1", threshold=None, average="macro", from_logits=False):
        super().__init__(name, threshold, average, from_logits)

    def _value(self, precision, recall):
        denom = precision + recall
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(denom > 0, 2 * precision * recall / denom, 0.0)


# name -> factory(name, from_logits, binary_loss)
METRICS = {
    "accuracy": lambda n, logits, binary: Accuracy(n, threshold=0.0 if logits else 0.5, binary=binary or None),
    "acc": lambda n, logits, binary: Accuracy(n, threshold=0.0 if logits else 0.5, binary=binary or None),
    "sparse_categorical_accuracy": lambda n, logits, binary: SparseCategoricalAccuracy(n),
    "categorical_accuracy": lambda n, logits, binary: CategoricalAccuracy(n),
    "binary_accuracy": lambda n, logits, binary: BinaryAccuracy(n, threshold=0.0 if logits else 0.5),
    "top_k_accuracy": lambda n, logits, binary: _AutoTopK(5, n),
    "top_k_categorical_accuracy": lambda n, logits, binary: TopKCategoricalAccuracy(5, n),
    "sparse_top_k_categorical_accuracy": lambda n, logits, binary: SparseTopKCategoricalAccuracy(5, n),
    "mse": lambda n, logits, binary: MeanSquaredError(n),
    "mean_squared_error": lambda n, logits, binary: MeanSquaredError(n),
    "mae": lambda n, logits, binary: MeanAbsoluteError(n),
    "mean_absolute_error": lambda n, logits, binary: MeanAbsoluteError(n),
    "precision": lambda n, logits, binary: Precision(n, from_logits=logits),
    "recall": lambda n, logits, binary: Recall(n, from_logits=logits),
    "f1": lambda n, logits, binary: F1Score(n, from_logits=logits),
    "f1_score": lambda n, logits, binary: F1Score(n, from_logits=logits),
}

_BINARY_LOSSES = {"binary_crossentropy", "bce", "bce_with_logits", "binary_crossentropy_with_logits",
                  "BCELoss", "BCEWithLogitsLoss", "binary_cross_entropy", "binary_cross_entropy_with_logits"}


def get(spec, loss=None):
    """Resolves one entry of ``compile(metrics=[...])``: a name from :data:`METRICS`, a metric
    object (anything with ``update_state``/``update``, ``result`` and ``reset_state``/``reset``),
    or a function ``fn(y_true, y_pred)`` returning per-sample values (averaged over samples).
    ``loss`` (the compiled :class:`~rustorch.training.losses.Loss`) tells whether predictions are
    logits and whether the task is binary.

    Args:
        spec (str, Metric, object or callable): the metric specification.
        loss (Loss, optional): the compiled loss.

    Returns:
        Metric: the metric object.

    Example:
        >>> rt.training.metrics.get("mae").name
        'mae'
        >>> type(rt.training.metrics.get("accuracy")).__name__
        'Accuracy'
    """
    if isinstance(spec, str):
        key = spec.lower()
        if key not in METRICS:
            raise ValueError(f"compile: unknown metric {spec!r}; expected one of {sorted(METRICS)}, a metric object "
                             "or a function fn(y_true, y_pred)")
        logits = bool(loss is not None and loss.from_logits)
        binary = bool(loss is not None and loss.name in _BINARY_LOSSES)
        return METRICS[key](spec, logits, binary)
    if isinstance(spec, Metric):
        return spec
    if isinstance(spec, type):
        raise TypeError(f"compile: metric {spec.__name__} is a class; pass an instance ({spec.__name__}())")
    has_update = callable(getattr(spec, "update_state", None)) or callable(getattr(spec, "update", None))
    has_reset = callable(getattr(spec, "reset_state", None)) or callable(getattr(spec, "reset", None))
    if has_update and has_reset and callable(getattr(spec, "result", None)):
        return _ForeignMetric(spec)
    if callable(spec):
        return MeanMetricWrapper(spec, getattr(spec, "__name__", "metric"))
    raise TypeError(f"compile: a metric must be a string, a metric object or a function, got {type(spec).__name__}")


class _ForeignMetric(Metric):
    """Adapts an object with update/result/reset (torchmetrics-like names) to the Metric API."""

    def __init__(self, obj):
        super().__init__(getattr(obj, "name", None) or _snake(type(obj).__name__))
        self.obj = obj
        self._update = getattr(obj, "update_state", None) or obj.update
        self._reset = getattr(obj, "reset_state", None) or obj.reset

    def update_state(self, y_true, y_pred, sample_weight=None):
        if sample_weight is None:
            self._update(y_true, y_pred)
        else:
            self._update(y_true, y_pred, sample_weight)

    def result(self):
        value = self.obj.result()
        if isinstance(value, Tensor):
            value = value.item()
        return float(value)

    def reset_state(self):
        self._reset()
