"""Built-in datasets that work offline: Fashion-MNIST from Debian's ``dataset-fashion-mnist``
package, any MNIST-format idx files, scikit-learn's bundled Digits and Iris, and character-level
text (Debian's ``fortunes`` by default) for language models."""
import gzip
import io
import os
import threading
import zlib

import numpy as np

from .. import _C
from .dataset import Dataset, TensorDataset, _index_array
from .transforms import static_image_pipeline

_D = _C._data

__all__ = ["read_idx", "MNIST", "IdxDataset", "FashionMNIST", "Digits", "Iris", "CharDataset", "TextFile"]

FASHION_MNIST_ROOT = "/usr/share/datasets/fashion-mnist"
FORTUNES_ROOT = "/usr/share/games/fortunes"

_IDX_DTYPES = {0x08: np.dtype(np.uint8), 0x09: np.dtype(np.int8), 0x0B: np.dtype(">i2"), 0x0C: np.dtype(">i4"),
               0x0D: np.dtype(">f4"), 0x0E: np.dtype(">f8")}


def read_idx(path):
    """Reads an idx file (MNIST's format; gzip-compressed or raw) into a NumPy array.

    The header is validated (magic number, element type, dims) and the data must hold exactly
    the declared number of elements: a truncated or corrupt file raises ValueError naming the
    file. Multi-byte elements are converted from big-endian to native order; ubyte data is
    returned as a read-only view of the decompressed bytes (no copy).

    Args:
        path (str or os.PathLike): the idx file.

    Returns:
        numpy.ndarray: the data, with the dims and element type the header declares.

    Example:
        >>> import struct
        >>> os.makedirs("mnist")
        >>> images = np.arange(2 * 3 * 3, dtype=np.uint8).reshape(2, 3, 3)
        >>> with open("mnist/train-images-idx3-ubyte", "wb") as f:
        ...     _ = f.write(struct.pack(">IIII", 0x803, 2, 3, 3) + images.tobytes())
        >>> with open("mnist/train-labels-idx1-ubyte", "wb") as f:
        ...     _ = f.write(struct.pack(">II", 0x801, 2) + bytes([7, 1]))
        >>> a = rt.data.datasets.read_idx("mnist/train-images-idx3-ubyte")
        >>> a.shape, a.dtype, a[1, 0].tolist()
        ((2, 3, 3), dtype('uint8'), [9, 10, 11])
    """
    name = os.fspath(path)
    with open(name, "rb") as f:
        raw = f.read()
    if raw[:2] == b"\x1f\x8b":
        try:
            raw = _gunzip_idx(raw)
        except (EOFError, zlib.error, gzip.BadGzipFile, OSError) as e:
            raise ValueError(f"read_idx: '{name}' is a corrupt or truncated gzip file ({e})") from None
    type_code, dims, offset = _D.parse_idx(raw, name)
    dtype = _IDX_DTYPES[type_code]
    count = int(np.prod(dims, dtype=np.int64))
    try:
        arr = np.frombuffer(raw, dtype=dtype, count=count, offset=offset).reshape(dims)
    except ValueError as e:  # e.g. dims (0, 2**32-1, 2**32-1): empty, yet too big a shape for NumPy
        raise ValueError(f"read_idx: '{name}' declares dims {tuple(dims)}, which no array can have ({e})") from None
    if dtype.itemsize > 1:
        arr = arr.astype(dtype.newbyteorder("="))
    return arr


def _gunzip_idx(raw):
    """Decompresses gzipped idx bytes, but never more than the header says the file holds (plus
    one byte, so that trailing data is still reported): a small hostile file that inflates to
    gigabytes (a "zip bomb") is refused by parse_idx instead of exhausting memory."""
    with gzip.GzipFile(fileobj=io.BytesIO(raw)) as g:
        head = g.read(4)
        if len(head) == 4:
            head += g.read(4 * head[3])
        if len(head) < 4 or len(head) < 4 + 4 * head[3] or head[2] not in _IDX_DTYPES:
            return head  # parse_idx reports what is wrong with the header
        count = 1
        for i in range(head[3]):
            count *= int.from_bytes(head[4 + 4 * i: 8 + 4 * i], "big")
        want = count * _IDX_DTYPES[head[2]].itemsize + 1
        chunks, got = [head], 0
        while got < want:
            chunk = g.read(min(want - got, 1 << 24))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        return b"".join(chunks)


