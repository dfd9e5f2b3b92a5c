"""RNN / LSTM / GRU layers and cells against torch 2.13 with identical weights (state_dict through
NumPy): outputs, final states, input / state / parameter gradients, for several layers, both
directions, batch_first, projections, packed variable-length input; packing utilities; the fused
op against its composite form; float64 gradcheck; errors."""
import math

import numpy as np
import pytest

import rustorch as rt
from rustorch import nn
from rustorch.nn.utils import rnn as rnn_utils

torch = pytest.importorskip("torch")
tnn = torch.nn
trnn = torch.nn.utils.rnn

RNG = np.random.default_rng(11)
pytestmark = pytest.mark.filterwarnings("ignore:LSTM with projections is not supported with oneDNN")


def to_rt(t, requires_grad=False):
    return rt.tensor(t.detach().numpy().copy()).requires_grad_(requires_grad)


def to_np(t):
    return t.detach().numpy()


def make_pair(rt_cls, t_cls, dtype=np.float64, **kwargs):
    ours, theirs = rt_cls(**kwargs), t_cls(**kwargs)
    if dtype == np.float64:
        ours.double()
        theirs.double()
    theirs.load_state_dict({k: torch.from_numpy(v.numpy().copy()) for k, v in ours.state_dict().items()})
    return ours, theirs


def tol(dtype):
    return dict(rtol=2e-4, atol=2e-5) if dtype == np.float32 else dict(rtol=1e-9, atol=1e-10)


def weighted_sum(out, w):
    """A loss whose gradient differs per element (sum() alone would hide transposed gradients)."""
    return (out * w).sum()


def compare_grads(ours, theirs, dtype):
    for name, p in ours.named_parameters():
        tp = dict(theirs.named_parameters())[name]
        assert p.grad is not None, name
        np.testing.assert_allclose(p.grad.numpy(), tp.grad.numpy(), err_msg=name, **tol(dtype))


LAYERS = [
    ("RNN", dict(nonlinearity="tanh")),
    ("RNN", dict(nonlinearity="relu")),
    ("LSTM", {}),
    ("LSTM", dict(proj_size=3)),
    ("LSTM", dict(proj_size=1)),  # one-column weights: degenerate strides for the GEMMs
    ("GRU", {}),
]


@pytest.mark.parametrize("kind,extra", LAYERS, ids=lambda v: str(v))
@pytest.mark.parametrize("num_layers,bidirectional,batch_first,bias", [
    (1, False, False, True), (2, True, True, True), (3, False, True, False), (2, True, False, True)])
def test_layer_matches_torch(kind, extra, num_layers, bidirectional, batch_first, bias):
    dtype = np.float64
    kw = dict(input_size=4, hidden_size=5, num_layers=num_layers, bidirectional=bidirectional,
              batch_first=batch_first, bias=bias, **extra)
    ours, theirs = make_pair(getattr(nn, kind), getattr(tnn, kind), dtype, **kw)
    T, B = 6, 3
    shape = (B, T, 4) if batch_first else (T, B, 4)
    xt = torch.tensor(RNG.standard_normal(shape), requires_grad=True)
    x = to_rt(xt, True)
    D = 2 if bidirectional else 1
    P = extra.get("proj_size", 5) or 5
    h0t = torch.tensor(RNG.standard_normal((num_layers * D, B, P)), requires_grad=True)
    h0 = to_rt(h0t, True)
    if kind == "LSTM":
        c0t = torch.tensor(RNG.standard_normal((num_layers * D, B, 5)), requires_grad=True)
        c0 = to_rt(c0t, True)
        out, (hn, cn) = ours(x, (h0, c0))
        tout, (thn, tcn) = theirs(xt, (h0t, c0t))
        np.testing.assert_allclose(to_np(cn), to_np(tcn), **tol(dtype))
    else:
        out, hn = ours(x, h0)
        tout, thn = theirs(xt, h0t)
    assert tuple(out.shape) == tuple(tout.shape) and tuple(hn.shape) == tuple(thn.shape)
    np.testing.assert_allclose(to_np(out), to_np(tout), **tol(dtype))
    np.testing.assert_allclose(to_np(hn), to_np(thn), **tol(dtype))
    w = RNG.standard_normal(tuple(out.shape))
    wh = RNG.standard_normal(tuple(hn.shape))
    loss = weighted_sum(out, rt.tensor(w)) + weighted_sum(hn, rt.tensor(wh))
    tloss = weighted_sum(tout, torch.tensor(w)) + weighted_sum(thn, torch.tensor(wh))
    if kind == "LSTM":
        wc = RNG.standard_normal(tuple(cn.shape))
        loss = loss + weighted_sum(cn, rt.tensor(wc))
        tloss = tloss + weighted_sum(tcn, torch.tensor(wc))
    loss.backward()
    tloss.backward()
    np.testing.assert_allclose(x.grad.numpy(), xt.grad.numpy(), **tol(dtype))
    np.testing.assert_allclose(h0.grad.numpy(), h0t.grad.numpy(), **tol(dtype))
    if kind == "LSTM":
        np.testing.assert_allclose(c0.grad.numpy(), c0t.grad.numpy(), **tol(dtype))
    compare_grads(ours, theirs, dtype)


