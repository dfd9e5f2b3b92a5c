// Python bindings of reductions.
#include "bind_common.hpp"
#include "rustorch/ops/reduce.hpp"

namespace rustorch::python {

void bind_reduce(py::module_& m, PyTensorClass& cls) {
  auto sum_fn = [](const Tensor& t, py::object dim, bool keepdim, std::optional<DType> dtype) {
    return sum(t, dim.is_none() ? std::vector<int64_t>{} : dims_from_python(dim, "sum"), keepdim, dtype);
  };
  cls.def("sum", sum_fn, py::arg("dim") = py::none(), py::arg("keepdim") = false, py::kw_only(), py::arg("dtype") = py::none());
  m.def("sum", sum_fn, py::arg("input"), py::arg("dim") = py::none(), py::arg("keepdim") = false, py::kw_only(),
        py::arg("dtype") = py::none());
}

}  // namespace rustorch::python
