"""Module configs: what a model file stores instead of code.

Every ``nn.Module`` subclass records the arguments its most-derived ``__init__`` was called with
(the hook is installed from ``Module.__init_subclass__``), so ``module.get_config()`` returns them
by parameter name and ``type(module).from_config(config)`` builds an equal, freshly initialised
module (weights come from the weights file). Containers report their current children.

:func:`serialize_object` turns a module (or a registered function/class, or an object with
``get_config``) into JSON-safe data; :func:`deserialize_object` rebuilds it. Loading never runs
code from the file: class names resolve only through ``custom_objects``, the
:func:`register_serializable` registry and rustorch's own classes, and the file's data is only
ever passed as constructor arguments.
"""
import functools
import inspect
from collections import OrderedDict

__all__ = ["register_serializable", "register_keras_serializable", "get_registered_name", "get_registered_object",
           "serialize_object", "deserialize_object", "get_config", "from_config", "custom_object_scope"]

_REGISTRY = {}          # registered name -> class or function
_REGISTERED_NAMES = {}  # id(class or function) -> registered name
_INIT_RECORD = "_init_record"


# ------------------------------------------------------------------------------------------ hook
def wrap_init(cls):
    """Wraps ``cls.__init__`` (if the class defines one) so that the outermost call, which is the
    most-derived class's constructor, records its arguments on the instance."""
    init = cls.__dict__.get("__init__")
    if init is None or getattr(init, "_records_config", False):
        return

    @functools.wraps(init)
    def __init__(self, *args, **kwargs):
        d = self.__dict__
        if _INIT_RECORD not in d:  # the class, not the function: records stay picklable
            d[_INIT_RECORD] = (cls, args, kwargs)
        init(self, *args, **kwargs)

    __init__._records_config = True
    cls.__init__ = __init__


@functools.lru_cache(maxsize=None)
def _signature(func):
    return inspect.signature(func)


def _container_config(module):
    """Current children of the built-in containers (they change after construction)."""
    from ..nn.modules import container as c
    t = type(module)
    if t is c.Sequential:
        return {"args": [OrderedDict(module._modules)]}
    if t is c.ModuleList:
        return {"modules": list(module._modules.values())}
    if t is c.ModuleDict:
        return {"modules": OrderedDict(module._modules)}
    if t is c.ParameterList:
        return {"values": [module._parameters[k] for k in module._parameters]}
    if t is c.ParameterDict:
        return {"parameters": OrderedDict(module._parameters)}
    return None


def get_config(module):
    """The default ``Module.get_config()``: the most-derived ``__init__``'s arguments by name
    (defaults filled in; ``*args`` under its own name as a list; ``**kwargs`` merged)."""
    config = _container_config(module)
    if config is not None:
        return config
    record = module.__dict__.get(_INIT_RECORD)
    if record is None:
        return {}
    owner, args, kwargs = record
    init = owner.__dict__["__init__"]
    sig = _signature(getattr(init, "__wrapped__", init))
    try:
        bound = sig.bind(module, *args, **kwargs)
    except TypeError as e:  # the constructor itself would have failed; keep the message
        raise ValueError(f"get_config: cannot bind the arguments of {type(module).__name__}: {e}") from None
    bound.apply_defaults()
    config = {}
    params = list(sig.parameters.values())[1:]  # drop self
    for p in params:
        if p.name not in bound.arguments:
            continue
        value = bound.arguments[p.name]
        if p.kind is inspect.Parameter.VAR_KEYWORD:
            config.update(value)
        elif p.kind is inspect.Parameter.VAR_POSITIONAL:
            config[p.name] = list(value)
        else:
            config[p.name] = value
    return config


