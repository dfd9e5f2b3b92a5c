// Storage: a shared byte buffer (owned through the caching allocator or borrowed from another
// owner such as a NumPy array) with the version counter that autograd uses to detect in-place edits.
#pragma once
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>

namespace rustorch {

class Storage {
 public:
  // A new buffer of nbytes from the caching allocator (contents uninitialised).
  static std::shared_ptr<Storage> allocate(size_t nbytes);
  // Borrows memory kept alive by `owner` (e.g. a NumPy array).
  static std::shared_ptr<Storage> borrow(void* data, size_t nbytes, std::shared_ptr<void> owner);

  Storage(void* data, size_t nbytes, std::shared_ptr<void> owner)
      : data_(data), nbytes_(nbytes), owner_(std::move(owner)) {}
  ~Storage();
  Storage(const Storage&) = delete;
  Storage& operator=(const Storage&) = delete;

  void* data() const { return data_; }
  size_t nbytes() const { return nbytes_; }
  uint32_t version() const { return version_.load(std::memory_order_relaxed); }
  void bump_version() { version_.fetch_add(1, std::memory_order_relaxed); }

 private:
  void* data_;
  size_t nbytes_;
  std::shared_ptr<void> owner_;  // null: the buffer belongs to the caching allocator
  std::atomic<uint32_t> version_{0};
};

}  // namespace rustorch
