#include "rustorch/core/device.hpp"

#include "rustorch/core/error.hpp"

namespace rustorch {

Device parse_device(const std::string& s) {
  if (s == "cpu" || s == "cpu:0") return Device{};
  RT_THROW(ValueError, "device: unsupported device '", s, "' (this build of rustorch supports 'cpu')");
}

}  // namespace rustorch
