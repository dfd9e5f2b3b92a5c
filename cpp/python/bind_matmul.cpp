// Python bindings of matrix products: matmul/@, mm, bmm, mv, dot, outer, inner, addmm, einsum.
// Large products run with the GIL released.
#include "bind_common.hpp"
#include "rustorch/ops/matmul.hpp"

namespace rustorch::python {

namespace {

// Multiply-adds above which a product releases the GIL (about 20 us of work and up).
constexpr int64_t kReleaseGilWork = int64_t(1) << 18;

using Product = Tensor (*)(const Tensor&, const Tensor&);

Tensor run_product(Product f, const Tensor& a, const Tensor& b) {
  if (matmul_work(a, b) >= kReleaseGilWork) {
    py::gil_scoped_release release;
    return f(a, b);
  }
  return f(a, b);
}

Tensor as_operand(py::handle h, const char* op) {
  return py::isinstance<TensorImpl>(h) ? h.cast<Tensor>() : operand_tensor(h, op);
}

bool is_data(py::handle h) {
  return py::isinstance<py::array>(h) || PyList_Check(h.ptr()) || PyTuple_Check(h.ptr());
}

}  // namespace

void bind_matmul(py::module_& m, PyTensorClass& cls) {
  Product matmul_f = &matmul, mm_f = &mm, bmm_f = &bmm, mv_f = &mv, dot_f = &dot;
  cls.def("__matmul__", [=](const Tensor& a, py::handle b) -> py::object {
       if (py::isinstance<TensorImpl>(b)) return py::cast(run_product(matmul_f, a, b.cast<Tensor>()));
       if (is_data(b)) return py::cast(run_product(matmul_f, a, operand_tensor(b, "matmul")));
       return py::reinterpret_borrow<py::object>(Py_NotImplemented);
     }, py::is_operator())
      .def("__rmatmul__", [=](const Tensor& a, py::handle b) -> py::object {
        if (is_data(b)) return py::cast(run_product(matmul_f, operand_tensor(b, "matmul"), a));
        return py::reinterpret_borrow<py::object>(Py_NotImplemented);
      }, py::is_operator())
      .def("matmul", [=](const Tensor& a, py::handle b) { return run_product(matmul_f, a, as_operand(b, "matmul")); },
           py::arg("other"), "Matrix product with torch.matmul semantics (1-D, 2-D, batched with broadcasting).")
      .def("mm", [=](const Tensor& a, const Tensor& b) { return run_product(mm_f, a, b); }, py::arg("mat2"),
           "Matrix product of two 2-D tensors (no broadcasting).")
      .def("bmm", [=](const Tensor& a, const Tensor& b) { return run_product(bmm_f, a, b); }, py::arg("mat2"),
           "Batched matrix product of (B, N, M) and (B, M, P) tensors.")
      .def("mv", [=](const Tensor& a, const Tensor& b) { return run_product(mv_f, a, b); }, py::arg("vec"),
           "Matrix-vector product of a 2-D and a 1-D tensor.")
      .def("dot", [=](const Tensor& a, const Tensor& b) { return run_product(dot_f, a, b); }, py::arg("other"),
           "Dot product of two 1-D tensors of the same length.")
      .def("outer", &outer, py::arg("vec2"), "Outer product of two 1-D tensors.")
      .def("inner", &inner, py::arg("other"), "Sum of products over the last dims.")
      .def("addmm", [](const Tensor& input, const Tensor& mat1, const Tensor& mat2, const Scalar& beta,
                       const Scalar& alpha) { return addmm(input, mat1, mat2, beta, alpha); },
           py::arg("mat1"), py::arg("mat2"), py::kw_only(), py::arg("beta") = 1, py::arg("alpha") = 1,
           "beta * self + alpha * (mat1 @ mat2).");

  m.def("matmul", [=](py::handle a, py::handle b) {
          return run_product(matmul_f, as_operand(a, "matmul"), as_operand(b, "matmul"));
        }, py::arg("input"), py::arg("other"),
        "Matrix product like torch.matmul: 1-D @ 1-D is a dot product, 2-D @ 2-D a matrix product, 1-D operands "
        "are promoted to a row/column and back, and batch dims broadcast.");
  m.def("mm", [=](const Tensor& a, const Tensor& b) { return run_product(mm_f, a, b); }, py::arg("input"),
        py::arg("mat2"), "Product of two 2-D matrices.");
  m.def("bmm", [=](const Tensor& a, const Tensor& b) { return run_product(bmm_f, a, b); }, py::arg("input"),
        py::arg("mat2"), "Batched product of two 3-D tensors with the same batch size.");
  m.def("mv", [=](const Tensor& a, const Tensor& b) { return run_product(mv_f, a, b); }, py::arg("input"),
        py::arg("vec"), "Matrix-vector product.");
  m.def("dot", [=](const Tensor& a, const Tensor& b) { return run_product(dot_f, a, b); }, py::arg("input"),
        py::arg("other"), "Dot product of two 1-D tensors (a 0-D tensor).");
  m.def("outer", &outer, py::arg("input"), py::arg("vec2"), "Outer product of two 1-D tensors.");
  m.def("ger", &outer, py::arg("input"), py::arg("vec2"), "Alias of outer.");
  m.def("inner", &inner, py::arg("input"), py::arg("other"), "Sum of products over the last dims.");
  m.def("addmm", [](const Tensor& input, const Tensor& mat1, const Tensor& mat2, const Scalar& beta,
                    const Scalar& alpha) { return addmm(input, mat1, mat2, beta, alpha); },
        py::arg("input"), py::arg("mat1"), py::arg("mat2"), py::kw_only(), py::arg("beta") = 1, py::arg("alpha") = 1,
        "beta * input + alpha * (mat1 @ mat2).");
  m.def("einsum", [](const std::string& equation, py::args operands) {
          TensorList ts;
          // einsum(eq, a, b) or einsum(eq, [a, b])
          const bool listed = operands.size() == 1 &&
                              (PyList_Check(operands[0].ptr()) || PyTuple_Check(operands[0].ptr())) &&
                              py::len(operands[0]) > 0 && py::isinstance<TensorImpl>(operands[0][py::int_(0)]);
          if (listed)
            for (py::object h : py::reinterpret_borrow<py::sequence>(operands[0]))
              ts.push_back(as_operand(h, "einsum"));
          else
            for (py::handle h : operands) ts.push_back(as_operand(h, "einsum"));
          return einsum(equation, ts);
        }, py::arg("equation"),
        "Einstein summation: einsum('ij,jk->ik', a, b). Supports '...', repeated subscripts (diagonals) and "
        "implicit output.");
}

}  // namespace rustorch::python
