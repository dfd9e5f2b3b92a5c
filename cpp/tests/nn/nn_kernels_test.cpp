// nn kernels against naive reference loops (float64), adjoint identities of the linear
// primitives, running statistics, and thread-count independence.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "rustorch/autograd/engine.hpp"
#include "rustorch/core/parallel.hpp"
#include "rustorch/core/random.hpp"
#include "rustorch/nn/conv.hpp"
#include "rustorch/nn/functional.hpp"
#include "rustorch/nn/loss.hpp"
#include "rustorch/nn/norm.hpp"
#include "rustorch/nn/pool.hpp"
#include "rustorch/ops/factory.hpp"

using namespace rustorch;

namespace {

Tensor randn(const Shape& s, uint32_t seed, DType dt = DType::Float64) {
  Tensor t = Tensor::empty(s, DType::Float64);
  std::mt19937 g(seed);
  std::normal_distribution<double> d;
  for (int64_t i = 0; i < t.numel(); ++i) t.data<double>()[i] = d(g);
  if (dt == DType::Float64) return t;
  Tensor f = Tensor::empty(s, dt);
  for (int64_t i = 0; i < t.numel(); ++i) f.data<float>()[i] = static_cast<float>(t.data<double>()[i]);
  return f;
}

double dot(const Tensor& a, const Tensor& b) {
  double s = 0;
  for (int64_t i = 0; i < a.numel(); ++i) s += a.data<double>()[i] * b.data<double>()[i];
  return s;
}

// Direct 2-D convolution (N, Cin, H, W) * (Cout, Cin/G, KH, KW).
Tensor naive_conv2d(const Tensor& x, const Tensor& w, int64_t sh, int64_t sw, int64_t ph, int64_t pw, int64_t dh,
                    int64_t dw, int64_t G) {
  const int64_t N = x.size(0), Cin = x.size(1), H = x.size(2), W = x.size(3);
  const int64_t Cout = w.size(0), Cg = w.size(1), KH = w.size(2), KW = w.size(3);
  const int64_t OH = (H + 2 * ph - dh * (KH - 1) - 1) / sh + 1, OW = (W + 2 * pw - dw * (KW - 1) - 1) / sw + 1;
  Tensor y = zeros({N, Cout, OH, OW}, DType::Float64);
  const double* xp = x.data<double>();
  const double* wp = w.data<double>();
  double* yp = y.data<double>();
  for (int64_t n = 0; n < N; ++n)
    for (int64_t co = 0; co < Cout; ++co) {
      const int64_t g = co / (Cout / G);
      for (int64_t oh = 0; oh < OH; ++oh)
        for (int64_t ow = 0; ow < OW; ++ow) {
          double s = 0;
          for (int64_t c = 0; c < Cg; ++c)
            for (int64_t kh = 0; kh < KH; ++kh)
              for (int64_t kw = 0; kw < KW; ++kw) {
                const int64_t ih = oh * sh - ph + kh * dh, iw = ow * sw - pw + kw * dw;
                if (ih < 0 || ih >= H || iw < 0 || iw >= W) continue;
                s += xp[((n * Cin + g * Cg + c) * H + ih) * W + iw] * wp[((co * Cg + c) * KH + kh) * KW + kw];
              }
          yp[((n * Cout + co) * OH + oh) * OW + ow] = s;
        }
    }
  return y;
}

struct ConvCase {
  Shape x, w;
  int64_t sh, sw, ph, pw, dh, dw, g;
};

}  // namespace

TEST(NnConv, MatchesDirectConvolution) {
  for (const ConvCase& c : {ConvCase{{2, 3, 7, 6}, {4, 3, 3, 3}, 1, 1, 1, 1, 1, 1, 1},
                            ConvCase{{1, 4, 9, 8}, {6, 2, 3, 2}, 2, 1, 1, 2, 2, 1, 2},
                            ConvCase{{3, 2, 5, 5}, {2, 2, 1, 1}, 1, 1, 0, 0, 1, 1, 1},
                            ConvCase{{2, 6, 6, 7}, {6, 1, 3, 3}, 2, 2, 1, 1, 1, 1, 6}}) {
    Tensor x = randn(c.x, 1), w = randn(c.w, 2);
    Tensor y = nn::conv2d(x, w, Tensor(), {c.sh, c.sw}, {c.ph, c.pw}, {c.dh, c.dw}, c.g);
    Tensor ref = naive_conv2d(x, w, c.sh, c.sw, c.ph, c.pw, c.dh, c.dw, c.g);
    ASSERT_EQ(y.shape(), ref.shape());
    for (int64_t i = 0; i < y.numel(); ++i) EXPECT_NEAR(y.data<double>()[i], ref.data<double>()[i], 1e-12);
  }
}

