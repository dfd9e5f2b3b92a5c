// A Python number passed to an op: bool, integer or floating, with its promotion kind.
#pragma once
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

  TypeKind kind() const { return kind_; }
  double to_double() const { return d_; }
  int64_t to_int() const { return i_; }
  bool to_bool() const { return kind_ == TypeKind::Floating ? d_ != 0.0 : i_ != 0; }
  template <class T> T to() const {
    if constexpr (std::is_same_v<T, bool>) return to_bool();
    else if constexpr (std::is_integral_v<T>) return kind_ == TypeKind::Floating ? static_cast<T>(d_) : static_cast<T>(i_);
    else return kind_ == TypeKind::Floating ? static_cast<T>(d_) : static_cast<T>(i_);
  }
  // The dtype a tensor made from this scalar alone gets (bool, int64 or the default float).
  DType default_dtype() const;

 private:
  TypeKind kind_;
  double d_;
  int64_t i_;
};

}  // namespace rustorch
