"""Copies of transposed / permuted layouts (the tiled transpose path and the generic strided path)."""
import numpy as np
import pytest

import rustorch as rt


@pytest.mark.parametrize("shape", [(16, 16), (100, 100), (1000, 37), (33, 1025), (3, 257, 129), (2, 1, 40, 50)])
@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.int64, np.bool_])
def test_transpose_contiguous_matches_numpy(shape, dtype):
    a = (np.random.default_rng(0).standard_normal(shape) * 10).astype(dtype)
    t = rt.tensor(a).transpose(-1, -2).contiguous()
    assert t.is_contiguous()
    np.testing.assert_array_equal(t.numpy(), np.swapaxes(a, -1, -2))


def test_permuted_and_sliced_copy_matches_numpy():
    a = np.random.default_rng(1).standard_normal((40, 50, 60)).astype(np.float32)
    t = rt.tensor(a).permute(0, 2, 1)[:, 3:40:2, :].contiguous()
    np.testing.assert_array_equal(t.numpy(), np.ascontiguousarray(a.transpose(0, 2, 1)[:, 3:40:2, :]))
    u = rt.tensor(a).permute(2, 0, 1).contiguous()
    np.testing.assert_array_equal(u.numpy(), np.ascontiguousarray(a.transpose(2, 0, 1)))


def test_transposed_copy_is_thread_count_independent():
    a = rt.tensor(np.random.default_rng(2).standard_normal((700, 900)).astype(np.float32))
    n = rt.get_num_threads()
    try:
        rt.set_num_threads(1)
        one = a.T.contiguous().numpy().copy()
        rt.set_num_threads(2)
        two = a.T.contiguous().numpy().copy()
    finally:
        rt.set_num_threads(n)
    np.testing.assert_array_equal(one, two)
