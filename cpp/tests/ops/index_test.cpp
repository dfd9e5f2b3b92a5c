#include <gtest/gtest.h>

#include "rustorch/autograd/engine.hpp"
#include "rustorch/ops/copy.hpp"
#include "rustorch/ops/elementwise.hpp"
#include "rustorch/ops/factory.hpp"
#include "rustorch/ops/index.hpp"
#include "rustorch/ops/reduce.hpp"
#include "rustorch/ops/shape.hpp"

using namespace rustorch;

namespace {
// 0, 1, 2, ... as a float64 tensor of `shape`.
Tensor iota(const Shape& shape) {
  Tensor t = Tensor::empty(shape, DType::Float64);
  for (int64_t i = 0; i < t.numel(); ++i) t.data<double>()[i] = static_cast<double>(i);
  return t;
}
Tensor longs(std::vector<int64_t> v) {
  Tensor t = Tensor::empty({static_cast<int64_t>(v.size())}, DType::Int64);
  for (size_t i = 0; i < v.size(); ++i) t.data<int64_t>()[i] = v[i];
  return t;
}
Tensor bools(std::vector<bool> v, const Shape& shape) {
  Tensor t = Tensor::empty(shape, DType::Bool);
  for (size_t i = 0; i < v.size(); ++i) t.data<bool>()[i] = v[i];
  return t;
}
double at(const Tensor& t, std::vector<int64_t> idx) {
  int64_t off = 0;
  for (size_t d = 0; d < idx.size(); ++d) off += idx[d] * t.strides()[d];
  return t.data<double>()[off];
}
}  // namespace

TEST(Index, SelectAndSliceAreViews) {
  Tensor t = iota({3, 4, 5});
  Tensor s = select(t, 1, -1);
  EXPECT_EQ(s.shape(), (Shape{3, 5}));
  EXPECT_EQ(s.storage(), t.storage());
  EXPECT_EQ(s.offset(), 15);
  Tensor v = slice(t, 2, 1, std::nullopt, 2);
  EXPECT_EQ(v.shape(), (Shape{3, 4, 2}));
  EXPECT_EQ(v.strides(), (Shape{20, 5, 2}));
  EXPECT_DOUBLE_EQ(at(v, {2, 3, 1}), 40 + 15 + 3);
  EXPECT_EQ(slice(t, 0, 5, 10, 1).shape(), (Shape{0, 4, 5}));  // clamped like Python
  EXPECT_EQ(slice(t, 0, -2, std::nullopt, 1).shape()[0], 2);
  EXPECT_THROW(select(t, 0, 3), IndexError);
  EXPECT_THROW(slice(t, 0, 0, 2, -1), ValueError);
  EXPECT_EQ(narrow(t, 1, 1, 2).shape(), (Shape{3, 2, 5}));
  EXPECT_THROW(narrow(t, 1, 3, 2), ValueError);
}

TEST(Index, GetItemMatchesNumPyRules) {
  Tensor t = iota({4, 5, 6});
  using TI = TensorIndex;
  // x[1, ..., None, ::2]
  Tensor a = get_item(t, {TI::integer_(1), TI::ellipsis(), TI::none(), TI::slice_(std::nullopt, std::nullopt, 2)});
  EXPECT_EQ(a.shape(), (Shape{5, 1, 3}));
  EXPECT_EQ(a.storage(), t.storage());
  // x[[0, 3], :, [1, 2]]: advanced indices separated by a slice go first
  Tensor b = get_item(t, {TI::tensor_(longs({0, 3})), TI::slice_(), TI::tensor_(longs({1, 2}))});
  EXPECT_EQ(b.shape(), (Shape{2, 5}));
  EXPECT_DOUBLE_EQ(at(b, {1, 2}), 3 * 30 + 2 * 6 + 2);
  // x[:, [0, 3], [1, 2]]: adjacent advanced indices stay in place
  Tensor c = get_item(t, {TI::slice_(), TI::tensor_(longs({0, 3})), TI::tensor_(longs({1, 2}))});
  EXPECT_EQ(c.shape(), (Shape{4, 2}));
  EXPECT_DOUBLE_EQ(at(c, {2, 1}), 2 * 30 + 3 * 6 + 2);
  // a mask over the first two dims
  std::vector<bool> m(20, false);
  m[3] = m[7] = m[19] = true;
  Tensor d = get_item(t, {TI::tensor_(bools(m, {4, 5}))});
  EXPECT_EQ(d.shape(), (Shape{3, 6}));
  EXPECT_DOUBLE_EQ(at(d, {1, 0}), 7 * 6);
  EXPECT_DOUBLE_EQ(at(d, {2, 5}), 19 * 6 + 5);
  EXPECT_THROW(get_item(t, {TI::tensor_(longs({4}))}), IndexError);
  EXPECT_THROW(get_item(t, {TI::integer_(0), TI::integer_(0), TI::integer_(0), TI::integer_(0)}), IndexError);
  EXPECT_THROW(get_item(t, {TI::ellipsis(), TI::ellipsis()}), IndexError);
}

