"""
Data-loading fast paths used by rustorch.data (private).
"""
from __future__ import annotations
from rustorch._C import DType, Number, Tensor
import builtins
import collections.abc
import numpy
import numpy.typing
import typing
import typing_extensions
__all__: list[str] = ['BatchGather', 'BatchPrefetcher', 'MappedGather', 'RowGather', 'WindowGather', 'multinomial', 'normalize', 'parse_idx', 'randint', 'random_seed', 'randperm', 'select_row', 'stack', 'torch_randperm', 'u8_images_to_float', 'uniform']
class BatchGather:
    """
    Gathers a collated batch from sample indices.
    """
    def __call__(self, indices: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], parallel: builtins.bool = True) -> list:
        """
        The batch for these sample indices: a list with one tensor per field (GIL released).
        """
    def __len__(self) -> builtins.int:
        ...
    @property
    def size(self) -> builtins.int:
        """
        Number of samples addressable.
        """
class RowGather(BatchGather):
    """
    Rows of tensors sharing their first dim (TensorDataset with the default collate).
    """
    def __init__(self, tensors: collections.abc.Sequence[Tensor]) -> None:
        ...
    @property
    def tensors(self) -> list:
        ...
class WindowGather(BatchGather):
    """
    (input, target) windows of a 1-D token tensor, shifted by one (language models).
    """
    def __init__(self, tokens: Tensor, seq_len: typing.SupportsInt | typing.SupportsIndex, stride: typing.SupportsInt | typing.SupportsIndex = 1) -> None:
        ...
class MappedGather(BatchGather):
    """
    Another gather seen through an index map (Subset).
    """
    def __init__(self, inner: BatchGather, indices: typing.Annotated[numpy.typing.ArrayLike, numpy.int64]) -> None:
        ...
class BatchPrefetcher:
    """
    Gathers an epoch's batches on background threads; iterate for them in order.
    """
    def __init__(self, gather: BatchGather, indices: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], batch_size: typing.SupportsInt | typing.SupportsIndex, drop_last: builtins.bool, num_workers: typing.SupportsInt | typing.SupportsIndex, depth: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    def __iter__(self) -> typing.Any:
        ...
    def __len__(self) -> builtins.int:
        ...
    def __next__(self) -> list:
        ...
def multinomial(weights: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex], num_samples: typing.SupportsInt | typing.SupportsIndex, replacement: builtins.bool, generator: typing.Any = None) -> numpy.typing.NDArray[numpy.int64]:
    """
    Indices drawn with probability proportional to weights, as an int64 NumPy array.
    """
def normalize(tensor: Tensor, mean: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex], std: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex]) -> Tensor:
    """
    (x - mean[c]) / std[c] over dim -3 of a float (..., C, H, W) tensor, as a new tensor.
    """
def parse_idx(buffer: typing_extensions.Buffer, name: str) -> tuple[builtins.int, tuple, builtins.int]:
    """
    Validates idx bytes; returns (type_code, dims, data_offset) or raises ValueError naming the file.
    """
def randint(low: typing.SupportsInt | typing.SupportsIndex, high: typing.SupportsInt | typing.SupportsIndex, count: typing.SupportsInt | typing.SupportsIndex, generator: typing.Any = None) -> numpy.typing.NDArray[numpy.int64]:
    """
    count integers uniform in [low, high) as an int64 NumPy array.
    """
def random_seed(generator: typing.Any = None) -> builtins.int:
    """
    A non-negative int64 drawn from the generator (a derived seed).
    """
def randperm(n: typing.SupportsInt | typing.SupportsIndex, generator: typing.Any = None) -> numpy.typing.NDArray[numpy.int64]:
    """
    A random permutation of 0..n-1 as an int64 NumPy array.
    """
def select_row(tensor: Tensor, index: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
    """
    A view of row `index` of a tensor (no autograd).
    """
def stack(tensors: collections.abc.Sequence[Tensor]) -> Tensor:
    """
    Stacks same-shape tensors into a new batch tensor (collate).
    """
def torch_randperm(n: typing.SupportsInt | typing.SupportsIndex, seed: typing.SupportsInt | typing.SupportsIndex) -> numpy.typing.NDArray[numpy.int64]:
    """
    torch.randperm(n, generator=torch.Generator().manual_seed(seed)), value for value.
    """
def u8_images_to_float(images: typing.Annotated[numpy.typing.ArrayLike, numpy.uint8], batched: builtins.bool, mean: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex] = [0.0], std: collections.abc.Sequence[typing.SupportsFloat | typing.SupportsIndex] = [1.0], dtype: DType = ...) -> Tensor:
    """
    uint8 HW/HWC images (or N-batched) to float CHW: (x / 255 - mean) / std, one pass, GIL released.
    """
def uniform(count: typing.SupportsInt | typing.SupportsIndex, generator: typing.Any = None) -> numpy.typing.NDArray[numpy.float64]:
    """
    count doubles uniform in [0, 1).
    """
