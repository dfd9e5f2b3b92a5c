"""rustorch.distributed in one process: the local backend's API, DistributedDataParallel on a
group of one (must train exactly like the bare module), the autograd hooks DDP relies on, and the
launcher's command line. Multi-rank behaviour is tested with mpirun in test_distributed_mpi.py."""
import datetime
import subprocess
import sys

import numpy as np
import pytest

import rustorch as rt
import rustorch.distributed as dist
from rustorch import nn
from rustorch.nn.parallel import DistributedDataParallel as DDP

DTYPES = [rt.bool, rt.int64, rt.float32, rt.float64]


@pytest.fixture
def local_group():
    dist.init_process_group("local", timeout=datetime.timedelta(seconds=5))
    yield
    dist.destroy_process_group()


def sample(dtype, n=12):
    rng = np.random.default_rng(0)
    if dtype == rt.bool:
        return rt.tensor(rng.random(n) < 0.5)
    return rt.tensor(rng.integers(-9, 9, n), dtype=dtype)


def test_group_lifecycle():
    assert dist.is_available()
    assert not dist.is_initialized()
    with pytest.raises(RuntimeError, match="get_rank: the default process group has not been initialized"):
        dist.get_rank()
    dist.init_process_group("local")
    try:
        assert dist.is_initialized()
        assert (dist.get_rank(), dist.get_world_size(), dist.get_backend()) == (0, 1, "local")
        with pytest.raises(RuntimeError, match="twice"):
            dist.init_process_group("local")
    finally:
        dist.destroy_process_group()
    assert not dist.is_initialized()
    dist.destroy_process_group()  # a second destroy is harmless


def test_init_errors():
    with pytest.raises(ValueError, match="unknown backend 'nccl'"):
        dist.init_process_group("nccl")
    with pytest.raises(TypeError, match="timeout must be a datetime.timedelta"):
        dist.init_process_group("local", timeout="10")
    with pytest.raises(ValueError, match="timeout must be positive"):
        dist.init_process_group("local", timeout=0)
    with pytest.raises(ValueError, match="world_size=2 but the local backend has 1"):
        dist.init_process_group("local", world_size=2)
    with pytest.raises(ValueError, match="init_method 'tcp://a:1' is not supported"):
        dist.init_process_group("local", init_method="tcp://a:1")
    assert not dist.is_initialized()


@pytest.mark.parametrize("dtype", DTYPES, ids=str)
def test_local_collectives_every_dtype(local_group, dtype):
    x = sample(dtype)
    expected = x.numpy().copy()
    ops = [dist.ReduceOp.SUM, dist.ReduceOp.MAX, dist.ReduceOp.MIN]
    if dtype in (rt.float32, rt.float64):
        ops.append(dist.ReduceOp.AVG)
    for op in ops:
        t = x.clone()
        assert dist.all_reduce(t, op=op) is None
        np.testing.assert_array_equal(t.numpy(), expected)
    t = x.clone()
    dist.broadcast(t, src=0)
    np.testing.assert_array_equal(t.numpy(), expected)
    out = [rt.zeros(12, dtype=dtype)]
    dist.all_gather(out, x)
    np.testing.assert_array_equal(out[0].numpy(), expected)
    flat = rt.zeros(1, 12, dtype=dtype)
    dist.all_gather_into_tensor(flat, x)
    np.testing.assert_array_equal(flat.numpy()[0], expected)
    rs = rt.zeros(12, dtype=dtype)
    dist.reduce_scatter(rs, [x])
    np.testing.assert_array_equal(rs.numpy(), expected)
    dist.barrier()


def test_local_async_work(local_group):
    t = rt.arange(6.0)
    work = dist.all_reduce(t, async_op=True)
    assert isinstance(work, dist.Work)
    assert work.is_completed()
    assert work.wait() is True
    np.testing.assert_array_equal(t.numpy(), np.arange(6.0))
    assert dist.barrier(async_op=True).wait()


