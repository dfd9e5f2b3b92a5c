// GCC keeps -ftrapping-math on by default, which stops it from if-converting the NaN-aware selects
// and clamps in these kernels, so their loops would not vectorize (softmax's exp loop runs ~10x
// slower). Nothing here enables floating-point traps, so the option changes no result.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("no-trapping-math")
#endif

#include "rustorch/ops/reduce.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <type_traits>

#include "rustorch/autograd/function.hpp"
#include "rustorch/ops/copy.hpp"
#include "rustorch/ops/elementwise.hpp"
#include "rustorch/ops/factory.hpp"
#include "rustorch/ops/index.hpp"
#include "rustorch/ops/iter.hpp"
#include "rustorch/ops/registry.hpp"
#include "rustorch/ops/scatter.hpp"
#include "rustorch/ops/shape.hpp"

namespace rustorch {

using autograd::BackwardContext;

RT_REGISTER_OP("sum", true);
RT_REGISTER_OP("mean", true);
RT_REGISTER_OP("prod", true);
RT_REGISTER_OP("max", true);
RT_REGISTER_OP("min", true);
RT_REGISTER_OP("amax", true);
RT_REGISTER_OP("amin", true);
RT_REGISTER_OP("argmax", false);
RT_REGISTER_OP("argmin", false);
RT_REGISTER_OP("var", true);
RT_REGISTER_OP("std", true);
RT_REGISTER_OP("norm", true);
RT_REGISTER_OP("logsumexp", true);
RT_REGISTER_OP("softmax", true);
RT_REGISTER_OP("log_softmax", true);
RT_REGISTER_OP("all", false);
RT_REGISTER_OP("any", false);
RT_REGISTER_OP("cumsum", true);
RT_REGISTER_OP("cumprod", true);

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

// =============================================================================================
// The reduction engine
//
// A reduction is planned once per call: the input's dims are split into kept (output) dims and
// reduced dims, each list sorted by input stride (innermost last) and coalesced. Then:
//  - inner mode (the innermost input dim is reduced): each output element reduces contiguous runs
//    with several independent accumulators (vectorizable);
//  - outer mode (the innermost input dim is kept, e.g. sum(dim=0) of a matrix): a chunk of up to
//    kChunk adjacent outputs is accumulated row by row, vectorized across the outputs.
// Reductions longer than a fixed block are split into blocks whose partial results are combined in
// block order, so the result depends on the shapes only, never on the thread count.

namespace {

// Reductions are defined for real dtypes only here: a complex input is refused by name before any
// dtype rule could convert it.
void check_real(const Tensor& t, const char* op) {
  RT_CHECK(!is_complex(t.dtype()), TypeError, op, ": not supported for complex tensors (got ", dtype_name(t.dtype()), ")");
}

}  // namespace

namespace {

constexpr int kMaxDims = 16;
constexpr int kMaxOperands = 4;
constexpr int64_t kBlock = 16384;  // reduction elements per fixed block (4x that in outer mode)
constexpr int64_t kChunk = 256;    // outputs per task in outer mode

// Walks a row-major multi-index over `size`, keeping each operand's element offset.
struct Odometer {
  int nd = 0, nops = 0;
  int64_t size[kMaxDims] = {};
  int64_t stride[kMaxOperands][kMaxDims] = {};
  int64_t idx[kMaxDims] = {};
  int64_t off[kMaxOperands] = {};

