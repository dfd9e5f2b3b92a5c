// Multi-tensor apply: runs one elementwise update over a list of same-shaped tensor groups (a
// parameter and its gradient and state), split into fixed-size chunks run in parallel across and
// within tensors. Operands that are not contiguous, or not of the parameter's dtype, are worked on
// through contiguous copies that are written back afterwards.
#pragma once
#include <cstdint>
#include <vector>

#include "rustorch/core/parallel.hpp"
#include "rustorch/core/tensor.hpp"

namespace rustorch::optim {

// Elements per chunk of work (a chunk never spans two tensors).
constexpr int64_t kChunk = 16384;
// Total element count below which an update stays on the calling thread.
constexpr int64_t kMultiTensorGrain = 65536;

class MultiTensor {
 public:
  // `op` names the caller in error messages; `slots` is the number of parameters and `arity` the
  // number of operands per parameter (operand 0 is the parameter itself).
  MultiTensor(const char* op, size_t slots, size_t arity);

  // Sets operand k of slot i. Operand 0 fixes the slot's floating dtype and shape; the others must
  // have the same shape. `written` operands are updated in place (their version is bumped).
  void set(size_t i, size_t k, const Tensor& t, bool written);

  size_t size() const { return slots_.size(); }
  DType dtype(size_t i) const { return slots_[i].dtype; }
  int64_t numel(size_t i) const { return slots_[i].numel; }
  template <class T> T* data(size_t i, size_t k) const { return slots_[i].work[k].template data<T>(); }
  const Tensor& work(size_t i, size_t k) const { return slots_[i].work[k]; }

  // Calls f(i, begin, end) over element ranges of every slot, in parallel when the total is large.
  template <class F> void run(F&& f) const {
    std::vector<Chunk> chunks;
    int64_t total = 0;
    for (size_t i = 0; i < slots_.size(); ++i) {
      const int64_t n = slots_[i].numel;
      total += n;
      for (int64_t b = 0; b < n; b += kChunk) chunks.push_back({i, b, std::min(n, b + kChunk)});
    }
    auto body = [&](int64_t c0, int64_t c1) {
      for (int64_t c = c0; c < c1; ++c) f(chunks[c].slot, chunks[c].begin, chunks[c].end);
    };
    if (total < kMultiTensorGrain) body(0, static_cast<int64_t>(chunks.size()));
    else parallel_for(static_cast<int64_t>(chunks.size()), 2, body);
  }

  // Copies working buffers back into operands that needed them and bumps the version counters of
  // written operands.
  void finish();

 private:
  struct Chunk {
    size_t slot;
    int64_t begin, end;
  };
  struct Slot {
    DType dtype = DType::Float32;
    int64_t numel = 0;
    Shape shape;
    std::vector<Tensor> work;
    std::vector<Tensor> orig;
    std::vector<bool> written;
  };
  const char* op_;
  size_t arity_;
  std::vector<Slot> slots_;
};

// Checks that a list has `n` entries (messages name `op` and the list).
void check_list_size(const char* op, const char* what, size_t got, size_t n);

}  // namespace rustorch::optim
