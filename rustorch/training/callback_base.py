"""Callback and CallbackList: the hooks of the training loop (Keras's names and order)."""

__all__ = ["Callback", "CallbackList"]

BATCH_HOOKS = ("on_train_batch_begin", "on_train_batch_end", "on_test_batch_begin", "on_test_batch_end",
               "on_predict_batch_begin", "on_predict_batch_end")


class Callback:
    """Base class of callbacks: override any of the hooks.

    ``on_{train,test,predict}_{begin,end}(logs)``, ``on_epoch_{begin,end}(epoch, logs)`` and
    ``on_{train,test,predict}_batch_{begin,end}(batch, logs)``; ``self.model`` is the model being
    trained (set by ``set_model``), ``self.params`` holds ``epochs``, ``steps`` and ``verbose``.
    A callback stops training by setting ``self.model.stop_training = True``. Epoch logs hold
    'loss', the metrics, 'val_*' after validation and 'lr'; batch logs hold the running means
    of the epoch so far.

    Example:
        >>> class StopAfterTwo(rt.callbacks.Callback):
        ...     def on_epoch_end(self, epoch, logs=None):
        ...         if epoch == 1:
        ...             self.model.stop_training = True
        >>> model = rt.Sequential(nn.Linear(2, 1))
        >>> model.compile(optimizer="sgd", loss="mse")
        >>> x = rt.randn(16, 2)
        >>> y = x.sum(1, keepdim=True)
        >>> history = model.fit(x, y, epochs=10, verbose=0, callbacks=[StopAfterTwo()])
        >>> history.epoch
        [0, 1]
    """

    def __init__(self):
        self.model = None
        self.params = {}

    def set_model(self, model):
        """Gives the callback the model being trained (``self.model``); called by the loop."""
        self.model = model

    def set_params(self, params):
        """Gives the callback the run's parameters (``self.params``: epochs, steps, verbose)."""
        self.params = params

    def on_train_begin(self, logs=None):
        """Called once at the start of ``fit``."""
        pass

    def on_train_end(self, logs=None):
        """Called once at the end of ``fit`` (also after early stopping)."""
        pass

    def on_epoch_begin(self, epoch, logs=None):
        """Called at the start of each epoch (``epoch`` is 0-based)."""
        pass

    def on_epoch_end(self, epoch, logs=None):
        """Called at the end of each epoch with the epoch's logs (loss, metrics, val_*, lr)."""
        pass

    def on_test_begin(self, logs=None):
        """Called at the start of ``evaluate`` and of each validation run."""
        pass

    def on_test_end(self, logs=None):
        """Called at the end of ``evaluate`` and of each validation run."""
        pass

    def on_predict_begin(self, logs=None):
        """Called at the start of ``predict``."""
        pass

    def on_predict_end(self, logs=None):
        """Called at the end of ``predict``."""
        pass

    def on_train_batch_begin(self, batch, logs=None):
        """Called before each training batch."""
        pass

    def on_train_batch_end(self, batch, logs=None):
        """Called after each training batch with the running means of the epoch so far."""
        pass

    def on_test_batch_begin(self, batch, logs=None):
        """Called before each evaluation / validation batch."""
        pass

    def on_test_batch_end(self, batch, logs=None):
        """Called after each evaluation / validation batch."""
        pass

    def on_predict_batch_begin(self, batch, logs=None):
        """Called before each prediction batch."""
        pass

    def on_predict_batch_end(self, batch, logs=None):
        """Called after each prediction batch."""
        pass


def _overrides(cb, hook):
    """Whether ``cb`` has its own ``hook`` (not Callback's no-op)."""
    if hook in getattr(cb, "__dict__", {}):  # set on the instance (LambdaCallback)
        return True
    method = getattr(type(cb), hook, None)
    if method is None:  # an object that is not a Callback subclass but has the hooks it needs
        return callable(getattr(cb, hook, None))
    return method is not getattr(Callback, hook)


class CallbackList:
    """Calls a hook on every callback in order.

    Batch hooks are the hot path: for each of them the list keeps only the callbacks that
    override it, and ``wants(hook)`` tells the loop whether it needs to build batch logs at all
    (reading the running metrics every step costs time that a plain ``fit`` should not pay).

    Args:
        callbacks (iterable of Callback): the callbacks, called in order.
        model (Model): the model given to each callback (``set_model``).
        params (dict): the parameters given to each callback (``set_params``).

    Example:
        >>> seen = []
        >>> cb = rt.callbacks.LambdaCallback(on_epoch_end=lambda epoch, logs: seen.append((epoch, logs)))
        >>> cbs = rt.callbacks.CallbackList([cb], model=None, params={"epochs": 1})
        >>> cbs.on_epoch_end(0, {"loss": 0.5})
        >>> seen, cbs.wants("on_train_batch_end")
        ([(0, {'loss': 0.5})], False)
    """

    def __init__(self, callbacks, model, params):
        self.callbacks = list(callbacks)
        self.model = model
        self.params = params
        for cb in self.callbacks:
            if hasattr(cb, "set_model"):
                cb.set_model(model)
            if hasattr(cb, "set_params"):
                cb.set_params(params)
        self._batch = {h: [cb for cb in self.callbacks if _overrides(cb, h)] for h in BATCH_HOOKS}

    def wants(self, hook):
        """True if some callback overrides the batch hook ``hook`` (the loop skips building batch logs otherwise)."""
        return bool(self._batch[hook])

    def _call(self, hook, *args):
        for cb in self.callbacks:
            fn = getattr(cb, hook, None)
            if fn is not None:
                fn(*args)

    def batch(self, hook, batch, logs):
        """Calls the batch hook ``hook`` of the callbacks that override it."""
        for cb in self._batch[hook]:
            getattr(cb, hook)(batch, logs)

    def on_train_begin(self, logs=None):
        """Calls ``on_train_begin`` of every callback, in order."""
        self._call("on_train_begin", logs)

    def on_train_end(self, logs=None):
        """Calls ``on_train_end`` of every callback, in order."""
        self._call("on_train_end", logs)

    def on_epoch_begin(self, epoch, logs=None):
        """Calls ``on_epoch_begin`` of every callback, in order."""
        self._call("on_epoch_begin", epoch, logs)

    def on_epoch_end(self, epoch, logs=None):
        """Calls ``on_epoch_end`` of every callback, in order."""
        self._call("on_epoch_end", epoch, logs)

    def on_test_begin(self, logs=None):
        """Calls ``on_test_begin`` of every callback, in order."""
        self._call("on_test_begin", logs)

    def on_test_end(self, logs=None):
        """Calls ``on_test_end`` of every callback, in order."""
        self._call("on_test_end", logs)

    def on_predict_begin(self, logs=None):
        """Calls ``on_predict_begin`` of every callback, in order."""
        self._call("on_predict_begin", logs)

    def on_predict_end(self, logs=None):
        """Calls ``on_predict_end`` of every callback, in order."""
        self._call("on_predict_end", logs)

    def __iter__(self):
        return iter(self.callbacks)
