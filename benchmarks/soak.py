"""Soak test: the Fashion-MNIST MLP trained through ``Model.fit`` for many steps, with the
process's resident memory sampled after every batch. Memory must be flat after warm-up: no growth
from retained autograd graphs, the caching allocator, History/metrics or callbacks.

    python benchmarks/soak.py [--steps 10000] [--warmup 1000] [--json out.json]

prints steps, steps/s, RSS at the end of warm-up, peak and final RSS, the growth after warm-up and
the least-squares slope of RSS over the post-warm-up steps (KiB per 1,000 steps). The same
function runs in tests/test_soak.py (1,000 steps in CI; the full 10,000 marked slow)."""
import argparse
import json
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import rustorch as rt  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_bytes():
    """Current resident set size (from /proc/self/statm: cheap enough to read every step)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


def peak_rss_bytes():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return 0


class RssSampler(rt.callbacks.Callback):
    def __init__(self):
        super().__init__()
        self.samples = []

    def on_train_batch_end(self, batch, logs=None):
        self.samples.append(rss_bytes())


def fashion_mnist(n):
    from rustorch.data.datasets import read_idx
    root = "/usr/share/datasets/fashion-mnist"
    x = read_idx(f"{root}/train-images-idx3-ubyte.gz")[:n].reshape(n, 784).astype(np.float32) / 255.0
    y = read_idx(f"{root}/train-labels-idx1-ubyte.gz")[:n].astype(np.int64)
    return x, y


def soak(steps=10_000, warmup=1_000, batch_size=64, train_samples=60_000):
    """Runs `steps` training steps; returns the figures (RSS in bytes)."""
    rt.manual_seed(0)
    x, y = fashion_mnist(train_samples)
    model = rt.Sequential([rt.nn.Linear(784, 256), rt.nn.ReLU(), rt.nn.Linear(256, 128), rt.nn.ReLU(),
                           rt.nn.Linear(128, 10)])
    model.compile(optimizer=rt.optim.Adam(model.parameters(), lr=1e-3), loss="cross_entropy", metrics=["accuracy"])
    sampler = RssSampler()
    steps_per_epoch = len(x) // batch_size
    epochs, rest = divmod(steps, steps_per_epoch)
    t0 = time.perf_counter()
    history = None
    if epochs:
        history = model.fit(x, y, batch_size=batch_size, epochs=epochs, verbose=0, callbacks=[sampler],
                            steps_per_epoch=steps_per_epoch)
    if rest:
        history = model.fit(x, y, batch_size=batch_size, epochs=1, verbose=0, callbacks=[sampler], steps_per_epoch=rest)
    elapsed = time.perf_counter() - t0
    s = np.array(sampler.samples, dtype=np.float64)
    assert len(s) == steps, (len(s), steps)
    after = s[warmup:]
    slope = np.polyfit(np.arange(len(after)), after, 1)[0] if len(after) > 1 else 0.0
    return {
        "steps": steps, "warmup_steps": warmup, "batch_size": batch_size, "seconds": round(elapsed, 1),
        "steps_per_s": round(steps / elapsed, 1),
        "rss_after_warmup_mib": round(s[warmup - 1] / 2**20, 1), "rss_max_after_warmup_mib": round(after.max() / 2**20, 1),
        "rss_final_mib": round(s[-1] / 2**20, 1), "peak_rss_mib": round(peak_rss_bytes() / 2**20, 1),
        "growth_after_warmup_mib": round((after.max() - s[warmup - 1]) / 2**20, 2),
        "slope_kib_per_1000_steps": round(slope * 1000 / 1024, 1),
        "final_loss": round(float(history.history["loss"][-1]), 4),
        "final_accuracy": round(float(history.history["accuracy"][-1]), 4),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--steps", type=int, default=10_000)
    ap.add_argument("--warmup", type=int, default=1_000)
    ap.add_argument("--json")
    a = ap.parse_args()
    r = soak(a.steps, a.warmup)
    for k, v in r.items():
        print(f"{k:>28}: {v}")
    if a.json:
        with open(a.json, "w") as f:
            json.dump(r, f, indent=1)


if __name__ == "__main__":
    main()
