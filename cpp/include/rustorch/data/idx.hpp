// The idx file format of MNIST-style datasets: header parsing and validation.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "rustorch/core/shape.hpp"

namespace rustorch::data {

// A validated idx header: the element type code (0x08 ubyte, 0x09 sbyte, 0x0B int16, 0x0C int32,
// 0x0D float32, 0x0E float64; multi-byte elements are big-endian), the dims, where the data starts
// and how many bytes an element takes.
struct IdxHeader {
  uint8_t type_code = 0;
  Shape dims;
  size_t data_offset = 0;
  size_t item_size = 0;
};

// Parses and validates the idx bytes (magic, type code, dim count, dims, and that exactly
// prod(dims) elements follow). Throws ValueError naming `name` (the file) on anything malformed.
IdxHeader parse_idx(const uint8_t* data, size_t nbytes, const std::string& name);

// Name of an idx element type ("ubyte", ...), or nullptr for an unknown code.
const char* idx_type_name(uint8_t code);

}  // namespace rustorch::data
