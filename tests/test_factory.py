"""Tensor creation: fills, ranges, eye, *_like, new_*, random tensors and generators."""
import numpy as np
import pytest

import rustorch as rt

def _torch():
    return pytest.importorskip("torch")


# ---- Constant fills ------------------------------------------------------------------------------

@pytest.mark.parametrize("fn,value", [(rt.zeros, 0), (rt.ones, 1)])
def test_zeros_ones_sizes_as_varargs_tuple_list_or_keyword(fn, value):
    for t in (fn(2, 3), fn((2, 3)), fn([2, 3]), fn(size=(2, 3))):
        assert t.shape == (2, 3) and t.dtype == rt.float32
        np.testing.assert_array_equal(t.numpy(), np.full((2, 3), value, np.float32))
    assert fn(()).shape == () and fn(0).shape == (0,) and fn(3, 0, 2).shape == (3, 0, 2)
    assert fn(2, dtype=rt.int64).dtype == rt.int64 and fn(2, dtype=rt.bool).dtype == rt.bool
    assert fn(2, dtype=rt.float64).numpy().dtype == np.float64


def test_fill_requires_grad_and_device():
    t = rt.zeros(2, requires_grad=True, device="cpu")
    assert t.requires_grad and t.is_leaf
    with pytest.raises(ValueError):
        rt.zeros(2, device="cuda:7")


def test_full_dtype_follows_fill_value():
    assert rt.full((2,), 3).dtype == rt.int64
    assert rt.full((2,), 3.5).dtype == rt.float32
    assert rt.full((2,), True).dtype == rt.bool
    assert rt.full((2, 2), 7, dtype=rt.float64).numpy().tolist() == [[7.0, 7.0], [7.0, 7.0]]


@pytest.mark.parametrize("fn", [lambda: rt.zeros(2, -1), lambda: rt.ones(-3), lambda: rt.empty(-1),
                                lambda: rt.full((-1,), 2.0), lambda: rt.rand(-2), lambda: rt.randn(3, -2),
                                lambda: rt.randint(0, 3, (-1,))])
def test_negative_sizes_raise_value_error_naming_the_op(fn):
    with pytest.raises(ValueError, match=r"^(zeros|ones|empty|full|rand|randn|randint): negative dimension"):
        fn()


def test_empty_has_the_shape_and_dtype():
    t = rt.empty(4, 5, dtype=rt.int64)
    assert t.shape == (4, 5) and t.dtype == rt.int64 and t.is_contiguous()


# ---- Ranges --------------------------------------------------------------------------------------

@pytest.mark.parametrize("args,kwargs", [
    ((5,), {}), ((2, 9), {}), ((2, 9, 3), {}), ((10, 0, -3), {}), ((0, 1, 0.1), {}), ((1, 2.5, 0.5), {}),
    ((5.0,), {}), ((-1.5, 3), {}), ((0, 2.5), {"dtype": "int64"}), ((0.5, 3, 1), {"dtype": "int64"}),
    ((-1.5, 3, 1), {"dtype": "int64"}), ((0, 10, 3), {"dtype": "float64"}), ((True, 5), {}), ((0, 0), {}),
    ((3, -7, -0.75), {}), ((0, 1e6 + 0.5, 1), {}),
])
def test_arange_matches_torch(args, kwargs):
    torch = _torch()
    tk = {k: getattr(torch, v) for k, v in kwargs.items()}
    rk = {k: getattr(rt, v) for k, v in kwargs.items()}
    expected = torch.arange(*args, **tk)
    got = rt.arange(*args, **rk)
    assert got.dtype.name == str(expected.dtype).replace("torch.", "")
    assert got.shape == tuple(expected.shape)
    np.testing.assert_allclose(got.numpy(), expected.numpy(), rtol=1e-6, atol=1e-6)


def test_arange_dtype_inference():
    assert rt.arange(5).dtype == rt.int64
    assert rt.arange(5.0).dtype == rt.float32
    assert rt.arange(0, 5, 0.5).dtype == rt.float32
    assert rt.arange(np.int64(3)).dtype == rt.int64
    assert rt.arange(rt.tensor(4)).tolist() == [0, 1, 2, 3]
    rt.set_default_dtype(rt.float64)
    try:
        assert rt.arange(1.0).dtype == rt.float64
    finally:
        rt.set_default_dtype(rt.float32)


def test_arange_float_step_count_like_torch():
    assert len(rt.arange(0, 1, 0.1)) == 10
    assert len(rt.arange(1, 2.5, 0.5)) == 3
    assert len(rt.arange(-1, 1, 0.3)) == 7


