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
    check: Optional[str] = "values"   # "values": allclose to NumPy's result; "shape"; None
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
