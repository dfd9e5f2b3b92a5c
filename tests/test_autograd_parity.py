"""Random expression graphs built identically in rustorch and torch: values and gradients agree."""
import numpy as np
import pytest

import rustorch as rt

torch = pytest.importorskip("torch")

# (name, arity, rustorch fn, torch fn); unary ops keep values in a safe range.
OPS = [
    ("add", 2, lambda a, b: a + b, lambda a, b: a + b),
    ("sub", 2, lambda a, b: a - b, lambda a, b: a - b),
    ("mul", 2, lambda a, b: a * b, lambda a, b: a * b),
    ("div", 2, lambda a, b: a / (b * b + 1.0), lambda a, b: a / (b * b + 1.0)),
    ("tanh", 1, lambda a: a.tanh(), lambda a: a.tanh()),
    ("sigmoid", 1, lambda a: a.sigmoid(), lambda a: a.sigmoid()),
    ("exp", 1, lambda a: (a * 0.1).exp(), lambda a: (a * 0.1).exp()),
    ("log", 1, lambda a: (a * a + 1.0).log(), lambda a: (a * a + 1.0).log()),
    ("sqrt", 1, lambda a: (a * a + 0.5).sqrt(), lambda a: (a * a + 0.5).sqrt()),
    ("relu", 1, lambda a: a.relu(), lambda a: a.relu()),
    ("abs", 1, lambda a: a.abs(), lambda a: a.abs()),
    ("pow", 1, lambda a: a.pow(2), lambda a: a.pow(2)),
    ("clamp", 1, lambda a: a.clamp(-0.5, 0.5), lambda a: a.clamp(-0.5, 0.5)),
    ("transpose", 1, lambda a: a.transpose(0, 1), lambda a: a.transpose(0, 1)),
    ("matmul", 2, lambda a, b: (a @ b) * 0.25, lambda a, b: (a @ b) * 0.25),
    ("softmax", 1, lambda a: a.softmax(dim=1), lambda a: a.softmax(dim=1)),
    ("log_softmax", 1, lambda a: a.log_softmax(dim=0), lambda a: a.log_softmax(dim=0)),
    ("sum_keep", 1, lambda a: a.sum(dim=1, keepdim=True) * 0.5, lambda a: a.sum(dim=1, keepdim=True) * 0.5),
    ("mean_keep", 1, lambda a: a.mean(dim=0, keepdim=True), lambda a: a.mean(dim=0, keepdim=True)),
    ("max_keep", 1, lambda a: a.amax(dim=1, keepdim=True), lambda a: a.amax(dim=1, keepdim=True)),
    ("where", 2, lambda a, b: rt.where(a > b, a, b * 2), lambda a, b: torch.where(a > b, a, b * 2)),
    ("slice_mul", 1, lambda a: a[1:, ::2] * 1.5, lambda a: a[1:, ::2] * 1.5),
]

N = 4  # all tensors are N x N so every op applies


def _build(seed, n_ops=12):
    rng = np.random.default_rng(seed)
    program = []
    pool_size = 3
    for _ in range(n_ops):
        name, arity, _, _ = OPS[rng.integers(len(OPS))]
        args = [int(rng.integers(pool_size)) for _ in range(arity)]
        program.append((name, args))
        pool_size += 1
    return program


def _run(program, inputs, lib):
    table = {name: (rfn if lib == "rt" else tfn) for name, _, rfn, tfn in OPS}
    pool = list(inputs)
    for name, args in program:
        out = table[name](*[pool[i] for i in args])
        if tuple(out.shape) != (N, N):
            # reductions broadcast back; slices are folded in through their sum
            out = out.expand(N, N) if out.shape[0] in (1, N) and out.shape[1] in (1, N) else \
                pool[args[0]] + out.sum()
        pool.append(out)
    loss = pool[-1].sum() + pool[-2].sum() * 0.5
    return loss


@pytest.mark.parametrize("seed", range(25))
def test_random_graph_matches_torch(seed):
    rng = np.random.default_rng(1000 + seed)
    data = [rng.uniform(-1, 1, size=(N, N)) for _ in range(3)]
    program = _build(seed)
    r_in = [rt.tensor(d, dtype=rt.float64, requires_grad=True) for d in data]
    t_in = [torch.tensor(d, dtype=torch.float64, requires_grad=True) for d in data]
    r_loss = _run(program, r_in, "rt")
    t_loss = _run(program, t_in, "torch")
    np.testing.assert_allclose(r_loss.item(), t_loss.item(), rtol=1e-10, atol=1e-12)
    r_loss.backward()
    t_loss.backward()
    for r, t in zip(r_in, t_in):
        rg = np.zeros((N, N)) if r.grad is None else r.grad.numpy()
        tg = np.zeros((N, N)) if t.grad is None else t.grad.numpy()
        np.testing.assert_allclose(rg, tg, rtol=1e-9, atol=1e-12)
