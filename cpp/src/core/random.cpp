#include "rustorch/core/random.hpp"

#include <cmath>
#include <cstring>
#include <random>

#include "rustorch/core/error.hpp"

namespace rustorch {

namespace {
uint64_t splitmix64(uint64_t& x) {
  uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}
inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
}  // namespace

void Generator::manual_seed(uint64_t seed) {
  seed_ = seed;
  uint64_t x = seed;
  for (auto& s : s_) s = splitmix64(x);
  has_cached_normal_ = false;
}

uint64_t Generator::seed() {
  std::random_device rd;
  const uint64_t s = (static_cast<uint64_t>(rd()) << 32) ^ rd();
  manual_seed(s);
  return s;
}

uint64_t Generator::next_u64() {
  const uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

void Generator::fill_u64(uint64_t* out, int64_t n) {
  for (int64_t i = 0; i < n; ++i) out[i] = next_u64();
}

void Generator::jump() {
  static constexpr uint64_t kJump[] = {0x180ec6d33cfd0abaULL, 0xd5a61266f0c9392cULL, 0xa9582618e03fc9aaULL,
                                       0x39abdc4529b1661cULL};
  uint64_t t[4] = {};
  for (uint64_t word : kJump)
    for (int b = 0; b < 64; ++b) {
      if (word & (uint64_t(1) << b))
        for (int i = 0; i < 4; ++i) t[i] ^= s_[i];
      next_u64();
    }
  for (int i = 0; i < 4; ++i) s_[i] = t[i];
  has_cached_normal_ = false;
}

double Generator::uniform_double() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }
float Generator::uniform_float() { return static_cast<float>(next_u64() >> 40) * 0x1.0p-24f; }

double Generator::normal_double() {
  if (has_cached_normal_) {
    has_cached_normal_ = false;
    return cached_normal_;
  }
  const double u1 = 1.0 - uniform_double();  // (0, 1]
  const double u2 = uniform_double();
  const double r = std::sqrt(-2.0 * std::log(u1));
  cached_normal_ = r * std::sin(2.0 * M_PI * u2);
  has_cached_normal_ = true;
  return r * std::cos(2.0 * M_PI * u2);
}

std::vector<uint64_t> Generator::get_state() const {
  uint64_t cached_bits;
  static_assert(sizeof(cached_bits) == sizeof(cached_normal_));
  std::memcpy(&cached_bits, &cached_normal_, sizeof(cached_bits));
  return {seed_, s_[0], s_[1], s_[2], s_[3], has_cached_normal_ ? 1u : 0u, cached_bits};
}

void Generator::set_state(const std::vector<uint64_t>& st) {
  RT_CHECK(st.size() == 7, ValueError, "Generator.set_state: expected a state of 7 integers, got ", st.size());
  RT_CHECK(st[1] | st[2] | st[3] | st[4], ValueError, "Generator.set_state: the all-zero state is invalid");
  seed_ = st[0];
  for (int i = 0; i < 4; ++i) s_[i] = st[1 + i];
  has_cached_normal_ = st[5] != 0;
  std::memcpy(&cached_normal_, &st[6], sizeof(cached_normal_));
}

Generator& default_generator() {
  static Generator* g = new Generator();
  return *g;
}

void manual_seed(uint64_t seed) {
  std::lock_guard<std::mutex> lock(default_generator().mutex());
  default_generator().manual_seed(seed);
}

}  // namespace rustorch
