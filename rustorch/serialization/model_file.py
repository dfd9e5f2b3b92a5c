"""Model files and training checkpoints: one zip archive (members stored, not compressed).

``save_model(model, path)`` writes
    config.json            format + version, rustorch version, the architecture (module configs,
                           see config.py), compile config, optimizer class/defaults/param_groups and
                           the non-tensor part of its state, history, input shape
    model.safetensors      the weights (tied weights stored once)
    optimizer.safetensors  the optimizer's state tensors (when the model has an optimizer)
and ``load_model(path)`` rebuilds the model, loads the weights, recompiles it with a rebuilt
optimizer whose state is restored, so training continues exactly as it would have.
``save_checkpoint`` / ``load_checkpoint`` hold weights + optimizer state + a JSON ``extra`` dict
for an existing model (``checkpoint.json`` instead of ``config.json``).

Loading only parses JSON and safetensors: nothing in the file is executed, and classes are
resolved by name through custom_objects, the registry and rustorch's own classes.
"""
import io
import json
import os
import zipfile

from .atomic import atomic_write
from .config import deserialize_object, get_registered_object, serialize_object, custom_object_scope
from . import safetensors as st

__all__ = ["save_model", "load_model", "save_checkpoint", "load_checkpoint", "read_model_config"]

FORMAT = "rustorch.model"
CHECKPOINT_FORMAT = "rustorch.checkpoint"
FORMAT_VERSION = 1
CONFIG_MEMBER = "config.json"
CHECKPOINT_MEMBER = "checkpoint.json"
WEIGHTS_MEMBER = "model.safetensors"
OPTIMIZER_MEMBER = "optimizer.safetensors"
_MAX_JSON_BYTES = 256 << 20
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed member timestamps: the same model gives the same bytes


# --------------------------------------------------------------------------------- optimizer
def _optimizer_parts(optimizer, where):
    """(JSON dict, {name: tensor}) for an optimizer: class, defaults, param_groups and state,
    with state tensors moved to the safetensors member under "state.<index>.<key>"."""
    from .._C import Tensor
    sd = optimizer.state_dict()
    tensors = {}

    def split(value, key):
        if isinstance(value, Tensor):
            tensors[key] = value
            return {"__state_tensor__": key}
        if isinstance(value, dict):
            return {"__dict__": [[str(k), split(v, f"{key}.{k}")] for k, v in value.items()]}
        if isinstance(value, (list, tuple)):
            items = [split(v, f"{key}.{i}") for i, v in enumerate(value)]
            return {"__tuple__": items} if isinstance(value, tuple) else items
        return serialize_object(value, f"{where}.state[{key}]")

    state = [[int(idx), split(entry, f"state.{idx}")] for idx, entry in sd["state"].items()]
    groups = serialize_object(sd["param_groups"], f"{where}.param_groups")
    part = {"class_name": type(optimizer).__name__, "module": type(optimizer).__module__,
            "config": serialize_object(dict(optimizer.defaults), f"{where}.defaults"),
            "param_groups": groups, "state": state}
    return part, tensors


def _build_optimizer(part, params, custom_objects, where):
    import rustorch.optim as optim
    name = part.get("class_name")
    cls = get_registered_object(name, custom_objects) if isinstance(name, str) else None
    if cls is None and isinstance(name, str):
        cls = getattr(optim, name, None)
    if not (isinstance(cls, type) and issubclass(cls, optim.Optimizer)):
        raise ValueError(f"{where}: unknown optimizer class {name!r} (not in rustorch.optim, the registry or "
                         "custom_objects)")
    config = deserialize_object(part.get("config", {}), custom_objects, f"{where}.defaults")
    if not isinstance(config, dict):
        raise ValueError(f"{where}: optimizer defaults are not a dict")
    return cls(params, **config)


