#include "rustorch/ops/copy.hpp"

#include <cstring>

#include "rustorch/autograd/function.hpp"
#include "rustorch/core/op_name.hpp"
#include "rustorch/ops/factory.hpp"
#include "rustorch/ops/iter.hpp"
#include "rustorch/ops/reduce.hpp"
#include "rustorch/ops/registry.hpp"

namespace rustorch {

RT_REGISTER_OP("to", true);
RT_REGISTER_OP("contiguous", true);
RT_REGISTER_OP("clone", true);
RT_REGISTER_OP("copy_", true);
RT_REGISTER_OP("fill_", false);
RT_REGISTER_OP("zero_", false);

using autograd::BackwardContext;

template <class To, class From> inline To cast_value(From v) {
  if constexpr (std::is_same_v<To, bool>) return v != From(0);
  else if constexpr (is_complex_v<To> && !is_complex_v<From>) return To(static_cast<typename To::value_type>(v));
  else return static_cast<To>(v);
}

namespace {

// dst (contiguous, rows x cols) = src where src walks its rows with stride 1 and its columns with
// a large stride (a transposed matrix, possibly batched over leading contiguous dims). Copying in
// square tiles keeps both sides in cache; a plain strided loop misses on every source read.
bool transposed_copy(const Tensor& dst, const Tensor& src) {
  const int64_t nd = src.dim();
  if (nd < 2 || !dst.is_contiguous() || dst.shape() != src.shape()) return false;
  const int64_t rows = src.shape()[nd - 2], cols = src.shape()[nd - 1];
  const int64_t rs = src.strides()[nd - 2], cs = src.strides()[nd - 1];
  if (rs != 1 || cs < rows || rows < 16 || cols < 16) return false;
  int64_t batch = 1, batch_stride = rows * cols;
  for (int64_t d = 0; d < nd - 2; ++d) batch *= src.shape()[d];
  if (nd > 2) {
    // Leading dims must be one contiguous run of matrices in the source.
    for (int64_t d = nd - 3, expect = src.strides()[nd - 3]; d >= 0; --d) {
      if (src.shape()[d] != 1 && src.strides()[d] != expect) return false;
      expect = src.strides()[d] * src.shape()[d];
    }
    batch_stride = src.strides()[nd - 3];
  }
  constexpr int64_t kTile = 32;
  dispatch_all_dtypes(dst.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    const T* s = src.data<T>();
    T* d = dst.data<T>();
    const int64_t row_tiles = (rows + kTile - 1) / kTile;
    parallel_for(batch * row_tiles, std::max<int64_t>(1, kParallelGrain / (kTile * cols)), [&](int64_t lo, int64_t hi) {
      for (int64_t job = lo; job < hi; ++job) {
        const int64_t b = job / row_tiles, r0 = (job % row_tiles) * kTile, r1 = std::min(rows, r0 + kTile);
        const T* sb = s + b * batch_stride;
        T* db = d + b * rows * cols;
        for (int64_t c0 = 0; c0 < cols; c0 += kTile) {
          const int64_t c1 = std::min(cols, c0 + kTile);
          for (int64_t r = r0; r < r1; ++r)
            for (int64_t c = c0; c < c1; ++c) db[r * cols + c] = sb[r + c * cs];
        }
      }
    });
  });
  return true;
}

}  // namespace

void copy_kernel(const Tensor& dst, const Tensor& src) {
  if (dst.numel() == 0) return;
  if (dst.dtype() == src.dtype() && dst.is_contiguous() && src.is_contiguous() && dst.shape() == src.shape()) {
    const size_t nbytes = static_cast<size_t>(dst.numel()) * itemsize(dst.dtype());
    char* d = static_cast<char*>(dst.raw_data());
    const char* s = static_cast<const char*>(src.raw_data());
    if (d == s) return;
    parallel_for(static_cast<int64_t>(nbytes), int64_t(1) << 20,
                 [&](int64_t b, int64_t e) { std::memmove(d + b, s + b, static_cast<size_t>(e - b)); });
    return;
  }
  if (dst.dtype() == src.dtype() && transposed_copy(dst, src)) return;
  // complex -> real would drop the imaginary part: refused (complex -> bool is "nonzero", as in torch).
  RT_CHECK(!is_complex(src.dtype()) || is_complex(dst.dtype()) || dst.dtype() == DType::Bool, TypeError,
           current_op_name(), *current_op_name() ? ": " : "", "can't convert a ", dtype_name(src.dtype()), " tensor to ", dtype_name(dst.dtype()),
           ": that would discard the imaginary part; take .real, .imag or abs() first");
  dispatch_all_dtypes(dst.dtype(), [&](auto dt) {
    using To = typename decltype(dt)::type;
    dispatch_all_dtypes(src.dtype(), [&](auto st) {
      using From = typename decltype(st)::type;
      if constexpr (is_complex_v<From> && !is_complex_v<To> && !std::is_same_v<To, bool>) return;  // refused above
      else unary_loop<To, From>(dst, src, [](From v) { return cast_value<To>(v); });
    });
  });
}