def test_collective_errors(local_group):
    with pytest.raises(TypeError, match="AVG needs a floating dtype, got int64"):
        dist.all_reduce(rt.arange(3), op=dist.ReduceOp.AVG)
    with pytest.raises(ValueError, match="all_reduce: tensor must be contiguous"):
        dist.all_reduce(rt.zeros(3, 4).t())
    with pytest.raises(ValueError, match="broadcast: src 1 is not a rank of a group of size 1"):
        dist.broadcast(rt.zeros(3), src=1)
    with pytest.raises(TypeError, match="all_reduce: tensor must be a Tensor, got list"):
        dist.all_reduce([1.0, 2.0])
    with pytest.raises(TypeError, match="op must be a rustorch.distributed.ReduceOp"):
        dist.all_reduce(rt.zeros(2), op="sum")
    with pytest.raises(ValueError, match="all_gather: tensor_list must be a list of world_size \\(1\\) tensors"):
        dist.all_gather([rt.zeros(2), rt.zeros(2)], rt.zeros(2))
    with pytest.raises(ValueError, match="all_gather_into_tensor|all_gather: output must have"):
        dist.all_gather_into_tensor(rt.zeros(3), rt.zeros(2))


def test_collective_bumps_version_for_autograd(local_group):
    w = rt.ones(3, requires_grad=True)
    y = w * 2
    y2 = y.detach()
    before = y2._version
    dist.all_reduce(y2)
    assert y2._version > before


# ---- autograd hooks used by DDP ------------------------------------------------------------------

def test_post_accumulate_grad_hook_sees_accumulated_grad():
    w = rt.tensor([1.0, 2.0], requires_grad=True)
    seen = []
    handle = w.register_post_accumulate_grad_hook(lambda p: seen.append(p.grad.numpy().copy()))
    (w * 3).sum().backward()
    (w * 4).sum().backward()
    np.testing.assert_array_equal(seen[0], [3.0, 3.0])
    np.testing.assert_array_equal(seen[1], [7.0, 7.0])  # after accumulation, like torch
    handle.remove()
    (w * 1).sum().backward()
    assert len(seen) == 2


def test_post_accumulate_grad_hook_errors():
    w = rt.ones(2, requires_grad=True)
    with pytest.raises(RuntimeError, match="non-leaf"):
        (w * 2).register_post_accumulate_grad_hook(lambda p: None)
    with pytest.raises(RuntimeError, match="doesn't require gradient"):
        rt.ones(2).register_post_accumulate_grad_hook(lambda p: None)
    w.register_post_accumulate_grad_hook(lambda p: 1)
    with pytest.raises(TypeError, match="must return None"):
        w.sum().backward()


def test_queue_backward_callback_runs_after_every_leaf():
    a = rt.ones(2, requires_grad=True)
    b = rt.ones(2, requires_grad=True)
    order = []

    def hook(p):
        order.append("a" if p is a else "b")
        if len(order) == 1:
            rt._C._queue_backward_callback(lambda: order.append(("end", a.grad is not None and b.grad is not None)))

    a.register_post_accumulate_grad_hook(hook)
    b.register_post_accumulate_grad_hook(hook)
    (a * b).sum().backward()
    assert sorted(order[:2]) == ["a", "b"] and order[2] == ("end", True)
    with pytest.raises(RuntimeError, match="queue_callback: can only be called while a backward pass runs"):
        rt._C._queue_backward_callback(lambda: None)


# ---- DDP on a group of one ---------------------------------------------------------------------------

def mlp(seed):
    rt.manual_seed(seed)
    return nn.Sequential(nn.Linear(6, 10), nn.Tanh(), nn.Linear(10, 10), nn.ReLU(), nn.Linear(10, 3))


def test_ddp_requires_group():
    with pytest.raises(RuntimeError, match="process group has not been initialized"):
        DDP(nn.Linear(2, 2))


