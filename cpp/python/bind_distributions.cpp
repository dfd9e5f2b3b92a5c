// Python bindings of the rt.distributions kernels: samplers (rt.bernoulli, rt.poisson, rt.binomial,
// rt.multinomial, rt._standard_gamma, Tensor.bernoulli_ / .bernoulli / .multinomial) and special
// functions (rt.lgamma, rt.digamma, rt.erfinv, rt.special_gammainc; Tensor.lgamma / .digamma / .erfinv).
// Called from bind_linalg (the module entry names one bind function per area).
#include "bind_common.hpp"
#include "rustorch/distributions/distributions.hpp"

namespace rustorch::python {

namespace {

namespace D = rustorch::distributions;

Generator* generator_arg(py::handle g, const char* op) {
  if (g.is_none()) return nullptr;
  RT_CHECK(py::isinstance<Generator>(g), TypeError, op, ": generator must be a rustorch.Generator, got ",
           py::str(py::type::of(g).attr("__name__")).cast<std::string>());
  return &g.cast<Generator&>();
}

Tensor as_tensor(py::handle h, const char* op) {
  return py::isinstance<TensorImpl>(h) ? h.cast<Tensor>() : operand_tensor(h, op);
}

// Adds `name` as a method of the Tensor class (bound elsewhere), chained to any existing overload.
template <class F, class... Extra>
void def_method(py::object& cls, const char* name, F&& f, const Extra&... extra) {
  cls.attr(name) = py::cpp_function(std::forward<F>(f), py::name(name), py::is_method(cls),
                                    py::sibling(py::getattr(cls, name, py::none())), extra...);
}

}  // namespace

void bind_distributions(py::module_& m) {
  // ---- Special functions ----
  m.def("lgamma", &D::lgamma, py::arg("input"), R"(log|Gamma(x)| elementwise (gradient: digamma).

Args:
    input (Tensor): the input tensor.

Returns:
    Tensor: a new tensor of ``input``'s shape with the results (inf at 0 and the negative integers).

Example:
    >>> rt.lgamma(rt.tensor([[1., 2.], [5., 0.5]]))
    tensor([[0.0000, 0.0000],
            [3.1781, 0.5724]])
    >>> rt.lgamma(rt.tensor([0., -1.])).tolist()
    [inf, inf]
)");
  m.def("digamma", &D::digamma, py::arg("input"), R"(The digamma function psi(x) = d/dx log Gamma(x).

Args:
    input (Tensor): the input tensor.

Returns:
    Tensor: a new tensor of ``input``'s shape with the results.

Example:
    >>> rt.digamma(rt.tensor([[1., 2.], [0.5, 10.]]))
    tensor([[-0.5772,  0.4228],
            [-1.9635,  2.2518]])
)");
  m.def("erfinv", &D::erfinv, py::arg("input"), R"(Inverse of erf on (-1, 1) (+-inf at +-1, NaN outside).

Args:
    input (Tensor): the input tensor.

Returns:
    Tensor: a new tensor of ``input``'s shape with the results.

Example:
    >>> rt.erfinv(rt.tensor([[0., 0.5], [-0.5, 0.9]]))
    tensor([[ 0.0000,  0.4769],
            [-0.4769,  1.1631]])
    >>> rt.erfinv(rt.tensor([1., -1., 2.])).tolist()
    [inf, -inf, nan]
)");
  m.def("special_gammainc", [](py::handle a, py::handle x) {
          return D::gammainc(as_tensor(a, "gammainc"), as_tensor(x, "gammainc"));
        }, py::arg("input"), py::arg("other"),
        R"(Regularized lower incomplete gamma function P(a, x) (torch.special.gammainc); differentiable in x.

Args:
    input (Tensor): the shape parameters a (positive).
    other (Tensor): the points x (non-negative), broadcast against ``input``.

Returns:
    Tensor: P(a, x), of the broadcast shape.

Example:
    >>> a = rt.tensor([[1., 2.], [3., 0.5]])
    >>> rt.special_gammainc(a, rt.ones(2, 2))
    tensor([[0.6321, 0.2642],
            [0.0803, 0.8427]])
    >>> rt.special_gammainc(rt.tensor([2.]), rt.tensor([0.])).tolist()
    [0.0]
)");
  m.def("_trigamma", &D::trigamma, py::arg("input"), "polygamma(1, x) (not differentiable).");

  // ---- Sampling ----
  m.def("bernoulli", [](const Tensor& input, py::object p, py::handle generator) {
          Generator* g = generator_arg(generator, "bernoulli");
          if (p.is_none()) return D::bernoulli(input, g);
          Tensor out = Tensor::empty(input.shape(), is_floating(input.dtype()) ? input.dtype() : default_float_dtype());
          if (py::isinstance<TensorImpl>(p)) return D::bernoulli_(out, p.cast<Tensor>(), g);
          return D::bernoulli_(out, p.cast<double>(), g);
        }, py::arg("input"), py::arg("p") = py::none(), py::kw_only(), py::arg("generator") = py::none(),
        R"(bernoulli(input): 1 with probability input[i], else 0 (bernoulli(input, p): with probability p).

Args:
    input (Tensor): the probabilities in [0, 1] (or, with ``p``, a tensor giving the shape of the result).
    p (float or Tensor, optional): the probability of 1 for every element; ``input``'s values when None.
        Default: None.
    generator (Generator, optional): keyword-only source of randomness; the default generator when None.
        Default: None.

Returns:
    Tensor: 0/1 samples of ``input``'s shape (``input``'s dtype when floating, else the default float).

Example:
    >>> p = rt.tensor([0., 1., 0.5])
    >>> s = rt.bernoulli(p)
    >>> s.shape, s.dtype
    ((3,), rustorch.float32)
    >>> s[:2].tolist()
    [0.0, 1.0]
    >>> rt.bernoulli(rt.zeros(2, 2), 1.).tolist()
    [[1.0, 1.0], [1.0, 1.0]]
    >>> rt.bernoulli(rt.zeros(3), p=rt.tensor([0., 1., 1.])).tolist()
    [0.0, 1.0, 1.0]
)");
  m.def("poisson", [](const Tensor& rate, py::handle generator) {
          return D::poisson(rate, generator_arg(generator, "poisson"));
        }, py::arg("input"), py::arg("generator") = py::none(), R"(Poisson counts with rates `input`.

Args:
    input (Tensor): the rates (non-negative).
    generator (Generator, optional): the source of randomness; the default generator when None. Default: None.

Returns:
    Tensor: the counts, of ``input``'s shape and dtype.

Example:
    >>> r = rt.poisson(rt.tensor([0., 3., 100.]))
    >>> r.shape, r.dtype
    ((3,), rustorch.float32)
    >>> r[0].item()
    0.0
    >>> bool((r == r.round()).all())
    True
)");
  m.def("binomial", [](py::handle count, py::handle prob, py::handle generator) {
          return D::binomial(as_tensor(count, "binomial"), as_tensor(prob, "binomial"),
                             generator_arg(generator, "binomial"));
        }, py::arg("count"), py::arg("prob"), py::arg("generator") = py::none(),
        R"(Binomial counts of `count` trials with success probability `prob` (broadcast).

Args:
    count (Tensor): the numbers of trials.
    prob (Tensor): the success probabilities in [0, 1], broadcast against ``count``.
    generator (Generator, optional): the source of randomness; the default generator when None. Default: None.

Returns:
    Tensor: the numbers of successes, of the broadcast shape.

Example:
    >>> b = rt.binomial(rt.tensor([10., 10., 5.]), rt.tensor([0., 1., 0.5]))
    >>> b.dtype
    rustorch.float32
    >>> b[:2].tolist()
    [0.0, 10.0]
    >>> bool(0 <= b[2] <= 5)
    True
)");
  m.def("multinomial", [](const Tensor& input, int64_t num_samples, bool replacement, py::handle generator) {
          return D::multinomial(input, num_samples, replacement, generator_arg(generator, "multinomial"));
        }, py::arg("input"), py::arg("num_samples"), py::arg("replacement") = false, py::kw_only(),
        py::arg("generator") = py::none(),
        R"doc(Indices drawn from the rows of `input` (non-negative weights), with or without replacement.

Index ``i`` is drawn with probability ``input[..., i] / input.sum(-1)``; without replacement, each draw
excludes the indices already drawn.

Args:
    input (Tensor): the non-negative weights: a 1-D tensor, or a 2-D tensor with one distribution per row.
    num_samples (int): the number of indices to draw from each row.
    replacement (bool): draw with replacement. Default: False.
    generator (Generator, optional): the generator to draw from; the default generator when None.

Returns:
    Tensor: the int64 indices, of shape (num_samples,) or (rows, num_samples).

Example:
    >>> w = rt.tensor([0., 1., 3.])
    >>> s = rt.multinomial(w, 4, replacement=True)
    >>> s.shape, s.dtype
    ((4,), rustorch.int64)
    >>> bool((s > 0).all())
    True
    >>> sorted(rt.multinomial(w, 2).tolist())
    [1, 2]
)doc");
  m.def("_standard_gamma", [](const Tensor& alpha, py::handle generator) {
          return D::standard_gamma(alpha, generator_arg(generator, "_standard_gamma"));
        }, py::arg("input"), py::arg("generator") = py::none(),
        "Gamma(alpha, 1) samples; differentiable in alpha (implicit reparameterisation).");
  m.def("_standard_gamma_grad", &D::standard_gamma_grad, py::arg("input"), py::arg("output"),
        "d sample / d alpha of standard gamma samples.");