TEST(NnConv, GradientsAreAdjointsOfTheForward) {
  // <conv(x, w), g> = <x, conv_input_grad(g, w)> = <w, conv_weight_grad(x, g)>
  nn::ConvParams P;
  P.dims = 2;
  P.stride = {2, 1};
  P.padding = {1, 0};
  P.dilation = {1, 2};
  P.groups = 2;
  // small images (OpenBLAS weight gradient) and long rows (the dot-product kernel)
  for (const Shape& xs : {Shape{2, 4, 7, 8}, Shape{3, 4, 40, 27}}) {
    Tensor x = randn(xs, 3), w = randn({6, 2, 3, 2}, 4);
    Tensor y = nn::convolution(x, w, Tensor(), P, "conv2d");
    Tensor g = randn(y.shape(), 5);
    const double lhs = dot(y, g);
    EXPECT_NEAR(lhs, dot(x, nn::convolution_input_grad(g, w, Tensor(), P, x.shape(), "conv2d")), 1e-9);
    EXPECT_NEAR(lhs, dot(w, nn::convolution_weight_grad(x, g, P, w.shape(), "conv2d")), 1e-9);
  }
}

TEST(NnConv, ResultsDoNotDependOnThreadCount) {
  Tensor x = randn({16, 3, 10, 10}, 6, DType::Float32), w = randn({8, 3, 3, 3}, 7, DType::Float32);
  nn::ConvParams P;
  P.dims = 2;
  P.stride = {1, 1};
  P.padding = {1, 1};
  P.dilation = {1, 1};
  Tensor out[2][3];
  const int prev = get_num_threads();
  for (int t = 0; t < 2; ++t) {
    set_num_threads(t + 1);
    out[t][0] = nn::convolution(x, w, Tensor(), P, "conv2d");
    Tensor g = randn(out[t][0].shape(), 8, DType::Float32);
    out[t][1] = nn::convolution_weight_grad(x, g, P, w.shape(), "conv2d");
    out[t][2] = nn::convolution_input_grad(g, w, Tensor(), P, x.shape(), "conv2d");
  }
  set_num_threads(prev);
  for (int k = 0; k < 3; ++k)
    for (int64_t i = 0; i < out[0][k].numel(); ++i) ASSERT_EQ(out[0][k].data<float>()[i], out[1][k].data<float>()[i]);
}

TEST(NnConv, BadShapesThrowValueError) {
  EXPECT_THROW(nn::conv2d(zeros({2, 4, 8, 8}, DType::Float32), zeros({16, 3, 3, 3}, DType::Float32), Tensor(), {1},
                          {0}, {1}, 1),
               ValueError);
  EXPECT_THROW(nn::conv2d(zeros({2, 3, 2, 2}, DType::Float32), zeros({16, 3, 3, 3}, DType::Float32), Tensor(), {1},
                          {0}, {1}, 1),
               ValueError);
  EXPECT_THROW(nn::conv2d(zeros({2, 3, 8, 8}, DType::Float32), zeros({16, 3, 3, 3}, DType::Float64), Tensor(), {1},
                          {0}, {1}, 1),
               TypeError);
}

TEST(NnPool, MaxAndAvgMatchNaiveLoops) {
  Tensor x = randn({2, 3, 7, 6}, 9);
  auto [y, ind] = nn::max_pool_nd(x, {3}, {2}, {1}, {1}, false, 2);
  Tensor a = nn::avg_pool_nd(x, {3}, {2}, {1}, false, true, std::nullopt, 2);
  ASSERT_EQ(y.shape(), (Shape{2, 3, 4, 3}));
  const double* xp = x.data<double>();
  for (int64_t p = 0; p < 6; ++p)
    for (int64_t oh = 0; oh < 4; ++oh)
      for (int64_t ow = 0; ow < 3; ++ow) {
        double m = -INFINITY, s = 0;
        int64_t mi = -1;
        for (int64_t kh = 0; kh < 3; ++kh)
          for (int64_t kw = 0; kw < 3; ++kw) {
            const int64_t ih = oh * 2 - 1 + kh, iw = ow * 2 - 1 + kw;
            if (ih < 0 || ih >= 7 || iw < 0 || iw >= 6) continue;
            const double v = xp[p * 42 + ih * 6 + iw];
            s += v;
            if (v > m) m = v, mi = ih * 6 + iw;
          }
        const int64_t o = p * 12 + oh * 3 + ow;
        EXPECT_DOUBLE_EQ(y.data<double>()[o], m);
        EXPECT_EQ(ind.data<int64_t>()[o], mi);
        EXPECT_NEAR(a.data<double>()[o], s / 9.0, 1e-14);  // count_include_pad
      }
}

