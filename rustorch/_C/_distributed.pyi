"""
Collective communication backends (local, MPI).
"""
from __future__ import annotations
from rustorch._C import Tensor
import builtins
import typing
__all__: list[str] = ['Communicator', 'ReduceOp', 'Work', 'launcher_rank', 'launcher_size', 'mpi_abort', 'mpi_built', 'mpi_finalize', 'new_local', 'new_mpi']
class ReduceOp:
    """
    How all_reduce and reduce_scatter combine the ranks' tensors.
    
    ``SUM`` adds them, ``AVG`` takes their mean, ``MAX`` and ``MIN`` the elementwise extremes.
    
    Args:
        value (int): the member's value (0 ``SUM``, 1 ``AVG``, 2 ``MAX``, 3 ``MIN``); usually a member is named
            instead, as ``ReduceOp.SUM``.
    
    Example:
        >>> import rustorch.distributed as dist
        >>> dist.init_process_group("local")
        >>> t = rt.tensor([1., 5.])
        >>> dist.all_reduce(t, op=dist.ReduceOp.MAX)
        >>> t.tolist()
        [1.0, 5.0]
        >>> dist.ReduceOp.AVG.value
        1
        >>> dist.destroy_process_group()
    
    
    Members:
    
      SUM
    
      AVG
    
      MAX
    
      MIN
    """
    AVG: typing.ClassVar[ReduceOp]
    MAX: typing.ClassVar[ReduceOp]
    MIN: typing.ClassVar[ReduceOp]
    SUM: typing.ClassVar[ReduceOp]
    __members__: typing.ClassVar[dict[str, ReduceOp]]
    @typing.overload
    def __eq__(self, other: ReduceOp) -> builtins.bool:
        ...
    @typing.overload
    def __eq__(self, other: typing.Any) -> builtins.bool:
        ...
    def __getstate__(self) -> builtins.int:
        ...
    def __hash__(self) -> builtins.int:
        ...
    def __index__(self) -> builtins.int:
        ...
    def __init__(self, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __int__(self) -> builtins.int:
        ...
    @typing.overload
    def __ne__(self, other: ReduceOp) -> builtins.bool:
        ...
    @typing.overload
    def __ne__(self, other: typing.Any) -> builtins.bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, state: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __str__(self) -> str:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def value(self) -> builtins.int:
        ...
class Work:
    """
    A collective in flight; its tensors hold the result after wait().
    """
    def is_completed(self) -> builtins.bool:
        ...
    def wait(self, timeout_s: typing.SupportsFloat | typing.SupportsIndex) -> None:
        """
        Blocks until done (timeout_s = 0: no limit); rethrows the collective's error.
        """
class Communicator:
    """
    A group of processes.
    """
    def all_gather_async(self, output: Tensor, input: Tensor) -> Work:
        ...
    def all_reduce_async(self, tensor: Tensor, op: ReduceOp) -> Work:
        ...
    def barrier_async(self) -> Work:
        ...
    def broadcast_async(self, tensor: Tensor, src: typing.SupportsInt | typing.SupportsIndex) -> Work:
        ...
    def reduce_scatter_async(self, output: Tensor, input: Tensor, op: ReduceOp) -> Work:
        ...
    def shutdown(self) -> None:
        """
        Ends the group after its queued collectives ran.
        """
    @property
    def backend(self) -> str:
        ...
    @property
    def rank(self) -> builtins.int:
        ...
    @property
    def size(self) -> builtins.int:
        ...
    @property
    def timeout_s(self) -> builtins.float:
        ...
def launcher_rank() -> builtins.int:
    """
    This process's rank as set by mpirun, or -1.
    """
def launcher_size() -> builtins.int:
    """
    The job's size as set by mpirun, or -1.
    """
def mpi_abort(code: typing.SupportsInt | typing.SupportsIndex) -> None:
    """
    Ends every process of the MPI job with exit code `code` (no-op without MPI).
    """
def mpi_built() -> builtins.bool:
    """
    Whether rustorch was built with the MPI backend.
    """
def mpi_finalize() -> None:
    """
    Finalizes MPI (once per process; it cannot be initialised again).
    """
def new_local(timeout_s: typing.SupportsFloat | typing.SupportsIndex) -> Communicator:
    """
    The single-process group (rank 0 of 1).
    """
def new_mpi(timeout_s: typing.SupportsFloat | typing.SupportsIndex) -> Communicator:
    """
    A group over MPI_COMM_WORLD (initialises MPI on first use).
    """
