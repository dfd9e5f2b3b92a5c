"""``rt.Trainer``: a Lightning-style loop for models that write their own step.

The model is an ``rt.Model`` that may define ``training_step(batch, batch_idx)`` (returning the
loss, or a dict with 'loss', or None to skip the batch), ``validation_step``, ``test_step``,
``predict_step`` and ``configure_optimizers``, and logs values with ``self.log(name, value,
prog_bar=False)``. Whatever it does not define falls back to ``compile``'s loss, metrics and
optimizer. The loop is ``Model.fit``'s (``training/loop.py``); Keras callbacks work here too.
"""
import math
import os

from .._C import Tensor
from ..optim import Optimizer
from ..optim.lr_scheduler import LRScheduler, ReduceLROnPlateau
from .callback_base import Callback
from .data_adapter import DataHandler, batch_size_of, unpack
from .loop import CompiledSteps, Optimization, make_callbacks, run_evaluate, run_fit, run_predict
from .metrics import Mean
from .progress import resolve_verbose

__all__ = ["Trainer"]


def _defines(model, name):
    """Whether the model's class defines hook ``name`` (rt.Model itself defines none of them)."""
    return callable(getattr(type(model), name, None))


def _scalar(value, name):
    if isinstance(value, Tensor):
        if value.numel() != 1:
            raise ValueError(f"self.log({name!r}): expected a scalar, got a tensor of shape {tuple(value.shape)}")
        return value.item()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    try:
        return float(value)
    except (TypeError, ValueError):
        raise TypeError(f"self.log({name!r}): expected a number or a 0-d tensor, got {type(value).__name__}") from None


class LightningSteps:
    """Steps that call the model's own ``*_step`` methods; logged values are averaged over the
    epoch weighted by batch size. Validation logs keep the names the user logged (write
    'val_loss' yourself, as in Lightning); with the compiled fallback they get 'val_'."""

    def __init__(self, model, stage_step="validation_step"):
        self.model = model
        self.has_train = _defines(model, "training_step")
        self.has_eval = _defines(model, stage_step)
        self.stage_step = stage_step
        self.fallback = CompiledSteps(model) if model.loss is not None else None
        self.val_prefix = "" if self.has_eval else ("val_" if stage_step == "validation_step" else "test_")
        self._trackers = {}
        self._prog_bar = {"loss"}
        self._batch_size = 1

    # ---- logging -------------------------------------------------------------------------------
    def _sink(self, name, value, prog_bar=False, batch_size=None):
        tracker = self._trackers.get(name)
        if tracker is None:
            tracker = self._trackers[name] = Mean(name)
        tracker.add(_scalar(value, name), batch_size or self._batch_size)
        if prog_bar:
            self._prog_bar.add(name)

    def reset(self):
        self._trackers = {}
        if self.fallback is not None:
            self.fallback.reset()

    def logs(self):
        logs = {}
        if self.fallback is not None and (not self.has_train or not self.has_eval) and self.fallback.loss_tracker.count:
            logs.update(self.fallback.logs())
        logs.update({name: t.result() for name, t in self._trackers.items()})
        return logs

    def batch_logs(self):
        logs = self.logs()
        return {k: v for k, v in logs.items() if k in self._prog_bar or k not in self._trackers}

    def _call(self, method, batch, batch_idx):
        self._batch_size = batch_size_of(batch)
        self.model._log_sink = self._sink
        try:
            return getattr(self.model, method)(batch, batch_idx)
        finally:
            self.model._log_sink = None

    # ---- steps ---------------------------------------------------------------------------------
    def train_batch(self, batch, batch_idx):
        if not self.has_train:
            if self.fallback is None:
                raise RuntimeError(f"Trainer: {type(self.model).__name__} defines no training_step and is not compiled "
                                   "with a loss")
            return self.fallback.train_batch(batch, batch_idx)
        out = self._call("training_step", batch, batch_idx)
        if out is None:
            return None
        loss = out.get("loss") if isinstance(out, dict) else out
        if not isinstance(loss, Tensor):
            raise TypeError(f"training_step must return a loss tensor, a dict with 'loss' or None; got "
                            f"{type(out).__name__}")
        self._sink("loss", loss.detach(), prog_bar=True)
        return loss

    def test_batch(self, batch, batch_idx):
        if not self.has_eval:
            if self.fallback is None:
                raise RuntimeError(f"Trainer: {type(self.model).__name__} defines no {self.stage_step} and is not "
                                   "compiled with a loss")
            return self.fallback.test_batch(batch, batch_idx)
        self._call(self.stage_step, batch, batch_idx)

    def predict_batch(self, batch, batch_idx):
        if _defines(self.model, "predict_step"):
            return self.model.predict_step(batch, batch_idx)
        x = unpack(batch)[0] if isinstance(batch, (tuple, list)) else batch
        return self.model(x)


