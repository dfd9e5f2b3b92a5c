// Python bindings of the neural-network functional kernels, with torch.nn.functional's names and
// signatures (they appear as rt.conv2d, ... and are re-exported by rt.nn.functional).
#include <algorithm>

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

// Argument entries shared by several bindings.
const std::string kReductionArg = "reduction (str): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.";
const std::string kSizeAverageArg = "size_average (bool, optional): deprecated; use ``reduction``. Default: None.";
const std::string kReduceArg = "reduce (bool, optional): deprecated; use ``reduction``. Default: None.";

py::object pool_result(const std::pair<Tensor, Tensor>& r, bool return_indices) {
  if (return_indices) return py::make_tuple(r.first, r.second);
  return py::cast(r.first);
}

void bind_conv(py::module_& m) {
  for (int64_t dims = 1; dims <= 3; ++dims) {
    const std::string name = "conv" + std::to_string(dims) + "d";
    const std::string n = std::to_string(dims);
    static const char* const kConvExamples[] = {
        ">>> x = rt.arange(5.).reshape(1, 1, 5)\n"
        ">>> w = rt.tensor([[[1., 0., -1.]], [[1., 1., 1.]]])\n"
        ">>> F.conv1d(x, w)\n"
        "tensor([[[-2., -2., -2.],\n"
        "         [ 3.,  6.,  9.]]])\n"
        ">>> tuple(F.conv1d(rt.randn(2, 3, 10), rt.randn(4, 3, 3), padding='same').shape)\n"
        "(2, 4, 10)",
        ">>> x = rt.arange(9.).reshape(1, 1, 3, 3)\n"
        ">>> F.conv2d(x, rt.ones(1, 1, 2, 2))\n"
        "tensor([[[[ 8., 12.],\n"
        "          [20., 24.]]]])\n"
        ">>> tuple(F.conv2d(rt.randn(1, 4, 8, 8), rt.randn(6, 2, 3, 3), stride=2, padding=1, groups=2).shape)\n"
        "(1, 6, 4, 4)",
        ">>> x = rt.ones(1, 1, 3, 3, 3)\n"
        ">>> F.conv3d(x, rt.ones(2, 1, 2, 2, 2))[0, 1, 0]\n"
        "tensor([[8., 8.],\n"
        "        [8., 8.]])\n"
        ">>> tuple(F.conv3d(x, rt.ones(2, 1, 3, 3, 3), padding=1).shape)\n"
        "(1, 2, 3, 3, 3)"};
    const char* doc = op_doc(
        "Applies a " + n +
            "-D convolution over an input of shape (N, C_in, *spatial) or (C_in, *spatial) with a weight "
            "of shape (C_out, C_in / groups, *kernel). padding: int, tuple, 'same' or 'valid'.",
        {"input (Tensor): the input, (N, C_in, *spatial) or (C_in, *spatial) with " + n + " spatial dim(s).",
         "weight (Tensor): the filters, (C_out, C_in / groups, *kernel).",
         "bias (Tensor, optional): the bias, (C_out,). Default: None.",
         "stride (int or tuple of ints): the step of the kernel. Default: 1.",
         "padding (int, tuple of ints or str): the zero padding on both sides of each spatial dim, or "
         "``'valid'`` (none) or ``'same'`` (the output keeps the input's size; stride 1). Default: 0.",
         "dilation (int or tuple of ints): the spacing between kernel elements. Default: 1.",
         "groups (int): the number of blocked connections from input to output channels (divides C_in and "
         "C_out). Default: 1."},
        "Tensor: the output, (N, C_out, *spatial_out) (no batch dim when the input has none).",
        kConvExamples[dims - 1]);
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
        py::arg("padding") = 0, py::arg("dilation") = 1, py::arg("groups") = 1, doc);
    const std::string tname = "conv_transpose" + std::to_string(dims) + "d";
    static const char* const kConvTransposeExamples[] = {
        ">>> x = rt.tensor([[[1., 2.]]])\n"
        ">>> F.conv_transpose1d(x, rt.ones(1, 1, 3)).tolist()\n"
        "[[[1.0, 3.0, 3.0, 2.0]]]\n"
        ">>> tuple(F.conv_transpose1d(rt.randn(2, 4, 5), rt.randn(4, 3, 3), stride=2).shape)\n"
        "(2, 3, 11)",
        ">>> x = rt.ones(1, 1, 2, 2)\n"
        ">>> F.conv_transpose2d(x, rt.ones(1, 1, 2, 2))\n"
        "tensor([[[[1., 2., 1.],\n"
        "          [2., 4., 2.],\n"
        "          [1., 2., 1.]]]])\n"
        ">>> tuple(F.conv_transpose2d(x, rt.ones(1, 3, 2, 2), stride=2).shape)\n"
        "(1, 3, 4, 4)",
        ">>> x = rt.ones(1, 2, 2, 2, 2)\n"
        ">>> tuple(F.conv_transpose3d(x, rt.ones(2, 4, 3, 3, 3), stride=2, padding=1, output_padding=1).shape)\n"
        "(1, 4, 4, 4, 4)"};
    const char* tdoc = op_doc(
        "Applies a " + n + "-D transposed convolution (the gradient of conv" + n +
            "d with respect to its input) with a weight of shape (C_in, C_out / groups, *kernel).",
        {"input (Tensor): the input, (N, C_in, *spatial) or (C_in, *spatial) with " + n + " spatial dim(s).",
         "weight (Tensor): the filters, (C_in, C_out / groups, *kernel).",
         "bias (Tensor, optional): the bias, (C_out,). Default: None.",
         "stride (int or tuple of ints): the stride of the convolution this one transposes. Default: 1.",
         "padding (int or tuple of ints): the padding of the convolution this one transposes (removed from "
         "each side of the output). Default: 0.",
         "output_padding (int or tuple of ints): extra size added to one side of each output dim. Default: 0.",
         "groups (int): the number of blocked connections from input to output channels. Default: 1.",
         "dilation (int or tuple of ints): the spacing between kernel elements. Default: 1."},
        "Tensor: the output, (N, C_out, *spatial_out) with spatial_out = (in - 1) * stride - 2 * padding + "
        "dilation * (kernel - 1) + output_padding + 1.",
        kConvTransposeExamples[dims - 1]);
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
        tdoc);
  }
}

