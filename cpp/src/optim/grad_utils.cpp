#include "rustorch/optim/grad_utils.hpp"

#include <cmath>
#include <cstring>
#include <limits>

#include "rustorch/ops/copy.hpp"
#include "rustorch/ops/factory.hpp"
#include "rustorch/optim/multi_tensor.hpp"

namespace rustorch::optim {

namespace {

enum class NormKind { L2, L1, Inf, NegInf, Zero, P };

NormKind norm_kind(double p) {
  if (p == 2.0) return NormKind::L2;
  if (p == 1.0) return NormKind::L1;
  if (p == std::numeric_limits<double>::infinity()) return NormKind::Inf;
  if (p == -std::numeric_limits<double>::infinity()) return NormKind::NegInf;
  if (p == 0.0) return NormKind::Zero;
  return NormKind::P;
}

inline double nan_max(double a, double b) { return (a != a || a > b) ? a : b; }
inline double nan_min(double a, double b) { return (a != a || a < b) ? a : b; }

// Reduces n values with `lanes` independent accumulators (so the loop vectorizes without
// reassociating any single sum), then combines the lanes in a fixed order.
template <class T, class Acc, class Map, class Comb>
double lane_reduce(const T* __restrict x, int64_t n, double init, Map map, Comb comb) {
  constexpr int L = 16;
  Acc acc[L];
  for (int k = 0; k < L; ++k) acc[k] = Acc(init);
  int64_t j = 0;
  for (; j + L <= n; j += L)
    for (int k = 0; k < L; ++k) acc[k] = comb(acc[k], map(x[j + k]));
  Acc r = Acc(init);
  for (int k = 0; k < L; ++k) r = comb(r, acc[k]);
  for (; j < n; ++j) r = comb(r, map(x[j]));
  return double(r);
}

// NaN-propagating max/min (branch-free, so that lane loops vectorize).
template <class A> inline A vmax(A a, A b) { return ((b != b) | (b > a)) ? b : a; }
template <class A> inline A vmin(A a, A b) { return ((b != b) | (b < a)) ? b : a; }

// The partial reduction of n values (sum of |x|^p, max or min of |x|, or count of non-zeros).
// Sums accumulate in double; max/min are exact in T.
template <class T> double partial_norm(const T* x, int64_t n, NormKind kind, double p) {
  auto add = [](double a, double b) { return a + b; };
  switch (kind) {
    case NormKind::L2:
      return lane_reduce<T, double>(x, n, 0.0, [](T v) { return double(v) * double(v); }, add);
    case NormKind::L1:
      return lane_reduce<T, double>(x, n, 0.0, [](T v) { return std::abs(double(v)); }, add);
    case NormKind::Inf:
      return lane_reduce<T, T>(x, n, 0.0, [](T v) { return std::abs(v); }, [](T a, T b) { return vmax(a, b); });
    case NormKind::NegInf:
      return lane_reduce<T, T>(x, n, std::numeric_limits<double>::infinity(), [](T v) { return std::abs(v); },
                               [](T a, T b) { return vmin(a, b); });
    case NormKind::Zero:
      return lane_reduce<T, double>(x, n, 0.0, [](T v) { return v != T(0) ? 1.0 : 0.0; }, add);
    case NormKind::P: break;
  }
  double s = 0;
  for (int64_t j = 0; j < n; ++j) s += std::pow(std::abs(double(x[j])), p);
  return s;
}

double combine(double a, double b, NormKind kind) {
  if (kind == NormKind::Inf) return nan_max(a, b);
  if (kind == NormKind::NegInf) return nan_min(a, b);
  return a + b;
}

double identity(NormKind kind) {
  return kind == NormKind::NegInf ? std::numeric_limits<double>::infinity() : 0.0;
}

double finish_norm(double acc, NormKind kind, double p) {
  switch (kind) {
    case NormKind::L2: return std::sqrt(acc);
    case NormKind::P: return std::pow(acc, 1.0 / p);
    default: return acc;
  }
}

// sum a[j] b[j] in double with 16 lanes (vectorizes; fixed combination order).
template <class T> double dot_lanes(const T* __restrict a, const T* __restrict b, int64_t n) {
  constexpr int L = 16;
  double acc[L] = {};
  int64_t j = 0;
  for (; j + L <= n; j += L)
    for (int k = 0; k < L; ++k) acc[k] += double(a[j + k]) * double(b[j + k]);
  double r = 0;
  for (int k = 0; k < L; ++k) r += acc[k];
  for (; j < n; ++j) r += double(a[j]) * double(b[j]);
  return r;
}

double round_to(double v, DType d) { return d == DType::Float32 ? double(float(v)) : v; }

Tensor check_vector(const Tensor& t, const char* op) {
  RT_CHECK(t.defined() && t.dim() == 1, ValueError, op, ": expected a 1-D tensor, got ",
           t.defined() ? describe(t) : std::string("None"));
  RT_CHECK(is_floating(t.dtype()), TypeError, op, ": expected a float tensor, got ", describe(t));
  return contiguous_as(t, t.dtype());
}

}  // namespace

Tensor total_norm(const TensorList& tensors, double norm_type) {
  const char* op = "clip_grad_norm_";
  RT_CHECK(!std::isnan(norm_type), ValueError, op, ": norm_type must not be NaN");
  const NormKind kind = norm_kind(norm_type);
  const size_t n = tensors.size();
  if (n == 0) return scalar_tensor(Scalar(0.0), default_float_dtype());
  MultiTensor mt(op, n, 1);
  DType out_dtype = tensors[0].defined() ? tensors[0].dtype() : DType::Float32;
  for (size_t i = 0; i < n; ++i) {
    mt.set(i, 0, tensors[i], false);
    out_dtype = promote_types(out_dtype, tensors[i].dtype());
  }
  // Partial results per fixed chunk, combined in order: independent of the thread count.
  std::vector<std::vector<double>> partial(n);
  for (size_t i = 0; i < n; ++i) partial[i].assign(static_cast<size_t>((mt.numel(i) + kChunk - 1) / kChunk), 0.0);
  mt.run([&](size_t i, int64_t b, int64_t e) {
    double r;
    if (mt.dtype(i) == DType::Float32) r = partial_norm(mt.data<float>(i, 0) + b, e - b, kind, norm_type);
    else r = partial_norm(mt.data<double>(i, 0) + b, e - b, kind, norm_type);
    partial[i][static_cast<size_t>(b / kChunk)] = r;
  });
  // Each tensor's norm in its own dtype (as torch._foreach_norm), then the norm of those norms.
  double acc = identity(kind);
  for (size_t i = 0; i < n; ++i) {
    double a = identity(kind);
    for (double v : partial[i]) a = combine(a, v, kind);
    const double norm_i = round_to(round_to(finish_norm(a, kind, norm_type), mt.dtype(i)), out_dtype);
    acc = combine(acc, partial_norm(&norm_i, 1, kind, norm_type), kind);
  }
  return scalar_tensor(Scalar(round_to(finish_norm(acc, kind, norm_type), out_dtype)), out_dtype);
}

void clip_grads_with_norm_(const TensorList& grads, double max_norm, const Tensor& total_norm) {
  const char* op = "clip_grads_with_norm_";
  if (grads.empty()) return;
  RT_CHECK(total_norm.defined() && total_norm.numel() == 1 && is_floating(total_norm.dtype()), ValueError, op,
           ": total_norm must be a one-element float tensor");
  const DType nd = total_norm.dtype();
  double coef = 0;
  dispatch_floating(nd, [&](auto tag) {
    using T = typename decltype(tag)::type;
    const T tn = *contiguous_as(total_norm, nd).template data<T>();
    T c = T(max_norm) / (tn + T(1e-6));
    if (!(c != c) && c > T(1)) c = T(1);  // clamp(max=1.0); NaN stays NaN
    coef = double(c);
  });
  if (coef == 1.0) return;  // multiplying by one changes nothing
  MultiTensor mt(op, grads.size(), 1);
  for (size_t i = 0; i < grads.size(); ++i) mt.set(i, 0, grads[i], true);
  mt.run([&](size_t i, int64_t b, int64_t e) {
    dispatch_floating(mt.dtype(i), [&](auto tag) {
      using T = typename decltype(tag)::type;
      T* __restrict x = mt.data<T>(i, 0) + b;
      const T c = T(coef);
      for (int64_t j = 0; j < e - b; ++j) x[j] = x[j] * c;
    });
  });
  mt.finish();
}

Tensor clip_grad_norm_(const TensorList& grads, double max_norm, double norm_type, bool error_if_nonfinite) {
  Tensor norm = total_norm(grads, norm_type);
  if (error_if_nonfinite) {
    const double v = *contiguous_as(norm, DType::Float64).data<double>();
    RT_CHECK(std::isfinite(v), Error, "The total norm of order ", norm_type,
             " for gradients from `parameters` is non-finite, so it cannot be clipped. To disable this error and "
             "scale the gradients by the non-finite norm anyway, set `error_if_nonfinite=False`");
  }
  clip_grads_with_norm_(grads, max_norm, norm);
  return norm;
}

void clip_grad_value_(const TensorList& grads, double clip_value) {
  const char* op = "clip_grad_value_";
  if (grads.empty()) return;
  MultiTensor mt(op, grads.size(), 1);
  for (size_t i = 0; i < grads.size(); ++i) mt.set(i, 0, grads[i], true);
  mt.run([&](size_t i, int64_t b, int64_t e) {
    dispatch_floating(mt.dtype(i), [&](auto tag) {
      using T = typename decltype(tag)::type;
      T* __restrict x = mt.data<T>(i, 0) + b;
      const T lo = T(-clip_value), hi = T(clip_value);
      for (int64_t j = 0; j < e - b; ++j) {
        T v = x[j];
        v = v < lo ? lo : v;
        x[j] = v > hi ? hi : v;
      }
    });
  });
  mt.finish();
}

Tensor flatten_tensors(const TensorList& tensors, const std::vector<int64_t>& numels, DType dtype) {
  const char* op = "flatten_tensors";
  check_list_size(op, "sizes", numels.size(), tensors.size());
  int64_t total = 0;
  for (size_t i = 0; i < tensors.size(); ++i) {
    if (tensors[i].defined())
      RT_CHECK(tensors[i].numel() == numels[i], ValueError, op, ": tensor ", i, " has ", tensors[i].numel(),
               " elements, expected ", numels[i]);
    total += numels[i];
  }
  Tensor out = Tensor::empty({total}, dtype);
  int64_t off = 0;
  for (size_t i = 0; i < tensors.size(); ++i) {
    if (tensors[i].defined()) {
      const Shape& s = tensors[i].shape();
      copy_kernel(out.as_strided(s, contiguous_strides(s), out.offset() + off), tensors[i]);
    } else if (numels[i] > 0) {
      std::memset(static_cast<char*>(out.raw_data()) + off * itemsize(dtype), 0,
                  static_cast<size_t>(numels[i]) * itemsize(dtype));
    }
    off += numels[i];
  }
  return out;
}

void vector_to_parameters(const Tensor& vec, const TensorList& params) {
  const char* op = "vector_to_parameters";
  RT_CHECK(vec.defined() && vec.dim() == 1, ValueError, op, ": expected a 1-D vector, got ",
           vec.defined() ? describe(vec) : std::string("None"));
  int64_t total = 0;
  for (const Tensor& p : params) total += p.numel();
  RT_CHECK(vec.numel() >= total, ValueError, op, ": the vector has ", vec.numel(),
           " elements but the parameters need ", total);
  const Tensor v = contiguous_as(vec, vec.dtype());
  int64_t off = 0;
  for (const Tensor& p : params) {
    const Shape& s = p.shape();
    Tensor slice = v.as_strided(s, contiguous_strides(s), v.offset() + off);
    p.impl()->set_data(*slice.impl());
    off += p.numel();
  }
}

void add_flat_(const TensorList& params, double alpha, const Tensor& vec) {
  const char* op = "add_flat_";
  const Tensor v = check_vector(vec, op);
  int64_t total = 0;
  for (const Tensor& p : params) total += p.numel();
  RT_CHECK(v.numel() == total, ValueError, op, ": the vector has ", v.numel(), " elements but the parameters have ",
           total);
  MultiTensor mt(op, params.size(), 2);
  int64_t off = 0;
  for (size_t i = 0; i < params.size(); ++i) {
    const Shape& s = params[i].shape();
    mt.set(i, 0, params[i], true);
    mt.set(i, 1, v.as_strided(s, contiguous_strides(s), v.offset() + off), false);
    off += params[i].numel();
  }
  mt.run([&](size_t i, int64_t b, int64_t e) {
    dispatch_floating(mt.dtype(i), [&](auto tag) {
      using T = typename decltype(tag)::type;
      T* __restrict p = mt.data<T>(i, 0) + b;
      const T* __restrict u = mt.data<T>(i, 1) + b;
      const T a = T(alpha);
      for (int64_t j = 0; j < e - b; ++j) p[j] = p[j] + a * u[j];
    });
  });
  mt.finish();
}

double dot(const Tensor& a, const Tensor& b) {
  const Tensor x = check_vector(a, "dot");
  const Tensor y = contiguous_as(check_vector(b, "dot"), x.dtype());
  RT_CHECK(x.numel() == y.numel(), ValueError, "dot: vectors of sizes ", x.numel(), " and ", y.numel());
  double s = 0;
  dispatch_floating(x.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    s = dot_lanes(x.data<T>(), y.data<T>(), x.numel());
  });
  return round_to(s, x.dtype());
}

