// Python operators, Tensor methods and rt.* functions of the elementwise ops, bound from tables so
// that each op's operator, method, in-place method and function share one description.
#include <string>

#include "bind_common.hpp"
#include "rustorch/ops/elementwise.hpp"

namespace rustorch::python {

namespace {

using TT = Tensor (*)(const Tensor&, const Tensor&);
using TS = Tensor (*)(const Tensor&, const Scalar&);
using ITT = const Tensor& (*)(const Tensor&, const Tensor&);
using ITS = const Tensor& (*)(const Tensor&, const Scalar&);
using UF = Tensor (*)(const Tensor&);
using IUF = const Tensor& (*)(const Tensor&);

bool is_tensor(py::handle h) { return py::isinstance<TensorImpl>(h); }
bool is_data(py::handle h) {
  return py::isinstance<py::array>(h) || PyList_Check(h.ptr()) || PyTuple_Check(h.ptr());
}
py::object not_implemented() { return py::reinterpret_borrow<py::object>(Py_NotImplemented); }

// A binary op: tensor-tensor and tensor-scalar forms, and optionally in-place forms. Missing
// scalar forms wrap the number as a 0-dim tensor of the result type (PyTorch's wrapped numbers).
struct Binary {
  const char* name;
  TT tt;
  TS ts = nullptr;
  ITT itt = nullptr;
  ITS its = nullptr;
  TS rts = nullptr;  // number <op> tensor, where the op checks the number (rsub, rdiv)

  Tensor call(const Tensor& a, const Scalar& s) const {
    return ts ? ts(a, s) : tt(a, wrapped_scalar(s, result_type(a, s)));
  }
  Tensor call_reflected(const Scalar& s, const Tensor& b) const {
    return rts ? rts(b, s) : tt(wrapped_scalar(s, result_type(b, s)), b);
  }
  const Tensor& call_(const Tensor& a, const Scalar& s) const {
    return its ? its(a, s) : itt(a, wrapped_scalar(s, result_type(a, s)));
  }

