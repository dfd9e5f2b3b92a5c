"""The benchmark rows: each row is declared once, here.

A row names an operation, its sizes, and how to run it. ``run(xp, *args)`` is written once against
the API the three libraries share (``xp`` is ``rustorch``, ``torch`` or ``numpy``; the arguments
are that library's tensors); ``impl`` overrides it for a library whose spelling differs, or marks
the library as lacking the op (``None``). Inputs are made once per size as float32 NumPy arrays
(seeded) and converted to each library before timing, so every library sees identical data.

Adding a row is one call to ``row(...)``; see benchmarks/README.md.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable, Optional

import numpy as np

LIBS = ("rustorch", "torch", "numpy")
SECTIONS = {  # table order and titles in REPORT.md
    "creation": "Tensor creation",
    "elementwise": "Element-wise",
    "vector": "Vector add (the RusTorch 0.6 report's \"SIMD\" rows)",
    "matmul": "Matrix multiplication",
    "layout": "Transpose and layout",
    "reduction": "Reductions and softmax",
    "indexing": "Indexing",
    "interop": "NumPy interop",
    "autograd": "Autograd",
    "optim": "Optimizer step",
    "data": "Data loading",
    "nn": "Neural-network functional kernels (forward + backward)",
    "training": "Training (one full step; one epoch through fit vs a plain loop)",
    "io": "Save and load (safetensors)",
    "linalg": "Linear algebra (the RusTorch 0.6 report's SVD rows, plus QR and eigh)",
    "distributions": "Distributions: sampling and log_prob (the RusTorch 0.6 report's rows)",
    "recurrent": "Recurrent and attention layers (forward + backward)",
}


@dataclass(frozen=True)
class Row:
    section: str                      # a key of SECTIONS
    op: str                           # what is measured, as shown in the report
    sizes: tuple                      # shapes measured by the full suite
    run: Callable                     # run(xp, *args) -> result
    inputs: Callable = None           # inputs(shape, rng) -> tuple of args (NumPy arrays are converted)
    impl: dict = field(default_factory=dict)  # {"numpy": fn | None, ...}: per-library override
    quick_sizes: Optional[tuple] = None       # shapes for quick mode (default: the smallest)
    flops: Optional[Callable] = None  # flops(shape): floating-point ops per call -> GFLOP/s
    bytes: Optional[Callable] = None  # bytes(shape): memory traffic per call -> GB/s
    requires: tuple = ()              # rustorch names the row needs ("randn", "Tensor.softmax")
    check: object = "values"          # "values": allclose to NumPy's result; "shape"; None; or a
    #                                   callable check(result as NumPy arrays, *inputs) that asserts
    rtol: float = 1e-4
    atol: float = 1e-5
    convert: bool = True              # False: pass the NumPy arrays unconverted (interop rows)
    grad: bool = False                # float inputs require grad (autograd rows)
    note: str = ""

    def fn(self, lib):
        """The callable for a library, or None where the library lacks the op."""
        return self.impl[lib] if lib in self.impl else self.run

    def sizes_for(self, quick):
        if not quick:
            return self.sizes
        if self.quick_sizes is not None:
            return self.quick_sizes
        return (min(self.sizes, key=lambda s: math.prod(s)),)

    def row_id(self, shape):
        return f"{self.section}/{self.op}/{size_str(shape)}"


ROWS: list[Row] = []


def row(section, op, sizes, run, **kw):
    """Declares a row (see Row for the fields)."""
    assert section in SECTIONS, section
    r = Row(section, op, tuple(tuple(s) for s in sizes), run, **kw)
    assert all(r.row_id(s) != x.row_id(t) for x in ROWS for s in r.sizes for t in x.sizes), \
        f"duplicate benchmark row {op}"
    ROWS.append(r)
    return r


def size_str(shape):
    return "x".join(f"{d:,}" for d in shape) if shape else "scalar"


# ---- inputs -----------------------------------------------------------------------------------
F32 = 4


def rand1(shape, rng):
    return (rng.standard_normal(shape, dtype=np.float32),)


def rand2(shape, rng):
    return rng.standard_normal(shape, dtype=np.float32), rng.standard_normal(shape, dtype=np.float32)


def shape_only(shape, rng):
    return (shape,)


def n_elems(shape):
    return math.prod(shape)


# ---- creation ---------------------------------------------------------------------------------
row("creation", "zeros", [(1000,), (1000, 1000)],
    run=lambda xp, shape: xp.zeros(shape, dtype=xp.float32),
    impl={"numpy": lambda xp, shape: np.full(shape, 0, dtype=np.float32)},
    inputs=shape_only, requires=("zeros",), check="values",
    bytes=lambda s: F32 * n_elems(s),
    note="every library writes the memory: NumPy is timed with np.full(shape, 0) because "
         "np.zeros returns calloc'd pages that are zeroed lazily, on first touch")
row("creation", "randn", [(1000,), (1000, 1000)],
    run=lambda xp, shape: xp.randn(shape),
    impl={"numpy": lambda xp, shape, _g=np.random.default_rng(0): _g.standard_normal(shape, dtype=np.float32)},
    inputs=shape_only, requires=("randn",), check="shape",
    note="each library's own generator (different streams): normal float32 samples")

# ---- element-wise -----------------------------------------------------------------------------
BIG = (4096, 4096)  # 64 MiB per operand: twice the 32 MiB L3, so the row measures memory bandwidth

row("elementwise", "add", [(100, 100), (1000, 1000), BIG], run=lambda xp, a, b: a + b, inputs=rand2,
    bytes=lambda s: 3 * F32 * n_elems(s),
    note="new output each call; 1,000x1,000 fits in the 32 MiB L3, 4,096x4,096 does not")
row("elementwise", "mul", [(100, 100), (1000, 1000), BIG], run=lambda xp, a, b: a * b, inputs=rand2,
    bytes=lambda s: 3 * F32 * n_elems(s))
row("elementwise", "exp", [(100, 100), (1000, 1000), BIG], run=lambda xp, a: xp.exp(a), inputs=rand1,
    bytes=lambda s: 2 * F32 * n_elems(s), requires=("exp",))
row("elementwise", "broadcast add (n,n)+(n,)", [(100, 100), (1000, 1000)],
    run=lambda xp, a, b: a + b,
    inputs=lambda s, rng: (rng.standard_normal(s, dtype=np.float32),
                           rng.standard_normal(s[-1:], dtype=np.float32)),
    bytes=lambda s: F32 * (2 * n_elems(s) + s[-1]))
row("elementwise", "in-place add_", [(100, 100), (1000, 1000), BIG],
    run=lambda xp, a, b: a.add_(b),
    impl={"numpy": lambda xp, a, b: np.add(a, b, out=a)},
    inputs=rand2, bytes=lambda s: 3 * F32 * n_elems(s), requires=("Tensor.add_",), check=None,
    note="no allocation: measures the kernel and the call")

# ---- vector add (RusTorch 0.6's "SIMD" rows) --------------------------------------------------
row("vector", "add", [(128,), (1024,), (4096,)], run=lambda xp, a, b: a + b, inputs=rand2,
    quick_sizes=((128,), (4096,)), bytes=lambda s: 3 * F32 * n_elems(s))

# ---- matmul -----------------------------------------------------------------------------------
row("matmul", "matmul", [(100, 100), (256, 256), (1024, 1024)], run=lambda xp, a, b: a @ b,
    inputs=rand2, flops=lambda s: 2.0 * s[0] * s[1] * s[1], requires=("matmul",),
    rtol=1e-3, atol=1e-3, quick_sizes=((100, 100),),
    note="float32 square matrices; NumPy and rustorch call OpenBLAS sgemm, torch its own BLAS (MKL)")

# ---- layout -----------------------------------------------------------------------------------
row("layout", "transpose (view)", [(100, 100)], run=lambda xp, a: a.T, inputs=rand1,
    requires=("Tensor.T",), note="a view: no data moves in any library")
row("layout", "transpose + contiguous", [(100, 100), (1000, 1000)],
    run=lambda xp, a: a.T.contiguous(),
    impl={"numpy": lambda xp, a: np.ascontiguousarray(a.T)},
    inputs=rand1, requires=("Tensor.T",), bytes=lambda s: 2 * F32 * n_elems(s))

# ---- reductions -------------------------------------------------------------------------------
row("reduction", "sum (all)", [(1000, 1000)], run=lambda xp, a: a.sum(), inputs=rand1,
    rtol=1e-3, atol=1e-2, bytes=lambda s: F32 * n_elems(s), quick_sizes=((100, 100),))
row("reduction", "sum (dim=1)", [(1000, 1000)], run=lambda xp, a: a.sum(1), inputs=rand1,
    rtol=1e-3, atol=1e-3, bytes=lambda s: F32 * n_elems(s), quick_sizes=((100, 100),))
row("reduction", "softmax (dim=1)", [(1000, 1000)], run=lambda xp, a: xp.softmax(a, dim=1),
    impl={"numpy": lambda xp, a: _np_softmax(a)}, inputs=rand1, requires=("softmax",),
    bytes=lambda s: 2 * F32 * n_elems(s), quick_sizes=((100, 100),),
    note="NumPy has no softmax: composed as exp(a - max) / sum (4 passes)")


def _np_softmax(a):
    e = np.exp(a - a.max(axis=1, keepdims=True))
    e /= e.sum(axis=1, keepdims=True)
    return e


# ---- indexing ---------------------------------------------------------------------------------
row("indexing", "slice a[::2, 100:900] (view)", [(1000, 1000)], run=lambda xp, a: a[::2, 100:900],
    inputs=rand1, requires=("Tensor.__getitem__",), quick_sizes=((1000, 1000),),
    note="basic indexing makes a view in every library")
row("indexing", "boolean mask a[a > 0]", [(100, 100), (1000, 1000)],
    run=lambda xp, a, m: a[m],
    inputs=lambda s, rng: (lambda a: (a, a > 0))(rng.standard_normal(s, dtype=np.float32)),
    requires=("Tensor.__getitem__",), note="mask precomputed; about half the elements selected")
row("indexing", "index_select(a, 0, idx)", [(1000, 1000)],
    run=lambda xp, a, i: xp.index_select(a, 0, i),
    impl={"numpy": lambda xp, a, i: np.take(a, i, axis=0)},
    inputs=lambda s, rng: (rng.standard_normal(s, dtype=np.float32),
                           rng.integers(0, s[0], size=s[0] // 2, dtype=np.int64)),
    requires=("index_select",), quick_sizes=((100, 100),),
    note="n/2 random rows; NumPy: np.take(axis=0)")
row("indexing", "gather(a, 1, idx)", [(1000, 1000)],
    run=lambda xp, a, i: xp.gather(a, 1, i),
    impl={"numpy": lambda xp, a, i: np.take_along_axis(a, i, axis=1)},
    inputs=lambda s, rng: (rng.standard_normal(s, dtype=np.float32),
                           rng.integers(0, s[1], size=(s[0], s[1] // 4), dtype=np.int64)),
    requires=("gather",), quick_sizes=((100, 100),),
    note="n/4 random columns per row; NumPy: np.take_along_axis")

# ---- interop ----------------------------------------------------------------------------------
row("interop", "from_numpy(a).numpy() round trip", [(100, 100), (1000, 1000)],
    run=lambda xp, a: xp.from_numpy(a).numpy(),
    impl={"numpy": None}, inputs=rand1, convert=False, requires=("from_numpy", "Tensor.numpy"),
    check=None, quick_sizes=((100, 100),),
    note="zero-copy both ways in rustorch and torch: measures per-call overhead (NumPy: nothing to do)")

# ---- autograd ---------------------------------------------------------------------------------
row("autograd", "(a * b).sum().backward()", [(10, 10), (100, 100)],
    run=lambda xp, a, b: (a * b).sum().backward(), impl={"numpy": None},
    inputs=rand2, grad=True, check=None, requires=("Tensor.backward",),
    note="forward + backward of a two-op graph; gradients accumulate into a.grad and b.grad")

row("autograd", "create requires-grad tensor", [(1000,)],
    run=lambda xp, shape: xp.zeros(shape, requires_grad=True), impl={"numpy": None},
    inputs=shape_only, check=None, requires=("zeros",),
    note="the RusTorch 0.6 'Variable creation' row: a zero-filled leaf that requires grad")


def _complex_graph(xp, a, b):
    """A 24-op expression graph, then backward (the RusTorch 0.6 'complex backward' row)."""
    c = a * b + a
    c = c.tanh() * 2.0 - b
    c = c.sigmoid() @ b
    c = (c * 0.01).exp() + a.relu()
    c = c / (b * b + 1.0)
    c = c.softmax(dim=1) * a - c.log_softmax(dim=0)
    c = c.transpose(0, 1) @ a + c.sum(dim=1, keepdim=True)
    c = (c.abs() + 1.0).sqrt() * c.clamp(-1.0, 1.0)
    c.sum().backward()


row("autograd", "complex graph (24 ops) + backward", [(50, 50)], run=_complex_graph, impl={"numpy": None},
    inputs=rand2, grad=True, check=None, requires=("Tensor.backward", "Tensor.softmax"),
    note="forward and backward of 24 ops incl. 2 matmuls, softmax, log_softmax, reductions")
row("autograd", "(a @ b).sum().backward()", [(100, 100)],
    run=lambda xp, a, b: (a @ b).sum().backward(), impl={"numpy": None},
    inputs=rand2, grad=True, check=None, requires=("Tensor.backward", "matmul"),
    note="the RusTorch 0.6 'MatMul gradient' row")


def _long_chain(xp, a):
    c = a
    for _ in range(50):
        c = c * 1.001 + 0.001
    c.sum().backward()


row("autograd", "100-op chain of small ops + backward", [(10, 10)], run=_long_chain, impl={"numpy": None},
    inputs=rand1, grad=True, check=None, requires=("Tensor.backward",),
    note="50 x (mul, add) on a 10x10 tensor: per-node overhead of forward recording and backward")

# ---- optimizer step -----------------------------------------------------------------------------
_optimizers = {}


def _optimizer_step(kind):
    """One step over n_tensors x size float32 parameters with fixed gradients; torch uses foreach."""
    def run(xp, shape):
        key = (xp.__name__, kind, shape)
        if key not in _optimizers:
            n, size = shape
            rng = np.random.default_rng(0)
            params = []
            for _ in range(n):
                p = xp.tensor(rng.standard_normal(size, dtype=np.float32), requires_grad=True)
                p.grad = xp.tensor(rng.standard_normal(size, dtype=np.float32))
                params.append(p)
            extra = {"foreach": True} if xp.__name__ == "torch" else {}
            if kind == "adam":
                opt = xp.optim.Adam(params, lr=1e-3, **extra)
            else:
                opt = xp.optim.SGD(params, lr=1e-3, momentum=0.9, **extra)
            _optimizers[key] = opt
        _optimizers[key].step()
    return run


for _kind, _name in (("adam", "Adam"), ("sgd", "SGD momentum=0.9")):
    row("optim", f"{_name} step, 1M params", [(10, 100_000), (100, 10_000)], run=_optimizer_step(_kind),
        impl={"numpy": None}, inputs=shape_only, check=None, requires=("optim.Adam", "optim.SGD"),
        quick_sizes=((10, 100_000),),
        note="sizes are (tensors, elements per tensor); torch runs its foreach implementation")

# ---- data loading -------------------------------------------------------------------------------
_FASHION = "/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"
_fashion = {}


def _fashion_arrays():
    if not _fashion:
        import gzip
        with gzip.open(_FASHION) as f:
            images = np.frombuffer(f.read(), dtype=np.uint8, offset=16).reshape(-1, 1, 28, 28)
        with gzip.open(_FASHION.replace("images-idx3", "labels-idx1")) as f:
            labels = np.frombuffer(f.read(), dtype=np.uint8, offset=8).astype(np.int64)
        _fashion["x"] = ((images.astype(np.float32) / 255.0) - 0.2860) / 0.3530
        _fashion["y"] = labels
    return _fashion["x"], _fashion["y"]


_loaders = {}


def _epoch(xp, shape):
    """One shuffled epoch over Fashion-MNIST's 60,000 training images as in-memory tensors."""
    batch, workers = shape
    key = (xp.__name__, shape)
    if key not in _loaders:
        x, y = _fashion_arrays()
        data = xp.utils.data
        ds = data.TensorDataset(xp.tensor(x), xp.tensor(y))
        _loaders[key] = data.DataLoader(ds, batch_size=batch, shuffle=True, num_workers=workers,
                                        persistent_workers=workers > 0)
    n = 0
    for xb, yb in _loaders[key]:
        n += xb.shape[0]
    assert n == 60000


