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
      "One recurrent layer in one direction over a time-major input (T, B, input_size), run in C++ with fused "
      "gate kernels and a BPTT backward. mode: 'RNN_TANH', 'RNN_RELU', 'LSTM' (gates i, f, g, o) or 'GRU' "
      "(gates r, z, n). hx (B, P); cx (B, hidden_size) for LSTM; weight_ih (G*hidden, input_size); weight_hh "
      "(G*hidden, P); weight_hr (P, hidden) projects an LSTM's state (else P = hidden). batch_sizes: active "
      "sequences per step of a batch sorted by decreasing length (packed input). Returns (output (T, B, P), h_n) "
      "and, for LSTM, c_n.");
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
