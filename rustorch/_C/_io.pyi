"""
File formats used by rustorch.serialization (private).
"""
from __future__ import annotations
from rustorch._C import Tensor
import builtins
import collections.abc
import typing
__all__: list[str] = ['load_safetensors', 'load_safetensors_bytes', 'safetensors_entries', 'serialize_safetensors', 'storage_info', 'write_safetensors']
def load_safetensors(path: str) -> tuple:
    """
    Reads a safetensors file: ([(name, tensor), ...] in file order, metadata dict). Raises ValueError naming the file for malformed content, RuntimeError for I/O failures.
    """
def load_safetensors_bytes(data: bytes, name: str = '<bytes>') -> tuple:
    """
    Parses a safetensors image held in a bytes object (same result and errors as load_safetensors).
    """
def safetensors_entries(data: bytes) -> tuple[list, builtins.int]:
    """
    Validated header of a safetensors image: ([(name, dtype, shape, begin, end), ...], data_offset).
    """
def serialize_safetensors(tensors: collections.abc.Sequence[tuple[str, Tensor]], metadata: collections.abc.Mapping[str, str]) -> bytes:
    """
    The safetensors image of [(name, tensor), ...] as bytes.
    """
def storage_info(tensor: Tensor) -> tuple[builtins.int, builtins.int]:
    """
    (address, nbytes) of the storage a tensor views: tensors that share memory share it.
    """
def write_safetensors(fd: typing.SupportsInt | typing.SupportsIndex, tensors: collections.abc.Sequence[tuple[str, Tensor]], metadata: collections.abc.Mapping[str, str]) -> None:
    """
    Writes a safetensors image of [(name, tensor), ...] to an open file descriptor.
    """
