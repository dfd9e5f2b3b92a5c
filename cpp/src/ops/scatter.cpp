#include "rustorch/ops/scatter.hpp"
#include "rustorch/core/overlap.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>

#include "rustorch/autograd/function.hpp"
#include "rustorch/ops/copy.hpp"
#include "rustorch/ops/factory.hpp"
#include "rustorch/ops/reduce.hpp"
#include "rustorch/ops/registry.hpp"
#include "rustorch/ops/shape.hpp"

namespace rustorch {

using autograd::BackwardContext;

RT_REGISTER_OP("gather", true);
RT_REGISTER_OP("scatter", true);
RT_REGISTER_OP("scatter_add", true);
RT_REGISTER_OP("scatter_", true);
RT_REGISTER_OP("scatter_add_", true);

namespace {

// 0-d tensors take part as 1-element 1-d tensors (like PyTorch).
Shape shape1(const Tensor& t) { return t.dim() == 0 ? Shape{1} : t.shape(); }
Shape strides1(const Tensor& t) { return t.dim() == 0 ? Shape{0} : t.strides(); }

// Checks dtypes, ranks and sizes; returns the wrapped dim.
int64_t check_args(const char* op, const Tensor& self, int64_t dim, const Tensor& index, const Tensor* src) {
  RT_CHECK(index.dtype() == DType::Int64, TypeError, op, ": expected an int64 index tensor, got ", dtype_name(index.dtype()));
  const int64_t d = wrap_dim(dim, self.dim(), op);
  const Shape ss = shape1(self), is = shape1(index);
  RT_CHECK(is.size() == ss.size(), ValueError, op, ": index tensor must have the same number of dimensions as the input (got index ",
           shape_str(index.shape()), " and input ", shape_str(self.shape()), ")");
  if (src) {
    RT_CHECK(src->dtype() == self.dtype(), TypeError, op, ": expected self and src to have the same dtype, got ",
             dtype_name(self.dtype()), " and ", dtype_name(src->dtype()));
    RT_CHECK(shape1(*src).size() == ss.size(), ValueError, op,
             ": src must have the same number of dimensions as the input (got src ", shape_str(src->shape()), " and input ",
             shape_str(self.shape()), ")");
  }
  for (size_t i = 0; i < is.size(); ++i) {
    RT_CHECK(static_cast<int64_t>(i) == d || is[i] <= ss[i], ValueError, op, ": index ", shape_str(index.shape()),
             " must be no larger than the input ", shape_str(self.shape()), " apart from dimension ", d);
    if (src)
      RT_CHECK(is[i] <= shape1(*src)[i], ValueError, op, ": index ", shape_str(index.shape()),
               " must be no larger than src ", shape_str(src->shape()));
  }
  return d;
}

void check_range(const char* op, const Tensor& index, int64_t d, int64_t limit) {
  const Tensor c = contiguous_as(index, DType::Int64);
  const int64_t* p = c.data<int64_t>();
  for (int64_t i = 0; i < c.numel(); ++i)
    RT_CHECK(p[i] >= 0 && p[i] < limit, IndexError, op, ": index ", p[i], " is out of bounds for dimension ", d,
             " with size ", limit);
}

// Whether every one of the n contiguous indices at p lies in [0, limit). Branch-free, so it
// vectorizes: x | (limit - 1 - x) has its sign bit set exactly when x < 0 or x >= limit.
bool line_in_range(const int64_t* p, int64_t n, int64_t limit) {
  uint64_t bad = 0;
  const uint64_t last = static_cast<uint64_t>(limit - 1);
  for (int64_t j = 0; j < n; ++j) bad |= static_cast<uint64_t>(p[j]) | (last - static_cast<uint64_t>(p[j]));
  return (bad >> 63) == 0;
}

// Where the index's lines are contiguous, each line is validated just before it is gathered (while
// it is in L1) rather than in a separate pass over the whole index first; gather writes only its
// fresh output, so a bad index found midway leaves nothing visible, and check_range then reports the
// first bad index. Strided index lines (re-reading them costs more than a contiguous pass) are
// validated up front as before.
Tensor gather_kernel(const Tensor& t, int64_t d, const Tensor& index) {
  Tensor out = Tensor::empty(index.shape(), t.dtype());
  if (index.numel() == 0) return out;
  const int64_t limit = shape1(t)[d];
  const Shape ish = shape1(index), ist = strides1(index), tst = strides1(t), ost = strides1(out);
  const int64_t n = ish[d], is = ist[d], ts = tst[d], os = ost[d];
  const bool check_lines = is == 1;
  if (!check_lines) check_range("gather", index, d, limit);
  std::atomic<bool> bad{false};
  dispatch_dtype(t.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    const T* src = t.data<T>();
    const int64_t* idx = index.data<int64_t>();
    T* o = out.data<T>();
    for_each_line(ish, d, {ist, tst, ost}, n, [&](const int64_t* off) {
      const int64_t* ip = idx + off[0];
      const T* sp = src + off[1];
      T* op = o + off[2];
      if (check_lines && !line_in_range(ip, n, limit)) {
        bad.store(true, std::memory_order_relaxed);
        return;
      }
      if (is == 1 && ts == 1 && os == 1) {  // contiguous lines: the common case
#pragma GCC unroll 4
        for (int64_t j = 0; j < n; ++j) op[j] = sp[ip[j]];
      } else {
        for (int64_t j = 0; j < n; ++j) op[j * os] = sp[ip[j * is] * ts];
      }
    });
  });
  if (bad.load()) check_range("gather", index, d, limit);  // throws, naming the first bad index
  return out;
}

// Writes src (or value) into dst at the indexed positions (adding when kAdd). Lines along `d` of the
// index never collide with each other, so they run in parallel; within a line the last write wins.
template <bool kAdd>
void scatter_kernel(const char* op, const Tensor& dst, int64_t d, const Tensor& index, const Tensor* src,
                    const Scalar* value) {
  if (index.numel() == 0) return;
  check_range(op, index, d, shape1(dst)[d]);
  const Shape ish = shape1(index), ist = strides1(index), dst_st = strides1(dst);
  const Shape src_st = src ? strides1(*src) : Shape(ish.size(), 0);
  const int64_t n = ish[d], is = ist[d], ds = dst_st[d], ss = src_st[d];
  dispatch_dtype(dst.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    T* o = dst.data<T>();
    const int64_t* idx = index.data<int64_t>();
    const T* s = src ? src->data<T>() : nullptr;
    const T v = value ? value->to<T>() : T(0);
    for_each_line(ish, d, {ist, dst_st, src_st}, n, [&](const int64_t* off) {
      for (int64_t j = 0; j < n; ++j) {
        T& target = o[off[1] + idx[off[0] + j * is] * ds];
        const T x = s ? s[off[2] + j * ss] : v;
        if constexpr (kAdd) {
          if constexpr (std::is_same_v<T, bool>) target = target || x;
          else target += x;
        } else {
          target = x;
        }
      }
    });
  });
}

