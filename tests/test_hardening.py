"""Regression tests for the bugs that fuzzing and the sanitizer/thread runs found (issue 13).
Each names the finding; the fuzz property that found it is in tests/fuzz/."""
import gzip
import os
import struct

import numpy as np
import pytest
import torch

import rustorch as rt
import rustorch.nn.functional as F
from rustorch.data.datasets import read_idx

OVERLAP = "more than one element of the written-to tensor refers to a single memory location"


# props_elementwise.binary found: x.add_(y) on an expand()ed x (stride 0) silently wrote each
# memory location several times (order-dependent result); torch refuses it.
@pytest.mark.parametrize("op", [
    lambda x: x.add_(1.0), lambda x: x.mul_(rt.ones(2, 3)), lambda x: x.neg_(), lambda x: x.clamp_(0, 1),
    lambda x: x.copy_(rt.ones(2, 3)), lambda x: x.uniform_(), lambda x: x.scatter_(0, rt.zeros(1, 3, dtype=rt.int64), 1.0),
    lambda x: x.index_add_(0, rt.tensor([0]), rt.ones(1, 3)), lambda x: x.sigmoid_(),
])
def test_inplace_on_expanded_tensor_raises(op):
    base = rt.zeros(1, 3)
    x = base.expand(2, 3)
    with pytest.raises(RuntimeError, match=OVERLAP):
        op(x)
    np.testing.assert_array_equal(base.numpy(), np.zeros((1, 3)))  # nothing was written


def test_inplace_on_expanded_tensor_matches_torch_for_value_writes():
    # Writing a value (no read-modify-write) into overlapping memory is well defined: allowed, as in torch.
    x = rt.zeros(1, 3).expand(2, 3)
    x.fill_(2.0)
    x.masked_fill_(rt.ones(2, 3, dtype=rt.bool), 3.0)
    np.testing.assert_array_equal(x.numpy(), np.full((2, 3), 3.0))
    y = rt.zeros(3)
    y.add_(rt.ones(1).expand(3))  # an expanded *source* is fine
    np.testing.assert_array_equal(y.numpy(), np.ones(3))


# props_nn.activation found: relu6/hardtanh turned an int64 tensor into float32 (torch keeps int64,
# with the bounds converted to the integer type).
def test_hardtanh_keeps_integer_dtype():
    x = rt.tensor([3, -5, 1, 9])
    tx = torch.tensor([3, -5, 1, 9])
    for got, want in [(F.relu6(x), torch.nn.functional.relu6(tx)),
                      (F.hardtanh(x, -1.5, 1.5), torch.nn.functional.hardtanh(tx, -1.5, 1.5))]:
        assert got.dtype == rt.int64
        np.testing.assert_array_equal(got.numpy(), want.numpy())
    np.testing.assert_allclose(F.relu6(rt.tensor([7.5, -1.0, 2.5])).numpy(), [6.0, 0.0, 2.5])


