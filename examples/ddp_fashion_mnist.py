"""Data-parallel training of an MLP on Fashion-MNIST.

    python -m rustorch.distributed.run --nproc 2 examples/ddp_fashion_mnist.py --epochs 1

Every rank trains a replica on its shard of the data (DistributedSampler); DistributedDataParallel
averages the gradients, so the replicas stay identical. Rank 0 prints progress, evaluates on the
test set and saves the weights (safetensors, written atomically). Runs as a single process too
(``python examples/ddp_fashion_mnist.py``: the 'local' backend, a group of one).
"""
import argparse
import os
import tempfile
import time

import numpy as np

import rustorch as rt
import rustorch.distributed as dist
from rustorch import nn
from rustorch.data import DataLoader, DistributedSampler
from rustorch.data.datasets import FashionMNIST
from rustorch.data.transforms import Compose, Normalize, ToTensor
from rustorch.nn.parallel import DistributedDataParallel as DDP


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--epochs", type=int, default=2)
    p.add_argument("--batch-size", type=int, default=128, help="per-rank batch size")
    p.add_argument("--lr", type=float, default=0.05)
    p.add_argument("--limit", type=int, default=0, help="use only the first N training images (0: all)")
    p.add_argument("--out", default="ddp_fashion_mnist.safetensors", help="weights written by rank 0")
    return p.parse_args()


def save_atomically(model, path):
    from safetensors.numpy import save_file  # noqa: PLC0415
    tensors = {k: np.ascontiguousarray(v.detach().numpy()) for k, v in model.state_dict().items()}
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".ddp_fashion_mnist.", suffix=".tmp")
    os.close(fd)
    try:
        save_file(tensors, tmp)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)  # mkstemp's 0600 is for the temporary name only
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def main():
    args = parse_args()
    dist.init_process_group()  # 'mpi' under the launcher, 'local' otherwise
    rank, world = dist.get_rank(), dist.get_world_size()
    rt.set_num_threads(1 if world > 1 else 2)  # two cores: one per rank

    transform = Compose([ToTensor(), Normalize((0.2860,), (0.3530,))])
    train = FashionMNIST(train=True, transform=transform)
    if args.limit:
        train = rt.data.Subset(train, list(range(args.limit)))
    sampler = DistributedSampler(train, shuffle=True, seed=0)
    loader = DataLoader(train, batch_size=args.batch_size, sampler=sampler, drop_last=True)

    rt.manual_seed(0)
    model = DDP(nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10)))
    opt = rt.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9)
    loss_fn = nn.CrossEntropyLoss()

    for epoch in range(args.epochs):
        sampler.set_epoch(epoch)
        model.train()
        start, seen, loss_sum = time.perf_counter(), 0, rt.zeros(2, dtype=rt.float64)
        for x, y in loader:
            opt.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            opt.step()
            loss_sum += rt.tensor([loss.item() * len(y), len(y)], dtype=rt.float64)
            seen += len(y)
        dist.all_reduce(loss_sum)  # the epoch's mean loss over all ranks
        elapsed = time.perf_counter() - start
        if rank == 0:
            print(f"epoch {epoch + 1}/{args.epochs}: loss {loss_sum[0].item() / loss_sum[1].item():.4f}, "
                  f"{seen * world / elapsed:,.0f} samples/s on {world} rank(s)", flush=True)

    if rank == 0:
        test = FashionMNIST(train=False, transform=transform)
        model.eval()
        correct = 0
        with rt.no_grad():
            for x, y in DataLoader(test, batch_size=1000):
                correct += int((model.module(x).argmax(1) == y).sum())
        print(f"test accuracy {correct / len(test):.4f}", flush=True)
        save_atomically(model.module, args.out)
        print(f"saved {args.out}", flush=True)
    dist.destroy_process_group()


if __name__ == "__main__":
    main()
