"""
rt.linalg kernels (LAPACK/BLAS) with autograd
"""
from __future__ import annotations
from rustorch._C import DType, Number, Tensor
import builtins
import numpy
import typing
__all__: list[str] = ['LinAlgError', 'cholesky', 'cholesky_ex', 'cross', 'det', 'diagonal', 'eig', 'eigh', 'eigvals', 'eigvalsh', 'inv', 'inv_ex', 'linalg_cholesky_ex', 'linalg_eig', 'linalg_eigh', 'linalg_inv_ex', 'linalg_lstsq', 'linalg_qr', 'linalg_slogdet', 'linalg_svd', 'lstsq', 'matrix_exp', 'matrix_norm', 'matrix_power', 'matrix_rank', 'norm', 'pinv', 'qr', 'slogdet', 'solve', 'solve_triangular', 'svd', 'svdvals', 'vector_norm']
class LinAlgError(RuntimeError):
    """
    Raised when a linear-algebra op fails on its input: a singular matrix (solve, inv), a matrix that is not
    positive-definite (cholesky), or no convergence. A RuntimeError; the message names the op and batch element.
    
    Args:
        message (str): the error message.
    
    Example:
        >>> try:
        ...     rt.linalg.inv(rt.zeros(2, 2))
        ... except rt.linalg.LinAlgError as e:
        ...     print(type(e).__name__, isinstance(e, RuntimeError))
        LinAlgError True
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
    Cholesky factor L (A = L L^T), or U (A = U^T U) when upper. Raises LinAlgError when a matrix is not
    positive-definite.
    
    Args:
        A (Tensor): the (..., n, n) symmetric positive-definite matrices.
        upper (bool): return the upper-triangular factor U instead of L. Default: False.
    
    Returns:
        Tensor: the (..., n, n) triangular factor.
    
    Example:
        >>> A = rt.tensor([[4., 2.], [2., 5.]])
        >>> rt.linalg.cholesky(A)
        tensor([[2., 0.],
                [1., 2.]])
        >>> rt.linalg.cholesky(A, upper=True)
        tensor([[2., 1.],
                [0., 2.]])
    """
def cholesky_ex(A: Tensor, *, upper: builtins.bool = False, check_errors: builtins.bool = False) -> typing.Any:
    """
    Cholesky factor and info (0, or the order of the leading minor that is not positive-definite). Returns (L,
    info).
    
    Unlike ``cholesky`` it does not raise for a matrix that is not positive-definite unless ``check_errors``.
    
    Args:
        A (Tensor): the (..., n, n) symmetric matrices.
        upper (bool): return the upper-triangular factor U instead of L. Default: False.
        check_errors (bool): raise LinAlgError when ``info`` is not 0. Default: False.
    
    Returns:
        tuple: the named tuple ``(L, info)``; ``info`` is an int64 tensor with the batch shape.
    
    Example:
        >>> L, info = rt.linalg.cholesky_ex(rt.tensor([[1., 2.], [2., 1.]]))
        >>> info.item()
        2
    """
def cross(input: Tensor, other: Tensor, *, dim: typing.SupportsInt | typing.SupportsIndex = -1) -> Tensor:
    """
    Cross product of 3-vectors along dim (broadcast).
    
    Args:
        input (Tensor): the first vectors; the size of ``dim`` is 3.
        other (Tensor): the second vectors, broadcastable with ``input``.
        dim (int): the dim holding the vectors. Default: -1.
    
    Returns:
        Tensor: the cross products, with the broadcast shape.
    
    Example:
        >>> rt.linalg.cross(rt.tensor([1., 0., 0.]), rt.tensor([0., 1., 0.])).tolist()
        [0.0, 0.0, 1.0]
    """
def det(A: Tensor) -> Tensor:
    """
    Determinant of square matrices (LU). Its gradient needs a nonsingular matrix.
    
    Args:
        A (Tensor): the (..., n, n) square float32/float64 matrices (leading dims are batch dims).
    
    Returns:
        Tensor: the determinants, with the batch shape.
    
    Example:
        >>> round(rt.linalg.det(rt.tensor([[1., 2.], [3., 4.]])).item(), 4)
        -2.0
    """
