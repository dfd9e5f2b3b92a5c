"""Every layer and activation against torch with identical weights (copied through NumPy via
state_dict): forward values, input and parameter gradients, running statistics; train/eval
behaviour; errors that name the layer and the shapes."""
import math
import warnings

import numpy as np
import pytest

import rustorch as rt
from rustorch import nn
from rustorch.nn import functional as F

torch = pytest.importorskip("torch")
tnn = torch.nn
tF = torch.nn.functional

RNG = np.random.default_rng(0)


def has(*names):
    return all(hasattr(rt._C, n) for n in names)


def needs(*names):
    missing = [n for n in names if not hasattr(rt._C, n)]
    return pytest.mark.skipif(bool(missing), reason=f"no {', '.join(missing)} kernel in this build")


def _tol(dtype):
    return dict(rtol=1e-5, atol=1e-5) if dtype == np.float32 else dict(rtol=1e-9, atol=1e-10)


def sync(ours, theirs, dtype=np.float64):
    """Copies our parameters and buffers into the torch module (through NumPy) and sets the dtype."""
    if dtype == np.float64:
        ours.double()
        theirs.double()
    theirs.load_state_dict({k: torch.from_numpy(v.numpy().copy()) for k, v in ours.state_dict().items()})
    return ours, theirs


def compare(ours, theirs, *inputs, dtype=np.float64, tol=None, grad_inputs=True, sync_weights=True):
    """Forward and backward of both modules on the same inputs (NumPy arrays); compares outputs,
    input gradients, parameter gradients and buffers. Returns both outputs."""
    if sync_weights:
        sync(ours, theirs, dtype)
    tol = tol or _tol(dtype)
    r_in, t_in = [], []
    for a in inputs:
        a = np.array(a, order="C")
        floating = a.dtype.kind == "f"
        if floating:
            a = a.astype(dtype)
        r = rt.tensor(a)
        t = torch.from_numpy(a.copy())
        if floating and grad_inputs:
            r.requires_grad_(True)
            t.requires_grad_(True)
        r_in.append(r)
        t_in.append(t)
    out_r, out_t = ours(*r_in), theirs(*t_in)
    assert tuple(out_r.shape) == tuple(out_t.shape), (out_r.shape, out_t.shape)
    np.testing.assert_allclose(out_r.detach().numpy(), out_t.detach().numpy(), **tol)
    if out_t.requires_grad:
        up = RNG.standard_normal(tuple(out_t.shape)).astype(dtype)
        out_r.backward(rt.tensor(up))
        out_t.backward(torch.from_numpy(up))
        for r, t in zip(r_in, t_in):
            if t.grad is not None:
                np.testing.assert_allclose(r.grad.numpy(), t.grad.numpy(), **tol)
        t_params = dict(theirs.named_parameters())
        for name, p in ours.named_parameters():
            tp = t_params[name]
            if tp.grad is None:
                assert p.grad is None or not p.grad.numpy().any(), name
            else:
                assert p.grad is not None, f"no gradient for {name}"
                np.testing.assert_allclose(p.grad.numpy(), tp.grad.numpy(), err_msg=name, **tol)
    t_bufs = dict(theirs.named_buffers())
    for name, b in ours.named_buffers():
        np.testing.assert_allclose(b.numpy(), t_bufs[name].numpy(), err_msg=name, **tol)
    return out_r, out_t


def randn(*shape):
    return RNG.standard_normal(shape)


def pair(name, *args, **kwargs):
    return getattr(nn, name)(*args, **kwargs), getattr(tnn, name)(*args, **kwargs)


# ---- linear family ------------------------------------------------------------------------------

@pytest.mark.parametrize("shape", [(1, 3), (5, 3), (2, 4, 3), (3,), (2, 1, 2, 3)])
@pytest.mark.parametrize("bias", [True, False])
def test_linear(shape, bias):
    compare(*pair("Linear", 3, 7, bias=bias), randn(*shape))


def test_linear_float32_and_zero_batch():
    compare(*pair("Linear", 5, 4), randn(6, 5), dtype=np.float32)
    ours, theirs = pair("Linear", 5, 4)
    assert ours(rt.zeros(0, 5)).shape == (0, 4)


def test_linear_errors_name_layer_and_shape():
    with pytest.raises((ValueError, RuntimeError), match=r"Linear\(in_features=3, out_features=2, bias=True\): "
                                                         r"expected input with 3 features in the last dim, got "
                                                         r"input of shape \(4, 5\)"):
        nn.Linear(3, 2)(rt.zeros(4, 5))


@pytest.mark.parametrize("lead", [(1,), (4,), (2, 3)])
def test_bilinear(lead):
    compare(*pair("Bilinear", 3, 5, 4), randn(*lead, 3), randn(*lead, 5))
    compare(*pair("Bilinear", 2, 2, 3, bias=False), randn(*lead, 2), randn(*lead, 2))


