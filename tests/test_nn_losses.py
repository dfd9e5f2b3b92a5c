"""Loss modules and functional losses against torch: values and gradients for every reduction,
several shapes, weights and options; bad targets raise errors naming the loss and the shapes."""
import numpy as np
import pytest

import rustorch as rt
from rustorch import nn
from rustorch.nn import functional as F

torch = pytest.importorskip("torch")
tF = torch.nn.functional

RNG = np.random.default_rng(0)
REDUCTIONS = ["mean", "sum", "none"]

needs = {name: pytest.mark.skipif(not hasattr(rt._C, name), reason=f"no {name} kernel in this build")
         for name in ("cross_entropy", "nll_loss", "binary_cross_entropy_with_logits")}


def _pair(a, requires_grad=False):
    a = np.array(a, order="C")
    r = rt.tensor(a)
    t = torch.from_numpy(a.copy())
    if requires_grad:
        r.requires_grad_(True)
        t.requires_grad_(True)
    return r, t


def check(rt_loss, torch_loss, arrays, grad_args=(0,), tol=None):
    """Runs both losses on the same arrays; compares the value and the gradients of the arguments
    in ``grad_args`` (with a random upstream gradient for unreduced losses)."""
    pairs = [_pair(a, i in grad_args) for i, a in enumerate(arrays)]
    out_r = rt_loss(*[p[0] for p in pairs])
    out_t = torch_loss(*[p[1] for p in pairs])
    dt = arrays[0].dtype
    tol = tol or (dict(rtol=1e-5, atol=1e-6) if dt == np.float32 else dict(rtol=1e-10, atol=1e-12))
    assert tuple(out_r.shape) == tuple(out_t.shape)
    np.testing.assert_allclose(out_r.detach().numpy(), out_t.detach().numpy(), **tol)
    up = RNG.standard_normal(tuple(out_t.shape)).astype(dt)
    out_r.backward(rt.tensor(up))
    out_t.backward(torch.from_numpy(up))
    for i in grad_args:
        g_r, g_t = pairs[i][0].grad, pairs[i][1].grad
        assert g_r is not None, f"no gradient for argument {i}"
        np.testing.assert_allclose(g_r.numpy(), g_t.numpy(), **tol)


def randn(*shape, dtype=np.float64):
    return RNG.standard_normal(shape).astype(dtype)


SHAPES = [(1,), (7,), (4, 5), (3, 2, 5)]


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_pointwise_regression_losses(reduction, shape, dtype):
    x, y = randn(*shape, dtype=dtype), randn(*shape, dtype=dtype)
    y.ravel()[0] = x.ravel()[0]  # a zero difference (the kink of L1)
    check(nn.MSELoss(reduction=reduction), torch.nn.MSELoss(reduction=reduction), [x, y], (0, 1))
    check(nn.L1Loss(reduction=reduction), torch.nn.L1Loss(reduction=reduction), [x, y], (0, 1))
    for beta in (1.0, 0.5, 0.0):
        check(nn.SmoothL1Loss(reduction=reduction, beta=beta), torch.nn.SmoothL1Loss(reduction=reduction, beta=beta),
              [x, y], (0, 1))
    for delta in (1.0, 0.3, 2.5):
        check(nn.HuberLoss(reduction=reduction, delta=delta), torch.nn.HuberLoss(reduction=reduction, delta=delta),
              [x, y], (0, 1))


@pytest.mark.filterwarnings("ignore:size_average and reduce args will be deprecated")
def test_functional_regression_weight_and_legacy_flags():
    x, y, w = randn(4, 3), randn(4, 3), np.abs(randn(4, 3))
    check(lambda a, b, c: F.mse_loss(a, b, weight=c), lambda a, b, c: tF.mse_loss(a, b, weight=c), [x, y, w])
    check(lambda a, b, c: F.l1_loss(a, b, weight=c), lambda a, b, c: tF.l1_loss(a, b, weight=c), [x, y, w])
    check(lambda a, b, c: F.huber_loss(a, b, weight=c, delta=0.5),
          lambda a, b, c: tF.huber_loss(a, b, weight=c, delta=0.5), [x, y, w])
    check(lambda a, b: F.mse_loss(a, b, size_average=False), lambda a, b: tF.mse_loss(a, b, size_average=False),
          [x, y])
    check(lambda a, b: F.l1_loss(a, b, reduce=False), lambda a, b: tF.l1_loss(a, b, reduce=False), [x, y])
    assert nn.MSELoss(size_average=False).reduction == "sum"


