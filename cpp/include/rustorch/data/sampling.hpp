// Index sampling for the data loader: permutations, uniform and weighted draws from a Generator,
// and PyTorch's randperm (mt19937) so DistributedSampler shards exactly like torch's.
#pragma once
#include <cstdint>
#include <vector>

#include "rustorch/core/random.hpp"

namespace rustorch::data {

// A uniformly random permutation of 0..n-1: rustorch::randperm(n, int64, &gen) (rt.randperm).
std::vector<int64_t> randperm(int64_t n, Generator& gen);

// `count` integers uniform in [low, high): rustorch::randint (rt.randint(low, high, (count,))).
std::vector<int64_t> randint(int64_t low, int64_t high, int64_t count, Generator& gen);

// `count` values uniform in [0, 1): rustorch::rand float32 (rt.rand(count)), widened to double.
std::vector<double> uniform(int64_t count, Generator& gen);

// `count` indices drawn with probability proportional to `weights` (non-negative, finite, not all
// zero), with or without replacement (like torch.multinomial on a 1-D weight vector).
std::vector<int64_t> multinomial(const std::vector<double>& weights, int64_t count, bool replacement, Generator& gen);

// torch.randperm(n, generator=torch.Generator().manual_seed(seed)) on the CPU, value for value
// (PyTorch's mt19937 and its swap loop), for n < 2**32 / 20.
std::vector<int64_t> torch_randperm(int64_t n, uint64_t seed);

}  // namespace rustorch::data
