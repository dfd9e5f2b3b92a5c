"""Conversions between tensors and Python/NumPy data, casts, geometry queries, and repr."""
import re

import numpy as np
import pytest

import rustorch as rt


# ---- rt.tensor from Python data ----------------------------------------------------------------

@pytest.mark.parametrize("data,dtype,shape", [
    (3, rt.int64, ()), (2.5, rt.float32, ()), (True, rt.bool, ()), (-7, rt.int64, ()),
    ([1, 2, 3], rt.int64, (3,)), ([1.0, 2, 3], rt.float32, (3,)), ([True, False], rt.bool, (2,)),
    ([True, 2], rt.int64, (2,)), ([True, 2.5], rt.float32, (2,)), ((1, 2), rt.int64, (2,)),
    ([[1, 2], [3, 4]], rt.int64, (2, 2)), ([(1, 2), (3, 4)], rt.int64, (2, 2)), (((1.5,), (2.5,)), rt.float32, (2, 1)),
    ([], rt.float32, (0,)), ([[]], rt.float32, (1, 0)), ([[[1]]], rt.int64, (1, 1, 1)),
    ([[1, 2.0], [3, 4]], rt.float32, (2, 2)),
])
def test_tensor_from_python_data_infers_dtype_like_torch(data, dtype, shape):
    t = rt.tensor(data)
    assert t.dtype == dtype and t.shape == shape
    np.testing.assert_array_equal(t.numpy(), np.array(data, dtype=np.dtype(dtype.name)).reshape(shape))
    torch = pytest.importorskip("torch")
    assert str(torch.tensor(data).dtype).replace("torch.", "") == dtype.name


def test_tensor_values_are_exact():
    big = 2**62 + 1
    assert rt.tensor([big, -big]).tolist() == [big, -big]
    assert rt.tensor(0.1, dtype=rt.float64).item() == 0.1
    assert rt.tensor([1.7, -2.7], dtype=rt.int64).tolist() == [1, -2]
    assert rt.tensor([0.0, 2.0, -0.5], dtype=rt.bool).tolist() == [False, True, True]
    assert rt.tensor([1, 2], dtype=rt.float64).dtype == rt.float64
    assert rt.tensor(3, dtype=rt.float32).item() == 3.0


def test_default_dtype_applies_to_python_floats():
    rt.set_default_dtype(rt.float64)
    try:
        assert rt.tensor([1.5]).dtype == rt.float64 and rt.tensor(2.5).dtype == rt.float64
        assert rt.tensor([1, 2]).dtype == rt.int64
    finally:
        rt.set_default_dtype(rt.float32)


def test_numpy_scalars_and_tensors_inside_lists_keep_their_dtype():
    assert rt.tensor(np.float64(1.5)).dtype == rt.float64
    assert rt.tensor(np.float32(1.5)).dtype == rt.float32
    assert rt.tensor(np.int32(3)).dtype == rt.int64 and rt.tensor(np.int32(3)).item() == 3
    assert rt.tensor(np.bool_(True)).dtype == rt.bool
    assert rt.tensor([np.float64(1.5), 2]).dtype == rt.float64
    assert rt.tensor([np.array([1.0, 2.0]), np.array([3.0, 4.0])]).dtype == rt.float64
    assert rt.tensor([rt.tensor(1.0), rt.tensor(2.0)]).tolist() == [1.0, 2.0]
    stacked = rt.tensor([rt.tensor([1, 2]), rt.tensor([3, 4])])
    assert stacked.dtype == rt.int64 and stacked.tolist() == [[1, 2], [3, 4]]
    assert rt.tensor([rt.tensor(1.0, dtype=rt.float64), 2.0]).dtype == rt.float64


@pytest.mark.parametrize("np_dtype,dtype", [
    (np.float32, rt.float32), (np.float64, rt.float64), (np.float16, rt.float32), (np.int64, rt.int64),
    (np.int32, rt.int64), (np.int16, rt.int64), (np.int8, rt.int64), (np.uint8, rt.int64), (np.uint16, rt.int64),
    (np.uint32, rt.int64), (np.bool_, rt.bool),
])
def test_tensor_from_numpy_arrays_of_all_kinds(np_dtype, dtype):
    a = (np.arange(12).reshape(3, 4) % 3).astype(np_dtype)
    t = rt.tensor(a)
    assert t.dtype == dtype and t.shape == (3, 4)
    np.testing.assert_array_equal(t.numpy(), a.astype(t.numpy().dtype))
    a[0, 0] = 1
    assert t.numpy()[0, 0] == 0  # rt.tensor copies


