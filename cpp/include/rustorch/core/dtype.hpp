// Element types of tensors, their sizes and names, PyTorch type promotion, and dtype dispatch.
#pragma once
#include <cstddef>
#include <complex>
#include <cstdint>
#include <string>
#include <type_traits>
#include <utility>

namespace rustorch {

enum class DType : uint8_t { Bool = 0, Int64 = 1, Float32 = 2, Float64 = 3, Complex64 = 4, Complex128 = 5 };

constexpr int kNumDTypes = 6;

size_t itemsize(DType dtype);
const char* dtype_name(DType dtype);  // "float32", ...
DType dtype_from_name(const std::string& name);

inline bool is_floating(DType d) { return d == DType::Float32 || d == DType::Float64; }
inline bool is_integral(DType d, bool include_bool) {
  return d == DType::Int64 || (include_bool && d == DType::Bool);
}
// complex64 (two float32) and complex128 (two float64). Like PyTorch, complex is not "floating".
inline bool is_complex(DType d) { return d == DType::Complex64 || d == DType::Complex128; }
// The complex dtype with the precision of a floating (or complex) dtype: float32 -> complex64,
// float64 -> complex128; bool and int64 give complex64.
inline DType complex_of(DType d) {
  return d == DType::Float64 || d == DType::Complex128 ? DType::Complex128 : DType::Complex64;
}
// The real dtype of a complex dtype's parts (complex64 -> float32); other dtypes map to themselves.
inline DType real_of(DType d) {
  return d == DType::Complex64 ? DType::Float32 : d == DType::Complex128 ? DType::Float64 : d;
}

// Kind ordering used by promotion: bool < integral < floating < complex.
enum class TypeKind : uint8_t { Bool = 0, Integral = 1, Floating = 2, Complex = 3 };
inline TypeKind type_kind(DType d) {
  return d == DType::Bool      ? TypeKind::Bool
         : d == DType::Int64   ? TypeKind::Integral
         : is_complex(d)       ? TypeKind::Complex
                               : TypeKind::Floating;
}

// Promotion of two tensor dtypes, as torch.promote_types: bool < int64 < float32 < float64 within
// the real types; with a complex operand the result is complex with the higher precision of the
// two (float64 + complex64 -> complex128, int64 + complex64 -> complex64).
DType promote_types(DType a, DType b);

// Thrown by the real-only dispatchers below for complex dtypes: ops that do not support complex
// tensors end here instead of reading complex data as real numbers.
[[noreturn]] void throw_unsupported_complex(DType d);

DType default_float_dtype();
void set_default_float_dtype(DType d);

template <class T> struct TypeTag { using type = T; };

template <class T> constexpr DType dtype_of();
template <> constexpr DType dtype_of<bool>() { return DType::Bool; }
template <> constexpr DType dtype_of<int64_t>() { return DType::Int64; }
template <> constexpr DType dtype_of<float>() { return DType::Float32; }
template <> constexpr DType dtype_of<double>() { return DType::Float64; }
template <> constexpr DType dtype_of<std::complex<float>>() { return DType::Complex64; }
template <> constexpr DType dtype_of<std::complex<double>>() { return DType::Complex128; }

template <class T> struct is_complex_type : std::false_type {};
template <class T> struct is_complex_type<std::complex<T>> : std::true_type {};
template <class T> constexpr bool is_complex_v = is_complex_type<T>::value;

// Calls f(TypeTag<T>{}) with T the C++ type of a real dtype (bool, int64, float32, float64).
// Complex dtypes throw TypeError: kernels written for real numbers never see complex data.
template <class F> decltype(auto) dispatch_dtype(DType dtype, F&& f) {
  switch (dtype) {
    case DType::Bool: return f(TypeTag<bool>{});
    case DType::Int64: return f(TypeTag<int64_t>{});
    case DType::Float32: return f(TypeTag<float>{});
    case DType::Float64: break;
    case DType::Complex64:
    case DType::Complex128: throw_unsupported_complex(dtype);
  }
  return f(TypeTag<double>{});
}

// Same, restricted to floating dtypes (the caller checks the dtype first; complex throws).
template <class F> decltype(auto) dispatch_floating(DType dtype, F&& f) {
  if (dtype == DType::Float32) return f(TypeTag<float>{});
  if (is_complex(dtype)) throw_unsupported_complex(dtype);
  return f(TypeTag<double>{});
}

// Every dtype, complex ones as std::complex<float> / std::complex<double>: for kernels that are
// written for complex values too (copies, fills, the complex arithmetic ops).
template <class F> decltype(auto) dispatch_all_dtypes(DType dtype, F&& f) {
  switch (dtype) {
    case DType::Complex64: return f(TypeTag<std::complex<float>>{});
    case DType::Complex128: return f(TypeTag<std::complex<double>>{});
    default: break;
  }
  return dispatch_dtype(dtype, std::forward<F>(f));
}

// Complex dtypes only (the caller checks the dtype first).
template <class F> decltype(auto) dispatch_complex(DType dtype, F&& f) {
  if (dtype == DType::Complex64) return f(TypeTag<std::complex<float>>{});
  return f(TypeTag<std::complex<double>>{});
}

}  // namespace rustorch
