"""Collation: turning a list of samples into a batch (PyTorch's ``default_collate`` and
``default_convert``)."""
import collections.abc
import copy

import numpy as np

from .. import _C

_D = _C._data

__all__ = ["default_collate", "default_convert"]

default_collate_err_msg_format = (
    "default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; found {}")


def _numpy_to_tensor(arr):
    if arr.dtype.kind in "USOV":
        raise TypeError(default_collate_err_msg_format.format(arr.dtype))
    if arr.dtype in (np.float32, np.float64, np.int64, np.bool_) and arr.flags.c_contiguous and arr.flags.writeable:
        return _C.from_numpy(arr)
    return _C.tensor(arr)  # copies; other integer kinds (uint8, int32, ...) become int64


def default_collate(batch):
    """Stacks a list of samples into a batch, recursing into the sample's structure:
    tensors and NumPy arrays are stacked into a tensor with a new leading batch dim; Python
    floats become a float64 tensor, ints an int64 tensor, bools a bool tensor; strings stay a
    list; dicts, named tuples and sequences are collated field by field (a tuple gives a list,
    like PyTorch).

    Args:
        batch (list): the samples.

    Returns:
        the batch: a Tensor, or the samples' structure (dict, list, named tuple) holding Tensors.

    Example:
        >>> batch = rt.data.default_collate([(rt.tensor([1., 2.]), 0), (rt.tensor([3., 4.]), 1)])
        >>> batch[0].shape, batch[1].tolist()
        ((2, 2), [0, 1])
        >>> out = rt.data.default_collate([{"x": 1.5, "name": "a"}, {"x": 2.5, "name": "b"}])
        >>> out["x"].dtype, out["name"]
        (rustorch.float64, ['a', 'b'])
    """
    elem = batch[0]
    if isinstance(elem, _C.Tensor):
        return _D.stack(list(batch))
    elem_type = type(elem)
    if isinstance(elem, np.ndarray):
        if elem.dtype.kind in "USOV":
            raise TypeError(default_collate_err_msg_format.format(elem.dtype))
        return _numpy_to_tensor(np.stack(batch))
    if isinstance(elem, np.generic):
        if elem.dtype.kind in "USOV":
            raise TypeError(default_collate_err_msg_format.format(elem.dtype))
        return _numpy_to_tensor(np.array(batch))
    if isinstance(elem, bool):
        return _C.tensor(list(batch), dtype=_C.bool)
    if isinstance(elem, float):
        return _C.tensor(list(batch), dtype=_C.float64)
    if isinstance(elem, int):
        return _C.tensor(list(batch), dtype=_C.int64)
    if isinstance(elem, (str, bytes)):
        return batch
    if isinstance(elem, collections.abc.Mapping):
        if isinstance(elem, collections.abc.MutableMapping):
            clone = copy.copy(elem)
            clone.update({key: default_collate([d[key] for d in batch]) for key in elem})
            return clone
        try:
            return elem_type({key: default_collate([d[key] for d in batch]) for key in elem})
        except TypeError:
            return {key: default_collate([d[key] for d in batch]) for key in elem}
    if isinstance(elem, tuple) and hasattr(elem, "_fields"):  # namedtuple
        return elem_type(*(default_collate(samples) for samples in zip(*batch)))
    if isinstance(elem, collections.abc.Sequence):
        it = iter(batch)
        elem_size = len(next(it))
        if not all(len(e) == elem_size for e in it):
            raise RuntimeError("each element in list of batch should be of equal size")
        transposed = list(zip(*batch))
        if isinstance(elem, tuple):
            return [default_collate(samples) for samples in transposed]
        try:
            if isinstance(elem, collections.abc.MutableSequence):
                clone = copy.copy(elem)
                for i, samples in enumerate(transposed):
                    clone[i] = default_collate(samples)
                return clone
            return elem_type([default_collate(samples) for samples in transposed])
        except TypeError:
            return [default_collate(samples) for samples in transposed]
    raise TypeError(default_collate_err_msg_format.format(elem_type))


def default_convert(data):
    """Converts NumPy arrays and scalars inside a sample to tensors, leaving everything else as
    is (the collate used when automatic batching is off, ``batch_size=None``).

    Args:
        data: a sample (a NumPy array or scalar, or a structure holding them).

    Returns:
        the sample with its NumPy arrays and scalars as Tensors.

    Example:
        >>> out = rt.data.default_convert({"x": np.array([1, 2]), "label": "cat"})
        >>> out["x"].tolist(), out["x"].dtype, out["label"]
        ([1, 2], rustorch.int64, 'cat')
    """
    if isinstance(data, _C.Tensor):
        return data
    elem_type = type(data)
    if isinstance(data, np.ndarray):
        if data.dtype.kind in "USOV":
            return data
        return _numpy_to_tensor(data)
    if isinstance(data, np.generic):
        if data.dtype.kind in "USOV":
            return data
        return _numpy_to_tensor(np.asarray(data))
    if isinstance(data, collections.abc.Mapping):
        if isinstance(data, collections.abc.MutableMapping):
            clone = copy.copy(data)
            clone.update({key: default_convert(data[key]) for key in data})
            return clone
        try:
            return elem_type({key: default_convert(data[key]) for key in data})
        except TypeError:
            return {key: default_convert(data[key]) for key in data}
    if isinstance(data, tuple) and hasattr(data, "_fields"):
        return elem_type(*(default_convert(d) for d in data))
    if isinstance(data, tuple):
        return [default_convert(d) for d in data]
    if isinstance(data, collections.abc.Sequence) and not isinstance(data, (str, bytes)):
        try:
            if isinstance(data, collections.abc.MutableSequence):
                clone = copy.copy(data)
                for i, d in enumerate(data):
                    clone[i] = default_convert(d)
                return clone
            return elem_type([default_convert(d) for d in data])
        except TypeError:
            return [default_convert(d) for d in data]
    return data