def test_bilinear_error():
    with pytest.raises(ValueError, match=r"Bilinear\(.*\): bilinear: input1 \(2, 4\) and input2 \(2, 5\)"):
        nn.Bilinear(3, 5, 4)(rt.zeros(2, 4), rt.zeros(2, 5))


def test_identity_flatten_unflatten():
    x = randn(2, 3, 4, 5)
    compare(nn.Identity(54, foo=1), tnn.Identity(), x)
    compare(*pair("Flatten"), x)
    compare(*pair("Flatten", 0, 2), x)
    compare(*pair("Flatten", -3, -2), x)
    compare(*pair("Unflatten", 1, (3, 1)), randn(2, 3, 4))
    compare(*pair("Unflatten", -1, (2, -1)), randn(2, 3, 4))
    with pytest.raises(TypeError, match="unflattened_size must be tuple of ints"):
        nn.Unflatten(1, 6)


# ---- activations ------------------------------------------------------------------------------

ACTIVATIONS = [
    ("ReLU", (), {}), ("ReLU6", (), {}), ("LeakyReLU", (), {}), ("LeakyReLU", (0.2,), {}), ("ELU", (), {}),
    ("ELU", (0.5,), {}), ("SELU", (), {}), ("CELU", (1.5,), {}), ("GELU", (), {}),
    ("GELU", (), {"approximate": "tanh"}),
    ("SiLU", (), {}), ("Mish", (), {}), ("Sigmoid", (), {}), ("Tanh", (), {}), ("Hardtanh", (), {}),
    ("Hardtanh", (-0.5, 2.0), {}), ("Hardswish", (), {}), ("Hardsigmoid", (), {}), ("Softplus", (), {}),
    ("Softplus", (), {"beta": 2.0, "threshold": 3.0}), ("Softmax", (), {"dim": 1}), ("Softmax", (), {"dim": -1}),
    ("LogSoftmax", (), {"dim": 1}), ("LogSoftmax", (), {"dim": 0}), ("Softmin", (), {"dim": 1}),
    ("LogSigmoid", (), {}), ("Softsign", (), {}), ("Tanhshrink", (), {}), ("Hardshrink", (), {}),
    ("Softshrink", (0.3,), {}), ("Threshold", (0.1, -2.0), {}), ("GLU", (), {"dim": 1}), ("PReLU", (), {}),
]


@pytest.mark.parametrize("name,args,kwargs", ACTIVATIONS, ids=[f"{a[0]}{i}" for i, a in enumerate(ACTIVATIONS)])
@pytest.mark.parametrize("shape", [(1, 4), (4, 6), (2, 4, 3, 5)])
def test_activation_modules(name, args, kwargs, shape):
    x = randn(*shape) * 3
    x.ravel()[:4] = [25.0, -25.0, 40.0, -60.0]  # saturated regions (softplus threshold, exp overflow)
    # torch's hardsigmoid backward multiplies by the float constant 1.0f / 6.0f even in float64
    tol = dict(rtol=1e-7, atol=1e-10) if name == "Hardsigmoid" else None
    compare(*pair(name, *args, **kwargs), x, tol=tol)


@pytest.mark.parametrize("shape", [(2, 4), (3, 4, 5), (2, 4, 3, 3)])
def test_prelu_per_channel(shape):
    ours, theirs = pair("PReLU", 4)
    with rt.no_grad():
        ours.weight.copy_(rt.tensor([0.1, -0.2, 0.3, 0.5]))
    compare(ours, theirs, randn(*shape))
    with pytest.raises(ValueError, match=r"PReLU\(num_parameters=4\): prelu: the number of weights \(4\) does not "
                                         r"match the number of channels \(3\)"):
        ours(rt.zeros(2, 3))


def test_activation_float32():
    for name, args, kwargs in ACTIVATIONS:
        compare(*pair(name, *args, **kwargs), randn(3, 4) * 2, dtype=np.float32)


def test_softmax_implicit_dim_warns_and_matches_torch():
    for shape in [(5,), (3, 4), (2, 3, 4), (2, 3, 4, 5)]:
        x = randn(*shape)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            want = tF.softmax(torch.from_numpy(x), dim=None).numpy()
        with pytest.warns(UserWarning, match="Implicit dimension choice for softmax"):
            got = F.softmax(rt.tensor(x)).numpy()
        np.testing.assert_allclose(got, want, rtol=1e-12)


