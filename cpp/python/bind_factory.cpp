// Python bindings of tensor creation.
#include "bind_common.hpp"
#include "rustorch/core/error.hpp"
#include "rustorch/ops/factory.hpp"

namespace rustorch::python {

namespace {
void finish(Tensor& t, py::handle device, bool requires_grad) {
  if (!device.is_none()) parse_device(py::str(device));
  if (requires_grad) t.set_requires_grad(true);
}
}  // namespace

void bind_factory(py::module_& m, PyTensorClass& cls) {
  auto def_fill = [&m](const char* name, auto make, const char* doc) {
    m.def(name, [make, name](py::args size, std::optional<DType> dtype, py::handle device, bool requires_grad) {
            Tensor t = make(shape_from_args(size, name), dtype.value_or(default_float_dtype()));
            finish(t, device, requires_grad);
            return t;
          }, py::kw_only(), py::arg("dtype") = py::none(), py::arg("device") = py::none(),
          py::arg("requires_grad") = false, doc);
  };
  def_fill("zeros", [](const Shape& s, DType d) { return zeros(s, d); }, "A tensor filled with 0.");
  def_fill("ones", [](const Shape& s, DType d) { return ones(s, d); }, "A tensor filled with 1.");
  def_fill("empty", [](const Shape& s, DType d) { return empty(s, d); }, "A tensor with uninitialised contents.");
  m.def("full", [](py::handle size, const Scalar& value, std::optional<DType> dtype, py::handle device, bool requires_grad) {
          Tensor t = full(shape_from_python(size, "full"), value, dtype.value_or(value.default_dtype()));
          finish(t, device, requires_grad);
          return t;
        }, py::arg("size"), py::arg("fill_value"), py::kw_only(), py::arg("dtype") = py::none(),
        py::arg("device") = py::none(), py::arg("requires_grad") = false, "A tensor filled with fill_value.");
}

}  // namespace rustorch::python