_cache = {}
_cache_lock = threading.Lock()


def _read_idx_cached(path):
    st = os.stat(path)
    key = (os.path.realpath(path), st.st_mtime_ns, st.st_size)
    with _cache_lock:
        arr = _cache.get(key)
    if arr is None:
        arr = read_idx(path)
        with _cache_lock:
            _cache[key] = arr
    return arr


class MNIST(Dataset):
    """MNIST-format data from idx files: ``{train,t10k}-images-idx3-ubyte[.gz]`` and
    ``{train,t10k}-labels-idx1-ubyte[.gz]`` under ``root`` (or ``root/<ClassName>/raw``, the
    torchvision layout).

    Samples are ``(image, target)``: the image is a uint8 NumPy array (H, W) passed through
    ``transform`` (e.g. ``ToTensor()``), the target an int passed through ``target_transform``.
    Attributes: ``data`` (int64 tensor N x H x W, made on first use), ``targets`` (int64 tensor),
    ``data_numpy``/``targets_numpy`` (the raw uint8 arrays, read-only), ``classes``,
    ``class_to_idx``.

    With ``transform`` = ToTensor, or Compose([ToTensor(), Normalize(...)]), the whole dataset is
    converted once (lazily, in one C++ pass) and the DataLoader gathers batches from it directly.
    Nothing is ever downloaded: ``download=True`` raises.

    Args:
        root (str or os.PathLike, optional): the directory holding the idx files; required (there is no default root).
        train (bool): read the training files (``train-*``), else the test files (``t10k-*``).
            Default: True.
        transform (callable, optional): applied to each image (a uint8 NumPy array).
        target_transform (callable, optional): applied to each target (an int).
        download (bool): must be False; nothing is ever downloaded. Default: False.

    Example:
        >>> import struct
        >>> os.makedirs("mnist")
        >>> images = np.arange(2 * 3 * 3, dtype=np.uint8).reshape(2, 3, 3)
        >>> with open("mnist/train-images-idx3-ubyte", "wb") as f:
        ...     _ = f.write(struct.pack(">IIII", 0x803, 2, 3, 3) + images.tobytes())
        >>> with open("mnist/train-labels-idx1-ubyte", "wb") as f:
        ...     _ = f.write(struct.pack(">II", 0x801, 2) + bytes([7, 1]))
        >>> ds = rt.data.datasets.MNIST("mnist", transform=rt.data.transforms.ToTensor())
        >>> x, y = ds[1]
        >>> len(ds), x.shape, y
        (2, (1, 3, 3), 1)
    """

    classes = ["0 - zero", "1 - one", "2 - two", "3 - three", "4 - four", "5 - five", "6 - six", "7 - seven",
               "8 - eight", "9 - nine"]
    default_root = None
    install_hint = "Pass root= a directory holding the idx files."
    files = {True: ("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
             False: ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")}

    def __init__(self, root=None, train=True, transform=None, target_transform=None, download=False):
        name = type(self).__name__
        if download:
            raise RuntimeError(f"{name}: download=True is not supported; rustorch never downloads data. "
                               f"{self.install_hint}")
        root = self.default_root if root is None else os.fspath(root)
        if root is None:
            raise ValueError(f"{name}: root is required. {self.install_hint}")
        self.root = root
        self.train = train
        self.transform = transform
        self.target_transform = target_transform
        self._load(*(self._find(root, base) for base in self.files[bool(train)]))

    def _load(self, images_path, labels_path):
        name = type(self).__name__
        images = _read_idx_cached(images_path)
        labels = _read_idx_cached(labels_path)
        if images.dtype != np.uint8 or images.ndim not in (3, 4):
            raise ValueError(f"{name}: '{images_path}' should hold uint8 images (N, H, W) or (N, H, W, C), "
                             f"got {images.dtype} of shape {images.shape}")
        if labels.dtype.kind not in "iu" or labels.ndim != 1:
            raise ValueError(f"{name}: '{labels_path}' should hold integer labels (N,), "
                             f"got {labels.dtype} of shape {labels.shape}")
        if len(images) != len(labels):
            raise ValueError(f"{name}: '{images_path}' has {len(images)} images but '{labels_path}' has "
                             f"{len(labels)} labels")
        if labels.size and (int(labels.min()) < 0 or int(labels.max()) >= len(self.classes)):
            raise ValueError(f"{name}: '{labels_path}' has label {int(labels.max())}, expected labels in "
                             f"[0, {len(self.classes)})")
        self.data_numpy = images
        self.targets_numpy = labels
        self.images_path, self.labels_path = images_path, labels_path
        self._targets = None
        self._data = None
        self._converted = None  # (mean, std, float tensor)
        self._gather = None

    def _find(self, root, base):
        name = type(self).__name__
        dirs = [root, os.path.join(root, name, "raw"), os.path.join(root, "raw")]
        tried = []
        for d in dirs:
            for ext in (".gz", ""):
                p = os.path.join(d, base + ext)
                tried.append(p)
                if os.path.isfile(p):
                    return p
        if not os.path.isdir(root):
            raise FileNotFoundError(f"{name}: dataset directory '{root}' does not exist. {self.install_hint}")
        raise FileNotFoundError(f"{name}: '{base}[.gz]' not found under '{root}' (tried {', '.join(tried)}). "
                                f"{self.install_hint}")

    @property
    def targets(self):
        """The labels as an int64 tensor of shape (N,)."""
        if self._targets is None:
            self._targets = _C.tensor(self.targets_numpy)  # int64
        return self._targets

    @property
    def data(self):
        """The images as an int64 tensor of shape (N, 28, 28) with values 0..255 (rustorch has no uint8)."""
        if self._data is None:
            self._data = _C.tensor(self.data_numpy)  # int64 (rustorch has no uint8 dtype)
        return self._data

    @property
    def class_to_idx(self):
        """A dict from class name to label index."""
        return {c: i for i, c in enumerate(self.classes)}

    def __len__(self):
        return len(self.data_numpy)

    def _static(self):
        """The converted float images when the transform is a recognised ToTensor[+Normalize]."""
        params = static_image_pipeline(self.transform)
        if params is None:
            return None
        c = self._converted
        if c is None or c[0] != params:
            x = _D.u8_images_to_float(self.data_numpy, True, params[0], params[1], _C.float32)
            c = self._converted = (params, x)
        return c[1]

    def __getitem__(self, index):
        if _index_array(index, len(self)) is not None:
            raise TypeError(f"{type(self).__name__} indices must be integers, got {type(index).__name__}")
        index = int(index)
        target = int(self.targets_numpy[index])
        converted = self._converted
        if converted is not None and converted[0] == static_image_pipeline(self.transform):
            img = _D.select_row(converted[1], index)
        else:
            img = self.data_numpy[index]
            if self.transform is not None:
                img = self.transform(img)
        if self.target_transform is not None:
            target = self.target_transform(target)
        return img, target

    def _rt_gatherer(self):
        if self.target_transform is not None:
            return None
        x = self._static()
        if x is None:
            return None
        g = self._gather
        if g is None or g[0] is not x:
            g = self._gather = (x, _D.RowGather([x, self.targets]))
        return g[1]

    def extra_repr(self):
        """The split (Train or Test), shown in the dataset's repr."""
        return f"Split: {'Train' if self.train else 'Test'}"

    def __repr__(self):
        lines = [f"Dataset {type(self).__name__}", f"    Number of datapoints: {len(self)}",
                 f"    Root location: {self.root}", f"    {self.extra_repr()}"]
        if self.transform is not None:
            lines.append(f"    Transform: {self.transform!r}")
        return "\n".join(lines)


class IdxDataset(MNIST):
    """Images and labels from any pair of idx files (gzip-compressed or raw), with MNIST's
    samples, attributes and fast paths. ``classes`` defaults to the label values as strings.

    Args:
        images (str or os.PathLike): the idx file of the images.
        labels (str or os.PathLike): the idx file of the labels.
        transform (callable, optional): applied to each image (a uint8 NumPy array).
        target_transform (callable, optional): applied to each target (an int).
        classes (list of str, optional): the class names; default the label values as strings.

    Example:
        >>> import struct
        >>> os.makedirs("mnist")
        >>> images = np.arange(2 * 3 * 3, dtype=np.uint8).reshape(2, 3, 3)
        >>> with open("mnist/train-images-idx3-ubyte", "wb") as f:
        ...     _ = f.write(struct.pack(">IIII", 0x803, 2, 3, 3) + images.tobytes())
        >>> with open("mnist/train-labels-idx1-ubyte", "wb") as f:
        ...     _ = f.write(struct.pack(">II", 0x801, 2) + bytes([7, 1]))
        >>> ds = rt.data.datasets.IdxDataset("mnist/train-images-idx3-ubyte", "mnist/train-labels-idx1-ubyte")
        >>> len(ds), ds[0][0].shape, ds[0][1], len(ds.classes)
        (2, (3, 3), 7, 8)
    """

    def __init__(self, images, labels, transform=None, target_transform=None, classes=None):
        self.root = os.path.dirname(os.fspath(images))
        self.train = None
        self.transform = transform
        self.target_transform = target_transform
        if classes is None:
            lab = _read_idx_cached(os.fspath(labels))
            classes = [str(i) for i in range(int(lab.max()) + 1 if lab.size and lab.dtype.kind in "iu" else 0)]
        self.classes = list(classes)
        self._load(os.fspath(images), os.fspath(labels))

    def extra_repr(self):
        """The image and label file paths, shown in the dataset's repr."""
        return f"Files: {self.images_path}, {self.labels_path}"


class FashionMNIST(MNIST):
    """Zalando's Fashion-MNIST (60,000 train + 10,000 test 28x28 grayscale images, 10 classes),
    read from Debian's ``dataset-fashion-mnist`` package by default. See :class:`MNIST`.

    Args:
        root (str or os.PathLike, optional): the directory holding the idx files; by default
            Debian's ``dataset-fashion-mnist`` directory.
        train (bool): read the training files (``train-*``), else the test files (``t10k-*``).
            Default: True.
        transform (callable, optional): applied to each image (a uint8 NumPy array).
        target_transform (callable, optional): applied to each target (an int).
        download (bool): must be False; nothing is ever downloaded. Default: False.

    Example:
        >>> import struct
        >>> os.makedirs("mnist")
        >>> images = np.arange(2 * 3 * 3, dtype=np.uint8).reshape(2, 3, 3)
        >>> with open("mnist/train-images-idx3-ubyte", "wb") as f:
        ...     _ = f.write(struct.pack(">IIII", 0x803, 2, 3, 3) + images.tobytes())
        >>> with open("mnist/train-labels-idx1-ubyte", "wb") as f:
        ...     _ = f.write(struct.pack(">II", 0x801, 2) + bytes([7, 1]))
        >>> ds = rt.data.datasets.FashionMNIST(root="mnist")
        >>> len(ds), ds.classes[ds[0][1]]
        (2, 'Sneaker')
    """

    classes = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
               "Ankle boot"]
    default_root = FASHION_MNIST_ROOT
    install_hint = ("Install it with `apt-get install dataset-fashion-mnist` (files go to "
                    f"{FASHION_MNIST_ROOT}), or pass root= a directory holding "
                    "train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and "
                    "t10k-labels-idx1-ubyte.gz.")


# ---- scikit-learn's bundled tables ------------------------------------------------------------

def _sklearn(loader_name):
    try:
        import sklearn.datasets as skd  # noqa: PLC0415
    except ImportError:
        raise ImportError("this dataset comes bundled with scikit-learn: install it with `pip install scikit-learn`") \
            from None
    return getattr(skd, loader_name)()


class _TableDataset(TensorDataset):
    def __init__(self, features, targets, transform, target_transform):
        super().__init__(features, targets)
        self.transform = transform
        self.target_transform = target_transform

    @property
    def data(self):
        return self.tensors[0]

    @property
    def targets(self):
        return self.tensors[1]

    def __getitem__(self, index):
        x, y = super().__getitem__(index)
        if self.transform is not None:
            x = self.transform(x)
        if self.target_transform is not None:
            y = self.target_transform(y)
        return x, y

    def _rt_gatherer(self):
        if self.transform is not None or self.target_transform is not None:
            return None
        return self._row_gather()


class Digits(_TableDataset):
    """scikit-learn's handwritten digits: 1,797 8x8 images with pixel values 0-16, 10 classes.

    Samples are ``(x, y)``: ``x`` a float32 tensor of 64 features (or ``(1, 8, 8)`` with
    ``images=True``), ``y`` an int64 0-d tensor.

    Args:
        transform (callable, optional): applied to each ``x``.
        target_transform (callable, optional): applied to each ``y``.
        images (bool): give ``x`` the shape ``(1, 8, 8)`` instead of ``(64,)``. Default: False.

    Example:
        >>> ds = rt.data.datasets.Digits(images=True)
        >>> x, y = ds[0]
        >>> len(ds), x.shape, y.item(), ds.classes[:3]
        (1797, (1, 8, 8), 0, ['0', '1', '2'])
    """

    def __init__(self, transform=None, target_transform=None, images=False):
        bunch = _sklearn("load_digits")
        x = np.asarray(bunch.data, dtype=np.float32)
        if images:
            x = x.reshape(-1, 1, 8, 8)
        super().__init__(x, np.asarray(bunch.target, dtype=np.int64), transform, target_transform)
        self.classes = [str(int(c)) for c in bunch.target_names]


class Iris(_TableDataset):
    """Fisher's iris: 150 samples of 4 float32 features, 3 classes (``classes``, ``feature_names``).

    Args:
        transform (callable, optional): applied to each ``x``.
        target_transform (callable, optional): applied to each ``y``.

    Example:
        >>> ds = rt.data.datasets.Iris()
        >>> x, y = ds[0]
        >>> len(ds), x.shape, x.dtype, ds.classes[y.item()]
        (150, (4,), rustorch.float32, 'setosa')
        >>> ds.feature_names[0]
        'sepal length (cm)'
    """

    def __init__(self, transform=None, target_transform=None):
        bunch = _sklearn("load_iris")
        super().__init__(np.asarray(bunch.data, dtype=np.float32), np.asarray(bunch.target, dtype=np.int64),
                         transform, target_transform)
        self.classes = [str(c) for c in bunch.target_names]
        self.feature_names = [str(f) for f in bunch.feature_names]


# ---- characters -------------------------------------------------------------------------------

class CharDataset(Dataset):
    """Character-level language-model samples from a text: sample i is ``(x, y)``, two int64
    tensors of ``seq_len`` character ids, ``x = ids[s : s + seq_len]`` and ``y`` the same window
    shifted by one, with ``s = i * stride``.

    ``vocab`` (default: the sorted distinct characters of the text) fixes the ids; ``encode(str)``
    and ``decode(ids)`` convert both ways. The DataLoader gathers whole batches in one C++ call.

    Args:
        text (str): the text.
        seq_len (int): the length of each window. Default: 64.
        vocab (str or sequence of str, optional): the characters, in id order.
        stride (int): the offset between consecutive windows. Default: 1.

    Example:
        >>> ds = rt.data.datasets.CharDataset("hello", seq_len=3)
        >>> len(ds), ds.vocab
        (2, ['e', 'h', 'l', 'o'])
        >>> x, y = ds[1]
        >>> ds.decode(x), ds.decode(y)
        ('ell', 'llo')
    """

    def __init__(self, text, seq_len=64, vocab=None, stride=1):
        if not isinstance(text, str):
            raise TypeError(f"CharDataset: text must be a str, got {type(text).__name__}")
        if not isinstance(seq_len, int) or seq_len < 1:
            raise ValueError(f"CharDataset: seq_len must be a positive int, got {seq_len!r}")
        if not isinstance(stride, int) or stride < 1:
            raise ValueError(f"CharDataset: stride must be a positive int, got {stride!r}")
        self.text = text
        self.seq_len = seq_len
        self.stride = stride
        chars = sorted(set(text)) if vocab is None else list(vocab)
        if len(set(chars)) != len(chars):
            raise ValueError("CharDataset: vocab has repeated characters")
        if any(len(c) != 1 for c in chars):
            raise ValueError("CharDataset: vocab entries must be single characters")
        self.vocab = chars
        self.itos = list(chars)
        self.stoi = {c: i for i, c in enumerate(chars)}
        self._codes = np.array([ord(c) for c in chars], dtype=np.uint32)
        self._order = np.argsort(self._codes, kind="stable")
        self.ids = self.encode(text)
        self._gather = _D.WindowGather(self.ids, seq_len, stride)

    @property
    def vocab_size(self):
        """The number of distinct characters (the size of ``vocab``)."""
        return len(self.vocab)

    def encode(self, s):
        """The int64 tensor of character ids of ``s`` (ValueError for a character not in the
        vocabulary)."""
        cps = np.frombuffer(s.encode("utf-32-le"), dtype=np.uint32)
        sorted_codes = self._codes[self._order]
        pos = np.searchsorted(sorted_codes, cps)
        pos_c = np.minimum(pos, max(len(sorted_codes) - 1, 0))
        ok = (pos < len(sorted_codes)) & (sorted_codes[pos_c] == cps) if len(sorted_codes) else np.zeros(len(cps), bool)
        if not ok.all():
            bad = chr(int(cps[np.argmin(ok)]))
            raise ValueError(f"CharDataset.encode: character {bad!r} is not in the vocabulary")
        return _C.from_numpy(self._order[pos_c].astype(np.int64))

    def decode(self, ids):
        """The string for a sequence of character ids (tensor, array or list)."""
        if isinstance(ids, _C.Tensor):
            ids = ids.detach().numpy()
        ids = np.asarray(ids, dtype=np.int64).reshape(-1)
        if ids.size and (ids.min() < 0 or ids.max() >= len(self.itos)):
            raise ValueError(f"CharDataset.decode: ids must be in [0, {len(self.itos)})")
        return "".join(self.itos[i] for i in ids.tolist())

    def __len__(self):
        return len(self._gather)

    def __getitem__(self, index):
        idx = _index_array(index, len(self))
        if idx is None:
            x, y = self._gather(np.array([int(index)], dtype=np.int64), False)
            return _D.select_row(x, 0), _D.select_row(y, 0)
        return tuple(self._gather(idx))

    def _rt_gatherer(self):
        if type(self).__getitem__ is not CharDataset.__getitem__:
            return None
        return self._gather


def _text_files(paths):
    if paths is None:
        if not os.path.isdir(FORTUNES_ROOT):
            raise FileNotFoundError(f"TextFile: '{FORTUNES_ROOT}' does not exist. Install Debian's fortunes with "
                                    "`apt-get install --no-install-recommends fortunes`, or pass paths=")
        paths = [FORTUNES_ROOT]
    elif isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files = []
    for p in paths:
        p = os.fspath(p)
        if os.path.isdir(p):
            for name in sorted(os.listdir(p)):
                full = os.path.join(p, name)
                if name.endswith((".dat", ".u8")) or name.startswith(".") or not os.path.isfile(full):
                    continue
                files.append(full)
        elif os.path.isfile(p):
            files.append(p)
        else:
            raise FileNotFoundError(f"TextFile: '{p}' does not exist")
    if not files:
        raise ValueError(f"TextFile: no text files found in {paths}")
    return files


class TextFile(CharDataset):
    """A :class:`CharDataset` over text files: ``paths`` is a file, a directory (its files, sorted;
    ``.dat`` and ``.u8`` skipped — the fortune index files and duplicates) or a list of them;
    default Debian's fortunes in /usr/share/games/fortunes. Files are read as UTF-8 (invalid
    bytes replaced) and concatenated; ``max_chars`` truncates the text.

    Args:
        paths (str, os.PathLike or list, optional): a file, a directory, or a list of them; default
            the fortunes directory.
        seq_len (int): the length of each window. Default: 64.
        vocab (str or sequence of str, optional): the characters, in id order.
        stride (int): the offset between consecutive windows. Default: 1.
        max_chars (int, optional): keep only the first ``max_chars`` characters.
        encoding (str): the files' encoding. Default: ``'utf-8'``.

    Example:
        >>> with open("a.txt", "w") as f:
        ...     _ = f.write("abcabc")
        >>> ds = rt.data.datasets.TextFile("a.txt", seq_len=4, stride=2)
        >>> len(ds), ds.decode(ds[0][0])
        (1, 'abca')
    """

    def __init__(self, paths=None, seq_len=64, vocab=None, stride=1, max_chars=None, encoding="utf-8"):
        self.files = _text_files(paths)
        parts = []
        for f in self.files:
            with open(f, encoding=encoding, errors="replace") as fh:
                parts.append(fh.read())
        text = "".join(parts)
        if max_chars is not None:
            text = text[:max_chars]
        super().__init__(text, seq_len=seq_len, vocab=vocab, stride=stride)
