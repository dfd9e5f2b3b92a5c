// Shared helpers of the rt.linalg ops: argument checks, batch broadcasting, and small differentiable
// building blocks used by the backward rules.
#pragma once
#include <cstdint>

#include "rustorch/core/tensor.hpp"

namespace rustorch::linalg::util {

// Checks a float32/float64 tensor of at least 2 dims (TypeError / ValueError naming op).
void check_matrix(const Tensor& A, const char* op);
void check_square(const Tensor& A, const char* op);  // also checks it is a matrix
void check_same_dtype(const Tensor& A, const Tensor& B, const char* op);
void check_floating(const Tensor& t, const char* op);

int64_t rows(const Tensor& A);  // size(-2)
int64_t cols(const Tensor& A);  // size(-1)

// The broadcast batch shape of A (..., r, c) and B (..., r2, c2), and both expanded to it (no autograd).
Shape broadcast_batch(const Tensor& A, const Tensor& B, const char* op);
Tensor expand_batch(const Tensor& t, const Shape& batch);

Tensor mT(const Tensor& t);  // last two dims swapped (a differentiable view)
// True when g is the engine's zero fill for an unused output: all zeros and not part of a graph.
bool is_zero_grad(const Tensor& g);
Tensor scalar_of(double v, DType dtype);  // a 0-dim tensor
Tensor identity(int64_t n, DType dtype);  // n x n

}  // namespace rustorch::linalg::util
