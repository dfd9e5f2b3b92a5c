// Dim-indexed gather and scatter (the building blocks of max/min/sort/topk backward).
//
// index is an int64 tensor with the input's number of dims; along `dim` it holds positions in
// [0, size(dim)), and elsewhere it may be smaller than the input (and than src). Out-of-range
// positions raise IndexError naming the op. With duplicate positions scatter keeps the last write.
#pragma once
#include "rustorch/core/scalar.hpp"
#include "rustorch/core/tensor.hpp"

namespace rustorch {

// out[i][j][k] = t[i][index[i][j][k]][k] (dim = 1); out has index's shape.
Tensor gather(const Tensor& t, int64_t dim, const Tensor& index);
// out = t; out[i][index[i][j][k]][k] = src[i][j][k] (dim = 1).
Tensor scatter(const Tensor& t, int64_t dim, const Tensor& index, const Tensor& src);
Tensor scatter(const Tensor& t, int64_t dim, const Tensor& index, const Scalar& value);
// out = t; out[i][index[i][j][k]][k] += src[i][j][k] (dim = 1).
Tensor scatter_add(const Tensor& t, int64_t dim, const Tensor& index, const Tensor& src);

// In-place variants (extend self's autograd history).
const Tensor& scatter_(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src);
const Tensor& scatter_(const Tensor& self, int64_t dim, const Tensor& index, const Scalar& value);
const Tensor& scatter_add_(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src);

}  // namespace rustorch
