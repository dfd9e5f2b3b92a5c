#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <numeric>
#include <set>

#include "rustorch/core/random.hpp"
#include "rustorch/data/gather.hpp"
#include "rustorch/data/idx.hpp"
#include "rustorch/data/image.hpp"
#include "rustorch/data/sampling.hpp"
#include "rustorch/ops/factory.hpp"

using namespace rustorch;
using namespace rustorch::data;

namespace {

Tensor iota_tensor(const Shape& shape, DType dtype) {
  Tensor t = Tensor::empty(shape, dtype);
  dispatch_dtype(dtype, [&](auto tag) {
    using T = typename decltype(tag)::type;
    for (int64_t i = 0; i < t.numel(); ++i) t.data<T>()[i] = static_cast<T>(i);
  });
  return t;
}

}  // namespace

TEST(DataSampling, RandpermIsAReproduciblePermutation) {
  Generator g(7);
  auto p = randperm(1000, g);
  std::vector<int64_t> sorted = p;
  std::sort(sorted.begin(), sorted.end());
  std::vector<int64_t> expect(1000);
  std::iota(expect.begin(), expect.end(), 0);
  EXPECT_EQ(sorted, expect);
  EXPECT_NE(p, expect);
  Generator g2(7);
  EXPECT_EQ(randperm(1000, g2), p);
  EXPECT_NE(randperm(1000, g2), p);  // the generator advanced
  EXPECT_TRUE(randperm(0, g).empty());
  EXPECT_THROW(randperm(-1, g), ValueError);
}

TEST(DataSampling, TorchRandpermMatchesPyTorch) {
  // torch.randperm(n, generator=torch.Generator().manual_seed(seed)).tolist() from torch 2.13.
  EXPECT_EQ(torch_randperm(10, 0), (std::vector<int64_t>{4, 1, 7, 5, 3, 9, 0, 8, 6, 2}));
  EXPECT_EQ(torch_randperm(5, 42), (std::vector<int64_t>{2, 4, 3, 0, 1}));
}

TEST(DataSampling, RandintAndUniformRanges) {
  Generator g(1);
  auto r = randint(-3, 4, 5000, g);
  std::set<int64_t> seen(r.begin(), r.end());
  EXPECT_EQ(seen, (std::set<int64_t>{-3, -2, -1, 0, 1, 2, 3}));
  for (double u : uniform(1000, g)) {
    EXPECT_GE(u, 0.0);
    EXPECT_LT(u, 1.0);
  }
  EXPECT_THROW(randint(2, 2, 1, g), ValueError);
}

TEST(DataSampling, Multinomial) {
  Generator g(3);
  auto r = multinomial({0.0, 1.0, 3.0, 0.0}, 8000, true, g);
  int64_t c[4] = {};
  for (int64_t v : r) c[v]++;
  EXPECT_EQ(c[0], 0);
  EXPECT_EQ(c[3], 0);
  EXPECT_NEAR(static_cast<double>(c[2]) / 8000.0, 0.75, 0.03);
  auto nr = multinomial({1.0, 0.0, 2.0, 5.0}, 3, false, g);
  std::sort(nr.begin(), nr.end());
  EXPECT_EQ(nr, (std::vector<int64_t>{0, 2, 3}));
  EXPECT_THROW(multinomial({1.0, 0.0}, 2, false, g), ValueError);
  EXPECT_THROW(multinomial({0.0, 0.0}, 1, true, g), ValueError);
  EXPECT_THROW(multinomial({-1.0, 2.0}, 1, true, g), ValueError);
}

TEST(DataGather, RowsOfSeveralTensors) {
  Tensor x = iota_tensor({5, 2, 3}, DType::Float32);
  Tensor y = iota_tensor({5}, DType::Int64);
  RowGather g({x, y});
  EXPECT_EQ(g.size(), 5);
  const int64_t idx[] = {4, 0, -1, 2};
  TensorList b = g.gather(idx, 4, true);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0].shape(), (Shape{4, 2, 3}));
  EXPECT_EQ(b[1].shape(), (Shape{4}));
  const int64_t rows[] = {4, 0, 4, 2};
  for (int r = 0; r < 4; ++r) {
    EXPECT_EQ(b[1].data<int64_t>()[r], rows[r]);
    for (int k = 0; k < 6; ++k) EXPECT_EQ(b[0].data<float>()[r * 6 + k], static_cast<float>(rows[r] * 6 + k));
  }
  const int64_t bad[] = {5};
  EXPECT_THROW(g.gather(bad, 1, false), IndexError);
  const int64_t bad2[] = {-6};
  EXPECT_THROW(g.gather(bad2, 1, false), IndexError);
  EXPECT_THROW(RowGather({x, iota_tensor({4}, DType::Int64)}), ValueError);
  EXPECT_EQ(g.gather(idx, 0, false)[0].shape(), (Shape{0, 2, 3}));
}

