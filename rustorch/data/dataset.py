"""Datasets: the map-style and iterable protocols, tensors as a dataset, subsets, concatenation
and random splits (PyTorch's ``torch.utils.data`` semantics)."""
import bisect
import itertools
import math
import warnings

import numpy as np

from .. import _C

_D = _C._data

__all__ = ["Dataset", "IterableDataset", "TensorDataset", "StackDataset", "ConcatDataset", "ChainDataset",
           "Subset", "random_split"]


class Dataset:
    """A map-style dataset: implement ``__getitem__(index)`` and usually ``__len__()``.

    Example:
        >>> class Squares(rt.data.Dataset):
        ...     def __len__(self):
        ...         return 4
        ...     def __getitem__(self, i):
        ...         return i * i
        >>> ds = Squares()
        >>> [ds[i] for i in range(len(ds))]
        [0, 1, 4, 9]
        >>> len(ds + ds)
        8
    """

    def __getitem__(self, index):
        raise NotImplementedError("Subclasses of Dataset should implement __getitem__.")

    def __add__(self, other):
        return ConcatDataset([self, other])

    # A dataset may offer ``_rt_gatherer()`` returning a rustorch._C._data.BatchGather that builds
    # the default-collated batch for an array of indices in one C++ call, or None. The DataLoader
    # uses it (and its background prefetcher) when collate_fn is the default.


class IterableDataset(Dataset):
    """A dataset that is an iterable of samples: implement ``__iter__``.

    With ``num_workers > 0`` each worker thread iterates its own ``iter(dataset)``; use
    :func:`rustorch.data.get_worker_info` in ``__iter__`` to split the work between them.

    Example:
        >>> class Count(rt.data.IterableDataset):
        ...     def __init__(self, n):
        ...         self.n = n
        ...     def __iter__(self):
        ...         return iter(range(self.n))
        >>> list(Count(3))
        [0, 1, 2]
        >>> list(Count(2) + Count(3))
        [0, 1, 0, 1, 2]
    """

    def __iter__(self):
        raise NotImplementedError("Subclasses of IterableDataset should implement __iter__.")

    def __add__(self, other):
        return ChainDataset([self, other])


def _as_tensor(x):
    if isinstance(x, _C.Tensor):
        return x
    if isinstance(x, np.ndarray) and x.dtype in (np.float32, np.float64, np.int64, np.bool_) and \
            all(s >= 0 for s in x.strides):
        return _C.from_numpy(x)
    return _C.tensor(x)


def _index_array(index, n):
    """Integer indices (int, slice, sequence, array or tensor) as an int64 NumPy array, or None
    for a single int."""
    if isinstance(index, (int, np.integer)) and not isinstance(index, bool):
        return None
    if isinstance(index, slice):
        return np.arange(n, dtype=np.int64)[index]
    if isinstance(index, _C.Tensor):
        if index.dim() == 0:
            return None
        index = index.numpy()
    arr = np.asarray(index)
    if arr.dtype == np.bool_:
        return np.flatnonzero(arr).astype(np.int64)
    if arr.dtype.kind not in "iu":
        raise TypeError(f"dataset indices must be integers, slices or integer sequences, got {arr.dtype}")
    return arr.astype(np.int64, copy=False).reshape(-1)