Tensor leading_slice(const Tensor& t, const Shape& shape);

// t placed at the origin of a zero tensor of `shape` (the src gradient when index is smaller than src).
Tensor pad_to(const Tensor& t, const Shape& shape) {
  if (t.shape() == shape) return t;
  const Tensor src = t.dim() == static_cast<int64_t>(shape.size()) ? t.detach() : reshape(t.detach(), Shape(shape.size(), 1));
  Tensor out = zeros(shape, t.dtype());
  copy_kernel(out.as_strided(src.shape(), out.strides(), 0), src);
  if (autograd::needs_grad({t})) {
    const Shape in_shape = t.shape();
    autograd::record("PadBackward", {t}, {out}, {}, [in_shape](const BackwardContext&, const TensorList& g) -> TensorList {
      return {leading_slice(g[0], in_shape)};
    });
  }
  return out;
}

// The leading corner of t with the given sizes (a view).
Tensor leading_slice(const Tensor& t, const Shape& shape) {
  Tensor out = static_cast<int64_t>(shape.size()) == t.dim() ? make_view(t, shape, t.strides(), t.offset())
                                                             : make_view(t, shape, contiguous_strides(shape), t.offset());
  if (autograd::needs_grad({t})) {
    const Shape in_shape = t.shape();
    autograd::record("SliceBackward", {t}, {out}, {}, [in_shape](const BackwardContext&, const TensorList& g) -> TensorList {
      return {pad_to(g[0], in_shape)};
    });
  }
  return out;
}

Tensor copy_of(const Tensor& t) {
  Tensor out = Tensor::empty(t.shape(), t.dtype());
  copy_kernel(out, t);
  return out;
}

