// Matrix products on OpenBLAS GEMM.
#pragma once
#include "rustorch/core/tensor.hpp"

namespace rustorch {

Tensor matmul(const Tensor& a, const Tensor& b);  // 1-D, 2-D and batched N-D with broadcasting
Tensor mm(const Tensor& a, const Tensor& b);      // 2-D x 2-D
Tensor bmm(const Tensor& a, const Tensor& b);     // 3-D x 3-D, same batch
Tensor dot(const Tensor& a, const Tensor& b);     // 1-D x 1-D
Tensor outer(const Tensor& a, const Tensor& b);   // 1-D x 1-D -> 2-D

}  // namespace rustorch
