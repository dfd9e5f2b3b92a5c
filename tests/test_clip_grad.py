"""rt.nn.utils gradient clipping and parameter/vector conversion against torch.nn.utils."""
import math

import numpy as np
import pytest

import rustorch as rt
from rustorch.nn.utils import (clip_grad_norm_, clip_grad_value_, clip_grads_with_norm_, get_total_norm,
                               parameters_to_vector, vector_to_parameters)

torch = pytest.importorskip("torch")

SHAPES = [(3, 4), (7,), (2, 3, 5), (1,)]


def _setup(lib, dtype=np.float32, scale=1.0, seed=0, none_at=None, shapes=SHAPES, noncontig=False):
    rng = np.random.default_rng(seed)
    params = []
    for i, s in enumerate(shapes):
        p = lib.tensor(rng.standard_normal(s).astype(dtype), requires_grad=True)
        g = (rng.standard_normal(s) * scale).astype(dtype)
        if i != none_at:
            if noncontig and len(s) == 2:
                p.grad = lib.tensor(g.T.copy()).transpose(0, 1)
            else:
                p.grad = lib.tensor(g)
        params.append(p)
    return params


def _grads(params):
    return [None if p.grad is None else p.grad.numpy().copy() for p in params]


@pytest.mark.parametrize("norm_type", [2.0, 1.0, 3.0, 0.5, math.inf, -math.inf, 0.0])
@pytest.mark.parametrize("max_norm", [0.5, 1e3])
@pytest.mark.parametrize("dtype", [np.float32, np.float64], ids=["f32", "f64"])
def test_clip_grad_norm_matches_torch(norm_type, max_norm, dtype):
    P, TP = _setup(rt, dtype, none_at=1, noncontig=True), _setup(torch, dtype, none_at=1, noncontig=True)
    v0 = P[0].grad._version
    n = clip_grad_norm_(P, max_norm, norm_type=norm_type)
    tn = torch.nn.utils.clip_grad_norm_(TP, max_norm, norm_type=norm_type)
    assert isinstance(n, rt.Tensor) and n.ndim == 0 and n.dtype == (rt.float32 if dtype == np.float32 else rt.float64)
    rtol = 1e-6 if dtype == np.float32 else 1e-13
    np.testing.assert_allclose(n.item(), tn.item(), rtol=rtol)
    for a, b in zip(_grads(P), _grads(TP)):
        if b is None:
            assert a is None
        else:
            np.testing.assert_allclose(a, b, rtol=rtol, atol=1e-30)
    if max_norm < tn.item():
        assert P[0].grad._version > v0  # scaled in place


def test_clip_grad_norm_single_tensor_generator_and_empty():
    p = rt.tensor([3.0, 4.0], requires_grad=True)
    p.grad = rt.tensor([3.0, 4.0])
    n = clip_grad_norm_(p, 1.0)
    assert n.item() == pytest.approx(5.0)
    np.testing.assert_allclose(p.grad.numpy(), [3 / (5 + 1e-6), 4 / (5 + 1e-6)], rtol=1e-6)
    q = rt.tensor([1.0], requires_grad=True)
    assert clip_grad_norm_([q], 1.0).item() == 0.0  # no gradients at all
    with pytest.warns(UserWarning, match="empty generator"):
        clip_grad_norm_((x for x in []), 1.0)
    n = clip_grad_norm_((x for x in [p]), 10.0)
    assert n.item() == pytest.approx(1.0, rel=1e-5)


@pytest.mark.parametrize("bad", [math.inf, math.nan])
def test_error_if_nonfinite(bad):
    P = _setup(rt)
    g = P[1].grad.numpy().copy()
    g[2] = bad
    P[1].grad = rt.tensor(g)
    before = _grads(P)
    with pytest.raises(RuntimeError, match="non-finite"):
        clip_grad_norm_(P, 1.0, error_if_nonfinite=True)
    for a, b in zip(before, _grads(P)):
        np.testing.assert_array_equal(a, b)  # nothing scaled
    TP = _setup(torch)
    tg = TP[1].grad.clone()
    tg[2] = bad
    TP[1].grad = tg
    n = clip_grad_norm_(P, 1.0)
    tn = torch.nn.utils.clip_grad_norm_(TP, 1.0)
    assert (math.isnan(n.item()) and math.isnan(tn.item())) or n.item() == tn.item()
    for a, b in zip(_grads(P), _grads(TP)):
        np.testing.assert_array_equal(np.isnan(a), np.isnan(b))
        np.testing.assert_allclose(a[~np.isnan(a)], b[~np.isnan(b)], rtol=1e-6)


