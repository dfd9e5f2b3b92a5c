// Reductions over all or given dims.
#pragma once
#include <optional>
#include <vector>

#include "rustorch/core/tensor.hpp"

namespace rustorch {

// dims empty: reduce over all dims. dtype: accumulate/output type (default: int64 for bool/int, else the input's).
Tensor sum(const Tensor& t, const std::vector<int64_t>& dims, bool keepdim, std::optional<DType> dtype = std::nullopt);
// Sums a broadcast gradient back to `shape` (leading dims and dims where shape has 1).
Tensor sum_to(const Tensor& t, const Shape& shape);

// Kernel helper: normalises dims (wrapping, duplicates error) into a sorted mask over ndim.
std::vector<bool> reduction_mask(const std::vector<int64_t>& dims, int64_t ndim, const char* op);
Shape reduced_shape(const Shape& in, const std::vector<bool>& mask, bool keepdim);

}  // namespace rustorch
