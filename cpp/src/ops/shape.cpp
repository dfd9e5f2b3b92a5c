#include "rustorch/ops/shape.hpp"

#include <algorithm>

#include "rustorch/autograd/function.hpp"
#include "rustorch/ops/copy.hpp"
#include "rustorch/ops/reduce.hpp"
#include "rustorch/ops/registry.hpp"

namespace rustorch {

using autograd::BackwardContext;

RT_REGISTER_OP("view", true);
RT_REGISTER_OP("reshape", true);
RT_REGISTER_OP("expand", true);
RT_REGISTER_OP("transpose", true);
RT_REGISTER_OP("permute", true);
RT_REGISTER_OP("unsqueeze", true);
RT_REGISTER_OP("squeeze", true);
RT_REGISTER_OP("flatten", true);
RT_REGISTER_OP("unflatten", true);
RT_REGISTER_OP("movedim", true);
RT_REGISTER_OP("repeat", true);
RT_REGISTER_OP("tile", true);
RT_REGISTER_OP("flip", true);

Tensor make_view(const Tensor& t, const Shape& sizes, const Shape& strides, int64_t offset) {
  Tensor out = t.as_strided(sizes, strides, offset);
  autograd::set_view_base(out, t);
  return out;
}

Shape infer_shape(const Shape& shape, int64_t numel, const char* op) {
  Shape out = shape;
  int64_t infer = -1, known = 1;
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] == -1) {
      RT_CHECK(infer < 0, ValueError, op, ": only one dimension can be inferred (got shape ", shape_str(shape), ")");
      infer = static_cast<int64_t>(i);
    } else {
      RT_CHECK(out[i] >= 0, ValueError, op, ": invalid shape dimension ", out[i], " in ", shape_str(shape));
      known *= out[i];
    }
  }
  if (infer >= 0) {
    RT_CHECK(known != 0 && numel % known == 0, ValueError, op, ": shape ", shape_str(shape),
             " is invalid for input of size ", numel);
    out[infer] = numel / known;
  }
  RT_CHECK(shape_numel(out) == numel, ValueError, op, ": shape ", shape_str(shape), " is invalid for input of size ",
           numel);
  return out;
}

bool compute_view_strides(const Tensor& t, const Shape& shape, Shape& out_strides) {
  // Walks chunks of old dims that are contiguous with each other and matches them to new dims.
  const Shape& old_sizes = t.shape();
  const Shape& old_strides = t.strides();
  out_strides.assign(shape.size(), 0);
  if (t.numel() == 0 || old_sizes.empty()) {
    out_strides = contiguous_strides(shape);
    return true;
  }
  int64_t view_d = static_cast<int64_t>(shape.size()) - 1;
  int64_t chunk_base_stride = old_strides.back();
  int64_t tensor_numel = 1, view_numel = 1;
  for (int64_t d = static_cast<int64_t>(old_sizes.size()) - 1; d >= 0; --d) {
    tensor_numel *= old_sizes[d];
    if (d == 0 || (old_sizes[d - 1] != 1 && old_strides[d - 1] != tensor_numel * chunk_base_stride)) {
      while (view_d >= 0 && (view_numel < tensor_numel || shape[view_d] == 1)) {
        out_strides[view_d] = view_numel * chunk_base_stride;
        view_numel *= shape[view_d];
        --view_d;
      }
      if (view_numel != tensor_numel) return false;
      if (d > 0) {
        chunk_base_stride = old_strides[d - 1];
        tensor_numel = 1;
        view_numel = 1;
      }
    }
  }
  return view_d == -1;
}

namespace {
Tensor record_reshape_backward(const Tensor& t, Tensor out, const char* name) {
  if (autograd::needs_grad({t})) {
    const Shape in_shape = t.shape();
    autograd::record(name, {t}, {out}, {}, [in_shape](const BackwardContext&, const TensorList& g) -> TensorList {
      return {reshape(g[0], in_shape)};
    });
  }
  return out;
}
}  // namespace