@pytest.mark.parametrize("kind", ["LSTM", "GRU", "RNN"])
def test_float32_default_states_and_state_dict_names(kind):
    ours, theirs = make_pair(getattr(nn, kind), getattr(tnn, kind), np.float32, input_size=8, hidden_size=16,
                             num_layers=2, bidirectional=True)
    assert list(ours.state_dict().keys()) == list(theirs.state_dict().keys())
    xt = torch.randn(7, 4, 8, requires_grad=True)
    x = to_rt(xt, True)
    out, _ = ours(x)
    tout, _ = theirs(xt)
    np.testing.assert_allclose(to_np(out), to_np(tout), **tol(np.float32))
    out.sum().backward()
    tout.sum().backward()
    np.testing.assert_allclose(x.grad.numpy(), xt.grad.numpy(), **tol(np.float32))
    compare_grads(ours, theirs, np.float32)


def test_init_follows_pytorch_bounds():
    m = nn.LSTM(10, 64, num_layers=2, proj_size=16)
    bound = 1 / math.sqrt(64)
    for name, p in m.named_parameters():
        v = p.detach().numpy()
        assert np.abs(v).max() <= bound and v.std() > bound / 3, name  # U(-b, b) has std b / sqrt(3)
    assert tuple(m.weight_hh_l1.shape) == (256, 16) and tuple(m.weight_ih_l1.shape) == (256, 16)
    assert tuple(m.weight_hr_l0.shape) == (16, 64)


@pytest.mark.parametrize("kind", ["LSTM", "GRU"])
def test_unbatched_input(kind):
    ours, theirs = make_pair(getattr(nn, kind), getattr(tnn, kind), input_size=3, hidden_size=4, num_layers=2)
    xt = torch.tensor(RNG.standard_normal((5, 3)))
    out, h = ours(to_rt(xt))
    tout, th = theirs(xt)
    np.testing.assert_allclose(to_np(out), to_np(tout), **tol(np.float64))
    if kind == "LSTM":
        h, th = h[0], th[0]
    assert tuple(h.shape) == (2, 4)
    np.testing.assert_allclose(to_np(h), to_np(th), **tol(np.float64))


