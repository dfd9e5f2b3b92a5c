"""DistributedDataParallel: PyTorch's DDP semantics over rustorch.distributed.

Every rank holds a replica of the module and feeds it its own share of each batch. At
construction the parameters and buffers of rank 0 are broadcast to all ranks. During backward,
each parameter's post-accumulate-grad hook copies its gradient into a flat bucket; as soon as
every gradient of a bucket is in, the bucket's averaging all-reduce is queued to the process
group's communication thread, so it runs while backward keeps computing earlier layers' gradients
(buckets hold parameters in reverse registration order, roughly the order backward produces
them, and are launched in index order so every rank issues the same collectives). When the
backward pass ends, a callback waits for the buckets and writes the averaged gradients back into
``param.grad``. After ``optimizer.step()`` every replica therefore holds the same parameters —
the same result as one process training on the whole batch.

- Parameters that get no gradient: with ``find_unused_parameters=True`` their bucket slots hold
  zeros, a used-flag is all-reduced, and a parameter unused on every rank keeps its ``.grad``
  untouched (None stays None); one used on some ranks gets the average over all ranks. Without
  it, a backward pass that leaves a parameter without gradient raises RuntimeError naming it.
- ``no_sync()``: forward/backward inside accumulate local gradients without communication; the
  first backward after it averages the accumulated sum.
- ``broadcast_buffers=True``: buffers (e.g. BatchNorm running statistics) are broadcast from
  rank 0 at the start of each forward that follows a synchronising forward, as in PyTorch.
"""
import contextlib
import weakref

from ... import _C
from ... import distributed as dist
from ..modules.module import Module

_DEFAULT_FIRST_BUCKET_BYTES = 1024 * 1024  # PyTorch's: the first (last-layer) bucket starts early


class _Bucket:
    __slots__ = ("params", "offsets", "buffer", "pending")

    def __init__(self, params, offsets, buffer):
        self.params = params      # indices into DDP's parameter list
        self.offsets = offsets    # element offset of each parameter in buffer
        self.buffer = buffer      # flat gradient buffer of the bucket's dtype
        self.pending = 0


def _tensors_numel(params):
    return sum(p.numel() for p in params)