row("data", "Fashion-MNIST epoch (60,000 samples), shuffle", [(64, 0), (256, 0), (64, 2), (256, 2)],
    run=_epoch, impl={"numpy": None}, inputs=shape_only, check=None, requires=("utils.data.DataLoader",),
    quick_sizes=((256, 0),),
    note="sizes are (batch size, num_workers); samples/s = 60,000 / time. torch's workers are "
         "processes (persistent), rustorch's are threads")
# ---- nn functional kernels --------------------------------------------------------------------
def _conv_inputs(shape, rng, cout=16):
    n, c, h, w = shape
    return (rng.standard_normal(shape, dtype=np.float32), 0.3 * rng.standard_normal((cout, c, 3, 3), dtype=np.float32),
            rng.standard_normal((cout,), dtype=np.float32), rng.standard_normal((n, cout, h, w), dtype=np.float32))


row("nn", "conv2d -> 16 ch, 3x3, padding 1: forward + backward", [(32, 3, 32, 32)],
    run=lambda xp, x, w, b, g: xp.conv2d(x, w, b, padding=1).backward(g),
    impl={"numpy": None}, inputs=_conv_inputs, grad=True, check=None, requires=("conv2d",),
    quick_sizes=((2, 3, 8, 8),),
    flops=lambda s: 3 * 2.0 * s[0] * 16 * s[1] * 9 * s[2] * s[3],
    note="gradients of input, weight and bias (they accumulate across calls in both libraries)")


