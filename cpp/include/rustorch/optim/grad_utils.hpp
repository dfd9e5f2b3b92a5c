// Gradient utilities over lists of tensors: total norm and clipping (fused, one call for all
// gradients), flattening parameters to a vector and back, and the vector math of L-BFGS.
#pragma once
#include "rustorch/core/tensor.hpp"

namespace rustorch::optim {

// The norm of the per-tensor norms of `tensors` (as if they were concatenated into one vector), a
// 0-d tensor of their promoted dtype. norm_type: any p > 0, 0 (count of non-zeros), +-inf.
// Per-tensor partial sums are combined in fixed blocks, so the result does not depend on the
// thread count.
Tensor total_norm(const TensorList& tensors, double norm_type);

// Scales every tensor in place by min(max_norm / (total_norm + 1e-6), 1) computed in total_norm's
// dtype (like PyTorch, scaling by a NaN coefficient when the norm is NaN).
void clip_grads_with_norm_(const TensorList& grads, double max_norm, const Tensor& total_norm);

// total_norm + error check + clip_grads_with_norm_. Throws Error when error_if_nonfinite and the
// norm is NaN or infinite (before anything is scaled).
Tensor clip_grad_norm_(const TensorList& grads, double max_norm, double norm_type, bool error_if_nonfinite);

// Clamps every tensor in place to [-clip_value, clip_value] (NaN stays NaN).
void clip_grad_value_(const TensorList& grads, double clip_value);

// A new 1-D tensor holding all tensors' values in order (dtype of the first); undefined entries
// with the given sizes become zeros (L-BFGS's flat gradient of parameters without a gradient).
Tensor flatten_tensors(const TensorList& tensors, const std::vector<int64_t>& numels, DType dtype);

// Makes each parameter's data a view of consecutive slices of `vec` (the `.data = ` of
// vector_to_parameters). Throws ValueError when vec is not 1-D or too short.
void vector_to_parameters(const Tensor& vec, const TensorList& params);

// params[i] += alpha * vec[slice i] in place, slices taken in order (L-BFGS's _add_grad).
void add_flat_(const TensorList& params, double alpha, const Tensor& vec);

// Vector helpers on 1-D contiguous float tensors, accumulated in double.
double dot(const Tensor& a, const Tensor& b);
double abs_max(const Tensor& a);
double abs_sum(const Tensor& a);

// L-BFGS two-loop recursion: returns d = -H g for the history (old_dirs y_i, old_stps s_i,
// ro_i = 1 / y_i.s_i) and initial scaling h_diag.
Tensor lbfgs_direction(const Tensor& flat_grad, const TensorList& old_dirs, const TensorList& old_stps,
                       const std::vector<double>& ro, double h_diag);

}  // namespace rustorch::optim
