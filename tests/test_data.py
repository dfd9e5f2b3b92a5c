"""rt.data: datasets, samplers, collate and DataLoader semantics, checked against PyTorch's."""
import collections
import math
import threading

import numpy as np
import pytest
import torch
import torch.utils.data as tud

import rustorch as rt
from rustorch import data as rd


def arange_ds(n, width=3):
    x = np.arange(n * width, dtype=np.float32).reshape(n, width)
    return rd.TensorDataset(rt.from_numpy(x), rt.from_numpy(np.arange(n, dtype=np.int64)))


def labels_of(loader):
    return [b[1].tolist() for b in loader]


# ---- module layout ------------------------------------------------------------------------------

def test_utils_data_is_data():
    import rustorch.utils.data as ud
    from rustorch.utils.data import DataLoader
    assert ud is rt.data and rt.utils.data is rt.data and DataLoader is rd.DataLoader


# ---- datasets ----------------------------------------------------------------------------------

def test_tensor_dataset_rows_and_errors():
    ds = arange_ds(5)
    assert len(ds) == 5
    x, y = ds[2]
    assert x.tolist() == [6.0, 7.0, 8.0] and y.item() == 2
    x, y = ds[-1]
    assert y.item() == 4
    xs, ys = ds[[4, 0]]
    assert ys.tolist() == [4, 0] and xs.shape == (2, 3)
    xs, ys = ds[1:3]
    assert ys.tolist() == [1, 2]
    with pytest.raises(IndexError):
        ds[5]
    with pytest.raises(ValueError, match="Size mismatch"):
        rd.TensorDataset(rt.zeros(3, 2), rt.zeros(4))


def test_tensor_dataset_accepts_numpy_and_noncontiguous():
    base = np.arange(24, dtype=np.float64).reshape(4, 6)
    t = rt.from_numpy(base).transpose(0, 1)  # (6, 4), non-contiguous
    ds = rd.TensorDataset(t, np.arange(6))
    batch = next(iter(rd.DataLoader(ds, batch_size=6)))
    np.testing.assert_array_equal(batch[0].numpy(), base.T)
    assert batch[1].tolist() == list(range(6))


def test_subset_concat_stack_chain():
    ds = arange_ds(10)
    sub = rd.Subset(ds, [9, 3, 5])
    assert len(sub) == 3 and sub[0][1].item() == 9
    assert [s[1].item() for s in sub.__getitems__([2, 1])] == [5, 3]
    cat = rd.ConcatDataset([arange_ds(3), arange_ds(4)])
    assert len(cat) == 7 and cat.cumulative_sizes == [3, 7]
    assert cat[3][1].item() == 0 and cat[-1][1].item() == 3
    with pytest.raises(ValueError, match="absolute value"):
        cat[-8]
    with pytest.raises(ValueError, match="empty"):
        rd.ConcatDataset([])
    assert len(ds + ds) == 20
    st = rd.StackDataset(a=arange_ds(3), b=arange_ds(3))
    assert set(st[1]) == {"a", "b"}

    class It(rd.IterableDataset):
        def __init__(self, n):
            self.n = n

        def __iter__(self):
            return iter(range(self.n))

        def __len__(self):
            return self.n

    with pytest.raises(ValueError, match="IterableDataset"):
        rd.ConcatDataset([It(2)])
    assert list(It(2) + It(3)) == [0, 1, 0, 1, 2]


def test_random_split_lengths_and_fractions():
    ds = arange_ds(10)
    a, b = rd.random_split(ds, [7, 3], generator=rt.Generator().manual_seed(1))
    ia, ib = list(a.indices), list(b.indices)
    assert len(ia) == 7 and len(ib) == 3 and sorted(ia + ib) == list(range(10))
    a2, _ = rd.random_split(ds, [7, 3], generator=rt.Generator().manual_seed(1))
    assert list(a2.indices) == ia
    parts = rd.random_split(range(11), [0.5, 0.3, 0.2], generator=rt.Generator().manual_seed(0))
    # Same lengths as torch: floor, then the remainder round-robin.
    tparts = tud.random_split(range(11), [0.5, 0.3, 0.2], generator=torch.Generator().manual_seed(0))
    assert [len(p) for p in parts] == [len(p) for p in tparts]
    with pytest.raises(ValueError, match="Sum of input lengths"):
        rd.random_split(ds, [5, 4])
    rt.manual_seed(3)
    x = rd.random_split(ds, [5, 5])[0].indices
    rt.manual_seed(3)
    assert rd.random_split(ds, [5, 5])[0].indices == x


