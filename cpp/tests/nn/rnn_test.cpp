// The recurrent-layer op against its composite (step-by-step differentiable) form, for values and
// gradients; the packed float32 GEMM against a direct triple loop; thread-count independence.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "rustorch/autograd/engine.hpp"
#include "rustorch/core/parallel.hpp"
#include "rustorch/nn/packed_gemm.hpp"
#include "rustorch/nn/rnn.hpp"
#include "rustorch/ops/copy.hpp"
#include "rustorch/ops/elementwise.hpp"
#include "rustorch/ops/factory.hpp"
#include "rustorch/ops/reduce.hpp"

using namespace rustorch;

namespace {

Tensor uniform(const Shape& s, uint32_t seed, bool grad = true) {
  Tensor t = Tensor::empty(s, DType::Float64);
  std::mt19937 g(seed);
  std::uniform_real_distribution<double> d(-0.8, 0.8);
  for (int64_t i = 0; i < t.numel(); ++i) t.data<double>()[i] = d(g);
  if (grad) t.set_requires_grad(true);
  return t;
}

double max_abs_diff(const Tensor& a_in, const Tensor& b_in) {
  const Tensor a = contiguous(a_in), b = contiguous(b_in);  // gradients may come back as transposed views
  double m = 0;
  for (int64_t i = 0; i < a.numel(); ++i) m = std::max(m, std::abs(a.data<double>()[i] - b.data<double>()[i]));
  return m;
}

struct RnnCase {
  std::string mode;
  int64_t G;
  bool proj, reverse;
  std::vector<int64_t> batch_sizes;
};

}  // namespace

TEST(NnRnn, FusedMatchesCompositeValuesAndGradients) {
  const int64_t T = 4, B = 3, I = 3, H = 5;
  for (const RnnCase& c : {RnnCase{"LSTM", 4, false, false, {}}, RnnCase{"LSTM", 4, true, true, {3, 2, 2, 1}},
                           RnnCase{"GRU", 3, false, true, {}}, RnnCase{"GRU", 3, false, false, {3, 3, 1, 1}},
                           RnnCase{"RNN_TANH", 1, false, false, {3, 2, 1, 1}}, RnnCase{"RNN_RELU", 1, false, true, {}}}) {
    const int64_t P = c.proj ? 2 : H;
    const bool lstm = c.mode == "LSTM";
    TensorList in{uniform({T, B, I}, 1), uniform({B, P}, 2), lstm ? uniform({B, H}, 3) : Tensor(),
                  uniform({c.G * H, I}, 4), uniform({c.G * H, P}, 5), uniform({c.G * H}, 6), uniform({c.G * H}, 7),
                  c.proj ? uniform({P, H}, 8) : Tensor()};
    const TensorList fused = nn::rnn_layer(in[0], in[1], in[2], in[3], in[4], in[5], in[6], in[7], c.mode, c.reverse,
                                           c.batch_sizes);
    const TensorList ref = nn::rnn_layer_composite(in[0], in[1], in[2], in[3], in[4], in[5], in[6], in[7],
                                                   nn::parse_rnn_mode(c.mode), c.reverse, c.batch_sizes);
    ASSERT_EQ(fused.size(), ref.size());
    TensorList grads, leaves;
    for (size_t k = 0; k < fused.size(); ++k) {
      EXPECT_LT(max_abs_diff(fused[k], ref[k]), 1e-12) << c.mode << " output " << k;
      grads.push_back(uniform(fused[k].shape(), 20 + static_cast<uint32_t>(k), false));
    }
    for (const Tensor& t : in)
      if (t.defined()) leaves.push_back(t);
    const TensorList gf = autograd::grad(fused, grads, leaves, false, false, false);
    const TensorList gr = autograd::grad(ref, grads, leaves, false, false, false);
    for (size_t k = 0; k < leaves.size(); ++k) EXPECT_LT(max_abs_diff(gf[k], gr[k]), 1e-11) << c.mode << " input " << k;
  }
}

TEST(NnRnn, ResultsDoNotDependOnThreadCount) {
  const int prev = get_num_threads();
  TensorList in{uniform({6, 40, 16}, 1, false), uniform({40, 64}, 2, false), uniform({40, 64}, 3, false),
                uniform({256, 16}, 4, false), uniform({256, 64}, 5, false)};
  TensorList outs[2];
  for (int threads : {1, 2}) {
    set_num_threads(threads);
    outs[threads - 1] = nn::rnn_layer(in[0], in[1], in[2], in[3], in[4], Tensor(), Tensor(), Tensor(), "LSTM", false, {});
  }
  set_num_threads(prev);
  for (size_t k = 0; k < outs[0].size(); ++k) EXPECT_EQ(max_abs_diff(outs[0][k], outs[1][k]), 0.0);
}

TEST(NnRnn, PackedGemmMatchesDirectProduct) {
  if (!nn::packed_gemm_available()) GTEST_SKIP() << "no AVX-512 on this CPU";
  std::mt19937 g(3);
  std::uniform_real_distribution<float> d(-1, 1);
  for (auto [M, K, N, trans_a] : std::vector<std::tuple<int64_t, int64_t, int64_t, bool>>{
           {1, 1, 1, false}, {13, 7, 45, false}, {32, 64, 100, true}, {25, 300, 33, false}}) {
    std::vector<float> a(M * K), b(K * N), c(M * N, 1.0f);
    for (auto& v : a) v = d(g);
    for (auto& v : b) v = d(g);
    const nn::PackedMatrix pb(b.data(), N, 1, K, N);
    // trans_a: a holds A^T (K x M) and A(m, k) = a[k * M + m]
    nn::packed_gemm(M, a.data(), trans_a ? 1 : K, trans_a ? M : 1, pb, 1.0f, c.data(), N);
    for (int64_t m = 0; m < M; ++m)
      for (int64_t n = 0; n < N; ++n) {
        double s = 1.0;
        for (int64_t k = 0; k < K; ++k) s += double(trans_a ? a[k * M + m] : a[m * K + k]) * b[k * N + n];
        EXPECT_NEAR(c[m * N + n], s, 1e-4 * (1 + std::abs(s))) << M << "x" << K << "x" << N;
      }
  }
}

TEST(NnRnn, BadArgumentsThrowValueError) {
  const Tensor x = uniform({3, 2, 4}, 1, false);
  EXPECT_THROW(nn::rnn_layer(x, zeros({2, 5}, DType::Float64), Tensor(), zeros({15, 3}, DType::Float64),
                             zeros({15, 5}, DType::Float64), Tensor(), Tensor(), Tensor(), "GRU", false, {}),
               ValueError);
  EXPECT_THROW(nn::rnn_layer(x, zeros({2, 5}, DType::Float64), Tensor(), zeros({15, 4}, DType::Float64),
                             zeros({15, 5}, DType::Float64), Tensor(), Tensor(), Tensor(), "GRU", false, {3, 1, 2}),
               ValueError);
}