@pytest.mark.parametrize("kind,extra", [("LSTM", {}), ("GRU", {}), ("RNN", {}), ("LSTM", dict(proj_size=2))])
@pytest.mark.parametrize("enforce_sorted", [True, False])
def test_packed_input_matches_torch(kind, extra, enforce_sorted):
    ours, theirs = make_pair(getattr(nn, kind), getattr(tnn, kind), input_size=3, hidden_size=4, num_layers=2,
                             bidirectional=True, batch_first=True, **extra)
    lengths = [5, 5, 3, 1] if enforce_sorted else [3, 5, 1, 4]
    xt = torch.tensor(RNG.standard_normal((4, 5, 3)), requires_grad=True)
    x = to_rt(xt, True)
    packed = rnn_utils.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=enforce_sorted)
    tpacked = trnn.pack_padded_sequence(xt, torch.tensor(lengths), batch_first=True, enforce_sorted=enforce_sorted)
    np.testing.assert_array_equal(packed.batch_sizes.numpy(), tpacked.batch_sizes.numpy())
    np.testing.assert_allclose(to_np(packed.data), to_np(tpacked.data))
    out, state = ours(packed)
    tout, tstate = theirs(tpacked)
    assert isinstance(out, rnn_utils.PackedSequence)
    np.testing.assert_allclose(to_np(out.data), to_np(tout.data), **tol(np.float64))
    hn, thn = (state[0], tstate[0]) if kind == "LSTM" else (state, tstate)
    np.testing.assert_allclose(to_np(hn), to_np(thn), **tol(np.float64))
    padded, lens = rnn_utils.pad_packed_sequence(out, batch_first=True)
    tpadded, tlens = trnn.pad_packed_sequence(tout, batch_first=True)
    np.testing.assert_array_equal(lens.numpy(), tlens.numpy())
    np.testing.assert_allclose(to_np(padded), to_np(tpadded), **tol(np.float64))
    w = RNG.standard_normal(tuple(padded.shape))
    (weighted_sum(padded, rt.tensor(w)) + (hn * hn).sum()).backward()
    (weighted_sum(tpadded, torch.tensor(w)) + (thn * thn).sum()).backward()
    np.testing.assert_allclose(x.grad.numpy(), xt.grad.numpy(), **tol(np.float64))
    compare_grads(ours, theirs, np.float64)


def test_packed_with_initial_state_unsorted():
    ours, theirs = make_pair(nn.GRU, tnn.GRU, input_size=2, hidden_size=3)
    lengths = [2, 4, 3]
    xt = torch.tensor(RNG.standard_normal((4, 3, 2)))
    h0t = torch.tensor(RNG.standard_normal((1, 3, 3)))
    out, hn = ours(rnn_utils.pack_padded_sequence(to_rt(xt), lengths, enforce_sorted=False), to_rt(h0t))
    tout, thn = theirs(trnn.pack_padded_sequence(xt, torch.tensor(lengths), enforce_sorted=False), h0t)
    np.testing.assert_allclose(to_np(out.data), to_np(tout.data), **tol(np.float64))
    np.testing.assert_allclose(to_np(hn), to_np(thn), **tol(np.float64))


def test_pad_sequence_and_pack_sequence_match_torch():
    seqs = [RNG.standard_normal((n, 2)) for n in (4, 2, 3)]
    for batch_first in (False, True):
        for side in ("right", "left"):
            ours = rnn_utils.pad_sequence([rt.tensor(s) for s in seqs], batch_first=batch_first, padding_value=-1.0,
                                          padding_side=side)
            theirs = trnn.pad_sequence([torch.tensor(s) for s in seqs], batch_first=batch_first, padding_value=-1.0,
                                       padding_side=side)
            np.testing.assert_allclose(ours.numpy(), theirs.numpy())
    packed = rnn_utils.pack_sequence([rt.tensor(s) for s in seqs], enforce_sorted=False)
    tpacked = trnn.pack_sequence([torch.tensor(s) for s in seqs], enforce_sorted=False)
    np.testing.assert_allclose(to_np(packed.data), tpacked.data.numpy())
    np.testing.assert_array_equal(packed.sorted_indices.numpy(), tpacked.sorted_indices.numpy())
    np.testing.assert_array_equal(packed.unsorted_indices.numpy(), tpacked.unsorted_indices.numpy())
    back = rnn_utils.unpack_sequence(packed)
    for a, s in zip(back, seqs):
        np.testing.assert_allclose(a.numpy(), s)
    padded, lens = rnn_utils.pad_packed_sequence(packed, total_length=6)
    assert tuple(padded.shape) == (6, 3, 2) and lens.tolist() == [4, 2, 3]