void bind_pool(py::module_& m) {
  // Inputs of the examples, one per dims, and the shapes spelled in the Args.
  static const char* const kPoolInput[] = {">>> x = rt.tensor([[[1., 5., 2., 0., 3., 4.]]])",
                                           ">>> x = rt.arange(16.).reshape(1, 1, 4, 4)",
                                           ">>> x = rt.arange(64.).reshape(1, 1, 4, 4, 4)"};
  static const char* const kSpatial[] = {"L", "H, W", "D, H, W"};
  static const char* const kMaxPoolExamples[] = {
      ">>> F.max_pool1d(x, 2).tolist()\n"
      "[[[5.0, 2.0, 4.0]]]\n"
      ">>> out, idx = F.max_pool1d(x, 3, stride=1, return_indices=True)\n"
      ">>> idx.tolist()\n"
      "[[[1, 1, 4, 5]]]",
      ">>> F.max_pool2d(x, 2)\n"
      "tensor([[[[ 5.,  7.],\n"
      "          [13., 15.]]]])\n"
      ">>> tuple(F.max_pool2d(rt.randn(2, 3, 7, 7), 3, stride=2, padding=1).shape)\n"
      "(2, 3, 4, 4)",
      ">>> F.max_pool3d(x, 2)[0, 0]\n"
      "tensor([[[21., 23.],\n"
      "         [29., 31.]],\n"
      "<BLANKLINE>\n"
      "        [[53., 55.],\n"
      "         [61., 63.]]])\n"
      ">>> tuple(F.max_pool3d(x, 3, stride=1, ceil_mode=True).shape)\n"
      "(1, 1, 2, 2, 2)"};
  static const char* const kMaxPoolWithIndicesExamples[] = {
      ">>> out, idx = F.max_pool1d_with_indices(x, 2)\n"
      ">>> out.tolist(), idx.tolist()\n"
      "([[[5.0, 2.0, 4.0]]], [[[1, 2, 5]]])",
      ">>> out, idx = F.max_pool2d_with_indices(x, 2)\n"
      ">>> idx\n"
      "tensor([[[[ 5,  7],\n"
      "          [13, 15]]]])",
      ">>> out, idx = F.max_pool3d_with_indices(x, 4)\n"
      ">>> out.item(), idx.item()\n"
      "(63.0, 63)"};
  static const char* const kAvgPoolExamples[] = {
      ">>> F.avg_pool1d(x, 2).tolist()\n"
      "[[[3.0, 1.0, 3.5]]]\n"
      ">>> F.avg_pool1d(x, 2, padding=1, count_include_pad=False).tolist()\n"
      "[[[1.0, 3.5, 1.5, 4.0]]]",
      ">>> F.avg_pool2d(x, 2)\n"
      "tensor([[[[ 2.5000,  4.5000],\n"
      "          [10.5000, 12.5000]]]])\n"
      ">>> F.avg_pool2d(x, 4, divisor_override=1).item()\n"
      "120.0",
      ">>> F.avg_pool3d(x, 4).item()\n"
      "31.5\n"
      ">>> tuple(F.avg_pool3d(x, 2, stride=1).shape)\n"
      "(1, 1, 3, 3, 3)"};
  static const char* const kAdaptiveAvgExamples[] = {
      ">>> F.adaptive_avg_pool1d(x, 2).tolist()\n"
      "[[[2.6666667461395264, 2.3333332538604736]]]\n"
      ">>> F.adaptive_avg_pool1d(x, 1).item()\n"
      "2.5",
      ">>> F.adaptive_avg_pool2d(x, 1).item()\n"
      "7.5\n"
      ">>> tuple(F.adaptive_avg_pool2d(rt.randn(2, 3, 7, 9), (2, None)).shape)\n"
      "(2, 3, 2, 9)",
      ">>> tuple(F.adaptive_avg_pool3d(x, (1, 2, 3)).shape)\n"
      "(1, 1, 1, 2, 3)\n"
      ">>> F.adaptive_avg_pool3d(x, 1).item()\n"
      "31.5"};
  static const char* const kAdaptiveMaxExamples[] = {
      ">>> F.adaptive_max_pool1d(x, 2).tolist()\n"
      "[[[5.0, 4.0]]]\n"
      ">>> out, idx = F.adaptive_max_pool1d(x, 3, return_indices=True)\n"
      ">>> idx.tolist()\n"
      "[[[1, 2, 5]]]",
      ">>> F.adaptive_max_pool2d(x, 2)\n"
      "tensor([[[[ 5.,  7.],\n"
      "          [13., 15.]]]])",
      ">>> out, idx = F.adaptive_max_pool3d(x, 1, return_indices=True)\n"
      ">>> out.item(), idx.item()\n"
      "(63.0, 63)"};
  for (int64_t dims = 1; dims <= 3; ++dims) {
    const std::string d = std::to_string(dims) + "d";
    const std::string n = std::to_string(dims);
    const std::string sp = kSpatial[dims - 1];
    const std::string ex_input = std::string(kPoolInput[dims - 1]) + "\n";
    const std::string input_arg = "input (Tensor): the input, (N, C, " + sp + ") or (C, " + sp + ").";
    const std::string indices_note = dims == 1 ? "the indices of the maxima in the input's last dim"
                                               : "the flat indices of the maxima in each (" + sp + ") plane";
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
        op_doc("Max pooling over the last " + n +
                   " dims; stride defaults to kernel_size. With return_indices, also returns the flat indices of the "
                   "maxima.",
               {input_arg, "kernel_size (int or tuple of ints): the window size.",
                "stride (int or tuple of ints, optional): the step of the window; ``kernel_size`` when None. "
                "Default: None.",
                "padding (int or tuple of ints): the implicit -inf padding on both sides (at most half the "
                "kernel). Default: 0.",
                "dilation (int or tuple of ints): the spacing between window elements. Default: 1.",
                "ceil_mode (bool): round the output size up instead of down. Default: False.",
                "return_indices (bool): also return " + indices_note + " (int64). Default: False."},
               "Tensor or tuple of Tensors: the pooled output, or ``(output, indices)`` with ``return_indices``.",
               ex_input + kMaxPoolExamples[dims - 1]));
    m.def(
        ("max_pool" + d + "_with_indices").c_str(),
        [max_fn](const Tensor& input, py::handle kernel_size, py::handle stride, py::handle padding,
                 py::handle dilation, bool ceil_mode, bool return_indices) {
          return pool_result(max_fn(input, kernel_size, stride, padding, dilation, ceil_mode), true);
        },
        py::arg("input"), py::arg("kernel_size"), py::arg("stride") = py::none(), py::arg("padding") = 0,
        py::arg("dilation") = 1, py::arg("ceil_mode") = false, py::arg("return_indices") = true,
        op_doc("Max pooling over the last " + n + " dims returning (output, indices).",
               {input_arg, "kernel_size (int or tuple of ints): the window size.",
                "stride (int or tuple of ints, optional): the step of the window; ``kernel_size`` when None. "
                "Default: None.",
                "padding (int or tuple of ints): the implicit -inf padding on both sides. Default: 0.",
                "dilation (int or tuple of ints): the spacing between window elements. Default: 1.",
                "ceil_mode (bool): round the output size up instead of down. Default: False.",
                "return_indices (bool): accepted for compatibility; the indices are always returned. Default: True."},
               "tuple of Tensors: the pooled ``output`` and the int64 ``indices``: " + indices_note + ".",
               ex_input + kMaxPoolWithIndicesExamples[dims - 1]));
    auto avg_fn = [dims](const Tensor& input, py::handle kernel_size, py::handle stride, py::handle padding,
                         bool ceil_mode, bool count_include_pad, std::optional<int64_t> divisor_override) {
      const char* op = "avg_pool";
      return nn::avg_pool_nd(input, ints(kernel_size, op), ints_or_empty(stride, op), ints(padding, op), ceil_mode,
                             count_include_pad, divisor_override, dims);
    };
    std::vector<std::string> avg_args = {
        input_arg, "kernel_size (int or tuple of ints): the window size.",
        "stride (int or tuple of ints, optional): the step of the window; ``kernel_size`` when None. Default: None.",
        "padding (int or tuple of ints): the implicit zero padding on both sides (at most half the kernel). "
        "Default: 0.",
        "ceil_mode (bool): round the output size up instead of down. Default: False.",
        "count_include_pad (bool): count the zero padding in the averages' divisor. Default: True."};
    if (dims > 1)
      avg_args.push_back("divisor_override (int, optional): divide each window's sum by this instead. Default: None.");
    const char* avg_doc = op_doc("Average pooling over the last " + n + " dims; stride defaults to kernel_size.",
                                 avg_args, "Tensor: the pooled output, (N, C, *out) or (C, *out).",
                                 ex_input + kAvgPoolExamples[dims - 1]);
    if (dims == 1) {
      m.def(
          "avg_pool1d",
          [avg_fn](const Tensor& input, py::handle kernel_size, py::handle stride, py::handle padding, bool ceil_mode,
                   bool count_include_pad) {
            return avg_fn(input, kernel_size, stride, padding, ceil_mode, count_include_pad, std::nullopt);
          },
          py::arg("input"), py::arg("kernel_size"), py::arg("stride") = py::none(), py::arg("padding") = 0,
          py::arg("ceil_mode") = false, py::arg("count_include_pad") = true, avg_doc);
    } else {
      m.def(("avg_pool" + d).c_str(), avg_fn, py::arg("input"), py::arg("kernel_size"), py::arg("stride") = py::none(),
            py::arg("padding") = 0, py::arg("ceil_mode") = false, py::arg("count_include_pad") = true,
            py::arg("divisor_override") = py::none(), avg_doc);
    }
    m.def(
        ("adaptive_avg_pool" + d).c_str(),
        [dims](const Tensor& input, py::handle output_size) {
          return nn::adaptive_avg_pool_nd(input, output_size_arg(output_size, "adaptive_avg_pool"), dims);
        },
        py::arg("input"), py::arg("output_size"),
        op_doc("Adaptive average pooling to output_size (an int, or a tuple whose None entries keep the input size).",
               {input_arg,
                "output_size (int or tuple of ints / None): the output size of the last " + n +
                    " dim(s); None entries keep the input's size."},
               "Tensor: the pooled output, (N, C, *output_size) or (C, *output_size).",
               ex_input + kAdaptiveAvgExamples[dims - 1]));
    m.def(
        ("adaptive_max_pool" + d).c_str(),
        [dims](const Tensor& input, py::handle output_size, bool return_indices) {
          return pool_result(nn::adaptive_max_pool_nd(input, output_size_arg(output_size, "adaptive_max_pool"), dims),
                             return_indices);
        },
        py::arg("input"), py::arg("output_size"), py::arg("return_indices") = false,
        op_doc("Adaptive max pooling to output_size; with return_indices also returns the flat indices of the maxima.",
               {input_arg,
                "output_size (int or tuple of ints / None): the output size of the last " + n +
                    " dim(s); None entries keep the input's size.",
                "return_indices (bool): also return " + indices_note + " (int64). Default: False."},
               "Tensor or tuple of Tensors: the pooled output, or ``(output, indices)`` with ``return_indices``.",
               ex_input + kAdaptiveMaxExamples[dims - 1]));
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
      op_doc("Batch normalization over (N, C, *). In training, uses batch statistics and updates running_mean / "
             "running_var in place (unbiased variance); otherwise uses the running statistics.",
             {"input (Tensor): the input, (N, C, *).",
              "running_mean (Tensor or None): the running means, (C,); updated in place when training.",
              "running_var (Tensor or None): the running variances, (C,); updated in place when training.",
              "weight (Tensor, optional): the per-channel scale, (C,). Default: None.",
              "bias (Tensor, optional): the per-channel shift, (C,). Default: None.",
              "training (bool): normalise with the batch statistics (and update the running ones). Default: False.",
              "momentum (float): the weight of the batch statistics in the running update. Default: 0.1.",
              "eps (float): added to the variance. Default: 1e-05."},
             "Tensor: the normalised input, of the same shape.",
             ">>> x = rt.tensor([[1., 2.], [3., 6.]])\n"
             ">>> mean, var = rt.zeros(2), rt.ones(2)\n"
             ">>> F.batch_norm(x, mean, var, training=True, momentum=0.5, eps=0.)\n"
             "tensor([[-1., -1.],\n"
             "        [ 1.,  1.]])\n"
             ">>> mean.tolist(), var.tolist()\n"
             "([1.0, 2.0], [1.5, 4.5])\n"
             ">>> F.batch_norm(x, mean, var, eps=0.)[0].tolist()\n"
             "[0.0, 0.0]"));
  m.def(
      "layer_norm",
      [](const Tensor& input, py::handle normalized_shape, const OptTensor& weight, const OptTensor& bias, double eps) {
        return nn::layer_norm(input, ints(normalized_shape, "layer_norm"), opt(weight), opt(bias), eps);
      },
      py::arg("input"), py::arg("normalized_shape"), py::arg("weight") = py::none(), py::arg("bias") = py::none(),
      py::arg("eps") = 1e-5,
      op_doc("Layer normalization over the trailing dims given by normalized_shape.",
             {"input (Tensor): the input, (*, *normalized_shape).",
              "normalized_shape (int or tuple of ints): the trailing dims to normalise over.",
              "weight (Tensor, optional): the elementwise scale, of shape normalized_shape. Default: None.",
              "bias (Tensor, optional): the elementwise shift, of shape normalized_shape. Default: None.",
              "eps (float): added to the variance. Default: 1e-05."},
             "Tensor: the normalised input, of the same shape.",
             ">>> x = rt.tensor([[1., 3.], [2., 6.]])\n"
             ">>> F.layer_norm(x, (2,), eps=0.)\n"
             "tensor([[-1.,  1.],\n"
             "        [-1.,  1.]])\n"
             ">>> F.layer_norm(x, 2, weight=rt.tensor([1., 2.]), bias=rt.tensor([0., 1.]), eps=0.)[0].tolist()\n"
             "[-1.0, 3.0]"));
  m.def(
      "group_norm",
      [](const Tensor& input, int64_t num_groups, const OptTensor& weight, const OptTensor& bias, double eps) {
        return nn::group_norm(input, num_groups, opt(weight), opt(bias), eps);
      },
      py::arg("input"), py::arg("num_groups"), py::arg("weight") = py::none(), py::arg("bias") = py::none(),
      py::arg("eps") = 1e-5,
      op_doc("Group normalization of (N, C, *) over num_groups groups of channels.",
             {"input (Tensor): the input, (N, C, *).",
              "num_groups (int): the number of groups (divides C).",
              "weight (Tensor, optional): the per-channel scale, (C,). Default: None.",
              "bias (Tensor, optional): the per-channel shift, (C,). Default: None.",
              "eps (float): added to the variance. Default: 1e-05."},
             "Tensor: the normalised input, of the same shape.",
             ">>> x = rt.tensor([[1., 3., 5., 9.]])\n"
             ">>> F.group_norm(x, 2, eps=0.).tolist()\n"
             "[[-1.0, 1.0, -1.0, 1.0]]"));
  m.def(
      "instance_norm",
      [](const Tensor& input, const OptTensor& running_mean, const OptTensor& running_var, const OptTensor& weight,
         const OptTensor& bias, bool use_input_stats, double momentum, double eps) {
        return nn::instance_norm(input, opt(running_mean), opt(running_var), opt(weight), opt(bias), use_input_stats,
                                 momentum, eps);
      },
      py::arg("input"), py::arg("running_mean") = py::none(), py::arg("running_var") = py::none(),
      py::arg("weight") = py::none(), py::arg("bias") = py::none(), py::arg("use_input_stats") = true,
      py::arg("momentum") = 0.1, py::arg("eps") = 1e-5,
      op_doc("Instance normalization of each (sample, channel) plane.",
             {"input (Tensor): the input, (N, C, *spatial) with at least one spatial dim.",
              "running_mean (Tensor, optional): running means, (C,); updated in place with ``use_input_stats``. "
              "Default: None.",
              "running_var (Tensor, optional): running variances, (C,); updated in place with ``use_input_stats``. "
              "Default: None.",
              "weight (Tensor, optional): the per-channel scale, (C,). Default: None.",
              "bias (Tensor, optional): the per-channel shift, (C,). Default: None.",
              "use_input_stats (bool): normalise with each plane's statistics; else with the running ones (which "
              "are then required). "
              "Default: True.",
              "momentum (float): the weight of the batch statistics in the running update. Default: 0.1.",
              "eps (float): added to the variance. Default: 1e-05."},
             "Tensor: the normalised input, of the same shape.",
             ">>> x = rt.tensor([[[1., 3.], [0., 4.]]])\n"
             ">>> F.instance_norm(x, eps=0.)\n"
             "tensor([[[-1.,  1.],\n"
             "         [-1.,  1.]]])"));
}

