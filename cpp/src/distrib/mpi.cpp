// The Open MPI backend. Collectives are queued to one communication thread per communicator that
// runs them in call order with blocking MPI calls, so a gradient bucket's all-reduce proceeds while
// the calling thread keeps computing (Open MPI makes no progress on MPI_I* requests between MPI
// calls without a progress thread, so a dedicated thread is what gives real overlap).
#include "rustorch/distrib/communicator.hpp"

#ifdef RUSTORCH_WITH_MPI
#include <dlfcn.h>
#include <mpi.h>

#include <atomic>
#include <climits>
#include <cstdio>
#include <deque>
#include <thread>
#endif

namespace rustorch::distrib {

#ifdef RUSTORCH_WITH_MPI

namespace {

std::mutex g_mpi_mu;
bool g_mpi_initialized_here = false;
bool g_mpi_finalized = false;
std::atomic<bool> g_any_broken{false};  // a collective timed out: MPI cannot be finalized cleanly

std::string mpi_error_string(int code) {
  char msg[MPI_MAX_ERROR_STRING];
  int len = 0;
  MPI_Error_string(code, msg, &len);
  return std::string(msg, len);
}

#define RT_MPI_CALL(op, call)                                                                  \
  do {                                                                                         \
    int rc_ = (call);                                                                          \
    RT_CHECK(rc_ == MPI_SUCCESS, Error, op, ": MPI error: ", mpi_error_string(rc_));           \
  } while (0)

void ensure_mpi_initialized() {
  std::lock_guard<std::mutex> lock(g_mpi_mu);
  RT_CHECK(!g_mpi_finalized, Error,
           "init_process_group: MPI was already finalized in this process and cannot be initialised again");
  int initialized = 0;
  MPI_Initialized(&initialized);
  if (initialized) return;
  // rustorch is loaded by Python with RTLD_LOCAL; Open MPI's plugins resolve symbols of libmpi
  // globally, so promote the already loaded libmpi to RTLD_GLOBAL first.
  Dl_info info;
  if (dladdr(reinterpret_cast<void*>(&MPI_Init_thread), &info) && info.dli_fname)
    dlopen(info.dli_fname, RTLD_NOW | RTLD_GLOBAL | RTLD_NOLOAD);
  int provided = 0;
  int rc = MPI_Init_thread(nullptr, nullptr, MPI_THREAD_MULTIPLE, &provided);
  RT_CHECK(rc == MPI_SUCCESS, Error, "init_process_group: MPI_Init_thread failed: ", mpi_error_string(rc));
  g_mpi_initialized_here = true;
  // MPI runs on the communication threads while the main thread may call MPI_Abort.
  RT_CHECK(provided >= MPI_THREAD_SERIALIZED, Error,
           "init_process_group: the MPI library provides thread level ", provided,
           "; rustorch needs at least MPI_THREAD_SERIALIZED");
  MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
}

MPI_Datatype mpi_type(DType d) {
  switch (d) {
    case DType::Bool: return MPI_C_BOOL;
    case DType::Int64: return MPI_INT64_T;
    case DType::Float32: return MPI_FLOAT;
    case DType::Float64: break;
  }
  return MPI_DOUBLE;
}

// bool reduces logically (SUM and MAX are "or", MIN is "and"), as in PyTorch.
MPI_Op mpi_op(ReduceOp op, DType d) {
  const bool logical = d == DType::Bool;
  switch (op) {
    case ReduceOp::Sum:
    case ReduceOp::Avg: return logical ? MPI_LOR : MPI_SUM;
    case ReduceOp::Max: return logical ? MPI_LOR : MPI_MAX;
    case ReduceOp::Min: return logical ? MPI_LAND : MPI_MIN;
  }
  return MPI_SUM;
}

// MPI counts are int: larger tensors go in chunks.
constexpr int64_t kMaxCount = INT_MAX / 2;

class MpiCommunicator final : public Communicator {
 public:
  explicit MpiCommunicator(Timeout timeout) : Communicator(timeout) {
    ensure_mpi_initialized();
    // The duplicate is made on the communication thread (the only thread using it), so MPI calls
    // of this communicator never run concurrently with another thread's.
    auto ready = std::make_shared<Work>();
    ready->set_name("init_process_group");
    thread_ = std::thread([this, ready] {
      try {
        RT_MPI_CALL("init_process_group", MPI_Comm_dup(MPI_COMM_WORLD, &comm_));
        MPI_Comm_set_errhandler(comm_, MPI_ERRORS_RETURN);
        RT_MPI_CALL("init_process_group", MPI_Comm_rank(comm_, &rank_));
        RT_MPI_CALL("init_process_group", MPI_Comm_size(comm_, &size_));
        ready->mark_completed();
      } catch (...) {
        ready->mark_completed(std::current_exception());
        return;
      }
      loop();
    });
    try {
      ready->wait(Timeout(0));
    } catch (...) {
      thread_.join();
      throw;
    }
  }

