"""DataLoader: batches of a dataset, in the order of a sampler, collated, optionally prepared in
the background by worker threads (see the package docstring for why threads)."""
import functools
import itertools
import queue
import sys
import threading
import traceback
import warnings

import numpy as np

from .. import _C
from . import _random
from .collate import default_collate, default_convert
from .dataset import IterableDataset
from .sampler import BatchSampler, RandomSampler, Sampler, SequentialSampler, epoch_indices

_D = _C._data

__all__ = ["DataLoader", "get_worker_info", "WorkerInfo"]


# ---- worker info ------------------------------------------------------------------------------

class WorkerInfo:
    """What a worker knows about itself: ``id``, ``num_workers``, ``seed`` and ``dataset``.

    Args:
        **kwargs: the attributes (``id``, ``num_workers``, ``seed``, ``dataset``); read-only once set.

    Example:
        >>> info = rt.data.WorkerInfo(id=0, num_workers=2, seed=7, dataset=None)
        >>> info.id, info.num_workers, info.seed
        (0, 2, 7)
    """

    __initialized = False

    def __init__(self, **kwargs):
        for k, v in kwargs.items():
            setattr(self, k, v)
        self.__keys = tuple(kwargs.keys())
        self.__initialized = True

    def __setattr__(self, key, val):
        if self.__initialized:
            raise RuntimeError(f"Cannot assign attributes to {self.__class__.__name__} objects")
        return super().__setattr__(key, val)

    def __repr__(self):
        items = [f"{k}={getattr(self, k)}" for k in self.__keys]
        return f"{self.__class__.__name__}({', '.join(items)})"


_worker_local = threading.local()


def get_worker_info():
    """The :class:`WorkerInfo` of the DataLoader worker thread calling it, or None in the main
    thread (use it in an IterableDataset's ``__iter__`` to split the work between workers).

    Returns:
        WorkerInfo or None: the calling worker's info; None outside a worker.

    Example:
        >>> rt.data.get_worker_info() is None
        True
        >>> class Ids(rt.data.IterableDataset):
        ...     def __iter__(self):
        ...         yield rt.data.get_worker_info().num_workers
        >>> [b.tolist() for b in rt.data.DataLoader(Ids(), num_workers=2)]
        [[2], [2]]
    """
    return getattr(_worker_local, "info", None)


# ---- errors from workers ----------------------------------------------------------------------

class _KeyErrorMessage(str):
    def __repr__(self):
        return self


class ExceptionWrapper:
    """An exception caught in a worker, with its formatted traceback, to re-raise in the main
    thread."""

    def __init__(self, exc_info=None, where="in background"):
        if exc_info is None:
            exc_info = sys.exc_info()
        self.exc_type = exc_info[0]
        self.exc_msg = "".join(traceback.format_exception(*exc_info))
        self.where = where

    def reraise(self):
        msg = f"Caught {self.exc_type.__name__} {self.where}.\nOriginal {self.exc_msg}"
        if self.exc_type is KeyError:
            msg = _KeyErrorMessage(msg)
        try:
            exception = self.exc_type(msg)
        except Exception:
            raise RuntimeError(msg) from None
        raise exception


# ---- fetchers: indices -> batch ---------------------------------------------------------------

class _MapFetcher:
    def __init__(self, dataset, auto_collation, collate_fn, drop_last, gatherer):
        self.dataset = dataset
        self.auto_collation = auto_collation
        self.collate_fn = collate_fn
        self.gatherer = gatherer

    def fetch(self, index):
        if not self.auto_collation:
            return self.collate_fn(self.dataset[index])
        if self.gatherer is not None:  # one C++ call, GIL released during the copy
            return self.gatherer(np.asarray(index, dtype=np.int64))
        if isinstance(index, np.ndarray):
            index = index.tolist()
        getitems = getattr(self.dataset, "__getitems__", None)
        data = getitems(index) if callable(getitems) else [self.dataset[i] for i in index]
        return self.collate_fn(data)


class _IterableFetcher:
    def __init__(self, dataset, auto_collation, collate_fn, drop_last, gatherer=None):
        self.dataset_iter = iter(dataset)
        self.auto_collation = auto_collation
        self.collate_fn = collate_fn
        self.drop_last = drop_last
        self.ended = False

    def fetch(self, index):
        if self.ended:
            raise StopIteration
        if self.auto_collation:
            data = []
            for _ in index:
                try:
                    data.append(next(self.dataset_iter))
                except StopIteration:
                    self.ended = True
                    break
            if len(data) == 0 or (self.drop_last and len(data) < len(index)):
                raise StopIteration
        else:
            data = next(self.dataset_iter)
        return self.collate_fn(data)


