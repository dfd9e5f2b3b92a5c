"""The one training loop under ``Model.fit`` and ``rt.Trainer``.

``run_fit`` drives epochs, batches, validation and callbacks; what a step *computes* comes from a
"steps" object (``CompiledSteps`` here: the compiled loss and metrics, for ``fit``; the Trainer's
``LightningSteps``: the model's own ``training_step``/``validation_step``). How parameters are
updated (backward, gradient accumulation, clipping, optimizer step) is ``Optimization``.

Places for distributed training (``fit(..., distributed=True)``): wrap the model before the
steps object is built, give the DataLoader a ``DistributedSampler`` (``DataHandler``'s loader),
pass ``reduce_logs`` to average epoch logs across ranks, and ``is_main_process=False`` on other
ranks so that only rank 0 prints progress (``make_callbacks``).
"""
from .. import _C
from ..autograd import no_grad
from ..nn.utils import clip_grad_norm_, clip_grad_value_
from .callback_base import CallbackList
from .data_adapter import batch_size_of, unpack
from .history import History
from .metrics import Mean
from .progress import ProgbarLogger

__all__ = ["CompiledSteps", "Optimization", "run_fit", "run_evaluate", "run_predict", "make_callbacks",
           "concat_outputs"]


def _detach(out):
    if isinstance(out, _C.Tensor):
        return out.detach()
    if isinstance(out, (tuple, list)):
        return type(out)(_detach(o) for o in out)
    if isinstance(out, dict):
        return {k: _detach(v) for k, v in out.items()}
    return out


class CompiledSteps:
    """Steps of a compiled model: forward, the compiled loss (+ loss weights), the compiled metrics.

    Logs are named as Keras names them: 'loss', then each metric ('accuracy', ...), with
    per-output losses/metrics prefixed ``output_<i>_`` for models with several outputs. Inside
    ``fit`` the validation logs get the prefix ``val_``.
    """

    val_prefix = "val_"

    def __init__(self, model):
        if model.loss is None:
            raise RuntimeError(f"{type(model).__name__}: call compile(optimizer=..., loss=...) before fit/evaluate")
        self.model = model
        self.loss_tracker = Mean("loss")
        self.output_loss_trackers = []

    # ---- metrics ---------------------------------------------------------------------------------
    def reset(self):
        self.loss_tracker.reset_state()
        for t in self.output_loss_trackers:
            t.reset_state()
        for _, m in self.model._compiled_metrics:
            m.reset_state()

    def logs(self):
        logs = {"loss": self.loss_tracker.result()}
        for t in self.output_loss_trackers:
            logs[t.name] = t.result()
        for _, m in self.model._compiled_metrics:
            logs[m.name] = m.result()
        return logs

    batch_logs = logs

    def _update(self, loss, parts, n, y, y_pred, sw):
        self.loss_tracker.add(loss.item(), n)
        if len(parts) > 1:
            if not self.output_loss_trackers:
                self.output_loss_trackers = [Mean(f"output_{i}_loss") for i in range(len(parts))]
            for t, part in zip(self.output_loss_trackers, parts):
                t.add(part.item(), n)
        if self.model._compiled_metrics:
            # Compiled metrics are unweighted, as Keras's `metrics` (sample/class weights scale
            # the loss only).
            y_pred = _detach(y_pred)
            for index, metric in self.model._compiled_metrics:
                if index is None:
                    metric.update_state(y, y_pred)
                else:
                    metric.update_state(y[index], y_pred[index])

    # ---- steps -----------------------------------------------------------------------------------
    def train_batch(self, batch, batch_idx):
        x, y, sw = unpack(batch)
        if y is None:
            raise ValueError("fit: the training batches carry no targets; give y (or yield (x, y) batches)")
        y_pred = self.model(x)
        loss, parts = self.model.compute_loss(y_pred, y, sw)
        self._update(loss, parts, batch_size_of(x), y, y_pred, sw)
        return loss

    def test_batch(self, batch, batch_idx):
        x, y, sw = unpack(batch)
        if y is None:
            raise ValueError("evaluate: the batches carry no targets; give y (or yield (x, y) batches)")
        y_pred = self.model(x)
        loss, parts = self.model.compute_loss(y_pred, y, sw)
        self._update(loss, parts, batch_size_of(x), y, y_pred, sw)

    def predict_batch(self, batch, batch_idx):
        x = unpack(batch)[0] if isinstance(batch, (tuple, list)) else batch
        return self.model(x)


