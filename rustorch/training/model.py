"""``rt.Model`` and ``rt.Sequential``: nn.Modules with Keras's training API.

``compile`` / ``fit`` / ``evaluate`` / ``predict`` (+ the ``*_on_batch`` forms), ``summary``,
``save`` / ``save_weights`` / ``load_weights`` (delegating to ``rustorch.serialization``) and
``get_weights`` / ``set_weights``. A PyTorch user subclasses ``rt.Model`` and writes
``forward``; a Keras user stacks layers in ``rt.Sequential``.
"""
import numpy as np

from .. import _C
from .._C import Tensor
from ..autograd import no_grad
from ..nn.modules.container import Sequential as _TorchSequential
from ..nn.modules.module import Module
from .. import optim as _optim
from . import losses as _losses
from . import metrics as _metrics
from .data_adapter import DataHandler, make_loader, split_validation
from .loop import (CompiledSteps, Optimization, check_validation_freq, concat_outputs, make_callbacks, run_evaluate,
                   run_fit, run_predict)
from .progress import resolve_verbose

__all__ = ["Model", "Sequential"]

# compile(optimizer='<name>'): Keras's defaults for each (learning rate, and RMSprop's rho/epsilon,
# AdamW's weight decay), so a Keras user's 'adam' means what it means in Keras.
OPTIMIZERS = {
    "adam": lambda params: _optim.Adam(params, lr=1e-3, eps=1e-7),
    "sgd": lambda params: _optim.SGD(params, lr=1e-2),
    "adamw": lambda params: _optim.AdamW(params, lr=1e-3, eps=1e-7, weight_decay=4e-3),
    "rmsprop": lambda params: _optim.RMSprop(params, lr=1e-3, alpha=0.9, eps=1e-7),
}


def _as_list(x):
    return list(x) if isinstance(x, (list, tuple)) else [x]


