#include "rustorch/ops/sort.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <type_traits>
#include <vector>

#include "rustorch/autograd/function.hpp"
#include "rustorch/ops/factory.hpp"
#include "rustorch/ops/reduce.hpp"
#include "rustorch/ops/registry.hpp"
#include "rustorch/ops/scatter.hpp"

namespace rustorch {

using autograd::BackwardContext;

RT_REGISTER_OP("sort", true);
RT_REGISTER_OP("argsort", false);
RT_REGISTER_OP("topk", true);

namespace {

template <class T> struct Item {
  T v;
  int64_t i;
};

// A total order: ascending with NaN last, or descending with NaN first; equal values by index.
template <class T, bool kDesc> struct ItemBefore {
  bool operator()(const Item<T>& a, const Item<T>& b) const {
    if constexpr (std::is_floating_point_v<T>) {
      const bool an = a.v != a.v, bn = b.v != b.v;
      if (an || bn) return an && bn ? a.i < b.i : (kDesc ? an : bn);
    }
    if (a.v != b.v) return kDesc ? a.v > b.v : a.v < b.v;
    return a.i < b.i;
  }
};

// float32 lines sort faster as single 64-bit keys: value bits mapped to an unsigned order (-0 == +0,
// every NaN last; complemented for descending) above the index, which breaks ties.
inline uint32_t order_bits(float v) {
  if (v != v) return 0xFFFFFFFFu;
  const uint32_t b = std::bit_cast<uint32_t>(v == 0.0f ? 0.0f : v);
  return (b & 0x80000000u) ? ~b : (b | 0x80000000u);
}

// Writes the first k elements of each line along d, in the order above, to values and indices.
void select_kernel(const Tensor& t, int64_t d, int64_t k, bool desc, const Tensor& values, const Tensor& indices) {
  const bool scalar = t.dim() == 0;
  const Shape shape = scalar ? Shape{1} : t.shape();
  const Shape ts = scalar ? Shape{1} : t.strides();
  const Shape vs = scalar ? Shape{1} : values.strides();
  const Shape is = scalar ? Shape{1} : indices.strides();
  const int64_t n = shape[d];
  if (k == 0) return;
  dispatch_dtype(t.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    const T* x = t.data<T>();
    T* v = values.data<T>();
    int64_t* ix = indices.data<int64_t>();
    for_each_line(shape, d, {ts, vs, is}, 8 * n, [&](const int64_t* off) {
      if constexpr (std::is_same_v<T, float>) {
        if (n < (int64_t(1) << 32)) {
          thread_local std::vector<uint64_t> keys;
          keys.resize(static_cast<size_t>(n));
          for (int64_t j = 0; j < n; ++j) {
            const uint32_t o = order_bits(x[off[0] + j * ts[d]]);
            keys[j] = (uint64_t(desc ? ~o : o) << 32) | uint64_t(j);
          }
          if (k == n) std::sort(keys.begin(), keys.end());
          else std::partial_sort(keys.begin(), keys.begin() + k, keys.end());
          for (int64_t j = 0; j < k; ++j) {
            const int64_t src = static_cast<int64_t>(keys[j] & 0xFFFFFFFFu);
            v[off[1] + j * vs[d]] = x[off[0] + src * ts[d]];
            ix[off[2] + j * is[d]] = src;
          }
          return;
        }
      }
      thread_local std::vector<Item<T>> buf;
      buf.resize(static_cast<size_t>(n));
      for (int64_t j = 0; j < n; ++j) buf[j] = Item<T>{x[off[0] + j * ts[d]], j};
      auto order = [&](auto before) {
        if (k == n) std::sort(buf.begin(), buf.end(), before);
        else std::partial_sort(buf.begin(), buf.begin() + k, buf.end(), before);
      };
      if (desc) order(ItemBefore<T, true>{});
      else order(ItemBefore<T, false>{});
      for (int64_t j = 0; j < k; ++j) {
        v[off[1] + j * vs[d]] = buf[j].v;
        ix[off[2] + j * is[d]] = buf[j].i;
      }
    });
  });
}

// Records the value gradient: g scattered back to the positions the values came from.
void record_select_backward(const char* name, const Tensor& t, const Tensor& values, const Tensor& indices, int64_t d) {
  if (!autograd::needs_grad({t}) || !is_floating(t.dtype())) return;
  const Shape in_shape = t.shape();
  autograd::record(name, {t}, {values, indices}, {indices.detach()},
                   [d, in_shape](const BackwardContext& ctx, const TensorList& g) -> TensorList {
                     return {scatter_add(zeros(in_shape, g[0].dtype()), d, ctx.saved(0), g[0])};
                   });
}

}  // namespace

std::pair<Tensor, Tensor> sort(const Tensor& t, int64_t dim, bool descending, bool /*stable*/) {
  const int64_t d = wrap_dim(dim, t.dim(), "sort");
  Tensor values = Tensor::empty(t.shape(), t.dtype());
  Tensor indices = Tensor::empty(t.shape(), DType::Int64);
  const Tensor td = t.detach();
  select_kernel(td, d, t.dim() == 0 ? 1 : t.shape()[d], descending, values, indices);
  record_select_backward("SortBackward", t, values, indices, d);
  return {values, indices};
}

Tensor argsort(const Tensor& t, int64_t dim, bool descending, bool stable) {
  return sort(t.detach(), dim, descending, stable).second;
}

std::pair<Tensor, Tensor> topk(const Tensor& t, int64_t k, int64_t dim, bool largest, bool /*sorted*/) {
  const int64_t d = wrap_dim(dim, t.dim(), "topk");
  const int64_t n = t.dim() == 0 ? 1 : t.shape()[d];
  RT_CHECK(k >= 0 && k <= n, IndexError, "topk: k (", k, ") is out of range for dimension ", d, " of size ", n,
           " (input shape ", shape_str(t.shape()), ")");
  Shape shape = t.shape();
  if (!shape.empty()) shape[d] = k;
  Tensor values = Tensor::empty(shape, t.dtype());
  Tensor indices = Tensor::empty(shape, DType::Int64);
  const Tensor td = t.detach();
  select_kernel(td, d, t.dim() == 0 ? 1 : k, largest, values, indices);  // a 0-d result holds the value, like torch
  record_select_backward("TopkBackward", t, values, indices, d);
  return {values, indices};
}

}  // namespace rustorch
