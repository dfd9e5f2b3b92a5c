"""Callbacks (``rt.callbacks``): Keras's standard callbacks with Keras's defaults and semantics.

Files are written through ``rustorch.serialization`` (atomic: a temp file renamed into place):
``ModelCheckpoint`` calls ``model.save`` / ``model.save_weights``, ``BackupAndRestore`` uses
``save_checkpoint`` / ``load_checkpoint`` (weights + optimizer state + epoch + history), and
``CSVLogger`` rewrites its file with ``atomic_write``.
"""
import csv
import inspect
import io
import math
import os
import warnings

import numpy as np

from .callback_base import Callback, CallbackList
from .history import History
from .progress import ProgbarLogger

__all__ = ["Callback", "CallbackList", "History", "ProgbarLogger", "EarlyStopping", "ModelCheckpoint",
           "ReduceLROnPlateau", "LearningRateScheduler", "CSVLogger", "TerminateOnNaN", "LambdaCallback",
           "BackupAndRestore"]

_MAX_WORDS = ("acc", "accuracy", "precision", "recall", "f1", "auc", "top_k")


def _monitor_mode(monitor, mode, who):
    """'min' or 'max' for ``mode`` ('auto' guesses from the name, as Keras does: accuracy-like
    names are maximised, everything else (losses, errors) minimised)."""
    if mode not in ("auto", "min", "max"):
        warnings.warn(f"{who}: mode {mode!r} is unknown, falling back to 'auto'", RuntimeWarning, stacklevel=3)
        mode = "auto"
    if mode != "auto":
        return mode
    name = monitor[4:] if monitor.startswith("val_") else monitor
    if name.endswith("loss") or name in ("mse", "mae", "mean_squared_error", "mean_absolute_error"):
        return "min"
    if any(w in name for w in _MAX_WORDS):
        return "max"
    return "min"


def _set_lr(optimizer, lr):
    for group in optimizer.param_groups:
        group["lr"] = float(lr)


def _get_lr(optimizer):
    return float(optimizer.param_groups[0]["lr"])


def _optimizer_of(model, who):
    opt = getattr(model, "optimizer", None)
    if opt is None:
        raise RuntimeError(f"{who}: the model has no optimizer (compile it, or let rt.Trainer set one)")
    return opt


class EarlyStopping(Callback):
    """Stops training when ``monitor`` has stopped improving. The defaults are Keras's.

    Args:
        monitor (str): the log to watch. Default: ``'val_loss'``.
        min_delta (float): a smaller change is no improvement. Default: 0.
        patience (int): epochs without improvement before stopping. Default: 0.
        verbose (int): 1 prints a message when stopping. Default: 0.
        mode (str): ``'auto'``, ``'min'`` or ``'max'``. Default: ``'auto'``.
        baseline (float, optional): keep training only while beating it. Default: None.
        restore_best_weights (bool): at the end of training, restore the weights of the best
            epoch. Default: False.
        start_from_epoch (int): epochs to wait before monitoring. Default: 0.

    Example:
        >>> model = rt.Sequential(nn.Linear(2, 1))
        >>> model.compile(optimizer="sgd", loss="mse")
        >>> x = rt.randn(16, 2)
        >>> y = x.sum(1, keepdim=True)
        >>> stop = rt.callbacks.EarlyStopping(monitor="loss", patience=1, min_delta=100.0)
        >>> history = model.fit(x, y, epochs=10, verbose=0, callbacks=[stop])
        >>> len(history.epoch), stop.stopped_epoch
        (2, 1)
    """

    def __init__(self, monitor="val_loss", min_delta=0, patience=0, verbose=0, mode="auto", baseline=None,
                 restore_best_weights=False, start_from_epoch=0):
        super().__init__()
        self.monitor = monitor
        self.patience = int(patience)
        self.verbose = verbose
        self.baseline = baseline
        self.min_delta = abs(float(min_delta))
        self.restore_best_weights = restore_best_weights
        self.start_from_epoch = int(start_from_epoch)
        self.mode = _monitor_mode(monitor, mode, "EarlyStopping")
        self.wait = 0
        self.stopped_epoch = 0
        self.best = None
        self.best_weights = None
        self.best_epoch = 0

    def _is_improvement(self, value, reference):
        if reference is None:
            return True
        if self.mode == "max":
            return value - self.min_delta > reference
        return value + self.min_delta < reference

    def on_train_begin(self, logs=None):
        self.wait = 0
        self.stopped_epoch = 0
        self.best = None
        self.best_weights = None
        self.best_epoch = 0

    def on_epoch_end(self, epoch, logs=None):
        current = (logs or {}).get(self.monitor)
        if current is None:
            warnings.warn(f"EarlyStopping: monitor {self.monitor!r} is not in the logs (available: "
                          f"{sorted(logs or {})}); skipping", RuntimeWarning, stacklevel=2)
            return
        if epoch < self.start_from_epoch:
            return
        current = float(current)
        if self.restore_best_weights and self.best_weights is None:
            self.best_weights = self._snapshot()
            self.best_epoch = epoch
        self.wait += 1
        if self._is_improvement(current, self.best):
            self.best = current
            self.best_epoch = epoch
            if self.restore_best_weights:
                self.best_weights = self._snapshot()
            if self.baseline is None or self._is_improvement(current, float(self.baseline)):
                self.wait = 0
            return
        if self.wait >= self.patience and epoch > 0:
            self.stopped_epoch = epoch
            self.model.stop_training = True

    def _snapshot(self):
        return {k: v.detach().clone() for k, v in self.model.state_dict().items()}

    def on_train_end(self, logs=None):
        if self.stopped_epoch > 0 and self.verbose > 0:
            print(f"Epoch {self.stopped_epoch + 1}: early stopping")
        if self.restore_best_weights and self.best_weights is not None:
            if self.verbose > 0:
                print(f"Restoring model weights from the end of the best epoch: {self.best_epoch + 1}.")
            self.model.load_state_dict(self.best_weights)


