// Op names for engine errors: every bound function and Tensor method runs inside an OpNameScope
// holding its Python name, so errors raised deep in shared code (the real-only dtype dispatch, a
// complex-to-real cast) say which op the user called ("sort: not supported for complex64 tensors").
//
// Done once at module load by swapping each pybind11 function record's call thunk for one that sets
// the name and forwards to the original (a hash lookup and two thread-local writes per call).
#include <unordered_map>
#include <unordered_set>

#include "bind_common.hpp"
#include "rustorch/core/op_name.hpp"

namespace rustorch::python {

namespace {

using Record = py::detail::function_record;
using Impl = py::handle (*)(py::detail::function_call&);

std::unordered_map<const Record*, Impl>& original_impls() {
  static auto* table = new std::unordered_map<const Record*, Impl>();  // lives as long as the records
  return *table;
}

py::handle named_call(py::detail::function_call& call) {
  const Impl impl = original_impls().find(&call.func)->second;
  OpNameScope scope(call.func.name);
  return impl(call);
}

void name_function(py::handle f) {
  f = py::detail::get_function(f);
  if (!f || !PyCFunction_Check(f.ptr())) return;
  for (Record* rec = py::detail::function_record_ptr_from_PyObject(PyCFunction_GET_SELF(f.ptr())); rec != nullptr;
       rec = rec->next) {
    if (rec->impl == &named_call || rec->is_constructor || rec->name == nullptr) continue;
    original_impls().emplace(rec, rec->impl);
    rec->impl = &named_call;
  }
}

void name_scope(py::handle scope, std::unordered_set<PyObject*>& seen) {
  if (!seen.insert(scope.ptr()).second) return;
  const py::dict members(scope.attr("__dict__"));
  for (auto item : members) {
    py::handle value = item.second;
    if (py::isinstance<py::module_>(value)) {
      if (py::str(value.attr("__name__")).cast<std::string>().rfind("rustorch._C", 0) == 0) name_scope(value, seen);
    } else if (PyObject_TypeCheck(value.ptr(), &PyProperty_Type)) {
      name_function(value.attr("fget"));
    } else {
      name_function(value);
    }
  }
}

}  // namespace

void name_bound_ops(py::module_& m) {
  std::unordered_set<PyObject*> seen;
  name_scope(m, seen);
  name_scope(m.attr("Tensor"), seen);
}

}  // namespace rustorch::python