def test_functional_activations_inplace():
    x = rt.tensor([-1.0, 0.5, 2.0])
    y = F.relu(x, inplace=True)
    assert y is x and x.tolist() == [0.0, 0.5, 2.0]
    x = rt.tensor([-1.0, 0.5, 7.0])
    F.relu6(x, inplace=True)
    assert x.tolist() == [0.0, 0.5, 6.0]
    x = rt.tensor([-1.0, 0.5])
    F.leaky_relu(x, 0.5, inplace=True)
    assert x.tolist() == [-0.5, 0.5]
    x = rt.tensor([-1.0, 0.5])
    F.elu(x, inplace=True)
    np.testing.assert_allclose(x.numpy(), [math.expm1(-1.0), 0.5], rtol=1e-6)
    # with autograd recording, in-place falls back to a new tensor and gradients stay right
    leaf = rt.tensor([-1.0, 0.5], requires_grad=True)
    out = F.leaky_relu(leaf * 1.0, 0.1, inplace=True)
    out.sum().backward()
    np.testing.assert_allclose(leaf.grad.numpy(), [0.1, 1.0], rtol=1e-6)
    with pytest.raises(ValueError, match="approximate"):
        nn.GELU("exact")


def test_functional_misc_against_torch():
    x1, x2 = randn(4, 5), randn(4, 5)
    r1, r2 = rt.tensor(x1), rt.tensor(x2)
    t1, t2 = torch.from_numpy(x1), torch.from_numpy(x2)
    np.testing.assert_allclose(F.normalize(r1).numpy(), tF.normalize(t1).numpy(), rtol=1e-12)
    np.testing.assert_allclose(F.normalize(r1, p=1, dim=0).numpy(), tF.normalize(t1, p=1, dim=0).numpy(), rtol=1e-12)
    np.testing.assert_allclose(F.cosine_similarity(r1, r2).numpy(), tF.cosine_similarity(t1, t2).numpy(), rtol=1e-12)
    np.testing.assert_allclose(F.pairwise_distance(r1, r2).numpy(), tF.pairwise_distance(t1, t2).numpy(), rtol=1e-12)
    rt.manual_seed(0)
    y = F.rrelu(r1, training=True)
    ratio = y.numpy()[x1 < 0] / x1[x1 < 0]
    assert ((ratio >= 1 / 8) & (ratio <= 1 / 3)).all()
    np.testing.assert_allclose(F.rrelu(r1).numpy(), tF.rrelu(t1).numpy(), rtol=1e-12)


def test_rms_norm_against_torch():
    x = randn(3, 4, 5)
    compare(*pair("RMSNorm", 5), x)
    compare(*pair("RMSNorm", (4, 5), eps=1e-3), x)
    compare(*pair("RMSNorm", 5, elementwise_affine=False), x)


# ---- convolutions -----------------------------------------------------------------------------

CONV_CASES = [
    # (in, out, kernel, kwargs, spatial)
    (3, 4, 3, {}, 9),
    (2, 6, 3, dict(stride=2, padding=1), 8),
    (4, 4, 3, dict(groups=4, padding=2, dilation=2), 7),
    (4, 6, 2, dict(groups=2, stride=3, bias=False), 11),
    (2, 3, 3, dict(padding="same"), 6),
    (2, 3, 4, dict(padding="same", dilation=2), 9),
    (2, 3, 3, dict(padding="valid"), 5),
    (3, 2, 3, dict(padding=1, padding_mode="reflect"), 6),
    (3, 2, 3, dict(padding=2, padding_mode="replicate", stride=2), 7),
    (3, 2, 3, dict(padding=1, padding_mode="circular"), 5),
    (1, 1, 1, {}, 1),
]


@pytest.mark.parametrize("dims", [1, 2, 3])
@pytest.mark.parametrize("case", range(len(CONV_CASES)))
@pytest.mark.parametrize("batch", [1, 2])
def test_conv(dims, case, batch):
    cin, cout, k, kw, size = CONV_CASES[case]
    if dims == 3 and size > 7:
        size = 7
    if dims == 3 and case in (3,):
        kw = dict(kw, stride=2)
    name = f"Conv{dims}d"
    shape = (batch, cin) + tuple(size + i for i in range(dims))  # odd, unequal spatial sizes
    if not has(f"conv{dims}d"):
        pytest.skip("no conv kernel")
    compare(*pair(name, cin, cout, k, **kw), randn(*shape))


@needs("conv2d")
def test_conv_float32_and_unbatched():
    compare(*pair("Conv2d", 3, 8, 3, padding=1), randn(2, 3, 10, 9), dtype=np.float32, tol=dict(rtol=1e-4, atol=1e-5))
    compare(*pair("Conv2d", 3, 4, (3, 2), stride=(2, 1)), randn(3, 7, 6))
    compare(*pair("Conv1d", 2, 3, 3), randn(2, 5))


