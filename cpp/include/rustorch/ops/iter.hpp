// Strided iteration over several operands that share an iteration shape (inputs broadcast by zero
// strides), with dims coalesced, innermost runs handed to a loop body, and ranges run in parallel.
#pragma once
#include <array>
#include <cstdint>

#include "rustorch/core/parallel.hpp"
#include "rustorch/core/tensor.hpp"

namespace rustorch {

// Element count below which elementwise kernels stay on one thread.
constexpr int64_t kParallelGrain = 32768;

// Strides of `t` viewed as broadcast to `shape` (0 on broadcast dims). `t` must broadcast to it.
Shape broadcast_strides(const Tensor& t, const Shape& shape);

template <size_t N>
class StridedIter {
 public:
  // strides[k] are operand k's element strides over `shape`.
  StridedIter(const Shape& shape, const std::array<Shape, N>& strides) {
    numel_ = shape_numel(shape);
    for (size_t d = 0; d < shape.size(); ++d) {
      if (shape[d] == 1) continue;
      if (!sizes_.empty()) {
        bool mergeable = true;
        for (size_t k = 0; k < N; ++k) mergeable &= strides_[k].back() == strides[k][d] * shape[d];
        if (mergeable) {
          sizes_.back() *= shape[d];
          for (size_t k = 0; k < N; ++k) strides_[k].back() = strides[k][d];
          continue;
        }
      }
      sizes_.push_back(shape[d]);
      for (size_t k = 0; k < N; ++k) strides_[k].push_back(strides[k][d]);
    }
    if (sizes_.empty()) {
      sizes_.push_back(1);
      for (size_t k = 0; k < N; ++k) strides_[k].push_back(0);
    }
  }

  int64_t numel() const { return numel_; }
  int64_t ndim() const { return static_cast<int64_t>(sizes_.size()); }
  int64_t inner_stride(size_t k) const { return strides_[k].back(); }

  // Calls f(ptrs, inner_strides, n) for each innermost run of linear positions [begin, end).
  // ptrs point at the run's first element of each operand; strides are in elements.
  template <class F>
  void for_range(const std::array<char*, N>& base, const std::array<int64_t, N>& itemsizes, int64_t begin,
                 int64_t end, F&& f) const {
    const int64_t nd = ndim();
    int64_t idx[16] = {};
    std::array<char*, N> ptr = base;
    int64_t rem = begin;
    for (int64_t d = nd - 1; d >= 0; --d) {
      idx[d] = rem % sizes_[d];
      rem /= sizes_[d];
      for (size_t k = 0; k < N; ++k) ptr[k] += idx[d] * strides_[k][d] * itemsizes[k];
    }
    std::array<int64_t, N> inner;
    for (size_t k = 0; k < N; ++k) inner[k] = strides_[k][nd - 1];
    int64_t pos = begin;
    while (pos < end) {
      const int64_t n = std::min(sizes_[nd - 1] - idx[nd - 1], end - pos);
      f(ptr, inner, n);
      pos += n;
      for (size_t k = 0; k < N; ++k) ptr[k] += n * inner[k] * itemsizes[k];
      idx[nd - 1] += n;
      // Carry into outer dims.
      for (int64_t d = nd - 1; d > 0 && idx[d] == sizes_[d]; --d) {
        for (size_t k = 0; k < N; ++k) ptr[k] -= sizes_[d] * strides_[k][d] * itemsizes[k];
        idx[d] = 0;
        ++idx[d - 1];
        for (size_t k = 0; k < N; ++k) ptr[k] += strides_[k][d - 1] * itemsizes[k];
      }
    }
  }

  template <class F>
  void for_each(const std::array<char*, N>& base, const std::array<int64_t, N>& itemsizes, F&& f,
                int64_t grain = kParallelGrain) const {
    static_assert(N > 0);
    RT_CHECK(sizes_.size() <= 16, Error, "iteration over more than 16 non-trivial dimensions is not supported");
    parallel_for(numel_, grain, [&](int64_t b, int64_t e) { for_range(base, itemsizes, b, e, f); });
  }

