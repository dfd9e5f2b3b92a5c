"""The History callback: what ``fit`` returns and what ``model.history`` holds."""
from .callback_base import Callback

__all__ = ["History"]


class History(Callback):
    """Records the epoch logs of a ``fit``.

    ``history`` maps each log name ('loss', the metrics, their 'val_' versions and 'lr', the
    learning rate used in the epoch) to a list with one value per epoch; ``epoch`` lists the
    epoch indices (0-based, continuing from ``initial_epoch``); ``params`` holds ``epochs``,
    ``steps`` and ``verbose``. ``fit`` puts a fresh History last in the callback list and also
    stores it as ``model.history``.

    Example:
        >>> model = rt.Sequential(nn.Linear(2, 1))
        >>> model.compile(optimizer="sgd", loss="mse")
        >>> x = rt.randn(8, 2)
        >>> history = model.fit(x, x.sum(1, keepdim=True), epochs=3, verbose=0)
        >>> history.epoch, sorted(history.history), len(history.history["loss"])
        ([0, 1, 2], ['loss', 'lr'], 3)
        >>> model.history is history
        True
    """

    def __init__(self):
        super().__init__()
        self.history = {}
        self.epoch = []
        self._restored = False

    def restore(self, history, epochs):
        """Continues an earlier run's history (BackupAndRestore after a crash)."""
        self.history = {k: list(v) for k, v in history.items()}
        self.epoch = list(epochs)
        self._restored = True

    def on_train_begin(self, logs=None):
        if not self._restored:
            self.epoch = []

    def on_epoch_end(self, epoch, logs=None):
        self.epoch.append(epoch)
        for k, v in (logs or {}).items():
            self.history.setdefault(k, []).append(v)
        if self.model is not None:
            self.model.history = self

    def __repr__(self):
        return f"History(epochs={len(self.epoch)}, keys={sorted(self.history)})"
