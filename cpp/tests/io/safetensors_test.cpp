#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "rustorch/io/safetensors.hpp"

using namespace rustorch;
using namespace rustorch::io;

namespace {

Tensor iota_tensor(const Shape& shape, DType dtype) {
  Tensor t = Tensor::empty(shape, dtype);
  dispatch_dtype(dtype, [&](auto tag) {
    using T = typename decltype(tag)::type;
    for (int64_t i = 0; i < t.numel(); ++i) t.data<T>()[i] = static_cast<T>(i % 3 == 1 ? i : 0);
  });
  return t;
}

// A safetensors image with the given header JSON and `data_bytes` zero bytes of data.
std::vector<uint8_t> image(const std::string& header, size_t data_bytes) {
  std::vector<uint8_t> out(8 + header.size() + data_bytes, 0);
  uint64_t n = header.size();
  for (int i = 0; i < 8; ++i) out[i] = static_cast<uint8_t>(n >> (8 * i));
  std::memcpy(out.data() + 8, header.data(), header.size());
  return out;
}

void expect_value_error(const std::vector<uint8_t>& bytes, const std::string& needle) {
  try {
    parse_safetensors(bytes.data(), bytes.size());
    FAIL() << "no error for image expecting '" << needle << "'";
  } catch (const ValueError& e) {
    EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
  }
}

}  // namespace

TEST(Safetensors, RoundTripEveryDType) {
  std::vector<std::pair<std::string, Tensor>> ts = {
      {"f32", iota_tensor({2, 3}, DType::Float32)}, {"f64", iota_tensor({5}, DType::Float64)},
      {"i64", iota_tensor({1, 1, 3}, DType::Int64)}, {"b", iota_tensor({4}, DType::Bool)},
      {"scalar", iota_tensor({}, DType::Float32)},   {"empty", iota_tensor({0, 4}, DType::Float64)}};
  auto bytes = serialize_safetensors(ts, {{"format", "pt"}});
  SafetensorsFile f = parse_safetensors(bytes.data(), bytes.size());
  EXPECT_EQ(f.data_offset % 8, 0u);
  EXPECT_EQ(f.metadata.at("format"), "pt");
  ASSERT_EQ(f.tensors.size(), ts.size());
  auto loaded = load_safetensors_bytes(bytes.data(), bytes.size(), "mem");
  for (const auto& entry : ts) {
    const std::string& name = entry.first;  // not a structured binding: clang 14 cannot capture those
    const Tensor& t = entry.second;
    auto it = std::find_if(loaded.tensors.begin(), loaded.tensors.end(), [&](auto& p) { return p.first == name; });
    ASSERT_NE(it, loaded.tensors.end()) << name;
    EXPECT_EQ(it->second.shape(), t.shape());
    EXPECT_EQ(it->second.dtype(), t.dtype());
    EXPECT_EQ(std::memcmp(it->second.raw_data(), t.raw_data(), t.numel() * itemsize(t.dtype())), 0) << name;
  }
}

TEST(Safetensors, ConvertsNarrowTypes) {
  // F16 1.0, -2.0, 65504, smallest subnormal; BF16 1.5; I8 -3; U8 255.
  std::string h = R"({"h":{"dtype":"F16","shape":[4],"data_offsets":[0,8]},)"
                  R"("b":{"dtype":"BF16","shape":[1],"data_offsets":[8,10]},)"
                  R"("i":{"dtype":"I8","shape":[1],"data_offsets":[10,11]},)"
                  R"("u":{"dtype":"U8","shape":[1],"data_offsets":[11,12]}})";
  auto bytes = image(h, 12);
  uint8_t* d = bytes.data() + 8 + h.size();
  const uint16_t halves[] = {0x3c00, 0xc000, 0x7bff, 0x0001};
  std::memcpy(d, halves, 8);
  const uint16_t bf = 0x3fc0;
  std::memcpy(d + 8, &bf, 2);
  d[10] = 0xfd;
  d[11] = 0xff;
  auto loaded = load_safetensors_bytes(bytes.data(), bytes.size(), "mem");
  std::map<std::string, Tensor> m(loaded.tensors.begin(), loaded.tensors.end());
  EXPECT_EQ(m["h"].dtype(), DType::Float32);
  EXPECT_EQ(m["h"].data<float>()[0], 1.0f);
  EXPECT_EQ(m["h"].data<float>()[1], -2.0f);
  EXPECT_EQ(m["h"].data<float>()[2], 65504.0f);
  EXPECT_EQ(m["h"].data<float>()[3], 5.960464477539063e-08f);
  EXPECT_EQ(m["b"].data<float>()[0], 1.5f);
  EXPECT_EQ(m["i"].data<int64_t>()[0], -3);
  EXPECT_EQ(m["u"].data<int64_t>()[0], 255);
}

TEST(Safetensors, RejectsHostileHeaders) {
  expect_value_error({1, 2, 3}, "truncated");
  std::vector<uint8_t> huge(16, 0xff);
  expect_value_error(huge, "exceeds the 100 MB limit");
  auto trunc = image(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})", 8);
  trunc[0] += 1;  // header length one past the end
  expect_value_error(trunc, "");
  expect_value_error(image("[1,2]   ", 0), "does not start with '{'");
  expect_value_error(image("{\"a\":", 0), "not valid JSON");
  expect_value_error(image(R"({"a":{"dtype":"Q7","shape":[1],"data_offsets":[0,1]}})", 1), "unknown dtype");
  expect_value_error(image(R"({"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}})", 4), "non-negative");
  expect_value_error(image(R"({"a":{"dtype":"F32","shape":[3],"data_offsets":[0,4]}})", 4), "needs 12 bytes");
  expect_value_error(image(R"({"a":{"dtype":"F64","shape":[4294967296,4294967296],"data_offsets":[0,8]}})", 8),
                     "overflows");
  expect_value_error(image(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},)"
                           R"("b":{"dtype":"F32","shape":[1],"data_offsets":[2,6]}})", 6), "overlaps");
  expect_value_error(image(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})", 8), "gap");
  expect_value_error(image(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})", 12), "trailing");
  expect_value_error(image(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})", 4), "beyond the byte buffer");
  expect_value_error(image(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},)"
                           R"("a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})", 8), "more than once");
  expect_value_error(image(R"({"a":{"dtype":"F32","shape":[[[1]]],"data_offsets":[0,4]}})", 4), "nests deeper");
  expect_value_error(image(R"({"__metadata__":{"k":1}})", 0), "not a string");
  auto u16 = image(R"({"a":{"dtype":"U16","shape":[1],"data_offsets":[0,2]}})", 2);
  EXPECT_NO_THROW(parse_safetensors(u16.data(), u16.size()));  // a valid file; loading rejects the dtype
  EXPECT_THROW(load_safetensors_bytes(u16.data(), u16.size(), "x.safetensors"), ValueError);
}

TEST(Safetensors, LoadErrorsNameTheFile) {
  auto bad = image(R"({"a":{"dtype":"F32","shape":[3],"data_offsets":[0,4]}})", 4);
  try {
    load_safetensors_bytes(bad.data(), bad.size(), "weights.safetensors");
    FAIL();
  } catch (const ValueError& e) {
    EXPECT_NE(std::string(e.what()).find("'weights.safetensors'"), std::string::npos) << e.what();
  }
  EXPECT_THROW(load_safetensors("/nonexistent/dir/x.safetensors"), Error);
}
