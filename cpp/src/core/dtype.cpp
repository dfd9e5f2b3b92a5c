#include "rustorch/core/dtype.hpp"

#include "rustorch/core/error.hpp"
#include "rustorch/core/scalar.hpp"

namespace rustorch {

namespace {
DType g_default_float = DType::Float32;
}

size_t itemsize(DType d) {
  switch (d) {
    case DType::Bool: return 1;
    case DType::Int64: return 8;
    case DType::Float32: return 4;
    case DType::Float64: return 8;
  }
  return 8;
}

const char* dtype_name(DType d) {
  switch (d) {
    case DType::Bool: return "bool";
    case DType::Int64: return "int64";
    case DType::Float32: return "float32";
    case DType::Float64: return "float64";
  }
  return "?";
}

DType dtype_from_name(const std::string& n) {
  if (n == "bool") return DType::Bool;
  if (n == "int64" || n == "long") return DType::Int64;
  if (n == "float32" || n == "float") return DType::Float32;
  if (n == "float64" || n == "double") return DType::Float64;
  RT_THROW(TypeError, "unsupported dtype '", n, "' (rustorch supports bool, int64, float32, float64)");
}

DType promote_types(DType a, DType b) {
  return static_cast<uint8_t>(a) >= static_cast<uint8_t>(b) ? a : b;
}

DType default_float_dtype() { return g_default_float; }
void set_default_float_dtype(DType d) {
  RT_CHECK(is_floating(d), TypeError, "set_default_dtype: only floating dtypes are allowed, got ", dtype_name(d));
  g_default_float = d;
}

DType Scalar::default_dtype() const {
  switch (kind_) {
    case TypeKind::Bool: return DType::Bool;
    case TypeKind::Integral: return DType::Int64;
    case TypeKind::Floating: break;
  }
  return default_float_dtype();
}

}  // namespace rustorch
