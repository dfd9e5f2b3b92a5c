// Recurrent layers: one layer, one direction, as one op.
//
// Forward: one GEMM projects the inputs of all time steps (T*B rows) at once; each step then runs
// one GEMM for the hidden projection (accumulated into that step's gate rows) and one fused,
// vectorized kernel for the gate nonlinearities and the state update. Intermediate values the
// backward needs (activated gates, all hidden/cell states) stay in buffers saved on the node.
// Backward (BPTT): per step one fused kernel gives the gate gradients and one GEMM carries the
// hidden gradient back a step; the weight and input gradients are then three GEMMs over all steps.
// Under create_graph the gradient is recomputed through rnn_layer_composite (differentiable ops).
#include "rustorch/nn/rnn.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "rustorch/autograd/engine.hpp"
#include "rustorch/autograd/function.hpp"
#include "rustorch/autograd/grad_mode.hpp"
#include "rustorch/core/parallel.hpp"
#include "rustorch/nn/common.hpp"
#include "rustorch/nn/packed_gemm.hpp"
#include "rustorch/ops/copy.hpp"
#include "rustorch/ops/elementwise.hpp"
#include "rustorch/ops/factory.hpp"
#include "rustorch/ops/index.hpp"
#include "rustorch/ops/matmul.hpp"
#include "rustorch/ops/registry.hpp"
#include "rustorch/ops/shape.hpp"

