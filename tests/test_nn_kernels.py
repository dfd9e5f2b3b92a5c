"""nn functional kernels against torch.nn.functional: forward and backward with identical inputs
(copied through NumPy), float32 and float64, several shapes and argument combinations; running
statistics of the norms; dropout reproducibility; error cases."""
import numpy as np
import pytest

import rustorch as rt

torch = pytest.importorskip("torch")
F = torch.nn.functional

DTYPES = [np.float32, np.float64]
TOL = {np.float32: dict(rtol=1e-4, atol=2e-5), np.float64: dict(rtol=1e-9, atol=1e-10)}


def _rng(seed=0):
    return np.random.default_rng(seed)


def _as_pair(a, requires_grad):
    """The same values as an rt and a torch tensor (floating arrays get requires_grad)."""
    grad = requires_grad and a.dtype.kind == "f"
    r = rt.tensor(a)
    t = torch.tensor(a)
    if grad:
        r.requires_grad_(True)
        t.requires_grad_(True)
    return r, t


def check(fr, ft, arrays, dtype=None, grad=True, tol=None, seed=1, transposed=()):
    """Runs fr on rt tensors and ft on torch tensors made from `arrays`; compares the outputs and,
    with grad, the gradients of every floating input for a random output gradient.
    Inputs listed in `transposed` are passed as non-contiguous transposes of contiguous arrays."""
    dtype = dtype or arrays[0].dtype.type
    tol = tol or TOL[dtype]
    rs, ts = [], []
    for i, a in enumerate(arrays):
        if i in transposed:
            base = np.ascontiguousarray(np.swapaxes(a, -1, -2))
            r, t = _as_pair(base, grad)
            rs.append((r, r.transpose(-1, -2)))
            ts.append((t, t.transpose(-1, -2)))
        else:
            r, t = _as_pair(a, grad)
            rs.append((r, r))
            ts.append((t, t))
    yr = fr(*[v for _, v in rs])
    yt = ft(*[v for _, v in ts])
    outs_r = yr if isinstance(yr, tuple) else (yr,)
    outs_t = yt if isinstance(yt, tuple) else (yt,)
    for o_r, o_t in zip(outs_r, outs_t):
        assert tuple(o_r.shape) == tuple(o_t.shape)
        np.testing.assert_allclose(o_r.detach().numpy(), o_t.detach().numpy(), **tol)
    if not grad:
        return yr, yt
    o_r, o_t = outs_r[0], outs_t[0]
    g = _rng(seed).standard_normal(tuple(o_t.shape)).astype(dtype)
    o_r.backward(rt.tensor(g))
    o_t.backward(torch.tensor(g))
    for (leaf_r, _), (leaf_t, _) in zip(rs, ts):
        if leaf_t.requires_grad:
            if leaf_t.grad is None:
                assert leaf_r.grad is None
                continue
            assert leaf_r.grad is not None
            np.testing.assert_allclose(leaf_r.grad.numpy(), leaf_t.grad.numpy(), **tol)
    return yr, yt


def randn(*shape, dtype=np.float32, seed=0, scale=1.0):
    return (_rng(seed).standard_normal(shape) * scale).astype(dtype)


# ---------------------------------------------------------------------------------------------
# Convolutions

CONV2D_CASES = [
    # input shape, weight shape, kwargs
    ((1, 3, 8, 8), (4, 3, 3, 3), dict(padding=1)),
    ((2, 3, 7, 9), (5, 3, 3, 2), dict(stride=2)),
    ((3, 4, 9, 8), (6, 2, 3, 3), dict(stride=(2, 1), padding=(1, 2), dilation=(2, 1), groups=2)),
    ((2, 6, 5, 5), (6, 1, 3, 3), dict(padding=1, groups=6)),  # depthwise
    ((2, 4, 6, 5), (3, 4, 1, 1), dict()),  # pointwise
    ((2, 4, 6, 5), (3, 4, 1, 1), dict(stride=2)),
    ((1, 2, 5, 5), (3, 2, 5, 5), dict()),  # kernel = input
    ((2, 3, 7, 6), (4, 3, 4, 2), dict(padding="same")),
    ((2, 3, 7, 6), (4, 3, 3, 3), dict(padding="same", dilation=2)),
    ((2, 3, 7, 6), (4, 3, 3, 3), dict(padding="valid")),
    ((3, 5, 5), (4, 3, 3, 3), dict(padding=1)),  # unbatched
    ((3, 3, 20, 18), (5, 3, 3, 3), dict(padding=1)),  # long rows: the small-GEMM weight-gradient kernel
    ((2, 4, 17, 19), (6, 2, 2, 3), dict(groups=2, dilation=(2, 1))),
]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("xs,ws,kw", CONV2D_CASES)
def test_conv2d(dtype, xs, ws, kw):
    x, w, b = randn(*xs, dtype=dtype), randn(*ws, dtype=dtype, seed=1), randn(ws[0], dtype=dtype, seed=2)
    check(lambda x, w, b: rt.conv2d(x, w, b, **kw), lambda x, w, b: F.conv2d(x, w, b, **kw), [x, w, b])
    check(lambda x, w: rt.conv2d(x, w, **kw), lambda x, w: F.conv2d(x, w, **kw), [x, w])


