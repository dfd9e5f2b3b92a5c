"""Cases for the indexing, joining and selection ops of ops/index.cpp."""
import numpy as np

import rustorch as rt

from .common import case, const, rand

_mask34 = rt.tensor(np.array([[True, False, True, False], [False, False, True, True], [True, True, False, False]]))
_mask4 = rt.tensor(np.array([True, False, True, True]))
_idx = rt.tensor([2, 0, 2])  # repeated on purpose: gradients of duplicates accumulate
_uidx = rt.tensor([2, 0])  # assignment (not accumulation) with repeats has no well-defined gradient


def _setitem(index, value=None):
    def fn(a, *v):
        y = a * 1  # a non-leaf copy: setitem on a leaf that requires grad is an error
        y[index] = v[0] if v else value
        return y
    return fn


CASES = {
    "select": [case(lambda a: a.select(1, -1), rand(3, 4)),
               case(lambda a: a[1] * 2, rand(3, 4, transposed=True))],
    "slice": [case(lambda a: a[1:, ::2], rand(3, 5)),
              case(lambda a: a[..., 1:4:2], rand(2, 3, 5, transposed=True))],
    "narrow": [case(lambda a: a.narrow(1, 1, 2), rand(3, 4)),
               case(lambda a: rt.narrow(a, 0, -2, 2), rand(3, 4, transposed=True))],
    "unbind": [case(lambda a: a.unbind(1), rand(3, 4)),
               case(lambda a: tuple(r * 2 for r in a), rand(3, 4, transposed=True))],
    "slice_scatter": [case(lambda a, s: rt.slice_scatter(a, s, 1, 0, None, 2), rand(3, 4), rand(3, 2)),
                      case(lambda a, s: rt.slice_scatter(a, s, 0, 1, 3), rand(4, 3, transposed=True), rand(2, 3))],
    "select_scatter": [case(lambda a, s: rt.select_scatter(a, s, 1, 2), rand(3, 4), rand(3)),
                       case(lambda a, s: rt.select_scatter(a, s, 0, -1), rand(4, 3, transposed=True), rand(3))],
    "index": [case(lambda a: a[_idx], rand(3, 4)),
              case(lambda a: a[:, [0, 3, 0]], rand(3, 4, transposed=True)),
              case(lambda a: a[_mask34], rand(3, 4)),
              case(lambda a: a[:, _mask4], rand(3, 4, transposed=True)),
              case(lambda a: a[[0, 2], 1:, [1, 1]], rand(3, 4, 2))],
    "index_put": [case(lambda a, v: a.index_put((_uidx,), v), rand(3, 4), rand(4)),
                  case(lambda a, v: rt.index_put(a, (None, rt.tensor([1, 1])), v, accumulate=True),
                       rand(3, 4, transposed=True), rand(3, 2))],
    "index_put_": [case(lambda a, v: (a * 1).index_put_((_uidx,), v), rand(3, 4), rand(2, 4)),
                   case(lambda a, v: (a * 1).index_put_((_mask34,), v, accumulate=True), rand(3, 4), rand(6))],
    "index_select": [case(lambda a: a.index_select(0, _idx), rand(3, 4)),
                     case(lambda a: rt.index_select(a, 1, _idx), rand(3, 4, transposed=True))],
    "index_add_": [case(lambda a, s: (a * 1).index_add_(0, _idx, s), rand(3, 4), rand(3, 4)),
                   case(lambda a, s: (a * 1).index_add_(1, _idx, s, alpha=2.0), rand(2, 3, transposed=True), rand(2, 3))],
    "index_add": [case(lambda a, s: a.index_add(0, _idx, s), rand(3, 4), rand(3, 4)),
                  case(lambda a, s: rt.index_add(a, 1, _idx, s), rand(2, 3, transposed=True), rand(2, 3))],
    "take": [case(lambda a: a.take(rt.tensor([[0, 5], [11, 5]])), rand(3, 4)),
             case(lambda a: rt.take(a, _idx), rand(3, 4, transposed=True))],
    "masked_fill": [case(lambda a: a.masked_fill(_mask34, 2.0), rand(3, 4)),
                    case(lambda a, v: rt.masked_fill(a, _mask4, v[0]), rand(3, 4, transposed=True), rand(1)),
                    case(lambda a: a.masked_fill(_mask34, 0.5), rand(4))],
    "masked_fill_": [case(lambda a: (a * 1).masked_fill_(_mask34, 2.0), rand(3, 4)),
                     case(lambda a, v: (a * 1).masked_fill_(_mask4, v[0]), rand(3, 4, transposed=True), rand(1))],
    "masked_select": [case(lambda a: a.masked_select(_mask34), rand(3, 4)),
                      case(lambda a: rt.masked_select(a, _mask34), rand(4)),
                      case(lambda a: a.masked_select(_mask4), rand(3, 4, transposed=True))],
    "cat": [case(lambda a, b: rt.cat([a, b], 0), rand(2, 3), rand(3, 3)),
            case(lambda a, b: rt.cat([a, b, a], 1), rand(2, 3, transposed=True), rand(2, 1)),
            case(lambda a, b: rt.cat([a, b]), rand(0), rand(2, 3))],
    "stack": [case(lambda a, b: rt.stack([a, b]), rand(2, 3), rand(2, 3)),
              case(lambda a, b: rt.stack([a, b], -1), rand(2, 3, transposed=True), rand(2, 3))],
    "hstack": [case(lambda a, b: rt.hstack([a, b]), rand(2, 3), rand(2, 2))],
    "vstack": [case(lambda a, b: rt.vstack([a, b]), rand(3), rand(2, 3, transposed=True))],
    "split": [case(lambda a: a.split(2, 1), rand(3, 5)),
              case(lambda a: rt.split(a, 1), rand(3, 2, transposed=True))],
    "split_with_sizes": [case(lambda a: a.split([1, 3], 1), rand(3, 4)),
                         case(lambda a: rt.split(a, [2, 0, 1]), rand(3, 2, transposed=True))],
    "chunk": [case(lambda a: a.chunk(3, 1), rand(2, 5)),
              case(lambda a: rt.chunk(a, 2), rand(3, 2, transposed=True))],
    "tensor_split": [case(lambda a: a.tensor_split(3, 1), rand(2, 5)),
                     case(lambda a: rt.tensor_split(a, [1, 4], 0), rand(3, 2, transposed=True))],
    "setitem": [case(_setitem((0, slice(1, 3))), rand(3, 4), rand(2)),
                case(_setitem((slice(None), [0, 2])), rand(3, 4, transposed=True), rand(3, 1)),
                case(_setitem(_mask34), rand(3, 4), rand(1)),
                case(_setitem((Ellipsis, 1), 0.5), rand(2, 3, 4))],
}