# A gzip "bomb": a 300 KB file that inflates to 300 MB behind a header promising 3 bytes. read_idx
# used to inflate all of it before validating; now it stops one byte after the promised size.
def test_read_idx_gzip_bomb_is_refused_without_inflating(tmp_path):
    path = tmp_path / "bomb-idx1-ubyte.gz"
    path.write_bytes(gzip.compress(bytes([0, 0, 8, 1]) + struct.pack(">I", 3) + bytes(300_000_000), compresslevel=1))
    import tracemalloc
    tracemalloc.start()
    with pytest.raises(ValueError, match="bomb-idx1-ubyte.gz' is corrupt"):
        read_idx(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 50 * 2**20, f"read_idx allocated {peak / 2**20:.0f} MiB for a 3-byte payload"


def test_read_idx_gzip_valid_and_truncated(tmp_path):
    payload = bytes([0, 0, 8, 2]) + struct.pack(">II", 2, 3) + bytes(range(6))
    (tmp_path / "ok.gz").write_bytes(gzip.compress(payload))
    np.testing.assert_array_equal(read_idx(tmp_path / "ok.gz"), np.arange(6, dtype=np.uint8).reshape(2, 3))
    (tmp_path / "short.gz").write_bytes(gzip.compress(payload[:-2]))
    with pytest.raises(ValueError, match="truncated"):
        read_idx(tmp_path / "short.gz")
    (tmp_path / "hdr.gz").write_bytes(gzip.compress(bytes([0, 0, 8, 3, 0, 0])))
    with pytest.raises(ValueError, match="truncated"):
        read_idx(tmp_path / "hdr.gz")


# props_reduce.reduce (long profile) found: x.all(dim=()) / x.any(dim=()) reduced every dim; torch
# reduces none (each element's truth value, shape kept), while sum/mean/amax(dim=()) reduce all.
@pytest.mark.parametrize("op", ["all", "any"])
@pytest.mark.parametrize("shape", [(0,), (2, 3), ()])
def test_all_any_with_empty_dim_tuple_reduce_nothing(op, shape):
    x = np.arange(int(np.prod(shape)), dtype=np.float32).reshape(shape) - 1
    got = getattr(rt.tensor(x), op)(dim=())
    want = getattr(torch.tensor(x), op)(dim=())
    assert got.dtype == rt.bool and tuple(got.shape) == tuple(want.shape)
    np.testing.assert_array_equal(got.numpy(), want.numpy())
    assert tuple(rt.tensor(x).sum(dim=()).shape) == ()  # unchanged: () still means all dims for sum


# props_nn.activation (long profile) found: threshold() turned an int64 tensor into float32; torch
# keeps int64 with threshold and value converted to the integer type.
def test_threshold_keeps_integer_dtype():
    x, tx = rt.tensor([3, -5, 0, 1]), torch.tensor([3, -5, 0, 1])
    for th, val in [(0.1, -1.0), (1.5, -2.7), (-6, 4)]:
        got, want = F.threshold(x, th, val), torch.nn.functional.threshold(tx, th, val)
        assert got.dtype == rt.int64
        np.testing.assert_array_equal(got.numpy(), want.numpy())


# props_files.idx_reader (long profile) found: an idx header with a zero dim next to huge ones
# (an empty array of shape (0, 2**32-1, 2**32-1)) passed validation and NumPy's reshape then
# raised its own "array is too big" without naming the file.
def test_read_idx_empty_but_unrepresentable_shape(tmp_path):
    path = tmp_path / "odd-idx3-ubyte"
    path.write_bytes(bytes([0, 0, 8, 3]) + struct.pack(">III", 0, 0xFFFFFFFF, 0xFFFFFFFF))
    with pytest.raises(ValueError, match=r"read_idx: '.*odd-idx3-ubyte' declares dims"):
        read_idx(path)
    (tmp_path / "empty").write_bytes(bytes([0, 0, 8, 2]) + struct.pack(">II", 0, 5))
    assert read_idx(tmp_path / "empty").shape == (0, 5)


# props_reduce.reduce (long profile) found: float32 std overflowed to inf when the deviations
# exceed ~1.8e19 (the variance is not representable in float32, the std is); torch returns it.
def test_float32_std_of_huge_values_is_finite():
    x = np.array([[1e30, 3.0, -2e25], [1.0, 4.0, 5e24]], dtype=np.float32)
    for dim in (0, 1, None):
        got = rt.tensor(x).std() if dim is None else rt.tensor(x).std(dim=dim)
        want = torch.tensor(x).std() if dim is None else torch.tensor(x).std(dim=dim)
        assert got.dtype == rt.float32
        np.testing.assert_allclose(got.numpy(), want.numpy(), rtol=1e-5)
    assert np.isinf(rt.tensor(x).var(dim=0).numpy()[0])  # the variance itself does overflow, as in torch


# props_nn.activation (long profile) found: softshrink/hardshrink mapped NaN to 0 (torch keeps NaN).
@pytest.mark.parametrize("name", ["softshrink", "hardshrink"])
def test_shrink_activations_propagate_nan(name):
    x = np.array([np.nan, -0.0, 1.92, -3.0, 0.3, 0.5, -0.5, np.inf, -np.inf], dtype=np.float32)
    got = getattr(F, name)(rt.tensor(x), 0.5).numpy()
    want = getattr(torch.nn.functional, name)(torch.tensor(x), 0.5).numpy()
    np.testing.assert_array_equal(got, want)


# props_nn.loss (long profile) found: triplet_margin_loss broadcast a 1-D positive against a batch
# of anchors and returned a loss; torch requires one ndim for all three inputs.
def test_triplet_margin_loss_requires_same_ndim():
    with pytest.raises(RuntimeError, match="triplet_margin_loss: .* same number of dimensions"):
        F.triplet_margin_loss(rt.ones(2, 3), rt.ones(3), rt.ones(2, 3))
    a, p_, n = (np.random.default_rng(i).standard_normal((4, 3)) for i in range(3))
    np.testing.assert_allclose(F.triplet_margin_loss(rt.tensor(a), rt.tensor(p_), rt.tensor(n)).item(),
                               torch.nn.functional.triplet_margin_loss(torch.tensor(a), torch.tensor(p_),
                                                                       torch.tensor(n)).item(), rtol=1e-10)


@pytest.mark.parametrize("beta, alpha", [(0.5, 1), (1, 1.5), (2.7, -1.2), (2, 3), (0, 1)])
def test_addmm_integer_operands_truncate_float_coefficients_like_torch(beta, alpha):
    # Found by the long fuzz profile (props_matmul.products): float coefficients promoted an int64
    # addmm to float32; torch truncates them and keeps int64.
    rng = np.random.default_rng(0)
    inp, m1, m2 = (rng.integers(-5, 5, size=s) for s in [(3, 4), (3, 2), (2, 4)])
    got = rt.addmm(rt.tensor(inp), rt.tensor(m1), rt.tensor(m2), beta=beta, alpha=alpha)
    want = torch.addmm(torch.tensor(inp), torch.tensor(m1), torch.tensor(m2), beta=beta, alpha=alpha)
    assert got.dtype == rt.int64
    np.testing.assert_array_equal(got.numpy(), want.numpy())


def test_threshold_passes_nan_through_like_torch():
    # Found by the long fuzz profile (props_nn.activation): NaN became `value`.
    x = np.array([np.nan, -2.0, 1.9], dtype=np.float32)
    got = F.threshold(rt.tensor(x), 0.1, -1.0).numpy()
    want = torch.nn.functional.threshold(torch.tensor(x), 0.1, -1.0).numpy()
    np.testing.assert_array_equal(got, want)


def test_soft_margin_loss_refuses_a_target_that_grows_the_input():
    # Found by the long fuzz profile (props_nn.loss): (0, 1) input with a (0,) target broadcast to (0, 0)
    # and returned nan; torch refuses it.
    with pytest.raises(ValueError, match="soft_margin_loss: target of shape"):
        F.soft_margin_loss(rt.zeros(0, 1), rt.zeros(0))
    with pytest.raises(ValueError, match="soft_margin_loss"):
        F.soft_margin_loss(rt.zeros(3, 1), rt.ones(3))
    x, t = np.random.default_rng(0).standard_normal((2, 3, 4)).astype(np.float32), np.sign(np.arange(4.0) - 1.5)
    got = F.soft_margin_loss(rt.tensor(x), rt.tensor(t.astype(np.float32))).item()
    want = torch.nn.functional.soft_margin_loss(torch.tensor(x), torch.tensor(t.astype(np.float32))).item()
    assert abs(got - want) < 1e-6


def test_group_norm_refuses_one_value_per_group_like_torch():
    # Found by the long fuzz profile (props_nn.norm): torch refuses it, rustorch normalised a single value.
    with pytest.raises(ValueError, match="more than 1 value per channel"):
        F.group_norm(rt.ones(1, 2), 2)
    with pytest.raises(ValueError, match="more than 1 value per channel"):
        torch.nn.functional.group_norm(torch.ones(1, 2), 2)
    F.group_norm(rt.ones(2, 2), 2)  # two values per group (over the batch): allowed, as in torch


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_group_norm_of_constant_groups_is_exactly_the_bias_like_torch(dtype):
    # Found by the long fuzz profile (props_nn.norm): a group of one value (var 0, invstd 1/sqrt(eps))
    # gave ~1e-4 instead of torch's 0 because the mean was folded into the bias before scaling. The
    # exact answer is the bias (x - mean = 0); torch itself drifts from it for large values.
    x = np.array([[123.456, -7.89], [3.0e3, 0.125]], dtype=dtype)
    w, b = np.array([2.5, -1.5], dtype=dtype), np.array([0.25, -3.0], dtype=dtype)
    got = F.group_norm(rt.tensor(x), 2, rt.tensor(w), rt.tensor(b)).numpy()
    np.testing.assert_array_equal(got, np.broadcast_to(b, x.shape))
    small = np.array([[0.5, -2.0], [1.0, 0.0]], dtype=dtype)
    got = F.group_norm(rt.tensor(small), 2).numpy()
    np.testing.assert_array_equal(got, torch.nn.functional.group_norm(torch.tensor(small), 2).numpy())


@pytest.mark.parametrize("training", [True, False])
def test_batch_norm_of_a_constant_channel_is_exactly_the_bias(training):
    # Found by the long fuzz profile (props_nn.norm): a constant channel gave 0.25011 instead of the bias
    # 0.25 (torch float32: 0.24977) - same cause as group_norm above, in the batch-norm kernel.
    x = np.broadcast_to(np.array([[7.3, -1234.5]], dtype=np.float32), (3, 2)).copy()
    rm, rv = rt.tensor(x[0]), rt.zeros(2)  # eval: the running mean is the value, the variance 0
    got = F.batch_norm(rt.tensor(x), rm, rv, rt.full((2,), 1.5), rt.full((2,), 0.25), training, 0.1, 1e-5).numpy()
    np.testing.assert_array_equal(got, np.full((3, 2), 0.25, dtype=np.float32))
    exact = torch.nn.functional.batch_norm(torch.tensor(x).double(), torch.tensor(x[0]).double(), torch.zeros(2).double(),
                                           torch.full((2,), 1.5).double(), torch.full((2,), 0.25).double(), training)
    np.testing.assert_allclose(got, exact.numpy(), atol=1e-7)


def test_multilabel_soft_margin_loss_refuses_mismatched_target():
    # Found by the long fuzz profile (props_nn.loss): a (0,) target against (1, 1) input gave nan.
    with pytest.raises(ValueError, match="multilabel_soft_margin_loss: target of shape"):
        F.multilabel_soft_margin_loss(rt.zeros(1, 1), rt.zeros(0))


@pytest.mark.parametrize("length, k, stride, dilation, padding, output_padding",
                         [(1, 1, 1, 2, 0, 1), (3, 2, 1, 3, 0, 2), (4, 3, 2, 3, 1, 2), (5, 2, 1, 2, 0, 1)])
def test_conv_transpose_output_padding_past_the_stride_like_torch(length, k, stride, dilation, padding,
                                                                   output_padding):
    # Found by the long fuzz profile (props_nn.conv): output_padding >= stride (valid while below the
    # dilation) raised "gradient of shape ... does not match the convolution output shape".
    rng = np.random.default_rng(0)
    x, w, b = rng.standard_normal((2, 3, length)), rng.standard_normal((3, 2, k)), rng.standard_normal(2)
    kw = dict(stride=stride, padding=padding, output_padding=output_padding, dilation=dilation)
    xr, wr = rt.tensor(x, requires_grad=True), rt.tensor(w, requires_grad=True)
    xt, wt = torch.tensor(x, requires_grad=True), torch.tensor(w, requires_grad=True)
    y = F.conv_transpose1d(xr, wr, rt.tensor(b), **kw)
    yt = torch.nn.functional.conv_transpose1d(xt, wt, torch.tensor(b), **kw)
    (y * y).sum().backward()
    (yt * yt).sum().backward()
    np.testing.assert_allclose(y.detach().numpy(), yt.detach().numpy(), atol=1e-12)
    np.testing.assert_allclose(xr.grad.numpy(), xt.grad.numpy(), atol=1e-10)
    np.testing.assert_allclose(wr.grad.numpy(), wt.grad.numpy(), atol=1e-10)
    y2 = F.conv_transpose2d(rt.tensor(x[:, :, None]), rt.tensor(w[:, :, None]), stride=(1, stride),
                            padding=(0, padding), output_padding=(0, output_padding), dilation=(1, dilation))
    y2t = torch.nn.functional.conv_transpose2d(torch.tensor(x[:, :, None]), torch.tensor(w[:, :, None]),
                                               stride=(1, stride), padding=(0, padding),
                                               output_padding=(0, output_padding), dilation=(1, dilation))
    np.testing.assert_allclose(y2.numpy(), y2t.numpy(), atol=1e-12)


def test_einsum_broadcasts_a_batch_dim_of_one_against_zero_like_torch():
    # Found by the long fuzz profile (props_matmul.einsum): a batch dim of size 1 against one of size 0
    # took the larger size (1) instead of broadcasting to 0.
    a, b = np.zeros((1, 0, 1, 2), np.float32), np.zeros((1, 1, 0), np.float32)
    got = rt.einsum("...ij,...jk->...ik", rt.tensor(a), rt.tensor(b))
    want = torch.einsum("...ij,...jk->...ik", torch.tensor(a), torch.tensor(b))
    assert tuple(got.shape) == tuple(want.shape) == (1, 0, 1, 0)
    x, y = np.ones((0, 3, 2), np.float32), np.ones((1, 2, 4), np.float32)
    assert tuple(rt.einsum("bij,bjk->bik", rt.tensor(x), rt.tensor(y)).shape) == (0, 3, 4)


@pytest.mark.parametrize("values, p", [([1e30], 2), ([3e20, 4e20], 2), ([1e-30, 1e-30], 2), ([3e20, 4e20], 3),
                                       ([2e-20, 0.0], 3)])
def test_float32_norm_does_not_overflow_or_underflow_in_its_squares(values, p):
    # Found by the long fuzz profile (props_reduce.reduce): a float32 0-d 1e30 had norm inf (its square
    # overflows float32); tiny values had norm 0. The norm itself is representable: float64 is the oracle.
    got = rt.tensor(values).norm(p=p).item()
    want = float(np.float32(np.linalg.norm(np.array(values, np.float64), ord=p)))
    assert got == pytest.approx(want, rel=1e-6)
    assert rt.linalg.vector_norm(rt.tensor(values), ord=p).item() == pytest.approx(want, rel=1e-6)


@pytest.mark.parametrize("equation", [".. .", ". ..->", "i. ..", "....", "i...j, ..j"])
def test_einsum_refuses_an_ellipsis_broken_by_spaces_like_torch(equation):
    # Found by the long fuzz profile (props_matmul.einsum): spaces were removed before parsing, so
    # ".. ." became an ellipsis; torch refuses dots that are not part of a "...".
    x = np.arange(2.0, dtype=np.float32)
    with pytest.raises(RuntimeError):
        torch.einsum(equation, torch.tensor(x))
    with pytest.raises(ValueError, match="invalid '.'"):
        rt.einsum(equation, rt.tensor(x))
    np.testing.assert_array_equal(rt.einsum(" ... ->...", rt.tensor(x)).numpy(), x)  # spaces elsewhere are fine


@pytest.mark.parametrize("dtype, value", [("float32", 3e38), ("float32", 1.2345e20), ("float64", 1e22),
                                          ("float64", 1e308)])
@pytest.mark.parametrize("op", ["var", "std"])
def test_var_std_of_a_constant_slice_is_exactly_zero(dtype, value, op):
    # Found by the long fuzz profile (props_reduce.reduce): three equal large values had var inf (the
    # float32 sum overflowed) or std 1.7e14 (the rounded mean differed from the values); torch gives 0.
    x = np.full((3, 4), value, dtype=dtype)
    x[:, 1] = -value
    got = getattr(rt.tensor(x), op)(0).numpy()
    np.testing.assert_array_equal(got, getattr(torch.tensor(x), op)(0).numpy())
    np.testing.assert_array_equal(got, np.zeros(4, dtype))
    y = np.random.default_rng(0).standard_normal((50, 7)) * 1e3 + 5e6  # shifting keeps general values exact
    np.testing.assert_allclose(getattr(rt.tensor(y), op)(0).numpy(), getattr(np, op)(y, 0, ddof=1), rtol=1e-12)
