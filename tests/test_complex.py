"""Complex dtypes (rt.complex64, rt.complex128) against NumPy and torch: creation, NumPy interop with
shared memory, .real/.imag views, abs/angle/conj, arithmetic with broadcasting and torch's type
promotion, comparisons, conversions, printing, layout ops; and a sweep over the public ops asserting
that every op either computes the right complex result or raises a TypeError that names the op and
the complex dtype (never garbage, never a crash). Autograd does not cover complex tensors."""
import inspect

import numpy as np
import pytest
import torch

import rustorch as rt

rng = np.random.default_rng(0)

CDTYPES = [rt.complex64, rt.complex128]
NP = {rt.complex64: np.complex64, rt.complex128: np.complex128, rt.float32: np.float32, rt.float64: np.float64,
      rt.int64: np.int64, rt.bool: np.bool_}
TORCH = {rt.complex64: torch.complex64, rt.complex128: torch.complex128, rt.float32: torch.float32,
         rt.float64: torch.float64, rt.int64: torch.int64, rt.bool: torch.bool}
ALL_DTYPES = [rt.bool, rt.int64, rt.float32, rt.float64, rt.complex64, rt.complex128]
TOL = {rt.complex64: 1e-6, rt.complex128: 1e-14, rt.float32: 1e-6, rt.float64: 1e-14}


def carr(shape, dtype=rt.complex128):
    return (rng.standard_normal(shape) + 1j * rng.standard_normal(shape)).astype(NP[dtype])


def any_arr(shape, dtype):
    if dtype in CDTYPES:
        return carr(shape, dtype)
    if dtype == rt.bool:
        return rng.random(shape) < 0.5
    if dtype == rt.int64:
        return rng.integers(-5, 6, shape)
    return rng.standard_normal(shape).astype(NP[dtype])


def close(got, expected, dtype=rt.complex128):
    tol = TOL.get(dtype, 1e-6)
    got = got.numpy() if isinstance(got, rt.Tensor) else np.asarray(got)
    np.testing.assert_allclose(got, expected, rtol=tol * 10, atol=tol * 10)


# ---- dtypes and creation --------------------------------------------------------------------------

def test_dtype_objects():
    assert rt.cfloat is rt.complex64 and rt.cdouble is rt.complex128
    assert repr(rt.complex64) == "rustorch.complex64"
    assert rt.complex64.itemsize == 8 and rt.complex128.itemsize == 16
    assert rt.complex64.is_complex and not rt.complex64.is_floating_point and not rt.float32.is_complex
    assert rt.complex64.to_real() is rt.float32 and rt.float64.to_complex() is rt.complex128
    assert rt.promote_types(rt.float64, rt.complex64) is rt.complex128
    assert rt.promote_types(rt.int64, rt.complex64) is rt.complex64
    assert rt.promote_types(rt.complex128, rt.float32) is rt.complex128
    for a in ALL_DTYPES:
        for b in ALL_DTYPES:
            assert rt.promote_types(a, b).name == str(torch.promote_types(TORCH[a], TORCH[b])).split(".")[1]


def test_tensor_from_python_complex_numbers():
    z = rt.tensor([1 + 2j, 3 - 1j, 0.5])
    assert z.dtype == rt.complex64 and z.is_complex() and not z.is_floating_point()
    assert z.tolist() == [1 + 2j, 3 - 1j, 0.5 + 0j]
    assert rt.tensor(2j).dtype == rt.complex64 and rt.tensor(2j).item() == 2j
    assert rt.tensor([[1, 2.5], [3j, True]]).dtype == rt.complex64
    assert rt.tensor([1, 2], dtype=rt.complex128).tolist() == [1 + 0j, 2 + 0j]
    assert rt.tensor([1j], dtype=complex).dtype == rt.complex128
    rt.set_default_dtype(rt.float64)
    try:
        assert rt.tensor([1j]).dtype == rt.complex128  # the complex dtype of the default float
    finally:
        rt.set_default_dtype(rt.float32)
    with pytest.raises(TypeError, match="tensor: can't store complex values in a float32 tensor"):
        rt.tensor([1 + 1j], dtype=rt.float32)