 private:
  int64_t numel_ = 0;
  Shape sizes_;
  std::array<Shape, N> strides_;
};

// out[i] = op(a[i]) with `a` already broadcast to out's shape (by strides) and of type Tin.
template <class Tout, class Tin, class Op>
void unary_loop(const Tensor& out, const Tensor& a, Op op) {
  if (out.is_contiguous() && a.is_contiguous() && out.shape() == a.shape()) {
    Tout* o = out.data<Tout>();
    const Tin* x = a.data<Tin>();
    parallel_for(out.numel(), kParallelGrain, [&](int64_t b, int64_t e) {
      for (int64_t i = b; i < e; ++i) o[i] = op(x[i]);
    });
    return;
  }
  StridedIter<2> it(out.shape(), {out.strides(), broadcast_strides(a, out.shape())});
  it.for_each({static_cast<char*>(out.raw_data()), static_cast<char*>(a.raw_data())},
              {int64_t(sizeof(Tout)), int64_t(sizeof(Tin))}, [&](const std::array<char*, 2>& p,
                                                                const std::array<int64_t, 2>& s, int64_t n) {
                Tout* o = reinterpret_cast<Tout*>(p[0]);
                const Tin* x = reinterpret_cast<const Tin*>(p[1]);
                if (s[0] == 1 && s[1] == 1) {
                  for (int64_t i = 0; i < n; ++i) o[i] = op(x[i]);
                } else {
                  for (int64_t i = 0; i < n; ++i) o[i * s[0]] = op(x[i * s[1]]);
                }
              });
}

// out[i] = op(a[i], b[i]) with a and b broadcast to out's shape (by strides).
template <class Tout, class Ta, class Tb, class Op>
void binary_loop(const Tensor& out, const Tensor& a, const Tensor& b, Op op) {
  const bool same = a.shape() == out.shape() && b.shape() == out.shape();
  if (same && out.is_contiguous() && a.is_contiguous() && b.is_contiguous()) {
    Tout* o = out.data<Tout>();
    const Ta* x = a.data<Ta>();
    const Tb* y = b.data<Tb>();
    parallel_for(out.numel(), kParallelGrain, [&](int64_t lo, int64_t hi) {
      for (int64_t i = lo; i < hi; ++i) o[i] = op(x[i], y[i]);
    });
    return;
  }
  StridedIter<3> it(out.shape(), {out.strides(), broadcast_strides(a, out.shape()), broadcast_strides(b, out.shape())});
  it.for_each({static_cast<char*>(out.raw_data()), static_cast<char*>(a.raw_data()), static_cast<char*>(b.raw_data())},
              {int64_t(sizeof(Tout)), int64_t(sizeof(Ta)), int64_t(sizeof(Tb))},
              [&](const std::array<char*, 3>& p, const std::array<int64_t, 3>& s, int64_t n) {
                Tout* o = reinterpret_cast<Tout*>(p[0]);
                const Ta* x = reinterpret_cast<const Ta*>(p[1]);
                const Tb* y = reinterpret_cast<const Tb*>(p[2]);
                if (s[0] == 1 && s[1] == 1 && s[2] == 1) {
                  for (int64_t i = 0; i < n; ++i) o[i] = op(x[i], y[i]);
                } else if (s[0] == 1 && s[1] == 1 && s[2] == 0) {
                  const Tb yv = *y;
                  for (int64_t i = 0; i < n; ++i) o[i] = op(x[i], yv);
                } else if (s[0] == 1 && s[1] == 0 && s[2] == 1) {
                  const Ta xv = *x;
                  for (int64_t i = 0; i < n; ++i) o[i] = op(xv, y[i]);
                } else {
                  for (int64_t i = 0; i < n; ++i) o[i * s[0]] = op(x[i * s[1]], y[i * s[2]]);
                }
              });
}

}  // namespace rustorch
