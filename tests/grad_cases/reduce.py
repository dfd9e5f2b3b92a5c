"""Cases for reductions, scans, softmax, gather/scatter and sorting ('sum' is in core.py)."""
import numpy as np

import rustorch as rt

from .common import case, const, rand


def with_zeros(*shape, positions, low=0.5, high=1.5):
    """A float64 input in [low, high) (random signs) with exact zeros at the given flat positions."""
    rng = np.random.default_rng(7)
    values = rng.uniform(low, high, size=shape) * rng.choice([-1.0, 1.0], size=shape)
    values.reshape(-1)[list(positions)] = 0.0
    return lambda: rt.tensor(values, dtype=rt.float64).requires_grad_(True)


def index(values):
    return const(rt.tensor(values, dtype=rt.int64))


# A permutation per row keeps scatter's finite differences well defined (no overwritten entries).
_PERM = [[2, 0, 3, 1], [1, 3, 0, 2], [0, 2, 1, 3]]

CASES = {
    "mean": [case(lambda a: a.mean(), rand(3, 4)),
             case(lambda a: a.mean(dim=1), rand(3, 4, transposed=True)),
             case(lambda a: a.mean(dim=(0, 2), keepdim=True), rand(2, 3, 4)),
             case(lambda a: a.mean(1, dtype=rt.float64), rand(3, 4))],
    "prod": [case(lambda a: a.prod(), rand(2, 3, low=0.5, high=1.5)),
             case(lambda a: a.prod(1), rand(3, 4, low=0.5, high=1.5, transposed=True)),
             case(lambda a: a.prod(0, keepdim=True), rand(3, 2, low=-1.5, high=-0.5)),
             case(lambda a: a.prod(1), with_zeros(3, 4, positions=[1, 6])),
             case(lambda a: a.prod(), with_zeros(2, 3, positions=[4])),
             case(lambda a: a.prod(1), with_zeros(2, 3, positions=[0, 2])),
             case(lambda a: a.prod(), with_zeros(2, 2, positions=[0, 3]))],
    "max": [case(lambda a: a.max(), rand(3, 4)),
            case(lambda a: a.max(1), rand(3, 4, transposed=True)),
            case(lambda a: a.max(0, keepdim=True), rand(3, 2, 2))],
    "min": [case(lambda a: a.min(), rand(3, 4)),
            case(lambda a: a.min(-1), rand(3, 4, transposed=True)),
            case(lambda a: a.min(dim=1, keepdim=True), rand(2, 3, 2))],
    "amax": [case(lambda a: a.amax(), rand(3, 4)),
             case(lambda a: a.amax(dim=(0, 2)), rand(2, 3, 4)),
             case(lambda a: a.amax(1, keepdim=True), rand(3, 4, transposed=True))],
    "amin": [case(lambda a: a.amin(), rand(3, 4)),
             case(lambda a: a.amin(dim=(1, 2), keepdim=True), rand(2, 3, 4)),
             case(lambda a: a.amin(0), rand(3, 4, transposed=True))],
    "var": [case(lambda a: a.var(), rand(3, 4)),
            case(lambda a: a.var(1, correction=0), rand(3, 4, transposed=True)),
            case(lambda a: a.var(dim=(0, 2), keepdim=True), rand(2, 3, 4))],
    "std": [case(lambda a: a.std(), rand(3, 4)),
            case(lambda a: a.std(0, unbiased=False), rand(3, 4, transposed=True)),
            case(lambda a: a.std(dim=(1, 2), keepdim=True), rand(2, 3, 4))],
    "norm": [case(lambda a: a.norm(), rand(3, 4)),
             case(lambda a: a.norm(dim=1), rand(3, 4, transposed=True)),
             case(lambda a: a.norm(1, dim=0), rand(3, 4)),
             case(lambda a: a.norm(float("inf"), dim=1, keepdim=True), rand(3, 4)),
             case(lambda a: a.norm(float("-inf")), rand(3, 4)),
             case(lambda a: a.norm(3, dim=(0, 1)), rand(2, 3, 2)),
             case(lambda a: a.norm(0.5, dim=1), rand(2, 3, low=0.2, high=1.0)),
             case(lambda a: a.norm(1.5), rand(2, 3, low=0.2, high=1.0))],
    "logsumexp": [case(lambda a: a.logsumexp(1), rand(3, 4)),
                  case(lambda a: a.logsumexp(0, keepdim=True), rand(3, 4, transposed=True)),
                  case(lambda a: a.logsumexp((0, 2)), rand(2, 3, 4)),
                  case(lambda a: a.logsumexp((0, 1)), rand(2, 3))],
    "softmax": [case(lambda a: a.softmax(1), rand(3, 4)),
                case(lambda a: a.softmax(0), rand(3, 4, transposed=True)),
                case(lambda a: rt.softmax(a, -1) * rt.tensor([1.0, 2.0, 3.0, 4.0], dtype=rt.float64), rand(2, 3, 4))],
    "log_softmax": [case(lambda a: a.log_softmax(1), rand(3, 4)),
                    case(lambda a: a.log_softmax(0), rand(3, 4, transposed=True)),
                    case(lambda a: rt.log_softmax(a, 1), rand(2, 3, 2))],
    "cumsum": [case(lambda a: a.cumsum(1), rand(3, 4)),
               case(lambda a: a.cumsum(0), rand(3, 4, transposed=True)),
               case(lambda a: a.cumsum(-1) * a, rand(2, 3))],
    "cumprod": [case(lambda a: a.cumprod(1), rand(3, 4, low=0.5, high=1.5)),
                case(lambda a: a.cumprod(0), rand(3, 4, low=-1.5, high=-0.5, transposed=True)),
                case(lambda a: a.cumprod(1), with_zeros(3, 4, positions=[1, 5, 6, 11])),
                case(lambda a: a.cumprod(0), with_zeros(4, 2, positions=[2]))],
    "gather": [case(lambda a, i: a.gather(1, i), rand(3, 4), index([[0, 3, 3], [1, 1, 0], [2, 0, 1]])),
               case(lambda a, i: rt.gather(a, 0, i), rand(3, 4, transposed=True), index([[2, 0, 1, 1], [0, 0, 2, 1]]))],
    "scatter": [case(lambda a, b, i: a.scatter(1, i, b), rand(3, 4), rand(3, 4), index(_PERM)),
                case(lambda a, b, i: rt.scatter(a, 0, i, b), rand(3, 2), rand(3, 3, transposed=True),
                     index([[2, 0], [0, 1]])),
                case(lambda a, i: a.scatter(1, i, 2.5), rand(3, 4), index([[1], [3], [0]]))],
    "scatter_add": [case(lambda a, b, i: a.scatter_add(1, i, b), rand(3, 4), rand(3, 4), index([[0, 0, 3, 1]] * 3)),
                    case(lambda a, b, i: rt.scatter_add(a, 0, i, b), rand(2, 3, transposed=True), rand(3, 4),
                         index([[1, 1, 0], [0, 1, 1]]))],
    "scatter_": [case(lambda a, b, i: (a * 1).scatter_(1, i, b), rand(3, 4), rand(3, 4), index(_PERM)),
                 case(lambda a, i: (a * 1).scatter_(0, i, value=-1.0) * a, rand(3, 2), index([[2, 0]]))],
    "scatter_add_": [case(lambda a, b, i: (a * 1).scatter_add_(1, i, b), rand(3, 4, transposed=True), rand(3, 2),
                          index([[3, 3], [0, 1], [2, 2]]))],
    "sort": [case(lambda a: a.sort(1), rand(3, 4)),
             case(lambda a: a.sort(0, descending=True)[0], rand(3, 4, transposed=True)),
             case(lambda a: rt.sort(a)[0] * a, rand(5))],
    "topk": [case(lambda a: a.topk(2), rand(3, 4)),
             case(lambda a: a.topk(2, dim=0, largest=False)[0], rand(3, 4, transposed=True))],
}