Tensor view(const Tensor& t, const Shape& shape) {
  const Shape s = infer_shape(shape, t.numel(), "view");
  Shape strides;
  RT_CHECK(compute_view_strides(t, s, strides), Error, "view: view size ", shape_str(s),
           " is not compatible with input tensor's size ", shape_str(t.shape()), " and stride ",
           shape_str(t.strides()), " (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.");
  return record_reshape_backward(t, make_view(t, s, strides, t.offset()), "ViewBackward");
}

Tensor reshape(const Tensor& t, const Shape& shape) {
  const Shape s = infer_shape(shape, t.numel(), "reshape");
  Shape strides;
  if (compute_view_strides(t, s, strides))
    return record_reshape_backward(t, make_view(t, s, strides, t.offset()), "ViewBackward");
  Tensor c = contiguous_as(t, t.dtype());  // a fresh contiguous copy (t is not contiguous here)
  return record_reshape_backward(t, c.as_strided(s, contiguous_strides(s), 0), "ReshapeBackward");
}

Tensor expand(const Tensor& t, const Shape& shape) {
  const int64_t nd = static_cast<int64_t>(shape.size());
  RT_CHECK(nd >= t.dim(), ValueError, "expand: the number of sizes provided (", nd,
           ") must be greater or equal to the number of dimensions in the tensor (", t.dim(), ")");
  Shape sizes(nd), strides(nd);
  for (int64_t i = nd - 1; i >= 0; --i) {
    const int64_t j = i - (nd - t.dim());
    const int64_t want = shape[i];
    if (j < 0) {
      RT_CHECK(want >= 0, ValueError, "expand: the expanded size ", want, " is not allowed in a leading, non-existing dimension");
      sizes[i] = want;
      strides[i] = 0;
      continue;
    }
    const int64_t have = t.shape()[j];
    if (want == -1 || want == have) {
      sizes[i] = have;
      strides[i] = t.strides()[j];
    } else {
      RT_CHECK(have == 1 && want >= 0, ValueError, "expand: the expanded size of the tensor (", want,
               ") must match the existing size (", have, ") at non-singleton dimension ", i, ".  Target sizes: ",
               shape_str(shape), ".  Tensor sizes: ", shape_str(t.shape()));
      sizes[i] = want;
      strides[i] = 0;
    }
  }
  Tensor out = make_view(t, sizes, strides, t.offset());
  if (autograd::needs_grad({t})) {
    const Shape in_shape = t.shape();
    autograd::record("ExpandBackward", {t}, {out}, {}, [in_shape](const BackwardContext&, const TensorList& g) -> TensorList {
      return {sum_to(g[0], in_shape)};
    });
  }
  return out;
}

Tensor permute(const Tensor& t, const std::vector<int64_t>& dims) {
  const int64_t nd = t.dim();
  RT_CHECK(static_cast<int64_t>(dims.size()) == nd, ValueError, "permute: number of dims don't match (tensor has ", nd,
           " dims, permutation has ", dims.size(), ")");
  std::vector<int64_t> perm(nd);
  std::vector<bool> seen(nd, false);
  Shape sizes(nd), strides(nd);
  for (int64_t i = 0; i < nd; ++i) {
    const int64_t d = wrap_dim(dims[i], nd, "permute");
    RT_CHECK(!seen[d], ValueError, "permute: repeated dim ", d, " in permutation");
    seen[d] = true;
    perm[i] = d;
    sizes[i] = t.shape()[d];
    strides[i] = t.strides()[d];
  }
  Tensor out = make_view(t, sizes, strides, t.offset());
  if (autograd::needs_grad({t})) {
    std::vector<int64_t> inverse(nd);
    for (int64_t i = 0; i < nd; ++i) inverse[perm[i]] = i;
    autograd::record("PermuteBackward", {t}, {out}, {}, [inverse](const BackwardContext&, const TensorList& g) -> TensorList {
      return {permute(g[0], inverse)};
    });
  }
  return out;
}

