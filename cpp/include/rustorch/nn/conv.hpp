// Convolutions and transposed convolutions (1-3 spatial dims) on im2col/vol2col + GEMM, batched
// over samples on the engine's threads. Differentiable to any order: the backward of each of the
// three primitives (convolution, its input gradient = transposed convolution, its weight
// gradient) is written with the other two.
#pragma once
#include <string>
#include <vector>

#include "rustorch/core/tensor.hpp"

namespace rustorch::nn {

// Geometry shared by a convolution and its gradients: per spatial dim stride, padding, dilation.
struct ConvParams {
  int64_t dims = 2;  // spatial dims: 1, 2 or 3
  std::vector<int64_t> stride, padding, dilation;
  int64_t groups = 1;
};

// input (N, C_in, *spatial) or unbatched (C_in, *spatial); weight (C_out, C_in/groups, *kernel);
// bias (C_out,) or undefined. stride/padding/dilation hold 1 or `dims` values.
Tensor conv1d(const Tensor& input, const Tensor& weight, const Tensor& bias, const std::vector<int64_t>& stride,
              const std::vector<int64_t>& padding, const std::vector<int64_t>& dilation, int64_t groups);
Tensor conv2d(const Tensor& input, const Tensor& weight, const Tensor& bias, const std::vector<int64_t>& stride,
              const std::vector<int64_t>& padding, const std::vector<int64_t>& dilation, int64_t groups);
Tensor conv3d(const Tensor& input, const Tensor& weight, const Tensor& bias, const std::vector<int64_t>& stride,
              const std::vector<int64_t>& padding, const std::vector<int64_t>& dilation, int64_t groups);
// padding given as "same" or "valid" (PyTorch's string forms).
Tensor conv_nd(const Tensor& input, const Tensor& weight, const Tensor& bias, const std::vector<int64_t>& stride,
               const std::string& padding, const std::vector<int64_t>& dilation, int64_t groups, int64_t dims);
// Explicit integer padding, any of 1-3 spatial dims.
Tensor conv_nd(const Tensor& input, const Tensor& weight, const Tensor& bias, const std::vector<int64_t>& stride,
               const std::vector<int64_t>& padding, const std::vector<int64_t>& dilation, int64_t groups, int64_t dims);

// input (N, C_in, *spatial) or unbatched; weight (C_in, C_out/groups, *kernel).
Tensor conv_transpose_nd(const Tensor& input, const Tensor& weight, const Tensor& bias,
                         const std::vector<int64_t>& stride, const std::vector<int64_t>& padding,
                         const std::vector<int64_t>& output_padding, int64_t groups,
                         const std::vector<int64_t>& dilation, int64_t dims);
Tensor conv_transpose1d(const Tensor& input, const Tensor& weight, const Tensor& bias,
                        const std::vector<int64_t>& stride, const std::vector<int64_t>& padding,
                        const std::vector<int64_t>& output_padding, int64_t groups, const std::vector<int64_t>& dilation);
Tensor conv_transpose2d(const Tensor& input, const Tensor& weight, const Tensor& bias,
                        const std::vector<int64_t>& stride, const std::vector<int64_t>& padding,
                        const std::vector<int64_t>& output_padding, int64_t groups, const std::vector<int64_t>& dilation);
Tensor conv_transpose3d(const Tensor& input, const Tensor& weight, const Tensor& bias,
                        const std::vector<int64_t>& stride, const std::vector<int64_t>& padding,
                        const std::vector<int64_t>& output_padding, int64_t groups, const std::vector<int64_t>& dilation);

// The three differentiable primitives (batched inputs only, arguments already checked):
// y = conv(x, w) + bias;
Tensor convolution(const Tensor& x, const Tensor& w, const Tensor& bias, const ConvParams& p, const char* op);
// x_grad = conv_input_grad(gy, w) with x's shape `input_shape` (+ bias: a transposed convolution);
Tensor convolution_input_grad(const Tensor& gy, const Tensor& w, const Tensor& bias, const ConvParams& p,
                              const Shape& input_shape, const char* op);
// w_grad = conv_weight_grad(x, gy) with the weight's shape `weight_shape`.
Tensor convolution_weight_grad(const Tensor& x, const Tensor& gy, const ConvParams& p, const Shape& weight_shape,
                               const char* op);

}  // namespace rustorch::nn
