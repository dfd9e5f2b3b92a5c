#include "rustorch/io/safetensors.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "rustorch/core/error.hpp"
#include "rustorch/ops/copy.hpp"

namespace rustorch::io {

using json = nlohmann::json;

namespace {

struct DTypeInfo {
  StDType dtype;
  const char* name;
  size_t itemsize;
};

constexpr DTypeInfo kDTypes[] = {
    {StDType::BOOL, "BOOL", 1}, {StDType::U8, "U8", 1},     {StDType::I8, "I8", 1},
    {StDType::I16, "I16", 2},   {StDType::U16, "U16", 2},   {StDType::F16, "F16", 2},
    {StDType::BF16, "BF16", 2}, {StDType::I32, "I32", 4},   {StDType::U32, "U32", 4},
    {StDType::F32, "F32", 4},   {StDType::F64, "F64", 8},   {StDType::I64, "I64", 8},
    {StDType::U64, "U64", 8},   {StDType::F8_E4M3, "F8_E4M3", 1}, {StDType::F8_E5M2, "F8_E5M2", 1},
};

const DTypeInfo* find_dtype(const std::string& name) {
  for (const auto& d : kDTypes)
    if (name == d.name) return &d;
  return nullptr;
}

std::string known_dtype_list() {
  std::string s;
  for (const auto& d : kDTypes) s += (s.empty() ? "" : ", ") + std::string(d.name);
  return s;
}

uint64_t read_u64_le(const uint8_t* p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

void append_u64_le(std::string& out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

// The raw fields of one header entry, as the SAX handler collects them.
struct RawEntry {
  std::string name;
  bool has_dtype = false, has_shape = false, has_offsets = false;
  const DTypeInfo* dtype = nullptr;
  std::vector<uint64_t> shape;
  std::vector<uint64_t> offsets;
};

SafetensorsEntry finish_entry(const RawEntry& raw) {
  const std::string& name = raw.name;
  RT_CHECK(raw.has_dtype, ValueError, "safetensors: tensor '", name, "' lacks the 'dtype' field");
  RT_CHECK(raw.has_shape, ValueError, "safetensors: tensor '", name, "' lacks the 'shape' field");
  RT_CHECK(raw.has_offsets, ValueError, "safetensors: tensor '", name, "' lacks the 'data_offsets' field");
  RT_CHECK(raw.offsets.size() == 2, ValueError, "safetensors: tensor '", name,
           "' has data_offsets that are not a [begin, end] pair (", raw.offsets.size(), " values)");
  SafetensorsEntry e;
  e.name = name;
  e.dtype = raw.dtype->dtype;
  // Count elements with overflow checks; the byte count must fit in int64 (our tensor sizes).
  const uint64_t limit = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
  uint64_t numel = 1;
  bool zero = false;
  std::string shape_text = "[";
  for (uint64_t n : raw.shape) shape_text += (shape_text.size() > 1 ? ", " : "") + std::to_string(n);
  shape_text += "]";
  for (uint64_t n : raw.shape) {
    RT_CHECK(n <= limit, ValueError, "safetensors: tensor '", name, "' has dim ", n, " that is too large");
    e.shape.push_back(static_cast<int64_t>(n));
    if (n == 0) zero = true;
    if (!zero) {
      RT_CHECK(numel <= limit / n, ValueError, "safetensors: tensor '", name, "' has shape ", shape_text,
               " whose element count overflows");
      numel *= n;
    }
  }
  if (zero) numel = 0;
  RT_CHECK(numel <= limit / raw.dtype->itemsize, ValueError, "safetensors: tensor '", name, "' has shape ",
           shape_text, " whose byte size overflows");
  const uint64_t nbytes = numel * raw.dtype->itemsize;
  e.begin = raw.offsets[0];
  e.end = raw.offsets[1];
  RT_CHECK(e.begin <= e.end, ValueError, "safetensors: tensor '", name, "' has data_offsets [", e.begin, ", ",
           e.end, "] with begin after end");
  RT_CHECK(e.end - e.begin == nbytes, ValueError, "safetensors: tensor '", name, "' of dtype ", raw.dtype->name,
           " and shape ", shape_text, " needs ", nbytes, " bytes but its data_offsets [", e.begin, ", ", e.end,
           "] span ", e.end - e.begin);
  return e;
}

// nlohmann quotes the offending input in its messages; escape non-ASCII bytes so that the message
// stays valid UTF-8 (Python decodes exception messages as UTF-8).
std::string printable(const std::string& s) {
  std::string out;
  char buf[8];
  for (unsigned char c : s) {
    if (c >= 0x20 && c < 0x7f) {
      out.push_back(static_cast<char>(c));
    } else {
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    }
  }
  return out;
}

// A SAX handler that validates the header while it is parsed and builds the entries directly:
// no JSON tree is built (nlohmann's DOM parser with a callback is quadratic in the number of
// entries, and a tree costs ~10x the header's size), so time and memory stay linear in the
// header, which is bounded by kMaxSafetensorsHeader. Any structure the format does not have
// (deeper nesting, non-object entries, unknown fields) is rejected as soon as it appears.
class HeaderParser {
 public:
  using number_integer_t = json::number_integer_t;
  using number_unsigned_t = json::number_unsigned_t;
  using number_float_t = json::number_float_t;
  using string_t = json::string_t;
  using binary_t = json::binary_t;

  explicit HeaderParser(SafetensorsFile& out) : out_(out) {}

  bool null() { return scalar("null"); }
  bool boolean(bool) { return scalar("a boolean"); }
  bool number_integer(number_integer_t v) {
    if (state_ == State::Shape || state_ == State::Offsets) bad_number(std::to_string(v));
    return scalar("a number");
  }
  bool number_unsigned(number_unsigned_t v) {
    if (state_ == State::Shape) {
      entry_.shape.push_back(v);
      return true;
    }
    if (state_ == State::Offsets) {
      RT_CHECK(entry_.offsets.size() < 2, ValueError, "safetensors: tensor '", entry_.name,
               "' has data_offsets that are not a [begin, end] pair (more than 2 values)");
      entry_.offsets.push_back(v);
      return true;
    }
    return scalar("a number");
  }
  bool number_float(number_float_t, const string_t& text) {
    if (state_ == State::Shape || state_ == State::Offsets) bad_number(text);
    return scalar("a number");
  }
  bool binary(binary_t&) { return scalar("binary data"); }
  bool string(string_t& v) {
    if (state_ == State::Metadata) {
      out_.metadata.emplace(key_, v);
      return true;
    }
    if (state_ == State::Entry && key_ == "dtype") {
      entry_.dtype = find_dtype(v);
      RT_CHECK(entry_.dtype != nullptr, ValueError, "safetensors: tensor '", entry_.name, "' has unknown dtype \"",
               printable(v), "\" (known: ", known_dtype_list(), ")");
      return true;
    }
    return scalar("a string");
  }

  bool start_object(std::size_t) {
    switch (state_) {
      case State::Start: state_ = State::Top; return true;
      case State::Top:
        if (key_ == "__metadata__") {
          state_ = State::Metadata;
        } else {
          state_ = State::Entry;
          entry_ = RawEntry{};
          entry_.name = key_;
        }
        return true;
      default: break;
    }
    too_deep();
    return false;
  }
  bool end_object() {
    switch (state_) {
      case State::Metadata: state_ = State::Top; return true;
      case State::Entry:
        out_.tensors.push_back(finish_entry(entry_));
        state_ = State::Top;
        return true;
      case State::Top: state_ = State::Done; return true;
      default: return true;
    }
  }
  bool start_array(std::size_t) {
    if (state_ == State::Entry && (key_ == "shape" || key_ == "data_offsets")) {
      state_ = key_ == "shape" ? State::Shape : State::Offsets;
      return true;
    }
    if (state_ == State::Start) RT_THROW(ValueError, "safetensors: header is not a JSON object");
    if (state_ == State::Entry) RT_THROW(ValueError, "safetensors: tensor '", entry_.name, "' has a ", key_,
                                         " field that is not a string");
    if (state_ == State::Top) RT_THROW(ValueError, "safetensors: header entry '", key_, "' is not an object (got a list)");
    if (state_ == State::Metadata) RT_THROW(ValueError, "safetensors: __metadata__ value for '", key_,
                                            "' is not a string (got a list)");
    too_deep();
    return false;
  }
  bool end_array() {
    state_ = State::Entry;  // only shape/data_offsets arrays are ever opened
    return true;
  }
  bool key(string_t& k) {
    if (state_ == State::Top) {
      RT_CHECK(top_keys_.insert(k).second, ValueError, "safetensors: header names tensor '", k, "' more than once");
    } else if (state_ == State::Metadata) {
      RT_CHECK(!out_.metadata.count(k), ValueError, "safetensors: __metadata__ repeats the key '", k, "'");
    } else if (state_ == State::Entry) {
      RT_CHECK(k == "dtype" || k == "shape" || k == "data_offsets", ValueError, "safetensors: tensor '", entry_.name,
               "' has an unknown field '", k, "' (expected dtype, shape, data_offsets)");
      bool& seen = k == "dtype" ? entry_.has_dtype : k == "shape" ? entry_.has_shape : entry_.has_offsets;
      RT_CHECK(!seen, ValueError, "safetensors: header repeats the key '", k, "' inside tensor '", entry_.name, "'");
      seen = true;
    }
    key_ = k;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
    RT_THROW(ValueError, "safetensors: header is not valid JSON: ", printable(e.what()));
  }

  bool done() const { return state_ == State::Done; }

 private:
  enum class State { Start, Top, Metadata, Entry, Shape, Offsets, Done };

  // A scalar where the format has none (or not of this type).
  bool scalar(const char* what) {
    switch (state_) {
      case State::Start: RT_THROW(ValueError, "safetensors: header is not a JSON object");
      case State::Top:
        if (key_ == "__metadata__") RT_THROW(ValueError, "safetensors: __metadata__ is not an object of strings");
        RT_THROW(ValueError, "safetensors: header entry '", key_, "' is not an object (got ", what, ")");
      case State::Metadata:
        RT_THROW(ValueError, "safetensors: __metadata__ value for '", key_, "' is not a string (got ", what, ")");
      case State::Entry:
        if (key_ == "dtype") RT_THROW(ValueError, "safetensors: tensor '", entry_.name, "' has a non-string dtype (",
                                      what, ")");
        RT_THROW(ValueError, "safetensors: tensor '", entry_.name, "' has a ", key_, " field that is not a list (got ",
                 what, ")");
      case State::Shape:
      case State::Offsets:
        RT_THROW(ValueError, "safetensors: tensor '", entry_.name, "' has a ",
                 state_ == State::Shape ? "shape" : "data_offsets", " entry that is not a non-negative integer (",
                 what, ")");
      default: break;
    }
    RT_THROW(ValueError, "safetensors: unexpected ", what, " in the header");
  }
  [[noreturn]] void bad_number(const std::string& text) {
    RT_THROW(ValueError, "safetensors: tensor '", entry_.name, "' has a ",
             state_ == State::Shape ? "shape" : "data_offsets", " entry that is not a non-negative integer: ",
             printable(text));
  }
  [[noreturn]] void too_deep() {
    RT_THROW(ValueError, "safetensors: header JSON nests deeper than the format allows "
             "(a tensor entry holds only dtype, shape and data_offsets)");
  }

  SafetensorsFile& out_;
  State state_ = State::Start;
  std::string key_;
  RawEntry entry_;
  std::unordered_set<std::string> top_keys_;
};

template <class T> T byteswap_value(T v) {
  uint8_t b[sizeof(T)];
  std::memcpy(b, &v, sizeof(T));
  std::reverse(b, b + sizeof(T));
  std::memcpy(&v, b, sizeof(T));
  return v;
}

template <class Src, class Dst> void convert_copy(const uint8_t* src, Dst* dst, int64_t n) {
  for (int64_t i = 0; i < n; ++i) {
    Src v;
    std::memcpy(&v, src + i * sizeof(Src), sizeof(Src));
    if constexpr (std::endian::native == std::endian::big && sizeof(Src) > 1) v = byteswap_value(v);
    dst[i] = static_cast<Dst>(v);
  }
}

float half_to_float(uint16_t h) {
  const uint32_t sign = static_cast<uint32_t>(h & 0x8000) << 16;
  const uint32_t exp = (h >> 10) & 0x1f;
  uint32_t mant = h & 0x3ff;
  uint32_t bits;
  if (exp == 0) {
    if (mant == 0) {
      bits = sign;
    } else {  // subnormal: renormalise
      int e = -1;
      do {
        ++e;
        mant <<= 1;
      } while ((mant & 0x400) == 0);
      bits = sign | static_cast<uint32_t>(127 - 15 - e) << 23 | (mant & 0x3ff) << 13;
    }
  } else if (exp == 0x1f) {
    bits = sign | 0x7f800000u | mant << 13;  // inf / nan (payload kept)
  } else {
    bits = sign | (exp + 127 - 15) << 23 | mant << 13;
  }
  return std::bit_cast<float>(bits);
}

uint16_t load_u16(const uint8_t* p) { return static_cast<uint16_t>(p[0] | (p[1] << 8)); }

std::string io_error(const std::string& path, const char* what) {
  return detail::concat("safetensors: cannot ", what, " '", path, "': ", std::strerror(errno));
}

}  // namespace

const char* st_dtype_name(StDType d) {
  for (const auto& i : kDTypes)
    if (i.dtype == d) return i.name;
  return "?";
}

size_t st_itemsize(StDType d) {
  for (const auto& i : kDTypes)
    if (i.dtype == d) return i.itemsize;
  return 0;
}

DType st_load_dtype(StDType d) {
  switch (d) {
    case StDType::BOOL: return DType::Bool;
    case StDType::U8:
    case StDType::I8:
    case StDType::I16:
    case StDType::I32:
    case StDType::I64: return DType::Int64;
    case StDType::F16:
    case StDType::BF16:
    case StDType::F32: return DType::Float32;
    case StDType::F64: return DType::Float64;
    default: break;
  }
  RT_THROW(ValueError, "safetensors: dtype ", st_dtype_name(d),
           " is not supported by rustorch (it loads BOOL, U8, I8, I16, I32, I64 as int64/bool, "
           "F16, BF16, F32 as float32, F64 as float64)");
}

StDType st_dtype_for(DType d) {
  switch (d) {
    case DType::Bool: return StDType::BOOL;
    case DType::Int64: return StDType::I64;
    case DType::Float32: return StDType::F32;
    case DType::Float64: break;
    case DType::Complex64:
    case DType::Complex128:
      RT_THROW(TypeError, "safetensors: can't save a ", dtype_name(d),
               " tensor (rustorch writes real dtypes only); save rt.view_as_real(t) and rebuild it with "
               "rt.view_as_complex");
  }
  return StDType::F64;
}

namespace {

// Parses the header of a file of `size` bytes from its first `available` bytes (the whole image,
// or at least the length field and the header when reading a file piecewise).
SafetensorsFile parse_prefix(const uint8_t* data, size_t available, uint64_t size) {
  RT_CHECK(size >= 8 && available >= 8, ValueError, "safetensors: file is truncated: ", size,
           " bytes, too short for the 8-byte header length");
  SafetensorsFile f;
  f.header_size = read_u64_le(data);
  RT_CHECK(f.header_size <= kMaxSafetensorsHeader, ValueError, "safetensors: header length ", f.header_size,
           " exceeds the 100 MB limit (not a safetensors file, or corrupt)");
  RT_CHECK(f.header_size <= size - 8, ValueError, "safetensors: file is truncated: header length ",
           f.header_size, " but only ", size - 8, " bytes follow the length field");
  RT_CHECK(f.header_size <= available - 8, Error, "safetensors: internal error: header not fully read");
  RT_CHECK(f.header_size >= 2, ValueError, "safetensors: header length ", f.header_size,
           " is too small for a JSON object");
  const char* hbegin = reinterpret_cast<const char*>(data + 8);
  const char* hend = hbegin + f.header_size;
  RT_CHECK(hbegin[0] == '{', ValueError, "safetensors: header does not start with '{' "
           "(not a safetensors file, or corrupt)");
  f.data_offset = 8 + f.header_size;
  f.data_size = size - f.data_offset;

  HeaderParser handler(f);
  try {
    json::sax_parse(hbegin, hend, &handler, nlohmann::detail::input_format_t::json, /*strict=*/true);
  } catch (const json::exception& e) {
    RT_THROW(ValueError, "safetensors: header is not valid JSON: ", printable(e.what()));
  }
  RT_CHECK(handler.done(), ValueError, "safetensors: header is not a complete JSON object");

  // The entries must tile the byte buffer: sorted by offset, each starts where the previous ended,
  // and the last ends at the end of the file (as the reference implementation requires).
  std::sort(f.tensors.begin(), f.tensors.end(), [](const SafetensorsEntry& a, const SafetensorsEntry& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  uint64_t expected = 0;
  for (const auto& e : f.tensors) {
    RT_CHECK(e.begin >= expected, ValueError, "safetensors: tensor '", e.name, "' at data_offsets [", e.begin,
             ", ", e.end, "] overlaps the previous tensor (which ends at ", expected, ")");
    RT_CHECK(e.begin == expected, ValueError, "safetensors: tensor '", e.name, "' starts at ", e.begin,
             " but the previous tensor ends at ", expected, " (gap in the byte buffer)");
    RT_CHECK(e.end <= f.data_size, ValueError, "safetensors: tensor '", e.name, "' has data_offsets [", e.begin,
             ", ", e.end, "] beyond the byte buffer of ", f.data_size, " bytes (file truncated?)");
    expected = e.end;
  }
  RT_CHECK(expected == f.data_size, ValueError, "safetensors: the tensors cover ", expected,
           " bytes but the byte buffer holds ", f.data_size, " (trailing data)");
  return f;
}

}  // namespace

SafetensorsFile parse_safetensors(const uint8_t* data, size_t size) {
  RT_CHECK(data != nullptr || size == 0, ValueError, "safetensors: null data");
  return parse_prefix(data, size, size);
}

Tensor tensor_from_entry(const SafetensorsEntry& e, const uint8_t* buffer) {
  const DType dtype = st_load_dtype(e.dtype);
  Tensor t = Tensor::empty(e.shape, dtype);
  const int64_t n = t.numel();
  if (n == 0) return t;
  const uint8_t* src = buffer + e.begin;
  switch (e.dtype) {
    case StDType::BOOL: {
      bool* dst = t.data<bool>();  // any non-zero byte is true; a raw copy could store invalid bools
      for (int64_t i = 0; i < n; ++i) dst[i] = src[i] != 0;
      break;
    }
    case StDType::U8: convert_copy<uint8_t>(src, t.data<int64_t>(), n); break;
    case StDType::I8: convert_copy<int8_t>(src, t.data<int64_t>(), n); break;
    case StDType::I16: convert_copy<int16_t>(src, t.data<int64_t>(), n); break;
    case StDType::I32: convert_copy<int32_t>(src, t.data<int64_t>(), n); break;
    case StDType::F16: {
      float* dst = t.data<float>();
      for (int64_t i = 0; i < n; ++i) dst[i] = half_to_float(load_u16(src + 2 * i));
      break;
    }
    case StDType::BF16: {
      float* dst = t.data<float>();
      for (int64_t i = 0; i < n; ++i) dst[i] = std::bit_cast<float>(static_cast<uint32_t>(load_u16(src + 2 * i)) << 16);
      break;
    }
    case StDType::I64:
    case StDType::F32:
    case StDType::F64:
      if constexpr (std::endian::native == std::endian::little) {
        std::memcpy(t.raw_data(), src, e.end - e.begin);
      } else if (e.dtype == StDType::F32) {
        convert_copy<uint32_t>(src, t.data<uint32_t>(), n);
      } else {
        convert_copy<uint64_t>(src, t.data<uint64_t>(), n);
      }
      break;
    default: break;  // st_load_dtype rejected the rest
  }
  return t;
}

namespace {

// Runs `body`, re-raising its ValueError as "safetensors: '<name>': <problem>".
template <class F> LoadedSafetensors naming_file(const std::string& name, F&& body) {
  try {
    return body();
  } catch (const ValueError& e) {
    std::string msg = e.what();
    const std::string prefix = "safetensors: ";
    if (msg.rfind(prefix, 0) == 0) msg = msg.substr(prefix.size());
    RT_THROW(ValueError, "safetensors: '", name, "': ", msg);
  }
}

struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

// Reads exactly n bytes at `offset`; a short read means the file shrank while we read it.
void pread_exact(int fd, void* dst, size_t n, uint64_t offset, const std::string& path) {
  auto* p = static_cast<uint8_t*>(dst);
  while (n > 0) {
    const ssize_t r = ::pread(fd, p, std::min<size_t>(n, size_t{1} << 30), static_cast<off_t>(offset));
    if (r < 0) {
      if (errno == EINTR) continue;
      RT_THROW(Error, io_error(path, "read"));
    }
    RT_CHECK(r > 0, ValueError, "safetensors: file is truncated (it changed while being read)");
    p += r;
    n -= static_cast<size_t>(r);
    offset += static_cast<uint64_t>(r);
  }
}

}  // namespace

LoadedSafetensors load_safetensors_bytes(const uint8_t* data, size_t size, const std::string& name) {
  return naming_file(name, [&] {
    SafetensorsFile f = parse_safetensors(data, size);
    LoadedSafetensors out;
    out.metadata = std::move(f.metadata);
    out.tensors.reserve(f.tensors.size());
    for (const auto& e : f.tensors) out.tensors.emplace_back(e.name, tensor_from_entry(e, data + f.data_offset));
    return out;
  });
}

// Reads with pread straight into each tensor's storage (one copy out of the page cache, no mmap
// page faults); only the header is buffered, after its length has been checked against the file.
LoadedSafetensors load_safetensors(const std::string& path) {
  Fd file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  RT_CHECK(file.fd >= 0, Error, io_error(path, "open"));
  struct stat st {};
  RT_CHECK(::fstat(file.fd, &st) == 0, Error, io_error(path, "stat"));
  RT_CHECK(S_ISREG(st.st_mode), ValueError, "safetensors: '", path, "' is not a regular file");
  const uint64_t size = static_cast<uint64_t>(st.st_size);
  return naming_file(path, [&] {
    uint8_t len[8] = {};
    if (size >= 8) pread_exact(file.fd, len, 8, 0, path);
    const uint64_t n = read_u64_le(len);
    if (size < 8 || n > kMaxSafetensorsHeader || n > size - 8) parse_prefix(len, 8, size);  // throws the reason
    std::vector<uint8_t> head(8 + n);
    pread_exact(file.fd, head.data(), head.size(), 0, path);
    SafetensorsFile f = parse_prefix(head.data(), head.size(), size);
    LoadedSafetensors out;
    out.metadata = std::move(f.metadata);
    out.tensors.reserve(f.tensors.size());
    std::vector<uint8_t> staging;
    for (const auto& e : f.tensors) {
      const uint64_t nbytes = e.end - e.begin;
      const DType dtype = st_load_dtype(e.dtype);
      const bool direct = std::endian::native == std::endian::little &&
                          (e.dtype == StDType::F32 || e.dtype == StDType::F64 || e.dtype == StDType::I64);
      if (direct) {
        Tensor t = Tensor::empty(e.shape, dtype);
        if (nbytes) pread_exact(file.fd, t.raw_data(), nbytes, f.data_offset + e.begin, path);
        out.tensors.emplace_back(e.name, std::move(t));
      } else {  // converted (or bools normalised) from a staging buffer
        staging.resize(nbytes);
        if (nbytes) pread_exact(file.fd, staging.data(), nbytes, f.data_offset + e.begin, path);
        SafetensorsEntry local = e;
        local.end -= local.begin;
        local.begin = 0;
        out.tensors.emplace_back(e.name, tensor_from_entry(local, staging.data()));
      }
    }
    return out;
  });
}

namespace {

// Writing order: larger elements first (stable otherwise), so that every tensor's data starts at
// a multiple of its element size in the 8-byte-aligned buffer (as the safetensors package lays
// files out; zero-copy readers need it).
std::vector<size_t> layout_order(const std::vector<std::pair<std::string, Tensor>>& tensors) {
  std::vector<size_t> order(tensors.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  for (const auto& [name, t] : tensors) RT_CHECK(t.defined(), ValueError, "safetensors: tensor '", name, "' is None");
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return itemsize(tensors[a].second.dtype()) > itemsize(tensors[b].second.dtype());
  });
  return order;
}

}  // namespace

std::string safetensors_header(const std::vector<std::pair<std::string, Tensor>>& tensors,
                               const std::map<std::string, std::string>& metadata) {
  json header = json::object();
  if (!metadata.empty()) header["__metadata__"] = metadata;
  uint64_t offset = 0;
  for (size_t i : layout_order(tensors)) {
    const auto& [name, t] = tensors[i];
    RT_CHECK(name != "__metadata__", ValueError, "safetensors: '__metadata__' is reserved and cannot name a tensor");
    RT_CHECK(!header.contains(name), ValueError, "safetensors: tensor name '", name, "' appears twice");
    const uint64_t nbytes = static_cast<uint64_t>(t.numel()) * itemsize(t.dtype());
    header[name] = {{"dtype", st_dtype_name(st_dtype_for(t.dtype()))},
                    {"shape", t.shape()},
                    {"data_offsets", {offset, offset + nbytes}}};
    offset += nbytes;
  }
  std::string text = header.dump();  // compact; non-ASCII names stay UTF-8
  // Pad with spaces so that the byte buffer starts 8-byte aligned (as safetensors does).
  text.append((8 - text.size() % 8) % 8, ' ');
  std::string out;
  out.reserve(8 + text.size());
  append_u64_le(out, text.size());
  out += text;
  return out;
}

namespace {

void write_all(int fd, const void* data, size_t n) {
  const char* p = static_cast<const char*>(data);
  while (n > 0) {
    // Linux writes at most ~2 GiB per call; loop on short writes and EINTR.
    const ssize_t w = ::write(fd, p, std::min<size_t>(n, size_t{1} << 30));
    if (w < 0) {
      if (errno == EINTR) continue;
      RT_THROW(Error, "safetensors: write failed: ", std::strerror(errno));
    }
    p += w;
    n -= static_cast<size_t>(w);
  }
}

}  // namespace

uint64_t safetensors_data_size(const std::vector<std::pair<std::string, Tensor>>& tensors) {
  uint64_t total = 0;
  for (const auto& [name, t] : tensors) {
    RT_CHECK(t.defined(), ValueError, "safetensors: tensor '", name, "' is None");
    total += static_cast<uint64_t>(t.numel()) * itemsize(t.dtype());
  }
  return total;
}

void emit_safetensors(const std::vector<std::pair<std::string, Tensor>>& tensors, const std::string& header,
                      const std::function<void(const void*, size_t)>& sink) {
  sink(header.data(), header.size());
  for (size_t i : layout_order(tensors)) {
    const Tensor& t = tensors[i].second;
    if (t.numel() == 0) continue;
    const Tensor c = contiguous_as(t.detach(), t.dtype());
    if constexpr (std::endian::native == std::endian::little) {
      sink(c.raw_data(), static_cast<size_t>(c.numel()) * itemsize(c.dtype()));
    } else {
      const size_t isz = itemsize(c.dtype());
      std::vector<uint8_t> buf(static_cast<size_t>(c.numel()) * isz);
      const uint8_t* src = static_cast<const uint8_t*>(c.raw_data());
      for (size_t k = 0; k < buf.size(); k += isz)
        for (size_t b = 0; b < isz; ++b) buf[k + b] = src[k + isz - 1 - b];
      sink(buf.data(), buf.size());
    }
  }
}

void write_safetensors(int fd, const std::vector<std::pair<std::string, Tensor>>& tensors,
                       const std::map<std::string, std::string>& metadata) {
  emit_safetensors(tensors, safetensors_header(tensors, metadata),
                   [fd](const void* p, size_t n) { write_all(fd, p, n); });
}

std::vector<uint8_t> serialize_safetensors(const std::vector<std::pair<std::string, Tensor>>& tensors,
                                           const std::map<std::string, std::string>& metadata) {
  const std::string header = safetensors_header(tensors, metadata);
  std::vector<uint8_t> out;
  out.reserve(header.size() + safetensors_data_size(tensors));
  emit_safetensors(tensors, header, [&out](const void* p, size_t n) {
    const auto* b = static_cast<const uint8_t*>(p);
    out.insert(out.end(), b, b + n);
  });
  return out;
}

}  // namespace rustorch::io
