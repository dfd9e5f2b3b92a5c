// Python bindings of reductions, scans, softmax, gather/scatter and sorting (Tensor methods and
// rt.* functions with PyTorch's names and arguments), and the rt.return_types named tuples.
#include <cmath>
#include <string>

#include "bind_common.hpp"
#include "rustorch/ops/elementwise.hpp"
#include "rustorch/ops/reduce.hpp"
#include "rustorch/ops/scatter.hpp"
#include "rustorch/ops/sort.hpp"

namespace rustorch::python {

namespace {

// dim=None (all dims), an int, or a tuple/list of ints; an empty tuple also means all dims.
std::vector<int64_t> opt_dims(py::handle dim, const char* op) {
  return dim.is_none() ? std::vector<int64_t>{} : dims_from_python(dim, op);
}

int64_t one_dim(py::handle dim, const char* op) {
  const auto dims = dims_from_python(dim, op);
  RT_CHECK(dims.size() == 1, TypeError, op, ": expected a single int dim, got ", dims.size(), " dims");
  return dims[0];
}

// The named tuples of rt.return_types (fields values, indices), created at module load.
struct ReturnTypes {
  py::object max, min, sort, topk;
};
ReturnTypes& return_types() {
  static auto* r = new ReturnTypes();  // never destroyed: outlives the interpreter's teardown order
  return *r;
}

py::object pair_result(const py::object& type, const std::pair<Tensor, Tensor>& p) {
  return type(py::cast(p.first), py::cast(p.second));
}

// Defines `name` as a Tensor method and as rt.name(input, ...) with the same arguments.
template <class F, class... Extra>
void def_both(py::module_& m, PyTensorClass& cls, const char* name, F&& f, const char* doc, const Extra&... extra) {
  cls.def(name, f, extra..., doc);
  m.def(name, f, py::arg("input"), extra..., doc);
}

double norm_order(py::handle p) {
  if (p.is_none()) return 2.0;
  if (py::isinstance<py::str>(p)) {
    const std::string s = p.cast<std::string>();
    if (s == "fro") return 2.0;
    RT_THROW(ValueError, "norm: unsupported norm type '", s, "' (supported: numbers, inf, -inf and 'fro')");
  }
  auto v = scalar_from_python(p);
  RT_CHECK(v, TypeError, "norm: p must be a number or 'fro'");
  return v->to_double();
}

py::object max_min(const Tensor& t, py::object dim, bool keepdim, bool is_max) {
  const char* op = is_max ? "max" : "min";
  RT_CHECK(!keepdim || (!dim.is_none() && !py::isinstance<TensorImpl>(dim)), TypeError, op,
           ": keepdim needs a dim (the full reduction and the elementwise form take none)");
  if (dim.is_none()) return py::cast(is_max ? max(t) : min(t));
  if (py::isinstance<TensorImpl>(dim)) {  // max(input, other): elementwise
    const Tensor other = dim.cast<Tensor>();
    return py::cast(is_max ? maximum(t, other) : minimum(t, other));
  }
  const int64_t d = one_dim(dim, op);
  return pair_result(is_max ? return_types().max : return_types().min, is_max ? max(t, d, keepdim) : min(t, d, keepdim));
}

Tensor var_std(const Tensor& t, py::object dim, py::object unbiased, bool keepdim, py::object correction, bool take_sqrt) {
  const char* op = take_sqrt ? "std" : "var";
  if (PyBool_Check(dim.ptr())) {  // legacy var(unbiased)
    RT_CHECK(unbiased.is_none(), TypeError, op, ": got unbiased twice");
    unbiased = dim;
    dim = py::none();
  }
  double c = 1.0;
  if (!correction.is_none()) {
    RT_CHECK(unbiased.is_none(), ValueError, op, ": cannot specify both unbiased and correction");
    auto s = scalar_from_python(correction);
    RT_CHECK(s, TypeError, op, ": correction must be a number");
    c = s->to_double();
  } else if (!unbiased.is_none()) {
    c = unbiased.cast<bool>() ? 1.0 : 0.0;
  }
  const auto dims = opt_dims(dim, op);
  return take_sqrt ? std_dev(t, dims, c, keepdim) : var(t, dims, c, keepdim);
}

Tensor scatter_any(const Tensor& t, int64_t dim, const Tensor& index, py::object src, py::object value,
                   py::object reduce, bool inplace) {
  const char* op = inplace ? "scatter_" : "scatter";
  RT_CHECK(reduce.is_none(), ValueError, op, ": reduce= is not supported");
  if (src.is_none()) std::swap(src, value);
  RT_CHECK(!src.is_none() && value.is_none(), TypeError, op, ": expected exactly one of src (a tensor) or value (a number)");
  if (py::isinstance<TensorImpl>(src)) {
    const Tensor s = src.cast<Tensor>();
    return inplace ? scatter_(t, dim, index, s) : scatter(t, dim, index, s);
  }
  auto v = scalar_from_python(src);
  RT_CHECK(v, TypeError, op, ": src must be a tensor or a number");
  return inplace ? scatter_(t, dim, index, *v) : scatter(t, dim, index, *v);
}

}  // namespace

void bind_reduce(py::module_& m, PyTensorClass& cls) {
  // ---- rt.return_types ----
  py::module_ rtm = m.def_submodule("return_types", "Named tuples (values, indices) returned by max/min/sort/topk.");
  py::object namedtuple = py::module_::import("collections").attr("namedtuple");
  auto make_type = [&](const char* name) {
    py::object type = namedtuple(name, py::make_tuple("values", "indices"));
    type.attr("__module__") = "rustorch.return_types";
    rtm.attr(name) = type;
    return type;
  };
  return_types().max = make_type("max");
  return_types().min = make_type("min");
  return_types().sort = make_type("sort");
  return_types().topk = make_type("topk");

  // ---- Sums and products ----
  def_both(m, cls, "sum",
           [](const Tensor& t, py::object dim, bool keepdim, std::optional<DType> dtype) {
             return sum(t, opt_dims(dim, "sum"), keepdim, dtype);
           },
           R"(Sum over dim (int or tuple; all dims when None). bool/int inputs sum in int64 unless dtype is given.

Args:
    input (Tensor): the tensor to reduce.
    dim (int or tuple of ints, optional): the dims to reduce; all when None. Default: None.
    keepdim (bool): keep the reduced dims with size 1. Default: False.
    dtype (dtype, optional): the accumulation and result dtype (keyword-only). Default: None.

Returns:
    Tensor: the sums, with ``dim`` removed unless ``keepdim``.

Example:
    >>> x = rt.tensor([[1., 2.], [3., 4.]])
    >>> rt.sum(x).item()
    10.0
    >>> rt.sum(x, dim=1).tolist()
    [3.0, 7.0]
    >>> x.sum(0, keepdim=True).tolist()
    [[4.0, 6.0]]
    >>> rt.sum(rt.tensor([True, True, False])).dtype
    rustorch.int64
)",
           py::arg("dim") = py::none(), py::arg("keepdim") = false, py::kw_only(), py::arg("dtype") = py::none());
  def_both(m, cls, "mean",
           [](const Tensor& t, py::object dim, bool keepdim, std::optional<DType> dtype) {
             return mean(t, opt_dims(dim, "mean"), keepdim, dtype);
           },
           R"(Mean over dim (int or tuple; all dims when None). Integer inputs need a floating dtype=.

Args:
    input (Tensor): the tensor to reduce.
    dim (int or tuple of ints, optional): the dims to reduce; all when None. Default: None.
    keepdim (bool): keep the reduced dims with size 1. Default: False.
    dtype (dtype, optional): the accumulation and result dtype (keyword-only). Default: None.

Returns:
    Tensor: the means, with ``dim`` removed unless ``keepdim``.

Example:
    >>> x = rt.tensor([[1., 2.], [3., 4.]])
    >>> rt.mean(x).item()
    2.5
    >>> rt.mean(x, dim=0).tolist()
    [2.0, 3.0]
    >>> x.mean((0, 1), keepdim=True).tolist()
    [[2.5]]
    >>> rt.mean(rt.tensor([1, 2]), dtype=rt.float64).item()
    1.5
)",
           py::arg("dim") = py::none(), py::arg("keepdim") = false, py::kw_only(), py::arg("dtype") = py::none());
  def_both(m, cls, "prod",
           [](const Tensor& t, py::object dim, bool keepdim, std::optional<DType> dtype) {
             return prod(t, dim.is_none() ? std::vector<int64_t>{} : std::vector<int64_t>{one_dim(dim, "prod")}, keepdim, dtype);
           },
           op_doc("Product over dim (all elements when None). bool/int inputs multiply in int64 unless dtype is given.",
           "input (Tensor): the input tensor.\n"
           "dim (int, optional): the dim to reduce; all elements when None. Default: None.\n"
           "keepdim (bool): keep the reduced dims with size 1. Default: False.\n"
           "dtype (dtype, optional): keyword-only accumulation and result dtype. Default: None.",
           "Tensor: the products, with ``dim`` removed unless ``keepdim``.",
           ">>> x = rt.tensor([[1., 2.], [3., 4.]])\n"
           ">>> rt.prod(x).item()\n"
           "24.0\n"
           ">>> rt.prod(x, dim=0).tolist()\n"
           "[3.0, 8.0]\n"
           ">>> rt.prod(x, 1, keepdim=True)\n"
           "tensor([[ 2.],\n"
           "        [12.]])\n"
           ">>> rt.prod(rt.tensor([2, 3]), dtype=rt.float64).item()\n"
           "6.0"),
           py::arg("dim") = py::none(), py::arg("keepdim") = false, py::kw_only(), py::arg("dtype") = py::none());

  // ---- Extremes ----
  def_both(m, cls, "max", [](const Tensor& t, py::object dim, bool keepdim) { return max_min(t, dim, keepdim, true); },
           op_doc("Without dim: the largest element (NaN if any). With dim: a (values, indices) named tuple; indices "
           "are the first occurrence. With a tensor instead of dim: the elementwise maximum.",
           "input (Tensor): the input tensor.\n"
           "dim (int or Tensor, optional): the dim to reduce, or a tensor to compare with elementwise. Default: None.\n"
           "keepdim (bool): keep the reduced dim with size 1. Default: False.",
           "Tensor or rt.return_types.max: the largest element (no dim), the named tuple (values, indices) (with "
           "dim), or the elementwise maximum (with a tensor).",
           ">>> x = rt.tensor([[1., 5.], [4., 2.]])\n"
           ">>> rt.max(x).item()\n"
           "5.0\n"
           ">>> values, indices = rt.max(x, dim=1)\n"
           ">>> values.tolist()\n"
           "[5.0, 4.0]\n"
           ">>> indices.tolist()\n"
           "[1, 0]\n"
           ">>> rt.max(x, 0, keepdim=True).indices.tolist()\n"
           "[[1, 0]]\n"
           ">>> rt.max(x, rt.tensor([3., 3.]))\n"
           "tensor([[3., 5.],\n"
           "        [4., 3.]])"),
           py::arg("dim") = py::none(), py::arg("keepdim") = false);
  def_both(m, cls, "min", [](const Tensor& t, py::object dim, bool keepdim) { return max_min(t, dim, keepdim, false); },
           op_doc("Without dim: the smallest element (NaN if any). With dim: a (values, indices) named tuple; indices "
           "are the first occurrence. With a tensor instead of dim: the elementwise minimum.",
           "input (Tensor): the input tensor.\n"
           "dim (int or Tensor, optional): the dim to reduce, or a tensor to compare with elementwise. Default: None.\n"
           "keepdim (bool): keep the reduced dim with size 1. Default: False.",
           "Tensor or rt.return_types.min: the smallest element (no dim), the named tuple (values, indices) (with "
           "dim), or the elementwise minimum (with a tensor).",
           ">>> x = rt.tensor([[1., 5.], [4., 2.]])\n"
           ">>> rt.min(x).item()\n"
           "1.0\n"
           ">>> values, indices = rt.min(x, dim=1)\n"
           ">>> values.tolist()\n"
           "[1.0, 2.0]\n"
           ">>> indices.tolist()\n"
           "[0, 1]\n"
           ">>> rt.min(x, rt.tensor([3., 3.]))\n"
           "tensor([[1., 3.],\n"
           "        [3., 2.]])"),
           py::arg("dim") = py::none(), py::arg("keepdim") = false);
  def_both(m, cls, "amax",
           [](const Tensor& t, py::object dim, bool keepdim) { return amax(t, opt_dims(dim, "amax"), keepdim); },
           op_doc("Largest values over dim (int or tuple; all dims when empty/None); the gradient is shared evenly "
                  "by ties.",
           "input (Tensor): the input tensor.\n"
           "dim (int or tuple of ints): the dims to reduce; all when empty or None. Default: ().\n"
           "keepdim (bool): keep the reduced dims with size 1. Default: False.",
           "Tensor: the largest values, with ``dim`` removed unless ``keepdim``.",
           ">>> x = rt.tensor([[1., 5.], [4., 2.]])\n"
           ">>> rt.amax(x).item()\n"
           "5.0\n"
           ">>> rt.amax(x, dim=0).tolist()\n"
           "[4.0, 5.0]\n"
           ">>> rt.amax(x, dim=(0, 1), keepdim=True).tolist()\n"
           "[[5.0]]"),
           py::arg("dim") = py::tuple(), py::arg("keepdim") = false);
  def_both(m, cls, "amin",
           [](const Tensor& t, py::object dim, bool keepdim) { return amin(t, opt_dims(dim, "amin"), keepdim); },
           op_doc("Smallest values over dim (int or tuple; all dims when empty/None); the gradient is shared evenly "
                  "by ties.",
           "input (Tensor): the input tensor.\n"
           "dim (int or tuple of ints): the dims to reduce; all when empty or None. Default: ().\n"
           "keepdim (bool): keep the reduced dims with size 1. Default: False.",
           "Tensor: the smallest values, with ``dim`` removed unless ``keepdim``.",
           ">>> x = rt.tensor([[1., 5.], [4., 2.]])\n"
           ">>> rt.amin(x).item()\n"
           "1.0\n"
           ">>> rt.amin(x, dim=1).tolist()\n"
           "[1.0, 2.0]"),
           py::arg("dim") = py::tuple(), py::arg("keepdim") = false);
  def_both(m, cls, "argmax",
           [](const Tensor& t, py::object dim, bool keepdim) {
             return argmax(t, dim.is_none() ? std::nullopt : std::optional<int64_t>(one_dim(dim, "argmax")), keepdim);
           },
           op_doc("Index of the first largest element along dim (of the flattened tensor when dim is None).",
           "input (Tensor): the input tensor.\n"
           "dim (int, optional): the dim to reduce; the flattened tensor when None. Default: None.\n"
           "keepdim (bool): keep the reduced dim with size 1. Default: False.",
           "Tensor: the int64 indices, with ``dim`` removed unless ``keepdim``.",
           ">>> x = rt.tensor([[1., 5., 5.], [4., 2., 0.]])\n"
           ">>> rt.argmax(x).item()\n"
           "1\n"
           ">>> rt.argmax(x, dim=1).tolist()\n"
           "[1, 0]\n"
           ">>> rt.argmax(x, dim=1, keepdim=True)\n"
           "tensor([[1],\n"
           "        [0]])"),
           py::arg("dim") = py::none(), py::arg("keepdim") = false);
  def_both(m, cls, "argmin",
           [](const Tensor& t, py::object dim, bool keepdim) {
             return argmin(t, dim.is_none() ? std::nullopt : std::optional<int64_t>(one_dim(dim, "argmin")), keepdim);
           },
           op_doc("Index of the first smallest element along dim (of the flattened tensor when dim is None).",
           "input (Tensor): the input tensor.\n"
           "dim (int, optional): the dim to reduce; the flattened tensor when None. Default: None.\n"
           "keepdim (bool): keep the reduced dim with size 1. Default: False.",
           "Tensor: the int64 indices, with ``dim`` removed unless ``keepdim``.",
           ">>> x = rt.tensor([[1., 5., 5.], [4., 2., 0.]])\n"
           ">>> rt.argmin(x).item()\n"
           "5\n"
           ">>> rt.argmin(x, dim=0).tolist()\n"
           "[0, 1, 1]"),
           py::arg("dim") = py::none(), py::arg("keepdim") = false);

  // ---- Statistics and norms ----
  def_both(m, cls, "var",
           [](const Tensor& t, py::object dim, py::object unbiased, bool keepdim, py::object correction) {
             return var_std(t, dim, unbiased, keepdim, correction, false);
           },
           op_doc("Variance over dim, divided by N - correction (correction=1 by default; unbiased=False means 0).",
           "input (Tensor): the input tensor.\n"
           "dim (int or tuple of ints, optional): the dims to reduce; all when None. Default: None.\n"
           "unbiased (bool, optional): True for correction=1, False for 0 (legacy; not with ``correction``). "
           "Default: None.\n"
           "keepdim (bool): keep the reduced dims with size 1. Default: False.\n"
           "correction (Number, optional): keyword-only; subtracted from N in the divisor (1 when None). Default: "
           "None.",
           "Tensor: the variances, with ``dim`` removed unless ``keepdim``.",
           ">>> x = rt.tensor([[1., 2., 3.], [4., 6., 8.]])\n"
           ">>> round(rt.var(x).item(), 4)\n"
           "6.8\n"
           ">>> rt.var(x, dim=1).tolist()\n"
           "[1.0, 4.0]\n"
           ">>> rt.var(x, dim=1, keepdim=True, correction=0)\n"
           "tensor([[0.6667],\n"
           "        [2.6667]])\n"
           ">>> rt.var(x, 1, unbiased=False).shape\n"
           "(2,)"),
           py::arg("dim") = py::none(), py::arg("unbiased") = py::none(), py::arg("keepdim") = false, py::kw_only(),
           py::arg("correction") = py::none());
  def_both(m, cls, "std",
           [](const Tensor& t, py::object dim, py::object unbiased, bool keepdim, py::object correction) {
             return var_std(t, dim, unbiased, keepdim, correction, true);
           },
           op_doc("Standard deviation over dim (sqrt of var; correction=1 by default; unbiased=False means 0).",
           "input (Tensor): the input tensor.\n"
           "dim (int or tuple of ints, optional): the dims to reduce; all when None. Default: None.\n"
           "unbiased (bool, optional): True for correction=1, False for 0 (legacy; not with ``correction``). "
           "Default: None.\n"
           "keepdim (bool): keep the reduced dims with size 1. Default: False.\n"
           "correction (Number, optional): keyword-only; subtracted from N in the divisor (1 when None). Default: "
           "None.",
           "Tensor: the standard deviations, with ``dim`` removed unless ``keepdim``.",
           ">>> x = rt.tensor([[1., 2., 3.], [4., 6., 8.]])\n"
           ">>> round(rt.std(x).item(), 4)\n"
           "2.6077\n"
           ">>> rt.std(x, dim=1).tolist()\n"
           "[1.0, 2.0]\n"
           ">>> rt.std(x, dim=1, keepdim=True, correction=0)\n"
           "tensor([[0.8165],\n"
           "        [1.6330]])"),
           py::arg("dim") = py::none(), py::arg("unbiased") = py::none(), py::arg("keepdim") = false, py::kw_only(),
           py::arg("correction") = py::none());
  def_both(m, cls, "norm",
           [](const Tensor& t, py::object p, py::object dim, bool keepdim, std::optional<DType> dtype) {
             return norm(t, norm_order(p), opt_dims(dim, "norm"), keepdim, dtype);
           },
           op_doc("Vector p-norm over dim (all elements when None): p = 'fro' (2), any number, inf or -inf.",
           "input (Tensor): the input tensor.\n"
           "p (Number or str): the order: ``'fro'`` (2), any number, ``inf`` or ``-inf``. Default: ``'fro'``.\n"
           "dim (int or tuple of ints, optional): the dims to reduce; all elements when None. Default: None.\n"
           "keepdim (bool): keep the reduced dims with size 1. Default: False.\n"
           "dtype (dtype, optional): keyword-only computation and result dtype. Default: None.",
           "Tensor: the norms, with ``dim`` removed unless ``keepdim``.",
           ">>> x = rt.tensor([[3., 4.], [-6., 8.]])\n"
           ">>> round(rt.norm(x).item(), 4)\n"
           "11.1803\n"
           ">>> rt.norm(x, dim=1).tolist()\n"
           "[5.0, 10.0]\n"
           ">>> rt.norm(x, p=1, dim=0).tolist()\n"
           "[9.0, 12.0]\n"
           ">>> rt.norm(x, p=float('inf')).item()\n"
           "8.0"),
           py::arg("p") = "fro", py::arg("dim") = py::none(), py::arg("keepdim") = false, py::kw_only(),
           py::arg("dtype") = py::none());
  def_both(m, cls, "logsumexp",
           [](const Tensor& t, py::object dim, bool keepdim) { return logsumexp(t, opt_dims(dim, "logsumexp"), keepdim); },
           op_doc("log(sum(exp(input))) over dim, computed stably.",
           "input (Tensor): the input tensor.\n"
           "dim (int or tuple of ints): the dims to reduce.\n"
           "keepdim (bool): keep the reduced dims with size 1. Default: False.",
           "Tensor: the results, with ``dim`` removed unless ``keepdim``.",
           ">>> x = rt.tensor([[0., 0.], [1000., 1000.]])\n"
           ">>> rt.logsumexp(x, dim=1, keepdim=True)\n"
           "tensor([[6.9315e-01],\n"
           "        [1.0007e+03]])\n"
           ">>> round(rt.logsumexp(rt.tensor([1., 2., 3.]), dim=0).item(), 4)\n"
           "3.4076"), py::arg("dim"), py::arg("keepdim") = false);

  // ---- Softmax ----
  def_both(m, cls, "softmax",
           [](const Tensor& t, int64_t dim, std::optional<DType> dtype) { return softmax(t, dim, dtype); },
           op_doc("exp(x) / sum(exp(x)) along dim, computed stably (input cast to dtype first when given).",
           "input (Tensor): a floating-point tensor (an integer one needs ``dtype``).\n"
           "dim (int): the dim along which the values sum to 1.\n"
           "dtype (dtype, optional): the dtype to cast the input to first. Default: None.",
           "Tensor: the probabilities, of ``input``'s shape.",
           ">>> x = rt.tensor([[1., 2., 3.], [1., 1., 1.]])\n"
           ">>> rt.softmax(x, dim=1)\n"
           "tensor([[0.0900, 0.2447, 0.6652],\n"
           "        [0.3333, 0.3333, 0.3333]])\n"
           ">>> rt.softmax(x, dim=1).sum(dim=1).tolist()\n"
           "[1.0, 1.0]"), py::arg("dim"),
           py::arg("dtype") = py::none());
  def_both(m, cls, "log_softmax",
           [](const Tensor& t, int64_t dim, std::optional<DType> dtype) { return log_softmax(t, dim, dtype); },
           op_doc("x - logsumexp(x) along dim, computed stably (input cast to dtype first when given).",
           "input (Tensor): a floating-point tensor (an integer one needs ``dtype``).\n"
           "dim (int): the dim along which to normalise.\n"
           "dtype (dtype, optional): the dtype to cast the input to first. Default: None.",
           "Tensor: the log-probabilities, of ``input``'s shape.",
           ">>> x = rt.tensor([[1., 2., 3.], [1., 1., 1.]])\n"
           ">>> rt.log_softmax(x, dim=1)\n"
           "tensor([[-2.4076, -1.4076, -0.4076],\n"
           "        [-1.0986, -1.0986, -1.0986]])"), py::arg("dim"),
           py::arg("dtype") = py::none());

  // ---- Logical reductions ----
  // An explicit empty dim tuple reduces over no dims for all/any (torch: each element's truth
  // value, shape kept), unlike sum/mean/amax where () still means every dim.
  def_both(m, cls, "all",
           [](const Tensor& t, py::object dim, bool keepdim) {
             if (!dim.is_none() && dims_from_python(dim, "all").empty()) return ne(t, Scalar(0));
             return all(t, opt_dims(dim, "all"), keepdim);
           },
           op_doc("Whether every element over dim is nonzero (bool result; all dims when None).",
           "input (Tensor): the input tensor.\n"
           "dim (int or tuple of ints, optional): the dims to reduce; all when None (an empty tuple reduces none). "
           "Default: None.\n"
           "keepdim (bool): keep the reduced dims with size 1. Default: False.",
           "Tensor: a bool tensor, with ``dim`` removed unless ``keepdim``.",
           ">>> x = rt.tensor([[1, 0], [2, 3]])\n"
           ">>> rt.all(x).item()\n"
           "False\n"
           ">>> rt.all(x, dim=1).tolist()\n"
           "[False, True]"), py::arg("dim") = py::none(),
           py::arg("keepdim") = false);
  def_both(m, cls, "any",
           [](const Tensor& t, py::object dim, bool keepdim) {
             if (!dim.is_none() && dims_from_python(dim, "any").empty()) return ne(t, Scalar(0));
             return any(t, opt_dims(dim, "any"), keepdim);
           },
           op_doc("Whether any element over dim is nonzero (bool result; all dims when None).",
           "input (Tensor): the input tensor.\n"
           "dim (int or tuple of ints, optional): the dims to reduce; all when None (an empty tuple reduces none). "
           "Default: None.\n"
           "keepdim (bool): keep the reduced dims with size 1. Default: False.",
           "Tensor: a bool tensor, with ``dim`` removed unless ``keepdim``.",
           ">>> x = rt.tensor([[0, 0], [2, 0]])\n"
           ">>> rt.any(x).item()\n"
           "True\n"
           ">>> rt.any(x, dim=1).tolist()\n"
           "[False, True]\n"
           ">>> rt.any(x, dim=0, keepdim=True).tolist()\n"
           "[[True, False]]"), py::arg("dim") = py::none(),
           py::arg("keepdim") = false);

  // ---- Scans ----
  def_both(m, cls, "cumsum",
           [](const Tensor& t, int64_t dim, std::optional<DType> dtype) { return cumsum(t, dim, dtype); },
           op_doc("Cumulative sum along dim (bool/int inputs in int64 unless dtype is given).",
           "input (Tensor): the input tensor.\n"
           "dim (int): the dim to scan.\n"
           "dtype (dtype, optional): keyword-only accumulation and result dtype. Default: None.",
           "Tensor: the running sums, of ``input``'s shape.",
           ">>> x = rt.tensor([[1, 2, 3], [4, 5, 6]])\n"
           ">>> rt.cumsum(x, dim=1)\n"
           "tensor([[ 1,  3,  6],\n"
           "        [ 4,  9, 15]])\n"
           ">>> rt.cumsum(x, dim=0, dtype=rt.float32)\n"
           "tensor([[1., 2., 3.],\n"
           "        [5., 7., 9.]])\n"
           ">>> rt.cumsum(rt.tensor([True, False, True]), 0).tolist()\n"
           "[1, 1, 2]"), py::arg("dim"), py::kw_only(),
           py::arg("dtype") = py::none());
  def_both(m, cls, "cumprod",
           [](const Tensor& t, int64_t dim, std::optional<DType> dtype) { return cumprod(t, dim, dtype); },
           op_doc("Cumulative product along dim (bool/int inputs in int64 unless dtype is given).",
           "input (Tensor): the input tensor.\n"
           "dim (int): the dim to scan.\n"
           "dtype (dtype, optional): keyword-only accumulation and result dtype. Default: None.",
           "Tensor: the running products, of ``input``'s shape.",
           ">>> rt.cumprod(rt.tensor([1., 2., 3., 4.]), dim=0).tolist()\n"
           "[1.0, 2.0, 6.0, 24.0]\n"
           ">>> rt.cumprod(rt.tensor([[1, 2], [3, 4]]), dim=1)\n"
           "tensor([[ 1,  2],\n"
           "        [ 3, 12]])"), py::arg("dim"),
           py::kw_only(), py::arg("dtype") = py::none());

  // ---- Gather / scatter ----
  def_both(m, cls, "gather",
           [](const Tensor& t, int64_t dim, const Tensor& index, bool sparse_grad) {
             RT_CHECK(!sparse_grad, ValueError, "gather: sparse_grad=True is not supported");
             return gather(t, dim, index);
           },
           op_doc("Values along dim at index: out[i][j] = input[i][index[i][j]] for dim=1 (out has index's shape).",
           "input (Tensor): the source tensor.\n"
           "dim (int): the dim to index along.\n"
           "index (Tensor): int64 indices, with ``input``'s number of dims.\n"
           "sparse_grad (bool): keyword-only; must be False (sparse gradients are not supported). Default: False.",
           "Tensor: the gathered values, of ``index``'s shape.",
           ">>> x = rt.tensor([[1., 2., 3.], [4., 5., 6.]])\n"
           ">>> rt.gather(x, 1, rt.tensor([[2, 0], [1, 1]]))\n"
           "tensor([[3., 1.],\n"
           "        [5., 5.]])\n"
           ">>> rt.gather(x, 0, rt.tensor([[1, 0, 1]])).tolist()\n"
           "[[4.0, 2.0, 6.0]]"),
           py::arg("dim"), py::arg("index"), py::kw_only(), py::arg("sparse_grad") = false);
  def_both(m, cls, "scatter",
           [](const Tensor& t, int64_t dim, const Tensor& index, py::object src, py::object value, py::object reduce) {
             return scatter_any(t, dim, index, src, value, reduce, false);
           },
           op_doc("A copy of input with src (a tensor, or a number) written at index along dim: "
           "out[i][index[i][j]] = src[i][j] for dim=1.",
           "input (Tensor): the tensor to copy.\n"
           "dim (int): the dim to index along.\n"
           "index (Tensor): int64 indices where the values go.\n"
           "src (Tensor or Number, optional): the values to write (a tensor read at the positions of ``index``, or a "
           "number). Default: None.\n"
           "value (Number, optional): keyword-only; the number to write when ``src`` is not given. Default: None.\n"
           "reduce (str, optional): keyword-only; must be None (reductions are not supported). Default: None.",
           "Tensor: a new tensor of ``input``'s shape.",
           ">>> x = rt.zeros(2, 3)\n"
           ">>> rt.scatter(x, 1, rt.tensor([[2], [0]]), rt.tensor([[5.], [7.]]))\n"
           "tensor([[0., 0., 5.],\n"
           "        [7., 0., 0.]])\n"
           ">>> rt.scatter(x, 0, rt.tensor([[1, 0, 1]]), value=2.)\n"
           "tensor([[0., 2., 0.],\n"
           "        [2., 0., 2.]])"),
           py::arg("dim"), py::arg("index"), py::arg("src") = py::none(), py::kw_only(), py::arg("value") = py::none(),
           py::arg("reduce") = py::none());
  def_both(m, cls, "scatter_add",
           [](const Tensor& t, int64_t dim, const Tensor& index, const Tensor& src) { return scatter_add(t, dim, index, src); },
           op_doc("A copy of input with src added at index along dim: out[i][index[i][j]] += src[i][j] for dim=1.",
           "input (Tensor): the tensor to copy.\n"
           "dim (int): the dim to index along.\n"
           "index (Tensor): int64 indices where the values are added.\n"
           "src (Tensor): the values to add, read at the positions of ``index``.",
           "Tensor: a new tensor of ``input``'s shape.",
           ">>> rt.scatter_add(rt.zeros(3), 0, rt.tensor([0, 2, 0, 2]), rt.tensor([1., 2., 3., 4.])).tolist()\n"
           "[4.0, 0.0, 6.0]\n"
           ">>> rt.scatter_add(rt.ones(2, 2), 1, rt.tensor([[0, 0], [1, 0]]), rt.tensor([[1., 2.], [3., 4.]]))\n"
           "tensor([[4., 1.],\n"
           "        [5., 4.]])"),
           py::arg("dim"), py::arg("index"), py::arg("src"));
  cls.def("scatter_",
          [](const Tensor& t, int64_t dim, const Tensor& index, py::object src, py::object value, py::object reduce) {
            return scatter_any(t, dim, index, src, value, reduce, true);
          },
          py::arg("dim"), py::arg("index"), py::arg("src") = py::none(), py::kw_only(), py::arg("value") = py::none(),
          py::arg("reduce") = py::none(), "In-place scatter: writes src (a tensor, or a number) at index along dim.");
  cls.def("scatter_add_",
          [](const Tensor& t, int64_t dim, const Tensor& index, const Tensor& src) {
            return Tensor(scatter_add_(t, dim, index, src));
          },
          py::arg("dim"), py::arg("index"), py::arg("src"), "In-place scatter_add: adds src at index along dim.");

  // ---- Sorting ----
  def_both(m, cls, "sort",
           [](const Tensor& t, int64_t dim, bool descending, bool stable) {
             return pair_result(return_types().sort, sort(t, dim, descending, stable));
           },
           op_doc("(values, indices) sorted along dim (stable; NaN sorts as the largest value).",
           "input (Tensor): the input tensor.\n"
           "dim (int): the dim to sort along. Default: -1.\n"
           "descending (bool): sort from largest to smallest. Default: False.\n"
           "stable (bool): keyword-only; accepted for PyTorch compatibility (the sort is always stable). Default: "
           "False.",
           "rt.return_types.sort: the named tuple (values, indices) of the sorted values and their int64 positions "
           "in ``input``.",
           ">>> x = rt.tensor([[3., 1., 2.], [0., 5., -1.]])\n"
           ">>> values, indices = rt.sort(x)\n"
           ">>> values\n"
           "tensor([[ 1.,  2.,  3.],\n"
           "        [-1.,  0.,  5.]])\n"
           ">>> indices\n"
           "tensor([[1, 2, 0],\n"
           "        [2, 0, 1]])\n"
           ">>> rt.sort(x, dim=0, descending=True).values\n"
           "tensor([[ 3.,  5.,  2.],\n"
           "        [ 0.,  1., -1.]])\n"
           ">>> rt.sort(rt.tensor([2., float('nan'), 1.])).values.tolist()\n"
           "[1.0, 2.0, nan]"), py::arg("dim") = -1,
           py::arg("descending") = false, py::kw_only(), py::arg("stable") = false);
  def_both(m, cls, "argsort",
           [](const Tensor& t, int64_t dim, bool descending, bool stable) { return argsort(t, dim, descending, stable); },
           op_doc("Indices that sort input along dim (stable).",
           "input (Tensor): the input tensor.\n"
           "dim (int): the dim to sort along. Default: -1.\n"
           "descending (bool): sort from largest to smallest. Default: False.\n"
           "stable (bool): keyword-only; accepted for PyTorch compatibility (the sort is always stable). Default: "
           "False.",
           "Tensor: the int64 indices, of ``input``'s shape.",
           ">>> x = rt.tensor([3., 1., 2., 1.])\n"
           ">>> rt.argsort(x).tolist()\n"
           "[1, 3, 2, 0]\n"
           ">>> rt.argsort(x, descending=True).tolist()\n"
           "[0, 2, 1, 3]\n"
           ">>> rt.argsort(rt.tensor([[3, 1], [0, 5]]), dim=0)\n"
           "tensor([[1, 0],\n"
           "        [0, 1]])"), py::arg("dim") = -1, py::arg("descending") = false,
           py::kw_only(), py::arg("stable") = false);
  def_both(m, cls, "topk",
           [](const Tensor& t, int64_t k, int64_t dim, bool largest, bool sorted) {
             return pair_result(return_types().topk, topk(t, k, dim, largest, sorted));
           },
           op_doc("(values, indices) of the k largest (largest=False: smallest) elements along dim, in sorted order.",
           "input (Tensor): the input tensor.\n"
           "k (int): the number of elements to keep.\n"
           "dim (int): the dim to search along. Default: -1.\n"
           "largest (bool): the largest elements when True, the smallest when False. Default: True.\n"
           "sorted (bool): return them in sorted order. Default: True.",
           "rt.return_types.topk: the named tuple (values, indices), each with size k along ``dim``.",
           ">>> x = rt.tensor([1., 5., 3., 4., 2.])\n"
           ">>> values, indices = rt.topk(x, 2)\n"
           ">>> values.tolist()\n"
           "[5.0, 4.0]\n"
           ">>> indices.tolist()\n"
           "[1, 3]\n"
           ">>> rt.topk(x, 2, largest=False).values.tolist()\n"
           "[1.0, 2.0]\n"
           ">>> rt.topk(rt.tensor([[1., 9.], [7., 3.]]), 1, dim=0).indices.tolist()\n"
           "[[1, 0]]"),
           py::arg("k"), py::arg("dim") = -1, py::arg("largest") = true, py::arg("sorted") = true);
}

}  // namespace rustorch::python