@pytest.mark.parametrize("dtype", CDTYPES)
def test_numpy_interop_shares_memory(dtype):
    a = carr((3, 4), dtype)
    t = rt.from_numpy(a)
    assert t.dtype == dtype and t.shape == (3, 4)
    a[1, 2] = 7 - 7j
    assert t[1, 2].item() == 7 - 7j  # from_numpy shares memory
    n = t.numpy()
    assert n.dtype == NP[dtype]
    n[0, 0] = 1j
    assert a[0, 0] == 1j and t[0, 0].item() == 1j
    # rt.tensor copies (like torch.tensor), keeping the NumPy dtype.
    c = rt.tensor(a)
    assert c.dtype == dtype
    a[0, 0] = 5
    assert c[0, 0].item() == 1j
    # non-contiguous views come back as strided NumPy views of the same memory
    close(t.mT.numpy(), a.T, dtype)
    assert np.shares_memory(t.mT.numpy(), a)
    close(np.asarray(t), a, dtype)
    assert memoryview(t).format == ("Zf" if dtype == rt.complex64 else "Zd")


@pytest.mark.parametrize("dtype", CDTYPES)
def test_factories(dtype):
    assert rt.zeros(2, 3, dtype=dtype).tolist() == [[0j] * 3] * 2
    assert rt.ones(2, dtype=dtype).tolist() == [1 + 0j, 1 + 0j]
    assert rt.full((2,), 1 - 2j, dtype=dtype).tolist() == [1 - 2j, 1 - 2j]
    assert rt.full((2,), 1 - 2j).dtype == rt.complex64
    assert rt.empty(4, dtype=dtype).shape == (4,)
    x = rt.tensor(carr((2, 2), dtype))
    for like in (rt.zeros_like(x), rt.ones_like(x), rt.empty_like(x), rt.full_like(x, 3j)):
        assert like.dtype == dtype and like.shape == (2, 2)
    assert rt.full_like(x, 3j).tolist() == [[3j, 3j], [3j, 3j]]
    assert rt.zeros_like(rt.zeros(2), dtype=dtype).dtype == dtype
    assert rt.eye(2, dtype=dtype).tolist() == [[1, 0], [0, 1]]
    x.fill_(2 + 1j)
    assert x.tolist() == [[2 + 1j] * 2] * 2
    with pytest.raises(TypeError, match="fill_: can't fill a float32 tensor with the complex value"):
        rt.zeros(2).fill_(1j)
    with pytest.raises(TypeError, match="complex"):
        rt.full((2,), 1j, dtype=rt.float32)


# ---- parts, abs, angle, conj ------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", CDTYPES)
def test_real_imag_are_views(dtype):
    a = carr((3, 4), dtype)
    z = rt.tensor(a)
    re, im = z.real, z.imag
    assert re.dtype == dtype.to_real() and im.dtype == dtype.to_real()
    close(re, a.real, dtype)
    close(im, a.imag, dtype)
    close(rt.real(z), a.real, dtype)
    close(rt.imag(z), a.imag, dtype)
    # writes go through to the complex tensor, as in torch
    re[0].fill_(10.0)
    im[:, 1] = -3.0
    a[0].real = 10.0
    a[:, 1].imag = -3.0
    close(z, a, dtype)
    # parts of views (transposed, sliced) keep their geometry
    close(z.mT.real, a.T.real, dtype)
    close(z[1:, ::2].imag, a[1:, ::2].imag, dtype)
    x = rt.tensor([1.0, 2.0])
    assert x.real is x or x.real.data_ptr() == x.data_ptr()
    with pytest.raises(TypeError, match="imag: not implemented for tensors with non-complex dtypes"):
        x.imag