  ~MpiCommunicator() override { shutdown(); }

  int rank() const override { return rank_; }
  int size() const override { return size_; }
  std::string backend() const override { return "mpi"; }

  void shutdown() override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (stopped_) return;
      stopped_ = true;
    }
    cv_.notify_all();
    if (!thread_.joinable()) return;
    // A timed-out collective left the thread inside MPI, where only MPI_Abort can end it (and the
    // other ranks, which are as stuck): ending the job is the bounded-time way out.
    if (broken_) {
      std::fprintf(stderr, "rustorch.distributed: rank %d: destroying a process group broken by a timeout; "
                   "aborting the job\n", rank_);
      std::fflush(stderr);
      mpi_abort(1);
    }
    thread_.join();
  }

 protected:
  WorkPtr run_all_reduce(const Tensor& t, ReduceOp op) override {
    return enqueue("all_reduce", {t}, [this, t, op] {
      const MPI_Datatype type = mpi_type(t.dtype());
      const MPI_Op mop = mpi_op(op, t.dtype());
      char* base = static_cast<char*>(t.raw_data());
      const int64_t item = static_cast<int64_t>(itemsize(t.dtype()));
      for (int64_t start = 0; start < t.numel(); start += kMaxCount) {
        const int count = static_cast<int>(std::min(kMaxCount, t.numel() - start));
        RT_MPI_CALL("all_reduce", MPI_Allreduce(MPI_IN_PLACE, base + start * item, count, type, mop, comm_));
      }
      if (op == ReduceOp::Avg) divide_in_place(t, size_);
    });
  }

  WorkPtr run_broadcast(const Tensor& t, int root) override {
    return enqueue("broadcast", {t}, [this, t, root] {
      char* base = static_cast<char*>(t.raw_data());
      const int64_t item = static_cast<int64_t>(itemsize(t.dtype()));
      for (int64_t start = 0; start < t.numel(); start += kMaxCount) {
        const int count = static_cast<int>(std::min(kMaxCount, t.numel() - start));
        RT_MPI_CALL("broadcast", MPI_Bcast(base + start * item, count, mpi_type(t.dtype()), root, comm_));
      }
    });
  }

  WorkPtr run_all_gather(const Tensor& output, const Tensor& input) override {
    RT_CHECK(input.numel() <= kMaxCount, ValueError, "all_gather: input of ", input.numel(),
             " elements exceeds the MPI limit of ", kMaxCount, " per rank");
    return enqueue("all_gather", {output, input}, [this, output, input] {
      const MPI_Datatype type = mpi_type(input.dtype());
      const int count = static_cast<int>(input.numel());
      const char* own_slot = static_cast<const char*>(output.raw_data()) +
                             static_cast<int64_t>(rank_) * count * static_cast<int64_t>(itemsize(input.dtype()));
      const void* send = input.raw_data() == own_slot ? MPI_IN_PLACE : input.raw_data();
      RT_MPI_CALL("all_gather", MPI_Allgather(send, count, type, output.raw_data(), count, type, comm_));
    });
  }

