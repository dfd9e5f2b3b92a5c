"""rt.optim.lr_scheduler against torch.optim.lr_scheduler: learning-rate (and momentum) sequences,
closed forms, resuming, state_dict round trips and errors."""
import json
import math
import warnings

import pytest

import rustorch as rt

torch = pytest.importorskip("torch")

EPOCHS = 40


def _optimizer(lib, kind="sgd"):
    p1 = lib.tensor([1.0, 2.0], requires_grad=True)
    p2 = lib.tensor([3.0], requires_grad=True)
    groups = [{"params": [p1], "lr": 0.1}, {"params": [p2], "lr": 0.05}]
    if kind == "adam":
        return lib.optim.Adam(groups, lr=0.1)
    return lib.optim.SGD(groups, lr=0.1, momentum=0.9)


def _cosine_then(lib, opt):
    S = lib.optim.lr_scheduler
    return S.SequentialLR(opt, [S.LinearLR(opt, start_factor=0.1, total_iters=4), S.CosineAnnealingLR(opt, T_max=10)],
                          milestones=[4])


def _constant_then_exp(lib, opt):
    S = lib.optim.lr_scheduler
    return S.SequentialLR(opt, [S.ConstantLR(opt, factor=0.5, total_iters=3), S.ExponentialLR(opt, gamma=0.9),
                                S.StepLR(opt, step_size=4, gamma=0.5)], milestones=[5, 12])


def _chained(lib, opt):
    S = lib.optim.lr_scheduler
    return S.ChainedScheduler([S.ExponentialLR(opt, gamma=0.95), S.StepLR(opt, step_size=5, gamma=0.5)])


def _decay(epoch):
    return 0.95 ** epoch


def _warm(epoch):
    return min(1.0, (epoch + 1) / 5)


CASES = {
    "StepLR": lambda lib, o: lib.optim.lr_scheduler.StepLR(o, step_size=3, gamma=0.5),
    "MultiStepLR": lambda lib, o: lib.optim.lr_scheduler.MultiStepLR(o, milestones=[2, 5, 5, 9], gamma=0.3),
    "ExponentialLR": lambda lib, o: lib.optim.lr_scheduler.ExponentialLR(o, gamma=0.9),
    "CosineAnnealingLR": lambda lib, o: lib.optim.lr_scheduler.CosineAnnealingLR(o, T_max=10, eta_min=0.001),
    "CosineAnnealingWarmRestarts": lambda lib, o: lib.optim.lr_scheduler.CosineAnnealingWarmRestarts(
        o, T_0=5, T_mult=2, eta_min=0.01),
    "CosineAnnealingWarmRestarts-T_mult1": lambda lib, o: lib.optim.lr_scheduler.CosineAnnealingWarmRestarts(o, T_0=7),
    "LambdaLR": lambda lib, o: lib.optim.lr_scheduler.LambdaLR(o, _decay),
    "LambdaLR-per-group": lambda lib, o: lib.optim.lr_scheduler.LambdaLR(o, [_decay, _warm]),
    "MultiplicativeLR": lambda lib, o: lib.optim.lr_scheduler.MultiplicativeLR(o, lambda e: 0.97),
    "LinearLR": lambda lib, o: lib.optim.lr_scheduler.LinearLR(o, start_factor=0.25, total_iters=6),
    "LinearLR-down": lambda lib, o: lib.optim.lr_scheduler.LinearLR(o, start_factor=1.0, end_factor=0.2,
                                                                    total_iters=10),
    "ConstantLR": lambda lib, o: lib.optim.lr_scheduler.ConstantLR(o, factor=0.5, total_iters=4),
    "PolynomialLR": lambda lib, o: lib.optim.lr_scheduler.PolynomialLR(o, total_iters=20, power=2.0),
    "OneCycleLR": lambda lib, o: lib.optim.lr_scheduler.OneCycleLR(o, max_lr=0.5, total_steps=EPOCHS + 1),
    "OneCycleLR-three-phase-linear": lambda lib, o: lib.optim.lr_scheduler.OneCycleLR(
        o, max_lr=[0.5, 0.2], epochs=4, steps_per_epoch=11, pct_start=0.25, anneal_strategy="linear",
        three_phase=True, div_factor=10.0),
    "SequentialLR": _cosine_then,
    "SequentialLR-three": _constant_then_exp,
    "ChainedScheduler": _chained,
}


