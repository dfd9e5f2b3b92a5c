// The extension module rustorch._C: exception mapping and one bind call per area.
#include "bind_common.hpp"
#include "rustorch/core/error.hpp"

namespace rustorch::python {

PYBIND11_MODULE(_C, m) {
  m.doc() = "rustorch C++ engine";
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const IndexError& e) {
      PyErr_SetString(PyExc_IndexError, e.what());
    } catch (const TypeError& e) {
      PyErr_SetString(PyExc_TypeError, e.what());
    } catch (const ValueError& e) {
      PyErr_SetString(PyExc_ValueError, e.what());
    } catch (const Error& e) {
      PyErr_SetString(PyExc_RuntimeError, e.what());
    }
  });
  bind_runtime(m);
  bind_dtype(m);
  PyTensorClass cls = bind_tensor(m);
  bind_autograd(m, cls);
  bind_elementwise(m, cls);
  bind_reduce(m, cls);
  bind_shape(m, cls);
  bind_index(m, cls);
  bind_factory(m, cls);
  bind_matmul(m, cls);
  bind_nn(m);
  bind_optim(m);
  bind_data(m);
  bind_linalg(m);
  bind_io(m);
  bind_distributed(m);
  bind_complex(m, cls);
  bind_rnn(m);
  name_bound_ops(m);  // keep last: names the functions bound above for error messages
}

}  // namespace rustorch::python
