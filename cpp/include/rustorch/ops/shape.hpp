// View and shape ops: results share storage with their input where possible.
#pragma once
#include <vector>

#include "rustorch/core/tensor.hpp"

namespace rustorch {

Tensor view(const Tensor& t, const Shape& shape);     // requires compatible strides; -1 allowed
Tensor reshape(const Tensor& t, const Shape& shape);  // a view when possible, else a copy
Tensor expand(const Tensor& t, const Shape& shape);   // -1 keeps a size
Tensor transpose(const Tensor& t, int64_t dim0, int64_t dim1);
Tensor permute(const Tensor& t, const std::vector<int64_t>& dims);
Tensor unsqueeze(const Tensor& t, int64_t dim);
Tensor squeeze(const Tensor& t, const std::vector<int64_t>& dims);  // empty: all size-1 dims

// Resolves a single -1 in `shape` for a tensor of numel elements; throws ValueError naming op.
Shape infer_shape(const Shape& shape, int64_t numel, const char* op);
// Strides that view t with `shape` without copying, if any exist.
bool compute_view_strides(const Tensor& t, const Shape& shape, Shape& out_strides);
// A view of t with the given geometry (shares storage; marks the view/base link for autograd).
// View ops build on it and then record their backward rule.
Tensor make_view(const Tensor& t, const Shape& sizes, const Shape& strides, int64_t offset);

}  // namespace rustorch