def from_config(cls, config):
    """The default ``Module.from_config(config)``: calls the constructor with the config's entries
    (positional-only and ``*args`` parameters positionally, the rest by keyword)."""
    if not isinstance(config, dict):
        raise TypeError(f"{cls.__name__}.from_config: config must be a dict, got {type(config).__name__}")
    config = dict(config)
    sig = _signature(cls.__init__)
    args = []
    for p in list(sig.parameters.values())[1:]:
        if p.kind is inspect.Parameter.POSITIONAL_ONLY and p.name in config:
            args.append(config.pop(p.name))
        elif p.kind is inspect.Parameter.VAR_POSITIONAL:
            args.extend(config.pop(p.name, []))
    try:
        return cls(*args, **config)
    except TypeError as e:
        raise TypeError(f"{cls.__name__}.from_config: the config {sorted(config)} does not fit the constructor: "
                        f"{e}") from None


# ------------------------------------------------------------------------------------- registry
def _register(obj, name):
    if name in _REGISTRY and _REGISTRY[name] is not obj:
        prev = _REGISTRY[name]
        _REGISTERED_NAMES.pop(id(prev), None)
    _REGISTRY[name] = obj
    _REGISTERED_NAMES[id(obj)] = name
    return obj


def register_serializable(name=None, package=None):
    """Class (or function) decorator that makes a custom layer, loss or metric loadable from model
    files by name: ``@rt.register_serializable()`` registers under the class name (or ``name``;
    with ``package``, under ``"package>name"`` as Keras does).

    Args:
        name (str, optional): the registered name; default the object's ``__name__``.
        package (str, optional): a prefix; the key becomes ``"package>name"``.

    Returns:
        callable: a decorator that registers the class or function and returns it unchanged.

    Example:
        >>> @rt.register_serializable(package="demo")
        ... class Scale(nn.Module):
        ...     def __init__(self, factor=2.0):
        ...         super().__init__()
        ...         self.factor = factor
        ...     def forward(self, x):
        ...         return x * self.factor
        >>> rt.serialization.get_registered_name(Scale)
        'demo>Scale'
        >>> rt.serialization.get_registered_object("demo>Scale") is Scale
        True
    """
    if callable(name) and not isinstance(name, str):  # used bare: @register_serializable
        return register_serializable()(name)

    def decorator(obj):
        if not callable(obj):
            raise TypeError(f"register_serializable: expected a class or function, got {type(obj).__name__}")
        key = name or obj.__name__
        if package:
            key = f"{package}>{key}"
        return _register(obj, key)

    return decorator


def register_keras_serializable(package="Custom", name=None):
    """Keras's spelling: registers under ``"package>name"`` (name defaults to the class name).

    Args:
        package (str): the prefix of the key. Default: ``"Custom"``.
        name (str, optional): the registered name; default the object's ``__name__``.

    Returns:
        callable: a decorator that registers the class or function and returns it unchanged.

    Example:
        >>> @rt.serialization.register_keras_serializable()
        ... def my_loss(y_pred, y_true):
        ...     return ((y_pred - y_true) ** 2).mean()
        >>> rt.serialization.get_registered_name(my_loss)
        'Custom>my_loss'
    """
    return register_serializable(name=name, package=package)


def get_registered_name(obj):
    """The registered name of a class or function, else its ``__name__``.

    Args:
        obj (class or callable): the object.

    Returns:
        str: the registered name, or ``obj.__name__``.

    Example:
        >>> rt.serialization.get_registered_name(nn.Linear)
        'Linear'
        >>> @rt.register_serializable(name="double")
        ... def twice(x):
        ...     return 2 * x
        >>> rt.serialization.get_registered_name(twice)
        'double'
    """
    return _REGISTERED_NAMES.get(id(obj), getattr(obj, "__name__", type(obj).__name__))


