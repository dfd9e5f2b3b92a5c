// Reductions: results independent of the thread count on every kernel path, against a double
// reference; gather/scatter round trip; softmax rows sum to one.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "rustorch/core/parallel.hpp"
#include "rustorch/core/tensor.hpp"
#include "rustorch/ops/factory.hpp"
#include "rustorch/ops/reduce.hpp"
#include "rustorch/ops/scatter.hpp"
#include "rustorch/ops/shape.hpp"
#include "rustorch/ops/sort.hpp"

using namespace rustorch;

namespace {

Tensor filled(const Shape& shape, DType dtype) {
  Tensor t = Tensor::empty(shape, dtype);
  for (int64_t k = 0; k < t.numel(); ++k) {
    const double v = static_cast<double>((k * 7919) % 1001) / 97.0 - 5.0;
    if (dtype == DType::Float32) t.data<float>()[k] = static_cast<float>(v);
    else t.data<double>()[k] = v;
  }
  return t;
}

std::vector<float> values(const Tensor& t) {
  const Tensor c = t.is_contiguous() ? t : Tensor();
  EXPECT_TRUE(c.defined());
  return std::vector<float>(c.data<float>(), c.data<float>() + c.numel());
}

// Runs f with 1, 2 and 3 threads and expects bit-identical float results.
template <class F> void expect_thread_independent(F f) {
  const int before = get_num_threads();
  set_num_threads(1);
  const std::vector<float> one = values(f());
  for (int n : {2, 3}) {
    set_num_threads(n);
    EXPECT_EQ(values(f()), one) << "with " << n << " threads";
  }
  set_num_threads(before);
}

}  // namespace

TEST(Reduce, SumIndependentOfThreadsOnEveryPath) {
  const Tensor flat = filled({1 << 20}, DType::Float32);  // one output, blocked reduction
  const Tensor mat = filled({1000, 1000}, DType::Float32);
  const Tensor tall = filled({70000, 24}, DType::Float32);
  expect_thread_independent([&] { return sum(flat, {}, false); });
  expect_thread_independent([&] { return sum(mat, {0}, false); });    // column-wise (outer) mode
  expect_thread_independent([&] { return sum(mat, {1}, false); });    // row-wise (inner) mode
  expect_thread_independent([&] { return sum(tall, {0}, false); });   // column-wise, row blocks
  expect_thread_independent([&] { return sum(transpose(mat, 0, 1), {}, false); });
  expect_thread_independent([&] { return mean(tall, {1}, true); });
  expect_thread_independent([&] { return softmax(mat, 1); });
  expect_thread_independent([&] { return norm(flat, 2.0, {}, false); });
}

TEST(Reduce, SumMatchesDoubleReference) {
  const Tensor mat = filled({300, 257}, DType::Float64);
  const Tensor rows = sum(mat, {1}, false), cols = sum(mat, {0}, false), all_ = sum(mat, {}, false);
  double total = 0;
  for (int64_t i = 0; i < 300; ++i) {
    double r = 0;
    for (int64_t j = 0; j < 257; ++j) r += mat.data<double>()[i * 257 + j];
    EXPECT_NEAR(rows.data<double>()[i], r, 1e-10);
    total += r;
  }
  for (int64_t j = 0; j < 257; ++j) {
    double c = 0;
    for (int64_t i = 0; i < 300; ++i) c += mat.data<double>()[i * 257 + j];
    EXPECT_NEAR(cols.data<double>()[j], c, 1e-10);
  }
  EXPECT_NEAR(all_.data<double>()[0], total, 1e-8);
}

TEST(Reduce, MaxWithDimReturnsFirstIndex) {
  Tensor t = Tensor::empty({2, 4}, DType::Float32);
  const float v[] = {1, 7, 7, 2, NAN, 3, NAN, 9};
  std::copy(v, v + 8, t.data<float>());
  auto [values, indices] = max(t, 1, false);
  EXPECT_EQ(values.data<float>()[0], 7.0f);
  EXPECT_EQ(indices.data<int64_t>()[0], 1);
  EXPECT_TRUE(std::isnan(values.data<float>()[1]));
  EXPECT_EQ(indices.data<int64_t>()[1], 0);
  EXPECT_THROW(max(zeros({0, 3}, DType::Float32), 0, false), IndexError);
  EXPECT_THROW(max(zeros({0}, DType::Float32)), Error);
}

TEST(Reduce, SoftmaxRowsSumToOne) {
  const Tensor x = filled({17, 1003}, DType::Float32);
  const Tensor y = softmax(x, 1);
  for (int64_t i = 0; i < 17; ++i) {
    double s = 0;
    for (int64_t j = 0; j < 1003; ++j) s += y.data<float>()[i * 1003 + j];
    EXPECT_NEAR(s, 1.0, 1e-5);
  }
}

TEST(Scatter, GatherOfSortIndicesIsSorted) {
  const Tensor x = filled({5, 64}, DType::Float64);
  auto [values, indices] = sort(x, 1, false);
  const Tensor g = gather(x, 1, indices);
  for (int64_t k = 0; k < g.numel(); ++k) EXPECT_EQ(g.data<double>()[k], values.data<double>()[k]);
  const Tensor back = scatter(zeros({5, 64}, DType::Float64), 1, indices, values);
  for (int64_t k = 0; k < x.numel(); ++k) EXPECT_EQ(back.data<double>()[k], x.data<double>()[k]);
  EXPECT_THROW(gather(x, 1, full({5, 1}, Scalar(int64_t(64)), DType::Int64)), IndexError);
}
