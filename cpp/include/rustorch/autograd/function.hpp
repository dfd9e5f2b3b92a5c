// Recording ops into the graph: ops call needs_grad() and then record() with their backward rule.
//
//   Tensor out = kernel(a, b);
//   if (autograd::needs_grad({a, b}))
//     autograd::record("MulBackward", {a, b}, {out}, {a, b},
//                      [](const BackwardContext& ctx, const TensorList& g) -> TensorList {
//                        return {mul(g[0], ctx.saved(1)), mul(g[0], ctx.saved(0))};
//                      });
//
// Backward rules use differentiable ops, so create_graph=True gives higher-order gradients. The
// engine reduces each returned gradient to its input's shape (broadcasting) and dtype.
#pragma once
#include <initializer_list>

#include "rustorch/autograd/grad_mode.hpp"
#include "rustorch/autograd/node.hpp"

namespace rustorch::autograd {

// True when grad mode is on and any input requires grad.
bool needs_grad(std::initializer_list<Tensor> inputs);
bool needs_grad(const TensorList& inputs);

// Records a node for `outputs` computed from `inputs`. `saved` tensors that are outputs are
// detected and saved without a reference cycle. Returns the node.
std::shared_ptr<FunctionNode> record(const char* name, const TensorList& inputs, const TensorList& outputs,
                                     const TensorList& saved, BackwardFn backward);

// Checks an in-place op on `self` is allowed for autograd (not a leaf that requires grad, not a
// view of a tensor that requires grad while grad mode is on). Call before modifying.
void check_inplace(const Tensor& self, const char* op);

// Marks `out` as a view of `base` (for in-place checks).
void set_view_base(const Tensor& out, const Tensor& base);

}  // namespace rustorch::autograd