def get_registered_object(name, custom_objects=None):
    """The class or function registered (or given in ``custom_objects``) under ``name``, or None.

    Args:
        name (str): the registered name.
        custom_objects (dict, optional): name -> object, looked up first.

    Returns:
        the class or function, or None.

    Example:
        >>> @rt.register_serializable(package="demo")
        ... def halve(x):
        ...     return x / 2
        >>> rt.serialization.get_registered_object("demo>halve") is halve
        True
        >>> rt.serialization.get_registered_object("nothing") is None
        True
        >>> rt.serialization.get_registered_object("f", custom_objects={"f": abs})
        <built-in function abs>
    """
    if custom_objects and name in custom_objects:
        return custom_objects[name]
    if name in _GLOBAL_CUSTOM_OBJECTS:
        return _GLOBAL_CUSTOM_OBJECTS[name]
    return _REGISTRY.get(name)


_GLOBAL_CUSTOM_OBJECTS = {}


class custom_object_scope:
    """``with custom_object_scope({"MyLayer": MyLayer}): rt.load_model(path)`` (Keras).

    Args:
        custom_objects (dict): name -> class or function, visible inside the ``with`` block.

    Example:
        >>> def my_act(x):
        ...     return x
        >>> with rt.serialization.custom_object_scope({"my_act": my_act}):
        ...     print(rt.serialization.get_registered_object("my_act") is my_act)
        True
        >>> rt.serialization.get_registered_object("my_act") is None
        True
    """

    def __init__(self, custom_objects):
        self._objects = dict(custom_objects or {})
        self._saved = None

    def __enter__(self):
        self._saved = dict(_GLOBAL_CUSTOM_OBJECTS)
        _GLOBAL_CUSTOM_OBJECTS.update(self._objects)
        return self

    def __exit__(self, *exc):
        _GLOBAL_CUSTOM_OBJECTS.clear()
        _GLOBAL_CUSTOM_OBJECTS.update(self._saved)


def _rustorch_classes():
    """rustorch's own classes that configs may name: every Module subclass defined in rustorch
    (layers, losses, containers, Model/Sequential) and the metric classes."""
    from ..nn.modules.module import Module
    table = {}
    stack = [Module]
    while stack:
        c = stack.pop()
        if c.__module__.startswith("rustorch."):
            table[(c.__module__, c.__name__)] = c
        stack.extend(c.__subclasses__())
    import rustorch
    metrics = getattr(rustorch, "metrics", None)
    if metrics is not None:
        for attr in dir(metrics):
            obj = getattr(metrics, attr)
            if isinstance(obj, type) and obj.__module__.startswith("rustorch."):
                table[(obj.__module__, obj.__name__)] = obj
    return table


def _resolve_class(data, custom_objects, where):
    class_name = data.get("class_name")
    module = data.get("module")
    registered = data.get("registered_name")
    if not isinstance(class_name, str):
        raise ValueError(f"{where}: object entry without a string class_name: {data!r:.200}")
    for key in (registered, class_name):
        if isinstance(key, str):
            obj = get_registered_object(key, custom_objects)
            if obj is not None:
                return obj
    table = _rustorch_classes()
    if isinstance(module, str) and (module, class_name) in table:
        return table[(module, class_name)]
    if not isinstance(module, str) or module.startswith("rustorch."):
        matches = [c for (m, n), c in table.items() if n == class_name]
        if len(matches) == 1:
            return matches[0]
    shown = registered or class_name
    raise ValueError(f"{where}: unknown class {shown!r} (saved from module {module!r}). Register it with "
                     f"@rt.register_serializable() before loading, or pass custom_objects={{{shown!r}: {class_name}}}")


# ------------------------------------------------------------------------------- serialisation
def _is_module(obj):
    from ..nn.modules.module import Module
    return isinstance(obj, Module)


def _tensor_placeholder_ptrs(module):
    try:
        return {t.data_ptr() for t in module.state_dict().values() if t.numel() > 0}
    except Exception:  # a module whose state_dict fails still serialises its config
        return set()