void bind_functional(py::module_& m) {
  m.def("dropout", &nn::dropout, py::arg("input"), py::arg("p") = 0.5, py::arg("training") = true,
        py::arg("inplace") = false,
        op_doc("Zeroes elements with probability p and scales the others by 1/(1-p) when training (reproducible under "
               "rt.manual_seed).",
               {"input (Tensor): the input.",
                "p (float): the probability of zeroing an element, in [0, 1]. Default: 0.5.",
                "training (bool): apply dropout; else return the input unchanged. Default: True.",
                "inplace (bool): write the result into ``input``. Default: False."},
               "Tensor: the result, with the shape of ``input``.",
               ">>> y = F.dropout(rt.ones(4, 4), 0.5)\n"
               ">>> sorted(set(y.flatten().tolist()))\n"
               "[0.0, 2.0]\n"
               ">>> F.dropout(rt.ones(2, 2), 0.5, training=False).tolist()\n"
               "[[1.0, 1.0], [1.0, 1.0]]"));
  static const char* const kFeatureShape[] = {"(N, C, L) or (C, L)", "(N, C, H, W) or (C, H, W)",
                                              "(N, C, D, H, W) or (C, D, H, W)"};
  static const char* const kFeatureInput[] = {"rt.ones(2, 8, 3)", "rt.ones(2, 8, 3, 3)", "rt.ones(2, 8, 2, 2, 2)"};
  static const char* const kFeatureDims[] = {"2", "(2, 3)", "(2, 3, 4)"};
  for (int64_t fd = 1; fd <= 3; ++fd) {
    const std::string name = "dropout" + std::to_string(fd) + "d";
    const std::string dims = kFeatureDims[fd - 1];
    m.def(
        name.c_str(),
        [fd](const Tensor& input, double p, bool training, bool inplace) {
          return nn::feature_dropout(input, p, training, fd, inplace);
        },
        py::arg("input"), py::arg("p") = 0.5, py::arg("training") = true, py::arg("inplace") = false,
        op_doc("Zeroes whole channels (feature maps) with probability p when training, scaling the rest by 1/(1-p).",
               {std::string("input (Tensor): the input, ") + kFeatureShape[fd - 1] + ".",
                "p (float): the probability of zeroing a channel, in [0, 1]. Default: 0.5.",
                "training (bool): apply dropout; else return the input unchanged. Default: True.",
                "inplace (bool): write the result into ``input``. Default: False."},
               "Tensor: the result, with the shape of ``input``.",
               std::string(">>> y = F.") + name + "(" + kFeatureInput[fd - 1] + ", 0.5)\n" +
                   ">>> bool((y.amax(" + dims + ") == y.amin(" + dims + ")).all())  # whole channels\n"
                   "True\n"
                   ">>> sorted(set(y.flatten().tolist()))\n"
                   "[0.0, 2.0]"));
  }
  m.def(
      "embedding",
      [](const Tensor& input, const Tensor& weight, std::optional<int64_t> padding_idx, std::optional<double> max_norm,
         double norm_type, bool scale_grad_by_freq, bool sparse) {
        return nn::embedding(input, weight, padding_idx, max_norm, norm_type, scale_grad_by_freq, sparse);
      },
      py::arg("input"), py::arg("weight"), py::arg("padding_idx") = py::none(), py::arg("max_norm") = py::none(),
      py::arg("norm_type") = 2.0, py::arg("scale_grad_by_freq") = false, py::arg("sparse") = false,
      op_doc("Looks up rows of weight (num_embeddings, embedding_dim) at the int64 indices input "
             "(torch.nn.functional.embedding's argument order). The padding_idx row gets no gradient.",
             {"input (Tensor): the int64 indices, of any shape.",
              "weight (Tensor): the embedding table, (num_embeddings, embedding_dim).",
              "padding_idx (int, optional): the row that gets no gradient. Default: None.",
              "max_norm (float, optional): rows looked up with a larger norm are renormalised to it in place. "
              "Default: None.",
              "norm_type (float): the p of the p-norm for ``max_norm``. Default: 2.0.",
              "scale_grad_by_freq (bool): scale the gradient by the inverse frequency of each index in the batch. "
              "Default: False.",
              "sparse (bool): sparse gradients are not supported; must be False. Default: False."},
             "Tensor: the rows, of shape (*input.shape, embedding_dim).",
             ">>> weight = rt.arange(6.).reshape(3, 2)\n"
             ">>> F.embedding(rt.tensor([[0, 2], [1, 1]]), weight)\n"
             "tensor([[[0., 1.],\n"
             "         [4., 5.]],\n"
             "<BLANKLINE>\n"
             "        [[2., 3.],\n"
             "         [2., 3.]]])"));
  m.def(
      "pad",
      [](const Tensor& input, py::handle pad, const std::string& mode, std::optional<double> value) {
        RT_CHECK(!(value && mode != "constant" && *value != 0.0), ValueError, "pad: padding mode '", mode,
                 "' doesn't take in value argument");
        return nn::pad(input, ints(pad, "pad"), mode, value.value_or(0.0));
      },
      py::arg("input"), py::arg("pad"), py::arg("mode") = "constant", py::arg("value") = py::none(),
      op_doc("Pads the last len(pad) // 2 dims: pad = (left, right, top, bottom, ...); negative values crop. mode: "
             "'constant', 'reflect', 'replicate' or 'circular'.",
             {"input (Tensor): the input.",
              "pad (tuple of ints): (before, after) pairs, from the last dim backwards.",
              "mode (str): ``'constant'``, ``'reflect'``, ``'replicate'`` or ``'circular'``. Default: ``'constant'``.",
              "value (float, optional): the fill value of ``'constant'`` mode (0 when None). Default: None."},
             "Tensor: the padded tensor.",
             ">>> x = rt.tensor([[1., 2., 3.]])\n"
             ">>> F.pad(x, (1, 2)).tolist()\n"
             "[[0.0, 1.0, 2.0, 3.0, 0.0, 0.0]]\n"
             ">>> F.pad(x, (1, 1), mode='reflect').tolist()\n"
             "[[2.0, 1.0, 2.0, 3.0, 2.0]]\n"
             ">>> F.pad(x, (0, 0, 1, 0), value=9.)\n"
             "tensor([[9., 9., 9.],\n"
             "        [1., 2., 3.]])"));
  auto interp = [](const Tensor& input, py::handle size, py::handle scale_factor, const std::string& mode,
                   std::optional<bool> align_corners, std::optional<bool> recompute_scale_factor, bool antialias) {
    RT_CHECK(!antialias, ValueError, "interpolate: antialias=True is not supported");
    return nn::interpolate(input, ints_or_empty(size, "interpolate"), floats_or_empty(scale_factor), mode,
                           align_corners, recompute_scale_factor);
  };
  m.def("interpolate", interp, py::arg("input"), py::arg("size") = py::none(), py::arg("scale_factor") = py::none(),
        py::arg("mode") = "nearest", py::arg("align_corners") = py::none(),
        py::arg("recompute_scale_factor") = py::none(), py::arg("antialias") = false,
        op_doc("Resizes the spatial dims of (N, C, *spatial) to size or by scale_factor. mode: nearest, nearest-exact, "
               "linear, bilinear, trilinear or area.",
               {"input (Tensor): the input, (N, C, *spatial) with 1 to 3 spatial dims.",
                "size (int or tuple of ints, optional): the output spatial size. Default: None.",
                "scale_factor (float or tuple of floats, optional): the multiplier of the spatial size (when "
                "``size`` is None). Default: None.",
                "mode (str): ``'nearest'``, ``'nearest-exact'``, ``'linear'``, ``'bilinear'``, ``'trilinear'`` or "
                "``'area'``. Default: ``'nearest'``.",
                "align_corners (bool, optional): for the linear modes, align the corner pixels' centres of input and "
                "output (False when None). Default: None.",
                "recompute_scale_factor (bool, optional): compute the sampling from the output size instead of "
                "``scale_factor``. Default: None.",
                "antialias (bool): not supported; must be False. Default: False."},
               "Tensor: the resized tensor, (N, C, *size).",
               ">>> x = rt.tensor([[[1., 2.]]])\n"
               ">>> F.interpolate(x, scale_factor=2).tolist()\n"
               "[[[1.0, 1.0, 2.0, 2.0]]]\n"
               ">>> F.interpolate(x, size=4, mode='linear').tolist()\n"
               "[[[1.0, 1.25, 1.75, 2.0]]]\n"
               ">>> F.interpolate(x, size=3, mode='linear', align_corners=True).tolist()\n"
               "[[[1.0, 1.5, 2.0]]]"));
  m.def(
      "upsample",
      [interp](const Tensor& input, py::handle size, py::handle scale_factor, const std::string& mode,
               std::optional<bool> align_corners) {
        return interp(input, size, scale_factor, mode, align_corners, std::nullopt, false);
      },
      py::arg("input"), py::arg("size") = py::none(), py::arg("scale_factor") = py::none(), py::arg("mode") = "nearest",
      py::arg("align_corners") = py::none(),
      op_doc("Same as interpolate (deprecated name).",
             {"input (Tensor): the input, (N, C, *spatial).",
              "size (int or tuple of ints, optional): the output spatial size. Default: None.",
              "scale_factor (float or tuple of floats, optional): the multiplier of the spatial size. Default: None.",
              "mode (str): the interpolation mode (see :func:`interpolate`). Default: ``'nearest'``.",
              "align_corners (bool, optional): for the linear modes (False when None). Default: None."},
             "Tensor: the resized tensor.",
             ">>> F.upsample(rt.tensor([[[1., 2.]]]), scale_factor=2, mode='linear').tolist()\n"
             "[[[1.0, 1.25, 1.75, 2.0]]]"));
  m.def(
      "upsample_nearest",
      [interp](const Tensor& input, py::handle size, py::handle scale_factor) {
        return interp(input, size, scale_factor, "nearest", std::nullopt, std::nullopt, false);
      },
      py::arg("input"), py::arg("size") = py::none(), py::arg("scale_factor") = py::none(),
      op_doc("interpolate(..., mode='nearest').",
             {"input (Tensor): the input, (N, C, *spatial).",
              "size (int or tuple of ints, optional): the output spatial size. Default: None.",
              "scale_factor (float or tuple of floats, optional): the multiplier of the spatial size. Default: None."},
             "Tensor: the resized tensor.",
             ">>> F.upsample_nearest(rt.tensor([[[[1., 2.], [3., 4.]]]]), scale_factor=2)\n"
             "tensor([[[[1., 1., 2., 2.],\n"
             "          [1., 1., 2., 2.],\n"
             "          [3., 3., 4., 4.],\n"
             "          [3., 3., 4., 4.]]]])"));
  m.def(
      "upsample_bilinear",
      [interp](const Tensor& input, py::handle size, py::handle scale_factor) {
        return interp(input, size, scale_factor, "bilinear", true, std::nullopt, false);
      },
      py::arg("input"), py::arg("size") = py::none(), py::arg("scale_factor") = py::none(),
      op_doc("interpolate(..., mode='bilinear', align_corners=True).",
             {"input (Tensor): the input, (N, C, H, W).",
              "size (int or tuple of ints, optional): the output size (H_out, W_out). Default: None.",
              "scale_factor (float or tuple of floats, optional): the multiplier of the spatial size. Default: None."},
             "Tensor: the resized tensor, (N, C, H_out, W_out).",
             ">>> F.upsample_bilinear(rt.tensor([[[[1., 2.], [3., 4.]]]]), size=3)\n"
             "tensor([[[[1.0000, 1.5000, 2.0000],\n"
             "          [2.0000, 2.5000, 3.0000],\n"
             "          [3.0000, 3.5000, 4.0000]]]])"));
  m.def("one_hot", &nn::one_hot, py::arg("tensor"), py::arg("num_classes") = -1,
        op_doc("int64 one-hot encoding with a trailing dim of num_classes (max + 1 when -1).",
               {"tensor (Tensor): the int64 class indices, of any shape.",
                "num_classes (int): the number of classes; the largest index + 1 when -1. Default: -1."},
               "Tensor: the int64 encoding, of shape (*tensor.shape, num_classes).",
               ">>> F.one_hot(rt.tensor([0, 2, 1]))\n"
               "tensor([[1, 0, 0],\n"
               "        [0, 0, 1],\n"
               "        [0, 1, 0]])\n"
               ">>> F.one_hot(rt.tensor([1]), num_classes=4).tolist()\n"
               "[[0, 1, 0, 0]]"));
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
      op_doc("Cross entropy of logits (N, C, *) against int64 class indices (N, *) or class probabilities (N, C, *), "
             "fused with the log-softmax.",
             {"input (Tensor): the logits, (N, C, *) or (C,).",
              "target (Tensor): int64 class indices (N, *), or class probabilities of ``input``'s shape.",
              "weight (Tensor, optional): per-class weights, (C,). Default: None.", kSizeAverageArg,
              "ignore_index (int): a target index that contributes no loss (nor to the mean). Default: -100.",
              kReduceArg, kReductionArg,
              "label_smoothing (float): the amount in [0, 1] of the target mass spread uniformly over the classes. "
              "Default: 0.0."},
             "Tensor: the loss, a 0-d tensor unless ``reduction='none'`` (then one value per sample, (N, *)).",
             ">>> logits = rt.tensor([[2., 0., 0.], [0., 0., 0.]])\n"
             ">>> target = rt.tensor([0, 2])\n"
             ">>> round(F.cross_entropy(logits, target).item(), 4)\n"
             "0.6691\n"
             ">>> [round(v, 4) for v in F.cross_entropy(logits, target, reduction='none').tolist()]\n"
             "[0.2395, 1.0986]"));
  m.def(
      "nll_loss",
      [](const Tensor& input, const Tensor& target, const OptTensor& weight, py::handle size_average,
         int64_t ignore_index, py::handle reduce, const std::string& reduction) {
        return nn::nll_loss(input, target, opt(weight), ignore_index, legacy_reduction(size_average, reduce, reduction));
      },
      py::arg("input"), py::arg("target"), py::arg("weight") = py::none(), py::arg("size_average") = py::none(),
      py::arg("ignore_index") = -100, py::arg("reduce") = py::none(), py::arg("reduction") = "mean",
      op_doc("Negative log likelihood of log-probabilities (N, C, *) at int64 class indices (N, *).",
             {"input (Tensor): log-probabilities, (N, C, *) or (C,).",
              "target (Tensor): int64 class indices, (N, *).",
              "weight (Tensor, optional): per-class weights, (C,); the mean divides by the sum of the targets' "
              "weights. Default: None.",
              kSizeAverageArg, "ignore_index (int): a target index that contributes no loss (nor to the mean). "
              "Default: -100.",
              kReduceArg, kReductionArg},
             "Tensor: the loss, a 0-d tensor unless ``reduction='none'`` (then one value per sample, (N, *)).",
             ">>> logp = rt.tensor([[-0.5, -1.0], [-2.0, -0.25]])\n"
             ">>> F.nll_loss(logp, rt.tensor([0, 1])).item()\n"
             "0.375\n"
             ">>> F.nll_loss(logp, rt.tensor([0, 1]), ignore_index=1).item()\n"
             "0.5"));
  m.def(
      "binary_cross_entropy_with_logits",
      [](const Tensor& input, const Tensor& target, const OptTensor& weight, py::handle size_average,
         py::handle reduce, const std::string& reduction, const OptTensor& pos_weight) {
        return nn::binary_cross_entropy_with_logits(input, target, opt(weight), opt(pos_weight),
                                                    legacy_reduction(size_average, reduce, reduction));
      },
      py::arg("input"), py::arg("target"), py::arg("weight") = py::none(), py::arg("size_average") = py::none(),
      py::arg("reduce") = py::none(), py::arg("reduction") = "mean", py::arg("pos_weight") = py::none(),
      op_doc("Binary cross entropy of logits against targets of the same shape, computed stably; weight and pos_weight "
             "broadcast to the input.",
             {"input (Tensor): the logits.", "target (Tensor): the targets in [0, 1], of ``input``'s shape.",
              "weight (Tensor, optional): weights multiplying each element's loss (broadcast). Default: None.",
              kSizeAverageArg, kReduceArg, kReductionArg,
              "pos_weight (Tensor, optional): the weight of the positive term (e.g. one per class), broadcast to "
              "``input``. Default: None."},
             "Tensor: the loss, a 0-d tensor unless ``reduction='none'`` (then one value per element).",
             ">>> x = rt.tensor([0., 2., -1.])\n"
             ">>> t = rt.tensor([1., 1., 0.])\n"
             ">>> [round(v, 4) for v in F.binary_cross_entropy_with_logits(x, t, reduction='none').tolist()]\n"
             "[0.6931, 0.1269, 0.3133]\n"
             ">>> round(F.binary_cross_entropy_with_logits(x, t, pos_weight=rt.tensor(2.)).item(), 4)\n"
             "0.6511"));
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