def diagonal(A: Tensor, *, offset: typing.SupportsInt | typing.SupportsIndex = 0, dim1: typing.SupportsInt | typing.SupportsIndex = -2, dim2: typing.SupportsInt | typing.SupportsIndex = -1) -> Tensor:
    """
    The offset diagonal of the matrices over dims (dim1, dim2), as the last dim.
    
    Args:
        A (Tensor): the tensor, with at least 2 dims.
        offset (int): the diagonal: 0 the main one, > 0 above it, < 0 below it. Default: 0.
        dim1 (int): the dim of the rows. Default: -2.
        dim2 (int): the dim of the columns. Default: -1.
    
    Returns:
        Tensor: the diagonals, with ``dim1`` and ``dim2`` removed and the diagonal as the last dim.
    
    Example:
        >>> A = rt.tensor([[1, 2, 3], [4, 5, 6]])
        >>> rt.linalg.diagonal(A).tolist()
        [1, 5]
        >>> rt.linalg.diagonal(A, offset=1).tolist()
        [2, 6]
    """
def eig(A: Tensor) -> typing.Any:
    """
    Eigenvalues and right eigenvectors (columns, norm 1, largest component real) of general real square
    matrices (..., n, n), from LAPACK geev; complex results (float32 -> complex64, float64 -> complex128). Not
    differentiable. Returns (eigenvalues, eigenvectors).
    
    Args:
        A (Tensor): the (..., n, n) square float32/float64 matrices (leading dims are batch dims).
    
    Returns:
        tuple: the named tuple ``(eigenvalues, eigenvectors)`` of complex tensors, (..., n) and (..., n, n).
    
    Example:
        >>> L, V = rt.linalg.eig(rt.tensor([[2., 0.], [0., 3.]]))
        >>> L.tolist()
        [(2+0j), (3+0j)]
        >>> L.dtype
        rustorch.complex64
    """
def eigh(A: Tensor, UPLO: str = 'L') -> typing.Any:
    """
    Eigenvalues (ascending) and eigenvectors (columns) of symmetric matrices, read from the lower (UPLO='L')
    or upper triangle. Returns (eigenvalues, eigenvectors).
    
    Gradients need distinct eigenvalues and a loss that does not depend on the signs of the eigenvectors.
    
    Args:
        A (Tensor): the (..., n, n) square float32/float64 matrices (leading dims are batch dims).
        UPLO (str): ``'L'`` to read the lower triangle, ``'U'`` the upper one. Default: ``'L'``.
    
    Returns:
        tuple: the named tuple ``(eigenvalues, eigenvectors)``: (..., n) and (..., n, n), the eigenvectors as
        orthonormal columns.
    
    Example:
        >>> A = rt.tensor([[2., 1.], [1., 2.]])
        >>> L, V = rt.linalg.eigh(A)
        >>> L.tolist()
        [1.0, 3.0]
        >>> bool(rt.allclose(A @ V, V * L, atol=1e-5))
        True
    """
def eigvals(A: Tensor) -> Tensor:
    """
    Eigenvalues (complex) of general real square matrices (..., n, n). Not differentiable.
    
    Args:
        A (Tensor): the (..., n, n) square float32/float64 matrices (leading dims are batch dims).
    
    Returns:
        Tensor: the (..., n) complex eigenvalues, in LAPACK's order.
    
    Example:
        >>> rt.linalg.eigvals(rt.tensor([[0., -1.], [1., 0.]])).tolist()
        [1j, -1j]
    """
