// Indexing, joining and selection ops (views where possible), and Python-style x[...] indexing.
#pragma once
#include <optional>
#include <vector>

#include "rustorch/core/scalar.hpp"
#include "rustorch/core/tensor.hpp"

namespace rustorch {

// ---- Views -------------------------------------------------------------------------------------
Tensor narrow(const Tensor& t, int64_t dim, int64_t start, int64_t length);  // view
Tensor select(const Tensor& t, int64_t dim, int64_t index);                  // view, drops dim
// t[start:end:step] along dim (Python slice rules: negative bounds wrap, out-of-range bounds clamp;
// step > 0); a strided view.
Tensor slice(const Tensor& t, int64_t dim, std::optional<int64_t> start, std::optional<int64_t> end, int64_t step);
TensorList unbind(const Tensor& t, int64_t dim);  // views, one per index along dim
// Copies of t with the slice / selected sub-tensor replaced by src (the backward of slice / select).
Tensor slice_scatter(const Tensor& t, const Tensor& src, int64_t dim, std::optional<int64_t> start,
                     std::optional<int64_t> end, int64_t step);
Tensor select_scatter(const Tensor& t, const Tensor& src, int64_t dim, int64_t index);

// ---- Advanced indexing (copies) ----------------------------------------------------------------
// t[indices]: entries index consecutive dims of t; an undefined entry takes a whole dim, an int64
// tensor indexes one dim, a k-dim bool mask indexes k dims. Index tensors broadcast together; their
// dims replace the indexed dims in place when those are adjacent, else they come first (NumPy rules).
Tensor index(const Tensor& t, const TensorList& indices);
// t[indices] = values (or += values when accumulate, duplicates summed); values broadcast.
const Tensor& index_put_(const Tensor& t, const TensorList& indices, const Tensor& values, bool accumulate);
Tensor index_put(const Tensor& t, const TensorList& indices, const Tensor& values, bool accumulate);
Tensor index_select(const Tensor& t, int64_t dim, const Tensor& index);      // index: 1-D int64
// t.index_select(dim, index) += alpha * source (in place), duplicates summed.
const Tensor& index_add_(const Tensor& t, int64_t dim, const Tensor& index, const Tensor& source, const Scalar& alpha);
Tensor index_add(const Tensor& t, int64_t dim, const Tensor& index, const Tensor& source, const Scalar& alpha);
Tensor take(const Tensor& t, const Tensor& index);  // t.flatten()[index]
Tensor masked_fill(const Tensor& t, const Tensor& mask, const Scalar& value);
Tensor masked_fill(const Tensor& t, const Tensor& mask, const Tensor& value);  // value: 0-d, differentiable
const Tensor& masked_fill_(const Tensor& t, const Tensor& mask, const Scalar& value);
const Tensor& masked_fill_(const Tensor& t, const Tensor& mask, const Tensor& value);
Tensor masked_select(const Tensor& t, const Tensor& mask);  // 1-D: the elements where mask (broadcast) is true
Tensor nonzero(const Tensor& t);                            // (n, ndim) int64 coordinates of non-zeros
TensorList nonzero_tuple(const Tensor& t);                  // ndim 1-D int64 tensors (1 for a 0-d t)

// ---- Joining and splitting ---------------------------------------------------------------------
// Concatenation along dim with type promotion; 1-D empty tensors of shape (0,) are skipped (as in torch).
Tensor cat(const TensorList& tensors, int64_t dim);
Tensor stack(const TensorList& tensors, int64_t dim);
Tensor hstack(const TensorList& tensors);
Tensor vstack(const TensorList& tensors);
TensorList split(const Tensor& t, int64_t split_size, int64_t dim);  // views; the last may be smaller
TensorList split_with_sizes(const Tensor& t, const std::vector<int64_t>& sizes, int64_t dim);
TensorList chunk(const Tensor& t, int64_t chunks, int64_t dim);
TensorList tensor_split(const Tensor& t, int64_t sections, int64_t dim);
TensorList tensor_split(const Tensor& t, const std::vector<int64_t>& indices, int64_t dim);

// ---- Python-style indexing: x[...] and x[...] = v ---------------------------------------------
struct TensorIndex {
  enum class Kind : uint8_t { None, Ellipsis, Integer, Boolean, Slice, Tensor };
  Kind kind = Kind::None;
  int64_t integer = 0;
  bool boolean = false;
  std::optional<int64_t> start, stop;
  int64_t step = 1;
  Tensor tensor;  // int64 or bool

  static TensorIndex none() { return {}; }
  static TensorIndex ellipsis() { TensorIndex i; i.kind = Kind::Ellipsis; return i; }
  static TensorIndex integer_(int64_t v) { TensorIndex i; i.kind = Kind::Integer; i.integer = v; return i; }
  static TensorIndex boolean_(bool v) { TensorIndex i; i.kind = Kind::Boolean; i.boolean = v; return i; }
  static TensorIndex slice_(std::optional<int64_t> start = std::nullopt, std::optional<int64_t> stop = std::nullopt,
                            int64_t step = 1) {
    TensorIndex i;
    i.kind = Kind::Slice;
    i.start = start, i.stop = stop, i.step = step;
    return i;
  }
  static TensorIndex tensor_(Tensor t) { TensorIndex i; i.kind = Kind::Tensor; i.tensor = std::move(t); return i; }
};

// x[index]: basic indexing (ints, slices, None, ...) gives a view; tensor indices give a copy.
Tensor get_item(const Tensor& t, const std::vector<TensorIndex>& index);
// x[index] = value (value broadcast and cast to t's dtype). Differentiable: when t or value requires
// grad the write is recorded as an index_put_ on t.
void set_item(const Tensor& t, const std::vector<TensorIndex>& index, const Tensor& value);
void set_item(const Tensor& t, const std::vector<TensorIndex>& index, const Scalar& value);

}  // namespace rustorch
