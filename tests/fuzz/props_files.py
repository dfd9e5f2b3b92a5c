"""File readers on malformed bytes: byte mutations, truncations and hostile headers of valid idx
files (raw and gzip) through rt.data.read_idx, and of model files through rt.load_model where it
exists. Valid bytes must read back exactly; anything else must raise ValueError (or OSError for
unreadable files), never crash or allocate without bound."""
import gzip
import os
import struct
import tempfile

import numpy as np
from hypothesis import strategies as st

from rustorch.data.datasets import read_idx
from common import Prop

IDX_CODES = {0x08: ">u1", 0x09: ">i1", 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}


def idx_bytes(code, dims, seed):
    rng = np.random.default_rng(seed)
    n = int(np.prod(dims)) if dims else 1
    data = (rng.standard_normal(n) * 50).astype(IDX_CODES[code]).tobytes()
    return bytes([0, 0, code, len(dims)]) + b"".join(struct.pack(">I", d) for d in dims) + data


@st.composite
def idx_cases(draw):
    code = draw(st.sampled_from(sorted(IDX_CODES)))
    dims = draw(st.lists(st.integers(0, 5), min_size=1, max_size=4))
    edits = draw(st.lists(st.tuples(st.sampled_from(["flip", "set", "truncate", "insert", "huge_dim", "ndim"]),
                                    st.integers(0, 200), st.integers(0, 255)), max_size=3))
    return {"code": code, "dims": dims, "seed": draw(st.integers(0, 2**31 - 1)), "edits": edits,
            "gzip": draw(st.booleans())}


def mutate(raw, edits):
    b = bytearray(raw)
    for kind, pos, val in edits:
        if kind == "truncate":
            del b[pos % (len(b) + 1):]
        elif kind == "insert":
            b[pos % (len(b) + 1):pos % (len(b) + 1)] = bytes([val])
        elif not b:
            continue
        elif kind == "flip":
            b[pos % len(b)] ^= 1 << (val % 8)
        elif kind == "set":
            b[pos % len(b)] = val
        elif kind == "huge_dim" and len(b) >= 8:
            b[4:8] = struct.pack(">I", 0xFFFFFFFF - val)
        elif kind == "ndim" and len(b) >= 4:
            b[3] = val
    return bytes(b)


def check_idx(c):
    raw = idx_bytes(c["code"], c["dims"], c["seed"])
    bad = mutate(raw, c["edits"])
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "f.idx" + (".gz" if c["gzip"] else ""))
        with open(path, "wb") as f:
            f.write(gzip.compress(bad) if c["gzip"] else bad)
        try:
            arr = read_idx(path)
        except ValueError as e:
            assert str(e).startswith("read_idx:") and "f.idx" in str(e), f"unclear message: {e}"
            return
    # accepted: the bytes must be a well-formed idx file and decode to the same values
    code, ndim = bad[2], bad[3]
    dims = [struct.unpack(">I", bad[4 + 4 * i: 8 + 4 * i])[0] for i in range(ndim)]
    expected = np.frombuffer(bad, dtype=IDX_CODES[code], offset=4 + 4 * ndim).reshape(dims)
    assert arr.shape == expected.shape, (arr.shape, expected.shape)
    np.testing.assert_array_equal(arr, expected.astype(arr.dtype))


@st.composite
def model_file_cases(draw):
    return {"target": draw(st.sampled_from(["archive", "config", "config", "config_bytes", "weights", "optimizer"])),
            "json": draw(st.lists(st.tuples(st.integers(0, 2**18 - 1), st.integers(0, 4), st.integers(0, 63)),
                                  min_size=1, max_size=4)),
            "bytes": draw(st.lists(st.tuples(st.integers(0, 2**20), st.integers(0, 255), st.integers(0, 3)),
                                   min_size=1, max_size=4))}


def check_model_file(c):
    import model_mutations as mm
    data = mm.hostile_model_file(c["target"], c["json"], c["bytes"])
    with tempfile.TemporaryDirectory() as tmp:
        mm.load_bytes(data, tmp)


PROPERTIES = [
    Prop("idx_reader", idx_cases(), check_idx, quick=150, long=10000),
    Prop("model_file", model_file_cases(), check_model_file, quick=100, long=3000),
]
