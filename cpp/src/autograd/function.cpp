#include "rustorch/autograd/function.hpp"

#include <atomic>

namespace rustorch::autograd {

namespace {
std::atomic<uint64_t> g_sequence_nr{0};
}

bool needs_grad(std::initializer_list<Tensor> inputs) {
  if (!GradMode::is_enabled()) return false;
  for (const Tensor& t : inputs)
    if (t.defined() && t.requires_grad()) return true;
  return false;
}

bool needs_grad(const TensorList& inputs) {
  if (!GradMode::is_enabled()) return false;
  for (const Tensor& t : inputs)
    if (t.defined() && t.requires_grad()) return true;
  return false;
}

std::shared_ptr<FunctionNode> record(const char* name, const TensorList& inputs, const TensorList& outputs,
                                     const TensorList& saved, BackwardFn backward) {
  // Complex results would need complex gradients (Wirtinger calculus), which rustorch does not do.
  for (const Tensor& o : outputs)
    RT_CHECK(!o.defined() || !is_complex(o.dtype()), TypeError, name,
             ": autograd is not supported for complex tensors (the op was given an input that requires grad and "
             "produces a ", dtype_name(o.dtype()), " result); detach() the inputs first");
  auto node = std::make_shared<FunctionNode>(name, std::move(backward));
  node->sequence_nr = g_sequence_nr.fetch_add(1, std::memory_order_relaxed);
  node->next_edges.reserve(inputs.size());
  node->input_meta.reserve(inputs.size());
  for (const Tensor& in : inputs) {
    node->next_edges.push_back(gradient_edge(in));
    node->input_meta.push_back(in.defined() ? TensorMeta{in.shape(), in.dtype()} : TensorMeta{{}, DType::Float32});
  }
  node->saved.reserve(saved.size());
  for (const Tensor& s : saved) {
    uint32_t output_nr = 0;
    bool is_output = false;
    for (uint32_t j = 0; j < outputs.size() && !is_output; ++j)
      if (s.defined() && s.is_same(outputs[j])) is_output = true, output_nr = j;
    node->saved.emplace_back(s, is_output, output_nr);
  }
  node->output_meta.reserve(outputs.size());
  for (uint32_t i = 0; i < outputs.size(); ++i) {
    const Tensor& o = outputs[i];
    node->output_meta.push_back(TensorMeta{o.shape(), o.dtype()});
    if (is_floating(o.dtype())) const_cast<Tensor&>(o).set_grad_fn(node, i);
  }
  return node;
}

void check_inplace(const Tensor& self, const char* op) {
  if (!GradMode::is_enabled()) return;
  RT_CHECK(!(self.is_leaf() && self.requires_grad()), Error, op,
           ": a leaf Variable that requires grad is being used in an in-place operation.");
  if (self.is_view()) {
    Tensor base = self.view_base();
    RT_CHECK(!base.requires_grad(), Error, op,
             ": in-place modification of a view of a tensor that requires grad is not supported by rustorch's "
             "autograd; modify the base tensor, or use an out-of-place op.");
  }
}

void set_view_base(const Tensor& out, const Tensor& base) {
  if (!GradMode::is_enabled() || !base.requires_grad()) return;
  Tensor root = base.is_view() ? base.view_base() : base;
  out.impl()->autograd_mut().view_base = root.impl();
}

}  // namespace rustorch::autograd
