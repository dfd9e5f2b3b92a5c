// Fused optimizer kernels and gradient utilities against scalar reference implementations of the
// textbook update rules (in double), for float64 and float32 parameters, small and multi-chunk
// (parallel) sizes, non-contiguous parameters, and 1- vs 2-thread runs.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <functional>
#include <random>
#include <vector>

#include "rustorch/core/parallel.hpp"
#include "rustorch/core/tensor.hpp"
#include "rustorch/ops/copy.hpp"
#include "rustorch/ops/factory.hpp"
#include "rustorch/optim/fused.hpp"
#include "rustorch/optim/grad_utils.hpp"
#include "rustorch/optim/multi_tensor.hpp"

using namespace rustorch;
using Vec = std::vector<double>;

namespace {

Vec random_vec(size_t n, std::mt19937& rng, double scale = 1.0) {
  std::normal_distribution<double> d(0.0, scale);
  Vec v(n);
  for (double& x : v) x = d(rng);
  return v;
}

Tensor make(const Vec& v, DType dt) {
  Tensor t = Tensor::empty({static_cast<int64_t>(v.size())}, dt);
  for (size_t i = 0; i < v.size(); ++i) {
    if (dt == DType::Float32) t.data<float>()[i] = static_cast<float>(v[i]);
    else t.data<double>()[i] = v[i];
  }
  return t;
}

// A (rows x cols) tensor stored transposed (non-contiguous), holding v in row-major order.
Tensor make_transposed(const Vec& v, int64_t rows, int64_t cols, DType dt) {
  Tensor base = Tensor::empty({cols, rows}, dt);
  Tensor t = base.as_strided({rows, cols}, {1, rows}, 0);
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t c = 0; c < cols; ++c) {
      const double x = v[static_cast<size_t>(r * cols + c)];
      if (dt == DType::Float32) base.data<float>()[c * rows + r] = static_cast<float>(x);
      else base.data<double>()[c * rows + r] = x;
    }
  return t;
}

Vec values(const Tensor& t) {
  Tensor c = contiguous_as(t, DType::Float64);
  return Vec(c.data<double>(), c.data<double>() + c.numel());
}

// |a - b| <= atol + rtol |b| everywhere, except for at most `outliers` elements that must still
// be within `outlier_atol`.
void expect_close(const Vec& a, const Vec& b, double rtol, double atol, const std::string& what,
                  int outliers = 0, double outlier_atol = 0) {
  ASSERT_EQ(a.size(), b.size()) << what;
  int seen = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    const double tol = atol + rtol * std::abs(b[i]);
    if (std::abs(a[i] - b[i]) <= tol) continue;
    if (++seen <= outliers) {
      ASSERT_NEAR(a[i], b[i], outlier_atol) << what << " at " << i << " (outlier)";
      continue;
    }
    ASSERT_NEAR(a[i], b[i], tol) << what << " at " << i;
  }
}

struct Sizes {
  size_t n;
  bool transposed;  // a 2-D transposed parameter of n = rows * cols elements
};

const Sizes kSizes[] = {{7, false}, {40000, false}, {150001, false}, {12 * 5, true}};
const DType kTypes[] = {DType::Float64, DType::Float32};

