// Python bindings of fused optimizer update kernels.
#include "bind_common.hpp"

namespace rustorch::python {

void bind_optim(py::module_& m) {}

}  // namespace rustorch::python