class DistributedDataParallel(Module):
    """Wraps ``module`` for data-parallel training over the default process group.

    ``bucket_cap_mb``: gradient bucket size in MiB (default 25). ``broadcast_buffers``: re-broadcast
    rank 0's buffers before forward. ``find_unused_parameters``: allow parameters without a
    gradient. ``device_ids``/``output_device`` are accepted for compatibility (CPU only).

    Args:
        module (Module): the replica to train; it needs at least one parameter that requires grad.
        device_ids (list, optional): accepted for PyTorch compatibility (CPU only). Default: None.
        output_device (optional): accepted for PyTorch compatibility. Default: None.
        dim (int): stored for PyTorch compatibility (each rank feeds its own batch; nothing is scattered). Default: 0.
        broadcast_buffers (bool): re-broadcast rank 0's buffers before each forward. Default: True.
        process_group (optional): accepted for PyTorch compatibility; the default group is used. Default: None.
        bucket_cap_mb (float, optional): the gradient bucket size in MiB; None means 25. Default: None.
        find_unused_parameters (bool): allow parameters that get no gradient in a backward. Default: False.
        check_reduction (bool): accepted for PyTorch compatibility. Default: False.
        gradient_as_bucket_view (bool): accepted for PyTorch compatibility. Default: False.
        static_graph (bool): accepted for PyTorch compatibility. Default: False.

    Example:
        >>> import rustorch.distributed as dist
        >>> dist.init_process_group("local")
        >>> ddp = nn.parallel.DistributedDataParallel(nn.Linear(4, 2))
        >>> ddp(rt.randn(3, 4)).sum().backward()
        >>> tuple(ddp.module.weight.grad.shape)
        (2, 4)
        >>> dist.destroy_process_group()
    """

    def __init__(self, module, device_ids=None, output_device=None, dim=0, broadcast_buffers=True,
                 process_group=None, bucket_cap_mb=None, find_unused_parameters=False, check_reduction=False,
                 gradient_as_bucket_view=False, static_graph=False):
        super().__init__()
        if not dist.is_initialized():
            raise RuntimeError("DistributedDataParallel: the default process group has not been initialized; call "
                               "rustorch.distributed.init_process_group first")
        if not isinstance(module, Module):
            raise TypeError(f"DistributedDataParallel: module must be an nn.Module, got {type(module).__name__}")
        if bucket_cap_mb is None:
            bucket_cap_mb = 25
        if not bucket_cap_mb > 0:
            raise ValueError(f"DistributedDataParallel: bucket_cap_mb must be positive, got {bucket_cap_mb}")
        self.module = module
        self.broadcast_buffers = bool(broadcast_buffers)
        self.find_unused_parameters = bool(find_unused_parameters)
        self.bucket_bytes_cap = int(bucket_cap_mb * 1024 * 1024)
        self.dim = dim
        self.require_backward_grad_sync = True
        self.require_forward_param_sync = True
        self._comm = dist._require_group("DistributedDataParallel")
        self._world_size = self._comm.size

        named = [(n, p) for n, p in module.named_parameters() if p.requires_grad]
        if not named:
            raise RuntimeError("DistributedDataParallel is not needed when a module doesn't have any parameter that "
                               "requires a gradient.")
        self._param_names = [n for n, _ in named]
        self._params = [p for _, p in named]
        self._module_buffers = [b for _, b in module.named_buffers()]
        self._verify_params_across_ranks()
        self._sync_module_states()
        self._build_buckets()
        self._reset_iteration_state()
        self._expect_sync = False
        self._hook_handles = []
        me = weakref.ref(self)
        for i, p in enumerate(self._params):
            def hook(_param, i=i):
                ddp = me()
                if ddp is not None:
                    ddp._on_grad_ready(i)
            self._hook_handles.append(p.register_post_accumulate_grad_hook(hook))

    # ---- construction ------------------------------------------------------------------------
    def _verify_params_across_ranks(self):
        """Every rank must wrap the same architecture: compare the parameter count, total size and
        per-parameter sizes (a fingerprint) with rank 0's."""
        sizes = [p.numel() for p in self._params]
        fingerprint = sum((i + 1) * 1_000_003 * s for i, s in enumerate(sizes)) % (1 << 61)
        mine = _C.tensor([len(sizes), sum(sizes), fingerprint], dtype=_C.int64)
        rank0 = mine.clone()
        dist.broadcast(rank0, 0)
        if not bool((mine == rank0).all()):
            raise RuntimeError(
                f"DistributedDataParallel: rank {self._comm.rank} has {len(sizes)} parameters with {sum(sizes)} "
                f"elements but rank 0 has {int(rank0[0])} with {int(rank0[1])} (or their shapes differ): every rank "
                "must wrap the same model")

    def _broadcast_tensors(self, tensors):
        works, copies = [], []
        with _no_grad():
            for t in tensors:
                data = t.detach()
                if not data.is_contiguous():
                    buf = data.contiguous()
                    copies.append((data, buf))
                    data = buf
                works.append(self._comm.broadcast_async(data, 0))
            for w in works:
                w.wait(self._comm.timeout_s)
            for dst, src in copies:
                dst.copy_(src)

    def _sync_module_states(self):
        self._broadcast_tensors(list(self.module.parameters()) + self._module_buffers)

    def _build_buckets(self):
        """Buckets of consecutive parameters in reverse registration order (backward's order),
        one dtype each, the first capped at 1 MiB and the others at bucket_cap_mb."""
        order = list(range(len(self._params)))[::-1]
        groups = []
        current, current_bytes, current_dtype = [], 0, None
        cap = min(_DEFAULT_FIRST_BUCKET_BYTES, self.bucket_bytes_cap)
        for i in order:
            p = self._params[i]
            nbytes = p.numel() * p.element_size()
            if current and (p.dtype != current_dtype or current_bytes + nbytes > cap):
                groups.append(current)
                current, current_bytes = [], 0
                cap = self.bucket_bytes_cap
            current.append(i)
            current_bytes += nbytes
            current_dtype = p.dtype
        if current:
            groups.append(current)
        self._buckets = []
        self._slot = [None] * len(self._params)  # param index -> (bucket index, offset, numel)
        for b, idxs in enumerate(groups):
            offsets, offset = [], 0
            for i in idxs:
                offsets.append(offset)
                self._slot[i] = (b, offset, self._params[i].numel())
                offset += self._params[i].numel()
            buffer = _C.zeros(offset, dtype=self._params[idxs[0]].dtype)
            self._buckets.append(_Bucket(idxs, offsets, buffer))

    @property
    def bucket_sizes(self):
        """Parameter indices of each gradient bucket, in launch order."""
        return [list(b.params) for b in self._buckets]

    # ---- forward -----------------------------------------------------------------------------
    def _reset_iteration_state(self):
        for b in self._buckets:
            b.pending = len(b.params)
        self._ready = [False] * len(self._params)
        self._next_bucket = 0
        self._works = []
        self._callback_queued = False
        self._reduced_since_forward = False

    def forward(self, *inputs, **kwargs):
        self._pre_forward()
        try:
            return self.module(*inputs, **kwargs)
        finally:
            self._post_forward()

    def _pre_forward(self):
        """What DDP does before the wrapped module's forward: decide whether the next backward
        synchronises gradients, reset the buckets, re-broadcast buffers. Training loops that call
        the module's own methods (a LightningModule's training_step) call it themselves."""
        self._expect_sync = _C.is_grad_enabled() and self.require_backward_grad_sync
        self._reset_iteration_state()
        if self.broadcast_buffers and self._module_buffers and self.require_forward_param_sync:
            self._broadcast_tensors(self._module_buffers)

    def _post_forward(self):
        self.require_forward_param_sync = self._expect_sync

    def remove_hooks(self):
        """Unregisters DDP's gradient hooks from the module's parameters (the module then trains
        locally again); the wrapper must not be used afterwards."""
        for h in self._hook_handles:
            h.remove()
        self._hook_handles = []
        self._expect_sync = False
        self._reduced_since_forward = False

    @contextlib.contextmanager
    def no_sync(self):
        """Inside this context forward/backward only accumulate local gradients; the first
        synchronised backward after it averages the accumulated gradients across ranks."""
        old = self.require_backward_grad_sync
        self.require_backward_grad_sync = False
        try:
            yield
        finally:
            self.require_backward_grad_sync = old

    # ---- backward: buckets -------------------------------------------------------------------
    def _on_grad_ready(self, i):
        if not self._expect_sync:
            if self._reduced_since_forward:
                # Averaging again would need another forward; skipping it would leave the ranks'
                # gradients silently different.
                raise RuntimeError(
                    "DistributedDataParallel: a second backward pass ran after one forward (retain_graph=True?); its "
                    "gradients would not be averaged across ranks. Run forward again before each backward, or "
                    "accumulate local gradients inside no_sync().")
            return
        if self._ready[i]:
            raise RuntimeError(
                f"DistributedDataParallel: parameter {self._param_names[i]} (index {i}) received a gradient twice in "
                "one iteration; run forward again before each backward (a parameter may be used in several "
                "backward passes only inside no_sync())")
        if not self._callback_queued:
            self._callback_queued = True
            _C._queue_backward_callback(self._finalize_backward)
        self._ready[i] = True
        b, offset, n = self._slot[i]
        bucket = self._buckets[b]
        bucket.buffer[offset:offset + n].copy_(self._params[i].grad.detach().reshape(-1))
        bucket.pending -= 1
        if bucket.pending == 0:
            self._launch_ready_buckets()

    def _launch_ready_buckets(self):
        # In index order only, so that every rank issues the same sequence of collectives.
        while self._next_bucket < len(self._buckets) and self._buckets[self._next_bucket].pending == 0:
            bucket = self._buckets[self._next_bucket]
            self._works.append(self._comm.all_reduce_async(bucket.buffer, dist.ReduceOp.AVG))
            self._next_bucket += 1

    def _finalize_backward(self):
        self._expect_sync = False
        self._reduced_since_forward = True
        unready = [i for i, r in enumerate(self._ready) if not r]
        if unready and not self.find_unused_parameters:
            names = ", ".join(f"{self._param_names[i]} (index {i})" for i in unready)
            raise RuntimeError(
                f"DistributedDataParallel: rank {self._comm.rank}: these parameters received no gradient in this "
                f"backward pass: {names}. Every parameter must be used to produce the loss; pass "
                "find_unused_parameters=True to DistributedDataParallel if some are not (or set "
                "requires_grad=False on parameters that are never trained).")
        for i in unready:  # find_unused_parameters: zeros stand for the missing gradients
            b, offset, n = self._slot[i]
            self._buckets[b].buffer[offset:offset + n].zero_()
            self._buckets[b].pending -= 1
        self._launch_ready_buckets()
        used = None
        if self.find_unused_parameters:
            unready_set = set(unready)
            used = _C.tensor([0 if i in unready_set else 1 for i in range(len(self._params))], dtype=_C.int64)
            self._works.append(self._comm.all_reduce_async(used, dist.ReduceOp.SUM))
        timeout = self._comm.timeout_s
        for w in self._works:
            w.wait(timeout)
        self._works = []
        globally_used = used.tolist() if used is not None else None
        for i, p in enumerate(self._params):
            if globally_used is not None and globally_used[i] == 0:
                continue  # unused on every rank: .grad stays as it was (as in PyTorch)
            b, offset, n = self._slot[i]
            averaged = self._buckets[b].buffer[offset:offset + n].view(tuple(p.shape))
            if p.grad is None:
                p.grad = averaged.clone()
            else:
                p.grad.detach().copy_(averaged)

    def __getstate__(self):
        raise TypeError("DistributedDataParallel cannot be pickled; save ddp.module.state_dict() instead")


def _no_grad():
    from ...autograd import no_grad  # noqa: PLC0415
    return no_grad()
