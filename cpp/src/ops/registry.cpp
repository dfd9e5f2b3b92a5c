#include "rustorch/ops/registry.hpp"

namespace rustorch {

namespace {
std::vector<OpInfo>& ops() {
  static std::vector<OpInfo>* v = new std::vector<OpInfo>();
  return *v;
}
}  // namespace

const std::vector<OpInfo>& registered_ops() { return ops(); }

bool register_op(const char* name, bool differentiable) {
  for (auto& op : ops())
    if (op.name == name) return true;
  ops().push_back(OpInfo{name, differentiable});
  return true;
}

}  // namespace rustorch