def _lenet_inputs(shape, rng):
    n = shape[0]
    w = lambda *s: (0.3 * rng.standard_normal(s, dtype=np.float32))  # noqa: E731
    return (rng.standard_normal(shape, dtype=np.float32), w(6, 1, 5, 5), w(6), w(16, 6, 5, 5), w(16),
            w(120, 16, 5, 5), w(120), w(84, 120, 1, 1), w(84), w(10, 84, 1, 1), w(10),
            (np.arange(n) % 10).astype(np.int64))


def _lenet(xp, ce, x, w1, b1, w2, b2, w3, b3, w4, b4, w5, b5, t):
    y = xp.max_pool2d(xp.relu(xp.conv2d(x, w1, b1, padding=2)), 2)  # 6x14x14
    y = xp.max_pool2d(xp.relu(xp.conv2d(y, w2, b2)), 2)              # 16x5x5
    y = xp.relu(xp.conv2d(y, w3, b3))                                # dense 400 -> 120 as a 5x5 conv
    y = xp.relu(xp.conv2d(y, w4, b4))                                # dense 120 -> 84 (1x1 conv)
    y = xp.conv2d(y, w5, b5)                                         # dense 84 -> 10
    ce(y.reshape(y.shape[0], 10), t).backward()


def _torch_ce(*args):
    import torch.nn.functional as F
    return F.cross_entropy(*args)


