// Python bindings of indexing, joining and selection ops.
#include "bind_common.hpp"

namespace rustorch::python {

void bind_index(py::module_& m, PyTensorClass& cls) {}

}  // namespace rustorch::python