# ---- samplers ----------------------------------------------------------------------------------

def test_sequential_and_batch_sampler_match_torch():
    for n, bs, drop in [(10, 3, False), (10, 3, True), (9, 3, True), (1, 5, False), (0, 2, False)]:
        ours = list(rd.BatchSampler(rd.SequentialSampler(range(n)), bs, drop))
        theirs = list(tud.BatchSampler(tud.SequentialSampler(range(n)), bs, drop))
        assert ours == theirs
        assert len(rd.BatchSampler(range(n), bs, drop)) == len(theirs)
    with pytest.raises(ValueError):
        rd.BatchSampler(range(3), 0, False)
    with pytest.raises(ValueError):
        rd.BatchSampler(range(3), 2, 1)
    assert list(rd.BatchSampler([5, 6, 7], 2, False)) == [[5, 6], [7]]


def test_random_sampler_permutation_and_reproducibility():
    s = rd.RandomSampler(range(100))
    rt.manual_seed(0)
    a = list(s)
    rt.manual_seed(0)
    b = list(s)
    assert a == b and sorted(a) == list(range(100)) and a != list(range(100))
    assert list(s) != a  # next epoch differs
    g = rt.Generator().manual_seed(5)
    s2 = rd.RandomSampler(range(10), generator=g)
    e1, e2 = list(s2), list(s2)
    g.manual_seed(5)
    assert list(s2) == e1 and e1 != e2


def test_random_sampler_num_samples_and_replacement():
    s = rd.RandomSampler(range(7), num_samples=17)
    v = list(s)
    assert len(v) == 17 == len(s)
    c = collections.Counter(v)
    assert all(c[i] in (2, 3) for i in range(7))  # two whole permutations + 3 from a third
    assert sorted(v[:7]) == list(range(7)) and sorted(v[7:14]) == list(range(7))
    r = list(rd.RandomSampler(range(5), replacement=True, num_samples=1000))
    assert len(r) == 1000 and set(r) == set(range(5))
    with pytest.raises(ValueError, match="num_samples"):
        rd.RandomSampler(range(5), num_samples=0)
    with pytest.raises(TypeError, match="replacement"):
        rd.RandomSampler(range(5), replacement=1)


def test_subset_random_and_weighted_samplers():
    idx = [10, 20, 30, 40]
    v = list(rd.SubsetRandomSampler(idx, generator=rt.Generator().manual_seed(0)))
    assert sorted(v) == idx and len(rd.SubsetRandomSampler(idx)) == 4
    w = rd.WeightedRandomSampler([0.0, 1.0, 3.0], 4000, generator=rt.Generator().manual_seed(0))
    c = collections.Counter(w)
    assert c[0] == 0 and 0.2 < c[1] / 4000 < 0.3
    nr = list(rd.WeightedRandomSampler([1, 1, 0, 1], 3, replacement=False))
    assert sorted(nr) == [0, 1, 3]
    with pytest.raises(ValueError):
        list(rd.WeightedRandomSampler([1, 0, 0], 2, replacement=False))
    with pytest.raises(ValueError, match="1d"):
        rd.WeightedRandomSampler([[1, 2]], 2)
    with pytest.raises(ValueError, match="num_samples"):
        rd.WeightedRandomSampler([1, 2], 0)


@pytest.mark.parametrize("n,replicas,drop_last,shuffle", [
    (10, 3, False, True), (10, 3, True, True), (10, 3, False, False), (10, 3, True, False),
    (2, 5, False, True), (2, 5, False, False), (12, 4, False, True), (101, 8, True, True), (7, 1, False, True)])
