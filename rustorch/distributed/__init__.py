"""Data-parallel training over several processes (``torch.distributed``'s API).

``init_process_group(backend="mpi")`` joins the job started by ``mpirun`` (or by
``python -m rustorch.distributed.run --nproc N train.py``): rank and world size come from the
MPI launcher. ``backend="local"`` is a group of one process, for code that should also run
without a launcher. Collectives modify tensors in place, must be called by every rank in the
same order, and take ``async_op=True`` to return a :class:`Work` handle instead of waiting.
A collective that waits longer than the group's ``timeout`` raises RuntimeError.

Failure handling: with several MPI ranks, an uncaught exception in any rank prints its
traceback prefixed with the rank and ends the whole job (``MPI_Abort``) with a non-zero exit,
so the other ranks, blocked in a collective, never hang.
"""
import atexit
import datetime
import os
import sys
import threading
import traceback

from .. import _C

_D = _C._distributed

ReduceOp = _D.ReduceOp

__all__ = ["init_process_group", "destroy_process_group", "is_initialized", "is_available", "is_mpi_available",
           "get_rank", "get_world_size", "get_backend", "all_reduce", "broadcast", "all_gather",
           "all_gather_into_tensor", "reduce_scatter", "reduce_scatter_tensor", "barrier", "ReduceOp", "Work",
           "Backend", "default_pg_timeout"]

default_pg_timeout = datetime.timedelta(minutes=30)  # PyTorch's default


class Backend:
    """Backend names accepted by :func:`init_process_group`.

    Example:
        >>> import rustorch.distributed as dist
        >>> dist.Backend.LOCAL, dist.Backend.MPI
        ('local', 'mpi')
    """
    MPI = "mpi"
    LOCAL = "local"


_group = None  # the default group's communicator (_C._distributed.Communicator)
_lock = threading.Lock()
_hooks_installed = False


def is_available():
    """True: rustorch.distributed is always built (the MPI backend only when MPI was found).

    Returns:
        bool: always True.

    Example:
        >>> rt.distributed.is_available()
        True
    """
    return True


def is_mpi_available():
    """Whether rustorch was built with the MPI backend.

    Returns:
        bool: True when the MPI backend was built.

    Example:
        >>> isinstance(rt.distributed.is_mpi_available(), bool)
        True
    """
    return _D.mpi_built()


def is_initialized():
    """Whether the default process group has been initialised.

    Returns:
        bool: True between :func:`init_process_group` and :func:`destroy_process_group`.

    Example:
        >>> import rustorch.distributed as dist
        >>> dist.is_initialized()
        False
        >>> dist.init_process_group("local")
        >>> dist.is_initialized()
        True
        >>> dist.destroy_process_group()
    """
    return _group is not None


def _launched_by_mpirun():
    return _D.launcher_size() > 0


def _timeout_seconds(timeout):
    if timeout is None:
        return default_pg_timeout.total_seconds()
    if isinstance(timeout, datetime.timedelta):
        seconds = timeout.total_seconds()
    elif isinstance(timeout, (int, float)) and not isinstance(timeout, bool):
        seconds = float(timeout)
    else:
        raise TypeError(f"init_process_group: timeout must be a datetime.timedelta or a number of seconds, "
                        f"got {type(timeout).__name__}")
    if not seconds > 0:
        raise ValueError(f"init_process_group: timeout must be positive, got {seconds} s")
    return seconds


