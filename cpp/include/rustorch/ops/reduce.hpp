// Reductions over all or given dims, scans (cumsum/cumprod) and softmax, each with its backward rule.
//
// In every reduction `dims` empty means all dims; negative dims wrap; keepdim keeps the reduced dims
// with size 1. Results do not depend on the thread count (fixed blocks combined in order).
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include "rustorch/core/tensor.hpp"

namespace rustorch {

// dtype: accumulate/output type (default: int64 for bool/int, else the input's).
Tensor sum(const Tensor& t, const std::vector<int64_t>& dims, bool keepdim, std::optional<DType> dtype = std::nullopt);
// Floating inputs only, unless a floating dtype is given.
Tensor mean(const Tensor& t, const std::vector<int64_t>& dims, bool keepdim, std::optional<DType> dtype = std::nullopt);
Tensor prod(const Tensor& t, const std::vector<int64_t>& dims, bool keepdim, std::optional<DType> dtype = std::nullopt);

// Largest/smallest value (NaN propagates); the gradient is spread evenly over ties.
Tensor amax(const Tensor& t, const std::vector<int64_t>& dims, bool keepdim);
Tensor amin(const Tensor& t, const std::vector<int64_t>& dims, bool keepdim);
Tensor max(const Tensor& t);  // over all elements; throws for an empty tensor
Tensor min(const Tensor& t);
// (values, indices) along one dim; the index is the first occurrence (the first NaN, if any).
std::pair<Tensor, Tensor> max(const Tensor& t, int64_t dim, bool keepdim);
std::pair<Tensor, Tensor> min(const Tensor& t, int64_t dim, bool keepdim);
// Index of the first largest/smallest element along dim, or in the flattened tensor when dim is empty.
Tensor argmax(const Tensor& t, std::optional<int64_t> dim, bool keepdim);
Tensor argmin(const Tensor& t, std::optional<int64_t> dim, bool keepdim);

// Variance and standard deviation with Bessel-style correction (1 = unbiased).
Tensor var(const Tensor& t, const std::vector<int64_t>& dims, double correction, bool keepdim);
Tensor std_dev(const Tensor& t, const std::vector<int64_t>& dims, double correction, bool keepdim);
// Vector p-norm over dims: p = 2, 1, 0, +inf, -inf or any other real p.
Tensor norm(const Tensor& t, double p, const std::vector<int64_t>& dims, bool keepdim,
            std::optional<DType> dtype = std::nullopt);
// log(sum(exp(t))) computed stably (integers promote to the default float).
Tensor logsumexp(const Tensor& t, const std::vector<int64_t>& dims, bool keepdim);

Tensor softmax(const Tensor& t, int64_t dim, std::optional<DType> dtype = std::nullopt);
Tensor log_softmax(const Tensor& t, int64_t dim, std::optional<DType> dtype = std::nullopt);

// Bool results: whether all / any element (nonzero) is true.
Tensor all(const Tensor& t, const std::vector<int64_t>& dims, bool keepdim);
Tensor any(const Tensor& t, const std::vector<int64_t>& dims, bool keepdim);

// Inclusive scans along dim (dtype as in sum).
Tensor cumsum(const Tensor& t, int64_t dim, std::optional<DType> dtype = std::nullopt);
Tensor cumprod(const Tensor& t, int64_t dim, std::optional<DType> dtype = std::nullopt);

// Sums a broadcast gradient back to `shape` (leading dims and dims where shape has 1).
Tensor sum_to(const Tensor& t, const Shape& shape);

// Kernel helper: normalises dims (wrapping, duplicates error) into a sorted mask over ndim.
std::vector<bool> reduction_mask(const std::vector<int64_t>& dims, int64_t ndim, const char* op);
Shape reduced_shape(const Shape& in, const std::vector<bool>& mask, bool keepdim);

// Kernel helper: calls f(offsets) once per line along `dim` of `shape` (in parallel over lines, with
// serial chunks of about kParallelGrain / cost_per_line lines). offsets[k] is the element offset of the
// line's first element in operand k, whose strides over `shape` are strides[k] (at most 4 operands).
void for_each_line(const Shape& shape, int64_t dim, const std::vector<Shape>& strides, int64_t cost_per_line,
                   const std::function<void(const int64_t* offsets)>& f);

}  // namespace rustorch