class Model(Module):
    """A trainable model: an ``nn.Module`` (subclass it and write ``forward``) with Keras's
    ``compile`` / ``fit`` / ``evaluate`` / ``predict`` API.

    After ``compile``: ``optimizer`` (an ``rt.optim.Optimizer``), ``loss`` (the compiled
    :class:`~rustorch.training.losses.Loss`), ``metrics`` (the metric objects) and
    ``compile_config`` (the arguments as given). After ``fit``: ``history``. ``input_shape``
    (without the batch dim) is known once given to ``Sequential`` or after the first call.
    Models that define ``training_step`` etc. can be trained by ``rt.Trainer``.

    Args:
        *args: passed on to ``nn.Module``.
        name (str, optional): the model's name; default the class name in snake case.
        **kwargs: passed on to ``nn.Module``.

    Example:
        >>> class Regressor(rt.Model):
        ...     def __init__(self):
        ...         super().__init__()
        ...         self.fc = nn.Linear(2, 1)
        ...     def forward(self, x):
        ...         return self.fc(x)
        >>> model = Regressor()
        >>> model.compile(optimizer="sgd", loss="mse", metrics=["mae"])
        >>> x = rt.randn(16, 2)
        >>> history = model.fit(x, x.sum(1, keepdim=True), epochs=3, batch_size=8, verbose=0)
        >>> model.name, sorted(history.history), len(history.epoch)
        ('regressor', ['loss', 'lr', 'mae'], 3)
        >>> model.predict(x, verbose=0).shape
        (16, 1)
    """

    def __init__(self, *args, name=None, **kwargs):
        super().__init__(*args, **kwargs)
        d = self.__dict__
        d["name"] = name or _snake(type(self).__name__)
        d["optimizer"] = None
        d["loss"] = None
        d["metrics"] = []
        d["loss_weights"] = None
        d["compile_config"] = None
        d["compiled"] = False
        d["history"] = None
        d["stop_training"] = False
        d["_compiled_metrics"] = []
        d["_output_losses"] = None
        d["_initial_epoch"] = None
        d["_log_sink"] = None
        d["trainer"] = None
        if "input_shape" not in d:
            d["input_shape"] = None

    # ---- state ------------------------------------------------------------------------------------
    @property
    def built(self):
        """True once the model's input shape is known (given to Sequential or seen in a first call)."""
        return self.input_shape is not None

    def __call__(self, *args, **kwargs):
        if self.__dict__.get("input_shape") is None and args and isinstance(args[0], Tensor) and args[0].dim() >= 1:
            self.__dict__["input_shape"] = tuple(args[0].shape[1:])
        return super().__call__(*args, **kwargs)

    # ---- compile ----------------------------------------------------------------------------------
    def compile(self, optimizer="adam", loss=None, metrics=None, loss_weights=None):
        """Configures training.

        Args:
            optimizer: 'adam', 'sgd', 'adamw', 'rmsprop' (Keras's default settings for each) or an
                ``rt.optim.Optimizer`` built over this model's parameters.
            loss: a name ('cross_entropy' = 'sparse_categorical_crossentropy' for class indices,
                'categorical_crossentropy' for one-hot, 'binary_crossentropy' for probabilities,
                'bce_with_logits', 'mse', 'mae', 'huber'), a loss Module (``rt.CrossEntropyLoss()``)
                or a function ``fn(y_pred, y_true)`` (PyTorch's argument order). For a model with
                several outputs: a list with one loss per output (or one loss for all).
            metrics: a list of names ('accuracy'/'acc' (by shape, like Keras),
                'sparse_categorical_accuracy', 'categorical_accuracy', 'binary_accuracy',
                'top_k_accuracy', 'mse', 'mae', 'precision', 'recall', 'f1'), metric objects (with
                update_state/result/reset_state or update/result/reset), or functions
                ``fn(y_true, y_pred)`` returning per-sample values.
            loss_weights: for several outputs, the weight of each output's loss in the total.
        """
        self.compile_config = {"optimizer": optimizer, "loss": loss, "metrics": metrics, "loss_weights": loss_weights}
        if isinstance(optimizer, str):
            key = optimizer.lower()
            if key not in OPTIMIZERS:
                raise ValueError(f"compile: unknown optimizer {optimizer!r}; expected one of {sorted(OPTIMIZERS)} or "
                                 "an rt.optim.Optimizer")
            params = list(self.parameters())
            if not params:
                raise ValueError(f"compile: {type(self).__name__} has no parameters to optimize")
            self.optimizer = OPTIMIZERS[key](params)
        elif isinstance(optimizer, _optim.Optimizer):
            self.optimizer = optimizer
        elif optimizer is None:
            self.optimizer = None
        else:
            raise TypeError(f"compile: optimizer must be a string or an rt.optim.Optimizer, got "
                            f"{type(optimizer).__name__}")
        if loss is None:
            self.loss = None
            self._output_losses = None
        elif isinstance(loss, (list, tuple)):
            self._output_losses = [_losses.get(spec) for spec in loss]
            self.loss = self._output_losses[0]
        else:
            self.loss = _losses.get(loss)
            self._output_losses = None
        if loss_weights is not None:
            loss_weights = [float(w) for w in _as_list(loss_weights)]
        self.loss_weights = loss_weights
        self._compile_metrics(metrics)
        self.compiled = True
        self.stop_training = False

    def _compile_metrics(self, metrics):
        compiled = []
        if metrics is None:
            metrics = []
        if isinstance(metrics, (str,)) or not isinstance(metrics, (list, tuple, dict)):
            metrics = [metrics]
        if isinstance(metrics, dict):  # {output index: [metrics]}
            for index, specs in metrics.items():
                loss = self._output_losses[index] if self._output_losses else self.loss
                for spec in _as_list(specs):
                    m = _metrics.get(spec, loss)
                    m.name = f"output_{index}_{m.name}"
                    compiled.append((int(index), m))
        else:
            for spec in metrics:
                compiled.append((None, _metrics.get(spec, self.loss)))
        names = [m.name for _, m in compiled]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"compile: two metrics share the name(s) {dupes}; give them distinct names")
        self._compiled_metrics = compiled
        self.metrics = [m for _, m in compiled]

    @property
    def metrics_names(self):
        """The names of the values ``evaluate`` returns: 'loss', then each compiled metric."""
        return ["loss"] + [m.name for m in self.metrics]

    def compute_loss(self, y_pred, y_true, sample_weight=None):
        """The compiled loss of a batch: ``(total, per-output losses)``; several outputs (a tuple
        or list from ``forward``) sum their losses, scaled by ``loss_weights``."""
        if self.loss is None:
            raise RuntimeError(f"{type(self).__name__}: compile(loss=...) before training")
        if isinstance(y_pred, (tuple, list)):
            if not isinstance(y_true, (tuple, list)) or len(y_true) != len(y_pred):
                raise ValueError(f"loss: the model has {len(y_pred)} outputs; targets must be a tuple/list of as many")
            losses = self._output_losses or [self.loss] * len(y_pred)
            if len(losses) != len(y_pred):
                raise ValueError(f"loss: {len(losses)} losses compiled for {len(y_pred)} outputs")
            weights = self.loss_weights or [1.0] * len(y_pred)
            if len(weights) != len(y_pred):
                raise ValueError(f"loss_weights: {len(weights)} weights for {len(y_pred)} outputs")
            parts = [fn(p, t, sample_weight) for fn, p, t in zip(losses, y_pred, y_true)]
            total = parts[0] * weights[0]
            for part, w in zip(parts[1:], weights[1:]):
                total = total + part * w
            return total, parts
        value = self.loss(y_pred, y_true, sample_weight)
        if self.loss_weights:
            value = value * self.loss_weights[0]
        return value, [value]

    # ---- fit / evaluate / predict -----------------------------------------------------------------
    def fit(self, x=None, y=None, batch_size=32, epochs=1, verbose="auto", callbacks=None, validation_split=0.0,
            validation_data=None, shuffle=True, class_weight=None, sample_weight=None, initial_epoch=0,
            steps_per_epoch=None, validation_freq=1, distributed=False):
        """Trains for ``epochs`` epochs and returns a :class:`History`.

        ``x`` is a tensor / NumPy array (with ``y``), an ``(x, y)`` or ``(x, y, sample_weight)``
        tuple, a ``Dataset`` of ``(x, y)`` samples, or a ``DataLoader`` (then ``batch_size`` and
        ``shuffle`` are the loader's). ``validation_split`` holds out the LAST fraction of the
        samples (before shuffling, as Keras does — shuffle the data yourself if it is ordered);
        ``validation_data`` takes the same forms as ``x``. ``class_weight`` ({class: weight})
        and ``sample_weight`` weight each sample's loss (their product when both are given).
        ``initial_epoch`` starts the epoch count there (to resume), so the run covers epochs
        ``initial_epoch .. epochs - 1``. ``steps_per_epoch`` caps the batches per epoch, the data
        continuing where the previous epoch stopped. ``validation_freq``: validate every N-th
        epoch (an int) or after the listed (1-based) epochs. ``verbose``: 'auto' (a bar on a
        terminal or in a notebook, one line per epoch otherwise), 0, 1 (bar) or 2 (line).
        ``distributed=True``: data-parallel training over the ranks of the launcher
        (``python -m rustorch.distributed.run``): DDP, sharded data, averaged logs, progress and
        files on rank 0 only (rustorch/training/distributed.py); ``batch_size`` is per rank.
        """
        if epochs is None or not isinstance(epochs, int) or epochs < 0:
            raise ValueError(f"fit: epochs must be a non-negative int, got {epochs!r}")
        if not isinstance(initial_epoch, int) or initial_epoch < 0:
            raise ValueError(f"fit: initial_epoch must be a non-negative int, got {initial_epoch!r}")
        if steps_per_epoch is not None and (not isinstance(steps_per_epoch, int) or steps_per_epoch < 1):
            raise ValueError(f"fit: steps_per_epoch must be a positive int or None, got {steps_per_epoch!r}")
        check_validation_freq(validation_freq)
        steps = CompiledSteps(self)
        optimization = Optimization(self.optimizer)
        if validation_split and validation_data is None:
            (x, y, sample_weight), validation_data = split_validation(x, y, sample_weight, validation_split)
        train_loader = make_loader(x, y, sample_weight, batch_size, shuffle, class_weight, "fit")
        val_loader = None
        if validation_data is not None:
            if isinstance(validation_data, (tuple, list)) and len(validation_data) not in (2, 3):
                raise ValueError(f"fit: validation_data must be (x, y) or (x, y, sample_weight), a Dataset or a "
                                 f"DataLoader; got a {type(validation_data).__name__} of {len(validation_data)}")
            val_loader = make_loader(validation_data, None, None, batch_size, False, None, "fit (validation)")
        ddp = None
        if distributed:
            from .distributed import DistributedContext  # noqa: PLC0415
            ddp = DistributedContext(self, "fit")
        try:
            if ddp is None:
                train = DataHandler(train_loader, steps_per_epoch)
                val = DataHandler(val_loader) if val_loader is not None else None
            else:
                train = ddp.handler(train_loader, steps_per_epoch, shuffle=None, first_epoch=initial_epoch)
                val = ddp.handler(val_loader, shuffle=False)
                steps = ddp.steps(steps)
                callbacks = ddp.callbacks(callbacks)
            verbose = resolve_verbose(verbose)
            cbs, history = make_callbacks(self, callbacks, verbose, epochs, train.steps,
                                          is_main_process=ddp is None or ddp.is_main_process)
            history.params = dict(cbs.params)
            run_fit(self, steps, optimization, train, epochs=epochs, initial_epoch=initial_epoch, val=val,
                    validation_freq=validation_freq, callbacks=cbs,
                    reduce_logs=ddp.reduce_logs if ddp is not None else None)
        finally:
            if ddp is not None:
                ddp.close()
        self.history = history
        return history

    def evaluate(self, x=None, y=None, batch_size=32, verbose="auto", sample_weight=None, steps=None, callbacks=None,
                 return_dict=False):
        """The loss and metrics over the data (eval mode, no grad): the loss alone when no metrics
        are compiled, else ``[loss, *metrics]``, or a dict with ``return_dict``."""
        logic = CompiledSteps(self)
        data = DataHandler(make_loader(x, y, sample_weight, batch_size, False, None, "evaluate"), steps)
        cbs, _ = make_callbacks(self, callbacks, resolve_verbose(verbose), 1, data.steps, add_history=False)
        logs = run_evaluate(self, logic, data, cbs)
        if return_dict:
            return logs
        values = list(logs.values())
        return values[0] if len(values) == 1 else values

    def predict(self, x, batch_size=32, verbose="auto", steps=None, callbacks=None):
        """The model's outputs for ``x`` (tensor / array / Dataset / DataLoader; targets in the
        batches are ignored), concatenated over batches; eval mode, no grad. Returns a tensor
        (or the tuple/dict structure the model returns)."""
        logic = _PredictSteps(self)
        loader = make_loader(x, None, None, batch_size, False, None, "predict", need_y=False)
        data = DataHandler(loader, steps)
        cbs, _ = make_callbacks(self, callbacks, resolve_verbose(verbose), 1, data.steps, add_history=False)
        return concat_outputs(run_predict(self, logic, data, cbs))

    def train_on_batch(self, x, y=None, sample_weight=None, class_weight=None, return_dict=False):
        """One optimizer step on one batch. Returns the batch's loss (and metrics: ``[loss,
        *metrics]``, or a dict with ``return_dict``); metrics are reset first, so the values
        are this batch's."""
        from .data_adapter import class_weights_for, _class_weight_table, _to_tensor  # noqa: PLC0415
        logic = CompiledSteps(self)
        optimization = Optimization(self.optimizer)
        x, y = self._batch_tensors(x, y, "train_on_batch")
        sw = None
        if sample_weight is not None:
            sw = _to_tensor(sample_weight, "train_on_batch: sample_weight").to(_C.float32)
        if class_weight is not None:
            cw = class_weights_for(y, _class_weight_table(class_weight))
            sw = cw if sw is None else cw * sw
        self.train()
        logic.reset()
        optimization.begin_epoch()
        loss = logic.train_batch((x, y, sw), 0)
        optimization.backward_and_step(loss, True)
        return self._format_logs(logic.logs(), return_dict)

    def test_on_batch(self, x, y=None, sample_weight=None, return_dict=False):
        """The loss (and metrics) of one batch in eval mode without gradients."""
        from .data_adapter import _to_tensor  # noqa: PLC0415
        logic = CompiledSteps(self)
        x, y = self._batch_tensors(x, y, "test_on_batch")
        sw = None if sample_weight is None else _to_tensor(sample_weight, "test_on_batch: sample_weight").to(_C.float32)
        was = self.training
        self.eval()
        logic.reset()
        try:
            with no_grad():
                logic.test_batch((x, y, sw), 0)
        finally:
            self.train(was)
        return self._format_logs(logic.logs(), return_dict)

    def predict_on_batch(self, x):
        """The model's output for one batch (eval mode, no grad)."""
        from .data_adapter import _to_tensor  # noqa: PLC0415
        if not isinstance(x, (tuple, list, dict)):
            x = _to_tensor(x, "predict_on_batch: x")
        was = self.training
        self.eval()
        try:
            with no_grad():
                return self(x)
        finally:
            self.train(was)

    def _batch_tensors(self, x, y, what):
        from .data_adapter import _to_tensor  # noqa: PLC0415
        if y is None and isinstance(x, (tuple, list)) and len(x) == 2:
            x, y = x
        if y is None:
            raise ValueError(f"{what}: y is required")
        if not isinstance(x, (tuple, list, dict)):
            x = _to_tensor(x, f"{what}: x")
        if not isinstance(y, (tuple, list)):
            y = _to_tensor(y, f"{what}: y")
        return x, y

    @staticmethod
    def _format_logs(logs, return_dict):
        if return_dict:
            return logs
        values = list(logs.values())
        return values[0] if len(values) == 1 else values

    # ---- Lightning-style logging (used by rt.Trainer) ------------------------------------------------
    def log(self, name, value, prog_bar=False, on_step=None, on_epoch=None, batch_size=None, **kwargs):
        """Logs ``value`` (a number or 0-d tensor) under ``name`` from ``training_step`` /
        ``validation_step`` / ``test_step`` run by ``rt.Trainer``: averaged over the epoch
        (weighted by the batch size) into the epoch logs and the History; ``prog_bar=True``
        also shows the running value in the progress bar."""
        sink = self.__dict__.get("_log_sink")
        if sink is None:
            raise RuntimeError(f"{type(self).__name__}.log({name!r}): self.log() works inside training_step, "
                               "validation_step or test_step while rt.Trainer runs them")
        sink(name, value, prog_bar=prog_bar, batch_size=batch_size)

    def log_dict(self, dictionary, prog_bar=False, **kwargs):
        """Logs every ``name: value`` of ``dictionary`` with :meth:`log`."""
        for k, v in dictionary.items():
            self.log(k, v, prog_bar=prog_bar, **kwargs)

    # ---- weights and files -------------------------------------------------------------------------
    def get_weights(self):
        """Copies of the parameters and persistent buffers as NumPy arrays (state_dict order)."""
        return [v.detach().numpy().copy() for v in self.state_dict().values()]

    def set_weights(self, weights):
        """Sets the parameters and persistent buffers from arrays in ``get_weights`` order."""
        state = self.state_dict()
        weights = list(weights)
        if len(weights) != len(state):
            raise ValueError(f"set_weights: {type(self).__name__} has {len(state)} weight tensors, got {len(weights)}")
        with no_grad():
            for (key, target), w in zip(state.items(), weights):
                w = w if isinstance(w, Tensor) else _C.tensor(np.asarray(w))
                if tuple(w.shape) != tuple(target.shape):
                    raise ValueError(f"set_weights: {key} has shape {tuple(target.shape)}, got {tuple(w.shape)}")
                target.copy_(w)

    def save(self, path):
        """Writes the model (architecture, weights, compile config, optimizer state, history) to
        one file; ``rt.load_model(path)`` rebuilds it."""
        from ..serialization import save_model  # noqa: PLC0415  (the two packages import each other lazily)
        return save_model(self, path)

    def save_weights(self, path):
        """Writes ``state_dict()`` as a safetensors file."""
        from ..serialization import save_weights  # noqa: PLC0415
        return save_weights(self, path)

    def load_weights(self, path, strict=True):
        """Loads a safetensors file written by ``save_weights`` (or by PyTorch / the safetensors
        package) into this model."""
        from ..serialization import load_weights  # noqa: PLC0415
        return load_weights(self, path, strict=strict)

    # ---- summary ----------------------------------------------------------------------------------
    def summary(self, input_shape=None, print_fn=None, dtype=None):
        """Prints a Keras-like table: each layer (name and type), its output shape and parameter
        count, then the totals (with their size in bytes). Output shapes come from running a
        dummy batch of 2 (in eval mode, no grad) when the input shape is given or known;
        otherwise they show '?'. Returns the text as well."""
        from .summary import summarize  # noqa: PLC0415
        text = summarize(self, input_shape or self.input_shape, dtype)
        (print_fn or print)(text)
        return text


