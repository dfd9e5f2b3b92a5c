"""Soak: memory stays flat while the Fashion-MNIST MLP trains 10,000 steps through fit
(benchmarks/soak.py; about 10 s on 2 cores). Figures print with -s; REPORT.md's Soak section comes
from `python benchmarks/soak.py --json benchmarks/soak.json`."""
import os
import sys

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "benchmarks"))
from soak import soak  # noqa: E402

if not os.path.exists("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"):
    pytest.skip("Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)", allow_module_level=True)


def _report(r):
    print("\nsoak: " + ", ".join(f"{k}={v}" for k, v in r.items()))


def test_soak_10k_steps_memory_flat():
    r = soak(steps=10_000, warmup=1_000)
    _report(r)
    # After warm-up (allocator cache filled, optimizer state created) RSS must not creep: a graph, a
    # batch or a callback's buffer kept per step grows it with every step (the sampler's own list of
    # 10,000 readings, ~0.4 MiB, accounts for part of the small slope that remains).
    assert r["growth_after_warmup_mib"] < 16, r
    assert abs(r["slope_kib_per_1000_steps"]) < 512, r
    assert r["final_accuracy"] > 0.8, r
