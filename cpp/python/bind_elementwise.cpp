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
};

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
  };
  const Named binaries[] = {
      {&kMul, "other", "Elementwise product, broadcast and type-promoted."},
      {&kFloorDivide, "other", "Elementwise floor(input / other), like Python's //."},
      {&kRemainder, "other", "Elementwise remainder with the sign of the divisor, like Python's %."},
      {&kFmod, "other", "Elementwise C fmod: the remainder has the sign of the dividend."},
      {&kPow, "exponent", "Elementwise input ** exponent (tensor or number exponent)."},
      {&kMaximum, "other", "Elementwise maximum; NaN propagates."},
      {&kMinimum, "other", "Elementwise minimum; NaN propagates."},
      {&kAtan2, "other", "Elementwise atan2(input, other), the angle of (other, input)."},
      {&kEq, "other", "Elementwise input == other (bool result)."},
      {&kNe, "other", "Elementwise input != other (bool result)."},
      {&kLt, "other", "Elementwise input < other (bool result)."},
      {&kLe, "other", "Elementwise input <= other (bool result)."},
      {&kGt, "other", "Elementwise input > other (bool result)."},
      {&kGe, "other", "Elementwise input >= other (bool result)."},
      {&kLogicalAnd, "other", "Elementwise logical AND of the truth values (bool result)."},
      {&kLogicalOr, "other", "Elementwise logical OR of the truth values (bool result)."},
      {&kLogicalXor, "other", "Elementwise logical XOR of the truth values (bool result)."},
      {&kBitwiseAnd, "other", "Elementwise bitwise AND of bool or integer tensors (the & operator)."},
      {&kBitwiseOr, "other", "Elementwise bitwise OR of bool or integer tensors (the | operator)."},
      {&kBitwiseXor, "other", "Elementwise bitwise XOR of bool or integer tensors (the ^ operator)."},
  };
  for (const Named& n : binaries) {
    const Binary* op = n.op;
    cls.def(op->name, [op](const Tensor& a, py::handle b) { return op->function(py::cast(a), b); }, py::arg(n.arg), n.doc);
    m.def(op->name, [op](py::handle a, py::handle b) { return op->function(a, b); }, py::arg("input"), py::arg(n.arg),
          n.doc);
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
    const char* doc = is_add ? "input + alpha * other, broadcast and type-promoted." : "input - alpha * other, broadcast and type-promoted.";
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
  const char* div_doc =
      "input / other. rounding_mode=None: true division (integers give the default float); 'trunc': "
      "rounded toward zero; 'floor': rounded down (integer dtypes are kept).";
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
      {"abs", &abs, &abs_, "Elementwise absolute value."},
      {"neg", &neg, &neg_, "Elementwise negation (not for bool tensors)."},
      {"sign", &sign, &sign_, "Elementwise sign: -1, 0 or 1 (0 for NaN)."},
      {"exp", &exp, &exp_, "Elementwise e ** x."},
      {"exp2", &exp2, &exp2_, "Elementwise 2 ** x."},
      {"expm1", &expm1, &expm1_, "Elementwise e ** x - 1, accurate near 0."},
      {"log", &log, &log_, "Elementwise natural logarithm."},
      {"log2", &log2, &log2_, "Elementwise base-2 logarithm."},
      {"log10", &log10, &log10_, "Elementwise base-10 logarithm."},
      {"log1p", &log1p, &log1p_, "Elementwise log(1 + x), accurate near 0."},
      {"sqrt", &sqrt, &sqrt_, "Elementwise square root."},
      {"rsqrt", &rsqrt, &rsqrt_, "Elementwise 1 / sqrt(x)."},
      {"sin", &sin, &sin_, "Elementwise sine."},
      {"cos", &cos, &cos_, "Elementwise cosine."},
      {"tan", &tan, &tan_, "Elementwise tangent."},
      {"asin", &asin, &asin_, "Elementwise arcsine."},
      {"acos", &acos, &acos_, "Elementwise arccosine."},
      {"atan", &atan, &atan_, "Elementwise arctangent."},
      {"sinh", &sinh, &sinh_, "Elementwise hyperbolic sine."},
      {"cosh", &cosh, &cosh_, "Elementwise hyperbolic cosine."},
      {"tanh", &tanh, &tanh_, "Elementwise hyperbolic tangent."},
      {"sigmoid", &sigmoid, &sigmoid_, "Elementwise logistic sigmoid 1 / (1 + exp(-x))."},
      {"relu", &relu, &relu_, "Elementwise max(x, 0)."},
      {"erf", &erf, &erf_, "Elementwise Gauss error function."},
      {"erfc", &erfc, &erfc_, "Elementwise complementary error function 1 - erf(x)."},
      {"reciprocal", &reciprocal, &reciprocal_, "Elementwise 1 / x (integers give the default float)."},
      {"square", &square, &square_, "Elementwise x * x."},
      {"floor", &floor, &floor_, "Elementwise largest integer <= x."},
      {"ceil", &ceil, &ceil_, "Elementwise smallest integer >= x."},
      {"trunc", &trunc, &trunc_, "Elementwise rounding toward zero."},
      {"isnan", &isnan, nullptr, "Elementwise test for NaN (bool result)."},
      {"isinf", &isinf, nullptr, "Elementwise test for +/-inf (bool result)."},
      {"isposinf", &isposinf, nullptr, "Elementwise test for +inf (bool result)."},
      {"isneginf", &isneginf, nullptr, "Elementwise test for -inf (bool result)."},
      {"isfinite", &isfinite, nullptr, "Elementwise test for finite values (bool result)."},
      {"logical_not", &logical_not, &logical_not_, "Elementwise logical NOT of the truth values (bool result)."},
      {"bitwise_not", &bitwise_not, &bitwise_not_, "Elementwise bitwise NOT of bool or integer tensors (the ~ operator)."},
  };
  for (const Unary& u : unaries) {
    cls.def(u.name, u.fn, u.doc);
    m.def(u.name, u.fn, py::arg("input"), u.doc);
    if (u.fn_) {
      cls.def((std::string(u.name) + "_").c_str(), u.fn_, "In-place version of the op.");
    }
  }
  m.attr("absolute") = m.attr("abs");
  m.attr("negative") = m.attr("neg");
  cls.attr("absolute") = cls.attr("abs");
  cls.attr("negative") = cls.attr("neg");

  const char* round_doc = "Elementwise rounding half to even; decimals rounds to that many decimal places.";
  auto round_fn = [](const Tensor& a, int64_t decimals) { return round(a, decimals); };
  cls.def("round", round_fn, py::kw_only(), py::arg("decimals") = 0, round_doc);
  m.def("round", round_fn, py::arg("input"), py::kw_only(), py::arg("decimals") = 0, round_doc);
  cls.def("round_", [](const Tensor& a, int64_t decimals) { return round_(a, decimals); }, py::kw_only(),
          py::arg("decimals") = 0, "In-place version of round.");

  // ---- clamp ---------------------------------------------------------------------------------
  const char* clamp_doc = "Clamps input into [min, max]; each bound a number, a tensor or None (not both None).";
  for (const char* name : {"clamp", "clip"}) {
    cls.def(name, &clamp_any, py::arg("min") = py::none(), py::arg("max") = py::none(), clamp_doc);
    m.def(name, &clamp_any, py::arg("input"), py::arg("min") = py::none(), py::arg("max") = py::none(), clamp_doc);
  }
  cls.def("clamp_", &clamp_any_, py::arg("min") = py::none(), py::arg("max") = py::none(), "In-place version of clamp.");
  cls.def("clip_", &clamp_any_, py::arg("min") = py::none(), py::arg("max") = py::none(), "In-place version of clip.");
  for (bool is_min : {true, false}) {
    const char* name = is_min ? "clamp_min" : "clamp_max";
    const char* arg = is_min ? "min" : "max";
    const char* doc = is_min ? "Elementwise max(input, min); min is a number or a tensor."
                             : "Elementwise min(input, max); max is a number or a tensor.";
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
  const char* where_doc = "Elementwise condition ? input : other, broadcast; input and other may be numbers.";
  m.def("where", &where_any, py::arg("condition"), py::arg("input"), py::arg("other"), where_doc);
  cls.def("where", [](const Tensor& self, const Tensor& cond, py::handle other) { return where_any(cond, py::cast(self), other); },
          py::arg("condition"), py::arg("other"), "condition ? self : other, broadcast.");

  const char* isclose_doc = "Elementwise |input - other| <= atol + rtol * |other| (bool result); same dtypes required.";
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
          py::arg("equal_nan") = false, "True when isclose holds for every element.");
  m.def("allclose", allclose_fn, py::arg("input"), py::arg("other"), py::arg("rtol") = 1e-5, py::arg("atol") = 1e-8,
        py::arg("equal_nan") = false, "True when isclose holds for every element.");
  cls.def("equal", [](const Tensor& a, const Tensor& b) { return equal(a, b); }, py::arg("other"),
          "True when both tensors have the same shape and values.");
  m.def("equal", [](const Tensor& a, const Tensor& b) { return equal(a, b); }, py::arg("input"), py::arg("other"),
        "True when both tensors have the same shape and values.");

  m.def("result_type", [](py::handle a, py::handle b) {
    auto sa = scalar_from_python(a), sb = scalar_from_python(b);
    if (sa && sb) return result_type(*sa, *sb);
    if (is_tensor(a) && sb) return result_type(a.cast<Tensor>(), *sb);
    if (is_tensor(b) && sa) return result_type(b.cast<Tensor>(), *sa);
    return result_type(operand_tensor(a, "result_type"), operand_tensor(b, "result_type"));
  }, py::arg("tensor1"), py::arg("tensor2"), "The dtype PyTorch's type promotion gives an op on the two operands.");
}

}  // namespace rustorch::python
