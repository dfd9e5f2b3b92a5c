#include "rustorch/data/idx.hpp"

#include <cstdio>
#include <limits>

#include "rustorch/core/error.hpp"

namespace rustorch::data {

namespace {

size_t idx_item_size(uint8_t code) {
  switch (code) {
    case 0x08:
    case 0x09: return 1;
    case 0x0B: return 2;
    case 0x0C:
    case 0x0D: return 4;
    case 0x0E: return 8;
    default: return 0;
  }
}

std::string hex_bytes(const uint8_t* p, size_t n) {
  std::string s;
  char buf[8];
  for (size_t i = 0; i < n; ++i) {
    std::snprintf(buf, sizeof buf, "%s%02x", i ? " " : "", p[i]);
    s += buf;
  }
  return s;
}

}  // namespace

const char* idx_type_name(uint8_t code) {
  switch (code) {
    case 0x08: return "ubyte";
    case 0x09: return "sbyte";
    case 0x0B: return "int16";
    case 0x0C: return "int32";
    case 0x0D: return "float32";
    case 0x0E: return "float64";
    default: return nullptr;
  }
}

IdxHeader parse_idx(const uint8_t* data, size_t nbytes, const std::string& name) {
  RT_CHECK(nbytes >= 4, ValueError, "read_idx: '", name, "' is truncated: ", nbytes,
           " bytes, too short for an idx header (4-byte magic number)");
  RT_CHECK(data[0] == 0 && data[1] == 0, ValueError, "read_idx: '", name,
           "' is not an idx file: its magic number starts with bytes ", hex_bytes(data, 4),
           " (expected 00 00 <type> <ndim>)");
  IdxHeader h;
  h.type_code = data[2];
  h.item_size = idx_item_size(h.type_code);
  RT_CHECK(h.item_size != 0, ValueError, "read_idx: '", name, "' has an unknown element type code 0x",
           hex_bytes(data + 2, 1), " (expected 08, 09, 0b, 0c, 0d or 0e)");
  const int ndim = data[3];
  RT_CHECK(ndim >= 1, ValueError, "read_idx: '", name, "' declares 0 dimensions");
  h.data_offset = 4 + 4 * static_cast<size_t>(ndim);
  RT_CHECK(nbytes >= h.data_offset, ValueError, "read_idx: '", name, "' is truncated: its header declares ", ndim,
           " dims (", h.data_offset, " header bytes) but the file has only ", nbytes, " bytes");
  // The largest element count that cannot overflow the byte count.
  const uint64_t max_elems = std::numeric_limits<int64_t>::max() / 8;
  uint64_t count = 1;
  for (int d = 0; d < ndim; ++d) {
    const uint8_t* p = data + 4 + 4 * d;
    const uint64_t v = (uint64_t{p[0]} << 24) | (uint64_t{p[1]} << 16) | (uint64_t{p[2]} << 8) | uint64_t{p[3]};
    h.dims.push_back(static_cast<int64_t>(v));
    if (v != 0) {
      RT_CHECK(count <= max_elems / v, ValueError, "read_idx: '", name, "' declares dims ", shape_str(h.dims),
               "... whose element count is implausibly large (corrupt header?)");
    }
    count *= v;
  }
  const uint64_t expected = count * h.item_size;
  const uint64_t have = nbytes - h.data_offset;
  RT_CHECK(have >= expected, ValueError, "read_idx: '", name, "' is truncated: dims ", shape_str(h.dims), " of ",
           idx_type_name(h.type_code), " need ", expected, " data bytes but only ", have, " are present");
  RT_CHECK(have == expected, ValueError, "read_idx: '", name, "' is corrupt: dims ", shape_str(h.dims), " of ",
           idx_type_name(h.type_code), " need ", expected, " data bytes but ", have,
           " are present (", have - expected, " trailing bytes)");
  return h;
}

}  // namespace rustorch::data
