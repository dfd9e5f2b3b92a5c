// Functional layers without weights of their own: padding, dropout, embedding lookup, resizing
// (nearest / linear interpolation) and one-hot encoding.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "rustorch/core/tensor.hpp"

namespace rustorch::nn {

// pad lists (left, right) pairs starting from the last dim; negative values crop. mode:
// "constant" (any number of dims), "reflect", "replicate", "circular" (last 1-3 dims).
Tensor pad(const Tensor& input, const std::vector<int64_t>& pad, const std::string& mode, double value);

// Zeroes elements with probability p and scales the rest by 1/(1-p) (training only). The mask
// comes from the default generator and does not depend on the thread count.
Tensor dropout(const Tensor& input, double p, bool training, bool inplace = false);
// Channel dropout: zeroes whole feature maps. feature_dims = 1, 2 or 3 (dropout1d/2d/3d).
Tensor feature_dropout(const Tensor& input, double p, bool training, int64_t feature_dims, bool inplace = false);

// Rows of weight (num_embeddings, dim) at the int64 indices `input` (any shape). The padding_idx
// row gets no gradient. max_norm renormalises the looked-up rows of weight in place.
Tensor embedding(const Tensor& input, const Tensor& weight, std::optional<int64_t> padding_idx,
                 std::optional<double> max_norm, double norm_type, bool scale_grad_by_freq, bool sparse);

// Resizes the spatial dims of (N, C, *spatial) with mode "nearest", "nearest-exact", "linear",
// "bilinear", "trilinear" or "area". Exactly one of size / scale_factor is given (one value per
// spatial dim, or one for all).
Tensor interpolate(const Tensor& input, const std::vector<int64_t>& size, const std::vector<double>& scale_factor,
                   const std::string& mode, std::optional<bool> align_corners,
                   std::optional<bool> recompute_scale_factor);

// int64 one-hot encoding with a trailing dim of num_classes (inferred as max + 1 when -1).
Tensor one_hot(const Tensor& input, int64_t num_classes);

}  // namespace rustorch::nn
