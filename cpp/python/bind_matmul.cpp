// Python bindings of matrix products.
#include "bind_common.hpp"

namespace rustorch::python {

void bind_matmul(py::module_& m, PyTensorClass& cls) {}

}  // namespace rustorch::python
