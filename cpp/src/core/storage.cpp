#include "rustorch/core/storage.hpp"

#include "rustorch/core/allocator.hpp"

namespace rustorch {

std::shared_ptr<Storage> Storage::allocate(size_t nbytes) {
  return std::make_shared<Storage>(allocator::allocate(nbytes), nbytes, nullptr);
}

std::shared_ptr<Storage> Storage::borrow(void* data, size_t nbytes, std::shared_ptr<void> owner) {
  return std::make_shared<Storage>(data, nbytes, std::move(owner));
}

Storage::~Storage() {
  if (!owner_) allocator::deallocate(data_, nbytes_);
}

}  // namespace rustorch
