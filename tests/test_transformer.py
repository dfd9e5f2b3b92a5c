"""Transformer encoder / decoder layers, stacks and nn.Transformer against torch 2.13 with identical
weights (dropout off): outputs and gradients for post-/pre-norm, relu / gelu / callable activations,
batch_first, causal and key padding masks; training-mode dropout; errors."""
import numpy as np
import pytest

import rustorch as rt
from rustorch import nn

torch = pytest.importorskip("torch")
tnn = torch.nn

RNG = np.random.default_rng(8)
TOL = dict(rtol=1e-8, atol=1e-9)
pytestmark = pytest.mark.filterwarnings("ignore:enable_nested_tensor is True")


def to_np(t):
    return t.detach().numpy()


def sync(ours, theirs):
    ours.double()
    theirs.double()
    theirs.load_state_dict({k: torch.from_numpy(v.numpy().copy()) for k, v in ours.state_dict().items()})
    ours.eval()
    theirs.eval()
    return ours, theirs


def leaf(shape):
    a = RNG.standard_normal(shape)
    return rt.tensor(a).requires_grad_(), torch.tensor(a, requires_grad=True)


def backward_both(out, tout):
    g = RNG.standard_normal(tuple(out.shape))
    (out * rt.tensor(g)).sum().backward()
    (tout * torch.tensor(g)).sum().backward()


def check_param_grads(ours, theirs):
    tp = dict(theirs.named_parameters())
    names = [n for n, _ in ours.named_parameters()]
    assert names == list(tp)
    for name, p in ours.named_parameters():
        np.testing.assert_allclose(p.grad.numpy(), tp[name].grad.numpy(), err_msg=name, **TOL)


@pytest.mark.parametrize("norm_first", [False, True])
@pytest.mark.parametrize("activation", ["relu", "gelu"])
@pytest.mark.parametrize("batch_first", [False, True])
def test_encoder_layer(norm_first, activation, batch_first):
    kw = dict(d_model=8, nhead=2, dim_feedforward=16, dropout=0.0, activation=activation, batch_first=batch_first,
              norm_first=norm_first)
    ours, theirs = sync(nn.TransformerEncoderLayer(**kw), tnn.TransformerEncoderLayer(**kw))
    x = leaf((2, 5, 8) if batch_first else (5, 2, 8))
    kpm = np.array([[False] * 5, [False] * 3 + [True] * 2])
    out = ours(x[0], src_key_padding_mask=rt.tensor(kpm))
    tout = theirs(x[1], src_key_padding_mask=torch.tensor(kpm))
    np.testing.assert_allclose(to_np(out), to_np(tout), **TOL)
    backward_both(out, tout)
    np.testing.assert_allclose(x[0].grad.numpy(), x[1].grad.numpy(), **TOL)
    check_param_grads(ours, theirs)


def test_encoder_stack_with_causal_mask_and_final_norm():
    layer_kw = dict(d_model=8, nhead=4, dim_feedforward=12, dropout=0.0)
    ours = nn.TransformerEncoder(nn.TransformerEncoderLayer(**layer_kw), 3, norm=nn.LayerNorm(8))
    theirs = tnn.TransformerEncoder(tnn.TransformerEncoderLayer(**layer_kw), 3, norm=tnn.LayerNorm(8),
                                    enable_nested_tensor=False)
    ours, theirs = sync(ours, theirs)
    x = leaf((6, 3, 8))
    mask = nn.Transformer.generate_square_subsequent_mask(6, dtype=rt.float64)
    tmask = tnn.Transformer.generate_square_subsequent_mask(6, dtype=torch.float64)
    np.testing.assert_array_equal(mask.numpy(), tmask.numpy())
    out = ours(x[0], mask=mask, is_causal=True)
    tout = theirs(x[1], mask=tmask, is_causal=True)
    np.testing.assert_allclose(to_np(out), to_np(tout), **TOL)
    backward_both(out, tout)
    np.testing.assert_allclose(x[0].grad.numpy(), x[1].grad.numpy(), **TOL)
    check_param_grads(ours, theirs)
    # the copies are independent modules
    assert ours.layers[0].linear1.weight is not ours.layers[1].linear1.weight


