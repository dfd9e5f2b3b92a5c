"""rt.optim against torch.optim: 50-step trajectories on the same small model, state_dict round
trips (also through a JSON + .npz serialisation), option validation, and API details."""
import io
import json

import numpy as np
import pytest

import rustorch as rt

torch = pytest.importorskip("torch")

N, D, H, O = 16, 4, 8, 3
STEPS = 50


def _data(dtype, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((N, D)).astype(dtype)
    Y = rng.standard_normal((N, O)).astype(dtype)
    init = [(rng.standard_normal(s) * 0.5).astype(dtype) for s in [(D, H), (H,), (H, O), (O,)]]
    return X, Y, init


def _loss(P, X, Y):
    """A 2-layer MLP (x @ W1 + b1 -> tanh -> @ W2 + b2) with an MSE loss."""
    W1, b1, W2, b2 = P[:4]
    d = (X @ W1 + b1).tanh() @ W2 + b2 - Y
    return (d * d).sum() / N


def _params(lib, init, noncontig=False, extra=False):
    P = [lib.tensor(a.copy(), requires_grad=True) for a in init]
    if noncontig:  # W1 as a transposed (non-contiguous) leaf
        P[0] = lib.tensor(init[0].T.copy()).transpose(0, 1).detach().requires_grad_()
        assert not P[0].is_contiguous()
    if extra:  # a parameter that never gets a gradient
        P.append(lib.tensor(np.ones(3, dtype=init[0].dtype), requires_grad=True))
    return P


def _make(lib, name, P, kw, groups):
    cls = getattr(lib.optim, name)
    if groups:  # two groups: first layer with its own options
        g0 = dict(kw, params=P[:2])
        g0["lr"] = kw.get("lr", 1e-2) * 0.5
        return cls([g0, {"params": P[2:]}], **kw)
    return cls(P, **kw)


def _trajectory(lib, name, kw, dtype=np.float32, steps=STEPS, groups=False, noncontig=False, extra=False):
    X, Y, init = _data(dtype)
    P = _params(lib, init, noncontig, extra)
    Xl, Yl = lib.tensor(X), lib.tensor(Y)
    opt = _make(lib, name, P, kw, groups)
    out = []
    for _ in range(steps):
        opt.zero_grad()
        _loss(P, Xl, Yl).backward()
        opt.step()
        out.append([p.detach().numpy().copy() for p in P])
    return out, opt, P


CASES = [
    ("SGD", dict(lr=0.1)),
    ("SGD", dict(lr=0.05, momentum=0.9)),
    ("SGD", dict(lr=0.05, momentum=0.9, dampening=0.3, weight_decay=0.01)),
    ("SGD", dict(lr=0.05, momentum=0.9, nesterov=True, weight_decay=0.05)),
    ("SGD", dict(lr=0.005, momentum=0.5, maximize=True)),
    ("Adam", dict(lr=0.01)),
    ("Adam", dict(lr=0.02, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1)),
    ("Adam", dict(lr=0.01, amsgrad=True)),
    ("Adam", dict(lr=0.01, amsgrad=True, weight_decay=0.05, maximize=True)),
    ("Adam", dict(lr=0.01, betas=(0.3, 0.9), decoupled_weight_decay=True, weight_decay=0.1)),
    ("AdamW", dict(lr=0.01)),
    ("AdamW", dict(lr=0.01, weight_decay=0.3, amsgrad=True)),
    ("RMSprop", dict(lr=0.002)),
    ("RMSprop", dict(lr=0.001, alpha=0.9, centered=True)),
    ("RMSprop", dict(lr=0.005, momentum=0.9, weight_decay=0.01)),
    ("RMSprop", dict(lr=0.002, momentum=0.5, centered=True, eps=1e-4, maximize=True)),
    ("Adagrad", dict(lr=0.05)),
    ("Adagrad", dict(lr=0.1, lr_decay=0.05, weight_decay=0.01, initial_accumulator_value=0.5)),
    ("Adagrad", dict(lr=0.02, eps=1e-6, maximize=True)),
    ("Adadelta", dict()),
    ("Adadelta", dict(lr=0.5, rho=0.8, eps=1e-5, weight_decay=0.02)),
    ("Adadelta", dict(lr=0.5, maximize=True)),
    ("Adamax", dict(lr=0.01)),
    ("Adamax", dict(lr=0.02, betas=(0.7, 0.95), weight_decay=0.05, eps=1e-5)),
    ("NAdam", dict(lr=0.01)),
    ("NAdam", dict(lr=0.01, momentum_decay=0.01, weight_decay=0.05)),
    ("NAdam", dict(lr=0.01, weight_decay=0.1, decoupled_weight_decay=True, maximize=True)),
    ("RAdam", dict(lr=0.01)),
    ("RAdam", dict(lr=0.01, betas=(0.8, 0.9), weight_decay=0.05)),
    ("RAdam", dict(lr=0.01, weight_decay=0.1, decoupled_weight_decay=True)),
]
NAMES = ["SGD", "Adam", "AdamW", "RMSprop", "Adagrad", "Adadelta", "Adamax", "NAdam", "RAdam"]


def _case_id(c):
    return c[0] + "-" + ",".join(f"{k}={v}" for k, v in c[1].items())


def _assert_close(a, b, dtype):
    # The two frameworks' forward/backward passes round differently (last bits of the gradients);
    # the dynamics carry that along, so float32 runs agree to ~1e-5 after 50 steps.
    tol = dict(rtol=1e-4, atol=1e-5) if dtype == np.float32 else dict(rtol=1e-10, atol=1e-12)
    for step, (sa, sb) in enumerate(zip(a, b)):
        for i, (x, y) in enumerate(zip(sa, sb)):
            np.testing.assert_allclose(x, y, err_msg=f"step {step + 1}, param {i}", **tol)


@pytest.mark.parametrize("case", CASES, ids=_case_id)
@pytest.mark.parametrize("dtype", [np.float32, np.float64], ids=["f32", "f64"])
def test_trajectory_matches_torch(case, dtype):
    name, kw = case
    a, _, _ = _trajectory(rt, name, kw, dtype)
    b, _, _ = _trajectory(torch, name, kw, dtype)
    _assert_close(a, b, dtype)


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_update_rule_with_identical_gradients(case):
    # Both optimizers get the same gradients (not a function of the parameters), so only the update
    # rule is compared: float32 results agree to a few ulps of the values at every step.
    name, kw = case
    rng = np.random.default_rng(7)
    shapes = [(5, 7), (13,), (2, 3, 4)]
    init = [rng.standard_normal(s).astype(np.float32) for s in shapes]
    grads = [[(rng.standard_normal(s) * 10.0 ** rng.integers(-4, 1)).astype(np.float32) for s in shapes]
             for _ in range(STEPS)]

    def run(lib):
        P = [lib.tensor(a.copy(), requires_grad=True) for a in init]
        opt = getattr(lib.optim, name)(P, **kw)
        out = []
        for gs in grads:
            for p, g in zip(P, gs):
                p.grad = lib.tensor(g)
            opt.step()
            out.append([p.detach().numpy().copy() for p in P])
        return out

    for step, (sa, sb) in enumerate(zip(run(rt), run(torch))):
        for i, (x, y) in enumerate(zip(sa, sb)):
            np.testing.assert_allclose(x, y, rtol=1e-5, atol=1e-6, err_msg=f"step {step + 1}, param {i}")


@pytest.mark.parametrize("name", NAMES)
def test_param_groups_unused_params_and_noncontiguous(name):
    kw = dict(lr=0.01) if name not in ("SGD",) else dict(lr=0.05, momentum=0.9)
    a, opt, P = _trajectory(rt, name, kw, groups=True, noncontig=True, extra=True)
    b, topt, _ = _trajectory(torch, name, kw, groups=True, noncontig=True, extra=True)
    _assert_close(a, b, np.float32)
    # The parameter without gradient is untouched and has no state (Adagrad creates it eagerly).
    np.testing.assert_array_equal(P[-1].detach().numpy(), np.ones(3, dtype=np.float32))
    assert (len(opt.state[P[-1]]) == 0) == (name != "Adagrad")
    assert [g["lr"] for g in opt.param_groups] == [g["lr"] for g in topt.param_groups]


# ------------------------------------------------------------------------------------- state


@pytest.mark.parametrize("name", NAMES)
def test_state_dict_layout_matches_torch(name):
    kw = dict(lr=0.01, momentum=0.9) if name in ("SGD", "RMSprop") else dict(lr=0.01)
    if name == "Adam":
        kw["amsgrad"] = True
    _, opt, P = _trajectory(rt, name, kw, steps=2, groups=True)
    _, topt, _ = _trajectory(torch, name, kw, steps=2, groups=True)
    sd, tsd = opt.state_dict(), topt.state_dict()
    assert sorted(sd["state"].keys()) == sorted(tsd["state"].keys())
    for k in tsd["state"]:
        assert set(sd["state"][k].keys()) == set(tsd["state"][k].keys())
        for key, tv in tsd["state"][k].items():
            v = sd["state"][k][key]
            assert isinstance(v, rt.Tensor)
            assert tuple(v.shape) == tuple(tv.shape)
            np.testing.assert_allclose(v.numpy(), tv.numpy(), rtol=1e-5, atol=1e-6)
    for g, tg in zip(sd["param_groups"], tsd["param_groups"]):
        assert set(g.keys()) == set(tg.keys())
        assert g["params"] == tg["params"]
    # state tensors are the live rustorch tensors in optimizer.state[p]
    st = opt.state[P[0]]
    assert all(isinstance(v, rt.Tensor) for v in st.values())
    if "step" in st:
        assert st["step"].dtype == rt.float32 and st["step"].item() == 2.0


def _serialize(sd):
    """state_dict -> (JSON text, .npz bytes) with no pickle: tensors go to the npz by path."""
    arrays = {}

    def enc(v, path):
        if isinstance(v, rt.Tensor):
            key = f"t{len(arrays)}"
            arrays[key] = v.numpy().copy()
            return {"__tensor__": key}
        if isinstance(v, dict):
            return {str(k): enc(x, f"{path}/{k}") for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            return [enc(x, f"{path}/{i}") for i, x in enumerate(v)]
        return v

    text = json.dumps(enc(sd, ""))
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    return text, buf.getvalue()


def _deserialize(text, blob):
    arrays = np.load(io.BytesIO(blob), allow_pickle=False)

    def dec(v):
        if isinstance(v, dict):
            if set(v) == {"__tensor__"}:
                return rt.tensor(arrays[v["__tensor__"]])
            return {k: dec(x) for k, x in v.items()}
        if isinstance(v, list):
            return [dec(x) for x in v]
        return v

    return dec(json.loads(text))


ROUNDTRIP = [c for c in CASES if c[0] != "SGD" or c[1].get("momentum")] + [("SGD", dict(lr=0.1))]


@pytest.mark.parametrize("case", ROUNDTRIP, ids=_case_id)
@pytest.mark.parametrize("via", ["dict", "json"])
def test_state_dict_round_trip_mid_training(case, via):
    name, kw = case
    X, Y, init = _data(np.float32)
    Xl, Yl = rt.tensor(X), rt.tensor(Y)
    k = 20

    def train(P, opt, n):
        out = []
        for _ in range(n):
            opt.zero_grad()
            _loss(P, Xl, Yl).backward()
            opt.step()
            out.append([p.detach().numpy().copy() for p in P])
        return out

    P = _params(rt, init)
    opt = _make(rt, name, P, kw, groups=True)
    straight = train(P, opt, STEPS)

    P1 = _params(rt, init)
    opt1 = _make(rt, name, P1, kw, groups=True)
    first = train(P1, opt1, k)
    sd = opt1.state_dict()
    if via == "json":
        sd = _deserialize(*_serialize(sd))
    else:
        sd = {"state": sd["state"], "param_groups": sd["param_groups"]}
    # a fresh process: new parameter tensors holding the step-k values, a fresh optimizer
    P2 = [rt.tensor(p.detach().numpy().copy(), requires_grad=True) for p in P1]
    opt2 = _make(rt, name, P2, dict(kw, lr=123.0) if "lr" in kw else kw, groups=True)
    opt2.load_state_dict(sd)
    rest = train(P2, opt2, STEPS - k)
    for s, (x, y) in enumerate(zip(straight, first + rest)):
        for a, b in zip(x, y):
            np.testing.assert_array_equal(a, b, err_msg=f"step {s + 1}")
    assert opt2.param_groups[0]["lr"] == opt.param_groups[0]["lr"]
    if "betas" in opt.defaults:
        assert isinstance(opt2.param_groups[0]["betas"], tuple)


def test_load_state_dict_copies_and_casts():
    X, Y, init = _data(np.float32)
    P = _params(rt, init)
    opt = rt.optim.Adam(P, lr=0.01)
    _loss(P, rt.tensor(X), rt.tensor(Y)).backward()
    opt.step()
    sd = opt.state_dict()
    P64 = [rt.tensor(p.detach().numpy().astype(np.float64), requires_grad=True) for p in P]
    opt64 = rt.optim.Adam(P64, lr=0.01)
    opt64.load_state_dict(sd)
    st = opt64.state[P64[0]]
    assert st["exp_avg"].dtype == rt.float64 and st["step"].dtype == rt.float32
    assert st["exp_avg"].data_ptr() != opt.state[P[0]]["exp_avg"].data_ptr()
    with pytest.raises(ValueError, match="number of parameter groups"):
        rt.optim.Adam([{"params": P[:2]}, {"params": P[2:]}]).load_state_dict(sd)
    with pytest.raises(ValueError, match="doesn't match the size"):
        rt.optim.Adam(P[:3]).load_state_dict(sd)


# -------------------------------------------------------------------------------------- LBFGS


def _lbfgs_run(lib, dtype, kw, steps):
    X, Y, init = _data(dtype)
    P = _params(lib, init)
    Xl, Yl = lib.tensor(X), lib.tensor(Y)
    opt = lib.optim.LBFGS(P, **kw)

    def closure():
        opt.zero_grad()
        loss = _loss(P, Xl, Yl)
        loss.backward()
        return loss

    out, losses = [], []
    for _ in range(steps):
        losses.append(opt.step(closure).item())
        out.append([p.detach().numpy().copy() for p in P])
    return out, losses, opt


@pytest.mark.parametrize("kw", [dict(lr=1, max_iter=5), dict(lr=0.5, max_iter=4, history_size=3),
                                dict(lr=1, max_iter=5, line_search_fn="strong_wolfe")],
                         ids=["plain", "short-history", "strong_wolfe"])
@pytest.mark.parametrize("dtype", [np.float32, np.float64], ids=["f32", "f64"])
def test_lbfgs_matches_torch(kw, dtype):
    steps = 6 if dtype == np.float32 else 10
    a, la, opt = _lbfgs_run(rt, dtype, kw, steps)
    b, lb, topt = _lbfgs_run(torch, dtype, kw, steps)
    tol = dict(rtol=1e-3, atol=1e-4) if dtype == np.float32 else dict(rtol=1e-8, atol=1e-10)
    np.testing.assert_allclose(la, lb, **tol)
    for sa, sb in zip(a, b):
        for x, y in zip(sa, sb):
            np.testing.assert_allclose(x, y, **tol)
    st, tst = opt.state[opt._params[0]], topt.state[topt._params[0]]
    assert st["func_evals"] == tst["func_evals"] and st["n_iter"] == tst["n_iter"]
    assert la[-1] < la[0]


@pytest.mark.parametrize("via", ["dict", "json"])
def test_lbfgs_state_dict_round_trip(via):
    X, Y, init = _data(np.float32)
    Xl, Yl = rt.tensor(X), rt.tensor(Y)
    kw = dict(lr=1, max_iter=4, history_size=5, line_search_fn="strong_wolfe")

    def run(P, opt, n):
        def closure():
            opt.zero_grad()
            loss = _loss(P, Xl, Yl)
            loss.backward()
            return loss
        for _ in range(n):
            opt.step(closure)
        return [p.detach().numpy().copy() for p in P]

    P = _params(rt, init)
    straight = run(P, rt.optim.LBFGS(P, **kw), 6)
    P1 = _params(rt, init)
    opt1 = rt.optim.LBFGS(P1, **kw)
    run(P1, opt1, 3)
    sd = opt1.state_dict()
    sd = _deserialize(*_serialize(sd)) if via == "json" else sd
    P2 = [rt.tensor(p.detach().numpy().copy(), requires_grad=True) for p in P1]
    opt2 = rt.optim.LBFGS(P2, **kw)
    opt2.load_state_dict(sd)
    for a, b in zip(straight, run(P2, opt2, 3)):
        np.testing.assert_array_equal(a, b)


def test_lbfgs_errors():
    p = rt.tensor([1.0, 2.0], requires_grad=True)
    q = rt.tensor([1.0], requires_grad=True)
    with pytest.raises(ValueError, match="parameter groups"):
        rt.optim.LBFGS([{"params": [p]}, {"params": [q]}])
    with pytest.raises(ValueError, match="strong_wolfe"):
        rt.optim.LBFGS([p], line_search_fn="armijo")
    with pytest.raises(TypeError):
        rt.optim.LBFGS([p]).step()  # the closure is required, as in torch


# --------------------------------------------------------------------------------- validation


@pytest.mark.parametrize("name", NAMES + ["LBFGS"])
def test_negative_lr(name):
    p = rt.tensor([1.0], requires_grad=True)
    with pytest.raises(ValueError, match="Invalid learning rate"):
        getattr(rt.optim, name)([p], lr=-0.1)
    with pytest.raises(ValueError, match="Invalid learning rate"):
        getattr(rt.optim, name)([{"params": [p], "lr": -1.0}], lr=0.1) if name != "LBFGS" else \
            rt.optim.LBFGS([{"params": [p], "lr": -1.0}])


@pytest.mark.parametrize("name", ["Adam", "AdamW", "Adamax", "NAdam", "RAdam"])
@pytest.mark.parametrize("betas", [(1.0, 0.999), (0.9, 1.0), (-0.1, 0.9), (0.9, 1.5)])
def test_betas_out_of_range(name, betas):
    p = rt.tensor([1.0], requires_grad=True)
    with pytest.raises(ValueError, match="Invalid beta parameter at index"):
        getattr(rt.optim, name)([p], betas=betas)
    with pytest.raises(ValueError, match="Invalid beta parameter"):
        getattr(rt.optim, name)([{"params": [p], "betas": betas}])


@pytest.mark.parametrize("name,key", [("Adam", "eps"), ("Adam", "weight_decay"), ("AdamW", "eps"),
                                      ("SGD", "weight_decay"), ("SGD", "momentum"), ("RMSprop", "eps"),
                                      ("RMSprop", "alpha"), ("RMSprop", "momentum"), ("RMSprop", "weight_decay"),
                                      ("Adagrad", "lr_decay"), ("Adagrad", "eps"),
                                      ("Adagrad", "initial_accumulator_value"), ("Adadelta", "eps"),
                                      ("Adadelta", "rho"), ("Adamax", "eps"), ("NAdam", "momentum_decay"),
                                      ("RAdam", "weight_decay")])
def test_negative_options(name, key):
    p = rt.tensor([1.0], requires_grad=True)
    with pytest.raises(ValueError, match="Invalid"):
        getattr(rt.optim, name)([p], **{key: -0.5})


def test_params_errors():
    p = rt.tensor([1.0, 2.0], requires_grad=True)
    q = rt.tensor([3.0], requires_grad=True)
    with pytest.raises(ValueError, match="duplicate"):
        rt.optim.SGD([p, q, p], lr=0.1)
    with pytest.raises(ValueError, match="more than one parameter group"):
        rt.optim.Adam([{"params": [p]}, {"params": [q, p]}])
    with pytest.raises(TypeError, match="can only optimize Tensors"):
        rt.optim.Adam([p, np.ones(2)])
    with pytest.raises(TypeError, match="can only optimize Tensors"):
        rt.optim.SGD([p, 3.0], lr=0.1)
    with pytest.raises(TypeError, match="iterable of Tensors"):
        rt.optim.Adam(p)
    with pytest.raises(ValueError, match="empty parameter list"):
        rt.optim.Adam([])
    with pytest.raises(TypeError, match="ordered collections"):
        rt.optim.Adam({p, q})
    with pytest.raises(ValueError, match="non-leaf"):
        rt.optim.Adam([p * 2])
    with pytest.raises(ValueError, match="Nesterov"):
        rt.optim.SGD([p], lr=0.1, nesterov=True)
    with pytest.raises(ValueError, match="Nesterov"):
        rt.optim.SGD([p], lr=0.1, momentum=0.9, dampening=0.1, nesterov=True)
    opt = rt.optim.SGD([p], lr=0.1)
    with pytest.raises(ValueError, match="more than one parameter group"):
        opt.add_param_group({"params": [p]})
    with pytest.raises(TypeError, match="must be a dict"):
        opt.add_param_group([q])


def test_differentiable_is_refused():
    p = rt.tensor([1.0], requires_grad=True)
    with pytest.raises(NotImplementedError, match="differentiable"):
        rt.optim.Adam([p], differentiable=True)
    rt.optim.Adam([p], foreach=True, fused=False, capturable=False)  # accepted, always fused


def test_kernel_errors_are_clear():
    p = rt.tensor([1.0, 2.0], requires_grad=True)
    p.grad = rt.tensor([1.0, 2.0])
    opt = rt.optim.Adam([p])
    opt.step()
    opt.state[p]["exp_avg"] = rt.zeros(3)
    with pytest.raises(ValueError, match=r"adam: parameter 0 has shape \(2,\) but its operand 2 has shape \(3,\)"):
        opt.step()
    assert opt.state[p]["step"].item() == 1.0  # nothing changed
    with pytest.raises(TypeError):
        rt.optim.SGD([rt.tensor([1, 2])], lr=0.1)


# ------------------------------------------------------------------------------- API details


def test_zero_grad_step_closure_and_versions():
    X, Y, init = _data(np.float32)
    P = _params(rt, init)
    Xl, Yl = rt.tensor(X), rt.tensor(Y)
    opt = rt.Adam(P, lr=0.01)
    assert rt.Adam is rt.optim.Adam and rt.SGD is rt.optim.SGD
    assert rt.AdamW is rt.optim.AdamW and rt.RMSprop is rt.optim.RMSprop

    def closure():
        opt.zero_grad()
        loss = _loss(P, Xl, Yl)
        loss.backward()
        return loss

    v0 = P[0]._version
    loss = opt.step(closure)
    assert isinstance(loss, rt.Tensor) and P[0]._version > v0
    assert P[0].requires_grad and P[0].is_leaf and P[0].grad is not None
    opt.zero_grad(set_to_none=False)
    assert P[0].grad is not None and not P[0].grad.numpy().any()
    before = [p.detach().numpy().copy() for p in P]
    opt.step()  # zero gradients still step Adam (moments decay), like torch
    opt.zero_grad()
    assert all(p.grad is None for p in P)
    after = [p.detach().numpy().copy() for p in P]
    opt.step()  # no gradients: nothing changes
    for a, p in zip(after, P):
        np.testing.assert_array_equal(a, p.detach().numpy())
    assert any(not np.array_equal(a, b) for a, b in zip(before, after))


def test_add_param_group_and_scheduler_lr_visible():
    p = rt.tensor([1.0, 2.0], requires_grad=True)
    q = rt.tensor([3.0], requires_grad=True)
    opt = rt.optim.SGD([p], lr=0.1, momentum=0.9)
    opt.add_param_group({"params": q, "lr": 0.5})
    assert opt.param_groups[1]["momentum"] == 0.9 and opt.param_groups[1]["lr"] == 0.5
    p.grad = rt.tensor([1.0, 1.0])
    q.grad = rt.tensor([2.0])
    opt.step()
    np.testing.assert_allclose(p.detach().numpy(), [0.9, 1.9], rtol=1e-6)
    np.testing.assert_allclose(q.detach().numpy(), [2.0], rtol=1e-6)
    opt.param_groups[1]["lr"] = 0.0
    opt.step()
    np.testing.assert_allclose(q.detach().numpy(), [2.0], rtol=1e-6)
    assert "Parameter Group 1" in repr(opt)


def test_named_parameters():
    p = rt.tensor([1.0], requires_grad=True)
    opt = rt.optim.Adam([("w", p)])
    assert opt.param_groups[0]["param_names"] == ["w"]
    assert opt.state_dict()["param_groups"][0]["param_names"] == ["w"]


@pytest.mark.parametrize("name", ["SGD", "Adam", "RMSprop", "NAdam"])
def test_large_params_parallel_and_thread_independent(name):
    # Tensors above the parallel threshold (several chunks each), results equal for 1 and 2 threads.
    rng = np.random.default_rng(1)
    shapes = [(300, 700), (5000,), (70001,), (3,)]
    vals = [rng.standard_normal(s).astype(np.float32) for s in shapes]
    grads = [[rng.standard_normal(s).astype(np.float32) for s in shapes] for _ in range(3)]
    kw = dict(lr=0.01, momentum=0.9) if name in ("SGD", "RMSprop") else dict(lr=0.01)

    def run(lib, threads=None):
        if threads:
            rt.set_num_threads(threads)
        P = [lib.tensor(v.copy(), requires_grad=True) for v in vals]
        opt = getattr(lib.optim, name)(P, **kw)
        for gs in grads:
            for p, g in zip(P, gs):
                p.grad = lib.tensor(g)
            opt.step()
        return [p.detach().numpy() for p in P]

    old = rt.get_num_threads()
    try:
        one, two = run(rt, 1), run(rt, 2)
    finally:
        rt.set_num_threads(old)
    ref = run(torch)
    for a, b, c in zip(one, two, ref):
        np.testing.assert_array_equal(a, b)
        np.testing.assert_allclose(a, c, rtol=1e-5, atol=1e-6)
