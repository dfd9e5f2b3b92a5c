"""MultiheadAttention and scaled_dot_product_attention against torch 2.13 with identical weights:
outputs, attention weights and gradients for self / cross attention, kdim / vdim, batch_first,
bool and float masks, key padding masks, bias_kv / zero_attn, unbatched input; gradcheck; errors."""
import numpy as np
import pytest

import rustorch as rt
from rustorch import nn
from rustorch.nn import functional as F

torch = pytest.importorskip("torch")
tnn = torch.nn
tF = torch.nn.functional

RNG = np.random.default_rng(5)
TOL = dict(rtol=1e-9, atol=1e-10)
# torch warns when a float key_padding_mask meets a bool attn_mask; mixing them is what we test.
pytestmark = pytest.mark.filterwarnings("ignore:Support for mismatched key_padding_mask")


def to_np(t):
    return t.detach().numpy()


def pair(**kwargs):
    ours, theirs = nn.MultiheadAttention(**kwargs).double(), tnn.MultiheadAttention(**kwargs).double()
    theirs.load_state_dict({k: torch.from_numpy(v.numpy().copy()) for k, v in ours.state_dict().items()})
    return ours, theirs


def leaf(shape):
    a = RNG.standard_normal(shape)
    return rt.tensor(a).requires_grad_(), torch.tensor(a, requires_grad=True)


def check_grads(ours, theirs, pairs):
    for a, b in pairs:
        np.testing.assert_allclose(a.grad.numpy(), b.grad.numpy(), **TOL)
    tp = dict(theirs.named_parameters())
    for name, p in ours.named_parameters():
        np.testing.assert_allclose(p.grad.numpy(), tp[name].grad.numpy(), err_msg=name, **TOL)


def run_both(ours, theirs, q, k, v, **kw):
    """Forward with the same arguments (masks converted), backward of a weighted sum."""
    tkw = {key: (torch.from_numpy(val.numpy().copy()) if isinstance(val, rt.Tensor) else val) for key, val in kw.items()}
    out, w = ours(q[0], k[0], v[0], **kw)
    tout, tw = theirs(q[1], k[1], v[1], **tkw)
    np.testing.assert_allclose(to_np(out), to_np(tout), **TOL)
    if tw is None:
        assert w is None
    else:
        np.testing.assert_allclose(to_np(w), to_np(tw), **TOL)
    g = RNG.standard_normal(tuple(out.shape))
    (out * rt.tensor(g)).sum().backward()
    (tout * torch.tensor(g)).sum().backward()
    return out, w


@pytest.mark.parametrize("batch_first", [False, True])
@pytest.mark.parametrize("bias", [True, False])
def test_self_attention(batch_first, bias):
    ours, theirs = pair(embed_dim=8, num_heads=2, bias=bias, batch_first=batch_first)
    x = leaf((3, 5, 8) if batch_first else (5, 3, 8))
    run_both(ours, theirs, x, x, x)
    check_grads(ours, theirs, [x])


@pytest.mark.parametrize("average", [True, False])
def test_cross_attention_with_kdim_vdim_and_masks(average):
    ours, theirs = pair(embed_dim=6, num_heads=3, kdim=4, vdim=5)
    q, k, v = leaf((4, 2, 6)), leaf((7, 2, 4)), leaf((7, 2, 5))
    attn_mask = rt.tensor(RNG.standard_normal((4, 7)))  # float: added to the scores
    kpm = rt.tensor(np.array([[False] * 5 + [True] * 2, [False] * 7]))  # bool: True = ignore
    run_both(ours, theirs, q, k, v, attn_mask=attn_mask, key_padding_mask=kpm, average_attn_weights=average)
    check_grads(ours, theirs, [q, k, v])


def test_bool_attn_mask_3d_and_float_key_padding_mask():
    ours, theirs = pair(embed_dim=8, num_heads=4, batch_first=True)
    q, kv = leaf((2, 3, 8)), leaf((2, 5, 8))
    mask = RNG.random((2 * 4, 3, 5)) < 0.3
    mask[..., 0] = False  # every query keeps at least one key
    kpm = rt.tensor(np.where(RNG.random((2, 5)) < 0.3, -2.0, 0.0))
    run_both(ours, theirs, q, kv, kv, attn_mask=rt.tensor(mask), key_padding_mask=kpm)
    check_grads(ours, theirs, [q, kv])


def test_bias_kv_zero_attn_and_unbatched():
    ours, theirs = pair(embed_dim=4, num_heads=2, add_bias_kv=True, add_zero_attn=True)
    q, k = leaf((3, 4)), leaf((5, 4))
    mask = rt.tensor(np.triu(np.ones((3, 5), dtype=bool), 1))
    out, w = run_both(ours, theirs, q, k, k, attn_mask=mask)
    assert tuple(out.shape) == (3, 4) and tuple(w.shape) == (3, 7)
    check_grads(ours, theirs, [q, k])


def test_need_weights_false_and_causal():
    ours, theirs = pair(embed_dim=4, num_heads=1)
    x = leaf((5, 2, 4))
    causal = nn.Transformer.generate_square_subsequent_mask(5, dtype=rt.float64)
    out, w = run_both(ours, theirs, x, x, x, attn_mask=causal, need_weights=False, is_causal=True)
    assert w is None
    # is_causal without a mask builds the causal mask
    again, _ = ours(x[0], x[0], x[0], is_causal=True, need_weights=False)
    np.testing.assert_allclose(to_np(again), to_np(out), **TOL)


