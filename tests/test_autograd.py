"""Autograd engine semantics: leaves, accumulation, graph freeing, hooks, grad mode, errors."""
import numpy as np
import pytest

import rustorch as rt


def t64(a, requires_grad=True):
    return rt.tensor(np.asarray(a, dtype=np.float64), requires_grad=requires_grad)


def test_leaf_flags_and_grad_fn():
    x = t64([1.0, 2.0])
    y = x * 2
    assert x.is_leaf and x.requires_grad and x.grad_fn is None
    assert not y.is_leaf and y.requires_grad and y.grad_fn is not None
    assert "MulBackward" in y.grad_fn.name()
    z = rt.tensor([1.0, 2.0])
    assert z.is_leaf and not z.requires_grad and (z * 2).grad_fn is None


def test_requires_grad_only_for_floating():
    with pytest.raises(RuntimeError, match="floating point"):
        rt.tensor([1, 2], requires_grad=True)


def test_gradient_accumulates_across_backward_calls():
    x = t64([1.0, 2.0, 3.0])
    (x * x).sum().backward()
    np.testing.assert_allclose(x.grad.numpy(), [2.0, 4.0, 6.0])
    (x * 3).sum().backward()
    np.testing.assert_allclose(x.grad.numpy(), [5.0, 7.0, 9.0])


def test_gradients_from_several_paths_are_summed():
    x = t64([2.0])
    y = x * x
    z = y * x + y + x  # x^3 + x^2 + x -> 3x^2 + 2x + 1
    z.sum().backward()
    np.testing.assert_allclose(x.grad.numpy(), [3 * 4 + 4 + 1])


def test_broadcast_gradient_reduced_to_input_shape():
    a = t64(np.ones((3, 4)))
    b = t64(np.ones((4,)))
    c = t64(np.ones((3, 1)))
    (a * b + c).sum().backward()
    assert b.grad.shape == (4,) and c.grad.shape == (3, 1)
    np.testing.assert_allclose(b.grad.numpy(), np.full(4, 3.0))
    np.testing.assert_allclose(c.grad.numpy(), np.full((3, 1), 4.0))


def test_backward_on_non_scalar_needs_gradient():
    x = t64([1.0, 2.0])
    y = x * 2
    with pytest.raises(RuntimeError, match="implicitly created only for scalar outputs"):
        y.backward()
    y.backward(rt.tensor([1.0, 0.5], dtype=rt.float64))
    np.testing.assert_allclose(x.grad.numpy(), [2.0, 1.0])


def test_backward_gradient_shape_checked():
    x = t64([1.0, 2.0])
    with pytest.raises(ValueError, match="does not match the shape"):
        (x * 2).backward(rt.tensor([1.0, 2.0, 3.0], dtype=rt.float64))


def test_backward_twice_without_retain_graph_raises():
    x = t64([1.0, 2.0])
    y = (x * x).sum()
    y.backward()
    with pytest.raises(RuntimeError, match="backward through the graph a second time"):
        y.backward()


def test_retain_graph_allows_second_backward():
    x = t64([1.0, 2.0])
    y = (x * x).sum()
    y.backward(retain_graph=True)
    y.backward()
    np.testing.assert_allclose(x.grad.numpy(), [4.0, 8.0])


def test_backward_of_tensor_without_grad_raises():
    x = rt.tensor([1.0, 2.0])
    with pytest.raises(RuntimeError, match="does not require grad"):
        x.sum().backward()


def test_inplace_modification_of_saved_tensor_detected():
    x = t64([1.0, 2.0])
    y = x * 1
    z = y * y  # saves y
    y.add_(1.0)
    with pytest.raises(RuntimeError, match="modified by an inplace operation"):
        z.sum().backward()


def test_inplace_on_leaf_requiring_grad_raises():
    x = t64([1.0, 2.0])
    with pytest.raises(RuntimeError, match="leaf Variable that requires grad"):
        x.add_(1.0)
    with rt.no_grad():
        x.add_(1.0)  # allowed without grad mode (how optimizers update)
    np.testing.assert_allclose(x.detach().numpy(), [2.0, 3.0])


def test_inplace_on_non_leaf_extends_history():
    x = t64([1.0, 2.0])
    y = x * 2
    y.mul_(3.0)
    y.add_(x)
    y.sum().backward()
    np.testing.assert_allclose(x.grad.numpy(), [7.0, 7.0])


