// Pooling over 1-3 spatial dims: max (with indices), average, adaptive average and adaptive max.
// Fused C++ kernels; each backward is the adjoint kernel (differentiable again, so second order
// gradients work).
#pragma once
#include <optional>
#include <utility>
#include <vector>

#include "rustorch/core/tensor.hpp"

namespace rustorch::nn {

// input (N, C, *spatial) or unbatched (C, *spatial). stride empty: the kernel size. Returns the
// output and int64 indices (flat positions within each input plane, like PyTorch).
std::pair<Tensor, Tensor> max_pool_nd(const Tensor& input, const std::vector<int64_t>& kernel_size,
                                      const std::vector<int64_t>& stride, const std::vector<int64_t>& padding,
                                      const std::vector<int64_t>& dilation, bool ceil_mode, int64_t dims);

Tensor avg_pool_nd(const Tensor& input, const std::vector<int64_t>& kernel_size, const std::vector<int64_t>& stride,
                   const std::vector<int64_t>& padding, bool ceil_mode, bool count_include_pad,
                   std::optional<int64_t> divisor_override, int64_t dims);

// output_size entries of -1 keep the input's size along that dim.
Tensor adaptive_avg_pool_nd(const Tensor& input, const std::vector<int64_t>& output_size, int64_t dims);
std::pair<Tensor, Tensor> adaptive_max_pool_nd(const Tensor& input, const std::vector<int64_t>& output_size,
                                               int64_t dims);

}  // namespace rustorch::nn