row("nn", "LeNet-5 of functional kernels: forward + backward", [(32, 1, 28, 28)],
    run=lambda xp, *a: _lenet(xp, xp.cross_entropy, *a),
    impl={"numpy": None, "torch": lambda xp, *a: _lenet(xp, _torch_ce, *a)},
    inputs=_lenet_inputs, grad=True, check=None, requires=("conv2d", "max_pool2d", "relu", "cross_entropy"),
    quick_sizes=((4, 1, 28, 28),),
    note="conv 5x5 -> relu -> max_pool x2, then 5x5 and 1x1 convs as the dense layers, cross_entropy; "
         "every input (incl. the images) requires grad")


# ---- layer construction (the RusTorch 0.6 report's nn rows) -------------------------------------
_LAYERS = {
    "Conv1d(16, 32, 3)": lambda nn: nn.Conv1d(16, 32, 3),
    "Conv2d(16, 32, 3)": lambda nn: nn.Conv2d(16, 32, 3),
    "Conv3d(16, 32, 3)": lambda nn: nn.Conv3d(16, 32, 3),
    "ConvTranspose2d(16, 32, 3)": lambda nn: nn.ConvTranspose2d(16, 32, 3),
    "AdaptiveAvgPool2d((7, 7))": lambda nn: nn.AdaptiveAvgPool2d((7, 7)),
}
for _name, _make in _LAYERS.items():
    row("nn", f"construct {_name}", [()], run=(lambda make: lambda xp: make(xp.nn))(_make),
        impl={"numpy": None}, check=None, requires=("nn.Conv2d",),
        note="layer construction incl. parameter allocation and default (kaiming-uniform) init")


