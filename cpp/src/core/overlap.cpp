#include "rustorch/core/overlap.hpp"

#include "rustorch/core/error.hpp"

namespace rustorch {

void check_no_internal_overlap(const Tensor& t, const char* op) {
  for (int64_t d = 0; d < t.dim(); ++d)
    RT_CHECK(!(t.shape()[d] > 1 && t.strides()[d] == 0), Error, op,
             ": unsupported operation: more than one element of the written-to tensor refers to a single memory "
             "location (shape ", shape_str(t.shape()), ", strides ", shape_str(t.strides()),
             ", e.g. from expand()); clone() the tensor before the in-place operation");
}

}  // namespace rustorch
