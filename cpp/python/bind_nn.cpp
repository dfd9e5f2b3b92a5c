// Python bindings of neural-network functional kernels (rt._C._nn).
#include "bind_common.hpp"

namespace rustorch::python {

void bind_nn(py::module_& m) {}

}  // namespace rustorch::python
