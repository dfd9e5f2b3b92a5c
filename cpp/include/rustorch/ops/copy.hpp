// Copies and casts: to(dtype), contiguous, clone, copy_, fill_, zero_.
#pragma once
#include "rustorch/core/scalar.hpp"
#include "rustorch/core/tensor.hpp"

namespace rustorch {

Tensor to_dtype(const Tensor& t, DType dtype);  // differentiable; returns t itself when the dtype matches
Tensor contiguous(const Tensor& t);             // differentiable; returns t itself when contiguous
Tensor clone(const Tensor& t);                  // differentiable; always a new contiguous tensor
const Tensor& copy_(const Tensor& dst, const Tensor& src);  // src broadcast to dst and cast; differentiable
const Tensor& fill_(const Tensor& t, const Scalar& value);
const Tensor& zero_(const Tensor& t);

// Kernel helper (no autograd): a contiguous tensor of `dtype` with t's values (t itself if it is one).
Tensor contiguous_as(const Tensor& t, DType dtype);
// Kernel helper (no autograd): copies src (broadcast, any dtype) into dst.
void copy_kernel(const Tensor& dst, const Tensor& src);

}  // namespace rustorch
