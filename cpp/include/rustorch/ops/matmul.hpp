// Matrix products on OpenBLAS GEMM/GEMV (float32/float64; int64 and bool by a plain loop), and einsum.
#pragma once
#include <string>

#include "rustorch/core/scalar.hpp"
#include "rustorch/core/tensor.hpp"

namespace rustorch {

Tensor matmul(const Tensor& a, const Tensor& b);  // 1-D, 2-D and batched N-D with broadcasting (torch.matmul)
Tensor mm(const Tensor& a, const Tensor& b);      // 2-D x 2-D
Tensor bmm(const Tensor& a, const Tensor& b);     // 3-D x 3-D, same batch
Tensor mv(const Tensor& a, const Tensor& b);      // 2-D x 1-D
Tensor dot(const Tensor& a, const Tensor& b);     // 1-D x 1-D -> 0-D
Tensor outer(const Tensor& a, const Tensor& b);   // 1-D x 1-D -> 2-D
Tensor inner(const Tensor& a, const Tensor& b);   // contraction over the last dims
// beta * input + alpha * (mat1 @ mat2), input broadcast to the product's shape.
Tensor addmm(const Tensor& input, const Tensor& mat1, const Tensor& mat2, const Scalar& beta, const Scalar& alpha);

// Einstein summation ("ij,jk->ik", "...ij->...ji", "ii->i", implicit output when "->" is absent),
// built from permute/reshape/mul/sum/matmul, so it is differentiable.
Tensor einsum(const std::string& equation, const TensorList& operands);

// Multiply-adds of a @ b (for the bindings: they release the GIL above a threshold).
int64_t matmul_work(const Tensor& a, const Tensor& b);

}  // namespace rustorch
