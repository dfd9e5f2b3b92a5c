#include "rustorch/autograd/node.hpp"

#include "rustorch/autograd/grad_mode.hpp"
#include "rustorch/ops/copy.hpp"
#include "rustorch/ops/elementwise.hpp"

namespace rustorch::autograd {

SavedTensor::SavedTensor(const Tensor& t, bool is_output, uint32_t output_nr)
    : output_nr_(output_nr), is_output_(is_output), was_defined_(t.defined()) {
  if (!t.defined()) return;
  version_ = t.version();
  // An output keeps only its data here; holding its grad_fn would make a reference cycle.
  data_ = is_output ? t.detach() : t;
}

Tensor SavedTensor::unpack(const std::shared_ptr<Node>& owner) const {
  if (!was_defined_) return Tensor();
  RT_CHECK(!released_, Error,
           "Trying to backward through the graph a second time (or directly access saved tensors after they "
           "have already been freed). Saved intermediate values of the graph are freed when you call .backward() "
           "or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second "
           "time or if you need to access saved tensors after calling backward.");
  RT_CHECK(data_.version() == version_, Error,
           "one of the variables needed for gradient computation has been modified by an inplace operation: [",
           dtype_name(data_.dtype()), " ", shape_str(data_.shape()), "] is at version ", data_.version(),
           "; expected version ", version_, " instead.");
  if (!is_output_) return data_;
  Tensor out = data_.detach();
  out.set_grad_fn(owner, output_nr_);
  return out;
}

Tensor BackwardContext::saved(size_t i) const {
  RT_CHECK(i < node_.saved.size(), Error, node_.name(), ": saved tensor index ", i, " out of range");
  return node_.saved[i].unpack(node_.shared_from_this());
}

bool BackwardContext::needs_input_grad(size_t i) const { return node_.needs_input_grad(i); }
const TensorMeta& BackwardContext::input_meta(size_t i) const { return node_.input_meta.at(i); }

TensorList FunctionNode::apply(TensorList&& grads) {
  BackwardContext ctx(*this);
  return fn_(ctx, grads);
}

void FunctionNode::release_saved() {
  for (auto& s : saved) s.release();
}

AccumulateGrad::AccumulateGrad(const Tensor& leaf) : leaf_(leaf.impl()) {
  next_edges.clear();
  input_meta.clear();
  output_meta.push_back(TensorMeta{leaf.shape(), leaf.dtype()});
}

TensorList AccumulateGrad::apply(TensorList&& grads) {
  Tensor leaf = this->leaf();
  if (!leaf.defined()) return {};  // the leaf died; nothing to accumulate into
  Tensor g = std::move(grads.at(0));
  if (auto* meta = leaf.impl()->autograd()) {
    for (auto& hook : meta->hooks) {
      Tensor replaced = hook(g);
      if (replaced.defined()) g = replaced;
    }
  }
  Tensor current = leaf.grad();
  if (!current.defined()) {
    if (GradMode::is_enabled()) {
      leaf.set_grad(g);  // create_graph: keep the graph of the gradient
    } else {
      // Steal the buffer when nothing else can see it; otherwise copy so that later in-place
      // accumulation cannot change a tensor the user holds.
      const bool exclusive = g.impl().use_count() <= 2 && g.storage().use_count() == 1 && g.is_contiguous();
      leaf.set_grad(exclusive ? g.detach() : clone(g).detach());
    }
  } else if (GradMode::is_enabled()) {
    leaf.set_grad(add(current, g));
  } else {
    add_(current, g);
  }
  if (auto* meta = leaf.impl()->autograd())
    for (auto& hook : meta->post_accumulate_hooks) hook(leaf);
  return {};
}

Edge gradient_edge(const Tensor& t) {
  if (!t.defined() || !t.requires_grad()) return Edge{};
  if (const auto& fn = t.grad_fn()) return Edge{fn, t.output_nr()};
  AutogradMeta& meta = t.impl()->autograd_mut();
  std::shared_ptr<Node> acc = meta.grad_accumulator.lock();
  if (!acc) {
    acc = std::make_shared<AccumulateGrad>(t);
    meta.grad_accumulator = acc;
  }
  return Edge{acc, 0};
}

}  // namespace rustorch::autograd
