// Recurrent layers (Elman RNN with tanh/relu, LSTM with optional projection, GRU): one layer in one
// direction as a single differentiable op whose time loop, fused gate kernels and BPTT backward run
// in C++. Stacking layers, directions and inter-layer dropout is done by the caller (rt.nn.LSTM).
#pragma once
#include <string>
#include <vector>

#include "rustorch/core/tensor.hpp"

namespace rustorch::nn {

enum class RnnMode { RnnTanh, RnnRelu, Lstm, Gru };

// "RNN_TANH" / "RNN_RELU" / "LSTM" / "GRU" (PyTorch's mode names); ValueError otherwise.
RnnMode parse_rnn_mode(const std::string& mode);

// Number of gate blocks stacked in weight_ih / weight_hh: 1 (RNN), 4 (LSTM: i, f, g, o), 3 (GRU: r, z, n).
int64_t rnn_gate_count(RnnMode mode);

// One recurrent layer over a time-major sequence.
//   input (T, B, I); h0 (B, P); c0 (B, H) for LSTM (undefined otherwise);
//   w_ih (G*H, I); w_hh (G*H, P); b_ih, b_hh (G*H,) or both undefined; w_hr (P, H) for an LSTM
//   with projection (undefined otherwise; then P = H).
// reverse runs the sequence from the last step to the first. batch_sizes (empty, or T values,
// non-increasing) gives the number of active sequences per time step of a packed batch sorted by
// decreasing length: rows b >= batch_sizes[t] keep their state and output zeros at step t.
// Returns {output (T, B, P), h_n (B, P)} and, for LSTM, c_n (B, H).
// The gradient is an exact BPTT kernel; under create_graph it is recomputed with differentiable
// ops, so second derivatives work too.
TensorList rnn_layer(const Tensor& input, const Tensor& h0, const Tensor& c0, const Tensor& w_ih, const Tensor& w_hh,
                     const Tensor& b_ih, const Tensor& b_hh, const Tensor& w_hr, const std::string& mode, bool reverse,
                     const std::vector<int64_t>& batch_sizes);

// The same computation written with differentiable tensor ops (a step-by-step reference; used
// for second derivatives and in the tests).
TensorList rnn_layer_composite(const Tensor& input, const Tensor& h0, const Tensor& c0, const Tensor& w_ih,
                               const Tensor& w_hh, const Tensor& b_ih, const Tensor& b_hh, const Tensor& w_hr,
                               RnnMode mode, bool reverse, const std::vector<int64_t>& batch_sizes);

}  // namespace rustorch::nn
