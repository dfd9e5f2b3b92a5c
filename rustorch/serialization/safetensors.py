"""Plain safetensors files: ``rt.save(state_dict, path)`` / ``rt.load(path)``.

The files are the standard format (the ``safetensors`` package, ``safetensors.torch`` and PyTorch
read them; their files load here). The parsing, validation and byte copies run in C++
(``rustorch._C._io``, cpp/src/io/safetensors.cpp); this module checks arguments, handles shared
memory and writes through :func:`atomic_write`.

Shared memory: like ``safetensors.torch.save_file``, :func:`save` refuses tensors that share
storage (tied weights, views of one another) with a ValueError naming them, because a file cannot
express the sharing and loading would silently untie them. :func:`save_weights` (and model
files) instead store each tied tensor once, as ``safetensors.torch.save_model`` does, and
:func:`load_weights` fills every alias from it.
"""
import os
from collections import OrderedDict

import numpy as np

from .. import _C
from .._C import Tensor
from .atomic import atomic_write

__all__ = ["save", "load", "save_file", "load_file", "save_weights", "load_weights", "serialize", "deserialize"]


def _as_tensor(value, name, op):
    if isinstance(value, Tensor):
        return value
    if isinstance(value, np.ndarray):
        return _C.tensor(value)
    raise TypeError(f"{op}: value for key {name!r} must be a rustorch Tensor or NumPy array, "
                    f"got {type(value).__name__}")


def _check_metadata(metadata, op):
    if metadata is None:
        return {}
    if not isinstance(metadata, dict):
        raise TypeError(f"{op}: metadata must be a dict of str -> str, got {type(metadata).__name__}")
    for k, v in metadata.items():
        if not isinstance(k, str) or not isinstance(v, str):
            raise TypeError(f"{op}: metadata must map str -> str, got {k!r}: {type(v).__name__}")
    return dict(metadata)


def _named_tensors(state_dict, op):
    if not isinstance(state_dict, dict):
        raise TypeError(f"{op}: expected a dict of name -> Tensor, got {type(state_dict).__name__}")
    items = []
    for name, value in state_dict.items():
        if not isinstance(name, str):
            raise TypeError(f"{op}: keys must be str, got {type(name).__name__} {name!r}")
        if name == "__metadata__":
            raise ValueError(f"{op}: '__metadata__' is reserved by the safetensors format and cannot name a tensor")
        items.append((name, _as_tensor(value, name, op)))
    return items


def _byte_span(t):
    """[first, last) byte addresses a tensor's elements occupy (None when it has none)."""
    if t.numel() == 0:
        return None
    size = t.element_size()
    lo = hi = t.data_ptr()
    for n, s in zip(t.shape, t.stride()):
        extent = (n - 1) * s * size
        if extent < 0:
            lo += extent
        else:
            hi += extent
    return lo, hi + size


def _shared_groups(items):
    """Groups of names whose tensors share a storage and overlap in memory."""
    by_storage = {}
    for name, t in items:
        span = _byte_span(t)
        if span is None:
            continue
        by_storage.setdefault(_C._io.storage_info(t)[0], []).append((span, name, t))
    groups = []
    for members in by_storage.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda m: m[0])
        group, end = [members[0]], members[0][0][1]
        for m in members[1:]:
            if m[0][0] < end:
                group.append(m)
                end = max(end, m[0][1])
            else:
                if len(group) > 1:
                    groups.append(group)
                group, end = [m], m[0][1]
        if len(group) > 1:
            groups.append(group)
    return [[(name, t) for _, name, t in g] for g in groups]


def _same_view(a, b):
    return (a.data_ptr() == b.data_ptr() and tuple(a.shape) == tuple(b.shape) and a.stride() == b.stride()
            and a.dtype == b.dtype)


def _write(path, items, metadata):
    with atomic_write(path) as f:
        f.flush()
        _C._io.write_safetensors(f.fileno(), items, metadata)


