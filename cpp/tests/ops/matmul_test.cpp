#include <gtest/gtest.h>

#include <vector>

#include "rustorch/core/parallel.hpp"
#include "rustorch/core/random.hpp"
#include "rustorch/ops/copy.hpp"
#include "rustorch/ops/factory.hpp"
#include "rustorch/ops/matmul.hpp"
#include "rustorch/ops/shape.hpp"

using namespace rustorch;

namespace {

// A contiguous tensor of `shape` holding 0, 1, 2, ... scaled by `scale`.
Tensor iota(const Shape& shape, DType dtype, double scale = 1.0) {
  Tensor t = Tensor::empty(shape, dtype);
  dispatch_dtype(dtype, [&](auto tag) {
    using T = typename decltype(tag)::type;
    T* p = t.data<T>();
    for (int64_t i = 0; i < t.numel(); ++i) p[i] = static_cast<T>(static_cast<double>((i * 7) % 11) * scale - 3);
  });
  return t;
}

double at(const Tensor& t, const std::vector<int64_t>& idx) {
  int64_t off = 0;
  for (size_t d = 0; d < idx.size(); ++d) off += idx[d] * t.strides()[d];
  return dispatch_dtype(t.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    return static_cast<double>(t.data<T>()[off]);
  });
}

// Reference product of 2-D tensors with any strides.
std::vector<double> naive_mm(const Tensor& a, const Tensor& b) {
  const int64_t m = a.shape()[0], k = a.shape()[1], n = b.shape()[1];
  std::vector<double> c(static_cast<size_t>(m * n), 0.0);
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j)
      for (int64_t p = 0; p < k; ++p) c[static_cast<size_t>(i * n + j)] += at(a, {i, p}) * at(b, {p, j});
  return c;
}

void expect_matches(const Tensor& c, const std::vector<double>& ref, double tol) {
  ASSERT_EQ(c.numel(), static_cast<int64_t>(ref.size()));
  const Tensor cc = contiguous_as(c, DType::Float64);
  for (size_t i = 0; i < ref.size(); ++i) EXPECT_NEAR(cc.data<double>()[i], ref[i], tol) << "at " << i;
}

}  // namespace

TEST(Matmul, TwoDimensionalAllLayouts) {
  for (DType dt : {DType::Float32, DType::Float64, DType::Int64}) {
    const Tensor a = iota({5, 7}, dt), b = iota({7, 3}, dt, 0.5);
    const Tensor at_ = transpose(contiguous(transpose(a, 0, 1)), 0, 1);  // column-major copy of a
    const Tensor bt_ = transpose(contiguous(transpose(b, 0, 1)), 0, 1);
    ASSERT_FALSE(at_.is_contiguous());
    const auto ref = naive_mm(a, b);
    for (const Tensor& x : {a, at_})
      for (const Tensor& y : {b, bt_}) expect_matches(mm(x, y), ref, 1e-4);
  }
}

TEST(Matmul, VectorCases) {
  const Tensor a = iota({4, 6}, DType::Float64), v = iota({6}, DType::Float64, 0.25);
  const Tensor mv_out = matmul(a, v);
  EXPECT_EQ(mv_out.shape(), (Shape{4}));
  expect_matches(mv_out, naive_mm(a, reshape(v, {6, 1})), 1e-12);
  const Tensor w = iota({4}, DType::Float64);
  const Tensor vm = matmul(w, a);
  EXPECT_EQ(vm.shape(), (Shape{6}));
  expect_matches(vm, naive_mm(reshape(w, {1, 4}), a), 1e-12);
  const Tensor d = dot(v, v);
  EXPECT_EQ(d.dim(), 0);
  expect_matches(d, naive_mm(reshape(v, {1, 6}), reshape(v, {6, 1})), 1e-12);
}