  void add_dim(int64_t n, std::initializer_list<int64_t> strides) {
    RT_CHECK(nd < kMaxDims, Error, "reduction over more than ", kMaxDims, " non-trivial dimensions is not supported");
    size[nd] = n;
    int k = 0;
    for (int64_t s : strides) stride[k++][nd] = s;
    ++nd;
  }
  void seek(int64_t q) {
    for (int k = 0; k < nops; ++k) off[k] = 0;
    for (int d = nd - 1; d >= 0; --d) {
      idx[d] = q % size[d];
      q /= size[d];
      for (int k = 0; k < nops; ++k) off[k] += idx[d] * stride[k][d];
    }
  }
  void next() {
    for (int d = nd - 1; d >= 0; --d) {
      ++idx[d];
      for (int k = 0; k < nops; ++k) off[k] += stride[k][d];
      if (idx[d] < size[d]) return;
      for (int k = 0; k < nops; ++k) off[k] -= size[d] * stride[k][d];
      idx[d] = 0;
    }
  }
};

struct RDim {
  int64_t size, in_stride, out_stride;
};

struct ReducePlan {
  std::vector<RDim> kept, red;  // outer -> inner, coalesced, no size-1 dims
  int64_t out_numel = 1, red_numel = 1;
  bool inner = true;
};

int64_t stride_key(const RDim& d) {
  return d.in_stride == 0 ? std::numeric_limits<int64_t>::max() : std::abs(d.in_stride);
}

void coalesce(std::vector<RDim>& dims) {
  std::vector<RDim> out;
  for (const RDim& d : dims) {
    if (!out.empty()) {
      RDim& o = out.back();
      if (o.in_stride == d.in_stride * d.size && o.out_stride == d.out_stride * d.size) {
        o = RDim{o.size * d.size, d.in_stride, d.out_stride};
        continue;
      }
    }
    out.push_back(d);
  }
  dims.swap(out);
}

// keep_red_order: reduced dims stay in their original order, so that a reduction position is the
// row-major index over the reduced dims (needed by argmax-like reductions).
ReducePlan make_plan(const Shape& sizes, const Shape& strides, const std::vector<bool>& mask, bool keep_red_order) {
  ReducePlan p;
  const size_t nd = sizes.size();
  std::vector<int64_t> ostride(nd, 0);
  int64_t acc = 1;
  for (size_t i = nd; i-- > 0;) {
    if (mask[i]) continue;
    ostride[i] = acc;
    acc *= sizes[i];
  }
  for (size_t i = 0; i < nd; ++i) {
    (mask[i] ? p.red_numel : p.out_numel) *= sizes[i];
    if (sizes[i] != 1) (mask[i] ? p.red : p.kept).push_back(RDim{sizes[i], strides[i], mask[i] ? 0 : ostride[i]});
  }
  auto outer_first = [](const RDim& a, const RDim& b) { return stride_key(a) > stride_key(b); };
  std::stable_sort(p.kept.begin(), p.kept.end(), outer_first);
  if (!keep_red_order) std::stable_sort(p.red.begin(), p.red.end(), outer_first);
  coalesce(p.kept);
  coalesce(p.red);
  if (p.red.empty()) p.red.push_back(RDim{1, 0, 0});
  // Outer mode pays off only when the innermost kept dim is wide enough to vectorize across.
  p.inner = p.kept.empty() || stride_key(p.red.back()) <= stride_key(p.kept.back()) || p.kept.back().size < 8;
  return p;
}

template <class T> constexpr int lanes_of() { return sizeof(T) >= 8 ? 16 : 32; }
// Outputs per register strip in column-wise reductions: 256 bytes of accumulators.
template <class A> constexpr int strip_of() { return static_cast<int>(256 / sizeof(A)); }

template <class T> bool is_nan_value(T v) {
  if constexpr (std::is_floating_point_v<T>) return v != v;
  else return false;
}

template <class T> T lowest_value() {
  if constexpr (std::is_floating_point_v<T>) return -std::numeric_limits<T>::infinity();
  else return std::numeric_limits<T>::lowest();
}
template <class T> T highest_value() {
  if constexpr (std::is_floating_point_v<T>) return std::numeric_limits<T>::infinity();
  else return std::numeric_limits<T>::max();
}

// Combines lanes[0..2H) pairwise into lanes[0]: lanes[k] with lanes[k + H], then halves H. H is a
// compile-time constant so the whole tree unrolls and the lanes stay in registers (a runtime loop over
// H kept them on the stack, costing more per call than a 1,000-element row's main loop).
template <int H, class P, class Acc> inline void fold_lanes(const P& pol, Acc* lanes) {
  if constexpr (H > 0) {
#pragma GCC unroll 32
    for (int k = 0; k < H; ++k) lanes[k] = pol.combine(lanes[k], lanes[k + H]);
    fold_lanes<H / 2>(pol, lanes);
  }
}

// Reduces n contiguous elements at p with P::kLanes independent accumulators (vectorizable).
template <class T, class P> typename P::Acc lanes_run(const P& pol, const T* p, int64_t n, int64_t pos) {
  using Acc = typename P::Acc;
  Acc acc = pol.init();
  int64_t i = 0;
  constexpr int L = P::kLanes;
  if (n >= 2 * L) {
    Acc lanes[L];
    for (int k = 0; k < L; ++k) lanes[k] = pol.init();
    if constexpr (std::is_floating_point_v<Acc>) {
      const int64_t groups = n / L;
      // Floating lanes: the group written out in full (and the loop unrolled by two here, not by
      // GCC), so that the lanes stay in registers throughout. Left to itself GCC unrolls the loop by
      // two and sends the lanes through the stack for the remainder group, a fixed cost per call
      // that shows on 1,000-element rows (sum(dim=1) of float32 1,000x1,000 ~10% slower). Not for
      // bool or integer lanes, whose written-out steps GCC does not vectorize (any/all 100x slower).
#pragma GCC unroll 2
      for (int64_t g = 0; g < groups; ++g) {
        const T* q = p + g * L;
        const int64_t at = pos + g * L;
#pragma GCC unroll 64
        for (int k = 0; k < L; ++k) lanes[k] = pol.step(lanes[k], q[k], at + k);
      }
      i = groups * L;
    } else {
      for (; i + L <= n; i += L)
        for (int k = 0; k < L; ++k) lanes[k] = pol.step(lanes[k], p[i + k], pos + i + k);
    }
    fold_lanes<L / 2>(pol, lanes);
    acc = lanes[0];
  }
  for (; i < n; ++i) acc = pol.step(acc, p[i], pos + i);
  return acc;
}

// Reduces n elements at p (element stride `stride`; reduction positions pos, pos+1, ...). A policy
// may bring its own contiguous-run kernel as run(p, n, pos).
template <class T, class P>
typename P::Acc reduce_run(const P& pol, const T* p, int64_t n, int64_t stride, int64_t pos) {
  if (stride == 1) {
    if constexpr (requires { pol.run(p, n, pos); }) return pol.run(p, n, pos);
    else return lanes_run<T>(pol, p, n, pos);
  }
  typename P::Acc acc = pol.init();
  for (int64_t i = 0; i < n; ++i) acc = pol.step(acc, p[i * stride], pos + i);
  return acc;
}

Odometer kept_odometer(const std::vector<RDim>& dims) {
  Odometer od;
  od.nops = 2;
  for (const RDim& d : dims) od.add_dim(d.size, {d.in_stride, d.out_stride});
  return od;
}

template <class T, class P> void reduce_inner(const T* in, const ReducePlan& plan, const P& pol) {
  using Acc = typename P::Acc;
  const int64_t O = plan.out_numel, R = plan.red_numel;
  const bool single = plan.red.size() == 1;
  const int64_t rs = plan.red.back().in_stride;
  Shape rsizes, rstrides;
  for (const RDim& d : plan.red) {
    rsizes.push_back(d.size);
    rstrides.push_back(d.in_stride);
  }
  const StridedIter<1> rit(rsizes, {rstrides});
  auto reduce_range = [&](const T* base, int64_t lo, int64_t hi) -> Acc {
    if (single) return reduce_run<T>(pol, base + lo * rs, hi - lo, rs, lo);
    Acc acc = pol.init();
    int64_t pos = lo;
    rit.for_range({reinterpret_cast<char*>(const_cast<T*>(base))}, {int64_t(sizeof(T))}, lo, hi,
                  [&](const std::array<char*, 1>& ptr, const std::array<int64_t, 1>& st, int64_t n) {
                    acc = pol.combine(acc, reduce_run<T>(pol, reinterpret_cast<const T*>(ptr[0]), n, st[0], pos));
                    pos += n;
                  });
    return acc;
  };
  const Odometer base_od = kept_odometer(plan.kept);
  if (R > kBlock) {
    const int64_t nb = (R + kBlock - 1) / kBlock;
    std::unique_ptr<Acc[]> part(new Acc[static_cast<size_t>(O * nb)]);
    parallel_for(O * nb, 1, [&](int64_t t0, int64_t t1) {
      Odometer od = base_od;
      for (int64_t t = t0; t < t1; ++t) {
        const int64_t o = t / nb, b = t % nb;
        od.seek(o);
        part[t] = reduce_range(in + od.off[0], b * kBlock, std::min(R, (b + 1) * kBlock));
      }
    });
    Odometer od = base_od;
    od.seek(0);
    for (int64_t o = 0; o < O; ++o, od.next()) {
      Acc acc = part[o * nb];
      for (int64_t b = 1; b < nb; ++b) acc = pol.combine(acc, part[o * nb + b]);
      pol.store(od.off[1], acc);
    }
    return;
  }
  parallel_for(O, std::max<int64_t>(1, kParallelGrain / R), [&](int64_t o0, int64_t o1) {
    Odometer od = base_od;
    od.seek(o0);
    for (int64_t o = o0; o < o1; ++o, od.next()) pol.store(od.off[1], reduce_range(in + od.off[0], 0, R));
  });
}

template <class T, class P> void reduce_outer(const T* in, const ReducePlan& plan, const P& pol) {
  using Acc = typename P::Acc;
  const int64_t O = plan.out_numel, R = plan.red_numel;
  const RDim v = plan.kept.back();
  const std::vector<RDim> others(plan.kept.begin(), plan.kept.end() - 1);
  const int64_t C = std::min(v.size, kChunk);
  const int64_t nch = (v.size + C - 1) / C;
  const int64_t nk = O / v.size;
  const int64_t rows_per_block = std::max<int64_t>(16, 4 * kBlock / C);
  const int64_t nb = R > rows_per_block ? (R + rows_per_block - 1) / rows_per_block : 1;
  const int64_t rows = nb > 1 ? rows_per_block : R;
  const int64_t tasks = nk * nch * nb;
  std::unique_ptr<Acc[]> part(nb > 1 ? new Acc[static_cast<size_t>(tasks * C)] : nullptr);
  const Odometer k_base = kept_odometer(others);
  Odometer r_base;
  r_base.nops = 1;
  for (const RDim& d : plan.red) r_base.add_dim(d.size, {d.in_stride});
  const int64_t sv = v.in_stride;

  // Strips of W adjacent outputs are accumulated in registers over the rows of a block; the last
  // columns of a chunk (fewer than W) use accumulators in memory.
  constexpr int W = P::kStrip;
  parallel_for(tasks, std::max<int64_t>(1, kParallelGrain / (C * rows)), [&](int64_t t0, int64_t t1) {
    Odometer ko = k_base, ro = r_base;
    Acc acc[kChunk];
    for (int64_t t = t0; t < t1; ++t) {
      const int64_t b = t % nb, ch = (t / nb) % nch, k = t / (nb * nch);
      ko.seek(k);
      const int64_t j0 = ch * C, c = std::min(C, v.size - j0);
      const T* base = in + ko.off[0] + j0 * sv;
      const int64_t r0 = b * rows, r1 = std::min(R, r0 + rows);
      int64_t j = 0;
      if (sv == 1) {
        for (; j + W <= c; j += W) {
          Acc a[W];
          for (int q = 0; q < W; ++q) a[q] = pol.init();
          const T* bj = base + j;
          ro.seek(r0);
          for (int64_t r = r0; r < r1; ++r, ro.next()) {
            const T* p = bj + ro.off[0];
            for (int q = 0; q < W; ++q) a[q] = pol.step(a[q], p[q], r);
          }
          std::copy(a, a + W, acc + j);
        }
      }
      if (j < c) {
        for (int64_t jj = j; jj < c; ++jj) acc[jj] = pol.init();
        ro.seek(r0);
        for (int64_t r = r0; r < r1; ++r, ro.next()) {
          const T* p = base + ro.off[0];
          for (int64_t jj = j; jj < c; ++jj) acc[jj] = pol.step(acc[jj], p[jj * sv], r);
        }
      }
      if (nb == 1) {
        for (int64_t jj = 0; jj < c; ++jj) pol.store(ko.off[1] + (j0 + jj) * v.out_stride, acc[jj]);
      } else {
        std::copy(acc, acc + c, part.get() + t * C);
      }
    }
  });
  if (nb == 1) return;
  Odometer ko = k_base;
  for (int64_t k = 0; k < nk; ++k) {
    ko.seek(k);
    for (int64_t ch = 0; ch < nch; ++ch) {
      const int64_t j0 = ch * C, c = std::min(C, v.size - j0);
      const Acc* first = part.get() + (k * nch + ch) * nb * C;
      for (int64_t j = 0; j < c; ++j) {
        Acc a = first[j];
        for (int64_t b = 1; b < nb; ++b) a = pol.combine(a, first[b * C + j]);
        pol.store(ko.off[1] + (j0 + j) * v.out_stride, a);
      }
    }
  }
}

// Runs policy `pol` over `in` (of C++ type T) reducing the dims in `mask`; pol.store(o, acc) receives
// the contiguous output index o.
template <class T, class P>
void reduce_kernel(const Tensor& in, const std::vector<bool>& mask, const P& pol, bool keep_red_order = false) {
  const ReducePlan plan = make_plan(in.shape(), in.strides(), mask, keep_red_order);
  if (plan.out_numel == 0) return;
  if (plan.red_numel == 0) {
    for (int64_t o = 0; o < plan.out_numel; ++o) pol.store(o, pol.init());
    return;
  }
  if (plan.inner) reduce_inner<T>(in.data<T>(), plan, pol);
  else reduce_outer<T>(in.data<T>(), plan, pol);
}

// A contiguous tensor seen as [outer, n, inner] around dim d, when inner > 1 (d is not the
// innermost dim): the lines along d are then adjacent columns, which kernels process in blocks.
struct ColumnView {
  int64_t outer, n, inner;
};

std::optional<ColumnView> column_view(const Tensor& x, int64_t d) {
  if (x.dim() == 0 || !x.is_contiguous() || x.numel() == 0) return std::nullopt;
  ColumnView v{1, x.shape()[d], 1};
  for (int64_t i = 0; i < d; ++i) v.outer *= x.shape()[i];
  for (int64_t i = d + 1; i < x.dim(); ++i) v.inner *= x.shape()[i];
  if (v.inner == 1) return std::nullopt;
  return v;
}

// Calls f(outer, j0, w) for every block of up to `cols` adjacent columns, in parallel.
void for_each_column_block(const ColumnView& v, int64_t cols, int64_t cost_per_element,
                           const std::function<void(int64_t, int64_t, int64_t)>& f) {
  const int64_t nblk = (v.inner + cols - 1) / cols;
  const int64_t cost = std::max<int64_t>(1, cost_per_element * v.n * std::min(cols, v.inner));
  parallel_for(v.outer * nblk, std::max<int64_t>(1, kParallelGrain / cost), [&](int64_t b0, int64_t b1) {
    for (int64_t b = b0; b < b1; ++b) {
      const int64_t o = b / nblk, j0 = (b % nblk) * cols;
      f(o, j0, std::min(cols, v.inner - j0));
    }
  });
}

// indices[o, j] = the first r with x[o, r, j] == values[o, j] (the first NaN where the value is
// NaN): the second pass of argmax-like reductions along a non-innermost dim, vectorized across columns.
template <class T> void first_match_columns(const T* x, const T* values, int64_t* indices, const ColumnView& v) {
  constexpr int64_t kW = 64;
  // Row indices in the lanes' width (int32 beside float32) keep the loop in one vector type.
  using I = std::conditional_t<sizeof(T) <= 4, int32_t, int64_t>;
  RT_CHECK(v.n <= std::numeric_limits<I>::max(), Error, "argmax: dimension too large");
  for_each_column_block(v, kW, 2, [&](int64_t o, int64_t j0, int64_t w) {
    const T* xb = x + o * v.n * v.inner + j0;
    const T* vb = values + o * v.inner + j0;
    I idx[kW];
    for (int64_t j = 0; j < w; ++j) idx[j] = -1;
    for (int64_t r0 = 0; r0 < v.n; r0 += 32) {
      const int64_t r1 = std::min(v.n, r0 + 32);
      for (int64_t r = r0; r < r1; ++r) {
        const T* xr = xb + r * v.inner;
        const I ri = static_cast<I>(r);
        for (int64_t j = 0; j < w; ++j) {
          const bool hit = (idx[j] < 0) & ((xr[j] == vb[j]) | (is_nan_value(vb[j]) & is_nan_value(xr[j])));
          idx[j] = hit ? ri : idx[j];
        }
      }
      I missing = 0;
      for (int64_t j = 0; j < w; ++j) missing += static_cast<I>(idx[j] < 0);
      if (missing == 0) break;
    }
    for (int64_t j = 0; j < w; ++j) indices[o * v.inner + j0 + j] = idx[j];
  });
}

// ---- Policies: init / step / combine / store ------------------------------------------------

template <class T, class A, class Out> struct SumOp {
  using Acc = A;
  static constexpr int kLanes = lanes_of<A>();
  static constexpr int kStrip = strip_of<A>();
  Out* out;
  A init() const { return A(0); }
  A step(A a, T x, int64_t) const { return a + static_cast<A>(x); }
  A combine(A a, A b) const { return a + b; }
  void store(int64_t o, A a) const { out[o] = static_cast<Out>(a); }
};

template <class T> struct MeanOp : SumOp<T, T, T> {
  T count;
  void store(int64_t o, T a) const { this->out[o] = a / count; }
};

template <class T, class A> struct ProdOp {
  using Acc = A;
  static constexpr int kLanes = lanes_of<A>();
  static constexpr int kStrip = strip_of<A>();
  A* out;
  A init() const { return A(1); }
  A step(A a, T x, int64_t) const { return a * static_cast<A>(x); }
  A combine(A a, A b) const { return a * b; }
  void store(int64_t o, A a) const { out[o] = a; }
};

// Picks the larger (kMax) or smaller of a and x; NaN wins.
template <bool kMax, class T> T pick(T a, T x) {
  if constexpr (std::is_floating_point_v<T>) return ((x != x) | (kMax ? x > a : x < a)) ? x : a;
  else return (kMax ? x > a : x < a) ? x : a;
}

template <class T, bool kMax> struct ExtremeOp {
  using Acc = T;
  static constexpr int kLanes = lanes_of<T>();
  static constexpr int kStrip = strip_of<T>();
  T* out;
  T init() const { return kMax ? lowest_value<T>() : highest_value<T>(); }
  T step(T a, T x, int64_t) const { return pick<kMax>(a, x); }
  T combine(T a, T b) const { return pick<kMax>(a, b); }
  void store(int64_t o, T a) const { out[o] = a; }
  // Floats: lanes of the plain max/min (one instruction) with NaN flags beside, cheaper than the
  // NaN-aware select in every lane.
  T run(const T* p, int64_t n, int64_t pos) const {
    if constexpr (std::is_floating_point_v<T>) {
      using I = std::conditional_t<sizeof(T) == 4, int32_t, int64_t>;
      constexpr int L = kLanes;
      T m[L];
      I nan[L];
      for (int k = 0; k < L; ++k) m[k] = init(), nan[k] = 0;
      int64_t i = 0;
      for (; i + L <= n; i += L)
        for (int k = 0; k < L; ++k) {
          const T x = p[i + k];
          m[k] = (kMax ? x > m[k] : x < m[k]) ? x : m[k];
          nan[k] |= static_cast<I>(x != x);
        }
      T r = init();
      I any_nan = 0;
      for (int k = 0; k < L; ++k) r = pick<kMax>(r, m[k]), any_nan |= nan[k];
      for (; i < n; ++i) r = pick<kMax>(r, p[i]);
      return any_nan ? std::numeric_limits<T>::quiet_NaN() : r;
    } else {
      return lanes_run<T>(*this, p, n, pos);
    }
  }
};

// Value and position of the first extreme (first NaN if any).
template <class T, bool kMax> struct ArgOp {
  struct Acc {
    T v;
    int64_t i;
  };
  static constexpr int kLanes = 8;
  static constexpr int kStrip = 8;
  T* values;  // may be null
  int64_t* indices;
  Acc init() const { return Acc{T(0), -1}; }
  Acc step(Acc a, T x, int64_t pos) const {
    const bool xn = is_nan_value(x), an = is_nan_value(a.v);
    const bool take = (a.i < 0) | (xn & !an) | (!xn & (kMax ? x > a.v : x < a.v));
    return take ? Acc{x, pos} : a;
  }
  Acc combine(Acc a, Acc b) const {
    if (a.i < 0) return b;
    if (b.i < 0) return a;
    const bool an = is_nan_value(a.v), bn = is_nan_value(b.v);
    bool take_b;
    if (an || bn) take_b = bn && (!an || b.i < a.i);
    else take_b = (kMax ? b.v > a.v : b.v < a.v) || (b.v == a.v && b.i < a.i);
    return take_b ? b : a;
  }
  // A contiguous run: the extreme value with vectorized lanes, then its first position, searched in
  // blocks whose hit test vectorizes.
  Acc run(const T* p, int64_t n, int64_t pos) const {
    if (n == 0) return init();
    const T m = reduce_run<T>(ExtremeOp<T, kMax>{nullptr}, p, n, 1, 0);
    using I = std::conditional_t<sizeof(T) == 8, int64_t, int32_t>;
    constexpr int B = 32;
    int64_t i = 0;
    if (is_nan_value(m)) {
      for (; i + B <= n; i += B) {
        I hits = 0;  // an integer count vectorizes where a bool |= does not
        for (int k = 0; k < B; ++k) hits += static_cast<I>(is_nan_value(p[i + k]));
        if (hits) break;
      }
      while (!is_nan_value(p[i])) ++i;
    } else {
      for (; i + B <= n; i += B) {
        I hits = 0;
        for (int k = 0; k < B; ++k) hits += static_cast<I>(p[i + k] == m);
        if (hits) break;
      }
      while (!(p[i] == m)) ++i;
    }
    return Acc{m, pos + i};
  }
  void store(int64_t o, const Acc& a) const {
    if (values) values[o] = a.v;
    indices[o] = a.i;
  }
};

template <class T, bool kAll> struct AllAnyOp {
  using Acc = bool;
  static constexpr int kLanes = 32;
  static constexpr int kStrip = 64;
  bool* out;
  bool init() const { return kAll; }
  bool step(bool a, T x, int64_t) const { return kAll ? (a & (x != T(0))) : (a | (x != T(0))); }
  bool combine(bool a, bool b) const { return kAll ? (a & b) : (a | b); }
  void store(int64_t o, bool a) const { out[o] = a; }
};

enum class NormKind { Two, One, Inf, NegInf, Zero, P };

template <class T, NormKind K, class A = T> struct NormOp {
  using Acc = A;
  static constexpr int kLanes = lanes_of<Acc>();
  static constexpr int kStrip = strip_of<Acc>();
  T* out;
  T p;
  Acc init() const { return K == NormKind::NegInf ? highest_value<Acc>() : Acc(0); }
  Acc step(Acc a, T x, int64_t) const {
    const Acc ax = static_cast<Acc>(x < 0 ? -x : x);
    if constexpr (K == NormKind::Two) return a + ax * ax;
    else if constexpr (K == NormKind::One) return a + ax;
    else if constexpr (K == NormKind::Inf) return pick<true>(a, ax);
    else if constexpr (K == NormKind::NegInf) return pick<false>(a, ax);
    else if constexpr (K == NormKind::Zero) return a + Acc(x != T(0));
    else return a + std::pow(ax, static_cast<Acc>(p));
  }
  Acc combine(Acc a, Acc b) const {
    if constexpr (K == NormKind::Inf) return pick<true>(a, b);
    else if constexpr (K == NormKind::NegInf) return pick<false>(a, b);
    else return a + b;
  }
  void store(int64_t o, Acc a) const {
    if constexpr (K == NormKind::Two) out[o] = static_cast<T>(std::sqrt(a));
    else if constexpr (K == NormKind::P) out[o] = static_cast<T>(std::pow(a, Acc(1) / static_cast<Acc>(p)));
    else out[o] = static_cast<T>(a);
  }
};

// ---- Helpers shared by the ops -----------------------------------------------------------------

int64_t reduced_numel(const Shape& s, const std::vector<bool>& mask) {
  int64_t n = 1;
  for (size_t i = 0; i < s.size(); ++i)
    if (mask[i]) n *= s[i];
  return n;
}

std::vector<int64_t> mask_dims(const std::vector<bool>& mask) {
  std::vector<int64_t> dims;
  for (size_t i = 0; i < mask.size(); ++i)
    if (mask[i]) dims.push_back(static_cast<int64_t>(i));
  return dims;
}

// A reduced gradient (or result) brought back to the input's rank, reduced dims of size 1.
Tensor restore_dims(const Tensor& g, const std::vector<bool>& mask, bool keepdim) {
  if (keepdim) return g;
  Tensor r = g;
  for (size_t i = 0; i < mask.size(); ++i)
    if (mask[i]) r = unsqueeze(r, static_cast<int64_t>(i));
  return r;
}

Tensor scalar_of(double v, DType dtype) { return full({}, Scalar(v), dtype); }

bool any_true(const Tensor& b) {
  const Tensor c = contiguous_as(b, DType::Bool);
  const bool* p = c.data<bool>();
  for (int64_t i = 0; i < c.numel(); ++i)
    if (p[i]) return true;
  return false;
}

bool has_nan(const Tensor& t) { return is_floating(t.dtype()) && any_true(ne(t.detach(), t.detach())); }

// bool [n, n]: i == j (eye) or j >= i (upper).
Tensor square_mask(int64_t n, bool upper) {
  Tensor m = Tensor::empty({n, n}, DType::Bool);
  bool* p = m.data<bool>();
  for (int64_t i = 0; i < n; ++i)
    for (int64_t j = 0; j < n; ++j) p[i * n + j] = upper ? j >= i : j == i;
  return m;
}

// [..., n(k), n]: for each k, x (last dim of size n) with x_k replaced by 1. Differentiable; used for
// exact double backward of products with zeros (O(n^2), like torch).
Tensor each_replaced_by_one(const Tensor& x) {
  const int64_t n = x.shape().back();
  return where(square_mask(n, false), scalar_of(1.0, x.dtype()), unsqueeze(x, -2));
}

void check_nonzero_dims(const Tensor& t, const std::vector<bool>& mask, const char* op) {
  for (size_t i = 0; i < mask.size(); ++i)
    RT_CHECK(!mask[i] || t.shape()[i] != 0, IndexError, op, ": expected reduction dim ", i,
             " to have non-zero size (input shape ", shape_str(t.shape()), ")");
  RT_CHECK(t.dim() > 0 || t.numel() > 0, IndexError, op, ": expected a non-empty input");
}

void check_floating(DType d, const char* op, const char* what) {
  RT_CHECK(is_floating(d), Error, op, ": ", what, " (got ", dtype_name(d), ")");
}

// Gradient of an extreme-value reduction: g spread evenly over the elements equal to the result in
// each reduced slice (or over the NaNs where the result is NaN), like PyTorch.
Tensor distribute_to_extremes(const Tensor& g, const Tensor& x, const Tensor& result, const std::vector<bool>& mask,
                              bool keepdim) {
  const DType dt = g.dtype();
  const Tensor xd = x.detach();
  const Tensor rd = restore_dims(result.detach(), mask, keepdim);
  Tensor sel = to_dtype(eq(xd, rd), dt);
  if (has_nan(rd)) sel = add(sel, mul(to_dtype(ne(xd, xd), dt), to_dtype(ne(rd, rd), dt)));
  const Tensor count = sum(sel, mask_dims(mask), true);
  return mul(restore_dims(g, mask, keepdim), div(sel, count));
}

Tensor sum_kernel(const Tensor& t, const std::vector<bool>& mask, bool keepdim, DType out_dtype) {
  if (out_dtype == DType::Bool) return to_dtype(sum_kernel(t, mask, keepdim, DType::Int64), DType::Bool);
  Tensor out = Tensor::empty(reduced_shape(t.shape(), mask, keepdim), out_dtype);
  if (is_floating(out_dtype)) {
    const Tensor src = to_dtype(t, out_dtype);
    dispatch_floating(out_dtype, [&](auto tag) {
      using T = typename decltype(tag)::type;
      reduce_kernel<T>(src, mask, SumOp<T, T, T>{out.data<T>()});
    });
  } else {
    const Tensor src = is_floating(t.dtype()) ? to_dtype(t, DType::Int64) : t;
    dispatch_dtype(src.dtype(), [&](auto tag) {
      using T = typename decltype(tag)::type;
      if constexpr (!std::is_floating_point_v<T>)
        reduce_kernel<T>(src, mask, SumOp<T, int64_t, int64_t>{out.data<int64_t>()});
    });
  }
  return out;
}

Tensor mean_kernel(const Tensor& t, const std::vector<bool>& mask, bool keepdim) {
  Tensor out = Tensor::empty(reduced_shape(t.shape(), mask, keepdim), t.dtype());
  const double n = static_cast<double>(reduced_numel(t.shape(), mask));
  dispatch_floating(t.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    MeanOp<T> op;
    op.out = out.data<T>();
    op.count = static_cast<T>(n);
    reduce_kernel<T>(t, mask, op);
  });
  return out;
}

template <bool kMax> Tensor extreme_kernel(const Tensor& t, const std::vector<bool>& mask, bool keepdim) {
  Tensor out = Tensor::empty(reduced_shape(t.shape(), mask, keepdim), t.dtype());
  dispatch_dtype(t.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    reduce_kernel<T>(t, mask, ExtremeOp<T, kMax>{out.data<T>()});
  });
  return out;
}