class _InfiniteConstantSampler(Sampler):
    def __iter__(self):
        while True:
            yield None


# ---- iterators --------------------------------------------------------------------------------

def _batch_indices(index_sampler, map_style_batches):
    """The epoch's batches of indices, lazily (the sampler draws on the first batch). A plain
    function, not a method: a generator holding ``self`` would make every iterator a reference
    cycle, freed (and its workers stopped) only by the garbage collector."""
    if map_style_batches and isinstance(index_sampler, BatchSampler):
        batches = index_sampler._rt_batches()
        if batches is not None:
            yield from batches
            return
    yield from index_sampler


class _BaseIter:
    def __init__(self, loader):
        self._dataset = loader.dataset
        self._iterable = loader._dataset_kind_iterable
        self._auto_collation = loader._auto_collation
        self._drop_last = loader.drop_last
        self._index_sampler = loader._index_sampler
        self._collate_fn = loader.collate_fn
        self._num_workers = loader.num_workers
        self._timeout = loader.timeout
        self._gatherer = loader._gatherer()
        self._num_yielded = 0
        self._base_seed = _random.derived_seed(loader.generator)
        self._batches = _batch_indices(self._index_sampler, self._auto_collation and not self._iterable)

    def _reset(self, loader, first_iter=False):
        self._batches = _batch_indices(self._index_sampler, self._auto_collation and not self._iterable)
        self._num_yielded = 0

    def _fetcher_factory(self):
        """A callable making a fresh fetcher; it holds no reference to this iterator, so worker
        threads do not keep an abandoned iterator alive."""
        cls = _IterableFetcher if self._iterable else _MapFetcher
        return functools.partial(cls, self._dataset, self._auto_collation, self._collate_fn, self._drop_last,
                                 self._gatherer)

    def __iter__(self):
        return self

    def __next__(self):
        data = self._next_data()
        self._num_yielded += 1
        return data

    def __len__(self):
        return len(self._index_sampler)


class _SingleProcessIter(_BaseIter):
    def __init__(self, loader):
        super().__init__(loader)
        self._fetcher = self._fetcher_factory()()

    def _reset(self, loader, first_iter=False):
        super()._reset(loader, first_iter)
        self._fetcher = self._fetcher_factory()()

    def _next_data(self):
        return self._fetcher.fetch(next(self._batches))


class _PrefetchIter(_BaseIter):
    """TensorDataset-like data with the default collate: C++ threads gather the epoch's batches
    without the GIL; the main thread only wraps finished batches."""

    def __init__(self, loader):
        super().__init__(loader)
        bs = self._index_sampler
        idx = epoch_indices(bs.sampler)
        self._prefetcher = _D.BatchPrefetcher(self._gatherer, idx, bs.batch_size, bs.drop_last,
                                              loader.num_workers, loader.prefetch_factor * loader.num_workers)

    def _next_data(self):
        if self._prefetcher is None:
            raise StopIteration
        try:
            return next(self._prefetcher)
        except StopIteration:
            self._prefetcher = None  # joins the (finished) worker threads now
            raise


class _IterableDatasetStopIteration:
    def __init__(self, worker_id):
        self.worker_id = worker_id


class _ResumeIteration:
    pass


def _worker_loop(worker_id, num_workers, seed, dataset, make_fetcher, init_fn, index_queue, data_queue):
    _worker_local.info = WorkerInfo(id=worker_id, num_workers=num_workers, seed=seed, dataset=dataset)
    _random._set_thread_generator(_random.new_generator(seed))
    where = f"in DataLoader worker thread {worker_id}"
    init_exception = None
    fetcher = None
    try:
        if init_fn is not None:
            init_fn(worker_id)
        fetcher = make_fetcher()
    except Exception:
        init_exception = ExceptionWrapper(where=where)
    iteration_end = False
    while True:
        r = index_queue.get()
        if r is None:
            break
        if isinstance(r, _ResumeIteration):
            iteration_end = False
            try:
                fetcher = make_fetcher()
            except Exception:
                init_exception = ExceptionWrapper(where=where)
            data_queue.put((r, None))
            continue
        if iteration_end:
            continue
        idx, index = r
        if init_exception is not None:
            data, init_exception = init_exception, None
        else:
            try:
                data = fetcher.fetch(index)
            except Exception as e:
                if isinstance(e, StopIteration) and isinstance(fetcher, _IterableFetcher):
                    data = _IterableDatasetStopIteration(worker_id)
                    iteration_end = True
                else:
                    data = ExceptionWrapper(where=where)
        data_queue.put((idx, data))
        del data, r