class ModelCheckpoint(Callback):
    """Saves the model (``model.save``) or its weights (``save_weights_only``) after each epoch.

    ``filepath`` may hold ``str.format`` fields filled from the epoch (1-based) and the logs:
    ``"ckpt-{epoch:02d}-{val_loss:.3f}.rtm"``. With ``save_best_only`` a file is written only
    when ``monitor`` improved (``mode``: 'auto' | 'min' | 'max'; ``initial_value_threshold``
    is the value to beat first). ``save_freq`` is 'epoch' or an int (save every that many
    batches, formatting with the latest batch logs).

    Args:
        filepath (str or os.PathLike): the file to write; may hold ``str.format`` fields.
        monitor (str): the log compared with ``save_best_only``. Default: ``'val_loss'``.
        verbose (int): 1 prints a message at each save. Default: 0.
        save_best_only (bool): save only when ``monitor`` improved. Default: False.
        save_weights_only (bool): save only the weights (``model.save_weights``). Default: False.
        mode (str): ``'auto'``, ``'min'`` or ``'max'``. Default: ``'auto'``.
        save_freq (str or int): ``'epoch'`` or a number of batches. Default: ``'epoch'``.
        initial_value_threshold (float, optional): the value to beat first. Default: None.

    Example:
        >>> model = rt.Sequential(nn.Linear(2, 1))
        >>> model.compile(optimizer="sgd", loss="mse")
        >>> x = rt.randn(16, 2)
        >>> y = x.sum(1, keepdim=True)
        >>> ckpt = rt.callbacks.ModelCheckpoint("ckpt-{epoch:02d}.rtm", monitor="loss")
        >>> history = model.fit(x, y, epochs=2, verbose=0, callbacks=[ckpt])
        >>> sorted(os.listdir("."))
        ['ckpt-01.rtm', 'ckpt-02.rtm']
    """

    def __init__(self, filepath, monitor="val_loss", verbose=0, save_best_only=False, save_weights_only=False,
                 mode="auto", save_freq="epoch", initial_value_threshold=None):
        super().__init__()
        self.filepath = os.fspath(filepath)
        self.monitor = monitor
        self.verbose = verbose
        self.save_best_only = save_best_only
        self.save_weights_only = save_weights_only
        self.mode = _monitor_mode(monitor, mode, "ModelCheckpoint")
        if save_freq != "epoch" and not (isinstance(save_freq, int) and save_freq > 0):
            raise ValueError(f"ModelCheckpoint: save_freq must be 'epoch' or a positive int, got {save_freq!r}")
        self.save_freq = save_freq
        self.best = initial_value_threshold
        self._batches_seen = 0
        self._epoch = 0

    def _better(self, current):
        if self.best is None:
            return True
        return current > self.best if self.mode == "max" else current < self.best

    def _path(self, epoch, logs):
        try:
            return self.filepath.format(epoch=epoch + 1, **(logs or {}))
        except KeyError as e:
            raise KeyError(f"ModelCheckpoint: filepath {self.filepath!r} uses {e.args[0]!r}, which is not in the logs "
                           f"(available: epoch, {', '.join(sorted(logs or {}))})") from None

    def _save(self, epoch, logs):
        logs = logs or {}
        path = self._path(epoch, logs)
        if self.save_best_only:
            current = logs.get(self.monitor)
            if current is None:
                warnings.warn(f"ModelCheckpoint: can save best model only with {self.monitor!r} available, skipping",
                              RuntimeWarning, stacklevel=3)
                return
            current = float(current)
            if not self._better(current):
                if self.verbose > 0:
                    print(f"\nEpoch {epoch + 1}: {self.monitor} did not improve from {self.best:.5f}")
                return
            if self.verbose > 0:
                prev = "inf" if self.best is None else f"{self.best:.5f}"
                print(f"\nEpoch {epoch + 1}: {self.monitor} improved from {prev} to {current:.5f}, saving model to "
                      f"{path}")
            self.best = current
        elif self.verbose > 0:
            print(f"\nEpoch {epoch + 1}: saving model to {path}")
        directory = os.path.dirname(path)
        if directory:
            os.makedirs(directory, exist_ok=True)
        if self.save_weights_only:
            self.model.save_weights(path)
        else:
            self.model.save(path)

    def on_epoch_begin(self, epoch, logs=None):
        self._epoch = epoch

    def on_train_batch_end(self, batch, logs=None):
        if self.save_freq == "epoch":
            return
        self._batches_seen += 1
        if self._batches_seen % self.save_freq == 0:
            self._save(self._epoch, logs)

    def on_epoch_end(self, epoch, logs=None):
        if self.save_freq == "epoch":
            self._save(epoch, logs)