@pytest.mark.parametrize("view", [lambda a: a.T, lambda a: a[::2], lambda a: a[:, ::-1], lambda a: a[::-1, 1:3],
                                  lambda a: np.broadcast_to(a[:1], (3, 4)), lambda a: a[0, 0]])
def test_tensor_from_non_contiguous_numpy_arrays_copies_the_values(view):
    a = np.arange(12, dtype=np.float64).reshape(3, 4)
    v = view(a)
    t = rt.tensor(v)
    assert t.shape == np.shape(v) and t.is_contiguous()
    np.testing.assert_array_equal(t.numpy(), v)


def test_tensor_from_numpy_with_dtype_and_zero_dims():
    assert rt.tensor(np.array([1.5, 2.5]), dtype=rt.int64).tolist() == [1, 2]
    assert rt.tensor(np.zeros((0, 3))).shape == (0, 3)
    assert rt.tensor(np.array(2.5)).shape == () and rt.tensor(np.array(2.5)).dtype == rt.float64


def test_tensor_copies_a_tensor_without_history():
    x = rt.tensor([1.0, 2.0], requires_grad=True)
    y = rt.tensor(x)
    assert not y.requires_grad and y.is_leaf
    y += 1
    assert x.detach().tolist() == [1.0, 2.0]
    assert rt.tensor(x, dtype=rt.float64).dtype == rt.float64


@pytest.mark.parametrize("data,exc,msg", [
    ([[1, 2], [3]], ValueError, "expected sequence of length 2 at dim 1"),
    ([[1, 2], 3], ValueError, "expected a sequence at dim 1"),
    ([1, [2, 3]], TypeError, "could not convert an element of type 'list'"),
    ("abc", TypeError, "could not infer dtype of str"),
    (["a"], TypeError, "could not convert an element of type 'str'"),
    (None, TypeError, "could not infer dtype of NoneType"),
    (np.array(["2020-01-01"], dtype="datetime64[D]"), TypeError, "datetime64"),
    (np.array(["x"]), TypeError, "can't convert a NumPy array"),
    ([rt.tensor([1.0, 2.0]), rt.tensor([1.0])], ValueError, "expected sequence of length 2"),
    (2**63, ValueError, "out of range for int64"),
])
def test_bad_data_raises_with_a_clear_message(data, exc, msg):
    with pytest.raises(exc, match=("" if "int64" in msg else "tensor: .*") + re.escape(msg)):
        rt.tensor(data)


def test_tensor_class_constructor_like_torch():
    t = rt.Tensor([1, 2])
    assert t.dtype == rt.float32 and t.tolist() == [1.0, 2.0]
    assert rt.Tensor(2, 3).shape == (2, 3) and rt.Tensor(2, 3).dtype == rt.float32
    assert rt.Tensor().shape == (0,)
    assert rt.Tensor(np.array([1, 2])).dtype == rt.float32
    base = rt.tensor([1.0])
    assert rt.Tensor(base).data_ptr() == base.data_ptr()
    with pytest.raises(TypeError, match="Tensor: expected sizes"):
        rt.Tensor([1], [2])


# ---- NumPy interop (shared memory) ---------------------------------------------------------------

@pytest.mark.parametrize("dtype", [rt.float32, rt.float64, rt.int64, rt.bool])
def test_numpy_shares_memory_both_ways(dtype):
    t = rt.zeros(2, 3, dtype=dtype)
    a = t.numpy()
    assert a.dtype == np.dtype(dtype.name) and a.shape == (2, 3)
    a[1, 2] = 1
    assert t.tolist()[1][2] == 1
    t.fill_(1)
    assert (a == 1).all()
    b = np.asarray(t)
    assert np.shares_memory(a, b)
    b[0, 0] = 0
    assert t.tolist()[0][0] == 0


def test_numpy_of_non_contiguous_tensors_shares_memory_with_strides():
    t = rt.tensor(np.arange(12, dtype=np.float32).reshape(3, 4))
    tt = t.transpose(0, 1)
    a = tt.numpy()
    assert a.shape == (4, 3) and a.strides == (4, 16)
    np.testing.assert_array_equal(a, np.arange(12, dtype=np.float32).reshape(3, 4).T)
    a[3, 0] = -1
    assert t.tolist()[0][3] == -1
    e = rt.tensor([1.0, 2.0]).unsqueeze(0).expand(3, 2)
    assert e.numpy().strides == (0, 4)
    assert rt.tensor(5.0).numpy().shape == ()