def test_regression_int_target_promoted_and_broadcast_warns():
    x = rt.tensor([0.5, 1.5, 2.0])
    assert F.mse_loss(x, rt.tensor([1, 1, 2])).item() == pytest.approx((0.25 + 0.25) / 3)
    with pytest.warns(UserWarning, match="different to the input size"):
        F.mse_loss(rt.zeros(3, 2), rt.zeros(2))


def test_regression_bad_shapes():
    with pytest.raises(ValueError, match=r"MSELoss\(\): mse_loss: target shape \(4,\) does not match input shape "
                                         r"\(3, 2\)"):
        nn.MSELoss()(rt.zeros(3, 2), rt.zeros(4))
    with pytest.raises(ValueError, match=r"l1_loss.*\(5,\).*\(3,\)"):
        F.l1_loss(rt.zeros(3), rt.zeros(5))
    with pytest.raises(ValueError, match="not a valid value for reduction"):
        F.mse_loss(rt.zeros(3), rt.zeros(3), reduction="avg")
    with pytest.raises(ValueError, match="not a valid value for reduction"):
        nn.L1Loss(reduction="avg")
    with pytest.raises(TypeError, match="mse_loss: target must be a rustorch Tensor"):
        F.mse_loss(rt.zeros(3), [1.0, 2.0, 3.0])


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("shape", [(1,), (6,), (3, 4)])
def test_bce(reduction, shape):
    x = 1 / (1 + np.exp(-randn(*shape)))
    t = RNG.uniform(size=shape)
    w = RNG.uniform(0.5, 2.0, size=shape)
    check(nn.BCELoss(reduction=reduction), torch.nn.BCELoss(reduction=reduction), [x, t], (0, 1))
    check(lambda a, b, c: F.binary_cross_entropy(a, b, weight=c, reduction=reduction),
          lambda a, b, c: tF.binary_cross_entropy(a, b, weight=c, reduction=reduction), [x, t, w], (0,))
    check(lambda a, b: nn.BCELoss(weight=rt.tensor(w), reduction=reduction)(a, b),
          lambda a, b: torch.nn.BCELoss(weight=torch.from_numpy(w), reduction=reduction)(a, b), [x, t])


def test_bce_saturated_probabilities_clamp_like_torch():
    x = np.array([0.0, 1.0, 0.0, 1.0, 0.3], dtype=np.float32)
    t = np.array([1.0, 0.0, 0.0, 1.0, 0.5], dtype=np.float32)
    r = F.binary_cross_entropy(rt.tensor(x), rt.tensor(t), reduction="none")
    np.testing.assert_allclose(r.numpy(), tF.binary_cross_entropy(torch.tensor(x), torch.tensor(t),
                                                                  reduction="none").numpy(), rtol=1e-6)
    xr = rt.tensor(x, requires_grad=True)
    F.binary_cross_entropy(xr, rt.tensor(t)).backward()
    assert np.isfinite(xr.grad.numpy()).all()  # no NaN from log(0) at the saturated ends


def test_bce_errors():
    with pytest.raises(TypeError, match=r"BCELoss\(\): binary_cross_entropy: target must be a floating-point"):
        nn.BCELoss()(rt.tensor([0.5, 0.5]), rt.tensor([1, 0]))
    with pytest.raises(ValueError, match=r"target shape \(3,\) must be the same as input shape \(3, 2\)"):
        F.binary_cross_entropy(rt.full((3, 2), 0.5), rt.zeros(3))
    with pytest.raises(ValueError, match="between 0 and 1"):
        F.binary_cross_entropy(rt.tensor([1.5, 0.2]), rt.tensor([1.0, 0.0]))


