// Seedable pseudo-random generator (xoshiro256**) and the process-wide default generator.
#pragma once
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

namespace rustorch {

class Generator {
 public:
  explicit Generator(uint64_t seed = 67280421310721ULL) { manual_seed(seed); }
  void manual_seed(uint64_t seed);
  uint64_t initial_seed() const { return seed_; }
  uint64_t seed();  // reseeds from a non-deterministic source and returns the seed

  uint64_t next_u64();
  double uniform_double();  // [0, 1) with 53 random bits
  float uniform_float();    // [0, 1) with 24 random bits
  double normal_double();   // standard normal (Box-Muller; caches the second value)
  void fill_u64(uint64_t* out, int64_t n);  // n successive next_u64() values
  // Advances the state by 2^128 draws: successive jumps give non-overlapping streams.
  void jump();

  std::vector<uint64_t> get_state() const;
  void set_state(const std::vector<uint64_t>& state);

  std::mutex& mutex() { return mutex_; }

 private:
  uint64_t seed_ = 0;
  uint64_t s_[4] = {};
  bool has_cached_normal_ = false;
  double cached_normal_ = 0.0;
  std::mutex mutex_;
};

Generator& default_generator();
void manual_seed(uint64_t seed);

}  // namespace rustorch
