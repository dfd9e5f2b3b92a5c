"""Cases for the matrix products and einsum."""
import rustorch as rt

from .common import case, rand

CASES = {
    "matmul": [case(lambda a, b: a @ b, rand(3, 4), rand(4, 2)),
               case(lambda a, b: a @ b, rand(3, 4, transposed=True), rand(4, 2, transposed=True)),
               case(lambda a, b: a @ b, rand(4), rand(4)),
               case(lambda a, b: a @ b, rand(4), rand(2, 4, 3)),
               case(lambda a, b: a @ b, rand(2, 3, 4), rand(4)),
               case(lambda a, b: a @ b, rand(2, 3, 4), rand(4, 2)),  # b shared by a's batches
               case(lambda a, b: a @ b, rand(3, 4), rand(2, 4, 2, transposed=True)),
               case(lambda a, b: a @ b, rand(2, 1, 2, 3), rand(3, 3, 2)),  # broadcast batch dims
               case(lambda a, b: rt.matmul(a, b), rand(1, 2, 3), rand(2, 3, 2))],
    "mm": [case(lambda a, b: rt.mm(a, b), rand(2, 3), rand(3, 4)),
           case(lambda a, b: a.mm(b), rand(3, 2, transposed=True), rand(2, 3, transposed=True))],
    "bmm": [case(lambda a, b: rt.bmm(a, b), rand(2, 3, 4), rand(2, 4, 2)),
            case(lambda a, b: a.bmm(b), rand(2, 3, 4, transposed=True), rand(2, 4, 2, transposed=True))],
    "mv": [case(lambda a, v: rt.mv(a, v), rand(3, 4), rand(4)),
           case(lambda a, v: a.mv(v), rand(3, 4, transposed=True), rand(4))],
    "dot": [case(lambda a, b: rt.dot(a, b), rand(5), rand(5)),
            case(lambda a: a.dot(a), rand(4))],
    "outer": [case(lambda a, b: rt.outer(a, b), rand(3), rand(4))],
    "inner": [case(lambda a, b: rt.inner(a, b), rand(2, 3), rand(4, 3)),
              case(lambda a, b: rt.inner(a, b), rand(3), rand(2, 2, 3, transposed=True)),
              case(lambda a, b: rt.inner(a, b), rand(2, 3), rand())],
    "addmm": [case(lambda c, a, b: rt.addmm(c, a, b), rand(2, 4), rand(2, 3), rand(3, 4)),
              case(lambda c, a, b: rt.addmm(c, a, b, beta=0.5, alpha=-2.0), rand(4), rand(2, 3, transposed=True),
                   rand(3, 4))],
    "einsum": [case(lambda a, b: rt.einsum("ij,jk->ik", a, b), rand(2, 3), rand(3, 4)),
               case(lambda a, b: rt.einsum("bij,bkj->bik", a, b), rand(2, 3, 4, transposed=True), rand(2, 2, 4)),
               case(lambda a: rt.einsum("ii->i", a), rand(3, 3)),
               case(lambda a: rt.einsum("ii", a), rand(3, 3, transposed=True)),
               case(lambda a: rt.einsum("ij->ji", a), rand(2, 3)),
               case(lambda a, b: rt.einsum("i,j->ij", a, b), rand(2), rand(3)),
               case(lambda a, b: rt.einsum("...ij,...j->...i", a, b), rand(2, 3, 4), rand(4)),
               case(lambda a, b, c: rt.einsum("ij,jk,k->i", a, b, c), rand(2, 3), rand(3, 4), rand(4)),
               case(lambda a, b: rt.einsum("ij,ij->i", a, b), rand(2, 3), rand(1, 3))],
}