// Runs `steps` updates of an optimizer with `nstate` state tensors (zero-initialised) through
// `kernel` and through `ref` (on doubles), comparing the parameter after each step.
void check_optimizer(const char* name, int nstate,
                     const std::function<void(const TensorList& p, const TensorList& g, const TensorList& st,
                                              const TensorList& steps)>& kernel,
                     const std::function<void(Vec& p, const Vec& g, std::vector<Vec>& st, int step)>& ref,
                     double init_state = 0.0, int steps = 6, double f32_rtol = 2e-5) {
  for (const Sizes& sz : kSizes) {
    for (DType dt : kTypes) {
      std::mt19937 rng(1234);
      // The reference sees exactly the kernel's inputs (rounded to float for float32 runs).
      auto as_dt = [dt](Vec v) {
        if (dt == DType::Float32)
          for (double& x : v) x = double(float(x));
        return v;
      };
      Vec p = as_dt(random_vec(sz.n, rng));
      std::vector<Vec> st(static_cast<size_t>(nstate), Vec(sz.n, init_state));
      Tensor tp = sz.transposed ? make_transposed(p, 12, 5, dt) : make(p, dt);
      TensorList tst;
      for (int k = 0; k < nstate; ++k) tst.push_back(full(tp.shape(), Scalar(init_state), dt));
      Tensor step = zeros({}, DType::Float32);
      for (int s = 1; s <= steps; ++s) {
        Vec g = as_dt(random_vec(sz.n, rng, s % 2 ? 1.0 : 1e-3));
        Tensor tg = sz.transposed ? make_transposed(g, 12, 5, dt) : make(g, dt);
        const uint32_t v0 = tp.version();
        kernel({tp}, {tg}, tst, {step});
        ref(p, g, st, s);
        EXPECT_GT(tp.version(), v0);
        const double rtol = dt == DType::Float64 ? 1e-12 : f32_rtol, atol = dt == DType::Float64 ? 1e-13 : 2e-6;
        // float32: an element whose weight-decayed gradient happens to cancel (g ~ -wd p) is
        // ill-conditioned for a normalizing optimizer; allow two such elements per comparison.
        expect_close(values(tp), p, rtol, atol,
                     std::string(name) + " " + dtype_name(dt) + " n=" + std::to_string(sz.n) + " step " +
                         std::to_string(s),
                     dt == DType::Float32 ? 2 : 0, 1e-4);
      }
      EXPECT_EQ(*step.data<float>(), float(steps));
    }
  }
}

}  // namespace

TEST(FusedOptim, SGDMomentumNesterovWeightDecay) {
  for (bool nesterov : {false, true}) {
    optim::SGDOptions o{0.05, 0.9, nesterov ? 0.0 : 0.2, 0.01, nesterov, false};
    TensorList bufs;
    check_optimizer(
        "sgd", 0,
        [&](const TensorList& p, const TensorList& g, const TensorList&, const TensorList& steps) {
          float& step = *steps[0].data<float>();  // SGD keeps no step: count here for the harness
          if (step == 0.0f) bufs.assign(1, Tensor());
          optim::sgd_step(p, g, bufs, o);
          step += 1.0f;
        },
        [&](Vec& p, const Vec& g, std::vector<Vec>& st, int step) {
          if (st.empty()) st.assign(1, Vec(p.size()));
          for (size_t i = 0; i < p.size(); ++i) {
            double d = g[i] + o.weight_decay * p[i];
            st[0][i] = step == 1 ? d : o.momentum * st[0][i] + (1 - o.dampening) * d;
            d = nesterov ? d + o.momentum * st[0][i] : st[0][i];
            p[i] -= o.lr * d;
          }
        });
  }
}

TEST(FusedOptim, SGDPlainAndMaximize) {
  optim::SGDOptions o{0.1, 0.0, 0.0, 0.0, false, true};
  TensorList none;
  check_optimizer(
      "sgd", 0, [&](const TensorList& p, const TensorList& g, const TensorList&, const TensorList& steps) {
        optim::sgd_step(p, g, none, o);
        *steps[0].data<float>() += 1.0f;
      },
      [&](Vec& p, const Vec& g, std::vector<Vec>&, int) {
        for (size_t i = 0; i < p.size(); ++i) p[i] += o.lr * g[i];
      });
}