class Optimization:
    """backward + (gradient accumulation) + (clipping) + optimizer step, once per batch.

    With ``accumulate > 1`` the loss is divided by ``accumulate`` and the optimizer steps every
    ``accumulate`` batches (and on the last batch of an epoch), like Lightning's
    ``accumulate_grad_batches``. ``clip_value`` clips the total gradient norm
    (``clip_algorithm='norm'``) or each element ('value') before the step.
    """

    def __init__(self, optimizer, accumulate=1, clip_value=None, clip_algorithm="norm"):
        if optimizer is None:
            raise RuntimeError("training needs an optimizer: compile(optimizer=...) or configure_optimizers()")
        if not isinstance(accumulate, int) or accumulate < 1:
            raise ValueError(f"accumulate_grad_batches must be a positive int, got {accumulate!r}")
        if clip_algorithm not in ("norm", "value"):
            raise ValueError(f"gradient_clip_algorithm must be 'norm' or 'value', got {clip_algorithm!r}")
        self.optimizer = optimizer
        self.accumulate = accumulate
        self.clip_value = clip_value
        self.clip_algorithm = clip_algorithm
        self._params = None
        self.global_step = 0  # optimizer steps taken
        self.step_hooks = []  # hook(global_step) after each optimizer step (per-step LR schedulers)

    def _parameters(self):
        if self._params is None:
            self._params = [p for g in self.optimizer.param_groups for p in g["params"]]
        return self._params

    def begin_epoch(self):
        self.optimizer.zero_grad()
        self._pending = 0

    def backward_and_step(self, loss, last_in_epoch):
        if self.accumulate > 1:
            loss = loss / self.accumulate
        loss.backward()
        self._pending += 1
        if self._pending >= self.accumulate or last_in_epoch:
            if self.clip_value is not None:
                if self.clip_algorithm == "norm":
                    clip_grad_norm_(self._parameters(), self.clip_value)
                else:
                    clip_grad_value_(self._parameters(), self.clip_value)
            self._step()

    def _step(self):
        self.optimizer.step()
        self.optimizer.zero_grad()
        self._pending = 0
        self.global_step += 1
        for hook in self.step_hooks:
            hook(self.global_step)

    def end_epoch(self):
        """Applies gradients left over when an epoch ended early (stop_training mid-epoch)."""
        if self._pending:
            self._step()

    @property
    def lr(self):
        return float(self.optimizer.param_groups[0]["lr"])


def make_callbacks(model, callbacks, verbose, epochs, steps, is_main_process=True, add_history=True):
    """The callback list of a run: the user's callbacks, then a progress logger (when verbose and
    on the main process, unless the user gave one), then a fresh History (Keras's order).
    Returns ``(CallbackList, History or None)``."""
    callbacks = list(callbacks or [])
    for cb in callbacks:
        if isinstance(cb, type):
            raise TypeError(f"callbacks: {cb.__name__} is a class; pass an instance ({cb.__name__}(...))")
    if verbose and is_main_process and not any(isinstance(cb, ProgbarLogger) for cb in callbacks):
        callbacks.append(ProgbarLogger())
    if not is_main_process:
        callbacks = [cb for cb in callbacks if not isinstance(cb, ProgbarLogger)]
    history = None
    if add_history:
        history = next((cb for cb in callbacks if isinstance(cb, History)), None)
        if history is None:
            history = History()
            callbacks.append(history)
        for cb in callbacks:
            if hasattr(cb, "set_history"):
                cb.set_history(history)
    params = {"epochs": epochs, "steps": steps, "verbose": verbose}
    return CallbackList(callbacks, model, params), history


def _should_validate(epoch, validation_freq):
    """Keras's validation_freq: an int N validates after every N-th epoch; a collection lists the
    (1-based) epochs that validate."""
    if isinstance(validation_freq, int):
        return (epoch + 1) % validation_freq == 0
    return (epoch + 1) in validation_freq


def check_validation_freq(validation_freq):
    if isinstance(validation_freq, bool) or not isinstance(validation_freq, (int, list, tuple, set, range)):
        raise ValueError(f"validation_freq must be a positive int or a collection of epochs, got {validation_freq!r}")
    if isinstance(validation_freq, int) and validation_freq < 1:
        raise ValueError(f"validation_freq must be >= 1, got {validation_freq}")