# ---- training (issue 8: the Keras-style API) -----------------------------------------------------
# One full training step (forward, cross-entropy, backward, Adam step) of the Fashion-MNIST MLP
# and of a LeNet-size CNN, and one epoch end to end: rustorch through Model.fit (data loading,
# batching, shuffling, metrics bookkeeping and callbacks included; verbose=0) and through a bare
# loop, torch through its plain loop, on the same Fashion-MNIST subset. fit's overhead is the
# ratio of the two rustorch epoch rows.
_train = {}
_EPOCH_SAMPLES = 6400


def _mlp(xp):
    nn = xp.nn
    return nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))


def _cnn(xp):
    nn = xp.nn
    return nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(6, 16, 5), nn.ReLU(),
                         nn.MaxPool2d(2), nn.Flatten(), nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84),
                         nn.ReLU(), nn.Linear(84, 10))


def _train_inputs(shape, rng):
    return (rng.standard_normal(shape, dtype=np.float32), (np.arange(shape[0]) % 10).astype(np.int64))


def _train_step(make):
    def run(xp, x, y):
        key = (xp.__name__, make.__name__, tuple(x.shape))
        if key not in _train:
            model = make(xp)
            _train[key] = (model, xp.optim.Adam(model.parameters(), lr=1e-3))
        model, opt = _train[key]
        opt.zero_grad()
        xp.nn.functional.cross_entropy(model(x), y).backward()
        opt.step()
    return run


row("training", "MLP 784-256-10 training step (forward, CE, backward, Adam)", [(64, 784)],
    run=_train_step(_mlp), impl={"numpy": None}, inputs=_train_inputs, check=None,
    requires=("nn.Linear", "optim.Adam"),
    flops=lambda s: 3 * 2.0 * s[0] * (784 * 256 + 256 * 10),
    note="batch 64; steps/s = 1 / time")
row("training", "LeNet CNN training step (forward, CE, backward, Adam)", [(64, 1, 28, 28)],
    run=_train_step(_cnn), impl={"numpy": None}, inputs=_train_inputs, check=None,
    requires=("nn.Conv2d", "nn.MaxPool2d", "optim.Adam"), quick_sizes=((8, 1, 28, 28),),
    note="conv 5x5 (6) -> pool -> conv 5x5 (16) -> pool -> 400-120-84-10, batch 64; steps/s = 1 / time")


def _subset(n):
    x, y = _fashion_arrays()
    return x[:n], y[:n]


def _epoch_inputs(shape, rng):
    return (shape,)


def _rt_fit_epoch(make):
    def run(xp, shape):
        n, batch = shape
        key = ("fit", make.__name__, shape)
        if key not in _train:
            x, y = _subset(n)
            if make is _mlp:
                x = x.reshape(n, 784)
            model = xp.Sequential(list(make(xp)))
            model.compile(xp.optim.Adam(model.parameters(), lr=1e-3), "cross_entropy", metrics=["accuracy"])
            _train[key] = (model, xp.tensor(x), xp.tensor(y))
        model, x, y = _train[key]
        model.fit(x, y, batch_size=batch, epochs=1, shuffle=True, verbose=0)
    return run


def _plain_epoch(make):
    """The bare loop a PyTorch user writes: DataLoader (shuffled) -> step; accuracy counted too."""
    def run(xp, shape):
        n, batch = shape
        key = ("plain", xp.__name__, make.__name__, shape)
        if key not in _train:
            x, y = _subset(n)
            if make is _mlp:
                x = x.reshape(n, 784)
            model = make(xp)
            data = xp.utils.data
            loader = data.DataLoader(data.TensorDataset(xp.tensor(x), xp.tensor(y)), batch_size=batch, shuffle=True)
            _train[key] = (model, xp.optim.Adam(model.parameters(), lr=1e-3), loader)
        model, opt, loader = _train[key]
        model.train()
        total_loss, correct = 0.0, 0
        for xb, yb in loader:
            opt.zero_grad()
            out = model(xb)
            loss = xp.nn.functional.cross_entropy(out, yb)
            loss.backward()
            opt.step()
            total_loss += loss.item() * xb.shape[0]
            correct += (out.argmax(1) == yb).sum().item()
    return run