def test_numpy_keeps_the_tensor_alive():
    a = rt.tensor([1.0, 2.0, 3.0]).numpy()
    import gc
    gc.collect()
    assert a.tolist() == [1.0, 2.0, 3.0]


def test_numpy_refuses_tensors_that_require_grad():
    x = rt.tensor([1.0], requires_grad=True)
    with pytest.raises(RuntimeError, match="numpy: can't call numpy\\(\\) on a Tensor that requires grad"):
        x.numpy()
    assert x.detach().numpy().tolist() == [1.0]
    with rt.no_grad():
        assert x.numpy().tolist() == [1.0]


def test_array_protocol_dtype_and_copy():
    t = rt.tensor([1.0, 2.0])
    assert np.asarray(t, dtype=np.float64).dtype == np.float64
    c = np.array(t, copy=True)
    c[0] = 5
    assert t.tolist() == [1.0, 2.0]
    assert np.add(t, 1).tolist() == [2.0, 3.0]
    m = memoryview(t)
    assert m.shape == (2,) and m.format == "f"


@pytest.mark.parametrize("np_dtype", [np.float32, np.float64, np.int64, np.bool_])
def test_from_numpy_shares_memory(np_dtype):
    a = np.zeros((3, 2), dtype=np_dtype)
    t = rt.from_numpy(a)
    assert t.dtype.name == np.dtype(np_dtype).name and t.shape == (3, 2)
    a[2, 1] = 1
    assert t.tolist()[2][1] == 1
    t.fill_(1)
    assert (a == 1).all()
    assert t.data_ptr() == a.ctypes.data


def test_from_numpy_views_and_lifetime():
    base = np.arange(20, dtype=np.float64).reshape(4, 5)
    t = rt.from_numpy(base[1:, ::2])
    assert t.shape == (3, 3) and t.stride() == (5, 2) and not t.is_contiguous()
    np.testing.assert_array_equal(t.numpy(), base[1:, ::2])
    tt = rt.from_numpy(base.T)
    assert tt.stride() == (1, 5)
    z = rt.from_numpy(np.zeros((0, 3)))
    assert z.shape == (0, 3)
    s = rt.from_numpy(np.array(3.5))
    assert s.shape == () and s.item() == 3.5
    t2 = rt.from_numpy(np.arange(4.0))
    import gc
    gc.collect()
    assert t2.tolist() == [0.0, 1.0, 2.0, 3.0]


@pytest.mark.parametrize("arr,exc,msg", [
    (np.array([1], np.int32), TypeError, "from_numpy: can't convert np.ndarray of type int32"),
    (np.array([1], np.uint8), TypeError, "type uint8"),
    (np.array([1], np.float16), TypeError, "type float16"),
    (np.array([1j], np.clongdouble), TypeError, "type complex256"),
    (np.arange(3.0)[::-1], ValueError, "from_numpy: at least one stride in the given numpy array is negative"),
    ([1.0, 2.0], TypeError, "from_numpy: expected np.ndarray \\(got list\\)"),
])
def test_from_numpy_rejects_unsupported_arrays(arr, exc, msg):
    with pytest.raises(exc, match=msg):
        rt.from_numpy(arr)


# ---- Python values out ------------------------------------------------------------------------------

def test_tolist_and_item():
    assert rt.tensor([[1, 2], [3, 4]]).tolist() == [[1, 2], [3, 4]]
    assert rt.tensor([[1.5]]).tolist() == [[1.5]]
    assert rt.tensor(3.5).tolist() == 3.5
    assert rt.tensor([True]).tolist() == [True] and isinstance(rt.tensor([True]).tolist()[0], bool)
    assert isinstance(rt.tensor([1]).tolist()[0], int)
    assert rt.zeros(2, 0).tolist() == [[], []]
    assert rt.tensor(np.arange(6).reshape(2, 3)).transpose(0, 1).tolist() == [[0, 3], [1, 4], [2, 5]]
    assert rt.tensor([2.5]).item() == 2.5 and isinstance(rt.tensor([2]).item(), int)
    assert rt.tensor([[True]]).item() is True
    assert rt.tensor(0.1).item() == float(np.float32(0.1))
    with pytest.raises(RuntimeError, match="item: a Tensor with 2 elements cannot be converted to Scalar"):
        rt.tensor([1, 2]).item()
    with pytest.raises(RuntimeError, match="item"):
        rt.zeros(0).item()