def _restore_optimizer_state(optimizer, part, tensors, custom_objects, where):
    def join(value):
        if isinstance(value, dict) and set(value) == {"__state_tensor__"}:
            key = value["__state_tensor__"]
            if key not in tensors:
                raise ValueError(f"{where}: optimizer state tensor {key!r} is missing from {OPTIMIZER_MEMBER}")
            return tensors[key]
        if isinstance(value, dict) and set(value) == {"__dict__"}:
            return {k: join(v) for k, v in value["__dict__"]}
        if isinstance(value, dict) and set(value) == {"__tuple__"}:
            return tuple(join(v) for v in value["__tuple__"])
        if isinstance(value, list):
            return [join(v) for v in value]
        return deserialize_object(value, custom_objects, f"{where}.state")

    try:
        state = {int(idx): join(entry) for idx, entry in part["state"]}
        groups = deserialize_object(part["param_groups"], custom_objects, f"{where}.param_groups")
    except (KeyError, TypeError) as e:
        raise ValueError(f"{where}: malformed optimizer entry ({type(e).__name__}: {e})") from None
    try:
        optimizer.load_state_dict({"state": state, "param_groups": groups})
    except (KeyError, TypeError, IndexError) as e:
        raise ValueError(f"{where}: optimizer state does not fit the model's parameters: {e}") from None


# --------------------------------------------------------------------------------- zip helpers
def _weights_bytes(module, where):
    items, aliases = st.dedupe_state_dict(module.state_dict(), where)
    from .. import _C
    return _C._io.serialize_safetensors(items, st.encode_aliases(aliases))


