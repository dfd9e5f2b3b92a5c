// The engine's thread count (shared with OpenBLAS) and a fixed-partition parallel_for.
#pragma once
#include <cstdint>
#include <functional>

namespace rustorch {

int get_num_threads();
void set_num_threads(int n);  // also sets OpenBLAS's thread count

// Runs f(begin, end) over [0, n) split into at most get_num_threads() contiguous ranges, serially
// when n < grain, when already inside a parallel region, or when the pool is busy. Elementwise
// results never depend on the partition; reductions must combine fixed-size blocks in order (see
// parallel_reduce_blocks) so that their results do not depend on the thread count either.
void parallel_for(int64_t n, int64_t grain, const std::function<void(int64_t, int64_t)>& f);

// Splits [0, n) into blocks of `block` elements (independent of thread count), runs
// f(block_index, begin, end) over them in parallel, and returns the number of blocks.
int64_t parallel_blocks(int64_t n, int64_t block, const std::function<void(int64_t, int64_t, int64_t)>& f);

bool in_parallel_region();

}  // namespace rustorch
