// Caching allocator for tensor storage: 64-byte aligned blocks kept in size classes for reuse, so
// repeated multi-MB tensors do not pay page faults and heap trims on every allocation.
#pragma once
#include <cstddef>
#include <cstdint>

namespace rustorch::allocator {

void* allocate(size_t nbytes);                 // never returns null; throws on failure
void deallocate(void* ptr, size_t nbytes);      // nbytes as passed to allocate

struct Stats {
  uint64_t allocated_bytes;   // bytes handed out and not yet returned
  uint64_t cached_bytes;      // bytes held in free lists
  uint64_t cache_hits;
  uint64_t cache_misses;
  uint64_t cache_limit;
};
Stats stats();
void empty_cache();                       // frees every cached block
void set_cache_limit(uint64_t bytes);     // blocks beyond the limit are freed, not cached

}  // namespace rustorch::allocator
