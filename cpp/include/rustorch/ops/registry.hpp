// The op registry: every public op registers its name and whether it is differentiable, so tests
// can check that each differentiable op has a gradient test.
#pragma once
#include <string>
#include <vector>

namespace rustorch {

struct OpInfo {
  std::string name;
  bool differentiable;
};

const std::vector<OpInfo>& registered_ops();
bool register_op(const char* name, bool differentiable);

}  // namespace rustorch

#define RT_OP_CONCAT_(a, b) a##b
#define RT_OP_CONCAT(a, b) RT_OP_CONCAT_(a, b)
// RT_REGISTER_OP("add", true); at namespace scope in the op's .cpp file.
#define RT_REGISTER_OP(name, differentiable) \
  static const bool RT_OP_CONCAT(rt_op_registered_, __COUNTER__) = ::rustorch::register_op(name, differentiable)