@needs("conv2d")
def test_conv_errors_name_layer_and_shapes():
    conv = nn.Conv2d(3, 16, 3)
    with pytest.raises((ValueError, RuntimeError), match=r"Conv2d\(3, 16, kernel_size=\(3, 3\), stride=\(1, 1\)\): "
                                                         r"expected input with 3 channels .*\(2, 4, 8, 8\)"):
        conv(rt.zeros(2, 4, 8, 8))
    with pytest.raises((ValueError, RuntimeError), match=r"Conv2d\(.*\): input of shape \(1, 3, 2, 8\) is smaller "
                                                         r"than the \(dilated\) kernel \(3, 3\)"):
        conv(rt.zeros(1, 3, 2, 8))
    with pytest.raises((ValueError, RuntimeError), match=r"Conv2d\(.*\): expected 3D \(unbatched\) or 4D "
                                                         r"\(batched\) input, got input of shape \(8, 8\)"):
        conv(rt.zeros(8, 8))


def test_conv_constructor_errors():
    with pytest.raises(ValueError, match="in_channels .* must be divisible by groups"):
        nn.Conv2d(3, 4, 3, groups=2)
    with pytest.raises(ValueError, match="out_channels .* must be divisible by groups"):
        nn.Conv2d(4, 3, 3, groups=2)
    with pytest.raises(ValueError, match="padding='same' is not supported for strided"):
        nn.Conv1d(1, 1, 3, stride=2, padding="same")
    with pytest.raises(ValueError, match="invalid padding string"):
        nn.Conv1d(1, 1, 3, padding="full")
    with pytest.raises(ValueError, match="padding_mode must be one of"):
        nn.Conv2d(1, 1, 3, padding_mode="mirror")
    with pytest.raises(ValueError, match='Only "zeros" padding mode'):
        nn.ConvTranspose2d(1, 1, 3, padding_mode="reflect")
    with pytest.raises(ValueError, match="kernel_size must be"):
        nn.Conv2d(1, 1, (3, 3, 3))


TCONV_CASES = [
    (3, 4, 3, {}, 5),
    (2, 4, 3, dict(stride=2, padding=1, output_padding=1), 4),
    (4, 6, 2, dict(stride=2, groups=2), 5),
    (4, 2, 3, dict(dilation=2, padding=2, bias=False), 5),
    (2, 2, 4, dict(stride=3, output_padding=2, groups=2), 3),
]


@pytest.mark.parametrize("dims", [1, 2, 3])
@pytest.mark.parametrize("case", range(len(TCONV_CASES)))
@pytest.mark.parametrize("batch", [1, 3])
def test_conv_transpose(dims, case, batch):
    if not has(f"conv_transpose{dims}d"):
        pytest.skip("no conv_transpose kernel")
    cin, cout, k, kw, size = TCONV_CASES[case]
    shape = (batch, cin) + tuple(size + i for i in range(dims))
    compare(*pair(f"ConvTranspose{dims}d", cin, cout, k, **kw), randn(*shape))


@needs("conv_transpose2d")
def test_conv_transpose_output_size():
    ours, theirs = pair("ConvTranspose2d", 2, 3, 3, stride=2, padding=1)
    sync(ours, theirs)
    x = randn(1, 2, 4, 5)
    for size in [(7, 9), (8, 10), [1, 3, 8, 9]]:
        got = ours(rt.tensor(x), output_size=size)
        want = theirs(torch.from_numpy(x), output_size=size)
        np.testing.assert_allclose(got.detach().numpy(), want.detach().numpy(), rtol=1e-10)
    with pytest.raises(ValueError, match="requested an output size of"):
        ours(rt.tensor(x), output_size=(12, 12))


# ---- pooling ----------------------------------------------------------------------------------

POOL_CASES = [
    (2, {}),
    (3, dict(stride=2)),
    (3, dict(stride=2, padding=1)),
    (3, dict(stride=1, padding=1, ceil_mode=True)),
    (2, dict(stride=2, ceil_mode=True)),
    (3, dict(stride=2, dilation=2)),
]


@pytest.mark.parametrize("dims", [1, 2, 3])
@pytest.mark.parametrize("case", range(len(POOL_CASES)))
def test_max_pool(dims, case):
    if not has(f"max_pool{dims}d"):
        pytest.skip("no max_pool kernel")
    k, kw = POOL_CASES[case]
    if dims == 3:
        kw = dict(kw)
    x = randn(2, 3, *(7 + i for i in range(dims)))
    compare(*pair(f"MaxPool{dims}d", k, **kw), x)
    ours, theirs = pair(f"MaxPool{dims}d", k, return_indices=True, **kw)
    out_r, idx_r = ours(rt.tensor(x))
    out_t, idx_t = theirs(torch.from_numpy(x))
    np.testing.assert_array_equal(idx_r.numpy(), idx_t.numpy())


