#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "rustorch/autograd/engine.hpp"
#include "rustorch/core/parallel.hpp"
#include "rustorch/ops/copy.hpp"
#include "rustorch/ops/elementwise.hpp"
#include "rustorch/ops/factory.hpp"
#include "rustorch/ops/reduce.hpp"
#include "rustorch/ops/shape.hpp"

using namespace rustorch;

namespace {
Tensor arange_f(int64_t n, DType dtype, double start = 0.0, double step = 1.0) {
  Tensor t = Tensor::empty({n}, DType::Float64);
  for (int64_t i = 0; i < n; ++i) t.data<double>()[i] = start + step * static_cast<double>(i);
  return contiguous_as(t, dtype);
}
Tensor from(std::initializer_list<double> v, DType dtype) {
  Tensor t = Tensor::empty({static_cast<int64_t>(v.size())}, DType::Float64);
  int64_t i = 0;
  for (double x : v) t.data<double>()[i++] = x;
  return contiguous_as(t, dtype);
}
}  // namespace

TEST(Elementwise, PromotionRules) {
  const Tensor i = ones({2}, DType::Int64), f = ones({2}, DType::Float32), b = ones({2}, DType::Bool);
  const Tensor d0 = scalar_tensor(Scalar(1.0), DType::Float64);
  EXPECT_EQ(mul(i, f).dtype(), DType::Float32);
  EXPECT_EQ(add(b, b).dtype(), DType::Bool);
  EXPECT_EQ(add(b, Scalar(int64_t(1))).dtype(), DType::Int64);
  EXPECT_EQ(add(f, d0).dtype(), DType::Float32);   // 0-d does not outrank a dimensioned tensor...
  EXPECT_EQ(add(i, d0).dtype(), DType::Float64);   // ...but lifts the kind
  EXPECT_EQ(div(i, i).dtype(), DType::Float32);    // true division
  EXPECT_EQ(floor_divide(i, Scalar(int64_t(2))).dtype(), DType::Int64);
  EXPECT_EQ(exp(i).dtype(), DType::Float32);       // floating functions of integers
  EXPECT_EQ(abs(i).dtype(), DType::Int64);
  EXPECT_EQ(eq(i, Scalar(1.5)).dtype(), DType::Bool);
  EXPECT_EQ(pow(i, Scalar(2.0)).dtype(), DType::Float32);
  EXPECT_EQ(pow(Scalar(2), i).dtype(), DType::Int64);
  EXPECT_EQ(clamp(i, Scalar(0.5), std::nullopt).dtype(), DType::Float32);
  EXPECT_EQ(result_type(Scalar(1), Scalar(2.0)), default_float_dtype());
}

TEST(Elementwise, BroadcastAndStrides) {
  const Tensor a = reshape(arange_f(6, DType::Float64), {2, 3});
  const Tensor col = reshape(arange_f(2, DType::Float64, 10.0), {2, 1});
  const Tensor c = sub(a, col);
  ASSERT_EQ(c.shape(), (Shape{2, 3}));
  for (int64_t r = 0; r < 2; ++r)
    for (int64_t k = 0; k < 3; ++k) EXPECT_DOUBLE_EQ(c.data<double>()[r * 3 + k], r * 3 + k - (10.0 + r));
  const Tensor t = transpose(a, 0, 1);
  const Tensor e = exp(t);
  EXPECT_EQ(e.strides(), t.strides());  // a dense permuted input keeps its memory order, like PyTorch
  const Tensor ec = contiguous_as(e, DType::Float64);
  for (int64_t r = 0; r < 3; ++r)
    for (int64_t k = 0; k < 2; ++k) EXPECT_NEAR(ec.data<double>()[r * 2 + k], std::exp(double(k * 3 + r)), 1e-12);
  const Tensor stepped = Tensor(a).as_strided({2, 2}, {3, 2}, 0);  // not dense: gathered, contiguous result
  const Tensor es = exp(stepped);
  EXPECT_TRUE(es.is_contiguous());
  const double sv[] = {0, 2, 3, 5};
  for (int k = 0; k < 4; ++k) EXPECT_NEAR(es.data<double>()[k], std::exp(sv[k]), 1e-12);
  EXPECT_THROW(maximum(zeros({2, 3}, DType::Float32), zeros({2}, DType::Float32)), ValueError);
  const Tensor z = add(zeros({0, 3}, DType::Float32), ones({3}, DType::Float32));
  EXPECT_EQ(z.shape(), (Shape{0, 3}));
}

