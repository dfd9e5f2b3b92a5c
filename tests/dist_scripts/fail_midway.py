"""Rank script for tests/test_distributed_mpi.py: rank 1 raises at step 3 of DDP training while
rank 0 keeps going into the next all-reduce; the job must end with rank 1's error."""
import sys

import rustorch as rt
import rustorch.distributed as dist
from rustorch import nn
from rustorch.nn.parallel import DistributedDataParallel as DDP

mode = sys.argv[1] if len(sys.argv) > 1 else "raise"
dist.init_process_group("mpi", timeout=float(sys.argv[2]) if len(sys.argv) > 2 else 60)
rank = dist.get_rank()
model = DDP(nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1)))
opt = rt.optim.SGD(model.parameters(), lr=0.01)
for step in range(1000):
    if rank == 1 and step == 3:
        if mode == "raise":
            raise ValueError(f"injected failure on rank {rank} at step {step}")
        if mode == "hang":  # alive but never joins the next collective: rank 0 must time out
            import time
            time.sleep(600)
    x = rt.randn(8, 4)
    opt.zero_grad()
    model(x).pow(2).mean().backward()
    opt.step()
print(f"rank {rank} finished", flush=True)