def test_distributed_sampler_matches_torch(n, replicas, drop_last, shuffle):
    for seed, epoch in [(0, 0), (0, 3), (42, 1)]:
        ours, theirs = [], []
        for rank in range(replicas):
            s = rd.DistributedSampler(range(n), num_replicas=replicas, rank=rank, shuffle=shuffle, seed=seed,
                                      drop_last=drop_last)
            t = tud.DistributedSampler(range(n), num_replicas=replicas, rank=rank, shuffle=shuffle, seed=seed,
                                       drop_last=drop_last)
            s.set_epoch(epoch)
            t.set_epoch(epoch)
            assert len(s) == len(t) == s.num_samples
            ours.append(list(s))
            theirs.append(list(t))
        assert ours == theirs  # identical shards and padding, value for value
        flat = [i for shard in ours for i in shard]
        if drop_last:
            assert len(set(flat)) == len(flat)  # disjoint
        else:
            assert set(flat) == set(range(n))  # complete
            assert len(flat) == math.ceil(n / replicas) * replicas


def test_distributed_sampler_errors_and_epochs():
    with pytest.raises(ValueError, match="Invalid rank"):
        rd.DistributedSampler(range(4), num_replicas=2, rank=2)
    with pytest.raises(RuntimeError, match="distributed"):
        rd.DistributedSampler(range(4))
    s = rd.DistributedSampler(range(50), num_replicas=2, rank=0)
    e0 = list(s)
    s.set_epoch(1)
    assert list(s) != e0
    s.set_epoch(0)
    assert list(s) == e0


# ---- collate -----------------------------------------------------------------------------------

Point = collections.namedtuple("Point", "x y")


def test_default_collate_nested_structures():
    batch = [{"img": rt.ones(2, 2) * i, "label": i, "w": float(i), "name": f"s{i}",
              "pair": (np.full(3, i, dtype=np.float32), [i, i + 1]), "pt": Point(i, 1.5), "flag": i % 2 == 0}
             for i in range(3)]
    out = rd.default_collate(batch)
    assert out["img"].shape == (3, 2, 2) and out["img"].dtype == rt.float32
    assert out["img"].numpy()[2].tolist() == [[2.0, 2.0], [2.0, 2.0]]
    assert out["label"].dtype == rt.int64 and out["label"].tolist() == [0, 1, 2]
    assert out["w"].dtype == rt.float64
    assert out["name"] == ["s0", "s1", "s2"]
    assert isinstance(out["pair"], list) and out["pair"][0].shape == (3, 3) and out["pair"][0].dtype == rt.float32
    assert isinstance(out["pair"][1], list) and out["pair"][1][1].tolist() == [1, 2, 3]
    assert isinstance(out["pt"], Point) and out["pt"].y.tolist() == [1.5, 1.5, 1.5]
    assert out["flag"].dtype == rt.bool and out["flag"].tolist() == [True, False, True]
    # Same structure as torch's default_collate.
    tb = [{"label": i, "pair": (np.full(3, i, dtype=np.float32), [i, i + 1])} for i in range(3)]
    t = tud.default_collate(tb)
    r = rd.default_collate(tb)
    assert type(t["pair"]) is type(r["pair"]) and type(t["pair"][1]) is type(r["pair"][1])
    np.testing.assert_array_equal(r["pair"][0].numpy(), t["pair"][0].numpy())


def test_default_collate_numpy_dtypes_and_errors():
    out = rd.default_collate([np.array([1, 2], dtype=np.uint8), np.array([3, 4], dtype=np.uint8)])
    assert out.dtype == rt.int64 and out.tolist() == [[1, 2], [3, 4]]
    out = rd.default_collate([np.float32(1.5), np.float32(2.5)])
    assert out.dtype == rt.float32 and out.tolist() == [1.5, 2.5]
    with pytest.raises(RuntimeError, match="equal size"):
        rd.default_collate([[1, 2], [1]])
    with pytest.raises(TypeError, match="default_collate"):
        rd.default_collate([object(), object()])
    with pytest.raises(ValueError, match="equal size"):
        rd.default_collate([rt.zeros(2), rt.zeros(3)])
    assert rd.default_convert((np.zeros(2), "a"))[0].dtype == rt.float64