def test_ddp_single_rank_trains_like_the_module(local_group):
    model, plain = DDP(mlp(1), bucket_cap_mb=0.0003), mlp(1)
    assert len(model.bucket_sizes) > 1
    assert sorted(i for b in model.bucket_sizes for i in b) == list(range(6))
    assert model.bucket_sizes[0][0] == 5  # the last parameter's gradient is ready first
    opt, opt_plain = rt.optim.Adam(model.parameters(), lr=0.01), rt.optim.Adam(plain.parameters(), lr=0.01)
    rng = np.random.default_rng(0)
    for _ in range(4):
        x, y = rt.tensor(rng.standard_normal((8, 6)).astype(np.float32)), rt.tensor(rng.integers(0, 3, 8))
        for m, o in ((model, opt), (plain, opt_plain)):
            o.zero_grad()
            nn.functional.cross_entropy(m(x), y).backward()
            o.step()
    for p, q in zip(model.module.parameters(), plain.parameters()):
        np.testing.assert_array_equal(p.detach().numpy(), q.detach().numpy())
    assert list(model.state_dict())[0].startswith("module.")


def test_ddp_no_sync_accumulates(local_group):
    model, plain = DDP(mlp(2)), mlp(2)
    x = rt.randn(4, 6)
    with model.no_sync():
        model(x).sum().backward()
    model(x).sum().backward()
    plain(x).sum().backward()
    plain(x).sum().backward()
    for p, q in zip(model.module.parameters(), plain.parameters()):
        np.testing.assert_allclose(p.grad.numpy(), q.grad.numpy(), rtol=1e-6)


class TwoHeads(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Linear(3, 3)
        self.head = nn.Linear(3, 1)
        self.spare = nn.Linear(3, 1)

    def forward(self, x):
        return self.head(self.body(x))


def test_ddp_unused_parameters(local_group):
    strict = DDP(TwoHeads())
    with pytest.raises(RuntimeError, match=r"spare.weight \(index 4\), spare.bias \(index 5\).*find_unused_parameters"):
        strict(rt.randn(2, 3)).sum().backward()
    lenient = DDP(TwoHeads(), find_unused_parameters=True)
    lenient(rt.randn(2, 3)).sum().backward()
    assert lenient.module.spare.weight.grad is None  # unused on every rank: untouched
    assert lenient.module.head.weight.grad is not None


def test_ddp_eval_and_no_grad_forward_do_not_sync(local_group):
    model = DDP(mlp(3))
    with rt.no_grad():
        model(rt.randn(2, 6))
    assert all(p.grad is None for p in model.parameters())


def test_ddp_rejects_module_without_trainable_parameters(local_group):
    with pytest.raises(RuntimeError, match="doesn't have any parameter that requires a gradient"):
        DDP(nn.ReLU())
    with pytest.raises(ValueError, match="bucket_cap_mb must be positive"):
        DDP(nn.Linear(2, 2), bucket_cap_mb=0)


# ---- launcher ----------------------------------------------------------------------------------

def test_launcher_command_line():
    from rustorch.distributed import run
    args = run._parser().parse_args(["--nproc", "3", "--hostfile", "hosts.txt", "--mca", "btl", "tcp,self",
                                     "train.py", "--epochs", "2"])
    cmd = run.build_command(args, python="/usr/bin/python3")
    for flag in ("--allow-run-as-root", "--oversubscribe"):
        assert flag in cmd
    assert cmd[cmd.index("--bind-to") + 1] == "none"
    assert cmd[cmd.index("-np") + 1] == "3"
    assert cmd[cmd.index("--hostfile") + 1] == "hosts.txt"
    assert cmd[cmd.index("--mca") + 1:cmd.index("--mca") + 3] == ["btl", "tcp,self"]
    assert cmd[-4:] == ["/usr/bin/python3", "train.py", "--epochs", "2"]


def test_launcher_without_mpirun_fails_clearly():
    r = subprocess.run([sys.executable, "-m", "rustorch.distributed.run", "--mpirun", "", "x.py"],
                       capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
                       env={"PATH": "/nonexistent", "PYTHONPATH": ":".join(sys.path)})
    assert r.returncode != 0 and "mpirun not found" in r.stderr


def test_ddp_second_backward_without_forward_raises(local_group):
    model = DDP(mlp(4))
    loss = model(rt.randn(3, 6)).sum()
    loss.backward(retain_graph=True)
    with pytest.raises(RuntimeError, match="second backward pass ran after one forward"):
        loss.backward()
