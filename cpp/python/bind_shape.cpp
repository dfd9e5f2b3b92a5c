// Python bindings of view and shape ops.
#include "bind_common.hpp"
#include "rustorch/ops/shape.hpp"

namespace rustorch::python {

namespace {
std::vector<int64_t> optional_dims(py::object dim, const char* op) {
  return dim.is_none() ? std::vector<int64_t>{} : dims_from_python(dim, op);
}
// f(0, 1), f((0, 1)) or f(dims=(0, 1)).
Shape dims_arg(const py::args& args, const py::kwargs& kw, const char* op) {
  if (kw.contains("dims")) {
    RT_CHECK(args.size() == 0 && kw.size() == 1, TypeError, op, ": expected dims either positionally or as dims=");
    return shape_from_python(kw["dims"], op);
  }
  RT_CHECK(kw.size() == 0, TypeError, op, ": unexpected keyword argument");
  return shape_from_args(args, op);
}
}  // namespace

void bind_shape(py::module_& m, PyTensorClass& cls) {
  cls.def("view", [](const Tensor& t, py::args shape) {
         if (shape.size() == 1) {
           if (auto d = dtype_from_python(shape[0]); d && !PyLong_Check(shape[0].ptr()))
             RT_THROW(TypeError, "view(dtype) is not supported; use .to(dtype)");
         }
         return view(t, shape_from_args(shape, "view"));
       }, "A view with another shape (one dim may be -1); fails when the strides do not allow it.")
      .def("reshape", [](const Tensor& t, py::args shape) { return reshape(t, shape_from_args(shape, "reshape")); },
           "The tensor with another shape: a view when the strides allow it, else a copy.")
      .def("expand", [](const Tensor& t, py::args shape) { return expand(t, shape_from_args(shape, "expand")); },
           "A broadcast view with size-1 dims expanded (-1 keeps a size).")
      .def("expand_as", [](const Tensor& t, const Tensor& other) { return expand(t, other.shape()); }, py::arg("other"),
           "A broadcast view with other's shape.")
      .def("view_as", [](const Tensor& t, const Tensor& other) { return view(t, other.shape()); }, py::arg("other"),
           "A view with other's shape (the strides must allow it).")
      .def("reshape_as", [](const Tensor& t, const Tensor& other) { return reshape(t, other.shape()); }, py::arg("other"),
           "The tensor with other's shape: a view when possible, else a copy.")
      .def("transpose", &transpose, py::arg("dim0"), py::arg("dim1"), "A view with dims dim0 and dim1 swapped.")
      .def("swapaxes", &transpose, py::arg("axis0"), py::arg("axis1"), "Alias of transpose.")
      .def("swapdims", &transpose, py::arg("dim0"), py::arg("dim1"), "Alias of transpose.")
      .def("t", [](const Tensor& t) {
             RT_CHECK(t.dim() <= 2, ValueError, "t: expects a tensor with <= 2 dimensions, but self is ", t.dim(), "D");
             return t.dim() < 2 ? view(t, t.shape()) : transpose(t, 0, 1);
           }, "The transpose of a matrix (a view); 0-d and 1-d tensors are returned as they are.")
      .def_property_readonly("T", [](const Tensor& t) { return numpy_T(t); }, "A view with all dims reversed.")
      .def_property_readonly("mT", [](const Tensor& t) { return matrix_T(t); },
                             "A view with the last two dims swapped (batched matrix transpose).")
      .def("permute", [](const Tensor& t, py::args dims) { return permute(t, shape_from_args(dims, "permute")); },
           "A view with the dims reordered.")
      .def("movedim", [](const Tensor& t, py::handle source, py::handle destination) {
             return movedim(t, dims_from_python(source, "movedim"), dims_from_python(destination, "movedim"));
           }, py::arg("source"), py::arg("destination"), "A view with dims `source` moved to `destination`.")
      .def("moveaxis", [](const Tensor& t, py::handle source, py::handle destination) {
             return movedim(t, dims_from_python(source, "moveaxis"), dims_from_python(destination, "moveaxis"));
           }, py::arg("source"), py::arg("destination"), "Alias of movedim.")
      .def("unsqueeze", &unsqueeze, py::arg("dim"), "A view with a size-1 dim inserted at dim.")
      .def("squeeze", [](const Tensor& t, py::object dim) { return squeeze(t, optional_dims(dim, "squeeze")); },
           py::arg("dim") = py::none(), "A view without size-1 dims (all, or those in dim).")
      .def("flatten", &flatten, py::arg("start_dim") = 0, py::arg("end_dim") = -1,
           "Merges dims start_dim..end_dim into one (a view when possible).")
      .def("unflatten", [](const Tensor& t, int64_t dim, py::handle sizes) {
             return unflatten(t, dim, shape_from_python(sizes, "unflatten"));
           }, py::arg("dim"), py::arg("sizes"), "Splits dim into the given sizes (a view).")
      .def("repeat", [](const Tensor& t, py::args sizes) { return repeat(t, shape_from_args(sizes, "repeat")); },
           "A copy tiled the given number of times along each dim.")
      .def("tile", [](const Tensor& t, py::args dims, py::kwargs kw) { return tile(t, dims_arg(dims, kw, "tile")); },
           "Like repeat, with fewer reps than dims allowed (left-padded with 1s).")
      .def("flip", [](const Tensor& t, py::args dims, py::kwargs kw) { return flip(t, dims_arg(dims, kw, "flip")); },
           "A copy with the order of elements along dims reversed.");

  m.def("reshape", [](const Tensor& t, py::handle shape) { return reshape(t, shape_from_python(shape, "reshape")); },
        py::arg("input"), py::arg("shape"), "input with another shape: a view when possible, else a copy.");
  m.def("transpose", &transpose, py::arg("input"), py::arg("dim0"), py::arg("dim1"), "A view with two dims swapped.");
  m.def("swapaxes", &transpose, py::arg("input"), py::arg("axis0"), py::arg("axis1"), "Alias of transpose.");
  m.def("swapdims", &transpose, py::arg("input"), py::arg("dim0"), py::arg("dim1"), "Alias of transpose.");
  m.def("t", [](const Tensor& t) {
          RT_CHECK(t.dim() <= 2, ValueError, "t: expects a tensor with <= 2 dimensions, but self is ", t.dim(), "D");
          return t.dim() < 2 ? view(t, t.shape()) : transpose(t, 0, 1);
        }, py::arg("input"), "The transpose of a matrix (a view).");
  m.def("permute", [](const Tensor& t, py::handle dims) { return permute(t, shape_from_python(dims, "permute")); },
        py::arg("input"), py::arg("dims"), "A view with the dims reordered.");
  m.def("movedim", [](const Tensor& t, py::handle source, py::handle destination) {
          return movedim(t, dims_from_python(source, "movedim"), dims_from_python(destination, "movedim"));
        }, py::arg("input"), py::arg("source"), py::arg("destination"), "A view with dims moved.");
  m.def("moveaxis", [](const Tensor& t, py::handle source, py::handle destination) {
          return movedim(t, dims_from_python(source, "moveaxis"), dims_from_python(destination, "moveaxis"));
        }, py::arg("input"), py::arg("source"), py::arg("destination"), "Alias of movedim.");
  m.def("unsqueeze", &unsqueeze, py::arg("input"), py::arg("dim"), "A view with a size-1 dim inserted.");
  m.def("squeeze", [](const Tensor& t, py::object dim) { return squeeze(t, optional_dims(dim, "squeeze")); },
        py::arg("input"), py::arg("dim") = py::none(), "A view without size-1 dims.");
  m.def("flatten", &flatten, py::arg("input"), py::arg("start_dim") = 0, py::arg("end_dim") = -1,
        "Merges dims start_dim..end_dim into one (a view when possible).");
  m.def("unflatten", [](const Tensor& t, int64_t dim, py::handle sizes) {
          return unflatten(t, dim, shape_from_python(sizes, "unflatten"));
        }, py::arg("input"), py::arg("dim"), py::arg("sizes"), "Splits dim into the given sizes (a view).");
  m.def("tile", [](const Tensor& t, py::handle dims) { return tile(t, shape_from_python(dims, "tile")); },
        py::arg("input"), py::arg("dims"), "input tiled along each dim (a copy).");
  m.def("flip", [](const Tensor& t, py::handle dims) { return flip(t, dims_from_python(dims, "flip")); },
        py::arg("input"), py::arg("dims"), "A copy with the order of elements along dims reversed.");
}

}  // namespace rustorch::python
