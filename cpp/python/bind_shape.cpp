// Python bindings of view and shape ops.
#include "bind_common.hpp"
#include "rustorch/ops/shape.hpp"

namespace rustorch::python {

namespace {
std::vector<int64_t> optional_dims(py::object dim, const char* op) {
  return dim.is_none() ? std::vector<int64_t>{} : dims_from_python(dim, op);
}
// f(0, 1), f((0, 1)) or f(dims=(0, 1)).
Shape dims_arg(const py::args& args, const py::kwargs& kw, const char* op) {
  if (kw.contains("dims")) {
    RT_CHECK(args.size() == 0 && kw.size() == 1, TypeError, op, ": expected dims either positionally or as dims=");
    return shape_from_python(kw["dims"], op);
  }
  RT_CHECK(kw.size() == 0, TypeError, op, ": unexpected keyword argument");
  return shape_from_args(args, op);
}
}  // namespace

void bind_shape(py::module_& m, PyTensorClass& cls) {
  cls.def("view", [](const Tensor& t, py::args shape) {
         if (shape.size() == 1) {
           if (auto d = dtype_from_python(shape[0]); d && !PyLong_Check(shape[0].ptr()))
             RT_THROW(TypeError, "view(dtype) is not supported; use .to(dtype)");
         }
         return view(t, shape_from_args(shape, "view"));
       }, "A view with another shape (one dim may be -1); fails when the strides do not allow it.")
      .def("reshape", [](const Tensor& t, py::args shape) { return reshape(t, shape_from_args(shape, "reshape")); },
           "The tensor with another shape: a view when the strides allow it, else a copy.")
      .def("expand", [](const Tensor& t, py::args shape) { return expand(t, shape_from_args(shape, "expand")); },
           "A broadcast view with size-1 dims expanded (-1 keeps a size).")
      .def("expand_as", [](const Tensor& t, const Tensor& other) { return expand(t, other.shape()); }, py::arg("other"),
           "A broadcast view with other's shape.")
      .def("view_as", [](const Tensor& t, const Tensor& other) { return view(t, other.shape()); }, py::arg("other"),
           "A view with other's shape (the strides must allow it).")
      .def("reshape_as", [](const Tensor& t, const Tensor& other) { return reshape(t, other.shape()); }, py::arg("other"),
           "The tensor with other's shape: a view when possible, else a copy.")
      .def("transpose", &transpose, py::arg("dim0"), py::arg("dim1"), "A view with dims dim0 and dim1 swapped.")
      .def("swapaxes", &transpose, py::arg("axis0"), py::arg("axis1"), "Alias of transpose.")
      .def("swapdims", &transpose, py::arg("dim0"), py::arg("dim1"), "Alias of transpose.")
      .def("t", [](const Tensor& t) {
             RT_CHECK(t.dim() <= 2, ValueError, "t: expects a tensor with <= 2 dimensions, but self is ", t.dim(), "D");
             return t.dim() < 2 ? view(t, t.shape()) : transpose(t, 0, 1);
           }, "The transpose of a matrix (a view); 0-d and 1-d tensors are returned as they are.")
      .def_property_readonly("T", [](const Tensor& t) { return numpy_T(t); }, "A view with all dims reversed.")
      .def_property_readonly("mT", [](const Tensor& t) { return matrix_T(t); },
                             "A view with the last two dims swapped (batched matrix transpose).")
      .def("permute", [](const Tensor& t, py::args dims) { return permute(t, shape_from_args(dims, "permute")); },
           "A view with the dims reordered.")
      .def("movedim", [](const Tensor& t, py::handle source, py::handle destination) {
             return movedim(t, dims_from_python(source, "movedim"), dims_from_python(destination, "movedim"));
           }, py::arg("source"), py::arg("destination"), "A view with dims `source` moved to `destination`.")
      .def("moveaxis", [](const Tensor& t, py::handle source, py::handle destination) {
             return movedim(t, dims_from_python(source, "moveaxis"), dims_from_python(destination, "moveaxis"));
           }, py::arg("source"), py::arg("destination"), "Alias of movedim.")
      .def("unsqueeze", &unsqueeze, py::arg("dim"), "A view with a size-1 dim inserted at dim.")
      .def("squeeze", [](const Tensor& t, py::object dim) { return squeeze(t, optional_dims(dim, "squeeze")); },
           py::arg("dim") = py::none(), "A view without size-1 dims (all, or those in dim).")
      .def("flatten", &flatten, py::arg("start_dim") = 0, py::arg("end_dim") = -1,
           "Merges dims start_dim..end_dim into one (a view when possible).")
      .def("unflatten", [](const Tensor& t, int64_t dim, py::handle sizes) {
             return unflatten(t, dim, shape_from_python(sizes, "unflatten"));
           }, py::arg("dim"), py::arg("sizes"), "Splits dim into the given sizes (a view).")
      .def("repeat", [](const Tensor& t, py::args sizes) { return repeat(t, shape_from_args(sizes, "repeat")); },
           "A copy tiled the given number of times along each dim.")
      .def("tile", [](const Tensor& t, py::args dims, py::kwargs kw) { return tile(t, dims_arg(dims, kw, "tile")); },
           "Like repeat, with fewer reps than dims allowed (left-padded with 1s).")
      .def("flip", [](const Tensor& t, py::args dims, py::kwargs kw) { return flip(t, dims_arg(dims, kw, "flip")); },
           "A copy with the order of elements along dims reversed.");

  m.def("reshape", [](const Tensor& t, py::handle shape) { return reshape(t, shape_from_python(shape, "reshape")); },
        py::arg("input"), py::arg("shape"), R"doc(input with another shape: a view when possible, else a copy.

Args:
    input (Tensor): the tensor to reshape.
    shape (tuple of ints): the new shape, with the same number of elements; one entry may be -1 (inferred).

Returns:
    Tensor: ``input``'s elements, in row-major order, with shape ``shape``.

Example:
    >>> rt.reshape(rt.arange(6), (2, 3))
    tensor([[0, 1, 2],
            [3, 4, 5]])
    >>> rt.reshape(rt.arange(6), (-1, 2)).shape
    (3, 2)
)doc");
  m.def("transpose", &transpose, py::arg("input"), py::arg("dim0"), py::arg("dim1"), R"doc(A view with two dims swapped.

Args:
    input (Tensor): the tensor.
    dim0 (int): the first dim to swap (negative counts from the end).
    dim1 (int): the second dim to swap.

Returns:
    Tensor: a view of ``input`` with ``dim0`` and ``dim1`` swapped (it shares ``input``'s memory).

Example:
    >>> x = rt.tensor([[1, 2, 3], [4, 5, 6]])
    >>> rt.transpose(x, 0, 1)
    tensor([[1, 4],
            [2, 5],
            [3, 6]])
)doc");
  m.def("swapaxes", &transpose, py::arg("input"), py::arg("axis0"), py::arg("axis1"), R"doc(Alias of transpose.

Args:
    input (Tensor): the tensor.
    axis0 (int): the first dim to swap.
    axis1 (int): the second dim to swap.

Returns:
    Tensor: a view of ``input`` with the two dims swapped.

Example:
    >>> rt.swapaxes(rt.zeros(2, 3, 4), 0, 2).shape
    (4, 3, 2)
)doc");
  m.def("swapdims", &transpose, py::arg("input"), py::arg("dim0"), py::arg("dim1"), R"doc(Alias of transpose.

Args:
    input (Tensor): the tensor.
    dim0 (int): the first dim to swap.
    dim1 (int): the second dim to swap.

Returns:
    Tensor: a view of ``input`` with the two dims swapped.

Example:
    >>> rt.swapdims(rt.zeros(2, 3, 4), 1, 2).shape
    (2, 4, 3)
)doc");
  m.def("t", [](const Tensor& t) {
          RT_CHECK(t.dim() <= 2, ValueError, "t: expects a tensor with <= 2 dimensions, but self is ", t.dim(), "D");
          return t.dim() < 2 ? view(t, t.shape()) : transpose(t, 0, 1);
        }, py::arg("input"), R"doc(The transpose of a matrix (a view).

0-D and 1-D tensors are returned as they are (as a view); more than 2 dims raise ValueError.

Args:
    input (Tensor): a tensor with at most 2 dims.

Returns:
    Tensor: a view of ``input`` with dims 0 and 1 swapped.

Example:
    >>> rt.t(rt.tensor([[1, 2], [3, 4]]))
    tensor([[1, 3],
            [2, 4]])
    >>> rt.t(rt.tensor([1, 2, 3])).shape
    (3,)
)doc");
  m.def("permute", [](const Tensor& t, py::handle dims) { return permute(t, shape_from_python(dims, "permute")); },
        py::arg("input"), py::arg("dims"), R"doc(A view with the dims reordered.

Args:
    input (Tensor): the tensor.
    dims (tuple of ints): the new order: dim ``i`` of the result is dim ``dims[i]`` of ``input``.

Returns:
    Tensor: a view of ``input`` with its dims permuted.

Example:
    >>> rt.permute(rt.zeros(2, 3, 4), (2, 0, 1)).shape
    (4, 2, 3)
)doc");
  m.def("movedim", [](const Tensor& t, py::handle source, py::handle destination) {
          return movedim(t, dims_from_python(source, "movedim"), dims_from_python(destination, "movedim"));
        }, py::arg("input"), py::arg("source"), py::arg("destination"), R"doc(A view with dims moved.

The dims in ``source`` move to the positions in ``destination``; the other dims keep their order.

Args:
    input (Tensor): the tensor.
    source (int or tuple of ints): the dims to move.
    destination (int or tuple of ints): their new positions (as many as ``source``).

Returns:
    Tensor: a view of ``input`` with the dims moved.

Example:
    >>> rt.movedim(rt.zeros(2, 3, 4), 0, -1).shape
    (3, 4, 2)
    >>> rt.movedim(rt.zeros(2, 3, 4), (0, 1), (2, 0)).shape
    (3, 4, 2)
)doc");
  m.def("moveaxis", [](const Tensor& t, py::handle source, py::handle destination) {
          return movedim(t, dims_from_python(source, "moveaxis"), dims_from_python(destination, "moveaxis"));
        }, py::arg("input"), py::arg("source"), py::arg("destination"), R"doc(Alias of movedim.

Args:
    input (Tensor): the tensor.
    source (int or tuple of ints): the dims to move.
    destination (int or tuple of ints): their new positions (as many as ``source``).

Returns:
    Tensor: a view of ``input`` with the dims moved.

Example:
    >>> rt.moveaxis(rt.zeros(2, 3, 4), 2, 0).shape
    (4, 2, 3)
)doc");
  m.def("unsqueeze", &unsqueeze, py::arg("input"), py::arg("dim"), R"doc(A view with a size-1 dim inserted.

Args:
    input (Tensor): the tensor.
    dim (int): the position of the new dim, in ``[-input.dim() - 1, input.dim()]``.

Returns:
    Tensor: a view of ``input`` with one more dim, of size 1.

Example:
    >>> x = rt.tensor([1, 2, 3])
    >>> rt.unsqueeze(x, 0).shape
    (1, 3)
    >>> rt.unsqueeze(x, 1).shape
    (3, 1)
)doc");
  m.def("squeeze", [](const Tensor& t, py::object dim) { return squeeze(t, optional_dims(dim, "squeeze")); },
        py::arg("input"), py::arg("dim") = py::none(), R"doc(A view without size-1 dims.

Args:
    input (Tensor): the tensor.
    dim (int or tuple of ints, optional): the dims to remove where their size is 1 (others are kept); all
        size-1 dims when None.

Returns:
    Tensor: a view of ``input`` without the squeezed dims.

Example:
    >>> x = rt.zeros(2, 1, 3, 1)
    >>> rt.squeeze(x).shape
    (2, 3)
    >>> rt.squeeze(x, 1).shape
    (2, 3, 1)
)doc");
  m.def("flatten", &flatten, py::arg("input"), py::arg("start_dim") = 0, py::arg("end_dim") = -1,
        R"doc(Merges dims start_dim..end_dim into one (a view when possible).

Args:
    input (Tensor): the tensor.
    start_dim (int): the first dim to merge. Default: 0.
    end_dim (int): the last dim to merge (included). Default: -1.

Returns:
    Tensor: ``input`` with dims ``start_dim`` to ``end_dim`` merged; a copy when the strides do not allow a view.

Example:
    >>> x = rt.zeros(2, 3, 4)
    >>> rt.flatten(x).shape
    (24,)
    >>> rt.flatten(x, start_dim=1).shape
    (2, 12)
)doc");
  m.def("unflatten", [](const Tensor& t, int64_t dim, py::handle sizes) {
          return unflatten(t, dim, shape_from_python(sizes, "unflatten"));
        }, py::arg("input"), py::arg("dim"), py::arg("sizes"), R"doc(Splits dim into the given sizes (a view).

Args:
    input (Tensor): the tensor.
    dim (int): the dim to split.
    sizes (tuple of ints): the sizes that replace ``dim``; their product is its size (one may be -1).

Returns:
    Tensor: a view of ``input`` with ``dim`` replaced by ``sizes``.

Example:
    >>> rt.unflatten(rt.arange(6), 0, (2, 3))
    tensor([[0, 1, 2],
            [3, 4, 5]])
)doc");
  m.def("tile", [](const Tensor& t, py::handle dims) { return tile(t, shape_from_python(dims, "tile")); },
        py::arg("input"), py::arg("dims"), R"doc(input tiled along each dim (a copy).

With fewer reps than dims, 1s are prepended to ``dims``; with more, ``input`` gets leading size-1 dims.

Args:
    input (Tensor): the tensor to repeat.
    dims (tuple of ints): the number of repetitions along each dim.

Returns:
    Tensor: a new tensor holding the copies.

Example:
    >>> rt.tile(rt.tensor([1, 2]), (2, 2))
    tensor([[1, 2, 1, 2],
            [1, 2, 1, 2]])
)doc");
  m.def("flip", [](const Tensor& t, py::handle dims) { return flip(t, dims_from_python(dims, "flip")); },
        py::arg("input"), py::arg("dims"), R"doc(A copy with the order of elements along dims reversed.

Args:
    input (Tensor): the tensor.
    dims (int or tuple of ints): the dims to reverse.

Returns:
    Tensor: a new tensor with the elements along ``dims`` in reverse order.

Example:
    >>> rt.flip(rt.tensor([[1, 2], [3, 4]]), (0,))
    tensor([[3, 4],
            [1, 2]])
    >>> rt.flip(rt.tensor([[1, 2], [3, 4]]), [0, 1])
    tensor([[4, 3],
            [2, 1]])
)doc");
}

}  // namespace rustorch::python