DType sum_dtype(const Tensor& t, std::optional<DType> dtype) {
  return dtype ? *dtype : is_floating(t.dtype()) ? t.dtype() : DType::Int64;
}

}  // namespace

// =============================================================================================
// Ops: forward and backward side by side

Tensor sum(const Tensor& t, const std::vector<int64_t>& dims, bool keepdim, std::optional<DType> dtype) {
  check_real(t, "sum");
  const auto mask = reduction_mask(dims, t.dim(), "sum");
  const DType out_dtype = sum_dtype(t, dtype);
  Tensor out = sum_kernel(t.detach(), mask, keepdim, out_dtype);
  if (autograd::needs_grad({t}) && is_floating(out_dtype)) {
    const Shape in_shape = t.shape();
    autograd::record("SumBackward", {t}, {out}, {},
                     [mask, keepdim, in_shape](const BackwardContext&, const TensorList& g) -> TensorList {
                       return {expand(restore_dims(g[0], mask, keepdim), in_shape)};
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

Tensor mean(const Tensor& t, const std::vector<int64_t>& dims, bool keepdim, std::optional<DType> dtype) {
  check_real(t, "mean");
  const auto mask = reduction_mask(dims, t.dim(), "mean");
  if (dtype) {
    RT_CHECK(is_floating(*dtype), Error, "mean: could not infer output dtype; dtype must be a floating point dtype, got ",
             dtype_name(*dtype));
  } else {
    RT_CHECK(is_floating(t.dtype()), Error,
             "mean: could not infer output dtype; the input dtype must be a floating point dtype, got ",
             dtype_name(t.dtype()), " (pass dtype=)");
  }
  const Tensor x = dtype ? to_dtype(t, *dtype) : t;
  Tensor out = mean_kernel(x.detach(), mask, keepdim);
  if (autograd::needs_grad({x})) {
    const Shape in_shape = x.shape();
    const double n = static_cast<double>(reduced_numel(in_shape, mask));
    autograd::record("MeanBackward", {x}, {out}, {},
                     [mask, keepdim, in_shape, n](const BackwardContext&, const TensorList& g) -> TensorList {
                       return {div(expand(restore_dims(g[0], mask, keepdim), in_shape), Scalar(n))};
                     });
  }
  return out;
}

Tensor prod(const Tensor& t, const std::vector<int64_t>& dims, bool keepdim, std::optional<DType> dtype) {
  check_real(t, "prod");
  const auto mask = reduction_mask(dims, t.dim(), "prod");
  const DType out_dtype = sum_dtype(t, dtype);
  if (out_dtype == DType::Bool) return to_dtype(prod(t.detach(), dims, keepdim, DType::Int64), DType::Bool);
  const Tensor x = is_floating(out_dtype) ? to_dtype(t, out_dtype) : to_dtype(t.detach(), DType::Int64);
  Tensor out = Tensor::empty(reduced_shape(x.shape(), mask, keepdim), out_dtype);
  const Tensor xd = x.detach();
  dispatch_dtype(out_dtype, [&](auto tag) {
    using T = typename decltype(tag)::type;
    if constexpr (!std::is_same_v<T, bool>) reduce_kernel<T>(xd, mask, ProdOp<T, T>{out.data<T>()});
  });
  if (autograd::needs_grad({x}) && is_floating(out_dtype)) {
    autograd::record("ProdBackward", {x}, {out}, {x, out},
                     [mask, keepdim](const BackwardContext& ctx, const TensorList& g) -> TensorList {
                       const Tensor xs = ctx.saved(0);
                       const Tensor res = restore_dims(ctx.saved(1), mask, keepdim);
                       const Tensor gr = restore_dims(g[0], mask, keepdim);
                       const Tensor is_zero = eq(xs.detach(), Scalar(0.0));
                       if (!any_true(is_zero)) return {mul(gr, div(res, xs))};
                       // Zeros: d prod / d x_i is the product of the others. Where x_i != 0 that is
                       // result / x_i (0 when the slice has a zero); at a zero it is the product of the
                       // nonzeros if it is the slice's only zero, else 0.
                       const DType dt = xs.dtype();
                       const std::vector<int64_t> rdims = mask_dims(mask);
                       if (autograd::GradMode::is_enabled() && xs.dim() > 0 &&
                           (rdims.size() == 1 || static_cast<int64_t>(rdims.size()) == xs.dim())) {
                         // Building a graph of the gradient: the product of the others as a product
                         // over [..., k, l] with x_k replaced by 1, exact to every order.
                         if (rdims.size() == 1) {
                           const int64_t d = rdims[0];
                           const Tensor others = prod(each_replaced_by_one(transpose(xs, d, -1)), {-1}, false);
                           return {mul(gr, transpose(others, d, -1))};
                         }
                         const Tensor others = prod(each_replaced_by_one(reshape(xs, {xs.numel()})), {-1}, false);
                         return {mul(gr, reshape(others, xs.shape()))};
                       }
                       const Tensor one = scalar_of(1.0, dt);
                       const Tensor safe_x = where(is_zero, one, xs);
                       const Tensor prod_nonzero = prod(safe_x, rdims, true);
                       const Tensor single_zero = to_dtype(eq(sum(is_zero, rdims, true), Scalar(int64_t(1))), dt);
                       const Tensor others = where(is_zero, mul(prod_nonzero, single_zero), div(res, safe_x));
                       return {mul(gr, others)};
                     });
  }
  return out;
}

namespace {

template <bool kMax> Tensor amax_impl(const Tensor& t, const std::vector<int64_t>& dims, bool keepdim, const char* op,
                                      const char* node) {
  check_real(t, op);
  const auto mask = reduction_mask(dims, t.dim(), op);
  check_nonzero_dims(t, mask, op);
  Tensor out = extreme_kernel<kMax>(t.detach(), mask, keepdim);
  if (autograd::needs_grad({t}) && is_floating(t.dtype()))
    autograd::record(node, {t}, {out}, {t, out}, [mask, keepdim](const BackwardContext& ctx, const TensorList& g) -> TensorList {
      return {distribute_to_extremes(g[0], ctx.saved(0), ctx.saved(1), mask, keepdim)};
    });
  return out;
}

template <bool kMax>
std::pair<Tensor, Tensor> max_dim_impl(const Tensor& t, int64_t dim, bool keepdim, const char* op, const char* node) {
  check_real(t, op);
  const int64_t d = wrap_dim(dim, t.dim(), op);
  const auto mask = reduction_mask({d}, t.dim(), op);
  check_nonzero_dims(t, mask, op);
  const Shape shape = reduced_shape(t.shape(), mask, keepdim);
  Tensor values = Tensor::empty(shape, t.dtype());
  Tensor indices = Tensor::empty(shape, DType::Int64);
  const Tensor td = t.detach();
  if (const auto v = column_view(td, d)) {  // two vectorized passes: the values, then their first index
    values = extreme_kernel<kMax>(td, mask, keepdim);
    dispatch_dtype(t.dtype(), [&](auto tag) {
      using T = typename decltype(tag)::type;
      first_match_columns<T>(td.data<T>(), values.data<T>(), indices.data<int64_t>(), *v);
    });
  } else {
    dispatch_dtype(t.dtype(), [&](auto tag) {
      using T = typename decltype(tag)::type;
      reduce_kernel<T>(td, mask, ArgOp<T, kMax>{values.data<T>(), indices.data<int64_t>()}, true);
    });
  }
  if (autograd::needs_grad({t}) && is_floating(t.dtype())) {
    const Shape in_shape = t.shape();
    const int64_t rd = t.dim() == 0 ? 0 : d;
    autograd::record(node, {t}, {values, indices}, {indices.detach()},
                     [rd, mask, keepdim, in_shape](const BackwardContext& ctx, const TensorList& g) -> TensorList {
                       if (in_shape.empty()) return {g[0]};
                       const Tensor idx = restore_dims(ctx.saved(0), mask, keepdim);
                       return {scatter_add(zeros(in_shape, g[0].dtype()), rd, idx, restore_dims(g[0], mask, keepdim))};
                     });
  }
  return {values, indices};
}

template <bool kMax> Tensor argmax_impl(const Tensor& t, std::optional<int64_t> dim, bool keepdim, const char* op) {
  check_real(t, op);
  std::vector<bool> mask;
  if (dim) {
    mask = reduction_mask({*dim}, t.dim(), op);
    check_nonzero_dims(t, mask, op);
  } else {
    RT_CHECK(t.numel() > 0, IndexError, op, ": expected reduction dim to be specified for an empty input (numel() == 0)");
    mask.assign(static_cast<size_t>(t.dim()), true);
  }
  Tensor out = Tensor::empty(reduced_shape(t.shape(), mask, keepdim), DType::Int64);
  const Tensor td = t.detach();
  if (const auto v = dim ? column_view(td, wrap_dim(*dim, t.dim(), op)) : std::nullopt) {
    const Tensor values = extreme_kernel<kMax>(td, mask, keepdim);
    dispatch_dtype(t.dtype(), [&](auto tag) {
      using T = typename decltype(tag)::type;
      first_match_columns<T>(td.data<T>(), values.data<T>(), out.data<int64_t>(), *v);
    });
    return out;
  }
  dispatch_dtype(t.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    reduce_kernel<T>(td, mask, ArgOp<T, kMax>{nullptr, out.data<int64_t>()}, true);
  });
  return out;
}

}  // namespace

Tensor amax(const Tensor& t, const std::vector<int64_t>& dims, bool keepdim) {
  return amax_impl<true>(t, dims, keepdim, "amax", "AmaxBackward");
}
Tensor amin(const Tensor& t, const std::vector<int64_t>& dims, bool keepdim) {
  return amax_impl<false>(t, dims, keepdim, "amin", "AminBackward");
}

Tensor max(const Tensor& t) {
  RT_CHECK(t.numel() > 0, Error,
           "max: expected reduction dim to be specified for an empty input (numel() == 0); pass the dim argument");
  return amax_impl<true>(t, {}, false, "max", "MaxBackward");
}
Tensor min(const Tensor& t) {
  RT_CHECK(t.numel() > 0, Error,
           "min: expected reduction dim to be specified for an empty input (numel() == 0); pass the dim argument");
  return amax_impl<false>(t, {}, false, "min", "MinBackward");
}

std::pair<Tensor, Tensor> max(const Tensor& t, int64_t dim, bool keepdim) {
  return max_dim_impl<true>(t, dim, keepdim, "max", "MaxBackward");
}
std::pair<Tensor, Tensor> min(const Tensor& t, int64_t dim, bool keepdim) {
  return max_dim_impl<false>(t, dim, keepdim, "min", "MinBackward");
}

Tensor argmax(const Tensor& t, std::optional<int64_t> dim, bool keepdim) {
  return argmax_impl<true>(t, dim, keepdim, "argmax");
}
Tensor argmin(const Tensor& t, std::optional<int64_t> dim, bool keepdim) {
  return argmax_impl<false>(t, dim, keepdim, "argmin");
}

namespace {

// Sum of squared deviations from the mean, divided by max(0, N - correction). The values are first
// shifted by each slice's first element (the variance does not change): a constant slice then gives
// exactly 0, where the rounded mean of large equal values (or their overflowing sum) did not.
Tensor var_kernel(const Tensor& xd, const std::vector<bool>& mask, double correction, bool keepdim) {
  const double n = static_cast<double>(reduced_numel(xd.shape(), mask));
  Tensor d;  // the deviations, a fresh tensor updated in place (one allocation, not three)
  if (n > 0) {
    Tensor pivot = xd;
    for (size_t i = 0; i < mask.size(); ++i)
      if (mask[i]) pivot = narrow(pivot, static_cast<int64_t>(i), 0, 1);
    d = sub(xd, pivot);
    sub_(d, mean_kernel(d, mask, true));
  } else {
    d = sub(xd, mean_kernel(xd, mask, true));
  }
  mul_(d, d);
  const Tensor ss = sum_kernel(d, mask, keepdim, xd.dtype());
  return div(ss, Scalar(std::max(0.0, n - correction)));
}

Tensor var_std(const Tensor& t, const std::vector<int64_t>& dims, double correction, bool keepdim, bool take_sqrt) {
  check_real(t, take_sqrt ? "std" : "var");
  const char* op = take_sqrt ? "std" : "var";
  const auto mask = reduction_mask(dims, t.dim(), op);
  check_floating(t.dtype(), op, "only floating point dtypes are supported");
  Tensor out;
  if (take_sqrt && t.dtype() == DType::Float32) {
    // The float32 variance overflows for |x - mean| above ~1.8e19 although the std is representable
    // up to ~3.4e38: square and sum in float64, then take the root and round once.
    out = to_dtype(sqrt(var_kernel(to_dtype(t.detach(), DType::Float64), mask, correction, keepdim)), DType::Float32);
  } else {
    out = var_kernel(t.detach(), mask, correction, keepdim);
    if (take_sqrt) out = sqrt(out);
  }
  if (autograd::needs_grad({t})) {
    const double denom = std::max(0.0, static_cast<double>(reduced_numel(t.shape(), mask)) - correction);
    const std::vector<int64_t> rdims = mask_dims(mask);
    autograd::record(take_sqrt ? "StdBackward" : "VarBackward", {t}, {out}, {t, out},
                     [mask, rdims, keepdim, denom, take_sqrt](const BackwardContext& ctx, const TensorList& g) -> TensorList {
                       const Tensor x = ctx.saved(0);
                       const Tensor centered = sub(x, mean(x, rdims, true));
                       const Tensor gr = restore_dims(g[0], mask, keepdim);
                       if (!take_sqrt) return {mul(gr, mul(centered, Scalar(2.0 / denom)))};
                       // d std = d var / (2 std); where std == 0 the centered values are 0 too.
                       const Tensor s = restore_dims(ctx.saved(1), mask, keepdim);
                       const Tensor safe_s = where(eq(s.detach(), Scalar(0.0)), scalar_of(1.0, s.dtype()), s);
                       return {mul(div(gr, safe_s), mul(centered, Scalar(1.0 / denom)))};
                     });
  }
  return out;
}

}  // namespace

Tensor var(const Tensor& t, const std::vector<int64_t>& dims, double correction, bool keepdim) {
  return var_std(t, dims, correction, keepdim, false);
}
Tensor std_dev(const Tensor& t, const std::vector<int64_t>& dims, double correction, bool keepdim) {
  return var_std(t, dims, correction, keepdim, true);
}

Tensor norm(const Tensor& t, double p, const std::vector<int64_t>& dims, bool keepdim, std::optional<DType> dtype) {
  check_real(t, "norm");
  if (dtype) check_floating(*dtype, "norm", "dtype must be a floating point dtype");
  else check_floating(t.dtype(), "norm", "expected a floating point input");
  const Tensor x = dtype ? to_dtype(t, *dtype) : t;
  const auto mask = reduction_mask(dims, x.dim(), "norm");
  const NormKind kind = p == 2.0                   ? NormKind::Two
                        : p == 1.0                 ? NormKind::One
                        : p == 0.0                 ? NormKind::Zero
                        : std::isinf(p) && p > 0   ? NormKind::Inf
                        : std::isinf(p)            ? NormKind::NegInf
                                                   : NormKind::P;
  if ((kind == NormKind::Inf || kind == NormKind::NegInf) && reduced_numel(x.shape(), mask) == 0)
    RT_THROW(IndexError, "norm: cannot compute the ", p, " norm over an empty dimension (input shape ",
             shape_str(x.shape()), ")");
  Tensor out = Tensor::empty(reduced_shape(x.shape(), mask, keepdim), x.dtype());
  const Tensor xd = x.detach();
  dispatch_floating(x.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    T* o = out.data<T>();
    const T pv = static_cast<T>(p);
    switch (kind) {
      case NormKind::Two: reduce_kernel<T>(xd, mask, NormOp<T, NormKind::Two>{o, pv}); break;
      case NormKind::One: reduce_kernel<T>(xd, mask, NormOp<T, NormKind::One>{o, pv}); break;
      case NormKind::Inf: reduce_kernel<T>(xd, mask, NormOp<T, NormKind::Inf>{o, pv}); break;
      case NormKind::NegInf: reduce_kernel<T>(xd, mask, NormOp<T, NormKind::NegInf>{o, pv}); break;
      case NormKind::Zero: reduce_kernel<T>(xd, mask, NormOp<T, NormKind::Zero>{o, pv}); break;
      case NormKind::P: reduce_kernel<T>(xd, mask, NormOp<T, NormKind::P>{o, pv}); break;
    }
    if constexpr (std::is_same_v<T, float>) {
      // Squares and powers leave float32's range long before the norm does (x * x overflows from
      // |x| ~1.8e19, underflows below ~1e-19). A result that is inf or 0 may be such an artefact:
      // then the reduction runs again accumulating in double, as torch's CPU kernel always does.
      if (kind == NormKind::Two || kind == NormKind::P) {
        bool suspect = false;
        for (int64_t i = 0; i < out.numel() && !suspect; ++i) suspect = std::isinf(o[i]) || o[i] == 0.0f;
        if (suspect && kind == NormKind::Two) reduce_kernel<T>(xd, mask, NormOp<T, NormKind::Two, double>{o, pv});
        if (suspect && kind == NormKind::P) reduce_kernel<T>(xd, mask, NormOp<T, NormKind::P, double>{o, pv});
      }
    }
  });
  if (autograd::needs_grad({x})) {
    autograd::record("NormBackward", {x}, {out}, {x, out},
                     [mask, keepdim, kind, p](const BackwardContext& ctx, const TensorList& g) -> TensorList {
                       const Tensor xs = ctx.saved(0);
                       const Tensor res = restore_dims(ctx.saved(1), mask, keepdim);
                       const Tensor gr = restore_dims(g[0], mask, keepdim);
                       const DType dt = xs.dtype();
                       const Tensor zero = scalar_of(0.0, dt), one = scalar_of(1.0, dt);
                       const Tensor res_is_zero = eq(res.detach(), Scalar(0.0));
                       switch (kind) {
                         case NormKind::Zero: return {zeros(xs.shape(), dt)};
                         case NormKind::One: return {mul(gr, sign(xs))};
                         case NormKind::Two:
                           // x / |x|; at a zero norm x is all zeros, so the subgradient is 0.
                           return {mul(xs, div(gr, where(res_is_zero, one, res)))};
                         case NormKind::Inf:
                         case NormKind::NegInf: {
                           const Tensor ax = abs(xs.detach());
                           Tensor sel = to_dtype(eq(ax, res.detach()), dt);
                           if (has_nan(res)) sel = add(sel, to_dtype(ne(ax, ax), dt));
                           const Tensor count = sum(sel, mask_dims(mask), true);
                           return {mul(mul(sign(xs), sel), div(gr, count))};
                         }
                         case NormKind::P: break;
                       }
                       // d/dx (sum |x|^p)^(1/p) = sign(x) |x|^(p-1) / norm^(p-1)
                       Tensor scaled = mul(sign(xs), pow(abs(xs), Scalar(p - 1.0)));
                       if (p < 1.0) scaled = where(eq(xs.detach(), Scalar(0.0)), zero, scaled);
                       const Tensor scale = where(res_is_zero, zero, div(gr, pow(where(res_is_zero, one, res), Scalar(p - 1.0))));
                       return {mul(scaled, scale)};
                     });
  }
  return out;
}

namespace {

enum class LineMode { Softmax, LogSoftmax, LogSumExp };
void apply_line_kernel(const Tensor& x, int64_t d, const Tensor& out, LineMode mode);

// logsumexp over several (non-contiguous) dims from whole-tensor ops.
Tensor logsumexp_composed(const Tensor& xd, const std::vector<bool>& mask, bool keepdim) {
  Tensor m = extreme_kernel<true>(xd, mask, true);
  // Infinite maxima would give inf - inf; shift by 0 there instead.
  dispatch_floating(m.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    T* p = m.data<T>();
    for (int64_t i = 0; i < m.numel(); ++i)
      if (std::isinf(p[i])) p[i] = T(0);
  });
  const Tensor s = sum_kernel(exp(sub(xd, m)), mask, true, xd.dtype());
  Tensor out = add(log(s), m);
  return keepdim ? out : reshape(out, reduced_shape(xd.shape(), mask, false));
}

}  // namespace

Tensor logsumexp(const Tensor& t, const std::vector<int64_t>& dims, bool keepdim) {
  check_real(t, "logsumexp");
  const Tensor x = is_floating(t.dtype()) ? t : to_dtype(t.detach(), default_float_dtype());
  const auto mask = reduction_mask(dims, x.dim(), "logsumexp");
  Tensor out;
  if (reduced_numel(x.shape(), mask) == 0) {
    out = full(reduced_shape(x.shape(), mask, keepdim), Scalar(-std::numeric_limits<double>::infinity()), x.dtype());
  } else {
    const Tensor xd = x.detach();
    int64_t nred = 0, line_dim = x.dim() == 0 ? 0 : -1;
    for (size_t i = 0; i < mask.size(); ++i)
      if (mask[i]) ++nred, line_dim = static_cast<int64_t>(i);
    if (nred == 1 || x.dim() == 0) {
      out = Tensor::empty(reduced_shape(x.shape(), mask, keepdim), x.dtype());
      apply_line_kernel(xd, line_dim, out, LineMode::LogSumExp);
    } else if (nred == x.dim() && xd.is_contiguous()) {
      out = Tensor::empty({}, x.dtype());
      apply_line_kernel(xd.as_strided({xd.numel()}, {1}, xd.offset()), 0, out, LineMode::LogSumExp);
      out = reshape(out, reduced_shape(x.shape(), mask, keepdim));
    } else {
      out = logsumexp_composed(xd, mask, keepdim);
    }
  }
  if (autograd::needs_grad({x}))
    autograd::record("LogsumexpBackward", {x}, {out}, {x, out},
                     [mask, keepdim](const BackwardContext& ctx, const TensorList& g) -> TensorList {
                       const Tensor xs = ctx.saved(0);
                       const Tensor res = restore_dims(ctx.saved(1), mask, keepdim);
                       return {mul(restore_dims(g[0], mask, keepdim), exp(sub(xs, res)))};
                     });
  return out;
}

Tensor all(const Tensor& t, const std::vector<int64_t>& dims, bool keepdim) {
  check_real(t, "all");
  const auto mask = reduction_mask(dims, t.dim(), "all");
  Tensor out = Tensor::empty(reduced_shape(t.shape(), mask, keepdim), DType::Bool);
  dispatch_dtype(t.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    reduce_kernel<T>(t, mask, AllAnyOp<T, true>{out.data<bool>()});
  });
  return out;
}