class _Schedulers:
    """configure_optimizers' LR schedulers, stepped per epoch (after validation) or per step."""

    def __init__(self, configs):
        self.configs = configs

    def epoch_end(self, epoch, logs):
        for c in self.configs:
            if c["interval"] == "epoch" and (epoch + 1) % c["frequency"] == 0:
                self._step(c, logs)

    def step_end(self, global_step):
        for c in self.configs:
            if c["interval"] == "step" and global_step % c["frequency"] == 0:
                self._step(c, None)

    @staticmethod
    def _step(c, logs):
        sched = c["scheduler"]
        if isinstance(sched, ReduceLROnPlateau):
            monitor = c.get("monitor") or "val_loss"
            if logs is None or monitor not in logs:
                raise RuntimeError(f"Trainer: ReduceLROnPlateau monitors {monitor!r}, which is not in the logs "
                                   f"({sorted(logs or {})}); set 'monitor' in configure_optimizers' lr_scheduler dict")
            sched.step(logs[monitor])
        else:
            sched.step()


def _parse_optimizers(config, model):
    """(optimizer, [scheduler configs]) from what configure_optimizers returned."""
    def sched_config(s):
        if isinstance(s, dict):
            if "scheduler" not in s:
                raise ValueError("configure_optimizers: an lr_scheduler dict needs a 'scheduler' entry")
            c = {"interval": "epoch", "frequency": 1, "monitor": None, **s}
            if c["interval"] not in ("epoch", "step"):
                raise ValueError(f"configure_optimizers: lr_scheduler interval must be 'epoch' or 'step', got "
                                 f"{c['interval']!r}")
            return c
        if isinstance(s, (LRScheduler, ReduceLROnPlateau)):
            return {"scheduler": s, "interval": "epoch", "frequency": 1, "monitor": None}
        raise TypeError(f"configure_optimizers: unsupported lr scheduler {type(s).__name__}")

    if config is None:
        if model.optimizer is None:
            raise RuntimeError(f"Trainer: {type(model).__name__} has no configure_optimizers and is not compiled with "
                               "an optimizer")
        return model.optimizer, []
    if isinstance(config, Optimizer):
        return config, []
    if isinstance(config, dict):
        if "optimizer" not in config:
            raise ValueError("configure_optimizers: a dict return needs an 'optimizer' entry")
        scheds = config.get("lr_scheduler")
        scheds = [] if scheds is None else [scheds]
        return config["optimizer"], [sched_config(s) for s in scheds]
    if isinstance(config, (tuple, list)):
        if len(config) == 2 and isinstance(config[0], (tuple, list)):
            opts, scheds = list(config[0]), list(config[1])
        else:
            opts, scheds = list(config), []
        if len(opts) != 1 or not isinstance(opts[0], Optimizer):
            raise ValueError(f"configure_optimizers: rt.Trainer supports one optimizer, got {len(opts)}")
        return opts[0], [sched_config(s) for s in scheds]
    raise TypeError(f"configure_optimizers returned {type(config).__name__}; expected an Optimizer, a dict or "
                    "([optimizers], [schedulers])")


class _LastCheckpoint(Callback):
    """Writes ``<default_root_dir>/checkpoints/last.ckpt`` after each epoch."""

    def __init__(self, trainer):
        super().__init__()
        self.trainer = trainer

    def on_epoch_end(self, epoch, logs=None):
        self.trainer.current_epoch = epoch
        self.trainer.save_checkpoint(self.trainer.last_checkpoint_path, _extra_logs=logs)


