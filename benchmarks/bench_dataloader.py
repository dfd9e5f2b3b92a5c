"""Samples/s of iterating Fashion-MNIST with rustorch's DataLoader vs torch's, same data, same
thread count. Usage: python benchmarks/bench_dataloader.py [--epochs 3] [--threads 2]

Rows: batch 64 and 256, shuffle on, num_workers 0 and 2, over
  - TensorDataset of the normalized float32 images (60000x1x28x28) and int64 labels, for both;
  - rustorch's FashionMNIST(transform=Compose([ToTensor(), Normalize])) (whole-dataset fast path)
    vs torch's TensorDataset of the same arrays (torchvision is not installed);
  - per-sample Python work, no fast path: FashionMNIST with RandomHorizontalFlip + ToTensor +
    Normalize vs a torch Dataset doing the same per sample with torch/NumPy ops.
Each cell is the best of --epochs full epochs (worker start-up included, as in training).
"""
import argparse
import os
import sys
import time

import numpy as np
import torch
import torch.utils.data as tud

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import rustorch as rt  # noqa: E402
from rustorch.data import DataLoader, TensorDataset, datasets, transforms as T  # noqa: E402

MEAN, STD = 0.2860, 0.3530


class TorchFashion(tud.Dataset):
    """torchvision's RandomHorizontalFlip + ToTensor + Normalize, per sample, in torch/NumPy."""

    def __init__(self, images, labels):
        self.images, self.labels = images, labels

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, i):
        img = self.images[i]
        if torch.rand(1).item() < 0.5:
            img = img[:, ::-1]
        x = torch.from_numpy(np.ascontiguousarray(img)).float().div(255).unsqueeze(0)
        return (x - MEAN) / STD, int(self.labels[i])


def epoch_rate(loader, epochs):
    best = float("inf")
    n = 0
    for _ in range(epochs):
        t0 = time.perf_counter()
        n = 0
        for x, y in loader:
            n += y.shape[0]
        best = min(best, time.perf_counter() - t0)
    return n / best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    rt.set_num_threads(args.threads)
    torch.set_num_threads(args.threads)

    tf = T.Compose([T.ToTensor(), T.Normalize((MEAN,), (STD,))])
    fm = datasets.FashionMNIST(transform=tf)
    x = ((fm.data_numpy.astype(np.float32) / np.float32(255) - np.float32(MEAN)) / np.float32(STD))[:, None]
    y = fm.targets_numpy.astype(np.int64)
    rt_ds = TensorDataset(rt.from_numpy(x), rt.from_numpy(y))
    th_ds = tud.TensorDataset(torch.from_numpy(x), torch.from_numpy(y))

    print(f"threads={args.threads}, {len(y)} samples, best of {args.epochs} epochs, samples/s")
    print(f"| dataset | batch | workers | rustorch | torch | speed-up |")
    print(f"|---|---:|---:|---:|---:|---:|")
    aug = datasets.FashionMNIST(transform=T.Compose([T.RandomHorizontalFlip(), tf]))
    th_aug = TorchFashion(fm.data_numpy.copy(), fm.targets_numpy)
    for name, rds, tds in [("TensorDataset", rt_ds, th_ds), ("FashionMNIST+ToTensor+Normalize", fm, th_ds),
                           ("per-sample Python (flip+ToTensor+Normalize)", aug, th_aug)]:
        for bs in (64, 256):
            for w in (0, 2):
                r = epoch_rate(DataLoader(rds, batch_size=bs, shuffle=True, num_workers=w), args.epochs)
                t = epoch_rate(tud.DataLoader(tds, batch_size=bs, shuffle=True, num_workers=w), args.epochs)
                print(f"| {name} | {bs} | {w} | {r:,.0f} | {t:,.0f} | {r / t:.1f}x |", flush=True)


if __name__ == "__main__":
    main()
