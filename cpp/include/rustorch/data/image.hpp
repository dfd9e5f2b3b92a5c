// Image conversions for data pipelines: uint8 images to normalized float CHW tensors (ToTensor +
// Normalize in one pass, for one image or a whole dataset), and stacking samples into a batch.
#pragma once
#include <cstdint>
#include <vector>

#include "rustorch/core/tensor.hpp"

namespace rustorch::data {

// uint8 pixels laid out as `shape` — (H, W) or (H, W, C), or with a leading N when `batched` —
// to a float tensor (C, H, W) or (N, C, H, W) holding (x / 255 - mean[c]) / std[c]. mean/std
// hold one value, or one per channel. Runs on the engine's thread pool when `parallel`.
Tensor u8_images_to_float(const uint8_t* src, const Shape& shape, bool batched, const std::vector<double>& mean,
                          const std::vector<double>& std, DType dtype, bool parallel);

// (x - mean[c]) / std[c] over the channel dim (-3) of a floating tensor (..., C, H, W), computed in
// its dtype; a new contiguous tensor (Normalize).
Tensor normalize_channels(const Tensor& x, const std::vector<double>& mean, const std::vector<double>& std);

// Stacks same-shape tensors into a new (n, *shape) tensor of their promoted dtype (collate).
Tensor stack_samples(const TensorList& samples);

}  // namespace rustorch::data
