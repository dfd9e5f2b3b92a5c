// Python bindings of the neural-network functional kernels, with torch.nn.functional's names and
// signatures (they appear as rt.conv2d, ... and are re-exported by rt.nn.functional).
#include "bind_common.hpp"
#include "rustorch/nn/conv.hpp"
#include "rustorch/nn/functional.hpp"
#include "rustorch/nn/loss.hpp"
#include "rustorch/nn/norm.hpp"
#include "rustorch/nn/pool.hpp"

namespace rustorch::python {

namespace {

using OptTensor = std::optional<Tensor>;

Tensor opt(const OptTensor& t) { return t ? *t : Tensor(); }

// An int or a sequence of ints.
std::vector<int64_t> ints(py::handle h, const char* op) { return dims_from_python(h, op); }

std::vector<int64_t> ints_or_empty(py::handle h, const char* op) {
  return h.is_none() ? std::vector<int64_t>{} : dims_from_python(h, op);
}

// output_size of adaptive pooling: int, or a sequence of ints / None (None keeps the input size).
std::vector<int64_t> output_size_arg(py::handle h, const char* op) {
  if (PyLong_Check(h.ptr())) return {h.cast<int64_t>()};
  RT_CHECK(py::isinstance<py::sequence>(h) && !py::isinstance<py::str>(h), TypeError, op,
           ": output_size must be an int or a tuple of ints / None");
  std::vector<int64_t> out;
  for (py::object v : py::reinterpret_borrow<py::sequence>(h)) out.push_back(v.is_none() ? -1 : v.cast<int64_t>());
  return out;
}

std::vector<double> floats_or_empty(py::handle h) {
  if (h.is_none()) return {};
  if (py::isinstance<py::sequence>(h)) {
    std::vector<double> out;
    for (py::object v : py::reinterpret_borrow<py::sequence>(h)) out.push_back(v.cast<double>());
    return out;
  }
  return {h.cast<double>()};
}

// reduction from the legacy size_average / reduce flags when either is given (PyTorch's rule).
std::string legacy_reduction(py::handle size_average, py::handle reduce, const std::string& reduction) {
  if (size_average.is_none() && reduce.is_none()) return reduction;
  const bool sa = size_average.is_none() ? true : size_average.cast<bool>();
  const bool rd = reduce.is_none() ? true : reduce.cast<bool>();
  if (!rd) return "none";
  return sa ? "mean" : "sum";
}

py::object pool_result(const std::pair<Tensor, Tensor>& r, bool return_indices) {
  if (return_indices) return py::make_tuple(r.first, r.second);
  return py::cast(r.first);
}

void bind_conv(py::module_& m) {
  for (int64_t dims = 1; dims <= 3; ++dims) {
    const std::string name = "conv" + std::to_string(dims) + "d";
    const std::string doc = "Applies a " + std::to_string(dims) +
                            "-D convolution over an input of shape (N, C_in, *spatial) or (C_in, *spatial) with a weight "
                            "of shape (C_out, C_in / groups, *kernel). padding: int, tuple, 'same' or 'valid'.";
    m.def(
        name.c_str(),
        [dims](const Tensor& input, const Tensor& weight, const OptTensor& bias, py::handle stride, py::handle padding,
               py::handle dilation, int64_t groups) {
          const char* op = dims == 1 ? "conv1d" : dims == 2 ? "conv2d" : "conv3d";
          if (py::isinstance<py::str>(padding))
            return nn::conv_nd(input, weight, opt(bias), ints(stride, op), padding.cast<std::string>(),
                               ints(dilation, op), groups, dims);
          return nn::conv_nd(input, weight, opt(bias), ints(stride, op), ints(padding, op), ints(dilation, op), groups,
                             dims);
        },
        py::arg("input"), py::arg("weight"), py::arg("bias") = py::none(), py::arg("stride") = 1,
        py::arg("padding") = 0, py::arg("dilation") = 1, py::arg("groups") = 1, doc.c_str());
    const std::string tname = "conv_transpose" + std::to_string(dims) + "d";
    const std::string tdoc = "Applies a " + std::to_string(dims) +
                             "-D transposed convolution (the gradient of conv" + std::to_string(dims) +
                             "d with respect to its input) with a weight of shape (C_in, C_out / groups, *kernel).";
    m.def(
        tname.c_str(),
        [dims](const Tensor& input, const Tensor& weight, const OptTensor& bias, py::handle stride, py::handle padding,
               py::handle output_padding, int64_t groups, py::handle dilation) {
          const char* op = "conv_transpose";
          return nn::conv_transpose_nd(input, weight, opt(bias), ints(stride, op), ints(padding, op),
                                       ints(output_padding, op), groups, ints(dilation, op), dims);
        },
        py::arg("input"), py::arg("weight"), py::arg("bias") = py::none(), py::arg("stride") = 1,
        py::arg("padding") = 0, py::arg("output_padding") = 0, py::arg("groups") = 1, py::arg("dilation") = 1,
        tdoc.c_str());
  }
}

void bind_pool(py::module_& m) {
  for (int64_t dims = 1; dims <= 3; ++dims) {
    const std::string d = std::to_string(dims) + "d";
    auto max_fn = [dims](const Tensor& input, py::handle kernel_size, py::handle stride, py::handle padding,
                         py::handle dilation, bool ceil_mode) {
      const char* op = "max_pool";
      return nn::max_pool_nd(input, ints(kernel_size, op), ints_or_empty(stride, op), ints(padding, op),
                             ints(dilation, op), ceil_mode, dims);
    };
    m.def(
        ("max_pool" + d).c_str(),
        [max_fn](const Tensor& input, py::handle kernel_size, py::handle stride, py::handle padding,
                 py::handle dilation, bool ceil_mode, bool return_indices) {
          return pool_result(max_fn(input, kernel_size, stride, padding, dilation, ceil_mode), return_indices);
        },
        py::arg("input"), py::arg("kernel_size"), py::arg("stride") = py::none(), py::arg("padding") = 0,
        py::arg("dilation") = 1, py::arg("ceil_mode") = false, py::arg("return_indices") = false,
        ("Max pooling over the last " + std::to_string(dims) +
         " dims; stride defaults to kernel_size. With return_indices, also returns the flat indices of the maxima.")
            .c_str());
    m.def(
        ("max_pool" + d + "_with_indices").c_str(),
        [max_fn](const Tensor& input, py::handle kernel_size, py::handle stride, py::handle padding,
                 py::handle dilation, bool ceil_mode, bool return_indices) {
          return pool_result(max_fn(input, kernel_size, stride, padding, dilation, ceil_mode), true);
        },
        py::arg("input"), py::arg("kernel_size"), py::arg("stride") = py::none(), py::arg("padding") = 0,
        py::arg("dilation") = 1, py::arg("ceil_mode") = false, py::arg("return_indices") = true,
        "Max pooling returning (output, indices).");
    auto avg_fn = [dims](const Tensor& input, py::handle kernel_size, py::handle stride, py::handle padding,
                         bool ceil_mode, bool count_include_pad, std::optional<int64_t> divisor_override) {
      const char* op = "avg_pool";
      return nn::avg_pool_nd(input, ints(kernel_size, op), ints_or_empty(stride, op), ints(padding, op), ceil_mode,
                             count_include_pad, divisor_override, dims);
    };
    const std::string avg_doc = "Average pooling over the last " + std::to_string(dims) +
                                " dims; stride defaults to kernel_size.";
    if (dims == 1) {
      m.def(
          "avg_pool1d",
          [avg_fn](const Tensor& input, py::handle kernel_size, py::handle stride, py::handle padding, bool ceil_mode,
                   bool count_include_pad) {
            return avg_fn(input, kernel_size, stride, padding, ceil_mode, count_include_pad, std::nullopt);
          },
          py::arg("input"), py::arg("kernel_size"), py::arg("stride") = py::none(), py::arg("padding") = 0,
          py::arg("ceil_mode") = false, py::arg("count_include_pad") = true, avg_doc.c_str());
    } else {
      m.def(("avg_pool" + d).c_str(), avg_fn, py::arg("input"), py::arg("kernel_size"), py::arg("stride") = py::none(),
            py::arg("padding") = 0, py::arg("ceil_mode") = false, py::arg("count_include_pad") = true,
            py::arg("divisor_override") = py::none(), avg_doc.c_str());
    }
    m.def(
        ("adaptive_avg_pool" + d).c_str(),
        [dims](const Tensor& input, py::handle output_size) {
          return nn::adaptive_avg_pool_nd(input, output_size_arg(output_size, "adaptive_avg_pool"), dims);
        },
        py::arg("input"), py::arg("output_size"),
        "Adaptive average pooling to output_size (an int, or a tuple whose None entries keep the input size).");
    m.def(
        ("adaptive_max_pool" + d).c_str(),
        [dims](const Tensor& input, py::handle output_size, bool return_indices) {
          return pool_result(nn::adaptive_max_pool_nd(input, output_size_arg(output_size, "adaptive_max_pool"), dims),
                             return_indices);
        },
        py::arg("input"), py::arg("output_size"), py::arg("return_indices") = false,
        "Adaptive max pooling to output_size; with return_indices also returns the flat indices of the maxima.");
  }
}

void bind_norm(py::module_& m) {
  m.def(
      "batch_norm",
      [](const Tensor& input, const OptTensor& running_mean, const OptTensor& running_var, const OptTensor& weight,
         const OptTensor& bias, bool training, double momentum, double eps) {
        return nn::batch_norm(input, opt(running_mean), opt(running_var), opt(weight), opt(bias), training, momentum,
                              eps);
      },
      py::arg("input"), py::arg("running_mean"), py::arg("running_var"), py::arg("weight") = py::none(),
      py::arg("bias") = py::none(), py::arg("training") = false, py::arg("momentum") = 0.1, py::arg("eps") = 1e-5,
      "Batch normalization over (N, C, *). In training, uses batch statistics and updates running_mean / "
      "running_var in place (unbiased variance); otherwise uses the running statistics.");
  m.def(
      "layer_norm",
      [](const Tensor& input, py::handle normalized_shape, const OptTensor& weight, const OptTensor& bias, double eps) {
        return nn::layer_norm(input, ints(normalized_shape, "layer_norm"), opt(weight), opt(bias), eps);
      },
      py::arg("input"), py::arg("normalized_shape"), py::arg("weight") = py::none(), py::arg("bias") = py::none(),
      py::arg("eps") = 1e-5, "Layer normalization over the trailing dims given by normalized_shape.");
  m.def(
      "group_norm",
      [](const Tensor& input, int64_t num_groups, const OptTensor& weight, const OptTensor& bias, double eps) {
        return nn::group_norm(input, num_groups, opt(weight), opt(bias), eps);
      },
      py::arg("input"), py::arg("num_groups"), py::arg("weight") = py::none(), py::arg("bias") = py::none(),
      py::arg("eps") = 1e-5, "Group normalization of (N, C, *) over num_groups groups of channels.");
  m.def(
      "instance_norm",
      [](const Tensor& input, const OptTensor& running_mean, const OptTensor& running_var, const OptTensor& weight,
         const OptTensor& bias, bool use_input_stats, double momentum, double eps) {
        return nn::instance_norm(input, opt(running_mean), opt(running_var), opt(weight), opt(bias), use_input_stats,
                                 momentum, eps);
      },
      py::arg("input"), py::arg("running_mean") = py::none(), py::arg("running_var") = py::none(),
      py::arg("weight") = py::none(), py::arg("bias") = py::none(), py::arg("use_input_stats") = true,
      py::arg("momentum") = 0.1, py::arg("eps") = 1e-5, "Instance normalization of each (sample, channel) plane.");
}

void bind_functional(py::module_& m) {
  m.def("dropout", &nn::dropout, py::arg("input"), py::arg("p") = 0.5, py::arg("training") = true,
        py::arg("inplace") = false,
        "Zeroes elements with probability p and scales the others by 1/(1-p) when training (reproducible under "
        "rt.manual_seed).");
  for (int64_t fd = 1; fd <= 3; ++fd) {
    const std::string name = "dropout" + std::to_string(fd) + "d";
    m.def(
        name.c_str(),
        [fd](const Tensor& input, double p, bool training, bool inplace) {
          return nn::feature_dropout(input, p, training, fd, inplace);
        },
        py::arg("input"), py::arg("p") = 0.5, py::arg("training") = true, py::arg("inplace") = false,
        "Zeroes whole channels (feature maps) with probability p when training, scaling the rest by 1/(1-p).");
  }
  m.def(
      "embedding",
      [](const Tensor& input, const Tensor& weight, std::optional<int64_t> padding_idx, std::optional<double> max_norm,
         double norm_type, bool scale_grad_by_freq, bool sparse) {
        return nn::embedding(input, weight, padding_idx, max_norm, norm_type, scale_grad_by_freq, sparse);
      },
      py::arg("input"), py::arg("weight"), py::arg("padding_idx") = py::none(), py::arg("max_norm") = py::none(),
      py::arg("norm_type") = 2.0, py::arg("scale_grad_by_freq") = false, py::arg("sparse") = false,
      "Looks up rows of weight (num_embeddings, embedding_dim) at the int64 indices input "
      "(torch.nn.functional.embedding's argument order). The padding_idx row gets no gradient.");
  m.def(
      "pad",
      [](const Tensor& input, py::handle pad, const std::string& mode, std::optional<double> value) {
        RT_CHECK(!(value && mode != "constant" && *value != 0.0), ValueError, "pad: padding mode '", mode,
                 "' doesn't take in value argument");
        return nn::pad(input, ints(pad, "pad"), mode, value.value_or(0.0));
      },
      py::arg("input"), py::arg("pad"), py::arg("mode") = "constant", py::arg("value") = py::none(),
      "Pads the last len(pad) // 2 dims: pad = (left, right, top, bottom, ...); negative values crop. mode: "
      "'constant', 'reflect', 'replicate' or 'circular'.");
  auto interp = [](const Tensor& input, py::handle size, py::handle scale_factor, const std::string& mode,
                   std::optional<bool> align_corners, std::optional<bool> recompute_scale_factor, bool antialias) {
    RT_CHECK(!antialias, ValueError, "interpolate: antialias=True is not supported");
    return nn::interpolate(input, ints_or_empty(size, "interpolate"), floats_or_empty(scale_factor), mode,
                           align_corners, recompute_scale_factor);
  };
  m.def("interpolate", interp, py::arg("input"), py::arg("size") = py::none(), py::arg("scale_factor") = py::none(),
        py::arg("mode") = "nearest", py::arg("align_corners") = py::none(),
        py::arg("recompute_scale_factor") = py::none(), py::arg("antialias") = false,
        "Resizes the spatial dims of (N, C, *spatial) to size or by scale_factor. mode: nearest, nearest-exact, "
        "linear, bilinear, trilinear or area.");
  m.def(
      "upsample",
      [interp](const Tensor& input, py::handle size, py::handle scale_factor, const std::string& mode,
               std::optional<bool> align_corners) {
        return interp(input, size, scale_factor, mode, align_corners, std::nullopt, false);
      },
      py::arg("input"), py::arg("size") = py::none(), py::arg("scale_factor") = py::none(), py::arg("mode") = "nearest",
      py::arg("align_corners") = py::none(), "Same as interpolate (deprecated name).");
  m.def(
      "upsample_nearest",
      [interp](const Tensor& input, py::handle size, py::handle scale_factor) {
        return interp(input, size, scale_factor, "nearest", std::nullopt, std::nullopt, false);
      },
      py::arg("input"), py::arg("size") = py::none(), py::arg("scale_factor") = py::none(),
      "interpolate(..., mode='nearest').");
  m.def(
      "upsample_bilinear",
      [interp](const Tensor& input, py::handle size, py::handle scale_factor) {
        return interp(input, size, scale_factor, "bilinear", true, std::nullopt, false);
      },
      py::arg("input"), py::arg("size") = py::none(), py::arg("scale_factor") = py::none(),
      "interpolate(..., mode='bilinear', align_corners=True).");
  m.def("one_hot", &nn::one_hot, py::arg("tensor"), py::arg("num_classes") = -1,
        "int64 one-hot encoding with a trailing dim of num_classes (max + 1 when -1).");
}

void bind_loss(py::module_& m) {
  m.def(
      "cross_entropy",
      [](const Tensor& input, const Tensor& target, const OptTensor& weight, py::handle size_average,
         int64_t ignore_index, py::handle reduce, const std::string& reduction, double label_smoothing) {
        return nn::cross_entropy(input, target, opt(weight), ignore_index,
                                 legacy_reduction(size_average, reduce, reduction), label_smoothing);
      },
      py::arg("input"), py::arg("target"), py::arg("weight") = py::none(), py::arg("size_average") = py::none(),
      py::arg("ignore_index") = -100, py::arg("reduce") = py::none(), py::arg("reduction") = "mean",
      py::arg("label_smoothing") = 0.0,
      "Cross entropy of logits (N, C, *) against int64 class indices (N, *) or class probabilities (N, C, *), "
      "fused with the log-softmax.");
  m.def(
      "nll_loss",
      [](const Tensor& input, const Tensor& target, const OptTensor& weight, py::handle size_average,
         int64_t ignore_index, py::handle reduce, const std::string& reduction) {
        return nn::nll_loss(input, target, opt(weight), ignore_index, legacy_reduction(size_average, reduce, reduction));
      },
      py::arg("input"), py::arg("target"), py::arg("weight") = py::none(), py::arg("size_average") = py::none(),
      py::arg("ignore_index") = -100, py::arg("reduce") = py::none(), py::arg("reduction") = "mean",
      "Negative log likelihood of log-probabilities (N, C, *) at int64 class indices (N, *).");
  m.def(
      "binary_cross_entropy_with_logits",
      [](const Tensor& input, const Tensor& target, const OptTensor& weight, py::handle size_average,
         py::handle reduce, const std::string& reduction, const OptTensor& pos_weight) {
        return nn::binary_cross_entropy_with_logits(input, target, opt(weight), opt(pos_weight),
                                                    legacy_reduction(size_average, reduce, reduction));
      },
      py::arg("input"), py::arg("target"), py::arg("weight") = py::none(), py::arg("size_average") = py::none(),
      py::arg("reduce") = py::none(), py::arg("reduction") = "mean", py::arg("pos_weight") = py::none(),
      "Binary cross entropy of logits against targets of the same shape, computed stably; weight and pos_weight "
      "broadcast to the input.");
}

}  // namespace

void bind_nn(py::module_& m) {
  bind_conv(m);
  bind_pool(m);
  bind_norm(m);
  bind_functional(m);
  bind_loss(m);
}

}  // namespace rustorch::python