class ReduceLROnPlateau(Callback):
    """Multiplies the learning rate by ``factor`` when ``monitor`` has not improved for
    ``patience`` epochs (Keras's defaults: monitor='val_loss', factor=0.1, patience=10,
    mode='auto', min_delta=1e-4, cooldown=0, min_lr=0).

    Args:
        monitor (str): the log to watch. Default: ``'val_loss'``.
        factor (float): the factor (< 1) by which the learning rate is multiplied. Default: 0.1.
        patience (int): epochs without improvement before a reduction. Default: 10.
        verbose (int): 1 prints a message at each reduction. Default: 0.
        mode (str): ``'auto'``, ``'min'`` or ``'max'``. Default: ``'auto'``.
        min_delta (float): the least change that counts as an improvement. Default: 1e-4.
        cooldown (int): epochs to wait after a reduction. Default: 0.
        min_lr (float): the lower bound of the learning rate. Default: 0.0.
        **kwargs: ``epsilon``, Keras 1's name of ``min_delta``.

    Example:
        >>> model = rt.Sequential(nn.Linear(2, 1))
        >>> model.compile(optimizer="sgd", loss="mse")
        >>> x = rt.randn(16, 2)
        >>> y = x.sum(1, keepdim=True)
        >>> reduce = rt.callbacks.ReduceLROnPlateau(monitor="loss", factor=0.5, patience=0, min_delta=100.0)
        >>> history = model.fit(x, y, epochs=3, verbose=0, callbacks=[reduce])
        >>> [round(lr, 5) for lr in history.history["lr"]]
        [0.01, 0.01, 0.005]
    """

    def __init__(self, monitor="val_loss", factor=0.1, patience=10, verbose=0, mode="auto", min_delta=1e-4, cooldown=0,
                 min_lr=0.0, **kwargs):
        super().__init__()
        if factor >= 1.0:
            raise ValueError(f"ReduceLROnPlateau does not support a factor >= 1.0, got {factor}")
        if "epsilon" in kwargs:  # Keras 1 name of min_delta
            min_delta = kwargs.pop("epsilon")
        if kwargs:
            raise TypeError(f"ReduceLROnPlateau: unexpected arguments {sorted(kwargs)}")
        self.monitor = monitor
        self.factor = float(factor)
        self.patience = int(patience)
        self.verbose = verbose
        self.min_delta = float(min_delta)
        self.cooldown = int(cooldown)
        self.min_lr = float(min_lr)
        self.mode = _monitor_mode(monitor, mode, "ReduceLROnPlateau")
        self._reset()

    def _reset(self):
        self.best = -math.inf if self.mode == "max" else math.inf
        self.cooldown_counter = 0
        self.wait = 0

    def _improved(self, current):
        if self.mode == "max":
            return current > self.best + self.min_delta
        return current < self.best - self.min_delta

    def on_train_begin(self, logs=None):
        self._reset()

    def on_epoch_end(self, epoch, logs=None):
        logs = logs if logs is not None else {}
        optimizer = _optimizer_of(self.model, "ReduceLROnPlateau")
        current = logs.get(self.monitor)
        if current is None:
            warnings.warn(f"ReduceLROnPlateau: monitor {self.monitor!r} is not in the logs (available: "
                          f"{sorted(logs)}); skipping", RuntimeWarning, stacklevel=2)
            return
        current = float(current)
        if self.cooldown_counter > 0:
            self.cooldown_counter -= 1
            self.wait = 0
        if self._improved(current):
            self.best = current
            self.wait = 0
        elif self.cooldown_counter <= 0:
            self.wait += 1
            if self.wait >= self.patience:
                old_lr = _get_lr(optimizer)
                if old_lr > self.min_lr:
                    new_lr = max(old_lr * self.factor, self.min_lr)
                    _set_lr(optimizer, new_lr)
                    if self.verbose > 0:
                        print(f"\nEpoch {epoch + 1}: ReduceLROnPlateau reducing learning rate to {new_lr}.")
                    self.cooldown_counter = self.cooldown
                    self.wait = 0


