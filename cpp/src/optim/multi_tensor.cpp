#include "rustorch/optim/multi_tensor.hpp"

#include "rustorch/ops/copy.hpp"

namespace rustorch::optim {

void check_list_size(const char* op, const char* what, size_t got, size_t n) {
  RT_CHECK(got == n, ValueError, op, ": expected ", n, " ", what, " (one per parameter), got ", got);
}

MultiTensor::MultiTensor(const char* op, size_t slots, size_t arity) : op_(op), arity_(arity), slots_(slots) {
  for (Slot& s : slots_) {
    s.work.resize(arity);
    s.orig.resize(arity);
    s.written.assign(arity, false);
  }
}

void MultiTensor::set(size_t i, size_t k, const Tensor& t, bool written) {
  Slot& s = slots_[i];
  RT_CHECK(t.defined(), ValueError, op_, ": operand ", k, " of parameter ", i, " is missing");
  if (k == 0) {
    RT_CHECK(is_floating(t.dtype()), TypeError, op_, ": parameters must be float32 or float64, got ", describe(t),
             " at index ", i);
    s.dtype = t.dtype();
    s.shape = t.shape();
    s.numel = t.numel();
  } else {
    RT_CHECK(t.shape() == s.shape, ValueError, op_, ": parameter ", i, " has shape ", shape_str(s.shape),
             " but its operand ", k, " has shape ", shape_str(t.shape()));
  }
  s.orig[k] = t;
  s.written[k] = written;
  s.work[k] = contiguous_as(t, s.dtype);
}

void MultiTensor::finish() {
  for (Slot& s : slots_) {
    for (size_t k = 0; k < arity_; ++k) {
      if (!s.written[k]) continue;
      if (!s.work[k].is_same(s.orig[k])) copy_kernel(s.orig[k], s.work[k]);
      s.orig[k].bump_version();
    }
  }
}

}  // namespace rustorch::optim