class TensorDataset(Dataset):
    """Samples are the rows of tensors that share their first dim: ``ds[i] = tuple(t[i] for t in
    tensors)``. NumPy arrays are accepted and wrapped (sharing memory where the dtype allows).

    With the default collate the DataLoader gathers a whole batch of rows in one C++ call.

    Args:
        *tensors (Tensor or numpy.ndarray): the tensors, all with the same size of the first dim.

    Example:
        >>> ds = rt.data.TensorDataset(rt.tensor([[1., 2.], [3., 4.]]), rt.tensor([0, 1]))
        >>> len(ds)
        2
        >>> ds[1]
        (tensor([3., 4.]), tensor(1))
    """

    def __init__(self, *tensors):
        tensors = tuple(_as_tensor(t) for t in tensors)
        if not tensors:
            raise ValueError("TensorDataset: at least one tensor is required")
        for t in tensors:
            if t.dim() == 0:
                raise ValueError("TensorDataset: tensors must have at least one dim")
        n = tensors[0].shape[0]
        if any(t.shape[0] != n for t in tensors):
            raise ValueError("Size mismatch between tensors: first dims are "
                             f"{[t.shape[0] for t in tensors]}")
        self.tensors = tensors
        self._gather = None

    def __getitem__(self, index):
        idx = _index_array(index, len(self))
        if idx is None:
            return tuple(_D.select_row(t, int(index)) for t in self.tensors)
        return tuple(self._row_gather()(idx))

    def __len__(self):
        return self.tensors[0].shape[0]

    def _row_gather(self):
        g = self._gather
        if g is None or g[0] is not self.tensors:
            g = self._gather = (self.tensors, _D.RowGather(list(self.tensors)))
        return g[1]

    def _rt_gatherer(self):
        if type(self).__getitem__ is not TensorDataset.__getitem__:
            return None  # a subclass changed what a sample is
        return self._row_gather()


class StackDataset(Dataset):
    """Stacks datasets of equal length: samples are tuples (positional) or dicts (keyword).

    Args:
        *args (Dataset): the datasets, for tuple samples.
        **kwargs (Dataset): the datasets by name, for dict samples (not together with ``args``).

    Example:
        >>> ds = rt.data.StackDataset(x=[1, 2, 3], y=["a", "b", "c"])
        >>> ds[1]
        {'x': 2, 'y': 'b'}
        >>> rt.data.StackDataset([1, 2], [3, 4])[0]
        (1, 3)
    """

    def __init__(self, *args, **kwargs):
        if args and kwargs:
            raise ValueError("Supported either ``tuple``- (via ``args``) or ``dict``- (via ``kwargs``) like input/output,"
                             " but both types are given.")
        datasets = args or tuple(kwargs.values())
        if not datasets:
            raise ValueError("At least one dataset should be passed")
        self._length = len(datasets[0])
        if any(self._length != len(d) for d in datasets):
            raise ValueError("Size mismatch between datasets")
        self.datasets = args if args else kwargs

    def __getitem__(self, index):
        if isinstance(self.datasets, dict):
            return {k: d[index] for k, d in self.datasets.items()}
        return tuple(d[index] for d in self.datasets)

    def __len__(self):
        return self._length


class ConcatDataset(Dataset):
    """The concatenation of map-style datasets.

    Args:
        datasets (iterable of Dataset): the datasets (at least one), in order.

    Example:
        >>> ds = rt.data.ConcatDataset([[1, 2, 3], [10, 20]])
        >>> len(ds), ds[3], ds[-1]
        (5, 10, 20)
        >>> ds.cumulative_sizes
        [3, 5]
    """

    @staticmethod
    def cumsum(sequence):
        """The running totals of the lengths of ``sequence``'s datasets (where each one ends)."""
        r, s = [], 0
        for e in sequence:
            s += len(e)
            r.append(s)
        return r

    def __init__(self, datasets):
        self.datasets = list(datasets)
        if len(self.datasets) == 0:
            raise ValueError("datasets should not be an empty iterable")
        for d in self.datasets:
            if isinstance(d, IterableDataset):
                raise ValueError("ConcatDataset does not support IterableDataset")
        self.cumulative_sizes = self.cumsum(self.datasets)

    def __len__(self):
        return self.cumulative_sizes[-1]

    def __getitem__(self, idx):
        if idx < 0:
            if -idx > len(self):
                raise ValueError("absolute value of index should not exceed dataset length")
            idx = len(self) + idx
        if idx >= len(self):
            raise IndexError(f"index {idx} is out of range for a ConcatDataset of length {len(self)}")
        dataset_idx = bisect.bisect_right(self.cumulative_sizes, idx)
        sample_idx = idx if dataset_idx == 0 else idx - self.cumulative_sizes[dataset_idx - 1]
        return self.datasets[dataset_idx][sample_idx]