  // ---- Tensor methods ----
  py::object cls = m.attr("Tensor");
  def_method(cls, "lgamma", [](const Tensor& t) { return D::lgamma(t); }, "log|Gamma(x)| elementwise (gradient: digamma).");
  def_method(cls, "digamma", [](const Tensor& t) { return D::digamma(t); }, "The digamma function psi(x) = d/dx log Gamma(x).");
  def_method(cls, "erfinv", [](const Tensor& t) { return D::erfinv(t); }, "Inverse of erf on (-1, 1) (+-inf at +-1, NaN outside).");
  def_method(cls, "bernoulli_", [](const Tensor& t, py::object p, py::handle generator) {
               Generator* g = generator_arg(generator, "bernoulli_");
               if (py::isinstance<TensorImpl>(p)) D::bernoulli_(t, p.cast<Tensor>(), g);
               else D::bernoulli_(t, p.cast<double>(), g);
               return t;
             }, py::arg("p") = 0.5, py::kw_only(), py::arg("generator") = py::none(),
             "Fills the tensor in place with 1 with probability p (a number or a tensor), else 0.");
  def_method(cls, "bernoulli", [](const Tensor& t, py::handle generator) {
               return D::bernoulli(t, generator_arg(generator, "bernoulli"));
             }, py::kw_only(), py::arg("generator") = py::none(),
             "0/1 samples, 1 with the probability given by each element of this tensor.");
  def_method(cls, "multinomial", [](const Tensor& t, int64_t n, bool replacement, py::handle generator) {
               return D::multinomial(t, n, replacement, generator_arg(generator, "multinomial"));
             }, py::arg("num_samples"), py::arg("replacement") = false, py::kw_only(),
             py::arg("generator") = py::none(),
             "num_samples category indices per row, drawn with probabilities proportional to the row's weights.");
}

}  // namespace rustorch::python
