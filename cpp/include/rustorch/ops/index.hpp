// Indexing, joining and selection ops (views where possible).
#pragma once
#include <vector>

#include "rustorch/core/scalar.hpp"
#include "rustorch/core/tensor.hpp"

namespace rustorch {

Tensor narrow(const Tensor& t, int64_t dim, int64_t start, int64_t length);  // view
Tensor select(const Tensor& t, int64_t dim, int64_t index);                  // view, drops dim
Tensor index_select(const Tensor& t, int64_t dim, const Tensor& index);      // index: 1-D int64
Tensor masked_fill(const Tensor& t, const Tensor& mask, const Scalar& value);
Tensor cat(const TensorList& tensors, int64_t dim);
Tensor stack(const TensorList& tensors, int64_t dim);
TensorList split(const Tensor& t, int64_t split_size, int64_t dim);

}  // namespace rustorch