@pytest.mark.parametrize("dtype", CDTYPES)
def test_view_as_real_and_complex(dtype):
    a = carr((2, 3), dtype)
    z = rt.tensor(a)
    r = rt.view_as_real(z)
    assert r.shape == (2, 3, 2) and r.dtype == dtype.to_real()
    close(r, np.stack([a.real, a.imag], axis=-1), dtype)
    back = rt.view_as_complex(r)
    assert back.dtype == dtype
    close(back, a, dtype)
    r[0, 0, 1] = 42.0
    assert z[0, 0].item().imag == 42.0
    with pytest.raises(ValueError, match="view_as_complex: tensor must have a last dimension of size 2"):
        rt.view_as_complex(rt.zeros(2, 3))
    with pytest.raises(ValueError, match="view_as_complex: tensor must have a last dimension with stride 1"):
        rt.view_as_complex(rt.zeros(2, 2).mT)
    with pytest.raises(TypeError, match="view_as_real: only supported for complex tensors"):
        rt.view_as_real(rt.zeros(2))


@pytest.mark.parametrize("dtype", [rt.float32, rt.float64])
def test_complex_from_parts_broadcasts(dtype):
    re = rng.standard_normal((3, 1)).astype(NP[dtype])
    im = rng.standard_normal((4,)).astype(NP[dtype])
    z = rt.complex(rt.tensor(re), rt.tensor(im))
    assert z.dtype == dtype.to_complex() and z.shape == (3, 4)
    close(z, re + 1j * im, dtype.to_complex())
    with pytest.raises(TypeError, match="complex: expected real and imag to have the same dtype"):
        rt.complex(rt.zeros(2), rt.zeros(2, dtype=rt.float64))
    with pytest.raises(TypeError, match="complex: expected both inputs to be float32 or float64"):
        rt.complex(rt.zeros(2, dtype=rt.int64), rt.zeros(2, dtype=rt.int64))
    with pytest.raises(ValueError, match="complex"):
        rt.complex(rt.zeros(2), rt.zeros(3))


@pytest.mark.parametrize("dtype", CDTYPES)
def test_abs_angle_conj(dtype):
    a = carr((5, 6), dtype)
    a[0, 0] = 0
    a[0, 1] = -2  # angle pi
    a[0, 2] = 3e30 + 4e30j if dtype == rt.complex64 else 3e300 + 4e300j  # no overflow in |z|
    z = rt.tensor(a)
    for x, ref in ((z, a), (z.mT, a.T), (z[::2, 1::3], a[::2, 1::3])):
        assert rt.abs(x).dtype == dtype.to_real() and x.abs().dtype == dtype.to_real()
        np.testing.assert_allclose(rt.abs(x).numpy(), np.abs(ref), rtol=TOL[dtype] * 10)
        np.testing.assert_allclose(rt.angle(x).numpy(), np.angle(ref), rtol=TOL[dtype] * 10, atol=TOL[dtype] * 10)
        close(rt.conj(x), np.conj(ref), dtype)
        close(x.conj(), np.conj(ref), dtype)
    with pytest.raises(TypeError, match="abs_: not supported for complex tensors"):
        z.abs_()


def test_angle_and_conj_of_real_tensors_match_torch():
    x = [-2.0, -0.0, 0.0, 3.0, float("nan"), float("-inf")]
    np.testing.assert_array_equal(rt.angle(rt.tensor(x)).numpy(), torch.angle(torch.tensor(x)).numpy())
    assert rt.angle(rt.tensor([-1, 2])).tolist() == pytest.approx(torch.angle(torch.tensor([-1, 2])).tolist())
    r = rt.tensor([1.0, 2.0])
    assert rt.conj(r).tolist() == [1.0, 2.0] and rt.real(r).tolist() == [1.0, 2.0]


# ---- arithmetic and promotion ------------------------------------------------------------------------

BINARY = {"add": np.add, "sub": np.subtract, "mul": np.multiply, "div": np.true_divide}


