"""nn.init and the default initialisation of each layer: formulas against torch, distributions by
moments and bounds, reproducibility under rt.manual_seed."""
import math

import numpy as np
import pytest

import rustorch as rt
from rustorch import nn
from rustorch.nn import init

torch = pytest.importorskip("torch")


def _np(t):
    return t.detach().numpy()


def _check_uniform(values, bound, tol=0.03):
    values = np.asarray(values, dtype=np.float64).ravel()
    assert values.min() >= -bound and values.max() <= bound
    assert values.min() < -bound * 0.95 and values.max() > bound * 0.95
    assert abs(values.mean()) < tol * bound
    assert abs(values.std() - bound / math.sqrt(3)) < tol * bound


def _check_normal(values, mean, std, tol=0.03):
    values = np.asarray(values, dtype=np.float64).ravel()
    assert abs(values.mean() - mean) < tol * std + 1e-12
    assert abs(values.std() - std) < tol * std


@pytest.mark.parametrize("name,param", [("linear", None), ("conv2d", None), ("conv_transpose3d", None),
                                        ("sigmoid", None), ("tanh", None), ("relu", None), ("leaky_relu", None),
                                        ("leaky_relu", 0.2), ("selu", None)])
def test_calculate_gain_matches_torch(name, param):
    assert init.calculate_gain(name, param) == pytest.approx(torch.nn.init.calculate_gain(name, param))


def test_calculate_gain_errors():
    with pytest.raises(ValueError, match="Unsupported nonlinearity"):
        init.calculate_gain("swish")
    with pytest.raises(ValueError, match="not a valid number"):
        init.calculate_gain("leaky_relu", "x")


@pytest.mark.parametrize("shape", [(3, 5), (8, 4, 3), (16, 3, 3, 3), (2, 6, 1, 2, 3)])
def test_fan_in_fan_out_matches_torch(shape):
    ours = init._calculate_fan_in_and_fan_out(rt.empty(*shape))
    theirs = torch.nn.init._calculate_fan_in_and_fan_out(torch.empty(*shape))
    assert ours == theirs


def test_fan_needs_two_dims():
    with pytest.raises(ValueError, match="fewer than 2 dimensions"):
        init._calculate_fan_in_and_fan_out(rt.empty(5))


def test_deterministic_inits_match_torch():
    for fn, args in ((init.constant_, (0.3,)), (init.ones_, ()), (init.zeros_, ()), (init.eye_, ())):
        a, b = rt.empty(3, 4), torch.empty(3, 4)
        assert fn(a, *args) is a
        getattr(torch.nn.init, fn.__name__)(b, *args)
        np.testing.assert_array_equal(_np(a), b.numpy())
    for shape, groups in (((4, 2, 3), 1), ((6, 2, 3, 3), 2), ((2, 2, 1, 3, 3), 1)):
        a, b = rt.empty(*shape), torch.empty(*shape)
        init.dirac_(a, groups)
        torch.nn.init.dirac_(b, groups)
        np.testing.assert_array_equal(_np(a), b.numpy())


def test_inits_run_without_grad_and_keep_leaf():
    p = nn.Parameter(rt.empty(50, 40))
    for fn in (init.uniform_, init.normal_, init.xavier_uniform_, init.xavier_normal_, init.kaiming_uniform_,
               init.kaiming_normal_, init.orthogonal_, init.trunc_normal_, init.zeros_, init.ones_):
        out = fn(p)
        assert out is p and p.is_leaf and p.grad_fn is None and p.requires_grad


def test_reproducible_under_manual_seed():
    def draw():
        rt.manual_seed(123)
        w = rt.empty(20, 30)
        init.kaiming_uniform_(w)
        v = rt.empty(20, 30)
        init.xavier_normal_(v)
        o = rt.empty(10, 5)
        init.orthogonal_(o)
        t = rt.empty(100)
        init.trunc_normal_(t, std=2.0, a=-1.0, b=1.0)
        return np.concatenate([_np(w).ravel(), _np(v).ravel(), _np(o).ravel(), _np(t).ravel()])

    np.testing.assert_array_equal(draw(), draw())
    gen = rt.Generator().manual_seed(7) if hasattr(rt.Generator(), "manual_seed") else None
    if gen is not None:
        a = init.uniform_(rt.empty(10), generator=rt.Generator().manual_seed(7))
        b = init.uniform_(rt.empty(10), generator=rt.Generator().manual_seed(7))
        np.testing.assert_array_equal(_np(a), _np(b))


