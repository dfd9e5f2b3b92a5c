// Thread-safety tests: the thread pool, the caching allocator and autograd recording used from
// several threads at once, as happens when Python threads run ops with the GIL released
// (matmul/linalg/optimizer bindings, DataLoader gathering). Checked for results here and for
// data races by scripts/tsan.sh (a ThreadSanitizer build of this binary).
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "rustorch/autograd/engine.hpp"
#include "rustorch/autograd/grad_mode.hpp"
#include "rustorch/core/allocator.hpp"
#include "rustorch/core/parallel.hpp"
#include "rustorch/core/random.hpp"
#include "rustorch/core/tensor.hpp"
#include "rustorch/ops/elementwise.hpp"
#include "rustorch/ops/factory.hpp"
#include "rustorch/ops/matmul.hpp"
#include "rustorch/ops/reduce.hpp"

using namespace rustorch;

namespace {

constexpr int kThreads = 4;

template <class F> void run_threads(int n, F&& body) {
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i) threads.emplace_back([&body, i] { body(i); });
  for (auto& t : threads) t.join();
}

double sum_value(const Tensor& t) { return sum(t, {}, false).data<double>()[0]; }

}  // namespace

// Several threads submit parallel loops at once: each must see its own full range exactly once
// (one of them gets the pool, the others run inline).
TEST(Threads, ParallelForFromManyThreads) {
  set_num_threads(2);
  std::atomic<int> bad{0};
  run_threads(kThreads, [&](int) {
    for (int rep = 0; rep < 200; ++rep) {
      const int64_t n = 10000 + rep;
      std::vector<int> hit(n, 0);
      parallel_for(n, 16, [&](int64_t b, int64_t e) {
        for (int64_t i = b; i < e; ++i) hit[i] += 1;
      });
      for (int64_t i = 0; i < n; ++i)
        if (hit[i] != 1) bad.fetch_add(1);
    }
  });
  EXPECT_EQ(bad.load(), 0);
}

// Resizing the pool while other threads use it must neither lose work nor race.
TEST(Threads, SetNumThreadsWhileOthersRun) {
  std::atomic<bool> stop{false};
  std::atomic<int> bad{0};
  std::thread resizer([&] {
    for (int i = 0; i < 40; ++i) set_num_threads(1 + i % 3);
    stop = true;
  });
  run_threads(2, [&](int) {
    while (!stop.load()) {
      const int64_t n = 5000;
      std::atomic<int64_t> total{0};
      parallel_for(n, 8, [&](int64_t b, int64_t e) { total.fetch_add(e - b); });
      if (total.load() != n) bad.fetch_add(1);
    }
  });
  resizer.join();
  set_num_threads(2);
  EXPECT_EQ(bad.load(), 0);
}

// Allocation and release of many sizes from several threads (the caching allocator's free lists).
TEST(Threads, AllocatorFromManyThreads) {
  run_threads(kThreads, [&](int id) {
    for (int rep = 0; rep < 300; ++rep) {
      const int64_t n = 1 + (rep * 37 + id * 101) % 5000;
      Tensor t = full({n}, Scalar(double(id)), DType::Float64);
      Tensor u = add(t, t);
      ASSERT_DOUBLE_EQ(sum_value(u), 2.0 * id * n);
    }
  });
  const auto s = allocator::stats();
  EXPECT_LE(s.cached_bytes, s.cache_limit);
}

// Several threads build graphs through the same leaf (a shared weight) and run backward on their
// own graph; recording must not race on the leaf's autograd fields. Each thread checks its own
// gradient with autograd::grad, which does not touch the shared .grad.
TEST(Threads, AutogradThroughSharedLeaf) {
  Tensor w = full({16, 16}, Scalar(0.5), DType::Float64);
  w.set_requires_grad(true);
  std::atomic<int> bad{0};
  run_threads(kThreads, [&](int id) {
    for (int rep = 0; rep < 100; ++rep) {
      Tensor x = full({8, 16}, Scalar(1.0 + id), DType::Float64);
      Tensor y = matmul(x, w);
      Tensor loss = sum(y, {}, false);
      TensorList g = autograd::grad({loss}, {Tensor()}, {w}, false, false, false);
      // d(sum(x @ w))/dw[i][j] = sum_k x[k][i] = 8 * (1 + id)
      if (std::abs(g[0].data<double>()[0] - 8.0 * (1 + id)) > 1e-12) bad.fetch_add(1);
    }
  });
  EXPECT_EQ(bad.load(), 0);
}

// Grad mode is per thread: no_grad in one thread must not switch recording off in another.
TEST(Threads, GradModeIsThreadLocal) {
  Tensor w = full({4}, Scalar(1.0), DType::Float64);
  w.set_requires_grad(true);
  std::atomic<int> bad{0};
  run_threads(2, [&](int id) {
    autograd::GradModeGuard guard(id == 0);
    for (int rep = 0; rep < 200; ++rep) {
      Tensor y = mul(w, w);
      if (y.requires_grad() != (id == 0)) bad.fetch_add(1);
    }
  });
  EXPECT_EQ(bad.load(), 0);
}

// Random tensors drawn from explicit per-thread generators are reproducible under concurrency.
TEST(Threads, PerThreadGenerators) {
  std::vector<double> sums(kThreads);
  run_threads(kThreads, [&](int id) {
    Generator g;
    g.manual_seed(1234);
    sums[id] = sum_value(randn({1000}, DType::Float64, &g));
  });
  for (int i = 1; i < kThreads; ++i) EXPECT_EQ(sums[i], sums[0]);
}