for _make, _label in ((_mlp, "MLP"), (_cnn, "LeNet CNN")):
    row("training", f"{_label} epoch through fit (rustorch) / plain loop (torch)", [(_EPOCH_SAMPLES, 64)],
        run=_plain_epoch(_make), impl={"numpy": None, "rustorch": _rt_fit_epoch(_make)}, inputs=_epoch_inputs,
        check=None, requires=("Sequential", "Model.fit", "utils.data.DataLoader"),
        quick_sizes=((256, 64),),
        note="sizes are (Fashion-MNIST samples, batch); rustorch: model.fit(x, y, batch_size=64, epochs=1, "
             "verbose=0) with metrics=['accuracy']; torch: DataLoader + step + loss/accuracy sums")
    row("training", f"{_label} epoch, plain loop (both)", [(_EPOCH_SAMPLES, 64)],
        run=_plain_epoch(_make), impl={"numpy": None}, inputs=_epoch_inputs,
        check=None, requires=("utils.data.DataLoader",), quick_sizes=((256, 64),),
        note="the same loop in both libraries; rustorch's time here vs its fit row = fit's overhead")
# ---- io: safetensors save/load -------------------------------------------------------------------
_io_states = {}


def _io_state(xp, shape):
    """A state dict of n float32 tensors of `size` elements each, in library xp's tensors."""
    key = (xp.__name__, shape)
    if key not in _io_states:
        n, size = shape
        rng = np.random.default_rng(0)
        arrays = {f"layer{i}.weight": rng.standard_normal(size, dtype=np.float32) for i in range(n)}
        _io_states[key] = arrays if xp.__name__ == "numpy" else {k: xp.tensor(v) for k, v in arrays.items()}
    return _io_states[key]


def _io_path(xp, shape):
    import os
    import tempfile
    d = os.path.join(tempfile.gettempdir(), f"rustorch-bench-io-{os.getpid()}")
    os.makedirs(d, exist_ok=True)
    return os.path.join(d, f"{xp.__name__}-{shape[0]}x{shape[1]}.safetensors")


def _io_save(xp, shape):
    if xp.__name__ == "rustorch":
        xp.save(_io_state(xp, shape), _io_path(xp, shape))
    elif xp.__name__ == "torch":
        import safetensors.torch
        safetensors.torch.save_file(_io_state(xp, shape), _io_path(xp, shape))
    else:
        import safetensors.numpy
        safetensors.numpy.save_file(_io_state(xp, shape), _io_path(xp, shape))


def _io_load(xp, shape):
    path = _io_path(xp, shape)
    import os
    if not os.path.exists(path):
        _io_save(xp, shape)
    if xp.__name__ == "rustorch":
        out = xp.load(path)
    elif xp.__name__ == "torch":
        import safetensors.torch
        out = safetensors.torch.load_file(path)
    else:
        import safetensors.numpy
        out = safetensors.numpy.load_file(path)
    assert len(out) == shape[0]


def _io_serialize(xp, shape):
    if xp.__name__ == "rustorch":
        return xp.saving.serialize(_io_state(xp, shape))
    if xp.__name__ == "torch":
        import safetensors.torch
        return safetensors.torch.save(_io_state(xp, shape))
    import safetensors.numpy
    return safetensors.numpy.save(_io_state(xp, shape))


_IO_SIZES = [(10, 262_144)]  # 10 tensors x 1 MiB of float32 = 10 MiB
row("io", "save state_dict to file", _IO_SIZES, run=_io_save, inputs=shape_only, check=None,
    bytes=lambda s: F32 * s[0] * s[1], requires=("save",),
    note="rt.save vs safetensors.torch/numpy.save_file; rt.save is crash-safe (temp file, fsync, rename), "
         "safetensors' save_file writes in place without fsync. Sizes are (tensors, elements per tensor)")
row("io", "serialize state_dict to bytes", _IO_SIZES, run=_io_serialize, inputs=shape_only, check=None,
    bytes=lambda s: F32 * s[0] * s[1], requires=("saving.serialize",),
    note="rt.saving.serialize vs safetensors.torch/numpy.save: the encoding alone, no file system")
row("io", "load state_dict from file", _IO_SIZES, run=_io_load, inputs=shape_only, check=None,
    bytes=lambda s: F32 * s[0] * s[1], requires=("load",),
    note="rt.load vs safetensors.torch/numpy.load_file, file in the page cache. rt.load reads every byte into "
         "new tensors (pread, no mmap); safetensors.torch maps the file and reads pages when first touched, "
         "safetensors.numpy copies")
