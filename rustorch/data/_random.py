"""Random draws for samplers and transforms from rustorch generators.

Random transforms draw from :func:`generator`: the DataLoader worker thread's own generator
(seeded ``base_seed + worker_id``, like PyTorch's per-worker seeding) inside a worker, else the
process-wide default generator, so ``rt.manual_seed`` makes a pipeline reproducible.
"""
import threading

from .. import _C

_D = _C._data
_local = threading.local()


def generator():
    """The generator random transforms draw from in this thread."""
    g = getattr(_local, "generator", None)
    return _C.default_generator if g is None else g


def _set_thread_generator(g):
    _local.generator = g


def uniform(gen=None):
    """One float uniform in [0, 1)."""
    return float(_D.uniform(1, generator() if gen is None else gen)[0])


def randint(low, high, gen=None):
    """One int uniform in [low, high)."""
    return int(_D.randint(low, high, 1, generator() if gen is None else gen)[0])


def new_generator(seed):
    """A fresh rt.Generator seeded with ``seed`` (reduced to 64 bits)."""
    g = _C.Generator()
    g.manual_seed(int(seed) & 0xFFFFFFFFFFFFFFFF)
    return g


def derived_seed(gen=None):
    """A non-negative int64 drawn from ``gen`` (default: the default generator)."""
    return int(_D.random_seed(gen))
