"""rt.data.datasets: Fashion-MNIST from Debian's package, idx validation, scikit-learn tables, text."""
import gzip
import os
import struct

import numpy as np
import pytest

import rustorch as rt
from rustorch.data import DataLoader, datasets, transforms as T

FMNIST = datasets.FASHION_MNIST_ROOT
have_fmnist = pytest.mark.skipif(not os.path.isfile(os.path.join(FMNIST, "train-labels-idx1-ubyte.gz")),
                                 reason="apt-get install dataset-fashion-mnist")


def write_idx(path, arr, type_code=0x08, compress=False, dims=None, extra=b""):
    dims = arr.shape if dims is None else dims
    header = bytes([0, 0, type_code, len(dims)]) + b"".join(struct.pack(">I", d) for d in dims)
    body = arr.astype(arr.dtype.newbyteorder(">")).tobytes() if arr.dtype.itemsize > 1 else arr.tobytes()
    raw = header + body + extra
    if compress:
        raw = gzip.compress(raw)
    path.write_bytes(raw)
    return path


# ---- Fashion-MNIST ------------------------------------------------------------------------------

@have_fmnist
def test_fashion_mnist_train_and_test():
    train = datasets.FashionMNIST(transform=T.ToTensor())
    test = datasets.FashionMNIST(train=False, transform=T.ToTensor())
    assert len(train) == 60000 and len(test) == 10000
    x, y = train[0]
    assert isinstance(x, rt.Tensor) and x.shape == (1, 28, 28) and x.dtype == rt.float32
    a = x.numpy()
    assert a.min() >= 0.0 and a.max() <= 1.0 and a.max() > 0.5
    assert isinstance(y, int) and 0 <= y <= 9
    counts = np.bincount(train.targets_numpy, minlength=10)
    assert counts.tolist() == [6000] * 10
    assert np.bincount(test.targets_numpy).tolist() == [1000] * 10
    assert train.targets.dtype == rt.int64 and train.targets.shape == (60000,)
    assert train.data_numpy.shape == (60000, 28, 28) and train.data_numpy.dtype == np.uint8
    assert len(train.classes) == 10 and train.class_to_idx["Ankle boot"] == 9
    # ToTensor is the raw bytes / 255.
    np.testing.assert_array_equal(a[0], train.data_numpy[0].astype(np.float32) / np.float32(255))


@have_fmnist
def test_fashion_mnist_data_tensor_and_raw_samples():
    test = datasets.FashionMNIST(train=False)
    img, y = test[3]
    assert isinstance(img, np.ndarray) and img.dtype == np.uint8 and img.shape == (28, 28)
    assert test.data.dtype == rt.int64 and test.data.shape == (10000, 28, 28)
    np.testing.assert_array_equal(test.data.numpy()[3], img)
    assert y == int(test.targets_numpy[3])
    t = datasets.FashionMNIST(train=False, target_transform=lambda v: v + 100)
    assert t[0][1] == int(test.targets_numpy[0]) + 100


@have_fmnist
def test_fashion_mnist_whole_dataset_pipeline_matches_per_sample():
    tf = T.Compose([T.ToTensor(), T.Normalize((0.2860,), (0.3530,))])
    fast = datasets.FashionMNIST(train=False, transform=tf)
    per_sample = [fast[i][0].numpy().copy() for i in (0, 17, 9999)]  # before the whole-dataset conversion
    batch = next(iter(DataLoader(fast, batch_size=10000)))
    x, y = batch
    assert x.shape == (10000, 1, 28, 28) and x.dtype == rt.float32 and y.dtype == rt.int64
    for k, i in enumerate((0, 17, 9999)):
        np.testing.assert_array_equal(x.numpy()[i], per_sample[k])  # bit-identical
        np.testing.assert_array_equal(fast[i][0].numpy(), per_sample[k])
    np.testing.assert_array_equal(y.numpy(), fast.targets_numpy)
    # And the same as the generic per-sample path of the DataLoader (custom collate disables the fast path).
    slow = next(iter(DataLoader(fast, batch_size=16, collate_fn=lambda b: rt.data.default_collate(b))))
    np.testing.assert_array_equal(slow[0].numpy(), x.numpy()[:16])


