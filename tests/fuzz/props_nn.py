"""nn.functional: conv, pooling, normalization, losses and activations with random shapes and
hyper-parameters (stride/padding/dilation/groups/kernel sizes, also invalid ones), against torch."""
import torch
import torch.nn.functional as TF
from hypothesis import strategies as st

import rustorch as rt
import rustorch.nn.functional as RF
from common import Prop, both, build, check_against_torch, tensor_specs
import common

FL = ["float32", "float64"]
TOL = {"rtol": 1e-4, "atol": 1e-4}


@st.composite
def conv_cases(draw):
    nd = draw(st.sampled_from([1, 2]))
    n, cin, cout_per = draw(st.integers(0, 2)), draw(st.integers(1, 4)), draw(st.integers(1, 3))
    groups = draw(st.sampled_from([1, 1, 2, 3]))
    spatial = [draw(st.integers(0, 6)) for _ in range(nd)]
    k = [draw(st.integers(1, 4)) for _ in range(nd)]
    x_shape = [n, cin * groups if draw(st.integers(0, 9)) else cin * groups + 1] + spatial
    if draw(st.integers(0, 11)) == 0:
        x_shape = x_shape[1:]  # unbatched
    return {"nd": nd, "x": draw(tensor_specs(shape=x_shape, dtypes=FL, special=False)),
            "w": draw(tensor_specs(shape=[cout_per * groups, cin] + k, dtypes=FL, special=False)),
            "bias": draw(st.booleans()), "stride": draw(st.integers(0, 3)), "padding": draw(st.integers(-1, 3)),
            "dilation": draw(st.integers(0, 2)), "groups": groups,
            "transposed": draw(st.integers(0, 3)) == 0, "output_padding": draw(st.integers(0, 1))}


def check_conv(c):
    x, tx = both(c["x"])
    w, tw = both(c["w"])
    bias_spec = dict(c["w"], shape=[c["w"]["shape"][0]], layout="contiguous")
    b, tb = both(bias_spec) if c["bias"] else (None, None)
    nd, kw = c["nd"], {"stride": c["stride"], "padding": c["padding"], "dilation": c["dilation"], "groups": c["groups"]}
    if c["transposed"]:
        # transposed conv weight is (in, out/groups, k...)
        w, tw = w.transpose(0, 1), tw.transpose(0, 1)
        if c["bias"]:
            bias_spec = dict(bias_spec, shape=[c["w"]["shape"][1] * c["groups"]])
            b, tb = both(bias_spec)
        kw["output_padding"] = c["output_padding"]
        name = f"conv_transpose{nd}d"
    else:
        name = f"conv{nd}d"
    spatial = c["x"]["shape"][-nd:]
    if 0 in spatial and (c["padding"] > 0 or c["transposed"]):
        # torch refuses empty spatial input even when padding makes the output non-empty; the
        # result is then well defined: every output element sees only padding, so it is the bias.
        try:
            out = getattr(RF, name)(x, w, b, **kw)
        except (ValueError, TypeError, IndexError, RuntimeError) as e:
            assert str(e).strip()
            return
        want = b.reshape(-1, *[1] * nd).expand(*out.shape[-nd - 1:]) if b is not None else rt.zeros(out.shape[-nd - 1:])
        assert out.numel() == 0 or bool(((out - want.to(out.dtype)).abs() <= 1e-6).all()), f"{name} {c}: {out}"
        return
    # torch accepts dilation 0 for transposed convs (a degenerate kernel); rustorch refuses it
    check_against_torch(f"{name} {c}", lambda: getattr(RF, name)(x, w, b, **kw), lambda: getattr(TF, name)(tx, tw, tb, **kw),
                        torch_skips_checks=c["dilation"] == 0, **TOL)


@st.composite
def pool_cases(draw):
    nd = draw(st.sampled_from([1, 2]))
    shape = [draw(st.integers(0, 2)), draw(st.integers(0, 3))] + [draw(st.integers(0, 7)) for _ in range(nd)]
    if draw(st.integers(0, 7)) == 0:
        shape = shape[1:]
    return {"nd": nd, "kind": draw(st.sampled_from(["max", "avg", "adaptive_avg", "adaptive_max", "lp"])),
            "x": draw(tensor_specs(shape=shape, dtypes=FL, special=draw(st.integers(0, 4)) == 0)),
            "kernel": draw(st.integers(0, 4)), "stride": draw(st.one_of(st.none(), st.integers(0, 3))),
            "padding": draw(st.integers(-1, 2)), "ceil_mode": draw(st.booleans()), "dilation": draw(st.integers(1, 2)),
            "count_include_pad": draw(st.booleans()), "out": draw(st.integers(0, 4))}


