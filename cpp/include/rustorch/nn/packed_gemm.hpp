// A float32 GEMM whose right operand is packed once and reused: the recurrent layers multiply by
// the same weight matrix at every time step. AVX-512 micro-kernels (12 x 32 register tiles) run
// where the CPU has AVX-512F; elsewhere callers use BLAS (packed_gemm_available() is false).
#pragma once
#include <cstdint>
#include <memory>

namespace rustorch::nn {

// True when the CPU runs the AVX-512 kernels.
bool packed_gemm_available();

// B (K x N; element (k, n) at b[k * stride_k + n * stride_n], so a matrix or a transposed view)
// copied into panels of 32 columns (the last panel zero-padded), each K x 32 contiguous.
class PackedMatrix {
 public:
  PackedMatrix() = default;
  PackedMatrix(const float* b, int64_t stride_k, int64_t stride_n, int64_t K, int64_t N);
  bool defined() const { return data_ != nullptr; }
  int64_t rows() const { return K_; }
  int64_t cols() const { return N_; }
  int64_t panels() const { return (N_ + 31) / 32; }
  const float* panel(int64_t p) const { return data_.get() + p * K_ * 32; }

 private:
  int64_t K_ = 0, N_ = 0;
  std::shared_ptr<float[]> data_;
};

// C (M x N, leading dimension ldc) = beta * C + A * B with beta 0 or 1; A's element (m, k) is
// a[m * a_row_stride + k * a_col_stride] (row-major A or a transposed view of it). Panels are
// split over the engine's threads; each element is computed by one thread in a fixed order.
void packed_gemm(int64_t M, const float* a, int64_t a_row_stride, int64_t a_col_stride, const PackedMatrix& b,
                 float beta, float* c, int64_t ldc);

}  // namespace rustorch::nn
