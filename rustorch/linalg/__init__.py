"""rt.linalg: linear algebra on batched (..., M, N) float32/float64 matrices, with PyTorch's
``torch.linalg`` names and semantics, running on LAPACK/OpenBLAS and differentiable.

Decompositions (``svd``, ``svdvals``, ``qr``, ``eigh``, ``eigvalsh``, ``eig``, ``eigvals``,
``cholesky``), solvers (``solve``,
``solve_triangular``, ``lstsq``), ``inv``, ``det``, ``slogdet``, ``pinv``, ``matrix_rank``, norms
(``norm``, ``vector_norm``, ``matrix_norm``, ``cond``), ``cross``, ``matrix_power``, ``matrix_exp``,
``multi_dot``, ``vecdot``, ``diagonal``.

Failures (a singular matrix for ``solve``/``inv``, a matrix that is not positive-definite for
``cholesky``, no convergence) raise :class:`LinAlgError` (a ``RuntimeError``) naming the op and, for
batched input, the batch element. Inputs with NaN or infinite entries give NaN results.

Gradients follow PyTorch's formulas. Those of ``svd`` and ``eigh`` need distinct singular values /
eigenvalues (the singular vectors and eigenvectors are not unique otherwise) and a loss that does not
depend on the sign of each vector; ``svdvals``, ``eigvalsh`` and the norms built on them have no such
restriction. With ``full_matrices=True`` the extra columns of U / rows of Vh get no gradient. The
gradients of ``det``, ``slogdet`` and ``solve`` need nonsingular matrices, and those of ``pinv`` and
``lstsq`` a constant rank.

``eig`` and ``eigvals`` (general, non-symmetric real matrices, LAPACK ``geev``) return complex
tensors (float32 -> complex64, float64 -> complex128): eigenvalues in LAPACK's order and right
eigenvectors as columns of norm 1 with their largest component real, as ``torch.linalg.eig``. They
are not differentiable (rustorch has no complex autograd): an input that requires grad raises;
``eigh`` / ``eigvalsh`` are differentiable for symmetric matrices.
"""
from .._C import _linalg as _impl
from .._C._linalg import (  # noqa: F401
    LinAlgError,
    svd, svdvals, qr, eigh, eigvalsh, eig, eigvals, cholesky, cholesky_ex,
    solve, solve_triangular, inv, inv_ex, det, slogdet, lstsq, pinv, matrix_rank,
    norm, vector_norm, matrix_norm, cross, matrix_power, matrix_exp, diagonal,
)

__all__ = [
    "LinAlgError", "svd", "svdvals", "qr", "eigh", "eigvalsh", "eig", "eigvals", "cholesky", "cholesky_ex", "solve",
    "solve_triangular", "inv", "inv_ex", "det", "slogdet", "lstsq", "pinv", "matrix_rank", "norm",
    "vector_norm", "matrix_norm", "cond", "cross", "matrix_power", "matrix_exp", "multi_dot", "vecdot",
    "matmul", "diagonal",
]


def matmul(input, other):
    """Alias of rt.matmul.

    Args:
        input (Tensor): the first operand.
        other (Tensor): the second operand.

    Returns:
        Tensor: the matrix product, with broadcast batch dims.

    Example:
        >>> a = rt.tensor([[1., 2.], [3., 4.]])
        >>> rt.linalg.matmul(a, rt.tensor([1., 1.])).tolist()
        [3.0, 7.0]
    """
    from .. import matmul as _matmul
    return _matmul(input, other)


def vecdot(x, y, *, dim=-1):
    """Dot products of the vectors along dim (broadcast): (x * y).sum(dim).

    Args:
        x (Tensor): the first vectors.
        y (Tensor): the second vectors, broadcastable with ``x``.
        dim (int): the dim of the vectors. Default: -1.

    Returns:
        Tensor: the dot products, with ``dim`` removed.

    Example:
        >>> x = rt.tensor([[1., 2.], [3., 4.]])
        >>> rt.linalg.vecdot(x, rt.tensor([1., 10.])).tolist()
        [21.0, 43.0]
        >>> rt.linalg.vecdot(x, x, dim=0).tolist()
        [10.0, 20.0]
    """
    return (x * y).sum(dim)


def multi_dot(tensors):
    """Product of a chain of matrices in the cheapest order (the first may be 1-D, as may the last).

    Args:
        tensors (sequence of Tensor): at least two matrices; the first and last may be 1-D.

    Returns:
        Tensor: the product of the chain.

    Example:
        >>> a, b, c = rt.ones(2, 3), rt.ones(3, 4), rt.ones(4)
        >>> rt.linalg.multi_dot([a, b, c]).tolist()
        [12.0, 12.0]
    """
    tensors = list(tensors)
    if len(tensors) < 2:
        raise ValueError("linalg.multi_dot: expected at least 2 tensors, got %d" % len(tensors))
    first_vec, last_vec = tensors[0].dim() == 1, tensors[-1].dim() == 1
    mats = list(tensors)
    if first_vec:
        mats[0] = mats[0].unsqueeze(0)
    if last_vec:
        mats[-1] = mats[-1].unsqueeze(-1)
    for i, t in enumerate(mats):
        if t.dim() != 2:
            raise ValueError("linalg.multi_dot: tensor %d must be 2-D (the first and last may be 1-D), got shape %s"
                             % (i, tuple(tensors[i].shape)))
    n = len(mats)
    dims = [mats[0].shape[0]] + [t.shape[1] for t in mats]
    # Classic matrix-chain order by dynamic programming.
    cost = [[0] * n for _ in range(n)]
    split = [[0] * n for _ in range(n)]
    for length in range(1, n):
        for i in range(n - length):
            j = i + length
            cost[i][j] = None
            for k in range(i, j):
                c = cost[i][k] + cost[k + 1][j] + dims[i] * dims[k + 1] * dims[j + 1]
                if cost[i][j] is None or c < cost[i][j]:
                    cost[i][j], split[i][j] = c, k

    def product(i, j):
        if i == j:
            return mats[i]
        k = split[i][j]
        return product(i, k) @ product(k + 1, j)

    out = product(0, n - 1)
    if first_vec:
        out = out.squeeze(0)
    if last_vec:
        out = out.squeeze(-1)
    return out


def cond(A, p=None):
    """Condition number of A in the p-norm: s_max / s_min for p None or 2 (s_min / s_max for -2),
    else norm(A, p) * norm(inv(A), p).

    Args:
        A (Tensor): the matrices ``(..., n, n)`` (any ``(..., m, n)`` for p None, 2 or -2).
        p (int, float, str, optional): the norm: None, 2, -2, 1, -1, inf, -inf, ``'fro'`` or
            ``'nuc'``. Default: None (2).

    Returns:
        Tensor: the condition numbers, with the batch shape.

    Example:
        >>> A = rt.tensor([[2., 0.], [0., 0.5]])
        >>> rt.linalg.cond(A).item(), rt.linalg.cond(A, p=1).item(), rt.linalg.cond(A, p=-2).item()
        (4.0, 4.0, 0.25)
    """
    if p is None or p == 2 or p == -2:
        s = svdvals(A)
        ratio = s[..., 0] / s[..., -1]
        return ratio if p != -2 else 1.0 / ratio
    return matrix_norm(A, p) * matrix_norm(inv(A), p)


