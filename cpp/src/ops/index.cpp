#include "rustorch/ops/index.hpp"
#include "rustorch/core/overlap.hpp"

#include <algorithm>
#include <cstring>

#include "rustorch/autograd/function.hpp"
#include "rustorch/ops/copy.hpp"
#include "rustorch/ops/elementwise.hpp"
#include "rustorch/ops/factory.hpp"
#include "rustorch/ops/iter.hpp"
#include "rustorch/ops/reduce.hpp"
#include "rustorch/ops/registry.hpp"
#include "rustorch/ops/shape.hpp"

namespace rustorch {

using autograd::BackwardContext;

RT_REGISTER_OP("narrow", true);
RT_REGISTER_OP("select", true);
RT_REGISTER_OP("slice", true);
RT_REGISTER_OP("unbind", true);
RT_REGISTER_OP("slice_scatter", true);
RT_REGISTER_OP("select_scatter", true);
RT_REGISTER_OP("index", true);
RT_REGISTER_OP("index_put_", true);
RT_REGISTER_OP("index_put", true);
RT_REGISTER_OP("index_select", true);
RT_REGISTER_OP("index_add_", true);
RT_REGISTER_OP("index_add", true);
RT_REGISTER_OP("take", true);
RT_REGISTER_OP("masked_fill", true);
RT_REGISTER_OP("masked_fill_", true);
RT_REGISTER_OP("masked_select", true);
RT_REGISTER_OP("nonzero", false);
RT_REGISTER_OP("cat", true);
RT_REGISTER_OP("stack", true);
RT_REGISTER_OP("hstack", true);
RT_REGISTER_OP("vstack", true);
RT_REGISTER_OP("split", true);
RT_REGISTER_OP("split_with_sizes", true);
RT_REGISTER_OP("chunk", true);
RT_REGISTER_OP("tensor_split", true);
RT_REGISTER_OP("setitem", true);

// =============================================================================================
// Small helpers

namespace {

int64_t wrap_index(int64_t i, int64_t size, int64_t dim, const char* op) {
  RT_CHECK(i >= -size && i < size, IndexError, op, ": index ", i, " is out of bounds for dimension ", dim,
           " with size ", size);
  return i < 0 ? i + size : i;
}

Scalar scalar_of(const Tensor& t) {
  return dispatch_all_dtypes(t.dtype(), [&](auto tag) -> Scalar {
    using T = typename decltype(tag)::type;
    const T v = *t.data<T>();
    if constexpr (is_complex_v<T>) return Scalar(std::complex<double>(v.real(), v.imag()));
    else if constexpr (std::is_same_v<T, bool>) return Scalar(v);
    else if constexpr (std::is_integral_v<T>) return Scalar(static_cast<int64_t>(v));
    else return Scalar(static_cast<double>(v));
  });
}

Tensor arange_i64(int64_t n) {
  Tensor t = Tensor::empty({n}, DType::Int64);
  int64_t* p = t.data<int64_t>();
  for (int64_t i = 0; i < n; ++i) p[i] = i;
  return t;
}

// Offset (in elements) of linear position `pos` over `sizes` with `strides`.
inline int64_t unravel_offset(int64_t pos, const Shape& sizes, const Shape& strides) {
  int64_t off = 0;
  for (int64_t d = static_cast<int64_t>(sizes.size()) - 1; d >= 0 && pos > 0; --d) {
    off += (pos % sizes[d]) * strides[d];
    pos /= sizes[d];
  }
  return off;
}

// Merges adjacent dims that are laid out contiguously with each other (size-1 dims dropped).
void coalesce(Shape& sizes, Shape& strides) {
  Shape s, st;
  for (size_t d = 0; d < sizes.size(); ++d) {
    if (sizes[d] == 1) continue;
    if (!s.empty() && st.back() == strides[d] * sizes[d]) {
      s.back() *= sizes[d];
      st.back() = strides[d];
      continue;
    }
    s.push_back(sizes[d]);
    st.push_back(strides[d]);
  }
  sizes = std::move(s);
  strides = std::move(st);
}

// An odometer over (sizes, strides): the element offset of consecutive linear positions.
struct Odometer {
  const Shape& sizes;
  const Shape& strides;
  int64_t idx[16] = {};
  int64_t offset = 0;
  Odometer(const Shape& sz, const Shape& st, int64_t start) : sizes(sz), strides(st) {
    RT_CHECK(sz.size() <= 16, Error, "indexing over more than 16 non-trivial dimensions is not supported");
    for (int64_t d = static_cast<int64_t>(sz.size()) - 1; d >= 0; --d) {
      idx[d] = start % sz[d];
      start /= sz[d];
      offset += idx[d] * st[d];
    }
  }
  void next() {
    for (int64_t d = static_cast<int64_t>(sizes.size()) - 1; d >= 0; --d) {
      offset += strides[d];
      if (++idx[d] < sizes[d]) return;
      offset -= sizes[d] * strides[d];
      idx[d] = 0;
    }
  }
};

// Unsigned integer type with the size of an element: indexing moves bytes, whatever the dtype.
template <class F> decltype(auto) dispatch_itemsize(DType dtype, F&& f) {
  switch (itemsize(dtype)) {
    case 1: return f(TypeTag<uint8_t>{});
    case 4: return f(TypeTag<uint32_t>{});
    default: return f(TypeTag<uint64_t>{});
  }
}

// Counting the true entries of a contiguous bool mask in fixed blocks (thread-count independent),
// so that a second parallel pass knows where each block's output starts.
constexpr int64_t kMaskBlock = 16384;

struct MaskCounts {
  std::vector<int64_t> start;  // output position of each block's first true entry
  int64_t total = 0;
};

MaskCounts count_mask(const bool* m, int64_t n) {
  MaskCounts c;
  const int64_t nblocks = (n + kMaskBlock - 1) / kMaskBlock;
  c.start.assign(static_cast<size_t>(nblocks), 0);
  parallel_blocks(n, kMaskBlock, [&](int64_t b, int64_t lo, int64_t hi) {
    const uint8_t* p = reinterpret_cast<const uint8_t*>(m);
    int64_t k = 0;
    for (int64_t i = lo; i < hi; ++i) k += p[i];
    c.start[b] = k;
  });
  for (auto& s : c.start) {
    const int64_t k = s;
    s = c.total;
    c.total += k;
  }
  return c;
}

// o[i] = v where m[i] (branch-free, vectorized).
template <class T> void masked_fill_run(T* __restrict o, const uint8_t* __restrict m, T v, int64_t n) {
  for (int64_t i = 0; i < n; ++i) o[i] = m[i] ? v : o[i];
}

// dst = value where mask (broadcast to dst) is true.
void masked_fill_kernel(const Tensor& dst, const Tensor& mask, const Scalar& value) {
  dispatch_all_dtypes(dst.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    const T v = value.to<T>();
    if (dst.is_contiguous() && mask.is_contiguous() && mask.shape() == dst.shape()) {
      T* o = dst.data<T>();
      const uint8_t* m = static_cast<const uint8_t*>(mask.raw_data());
      parallel_for(dst.numel(), kParallelGrain, [&](int64_t lo, int64_t hi) { masked_fill_run(o + lo, m + lo, v, hi - lo); });
      return;
    }
    StridedIter<2> it(dst.shape(), {dst.strides(), broadcast_strides(mask, dst.shape())});
    it.for_each({static_cast<char*>(dst.raw_data()), static_cast<char*>(mask.raw_data())}, {int64_t(sizeof(T)), 1},
                [v](const std::array<char*, 2>& p, const std::array<int64_t, 2>& s, int64_t n) {
                  T* o = reinterpret_cast<T*>(p[0]);
                  const uint8_t* m = reinterpret_cast<const uint8_t*>(p[1]);
                  if (s[0] == 1 && s[1] == 1) masked_fill_run(o, m, v, n);
                  else if (s[1] == 0) {
                    if (*m) for (int64_t i = 0; i < n; ++i) o[i * s[0]] = v;
                  } else {
                    for (int64_t i = 0; i < n; ++i) o[i * s[0]] = m[i * s[1]] ? v : o[i * s[0]];
                  }
                });
  });
}

// One past the last true entry of m in [lo, hi) (lo when none): branch-free compaction loops run to
// there, so that their unconditional writes never pass the block's last output.
inline int64_t last_true_end(const bool* m, int64_t lo, int64_t hi) {
  while (hi > lo && !m[hi - 1]) --hi;
  return hi;
}

// Strips leading size-1 dims of `v` beyond the rank of `target` (torch allows x[0] = ones(1, n)).
Tensor strip_leading_ones(const Tensor& v, const Shape& target) {
  if (v.dim() <= static_cast<int64_t>(target.size())) return v;
  int64_t lead = v.dim() - static_cast<int64_t>(target.size());
  int64_t k = 0;
  while (k < lead && v.shape()[k] == 1) ++k;
  if (k == 0) return v;
  return v.as_strided(Shape(v.shape().begin() + k, v.shape().end()), Shape(v.strides().begin() + k, v.strides().end()),
                      v.offset());
}

bool broadcastable_to(const Shape& from, const Shape& to) {
  if (from.size() > to.size()) return false;
  const size_t lead = to.size() - from.size();
  for (size_t i = 0; i < from.size(); ++i)
    if (from[i] != 1 && from[i] != to[lead + i]) return false;
  return true;
}

void check_values_shape(const Tensor& v, const Shape& target, const char* op) {
  RT_CHECK(broadcastable_to(v.shape(), target), ValueError, op, ": shape mismatch: value tensor of shape ",
           shape_str(v.shape()), " cannot be broadcast to indexing result of shape ", shape_str(target));
}

}  // namespace

