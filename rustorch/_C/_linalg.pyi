"""
rt.linalg kernels (LAPACK/BLAS) with autograd
"""
from __future__ import annotations
from rustorch._C import DType, Tensor
import builtins
import numpy
import typing
__all__: list[str] = ['LinAlgError', 'cholesky', 'cholesky_ex', 'cross', 'det', 'diagonal', 'eig', 'eigh', 'eigvals', 'eigvalsh', 'inv', 'inv_ex', 'linalg_cholesky_ex', 'linalg_eig', 'linalg_eigh', 'linalg_inv_ex', 'linalg_lstsq', 'linalg_qr', 'linalg_slogdet', 'linalg_svd', 'lstsq', 'matrix_exp', 'matrix_norm', 'matrix_power', 'matrix_rank', 'norm', 'pinv', 'qr', 'slogdet', 'solve', 'solve_triangular', 'svd', 'svdvals', 'vector_norm']
class LinAlgError(RuntimeError):
    """
    Raised when a linear-algebra op fails on its input: a singular matrix (solve, inv), a matrix that is not positive-definite (cholesky), or no convergence. A RuntimeError; the message names the op and batch element.
    """
def _tril(A: Tensor, diagonal: typing.SupportsInt | typing.SupportsIndex = 0) -> Tensor:
    """
    Lower triangle of the last two dims.
    """
def _triu(A: Tensor, diagonal: typing.SupportsInt | typing.SupportsIndex = 0) -> Tensor:
    """
    Upper triangle of the last two dims.
    """
def cholesky(A: Tensor, *, upper: builtins.bool = False) -> Tensor:
    """
    Cholesky factor L (A = L L^T), or U (A = U^T U) when upper. Raises LinAlgError when a matrix is not positive-definite.
    """
def cholesky_ex(A: Tensor, *, upper: builtins.bool = False, check_errors: builtins.bool = False) -> typing.Any:
    """
    Cholesky factor and info (0, or the order of the leading minor that is not positive-definite). Returns (L, info).
    """
def cross(input: Tensor, other: Tensor, *, dim: typing.SupportsInt | typing.SupportsIndex = -1) -> Tensor:
    """
    Cross product of 3-vectors along dim (broadcast).
    """
def det(A: Tensor) -> Tensor:
    """
    Determinant of square matrices (LU). Its gradient needs a nonsingular matrix.
    """
def diagonal(A: Tensor, *, offset: typing.SupportsInt | typing.SupportsIndex = 0, dim1: typing.SupportsInt | typing.SupportsIndex = -2, dim2: typing.SupportsInt | typing.SupportsIndex = -1) -> Tensor:
    """
    The offset diagonal of the matrices over dims (dim1, dim2), as the last dim.
    """
def eig(A: Tensor) -> typing.Any:
    """
    Eigenvalues and right eigenvectors (columns, norm 1, largest component real) of general real square matrices (..., n, n), from LAPACK geev; complex results (float32 -> complex64, float64 -> complex128). Not differentiable. Returns (eigenvalues, eigenvectors).
    """
def eigh(A: Tensor, UPLO: str = 'L') -> typing.Any:
    """
    Eigenvalues (ascending) and eigenvectors (columns) of symmetric matrices, read from the lower (UPLO='L') or upper triangle. Returns (eigenvalues, eigenvectors).
    """
def eigvals(A: Tensor) -> Tensor:
    """
    Eigenvalues (complex) of general real square matrices (..., n, n). Not differentiable.
    """
def eigvalsh(A: Tensor, UPLO: str = 'L') -> Tensor:
    """
    Eigenvalues (ascending) of symmetric matrices.
    """
def inv(A: Tensor) -> Tensor:
    """
    Inverse of square matrices; raises LinAlgError for a singular matrix.
    """
def inv_ex(A: Tensor, *, check_errors: builtins.bool = False) -> typing.Any:
    """
    Inverse and info (0, or the index of the zero pivot). Returns (inverse, info).
    """
def lstsq(A: Tensor, B: Tensor, rcond: typing.Any = None, *, driver: typing.Any = None) -> typing.Any:
    """
    Least-squares solution of A X = B (driver 'gelsy' by default; 'gelsd', 'gelss', 'gels'). Returns (solution, residuals, rank, singular_values).
    """
