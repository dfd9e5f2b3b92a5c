"""Thread safety from Python: tensors used from several threads at once while bindings release
the GIL (matmul, linalg, fused optimizer steps, DataLoader collation). Each thread checks its own
results against NumPy; the same code paths run under ThreadSanitizer in the GoogleTest
Threads.* suite (scripts/tsan.sh)."""
import threading

import numpy as np
import pytest

import rustorch as rt


def run_threads(n, target):
    errors = []

    def body(i):
        try:
            target(i)
        except BaseException as e:  # noqa: BLE001 - reported below with the thread id
            errors.append((i, e))

    threads = [threading.Thread(target=body, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "a thread hung"
    assert not errors, errors


def test_matmul_with_shared_leaf_from_threads():
    # Large enough to release the GIL (bind_matmul: kReleaseGilWork), so recording the graph
    # through the shared leaf `w` really runs concurrently.
    rng = np.random.default_rng(0)
    w_np = rng.standard_normal((96, 96))
    w = rt.tensor(w_np, requires_grad=True)

    def work(i):
        x_np = np.random.default_rng(i).standard_normal((64, 96))
        x = rt.tensor(x_np)
        for _ in range(20):
            y = x @ w
            (g,) = rt.autograd.grad(y.sum(), [w])
            np.testing.assert_allclose(y.detach().numpy(), x_np @ w_np, rtol=1e-10, atol=1e-10)
            np.testing.assert_allclose(g.numpy(), np.repeat(x_np.sum(0)[:, None], 96, axis=1), rtol=1e-10, atol=1e-10)

    run_threads(4, work)


def test_linalg_and_elementwise_from_threads():
    def work(i):
        rng = np.random.default_rng(100 + i)
        a_np = rng.standard_normal((80, 80)) + 80 * np.eye(80)
        a = rt.tensor(a_np)
        for _ in range(5):
            inv = rt.linalg.inv(a)
            np.testing.assert_allclose(inv.numpy(), np.linalg.inv(a_np), rtol=1e-8, atol=1e-10)
            s = (a * 2 + 1).sum(dim=0)
            np.testing.assert_allclose(s.numpy(), (a_np * 2 + 1).sum(0), rtol=1e-12)

    run_threads(4, work)


def test_optimizer_steps_on_separate_models_from_threads():
    def work(i):
        rt.manual_seed(i)  # the default generator is shared; each thread seeds then builds its own model
        model = rt.nn.Linear(32, 8)
        opt = rt.optim.Adam(model.parameters(), lr=1e-2)
        x = rt.tensor(np.random.default_rng(i).standard_normal((16, 32)), dtype=rt.float32)
        first = None
        for _ in range(30):
            opt.zero_grad()
            loss = (model(x) ** 2).mean()
            loss.backward()
            opt.step()
            first = loss.item() if first is None else first
        assert loss.item() < first

    run_threads(3, work)


def test_dataloader_workers_and_user_threads():
    data = rt.data.TensorDataset(rt.arange(512, dtype=rt.float32).reshape(256, 2), rt.arange(256))

    def work(i):
        loader = rt.data.DataLoader(data, batch_size=16, shuffle=True, num_workers=2,
                                    generator=rt.Generator().manual_seed(i))
        seen = []
        for xb, yb in loader:
            np.testing.assert_array_equal(xb.numpy()[:, 0], yb.numpy() * 2)
            seen.extend(yb.tolist())
        assert sorted(seen) == list(range(256))

    run_threads(3, work)


@pytest.mark.parametrize("n", [1, 2])
def test_set_num_threads_while_other_threads_compute(n):
    stop = threading.Event()
    a_np = np.random.default_rng(1).standard_normal((200, 300))
    a = rt.tensor(a_np)

    def compute(i):
        while not stop.is_set():
            np.testing.assert_allclose(a.sum(dim=1).numpy(), a_np.sum(1), rtol=1e-12)

    workers = [threading.Thread(target=compute, args=(i,)) for i in range(2)]
    for t in workers:
        t.start()
    before = rt.get_num_threads()
    try:
        for k in range(20):
            rt.set_num_threads(1 + (k + n) % 2)
    finally:
        stop.set()
        for t in workers:
            t.join()
        rt.set_num_threads(before)