def init_process_group(backend=None, init_method=None, timeout=None, world_size=-1, rank=-1, store=None,
                       group_name="", pg_options=None, device_id=None):
    """Initialises the default process group.

    backend: ``"mpi"`` (rank and world size from the MPI launcher) or ``"local"`` (one process).
    None picks ``"mpi"`` when started by mpirun, else ``"local"``. ``world_size`` and ``rank``,
    when given, must agree with the launcher's. ``timeout`` (timedelta or seconds, default 30
    minutes) bounds every wait for the other ranks. ``init_method`` and ``store`` are accepted for
    PyTorch compatibility; MPI's launcher already connects the ranks, so only ``None`` or
    ``"env://"`` are meaningful.

    Args:
        backend (str, optional): ``"mpi"`` or ``"local"``; None picks one as described above.
        init_method (str, optional): None or ``"env://"`` (accepted for compatibility).
        timeout (datetime.timedelta or float, optional): the longest wait of a collective, in
            seconds when a number. Default: 30 minutes.
        world_size (int): the expected number of processes; -1 accepts the launcher's. Default: -1.
        rank (int): the expected rank of this process; -1 accepts the launcher's. Default: -1.
        store: accepted for compatibility; ignored.
        group_name (str): accepted for compatibility; ignored. Default: ``''``.
        pg_options: accepted for compatibility; ignored.
        device_id: accepted for compatibility; ignored.

    Returns:
        None

    Example:
        >>> import rustorch.distributed as dist
        >>> dist.init_process_group("local")
        >>> dist.get_backend(), dist.get_rank(), dist.get_world_size()
        ('local', 0, 1)
        >>> dist.destroy_process_group()
    """
    global _group
    if _group is not None:
        raise RuntimeError("init_process_group: trying to initialize the default process group twice!")
    if backend is None:
        backend = Backend.MPI if _launched_by_mpirun() else Backend.LOCAL
    if not isinstance(backend, str) or backend.lower() not in (Backend.MPI, Backend.LOCAL):
        raise ValueError(f"init_process_group: unknown backend {backend!r}; rustorch supports 'mpi' and 'local'")
    backend = backend.lower()
    if init_method not in (None, "env://"):
        raise ValueError(f"init_process_group: init_method {init_method!r} is not supported; the {backend} backend "
                         "takes rank and world size from the MPI launcher")
    seconds = _timeout_seconds(timeout)
    with _lock:
        if backend == Backend.MPI:
            if not _D.mpi_built():
                raise RuntimeError("init_process_group: rustorch was built without MPI; install openmpi-bin and "
                                   "libopenmpi-dev and rebuild, or use backend='local'")
            comm = _D.new_mpi(seconds)
        else:
            comm = _D.new_local(seconds)
        try:
            if world_size not in (-1, None) and world_size != comm.size:
                raise ValueError(f"init_process_group: world_size={world_size} but the {backend} backend has "
                                 f"{comm.size} processes")
            if rank not in (-1, None) and rank != comm.rank:
                raise ValueError(f"init_process_group: rank={rank} but this process is rank {comm.rank} of the "
                                 f"{backend} backend")
        except ValueError:
            comm.shutdown()
            raise
        _group = comm
    if backend == Backend.MPI:
        _install_failure_hooks()


def destroy_process_group(group=None):
    """Destroys the default process group (after its pending collectives ran).

    Args:
        group: accepted for compatibility; only the default group exists.

    Returns:
        None

    Example:
        >>> import rustorch.distributed as dist
        >>> dist.init_process_group("local")
        >>> dist.destroy_process_group()
        >>> dist.is_initialized()
        False
    """
    global _group
    with _lock:
        comm, _group = _group, None
    if comm is not None:
        comm.shutdown()


def _require_group(op):
    if _group is None:
        raise RuntimeError(f"{op}: the default process group has not been initialized; call "
                           "rustorch.distributed.init_process_group first")
    return _group


def get_rank(group=None):
    """This process's rank in the default group.

    Args:
        group: accepted for compatibility; only the default group exists.

    Returns:
        int: the rank, from 0 to world size - 1.

    Example:
        >>> import rustorch.distributed as dist
        >>> dist.init_process_group("local")
        >>> dist.get_rank()
        0
        >>> dist.destroy_process_group()
    """
    return _require_group("get_rank").rank


def get_world_size(group=None):
    """Number of processes in the default group.

    Args:
        group: accepted for compatibility; only the default group exists.

    Returns:
        int: the number of processes.

    Example:
        >>> import rustorch.distributed as dist
        >>> dist.init_process_group("local")
        >>> dist.get_world_size()
        1
        >>> dist.destroy_process_group()
    """
    return _require_group("get_world_size").size


def get_backend(group=None):
    """The default group's backend name ("mpi" or "local").

    Args:
        group: accepted for compatibility; only the default group exists.

    Returns:
        str: ``"mpi"`` or ``"local"``.

    Example:
        >>> import rustorch.distributed as dist
        >>> dist.init_process_group("local")
        >>> dist.get_backend()
        'local'
        >>> dist.destroy_process_group()
    """
    return _require_group("get_backend").backend