def test_python_number_protocols():
    assert int(rt.tensor([2.7])) == 2 and float(rt.tensor([2])) == 2.0
    assert bool(rt.tensor([1])) and not bool(rt.tensor(0.0))
    assert [10, 20, 30][rt.tensor(1)] == 20
    with pytest.raises(RuntimeError, match="ambiguous"):
        bool(rt.tensor([1, 2]))
    with pytest.raises(TypeError):
        [1][rt.tensor(0.0)]
    assert len(rt.zeros(4, 2)) == 4
    with pytest.raises(TypeError):
        len(rt.tensor(1.0))
    assert f"{rt.tensor(2.5):.2f}" == "2.50"


# ---- Casts --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("method,dtype", [("float", rt.float32), ("double", rt.float64), ("long", rt.int64),
                                         ("bool", rt.bool)])
def test_cast_methods(method, dtype):
    src = rt.tensor([0.0, 1.5, -2.5])
    out = getattr(src, method)()
    assert out.dtype == dtype
    np.testing.assert_array_equal(out.numpy(), np.array([0.0, 1.5, -2.5], np.float32).astype(np.dtype(dtype.name)))


def test_to_dtype_forms():
    t = rt.tensor([1, 2])
    assert t.to(rt.float64).dtype == rt.float64
    assert t.to(dtype=rt.float32).dtype == rt.float32
    assert t.to("float64").dtype == rt.float64
    assert t.to(rt.zeros(1, dtype=rt.bool)).dtype == rt.bool
    assert t.to("cpu") is t and t.to(rt.device("cpu")) is t
    assert t.to(rt.int64) is t and t.long() is t
    c = t.to(rt.int64, copy=True)
    assert c is not t and c.data_ptr() != t.data_ptr()
    assert t.to(np.float32).dtype == rt.float32 and t.to(float).dtype == rt.float64
    assert t.type() == "rustorch.int64" and t.type(rt.float64).dtype == rt.float64
    with pytest.raises(TypeError, match="to: expected a dtype, a device or a tensor"):
        t.to(3)
    with pytest.raises(ValueError):
        t.to("cuda:3")


def test_to_keeps_gradients_for_float_casts():
    x = rt.tensor([1.0, 2.0], dtype=rt.float64, requires_grad=True)
    y = x.float()
    assert y.requires_grad and y.dtype == rt.float32
    y.sum().backward()
    assert x.grad.dtype == rt.float64 and x.grad.tolist() == [1.0, 1.0]


# ---- Geometry -------------------------------------------------------------------------------------------

def test_size_stride_numel_contiguity():
    t = rt.zeros(2, 3, 4)
    assert t.size() == (2, 3, 4) and t.size(1) == 3 and t.size(-1) == 4 and t.shape == (2, 3, 4)
    assert t.stride() == (12, 4, 1) and t.stride(0) == 12 and t.stride(-1) == 1
    assert t.numel() == 24 and t.nelement() == 24 and t.dim() == 3 and t.ndim == 3
    assert t.is_contiguous() and t.element_size() == 4 and t.nbytes == 96 and t.itemsize == 4
    p = t.permute(2, 0, 1)
    assert p.stride() == (1, 12, 4) and not p.is_contiguous() and p.contiguous().is_contiguous()
    assert rt.tensor(1.0).size() == () and rt.tensor(1.0).numel() == 1 and rt.tensor(1.0).stride() == ()
    assert rt.zeros(3, 0).numel() == 0 and rt.zeros(3, 0).is_contiguous()
    assert rt.zeros(4, 1).transpose(0, 1).is_contiguous()
    with pytest.raises(IndexError, match="size: dimension 3 out of range"):
        t.size(3)
    with pytest.raises(IndexError):
        t.stride(-4)


# ---- repr --------------------------------------------------------------------------------------------------