TEST(FusedOptim, AdamVariants) {
  struct V {
    double wd;
    bool amsgrad, maximize, decoupled;
    double beta1;
  };
  for (V v : {V{0, false, false, false, 0.9}, V{0.1, true, false, false, 0.9}, V{0.05, false, true, true, 0.3},
              V{0.2, true, true, true, 0.6}}) {
    optim::AdamOptions o{1e-2, v.beta1, 0.99, 1e-8, v.wd, v.amsgrad, v.maximize, v.decoupled};
    check_optimizer(
        "adam", 3,
        [&](const TensorList& p, const TensorList& g, const TensorList& st, const TensorList& steps) {
          optim::adam_step(p, g, {st[0]}, {st[1]}, o.amsgrad ? TensorList{st[2]} : TensorList{}, steps, o);
        },
        [&](Vec& p, const Vec& g, std::vector<Vec>& st, int t) {
          const double bc1 = 1 - std::pow(o.beta1, t), bc2 = 1 - std::pow(o.beta2, t);
          for (size_t i = 0; i < p.size(); ++i) {
            double gi = o.maximize ? -g[i] : g[i];
            if (o.decoupled_weight_decay) p[i] *= 1 - o.lr * o.weight_decay;
            else gi += o.weight_decay * p[i];
            st[0][i] = o.beta1 * st[0][i] + (1 - o.beta1) * gi;
            st[1][i] = o.beta2 * st[1][i] + (1 - o.beta2) * gi * gi;
            double vhat = st[1][i];
            if (o.amsgrad) vhat = st[2][i] = std::max(st[2][i], st[1][i]);
            p[i] -= o.lr / bc1 * st[0][i] / (std::sqrt(vhat) / std::sqrt(bc2) + o.eps);
          }
        });
  }
}

TEST(FusedOptim, RMSpropVariants) {
  for (bool centered : {false, true})
    for (double momentum : {0.0, 0.9}) {
      optim::RMSpropOptions o{1e-2, 0.9, 1e-8, 0.01, momentum, centered, momentum > 0};
      check_optimizer(
          "rmsprop", 3,
          [&](const TensorList& p, const TensorList& g, const TensorList& st, const TensorList& steps) {
            optim::rmsprop_step(p, g, {st[0]}, centered ? TensorList{st[1]} : TensorList{},
                                momentum > 0 ? TensorList{st[2]} : TensorList{}, steps, o);
          },
          [&](Vec& p, const Vec& g, std::vector<Vec>& st, int) {
            for (size_t i = 0; i < p.size(); ++i) {
              double gi = (o.maximize ? -g[i] : g[i]) + o.weight_decay * p[i];
              st[0][i] = o.alpha * st[0][i] + (1 - o.alpha) * gi * gi;
              double avg = st[0][i];
              if (centered) {
                st[1][i] = o.alpha * st[1][i] + (1 - o.alpha) * gi;
                avg -= st[1][i] * st[1][i];
              }
              avg = std::sqrt(avg) + o.eps;
              if (momentum > 0) {
                st[2][i] = momentum * st[2][i] + gi / avg;
                p[i] -= o.lr * st[2][i];
              } else {
                p[i] -= o.lr * gi / avg;
              }
            }
          });
    }
}

TEST(FusedOptim, Adagrad) {
  optim::AdagradOptions o{0.1, 0.05, 0.01, 1e-10, false};
  check_optimizer(
      "adagrad", 1,
      [&](const TensorList& p, const TensorList& g, const TensorList& st, const TensorList& steps) {
        optim::adagrad_step(p, g, st, steps, o);
      },
      [&](Vec& p, const Vec& g, std::vector<Vec>& st, int t) {
        const double clr = o.lr / (1 + (t - 1) * o.lr_decay);
        for (size_t i = 0; i < p.size(); ++i) {
          const double gi = g[i] + o.weight_decay * p[i];
          st[0][i] += gi * gi;
          p[i] -= clr * gi / (std::sqrt(st[0][i]) + o.eps);
        }
      },
      /*init_state=*/0.3);
}

TEST(FusedOptim, Adadelta) {
  optim::AdadeltaOptions o{0.5, 0.8, 1e-6, 0.02, true};
  check_optimizer(
      "adadelta", 2,
      [&](const TensorList& p, const TensorList& g, const TensorList& st, const TensorList& steps) {
        optim::adadelta_step(p, g, {st[0]}, {st[1]}, steps, o);
      },
      [&](Vec& p, const Vec& g, std::vector<Vec>& st, int) {
        for (size_t i = 0; i < p.size(); ++i) {
          const double gi = -g[i] + o.weight_decay * p[i];
          st[0][i] = o.rho * st[0][i] + (1 - o.rho) * gi * gi;
          const double delta = std::sqrt(st[1][i] + o.eps) / std::sqrt(st[0][i] + o.eps) * gi;
          st[1][i] = o.rho * st[1][i] + (1 - o.rho) * delta * delta;
          p[i] -= o.lr * delta;
        }
      });
}

