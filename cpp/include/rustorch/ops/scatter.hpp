// Dim-indexed gather and scatter (the building blocks of max/min/sort/topk backward).
#pragma once
#include "rustorch/core/tensor.hpp"

namespace rustorch {

Tensor gather(const Tensor& t, int64_t dim, const Tensor& index);
Tensor scatter(const Tensor& t, int64_t dim, const Tensor& index, const Tensor& src);      // out-of-place
Tensor scatter_add(const Tensor& t, int64_t dim, const Tensor& index, const Tensor& src);  // out-of-place

}  // namespace rustorch