@have_fmnist
def test_fashion_mnist_loader_shuffled_epoch():
    ds = datasets.FashionMNIST(train=False, transform=T.ToTensor())
    rt.manual_seed(0)
    labels0 = np.concatenate([b[1].numpy() for b in DataLoader(ds, batch_size=256, shuffle=True)])
    rt.manual_seed(0)
    labels2 = np.concatenate([b[1].numpy() for b in DataLoader(ds, batch_size=256, shuffle=True, num_workers=2)])
    np.testing.assert_array_equal(labels0, labels2)
    assert np.bincount(labels0).tolist() == [1000] * 10
    assert not np.array_equal(labels0, ds.targets_numpy)


def test_fashion_mnist_missing_and_download(tmp_path):
    with pytest.raises(FileNotFoundError, match="apt-get install dataset-fashion-mnist"):
        datasets.FashionMNIST(root=tmp_path / "nope")
    with pytest.raises(FileNotFoundError, match="train-images-idx3-ubyte"):
        datasets.FashionMNIST(root=tmp_path)
    with pytest.raises(RuntimeError, match="never downloads"):
        datasets.FashionMNIST(root=tmp_path, download=True)


# ---- idx files ---------------------------------------------------------------------------------

@pytest.mark.parametrize("compress", [False, True])
def test_mnist_reader_on_custom_idx_files(tmp_path, compress):
    rng = np.random.default_rng(0)
    imgs = rng.integers(0, 256, size=(7, 5, 4), dtype=np.uint8)
    labels = np.array([0, 1, 2, 3, 4, 5, 9], dtype=np.uint8)
    ext = ".gz" if compress else ""
    write_idx(tmp_path / f"t10k-images-idx3-ubyte{ext}", imgs, compress=compress)
    write_idx(tmp_path / f"t10k-labels-idx1-ubyte{ext}", labels, compress=compress)
    ds = datasets.MNIST(tmp_path, train=False, transform=T.ToTensor())
    assert len(ds) == 7
    x, y = ds[6]
    assert x.shape == (1, 5, 4) and y == 9
    np.testing.assert_allclose(x.numpy()[0], imgs[6] / 255.0, rtol=1e-6)
    batch = next(iter(DataLoader(ds, batch_size=7)))
    np.testing.assert_allclose(batch[0].numpy()[:, 0], imgs / 255.0, rtol=1e-6)


@pytest.mark.parametrize("code,dtype", [(0x08, np.uint8), (0x09, np.int8), (0x0B, np.int16), (0x0C, np.int32),
                                        (0x0D, np.float32), (0x0E, np.float64)])
def test_read_idx_types(tmp_path, code, dtype):
    arr = (np.arange(24) - 5).astype(dtype).reshape(2, 3, 4)
    if dtype == np.uint8:
        arr = np.arange(24, dtype=np.uint8).reshape(2, 3, 4)
    out = datasets.read_idx(write_idx(tmp_path / "a.idx", arr, type_code=code))
    assert out.dtype == np.dtype(dtype) and out.dtype.isnative
    np.testing.assert_array_equal(out, arr)