def _write_archive(path, members):
    with atomic_write(path) as f:
        with zipfile.ZipFile(f, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as zf:
            for name, data in members:
                info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
                info.compress_type = zipfile.ZIP_STORED
                info.external_attr = 0o644 << 16
                zf.writestr(info, data)


class _Archive:
    """A model/checkpoint zip opened for reading with bounded, validated member reads."""

    def __init__(self, path, what):
        self.path = os.fspath(path)
        self.what = what
        try:
            self.size = os.path.getsize(self.path)
            self.zf = zipfile.ZipFile(self.path, "r")
        except FileNotFoundError:
            raise FileNotFoundError(f"{what}: no such file: {self.path!r}") from None
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as e:
            raise ValueError(f"{what}: {self.path!r} is not a rustorch model file (not a readable zip archive: "
                             f"{e})") from None
        names = self.zf.namelist()
        dup = {n for n in names if names.count(n) > 1}
        if dup:
            self.zf.close()
            raise ValueError(f"{what}: {self.path!r} is corrupt: duplicate archive members {sorted(dup)}")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.zf.close()

    def has(self, name):
        return name in self.zf.NameToInfo

    def read(self, name, limit=None):
        info = self.zf.NameToInfo.get(name)
        if info is None:
            raise ValueError(f"{self.what}: {self.path!r} is missing the archive member {name!r} (truncated or not a "
                             "rustorch model file)")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ValueError(f"{self.what}: {self.path!r}: member {name!r} uses unsupported compression "
                             f"{info.compress_type}")
        # Bound what a hostile size field can make us allocate: a stored member cannot be larger than
        # the archive, a deflated one not more than ~1032x its compressed size.
        bound = self.size if info.compress_type == zipfile.ZIP_STORED else info.compress_size * 1032 + 64
        if limit is not None:
            bound = min(bound, limit)
        if info.file_size > bound:
            raise ValueError(f"{self.what}: {self.path!r}: member {name!r} declares {info.file_size} bytes, more "
                             f"than the file can hold ({bound})")
        try:
            with self.zf.open(info) as m:
                data = m.read(info.file_size + 1)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as e:
            raise ValueError(f"{self.what}: {self.path!r}: member {name!r} is corrupt: {e}") from None
        if len(data) != info.file_size:
            raise ValueError(f"{self.what}: {self.path!r}: member {name!r} has {len(data)} bytes, "
                             f"expected {info.file_size}")
        return data

    def read_json(self, name):
        data = self.read(name, _MAX_JSON_BYTES)
        try:
            obj = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as e:
            raise ValueError(f"{self.what}: {self.path!r}: {name} is not valid JSON: {e}") from None
        if not isinstance(obj, dict):
            raise ValueError(f"{self.what}: {self.path!r}: {name} is not a JSON object")
        return obj

    def read_tensors(self, name):
        tensors, metadata = st.deserialize(self.read(name), name=f"{self.path}:{name}", return_metadata=True)
        return st.expand_aliases(tensors, st.decode_aliases(metadata, f"{self.path}:{name}"), self.path)

    def check_format(self, doc, fmt, member):
        if doc.get("format") != fmt:
            raise ValueError(f"{self.what}: {self.path!r}: {member} has format {doc.get('format')!r}, "
                             f"expected {fmt!r}")
        version = doc.get("format_version")
        if not isinstance(version, int) or version > FORMAT_VERSION or version < 1:
            raise ValueError(f"{self.what}: {self.path!r} has format version {version!r}; this rustorch reads "
                             f"versions 1..{FORMAT_VERSION}")


def _load_weights_into(module, tensors, what, path):
    own_items = module.state_dict()
    _, own_aliases = st.dedupe_state_dict(own_items, what)
    for alias, target in own_aliases.items():
        if alias not in tensors and target in tensors:
            tensors[alias] = tensors[target]
    try:
        module.load_state_dict(tensors, strict=True)
    except (RuntimeError, ValueError) as e:
        raise ValueError(f"{what}: {path!r}: the weights do not fit the model: {e}") from None


def _plain_json(value, where):
    """History/params values as plain JSON (NumPy and tensor scalars become numbers)."""
    from .._C import Tensor
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return float(value)
    if isinstance(value, Tensor) and value.numel() == 1:
        return value.item()
    if hasattr(value, "item") and getattr(value, "ndim", None) == 0:
        return value.item()
    if isinstance(value, (list, tuple)):
        return [_plain_json(v, where) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain_json(v, where) for k, v in value.items()}
    return repr(value)  # e.g. a callback's setting in History.params: informative only


# -------------------------------------------------------------------------------------- model
def _compile_entries(model):
    cc = getattr(model, "compile_config", None)
    if not cc:
        return None
    out = {}
    for key in ("loss", "metrics", "loss_weights"):
        out[key] = serialize_object(cc.get(key), f"compile_config.{key}")
    opt = cc.get("optimizer")
    out["optimizer"] = opt if isinstance(opt, str) or opt is None else {"__object__": type(opt).__name__}
    return out


def save_model(model, path):
    """Writes ``model`` (architecture, weights, compile config, optimizer state, history, input
    shape) to one zip file at ``path``, atomically. Raises ValueError naming anything in the model's
    config or compile config that cannot be stored (e.g. an unregistered loss function).

    Args:
        model (Model): the model to save.
        path (str or os.PathLike): the file to write (conventionally ``.rtm``).

    Returns:
        None

    Example:
        >>> model = rt.Sequential(nn.Linear(2, 1))
        >>> model.compile(optimizer="sgd", loss="mse")
        >>> rt.serialization.save_model(model, "model.rtm")
        >>> restored = rt.load_model("model.rtm")
        >>> type(restored).__name__, bool((restored[0].weight == model[0].weight).all())
        ('Sequential', True)
    """
    from .. import _C
    from ..optim import Optimizer
    import rustorch
    config = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "rustorch_version": rustorch.__version__,
        "model": serialize_object(model, "model"),
        "input_shape": _plain_json(getattr(model, "input_shape", None), "input_shape"),
        "compile_config": _compile_entries(model),
        "optimizer": None,
        "history": None,
    }
    members = []
    optimizer = getattr(model, "optimizer", None)
    if isinstance(optimizer, Optimizer):
        part, tensors = _optimizer_parts(optimizer, "optimizer")
        config["optimizer"] = part
        members.append((OPTIMIZER_MEMBER, _C._io.serialize_safetensors(list(tensors.items()), {})))
    history = getattr(model, "history", None)
    if history is not None and hasattr(history, "history"):
        config["history"] = {"history": _plain_json(history.history, "history"),
                             "epoch": _plain_json(list(getattr(history, "epoch", [])), "history.epoch"),
                             "params": _plain_json(getattr(history, "params", {}) or {}, "history.params")}
    text = json.dumps(config, indent=1, sort_keys=False)
    members = [(CONFIG_MEMBER, text.encode("utf-8")), (WEIGHTS_MEMBER, _weights_bytes(model, "save_model"))] + members
    _write_archive(path, members)