def _group_timeout():
    return _group.timeout_s if _group is not None else 0.0


class Work:
    """A collective in flight (``async_op=True``): ``wait()`` blocks until its tensors hold the
    result; ``is_completed()`` polls.

    Args:
        work: the C++ handle of the collective.
        timeout_s (float): the default timeout of ``wait()``, in seconds.
        on_done (callable, optional): called once, after the first successful ``wait()``.

    Example:
        >>> import rustorch.distributed as dist
        >>> dist.init_process_group("local")
        >>> work = dist.all_reduce(rt.ones(2), async_op=True)
        >>> work.wait(), work.is_completed()
        (True, True)
        >>> dist.destroy_process_group()
    """

    def __init__(self, work, timeout_s, on_done=None):
        self._work = work
        self._timeout_s = timeout_s
        self._on_done = on_done

    def is_completed(self):
        """True once the collective has finished (does not wait)."""
        return self._work.is_completed()

    def wait(self, timeout=None):
        """Blocks until the collective's tensors hold the result and returns True.

        Args:
            timeout: a ``datetime.timedelta`` or seconds (default: the group's timeout); RuntimeError
                when the collective does not finish in time.
        """
        seconds = self._timeout_s if timeout is None else _timeout_seconds(timeout)
        self._work.wait(seconds)
        if self._on_done is not None:
            on_done, self._on_done = self._on_done, None
            on_done()
        return True


def _finish(op, work, async_op, on_done=None):
    w = Work(work, _group_timeout(), on_done)
    if async_op:
        return w
    w.wait()
    return None


def _check_tensor(op, tensor, name="tensor"):
    if not isinstance(tensor, _C.Tensor):
        raise TypeError(f"{op}: {name} must be a Tensor, got {type(tensor).__name__}")


def _check_op(op, reduce_op):
    if not isinstance(reduce_op, ReduceOp):
        raise TypeError(f"{op}: op must be a rustorch.distributed.ReduceOp, got {reduce_op!r}")


def all_reduce(tensor, op=ReduceOp.SUM, group=None, async_op=False):
    """Reduces ``tensor`` over all ranks in place (SUM, AVG, MAX, MIN; bool: or/and).

    Args:
        tensor (Tensor): the input and, on return, the result.
        op (ReduceOp): the reduction. Default: ``ReduceOp.SUM``.
        group: accepted for compatibility; only the default group exists.
        async_op (bool): return a :class:`Work` handle instead of waiting. Default: False.

    Returns:
        Work or None: a :class:`Work` handle when ``async_op``, else None.

    Example:
        >>> import rustorch.distributed as dist
        >>> dist.init_process_group("local")
        >>> t = rt.tensor([1., 2.])
        >>> dist.all_reduce(t, op=dist.ReduceOp.SUM)
        >>> t.tolist()
        [1.0, 2.0]
        >>> work = dist.all_reduce(t, async_op=True)
        >>> work.wait()
        True
        >>> dist.destroy_process_group()
    """
    _check_tensor("all_reduce", tensor)
    _check_op("all_reduce", op)
    return _finish("all_reduce", _require_group("all_reduce").all_reduce_async(tensor, op), async_op)


def broadcast(tensor, src=0, group=None, async_op=False, group_src=None):
    """Copies rank ``src``'s ``tensor`` into ``tensor`` on every rank.

    Args:
        tensor (Tensor): the data on rank ``src``, the destination on the others.
        src (int): the rank that sends. Default: 0.
        group: accepted for compatibility; only the default group exists.
        async_op (bool): return a :class:`Work` handle instead of waiting. Default: False.
        group_src (int, optional): the same as ``src`` (overrides it when given).

    Returns:
        Work or None: a :class:`Work` handle when ``async_op``, else None.

    Example:
        >>> import rustorch.distributed as dist
        >>> dist.init_process_group("local")
        >>> t = rt.tensor([5, 6])
        >>> dist.broadcast(t, src=0)
        >>> t.tolist()
        [5, 6]
        >>> dist.destroy_process_group()
    """
    _check_tensor("broadcast", tensor)
    src = group_src if group_src is not None else src
    return _finish("broadcast", _require_group("broadcast").broadcast_async(tensor, int(src)), async_op)