@pytest.mark.parametrize("kind", ["RNNCell", "LSTMCell", "GRUCell"])
@pytest.mark.parametrize("batched", [True, False])
def test_cells_match_torch(kind, batched):
    ours, theirs = make_pair(getattr(nn, kind), getattr(tnn, kind), input_size=3, hidden_size=4)
    shape = (2, 3) if batched else (3,)
    xt = torch.tensor(RNG.standard_normal(shape), requires_grad=True)
    x = to_rt(xt, True)
    hshape = (2, 4) if batched else (4,)
    ht = torch.tensor(RNG.standard_normal(hshape), requires_grad=True)
    h = to_rt(ht, True)
    if kind == "LSTMCell":
        ct = torch.tensor(RNG.standard_normal(hshape), requires_grad=True)
        c = to_rt(ct, True)
        h1, c1 = ours(x, (h, c))
        th1, tc1 = theirs(xt, (ht, ct))
        loss, tloss = (h1 * h1).sum() + (c1 * 2).sum(), (th1 * th1).sum() + (tc1 * 2).sum()
    else:
        h1, th1 = ours(x, h), theirs(xt, ht)
        loss, tloss = (h1 * h1).sum(), (th1 * th1).sum()
    np.testing.assert_allclose(to_np(h1), to_np(th1), **tol(np.float64))
    loss.backward()
    tloss.backward()
    np.testing.assert_allclose(x.grad.numpy(), xt.grad.numpy(), **tol(np.float64))
    np.testing.assert_allclose(h.grad.numpy(), ht.grad.numpy(), **tol(np.float64))
    compare_grads(ours, theirs, np.float64)
    default = ours(x)  # zero initial state
    tdefault = theirs(xt)
    first = (default[0], tdefault[0]) if kind == "LSTMCell" else (default, tdefault)
    np.testing.assert_allclose(to_np(first[0]), to_np(first[1]), **tol(np.float64))


def test_dropout_between_layers_only_in_training():
    rt.manual_seed(0)
    m = nn.LSTM(3, 8, num_layers=2, dropout=0.5).double()
    x = rt.tensor(RNG.standard_normal((4, 2, 3)))
    m.eval()
    a, _ = m(x)
    b, _ = m(x)
    np.testing.assert_array_equal(to_np(a), to_np(b))
    m.train()
    c, _ = m(x)
    assert np.abs(to_np(c) - to_np(a)).max() > 1e-3
    single = nn.LSTM(3, 8, num_layers=1, dropout=0.5).double().train()  # no layer after the first: no dropout
    s1, _ = single(x)
    s2, _ = single(x)
    np.testing.assert_array_equal(to_np(s1), to_np(s2))


@pytest.mark.parametrize("mode,proj,reverse,packed", [
    ("LSTM", False, False, False), ("LSTM", True, True, True), ("GRU", False, True, True),
    ("RNN_TANH", False, False, True), ("RNN_RELU", False, True, False)])
def test_fused_op_matches_composite_form(mode, proj, reverse, packed):
    G = {"LSTM": 4, "GRU": 3}.get(mode, 1)
    T, B, I, H = 5, 3, 4, 6
    P = 2 if proj else H
    sizes = [3, 3, 2, 2, 1] if packed else []
    args = [rt.tensor(RNG.standard_normal((T, B, I))), rt.tensor(RNG.standard_normal((B, P))),
            rt.tensor(RNG.standard_normal((B, H))) if mode == "LSTM" else None,
            rt.tensor(RNG.standard_normal((G * H, I)) * 0.5), rt.tensor(RNG.standard_normal((G * H, P)) * 0.5),
            rt.tensor(RNG.standard_normal(G * H)), rt.tensor(RNG.standard_normal(G * H)),
            rt.tensor(RNG.standard_normal((P, H)) * 0.5) if proj else None]
    leaves = [a.requires_grad_() if a is not None else None for a in args]
    fused = rt.rnn_layer(*leaves, mode=mode, reverse=reverse, batch_sizes=sizes)
    ref = rt._C._rnn_layer_composite(*leaves, mode=mode, reverse=reverse, batch_sizes=sizes)
    for a, b in zip(fused, ref):
        np.testing.assert_allclose(a.detach().numpy(), b.detach().numpy(), rtol=1e-12, atol=1e-12)
    weights = [rt.tensor(RNG.standard_normal(tuple(o.shape))) for o in fused]
    inputs = [a for a in leaves if a is not None]
    g_fused = rt.autograd.grad(sum((o * w).sum() for o, w in zip(fused, weights)), inputs)
    g_ref = rt.autograd.grad(sum((o * w).sum() for o, w in zip(ref, weights)), inputs)
    for a, b in zip(g_fused, g_ref):
        np.testing.assert_allclose(a.numpy(), b.numpy(), rtol=1e-10, atol=1e-12)