class ChainDataset(IterableDataset):
    """Chains iterable datasets one after the other.

    Args:
        datasets (iterable of IterableDataset): the datasets, iterated in order.

    Example:
        >>> class Count(rt.data.IterableDataset):
        ...     def __init__(self, n):
        ...         self.n = n
        ...     def __iter__(self):
        ...         return iter(range(self.n))
        >>> list(rt.data.ChainDataset([Count(2), Count(3)]))
        [0, 1, 0, 1, 2]
    """

    def __init__(self, datasets):
        self.datasets = datasets

    def __iter__(self):
        for d in self.datasets:
            if not isinstance(d, IterableDataset):
                raise TypeError("ChainDataset only supports IterableDataset")
            yield from d

    def __len__(self):
        total = 0
        for d in self.datasets:
            if not isinstance(d, IterableDataset):
                raise TypeError("ChainDataset only supports IterableDataset")
            total += len(d)
        return total


class Subset(Dataset):
    """The samples of ``dataset`` at ``indices``, in that order.

    Args:
        dataset (Dataset): the whole dataset.
        indices (sequence of ints): the indices into ``dataset`` of the samples of the subset.

    Example:
        >>> sub = rt.data.Subset([10, 11, 12, 13], [3, 0])
        >>> len(sub), sub[0], sub[1]
        (2, 13, 10)
    """

    def __init__(self, dataset, indices):
        self.dataset = dataset
        self.indices = indices
        self._gather = None

    def __getitem__(self, idx):
        if isinstance(idx, list):
            return self.dataset[[self.indices[i] for i in idx]]
        return self.dataset[self.indices[idx]]

    def __getitems__(self, indices):
        inner = getattr(self.dataset, "__getitems__", None)
        if callable(inner):
            return inner([self.indices[i] for i in indices])
        return [self.dataset[self.indices[i]] for i in indices]

    def __len__(self):
        return len(self.indices)

    def _rt_gatherer(self):
        if type(self).__getitem__ is not Subset.__getitem__:
            return None
        fn = getattr(self.dataset, "_rt_gatherer", None)
        inner = fn() if fn is not None else None
        if inner is None:
            return None
        g = self._gather
        if g is None or g[0] is not inner or g[1] is not self.indices:
            try:
                idx = np.asarray(self.indices)
            except Exception:
                return None
            if idx.ndim != 1 or (idx.size and idx.dtype.kind not in "iu"):
                return None
            g = self._gather = (inner, self.indices, _D.MappedGather(inner, idx.astype(np.int64)))
        return g[2]


def random_split(dataset, lengths, generator=None):
    """Splits ``dataset`` into non-overlapping random Subsets of the given lengths, or of the
    given fractions of its length (floored, the remainder dealt round-robin). The permutation is
    drawn from ``generator`` (default: the default generator).

    Args:
        dataset (Dataset): the dataset to split.
        lengths (sequence of ints or floats): the lengths of the splits, or fractions summing to 1.
        generator (Generator, optional): the generator of the permutation.

    Returns:
        list of Subset: one Subset per entry of ``lengths``.

    Example:
        >>> train, val = rt.data.random_split(range(10), [0.8, 0.2])
        >>> len(train), len(val)
        (8, 2)
        >>> sorted(list(train) + list(val))
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
    """
    lengths = list(lengths)
    n = len(dataset)
    if math.isclose(sum(lengths), 1) and sum(lengths) <= 1:
        subset_lengths = []
        for i, frac in enumerate(lengths):
            if frac < 0 or frac > 1:
                raise ValueError(f"Fraction at index {i} is not between 0 and 1")
            subset_lengths.append(int(math.floor(n * frac)))
        remainder = n - sum(subset_lengths)
        for i in range(remainder):
            subset_lengths[i % len(subset_lengths)] += 1
        lengths = subset_lengths
        for i, length in enumerate(lengths):
            if length == 0:
                warnings.warn(f"Length of split at index {i} is 0. This might result in an empty dataset.")
    if any(int(length) != length or length < 0 for length in lengths):
        raise ValueError(f"random_split: lengths must be non-negative integers or fractions summing to 1, got {lengths}")
    if sum(lengths) != n:
        raise ValueError("Sum of input lengths does not equal the length of the input dataset!")
    indices = _D.randperm(int(sum(lengths)), generator).tolist()
    return [Subset(dataset, indices[offset - length: offset])
            for offset, length in zip(itertools.accumulate(lengths), lengths)]
