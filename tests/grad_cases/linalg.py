"""Cases for rt.linalg. Inputs have distinct singular values / eigenvalues (fixed random draws), and
functions of singular vectors / eigenvectors are invariant to their signs (U @ Vh, V * V), as the
gradients assume. Symmetric and positive-definite inputs are built from a general one (A + A^T,
A A^T + n I) so every perturbation is admissible."""
import rustorch as rt

from .common import case, rand

L = rt.linalg


def eye(n):
    return rt.eye(n, dtype=rt.float64)


def sym(A):
    return A + A.mT


def spd(A):
    return A @ A.mT + A.shape[-1] * eye(A.shape[-1])


def well(A):
    """A diagonally dominant (so well-conditioned) matrix from A."""
    return A + 3 * eye(A.shape[-1])


def svd_uv(full):
    def f(A):
        U, S, Vh = L.svd(A, full_matrices=full)
        k = S.shape[-1]
        return U[..., :, :k] @ Vh[..., :k, :], S
    return f


def eigh_parts(uplo="L"):
    def f(A):
        w, V = L.eigh(sym(A), UPLO=uplo)
        return w, V * V
    return f


CASES = {
    "linalg.svd": [case(svd_uv(False), rand(4, 3)),
                   case(svd_uv(False), rand(3, 5, transposed=True)),
                   case(svd_uv(True), rand(4, 3)),
                   case(svd_uv(True), rand(2, 3, 4)),
                   case(svd_uv(False), rand(2, 3, 3)),
                   case(lambda A: L.svd(A, full_matrices=False).S, rand(3, 4)),
                   case(lambda A: (L.svd(A, full_matrices=False).U ** 2), rand(4, 2))],
    "linalg.svdvals": [case(lambda A: L.svdvals(A), rand(3, 4)),
                       case(lambda A: L.svdvals(A), rand(2, 4, 3, transposed=True))],
    "linalg.qr": [case(lambda A: tuple(L.qr(A)), rand(4, 3)),
                  case(lambda A: tuple(L.qr(A)), rand(3, 3, transposed=True)),
                  case(lambda A: tuple(L.qr(A)), rand(3, 5)),
                  case(lambda A: tuple(L.qr(A, mode="complete")), rand(3, 4)),
                  case(lambda A: tuple(L.qr(A)), rand(2, 4, 2))],
    "linalg.eigh": [case(eigh_parts(), rand(4, 4)),
                    case(eigh_parts("U"), rand(3, 3, transposed=True)),
                    case(eigh_parts(), rand(2, 3, 3)),
                    case(lambda A: L.eigh(sym(A)).eigenvalues, rand(3, 3))],
    "linalg.eigvalsh": [case(lambda A: L.eigvalsh(sym(A)), rand(4, 4)),
                        case(lambda A: L.eigvalsh(sym(A), UPLO="U"), rand(2, 3, 3, transposed=True))],
    "linalg.cholesky": [case(lambda A: L.cholesky(spd(A)), rand(3, 3)),
                        case(lambda A: L.cholesky(spd(A), upper=True), rand(3, 3, transposed=True)),
                        case(lambda A: L.cholesky(spd(A)), rand(2, 4, 4))],
    "linalg.cholesky_ex": [case(lambda A: L.cholesky_ex(spd(A)).L, rand(3, 3))],
    "linalg.solve": [case(lambda A, B: L.solve(well(A), B), rand(3, 3), rand(3, 2)),
                     case(lambda A, b: L.solve(well(A), b), rand(3, 3, transposed=True), rand(3)),
                     case(lambda A, B: L.solve(well(A), B), rand(2, 3, 3), rand(3, 2)),  # A's batch broadcast
                     case(lambda A, b: L.solve(well(A), b), rand(2, 3, 3), rand(2, 3)),  # batched vectors
                     case(lambda A, B: L.solve(well(A), B), rand(3, 3), rand(2, 3, 1)),  # A shared by B's batch
                     case(lambda A, B: L.solve(well(A), B, left=False), rand(3, 3), rand(2, 3, transposed=True))],
    "linalg.solve_triangular": [
        case(lambda A, B: L.solve_triangular(well(A), B, upper=True), rand(3, 3), rand(3, 2)),
        case(lambda A, B: L.solve_triangular(well(A), B, upper=False), rand(3, 3, transposed=True), rand(3, 4)),
        case(lambda A, B: L.solve_triangular(well(A), B, upper=True, left=False), rand(2, 3, 3), rand(4, 3)),
        case(lambda A, B: L.solve_triangular(A, B, upper=False, unitriangular=True), rand(3, 3), rand(3, 2))],
    "linalg.inv": [case(lambda A: L.inv(well(A)), rand(3, 3)),
                   case(lambda A: L.inv(well(A)), rand(2, 3, 3, transposed=True))],
    "linalg.inv_ex": [case(lambda A: L.inv_ex(well(A)).inverse, rand(3, 3))],
    "linalg.det": [case(lambda A: L.det(A), rand(3, 3)),
                   case(lambda A: L.det(A), rand(2, 4, 4, transposed=True)),
                   case(lambda A: L.det(A), rand(1, 1))],
    "linalg.slogdet": [case(lambda A: L.slogdet(A).logabsdet, rand(3, 3)),
                       case(lambda A: L.slogdet(A).logabsdet, rand(2, 3, 3, transposed=True))],
    "linalg.lstsq": [case(lambda A, B: L.lstsq(A, B).solution, rand(5, 3), rand(5, 2)),
                     case(lambda A, b: L.lstsq(A, b, driver="gelsd").solution, rand(4, 2, transposed=True), rand(4)),
                     case(lambda A, B: L.lstsq(A, B).solution, rand(2, 3, 4), rand(2, 3, 1))],  # wide: min norm
    "linalg.pinv": [case(lambda A: L.pinv(A), rand(4, 3)),
                    case(lambda A: L.pinv(A), rand(3, 5, transposed=True)),
                    case(lambda A: L.pinv(sym(A), hermitian=True), rand(3, 3)),
                    case(lambda A: L.pinv(A), rand(2, 3, 2))],
    "linalg.matrix_exp": [case(lambda A: L.matrix_exp(A), rand(3, 3)),
                          case(lambda A: L.matrix_exp(0.01 * A), rand(2, 2)),  # low-degree Pade
                          case(lambda A: L.matrix_exp(4 * A), rand(3, 3, transposed=True)),  # scaling and squaring
                          case(lambda A: L.matrix_exp(A), rand(2, 3, 3))],
    "linalg.vector_norm": [case(lambda x: L.vector_norm(x), rand(3, 4)),
                           case(lambda x: L.vector_norm(x, 1, dim=1), rand(3, 4)),
                           case(lambda x: L.vector_norm(x, 3.0, dim=(0, 1), keepdim=True), rand(2, 3, 2)),
                           case(lambda x: L.vector_norm(x, float("inf"), dim=-1), rand(3, 4), gradgrad=False)],
    "linalg.matrix_norm": [case(lambda A: L.matrix_norm(A), rand(3, 4)),
                           case(lambda A: L.matrix_norm(A, "nuc"), rand(2, 3, 4)),
                           case(lambda A: L.matrix_norm(A, 2), rand(4, 3, transposed=True)),
                           case(lambda A: L.matrix_norm(A, -2), rand(3, 3)),
                           case(lambda A: L.matrix_norm(A, 1, keepdim=True), rand(3, 4), gradgrad=False),
                           case(lambda A: L.matrix_norm(A, -1), rand(3, 4), gradgrad=False),
                           case(lambda A: L.matrix_norm(A, float("inf"), dim=(0, 2)), rand(3, 2, 4), gradgrad=False),
                           case(lambda A: L.matrix_norm(A, float("-inf")), rand(3, 4), gradgrad=False)],
    "linalg.norm": [case(lambda A: L.norm(A), rand(2, 3, 2)),
                    case(lambda A: L.norm(A, "nuc"), rand(3, 3)),
                    case(lambda A: L.norm(A, 3, dim=1), rand(3, 4)),
                    case(lambda A: L.norm(A, dim=(0, 1)), rand(3, 4))],
    "linalg.cross": [case(lambda a, b: L.cross(a, b), rand(4, 3), rand(4, 3)),
                     case(lambda a, b: L.cross(a, b, dim=0), rand(3, 2), rand(3, 1)),
                     case(lambda a, b: L.cross(a, b), rand(2, 1, 3), rand(1, 4, 3))],
    "linalg.matrix_power": [case(lambda A: L.matrix_power(A, 3), rand(3, 3)),
                            case(lambda A: L.matrix_power(A, 1), rand(2, 2)),
                            case(lambda A: L.matrix_power(well(A), -2), rand(2, 3, 3, transposed=True))],
    "linalg.diagonal": [case(lambda A: L.diagonal(A), rand(3, 4)),
                        case(lambda A: L.diagonal(A, offset=1), rand(2, 3, 3)),
                        case(lambda A: L.diagonal(A, offset=-1, dim1=0, dim2=2), rand(3, 2, 4))],
}