# ---- DataLoader --------------------------------------------------------------------------------

@pytest.mark.parametrize("n,bs", [(10, 3), (10, 5), (1, 4), (64, 64), (65, 8)])
@pytest.mark.parametrize("drop_last", [False, True])
def test_loader_len_and_batch_counts_match_torch(n, bs, drop_last):
    ours = rd.DataLoader(arange_ds(n), batch_size=bs, drop_last=drop_last, shuffle=True)
    x = torch.arange(n * 3, dtype=torch.float32).reshape(n, 3)
    theirs = tud.DataLoader(tud.TensorDataset(x, torch.arange(n)), batch_size=bs, drop_last=drop_last, shuffle=True)
    assert len(ours) == len(theirs)
    ob = list(ours)
    tb = list(theirs)
    assert len(ob) == len(tb) == len(ours)
    assert [b[0].shape for b in ob] == [tuple(b[0].shape) for b in tb]
    assert all(isinstance(b, list) for b in ob + tb)


@pytest.mark.parametrize("workers", [0, 2])
def test_every_index_once_per_epoch(workers):
    ds = arange_ds(103)
    loader = rd.DataLoader(ds, batch_size=10, shuffle=True, num_workers=workers)
    for _ in range(2):
        seen = [i for b in labels_of(loader) for i in b]
        assert sorted(seen) == list(range(103))
    for b in loader:  # rows stay paired with their labels
        np.testing.assert_array_equal(b[0].numpy()[:, 0], b[1].numpy() * 3)


def test_shuffle_reproducible_under_seed_and_generator():
    ds = arange_ds(50)
    loader = rd.DataLoader(ds, batch_size=8, shuffle=True)
    rt.manual_seed(123)
    a = labels_of(loader)
    b = labels_of(loader)
    rt.manual_seed(123)
    assert labels_of(loader) == a and a != b
    g = rt.Generator()
    lg = rd.DataLoader(ds, batch_size=8, shuffle=True, generator=g)
    g.manual_seed(7)
    c = labels_of(lg)
    g.manual_seed(7)
    assert labels_of(lg) == c


@pytest.mark.parametrize("kind", ["tensor", "subset", "python", "custom_sampler"])
def test_workers_yield_same_batches_as_single_thread(kind):
    ds = arange_ds(97)
    kw = dict(batch_size=8, shuffle=True)
    if kind == "subset":
        ds = rd.Subset(ds, list(range(5, 90)))
    elif kind == "python":
        class Py(rd.Dataset):
            def __len__(self):
                return 97

            def __getitem__(self, i):
                return {"x": np.full(2, i, dtype=np.float32), "y": i}
        ds = Py()
    elif kind == "custom_sampler":
        kw = dict(batch_size=8, sampler=list(reversed(range(97))))

    def run(workers):
        rt.manual_seed(99)
        loader = rd.DataLoader(ds, num_workers=workers, **kw)
        out = []
        for b in loader:
            if isinstance(b, dict):
                out.append((b["x"].numpy().tolist(), b["y"].tolist()))
            else:
                out.append([t.numpy().tolist() for t in b])
        return out

    single = run(0)
    assert run(2) == single
    assert run(3) == single


def test_tensor_fast_path_matches_generic_collate():
    ds = arange_ds(40)
    fast = list(rd.DataLoader(ds, batch_size=7, shuffle=True, generator=rt.Generator().manual_seed(1)))
    slow = list(rd.DataLoader(ds, batch_size=7, shuffle=True, generator=rt.Generator().manual_seed(1),
                              collate_fn=lambda b: rd.default_collate(b)))
    for f, s in zip(fast, slow):
        assert f[0].dtype == s[0].dtype and f[1].dtype == s[1].dtype
        np.testing.assert_array_equal(f[0].numpy(), s[0].numpy())
        np.testing.assert_array_equal(f[1].numpy(), s[1].numpy())