def all_gather_into_tensor(output_tensor, input_tensor, group=None, async_op=False):
    """``output_tensor`` (world_size x input's elements) receives every rank's input, in rank order.

    Args:
        output_tensor (Tensor): receives the inputs of all ranks, concatenated in rank order.
        input_tensor (Tensor): this rank's input.
        group: accepted for compatibility; only the default group exists.
        async_op (bool): return a :class:`Work` handle instead of waiting. Default: False.

    Returns:
        Work or None: a :class:`Work` handle when ``async_op``, else None.

    Example:
        >>> import rustorch.distributed as dist
        >>> dist.init_process_group("local")
        >>> out = rt.zeros(2)
        >>> dist.all_gather_into_tensor(out, rt.tensor([1., 2.]))
        >>> out.tolist()
        [1.0, 2.0]
        >>> dist.destroy_process_group()
    """
    _check_tensor("all_gather_into_tensor", output_tensor, "output_tensor")
    _check_tensor("all_gather_into_tensor", input_tensor, "input_tensor")
    comm = _require_group("all_gather_into_tensor")
    return _finish("all_gather", comm.all_gather_async(output_tensor, input_tensor), async_op)


def all_gather(tensor_list, tensor, group=None, async_op=False):
    """Fills ``tensor_list`` (world_size tensors shaped like ``tensor``) with every rank's ``tensor``.

    Args:
        tensor_list (list of Tensor): world size tensors shaped like ``tensor``, filled in rank order.
        tensor (Tensor): this rank's input.
        group: accepted for compatibility; only the default group exists.
        async_op (bool): return a :class:`Work` handle instead of waiting. Default: False.

    Returns:
        Work or None: a :class:`Work` handle when ``async_op``, else None.

    Example:
        >>> import rustorch.distributed as dist
        >>> dist.init_process_group("local")
        >>> outs = [rt.zeros(2)]
        >>> dist.all_gather(outs, rt.tensor([3., 4.]))
        >>> [o.tolist() for o in outs]
        [[3.0, 4.0]]
        >>> dist.destroy_process_group()
    """
    comm = _require_group("all_gather")
    _check_tensor("all_gather", tensor)
    if not isinstance(tensor_list, list) or len(tensor_list) != comm.size:
        raise ValueError(f"all_gather: tensor_list must be a list of world_size ({comm.size}) tensors, got "
                         f"{type(tensor_list).__name__} of length {len(tensor_list) if hasattr(tensor_list, '__len__') else '?'}")
    for i, t in enumerate(tensor_list):
        _check_tensor("all_gather", t, f"tensor_list[{i}]")
        if tuple(t.shape) != tuple(tensor.shape) or t.dtype != tensor.dtype:
            raise ValueError(f"all_gather: tensor_list[{i}] is {t.dtype} {tuple(t.shape)}, expected {tensor.dtype} "
                             f"{tuple(tensor.shape)} like the input")
    flat = _C.empty((comm.size,) + tuple(tensor.shape), dtype=tensor.dtype)
    source = tensor.contiguous()
    work = comm.all_gather_async(flat, source)

    def scatter_out():
        with _no_grad():
            for i, t in enumerate(tensor_list):
                t.copy_(flat[i])

    return _finish("all_gather", work, async_op, scatter_out)


def reduce_scatter_tensor(output, input, op=ReduceOp.SUM, group=None, async_op=False):
    """``output`` receives chunk ``rank`` of the reduction over ranks of ``input`` (world_size x
    output's elements).

    Args:
        output (Tensor): receives this rank's chunk of the reduction.
        input (Tensor): world size chunks shaped like ``output``, concatenated.
        op (ReduceOp): the reduction. Default: ``ReduceOp.SUM``.
        group: accepted for compatibility; only the default group exists.
        async_op (bool): return a :class:`Work` handle instead of waiting. Default: False.

    Returns:
        Work or None: a :class:`Work` handle when ``async_op``, else None.

    Example:
        >>> import rustorch.distributed as dist
        >>> dist.init_process_group("local")
        >>> out = rt.zeros(2)
        >>> dist.reduce_scatter_tensor(out, rt.tensor([1., 2.]))
        >>> out.tolist()
        [1.0, 2.0]
        >>> dist.destroy_process_group()
    """
    _check_tensor("reduce_scatter_tensor", output, "output")
    _check_tensor("reduce_scatter_tensor", input, "input")
    _check_op("reduce_scatter_tensor", op)
    comm = _require_group("reduce_scatter_tensor")
    return _finish("reduce_scatter", comm.reduce_scatter_async(output, input, op), async_op)