def test_read_idx_rejects_truncated_and_corrupt_files(tmp_path):
    imgs = np.arange(2 * 28 * 28, dtype=np.uint8).reshape(2, 28, 28)
    good = write_idx(tmp_path / "good.idx", imgs).read_bytes()
    cases = {
        "truncated_data.idx": (good[:-100], r"truncated: dims \(2, 28, 28\) of ubyte need 1568 data bytes but only 1468"),
        "truncated_header.idx": (good[:10], "truncated: its header declares 3 dims"),
        "tiny.idx": (good[:2], "too short"),
        "empty.idx": (b"", "too short"),
        "bad_magic.idx": (b"\x12\x34" + good[2:], "not an idx file"),
        "bad_type.idx": (good[:2] + b"\x07" + good[3:], "unknown element type code"),
        "zero_dims.idx": (good[:3] + b"\x00" + good[4:], "0 dimensions"),
        "trailing.idx": (good + b"xx", "2 trailing bytes"),
        "huge_dims.idx": (good[:4] + b"\xff\xff\xff\xff" * 3 + good[16:], "truncated|implausibly large"),
    }
    for name, (raw, msg) in cases.items():
        p = tmp_path / name
        p.write_bytes(raw)
        with pytest.raises(ValueError, match=msg) as e:
            datasets.read_idx(p)
        assert name in str(e.value)
    gz = gzip.compress(good)
    (tmp_path / "cut.gz").write_bytes(gz[:len(gz) // 2])
    with pytest.raises(ValueError, match="cut.gz.*corrupt or truncated gzip"):
        datasets.read_idx(tmp_path / "cut.gz")
    bad = bytearray(gz)
    bad[len(bad) // 2] ^= 0xFF
    (tmp_path / "flip.gz").write_bytes(bytes(bad))
    with pytest.raises(ValueError, match="flip.gz"):
        datasets.read_idx(tmp_path / "flip.gz")
    (tmp_path / "inner.gz").write_bytes(gzip.compress(good[:-1]))
    with pytest.raises(ValueError, match="inner.gz.*truncated"):
        datasets.read_idx(tmp_path / "inner.gz")


def test_mnist_rejects_mismatched_files(tmp_path):
    write_idx(tmp_path / "train-images-idx3-ubyte", np.zeros((3, 2, 2), np.uint8))
    write_idx(tmp_path / "train-labels-idx1-ubyte", np.zeros(4, np.uint8))
    with pytest.raises(ValueError, match="3 images but .* 4 labels"):
        datasets.MNIST(tmp_path)
    write_idx(tmp_path / "train-labels-idx1-ubyte", np.array([0, 1, 12], np.uint8))
    with pytest.raises(ValueError, match="label 12"):
        datasets.MNIST(tmp_path)
    write_idx(tmp_path / "train-labels-idx1-ubyte", np.zeros((3, 1), np.uint8))
    with pytest.raises(ValueError, match="labels"):
        datasets.MNIST(tmp_path)
    with pytest.raises(ValueError, match="root is required"):
        datasets.MNIST()


# ---- scikit-learn tables -----------------------------------------------------------------------

def test_digits_and_iris():
    pytest.importorskip("sklearn")
    d = datasets.Digits()
    assert len(d) == 1797
    x, y = d[0]
    assert x.shape == (64,) and x.dtype == rt.float32 and y.dtype == rt.int64
    assert d.data.shape == (1797, 64) and float(d.data.numpy().max()) == 16.0
    assert sorted(set(d.targets.tolist())) == list(range(10))
    img = datasets.Digits(images=True)[5][0]
    assert img.shape == (1, 8, 8)
    iris = datasets.Iris()
    assert len(iris) == 150 and iris.classes == ["setosa", "versicolor", "virginica"]
    assert iris[0][0].shape == (4,) and len(iris.feature_names) == 4
    xb, yb = next(iter(DataLoader(iris, batch_size=150, shuffle=True)))
    assert sorted(yb.tolist()) == sorted(iris.targets.tolist())
    scaled = datasets.Iris(transform=lambda v: v * 2)
    assert scaled[0][0].tolist() == [2 * v for v in iris[0][0].tolist()]
    assert next(iter(DataLoader(scaled, batch_size=2)))[0].numpy().tolist() == \
        [[2 * v for v in iris[i][0].tolist()] for i in range(2)]


# ---- text --------------------------------------------------------------------------------------

def test_char_dataset_windows_vocab_and_loader():
    text = "hello world, hello rustorch"
    ds = datasets.CharDataset(text, seq_len=5)
    assert ds.vocab == sorted(set(text)) and ds.vocab_size == len(set(text))
    assert len(ds) == len(text) - 5
    x, y = ds[3]
    assert ds.decode(x) == text[3:8] and ds.decode(y) == text[4:9]
    assert x.dtype == rt.int64 and x.shape == (5,)
    assert ds.decode(ds.encode("howdy"[:2] + "ll")) == "holl"
    with pytest.raises(ValueError, match="not in the vocabulary"):
        ds.encode("xyz!")
    for xb, yb in DataLoader(ds, batch_size=4, shuffle=True):
        for row_x, row_y in zip(xb.numpy(), yb.numpy()):
            s = ds.decode(row_x)
            assert s in text and ds.decode(row_y)[:-1] == s[1:]
    strided = datasets.CharDataset(text, seq_len=4, stride=4)
    assert len(strided) == (len(text) - 5) // 4 + 1
    assert strided.decode(strided[1][0]) == text[4:8]
    last = strided[len(strided) - 1]
    assert len(strided.decode(last[1])) == 4
    with pytest.raises(IndexError):
        strided[len(strided)]
    short = datasets.CharDataset("ab", seq_len=5)
    assert len(short) == 0


def test_text_file_on_fortunes_and_paths(tmp_path):
    (tmp_path / "a").write_text("abc\n%\nabd\n")
    (tmp_path / "a.dat").write_bytes(b"\x00\x01binary")
    (tmp_path / "a.u8").write_text("DUPLICATE")
    ds = datasets.TextFile(tmp_path, seq_len=3)
    assert ds.text == "abc\n%\nabd\n" and ds.files == [str(tmp_path / "a")]
    with pytest.raises(FileNotFoundError):
        datasets.TextFile(tmp_path / "missing")
    if not os.path.isdir(datasets.FORTUNES_ROOT):
        pytest.skip("apt-get install fortunes")
    f = datasets.TextFile(seq_len=64)
    assert len(f.text) > 1_000_000 and not any(p.endswith((".dat", ".u8")) for p in f.files)
    assert len(f) == len(f.text) - 64
    xb, yb = next(iter(DataLoader(f, batch_size=32, shuffle=True, num_workers=2)))
    assert xb.shape == (32, 64) and yb.shape == (32, 64)
    np.testing.assert_array_equal(xb.numpy()[:, 1:], yb.numpy()[:, :-1])


def test_idx_dataset_any_file_names_and_rgb(tmp_path):
    rng = np.random.default_rng(1)
    imgs = rng.integers(0, 256, size=(6, 4, 5, 3), dtype=np.uint8)
    labels = np.array([2, 0, 1, 2, 2, 1], dtype=np.int32)
    ds = datasets.IdxDataset(write_idx(tmp_path / "my.images", imgs, compress=True),
                             write_idx(tmp_path / "my.labels", labels, type_code=0x0C),
                             transform=T.Compose([T.ToTensor(), T.Normalize([0.5] * 3, [0.25] * 3)]))
    assert len(ds) == 6 and ds.classes == ["0", "1", "2"]
    x, y = ds[4]
    assert x.shape == (3, 4, 5) and y == 2
    np.testing.assert_allclose(x.numpy(), (imgs[4].transpose(2, 0, 1) / 255.0 - 0.5) / 0.25, rtol=1e-5, atol=1e-6)
    xb, yb = next(iter(DataLoader(ds, batch_size=6)))
    np.testing.assert_array_equal(xb.numpy()[4], x.numpy())
    assert yb.tolist() == labels.tolist()
    with pytest.raises(ValueError, match="label 2"):
        datasets.IdxDataset(tmp_path / "my.images", tmp_path / "my.labels", classes=["a", "b"])
