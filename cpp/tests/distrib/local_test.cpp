// The single-process backend (a group of one) and the backend-independent checks: every
// collective for every dtype, the Work handle, and the errors for bad arguments.
#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "rustorch/core/tensor.hpp"
#include "rustorch/distrib/communicator.hpp"
#include "rustorch/ops/factory.hpp"
#include "rustorch/ops/shape.hpp"

using namespace rustorch;
using namespace rustorch::distrib;

namespace {

const DType kAllDTypes[] = {DType::Bool, DType::Int64, DType::Float32, DType::Float64};

// A contiguous tensor of `n` elements with the values i % 7 (bool: odd i), in its own dtype.
Tensor pattern(int64_t n, DType d) {
  Tensor t = Tensor::empty({n}, d);
  dispatch_dtype(d, [&](auto tag) {
    using T = typename decltype(tag)::type;
    for (int64_t i = 0; i < n; ++i) t.data<T>()[i] = static_cast<T>(std::is_same_v<T, bool> ? (i % 2) : (i % 7));
  });
  return t;
}

std::vector<unsigned char> bytes(const Tensor& t) {
  const auto* p = static_cast<const unsigned char*>(t.raw_data());
  return std::vector<unsigned char>(p, p + t.numel() * itemsize(t.dtype()));
}

}  // namespace

TEST(LocalCommunicator, RankAndSize) {
  auto c = make_local_communicator(Timeout(1000));
  EXPECT_EQ(c->rank(), 0);
  EXPECT_EQ(c->size(), 1);
  EXPECT_EQ(c->backend(), "local");
  EXPECT_EQ(c->timeout(), Timeout(1000));
}

TEST(LocalCommunicator, AllReduceIsIdentityForEveryDTypeAndOp) {
  auto c = make_local_communicator(Timeout(0));
  for (DType d : kAllDTypes) {
    for (ReduceOp op : {ReduceOp::Sum, ReduceOp::Avg, ReduceOp::Max, ReduceOp::Min}) {
      if (op == ReduceOp::Avg && !is_floating(d)) continue;
      Tensor t = pattern(13, d);
      auto before = bytes(t);
      const uint32_t version = t.version();
      WorkPtr w = c->all_reduce_async(t, op);
      EXPECT_TRUE(w->is_completed());
      w->wait(Timeout(0));
      EXPECT_EQ(bytes(t), before) << dtype_name(d) << " " << reduce_op_name(op);
      EXPECT_GT(t.version(), version);  // in-place: autograd sees the modification
    }
  }
}

TEST(LocalCommunicator, AvgNeedsFloatingDType) {
  auto c = make_local_communicator(Timeout(0));
  EXPECT_THROW(c->all_reduce(pattern(3, DType::Int64), ReduceOp::Avg), TypeError);
  EXPECT_THROW(c->all_reduce(pattern(3, DType::Bool), ReduceOp::Avg), TypeError);
}

TEST(LocalCommunicator, AllGatherAndReduceScatterCopy) {
  auto c = make_local_communicator(Timeout(0));
  for (DType d : kAllDTypes) {
    Tensor in = pattern(6, d);
    Tensor out = zeros({2, 3}, d);
    c->all_gather(out, in);
    EXPECT_EQ(bytes(out), bytes(in)) << dtype_name(d);
    Tensor rs = zeros({6}, d);
    c->reduce_scatter(rs, in, ReduceOp::Sum);
    EXPECT_EQ(bytes(rs), bytes(in)) << dtype_name(d);
  }
}

TEST(LocalCommunicator, BroadcastAndBarrier) {
  auto c = make_local_communicator(Timeout(0));
  Tensor t = pattern(5, DType::Float32);
  auto before = bytes(t);
  c->broadcast(t, 0);
  EXPECT_EQ(bytes(t), before);
  c->barrier();
  EXPECT_TRUE(c->barrier_async()->is_completed());
}

TEST(LocalCommunicator, RejectsBadArguments) {
  auto c = make_local_communicator(Timeout(0));
  Tensor m = pattern(6, DType::Float32);
  Tensor strided = transpose(reshape(m, {2, 3}), 0, 1);
  try {
    c->all_reduce(strided, ReduceOp::Sum);
    FAIL() << "non-contiguous tensor accepted";
  } catch (const ValueError& e) {
    EXPECT_NE(std::string(e.what()).find("all_reduce: tensor must be contiguous"), std::string::npos) << e.what();
  }
  EXPECT_THROW(c->all_reduce(Tensor(), ReduceOp::Sum), ValueError);
  EXPECT_THROW(c->broadcast(m, 1), ValueError);
  EXPECT_THROW(c->broadcast(m, -1), ValueError);
  EXPECT_THROW(c->all_gather(zeros({5}, DType::Float32), m), ValueError);
  EXPECT_THROW(c->all_gather(zeros({6}, DType::Float64), m), TypeError);
  EXPECT_THROW(c->reduce_scatter(zeros({7}, DType::Float32), m, ReduceOp::Sum), ValueError);
}

TEST(Work, WaitTimesOutAndRunsTheTimeoutAction) {
  Work w;
  w.set_name("all_reduce");
  bool broken = false;
  w.set_on_timeout([&] { broken = true; });
  try {
    w.wait(Timeout(20));
    FAIL() << "wait returned without completion";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("all_reduce: timed out"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(broken);
  EXPECT_FALSE(w.is_completed());
}

TEST(Work, WaitRethrowsTheCollectivesError) {
  Work w;
  w.mark_completed(std::make_exception_ptr(ValueError("broadcast: boom")));
  EXPECT_TRUE(w.is_completed());
  EXPECT_THROW(w.wait(Timeout(0)), ValueError);
}

TEST(Distrib, DivideInPlaceIsATrueDivision) {
  Tensor t = Tensor::empty({3}, DType::Float32);
  float v[3] = {1.0f, 0.3f, -7.0f};
  std::memcpy(t.raw_data(), v, sizeof v);
  divide_in_place(t, 3);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(t.data<float>()[i], v[i] / 3.0f);
}