class _ThreadWorkerIter(_BaseIter):
    """General datasets: ``num_workers`` Python threads fetch and collate batches (round-robin,
    ``prefetch_factor`` batches per worker in flight); results are returned in sampler order."""

    def __init__(self, loader):
        super().__init__(loader)
        self._prefetch = loader.prefetch_factor * self._num_workers
        self._persistent = loader.persistent_workers
        self._in_order = loader.in_order
        self._data_queue = queue.SimpleQueue()
        self._index_queues = []
        self._workers = []
        for i in range(self._num_workers):
            q = queue.SimpleQueue()
            t = threading.Thread(target=_worker_loop, daemon=True, name=f"rustorch-DataLoader-worker-{i}",
                                 args=(i, self._num_workers, self._base_seed + i, self._dataset, self._fetcher_factory(),
                                       loader.worker_init_fn, q, self._data_queue))
            t.start()
            self._index_queues.append(q)
            self._workers.append(t)
        self._shutdown = False
        self._reset(loader, first_iter=True)

    def _reset(self, loader, first_iter=False):
        super()._reset(loader, first_iter)
        self._send_idx = 0
        self._rcvd_idx = 0
        self._task_info = {}
        self._tasks_outstanding = 0
        self._workers_status = [True] * self._num_workers
        self._worker_cycle = itertools.cycle(range(self._num_workers))
        if not first_iter:  # persistent workers: drop stale results, restart iterable fetchers
            for q in self._index_queues:
                q.put(_ResumeIteration())
            left = self._num_workers
            while left > 0:
                r, _ = self._get_data()
                if isinstance(r, _ResumeIteration):
                    left -= 1
        for _ in range(self._prefetch):
            self._try_put_index()

    def _try_put_index(self):
        if self._tasks_outstanding >= self._prefetch:
            return
        try:
            index = next(self._batches)
        except StopIteration:
            return
        for _ in range(self._num_workers):
            w = next(self._worker_cycle)
            if self._workers_status[w]:
                break
        else:
            return
        self._index_queues[w].put((self._send_idx, index))
        self._task_info[self._send_idx] = (w,)
        self._tasks_outstanding += 1
        self._send_idx += 1

    def _get_data(self):
        try:
            return self._data_queue.get(timeout=self._timeout if self._timeout > 0 else None)
        except queue.Empty:
            raise RuntimeError(f"DataLoader timed out after {self._timeout} seconds") from None

    def _next_data(self):
        while True:
            while self._rcvd_idx < self._send_idx:
                info = self._task_info.get(self._rcvd_idx)
                if info is not None:
                    if len(info) == 2 or self._workers_status[info[0]]:
                        break
                    del self._task_info[self._rcvd_idx]
                self._rcvd_idx += 1
            else:
                if not self._persistent:
                    self._shutdown_workers()
                raise StopIteration
            if len(self._task_info[self._rcvd_idx]) == 2:
                data = self._task_info.pop(self._rcvd_idx)[1]
                self._rcvd_idx += 1
                return self._process_data(data)
            idx, data = self._get_data()
            if isinstance(idx, _ResumeIteration):
                continue
            self._tasks_outstanding -= 1
            if isinstance(data, _IterableDatasetStopIteration):
                self._workers_status[data.worker_id] = False
                self._try_put_index()
                continue
            if idx != self._rcvd_idx and self._in_order:
                self._task_info[idx] += (data,)
            else:
                del self._task_info[idx]
                if idx == self._rcvd_idx:
                    self._rcvd_idx += 1
                return self._process_data(data)

    def _process_data(self, data):
        self._try_put_index()
        if isinstance(data, ExceptionWrapper):
            data.reraise()
        return data

    def _shutdown_workers(self):
        if self._shutdown:
            return
        self._shutdown = True
        for q in self._index_queues:
            q.put(None)
        for t in self._workers:
            if t is not threading.current_thread():
                t.join(timeout=5.0)

    def __del__(self):
        try:
            self._shutdown_workers()
        except Exception:
            pass


# ---- DataLoader -------------------------------------------------------------------------------