@pytest.mark.parametrize("norm_first", [False, True])
def test_decoder_layer_and_stack(norm_first):
    kw = dict(d_model=8, nhead=2, dim_feedforward=16, dropout=0.0, norm_first=norm_first, batch_first=True)
    ours = nn.TransformerDecoder(nn.TransformerDecoderLayer(**kw), 2, norm=nn.LayerNorm(8))
    theirs = tnn.TransformerDecoder(tnn.TransformerDecoderLayer(**kw), 2, norm=tnn.LayerNorm(8))
    ours, theirs = sync(ours, theirs)
    tgt, mem = leaf((2, 4, 8)), leaf((2, 6, 8))
    tmask = np.triu(np.ones((4, 4), dtype=bool), 1)
    mkpm = np.array([[False] * 6, [False] * 4 + [True] * 2])
    out = ours(tgt[0], mem[0], tgt_mask=rt.tensor(tmask), memory_key_padding_mask=rt.tensor(mkpm))
    tout = theirs(tgt[1], mem[1], tgt_mask=torch.tensor(tmask), memory_key_padding_mask=torch.tensor(mkpm))
    np.testing.assert_allclose(to_np(out), to_np(tout), **TOL)
    backward_both(out, tout)
    np.testing.assert_allclose(tgt[0].grad.numpy(), tgt[1].grad.numpy(), **TOL)
    np.testing.assert_allclose(mem[0].grad.numpy(), mem[1].grad.numpy(), **TOL)
    check_param_grads(ours, theirs)


def test_full_transformer_and_callable_activation():
    kw = dict(d_model=8, nhead=2, num_encoder_layers=2, num_decoder_layers=1, dim_feedforward=16, dropout=0.0)
    ours = nn.Transformer(activation=lambda x: x.tanh(), **kw)
    theirs = tnn.Transformer(activation=torch.tanh, **kw)
    ours, theirs = sync(ours, theirs)
    src, tgt = leaf((5, 2, 8)), leaf((3, 2, 8))
    tmask = nn.Transformer.generate_square_subsequent_mask(3, dtype=rt.float64)
    out = ours(src[0], tgt[0], tgt_mask=tmask)
    tout = theirs(src[1], tgt[1], tgt_mask=torch.from_numpy(tmask.numpy()))
    np.testing.assert_allclose(to_np(out), to_np(tout), **TOL)
    backward_both(out, tout)
    np.testing.assert_allclose(src[0].grad.numpy(), src[1].grad.numpy(), **TOL)
    check_param_grads(ours, theirs)


def test_dropout_active_only_in_training():
    layer = nn.TransformerEncoderLayer(8, 2, 16, dropout=0.3).double()
    x = rt.tensor(RNG.standard_normal((4, 2, 8)))
    layer.eval()
    a, b = layer(x), layer(x)
    np.testing.assert_array_equal(to_np(a), to_np(b))
    layer.train()
    assert np.abs(to_np(layer(x)) - to_np(a)).max() > 1e-6


def test_small_encoder_learns_to_copy():
    """A 1-layer encoder learns to reproduce a token sequence (a real optimisation loop)."""
    rt.manual_seed(0)
    emb, enc, head = nn.Embedding(6, 16), nn.TransformerEncoderLayer(16, 2, 32, dropout=0.0, batch_first=True), \
        nn.Linear(16, 6)
    params = list(emb.parameters()) + list(enc.parameters()) + list(head.parameters())
    opt = rt.optim.Adam(params, lr=0.01)
    tokens = rt.tensor(RNG.integers(0, 6, size=(16, 5)))
    losses = []
    for _ in range(40):
        opt.zero_grad()
        logits = head(enc(emb(tokens)))
        loss = rt.nn.functional.cross_entropy(logits.reshape(-1, 6), tokens.reshape(-1))
        loss.backward()
        opt.step()
        losses.append(float(loss))
    assert losses[-1] < 0.3 * losses[0]


def test_errors():
    with pytest.raises(ValueError, match=r"embed_dim \(8\) must be divisible by num_heads \(3\)"):
        nn.TransformerEncoderLayer(8, 3)
    with pytest.raises(ValueError, match="activation should be relu/gelu"):
        nn.TransformerEncoderLayer(8, 2, activation="swish")
    layer = nn.TransformerEncoderLayer(8, 2, 16)
    with pytest.raises(ValueError, match="expecting embedding dimension of 8, but got 4"):
        layer(rt.randn(3, 2, 4))
    with pytest.raises(ValueError, match=r"attn_mask is \(2, 2\), but should be \(3, 3\)"):
        layer(rt.randn(3, 2, 8), src_mask=rt.zeros(2, 2))
    t = nn.Transformer(d_model=8, nhead=2, num_encoder_layers=1, num_decoder_layers=1, dim_feedforward=8)
    with pytest.raises(ValueError, match="the batch number of src and tgt must be equal"):
        t(rt.randn(3, 2, 8), rt.randn(3, 4, 8))