Tensor any(const Tensor& t, const std::vector<int64_t>& dims, bool keepdim) {
  check_real(t, "any");
  const auto mask = reduction_mask(dims, t.dim(), "any");
  Tensor out = Tensor::empty(reduced_shape(t.shape(), mask, keepdim), DType::Bool);
  dispatch_dtype(t.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    reduce_kernel<T>(t, mask, AllAnyOp<T, false>{out.data<bool>()});
  });
  return out;
}

// =============================================================================================
// Line ops: softmax, log_softmax, cumsum, cumprod

void for_each_line(const Shape& shape, int64_t dim, const std::vector<Shape>& strides, int64_t cost_per_line,
                   const std::function<void(const int64_t* offsets)>& f) {
  RT_CHECK(strides.size() <= static_cast<size_t>(kMaxOperands), Error, "for_each_line: too many operands");
  if (shape_numel(shape) == 0) return;
  Odometer od;
  od.nops = static_cast<int>(strides.size());
  int64_t lines = 1;
  for (int64_t d = 0; d < static_cast<int64_t>(shape.size()); ++d) {
    if (d == dim || shape[d] == 1) continue;
    RT_CHECK(od.nd < kMaxDims, Error, "for_each_line: more than ", kMaxDims, " dimensions are not supported");
    od.size[od.nd] = shape[d];
    for (int k = 0; k < od.nops; ++k) od.stride[k][od.nd] = strides[k][d];
    ++od.nd;
    lines *= shape[d];
  }
  parallel_for(lines, std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(1, cost_per_line)),
               [&](int64_t l0, int64_t l1) {
                 Odometer o = od;
                 o.seek(l0);
                 for (int64_t l = l0; l < l1; ++l, o.next()) f(o.off);
               });
}

