// Memory-overlap checks for ops that write into an existing tensor.
#pragma once
#include "rustorch/core/tensor.hpp"

namespace rustorch {

// Throws (RuntimeError, naming op) when several elements of t share one memory location (a dim
// of size > 1 with stride 0, as expand() makes). An op that reads and writes t in place would then
// give a result that depends on the visiting order, so it is refused (as torch does); ops that only
// write a value (fill_, masked_fill_, index_put_) are well defined and do not call this.
void check_no_internal_overlap(const Tensor& t, const char* op);

}  // namespace rustorch