def test_loader_sampler_batch_sampler_and_no_batching():
    ds = arange_ds(10)
    loader = rd.DataLoader(ds, batch_sampler=[[0, 1], [5, 6, 7]])
    assert labels_of(loader) == [[0, 1], [5, 6, 7]] and len(loader) == 2
    loader = rd.DataLoader(ds, sampler=[3, 1, 2], batch_size=2)
    assert labels_of(loader) == [[3, 1], [2]]
    loader = rd.DataLoader(ds, batch_size=None)
    first = next(iter(loader))
    assert isinstance(first, list) and first[1].item() == 0 and len(loader) == 10  # list, like torch
    out = list(rd.DataLoader([np.ones(2)] * 3, batch_size=None))
    assert isinstance(out[0], rt.Tensor)


def test_loader_argument_errors_like_torch():
    ds = arange_ds(4)
    with pytest.raises(ValueError, match="mutually exclusive with shuffle"):
        rd.DataLoader(ds, sampler=[0], shuffle=True)
    with pytest.raises(ValueError, match="batch_sampler option is mutually exclusive"):
        rd.DataLoader(ds, batch_sampler=[[0]], batch_size=2)
    with pytest.raises(ValueError, match="drop_last"):
        rd.DataLoader(ds, batch_size=None, drop_last=True)
    with pytest.raises(ValueError, match="num_workers"):
        rd.DataLoader(ds, num_workers=-1)
    with pytest.raises(ValueError, match="prefetch_factor"):
        rd.DataLoader(ds, prefetch_factor=2)
    with pytest.raises(ValueError, match="persistent_workers"):
        rd.DataLoader(ds, persistent_workers=True)
    loader = rd.DataLoader(ds)
    with pytest.raises(ValueError, match="should not be set"):
        loader.batch_size = 3


class Boom(rd.Dataset):
    def __len__(self):
        return 20

    def __getitem__(self, i):
        if i == 13:
            raise KeyError(f"bad sample {i}")
        if i == 17:
            raise ValueError(f"broken sample {i}")
        return i


def test_worker_exception_reraised_with_worker_traceback():
    loader = rd.DataLoader(Boom(), batch_size=4, num_workers=2)
    it = iter(loader)
    assert next(it).tolist() == [0, 1, 2, 3]
    assert next(it).tolist() == [4, 5, 6, 7]
    assert next(it).tolist() == [8, 9, 10, 11]
    with pytest.raises(KeyError) as e:
        next(it)
    msg = str(e.value)
    assert "Caught KeyError in DataLoader worker thread 1" in msg
    assert "Original Traceback (most recent call last)" in msg
    assert "in __getitem__" in msg and "bad sample 13" in msg and "test_data.py" in msg
    with pytest.raises(ValueError, match=r"(?s)worker thread 0.*Traceback.*broken sample 17"):
        next(it)
    with pytest.raises(StopIteration):
        next(it)
    with pytest.raises(ValueError, match="broken sample 17"):  # single-process: raised as is
        list(rd.DataLoader(Boom(), batch_size=4, sampler=[17]))


def test_worker_init_fn_worker_info_and_persistent_workers():
    calls = []
    seen = []

    class Ds(rd.Dataset):
        def __len__(self):
            return 12

        def __getitem__(self, i):
            info = rd.get_worker_info()
            seen.append((info.id, info.num_workers, threading.current_thread().name))
            return i

    def init(wid):
        calls.append((wid, rd.get_worker_info().id, rd.get_worker_info().seed))

    loader = rd.DataLoader(Ds(), batch_size=3, num_workers=2, worker_init_fn=init, persistent_workers=True)
    for _ in range(3):
        assert [b.tolist() for b in loader] == [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9, 10, 11]]
    assert sorted(c[0] for c in calls) == [0, 1]  # once per worker, kept across epochs
    assert all(c[0] == c[1] for c in calls) and calls[0][2] != calls[1][2]
    assert {s[0] for s in seen} == {0, 1} and all(s[1] == 2 for s in seen)
    assert rd.get_worker_info() is None
    with pytest.raises(RuntimeError, match="Cannot assign"):
        rd.WorkerInfo(id=0).id = 1


class Stream(rd.IterableDataset):
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        info = rd.get_worker_info()
        if info is None:
            return iter(range(self.n))
        return iter(range(info.id, self.n, info.num_workers))

    def __len__(self):
        return self.n