  // a <op> b, or NotImplemented when b is not a tensor, a number or array-like data.
  py::object forward(const Tensor& a, py::handle b) const {
    if (is_tensor(b)) return py::cast(tt(a, b.cast<Tensor>()));
    if (auto s = scalar_from_python(b)) return py::cast(call(a, *s));
    if (is_data(b)) return py::cast(tt(a, operand_tensor(b, name)));
    return not_implemented();
  }
  // b <op> a for the reflected operators (b is not a tensor).
  py::object reflected(const Tensor& a, py::handle b) const {
    if (auto s = scalar_from_python(b)) return py::cast(call_reflected(*s, a));
    if (is_data(b)) return py::cast(tt(operand_tensor(b, name), a));
    return not_implemented();
  }
  py::object inplace(const Tensor& a, py::handle b) const {
    if (is_tensor(b)) return py::cast(itt(a, b.cast<Tensor>()));
    if (auto s = scalar_from_python(b)) return py::cast(call_(a, *s));
    if (is_data(b)) return py::cast(itt(a, operand_tensor(b, name)));
    return not_implemented();
  }
  // The function / method form: either argument may be a number (not both).
  Tensor function(py::handle a, py::handle b) const {
    if (is_tensor(a)) {
      py::object r = forward(a.cast<Tensor>(), b);
      RT_CHECK(!r.is(not_implemented()), TypeError, name, ": unsupported argument type '",
               py::str(py::type::of(b).attr("__name__")).cast<std::string>(), "'");
      return r.cast<Tensor>();
    }
    if (is_tensor(b)) {
      if (auto s = scalar_from_python(a)) return call_reflected(*s, b.cast<Tensor>());
    }
    return tt(operand_tensor(a, name), is_tensor(b) ? b.cast<Tensor>() : operand_tensor(b, name));
  }
  Tensor method_(const Tensor& a, py::handle b) const {
    py::object r = inplace(a, b);
    RT_CHECK(!r.is(not_implemented()), TypeError, name, "_: unsupported argument type '",
             py::str(py::type::of(b).attr("__name__")).cast<std::string>(), "'");
    return r.cast<Tensor>();
  }
};

// `other` of add/sub scaled by alpha (a tensor, or a number wrapped as a tensor of a's result type).
Tensor scaled(const Tensor& a, py::handle other, const Scalar& alpha, const char* op) {
  Tensor t;
  if (is_tensor(other)) t = other.cast<Tensor>();
  else if (auto s = scalar_from_python(other)) t = wrapped_scalar(*s, result_type(a, *s));
  else t = operand_tensor(other, op);
  return mul(t, alpha);
}
bool is_one(const Scalar& s) { return s.kind() != TypeKind::Bool && s.to_double() == 1.0; }

RoundingMode rounding_mode(const std::optional<std::string>& mode) {
  return mode ? parse_rounding_mode(mode->c_str()) : RoundingMode::None;
}

// A clamp bound: None, a number, or a tensor.
std::optional<Scalar> bound_scalar(py::handle h, const char* op, const char* which) {
  if (h.is_none()) return std::nullopt;
  auto s = scalar_from_python(h);
  RT_CHECK(s, TypeError, op, ": ", which, " must be a number, a tensor or None, got '",
           py::str(py::type::of(h).attr("__name__")).cast<std::string>(), "'");
  return s;
}
Tensor bound_tensor(const Tensor& a, py::handle h, const char* op, const char* which) {
  if (h.is_none()) return Tensor();
  if (is_tensor(h)) return h.cast<Tensor>();
  const Scalar s = *bound_scalar(h, op, which);
  return wrapped_scalar(s, result_type(a, s));
}
Tensor clamp_any(const Tensor& a, py::handle min, py::handle max) {
  if (is_tensor(min) || is_tensor(max))
    return clamp(a, bound_tensor(a, min, "clamp", "min"), bound_tensor(a, max, "clamp", "max"));
  return clamp(a, bound_scalar(min, "clamp", "min"), bound_scalar(max, "clamp", "max"));
}
Tensor clamp_any_(const Tensor& a, py::handle min, py::handle max) {
  if (is_tensor(min) || is_tensor(max))
    return clamp_(a, bound_tensor(a, min, "clamp_", "min"), bound_tensor(a, max, "clamp_", "max"));
  return clamp_(a, bound_scalar(min, "clamp_", "min"), bound_scalar(max, "clamp_", "max"));
}

// where(cond, x, y) with numbers allowed for x and y.
Tensor where_any(const Tensor& cond, py::handle x, py::handle y) {
  const bool tx = is_tensor(x), ty = is_tensor(y);
  auto sx = tx ? std::nullopt : scalar_from_python(x);
  auto sy = ty ? std::nullopt : scalar_from_python(y);
  Tensor a, b;
  if (tx) a = x.cast<Tensor>();
  if (ty) b = y.cast<Tensor>();
  if (!tx && !sx) a = operand_tensor(x, "where");
  if (!ty && !sy) b = operand_tensor(y, "where");
  if (sx && sy) {
    const DType d = result_type(*sx, *sy);
    a = wrapped_scalar(*sx, d);
    b = wrapped_scalar(*sy, d);
  } else if (sx) {
    a = wrapped_scalar(*sx, result_type(b, *sx));
  } else if (sy) {
    b = wrapped_scalar(*sy, result_type(a, *sy));
  }
  return where(cond, a, b);
}

struct Unary {
  const char* name;
  UF fn;
  IUF fn_;  // may be null
  const char* doc;
  const char* returns;  // the Returns: entry
  const char* example;  // the Example: lines
};

constexpr const char* kUnaryArgs = "input (Tensor): the input tensor.";
constexpr const char* kBinaryArgs =
    "input (Tensor or Number): the first operand.\n"
    "other (Tensor or Number): the second operand, broadcast against ``input``.";
constexpr const char* kSameShape = "Tensor: a new tensor of ``input``'s shape with the results.";
constexpr const char* kBoolShape = "Tensor: a bool tensor of ``input``'s shape.";
constexpr const char* kBroadcast = "Tensor: the results, of the broadcast shape and the promoted dtype.";
constexpr const char* kClamped = "Tensor: the clamped values (broadcast against tensor bounds).";
constexpr const char* kBoolBroadcast = "Tensor: a bool tensor of the broadcast shape.";

}  // namespace

void bind_elementwise(py::module_& m, PyTensorClass& cls) {
  // ---- Binary ops with plain (input, other) signatures --------------------------------------
  static const Binary kMul{"mul", static_cast<TT>(&mul), static_cast<TS>(&mul), static_cast<ITT>(&mul_),
                           static_cast<ITS>(&mul_)};
  static const Binary kFloorDivide{"floor_divide", static_cast<TT>(&floor_divide), static_cast<TS>(&floor_divide),
                                   static_cast<ITT>(&floor_divide_), static_cast<ITS>(&floor_divide_)};
  static const Binary kRemainder{"remainder", static_cast<TT>(&remainder), static_cast<TS>(&remainder),
                                 static_cast<ITT>(&remainder_), static_cast<ITS>(&remainder_)};
  static const Binary kFmod{"fmod", static_cast<TT>(&fmod), static_cast<TS>(&fmod), static_cast<ITT>(&fmod_),
                            static_cast<ITS>(&fmod_)};
  static const Binary kPow{"pow", static_cast<TT>(&pow), static_cast<TS>(&pow), static_cast<ITT>(&pow_),
                           static_cast<ITS>(&pow_)};
  static const Binary kMaximum{"maximum", &maximum};
  static const Binary kMinimum{"minimum", &minimum};
  static const Binary kAtan2{"atan2", &atan2, nullptr, &atan2_};
  static const Binary kEq{"eq", static_cast<TT>(&eq), static_cast<TS>(&eq)};
  static const Binary kNe{"ne", static_cast<TT>(&ne), static_cast<TS>(&ne)};
  static const Binary kLt{"lt", static_cast<TT>(&lt), static_cast<TS>(&lt)};
  static const Binary kLe{"le", static_cast<TT>(&le), static_cast<TS>(&le)};
  static const Binary kGt{"gt", static_cast<TT>(&gt), static_cast<TS>(&gt)};
  static const Binary kGe{"ge", static_cast<TT>(&ge), static_cast<TS>(&ge)};
  static const Binary kLogicalAnd{"logical_and", &logical_and, nullptr, &logical_and_};
  static const Binary kLogicalOr{"logical_or", &logical_or, nullptr, &logical_or_};
  static const Binary kLogicalXor{"logical_xor", &logical_xor, nullptr, &logical_xor_};
  static const Binary kBitwiseAnd{"bitwise_and", static_cast<TT>(&bitwise_and), static_cast<TS>(&bitwise_and),
                                  static_cast<ITT>(&bitwise_and_), static_cast<ITS>(&bitwise_and_)};
  static const Binary kBitwiseOr{"bitwise_or", static_cast<TT>(&bitwise_or), static_cast<TS>(&bitwise_or),
                                 static_cast<ITT>(&bitwise_or_), static_cast<ITS>(&bitwise_or_)};
  static const Binary kBitwiseXor{"bitwise_xor", static_cast<TT>(&bitwise_xor), static_cast<TS>(&bitwise_xor),
                                  static_cast<ITT>(&bitwise_xor_), static_cast<ITS>(&bitwise_xor_)};
  static const Binary kAdd{"add", static_cast<TT>(&add), static_cast<TS>(&add), static_cast<ITT>(&add_),
                           static_cast<ITS>(&add_)};
  static const Binary kSub{"sub", static_cast<TT>(&sub), static_cast<TS>(&sub), static_cast<ITT>(&sub_),
                           static_cast<ITS>(&sub_), &rsub};
  static const Binary kDiv{"div", static_cast<TT>(&div), static_cast<TS>(&div), static_cast<ITT>(&div_),
                           static_cast<ITS>(&div_), &rdiv};

  struct Named {
    const Binary* op;
    const char* arg;  // PyTorch's name of the second argument
    const char* doc;
    const char* returns;
    const char* example;
    const char* args = kBinaryArgs;
  };
  const Named binaries[] = {
      {&kMul, "other", "Elementwise product, broadcast and type-promoted.", kBroadcast,
       ">>> rt.mul(rt.tensor([1., 2., 3.]), rt.tensor([2., 2., 0.5])).tolist()\n"
       "[2.0, 4.0, 1.5]\n"
       ">>> rt.mul(rt.tensor([1, 2]), 1.5).tolist()\n"
       "[1.5, 3.0]"},
      {&kFloorDivide, "other", "Elementwise floor(input / other), like Python's //.", kBroadcast,
       ">>> rt.floor_divide(rt.tensor([7, -7]), 2).tolist()\n"
       "[3, -4]\n"
       ">>> rt.floor_divide(rt.tensor([7.5, -7.5]), 2).tolist()\n"
       "[3.0, -4.0]"},
      {&kRemainder, "other", "Elementwise remainder with the sign of the divisor, like Python's %.", kBroadcast,
       ">>> rt.remainder(rt.tensor([7, -7]), 3).tolist()\n"
       "[1, 2]\n"
       ">>> rt.remainder(rt.tensor([5.5, -5.5]), 2).tolist()\n"
       "[1.5, 0.5]"},
      {&kFmod, "other", "Elementwise C fmod: the remainder has the sign of the dividend.", kBroadcast,
       ">>> rt.fmod(rt.tensor([7, -7]), 3).tolist()\n"
       "[1, -1]\n"
       ">>> rt.fmod(rt.tensor([5.5, -5.5]), 2).tolist()\n"
       "[1.5, -1.5]"},
      {&kPow, "exponent", "Elementwise input ** exponent (tensor or number exponent).", kBroadcast,
       ">>> rt.pow(rt.tensor([1., 2., 3.]), 2).tolist()\n"
       "[1.0, 4.0, 9.0]\n"
       ">>> rt.pow(2, rt.tensor([1, 2, 3])).tolist()\n"
       "[2, 4, 8]\n"
       ">>> rt.pow(rt.tensor([[4., 9.], [2., 3.]]), rt.tensor([0.5, 2.]))\n"
       "tensor([[ 2.0000, 81.0000],\n"
       "        [ 1.4142,  9.0000]])",
       "input (Tensor or Number): the base.\n"
       "exponent (Tensor or Number): the exponent, broadcast against ``input``."},
      {&kMaximum, "other", "Elementwise maximum; NaN propagates.", kBroadcast,
       ">>> rt.maximum(rt.tensor([1., 5., 3.]), rt.tensor([4., 2., 3.])).tolist()\n"
       "[4.0, 5.0, 3.0]\n"
       ">>> rt.maximum(rt.tensor([[1., 5.], [-1., 0.]]), rt.tensor([0., 2.]))\n"
       "tensor([[1., 5.],\n"
       "        [0., 2.]])"},
      {&kMinimum, "other", "Elementwise minimum; NaN propagates.", kBroadcast,
       ">>> rt.minimum(rt.tensor([1., 5., 3.]), rt.tensor([4., 2., 3.])).tolist()\n"
       "[1.0, 2.0, 3.0]\n"
       ">>> rt.minimum(rt.tensor([1., float('nan')]), rt.tensor([0., 1.])).tolist()\n"
       "[0.0, nan]"},
      {&kAtan2, "other", "Elementwise atan2(input, other), the angle of (other, input).", kBroadcast,
       ">>> rt.atan2(rt.tensor([[1., 1.], [-1., 0.]]), rt.tensor([[1., -1.], [0., 1.]]))\n"
       "tensor([[ 0.7854,  2.3562],\n"
       "        [-1.5708,  0.0000]])"},
      {&kEq, "other", "Elementwise input == other (bool result).", kBoolBroadcast,
       ">>> rt.eq(rt.tensor([1, 2, 3]), rt.tensor([1, 0, 3])).tolist()\n"
       "[True, False, True]\n"
       ">>> rt.eq(rt.tensor([[1., 2.], [2., 3.]]), 2)\n"
       "tensor([[False,  True],\n"
       "        [ True, False]])"},
      {&kNe, "other", "Elementwise input != other (bool result).", kBoolBroadcast,
       ">>> rt.ne(rt.tensor([1, 2, 3]), rt.tensor([1, 0, 3])).tolist()\n"
       "[False, True, False]"},
      {&kLt, "other", "Elementwise input < other (bool result).", kBoolBroadcast,
       ">>> rt.lt(rt.tensor([1, 2, 3]), 2).tolist()\n"
       "[True, False, False]"},
      {&kLe, "other", "Elementwise input <= other (bool result).", kBoolBroadcast,
       ">>> rt.le(rt.tensor([1, 2, 3]), 2).tolist()\n"
       "[True, True, False]"},
      {&kGt, "other", "Elementwise input > other (bool result).", kBoolBroadcast,
       ">>> rt.gt(rt.tensor([1, 2, 3]), 2).tolist()\n"
       "[False, False, True]"},
      {&kGe, "other", "Elementwise input >= other (bool result).", kBoolBroadcast,
       ">>> rt.ge(rt.tensor([[1, 2], [3, 4]]), rt.tensor([2, 2]))\n"
       "tensor([[False,  True],\n"
       "        [ True,  True]])"},
      {&kLogicalAnd, "other", "Elementwise logical AND of the truth values (bool result).", kBoolBroadcast,
       ">>> rt.logical_and(rt.tensor([True, True, False]), rt.tensor([True, False, False])).tolist()\n"
       "[True, False, False]\n"
       ">>> rt.logical_and(rt.tensor([0., 1., 2.]), rt.tensor([1., 1., 0.])).tolist()\n"
       "[False, True, False]"},
      {&kLogicalOr, "other", "Elementwise logical OR of the truth values (bool result).", kBoolBroadcast,
       ">>> rt.logical_or(rt.tensor([True, False, False]), rt.tensor([False, False, True])).tolist()\n"
       "[True, False, True]"},
      {&kLogicalXor, "other", "Elementwise logical XOR of the truth values (bool result).", kBoolBroadcast,
       ">>> rt.logical_xor(rt.tensor([True, True, False]), rt.tensor([True, False, False])).tolist()\n"
       "[False, True, False]"},
      {&kBitwiseAnd, "other", "Elementwise bitwise AND of bool or integer tensors (the & operator).", kBroadcast,
       ">>> rt.bitwise_and(rt.tensor([12, 10]), rt.tensor([10, 6])).tolist()\n"
       "[8, 2]\n"
       ">>> rt.bitwise_and(rt.tensor([True, False]), True).tolist()\n"
       "[True, False]"},
      {&kBitwiseOr, "other", "Elementwise bitwise OR of bool or integer tensors (the | operator).", kBroadcast,
       ">>> rt.bitwise_or(rt.tensor([12, 10]), rt.tensor([10, 6])).tolist()\n"
       "[14, 14]"},
      {&kBitwiseXor, "other", "Elementwise bitwise XOR of bool or integer tensors (the ^ operator).", kBroadcast,
       ">>> rt.bitwise_xor(rt.tensor([12, 10]), rt.tensor([10, 6])).tolist()\n"
       "[6, 12]"},
  };
  for (const Named& n : binaries) {
    const Binary* op = n.op;
    const char* doc = op_doc(n.doc, n.args, n.returns, n.example);
    cls.def(op->name, [op](const Tensor& a, py::handle b) { return op->function(py::cast(a), b); }, py::arg(n.arg), doc);
    m.def(op->name, [op](py::handle a, py::handle b) { return op->function(a, b); }, py::arg("input"), py::arg(n.arg),
          doc);
    if (op->itt) {
      cls.def((std::string(op->name) + "_").c_str(), [op](const Tensor& a, py::handle b) { return op->method_(a, b); }, py::arg(n.arg),
              "In-place version of the op.");
    }
  }
  m.attr("multiply") = m.attr("mul");

  // ---- Python operators ----------------------------------------------------------------------
  struct Operator {
    const char* fwd;
    const char* ref;   // may be null
    const char* inpl;  // may be null
    const Binary* op;
  };
  const Operator operators[] = {
      {"__add__", "__radd__", "__iadd__", &kAdd},
      {"__sub__", "__rsub__", "__isub__", &kSub},
      {"__mul__", "__rmul__", "__imul__", &kMul},
      {"__truediv__", "__rtruediv__", "__itruediv__", &kDiv},
      {"__floordiv__", "__rfloordiv__", "__ifloordiv__", &kFloorDivide},
      {"__mod__", "__rmod__", "__imod__", &kRemainder},
      {"__pow__", "__rpow__", "__ipow__", &kPow},
      {"__and__", "__rand__", "__iand__", &kBitwiseAnd},
      {"__or__", "__ror__", "__ior__", &kBitwiseOr},
      {"__xor__", "__rxor__", "__ixor__", &kBitwiseXor},
      {"__eq__", nullptr, nullptr, &kEq},
      {"__ne__", nullptr, nullptr, &kNe},
      {"__lt__", nullptr, nullptr, &kLt},
      {"__le__", nullptr, nullptr, &kLe},
      {"__gt__", nullptr, nullptr, &kGt},
      {"__ge__", nullptr, nullptr, &kGe},
  };
  for (const Operator& o : operators) {
    const Binary* op = o.op;
    cls.def(o.fwd, [op](const Tensor& a, py::handle b) { return op->forward(a, b); }, py::is_operator());
    if (o.ref) cls.def(o.ref, [op](const Tensor& a, py::handle b) { return op->reflected(a, b); }, py::is_operator());
    if (o.inpl) cls.def(o.inpl, [op](const Tensor& a, py::handle b) { return op->inplace(a, b); }, py::is_operator());
  }
  // Defining __eq__ makes pybind11 drop __hash__; tensors hash by identity, like PyTorch's.
  cls.def("__hash__", [](py::handle self) { return reinterpret_cast<intptr_t>(self.ptr()); });
  cls.def("__neg__", [](const Tensor& a) { return neg(a); })
      .def("__pos__", [](const Tensor& a) { return a; })
      .def("__abs__", [](const Tensor& a) { return abs(a); })
      .def("__invert__", [](const Tensor& a) { return bitwise_not(a); });

  // ---- add / sub (alpha) and div (rounding_mode) ---------------------------------------------
  auto add_fn = [](const Binary* op) {
    return [op](py::handle a, py::handle b, const Scalar& alpha) -> Tensor {
      if (is_one(alpha)) return op->function(a, b);
      const Tensor at = is_tensor(a) ? a.cast<Tensor>() : operand_tensor(a, op->name);
      return op->tt(at, scaled(at, b, alpha, op->name));
    };
  };
  auto add_inplace = [](const Binary* op) {
    return [op](const Tensor& a, py::handle b, const Scalar& alpha) -> Tensor {
      if (is_one(alpha)) return op->method_(a, b);
      return op->itt(a, scaled(a, b, alpha, op->name));
    };
  };
  for (const Binary* op : {&kAdd, &kSub}) {
    const bool is_add = op == &kAdd;
    const char* args =
        is_add ? "input (Tensor or Number): the first operand.\n"
                 "other (Tensor or Number): the tensor or number to add, broadcast against ``input``.\n"
                 "alpha (Number): keyword-only multiplier of ``other``. Default: 1."
               : "input (Tensor or Number): the first operand.\n"
                 "other (Tensor or Number): the tensor or number to subtract, broadcast against ``input``.\n"
                 "alpha (Number): keyword-only multiplier of ``other``. Default: 1.";
    const char* example = is_add ? ">>> rt.add(rt.tensor([1., 2.]), rt.tensor([10., 20.])).tolist()\n"
                                   "[11.0, 22.0]\n"
                                   ">>> rt.add(rt.tensor([1, 2]), 3, alpha=2).tolist()\n"
                                   "[7, 8]\n"
                                   ">>> rt.add(rt.tensor([1, 2]), 0.5).tolist()\n"
                                   "[1.5, 2.5]"
                                 : ">>> rt.sub(rt.tensor([5., 7.]), rt.tensor([1., 2.])).tolist()\n"
                                   "[4.0, 5.0]\n"
                                   ">>> rt.sub(rt.tensor([5, 7]), rt.tensor([1, 2]), alpha=2).tolist()\n"
                                   "[3, 3]\n"
                                   ">>> rt.sub(10, rt.tensor([1, 2])).tolist()\n"
                                   "[9, 8]";
    const char* doc = op_doc(is_add ? "input + alpha * other, broadcast and type-promoted."
                                    : "input - alpha * other, broadcast and type-promoted.",
                             args, kBroadcast, example);
    auto f = add_fn(op);
    cls.def(op->name, [f](const Tensor& a, py::handle b, const Scalar& alpha) { return f(py::cast(a), b, alpha); },
            py::arg("other"), py::kw_only(), py::arg("alpha") = 1, doc);
    m.def(op->name, f, py::arg("input"), py::arg("other"), py::kw_only(), py::arg("alpha") = 1, doc);
    cls.def(is_add ? "add_" : "sub_", add_inplace(op), py::arg("other"), py::kw_only(), py::arg("alpha") = 1,
            "In-place version of the op.");
  }
  m.attr("subtract") = m.attr("sub");

  auto div_fn = [](py::handle a, py::handle b, std::optional<std::string> mode) -> Tensor {
    const RoundingMode rm = rounding_mode(mode);
    if (rm == RoundingMode::None) return kDiv.function(a, b);
    if (is_tensor(a)) {
      const Tensor at = a.cast<Tensor>();
      if (auto s = scalar_from_python(b)) return div(at, *s, rm);
      return div(at, is_tensor(b) ? b.cast<Tensor>() : operand_tensor(b, "div"), rm);
    }
    const Tensor bt = is_tensor(b) ? b.cast<Tensor>() : operand_tensor(b, "div");
    if (auto s = scalar_from_python(a)) return div(wrapped_scalar(*s, result_type(bt, *s)), bt, rm);
    return div(operand_tensor(a, "div"), bt, rm);
  };
  const char* div_doc = op_doc(
      "input / other. rounding_mode=None: true division (integers give the default float); 'trunc': "
      "rounded toward zero; 'floor': rounded down (integer dtypes are kept).",
      "input (Tensor or Number): the dividend.\n"
      "other (Tensor or Number): the divisor, broadcast against ``input``.\n"
      "rounding_mode (str, optional): keyword-only; None, ``'trunc'`` or ``'floor'``. Default: None.",
      "Tensor: the quotients, of the broadcast shape.",
      ">>> rt.div(rt.tensor([7., -7.]), 2).tolist()\n"
      "[3.5, -3.5]\n"
      ">>> rt.div(rt.tensor([7, -7]), 2).tolist()\n"
      "[3.5, -3.5]\n"
      ">>> rt.div(rt.tensor([7, -7]), 2, rounding_mode='trunc').tolist()\n"
      "[3, -3]\n"
      ">>> rt.div(rt.tensor([7, -7]), 2, rounding_mode='floor').tolist()\n"
      "[3, -4]");
  cls.def("div", [div_fn](const Tensor& a, py::handle b, std::optional<std::string> mode) { return div_fn(py::cast(a), b, mode); },
          py::arg("other"), py::kw_only(), py::arg("rounding_mode") = py::none(), div_doc);
  m.def("div", div_fn, py::arg("input"), py::arg("other"), py::kw_only(), py::arg("rounding_mode") = py::none(), div_doc);
  cls.def("div_", [](const Tensor& a, py::handle b, std::optional<std::string> mode) -> Tensor {
        const RoundingMode rm = rounding_mode(mode);
        if (rm == RoundingMode::None) return kDiv.method_(a, b);
        if (auto s = scalar_from_python(b)) return div_(a, *s, rm);
        return div_(a, is_tensor(b) ? b.cast<Tensor>() : operand_tensor(b, "div_"), rm);
      }, py::arg("other"), py::kw_only(), py::arg("rounding_mode") = py::none(), "In-place version of div.");
  m.attr("divide") = m.attr("div");
  m.attr("true_divide") = m.attr("div");
  cls.attr("divide") = cls.attr("div");
  cls.attr("multiply") = cls.attr("mul");
  cls.attr("subtract") = cls.attr("sub");

  // ---- Unary ops ---------------------------------------------------------------------------
  const Unary unaries[] = {
      {"abs", &abs, &abs_, "Elementwise absolute value.", kSameShape,
       ">>> rt.abs(rt.tensor([[-1.5, 0.], [2., -3.]]))\n"
       "tensor([[1.5000, 0.0000],\n"
       "        [2.0000, 3.0000]])"},
      {"neg", &neg, &neg_, "Elementwise negation (not for bool tensors).", kSameShape,
       ">>> rt.neg(rt.tensor([[1., -2.], [0.5, 3.]]))\n"
       "tensor([[-1.0000,  2.0000],\n"
       "        [-0.5000, -3.0000]])"},
      {"sign", &sign, &sign_, "Elementwise sign: -1, 0 or 1 (0 for NaN).", kSameShape,
       ">>> rt.sign(rt.tensor([[-2., 0.], [3., float('nan')]]))\n"
       "tensor([[-1.,  0.],\n"
       "        [ 1.,  0.]])"},
      {"exp", &exp, &exp_, "Elementwise e ** x.", kSameShape,
       ">>> rt.exp(rt.tensor([[0., 1.], [2., -1.]]))\n"
       "tensor([[1.0000, 2.7183],\n"
       "        [7.3891, 0.3679]])"},
      {"exp2", &exp2, &exp2_, "Elementwise 2 ** x.", kSameShape,
       ">>> rt.exp2(rt.tensor([[0., 1.], [3., -1.]]))\n"
       "tensor([[1.0000, 2.0000],\n"
       "        [8.0000, 0.5000]])"},
      {"expm1", &expm1, &expm1_, "Elementwise e ** x - 1, accurate near 0.", kSameShape,
       ">>> rt.expm1(rt.tensor([[0., 1e-10], [1., -1.]]))\n"
       "tensor([[ 0.0000e+00,  1.0000e-10],\n"
       "        [ 1.7183e+00, -6.3212e-01]])"},
      {"log", &log, &log_, "Elementwise natural logarithm.", kSameShape,
       ">>> rt.log(rt.tensor([[1., 2.], [10., 0.5]]))\n"
       "tensor([[ 0.0000,  0.6931],\n"
       "        [ 2.3026, -0.6931]])"},
      {"log2", &log2, &log2_, "Elementwise base-2 logarithm.", kSameShape,
       ">>> rt.log2(rt.tensor([[1., 2.], [8., 0.5]]))\n"
       "tensor([[ 0.,  1.],\n"
       "        [ 3., -1.]])"},
      {"log10", &log10, &log10_, "Elementwise base-10 logarithm.", kSameShape,
       ">>> rt.log10(rt.tensor([[1., 10.], [100., 2.]]))\n"
       "tensor([[0.0000, 1.0000],\n"
       "        [2.0000, 0.3010]])"},
      {"log1p", &log1p, &log1p_, "Elementwise log(1 + x), accurate near 0.", kSameShape,
       ">>> rt.log1p(rt.tensor([[0., 1e-10], [1., -0.5]]))\n"
       "tensor([[ 0.0000e+00,  1.0000e-10],\n"
       "        [ 6.9315e-01, -6.9315e-01]])"},
      {"sqrt", &sqrt, &sqrt_, "Elementwise square root.", kSameShape,
       ">>> rt.sqrt(rt.tensor([[0., 4.], [2., 9.]]))\n"
       "tensor([[0.0000, 2.0000],\n"
       "        [1.4142, 3.0000]])"},
      {"rsqrt", &rsqrt, &rsqrt_, "Elementwise 1 / sqrt(x).", kSameShape,
       ">>> rt.rsqrt(rt.tensor([[1., 4.], [2., 16.]]))\n"
       "tensor([[1.0000, 0.5000],\n"
       "        [0.7071, 0.2500]])"},
      {"sin", &sin, &sin_, "Elementwise sine.", kSameShape,
       ">>> rt.sin(rt.tensor([[0., 0.5], [1.5707964, -1.]]))\n"
       "tensor([[ 0.0000,  0.4794],\n"
       "        [ 1.0000, -0.8415]])"},
      {"cos", &cos, &cos_, "Elementwise cosine.", kSameShape,
       ">>> rt.cos(rt.tensor([[0., 0.5], [3.1415927, -1.]]))\n"
       "tensor([[ 1.0000,  0.8776],\n"
       "        [-1.0000,  0.5403]])"},
      {"tan", &tan, &tan_, "Elementwise tangent.", kSameShape,
       ">>> rt.tan(rt.tensor([[0., 0.5], [0.7853982, -1.]]))\n"
       "tensor([[ 0.0000,  0.5463],\n"
       "        [ 1.0000, -1.5574]])"},
      {"asin", &asin, &asin_, "Elementwise arcsine.", kSameShape,
       ">>> rt.asin(rt.tensor([[0., 0.5], [1., -1.]]))\n"
       "tensor([[ 0.0000,  0.5236],\n"
       "        [ 1.5708, -1.5708]])"},
      {"acos", &acos, &acos_, "Elementwise arccosine.", kSameShape,
       ">>> rt.acos(rt.tensor([[1., 0.5], [0., -1.]]))\n"
       "tensor([[0.0000, 1.0472],\n"
       "        [1.5708, 3.1416]])"},
      {"atan", &atan, &atan_, "Elementwise arctangent.", kSameShape,
       ">>> rt.atan(rt.tensor([[0., 0.5], [1., -1.]]))\n"
       "tensor([[ 0.0000,  0.4636],\n"
       "        [ 0.7854, -0.7854]])"},
      {"sinh", &sinh, &sinh_, "Elementwise hyperbolic sine.", kSameShape,
       ">>> rt.sinh(rt.tensor([[0., 0.5], [1., -1.]]))\n"
       "tensor([[ 0.0000,  0.5211],\n"
       "        [ 1.1752, -1.1752]])"},
      {"cosh", &cosh, &cosh_, "Elementwise hyperbolic cosine.", kSameShape,
       ">>> rt.cosh(rt.tensor([[0., 0.5], [1., -1.]]))\n"
       "tensor([[1.0000, 1.1276],\n"
       "        [1.5431, 1.5431]])"},
      {"tanh", &tanh, &tanh_, "Elementwise hyperbolic tangent.", kSameShape,
       ">>> rt.tanh(rt.tensor([[0., 0.5], [1., -1.]]))\n"
       "tensor([[ 0.0000,  0.4621],\n"
       "        [ 0.7616, -0.7616]])"},
      {"sigmoid", &sigmoid, &sigmoid_, "Elementwise logistic sigmoid 1 / (1 + exp(-x)).", kSameShape,
       ">>> rt.sigmoid(rt.tensor([[0., 2.], [-2., 1.]]))\n"
       "tensor([[0.5000, 0.8808],\n"
       "        [0.1192, 0.7311]])"},
      {"relu", &relu, &relu_, "Elementwise max(x, 0).", kSameShape,
       ">>> rt.relu(rt.tensor([[-1., 0.], [2., 3.5]]))\n"
       "tensor([[0.0000, 0.0000],\n"
       "        [2.0000, 3.5000]])"},
      {"erf", &erf, &erf_, "Elementwise Gauss error function.", kSameShape,
       ">>> rt.erf(rt.tensor([[0., 0.5], [1., -1.]]))\n"
       "tensor([[ 0.0000,  0.5205],\n"
       "        [ 0.8427, -0.8427]])"},
      {"erfc", &erfc, &erfc_, "Elementwise complementary error function 1 - erf(x).", kSameShape,
       ">>> rt.erfc(rt.tensor([[0., 0.5], [1., -1.]]))\n"
       "tensor([[1.0000, 0.4795],\n"
       "        [0.1573, 1.8427]])"},
      {"reciprocal", &reciprocal, &reciprocal_, "Elementwise 1 / x (integers give the default float).", kSameShape,
       ">>> rt.reciprocal(rt.tensor([[1., 2.], [4., -0.5]]))\n"
       "tensor([[ 1.0000,  0.5000],\n"
       "        [ 0.2500, -2.0000]])\n"
       ">>> rt.reciprocal(rt.tensor([1, 2])).dtype\n"
       "rustorch.float32"},
      {"square", &square, &square_, "Elementwise x * x.", kSameShape,
       ">>> rt.square(rt.tensor([[-2., 3.], [0.5, 1.]]))\n"
       "tensor([[4.0000, 9.0000],\n"
       "        [0.2500, 1.0000]])\n"
       ">>> rt.square(rt.tensor([-2, 3])).tolist()\n"
       "[4, 9]"},
      {"floor", &floor, &floor_, "Elementwise largest integer <= x.", kSameShape,
       ">>> rt.floor(rt.tensor([[-1.5, 0.5], [2., 2.7]]))\n"
       "tensor([[-2.,  0.],\n"
       "        [ 2.,  2.]])"},
      {"ceil", &ceil, &ceil_, "Elementwise smallest integer >= x.", kSameShape,
       ">>> rt.ceil(rt.tensor([[-1.5, 0.5], [2., 2.7]]))\n"
       "tensor([[-1.,  1.],\n"
       "        [ 2.,  3.]])"},
      {"trunc", &trunc, &trunc_, "Elementwise rounding toward zero.", kSameShape,
       ">>> rt.trunc(rt.tensor([[-1.5, 0.5], [2., 2.7]]))\n"
       "tensor([[-1.,  0.],\n"
       "        [ 2.,  2.]])"},
      {"isnan", &isnan, nullptr, "Elementwise test for NaN (bool result).", kBoolShape,
       ">>> rt.isnan(rt.tensor([[1., float('nan')], [float('inf'), 0.]]))\n"
       "tensor([[False,  True],\n"
       "        [False, False]])"},
      {"isinf", &isinf, nullptr, "Elementwise test for +/-inf (bool result).", kBoolShape,
       ">>> rt.isinf(rt.tensor([[1., float('inf')], [float('-inf'), float('nan')]]))\n"
       "tensor([[False,  True],\n"
       "        [ True, False]])"},
      {"isposinf", &isposinf, nullptr, "Elementwise test for +inf (bool result).", kBoolShape,
       ">>> rt.isposinf(rt.tensor([[1., float('inf')], [float('-inf'), float('nan')]]))\n"
       "tensor([[False,  True],\n"
       "        [False, False]])"},
      {"isneginf", &isneginf, nullptr, "Elementwise test for -inf (bool result).", kBoolShape,
       ">>> rt.isneginf(rt.tensor([[1., float('inf')], [float('-inf'), float('nan')]]))\n"
       "tensor([[False, False],\n"
       "        [ True, False]])"},
      {"isfinite", &isfinite, nullptr, "Elementwise test for finite values (bool result).", kBoolShape,
       ">>> rt.isfinite(rt.tensor([[1., float('inf')], [float('-inf'), float('nan')]]))\n"
       "tensor([[ True, False],\n"
       "        [False, False]])"},
      {"logical_not", &logical_not, &logical_not_, "Elementwise logical NOT of the truth values (bool result).", kBoolShape,
       ">>> rt.logical_not(rt.tensor([[0., 1.5], [-2., 0.]]))\n"
       "tensor([[ True, False],\n"
       "        [False,  True]])"},
      {"bitwise_not", &bitwise_not, &bitwise_not_, "Elementwise bitwise NOT of bool or integer tensors (the ~ operator).", kSameShape,
       ">>> rt.bitwise_not(rt.tensor([[0, 5], [-1, 2]]))\n"
       "tensor([[-1, -6],\n"
       "        [ 0, -3]])\n"
       ">>> rt.bitwise_not(rt.tensor([True, False])).tolist()\n"
       "[False, True]"},
  };
  for (const Unary& u : unaries) {
    const char* doc = op_doc(u.doc, kUnaryArgs, u.returns, u.example);
    cls.def(u.name, u.fn, doc);
    m.def(u.name, u.fn, py::arg("input"), doc);
    if (u.fn_) {
      cls.def((std::string(u.name) + "_").c_str(), u.fn_, "In-place version of the op.");
    }
  }
  m.attr("absolute") = m.attr("abs");
  m.attr("negative") = m.attr("neg");
  cls.attr("absolute") = cls.attr("abs");
  cls.attr("negative") = cls.attr("neg");

  const char* round_doc = op_doc(
      "Elementwise rounding half to even; decimals rounds to that many decimal places.",
      "input (Tensor): the input tensor.\n"
      "decimals (int): keyword-only number of decimal places to keep. Default: 0.",
      kSameShape,
      ">>> rt.round(rt.tensor([0.5, 1.5, 2.5, -1.7])).tolist()\n"
      "[0.0, 2.0, 2.0, -2.0]\n"
      ">>> rt.round(rt.tensor([[1.2345, 6.789], [-0.125, 2.]]), decimals=2)\n"
      "tensor([[ 1.2300,  6.7900],\n"
      "        [-0.1200,  2.0000]])");
  auto round_fn = [](const Tensor& a, int64_t decimals) { return round(a, decimals); };
  cls.def("round", round_fn, py::kw_only(), py::arg("decimals") = 0, round_doc);
  m.def("round", round_fn, py::arg("input"), py::kw_only(), py::arg("decimals") = 0, round_doc);
  cls.def("round_", [](const Tensor& a, int64_t decimals) { return round_(a, decimals); }, py::kw_only(),
          py::arg("decimals") = 0, "In-place version of round.");

  // ---- clamp ---------------------------------------------------------------------------------
  const char* clamp_summary = "Clamps input into [min, max]; each bound a number, a tensor or None (not both None).";
  const char* clamp_args =
      "input (Tensor): the input tensor.\n"
      "min (Number or Tensor, optional): the lower bound (broadcast when a tensor); none when None. Default: None.\n"
      "max (Number or Tensor, optional): the upper bound (broadcast when a tensor); none when None. Default: None.";
  for (const char* name : {"clamp", "clip"}) {
    const char* clamp_doc =
        std::string(name) == "clamp"
            ? op_doc(clamp_summary, clamp_args, kClamped,
                     ">>> x = rt.tensor([-2., 0.5, 3.])\n"
                     ">>> rt.clamp(x, min=-1., max=1.).tolist()\n"
                     "[-1.0, 0.5, 1.0]\n"
                     ">>> rt.clamp(x, max=0.).tolist()\n"
                     "[-2.0, 0.0, 0.0]\n"
                     ">>> rt.clamp(x, min=rt.tensor([0., 1., 2.])).tolist()\n"
                     "[0.0, 1.0, 3.0]")
            : op_doc(std::string(clamp_summary) + " An alias of ``clamp``.", clamp_args, kClamped,
                     ">>> rt.clip(rt.tensor([-2., 0.5, 3.]), -1, 1).tolist()\n"
                     "[-1.0, 0.5, 1.0]");
    cls.def(name, &clamp_any, py::arg("min") = py::none(), py::arg("max") = py::none(), clamp_doc);
    m.def(name, &clamp_any, py::arg("input"), py::arg("min") = py::none(), py::arg("max") = py::none(), clamp_doc);
  }
  cls.def("clamp_", &clamp_any_, py::arg("min") = py::none(), py::arg("max") = py::none(), "In-place version of clamp.");
  cls.def("clip_", &clamp_any_, py::arg("min") = py::none(), py::arg("max") = py::none(), "In-place version of clip.");
  for (bool is_min : {true, false}) {
    const char* name = is_min ? "clamp_min" : "clamp_max";
    const char* arg = is_min ? "min" : "max";
    const char* doc =
        is_min ? op_doc("Elementwise max(input, min); min is a number or a tensor.",
                        "input (Tensor): the input tensor.\n"
                        "min (Number or Tensor): the lower bound (broadcast when a tensor).",
                        kClamped,
                        ">>> rt.clamp_min(rt.tensor([-2., 0.5, 3.]), 0.).tolist()\n"
                        "[0.0, 0.5, 3.0]")
               : op_doc("Elementwise min(input, max); max is a number or a tensor.",
                        "input (Tensor): the input tensor.\n"
                        "max (Number or Tensor): the upper bound (broadcast when a tensor).",
                        kClamped,
                        ">>> rt.clamp_max(rt.tensor([-2., 0.5, 3.]), 1.).tolist()\n"
                        "[-2.0, 0.5, 1.0]");
    auto f = [is_min, name, arg](const Tensor& a, py::handle bound) -> Tensor {
      if (is_tensor(bound)) return is_min ? clamp_min(a, bound.cast<Tensor>()) : clamp_max(a, bound.cast<Tensor>());
      RT_CHECK(!bound.is_none(), TypeError, name, ": ", arg, " must be a number or a tensor, got None");
      const Scalar s = *bound_scalar(bound, name, arg);
      return is_min ? clamp_min(a, s) : clamp_max(a, s);
    };
    auto f_ = [is_min, name, arg](const Tensor& a, py::handle bound) -> Tensor {
      if (is_tensor(bound)) return is_min ? clamp_min_(a, bound.cast<Tensor>()) : clamp_max_(a, bound.cast<Tensor>());
      RT_CHECK(!bound.is_none(), TypeError, name, "_: ", arg, " must be a number or a tensor, got None");
      const Scalar s = *bound_scalar(bound, name, arg);
      return is_min ? clamp_min_(a, s) : clamp_max_(a, s);
    };
    cls.def(name, f, py::arg(arg), doc);
    m.def(name, f, py::arg("input"), py::arg(arg), doc);
    cls.def((std::string(name) + "_").c_str(), f_, py::arg(arg), "In-place version of the op.");
  }

  // ---- where, closeness, result_type -------------------------------------------------------
  const char* where_doc = op_doc(
      "Elementwise condition ? input : other, broadcast; input and other may be numbers.",
      "condition (Tensor): a bool tensor; where True, take ``input``, else ``other``.\n"
      "input (Tensor or Number): the values where ``condition`` holds.\n"
      "other (Tensor or Number): the values elsewhere.",
      "Tensor: the selected values, of the broadcast shape and the promoted dtype.",
      ">>> x = rt.tensor([1., -2., 3.])\n"
      ">>> rt.where(x > 0, x, 0.).tolist()\n"
      "[1.0, 0.0, 3.0]\n"
      ">>> rt.where(x > 0, x, rt.tensor([10., 20., 30.])).tolist()\n"
      "[1.0, 20.0, 3.0]\n"
      ">>> rt.where(x > 0, 1, -1).tolist()\n"
      "[1, -1, 1]");
  m.def("where", &where_any, py::arg("condition"), py::arg("input"), py::arg("other"), where_doc);
  cls.def("where", [](const Tensor& self, const Tensor& cond, py::handle other) { return where_any(cond, py::cast(self), other); },
          py::arg("condition"), py::arg("other"), "condition ? self : other, broadcast.");

  const char* close_args =
      "input (Tensor): the first tensor.\n"
      "other (Tensor): the second tensor, broadcast against ``input`` (same dtype).\n"
      "rtol (float): the relative tolerance. Default: 1e-05.\n"
      "atol (float): the absolute tolerance. Default: 1e-08.\n"
      "equal_nan (bool): count two NaNs as close. Default: False.";
  const char* isclose_doc = op_doc(
      "Elementwise |input - other| <= atol + rtol * |other| (bool result); same dtypes required.", close_args,
      kBoolBroadcast,
      ">>> rt.isclose(rt.tensor([1., 2., float('nan')]), rt.tensor([1.000001, 2.1, float('nan')])).tolist()\n"
      "[True, False, False]\n"
      ">>> rt.isclose(rt.tensor([float('nan')]), rt.tensor([float('nan')]), equal_nan=True).tolist()\n"
      "[True]");
  const char* allclose_doc = op_doc(
      "True when isclose holds for every element.", close_args, "bool: whether every element is close.",
      ">>> rt.allclose(rt.tensor([1., 2.]), rt.tensor([1.000001, 2.]))\n"
      "True\n"
      ">>> rt.allclose(rt.tensor([1., 2.]), rt.tensor([1.1, 2.]))\n"
      "False\n"
      ">>> rt.allclose(rt.tensor([1., 2.]), rt.tensor([1.1, 2.]), atol=0.2)\n"
      "True");
  const char* equal_doc = op_doc(
      "True when both tensors have the same shape and values.",
      "input (Tensor): the first tensor.\n"
      "other (Tensor): the second tensor.",
      "bool: whether the shapes and all values are equal.",
      ">>> rt.equal(rt.tensor([1, 2]), rt.tensor([1, 2]))\n"
      "True\n"
      ">>> rt.equal(rt.tensor([1, 2]), rt.tensor([1, 3]))\n"
      "False\n"
      ">>> rt.equal(rt.tensor([1, 2]), rt.tensor([[1, 2]]))\n"
      "False");
  auto isclose_fn = [](const Tensor& a, const Tensor& b, double rtol, double atol, bool equal_nan) {
    return isclose(a, b, rtol, atol, equal_nan);
  };
  auto allclose_fn = [](const Tensor& a, const Tensor& b, double rtol, double atol, bool equal_nan) {
    return allclose(a, b, rtol, atol, equal_nan);
  };
  cls.def("isclose", isclose_fn, py::arg("other"), py::arg("rtol") = 1e-5, py::arg("atol") = 1e-8,
          py::arg("equal_nan") = false, isclose_doc);
  m.def("isclose", isclose_fn, py::arg("input"), py::arg("other"), py::arg("rtol") = 1e-5, py::arg("atol") = 1e-8,
        py::arg("equal_nan") = false, isclose_doc);
  cls.def("allclose", allclose_fn, py::arg("other"), py::arg("rtol") = 1e-5, py::arg("atol") = 1e-8,
          py::arg("equal_nan") = false, allclose_doc);
  m.def("allclose", allclose_fn, py::arg("input"), py::arg("other"), py::arg("rtol") = 1e-5, py::arg("atol") = 1e-8,
        py::arg("equal_nan") = false, allclose_doc);
  cls.def("equal", [](const Tensor& a, const Tensor& b) { return equal(a, b); }, py::arg("other"), equal_doc);
  m.def("equal", [](const Tensor& a, const Tensor& b) { return equal(a, b); }, py::arg("input"), py::arg("other"),
        equal_doc);

  m.def("result_type", [](py::handle a, py::handle b) {
    auto sa = scalar_from_python(a), sb = scalar_from_python(b);
    if (sa && sb) return result_type(*sa, *sb);
    if (is_tensor(a) && sb) return result_type(a.cast<Tensor>(), *sb);
    if (is_tensor(b) && sa) return result_type(b.cast<Tensor>(), *sa);
    return result_type(operand_tensor(a, "result_type"), operand_tensor(b, "result_type"));
  }, py::arg("tensor1"), py::arg("tensor2"), op_doc(
      "The dtype PyTorch's type promotion gives an op on the two operands.",
      "tensor1 (Tensor or Number): the first operand.\n"
      "tensor2 (Tensor or Number): the second operand.",
      "dtype: the promoted dtype.",
      ">>> rt.result_type(rt.tensor([1, 2]), 1.5)\n"
      "rustorch.float32\n"
      ">>> rt.result_type(rt.tensor([1., 2.]), rt.tensor([1], dtype=rt.float64))\n"
      "rustorch.float64\n"
      ">>> rt.result_type(2, 3)\n"
      "rustorch.int64"));
}

}  // namespace rustorch::python