@pytest.mark.parametrize("reduction", ["mean", "sum", "none", "batchmean"])
@pytest.mark.parametrize("log_target", [False, True])
def test_kl_div(reduction, log_target):
    x = np.log(np.random.default_rng(1).dirichlet(np.ones(5), size=4))
    t = np.random.default_rng(2).dirichlet(np.ones(5), size=4)
    if log_target:
        t = np.log(t + 1e-3)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        check(nn.KLDivLoss(reduction=reduction, log_target=log_target),
              torch.nn.KLDivLoss(reduction=reduction, log_target=log_target), [x, t], (0, 1))
        if not log_target:
            # a zero-probability target contributes 0 (torch's target gradient there is NaN: not compared)
            t[0, 1] = 0.0
            check(nn.KLDivLoss(reduction=reduction), torch.nn.KLDivLoss(reduction=reduction), [x, t], (0,))


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("margin", [0.0, 0.3, -0.2])
def test_cosine_embedding_loss(reduction, margin):
    x1, x2 = randn(6, 4), randn(6, 4)
    y = np.array([1, -1, 1, -1, -1, 1], dtype=np.int64)
    check(nn.CosineEmbeddingLoss(margin=margin, reduction=reduction),
          torch.nn.CosineEmbeddingLoss(margin=margin, reduction=reduction), [x1, x2, y], (0, 1))
    # 1-D inputs with a 0-D target
    check(nn.CosineEmbeddingLoss(margin=margin, reduction=reduction),
          torch.nn.CosineEmbeddingLoss(margin=margin, reduction=reduction),
          [randn(4), randn(4), np.array(-1.0)], (0, 1))


def test_cosine_embedding_loss_errors():
    with pytest.raises(ValueError, match=r"CosineEmbeddingLoss\(\): cosine_embedding_loss: target shape \(3,\)"):
        nn.CosineEmbeddingLoss()(rt.randn(4, 2), rt.randn(4, 2), rt.ones(3))
    with pytest.raises(ValueError, match=r"input1 \(4, 2\) and input2 \(4, 3\)"):
        F.cosine_embedding_loss(rt.randn(4, 2), rt.randn(4, 3), rt.ones(4))


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("margin", [0.0, 0.5])
def test_margin_ranking_loss(reduction, margin):
    x1, x2 = randn(7), randn(7)
    y = np.sign(randn(7))
    check(nn.MarginRankingLoss(margin=margin, reduction=reduction),
          torch.nn.MarginRankingLoss(margin=margin, reduction=reduction), [x1, x2, y], (0, 1))


def test_margin_ranking_loss_errors():
    with pytest.raises(ValueError, match=r"MarginRankingLoss\(\): margin_ranking_loss: all input tensors should have "
                                         r"the same dimension"):
        nn.MarginRankingLoss()(rt.randn(3), rt.randn(3), rt.ones(3, 1))


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_other_composed_losses(reduction):
    x, y = randn(5, 3), np.sign(randn(5, 3))
    check(nn.HingeEmbeddingLoss(margin=0.7, reduction=reduction),
          torch.nn.HingeEmbeddingLoss(margin=0.7, reduction=reduction), [x, y])
    check(nn.SoftMarginLoss(reduction=reduction), torch.nn.SoftMarginLoss(reduction=reduction), [x, y])
    t01 = (y > 0).astype(np.float64)
    check(nn.MultiLabelSoftMarginLoss(reduction=reduction), torch.nn.MultiLabelSoftMarginLoss(reduction=reduction),
          [x, t01])
    counts = RNG.poisson(3.0, size=(5, 3)).astype(np.float64)
    check(nn.PoissonNLLLoss(reduction=reduction), torch.nn.PoissonNLLLoss(reduction=reduction), [x, counts])
    check(nn.PoissonNLLLoss(log_input=False, full=True, reduction=reduction),
          torch.nn.PoissonNLLLoss(log_input=False, full=True, reduction=reduction), [np.exp(x), counts])
    a, p, n = randn(4, 6), randn(4, 6), randn(4, 6)
    check(nn.TripletMarginLoss(margin=0.5, reduction=reduction),
          torch.nn.TripletMarginLoss(margin=0.5, reduction=reduction), [a, p, n], (0, 1, 2))
    check(nn.TripletMarginLoss(swap=True, p=1.0, reduction=reduction),
          torch.nn.TripletMarginLoss(swap=True, p=1.0, reduction=reduction), [a, p, n], (0, 1, 2))