  WorkPtr run_reduce_scatter(const Tensor& output, const Tensor& input, ReduceOp op) override {
    RT_CHECK(output.numel() <= kMaxCount, ValueError, "reduce_scatter: output of ", output.numel(),
             " elements exceeds the MPI limit of ", kMaxCount, " per rank");
    return enqueue("reduce_scatter", {output, input}, [this, output, input, op] {
      RT_MPI_CALL("reduce_scatter",
                  MPI_Reduce_scatter_block(input.raw_data(), output.raw_data(), static_cast<int>(output.numel()),
                                           mpi_type(output.dtype()), mpi_op(op, output.dtype()), comm_));
      if (op == ReduceOp::Avg) divide_in_place(output, size_);
    });
  }

  WorkPtr run_barrier() override {
    return enqueue("barrier", {}, [this] { RT_MPI_CALL("barrier", MPI_Barrier(comm_)); });
  }

 private:
  struct Task {
    std::function<void()> fn;
    WorkPtr work;
  };

  WorkPtr enqueue(const char* name, TensorList keep, std::function<void()> fn) {
    auto work = std::make_shared<Work>();
    work->set_name(name);
    work->keep_alive(std::move(keep));
    // A timed-out wait leaves the thread inside MPI: later collectives could never run.
    work->set_on_timeout([this] {
      broken_ = true;
      g_any_broken = true;
    });
    {
      std::lock_guard<std::mutex> lock(mu_);
      RT_CHECK(!broken_, Error, name, ": the process group is broken by an earlier timeout; destroy it");
      RT_CHECK(!stopped_, Error, name, ": the process group was destroyed");
      queue_.push_back(Task{std::move(fn), work});
    }
    cv_.notify_one();
    return work;
  }

  void loop() {
    for (;;) {
      Task task;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [this] { return stopped_ || !queue_.empty(); });
        if (queue_.empty()) break;  // stopped, and every queued collective has run
        task = std::move(queue_.front());
        queue_.pop_front();
      }
      try {
        task.fn();
        task.work->mark_completed();
      } catch (...) {
        task.work->mark_completed(std::current_exception());
      }
    }
    MPI_Comm_free(&comm_);
  }

  MPI_Comm comm_ = MPI_COMM_NULL;
  int rank_ = 0;
  int size_ = 1;
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Task> queue_;
  bool stopped_ = false;
  std::atomic<bool> broken_{false};
};

}  // namespace

bool mpi_built() { return true; }

std::shared_ptr<Communicator> make_mpi_communicator(Timeout timeout) {
  return std::make_shared<MpiCommunicator>(timeout);
}

void mpi_finalize() {
  std::lock_guard<std::mutex> lock(g_mpi_mu);
  int initialized = 0, finalized = 0;
  MPI_Initialized(&initialized);
  MPI_Finalized(&finalized);
  if (!initialized || finalized || !g_mpi_initialized_here) return;
  g_mpi_finalized = true;
  // A communication thread stuck in a collective would make MPI_Finalize wait forever.
  if (g_any_broken) MPI_Abort(MPI_COMM_WORLD, 1);
  MPI_Finalize();
}

void mpi_abort(int code) {
  int initialized = 0, finalized = 0;
  MPI_Initialized(&initialized);
  MPI_Finalized(&finalized);
  if (initialized && !finalized) MPI_Abort(MPI_COMM_WORLD, code);
}

#else  // built without MPI

bool mpi_built() { return false; }

std::shared_ptr<Communicator> make_mpi_communicator(Timeout) {
  RT_THROW(Error,
           "init_process_group: rustorch was built without MPI (install openmpi-bin and libopenmpi-dev and "
           "rebuild), so backend='mpi' is unavailable; use backend='local' for a single process");
}

void mpi_finalize() {}
void mpi_abort(int) {}

#endif

}  // namespace rustorch::distrib
