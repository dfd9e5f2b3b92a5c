"""Samplers: which dataset indices an epoch visits, in what order, and how they are batched
(PyTorch's ``torch.utils.data`` samplers and semantics).

Samplers that can produce an epoch's indices as one array implement ``_rt_indices()`` (drawing
the same random numbers, in the same order, as iterating them); the DataLoader then slices that
array into batches instead of iterating Python ints.
"""
import math

import numpy as np

from .. import _C
from . import _random

_D = _C._data

__all__ = ["Sampler", "SequentialSampler", "RandomSampler", "SubsetRandomSampler", "WeightedRandomSampler",
           "BatchSampler", "DistributedSampler"]


class Sampler:
    """Base class: an iterable of dataset indices (or of index lists, for batch samplers).

    Args:
        data_source (Dataset, optional): accepted for compatibility; ignored by the base class.

    Example:
        >>> class EvenIndices(rt.data.Sampler):
        ...     def __init__(self, n):
        ...         self.n = n
        ...     def __iter__(self):
        ...         return iter(range(0, self.n, 2))
        ...     def __len__(self):
        ...         return (self.n + 1) // 2
        >>> list(EvenIndices(5))
        [0, 2, 4]
        >>> loader = rt.data.DataLoader(list(range(10, 15)), sampler=EvenIndices(5), batch_size=2)
        >>> [b.tolist() for b in loader]
        [[10, 12], [14]]
    """

    def __init__(self, data_source=None):
        pass

    def __iter__(self):
        raise NotImplementedError


def epoch_indices(sampler):
    """The sampler's next epoch of indices as an int64 array, or None when it has no array form
    (a user sampler, or a subclass that overrides ``__iter__``)."""
    cls = type(sampler)
    fn = getattr(cls, "_rt_indices", None)
    if fn is None:
        return None
    owner = next(c for c in cls.__mro__ if "_rt_indices" in c.__dict__)
    if cls.__iter__ is not owner.__iter__:
        return None
    return sampler._rt_indices()


class SequentialSampler(Sampler):
    """Indices 0, 1, ..., len(data_source) - 1.

    Args:
        data_source (Dataset): the dataset (only its length is used).

    Example:
        >>> list(rt.data.SequentialSampler(["a", "b", "c"]))
        [0, 1, 2]
    """

    def __init__(self, data_source):
        self.data_source = data_source

    def _rt_indices(self):
        return np.arange(len(self.data_source), dtype=np.int64)

    def __iter__(self):
        return iter(range(len(self.data_source)))

    def __len__(self):
        return len(self.data_source)