// =============================================================================================
// Views: select, slice, narrow, unbind, and their scatter (backward) ops

Tensor select(const Tensor& t, int64_t dim, int64_t index) {
  RT_CHECK(t.dim() > 0, IndexError, "select: cannot be applied to a 0-dim tensor (index ", index, ")");
  const int64_t d = wrap_dim(dim, t.dim(), "select");
  const int64_t i = wrap_index(index, t.shape()[d], d, "select");
  Shape sizes = t.shape(), strides = t.strides();
  const int64_t offset = t.offset() + i * strides[d];
  sizes.erase(sizes.begin() + d);
  strides.erase(strides.begin() + d);
  Tensor out = make_view(t, sizes, strides, offset);
  if (autograd::needs_grad({t})) {
    const Shape in_shape = t.shape();
    autograd::record("SelectBackward", {t}, {out}, {}, [in_shape, d, i](const BackwardContext&, const TensorList& g) -> TensorList {
      if (autograd::needs_grad({g[0]})) return {select_scatter(zeros(in_shape, g[0].dtype()), g[0], d, i)};
      Tensor z = zeros(in_shape, g[0].dtype());  // no double backward: write g straight into zeros
      copy_kernel(select(z, d, i), g[0]);
      return {z};
    });
  }
  return out;
}

namespace {
struct SliceBounds {
  int64_t dim, start, end, step, length;
};
SliceBounds slice_bounds(const Tensor& t, int64_t dim, std::optional<int64_t> start, std::optional<int64_t> end,
                         int64_t step, const char* op) {
  RT_CHECK(t.dim() > 0, IndexError, op, ": cannot slice a 0-dim tensor");
  RT_CHECK(step > 0, ValueError, op, ": step must be greater than zero (got ", step, ")");
  const int64_t d = wrap_dim(dim, t.dim(), op);
  const int64_t n = t.shape()[d];
  int64_t s = start.value_or(0), e = end.value_or(n);
  if (s < 0) s += n;
  if (e < 0) e += n;
  s = std::clamp<int64_t>(s, 0, n);
  e = std::clamp<int64_t>(e, s, n);
  return {d, s, e, step, (e - s + step - 1) / step};
}
// The view t[s:e:step] along dim without autograd.
Tensor slice_view(const Tensor& t, const SliceBounds& b) {
  Shape sizes = t.shape(), strides = t.strides();
  sizes[b.dim] = b.length;
  const int64_t offset = t.offset() + (b.length > 0 ? b.start * strides[b.dim] : 0);
  strides[b.dim] *= b.step;
  return make_view(t, sizes, strides, offset);
}
}  // namespace

Tensor slice(const Tensor& t, int64_t dim, std::optional<int64_t> start, std::optional<int64_t> end, int64_t step) {
  const SliceBounds b = slice_bounds(t, dim, start, end, step, "slice");
  Tensor out = slice_view(t, b);
  if (autograd::needs_grad({t})) {
    const Shape in_shape = t.shape();
    autograd::record("SliceBackward", {t}, {out}, {}, [in_shape, b](const BackwardContext&, const TensorList& g) -> TensorList {
      if (autograd::needs_grad({g[0]}))
        return {slice_scatter(zeros(in_shape, g[0].dtype()), g[0], b.dim, b.start, b.end, b.step)};
      Tensor z = zeros(in_shape, g[0].dtype());  // no double backward: write g straight into zeros
      copy_kernel(slice_view(z, b), g[0]);
      return {z};
    });
  }
  return out;
}

Tensor narrow(const Tensor& t, int64_t dim, int64_t start, int64_t length) {
  RT_CHECK(t.dim() > 0, IndexError, "narrow: cannot be applied to a 0-dim tensor");
  const int64_t d = wrap_dim(dim, t.dim(), "narrow");
  const int64_t n = t.shape()[d];
  RT_CHECK(start >= -n && start <= n, IndexError, "narrow: start (", start, ") is out of range for dimension ", d,
           " with size ", n, " (expected in [", -n, ", ", n, "])");
  if (start < 0) start += n;
  RT_CHECK(length >= 0 && start + length <= n, ValueError, "narrow: start (", start, ") + length (", length,
           ") exceeds dimension size (", n, ")");
  return slice(t, d, start, start + length, 1);
}

TensorList unbind(const Tensor& t, int64_t dim) {
  RT_CHECK(t.dim() > 0, IndexError, "unbind: dimension specified as ", dim, " but tensor has no dimensions");
  const int64_t d = wrap_dim(dim, t.dim(), "unbind");
  TensorList out;
  out.reserve(static_cast<size_t>(t.shape()[d]));
  for (int64_t i = 0; i < t.shape()[d]; ++i) out.push_back(select(t, d, i));
  return out;
}

Tensor slice_scatter(const Tensor& t, const Tensor& src, int64_t dim, std::optional<int64_t> start,
                     std::optional<int64_t> end, int64_t step) {
  const SliceBounds b = slice_bounds(t, dim, start, end, step, "slice_scatter");
  Tensor out = clone(t.detach());
  Tensor region = slice_view(out, b);
  RT_CHECK(src.shape() == region.shape(), ValueError, "slice_scatter: expected src to have a size equal to the slice of self. src size = ",
           shape_str(src.shape()), ", slice size = ", shape_str(region.shape()));
  copy_kernel(region, src);
  if (autograd::needs_grad({t, src})) {
    const Shape src_shape = src.shape();
    autograd::record("SliceScatterBackward", {t, src}, {out}, {},
                     [b, src_shape](const BackwardContext& ctx, const TensorList& g) -> TensorList {
                       TensorList r(2);
                       if (ctx.needs_input_grad(0))
                         r[0] = slice_scatter(g[0], zeros(src_shape, g[0].dtype()), b.dim, b.start, b.end, b.step);
                       if (ctx.needs_input_grad(1)) r[1] = slice(g[0], b.dim, b.start, b.end, b.step);
                       return r;
                     });
  }
  return out;
}

Tensor select_scatter(const Tensor& t, const Tensor& src, int64_t dim, int64_t index) {
  RT_CHECK(t.dim() > 0, IndexError, "select_scatter: cannot be applied to a 0-dim tensor");
  const int64_t d = wrap_dim(dim, t.dim(), "select_scatter");
  const int64_t i = wrap_index(index, t.shape()[d], d, "select_scatter");
  Tensor out = clone(t.detach());
  Shape sizes = out.shape(), strides = out.strides();
  const int64_t offset = i * strides[d];
  sizes.erase(sizes.begin() + d);
  strides.erase(strides.begin() + d);
  Tensor region = out.as_strided(sizes, strides, offset);
  RT_CHECK(src.shape() == region.shape(), ValueError, "select_scatter: expected src to have a size equal to the slice of self. src size = ",
           shape_str(src.shape()), ", slice size = ", shape_str(region.shape()));
  copy_kernel(region, src);
  if (autograd::needs_grad({t, src})) {
    const Shape src_shape = src.shape();
    autograd::record("SelectScatterBackward", {t, src}, {out}, {},
                     [d, i, src_shape](const BackwardContext& ctx, const TensorList& g) -> TensorList {
                       TensorList r(2);
                       if (ctx.needs_input_grad(0)) r[0] = select_scatter(g[0], zeros(src_shape, g[0].dtype()), d, i);
                       if (ctx.needs_input_grad(1)) r[1] = select(g[0], d, i);
                       return r;
                     });
  }
  return out;
}

// =============================================================================================
// nonzero