def save(state_dict, path, metadata=None):
    """Writes ``state_dict`` (name -> Tensor) to ``path`` as a safetensors file, atomically.

    ``metadata`` is an optional dict of str -> str stored in the header's ``__metadata__``.
    Non-contiguous tensors are written in contiguous order; autograd fields are not stored.
    Raises ValueError if two tensors share memory (see the module docstring; use
    :func:`save_weights` for modules with tied weights, or ``.clone()`` one of them).

    Args:
        state_dict (dict): name -> Tensor.
        path (str or os.PathLike): the file to write.
        metadata (dict of str to str, optional): stored in the header.

    Returns:
        None

    Example:
        >>> rt.save({"w": rt.ones(2, 3), "step": rt.tensor(7)}, "weights.safetensors", metadata={"note": "demo"})
        >>> tensors, meta = rt.load("weights.safetensors", return_metadata=True)
        >>> list(tensors), tensors["w"].shape, meta
        (['step', 'w'], (2, 3), {'note': 'demo'})
    """
    items = _named_tensors(state_dict, "rt.save")
    metadata = _check_metadata(metadata, "rt.save")
    shared = _shared_groups(items)
    if shared:
        names = "; ".join(", ".join(repr(n) for n, _ in g) for g in shared)
        raise ValueError(f"rt.save: some tensors share memory ({names}); a safetensors file cannot keep them "
                         "tied. Save a module with rt.saving.save_weights (stores tied weights once) or clone "
                         "the duplicates.")
    _write(path, items, metadata)


def load(path, return_metadata=False):
    """Reads a safetensors file into an ordered dict name -> Tensor (file order).

    F16/BF16 tensors load as float32, I8/I16/I32/U8 as int64 (rustorch's dtypes). With
    ``return_metadata=True`` returns ``(tensors, metadata)``. A truncated, corrupted or hostile
    file raises ValueError naming the file and the problem.

    Args:
        path (str or os.PathLike): the safetensors file.
        return_metadata (bool): also return the header's metadata dict. Default: False.

    Returns:
        OrderedDict: name -> Tensor, or ``(tensors, metadata)`` with ``return_metadata``.

    Example:
        >>> rt.save({"a": rt.arange(3)}, "a.safetensors")
        >>> {k: v.tolist() for k, v in rt.load("a.safetensors").items()}
        {'a': [0, 1, 2]}
    """
    path = os.fspath(path)
    tensors, metadata = _C._io.load_safetensors(path)
    out = OrderedDict(tensors)
    return (out, metadata) if return_metadata else out


def serialize(state_dict, metadata=None):
    """The safetensors bytes of ``state_dict`` (same rules as :func:`save`).

    Args:
        state_dict (dict): name -> Tensor.
        metadata (dict of str to str, optional): stored in the header.

    Returns:
        bytes: the safetensors data.

    Example:
        >>> data = rt.serialization.serialize({"a": rt.zeros(2)})
        >>> type(data).__name__, rt.serialization.deserialize(data)["a"].tolist()
        ('bytes', [0.0, 0.0])
    """
    items = _named_tensors(state_dict, "serialize")
    metadata = _check_metadata(metadata, "serialize")
    return _C._io.serialize_safetensors(items, metadata)


def deserialize(data, name="<bytes>", return_metadata=False):
    """Parses safetensors bytes (``name`` appears in error messages).

    Args:
        data (bytes-like): the safetensors data.
        name (str): the name used in error messages. Default: ``"<bytes>"``.
        return_metadata (bool): also return the header's metadata dict. Default: False.

    Returns:
        OrderedDict: name -> Tensor, or ``(tensors, metadata)`` with ``return_metadata``.

    Example:
        >>> data = rt.serialization.serialize({"a": rt.ones(2)}, metadata={"k": "v"})
        >>> tensors, meta = rt.serialization.deserialize(data, return_metadata=True)
        >>> tensors["a"].tolist(), meta
        ([1.0, 1.0], {'k': 'v'})
    """
    tensors, metadata = _C._io.load_safetensors_bytes(bytes(data), name)
    out = OrderedDict(tensors)
    return (out, metadata) if return_metadata else out


# safetensors-package spellings.
save_file = save
load_file = load

_ALIASES_KEY = "rustorch.aliases"