def test_uniform_and_normal():
    _check_uniform(_np(init.uniform_(rt.empty(100000), -2.0, 2.0)), 2.0)
    u = _np(init.uniform_(rt.empty(100000), 1.0, 3.0)) - 2.0
    _check_uniform(u, 1.0)
    _check_normal(_np(init.normal_(rt.empty(100000), 1.5, 0.5)), 1.5, 0.5)


def test_trunc_normal_bounds():
    t = _np(init.trunc_normal_(rt.empty(50000), mean=0.5, std=1.0, a=-1.0, b=1.5))
    assert t.min() >= -1.0 and t.max() <= 1.5
    # mean of N(0.5, 1) truncated to [-1.5, 1] around its mean: 0.5 - (phi(1) - phi(-1.5)) / (Phi(1) - Phi(-1.5))
    phi = lambda x: math.exp(-x * x / 2) / math.sqrt(2 * math.pi)  # noqa: E731
    Phi = lambda x: 0.5 * (1 + math.erf(x / math.sqrt(2)))  # noqa: E731
    expected = 0.5 - (phi(1.0) - phi(-1.5)) / (Phi(1.0) - Phi(-1.5))
    assert abs(t.mean() - expected) < 0.02


@pytest.mark.parametrize("shape", [(300, 200), (64, 32, 3, 3)])
def test_xavier(shape):
    fan_in, fan_out = init._calculate_fan_in_and_fan_out(rt.empty(*shape))
    gain = 1.7
    bound = gain * math.sqrt(6.0 / (fan_in + fan_out))
    _check_uniform(_np(init.xavier_uniform_(rt.empty(*shape), gain=gain)), bound)
    std = gain * math.sqrt(2.0 / (fan_in + fan_out))
    _check_normal(_np(init.xavier_normal_(rt.empty(*shape), gain=gain)), 0.0, std)


@pytest.mark.parametrize("a,mode,nonlinearity", [(0, "fan_in", "leaky_relu"), (math.sqrt(5), "fan_in", "leaky_relu"),
                                                  (0, "fan_out", "relu"), (0.1, "fan_in", "leaky_relu"),
                                                  (0, "fan_in", "tanh")])
def test_kaiming(a, mode, nonlinearity):
    shape = (256, 64, 3, 3) if mode == "fan_in" else (64, 256, 3, 3)
    w = rt.empty(*shape)
    fan = init._calculate_fan_in_and_fan_out(w)[0 if mode == "fan_in" else 1]
    gain = torch.nn.init.calculate_gain(nonlinearity, a)
    _check_uniform(_np(init.kaiming_uniform_(w, a=a, mode=mode, nonlinearity=nonlinearity)),
                   gain * math.sqrt(3.0 / fan))
    _check_normal(_np(init.kaiming_normal_(w, a=a, mode=mode, nonlinearity=nonlinearity)), 0.0, gain / math.sqrt(fan))


def test_kaiming_bad_mode_and_empty():
    with pytest.raises(ValueError, match="Mode fan_avg not supported"):
        init.kaiming_uniform_(rt.empty(3, 3), mode="fan_avg")
    with pytest.warns(UserWarning, match="zero-element"):
        init.kaiming_uniform_(rt.empty(0, 3))


@pytest.mark.parametrize("shape", [(6, 4), (4, 6), (5, 2, 3), (8, 8)])
def test_orthogonal(shape):
    w = rt.empty(*shape, dtype=rt.float64)
    init.orthogonal_(w, gain=2.0)
    m = _np(w).reshape(shape[0], -1) / 2.0
    if m.shape[0] >= m.shape[1]:
        np.testing.assert_allclose(m.T @ m, np.eye(m.shape[1]), atol=1e-10)
    else:
        np.testing.assert_allclose(m @ m.T, np.eye(m.shape[0]), atol=1e-10)
    with pytest.raises(ValueError, match="2 or more dimensions"):
        init.orthogonal_(rt.empty(3))


def test_sparse():
    w = init.sparse_(rt.empty(10, 6), sparsity=0.3)
    assert ((_np(w) == 0).sum(axis=0) >= 3).all()


# ---- default initialisation of layers ---------------------------------------------------------

