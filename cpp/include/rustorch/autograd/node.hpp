// Graph nodes: one per recorded op, holding edges to the nodes of its inputs, the tensors saved for
// backward, and its backward rule. AccumulateGrad ends the graph at each leaf.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "rustorch/core/tensor.hpp"

namespace rustorch::autograd {

class Node;

// Where a gradient flows: input `input_nr` of node `fn` (invalid when the input needs no grad).
struct Edge {
  std::shared_ptr<Node> fn;
  uint32_t input_nr = 0;
  bool valid() const { return fn != nullptr; }
};

// Shape and dtype of a tensor at recording time (to reduce broadcast grads and zero-fill).
struct TensorMeta {
  Shape shape;
  DType dtype;
};

// A tensor saved for backward, with the version it had, so in-place edits are caught. An op's own
// output is saved without its grad_fn (no reference cycle) and re-attached when unpacked.
class SavedTensor {
 public:
  SavedTensor() = default;
  SavedTensor(const Tensor& t, bool is_output, uint32_t output_nr = 0);
  Tensor unpack(const std::shared_ptr<Node>& owner) const;
  void release() { data_ = Tensor(); released_ = true; }
  bool defined() const { return was_defined_; }

 private:
  Tensor data_;
  uint32_t version_ = 0;
  uint32_t output_nr_ = 0;
  bool is_output_ = false;
  bool was_defined_ = false;
  bool released_ = false;
};

class Node : public std::enable_shared_from_this<Node> {
 public:
  virtual ~Node() = default;
  virtual std::string name() const = 0;
  // grads has one entry per output of the op (zero-filled where no gradient arrived); returns one
  // gradient per input (undefined where not needed).
  virtual TensorList apply(TensorList&& grads) = 0;
  virtual void release_saved() {}

  std::vector<Edge> next_edges;         // one per input
  std::vector<TensorMeta> input_meta;   // one per input
  std::vector<TensorMeta> output_meta;  // one per output
  std::vector<std::pair<uint32_t, GradHook>> pre_hooks;  // hooks of non-leaf outputs, by output_nr
  uint64_t sequence_nr = 0;

  bool needs_input_grad(size_t i) const { return i < next_edges.size() && next_edges[i].valid(); }
};

class FunctionNode;

// What a backward rule sees: the saved tensors and which inputs need a gradient.
class BackwardContext {
 public:
  explicit BackwardContext(FunctionNode& node) : node_(node) {}
  Tensor saved(size_t i) const;
  bool needs_input_grad(size_t i) const;
  const TensorMeta& input_meta(size_t i) const;

 private:
  FunctionNode& node_;
};

using BackwardFn = std::function<TensorList(const BackwardContext& ctx, const TensorList& grads)>;

// The node of an ordinary op: its backward rule is a lambda written beside the forward.
class FunctionNode final : public Node {
 public:
  FunctionNode(std::string name, BackwardFn fn) : name_(std::move(name)), fn_(std::move(fn)) {}
  std::string name() const override { return name_; }
  TensorList apply(TensorList&& grads) override;
  void release_saved() override;

  std::vector<SavedTensor> saved;

 private:
  friend class BackwardContext;
  std::string name_;
  BackwardFn fn_;
  bool released_ = false;
};

// Accumulates the incoming gradient into a leaf's .grad (after running the leaf's hooks).
class AccumulateGrad final : public Node {
 public:
  explicit AccumulateGrad(const Tensor& leaf);
  std::string name() const override { return "AccumulateGrad"; }
  TensorList apply(TensorList&& grads) override;
  Tensor leaf() const { return Tensor(leaf_.lock()); }

 private:
  std::weak_ptr<TensorImpl> leaf_;
};

// The edge through which a gradient reaches `t` (its grad_fn, or its leaf accumulator).
Edge gradient_edge(const Tensor& t);

}  // namespace rustorch::autograd
