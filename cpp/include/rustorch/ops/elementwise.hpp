// Elementwise ops with NumPy broadcasting and PyTorch type promotion: arithmetic, comparisons,
// logical/bitwise ops, unary math, clamp, where, and their in-place variants.
#pragma once
#include <optional>

#include "rustorch/core/scalar.hpp"
#include "rustorch/core/tensor.hpp"

namespace rustorch {

// PyTorch's result type: dimensioned tensors outrank 0-dim tensors, which outrank Python scalars;
// a lower-ranked operand of a higher kind (bool < integral < floating) lifts the kind.
DType result_type(const Tensor& a, const Tensor& b);
DType result_type(const Tensor& a, const Scalar& b);
DType result_type(const Scalar& a, const Scalar& b);

// A 0-dim tensor holding `s` as `dtype` (how a Python number joins a tensor op).
Tensor wrapped_scalar(const Scalar& s, DType dtype);

// ---- Binary arithmetic. Tensor-scalar forms promote like PyTorch's wrapped numbers. ----------------
Tensor add(const Tensor& a, const Tensor& b);
Tensor add(const Tensor& a, const Scalar& b);
Tensor sub(const Tensor& a, const Tensor& b);
Tensor sub(const Tensor& a, const Scalar& b);
Tensor rsub(const Tensor& a, const Scalar& b);  // b - a
Tensor mul(const Tensor& a, const Tensor& b);
Tensor mul(const Tensor& a, const Scalar& b);

// Division: true division by default (integer inputs give the default float); "trunc" rounds
// toward zero and "floor" toward -inf, keeping integer dtypes (integer division by zero throws).
enum class RoundingMode { None, Trunc, Floor };
RoundingMode parse_rounding_mode(const char* mode);  // "trunc" / "floor"; throws ValueError otherwise
Tensor div(const Tensor& a, const Tensor& b);
Tensor div(const Tensor& a, const Scalar& b);
Tensor div(const Tensor& a, const Tensor& b, RoundingMode mode);
Tensor div(const Tensor& a, const Scalar& b, RoundingMode mode);
Tensor rdiv(const Tensor& a, const Scalar& b);  // b / a

Tensor floor_divide(const Tensor& a, const Tensor& b);  // floor(a / b), like Python's //
Tensor floor_divide(const Tensor& a, const Scalar& b);
Tensor floor_divide(const Scalar& a, const Tensor& b);
Tensor remainder(const Tensor& a, const Tensor& b);  // a - floor(a / b) * b: sign of the divisor, like Python's %
Tensor remainder(const Tensor& a, const Scalar& b);
Tensor remainder(const Scalar& a, const Tensor& b);
Tensor fmod(const Tensor& a, const Tensor& b);  // C fmod: sign of the dividend
Tensor fmod(const Tensor& a, const Scalar& b);
Tensor pow(const Tensor& a, const Tensor& exponent);
Tensor pow(const Tensor& a, const Scalar& exponent);
Tensor pow(const Scalar& a, const Tensor& exponent);
Tensor maximum(const Tensor& a, const Tensor& b);  // NaN-propagating; ties split the gradient
Tensor minimum(const Tensor& a, const Tensor& b);
Tensor atan2(const Tensor& a, const Tensor& b);  // atan2(a, b), floating result

// ---- Comparisons (bool results, not differentiable) -----------------------------------------------
Tensor eq(const Tensor& a, const Tensor& b);
Tensor ne(const Tensor& a, const Tensor& b);
Tensor lt(const Tensor& a, const Tensor& b);
Tensor le(const Tensor& a, const Tensor& b);
Tensor gt(const Tensor& a, const Tensor& b);
Tensor ge(const Tensor& a, const Tensor& b);
Tensor eq(const Tensor& a, const Scalar& b);
Tensor ne(const Tensor& a, const Scalar& b);
Tensor lt(const Tensor& a, const Scalar& b);
Tensor le(const Tensor& a, const Scalar& b);
Tensor gt(const Tensor& a, const Scalar& b);
Tensor ge(const Tensor& a, const Scalar& b);
// |a - b| <= atol + rtol * |b| (or a == b; NaNs equal when equal_nan); a and b need the same dtype.
Tensor isclose(const Tensor& a, const Tensor& b, double rtol = 1e-5, double atol = 1e-8, bool equal_nan = false);
bool allclose(const Tensor& a, const Tensor& b, double rtol = 1e-5, double atol = 1e-8, bool equal_nan = false);
bool equal(const Tensor& a, const Tensor& b);  // same shape and same values
Tensor isnan(const Tensor& a);
Tensor isinf(const Tensor& a);
Tensor isposinf(const Tensor& a);
Tensor isneginf(const Tensor& a);
Tensor isfinite(const Tensor& a);

// ---- Logical (any dtype, bool result) and bitwise (bool and int64 only) ----------------------------
Tensor logical_and(const Tensor& a, const Tensor& b);
Tensor logical_or(const Tensor& a, const Tensor& b);
Tensor logical_xor(const Tensor& a, const Tensor& b);
Tensor logical_not(const Tensor& a);
Tensor bitwise_and(const Tensor& a, const Tensor& b);
Tensor bitwise_or(const Tensor& a, const Tensor& b);
Tensor bitwise_xor(const Tensor& a, const Tensor& b);
Tensor bitwise_and(const Tensor& a, const Scalar& b);
Tensor bitwise_or(const Tensor& a, const Scalar& b);
Tensor bitwise_xor(const Tensor& a, const Scalar& b);
Tensor bitwise_not(const Tensor& a);

// cond ? a : b, broadcast; a and b promoted together. Differentiable in a and b.
Tensor where(const Tensor& cond, const Tensor& a, const Tensor& b);

// ---- Unary math (integer inputs of floating functions give the default float) ----------------------
Tensor abs(const Tensor& a);
Tensor neg(const Tensor& a);
Tensor sign(const Tensor& a);
Tensor exp(const Tensor& a);
Tensor exp2(const Tensor& a);
Tensor expm1(const Tensor& a);
Tensor log(const Tensor& a);
Tensor log2(const Tensor& a);
Tensor log10(const Tensor& a);
Tensor log1p(const Tensor& a);
Tensor sqrt(const Tensor& a);
Tensor rsqrt(const Tensor& a);
Tensor sin(const Tensor& a);
Tensor cos(const Tensor& a);
Tensor tan(const Tensor& a);
Tensor asin(const Tensor& a);
Tensor acos(const Tensor& a);
Tensor atan(const Tensor& a);
Tensor sinh(const Tensor& a);
Tensor cosh(const Tensor& a);
Tensor tanh(const Tensor& a);
Tensor sigmoid(const Tensor& a);
Tensor relu(const Tensor& a);
Tensor erf(const Tensor& a);
Tensor erfc(const Tensor& a);
Tensor reciprocal(const Tensor& a);
Tensor square(const Tensor& a);
Tensor floor(const Tensor& a);
Tensor ceil(const Tensor& a);
Tensor trunc(const Tensor& a);
Tensor round(const Tensor& a);  // half to even
Tensor round(const Tensor& a, int64_t decimals);  // round(a * 10^decimals) / 10^decimals

// clamp: each bound optional (at least one given); the result type promotes over input and bounds.
Tensor clamp(const Tensor& a, const std::optional<Scalar>& min, const std::optional<Scalar>& max);
Tensor clamp(const Tensor& a, const Tensor& min, const Tensor& max);  // an undefined Tensor is no bound
Tensor clamp_min(const Tensor& a, const Scalar& min);
Tensor clamp_min(const Tensor& a, const Tensor& min);
Tensor clamp_max(const Tensor& a, const Scalar& max);
Tensor clamp_max(const Tensor& a, const Tensor& max);

// ---- In-place variants: same checks and gradients; the result type must cast to self's dtype --------
const Tensor& add_(const Tensor& self, const Tensor& other);
const Tensor& add_(const Tensor& self, const Scalar& other);
const Tensor& sub_(const Tensor& self, const Tensor& other);
const Tensor& sub_(const Tensor& self, const Scalar& other);
const Tensor& mul_(const Tensor& self, const Tensor& other);
const Tensor& mul_(const Tensor& self, const Scalar& other);
const Tensor& div_(const Tensor& self, const Tensor& other);
const Tensor& div_(const Tensor& self, const Scalar& other);
const Tensor& div_(const Tensor& self, const Tensor& other, RoundingMode mode);
const Tensor& div_(const Tensor& self, const Scalar& other, RoundingMode mode);
const Tensor& floor_divide_(const Tensor& self, const Tensor& other);
const Tensor& floor_divide_(const Tensor& self, const Scalar& other);
const Tensor& remainder_(const Tensor& self, const Tensor& other);
const Tensor& remainder_(const Tensor& self, const Scalar& other);
const Tensor& fmod_(const Tensor& self, const Tensor& other);
const Tensor& fmod_(const Tensor& self, const Scalar& other);
const Tensor& pow_(const Tensor& self, const Tensor& exponent);
const Tensor& pow_(const Tensor& self, const Scalar& exponent);
const Tensor& atan2_(const Tensor& self, const Tensor& other);
const Tensor& logical_and_(const Tensor& self, const Tensor& other);
const Tensor& logical_or_(const Tensor& self, const Tensor& other);
const Tensor& logical_xor_(const Tensor& self, const Tensor& other);
const Tensor& logical_not_(const Tensor& self);
const Tensor& bitwise_and_(const Tensor& self, const Tensor& other);
const Tensor& bitwise_or_(const Tensor& self, const Tensor& other);
const Tensor& bitwise_xor_(const Tensor& self, const Tensor& other);
const Tensor& bitwise_and_(const Tensor& self, const Scalar& other);
const Tensor& bitwise_or_(const Tensor& self, const Scalar& other);
const Tensor& bitwise_xor_(const Tensor& self, const Scalar& other);
const Tensor& bitwise_not_(const Tensor& self);

const Tensor& abs_(const Tensor& self);
const Tensor& neg_(const Tensor& self);
const Tensor& sign_(const Tensor& self);
const Tensor& exp_(const Tensor& self);
const Tensor& exp2_(const Tensor& self);
const Tensor& expm1_(const Tensor& self);
const Tensor& log_(const Tensor& self);
const Tensor& log2_(const Tensor& self);
const Tensor& log10_(const Tensor& self);
const Tensor& log1p_(const Tensor& self);
const Tensor& sqrt_(const Tensor& self);
const Tensor& rsqrt_(const Tensor& self);
const Tensor& sin_(const Tensor& self);
const Tensor& cos_(const Tensor& self);
const Tensor& tan_(const Tensor& self);
const Tensor& asin_(const Tensor& self);
const Tensor& acos_(const Tensor& self);
const Tensor& atan_(const Tensor& self);
const Tensor& sinh_(const Tensor& self);
const Tensor& cosh_(const Tensor& self);
const Tensor& tanh_(const Tensor& self);
const Tensor& sigmoid_(const Tensor& self);
const Tensor& relu_(const Tensor& self);
const Tensor& erf_(const Tensor& self);
const Tensor& erfc_(const Tensor& self);
const Tensor& reciprocal_(const Tensor& self);
const Tensor& square_(const Tensor& self);
const Tensor& floor_(const Tensor& self);
const Tensor& ceil_(const Tensor& self);
const Tensor& trunc_(const Tensor& self);
const Tensor& round_(const Tensor& self);
const Tensor& round_(const Tensor& self, int64_t decimals);
const Tensor& clamp_(const Tensor& self, const std::optional<Scalar>& min, const std::optional<Scalar>& max);
const Tensor& clamp_(const Tensor& self, const Tensor& min, const Tensor& max);
const Tensor& clamp_min_(const Tensor& self, const Scalar& min);
const Tensor& clamp_min_(const Tensor& self, const Tensor& min);
const Tensor& clamp_max_(const Tensor& self, const Scalar& max);
const Tensor& clamp_max_(const Tensor& self, const Tensor& max);

}  // namespace rustorch