class LearningRateScheduler(Callback):
    """Sets the learning rate at the start of each epoch to ``schedule(epoch, lr)`` (or
    ``schedule(epoch)``), epoch 0-based.

    Args:
        schedule (callable): ``schedule(epoch, lr)`` or ``schedule(epoch)`` returning the new rate.
        verbose (int): 1 prints the rate at each epoch. Default: 0.

    Example:
        >>> model = rt.Sequential(nn.Linear(2, 1))
        >>> model.compile(optimizer="sgd", loss="mse")
        >>> x = rt.randn(16, 2)
        >>> y = x.sum(1, keepdim=True)
        >>> sched = rt.callbacks.LearningRateScheduler(lambda epoch, lr: 0.1 / (epoch + 1))
        >>> history = model.fit(x, y, epochs=3, verbose=0, callbacks=[sched])
        >>> [round(lr, 4) for lr in history.history["lr"]]
        [0.1, 0.05, 0.0333]
    """

    def __init__(self, schedule, verbose=0):
        super().__init__()
        if not callable(schedule):
            raise TypeError(f"LearningRateScheduler: schedule must be callable, got {type(schedule).__name__}")
        self.schedule = schedule
        self.verbose = verbose

    def _takes_lr(self):
        """Whether the schedule accepts (epoch, lr) rather than just (epoch)."""
        try:
            params = inspect.signature(self.schedule).parameters.values()
        except (TypeError, ValueError):  # a builtin without a signature: Keras's two-argument form
            return True
        positional = [p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
        return len(positional) >= 2 or any(p.kind is p.VAR_POSITIONAL for p in params)

    def on_epoch_begin(self, epoch, logs=None):
        optimizer = _optimizer_of(self.model, "LearningRateScheduler")
        lr = _get_lr(optimizer)
        new_lr = self.schedule(epoch, lr) if self._takes_lr() else self.schedule(epoch)
        if hasattr(new_lr, "item"):
            new_lr = new_lr.item()
        if not isinstance(new_lr, (float, int, np.floating, np.integer)) or not math.isfinite(float(new_lr)):
            raise ValueError(f"LearningRateScheduler: schedule returned {new_lr!r}; it must return a finite float")
        _set_lr(optimizer, float(new_lr))
        if self.verbose > 0:
            print(f"\nEpoch {epoch + 1}: LearningRateScheduler setting learning rate to {float(new_lr)}.")


class CSVLogger(Callback):
    """Writes the epoch logs to a CSV file: a header ``epoch,<sorted log names>`` then one row per
    epoch. ``append=True`` keeps the rows of an existing file (to resume). The file is rewritten
    atomically after each epoch, so a crash never leaves a half-written row.

    Args:
        filename (str or os.PathLike): the CSV file.
        separator (str): the field separator. Default: ``','``.
        append (bool): keep the rows of an existing file. Default: False.

    Example:
        >>> model = rt.Sequential(nn.Linear(2, 1))
        >>> model.compile(optimizer="sgd", loss="mse")
        >>> x = rt.randn(16, 2)
        >>> y = x.sum(1, keepdim=True)
        >>> history = model.fit(x, y, epochs=2, verbose=0, callbacks=[rt.callbacks.CSVLogger("log.csv")])
        >>> with open("log.csv") as f:
        ...     lines = f.read().splitlines()
        >>> lines[0], len(lines)
        ('epoch,loss,lr', 3)
    """

    def __init__(self, filename, separator=",", append=False):
        super().__init__()
        self.filename = os.fspath(filename)
        self.sep = separator
        self.append = append
        self.keys = None
        self._rows = []

    def on_train_begin(self, logs=None):
        self._rows = []
        self.keys = None
        if self.append and os.path.exists(self.filename):
            with open(self.filename, newline="") as f:
                reader = csv.reader(f, delimiter=self.sep)
                rows = list(reader)
            if rows:
                self.keys = rows[0][1:]
                self._rows = rows[1:]

    def on_epoch_end(self, epoch, logs=None):
        from ..serialization import atomic_write  # noqa: PLC0415  (saving owns file writing)
        logs = logs or {}
        if self.keys is None:
            self.keys = sorted(logs)
        missing = [k for k in logs if k not in self.keys]
        if missing:  # e.g. val_* appear first at epoch validation_freq: widen the header
            self.keys = self.keys + sorted(missing)

        def fmt(v):
            if isinstance(v, (list, tuple, np.ndarray)):
                return '"[' + ", ".join(str(x) for x in np.asarray(v).ravel()) + ']"'
            return "NA" if v is None else str(v)
        self._rows.append([str(epoch)] + [fmt(logs[k]) if k in logs else "NA" for k in self.keys])
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter=self.sep, lineterminator="\n")
        writer.writerow(["epoch"] + list(self.keys))
        for row in self._rows:
            writer.writerow(row + ["NA"] * (len(self.keys) + 1 - len(row)))
        with atomic_write(self.filename, mode="w") as f:
            f.write(buf.getvalue())