def eigvalsh(A: Tensor, UPLO: str = 'L') -> Tensor:
    """
    Eigenvalues (ascending) of symmetric matrices.
    
    Args:
        A (Tensor): the (..., n, n) square float32/float64 matrices (leading dims are batch dims).
        UPLO (str): ``'L'`` to read the lower triangle, ``'U'`` the upper one. Default: ``'L'``.
    
    Returns:
        Tensor: the (..., n) eigenvalues, in ascending order.
    
    Example:
        >>> rt.linalg.eigvalsh(rt.tensor([[2., 1.], [1., 2.]])).tolist()
        [1.0, 3.0]
    """
def inv(A: Tensor) -> Tensor:
    """
    Inverse of square matrices; raises LinAlgError for a singular matrix.
    
    Args:
        A (Tensor): the (..., n, n) square float32/float64 matrices (leading dims are batch dims).
    
    Returns:
        Tensor: the (..., n, n) inverses.
    
    Example:
        >>> rt.linalg.inv(rt.tensor([[2., 1.], [1., 1.]]))
        tensor([[ 1., -1.],
                [-1.,  2.]])
    """
def inv_ex(A: Tensor, *, check_errors: builtins.bool = False) -> typing.Any:
    """
    Inverse and info (0, or the index of the zero pivot). Returns (inverse, info).
    
    Unlike ``inv`` it does not raise for a singular matrix unless ``check_errors``; ``info`` is then the
    (1-based) index of the zero pivot of the LU factorisation.
    
    Args:
        A (Tensor): the (..., n, n) square float32/float64 matrices (leading dims are batch dims).
        check_errors (bool): raise LinAlgError when ``info`` is not 0. Default: False.
    
    Returns:
        tuple: the named tuple ``(inverse, info)``; ``info`` is an int64 tensor with the batch shape.
    
    Example:
        >>> X, info = rt.linalg.inv_ex(rt.tensor([[1., 2.], [2., 4.]]))
        >>> info.item()
        2
    """
def lstsq(A: Tensor, B: Tensor, rcond: typing.Any = None, *, driver: typing.Any = None) -> typing.Any:
    """
    Least-squares solution of A X = B (driver 'gelsy' by default; 'gelsd', 'gelss', 'gels'). Returns
    (solution, residuals, rank, singular_values).
    
    Args:
        A (Tensor): the (..., m, n) float32/float64 matrices (leading dims are batch dims).
        B (Tensor): the (..., m, k) right-hand sides.
        rcond (float, optional): singular values below ``rcond`` times the largest are taken as zero; the
            machine precision of the dtype times max(m, n) when None.
        driver (str, optional): the LAPACK driver: ``'gelsy'`` (when None), ``'gelsd'``, ``'gelss'`` or ``'gels'``.
    
    Returns:
        tuple: the named tuple ``(solution, residuals, rank, singular_values)``; ``solution`` is (..., n, k).
    
    Example:
        >>> A = rt.tensor([[1., 0.], [1., 1.], [1., 2.]])
        >>> B = rt.tensor([[1.], [2.], [3.]])
        >>> rt.linalg.lstsq(A, B).solution
        tensor([[1.0000],
                [1.0000]])
    """
def matrix_exp(A: Tensor) -> Tensor:
    """
    Matrix exponential (scaling and squaring with Pade approximants).
    
    Args:
        A (Tensor): the (..., n, n) square float32/float64 matrices (leading dims are batch dims).
    
    Returns:
        Tensor: the (..., n, n) matrix exponentials ``sum(A ** k / k!)``.
    
    Example:
        >>> rt.linalg.matrix_exp(rt.zeros(2, 2))
        tensor([[1., 0.],
                [0., 1.]])
        >>> rt.linalg.matrix_exp(rt.tensor([[1., 0.], [0., 2.]]))
        tensor([[2.7183, 0.0000],
                [0.0000, 7.3891]])
    """
