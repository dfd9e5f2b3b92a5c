#include "rustorch/data/image.hpp"

#include <cstring>

#include "rustorch/core/error.hpp"
#include "rustorch/core/parallel.hpp"
#include "rustorch/ops/copy.hpp"

namespace rustorch::data {

namespace {

template <class T>
void convert_images(const uint8_t* src, T* dst, int64_t n, int64_t c, int64_t hw, const std::vector<T>& lut,
                    bool parallel) {
  auto body = [&](int64_t i0, int64_t i1) {
    for (int64_t i = i0; i < i1; ++i) {
      const uint8_t* s = src + i * hw * c;
      T* d = dst + i * hw * c;
      if (c == 1) {
        const T* t = lut.data();
        for (int64_t p = 0; p < hw; ++p) d[p] = t[s[p]];
      } else {
        for (int64_t ch = 0; ch < c; ++ch) {
          const T* t = lut.data() + ch * 256;
          T* dc = d + ch * hw;
          for (int64_t p = 0; p < hw; ++p) dc[p] = t[s[p * c + ch]];
        }
      }
    }
  };
  if (parallel) parallel_for(n, std::max<int64_t>(1, 16384 / std::max<int64_t>(1, hw * c)), body);
  else body(0, n);
}

}  // namespace

Tensor u8_images_to_float(const uint8_t* src, const Shape& shape, bool batched, const std::vector<double>& mean,
                          const std::vector<double>& std, DType dtype, bool parallel) {
  const size_t lead = batched ? 1 : 0;
  RT_CHECK(shape.size() == lead + 2 || shape.size() == lead + 3, ValueError, "ToTensor: expected ",
           batched ? "(N, H, W) or (N, H, W, C)" : "(H, W) or (H, W, C)", " uint8 images, got shape ",
           shape_str(shape));
  RT_CHECK(is_floating(dtype), TypeError, "ToTensor: the output dtype must be floating, got ", dtype_name(dtype));
  const int64_t n = batched ? shape[0] : 1;
  const int64_t h = shape[lead], w = shape[lead + 1];
  const int64_t c = shape.size() == lead + 3 ? shape[lead + 2] : 1;
  RT_CHECK(mean.size() == 1 || static_cast<int64_t>(mean.size()) == c, ValueError, "Normalize: ", mean.size(),
           " mean values for an image with ", c, " channels");
  RT_CHECK(std.size() == 1 || static_cast<int64_t>(std.size()) == c, ValueError, "Normalize: ", std.size(),
           " std values for an image with ", c, " channels");
  for (double s : std) RT_CHECK(s != 0.0, ValueError, "Normalize: std evaluated to zero, leading to division by zero");
  Shape out_shape = batched ? Shape{n, c, h, w} : Shape{c, h, w};
  Tensor out = Tensor::empty(out_shape, dtype);
  dispatch_floating(dtype, [&](auto tag) {
    using T = typename decltype(tag)::type;
    std::vector<T> lut(static_cast<size_t>(256 * c));
    for (int64_t ch = 0; ch < c; ++ch) {
      const double m = mean.size() == 1 ? mean[0] : mean[ch];
      const double s = std.size() == 1 ? std[0] : std[ch];
      for (int v = 0; v < 256; ++v) {
        // Same rounding as ToTensor then Normalize in float: (float(v) / 255 - m) / s.
        const T x = static_cast<T>(v) / static_cast<T>(255);
        lut[ch * 256 + v] = (m == 0.0 && s == 1.0) ? x : static_cast<T>((x - static_cast<T>(m)) / static_cast<T>(s));
      }
    }
    convert_images<T>(src, out.data<T>(), n, c, h * w, lut, parallel);
  });
  return out;
}

Tensor normalize_channels(const Tensor& x, const std::vector<double>& mean, const std::vector<double>& std) {
  RT_CHECK(is_floating(x.dtype()), TypeError, "Normalize: input tensor should be a float tensor, got ",
           dtype_name(x.dtype()));
  RT_CHECK(x.dim() >= 3, ValueError, "Normalize: expected a tensor image of size (..., C, H, W), got ",
           shape_str(x.shape()));
  const int64_t c = x.shape()[x.dim() - 3];
  const int64_t hw = x.shape()[x.dim() - 2] * x.shape()[x.dim() - 1];
  const int64_t outer = c * hw == 0 ? 0 : x.numel() / (c * hw);
  RT_CHECK(mean.size() == 1 || static_cast<int64_t>(mean.size()) == c, ValueError, "Normalize: ", mean.size(),
           " mean values for an image with ", c, " channels");
  RT_CHECK(std.size() == 1 || static_cast<int64_t>(std.size()) == c, ValueError, "Normalize: ", std.size(),
           " std values for an image with ", c, " channels");
  Tensor src = contiguous_as(x.detach(), x.dtype());
  Tensor out = Tensor::empty(x.shape(), x.dtype());
  dispatch_floating(x.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    std::vector<T> m(static_cast<size_t>(c)), sd(static_cast<size_t>(c));
    for (int64_t ch = 0; ch < c; ++ch) {
      m[ch] = static_cast<T>(mean.size() == 1 ? mean[0] : mean[ch]);
      sd[ch] = static_cast<T>(std.size() == 1 ? std[0] : std[ch]);
      RT_CHECK(sd[ch] != T(0), ValueError, "Normalize: std evaluated to zero after conversion to ",
               dtype_name(x.dtype()), ", leading to division by zero");
    }
    const T* in = src.data<T>();
    T* o = out.data<T>();
    for (int64_t k = 0; k < outer; ++k)
      for (int64_t ch = 0; ch < c; ++ch) {
        const int64_t base = (k * c + ch) * hw;
        const T mv = m[ch], sv = sd[ch];
        for (int64_t p = 0; p < hw; ++p) o[base + p] = (in[base + p] - mv) / sv;
      }
  });
  return out;
}

Tensor stack_samples(const TensorList& samples) {
  RT_CHECK(!samples.empty(), ValueError, "default_collate: cannot stack an empty list of tensors");
  const Shape& shape = samples[0].shape();
  DType dtype = samples[0].dtype();
  for (size_t i = 1; i < samples.size(); ++i) {
    RT_CHECK(samples[i].shape() == shape, ValueError,
             "default_collate: stack expects each tensor to be equal size, but got ", shape_str(shape),
             " at entry 0 and ", shape_str(samples[i].shape()), " at entry ", i);
    dtype = promote_types(dtype, samples[i].dtype());
  }
  Shape out_shape{static_cast<int64_t>(samples.size())};
  out_shape.insert(out_shape.end(), shape.begin(), shape.end());
  Tensor out = Tensor::empty(out_shape, dtype);
  const int64_t per = shape_numel(shape);
  const size_t bytes = static_cast<size_t>(per) * itemsize(dtype);
  char* dst = static_cast<char*>(out.raw_data());
  for (size_t i = 0; i < samples.size(); ++i) {
    const Tensor& s = samples[i];
    if (s.is_contiguous() && s.dtype() == dtype) {
      std::memcpy(dst + i * bytes, s.raw_data(), bytes);
    } else {
      Tensor row = out.as_strided(shape, contiguous_strides(shape), static_cast<int64_t>(i) * per);
      copy_kernel(row, s);
    }
  }
  return out;
}

}  // namespace rustorch::data
