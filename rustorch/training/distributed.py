"""Data-parallel training for the Keras-style API: ``Model.fit(..., distributed=True)`` and
``rt.Trainer(strategy='ddp')``.

Under ``python -m rustorch.distributed.run --nproc N script.py`` every rank runs the same fit
call. The model is wrapped in DistributedDataParallel (rank 0's weights are broadcast, gradients
averaged in buckets during backward), each loader is re-made with a ``DistributedSampler``
(``set_epoch`` before every epoch, so all ranks draw the same permutation and see disjoint
shards), the epoch logs (loss, metrics, validation) are averaged across ranks, and only rank 0
shows progress and writes files (ModelCheckpoint, CSVLogger, the Trainer's checkpoints). The
per-rank batch size is the one given; the global batch is world_size times larger.

Without a process group one is started (``init_process_group()``: MPI under the launcher, the
single-process backend otherwise) and destroyed at the end of fit.
"""
from .. import _C
from .. import distributed as dist
from ..data import DataLoader, DistributedSampler, IterableDataset, RandomSampler
from .data_adapter import DataHandler

__all__ = ["DistributedContext"]


class _SyncedSteps:
    """A steps object whose training batches run DDP's forward preparation (gradient sync on the
    following backward, buffer broadcast) around the model's own forward."""

    def __init__(self, inner, ddp):
        self._inner = inner
        self._ddp = ddp

    def train_batch(self, batch, batch_idx):
        self._ddp._pre_forward()
        try:
            return self._inner.train_batch(batch, batch_idx)
        finally:
            self._ddp._post_forward()

    def __getattr__(self, name):
        return getattr(self._inner, name)


class _ShardedHandler(DataHandler):
    """A DataHandler over a DistributedSampler loader: ``set_epoch`` before each epoch."""

    def __init__(self, loader, sampler, steps_per_epoch, restart_each_epoch, first_epoch):
        super().__init__(loader, steps_per_epoch, restart_each_epoch)
        self.sampler = sampler
        self.epoch = first_epoch

    def epoch_batches(self):
        self.sampler.set_epoch(self.epoch)
        self.epoch += 1
        yield from super().epoch_batches()


class DistributedContext:
    """Everything ``distributed=True`` changes in one fit: the DDP wrapper, sharded loaders,
    averaged logs, rank-0-only callbacks. ``close()`` removes DDP's hooks (and the process group
    when this context started it)."""

    # Callbacks that write files or print: rank 0 only.
    _RANK0_ONLY = ("ModelCheckpoint", "CSVLogger", "ProgbarLogger", "_LastCheckpoint")

    def __init__(self, model, what):
        from ..nn.parallel import DistributedDataParallel  # noqa: PLC0415
        self.what = what
        self.owns_group = not dist.is_initialized()
        if self.owns_group:
            dist.init_process_group()
        self.rank = dist.get_rank()
        self.world_size = dist.get_world_size()
        self.is_main_process = self.rank == 0
        try:
            self.ddp = DistributedDataParallel(model)
        except BaseException:
            self._close_group()
            raise

    def steps(self, steps):
        return _SyncedSteps(steps, self.ddp)

    def handler(self, loader, steps_per_epoch=None, restart_each_epoch=False, shuffle=True, first_epoch=0):
        """``loader`` re-made over the same dataset with a DistributedSampler (same batch size,
        collate function, workers and drop_last)."""
        if loader is None:
            return None
        if not isinstance(loader, DataLoader):
            raise TypeError(f"{self.what}(distributed): the data must come as arrays, a Dataset or a DataLoader, got "
                            f"{type(loader).__name__}")
        if isinstance(loader.dataset, IterableDataset):
            raise ValueError(f"{self.what}(distributed): an IterableDataset cannot be sharded by rank; use a map-style "
                             "Dataset (or shard the stream yourself and train without distributed=True)")
        if loader.batch_size is None:
            raise ValueError(f"{self.what}(distributed): the DataLoader has a custom batch_sampler; give it a batch_size "
                             "instead so the data can be sharded with a DistributedSampler")
        if shuffle is None:
            shuffle = isinstance(loader.sampler, RandomSampler)
        sampler = DistributedSampler(loader.dataset, num_replicas=self.world_size, rank=self.rank, shuffle=shuffle)
        sharded = DataLoader(loader.dataset, batch_size=loader.batch_size, sampler=sampler,
                             num_workers=loader.num_workers, collate_fn=loader.collate_fn, drop_last=loader.drop_last,
                             timeout=loader.timeout, in_order=loader.in_order)
        return _ShardedHandler(sharded, sampler, steps_per_epoch, restart_each_epoch, first_epoch)

    def callbacks(self, callbacks):
        callbacks = list(callbacks or [])
        for cb in callbacks:
            if type(cb).__name__ == "BackupAndRestore":
                raise ValueError(f"{self.what}(distributed): BackupAndRestore is not supported with distributed "
                                 "training (every rank would restore and write the same backup)")
        if self.is_main_process:
            return callbacks
        return [cb for cb in callbacks if type(cb).__name__ not in self._RANK0_ONLY]

    def reduce_logs(self, logs):
        """The logs averaged over ranks (every rank sees the same number of samples: the
        DistributedSampler pads shards to equal length, so this is the mean over all samples)."""
        keys = sorted(k for k, v in logs.items() if isinstance(v, (int, float)) and not isinstance(v, bool))
        if not keys:
            return dict(logs)
        values = _C.tensor([float(logs[k]) for k in keys], dtype=_C.float64)
        dist.all_reduce(values, op=dist.ReduceOp.AVG)
        out = dict(logs)
        out.update(zip(keys, values.tolist()))
        return out

    def _close_group(self):
        if self.owns_group:
            dist.destroy_process_group()
            self.owns_group = False

    def close(self):
        self.ddp.remove_hooks()
        self._close_group()