namespace {

// exp(x) written so that loops over it vectorize: Cody-Waite range reduction, a polynomial on
// [-ln2/2, ln2/2] and 2^n built in the exponent bits. About 1 ulp; results below the smallest normal
// flush to 0 (exp(-inf) = 0), NaN propagates, and overflow to inf starts slightly early (x > 88.37
// for float, 709.4 for double). The callers pass x - max <= 0.
template <class T> inline T vexp(T x) {
  using U = std::conditional_t<std::is_same_v<T, float>, uint32_t, uint64_t>;
  constexpr bool f32 = std::is_same_v<T, float>;
  constexpr T lo = f32 ? T(-87.33654) : T(-708.3964185322641);  // about log(smallest normal)
  constexpr T hi = f32 ? T(88.72283) : T(709.782712893384);     // about log(largest finite)
  constexpr T shifter = f32 ? T(12582912.0) : T(6755399441055744.0);  // 1.5 * 2^mantissa_bits
  constexpr T ln2_hi = f32 ? T(0.693359375) : T(6.93147180369123816490e-01);
  constexpr T ln2_lo = f32 ? T(-2.12194440e-4) : T(1.90821492927058770002e-10);
  constexpr int mant = f32 ? 23 : 52;
  constexpr U bias = f32 ? 127 : 1023;
  T xc = x < lo ? lo : x;  // NaN passes through the clamps
  xc = xc > hi ? hi : xc;
  const T t = xc * T(1.4426950408889634) + shifter;  // round(x / ln2) lands in the low mantissa bits
  const T n = t - shifter;
  T r = xc - n * ln2_hi;
  r = r - n * ln2_lo;
  T y;
  if constexpr (f32) {  // Cephes expf polynomial
    T p = T(1.9875691500E-4);
    p = p * r + T(1.3981999507E-3);
    p = p * r + T(8.3334519073E-3);
    p = p * r + T(4.1665795894E-2);
    p = p * r + T(1.6666665459E-1);
    p = p * r + T(5.0000001201E-1);
    y = p * r * r + r + T(1);
  } else {  // Taylor series to degree 13
    T p = T(1.0 / 6227020800.0);
    p = p * r + T(1.0 / 479001600.0);
    p = p * r + T(1.0 / 39916800.0);
    p = p * r + T(1.0 / 3628800.0);
    p = p * r + T(1.0 / 362880.0);
    p = p * r + T(1.0 / 40320.0);
    p = p * r + T(1.0 / 5040.0);
    p = p * r + T(1.0 / 720.0);
    p = p * r + T(1.0 / 120.0);
    p = p * r + T(1.0 / 24.0);
    p = p * r + T(1.0 / 6.0);
    p = p * r + T(0.5);
    y = p * r * r + r + T(1);
  }
  const U bits = (std::bit_cast<U>(t) - std::bit_cast<U>(shifter) + bias) << mant;  // 2^n
  y = y * std::bit_cast<T>(bits);
  return x < lo ? T(0) : y;
}

template <class T> T line_max(const T* x, int64_t n) { return reduce_run<T>(ExtremeOp<T, true>{nullptr}, x, n, 1, 0); }

// sum(exp(x - m)) over a contiguous line, also storing the exps in y when kStore.
template <bool kStore, class T> T exp_sum(const T* x, T* y, int64_t n, T m) {
  constexpr int L = lanes_of<T>();
  T lanes[L] = {};
  int64_t i = 0;
  for (; i + L <= n; i += L)
    for (int k = 0; k < L; ++k) {
      const T e = vexp(x[i + k] - m);
      if constexpr (kStore) y[i + k] = e;
      lanes[k] += e;
    }
  fold_lanes<L / 2>(SumOp<T, T, T>{nullptr}, lanes);
  T s = lanes[0];
  for (; i < n; ++i) {
    const T e = vexp(x[i] - m);
    if constexpr (kStore) y[i] = e;
    s += e;
  }
  return s;
}

// One contiguous line of n > 0 elements: y = softmax(x) / log_softmax(x) (y may alias x), or
// y[0] = logsumexp(x).
template <class T> void line_kernel(const T* x, T* y, int64_t n, LineMode mode) {
  const T m = line_max(x, n);
  switch (mode) {
    case LineMode::Softmax: {
      const T inv = T(1) / exp_sum<true>(x, y, n, m);
      for (int64_t j = 0; j < n; ++j) y[j] *= inv;
      return;
    }
    case LineMode::LogSoftmax: {
      const T log_s = std::log(exp_sum<false>(x, y, n, m));
      for (int64_t j = 0; j < n; ++j) y[j] = (x[j] - m) - log_s;  // not x - (m + log_s): m may be large
      return;
    }
    case LineMode::LogSumExp: {
      if (std::isinf(m)) {  // all -inf, or a +inf: exp(x) directly gives the right limit
        T s = 0;
        for (int64_t j = 0; j < n; ++j) s += std::exp(x[j]);
        y[0] = std::log(s);
      } else {
        y[0] = m + std::log(exp_sum<false>(x, y, n, m));
      }
      return;
    }
  }
}

// The line kernels compiled for AVX-512 as well as the baseline, picked at load time (GCC on
// x86-64 Linux); torch runs AVX-512 kernels where the CPU has them.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__)
#define RT_TARGET_CLONES __attribute__((flatten, target_clones("arch=x86-64-v4", "default")))
#else
#define RT_TARGET_CLONES __attribute__((flatten))
#endif

RT_TARGET_CLONES void line_kernel_f32(const float* x, float* y, int64_t n, LineMode mode) { line_kernel(x, y, n, mode); }
RT_TARGET_CLONES void line_kernel_f64(const double* x, double* y, int64_t n, LineMode mode) { line_kernel(x, y, n, mode); }

// The same over a block of w <= kCols adjacent lines stored as columns (row r of the block at
// x + r * stride), vectorized across the columns: softmax along a non-last dim of a contiguous tensor.
// For logsumexp, y receives the w results.
constexpr int64_t kCols = 64;

template <class T> void column_kernel(const T* x, T* y, int64_t n, int64_t stride, int64_t w, LineMode mode) {
  T m[kCols], s[kCols];
  for (int64_t j = 0; j < w; ++j) m[j] = -std::numeric_limits<T>::infinity(), s[j] = 0;
  for (int64_t r = 0; r < n; ++r) {
    const T* xr = x + r * stride;
    for (int64_t j = 0; j < w; ++j) m[j] = pick<true>(m[j], xr[j]);
  }
  if (mode == LineMode::LogSumExp) {
    for (int64_t j = 0; j < w; ++j)
      if (std::isinf(m[j])) m[j] = 0;  // all -inf or a +inf: exp(x) itself gives the limit
    for (int64_t r = 0; r < n; ++r) {
      const T* xr = x + r * stride;
      for (int64_t j = 0; j < w; ++j) s[j] += vexp(xr[j] - m[j]);
    }
    for (int64_t j = 0; j < w; ++j) y[j] = m[j] + std::log(s[j]);
    return;
  }
  for (int64_t r = 0; r < n; ++r) {
    const T* xr = x + r * stride;
    T* yr = y + r * stride;
    for (int64_t j = 0; j < w; ++j) {
      const T e = vexp(xr[j] - m[j]);
      if (mode == LineMode::Softmax) yr[j] = e;
      s[j] += e;
    }
  }
  if (mode == LineMode::Softmax) {
    for (int64_t j = 0; j < w; ++j) s[j] = T(1) / s[j];
    for (int64_t r = 0; r < n; ++r) {
      T* yr = y + r * stride;
      for (int64_t j = 0; j < w; ++j) yr[j] *= s[j];
    }
  } else {
    for (int64_t j = 0; j < w; ++j) s[j] = std::log(s[j]);
    for (int64_t r = 0; r < n; ++r) {
      const T* xr = x + r * stride;
      T* yr = y + r * stride;
      for (int64_t j = 0; j < w; ++j) yr[j] = (xr[j] - m[j]) - s[j];
    }
  }
}

RT_TARGET_CLONES void column_kernel_f32(const float* x, float* y, int64_t n, int64_t stride, int64_t w, LineMode mode) {
  column_kernel(x, y, n, stride, w, mode);
}
RT_TARGET_CLONES void column_kernel_f64(const double* x, double* y, int64_t n, int64_t stride, int64_t w,
                                        LineMode mode) {
  column_kernel(x, y, n, stride, w, mode);
}

template <class T> void run_line(const T* x, T* y, int64_t n, LineMode mode) {
  if constexpr (std::is_same_v<T, float>) line_kernel_f32(x, y, n, mode);
  else line_kernel_f64(x, y, n, mode);
}

// Applies the line kernel along dim d of x: out has x's shape (softmax modes) or d removed/kept
// as 1 (logsumexp). Strided lines go through a per-thread buffer.
void apply_line_kernel(const Tensor& x, int64_t d, const Tensor& out, LineMode mode) {
  if (const auto v = column_view(x, d); v && out.is_contiguous()) {
    // Adjacent lines are adjacent in memory: blocks of kCols lines at a time.
    dispatch_floating(x.dtype(), [&](auto tag) {
      using T = typename decltype(tag)::type;
      const T* xp = x.data<T>();
      T* yp = out.data<T>();
      const bool lse = mode == LineMode::LogSumExp;
      for_each_column_block(*v, kCols, 8, [&](int64_t o, int64_t j0, int64_t w) {
        const T* xb = xp + o * v->n * v->inner + j0;
        T* yb = lse ? yp + o * v->inner + j0 : yp + o * v->n * v->inner + j0;
        if constexpr (std::is_same_v<T, float>) column_kernel_f32(xb, yb, v->n, v->inner, w, mode);
        else column_kernel_f64(xb, yb, v->n, v->inner, w, mode);
      });
    });
    return;
  }
  const bool scalar = x.dim() == 0;
  const int64_t n = scalar ? 1 : x.shape()[d];
  const int64_t xs = scalar ? 1 : x.strides()[d];
  const bool lse = mode == LineMode::LogSumExp;
  // For logsumexp, out viewed with x's rank (size 1 along d, stride 0).
  Shape ostr = scalar ? Shape{} : x.shape();
  if (!scalar) {
    const Shape full = out.dim() == x.dim() ? out.strides() : [&] {
      Shape st = out.strides();
      st.insert(st.begin() + d, 0);
      return st;
    }();
    ostr = full;
  }
  const int64_t os = scalar ? 1 : ostr[d];
  dispatch_floating(x.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    const T* xp = x.data<T>();
    T* yp = out.data<T>();
    for_each_line(x.shape(), d, {x.strides(), ostr}, 8 * n, [&](const int64_t* off) {
      if (xs == 1 && (lse || os == 1)) {
        run_line(xp + off[0], yp + off[1], n, mode);
        return;
      }
      thread_local std::vector<T> buf;
      buf.resize(static_cast<size_t>(n));
      for (int64_t i = 0; i < n; ++i) buf[i] = xp[off[0] + i * xs];
      if (lse) {
        run_line(buf.data(), yp + off[1], n, mode);
        return;
      }
      run_line(buf.data(), buf.data(), n, mode);
      for (int64_t i = 0; i < n; ++i) yp[off[1] + i * os] = buf[i];
    });
  });
}

