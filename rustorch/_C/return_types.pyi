"""
Named tuples (values, indices) returned by max/min/sort/topk.
"""
from __future__ import annotations
from rustorch._C import Tensor
import typing
__all__: list[str] = ['max', 'min', 'sort', 'topk']
class max(typing.NamedTuple):
    values: Tensor
    indices: Tensor
class min(typing.NamedTuple):
    values: Tensor
    indices: Tensor
class sort(typing.NamedTuple):
    values: Tensor
    indices: Tensor
class topk(typing.NamedTuple):
    values: Tensor
    indices: Tensor