def run_fit(model, steps, optimization, train, *, epochs, initial_epoch=0, val=None, validation_freq=1,
            callbacks, reduce_logs=None, epoch_end_hooks=(), history=None):
    """Runs epochs ``initial_epoch .. epochs-1`` and returns the epoch logs of the last one.

    ``train`` and ``val`` are ``DataHandler``s; ``steps`` computes losses and logs;
    ``optimization`` updates the parameters; ``callbacks`` is a ``CallbackList``;
    ``epoch_end_hooks`` are called as ``hook(epoch, logs)`` after the logs are complete and
    before the callbacks see them (the Trainer steps its LR schedulers there).
    A callback may move the start (BackupAndRestore sets ``model._initial_epoch`` in
    ``on_train_begin``) or stop the run (``model.stop_training = True``).
    """
    model.stop_training = False
    model._initial_epoch = None
    want_begin = callbacks.wants("on_train_batch_begin")
    want_end = callbacks.wants("on_train_batch_end")
    callbacks.on_train_begin()
    if model._initial_epoch is not None:  # resumed by a callback
        initial_epoch = model._initial_epoch
    logs = {}
    steps_known = train.steps
    for epoch in range(initial_epoch, epochs):
        model.train()
        steps.reset()
        optimization.begin_epoch()
        callbacks.on_epoch_begin(epoch)
        lr_used = optimization.lr  # callbacks may have set it in on_epoch_begin
        batch_idx = -1
        for batch_idx, batch in enumerate(train.epoch_batches()):
            if want_begin:
                callbacks.batch("on_train_batch_begin", batch_idx, {})
            loss = steps.train_batch(batch, batch_idx)
            if loss is not None:  # a training_step may return None to skip the batch
                optimization.backward_and_step(loss, steps_known is not None and batch_idx + 1 == steps_known)
            if want_end:
                callbacks.batch("on_train_batch_end", batch_idx, steps.batch_logs())
            if model.stop_training:
                break
        if batch_idx < 0:
            raise ValueError("fit: the training data produced no batches")
        optimization.end_epoch()
        logs = steps.logs()
        if reduce_logs is not None:
            logs = reduce_logs(logs)
        if val is not None and not model.stop_training and _should_validate(epoch, validation_freq):
            val_logs = run_evaluate(model, steps, val, callbacks, reduce_logs=reduce_logs)
            logs.update({steps.val_prefix + k: v for k, v in val_logs.items()})
        logs["lr"] = lr_used
        for hook in epoch_end_hooks:
            hook(epoch, logs)
        callbacks.on_epoch_end(epoch, logs)
        if model.stop_training:
            break
    model.train()
    callbacks.on_train_end(logs)
    return logs


def run_evaluate(model, steps, data, callbacks, reduce_logs=None):
    """One pass over ``data`` (a DataHandler) in eval mode without gradients; returns the logs."""
    was_training = model.training
    model.eval()
    steps.reset()
    want_begin = callbacks.wants("on_test_batch_begin")
    want_end = callbacks.wants("on_test_batch_end")
    callbacks.on_test_begin()
    try:
        with no_grad():
            batch_idx = -1
            for batch_idx, batch in enumerate(data.epoch_batches()):
                if want_begin:
                    callbacks.batch("on_test_batch_begin", batch_idx, {})
                steps.test_batch(batch, batch_idx)
                if want_end:
                    callbacks.batch("on_test_batch_end", batch_idx, steps.batch_logs())
        if batch_idx < 0:
            raise ValueError("evaluate: the data produced no batches")
        logs = steps.logs()
        if reduce_logs is not None:
            logs = reduce_logs(logs)
    finally:
        model.train(was_training)
    callbacks.on_test_end(logs)
    return logs


def run_predict(model, steps, data, callbacks):
    """The model's outputs over ``data`` (eval mode, no grad), one entry per batch."""
    was_training = model.training
    model.eval()
    want_begin = callbacks.wants("on_predict_batch_begin")
    want_end = callbacks.wants("on_predict_batch_end")
    callbacks.on_predict_begin()
    outputs = []
    try:
        with no_grad():
            for batch_idx, batch in enumerate(data.epoch_batches()):
                if want_begin:
                    callbacks.batch("on_predict_batch_begin", batch_idx, {})
                out = steps.predict_batch(batch, batch_idx)
                outputs.append(out)
                if want_end:
                    callbacks.batch("on_predict_batch_end", batch_idx, {"outputs": out})
    finally:
        model.train(was_training)
    callbacks.on_predict_end()
    return outputs


def concat_outputs(outputs, what="predict"):
    """Concatenates per-batch outputs along the batch dim (tensors, or tuples/dicts of them)."""
    if not outputs:
        raise ValueError(f"{what}: the data produced no batches")
    first = outputs[0]
    if isinstance(first, _C.Tensor):
        return _C.cat(outputs, 0) if len(outputs) > 1 else first
    if isinstance(first, (tuple, list)):
        return type(first)(concat_outputs([o[i] for o in outputs], what) for i in range(len(first)))
    if isinstance(first, dict):
        return {k: concat_outputs([o[k] for o in outputs], what) for k in first}
    raise TypeError(f"{what}: the model returned {type(first).__name__}; expected tensors (or tuples/dicts of them)")
