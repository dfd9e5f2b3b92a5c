// Tensor creation: constant fills, ranges, eye, *_like, and random tensors drawn from a Generator.
#pragma once
#include <optional>

#include "rustorch/core/random.hpp"
#include "rustorch/core/scalar.hpp"
#include "rustorch/core/tensor.hpp"

namespace rustorch {

Tensor empty(const Shape& shape, DType dtype);
Tensor zeros(const Shape& shape, DType dtype);
Tensor ones(const Shape& shape, DType dtype);
Tensor full(const Shape& shape, const Scalar& value, DType dtype);
// A 0-dim tensor holding `value` with the given dtype.
Tensor scalar_tensor(const Scalar& value, DType dtype);

// Values start, start+step, ... below end (above it for a negative step), PyTorch's size rule.
// dtype: int64 when start, end and step are all integral, the default float dtype otherwise.
Tensor arange(const Scalar& start, const Scalar& end, const Scalar& step, std::optional<DType> dtype);
Tensor linspace(const Scalar& start, const Scalar& end, int64_t steps, std::optional<DType> dtype);
Tensor logspace(const Scalar& start, const Scalar& end, int64_t steps, double base, std::optional<DType> dtype);
Tensor eye(int64_t n, std::optional<int64_t> m, DType dtype);

// ---- Random creation -----------------------------------------------------------------------
// Every draw comes from `gen` (the default generator when null). A tensor is filled in fixed
// chunks, chunk k from the generator's stream jumped k times, so values depend on the seed and
// never on the thread count.
Tensor rand(const Shape& shape, DType dtype, Generator* gen = nullptr);   // uniform [0, 1)
Tensor randn(const Shape& shape, DType dtype, Generator* gen = nullptr);  // standard normal
Tensor randint(int64_t low, int64_t high, const Shape& shape, DType dtype, Generator* gen = nullptr);
Tensor randperm(int64_t n, DType dtype, Generator* gen = nullptr);
Tensor normal(double mean, double std, const Shape& shape, DType dtype, Generator* gen = nullptr);
// Elementwise normal(mean, std) with mean and std broadcast (not differentiable).
Tensor normal(const Tensor& mean, const Tensor& std, Generator* gen = nullptr);

// In-place fills (not differentiable: they end the history of a tensor that does not need grad).
const Tensor& uniform_(const Tensor& t, double from, double to, Generator* gen = nullptr);
const Tensor& normal_(const Tensor& t, double mean, double std, Generator* gen = nullptr);
// Integers uniform in [from, to); to = none: up to the dtype's largest exactly representable integer.
const Tensor& random_(const Tensor& t, int64_t from, std::optional<int64_t> to, Generator* gen = nullptr);

}  // namespace rustorch