def check_pool(c):
    x, tx = both(c["x"])
    nd, kind = c["nd"], c["kind"]
    if kind == "max":
        kw = dict(kernel_size=c["kernel"], stride=c["stride"], padding=c["padding"], dilation=c["dilation"],
                  ceil_mode=c["ceil_mode"])
        name = f"max_pool{nd}d"
    elif kind == "avg":
        kw = dict(kernel_size=c["kernel"], stride=c["stride"], padding=c["padding"], ceil_mode=c["ceil_mode"],
                  count_include_pad=c["count_include_pad"])
        name = f"avg_pool{nd}d"
    elif kind == "lp":
        kw = dict(norm_type=2.0, kernel_size=c["kernel"], stride=c["stride"], ceil_mode=c["ceil_mode"])
        name = f"lp_pool{nd}d"
    else:
        kw = dict(output_size=c["out"])
        name = f"{kind}_pool{nd}d"
    # torch pools an empty non-batch dim into NaN/empty results; rustorch refuses such input clearly
    empty_feature = 0 in c["x"]["shape"][-nd - 1:]
    check_against_torch(f"{name} {c}", lambda: getattr(RF, name)(x, **kw), lambda: getattr(TF, name)(tx, **kw),
                        torch_skips_checks=empty_feature, **TOL)


@st.composite
def norm_cases(draw):
    shape = [draw(st.integers(0, 3)), draw(st.integers(1, 4))] + [draw(st.integers(0, 3)) for _ in range(draw(st.integers(0, 2)))]
    return {"kind": draw(st.sampled_from(["layer_norm", "batch_norm", "group_norm", "instance_norm", "rms_norm",
                                          "normalize", "local_response_norm"])),
            "x": draw(tensor_specs(shape=shape, dtypes=FL, special=False)), "k": draw(st.integers(0, 3)),
            "groups": draw(st.integers(0, 4)), "training": draw(st.booleans()), "affine": draw(st.booleans()),
            "eps": draw(st.sampled_from([1e-5, 1e-3, 0.0]))}


def check_norm(c):
    x, tx = both(c["x"])
    shape = c["x"]["shape"]
    kind = c["kind"]
    C = shape[1]
    dt = x.dtype
    # The oracle is torch in float64, rounded to the input's dtype: a (near-)constant group makes
    # invstd ~1/sqrt(eps), and torch's own float32 kernels then drift by ~1e-4 from the exact result.
    out_dtype, tx = tx.dtype, tx.double()
    tdt = tx.dtype
    check_against_torch = _rounded_to(out_dtype)

    def params(n):
        return (rt.ones(n, dtype=dt) * 1.5, rt.ones(n, dtype=dt) * 0.25), \
               (torch.ones(n, dtype=tdt) * 1.5, torch.ones(n, dtype=tdt) * 0.25)
    eps = c["eps"] or 1e-5
    if kind == "layer_norm":
        ns = shape[len(shape) - min(c["k"], len(shape)):] if c["k"] else shape[-1:]
        (w, b), (tw, tb) = params(tuple(ns)) if c["affine"] else ((None, None), (None, None))
        check_against_torch(f"layer_norm {c}", lambda: RF.layer_norm(x, ns, w, b, eps),
                            lambda: TF.layer_norm(tx, ns, tw, tb, eps), **TOL)
    elif kind == "rms_norm":
        ns = shape[-1:]
        check_against_torch(f"rms_norm {c}", lambda: RF.rms_norm(x, ns, eps=eps), lambda: TF.rms_norm(tx, ns, eps=eps), **TOL)
    elif kind == "batch_norm":
        (w, b), (tw, tb) = params(C)
        rm, rv = rt.zeros(C, dtype=dt), rt.ones(C, dtype=dt)
        trm, trv = torch.zeros(C, dtype=tdt), torch.ones(C, dtype=tdt)
        check_against_torch(f"batch_norm {c}", lambda: (RF.batch_norm(x, rm, rv, w, b, c["training"], 0.1, eps), rm, rv),
                            lambda: (TF.batch_norm(tx, trm, trv, tw, tb, c["training"], 0.1, eps), trm, trv), **TOL)
    elif kind == "group_norm":
        g = c["groups"]
        check_against_torch(f"group_norm {c}", lambda: RF.group_norm(x, g, eps=eps), lambda: TF.group_norm(tx, g, eps=eps), **TOL)
    elif kind == "instance_norm":
        check_against_torch(f"instance_norm {c}", lambda: RF.instance_norm(x, eps=eps), lambda: TF.instance_norm(tx, eps=eps), **TOL)
    elif kind == "normalize":
        d = c["k"] - 2
        check_against_torch(f"normalize {c}", lambda: RF.normalize(x, dim=d), lambda: TF.normalize(tx, dim=d), **TOL)
    else:
        size = c["k"]
        check_against_torch(f"lrn {c}", lambda: RF.local_response_norm(x, size), lambda: TF.local_response_norm(tx, size), **TOL)