# ---- linear algebra -------------------------------------------------------------------------------
# Factorisations are not unique (signs of singular vectors / eigenvectors, of Q's columns), so each
# result is checked by its defining properties against NumPy in float64: the factors reconstruct
# the input, are orthogonal / triangular, and the spectrum matches NumPy's.
def _close(got, want, scale, what):
    np.testing.assert_allclose(got, want, rtol=0, atol=scale, err_msg=what)


def _check_svd(got, a):
    U, S, Vh = (np.asarray(x, dtype=np.float64) for x in got)
    a = a.astype(np.float64)
    s_ref = np.linalg.svd(a, compute_uv=False)
    tol = 1e-5 * max(a.shape) * s_ref[0]
    _close(S, s_ref, tol, "singular values differ from NumPy's")
    _close((U * S) @ Vh, a, tol, "U diag(S) Vh does not reconstruct A")
    _close(U.T @ U, np.eye(U.shape[1]), 1e-5 * max(a.shape), "U is not orthonormal")


def _check_qr(got, a):
    Q, R = (np.asarray(x, dtype=np.float64) for x in got)
    a = a.astype(np.float64)
    tol = 1e-5 * max(a.shape) * np.linalg.norm(a, 2)
    _close(Q @ R, a, tol, "Q R does not reconstruct A")
    _close(Q.T @ Q, np.eye(Q.shape[1]), 1e-5 * max(a.shape), "Q is not orthonormal")
    assert np.all(np.tril(R, -1) == 0), "R is not upper triangular"
    _close(np.abs(np.diag(R)), np.abs(np.diag(np.linalg.qr(a)[1])), tol, "|diag(R)| differs from NumPy's")


def _check_eigh(got, a):
    L, V = (np.asarray(x, dtype=np.float64) for x in got)
    a = a.astype(np.float64)
    l_ref = np.linalg.eigvalsh(a)
    tol = 1e-5 * a.shape[0] * np.abs(l_ref).max()
    _close(L, l_ref, tol, "eigenvalues differ from NumPy's")
    _close(a @ V, V * L, tol, "A V != V diag(L)")
    _close(V.T @ V, np.eye(a.shape[0]), 1e-5 * a.shape[0], "V is not orthonormal")


def _symmetric(shape, rng):
    a = rng.standard_normal(shape, dtype=np.float32)
    return ((a + a.T) / 2,)


row("linalg", "svd(a, full_matrices=False)", [(4, 4), (16, 16), (64, 64), (32, 16), (256, 256)],
    run=lambda xp, a: xp.linalg.svd(a, full_matrices=False), inputs=rand1, check=_check_svd,
    quick_sizes=((4, 4), (32, 16)), requires=("linalg.svd",),
    note="U, S and Vh (reduced); checked by reconstruction, orthogonality and NumPy's singular values")
row("linalg", "qr(a)", [(64, 64), (256, 256)],
    run=lambda xp, a: xp.linalg.qr(a), inputs=rand1, check=_check_qr, requires=("linalg.qr",),
    note="reduced Q and R; checked by reconstruction, orthogonality, triangularity and NumPy's |diag(R)|")
row("linalg", "eigh(a)", [(64, 64), (256, 256)],
    run=lambda xp, a: xp.linalg.eigh(a), inputs=_symmetric, check=_check_eigh, requires=("linalg.eigh",),
    note="symmetric input; eigenvalues and eigenvectors, checked against NumPy's eigenvalues and A V = V diag(L)")


# ---- distributions --------------------------------------------------------------------------------
# Each library's distribution object is made once (its construction and argument validation are not
# timed); NumPy's column is numpy.random's Generator and scipy.stats. Samples are random, so they are
# checked by shape, dtype, support and moments (bounds of 6 standard errors), not by value.
_distributions = {}
_np_rng = np.random.default_rng(0)


def _dist(xp, kind):
    key = (xp.__name__, kind)
    if key not in _distributions:
        make = {"normal": lambda: xp.distributions.Normal(xp.tensor(0.0), xp.tensor(1.0)),
                "normal(0.5, 2)": lambda: xp.distributions.Normal(xp.tensor(0.5), xp.tensor(2.0)),
                "bernoulli": lambda: xp.distributions.Bernoulli(probs=xp.tensor(0.3))}[kind]
        _distributions[key] = make()
    return _distributions[key]


def _check_moments(mean, std, support=None):
    def check(got, shape):
        x = np.asarray(got)
        assert x.shape == tuple(shape), f"sample shape {x.shape}, expected {tuple(shape)}"
        assert x.dtype == np.float32, f"sample dtype {x.dtype}"
        if support is not None:
            assert np.isin(x, support).all(), f"samples outside the support {support}"
        n = x.size
        assert abs(x.mean() - mean) < 6 * std / math.sqrt(n), f"sample mean {x.mean()} vs {mean}"
        if n >= 1000:
            assert abs(x.std() - std) < 6 * std / math.sqrt(2 * n), f"sample std {x.std()} vs {std}"
    return check