def _run(lib, make, kind="sgd", epochs=EPOCHS):
    opt = _optimizer(lib, kind)
    sched = make(lib, opt)
    lrs = [list(sched.get_last_lr())]
    moms = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in range(epochs):
            opt.step()
            sched.step()
            lrs.append(list(sched.get_last_lr()))
            assert lrs[-1] == [g["lr"] for g in opt.param_groups]
            moms.append([g.get("momentum", g.get("betas", (None,))[0]) for g in opt.param_groups])
    return lrs, moms, opt, sched


def _assert_seq_equal(a, b):
    assert len(a) == len(b)
    for i, (x, y) in enumerate(zip(a, b)):
        assert x == pytest.approx(y, rel=1e-12, abs=1e-15), f"epoch {i}: {x} != {y}"


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("kind", ["sgd", "adam"])
def test_lr_sequence_matches_torch(case, kind):
    a, ma, opt, _ = _run(rt, CASES[case], kind)
    b, mb, topt, _ = _run(torch, CASES[case], kind)
    _assert_seq_equal(a, b)
    _assert_seq_equal(ma, mb)  # OneCycleLR cycles momentum / beta1
    for g, tg in zip(opt.param_groups, topt.param_groups):
        assert g["initial_lr"] == pytest.approx(tg["initial_lr"], rel=1e-15)


@pytest.mark.parametrize("mode,threshold_mode,kw", [
    ("min", "rel", dict(patience=2, factor=0.5)),
    ("min", "abs", dict(patience=1, factor=0.3, threshold=0.05, cooldown=2)),
    ("max", "rel", dict(patience=0, factor=0.5, min_lr=[0.01, 0.02])),
    ("max", "abs", dict(patience=3, factor=0.1, min_lr=0.001, eps=1e-3)),
])
def test_reduce_lr_on_plateau_matches_torch(mode, threshold_mode, kw):
    metrics = [1.0, 0.9, 0.95, 0.93, 0.91, 0.92, 0.92, 0.8, 0.85, 0.85, 0.85, 0.86, 0.7, 0.71, 0.72, 0.73, 0.74,
               0.75, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6]
    if mode == "max":
        metrics = [-m for m in metrics]

    def run(lib):
        opt = _optimizer(lib)
        sched = lib.optim.lr_scheduler.ReduceLROnPlateau(opt, mode=mode, threshold_mode=threshold_mode, **kw)
        out = []
        for m in metrics:
            opt.step()
            sched.step(m)
            out.append(list(sched.get_last_lr()) + [sched.num_bad_epochs, sched.cooldown_counter, sched.best])
        return out, sched

    a, s = run(rt)
    b, ts = run(torch)
    _assert_seq_equal(a, b)
    sd = s.state_dict()
    s2 = rt.optim.lr_scheduler.ReduceLROnPlateau(_optimizer(rt))
    s2.load_state_dict(sd)
    assert s2.best == s.best and s2.mode == mode and s2.threshold_mode == threshold_mode


@pytest.mark.parametrize("case", ["StepLR", "MultiStepLR", "ExponentialLR", "CosineAnnealingLR", "LinearLR",
                                  "ConstantLR", "PolynomialLR", "CosineAnnealingWarmRestarts",
                                  "CosineAnnealingWarmRestarts-T_mult1"])
def test_closed_form_step_with_epoch_matches_torch(case):
    epochs = [3, 7, 7, 1, 12, 30, 0, 5] if "WarmRestarts" not in case else [3, 7.5, 12, 1, 31, 0, 4.25]

    def run(lib):
        opt = _optimizer(lib)
        sched = CASES[case](lib, opt)
        out = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for e in epochs:
                sched.step(e)
                out.append(list(sched.get_last_lr()) + [sched.last_epoch])
        return out

    _assert_seq_equal(run(rt), run(torch))


def test_step_with_epoch_warns():
    opt = _optimizer(rt)
    sched = rt.optim.lr_scheduler.StepLR(opt, step_size=2)
    with pytest.warns(UserWarning, match="epoch parameter"):
        sched.step(4)
    assert sched.get_last_lr() == pytest.approx([0.1 * 0.01, 0.05 * 0.01])


