#include "rustorch/data/gather.hpp"

#include <algorithm>
#include <cstring>

#include <unistd.h>

#include "rustorch/core/error.hpp"
#include "rustorch/core/parallel.hpp"
#include "rustorch/ops/copy.hpp"

namespace rustorch::data {

namespace {

// Below this many bytes per batch a copy is not worth waking the thread pool (a gather of
// scattered rows is bound by memory latency, which the prefetching below already hides; measured
// no faster on two threads for 800 KB batches).
constexpr int64_t kParallelBytes = int64_t{1} << 20;

inline int64_t wrap_index(int64_t i, int64_t size) {
  if (i < 0) i += size;
  RT_CHECK(i >= 0 && i < size, IndexError, "gather: index ", (i < 0 ? i - size : i),
           " is out of range for a dataset of size ", size);
  return i;
}

// Copies rows of `row_bytes` bytes: dst row r <- src row rows[r], for r in [begin, end).
void copy_rows(char* dst, const char* src, const int64_t* rows, int64_t begin, int64_t end, size_t row_bytes) {
  switch (row_bytes) {  // fixed-size copies for the common label/scalar rows
    case 8:
      for (int64_t r = begin; r < end; ++r) std::memcpy(dst + r * 8, src + rows[r] * 8, 8);
      return;
    case 4:
      for (int64_t r = begin; r < end; ++r) std::memcpy(dst + r * 4, src + rows[r] * 4, 4);
      return;
    default: {
      // Rows are scattered over the source: prefetch a few rows ahead so the copy is not bound by
      // one cache-miss latency after another.
      constexpr int64_t kAhead = 4;
      const auto rb = static_cast<int64_t>(row_bytes);
      auto prefetch_row = [&](int64_t r) {
        const char* p = src + rows[r] * rb;
        for (int64_t off = 0; off < rb; off += 64) __builtin_prefetch(p + off, 0, 0);
      };
      for (int64_t r = begin; r < std::min(end, begin + kAhead); ++r) prefetch_row(r);
      for (int64_t r = begin; r < end; ++r) {
        if (r + kAhead < end) prefetch_row(r + kAhead);
        std::memcpy(dst + r * rb, src + rows[r] * rb, row_bytes);
      }
    }
  }
}

}  // namespace

RowGather::RowGather(TensorList sources) {
  RT_CHECK(!sources.empty(), ValueError, "TensorDataset: at least one tensor is required");
  for (size_t k = 0; k < sources.size(); ++k) {
    const Tensor& t = sources[k];
    RT_CHECK(t.defined(), TypeError, "TensorDataset: tensor ", k, " is None");
    RT_CHECK(t.dim() >= 1, ValueError, "TensorDataset: tensors must have at least one dim, tensor ", k, " is 0-d");
    if (k == 0) size_ = t.shape()[0];
    RT_CHECK(t.shape()[0] == size_, ValueError, "TensorDataset: size mismatch between tensors: tensor 0 has ",
             size_, " rows, tensor ", k, " has shape ", shape_str(t.shape()));
    sources_.push_back(contiguous_as(t.detach(), t.dtype()));
  }
}

TensorList RowGather::gather(const int64_t* idx, int64_t n, bool parallel) const {
  RT_CHECK(n >= 0, ValueError, "gather: negative batch size ", n);
  std::vector<int64_t> rows(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) rows[i] = wrap_index(idx[i], size_);
  TensorList out;
  out.reserve(sources_.size());
  int64_t batch_bytes = 0;
  std::vector<size_t> row_bytes;
  for (const Tensor& src : sources_) {
    Shape shape = src.shape();
    shape[0] = n;
    out.push_back(Tensor::empty(shape, src.dtype()));
    const size_t rb = size_ == 0 ? 0 : static_cast<size_t>(src.numel() / size_) * itemsize(src.dtype());
    row_bytes.push_back(rb);
    batch_bytes += static_cast<int64_t>(rb) * n;
  }
  auto body = [&](int64_t begin, int64_t end) {
    for (size_t k = 0; k < sources_.size(); ++k)
      copy_rows(static_cast<char*>(out[k].raw_data()), static_cast<const char*>(sources_[k].raw_data()), rows.data(),
                begin, end, row_bytes[k]);
  };
  if (parallel && batch_bytes >= kParallelBytes) {
    const int64_t per_row = std::max<int64_t>(1, batch_bytes / std::max<int64_t>(n, 1));
    parallel_for(n, std::max<int64_t>(1, (kParallelBytes / 4) / per_row), body);
  } else {
    body(0, n);
  }
  return out;
}

WindowGather::WindowGather(Tensor tokens, int64_t seq_len, int64_t stride) : seq_len_(seq_len), stride_(stride) {
  RT_CHECK(tokens.defined() && tokens.dim() == 1, ValueError, "CharDataset: tokens must be a 1-D tensor, got ",
           tokens.defined() ? shape_str(tokens.shape()) : std::string("None"));
  RT_CHECK(seq_len >= 1, ValueError, "CharDataset: seq_len must be positive, got ", seq_len);
  RT_CHECK(stride >= 1, ValueError, "CharDataset: stride must be positive, got ", stride);
  tokens_ = contiguous_as(tokens.detach(), tokens.dtype());
  const int64_t len = tokens_.numel();
  size_ = len >= seq_len + 1 ? (len - seq_len - 1) / stride + 1 : 0;
}

TensorList WindowGather::gather(const int64_t* idx, int64_t n, bool parallel) const {
  RT_CHECK(n >= 0, ValueError, "gather: negative batch size ", n);
  Tensor x = Tensor::empty({n, seq_len_}, tokens_.dtype());
  Tensor y = Tensor::empty({n, seq_len_}, tokens_.dtype());
  const size_t isz = itemsize(tokens_.dtype());
  const size_t bytes = static_cast<size_t>(seq_len_) * isz;
  const char* src = static_cast<const char*>(tokens_.raw_data());
  char* xd = static_cast<char*>(x.raw_data());
  char* yd = static_cast<char*>(y.raw_data());
  for (int64_t i = 0; i < n; ++i) {
    const int64_t start = wrap_index(idx[i], size_) * stride_;
    std::memcpy(xd + i * bytes, src + start * isz, bytes);
    std::memcpy(yd + i * bytes, src + (start + 1) * isz, bytes);
  }
  return {x, y};
}

MappedGather::MappedGather(std::shared_ptr<const BatchGather> inner, std::vector<int64_t> map)
    : inner_(std::move(inner)), map_(std::move(map)) {
  RT_CHECK(inner_ != nullptr, ValueError, "Subset: no inner gather");
  const int64_t n = inner_->size();
  for (int64_t& m : map_) m = wrap_index(m, n);
}

TensorList MappedGather::gather(const int64_t* idx, int64_t n, bool parallel) const {
  std::vector<int64_t> mapped(static_cast<size_t>(n));
  const int64_t size = static_cast<int64_t>(map_.size());
  for (int64_t i = 0; i < n; ++i) mapped[i] = map_[wrap_index(idx[i], size)];
  return inner_->gather(mapped.data(), n, parallel);
}

// ---- prefetcher --------------------------------------------------------------------------------

BatchPrefetcher::BatchPrefetcher(std::shared_ptr<const BatchGather> gather, std::vector<int64_t> indices,
                                 int64_t batch_size, bool drop_last, int num_workers, int depth)
    : gather_(std::move(gather)), indices_(std::move(indices)), batch_size_(batch_size), num_workers_(num_workers),
      depth_(std::max(depth, num_workers)), owner_pid_(static_cast<long>(::getpid())),
      st_(std::make_unique<State>()) {
  RT_CHECK(gather_ != nullptr, ValueError, "BatchPrefetcher: no gather");
  RT_CHECK(batch_size >= 1, ValueError, "BatchPrefetcher: batch_size must be positive, got ", batch_size);
  RT_CHECK(num_workers >= 1, ValueError, "BatchPrefetcher: num_workers must be positive, got ", num_workers);
  const auto total = static_cast<int64_t>(indices_.size());
  num_batches_ = drop_last ? total / batch_size : (total + batch_size - 1) / batch_size;
  st_->slots.resize(static_cast<size_t>(depth_));
  const int nthreads = static_cast<int>(std::min<int64_t>(num_workers_, num_batches_));
  for (int w = 0; w < nthreads; ++w) st_->workers.emplace_back([this, w] { worker_loop(w); });
}

void BatchPrefetcher::stop_and_join() {
  {
    std::lock_guard<std::mutex> lock(st_->mu);
    st_->stopping = true;
  }
  st_->free_cv.notify_all();
  st_->ready_cv.notify_all();
  for (auto& t : st_->workers) t.join();
  st_->workers.clear();
}

BatchPrefetcher::~BatchPrefetcher() {
  if (static_cast<long>(::getpid()) != owner_pid_) {
    // A forked child: the worker threads were not copied, and the mutexes and condition variables
    // may be in any state. Joining would hang; destroying them is undefined. Leak them.
    (void)st_.release();
    return;
  }
  stop_and_join();
}

void BatchPrefetcher::worker_loop(int worker) {
  State& st = *st_;
  for (int64_t b = worker; b < num_batches_; b += num_workers_) {
    {
      std::unique_lock<std::mutex> lock(st.mu);
      st.free_cv.wait(lock, [&] { return st.stopping || b < st.consumed + depth_; });
      if (st.stopping) return;
    }
    Slot local;
    try {
      const int64_t begin = b * batch_size_;
      const int64_t n = std::min<int64_t>(batch_size_, static_cast<int64_t>(indices_.size()) - begin);
      local.data = gather_->gather(indices_.data() + begin, n, /*parallel=*/false);
    } catch (...) {
      local.error = std::current_exception();
    }
    {
      std::lock_guard<std::mutex> lock(st.mu);
      if (st.stopping) return;
      Slot& s = st.slots[static_cast<size_t>(b % depth_)];
      s.data = std::move(local.data);
      s.error = local.error;
      s.ready = true;
    }
    st.ready_cv.notify_all();
  }
}

std::optional<TensorList> BatchPrefetcher::next() {
  State& st = *st_;
  std::unique_lock<std::mutex> lock(st.mu);
  if (st.consumed >= num_batches_) return std::nullopt;
  Slot& s = st.slots[static_cast<size_t>(st.consumed % depth_)];
  st.ready_cv.wait(lock, [&] { return s.ready || st.stopping; });
  RT_CHECK(s.ready, Error, "DataLoader: the prefetcher was stopped");
  TensorList data = std::move(s.data);
  std::exception_ptr error = s.error;
  s.data.clear();
  s.error = nullptr;
  s.ready = false;
  const bool last = ++st.consumed == num_batches_;
  lock.unlock();
  st.free_cv.notify_all();
  if (last) {  // every worker has finished its share
    for (auto& t : st.workers) t.join();
    st.workers.clear();
  }
  if (error) std::rethrow_exception(error);
  return data;
}

}  // namespace rustorch::data
