#include "rustorch/ops/factory.hpp"

#include <cstring>

#include "rustorch/ops/copy.hpp"
#include "rustorch/ops/registry.hpp"

namespace rustorch {

RT_REGISTER_OP("empty", false);
RT_REGISTER_OP("zeros", false);
RT_REGISTER_OP("ones", false);
RT_REGISTER_OP("full", false);

Tensor empty(const Shape& shape, DType dtype) { return Tensor::empty(shape, dtype); }

Tensor zeros(const Shape& shape, DType dtype) {
  Tensor t = Tensor::empty(shape, dtype);
  std::memset(t.raw_data(), 0, static_cast<size_t>(t.numel()) * itemsize(dtype));
  return t;
}

Tensor ones(const Shape& shape, DType dtype) { return full(shape, Scalar(int64_t(1)), dtype); }

Tensor full(const Shape& shape, const Scalar& value, DType dtype) {
  Tensor t = Tensor::empty(shape, dtype);
  fill_(t, value);
  return t;
}

Tensor scalar_tensor(const Scalar& value, DType dtype) { return full({}, value, dtype); }

}  // namespace rustorch
