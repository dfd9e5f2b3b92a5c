// Normalization layers as fused kernels with closed-form backward kernels: batch norm (with
// running statistics), layer norm, group norm and instance norm. Under create_graph the backward
// is written with differentiable tensor ops instead, so second derivatives work.
#pragma once
#include <vector>

#include "rustorch/core/tensor.hpp"

namespace rustorch::nn {

// input (N, C, *). In training, normalizes with the batch statistics and updates running_mean /
// running_var in place (unbiased variance, like PyTorch); otherwise uses the running statistics.
// weight and bias may be undefined; so may running_mean/var in training (evaluation needs them).
Tensor batch_norm(const Tensor& input, const Tensor& running_mean, const Tensor& running_var, const Tensor& weight,
                  const Tensor& bias, bool training, double momentum, double eps);

// Normalizes over the trailing dims given by normalized_shape; weight/bias have that shape.
Tensor layer_norm(const Tensor& input, const std::vector<int64_t>& normalized_shape, const Tensor& weight,
                  const Tensor& bias, double eps);

// input (N, C, *): normalizes each of num_groups channel groups per sample; weight/bias (C,).
Tensor group_norm(const Tensor& input, int64_t num_groups, const Tensor& weight, const Tensor& bias, double eps);

// input (N, C, *): normalizes each (sample, channel) plane. With use_input_stats, running stats
// (if given) are updated with the batch mean of the instance statistics; without, they are used.
Tensor instance_norm(const Tensor& input, const Tensor& running_mean, const Tensor& running_var, const Tensor& weight,
                     const Tensor& bias, bool use_input_stats, double momentum, double eps);

}  // namespace rustorch::nn
