// libFuzzer target: the safetensors parser (rustorch::io::parse_safetensors) on arbitrary bytes.
// Hostile headers (huge lengths, overlapping or out-of-range offsets, wrong dtypes, bad JSON)
// must be a ValueError; an accepted image must satisfy what the loader relies on, checked here:
// every entry lies inside the buffer with span = numel x itemsize, and the entries tile the buffer.
// Each accepted entry's bytes are read, so a wrong bound shows up as an ASan report.
#include <cstdint>

#include "rustorch/core/error.hpp"
#include "rustorch/io/safetensors.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace rustorch;
  io::SafetensorsFile f;
  try {
    f = io::parse_safetensors(data, size);
  } catch (const ValueError&) {
    return 0;  // the documented rejection
  }
  if (f.data_offset != 8 + f.header_size || f.data_offset + f.data_size != size) __builtin_trap();
  uint64_t expected_begin = 0, checksum = 0;
  for (const auto& e : f.tensors) {
    uint64_t numel = 1;
    for (int64_t d : e.shape) {
      if (d < 0) __builtin_trap();
      numel *= static_cast<uint64_t>(d);
    }
    if (e.begin != expected_begin || e.end < e.begin || e.end > f.data_size) __builtin_trap();
    if (e.end - e.begin != numel * io::st_itemsize(e.dtype)) __builtin_trap();
    for (uint64_t i = f.data_offset + e.begin; i < f.data_offset + e.end; ++i) checksum += data[i];
    expected_begin = e.end;
  }
  if (expected_begin != f.data_size) __builtin_trap();
  volatile uint64_t sink = checksum;
  (void)sink;
  return 0;
}
