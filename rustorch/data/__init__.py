"""Data loading (``rt.data``, also ``rt.utils.data``): datasets, samplers, DataLoader, collate,
and the submodules ``datasets`` (Fashion-MNIST, idx files, Digits, Iris, text) and
``transforms`` — PyTorch's ``torch.utils.data`` API and semantics.

Why the DataLoader's workers are threads, not processes
-------------------------------------------------------
Measured with ``benchmarks/bench_dataloader.py`` on the 2-core development machine (Fashion-MNIST
train, 60,000 x 1 x 28 x 28 float32 + int64 labels, shuffled, 2 threads for both libraries; the
machine was shared and loaded, so compare ratios), samples/s:

======================================  =====  =======  ==========  ========
data                                    batch  workers  rustorch    torch
======================================  =====  =======  ==========  ========
TensorDataset (in-memory tensors)       64     0        1.2 M       69 k
TensorDataset                           64     2        2.6 M       10 k
TensorDataset                           256    0        0.4-1.0 M   68 k
TensorDataset                           256    2        4.6 M       21 k
FashionMNIST + ToTensor + Normalize     256    0        4.9 M       73 k
per-sample Python (flip + ToTensor...)  64     0        62 k        18 k
per-sample Python (flip + ToTensor...)  64     2        60-190 k    10 k
======================================  =====  =======  ==========  ========

- The hot case — in-memory tensors (TensorDataset, the built-in datasets) with the default
  collate — needs no Python per sample: a whole batch is gathered in one C++ call
  (``_C._data.RowGather``) with the GIL released. With ``num_workers > 0`` the epoch's batches
  are gathered by C++ threads (``_C._data.BatchPrefetcher``) that never take the GIL, so they
  run alongside the training thread, and handing a finished batch over moves a pointer.
- Processes must copy every batch through shared memory and a pipe (pickling ~200 KB per batch
  of 64, ~800 KB per batch of 256), start a process per worker and epoch, and fork an engine
  whose thread pool and OpenBLAS threads do not survive ``fork``. PyTorch's process workers are
  3-7x *slower* than its own single-process loader on this data: the transfer costs more than
  the gather it parallelises.
- For Python-heavy datasets (per-sample transforms in Python) threads share the GIL: they
  overlap loading with the GIL-free parts of the training step rather than multiplying Python
  throughput (on two cores, with one busy training, a process would add at most one core). The
  cure there is the fast paths — whole-dataset transforms, batch gathers, C++ transforms —
  which already put the per-sample rustorch loader ahead of torch's with process workers.

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
