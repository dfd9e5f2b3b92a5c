// Fused optimizer updates. Each kernel follows the operation order of PyTorch's single-tensor
// implementation (torch/optim/<name>.py, `_single_tensor_<name>`), with Python-number operands
// rounded to the parameter's type where PyTorch rounds them, so results agree to the last bits.
#include "rustorch/optim/fused.hpp"

#include <cmath>
#include <type_traits>

#include "rustorch/ops/factory.hpp"
#include "rustorch/optim/multi_tensor.hpp"

namespace rustorch::optim {

namespace {

// Increments a 0-d step counter in its own dtype (PyTorch's `step_t += 1`) and returns the new value.
double increment_step(const Tensor& step, const char* op, size_t i) {
  RT_CHECK(step.defined() && step.numel() == 1, ValueError, op, ": the step counter of parameter ", i,
           " must be a one-element tensor");
  double v = 0;
  switch (step.dtype()) {
    case DType::Float32: v = *step.data<float>() += 1.0f; break;
    case DType::Float64: v = *step.data<double>() += 1.0; break;
    case DType::Int64: v = static_cast<double>(*step.data<int64_t>() += 1); break;
    default: RT_THROW(TypeError, op, ": the step counter of parameter ", i, " must be a number, got ", describe(step));
  }
  step.bump_version();
  return v;
}

// PyTorch's lerp with a scalar weight: start + w (end - start) for |w| < 0.5, else end + (w - 1) (end - start).
template <class T> inline T lerp(T start, T end, T w, bool small) {
  return small ? start + w * (end - start) : end + (w - T(1)) * (end - start);
}

// torch.maximum: NaN in either operand propagates.
template <class T> inline T maximum(T a, T b) { return ((a != a) | (a > b)) ? a : b; }

// Calls f(std::bool_constant<b>{}): loop-invariant options become compile-time constants, so that
// every kernel loop is a straight-line body the compiler vectorizes.
template <class F> inline void with_flag(bool b, F&& f) {
  if (b) f(std::true_type{});
  else f(std::false_type{});
}

// Runs kernel<float> or kernel<double> for slot i.
#define RT_OPTIM_DISPATCH(mt, i, KERNEL, ...)              \
  do {                                                     \
    if ((mt).dtype(i) == DType::Float32) KERNEL<float>(__VA_ARGS__); \
    else KERNEL<double>(__VA_ARGS__);                      \
  } while (0)

// ---------------------------------------------------------------------------------------------- SGD

template <class T>
void sgd_kernel(const MultiTensor& mt, size_t i, int64_t b, int64_t e, const SGDOptions& o, bool first) {
  T* __restrict p = mt.data<T>(i, 0) + b;
  const T* __restrict g = mt.data<T>(i, 1) + b;
  const int64_t n = e - b;
  const T wd = T(o.weight_decay), mom = T(o.momentum), one_minus_damp = T(1 - o.dampening), neg_lr = T(-o.lr);
  const bool use_wd = o.weight_decay != 0, maximize = o.maximize, nesterov = o.nesterov;
  if (o.momentum == 0) {
    for (int64_t j = 0; j < n; ++j) {
      T grad = maximize ? -g[j] : g[j];
      if (use_wd) grad = grad + wd * p[j];
      p[j] = p[j] + neg_lr * grad;
    }
    return;
  }
  T* __restrict buf = mt.data<T>(i, 2) + b;
  for (int64_t j = 0; j < n; ++j) {
    T grad = maximize ? -g[j] : g[j];
    if (use_wd) grad = grad + wd * p[j];
    const T m = first ? grad : buf[j] * mom + one_minus_damp * grad;
    buf[j] = m;
    if (nesterov) grad = grad + mom * m;
    else grad = m;
    p[j] = p[j] + neg_lr * grad;
  }
}

// --------------------------------------------------------------------------------------------- Adam

struct AdamScalars {
  double step_size, bc2_sqrt;
};

template <class T, bool AMSGRAD, bool COUPLED_WD, bool SMALL>
void adam_loop(T* __restrict p, const T* __restrict g, T* __restrict m, T* __restrict v, T* __restrict vmax,
               int64_t n, T sign, T w1, T beta2, T w2, T eps, T wd, T decay, T bc2_sqrt, T neg_step) {
  for (int64_t j = 0; j < n; ++j) {
    const T param = p[j] * decay;  // decoupled weight decay (decay is 1 otherwise: exact)
    T grad = g[j] * sign;          // maximize: sign is -1 (exact negation)
    if constexpr (COUPLED_WD) grad = grad + wd * param;
    const T mj = lerp(m[j], grad, w1, SMALL);
    const T vj = v[j] * beta2 + w2 * grad * grad;
    m[j] = mj;
    v[j] = vj;
    T denom_base = vj;
    if constexpr (AMSGRAD) {
      denom_base = maximum(vmax[j], vj);
      vmax[j] = denom_base;
    }
    const T denom = std::sqrt(denom_base) / bc2_sqrt + eps;
    p[j] = param + neg_step * (mj / denom);
  }
}

template <class T>
void adam_kernel(const MultiTensor& mt, size_t i, int64_t b, int64_t e, const AdamOptions& o, const AdamScalars& s) {
  T* p = mt.data<T>(i, 0) + b;
  const T* g = mt.data<T>(i, 1) + b;
  T* m = mt.data<T>(i, 2) + b;
  T* v = mt.data<T>(i, 3) + b;
  T* vmax = o.amsgrad ? mt.data<T>(i, 4) + b : nullptr;
  const T w1 = T(1 - o.beta1);
  const T decay = o.weight_decay != 0 && o.decoupled_weight_decay ? T(1 - o.lr * o.weight_decay) : T(1);
  with_flag(o.amsgrad, [&](auto ams) {
    with_flag(o.weight_decay != 0 && !o.decoupled_weight_decay, [&](auto cwd) {
      with_flag(std::abs(w1) < T(0.5), [&](auto small) {
        adam_loop<T, ams.value, cwd.value, small.value>(p, g, m, v, vmax, e - b, o.maximize ? T(-1) : T(1), w1,
                                                        T(o.beta2), T(1 - o.beta2), T(o.eps), T(o.weight_decay),
                                                        decay, T(s.bc2_sqrt), T(-s.step_size));
      });
    });
  });
}

// ------------------------------------------------------------------------------------------ RMSprop

template <class T, bool WD, bool CENTERED, bool MOMENTUM, bool SMALL>
void rmsprop_loop(T* __restrict p, const T* __restrict g, T* __restrict sq, T* __restrict ga, T* __restrict buf,
                  int64_t n, T sign, T alpha, T w, T eps, T wd, T mom, T neg_lr) {
  for (int64_t j = 0; j < n; ++j) {
    T grad = g[j] * sign;
    if constexpr (WD) grad = grad + wd * p[j];
    const T s = sq[j] * alpha + w * grad * grad;
    sq[j] = s;
    T avg;
    if constexpr (CENTERED) {
      const T a = lerp(ga[j], grad, w, SMALL);
      ga[j] = a;
      avg = std::sqrt(s + T(-1) * a * a);
    } else {
      avg = std::sqrt(s);
    }
    avg = avg + eps;
    if constexpr (MOMENTUM) {
      const T bj = buf[j] * mom + grad / avg;
      buf[j] = bj;
      p[j] = p[j] + neg_lr * bj;
    } else {
      p[j] = p[j] + neg_lr * (grad / avg);
    }
  }
}

template <class T>
void rmsprop_kernel(const MultiTensor& mt, size_t i, int64_t b, int64_t e, const RMSpropOptions& o) {
  T* p = mt.data<T>(i, 0) + b;
  const T* g = mt.data<T>(i, 1) + b;
  T* sq = mt.data<T>(i, 2) + b;
  size_t k = 3;
  T* ga = o.centered ? mt.data<T>(i, k++) + b : nullptr;
  T* buf = o.momentum > 0 ? mt.data<T>(i, k++) + b : nullptr;
  const T w = T(1 - o.alpha);
  with_flag(o.weight_decay != 0, [&](auto wd) {
    with_flag(o.centered, [&](auto centered) {
      with_flag(o.momentum > 0, [&](auto mom) {
        with_flag(std::abs(w) < T(0.5), [&](auto small) {
          rmsprop_loop<T, wd.value, centered.value, mom.value, small.value>(
              p, g, sq, ga, buf, e - b, o.maximize ? T(-1) : T(1), T(o.alpha), w, T(o.eps), T(o.weight_decay),
              T(o.momentum), T(-o.lr));
        });
      });
    });
  });
}

// ------------------------------------------------------------------------------------------ Adagrad

template <class T>
void adagrad_kernel(const MultiTensor& mt, size_t i, int64_t b, int64_t e, const AdagradOptions& o, double clr) {
  T* __restrict p = mt.data<T>(i, 0) + b;
  const T* __restrict g = mt.data<T>(i, 1) + b;
  T* __restrict sum = mt.data<T>(i, 2) + b;
  const int64_t n = e - b;
  const T eps = T(o.eps), wd = T(o.weight_decay), neg_clr = T(-clr);
  const bool maximize = o.maximize, use_wd = o.weight_decay != 0;
  for (int64_t j = 0; j < n; ++j) {
    T grad = maximize ? -g[j] : g[j];
    if (use_wd) grad = grad + wd * p[j];
    const T s = sum[j] + T(1) * grad * grad;
    sum[j] = s;
    const T std_ = std::sqrt(s) + eps;
    p[j] = p[j] + neg_clr * (grad / std_);
  }
}

// ----------------------------------------------------------------------------------------- Adadelta

template <class T>
void adadelta_kernel(const MultiTensor& mt, size_t i, int64_t b, int64_t e, const AdadeltaOptions& o) {
  T* __restrict p = mt.data<T>(i, 0) + b;
  const T* __restrict g = mt.data<T>(i, 1) + b;
  T* __restrict sq = mt.data<T>(i, 2) + b;
  T* __restrict acc = mt.data<T>(i, 3) + b;
  const int64_t n = e - b;
  const T rho = T(o.rho), w = T(1 - o.rho), eps = T(o.eps), wd = T(o.weight_decay), neg_lr = T(-o.lr);
  const bool maximize = o.maximize, use_wd = o.weight_decay != 0;
  for (int64_t j = 0; j < n; ++j) {
    T grad = maximize ? -g[j] : g[j];
    if (use_wd) grad = grad + wd * p[j];
    const T s = sq[j] * rho + w * grad * grad;
    sq[j] = s;
    const T std_ = std::sqrt(s + eps);
    T delta = std::sqrt(acc[j] + eps);
    delta = delta / std_;
    delta = delta * grad;
    acc[j] = acc[j] * rho + w * delta * delta;
    p[j] = p[j] + neg_lr * delta;
  }
}

// ------------------------------------------------------------------------------------------- Adamax

template <class T, bool WD, bool SMALL>
void adamax_loop(T* __restrict p, const T* __restrict g, T* __restrict m, T* __restrict u, int64_t n, T sign, T w1,
                 T beta2, T eps, T wd, T neg_clr) {
  for (int64_t j = 0; j < n; ++j) {
    T grad = g[j] * sign;
    if constexpr (WD) grad = grad + wd * p[j];
    const T mj = lerp(m[j], grad, w1, SMALL);
    m[j] = mj;
    const T uj = maximum(u[j] * beta2, std::abs(grad) + eps);
    u[j] = uj;
    p[j] = p[j] + neg_clr * (mj / uj);
  }
}

template <class T>
void adamax_kernel(const MultiTensor& mt, size_t i, int64_t b, int64_t e, const AdamaxOptions& o, double clr) {
  const T w1 = T(1 - o.beta1);
  with_flag(o.weight_decay != 0, [&](auto wd) {
    with_flag(std::abs(w1) < T(0.5), [&](auto small) {
      adamax_loop<T, wd.value, small.value>(mt.data<T>(i, 0) + b, mt.data<T>(i, 1) + b, mt.data<T>(i, 2) + b,
                                            mt.data<T>(i, 3) + b, e - b, o.maximize ? T(-1) : T(1), w1, T(o.beta2),
                                            T(o.eps), T(o.weight_decay), T(-clr));
    });
  });
}

// -------------------------------------------------------------------------------------------- NAdam

struct NAdamScalars {
  double bc2, c_grad, c_avg;
};

template <class T, bool COUPLED_WD, bool SMALL>
void nadam_loop(T* __restrict p, const T* __restrict g, T* __restrict m, T* __restrict v, int64_t n, T sign, T w1,
                T beta2, T w2, T eps, T wd, T decay, T bc2, T c_grad, T c_avg) {
  for (int64_t j = 0; j < n; ++j) {
    T param = p[j] * decay;
    T grad = g[j] * sign;
    if constexpr (COUPLED_WD) grad = grad + wd * param;
    const T mj = lerp(m[j], grad, w1, SMALL);
    const T vj = v[j] * beta2 + w2 * grad * grad;
    m[j] = mj;
    v[j] = vj;
    const T denom = std::sqrt(vj / bc2) + eps;
    param = param + c_grad * (grad / denom);
    p[j] = param + c_avg * (mj / denom);
  }
}

template <class T>
void nadam_kernel(const MultiTensor& mt, size_t i, int64_t b, int64_t e, const NAdamOptions& o, const NAdamScalars& s) {
  const T w1 = T(1 - o.beta1);
  const T decay = o.weight_decay != 0 && o.decoupled_weight_decay ? T(1 - o.lr * o.weight_decay) : T(1);
  with_flag(o.weight_decay != 0 && !o.decoupled_weight_decay, [&](auto cwd) {
    with_flag(std::abs(w1) < T(0.5), [&](auto small) {
      nadam_loop<T, cwd.value, small.value>(mt.data<T>(i, 0) + b, mt.data<T>(i, 1) + b, mt.data<T>(i, 2) + b,
                                            mt.data<T>(i, 3) + b, e - b, o.maximize ? T(-1) : T(1), w1, T(o.beta2),
                                            T(1 - o.beta2), T(o.eps), T(o.weight_decay), decay, T(s.bc2),
                                            T(s.c_grad), T(s.c_avg));
    });
  });
}

// -------------------------------------------------------------------------------------------- RAdam

struct RAdamScalars {
  double bc1, bc2_sqrt, rect;
  bool rectify;
};

template <class T, bool COUPLED_WD, bool SMALL, bool RECTIFY>
void radam_loop(T* __restrict p, const T* __restrict g, T* __restrict m, T* __restrict v, int64_t n, T sign, T w1,
                T beta2, T w2, T eps, T wd, T decay, T bc1, T bc2_sqrt, T rect, T lr) {
  for (int64_t j = 0; j < n; ++j) {
    const T param = p[j] * decay;
    T grad = g[j] * sign;
    if constexpr (COUPLED_WD) grad = grad + wd * param;
    const T mj = lerp(m[j], grad, w1, SMALL);
    const T vj = v[j] * beta2 + w2 * grad * grad;
    m[j] = mj;
    v[j] = vj;
    T upd = (mj / bc1) * lr;
    if constexpr (RECTIFY) upd = upd * ((T(1) / (std::sqrt(vj) + eps)) * bc2_sqrt) * rect;
    p[j] = param + T(-1) * upd;
  }
}

template <class T>
void radam_kernel(const MultiTensor& mt, size_t i, int64_t b, int64_t e, const RAdamOptions& o, const RAdamScalars& s) {
  const T w1 = T(1 - o.beta1);
  const T decay = o.weight_decay != 0 && o.decoupled_weight_decay ? T(1 - o.lr * o.weight_decay) : T(1);
  with_flag(o.weight_decay != 0 && !o.decoupled_weight_decay, [&](auto cwd) {
    with_flag(std::abs(w1) < T(0.5), [&](auto small) {
      with_flag(s.rectify, [&](auto rectify) {
        radam_loop<T, cwd.value, small.value, rectify.value>(
            mt.data<T>(i, 0) + b, mt.data<T>(i, 1) + b, mt.data<T>(i, 2) + b, mt.data<T>(i, 3) + b, e - b,
            o.maximize ? T(-1) : T(1), w1, T(o.beta2), T(1 - o.beta2), T(o.eps), T(o.weight_decay), decay, T(s.bc1),
            T(s.bc2_sqrt), T(s.rect), T(o.lr));
      });
    });
  });
}

}  // namespace

void sgd_step(const TensorList& params, const TensorList& grads, TensorList& momentum_buffers, const SGDOptions& o) {
  const char* op = "sgd";
  const size_t n = params.size();
  check_list_size(op, "gradients", grads.size(), n);
  const bool use_mom = o.momentum != 0;
  if (use_mom) check_list_size(op, "momentum buffers", momentum_buffers.size(), n);
  MultiTensor mt(op, n, use_mom ? 3 : 2);
  std::vector<char> first(n, 0);
  for (size_t i = 0; i < n; ++i) {
    mt.set(i, 0, params[i], true);
    mt.set(i, 1, grads[i], false);
    if (use_mom) {
      if (!momentum_buffers[i].defined()) {
        momentum_buffers[i] = empty(params[i].shape(), params[i].dtype());
        first[i] = 1;
      }
      mt.set(i, 2, momentum_buffers[i], true);
    }
  }
  mt.run([&](size_t i, int64_t b, int64_t e) { RT_OPTIM_DISPATCH(mt, i, sgd_kernel, mt, i, b, e, o, first[i] != 0); });
  mt.finish();
}

void adam_step(const TensorList& params, const TensorList& grads, const TensorList& exp_avgs,
               const TensorList& exp_avg_sqs, const TensorList& max_exp_avg_sqs, const TensorList& steps,
               const AdamOptions& o) {
  const char* op = o.decoupled_weight_decay ? "adamw" : "adam";
  const size_t n = params.size();
  check_list_size(op, "gradients", grads.size(), n);
  check_list_size(op, "exp_avgs", exp_avgs.size(), n);
  check_list_size(op, "exp_avg_sqs", exp_avg_sqs.size(), n);
  check_list_size(op, "steps", steps.size(), n);
  if (o.amsgrad) check_list_size(op, "max_exp_avg_sqs", max_exp_avg_sqs.size(), n);
  MultiTensor mt(op, n, o.amsgrad ? 5 : 4);
  for (size_t i = 0; i < n; ++i) {
    mt.set(i, 0, params[i], true);
    mt.set(i, 1, grads[i], false);
    mt.set(i, 2, exp_avgs[i], true);
    mt.set(i, 3, exp_avg_sqs[i], true);
    if (o.amsgrad) mt.set(i, 4, max_exp_avg_sqs[i], true);
  }
  std::vector<AdamScalars> sc(n);
  for (size_t i = 0; i < n; ++i) {
    const double step = increment_step(steps[i], op, i);
    const double bc1 = 1 - std::pow(o.beta1, step), bc2 = 1 - std::pow(o.beta2, step);
    sc[i] = {o.lr / bc1, std::sqrt(bc2)};
  }
  mt.run([&](size_t i, int64_t b, int64_t e) { RT_OPTIM_DISPATCH(mt, i, adam_kernel, mt, i, b, e, o, sc[i]); });
  mt.finish();
}

void rmsprop_step(const TensorList& params, const TensorList& grads, const TensorList& square_avgs,
                  const TensorList& grad_avgs, const TensorList& momentum_buffers, const TensorList& steps,
                  const RMSpropOptions& o) {
  const char* op = "rmsprop";
  const size_t n = params.size();
  check_list_size(op, "gradients", grads.size(), n);
  check_list_size(op, "square_avgs", square_avgs.size(), n);
  check_list_size(op, "steps", steps.size(), n);
  if (o.centered) check_list_size(op, "grad_avgs", grad_avgs.size(), n);
  if (o.momentum > 0) check_list_size(op, "momentum buffers", momentum_buffers.size(), n);
  MultiTensor mt(op, n, 3 + (o.centered ? 1 : 0) + (o.momentum > 0 ? 1 : 0));
  for (size_t i = 0; i < n; ++i) {
    mt.set(i, 0, params[i], true);
    mt.set(i, 1, grads[i], false);
    mt.set(i, 2, square_avgs[i], true);
    size_t k = 3;
    if (o.centered) mt.set(i, k++, grad_avgs[i], true);
    if (o.momentum > 0) mt.set(i, k++, momentum_buffers[i], true);
  }
  for (size_t i = 0; i < n; ++i) increment_step(steps[i], op, i);
  mt.run([&](size_t i, int64_t b, int64_t e) { RT_OPTIM_DISPATCH(mt, i, rmsprop_kernel, mt, i, b, e, o); });
  mt.finish();
}

void adagrad_step(const TensorList& params, const TensorList& grads, const TensorList& state_sums,
                  const TensorList& steps, const AdagradOptions& o) {
  const char* op = "adagrad";
  const size_t n = params.size();
  check_list_size(op, "gradients", grads.size(), n);
  check_list_size(op, "state sums", state_sums.size(), n);
  check_list_size(op, "steps", steps.size(), n);
  MultiTensor mt(op, n, 3);
  for (size_t i = 0; i < n; ++i) {
    mt.set(i, 0, params[i], true);
    mt.set(i, 1, grads[i], false);
    mt.set(i, 2, state_sums[i], true);
  }
  std::vector<double> clr(n);
  for (size_t i = 0; i < n; ++i) {
    const double step = increment_step(steps[i], op, i);
    clr[i] = o.lr / (1 + (step - 1) * o.lr_decay);
  }
  mt.run([&](size_t i, int64_t b, int64_t e) { RT_OPTIM_DISPATCH(mt, i, adagrad_kernel, mt, i, b, e, o, clr[i]); });
  mt.finish();
}

void adadelta_step(const TensorList& params, const TensorList& grads, const TensorList& square_avgs,
                   const TensorList& acc_deltas, const TensorList& steps, const AdadeltaOptions& o) {
  const char* op = "adadelta";
  const size_t n = params.size();
  check_list_size(op, "gradients", grads.size(), n);
  check_list_size(op, "square_avgs", square_avgs.size(), n);
  check_list_size(op, "acc_deltas", acc_deltas.size(), n);
  check_list_size(op, "steps", steps.size(), n);
  MultiTensor mt(op, n, 4);
  for (size_t i = 0; i < n; ++i) {
    mt.set(i, 0, params[i], true);
    mt.set(i, 1, grads[i], false);
    mt.set(i, 2, square_avgs[i], true);
    mt.set(i, 3, acc_deltas[i], true);
  }
  for (size_t i = 0; i < n; ++i) increment_step(steps[i], op, i);
  mt.run([&](size_t i, int64_t b, int64_t e) { RT_OPTIM_DISPATCH(mt, i, adadelta_kernel, mt, i, b, e, o); });
  mt.finish();
}

void adamax_step(const TensorList& params, const TensorList& grads, const TensorList& exp_avgs,
                 const TensorList& exp_infs, const TensorList& steps, const AdamaxOptions& o) {
  const char* op = "adamax";
  const size_t n = params.size();
  check_list_size(op, "gradients", grads.size(), n);
  check_list_size(op, "exp_avgs", exp_avgs.size(), n);
  check_list_size(op, "exp_infs", exp_infs.size(), n);
  check_list_size(op, "steps", steps.size(), n);
  MultiTensor mt(op, n, 4);
  for (size_t i = 0; i < n; ++i) {
    mt.set(i, 0, params[i], true);
    mt.set(i, 1, grads[i], false);
    mt.set(i, 2, exp_avgs[i], true);
    mt.set(i, 3, exp_infs[i], true);
  }
  std::vector<double> clr(n);
  for (size_t i = 0; i < n; ++i) {
    const double step = increment_step(steps[i], op, i);
    clr[i] = o.lr / (1 - std::pow(o.beta1, step));
  }
  mt.run([&](size_t i, int64_t b, int64_t e) { RT_OPTIM_DISPATCH(mt, i, adamax_kernel, mt, i, b, e, o, clr[i]); });
  mt.finish();
}

void nadam_step(const TensorList& params, const TensorList& grads, const TensorList& exp_avgs,
                const TensorList& exp_avg_sqs, const TensorList& mu_products, const TensorList& steps,
                const NAdamOptions& o) {
  const char* op = "nadam";
  const size_t n = params.size();
  check_list_size(op, "gradients", grads.size(), n);
  check_list_size(op, "exp_avgs", exp_avgs.size(), n);
  check_list_size(op, "exp_avg_sqs", exp_avg_sqs.size(), n);
  check_list_size(op, "mu_products", mu_products.size(), n);
  check_list_size(op, "steps", steps.size(), n);
  MultiTensor mt(op, n, 4);
  for (size_t i = 0; i < n; ++i) {
    mt.set(i, 0, params[i], true);
    mt.set(i, 1, grads[i], false);
    mt.set(i, 2, exp_avgs[i], true);
    mt.set(i, 3, exp_avg_sqs[i], true);
    const Tensor& mp = mu_products[i];
    RT_CHECK(mp.defined() && mp.numel() == 1 && is_floating(mp.dtype()), ValueError, op,
             ": the mu_product of parameter ", i, " must be a one-element float tensor");
  }
  std::vector<NAdamScalars> sc(n);
  for (size_t i = 0; i < n; ++i) {
    const double step = increment_step(steps[i], op, i);
    const double bc2 = 1 - std::pow(o.beta2, step);
    const double mu = o.beta1 * (1.0 - 0.5 * std::pow(0.96, step * o.momentum_decay));
    const double mu_next = o.beta1 * (1.0 - 0.5 * std::pow(0.96, (step + 1) * o.momentum_decay));
    // mu_product *= mu in the counter's own dtype (float32 in PyTorch).
    double mu_product = 0;
    dispatch_floating(mu_products[i].dtype(), [&](auto tag) {
      using S = typename decltype(tag)::type;
      S* mp = mu_products[i].data<S>();
      *mp = *mp * S(mu);
      mu_product = *mp;
    });
    mu_products[i].bump_version();
    const double mu_product_next = mu_product * mu_next;
    sc[i] = {bc2, -o.lr * (1.0 - mu) / (1.0 - mu_product), (-o.lr * mu_next) / (1.0 - mu_product_next)};
  }
  mt.run([&](size_t i, int64_t b, int64_t e) { RT_OPTIM_DISPATCH(mt, i, nadam_kernel, mt, i, b, e, o, sc[i]); });
  mt.finish();
}

void radam_step(const TensorList& params, const TensorList& grads, const TensorList& exp_avgs,
                const TensorList& exp_avg_sqs, const TensorList& steps, const RAdamOptions& o) {
  const char* op = "radam";
  const size_t n = params.size();
  check_list_size(op, "gradients", grads.size(), n);
  check_list_size(op, "exp_avgs", exp_avgs.size(), n);
  check_list_size(op, "exp_avg_sqs", exp_avg_sqs.size(), n);
  check_list_size(op, "steps", steps.size(), n);
  MultiTensor mt(op, n, 4);
  for (size_t i = 0; i < n; ++i) {
    mt.set(i, 0, params[i], true);
    mt.set(i, 1, grads[i], false);
    mt.set(i, 2, exp_avgs[i], true);
    mt.set(i, 3, exp_avg_sqs[i], true);
  }
  std::vector<RAdamScalars> sc(n);
  const double rho_inf = 2 / (1 - o.beta2) - 1;
  for (size_t i = 0; i < n; ++i) {
    const double step = increment_step(steps[i], op, i);
    const double bc1 = 1 - std::pow(o.beta1, step), bc2 = 1 - std::pow(o.beta2, step);
    const double rho_t = rho_inf - 2 * step * std::pow(o.beta2, step) / bc2;
    RAdamScalars s{bc1, std::pow(bc2, 0.5), 0.0, rho_t > 5.0};
    if (s.rectify)
      s.rect = std::pow((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t), 0.5);
    sc[i] = s;
  }
  mt.run([&](size_t i, int64_t b, int64_t e) { RT_OPTIM_DISPATCH(mt, i, radam_kernel, mt, i, b, e, o, sc[i]); });
  mt.finish();
}

}  // namespace rustorch::optim
