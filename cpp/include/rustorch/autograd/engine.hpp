// The backward engine: topological walk from the roots, summing gradients per input.
#pragma once
#include <functional>

#include "rustorch/core/tensor.hpp"

namespace rustorch::autograd {

// tensor.backward(): accumulates into the .grad of the leaves.
void backward(const TensorList& roots, const TensorList& grad_roots, bool retain_graph, bool create_graph);

// autograd.grad(): returns the gradients of roots w.r.t. inputs (undefined where unused and
// allow_unused), without touching any .grad.
TensorList grad(const TensorList& roots, const TensorList& grad_roots, const TensorList& inputs, bool retain_graph,
                bool create_graph, bool allow_unused);

// Queues `callback` to run once the current backward pass has walked its whole graph (before
// backward() returns), e.g. DDP's wait for its last gradient buckets. Only valid while a backward
// pass runs on this thread (from a hook); throws Error otherwise.
void queue_callback(std::function<void()> callback);

}  // namespace rustorch::autograd