class _EpochTracker(Callback):
    def __init__(self, trainer):
        super().__init__()
        self.trainer = trainer

    def on_epoch_begin(self, epoch, logs=None):
        self.trainer.current_epoch = epoch

    def on_epoch_end(self, epoch, logs=None):
        self.trainer._epochs_completed = epoch + 1
        self.trainer.callback_metrics = dict(logs or {})
        self.trainer.logged_metrics = dict(logs or {})
        max_steps = self.trainer.max_steps
        if max_steps is not None and max_steps >= 0 and self.trainer.global_step >= max_steps:
            self.model.stop_training = True

    def on_train_batch_end(self, batch, logs=None):
        max_steps = self.trainer.max_steps
        if max_steps is not None and max_steps >= 0 and self.trainer.global_step >= max_steps:
            self.model.stop_training = True


class Trainer:
    """A Lightning-style trainer.

    Args:
        max_epochs: epochs to train (Lightning's default: 1000 when neither it nor ``max_steps``
            is given).
        max_steps: stop after this many optimizer steps (-1: no limit).
        callbacks: ``rt.callbacks`` objects (the Keras hooks), e.g. EarlyStopping on 'val_loss'.
        gradient_clip_val: clip gradients before each optimizer step: the total norm
            (``gradient_clip_algorithm='norm'``, the default) or each element ('value').
        accumulate_grad_batches: sum the gradients of this many batches per optimizer step.
        check_val_every_n_epoch: validate after every N-th epoch.
        limit_train_batches / limit_val_batches: an int (batches) or a float (fraction of the
            loader) per epoch; each epoch takes the first batches of a fresh pass.
        enable_progress_bar: the Keras-style bar (one line per epoch when not on a terminal).
        default_root_dir: where ``checkpoints/last.ckpt`` is written after each epoch (None: no
            files are written); ``fit(ckpt_path='last')`` resumes from it.
        deterministic: rustorch's CPU kernels are deterministic already (fixed work partition,
            results independent of the thread count); True additionally requires DataLoaders
            with worker threads to deliver batches in order (``in_order=True``) and raises
            otherwise, so a run is reproducible from its seed.
        enable_checkpointing: write ``last.ckpt`` under ``default_root_dir`` (when it is set).
            Default: True.
        strategy: ``'auto'`` (one process) or ``'ddp'`` (data-parallel over the ranks of
            ``rustorch.distributed.run``). Default: ``'auto'``.

    Example:
        >>> class Lit(rt.Model):
        ...     def __init__(self):
        ...         super().__init__()
        ...         self.fc = nn.Linear(3, 2)
        ...     def forward(self, x):
        ...         return self.fc(x)
        ...     def training_step(self, batch, batch_idx):
        ...         x, y = batch
        ...         loss = F.cross_entropy(self(x), y)
        ...         self.log("train_loss", loss)
        ...         return loss
        ...     def configure_optimizers(self):
        ...         return rt.optim.SGD(self.parameters(), lr=0.1)
        >>> ds = rt.data.TensorDataset(rt.randn(16, 3), rt.randint(0, 2, (16,)))
        >>> trainer = rt.Trainer(max_epochs=2, enable_progress_bar=False)
        >>> history = trainer.fit(Lit(), rt.data.DataLoader(ds, batch_size=8))
        >>> trainer.global_step, trainer.current_epoch, "train_loss" in trainer.callback_metrics
        (4, 2, True)

    ``current_epoch`` is Lightning's: the running epoch's index inside ``fit`` and its hooks, the
    number of epochs completed once ``fit`` has returned.
    """

    def __init__(self, max_epochs=None, callbacks=None, gradient_clip_val=None, accumulate_grad_batches=1,
                 check_val_every_n_epoch=1, limit_train_batches=None, enable_progress_bar=True, default_root_dir=None,
                 deterministic=False, max_steps=-1, limit_val_batches=None, gradient_clip_algorithm="norm",
                 enable_checkpointing=True, strategy="auto"):
        if max_epochs is None:
            max_epochs = 1000 if (max_steps is None or max_steps < 0) else 2 ** 31 - 1
        if not isinstance(max_epochs, int) or max_epochs < 0:
            raise ValueError(f"Trainer: max_epochs must be a non-negative int, got {max_epochs!r}")
        if not isinstance(check_val_every_n_epoch, int) or check_val_every_n_epoch < 1:
            raise ValueError(f"Trainer: check_val_every_n_epoch must be a positive int, got "
                             f"{check_val_every_n_epoch!r}")
        if gradient_clip_val is not None and not (float(gradient_clip_val) > 0):
            raise ValueError(f"Trainer: gradient_clip_val must be > 0, got {gradient_clip_val!r}")
        for name, limit in (("limit_train_batches", limit_train_batches), ("limit_val_batches", limit_val_batches)):
            if limit is not None and (isinstance(limit, bool) or not isinstance(limit, (int, float)) or limit < 0
                                      or (isinstance(limit, float) and limit > 1.0)):
                raise ValueError(f"Trainer: {name} must be an int >= 0 or a float in [0, 1], got {limit!r}")
        if strategy not in ("auto", "ddp"):
            raise ValueError(f"Trainer: strategy must be 'auto' (one process) or 'ddp' (data-parallel over the ranks "
                             f"of rustorch.distributed.run), got {strategy!r}")
        self.strategy = strategy
        self.max_epochs = max_epochs
        self.max_steps = max_steps
        self.callbacks = list(callbacks or [])
        self.gradient_clip_val = gradient_clip_val
        self.gradient_clip_algorithm = gradient_clip_algorithm
        self.accumulate_grad_batches = accumulate_grad_batches
        self.check_val_every_n_epoch = check_val_every_n_epoch
        self.limit_train_batches = limit_train_batches
        self.limit_val_batches = limit_val_batches
        self.enable_progress_bar = enable_progress_bar
        self.default_root_dir = None if default_root_dir is None else os.fspath(default_root_dir)
        self.deterministic = bool(deterministic)
        self.enable_checkpointing = enable_checkpointing
        # Lightning's boundary: the running epoch's index inside fit (and its hooks), the number of
        # epochs completed once fit returns.
        self.current_epoch = 0
        self._epochs_completed = 0
        self._in_fit = False
        self.callback_metrics = {}
        self.logged_metrics = {}
        self.history = None
        self.model = None
        self.optimizer = None
        self.lr_schedulers = []
        self._optimization = None

    # ---- helpers -------------------------------------------------------------------------------------
    @property
    def global_step(self):
        """The number of optimizer steps taken so far."""
        return self._optimization.global_step if self._optimization is not None else 0

    @property
    def should_stop(self):
        """Whether training stops after the current epoch (settable, like Lightning's)."""
        return bool(self.model is not None and self.model.stop_training)

    @should_stop.setter
    def should_stop(self, value):
        if self.model is not None:
            self.model.stop_training = bool(value)

    @property
    def last_checkpoint_path(self):
        """The path of the checkpoint written after each epoch: ``default_root_dir/checkpoints/last.ckpt``."""
        if self.default_root_dir is None:
            raise ValueError("Trainer: default_root_dir is not set, so there is no 'last' checkpoint")
        return os.path.join(self.default_root_dir, "checkpoints", "last.ckpt")

    def _verbose(self):
        return resolve_verbose("auto") if self.enable_progress_bar else 0

    def _check_deterministic(self, loader):
        if self.deterministic and getattr(loader, "num_workers", 0) and not getattr(loader, "in_order", True):
            raise ValueError("Trainer(deterministic=True): a DataLoader with worker threads must keep in_order=True")

    def _handler(self, loader, limit, what):
        if loader is None:
            return None
        if not hasattr(loader, "__iter__"):
            raise TypeError(f"Trainer.{what}: expected a DataLoader (or an iterable of batches), got "
                            f"{type(loader).__name__}")
        self._check_deterministic(loader)
        steps = None
        if limit is not None:
            if isinstance(limit, float):
                try:
                    n = len(loader)
                except TypeError:
                    raise ValueError(f"Trainer: a fractional batch limit needs a loader with a length ({what})") \
                        from None
                steps = int(math.floor(n * limit))
            else:
                steps = int(limit)
            if steps == 0:
                return None
        return DataHandler(loader, steps, restart_each_epoch=True)

    def _attach(self, model):
        from .model import Model  # noqa: PLC0415
        if not isinstance(model, Model):
            raise TypeError(f"Trainer: the model must be an rt.Model (subclass it), got {type(model).__name__}")
        self.model = model
        model.trainer = self

    # ---- fit -----------------------------------------------------------------------------------------
    def fit(self, model, train_dataloaders=None, val_dataloaders=None, ckpt_path=None):
        """Trains ``model`` on ``train_dataloaders`` (validating on ``val_dataloaders`` every
        ``check_val_every_n_epoch`` epochs). ``ckpt_path`` resumes from a checkpoint written by
        ``save_checkpoint`` (or 'last' for ``default_root_dir/checkpoints/last.ckpt``): weights,
        optimizer state, epoch and step count. Returns the History."""
        self._attach(model)
        if train_dataloaders is None:
            raise ValueError("Trainer.fit: train_dataloaders is required")
        config = model.configure_optimizers() if _defines(model, "configure_optimizers") else None
        optimizer, sched_configs = _parse_optimizers(config, model)
        model.optimizer = optimizer
        self.optimizer = optimizer
        self.lr_schedulers = [c["scheduler"] for c in sched_configs]
        schedulers = _Schedulers(sched_configs)
        optimization = Optimization(optimizer, self.accumulate_grad_batches, self.gradient_clip_val,
                                    self.gradient_clip_algorithm)
        optimization.step_hooks.append(schedulers.step_end)
        self._optimization = optimization
        steps = LightningSteps(model)
        ddp = None
        if self.strategy == "ddp":
            from .distributed import DistributedContext  # noqa: PLC0415
            ddp = DistributedContext(model, "Trainer.fit")
        try:
            return self._fit(model, steps, optimization, schedulers, optimizer, train_dataloaders, val_dataloaders,
                             ckpt_path, ddp)
        finally:
            if ddp is not None:
                ddp.close()

    def _fit(self, model, steps, optimization, schedulers, optimizer, train_dataloaders, val_dataloaders, ckpt_path,
             ddp):
        train = self._handler(train_dataloaders, self.limit_train_batches, "fit")
        if train is None:
            raise ValueError("Trainer.fit: limit_train_batches leaves no training batches")
        val = self._handler(val_dataloaders, self.limit_val_batches, "fit (validation)")
        if val is not None and not steps.has_eval and steps.fallback is None:
            raise RuntimeError(f"Trainer.fit: val_dataloaders given but {type(model).__name__} defines no "
                               "validation_step and is not compiled with a loss")
        initial_epoch = 0
        history_state = None
        if ckpt_path is not None:
            path = self.last_checkpoint_path if ckpt_path == "last" else os.fspath(ckpt_path)
            from ..serialization import load_checkpoint  # noqa: PLC0415
            extra = load_checkpoint(path, model, optimizer) or {}
            initial_epoch = int(extra.get("epoch", -1)) + 1
            optimization.global_step = int(extra.get("global_step", 0))
            for sched, state in zip(self.lr_schedulers, extra.get("lr_schedulers", [])):
                sched.load_state_dict(state)
            history_state = extra.get("history")
        extra_cbs = [_EpochTracker(self)]
        if self.enable_checkpointing and self.default_root_dir is not None:
            extra_cbs.append(_LastCheckpoint(self))
        all_cbs = extra_cbs + self.callbacks
        if ddp is not None:  # sharded loaders, synchronised steps, rank-0 files and progress
            train = ddp.handler(train.loader, train.steps_per_epoch, restart_each_epoch=True, shuffle=None,
                                first_epoch=initial_epoch)
            val = ddp.handler(val.loader, val.steps_per_epoch, restart_each_epoch=True, shuffle=False) \
                if val is not None else None
            steps = ddp.steps(steps)
            all_cbs = ddp.callbacks(all_cbs)
        cbs, history = make_callbacks(model, all_cbs, self._verbose(), self.max_epochs, train.steps,
                                      is_main_process=ddp is None or ddp.is_main_process)
        if history_state:
            history.restore(history_state.get("history", {}), history_state.get("epoch", []))
        history.params = dict(cbs.params)
        self.history = history
        self._epochs_completed = initial_epoch
        self._in_fit = True
        try:
            run_fit(model, steps, optimization, train, epochs=self.max_epochs, initial_epoch=initial_epoch, val=val,
                    validation_freq=self.check_val_every_n_epoch, callbacks=cbs,
                    epoch_end_hooks=[schedulers.epoch_end], reduce_logs=ddp.reduce_logs if ddp is not None else None)
        finally:
            self._in_fit = False
            self.current_epoch = self._epochs_completed
        model.history = history
        return history

    def save_checkpoint(self, filepath, _extra_logs=None):
        """Writes weights, optimizer state, epoch, step count, LR scheduler states and history to
        ``filepath`` (atomically)."""
        from ..serialization import save_checkpoint  # noqa: PLC0415
        if self.model is None:
            raise RuntimeError("Trainer.save_checkpoint: no model attached (call fit first)")
        directory = os.path.dirname(os.fspath(filepath))
        if directory:
            os.makedirs(directory, exist_ok=True)
        hist = {"history": {}, "epoch": []}
        if self.history is not None:
            hist = {"history": {k: list(v) for k, v in self.history.history.items()}, "epoch": list(self.history.epoch)}
            if _extra_logs is not None:  # History (last callback) has not recorded this epoch yet
                for k, v in _extra_logs.items():
                    hist["history"].setdefault(k, []).append(v)
                hist["epoch"].append(self.current_epoch)
        # "epoch" is the last epoch completed: the running one inside fit's epoch-end hooks, and
        # current_epoch - 1 once fit has returned (current_epoch then counts the completed epochs)
        last_epoch = self.current_epoch if self._in_fit else self.current_epoch - 1
        extra = {"epoch": last_epoch, "global_step": self.global_step,
                 "lr_schedulers": [s.state_dict() for s in self.lr_schedulers], "history": hist}
        save_checkpoint(os.fspath(filepath), self.model, self.optimizer, extra=extra)

    # ---- validate / test / predict ---------------------------------------------------------------------
    def _evaluate(self, model, dataloaders, stage_step, what):
        if model is not None:
            self._attach(model)
        if self.model is None:
            raise ValueError(f"Trainer.{what}: pass a model")
        if dataloaders is None:
            raise ValueError(f"Trainer.{what}: dataloaders is required")
        loaders = dataloaders if isinstance(dataloaders, (list, tuple)) else [dataloaders]
        steps = LightningSteps(self.model, stage_step)
        if not steps.has_eval and steps.fallback is None:
            raise RuntimeError(f"Trainer.{what}: {type(self.model).__name__} defines no {stage_step} and is not "
                               "compiled with a loss")
        results = []
        for loader in loaders:
            data = self._handler(loader, self.limit_val_batches if what == "validate" else None, what)
            cbs, _ = make_callbacks(self.model, self.callbacks, self._verbose(), 1, data.steps, add_history=False)
            logs = run_evaluate(self.model, steps, data, cbs)
            results.append({steps.val_prefix + k: v for k, v in logs.items()})
        return results

    def validate(self, model=None, dataloaders=None):
        """Runs ``validation_step`` (or the compiled loss/metrics, named 'val_*') over the
        loader(s); returns a list with one dict of logs per loader."""
        return self._evaluate(model, dataloaders, "validation_step", "validate")

    def test(self, model=None, dataloaders=None):
        """Runs ``test_step`` (or the compiled loss/metrics, named 'test_*') over the loader(s);
        returns a list with one dict of logs per loader."""
        return self._evaluate(model, dataloaders, "test_step", "test")

    def predict(self, model=None, dataloaders=None):
        """``predict_step(batch, batch_idx)`` (default: the model on the batch's inputs) over the
        loader, in eval mode without gradients; returns the list of per-batch outputs."""
        if model is not None:
            self._attach(model)
        if self.model is None:
            raise ValueError("Trainer.predict: pass a model")
        if dataloaders is None:
            raise ValueError("Trainer.predict: dataloaders is required")
        steps = LightningSteps(self.model)
        data = self._handler(dataloaders, None, "predict")
        cbs, _ = make_callbacks(self.model, self.callbacks, 0, 1, data.steps, add_history=False)
        return run_predict(self.model, steps, data, cbs)

