"""Progress output of fit / evaluate / predict: a Keras-style bar (tqdm) or one line per epoch.

verbose=1 draws a tqdm bar per epoch (``tqdm.auto``, so it renders as a widget in Jupyter):
``Epoch 3/10  375/469 |█████▌  | 00:02<00:00  5.1ms/step - loss: 0.4123 - accuracy: 0.8512``.
verbose=2 prints one line when each epoch ends; verbose=0 prints nothing. 'auto' is 1 when
stdout is a terminal or a notebook and 2 otherwise (logs, CI), so redirected output never fills
with bar redraws.
"""
import io
import os
import sys
import time

from .callback_base import Callback

__all__ = ["ProgbarLogger", "resolve_verbose", "format_logs"]


def _in_notebook():
    shell = sys.modules.get("IPython")
    if shell is None:
        return False
    try:
        ip = shell.get_ipython()
    except Exception:  # noqa: BLE001  (any IPython oddity means: not a notebook)
        return False
    return ip is not None and "IPKernelApp" in getattr(ip, "config", {})


def resolve_verbose(verbose, stream=None):
    """Maps fit's ``verbose`` ('auto', True/False, 0, 1, 2) to 0, 1 or 2."""
    if verbose == "auto":
        stream = sys.stdout if stream is None else stream
        isatty = getattr(stream, "isatty", None)
        return 1 if (_in_notebook() or (isatty is not None and isatty())) else 2
    if isinstance(verbose, bool):
        return int(verbose)
    if verbose in (0, 1, 2):
        return int(verbose)
    raise ValueError(f"verbose must be 'auto', 0, 1, 2 or a bool, got {verbose!r}")


def _fmt_value(v):
    if isinstance(v, float):
        return f"{v:.4f}" if v == 0 or abs(v) >= 1e-3 else f"{v:.4e}"
    return str(v)


def format_logs(logs, skip=("lr",)):
    return " - ".join(f"{k}: {_fmt_value(v)}" for k, v in logs.items() if k not in skip)


def _fmt_time(seconds):
    if seconds >= 1:
        return f"{seconds:.0f}s" if seconds >= 10 else f"{seconds:.1f}s"
    return f"{seconds * 1e3:.0f}ms"


def _fmt_step(seconds):
    return f"{seconds * 1e3:.0f}ms/step" if seconds >= 1e-3 else f"{seconds * 1e6:.0f}us/step"


