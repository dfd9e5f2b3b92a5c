"""Plotting hooks (``rt.plot``, matplotlib): training curves, a live-updating callback, a
confusion matrix and image grids.

Every function returns a matplotlib ``Figure`` (save it with ``fig.savefig(path)``). Without a
display (no ``DISPLAY`` on Linux, e.g. CI or ssh) the non-interactive Agg backend is selected
before pyplot is first imported, so nothing tries to open a window.
"""
import os
import sys

import numpy as np

from ._C import Tensor
from .training.callback_base import Callback

__all__ = ["plot_history", "LivePlot", "plot_confusion_matrix", "plot_images", "save_figure"]


def _pyplot():
    import matplotlib  # noqa: PLC0415
    if "matplotlib.pyplot" not in sys.modules and sys.platform.startswith("linux") and not os.environ.get("DISPLAY") \
            and not os.environ.get("WAYLAND_DISPLAY") and "ipykernel" not in sys.modules:
        matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415
    return plt


def _history_dict(history):
    if hasattr(history, "history") and isinstance(history.history, dict):
        return history.history, list(getattr(history, "epoch", []) or [])
    if isinstance(history, dict):
        return history, []
    raise TypeError(f"plot_history: expected a History (or its .history dict), got {type(history).__name__}")


def _metric_names(hist, metrics):
    if metrics is None:
        names = [k for k in hist if not k.startswith("val_") and k != "lr"]
        names += [k[4:] for k in hist if k.startswith("val_") and k[4:] not in hist and k[4:] not in names]
        return names
    metrics = [metrics] if isinstance(metrics, str) else list(metrics)
    missing = [m for m in metrics if m not in hist and "val_" + m not in hist]
    if missing:
        raise KeyError(f"plot_history: {missing} not in the history (it has {sorted(hist)})")
    return metrics


def _draw_history(fig, hist, epochs, names):
    from matplotlib.ticker import MaxNLocator  # noqa: PLC0415
    fig.clear()
    n = max(len(names), 1)
    cols = min(n, 3)
    rows = (n + cols - 1) // cols
    for i, name in enumerate(names):
        ax = fig.add_subplot(rows, cols, i + 1)
        for key, label, style in ((name, "train", "-o"), ("val_" + name, "validation", "-s")):
            values = hist.get(key)
            if not values:
                continue
            x = [e + 1 for e in epochs[-len(values):]] if len(epochs) >= len(values) else \
                list(range(1, len(values) + 1))
            ax.plot(x, values, style, markersize=3, label=label)
        ax.set_title(name)
        ax.set_xlabel("epoch")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.grid(True, alpha=0.3)
        ax.legend()
    fig.tight_layout()


def plot_history(history, metrics=None, figsize=None):
    """A Figure with one panel per metric (default: every metric in the history except 'lr'),
    each showing the training curve and, when present, the validation ('val_') curve over
    epochs (1-based).

    Args:
        history (History or dict): a History (what ``fit`` returns) or a dict name -> values.
        metrics (list of str, optional): the metrics to plot; default all but 'lr'.
        figsize (tuple of 2 floats, optional): the figure size in inches; default 4.5 x 3.5 per panel.

    Returns:
        matplotlib.figure.Figure: the figure.

    Example:
        >>> fig = rt.plot.plot_history({"loss": [1.0, 0.5], "val_loss": [1.2, 0.7], "lr": [0.1, 0.1]})
        >>> len(fig.axes), fig.axes[0].get_title()
        (1, 'loss')
    """
    hist, epochs = _history_dict(history)
    if not hist:
        raise ValueError("plot_history: the history is empty (train first)")
    names = _metric_names(hist, metrics)
    plt = _pyplot()
    cols = min(len(names), 3)
    rows = (len(names) + cols - 1) // cols
    fig = plt.figure(figsize=figsize or (4.5 * cols, 3.5 * rows))
    _draw_history(fig, hist, epochs, names)
    plt.close(fig)  # the caller owns it; keep pyplot from accumulating figures
    return fig


def _in_notebook():
    from .training.progress import _in_notebook as check  # noqa: PLC0415
    return check()