Tensor softmax_impl(const Tensor& t, int64_t dim, std::optional<DType> dtype, bool log) {
  check_real(t, log ? "log_softmax" : "softmax");
  const char* op = log ? "log_softmax" : "softmax";
  if (dtype) check_floating(*dtype, op, "dtype must be a floating point dtype");
  else check_floating(t.dtype(), op, "expected a floating point input (or pass dtype=)");
  const Tensor x = dtype ? to_dtype(t, *dtype) : t;
  const int64_t d = wrap_dim(dim, x.dim(), op);
  Tensor out = Tensor::empty(x.shape(), x.dtype());
  if (out.numel() > 0) apply_line_kernel(x, d, out, log ? LineMode::LogSoftmax : LineMode::Softmax);
  if (autograd::needs_grad({x})) {
    const std::vector<int64_t> dims{d};
    if (log)
      autograd::record("LogSoftmaxBackward", {x}, {out}, {out}, [dims](const BackwardContext& ctx, const TensorList& g) -> TensorList {
        return {sub(g[0], mul(exp(ctx.saved(0)), sum(g[0], dims, true)))};
      });
    else
      autograd::record("SoftmaxBackward", {x}, {out}, {out}, [dims](const BackwardContext& ctx, const TensorList& g) -> TensorList {
        const Tensor y = ctx.saved(0);
        return {mul(y, sub(g[0], sum(mul(g[0], y), dims, true)))};
      });
  }
  return out;
}