def _scipy_norm_logpdf(xp, x):
    import scipy.stats
    return scipy.stats.norm.logpdf(x, 0.5, 2.0)


row("distributions", "Normal(0, 1).sample((n,))", [(100,), (10_000,)],
    run=lambda xp, shape: _dist(xp, "normal").sample(shape),
    impl={"numpy": lambda xp, shape: _np_rng.standard_normal(shape, dtype=np.float32)},
    inputs=shape_only, check=_check_moments(0.0, 1.0), requires=("distributions.Normal",),
    quick_sizes=((100,),), note="NumPy: Generator.standard_normal (float32)")
row("distributions", "Bernoulli(0.3).sample((n,))", [(100,)],
    run=lambda xp, shape: _dist(xp, "bernoulli").sample(shape),
    impl={"numpy": lambda xp, shape: (_np_rng.random(shape, dtype=np.float32) < 0.3).astype(np.float32)},
    inputs=shape_only, check=_check_moments(0.3, math.sqrt(0.3 * 0.7), support=(0.0, 1.0)),
    requires=("distributions.Bernoulli",), note="NumPy: Generator.random(float32) < p, as float32")
row("distributions", "Normal(0.5, 2).log_prob(x)", [(100,)],
    run=lambda xp, x: _dist(xp, "normal(0.5, 2)").log_prob(x),
    impl={"numpy": _scipy_norm_logpdf}, inputs=rand1, requires=("distributions.Normal",),
    note="validate_args on (the default) in rustorch and torch; NumPy column: scipy.stats.norm.logpdf")
# ---- recurrent and attention layers -------------------------------------------------------------
def _lstm_inputs(shape, rng):
    T, B, I, H = shape
    k = 1 / math.sqrt(H)
    u = lambda *s: rng.uniform(-k, k, size=s).astype(np.float32)  # noqa: E731  (PyTorch's LSTM init)
    return (rng.standard_normal((T, B, I), dtype=np.float32), np.zeros((1, B, H), np.float32),
            np.zeros((1, B, H), np.float32), u(4 * H, I), u(4 * H, H), u(4 * H), u(4 * H),
            rng.standard_normal((T, B, H), dtype=np.float32))


def _torch_lstm(xp, x, h0, c0, wi, wh, bi, bh, g):
    # what torch.nn.LSTM.forward calls: the ATen LSTM over the flat weights
    out = xp.lstm(x, (h0, c0), [wi, wh, bi, bh], True, 1, 0.0, True, False, False)[0]
    out.backward(g)


row("recurrent", "LSTM layer (T, B, input, hidden): forward + backward", [(50, 32, 256, 256)],
    run=lambda xp, x, h0, c0, wi, wh, bi, bh, g: xp.rnn_layer(x, h0[0], c0[0], wi, wh, bi, bh, mode="LSTM")[0]
    .backward(g),
    impl={"numpy": None, "torch": _torch_lstm}, inputs=_lstm_inputs, grad=True, check=None,
    requires=("rnn_layer",), quick_sizes=((5, 4, 16, 16),),
    flops=lambda s: 3 * 2.0 * s[0] * s[1] * 4 * s[3] * (s[2] + s[3]),
    note="one layer, gates i/f/g/o, zero initial state; gradients of input, states, weights and biases "
         "(torch: the ATen lstm op that nn.LSTM calls)")

_ENCODERS = {}


def _encoder_layer(xp, d_model):
    """One TransformerEncoderLayer(d_model, nhead=4, dim_feedforward=4 * d_model, dropout=0) per
    library, all with torch's initial weights (copied through NumPy)."""
    key = (xp.__name__, d_model)
    if key not in _ENCODERS:
        import torch
        torch.manual_seed(0)
        ref = torch.nn.TransformerEncoderLayer(d_model, 4, 4 * d_model, dropout=0.0)
        if xp.__name__ == "torch":
            layer = ref
        else:
            layer = xp.nn.TransformerEncoderLayer(d_model, 4, 4 * d_model, dropout=0.0)
            layer.load_state_dict({k: xp.tensor(v.detach().numpy()) for k, v in ref.state_dict().items()})
        _ENCODERS[key] = layer
    return _ENCODERS[key]


def _encoder_inputs(shape, rng):
    return rng.standard_normal(shape, dtype=np.float32), rng.standard_normal(shape, dtype=np.float32)


row("recurrent", "TransformerEncoderLayer (S, B, d_model), 4 heads: forward + backward", [(64, 16, 128)],
    run=lambda xp, x, g: _encoder_layer(xp, x.shape[-1])(x).backward(g),
    impl={"numpy": None}, inputs=_encoder_inputs, grad=True, check=None,
    requires=("nn.TransformerEncoderLayer",), quick_sizes=((8, 2, 16),),
    flops=lambda s: 3 * 2.0 * s[0] * s[1] * (4 * s[2] ** 2 + 8 * s[2] ** 2 + 2 * s[0] * s[2]),
    note="post-norm, relu, dim_feedforward 4 * d_model, dropout 0, training mode; gradients of the input "
         "and every weight (they accumulate across calls in both libraries)")