class TerminateOnNaN(Callback):
    """Stops training as soon as a batch's running loss is NaN or infinite.

    Example:
        >>> model = rt.Sequential(nn.Linear(2, 1))
        >>> model.compile(optimizer="sgd", loss="mse")
        >>> x = rt.full((8, 2), float("nan"))
        >>> history = model.fit(x, x[:, :1], epochs=3, batch_size=4, verbose=0,
        ...                     callbacks=[rt.callbacks.TerminateOnNaN()])
        Batch 0: Invalid loss, terminating training
        >>> len(history.epoch)
        1
    """

    def on_train_batch_end(self, batch, logs=None):
        loss = (logs or {}).get("loss")
        if loss is not None and not math.isfinite(float(loss)):
            print(f"Batch {batch}: Invalid loss, terminating training")
            self.model.stop_training = True


class LambdaCallback(Callback):
    """A callback from functions: ``on_epoch_begin(epoch, logs)``, ``on_epoch_end(epoch, logs)``,
    ``on_train_begin(logs)``, ``on_train_end(logs)``, ``on_train_batch_begin(batch, logs)``,
    ``on_train_batch_end(batch, logs)`` and the other hook names as keywords.

    Args:
        on_epoch_begin (callable, optional): ``fn(epoch, logs)`` at the start of each epoch.
        on_epoch_end (callable, optional): ``fn(epoch, logs)`` at the end of each epoch.
        on_train_begin (callable, optional): ``fn(logs)`` when training starts.
        on_train_end (callable, optional): ``fn(logs)`` when training ends.
        on_train_batch_begin (callable, optional): ``fn(batch, logs)`` before each batch.
        on_train_batch_end (callable, optional): ``fn(batch, logs)`` after each batch.
        **kwargs: the other hooks by name (``on_test_begin``, ``on_predict_batch_end``, ...).

    Example:
        >>> model = rt.Sequential(nn.Linear(2, 1))
        >>> model.compile(optimizer="sgd", loss="mse")
        >>> x = rt.randn(16, 2)
        >>> y = x.sum(1, keepdim=True)
        >>> seen = []
        >>> cb = rt.callbacks.LambdaCallback(on_epoch_end=lambda epoch, logs: seen.append(epoch))
        >>> history = model.fit(x, y, epochs=3, verbose=0, callbacks=[cb])
        >>> seen
        [0, 1, 2]
    """

    _HOOKS = ("on_train_begin", "on_train_end", "on_epoch_begin", "on_epoch_end", "on_test_begin", "on_test_end",
              "on_predict_begin", "on_predict_end", "on_train_batch_begin", "on_train_batch_end",
              "on_test_batch_begin", "on_test_batch_end", "on_predict_batch_begin", "on_predict_batch_end")

    def __init__(self, on_epoch_begin=None, on_epoch_end=None, on_train_begin=None, on_train_end=None,
                 on_train_batch_begin=None, on_train_batch_end=None, **kwargs):
        super().__init__()
        given = dict(on_epoch_begin=on_epoch_begin, on_epoch_end=on_epoch_end, on_train_begin=on_train_begin,
                     on_train_end=on_train_end, on_train_batch_begin=on_train_batch_begin,
                     on_train_batch_end=on_train_batch_end)
        for k in kwargs:
            if k not in self._HOOKS:
                raise TypeError(f"LambdaCallback: unknown hook {k!r}; expected one of {self._HOOKS}")
        given.update(kwargs)
        for name, fn in given.items():
            if fn is not None:
                setattr(self, name, fn)  # an instance attribute shadows the no-op method


