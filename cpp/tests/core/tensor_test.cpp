#include <gtest/gtest.h>

#include "rustorch/core/allocator.hpp"
#include "rustorch/core/parallel.hpp"
#include "rustorch/core/tensor.hpp"
#include "rustorch/ops/copy.hpp"
#include "rustorch/ops/elementwise.hpp"
#include "rustorch/ops/factory.hpp"
#include "rustorch/ops/reduce.hpp"
#include "rustorch/ops/shape.hpp"

using namespace rustorch;

TEST(Tensor, ContiguousStrides) {
  Tensor t = zeros({2, 3, 4}, DType::Float32);
  EXPECT_EQ(t.strides(), (Shape{12, 4, 1}));
  EXPECT_TRUE(t.is_contiguous());
  EXPECT_EQ(t.numel(), 24);
}

TEST(Tensor, ViewsShareStorage) {
  Tensor t = zeros({2, 3}, DType::Float64);
  Tensor tt = transpose(t, 0, 1);
  EXPECT_EQ(tt.storage(), t.storage());
  EXPECT_EQ(tt.shape(), (Shape{3, 2}));
  EXPECT_EQ(tt.strides(), (Shape{1, 3}));
  EXPECT_FALSE(tt.is_contiguous());
  fill_(tt, Scalar(2.5));
  EXPECT_DOUBLE_EQ(t.data<double>()[5], 2.5);
  Tensor r = reshape(t, {6});
  EXPECT_EQ(r.storage(), t.storage());
  Tensor r2 = reshape(tt, {6});  // non-contiguous: must copy
  EXPECT_NE(r2.storage(), t.storage());
}

TEST(Tensor, BroadcastAdd) {
  Tensor a = full({3, 1}, Scalar(1.0), DType::Float32);
  Tensor b = full({1, 4}, Scalar(2.0), DType::Float32);
  Tensor c = add(a, b);
  EXPECT_EQ(c.shape(), (Shape{3, 4}));
  for (int i = 0; i < 12; ++i) EXPECT_FLOAT_EQ(c.data<float>()[i], 3.0f);
  EXPECT_THROW(add(zeros({2, 3}, DType::Float32), zeros({4}, DType::Float32)), ValueError);
}

TEST(Tensor, TypePromotion) {
  Tensor i = ones({2}, DType::Int64);
  Tensor f = ones({2}, DType::Float32);
  EXPECT_EQ(add(i, f).dtype(), DType::Float32);
  EXPECT_EQ(add(i, Scalar(1.5)).dtype(), DType::Float32);
  EXPECT_EQ(add(f, Scalar(int64_t(1))).dtype(), DType::Float32);
  EXPECT_EQ(div(i, i).dtype(), DType::Float32);
  EXPECT_EQ(add(f, scalar_tensor(Scalar(1.0), DType::Float64)).dtype(), DType::Float32);
  EXPECT_EQ(add(i, scalar_tensor(Scalar(1.0), DType::Float64)).dtype(), DType::Float64);
}

TEST(Tensor, SumIndependentOfThreads) {
  Tensor t = Tensor::empty({1 << 20}, DType::Float32);
  for (int64_t k = 0; k < t.numel(); ++k) t.data<float>()[k] = static_cast<float>((k * 7919) % 1000) / 997.0f;
  set_num_threads(1);
  float s1 = sum(t, {}, false).data<float>()[0];
  set_num_threads(2);
  float s2 = sum(t, {}, false).data<float>()[0];
  EXPECT_EQ(s1, s2);
}

TEST(Allocator, ReusesBlocks) {
  auto before = allocator::stats();
  for (int i = 0; i < 5; ++i) Tensor::empty({1 << 20}, DType::Float32);
  auto after = allocator::stats();
  EXPECT_GE(after.cache_hits - before.cache_hits, 4u);
}