TEST(FusedOptim, Adamax) {
  optim::AdamaxOptions o{2e-2, 0.9, 0.95, 1e-8, 0.01, false};
  check_optimizer(
      "adamax", 2,
      [&](const TensorList& p, const TensorList& g, const TensorList& st, const TensorList& steps) {
        optim::adamax_step(p, g, {st[0]}, {st[1]}, steps, o);
      },
      [&](Vec& p, const Vec& g, std::vector<Vec>& st, int t) {
        for (size_t i = 0; i < p.size(); ++i) {
          const double gi = g[i] + o.weight_decay * p[i];
          st[0][i] = o.beta1 * st[0][i] + (1 - o.beta1) * gi;
          st[1][i] = std::max(o.beta2 * st[1][i], std::abs(gi) + o.eps);
          p[i] -= o.lr / (1 - std::pow(o.beta1, t)) * st[0][i] / st[1][i];
        }
      });
}

TEST(FusedOptim, NAdam) {
  for (bool decoupled : {false, true}) {
    optim::NAdamOptions o{1e-2, 0.9, 0.999, 1e-8, 0.05, 4e-3, decoupled, false};
    Tensor mu_product;
    double mu_prod_ref = 1.0;
    check_optimizer(
        "nadam", 2,
        [&](const TensorList& p, const TensorList& g, const TensorList& st, const TensorList& steps) {
          if (*steps[0].data<float>() == 0.0f) mu_product = ones({}, DType::Float64);  // exact reference
          optim::nadam_step(p, g, {st[0]}, {st[1]}, {mu_product}, steps, o);
        },
        [&](Vec& p, const Vec& g, std::vector<Vec>& st, int t) {
          if (t == 1) mu_prod_ref = 1.0;
          const double mu = o.beta1 * (1 - 0.5 * std::pow(0.96, t * o.momentum_decay));
          const double mu_next = o.beta1 * (1 - 0.5 * std::pow(0.96, (t + 1) * o.momentum_decay));
          mu_prod_ref *= mu;
          const double bc2 = 1 - std::pow(o.beta2, t);
          for (size_t i = 0; i < p.size(); ++i) {
            double gi = g[i];
            if (decoupled) p[i] *= 1 - o.lr * o.weight_decay;
            else gi += o.weight_decay * p[i];
            st[0][i] = o.beta1 * st[0][i] + (1 - o.beta1) * gi;
            st[1][i] = o.beta2 * st[1][i] + (1 - o.beta2) * gi * gi;
            const double denom = std::sqrt(st[1][i] / bc2) + o.eps;
            p[i] -= o.lr * (1 - mu) / (1 - mu_prod_ref) * gi / denom;
            p[i] -= o.lr * mu_next / (1 - mu_prod_ref * mu_next) * st[0][i] / denom;
          }
        });
  }
}

TEST(FusedOptim, RAdam) {
  for (bool decoupled : {false, true}) {
    optim::RAdamOptions o{1e-2, 0.9, 0.9, 1e-8, 0.05, decoupled, false};  // beta2 0.9: rectified from step 6
    check_optimizer(
        "radam", 2,
        [&](const TensorList& p, const TensorList& g, const TensorList& st, const TensorList& steps) {
          optim::radam_step(p, g, {st[0]}, {st[1]}, steps, o);
        },
        [&](Vec& p, const Vec& g, std::vector<Vec>& st, int t) {
          const double bc1 = 1 - std::pow(o.beta1, t), bc2 = 1 - std::pow(o.beta2, t);
          const double rho_inf = 2 / (1 - o.beta2) - 1;
          const double rho_t = rho_inf - 2 * t * std::pow(o.beta2, t) / bc2;
          for (size_t i = 0; i < p.size(); ++i) {
            double gi = g[i];
            if (decoupled) p[i] *= 1 - o.lr * o.weight_decay;
            else gi += o.weight_decay * p[i];
            st[0][i] = o.beta1 * st[0][i] + (1 - o.beta1) * gi;
            st[1][i] = o.beta2 * st[1][i] + (1 - o.beta2) * gi * gi;
            double upd = o.lr * st[0][i] / bc1;
            if (rho_t > 5) {
              const double rect =
                  std::sqrt((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t));
              upd *= rect * std::sqrt(bc2) / (std::sqrt(st[1][i]) + o.eps);
            }
            p[i] -= upd;
          }
        },
        0.0, /*steps=*/8);
  }
}