class Sequential(_TorchSequential, Model):
    """A stack of layers run in order: ``Sequential([l1, l2, ...])`` or ``Sequential(l1, l2, ...)``,
    then ``add(layer)``. Also an ``nn.Sequential`` (indexing, ``len``, iteration, state_dict keys
    ``"0.weight"``, ...), so PyTorch state_dicts map across.

    Nothing is inferred or inserted: image input for a first ``Linear`` needs an explicit
    ``rt.Flatten()``. ``input_shape`` (without the batch dim) makes ``summary`` show output
    shapes before the first call.

    Args:
        *layers (nn.Module or list of nn.Module): the layers, in order.
        input_shape (tuple of ints, optional): the input shape without the batch dim.
        name (str, optional): the model's name; default ``'sequential'``.

    Example:
        >>> model = rt.Sequential([nn.Linear(4, 8), nn.ReLU()], input_shape=(4,))
        >>> model.add(nn.Linear(8, 3)) is model
        True
        >>> len(model), model.name
        (3, 'sequential')
        >>> model.compile(optimizer="adam", loss="cross_entropy", metrics=["accuracy"])
        >>> x, y = rt.randn(32, 4), rt.randint(0, 3, (32,))
        >>> history = model.fit(x, y, epochs=2, verbose=0)
        >>> sorted(history.history)
        ['accuracy', 'loss', 'lr']
        >>> model(x).shape
        (32, 3)
    """

    def __init__(self, *layers, input_shape=None, name=None):
        if len(layers) == 1 and isinstance(layers[0], (list, tuple)):
            layers = tuple(layers[0])
        self.__dict__["input_shape"] = tuple(input_shape) if input_shape is not None else None
        for i, layer in enumerate(layers):
            if not isinstance(layer, Module):
                raise TypeError(f"Sequential: layer {i} is a {type(layer).__name__}, not an nn.Module")
        _TorchSequential.__init__(self, *layers)
        if name is not None:
            self.__dict__["name"] = name

    def add(self, layer):
        """Appends a layer. Returns self."""
        if not isinstance(layer, Module):
            raise TypeError(f"Sequential.add: expected an nn.Module, got {type(layer).__name__}")
        self.append(layer)
        return self

    @property
    def layers(self):
        """The layers, in order."""
        return list(self)

    def get_config(self):
        config = {"layers": list(self)}
        if self.input_shape is not None:
            config["input_shape"] = list(self.input_shape)
        return config

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        return cls(list(config.pop("layers", [])), **config)


class _PredictSteps(CompiledSteps):
    """Prediction needs no compiled loss."""

    def __init__(self, model):  # noqa: D107  (no loss check)
        self.model = model


def _snake(name):
    out = []
    for i, ch in enumerate(name):
        if ch.isupper() and i and not name[i - 1].isupper():
            out.append("_")
        out.append(ch.lower())
    return "".join(out)
