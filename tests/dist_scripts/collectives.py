"""Rank script for tests/test_distributed_mpi.py: every collective on every dtype.

Rank r's inputs are made by ``inputs(r)``; the results go to OUT_DIR/rank<r>.npz, which the test
compares with the same computation done by NumPy on all ranks' inputs.
"""
import os
import sys

import numpy as np

import rustorch as rt
import rustorch.distributed as dist

DTYPES = {"bool": rt.bool, "int64": rt.int64, "float32": rt.float32, "float64": rt.float64}
NUMPY = {"bool": np.bool_, "int64": np.int64, "float32": np.float32, "float64": np.float64}
OPS = {"SUM": dist.ReduceOp.SUM, "AVG": dist.ReduceOp.AVG, "MAX": dist.ReduceOp.MAX, "MIN": dist.ReduceOp.MIN}


def inputs(rank, name, n=1000):
    """Integer-valued data (exact sums in every dtype), different per rank."""
    rng = np.random.default_rng(1000 + rank)
    if name == "bool":
        return rng.random(n) < 0.3
    return rng.integers(-50, 50, size=n).astype(NUMPY[name])


def main():
    out_dir = sys.argv[1]
    dist.init_process_group("mpi", timeout=30)
    rank, world = dist.get_rank(), dist.get_world_size()
    results = {"world": np.array(world)}
    for name, dtype in DTYPES.items():
        x = inputs(rank, name)
        for op_name, op in OPS.items():
            if op_name == "AVG" and name in ("bool", "int64"):
                continue
            t = rt.tensor(x, dtype=dtype).reshape(10, 100)
            dist.all_reduce(t, op=op)
            results[f"all_reduce/{name}/{op_name}"] = t.numpy().reshape(-1)
        # async: start two, wait in reverse order
        a, b = rt.tensor(x, dtype=dtype), rt.tensor(x, dtype=dtype)
        wa = dist.all_reduce(a, op=dist.ReduceOp.MAX, async_op=True)
        wb = dist.all_reduce(b, op=dist.ReduceOp.MIN, async_op=True)
        wb.wait()
        wa.wait()
        assert wa.is_completed() and wb.is_completed()
        results[f"async_max/{name}"] = a.numpy()
        results[f"async_min/{name}"] = b.numpy()
        for root in range(world):
            t = rt.tensor(x, dtype=dtype)
            dist.broadcast(t, src=root)
            results[f"broadcast/{name}/{root}"] = t.numpy()
        t = rt.tensor(x, dtype=dtype)
        gathered = [rt.zeros(1000, dtype=dtype) for _ in range(world)]
        dist.all_gather(gathered, t)
        results[f"all_gather/{name}"] = np.stack([g.numpy() for g in gathered])
        chunk = 1000 // world
        inp = rt.tensor(x[:chunk * world], dtype=dtype)
        out = rt.zeros(chunk, dtype=dtype)
        dist.reduce_scatter_tensor(out, inp, op=dist.ReduceOp.SUM)
        results[f"reduce_scatter/{name}"] = out.numpy()
    # a large float32 all-reduce (rendezvous protocol, several MB)
    big = rt.full((1 << 20,), float(rank + 1), dtype=rt.float32)
    dist.all_reduce(big)
    results["big_sum"] = big.numpy()
    dist.barrier()
    np.savez(os.path.join(out_dir, f"rank{rank}.npz"), **results)
    dist.destroy_process_group()


if __name__ == "__main__":
    main()