def read_model_config(path):
    """The parsed config.json of a model file (no model is built).

    Args:
        path (str or os.PathLike): the model file.

    Returns:
        dict: the parsed config.

    Example:
        >>> model = rt.Sequential(nn.Linear(2, 1))
        >>> model.compile(optimizer="sgd", loss="mse")
        >>> model.save("model.rtm")
        >>> config = rt.serialization.read_model_config("model.rtm")
        >>> config["format"], "model" in config
        ('rustorch.model', True)
    """
    with _Archive(path, "load_model") as ar:
        doc = ar.read_json(CONFIG_MEMBER)
        ar.check_format(doc, FORMAT, CONFIG_MEMBER)
        return doc


def _restore_history(model, saved):
    if not isinstance(saved, dict):
        return
    try:
        from ..training.history import History
        history = History()
    except ImportError:  # the training API is not there: a plain record with the same fields
        import types
        history = types.SimpleNamespace()
    history.history = saved.get("history") or {}
    history.epoch = saved.get("epoch") or []
    history.params = saved.get("params") or {}
    if hasattr(history, "set_model"):
        history.set_model(model)
    try:
        model.history = history
    except Exception:  # a model class that refuses the attribute keeps no history
        pass


def load_model(path, custom_objects=None, compile=True):
    """Rebuilds the model saved by :func:`save_model`: architecture, weights, input shape, history,
    and (with ``compile=True``, when it was compiled) ``compile`` with the same loss/metrics and an
    optimizer of the same class, settings and state. Raises ValueError naming the file and the
    problem for a corrupt file or a class that is neither registered nor in ``custom_objects``.

    Args:
        path (str or os.PathLike): the model file.
        custom_objects (dict, optional): name -> class or function for unregistered names.
        compile (bool): compile the model as it was saved. Default: True.

    Returns:
        Model: the rebuilt model.

    Example:
        >>> model = rt.Sequential(nn.Linear(2, 1))
        >>> model.compile(optimizer="sgd", loss="mse")
        >>> model.save("model.rtm")
        >>> restored = rt.load_model("model.rtm")
        >>> restored.compiled, type(restored.optimizer).__name__
        (True, 'SGD')
        >>> rt.load_model("model.rtm", compile=False).compiled
        False
    """
    path = os.fspath(path)
    with _Archive(path, "load_model") as ar:
        doc = ar.read_json(CONFIG_MEMBER)
        ar.check_format(doc, FORMAT, CONFIG_MEMBER)
        if "model" not in doc:
            raise ValueError(f"load_model: {path!r}: config.json has no 'model' entry")
        weights = ar.read_tensors(WEIGHTS_MEMBER)
        opt_part = doc.get("optimizer")
        opt_tensors = ar.read_tensors(OPTIMIZER_MEMBER) if opt_part is not None else None
    where = f"load_model: {path!r}"
    with custom_object_scope(custom_objects or {}):
        model = deserialize_object(doc["model"], custom_objects, f"{where}: model")
        from ..nn.modules.module import Module
        if not isinstance(model, Module):
            raise ValueError(f"{where}: the saved object is a {type(model).__name__}, not a Module")
        _load_weights_into(model, weights, "load_model", path)
        if doc.get("input_shape") is not None:
            try:
                model.input_shape = tuple(doc["input_shape"])
            except Exception:  # read-only property on a custom model
                pass
        _restore_history(model, doc.get("history"))
        cc = doc.get("compile_config")
        if compile and cc is not None and hasattr(model, "compile"):
            if not isinstance(cc, dict):
                raise ValueError(f"{where}: compile_config is not an object")
            kwargs = {k: deserialize_object(cc.get(k), custom_objects, f"{where}: compile_config.{k}")
                      for k in ("loss", "metrics", "loss_weights")}
            optimizer = cc.get("optimizer")
            if isinstance(opt_part, dict):
                optimizer = _build_optimizer(opt_part, model.parameters(), custom_objects, f"{where}: optimizer")
            elif not isinstance(optimizer, str):
                optimizer = None
            model.compile(optimizer=optimizer, **kwargs)
            if isinstance(cc.get("optimizer"), str) and isinstance(getattr(model, "compile_config", None), dict):
                model.compile_config["optimizer"] = cc["optimizer"]  # as given ('adam'), so a re-save matches
            if isinstance(opt_part, dict):
                _restore_optimizer_state(model.optimizer, opt_part, opt_tensors, custom_objects,
                                         f"{where}: optimizer")
    return model