def test_module_gradcheck_float64():
    m = nn.LSTM(2, 3, num_layers=2, bidirectional=True, proj_size=2).double()
    x = rt.tensor(RNG.standard_normal((3, 2, 2))).requires_grad_()
    params = list(m.parameters())

    def fn(x, *ps):
        return m(x)[0]
    assert rt.autograd.gradcheck(fn, (x, *params))
    g = nn.GRU(2, 3, batch_first=True).double()
    xg = rt.tensor(RNG.standard_normal((2, 3, 2))).requires_grad_()
    assert rt.autograd.gradcheck(lambda x: g(x)[0], (xg,))


def test_training_reduces_loss():
    """A small LSTM learns to output the running sum sign of its input (a real optimisation loop)."""
    rt.manual_seed(3)
    m = nn.LSTM(1, 16, batch_first=True)
    head = nn.Linear(16, 1)
    opt = rt.optim.Adam(list(m.parameters()) + list(head.parameters()), lr=0.02)
    x = rt.tensor(RNG.standard_normal((32, 10, 1)).astype(np.float32))
    y = rt.tensor((np.cumsum(x.numpy(), axis=1) > 0).astype(np.float32))
    losses = []
    for _ in range(60):
        opt.zero_grad()
        out, _ = m(x)
        loss = rt.nn.functional.binary_cross_entropy_with_logits(head(out), y)
        loss.backward()
        opt.step()
        losses.append(float(loss))
    assert losses[-1] < 0.5 * losses[0]


# ---------------------------------------------------------------------------------------------
# Errors


def test_wrong_input_size_names_layer_and_sizes():
    m = nn.LSTM(4, 5)
    with pytest.raises(ValueError, match=r"LSTM.*input_size.*Expected 4, got 3"):
        m(rt.randn(2, 1, 3))
    with pytest.raises(ValueError, match=r"GRU.*2D or 3D"):
        nn.GRU(4, 5)(rt.randn(2, 1, 1, 4))
    with pytest.raises(ValueError, match=r"LSTMCell.*input_size.*got 3 expected 4"):
        nn.LSTMCell(4, 5)(rt.randn(2, 3))


def test_wrong_hidden_shape():
    m = nn.LSTM(4, 5, num_layers=2)
    with pytest.raises(ValueError, match=r"LSTM: Expected hidden size \(2, 3, 5\), got \(1, 3, 5\)"):
        m(rt.randn(6, 3, 4), (rt.zeros(1, 3, 5), rt.zeros(2, 3, 5)))
    with pytest.raises(ValueError, match=r"Expected cell size"):
        m(rt.randn(6, 3, 4), (rt.zeros(2, 3, 5), rt.zeros(2, 3, 4)))
    with pytest.raises(TypeError, match=r"hx must be a tuple"):
        m(rt.randn(6, 3, 4), rt.zeros(2, 3, 5))
    with pytest.raises(ValueError, match=r"GRUCell.*hidden state of shape \(2, 5\)"):
        nn.GRUCell(4, 5)(rt.randn(2, 4), rt.zeros(3, 5))


def test_bad_constructor_arguments():
    with pytest.raises(ValueError, match="proj_size has to be smaller than hidden_size"):
        nn.LSTM(4, 5, proj_size=5)
    with pytest.raises(ValueError, match="proj_size argument is only supported for LSTM"):
        nn.modules.rnn.RNNBase("GRU", 4, 5, proj_size=2)
    with pytest.raises(ValueError, match="dropout"):
        nn.GRU(4, 5, dropout=1.5)
    with pytest.raises(ValueError, match="nonlinearity"):
        nn.RNN(4, 5, nonlinearity="sigmoid")
    with pytest.raises(ValueError, match="hidden_size must be greater than zero"):
        nn.LSTM(4, 0)


def test_unsorted_lengths_with_enforce_sorted():
    x = rt.randn(5, 3, 2)
    with pytest.raises(RuntimeError, match=r"pack_padded_sequence: `lengths` array must be sorted in decreasing order"):
        rnn_utils.pack_padded_sequence(x, [2, 5, 3])
    with pytest.raises(ValueError, match=r"pack_padded_sequence: length 0 of sequence 2 is outside \[1, 5\]"):
        rnn_utils.pack_padded_sequence(x, [5, 3, 0])
    with pytest.raises(ValueError, match=r"pack_padded_sequence: got 2 lengths for a batch of 3"):
        rnn_utils.pack_padded_sequence(x, [5, 3])
    with pytest.raises(ValueError, match="pad_sequence: sequence 1 has shape"):
        rnn_utils.pad_sequence([rt.zeros(3, 2), rt.zeros(3, 4)])