@pytest.mark.parametrize("op", list(BINARY))
@pytest.mark.parametrize("da", ALL_DTYPES)
@pytest.mark.parametrize("db", CDTYPES)
def test_binary_ops_promote_like_torch(op, da, db):
    a, b = any_arr((3, 1, 4), da), any_arr((2, 1), db)  # broadcast to (3, 2, 4)
    if op == "div":
        b = b + (b == 0)
    ta, tb = rt.tensor(a), rt.tensor(b)
    for x, y, xa, yb in ((ta, tb, a, b), (tb, ta, b, a)):
        if op == "sub" and rt.bool in (x.dtype, y.dtype):
            with pytest.raises(TypeError, match="sub"):
                getattr(rt, op)(x, y)
            continue
        got = getattr(rt, op)(x, y)
        want_dtype = torch.result_type(torch.from_numpy(np.asarray(xa)), torch.from_numpy(np.asarray(yb)))
        if op == "div" and not want_dtype.is_complex:
            want_dtype = torch.get_default_dtype()
        assert got.dtype.name == str(want_dtype).split(".")[1], (op, x.dtype, y.dtype)
        with np.errstate(all="ignore"):
            close(got, BINARY[op](xa.astype(np.complex128), yb.astype(np.complex128)), got.dtype)


@pytest.mark.parametrize("dtype", [rt.int64, rt.float32, rt.float64, rt.complex64, rt.complex128])
@pytest.mark.parametrize("scalar", [2, 2.5, 1.5 - 2j])
def test_python_scalars_promote_like_torch(dtype, scalar):
    a = any_arr((4,), dtype)
    t, ta = rt.tensor(a), torch.from_numpy(np.asarray(a))
    for got, want in ((t + scalar, ta + scalar), (scalar - t, scalar - ta), (t * scalar, ta * scalar),
                      (scalar / (t + 10), scalar / (ta + 10)), (t / scalar, ta / scalar)):
        assert got.dtype.name == str(want.dtype).split(".")[1], (dtype, scalar)
        close(got, want.numpy(), got.dtype if got.dtype in TOL else rt.float64)
    # 0-dim tensors: a complex 0-dim operand keeps a float64 tensor's precision (torch's rule)
    z0 = rt.tensor(1j, dtype=rt.complex64)
    assert (rt.zeros(2, dtype=rt.float64) + z0).dtype == rt.complex128
    assert (rt.zeros(2, dtype=rt.float32) + rt.tensor(1j, dtype=rt.complex128)).dtype == rt.complex64
    assert (rt.zeros(2, dtype=rt.int64) + rt.tensor(1j, dtype=rt.complex128)).dtype == rt.complex128


@pytest.mark.parametrize("dtype", CDTYPES)
def test_neg_eq_ne_inplace_and_noncontiguous(dtype):
    a, b = carr((4, 5), dtype), carr((4, 5), dtype)
    b[1] = a[1]
    x, y = rt.tensor(a), rt.tensor(b)
    close(-x, -a, dtype)
    close(rt.neg(x.mT), -a.T, dtype)
    np.testing.assert_array_equal((x == y).numpy(), a == b)
    np.testing.assert_array_equal((x != y).numpy(), a != b)
    np.testing.assert_array_equal(rt.eq(x, 1j).numpy(), a == 1j)
    assert rt.equal(x, x.clone()) and not rt.equal(x, y)
    close(x.mT * y.mT, (a * b).T, dtype)
    close(x[:, ::2] + y[:, 1:4], a[:, ::2] + b[:, 1:4], dtype)
    c = x.clone()
    c += y
    c *= 2j
    c -= 1
    c /= y
    close(c, ((a + b) * 2j - 1) / b, dtype)
    mask = a.real > 0
    close(rt.where(rt.tensor(mask), x, y), np.where(mask, a, b), dtype)
    close(rt.where(rt.tensor(mask), x, 0.5), np.where(mask, a, 0.5), dtype)
    c.add_(rt.ones(5))  # a real operand that broadcasts: fine
    with pytest.raises(TypeError, match="add_: result type complex.* can't be cast to the desired output type float32"):
        rt.zeros(4, 5).add_(x)