TEST(FusedOptim, ErrorsNameTheOpAndChangeNothing) {
  Tensor p = zeros({3}, DType::Float32), g = ones({3}, DType::Float32), m = zeros({3}, DType::Float32);
  Tensor bad = zeros({4}, DType::Float32), step = zeros({}, DType::Float32);
  try {
    optim::adam_step({p}, {g}, {m}, {bad}, {}, {step}, {});
    FAIL() << "expected ValueError";
  } catch (const ValueError& e) {
    EXPECT_NE(std::string(e.what()).find("adam: parameter 0 has shape (3,) but its operand 3 has shape (4,)"),
              std::string::npos)
        << e.what();
  }
  EXPECT_EQ(*step.data<float>(), 0.0f);
  EXPECT_THROW(optim::adam_step({p}, {g}, {m}, {}, {}, {step}, {}), ValueError);
  Tensor ip = zeros({3}, DType::Int64);
  TensorList none;
  EXPECT_THROW(optim::sgd_step({ip}, {ip}, none, {}), TypeError);
}

TEST(FusedOptim, ThreadCountDoesNotChangeResults) {
  std::mt19937 rng(5);
  const Vec p0 = random_vec(300001, rng), g = random_vec(300001, rng);
  std::vector<Vec> out;
  const int old = get_num_threads();
  for (int threads : {1, 2, 1, 2}) {  // also shrinks and regrows the pool between parallel jobs
    set_num_threads(threads);
    Tensor p = make(p0, DType::Float32), m = zeros({300001}, DType::Float32), v = zeros({300001}, DType::Float32);
    Tensor step = zeros({}, DType::Float32);
    for (int s = 0; s < 3; ++s) optim::adam_step({p}, {make(g, DType::Float32)}, {m}, {v}, {}, {step}, {});
    Tensor n = optim::clip_grad_norm_({p, m}, 1.0, 2.0, false);
    Vec r = values(p);
    r.push_back(values(n)[0]);
    out.push_back(r);
  }
  set_num_threads(old);
  for (size_t k = 1; k < out.size(); ++k) EXPECT_EQ(out[k], out[0]);
}

TEST(GradUtils, ClipGradNormMatchesReference) {
  std::mt19937 rng(9);
  for (DType dt : kTypes)
    for (double p : {2.0, 1.0, 3.0, double(INFINITY)}) {
      const Vec a = random_vec(50000, rng), b = random_vec(17, rng, 10.0);
      Tensor ta = make(a, dt), tb = make_transposed(b, 17, 1, dt);
      Tensor n = optim::clip_grad_norm_({ta, tb}, 1.0, p, false);
      double ref = 0;
      for (const Vec* v : {&a, &b})
        for (double x : *v) ref = std::isinf(p) ? std::max(ref, std::abs(x)) : ref + std::pow(std::abs(x), p);
      if (!std::isinf(p)) ref = std::pow(ref, 1 / p);
      const double rtol = dt == DType::Float64 ? 1e-12 : 1e-6;
      EXPECT_EQ(n.dtype(), dt);
      EXPECT_NEAR(values(n)[0], ref, rtol * ref);
      const double coef = std::min(1.0 / (ref + 1e-6), 1.0);
      Vec ea = a, eb = b;
      for (double& x : ea) x *= coef;
      for (double& x : eb) x *= coef;
      expect_close(values(ta), ea, rtol, 1e-30, "clip a");
      expect_close(values(tb), eb, rtol, 1e-30, "clip b");
    }
}