def test_linear_default_init():
    lin = nn.Linear(400, 500)
    bound = 1 / math.sqrt(400)
    _check_uniform(_np(lin.weight), bound)
    _check_uniform(_np(lin.bias), bound, tol=0.1)
    assert lin.weight.dtype == rt.float32 and lin.weight.shape == (500, 400) and lin.bias.shape == (500,)
    assert nn.Linear(3, 4, bias=False).bias is None
    assert nn.Linear(3, 4, dtype=rt.float64).weight.dtype == rt.float64


@pytest.mark.parametrize("cls,args,fan_in", [
    (nn.Conv1d, (16, 64, 5), 16 * 5),
    (nn.Conv2d, (32, 64, 3), 32 * 9),
    (nn.Conv2d, dict(in_channels=32, out_channels=64, kernel_size=(3, 1), groups=4), 8 * 3),
    (nn.Conv3d, (8, 32, 3), 8 * 27),
    (nn.ConvTranspose1d, (64, 16, 5), 16 * 5),
    (nn.ConvTranspose2d, dict(in_channels=64, out_channels=32, kernel_size=3, groups=2), 16 * 9),
    (nn.ConvTranspose3d, (32, 8, 3), 8 * 27),
])
def test_conv_default_init(cls, args, fan_in):
    layer = cls(**args) if isinstance(args, dict) else cls(*args)
    tl = getattr(torch.nn, cls.__name__)(**args) if isinstance(args, dict) else getattr(torch.nn, cls.__name__)(*args)
    assert layer.weight.shape == tuple(tl.weight.shape) and layer.bias.shape == tuple(tl.bias.shape)
    bound = 1 / math.sqrt(fan_in)
    _check_uniform(_np(layer.weight), bound, tol=0.05)
    b = _np(layer.bias)
    assert b.min() >= -bound and b.max() <= bound


def test_other_layers_default_init():
    emb = nn.Embedding(1000, 64, padding_idx=3)
    w = _np(emb.weight)
    assert (w[3] == 0).all()
    _check_normal(np.delete(w, 3, axis=0), 0.0, 1.0)
    assert nn.Embedding(5, 2, padding_idx=-1).padding_idx == 4

    bn = nn.BatchNorm2d(7)
    assert (_np(bn.weight) == 1).all() and (_np(bn.bias) == 0).all()
    assert (_np(bn.running_mean) == 0).all() and (_np(bn.running_var) == 1).all()
    assert bn.num_batches_tracked.item() == 0 and bn.num_batches_tracked.dtype == rt.int64
    bn_plain = nn.BatchNorm1d(3, affine=False, track_running_stats=False)
    assert bn_plain.weight is None and bn_plain.running_mean is None
    assert list(bn_plain.state_dict()) == []

    ln = nn.LayerNorm((4, 5))
    assert ln.weight.shape == (4, 5) and (_np(ln.weight) == 1).all() and (_np(ln.bias) == 0).all()
    gn = nn.GroupNorm(2, 6)
    assert gn.weight.shape == (6,) and (_np(gn.weight) == 1).all()
    assert nn.InstanceNorm2d(3).weight is None
    assert (_np(nn.InstanceNorm2d(3, affine=True).weight) == 1).all()
    pr = nn.PReLU(4, init=0.1)
    np.testing.assert_allclose(_np(pr.weight), np.full(4, 0.1, np.float32))

    bil = nn.Bilinear(100, 30, 50)
    bound = 1 / math.sqrt(100)
    _check_uniform(_np(bil.weight), bound)
    assert _np(bil.bias).max() <= bound


def test_layer_init_reproducible():
    rt.manual_seed(5)
    a = nn.Sequential(nn.Conv2d(3, 4, 3), nn.Linear(4, 2), nn.Embedding(10, 3))
    rt.manual_seed(5)
    b = nn.Sequential(nn.Conv2d(3, 4, 3), nn.Linear(4, 2), nn.Embedding(10, 3))
    for (ka, va), (kb, vb) in zip(a.state_dict().items(), b.state_dict().items()):
        np.testing.assert_array_equal(va.numpy(), vb.numpy())


def test_reset_parameters_redraws():
    lin = nn.Linear(10, 10)
    before = _np(lin.weight).copy()
    lin.reset_parameters()
    assert not np.array_equal(before, _np(lin.weight))
