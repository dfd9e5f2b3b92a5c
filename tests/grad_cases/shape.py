"""Cases for the view and shape ops of ops/shape.cpp (flatten, movedim, repeat, flip, ...)."""
from .common import case, rand

CASES = {
    "flatten": [case(lambda a: a.flatten(), rand(2, 3, 4)),
                case(lambda a: a.flatten(1) * 2, rand(2, 3, 4, transposed=True))],
    "unflatten": [case(lambda a: a.unflatten(1, (2, -1)) * 2, rand(3, 4)),
                  case(lambda a: a.unflatten(0, (2, 2)), rand(4, 3, transposed=True))],
    "movedim": [case(lambda a: a.movedim(0, -1) * 2, rand(2, 3, 4)),
                case(lambda a: a.movedim((0, 1), (2, 0)), rand(2, 3, 4, transposed=True))],
    "repeat": [case(lambda a: a.repeat(2, 3), rand(2, 3)),
               case(lambda a: a.repeat(2, 1, 2), rand(3, 2, transposed=True))],
    "tile": [case(lambda a: a.tile((2,)), rand(2, 3)),
             case(lambda a: a.tile((2, 1, 2)), rand(3, 2, transposed=True))],
    "flip": [case(lambda a: a.flip(0), rand(3, 4)),
             case(lambda a: a.flip(0, -1) * a, rand(3, 4, transposed=True))],
}
