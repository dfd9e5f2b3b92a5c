// Python operators and functions for elementwise ops.
#include "bind_common.hpp"
#include "rustorch/ops/elementwise.hpp"

namespace rustorch::python {

namespace {

using TT = Tensor (*)(const Tensor&, const Tensor&);
using TS = Tensor (*)(const Tensor&, const Scalar&);

// a <op> b where b is a Tensor, a Python number, or data convertible to a tensor.
py::object binary(const Tensor& a, py::handle b, TT tt, TS ts, const char* op) {
  if (py::isinstance<TensorImpl>(b)) return py::cast(tt(a, b.cast<Tensor>()));
  if (auto s = scalar_from_python(b)) return py::cast(ts(a, *s));
  if (py::isinstance<py::array>(b) || PyList_Check(b.ptr()) || PyTuple_Check(b.ptr()))
    return py::cast(tt(a, operand_tensor(b, op)));
  return py::reinterpret_borrow<py::object>(Py_NotImplemented);
}

// b <op> a for the reflected operators, where b is not a Tensor.
py::object reflected(const Tensor& a, py::handle b, TT tt, TS ts_reflected, const char* op) {
  if (auto s = scalar_from_python(b)) return py::cast(ts_reflected(a, *s));
  if (py::isinstance<py::array>(b) || PyList_Check(b.ptr()) || PyTuple_Check(b.ptr()))
    return py::cast(tt(operand_tensor(b, op), a));
  return py::reinterpret_borrow<py::object>(Py_NotImplemented);
}

using ITT = const Tensor& (*)(const Tensor&, const Tensor&);
using ITS = const Tensor& (*)(const Tensor&, const Scalar&);

Tensor inplace(const Tensor& a, py::handle b, ITT tt, ITS ts, const char* op) {
  if (py::isinstance<TensorImpl>(b)) return tt(a, b.cast<Tensor>());
  if (auto s = scalar_from_python(b)) return ts(a, *s);
  return tt(a, operand_tensor(b, op));
}

Tensor func2(py::handle a, py::handle b, TT tt, TS ts, const char* op) {
  if (py::isinstance<TensorImpl>(a)) {
    py::object r = binary(a.cast<Tensor>(), b, tt, ts, op);
    RT_CHECK(!r.is(py::reinterpret_borrow<py::object>(Py_NotImplemented)), TypeError, op, ": unsupported argument types");
    return r.cast<Tensor>();
  }
  return tt(operand_tensor(a, op), py::isinstance<TensorImpl>(b) ? b.cast<Tensor>() : operand_tensor(b, op));
}

Tensor add_scaled(const Tensor& a, py::handle b, const Scalar& alpha, bool subtract) {
  TT tt = subtract ? static_cast<TT>(&sub) : static_cast<TT>(&add);
  TS ts = subtract ? static_cast<TS>(&sub) : static_cast<TS>(&add);
  if (alpha.to_double() == 1.0) return func2(py::cast(a), b, tt, ts, subtract ? "sub" : "add");
  Tensor other = py::isinstance<TensorImpl>(b) ? b.cast<Tensor>() : operand_tensor(b, subtract ? "sub" : "add");
  return tt(a, mul(other, alpha));
}

}  // namespace

void bind_elementwise(py::module_& m, PyTensorClass& cls) {
  TT add_tt = &add, sub_tt = &sub, mul_tt = &mul, div_tt = &div;
  TS add_ts = &add, sub_ts = &sub, mul_ts = &mul, div_ts = &div;
  ITT iadd_tt = &add_, isub_tt = &sub_, imul_tt = &mul_, idiv_tt = &div_;
  ITS iadd_ts = &add_, isub_ts = &sub_, imul_ts = &mul_, idiv_ts = &div_;

  cls.def("__add__", [=](const Tensor& a, py::handle b) { return binary(a, b, add_tt, add_ts, "add"); }, py::is_operator())
      .def("__radd__", [=](const Tensor& a, py::handle b) { return reflected(a, b, add_tt, add_ts, "add"); }, py::is_operator())
      .def("__sub__", [=](const Tensor& a, py::handle b) { return binary(a, b, sub_tt, sub_ts, "sub"); }, py::is_operator())
      .def("__rsub__", [=](const Tensor& a, py::handle b) { return reflected(a, b, sub_tt, &rsub, "sub"); }, py::is_operator())
      .def("__mul__", [=](const Tensor& a, py::handle b) { return binary(a, b, mul_tt, mul_ts, "mul"); }, py::is_operator())
      .def("__rmul__", [=](const Tensor& a, py::handle b) { return reflected(a, b, mul_tt, mul_ts, "mul"); }, py::is_operator())
      .def("__truediv__", [=](const Tensor& a, py::handle b) { return binary(a, b, div_tt, div_ts, "div"); }, py::is_operator())
      .def("__rtruediv__", [=](const Tensor& a, py::handle b) { return reflected(a, b, div_tt, &rdiv, "div"); }, py::is_operator())
      .def("__neg__", [](const Tensor& a) { return neg(a); })
      .def("__pos__", [](const Tensor& a) { return a; })
      .def("__iadd__", [=](const Tensor& a, py::handle b) { return inplace(a, b, iadd_tt, iadd_ts, "add_"); }, py::is_operator())
      .def("__isub__", [=](const Tensor& a, py::handle b) { return inplace(a, b, isub_tt, isub_ts, "sub_"); }, py::is_operator())
      .def("__imul__", [=](const Tensor& a, py::handle b) { return inplace(a, b, imul_tt, imul_ts, "mul_"); }, py::is_operator())
      .def("__itruediv__", [=](const Tensor& a, py::handle b) { return inplace(a, b, idiv_tt, idiv_ts, "div_"); }, py::is_operator())
      .def("add", [](const Tensor& a, py::handle b, const Scalar& alpha) { return add_scaled(a, b, alpha, false); },
           py::arg("other"), py::kw_only(), py::arg("alpha") = 1)
      .def("sub", [](const Tensor& a, py::handle b, const Scalar& alpha) { return add_scaled(a, b, alpha, true); },
           py::arg("other"), py::kw_only(), py::arg("alpha") = 1)
      .def("mul", [=](const Tensor& a, py::handle b) { return func2(py::cast(a), b, mul_tt, mul_ts, "mul"); }, py::arg("other"))
      .def("div", [=](const Tensor& a, py::handle b) { return func2(py::cast(a), b, div_tt, div_ts, "div"); }, py::arg("other"))
      .def("neg", [](const Tensor& a) { return neg(a); })
      .def("add_", [=](const Tensor& a, py::handle b, const Scalar& alpha) {
             if (alpha.to_double() == 1.0) return inplace(a, b, iadd_tt, iadd_ts, "add_");
             Tensor other = py::isinstance<TensorImpl>(b) ? b.cast<Tensor>() : operand_tensor(b, "add_");
             return Tensor(add_(a, mul(other, alpha)));
           }, py::arg("other"), py::kw_only(), py::arg("alpha") = 1)
      .def("sub_", [=](const Tensor& a, py::handle b) { return inplace(a, b, isub_tt, isub_ts, "sub_"); }, py::arg("other"))
      .def("mul_", [=](const Tensor& a, py::handle b) { return inplace(a, b, imul_tt, imul_ts, "mul_"); }, py::arg("other"))
      .def("div_", [=](const Tensor& a, py::handle b) { return inplace(a, b, idiv_tt, idiv_ts, "div_"); }, py::arg("other"));

  m.def("add", [](py::handle a, py::handle b, const Scalar& alpha) {
          return add_scaled(py::isinstance<TensorImpl>(a) ? a.cast<Tensor>() : operand_tensor(a, "add"), b, alpha, false);
        }, py::arg("input"), py::arg("other"), py::kw_only(), py::arg("alpha") = 1);
  m.def("sub", [](py::handle a, py::handle b, const Scalar& alpha) {
          return add_scaled(py::isinstance<TensorImpl>(a) ? a.cast<Tensor>() : operand_tensor(a, "sub"), b, alpha, true);
        }, py::arg("input"), py::arg("other"), py::kw_only(), py::arg("alpha") = 1);
  m.def("mul", [=](py::handle a, py::handle b) { return func2(a, b, mul_tt, mul_ts, "mul"); }, py::arg("input"), py::arg("other"));
  m.def("div", [=](py::handle a, py::handle b) { return func2(a, b, div_tt, div_ts, "div"); }, py::arg("input"), py::arg("other"));
  m.def("neg", [](const Tensor& a) { return neg(a); }, py::arg("input"));
  m.def("result_type", [](py::handle a, py::handle b) {
    auto sa = scalar_from_python(a), sb = scalar_from_python(b);
    if (py::isinstance<TensorImpl>(a) && sb) return result_type(a.cast<Tensor>(), *sb);
    if (py::isinstance<TensorImpl>(b) && sa) return result_type(b.cast<Tensor>(), *sa);
    return result_type(operand_tensor(a, "result_type"), operand_tensor(b, "result_type"));
  }, py::arg("tensor1"), py::arg("tensor2"));
}

}  // namespace rustorch::python
