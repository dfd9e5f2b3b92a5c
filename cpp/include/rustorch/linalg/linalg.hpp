// rt.linalg: decompositions, solvers, inverses, determinants, norms and matrix functions of batched
// (..., M, N) float32/float64 matrices (PyTorch's torch.linalg names and semantics), each with its
// backward rule written with differentiable ops (so second derivatives work).
//
// Failures (a singular matrix, a matrix that is not positive-definite, no convergence) throw
// LinAlgError naming the op and, for batched input, the first failing batch element. A matrix with
// NaN or infinite entries gives NaN results (never a crash or a LAPACK error).
#pragma once
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "rustorch/core/error.hpp"
#include "rustorch/core/tensor.hpp"

namespace rustorch::linalg {

// A linear-algebra failure (maps to rt.linalg.LinAlgError, a RuntimeError).
struct LinAlgError : Error {
  using Error::Error;
};

// ---- Decompositions ----------------------------------------------------------------------------
// A = U diag(S) Vh with S descending. full_matrices: U (..., m, m) and Vh (..., n, n); else reduced
// (k = min(m, n) columns / rows). Gradients assume distinct non-zero singular values and a loss that
// does not depend on the signs of singular-vector pairs; with full_matrices the extra columns of U
// and rows of Vh get no gradient (as in torch).
std::tuple<Tensor, Tensor, Tensor> svd(const Tensor& A, bool full_matrices = true);
Tensor svdvals(const Tensor& A);  // S only; its gradient U diag(gS) Vh needs no distinct values

enum class QrMode { Reduced, Complete, R };
QrMode parse_qr_mode(const std::string& mode);  // "reduced" / "complete" / "r"; ValueError otherwise
// A = Q R. mode "r" returns an empty Q. Differentiable for reduced mode and for complete with m <= n.
std::pair<Tensor, Tensor> qr(const Tensor& A, QrMode mode = QrMode::Reduced);

// Symmetric eigendecomposition from the lower (upper) triangle: eigenvalues ascending and the
// eigenvectors as columns. Gradients assume distinct eigenvalues (eigvalsh: any eigenvalues).
std::pair<Tensor, Tensor> eigh(const Tensor& A, bool upper = false);
Tensor eigvalsh(const Tensor& A, bool upper = false);
// General eigendecomposition of real square matrices (LAPACK geev): complex eigenvalues and
// eigenvectors as columns of norm 1 (largest component real), like torch.linalg.eig; float32 gives
// complex64, float64 complex128. Not differentiable (complex autograd is not supported): an input
// that requires grad raises. Non-finite input gives NaN results.
std::pair<Tensor, Tensor> eig(const Tensor& A);
Tensor eigvals(const Tensor& A);

// Cholesky factor (lower, or upper when `upper`) read from that triangle of A. cholesky throws
// LinAlgError when a matrix is not positive-definite; cholesky_ex returns (L, info) with info the
// order of the failing leading minor (0 on success), throwing only when check_errors.
Tensor cholesky(const Tensor& A, bool upper = false);
std::pair<Tensor, Tensor> cholesky_ex(const Tensor& A, bool upper = false, bool check_errors = false);

// ---- Solvers, inverses and determinants --------------------------------------------------------
// Solves A X = B (left) or X A = B; batch dims broadcast; B may be a vector (..., n) when B.dim() == 1
// or B.shape == A.shape[:-1]. Singular A throws LinAlgError.
Tensor solve(const Tensor& A, const Tensor& B, bool left = true);
// Triangular solve (only the upper/lower triangle of A is read); a zero diagonal gives inf/NaN.
Tensor solve_triangular(const Tensor& A, const Tensor& B, bool upper, bool left = true, bool unitriangular = false);
Tensor inv(const Tensor& A);                              // singular A throws LinAlgError
std::pair<Tensor, Tensor> inv_ex(const Tensor& A, bool check_errors = false);  // (inverse, info)
Tensor det(const Tensor& A);                              // gradient needs a nonsingular A
std::pair<Tensor, Tensor> slogdet(const Tensor& A);       // (sign, log|det|); singular: (0, -inf)

struct LstsqResult {
  Tensor solution, residuals, rank, singular_values;
};
// Least squares min ||A X - B|| (driver "gelsy" (default), "gelsd", "gelss" or "gels"). residuals:
// when m > n, the driver is not gelsy and every A has full rank; rank: not for gels; singular_values:
// gelsd/gelss. Only the solution is differentiable (through pinv, constant rank).
LstsqResult lstsq(const Tensor& A, const Tensor& B, std::optional<double> rcond = std::nullopt,
                  const std::string& driver = "");
// Pseudo-inverse by SVD (eigh when hermitian), singular values below max(atol, rtol * s_max) dropped;
// default rtol = eps * max(m, n) when neither is given.
Tensor pinv(const Tensor& A, std::optional<double> atol = std::nullopt, std::optional<double> rtol = std::nullopt,
            bool hermitian = false);
Tensor matrix_rank(const Tensor& A, std::optional<double> atol = std::nullopt,
                   std::optional<double> rtol = std::nullopt, bool hermitian = false);  // int64

// ---- Norms -------------------------------------------------------------------------------------
// Vector ord-norm over dims (all when empty): any real ord, inf, -inf, 0.
Tensor vector_norm(const Tensor& x, double ord = 2.0, const std::vector<int64_t>& dims = {}, bool keepdim = false,
                   std::optional<DType> dtype = std::nullopt);

// A matrix-norm order: "fro", "nuc", or a number among 2, -2, 1, -1, inf, -inf.
struct NormOrd {
  enum class Kind { Fro, Nuc, Number } kind = Kind::Fro;
  double p = 0.0;
  static NormOrd parse(const std::string& s);  // "fro" / "nuc"; ValueError otherwise
  static NormOrd number(double p) { return {Kind::Number, p}; }
};
Tensor matrix_norm(const Tensor& A, NormOrd ord = {}, std::pair<int64_t, int64_t> dims = {-2, -1},
                   bool keepdim = false, std::optional<DType> dtype = std::nullopt);
// torch.linalg.norm: no ord and no dim -> 2-norm of the flattened input; one dim (or a 1-D input)
// -> vector norm; two dims (or a 2-D input with an ord) -> matrix norm. A string ord needs a matrix.
Tensor norm(const Tensor& A, std::optional<NormOrd> ord = std::nullopt,
            std::optional<std::vector<int64_t>> dims = std::nullopt, bool keepdim = false,
            std::optional<DType> dtype = std::nullopt);

// ---- Products and matrix functions ---------------------------------------------------------------
Tensor cross(const Tensor& a, const Tensor& b, int64_t dim = -1);  // size-3 dim, broadcast
Tensor matrix_power(const Tensor& A, int64_t n);                   // n < 0 uses inv(A)
Tensor matrix_exp(const Tensor& A);  // scaling and squaring with Pade approximants (Higham 2005)

// ---- Matrix helpers (differentiable) -------------------------------------------------------------
Tensor diagonal(const Tensor& A, int64_t offset = 0);  // (..., m, n) -> (..., len) of the offset diagonal
Tensor diag_embed(const Tensor& v);                     // (..., k) -> (..., k, k) diagonal matrices
Tensor tril(const Tensor& A, int64_t k = 0);            // zero above the k-th diagonal of the last two dims
Tensor triu(const Tensor& A, int64_t k = 0);            // zero below it

}  // namespace rustorch::linalg