@pytest.mark.parametrize("args,msg", [((0, 10, 0), "step must be nonzero"), ((0, 10, -1), "inconsistent with step sign"),
                                      ((10, 0, 1), "inconsistent"), ((0, 10, 0.0), "step must be nonzero"),
                                      ((0, 1, 0.5), "step must be nonzero")])
def test_arange_bad_arguments(args, msg):
    kwargs = {"dtype": rt.int64} if args == (0, 1, 0.5) else {}
    with pytest.raises(ValueError, match="arange: .*" + msg):
        rt.arange(*args, **kwargs)


def test_arange_bool_dtype_and_non_numbers():
    with pytest.raises(TypeError, match="arange"):
        rt.arange(3, dtype=rt.bool)
    with pytest.raises(TypeError, match="arange"):
        rt.arange("3")


@pytest.mark.parametrize("args,kwargs", [((0, 10, 5), {}), ((0, 10, 5), {"dtype": "int64"}), ((3, 3, 1), {}),
                                         ((0, 1, 0), {}), ((-1, 1, 7), {"dtype": "float64"}), ((1, 0, 4), {}),
                                         ((0, 1, 1000), {}), ((2.5, -7.25, 33), {})])
def test_linspace_matches_torch(args, kwargs):
    torch = _torch()
    expected = torch.linspace(*args, **{k: getattr(torch, v) for k, v in kwargs.items()})
    got = rt.linspace(*args, **{k: getattr(rt, v) for k, v in kwargs.items()})
    assert got.dtype.name == str(expected.dtype).replace("torch.", "") and got.shape == tuple(expected.shape)
    np.testing.assert_allclose(got.numpy(), expected.numpy(), rtol=1e-6, atol=1e-6)
    if got.numel() > 1:  # both ends exact
        assert got.numpy()[0] == expected.numpy()[0] and got.numpy()[-1] == expected.numpy()[-1]


def test_linspace_ends_exact_and_errors():
    t = rt.linspace(-3.7, 11.3, 101).numpy()
    assert t[0] == np.float32(-3.7) and t[-1] == np.float32(11.3)
    with pytest.raises(ValueError, match="linspace: number of steps must be non-negative"):
        rt.linspace(0, 1, -1)
    with pytest.raises(TypeError, match="linspace"):
        rt.linspace(0, 1, 2.5)


@pytest.mark.parametrize("args,kwargs", [((0, 2, 3), {}), ((0, 2, 3), {"base": 2}), ((-2, 2, 9), {}),
                                         ((0, 3, 4), {"dtype": "float64"}), ((1, 1, 1), {}), ((0, 1, 0), {})])
def test_logspace_matches_torch(args, kwargs):
    torch = _torch()
    tk = {k: (getattr(torch, v) if k == "dtype" else v) for k, v in kwargs.items()}
    rk = {k: (getattr(rt, v) if k == "dtype" else v) for k, v in kwargs.items()}
    expected = torch.logspace(*args, **tk)
    got = rt.logspace(*args, **rk)
    assert got.dtype.name == str(expected.dtype).replace("torch.", "")
    np.testing.assert_allclose(got.numpy(), expected.numpy(), rtol=1e-6)


def test_eye():
    np.testing.assert_array_equal(rt.eye(3).numpy(), np.eye(3, dtype=np.float32))
    np.testing.assert_array_equal(rt.eye(2, 4).numpy(), np.eye(2, 4))
    np.testing.assert_array_equal(rt.eye(4, 2, dtype=rt.int64).numpy(), np.eye(4, 2, dtype=np.int64))
    assert rt.eye(0).shape == (0, 0) and rt.eye(3, 0).shape == (3, 0)
    assert rt.eye(2, dtype=rt.bool).numpy().tolist() == [[True, False], [False, True]]
    with pytest.raises(ValueError, match="eye: n must be"):
        rt.eye(-1)
    with pytest.raises(ValueError, match="eye: m must be"):
        rt.eye(2, -1)


# ---- *_like and new_* --------------------------------------------------------------------------

