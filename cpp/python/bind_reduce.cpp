// Python bindings of reductions, scans, softmax, gather/scatter and sorting (Tensor methods and
// rt.* functions with PyTorch's names and arguments), and the rt.return_types named tuples.
#include <cmath>

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
           "Product over dim (all elements when None). bool/int inputs multiply in int64 unless dtype is given.",
           py::arg("dim") = py::none(), py::arg("keepdim") = false, py::kw_only(), py::arg("dtype") = py::none());

  // ---- Extremes ----
  def_both(m, cls, "max", [](const Tensor& t, py::object dim, bool keepdim) { return max_min(t, dim, keepdim, true); },
           "Without dim: the largest element (NaN if any). With dim: a (values, indices) named tuple; indices "
           "are the first occurrence. With a tensor instead of dim: the elementwise maximum.",
           py::arg("dim") = py::none(), py::arg("keepdim") = false);
  def_both(m, cls, "min", [](const Tensor& t, py::object dim, bool keepdim) { return max_min(t, dim, keepdim, false); },
           "Without dim: the smallest element (NaN if any). With dim: a (values, indices) named tuple; indices "
           "are the first occurrence. With a tensor instead of dim: the elementwise minimum.",
           py::arg("dim") = py::none(), py::arg("keepdim") = false);
  def_both(m, cls, "amax",
           [](const Tensor& t, py::object dim, bool keepdim) { return amax(t, opt_dims(dim, "amax"), keepdim); },
           "Largest values over dim (int or tuple; all dims when empty/None); the gradient is shared evenly by ties.",
           py::arg("dim") = py::tuple(), py::arg("keepdim") = false);
  def_both(m, cls, "amin",
           [](const Tensor& t, py::object dim, bool keepdim) { return amin(t, opt_dims(dim, "amin"), keepdim); },
           "Smallest values over dim (int or tuple; all dims when empty/None); the gradient is shared evenly by ties.",
           py::arg("dim") = py::tuple(), py::arg("keepdim") = false);
  def_both(m, cls, "argmax",
           [](const Tensor& t, py::object dim, bool keepdim) {
             return argmax(t, dim.is_none() ? std::nullopt : std::optional<int64_t>(one_dim(dim, "argmax")), keepdim);
           },
           "Index of the first largest element along dim (of the flattened tensor when dim is None).",
           py::arg("dim") = py::none(), py::arg("keepdim") = false);
  def_both(m, cls, "argmin",
           [](const Tensor& t, py::object dim, bool keepdim) {
             return argmin(t, dim.is_none() ? std::nullopt : std::optional<int64_t>(one_dim(dim, "argmin")), keepdim);
           },
           "Index of the first smallest element along dim (of the flattened tensor when dim is None).",
           py::arg("dim") = py::none(), py::arg("keepdim") = false);

  // ---- Statistics and norms ----
  def_both(m, cls, "var",
           [](const Tensor& t, py::object dim, py::object unbiased, bool keepdim, py::object correction) {
             return var_std(t, dim, unbiased, keepdim, correction, false);
           },
           "Variance over dim, divided by N - correction (correction=1 by default; unbiased=False means 0).",
           py::arg("dim") = py::none(), py::arg("unbiased") = py::none(), py::arg("keepdim") = false, py::kw_only(),
           py::arg("correction") = py::none());
  def_both(m, cls, "std",
           [](const Tensor& t, py::object dim, py::object unbiased, bool keepdim, py::object correction) {
             return var_std(t, dim, unbiased, keepdim, correction, true);
           },
           "Standard deviation over dim (sqrt of var; correction=1 by default; unbiased=False means 0).",
           py::arg("dim") = py::none(), py::arg("unbiased") = py::none(), py::arg("keepdim") = false, py::kw_only(),
           py::arg("correction") = py::none());
  def_both(m, cls, "norm",
           [](const Tensor& t, py::object p, py::object dim, bool keepdim, std::optional<DType> dtype) {
             return norm(t, norm_order(p), opt_dims(dim, "norm"), keepdim, dtype);
           },
           "Vector p-norm over dim (all elements when None): p = 'fro' (2), any number, inf or -inf.",
           py::arg("p") = "fro", py::arg("dim") = py::none(), py::arg("keepdim") = false, py::kw_only(),
           py::arg("dtype") = py::none());
  def_both(m, cls, "logsumexp",
           [](const Tensor& t, py::object dim, bool keepdim) { return logsumexp(t, opt_dims(dim, "logsumexp"), keepdim); },
           "log(sum(exp(input))) over dim, computed stably.", py::arg("dim"), py::arg("keepdim") = false);

  // ---- Softmax ----
  def_both(m, cls, "softmax",
           [](const Tensor& t, int64_t dim, std::optional<DType> dtype) { return softmax(t, dim, dtype); },
           "exp(x) / sum(exp(x)) along dim, computed stably (input cast to dtype first when given).", py::arg("dim"),
           py::arg("dtype") = py::none());
  def_both(m, cls, "log_softmax",
           [](const Tensor& t, int64_t dim, std::optional<DType> dtype) { return log_softmax(t, dim, dtype); },
           "x - logsumexp(x) along dim, computed stably (input cast to dtype first when given).", py::arg("dim"),
           py::arg("dtype") = py::none());

  // ---- Logical reductions ----
  // An explicit empty dim tuple reduces over no dims for all/any (torch: each element's truth
  // value, shape kept), unlike sum/mean/amax where () still means every dim.
  def_both(m, cls, "all",
           [](const Tensor& t, py::object dim, bool keepdim) {
             if (!dim.is_none() && dims_from_python(dim, "all").empty()) return ne(t, Scalar(0));
             return all(t, opt_dims(dim, "all"), keepdim);
           },
           "Whether every element over dim is nonzero (bool result; all dims when None).", py::arg("dim") = py::none(),
           py::arg("keepdim") = false);
  def_both(m, cls, "any",
           [](const Tensor& t, py::object dim, bool keepdim) {
             if (!dim.is_none() && dims_from_python(dim, "any").empty()) return ne(t, Scalar(0));
             return any(t, opt_dims(dim, "any"), keepdim);
           },
           "Whether any element over dim is nonzero (bool result; all dims when None).", py::arg("dim") = py::none(),
           py::arg("keepdim") = false);

  // ---- Scans ----
  def_both(m, cls, "cumsum",
           [](const Tensor& t, int64_t dim, std::optional<DType> dtype) { return cumsum(t, dim, dtype); },
           "Cumulative sum along dim (bool/int inputs in int64 unless dtype is given).", py::arg("dim"), py::kw_only(),
           py::arg("dtype") = py::none());
  def_both(m, cls, "cumprod",
           [](const Tensor& t, int64_t dim, std::optional<DType> dtype) { return cumprod(t, dim, dtype); },
           "Cumulative product along dim (bool/int inputs in int64 unless dtype is given).", py::arg("dim"),
           py::kw_only(), py::arg("dtype") = py::none());

  // ---- Gather / scatter ----
  def_both(m, cls, "gather",
           [](const Tensor& t, int64_t dim, const Tensor& index, bool sparse_grad) {
             RT_CHECK(!sparse_grad, ValueError, "gather: sparse_grad=True is not supported");
             return gather(t, dim, index);
           },
           "Values along dim at index: out[i][j] = input[i][index[i][j]] for dim=1 (out has index's shape).",
           py::arg("dim"), py::arg("index"), py::kw_only(), py::arg("sparse_grad") = false);
  def_both(m, cls, "scatter",
           [](const Tensor& t, int64_t dim, const Tensor& index, py::object src, py::object value, py::object reduce) {
             return scatter_any(t, dim, index, src, value, reduce, false);
           },
           "A copy of input with src (a tensor, or a number) written at index along dim: "
           "out[i][index[i][j]] = src[i][j] for dim=1.",
           py::arg("dim"), py::arg("index"), py::arg("src") = py::none(), py::kw_only(), py::arg("value") = py::none(),
           py::arg("reduce") = py::none());
  def_both(m, cls, "scatter_add",
           [](const Tensor& t, int64_t dim, const Tensor& index, const Tensor& src) { return scatter_add(t, dim, index, src); },
           "A copy of input with src added at index along dim: out[i][index[i][j]] += src[i][j] for dim=1.",
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
           "(values, indices) sorted along dim (stable; NaN sorts as the largest value).", py::arg("dim") = -1,
           py::arg("descending") = false, py::kw_only(), py::arg("stable") = false);
  def_both(m, cls, "argsort",
           [](const Tensor& t, int64_t dim, bool descending, bool stable) { return argsort(t, dim, descending, stable); },
           "Indices that sort input along dim (stable).", py::arg("dim") = -1, py::arg("descending") = false,
           py::kw_only(), py::arg("stable") = false);
  def_both(m, cls, "topk",
           [](const Tensor& t, int64_t k, int64_t dim, bool largest, bool sorted) {
             return pair_result(return_types().topk, topk(t, k, dim, largest, sorted));
           },
           "(values, indices) of the k largest (largest=False: smallest) elements along dim, in sorted order.",
           py::arg("k"), py::arg("dim") = -1, py::arg("largest") = true, py::arg("sorted") = true);
}

}  // namespace rustorch::python
