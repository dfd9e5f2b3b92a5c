#include "rustorch/core/allocator.hpp"

#include <pthread.h>

#include <cstdlib>
#include <mutex>
#include <new>
#include <unordered_map>
#include <vector>

#include "rustorch/core/error.hpp"

namespace rustorch::allocator {

namespace {

constexpr size_t kAlignment = 64;

// Size classes: multiples of 64 bytes up to 4 KiB, then four classes per power of two, so that
// rounding wastes at most 25%.
size_t size_class(size_t n) {
  if (n <= 4096) return std::max<size_t>(kAlignment, (n + kAlignment - 1) / kAlignment * kAlignment);
  size_t p = 4096;
  while (p < n) p <<= 1;
  const size_t q = p / 8;  // between p/2 and p in steps of p/8
  size_t c = p / 2;
  while (c < n) c += q;
  return c;
}

struct Cache {
  std::mutex mu;
  std::unordered_map<size_t, std::vector<void*>> free_blocks;
  uint64_t allocated = 0;
  uint64_t cached = 0;
  uint64_t hits = 0;
  uint64_t misses = 0;
  uint64_t limit = uint64_t(2) << 30;  // 2 GiB of idle blocks at most
};

Cache& cache() {
  static Cache* c = [] {
    auto* fresh = new Cache();  // never destroyed: tensors may be freed during interpreter exit
    // fork() while another thread holds the lock would leave it locked forever in the child.
    pthread_atfork([] { cache().mu.lock(); }, [] { cache().mu.unlock(); }, [] { cache().mu.unlock(); });
    return fresh;
  }();
  return *c;
}

}  // namespace

void* allocate(size_t nbytes) {
  const size_t cls = size_class(nbytes);
  Cache& c = cache();
  {
    std::lock_guard<std::mutex> lock(c.mu);
    auto it = c.free_blocks.find(cls);
    if (it != c.free_blocks.end() && !it->second.empty()) {
      void* p = it->second.back();
      it->second.pop_back();
      c.cached -= cls;
      c.allocated += cls;
      ++c.hits;
      return p;
    }
    ++c.misses;
    c.allocated += cls;
  }
  void* p = std::aligned_alloc(kAlignment, cls);
  if (!p) {
    empty_cache();
    p = std::aligned_alloc(kAlignment, cls);
  }
  if (!p) {
    std::lock_guard<std::mutex> lock(c.mu);
    c.allocated -= cls;
    RT_THROW(Error, "allocator: out of memory allocating ", nbytes, " bytes");
  }
  return p;
}

void deallocate(void* ptr, size_t nbytes) {
  if (!ptr) return;
  const size_t cls = size_class(nbytes);
  Cache& c = cache();
  {
    std::lock_guard<std::mutex> lock(c.mu);
    c.allocated -= cls;
    if (c.cached + cls <= c.limit) {
      c.free_blocks[cls].push_back(ptr);
      c.cached += cls;
      return;
    }
  }
  std::free(ptr);
}

Stats stats() {
  Cache& c = cache();
  std::lock_guard<std::mutex> lock(c.mu);
  return Stats{c.allocated, c.cached, c.hits, c.misses, c.limit};
}

void empty_cache() {
  Cache& c = cache();
  std::vector<void*> to_free;
  {
    std::lock_guard<std::mutex> lock(c.mu);
    for (auto& [cls, blocks] : c.free_blocks) {
      to_free.insert(to_free.end(), blocks.begin(), blocks.end());
      blocks.clear();
    }
    c.cached = 0;
  }
  for (void* p : to_free) std::free(p);
}

void set_cache_limit(uint64_t bytes) {
  {
    std::lock_guard<std::mutex> lock(cache().mu);
    cache().limit = bytes;
  }
  if (stats().cached_bytes > bytes) empty_cache();
}

}  // namespace rustorch::allocator