namespace {
// Writes the coordinates of the true entries of a contiguous bool tensor of `shape`: coordinate k of
// the j-th true entry goes to cols[k][j * row_stride].
void nonzero_kernel(const bool* m, const Shape& shape, const MaskCounts& counts, const std::vector<int64_t*>& cols,
                    int64_t row_stride) {
  const int64_t n = shape_numel(shape);
  const int64_t nd = static_cast<int64_t>(shape.size());
  parallel_blocks(n, kMaskBlock, [&](int64_t b, int64_t lo, int64_t hi) {
    int64_t j = counts.start[b];
    int64_t idx[64] = {};
    int64_t rem = lo;
    for (int64_t d = nd - 1; d >= 0; --d) {
      idx[d] = rem % shape[d];
      rem /= shape[d];
    }
    // Branch-free: every position writes its coordinates at j, and j advances past true ones.
    const int64_t end = last_true_end(m, lo, hi);
    const uint8_t* mb = reinterpret_cast<const uint8_t*>(m);
    if (nd == 1) {
      int64_t* c = cols[0];
      for (int64_t i = lo; i < end; ++i) {
        c[j * row_stride] = i;
        j += mb[i];
      }
      return;
    }
    // Runs along the last dim: the outer coordinates stay fixed within a run.
    const int64_t last = nd - 1;
    for (int64_t i = lo; i < end;) {
      const int64_t run = std::min(end - i, shape[last] - idx[last]);
      if (nd == 2) {
        int64_t* c0 = cols[0];
        int64_t* c1 = cols[1];
        const int64_t i0 = idx[0], i1 = idx[1];
        for (int64_t r = 0; r < run; ++r) {
          c0[j * row_stride] = i0;
          c1[j * row_stride] = i1 + r;
          j += mb[i + r];
        }
      } else {
        for (int64_t r = 0; r < run; ++r) {
          for (int64_t k = 0; k < last; ++k) cols[k][j * row_stride] = idx[k];
          cols[last][j * row_stride] = idx[last] + r;
          j += mb[i + r];
        }
      }
      i += run;
      idx[last] += run;
      for (int64_t d = last; d > 0 && idx[d] == shape[d]; --d) {
        idx[d] = 0;
        ++idx[d - 1];
      }
    }
  });
}

Tensor as_bool_mask(const Tensor& t) {
  return t.dtype() == DType::Bool ? contiguous_as(t, DType::Bool) : ne(t.detach(), Scalar(int64_t(0)));
}

// One contiguous int64 tensor per dim with the coordinates of the true entries of a bool mask.
TensorList nonzero_columns(const Tensor& mask) {
  RT_CHECK(mask.dim() <= 64, ValueError, "nonzero: tensors with more than 64 dims are not supported");
  const Tensor m = contiguous_as(mask, DType::Bool);
  const MaskCounts counts = count_mask(m.data<bool>(), m.numel());
  TensorList cols;
  std::vector<int64_t*> ptrs;
  for (int64_t k = 0; k < m.dim(); ++k) {
    cols.push_back(Tensor::empty({counts.total}, DType::Int64));
    ptrs.push_back(cols.back().data<int64_t>());
  }
  nonzero_kernel(m.data<bool>(), m.shape(), counts, ptrs, 1);
  return cols;
}
}  // namespace

Tensor nonzero(const Tensor& t) {
  RT_CHECK(t.dim() <= 64, ValueError, "nonzero: tensors with more than 64 dims are not supported");
  const Tensor m = as_bool_mask(t);
  const MaskCounts counts = count_mask(m.data<bool>(), m.numel());
  Tensor out = Tensor::empty({counts.total, t.dim()}, DType::Int64);
  std::vector<int64_t*> ptrs;
  for (int64_t k = 0; k < t.dim(); ++k) ptrs.push_back(out.data<int64_t>() + k);
  nonzero_kernel(m.data<bool>(), m.shape(), counts, ptrs, t.dim());
  return out;
}

TensorList nonzero_tuple(const Tensor& t) {
  const Tensor m = as_bool_mask(t);
  return nonzero_columns(t.dim() == 0 ? m.as_strided({1}, {1}, m.offset()) : m);
}

// =============================================================================================
// Advanced indexing: geometry, gather and scatter kernels

namespace {

// How t[indices] maps onto t: the result has shape pre + bshape + post; element (p, b, q) is at
// t.data + pre_offset(p) + offs[b] + post_offset(q).
struct IndexGeom {
  Shape pre_sizes, pre_strides;
  Shape bshape;
  std::vector<int64_t> offs;  // one per position of bshape
  Shape post_sizes, post_strides;
  bool unique = false;  // no two positions of the index hit the same element (mask indexing)

