"""Forward + backward time of rustorch's nn kernels against torch 2.13 at the same thread count.

    python benchmarks/bench_nn_kernels.py [--threads 1 2] [--reps 30]

Prints the median and the minimum of the runs. Rows: conv2d (32x3x32x32 -> 16 channels, 3x3, padding 1) and a LeNet-sized stack built from the
functional kernels (conv 5x5 -> max_pool -> conv 5x5 -> max_pool -> 5x5 and 1x1 convs as the
dense layers -> cross_entropy) on a 32x1x28x28 batch, plus the main kernels one by one. Times are
the median of --reps runs after warm-up; rt and torch runs are interleaved so that load on a
shared machine hits both alike. Compare ratios, not absolute times.
"""
import argparse
import time

import numpy as np
import torch
import torch.nn.functional as F

import rustorch as rt


def _tensors(lib, arrays, grad):
    out = []
    for a in arrays:
        t = lib.tensor(a)
        if grad and a.dtype.kind == "f":
            t.requires_grad_(True)
        out.append(t)
    return out


def _step(lib, fn, tensors, grad_out):
    y = fn(lib, *tensors)
    if grad_out is None:
        y.backward()
    else:
        y.backward(grad_out)
    for t in tensors:
        if getattr(t, "grad", None) is not None:
            t.grad = None


CLOCK = time.perf_counter
ONLY = ""


def bench(name, fn, arrays, reps, scalar_out=False):
    """fn(lib, *tensors) -> output; times forward + backward for rt and torch alternately."""
    if ONLY and ONLY not in name:
        return None
    rng = np.random.default_rng(0)
    ts = {}
    for lib in (rt, torch):
        tensors = _tensors(lib, arrays, True)
        y = fn(lib, *tensors)
        g = None if scalar_out else lib.tensor(rng.standard_normal(tuple(y.shape)).astype(arrays[0].dtype))
        ts[lib] = (tensors, g, [])
        for _ in range(3):
            _step(lib, fn, tensors, g)
    for _ in range(reps):
        for lib in (rt, torch):
            tensors, g, times = ts[lib]
            t0 = CLOCK()
            _step(lib, fn, tensors, g)
            times.append(CLOCK() - t0)
    r, t = np.median(ts[rt][2]) * 1e3, np.median(ts[torch][2]) * 1e3
    rmin, tmin = np.min(ts[rt][2]) * 1e3, np.min(ts[torch][2]) * 1e3
    print(f"  {name:40s} median: rt {r:8.3f} ms  torch {t:8.3f} ms  torch/rt {t / r:5.2f}x"
          f"  | min: rt {rmin:8.3f}  torch {tmin:8.3f}  {tmin / rmin:5.2f}x", flush=True)
    return r, t


def _F(lib):
    return rt if lib is rt else F


def conv_row(lib, x, w, b):
    return _F(lib).conv2d(x, w, b, padding=1)


def lenet(lib, x, w1, b1, w2, b2, w3, b3, w4, b4, w5, b5):
    f = _F(lib)
    relu = (lambda t: t.relu()) if hasattr(torch.Tensor, "relu") and (lib is torch or hasattr(rt.Tensor, "relu")) \
        else (lambda t: t)
    y = f.max_pool2d(relu(f.conv2d(x, w1, b1, padding=2)), 2)   # 32x6x14x14
    y = f.max_pool2d(relu(f.conv2d(y, w2, b2)), 2)              # 32x16x5x5
    y = relu(f.conv2d(y, w3, b3))                              # 32x120x1x1 (dense 400 -> 120)
    y = relu(f.conv2d(y, w4, b4))                              # dense 120 -> 84
    y = f.conv2d(y, w5, b5)                                    # dense 84 -> 10
    logits = y.reshape(y.shape[0], 10)
    target = lib.tensor(np.arange(y.shape[0]) % 10)
    return f.cross_entropy(logits, target)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    p.add_argument("--reps", type=int, default=30)
    p.add_argument("--cpu-time", action="store_true",
                   help="time with the calling thread's CPU time (robust on a loaded machine; 1 thread only)")
    p.add_argument("--only", default="", help="run only rows whose name contains this text")
    args = p.parse_args()
    global CLOCK, ONLY
    ONLY = args.only
    if args.cpu_time:
        CLOCK = time.thread_time
        args.threads = [1]
    rng = np.random.default_rng(0)
    f32 = lambda *s: (rng.standard_normal(s) * 0.3).astype(np.float32)  # noqa: E731
    conv = [f32(32, 3, 32, 32), f32(16, 3, 3, 3), f32(16)]
    net = [f32(32, 1, 28, 28), f32(6, 1, 5, 5), f32(6), f32(16, 6, 5, 5), f32(16), f32(120, 16, 5, 5), f32(120),
           f32(84, 120, 1, 1), f32(84), f32(10, 84, 1, 1), f32(10)]
    act = f32(32, 16, 32, 32)
    for n in args.threads:
        rt.set_num_threads(n)
        torch.set_num_threads(n)
        print(f"threads = {n}")
        bench("conv2d 32x3x32x32 -> 16, 3x3, pad 1", conv_row, conv, args.reps)
        bench("LeNet stack (32x1x28x28, conv/pool/CE)", lenet, net, args.reps, scalar_out=True)
        bench("conv2d 32x16x32x32 -> 32, 3x3, pad 1", conv_row, [act, f32(32, 16, 3, 3), f32(32)], args.reps)
        bench("max_pool2d 2x2 on 32x16x32x32", lambda lib, x: _F(lib).max_pool2d(x, 2), [act], args.reps)
        bench("avg_pool2d 3x3/2 pad 1 on 32x16x32x32", lambda lib, x: _F(lib).avg_pool2d(x, 3, 2, 1), [act], args.reps)
        bench("batch_norm train on 32x16x32x32", lambda lib, x, w, b: _F(lib).batch_norm(x, None, None, w, b, True),
              [act, f32(16), f32(16)], args.reps)
        bench("layer_norm (1024,) on 512x1024",
              lambda lib, x, w, b: _F(lib).layer_norm(x, (1024,), w, b), [f32(512, 1024), f32(1024), f32(1024)], args.reps)
        bench("group_norm 4 groups on 32x16x32x32", lambda lib, x, w, b: _F(lib).group_norm(x, 4, w, b),
              [act, f32(16), f32(16)], args.reps)
        bench("cross_entropy 256x1000", lambda lib, x: _F(lib).cross_entropy(x, lib.tensor(np.arange(256) % 1000)),
              [f32(256, 1000)], args.reps, scalar_out=True)
        bench("dropout p=0.5 on 32x16x32x32", lambda lib, x: _F(lib).dropout(x, 0.5), [act], args.reps)


if __name__ == "__main__":
    main()
