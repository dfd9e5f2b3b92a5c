"""Runtime: thread count control, allocator cache, and fork safety of the engine."""
import os
import sys

import numpy as np
import pytest

import rustorch as rt


def test_set_num_threads_roundtrip_and_validation():
    n = rt.get_num_threads()
    try:
        rt.set_num_threads(1)
        assert rt.get_num_threads() == 1
        rt.set_num_threads(2)
        assert rt.get_num_threads() == 2
    finally:
        rt.set_num_threads(n)
    with pytest.raises(ValueError, match="set_num_threads"):
        rt.set_num_threads(0)


def test_results_do_not_depend_on_thread_count():
    x = rt.tensor(np.random.default_rng(0).standard_normal(3_000_000), dtype=rt.float32)
    n = rt.get_num_threads()
    try:
        rt.set_num_threads(1)
        a = (x.exp().sum().item(), x.softmax(0)[:5].tolist())
        rt.set_num_threads(2)
        b = (x.exp().sum().item(), x.softmax(0)[:5].tolist())
    finally:
        rt.set_num_threads(n)
    assert a == b


def test_allocator_reuses_cached_blocks():
    before = rt._C._allocator_stats()
    for _ in range(10):
        rt.empty(1 << 20)
    after = rt._C._allocator_stats()
    assert after["cache_hits"] - before["cache_hits"] >= 9


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_forked_child_can_run_parallel_kernels():
    x = rt.ones(2_000_000)
    assert x.sum().item() == 2_000_000  # the pool is started in the parent
    pid = os.fork()
    if pid == 0:  # child: a parallel kernel must neither hang nor crash
        try:
            ok = rt.ones(2_000_000).sum().item() == 2_000_000 and (rt.ones(1000, 1000) * 2).sum().item() == 2e6
            os._exit(0 if ok else 1)
        except BaseException:
            os._exit(2)
    _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
