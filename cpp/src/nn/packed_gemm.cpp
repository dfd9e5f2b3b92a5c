// Packed-right-operand float32 GEMM with AVX-512 micro-kernels (see packed_gemm.hpp). OpenBLAS
// as configured here runs its AVX2 (Haswell) kernels; on this AVX-512 CPU these kernels reach
// about twice their throughput on the recurrent layers' shapes, and packing the weights once
// per sequence instead of once per step saves OpenBLAS's per-call packing.
#include "rustorch/nn/packed_gemm.hpp"

#include <immintrin.h>

#include <algorithm>
#include <array>
#include <utility>
#include <cstring>

#include "rustorch/core/allocator.hpp"
#include "rustorch/core/parallel.hpp"

namespace rustorch::nn {

bool packed_gemm_available() {
  static const bool has = __builtin_cpu_supports("avx512f");
  return has;
}

PackedMatrix::PackedMatrix(const float* b, int64_t sk, int64_t sn, int64_t K, int64_t N) : K_(K), N_(N) {
  const int64_t P = panels();
  // From the caching allocator: the weights are repacked on every call of a layer.
  const size_t bytes = sizeof(float) * static_cast<size_t>(std::max<int64_t>(1, P * K * 32));
  data_ = std::shared_ptr<float[]>(static_cast<float*>(allocator::allocate(bytes)),
                                   [bytes](float* p) { allocator::deallocate(p, bytes); });
  float* out = data_.get();
  for (int64_t p = 0; p < P; ++p) {
    const int64_t n0 = p * 32, w = std::min<int64_t>(32, N - n0);
    float* dst = out + p * K * 32;
    if (sn == 1 && (K == 1 || sk >= N)) {  // rows of B are contiguous
      for (int64_t k = 0; k < K; ++k) {
        std::memcpy(dst + k * 32, b + k * sk + n0, sizeof(float) * static_cast<size_t>(w));
        if (w < 32) std::memset(dst + k * 32 + w, 0, sizeof(float) * static_cast<size_t>(32 - w));
      }
    } else {  // a transposed view: read each column of B contiguously when sk == 1
      for (int64_t j = 0; j < 32; ++j) {
        if (j >= w) {
          for (int64_t k = 0; k < K; ++k) dst[k * 32 + j] = 0.0f;
          continue;
        }
        const float* col = b + (n0 + j) * sn;
        for (int64_t k = 0; k < K; ++k) dst[k * 32 + j] = col[k * sk];
      }
    }
  }
}

namespace {

// MR rows x 32 columns of C: acc[i] += A[i, k] * Bpanel[k, :] over k; then C = beta C + acc on
// the first `cols` columns.
template <int MR>
__attribute__((target("avx512f"))) void micro_kernel(int64_t K, const float* a, int64_t sr, int64_t sc,
                                                     const float* bp, float beta, float* c, int64_t ldc, int64_t cols) {
  __m512 acc0[MR], acc1[MR];
  for (int i = 0; i < MR; ++i) acc0[i] = acc1[i] = _mm512_setzero_ps();
  for (int64_t k = 0; k < K; ++k) {
    const __m512 b0 = _mm512_loadu_ps(bp + k * 32), b1 = _mm512_loadu_ps(bp + k * 32 + 16);
    const float* ak = a + k * sc;
    for (int i = 0; i < MR; ++i) {
      const __m512 av = _mm512_set1_ps(ak[i * sr]);
      acc0[i] = _mm512_fmadd_ps(av, b0, acc0[i]);
      acc1[i] = _mm512_fmadd_ps(av, b1, acc1[i]);
    }
  }
  const __mmask16 m0 = cols >= 16 ? __mmask16(0xFFFF) : __mmask16((1u << cols) - 1);
  const __mmask16 m1 = cols >= 32 ? __mmask16(0xFFFF) : cols > 16 ? __mmask16((1u << (cols - 16)) - 1) : __mmask16(0);
  for (int i = 0; i < MR; ++i) {
    float* ci = c + i * ldc;
    if (beta != 0.0f) {
      acc0[i] = _mm512_add_ps(acc0[i], _mm512_maskz_loadu_ps(m0, ci));
      acc1[i] = _mm512_add_ps(acc1[i], _mm512_maskz_loadu_ps(m1, ci + 16));
    }
    _mm512_mask_storeu_ps(ci, m0, acc0[i]);
    _mm512_mask_storeu_ps(ci + 16, m1, acc1[i]);
  }
}

using Kernel = void (*)(int64_t, const float*, int64_t, int64_t, const float*, float, float*, int64_t, int64_t);
constexpr int kMaxRows = 12;  // 24 accumulators + 2 B vectors + 1 broadcast of the 32 zmm registers

template <int... R> constexpr auto kernel_table(std::integer_sequence<int, R...>) {
  return std::array<Kernel, sizeof...(R)>{&micro_kernel<R + 1>...};
}
const auto kKernels = kernel_table(std::make_integer_sequence<int, kMaxRows>{});

}  // namespace

void packed_gemm(int64_t M, const float* a, int64_t sr, int64_t sc, const PackedMatrix& b, float beta, float* c,
                 int64_t ldc) {
  const int64_t K = b.rows(), N = b.cols(), P = b.panels();
  if (M <= 0 || N <= 0) return;
  if (K == 0) {
    for (int64_t m = 0; m < M; ++m)
      for (int64_t n = 0; n < N; ++n) c[m * ldc + n] = beta != 0.0f ? c[m * ldc + n] : 0.0f;
    return;
  }
  // Rows in blocks that keep their slice of A in L2 while the thread's panels stream past.
  const int64_t row_block = std::max<int64_t>(kMaxRows, (96 * 1024 / 4 / K) / kMaxRows * kMaxRows);
  const int64_t grain = std::max<int64_t>(1, (1 << 18) / std::max<int64_t>(1, M * K));
  parallel_for(P, grain, [&](int64_t p0, int64_t p1) {
    for (int64_t r0 = 0; r0 < M; r0 += row_block) {
      const int64_t r1 = std::min(M, r0 + row_block);
      for (int64_t p = p0; p < p1; ++p) {
        const int64_t cols = std::min<int64_t>(32, N - p * 32);
        const float* bp = b.panel(p);
        for (int64_t m = r0; m < r1; m += kMaxRows) {
          const int64_t rows = std::min<int64_t>(kMaxRows, r1 - m);
          kKernels[static_cast<size_t>(rows - 1)](K, a + m * sr, sr, sc, bp, beta, c + m * ldc + p * 32, ldc, cols);
        }
      }
    }
  });
}

}  // namespace rustorch::nn
