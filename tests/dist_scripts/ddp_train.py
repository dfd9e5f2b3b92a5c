"""Rank script for tests/test_distributed_mpi.py: DistributedDataParallel semantics on 2 ranks.

Every rank also trains a plain copy of the same model on the whole batch (the single-process
reference). Results go to OUT_DIR/rank<r>.npz.
"""
import os
import sys

import numpy as np

import rustorch as rt
import rustorch.distributed as dist
from rustorch import nn
from rustorch.nn.parallel import DistributedDataParallel as DDP


def mlp(seed):
    rt.manual_seed(seed)
    return nn.Sequential(nn.Linear(8, 16), nn.Tanh(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 3))


def flat_params(model):
    return np.concatenate([p.detach().numpy().reshape(-1) for p in model.parameters()])


def batch(step, n=12):
    rng = np.random.default_rng(step)
    x = rng.standard_normal((n, 8)).astype(np.float32)
    y = rng.integers(0, 3, n)
    return rt.tensor(x), rt.tensor(y, dtype=rt.int64)


class WithUnused(nn.Module):
    """fc2 is used only when `use_fc2` (per rank), `never` is never used."""

    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 4)
        self.fc2 = nn.Linear(4, 4)
        self.never = nn.Linear(4, 4)

    def forward(self, x, use_fc2):
        h = self.fc1(x)
        return self.fc2(h) if use_fc2 else h


def main():
    out_dir = sys.argv[1]
    dist.init_process_group("mpi", timeout=30)
    rank, world = dist.get_rank(), dist.get_world_size()
    res = {}
    loss_fn = nn.CrossEntropyLoss()

    # 1. Training on disjoint halves == one process on the whole batch. Ranks start from different
    # seeds: DDP's construction broadcasts rank 0's parameters. A tiny bucket cap makes several
    # buckets (so overlap and ordering are exercised).
    model = DDP(mlp(seed=100 + rank), bucket_cap_mb=0.0005)
    res["n_buckets"] = np.array(len(model.bucket_sizes))
    reference = mlp(seed=100)
    opt = rt.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    ref_opt = rt.optim.SGD(reference.parameters(), lr=0.1, momentum=0.9)
    res["initial"] = flat_params(model.module)
    steps = []
    for step in range(5):
        x, y = batch(step)
        half = x.shape[0] // world
        opt.zero_grad()
        loss_fn(model(x[rank * half:(rank + 1) * half]), y[rank * half:(rank + 1) * half]).backward()
        opt.step()
        ref_opt.zero_grad()
        loss_fn(reference(x), y).backward()
        ref_opt.step()
        steps.append(flat_params(model.module))
        res[f"ref_step{step}"] = flat_params(reference)
    res["steps"] = np.stack(steps)

    # 2. no_sync: two micro-batches accumulated locally, then synchronised == one big batch.
    acc = DDP(mlp(seed=7))
    ref = mlp(seed=7)
    x, y = batch(50, n=16)
    quarter = 4
    parts = [(x[i * quarter:(i + 1) * quarter], y[i * quarter:(i + 1) * quarter]) for i in range(4)]
    mine = parts[rank * 2:(rank + 1) * 2]
    with acc.no_sync():
        loss_fn(acc(mine[0][0]), mine[0][1]).backward()
    res["no_sync_local_grad"] = np.concatenate([p.grad.numpy().reshape(-1) for p in acc.parameters()])
    loss_fn(acc(mine[1][0]), mine[1][1]).backward()
    res["no_sync_grad"] = np.concatenate([p.grad.numpy().reshape(-1) for p in acc.parameters()])
    # reference: the sum over micro-batches of mean losses, averaged over ranks = sum of all 4 / 2
    for xs, ys in parts:
        (loss_fn(ref(xs), ys) / world).backward()
    res["no_sync_ref_grad"] = np.concatenate([p.grad.numpy().reshape(-1) for p in ref.parameters()])

    # 3. Unused parameters: fc2 used on rank 0 only, `never` on no rank.
    rt.manual_seed(3)
    unused = DDP(WithUnused(), find_unused_parameters=True)
    xu = rt.tensor(np.random.default_rng(9 + rank).standard_normal((5, 4)).astype(np.float32))
    unused(xu, use_fc2=(rank == 0)).sum().backward()
    res["unused_fc1_grad"] = unused.module.fc1.weight.grad.numpy()
    res["unused_fc2_grad"] = unused.module.fc2.weight.grad.numpy()
    res["unused_never_grad_is_none"] = np.array(unused.module.never.weight.grad is None)
    # local gradients of every rank, for the oracle
    rt.manual_seed(3)
    plain = WithUnused()
    plain(xu, use_fc2=(rank == 0)).sum().backward()
    res["plain_fc1_grad"] = plain.fc1.weight.grad.numpy()
    res["plain_fc2_grad"] = (plain.fc2.weight.grad.numpy() if plain.fc2.weight.grad is not None
                             else np.zeros((4, 4), np.float32))
    # without find_unused_parameters: a clear error
    strict = DDP(WithUnused())
    try:
        strict(xu, use_fc2=True).sum().backward()
        res["strict_error"] = np.array("")
    except RuntimeError as e:
        res["strict_error"] = np.array(str(e))

    # 4. Buffers: BatchNorm running stats differ per rank after a local forward; DDP broadcasts
    # rank 0's at construction and before each forward.
    rt.manual_seed(11)
    bn_model = nn.Sequential(nn.Linear(4, 4), nn.BatchNorm1d(4))
    with rt.no_grad():
        bn_model[1].running_mean.fill_(float(rank + 1))
    bn = DDP(bn_model)
    res["bn_mean_after_init"] = bn.module[1].running_mean.numpy().copy()
    xb = rt.tensor(np.random.default_rng(20 + rank).standard_normal((6, 4)).astype(np.float32))
    bn(xb).sum().backward()
    res["bn_mean_after_step1"] = bn.module[1].running_mean.numpy().copy()  # local update of rank's batch
    bn(xb).sum().backward()
    res["bn_mean_after_step2"] = bn.module[1].running_mean.numpy().copy()
    res["bn_batches"] = np.array(int(bn.module[1].num_batches_tracked))

    np.savez(os.path.join(out_dir, f"rank{rank}.npz"), **res)
    dist.destroy_process_group()


if __name__ == "__main__":
    main()
