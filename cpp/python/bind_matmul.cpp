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
        R"doc(Matrix product like torch.matmul: 1-D @ 1-D is a dot product, 2-D @ 2-D a matrix product, 1-D operands are
promoted to a row/column and back, and batch dims broadcast.

Large products run with the GIL released. ``a @ b`` on tensors is the same product.

Args:
    input (Tensor): the first operand (lists and NumPy arrays are converted).
    other (Tensor): the second operand (lists and NumPy arrays are converted).

Returns:
    Tensor: the product; a 0-D tensor for two 1-D operands.

Example:
    >>> a = rt.tensor([[1., 2.], [3., 4.]])
    >>> rt.matmul(a, rt.tensor([1., 1.])).tolist()
    [3.0, 7.0]
    >>> rt.matmul(a, a)
    tensor([[ 7., 10.],
            [15., 22.]])
    >>> rt.matmul(rt.ones(5, 2, 3), rt.ones(3, 4)).shape
    (5, 2, 4)
)doc");
  m.def("mm", [=](const Tensor& a, const Tensor& b) { return run_product(mm_f, a, b); }, py::arg("input"),
        py::arg("mat2"), R"doc(Product of two 2-D matrices.

Unlike ``matmul`` it does not broadcast: ``input`` is (n, m) and ``mat2`` is (m, p).

Args:
    input (Tensor): the (n, m) matrix.
    mat2 (Tensor): the (m, p) matrix.

Returns:
    Tensor: the (n, p) product.

Example:
    >>> rt.mm(rt.tensor([[1., 2.], [3., 4.]]), rt.tensor([[1., 0.], [0., 2.]]))
    tensor([[1., 4.],
            [3., 8.]])
)doc");
  m.def("bmm", [=](const Tensor& a, const Tensor& b) { return run_product(bmm_f, a, b); }, py::arg("input"),
        py::arg("mat2"), R"doc(Batched product of two 3-D tensors with the same batch size.

Args:
    input (Tensor): the (b, n, m) batch of matrices.
    mat2 (Tensor): the (b, m, p) batch of matrices.

Returns:
    Tensor: the (b, n, p) batch of products.

Example:
    >>> rt.bmm(rt.ones(4, 2, 3), rt.ones(4, 3, 5)).shape
    (4, 2, 5)
)doc");
  m.def("mv", [=](const Tensor& a, const Tensor& b) { return run_product(mv_f, a, b); }, py::arg("input"),
        py::arg("vec"), R"doc(Matrix-vector product.

Args:
    input (Tensor): the (n, m) matrix.
    vec (Tensor): the vector of length m.

Returns:
    Tensor: the vector of length n.

Example:
    >>> rt.mv(rt.tensor([[1., 2.], [3., 4.]]), rt.tensor([1., -1.])).tolist()
    [-1.0, -1.0]
)doc");
  m.def("dot", [=](const Tensor& a, const Tensor& b) { return run_product(dot_f, a, b); }, py::arg("input"),
        py::arg("other"), R"doc(Dot product of two 1-D tensors (a 0-D tensor).

Args:
    input (Tensor): the first vector.
    other (Tensor): the second vector, of the same length.

Returns:
    Tensor: the 0-D sum of the elementwise products.

Example:
    >>> rt.dot(rt.tensor([1., 2., 3.]), rt.tensor([4., 5., 6.])).item()
    32.0
)doc");
  m.def("outer", &outer, py::arg("input"), py::arg("vec2"), R"doc(Outer product of two 1-D tensors.

Args:
    input (Tensor): the vector of length n.
    vec2 (Tensor): the vector of length m.

Returns:
    Tensor: the (n, m) matrix ``input[i] * vec2[j]``.

Example:
    >>> rt.outer(rt.tensor([1., 2.]), rt.tensor([1., 10., 100.]))
    tensor([[  1.,  10., 100.],
            [  2.,  20., 200.]])
)doc");
  m.def("ger", &outer, py::arg("input"), py::arg("vec2"), R"doc(Alias of outer.

Args:
    input (Tensor): the vector of length n.
    vec2 (Tensor): the vector of length m.

Returns:
    Tensor: the (n, m) matrix ``input[i] * vec2[j]``.

Example:
    >>> rt.ger(rt.tensor([1., 2.]), rt.tensor([3., 4.]))
    tensor([[3., 4.],
            [6., 8.]])
)doc");
  m.def("inner", &inner, py::arg("input"), py::arg("other"), R"doc(Sum of products over the last dims.

For 1-D tensors it is the dot product; in general the result has shape
``input.shape[:-1] + other.shape[:-1]``.

Args:
    input (Tensor): the first tensor.
    other (Tensor): the second tensor, with the same last dim.

Returns:
    Tensor: the sums of products over the last dim.

Example:
    >>> rt.inner(rt.tensor([1., 2., 3.]), rt.tensor([1., 0., -1.])).item()
    -2.0
    >>> rt.inner(rt.ones(2, 3), rt.ones(4, 3)).shape
    (2, 4)
)doc");
  m.def("addmm", [](const Tensor& input, const Tensor& mat1, const Tensor& mat2, const Scalar& beta,
                    const Scalar& alpha) { return addmm(input, mat1, mat2, beta, alpha); },
        py::arg("input"), py::arg("mat1"), py::arg("mat2"), py::kw_only(), py::arg("beta") = 1, py::arg("alpha") = 1,
        R"doc(beta * input + alpha * (mat1 @ mat2).

Args:
    input (Tensor): the tensor added, broadcast to the (n, p) shape of the product.
    mat1 (Tensor): the (n, m) matrix.
    mat2 (Tensor): the (m, p) matrix.
    beta (number): the factor of ``input``. Default: 1.
    alpha (number): the factor of the product. Default: 1.

Returns:
    Tensor: the (n, p) result.

Example:
    >>> m = rt.ones(2, 2)
    >>> rt.addmm(m, rt.tensor([[1., 2.], [3., 4.]]), rt.eye(2), beta=0.5, alpha=2)
    tensor([[2.5000, 4.5000],
            [6.5000, 8.5000]])
)doc");
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
        R"doc(Einstein summation: einsum('ij,jk->ik', a, b). Supports '...', repeated subscripts (diagonals) and
implicit output.

Args:
    equation (str): the subscripts of each operand separated by commas, optionally followed by ``->`` and the
        subscripts of the output (without ``->``, the subscripts that appear once, in alphabetical order).
    *operands (Tensor): the tensors, given as separate arguments or as one list.

Returns:
    Tensor: the contraction described by ``equation``.

Example:
    >>> a = rt.tensor([[1., 2.], [3., 4.]])
    >>> rt.einsum('ij,jk->ik', a, a)
    tensor([[ 7., 10.],
            [15., 22.]])
    >>> rt.einsum('ii', a).item()
    5.0
    >>> rt.einsum('ij->j', [a]).tolist()
    [4.0, 6.0]
)doc");
}

}  // namespace rustorch::python