// Inclusive scan (sum or product) along dim; reverse scans from the end (the cumsum gradient).
Tensor scan_impl(const Tensor& t, int64_t dim, std::optional<DType> dtype, bool product, bool reverse) {
  check_real(t, product ? "cumprod" : "cumsum");
  const char* op = product ? "cumprod" : "cumsum";
  const DType out_dtype = sum_dtype(t, dtype);
  if (out_dtype == DType::Bool) return to_dtype(scan_impl(t.detach(), dim, DType::Int64, product, reverse), DType::Bool);
  const Tensor x = is_floating(out_dtype) ? to_dtype(t, out_dtype) : to_dtype(t.detach(), DType::Int64);
  const int64_t d = wrap_dim(dim, x.dim(), op);
  Tensor out = Tensor::empty(x.shape(), out_dtype);
  const int64_t n = x.dim() == 0 ? 1 : x.shape()[d];
  const int64_t xs = x.dim() == 0 ? 1 : x.strides()[d];
  const int64_t os = x.dim() == 0 ? 1 : out.strides()[d];
  dispatch_dtype(out_dtype, [&](auto tag) {
    using T = typename decltype(tag)::type;
    if constexpr (!std::is_same_v<T, bool>) {
      const T* xp = x.data<T>();
      T* yp = out.data<T>();
      if (const auto v = column_view(x, d)) {  // adjacent lines are adjacent columns: scan rows of a block
        constexpr int64_t kW = 64;
        for_each_column_block(*v, kW, 1, [&](int64_t o, int64_t j0, int64_t w) {
          const T* xb = xp + o * v->n * v->inner + j0;
          T* yb = yp + o * v->n * v->inner + j0;
          T acc[kW];
          for (int64_t j = 0; j < w; ++j) acc[j] = product ? T(1) : T(0);
          for (int64_t k = 0; k < v->n; ++k) {
            const int64_t r = reverse ? v->n - 1 - k : k;
            const T* xr = xb + r * v->inner;
            T* yr = yb + r * v->inner;
            if (product) {
              for (int64_t j = 0; j < w; ++j) yr[j] = acc[j] = acc[j] * xr[j];
            } else {
              for (int64_t j = 0; j < w; ++j) yr[j] = acc[j] = acc[j] + xr[j];
            }
          }
        });
        return;
      }
      for_each_line(x.shape(), d, {x.strides(), out.strides()}, n, [&](const int64_t* off) {
        const T* a = xp + off[0];
        T* y = yp + off[1];
        T acc = product ? T(1) : T(0);
        for (int64_t j = 0; j < n; ++j) {
          const int64_t i = reverse ? n - 1 - j : j;
          acc = product ? acc * a[i * xs] : acc + a[i * xs];
          y[i * os] = acc;
        }
      });
    }
  });
  if (autograd::needs_grad({x}) && is_floating(out_dtype)) {
    if (!product) {
      autograd::record("CumsumBackward", {x}, {out}, {}, [d, reverse](const BackwardContext&, const TensorList& g) -> TensorList {
        return {scan_impl(g[0], d, std::nullopt, false, !reverse)};
      });
    } else {
      autograd::record("CumprodBackward", {x}, {out}, {x, out}, [d](const BackwardContext& ctx, const TensorList& g) -> TensorList {
        const Tensor xs = ctx.saved(0), res = ctx.saved(1);
        const Tensor is_zero = eq(xs.detach(), Scalar(0.0));
        // d out_i / d x_k = out_i / x_k for k before the line's first zero.
        if (!any_true(is_zero)) return {div(scan_impl(mul(g[0], res), d, std::nullopt, false, true), xs)};
        const DType dt = xs.dtype();
        const Tensor one = scalar_of(1.0, dt), zero = scalar_of(0.0, dt);
        if (xs.dim() == 0) return {g[0]};
        if (autograd::GradMode::is_enabled()) {
          // Building a graph of the gradient: sum_{i >= k} g_i prod_{l <= i, l != k} x_l over
          // [..., k, i], exact to every order (O(n^2), like torch).
          const int64_t n = xs.shape()[d];
          const Tensor c = scan_impl(each_replaced_by_one(transpose(xs, d, -1)), -1, std::nullopt, true, false);
          const Tensor terms = where(square_mask(n, true), mul(c, unsqueeze(transpose(g[0], d, -1), -2)), zero);
          return {transpose(sum(terms, {-1}, false), d, -1)};
        }
        const Tensor zeros_so_far = scan_impl(is_zero, d, std::nullopt, false, false);  // int64
        const Tensor before_first = eq(zeros_so_far, Scalar(int64_t(0)));
        const Tensor first_zero = mul(is_zero, eq(zeros_so_far, Scalar(int64_t(1))));
        const Tensor safe_x = where(is_zero, one, xs);
        const Tensor g_before = div(scan_impl(mul(g[0], res), d, std::nullopt, false, true), safe_x);
        // At the first zero: sum_{i >= k} g_i * prod_{j <= i, j != k} x_j.
        const Tensor x_without_first = where(first_zero, one, xs);
        const Tensor g_first =
            scan_impl(mul(g[0], scan_impl(x_without_first, d, std::nullopt, true, false)), d, std::nullopt, false, true);
        return {where(before_first, g_before, where(first_zero, g_first, zero))};
      });
    }
  }
  return out;
}

}  // namespace

Tensor softmax(const Tensor& t, int64_t dim, std::optional<DType> dtype) { return softmax_impl(t, dim, dtype, false); }
Tensor log_softmax(const Tensor& t, int64_t dim, std::optional<DType> dtype) { return softmax_impl(t, dim, dtype, true); }

Tensor cumsum(const Tensor& t, int64_t dim, std::optional<DType> dtype) { return scan_impl(t, dim, dtype, false, false); }
Tensor cumprod(const Tensor& t, int64_t dim, std::optional<DType> dtype) { return scan_impl(t, dim, dtype, true, false); }

}  // namespace rustorch