  int64_t pre_numel() const { return shape_numel(pre_sizes); }
  int64_t nb() const { return static_cast<int64_t>(offs.size()); }
  int64_t post_numel() const { return shape_numel(post_sizes); }
  Shape out_shape() const {
    Shape s = pre_sizes;
    s.insert(s.end(), bshape.begin(), bshape.end());
    s.insert(s.end(), post_sizes.begin(), post_sizes.end());
    return s;
  }
};

void check_index_dtype(const Tensor& ix, const char* op) {
  RT_CHECK(ix.dtype() == DType::Int64 || ix.dtype() == DType::Bool, IndexError, op,
           ": tensors used as indices must be int64 or bool tensors (got ", dtype_name(ix.dtype()), ")");
}

void check_mask_shape(const Tensor& t, const Tensor& mask, int64_t d, const char* op) {
  RT_CHECK(mask.dim() > 0, IndexError, op, ": a 0-dim bool index is not supported here");
  RT_CHECK(d + mask.dim() <= t.dim(), IndexError, op, ": too many indices for tensor of dimension ", t.dim(),
           " (a bool mask of shape ", shape_str(mask.shape()), " at dim ", d, ")");
  for (int64_t j = 0; j < mask.dim(); ++j)
    RT_CHECK(mask.shape()[j] == t.shape()[d + j], IndexError, op, ": the shape of the mask ", shape_str(mask.shape()),
             " at index ", j, " does not match the shape of the indexed tensor ", shape_str(t.shape()), " at index ",
             d + j);
}

// Expands bool masks into int64 index tensors: one entry per dim of t (undefined: the whole dim).
TensorList expand_indices(const Tensor& t, const TensorList& indices, const char* op, int* n_masks) {
  TensorList per_dim;
  *n_masks = 0;
  for (const Tensor& ix : indices) {
    const int64_t d = static_cast<int64_t>(per_dim.size());
    if (ix.defined() && ix.dtype() == DType::Bool) {
      check_mask_shape(t, ix, d, op);
      for (Tensor& c : nonzero_columns(ix)) per_dim.push_back(std::move(c));
      ++*n_masks;
      continue;
    }
    RT_CHECK(d < t.dim(), IndexError, op, ": too many indices for tensor of dimension ", t.dim());
    if (ix.defined()) check_index_dtype(ix, op);
    per_dim.push_back(ix);
  }
  return per_dim;
}

IndexGeom make_geom(const Tensor& t, const TensorList& indices, const char* op) {
  IndexGeom g;
  int n_masks = 0;
  const TensorList per_dim = expand_indices(t, indices, op, &n_masks);
  const int64_t nd = t.dim();
  std::vector<int64_t> adv;
  for (int64_t d = 0; d < static_cast<int64_t>(per_dim.size()); ++d)
    if (per_dim[d].defined()) adv.push_back(d);
  if (adv.empty()) {
    g.offs.assign(1, 0);
    g.post_sizes = t.shape();
    g.post_strides = t.strides();
    g.unique = true;
    return g;
  }
  // Positions taken from a single bool mask are distinct; other indices may repeat.
  int n_defined = 0;
  for (const Tensor& ix : indices) n_defined += ix.defined();
  g.unique = n_masks == 1 && n_defined == 1;
  // Broadcast shape of the index tensors.
  Shape b = per_dim[adv[0]].shape();
  for (size_t k = 1; k < adv.size(); ++k) {
    const Shape& s = per_dim[adv[k]].shape();
    const size_t n = std::max(b.size(), s.size());
    Shape out(n);
    for (size_t i = 0; i < n; ++i) {
      const int64_t x = i < n - b.size() ? 1 : b[i - (n - b.size())];
      const int64_t y = i < n - s.size() ? 1 : s[i - (n - s.size())];
      RT_CHECK(x == y || x == 1 || y == 1, IndexError, op,
               ": shape mismatch: indexing tensors could not be broadcast together with shapes ", shape_str(b), " and ",
               shape_str(s));
      out[i] = x == 1 ? y : x;
    }
    b = std::move(out);
  }
  g.bshape = b;
  const bool adjacent = adv.back() - adv.front() + 1 == static_cast<int64_t>(adv.size());
  for (int64_t d = 0; d < nd; ++d) {
    if (d < static_cast<int64_t>(per_dim.size()) && per_dim[d].defined()) continue;
    const bool before = adjacent && d < adv.front();
    (before ? g.pre_sizes : g.post_sizes).push_back(t.shape()[d]);
    (before ? g.pre_strides : g.post_strides).push_back(t.strides()[d]);
  }
  const int64_t nb = shape_numel(b);
  g.offs.assign(static_cast<size_t>(nb), 0);
  for (size_t k = 0; k < adv.size(); ++k) {
    const int64_t d = adv[k];
    const Tensor& ix = per_dim[d];
    const Tensor e = contiguous_as(ix.shape() == b ? ix : ix.as_strided(b, broadcast_strides(ix, b), ix.offset()), DType::Int64);
    const int64_t* p = e.data<int64_t>();
    const int64_t size = t.shape()[d], stride = t.strides()[d];
    int64_t* offs = g.offs.data();
    parallel_for(nb, kParallelGrain, [&](int64_t lo, int64_t hi) {
      for (int64_t i = lo; i < hi; ++i) {
        int64_t v = p[i];
        if (v < 0) v += size;
        if (static_cast<uint64_t>(v) >= static_cast<uint64_t>(size))
          RT_THROW(IndexError, op, ": index ", p[i], " is out of bounds for dimension ", d, " with size ", size);
        offs[i] += v * stride;
      }
    });
  }
  return g;
}

// A single leading bool mask (x[mask], x[mask] = v): handled by a direct pass over the mask.
bool is_leading_mask(const TensorList& indices) {
  if (indices.empty() || !indices[0].defined() || indices[0].dtype() != DType::Bool || indices[0].dim() == 0)
    return false;
  for (size_t k = 1; k < indices.size(); ++k)
    if (indices[k].defined()) return false;
  return true;
}

struct MaskGeom {
  Tensor mask;  // contiguous bool
  Shape mask_sizes, mask_strides;  // t's dims covered by the mask, coalesced
  Shape post_sizes, post_strides;
  MaskCounts counts;
};

MaskGeom make_mask_geom(const Tensor& t, const Tensor& mask, const char* op) {
  check_mask_shape(t, mask, 0, op);
  MaskGeom g;
  g.mask = contiguous_as(mask, DType::Bool);
  const int64_t k = mask.dim();
  g.mask_sizes.assign(t.shape().begin(), t.shape().begin() + k);
  g.mask_strides.assign(t.strides().begin(), t.strides().begin() + k);
  g.post_sizes.assign(t.shape().begin() + k, t.shape().end());
  g.post_strides.assign(t.strides().begin() + k, t.strides().end());
  g.counts = count_mask(g.mask.data<bool>(), g.mask.numel());
  return g;
}

// Calls row(m, j) for every true mask position m (j: its rank among the true positions), with the
// element offset of row m in t; blocks run in parallel.
template <class F> void for_each_mask_row(const MaskGeom& g, F&& row) {
  const bool* m = g.mask.data<bool>();
  Shape sizes = g.mask_sizes, strides = g.mask_strides;
  coalesce(sizes, strides);
  parallel_blocks(g.mask.numel(), kMaskBlock, [&](int64_t b, int64_t lo, int64_t hi) {
    int64_t j = g.counts.start[b];
    if (sizes.empty()) {  // all covered dims have size 1
      for (int64_t i = lo; i < hi; ++i)
        if (m[i]) row(int64_t(0), j++);
      return;
    }
    if (sizes.size() == 1) {
      const int64_t st = strides[0];
      for (int64_t i = lo; i < hi; ++i)
        if (m[i]) row(i * st, j++);
      return;
    }
    Odometer od(sizes, strides, lo);
    for (int64_t i = lo; i < hi; ++i, od.next())
      if (m[i]) row(od.offset, j++);
  });
}

// The single mask dim (after coalescing) when each mask position selects one element, else 0.
bool single_stride(const MaskGeom& g, int64_t* stride) {
  if (shape_numel(g.post_sizes) != 1) return false;
  Shape sizes = g.mask_sizes, strides = g.mask_strides;
  coalesce(sizes, strides);
  if (sizes.size() != 1) return false;
  *stride = strides[0];
  return true;
}

// out[j] = t[m] for one element per mask position: a branch-free compaction.
template <class E> bool compact_1d(const MaskGeom& g, const E* src, E* out) {
  int64_t st = 0;
  if (!single_stride(g, &st)) return false;
  const bool* m = g.mask.data<bool>();
  const uint8_t* mb = reinterpret_cast<const uint8_t*>(m);
  parallel_blocks(g.mask.numel(), kMaskBlock, [&](int64_t b, int64_t lo, int64_t hi) {
    int64_t j = g.counts.start[b];
    const int64_t end = last_true_end(m, lo, hi);
    if (st == 1) {
      for (int64_t i = lo; i < end; ++i) {
        out[j] = src[i];
        j += mb[i];
      }
    } else {
      for (int64_t i = lo; i < end; ++i) {
        out[j] = src[i * st];
        j += mb[i];
      }
    }
  });
  return true;
}

// t[m] (op)= v[j] for one element per mask position: branch-free.
template <class T, bool Acc> bool expand_1d(const MaskGeom& g, T* dst, const T* v) {
  int64_t st = 0;
  if (!single_stride(g, &st)) return false;
  const bool* m = g.mask.data<bool>();
  const uint8_t* mb = reinterpret_cast<const uint8_t*>(m);
  parallel_blocks(g.mask.numel(), kMaskBlock, [&](int64_t b, int64_t lo, int64_t hi) {
    int64_t j = g.counts.start[b];
    const int64_t end = last_true_end(m, lo, hi);
    for (int64_t i = lo; i < end; ++i) {
      T& d = dst[i * st];
      const T x = v[j];
      if constexpr (Acc) d = static_cast<T>(d + (mb[i] ? x : T(0)));
      else d = mb[i] ? x : d;
      j += mb[i];
    }
  });
  return true;
}

// Copies P elements laid out by (post_sizes, post_strides) at `src` into contiguous `dst` (or the
// reverse). `it` iterates over post with strides {post strides, contiguous}.
template <class E> struct PostCopy {
  int64_t P;
  bool contiguous;
  std::optional<StridedIter<2>> it;

  PostCopy(const Shape& sizes, const Shape& strides) : P(shape_numel(sizes)) {
    contiguous = is_contiguous_layout(sizes, strides);
    if (!contiguous) it.emplace(sizes, std::array<Shape, 2>{strides, contiguous_strides(sizes)});
  }
  void gather(const E* src, E* dst) const {
    if (P == 1) *dst = *src;
    else if (contiguous) std::memcpy(dst, src, static_cast<size_t>(P) * sizeof(E));
    else
      it->for_range({reinterpret_cast<char*>(const_cast<E*>(src)), reinterpret_cast<char*>(dst)},
                    {int64_t(sizeof(E)), int64_t(sizeof(E))}, 0, P,
                    [](const std::array<char*, 2>& p, const std::array<int64_t, 2>& s, int64_t n) {
                      const E* x = reinterpret_cast<const E*>(p[0]);
                      E* o = reinterpret_cast<E*>(p[1]);
                      for (int64_t i = 0; i < n; ++i) o[i * s[1]] = x[i * s[0]];
                    });
  }
  // dst (post layout) op= src (contiguous, or one value repeated when scalar), over [q0, q1).
  template <class T, bool Acc> void scatter(T* dst, const T* src, bool scalar, int64_t q0, int64_t q1) const {
    auto apply = [](T& d, T v) {
      if constexpr (Acc) d = static_cast<T>(d + v);
      else d = v;
    };
    if (contiguous) {
      if (scalar) {
        const T v = *src;
        for (int64_t q = q0; q < q1; ++q) apply(dst[q], v);
      } else {
        for (int64_t q = q0; q < q1; ++q) apply(dst[q], src[q]);
      }
      return;
    }
    it->for_range({reinterpret_cast<char*>(dst), reinterpret_cast<char*>(const_cast<T*>(src))},
                  {int64_t(sizeof(T)), scalar ? 0 : int64_t(sizeof(T))}, q0, q1,
                  [&](const std::array<char*, 2>& p, const std::array<int64_t, 2>& s, int64_t n) {
                    T* o = reinterpret_cast<T*>(p[0]);
                    const T* x = reinterpret_cast<const T*>(p[1]);
                    const int64_t sx = scalar ? 0 : s[1];
                    for (int64_t i = 0; i < n; ++i) apply(o[i * s[0]], x[i * sx]);
                  });
  }
};

// out (contiguous, out_shape) = t[geom].
template <class E> void gather_kernel(const IndexGeom& g, const E* src, E* out) {
  const int64_t nb = g.nb(), rows = g.pre_numel() * nb;
  const PostCopy<E> post(g.post_sizes, g.post_strides);
  const int64_t P = post.P;
  if (rows == 0 || P == 0) return;
  const int64_t* offs = g.offs.data();
  if (P == 1 && g.pre_sizes.empty()) {
    parallel_for(nb, kParallelGrain, [&](int64_t lo, int64_t hi) {
      for (int64_t b = lo; b < hi; ++b) out[b] = src[offs[b]];
    });
    return;
  }
  parallel_for(rows, std::max<int64_t>(1, kParallelGrain / P), [&](int64_t r0, int64_t r1) {
    int64_t p = r0 / nb, b = r0 % nb;
    int64_t pre_off = unravel_offset(p, g.pre_sizes, g.pre_strides);
    E* o = out + r0 * P;
    for (int64_t r = r0; r < r1; ++r, o += P) {
      post.gather(src + pre_off + offs[b], o);
      if (++b == nb) {
        b = 0;
        pre_off = unravel_offset(++p, g.pre_sizes, g.pre_strides);
      }
    }
  });
}

// t[geom] (op)= values, values contiguous of out_shape or a single value (scalar).
template <class T, bool Acc> void scatter_kernel(const IndexGeom& g, T* dst, const T* v, bool scalar) {
  const int64_t nb = g.nb(), npre = g.pre_numel(), rows = npre * nb;
  const PostCopy<T> post(g.post_sizes, g.post_strides);
  const int64_t P = post.P;
  if (rows == 0 || P == 0) return;
  const int64_t* offs = g.offs.data();
  auto run_rows = [&](int64_t r0, int64_t r1, int64_t q0, int64_t q1) {
    int64_t p = r0 / nb, b = r0 % nb;
    int64_t pre_off = unravel_offset(p, g.pre_sizes, g.pre_strides);
    for (int64_t r = r0; r < r1; ++r) {
      post.template scatter<T, Acc>(dst + pre_off + offs[b], scalar ? v : v + r * P, scalar, q0, q1);
      if (++b == nb) {
        b = 0;
        pre_off = unravel_offset(++p, g.pre_sizes, g.pre_strides);
      }
    }
  };
  // Rows may hit the same element (repeated indices): split only where that keeps each element's
  // updates in one thread and in order, so results are deterministic.
  if (g.unique) {
    parallel_for(rows, std::max<int64_t>(1, kParallelGrain / P), [&](int64_t r0, int64_t r1) { run_rows(r0, r1, 0, P); });
  } else if (npre > 1 && rows * P >= kParallelGrain) {
    parallel_for(npre, std::max<int64_t>(1, kParallelGrain / (nb * P)),
                 [&](int64_t p0, int64_t p1) { run_rows(p0 * nb, p1 * nb, 0, P); });
  } else if (P >= kParallelGrain) {
    parallel_for(P, kParallelGrain, [&](int64_t q0, int64_t q1) { run_rows(0, rows, q0, q1); });
  } else {
    run_rows(0, rows, 0, P);
  }
}

// The values of an index_put as a contiguous tensor of `shape` and dtype (or one element when it
// holds a single value), never aliasing `dst`.
Tensor prepare_values(const Tensor& dst, const Tensor& values, const Shape& shape, const char* op, bool* scalar) {
  Tensor v = strip_leading_ones(values, shape);
  check_values_shape(v, shape, op);
  *scalar = v.numel() == 1;
  if (*scalar) {
    Tensor one = Tensor::empty({}, dst.dtype());
    copy_kernel(one, v.as_strided({}, {}, v.offset()));
    return one;
  }
  if (v.shape() == shape && v.is_contiguous() && v.dtype() == dst.dtype() && v.storage() != dst.storage()) return v;
  Tensor out = Tensor::empty(shape, dst.dtype());
  copy_kernel(out, v);
  return out;
}

// out = t[indices] (no autograd).
Tensor index_forward(const Tensor& t, const TensorList& indices, const char* op) {
  if (is_leading_mask(indices)) {
    const MaskGeom g = make_mask_geom(t, indices[0], op);
    Shape shape{g.counts.total};
    shape.insert(shape.end(), g.post_sizes.begin(), g.post_sizes.end());
    Tensor out = Tensor::empty(shape, t.dtype());
    dispatch_itemsize(t.dtype(), [&](auto tag) {
      using E = typename decltype(tag)::type;
      const PostCopy<E> post(g.post_sizes, g.post_strides);
      const E* src = t.data<E>();
      E* o = out.data<E>();
      const int64_t P = post.P;
      if (P == 0) return;
      if (!compact_1d(g, src, o)) for_each_mask_row(g, [&](int64_t off, int64_t j) { post.gather(src + off, o + j * P); });
    });
    return out;
  }
  const IndexGeom g = make_geom(t, indices, op);
  Tensor out = Tensor::empty(g.out_shape(), t.dtype());
  dispatch_itemsize(t.dtype(), [&](auto tag) {
    using E = typename decltype(tag)::type;
    gather_kernel<E>(g, t.data<E>(), out.data<E>());
  });
  return out;
}

// t[indices] (op)= values in place (no autograd, no version bump).
void index_put_kernel(const Tensor& t, const TensorList& indices, const Tensor& values, bool accumulate, const char* op) {
  if (is_leading_mask(indices)) {
    const Tensor& mask = indices[0];
    if (!accumulate && values.numel() == 1 && values.dim() <= t.dim() - mask.dim() + 1) {
      // x[mask] = v: a masked fill with the mask broadcast over the trailing dims.
      check_mask_shape(t, mask, 0, op);
      Shape ms = mask.shape();
      ms.resize(static_cast<size_t>(t.dim()), 1);
      const Tensor m = contiguous_as(mask, DType::Bool);
      masked_fill_kernel(t, m.as_strided(ms, contiguous_strides(ms), m.offset()), scalar_of(values));
      return;
    }
    const MaskGeom g = make_mask_geom(t, mask, op);
    Shape shape{g.counts.total};
    shape.insert(shape.end(), g.post_sizes.begin(), g.post_sizes.end());
    bool scalar = false;
    const Tensor v = prepare_values(t, values, shape, op, &scalar);
    dispatch_all_dtypes(t.dtype(), [&](auto tag) {
      using T = typename decltype(tag)::type;
      const PostCopy<T> post(g.post_sizes, g.post_strides);
      T* dst = t.data<T>();
      const T* src = v.data<T>();
      const int64_t P = post.P;
      if (P == 0) return;
      if (!scalar && (accumulate ? expand_1d<T, true>(g, dst, src) : expand_1d<T, false>(g, dst, src))) return;
      for_each_mask_row(g, [&](int64_t off, int64_t j) {
        if (accumulate) post.template scatter<T, true>(dst + off, scalar ? src : src + j * P, scalar, 0, P);
        else post.template scatter<T, false>(dst + off, scalar ? src : src + j * P, scalar, 0, P);
      });
    });
    return;
  }
  const IndexGeom g = make_geom(t, indices, op);
  bool scalar = false;
  const Tensor v = prepare_values(t, values, g.out_shape(), op, &scalar);
  dispatch_all_dtypes(t.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    if (accumulate) scatter_kernel<T, true>(g, t.data<T>(), v.data<T>(), scalar);
    else scatter_kernel<T, false>(g, t.data<T>(), v.data<T>(), scalar);
  });
}