@pytest.mark.parametrize("dims", [1, 2, 3])
@pytest.mark.parametrize("case", range(len(POOL_CASES) - 1))
@pytest.mark.parametrize("count_include_pad", [True, False])
def test_avg_pool(dims, case, count_include_pad):
    if not has(f"avg_pool{dims}d"):
        pytest.skip("no avg_pool kernel")
    k, kw = POOL_CASES[case]
    x = randn(2, 3, *(7 + i for i in range(dims)))
    compare(*pair(f"AvgPool{dims}d", k, count_include_pad=count_include_pad, **kw), x)
    if dims > 1:
        compare(*pair(f"AvgPool{dims}d", k, divisor_override=3, **kw), x)


@pytest.mark.parametrize("dims", [1, 2, 3])
@pytest.mark.parametrize("out", [1, 3, 4])
def test_adaptive_pools(dims, out):
    x = randn(2, 3, *(7 + i for i in range(dims)))
    if has(f"adaptive_avg_pool{dims}d"):
        compare(*pair(f"AdaptiveAvgPool{dims}d", out), x)
        if dims > 1:
            size = (out,) + (None,) * (dims - 1)
            compare(*pair(f"AdaptiveAvgPool{dims}d", size), x)
    if has(f"adaptive_max_pool{dims}d") and dims < 3:
        compare(*pair(f"AdaptiveMaxPool{dims}d", out), x)


@needs("avg_pool2d")
def test_lp_pool():
    x = np.abs(randn(2, 3, 8, 7)) + 0.1
    compare(*pair("LPPool2d", 2, 3, stride=2), x)
    compare(*pair("LPPool1d", 3, 2), x[:, :, 0])


@needs("max_pool2d")
def test_pool_errors():
    with pytest.raises((ValueError, RuntimeError), match=r"MaxPool2d\(kernel_size=5"):
        nn.MaxPool2d(5)(rt.zeros(1, 1, 3, 3))
    with pytest.raises((ValueError, RuntimeError), match=r"MaxPool2d\(.*\): expected 3D \(unbatched\) or 4D"):
        nn.MaxPool2d(2)(rt.zeros(4, 4))


# ---- normalisation ----------------------------------------------------------------------------

@needs("batch_norm")
@pytest.mark.parametrize("name,shape", [("BatchNorm1d", (5, 3)), ("BatchNorm1d", (4, 3, 7)),
                                        ("BatchNorm2d", (2, 3, 5, 4)), ("BatchNorm3d", (2, 3, 3, 4, 2))])
@pytest.mark.parametrize("kwargs", [{}, dict(momentum=None), dict(momentum=0.3, affine=False),
                                    dict(track_running_stats=False), dict(eps=1e-3, bias=False)])
def test_batch_norm_train_then_eval(name, shape, kwargs):
    ours, theirs = pair(name, 3, **kwargs)
    sync(ours, theirs)
    for step in range(3):  # running statistics follow torch's over several steps (incl. cumulative average)
        compare(ours, theirs, randn(*shape) * 2 + step, sync_weights=False)
    if ours.num_batches_tracked is not None:
        assert ours.num_batches_tracked.item() == 3
    ours.eval()
    theirs.eval()
    compare(ours, theirs, randn(*shape), sync_weights=False)
    before = [b.numpy().copy() for b in ours.buffers()]
    ours(rt.tensor(randn(*shape)))
    for b0, b1 in zip(before, ours.buffers()):  # eval mode leaves the statistics alone
        np.testing.assert_array_equal(b0, b1.numpy())


@needs("batch_norm")
def test_batch_norm_errors():
    with pytest.raises(ValueError, match=r"BatchNorm2d: expected 4D input \(got 3D input"):
        nn.BatchNorm2d(3)(rt.zeros(2, 3, 4))
    with pytest.raises((ValueError, RuntimeError), match=r"BatchNorm1d\(4, .*\): expected input with 4 channels "
                                                         r"\(dim 1\), got input of shape \(2, 3\)"):
        nn.BatchNorm1d(4)(rt.zeros(2, 3))
    with pytest.raises((ValueError, RuntimeError), match="BatchNorm1d"):
        nn.BatchNorm1d(3)(rt.zeros(1, 3))  # one value per channel in training


@needs("layer_norm")
@pytest.mark.parametrize("normalized,shape", [(5, (3, 5)), ((4, 5), (2, 4, 5)), (6, (1, 6)), ((3,), (2, 7, 3))])
@pytest.mark.parametrize("kwargs", [{}, dict(elementwise_affine=False), dict(bias=False, eps=1e-3)])
def test_layer_norm(normalized, shape, kwargs):
    ours, theirs = pair("LayerNorm", normalized, **kwargs)
    if ours.weight is not None:
        with rt.no_grad():
            ours.weight.copy_(rt.tensor(RNG.standard_normal(ours.weight.shape), dtype=rt.float32))
    compare(ours, theirs, randn(*shape))