def test_conv2d_noncontiguous_and_input_only_grad():
    x, w = randn(2, 3, 6, 7), randn(4, 3, 3, 3, seed=1)
    check(lambda x, w: rt.conv2d(x, w, padding=1), lambda x, w: F.conv2d(x, w, padding=1), [x, w], transposed=(0, 1))
    xr, xt = rt.tensor(x).requires_grad_(True), torch.tensor(x, requires_grad=True)
    rt.conv2d(xr, rt.tensor(w)).sum().backward()
    F.conv2d(xt, torch.tensor(w)).sum().backward()
    np.testing.assert_allclose(xr.grad.numpy(), xt.grad.numpy(), rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("xs,ws,kw", [
    ((2, 3, 11), (4, 3, 3), dict(stride=2, padding=1)),
    ((1, 4, 9), (4, 2, 2), dict(dilation=3, groups=2)),
    ((3, 10), (2, 3, 4), dict(padding="same")),
])
def test_conv1d(dtype, xs, ws, kw):
    x, w, b = randn(*xs, dtype=dtype), randn(*ws, dtype=dtype, seed=1), randn(ws[0], dtype=dtype, seed=2)
    check(lambda x, w, b: rt.conv1d(x, w, b, **kw), lambda x, w, b: F.conv1d(x, w, b, **kw), [x, w, b])


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("xs,ws,kw", [
    ((2, 3, 5, 6, 5), (4, 3, 3, 3, 2), dict(stride=(1, 2, 1), padding=1)),
    ((1, 4, 4, 4, 4), (2, 2, 2, 2, 2), dict(groups=2, dilation=(1, 2, 1))),
    ((3, 4, 5, 6), (2, 3, 1, 1, 1), dict(stride=2)),  # unbatched, pointwise strided
])
def test_conv3d(dtype, xs, ws, kw):
    x, w, b = randn(*xs, dtype=dtype), randn(*ws, dtype=dtype, seed=1), randn(ws[0], dtype=dtype, seed=2)
    check(lambda x, w, b: rt.conv3d(x, w, b, **kw), lambda x, w, b: F.conv3d(x, w, b, **kw), [x, w, b])


CONVT_CASES = [
    (2, (2, 4, 5, 6), (4, 3, 3, 3), dict(stride=2, padding=1, output_padding=1)),
    (2, (2, 4, 5, 6), (4, 3, 3, 3), dict(stride=(2, 1), padding=1, groups=2, dilation=2)),
    (2, (1, 2, 3, 3), (2, 5, 1, 1), dict()),
    (2, (2, 3, 3), (2, 2, 3, 3), dict(stride=3, output_padding=2)),  # unbatched
    (1, (2, 4, 5), (4, 3, 2), dict(stride=3, padding=1)),
    (3, (1, 2, 3, 3, 3), (2, 3, 2, 2, 2), dict(stride=2, padding=(0, 1, 0))),
]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("dims,xs,ws,kw", CONVT_CASES)
def test_conv_transpose(dtype, dims, xs, ws, kw):
    x, w = randn(*xs, dtype=dtype), randn(*ws, dtype=dtype, seed=1)
    groups = kw.get("groups", 1)
    b = randn(w.shape[1] * groups, dtype=dtype, seed=2)
    fr = getattr(rt, f"conv_transpose{dims}d")
    ft = getattr(F, f"conv_transpose{dims}d")
    check(lambda x, w, b: fr(x, w, b, **kw), lambda x, w, b: ft(x, w, b, **kw), [x, w, b])


def test_conv_double_backward_matches_torch():
    x, w = randn(2, 3, 6, 5, dtype=np.float64), randn(4, 3, 3, 3, dtype=np.float64, seed=1)
    res = []
    for lib, f in ((rt, rt.conv2d), (torch, F.conv2d)):
        xx = lib.tensor(x).requires_grad_(True)
        ww = lib.tensor(w).requires_grad_(True)
        y = f(xx, ww, stride=2, padding=1)
        gx, gw = (rt.autograd.grad if lib is rt else torch.autograd.grad)(
            (y * y).sum(), (xx, ww), create_graph=True)
        (gx.sum() + (gw * gw).sum()).backward()
        res.append((xx.grad.numpy(), ww.grad.numpy()))
    for a, b in zip(*res):
        np.testing.assert_allclose(a, b, rtol=1e-9, atol=1e-9)


def test_conv_results_do_not_depend_on_thread_count():
    x, w = randn(16, 3, 12, 12), randn(8, 3, 3, 3, seed=1)
    out = []
    prev = rt.get_num_threads()
    try:
        for n in (1, 2):
            rt.set_num_threads(n)
            xr, wr = rt.tensor(x).requires_grad_(True), rt.tensor(w).requires_grad_(True)
            y = rt.conv2d(xr, wr, padding=1)
            y.backward(rt.tensor(randn(*y.shape, seed=3)))
            out.append((y.detach().numpy(), xr.grad.numpy(), wr.grad.numpy()))
    finally:
        rt.set_num_threads(prev)
    for a, b in zip(*out):
        np.testing.assert_array_equal(a, b)


# ---------------------------------------------------------------------------------------------
# Pooling

@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("dims,xs,kw", [
    (2, (2, 3, 9, 8), dict(kernel_size=3, stride=2, padding=1)),
    (2, (1, 2, 10, 9), dict(kernel_size=(3, 2), stride=2, padding=1, dilation=(2, 1), ceil_mode=True)),
    (2, (2, 3, 8, 8), dict(kernel_size=2)),
    (2, (3, 7, 7), dict(kernel_size=3, stride=2, ceil_mode=True)),  # unbatched
    (1, (2, 3, 9), dict(kernel_size=2)),
    (1, (2, 3, 10), dict(kernel_size=4, stride=3, padding=2, dilation=1, ceil_mode=True)),
    (3, (2, 2, 4, 5, 4), dict(kernel_size=2, stride=1)),
    (3, (1, 2, 5, 5, 5), dict(kernel_size=3, stride=2, padding=1, ceil_mode=True)),
])
def test_max_pool(dtype, dims, xs, kw):
    x = randn(*xs, dtype=dtype)
    fr, ft = getattr(rt, f"max_pool{dims}d"), getattr(F, f"max_pool{dims}d")
    check(lambda x: fr(x, **kw), lambda x: ft(x, **kw), [x])
    (yr, ir), (yt, it) = check(lambda x: fr(x, return_indices=True, **kw),
                               lambda x: ft(x, return_indices=True, **kw), [x], grad=False)
    np.testing.assert_array_equal(ir.numpy(), it.numpy())
    assert ir.dtype == rt.int64


def test_max_pool_nan_and_ties():
    x = np.array([[[[1.0, 1.0], [np.nan, 0.0]], [[2.0, 2.0], [2.0, 2.0]]]], dtype=np.float32)
    (yr, ir), (yt, it) = check(lambda x: rt.max_pool2d(x, 2, return_indices=True),
                               lambda x: F.max_pool2d(x, 2, return_indices=True), [x], grad=False,
                               tol=dict(rtol=0, atol=0, equal_nan=True))
    np.testing.assert_array_equal(ir.numpy(), it.numpy())


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("dims,xs,kw", [
    (2, (2, 3, 9, 8), dict(kernel_size=3, stride=2, padding=1)),
    (2, (2, 3, 10, 8), dict(kernel_size=3, stride=2, padding=1, ceil_mode=True, count_include_pad=False)),
    (2, (2, 3, 10, 8), dict(kernel_size=3, stride=2, padding=1, ceil_mode=True)),
    (2, (1, 2, 6, 6), dict(kernel_size=2, divisor_override=3)),
    (2, (3, 7, 5), dict(kernel_size=2, stride=1)),  # unbatched
    (1, (2, 3, 10), dict(kernel_size=3, stride=2, padding=1, ceil_mode=True)),
    (1, (2, 3, 10), dict(kernel_size=3, padding=1, count_include_pad=False)),
    (3, (2, 2, 4, 5, 4), dict(kernel_size=2)),
    (3, (1, 2, 5, 5, 5), dict(kernel_size=3, stride=2, padding=1, count_include_pad=False, ceil_mode=True)),
])
def test_avg_pool(dtype, dims, xs, kw):
    x = randn(*xs, dtype=dtype)
    fr, ft = getattr(rt, f"avg_pool{dims}d"), getattr(F, f"avg_pool{dims}d")
    check(lambda x: fr(x, **kw), lambda x: ft(x, **kw), [x])


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("dims,xs,out", [
    (2, (2, 3, 10, 7), (3, 4)),
    (2, (2, 3, 7, 7), 1),
    (2, (3, 5, 6), (None, 4)),
    (2, (1, 2, 4, 4), (6, 5)),  # upsampling windows overlap
    (1, (2, 3, 10), 4),
    (3, (2, 3, 5, 4, 7), (2, None, 3)),
])
def test_adaptive_pool(dtype, dims, xs, out):
    x = randn(*xs, dtype=dtype)
    fr, ft = getattr(rt, f"adaptive_avg_pool{dims}d"), getattr(F, f"adaptive_avg_pool{dims}d")
    check(lambda x: fr(x, out), lambda x: ft(x, out), [x])
    fr, ft = getattr(rt, f"adaptive_max_pool{dims}d"), getattr(F, f"adaptive_max_pool{dims}d")
    check(lambda x: fr(x, out), lambda x: ft(x, out), [x])
    (yr, ir), (yt, it) = check(lambda x: fr(x, out, return_indices=True), lambda x: ft(x, out, return_indices=True),
                               [x], grad=False)
    np.testing.assert_array_equal(ir.numpy(), it.numpy())


def test_pool_double_backward_matches_torch():
    x = randn(2, 2, 6, 6, dtype=np.float64)
    res = []
    for lib in (rt, torch):
        xx = lib.tensor(x).requires_grad_(True)
        fn = (rt if lib is rt else F)
        y = fn.max_pool2d(xx, 2) * fn.avg_pool2d(xx, 3, 2, 1)
        (g,) = (rt.autograd.grad if lib is rt else torch.autograd.grad)((y * y).sum(), (xx,), create_graph=True)
        (g * g).sum().backward()
        res.append(xx.grad.numpy())
    np.testing.assert_allclose(res[0], res[1], rtol=1e-9, atol=1e-9)


# ---------------------------------------------------------------------------------------------
# Normalization

@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("xs", [(4, 3, 5, 5), (8, 5), (2, 4, 7), (1, 3, 2, 2), (2, 2, 2, 3, 2)])
def test_batch_norm_training_and_running_stats(dtype, xs):
    C = xs[1]
    x, w, b = randn(*xs, dtype=dtype, scale=2.0) + 1, randn(C, dtype=dtype, seed=1), randn(C, dtype=dtype, seed=2)
    rm0, rv0 = randn(C, dtype=dtype, seed=3), np.abs(randn(C, dtype=dtype, seed=4)) + 0.5
    rm_r, rv_r = rt.tensor(rm0.copy()), rt.tensor(rv0.copy())
    rm_t, rv_t = torch.tensor(rm0.copy()), torch.tensor(rv0.copy())
    check(lambda x, w, b: rt.batch_norm(x, rm_r, rv_r, w, b, training=True, momentum=0.3),
          lambda x, w, b: F.batch_norm(x, rm_t, rv_t, w, b, training=True, momentum=0.3), [x, w, b])
    np.testing.assert_allclose(rm_r.numpy(), rm_t.numpy(), **TOL[dtype])
    np.testing.assert_allclose(rv_r.numpy(), rv_t.numpy(), **TOL[dtype])
    # eval mode uses (and does not change) the running statistics
    check(lambda x, w, b: rt.batch_norm(x, rm_r, rv_r, w, b, training=False),
          lambda x, w, b: F.batch_norm(x, rm_t, rv_t, w, b, training=False), [x, w, b])
    np.testing.assert_allclose(rm_r.numpy(), rm_t.numpy(), **TOL[dtype])
    # no affine, no running stats
    check(lambda x: rt.batch_norm(x, None, None, training=True), lambda x: F.batch_norm(x, None, None, training=True),
          [x])


def test_batch_norm_noncontiguous_and_double_backward():
    x, w = randn(5, 3, dtype=np.float64), randn(3, dtype=np.float64, seed=1)
    check(lambda x, w: rt.batch_norm(x, None, None, w, None, True), lambda x, w: F.batch_norm(x, None, None, w, None, True),
          [x, w], transposed=(0,))
    res = []
    for lib in (rt, torch):
        xx, ww = lib.tensor(x).requires_grad_(True), lib.tensor(w).requires_grad_(True)
        fn = rt if lib is rt else F
        y = fn.batch_norm(xx, None, None, ww, None, True)
        gx, gw = (rt.autograd.grad if lib is rt else torch.autograd.grad)((y * y * y).sum(), (xx, ww), create_graph=True)
        ((gx * gx).sum() + gw.sum()).backward()
        res.append((xx.grad.numpy(), ww.grad.numpy()))
    for a, b in zip(*res):
        np.testing.assert_allclose(a, b, rtol=1e-7, atol=1e-8)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("xs,ns", [((4, 3, 5, 6), (5, 6)), ((7, 10), (10,)), ((2, 3, 4), (3, 4)), ((1, 1, 5), (5,))])
def test_layer_norm(dtype, xs, ns):
    x, w, b = randn(*xs, dtype=dtype, scale=3.0), randn(*ns, dtype=dtype, seed=1), randn(*ns, dtype=dtype, seed=2)
    check(lambda x, w, b: rt.layer_norm(x, ns, w, b, eps=1e-3), lambda x, w, b: F.layer_norm(x, ns, w, b, eps=1e-3),
          [x, w, b])
    check(lambda x: rt.layer_norm(x, ns), lambda x: F.layer_norm(x, ns), [x])


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("xs,g", [((4, 6, 5, 3), 2), ((2, 6, 7), 3), ((3, 4), 2), ((1, 8, 2, 2, 2), 1)])
def test_group_norm(dtype, xs, g):
    C = xs[1]
    x, w, b = randn(*xs, dtype=dtype), randn(C, dtype=dtype, seed=1), randn(C, dtype=dtype, seed=2)
    check(lambda x, w, b: rt.group_norm(x, g, w, b), lambda x, w, b: F.group_norm(x, g, w, b), [x, w, b])
    check(lambda x: rt.group_norm(x, g), lambda x: F.group_norm(x, g), [x])


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("xs", [(4, 6, 5, 3), (2, 3, 7), (1, 2, 3, 2, 2)])
def test_instance_norm(dtype, xs):
    C = xs[1]
    x, w, b = randn(*xs, dtype=dtype), randn(C, dtype=dtype, seed=1), randn(C, dtype=dtype, seed=2)
    check(lambda x, w, b: rt.instance_norm(x, weight=w, bias=b), lambda x, w, b: F.instance_norm(x, weight=w, bias=b),
          [x, w, b])
    rm0, rv0 = randn(C, dtype=dtype, seed=3), np.abs(randn(C, dtype=dtype, seed=4)) + 0.5
    rm_r, rv_r, rm_t, rv_t = rt.tensor(rm0), rt.tensor(rv0), torch.tensor(rm0), torch.tensor(rv0)
    check(lambda x: rt.instance_norm(x, rm_r, rv_r, momentum=0.2), lambda x: F.instance_norm(x, rm_t, rv_t, momentum=0.2),
          [x])
    np.testing.assert_allclose(rm_r.numpy(), rm_t.numpy(), **TOL[dtype])
    np.testing.assert_allclose(rv_r.numpy(), rv_t.numpy(), **TOL[dtype])
    check(lambda x: rt.instance_norm(x, rm_r, rv_r, use_input_stats=False),
          lambda x: F.instance_norm(x, rm_t, rv_t, use_input_stats=False), [x])


# ---------------------------------------------------------------------------------------------
# Dropout

def test_dropout_reproducible_scaled_and_thread_independent():
    x = np.ones((64, 257), dtype=np.float32)
    prev = rt.get_num_threads()
    outs = []
    try:
        for n in (1, 2, 1):
            rt.set_num_threads(n)
            rt.manual_seed(123)
            outs.append(rt.dropout(rt.tensor(x), 0.3).numpy())
    finally:
        rt.set_num_threads(prev)
    np.testing.assert_array_equal(outs[0], outs[1])
    np.testing.assert_array_equal(outs[0], outs[2])
    vals = set(np.unique(outs[0]).tolist())
    assert vals <= {0.0, np.float32(1 / 0.7)}
    assert abs((outs[0] == 0).mean() - 0.3) < 0.02
    rt.manual_seed(5)
    a = rt.dropout(rt.tensor(x), 0.3).numpy()
    b = rt.dropout(rt.tensor(x), 0.3).numpy()
    assert not np.array_equal(a, b)  # the generator advances


def test_dropout_backward_eval_and_edge_p():
    x = rt.tensor(randn(10, 20)).requires_grad_(True)
    rt.manual_seed(0)
    y = rt.dropout(x, 0.5)
    y.backward(rt.ones(10, 20))
    mask = y.detach().numpy() / x.detach().numpy()
    np.testing.assert_allclose(x.grad.numpy(), mask, rtol=1e-5)
    assert rt.dropout(x, 0.5, training=False) is x
    np.testing.assert_array_equal(rt.dropout(x, 1.0).detach().numpy(), 0)
    np.testing.assert_array_equal(rt.dropout(x, 0.0).detach().numpy(), x.detach().numpy())
    z = rt.tensor(np.ones((3, 4), np.float32))
    rt.manual_seed(1)
    out = rt.dropout(z, 0.5, inplace=True)
    assert out is z and set(np.unique(z.numpy()).tolist()) <= {0.0, 2.0}
    with pytest.raises(ValueError, match="dropout"):
        rt.dropout(x, 1.5)


@pytest.mark.parametrize("fn,shape,mask_dims", [("dropout2d", (4, 6, 3, 3), 2), ("dropout2d", (4, 6, 5), 2),
                                                ("dropout1d", (4, 6, 5), 2), ("dropout1d", (6, 5), 1),
                                                ("dropout3d", (2, 3, 2, 2, 2), 2), ("dropout3d", (3, 2, 2, 2), 1)])
def test_feature_dropout_zeroes_whole_channels(fn, shape, mask_dims):
    x = rt.tensor(np.ones(shape, np.float32)).requires_grad_(True)
    rt.manual_seed(3)
    y = getattr(rt, fn)(x, 0.5)
    v = y.detach().numpy().reshape(int(np.prod(shape[:mask_dims])), -1)
    assert all(len(np.unique(row)) == 1 for row in v)
    assert set(np.unique(v).tolist()) <= {0.0, 2.0}
    y.sum().backward()
    np.testing.assert_array_equal(x.grad.numpy(), y.detach().numpy())


# ---------------------------------------------------------------------------------------------
# Embedding, pad, interpolate, one_hot

@pytest.mark.parametrize("dtype", DTYPES)
def test_embedding(dtype):
    idx = _rng(3).integers(0, 10, size=(3, 5))
    w = randn(10, 4, dtype=dtype)
    check(lambda w: rt.embedding(rt.tensor(idx), w), lambda w: F.embedding(torch.tensor(idx), w), [w])
    check(lambda w: rt.embedding(rt.tensor(idx), w, padding_idx=idx[0, 0]),
          lambda w: F.embedding(torch.tensor(idx), w, padding_idx=int(idx[0, 0])), [w])
    check(lambda w: rt.embedding(rt.tensor(idx), w, padding_idx=-1),
          lambda w: F.embedding(torch.tensor(idx), w, padding_idx=-1), [w])
    check(lambda w: rt.embedding(rt.tensor(idx), w, scale_grad_by_freq=True),
          lambda w: F.embedding(torch.tensor(idx), w, scale_grad_by_freq=True), [w])
    check(lambda w: rt.embedding(rt.tensor(np.int64(7)), w), lambda w: F.embedding(torch.tensor(7), w), [w])


def test_embedding_max_norm_renormalizes_in_place():
    w = randn(6, 3, scale=3.0)
    wr, wt = rt.tensor(w.copy()), torch.tensor(w.copy())
    idx = np.array([0, 2, 2, 5])
    yr = rt.embedding(rt.tensor(idx), wr, max_norm=1.0)
    yt = F.embedding(torch.tensor(idx), wt, max_norm=1.0)
    np.testing.assert_allclose(yr.numpy(), yt.numpy(), rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(wr.numpy(), wt.numpy(), rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("xs,pad,kw", [
    ((2, 3, 5, 6), (1, 2, -1, 3), dict(value=0.5)),
    ((2, 3, 5, 6), (1, 2, 2, 3), dict(mode="reflect")),
    ((3, 6), (3, 2), dict(mode="reflect")),
    ((2, 3, 4, 5, 6), (1, 2, 2, 3, 1, 1), dict(mode="replicate")),
    ((2, 3, 6), (1, 2), dict(mode="circular")),
    ((1, 2, 3, 4), (2, 1, 3, 3), dict(mode="circular")),
    ((2, 3, 2, 3), (1, 0, 0, 1, 1, 1, 2, 0), dict()),  # all 4 dims
    ((4, 5), (0, 0), dict()),
])
def test_pad(dtype, xs, pad, kw):
    x = randn(*xs, dtype=dtype)
    check(lambda x: rt.pad(x, pad, **kw), lambda x: F.pad(x, pad, **kw), [x])


def test_pad_integer_input():
    x = np.arange(6).reshape(2, 3)
    np.testing.assert_array_equal(rt.pad(rt.tensor(x), (1, 1), value=7).numpy(),
                                  F.pad(torch.tensor(x), (1, 1), value=7).numpy())


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("xs,kw", [
    ((2, 3, 4, 5), dict(scale_factor=2)),
    ((2, 3, 4, 5), dict(size=(7, 3))),
    ((2, 3, 4, 5), dict(scale_factor=1.7)),
    ((2, 3, 4, 5), dict(scale_factor=(0.5, 1.5))),
    ((2, 3, 4, 5), dict(size=(7, 3), mode="nearest-exact")),
    ((2, 3, 4, 5), dict(size=(7, 9), mode="bilinear")),
    ((2, 3, 4, 5), dict(size=(7, 3), mode="bilinear", align_corners=True)),
    ((2, 3, 4, 5), dict(size=(1, 1), mode="bilinear", align_corners=True)),
    ((2, 3, 4, 5), dict(scale_factor=1.5, mode="bilinear")),
    ((2, 3, 4, 5), dict(scale_factor=1.5, mode="bilinear", recompute_scale_factor=True)),
    ((1, 2, 8, 8), dict(size=(3, 5), mode="bilinear")),  # downsampling
    ((2, 3, 4), dict(size=9, mode="linear")),
    ((2, 3, 4), dict(scale_factor=3)),
    ((2, 3, 2, 3, 4), dict(size=(3, 5, 4), mode="trilinear")),
    ((2, 3, 2, 3, 4), dict(scale_factor=2)),
    ((2, 3, 7, 5), dict(size=(3, 2), mode="area")),
])
def test_interpolate(dtype, xs, kw):
    x = randn(*xs, dtype=dtype)
    check(lambda x: rt.interpolate(x, **kw), lambda x: F.interpolate(x, **kw), [x])


def test_one_hot():
    t = np.array([[0, 3], [1, 1]])
    np.testing.assert_array_equal(rt.one_hot(rt.tensor(t)).numpy(), F.one_hot(torch.tensor(t)).numpy())
    np.testing.assert_array_equal(rt.one_hot(rt.tensor(t), 6).numpy(), F.one_hot(torch.tensor(t), 6).numpy())
    assert rt.one_hot(rt.tensor(t)).dtype == rt.int64
    with pytest.raises(IndexError, match="one_hot"):
        rt.one_hot(rt.tensor(t), 3)
    with pytest.raises(IndexError, match="one_hot"):
        rt.one_hot(rt.tensor(np.array([-1, 0])))
    with pytest.raises(TypeError, match="one_hot"):
        rt.one_hot(rt.tensor(np.array([0.0, 1.0])))


# ---------------------------------------------------------------------------------------------
# Losses

@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
@pytest.mark.parametrize("kw", [dict(), dict(label_smoothing=0.2), dict(weight=True), dict(weight=True, label_smoothing=0.1),
                                dict(ignore_index=1), dict(ignore_index=1, weight=True, label_smoothing=0.3)])
def test_cross_entropy_class_indices(dtype, reduction, kw):
    kw = dict(kw)
    y = _rng(4).integers(0, 5, size=(7,))
    if kw.pop("weight", False):
        w = (np.abs(randn(5, dtype=dtype, seed=9)) + 0.1)
        kw_r, kw_t = dict(kw, weight=rt.tensor(w)), dict(kw, weight=torch.tensor(w))
    else:
        kw_r = kw_t = kw
    x = randn(7, 5, dtype=dtype, scale=2.0)
    check(lambda x: rt.cross_entropy(x, rt.tensor(y), reduction=reduction, **kw_r),
          lambda x: F.cross_entropy(x, torch.tensor(y), reduction=reduction, **kw_t), [x])
    # spatial targets (N, d1, d2) and unbatched (C,)
    y3 = _rng(5).integers(0, 5, size=(2, 3, 4))
    check(lambda x: rt.cross_entropy(x, rt.tensor(y3), reduction=reduction, **kw_r),
          lambda x: F.cross_entropy(x, torch.tensor(y3), reduction=reduction, **kw_t), [randn(2, 5, 3, 4, dtype=dtype)])
    check(lambda x: rt.cross_entropy(x, rt.tensor(np.int64(3)), reduction=reduction, **kw_r),
          lambda x: F.cross_entropy(x, torch.tensor(3), reduction=reduction, **kw_t), [randn(5, dtype=dtype)])


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
@pytest.mark.parametrize("ls,weighted", [(0.0, False), (0.15, False), (0.0, True), (0.2, True)])
def test_cross_entropy_probabilities(dtype, reduction, ls, weighted):
    p = np.abs(randn(6, 4, 3, dtype=dtype, seed=2))
    p /= p.sum(1, keepdims=True)
    w = np.abs(randn(4, dtype=dtype, seed=9)) + 0.1
    kr = dict(weight=rt.tensor(w)) if weighted else {}
    kt = dict(weight=torch.tensor(w)) if weighted else {}
    check(lambda x, t: rt.cross_entropy(x, t, reduction=reduction, label_smoothing=ls, **kr),
          lambda x, t: F.cross_entropy(x, t, reduction=reduction, label_smoothing=ls, **kt),
          [randn(6, 4, 3, dtype=dtype), p])


def test_cross_entropy_extreme_logits_and_noncontiguous():
    x = np.array([[1000.0, -1000.0, 0.0], [-50.0, 80.0, 79.0]], dtype=np.float32)
    y = np.array([1, 2])
    check(lambda x: rt.cross_entropy(x, rt.tensor(y)), lambda x: F.cross_entropy(x, torch.tensor(y)), [x])
    check(lambda x: rt.cross_entropy(x, rt.tensor(y)), lambda x: F.cross_entropy(x, torch.tensor(y)),
          [randn(2, 3)], transposed=(0,))


def test_cross_entropy_double_backward_matches_torch():
    x = randn(4, 5, dtype=np.float64)
    y = np.array([0, 4, 2, 2])
    res = []
    for lib in (rt, torch):
        xx = lib.tensor(x).requires_grad_(True)
        loss = (rt if lib is rt else F).cross_entropy(xx, lib.tensor(y), label_smoothing=0.1)
        (g,) = (rt.autograd.grad if lib is rt else torch.autograd.grad)(loss, (xx,), create_graph=True)
        (g * g).sum().backward()
        res.append(xx.grad.numpy())
    np.testing.assert_allclose(res[0], res[1], rtol=1e-8, atol=1e-10)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_nll_loss(dtype, reduction):
    y = _rng(4).integers(0, 5, size=(7,))
    w = np.abs(randn(5, dtype=dtype, seed=9)) + 0.1
    x = randn(7, 5, dtype=dtype)
    check(lambda x: rt.nll_loss(x, rt.tensor(y), reduction=reduction),
          lambda x: F.nll_loss(x, torch.tensor(y), reduction=reduction), [x])
    check(lambda x: rt.nll_loss(x, rt.tensor(y), weight=rt.tensor(w), ignore_index=2, reduction=reduction),
          lambda x: F.nll_loss(x, torch.tensor(y), weight=torch.tensor(w), ignore_index=2, reduction=reduction), [x])
    y3 = _rng(5).integers(0, 5, size=(2, 3, 4))
    check(lambda x: rt.nll_loss(x, rt.tensor(y3), reduction=reduction),
          lambda x: F.nll_loss(x, torch.tensor(y3), reduction=reduction), [randn(2, 5, 3, 4, dtype=dtype)])


def test_loss_legacy_reduction_flags():
    x, y = randn(4, 3), np.array([0, 1, 2, 1])
    for sa, rd in [(False, None), (None, False), (True, True)]:
        check(lambda x: rt.nll_loss(x, rt.tensor(y), size_average=sa, reduce=rd),
              lambda x: F.nll_loss(x, torch.tensor(y), size_average=sa, reduce=rd), [x])


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
@pytest.mark.parametrize("use_w,use_pw", [(False, False), (True, False), (False, True), (True, True)])
def test_bce_with_logits(dtype, reduction, use_w, use_pw):
    x = randn(5, 3, dtype=dtype, scale=4.0)
    t = _rng(2).uniform(size=(5, 3)).astype(dtype)
    w = np.abs(randn(5, 1, dtype=dtype, seed=3))
    pw = np.abs(randn(3, dtype=dtype, seed=4)) + 0.2
    kr, kt = {}, {}
    if use_w:
        kr["weight"], kt["weight"] = rt.tensor(w), torch.tensor(w)
    if use_pw:
        kr["pos_weight"], kt["pos_weight"] = rt.tensor(pw), torch.tensor(pw)
    check(lambda x, t: rt.binary_cross_entropy_with_logits(x, t, reduction=reduction, **kr),
          lambda x, t: F.binary_cross_entropy_with_logits(x, t, reduction=reduction, **kt), [x, t])


def test_bce_with_logits_extreme_logits():
    x = np.array([-200.0, -30.0, 0.0, 30.0, 200.0], dtype=np.float32)
    t = np.array([1.0, 0.0, 0.5, 1.0, 0.0], dtype=np.float32)
    check(lambda x, t: rt.binary_cross_entropy_with_logits(x, t, reduction="none"),
          lambda x, t: F.binary_cross_entropy_with_logits(x, t, reduction="none"), [x, t])


# ---------------------------------------------------------------------------------------------
# Errors: the right exception type, and a message naming the op and the shapes

def _t(*shape, dtype=np.float32):
    return rt.tensor(np.zeros(shape, dtype=dtype))


@pytest.mark.parametrize("fn,exc,match", [
    (lambda: rt.conv2d(_t(2, 4, 8, 8), _t(16, 3, 3, 3)), ValueError, r"conv2d.*\(16, 3, 3, 3\).*\(2, 4, 8, 8\).*3 channels"),
    (lambda: rt.conv2d(_t(2, 3, 2, 2), _t(16, 3, 3, 3)), ValueError, r"conv2d: kernel size \(3, 3\).*larger"),
    (lambda: rt.conv2d(_t(2, 4, 8, 8), _t(6, 2, 3, 3), groups=3), ValueError, r"conv2d.*groups"),
    (lambda: rt.conv2d(_t(2, 6, 8, 8), _t(5, 2, 3, 3), groups=3), ValueError, r"conv2d: out_channels.*divisible by groups"),
    (lambda: rt.conv2d(_t(8, 8), _t(6, 2, 3, 3)), ValueError, r"conv2d: expected a 3-D \(unbatched\) or 4-D"),
    (lambda: rt.conv2d(_t(2, 3, 8, 8), _t(4, 3, 3)), ValueError, r"conv2d: expected a 4-D weight"),
    (lambda: rt.conv2d(_t(2, 3, 8, 8), _t(4, 3, 3, 3), _t(5)), ValueError, r"conv2d: expected bias of shape \(4,\)"),
    (lambda: rt.conv2d(_t(2, 3, 8, 8), _t(4, 3, 3, 3, dtype=np.float64)), TypeError, r"conv2d: weight has dtype float64"),
    (lambda: rt.conv2d(rt.tensor(np.zeros((1, 3, 4, 4), np.int64)), _t(4, 3, 3, 3)), TypeError, r"conv2d"),
    (lambda: rt.conv2d(_t(2, 3, 8, 8), _t(4, 3, 3, 3), stride=2, padding="same"), ValueError, r"conv2d.*same.*strided"),
    (lambda: rt.conv2d(_t(2, 3, 8, 8), _t(4, 3, 3, 3), padding="full"), ValueError, r"conv2d: invalid padding"),
    (lambda: rt.conv2d(_t(2, 3, 8, 8), _t(4, 3, 3, 3), stride=(1, 2, 3)), ValueError, r"conv2d: expected stride"),
    (lambda: rt.conv_transpose2d(_t(2, 3, 4, 4), _t(4, 2, 3, 3)), ValueError, r"conv_transpose2d.*4 channels"),
    (lambda: rt.conv_transpose2d(_t(2, 4, 4, 4), _t(4, 2, 3, 3), stride=2, output_padding=2), ValueError,
     r"conv_transpose2d: output padding"),
    (lambda: rt.max_pool2d(_t(1, 2, 2, 2), 3), ValueError, r"max_pool2d.*\(1, 2, 2, 2\).*too small"),
    (lambda: rt.max_pool2d(_t(1, 2, 5, 5), 3, padding=2), ValueError, r"max_pool2d: pad should be at most half"),
    (lambda: rt.avg_pool2d(_t(5, 5), 2), ValueError, r"avg_pool2d: expected a 3-D \(unbatched\) or 4-D"),
    (lambda: rt.adaptive_avg_pool2d(_t(1, 2, 0, 3), 2), ValueError, r"adaptive_avg_pool2d.*non-zero"),
    (lambda: rt.batch_norm(_t(1, 3), None, None, training=True), ValueError, r"batch_norm: expected more than 1 value"),
    (lambda: rt.batch_norm(_t(4, 3), None, None, training=False), ValueError, r"batch_norm: running_mean and running_var must be defined in evaluation mode"),
    (lambda: rt.batch_norm(_t(4, 3), _t(4), _t(4), training=False), ValueError, r"batch_norm: expected running_mean of shape \(3,\).*\(4, 3\).*\(4,\)"),
    (lambda: rt.layer_norm(_t(4, 3), (4,)), ValueError, r"layer_norm: normalized_shape \(4,\).*\(4, 3\)"),
    (lambda: rt.group_norm(_t(2, 6, 3), 4), ValueError, r"group_norm.*channels \(6\).*divisible by num_groups \(4\)"),
    (lambda: rt.embedding(rt.tensor(np.array([0, 10])), _t(10, 3)), IndexError, r"embedding: index 10.*\(10, 3\)"),
    (lambda: rt.embedding(_t(3), _t(10, 3)), TypeError, r"embedding: expected indices of dtype int64"),
    (lambda: rt.pad(_t(2, 3), (1, 2, 3)), ValueError, r"pad: padding length must be divisible by 2"),
    (lambda: rt.pad(_t(2, 3), (3, 3), mode="reflect"), ValueError, r"pad: reflect padding"),
    (lambda: rt.interpolate(_t(1, 2, 3, 3), scale_factor=2, mode="linear"), ValueError, r"interpolate.*linear.*3-D"),
    (lambda: rt.interpolate(_t(1, 2, 3, 3), size=4, scale_factor=2), ValueError, r"interpolate: only one of size"),
    (lambda: rt.interpolate(_t(1, 2, 3, 3), size=4, align_corners=True), ValueError, r"interpolate: align_corners"),
    (lambda: rt.cross_entropy(_t(4, 3), rt.tensor(np.array([0, 1, 3, 1]))), IndexError, r"cross_entropy: target 3 is out of bounds"),
    (lambda: rt.cross_entropy(_t(4, 3), rt.tensor(np.array([0, 1, -1, 1]))), IndexError, r"cross_entropy: target -1"),
    (lambda: rt.cross_entropy(_t(4, 3), _t(4)), TypeError, r"cross_entropy: expected a target of dtype int64"),
    (lambda: rt.cross_entropy(_t(4, 3), rt.tensor(np.array([0, 1, 2]))), ValueError, r"cross_entropy: expected input batch_size \(4\) to match target batch_size \(3\)"),
    (lambda: rt.cross_entropy(_t(4, 3, 2), rt.tensor(np.zeros((4, 3), np.int64))), ValueError, r"cross_entropy: expected target of shape \(4, 2\)"),
    (lambda: rt.cross_entropy(_t(4, 3), _t(4, 2)), ValueError, r"cross_entropy: class-probability targets must have the input's shape \(4, 3\)"),
    (lambda: rt.cross_entropy(_t(4, 3), rt.tensor(np.array([0, 1, 2, 1])), weight=_t(4)), ValueError, r"cross_entropy: weight"),
    (lambda: rt.cross_entropy(_t(4, 3), rt.tensor(np.array([0, 1, 2, 1])), reduction="avg"), ValueError, r"cross_entropy: avg"),
    (lambda: rt.nll_loss(_t(4, 3), _t(4)), TypeError, r"nll_loss: expected a target of dtype int64"),
    (lambda: rt.nll_loss(_t(4, 3), rt.tensor(np.array([0, 1, 5, 1]))), IndexError, r"nll_loss: target 5"),
    (lambda: rt.binary_cross_entropy_with_logits(_t(4, 3), _t(4, 1)), ValueError,
     r"binary_cross_entropy_with_logits: target size \(4, 1\) must be the same as input size \(4, 3\)"),
    (lambda: rt.binary_cross_entropy_with_logits(_t(4, 3), rt.tensor(np.zeros((4, 3), np.int64))), TypeError,
     r"binary_cross_entropy_with_logits: expected a floating-point target"),
])
def test_errors(fn, exc, match):
    with pytest.raises(exc, match=match):
        fn()