void record_index_backward(const Tensor& t, const Tensor& out, const TensorList& indices, const char* name) {
  if (!autograd::needs_grad({t})) return;
  const Shape in_shape = t.shape();
  const size_t n = indices.size();
  autograd::record(name, {t}, {out}, indices, [in_shape, n](const BackwardContext& ctx, const TensorList& g) -> TensorList {
    TensorList idx(n);
    for (size_t i = 0; i < n; ++i) idx[i] = ctx.saved(i);
    if (autograd::needs_grad({g[0]})) return {index_put(zeros(in_shape, g[0].dtype()), idx, g[0], true)};
    Tensor z = zeros(in_shape, g[0].dtype());  // no double backward: accumulate g straight into zeros
    index_put_kernel(z, idx, g[0], true, "index backward");
    return {z};
  });
}

autograd::BackwardFn index_put_backward(size_t n, bool accumulate) {
  return [n, accumulate](const BackwardContext& ctx, const TensorList& g) -> TensorList {
    TensorList idx(n);
    for (size_t i = 0; i < n; ++i) idx[i] = ctx.saved(i);
    TensorList r(2);
    if (ctx.needs_input_grad(0))
      r[0] = accumulate ? g[0] : index_put(g[0], idx, zeros({}, g[0].dtype()), false);
    if (ctx.needs_input_grad(1)) r[1] = index(g[0], idx);
    return r;
  };
}

const Tensor& index_put_impl(const Tensor& t, const TensorList& indices, const Tensor& values, bool accumulate,
                             const char* op) {
  const bool grad = autograd::needs_grad({t, values});
  if (grad) autograd::check_inplace(t, op);
  const Tensor v = values.dtype() == t.dtype() ? values : to_dtype(values, t.dtype());
  index_put_kernel(t, indices, v.detach(), accumulate, op);
  t.bump_version();
  if (grad) autograd::record("IndexPutBackward", {t, v}, {t}, indices, index_put_backward(indices.size(), accumulate));
  return t;
}

}  // namespace

Tensor index(const Tensor& t, const TensorList& indices) {
  Tensor out = index_forward(t, indices, "index");
  record_index_backward(t, out, indices, "IndexBackward");
  return out;
}