@needs("layer_norm")
def test_layer_norm_error():
    with pytest.raises((ValueError, RuntimeError), match=r"LayerNorm\(\(4,\), .*\): expected input with trailing "
                                                         r"dims \(4,\), got input of shape \(2, 5\)"):
        nn.LayerNorm(4)(rt.zeros(2, 5))


@needs("group_norm")
@pytest.mark.parametrize("groups,channels,shape", [(2, 4, (3, 4, 5)), (1, 3, (2, 3, 4, 4)), (3, 3, (1, 3, 5, 2)),
                                                   (2, 6, (2, 6))])
def test_group_norm(groups, channels, shape):
    ours, theirs = pair("GroupNorm", groups, channels)
    with rt.no_grad():
        ours.weight.copy_(rt.tensor(RNG.standard_normal(channels), dtype=rt.float32))
        ours.bias.copy_(rt.tensor(RNG.standard_normal(channels), dtype=rt.float32))
    compare(ours, theirs, randn(*shape))
    with pytest.raises(ValueError, match="must be divisible by num_groups"):
        nn.GroupNorm(4, 6)


@needs("instance_norm")
@pytest.mark.parametrize("kwargs", [{}, dict(affine=True), dict(track_running_stats=True),
                                    dict(affine=True, track_running_stats=True, momentum=0.2)])
def test_instance_norm(kwargs):
    ours, theirs = pair("InstanceNorm2d", 3, **kwargs)
    sync(ours, theirs)
    compare(ours, theirs, randn(2, 3, 5, 4), sync_weights=False)
    compare(ours, theirs, randn(3, 5, 4), sync_weights=False)  # unbatched
    ours.eval()
    theirs.eval()
    compare(ours, theirs, randn(2, 3, 5, 4), sync_weights=False)
    compare(*pair("InstanceNorm1d", 2, **kwargs), randn(3, 2, 6))


# ---- dropout ----------------------------------------------------------------------------------

@needs("dropout")
@pytest.mark.parametrize("p", [0.2, 0.5, 0.8])
def test_dropout_train_and_eval(p):
    layer = nn.Dropout(p)
    x = rt.ones(200, 500)
    y = layer(x).numpy()
    zero_frac = (y == 0).mean()
    assert abs(zero_frac - p) < 0.01
    np.testing.assert_allclose(y[y != 0], 1 / (1 - p), rtol=1e-6)
    layer.eval()
    assert layer(x) is x or np.array_equal(layer(x).numpy(), x.numpy())
    rt.manual_seed(3)
    a = nn.Dropout(p)(x).numpy()
    rt.manual_seed(3)
    b = nn.Dropout(p)(x).numpy()
    np.testing.assert_array_equal(a, b)


@needs("dropout")
def test_dropout_edges_and_gradient():
    x = rt.randn(10, 10, requires_grad=True)
    assert np.array_equal(nn.Dropout(0.0)(x).detach().numpy(), x.detach().numpy())
    assert not nn.Dropout(1.0)(x).detach().numpy().any()
    y = nn.Dropout(0.5)(x)
    y.sum().backward()
    mask = y.detach().numpy() != 0
    np.testing.assert_allclose(x.grad.numpy(), mask * 2.0)
    with pytest.raises(ValueError, match="between 0 and 1"):
        nn.Dropout(1.5)


@needs("dropout2d")
def test_dropout2d_zeroes_whole_channels():
    y = nn.Dropout2d(0.5)(rt.ones(8, 16, 5, 5)).numpy()
    per_channel = y.reshape(8, 16, -1)
    assert ((per_channel == 0).all(-1) | (per_channel == 2.0).all(-1)).all()
    assert 0.3 < (per_channel == 0).all(-1).mean() < 0.7
    m = nn.Dropout2d(0.5).eval()
    np.testing.assert_array_equal(m(rt.ones(2, 3, 4, 4)).numpy(), np.ones((2, 3, 4, 4)))


def test_alpha_dropout_eval_identity():
    x = rt.randn(4, 4)
    np.testing.assert_array_equal(nn.AlphaDropout(0.3).eval()(x).numpy(), x.numpy())


# ---- embedding, upsampling, padding ------------------------------------------------------------

