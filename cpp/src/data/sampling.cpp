#include "rustorch/data/sampling.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>
#include <numeric>
#include <random>

#include "rustorch/core/error.hpp"
#include "rustorch/ops/factory.hpp"

namespace rustorch::data {

namespace {
std::vector<int64_t> to_vector(const Tensor& t) {
  return std::vector<int64_t>(t.data<int64_t>(), t.data<int64_t>() + t.numel());
}
}  // namespace

// The permutation and uniform draws are the engine's own (rt.randperm / rt.randint / rt.rand), so
// a sampler or transform draws exactly what those functions would from the same generator.
std::vector<int64_t> randperm(int64_t n, Generator& gen) { return to_vector(rustorch::randperm(n, DType::Int64, &gen)); }

std::vector<int64_t> randint(int64_t low, int64_t high, int64_t count, Generator& gen) {
  RT_CHECK(count >= 0, ValueError, "randint: count must be non-negative, got ", count);
  return to_vector(rustorch::randint(low, high, {count}, DType::Int64, &gen));
}

std::vector<double> uniform(int64_t count, Generator& gen) {
  RT_CHECK(count >= 0, ValueError, "uniform: count must be non-negative, got ", count);
  Tensor u = rand({count}, DType::Float32, &gen);
  return std::vector<double>(u.data<float>(), u.data<float>() + count);
}

std::vector<int64_t> multinomial(const std::vector<double>& weights, int64_t count, bool replacement, Generator& gen) {
  const auto n = static_cast<int64_t>(weights.size());
  RT_CHECK(n > 0, ValueError, "multinomial: weights must not be empty");
  RT_CHECK(count >= 0, ValueError, "multinomial: num_samples must be non-negative, got ", count);
  int64_t nonzero = 0;
  double total = 0.0;
  for (double w : weights) {
    RT_CHECK(std::isfinite(w) && w >= 0.0, ValueError,
             "multinomial: weights must be finite and non-negative, got ", w);
    total += w;
    nonzero += w > 0.0;
  }
  RT_CHECK(total > 0.0, ValueError, "multinomial: the sum of the weights must be positive");
  std::vector<int64_t> out(static_cast<size_t>(count));
  std::lock_guard<std::mutex> lock(gen.mutex());
  if (replacement) {
    std::vector<double> cdf(weights.size());
    std::partial_sum(weights.begin(), weights.end(), cdf.begin());
    for (auto& v : out) {
      const double u = gen.uniform_double() * cdf.back();
      auto it = std::upper_bound(cdf.begin(), cdf.end(), u);
      int64_t k = std::min<int64_t>(it - cdf.begin(), n - 1);
      while (weights[k] == 0.0 && k > 0) --k;  // u landed exactly on a boundary before zero weights
      v = k;
    }
    return out;
  }
  RT_CHECK(count <= nonzero, ValueError, "multinomial: cannot draw ", count,
           " samples without replacement from ", nonzero, " categories with non-zero weight");
  // Efraimidis-Spirakis: the `count` smallest exponential keys E_i / w_i form a weighted sample
  // without replacement, in draw order.
  std::vector<std::pair<double, int64_t>> keys;
  keys.reserve(static_cast<size_t>(nonzero));
  for (int64_t i = 0; i < n; ++i) {
    const double u = 1.0 - gen.uniform_double();  // (0, 1]
    if (weights[i] > 0.0) keys.emplace_back(-std::log(u) / weights[i], i);
  }
  std::partial_sort(keys.begin(), keys.begin() + count, keys.end());
  for (int64_t i = 0; i < count; ++i) out[i] = keys[i].second;
  return out;
}

std::vector<int64_t> torch_randperm(int64_t n, uint64_t seed) {
  RT_CHECK(n >= 0, ValueError, "randperm: n must be non-negative, got ", n);
  RT_CHECK(n < static_cast<int64_t>(std::numeric_limits<uint32_t>::max() / 20), ValueError,
           "randperm: torch-compatible permutation supports n < 2**32/20, got ", n);
  // at::mt19937 seeds with the low 32 bits and returns 32-bit outputs, like std::mt19937.
  std::mt19937 engine(static_cast<uint32_t>(seed & 0xffffffffu));
  std::vector<int64_t> p(static_cast<size_t>(n));
  std::iota(p.begin(), p.end(), int64_t{0});
  for (int64_t i = 0; i + 1 < n; ++i) {
    const int64_t z = static_cast<int64_t>(engine() % static_cast<uint64_t>(n - i));
    std::swap(p[i], p[z + i]);
  }
  return p;
}

}  // namespace rustorch::data
