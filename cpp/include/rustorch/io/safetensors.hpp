// The safetensors file format: a validating parser (from memory, so fuzz targets can call it),
// tensor extraction into rustorch storage, and a writer (header JSON + 8-byte-aligned raw data).
//
// Layout: 8-byte little-endian header length N, N bytes of UTF-8 JSON (an object mapping tensor
// names to {"dtype", "shape", "data_offsets": [begin, end]}, plus an optional "__metadata__" object
// of string -> string), then the byte buffer; offsets are relative to the buffer's start.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "rustorch/core/shape.hpp"
#include "rustorch/core/tensor.hpp"

namespace rustorch::io {

// Element types of the safetensors format. rustorch stores Bool/Int64/Float32/Float64; the narrower
// types convert on load (F16/BF16 -> float32, I32/I16/I8/U8 -> int64). Unsigned 16/32/64-bit and
// 8-bit float types are recognised and rejected with a clear error.
enum class StDType : uint8_t { BOOL, U8, I8, I16, U16, F16, BF16, I32, U32, F32, F64, I64, U64, F8_E4M3, F8_E5M2 };

// The format's name ("F32", ...) and size in bytes of one element.
const char* st_dtype_name(StDType d);
size_t st_itemsize(StDType d);
// The rustorch dtype a safetensors dtype loads as; throws ValueError for unsupported ones.
DType st_load_dtype(StDType d);
// The safetensors dtype a rustorch dtype is written as.
StDType st_dtype_for(DType d);

// One tensor's entry in the header. begin/end are offsets into the byte buffer (after the header).
struct SafetensorsEntry {
  std::string name;
  StDType dtype = StDType::F32;
  Shape shape;
  uint64_t begin = 0;
  uint64_t end = 0;
};

// A parsed and fully validated safetensors image.
struct SafetensorsFile {
  uint64_t header_size = 0;   // N, the JSON header's length in bytes
  uint64_t data_offset = 0;   // 8 + N: where the byte buffer starts in the image
  uint64_t data_size = 0;     // bytes in the byte buffer
  std::vector<SafetensorsEntry> tensors;           // sorted by data offset (the file's layout order)
  std::map<std::string, std::string> metadata;     // "__metadata__", empty when absent
};

// The largest header accepted (the reference implementation's limit): bounds what a hostile
// length field can make us allocate or scan.
constexpr uint64_t kMaxSafetensorsHeader = 100'000'000;

// Parses and validates a safetensors image held in memory: header length <= size and <= 100 MB,
// well-formed JSON object with no duplicate names, known dtypes, non-negative shapes whose
// element count x itemsize (checked for overflow) equals the entry's offset span, offsets in range,
// and entries that tile the byte buffer exactly (no overlap, no gap, nothing after the last).
// Throws ValueError("safetensors: ...") describing the first problem found. Never reads outside
// [data, data + size).
SafetensorsFile parse_safetensors(const uint8_t* data, size_t size);

// A new tensor (own aligned storage) holding entry `e` of a validated image whose byte buffer
// starts at `buffer`; narrower dtypes are converted (see st_load_dtype), bools normalised to 0/1.
Tensor tensor_from_entry(const SafetensorsEntry& e, const uint8_t* buffer);

// Reads a whole file (mmap) and returns its tensors in header order plus its metadata. Errors
// name the file: ValueError for malformed content, Error (RuntimeError) for I/O failures.
struct LoadedSafetensors {
  std::vector<std::pair<std::string, Tensor>> tensors;
  std::map<std::string, std::string> metadata;
};
LoadedSafetensors load_safetensors(const std::string& path);
LoadedSafetensors load_safetensors_bytes(const uint8_t* data, size_t size, const std::string& name);

// The header bytes (length prefix + JSON padded with spaces so that the byte buffer starts at an
// 8-byte boundary) for these tensors, laid out back to back in the given order.
std::string safetensors_header(const std::vector<std::pair<std::string, Tensor>>& tensors,
                               const std::map<std::string, std::string>& metadata);

// Writes a complete safetensors image to an open file descriptor (the caller owns atomicity:
// rustorch.serialization.atomic_write). Non-contiguous tensors are copied to contiguous order.
// Names must be unique and must not be "__metadata__". Throws Error on a failed write.
void write_safetensors(int fd, const std::vector<std::pair<std::string, Tensor>>& tensors,
                       const std::map<std::string, std::string>& metadata);

// The pieces of the writer, for callers that own the destination buffer: the data size in bytes
// (header excluded), and the image (the given header, then the data) handed to `sink` in order.
uint64_t safetensors_data_size(const std::vector<std::pair<std::string, Tensor>>& tensors);
void emit_safetensors(const std::vector<std::pair<std::string, Tensor>>& tensors, const std::string& header,
                      const std::function<void(const void*, size_t)>& sink);

// The same image in memory (tests, fuzz seeds).
std::vector<uint8_t> serialize_safetensors(const std::vector<std::pair<std::string, Tensor>>& tensors,
                                           const std::map<std::string, std::string>& metadata);

}  // namespace rustorch::io
