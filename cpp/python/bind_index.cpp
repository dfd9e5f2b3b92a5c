// Python bindings of indexing, joining and selection ops, and of x[...] / x[...] = v / iteration.
#include "bind_common.hpp"
#include "rustorch/ops/factory.hpp"
#include "rustorch/ops/index.hpp"

namespace rustorch::python {

namespace {

bool is_tensor(py::handle h) { return py::isinstance<TensorImpl>(h); }

std::string type_name(py::handle h) { return py::str(py::type::of(h).attr("__name__")).cast<std::string>(); }

py::tuple to_tuple(const TensorList& l) {
  py::tuple out(l.size());
  for (size_t i = 0; i < l.size(); ++i) out[i] = py::cast(l[i]);
  return out;
}

int64_t long_from_python(PyObject* o) {
  int overflow = 0;
  const long long v = PyLong_AsLongLongAndOverflow(o, &overflow);
  if (v == -1 && PyErr_Occurred()) throw py::error_already_set();
  RT_CHECK(!overflow, IndexError, "index: integer index ", py::str(o).cast<std::string>(), " is out of range for int64");
  return static_cast<int64_t>(v);
}

// A list / tuple / NumPy array used as an index, as an int64 or bool tensor.
Tensor index_tensor_from_python(py::handle h) {
  if ((PyList_Check(h.ptr()) || PyTuple_Check(h.ptr())) && py::len(h) == 0) return Tensor::empty({0}, DType::Int64);
  try {
    return tensor_from_python(h, std::nullopt);
  } catch (const Error& e) {
    RT_THROW(IndexError, "index: a sequence used as an index must hold only integers or only bools (", e.what(), ")");
  }
}

// One element of an index (x[a, b, ...] has one per entry of the tuple).
TensorIndex parse_item(py::handle h) {
  PyObject* o = h.ptr();
  if (PyLong_CheckExact(o)) return TensorIndex::integer_(long_from_python(o));
  if (PySlice_Check(o)) {
    Py_ssize_t start, stop, step;
    if (PySlice_Unpack(o, &start, &stop, &step) < 0) throw py::error_already_set();
    return TensorIndex::slice_(start, stop, step);
  }
  if (o == Py_None) return TensorIndex::none();
  if (o == Py_Ellipsis) return TensorIndex::ellipsis();
  if (PyBool_Check(o)) return TensorIndex::boolean_(o == Py_True);
  if (is_tensor(h)) return TensorIndex::tensor_(h.cast<Tensor>());
  if (PyLong_Check(o)) return TensorIndex::integer_(long_from_python(o));
  if (py::isinstance<py::array>(h) && py::reinterpret_borrow<py::array>(h).ndim() == 0)
    return parse_item(h.attr("item")());  // a 0-d array indexes like the number it holds
  if (py::isinstance<py::array>(h) || PyList_Check(o) || PyTuple_Check(o))
    return TensorIndex::tensor_(index_tensor_from_python(h));
  if (PyIndex_Check(o)) {  // NumPy integers and other __index__ objects
    py::object i = py::reinterpret_steal<py::object>(PyNumber_Index(o));
    if (!i) throw py::error_already_set();
    return TensorIndex::integer_(long_from_python(i.ptr()));
  }
  if (auto s = scalar_from_python(h); s && s->kind() == TypeKind::Bool) return TensorIndex::boolean_(s->to_bool());
  RT_THROW(IndexError, "index: only integers, slices (`:`), ellipsis (`...`), None, bools, and int64 or bool tensors "
                       "(or sequences of them) are valid indices (got ", type_name(h), ")");
}

std::vector<TensorIndex> parse_index(py::handle index) {
  std::vector<TensorIndex> out;
  if (PyTuple_Check(index.ptr())) {
    const Py_ssize_t n = PyTuple_GET_SIZE(index.ptr());
    out.reserve(static_cast<size_t>(n));
    for (Py_ssize_t i = 0; i < n; ++i) out.push_back(parse_item(PyTuple_GET_ITEM(index.ptr(), i)));
  } else {
    out.push_back(parse_item(index));
  }
  return out;
}

Tensor getitem(const Tensor& self, py::handle index) {
  PyObject* o = index.ptr();
  // Fast paths for the hottest forms: x[i] and x[a:b:c].
  if (PyLong_CheckExact(o)) {
    RT_CHECK(self.dim() > 0, IndexError, "index: invalid index of a 0-dim tensor; use tensor.item() to get its value");
    return select(self, 0, long_from_python(o));
  }
  if (PySlice_Check(o)) {
    Py_ssize_t start, stop, step;
    if (PySlice_Unpack(o, &start, &stop, &step) < 0) throw py::error_already_set();
    RT_CHECK(self.dim() > 0, IndexError, "index: too many indices for tensor of dimension 0");
    return slice(self, 0, start, stop, step);
  }
  return get_item(self, parse_index(index));
}

void setitem(const Tensor& self, py::handle index, py::handle value) {
  const std::vector<TensorIndex> idx = parse_index(index);
  if (is_tensor(value)) return set_item(self, idx, value.cast<Tensor>());
  if (auto s = scalar_from_python(value)) return set_item(self, idx, *s);
  set_item(self, idx, tensor_from_python(value, self.dtype()));
}

// A sequence of tensors (cat, stack, ...).
TensorList tensor_list(py::handle h, const char* op) {
  RT_CHECK(!is_tensor(h) && (PyList_Check(h.ptr()) || PyTuple_Check(h.ptr()) || py::isinstance<py::sequence>(h)),
           TypeError, op, ": expected a sequence of tensors, got ", type_name(h));
  TensorList out;
  size_t i = 0;
  for (py::object item : py::reinterpret_borrow<py::sequence>(h)) {
    RT_CHECK(is_tensor(item), TypeError, op, ": expected a sequence of tensors, but element ", i, " is a ", type_name(item));
    out.push_back(item.cast<Tensor>());
    ++i;
  }
  return out;
}

// Indices of index_put_: a tuple/list of tensors (None: the whole dim).
TensorList index_list(py::handle h, const char* op) {
  if (is_tensor(h)) return {h.cast<Tensor>()};
  RT_CHECK(PyList_Check(h.ptr()) || PyTuple_Check(h.ptr()), TypeError, op,
           ": expected indices as a tuple of tensors, got ", type_name(h));
  TensorList out;
  for (py::object item : py::reinterpret_borrow<py::sequence>(h))
    out.push_back(item.is_none() ? Tensor() : is_tensor(item) ? item.cast<Tensor>() : index_tensor_from_python(item));
  return out;
}

Tensor tensor_arg(py::handle h, const char* op) { return is_tensor(h) ? h.cast<Tensor>() : operand_tensor(h, op); }

Tensor value_arg(py::handle h, const Tensor& like, const char* op) {
  if (is_tensor(h)) return h.cast<Tensor>();
  if (auto s = scalar_from_python(h)) return scalar_tensor(*s, like.dtype());
  return operand_tensor(h, op);
}

py::object split_any(const Tensor& t, py::handle split_size_or_sections, int64_t dim) {
  if (PyLong_Check(split_size_or_sections.ptr()))
    return to_tuple(split(t, split_size_or_sections.cast<int64_t>(), dim));
  return to_tuple(split_with_sizes(t, dims_from_python(split_size_or_sections, "split"), dim));
}

py::object tensor_split_any(const Tensor& t, py::handle sections, int64_t dim) {
  if (is_tensor(sections)) {
    Tensor s = sections.cast<Tensor>();
    RT_CHECK(s.dtype() == DType::Int64 && s.dim() <= 1, TypeError,
             "tensor_split: indices_or_sections must be an int64 tensor with 0 or 1 dims");
    if (s.dim() == 0) return to_tuple(tensor_split(t, *s.data<int64_t>(), dim));
    std::vector<int64_t> idx;
    for (int64_t i = 0; i < s.numel(); ++i) idx.push_back(s.data<int64_t>()[i * s.strides()[0]]);
    return to_tuple(tensor_split(t, idx, dim));
  }
  if (PyLong_Check(sections.ptr())) return to_tuple(tensor_split(t, sections.cast<int64_t>(), dim));
  return to_tuple(tensor_split(t, dims_from_python(sections, "tensor_split"), dim));
}

py::object nonzero_any(const Tensor& t, bool as_tuple) {
  if (as_tuple) return to_tuple(nonzero_tuple(t));
  return py::cast(nonzero(t));
}

Tensor masked_fill_any(const Tensor& t, py::handle mask, py::handle value) {
  const Tensor m = tensor_arg(mask, "masked_fill");
  if (is_tensor(value)) return masked_fill(t, m, value.cast<Tensor>());
  auto s = scalar_from_python(value);
  RT_CHECK(s, TypeError, "masked_fill: value must be a number or a 0-dim tensor, got ", type_name(value));
  return masked_fill(t, m, *s);
}

Tensor masked_fill_inplace_any(const Tensor& t, py::handle mask, py::handle value) {
  const Tensor m = tensor_arg(mask, "masked_fill_");
  if (is_tensor(value)) return masked_fill_(t, m, value.cast<Tensor>());
  auto s = scalar_from_python(value);
  RT_CHECK(s, TypeError, "masked_fill_: value must be a number or a 0-dim tensor, got ", type_name(value));
  return masked_fill_(t, m, *s);
}

}  // namespace

void bind_index(py::module_& m, PyTensorClass& cls) {
  cls.def("__getitem__", &getitem, py::arg("index"),
          "NumPy/PyTorch indexing: ints, slices, None, ..., bool masks and int64 index tensors or lists. "
          "Basic indexing gives a view; tensor indices give a copy.")
      .def("__setitem__", &setitem, py::arg("index"), py::arg("value"),
           "Assigns value (a tensor or number, broadcast) to the indexed elements.")
      .def("__iter__", [](const Tensor& t) {
             RT_CHECK(t.dim() > 0, TypeError, "iteration over a 0-d tensor");
             return py::iter(to_tuple(unbind(t, 0)));
           }, "Iterates over the first dim (views).")
      .def("narrow", &narrow, py::arg("dim"), py::arg("start"), py::arg("length"),
           "A view of `length` elements along dim starting at start.")
      .def("select", &select, py::arg("dim"), py::arg("index"), "A view of one index along dim (the dim removed).")
      .def("unbind", [](const Tensor& t, int64_t dim) { return to_tuple(unbind(t, dim)); }, py::arg("dim") = 0,
           "A tuple of views, one per index along dim (the dim removed).")
      .def("split", &split_any, py::arg("split_size"), py::arg("dim") = 0,
           "Views of split_size elements along dim (an int), or of the given sizes (a list).")
      .def("chunk", [](const Tensor& t, int64_t chunks, int64_t dim) { return to_tuple(chunk(t, chunks, dim)); },
           py::arg("chunks"), py::arg("dim") = 0, "At most `chunks` views of equal size (the last may be smaller).")
      .def("tensor_split", &tensor_split_any, py::arg("indices_or_sections"), py::arg("dim") = 0,
           "Views split into n nearly equal sections (an int) or at the given indices (a list).")
      .def("index_select", [](const Tensor& t, int64_t dim, py::handle index) {
             return index_select(t, dim, tensor_arg(index, "index_select"));
           }, py::arg("dim"), py::arg("index"), "The entries at `index` (1-D int64) along dim (a copy).")
      .def("masked_fill", &masked_fill_any, py::arg("mask"), py::arg("value"),
           "A copy with value written where mask (bool, broadcast) is true.")
      .def("masked_fill_", &masked_fill_inplace_any, py::arg("mask"), py::arg("value"),
           "Writes value where mask (bool, broadcast) is true, in place.")
      .def("masked_select", [](const Tensor& t, py::handle mask) { return masked_select(t, tensor_arg(mask, "masked_select")); },
           py::arg("mask"), "A 1-D tensor of the elements where mask (broadcast) is true.")
      .def("nonzero", &nonzero_any, py::kw_only(), py::arg("as_tuple") = false,
           "Coordinates of the non-zero elements: an (n, ndim) int64 tensor, or ndim 1-D tensors when as_tuple.")
      .def("index_put_", [](const Tensor& t, py::handle indices, py::handle values, bool accumulate) {
             return index_put_(t, index_list(indices, "index_put_"), value_arg(values, t, "index_put_"), accumulate);
           }, py::arg("indices"), py::arg("values"), py::arg("accumulate") = false,
           "self[indices] = values (or += with accumulate, duplicates summed), in place.")
      .def("index_put", [](const Tensor& t, py::handle indices, py::handle values, bool accumulate) {
             return index_put(t, index_list(indices, "index_put"), value_arg(values, t, "index_put"), accumulate);
           }, py::arg("indices"), py::arg("values"), py::arg("accumulate") = false, "Out-of-place index_put_.")
      .def("index_add_", [](const Tensor& t, int64_t dim, py::handle index, const Tensor& source, const Scalar& alpha) {
             return index_add_(t, dim, tensor_arg(index, "index_add_"), source, alpha);
           }, py::arg("dim"), py::arg("index"), py::arg("source"), py::kw_only(), py::arg("alpha") = 1,
           "Adds alpha * source into the entries at `index` along dim, in place (duplicates summed).")
      .def("index_add", [](const Tensor& t, int64_t dim, py::handle index, const Tensor& source, const Scalar& alpha) {
             return index_add(t, dim, tensor_arg(index, "index_add"), source, alpha);
           }, py::arg("dim"), py::arg("index"), py::arg("source"), py::kw_only(), py::arg("alpha") = 1,
           "Out-of-place index_add_.")
      .def("take", [](const Tensor& t, py::handle index) { return take(t, tensor_arg(index, "take")); }, py::arg("index"),
           "The elements of the flattened tensor at `index` (result has index's shape).");

  m.def("cat", [](py::handle tensors, int64_t dim) { return cat(tensor_list(tensors, "cat"), dim); },
        py::arg("tensors"), py::arg("dim") = 0,
        R"doc(Concatenates tensors along dim (dtypes promoted; 1-D empty tensors are skipped).

Args:
    tensors (sequence of Tensor): the tensors; all dims but the joined one must match (1-D empty tensors are
        skipped).
    dim (int): the dim to join along. Default: 0.

Returns:
    Tensor: a new tensor, with the sizes along ``dim`` added up and the promoted dtype.

Example:
    >>> a, b = rt.tensor([[1, 2]]), rt.tensor([[3, 4]])
    >>> rt.cat([a, b])
    tensor([[1, 2],
            [3, 4]])
    >>> rt.cat((a, b), dim=1).shape
    (1, 4)
)doc");
  m.def("concat", [](py::handle tensors, int64_t dim) { return cat(tensor_list(tensors, "concat"), dim); },
        py::arg("tensors"), py::arg("dim") = 0, R"doc(Alias of cat.

Args:
    tensors (sequence of Tensor): the tensors; all dims but the joined one must match (1-D empty tensors are
        skipped).
    dim (int): the dim to join along. Default: 0.

Returns:
    Tensor: the concatenation.

Example:
    >>> rt.concat([rt.tensor([1, 2]), rt.tensor([3])]).tolist()
    [1, 2, 3]
)doc");
  m.def("concatenate", [](py::handle tensors, int64_t axis) { return cat(tensor_list(tensors, "concatenate"), axis); },
        py::arg("tensors"), py::arg("axis") = 0, R"doc(Alias of cat.

Args:
    tensors (sequence of Tensor): the tensors; all dims but the joined one must match (1-D empty tensors are
        skipped).
    axis (int): the dim to join along. Default: 0.

Returns:
    Tensor: the concatenation.

Example:
    >>> rt.concatenate([rt.ones(1, 2), rt.zeros(1, 2)], axis=0)
    tensor([[1., 1.],
            [0., 0.]])
)doc");
  m.def("stack", [](py::handle tensors, int64_t dim) { return stack(tensor_list(tensors, "stack"), dim); },
        py::arg("tensors"), py::arg("dim") = 0, R"doc(Stacks equal-shaped tensors along a new dim.

Args:
    tensors (sequence of Tensor): the tensors, all of the same shape.
    dim (int): the position of the new dim. Default: 0.

Returns:
    Tensor: a new tensor with one more dim, of size ``len(tensors)``.

Example:
    >>> rt.stack([rt.tensor([1, 2]), rt.tensor([3, 4])])
    tensor([[1, 2],
            [3, 4]])
    >>> rt.stack([rt.tensor([1, 2]), rt.tensor([3, 4])], dim=1)
    tensor([[1, 3],
            [2, 4]])
)doc");
  m.def("hstack", [](py::handle tensors) { return hstack(tensor_list(tensors, "hstack")); }, py::arg("tensors"),
        R"doc(Concatenates along dim 1 (dim 0 for 1-D tensors).

Args:
    tensors (sequence of Tensor): the tensors.

Returns:
    Tensor: the concatenation.

Example:
    >>> rt.hstack([rt.tensor([1, 2]), rt.tensor([3])]).tolist()
    [1, 2, 3]
    >>> rt.hstack([rt.tensor([[1], [2]]), rt.tensor([[3], [4]])])
    tensor([[1, 3],
            [2, 4]])
)doc");
  m.def("vstack", [](py::handle tensors) { return vstack(tensor_list(tensors, "vstack")); }, py::arg("tensors"),
        R"doc(Concatenates along dim 0, 1-D tensors taken as rows.

Args:
    tensors (sequence of Tensor): the tensors.

Returns:
    Tensor: the concatenation, at least 2-D.

Example:
    >>> rt.vstack([rt.tensor([1, 2]), rt.tensor([3, 4])])
    tensor([[1, 2],
            [3, 4]])
)doc");
  m.def("split", &split_any, py::arg("tensor"), py::arg("split_size_or_sections"), py::arg("dim") = 0,
        R"doc(Views of split_size elements along dim (an int), or of the given sizes (a list).

Args:
    tensor (Tensor): the tensor to split.
    split_size_or_sections (int or list of ints): the size of each piece (the last may be smaller), or the
        sizes of the pieces, which must add up to the size of ``dim``.
    dim (int): the dim to split along. Default: 0.

Returns:
    tuple of Tensor: the pieces, views of ``tensor``.

Example:
    >>> x = rt.arange(5)
    >>> rt.split(x, 2)
    (tensor([0, 1]), tensor([2, 3]), tensor([4]))
    >>> rt.split(x, [1, 4])
    (tensor([0]), tensor([1, 2, 3, 4]))
)doc");
  m.def("chunk", [](const Tensor& t, int64_t chunks, int64_t dim) { return to_tuple(chunk(t, chunks, dim)); },
        py::arg("input"), py::arg("chunks"), py::arg("dim") = 0, R"doc(At most `chunks` views of equal size.

Each piece has ``ceil(size / chunks)`` elements along ``dim``, the last may be smaller, so there can be
fewer than ``chunks`` pieces.

Args:
    input (Tensor): the tensor to split.
    chunks (int): the number of pieces wanted.
    dim (int): the dim to split along. Default: 0.

Returns:
    tuple of Tensor: the pieces, views of ``input``.

Example:
    >>> rt.chunk(rt.arange(5), 3)
    (tensor([0, 1]), tensor([2, 3]), tensor([4]))
)doc");
  m.def("tensor_split", &tensor_split_any, py::arg("input"), py::arg("indices_or_sections"), py::arg("dim") = 0,
        R"doc(Views split into n nearly equal sections (an int) or at the given indices (a list).

With an int ``n``, the first ``size % n`` sections have one element more than the others.

Args:
    input (Tensor): the tensor to split.
    indices_or_sections (int, list of ints or Tensor): the number of sections, or the indices along ``dim``
        where new sections start (an int64 tensor of 0 or 1 dims is read the same way).
    dim (int): the dim to split along. Default: 0.

Returns:
    tuple of Tensor: the sections, views of ``input``.

Example:
    >>> rt.tensor_split(rt.arange(5), 3)
    (tensor([0, 1]), tensor([2, 3]), tensor([4]))
    >>> rt.tensor_split(rt.arange(5), [1, 3])
    (tensor([0]), tensor([1, 2]), tensor([3, 4]))
)doc");
  m.def("unbind", [](const Tensor& t, int64_t dim) { return to_tuple(unbind(t, dim)); }, py::arg("input"),
        py::arg("dim") = 0, R"doc(A tuple of views, one per index along dim.

Args:
    input (Tensor): the tensor.
    dim (int): the dim to remove. Default: 0.

Returns:
    tuple of Tensor: ``input.size(dim)`` views without ``dim``.

Example:
    >>> rt.unbind(rt.tensor([[1, 2], [3, 4]]))
    (tensor([1, 2]), tensor([3, 4]))
    >>> rt.unbind(rt.tensor([[1, 2], [3, 4]]), dim=1)
    (tensor([1, 3]), tensor([2, 4]))
)doc");
  m.def("narrow", &narrow, py::arg("input"), py::arg("dim"), py::arg("start"), py::arg("length"),
        R"doc(A view of `length` elements along dim starting at start.

Args:
    input (Tensor): the tensor.
    dim (int): the dim to narrow.
    start (int): the first index kept (negative counts from the end).
    length (int): the number of indices kept.

Returns:
    Tensor: a view of ``input`` with ``length`` elements along ``dim``.

Example:
    >>> x = rt.tensor([[1, 2, 3], [4, 5, 6]])
    >>> rt.narrow(x, 1, 1, 2)
    tensor([[2, 3],
            [5, 6]])
)doc");
  m.def("select", &select, py::arg("input"), py::arg("dim"), py::arg("index"), R"doc(A view of one index along dim.

``rt.select(x, 1, i)`` is ``x[:, i]``.

Args:
    input (Tensor): the tensor.
    dim (int): the dim to index.
    index (int): the index along ``dim`` (negative counts from the end).

Returns:
    Tensor: a view of ``input`` without ``dim``.

Example:
    >>> x = rt.tensor([[1, 2, 3], [4, 5, 6]])
    >>> rt.select(x, 1, 0).tolist()
    [1, 4]
)doc");
  m.def("index_select", [](const Tensor& t, int64_t dim, py::handle index) {
          return index_select(t, dim, tensor_arg(index, "index_select"));
        }, py::arg("input"), py::arg("dim"), py::arg("index"), R"doc(The entries at `index` (1-D int64) along dim.

Args:
    input (Tensor): the tensor.
    dim (int): the dim to index.
    index (Tensor): the 1-D int64 indices (a list is converted); repeats allowed.

Returns:
    Tensor: a new tensor with ``len(index)`` entries along ``dim``.

Example:
    >>> x = rt.tensor([[1, 2, 3], [4, 5, 6]])
    >>> rt.index_select(x, 1, rt.tensor([2, 0]))
    tensor([[3, 1],
            [6, 4]])
)doc");
  m.def("masked_fill", &masked_fill_any, py::arg("input"), py::arg("mask"), py::arg("value"),
        R"doc(A copy with value written where mask is true.

Args:
    input (Tensor): the tensor.
    mask (Tensor): a bool tensor broadcastable to ``input``'s shape.
    value (number or Tensor): the value to write (a number or a 0-D tensor).

Returns:
    Tensor: a copy of ``input`` with ``value`` where ``mask`` is true.

Example:
    >>> x = rt.tensor([1., 2., 3.])
    >>> rt.masked_fill(x, x > 1.5, 0.).tolist()
    [1.0, 0.0, 0.0]
)doc");
  m.def("masked_select", [](const Tensor& t, py::handle mask) { return masked_select(t, tensor_arg(mask, "masked_select")); },
        py::arg("input"), py::arg("mask"), R"doc(A 1-D tensor of the elements where mask (broadcast) is true.

Args:
    input (Tensor): the tensor.
    mask (Tensor): a bool tensor; ``input`` and ``mask`` broadcast together.

Returns:
    Tensor: a new 1-D tensor of the selected elements, in row-major order.

Example:
    >>> x = rt.tensor([[1, 2], [3, 4]])
    >>> rt.masked_select(x, x % 2 == 0).tolist()
    [2, 4]
)doc");
  m.def("nonzero", &nonzero_any, py::arg("input"), py::kw_only(), py::arg("as_tuple") = false,
        R"doc(Coordinates of the non-zero elements.

Args:
    input (Tensor): the tensor.
    as_tuple (bool): return one 1-D tensor per dim instead of one 2-D tensor. Default: False.

Returns:
    Tensor or tuple of Tensor: an (n, input.dim()) int64 tensor of the coordinates of the n non-zero
    elements, in row-major order; with ``as_tuple``, ``input.dim()`` 1-D int64 tensors of length n.

Example:
    >>> x = rt.tensor([[0, 1], [2, 0]])
    >>> rt.nonzero(x)
    tensor([[0, 1],
            [1, 0]])
    >>> rt.nonzero(x, as_tuple=True)
    (tensor([0, 1]), tensor([1, 0]))
)doc");
  m.def("argwhere", [](const Tensor& t) { return nonzero(t); }, py::arg("input"),
        R"doc(Coordinates of the non-zero elements as an (n, ndim) int64 tensor.

Args:
    input (Tensor): the tensor.

Returns:
    Tensor: the (n, input.dim()) int64 coordinates, in row-major order.

Example:
    >>> rt.argwhere(rt.tensor([0., 3., 0., 5.]))
    tensor([[1],
            [3]])
)doc");
  m.def("take", [](const Tensor& t, py::handle index) { return take(t, tensor_arg(index, "take")); },
        py::arg("input"), py::arg("index"), R"doc(The elements of the flattened input at `index`.

Args:
    input (Tensor): the tensor, read as if flattened to 1-D.
    index (Tensor): the int64 indices into the flattened ``input`` (a list is converted).

Returns:
    Tensor: a new tensor with ``index``'s shape.

Example:
    >>> x = rt.tensor([[1, 2], [3, 4]])
    >>> rt.take(x, rt.tensor([0, 3])).tolist()
    [1, 4]
)doc");
  m.def("index_put", [](const Tensor& t, py::handle indices, py::handle values, bool accumulate) {
          return index_put(t, index_list(indices, "index_put"), value_arg(values, t, "index_put"), accumulate);
        }, py::arg("input"), py::arg("indices"), py::arg("values"), py::arg("accumulate") = false,
        R"doc(A copy of input with input[indices] = values (or += with accumulate).

Args:
    input (Tensor): the tensor.
    indices (tuple of Tensor): one int64 (or bool) index tensor per leading dim, as in ``input[indices]``
        (None takes the whole dim).
    values (Tensor or number): the values, broadcast to the indexed shape.
    accumulate (bool): add ``values`` instead of writing them; repeated indices are then summed. Default: False.

Returns:
    Tensor: the updated copy; ``input`` is unchanged.

Example:
    >>> x = rt.zeros(4)
    >>> rt.index_put(x, (rt.tensor([0, 2]),), rt.tensor([1., 2.])).tolist()
    [1.0, 0.0, 2.0, 0.0]
    >>> rt.index_put(x, (rt.tensor([1, 1]),), rt.tensor([1., 2.]), accumulate=True).tolist()
    [0.0, 3.0, 0.0, 0.0]
)doc");
  m.def("index_add", [](const Tensor& t, int64_t dim, py::handle index, const Tensor& source, const Scalar& alpha) {
          return index_add(t, dim, tensor_arg(index, "index_add"), source, alpha);
        }, py::arg("input"), py::arg("dim"), py::arg("index"), py::arg("source"), py::kw_only(), py::arg("alpha") = 1,
        R"doc(A copy of input with alpha * source added at `index` along dim.

Entry ``i`` of ``source`` along ``dim`` is added to entry ``index[i]`` of ``input``; repeated indices are
summed.

Args:
    input (Tensor): the tensor.
    dim (int): the dim to index.
    index (Tensor): the 1-D int64 indices, one per entry of ``source`` along ``dim``.
    source (Tensor): the values to add; like ``input`` except along ``dim``.
    alpha (number): the factor of ``source``. Default: 1.

Returns:
    Tensor: the updated copy; ``input`` is unchanged.

Example:
    >>> x = rt.zeros(3, 2)
    >>> rt.index_add(x, 0, rt.tensor([0, 2, 0]), rt.ones(3, 2), alpha=2)
    tensor([[4., 4.],
            [0., 0.],
            [2., 2.]])
)doc");
  m.def("slice_scatter", [](const Tensor& t, const Tensor& src, int64_t dim, std::optional<int64_t> start,
                            std::optional<int64_t> end, int64_t step) { return slice_scatter(t, src, dim, start, end, step); },
        py::arg("input"), py::arg("src"), py::arg("dim") = 0, py::arg("start") = py::none(), py::arg("end") = py::none(),
        py::arg("step") = 1, R"doc(A copy of input with input[start:end:step] along dim replaced by src.

Args:
    input (Tensor): the tensor.
    src (Tensor): the values, with the shape of the slice.
    dim (int): the dim to slice. Default: 0.
    start (int, optional): the first index of the slice; 0 when None.
    end (int, optional): the end of the slice (excluded); the size of ``dim`` when None.
    step (int): the step of the slice. Default: 1.

Returns:
    Tensor: the updated copy; ``input`` is unchanged.

Example:
    >>> rt.slice_scatter(rt.zeros(5), rt.ones(2), start=1, end=5, step=2).tolist()
    [0.0, 1.0, 0.0, 1.0, 0.0]
)doc");
  m.def("select_scatter", &select_scatter, py::arg("input"), py::arg("src"), py::arg("dim"), py::arg("index"),
        R"doc(A copy of input with input.select(dim, index) replaced by src.

Args:
    input (Tensor): the tensor.
    src (Tensor): the values, with the shape of ``input.select(dim, index)``.
    dim (int): the dim to index.
    index (int): the index along ``dim``.

Returns:
    Tensor: the updated copy; ``input`` is unchanged.

Example:
    >>> rt.select_scatter(rt.zeros(2, 3), rt.tensor([1., 2., 3.]), 0, 1)
    tensor([[0., 0., 0.],
            [1., 2., 3.]])
)doc");
}

}  // namespace rustorch::python