# ---- fused C++ losses ---------------------------------------------------------------------------

def _logits(*shape, dtype=np.float64):
    return randn(*shape, dtype=dtype)


@needs["cross_entropy"]
@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("shape", [(1, 3), (5, 4), (3, 4, 2, 3), (4,)])
def test_cross_entropy_class_indices(reduction, shape):
    x = _logits(*shape)
    c = shape[1] if len(shape) > 1 else shape[0]
    tshape = (shape[0],) + shape[2:] if len(shape) > 1 else ()
    t = RNG.integers(0, c, size=tshape).astype(np.int64)
    w = RNG.uniform(0.5, 2.0, size=c)
    check(nn.CrossEntropyLoss(reduction=reduction), torch.nn.CrossEntropyLoss(reduction=reduction), [x, t])
    check(nn.CrossEntropyLoss(weight=rt.tensor(w), reduction=reduction, label_smoothing=0.1),
          torch.nn.CrossEntropyLoss(weight=torch.from_numpy(w), reduction=reduction, label_smoothing=0.1), [x, t])
    if t.size > 1:
        t2 = t.copy()
        t2.ravel()[0] = 1
        t2.ravel()[-1] = -100
        check(nn.CrossEntropyLoss(reduction=reduction, ignore_index=1),
              torch.nn.CrossEntropyLoss(reduction=reduction, ignore_index=1), [x, np.where(t2 < 0, 0, t2)])
        check(nn.CrossEntropyLoss(reduction=reduction), torch.nn.CrossEntropyLoss(reduction=reduction), [x, t2])


@needs["cross_entropy"]
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_cross_entropy_probabilities(reduction):
    x = _logits(4, 5, dtype=np.float32)
    p = np.random.default_rng(3).dirichlet(np.ones(5), size=4).astype(np.float32)
    w = RNG.uniform(0.5, 2.0, size=5).astype(np.float32)
    check(nn.CrossEntropyLoss(reduction=reduction), torch.nn.CrossEntropyLoss(reduction=reduction), [x, p])
    check(nn.CrossEntropyLoss(weight=rt.tensor(w), reduction=reduction, label_smoothing=0.2),
          torch.nn.CrossEntropyLoss(weight=torch.from_numpy(w), reduction=reduction, label_smoothing=0.2), [x, p])


@needs["cross_entropy"]
def test_cross_entropy_bad_targets():
    with pytest.raises((TypeError, ValueError, RuntimeError), match="CrossEntropyLoss"):
        nn.CrossEntropyLoss()(rt.randn(3, 4), rt.tensor([0.5, 1.0, 2.0]))
    with pytest.raises((ValueError, RuntimeError), match=r"CrossEntropyLoss\(\).*\b4\b"):
        nn.CrossEntropyLoss()(rt.randn(3, 4), rt.tensor([1, 2, 3, 0]))
    with pytest.raises((IndexError, ValueError, RuntimeError), match="CrossEntropyLoss"):
        nn.CrossEntropyLoss()(rt.randn(3, 4), rt.tensor([1, 2, 7]))


