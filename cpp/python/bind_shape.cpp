// Python bindings of view and shape ops.
#include "bind_common.hpp"
#include "rustorch/ops/shape.hpp"

namespace rustorch::python {

void bind_shape(py::module_& m, PyTensorClass& cls) {
  cls.def("view", [](const Tensor& t, py::args shape) {
         if (shape.size() == 1) {
           if (auto d = dtype_from_python(shape[0]); d && !PyLong_Check(shape[0].ptr()))
             RT_THROW(TypeError, "view(dtype) is not supported; use .to(dtype)");
         }
         return view(t, shape_from_args(shape, "view"));
       })
      .def("reshape", [](const Tensor& t, py::args shape) { return reshape(t, shape_from_args(shape, "reshape")); })
      .def("expand", [](const Tensor& t, py::args shape) { return expand(t, shape_from_args(shape, "expand")); })
      .def("expand_as", [](const Tensor& t, const Tensor& other) { return expand(t, other.shape()); }, py::arg("other"))
      .def("view_as", [](const Tensor& t, const Tensor& other) { return view(t, other.shape()); }, py::arg("other"))
      .def("reshape_as", [](const Tensor& t, const Tensor& other) { return reshape(t, other.shape()); }, py::arg("other"))
      .def("transpose", &transpose, py::arg("dim0"), py::arg("dim1"))
      .def("permute", [](const Tensor& t, py::args dims) { return permute(t, shape_from_args(dims, "permute")); })
      .def("unsqueeze", &unsqueeze, py::arg("dim"))
      .def("squeeze", [](const Tensor& t, py::object dim) {
             return squeeze(t, dim.is_none() ? std::vector<int64_t>{} : dims_from_python(dim, "squeeze"));
           }, py::arg("dim") = py::none());
  m.def("reshape", [](const Tensor& t, py::handle shape) { return reshape(t, shape_from_python(shape, "reshape")); },
        py::arg("input"), py::arg("shape"));
  m.def("transpose", &transpose, py::arg("input"), py::arg("dim0"), py::arg("dim1"));
  m.def("permute", [](const Tensor& t, py::handle dims) { return permute(t, shape_from_python(dims, "permute")); },
        py::arg("input"), py::arg("dims"));
  m.def("unsqueeze", &unsqueeze, py::arg("input"), py::arg("dim"));
  m.def("squeeze", [](const Tensor& t, py::object dim) {
          return squeeze(t, dim.is_none() ? std::vector<int64_t>{} : dims_from_python(dim, "squeeze"));
        }, py::arg("input"), py::arg("dim") = py::none());
}

}  // namespace rustorch::python