// Backward of scatter / scatter_add (self, src) and of the value form (self only).
autograd::BackwardFn scatter_backward(int64_t d, bool add, Shape src_shape) {
  return [d, add, src_shape](const BackwardContext& ctx, const TensorList& g) -> TensorList {
    const Tensor idx = ctx.saved(0);
    TensorList r(2);
    if (ctx.needs_input_grad(0)) r[0] = add ? g[0] : scatter(g[0], d, idx, Scalar(0.0));
    if (ctx.needs_input_grad(1)) r[1] = pad_to(gather(g[0], d, idx), src_shape);
    return r;
  };
}

}  // namespace

Tensor gather(const Tensor& t, int64_t dim, const Tensor& index) {
  const int64_t d = check_args("gather", t, dim, index, nullptr);
  Tensor out = gather_kernel(t, d, index);
  if (autograd::needs_grad({t}) && is_floating(t.dtype())) {
    const Shape in_shape = t.shape();
    autograd::record("GatherBackward", {t}, {out}, {index}, [d, in_shape](const BackwardContext& ctx, const TensorList& g) -> TensorList {
      return {scatter_add(zeros(in_shape, g[0].dtype()), d, ctx.saved(0), g[0])};
    });
  }
  return out;
}

Tensor scatter(const Tensor& t, int64_t dim, const Tensor& index, const Tensor& src) {
  const int64_t d = check_args("scatter", t, dim, index, &src);
  Tensor out = copy_of(t);
  scatter_kernel<false>("scatter", out, d, index, &src, nullptr);
  if (autograd::needs_grad({t, src}) && is_floating(t.dtype()))
    autograd::record("ScatterBackward", {t, src}, {out}, {index}, scatter_backward(d, false, src.shape()));
  return out;
}

Tensor scatter(const Tensor& t, int64_t dim, const Tensor& index, const Scalar& value) {
  const int64_t d = check_args("scatter", t, dim, index, nullptr);
  Tensor out = copy_of(t);
  scatter_kernel<false>("scatter", out, d, index, nullptr, &value);
  if (autograd::needs_grad({t}) && is_floating(t.dtype()))
    autograd::record("ScatterBackward", {t}, {out}, {index}, scatter_backward(d, false, {}));
  return out;
}

Tensor scatter_add(const Tensor& t, int64_t dim, const Tensor& index, const Tensor& src) {
  const int64_t d = check_args("scatter_add", t, dim, index, &src);
  Tensor out = copy_of(t);
  scatter_kernel<true>("scatter_add", out, d, index, &src, nullptr);
  if (autograd::needs_grad({t, src}) && is_floating(t.dtype()))
    autograd::record("ScatterAddBackward", {t, src}, {out}, {index}, scatter_backward(d, true, src.shape()));
  return out;
}

namespace {
template <bool kAdd>
const Tensor& scatter_inplace(const char* op, const Tensor& self, int64_t dim, const Tensor& index, const Tensor* src,
                              const Scalar* value) {
  const int64_t d = check_args(op, self, dim, index, src);
  check_no_internal_overlap(self, op);
  const bool grad = (src ? autograd::needs_grad({self, *src}) : autograd::needs_grad({self})) && is_floating(self.dtype());
  if (grad) autograd::check_inplace(self, op);
  // A source sharing memory with self is read in full before anything is written.
  const Tensor s = src && src->storage() == self.storage() ? copy_of(*src) : src ? src->detach() : Tensor();
  scatter_kernel<kAdd>(op, self, d, index, src ? &s : nullptr, value);
  self.bump_version();
  if (grad) {
    const char* node = kAdd ? "ScatterAddBackward" : "ScatterBackward";
    if (src) autograd::record(node, {self, *src}, {self}, {index}, scatter_backward(d, kAdd, src->shape()));
    else autograd::record(node, {self}, {self}, {index}, scatter_backward(d, kAdd, {}));
  }
  return self;
}
}  // namespace

const Tensor& scatter_(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src) {
  return scatter_inplace<false>("scatter_", self, dim, index, &src, nullptr);
}
const Tensor& scatter_(const Tensor& self, int64_t dim, const Tensor& index, const Scalar& value) {
  return scatter_inplace<false>("scatter_", self, dim, index, nullptr, &value);
}
const Tensor& scatter_add_(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src) {
  return scatter_inplace<true>("scatter_add_", self, dim, index, &src, nullptr);
}

}  // namespace rustorch