# ---- conversions, Python values, printing ----------------------------------------------------------

def test_conversions():
    z = rt.tensor([1 + 2j, -3j])
    assert z.to(rt.complex128).dtype == rt.complex128 and z.to(rt.complex128).tolist() == [1 + 2j, -3j]
    assert z.type(rt.complex128).dtype == rt.complex128
    assert rt.tensor([1.5, 2]).to(rt.complex64).tolist() == [1.5 + 0j, 2 + 0j]
    assert rt.tensor([1, 0]).to(rt.complex64).tolist() == [1 + 0j, 0j]
    assert z.to(rt.bool).tolist() == [True, True] and rt.tensor([0j]).bool().tolist() == [False]
    for to_real in (lambda: z.float(), lambda: z.to(rt.float64), lambda: z.long(), lambda: rt.zeros(2).copy_(z)):
        with pytest.raises(TypeError, match="can't convert a complex64 tensor to .*discard the imaginary part"):
            to_real()
    assert complex(rt.tensor(1 - 1j)) == 1 - 1j
    assert rt.tensor(1 - 1j, dtype=rt.complex128).item() == 1 - 1j
    assert isinstance(rt.tensor([1j])[0].item(), complex)
    with pytest.raises(TypeError, match="complex"):
        float(rt.tensor(1j))
    with pytest.raises(TypeError, match=r"^sort: not supported for complex64 tensors"):
        rt.tensor([1j]).sort()
    with pytest.raises(TypeError, match="complex"):
        int(rt.tensor(1j))


@pytest.mark.parametrize("values", [[1 + 2j, 3 - 4j], [0.5 + 1.25j, -2.0 - 0.001j, 1e5j], [[1j, 2], [3, 4 - 1j]],
                                    [], 1 + 1j])
@pytest.mark.parametrize("dtype", CDTYPES)
def test_repr_matches_torch(values, dtype):
    assert repr(rt.tensor(values, dtype=dtype)) == repr(torch.tensor(values, dtype=TORCH[dtype])).replace(
        "torch.", "rustorch.")


# ---- layout ops (generic copy / view paths) -------------------------------------------------------

@pytest.mark.parametrize("dtype", CDTYPES)
def test_layout_ops(dtype):
    a, b = carr((2, 3, 4), dtype), carr((2, 3, 4), dtype)
    x, y = rt.tensor(a), rt.tensor(b)
    close(x[1], a[1], dtype)
    close(x[:, 1:, ::2], a[:, 1:, ::2], dtype)
    close(x[..., -1], a[..., -1], dtype)
    close(x.reshape(6, 4), a.reshape(6, 4), dtype)
    close(x.view(-1), a.reshape(-1), dtype)
    close(x.transpose(0, 2).contiguous(), a.transpose(2, 1, 0), dtype)
    assert x.transpose(0, 2).contiguous().is_contiguous()
    close(x.permute(1, 2, 0).clone(), a.transpose(1, 2, 0), dtype)
    close(x.unsqueeze(0).squeeze(0), a, dtype)
    close(x[:, :1].expand(2, 3, 4), np.broadcast_to(a[:, :1], (2, 3, 4)), dtype)
    close(x.flatten(), a.reshape(-1), dtype)
    close(rt.cat([x, y], dim=1), np.concatenate([a, b], axis=1), dtype)
    close(rt.cat([x.mT, y.mT], dim=0), np.concatenate([a.transpose(0, 2, 1), b.transpose(0, 2, 1)]), dtype)
    close(rt.stack([x, y], dim=-1), np.stack([a, b], axis=-1), dtype)
    close(rt.cat([x, rt.ones(2, 3, 4)], dim=0), np.concatenate([a, np.ones((2, 3, 4))]), dtype)  # promotes
    c = x.clone()
    c[0, 0] = 5j
    c[1, :, 1] = rt.tensor([1j, 2j, 3j], dtype=dtype)
    a2 = a.copy()
    a2[0, 0] = 5j
    a2[1, :, 1] = [1j, 2j, 3j]
    close(c, a2, dtype)
    close(x, a, dtype)  # clone did not alias