Tensor contiguous_as(const Tensor& t, DType dtype) {
  if (t.dtype() == dtype && t.is_contiguous()) return t;
  Tensor out = Tensor::empty(t.shape(), dtype);
  copy_kernel(out, t);
  return out;
}

Tensor to_dtype(const Tensor& t, DType dtype) {
  if (t.dtype() == dtype) return t;
  Tensor out = Tensor::empty(t.shape(), dtype);
  copy_kernel(out, t);
  if (is_floating(dtype) && is_floating(t.dtype()) && autograd::needs_grad({t})) {
    const DType from = t.dtype();
    autograd::record("ToCopyBackward", {t}, {out}, {},
                     [from](const BackwardContext&, const TensorList& g) -> TensorList { return {to_dtype(g[0], from)}; });
  }
  return out;
}

Tensor clone(const Tensor& t) {
  Tensor out = Tensor::empty(t.shape(), t.dtype());
  copy_kernel(out, t);
  if (autograd::needs_grad({t}))
    autograd::record("CloneBackward", {t}, {out}, {},
                     [](const BackwardContext&, const TensorList& g) -> TensorList { return {g[0]}; });
  return out;
}

Tensor contiguous(const Tensor& t) { return t.is_contiguous() ? t : clone(t); }

const Tensor& copy_(const Tensor& dst, const Tensor& src) {
  RT_CHECK(broadcast_shapes(dst.shape(), src.shape(), "copy_") == dst.shape(), ValueError, "copy_: source of shape ",
           shape_str(src.shape()), " cannot be broadcast to destination of shape ", shape_str(dst.shape()));
  const bool grad = autograd::needs_grad({dst, src}) && is_floating(dst.dtype());
  if (grad) autograd::check_inplace(dst, "copy_");
  // Overlapping memory (e.g. x.copy_(x.T)) must read everything before writing.
  if (src.storage() == dst.storage() && !src.is_same(dst)) {
    Tensor tmp = Tensor::empty(src.shape(), src.dtype());
    copy_kernel(tmp, src);
    copy_kernel(dst, tmp);
  } else {
    copy_kernel(dst, src);
  }
  dst.bump_version();
  if (grad) {
    const DType src_dtype = src.dtype();
    autograd::record("CopyBackwards", {dst, src}, {dst}, {},
                     [src_dtype](const BackwardContext& ctx, const TensorList& g) -> TensorList {
                       TensorList out(2);
                       if (ctx.needs_input_grad(0)) out[0] = zeros(g[0].shape(), g[0].dtype());
                       if (ctx.needs_input_grad(1)) out[1] = to_dtype(g[0], src_dtype);
                       return out;
                     });
  }
  return dst;
}

const Tensor& fill_(const Tensor& t, const Scalar& value) {
  autograd::check_inplace(t, "fill_");
  RT_CHECK(!value.is_complex() || is_complex(t.dtype()), TypeError, "fill_: can't fill a ", dtype_name(t.dtype()),
           " tensor with the complex value (", value.to_complex().real(), ", ", value.to_complex().imag(), ")");
  dispatch_all_dtypes(t.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    const T v = value.to<T>();
    if (t.is_contiguous()) {
      T* p = t.data<T>();
      parallel_for(t.numel(), kParallelGrain, [&](int64_t b, int64_t e) { std::fill(p + b, p + e, v); });
    } else {
      StridedIter<1> it(t.shape(), {t.strides()});
      it.for_each({static_cast<char*>(t.raw_data())}, {int64_t(sizeof(T))},
                  [&](const std::array<char*, 1>& p, const std::array<int64_t, 1>& s, int64_t n) {
                    T* o = reinterpret_cast<T*>(p[0]);
                    for (int64_t i = 0; i < n; ++i) o[i * s[0]] = v;
                  });
    }
  });
  t.bump_version();
  if (t.requires_grad() && autograd::GradMode::is_enabled())
    autograd::record("FillBackward", {t}, {t}, {},
                     [](const BackwardContext&, const TensorList& g) -> TensorList { return {zeros(g[0].shape(), g[0].dtype())}; });
  return t;
}

const Tensor& zero_(const Tensor& t) { return fill_(t, Scalar(int64_t(0))); }

}  // namespace rustorch
