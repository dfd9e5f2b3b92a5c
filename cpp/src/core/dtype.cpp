#include "rustorch/core/dtype.hpp"

#include "rustorch/core/error.hpp"
#include "rustorch/core/op_name.hpp"
#include "rustorch/core/scalar.hpp"

namespace rustorch {

namespace {
DType g_default_float = DType::Float32;
thread_local const char* t_op_name = nullptr;
}  // namespace

const char* current_op_name() { return t_op_name ? t_op_name : ""; }
OpNameScope::OpNameScope(const char* name) : previous_(t_op_name) { t_op_name = name; }
OpNameScope::~OpNameScope() { t_op_name = previous_; }

size_t itemsize(DType d) {
  switch (d) {
    case DType::Bool: return 1;
    case DType::Int64: return 8;
    case DType::Float32: return 4;
    case DType::Float64: return 8;
    case DType::Complex64: return 8;
    case DType::Complex128: return 16;
  }
  return 8;
}

const char* dtype_name(DType d) {
  switch (d) {
    case DType::Bool: return "bool";
    case DType::Int64: return "int64";
    case DType::Float32: return "float32";
    case DType::Float64: return "float64";
    case DType::Complex64: return "complex64";
    case DType::Complex128: return "complex128";
  }
  return "?";
}

DType dtype_from_name(const std::string& n) {
  if (n == "bool") return DType::Bool;
  if (n == "int64" || n == "long") return DType::Int64;
  if (n == "float32" || n == "float") return DType::Float32;
  if (n == "float64" || n == "double") return DType::Float64;
  if (n == "complex64" || n == "cfloat") return DType::Complex64;
  if (n == "complex128" || n == "cdouble") return DType::Complex128;
  RT_THROW(TypeError, "unsupported dtype '", n,
           "' (rustorch supports bool, int64, float32, float64, complex64, complex128)");
}

DType promote_types(DType a, DType b) {
  if (is_complex(a) || is_complex(b)) {
    // Complex wins the kind; the precision is the higher of the two (float64 counts as double).
    const bool wide = a == DType::Float64 || a == DType::Complex128 || b == DType::Float64 || b == DType::Complex128;
    return wide ? DType::Complex128 : DType::Complex64;
  }
  return static_cast<uint8_t>(a) >= static_cast<uint8_t>(b) ? a : b;
}

void throw_unsupported_complex(DType d) {
  const char* op = current_op_name();
  RT_THROW(TypeError, op, *op ? ": " : "", "not supported for ", dtype_name(d),
           " tensors (complex tensors support creation, +, -, *, /, neg, ==, !=, abs, angle, conj, real, imag, "
           "copies, casts and layout ops)");
}

DType default_float_dtype() { return g_default_float; }
void set_default_float_dtype(DType d) {
  RT_CHECK(is_floating(d), TypeError, "set_default_dtype: only floating dtypes are allowed, got ", dtype_name(d));
  g_default_float = d;
}

void Scalar::throw_complex() const {
  RT_THROW(TypeError, "expected a real number but got the complex number (", d_, (imag_ < 0 ? "" : "+"), imag_,
           "j); this argument does not accept complex values");
}

DType Scalar::default_dtype() const {
  switch (kind_) {
    case TypeKind::Bool: return DType::Bool;
    case TypeKind::Integral: return DType::Int64;
    case TypeKind::Floating: break;
    case TypeKind::Complex: return complex_of(default_float_dtype());
  }
  return default_float_dtype();
}

}  // namespace rustorch