def matrix_norm(A: Tensor, ord: typing.Any = 'fro', dim: typing.Any = (-2, -1), keepdim: builtins.bool = False, *, dtype: DType | None = None) -> Tensor:
    """
    Matrix norm: 'fro', 'nuc', 2, -2 (largest/smallest singular value), 1, -1 (column sums), inf, -inf (row
    sums).
    
    Args:
        A (Tensor): the matrices, over the two dims ``dim``.
        ord (str or float): ``'fro'`` (Frobenius), ``'nuc'`` (nuclear), 2, -2, 1, -1, ``inf`` or ``-inf``. Default:
            ``'fro'``.
        dim (tuple of two ints): the dims of the matrices. Default: (-2, -1).
        keepdim (bool): keep the reduced dims with size 1. Default: False.
        dtype (dtype, optional): the computation and result dtype (float32 or float64).
    
    Returns:
        Tensor: the norms, with the two dims removed unless ``keepdim``.
    
    Example:
        >>> A = rt.tensor([[1., -2.], [3., 4.]])
        >>> round(rt.linalg.matrix_norm(A).item(), 4)
        5.4772
        >>> rt.linalg.matrix_norm(A, ord=1).item()
        6.0
    """
def matrix_power(A: Tensor, n: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
    """
    A to the integer power n (n < 0: of the inverse).
    
    Args:
        A (Tensor): the (..., n, n) square float32/float64 matrices (leading dims are batch dims).
        n (int): the exponent; 0 gives identity matrices.
    
    Returns:
        Tensor: the (..., n, n) powers.
    
    Example:
        >>> A = rt.tensor([[1., 1.], [0., 1.]])
        >>> rt.linalg.matrix_power(A, 3)
        tensor([[1., 3.],
                [0., 1.]])
        >>> rt.linalg.matrix_power(A, 0)
        tensor([[1., 0.],
                [0., 1.]])
    """
def matrix_rank(A: Tensor, *, atol: typing.Any = None, rtol: typing.Any = None, hermitian: builtins.bool = False) -> Tensor:
    """
    Numerical rank: the number of singular values above the tolerance.
    
    The tolerance is max(atol, rtol * largest singular value).
    
    Args:
        A (Tensor): the (..., m, n) float32/float64 matrices (leading dims are batch dims).
        atol (float, optional): the absolute tolerance; 0 when None.
        rtol (float, optional): the relative tolerance; when None, the machine precision of the dtype times
            max(m, n) if ``atol`` is None or 0, else 0.
        hermitian (bool): whether ``A`` is symmetric (its eigenvalues are used). Default: False.
    
    Returns:
        Tensor: the int64 ranks, with the batch shape.
    
    Example:
        >>> rt.linalg.matrix_rank(rt.tensor([[1., 2.], [2., 4.]])).item()
        1
    """
def norm(A: Tensor, ord: typing.Any = None, dim: typing.Any = None, keepdim: builtins.bool = False, *, dtype: DType | None = None) -> Tensor:
    """
    Vector or matrix norm: a vector norm for one dim (or a 1-D input), a matrix norm for two dims (or a 2-D input with ord); with neither ord nor dim, the 2-norm of all elements.
    
    Args:
        A (Tensor): the input tensor.
        ord (Number or str, optional): the order: a number, ``inf`` or ``-inf`` for vector norms; ``'fro'``,
            ``'nuc'``, 2, -2, 1, -1, ``inf`` or ``-inf`` for matrix norms; the 2-norm (Frobenius for matrices)
            when None. Default: None.
        dim (int or tuple of ints, optional): one dim (vector norm) or two dims (matrix norm). Default: None.
        keepdim (bool): keep the reduced dims with size 1. Default: False.
        dtype (dtype, optional): keyword-only computation and result dtype. Default: None.
    
    Returns:
        Tensor: the norms, with ``dim`` removed unless ``keepdim``.
    
    Example:
        >>> x = rt.tensor([3., 4.])
        >>> rt.linalg.norm(x).item()
        5.0
        >>> A = rt.tensor([[1., 2.], [3., 4.]])
        >>> round(rt.linalg.norm(A).item(), 4)
        5.4772
        >>> rt.linalg.norm(A, ord=1).item()
        6.0
        >>> rt.linalg.norm(A, ord=float('inf')).item()
        7.0
        >>> rt.linalg.norm(A, ord=1, dim=0).tolist()
        [4.0, 6.0]
        >>> rt.linalg.norm(A, dim=1, keepdim=True)
        tensor([[2.2361],
                [5.0000]])
    """
def pinv(A: Tensor, *, atol: typing.Any = None, rtol: typing.Any = None, hermitian: builtins.bool = False) -> Tensor:
    """
    Moore-Penrose pseudo-inverse (singular values at most max(atol, rtol * largest) are dropped).
    
    Args:
        A (Tensor): the (..., m, n) float32/float64 matrices (leading dims are batch dims).
        atol (float, optional): the absolute tolerance; 0 when None.
        rtol (float, optional): the relative tolerance; when None, the machine precision of the dtype times
            max(m, n) if ``atol`` is None or 0, else 0.
        hermitian (bool): whether ``A`` is symmetric (an eigendecomposition is used). Default: False.
    
    Returns:
        Tensor: the (..., n, m) pseudo-inverses.
    
    Example:
        >>> rt.linalg.pinv(rt.tensor([[2., 0.], [0., 0.]]))
        tensor([[0.5000, 0.0000],
                [0.0000, 0.0000]])
    """
def qr(A: Tensor, mode: str = 'reduced') -> typing.Any:
    """
    QR decomposition A = Q R; mode 'reduced' (Q: m x k), 'complete' (Q: m x m) or 'r' (R only, Q empty).
    Returns (Q, R).
    
    Q has orthonormal columns and R is upper triangular; k = min(m, n).
    
    Args:
        A (Tensor): the (..., m, n) float32/float64 matrices (leading dims are batch dims).
        mode (str): ``'reduced'``, ``'complete'`` or ``'r'``. Default: ``'reduced'``.
    
    Returns:
        tuple: the named tuple ``(Q, R)``.
    
    Example:
        >>> A = rt.tensor([[1., 2.], [3., 4.], [5., 6.]])
        >>> Q, R = rt.linalg.qr(A)
        >>> Q.shape, R.shape
        ((3, 2), (2, 2))
        >>> bool(rt.allclose(Q @ R, A, atol=1e-5))
        True
    """
def slogdet(A: Tensor) -> typing.Any:
    """
    Sign and log of the absolute determinant. Returns (sign, logabsdet).
    
    The determinant is ``sign * exp(logabsdet)``; this avoids its overflow and underflow.
    
    Args:
        A (Tensor): the (..., n, n) square float32/float64 matrices (leading dims are batch dims).
    
    Returns:
        tuple: the named tuple ``(sign, logabsdet)``, each with the batch shape.
    
    Example:
        >>> sign, logabsdet = rt.linalg.slogdet(rt.tensor([[-2., 0.], [0., 3.]]))
        >>> sign.item(), round(logabsdet.item(), 4)
        (-1.0, 1.7918)
    """
def solve(A: Tensor, B: Tensor, *, left: builtins.bool = True) -> Tensor:
    """
    Solves A X = B (or X A = B when left=False) for square A; batch dims broadcast, B may be a vector. Raises
    LinAlgError for a singular A.
    
    Args:
        A (Tensor): the (..., n, n) square float32/float64 matrices (leading dims are batch dims).
        B (Tensor): the right-hand sides: (..., n, k) matrices or (..., n) vectors.
        left (bool): solve A X = B when True, X A = B when False. Default: True.
    
    Returns:
        Tensor: the solution X, with ``B``'s shape (batch dims broadcast).
    
    Example:
        >>> A = rt.tensor([[3., 1.], [1., 2.]])
        >>> rt.linalg.solve(A, rt.tensor([9., 8.])).tolist()
        [2.0, 3.0]
    """
def solve_triangular(A: Tensor, B: Tensor, *, upper: builtins.bool, left: builtins.bool = True, unitriangular: builtins.bool = False) -> Tensor:
    """
    Solves a triangular system A X = B (or X A = B when left=False).
    
    Args:
        A (Tensor): the (..., n, n) triangular matrices; only the triangle named by ``upper`` is read.
        B (Tensor): the (..., n, k) right-hand sides ((..., k, n) when ``left`` is False).
        upper (bool): whether ``A`` is upper (True) or lower (False) triangular. Required, keyword-only.
        left (bool): solve A X = B when True, X A = B when False. Default: True.
        unitriangular (bool): take the diagonal of ``A`` as all ones. Default: False.
    
    Returns:
        Tensor: the solution X.
    
    Example:
        >>> A = rt.tensor([[2., 0.], [1., 1.]])
        >>> rt.linalg.solve_triangular(A, rt.tensor([[2.], [3.]]), upper=False)
        tensor([[1.],
                [2.]])
    """
def svd(A: Tensor, full_matrices: builtins.bool = True, *, driver: typing.Any = None) -> typing.Any:
    """
    Singular value decomposition A = U diag(S) Vh of (..., m, n) matrices; S descending. full_matrices=False
    gives the reduced factors. Gradients need distinct singular values and a loss that does not depend on the signs of the
    singular vectors. Returns (U, S, Vh).
    
    Args:
        A (Tensor): the (..., m, n) float32/float64 matrices (leading dims are batch dims).
        full_matrices (bool): U is (..., m, m) and Vh (..., n, n) when True; (..., m, k) and (..., k, n) with
            k = min(m, n) when False. Default: True.
        driver (str, optional): accepted for PyTorch compatibility and ignored.
    
    Returns:
        tuple: the named tuple ``(U, S, Vh)``; ``S`` holds the k singular values, in descending order.
    
    Example:
        >>> A = rt.tensor([[3., 0.], [0., -2.], [0., 0.]])
        >>> U, S, Vh = rt.linalg.svd(A, full_matrices=False)
        >>> U.shape, S, Vh.shape
        ((3, 2), tensor([3., 2.]), (2, 2))
        >>> bool(rt.allclose((U * S) @ Vh, A, atol=1e-6))
        True
    """
def svdvals(A: Tensor, *, driver: typing.Any = None) -> Tensor:
    """
    Singular values of (..., m, n) matrices, descending.
    
    Differentiable without the restrictions of ``svd``'s gradient.
    
    Args:
        A (Tensor): the (..., m, n) float32/float64 matrices (leading dims are batch dims).
        driver (str, optional): accepted for PyTorch compatibility and ignored.
    
    Returns:
        Tensor: the (..., min(m, n)) singular values, in descending order.
    
    Example:
        >>> rt.linalg.svdvals(rt.tensor([[3., 0.], [0., -2.]])).tolist()
        [3.0, 2.0]
    """
def vector_norm(x: Tensor, ord: typing.Any = 2, dim: typing.Any = None, keepdim: builtins.bool = False, *, dtype: DType | None = None) -> Tensor:
    """
    Vector ord-norm over dim (all elements when None).
    
    ``sum(abs(x) ** ord) ** (1 / ord)``; ``inf`` gives the largest absolute value, ``-inf`` the smallest and 0 the
    number of non-zero elements.
    
    Args:
        x (Tensor): the input.
        ord (float): the order of the norm. Default: 2.
        dim (int or tuple of ints, optional): the dims to reduce; all of them when None.
        keepdim (bool): keep the reduced dims with size 1. Default: False.
        dtype (dtype, optional): the computation and result dtype (float32 or float64).
    
    Returns:
        Tensor: the norms, with ``dim`` removed unless ``keepdim``.
    
    Example:
        >>> x = rt.tensor([3., -4.])
        >>> rt.linalg.vector_norm(x).item()
        5.0
        >>> rt.linalg.vector_norm(x, ord=1).item()
        7.0
        >>> rt.linalg.vector_norm(rt.tensor([[3., 4.], [6., 8.]]), dim=1).tolist()
        [5.0, 10.0]
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