class DataLoader:
    """Iterates over batches of ``dataset``, PyTorch's ``DataLoader`` with the same arguments.

    - ``batch_size``/``drop_last``/``shuffle``/``sampler``/``batch_sampler``: which indices form
      each batch (``shuffle=True`` means a ``RandomSampler`` drawing from ``generator``, default
      the default generator, so ``rt.manual_seed`` fixes the order).
    - ``collate_fn``: turns a list of samples into a batch (default :func:`default_collate`;
      ``default_convert`` when ``batch_size=None``).
    - ``num_workers > 0``: batches are prepared by that many background threads,
      ``prefetch_factor`` batches each ahead of the consumer, and returned in order — the same
      batches as ``num_workers=0``. ``worker_init_fn(worker_id)`` runs in each worker thread;
      ``persistent_workers=True`` keeps them across epochs. An exception in a worker is re-raised
      here with the worker's traceback in its message.
    - ``pin_memory``, ``pin_memory_device`` and ``multiprocessing_context`` are accepted for
      compatibility; this CPU build has no pinned memory and workers are threads.

    Fast path: when the dataset offers a C++ batch gather (``TensorDataset``, its ``Subset``s,
    the built-in datasets with tensor-producing transforms) and ``collate_fn`` is the default,
    each batch is gathered in one C++ call — with workers, on C++ threads that never take the GIL.

    Args:
        dataset (Dataset or IterableDataset): the samples.
        batch_size (int, optional): the samples per batch; None turns automatic batching off.
            Default: 1.
        shuffle (bool, optional): reshuffle the indices every epoch (map-style datasets only).
            Default: False.
        sampler (Sampler or iterable, optional): the indices to load (not with ``shuffle``).
        batch_sampler (Sampler or iterable, optional): lists of indices, one per batch (not with
            ``batch_size``, ``shuffle``, ``sampler`` or ``drop_last``).
        num_workers (int): the number of background worker threads; 0 loads in the caller.
            Default: 0.
        collate_fn (callable, optional): merges a list of samples into a batch.
        pin_memory (bool): accepted for compatibility. Default: False.
        drop_last (bool): drop the last batch if it is incomplete. Default: False.
        timeout (float): seconds to wait for a batch from the workers; 0 waits forever. Default: 0.
        worker_init_fn (callable, optional): called with the worker id in each worker.
        multiprocessing_context: accepted for compatibility (workers are threads).
        generator (Generator, optional): the generator of the random sampler.
        prefetch_factor (int, optional): batches loaded ahead by each worker. Default: 2 with workers.
        persistent_workers (bool): keep the workers between epochs (needs workers). Default: False.
        pin_memory_device (str): accepted for compatibility. Default: ``''``.
        in_order (bool): with workers, yield batches in sampler order; False yields them as they
            are ready. Default: True.

    Example:
        >>> ds = rt.data.TensorDataset(rt.arange(5.), rt.tensor([0, 1, 0, 1, 0]))
        >>> loader = rt.data.DataLoader(ds, batch_size=2)
        >>> len(loader)
        3
        >>> x, y = next(iter(loader))
        >>> x.tolist(), y.tolist()
        ([0.0, 1.0], [0, 1])
        >>> [x.shape[0] for x, y in rt.data.DataLoader(ds, batch_size=2, shuffle=True, drop_last=True)]
        [2, 2]
    """

    def __init__(self, dataset, batch_size=1, shuffle=None, sampler=None, batch_sampler=None, num_workers=0,
                 collate_fn=None, pin_memory=False, drop_last=False, timeout=0, worker_init_fn=None,
                 multiprocessing_context=None, generator=None, *, prefetch_factor=None, persistent_workers=False,
                 pin_memory_device="", in_order=True):
        if num_workers < 0:
            raise ValueError("num_workers option should be non-negative; use num_workers=0 to disable multiprocessing.")
        if timeout < 0:
            raise ValueError("timeout option should be non-negative")
        if num_workers == 0 and prefetch_factor is not None:
            raise ValueError("prefetch_factor option could only be specified in multiprocessing."
                             "let num_workers > 0 to enable multiprocessing, otherwise set prefetch_factor to None.")
        if num_workers > 0 and prefetch_factor is None:
            prefetch_factor = 2
        if prefetch_factor is not None and prefetch_factor < 1:
            raise ValueError("prefetch_factor option should be a positive integer")
        if persistent_workers and num_workers == 0:
            raise ValueError("persistent_workers option needs num_workers > 0")
        if multiprocessing_context is not None and num_workers > 0:
            warnings.warn("DataLoader: multiprocessing_context is ignored: rustorch's workers are threads", stacklevel=2)

        self.dataset = dataset
        self.num_workers = num_workers
        self.prefetch_factor = prefetch_factor
        self.pin_memory = pin_memory
        self.pin_memory_device = pin_memory_device
        self.timeout = timeout
        self.worker_init_fn = worker_init_fn
        self.multiprocessing_context = multiprocessing_context
        self.in_order = in_order
        self._dataset_kind_iterable = isinstance(dataset, IterableDataset)

        if self._dataset_kind_iterable:
            if shuffle not in {False, None}:
                raise ValueError(f"DataLoader with IterableDataset: expected unspecified shuffle option, but got shuffle={shuffle}")
            if sampler is not None:
                raise ValueError(f"DataLoader with IterableDataset: expected unspecified sampler option, but got sampler={sampler}")
            if batch_sampler is not None:
                raise ValueError("DataLoader with IterableDataset: expected unspecified batch_sampler option, "
                                 f"but got batch_sampler={batch_sampler}")
        else:
            shuffle = bool(shuffle)

        if sampler is not None and shuffle:
            raise ValueError("sampler option is mutually exclusive with shuffle")
        if batch_sampler is not None:
            if batch_size != 1 or shuffle or sampler is not None or drop_last:
                raise ValueError("batch_sampler option is mutually exclusive with batch_size, shuffle, sampler, and drop_last")
            batch_size = None
            drop_last = False
        elif batch_size is None:
            if drop_last:
                raise ValueError("batch_size=None option disables auto-batching and is mutually exclusive with drop_last")

        if sampler is None:
            if self._dataset_kind_iterable:
                sampler = _InfiniteConstantSampler()
            elif shuffle:
                sampler = RandomSampler(dataset, generator=generator)
            else:
                sampler = SequentialSampler(dataset)
        if batch_size is not None and batch_sampler is None:
            batch_sampler = BatchSampler(sampler, batch_size, drop_last)

        self.batch_size = batch_size
        self.drop_last = drop_last
        self.sampler = sampler
        self.batch_sampler = batch_sampler
        self.generator = generator
        self._default_collate = collate_fn is None or collate_fn is default_collate
        if collate_fn is None:
            collate_fn = default_collate if self._auto_collation else default_convert
        self.collate_fn = collate_fn
        self.persistent_workers = persistent_workers
        self._iterator = None
        self.__initialized = True

    def __setattr__(self, attr, val):
        if self.__dict__.get("_DataLoader__initialized") and attr in (
                "batch_size", "batch_sampler", "sampler", "drop_last", "dataset", "persistent_workers"):
            raise ValueError(f"{attr} attribute should not be set after {self.__class__.__name__} is initialized")
        super().__setattr__(attr, val)

    @property
    def _auto_collation(self):
        return self.batch_sampler is not None

    @property
    def _index_sampler(self):
        return self.batch_sampler if self._auto_collation else self.sampler

    def _gatherer(self):
        if not (self._auto_collation and self._default_collate and self.collate_fn is default_collate):
            return None
        if self._dataset_kind_iterable:
            return None
        fn = getattr(self.dataset, "_rt_gatherer", None)
        return fn() if fn is not None else None

    def _use_prefetcher(self):
        if self.num_workers == 0 or self.worker_init_fn is not None or self._gatherer() is None:
            return False
        bs = self.batch_sampler
        if type(bs).__iter__ is not BatchSampler.__iter__:
            return False
        # The sampler must have an array form; checking it here must not draw random numbers.
        cls = type(bs.sampler)
        owner = next((c for c in cls.__mro__ if "_rt_indices" in c.__dict__), None)
        if owner is None or cls.__iter__ is not owner.__iter__:
            return False
        if hasattr(bs.sampler, "indices"):  # SubsetRandomSampler over non-integers has no array form
            idx = np.asarray(bs.sampler.indices)
            if idx.ndim != 1 or (idx.size and idx.dtype.kind not in "iu"):
                return False
        return True

    def _get_iterator(self):
        if self.num_workers == 0:
            return _SingleProcessIter(self)
        if self._use_prefetcher():
            return _PrefetchIter(self)
        return _ThreadWorkerIter(self)

    def __iter__(self):
        if self.persistent_workers and self.num_workers > 0 and not self._use_prefetcher():
            if self._iterator is None:
                self._iterator = self._get_iterator()
            else:
                self._iterator._reset(self)
            return self._iterator
        return self._get_iterator()

    def __len__(self):
        if self._dataset_kind_iterable:
            length = len(self.dataset)
            if self.batch_size is not None:
                from math import ceil
                length = length // self.batch_size if self.drop_last else ceil(length / self.batch_size)
            return length
        return len(self._index_sampler)
