// Shared helpers of the nn kernels: argument expansion and checks, BLAS GEMM wrappers with a
// serial-BLAS scope for per-sample parallel loops, and small fused reductions.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "rustorch/core/allocator.hpp"
#include "rustorch/core/tensor.hpp"

namespace rustorch::nn {

// An int-or-tuple argument (kernel_size=3 or (3, 3)) expanded to `n` values; throws ValueError
// naming `op` and `arg` when a tuple has another length.
std::vector<int64_t> expand_param(const std::vector<int64_t>& v, int64_t n, const char* op, const char* arg);

// Checks that `t` is a floating tensor; throws TypeError naming op/what.
void check_floating(const Tensor& t, const char* op, const char* what);
// Checks that an optional tensor has `dtype`; throws TypeError naming op/what.
void check_same_dtype(const Tensor& t, DType dtype, const char* op, const char* what);

// Row-major C[M,N] = alpha * op(A)[M,K] * op(B)[K,N] + beta * C on OpenBLAS.
void gemm(bool trans_a, bool trans_b, int64_t m, int64_t n, int64_t k, float alpha, const float* a, int64_t lda,
          const float* b, int64_t ldb, float beta, float* c, int64_t ldc);
void gemm(bool trans_a, bool trans_b, int64_t m, int64_t n, int64_t k, double alpha, const double* a, int64_t lda,
          const double* b, int64_t ldb, double beta, double* c, int64_t ldc);

// While alive (and `active`), OpenBLAS runs single-threaded, so that our own parallel loops can
// each call GEMM without oversubscribing the cores. Restores the engine's thread count on exit.
class BlasSerialScope {
 public:
  explicit BlasSerialScope(bool active);
  ~BlasSerialScope();
  BlasSerialScope(const BlasSerialScope&) = delete;
  BlasSerialScope& operator=(const BlasSerialScope&) = delete;

 private:
  bool active_;
};

// Runs f(begin, end) over [0, n) items of a per-sample loop: in parallel with serial BLAS when
// there are several items and threads, else on the calling thread (BLAS keeps its threads).
void parallel_samples(int64_t n, const std::function<void(int64_t, int64_t)>& f);

// Sum of g over every dim but dim 1 (the channel dim) -> shape (C,). Differentiable: a fused
// kernel when no graph is needed, else the sum op.
Tensor channel_sum(const Tensor& g);

// Uninitialised scratch memory from the caching allocator (no page faults on reuse).
template <class T> class Buffer {
 public:
  explicit Buffer(int64_t n) : n_(n > 0 ? n : 0) {
    if (n_) p_ = static_cast<T*>(allocator::allocate(static_cast<size_t>(n_) * sizeof(T)));
  }
  ~Buffer() {
    if (p_) allocator::deallocate(p_, static_cast<size_t>(n_) * sizeof(T));
  }
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;
  T* get() const { return p_; }

 private:
  int64_t n_;
  T* p_ = nullptr;
};

// Reduction mode of a loss from its name ("none" / "mean" / "sum"); ValueError otherwise.
enum class Reduction { None = 0, Mean = 1, Sum = 2 };
Reduction parse_reduction(const std::string& s, const char* op);

}  // namespace rustorch::nn