@needs("embedding")
@pytest.mark.parametrize("padding_idx", [None, 0, 3])
@pytest.mark.parametrize("index_shape", [(1,), (5,), (2, 3)])
def test_embedding(padding_idx, index_shape):
    idx = RNG.integers(0, 6, size=index_shape).astype(np.int64)
    idx.ravel()[0] = 3
    ours, theirs = pair("Embedding", 6, 4, padding_idx=padding_idx)
    compare(ours, theirs, idx)
    if padding_idx is not None:
        assert not ours.weight.grad.numpy()[padding_idx].any()


@needs("embedding")
def test_embedding_from_pretrained_and_errors():
    w = rt.randn(5, 3)
    emb = nn.Embedding.from_pretrained(w)
    assert not emb.weight.requires_grad
    np.testing.assert_array_equal(emb(rt.tensor([4, 0])).numpy(), w.numpy()[[4, 0]])
    assert nn.Embedding.from_pretrained(w, freeze=False).weight.requires_grad
    with pytest.raises((TypeError, ValueError, RuntimeError), match="Embedding"):
        emb(rt.tensor([0.5, 1.0]))
    with pytest.raises((IndexError, ValueError, RuntimeError), match="Embedding"):
        emb(rt.tensor([7]))
    with pytest.raises(ValueError, match="padding_idx"):
        nn.Embedding(3, 2, padding_idx=3)


@needs("interpolate")
@pytest.mark.parametrize("kwargs", [dict(scale_factor=2), dict(size=(5, 7)), dict(scale_factor=1.5),
                                    dict(scale_factor=2, mode="bilinear"),
                                    dict(size=(7, 5), mode="bilinear", align_corners=True),
                                    dict(scale_factor=(2, 3), mode="bilinear", align_corners=False)])
def test_upsample(kwargs):
    compare(*pair("Upsample", **kwargs), randn(2, 3, 4, 3))
    compare(*pair("UpsamplingNearest2d", scale_factor=2), randn(1, 2, 3, 3))
    compare(*pair("UpsamplingBilinear2d", size=(5, 6)), randn(1, 2, 3, 3))


@needs("interpolate")
@pytest.mark.parametrize("mode,shape,kwargs", [("linear", (2, 3, 5), dict(scale_factor=2.5)),
                                               ("linear", (1, 2, 4), dict(size=7, align_corners=True)),
                                               ("nearest", (2, 2, 5), dict(size=8)),
                                               ("nearest-exact", (1, 2, 3, 5), dict(scale_factor=1.7)),
                                               ("trilinear", (1, 2, 2, 3, 4), dict(scale_factor=2)),
                                               ("area", (1, 2, 6, 9), dict(size=(4, 5)))])
def test_upsample_modes(mode, shape, kwargs):
    compare(*pair("Upsample", mode=mode, **kwargs), randn(*shape))


@needs("pad")
def test_padding_layers():
    x = randn(2, 3, 5, 6)
    for name, args in [("ZeroPad2d", (2,)), ("ZeroPad2d", ((1, 2, 0, 3),)), ("ConstantPad2d", ((1, 0, 2, 1), 1.5)),
                       ("ReflectionPad2d", (2,)), ("ReplicationPad2d", ((1, 2, 3, 0),)),
                       ("CircularPad2d", (1,))]:
        compare(*pair(name, *args), x)
    for name, args in [("ZeroPad1d", (2,)), ("ReflectionPad1d", ((1, 3),)), ("ReplicationPad1d", (2,)),
                       ("CircularPad1d", ((2, 1),)), ("ConstantPad1d", (1, -0.5))]:
        compare(*pair(name, *args), x[:, 0])
    compare(*pair("ZeroPad3d", 1), randn(1, 2, 3, 3, 3))


# ---- small end-to-end model -------------------------------------------------------------------

class _LeNet:
    @staticmethod
    def build(m):
        return m.Sequential(
            m.Conv2d(1, 6, 5, padding=2), m.ReLU(), m.MaxPool2d(2),
            m.Conv2d(6, 16, 5), m.ReLU(), m.MaxPool2d(2),
            m.Flatten(), m.Linear(16 * 5 * 5, 120), m.ReLU(), m.Linear(120, 84), m.ReLU(), m.Linear(84, 10))


@needs("conv2d", "max_pool2d", "cross_entropy")
def test_lenet_training_steps_match_torch():
    ours, theirs = _LeNet.build(nn), _LeNet.build(tnn)
    sync(ours, theirs)
    opt_r = rt.optim.SGD(ours.parameters(), lr=0.05, momentum=0.9)
    opt_t = torch.optim.SGD(theirs.parameters(), lr=0.05, momentum=0.9)
    for step in range(3):
        x = RNG.standard_normal((4, 1, 28, 28))
        y = RNG.integers(0, 10, size=4)
        loss_r = F.cross_entropy(ours(rt.tensor(x)), rt.tensor(y))
        loss_t = tF.cross_entropy(theirs(torch.from_numpy(x)), torch.from_numpy(y))
        np.testing.assert_allclose(loss_r.item(), loss_t.item(), rtol=1e-9)
        opt_r.zero_grad()
        opt_t.zero_grad()
        loss_r.backward()
        loss_t.backward()
        opt_r.step()
        opt_t.step()
    t_sd = theirs.state_dict()
    for k, v in ours.state_dict().items():
        np.testing.assert_allclose(v.numpy(), t_sd[k].numpy(), rtol=1e-8, atol=1e-10, err_msg=k)