Tensor transpose(const Tensor& t, int64_t dim0, int64_t dim1) {
  const int64_t nd = t.dim();
  if (nd == 0) {
    wrap_dim(dim0, 0, "transpose");
    wrap_dim(dim1, 0, "transpose");
    return permute(t, {});
  }
  std::vector<int64_t> perm(nd);
  for (int64_t i = 0; i < nd; ++i) perm[i] = i;
  std::swap(perm[wrap_dim(dim0, nd, "transpose")], perm[wrap_dim(dim1, nd, "transpose")]);
  return permute(t, perm);
}

Tensor unsqueeze(const Tensor& t, int64_t dim) {
  const int64_t d = wrap_dim(dim, t.dim() + 1, "unsqueeze");
  Shape sizes = t.shape(), strides = t.strides();
  const int64_t st = d < t.dim() ? sizes[d] * strides[d] : 1;
  sizes.insert(sizes.begin() + d, 1);
  strides.insert(strides.begin() + d, st);
  return record_reshape_backward(t, make_view(t, sizes, strides, t.offset()), "UnsqueezeBackward");
}

Tensor squeeze(const Tensor& t, const std::vector<int64_t>& dims) {
  std::vector<bool> drop(static_cast<size_t>(t.dim()), false);
  if (dims.empty()) {
    for (int64_t i = 0; i < t.dim(); ++i) drop[i] = t.shape()[i] == 1;
  } else {
    for (int64_t d : dims) {
      const int64_t w = wrap_dim(d, t.dim(), "squeeze");
      if (t.dim() > 0) drop[w] = t.shape()[w] == 1;
    }
  }
  Shape sizes, strides;
  for (int64_t i = 0; i < t.dim(); ++i) {
    if (drop[i]) continue;
    sizes.push_back(t.shape()[i]);
    strides.push_back(t.strides()[i]);
  }
  return record_reshape_backward(t, make_view(t, sizes, strides, t.offset()), "SqueezeBackward");
}

// Composite views: their gradients flow through reshape/permute/transpose.

Tensor flatten(const Tensor& t, int64_t start_dim, int64_t end_dim) {
  if (t.dim() == 0) {
    wrap_dim(start_dim, 0, "flatten");
    wrap_dim(end_dim, 0, "flatten");
    return reshape(t, {1});
  }
  const int64_t s = wrap_dim(start_dim, t.dim(), "flatten"), e = wrap_dim(end_dim, t.dim(), "flatten");
  RT_CHECK(s <= e, ValueError, "flatten: start_dim (", start_dim, ") cannot come after end_dim (", end_dim, ")");
  if (s == e) return t;
  Shape sizes(t.shape().begin(), t.shape().begin() + s);
  int64_t merged = 1;
  for (int64_t d = s; d <= e; ++d) merged *= t.shape()[d];
  sizes.push_back(merged);
  sizes.insert(sizes.end(), t.shape().begin() + e + 1, t.shape().end());
  return reshape(t, sizes);
}

Tensor unflatten(const Tensor& t, int64_t dim, const Shape& sizes) {
  const int64_t d = wrap_dim(dim, t.dim(), "unflatten");
  RT_CHECK(t.dim() > 0, IndexError, "unflatten: cannot unflatten a 0-d tensor");
  RT_CHECK(!sizes.empty(), ValueError, "unflatten: sizes must be non-empty");
  const int64_t n = t.shape()[d];
  Shape inner;
  try {
    inner = infer_shape(sizes, n, "unflatten");
  } catch (const ValueError&) {
    RT_THROW(ValueError, "unflatten: provided sizes ", shape_str(sizes), " don't multiply up to the size of dim ", d,
             " (", n, ") in the input tensor of shape ", shape_str(t.shape()));
  }
  Shape out(t.shape().begin(), t.shape().begin() + d);
  out.insert(out.end(), inner.begin(), inner.end());
  out.insert(out.end(), t.shape().begin() + d + 1, t.shape().end());
  return view(t, out);
}