TEST(Elementwise, InPlace) {
  Tensor a = arange_f(5, DType::Float32, -2.0);
  const Tensor& r = clamp_(a, Scalar(-1.0), Scalar(1.0));
  EXPECT_TRUE(r.is_same(a));
  const float expect[] = {-1, -1, 0, 1, 1};
  for (int i = 0; i < 5; ++i) EXPECT_FLOAT_EQ(a.data<float>()[i], expect[i]);
  const uint32_t v = a.version();
  mul_(a, Scalar(2.0));
  EXPECT_GT(a.version(), v);  // in-place ops bump the version counter
  Tensor i = arange_f(3, DType::Int64);
  EXPECT_THROW(add_(i, Scalar(1.5)), TypeError);  // float result can't be stored in int64
  EXPECT_THROW(exp_(i), TypeError);
  EXPECT_THROW(add_(zeros({3, 1}, DType::Float32), zeros({3, 4}, DType::Float32)), ValueError);
  Tensor m = reshape(arange_f(4, DType::Float64), {2, 2});
  add_(m, transpose(m, 0, 1));  // overlapping operands read before writing
  const double sym[] = {0, 3, 3, 6};
  for (int k = 0; k < 4; ++k) EXPECT_DOUBLE_EQ(m.data<double>()[k], sym[k]);
}

TEST(Elementwise, InPlaceAutograd) {
  Tensor a = from({0.5, -1.0, 2.0}, DType::Float64);
  a.set_requires_grad(true);
  EXPECT_THROW(exp_(a), Error);  // leaf that requires grad
  Tensor y = mul(a, Scalar(1.0));
  mul_(y, y);  // other aliases self: the gradient is 2a, not 2a^2
  autograd::backward({sum(y, {}, false)}, {}, false, false);
  for (int k = 0; k < 3; ++k) EXPECT_DOUBLE_EQ(a.grad().data<double>()[k], 2 * a.data<double>()[k]);
}

TEST(Elementwise, IntegerSemantics) {
  const Tensor a = from({-7, 7, -7, 7}, DType::Int64), b = from({2, 2, -2, -2}, DType::Int64);
  const int64_t fd[] = {-4, 3, 3, -4}, rem[] = {1, 1, -1, -1};
  const Tensor q = floor_divide(a, b), m = remainder(a, b);
  for (int k = 0; k < 4; ++k) {
    EXPECT_EQ(q.data<int64_t>()[k], fd[k]);
    EXPECT_EQ(m.data<int64_t>()[k], rem[k]);
  }
  EXPECT_THROW(floor_divide(a, zeros({4}, DType::Int64)), Error);
  EXPECT_THROW(pow(a, Scalar(int64_t(-1))), Error);
  EXPECT_THROW(neg(ones({1}, DType::Bool)), TypeError);
  EXPECT_THROW(bitwise_and(ones({1}, DType::Float32), ones({1}, DType::Float32)), TypeError);
}

TEST(Elementwise, VectorMathMatchesLibmAndIsThreadIndependent) {
  const Tensor x = arange_f(100003, DType::Float32, -20.0, 4e-4);  // odd size: vector tails
  const int prev = get_num_threads();
  set_num_threads(1);
  const Tensor e1 = exp(x), t1 = tanh(x), s1 = sigmoid(x);
  set_num_threads(2);
  const Tensor e2 = exp(x), t2 = tanh(x), s2 = sigmoid(x);
  set_num_threads(prev);
  for (int64_t k = 0; k < x.numel(); ++k) {
    const float v = x.data<float>()[k];
    ASSERT_EQ(e1.data<float>()[k], e2.data<float>()[k]);
    ASSERT_EQ(t1.data<float>()[k], t2.data<float>()[k]);
    ASSERT_EQ(s1.data<float>()[k], s2.data<float>()[k]);
    ASSERT_NEAR(e1.data<float>()[k], std::exp(v), 4e-7 * std::exp(v));
    ASSERT_NEAR(t1.data<float>()[k], std::tanh(v), 4e-7);
  }
  const Tensor special = from({std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
                               std::nan("")}, DType::Float32);
  const Tensor se = exp(special);
  EXPECT_TRUE(std::isinf(se.data<float>()[0]));
  EXPECT_EQ(se.data<float>()[1], 0.0f);
  EXPECT_TRUE(std::isnan(se.data<float>()[2]));
}