TEST(NnPool, AvgPoolBackwardIsTheAdjoint) {
  Tensor x = randn({2, 2, 9, 8}, 10);
  x.set_requires_grad(true);
  Tensor y = nn::avg_pool_nd(x, {3, 2}, {2, 3}, {1, 1}, true, false, std::nullopt, 2);
  Tensor g = randn(y.shape(), 11);
  Tensor gx = autograd::grad({y}, {g}, {x}, false, false, false)[0];
  EXPECT_NEAR(dot(y.detach(), g), dot(x.detach(), gx), 1e-10);
}

TEST(NnNorm, BatchNormNormalizesAndUpdatesRunningStats) {
  Tensor x = randn({8, 3, 4, 4}, 12);
  Tensor rm = zeros({3}, DType::Float64), rv = ones({3}, DType::Float64);
  Tensor y = nn::batch_norm(x, rm, rv, Tensor(), Tensor(), true, 0.25, 0.0);
  for (int64_t c = 0; c < 3; ++c) {
    double s = 0, s2 = 0, xs = 0, xs2 = 0;
    for (int64_t n = 0; n < 8; ++n)
      for (int64_t i = 0; i < 16; ++i) {
        const double v = y.data<double>()[(n * 3 + c) * 16 + i], u = x.data<double>()[(n * 3 + c) * 16 + i];
        s += v, s2 += v * v, xs += u, xs2 += u * u;
      }
    EXPECT_NEAR(s / 128, 0.0, 1e-12);
    EXPECT_NEAR(s2 / 128, 1.0, 1e-9);
    const double mean = xs / 128, var_unbiased = (xs2 - 128 * mean * mean) / 127;
    EXPECT_NEAR(rm.data<double>()[c], 0.25 * mean, 1e-12);
    EXPECT_NEAR(rv.data<double>()[c], 0.75 + 0.25 * var_unbiased, 1e-12);
  }
}

TEST(NnLoss, CrossEntropyMatchesNaiveLogSoftmax) {
  Tensor x = randn({5, 7}, 13);
  Tensor t = Tensor::empty({5}, DType::Int64);
  for (int64_t i = 0; i < 5; ++i) t.data<int64_t>()[i] = (i * 3) % 7;
  t.data<int64_t>()[2] = -100;
  Tensor loss = nn::cross_entropy(x, t, Tensor(), -100, "mean", 0.0);
  double total = 0;
  for (int64_t i = 0; i < 5; ++i) {
    if (i == 2) continue;
    double m = -INFINITY, s = 0;
    for (int64_t c = 0; c < 7; ++c) m = std::max(m, x.data<double>()[i * 7 + c]);
    for (int64_t c = 0; c < 7; ++c) s += std::exp(x.data<double>()[i * 7 + c] - m);
    total += m + std::log(s) - x.data<double>()[i * 7 + t.data<int64_t>()[i]];
  }
  EXPECT_NEAR(loss.data<double>()[0], total / 4, 1e-12);
  t.data<int64_t>()[0] = 7;
  EXPECT_THROW(nn::cross_entropy(x, t, Tensor(), -100, "mean", 0.0), IndexError);
}

TEST(NnFunctional, DropoutMaskIndependentOfThreads) {
  Tensor x = ones({100003}, DType::Float32);
  Tensor out[2];
  const int prev = get_num_threads();
  for (int t = 0; t < 2; ++t) {
    set_num_threads(t + 1);
    manual_seed(42);
    out[t] = nn::dropout(x, 0.25, true);
  }
  set_num_threads(prev);
  int64_t zeros_count = 0;
  for (int64_t i = 0; i < x.numel(); ++i) {
    ASSERT_EQ(out[0].data<float>()[i], out[1].data<float>()[i]);
    zeros_count += out[0].data<float>()[i] == 0.0f;
  }
  EXPECT_NEAR(static_cast<double>(zeros_count) / x.numel(), 0.25, 0.01);
}

TEST(NnFunctional, PadBackwardIsTheAdjoint) {
  for (const char* mode : {"constant", "reflect", "replicate", "circular"}) {
    Tensor x = randn({2, 3, 5, 4}, 14);
    x.set_requires_grad(true);
    Tensor y = nn::pad(x, {1, 2, 3, 1}, mode, 0.0);
    Tensor g = randn(y.shape(), 15);
    Tensor gx = autograd::grad({y}, {g}, {x}, false, false, false)[0];
    EXPECT_NEAR(dot(y.detach(), g), dot(x.detach(), gx), 1e-10) << mode;
  }
}
