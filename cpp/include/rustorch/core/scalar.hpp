// A Python number passed to an op: bool, integer, floating or complex, with its promotion kind.
#pragma once
#include <complex>
#include <cstdint>

#include "rustorch/core/dtype.hpp"

namespace rustorch {

class Scalar {
 public:
  Scalar() : Scalar(0.0) {}
  Scalar(double v) : kind_(TypeKind::Floating), d_(v), i_(static_cast<int64_t>(v)) {}
  Scalar(float v) : Scalar(static_cast<double>(v)) {}
  Scalar(int64_t v) : kind_(TypeKind::Integral), d_(static_cast<double>(v)), i_(v) {}
  Scalar(int v) : Scalar(static_cast<int64_t>(v)) {}
  Scalar(bool v) : kind_(TypeKind::Bool), d_(v ? 1.0 : 0.0), i_(v ? 1 : 0) {}
  Scalar(std::complex<double> v) : kind_(TypeKind::Complex), d_(v.real()), i_(static_cast<int64_t>(v.real())), imag_(v.imag()) {}

  TypeKind kind() const { return kind_; }
  bool is_complex() const { return kind_ == TypeKind::Complex; }
  // Real values; a complex scalar throws TypeError here, so ops written for real numbers never
  // silently drop an imaginary part.
  double to_double() const {
    if (kind_ == TypeKind::Complex) throw_complex();
    return d_;
  }
  int64_t to_int() const {
    if (kind_ == TypeKind::Complex) throw_complex();
    return i_;
  }
  std::complex<double> to_complex() const { return {d_, imag_}; }
  bool to_bool() const { return kind_ >= TypeKind::Floating ? (d_ != 0.0 || imag_ != 0.0) : i_ != 0; }
  template <class T> T to() const {
    if constexpr (std::is_same_v<T, bool>) return to_bool();
    else if constexpr (is_complex_v<T>) return T(static_cast<typename T::value_type>(d_), static_cast<typename T::value_type>(imag_));
    else {
      if (kind_ == TypeKind::Complex) throw_complex();
      return kind_ == TypeKind::Floating ? static_cast<T>(d_) : static_cast<T>(i_);
    }
  }
  // The dtype a tensor made from this scalar alone gets (bool, int64, the default float, or the
  // complex dtype of the default float).
  DType default_dtype() const;

 private:
  [[noreturn]] void throw_complex() const;  // TypeError naming the value

  TypeKind kind_;
  double d_;
  int64_t i_;
  double imag_ = 0.0;
};

}  // namespace rustorch