def serialize_object(obj, where="config", _state_ptrs=frozenset()):
    """JSON-safe data for a config value: primitives as is; tuples, dicts, dtypes, tensors,
    modules, registered functions/classes and objects with ``get_config`` as tagged dicts.
    Raises ValueError naming the value and where it was found for anything else.

    Args:
        obj: the value to serialize.
        where (str): the location named in error messages. Default: ``"config"``.

    Returns:
        JSON-serialisable data (primitives, lists and dicts).

    Example:
        >>> data = rt.serialization.serialize_object({"size": (2, 3), "dtype": rt.float32})
        >>> data
        {'__dict__': [['size', {'__tuple__': [2, 3]}], ['dtype', {'__dtype__': 'float32'}]]}
        >>> rt.serialization.deserialize_object(data)
        {'size': (2, 3), 'dtype': rustorch.float32}
    """
    from .. import _C
    from .._C import Tensor
    from ..nn.parameter import Parameter
    if obj is None or isinstance(obj, (bool, int, float, str)):
        return obj
    if type(obj).__module__ == "numpy" and hasattr(obj, "item") and getattr(obj, "ndim", None) == 0:
        return serialize_object(obj.item(), where, _state_ptrs)  # NumPy scalars (e.g. a float32 loss)
    if isinstance(obj, tuple):
        return {"__tuple__": [serialize_object(v, f"{where}[{i}]", _state_ptrs) for i, v in enumerate(obj)]}
    if isinstance(obj, list):
        return [serialize_object(v, f"{where}[{i}]", _state_ptrs) for i, v in enumerate(obj)]
    if isinstance(obj, dict):
        for k in obj:
            if not isinstance(k, str):
                raise ValueError(f"{where}: dict keys must be str to serialise, got {k!r}")
        items = [[k, serialize_object(v, f"{where}[{k!r}]", _state_ptrs)] for k, v in obj.items()]
        return {"__ordereddict__" if isinstance(obj, OrderedDict) else "__dict__": items}
    if isinstance(obj, _C.dtype):
        return {"__dtype__": str(obj).replace("rustorch.", "")}
    if isinstance(obj, Tensor):
        spec = {"dtype": str(obj.dtype).replace("rustorch.", ""), "shape": list(obj.shape),
                "requires_grad": bool(obj.requires_grad), "parameter": isinstance(obj, Parameter)}
        if isinstance(obj, Parameter) or (obj.numel() > 0 and obj.data_ptr() in _state_ptrs):
            spec["values"] = "from_weights"  # the weights file restores them
        else:
            spec["values"] = obj.detach().reshape(-1).tolist()
        return {"__tensor__": spec}
    if _is_module(obj):
        name = type(obj).__name__
        return _object_entry(obj, serialize_object(obj.get_config(), f"{where}<{name}>",
                                                   _tensor_placeholder_ptrs(obj)))
    if isinstance(obj, type) or inspect.isfunction(obj) or inspect.isbuiltin(obj):
        if id(obj) not in _REGISTERED_NAMES:
            raise ValueError(f"{where}: cannot serialise {getattr(obj, '__qualname__', obj)!r}: functions and classes "
                             "are stored by name only when registered with @rt.register_serializable()")
        return {"__registered__": _REGISTERED_NAMES[id(obj)]}
    if hasattr(obj, "get_config"):
        return _object_entry(obj, serialize_object(obj.get_config(), f"{where}<{type(obj).__name__}>"))
    raise ValueError(f"{where}: cannot serialise a value of type {type(obj).__name__} ({obj!r:.80}); configs hold "
                     "numbers, strings, lists, tuples, dicts, dtypes, tensors, modules and registered objects")


def _object_entry(obj, config):
    entry = {"class_name": type(obj).__name__, "module": type(obj).__module__, "config": config}
    if id(type(obj)) in _REGISTERED_NAMES:
        entry["registered_name"] = _REGISTERED_NAMES[id(type(obj))]
    return entry


_DTYPES = ("float32", "float64", "int64", "bool")


