"""Rank script for the network-namespace test: all-reduce over TCP, printing the rank's address."""
import socket
import subprocess
import sys

import rustorch as rt
import rustorch.distributed as dist

dist.init_process_group("mpi", timeout=30)
rank, world = dist.get_rank(), dist.get_world_size()
t = rt.full((1000,), float(rank + 1), dtype=rt.float64)
dist.all_reduce(t)
addrs = subprocess.run(["ip", "-4", "-o", "addr", "show"], capture_output=True, text=True).stdout
mine = sorted(a.split()[3] for a in addrs.splitlines() if " lo " not in a)
print(f"RESULT rank={rank} world={world} sum={t[0].item()} addrs={','.join(mine)}", flush=True)
dist.destroy_process_group()
