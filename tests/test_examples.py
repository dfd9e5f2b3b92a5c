"""The examples run and their own checks pass (the README's main job runs examples/tensor_demo.py)."""
import os
import subprocess
import sys

import pytest

import rustorch as rt

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# What the demo uses beyond the first slice of the core; until every name exists the demo is
# skipped (with the missing names), after that it must pass.
DEMO_NEEDS = ["arange", "randn", "eye", "index_select", "softmax", "sigmoid", "matmul"]
DEMO_NEEDS_TENSOR = ["__getitem__", "__matmul__", "T", "max", "mean", "__pow__", "view"]


def test_tensor_demo():
    missing = [n for n in DEMO_NEEDS if not hasattr(rt, n)]
    missing += [f"Tensor.{n}" for n in DEMO_NEEDS_TENSOR if not hasattr(rt.Tensor, n)]
    if missing:
        pytest.skip(f"rustorch has no {', '.join(missing)} yet")
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run([sys.executable, os.path.join(ROOT, "examples", "tensor_demo.py")],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "all checks passed" in proc.stdout
