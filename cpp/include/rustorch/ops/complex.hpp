// Complex-number ops: building complex tensors from parts, the parts as views, modulus, phase and
// conjugate. Autograd does not cover complex tensors (they can't require grad).
#pragma once
#include "rustorch/core/tensor.hpp"

namespace rustorch {

// real + i*imag, broadcast; both float32 (-> complex64) or both float64 (-> complex128).
Tensor complex(const Tensor& real, const Tensor& imag);

// The real / imaginary parts of a complex tensor as float views of its storage (writes go through,
// like torch). real() of a real tensor is the tensor itself; imag() of a real tensor is an error.
Tensor real(const Tensor& t);
Tensor imag(const Tensor& t);

// A complex tensor of shape (..., ) viewed as a float tensor of shape (..., 2), and back (the last
// dim of size 2 with stride 1 becomes the complex element).
Tensor view_as_real(const Tensor& t);
Tensor view_as_complex(const Tensor& t);

// Modulus |z| (float result) of a complex tensor; rt.abs calls it for complex inputs.
Tensor complex_abs(const Tensor& t);

// Phase arg(z) in (-pi, pi] (float result). Real inputs: 0 for x >= 0, pi for x < 0, NaN for NaN
// (integers give the default float), like torch.angle.
Tensor angle(const Tensor& t);

// Complex conjugate as a new tensor (torch returns a lazy conjugate view; rustorch copies). Real
// tensors are returned as they are.
Tensor conj(const Tensor& t);

}  // namespace rustorch