def reduce_scatter(output, input_list, op=ReduceOp.SUM, group=None, async_op=False):
    """``output`` receives the reduction over ranks of each rank's ``input_list[rank]``.

    Args:
        output (Tensor): receives this rank's result.
        input_list (list of Tensor): world size tensors shaped like ``output``, one per rank.
        op (ReduceOp): the reduction. Default: ``ReduceOp.SUM``.
        group: accepted for compatibility; only the default group exists.
        async_op (bool): return a :class:`Work` handle instead of waiting. Default: False.

    Returns:
        Work or None: a :class:`Work` handle when ``async_op``, else None.

    Example:
        >>> import rustorch.distributed as dist
        >>> dist.init_process_group("local")
        >>> out = rt.zeros(2)
        >>> dist.reduce_scatter(out, [rt.tensor([1., 2.])], op=dist.ReduceOp.MAX)
        >>> out.tolist()
        [1.0, 2.0]
        >>> dist.destroy_process_group()
    """
    comm = _require_group("reduce_scatter")
    _check_tensor("reduce_scatter", output, "output")
    if not isinstance(input_list, (list, tuple)) or len(input_list) != comm.size:
        raise ValueError(f"reduce_scatter: input_list must hold world_size ({comm.size}) tensors")
    for i, t in enumerate(input_list):
        _check_tensor("reduce_scatter", t, f"input_list[{i}]")
        if tuple(t.shape) != tuple(output.shape) or t.dtype != output.dtype:
            raise ValueError(f"reduce_scatter: input_list[{i}] is {t.dtype} {tuple(t.shape)}, expected "
                             f"{output.dtype} {tuple(output.shape)} like the output")
    flat = _C.stack([t.detach() for t in input_list]).contiguous()
    return reduce_scatter_tensor(output, flat, op, group, async_op)


def barrier(group=None, async_op=False, device_ids=None):
    """Waits until every rank reached the barrier.

    Args:
        group: accepted for compatibility; only the default group exists.
        async_op (bool): return a :class:`Work` handle instead of waiting. Default: False.
        device_ids: accepted for compatibility; ignored.

    Returns:
        Work or None: a :class:`Work` handle when ``async_op``, else None.

    Example:
        >>> import rustorch.distributed as dist
        >>> dist.init_process_group("local")
        >>> dist.barrier()
        >>> dist.destroy_process_group()
    """
    return _finish("barrier", _require_group("barrier").barrier_async(), async_op)


def _no_grad():
    from ..autograd import no_grad  # noqa: PLC0415
    return no_grad()


# ---- failure handling -------------------------------------------------------------------------

def _abort_on_uncaught(exc_type, exc, tb):
    """sys.excepthook of MPI ranks: the rank's traceback, then MPI_Abort for the whole job."""
    rank = _D.launcher_rank()
    try:
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        prefix = f"[rank {rank}] "
        sys.stderr.write("".join(prefix + line + "\n" for line in text.rstrip("\n").split("\n")))
        sys.stderr.write(f"[rank {rank}] rustorch.distributed: uncaught {exc_type.__name__}; aborting all ranks\n")
        sys.stderr.flush()
        sys.stdout.flush()
    finally:
        if issubclass(exc_type, KeyboardInterrupt):
            _D.mpi_abort(130)
        _D.mpi_abort(1)
    _previous_excepthook(exc_type, exc, tb)


_previous_excepthook = sys.excepthook


def _at_exit():
    destroy_process_group()
    _D.mpi_finalize()


def _install_failure_hooks():
    global _hooks_installed, _previous_excepthook
    if _hooks_installed:
        return
    _hooks_installed = True
    _previous_excepthook = sys.excepthook
    if os.environ.get("RUSTORCH_DIST_NO_EXCEPTHOOK") != "1":
        sys.excepthook = _abort_on_uncaught
    atexit.register(_at_exit)