def deserialize_object(data, custom_objects=None, where="config"):
    """Rebuilds what :func:`serialize_object` produced (see the module docstring for what may run).

    Args:
        data: what :func:`serialize_object` produced.
        custom_objects (dict, optional): name -> class or function for unregistered names.
        where (str): the location named in error messages. Default: ``"config"``.

    Returns:
        the rebuilt value.

    Example:
        >>> layer = rt.serialization.deserialize_object(rt.serialization.serialize_object(nn.Linear(3, 2)))
        >>> type(layer).__name__, layer.weight.shape
        ('Linear', (2, 3))
    """
    from .. import _C
    from ..nn.parameter import Parameter
    if data is None or isinstance(data, (bool, int, float, str)):
        return data
    if isinstance(data, list):
        return [deserialize_object(v, custom_objects, f"{where}[{i}]") for i, v in enumerate(data)]
    if not isinstance(data, dict):
        raise ValueError(f"{where}: unexpected JSON value of type {type(data).__name__}")
    if "class_name" in data:
        cls = _resolve_class(data, custom_objects, where)
        if not isinstance(cls, type):  # a registered function is referenced by name, never called with file data
            raise ValueError(f"{where}: {data['class_name']!r} names a function, not a class")
        config = deserialize_object(data.get("config", {}), custom_objects, f"{where}<{data['class_name']}>")
        if not isinstance(config, dict):
            raise ValueError(f"{where}: config of {data['class_name']!r} is not a dict")
        if hasattr(cls, "from_config"):
            return cls.from_config(config)
        return cls(**config)
    if len(data) != 1:
        raise ValueError(f"{where}: unrecognised entry with keys {sorted(data)[:5]}")
    (tag, value), = data.items()
    if tag == "__tuple__" and isinstance(value, list):
        return tuple(deserialize_object(v, custom_objects, f"{where}[{i}]") for i, v in enumerate(value))
    if tag in ("__dict__", "__ordereddict__") and isinstance(value, list):
        out = OrderedDict() if tag == "__ordereddict__" else {}
        for item in value:
            if not (isinstance(item, list) and len(item) == 2 and isinstance(item[0], str)):
                raise ValueError(f"{where}: malformed dict entry {item!r:.80}")
            out[item[0]] = deserialize_object(item[1], custom_objects, f"{where}[{item[0]!r}]")
        return out
    if tag == "__dtype__":
        if value not in _DTYPES:
            raise ValueError(f"{where}: unknown dtype {value!r}")
        return getattr(_C, value)
    if tag == "__tensor__" and isinstance(value, dict):
        return _tensor_from_spec(value, where, Parameter)
    if tag == "__registered__" and isinstance(value, str):
        obj = get_registered_object(value, custom_objects)
        if obj is None:
            raise ValueError(f"{where}: unknown function or class {value!r}. Register it with "
                             f"@rt.register_serializable() before loading, or pass custom_objects={{{value!r}: ...}}")
        return obj
    raise ValueError(f"{where}: unrecognised tag {tag!r}")


def _tensor_from_spec(spec, where, Parameter):
    from .. import _C
    dtype, shape, values = spec.get("dtype"), spec.get("shape"), spec.get("values")
    if dtype not in _DTYPES:
        raise ValueError(f"{where}: tensor with unknown dtype {dtype!r}")
    if not (isinstance(shape, list) and all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in shape)):
        raise ValueError(f"{where}: tensor with invalid shape {shape!r:.80}")
    numel = 1
    for n in shape:
        numel *= n
    if values == "from_weights":
        if numel > 1 << 31:
            raise ValueError(f"{where}: tensor shape {shape} is implausibly large")
        t = _C.zeros(tuple(shape), dtype=getattr(_C, dtype))
    else:
        if not isinstance(values, list) or len(values) != numel:
            raise ValueError(f"{where}: tensor of shape {shape} has {len(values) if isinstance(values, list) else 'no'} "
                             "values")
        t = _C.tensor(values, dtype=getattr(_C, dtype)).reshape(tuple(shape))
    if spec.get("parameter"):
        return Parameter(t, requires_grad=bool(spec.get("requires_grad", True)))
    if spec.get("requires_grad"):
        t.requires_grad_(True)
    return t