TEST(DataGather, LargeBatchInParallelEqualsSerial) {
  Tensor x = iota_tensor({3000, 100}, DType::Float64);
  RowGather g({x});
  Generator gen(0);
  auto perm = randperm(3000, gen);
  Tensor a = g.gather(perm.data(), 3000, true)[0];
  Tensor b = g.gather(perm.data(), 3000, false)[0];
  EXPECT_TRUE(std::equal(a.data<double>(), a.data<double>() + a.numel(), b.data<double>()));
  EXPECT_EQ(a.data<double>()[100 * 7], static_cast<double>(perm[7] * 100));
}

TEST(DataGather, WindowsAndMapped) {
  Tensor tokens = iota_tensor({10}, DType::Int64);
  auto w = std::make_shared<WindowGather>(tokens, 3, 2);
  EXPECT_EQ(w->size(), 4);  // starts 0, 2, 4, 6 (6 + 3 + 1 <= 10)
  const int64_t idx[] = {3, 0};
  TensorList b = w->gather(idx, 2, false);
  EXPECT_EQ(b[0].shape(), (Shape{2, 3}));
  EXPECT_EQ(std::vector<int64_t>(b[0].data<int64_t>(), b[0].data<int64_t>() + 6),
            (std::vector<int64_t>{6, 7, 8, 0, 1, 2}));
  EXPECT_EQ(std::vector<int64_t>(b[1].data<int64_t>(), b[1].data<int64_t>() + 6),
            (std::vector<int64_t>{7, 8, 9, 1, 2, 3}));
  const int64_t out_of_range[] = {4};
  EXPECT_THROW(w->gather(out_of_range, 1, false), IndexError);
  MappedGather m(w, {3, 1});
  EXPECT_EQ(m.size(), 2);
  const int64_t one[] = {0};
  EXPECT_EQ(m.gather(one, 1, false)[0].data<int64_t>()[0], 6);
  EXPECT_THROW(MappedGather(w, {4}), IndexError);
}

TEST(DataPrefetcher, BatchesInOrderWithDropLast) {
  Tensor y = iota_tensor({103}, DType::Int64);
  auto g = std::make_shared<RowGather>(TensorList{y});
  Generator gen(1);
  auto perm = randperm(103, gen);
  for (bool drop_last : {false, true}) {
    for (int workers : {1, 2, 3}) {
      BatchPrefetcher p(g, perm, 10, drop_last, workers, 2 * workers);
      EXPECT_EQ(p.num_batches(), drop_last ? 10 : 11);
      std::vector<int64_t> got;
      while (auto b = p.next()) got.insert(got.end(), (*b)[0].data<int64_t>(), (*b)[0].data<int64_t>() + (*b)[0].numel());
      std::vector<int64_t> expect(perm.begin(), perm.begin() + (drop_last ? 100 : 103));
      EXPECT_EQ(got, expect);
      EXPECT_FALSE(p.next().has_value());
    }
  }
}

TEST(DataPrefetcher, ErrorsAreRethrownInOrderAndEarlyStopJoins) {
  Tensor y = iota_tensor({10}, DType::Int64);
  auto g = std::make_shared<RowGather>(TensorList{y});
  std::vector<int64_t> idx = {0, 1, 2, 3, 99, 5, 6, 7};
  BatchPrefetcher p(g, idx, 2, false, 2, 4);
  EXPECT_TRUE(p.next().has_value());
  EXPECT_TRUE(p.next().has_value());
  EXPECT_THROW(p.next(), IndexError);
  EXPECT_TRUE(p.next().has_value());
  {
    Tensor big = iota_tensor({1000}, DType::Int64);
    auto gb = std::make_shared<RowGather>(TensorList{big});
    std::vector<int64_t> all(1000);
    std::iota(all.begin(), all.end(), 0);
    BatchPrefetcher early(gb, all, 1, false, 2, 4);
    EXPECT_TRUE(early.next().has_value());
  }  // destroyed mid-epoch: must not hang
}

