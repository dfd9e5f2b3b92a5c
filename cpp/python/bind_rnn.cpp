// Python bindings of the recurrent-layer op (rt.rnn_layer; rt.nn.RNN / LSTM / GRU and the cells
// stack it over layers and directions).
#include "bind_common.hpp"
#include "rustorch/nn/rnn.hpp"

namespace rustorch::python {

namespace {

using OptTensor = std::optional<Tensor>;

Tensor opt(const OptTensor& t) { return t ? *t : Tensor(); }

py::tuple as_tuple(const TensorList& r) {
  py::tuple out(r.size());
  for (size_t i = 0; i < r.size(); ++i) out[i] = py::cast(r[i]);
  return out;
}

}  // namespace

void bind_rnn(py::module_& m) {
  m.def(
      "rnn_layer",
      [](const Tensor& input, const Tensor& hx, const OptTensor& cx, const Tensor& weight_ih, const Tensor& weight_hh,
         const OptTensor& bias_ih, const OptTensor& bias_hh, const OptTensor& weight_hr, const std::string& mode,
         bool reverse, const std::vector<int64_t>& batch_sizes) {
        return as_tuple(nn::rnn_layer(input, hx, opt(cx), weight_ih, weight_hh, opt(bias_ih), opt(bias_hh),
                                      opt(weight_hr), mode, reverse, batch_sizes));
      },
      py::arg("input"), py::arg("hx"), py::arg("cx") = py::none(), py::arg("weight_ih"), py::arg("weight_hh"),
      py::arg("bias_ih") = py::none(), py::arg("bias_hh") = py::none(), py::arg("weight_hr") = py::none(),
      py::arg("mode") = "LSTM", py::arg("reverse") = false, py::arg("batch_sizes") = std::vector<int64_t>{},
      R"(One recurrent layer in one direction over a time-major input (T, B, input_size), run in C++ with fused gate
kernels and a BPTT backward. mode: 'RNN_TANH', 'RNN_RELU', 'LSTM' (gates i, f, g, o) or 'GRU' (gates r, z, n).
hx (B, P); cx (B, hidden_size) for LSTM; weight_ih (G*hidden, input_size); weight_hh (G*hidden, P); weight_hr
(P, hidden) projects an LSTM's state (else P = hidden). batch_sizes: active sequences per step of a batch sorted
by decreasing length (packed input). Returns (output (T, B, P), h_n) and, for LSTM, c_n.

Args:
    input (Tensor): the time-major input, (T, B, input_size); with ``batch_sizes``, the packed data
        (sum(batch_sizes), input_size).
    hx (Tensor): the initial hidden state, (B, P).
    cx (Tensor, optional): the initial cell state of an LSTM, (B, hidden_size). Default: None.
    weight_ih (Tensor): the input weights, (G * hidden_size, input_size), G = 1 (RNN), 4 (LSTM) or 3 (GRU).
    weight_hh (Tensor): the recurrent weights, (G * hidden_size, P).
    bias_ih (Tensor, optional): the input bias, (G * hidden_size,). Default: None.
    bias_hh (Tensor, optional): the recurrent bias, (G * hidden_size,). Default: None.
    weight_hr (Tensor, optional): the LSTM projection, (P, hidden_size). Default: None.
    mode (str): ``'RNN_TANH'``, ``'RNN_RELU'``, ``'LSTM'`` or ``'GRU'``. Default: ``'LSTM'``.
    reverse (bool): run from the last time step to the first. Default: False.
    batch_sizes (list of ints): the active sequences per step of a packed input; empty for a padded one.
        Default: [].

Returns:
    tuple of Tensors: ``(output, h_n)``, and ``(output, h_n, c_n)`` for LSTM: output (T, B, P), h_n (B, P),
    c_n (B, hidden_size).

Example:
    >>> T, B, I, H = 5, 2, 3, 4
    >>> x, h0, c0 = rt.randn(T, B, I), rt.zeros(B, H), rt.zeros(B, H)
    >>> out, h, c = rt.rnn_layer(x, h0, c0, rt.randn(4 * H, I), rt.randn(4 * H, H))
    >>> tuple(out.shape), tuple(h.shape), tuple(c.shape)
    ((5, 2, 4), (2, 4), (2, 4))
    >>> rt.equal(out[-1], h)
    True
    >>> out, h = rt.rnn_layer(x, h0, None, rt.randn(3 * H, I), rt.randn(3 * H, H), mode='GRU', reverse=True)
    >>> rt.equal(out[0], h)
    True
)");
  m.def(
      "_rnn_layer_composite",
      [](const Tensor& input, const Tensor& hx, const OptTensor& cx, const Tensor& weight_ih, const Tensor& weight_hh,
         const OptTensor& bias_ih, const OptTensor& bias_hh, const OptTensor& weight_hr, const std::string& mode,
         bool reverse, const std::vector<int64_t>& batch_sizes) {
        return as_tuple(nn::rnn_layer_composite(input, hx, opt(cx), weight_ih, weight_hh, opt(bias_ih), opt(bias_hh),
                                                opt(weight_hr), nn::parse_rnn_mode(mode), reverse, batch_sizes));
      },
      py::arg("input"), py::arg("hx"), py::arg("cx") = py::none(), py::arg("weight_ih"), py::arg("weight_hh"),
      py::arg("bias_ih") = py::none(), py::arg("bias_hh") = py::none(), py::arg("weight_hr") = py::none(),
      py::arg("mode") = "LSTM", py::arg("reverse") = false, py::arg("batch_sizes") = std::vector<int64_t>{},
      "rnn_layer written step by step with differentiable tensor ops (the reference the fused kernel is tested "
      "against).");
}

}  // namespace rustorch::python
