// Complex-number functions and Tensor members: rt.complex, rt.real/imag, .real/.imag, rt.angle,
// rt.conj, rt.view_as_real/view_as_complex, rt.is_complex.
#include "bind_common.hpp"
#include "rustorch/ops/complex.hpp"

namespace rustorch::python {

void bind_complex(py::module_& m, PyTensorClass& cls) {
  m.def("complex", &complex, py::arg("real"), py::arg("imag"),
        R"(A complex tensor real + i*imag (broadcast); float32 parts give complex64, float64 parts complex128.

Args:
    real (Tensor): the real parts (float32 or float64).
    imag (Tensor): the imaginary parts, of ``real``'s dtype, broadcast against ``real``.

Returns:
    Tensor: a new complex tensor of the broadcast shape.

Example:
    >>> z = rt.complex(rt.tensor([1., 2.]), rt.tensor([3., -4.]))
    >>> z.tolist()
    [(1+3j), (2-4j)]
    >>> z.dtype
    rustorch.complex64
    >>> rt.complex(rt.tensor([1.], dtype=rt.float64), rt.tensor([0.], dtype=rt.float64)).dtype
    rustorch.complex128
)");
  m.def("real", &real, py::arg("input"),
        R"(The real part of a complex tensor as a float view sharing its memory (a real tensor is returned as is).

Args:
    input (Tensor): a complex or real tensor.

Returns:
    Tensor: the real parts (float32 for complex64, float64 for complex128), a view of ``input``.

Example:
    >>> z = rt.complex(rt.tensor([1., 2.]), rt.tensor([3., -4.]))
    >>> rt.real(z).tolist()
    [1.0, 2.0]
    >>> r = rt.real(z)
    >>> r[0] = 10.
    >>> z.tolist()
    [(10+3j), (2-4j)]
    >>> rt.real(rt.tensor([1., 2.])).tolist()
    [1.0, 2.0]
)");
  m.def("imag", &imag, py::arg("input"), R"(The imaginary part of a complex tensor as a float view sharing its memory.

Args:
    input (Tensor): a complex tensor (a real one raises TypeError).

Returns:
    Tensor: the imaginary parts (float32 for complex64, float64 for complex128), a view of ``input``.

Example:
    >>> z = rt.complex(rt.tensor([1., 2.]), rt.tensor([3., -4.]))
    >>> rt.imag(z).tolist()
    [3.0, -4.0]
    >>> rt.imag(z).dtype
    rustorch.float32
)");
  m.def("view_as_real", &view_as_real, py::arg("input"),
        R"(A complex tensor of shape S viewed as a float tensor of shape S + (2,) (real, imaginary).

Args:
    input (Tensor): a complex tensor.

Returns:
    Tensor: a float view of ``input`` with a last dim of size 2 holding (real, imaginary).

Example:
    >>> z = rt.complex(rt.tensor([1., 2.]), rt.tensor([3., -4.]))
    >>> rt.view_as_real(z)
    tensor([[ 1.,  3.],
            [ 2., -4.]])
    >>> rt.view_as_real(z).shape
    (2, 2)
)");
  m.def("view_as_complex", &view_as_complex, py::arg("input"),
        R"(A float tensor whose last dim has size 2 and stride 1 viewed as a complex tensor without it.

Args:
    input (Tensor): a float32 or float64 tensor whose last dim has size 2 and stride 1.

Returns:
    Tensor: a complex view of ``input`` without its last dim.

Example:
    >>> x = rt.tensor([[1., 3.], [2., -4.]])
    >>> z = rt.view_as_complex(x)
    >>> z.tolist()
    [(1+3j), (2-4j)]
    >>> z.shape
    (2,)
)");
  m.def("angle", &angle, py::arg("input"),
        R"(The phase of each element in (-pi, pi]; real inputs give 0 (x >= 0) or pi (x < 0). Not differentiable.

Args:
    input (Tensor): a complex or real tensor.

Returns:
    Tensor: the angles in radians, a real tensor of ``input``'s shape.

Example:
    >>> z = rt.complex(rt.tensor([[1., 0.], [-1., 1.]]), rt.tensor([[1., 2.], [0., -1.]]))
    >>> rt.angle(z)
    tensor([[ 0.7854,  1.5708],
            [ 3.1416, -0.7854]])
    >>> rt.angle(rt.tensor([[2., 0.], [-3., -0.5]]))
    tensor([[0.0000, 0.0000],
            [3.1416, 3.1416]])
)");
  m.def("conj", &conj, py::arg("input"),
        R"(The complex conjugate (a new tensor; torch returns a lazy view). Real tensors are returned as they are.

Args:
    input (Tensor): a complex or real tensor.

Returns:
    Tensor: the conjugates, of ``input``'s shape and dtype.

Example:
    >>> z = rt.complex(rt.tensor([1., 2.]), rt.tensor([3., -4.]))
    >>> rt.conj(z).tolist()
    [(1-3j), (2+4j)]
    >>> rt.conj(rt.tensor([1., 2.])).tolist()
    [1.0, 2.0]
)");
  m.def("conj_physical", &conj, py::arg("input"), R"(The complex conjugate as a new tensor.

Args:
    input (Tensor): a complex or real tensor (a real one is returned as it is).

Returns:
    Tensor: the conjugates, of ``input``'s shape and dtype.

Example:
    >>> z = rt.complex(rt.tensor([1., 2.]), rt.tensor([3., -4.]))
    >>> rt.conj_physical(z).tolist()
    [(1-3j), (2+4j)]
)");
  m.def("is_complex", [](const Tensor& t) { return is_complex(t.dtype()); }, py::arg("input"),
        R"doc(True for complex64 and complex128 tensors.

Args:
    input (Tensor): the tensor.

Returns:
    bool: whether ``input``'s dtype is complex.

Example:
    >>> rt.is_complex(rt.zeros(2, dtype=rt.complex64))
    True
    >>> rt.is_complex(rt.zeros(2))
    False
)doc");
  cls.def_property_readonly("real", [](const Tensor& t) { return real(t); },
                            "The real part (a view for complex tensors; the tensor itself for real ones).");
  cls.def_property_readonly("imag", [](const Tensor& t) { return imag(t); },
                            "The imaginary part of a complex tensor (a float view sharing its memory).");
  cls.def("angle", [](const Tensor& t) { return angle(t); }, "See rt.angle.");
  cls.def("conj", [](const Tensor& t) { return conj(t); }, "See rt.conj.");
  cls.def("conj_physical", [](const Tensor& t) { return conj(t); }, "See rt.conj_physical.");
}

}  // namespace rustorch::python