TEST(GradUtils, ClipGradNormNonFiniteAndEmpty) {
  Tensor g = make({1.0, NAN, 2.0}, DType::Float32);
  EXPECT_THROW(optim::clip_grad_norm_({g}, 1.0, 2.0, true), Error);
  EXPECT_EQ(values(g)[0], 1.0);  // unchanged
  Tensor n = optim::clip_grad_norm_({}, 1.0, 2.0, false);
  EXPECT_EQ(n.dim(), 0);
  EXPECT_EQ(values(n)[0], 0.0);
}

TEST(GradUtils, ClipGradValue) {
  Tensor g = make({-3.0, 0.5, 2.0, NAN}, DType::Float64);
  optim::clip_grad_value_({g}, 1.0);
  const Vec v = values(g);
  EXPECT_EQ(v[0], -1.0);
  EXPECT_EQ(v[1], 0.5);
  EXPECT_EQ(v[2], 1.0);
  EXPECT_TRUE(std::isnan(v[3]));
}

TEST(GradUtils, FlattenVectorToParametersAddFlat) {
  Tensor a = make({1, 2, 3, 4, 5, 6}, DType::Float32).as_strided({2, 3}, {3, 1}, 0);
  Tensor b = make_transposed({7, 8, 9, 10}, 2, 2, DType::Float32);
  Tensor flat = optim::flatten_tensors({a, Tensor(), b}, {6, 2, 4}, DType::Float32);
  EXPECT_EQ(values(flat), (Vec{1, 2, 3, 4, 5, 6, 0, 0, 7, 8, 9, 10}));
  Tensor vec = make({10, 20, 30, 40, 50, 60, 70, 80, 90, 100}, DType::Float64);
  optim::add_flat_({a, b}, 0.5, vec);
  EXPECT_EQ(values(a), (Vec{6, 12, 18, 24, 30, 36}));
  EXPECT_EQ(values(b), (Vec{42, 48, 54, 60}));
  optim::vector_to_parameters(vec, {a, b});
  EXPECT_EQ(a.dtype(), DType::Float64);
  EXPECT_EQ(a.storage(), vec.storage());
  EXPECT_EQ(values(b), (Vec{70, 80, 90, 100}));
  EXPECT_THROW(optim::vector_to_parameters(make({1, 2}, DType::Float32), {a, b}), ValueError);
}

TEST(GradUtils, LbfgsDirectionMatchesTwoLoopReference) {
  std::mt19937 rng(3);
  const size_t n = 9;
  const Vec g = random_vec(n, rng);
  std::vector<Vec> ys, ss;
  std::vector<double> ro;
  TensorList ty, ts;
  for (int k = 0; k < 3; ++k) {
    Vec s = random_vec(n, rng), y = s;
    for (size_t i = 0; i < n; ++i) y[i] = 2.0 * s[i] + 0.1 * random_vec(1, rng)[0];
    double ys_dot = 0;
    for (size_t i = 0; i < n; ++i) ys_dot += y[i] * s[i];
    ys.push_back(y);
    ss.push_back(s);
    ro.push_back(1.0 / ys_dot);
    ty.push_back(make(y, DType::Float64));
    ts.push_back(make(s, DType::Float64));
  }
  const double h = 0.4;
  Tensor d = optim::lbfgs_direction(make(g, DType::Float64), ty, ts, ro, h);
  Vec q(n), al(3);
  for (size_t i = 0; i < n; ++i) q[i] = -g[i];
  for (int k = 2; k >= 0; --k) {
    double dot = 0;
    for (size_t i = 0; i < n; ++i) dot += ss[k][i] * q[i];
    al[k] = dot * ro[k];
    for (size_t i = 0; i < n; ++i) q[i] -= al[k] * ys[k][i];
  }
  for (double& x : q) x *= h;
  for (int k = 0; k < 3; ++k) {
    double dot = 0;
    for (size_t i = 0; i < n; ++i) dot += ys[k][i] * q[i];
    const double be = dot * ro[k];
    for (size_t i = 0; i < n; ++i) q[i] += (al[k] - be) * ss[k][i];
  }
  expect_close(values(d), q, 1e-12, 1e-14, "lbfgs direction");
  EXPECT_NEAR(optim::dot(ty[0], ts[0]), 1.0 / ro[0], 1e-12 / std::abs(ro[0]));
}