@pytest.mark.parametrize("workers", [0, 2])
def test_iterable_dataset(workers):
    loader = rd.DataLoader(Stream(11), batch_size=3, num_workers=workers)
    got = [i for b in loader for i in b.tolist()]
    assert sorted(got) == list(range(11))
    assert len(loader) == 4
    loader = rd.DataLoader(Stream(11), batch_size=3, drop_last=True)
    assert [b.tolist() for b in loader] == [[0, 1, 2], [3, 4, 5], [6, 7, 8]] and len(loader) == 3
    with pytest.raises(ValueError, match="shuffle"):
        rd.DataLoader(Stream(3), shuffle=True)


def test_abandoned_worker_iterators_do_not_leak_threads():
    class Py(rd.Dataset):
        def __len__(self):
            return 100

        def __getitem__(self, i):
            return i

    before = threading.active_count()
    for _ in range(5):
        it = iter(rd.DataLoader(Py(), batch_size=4, num_workers=2))
        next(it)
        del it
    import gc
    gc.collect()
    for t in threading.enumerate():
        if t.name.startswith("rustorch-DataLoader-worker"):
            t.join(timeout=5)
    assert threading.active_count() <= before


def test_random_transforms_in_workers_are_reproducible():
    from rustorch.data import transforms as T

    class Noisy(rd.Dataset):
        flip = T.RandomHorizontalFlip()

        def __len__(self):
            return 16

        def __getitem__(self, i):
            x = np.arange(4, dtype=np.float32).reshape(1, 1, 4) + i
            return self.flip(rt.from_numpy(x))

    def run():
        rt.manual_seed(5)
        return [b.numpy().tolist() for b in rd.DataLoader(Noisy(), batch_size=4, num_workers=2)]

    assert run() == run()


def test_timeout_raises():
    import time

    class Slow(rd.Dataset):
        def __len__(self):
            return 2

        def __getitem__(self, i):
            time.sleep(0.5)
            return i

    with pytest.raises(RuntimeError, match="timed out"):
        list(rd.DataLoader(Slow(), batch_size=1, num_workers=1, timeout=0.05))


@pytest.mark.parametrize("workers", [0, 2])
def test_iterators_are_freed_without_the_garbage_collector(workers):
    import gc
    import weakref

    class Py(rd.Dataset):
        def __len__(self):
            return 50

        def __getitem__(self, i):
            return i

    gc.disable()
    try:
        for ds in (arange_ds(50), Py()):
            it = iter(rd.DataLoader(ds, batch_size=4, shuffle=True, num_workers=workers))
            next(it)
            ref = weakref.ref(it)
            del it
            assert ref() is None  # no reference cycle: workers stop as soon as the iterator goes
    finally:
        gc.enable()


def test_prefetcher_survives_fork():
    import os
    import signal

    loader = rd.DataLoader(arange_ds(5000), batch_size=4, shuffle=True, num_workers=2)
    it = iter(loader)
    next(it)
    pid = os.fork()
    if pid == 0:  # child: dropping the parent's prefetcher must neither join nor crash
        try:
            del it
            ok = len(list(rd.DataLoader(arange_ds(100), batch_size=10, num_workers=0))) == 10
            os._exit(0 if ok else 1)
        except BaseException:
            os._exit(2)
    import time
    deadline = time.time() + 30
    while time.time() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.05)
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        pytest.fail("forked child hung releasing the prefetcher")
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    assert len(list(it)) == 1249


def test_permutations_and_draws_are_the_engines_own():
    perm = rt.randperm(20, generator=rt.Generator().manual_seed(3)).tolist()
    assert rd.random_split(range(20), [20], generator=rt.Generator().manual_seed(3))[0].indices == perm
    assert list(rd.SubsetRandomSampler(list(range(20)), generator=rt.Generator().manual_seed(3))) == perm
    from rustorch.data import transforms as T
    x = rt.zeros(1, 2, 2)
    for seed in range(10):
        rt.manual_seed(seed)
        u = rt.rand(1).item()
        rt.manual_seed(seed)
        assert (T.RandomHorizontalFlip()(x) is not x) == (u < 0.5)
