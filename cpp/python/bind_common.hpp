// Shared pieces of the bindings: the Tensor and dtype casters, Python-number and Python-data
// conversion, and the per-area bind functions called from the module entry.
#pragma once
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "rustorch/core/scalar.hpp"
#include "rustorch/core/tensor.hpp"

namespace py = pybind11;

namespace rustorch::python {

using PyTensorClass = py::class_<TensorImpl, std::shared_ptr<TensorImpl>>;

// A docstring composed at module init (e.g. from an op table) as a pointer pybind11 may keep:
// pybind11 stores the const char* of each overload and rereads it when a later overload is added,
// so the text must outlive the module's initialisation.
inline const char* persistent_doc(std::string text) {
  static std::deque<std::string> docs;  // a deque never moves its elements
  return docs.emplace_back(std::move(text)).c_str();
}

// A Google-style docstring (the layout Sphinx's napoleon renders): the summary, then Args (one
// "name (type): description" entry per line), Returns and Example (">>>" lines and their output),
// each section body indented 4 spaces; kept alive with persistent_doc.
inline const char* op_doc(const std::string& summary, const char* args, const std::string& returns,
                          const std::string& example) {
  auto indent = [](const std::string& text) {
    std::string out = "    ";
    for (char c : text) {
      out += c;
      if (c == '\n') out += "    ";
    }
    return out;
  };
  return persistent_doc(summary + "\n\nArgs:\n" + indent(std::string(args)) + "\n\nReturns:\n" + indent(returns) +
                        "\n\nExample:\n" + indent(example));
}
inline const char* op_doc(const std::string& summary, const std::vector<std::string>& args, const std::string& returns,
                          const std::string& example) {
  std::string joined;
  for (const auto& a : args) joined += (joined.empty() ? "" : "\n") + a;
  return op_doc(summary, joined.c_str(), returns, example);
}

// The Python object for a dtype (rt.float32, ...), and the reverse lookup from dtype objects,
// strings ("float32"), Python types (float, int, bool) and NumPy dtypes.
py::object dtype_object(DType d);
std::optional<DType> dtype_from_python(py::handle h);

// A Python bool/int/float/complex (or NumPy scalar) as a Scalar; nullopt for anything else. A
// complex Scalar throws TypeError where an op reads it as a real number.
std::optional<Scalar> scalar_from_python(py::handle h);

// Builds a new tensor from Python data: Tensor, NumPy array, nested sequences, or a number.
Tensor tensor_from_python(py::handle data, std::optional<DType> dtype);

// The tensor operand of a binary op: a Tensor as is, anything else converted with
// tensor_from_python (scalars are handled by the callers' scalar overloads first).
Tensor operand_tensor(py::handle h, const char* op);

// Sizes given as f(2, 3), f((2, 3)), f([2, 3]) or f(torch.Size) — `args` holds the positional args.
Shape shape_from_args(const py::args& args, const char* op);
Shape shape_from_python(py::handle h, const char* op);
std::vector<int64_t> dims_from_python(py::handle h, const char* op);  // int or sequence of ints

py::tuple shape_to_python(const Shape& s);

void bind_dtype(py::module_& m);
PyTensorClass bind_tensor(py::module_& m);
void bind_autograd(py::module_& m, PyTensorClass& cls);
void bind_elementwise(py::module_& m, PyTensorClass& cls);
void bind_reduce(py::module_& m, PyTensorClass& cls);
void bind_shape(py::module_& m, PyTensorClass& cls);
void bind_index(py::module_& m, PyTensorClass& cls);
void bind_factory(py::module_& m, PyTensorClass& cls);
void bind_matmul(py::module_& m, PyTensorClass& cls);
void bind_runtime(py::module_& m);
void bind_nn(py::module_& m);
void bind_optim(py::module_& m);
void bind_data(py::module_& m);
void bind_linalg(py::module_& m);
void bind_io(py::module_& m);
void bind_distributed(py::module_& m);
void bind_complex(py::module_& m, PyTensorClass& cls);
void bind_rnn(py::module_& m);
// Makes every bound function and Tensor method set its name as the current op (core/op_name.hpp)
// while it runs; called last, after every area is bound.
void name_bound_ops(py::module_& m);

}  // namespace rustorch::python

namespace pybind11::detail {

// rustorch::Tensor <-> the Python Tensor object of its TensorImpl (same object for the same impl;
// an undefined Tensor becomes None).
template <> struct type_caster<rustorch::Tensor> {
  PYBIND11_TYPE_CASTER(rustorch::Tensor, const_name("Tensor"));
  bool load(handle src, bool convert) {
    make_caster<std::shared_ptr<rustorch::TensorImpl>> holder;
    if (src.is_none() || !holder.load(src, convert)) return false;
    value = rustorch::Tensor(cast_op<std::shared_ptr<rustorch::TensorImpl>>(holder));
    return true;
  }
  static handle cast(const rustorch::Tensor& t, return_value_policy, handle parent) {
    if (!t.defined()) return none().release();
    return make_caster<std::shared_ptr<rustorch::TensorImpl>>::cast(t.impl(), return_value_policy::take_ownership,
                                                                   parent);
  }
};

template <> struct type_caster<rustorch::DType> {
  PYBIND11_TYPE_CASTER(rustorch::DType, const_name("dtype"));
  bool load(handle src, bool) {
    auto d = rustorch::python::dtype_from_python(src);
    if (!d) return false;
    value = *d;
    return true;
  }
  static handle cast(rustorch::DType d, return_value_policy, handle) {
    return rustorch::python::dtype_object(d).release();
  }
};

template <> struct type_caster<rustorch::Scalar> {
  PYBIND11_TYPE_CASTER(rustorch::Scalar, const_name("Number"));
  bool load(handle src, bool) {
    auto s = rustorch::python::scalar_from_python(src);
    if (!s) return false;
    value = *s;
    return true;
  }
  static handle cast(const rustorch::Scalar& s, return_value_policy, handle) {
    switch (s.kind()) {
      case rustorch::TypeKind::Bool: return py::bool_(s.to_bool()).release();
      case rustorch::TypeKind::Integral: return py::int_(s.to_int()).release();
      case rustorch::TypeKind::Complex: {
        const std::complex<double> c = s.to_complex();
        return PyComplex_FromDoubles(c.real(), c.imag());
      }
      default: return py::float_(s.to_double()).release();
    }
  }
};

}  // namespace pybind11::detail
