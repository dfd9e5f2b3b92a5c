"""Cases for the elementwise ops: arithmetic, pow, max/min, clamp, where, unary math, in-place forms.

Inputs stay away from kinks and jumps (|x| small for abs/relu, integers for floor, ...) so central
differences are meaningful; in-place cases run the op on a copy (a * 1) of a leaf.
"""
import numpy as np

import rustorch as rt

from .common import case, rand


def _inplace(method, *args, **kwargs):
    """fn(a, *others) = (a * 1).method(*others, *args): the in-place op on a non-leaf copy."""
    return lambda a, *others: getattr(a * 1, method)(*others, *args, **kwargs)


def _self_mul_(a):
    t = a * 1
    return t.mul_(t)  # other aliases self: the gradient must use the original value (2a)


_MASK = rt.tensor(np.random.default_rng(7).uniform(size=(3, 4)) > 0.5)

CASES = {
    # ---- arithmetic (core.py has the basic operator cases) ----
    "add": [case(_inplace("add_"), rand(3, 4), rand(4)),
            case(lambda a, b: rt.add(a, b, alpha=2.5), rand(3, 1), rand(1, 4)),
            case(_inplace("add_", alpha=-2), rand(2, 3, transposed=True), rand(2, 3))],
    "sub": [case(_inplace("sub_"), rand(3, 4), rand(3, 1)),
            case(lambda a, b: a.sub(b, alpha=3), rand(2, 3, transposed=True), rand(3))],
    "mul": [case(_inplace("mul_"), rand(3, 4), rand(4)),
            case(_self_mul_, rand(3, 4)),
            case(lambda a: 2.5 * a, rand(2, 3, transposed=True))],
    "div": [case(_inplace("div_"), rand(3, 4), rand(4, low=0.5, high=2.0)),
            case(lambda a, b: a.div(b, rounding_mode="floor"), rand(3, 4, low=1.0, high=3.0),
                 rand(4, low=0.6, high=0.9)),
            case(lambda a, b: rt.div(a, b, rounding_mode="trunc"), rand(3, 4), rand(4, low=0.6, high=0.9))],
    "floor_divide": [case(lambda a, b: a // b, rand(3, 4, low=1.0, high=3.0), rand(4, low=0.6, high=0.9))],
    "remainder": [case(lambda a, b: a % b, rand(3, 4, low=0.1, high=3.0), rand(4, low=0.6, high=0.9)),
                  case(lambda a: a % 0.7, rand(2, 3, low=0.05, high=0.65, transposed=True)),
                  case(_inplace("remainder_"), rand(3, 4, low=0.1, high=3.0), rand(3, 4, low=-0.9, high=-0.6))],
    "fmod": [case(lambda a, b: rt.fmod(a, b), rand(3, 4, low=0.1, high=3.0), rand(4, low=0.6, high=0.9)),
             case(_inplace("fmod_"), rand(3, 4, low=-3.0, high=-0.1), rand(3, 4, low=0.6, high=0.9))],
    "pow": [case(lambda a, b: a ** b, rand(3, 4, low=0.5, high=2.0), rand(4)),
            case(lambda a, b: rt.pow(a, b), rand(3, 1, low=0.5, high=2.0), rand(1, 4, transposed=False)),
            case(lambda a: a ** 2.5, rand(2, 3, low=0.5, high=2.0, transposed=True)),
            case(lambda a: a ** 2, rand(3, 4)),
            case(lambda a: a ** -1, rand(3, low=0.5, high=2.0)),
            case(lambda a: a ** 0.5, rand(3, low=0.5, high=2.0)),
            case(lambda a: 2.5 ** a, rand(3, 4)),
            case(_inplace("pow_", 3), rand(3, 4)),
            case(_inplace("pow_"), rand(3, 4, low=0.5, high=2.0), rand(3, 4))],
    "maximum": [case(lambda a, b: rt.maximum(a, b), rand(3, 4), rand(4)),
                case(lambda a, b: a.maximum(b), rand(2, 3, transposed=True), rand(2, 3))],
    "minimum": [case(lambda a, b: rt.minimum(a, b), rand(3, 4), rand(3, 1)),
                case(lambda a, b: a.minimum(b), rand(2, 3, transposed=True), rand(2, 3))],
    "atan2": [case(lambda a, b: rt.atan2(a, b), rand(3, 4), rand(4, low=0.5, high=2.0)),
              case(_inplace("atan2_"), rand(2, 3, transposed=True), rand(2, 3, low=-2.0, high=-0.5))],
    "where": [case(lambda a, b: rt.where(_MASK, a, b), rand(3, 4), rand(4)),
              case(lambda a: rt.where(_MASK, a, 0.5), rand(3, 4, transposed=True)),
              case(lambda a, b: a.where(_MASK, b), rand(3, 1), rand(3, 4))],
    # ---- clamp ----
    "clamp": [case(lambda a: a.clamp(-0.5, 0.5), rand(3, 4)),
              case(lambda a: rt.clamp(a, min=-0.3), rand(2, 3, transposed=True)),
              case(lambda a: rt.clip(a, max=0.2), rand(5)),
              case(lambda a, lo, hi: a.clamp(lo, hi), rand(3, 4), rand(4, low=-1.0, high=-0.2), rand(3, 1, low=0.2, high=1.0)),
              case(_inplace("clamp_", -0.4, 0.4), rand(3, 4)),
              case(lambda a, lo: (a * 1).clamp_(min=lo), rand(3, 4), rand(4, low=-0.5, high=0.5))],
    "clamp_min": [case(lambda a: a.clamp_min(0.1), rand(3, 4)),
                  case(lambda a, b: rt.clamp_min(a, b), rand(3, 4), rand(4)),
                  case(_inplace("clamp_min_", -0.2), rand(2, 3, transposed=True))],
    "clamp_max": [case(lambda a: a.clamp_max(0.1), rand(3, 4)),
                  case(lambda a, b: rt.clamp_max(a, b), rand(3, 4, transposed=False), rand(3, 1)),
                  case(_inplace("clamp_max_", 0.3), rand(2, 3, transposed=True))],
    # ---- unary math ----
    "abs": [case(lambda a: a.abs(), rand(3, 4)), case(_inplace("abs_"), rand(2, 3, transposed=True))],
    "neg": [case(_inplace("neg_"), rand(3, 4))],
    "sign": [case(lambda a: a.sign() * a, rand(3, 4))],
    "exp": [case(lambda a: a.exp(), rand(3, 4)), case(_inplace("exp_"), rand(2, 3, transposed=True))],
    "exp2": [case(lambda a: rt.exp2(a), rand(3, 4))],
    "expm1": [case(lambda a: a.expm1(), rand(3, 4, transposed=True))],
    "log": [case(lambda a: a.log(), rand(3, 4, low=0.5, high=2.0)),
            case(_inplace("log_"), rand(2, 3, low=0.5, high=2.0, transposed=True))],
    "log2": [case(lambda a: rt.log2(a), rand(3, 4, low=0.5, high=2.0))],
    "log10": [case(lambda a: a.log10(), rand(3, 4, low=0.5, high=2.0))],
    "log1p": [case(lambda a: a.log1p(), rand(3, 4, low=-0.5, high=2.0))],
    "sqrt": [case(lambda a: a.sqrt(), rand(3, 4, low=0.5, high=2.0)),
             case(_inplace("sqrt_"), rand(2, 3, low=0.5, high=2.0, transposed=True))],
    "rsqrt": [case(lambda a: a.rsqrt(), rand(3, 4, low=0.5, high=2.0))],
    "reciprocal": [case(lambda a: a.reciprocal(), rand(3, 4, low=0.5, high=2.0)),
                   case(_inplace("reciprocal_"), rand(3, low=-2.0, high=-0.5))],
    "square": [case(lambda a: a.square(), rand(3, 4, transposed=True)), case(_inplace("square_"), rand(3))],
    "sin": [case(lambda a: a.sin(), rand(3, 4, low=-3.0, high=3.0))],
    "cos": [case(lambda a: a.cos(), rand(3, 4, low=-3.0, high=3.0))],
    "tan": [case(lambda a: a.tan(), rand(3, 4))],
    "asin": [case(lambda a: a.asin(), rand(3, 4, low=-0.9, high=0.9))],
    "acos": [case(lambda a: a.acos(), rand(3, 4, low=-0.9, high=0.9))],
    "atan": [case(lambda a: a.atan(), rand(3, 4, low=-2.0, high=2.0))],
    "sinh": [case(lambda a: a.sinh(), rand(3, 4))],
    "cosh": [case(lambda a: a.cosh(), rand(3, 4))],
    "tanh": [case(lambda a: a.tanh(), rand(3, 4, low=-2.0, high=2.0)),
             case(_inplace("tanh_"), rand(2, 3, transposed=True))],
    "sigmoid": [case(lambda a: a.sigmoid(), rand(3, 4, low=-3.0, high=3.0)),
                case(_inplace("sigmoid_"), rand(2, 3, transposed=True))],
    "relu": [case(lambda a: a.relu(), rand(3, 4)), case(_inplace("relu_"), rand(2, 3, transposed=True))],
    "erf": [case(lambda a: a.erf(), rand(3, 4, low=-2.0, high=2.0))],
    "erfc": [case(lambda a: a.erfc(), rand(3, 4, low=-2.0, high=2.0))],
    "floor": [case(lambda a: a.floor() + a, rand(3, 4, low=-3.0, high=3.0)),
              case(_inplace("floor_"), rand(3, low=-3.0, high=3.0))],
    "ceil": [case(lambda a: a.ceil() * a, rand(3, 4, low=-3.0, high=3.0)),
             case(_inplace("ceil_"), rand(3, low=-3.0, high=3.0))],
    "trunc": [case(lambda a: a.trunc() + a, rand(3, 4, low=-3.0, high=3.0))],
    "round": [case(lambda a: a.round() + a, rand(3, 4, low=-3.0, high=3.0)),
              case(lambda a: a.round(decimals=1) + a, rand(3, 4, low=-3.0, high=3.0)),
              case(_inplace("round_"), rand(3, low=-3.0, high=3.0))],
}

