"""One pytest-benchmark case per (row, size, library), generated from rows.py.

Run it with scripts/bench.sh (`make bench`, `make bench-quick`), which passes the timing options
and writes the report. Before timing, each library's result is checked against NumPy's, so a
wrong kernel cannot post a fast time.
"""
import os
import zlib

import numpy as np
import pytest
import torch

import rustorch as rt
from rows import LIBS, ROWS

MODULES = {"rustorch": rt, "torch": torch, "numpy": np}
STRICT = os.environ.get("RUSTORCH_BENCH_STRICT") == "1"
QUICK_ROUNDS, QUICK_WARMUP = 3, 1


def pytest_generate_tests(metafunc):
    if "case" not in metafunc.fixturenames:
        return
    quick = metafunc.config.getoption("quick")
    cases = [(order, r, shape, lib) for order, r in enumerate(ROWS) for shape in r.sizes_for(quick)
             for lib in LIBS if r.fn(lib) is not None]
    metafunc.parametrize("case", cases, ids=[f"{r.row_id(s)}/{lib}".replace(" ", "_")
                                             for _, r, s, lib in cases])


def missing_rustorch_names(row):
    """The names in row.requires that this rustorch build does not have."""
    missing = []
    for name in row.requires:
        obj = rt
        for part in name.split("."):
            if part == "Tensor" and obj is rt:
                obj = rt.Tensor
            elif hasattr(obj, part):
                obj = getattr(obj, part)
            else:
                missing.append(name)
                break
    return missing


_inputs = {}


def raw_inputs(row, shape):
    """The row's inputs as NumPy arrays, made once per (row, size) from a seed fixed by its id."""
    key = row.row_id(shape)
    if key not in _inputs:
        rng = np.random.default_rng(zlib.crc32(key.encode()))
        _inputs[key] = row.inputs(shape, rng) if row.inputs else ()
    return _inputs[key]


def convert(lib, x, grad=False):
    if not isinstance(x, np.ndarray):
        return x
    if lib == "numpy":
        return x.copy()
    t = torch.from_numpy(x.copy()) if lib == "torch" else rt.tensor(x)
    if grad and x.dtype.kind == "f":
        t.requires_grad_(True)
    return t


def to_numpy(x):
    if isinstance(x, np.ndarray):
        return x
    if isinstance(x, torch.Tensor):
        return x.detach().numpy()
    return np.asarray(x.detach())


def check_result(row, lib, got, raw):
    if callable(row.check):  # the row's own validation (results that are not unique, random samples)
        got = tuple(to_numpy(x) for x in got) if isinstance(got, tuple) else to_numpy(got)
        row.check(got, *raw)
        return
    ref = row.fn("numpy")(np, *[convert("numpy", a) for a in raw])
    ref = np.asarray(ref)
    if row.check == "shape":
        assert tuple(got.shape) == ref.shape, f"{lib}: shape {tuple(got.shape)}, NumPy {ref.shape}"
    else:
        np.testing.assert_allclose(to_numpy(got), ref, rtol=row.rtol, atol=row.atol,
                                   err_msg=f"{lib} disagrees with NumPy on {row.op}")
    assert "float32" in str(got.dtype) or ref.dtype != np.float32, f"{lib}: dtype {got.dtype}"


def test_bench(benchmark, case, quick):
    order, row, shape, lib = case
    if lib == "rustorch":
        missing = missing_rustorch_names(row)
        if missing:
            msg = f"rustorch has no {', '.join(missing)} yet"
            if STRICT:
                pytest.fail(msg)
            pytest.skip(msg)
    xp, fn = MODULES[lib], row.fn(lib)
    raw = raw_inputs(row, shape)
    args = [convert(lib, a, row.grad) if row.convert else a for a in raw]

    if row.check and lib != "numpy" and (callable(row.check) or row.fn("numpy") is not None):
        check_result(row, lib, fn(xp, *args), raw)

    benchmark.group = row.row_id(shape)
    benchmark.extra_info.update(
        section=row.section, op=row.op, shape=list(shape), library=lib, order=order,
        flops=row.flops(shape) if row.flops else None,
        bytes=row.bytes(shape) if row.bytes else None, note=row.note)
    if quick:
        benchmark.pedantic(fn, args=(xp, *args), rounds=QUICK_ROUNDS, iterations=1,
                           warmup_rounds=QUICK_WARMUP)
    else:
        benchmark(fn, xp, *args)
