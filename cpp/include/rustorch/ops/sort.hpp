// Sorting along a dim: sort, argsort and topk (values differentiable through their indices).
#pragma once
#include <utility>

#include "rustorch/core/tensor.hpp"

namespace rustorch {

// (values, indices) sorted along dim. The sort is always stable (equal values keep their order);
// NaN sorts as the largest value. `stable` is accepted for API compatibility.
std::pair<Tensor, Tensor> sort(const Tensor& t, int64_t dim, bool descending, bool stable = false);
Tensor argsort(const Tensor& t, int64_t dim, bool descending, bool stable = false);
// The k largest (or smallest) elements along dim and their indices, in sorted order (ties by index).
std::pair<Tensor, Tensor> topk(const Tensor& t, int64_t k, int64_t dim, bool largest, bool sorted = true);

}  // namespace rustorch
