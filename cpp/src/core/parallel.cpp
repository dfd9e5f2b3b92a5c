#include "rustorch/core/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

#include <pthread.h>
#include <vector>

#include "rustorch/core/error.hpp"

extern "C" void openblas_set_num_threads(int);

namespace rustorch {

namespace {

thread_local bool t_in_parallel = false;

// A pool of worker threads; the calling thread always runs the first range itself.
class ThreadPool {
 public:
  explicit ThreadPool(int n) { resize(n); }
  ~ThreadPool() { stop_workers(); }

  // Read without the run lock by parallel_for while another thread may resize: hence atomic.
  int size() const { return num_threads_.load(std::memory_order_relaxed); }

  void resize(int n) {
    std::lock_guard<std::mutex> run_lock(run_mu_);
    stop_workers();
    num_threads_.store(std::max(1, n), std::memory_order_relaxed);
    stopping_ = false;
    // Workers start from the current generation: a pool resized after jobs ran must not mistake
    // the last (finished) job for a new one.
    const uint64_t start = generation_;
    for (int i = 1; i < size(); ++i) workers_.emplace_back([this, i, start] { worker_loop(i, start); });
  }

  // Returns false (without running) when another thread is using the pool.
  bool try_run(int64_t n, const std::function<void(int64_t, int64_t)>& f) {
    std::unique_lock<std::mutex> run_lock(run_mu_, std::try_to_lock);
    if (!run_lock.owns_lock()) return false;
    const int parts = static_cast<int>(std::min<int64_t>(size(), n));
    {
      std::lock_guard<std::mutex> lock(mu_);
      job_ = &f;
      job_n_ = n;
      job_parts_ = parts;
      pending_ = parts - 1;
      error_ = nullptr;
      ++generation_;
    }
    cv_.notify_all();
    run_part(0);
    std::unique_lock<std::mutex> lock(mu_);
    done_cv_.wait(lock, [this] { return pending_ == 0; });
    job_ = nullptr;
    if (error_) std::rethrow_exception(error_);
    return true;
  }

 private:
  void run_part(int part) {
    const int64_t begin = job_n_ * part / job_parts_;
    const int64_t end = job_n_ * (part + 1) / job_parts_;
    t_in_parallel = true;
    try {
      if (begin < end) (*job_)(begin, end);
    } catch (...) {
      std::lock_guard<std::mutex> lock(mu_);
      if (!error_) error_ = std::current_exception();
    }
    t_in_parallel = false;
  }

  void worker_loop(int index, uint64_t seen) {
    for (;;) {
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [&] { return stopping_ || generation_ != seen; });
        if (stopping_) return;
        seen = generation_;
        if (index >= job_parts_) continue;
      }
      run_part(index);
      {
        std::lock_guard<std::mutex> lock(mu_);
        if (--pending_ == 0) done_cv_.notify_one();
      }
    }
  }

  void stop_workers() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    for (auto& w : workers_) w.join();
    workers_.clear();
  }

  std::atomic<int> num_threads_{1};
  std::vector<std::thread> workers_;
  std::mutex run_mu_;  // one parallel region at a time
  std::mutex mu_;
  std::condition_variable cv_, done_cv_;
  const std::function<void(int64_t, int64_t)>* job_ = nullptr;
  int64_t job_n_ = 0;
  int job_parts_ = 1;
  int pending_ = 0;
  uint64_t generation_ = 0;
  bool stopping_ = false;
  std::exception_ptr error_;
};

int default_threads() {
  const unsigned hw = std::thread::hardware_concurrency();
  return static_cast<int>(std::max(1u, std::min(hw, 64u)));
}

ThreadPool* g_pool = nullptr;
std::once_flag g_pool_once;

// A forked child has none of the parent's worker threads (and the old pool's locks may be held):
// it abandons that pool and builds a fresh one of the same size.
void reset_pool_in_child() {
  if (g_pool) g_pool = new ThreadPool(g_pool->size());
}

ThreadPool& pool() {
  std::call_once(g_pool_once, [] {
    const int n = default_threads();
    openblas_set_num_threads(n);
    g_pool = new ThreadPool(n);  // never destroyed: worker threads must not be joined at exit
    pthread_atfork(nullptr, nullptr, reset_pool_in_child);
  });
  return *g_pool;
}

}  // namespace

int get_num_threads() { return pool().size(); }

void set_num_threads(int n) {
  RT_CHECK(n >= 1, ValueError, "set_num_threads: expected a positive thread count, got ", n);
  RT_CHECK(!t_in_parallel, Error, "set_num_threads: cannot be called inside a parallel region");
  pool().resize(n);
  openblas_set_num_threads(n);
}

bool in_parallel_region() { return t_in_parallel; }

void parallel_for(int64_t n, int64_t grain, const std::function<void(int64_t, int64_t)>& f) {
  if (n <= 0) return;
  if (n < grain || t_in_parallel || pool().size() == 1 || !pool().try_run(n, f)) f(0, n);
}

int64_t parallel_blocks(int64_t n, int64_t block, const std::function<void(int64_t, int64_t, int64_t)>& f) {
  if (n <= 0) return 0;
  const int64_t nblocks = (n + block - 1) / block;
  parallel_for(nblocks, 2, [&](int64_t b0, int64_t b1) {
    for (int64_t b = b0; b < b1; ++b) f(b, b * block, std::min(n, (b + 1) * block));
  });
  return nblocks;
}

}  // namespace rustorch