class BackupAndRestore(Callback):
    """Backs up the training state after every epoch so an interrupted ``fit`` resumes.

    ``backup_dir/latest.ckpt`` holds the weights, the optimizer state, the epoch and the history
    (one atomic file). When ``fit`` starts and a backup exists, it is loaded and training
    continues at the epoch after the backed-up one, with the history so far. After a
    successful ``fit`` the backup is deleted (``delete_checkpoint=True``). ``save_freq`` is
    'epoch' (a backup after each epoch).

    Args:
        backup_dir (str or os.PathLike): the directory of the backup file.
        save_freq (str): must be ``'epoch'``. Default: ``'epoch'``.
        delete_checkpoint (bool): delete the backup after a successful ``fit``. Default: True.

    Example:
        >>> model = rt.Sequential(nn.Linear(2, 1))
        >>> model.compile(optimizer="sgd", loss="mse")
        >>> x = rt.randn(16, 2)
        >>> y = x.sum(1, keepdim=True)
        >>> backup = rt.callbacks.BackupAndRestore("backup", delete_checkpoint=False)
        >>> history = model.fit(x, y, epochs=2, verbose=0, callbacks=[backup])
        >>> os.listdir("backup")
        ['latest.ckpt']
        >>> history = model.fit(x, y, epochs=3, verbose=0, callbacks=[backup])
        >>> history.epoch
        [0, 1, 2]
    """

    def __init__(self, backup_dir, save_freq="epoch", delete_checkpoint=True):
        super().__init__()
        if not backup_dir:
            raise ValueError("BackupAndRestore: backup_dir is required")
        if save_freq != "epoch":
            raise ValueError(f"BackupAndRestore: save_freq must be 'epoch' (backups after each epoch), got "
                             f"{save_freq!r}")
        self.backup_dir = os.fspath(backup_dir)
        self.save_freq = save_freq
        self.delete_checkpoint = delete_checkpoint
        self.path = os.path.join(self.backup_dir, "latest.ckpt")
        self._history = None

    def on_train_begin(self, logs=None):
        from ..serialization import load_checkpoint  # noqa: PLC0415
        if not os.path.exists(self.path):
            return
        extra = load_checkpoint(self.path, self.model, getattr(self.model, "optimizer", None)) or {}
        epoch = int(extra.get("epoch", -1))
        self.model._initial_epoch = epoch + 1
        history = self._find_history()
        if history is not None and extra.get("history"):
            history.restore(extra["history"], extra.get("history_epochs", []))

    def _find_history(self):
        return self._history

    def set_history(self, history):
        """Called by fit with the run's History, so a resumed run continues it."""
        self._history = history

    def on_epoch_end(self, epoch, logs=None):
        from ..serialization import save_checkpoint  # noqa: PLC0415
        os.makedirs(self.backup_dir, exist_ok=True)
        history = self._find_history()
        extra = {"epoch": epoch}
        if history is not None:
            # History runs after this callback (it is last in the list): add this epoch ourselves.
            hist = {k: list(v) for k, v in history.history.items()}
            for k, v in (logs or {}).items():
                hist.setdefault(k, []).append(float(v) if isinstance(v, (int, float, np.floating)) else v)
            extra["history"] = hist
            extra["history_epochs"] = list(history.epoch) + [epoch]
        save_checkpoint(self.path, self.model, getattr(self.model, "optimizer", None), extra=extra)

    def on_train_end(self, logs=None):
        # Only reached when fit ends normally: an exception leaves the backup for the next run.
        if self.delete_checkpoint and os.path.exists(self.path):
            os.remove(self.path)
