// Complex-number functions and Tensor members: rt.complex, rt.real/imag, .real/.imag, rt.angle,
// rt.conj, rt.view_as_real/view_as_complex, rt.is_complex.
#include "bind_common.hpp"
#include "rustorch/ops/complex.hpp"

namespace rustorch::python {

void bind_complex(py::module_& m, PyTensorClass& cls) {
  m.def("complex", &complex, py::arg("real"), py::arg("imag"),
        "A complex tensor real + i*imag (broadcast); float32 parts give complex64, float64 parts complex128.");
  m.def("real", &real, py::arg("input"),
        "The real part of a complex tensor as a float view sharing its memory (a real tensor is returned as is).");
  m.def("imag", &imag, py::arg("input"), "The imaginary part of a complex tensor as a float view sharing its memory.");
  m.def("view_as_real", &view_as_real, py::arg("input"),
        "A complex tensor of shape S viewed as a float tensor of shape S + (2,) (real, imaginary).");
  m.def("view_as_complex", &view_as_complex, py::arg("input"),
        "A float tensor whose last dim has size 2 and stride 1 viewed as a complex tensor without it.");
  m.def("angle", &angle, py::arg("input"),
        "The phase of each element in (-pi, pi]; real inputs give 0 (x >= 0) or pi (x < 0). Not differentiable.");
  m.def("conj", &conj, py::arg("input"),
        "The complex conjugate (a new tensor; torch returns a lazy view). Real tensors are returned as they are.");
  m.def("conj_physical", &conj, py::arg("input"), "The complex conjugate as a new tensor.");
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