const Tensor& index_put_(const Tensor& t, const TensorList& indices, const Tensor& values, bool accumulate) {
  return index_put_impl(t, indices, values, accumulate, "index_put_");
}

Tensor index_put(const Tensor& t, const TensorList& indices, const Tensor& values, bool accumulate) {
  Tensor out = clone(t.detach());
  const Tensor v = values.dtype() == t.dtype() ? values : to_dtype(values, t.dtype());
  index_put_kernel(out, indices, v.detach(), accumulate, "index_put");
  if (autograd::needs_grad({t, v}))
    autograd::record("IndexPutBackward", {t, v}, {out}, indices, index_put_backward(indices.size(), accumulate));
  return out;
}

Tensor index_select(const Tensor& t, int64_t dim, const Tensor& index) {
  RT_CHECK(index.dtype() == DType::Int64, TypeError, "index_select: expected index to be an int64 tensor, got ",
           dtype_name(index.dtype()));
  RT_CHECK(index.dim() <= 1, ValueError, "index_select: index should have at most 1 dimension, got shape ",
           shape_str(index.shape()));
  const Tensor idx = index.dim() == 1 ? index : index.as_strided({index.numel()}, {1}, index.offset());
  if (t.dim() == 0) {
    wrap_dim(dim, 0, "index_select");
    return reshape(index_select(reshape(t, {1}), 0, idx), idx.numel() == 1 ? Shape{} : Shape{idx.numel()});
  }
  const int64_t d = wrap_dim(dim, t.dim(), "index_select");
  TensorList indices(static_cast<size_t>(d) + 1);
  indices[d] = idx;
  Tensor out = index_forward(t, indices, "index_select");
  record_index_backward(t, out, indices, "IndexSelectBackward");
  return out;
}

const Tensor& index_add_(const Tensor& t, int64_t dim, const Tensor& index, const Tensor& source, const Scalar& alpha) {
  RT_CHECK(index.dtype() == DType::Int64, TypeError, "index_add_: expected index to be an int64 tensor, got ",
           dtype_name(index.dtype()));
  RT_CHECK(index.dim() <= 1, ValueError, "index_add_: index should have at most 1 dimension, got shape ",
           shape_str(index.shape()));
  const int64_t d = wrap_dim(dim, t.dim(), "index_add_");
  check_no_internal_overlap(t, "index_add_");
  Shape expected = t.shape();
  if (t.dim() > 0) expected[d] = index.numel();
  RT_CHECK(source.shape() == expected || (t.dim() == 0 && source.numel() == 1), ValueError,
           "index_add_: source of shape ", shape_str(source.shape()), " does not match the expected shape ",
           shape_str(expected), " (self shape ", shape_str(t.shape()), ", index of ", index.numel(), " elements along dim ",
           d, ")");
  const Tensor idx = index.dim() == 1 ? index : index.as_strided({index.numel()}, {1}, index.offset());
  const Tensor src = alpha.to_double() == 1.0 ? source : mul(source, alpha);
  if (t.dim() == 0) return index_put_impl(t, {}, src, true, "index_add_");
  TensorList indices(static_cast<size_t>(d) + 1);
  indices[d] = idx;
  return index_put_impl(t, indices, src, true, "index_add_");
}

Tensor index_add(const Tensor& t, int64_t dim, const Tensor& index, const Tensor& source, const Scalar& alpha) {
  Tensor out = clone(t);
  index_add_(out, dim, index, source, alpha);
  return out;
}

Tensor take(const Tensor& t, const Tensor& index) {
  RT_CHECK(index.dtype() == DType::Int64, TypeError, "take: expected index to be an int64 tensor, got ",
           dtype_name(index.dtype()));
  const Tensor flat = reshape(t, {-1});
  Tensor out = index_forward(flat, {index}, "take");
  record_index_backward(flat, out, {index}, "TakeBackward");
  return out;
}

// =============================================================================================
// masked_fill, masked_select

namespace {
void check_mask(const Tensor& mask, const char* op) {
  RT_CHECK(mask.dtype() == DType::Bool, TypeError, op, ": only supports bool masks, but got mask with dtype ",
           dtype_name(mask.dtype()));
}

Tensor masked_fill_grad(const Tensor& mask, const Tensor& g) { return where(mask, zeros({}, g.dtype()), g); }
Tensor masked_value_grad(const Tensor& mask, const Tensor& g) {
  return sum(where(mask, g, zeros({}, g.dtype())), {}, false);
}
}  // namespace

Tensor masked_fill(const Tensor& t, const Tensor& mask, const Scalar& value) {
  check_mask(mask, "masked_fill");
  Tensor out = Tensor::empty(broadcast_shapes(t.shape(), mask.shape(), "masked_fill"), t.dtype());
  copy_kernel(out, t);
  masked_fill_kernel(out, mask, value);
  if (autograd::needs_grad({t}))
    autograd::record("MaskedFillBackward", {t}, {out}, {mask}, [](const BackwardContext& ctx, const TensorList& g) -> TensorList {
      return {masked_fill_grad(ctx.saved(0), g[0])};
    });
  return out;
}

Tensor masked_fill(const Tensor& t, const Tensor& mask, const Tensor& value) {
  RT_CHECK(value.dim() == 0, ValueError, "masked_fill: only supports a 0-dimensional value tensor, but got a tensor with ",
           value.dim(), " dimension(s)");
  check_mask(mask, "masked_fill");
  Tensor out = Tensor::empty(broadcast_shapes(t.shape(), mask.shape(), "masked_fill"), t.dtype());
  copy_kernel(out, t);
  masked_fill_kernel(out, mask, scalar_of(value));
  if (autograd::needs_grad({t, value}))
    autograd::record("MaskedFillBackward", {t, value}, {out}, {mask},
                     [](const BackwardContext& ctx, const TensorList& g) -> TensorList {
                       TensorList r(2);
                       const Tensor m = ctx.saved(0);
                       if (ctx.needs_input_grad(0)) r[0] = masked_fill_grad(m, g[0]);
                       if (ctx.needs_input_grad(1)) r[1] = masked_value_grad(m, g[0]);
                       return r;
                     });
  return out;
}

namespace {
const Tensor& masked_fill_inplace(const Tensor& t, const Tensor& mask, const Scalar& value, const Tensor& value_t) {
  check_mask(mask, "masked_fill_");
  RT_CHECK(broadcastable_to(mask.shape(), t.shape()), ValueError, "masked_fill_: mask of shape ", shape_str(mask.shape()),
           " cannot be broadcast to the tensor's shape ", shape_str(t.shape()));
  const bool grad = autograd::needs_grad({t, value_t});
  if (grad) autograd::check_inplace(t, "masked_fill_");
  const Tensor m = mask.storage() == t.storage() ? clone(mask) : mask;
  masked_fill_kernel(t, m, value);
  t.bump_version();
  if (grad)
    autograd::record("MaskedFillBackward", {t, value_t}, {t}, {m},
                     [](const BackwardContext& ctx, const TensorList& g) -> TensorList {
                       TensorList r(2);
                       const Tensor mk = ctx.saved(0);
                       if (ctx.needs_input_grad(0)) r[0] = masked_fill_grad(mk, g[0]);
                       if (ctx.needs_input_grad(1)) r[1] = masked_value_grad(mk, g[0]);
                       return r;
                     });
  return t;
}
}  // namespace

const Tensor& masked_fill_(const Tensor& t, const Tensor& mask, const Scalar& value) {
  return masked_fill_inplace(t, mask, value, Tensor());
}

const Tensor& masked_fill_(const Tensor& t, const Tensor& mask, const Tensor& value) {
  RT_CHECK(value.dim() == 0, ValueError, "masked_fill_: only supports a 0-dimensional value tensor, but got a tensor with ",
           value.dim(), " dimension(s)");
  return masked_fill_inplace(t, mask, scalar_of(value), value);
}

Tensor masked_select(const Tensor& t, const Tensor& mask) {
  check_mask(mask, "masked_select");
  const Shape shape = broadcast_shapes(t.shape(), mask.shape(), "masked_select");
  const Tensor tb = t.shape() == shape ? t : expand(t, shape);
  const Tensor mb = mask.shape() == shape ? mask : mask.as_strided(shape, broadcast_strides(mask, shape), mask.offset());
  if (shape.empty()) return index(reshape(tb, {1}), {mb.as_strided({1}, {1}, mb.offset())});
  return index(tb, {mb});
}

// =============================================================================================
// Joining and splitting

