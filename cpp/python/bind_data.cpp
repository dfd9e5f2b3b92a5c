// Python bindings of data-loading fast paths.
#include "bind_common.hpp"

namespace rustorch::python {

void bind_data(py::module_& m) {}

}  // namespace rustorch::python