def matrix_exp(A: Tensor) -> Tensor:
    """
    Matrix exponential (scaling and squaring with Pade approximants).
    """
def matrix_norm(A: Tensor, ord: typing.Any = 'fro', dim: typing.Any = (-2, -1), keepdim: builtins.bool = False, *, dtype: DType | None = None) -> Tensor:
    """
    Matrix norm: 'fro', 'nuc', 2, -2 (largest/smallest singular value), 1, -1 (column sums), inf, -inf (row sums).
    """
def matrix_power(A: Tensor, n: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
    """
    A to the integer power n (n < 0: of the inverse).
    """
def matrix_rank(A: Tensor, *, atol: typing.Any = None, rtol: typing.Any = None, hermitian: builtins.bool = False) -> Tensor:
    """
    Numerical rank: the number of singular values above the tolerance.
    """
def norm(A: Tensor, ord: typing.Any = None, dim: typing.Any = None, keepdim: builtins.bool = False, *, dtype: DType | None = None) -> Tensor:
    """
    Vector or matrix norm: a vector norm for one dim (or a 1-D input), a matrix norm for two dims (or a 2-D input with ord); with neither ord nor dim, the 2-norm of all elements.
    """
def pinv(A: Tensor, *, atol: typing.Any = None, rtol: typing.Any = None, hermitian: builtins.bool = False) -> Tensor:
    """
    Moore-Penrose pseudo-inverse (singular values at most max(atol, rtol * largest) are dropped).
    """
def qr(A: Tensor, mode: str = 'reduced') -> typing.Any:
    """
    QR decomposition A = Q R; mode 'reduced' (Q: m x k), 'complete' (Q: m x m) or 'r' (R only, Q empty). Returns (Q, R).
    """
def slogdet(A: Tensor) -> typing.Any:
    """
    Sign and log of the absolute determinant. Returns (sign, logabsdet).
    """
def solve(A: Tensor, B: Tensor, *, left: builtins.bool = True) -> Tensor:
    """
    Solves A X = B (or X A = B when left=False) for square A; batch dims broadcast, B may be a vector. Raises LinAlgError for a singular A.
    """
def solve_triangular(A: Tensor, B: Tensor, *, upper: builtins.bool, left: builtins.bool = True, unitriangular: builtins.bool = False) -> Tensor:
    """
    Solves a triangular system A X = B (or X A = B when left=False).
    """
def svd(A: Tensor, full_matrices: builtins.bool = True, *, driver: typing.Any = None) -> typing.Any:
    """
    Singular value decomposition A = U diag(S) Vh of (..., m, n) matrices; S descending. full_matrices=False gives the reduced factors. Gradients need distinct singular values and a loss that does not depend on the signs of the singular vectors. Returns (U, S, Vh).
    """
def svdvals(A: Tensor, *, driver: typing.Any = None) -> Tensor:
    """
    Singular values of (..., m, n) matrices, descending.
    """
def vector_norm(x: Tensor, ord: typing.Any = 2, dim: typing.Any = None, keepdim: builtins.bool = False, *, dtype: DType | None = None) -> Tensor:
    """
    Vector ord-norm over dim (all elements when None).
    """
class linalg_cholesky_ex(typing.NamedTuple):
    L: Tensor
    info: Tensor
class linalg_eig(typing.NamedTuple):
    eigenvalues: Tensor
    eigenvectors: Tensor
class linalg_eigh(typing.NamedTuple):
    eigenvalues: Tensor
    eigenvectors: Tensor
class linalg_inv_ex(typing.NamedTuple):
    inverse: Tensor
    info: Tensor
class linalg_lstsq(typing.NamedTuple):
    solution: Tensor
    residuals: Tensor
    rank: Tensor
    singular_values: Tensor
class linalg_qr(typing.NamedTuple):
    Q: Tensor
    R: Tensor
class linalg_slogdet(typing.NamedTuple):
    sign: Tensor
    logabsdet: Tensor
class linalg_svd(typing.NamedTuple):
    U: Tensor
    S: Tensor
    Vh: Tensor
