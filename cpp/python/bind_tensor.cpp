// The Tensor class: construction from Python data, attributes, NumPy interop (shared memory),
// conversions to Python values, and casts.
#include <algorithm>
#include <cstring>

#include "bind_common.hpp"
#include "rustorch/autograd/grad_mode.hpp"
#include "rustorch/ops/copy.hpp"
#include "rustorch/ops/factory.hpp"

namespace rustorch::python {

namespace {

const char* type_name(py::handle h) {
  static thread_local std::string name;
  name = py::str(py::type::of(h).attr("__name__")).cast<std::string>();
  return name.c_str();
}

bool is_tensor(py::handle h) { return py::isinstance<TensorImpl>(h); }

// ---- NumPy -----------------------------------------------------------------------------------

std::optional<DType> numpy_copy_dtype(const py::dtype& dt) {
  switch (dt.kind()) {
    case 'b': return DType::Bool;
    case 'i':
    case 'u': return DType::Int64;
    case 'f': return dt.itemsize() == 8 ? DType::Float64 : DType::Float32;
    case 'c': return dt.itemsize() >= 16 ? DType::Complex128 : DType::Complex64;
    default: return std::nullopt;
  }
}

py::dtype numpy_dtype(DType d) {
  switch (d) {
    case DType::Bool: return py::dtype("bool");
    case DType::Int64: return py::dtype("int64");
    case DType::Float32: return py::dtype("float32");
    case DType::Float64: break;
    case DType::Complex64: return py::dtype("complex64");
    case DType::Complex128: return py::dtype("complex128");
  }
  return py::dtype("float64");
}

Tensor tensor_from_array(const py::array& arr, std::optional<DType> dtype) {
  auto src = numpy_copy_dtype(arr.dtype());
  RT_CHECK(src, TypeError, "tensor: can't convert a NumPy array of dtype ", py::str(arr.dtype()).cast<std::string>(),
           "; supported kinds are bool, integer, floating and complex");
  const DType target = dtype ? *dtype : *src;
  RT_CHECK(!is_complex(*src) || is_complex(target) || target == DType::Bool, TypeError,
           "tensor: can't convert a NumPy array of dtype ", py::str(arr.dtype()).cast<std::string>(), " to ",
           dtype_name(target), " (the imaginary parts would be lost)");
  // np.asarray(order="C") keeps 0-d arrays 0-d (ascontiguousarray would make them 1-d).
  py::array c = py::module_::import("numpy").attr("asarray")(arr, numpy_dtype(target), "C");
  Shape shape(c.shape(), c.shape() + c.ndim());
  Tensor t = Tensor::empty(shape, target);
  std::memcpy(t.raw_data(), c.data(), static_cast<size_t>(t.numel()) * itemsize(target));
  return t;
}

// ---- Nested Python sequences -------------------------------------------------------------------

struct NestedData {
  Shape shape;
  std::vector<double> floats;
  std::vector<int64_t> ints;
  std::vector<uint8_t> is_float;  // per element: the value is a float (else ints holds it exactly)
  std::vector<double> imags;      // per element: the imaginary part (0 for real values)
  std::optional<DType> dtype;     // inferred like torch: the promotion of every element's dtype
};

// A NumPy scalar (np.float64(1), np.int32(2), np.bool_(True)): not an array, not a Tensor, has a dtype.
bool is_numpy_scalar(py::handle h) {
  return !is_tensor(h) && !py::isinstance<py::array>(h) && py::hasattr(h, "dtype") && py::hasattr(h, "item") &&
         !py::hasattr(h, "__len__");
}

void infer_shape(py::handle h, NestedData& nd) {
  while (true) {
    if (is_tensor(h)) {
      Tensor t = h.cast<Tensor>();
      nd.shape.insert(nd.shape.end(), t.shape().begin(), t.shape().end());
      return;
    }
    if (py::isinstance<py::array>(h)) {
      py::array a = py::reinterpret_borrow<py::array>(h);
      nd.shape.insert(nd.shape.end(), a.shape(), a.shape() + a.ndim());
      return;
    }
    if (!(PyList_Check(h.ptr()) || PyTuple_Check(h.ptr()))) return;
    py::sequence seq = py::reinterpret_borrow<py::sequence>(h);
    nd.shape.push_back(static_cast<int64_t>(seq.size()));
    if (seq.size() == 0) return;
    h = seq[0];
  }
}

// `elem_dtype`: the dtype of the tensor/array the value came from (it decides the inferred dtype
// instead of the Python type of the value).
void push_scalar(const Scalar& s, std::optional<DType> elem_dtype, NestedData& nd) {
  const DType d = elem_dtype ? *elem_dtype : s.default_dtype();
  nd.dtype = nd.dtype ? promote_types(*nd.dtype, d) : d;
  const bool inexact = s.kind() == TypeKind::Floating || s.kind() == TypeKind::Complex;
  nd.floats.push_back(s.to_complex().real());
  nd.imags.push_back(s.to_complex().imag());
  nd.ints.push_back(inexact ? 0 : s.to_int());
  nd.is_float.push_back(inexact);
}

void fill_nested(py::handle h, size_t depth, NestedData& nd, std::optional<DType> elem_dtype) {
  if (depth == nd.shape.size()) {
    py::object value = py::reinterpret_borrow<py::object>(h);
    if (is_tensor(h)) {
      Tensor t = h.cast<Tensor>();
      RT_CHECK(t.dim() == 0, ValueError, "tensor: only one element tensors can be converted to Python scalars");
      elem_dtype = t.dtype();
      value = py::cast(t).attr("item")();
    } else if (py::isinstance<py::array>(h) || is_numpy_scalar(h)) {
      elem_dtype = numpy_copy_dtype(py::reinterpret_borrow<py::object>(h).attr("dtype").cast<py::dtype>());
      RT_CHECK(elem_dtype, TypeError, "tensor: can't convert an element of NumPy dtype ",
               py::str(h.attr("dtype")).cast<std::string>());
      value = value.attr("item")();
    }
    auto s = scalar_from_python(value);
    RT_CHECK(s, TypeError, "tensor: could not convert an element of type '", type_name(value), "' to a number");
    push_scalar(*s, elem_dtype, nd);
    return;
  }
  py::object obj = py::reinterpret_borrow<py::object>(h);
  if (is_tensor(h)) {
    elem_dtype = h.cast<Tensor>().dtype();
    obj = obj.attr("tolist")();
  } else if (py::isinstance<py::array>(h)) {
    elem_dtype = numpy_copy_dtype(py::reinterpret_borrow<py::array>(h).dtype());
    RT_CHECK(elem_dtype, TypeError, "tensor: can't convert a NumPy array of dtype ",
             py::str(h.attr("dtype")).cast<std::string>());
    obj = obj.attr("tolist")();
  }
  RT_CHECK(PyList_Check(obj.ptr()) || PyTuple_Check(obj.ptr()), ValueError,
           "tensor: expected a sequence at dim ", depth, " but got '", type_name(obj), "' (ragged nested sequence?)");
  py::sequence seq = py::reinterpret_borrow<py::sequence>(obj);
  RT_CHECK(static_cast<int64_t>(seq.size()) == nd.shape[depth], ValueError, "tensor: expected sequence of length ",
           nd.shape[depth], " at dim ", depth, " (got ", seq.size(), "; ragged nested sequence?)");
  for (py::handle item : seq) fill_nested(item, depth + 1, nd, elem_dtype);
}

template <class T> void write_nested(const NestedData& nd, T* out) {
  for (size_t i = 0; i < nd.floats.size(); ++i) {
    if constexpr (is_complex_v<T>) {
      using R = typename T::value_type;
      out[i] = T(nd.is_float[i] ? static_cast<R>(nd.floats[i]) : static_cast<R>(nd.ints[i]), static_cast<R>(nd.imags[i]));
    } else if constexpr (std::is_same_v<T, bool>) out[i] = nd.floats[i] != 0.0 || nd.imags[i] != 0.0;
    else if constexpr (std::is_integral_v<T>) out[i] = nd.is_float[i] ? static_cast<T>(nd.floats[i]) : nd.ints[i];
    else out[i] = nd.is_float[i] ? static_cast<T>(nd.floats[i]) : static_cast<T>(nd.ints[i]);
  }
}

// ---- Python values out ----------------------------------------------------------------------

py::object element_to_python(const char* p, DType d) {
  switch (d) {
    case DType::Bool: return py::bool_(*reinterpret_cast<const bool*>(p));
    case DType::Int64: return py::int_(*reinterpret_cast<const int64_t*>(p));
    case DType::Float32: return py::float_(*reinterpret_cast<const float*>(p));
    case DType::Float64: break;
    case DType::Complex64: {
      const auto* z = reinterpret_cast<const float*>(p);
      return py::reinterpret_steal<py::object>(PyComplex_FromDoubles(z[0], z[1]));
    }
    case DType::Complex128: {
      const auto* z = reinterpret_cast<const double*>(p);
      return py::reinterpret_steal<py::object>(PyComplex_FromDoubles(z[0], z[1]));
    }
  }
  return py::float_(*reinterpret_cast<const double*>(p));
}

py::object to_list(const Tensor& t, int64_t dim, const char* p) {
  if (dim == t.dim()) return element_to_python(p, t.dtype());
  const int64_t n = t.shape()[dim];
  py::list out(n);
  const int64_t step = t.strides()[dim] * static_cast<int64_t>(itemsize(t.dtype()));
  for (int64_t i = 0; i < n; ++i) out[i] = to_list(t, dim + 1, p + i * step);
  return std::move(out);
}

Scalar item(const Tensor& t) {
  RT_CHECK(t.numel() == 1, Error, "item: a Tensor with ", t.numel(), " elements cannot be converted to Scalar");
  const char* p = static_cast<const char*>(t.raw_data());
  switch (t.dtype()) {
    case DType::Bool: return Scalar(*reinterpret_cast<const bool*>(p));
    case DType::Int64: return Scalar(*reinterpret_cast<const int64_t*>(p));
    case DType::Float32: return Scalar(static_cast<double>(*reinterpret_cast<const float*>(p)));
    case DType::Float64: break;
    case DType::Complex64: {
      const auto z = *reinterpret_cast<const std::complex<float>*>(p);
      return Scalar(std::complex<double>(z.real(), z.imag()));
    }
    case DType::Complex128: return Scalar(*reinterpret_cast<const std::complex<double>*>(p));
  }
  return Scalar(*reinterpret_cast<const double*>(p));
}

py::array to_numpy(const Tensor& t, py::handle owner) {
  RT_CHECK(!(t.requires_grad() && autograd::GradMode::is_enabled()), Error,
           "numpy: can't call numpy() on a Tensor that requires grad. Use tensor.detach().numpy() instead.");
  std::vector<py::ssize_t> shape(t.shape().begin(), t.shape().end()), strides;
  for (int64_t s : t.strides()) strides.push_back(s * static_cast<py::ssize_t>(itemsize(t.dtype())));
  return py::array(numpy_dtype(t.dtype()), shape, strides, t.raw_data(), owner);
}

}  // namespace

Tensor tensor_from_python(py::handle data, std::optional<DType> dtype) {
  if (is_tensor(data)) {
    Tensor src = data.cast<Tensor>();
    return clone(to_dtype(src.detach(), dtype.value_or(src.dtype()))).detach();
  }
  if (py::isinstance<py::array>(data)) return tensor_from_array(py::reinterpret_borrow<py::array>(data), dtype);
  if (is_numpy_scalar(data)) {  // keeps its dtype, like a 0-d array
    py::array a = py::module_::import("numpy").attr("asarray")(data);
    return tensor_from_array(a, dtype);
  }
  if (auto s = scalar_from_python(data)) return full({}, *s, dtype.value_or(s->default_dtype()));
  RT_CHECK(PyList_Check(data.ptr()) || PyTuple_Check(data.ptr()), TypeError,
           "tensor: could not infer dtype of ", type_name(data),
           " (expected a number, a nested list/tuple of numbers, a NumPy array or a Tensor)");
  NestedData nd;
  infer_shape(data, nd);
  fill_nested(data, 0, nd, std::nullopt);
  const DType target = dtype ? *dtype : nd.dtype.value_or(default_float_dtype());
  Tensor t = Tensor::empty(nd.shape, target);
  const bool has_imag = std::any_of(nd.imags.begin(), nd.imags.end(), [](double v) { return v != 0.0; });
  RT_CHECK(!has_imag || is_complex(target) || target == DType::Bool, TypeError, "tensor: can't store complex values in a ",
           dtype_name(target), " tensor (the imaginary parts would be lost)");
  dispatch_all_dtypes(target, [&](auto tag) { write_nested(nd, t.data<typename decltype(tag)::type>()); });
  return t;
}

Tensor operand_tensor(py::handle h, const char* op) {
  if (is_tensor(h)) return h.cast<Tensor>();
  if (py::isinstance<py::array>(h) || PyList_Check(h.ptr()) || PyTuple_Check(h.ptr()))
    return tensor_from_python(h, std::nullopt);
  RT_THROW(TypeError, op, ": unsupported operand type '", type_name(h), "'");
}

Tensor from_numpy(py::handle obj) {
  RT_CHECK(py::isinstance<py::array>(obj), TypeError, "from_numpy: expected np.ndarray (got ", type_name(obj), ")");
  const py::array arr = py::reinterpret_borrow<py::array>(obj);
  const py::dtype dt = arr.dtype();
  DType d;
  if (dt.kind() == 'b') d = DType::Bool;
  else if (dt.kind() == 'i' && dt.itemsize() == 8) d = DType::Int64;
  else if (dt.kind() == 'f' && dt.itemsize() == 4) d = DType::Float32;
  else if (dt.kind() == 'f' && dt.itemsize() == 8) d = DType::Float64;
  else if (dt.kind() == 'c' && dt.itemsize() == 8) d = DType::Complex64;
  else if (dt.kind() == 'c' && dt.itemsize() == 16) d = DType::Complex128;
  else
    RT_THROW(TypeError, "from_numpy: can't convert np.ndarray of type ", py::str(dt).cast<std::string>(),
             ". The only supported types are: complex128, complex64, float64, float32, int64 and bool.");
  const py::ssize_t isz = dt.itemsize();
  Shape shape, strides;
  int64_t extent = 1;
  for (py::ssize_t i = 0; i < arr.ndim(); ++i) {
    RT_CHECK(arr.strides(i) >= 0, ValueError,
             "from_numpy: at least one stride in the given numpy array is negative; copy the array first "
             "(np.ascontiguousarray)");
    RT_CHECK(arr.strides(i) % isz == 0, ValueError,
             "from_numpy: given numpy array strides not a multiple of the element byte size");
    shape.push_back(arr.shape(i));
    strides.push_back(arr.strides(i) / isz);
    if (arr.shape(i) == 0) extent = 0;
  }
  if (extent != 0)
    for (size_t i = 0; i < shape.size(); ++i) extent += (shape[i] - 1) * strides[i];
  auto* keep = new py::object(arr);
  std::shared_ptr<void> owner(keep, [](void* p) {
    if (!Py_IsInitialized()) return;  // interpreter gone: leak rather than crash
    py::gil_scoped_acquire gil;
    delete static_cast<py::object*>(p);
  });
  auto storage = Storage::borrow(const_cast<void*>(arr.data()), static_cast<size_t>(extent) * isz, owner);
  return Tensor(std::make_shared<TensorImpl>(storage, shape, strides, 0, d));
}

PyTensorClass bind_tensor(py::module_& m) {
  py::class_<Device>(m, "device", R"doc(A device where tensors live; this build has 'cpu'.

Args:
    type (str): the device name: ``'cpu'`` or ``'cpu:0'`` (anything else raises ValueError).

Example:
    >>> d = rt.device('cpu')
    >>> d.type, str(d)
    ('cpu', 'cpu')
    >>> rt.zeros(2).device == d
    True
)doc")
      .def(py::init([](const std::string& s) { return parse_device(s); }), py::arg("type"),
           "device(type): a device from its name, e.g. rt.device('cpu').")
      .def_property_readonly("type", [](const Device&) { return std::string("cpu"); }, "The device type: 'cpu'.")
      .def_property_readonly("index", [](const Device& d) -> py::object { if (d.index < 0) return py::none(); return py::int_(d.index); },
                             "The device index, or None when not given.")
      .def("__str__", &Device::str)
      .def("__repr__", [](const Device& d) { return "device(type='" + d.str() + "')"; })
      .def("__eq__", [](const Device& d, py::object o) {
        if (py::isinstance<py::str>(o)) return o.cast<std::string>() == d.str() || o.cast<std::string>() == "cpu:0";
        return py::isinstance<Device>(o) && o.cast<Device>() == d;
      })
      .def("__hash__", [](const Device& d) { return py::hash(py::str(d.str())); });

  PyTensorClass cls(m, "Tensor", py::buffer_protocol(), R"doc(A multi-dimensional array with autograd support.

Tensors are usually made with ``rt.tensor``, ``rt.zeros``, ``rt.arange``, ... . Calling the class
directly, as ``torch.Tensor`` does, copies data as the default float dtype, makes an uninitialised tensor
of the given sizes, or an empty one with no arguments.

Args:
    *args: nothing (an empty 1-D tensor), ints (the sizes of an uninitialised tensor of the default float
        dtype), one data argument (a number, nested lists/tuples or a NumPy array) copied as the default
        float dtype, or one tensor, returned detached (sharing its memory and keeping its dtype).

Example:
    >>> x = rt.Tensor([1, 2])
    >>> x.dtype, x.tolist()
    (rustorch.float32, [1.0, 2.0])
    >>> rt.Tensor(2, 3).shape
    (2, 3)
    >>> x = rt.tensor([[1., 2.], [3., 4.]])
    >>> x.sum(dim=0).tolist()
    [4.0, 6.0]
    >>> x.T
    tensor([[1., 3.],
            [2., 4.]])
)doc");
  // Tensor(data) copies data as the default float dtype; Tensor(2, 3) is uninitialised of that
  // shape; Tensor() is empty (like torch.Tensor).
  cls.def(py::init([](py::args args) {
            if (args.size() == 1 && is_tensor(args[0])) return args[0].cast<Tensor>().detach().impl();
            bool sizes = true;
            for (py::handle a : args) sizes &= PyLong_Check(a.ptr()) && !PyBool_Check(a.ptr());
            if (sizes)
              return Tensor::empty(args.size() ? shape_from_args(args, "Tensor") : Shape{0}, default_float_dtype())
                  .impl();
            RT_CHECK(args.size() == 1, TypeError, "Tensor: expected sizes (ints) or one data argument, got ",
                     args.size(), " arguments");
            return tensor_from_python(args[0], default_float_dtype()).impl();
          }))
      .def_buffer([](TensorImpl& impl) {
        std::vector<py::ssize_t> shape(impl.sizes().begin(), impl.sizes().end()), strides;
        const auto isz = static_cast<py::ssize_t>(itemsize(impl.dtype()));
        for (int64_t s : impl.strides()) strides.push_back(s * isz);
        std::string fmt = impl.dtype() == DType::Bool         ? "?"
                          : impl.dtype() == DType::Int64      ? py::format_descriptor<int64_t>::format()
                          : impl.dtype() == DType::Float32    ? "f"
                          : impl.dtype() == DType::Complex64  ? "Zf"
                          : impl.dtype() == DType::Complex128 ? "Zd"
                                                              : "d";
        char* data = static_cast<char*>(impl.storage()->data()) + impl.offset() * isz;
        return py::buffer_info(data, isz, fmt, static_cast<py::ssize_t>(shape.size()), shape, strides);
      })
      .def_property_readonly("shape", [](const Tensor& t) { return shape_to_python(t.shape()); }, "The size of each dim (a tuple subclass, like torch.Size).")
      .def_property_readonly("dtype", [](const Tensor& t) { return t.dtype(); }, "The element type (rt.float32, rt.float64, rt.int64, rt.bool).")
      .def_property_readonly("ndim", [](const Tensor& t) { return t.dim(); }, "The number of dims (alias of dim()).")
      .def_property_readonly("device", [](const Tensor& t) { return t.device(); }, "The device the tensor lives on (always cpu in this build).")
      .def_property_readonly("is_cuda", [](const Tensor&) { return false; }, "False: this build has no CUDA backend.")
      .def_property_readonly("itemsize", [](const Tensor& t) { return itemsize(t.dtype()); }, "Bytes per element.")
      .def_property_readonly("nbytes", [](const Tensor& t) { return t.numel() * static_cast<int64_t>(itemsize(t.dtype())); },
                             "Bytes of the elements (numel() * itemsize), not of the whole storage.")
      .def("size", [](const Tensor& t, std::optional<int64_t> dim) -> py::object {
             if (dim) return py::int_(t.size(*dim));
             return shape_to_python(t.shape());
           }, py::arg("dim") = py::none(), "The shape as a tuple, or the size of one dim.")
      .def("stride", [](const Tensor& t, std::optional<int64_t> dim) -> py::object {
             if (dim) return py::int_(t.stride(*dim));
             return shape_to_python(t.strides());
           }, py::arg("dim") = py::none(), "The strides (in elements) as a tuple, or the stride of one dim.")
      .def("dim", [](const Tensor& t) { return t.dim(); }, "The number of dims.")
      .def("numel", [](const Tensor& t) { return t.numel(); }, "The number of elements.")
      .def("nelement", [](const Tensor& t) { return t.numel(); }, "The number of elements (alias of numel()).")
      .def("element_size", [](const Tensor& t) { return itemsize(t.dtype()); }, "Bytes per element.")
      .def("storage_offset", [](const Tensor& t) { return t.offset(); }, "The offset of the first element in the storage, in elements.")
      .def("data_ptr", [](const Tensor& t) { return reinterpret_cast<uintptr_t>(t.raw_data()); }, "The address of the first element.")
      .def("is_contiguous", [](const Tensor& t) { return t.is_contiguous(); }, "True if the elements are laid out row-major without gaps.")
      .def("is_floating_point", [](const Tensor& t) { return is_floating(t.dtype()); }, "True for float32 and float64 tensors.")
      .def("is_complex", [](const Tensor& t) { return is_complex(t.dtype()); }, "True for complex64 and complex128 tensors.")
      .def("numpy", [](py::object self) { return to_numpy(self.cast<Tensor>(), self); },
           "A NumPy array sharing this tensor's memory.")
      .def("__array__", [](py::object self, py::object dtype, py::object copy) -> py::object {
             py::array a = to_numpy(self.cast<Tensor>(), self);
             if (!dtype.is_none()) return a.attr("astype")(dtype);
             if (!copy.is_none() && copy.cast<bool>()) return a.attr("copy")();
             return std::move(a);
           }, py::arg("dtype") = py::none(), py::arg("copy") = py::none())
      .def("tolist", [](const Tensor& t) { return to_list(t, 0, static_cast<const char*>(t.raw_data())); },
           "The elements as nested Python lists (a number for a 0-d tensor).")
      .def("item", [](const Tensor& t) { return item(t); }, "The value of a one-element tensor as a Python number.")
      .def("__len__", [](const Tensor& t) {
        RT_CHECK(t.dim() > 0, TypeError, "len() of a 0-d tensor");
        return t.shape()[0];
      })
      .def("__bool__", [](const Tensor& t) {
        RT_CHECK(t.numel() == 1, Error, "Boolean value of Tensor with ", t.numel() == 0 ? "no values" : "more than one value",
                 " is ambiguous");
        return item(t).to_bool();
      })
      .def("__float__", [](const Tensor& t) { return item(t).to_double(); })
      .def("__complex__", [](const Tensor& t) {
        const std::complex<double> z = item(t).to_complex();
        return py::reinterpret_steal<py::object>(PyComplex_FromDoubles(z.real(), z.imag()));
      })
      .def("__int__", [](const Tensor& t) { return item(t).to<int64_t>(); })
      .def("__index__", [](const Tensor& t) {
        RT_CHECK(is_integral(t.dtype(), false) && t.numel() == 1, TypeError,
                 "only integer tensors of a single element can be converted to an index");
        return item(t).to_int();
      })
      .def("__hash__", [](py::object self) { return reinterpret_cast<intptr_t>(self.ptr()); })
      .def("to", [](const Tensor& t, py::object target, py::kwargs kwargs) -> Tensor {
             std::optional<DType> dtype;
             if (kwargs.contains("dtype")) dtype = kwargs["dtype"].cast<DType>();
             if (!target.is_none()) {
               const bool device_str = py::isinstance<py::str>(target) && [&] {
                 const std::string str = target.cast<std::string>();
                 return str.rfind("cpu", 0) == 0 || str.rfind("cuda", 0) == 0 || str.rfind("mps", 0) == 0;
               }();
               if (is_tensor(target)) dtype = target.cast<Tensor>().dtype();
               else if (device_str) parse_device(py::str(target));
               else if (auto d = dtype_from_python(target)) dtype = d;
               else if (py::isinstance<py::str>(target) || py::isinstance<Device>(target)) parse_device(py::str(target));
               else RT_THROW(TypeError, "to: expected a dtype, a device or a tensor, got ", type_name(target));
             }
             if (kwargs.contains("device")) parse_device(py::str(kwargs["device"]));
             bool copy = kwargs.contains("copy") && kwargs["copy"].cast<bool>();
             Tensor out = dtype ? to_dtype(t, *dtype) : t;
             return copy && out.is_same(t) ? clone(t) : out;
           }, py::arg("target") = py::none(), "Returns the tensor with the given dtype (itself when unchanged).")
      .def("float", [](const Tensor& t) { return to_dtype(t, DType::Float32); }, "The tensor as float32 (itself when it already is).")
      .def("double", [](const Tensor& t) { return to_dtype(t, DType::Float64); }, "The tensor as float64 (itself when it already is).")
      .def("long", [](const Tensor& t) { return to_dtype(t, DType::Int64); }, "The tensor as int64 (itself when it already is).")
      .def("bool", [](const Tensor& t) { return to_dtype(t, DType::Bool); }, "The tensor as bool (itself when it already is).")
      .def("cpu", [](const Tensor& t) { return t; }, "The tensor itself: it already lives on the CPU.")
      .def("type", [](const Tensor& t, py::object dtype) -> py::object {
             if (dtype.is_none()) return py::str(std::string("rustorch.") + dtype_name(t.dtype()));
             return py::cast(to_dtype(t, dtype.cast<DType>()));
           }, py::arg("dtype") = py::none(),
           "With no argument the type name (e.g. 'rustorch.float32'); with a dtype, the converted tensor.")
      .def("contiguous", &contiguous, "The tensor itself if contiguous, else a row-major copy.")
      .def("clone", &clone, "A copy with its own storage (differentiable: gradients flow back to the original).")
      .def("copy_", [](const Tensor& self, py::handle src) {
             return copy_(self, is_tensor(src) ? src.cast<Tensor>() : tensor_from_python(src, self.dtype()));
           }, py::arg("src"), "Copies src (broadcast, type-converted) into this tensor in place and returns it.")
      .def("fill_", [](const Tensor& self, py::handle v) {
             if (is_tensor(v)) {
               Tensor t = v.cast<Tensor>();
               RT_CHECK(t.dim() == 0, ValueError, "fill_: only supports 0-dimension value tensor but got tensor with ", t.dim(), " dimensions");
               return fill_(self, item(t));
             }
             auto s = scalar_from_python(v);
             RT_CHECK(s, TypeError, "fill_: expected a number, got ", type_name(v));
             return fill_(self, *s);
           }, py::arg("value"), "Fills the tensor with value (a number or a 0-d tensor) in place and returns it.")
      .def("zero_", &zero_, "Fills the tensor with zeros in place and returns it.");

  m.def("tensor", [](py::handle data, std::optional<DType> dtype, py::handle device, bool requires_grad) {
          if (!device.is_none()) parse_device(py::str(device));
          Tensor t = tensor_from_python(data, dtype);
          if (requires_grad) t.set_requires_grad(true);
          return t;
        }, py::arg("data"), py::kw_only(), py::arg("dtype") = py::none(), py::arg("device") = py::none(),
        py::arg("requires_grad") = false,
        R"doc(Creates a new tensor (a copy) from a number, nested lists/tuples, a NumPy array or a tensor.

Args:
    data: a number, nested lists/tuples of numbers, a NumPy array or a tensor.
    dtype (dtype, optional): the element type; when None it is inferred from ``data``: ``rt.bool`` for
        bools, ``rt.int64`` for ints, the default float dtype for Python floats, a complex dtype for complex
        numbers, and the dtype of a tensor or NumPy array (NumPy integer types other than int64, e.g. int32,
        become int64).
    device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. Default: None (cpu).
    requires_grad (bool): whether autograd records operations on the result. Default: False.

Returns:
    Tensor: a new tensor that shares no memory with ``data``.

Example:
    >>> rt.tensor([[1, 2], [3, 4]])
    tensor([[1, 2],
            [3, 4]])
    >>> rt.tensor([1.5, 2.0]).dtype
    rustorch.float32
    >>> rt.tensor([1, 2], dtype=rt.float64).dtype
    rustorch.float64
    >>> x = rt.tensor([1., 2.], requires_grad=True)
    >>> x.requires_grad
    True
)doc");
  m.def("from_numpy", &from_numpy, py::arg("ndarray"), R"doc(A tensor sharing memory with a NumPy array.

Writes to either are seen by the other; the tensor keeps the array alive. The dtype is the array's.

Args:
    ndarray (numpy.ndarray): the array, of dtype float32, float64, int64, bool, complex64 or complex128
        (others raise TypeError).

Returns:
    Tensor: a tensor viewing the array's memory.

Example:
    >>> a = np.array([1., 2., 3.])
    >>> x = rt.from_numpy(a)
    >>> x.dtype, x.tolist()
    (rustorch.float64, [1.0, 2.0, 3.0])
    >>> a[0] = 10.
    >>> x.tolist()
    [10.0, 2.0, 3.0]
)doc");
  m.def("is_tensor", [](py::handle h) { return is_tensor(h); }, py::arg("obj"), R"doc(True if obj is an rt.Tensor.

Args:
    obj: any object.

Returns:
    bool: whether ``obj`` is a tensor.

Example:
    >>> rt.is_tensor(rt.zeros(2))
    True
    >>> rt.is_tensor([0., 0.])
    False
)doc");
  return cls;
}

}  // namespace rustorch::python
