#include "rustorch/core/tensor.hpp"

#include "rustorch/autograd/node.hpp"

namespace rustorch {

TensorImpl::TensorImpl(std::shared_ptr<Storage> storage, Shape sizes, Shape strides, int64_t offset, DType dtype)
    : storage_(std::move(storage)),
      sizes_(std::move(sizes)),
      strides_(std::move(strides)),
      offset_(offset),
      numel_(shape_numel(sizes_)),
      dtype_(dtype),
      contiguous_(is_contiguous_layout(sizes_, strides_)) {}

void TensorImpl::set_data(const TensorImpl& src) {
  storage_ = src.storage_;
  sizes_ = src.sizes_;
  strides_ = src.strides_;
  offset_ = src.offset_;
  numel_ = src.numel_;
  dtype_ = src.dtype_;
  contiguous_ = src.contiguous_;
}

AutogradMeta& TensorImpl::autograd_mut() {
  if (!autograd_) autograd_ = std::make_unique<AutogradMeta>();
  return *autograd_;
}

Tensor Tensor::empty(const Shape& shape, DType dtype) {
  check_shape(shape, "empty");
  const size_t nbytes = static_cast<size_t>(shape_numel(shape)) * itemsize(dtype);
  return Tensor(std::make_shared<TensorImpl>(Storage::allocate(nbytes), shape, contiguous_strides(shape), 0, dtype));
}

Tensor Tensor::as_strided(const Shape& sizes, const Shape& strides, int64_t offset) const {
  return Tensor(std::make_shared<TensorImpl>(impl_->storage(), sizes, strides, offset, dtype()));
}

int64_t Tensor::size(int64_t d) const { return shape()[wrap_dim(d, dim(), "size")]; }
int64_t Tensor::stride(int64_t d) const { return strides()[wrap_dim(d, dim(), "stride")]; }

void Tensor::set_requires_grad(bool r) {
  if (!r && !requires_grad()) return;
  RT_CHECK(is_leaf(), Error,
           "requires_grad_: you can only change requires_grad flags of leaf variables. If you want to use a "
           "computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().");
  RT_CHECK(!r || !is_complex(dtype()), TypeError, "requires_grad_: autograd is not supported for complex tensors (got ",
           dtype_name(dtype()), "); rustorch differentiates real-valued ops only");
  RT_CHECK(!r || is_floating(dtype()), Error,
           "requires_grad_: only tensors of floating point dtype can require gradients, got ", dtype_name(dtype()));
  impl_->autograd_mut().requires_grad = r;
}

const std::shared_ptr<autograd::Node>& Tensor::grad_fn() const {
  static const std::shared_ptr<autograd::Node> none;
  return impl_->autograd() ? impl_->autograd()->grad_fn : none;
}

Tensor Tensor::grad() const {
  return impl_->autograd() ? Tensor(impl_->autograd()->grad) : Tensor();
}

void Tensor::set_grad(const Tensor& g) {
  if (g.defined()) {
    RT_CHECK(g.shape() == shape(), ValueError, "grad: assigned grad has shape ", shape_str(g.shape()),
             " but the tensor has shape ", shape_str(shape()));
    RT_CHECK(g.dtype() == dtype(), TypeError, "grad: assigned grad has dtype ", dtype_name(g.dtype()),
             " but the tensor has dtype ", dtype_name(dtype()));
  }
  impl_->autograd_mut().grad = g.impl();
}

void Tensor::set_grad_fn(std::shared_ptr<autograd::Node> fn, uint32_t output_nr) {
  auto& meta = impl_->autograd_mut();
  meta.requires_grad = fn != nullptr;
  meta.grad_fn = std::move(fn);
  meta.output_nr = output_nr;
}

Tensor Tensor::view_base() const {
  return impl_->autograd() ? Tensor(impl_->autograd()->view_base) : Tensor();
}

Tensor Tensor::detach() const { return as_strided(shape(), strides(), offset()); }

std::string describe(const Tensor& t) {
  return detail::concat(dtype_name(t.dtype()), " tensor of shape ", shape_str(t.shape()));
}

}  // namespace rustorch
