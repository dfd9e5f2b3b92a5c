#include "rustorch/ops/iter.hpp"

namespace rustorch {

Shape broadcast_strides(const Tensor& t, const Shape& shape) {
  const int64_t nd = static_cast<int64_t>(shape.size());
  const int64_t lead = nd - t.dim();
  RT_CHECK(lead >= 0, ValueError, "broadcast: tensor of shape ", shape_str(t.shape()), " cannot be broadcast to ",
           shape_str(shape));
  Shape st(nd, 0);
  for (int64_t i = 0; i < t.dim(); ++i) {
    const int64_t have = t.shape()[i];
    RT_CHECK(have == shape[lead + i] || have == 1, ValueError, "broadcast: tensor of shape ", shape_str(t.shape()),
             " cannot be broadcast to ", shape_str(shape));
    st[lead + i] = have == 1 ? 0 : t.strides()[i];
  }
  return st;
}

}  // namespace rustorch
