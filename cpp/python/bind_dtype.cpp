// rt.dtype objects (rt.float32, ...) and conversions between Python values and dtypes / scalars / shapes.
#include <array>

#include "bind_common.hpp"
#include "rustorch/core/error.hpp"

namespace rustorch::python {

namespace {

struct PyDType {
  DType dtype;
};

std::array<py::object, kNumDTypes>& dtype_objects() {
  static auto* objs = new std::array<py::object, kNumDTypes>();
  return *objs;
}

}  // namespace

py::object dtype_object(DType d) { return dtype_objects()[static_cast<size_t>(d)]; }

std::optional<DType> dtype_from_python(py::handle h) {
  if (py::isinstance<PyDType>(h)) return h.cast<PyDType&>().dtype;
  if (py::isinstance<py::str>(h)) return dtype_from_name(h.cast<std::string>());
  if (h.ptr() == reinterpret_cast<PyObject*>(&PyFloat_Type)) return DType::Float64;
  if (h.ptr() == reinterpret_cast<PyObject*>(&PyLong_Type)) return DType::Int64;
  if (h.ptr() == reinterpret_cast<PyObject*>(&PyBool_Type)) return DType::Bool;
  if (h.ptr() == reinterpret_cast<PyObject*>(&PyComplex_Type)) return DType::Complex128;
  // NumPy dtypes and scalar types (np.float32, np.dtype('int64'), ...).
  if (py::hasattr(h, "dtype") || py::isinstance<py::dtype>(h)) {
    try {
      py::dtype dt = py::dtype::from_args(py::reinterpret_borrow<py::object>(h));
      const char kind = dt.kind();
      if (kind == 'b') return DType::Bool;
      if (kind == 'i' || kind == 'u') return DType::Int64;
      if (kind == 'f') return dt.itemsize() == 8 ? DType::Float64 : DType::Float32;
      if (kind == 'c') return dt.itemsize() >= 16 ? DType::Complex128 : DType::Complex64;
    } catch (py::error_already_set&) {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::optional<Scalar> scalar_from_python(py::handle h) {
  PyObject* o = h.ptr();
  if (PyBool_Check(o)) return Scalar(o == Py_True);
  if (PyLong_Check(o)) {
    int overflow = 0;
    const long long v = PyLong_AsLongLongAndOverflow(o, &overflow);
    RT_CHECK(!overflow, ValueError, "value ", py::str(h).cast<std::string>(), " is out of range for int64");
    return Scalar(static_cast<int64_t>(v));
  }
  if (PyFloat_Check(o)) return Scalar(PyFloat_AS_DOUBLE(o));
  if (PyComplex_Check(o)) return Scalar(std::complex<double>(PyComplex_RealAsDouble(o), PyComplex_ImagAsDouble(o)));
  // NumPy scalars (np.float32(1), np.int64(2), np.bool_(True)).
  if (py::isinstance<py::array>(h) ? false : py::hasattr(h, "dtype") && py::hasattr(h, "item") &&
                                                  !py::hasattr(h, "__len__")) {
    py::object item = h.attr("item")();
    if (PyBool_Check(item.ptr()) || PyLong_Check(item.ptr()) || PyFloat_Check(item.ptr()) || PyComplex_Check(item.ptr()))
      return scalar_from_python(item);
  }
  return std::nullopt;
}

py::tuple shape_to_python(const Shape& s) {
  py::tuple t(s.size());
  for (size_t i = 0; i < s.size(); ++i) t[i] = py::int_(s[i]);
  return t;
}

namespace {
int64_t index_from_python(py::handle h, const char* op) {
  if (PyLong_Check(h.ptr()) && !PyBool_Check(h.ptr())) return h.cast<int64_t>();
  if (py::hasattr(h, "__index__") && !PyBool_Check(h.ptr())) return py::int_(h.attr("__index__")()).cast<int64_t>();
  RT_THROW(TypeError, op, ": expected an integer, got ", py::str(py::type::of(h).attr("__name__")).cast<std::string>());
}
}  // namespace

Shape shape_from_python(py::handle h, const char* op) {
  if (PyLong_Check(h.ptr()) || (py::hasattr(h, "__index__") && !py::isinstance<py::sequence>(h)))
    return {index_from_python(h, op)};
  RT_CHECK(py::isinstance<py::sequence>(h) && !py::isinstance<py::str>(h), TypeError, op,
           ": expected a shape (a sequence of ints), got ", py::str(py::type::of(h).attr("__name__")).cast<std::string>());
  Shape s;
  for (py::object item : py::reinterpret_borrow<py::sequence>(h)) s.push_back(index_from_python(item, op));
  return s;
}

Shape shape_from_args(const py::args& args, const char* op) {
  if (args.size() == 1 && !PyLong_Check(args[0].ptr())) return shape_from_python(args[0], op);
  Shape s;
  for (py::handle item : args) s.push_back(index_from_python(item, op));
  return s;
}

std::vector<int64_t> dims_from_python(py::handle h, const char* op) { return shape_from_python(h, op); }

void bind_dtype(py::module_& m) {
  py::class_<PyDType>(m, "dtype",
                      R"doc(The element type of a tensor (rt.float32, rt.float64, rt.int64, rt.bool, rt.complex64,
rt.complex128).

The dtype objects are module attributes (``rt.float32``; aliases ``rt.float``, ``rt.double``, ``rt.long``,
``rt.cfloat``, ``rt.cdouble``); the class is not called directly.

Example:
    >>> rt.float32
    rustorch.float32
    >>> rt.zeros(2, dtype=rt.int64).dtype
    rustorch.int64
    >>> rt.float64.is_floating_point, rt.float64.itemsize
    (True, 8)
)doc")
      .def_property_readonly("is_floating_point", [](const PyDType& d) { return is_floating(d.dtype); },
                             "True for float32 and float64.")
      .def_property_readonly("is_complex", [](const PyDType& d) { return is_complex(d.dtype); },
                             "True for complex64 and complex128.")
      .def("to_real", [](const PyDType& d) { return real_of(d.dtype); }, "The dtype of a complex dtype's parts.")
      .def("to_complex", [](const PyDType& d) {
             RT_CHECK(is_floating(d.dtype) || is_complex(d.dtype), TypeError, "to_complex: expected a floating dtype, got ",
                      dtype_name(d.dtype));
             return complex_of(d.dtype);
           }, "The complex dtype with this floating dtype's precision.")
      .def_property_readonly("itemsize", [](const PyDType& d) { return itemsize(d.dtype); }, "Bytes per element.")
      .def_property_readonly("name", [](const PyDType& d) { return std::string(dtype_name(d.dtype)); },
                             "The dtype's name, e.g. 'float32'.")
      .def("__repr__", [](const PyDType& d) { return std::string("rustorch.") + dtype_name(d.dtype); })
      .def("__reduce__", [](const PyDType& d) {
        return py::make_tuple(py::module_::import("rustorch").attr("_dtype_from_name"),
                              py::make_tuple(std::string(dtype_name(d.dtype))));
      });
  for (DType d : {DType::Bool, DType::Int64, DType::Float32, DType::Float64, DType::Complex64, DType::Complex128}) {
    py::object obj = py::cast(PyDType{d});
    dtype_objects()[static_cast<size_t>(d)] = obj;
    m.attr(dtype_name(d)) = obj;
  }
  m.attr("float") = dtype_object(DType::Float32);
  m.attr("double") = dtype_object(DType::Float64);
  m.attr("long") = dtype_object(DType::Int64);
  m.attr("cfloat") = dtype_object(DType::Complex64);
  m.attr("cdouble") = dtype_object(DType::Complex128);
  m.def("_dtype_from_name", [](const std::string& n) { return dtype_from_name(n); });
  m.def("get_default_dtype", [] { return default_float_dtype(); },
        R"doc(The default floating dtype (float32 unless changed).

It is the dtype of tensors made from Python floats and of ``rt.zeros``, ``rt.rand``, ... without ``dtype=``.

Returns:
    dtype: ``rt.float32`` or ``rt.float64``.

Example:
    >>> rt.get_default_dtype()
    rustorch.float32
    >>> rt.tensor([1.5]).dtype
    rustorch.float32
)doc");
  m.def("set_default_dtype", [](DType d) { set_default_float_dtype(d); }, py::arg("d"),
        R"doc(Sets the default floating dtype used for Python floats (float32 or float64).

It also applies to factories such as ``rt.zeros`` and ``rt.rand`` called without ``dtype=``.

Args:
    d (dtype): ``rt.float32`` or ``rt.float64``.

Example:
    >>> rt.set_default_dtype(rt.float64)
    >>> rt.tensor([1.5]).dtype
    rustorch.float64
    >>> rt.set_default_dtype(rt.float32)
    >>> rt.get_default_dtype()
    rustorch.float32
)doc");
  m.def("promote_types", &promote_types, py::arg("type1"), py::arg("type2"),
        R"doc(The smallest dtype both type1 and type2 can be cast to.

The order is bool < int64 < float32 < float64, with complex64 / complex128 above the floats.

Args:
    type1 (dtype): the first dtype.
    type2 (dtype): the second dtype.

Returns:
    dtype: the promoted dtype.

Example:
    >>> rt.promote_types(rt.int64, rt.float32)
    rustorch.float32
    >>> rt.promote_types(rt.bool, rt.int64)
    rustorch.int64
    >>> rt.promote_types(rt.float64, rt.complex64)
    rustorch.complex128
)doc");
}

}  // namespace rustorch::python