TEST(DataIdx, ParsesAndValidates) {
  std::vector<uint8_t> f = {0, 0, 0x08, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6};
  IdxHeader h = parse_idx(f.data(), f.size(), "ok");
  EXPECT_EQ(h.type_code, 0x08);
  EXPECT_EQ(h.dims, (Shape{2, 3}));
  EXPECT_EQ(h.data_offset, 12u);
  EXPECT_THROW(parse_idx(f.data(), f.size() - 1, "cut"), ValueError);
  EXPECT_THROW(parse_idx(f.data(), 3, "cut"), ValueError);
  EXPECT_THROW(parse_idx(f.data(), 8, "cut"), ValueError);
  auto g = f;
  g[0] = 0x1f;
  EXPECT_THROW(parse_idx(g.data(), g.size(), "magic"), ValueError);
  g = f;
  g[2] = 0x0A;
  EXPECT_THROW(parse_idx(g.data(), g.size(), "type"), ValueError);
  g = f;
  g.push_back(0);
  try {
    parse_idx(g.data(), g.size(), "trailing-file");
    FAIL();
  } catch (const ValueError& e) {
    EXPECT_NE(std::string(e.what()).find("trailing-file"), std::string::npos);
  }
  std::vector<uint8_t> huge = {0, 0, 0x0E, 3, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
  EXPECT_THROW(parse_idx(huge.data(), huge.size(), "huge"), ValueError);
}

TEST(DataImage, U8ToFloatNormalizeAndLayouts) {
  std::vector<uint8_t> img = {0, 255, 51, 102, 0, 255};  // (1, 2, 3) batched HW... as (2, 3) HW
  Tensor t = u8_images_to_float(img.data(), {2, 3}, false, {0.0}, {1.0}, DType::Float32, false);
  EXPECT_EQ(t.shape(), (Shape{1, 2, 3}));
  EXPECT_FLOAT_EQ(t.data<float>()[1], 1.0f);
  EXPECT_FLOAT_EQ(t.data<float>()[2], 0.2f);
  Tensor hwc = u8_images_to_float(img.data(), {1, 3, 2}, false, {0.5, 0.0}, {0.5, 1.0}, DType::Float64, false);
  EXPECT_EQ(hwc.shape(), (Shape{2, 1, 3}));  // channel 0: 0, 51, 0; channel 1: 255, 102, 255
  EXPECT_DOUBLE_EQ(hwc.data<double>()[0], -1.0);
  EXPECT_DOUBLE_EQ(hwc.data<double>()[3], 1.0);
  Tensor batch = u8_images_to_float(img.data(), {3, 1, 2}, true, {0.0}, {1.0}, DType::Float32, true);
  EXPECT_EQ(batch.shape(), (Shape{3, 1, 1, 2}));
  EXPECT_THROW(u8_images_to_float(img.data(), {6}, false, {0.0}, {1.0}, DType::Float32, false), ValueError);
  EXPECT_THROW(u8_images_to_float(img.data(), {2, 3}, false, {0.0}, {0.0}, DType::Float32, false), ValueError);
  EXPECT_THROW(u8_images_to_float(img.data(), {1, 3, 2}, false, {0.0, 0.0, 0.0}, {1.0}, DType::Float32, false),
               ValueError);
}

TEST(DataImage, StackPromotesAndChecksShapes) {
  Tensor a = iota_tensor({2, 2}, DType::Int64);
  Tensor b = iota_tensor({2, 2}, DType::Float32);
  Tensor s = stack_samples({a, b});
  EXPECT_EQ(s.shape(), (Shape{2, 2, 2}));
  EXPECT_EQ(s.dtype(), DType::Float32);
  EXPECT_FLOAT_EQ(s.data<float>()[7], 3.0f);
  EXPECT_THROW(stack_samples({a, iota_tensor({4}, DType::Int64)}), ValueError);
  EXPECT_THROW(stack_samples({}), ValueError);
}
