// The LAPACK/BLAS kernels behind rt.linalg (no autograd, no broadcasting): each takes matrices
// (..., m, n) of float32/float64 with any strides, loops over the batch, and returns new tensors.
// Per-matrix LAPACK failure codes come back in `info` (one per batch element); the ops turn them into
// LinAlgError. Matrices with NaN/inf entries are not passed to LAPACK: their results are NaN.
//
// Row-major tensors are column-major transposes for LAPACK; the kernels use that to avoid copies
// (e.g. the SVD of A^T gives A's factors already in row-major order).
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "rustorch/core/tensor.hpp"

namespace rustorch::linalg::kernels {

using Infos = std::vector<int64_t>;

// Throws LinAlgError for the first non-zero info: "<op>: [(Batch element i): ]<message(info)>".
// `batch` is the batch shape (its numel is infos.size()); an empty batch omits the element index.
template <class Msg>
void check_infos(const Infos& infos, const Shape& batch, const char* op, Msg&& message);

struct Svd {
  Tensor U, S, Vh;  // U and Vh undefined unless compute_uv
};
Svd svd(const Tensor& A, bool full_matrices, bool compute_uv, Infos& info);

enum class QrKind { Reduced, Complete, R };
std::pair<Tensor, Tensor> qr(const Tensor& A, QrKind kind);  // (Q, R); Q empty for R

// (eigenvalues ascending, eigenvectors as columns or undefined); `upper`: read the upper triangle.
std::pair<Tensor, Tensor> eigh(const Tensor& A, bool upper, bool compute_v, Infos& info);

// General (non-symmetric) eigendecomposition by geev: complex eigenvalues (..., n) in LAPACK's order
// and, when compute_v, the right eigenvectors as complex columns (..., n, n), each of norm 1 with
// its largest component real. float32 gives complex64, float64 complex128. info > 0: the QR
// algorithm did not converge.
std::pair<Tensor, Tensor> eig(const Tensor& A, bool compute_v, Infos& info);

// Cholesky factor; info > 0: the leading minor of that order is not positive-definite.
Tensor cholesky(const Tensor& A, bool upper, Infos& info);

// LU-based. A (..., n, n); B (..., n, k) with the same batch shape. info > 0: U(info, info) is zero.
Tensor solve(const Tensor& A, const Tensor& B, Infos& info);
Tensor inv(const Tensor& A, Infos& info);
std::pair<Tensor, Tensor> slogdet(const Tensor& A);  // (sign, logabsdet)
Tensor det(const Tensor& A);

struct Lstsq {
  Tensor solution, residuals, rank, singular_values;
};
// driver: "gels", "gelsy", "gelsd" or "gelss". info > 0 from gels: A is rank-deficient; from
// gelsd/gelss: the SVD did not converge.
Lstsq lstsq(const Tensor& A, const Tensor& B, double rcond, const std::string& driver, Infos& info);

// BLAS trsm: A (..., n, n) triangular, B (..., n, k) (left: A X = B) or (..., k, n) (X A = B).
Tensor solve_triangular(const Tensor& A, const Tensor& B, bool upper, bool left, bool unitriangular);

// exp(A) by scaling and squaring with degree 3-13 Pade approximants (computed in float64).
Tensor matrix_exp(const Tensor& A);

// ---- Raw LAPACK entry points shared between the kernel files ---------------------------------------
// Solves the column-major n x n system A X = B in place (B: n x nrhs, leading dimension n); returns info.
int gesv(int n, int nrhs, double* a, int* ipiv, double* b);

// Whether the n values at p are all finite.
template <class T> bool all_finite(const T* p, int64_t n);

// Runs f(b0, b1) over a batch of `count` matrices of dimension up to `size`: in parallel when they are
// small enough that OpenBLAS keeps every inner BLAS call on one thread (no oversubscription),
// serially otherwise. Each matrix is computed the same way whatever the partition.
void batch_loop(int64_t count, int64_t size, const std::function<void(int64_t, int64_t)>& f);

// ---- Helpers ---------------------------------------------------------------------------------------
// Matrices up to this dimension are factored with OpenBLAS on one thread (and batches of them spread
// over rustorch's threads): below it, waking and synchronising OpenBLAS's threads costs more than it
// saves (PLATFORM.md: a 64x64 SVD is faster on one thread; on the 2-core machine 128x128 SVD, eigh
// and QR were too).
constexpr int64_t kSingleThreadBlasDim = 128;

// Runs OpenBLAS single-threaded for the guard's lifetime when size <= kSingleThreadBlasDim, then
// restores rustorch's thread count (set_num_threads owns it). Another thread's concurrent BLAS call
// may run on fewer threads meanwhile; results never change.
class BlasThreadsGuard {
 public:
  explicit BlasThreadsGuard(int64_t size);
  ~BlasThreadsGuard();
  BlasThreadsGuard(const BlasThreadsGuard&) = delete;
  BlasThreadsGuard& operator=(const BlasThreadsGuard&) = delete;

 private:
  bool active_;
};

// A contiguous (count, rows, cols) float tensor of `dtype` holding the matrices of t (..., rows, cols)
// (a fresh buffer when `fresh`, else t itself when it already is one), and the batch shape.
Tensor batched_copy(const Tensor& t, DType dtype, bool fresh);
// The same, but each matrix stored transposed (column-major): element (i, j) at j * rows + i.
Tensor batched_copy_transposed(const Tensor& t, DType dtype);
Shape batch_shape(const Tensor& t);  // all but the last two dims
int64_t batch_count(const Tensor& t);

}  // namespace rustorch::linalg::kernels

#include <sstream>

#include "rustorch/linalg/linalg.hpp"

namespace rustorch::linalg::kernels {

template <class Msg>
void check_infos(const Infos& infos, const Shape& batch, const char* op, Msg&& message) {
  for (size_t i = 0; i < infos.size(); ++i) {
    if (infos[i] == 0) continue;
    std::ostringstream os;
    os << op << ": ";
    if (!batch.empty()) os << "(Batch element " << i << "): ";
    os << message(infos[i]);
    throw LinAlgError(os.str());
  }
}

}  // namespace rustorch::linalg::kernels
