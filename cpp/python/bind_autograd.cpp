// Autograd on the Python side: requires_grad/grad/grad_fn, backward, hooks, grad mode, graph nodes.
#include <pybind11/functional.h>

#include "bind_common.hpp"
#include "rustorch/autograd/engine.hpp"
#include "rustorch/autograd/grad_mode.hpp"
#include "rustorch/autograd/node.hpp"
#include "rustorch/ops/elementwise.hpp"

namespace rustorch::python {

namespace {

struct HookHandle {
  std::shared_ptr<bool> alive;
  void remove() { *alive = false; }
};

TensorList tensors_from(py::handle h, const char* op) {
  TensorList out;
  if (h.is_none()) return out;
  if (py::isinstance<TensorImpl>(h)) return {h.cast<Tensor>()};
  for (py::object item : py::reinterpret_borrow<py::sequence>(h)) {
    RT_CHECK(item.is_none() || py::isinstance<TensorImpl>(item), TypeError, op, ": expected tensors, got ",
             py::str(py::type::of(item).attr("__name__")).cast<std::string>());
    out.push_back(item.is_none() ? Tensor() : item.cast<Tensor>());
  }
  return out;
}

}  // namespace

void bind_autograd(py::module_& m, PyTensorClass& cls) {
  py::class_<autograd::Node, std::shared_ptr<autograd::Node>>(m, "Node", R"doc(A node of the autograd graph (a grad_fn).

Nodes are made by autograd, not by users: a tensor computed from tensors that require grad has one as
``grad_fn``, and ``next_functions`` links it to the nodes of its inputs.

Example:
    >>> x = rt.tensor([1., 2.], requires_grad=True)
    >>> y = (x * 2).sum()
    >>> y.grad_fn
    <SumBackward object>
    >>> y.grad_fn.name()
    'SumBackward'
    >>> y.grad_fn.next_functions
    ((<MulBackward object>, 0),)
)doc")
      .def("name", &autograd::Node::name, "The node's name, e.g. 'MulBackward'.")
      .def_property_readonly("next_functions", [](const autograd::Node& n) {
        py::list out;
        for (const auto& e : n.next_edges) out.append(py::make_tuple(e.fn ? py::cast(e.fn) : py::none(), e.input_nr));
        return py::tuple(out);
      }, "A tuple of (node, input_nr) pairs: where this node sends each input's gradient (None for inputs that need none).")
      .def("__repr__", [](const autograd::Node& n) { return "<" + n.name() + " object>"; });

  py::class_<HookHandle>(m, "RemovableHandle", R"doc(Returned by Tensor.register_hook: remove() unregisters the hook.

Example:
    >>> x = rt.tensor([1., 2.], requires_grad=True)
    >>> h = x.register_hook(lambda g: g * 10)
    >>> (x * 3).sum().backward()
    >>> x.grad.tolist()
    [30.0, 30.0]
    >>> h.remove()
    >>> x.grad = None
    >>> (x * 3).sum().backward()
    >>> x.grad.tolist()
    [3.0, 3.0]
)doc")
      .def("remove", &HookHandle::remove, "Unregisters the hook (a second call does nothing).");

  cls.def_property("requires_grad", [](const Tensor& t) { return t.requires_grad(); },
                   [](Tensor& t, bool r) { t.set_requires_grad(r); },
                   "Whether autograd records operations on this tensor (settable on leaves).")
      .def("requires_grad_", [](Tensor& t, bool r) { t.set_requires_grad(r); return t; },
           py::arg("requires_grad") = true, "Sets requires_grad in place and returns the tensor.")
      .def_property("grad", [](const Tensor& t) { return t.grad(); }, [](Tensor& t, std::optional<Tensor> g) { t.set_grad(g ? *g : Tensor()); },
                    "The gradient accumulated by backward() (None until then; settable).")
      .def_property_readonly("grad_fn", [](const Tensor& t) { return t.grad_fn(); }, "The autograd Node that created this tensor (None for leaves).")
      .def_property_readonly("is_leaf", [](const Tensor& t) { return t.is_leaf(); }, "True if the tensor was not created by a recorded op (its grad is kept).")
      .def_property_readonly("_version", [](const Tensor& t) { return t.version(); })
      .def_property_readonly("output_nr", [](const Tensor& t) { return t.output_nr(); }, "Which output of its grad_fn this tensor is.")
      .def_property("data", [](const Tensor& t) { return t.detach(); }, [](Tensor& t, const Tensor& src) { t.impl()->set_data(*src.impl()); },
                    "The tensor detached from autograd (shares storage); assigning swaps in another tensor's data.")
      .def("detach", [](const Tensor& t) { return t.detach(); }, "A new tensor sharing storage, detached from the graph.")
      .def("detach_", [](Tensor& t) {
        RT_CHECK(!t.is_view() , Error, "detach_: can't detach views in-place. Use detach() instead.");
        t.set_grad_fn(nullptr, 0);
        if (t.impl()->autograd()) t.impl()->autograd()->requires_grad = false;
        return t;
      }, "Detaches the tensor from the graph in place (not for views) and returns it.")
      .def_property_readonly("retains_grad", [](const Tensor& t) { return t.impl()->autograd() && t.impl()->autograd()->retains_grad; },
                             "True if retain_grad() was called on this non-leaf tensor.")
      .def("retain_grad", [](Tensor& t) {
        RT_CHECK(t.requires_grad(), Error, "retain_grad: can't retain_grad on Tensor that has requires_grad=False");
        if (t.is_leaf() || t.impl()->autograd()->retains_grad) return;
        t.impl()->autograd()->retains_grad = true;
        std::weak_ptr<TensorImpl> weak = t.impl();
        t.grad_fn()->pre_hooks.emplace_back(t.output_nr(), [weak](const Tensor& g) -> Tensor {
          auto impl = weak.lock();
          if (!impl) return Tensor();
          Tensor self(impl);
          Tensor current = self.grad();
          self.set_grad(current.defined() ? add(current.detach(), g.detach()) : g.detach());
          return Tensor();
        });
      }, "Makes backward() keep this non-leaf tensor's gradient in .grad (leaves keep theirs anyway).")
      .def("register_hook", [](Tensor& t, py::function fn) {
        RT_CHECK(t.requires_grad(), Error, "register_hook: cannot register a hook on a tensor that doesn't require gradient");
        auto alive = std::make_shared<bool>(true);
        GradHook hook = [alive, fn](const Tensor& g) -> Tensor {
          if (!*alive) return Tensor();
          py::gil_scoped_acquire gil;
          py::object r = fn(g);
          if (r.is_none()) return Tensor();
          RT_CHECK(py::isinstance<TensorImpl>(r), TypeError, "register_hook: a hook must return a Tensor or None");
          return r.cast<Tensor>();
        };
        if (t.is_leaf()) t.impl()->autograd_mut().hooks.push_back(hook);
        else t.grad_fn()->pre_hooks.emplace_back(t.output_nr(), hook);
        return HookHandle{alive};
      }, py::arg("hook"), "Registers fn(grad) -> Tensor | None, called with the gradient of this tensor.")
      .def("register_post_accumulate_grad_hook", [](Tensor& t, py::function fn) {
        RT_CHECK(t.requires_grad(), Error,
                 "register_post_accumulate_grad_hook: cannot register a hook on a tensor that doesn't require gradient");
        RT_CHECK(t.is_leaf(), Error,
                 "register_post_accumulate_grad_hook: post accumulate grad hooks cannot be registered on non-leaf tensors");
        auto alive = std::make_shared<bool>(true);
        t.impl()->autograd_mut().post_accumulate_hooks.push_back([alive, fn](const Tensor& leaf) {
          if (!*alive) return;
          py::gil_scoped_acquire gil;
          py::object r = fn(leaf);
          RT_CHECK(r.is_none(), TypeError, "register_post_accumulate_grad_hook: the hook must return None");
        });
        return HookHandle{alive};
      }, py::arg("hook"),
           "Registers fn(tensor) -> None, called after this leaf's .grad was accumulated during backward.")
      .def("backward", [](const Tensor& t, std::optional<Tensor> gradient, std::optional<bool> retain_graph,
                          bool create_graph, py::object inputs) {
             RT_CHECK(inputs.is_none(), ValueError, "backward: the inputs= argument is not supported; use rt.autograd.grad");
             autograd::backward({t}, {gradient ? *gradient : Tensor()}, retain_graph.value_or(create_graph), create_graph);
           }, py::arg("gradient") = py::none(), py::arg("retain_graph") = py::none(), py::arg("create_graph") = false,
           py::arg("inputs") = py::none(), "Computes the gradient of this tensor w.r.t. graph leaves.");

  m.def("is_grad_enabled", &autograd::GradMode::is_enabled, R"doc(True unless gradient recording is off (rt.no_grad).

Returns:
    bool: whether operations on tensors that require grad are recorded for autograd.

Example:
    >>> rt.is_grad_enabled()
    True
    >>> with rt.no_grad():
    ...     print(rt.is_grad_enabled())
    False
)doc");
  m.def("_set_grad_enabled", &autograd::GradMode::set_enabled, py::arg("mode"));
  m.def("_backward", [](py::handle tensors, py::handle grads, bool retain_graph, bool create_graph) {
    autograd::backward(tensors_from(tensors, "backward"), tensors_from(grads, "backward"), retain_graph, create_graph);
  });
  m.def("_queue_backward_callback", [](py::function fn) {
    autograd::queue_callback([fn] {
      py::gil_scoped_acquire gil;
      fn();
    });
  }, py::arg("callback"), "Runs callback() when the backward pass that is running ends (call it from a hook).");
  m.def("_grad", [](py::handle outputs, py::handle inputs, py::handle grad_outputs, bool retain_graph,
                    bool create_graph, bool allow_unused) {
    return autograd::grad(tensors_from(outputs, "grad"), tensors_from(grad_outputs, "grad"), tensors_from(inputs, "grad"),
                          retain_graph, create_graph, allow_unused);
  });
}

}  // namespace rustorch::python
