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
// Merges dims start_dim..end_dim into one (a view when possible, else a copy); 0-d gives shape (1,).
Tensor flatten(const Tensor& t, int64_t start_dim, int64_t end_dim);
// Splits dim into `sizes` (one -1 allowed); a view.
Tensor unflatten(const Tensor& t, int64_t dim, const Shape& sizes);
// Moves dims `source` to positions `destination`, the others keep their order; a view.
Tensor movedim(const Tensor& t, const std::vector<int64_t>& source, const std::vector<int64_t>& destination);
Tensor numpy_T(const Tensor& t);   // .T: all dims reversed (a view)
Tensor matrix_T(const Tensor& t);  // .mT: the last two dims swapped (a view); needs ndim >= 2
// Copies: t tiled `repeats` times along each dim (len(repeats) >= ndim; extra leading dims are new).
Tensor repeat(const Tensor& t, const Shape& repeats);
Tensor tile(const Tensor& t, const Shape& dims);  // repeat with `dims` left-padded by 1s to ndim
Tensor flip(const Tensor& t, const std::vector<int64_t>& dims);  // a copy with the order of `dims` reversed

// Resolves a single -1 in `shape` for a tensor of numel elements; throws ValueError naming op.
Shape infer_shape(const Shape& shape, int64_t numel, const char* op);
// Strides that view t with `shape` without copying, if any exist.
bool compute_view_strides(const Tensor& t, const Shape& shape, Shape& out_strides);
// A view of t with the given geometry (shares storage; marks the view/base link for autograd).
// View ops build on it and then record their backward rule.
Tensor make_view(const Tensor& t, const Shape& sizes, const Shape& strides, int64_t offset);

}  // namespace rustorch
