// Python bindings of tensor creation: fills, ranges, eye, *_like, new_*, and random tensors.
#include "bind_common.hpp"
#include "rustorch/core/error.hpp"
#include "rustorch/core/random.hpp"
#include "rustorch/ops/factory.hpp"

namespace rustorch::python {

namespace {

void finish(Tensor& t, py::handle device, bool requires_grad) {
  if (!device.is_none()) parse_device(py::str(device));
  if (requires_grad) t.set_requires_grad(true);
}

// generator=None (the default generator) or an rt.Generator; the Python object keeps it alive.
Generator* generator_from(py::handle g, const char* op) {
  if (g.is_none()) return nullptr;
  RT_CHECK(py::isinstance<Generator>(g), TypeError, op, ": generator must be a rustorch.Generator, got ",
           py::str(py::type::of(g).attr("__name__")).cast<std::string>());
  return &g.cast<Generator&>();
}

// Sizes given positionally (f(2, 3), f((2, 3))) or as size=...
Shape size_from(const py::args& args, py::handle size, const char* op) {
  if (!size.is_none()) {
    RT_CHECK(args.size() == 0, TypeError, op, ": got the size both positionally and as size=");
    return shape_from_python(size, op);
  }
  return shape_from_args(args, op);
}

// A number argument: a Python/NumPy number or a one-element tensor.
Scalar number_arg(py::handle h, const char* op, const char* name) {
  if (auto s = scalar_from_python(h)) return *s;
  if (py::isinstance<TensorImpl>(h)) {
    const Tensor t = h.cast<Tensor>();
    RT_CHECK(t.numel() == 1, ValueError, op, ": ", name,
             " must be a number or a one-element tensor, got a tensor of shape ", shape_str(t.shape()));
    return *scalar_from_python(py::cast(t).attr("item")());
  }
  RT_THROW(TypeError, op, ": ", name, " must be a number, got ",
           py::str(py::type::of(h).attr("__name__")).cast<std::string>());
}

int64_t int_arg(py::handle h, const char* op, const char* name) {
  const Scalar s = number_arg(h, op, name);
  RT_CHECK(s.kind() != TypeKind::Floating, TypeError, op, ": ", name, " must be an integer, got ", s.to_double());
  return s.to_int();
}

}  // namespace

void bind_factory(py::module_& m, PyTensorClass& cls) {
  // ---- Constant fills -------------------------------------------------------------------------
  auto def_fill = [&m](const char* name, Tensor (*make)(const Shape&, DType), const char* doc) {
    m.def(name, [make, name](py::args size, py::handle size_kw, std::optional<DType> dtype, py::handle device,
                             bool requires_grad) {
            Tensor t = make(size_from(size, size_kw, name), dtype.value_or(default_float_dtype()));
            finish(t, device, requires_grad);
            return t;
          }, py::kw_only(), py::arg("size") = py::none(), py::arg("dtype") = py::none(), py::arg("device") = py::none(),
          py::arg("requires_grad") = false, doc);
  };
  def_fill("zeros", &zeros, R"doc(zeros(*size, dtype=None, device=None, requires_grad=False): a tensor filled with 0.

Args:
    size (int...): the shape, given as ints (``f(2, 3)``), as one tuple or list (``f((2, 3))``),
        or as the keyword ``size=``.
    dtype (dtype, optional): the element type; the default float dtype (``rt.get_default_dtype()``) when None.
    device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. Default: None (cpu).
    requires_grad (bool): whether autograd records operations on the result. Default: False.

Returns:
    Tensor: a new tensor of the given shape, filled with 0.

Example:
    >>> rt.zeros(2, 3)
    tensor([[0., 0., 0.],
            [0., 0., 0.]])
    >>> x = rt.zeros((2,), dtype=rt.int64)
    >>> x.dtype, x.tolist()
    (rustorch.int64, [0, 0])
)doc");
  def_fill("ones", &ones, R"doc(ones(*size, dtype=None, device=None, requires_grad=False): a tensor filled with 1.

Args:
    size (int...): the shape, given as ints (``f(2, 3)``), as one tuple or list (``f((2, 3))``),
        or as the keyword ``size=``.
    dtype (dtype, optional): the element type; the default float dtype (``rt.get_default_dtype()``) when None.
    device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. Default: None (cpu).
    requires_grad (bool): whether autograd records operations on the result. Default: False.

Returns:
    Tensor: a new tensor of the given shape, filled with 1.

Example:
    >>> rt.ones(2, 2)
    tensor([[1., 1.],
            [1., 1.]])
    >>> x = rt.ones(3, dtype=rt.float64)
    >>> x.dtype, x.tolist()
    (rustorch.float64, [1.0, 1.0, 1.0])
)doc");
  def_fill("empty", &empty,
           R"doc(empty(*size, dtype=None, device=None, requires_grad=False): a tensor with uninitialised contents.

The values are whatever the memory held; write every element before reading it.

Args:
    size (int...): the shape, given as ints (``f(2, 3)``), as one tuple or list (``f((2, 3))``),
        or as the keyword ``size=``.
    dtype (dtype, optional): the element type; the default float dtype (``rt.get_default_dtype()``) when None.
    device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. Default: None (cpu).
    requires_grad (bool): whether autograd records operations on the result. Default: False.

Returns:
    Tensor: a new tensor of the given shape with arbitrary contents.

Example:
    >>> x = rt.empty(2, 3)
    >>> x.shape, x.dtype
    ((2, 3), rustorch.float32)
)doc");
  m.def("full", [](py::handle size, const Scalar& value, std::optional<DType> dtype, py::handle device,
                   bool requires_grad) {
          Tensor t = full(shape_from_python(size, "full"), value, dtype.value_or(value.default_dtype()));
          finish(t, device, requires_grad);
          return t;
        }, py::arg("size"), py::arg("fill_value"), py::kw_only(), py::arg("dtype") = py::none(),
        py::arg("device") = py::none(), py::arg("requires_grad") = false,
        R"doc(A tensor filled with fill_value; the dtype follows fill_value (bool, int64 or the default float).

Args:
    size (tuple of ints): the shape, as one tuple or list.
    fill_value (bool, int, float or complex): the value of every element.
    dtype (dtype, optional): the element type; when None it follows ``fill_value``: ``rt.bool`` for a bool,
        ``rt.int64`` for an int, the default float dtype for a float (a complex dtype for a complex).
    device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. Default: None (cpu).
    requires_grad (bool): whether autograd records operations on the result. Default: False.

Returns:
    Tensor: a new tensor of shape ``size`` filled with ``fill_value``.

Example:
    >>> rt.full((2, 2), 7.)
    tensor([[7., 7.],
            [7., 7.]])
    >>> rt.full((3,), 2).dtype
    rustorch.int64
)doc");

  // ---- Ranges and eye ---------------------------------------------------------------------------
  m.def("arange", [](py::handle start, py::handle end, py::handle step, std::optional<DType> dtype, py::handle device,
                     bool requires_grad) {
          Scalar s = number_arg(start, "arange", "start"), st = number_arg(step, "arange", "step");
          Scalar e = Scalar(int64_t(0));
          if (end.is_none()) std::swap(s, e);  // arange(end)
          else e = number_arg(end, "arange", "end");
          Tensor t = arange(s, e, st, dtype);
          finish(t, device, requires_grad);
          return t;
        }, py::arg("start"), py::arg("end") = py::none(), py::arg("step") = 1, py::kw_only(),
        py::arg("dtype") = py::none(), py::arg("device") = py::none(), py::arg("requires_grad") = false,
        R"doc(arange(end) or arange(start, end, step=1): values from start (inclusive) to end (exclusive). The dtype is
int64 when all arguments are integers, else the default float dtype.

Args:
    start (number): the first value; with a single positional argument it is ``end`` and the range starts at 0.
    end (number, optional): the end of the range (excluded).
    step (number): the difference between consecutive values. Default: 1.
    dtype (dtype, optional): the element type; inferred from the arguments when None.
    device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. Default: None (cpu).
    requires_grad (bool): whether autograd records operations on the result. Default: False.

Returns:
    Tensor: a 1-D tensor of ``ceil((end - start) / step)`` values.

Example:
    >>> rt.arange(5).tolist()
    [0, 1, 2, 3, 4]
    >>> rt.arange(1, 2.5, 0.5).tolist()
    [1.0, 1.5, 2.0]
)doc");
  m.def("linspace", [](py::handle start, py::handle end, py::handle steps, std::optional<DType> dtype,
                       py::handle device, bool requires_grad) {
          Tensor t = linspace(number_arg(start, "linspace", "start"), number_arg(end, "linspace", "end"),
                              int_arg(steps, "linspace", "steps"), dtype);
          finish(t, device, requires_grad);
          return t;
        }, py::arg("start"), py::arg("end"), py::arg("steps"), py::kw_only(), py::arg("dtype") = py::none(),
        py::arg("device") = py::none(), py::arg("requires_grad") = false,
        R"doc(steps values evenly spaced from start to end, both included.

Args:
    start (number): the first value.
    end (number): the last value.
    steps (int): the number of values.
    dtype (dtype, optional): the element type; the default float dtype when None.
    device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. Default: None (cpu).
    requires_grad (bool): whether autograd records operations on the result. Default: False.

Returns:
    Tensor: a 1-D tensor of ``steps`` values.

Example:
    >>> rt.linspace(0, 1, 5).tolist()
    [0.0, 0.25, 0.5, 0.75, 1.0]
)doc");
  m.def("logspace", [](py::handle start, py::handle end, py::handle steps, double base, std::optional<DType> dtype,
                       py::handle device, bool requires_grad) {
          Tensor t = logspace(number_arg(start, "logspace", "start"), number_arg(end, "logspace", "end"),
                              int_arg(steps, "logspace", "steps"), base, dtype);
          finish(t, device, requires_grad);
          return t;
        }, py::arg("start"), py::arg("end"), py::arg("steps"), py::arg("base") = 10.0, py::kw_only(),
        py::arg("dtype") = py::none(), py::arg("device") = py::none(), py::arg("requires_grad") = false,
        R"doc(steps values base**x for x evenly spaced from start to end, both included.

Args:
    start (number): the first exponent.
    end (number): the last exponent.
    steps (int): the number of values.
    base (float): the base of the powers. Default: 10.0.
    dtype (dtype, optional): the element type; the default float dtype when None.
    device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. Default: None (cpu).
    requires_grad (bool): whether autograd records operations on the result. Default: False.

Returns:
    Tensor: a 1-D tensor of ``steps`` values ``base ** x``.

Example:
    >>> rt.logspace(0, 2, 3).tolist()
    [1.0, 10.0, 100.0]
    >>> rt.logspace(0, 3, 4, base=2).tolist()
    [1.0, 2.0, 4.0, 8.0]
)doc");
  m.def("eye", [](py::handle n, py::handle mcols, std::optional<DType> dtype, py::handle device, bool requires_grad) {
          std::optional<int64_t> cols;
          if (!mcols.is_none()) cols = int_arg(mcols, "eye", "m");
          Tensor t = eye(int_arg(n, "eye", "n"), cols, dtype.value_or(default_float_dtype()));
          finish(t, device, requires_grad);
          return t;
        }, py::arg("n"), py::arg("m") = py::none(), py::kw_only(), py::arg("dtype") = py::none(),
        py::arg("device") = py::none(), py::arg("requires_grad") = false,
        R"doc(An n x m (default n x n) matrix with ones on the diagonal.

Args:
    n (int): the number of rows.
    m (int, optional): the number of columns; ``n`` when None.
    dtype (dtype, optional): the element type; the default float dtype (``rt.get_default_dtype()``) when None.
    device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. Default: None (cpu).
    requires_grad (bool): whether autograd records operations on the result. Default: False.

Returns:
    Tensor: a 2-D tensor with ones on the main diagonal and zeros elsewhere.

Example:
    >>> rt.eye(2)
    tensor([[1., 0.],
            [0., 1.]])
    >>> rt.eye(2, 3)
    tensor([[1., 0., 0.],
            [0., 1., 0.]])
)doc");

  // ---- Random creation ---------------------------------------------------------------------------
  auto def_random = [&m](const char* name, Tensor (*make)(const Shape&, DType, Generator*), const char* doc) {
    m.def(name, [make, name](py::args size, py::handle size_kw, py::handle generator, std::optional<DType> dtype,
                             py::handle device, bool requires_grad) {
            Tensor t = make(size_from(size, size_kw, name), dtype.value_or(default_float_dtype()),
                            generator_from(generator, name));
            finish(t, device, requires_grad);
            return t;
          }, py::kw_only(), py::arg("size") = py::none(), py::arg("generator") = py::none(),
          py::arg("dtype") = py::none(), py::arg("device") = py::none(), py::arg("requires_grad") = false, doc);
  };
  def_random("rand", [](const Shape& s, DType d, Generator* g) { return rand(s, d, g); },
             R"doc(rand(*size, generator=None, dtype=None, ...): values uniform in [0, 1).

Args:
    size (int...): the shape, given as ints (``f(2, 3)``), as one tuple or list (``f((2, 3))``),
        or as the keyword ``size=``.
    generator (Generator, optional): the generator to draw from; the default generator when None.
    dtype (dtype, optional): the element type; the default float dtype (``rt.get_default_dtype()``) when None.
    device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. Default: None (cpu).
    requires_grad (bool): whether autograd records operations on the result. Default: False.

Returns:
    Tensor: a new tensor of the given shape with values drawn uniformly from [0, 1).

Example:
    >>> x = rt.rand(2, 3)
    >>> x.shape
    (2, 3)
    >>> bool(((x >= 0) & (x < 1)).all())
    True
)doc");
  def_random("randn", [](const Shape& s, DType d, Generator* g) { return randn(s, d, g); },
             R"doc(randn(*size, generator=None, dtype=None, ...): standard normal values.

Args:
    size (int...): the shape, given as ints (``f(2, 3)``), as one tuple or list (``f((2, 3))``),
        or as the keyword ``size=``.
    generator (Generator, optional): the generator to draw from; the default generator when None.
    dtype (dtype, optional): the element type; the default float dtype (``rt.get_default_dtype()``) when None.
    device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. Default: None (cpu).
    requires_grad (bool): whether autograd records operations on the result. Default: False.

Returns:
    Tensor: a new tensor of the given shape with values drawn from the normal distribution N(0, 1).

Example:
    >>> rt.randn(2, 3).shape
    (2, 3)
    >>> rt.randn(4, dtype=rt.float64).dtype
    rustorch.float64
)doc");
  m.def("randint", [](py::args args, py::handle low_kw, py::handle high_kw, py::handle size_kw, py::handle generator,
                      std::optional<DType> dtype, py::handle device, bool requires_grad) {
          // randint(high, size), randint(low, high, size), or the same names as keywords.
          std::vector<py::handle> pos(args.begin(), args.end());
          py::handle low = low_kw, high = high_kw, size = size_kw;
          if (size.is_none() && !pos.empty()) {
            size = pos.back();
            pos.pop_back();
          }
          if (pos.size() == 2) {
            low = pos[0];
            high = pos[1];
          } else if (pos.size() == 1) {
            (high.is_none() ? high : low) = pos[0];
          } else {
            RT_CHECK(pos.empty(), TypeError, "randint: expected randint(high, size) or randint(low, high, size)");
          }
          RT_CHECK(!high.is_none() && !size.is_none(), TypeError, "randint: missing the 'high' or 'size' argument");
          Tensor t = randint(low.is_none() ? 0 : int_arg(low, "randint", "low"), int_arg(high, "randint", "high"),
                             shape_from_python(size, "randint"), dtype.value_or(DType::Int64),
                             generator_from(generator, "randint"));
          finish(t, device, requires_grad);
          return t;
        }, py::kw_only(), py::arg("low") = py::none(), py::arg("high") = py::none(), py::arg("size") = py::none(),
        py::arg("generator") = py::none(), py::arg("dtype") = py::none(), py::arg("device") = py::none(),
        py::arg("requires_grad") = false,
        R"doc(randint(low=0, high, size, generator=None, dtype=int64): integers uniform in [low, high).

Called as ``randint(high, size)`` or ``randint(low, high, size)``; each may also be given by keyword.

Args:
    low (int): the smallest value that can be drawn. Default: 0.
    high (int): one above the largest value that can be drawn.
    size (tuple of ints): the shape of the result.
    generator (Generator, optional): the generator to draw from; the default generator when None.
    dtype (dtype, optional): the element type; ``rt.int64`` when None.
    device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. Default: None (cpu).
    requires_grad (bool): whether autograd records operations on the result. Default: False.

Returns:
    Tensor: a new tensor of shape ``size`` with integers drawn uniformly from [low, high).

Example:
    >>> x = rt.randint(0, 10, (2, 3))
    >>> x.shape, x.dtype
    ((2, 3), rustorch.int64)
    >>> bool(((x >= 0) & (x < 10)).all())
    True
    >>> rt.randint(3, (4,)).shape
    (4,)
)doc");
  m.def("randperm", [](py::handle n, py::handle generator, std::optional<DType> dtype, py::handle device,
                       bool requires_grad) {
          Tensor t = randperm(int_arg(n, "randperm", "n"), dtype.value_or(DType::Int64),
                              generator_from(generator, "randperm"));
          finish(t, device, requires_grad);
          return t;
        }, py::arg("n"), py::kw_only(), py::arg("generator") = py::none(), py::arg("dtype") = py::none(),
        py::arg("device") = py::none(), py::arg("requires_grad") = false,
        R"doc(A random permutation of 0 .. n-1.

Args:
    n (int): the number of values.
    generator (Generator, optional): the generator to draw from; the default generator when None.
    dtype (dtype, optional): the element type; ``rt.int64`` when None.
    device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. Default: None (cpu).
    requires_grad (bool): whether autograd records operations on the result. Default: False.

Returns:
    Tensor: a 1-D tensor holding each of 0 .. n-1 once, in random order.

Example:
    >>> p = rt.randperm(5)
    >>> sorted(p.tolist())
    [0, 1, 2, 3, 4]
)doc");
  m.def("normal", [](py::handle mean, py::handle std, py::handle size, py::handle generator, std::optional<DType> dtype,
                     py::handle device, bool requires_grad) {
          Generator* g = generator_from(generator, "normal");
          Tensor t;
          if (py::isinstance<TensorImpl>(mean) || py::isinstance<TensorImpl>(std)) {
            RT_CHECK(size.is_none(), TypeError, "normal: size is only allowed when mean and std are numbers");
            auto as_tensor = [](py::handle h) {
              return py::isinstance<TensorImpl>(h) ? h.cast<Tensor>() : tensor_from_python(h, std::nullopt);
            };
            t = normal(as_tensor(mean), as_tensor(std), g);
          } else {
            RT_CHECK(!size.is_none(), TypeError, "normal: size is required when mean and std are numbers");
            t = normal(number_arg(mean, "normal", "mean").to_double(), number_arg(std, "normal", "std").to_double(),
                       shape_from_python(size, "normal"), dtype.value_or(default_float_dtype()), g);
          }
          finish(t, device, requires_grad);
          return t;
        }, py::arg("mean") = 0.0, py::arg("std") = 1.0, py::arg("size") = py::none(), py::kw_only(),
        py::arg("generator") = py::none(), py::arg("dtype") = py::none(), py::arg("device") = py::none(),
        py::arg("requires_grad") = false,
        R"doc(normal(mean, std, size) for numbers, or normal(mean, std) with tensors (broadcast): normal values.

Args:
    mean (float or Tensor): the mean of each value. Default: 0.0.
    std (float or Tensor): the standard deviation of each value. Default: 1.0.
    size (tuple of ints, optional): the shape of the result; required when ``mean`` and ``std`` are numbers,
        not allowed when either is a tensor (the result then has their broadcast shape).
    generator (Generator, optional): the generator to draw from; the default generator when None.
    dtype (dtype, optional): the element type when ``mean`` and ``std`` are numbers; the default float dtype
        when None.
    device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. Default: None (cpu).
    requires_grad (bool): whether autograd records operations on the result. Default: False.

Returns:
    Tensor: values drawn from N(mean, std ** 2).

Example:
    >>> rt.normal(0., 1., (2, 3)).shape
    (2, 3)
    >>> rt.normal(rt.zeros(4), rt.ones(4)).shape
    (4,)
)doc");

  // ---- *_like ----------------------------------------------------------------------------------
  // The arguments every *_like function shares, around the ones particular to it (`extra`, one
  // "name (type): description" line each, newline-terminated).
  auto like_args = [](const std::string& extra) {
    return "input (Tensor): the tensor whose shape (and, by default, dtype) the result takes.\n" + extra +
           "dtype (dtype, optional): the element type; ``input``'s dtype when None.\n"
           "device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. "
           "Default: None (cpu).\n"
           "requires_grad (bool): whether autograd records operations on the result. Default: False.\n"
           "memory_format (optional): accepted for PyTorch compatibility and ignored (results are contiguous).";
  };
  const std::string generator_arg =
      "generator (Generator, optional): the generator to draw from; the default generator when None.\n";
  auto def_like = [&m](const char* name, auto make, const char* doc) {
    m.def(name, [make, name](const Tensor& input, std::optional<DType> dtype, py::handle device, bool requires_grad,
                             py::handle memory_format) {
            Tensor t = make(input.shape(), dtype.value_or(input.dtype()));
            finish(t, device, requires_grad);
            return t;
          }, py::arg("input"), py::kw_only(), py::arg("dtype") = py::none(), py::arg("device") = py::none(),
          py::arg("requires_grad") = false, py::arg("memory_format") = py::none(), doc);
  };
  def_like("zeros_like", [](const Shape& s, DType d) { return zeros(s, d); }, op_doc(R"doc(zeros with input's shape and dtype.)doc",
             like_args("").c_str(), R"doc(Tensor: a new tensor filled with 0, shaped like ``input``.)doc",
             R"doc(>>> x = rt.tensor([[1, 2], [3, 4]])
>>> rt.zeros_like(x)
tensor([[0, 0],
        [0, 0]]))doc"));
  def_like("ones_like", [](const Shape& s, DType d) { return ones(s, d); }, op_doc(R"doc(ones with input's shape and dtype.)doc",
             like_args("").c_str(), R"doc(Tensor: a new tensor filled with 1, shaped like ``input``.)doc",
             R"doc(>>> x = rt.tensor([[1., 2.], [3., 4.]])
>>> rt.ones_like(x)
tensor([[1., 1.],
        [1., 1.]]))doc"));
  def_like("empty_like", [](const Shape& s, DType d) { return empty(s, d); }, op_doc(R"doc(empty with input's shape and dtype.

The values are whatever the memory held; write every element before reading it.)doc",
             like_args("").c_str(), R"doc(Tensor: a new tensor with arbitrary contents, shaped like ``input``.)doc",
             R"doc(>>> x = rt.empty_like(rt.ones(2, 3, dtype=rt.float64))
>>> x.shape, x.dtype
((2, 3), rustorch.float64))doc"));
  m.def("full_like", [](const Tensor& input, const Scalar& value, std::optional<DType> dtype, py::handle device,
                        bool requires_grad, py::handle memory_format) {
          Tensor t = full(input.shape(), value, dtype.value_or(input.dtype()));
          finish(t, device, requires_grad);
          return t;
        }, py::arg("input"), py::arg("fill_value"), py::kw_only(), py::arg("dtype") = py::none(),
        py::arg("device") = py::none(), py::arg("requires_grad") = false, py::arg("memory_format") = py::none(),
        op_doc(R"doc(full with input's shape and dtype.)doc",
             like_args("fill_value (bool, int, float or complex): the value of every element.\n").c_str(), R"doc(Tensor: a new tensor filled with ``fill_value``, shaped like ``input``.)doc",
             R"doc(>>> rt.full_like(rt.zeros(2, 2), 3.5)
tensor([[3.5000, 3.5000],
        [3.5000, 3.5000]]))doc"));
  auto def_random_like = [&m](const char* name, Tensor (*make)(const Shape&, DType, Generator*), const char* doc) {
    m.def(name, [make, name](const Tensor& input, py::handle generator, std::optional<DType> dtype, py::handle device,
                             bool requires_grad, py::handle memory_format) {
            Tensor t = make(input.shape(), dtype.value_or(input.dtype()), generator_from(generator, name));
            finish(t, device, requires_grad);
            return t;
          }, py::arg("input"), py::kw_only(), py::arg("generator") = py::none(), py::arg("dtype") = py::none(),
          py::arg("device") = py::none(), py::arg("requires_grad") = false, py::arg("memory_format") = py::none(), doc);
  };
  def_random_like("rand_like", [](const Shape& s, DType d, Generator* g) { return rand(s, d, g); },
                  op_doc(R"doc(rand with input's shape and dtype.)doc",
             like_args(generator_arg).c_str(), R"doc(Tensor: values drawn uniformly from [0, 1), shaped like ``input``.)doc",
             R"doc(>>> x = rt.rand_like(rt.zeros(2, 3))
>>> x.shape, x.dtype
((2, 3), rustorch.float32))doc"));
  def_random_like("randn_like", [](const Shape& s, DType d, Generator* g) { return randn(s, d, g); },
                  op_doc(R"doc(randn with input's shape and dtype.)doc",
             like_args(generator_arg).c_str(), R"doc(Tensor: values drawn from N(0, 1), shaped like ``input``.)doc",
             R"doc(>>> rt.randn_like(rt.zeros(3, dtype=rt.float64)).dtype
rustorch.float64)doc"));
  m.def("randint_like", [](const Tensor& input, py::handle a, py::handle b, py::handle generator,
                           std::optional<DType> dtype, py::handle device, bool requires_grad,
                           py::handle memory_format) {
          // randint_like(input, high) or randint_like(input, low, high)
          const int64_t low = b.is_none() ? 0 : int_arg(a, "randint_like", "low");
          const int64_t high = int_arg(b.is_none() ? a : b, "randint_like", "high");
          Tensor t = randint(low, high, input.shape(), dtype.value_or(input.dtype()),
                             generator_from(generator, "randint_like"));
          finish(t, device, requires_grad);
          return t;
        }, py::arg("input"), py::arg("low_or_high"), py::arg("high") = py::none(), py::kw_only(),
        py::arg("generator") = py::none(), py::arg("dtype") = py::none(), py::arg("device") = py::none(),
        py::arg("requires_grad") = false, py::arg("memory_format") = py::none(),
        op_doc(R"doc(randint with input's shape and dtype: randint_like(input, high) or randint_like(input, low, high).)doc",
             like_args("low_or_high (int): ``high`` when ``high`` is not given (``low`` is then 0), else ``low``.\n"
                       "high (int, optional): one above the largest value that can be drawn.\n" +
                       generator_arg).c_str(), R"doc(Tensor: integers drawn uniformly from [low, high), shaped like ``input``.)doc",
             R"doc(>>> x = rt.randint_like(rt.zeros(2, 3, dtype=rt.int64), 5)
>>> x.shape, x.dtype
((2, 3), rustorch.int64)
>>> bool(((x >= 0) & (x < 5)).all())
True)doc"));

  // ---- Tensor.new_* and in-place random fills ------------------------------------------------------
  auto def_new = [&cls](const char* name, Tensor (*make)(const Shape&, DType), const char* doc) {
    cls.def(name, [make, name](const Tensor& self, py::args size, std::optional<DType> dtype, py::handle device,
                               bool requires_grad) {
              Tensor t = make(shape_from_args(size, name), dtype.value_or(self.dtype()));
              finish(t, device, requires_grad);
              return t;
            }, py::kw_only(), py::arg("dtype") = py::none(), py::arg("device") = py::none(),
            py::arg("requires_grad") = false, doc);
  };
  def_new("new_zeros", &zeros, "zeros with this tensor's dtype (unless dtype= is given).");
  def_new("new_ones", &ones, "ones with this tensor's dtype (unless dtype= is given).");
  def_new("new_empty", &empty, "empty with this tensor's dtype (unless dtype= is given).");
  cls.def("new_full", [](const Tensor& self, py::handle size, const Scalar& value, std::optional<DType> dtype,
                         py::handle device, bool requires_grad) {
            Tensor t = full(shape_from_python(size, "new_full"), value, dtype.value_or(self.dtype()));
            finish(t, device, requires_grad);
            return t;
          }, py::arg("size"), py::arg("fill_value"), py::kw_only(), py::arg("dtype") = py::none(),
          py::arg("device") = py::none(), py::arg("requires_grad") = false,
          "full with this tensor's dtype (unless dtype= is given).");
  cls.def("uniform_", [](const Tensor& self, double from, double to, py::handle generator) {
            return uniform_(self, from, to, generator_from(generator, "uniform_"));
          }, py::arg("from") = 0.0, py::arg("to") = 1.0, py::kw_only(), py::arg("generator") = py::none(),
          "Fills the tensor with values uniform in [from, to).");
  cls.def("normal_", [](const Tensor& self, double mean, double std, py::handle generator) {
            return normal_(self, mean, std, generator_from(generator, "normal_"));
          }, py::arg("mean") = 0.0, py::arg("std") = 1.0, py::kw_only(), py::arg("generator") = py::none(),
          "Fills the tensor with normal(mean, std) values.");
  cls.def("random_", [](const Tensor& self, py::handle a, py::handle b, py::handle generator) {
            // random_(), random_(to), random_(from, to)
            int64_t from = 0;
            std::optional<int64_t> to;
            if (!b.is_none()) {
              from = int_arg(a, "random_", "from");
              to = int_arg(b, "random_", "to");
            } else if (!a.is_none()) {
              to = int_arg(a, "random_", "to");
            }
            return random_(self, from, to, generator_from(generator, "random_"));
          }, py::arg("from") = py::none(), py::arg("to") = py::none(), py::kw_only(), py::arg("generator") = py::none(),
          "Fills the tensor with integers uniform in [from, to) (to defaults to the dtype's exact-integer limit).");
}

}  // namespace rustorch::python