def test_like_functions_take_shape_and_dtype():
    base = rt.tensor(np.arange(6, dtype=np.float64).reshape(2, 3)).transpose(0, 1)
    for fn, check in [(rt.zeros_like, lambda a: (a == 0).all()), (rt.ones_like, lambda a: (a == 1).all()),
                      (rt.empty_like, lambda a: True), (lambda t, **k: rt.full_like(t, 2.5, **k), lambda a: (a == 2.5).all()),
                      (rt.rand_like, lambda a: ((a >= 0) & (a < 1)).all()), (rt.randn_like, lambda a: np.isfinite(a).all()),
                      (lambda t, **k: rt.randint_like(t, 5, **k), lambda a: ((a >= 0) & (a < 5)).all()),
                      (lambda t, **k: rt.randint_like(t, 2, 5, **k), lambda a: ((a >= 2) & (a < 5)).all())]:
        t = fn(base)
        assert t.shape == (3, 2) and t.dtype == rt.float64 and t.is_contiguous()
        assert check(t.numpy())
        assert fn(base, dtype=rt.float32).dtype == rt.float32
        assert fn(base, requires_grad=True).requires_grad
    assert rt.zeros_like(rt.tensor([1, 2])).dtype == rt.int64
    assert rt.full_like(rt.tensor([1, 2]), 7).tolist() == [7, 7]
    with pytest.raises(TypeError, match="rand"):
        rt.rand_like(rt.tensor([1, 2]))


def test_new_functions_use_the_tensor_dtype():
    base = rt.tensor([1.0], dtype=rt.float64)
    assert base.new_zeros(2, 3).dtype == rt.float64 and base.new_zeros((2, 3)).shape == (2, 3)
    assert base.new_ones(2).tolist() == [1.0, 1.0]
    assert base.new_empty(4).shape == (4,)
    assert base.new_full((2,), 3).tolist() == [3.0, 3.0] and base.new_full((2,), 3).dtype == rt.float64
    assert base.new_zeros(2, dtype=rt.int64).dtype == rt.int64


# ---- Random creation ---------------------------------------------------------------------------

RANDOM_MAKERS = {
    "rand": lambda g=None: rt.rand(5000, generator=g),
    "randn": lambda g=None: rt.randn(5000, generator=g),
    "randn64": lambda g=None: rt.randn(333, dtype=rt.float64, generator=g),
    "randint": lambda g=None: rt.randint(-5, 1000, (700,), generator=g),
    "randperm": lambda g=None: rt.randperm(100, generator=g),
    "normal": lambda g=None: rt.normal(2.0, 3.0, (100,), generator=g),
    "big_randn": lambda g=None: rt.randn(300001, generator=g),
}


@pytest.mark.parametrize("name", sorted(RANDOM_MAKERS))
def test_random_creation_is_reproducible_under_manual_seed(name):
    make = RANDOM_MAKERS[name]
    rt.manual_seed(123)
    a = make().numpy().copy()
    b = make().numpy().copy()
    rt.manual_seed(123)
    np.testing.assert_array_equal(make().numpy(), a)
    np.testing.assert_array_equal(make().numpy(), b)
    assert not np.array_equal(a, b)


@pytest.mark.parametrize("name", sorted(RANDOM_MAKERS))
def test_random_creation_with_a_generator_leaves_the_default_alone(name):
    make = RANDOM_MAKERS[name]
    g = rt.Generator().manual_seed(7)
    rt.manual_seed(0)
    a = make(g).numpy().copy()
    state = rt.default_generator.get_state()
    assert state == rt.Generator().manual_seed(0).get_state()
    g2 = rt.Generator()
    g2.manual_seed(7)
    np.testing.assert_array_equal(make(g2).numpy(), a)


@pytest.mark.parametrize("threads", [1, 2, 3])
def test_random_values_do_not_depend_on_thread_count(threads):
    old = rt.get_num_threads()
    try:
        rt.set_num_threads(1)
        rt.manual_seed(5)
        ref = [rt.randn(400000).numpy().copy(), rt.rand(300000, dtype=rt.float64).numpy().copy(),
               rt.randint(0, 7, (200000,)).numpy().copy()]
        rt.set_num_threads(threads)
        rt.manual_seed(5)
        got = [rt.randn(400000).numpy(), rt.rand(300000, dtype=rt.float64).numpy(), rt.randint(0, 7, (200000,)).numpy()]
        for r, g in zip(ref, got):
            np.testing.assert_array_equal(r, g)
    finally:
        rt.set_num_threads(old)


def test_generator_state_round_trip_reproduces_draws():
    g = rt.Generator().manual_seed(42)
    state = g.get_state()
    a = rt.randn(100000, generator=g).numpy().copy()
    b = rt.rand(10, generator=g).numpy().copy()
    g.set_state(state)
    np.testing.assert_array_equal(rt.randn(100000, generator=g).numpy(), a)
    np.testing.assert_array_equal(rt.rand(10, generator=g).numpy(), b)


def test_bad_generator_argument():
    with pytest.raises(TypeError, match="randn: generator must be"):
        rt.randn(3, generator=5)


