// Where a tensor's memory lives. Only the CPU exists today; the field keeps room for CUDA.
#pragma once
#include <string>

namespace rustorch {

struct Device {
  enum class Type : uint8_t { CPU = 0 };
  Type type = Type::CPU;
  int index = -1;
  std::string str() const { return "cpu"; }
  bool operator==(const Device& o) const { return type == o.type && index == o.index; }
};

Device parse_device(const std::string& s);  // "cpu" / "cpu:0"; throws ValueError otherwise

}  // namespace rustorch
