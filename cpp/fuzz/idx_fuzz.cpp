// libFuzzer target: the idx (MNIST) reader on arbitrary bytes. A header that parse_idx accepts
// must describe exactly the bytes present: every element it promises is read back here (ASan
// catches a read past the buffer); anything malformed must be a ValueError, nothing else.
#include <cstdint>
#include <cstring>

#include "rustorch/core/error.hpp"
#include "rustorch/data/idx.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace rustorch;
  data::IdxHeader h;
  try {
    h = data::parse_idx(data, size, "fuzz");
  } catch (const ValueError&) {
    return 0;  // the documented rejection
  }
  uint64_t count = 1;
  for (int64_t d : h.dims) count *= static_cast<uint64_t>(d);
  if (h.data_offset + count * h.item_size != size) __builtin_trap();  // accepted bytes must match exactly
  // Touch every element (big-endian decode) so an out-of-range header shows up as an ASan report.
  uint64_t checksum = 0;
  const uint8_t* p = data + h.data_offset;
  for (uint64_t i = 0; i < count; ++i)
    for (size_t b = 0; b < h.item_size; ++b) checksum = checksum * 31 + p[i * h.item_size + b];
  volatile uint64_t sink = checksum;
  (void)sink;
  return 0;
}