def test_rand_distribution():
    rt.manual_seed(1)
    for dtype in (rt.float32, rt.float64):
        u = rt.rand(200000, dtype=dtype).numpy()
        assert u.dtype == (np.float32 if dtype == rt.float32 else np.float64)
        assert u.min() >= 0 and u.max() < 1
        assert abs(u.mean() - 0.5) < 0.005 and abs(u.var() - 1 / 12) < 0.002
        hist, _ = np.histogram(u, bins=20, range=(0, 1))
        assert hist.min() > 9000 and hist.max() < 11000
    assert rt.rand(2, 3).shape == (2, 3) and rt.rand((4,)).shape == (4,) and rt.rand(0).shape == (0,)


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("n", [1, 7, 128, 129, 100003, 300000])
def test_randn_distribution(dtype, n):
    stats = pytest.importorskip("scipy.stats")
    rt.manual_seed(n)
    x = rt.randn(n, dtype=getattr(rt, dtype)).numpy()
    assert x.shape == (n,) and np.isfinite(x).all()
    if n >= 100000:
        assert abs(x.mean()) < 0.01 and abs(x.std() - 1) < 0.01
        assert abs(stats.skew(x)) < 0.03 and abs(stats.kurtosis(x)) < 0.06
        assert stats.kstest(x, "norm").pvalue > 1e-4
        # the cos and sin halves of each Box-Muller block are uncorrelated
        blocks = x[: (n // 128) * 128].reshape(-1, 2, 64)
        assert abs(np.corrcoef(blocks[:, 0].ravel(), blocks[:, 1].ravel())[0, 1]) < 0.02


def test_randn_chunks_are_independent_streams():
    # Values are drawn in chunks of 65536 from jumped streams; neighbouring chunks must not repeat.
    rt.manual_seed(3)
    x = rt.randn(4 * 65536).numpy().reshape(4, -1)
    for i in range(3):
        assert abs(np.corrcoef(x[i], x[i + 1])[0, 1]) < 0.02
    assert len(np.unique(x)) > 0.99 * x.size


def test_normal():
    rt.manual_seed(2)
    x = rt.normal(3.0, 2.0, (200000,)).numpy()
    assert abs(x.mean() - 3) < 0.03 and abs(x.std() - 2) < 0.03
    assert rt.normal(0.0, 1.0, size=(2, 3)).shape == (2, 3)
    assert rt.normal(0.0, 1.0, (2,), dtype=rt.float64).dtype == rt.float64
    mean = rt.tensor([0.0, 100.0, -100.0])
    y = rt.normal(mean, 0.5).numpy()
    assert y.shape == (3,) and np.all(np.abs(y - mean.numpy()) < 5)
    z = rt.normal(rt.zeros(1000), rt.full((1000,), 0.0)).numpy()
    assert (z == 0).all()
    assert rt.normal(1.0, rt.ones(2, 3)).shape == (2, 3)
    assert rt.normal(rt.zeros(4, 1), rt.ones(3)).shape == (4, 3)
    with pytest.raises(ValueError, match="normal: expected std >= 0"):
        rt.normal(0.0, -1.0, (2,))
    with pytest.raises(ValueError, match="normal"):
        rt.normal(rt.zeros(2), rt.tensor([1.0, -1.0]))
    with pytest.raises(TypeError, match="normal"):
        rt.normal(0.0, 1.0)


def test_randint_forms_and_range():
    rt.manual_seed(0)
    a = rt.randint(10, (5000,))
    assert a.dtype == rt.int64 and a.shape == (5000,)
    assert a.numpy().min() == 0 and a.numpy().max() == 9
    b = rt.randint(3, 10, (2, 3)).numpy()
    assert b.shape == (2, 3) and b.min() >= 3 and b.max() < 10
    c = rt.randint(-4, -1, size=(1000,)).numpy()
    assert set(np.unique(c)) == {-4, -3, -2}
    d = rt.randint(0, 2, (4,), dtype=rt.float32)
    assert d.dtype == rt.float32 and set(d.numpy().tolist()) <= {0.0, 1.0}
    counts = np.bincount(rt.randint(0, 6, (60000,)).numpy(), minlength=6)
    assert counts.min() > 9500 and counts.max() < 10500
    big = rt.randint(-2**62, 2**62, (1000,)).numpy()
    assert big.min() < -2**60 and big.max() > 2**60
    assert rt.randint(low=1, high=3, size=(3,)).shape == (3,)


def test_randint_errors():
    with pytest.raises(ValueError, match="randint: expected low < high"):
        rt.randint(5, 5, (2,))
    with pytest.raises(ValueError, match="randint"):
        rt.randint(0, (2,))
    with pytest.raises(TypeError, match="randint"):
        rt.randint((2,))


def test_randperm():
    rt.manual_seed(4)
    p = rt.randperm(1000)
    assert p.dtype == rt.int64
    assert sorted(p.numpy().tolist()) == list(range(1000))
    assert rt.randperm(0).shape == (0,) and rt.randperm(1).tolist() == [0]
    assert rt.randperm(5, dtype=rt.float32).dtype == rt.float32
    # every position takes every value about equally often
    counts = np.zeros((4, 4))
    for _ in range(4000):
        counts[np.arange(4), rt.randperm(4).numpy()] += 1
    assert counts.min() > 850 and counts.max() < 1150
    with pytest.raises(ValueError, match="randperm: n must be non-negative"):
        rt.randperm(-1)


def test_rand_requires_floating_dtype():
    with pytest.raises(TypeError, match="rand: expected a floating dtype"):
        rt.rand(3, dtype=rt.int64)
    with pytest.raises(TypeError, match="randn: expected a floating dtype"):
        rt.randn(3, dtype=rt.bool)


# ---- In-place random fills -----------------------------------------------------------------------

def test_uniform_normal_random_inplace():
    rt.manual_seed(9)
    t = rt.zeros(100000)
    assert t.uniform_(2, 5) is t
    u = t.numpy()
    assert u.min() >= 2 and u.max() < 5 and abs(u.mean() - 3.5) < 0.02
    t.normal_(1.0, 0.5)
    assert abs(t.numpy().mean() - 1) < 0.01 and abs(t.numpy().std() - 0.5) < 0.01
    top = rt.zeros(1000).uniform_(2, 2 + 2 ** -20).numpy()  # range far below float32's resolution at 2
    assert top.min() >= 2 and top.max() < 2 + 2 ** -20
    assert (rt.zeros(3).uniform_(4, 4).numpy() == 4).all()
    i = rt.zeros(10000, dtype=rt.int64)
    i.random_(3, 7)
    assert set(np.unique(i.numpy())) == {3, 4, 5, 6}
    i.random_(4)
    assert set(np.unique(i.numpy())) == {0, 1, 2, 3}
    f = rt.zeros(1000, dtype=rt.float64).random_()
    assert f.numpy().min() >= 0 and f.numpy().max() <= 2**53 and (f.numpy() == np.round(f.numpy())).all()
    b = rt.zeros(1000, dtype=rt.bool).random_()
    assert set(b.numpy().tolist()) == {False, True}


def test_inplace_random_on_non_contiguous_view_writes_only_the_view():
    base = rt.zeros(4, 6, dtype=rt.float64)
    view = base.transpose(0, 1)
    view.uniform_(1, 2)
    assert (base.numpy() >= 1).all()
    rows = rt.zeros(3, 4)
    rows.transpose(0, 1).normal_()
    assert np.isfinite(rows.numpy()).all() and (rows.numpy() != 0).all()


def test_inplace_random_is_reproducible_and_checked():
    g = rt.Generator().manual_seed(11)
    a = rt.empty(1000).normal_(generator=g).numpy().copy()
    g.manual_seed(11)
    np.testing.assert_array_equal(rt.empty(1000).normal_(generator=g).numpy(), a)
    with pytest.raises(ValueError, match="uniform_"):
        rt.zeros(3).uniform_(1, 0)
    with pytest.raises(ValueError, match="normal_: expected std >= 0"):
        rt.zeros(3).normal_(0, -1)
    with pytest.raises(ValueError, match="random_: expected 'from' to be less than 'to'"):
        rt.zeros(3).random_(5, 5)
    with pytest.raises(TypeError, match="uniform_"):
        rt.zeros(3, dtype=rt.int64).uniform_()
    leaf = rt.zeros(3, requires_grad=True)
    with pytest.raises(RuntimeError):
        leaf.normal_()
    with rt.no_grad():
        leaf.normal_()
    assert leaf.requires_grad and leaf.is_leaf


def test_inplace_random_bumps_version():
    x = rt.ones(3, requires_grad=True)
    y = x * 1
    z = y * y
    with rt.no_grad():
        y.uniform_()
    with pytest.raises(RuntimeError):
        z.sum().backward()


def test_generator_refuses_a_device_this_build_lacks_like_the_creation_functions():
    with pytest.raises(ValueError, match="unsupported device 'cuda'"):
        rt.Generator("cuda")
    with pytest.raises(ValueError, match="unsupported device 'cuda'"):
        rt.zeros(2, device="cuda")
    for device in ("cpu", "cpu:0", rt.device("cpu")):
        assert rt.rand(2, generator=rt.Generator(device).manual_seed(0)).shape == (2,)