def dedupe_state_dict(state_dict, op):
    """Drops exact aliases (tied weights) from a state dict: returns (items, aliases) where
    ``aliases`` maps each dropped name to the kept name holding the same tensor. Partial overlaps
    (one tensor a strict view of another) raise ValueError."""
    items = _named_tensors(state_dict, op)
    aliases = {}
    for group in _shared_groups(items):
        keep_name, keep = group[0]
        for name, t in group[1:]:
            if not _same_view(keep, t):
                raise ValueError(f"{op}: tensors {keep_name!r} and {name!r} overlap in memory without being the "
                                 "same tensor (one is a view of part of the other); clone one of them")
            aliases[name] = keep_name
    return [(n, t) for n, t in items if n not in aliases], aliases


def encode_aliases(aliases):
    import json
    return {_ALIASES_KEY: json.dumps(aliases, sort_keys=True)} if aliases else {}


def decode_aliases(metadata, path):
    import json
    text = metadata.get(_ALIASES_KEY)
    if text is None:
        return {}
    try:
        aliases = json.loads(text)
    except ValueError as e:
        raise ValueError(f"{path!r}: metadata {_ALIASES_KEY!r} is not valid JSON: {e}") from None
    if not isinstance(aliases, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                                for k, v in aliases.items()):
        raise ValueError(f"{path!r}: metadata {_ALIASES_KEY!r} must map names to names")
    return aliases


def expand_aliases(tensors, aliases, path):
    for alias, target in aliases.items():
        if target not in tensors:
            raise ValueError(f"{path!r}: tied weight {alias!r} refers to {target!r}, which the file lacks")
        tensors.setdefault(alias, tensors[target])
    return tensors


def save_weights(module, path, metadata=None):
    """Saves ``module.state_dict()`` to a safetensors file, atomically. Tied weights are stored once
    (as ``safetensors.torch.save_model`` does) and restored by :func:`load_weights`; the file is
    plain safetensors that other tools read (they see the kept name of each tied group).

    Args:
        module (nn.Module): the module whose ``state_dict()`` is saved.
        path (str or os.PathLike): the file to write.
        metadata (dict of str to str, optional): stored in the header.

    Returns:
        None

    Example:
        >>> rt.serialization.save_weights(nn.Linear(2, 3), "linear.safetensors")
        >>> sorted(rt.load("linear.safetensors"))
        ['bias', 'weight']
    """
    if not hasattr(module, "state_dict"):
        raise TypeError(f"save_weights: expected a Module, got {type(module).__name__}")
    items, aliases = dedupe_state_dict(module.state_dict(), "save_weights")
    meta = _check_metadata(metadata, "save_weights")
    meta.update(encode_aliases(aliases))
    _write(path, items, meta)


def load_weights(module, path, strict=True):
    """Loads a safetensors file written by :func:`save_weights` (or by ``rt.save``,
    ``safetensors.torch.save_file`` / ``save_model`` of a matching torch module) into ``module``
    with ``load_state_dict(strict=strict)``; returns its result (missing/unexpected keys).
    Names the module ties to a loaded one count as present (files from ``save_model``).

    Args:
        module (nn.Module): the module to load into.
        path (str or os.PathLike): the safetensors file.
        strict (bool): require the file's names to match the module's exactly. Default: True.

    Returns:
        the result of ``module.load_state_dict`` (missing and unexpected keys).

    Example:
        >>> src, dst = nn.Linear(2, 3), nn.Linear(2, 3)
        >>> rt.serialization.save_weights(src, "linear.safetensors")
        >>> result = rt.serialization.load_weights(dst, "linear.safetensors")
        >>> bool((src.weight == dst.weight).all())
        True
    """
    if not hasattr(module, "load_state_dict"):
        raise TypeError(f"load_weights: expected a Module, got {type(module).__name__}")
    path = os.fspath(path)
    tensors, metadata = load(path, return_metadata=True)
    expand_aliases(tensors, decode_aliases(metadata, path), path)
    # Files from other tools drop tied duplicates without saying so: fill them from the module's own ties.
    own = module.state_dict()
    _, own_aliases = dedupe_state_dict(own, "load_weights")
    for alias, target in own_aliases.items():
        if alias not in tensors and target in tensors:
            tensors[alias] = tensors[target]
        elif target not in tensors and alias in tensors:
            tensors[target] = tensors[alias]
    return module.load_state_dict(tensors, strict=strict)