def test_total_norm_and_clip_with_norm_split():
    P, TP = _setup(rt, scale=3.0), _setup(torch, scale=3.0)
    n = get_total_norm([p.grad for p in P], 2.0)
    tn = torch.nn.utils.get_total_norm([p.grad for p in TP], 2.0)
    np.testing.assert_allclose(n.item(), tn.item(), rtol=1e-6)
    clip_grads_with_norm_(P, 1.0, n)
    torch.nn.utils.clip_grads_with_norm_(TP, 1.0, tn)
    for a, b in zip(_grads(P), _grads(TP)):
        np.testing.assert_allclose(a, b, rtol=1e-6)


def test_large_grads_parallel_and_thread_independent():
    shapes = [(400, 500), (70001,), (3,), (40000,)]

    def run(threads):
        old = rt.get_num_threads()
        rt.set_num_threads(threads)
        try:
            P = _setup(rt, shapes=shapes, scale=0.1)
            n = clip_grad_norm_(P, 1.0)
            return n.item(), _grads(P)
        finally:
            rt.set_num_threads(old)

    n1, g1 = run(1)
    n2, g2 = run(2)
    assert n1 == n2
    for a, b in zip(g1, g2):
        np.testing.assert_array_equal(a, b)
    TP = _setup(torch, shapes=shapes, scale=0.1)
    tn = torch.nn.utils.clip_grad_norm_(TP, 1.0)
    np.testing.assert_allclose(n1, tn.item(), rtol=1e-5)
    for a, b in zip(g1, _grads(TP)):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-9)


@pytest.mark.parametrize("clip", [0.5, 0.0, 10.0])
def test_clip_grad_value_matches_torch(clip):
    P, TP = _setup(rt, none_at=2, noncontig=True), _setup(torch, none_at=2, noncontig=True)
    g = P[1].grad.numpy().copy()
    g[0] = math.nan
    P[1].grad = rt.tensor(g)
    tg = TP[1].grad.clone()
    tg[0] = math.nan
    TP[1].grad = tg
    assert clip_grad_value_(P, clip) is None
    torch.nn.utils.clip_grad_value_(TP, clip)
    for a, b in zip(_grads(P), _grads(TP)):
        if b is None:
            assert a is None
        else:
            np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("dtype", [np.float32, np.float64], ids=["f32", "f64"])
def test_parameters_to_vector_and_back(dtype):
    P, TP = _setup(rt, dtype), _setup(torch, dtype)
    v = parameters_to_vector(P)
    tv = torch.nn.utils.parameters_to_vector(TP)
    assert tuple(v.shape) == tuple(tv.shape) and v.ndim == 1
    np.testing.assert_array_equal(v.detach().numpy(), tv.detach().numpy())
    new = np.arange(v.numel(), dtype=dtype)
    vec = rt.tensor(new)
    vector_to_parameters(vec, P)
    torch.nn.utils.vector_to_parameters(torch.tensor(new), TP)
    for p, tp in zip(P, TP):
        assert tuple(p.shape) == tuple(tp.shape) and p.requires_grad and p.is_leaf
        np.testing.assert_array_equal(p.detach().numpy(), tp.detach().numpy())
    # the parameters are views of vec (as in torch)
    vec.mul_(2.0)
    np.testing.assert_array_equal(parameters_to_vector(P).detach().numpy(), new * 2)
    with pytest.raises(TypeError, match="expected rustorch.Tensor"):
        vector_to_parameters(new, P)
    with pytest.raises(ValueError, match="vector_to_parameters"):
        vector_to_parameters(rt.tensor(new[:5]), P)


def test_import_paths():
    import rustorch.nn.utils as U
    assert U.clip_grad_norm_ is clip_grad_norm_
    assert rt.nn.utils.clip_grad_value_ is clip_grad_value_


def test_parameters_to_vector_is_differentiable():
    P = _setup(rt, np.float64)
    for p in P:
        p.grad = None
    v = parameters_to_vector(P)
    assert v.requires_grad and v.grad_fn is not None
    (v * v).sum().backward()
    for p in P:
        np.testing.assert_allclose(p.grad.numpy(), 2 * p.detach().numpy())
    with rt.no_grad():
        assert parameters_to_vector(P).grad_fn is None