TEST(Index, IndexPutAccumulatesDuplicates) {
  Tensor t = zeros({3}, DType::Float64);
  index_put_(t, {longs({0, 2, 0, 0})}, full({}, Scalar(1.5), DType::Float64), true);
  EXPECT_DOUBLE_EQ(t.data<double>()[0], 4.5);
  EXPECT_DOUBLE_EQ(t.data<double>()[1], 0.0);
  EXPECT_DOUBLE_EQ(t.data<double>()[2], 1.5);
  Tensor u = iota({2, 3});
  set_item(u, {TensorIndex::slice_(), TensorIndex::tensor_(bools({true, false, true}, {3}))}, Scalar(-1.0));
  EXPECT_DOUBLE_EQ(u.data<double>()[0], -1.0);
  EXPECT_DOUBLE_EQ(u.data<double>()[1], 1.0);
  EXPECT_DOUBLE_EQ(u.data<double>()[5], -1.0);
}

TEST(Index, IndexSelectLargeMatchesRows) {
  Tensor t = iota({10000, 8});
  std::vector<int64_t> idx;
  for (int64_t i = 0; i < 5000; ++i) idx.push_back((i * 7919) % 10000);
  Tensor r = index_select(t, 0, longs(idx));
  ASSERT_EQ(r.shape(), (Shape{5000, 8}));
  for (int64_t i = 0; i < 5000; i += 97)
    for (int64_t j = 0; j < 8; ++j) EXPECT_DOUBLE_EQ(at(r, {i, j}), static_cast<double>(idx[i] * 8 + j));
}

TEST(Index, NonzeroAndMaskedSelect) {
  Tensor m = bools({false, true, false, true, true, false}, {2, 3});
  Tensor nz = nonzero(m);
  ASSERT_EQ(nz.shape(), (Shape{3, 2}));
  const std::vector<int64_t> expected{0, 1, 1, 0, 1, 1};
  for (int i = 0; i < 6; ++i) EXPECT_EQ(nz.data<int64_t>()[i], expected[i]);
  Tensor s = masked_select(iota({2, 3}), m);
  ASSERT_EQ(s.shape(), (Shape{3}));
  EXPECT_DOUBLE_EQ(s.data<double>()[2], 4.0);
}

TEST(Index, CatStackSplit) {
  Tensor a = iota({2, 3}), b = ones({1, 3}, DType::Int64);
  Tensor c = cat({a, b}, 0);
  EXPECT_EQ(c.shape(), (Shape{3, 3}));
  EXPECT_EQ(c.dtype(), DType::Float64);
  EXPECT_DOUBLE_EQ(c.data<double>()[7], 1.0);
  EXPECT_THROW(cat({a, ones({2, 2}, DType::Float64)}, 0), ValueError);
  Tensor s = stack({a, a}, 2);
  EXPECT_EQ(s.shape(), (Shape{2, 3, 2}));
  TensorList parts = split(iota({7}), 3, 0);
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[2].shape(), (Shape{1}));
  EXPECT_EQ(parts[2].storage(), parts[0].storage());
  EXPECT_EQ(chunk(iota({6, 2}), 4, 0).size(), 3u);
}

TEST(Index, GetItemBackwardAccumulates) {
  Tensor x = iota({3, 2});
  x.set_requires_grad(true);
  Tensor y = sum(index(x, {longs({2, 0, 2})}), {}, false);
  autograd::backward({y}, {}, false, false);
  const Tensor g = x.grad();
  const std::vector<double> expected{1, 1, 0, 0, 2, 2};
  for (int i = 0; i < 6; ++i) EXPECT_DOUBLE_EQ(g.data<double>()[i], expected[i]);
}