namespace rustorch::nn {

using autograd::BackwardContext;

RT_REGISTER_OP("rnn_layer", true);

RnnMode parse_rnn_mode(const std::string& mode) {
  if (mode == "RNN_TANH") return RnnMode::RnnTanh;
  if (mode == "RNN_RELU") return RnnMode::RnnRelu;
  if (mode == "LSTM") return RnnMode::Lstm;
  if (mode == "GRU") return RnnMode::Gru;
  RT_CHECK(false, ValueError, "rnn_layer: unknown mode '", mode, "' (expected RNN_TANH, RNN_RELU, LSTM or GRU)");
  return RnnMode::RnnTanh;
}

int64_t rnn_gate_count(RnnMode mode) {
  switch (mode) {
    case RnnMode::Lstm: return 4;
    case RnnMode::Gru: return 3;
    default: return 1;
  }
}

namespace {

// Sizes of one layer: T steps, B sequences, I input features, H hidden (cell) size, P output
// (hidden state) size (= H unless an LSTM projects), G gate blocks.
struct RnnGeom {
  RnnMode mode = RnnMode::Lstm;
  int64_t T = 0, B = 0, I = 0, H = 0, P = 0, G = 1;
  bool reverse = false, bias = false, proj = false;
  std::vector<int64_t> batch_sizes;  // T values (all B when not packed)
  int64_t GH() const { return G * H; }
  // hbuf / cbuf hold T + 1 states: slot of the state entering step t and of the one leaving it.
  int64_t prev_slot(int64_t t) const { return reverse ? t + 1 : t; }
  int64_t cur_slot(int64_t t) const { return reverse ? t : t + 1; }
  int64_t final_slot() const { return reverse ? 0 : T; }
  int64_t first_slot() const { return reverse ? T : 0; }
  int64_t step_time(int64_t s) const { return reverse ? T - 1 - s : s; }
};

void check_shape(const Tensor& t, const Shape& expected, const char* what) {
  RT_CHECK(t.shape() == expected, ValueError, "rnn_layer: expected ", what, " of shape ", shape_str(expected),
           ", got ", shape_str(t.shape()));
}

RnnGeom make_geom(const Tensor& input, const Tensor& h0, const Tensor& c0, const Tensor& w_ih, const Tensor& w_hh,
                  const Tensor& b_ih, const Tensor& b_hh, const Tensor& w_hr, RnnMode mode, bool reverse,
                  const std::vector<int64_t>& batch_sizes) {
  RnnGeom g;
  g.mode = mode;
  g.reverse = reverse;
  g.G = rnn_gate_count(mode);
  RT_CHECK(input.defined() && input.dim() == 3, ValueError, "rnn_layer: expected input of shape (T, B, input_size), got ",
           input.defined() ? shape_str(input.shape()) : std::string("None"));
  check_floating(input, "rnn_layer", "input");
  const DType dt = input.dtype();
  g.T = input.size(0);
  g.B = input.size(1);
  g.I = input.size(2);
  RT_CHECK(g.T > 0 && g.B > 0, ValueError, "rnn_layer: expected a non-empty sequence and batch, got input of shape ",
           shape_str(input.shape()));
  RT_CHECK(w_ih.defined() && w_ih.dim() == 2 && w_ih.size(0) % g.G == 0 && w_ih.size(0) > 0, ValueError,
           "rnn_layer: weight_ih must have shape (", g.G, " * hidden_size, input_size), got ",
           w_ih.defined() ? shape_str(w_ih.shape()) : std::string("None"));
  g.H = w_ih.size(0) / g.G;
  RT_CHECK(w_ih.size(1) == g.I, ValueError, "rnn_layer: input has ", g.I, " features but weight_ih of shape ",
           shape_str(w_ih.shape()), " expects ", w_ih.size(1));
  g.proj = w_hr.defined();
  RT_CHECK(!g.proj || mode == RnnMode::Lstm, ValueError, "rnn_layer: a projection weight (proj_size) is only supported for LSTM");
  if (g.proj) {
    RT_CHECK(w_hr.dim() == 2 && w_hr.size(1) == g.H && w_hr.size(0) > 0 && w_hr.size(0) < g.H, ValueError,
             "rnn_layer: weight_hr must have shape (proj_size, ", g.H, ") with 0 < proj_size < hidden_size, got ",
             shape_str(w_hr.shape()));
    g.P = w_hr.size(0);
  } else {
    g.P = g.H;
  }
  check_shape(w_hh, {g.GH(), g.P}, "weight_hh");
  RT_CHECK(b_ih.defined() == b_hh.defined(), ValueError, "rnn_layer: bias_ih and bias_hh must both be given or both be None");
  g.bias = b_ih.defined();
  if (g.bias) {
    check_shape(b_ih, {g.GH()}, "bias_ih");
    check_shape(b_hh, {g.GH()}, "bias_hh");
  }
  RT_CHECK(h0.defined(), ValueError, "rnn_layer: the initial hidden state h0 is required");
  check_shape(h0, {g.B, g.P}, "h0");
  if (mode == RnnMode::Lstm) {
    RT_CHECK(c0.defined(), ValueError, "rnn_layer: the initial cell state c0 is required for LSTM");
    check_shape(c0, {g.B, g.H}, "c0");
  } else {
    RT_CHECK(!c0.defined(), ValueError, "rnn_layer: a cell state c0 is only used by LSTM");
  }
  for (const Tensor* t : {&h0, &c0, &w_ih, &w_hh, &b_ih, &b_hh, &w_hr})
    if (t->defined()) check_same_dtype(*t, dt, "rnn_layer", "every weight and state");
  if (batch_sizes.empty()) {
    g.batch_sizes.assign(static_cast<size_t>(g.T), g.B);
  } else {
    RT_CHECK(static_cast<int64_t>(batch_sizes.size()) == g.T, ValueError, "rnn_layer: batch_sizes has ",
             batch_sizes.size(), " entries for a sequence of length ", g.T);
    for (size_t t = 0; t < batch_sizes.size(); ++t) {
      RT_CHECK(batch_sizes[t] >= 0 && batch_sizes[t] <= g.B && (t == 0 || batch_sizes[t] <= batch_sizes[t - 1]),
               ValueError, "rnn_layer: batch_sizes must be non-increasing values in [0, ", g.B, "], got ",
               batch_sizes[t], " at step ", t);
    }
    g.batch_sizes = batch_sizes;
  }
  return g;
}

// ---------------------------------------------------------------------------------------------
// Vectorized gate math

using simd::Vec;

template <class T> inline Vec<T> loadn(const T* p, int64_t n) {
  if (n == simd::lanes<T>) return simd::load(p);
  Vec<T> v{};
  for (int64_t k = 0; k < n; ++k) v[k] = p[k];
  return v;
}
template <class T> inline void storen(T* p, Vec<T> v, int64_t n) {
  if (n == simd::lanes<T>) return simd::store(p, v);
  for (int64_t k = 0; k < n; ++k) p[k] = v[k];
}
template <class T> inline Vec<T> vsigmoid(Vec<T> x) { return T(1) / (T(1) + simd::exp<T>(-x)); }
// tanh(x) = sign(x) (1 - e) / (1 + e) with e = exp(-2|x|) <= 1 (no overflow).
template <class T> inline Vec<T> vtanh(Vec<T> x) {
  const Vec<T> ax = x < T(0) ? -x : x;
  const Vec<T> e = simd::exp<T>(T(-2) * ax);
  const Vec<T> r = (T(1) - e) / (T(1) + e);
  return x < T(0) ? -r : r;
}

// Runs f(row0, row1) over the active rows of a step, in parallel when the step is large.
template <class F> void for_rows(int64_t rows, int64_t width, F f) {
  parallel_for(rows, std::max<int64_t>(1, 16384 / std::max<int64_t>(width, 1)), f);
}

// The right operand B (K x N; element (k, n) at b[k * stride_k + n * stride_n]) of the layer's
// GEMMs. float32 on an AVX-512 CPU packs it once for the packed kernels (reused at every step);
// otherwise BLAS reads it, from a transposed copy when B is a transposed view (OpenBLAS multiplies
// by a contiguous (K, N) operand ~25% faster than by a transposed one).
template <class T> struct RightMatrix {
  const T* b = nullptr;
  int64_t ldb = 0, K = 0, N = 0;
  PackedMatrix packed;
  Tensor copy;
  RightMatrix(const T* src, int64_t stride_k, int64_t stride_n, int64_t K_, int64_t N_, DType dt) : K(K_), N(N_) {
    if (K == 0 || N == 0) return;
    if constexpr (std::is_same_v<T, float>) {
      if (packed_gemm_available()) {
        packed = PackedMatrix(src, stride_k, stride_n, K, N);
        return;
      }
    }
    if (stride_n == 1 && (K == 1 || stride_k >= N)) {  // rows of B are contiguous
      b = src;
      ldb = K == 1 ? N : stride_k;
      return;
    }
    copy = Tensor::empty({K, N}, dt);
    T* dst = copy.data<T>();
    constexpr int64_t blk = 32;
    for (int64_t n0 = 0; n0 < N; n0 += blk)
      for (int64_t k0 = 0; k0 < K; k0 += blk)
        for (int64_t n = n0; n < std::min(N, n0 + blk); ++n)
          for (int64_t k = k0; k < std::min(K, k0 + blk); ++k) dst[k * N + n] = src[k * stride_k + n * stride_n];
    b = dst;
    ldb = N;
  }
};

// C (M x N) = beta C + op(A) B with op(A) = A (M x K, leading dimension lda) or, with trans_a,
// the transpose of A (K x M).
template <class T>
void matmul_into(int64_t M, bool trans_a, const T* a, int64_t lda, const RightMatrix<T>& B, T beta, T* c, int64_t ldc) {
  if (M == 0) return;
  if constexpr (std::is_same_v<T, float>) {
    if (B.packed.defined()) {
      packed_gemm(M, a, trans_a ? 1 : lda, trans_a ? lda : 1, B.packed, beta, c, ldc);
      return;
    }
  }
  gemm(trans_a, false, M, B.N, B.K, T(1), a, lda, B.b, B.ldb, beta, c, ldc);
}

// Buffers of one forward pass (saved for the backward).
struct RnnBuffers {
  Tensor gates;  // (T, B, G*H): activated gates (LSTM i, f, g, o; GRU r, z, n; RNN the new state)
  Tensor hbuf;   // (T + 1, B, P): hidden states, slot by prev_slot / cur_slot
  Tensor cbuf;   // LSTM (T + 1, B, H): cell states
  Tensor tcbuf;  // LSTM (T, B, H): tanh of the new cell state
  Tensor mbuf;   // LSTM with projection (T, B, H): o * tanh(c) before the projection
  Tensor hnbuf;  // GRU (T, B, H): W_hn h + b_hn (the part r multiplies)
};

template <class T>
void rnn_forward_kernel(const RnnGeom& g, const Tensor& x, const Tensor& h0, const Tensor& c0, const Tensor& w_ih,
                        const Tensor& w_hh, const Tensor& b_ih, const Tensor& b_hh, const Tensor& w_hr,
                        RnnBuffers& buf, Tensor& y) {
  const int64_t T_ = g.T, B = g.B, H = g.H, P = g.P, GH = g.GH(), TB = g.T * g.B;
  const DType dt = x.dtype();
  buf.gates = Tensor::empty({T_, B, GH}, dt);
  buf.hbuf = Tensor::empty({T_ + 1, B, P}, dt);
  const bool lstm = g.mode == RnnMode::Lstm, gru = g.mode == RnnMode::Gru;
  if (lstm) {
    buf.cbuf = Tensor::empty({T_ + 1, B, H}, dt);
    buf.tcbuf = Tensor::empty({T_, B, H}, dt);
    if (g.proj) buf.mbuf = Tensor::empty({T_, B, H}, dt);
  }
  if (gru) buf.hnbuf = Tensor::empty({T_, B, H}, dt);
  T* gates = buf.gates.data<T>();
  T* hb = buf.hbuf.data<T>();
  T* cb = lstm ? buf.cbuf.data<T>() : nullptr;
  T* tcb = lstm ? buf.tcbuf.data<T>() : nullptr;
  T* mb = g.proj ? buf.mbuf.data<T>() : nullptr;
  T* hnb = gru ? buf.hnbuf.data<T>() : nullptr;
  // The GEMMs multiply by the transposed weights: W_ih^T (I x GH), W_hh^T (P x GH), W_hr^T (H x P).
  const RightMatrix<T> wih(w_ih.data<T>(), 1, g.I, g.I, GH, dt), whh(w_hh.data<T>(), 1, P, P, GH, dt);
  const RightMatrix<T> whr(g.proj ? w_hr.data<T>() : nullptr, 1, H, g.proj ? H : 0, g.proj ? P : 0, dt);
  const T* bih = g.bias ? b_ih.data<T>() : nullptr;
  const T* bhh = g.bias ? b_hh.data<T>() : nullptr;

  // Input projection of every step at once, with the biases folded in (GRU adds b_hh with its
  // hidden projection each step, since r multiplies b_hn).
  if (g.bias) {
    std::vector<T> brow(static_cast<size_t>(GH));
    for (int64_t k = 0; k < GH; ++k) brow[k] = bih[k] + (gru ? T(0) : bhh[k]);
    for (int64_t r = 0; r < TB; ++r) std::memcpy(gates + r * GH, brow.data(), sizeof(T) * GH);
  }
  matmul_into(TB, false, x.data<T>(), g.I, wih, g.bias ? T(1) : T(0), gates, GH);

  std::memcpy(hb + g.first_slot() * B * P, h0.data<T>(), sizeof(T) * B * P);
  if (lstm) std::memcpy(cb + g.first_slot() * B * H, c0.data<T>(), sizeof(T) * B * H);
  Buffer<T> hg_scratch(gru ? B * GH : 0);
  constexpr int64_t V = simd::lanes<T>;

  for (int64_t s = 0; s < T_; ++s) {
    const int64_t t = g.step_time(s), bs = g.batch_sizes[t];
    T* hp = hb + g.prev_slot(t) * B * P;
    T* hc = hb + g.cur_slot(t) * B * P;
    T* gt = gates + t * B * GH;
    // Finished sequences (packed input) keep their state.
    if (bs < B) std::memcpy(hc + bs * P, hp + bs * P, sizeof(T) * (B - bs) * P);
    if (lstm && bs < B)
      std::memcpy(cb + g.cur_slot(t) * B * H + bs * H, cb + g.prev_slot(t) * B * H + bs * H, sizeof(T) * (B - bs) * H);
    if (bs == 0) continue;
    if (lstm) {
      matmul_into(bs, false, hp, P, whh, T(1), gt, GH);
      const T* cp = cb + g.prev_slot(t) * B * H;
      T* cc = cb + g.cur_slot(t) * B * H;
      T* tc = tcb + t * B * H;
      T* m = g.proj ? mb + t * B * H : hc;  // without projection o * tanh(c) is the new state (P == H)
      for_rows(bs, GH, [&](int64_t r0, int64_t r1) {
        for (int64_t b = r0; b < r1; ++b) {
          T* gr = gt + b * GH;
          for (int64_t j = 0; j < H; j += V) {
            const int64_t n = std::min<int64_t>(V, H - j);
            const Vec<T> i = vsigmoid<T>(loadn(gr + j, n)), f = vsigmoid<T>(loadn(gr + H + j, n));
            const Vec<T> gg = vtanh<T>(loadn(gr + 2 * H + j, n)), o = vsigmoid<T>(loadn(gr + 3 * H + j, n));
            const Vec<T> c = f * loadn(cp + b * H + j, n) + i * gg;
            const Vec<T> th = vtanh<T>(c);
            storen(gr + j, i, n);
            storen(gr + H + j, f, n);
            storen(gr + 2 * H + j, gg, n);
            storen(gr + 3 * H + j, o, n);
            storen(cc + b * H + j, c, n);
            storen(tc + b * H + j, th, n);
            storen(m + b * H + j, o * th, n);
          }
        }
      });
      if (g.proj) matmul_into(bs, false, m, H, whr, T(0), hc, P);
    } else if (gru) {
      T* hg = hg_scratch.get();
      if (g.bias)
        for (int64_t b = 0; b < bs; ++b) std::memcpy(hg + b * GH, bhh, sizeof(T) * GH);
      matmul_into(bs, false, hp, P, whh, g.bias ? T(1) : T(0), hg, GH);
      T* hn = hnb + t * B * H;
      for_rows(bs, GH, [&](int64_t r0, int64_t r1) {
        for (int64_t b = r0; b < r1; ++b) {
          T* gr = gt + b * GH;
          const T* hr = hg + b * GH;
          for (int64_t j = 0; j < H; j += V) {
            const int64_t n = std::min<int64_t>(V, H - j);
            const Vec<T> r = vsigmoid<T>(loadn(gr + j, n) + loadn(hr + j, n));
            const Vec<T> z = vsigmoid<T>(loadn(gr + H + j, n) + loadn(hr + H + j, n));
            const Vec<T> hnv = loadn(hr + 2 * H + j, n);
            const Vec<T> nn = vtanh<T>(loadn(gr + 2 * H + j, n) + r * hnv);
            const Vec<T> h = nn + z * (loadn(hp + b * P + j, n) - nn);
            storen(gr + j, r, n);
            storen(gr + H + j, z, n);
            storen(gr + 2 * H + j, nn, n);
            storen(hn + b * H + j, hnv, n);
            storen(hc + b * P + j, h, n);
          }
        }
      });
    } else {
      matmul_into(bs, false, hp, P, whh, T(1), gt, GH);
      const bool relu = g.mode == RnnMode::RnnRelu;
      for_rows(bs, GH, [&](int64_t r0, int64_t r1) {
        for (int64_t b = r0; b < r1; ++b) {
          T* gr = gt + b * GH;
          for (int64_t j = 0; j < H; j += V) {
            const int64_t n = std::min<int64_t>(V, H - j);
            const Vec<T> a = loadn(gr + j, n);
            const Vec<T> h = relu ? (a > T(0) ? a : Vec<T>{}) : vtanh<T>(a);
            storen(gr + j, h, n);
            storen(hc + b * P + j, h, n);
          }
        }
      });
    }
  }

  // Output: the new state of each active row, zeros for finished sequences.
  y = Tensor::empty({T_, B, P}, dt);
  T* yp = y.data<T>();
  for (int64_t t = 0; t < T_; ++t) {
    const int64_t bs = g.batch_sizes[t];
    std::memcpy(yp + t * B * P, hb + g.cur_slot(t) * B * P, sizeof(T) * bs * P);
    if (bs < B) std::memset(yp + t * B * P + bs * P, 0, sizeof(T) * (B - bs) * P);
  }
}

// Column sums of a (rows, cols) matrix: blocks of 64 rows summed in T (vectorized), the block
// sums accumulated in double, in a fixed order.
template <class T> void column_sum(const T* m, int64_t rows, int64_t cols, T* out) {
  std::vector<double> acc(static_cast<size_t>(cols), 0.0);
  std::vector<T> block(static_cast<size_t>(cols));
  for (int64_t r0 = 0; r0 < rows; r0 += 64) {
    std::fill(block.begin(), block.end(), T(0));
    T* bl = block.data();
    for (int64_t r = r0; r < std::min(rows, r0 + 64); ++r) {
      const T* row = m + r * cols;
      for (int64_t c = 0; c < cols; ++c) bl[c] += row[c];
    }
    for (int64_t c = 0; c < cols; ++c) acc[c] += static_cast<double>(bl[c]);
  }
  for (int64_t c = 0; c < cols; ++c) out[c] = static_cast<T>(acc[c]);
}

// Gradients of the inputs (input, h0, c0, w_ih, w_hh, b_ih, b_hh, w_hr); undefined where not needed.
template <class T>
TensorList rnn_backward_kernel(const RnnGeom& g, const Tensor& x, const Tensor& w_ih, const Tensor& w_hh,
                               const Tensor& w_hr, const RnnBuffers& buf, const Tensor& gy_in, const Tensor& ghn_in,
                               const Tensor& gcn_in, const std::vector<bool>& need) {
  const int64_t T_ = g.T, B = g.B, H = g.H, P = g.P, GH = g.GH(), TB = g.T * g.B;
  const DType dt = x.dtype();
  const bool lstm = g.mode == RnnMode::Lstm, gru = g.mode == RnnMode::Gru;
  const Tensor gy = contiguous_as(gy_in, dt), ghn = contiguous_as(ghn_in, dt);
  const T* gyp = gy.data<T>();
  const T* gates = buf.gates.data<T>();
  const T* hb = buf.hbuf.data<T>();
  const RightMatrix<T> whh(w_hh.data<T>(), P, 1, GH, P, dt);
  const RightMatrix<T> whr(g.proj ? w_hr.data<T>() : nullptr, H, 1, g.proj ? P : 0, g.proj ? H : 0, dt);

  Tensor dh_t = clone(ghn);
  T* dh = dh_t.data<T>();
  Tensor dc_t;
  T* dc = nullptr;
  if (lstm) {
    dc_t = clone(contiguous_as(gcn_in, dt));
    dc = dc_t.data<T>();
  }
  // Gate gradients w.r.t. the pre-activations of the input projection (dgx) and the hidden
  // projection (dgh; the same as dgx except for GRU's n gate). Every row is written at every step
  // unless the batch is packed; then rows of finished sequences must stay 0.
  bool packed = false;
  for (int64_t bs : g.batch_sizes) packed |= bs < B;
  auto gate_grads = [&] { return packed ? zeros({T_, B, GH}, dt) : Tensor::empty({T_, B, GH}, dt); };
  Tensor dgx_t = gate_grads();
  Tensor dgh_t = gru ? gate_grads() : dgx_t;
  Tensor dhp_t = g.proj ? zeros({T_, B, P}, dt) : Tensor();  // dL/dh at each step (for weight_hr)
  T* dgx = dgx_t.data<T>();
  T* dgh = dgh_t.data<T>();
  Buffer<T> dm_scratch(g.proj ? B * H : 0);

  for (int64_t s = T_ - 1; s >= 0; --s) {
    const int64_t t = g.step_time(s), bs = g.batch_sizes[t];
    if (bs == 0) continue;
    const T* gyt = gyp + t * B * P;
    for (int64_t k = 0; k < bs * P; ++k) dh[k] += gyt[k];
    const T* gt = gates + t * B * GH;
    T* dgt = dgx + t * B * GH;
    if (lstm) {
      const T* dm = dh;
      if (g.proj) {
        std::memcpy(dhp_t.data<T>() + t * B * P, dh, sizeof(T) * bs * P);
        matmul_into(bs, false, dh, P, whr, T(0), dm_scratch.get(), H);
        dm = dm_scratch.get();
      }
      const T* cp = buf.cbuf.data<T>() + g.prev_slot(t) * B * H;
      const T* tc = buf.tcbuf.data<T>() + t * B * H;
      for_rows(bs, GH, [&](int64_t r0, int64_t r1) {
        for (int64_t b = r0; b < r1; ++b) {
          const T* gr = gt + b * GH;
          T* dg = dgt + b * GH;
          const T* dmr = dm + b * H;
          const T* tcr = tc + b * H;
          const T* cpr = cp + b * H;
          T* dcr = dc + b * H;
          for (int64_t j = 0; j < H; ++j) {
            const T i = gr[j], f = gr[H + j], gg = gr[2 * H + j], o = gr[3 * H + j], th = tcr[j];
            const T dcc = dcr[j] + dmr[j] * o * (T(1) - th * th);
            dg[j] = dcc * gg * i * (T(1) - i);
            dg[H + j] = dcc * cpr[j] * f * (T(1) - f);
            dg[2 * H + j] = dcc * i * (T(1) - gg * gg);
            dg[3 * H + j] = dmr[j] * th * o * (T(1) - o);
            dcr[j] = dcc * f;
          }
        }
      });
      matmul_into(bs, false, dgt, GH, whh, T(0), dh, P);
    } else if (gru) {
      const T* hp = hb + g.prev_slot(t) * B * P;
      const T* hn = buf.hnbuf.data<T>() + t * B * H;
      T* dght = dgh + t * B * GH;
      for_rows(bs, GH, [&](int64_t r0, int64_t r1) {
        for (int64_t b = r0; b < r1; ++b) {
          const T* gr = gt + b * GH;
          T* dg = dgt + b * GH;
          T* dgr = dght + b * GH;
          T* dhr = dh + b * P;
          const T* hpr = hp + b * P;
          const T* hnr = hn + b * H;
          for (int64_t j = 0; j < H; ++j) {
            const T r = gr[j], z = gr[H + j], n = gr[2 * H + j], d = dhr[j];
            const T dn = d * (T(1) - z) * (T(1) - n * n);
            const T dr = dn * hnr[j] * r * (T(1) - r);
            const T dz = d * (hpr[j] - n) * z * (T(1) - z);
            dg[j] = dr;
            dg[H + j] = dz;
            dg[2 * H + j] = dn;
            dgr[j] = dr;
            dgr[H + j] = dz;
            dgr[2 * H + j] = dn * r;
            dhr[j] = d * z;
          }
        }
      });
      matmul_into(bs, false, dght, GH, whh, T(1), dh, P);
    } else {
      const bool relu = g.mode == RnnMode::RnnRelu;
      for_rows(bs, GH, [&](int64_t r0, int64_t r1) {
        for (int64_t b = r0; b < r1; ++b) {
          const T* hr = gt + b * GH;
          T* dg = dgt + b * GH;
          const T* dhr = dh + b * P;
          for (int64_t j = 0; j < H; ++j)
            dg[j] = relu ? (hr[j] > T(0) ? dhr[j] : T(0)) : dhr[j] * (T(1) - hr[j] * hr[j]);
        }
      });
      matmul_into(bs, false, dgt, GH, whh, T(0), dh, P);
    }
  }

  TensorList out(8);
  if (need[0]) {
    out[0] = Tensor::empty({T_, B, g.I}, dt);
    matmul_into(TB, false, dgx, GH, RightMatrix<T>(w_ih.data<T>(), g.I, 1, GH, g.I, dt), T(0), out[0].data<T>(), g.I);
  }
  if (need[1]) out[1] = dh_t;
  if (need[2] && lstm) out[2] = dc_t;
  if (need[3]) {
    out[3] = Tensor::empty({GH, g.I}, dt);
    matmul_into(GH, true, dgx, GH, RightMatrix<T>(x.data<T>(), g.I, 1, TB, g.I, dt), T(0), out[3].data<T>(), g.I);
  }
  if (need[4]) {
    out[4] = Tensor::empty({GH, P}, dt);
    const T* hprev = hb + (g.reverse ? B * P : 0);  // the state entering each step, in time order
    matmul_into(GH, true, dgh, GH, RightMatrix<T>(hprev, P, 1, TB, P, dt), T(0), out[4].data<T>(), P);
  }
  if (need[5] && g.bias) {
    out[5] = Tensor::empty({GH}, dt);
    column_sum(dgx, TB, GH, out[5].data<T>());
  }
  if (need[6] && g.bias) {
    out[6] = Tensor::empty({GH}, dt);
    column_sum(dgh, TB, GH, out[6].data<T>());
  }
  if (need[7] && g.proj) {
    out[7] = Tensor::empty({P, H}, dt);
    matmul_into(P, true, dhp_t.data<T>(), P, RightMatrix<T>(buf.mbuf.data<T>(), H, 1, TB, H, dt), T(0), out[7].data<T>(), H);
  }
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------

TensorList rnn_layer_composite(const Tensor& input, const Tensor& h0, const Tensor& c0, const Tensor& w_ih,
                               const Tensor& w_hh, const Tensor& b_ih, const Tensor& b_hh, const Tensor& w_hr,
                               RnnMode mode, bool reverse, const std::vector<int64_t>& batch_sizes) {
  const RnnGeom g = make_geom(input, h0, c0, w_ih, w_hh, b_ih, b_hh, w_hr, mode, reverse, batch_sizes);
  const bool lstm = mode == RnnMode::Lstm, gru = mode == RnnMode::Gru;
  Tensor xg = matmul(input, matrix_T(w_ih));
  if (g.bias) xg = add(xg, b_ih);
  const Tensor whh_t = matrix_T(w_hh);
  Tensor h = h0, c = c0;
  TensorList ys(static_cast<size_t>(g.T));
  for (int64_t s = 0; s < g.T; ++s) {
    const int64_t t = g.step_time(s), bs = g.batch_sizes[t];
    if (bs == 0) {
      ys[t] = zeros({g.B, g.P}, input.dtype());
      continue;
    }
    const bool part = bs < g.B;
    const Tensor xt = part ? narrow(select(xg, 0, t), 0, 0, bs) : select(xg, 0, t);
    const Tensor hp = part ? narrow(h, 0, 0, bs) : h;
    Tensor hg = matmul(hp, whh_t);
    if (g.bias) hg = add(hg, b_hh);
    Tensor h_new, c_new;
    if (lstm) {
      const TensorList gates = chunk(add(xt, hg), 4, 1);
      const Tensor cp = part ? narrow(c, 0, 0, bs) : c;
      c_new = add(mul(sigmoid(gates[1]), cp), mul(sigmoid(gates[0]), tanh(gates[2])));
      h_new = mul(sigmoid(gates[3]), tanh(c_new));
      if (g.proj) h_new = matmul(h_new, matrix_T(w_hr));
    } else if (gru) {
      const TensorList xs = chunk(xt, 3, 1), hs = chunk(hg, 3, 1);
      const Tensor r = sigmoid(add(xs[0], hs[0])), z = sigmoid(add(xs[1], hs[1]));
      const Tensor n = tanh(add(xs[2], mul(r, hs[2])));
      h_new = add(n, mul(z, sub(hp, n)));
    } else {
      const Tensor a = add(xt, hg);
      h_new = mode == RnnMode::RnnRelu ? relu(a) : tanh(a);
    }
    if (part) {
      ys[t] = cat({h_new, zeros({g.B - bs, g.P}, input.dtype())}, 0);
      h = cat({h_new, narrow(h, 0, bs, g.B - bs)}, 0);
      if (lstm) c = cat({c_new, narrow(c, 0, bs, g.B - bs)}, 0);
    } else {
      ys[t] = h_new;
      h = h_new;
      if (lstm) c = c_new;
    }
  }
  TensorList out{stack(ys, 0), h};
  if (lstm) out.push_back(c);
  return out;
}

TensorList rnn_layer(const Tensor& input, const Tensor& h0, const Tensor& c0, const Tensor& w_ih, const Tensor& w_hh,
                     const Tensor& b_ih, const Tensor& b_hh, const Tensor& w_hr, const std::string& mode_name,
                     bool reverse, const std::vector<int64_t>& batch_sizes) {
  const RnnMode mode = parse_rnn_mode(mode_name);
  const RnnGeom g = make_geom(input, h0, c0, w_ih, w_hh, b_ih, b_hh, w_hr, mode, reverse, batch_sizes);
  const DType dt = input.dtype();
  auto prep = [dt](const Tensor& t) { return t.defined() ? contiguous_as(t.detach(), dt) : Tensor(); };
  RnnBuffers buf;
  Tensor y;
  dispatch_floating(dt, [&](auto tag) {
    using T = typename decltype(tag)::type;
    rnn_forward_kernel<T>(g, prep(input), prep(h0), prep(c0), prep(w_ih), prep(w_hh), prep(b_ih), prep(b_hh),
                          prep(w_hr), buf, y);
  });
  Tensor hn = clone(select(buf.hbuf, 0, g.final_slot()));
  TensorList outputs{y, hn};
  if (mode == RnnMode::Lstm) outputs.push_back(clone(select(buf.cbuf, 0, g.final_slot())));

  const TensorList inputs{input, h0, c0, w_ih, w_hh, b_ih, b_hh, w_hr};
  if (autograd::needs_grad(inputs)) {
    TensorList saved = inputs;
    for (const Tensor& b : {buf.gates, buf.hbuf, buf.cbuf, buf.tcbuf, buf.mbuf, buf.hnbuf}) saved.push_back(b);
    autograd::record(
        "RnnLayerBackward", inputs, outputs, saved,
        [g](const BackwardContext& ctx, const TensorList& grads) -> TensorList {
          TensorList in(8);
          for (size_t i = 0; i < 8; ++i) in[i] = ctx.saved(i);
          if (autograd::GradMode::is_enabled()) {
            // create_graph: differentiate the composite form. Inputs that need a gradient enter
            // through a clone, so autograd::grad stops there and the result stays connected to
            // the original inputs for the next derivative.
            TensorList captured;
            std::vector<size_t> where;
            for (size_t i = 0; i < 8; ++i)
              if (ctx.needs_input_grad(i)) {
                in[i] = clone(in[i]);
                captured.push_back(in[i]);
                where.push_back(i);
              }
            const TensorList outs =
                rnn_layer_composite(in[0], in[1], in[2], in[3], in[4], in[5], in[6], in[7], g.mode, g.reverse,
                                    g.batch_sizes);
            const TensorList got = autograd::grad(outs, TensorList(grads.begin(), grads.begin() + outs.size()),
                                                  captured, true, true, true);
            TensorList r(8);
            for (size_t k = 0; k < where.size(); ++k) r[where[k]] = got[k];
            return r;
          }
          RnnBuffers b;
          b.gates = ctx.saved(8);
          b.hbuf = ctx.saved(9);
          b.cbuf = ctx.saved(10);
          b.tcbuf = ctx.saved(11);
          b.mbuf = ctx.saved(12);
          b.hnbuf = ctx.saved(13);
          std::vector<bool> need(8);
          for (size_t i = 0; i < 8; ++i) need[i] = ctx.needs_input_grad(i);
          const DType dt = in[0].dtype();
          auto prep = [dt](const Tensor& t) { return t.defined() ? contiguous_as(t.detach(), dt) : Tensor(); };
          const Tensor gcn = g.mode == RnnMode::Lstm ? grads[2].detach() : Tensor();
          TensorList r;
          dispatch_floating(dt, [&](auto tag) {
            using T = typename decltype(tag)::type;
            r = rnn_backward_kernel<T>(g, prep(in[0]), prep(in[3]), prep(in[4]), prep(in[7]), b, grads[0].detach(),
                                       grads[1].detach(), gcn, need);
          });
          return r;
        });
  }
  return outputs;
}

}  // namespace rustorch::nn