class LivePlot(Callback):
    """Redraws the training curves after every epoch: in a notebook it replaces the displayed
    figure; elsewhere it (atomically) rewrites the PNG ``filename`` (default
    'training_history.png'), which an image viewer or a browser reloads.

    Args:
        metrics (list of str, optional): the metrics to plot; default all but 'lr'.
        filename (str or os.PathLike, optional): the PNG rewritten after each epoch outside
            notebooks; None writes none. Default: ``'training_history.png'``.
        figsize (tuple of 2 floats, optional): the figure size in inches.

    Example:
        >>> model = rt.Sequential(nn.Linear(2, 1))
        >>> model.compile(optimizer="sgd", loss="mse")
        >>> x = rt.randn(8, 2)
        >>> history = model.fit(x, x.sum(1, keepdim=True), epochs=1, verbose=0,
        ...                     callbacks=[rt.plot.LivePlot(filename="curves.png")])
        >>> os.path.exists("curves.png")
        True
    """

    def __init__(self, metrics=None, filename="training_history.png", figsize=None):
        super().__init__()
        self.metrics = metrics
        self.filename = None if filename is None else os.fspath(filename)
        self.figsize = figsize
        self.history = {}
        self.epochs = []
        self._display = None
        self.notebook = _in_notebook()

    def on_train_begin(self, logs=None):
        self.history = {}
        self.epochs = []

    def on_epoch_end(self, epoch, logs=None):
        for k, v in (logs or {}).items():
            if isinstance(v, (int, float)):
                self.history.setdefault(k, []).append(float(v))
        self.epochs.append(epoch)
        fig = plot_history({k: v for k, v in self.history.items()}, self.metrics, self.figsize)
        if self.notebook:
            from IPython.display import display  # noqa: PLC0415
            if self._display is None:
                self._display = display(fig, display_id=True)
            else:
                self._display.update(fig)
        elif self.filename:
            _save_png(fig, self.filename)
        self.figure = fig


def _save_png(fig, path):
    """Writes the figure as PNG atomically (temp file in the same directory, fsync, rename)."""
    from .serialization import atomic_write  # noqa: PLC0415
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    with atomic_write(path, mode="wb") as f:
        fig.savefig(f, format="png", dpi=100)


def save_figure(fig, path):
    """Saves a figure atomically (PNG).

    Args:
        fig (matplotlib.figure.Figure): the figure.
        path (str or os.PathLike): the PNG file to write (its directory is created).

    Returns:
        None

    Example:
        >>> fig = rt.plot.plot_history({"loss": [1.0, 0.5]})
        >>> rt.plot.save_figure(fig, "plots/loss.png")
        >>> os.listdir("plots")
        ['loss.png']
    """
    _save_png(fig, os.fspath(path))


def _numpy(a):
    if isinstance(a, Tensor):
        return a.detach().numpy()
    return np.asarray(a)


def plot_confusion_matrix(model, x, y, class_names=None, normalize=None, batch_size=256, figsize=None, cmap="Blues"):
    """The confusion matrix of ``model``'s predictions (argmax over classes; a threshold of 0.5,
    or 0 for models compiled with a logits loss, for one output column) on ``x`` against the
    labels ``y``, as a Figure (rows: true class, columns: predicted). ``normalize``: None
    (counts), 'true' (rows sum to 1), 'pred' or 'all'. The matrix is also ``fig.confusion``.

    Args:
        model (Model): the model (its ``predict`` is called).
        x (Tensor or array): the inputs.
        y (Tensor or array): the labels (class indices or one-hot).
        class_names (list of str, optional): the names on the axes.
        normalize (str, optional): None, ``'true'``, ``'pred'`` or ``'all'``. Default: None.
        batch_size (int): the prediction batch size. Default: 256.
        figsize (tuple of 2 floats, optional): the figure size in inches.
        cmap (str): the matplotlib colormap. Default: ``'Blues'``.

    Returns:
        matplotlib.figure.Figure: the figure, with the matrix as ``fig.confusion``.

    Example:
        >>> model = rt.Sequential(nn.Identity())
        >>> x = rt.tensor([[2., 0.], [0., 1.], [3., 1.]])
        >>> fig = rt.plot.plot_confusion_matrix(model, x, rt.tensor([0, 1, 1]), class_names=["a", "b"])
        >>> fig.confusion.tolist()
        [[1.0, 0.0], [1.0, 1.0]]
    """
    if normalize not in (None, "true", "pred", "all"):
        raise ValueError(f"plot_confusion_matrix: normalize must be None, 'true', 'pred' or 'all', got {normalize!r}")
    scores = _numpy(model.predict(x, batch_size=batch_size, verbose=0))
    labels = _numpy(y)
    if labels.ndim == 2 and labels.shape[1] > 1:
        labels = labels.argmax(1)
    labels = labels.reshape(-1).astype(np.int64)
    if scores.ndim == 1 or (scores.ndim == 2 and scores.shape[1] == 1):
        loss = getattr(model, "loss", None)
        threshold = 0.0 if getattr(loss, "from_logits", False) else 0.5
        preds = (scores.reshape(-1) > threshold).astype(np.int64)
        n = 2
    else:
        preds = scores.argmax(1).astype(np.int64)
        n = scores.shape[1]
    if len(preds) != len(labels):
        raise ValueError(f"plot_confusion_matrix: {len(labels)} labels for {len(preds)} predictions")
    if labels.size and (labels.min() < 0 or labels.max() >= n):
        raise ValueError(f"plot_confusion_matrix: labels must be in [0, {n}), got [{labels.min()}, {labels.max()}]")
    cm = np.bincount(labels * n + preds, minlength=n * n).reshape(n, n).astype(np.float64)
    if normalize == "true":
        cm = cm / np.maximum(cm.sum(1, keepdims=True), 1)
    elif normalize == "pred":
        cm = cm / np.maximum(cm.sum(0, keepdims=True), 1)
    elif normalize == "all":
        cm = cm / max(cm.sum(), 1)
    names = list(class_names) if class_names is not None else [str(i) for i in range(n)]
    if len(names) != n:
        raise ValueError(f"plot_confusion_matrix: {len(names)} class names for {n} classes")
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=figsize or (max(4, 0.6 * n + 2), max(4, 0.6 * n + 1.5)))
    im = ax.imshow(cm, cmap=cmap)
    fig.colorbar(im, ax=ax)
    ax.set_xticks(range(n))
    ax.set_yticks(range(n))
    ax.set_xticklabels(names, rotation=45, ha="right")
    ax.set_yticklabels(names)
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    if n <= 20:
        top = cm.max() if cm.size else 0
        for i in range(n):
            for j in range(n):
                text = f"{cm[i, j]:.2f}" if normalize else f"{int(cm[i, j])}"
                ax.text(j, i, text, ha="center", va="center", fontsize=8,
                        color="white" if top and cm[i, j] > top / 2 else "black")
    fig.tight_layout()
    fig.confusion = cm
    plt.close(fig)
    return fig


