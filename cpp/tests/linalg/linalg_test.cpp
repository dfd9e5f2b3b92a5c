#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "rustorch/autograd/engine.hpp"
#include "rustorch/core/parallel.hpp"
#include "rustorch/linalg/linalg.hpp"
#include "rustorch/ops/copy.hpp"
#include "rustorch/ops/factory.hpp"
#include "rustorch/ops/matmul.hpp"
#include "rustorch/ops/shape.hpp"

using namespace rustorch;

namespace {

Tensor from(const Shape& shape, const std::vector<double>& v, DType dtype = DType::Float64) {
  Tensor t = Tensor::empty(shape, DType::Float64);
  std::copy(v.begin(), v.end(), t.data<double>());
  return to_dtype(t, dtype);
}

std::vector<double> values(const Tensor& t) {
  const Tensor c = contiguous_as(t, DType::Float64);
  return std::vector<double>(c.data<double>(), c.data<double>() + c.numel());
}

void expect_near(const Tensor& got, const Tensor& expected, double tol) {
  ASSERT_EQ(got.shape(), expected.shape());
  const auto a = values(got), b = values(expected);
  for (size_t i = 0; i < a.size(); ++i) EXPECT_NEAR(a[i], b[i], tol) << "at " << i;
}

Tensor mT(const Tensor& t) { return transpose(t, -2, -1); }

}  // namespace

TEST(Linalg, SvdReconstructsTallWideAndBatched) {
  for (const Shape& shape : {Shape{4, 3}, Shape{3, 5}, Shape{2, 3, 3}, Shape{5, 5}}) {
    for (DType dt : {DType::Float32, DType::Float64}) {
      const Tensor A = randn(shape, dt);
      auto [U, S, Vh] = linalg::svd(A, /*full_matrices=*/false);
      const Tensor back = matmul(matmul(U, linalg::diag_embed(S)), Vh);
      expect_near(back, A, dt == DType::Float32 ? 1e-4 : 1e-12);
      const int64_t k = S.shape().back();
      expect_near(matmul(mT(U), U), expand(eye(k, std::nullopt, dt), matmul(mT(U), U).shape()),
                  dt == DType::Float32 ? 1e-5 : 1e-13);
    }
  }
}

TEST(Linalg, QrIsOrthogonalTimesUpperTriangular) {
  const Tensor A = randn({2, 5, 3}, DType::Float64);
  auto [Q, R] = linalg::qr(A);
  expect_near(matmul(Q, R), A, 1e-12);
  const auto r = values(R);
  for (int64_t b = 0; b < 2; ++b)
    for (int64_t i = 0; i < 3; ++i)
      for (int64_t j = 0; j < i; ++j) EXPECT_EQ(r[static_cast<size_t>(b * 9 + i * 3 + j)], 0.0);
  auto [Qc, Rc] = linalg::qr(A, linalg::QrMode::Complete);
  EXPECT_EQ(Qc.shape(), (Shape{2, 5, 5}));
  expect_near(matmul(Qc, Rc), A, 1e-12);
}

TEST(Linalg, EighOfKnownMatrix) {
  const Tensor A = from({2, 2}, {2, 1, 1, 2});
  auto [w, V] = linalg::eigh(A);
  expect_near(w, from({2}, {1, 3}), 1e-14);
  expect_near(matmul(matmul(V, linalg::diag_embed(w)), mT(V)), A, 1e-14);
}

TEST(Linalg, CholeskyAndItsError) {
  const Tensor A = from({2, 2}, {4, 2, 2, 3});
  expect_near(linalg::cholesky(A), from({2, 2}, {2, 0, 1, std::sqrt(2.0)}), 1e-14);
  const Tensor bad = from({2, 2, 2}, {1, 0, 0, 1, 1, 2, 2, 1});
  try {
    linalg::cholesky(bad);
    FAIL() << "expected LinAlgError";
  } catch (const linalg::LinAlgError& e) {
    EXPECT_NE(std::string(e.what()).find("linalg.cholesky: (Batch element 1)"), std::string::npos) << e.what();
  }
  auto [L, info] = linalg::cholesky_ex(bad);
  EXPECT_EQ(values(info), (std::vector<double>{0, 2}));
}

TEST(Linalg, SolveInvDet) {
  const Tensor A = from({2, 2}, {3, 1, 1, 2});
  const Tensor b = from({2}, {9, 8});
  expect_near(linalg::solve(A, b), from({2}, {2, 3}), 1e-14);
  expect_near(linalg::inv(A), from({2, 2}, {0.4, -0.2, -0.2, 0.6}), 1e-14);
  expect_near(linalg::det(A), from({}, {5}), 1e-14);
  auto [sign, logabs] = linalg::slogdet(from({2, 2}, {0, 1, 1, 0}));
  EXPECT_EQ(values(sign)[0], -1.0);
  EXPECT_NEAR(values(logabs)[0], 0.0, 1e-15);
  EXPECT_THROW(linalg::inv(from({2, 2}, {1, 2, 2, 4})), linalg::LinAlgError);
  EXPECT_THROW(linalg::solve(from({2, 2}, {1, 2, 2, 4}), b), linalg::LinAlgError);
}

TEST(Linalg, NanInputGivesNan) {
  const double nan = std::nan("");
  const Tensor A = from({2, 2}, {nan, 1, 1, 2});
  for (const Tensor& r : {std::get<1>(linalg::svd(A)), linalg::eigvalsh(A), linalg::inv(A), linalg::det(A),
                          linalg::matrix_exp(A), linalg::qr(A).first})
    for (double v : values(r)) EXPECT_TRUE(std::isnan(v));
}

TEST(Linalg, MatrixExpOfRotationGenerator) {
  const double t = 0.7;
  const Tensor A = from({2, 2}, {0, -t, t, 0});
  expect_near(linalg::matrix_exp(A), from({2, 2}, {std::cos(t), -std::sin(t), std::sin(t), std::cos(t)}), 1e-15);
  const Tensor big = from({2, 2}, {0, -40 * t, 40 * t, 0});  // scaling and squaring
  expect_near(linalg::matrix_exp(big),
              from({2, 2}, {std::cos(40 * t), -std::sin(40 * t), std::sin(40 * t), std::cos(40 * t)}), 1e-12);
}

TEST(Linalg, BatchedResultsIndependentOfThreadCount) {
  const Tensor A = randn({200, 5, 5}, DType::Float64);
  const int prev = get_num_threads();
  set_num_threads(1);
  const auto s1 = values(linalg::svdvals(A));
  const auto i1 = values(linalg::inv(A));
  set_num_threads(2);
  const auto s2 = values(linalg::svdvals(A));
  const auto i2 = values(linalg::inv(A));
  set_num_threads(prev);
  EXPECT_EQ(s1, s2);
  EXPECT_EQ(i1, i2);
}

TEST(Linalg, DetGradientIsCofactorMatrix) {
  Tensor A = from({2, 2}, {3, 1, 1, 2});
  A.set_requires_grad(true);
  const Tensor d = linalg::det(A);
  autograd::backward({d}, {}, false, false);
  expect_near(A.grad(), from({2, 2}, {2, -1, -1, 3}), 1e-14);
}
