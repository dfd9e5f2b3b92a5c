#include "rustorch/ops/complex.hpp"

#include <cmath>
#include <complex>

#include "rustorch/autograd/function.hpp"
#include "rustorch/ops/copy.hpp"
#include "rustorch/ops/iter.hpp"
#include "rustorch/ops/registry.hpp"

namespace rustorch {

RT_REGISTER_OP("complex", false);
RT_REGISTER_OP("real", false);
RT_REGISTER_OP("imag", false);
RT_REGISTER_OP("view_as_real", false);
RT_REGISTER_OP("view_as_complex", false);
RT_REGISTER_OP("angle", false);
RT_REGISTER_OP("conj", false);

namespace {

// A view of t's storage with another dtype and geometry (offset and strides in units of the new
// dtype), linked to t as its view base.
Tensor reinterpret_view(const Tensor& t, DType dtype, const Shape& sizes, const Shape& strides, int64_t offset) {
  Tensor out(std::make_shared<TensorImpl>(t.storage(), sizes, strides, offset, dtype));
  autograd::set_view_base(out, t);
  return out;
}

// The float view of a complex tensor's parts: part 0 is the real part, 1 the imaginary part.
Tensor part_view(const Tensor& t, int64_t part) {
  Shape strides = t.strides();
  for (int64_t& s : strides) s *= 2;
  return reinterpret_view(t, real_of(t.dtype()), t.shape(), strides, t.offset() * 2 + part);
}

void check_no_grad(const char* op, std::initializer_list<Tensor> inputs) {
  RT_CHECK(!autograd::needs_grad(inputs), TypeError, op,
           ": autograd is not supported for complex tensors (an input requires grad); detach() it first");
}

}  // namespace

Tensor complex(const Tensor& re, const Tensor& im) {
  RT_CHECK(re.dtype() == im.dtype(), TypeError, "complex: expected real and imag to have the same dtype, but got ",
           dtype_name(re.dtype()), " and ", dtype_name(im.dtype()));
  RT_CHECK(is_floating(re.dtype()), TypeError, "complex: expected both inputs to be float32 or float64, but got ",
           dtype_name(re.dtype()));
  check_no_grad("complex", {re, im});
  const Shape shape = re.shape() == im.shape() ? re.shape() : broadcast_shapes(re.shape(), im.shape(), "complex");
  Tensor out = Tensor::empty(shape, complex_of(re.dtype()));
  dispatch_floating(re.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    binary_loop<std::complex<T>, T, T>(out, re, im, [](T x, T y) { return std::complex<T>(x, y); });
  });
  return out;
}

Tensor real(const Tensor& t) { return is_complex(t.dtype()) ? part_view(t, 0) : t; }

Tensor imag(const Tensor& t) {
  RT_CHECK(is_complex(t.dtype()), TypeError, "imag: not implemented for tensors with non-complex dtypes (got ",
           dtype_name(t.dtype()), ")");
  return part_view(t, 1);
}

Tensor view_as_real(const Tensor& t) {
  RT_CHECK(is_complex(t.dtype()), TypeError, "view_as_real: only supported for complex tensors, got ",
           dtype_name(t.dtype()));
  Shape sizes = t.shape(), strides = t.strides();
  for (int64_t& s : strides) s *= 2;
  sizes.push_back(2);
  strides.push_back(1);
  return reinterpret_view(t, real_of(t.dtype()), sizes, strides, t.offset() * 2);
}

Tensor view_as_complex(const Tensor& t) {
  RT_CHECK(is_floating(t.dtype()), TypeError, "view_as_complex: only supported for float32 and float64 tensors, got ",
           dtype_name(t.dtype()));
  RT_CHECK(t.dim() >= 1 && t.shape().back() == 2, ValueError,
           "view_as_complex: tensor must have a last dimension of size 2, got shape ", shape_str(t.shape()));
  RT_CHECK(t.strides().back() == 1, ValueError, "view_as_complex: tensor must have a last dimension with stride 1, got ",
           "strides ", shape_str(t.strides()));
  Shape sizes(t.shape().begin(), t.shape().end() - 1), strides(t.strides().begin(), t.strides().end() - 1);
  for (size_t d = 0; d < strides.size(); ++d) {
    RT_CHECK(strides[d] % 2 == 0 || sizes[d] == 1, ValueError,
             "view_as_complex: tensor must have a stride divisible by 2 for all but the last dimension, got strides ",
             shape_str(t.strides()));
    strides[d] /= 2;
  }
  RT_CHECK(t.offset() % 2 == 0, ValueError, "view_as_complex: tensor must have a storage offset divisible by 2, got ",
           t.offset());
  return reinterpret_view(t, complex_of(t.dtype()), sizes, strides, t.offset() / 2);
}

Tensor complex_abs(const Tensor& t) {
  RT_CHECK(is_complex(t.dtype()), TypeError, "abs: expected a complex tensor, got ", dtype_name(t.dtype()));
  Tensor out = Tensor::empty(t.shape(), real_of(t.dtype()));
  dispatch_complex(t.dtype(), [&](auto tag) {
    using C = typename decltype(tag)::type;
    using R = typename C::value_type;
    unary_loop<R, C>(out, t, [](C z) { return std::abs(z); });  // hypot: no overflow for large parts
  });
  return out;
}

Tensor angle(const Tensor& t) {
  if (is_complex(t.dtype())) {
    Tensor out = Tensor::empty(t.shape(), real_of(t.dtype()));
    dispatch_complex(t.dtype(), [&](auto tag) {
      using C = typename decltype(tag)::type;
      using R = typename C::value_type;
      unary_loop<R, C>(out, t, [](C z) { return std::arg(z); });
    });
    return out;
  }
  const DType dtype = is_floating(t.dtype()) ? t.dtype() : default_float_dtype();
  const Tensor x = contiguous_as(t, dtype);
  Tensor out = Tensor::empty(t.shape(), dtype);
  dispatch_floating(dtype, [&](auto tag) {
    using R = typename decltype(tag)::type;
    unary_loop<R, R>(out, x, [](R v) { return std::isnan(v) ? v : v < R(0) ? R(M_PI) : R(0); });
  });
  return out;
}

Tensor conj(const Tensor& t) {
  if (!is_complex(t.dtype())) return t;
  Tensor out = Tensor::empty(t.shape(), t.dtype());
  dispatch_complex(t.dtype(), [&](auto tag) {
    using C = typename decltype(tag)::type;
    unary_loop<C, C>(out, t, [](C z) { return std::conj(z); });
  });
  return out;
}

}  // namespace rustorch
