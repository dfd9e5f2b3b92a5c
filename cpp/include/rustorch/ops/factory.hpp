// Tensor creation: empty/zeros/ones/full and friends.
#pragma once
#include "rustorch/core/scalar.hpp"
#include "rustorch/core/tensor.hpp"

namespace rustorch {

Tensor empty(const Shape& shape, DType dtype);
Tensor zeros(const Shape& shape, DType dtype);
Tensor ones(const Shape& shape, DType dtype);
Tensor full(const Shape& shape, const Scalar& value, DType dtype);
// A 0-dim tensor holding `value` with the given dtype.
Tensor scalar_tensor(const Scalar& value, DType dtype);

}  // namespace rustorch
