// The single-process backend: a group of one, where every collective is the identity (or a copy
// from input to output). Lets DDP code and its tests run without MPI.
#include <cstring>

#include "rustorch/distrib/communicator.hpp"

namespace rustorch::distrib {

namespace {

WorkPtr completed(const char* name) {
  auto w = std::make_shared<Work>();
  w->set_name(name);
  w->mark_completed();
  return w;
}

void copy_bytes(const Tensor& dst, const Tensor& src) {
  const size_t n = static_cast<size_t>(src.numel()) * itemsize(src.dtype());
  if (n && dst.raw_data() != src.raw_data()) std::memmove(dst.raw_data(), src.raw_data(), n);
}

class LocalCommunicator final : public Communicator {
 public:
  using Communicator::Communicator;
  int rank() const override { return 0; }
  int size() const override { return 1; }
  std::string backend() const override { return "local"; }

 protected:
  // SUM, MAX, MIN and AVG over one rank leave the tensor as it is.
  WorkPtr run_all_reduce(const Tensor&, ReduceOp) override { return completed("all_reduce"); }
  WorkPtr run_broadcast(const Tensor&, int) override { return completed("broadcast"); }
  WorkPtr run_all_gather(const Tensor& output, const Tensor& input) override {
    copy_bytes(output, input);
    return completed("all_gather");
  }
  WorkPtr run_reduce_scatter(const Tensor& output, const Tensor& input, ReduceOp) override {
    copy_bytes(output, input);
    return completed("reduce_scatter");
  }
  WorkPtr run_barrier() override { return completed("barrier"); }
};

}  // namespace

std::shared_ptr<Communicator> make_local_communicator(Timeout timeout) {
  return std::make_shared<LocalCommunicator>(timeout);
}

}  // namespace rustorch::distrib
