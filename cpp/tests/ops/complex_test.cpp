#include <gtest/gtest.h>

#include <complex>

#include "rustorch/core/tensor.hpp"
#include "rustorch/ops/complex.hpp"
#include "rustorch/ops/copy.hpp"
#include "rustorch/ops/elementwise.hpp"
#include "rustorch/ops/factory.hpp"
#include "rustorch/ops/reduce.hpp"

using namespace rustorch;
using c64 = std::complex<float>;
using c128 = std::complex<double>;

TEST(Complex, Promotion) {
  EXPECT_EQ(promote_types(DType::Float32, DType::Complex64), DType::Complex64);
  EXPECT_EQ(promote_types(DType::Float64, DType::Complex64), DType::Complex128);
  EXPECT_EQ(promote_types(DType::Int64, DType::Complex64), DType::Complex64);
  EXPECT_EQ(promote_types(DType::Bool, DType::Complex128), DType::Complex128);
  EXPECT_EQ(promote_types(DType::Complex64, DType::Complex128), DType::Complex128);
  EXPECT_EQ(itemsize(DType::Complex64), 8u);
  EXPECT_EQ(itemsize(DType::Complex128), 16u);
}

TEST(Complex, ArithmeticAndParts) {
  Tensor a = full({3}, Scalar(c128(1.0, 2.0)), DType::Complex64);
  Tensor b = full({3}, Scalar(2.0), DType::Float32);
  Tensor p = mul(a, b);
  ASSERT_EQ(p.dtype(), DType::Complex64);
  EXPECT_EQ(p.data<c64>()[2], c64(2.0f, 4.0f));
  Tensor q = div(a, a);
  EXPECT_EQ(q.data<c64>()[0], c64(1.0f, 0.0f));
  Tensor r = real(p), i = imag(p);
  EXPECT_EQ(r.dtype(), DType::Float32);
  EXPECT_EQ(r.storage(), p.storage());
  EXPECT_FLOAT_EQ(r.data<float>()[0], 2.0f);
  EXPECT_FLOAT_EQ(i.data<float>()[0], 4.0f);
  Tensor m = abs(full({1}, Scalar(c128(3.0, 4.0)), DType::Complex128));
  EXPECT_EQ(m.dtype(), DType::Float64);
  EXPECT_DOUBLE_EQ(m.data<double>()[0], 5.0);
}

TEST(Complex, RealOnlyKernelsRefuseComplex) {
  Tensor z = zeros({2, 2}, DType::Complex64);
  EXPECT_THROW(exp(z), TypeError);
  EXPECT_THROW(sum(z, {}, false, std::nullopt), TypeError);
  EXPECT_THROW(to_dtype(z, DType::Float32), TypeError);  // would drop the imaginary part
  EXPECT_NO_THROW(to_dtype(z, DType::Complex128));
  EXPECT_THROW(dispatch_dtype(DType::Complex64, [](auto) {}), TypeError);
}
