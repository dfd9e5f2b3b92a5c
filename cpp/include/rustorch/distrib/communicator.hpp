// Collective communication between the processes of a data-parallel job: the Communicator
// interface, its pending-operation handle (Work), and the two backends (single-process, Open MPI).
#pragma once
#include <chrono>
#include <condition_variable>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "rustorch/core/tensor.hpp"

namespace rustorch::distrib {

enum class ReduceOp : uint8_t { Sum = 0, Avg = 1, Max = 2, Min = 3 };
const char* reduce_op_name(ReduceOp op);  // "SUM", ...

using Timeout = std::chrono::milliseconds;  // zero means "no limit"

// A collective in flight. The tensors it writes hold the result once wait() has returned.
class Work {
 public:
  Work() = default;
  Work(const Work&) = delete;
  Work& operator=(const Work&) = delete;

  bool is_completed() const;
  // Blocks until the collective finished; rethrows its error. Throws Error when `timeout` (zero:
  // none) passes first: the peers did not join in time (a rank died, hangs, or called another
  // collective), and the communicator is then marked broken.
  void wait(Timeout timeout);

  // Called by backends.
  void set_name(std::string name) { name_ = std::move(name); }
  void mark_completed(std::exception_ptr error = nullptr);
  void set_on_timeout(std::function<void()> fn) { on_timeout_ = std::move(fn); }
  void keep_alive(TensorList tensors) { tensors_ = std::move(tensors); }  // buffers in use until done

 private:
  mutable std::mutex mu_;
  std::condition_variable done_cv_;
  bool completed_ = false;
  std::exception_ptr error_;
  std::string name_;
  std::function<void()> on_timeout_;
  TensorList tensors_;
};
using WorkPtr = std::shared_ptr<Work>;

// A group of `size()` processes, this one being `rank()`. Every collective must be called by all
// ranks in the same order. Tensors are modified in place and must be contiguous; every dtype is
// supported (bool reduces as logical or / and; AVG needs a floating dtype). The *_async variants
// return at once; the plain ones wait with the communicator's timeout.
class Communicator {
 public:
  explicit Communicator(Timeout timeout) : timeout_(timeout) {}
  virtual ~Communicator() = default;

  virtual int rank() const = 0;
  virtual int size() const = 0;
  virtual std::string backend() const = 0;
  Timeout timeout() const { return timeout_; }

  // tensor <- op over ranks of tensor.
  WorkPtr all_reduce_async(const Tensor& tensor, ReduceOp op);
  // tensor <- tensor of rank `root`.
  WorkPtr broadcast_async(const Tensor& tensor, int root);
  // output (size() * input.numel() elements) <- the inputs of all ranks, in rank order.
  WorkPtr all_gather_async(const Tensor& output, const Tensor& input);
  // output <- op over ranks of chunk rank() of input (input has size() * output.numel() elements).
  WorkPtr reduce_scatter_async(const Tensor& output, const Tensor& input, ReduceOp op);
  WorkPtr barrier_async();

  void all_reduce(const Tensor& tensor, ReduceOp op) { all_reduce_async(tensor, op)->wait(timeout_); }
  void broadcast(const Tensor& tensor, int root) { broadcast_async(tensor, root)->wait(timeout_); }
  void all_gather(const Tensor& output, const Tensor& input) { all_gather_async(output, input)->wait(timeout_); }
  void reduce_scatter(const Tensor& output, const Tensor& input, ReduceOp op) {
    reduce_scatter_async(output, input, op)->wait(timeout_);
  }
  void barrier() { barrier_async()->wait(timeout_); }

  // Ends the use of the communicator (pending collectives finish first unless it is broken).
  virtual void shutdown() {}

 protected:
  // Backends run the checked, contiguous operation; the Work is completed by them.
  virtual WorkPtr run_all_reduce(const Tensor& tensor, ReduceOp op) = 0;
  virtual WorkPtr run_broadcast(const Tensor& tensor, int root) = 0;
  virtual WorkPtr run_all_gather(const Tensor& output, const Tensor& input) = 0;
  virtual WorkPtr run_reduce_scatter(const Tensor& output, const Tensor& input, ReduceOp op) = 0;
  virtual WorkPtr run_barrier() = 0;

 private:
  Timeout timeout_;
};

// Divides every element of a contiguous floating tensor by `divisor` (AVG = SUM / size).
void divide_in_place(const Tensor& t, int64_t divisor);

// The single-process backend (rank 0 of 1): every collective is the identity or a copy.
std::shared_ptr<Communicator> make_local_communicator(Timeout timeout);

// True when rustorch was built with Open MPI.
bool mpi_built();
// The Open MPI backend over a duplicate of MPI_COMM_WORLD, initialising MPI (thread level MULTIPLE)
// on first use; collectives run on one communication thread, in call order. Throws Error when
// rustorch was built without MPI.
std::shared_ptr<Communicator> make_mpi_communicator(Timeout timeout);
// Finalizes MPI if it was initialised (once per process; MPI cannot be initialised again).
void mpi_finalize();
// Ends every process of the job (MPI_Abort) with `code`; returns only without MPI.
void mpi_abort(int code);
// The rank and size MPI_COMM_WORLD would have, read from the launcher's environment
// (OMPI_COMM_WORLD_RANK / _SIZE, PMI_RANK / PMI_SIZE); -1 when not launched by mpirun.
int launcher_rank();
int launcher_size();

}  // namespace rustorch::distrib