# ---- autograd -----------------------------------------------------------------------------------------

def test_complex_tensors_cannot_require_grad():
    with pytest.raises(TypeError, match="requires_grad_: autograd is not supported for complex tensors"):
        rt.tensor([1j], requires_grad=True)
    with pytest.raises(TypeError, match="autograd is not supported for complex tensors"):
        rt.zeros(2, dtype=rt.complex64).requires_grad_()
    x = rt.tensor([1.0, 2.0], requires_grad=True)
    with pytest.raises(TypeError, match="AddBackward: autograd is not supported for complex tensors"):
        x + 1j
    with pytest.raises(TypeError, match="MulBackward: autograd is not supported for complex tensors"):
        x * rt.tensor([1j, 2j])
    with pytest.raises(TypeError, match="complex: autograd is not supported for complex tensors"):
        rt.complex(x, x)
    with rt.no_grad():
        assert (x + 1j).tolist() == [1 + 1j, 2 + 1j]
    assert (x.detach() * 1j).tolist() == [1j, 2j]


# ---- the sweep: every public op given complex input computes the right thing or raises TypeError --------

Z = carr((3, 4))
ZT = rt.tensor(Z)

# Ops that support complex tensors but are not linear over the reals (or return real parts): each is
# checked against NumPy by the tests above, so the sweep only requires them not to fail oddly.
NONLINEAR = {"abs", "absolute", "__abs__", "angle", "real", "imag", "view_as_real", "mul", "multiply", "__mul__",
             "__rmul__", "mul_", "__imul__", "div", "divide", "true_divide", "__truediv__", "__rtruediv__", "div_",
             "__itruediv__", "square", "conj", "conj_physical", "eq", "ne", "equal", "where", "complex", "__eq__",
             "__ne__", "copy_", "fill_", "full_like", "tensor", "as_tensor", "clone", "zeros_like", "ones_like",
             "empty_like", "detach", "detach_", "data", "contiguous", "cpu", "to", "type", "requires_grad_",
             "Variable", "new_tensor", "new_empty", "new_zeros", "new_ones", "new_full", "masked_fill", "dot", "vdot"}
# Ops that use a tensor argument only for its shape (rt.bernoulli(input, p) samples with probability p).
NONLINEAR |= {"bernoulli"}
# Functions the sweep must not call blindly (global state, files, or in-place random fills).
SKIP = {"manual_seed", "seed", "initial_seed", "set_num_threads", "set_default_dtype", "save", "load",
        "set_printoptions", "set_grad_enabled", "use_deterministic_algorithms", "backward", "register_hook",
        "apply_", "map_", "set_", "resize_", "uniform_", "normal_", "random_", "bernoulli_", "exponential_",
        "geometric_", "cauchy_", "log_normal_", "printoptions", "get_printoptions", "set_flush_denormal"}


def _public_callables():
    names = set()
    for name in dir(rt):
        obj = getattr(rt, name)
        if not name.startswith("_") and callable(obj) and not inspect.isclass(obj) and not inspect.ismodule(obj):
            names.add(("rt", name))
    for name in dir(rt.Tensor):
        if not name.startswith("_") or name in ("__abs__", "__neg__", "__invert__", "__add__", "__mul__", "__sub__",
                                                 "__truediv__", "__pow__", "__lt__", "__mod__", "__floordiv__",
                                                 "__matmul__", "__getitem__", "__and__", "__rsub__", "__radd__"):
            names.add(("Tensor", name))
    return sorted(names - {(k, n) for k in ("rt", "Tensor") for n in SKIP})