@needs["nll_loss"]
@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("shape", [(1, 3), (6, 4), (2, 3, 5)])
def test_nll_loss(reduction, shape):
    x = np.log(np.random.default_rng(4).dirichlet(np.ones(shape[1]), size=(shape[0],) + shape[2:]))
    x = np.moveaxis(x, -1, 1).copy()
    t = RNG.integers(0, shape[1], size=(shape[0],) + shape[2:]).astype(np.int64)
    w = RNG.uniform(0.5, 2.0, size=shape[1])
    check(nn.NLLLoss(reduction=reduction), torch.nn.NLLLoss(reduction=reduction), [x, t])
    check(nn.NLLLoss(weight=rt.tensor(w), reduction=reduction, ignore_index=0),
          torch.nn.NLLLoss(weight=torch.from_numpy(w), reduction=reduction, ignore_index=0), [x, t])


@needs["binary_cross_entropy_with_logits"]
@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("shape", [(1,), (5, 3)])
def test_bce_with_logits(reduction, shape):
    x = randn(*shape) * 5
    t = RNG.uniform(size=shape)
    w = RNG.uniform(0.5, 2.0, size=shape)
    pw = RNG.uniform(0.5, 3.0, size=shape[-1:])
    check(nn.BCEWithLogitsLoss(reduction=reduction), torch.nn.BCEWithLogitsLoss(reduction=reduction), [x, t], (0, 1))
    check(nn.BCEWithLogitsLoss(weight=rt.tensor(w), pos_weight=rt.tensor(pw), reduction=reduction),
          torch.nn.BCEWithLogitsLoss(weight=torch.from_numpy(w), pos_weight=torch.from_numpy(pw),
                                     reduction=reduction), [x, t])


@needs["binary_cross_entropy_with_logits"]
def test_bce_with_logits_bad_target():
    with pytest.raises((ValueError, TypeError, RuntimeError), match="BCEWithLogitsLoss"):
        nn.BCEWithLogitsLoss()(rt.randn(3, 2), rt.zeros(4))


def test_weighted_loss_buffers_in_state_dict():
    w = rt.tensor([1.0, 2.0])
    assert list(nn.CrossEntropyLoss(weight=w).state_dict()) == ["weight"]
    assert list(torch.nn.CrossEntropyLoss(weight=torch.tensor([1.0, 2.0])).state_dict()) == ["weight"]
    assert list(nn.BCEWithLogitsLoss(pos_weight=w).state_dict()) == ["pos_weight"]
    assert list(nn.CrossEntropyLoss().state_dict()) == []


LOSS_GRADCHECK = [
    ("mse", lambda x, y: F.mse_loss(x, y)), ("l1", lambda x, y: F.l1_loss(x, y, reduction="sum")),
    ("smooth_l1", lambda x, y: F.smooth_l1_loss(x, y, beta=0.5)), ("huber", lambda x, y: F.huber_loss(x, y, delta=0.7)),
    ("bce", lambda x, y: F.binary_cross_entropy(rt.sigmoid(x), rt.sigmoid(y))),
    ("kl_div", lambda x, y: F.kl_div(rt.log_softmax(x, 1), rt.softmax(y, 1), reduction="batchmean")),
    ("cosine_embedding", lambda x, y: F.cosine_embedding_loss(x, y, rt.tensor([1, -1, 1]), margin=-0.5)),
    ("margin_ranking", lambda x, y: F.margin_ranking_loss(x[:, 0], y[:, 0], rt.tensor([1.0, -1.0, 1.0]), margin=3.0)),
]


@pytest.mark.parametrize("name,fn", LOSS_GRADCHECK, ids=[n for n, _ in LOSS_GRADCHECK])
def test_gradcheck_losses(name, fn):
    x = rt.tensor(RNG.standard_normal((3, 4)), requires_grad=True)
    y = rt.tensor(RNG.standard_normal((3, 4)) + 0.5, requires_grad=True)
    assert rt.autograd.gradcheck(fn, (x, y))
    if name not in ("l1", "margin_ranking"):
        assert rt.autograd.gradgradcheck(fn, (x, y))
