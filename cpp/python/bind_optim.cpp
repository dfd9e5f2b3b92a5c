// Python bindings of the fused optimizer updates and gradient utilities (rustorch._C._optim).
// Every update takes whole lists of tensors (one call per parameter group) and runs without the GIL.
#include "bind_common.hpp"
#include "rustorch/optim/fused.hpp"
#include "rustorch/optim/grad_utils.hpp"

namespace rustorch::python {

namespace {

using Release = py::call_guard<py::gil_scoped_release>;
using OptTensors = std::vector<std::optional<Tensor>>;

TensorList unwrap(const OptTensors& ts) {
  TensorList out;
  out.reserve(ts.size());
  for (const auto& t : ts) out.push_back(t ? *t : Tensor());
  return out;
}

}  // namespace

void bind_optim(py::module_& root) {
  py::module_ m = root.def_submodule("_optim", "Fused optimizer update kernels (used by rustorch.optim)");

  m.def(
      "sgd",
      [](const TensorList& params, const TensorList& grads, const OptTensors& bufs, double lr, double momentum,
         double dampening, double weight_decay, bool nesterov, bool maximize) {
        TensorList b = unwrap(bufs);
        bool created = false;
        for (const Tensor& t : b) created |= !t.defined();
        {
          py::gil_scoped_release release;
          optim::sgd_step(params, grads, b, {lr, momentum, dampening, weight_decay, nesterov, maximize});
        }
        return created ? py::cast(b) : py::none();
      },
      "SGD update of all params in place; returns the momentum buffers when some were created (None entries), "
      "else None.", py::arg("params"),
      py::arg("grads"), py::arg("momentum_buffers"), py::kw_only(), py::arg("lr"), py::arg("momentum"),
      py::arg("dampening"), py::arg("weight_decay"), py::arg("nesterov"), py::arg("maximize"));

  m.def(
      "adam",
      [](const TensorList& params, const TensorList& grads, const TensorList& exp_avgs, const TensorList& exp_avg_sqs,
         const TensorList& max_exp_avg_sqs, const TensorList& steps, double lr, double beta1, double beta2, double eps,
         double weight_decay, bool amsgrad, bool maximize, bool decoupled_weight_decay) {
        optim::adam_step(params, grads, exp_avgs, exp_avg_sqs, max_exp_avg_sqs, steps,
                         {lr, beta1, beta2, eps, weight_decay, amsgrad, maximize, decoupled_weight_decay});
      },
      "Adam/AdamW update of all params in place (increments the step counters).", py::arg("params"), py::arg("grads"),
      py::arg("exp_avgs"), py::arg("exp_avg_sqs"), py::arg("max_exp_avg_sqs"), py::arg("state_steps"), py::kw_only(),
      py::arg("lr"), py::arg("beta1"), py::arg("beta2"), py::arg("eps"), py::arg("weight_decay"), py::arg("amsgrad"),
      py::arg("maximize"), py::arg("decoupled_weight_decay"), Release());

  m.def(
      "rmsprop",
      [](const TensorList& params, const TensorList& grads, const TensorList& square_avgs, const TensorList& grad_avgs,
         const TensorList& momentum_buffers, const TensorList& steps, double lr, double alpha, double eps,
         double weight_decay, double momentum, bool centered, bool maximize) {
        optim::rmsprop_step(params, grads, square_avgs, grad_avgs, momentum_buffers, steps,
                            {lr, alpha, eps, weight_decay, momentum, centered, maximize});
      },
      "RMSprop update of all params in place.", py::arg("params"), py::arg("grads"), py::arg("square_avgs"),
      py::arg("grad_avgs"), py::arg("momentum_buffers"), py::arg("state_steps"), py::kw_only(), py::arg("lr"),
      py::arg("alpha"), py::arg("eps"), py::arg("weight_decay"), py::arg("momentum"), py::arg("centered"),
      py::arg("maximize"), Release());

  m.def(
      "adagrad",
      [](const TensorList& params, const TensorList& grads, const TensorList& state_sums, const TensorList& steps,
         double lr, double lr_decay, double weight_decay, double eps, bool maximize) {
        optim::adagrad_step(params, grads, state_sums, steps, {lr, lr_decay, weight_decay, eps, maximize});
      },
      "Adagrad update of all params in place.", py::arg("params"), py::arg("grads"), py::arg("state_sums"),
      py::arg("state_steps"), py::kw_only(), py::arg("lr"), py::arg("lr_decay"), py::arg("weight_decay"),
      py::arg("eps"), py::arg("maximize"), Release());

  m.def(
      "adadelta",
      [](const TensorList& params, const TensorList& grads, const TensorList& square_avgs, const TensorList& acc_deltas,
         const TensorList& steps, double lr, double rho, double eps, double weight_decay, bool maximize) {
        optim::adadelta_step(params, grads, square_avgs, acc_deltas, steps, {lr, rho, eps, weight_decay, maximize});
      },
      "Adadelta update of all params in place.", py::arg("params"), py::arg("grads"), py::arg("square_avgs"),
      py::arg("acc_deltas"), py::arg("state_steps"), py::kw_only(), py::arg("lr"), py::arg("rho"), py::arg("eps"),
      py::arg("weight_decay"), py::arg("maximize"), Release());

  m.def(
      "adamax",
      [](const TensorList& params, const TensorList& grads, const TensorList& exp_avgs, const TensorList& exp_infs,
         const TensorList& steps, double lr, double beta1, double beta2, double eps, double weight_decay,
         bool maximize) {
        optim::adamax_step(params, grads, exp_avgs, exp_infs, steps, {lr, beta1, beta2, eps, weight_decay, maximize});
      },
      "Adamax update of all params in place.", py::arg("params"), py::arg("grads"), py::arg("exp_avgs"),
      py::arg("exp_infs"), py::arg("state_steps"), py::kw_only(), py::arg("lr"), py::arg("beta1"), py::arg("beta2"),
      py::arg("eps"), py::arg("weight_decay"), py::arg("maximize"), Release());

  m.def(
      "nadam",
      [](const TensorList& params, const TensorList& grads, const TensorList& exp_avgs, const TensorList& exp_avg_sqs,
         const TensorList& mu_products, const TensorList& steps, double lr, double beta1, double beta2, double eps,
         double weight_decay, double momentum_decay, bool decoupled_weight_decay, bool maximize) {
        optim::nadam_step(params, grads, exp_avgs, exp_avg_sqs, mu_products, steps,
                          {lr, beta1, beta2, eps, weight_decay, momentum_decay, decoupled_weight_decay, maximize});
      },
      "NAdam update of all params in place.", py::arg("params"), py::arg("grads"), py::arg("exp_avgs"),
      py::arg("exp_avg_sqs"), py::arg("mu_products"), py::arg("state_steps"), py::kw_only(), py::arg("lr"),
      py::arg("beta1"), py::arg("beta2"), py::arg("eps"), py::arg("weight_decay"), py::arg("momentum_decay"),
      py::arg("decoupled_weight_decay"), py::arg("maximize"), Release());

  m.def(
      "radam",
      [](const TensorList& params, const TensorList& grads, const TensorList& exp_avgs, const TensorList& exp_avg_sqs,
         const TensorList& steps, double lr, double beta1, double beta2, double eps, double weight_decay,
         bool decoupled_weight_decay, bool maximize) {
        optim::radam_step(params, grads, exp_avgs, exp_avg_sqs, steps,
                          {lr, beta1, beta2, eps, weight_decay, decoupled_weight_decay, maximize});
      },
      "RAdam update of all params in place.", py::arg("params"), py::arg("grads"), py::arg("exp_avgs"),
      py::arg("exp_avg_sqs"), py::arg("state_steps"), py::kw_only(), py::arg("lr"), py::arg("beta1"),
      py::arg("beta2"), py::arg("eps"), py::arg("weight_decay"), py::arg("decoupled_weight_decay"),
      py::arg("maximize"), Release());

  // Gradient utilities.
  m.def("total_norm", &optim::total_norm, "Norm of the per-tensor norms, a 0-d tensor.", py::arg("tensors"),
        py::arg("norm_type"), Release());
  m.def("clip_grads_with_norm_", &optim::clip_grads_with_norm_,
        "Scales tensors in place by min(max_norm / (total_norm + 1e-6), 1).", py::arg("grads"), py::arg("max_norm"),
        py::arg("total_norm"), Release());
  m.def("clip_grad_norm_", &optim::clip_grad_norm_, "Total norm, then scaling; returns the norm.", py::arg("grads"),
        py::arg("max_norm"), py::arg("norm_type"), py::arg("error_if_nonfinite"), Release());
  m.def("clip_grad_value_", &optim::clip_grad_value_, "Clamps tensors in place to [-clip_value, clip_value].",
        py::arg("grads"), py::arg("clip_value"), Release());
  m.def(
      "flatten",
      [](const OptTensors& ts, const std::vector<int64_t>& numels, DType dtype) {
        return optim::flatten_tensors(unwrap(ts), numels, dtype);
      },
      "A new 1-D tensor of all values in order (None entries: zeros of the given size).", py::arg("tensors"),
      py::arg("numels"), py::arg("dtype"), Release());
  m.def("vector_to_parameters", &optim::vector_to_parameters, "Makes each param's data a view of a slice of vec.",
        py::arg("vec"), py::arg("parameters"));
  m.def("add_flat_", &optim::add_flat_, "params[i] += alpha * vec[slice i], in place.", py::arg("params"),
        py::arg("alpha"), py::arg("vec"), Release());
  m.def("dot", &optim::dot, "Dot product of 1-D float tensors (rounded to their dtype).", py::arg("a"), py::arg("b"),
        Release());
  m.def("abs_max", &optim::abs_max, "max |a| of a 1-D float tensor.", py::arg("a"), Release());
  m.def("abs_sum", &optim::abs_sum, "sum |a| of a 1-D float tensor (rounded to its dtype).", py::arg("a"), Release());
  m.def("lbfgs_direction", &optim::lbfgs_direction, "L-BFGS two-loop recursion: the direction -H g.",
        py::arg("flat_grad"), py::arg("old_dirs"), py::arg("old_stps"), py::arg("ro"), py::arg("h_diag"), Release());
}

}  // namespace rustorch::python