class ProgbarLogger(Callback):
    """Prints progress: a bar per epoch (verbose 1) or a line per epoch (verbose 2).

    ``fit``/``evaluate``/``predict`` add one when ``verbose`` resolves to 1 or 2 (and only on
    the main process when training is distributed); ``params['verbose']`` picks the mode.

    Args:
        stream (file-like, optional): where to print; default ``sys.stdout``.

    Example:
        >>> # fit(verbose=2) adds a ProgbarLogger that prints one line per epoch
        >>> model = rt.Sequential(nn.Linear(2, 1))
        >>> model.compile(optimizer="sgd", loss="mse")
        >>> x = rt.randn(16, 2)
        >>> y = x.sum(1, keepdim=True)
        >>> history = model.fit(x, y, epochs=2, batch_size=8, verbose=2)
        Epoch 1/2 - 2/2 - ... - loss: 1.1201
        Epoch 2/2 - 2/2 - ... - loss: 1.0179
    """

    refresh_interval = 0.1  # seconds between postfix refreshes of the bar

    def __init__(self, stream=None):
        super().__init__()
        self.stream = stream
        self._bar = None
        self._mode = "train"
        self._in_fit = False

    @property
    def _out(self):
        return self.stream if self.stream is not None else sys.stdout

    @property
    def verbose(self):
        """The verbosity the loop was given (0 silent, 1 bar, 2 one line per epoch)."""
        return self.params.get("verbose", 1)

    # ---- bar helpers --------------------------------------------------------------------------
    def _open(self, desc, total):
        from tqdm.auto import tqdm  # noqa: PLC0415
        if total:
            fmt = "{desc}{n_fmt}/{total_fmt} |{bar:20}| {elapsed}<{remaining}{postfix}"
        else:
            fmt = "{desc}{n_fmt} {elapsed}{postfix}"
        size = _unsized_terminal(self._out)
        self._bar = tqdm(total=total, desc=desc, bar_format=fmt, file=self._out, leave=True,
                         dynamic_ncols=size is None, ncols=size and size[0], nrows=size and size[1],
                         mininterval=self.refresh_interval, ascii=not _unicode_ok(self._out))
        self._start = time.perf_counter()
        self._last_postfix = 0.0
        self._seen = 0

    def _advance(self, logs, force=False):
        bar = self._bar
        if bar is None:
            return
        self._seen += 1
        now = time.perf_counter()
        if force or now - self._last_postfix >= self.refresh_interval:
            step_time = (now - self._start) / max(self._seen, 1)
            post = _fmt_step(step_time)
            if logs:
                post += " - " + format_logs(logs)
            bar.set_postfix_str(post, refresh=False)
            self._last_postfix = now
        bar.update(self._seen - bar.n)

    def _close(self, logs):
        bar = self._bar
        if bar is None:
            return
        step_time = (time.perf_counter() - self._start) / max(self._seen, 1)
        post = _fmt_step(step_time)
        if logs:
            post += " - " + format_logs(logs)
        bar.set_postfix_str(post, refresh=False)
        bar.update(self._seen - bar.n)
        bar.close()
        self._bar = None

    # ---- fit ------------------------------------------------------------------------------------
    def on_train_begin(self, logs=None):
        self._in_fit = True

    def on_train_end(self, logs=None):
        self._in_fit = False
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def on_epoch_begin(self, epoch, logs=None):
        self._epoch = epoch
        self._epoch_start = time.perf_counter()
        self._steps = 0
        if self.verbose == 1:
            self._open(f"Epoch {epoch + 1}/{self.params.get('epochs', '?')} ", self.params.get("steps"))

    def on_train_batch_end(self, batch, logs=None):
        self._steps += 1
        if self.verbose == 1:
            self._advance(logs)

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        if self.verbose == 1:
            self._close(logs)
        elif self.verbose == 2:
            elapsed = time.perf_counter() - self._epoch_start
            steps = self._steps or 1
            line = (f"Epoch {epoch + 1}/{self.params.get('epochs', '?')} - {self._steps}/"
                    f"{self.params.get('steps') or self._steps} - {_fmt_time(elapsed)} - {_fmt_step(elapsed / steps)}")
            if logs:
                line += " - " + format_logs(logs)
            print(line, file=self._out, flush=True)

    # ---- evaluate / predict (outside fit only: validation inside fit draws no bar) -----------------
    def _begin(self):
        self._steps = 0
        self._phase_start = time.perf_counter()
        if self.verbose == 1:
            self._open("", self.params.get("steps"))

    def _batch(self, logs):
        self._steps += 1
        if self.verbose == 1:
            self._advance(logs)

    def _end(self, logs):
        if self.verbose == 1:
            self._close(logs)
        elif self.verbose == 2:
            elapsed = time.perf_counter() - self._phase_start
            line = f"{self._steps}/{self._steps} - {_fmt_time(elapsed)} - {_fmt_step(elapsed / max(self._steps, 1))}"
            if logs:
                line += " - " + format_logs(logs)
            print(line, file=self._out, flush=True)

    def on_test_begin(self, logs=None):
        if not self._in_fit:
            self._begin()

    def on_test_batch_end(self, batch, logs=None):
        if not self._in_fit:
            self._batch(logs)

    def on_test_end(self, logs=None):
        if not self._in_fit:
            self._end(logs)

    def on_predict_begin(self, logs=None):
        self._begin()

    def on_predict_batch_end(self, batch, logs=None):
        self._batch(None)

    def on_predict_end(self, logs=None):
        self._end(None)


def _unsized_terminal(stream):
    """None (tqdm follows the terminal's size), or a fixed (columns, lines) = (200, 40) for a
    terminal that reports a 0 x 0 size (a pseudo-terminal nobody sized, as some CI runners
    give): tqdm would otherwise draw nothing at all."""
    try:
        size = os.get_terminal_size(stream.fileno())
    except (AttributeError, ValueError, OSError, io.UnsupportedOperation):
        return None
    if size.columns and size.lines:
        return None
    return (size.columns or 200, size.lines or 40)


def _unicode_ok(stream):
    enc = getattr(stream, "encoding", None) or ""
    return "utf" in enc.lower()