def plot_images(x, labels=None, preds=None, class_names=None, ncols=8, max_images=32, figsize=None):
    """A grid of images from ``x`` ((N, H, W), (N, 1, H, W), (N, 3, H, W) or (N, H, W, 3)),
    titled with their labels and, when given, predictions (class indices, or logits/
    probabilities (N, C) whose argmax is taken); wrong predictions are titled in red.

    Args:
        x (Tensor or array): the images.
        labels (Tensor or array, optional): the true class indices.
        preds (Tensor or array, optional): the predicted class indices, or scores (N, C).
        class_names (list of str, optional): the names used in the titles.
        ncols (int): the number of columns of the grid. Default: 8.
        max_images (int): the most images shown. Default: 32.
        figsize (tuple of 2 floats, optional): the figure size in inches.

    Returns:
        matplotlib.figure.Figure: the figure.

    Example:
        >>> fig = rt.plot.plot_images(rt.rand(3, 1, 4, 4), labels=[0, 1, 1], preds=[0, 1, 0], ncols=3)
        >>> [ax.get_title().splitlines() for ax in fig.axes]
        [['0', 'pred 0'], ['1', 'pred 1'], ['1', 'pred 0']]
    """
    imgs = _numpy(x)
    if imgs.ndim == 4 and imgs.shape[1] in (1, 3) and imgs.shape[-1] not in (1, 3):
        imgs = imgs.transpose(0, 2, 3, 1)
    if imgs.ndim == 4 and imgs.shape[-1] == 1:
        imgs = imgs[..., 0]
    if imgs.ndim not in (3, 4):
        raise ValueError(f"plot_images: expected images (N, H, W), (N, C, H, W) or (N, H, W, C), got shape "
                         f"{tuple(_numpy(x).shape)}")
    n = min(len(imgs), max_images)

    def classes(a):
        if a is None:
            return None
        a = _numpy(a)
        if a.ndim == 2 and a.shape[1] > 1:
            a = a.argmax(1)
        return a.reshape(-1)
    lab, pred = classes(labels), classes(preds)
    for name, arr in (("labels", lab), ("preds", pred)):
        if arr is not None and len(arr) < n:
            raise ValueError(f"plot_images: {len(arr)} {name} for {n} images")

    def name_of(c):
        c = int(c)
        return str(class_names[c]) if class_names is not None else str(c)
    ncols = max(1, min(ncols, n))
    nrows = (n + ncols - 1) // ncols
    plt = _pyplot()
    fig, axes = plt.subplots(nrows, ncols, figsize=figsize or (1.6 * ncols, 1.9 * nrows), squeeze=False)
    for i, ax in enumerate(axes.ravel()):
        ax.axis("off")
        if i >= n:
            continue
        img = imgs[i]
        if img.ndim == 3:  # colour: scale into [0, 1] for imshow
            lo, hi = float(img.min()), float(img.max())
            img = (img - lo) / (hi - lo) if hi > lo else np.zeros_like(img)
            ax.imshow(img)
        else:
            ax.imshow(img, cmap="gray")
        title, color = [], "black"
        if lab is not None:
            title.append(name_of(lab[i]))
        if pred is not None:
            title.append(f"pred {name_of(pred[i])}")
            if lab is not None and int(pred[i]) != int(lab[i]):
                color = "red"
        if title:
            ax.set_title("\n".join(title), fontsize=8, color=color)
    fig.tight_layout()
    plt.close(fig)
    return fig
