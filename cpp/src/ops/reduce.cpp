#include "rustorch/ops/reduce.hpp"

#include <algorithm>
#include <numeric>

#include "rustorch/autograd/function.hpp"
#include "rustorch/ops/copy.hpp"
#include "rustorch/ops/iter.hpp"
#include "rustorch/ops/registry.hpp"
#include "rustorch/ops/shape.hpp"

namespace rustorch {

using autograd::BackwardContext;

RT_REGISTER_OP("sum", true);

std::vector<bool> reduction_mask(const std::vector<int64_t>& dims, int64_t ndim, const char* op) {
  std::vector<bool> mask(static_cast<size_t>(ndim), dims.empty());
  for (int64_t d : dims) {
    const int64_t w = wrap_dim(d, ndim, op);
    if (ndim == 0) continue;
    RT_CHECK(!mask[w], ValueError, op, ": dim ", w, " appears multiple times in the list of dims");
    mask[w] = true;
  }
  return mask;
}

Shape reduced_shape(const Shape& in, const std::vector<bool>& mask, bool keepdim) {
  Shape out;
  for (size_t i = 0; i < in.size(); ++i) {
    if (!mask[i]) out.push_back(in[i]);
    else if (keepdim) out.push_back(1);
  }
  return out;
}

namespace {

// Sum of n contiguous values with 8 independent accumulators (vectorizable, fixed order).
template <class Acc, class T> Acc sum_run(const T* p, int64_t n) {
  Acc lanes[8] = {};
  int64_t i = 0;
  for (; i + 8 <= n; i += 8)
    for (int k = 0; k < 8; ++k) lanes[k] += static_cast<Acc>(p[i + k]);
  Acc tail = 0;
  for (; i < n; ++i) tail += static_cast<Acc>(p[i]);
  return ((lanes[0] + lanes[4]) + (lanes[1] + lanes[5])) + ((lanes[2] + lanes[6]) + (lanes[3] + lanes[7])) + tail;
}

constexpr int64_t kSumBlock = 16384;

// Moves the reduced dims last and returns a contiguous tensor [outer..., inner...] of dtype.
Tensor reduced_dims_last(const Tensor& t, const std::vector<bool>& mask, DType dtype) {
  std::vector<int64_t> order;
  for (size_t i = 0; i < mask.size(); ++i)
    if (!mask[i]) order.push_back(static_cast<int64_t>(i));
  for (size_t i = 0; i < mask.size(); ++i)
    if (mask[i]) order.push_back(static_cast<int64_t>(i));
  Shape sizes, strides;
  for (int64_t d : order) {
    sizes.push_back(t.shape()[d]);
    strides.push_back(t.strides()[d]);
  }
  return contiguous_as(t.as_strided(sizes, strides, t.offset()), dtype);
}

Tensor sum_kernel(const Tensor& t, const std::vector<bool>& mask, bool keepdim, DType out_dtype) {
  Tensor out = Tensor::empty(reduced_shape(t.shape(), mask, keepdim), out_dtype);
  const int64_t outer = out.numel();
  const int64_t inner = outer == 0 ? 0 : t.numel() / outer;
  dispatch_dtype(out_dtype, [&](auto tag) {
    using T = typename decltype(tag)::type;
    using Acc = std::conditional_t<std::is_same_v<T, bool>, int64_t, T>;
    T* o = out.data<T>();
    if (outer == 0) return;
    if (inner == 0) {
      std::fill(o, o + outer, T(0));
      return;
    }
    const Tensor src = reduced_dims_last(t, mask, out_dtype);
    const T* p = src.data<T>();
    if (outer == 1) {
      // Fixed-size blocks summed in parallel, combined in block order: thread-count independent.
      const int64_t nblocks = (inner + kSumBlock - 1) / kSumBlock;
      std::vector<Acc> partial(static_cast<size_t>(nblocks));
      parallel_blocks(inner, kSumBlock, [&](int64_t b, int64_t lo, int64_t hi) {
        partial[b] = sum_run<Acc>(p + lo, hi - lo);
      });
      Acc total = 0;
      for (Acc v : partial) total += v;
      o[0] = static_cast<T>(total);
      return;
    }
    parallel_for(outer, std::max<int64_t>(1, kParallelGrain / inner), [&](int64_t lo, int64_t hi) {
      for (int64_t r = lo; r < hi; ++r) o[r] = static_cast<T>(sum_run<Acc>(p + r * inner, inner));
    });
  });
  return out;
}

}  // namespace

Tensor sum(const Tensor& t, const std::vector<int64_t>& dims, bool keepdim, std::optional<DType> dtype) {
  const auto mask = reduction_mask(dims, t.dim(), "sum");
  const DType out_dtype = dtype ? *dtype : is_floating(t.dtype()) ? t.dtype() : DType::Int64;
  Tensor out = sum_kernel(t, mask, keepdim, out_dtype);
  if (autograd::needs_grad({t}) && is_floating(out_dtype)) {
    const Shape in_shape = t.shape();
    autograd::record("SumBackward", {t}, {out}, {},
                     [mask, keepdim, in_shape](const BackwardContext&, const TensorList& g) -> TensorList {
                       Tensor grad = g[0];
                       if (!keepdim)
                         for (size_t i = 0; i < mask.size(); ++i)
                           if (mask[i]) grad = unsqueeze(grad, static_cast<int64_t>(i));
                       return {expand(grad, in_shape)};
                     });
  }
  return out;
}

Tensor sum_to(const Tensor& t, const Shape& shape) {
  if (t.shape() == shape) return t;
  const int64_t lead = t.dim() - static_cast<int64_t>(shape.size());
  RT_CHECK(lead >= 0, ValueError, "sum_to: cannot reduce shape ", shape_str(t.shape()), " to ", shape_str(shape));
  std::vector<int64_t> dims;
  for (int64_t i = 0; i < t.dim(); ++i) {
    if (i < lead) dims.push_back(i);
    else if (shape[i - lead] == 1 && t.shape()[i] != 1) dims.push_back(i);
    else
      RT_CHECK(shape[i - lead] == t.shape()[i], ValueError, "sum_to: cannot reduce shape ", shape_str(t.shape()),
               " to ", shape_str(shape));
  }
  if (dims.empty()) return reshape(t, shape);
  Tensor r = sum(t, dims, true);
  return lead > 0 ? reshape(r, shape) : r;
}

}  // namespace rustorch