double abs_max(const Tensor& a) {
  const Tensor x = check_vector(a, "abs_max");
  double m = 0;
  dispatch_floating(x.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    m = partial_norm(x.data<T>(), x.numel(), NormKind::Inf, 0.0);
  });
  return m;
}

double abs_sum(const Tensor& a) {
  const Tensor x = check_vector(a, "abs_sum");
  double s = 0;
  dispatch_floating(x.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    s = partial_norm(x.data<T>(), x.numel(), NormKind::L1, 1.0);
  });
  return round_to(s, x.dtype());
}

Tensor lbfgs_direction(const Tensor& flat_grad, const TensorList& old_dirs, const TensorList& old_stps,
                       const std::vector<double>& ro, double h_diag) {
  const char* op = "lbfgs_direction";
  const Tensor g = check_vector(flat_grad, op);
  const size_t m = old_dirs.size();
  check_list_size(op, "steps", old_stps.size(), m);
  check_list_size(op, "ro values", ro.size(), m);
  const DType dt = g.dtype();
  const int64_t n = g.numel();
  std::vector<Tensor> y(m), s(m);
  for (size_t i = 0; i < m; ++i) {
    y[i] = contiguous_as(check_vector(old_dirs[i], op), dt);
    s[i] = contiguous_as(check_vector(old_stps[i], op), dt);
    RT_CHECK(y[i].numel() == n && s[i].numel() == n, ValueError, op, ": history vector ", i, " has the wrong size");
  }
  Tensor out = Tensor::empty({n}, dt);
  dispatch_floating(dt, [&](auto tag) {
    using T = typename decltype(tag)::type;
    auto dotp = [n](const T* a, const T* b) { return T(dot_lanes(a, b, n)); };
    T* q = out.data<T>();
    const T* gp = g.data<T>();
    for (int64_t j = 0; j < n; ++j) q[j] = -gp[j];
    std::vector<T> al(m);
    for (size_t k = m; k-- > 0;) {
      al[k] = dotp(s[k].data<T>(), q) * T(ro[k]);
      const T a = -al[k];
      const T* yk = y[k].data<T>();
      for (int64_t j = 0; j < n; ++j) q[j] = q[j] + a * yk[j];
    }
    const T h = T(h_diag);
    for (int64_t j = 0; j < n; ++j) q[j] = q[j] * h;
    for (size_t k = 0; k < m; ++k) {
      const T be = dotp(y[k].data<T>(), q) * T(ro[k]);
      const T a = al[k] - be;
      const T* sk = s[k].data<T>();
      for (int64_t j = 0; j < n; ++j) q[j] = q[j] + a * sk[j];
    }
  });
  return out;
}

}  // namespace rustorch::optim