Tensor movedim(const Tensor& t, const std::vector<int64_t>& source, const std::vector<int64_t>& destination) {
  RT_CHECK(source.size() == destination.size(), ValueError, "movedim: invalid source or destination dims: source ",
           shape_str(source), " and destination ", shape_str(destination), " must have the same number of elements");
  const int64_t nd = t.dim();
  std::vector<int64_t> perm(static_cast<size_t>(nd), -1);
  std::vector<bool> src_used(static_cast<size_t>(nd), false);
  for (size_t i = 0; i < source.size(); ++i) {
    const int64_t s = wrap_dim(source[i], nd, "movedim"), d = wrap_dim(destination[i], nd, "movedim");
    if (nd == 0) continue;
    RT_CHECK(!src_used[s], ValueError, "movedim: repeated dim in `source` ", shape_str(source));
    RT_CHECK(perm[d] < 0, ValueError, "movedim: repeated dim in `destination` ", shape_str(destination));
    perm[d] = s;
    src_used[s] = true;
  }
  int64_t next = 0;
  for (int64_t i = 0; i < nd; ++i) {
    if (perm[i] >= 0) continue;
    while (src_used[next]) ++next;
    perm[i] = next++;
  }
  return permute(t, perm);
}

Tensor numpy_T(const Tensor& t) {
  std::vector<int64_t> perm(static_cast<size_t>(t.dim()));
  for (int64_t i = 0; i < t.dim(); ++i) perm[i] = t.dim() - 1 - i;
  return permute(t, perm);
}

Tensor matrix_T(const Tensor& t) {
  RT_CHECK(t.dim() >= 2, ValueError, "mT: tensor.mT is only supported on matrices or batches of matrices. Got ",
           t.dim(), "-D tensor.");
  return transpose(t, -2, -1);
}

Tensor repeat(const Tensor& t, const Shape& repeats) {
  const int64_t nr = static_cast<int64_t>(repeats.size());
  RT_CHECK(nr >= t.dim(), ValueError, "repeat: number of dimensions of repeat dims ", shape_str(repeats),
           " can not be smaller than number of dimensions of tensor (", t.dim(), ")");
  for (int64_t r : repeats) RT_CHECK(r >= 0, ValueError, "repeat: repeats can not be negative, got ", shape_str(repeats));
  // View t as [1, s0, 1, s1, ...] (left-padded), expand the 1s to the repeats, copy, merge pairs.
  Shape paired, expanded, out;
  const int64_t lead = nr - t.dim();
  for (int64_t i = 0; i < nr; ++i) {
    const int64_t s = i < lead ? 1 : t.shape()[i - lead];
    paired.insert(paired.end(), {1, s});
    expanded.insert(expanded.end(), {repeats[i], s});
    out.push_back(repeats[i] * s);
  }
  return view(clone(expand(reshape(t, paired), expanded)), out);
}

Tensor tile(const Tensor& t, const Shape& dims) {
  Shape reps = dims;
  if (static_cast<int64_t>(reps.size()) < t.dim()) reps.insert(reps.begin(), t.dim() - reps.size(), 1);
  return repeat(t, reps);
}

Tensor flip(const Tensor& t, const std::vector<int64_t>& dims) {
  const std::vector<bool> mask = reduction_mask(dims, t.dim(), "flip");
  Shape strides = t.strides();
  int64_t offset = t.offset();
  for (int64_t d = 0; d < t.dim(); ++d) {
    if (dims.empty() || !mask[d] || t.shape()[d] == 0) continue;
    offset += (t.shape()[d] - 1) * strides[d];
    strides[d] = -strides[d];
  }
  // A reversed-stride alias used only as the source of the copy.
  Tensor out = Tensor::empty(t.shape(), t.dtype());
  copy_kernel(out, t.as_strided(t.shape(), strides, offset));
  if (autograd::needs_grad({t}))
    autograd::record("FlipBackward", {t}, {out}, {}, [dims](const BackwardContext&, const TensorList& g) -> TensorList {
      return {flip(g[0], dims)};
    });
  return out;
}

}  // namespace rustorch
