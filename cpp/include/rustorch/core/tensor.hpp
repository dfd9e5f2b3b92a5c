// Tensor: a cheap, shared handle to a TensorImpl (storage + shape/strides/offset + dtype + device,
// plus autograd fields). Views share storage; copying a Tensor copies the handle.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "rustorch/core/device.hpp"
#include "rustorch/core/dtype.hpp"
#include "rustorch/core/error.hpp"
#include "rustorch/core/shape.hpp"
#include "rustorch/core/storage.hpp"

namespace rustorch {

namespace autograd {
class Node;
}
class Tensor;
class TensorImpl;

// A hook on a tensor's gradient: returns a replacement gradient, or an undefined Tensor to keep it.
using GradHook = std::function<Tensor(const Tensor&)>;
// A hook run on a leaf after its .grad was accumulated (DDP's gradient-ready signal); gets the leaf.
using PostAccumulateGradHook = std::function<void(const Tensor&)>;

struct AutogradMeta {
  bool requires_grad = false;
  bool retains_grad = false;
  std::shared_ptr<TensorImpl> grad;
  std::shared_ptr<autograd::Node> grad_fn;        // null for leaves
  std::weak_ptr<autograd::Node> grad_accumulator;  // leaves: the node that accumulates into grad
  uint32_t output_nr = 0;
  std::vector<GradHook> hooks;                      // leaf hooks (non-leaf hooks live on grad_fn)
  std::vector<PostAccumulateGradHook> post_accumulate_hooks;  // leaves: run after .grad is updated
  std::shared_ptr<TensorImpl> view_base;            // set when this tensor is a view of another
};

class TensorImpl {
 public:
  TensorImpl(std::shared_ptr<Storage> storage, Shape sizes, Shape strides, int64_t offset, DType dtype);

  const std::shared_ptr<Storage>& storage() const { return storage_; }
  const Shape& sizes() const { return sizes_; }
  const Shape& strides() const { return strides_; }
  int64_t offset() const { return offset_; }
  DType dtype() const { return dtype_; }
  const Device& device() const { return device_; }
  int64_t numel() const { return numel_; }
  bool is_contiguous() const { return contiguous_; }

  // Replaces this tensor's data (storage and geometry) with `src`'s, keeping its identity and
  // autograd fields (the `.data = ...` setter).
  void set_data(const TensorImpl& src);

  AutogradMeta* autograd() const { return autograd_.get(); }
  AutogradMeta& autograd_mut();  // creates the meta on first use

 private:
  std::shared_ptr<Storage> storage_;
  Shape sizes_;
  Shape strides_;
  int64_t offset_;
  int64_t numel_;
  DType dtype_;
  bool contiguous_;
  Device device_;
  std::unique_ptr<AutogradMeta> autograd_;
};

class Tensor {
 public:
  Tensor() = default;
  explicit Tensor(std::shared_ptr<TensorImpl> impl) : impl_(std::move(impl)) {}

  // A new contiguous tensor with uninitialised contents.
  static Tensor empty(const Shape& shape, DType dtype);
  // A view of the same storage with other sizes/strides/offset (no autograd recorded).
  Tensor as_strided(const Shape& sizes, const Shape& strides, int64_t offset) const;

  bool defined() const { return impl_ != nullptr; }
  TensorImpl* get() const { return impl_.get(); }
  const std::shared_ptr<TensorImpl>& impl() const { return impl_; }
  bool is_same(const Tensor& o) const { return impl_ == o.impl_; }

  const Shape& shape() const { return impl_->sizes(); }
  const Shape& strides() const { return impl_->strides(); }
  int64_t dim() const { return static_cast<int64_t>(impl_->sizes().size()); }
  int64_t size(int64_t d) const;
  int64_t stride(int64_t d) const;
  int64_t offset() const { return impl_->offset(); }
  int64_t numel() const { return impl_->numel(); }
  DType dtype() const { return impl_->dtype(); }
  const Device& device() const { return impl_->device(); }
  bool is_contiguous() const { return impl_->is_contiguous(); }
  const std::shared_ptr<Storage>& storage() const { return impl_->storage(); }

  // Pointer to the first element (storage base + offset).
  void* raw_data() const {
    return static_cast<char*>(impl_->storage()->data()) + impl_->offset() * static_cast<int64_t>(itemsize(dtype()));
  }
  template <class T> T* data() const { return static_cast<T*>(raw_data()); }

  // Autograd fields.
  bool requires_grad() const { return impl_->autograd() && impl_->autograd()->requires_grad; }
  void set_requires_grad(bool r);  // leaves only; throws otherwise
  const std::shared_ptr<autograd::Node>& grad_fn() const;
  uint32_t output_nr() const { return impl_->autograd() ? impl_->autograd()->output_nr : 0; }
  bool is_leaf() const { return !impl_->autograd() || !impl_->autograd()->grad_fn; }
  Tensor grad() const;
  void set_grad(const Tensor& g);
  void set_grad_fn(std::shared_ptr<autograd::Node> fn, uint32_t output_nr);
  bool is_view() const { return impl_->autograd() && impl_->autograd()->view_base != nullptr; }
  Tensor view_base() const;

  // An alias sharing storage, without autograd history.
  Tensor detach() const;
  void bump_version() const { impl_->storage()->bump_version(); }
  uint32_t version() const { return impl_->storage()->version(); }

 private:
  std::shared_ptr<TensorImpl> impl_;
};

using TensorList = std::vector<Tensor>;

// "float32 tensor of shape (2, 3)", for messages.
std::string describe(const Tensor& t);

}  // namespace rustorch