class RandomSampler(Sampler):
    """A random permutation of the indices (``num_samples`` of them, repeating whole
    permutations as needed), or ``num_samples`` uniform draws when ``replacement=True``.

    Without a ``generator`` each epoch seeds a fresh generator from the default generator, so
    ``rt.manual_seed`` makes the order reproducible.

    Args:
        data_source (Dataset): the dataset (only its length is used).
        replacement (bool): draw with replacement. Default: False.
        num_samples (int, optional): the number of indices per epoch. Default: ``len(data_source)``.
        generator (Generator, optional): the generator of the draws.

    Example:
        >>> s = rt.data.RandomSampler(range(5))
        >>> sorted(s)
        [0, 1, 2, 3, 4]
        >>> len(rt.data.RandomSampler(range(5), replacement=True, num_samples=8))
        8
    """

    def __init__(self, data_source, replacement=False, num_samples=None, generator=None):
        self.data_source = data_source
        self.replacement = replacement
        self._num_samples = num_samples
        self.generator = generator
        if not isinstance(self.replacement, bool):
            raise TypeError(f"replacement should be a boolean value, but got replacement={self.replacement}")
        if not isinstance(self.num_samples, int) or isinstance(self.num_samples, bool) or self.num_samples <= 0:
            raise ValueError(f"num_samples should be a positive integer value, but got num_samples={self.num_samples}")

    @property
    def num_samples(self):
        """How many indices one pass yields (``len(data_source)`` unless given)."""
        return len(self.data_source) if self._num_samples is None else self._num_samples

    def _rt_indices(self):
        n = len(self.data_source)
        gen = self.generator
        if gen is None:
            gen = _random.new_generator(_random.derived_seed())
        if self.replacement:
            return _D.randint(0, n, self.num_samples, gen)
        parts = [_D.randperm(n, gen) for _ in range(self.num_samples // n)]
        rest = self.num_samples % n
        if rest:
            parts.append(_D.randperm(n, gen)[:rest])
        return np.concatenate(parts) if len(parts) != 1 else parts[0]

    def __iter__(self):
        yield from self._rt_indices().tolist()

    def __len__(self):
        return self.num_samples


class SubsetRandomSampler(Sampler):
    """The given indices in a random order (drawn from ``generator``, default: the default
    generator).

    Args:
        indices (sequence of ints): the indices to sample.
        generator (Generator, optional): the generator of the permutation.

    Example:
        >>> s = rt.data.SubsetRandomSampler([1, 3, 5])
        >>> len(s), sorted(s)
        (3, [1, 3, 5])
    """

    def __init__(self, indices, generator=None):
        self.indices = indices
        self.generator = generator

    def _rt_indices(self):
        idx = np.asarray(self.indices)
        if idx.ndim != 1 or (idx.size and idx.dtype.kind not in "iu"):
            return None  # not plain integers: iterate them instead (no draw was made)
        return idx.astype(np.int64, copy=False)[_D.randperm(len(self.indices), self.generator)]

    def __iter__(self):
        for i in _D.randperm(len(self.indices), self.generator).tolist():
            yield self.indices[i]

    def __len__(self):
        return len(self.indices)


class WeightedRandomSampler(Sampler):
    """``num_samples`` indices drawn with probability proportional to ``weights``.

    Args:
        weights (sequence of floats or Tensor): the (unnormalized) weight of each index.
        num_samples (int): the number of indices to draw.
        replacement (bool): draw with replacement. Default: True.
        generator (Generator, optional): the generator of the draws.

    Example:
        >>> s = rt.data.WeightedRandomSampler([0.0, 1.0, 0.0], num_samples=4)
        >>> list(s)
        [1, 1, 1, 1]
        >>> sorted(rt.data.WeightedRandomSampler([1.0, 2.0, 3.0], 3, replacement=False))
        [0, 1, 2]
    """

    def __init__(self, weights, num_samples, replacement=True, generator=None):
        if not isinstance(num_samples, int) or isinstance(num_samples, bool) or num_samples <= 0:
            raise ValueError(f"num_samples should be a positive integer value, but got num_samples={num_samples}")
        if not isinstance(replacement, bool):
            raise ValueError(f"replacement should be a boolean value, but got replacement={replacement}")
        w = np.asarray(weights.numpy() if isinstance(weights, _C.Tensor) else weights, dtype=np.float64)
        if w.ndim != 1:
            raise ValueError(f"weights should be a 1d sequence but given weights have shape {tuple(w.shape)}")
        self.weights = _C.tensor(w, dtype=_C.float64)
        self._w = w.tolist()
        self.num_samples = num_samples
        self.replacement = replacement
        self.generator = generator

    def _rt_indices(self):
        return _D.multinomial(self._w, self.num_samples, self.replacement, self.generator)

    def __iter__(self):
        yield from self._rt_indices().tolist()

    def __len__(self):
        return self.num_samples


class BatchSampler(Sampler):
    """Groups the indices of ``sampler`` into lists of ``batch_size`` (the last one shorter unless
    ``drop_last``).

    Args:
        sampler (Sampler or iterable): the indices to group.
        batch_size (int): the size of each batch.
        drop_last (bool): drop the last batch if it is shorter than ``batch_size``.

    Example:
        >>> list(rt.data.BatchSampler(rt.data.SequentialSampler(range(5)), batch_size=2, drop_last=False))
        [[0, 1], [2, 3], [4]]
        >>> list(rt.data.BatchSampler(range(5), batch_size=2, drop_last=True))
        [[0, 1], [2, 3]]
    """

    def __init__(self, sampler, batch_size, drop_last):
        if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size <= 0:
            raise ValueError(f"batch_size should be a positive integer value, but got batch_size={batch_size}")
        if not isinstance(drop_last, bool):
            raise ValueError(f"drop_last should be a boolean value, but got drop_last={drop_last}")
        self.sampler = sampler
        self.batch_size = batch_size
        self.drop_last = drop_last

    def _rt_batches(self):
        """The epoch's batches as slices of one index array, or None (see epoch_indices)."""
        if type(self).__iter__ is not BatchSampler.__iter__:
            return None
        idx = epoch_indices(self.sampler)
        if idx is None:
            return None
        bs, n = self.batch_size, len(idx)
        end = n - n % bs if self.drop_last else n
        return [idx[i:i + bs] for i in range(0, end, bs)]

    def __iter__(self):
        batch = []
        for idx in self.sampler:
            batch.append(idx)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if batch and not self.drop_last:
            yield batch

    def __len__(self):
        if self.drop_last:
            return len(self.sampler) // self.batch_size
        return (len(self.sampler) + self.batch_size - 1) // self.batch_size


def _dist_world():
    try:
        from .. import distributed as dist  # noqa: PLC0415  (optional package)
    except ImportError:
        dist = None
    if dist is not None and getattr(dist, "is_available", lambda: False)() and dist.is_initialized():
        return dist.get_world_size(), dist.get_rank()
    return None


class DistributedSampler(Sampler):
    """The share of ``dataset`` that replica ``rank`` of ``num_replicas`` visits each epoch.

    Same partitioning as PyTorch's: a permutation seeded with ``seed + epoch`` (value for value
    torch's ``randperm`` with that seed, so shards match torch's exactly), padded by repeating its
    head to a multiple of ``num_replicas`` (or truncated when ``drop_last``), then every
    ``num_replicas``-th index from ``rank``. Call ``set_epoch`` before each epoch to reshuffle.

    Args:
        dataset (Dataset): the dataset (only its length is used).
        num_replicas (int, optional): the number of replicas; by default the world size of the
            initialized process group.
        rank (int, optional): this replica's rank; by default the process group's rank.
        shuffle (bool): permute the indices each epoch. Default: True.
        seed (int): the seed of the permutation (plus the epoch). Default: 0.
        drop_last (bool): drop the tail so that every replica gets as many indices, instead of
            padding. Default: False.

    Example:
        >>> s0 = rt.data.DistributedSampler(range(5), num_replicas=2, rank=0, shuffle=False)
        >>> s1 = rt.data.DistributedSampler(range(5), num_replicas=2, rank=1, shuffle=False)
        >>> list(s0), list(s1)
        ([0, 2, 4], [1, 3, 0])
        >>> s0.set_epoch(1)
        >>> len(s0)
        3
    """

    def __init__(self, dataset, num_replicas=None, rank=None, shuffle=True, seed=0, drop_last=False):
        if num_replicas is None or rank is None:
            world = _dist_world()
            if world is None:
                raise RuntimeError("Requires distributed package to be available: initialize rustorch.distributed or "
                                   "pass num_replicas= and rank= explicitly")
            num_replicas = world[0] if num_replicas is None else num_replicas
            rank = world[1] if rank is None else rank
        if num_replicas <= 0:
            raise ValueError(f"Invalid num_replicas {num_replicas}, num_replicas should be positive")
        if rank >= num_replicas or rank < 0:
            raise ValueError(f"Invalid rank {rank}, rank should be in the interval [0, {num_replicas - 1}]")
        self.dataset = dataset
        self.num_replicas = num_replicas
        self.rank = rank
        self.epoch = 0
        self.drop_last = drop_last
        n = len(self.dataset)
        if self.drop_last and n % self.num_replicas != 0:
            self.num_samples = math.ceil((n - self.num_replicas) / self.num_replicas)
        else:
            self.num_samples = math.ceil(n / self.num_replicas)
        self.total_size = self.num_samples * self.num_replicas
        self.shuffle = shuffle
        self.seed = seed

    def _rt_indices(self):
        n = len(self.dataset)
        if self.shuffle:
            indices = _D.torch_randperm(n, self.seed + self.epoch)
        else:
            indices = np.arange(n, dtype=np.int64)
        if not self.drop_last:
            padding_size = self.total_size - len(indices)
            if padding_size > 0:
                if padding_size <= len(indices):
                    indices = np.concatenate([indices, indices[:padding_size]])
                else:
                    reps = math.ceil(padding_size / len(indices))
                    indices = np.concatenate([indices, np.tile(indices, reps)[:padding_size]])
        else:
            indices = indices[:self.total_size]
        assert len(indices) == self.total_size
        indices = indices[self.rank:self.total_size:self.num_replicas]
        assert len(indices) == self.num_samples
        return np.ascontiguousarray(indices)

    def __iter__(self):
        return iter(self._rt_indices().tolist())

    def __len__(self):
        return self.num_samples

    def set_epoch(self, epoch):
        """Sets the epoch, which seeds the shuffle: call it before each epoch so every replica
        draws the same new permutation."""
        self.epoch = epoch
