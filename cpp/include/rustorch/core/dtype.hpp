// Element types of tensors, their sizes and names, PyTorch type promotion, and dtype dispatch.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace rustorch {

enum class DType : uint8_t { Bool = 0, Int64 = 1, Float32 = 2, Float64 = 3 };

constexpr int kNumDTypes = 4;

size_t itemsize(DType dtype);
const char* dtype_name(DType dtype);  // "float32", ...
DType dtype_from_name(const std::string& name);

inline bool is_floating(DType d) { return d == DType::Float32 || d == DType::Float64; }
inline bool is_integral(DType d, bool include_bool) {
  return d == DType::Int64 || (include_bool && d == DType::Bool);
}

// Kind ordering used by promotion: bool < integral < floating.
enum class TypeKind : uint8_t { Bool = 0, Integral = 1, Floating = 2 };
inline TypeKind type_kind(DType d) {
  return d == DType::Bool ? TypeKind::Bool : d == DType::Int64 ? TypeKind::Integral : TypeKind::Floating;
}

// Promotion of two tensor dtypes (the larger type wins: bool < int64 < float32 < float64).
DType promote_types(DType a, DType b);

DType default_float_dtype();
void set_default_float_dtype(DType d);

template <class T> struct TypeTag { using type = T; };

template <class T> constexpr DType dtype_of();
template <> constexpr DType dtype_of<bool>() { return DType::Bool; }
template <> constexpr DType dtype_of<int64_t>() { return DType::Int64; }
template <> constexpr DType dtype_of<float>() { return DType::Float32; }
template <> constexpr DType dtype_of<double>() { return DType::Float64; }

// Calls f(TypeTag<T>{}) with T the C++ type of `dtype`.
template <class F> decltype(auto) dispatch_dtype(DType dtype, F&& f) {
  switch (dtype) {
    case DType::Bool: return f(TypeTag<bool>{});
    case DType::Int64: return f(TypeTag<int64_t>{});
    case DType::Float32: return f(TypeTag<float>{});
    case DType::Float64: break;
  }
  return f(TypeTag<double>{});
}

// Same, restricted to floating dtypes (the caller checks the dtype first).
template <class F> decltype(auto) dispatch_floating(DType dtype, F&& f) {
  if (dtype == DType::Float32) return f(TypeTag<float>{});
  return f(TypeTag<double>{});
}

}  // namespace rustorch