# -------------------------------------------------------------------------------- checkpoints
def save_checkpoint(path, model, optimizer=None, extra=None):
    """Writes ``model``'s weights, ``optimizer``'s state and a JSON-serialisable ``extra`` dict
    (e.g. ``{"epoch": 3, "history": {...}}``) to one file, atomically.

    Args:
        path (str or os.PathLike): the file to write.
        model (nn.Module): the module whose weights are saved.
        optimizer (Optimizer, optional): the optimizer whose state is saved.
        extra (dict, optional): JSON-serialisable data saved with them.

    Returns:
        None

    Example:
        >>> model = nn.Linear(2, 1)
        >>> opt = rt.optim.SGD(model.parameters(), lr=0.1)
        >>> rt.serialization.save_checkpoint("run.ckpt", model, opt, extra={"epoch": 3})
        >>> rt.serialization.load_checkpoint("run.ckpt", nn.Linear(2, 1))
        {'epoch': 3}
    """
    from .. import _C
    if extra is not None and not isinstance(extra, dict):
        raise TypeError(f"save_checkpoint: extra must be a dict or None, got {type(extra).__name__}")
    import rustorch
    doc = {"format": CHECKPOINT_FORMAT, "format_version": FORMAT_VERSION, "rustorch_version": rustorch.__version__,
           "extra": serialize_object(extra or {}, "extra"), "optimizer": None}
    members = [(WEIGHTS_MEMBER, _weights_bytes(model, "save_checkpoint"))]
    if optimizer is not None:
        part, tensors = _optimizer_parts(optimizer, "optimizer")
        doc["optimizer"] = part
        members.append((OPTIMIZER_MEMBER, _C._io.serialize_safetensors(list(tensors.items()), {})))
    members.insert(0, (CHECKPOINT_MEMBER, json.dumps(doc).encode("utf-8")))
    _write_archive(path, members)


def load_checkpoint(path, model, optimizer=None):
    """Loads a :func:`save_checkpoint` file into ``model`` (strict) and ``optimizer`` (if given;
    the file must then hold optimizer state) and returns the ``extra`` dict.

    Args:
        path (str or os.PathLike): the checkpoint file.
        model (nn.Module): the module to load the weights into.
        optimizer (Optimizer, optional): the optimizer to load the state into.

    Returns:
        dict: the ``extra`` dict that was saved.

    Example:
        >>> model = nn.Linear(2, 1)
        >>> rt.serialization.save_checkpoint("run.ckpt", model, extra={"epoch": 3})
        >>> other = nn.Linear(2, 1)
        >>> rt.serialization.load_checkpoint("run.ckpt", other)["epoch"]
        3
        >>> bool((other.weight == model.weight).all())
        True
    """
    path = os.fspath(path)
    with _Archive(path, "load_checkpoint") as ar:
        doc = ar.read_json(CHECKPOINT_MEMBER)
        ar.check_format(doc, CHECKPOINT_FORMAT, CHECKPOINT_MEMBER)
        weights = ar.read_tensors(WEIGHTS_MEMBER)
        opt_part = doc.get("optimizer")
        if optimizer is not None and opt_part is None:
            raise ValueError(f"load_checkpoint: {path!r} holds no optimizer state, but an optimizer was given")
        opt_tensors = ar.read_tensors(OPTIMIZER_MEMBER) if optimizer is not None else None
    extra = deserialize_object(doc.get("extra", {}), None, f"load_checkpoint: {path!r}: extra")
    _load_weights_into(model, weights, "load_checkpoint", path)
    if optimizer is not None:
        if not isinstance(opt_part, dict) or opt_part.get("class_name") != type(optimizer).__name__:
            got = opt_part.get("class_name") if isinstance(opt_part, dict) else None
            raise ValueError(f"load_checkpoint: {path!r} holds state of optimizer {got!r}, "
                             f"not {type(optimizer).__name__}")
        _restore_optimizer_state(optimizer, opt_part, opt_tensors, None, f"load_checkpoint: {path!r}: optimizer")
    return extra
