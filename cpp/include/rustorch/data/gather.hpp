// Batch gathering for the data loader: a whole batch of samples copied out of in-memory tensors in
// one call (no per-sample Python), and a background prefetcher that gathers the batches of an
// epoch on worker threads that never touch the Python interpreter.
#pragma once
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "rustorch/core/tensor.hpp"

namespace rustorch::data {

// Turns the sample indices of a batch into the collated batch (one tensor per field).
class BatchGather {
 public:
  virtual ~BatchGather() = default;
  // Number of samples the indices may address (valid indices are in [-size, size)).
  virtual int64_t size() const = 0;
  // The batch for idx[0..n); `parallel` lets the copy use the engine's thread pool.
  virtual TensorList gather(const int64_t* idx, int64_t n, bool parallel) const = 0;
};

// Rows of several tensors sharing their first dim (TensorDataset + default collate): field k of
// the batch is sources[k][idx] with shape (n, *sources[k].shape[1:]).
class RowGather : public BatchGather {
 public:
  explicit RowGather(TensorList sources);  // keeps contiguous versions of the sources
  int64_t size() const override { return size_; }
  TensorList gather(const int64_t* idx, int64_t n, bool parallel) const override;
  const TensorList& sources() const { return sources_; }

 private:
  TensorList sources_;
  int64_t size_ = 0;
};

// Windows of a 1-D token tensor for language models: sample i is (tokens[s : s+L], tokens[s+1 :
// s+1+L]) with s = i * stride; the batch is two (n, L) tensors.
class WindowGather : public BatchGather {
 public:
  WindowGather(Tensor tokens, int64_t seq_len, int64_t stride);
  int64_t size() const override { return size_; }
  TensorList gather(const int64_t* idx, int64_t n, bool parallel) const override;

 private:
  Tensor tokens_;
  int64_t seq_len_, stride_, size_;
};

// Another gather seen through an index map (Subset): sample i is inner sample map[i].
class MappedGather : public BatchGather {
 public:
  MappedGather(std::shared_ptr<const BatchGather> inner, std::vector<int64_t> map);
  int64_t size() const override { return static_cast<int64_t>(map_.size()); }
  TensorList gather(const int64_t* idx, int64_t n, bool parallel) const override;

 private:
  std::shared_ptr<const BatchGather> inner_;
  std::vector<int64_t> map_;
};

// Gathers the batches of one epoch (consecutive slices of `indices`) on `num_workers` threads,
// batch b on worker b % num_workers, at most `depth` batches ahead of the consumer; next()
// returns them in order. Errors raised while gathering batch b are rethrown by the next() that
// would have returned it. The workers are joined once the last batch is taken, or by the
// destructor (which stops them mid-epoch). In a process forked from the owner, where the workers
// do not exist, the destructor leaks the shared state instead of joining or destroying it.
class BatchPrefetcher {
 public:
  BatchPrefetcher(std::shared_ptr<const BatchGather> gather, std::vector<int64_t> indices, int64_t batch_size,
                  bool drop_last, int num_workers, int depth);
  ~BatchPrefetcher();
  BatchPrefetcher(const BatchPrefetcher&) = delete;
  BatchPrefetcher& operator=(const BatchPrefetcher&) = delete;

  int64_t num_batches() const { return num_batches_; }
  // The next batch, or nullopt after the last one. Blocks until it is ready.
  std::optional<TensorList> next();

 private:
  struct Slot {
    TensorList data;
    std::exception_ptr error;
    bool ready = false;
  };
  struct State {
    std::vector<Slot> slots;
    int64_t consumed = 0;
    bool stopping = false;
    std::mutex mu;
    std::condition_variable ready_cv, free_cv;
    std::vector<std::thread> workers;
  };
  void worker_loop(int worker);
  void stop_and_join();

  std::shared_ptr<const BatchGather> gather_;
  std::vector<int64_t> indices_;
  int64_t batch_size_, num_batches_;
  int num_workers_, depth_;
  long owner_pid_;
  std::unique_ptr<State> st_;
};

}  // namespace rustorch::data