Tensor cat(const TensorList& tensors, int64_t dim) {
  RT_CHECK(!tensors.empty(), ValueError, "cat: expected a non-empty list of tensors");
  // torch skips 1-D empty tensors of shape (0,) when checking and concatenating.
  auto skipped = [](const Tensor& t) { return t.dim() == 1 && t.shape()[0] == 0; };
  size_t ref = 0;
  while (ref < tensors.size() && skipped(tensors[ref])) ++ref;
  DType dtype = tensors[0].dtype();
  for (size_t i = 0; i < tensors.size(); ++i) {
    RT_CHECK(tensors[i].defined(), ValueError, "cat: tensor ", i, " is undefined");
    RT_CHECK(tensors[i].dim() > 0, ValueError, "cat: zero-dimensional tensor (at position ", i, ") cannot be concatenated");
    dtype = promote_types(dtype, tensors[i].dtype());
  }
  if (ref == tensors.size()) ref = 0;  // all are (0,): the result is (0,)
  const Tensor& r = tensors[ref];
  const int64_t nd = r.dim();
  const int64_t d = wrap_dim(dim, nd, "cat");
  Shape out_shape = r.shape();
  out_shape[d] = 0;
  std::vector<int64_t> sizes(tensors.size(), -1);
  for (size_t i = 0; i < tensors.size(); ++i) {
    const Tensor& t = tensors[i];
    if (skipped(t) && i != ref) continue;
    RT_CHECK(t.dim() == nd, ValueError, "cat: tensors must have the same number of dimensions: got ", nd, " and ",
             t.dim(), " (tensor ", ref, " has shape ", shape_str(r.shape()), ", tensor ", i, " has shape ",
             shape_str(t.shape()), ")");
    for (int64_t k = 0; k < nd; ++k)
      RT_CHECK(k == d || t.shape()[k] == r.shape()[k], ValueError, "cat: sizes of tensors must match except in dimension ",
               d, ". Expected size ", r.shape()[k], " but got size ", t.shape()[k], " for tensor number ", i,
               " in the list (shapes ", shape_str(r.shape()), " and ", shape_str(t.shape()), ")");
    sizes[i] = t.shape()[d];
    out_shape[d] += sizes[i];
  }
  Tensor out = Tensor::empty(out_shape, dtype);
  if (out.numel() > 0) {
    const int64_t outer = shape_numel(Shape(out_shape.begin(), out_shape.begin() + d));
    const int64_t inner = shape_numel(Shape(out_shape.begin() + d + 1, out_shape.end()));
    const int64_t row = out_shape[d] * inner;  // elements per outer row of out
    const size_t isz = itemsize(dtype);
    bool fast = true;
    for (size_t i = 0; i < tensors.size(); ++i)
      if (sizes[i] > 0) fast &= tensors[i].is_contiguous() && tensors[i].dtype() == dtype;
    if (fast) {
      std::vector<int64_t> offs(tensors.size(), 0);
      int64_t acc = 0;
      for (size_t i = 0; i < tensors.size(); ++i) {
        offs[i] = acc;
        acc += std::max<int64_t>(sizes[i], 0) * inner;
      }
      char* o = static_cast<char*>(out.raw_data());
      auto copy_rows = [&](int64_t r0, int64_t r1) {
        for (int64_t rr = r0; rr < r1; ++rr)
          for (size_t i = 0; i < tensors.size(); ++i) {
            if (sizes[i] <= 0) continue;
            const int64_t n = sizes[i] * inner;
            std::memcpy(o + (rr * row + offs[i]) * isz, static_cast<const char*>(tensors[i].raw_data()) + rr * n * isz,
                        static_cast<size_t>(n) * isz);
          }
      };
      if (outer == 1) {
        // One row: copy input by input, each big copy split over threads.
        for (size_t i = 0; i < tensors.size(); ++i) {
          if (sizes[i] <= 0) continue;
          const int64_t nbytes = sizes[i] * inner * static_cast<int64_t>(isz);
          char* dst = o + offs[i] * isz;
          const char* src = static_cast<const char*>(tensors[i].raw_data());
          parallel_for(nbytes, int64_t(1) << 18, [&](int64_t b, int64_t e) { std::memcpy(dst + b, src + b, e - b); });
        }
      } else {
        parallel_for(outer, std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(row, 1)), copy_rows);
      }
    } else {
      int64_t off = 0;
      for (size_t i = 0; i < tensors.size(); ++i) {
        if (sizes[i] <= 0) continue;
        Shape sz = out_shape;
        sz[d] = sizes[i];
        copy_kernel(out.as_strided(sz, out.strides(), off * out.strides()[d]), tensors[i]);
        off += sizes[i];
      }
    }
  }
  if (autograd::needs_grad(tensors)) {
    autograd::record("CatBackward", tensors, {out}, {}, [sizes, d](const BackwardContext& ctx, const TensorList& g) -> TensorList {
      TensorList r(sizes.size());
      int64_t off = 0;
      for (size_t i = 0; i < sizes.size(); ++i) {
        if (sizes[i] < 0) {
          if (ctx.needs_input_grad(i)) r[i] = zeros({0}, g[0].dtype());
          continue;
        }
        if (ctx.needs_input_grad(i)) r[i] = narrow(g[0], d, off, sizes[i]);
        off += sizes[i];
      }
      return r;
    });
  }
  return out;
}

Tensor stack(const TensorList& tensors, int64_t dim) {
  RT_CHECK(!tensors.empty(), ValueError, "stack: expected a non-empty list of tensors");
  const Shape& s0 = tensors[0].shape();
  DType dtype = tensors[0].dtype();
  for (size_t i = 1; i < tensors.size(); ++i) {
    RT_CHECK(tensors[i].shape() == s0, ValueError, "stack: expects each tensor to be equal size, but got ", shape_str(s0),
             " at entry 0 and ", shape_str(tensors[i].shape()), " at entry ", i);
    dtype = promote_types(dtype, tensors[i].dtype());
  }
  const int64_t n = static_cast<int64_t>(tensors.size());
  const int64_t d = wrap_dim(dim, static_cast<int64_t>(s0.size()) + 1, "stack");
  Shape out_shape = s0;
  out_shape.insert(out_shape.begin() + d, n);
  Tensor out = Tensor::empty(out_shape, dtype);
  // out viewed as [outer, n, inner]: input i fills [:, i, :].
  const int64_t outer = shape_numel(Shape(s0.begin(), s0.begin() + d));
  const int64_t inner = shape_numel(Shape(s0.begin() + d, s0.end()));
  bool fast = true;
  for (const Tensor& t : tensors) fast &= t.is_contiguous() && t.dtype() == dtype;
  if (out.numel() > 0 && fast) {
    const size_t bytes = static_cast<size_t>(inner) * itemsize(dtype);
    char* o = static_cast<char*>(out.raw_data());
    parallel_for(outer * n, std::max<int64_t>(1, kParallelGrain / inner), [&](int64_t r0, int64_t r1) {
      for (int64_t r = r0; r < r1; ++r) {
        const int64_t oi = r / n, i = r % n;
        std::memcpy(o + r * bytes, static_cast<const char*>(tensors[i].raw_data()) + oi * bytes, bytes);
      }
    });
  } else if (out.numel() > 0) {
    Shape strides = out.strides();
    const int64_t step = strides[d];
    strides.erase(strides.begin() + d);
    for (int64_t i = 0; i < n; ++i) copy_kernel(out.as_strided(s0, strides, i * step), tensors[i]);
  }
  if (autograd::needs_grad(tensors))
    autograd::record("StackBackward", tensors, {out}, {}, [n, d](const BackwardContext& ctx, const TensorList& g) -> TensorList {
      TensorList r(static_cast<size_t>(n));
      for (int64_t i = 0; i < n; ++i)
        if (ctx.needs_input_grad(i)) r[i] = select(g[0], d, i);
      return r;
    });
  return out;
}

Tensor hstack(const TensorList& tensors) {
  RT_CHECK(!tensors.empty(), ValueError, "hstack: expected a non-empty list of tensors");
  TensorList parts;
  bool all_1d = true;
  for (const Tensor& t : tensors) {
    parts.push_back(t.dim() == 0 ? reshape(t, {1}) : t);
    all_1d &= parts.back().dim() == 1;
  }
  return cat(parts, all_1d ? 0 : 1);
}

Tensor vstack(const TensorList& tensors) {
  RT_CHECK(!tensors.empty(), ValueError, "vstack: expected a non-empty list of tensors");
  TensorList parts;
  for (const Tensor& t : tensors) parts.push_back(t.dim() < 2 ? reshape(t, {1, t.numel()}) : t);
  return cat(parts, 0);
}

TensorList split_with_sizes(const Tensor& t, const std::vector<int64_t>& sizes, int64_t dim) {
  RT_CHECK(t.dim() > 0, IndexError, "split_with_sizes: cannot split a 0-dim tensor");
  const int64_t d = wrap_dim(dim, t.dim(), "split_with_sizes");
  int64_t total = 0;
  for (int64_t s : sizes) {
    RT_CHECK(s >= 0, ValueError, "split_with_sizes: split sizes must be non-negative, got ", shape_str(sizes));
    total += s;
  }
  RT_CHECK(total == t.shape()[d], ValueError, "split_with_sizes: expects split_sizes to sum exactly to ", t.shape()[d],
           " (input tensor's size at dimension ", d, "), but got split_sizes=", shape_str(sizes));
  TensorList out;
  int64_t off = 0;
  for (int64_t s : sizes) {
    out.push_back(slice(t, d, off, off + s, 1));
    off += s;
  }
  return out;
}