def test_dropout_only_in_training():
    m = nn.MultiheadAttention(8, 2, dropout=0.5).double()
    x = rt.tensor(RNG.standard_normal((4, 2, 8)))
    m.eval()
    a, _ = m(x, x, x)
    b, _ = m(x, x, x)
    np.testing.assert_array_equal(to_np(a), to_np(b))
    m.train()
    rt.manual_seed(1)
    c, _ = m(x, x, x)
    assert np.abs(to_np(c) - to_np(a)).max() > 1e-6


def test_gradcheck_float64():
    m = nn.MultiheadAttention(4, 2, kdim=3, vdim=2).double()
    q = rt.tensor(RNG.standard_normal((2, 1, 4))).requires_grad_()
    k = rt.tensor(RNG.standard_normal((3, 1, 3))).requires_grad_()
    v = rt.tensor(RNG.standard_normal((3, 1, 2))).requires_grad_()
    mask = rt.tensor(np.array([[False, True, False], [False, False, False]]))
    assert rt.autograd.gradcheck(lambda q, k, v: m(q, k, v, attn_mask=mask)[0], (q, k, v))
    assert rt.autograd.gradgradcheck(lambda q, k, v: m(q, k, v)[0], (q, k, v))


# ---------------------------------------------------------------------------------------------
# scaled_dot_product_attention


@pytest.mark.parametrize("mask_kind", [None, "bool", "float", "causal"])
def test_sdpa_matches_torch(mask_kind):
    q, k, v = leaf((2, 3, 4, 5)), leaf((2, 3, 6, 5)), leaf((2, 3, 6, 7))
    kw = {}
    if mask_kind == "bool":
        m = RNG.random((4, 6)) < 0.6
        m[:, 0] = True  # True takes part (SDPA's convention)
        kw["attn_mask"] = m
    elif mask_kind == "float":
        kw["attn_mask"] = RNG.standard_normal((3, 4, 6))
    elif mask_kind == "causal":
        kw["is_causal"] = True
    out = F.scaled_dot_product_attention(q[0], k[0], v[0], scale=0.3,
                                         **{a: (rt.tensor(b) if isinstance(b, np.ndarray) else b) for a, b in kw.items()})
    tout = tF.scaled_dot_product_attention(q[1], k[1], v[1], scale=0.3,
                                           **{a: (torch.tensor(b) if isinstance(b, np.ndarray) else b)
                                              for a, b in kw.items()})
    np.testing.assert_allclose(to_np(out), to_np(tout), **TOL)
    g = RNG.standard_normal(tuple(out.shape))
    (out * rt.tensor(g)).sum().backward()
    (tout * torch.tensor(g)).sum().backward()
    for a, b in (q, k, v):
        np.testing.assert_allclose(a.grad.numpy(), b.grad.numpy(), **TOL)


def test_sdpa_default_scale_and_dropout():
    q = rt.tensor(RNG.standard_normal((2, 4, 8)))
    out = F.scaled_dot_product_attention(q, q, q)
    ref = tF.scaled_dot_product_attention(torch.tensor(q.numpy()), torch.tensor(q.numpy()), torch.tensor(q.numpy()))
    np.testing.assert_allclose(out.numpy(), ref.numpy(), **TOL)
    rt.manual_seed(0)
    d1 = F.scaled_dot_product_attention(q, q, q, dropout_p=0.5)
    rt.manual_seed(0)
    d2 = F.scaled_dot_product_attention(q, q, q, dropout_p=0.5)
    np.testing.assert_array_equal(d1.numpy(), d2.numpy())
    assert np.abs(d1.numpy() - out.numpy()).max() > 1e-3


# ---------------------------------------------------------------------------------------------
# Errors


def test_non_divisible_heads():
    with pytest.raises(ValueError, match=r"embed_dim \(10\) must be divisible by num_heads \(3\)"):
        nn.MultiheadAttention(10, 3)


def test_wrong_embedding_and_mask_shapes():
    m = nn.MultiheadAttention(8, 2)
    x = rt.randn(5, 2, 8)
    with pytest.raises(ValueError, match="expecting embedding dimension of 8, but got 6"):
        m(rt.randn(5, 2, 6), x, x)
    with pytest.raises(ValueError, match=r"the shape of the 2D attn_mask is \(4, 5\), but should be \(5, 5\)"):
        m(x, x, x, attn_mask=rt.zeros(4, 5))
    with pytest.raises(ValueError, match=r"the shape of the 3D attn_mask is \(2, 5, 5\), but should be \(4, 5, 5\)"):
        m(x, x, x, attn_mask=rt.zeros(2, 5, 5))
    with pytest.raises(ValueError, match=r"expected key_padding_mask of shape \(2, 5\), got \(5, 2\)"):
        m(x, x, x, key_padding_mask=rt.zeros(5, 2, dtype=rt.bool))
    with pytest.raises(ValueError, match="must all be 2-D"):
        m(rt.randn(8), x, x)
    with pytest.raises(TypeError, match="attn_mask"):
        m(x, x, x, attn_mask=rt.zeros(5, 5, dtype=rt.int64))


def test_sdpa_errors():
    q = rt.randn(2, 3, 4)
    with pytest.raises(ValueError, match="scaled_dot_product_attention"):
        F.scaled_dot_product_attention(q, rt.randn(2, 3, 5), rt.randn(2, 3, 4))
    with pytest.raises(ValueError, match="scaled_dot_product_attention: attn_mask and is_causal"):
        F.scaled_dot_product_attention(q, q, q, attn_mask=rt.zeros(3, 3), is_causal=True)
    with pytest.raises(ValueError, match=r"scaled_dot_product_attention: attn_mask of shape \(4, 4\)"):
        F.scaled_dot_product_attention(q, q, q, attn_mask=rt.zeros(4, 4))
