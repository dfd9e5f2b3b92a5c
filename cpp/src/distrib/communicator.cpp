// The backend-independent part of collectives: argument checks, the Work handle, AVG's division,
// and the launcher environment.
#include <cstdlib>
#include <cstring>
#include <string>

#include "rustorch/distrib/communicator.hpp"

namespace rustorch::distrib {

const char* reduce_op_name(ReduceOp op) {
  switch (op) {
    case ReduceOp::Sum: return "SUM";
    case ReduceOp::Avg: return "AVG";
    case ReduceOp::Max: return "MAX";
    case ReduceOp::Min: return "MIN";
  }
  return "?";
}

bool Work::is_completed() const {
  std::lock_guard<std::mutex> lock(mu_);
  return completed_;
}

void Work::mark_completed(std::exception_ptr error) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    completed_ = true;
    error_ = std::move(error);
  }
  done_cv_.notify_all();
}

void Work::wait(Timeout timeout) {
  std::unique_lock<std::mutex> lock(mu_);
  if (timeout.count() > 0) {
    if (!done_cv_.wait_for(lock, timeout, [this] { return completed_; })) {
      auto on_timeout = on_timeout_;
      lock.unlock();
      if (on_timeout) on_timeout();
      RT_THROW(Error, name_, ": timed out after ", timeout.count() / 1000.0,
               " s waiting for the other ranks (a rank failed, hangs, or called a different collective); "
               "the process group is broken and must be destroyed");
    }
  } else {
    done_cv_.wait(lock, [this] { return completed_; });
  }
  tensors_.clear();
  if (error_) std::rethrow_exception(error_);
}

namespace {

void check_tensor(const char* op, const Tensor& t, const char* what) {
  RT_CHECK(t.defined(), ValueError, op, ": ", what, " is undefined");
  RT_CHECK(t.is_contiguous(), ValueError, op, ": ", what, " must be contiguous, got a non-contiguous ", describe(t),
           " with strides ", shape_str(t.strides()));
}

void check_op(const char* op, ReduceOp rop, DType dtype) {
  RT_CHECK(static_cast<int>(rop) >= 0 && static_cast<int>(rop) <= 3, ValueError, op, ": unknown ReduceOp ",
           static_cast<int>(rop));
  RT_CHECK(rop != ReduceOp::Avg || is_floating(dtype), TypeError, op, ": ReduceOp.AVG needs a floating dtype, got ",
           dtype_name(dtype));
}

void check_chunked(const char* op, const Tensor& big, const Tensor& chunk, int size, const char* big_name,
                   const char* chunk_name) {
  RT_CHECK(big.dtype() == chunk.dtype(), TypeError, op, ": ", big_name, " and ", chunk_name,
           " must have the same dtype, got ", dtype_name(big.dtype()), " and ", dtype_name(chunk.dtype()));
  RT_CHECK(big.numel() == chunk.numel() * size, ValueError, op, ": ", big_name, " must have world_size (", size,
           ") x ", chunk.numel(), " = ", chunk.numel() * size, " elements, got ", describe(big));
}

}  // namespace

WorkPtr Communicator::all_reduce_async(const Tensor& tensor, ReduceOp op) {
  check_tensor("all_reduce", tensor, "tensor");
  check_op("all_reduce", op, tensor.dtype());
  tensor.bump_version();
  return run_all_reduce(tensor, op);
}

WorkPtr Communicator::broadcast_async(const Tensor& tensor, int root) {
  check_tensor("broadcast", tensor, "tensor");
  RT_CHECK(root >= 0 && root < size(), ValueError, "broadcast: src ", root, " is not a rank of a group of size ",
           size());
  tensor.bump_version();
  return run_broadcast(tensor, root);
}

WorkPtr Communicator::all_gather_async(const Tensor& output, const Tensor& input) {
  check_tensor("all_gather", output, "output");
  check_tensor("all_gather", input, "input");
  check_chunked("all_gather", output, input, size(), "output", "input");
  output.bump_version();
  return run_all_gather(output, input);
}

WorkPtr Communicator::reduce_scatter_async(const Tensor& output, const Tensor& input, ReduceOp op) {
  check_tensor("reduce_scatter", output, "output");
  check_tensor("reduce_scatter", input, "input");
  check_chunked("reduce_scatter", input, output, size(), "input", "output");
  check_op("reduce_scatter", op, output.dtype());
  output.bump_version();
  return run_reduce_scatter(output, input, op);
}

WorkPtr Communicator::barrier_async() { return run_barrier(); }

void divide_in_place(const Tensor& t, int64_t divisor) {
  RT_CHECK(is_floating(t.dtype()) && t.is_contiguous(), Error, "divide_in_place: needs a contiguous floating tensor");
  dispatch_floating(t.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    T* p = t.data<T>();
    const T d = static_cast<T>(divisor);
    // A true division (not a multiplication by 1/d), so AVG equals sum / world_size bit for bit.
    for (int64_t i = 0, n = t.numel(); i < n; ++i) p[i] /= d;
  });
}

namespace {
int env_int(const char* a, const char* b) {
  for (const char* name : {a, b}) {
    if (const char* v = std::getenv(name); v && *v) return std::atoi(v);
  }
  return -1;
}
}  // namespace

int launcher_rank() { return env_int("OMPI_COMM_WORLD_RANK", "PMI_RANK"); }
int launcher_size() { return env_int("OMPI_COMM_WORLD_SIZE", "PMI_SIZE"); }

}  // namespace rustorch::distrib