def _rounded_to(dtype):
    def check(what, rt_call, torch_call, **kw):
        def rounded():
            out = torch_call()
            return tuple(t.to(dtype) for t in out) if isinstance(out, tuple) else out.to(dtype)
        return common.check_against_torch(what, rt_call, rounded, **kw)
    return check


LOSSES = ["mse_loss", "l1_loss", "smooth_l1_loss", "huber_loss", "binary_cross_entropy_with_logits",
          "binary_cross_entropy", "kl_div", "soft_margin_loss", "cross_entropy", "nll_loss", "cross_entropy_probs",
          "poisson_nll_loss", "gaussian_nll_loss", "margin_ranking_loss", "hinge_embedding_loss", "cosine_embedding_loss",
          "multilabel_soft_margin_loss", "triplet_margin_loss"]


@st.composite
def loss_cases(draw):
    shape = [draw(st.integers(0, 4)), draw(st.integers(1, 4))] + ([draw(st.integers(0, 3))] if draw(st.booleans()) else [])
    t_shape = shape if draw(st.integers(0, 9)) else [draw(st.integers(0, 4))]
    x = draw(tensor_specs(shape=shape, dtypes=FL, special=False))
    return {"loss": draw(st.sampled_from(LOSSES)), "x": x,
            # input and target share a dtype: torch's mixed-dtype rules differ from loss to loss
            "t": draw(tensor_specs(shape=t_shape, dtypes=[x["dtype"]], special=False)),
            "reduction": draw(st.sampled_from(["mean", "sum", "none", "bogus"] if draw(st.integers(0, 19)) == 0
                                              else ["mean", "sum", "none"])),
            "seed": draw(st.integers(0, 2**31 - 1)), "ignore_index": draw(st.sampled_from([-100, 0, 1])),
            "label_smoothing": draw(st.sampled_from([0.0, 0.0, 0.1]))}


