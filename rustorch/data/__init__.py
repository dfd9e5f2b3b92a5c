"""Data loading (``rt.data``, also ``rt.utils.data``): datasets, samplers, DataLoader, collate,
and the submodules ``datasets`` (Fashion-MNIST, idx files, Digits, Iris, text) and
``transforms`` — PyTorch's ``torch.utils.data`` API and semantics.

Why the DataLoader's workers are threads, not processes
-------------------------------------------------------
Measured on the 2-core development machine (Fashion-MNIST, 60,000 x 1 x 28 x 28 float32 +
int64 labels, shuffled, see ``benchmarks/``):

- The hot case — in-memory tensors (TensorDataset, the built-in datasets) with the default
  collate — needs no Python per sample at all: a whole batch is gathered in one C++ call
  (``_C._data.RowGather``) that releases the GIL. With ``num_workers > 0`` the batches of an
  epoch are gathered by C++ threads (``_C._data.BatchPrefetcher``) that never take the GIL, so
  they run truly in parallel with the training thread; handing a finished batch over costs a
  pointer, not a copy.
- Processes would have to copy every batch through shared memory or a pipe (pickling ~200 KB
  per batch of 64, ~800 KB per batch of 256), pay a fork/spawn per worker and epoch, and fork a
  process whose engine thread pool and OpenBLAS threads do not survive ``fork``. PyTorch's
  process workers are slower than its own single-process loader on this data (see the numbers
  in ``benchmarks/``/the report): IPC costs more than the gather it parallelises.
- For Python-heavy datasets (per-sample transforms in Python) threads share the GIL, so they
  overlap loading with the GIL-free parts of the training step rather than multiplying Python
  throughput; the cure there is the fast paths (whole-dataset transforms, batch gathers), not
  more processes.

Worker threads seed their own generator (``base_seed + worker_id``) for rustorch's random
transforms, like PyTorch's workers; with the default collate over in-memory tensors,
``num_workers=2`` yields exactly the batches of ``num_workers=0``.
"""
from . import datasets, transforms  # noqa: F401
from .collate import default_collate, default_convert
from .dataloader import DataLoader, WorkerInfo, get_worker_info
from .dataset import (ChainDataset, ConcatDataset, Dataset, IterableDataset, StackDataset, Subset, TensorDataset,
                      random_split)
from .sampler import (BatchSampler, DistributedSampler, RandomSampler, Sampler, SequentialSampler,
                      SubsetRandomSampler, WeightedRandomSampler)

__all__ = ["DataLoader", "Dataset", "IterableDataset", "TensorDataset", "StackDataset", "ConcatDataset",
           "ChainDataset", "Subset", "random_split", "Sampler", "SequentialSampler", "RandomSampler",
           "SubsetRandomSampler", "WeightedRandomSampler", "BatchSampler", "DistributedSampler", "default_collate",
           "default_convert", "get_worker_info", "WorkerInfo", "datasets", "transforms"]
