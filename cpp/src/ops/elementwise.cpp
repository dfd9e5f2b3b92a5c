#include "rustorch/ops/elementwise.hpp"

#include <cmath>

#include "rustorch/autograd/function.hpp"
#include "rustorch/ops/copy.hpp"
#include "rustorch/ops/factory.hpp"
#include "rustorch/ops/iter.hpp"
#include "rustorch/ops/registry.hpp"

namespace rustorch {

using autograd::BackwardContext;

RT_REGISTER_OP("add", true);
RT_REGISTER_OP("sub", true);
RT_REGISTER_OP("mul", true);
RT_REGISTER_OP("div", true);
RT_REGISTER_OP("neg", true);
RT_REGISTER_OP("rsub", true);
RT_REGISTER_OP("rdiv", true);

// ---------------------------------------------------------------------------------------------
// Type promotion

namespace {

struct ResultTypeState {
  DType dimensioned = DType::Bool, zero_dim = DType::Bool, wrapped = DType::Bool;
  bool has_dim = false, has_zero = false, has_wrapped = false;

  void add_tensor(const Tensor& t) {
    if (t.dim() > 0) {
      dimensioned = has_dim ? promote_types(dimensioned, t.dtype()) : t.dtype();
      has_dim = true;
    } else {
      zero_dim = has_zero ? promote_types(zero_dim, t.dtype()) : t.dtype();
      has_zero = true;
    }
  }
  void add_scalar(const Scalar& s) {
    const DType d = s.default_dtype();
    wrapped = has_wrapped ? promote_types(wrapped, d) : d;
    has_wrapped = true;
  }
  DType result() const {
    DType r = has_dim ? dimensioned : has_zero ? zero_dim : wrapped;
    auto lift = [&r](bool present, DType other) {
      if (present && type_kind(other) > type_kind(r)) r = other;
    };
    if (has_dim) lift(has_zero, zero_dim);
    if (has_dim || has_zero) {
      if (has_wrapped && type_kind(wrapped) > type_kind(r))
        r = type_kind(wrapped) == TypeKind::Floating ? default_float_dtype() : wrapped;
    }
    return r;
  }
};

void check_can_cast(DType from, DType to, const char* op) {
  RT_CHECK(type_kind(from) <= type_kind(to), TypeError, op, ": result type ", dtype_name(from),
           " can't be cast to the desired output type ", dtype_name(to));
}

}  // namespace

DType result_type(const Tensor& a, const Tensor& b) {
  ResultTypeState s;
  s.add_tensor(a);
  s.add_tensor(b);
  return s.result();
}

DType result_type(const Tensor& a, const Scalar& b) {
  ResultTypeState s;
  s.add_tensor(a);
  s.add_scalar(b);
  return s.result();
}

// ---------------------------------------------------------------------------------------------
// Kernels shared by the arithmetic ops

namespace {

// out = op(a, b) computed in `compute` dtype, broadcast.
template <class Op>
Tensor binary_kernel(const char* name, const Tensor& a, const Tensor& b, DType compute, Op op) {
  Tensor out = Tensor::empty(broadcast_shapes(a.shape(), b.shape(), name), compute);
  const Tensor ac = to_dtype(a.detach(), compute), bc = to_dtype(b.detach(), compute);
  dispatch_dtype(compute, [&](auto tag) {
    using T = typename decltype(tag)::type;
    binary_loop<T, T, T>(out, ac, bc, [&](T x, T y) { return static_cast<T>(op(x, y)); });
  });
  return out;
}

template <class Op>
Tensor scalar_kernel(const Tensor& a, const Scalar& s, DType compute, Op op) {
  Tensor out = Tensor::empty(a.shape(), compute);
  const Tensor ac = to_dtype(a.detach(), compute);
  dispatch_dtype(compute, [&](auto tag) {
    using T = typename decltype(tag)::type;
    const T v = s.to<T>();
    unary_loop<T, T>(out, ac, [&](T x) { return static_cast<T>(op(x, v)); });
  });
  return out;
}

// Writes op(self, other) into self (in-place), checking that the result type fits self's dtype.
template <class Op>
void inplace_kernel(const char* name, const Tensor& self, const Tensor& other, DType compute, Op op) {
  check_can_cast(compute, self.dtype(), name);
  RT_CHECK(broadcast_shapes(self.shape(), other.shape(), name) == self.shape(), ValueError, name,
           ": output with shape ", shape_str(self.shape()), " doesn't match the broadcast shape ",
           shape_str(broadcast_shapes(self.shape(), other.shape(), name)));
  if (compute == self.dtype() && !(other.storage() == self.storage() && !other.is_same(self))) {
    const Tensor oc = to_dtype(other.detach(), compute);
    dispatch_dtype(compute, [&](auto tag) {
      using T = typename decltype(tag)::type;
      binary_loop<T, T, T>(self, self, oc, [&](T x, T y) { return static_cast<T>(op(x, y)); });
    });
  } else {
    copy_kernel(self, binary_kernel(name, self, clone(other.detach()), compute, op));
  }
  self.bump_version();
}

void check_not_bool(const Tensor& t, const char* op, const char* hint) {
  RT_CHECK(t.dtype() != DType::Bool, TypeError, op, ": ", hint);
}

DType true_div_type(DType d) { return is_floating(d) ? d : default_float_dtype(); }

constexpr auto kAdd = [](auto x, auto y) { return x + y; };
constexpr auto kSub = [](auto x, auto y) { return x - y; };
constexpr auto kMul = [](auto x, auto y) { return x * y; };
constexpr auto kDiv = [](auto x, auto y) { return x / y; };

}  // namespace

// ---------------------------------------------------------------------------------------------
// Ops: forward and backward side by side

Tensor add(const Tensor& a, const Tensor& b) {
  Tensor out = binary_kernel("add", a, b, result_type(a, b), kAdd);
  if (autograd::needs_grad({a, b}))
    autograd::record("AddBackward", {a, b}, {out}, {},
                     [](const BackwardContext&, const TensorList& g) -> TensorList { return {g[0], g[0]}; });
  return out;
}

Tensor sub(const Tensor& a, const Tensor& b) {
  RT_CHECK(!(a.dtype() == DType::Bool && b.dtype() == DType::Bool), TypeError,
           "sub: subtraction, the `-` operator, with two bool tensors is not supported; use logical_xor instead");
  Tensor out = binary_kernel("sub", a, b, result_type(a, b), kSub);
  if (autograd::needs_grad({a, b}))
    autograd::record("SubBackward", {a, b}, {out}, {}, [](const BackwardContext& ctx, const TensorList& g) -> TensorList {
      return {g[0], ctx.needs_input_grad(1) ? neg(g[0]) : Tensor()};
    });
  return out;
}

Tensor mul(const Tensor& a, const Tensor& b) {
  Tensor out = binary_kernel("mul", a, b, result_type(a, b), kMul);
  if (autograd::needs_grad({a, b}))
    autograd::record("MulBackward", {a, b}, {out}, {a, b}, [](const BackwardContext& ctx, const TensorList& g) -> TensorList {
      TensorList r(2);
      if (ctx.needs_input_grad(0)) r[0] = mul(g[0], ctx.saved(1));
      if (ctx.needs_input_grad(1)) r[1] = mul(g[0], ctx.saved(0));
      return r;
    });
  return out;
}

Tensor div(const Tensor& a, const Tensor& b) {
  Tensor out = binary_kernel("div", a, b, true_div_type(result_type(a, b)), kDiv);
  if (autograd::needs_grad({a, b}))
    autograd::record("DivBackward", {a, b}, {out}, {a, b}, [](const BackwardContext& ctx, const TensorList& g) -> TensorList {
      TensorList r(2);
      const Tensor bv = ctx.saved(1);
      if (ctx.needs_input_grad(0)) r[0] = div(g[0], bv);
      if (ctx.needs_input_grad(1)) r[1] = neg(div(mul(g[0], ctx.saved(0)), mul(bv, bv)));
      return r;
    });
  return out;
}

Tensor add(const Tensor& a, const Scalar& s) {
  Tensor out = scalar_kernel(a, s, result_type(a, s), kAdd);
  if (autograd::needs_grad({a}))
    autograd::record("AddBackward", {a}, {out}, {},
                     [](const BackwardContext&, const TensorList& g) -> TensorList { return {g[0]}; });
  return out;
}

Tensor sub(const Tensor& a, const Scalar& s) {
  check_not_bool(a, "sub", "subtraction with a bool tensor is not supported");
  Tensor out = scalar_kernel(a, s, result_type(a, s), kSub);
  if (autograd::needs_grad({a}))
    autograd::record("SubBackward", {a}, {out}, {},
                     [](const BackwardContext&, const TensorList& g) -> TensorList { return {g[0]}; });
  return out;
}

Tensor rsub(const Tensor& a, const Scalar& s) {
  check_not_bool(a, "rsub", "subtraction with a bool tensor is not supported");
  Tensor out = scalar_kernel(a, s, result_type(a, s), [](auto x, auto v) { return v - x; });
  if (autograd::needs_grad({a}))
    autograd::record("RsubBackward", {a}, {out}, {},
                     [](const BackwardContext&, const TensorList& g) -> TensorList { return {neg(g[0])}; });
  return out;
}

Tensor mul(const Tensor& a, const Scalar& s) {
  Tensor out = scalar_kernel(a, s, result_type(a, s), kMul);
  if (autograd::needs_grad({a}))
    autograd::record("MulBackward", {a}, {out}, {},
                     [s](const BackwardContext&, const TensorList& g) -> TensorList { return {mul(g[0], s)}; });
  return out;
}

Tensor div(const Tensor& a, const Scalar& s) {
  Tensor out = scalar_kernel(a, s, true_div_type(result_type(a, s)), kDiv);
  if (autograd::needs_grad({a}))
    autograd::record("DivBackward", {a}, {out}, {},
                     [s](const BackwardContext&, const TensorList& g) -> TensorList { return {div(g[0], s)}; });
  return out;
}

Tensor rdiv(const Tensor& a, const Scalar& s) {
  Tensor out = scalar_kernel(a, s, true_div_type(result_type(a, s)), [](auto x, auto v) { return v / x; });
  if (autograd::needs_grad({a}))
    autograd::record("RdivBackward", {a}, {out}, {a, out}, [](const BackwardContext& ctx, const TensorList& g) -> TensorList {
      return {neg(div(mul(g[0], ctx.saved(1)), ctx.saved(0)))};
    });
  return out;
}

Tensor neg(const Tensor& a) {
  check_not_bool(a, "neg", "negation, the `-` operator, on a bool tensor is not supported; use logical_not instead");
  Tensor out = Tensor::empty(a.shape(), a.dtype());
  dispatch_dtype(a.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    unary_loop<T, T>(out, a, [](T x) { return static_cast<T>(-x); });
  });
  if (autograd::needs_grad({a}))
    autograd::record("NegBackward", {a}, {out}, {},
                     [](const BackwardContext&, const TensorList& g) -> TensorList { return {neg(g[0])}; });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Comparisons

namespace {
template <class Cmp> Tensor compare(const char* name, const Tensor& a, const Tensor& b, Cmp cmp) {
  const DType compute = result_type(a, b);
  Tensor out = Tensor::empty(broadcast_shapes(a.shape(), b.shape(), name), DType::Bool);
  const Tensor ac = to_dtype(a.detach(), compute), bc = to_dtype(b.detach(), compute);
  dispatch_dtype(compute, [&](auto tag) {
    using T = typename decltype(tag)::type;
    binary_loop<bool, T, T>(out, ac, bc, [&](T x, T y) { return cmp(x, y); });
  });
  return out;
}
template <class Cmp> Tensor compare(const Tensor& a, const Scalar& s, Cmp cmp) {
  const DType compute = result_type(a, s);
  Tensor out = Tensor::empty(a.shape(), DType::Bool);
  const Tensor ac = to_dtype(a.detach(), compute);
  dispatch_dtype(compute, [&](auto tag) {
    using T = typename decltype(tag)::type;
    const T v = s.to<T>();
    unary_loop<bool, T>(out, ac, [&](T x) { return cmp(x, v); });
  });
  return out;
}
}  // namespace

#define RT_DEFINE_COMPARISON(NAME, EXPR)                                                          \
  RT_REGISTER_OP(#NAME, false);                                                                   \
  Tensor NAME(const Tensor& a, const Tensor& b) {                                                 \
    return compare(#NAME, a, b, [](auto x, auto y) { return EXPR; });                             \
  }                                                                                               \
  Tensor NAME(const Tensor& a, const Scalar& b) { return compare(a, b, [](auto x, auto y) { return EXPR; }); }

RT_DEFINE_COMPARISON(eq, x == y)
RT_DEFINE_COMPARISON(ne, x != y)
RT_DEFINE_COMPARISON(lt, x < y)
RT_DEFINE_COMPARISON(le, x <= y)
RT_DEFINE_COMPARISON(gt, x > y)
RT_DEFINE_COMPARISON(ge, x >= y)
#undef RT_DEFINE_COMPARISON

// ---------------------------------------------------------------------------------------------
// where

RT_REGISTER_OP("where", true);

Tensor where(const Tensor& cond, const Tensor& a, const Tensor& b) {
  RT_CHECK(cond.dtype() == DType::Bool, TypeError, "where: expected condition to be a bool tensor, got ",
           dtype_name(cond.dtype()));
  const DType compute = result_type(a, b);
  const Shape shape = broadcast_shapes(broadcast_shapes(cond.shape(), a.shape(), "where"), b.shape(), "where");
  Tensor out = Tensor::empty(shape, compute);
  const Tensor ac = to_dtype(a.detach(), compute), bc = to_dtype(b.detach(), compute);
  dispatch_dtype(compute, [&](auto tag) {
    using T = typename decltype(tag)::type;
    StridedIter<4> it(shape, {out.strides(), broadcast_strides(cond, shape), broadcast_strides(ac, shape),
                              broadcast_strides(bc, shape)});
    it.for_each({static_cast<char*>(out.raw_data()), static_cast<char*>(cond.raw_data()),
                 static_cast<char*>(ac.raw_data()), static_cast<char*>(bc.raw_data())},
                {int64_t(sizeof(T)), 1, int64_t(sizeof(T)), int64_t(sizeof(T))},
                [](const std::array<char*, 4>& p, const std::array<int64_t, 4>& s, int64_t n) {
                  T* o = reinterpret_cast<T*>(p[0]);
                  const bool* c = reinterpret_cast<const bool*>(p[1]);
                  const T* x = reinterpret_cast<const T*>(p[2]);
                  const T* y = reinterpret_cast<const T*>(p[3]);
                  for (int64_t i = 0; i < n; ++i) o[i * s[0]] = c[i * s[1]] ? x[i * s[2]] : y[i * s[3]];
                });
  });
  if (autograd::needs_grad({a, b}))
    autograd::record("WhereBackward", {a, b}, {out}, {cond}, [](const BackwardContext& ctx, const TensorList& g) -> TensorList {
      const Tensor c = ctx.saved(0);
      const Tensor zero = zeros({}, g[0].dtype());
      TensorList r(2);
      if (ctx.needs_input_grad(0)) r[0] = where(c, g[0], zero);
      if (ctx.needs_input_grad(1)) r[1] = where(c, zero, g[0]);
      return r;
    });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Unary math. Each op: a kernel lambda for the value and the backward rule in terms of ops.

namespace {
// out = f(a) in a's floating type (integer input promotes to the default float), or in a's own
// dtype when keep_integral.
template <class F> Tensor unary_math(const Tensor& a, F f, bool keep_integral = false) {
  const DType compute = keep_integral || is_floating(a.dtype()) ? a.dtype() : default_float_dtype();
  Tensor out = Tensor::empty(a.shape(), compute);
  const Tensor ac = to_dtype(a.detach(), compute);
  dispatch_dtype(compute, [&](auto tag) {
    using T = typename decltype(tag)::type;
    unary_loop<T, T>(out, ac, [&](T x) { return static_cast<T>(f(x)); });
  });
  return out;
}
}  // namespace

RT_REGISTER_OP("abs", true);
RT_REGISTER_OP("sign", true);
RT_REGISTER_OP("exp", true);
RT_REGISTER_OP("log", true);
RT_REGISTER_OP("sqrt", true);
RT_REGISTER_OP("pow", true);

Tensor abs(const Tensor& a) {
  Tensor out = unary_math(a, [](auto x) { return x < 0 ? -x : x; }, true);
  if (autograd::needs_grad({a}))
    autograd::record("AbsBackward", {a}, {out}, {a}, [](const BackwardContext& ctx, const TensorList& g) -> TensorList {
      return {mul(g[0], sign(ctx.saved(0)))};
    });
  return out;
}

Tensor sign(const Tensor& a) {
  Tensor out = unary_math(a, [](auto x) { return (x > 0) - (x < 0); }, true);
  if (autograd::needs_grad({a}))
    autograd::record("SignBackward", {a}, {out}, {}, [](const BackwardContext&, const TensorList& g) -> TensorList {
      return {zeros(g[0].shape(), g[0].dtype())};
    });
  return out;
}

Tensor exp(const Tensor& a) {
  Tensor out = unary_math(a, [](auto x) { return std::exp(x); });
  if (autograd::needs_grad({a}))
    autograd::record("ExpBackward", {a}, {out}, {out}, [](const BackwardContext& ctx, const TensorList& g) -> TensorList {
      return {mul(g[0], ctx.saved(0))};
    });
  return out;
}

Tensor log(const Tensor& a) {
  Tensor out = unary_math(a, [](auto x) { return std::log(x); });
  if (autograd::needs_grad({a}))
    autograd::record("LogBackward", {a}, {out}, {a}, [](const BackwardContext& ctx, const TensorList& g) -> TensorList {
      return {div(g[0], ctx.saved(0))};
    });
  return out;
}

Tensor sqrt(const Tensor& a) {
  Tensor out = unary_math(a, [](auto x) { return std::sqrt(x); });
  if (autograd::needs_grad({a}))
    autograd::record("SqrtBackward", {a}, {out}, {out}, [](const BackwardContext& ctx, const TensorList& g) -> TensorList {
      return {div(g[0], mul(ctx.saved(0), Scalar(2.0)))};
    });
  return out;
}

Tensor pow(const Tensor& a, const Scalar& e) {
  const bool integral_result = !is_floating(a.dtype()) && e.kind() != TypeKind::Floating;
  if (integral_result) RT_CHECK(e.to_int() >= 0, Error, "pow: integers to negative integer powers are not allowed");
  Tensor out = integral_result ? unary_math(a, [n = e.to_int()](auto x) {
    decltype(x) r = 1;
    for (int64_t i = 0; i < n; ++i) r *= x;
    return r;
  }, true)
                               : unary_math(a, [v = e.to_double()](auto x) {
                                   using T = decltype(x);
                                   return std::pow(x, static_cast<T>(v));
                                 });
  if (autograd::needs_grad({a}))
    autograd::record("PowBackward", {a}, {out}, {a}, [e](const BackwardContext& ctx, const TensorList& g) -> TensorList {
      if (e.to_double() == 0.0) return {zeros(g[0].shape(), g[0].dtype())};
      return {mul(mul(g[0], pow(ctx.saved(0), Scalar(e.to_double() - 1.0))), e)};
    });
  return out;
}

// In-place variants: the tensor's history is extended by the same backward rule.

const Tensor& add_(const Tensor& self, const Tensor& other) {
  const bool grad = autograd::needs_grad({self, other});
  if (grad) autograd::check_inplace(self, "add_");
  inplace_kernel("add_", self, other, result_type(self, other), kAdd);
  if (grad)
    autograd::record("AddBackward", {self, other}, {self}, {},
                     [](const BackwardContext&, const TensorList& g) -> TensorList { return {g[0], g[0]}; });
  return self;
}

const Tensor& sub_(const Tensor& self, const Tensor& other) {
  const bool grad = autograd::needs_grad({self, other});
  if (grad) autograd::check_inplace(self, "sub_");
  check_not_bool(self, "sub_", "subtraction with a bool tensor is not supported");
  inplace_kernel("sub_", self, other, result_type(self, other), kSub);
  if (grad)
    autograd::record("SubBackward", {self, other}, {self}, {},
                     [](const BackwardContext&, const TensorList& g) -> TensorList { return {g[0], neg(g[0])}; });
  return self;
}

const Tensor& mul_(const Tensor& self, const Tensor& other) {
  const bool grad = autograd::needs_grad({self, other});
  if (grad) autograd::check_inplace(self, "mul_");
  const Tensor original = grad ? clone(self.detach()) : Tensor();
  inplace_kernel("mul_", self, other, result_type(self, other), kMul);
  if (grad)
    autograd::record("MulBackward", {self, other}, {self}, {original, other},
                     [](const BackwardContext& ctx, const TensorList& g) -> TensorList {
                       TensorList r(2);
                       if (ctx.needs_input_grad(0)) r[0] = mul(g[0], ctx.saved(1));
                       if (ctx.needs_input_grad(1)) r[1] = mul(g[0], ctx.saved(0));
                       return r;
                     });
  return self;
}

const Tensor& div_(const Tensor& self, const Tensor& other) {
  const bool grad = autograd::needs_grad({self, other});
  if (grad) autograd::check_inplace(self, "div_");
  const Tensor original = grad ? clone(self.detach()) : Tensor();
  inplace_kernel("div_", self, other, true_div_type(result_type(self, other)), kDiv);
  if (grad)
    autograd::record("DivBackward", {self, other}, {self}, {original, other},
                     [](const BackwardContext& ctx, const TensorList& g) -> TensorList {
                       TensorList r(2);
                       const Tensor bv = ctx.saved(1);
                       if (ctx.needs_input_grad(0)) r[0] = div(g[0], bv);
                       if (ctx.needs_input_grad(1)) r[1] = neg(div(mul(g[0], ctx.saved(0)), mul(bv, bv)));
                       return r;
                     });
  return self;
}

namespace {
template <class Op>
const Tensor& scalar_inplace(const char* name, const Tensor& self, const Scalar& s, DType compute, Op op,
                             autograd::BackwardFn backward) {
  const bool grad = autograd::needs_grad({self});
  if (grad) autograd::check_inplace(self, name);
  check_can_cast(compute, self.dtype(), name);
  if (compute == self.dtype()) {
    dispatch_dtype(compute, [&](auto tag) {
      using T = typename decltype(tag)::type;
      const T v = s.to<T>();
      unary_loop<T, T>(self, self, [&](T x) { return static_cast<T>(op(x, v)); });
    });
  } else {
    copy_kernel(self, scalar_kernel(self, s, compute, op));
  }
  self.bump_version();
  if (grad) autograd::record(name, {self}, {self}, {}, std::move(backward));
  return self;
}
}  // namespace

const Tensor& add_(const Tensor& self, const Scalar& s) {
  return scalar_inplace("AddBackward", self, s, result_type(self, s), kAdd,
                        [](const BackwardContext&, const TensorList& g) -> TensorList { return {g[0]}; });
}
const Tensor& sub_(const Tensor& self, const Scalar& s) {
  check_not_bool(self, "sub_", "subtraction with a bool tensor is not supported");
  return scalar_inplace("SubBackward", self, s, result_type(self, s), kSub,
                        [](const BackwardContext&, const TensorList& g) -> TensorList { return {g[0]}; });
}
const Tensor& mul_(const Tensor& self, const Scalar& s) {
  return scalar_inplace("MulBackward", self, s, result_type(self, s), kMul,
                        [s](const BackwardContext&, const TensorList& g) -> TensorList { return {mul(g[0], s)}; });
}
const Tensor& div_(const Tensor& self, const Scalar& s) {
  return scalar_inplace("DivBackward", self, s, true_div_type(result_type(self, s)), kDiv,
                        [s](const BackwardContext&, const TensorList& g) -> TensorList { return {div(g[0], s)}; });
}

}  // namespace rustorch
