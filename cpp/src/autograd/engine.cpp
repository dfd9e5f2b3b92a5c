#include "rustorch/autograd/engine.hpp"

#include <algorithm>
#include <queue>
#include <unordered_map>
#include <unordered_set>

#include "rustorch/autograd/grad_mode.hpp"
#include "rustorch/autograd/node.hpp"
#include "rustorch/ops/copy.hpp"
#include "rustorch/ops/elementwise.hpp"
#include "rustorch/ops/factory.hpp"
#include "rustorch/ops/reduce.hpp"
#include "rustorch/ops/shape.hpp"

namespace rustorch::autograd {

namespace {

struct CapturePoint {
  Node* node;
  std::shared_ptr<Node> keep_alive;  // a leaf's accumulator exists only while referenced
  uint32_t output_nr;
  size_t index;  // position in autograd.grad's inputs
};

// Brings a gradient to the shape and dtype recorded for the input it flows into.
Tensor conform(Tensor g, const TensorMeta& meta, const Node& node) {
  if (g.shape() != meta.shape) {
    RT_CHECK(shape_numel(meta.shape) == g.numel() || g.dim() >= static_cast<int64_t>(meta.shape.size()), Error,
             "backward of ", node.name(), ": gradient of shape ", shape_str(g.shape()),
             " cannot be reduced to input shape ", shape_str(meta.shape));
    g = g.numel() == shape_numel(meta.shape) && g.dim() != static_cast<int64_t>(meta.shape.size())
            ? reshape(g, meta.shape)
            : sum_to(g, meta.shape);
  }
  if (g.dtype() != meta.dtype && is_floating(meta.dtype)) g = to_dtype(g, meta.dtype);
  return g;
}

struct GraphTask {
  std::unordered_map<Node*, int> dependencies;
  std::unordered_map<Node*, TensorList> buffers;
  std::unordered_set<Node*> needed;  // autograd.grad: nodes from which a capture point is reachable
  std::vector<CapturePoint> captures;
  TensorList captured;
  bool capture_mode = false;
  std::vector<std::function<void()>> final_callbacks;  // queue_callback, run after the walk
};

// The graph task whose backward runs on this thread (innermost, when hooks nest backward calls).
thread_local GraphTask* current_task = nullptr;

struct CurrentTaskGuard {
  GraphTask* previous;
  explicit CurrentTaskGuard(GraphTask* task) : previous(current_task) { current_task = task; }
  ~CurrentTaskGuard() { current_task = previous; }
};

void accumulate(TensorList& buffer, size_t index, Tensor g) {
  if (buffer.size() <= index) buffer.resize(index + 1);
  Tensor& slot = buffer[index];
  slot = slot.defined() ? add(slot, g) : std::move(g);
}

// Counts, for every node reachable from the roots, how many edges point at it; in capture mode also
// finds which nodes lead to a capture point.
void compute_dependencies(GraphTask& task, const std::vector<Node*>& roots) {
  std::unordered_set<Node*> seen;
  std::vector<std::pair<Node*, size_t>> stack;  // node, next child to visit
  std::unordered_set<Node*> capture_nodes;
  for (auto& c : task.captures) capture_nodes.insert(c.node);
  for (Node* r : roots) {
    if (!seen.insert(r).second) continue;
    stack.emplace_back(r, 0);
    while (!stack.empty()) {
      auto& [node, child] = stack.back();
      if (child < node->next_edges.size()) {
        Node* next = node->next_edges[child++].fn.get();
        if (!next) continue;
        ++task.dependencies[next];
        if (seen.insert(next).second) stack.emplace_back(next, 0);
        continue;
      }
      if (task.capture_mode) {
        bool need = capture_nodes.count(node) > 0;
        for (auto& e : node->next_edges) need |= e.fn && task.needed.count(e.fn.get());
        if (need) task.needed.insert(node);
      }
      stack.pop_back();
    }
  }
}

void execute(GraphTask& task, const TensorList& roots, const TensorList& grad_roots, bool keep_graph,
             bool create_graph) {
  std::vector<Node*> root_nodes;
  std::vector<std::shared_ptr<Node>> keep_alive;
  for (size_t i = 0; i < roots.size(); ++i) {
    const Tensor& r = roots[i];
    Edge e = gradient_edge(r);
    RT_CHECK(e.valid(), Error, "element ", i, " of tensors does not require grad and does not have a grad_fn");
    keep_alive.push_back(e.fn);
    root_nodes.push_back(e.fn.get());
    accumulate(task.buffers[e.fn.get()], e.input_nr, grad_roots[i]);
  }
  compute_dependencies(task, root_nodes);

  // Nodes run in dependency order; among ready nodes, the most recently created first.
  auto later = [](Node* a, Node* b) { return a->sequence_nr < b->sequence_nr; };
  std::priority_queue<Node*, std::vector<Node*>, decltype(later)> ready(later);
  std::unordered_set<Node*> queued;
  for (Node* r : root_nodes)
    if (task.dependencies[r] == 0 && queued.insert(r).second) ready.push(r);

  GradModeGuard mode(create_graph);
  CurrentTaskGuard current(&task);
  while (!ready.empty()) {
    Node* node = ready.top();
    ready.pop();
    std::shared_ptr<Node> hold = node->shared_from_this();
    TensorList grads = std::move(task.buffers[node]);
    task.buffers.erase(node);
    grads.resize(node->output_meta.size());

    for (auto& [output_nr, hook] : node->pre_hooks) {
      if (output_nr < grads.size() && grads[output_nr].defined()) {
        Tensor replaced = hook(grads[output_nr]);
        if (replaced.defined()) grads[output_nr] = replaced;
      }
    }
    for (auto& c : task.captures)
      if (c.node == node && c.output_nr < grads.size() && grads[c.output_nr].defined())
        task.captured[c.index] = task.captured[c.index].defined() ? add(task.captured[c.index], grads[c.output_nr])
                                                                  : grads[c.output_nr];

    const bool run = !task.capture_mode || (task.needed.count(node) && !dynamic_cast<AccumulateGrad*>(node));
    bool any_grad = false;
    for (auto& g : grads) any_grad |= g.defined();
    TensorList input_grads;
    if (run && any_grad) {
      for (size_t i = 0; i < grads.size(); ++i)
        if (!grads[i].defined()) grads[i] = zeros(node->output_meta[i].shape, node->output_meta[i].dtype);
      input_grads = node->apply(std::move(grads));
      if (!keep_graph) node->release_saved();
    }
    for (size_t i = 0; i < node->next_edges.size(); ++i) {
      const Edge& e = node->next_edges[i];
      if (!e.valid()) continue;
      Node* next = e.fn.get();
      if (i < input_grads.size() && input_grads[i].defined())
        accumulate(task.buffers[next], e.input_nr, conform(std::move(input_grads[i]), node->input_meta[i], *node));
      if (--task.dependencies[next] == 0 && queued.insert(next).second) ready.push(next);
    }
  }
  // Callbacks may queue further callbacks; run until none is left.
  for (size_t i = 0; i < task.final_callbacks.size(); ++i) {
    auto callback = std::move(task.final_callbacks[i]);
    callback();
  }
}

TensorList default_grad_roots(const TensorList& roots, const TensorList& grad_roots) {
  RT_CHECK(grad_roots.empty() || grad_roots.size() == roots.size(), ValueError, "backward: got ", roots.size(),
           " tensors but ", grad_roots.size(), " gradients");
  TensorList out(roots.size());
  for (size_t i = 0; i < roots.size(); ++i) {
    const Tensor& r = roots[i];
    RT_CHECK(r.defined(), ValueError, "backward: tensor ", i, " is undefined");
    if (!grad_roots.empty() && grad_roots[i].defined()) {
      const Tensor& g = grad_roots[i];
      RT_CHECK(g.shape() == r.shape(), ValueError, "backward: grad of shape ", shape_str(g.shape()),
               " does not match the shape of output ", i, ", ", shape_str(r.shape()));
      out[i] = g.dtype() == r.dtype() ? g : to_dtype(g, r.dtype());
    } else {
      RT_CHECK(r.numel() == 1, Error, "grad can be implicitly created only for scalar outputs (output ", i,
               " has shape ", shape_str(r.shape()), ")");
      out[i] = ones(r.shape(), r.dtype());
    }
  }
  return out;
}

}  // namespace

void queue_callback(std::function<void()> callback) {
  RT_CHECK(current_task != nullptr, Error, "queue_callback: can only be called while a backward pass runs (from a hook)");
  current_task->final_callbacks.push_back(std::move(callback));
}

void backward(const TensorList& roots, const TensorList& grad_roots, bool retain_graph, bool create_graph) {
  GraphTask task;
  execute(task, roots, default_grad_roots(roots, grad_roots), retain_graph || create_graph, create_graph);
}

TensorList grad(const TensorList& roots, const TensorList& grad_roots, const TensorList& inputs, bool retain_graph,
                bool create_graph, bool allow_unused) {
  GraphTask task;
  task.capture_mode = true;
  task.captured.resize(inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) {
    const Tensor& in = inputs[i];
    RT_CHECK(in.defined() && in.requires_grad(), Error, "autograd.grad: input ", i,
             " does not require grad and does not have a grad_fn");
    Edge e = gradient_edge(in);
    task.captures.push_back(CapturePoint{e.fn.get(), e.fn, e.input_nr, i});
    // Leaves are captured at their accumulator, which grad() never runs.
  }
  execute(task, roots, default_grad_roots(roots, grad_roots), retain_graph || create_graph, create_graph);
  for (size_t i = 0; i < inputs.size(); ++i)
    RT_CHECK(task.captured[i].defined() || allow_unused, Error, "autograd.grad: input ", i,
             " was not used in the graph; set allow_unused=True if this is the desired behavior.");
  return task.captured;
}

}  // namespace rustorch::autograd