def _variants(kind, name):
    """Calls of the op with a complex tensor zv in typical argument positions (zv is replaced by the
    real and imaginary parts to compute the reference)."""
    if kind == "rt":
        f = getattr(rt, name)
        return [lambda zv: f(zv), lambda zv: f(zv, zv), lambda zv: f(zv, 0), lambda zv: f(zv, 0, 1),
                lambda zv: f([zv, zv]), lambda zv: f(rt.zeros(3, 4, dtype=rt.float64), zv)]
    if not callable(getattr(rt.Tensor, name)):
        return [lambda zv: getattr(zv, name)]
    return [lambda zv: getattr(zv, name)(), lambda zv: getattr(zv, name)(zv), lambda zv: getattr(zv, name)(0),
            lambda zv: getattr(zv, name)(0, 1)]


def _tensors(out):
    return list(out) if isinstance(out, (tuple, list)) else [out]


@pytest.mark.parametrize("kind,name", _public_callables())
def test_sweep_public_ops_with_complex_input(kind, name):
    for variant in _variants(kind, name):
        z = ZT.clone()
        try:
            out = variant(z)
        except TypeError as e:
            # The arguments did not fit, or the op refuses complex input: then it says so, naming the dtype.
            msg = str(e)
            if "complex" in msg and "incompatible function arguments" not in msg:
                assert any(w in msg for w in ("complex64", "complex128", "complex number", "complex value")), msg
            continue
        except (ValueError, IndexError, RuntimeError, NotImplementedError) as e:
            # Shape / argument errors; an error about complex input names the dtype.
            msg = str(e)
            assert "complex" not in msg or "complex64" in msg or "complex128" in msg, f"{kind}.{name}: {msg}"
            continue
        outs = [o for o in _tensors(out) if isinstance(o, rt.Tensor) and o.dtype not in (rt.bool, rt.int64)]
        if name in NONLINEAR or not outs:
            continue
        # A complex result of an op that is linear over the reals (views, copies, joins, add, ...) is the
        # op applied to the real parts plus i times the op applied to the imaginary parts.
        assert all(o.is_complex() for o in outs), f"{kind}.{name} turned complex input into {outs[0].dtype}"
        re, im = variant(rt.tensor(Z.real.copy())), variant(rt.tensor(Z.imag.copy()))
        for o, r, i in zip(outs, _tensors(re), _tensors(im)):
            np.testing.assert_allclose(o.numpy(), r.numpy() + 1j * i.numpy(), rtol=1e-12, atol=1e-12,
                                       err_msg=f"{kind}.{name}")


@pytest.mark.parametrize("name", ["exp", "log", "sin", "sqrt", "sigmoid", "relu", "tanh", "floor", "sign",
                                  "sum", "mean", "prod", "max", "min", "argmax", "cumsum", "softmax",
                                  "log_softmax", "matmul", "pow", "maximum", "clamp", "lt", "isclose",
                                  "remainder", "atan2", "sort", "topk", "std", "norm", "logsumexp"])
def test_unsupported_ops_name_themselves(name):
    """Representative ops from each family raise TypeError naming the op (or a generic complex message)."""
    z = ZT.clone()
    calls = {"softmax": lambda: rt.softmax(z, 0), "log_softmax": lambda: rt.log_softmax(z, 0),
             "matmul": lambda: rt.matmul(z, z.mT), "pow": lambda: rt.pow(z, 2), "maximum": lambda: rt.maximum(z, z),
             "clamp": lambda: rt.clamp(z, -1, 1),
             "lt": lambda: z < z, "isclose": lambda: rt.isclose(z, z), "remainder": lambda: z % 2,
             "atan2": lambda: rt.atan2(z, z), "topk": lambda: rt.topk(z, 2), "logsumexp": lambda: rt.logsumexp(z, 0),
             "cumsum": lambda: rt.cumsum(z, 0)}
    call = calls.get(name, lambda: getattr(rt, name)(z))
    with pytest.raises(TypeError) as info:
        call()
    msg = str(info.value)
    assert "complex128" in msg and msg.startswith(name + ": "), msg
