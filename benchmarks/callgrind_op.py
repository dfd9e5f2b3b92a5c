"""Where does one call of an op spend its instructions? Counts them with valgrind's callgrind.

    python benchmarks/callgrind_op.py "a + b" --shape 100,100            # rustorch, torch, numpy
    python benchmarks/callgrind_op.py "xp.exp(a)" --libs rustorch --top 25

The statement runs N times in one process and 0 times in another (same imports and inputs); the
difference / N is the cost of one call, split by where the instructions run: the Python
interpreter, the library's binding and engine code, libc (malloc/free, memcpy), OpenMP/BLAS.
Instruction counts do not depend on the machine's load (unlike times), so they compare cleanly
on a shared machine; they do not show memory stalls or threading. All pools run one thread.
Needs valgrind (apt-get install valgrind). `a`, `b` are float32 tensors of --shape; `xp` is the
library module.
"""
from __future__ import annotations

import argparse
import collections
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LINE = re.compile(r"^\s*([\d,]+) \([^)]*\)\s+(.*) \[(.*)\]\s*$")

CHILD = r"""
import sys
import numpy as np
lib, n, shape, stmt = sys.argv[1], int(sys.argv[2]), tuple(int(d) for d in sys.argv[3].split(",")), sys.argv[4]
rng = np.random.default_rng(0)
a_np, b_np = rng.standard_normal(shape, dtype=np.float32), rng.standard_normal(shape, dtype=np.float32)
if lib == "rustorch":
    import rustorch as xp; xp.set_num_threads(1); a, b = xp.tensor(a_np), xp.tensor(b_np)
elif lib == "torch":
    import torch as xp; xp.set_num_threads(1); a, b = xp.from_numpy(a_np), xp.from_numpy(b_np)
else:
    import numpy as xp; a, b = a_np, b_np
code = compile(stmt, "<stmt>", "eval")
for _ in range(5):
    eval(code)
for _ in range(n):
    eval(code)
"""


def component(obj, fn):
    o = obj.rsplit("/", 1)[-1]
    if o.startswith("libpython") or o.startswith("python"):
        return "Python interpreter"
    if o.startswith("_C.cpython"):
        return "rustorch _C (bindings + engine)"
    if o.startswith("libtorch_python"):
        return "torch Python bindings"
    if o.startswith(("libtorch", "libc10")):
        return "torch C++"
    if o.startswith("_multiarray_umath"):
        return "NumPy C"
    if o.startswith("libc.so") or o.startswith("libc-"):
        return "libc (malloc/free, memcpy)"
    if o.startswith("libstdc++"):
        return "libstdc++ (operator new, ...)"
    if "gomp" in o or "omp" in o:
        return "OpenMP"
    if "openblas" in o:
        return "OpenBLAS"
    return o


def profile(lib, n, shape, stmt, out):
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1",
               PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable,
                    "-c", CHILD, lib, str(n), ",".join(map(str, shape)), stmt],
                   env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    text = subprocess.run(["callgrind_annotate", "--threshold=100", out], capture_output=True,
                          text=True, check=True).stdout
    by_fn = collections.Counter()
    for ln in text.splitlines():
        m = LINE.match(ln)
        if m:
            fn = m.group(2).split(":", 1)[-1]
            by_fn[(m.group(3), fn)] += int(m.group(1).replace(",", ""))
    return by_fn


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("stmt", help="expression over xp, a, b (e.g. 'a + b')")
    p.add_argument("--shape", default="100,100")
    p.add_argument("--libs", default="rustorch,torch,numpy")
    p.add_argument("-n", type=int, default=2000, help="calls in the measured process")
    p.add_argument("--top", type=int, default=12, help="functions listed per library")
    args = p.parse_args(argv)
    shape = tuple(int(d) for d in args.shape.split(","))
    with tempfile.TemporaryDirectory() as tmp:
        for lib in args.libs.split(","):
            try:
                base = profile(lib, 0, shape, args.stmt, os.path.join(tmp, f"{lib}.0"))
                full = profile(lib, args.n, shape, args.stmt, os.path.join(tmp, f"{lib}.n"))
            except subprocess.CalledProcessError:
                print(f"\n{lib}: `{args.stmt}` failed (not valid for this library?)")
                continue
            per_fn = {k: (full[k] - base[k]) / args.n for k in set(base) | set(full)}
            per_comp = collections.Counter()
            for (obj, fn), v in per_fn.items():
                per_comp[component(obj, fn)] += v
            total = sum(per_comp.values())
            print(f"\n{lib}: {args.stmt} on {args.shape}: {total:,.0f} instructions per call")
            for name, v in per_comp.most_common():
                if abs(v) >= 0.5 / 100 * total:
                    print(f"  {v:9,.0f}  {100 * v / total:5.1f}%  {name}")
            print("  top functions:")
            for (obj, fn), v in sorted(per_fn.items(), key=lambda kv: -kv[1])[:args.top]:
                print(f"  {v:9,.0f}  {os.path.basename(obj)[:24]:24s} {fn[:110]}")


if __name__ == "__main__":
    main()