# ---- gradcheck (float64) of the composed functionals -----------------------------------------

GRADCHECK_FNS = [
    ("gelu", lambda x: F.gelu(x)), ("gelu_tanh", lambda x: F.gelu(x, approximate="tanh")),
    ("silu", F.silu), ("mish", F.mish), ("elu", lambda x: F.elu(x, 0.7)), ("selu", F.selu),
    ("celu", lambda x: F.celu(x, 1.3)), ("softplus", lambda x: F.softplus(x, beta=2.0, threshold=5.0)),
    ("logsigmoid", F.logsigmoid), ("leaky_relu", lambda x: F.leaky_relu(x, 0.1)), ("softsign", F.softsign),
    ("hardswish", F.hardswish), ("tanhshrink", F.tanhshrink), ("glu", lambda x: F.glu(x, 1)),
    ("normalize", lambda x: F.normalize(x, dim=1)), ("rms_norm", lambda x: F.rms_norm(x, (4,))),
    ("bilinear", lambda x: F.bilinear(x, x * 2, x[:3, :].reshape(3, 4, 1).expand(3, 4, 4).contiguous())),
]


@pytest.mark.parametrize("name,fn", GRADCHECK_FNS, ids=[n for n, _ in GRADCHECK_FNS])
def test_gradcheck_composed(name, fn):
    x = RNG.standard_normal((3, 4)) * 2
    x[np.abs(x) < 0.05] = 0.3  # keep away from kinks (leaky_relu, hardswish's edges)
    x[np.abs(np.abs(x) - 3) < 0.05] = 1.0
    xt = rt.tensor(x, requires_grad=True)
    assert rt.autograd.gradcheck(fn, (xt,))
    if name not in ("hardswish", "leaky_relu"):
        assert rt.autograd.gradgradcheck(fn, (xt,))


class _RtFn(nn.Module):
    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def forward(self, *args):
        return self.fn(*args)


class _TorchFn(tnn.Module):
    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def forward(self, *args):
        return self.fn(*args)


def test_pixel_shuffle_and_distances():
    compare(*pair("PixelShuffle", 2), randn(2, 12, 3, 5))
    compare(*pair("PixelShuffle", 3), randn(9, 2, 2))
    compare(*pair("PixelUnshuffle", 2), randn(1, 3, 4, 6))
    compare(*pair("CosineSimilarity"), randn(4, 5), randn(4, 5))
    compare(*pair("CosineSimilarity", dim=0), randn(4, 5), randn(4, 5))
    compare(*pair("PairwiseDistance"), randn(4, 5), randn(4, 5))
    compare(*pair("PairwiseDistance", p=1.0, keepdim=True), randn(4, 5), randn(4, 5))
    with pytest.raises(ValueError, match=r"PixelShuffle\(upscale_factor=2\): pixel_shuffle expects its input's "
                                         r"'channel' dimension \(3\)"):
        nn.PixelShuffle(2)(rt.zeros(1, 3, 2, 2))


@pytest.mark.parametrize("kwargs", [{}, dict(is_causal=True), dict(scale=0.3)])
def test_scaled_dot_product_attention(kwargs):
    q, k, v = randn(2, 3, 5, 4), randn(2, 3, 6, 4), randn(2, 3, 6, 2)
    compare(_RtFn(lambda *a: F.scaled_dot_product_attention(*a, **kwargs)),
            _TorchFn(lambda *a: tF.scaled_dot_product_attention(*a, **kwargs)), q, k, v)
    mask = RNG.uniform(size=(5, 6)) > 0.3
    mask[:, 0] = True
    compare(_RtFn(lambda *a: F.scaled_dot_product_attention(*a, attn_mask=rt.tensor(mask))),
            _TorchFn(lambda *a: tF.scaled_dot_product_attention(*a, attn_mask=torch.from_numpy(mask))), q, k, v)
    bias = randn(5, 6)
    compare(_RtFn(lambda *a: F.scaled_dot_product_attention(*a, attn_mask=rt.tensor(bias))),
            _TorchFn(lambda *a: tF.scaled_dot_product_attention(*a, attn_mask=torch.from_numpy(bias))), q, k, v)