def _jsonable(sd):
    return json.loads(json.dumps(sd))


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("via_json", [False, True], ids=["dict", "json"])
def test_state_dict_round_trip(case, via_json):
    k = 13
    full, _, _, _ = _run(rt, CASES[case])
    _, _, opt, sched = _run(rt, CASES[case], epochs=k)
    s_sd, o_sd = sched.state_dict(), opt.state_dict()
    if via_json:
        if case.startswith(("LambdaLR", "MultiplicativeLR")):
            s_sd = dict(s_sd, lr_lambdas=[None] * len(s_sd["lr_lambdas"]))
        s_sd, o_sd = _jsonable(s_sd), _jsonable(o_sd)
    # fresh optimizer and scheduler (as after a restart), then load the scheduler, then the optimizer
    opt2 = _optimizer(rt)
    sched2 = CASES[case](rt, opt2)
    sched2.load_state_dict(s_sd)
    opt2.load_state_dict(o_sd)
    rest = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in range(EPOCHS - k):
            opt2.step()
            sched2.step()
            rest.append(list(sched2.get_last_lr()))
    _assert_seq_equal(full[k + 1:], rest)


def test_state_dict_has_no_optimizer():
    opt = _optimizer(rt)
    sched = rt.optim.lr_scheduler.StepLR(opt, step_size=3)
    sd = sched.state_dict()
    assert "optimizer" not in sd and sd["last_epoch"] == 0 and sd["base_lrs"] == [0.1, 0.05]
    seq = _cosine_then(rt, opt).state_dict()
    assert len(seq["_schedulers"]) == 2 and "optimizer" not in seq["_schedulers"][0]


def test_resume_with_last_epoch_matches_torch():
    def run(lib):
        opt = _optimizer(lib)
        for g in opt.param_groups:
            g["initial_lr"] = g["lr"] * 2
        sched = lib.optim.lr_scheduler.StepLR(opt, step_size=3, gamma=0.5, last_epoch=7)
        out = [list(sched.get_last_lr()), sched.last_epoch]
        for _ in range(8):
            opt.step()
            sched.step()
            out.append(list(sched.get_last_lr()))
        return out

    a, b = run(rt), run(torch)
    assert a[1] == b[1] == 8
    _assert_seq_equal([a[0]] + a[2:], [b[0]] + b[2:])


def test_initial_lr_and_errors():
    opt = _optimizer(rt)
    rt.optim.lr_scheduler.ExponentialLR(opt, gamma=0.5)
    assert [g["initial_lr"] for g in opt.param_groups] == [0.1, 0.05]
    with pytest.raises(KeyError, match="initial_lr"):
        rt.optim.lr_scheduler.StepLR(_optimizer(rt), step_size=2, last_epoch=3)
    with pytest.raises(TypeError, match="is not an Optimizer"):
        rt.optim.lr_scheduler.StepLR(object(), step_size=2)
    with pytest.raises(ValueError, match="Factor should be < 1.0"):
        rt.optim.lr_scheduler.ReduceLROnPlateau(_optimizer(rt), factor=1.5)
    with pytest.raises(ValueError, match="unknown"):
        rt.optim.lr_scheduler.ReduceLROnPlateau(_optimizer(rt), mode="median")
    with pytest.raises(ValueError, match="T_0"):
        rt.optim.lr_scheduler.CosineAnnealingWarmRestarts(_optimizer(rt), T_0=0)
    with pytest.raises(ValueError, match="total_steps"):
        rt.optim.lr_scheduler.OneCycleLR(_optimizer(rt), max_lr=0.1)
    with pytest.raises(ValueError, match="Starting multiplicative factor"):
        rt.optim.lr_scheduler.LinearLR(_optimizer(rt), start_factor=0)
    o = _optimizer(rt)
    S = rt.optim.lr_scheduler
    with pytest.raises(ValueError, match="number of milestone points"):
        S.SequentialLR(o, [S.StepLR(o, 2), S.StepLR(o, 3)], milestones=[2, 4])
    with pytest.raises(ValueError, match="ReduceLROnPlateau"):
        S.SequentialLR(o, [S.StepLR(o, 2), S.ReduceLROnPlateau(o)], milestones=[2])
    with pytest.raises(ValueError, match="same optimizer"):
        S.SequentialLR(o, [S.StepLR(o, 2), S.StepLR(_optimizer(rt), 3)], milestones=[2])
    one = S.OneCycleLR(_optimizer(rt), max_lr=0.1, total_steps=3)
    for _ in range(3):
        one.step()
    with pytest.raises(ValueError, match="Tried to step 4 times"):
        one.step()
    opt_nomom = rt.optim.Adagrad([rt.tensor([1.0], requires_grad=True)])
    with pytest.raises(ValueError, match="momentum or beta1"):
        S.OneCycleLR(opt_nomom, max_lr=0.1, total_steps=10)
    assert math.isclose(S.OneCycleLR(opt_nomom, max_lr=0.1, total_steps=10, cycle_momentum=False).get_last_lr()[0],
                        0.004)