def test_op_level_errors():
    x = rt.randn(3, 2, 4)
    with pytest.raises(ValueError, match=r"rnn_layer: input has 4 features but weight_ih of shape \(20, 3\)"):
        rt.rnn_layer(x, rt.zeros(2, 5), rt.zeros(2, 5), rt.zeros(20, 3), rt.zeros(20, 5), mode="LSTM")
    with pytest.raises(ValueError, match=r"rnn_layer: expected h0 of shape \(2, 5\), got \(3, 5\)"):
        rt.rnn_layer(x, rt.zeros(3, 5), None, rt.zeros(15, 4), rt.zeros(15, 5), mode="GRU")
    with pytest.raises(ValueError, match=r"rnn_layer: unknown mode 'XYZ'"):
        rt.rnn_layer(x, rt.zeros(2, 5), None, rt.zeros(5, 4), rt.zeros(5, 5), mode="XYZ")
    with pytest.raises(ValueError, match=r"rnn_layer: batch_sizes must be non-increasing"):
        rt.rnn_layer(x, rt.zeros(2, 5), None, rt.zeros(5, 4), rt.zeros(5, 5), mode="RNN_TANH", batch_sizes=[1, 2, 2])
    with pytest.raises(TypeError, match=r"rnn_layer"):
        rt.rnn_layer(x, rt.zeros(2, 5, dtype=rt.float64), None, rt.zeros(5, 4), rt.zeros(5, 5), mode="RNN_TANH")


@pytest.mark.parametrize("mode,shape,sizes", [
    ("LSTM", (7, 13, 37, 45), []), ("GRU", (4, 40, 33, 70), [40, 30, 30, 1]), ("RNN_TANH", (3, 25, 5, 33), [])])
def test_float32_kernels_match_composite_form(mode, shape, sizes):
    """float32 runs the packed (AVX-512 where available) GEMMs: odd sizes exercise partial register
    tiles and panels; the composite form uses the BLAS matmul."""
    G = {"LSTM": 4, "GRU": 3}.get(mode, 1)
    T, B, I, H = shape
    rng = np.random.default_rng(2)

    def a(*s):
        return rt.tensor((rng.standard_normal(s) * 0.3).astype(np.float32)).requires_grad_()
    args = [a(T, B, I), a(B, H), a(B, H) if mode == "LSTM" else None, a(G * H, I), a(G * H, H), a(G * H), a(G * H)]
    fused = rt.rnn_layer(*args, mode=mode, batch_sizes=sizes)
    ref = rt._C._rnn_layer_composite(*args, mode=mode, batch_sizes=sizes)
    for x, y in zip(fused, ref):
        np.testing.assert_allclose(to_np(x), to_np(y), rtol=1e-4, atol=2e-5)
    inputs = [x for x in args if x is not None]
    weights = [rt.tensor(rng.standard_normal(tuple(o.shape)).astype(np.float32)) for o in fused]
    g1 = rt.autograd.grad(sum((o * w).sum() for o, w in zip(fused, weights)), inputs)
    g2 = rt.autograd.grad(sum((o * w).sum() for o, w in zip(ref, weights)), inputs)
    for x, y in zip(g1, g2):
        np.testing.assert_allclose(x.numpy(), y.numpy(), rtol=1e-3, atol=1e-4 * max(1.0, float(np.abs(y.numpy()).max())))


def test_float32_projection_to_one_feature():
    ours, theirs = make_pair(nn.LSTM, tnn.LSTM, np.float32, input_size=3, hidden_size=5, proj_size=1, num_layers=2)
    xt = torch.randn(4, 2, 3, requires_grad=True)
    x = to_rt(xt, True)
    out, _ = ours(x)
    tout, _ = theirs(xt)
    np.testing.assert_allclose(to_np(out), to_np(tout), **tol(np.float32))
    out.sum().backward()
    tout.sum().backward()
    np.testing.assert_allclose(x.grad.numpy(), xt.grad.numpy(), **tol(np.float32))
    compare_grads(ours, theirs, np.float32)