TensorList split(const Tensor& t, int64_t split_size, int64_t dim) {
  RT_CHECK(t.dim() > 0, IndexError, "split: cannot split a 0-dim tensor");
  const int64_t d = wrap_dim(dim, t.dim(), "split");
  const int64_t n = t.shape()[d];
  RT_CHECK(split_size >= 0, ValueError, "split: split_size must be non-negative, got ", split_size);
  RT_CHECK(split_size > 0 || n == 0, ValueError, "split: split_size can only be 0 if dimension size is 0, but got dimension size of ", n);
  if (n == 0) return {slice(t, d, 0, 0, 1)};
  std::vector<int64_t> sizes;
  for (int64_t off = 0; off < n; off += split_size) sizes.push_back(std::min(split_size, n - off));
  return split_with_sizes(t, sizes, d);
}

TensorList chunk(const Tensor& t, int64_t chunks, int64_t dim) {
  RT_CHECK(t.dim() > 0, IndexError, "chunk: cannot chunk a 0-dim tensor");
  RT_CHECK(chunks > 0, ValueError, "chunk: number of chunks must be greater than 0, got ", chunks);
  const int64_t d = wrap_dim(dim, t.dim(), "chunk");
  const int64_t n = t.shape()[d];
  if (n == 0) return split_with_sizes(t, std::vector<int64_t>(static_cast<size_t>(chunks), 0), d);
  return split(t, (n + chunks - 1) / chunks, d);
}

TensorList tensor_split(const Tensor& t, int64_t sections, int64_t dim) {
  RT_CHECK(t.dim() > 0, IndexError, "tensor_split: expected at least a 1-dimensional tensor");
  RT_CHECK(sections > 0, ValueError, "tensor_split: number of sections must be larger than 0, got ", sections);
  const int64_t d = wrap_dim(dim, t.dim(), "tensor_split");
  const int64_t n = t.shape()[d], q = n / sections, rem = n % sections;
  std::vector<int64_t> sizes;
  for (int64_t i = 0; i < sections; ++i) sizes.push_back(q + (i < rem ? 1 : 0));
  return split_with_sizes(t, sizes, d);
}

TensorList tensor_split(const Tensor& t, const std::vector<int64_t>& indices, int64_t dim) {
  RT_CHECK(t.dim() > 0, IndexError, "tensor_split: expected at least a 1-dimensional tensor");
  const int64_t d = wrap_dim(dim, t.dim(), "tensor_split");
  TensorList out;
  int64_t prev = 0;
  for (int64_t i : indices) {
    out.push_back(slice(t, d, prev, std::max(prev, i), 1));
    prev = std::max(prev, i);
  }
  out.push_back(slice(t, d, prev, std::nullopt, 1));
  return out;
}

// =============================================================================================
// Python-style indexing

namespace {

// Applies the basic part of `index` (ints, slices, None, Ellipsis, bools, 0-d int tensors) as views
// and collects the tensor indices, aligned with the dims of the result, into `adv` (left empty when
// there are none).
Tensor apply_basic(const Tensor& t, const std::vector<TensorIndex>& index, TensorList& adv, const char* op) {
  using K = TensorIndex::Kind;
  int64_t consumed = 0;
  int ellipses = 0;
  for (const TensorIndex& ix : index) {
    switch (ix.kind) {
      case K::Integer:
      case K::Slice: ++consumed; break;
      case K::Ellipsis: ++ellipses; break;
      case K::Tensor:
        check_index_dtype(ix.tensor, op);
        consumed += ix.tensor.dtype() == DType::Bool ? ix.tensor.dim() : 1;
        break;
      default: break;
    }
  }
  RT_CHECK(ellipses <= 1, IndexError, op, ": an index can only have a single ellipsis ('...')");
  RT_CHECK(consumed <= t.dim(), IndexError, op, ": too many indices for tensor of dimension ", t.dim(), " (got ",
           consumed, ")");
  Tensor r = t;
  int64_t dim = 0;
  bool any_adv = false;
  adv.clear();
  auto empty_index = [] { return Tensor::empty({0}, DType::Int64); };
  for (const TensorIndex& ix : index) {
    switch (ix.kind) {
      case K::None:
        r = unsqueeze(r, dim++);
        adv.emplace_back();
        break;
      case K::Ellipsis:
        for (int64_t k = 0; k < t.dim() - consumed; ++k) adv.emplace_back();
        dim += t.dim() - consumed;
        break;
      case K::Integer: r = select(r, dim, ix.integer); break;
      case K::Slice:
        r = slice(r, dim++, ix.start, ix.stop, ix.step);
        adv.emplace_back();
        break;
      case K::Boolean:
        r = unsqueeze(r, dim++);
        adv.push_back(ix.boolean ? Tensor() : empty_index());
        any_adv |= !ix.boolean;
        break;
      case K::Tensor: {
        const Tensor& x = ix.tensor;
        if (x.dim() == 0 && x.dtype() == DType::Int64) {
          r = select(r, dim, *x.data<int64_t>());
        } else if (x.dim() == 0) {  // 0-d bool: like a Python bool
          const bool b = *x.data<bool>();
          r = unsqueeze(r, dim++);
          adv.push_back(b ? Tensor() : empty_index());
          any_adv |= !b;
        } else {
          adv.push_back(x);
          any_adv = true;
          dim += x.dtype() == DType::Bool ? x.dim() : 1;
        }
        break;
      }
    }
  }
  if (!any_adv) adv.clear();
  return r;
}

// For each dim d of t, the coordinate along d of every element that `index` selects (shape of the
// indexing result): t[index] = v is then t.index_put_(coords, v).
TensorList coordinate_indices(const Tensor& t, const std::vector<TensorIndex>& index) {
  TensorList coords;
  if (t.dim() == 0) {  // nothing to index, but the index must still be valid
    TensorList adv;
    apply_basic(t.detach(), index, adv, "setitem");
  }
  for (int64_t d = 0; d < t.dim(); ++d) {
    Shape strides(static_cast<size_t>(t.dim()), 0);
    strides[d] = 1;
    const Tensor grid = arange_i64(t.shape()[d]).as_strided(t.shape(), strides, 0);
    TensorList adv;
    const Tensor r = apply_basic(grid, index, adv, "setitem");
    coords.push_back(adv.empty() ? r : index_forward(r, adv, "setitem"));
  }
  return coords;
}

}  // namespace

Tensor get_item(const Tensor& t, const std::vector<TensorIndex>& index) {
  TensorList adv;
  Tensor r = apply_basic(t, index, adv, "index");
  if (!adv.empty()) return ::rustorch::index(r, adv);
  if (r.is_same(t)) return view(t, t.shape());  // x[...] / x[()] : a new view, like torch
  return r;
}

void set_item(const Tensor& t, const std::vector<TensorIndex>& index, const Tensor& value) {
  if (autograd::needs_grad({t, value})) {
    // Recorded as an index_put_ on t itself, so the history of t (not of a view) is extended.
    TensorList coords;
    {
      autograd::GradModeGuard no_grad(false);
      coords = coordinate_indices(t, index);
    }
    const Tensor v = value.dtype() == t.dtype() ? value : to_dtype(value, t.dtype());
    index_put_impl(t, coords, v, false, "setitem");
    return;
  }
  TensorList adv;
  const Tensor r = apply_basic(t, index, adv, "setitem");
  if (adv.empty()) {
    Tensor v = strip_leading_ones(value, r.shape());
    check_values_shape(v, r.shape(), "setitem");
    if (v.storage() == t.storage()) v = clone(v);
    copy_kernel(r, v);
  } else {
    index_put_kernel(r, adv, value, false, "setitem");
  }
  t.bump_version();
}

void set_item(const Tensor& t, const std::vector<TensorIndex>& index, const Scalar& value) {
  if (autograd::needs_grad({t})) return set_item(t, index, scalar_tensor(value, t.dtype()));
  TensorList adv;
  const Tensor r = apply_basic(t, index, adv, "setitem");
  if (adv.empty()) {
    dispatch_all_dtypes(t.dtype(), [&](auto tag) {
      using T = typename decltype(tag)::type;
      const T v = value.to<T>();
      unary_loop<T, T>(r, r, [v](T) { return v; });
    });
  } else {
    index_put_kernel(r, adv, scalar_tensor(value, t.dtype()), false, "setitem");
  }
  t.bump_version();
}

}  // namespace rustorch