def check_loss(c):
    import numpy as np
    x, tx = both(c["x"])
    t, tt = both(c["t"])
    name, red = c["loss"], c["reduction"]
    rng = np.random.default_rng(c["seed"])
    if name in ("cross_entropy", "nll_loss"):
        C = c["x"]["shape"][1]
        tshape = [c["x"]["shape"][0]] + c["x"]["shape"][2:]
        if c["t"]["shape"] != c["x"]["shape"]:
            tshape = c["t"]["shape"]
        lab = rng.integers(0, C + (1 if rng.random() < 0.1 else 0), size=tshape).astype(np.int64)
        t, tt = rt.tensor(lab, dtype=rt.int64), torch.tensor(lab)
        kw = {"reduction": red, "ignore_index": c["ignore_index"]}
        if name == "cross_entropy":
            kw["label_smoothing"] = c["label_smoothing"]
        if name == "nll_loss":
            x, tx = RF.log_softmax(x, 1) if x.dim() > 1 else x, TF.log_softmax(tx, 1) if tx.dim() > 1 else tx
        check_against_torch(f"{name} {c}", lambda: getattr(RF, name)(x, t, **kw), lambda: getattr(TF, name)(tx, tt, **kw), **TOL)
        return
    if name == "cross_entropy_probs":
        check_against_torch(f"{name} {c}", lambda: RF.cross_entropy(x, RF.softmax(t, 1) if t.dim() > 1 else t, reduction=red),
                            lambda: TF.cross_entropy(tx, TF.softmax(tt, 1) if tt.dim() > 1 else tt, reduction=red), **TOL)
        return
    if name in ("binary_cross_entropy", "kl_div", "poisson_nll_loss", "multilabel_soft_margin_loss"):
        x, tx = RF.sigmoid(x) if name == "binary_cross_entropy" else x, TF.sigmoid(tx) if name == "binary_cross_entropy" else tx
        t, tt = RF.sigmoid(t), TF.sigmoid(tt)
    if name in ("margin_ranking_loss", "hinge_embedding_loss", "soft_margin_loss"):
        t, tt = t.sign(), tt.sign()
    if name == "gaussian_nll_loss":
        var_np = rng.random(c["x"]["shape"]) + 0.1
        v, tv = rt.tensor(var_np).to(x.dtype), torch.tensor(var_np).to(tx.dtype)
        check_against_torch(f"{name} {c}", lambda: RF.gaussian_nll_loss(x, t, v, reduction=red),
                            lambda: TF.gaussian_nll_loss(tx, tt, tv, reduction=red), **TOL)
        return
    if name == "margin_ranking_loss":
        check_against_torch(f"{name} {c}", lambda: RF.margin_ranking_loss(x, x * 0.5, t, reduction=red),
                            lambda: TF.margin_ranking_loss(tx, tx * 0.5, tt, reduction=red), **TOL)
        return
    if name == "cosine_embedding_loss":
        check_against_torch(f"{name} {c}", lambda: RF.cosine_embedding_loss(x, t, rt.ones(x.shape[0], dtype=x.dtype), reduction=red),
                            lambda: TF.cosine_embedding_loss(tx, tt, torch.ones(tx.shape[0], dtype=tx.dtype), reduction=red), **TOL)
        return
    if name == "triplet_margin_loss":
        check_against_torch(f"{name} {c}", lambda: RF.triplet_margin_loss(x, t, x * 0.5, reduction=red),
                            lambda: TF.triplet_margin_loss(tx, tt, tx * 0.5, reduction=red), **TOL)
        return
    # rustorch refuses a multilabel target whose shape differs from the input's; torch broadcasts it
    stricter = name == "multilabel_soft_margin_loss" and tuple(x.shape) != tuple(t.shape)
    check_against_torch(f"{name} {c}", lambda: getattr(RF, name)(x, t, reduction=red),
                        lambda: getattr(TF, name)(tx, tt, reduction=red), torch_skips_checks=stricter, **TOL)


ACTS = [("relu", {}), ("relu6", {}), ("elu", {"alpha": 0.7}), ("selu", {}), ("celu", {"alpha": 1.3}), ("gelu", {}),
        ("gelu", {"approximate": "tanh"}), ("silu", {}), ("mish", {}), ("softplus", {"beta": 2.0, "threshold": 5.0}),
        ("leaky_relu", {"negative_slope": 0.1}), ("hardtanh", {"min_val": -0.5, "max_val": 2.0}), ("hardsigmoid", {}),
        ("hardswish", {}), ("logsigmoid", {}), ("softsign", {}), ("tanhshrink", {}), ("softshrink", {"lambd": 0.5}),
        ("hardshrink", {"lambd": 0.5}), ("threshold", {"threshold": 0.1, "value": -1.0}), ("glu", {"dim": -1}),
        ("softmin", {"dim": -1}), ("sigmoid", {}), ("tanh", {})]


@st.composite
def act_cases(draw):
    return {"i": draw(st.integers(0, len(ACTS) - 1)), "x": draw(tensor_specs(dtypes=FL + ["int64"]))}


def check_act(c):
    name, kw = ACTS[c["i"]]
    x, tx = both(c["x"])
    torch_call = lambda: getattr(TF, name)(tx, **kw)  # noqa: E731
    if name == "gelu" and not kw and tx.dtype == torch.float32:
        # torch's float32 CPU kernel maps +inf to nan (its float64 one gives inf, the limit): compare
        # with the float64 result rounded to float32
        torch_call = lambda: TF.gelu(tx.double()).float()  # noqa: E731
    check_against_torch(f"{name}{kw} {c}", lambda: getattr(RF, name)(x, **kw), torch_call, rtol=1e-4, atol=1e-5)


PROPERTIES = [
    Prop("conv", conv_cases(), check_conv, quick=120, long=5000),
    Prop("pool", pool_cases(), check_pool, quick=120, long=5000),
    Prop("norm", norm_cases(), check_norm, quick=100, long=4000),
    Prop("loss", loss_cases(), check_loss, quick=150, long=5000),
    Prop("activation", act_cases(), check_act, quick=120, long=4000),
]