def test_no_grad_and_enable_grad():
    x = t64([1.0])
    with rt.no_grad():
        y = x * 2
        assert not rt.is_grad_enabled()
        with rt.enable_grad():
            z = x * 2
    assert y.grad_fn is None and not y.requires_grad
    assert z.requires_grad
    assert rt.is_grad_enabled()

    @rt.no_grad()
    def f(t):
        return t * 2
    assert not f(x).requires_grad

    with rt.set_grad_enabled(False):
        assert not (x * 2).requires_grad
    assert rt.is_grad_enabled()
    with rt.inference_mode():
        assert not (x * 2).requires_grad


def test_detach_shares_storage_and_cuts_graph():
    x = t64([1.0, 2.0])
    y = x * 2
    d = y.detach()
    assert not d.requires_grad and d.grad_fn is None
    d.numpy()[0] = 10.0
    assert y.detach().numpy()[0] == 10.0


def test_hooks_can_replace_gradient():
    x = t64([1.0, 2.0])
    seen = []
    x.register_hook(lambda g: seen.append(g.numpy().copy()))
    y = x * 3
    handle = y.register_hook(lambda g: g * 10)
    y.sum().backward()
    np.testing.assert_allclose(x.grad.numpy(), [30.0, 30.0])
    np.testing.assert_allclose(seen[0], [30.0, 30.0])
    handle.remove()
    x.grad = None
    (x * 3).sum().backward()
    np.testing.assert_allclose(x.grad.numpy(), [3.0, 3.0])


def test_retain_grad_on_non_leaf():
    x = t64([1.0, 2.0])
    y = x * 2
    y.retain_grad()
    (y * y).sum().backward()
    np.testing.assert_allclose(y.grad.numpy(), [4.0, 8.0])


def test_autograd_grad_returns_without_touching_grad():
    x = t64([1.0, 2.0])
    y = t64([3.0])
    out = (x * x).sum() * y
    gx, gy = rt.autograd.grad(out, (x, y))
    np.testing.assert_allclose(gx.numpy(), [6.0, 12.0])
    np.testing.assert_allclose(gy.numpy(), [5.0])
    assert x.grad is None and y.grad is None


def test_autograd_grad_allow_unused():
    x = t64([1.0])
    unused = t64([1.0])
    out = (x * 2).sum()
    with pytest.raises(RuntimeError, match="allow_unused"):
        rt.autograd.grad(out, (x, unused), retain_graph=True)
    gx, gu = rt.autograd.grad(out, (x, unused), allow_unused=True)
    assert gu is None and gx.item() == 2.0


def test_second_derivative_with_create_graph():
    x = t64([1.5, -2.0])
    y = (x * x * x).sum()
    (g,) = rt.autograd.grad(y, x, create_graph=True)
    np.testing.assert_allclose(g.detach().numpy(), 3 * np.array([1.5, -2.0]) ** 2)
    (h,) = rt.autograd.grad(g.sum(), x)
    np.testing.assert_allclose(h.numpy(), 6 * np.array([1.5, -2.0]))


def test_backward_create_graph_gives_differentiable_grad():
    x = t64([2.0])
    (x * x * x).sum().backward(create_graph=True)
    g = x.grad
    assert g.requires_grad
    x.grad = None
    g.sum().backward()
    np.testing.assert_allclose(x.grad.numpy(), [12.0])


def test_variable_api_returns_tensor():
    v = rt.Variable([1.0, 2.0], requires_grad=True)
    assert isinstance(v, rt.Tensor) and v.requires_grad
    (v * v).sum().backward()
    np.testing.assert_allclose(v.grad.numpy(), [2.0, 4.0])


def test_mixed_dtype_gradients_keep_input_dtype():
    a = rt.tensor([1.0, 2.0], dtype=rt.float32, requires_grad=True)
    b = rt.tensor([3.0, 4.0], dtype=rt.float64, requires_grad=True)
    (a * b).sum().backward()
    assert a.grad.dtype == rt.float32 and b.grad.dtype == rt.float64
    np.testing.assert_allclose(a.grad.numpy(), [3.0, 4.0])


def test_grad_setter_checks_shape():
    x = t64([1.0, 2.0])
    with pytest.raises(ValueError, match="shape"):
        x.grad = rt.tensor([1.0], dtype=rt.float64)


def test_requires_grad_cannot_change_on_non_leaf():
    x = t64([1.0])
    y = x * 2
    with pytest.raises(RuntimeError, match="leaf"):
        y.requires_grad_(False)


def test_graph_is_freed_after_backward():
    import gc
    import weakref
    x = t64(np.ones(1000))
    y = x * 2
    z = (y * y).sum()
    ref = weakref.ref(y.grad_fn) if hasattr(y.grad_fn, "__weakref__") else None
    z.backward()
    del y, z
    gc.collect()
    if ref is not None:
        assert ref() is None