TEST(Matmul, BatchedBroadcastAndFolding) {
  const Tensor a = iota({2, 1, 3, 4}, DType::Float64), b = iota({5, 4, 2}, DType::Float64, 0.5);
  const Tensor c = matmul(a, b);
  ASSERT_EQ(c.shape(), (Shape{2, 5, 3, 2}));
  for (int64_t i = 0; i < 2; ++i)
    for (int64_t j = 0; j < 5; ++j) {
      const Tensor ai = a.as_strided({3, 4}, {4, 1}, i * 12);
      const Tensor bj = b.as_strided({4, 2}, {2, 1}, j * 8);
      expect_matches(c.as_strided({3, 2}, {2, 1}, (i * 5 + j) * 6), naive_mm(ai, bj), 1e-12);
    }
  // b shared: folded into one (2*3) x 4 GEMM
  const Tensor s = iota({4, 2}, DType::Float32);
  const Tensor f = matmul(iota({2, 3, 4}, DType::Float32), s);
  expect_matches(f, naive_mm(iota({6, 4}, DType::Float32), s), 1e-4);
}

TEST(Matmul, ZeroSizedAndErrors) {
  EXPECT_EQ(matmul(zeros({0, 3}, DType::Float32), zeros({3, 4}, DType::Float32)).shape(), (Shape{0, 4}));
  const Tensor z = matmul(ones({2, 0}, DType::Float32), ones({0, 3}, DType::Float32));
  expect_matches(z, std::vector<double>(6, 0.0), 0);
  EXPECT_THROW(matmul(ones({2, 3}, DType::Float32), ones({4, 5}, DType::Float32)), ValueError);
  EXPECT_THROW(matmul(ones({2, 3}, DType::Float32), ones({3, 5}, DType::Float64)), Error);
  EXPECT_THROW(matmul(ones({2, 3, 4}, DType::Float32), ones({3, 4, 5}, DType::Float32)), ValueError);
  EXPECT_THROW(bmm(ones({2, 3}, DType::Float32), ones({3, 5}, DType::Float32)), ValueError);
  try {
    mm(ones({2, 3}, DType::Float32), ones({4, 5}, DType::Float32));
    FAIL();
  } catch (const ValueError& e) {
    EXPECT_STREQ(e.what(), "mm: shapes (2, 3) and (4, 5) are not aligned");
  }
}

TEST(Einsum, MatchesMatmulAndTrace) {
  const Tensor a = iota({3, 4}, DType::Float64), b = iota({4, 5}, DType::Float64);
  expect_matches(einsum("ij,jk->ik", {a, b}), naive_mm(a, b), 1e-12);
  const Tensor sq = iota({4, 4}, DType::Float64);
  double trace = 0;
  for (int64_t i = 0; i < 4; ++i) trace += at(sq, {i, i});
  expect_matches(einsum("ii", {sq}), {trace}, 1e-12);
  EXPECT_THROW(einsum("ij,jk->ik", {a}), ValueError);
}

TEST(Random, ReproducibleAndThreadIndependent) {
  const int old = get_num_threads();
  Generator g(42);
  set_num_threads(1);
  const Tensor a = randn({300000}, DType::Float32, &g);
  const auto state = g.get_state();
  set_num_threads(2);
  g.manual_seed(42);
  const Tensor b = randn({300000}, DType::Float32, &g);
  EXPECT_EQ(g.get_state(), state);
  set_num_threads(old);
  for (int64_t i = 0; i < a.numel(); ++i) ASSERT_EQ(a.data<float>()[i], b.data<float>()[i]) << i;
  double sum = 0, sq = 0;
  for (int64_t i = 0; i < a.numel(); ++i) {
    sum += a.data<float>()[i];
    sq += a.data<float>()[i] * a.data<float>()[i];
  }
  EXPECT_NEAR(sum / a.numel(), 0.0, 0.01);
  EXPECT_NEAR(sq / a.numel(), 1.0, 0.01);
}

TEST(Factory, RangesAndErrors) {
  EXPECT_EQ(arange(Scalar(int64_t(0)), Scalar(1.0), Scalar(0.1), std::nullopt).numel(), 10);
  EXPECT_EQ(arange(Scalar(int64_t(0)), Scalar(int64_t(10)), Scalar(int64_t(3)), std::nullopt).dtype(), DType::Int64);
  EXPECT_THROW(arange(Scalar(int64_t(0)), Scalar(int64_t(10)), Scalar(int64_t(0)), std::nullopt), ValueError);
  const Tensor l = linspace(Scalar(0.0), Scalar(1.0), 5, DType::Float64);
  EXPECT_DOUBLE_EQ(l.data<double>()[4], 1.0);
  EXPECT_THROW(randint(3, 3, {2}, DType::Int64), ValueError);
  EXPECT_THROW(zeros({2, -1}, DType::Float32), ValueError);
}
