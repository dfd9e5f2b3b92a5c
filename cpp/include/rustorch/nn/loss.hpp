// Fused loss kernels that are hot in training: cross entropy (log-softmax + gather in one pass,
// backward softmax - target in one pass), negative log likelihood, and binary cross entropy with
// logits. reduction is "none", "mean" or "sum".
#pragma once
#include <string>

#include "rustorch/core/tensor.hpp"

namespace rustorch::nn {

// input (N, C, *) or (C,); target: int64 class indices (N, *) / () or class probabilities of the
// input's shape. weight (C,) rescales classes. Targets equal to ignore_index contribute nothing.
Tensor cross_entropy(const Tensor& input, const Tensor& target, const Tensor& weight, int64_t ignore_index,
                     const std::string& reduction, double label_smoothing);

// input holds log-probabilities (N, C, *) or (C,); target int64 class indices (N, *) or ().
Tensor nll_loss(const Tensor& input, const Tensor& target, const Tensor& weight, int64_t ignore_index,
                const std::string& reduction);

// Elementwise -[p t log s(x) + (1 - t) log(1 - s(x))] * weight, computed stably from logits.
// target has the input's shape; weight and pos_weight broadcast to it.
Tensor binary_cross_entropy_with_logits(const Tensor& input, const Tensor& target, const Tensor& weight,
                                        const Tensor& pos_weight, const std::string& reduction);

}  // namespace rustorch::nn
