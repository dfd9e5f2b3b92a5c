"""Cases for the special functions behind rt.distributions (the samplers are not differentiable by
finite differences; the standard-gamma gradient is checked in test_distributions.py)."""
import rustorch as rt

from .common import case, const, rand

CASES = {
    "lgamma": [case(lambda x: rt.lgamma(x), rand(3, 4, low=0.2, high=5.0)),
               case(lambda x: x.lgamma(), rand(2, 3, low=-2.9, high=-2.1, transposed=True))],
    "digamma": [case(lambda x: rt.digamma(x), rand(3, 4, low=0.2, high=5.0), gradgrad=False),  # trigamma: no grad
                case(lambda x: x.digamma(), rand(2, 3, low=-0.9, high=-0.1, transposed=True), gradgrad=False)],
    "erfinv": [case(lambda x: rt.erfinv(x), rand(3, 4, low=-0.9, high=0.9)),
               case(lambda x: x.erfinv(), rand(2, 3, low=-0.95, high=0.95, transposed=True))],
    "gammainc": [case(lambda a, x: rt.special_gammainc(a, x), const(rt.tensor([[0.5], [2.0], [7.0]], dtype=rt.float64)),
                      rand(3, 4, low=0.1, high=6.0)),
                 case(lambda a, x: rt.special_gammainc(a, x), const(rt.tensor(1.5, dtype=rt.float64)),
                      rand(4, 2, low=0.5, high=3.0, transposed=True))],
}