_rng = np.random.default_rng(0)
REPR_CASES = [
    np.array([[1., 2.], [3., 4.]], np.float32), np.array(1.5, np.float32), np.array(3), np.array(True),
    np.array([1e-5, 1.0], np.float32), np.array([1e9, 1.0]), np.array([np.nan, np.inf, -np.inf, 1.5], np.float32),
    np.array([np.nan, 2.0], np.float32), np.array([0., 0.], np.float32), np.array([-0., 1.], np.float32),
    _rng.standard_normal((4, 5)).astype(np.float32), _rng.standard_normal((3, 4, 5)),
    _rng.standard_normal(2000).astype(np.float32), _rng.standard_normal((50, 50)).astype(np.float32),
    _rng.standard_normal((10, 10, 20)).astype(np.float32), np.arange(2000), np.arange(30),
    _rng.integers(-1000, 1000, (40, 40)), np.array([True, False]), _rng.random((12, 12)) > 0.5,
    np.zeros((0, 3), np.float32), np.zeros(0, np.float32), np.zeros(0, np.int64), np.zeros((2, 0), np.float64),
    np.array([123456.789, 1.0], np.float32), np.array([1e-3, 1.0], np.float32), np.array([1.0, 1000.0], np.float32),
    np.array([1.0, 1001.0], np.float32), np.array([1e10, 2e10], np.float64), np.array([100., 2000.], np.float64),
    (_rng.standard_normal(100) * 1e5).astype(np.float32), np.array([[1e-8]], np.float32), np.array(np.nan, np.float32),
    np.array(-2.0, np.float64), np.array([-1, 10**12]), _rng.standard_normal((1, 1, 1, 1)).astype(np.float32),
    _rng.standard_normal((7, 8, 9, 3)).astype(np.float32), np.ones((3, 400), np.float32),
]


def _torch_repr(x, **kwargs):
    torch = pytest.importorskip("torch")
    t = torch.tensor(x, **kwargs) if not isinstance(x, np.ndarray) else torch.from_numpy(x.copy())
    return repr(t).replace("torch.", "rustorch.")


def _normalize(s):
    # "rustorch." is 3 characters longer than "torch.", which can move a dtype suffix onto its own line.
    return re.sub(r",\n\s+dtype=", ", dtype=", s)


@pytest.mark.parametrize("i", range(len(REPR_CASES)))
def test_repr_matches_torch(i):
    a = REPR_CASES[i]
    assert _normalize(repr(rt.tensor(a))) == _normalize(_torch_repr(a))
    assert str(rt.tensor(a)) == repr(rt.tensor(a))


def test_repr_suffixes():
    x = rt.tensor([1.0, 2.0], requires_grad=True)
    assert repr(x) == "tensor([1., 2.], requires_grad=True)"
    assert repr(x * 2) == "tensor([2., 4.], grad_fn=<MulBackward>)"
    y = rt.tensor([1.0, 2.0], dtype=rt.float64, requires_grad=True)
    assert repr(y) == "tensor([1., 2.], dtype=rustorch.float64, requires_grad=True)"
    assert repr(rt.zeros(2, 0, dtype=rt.int64)) == "tensor([], size=(2, 0), dtype=rustorch.int64)"
    assert repr(rt.tensor([[1, 2], [3, 4]])) == "tensor([[1, 2],\n        [3, 4]])"
    assert repr(rt.tensor([[1.0, 2.0], [3.0, 4.0]])) == "tensor([[1., 2.],\n        [3., 4.]])"
    assert repr(rt.tensor([1.25, 2.0])) == "tensor([1.2500, 2.0000])"
    assert repr(rt.tensor([1e-5, 1.0])) == "tensor([1.0000e-05, 1.0000e+00])"


def test_repr_follows_default_dtype():
    rt.set_default_dtype(rt.float64)
    try:
        assert repr(rt.tensor([1.5])) == "tensor([1.5000])"
        assert repr(rt.tensor([1.5], dtype=rt.float32)) == "tensor([1.5000], dtype=rustorch.float32)"
    finally:
        rt.set_default_dtype(rt.float32)


def test_print_options():
    t = rt.tensor([1.123456, 2.0])
    with rt.printoptions(precision=2):
        assert repr(t) == "tensor([1.12, 2.00])"
    assert repr(t) == "tensor([1.1235, 2.0000])"
    with rt.printoptions(threshold=5):
        assert repr(rt.arange(10)) == "tensor([0, 1, 2,  ..., 7, 8, 9])"
    with rt.printoptions(sci_mode=True):
        assert repr(rt.tensor([1.0])) == "tensor([1.0000e+00])"
    opts = rt.get_printoptions()
    assert opts["precision"] == 4 and opts["threshold"] == 1000
    with pytest.raises(ValueError, match="set_printoptions: unknown profile"):
        rt.set_printoptions(profile="bogus")
    torch = pytest.importorskip("torch")
    with rt.printoptions(threshold=5, edgeitems=2, linewidth=40), torch._tensor_str.printoptions(
            threshold=5, edgeitems=2, linewidth=40):
        a = np.arange(60, dtype=np.float32).reshape(3, 20) / 7
        assert repr(rt.tensor(a)) == repr(torch.from_numpy(a))
