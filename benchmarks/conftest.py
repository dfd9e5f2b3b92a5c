"""Benchmark session set-up: one thread count for every library, quick mode, JSON extras.

Options (or environment variables):
  --quick / RUSTORCH_BENCH_QUICK=1      few rounds, small sizes (CI: checks the suite runs)
  --threads N / RUSTORCH_BENCH_THREADS  threads for rustorch, torch and every BLAS (default 2)
  RUSTORCH_BENCH_STRICT=1               a row whose rustorch op is missing fails instead of skipping
"""
import os
import platform
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))


def pytest_addoption(parser):
    g = parser.getgroup("rustorch benchmarks")
    g.addoption("--quick", action="store_true", default=os.environ.get("RUSTORCH_BENCH_QUICK") == "1",
                help="few rounds and small sizes: checks that every row runs, not its speed")
    g.addoption("--threads", type=int, default=int(os.environ.get("RUSTORCH_BENCH_THREADS", "2")),
                help="thread count for rustorch, torch and the BLAS libraries (default 2)")


_not_run = []


def pytest_configure(config):
    threads = config.getoption("threads")
    # Before the libraries start their pools: OpenMP (torch), OpenBLAS (NumPy, rustorch), MKL.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(threads)
    import numpy  # noqa: F401
    import torch
    import rustorch as rt
    from threadpoolctl import threadpool_limits
    # Every BLAS/OpenMP pool loaded in the process (NumPy's OpenBLAS, rustorch's OpenBLAS, torch's
    # MKL and OpenMP), then each library's own setting on top.
    config._rt_bench_limits = threadpool_limits(limits=threads)
    torch.set_num_threads(threads)
    rt.set_num_threads(threads)
    config._rt_bench_threads = threads


@pytest.fixture(scope="session")
def bench_threads(request):
    return request.config._rt_bench_threads


@pytest.fixture(scope="session")
def quick(request):
    return request.config.getoption("quick")


def pytest_runtest_logreport(report):
    """Keeps the rows that did not produce a number (skipped or failed), for the report."""
    if report.when in ("setup", "call") and not report.passed:
        reason = ""
        if report.skipped and isinstance(report.longrepr, tuple):
            reason = report.longrepr[2]
        elif report.failed:
            reason = (report.longreprtext or "").strip().splitlines()[-1:] or ["failed"]
            reason = reason[0]
        _not_run.append({"nodeid": report.nodeid, "outcome": report.outcome, "reason": reason[:300]})


def pytest_benchmark_update_machine_info(config, machine_info):
    import numpy
    import torch
    import rustorch as rt
    from threadpoolctl import threadpool_info
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")), "")
    except OSError:
        pass
    machine_info["rustorch_bench"] = {
        "mode": "quick" if config.getoption("quick") else "full",
        "threads": config._rt_bench_threads,
        "cpu_model": cpu,
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
        "versions": {"python": platform.python_version(), "numpy": numpy.__version__,
                     "torch": torch.__version__, "rustorch": rt.__version__},
        "torch_threads": torch.get_num_threads(),
        "rustorch_threads": rt.get_num_threads(),
        "threadpools": [{k: p.get(k) for k in ("internal_api", "version", "num_threads", "filepath",
                                              "architecture", "threading_layer")}
                        for p in threadpool_info()],
        "loadavg_at_end": [round(x, 2) for x in os.getloadavg()],
        "env": {k: v for k, v in os.environ.items() if k.startswith(("OPENBLAS_", "OMP_", "MKL_"))},
    }


def pytest_benchmark_update_json(config, benchmarks, output_json):
    output_json["not_run"] = list(_not_run)
