"""rt.save / rt.load: plain safetensors files, checked against the `safetensors` package and torch
in both directions, plus hostile and corrupted files (errors, never crashes)."""
import json
import os
import random
import struct

import numpy as np
import pytest
import torch
from safetensors import safe_open
import safetensors.numpy as stn
import safetensors.torch as stt

import rustorch as rt
from rustorch import nn


def sample_state():
    rt.manual_seed(1)
    return {
        "f32": rt.randn(3, 4),
        "f64": rt.randn(2, 3, dtype=rt.float64),
        "i64": rt.tensor([[-(2 ** 62), 0, 7]]),
        "bool": rt.tensor([True, False, True]),
        "scalar": rt.tensor(2.5),
        "scalar_i": rt.tensor(-3),
        "empty": rt.zeros(0, 5),
        "empty_i": rt.zeros(2, 0, dtype=rt.int64),
        "transposed": rt.randn(4, 5).t(),
        "stepped": rt.arange(20.0)[::3],
        "grad": rt.randn(2, requires_grad=True),
    }


def as_numpy(t):
    return t.detach().numpy()


@pytest.fixture
def path(tmp_path):
    return str(tmp_path / "w.safetensors")


def test_round_trip_every_dtype_and_shape(path):
    sd = sample_state()
    rt.save(sd, path, metadata={"who": "test", "ünï": "cödé"})
    back, meta = rt.saving.load(path, return_metadata=True)
    assert meta == {"who": "test", "ünï": "cödé"}
    assert set(back) == set(sd)
    for k, v in sd.items():
        assert back[k].dtype == v.dtype and tuple(back[k].shape) == tuple(v.shape), k
        assert np.array_equal(as_numpy(back[k]), as_numpy(v)), k
        assert not back[k].requires_grad


def test_layout_is_the_reference_format(path):
    rt.save(sample_state(), path, metadata={"format": "pt"})
    raw = open(path, "rb").read()
    (n,) = struct.unpack("<Q", raw[:8])
    assert (8 + n) % 8 == 0  # byte buffer 8-byte aligned, header padded with spaces
    header = json.loads(raw[8:8 + n])
    assert header["__metadata__"] == {"format": "pt"}
    assert header["f32"]["dtype"] == "F32" and header["bool"]["dtype"] == "BOOL"
    assert header["i64"]["dtype"] == "I64" and header["f64"]["dtype"] == "F64"
    assert header["scalar"]["shape"] == [] and header["empty"]["shape"] == [0, 5]
    spans = sorted(tuple(v["data_offsets"]) for k, v in header.items() if k != "__metadata__")
    assert spans[0][0] == 0 and spans[-1][1] == len(raw) - 8 - n
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    itemsize = {"F32": 4, "F64": 8, "I64": 8, "BOOL": 1}
    for k, v in header.items():  # every tensor starts aligned to its element size (zero-copy readers)
        if k != "__metadata__":
            assert v["data_offsets"][0] % itemsize[v["dtype"]] == 0, k


def test_safetensors_package_reads_our_files(path):
    sd = sample_state()
    rt.save(sd, path, metadata={"k": "v"})
    t = stt.load_file(path)
    n = stn.load_file(path)
    for k, v in sd.items():
        assert np.array_equal(t[k].numpy(), as_numpy(v)), k
        assert np.array_equal(n[k], as_numpy(v)), k
    with safe_open(path, "pt") as f:
        assert f.metadata() == {"k": "v"}
        assert np.array_equal(f.get_slice("f32")[1:3].numpy(), as_numpy(sd["f32"])[1:3])


def test_we_read_files_of_the_safetensors_package(path):
    torch.manual_seed(0)
    sd = {"a": torch.randn(3, 2), "b": torch.randn(5, dtype=torch.float64), "c": torch.arange(6).reshape(2, 3),
          "d": torch.tensor([True, False]), "e": torch.tensor(1.5), "f": torch.zeros(0, 3)}
    stt.save_file(sd, path, metadata={"format": "pt"})
    back, meta = rt.saving.load(path, return_metadata=True)
    assert meta == {"format": "pt"}
    for k, v in sd.items():
        assert np.array_equal(as_numpy(back[k]), v.numpy()), k
    stn.save_file({"x": np.arange(12, dtype=np.float32).reshape(3, 4)}, path)
    assert np.array_equal(as_numpy(rt.load(path)["x"]), np.arange(12, dtype=np.float32).reshape(3, 4))


@pytest.mark.parametrize("tdtype,rtdtype", [(torch.float16, rt.float32), (torch.bfloat16, rt.float32),
                                             (torch.int8, rt.int64), (torch.int16, rt.int64),
                                             (torch.int32, rt.int64), (torch.uint8, rt.int64)])
def test_narrow_dtypes_convert_on_load(path, tdtype, rtdtype):
    torch.manual_seed(0)
    if tdtype.is_floating_point:
        src = torch.cat([torch.randn(50) * 100, torch.tensor([0.0, -0.0, 65504.0, 6e-8, float("inf"), -float("inf")])])
        src = src.to(tdtype)
        expect = src.float().numpy()
    else:
        info = torch.iinfo(tdtype)
        src = torch.cat([torch.randint(info.min, info.max, (54,)), torch.tensor([info.min, info.max])]).to(tdtype)
        expect = src.long().numpy()
    stt.save_file({"t": src.reshape(2, 28)}, path)
    got = rt.load(path)["t"]
    assert got.dtype == rtdtype and tuple(got.shape) == (2, 28)
    assert np.array_equal(as_numpy(got).reshape(-1), expect)


def test_nan_half_stays_nan(path):
    stt.save_file({"t": torch.tensor([float("nan"), 1.0], dtype=torch.float16)}, path)
    got = as_numpy(rt.load(path)["t"])
    assert np.isnan(got[0]) and got[1] == 1.0


@pytest.mark.parametrize("tdtype", [torch.uint16, torch.uint32, torch.uint64])
def test_unsupported_dtypes_are_rejected_by_name(path, tdtype):
    stt.save_file({"t": torch.zeros(3, dtype=tdtype)}, path)
    name = {torch.uint16: "U16", torch.uint32: "U32", torch.uint64: "U64"}[tdtype]
    with pytest.raises(ValueError, match=f"dtype {name} is not supported"):
        rt.load(path)


def test_torch_linear_and_conv_state_dicts_load_into_rustorch_modules(path):
    torch.manual_seed(0)
    tmodel = torch.nn.Sequential(torch.nn.Conv2d(1, 3, 3), torch.nn.ReLU(), torch.nn.Flatten(),
                                 torch.nn.Linear(3 * 4 * 4, 5))
    stt.save_file(tmodel.state_dict(), path)
    model = nn.Sequential(nn.Conv2d(1, 3, 3), nn.ReLU(), nn.Flatten(), nn.Linear(3 * 4 * 4, 5))
    model.load_state_dict(rt.load(path))
    x = np.random.default_rng(0).standard_normal((2, 1, 6, 6)).astype(np.float32)
    np.testing.assert_allclose(as_numpy(model(rt.tensor(x))), tmodel(torch.tensor(x)).detach().numpy(),
                               rtol=1e-5, atol=1e-6)
    # and back: our weights into torch
    rt.saving.save_weights(model, path)
    tmodel2 = torch.nn.Sequential(torch.nn.Conv2d(1, 3, 3), torch.nn.ReLU(), torch.nn.Flatten(),
                                  torch.nn.Linear(3 * 4 * 4, 5))
    tmodel2.load_state_dict(stt.load_file(path))
    np.testing.assert_allclose(tmodel2(torch.tensor(x)).detach().numpy(), as_numpy(model(rt.tensor(x))),
                               rtol=1e-5, atol=1e-6)


def test_shared_memory_is_refused_by_save(path):
    lin = nn.Linear(3, 3)
    with pytest.raises(ValueError, match="share memory.*'w'.*'v'"):
        rt.save({"w": lin.weight, "v": lin.weight}, path)
    base = rt.randn(4, 4)
    with pytest.raises(ValueError, match="share memory"):
        rt.save({"all": base, "row": base[1]}, path)
    rt.save({"row0": base[0], "row1": base[1]}, path)  # same storage but disjoint: fine
    back = rt.load(path)
    assert np.array_equal(as_numpy(back["row1"]), as_numpy(base[1]))
    assert not os.path.exists(path + ".tmp")


class Tied(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(6, 4)
        self.out = nn.Linear(4, 6, bias=False)
        self.out.weight = self.emb.weight


def test_tied_weights_are_stored_once_and_retied(path):
    model = Tied()
    rt.saving.save_weights(model, path)
    with safe_open(path, "np") as f:
        assert sorted(f.keys()) == ["emb.weight"]
    fresh = Tied()
    rt.saving.load_weights(fresh, path)
    assert fresh.out.weight is fresh.emb.weight
    assert np.array_equal(as_numpy(fresh.emb.weight), as_numpy(model.emb.weight))


def test_torch_save_model_with_tied_weights_loads(path):
    class TorchTied(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.emb = torch.nn.Embedding(6, 4)
            self.out = torch.nn.Linear(4, 6, bias=False)
            self.out.weight = self.emb.weight

    tmodel = TorchTied()
    stt.save_model(tmodel, path)  # drops one of the tied names
    model = Tied()
    rt.saving.load_weights(model, path)
    assert np.array_equal(as_numpy(model.out.weight), tmodel.out.weight.detach().numpy())


def test_bad_arguments(path):
    with pytest.raises(TypeError, match="metadata"):
        rt.save({"a": rt.zeros(1)}, path, metadata={"a": 1})
    with pytest.raises(TypeError, match="key 'a'"):
        rt.save({"a": [1, 2]}, path)
    with pytest.raises(TypeError, match="keys must be str"):
        rt.save({1: rt.zeros(1)}, path)
    with pytest.raises(ValueError, match="__metadata__"):
        rt.save({"__metadata__": rt.zeros(1)}, path)
    with pytest.raises(RuntimeError, match="cannot open"):
        rt.load(path + ".missing")
    assert not os.listdir(os.path.dirname(path))  # nothing half-written


# ---------------------------------------------------------------------------------- hostile files
def build(header, data=b"", raw_header=None):
    text = raw_header if raw_header is not None else json.dumps(header).encode()
    return struct.pack("<Q", len(text)) + text + data


def entry(dtype, shape, begin, end):
    return {"dtype": dtype, "shape": shape, "data_offsets": [begin, end]}


HOSTILE = {
    "empty file": (b"", "truncated"),
    "short length field": (b"\x10\x00\x00", "truncated"),
    "huge header length": (struct.pack("<Q", 2 ** 63) + b"{}", "exceeds the 100 MB limit"),
    "header past end": (struct.pack("<Q", 1000) + b"{}", "truncated"),
    "wrong magic (zip)": (b"PK\x03\x04" + b"\x00" * 60, "exceeds the 100 MB limit|truncated"),
    "not an object": (build(None, raw_header=b"[1, 2, 3]"), "does not start with"),
    "bad json": (build(None, raw_header=b'{"a": {"dtype": "F32",'), "not valid JSON"),
    "binary garbage in header": (build(None, raw_header=b"{\xff\xfe\x00}"), "not valid JSON"),
    "unknown dtype": (build({"a": entry("F128", [1], 0, 16)}, bytes(16)), "unknown dtype"),
    "non-string dtype": (build({"a": entry(3, [1], 0, 4)}, bytes(4)), "non-string dtype"),
    "negative dim": (build({"a": entry("F32", [-1], 0, 4)}, bytes(4)), "non-negative"),
    "float dim": (build({"a": entry("F32", [1.5], 0, 4)}, bytes(4)), "non-negative"),
    "shape too small for span": (build({"a": entry("F32", [2], 0, 12)}, bytes(12)), "needs 8 bytes"),
    "overflowing shape": (build({"a": entry("F64", [2 ** 40, 2 ** 40], 0, 8)}, bytes(8)), "overflows"),
    "offset past end": (build({"a": entry("F32", [4], 0, 16)}, bytes(8)), "beyond the byte buffer"),
    "huge offsets": (build({"a": entry("U8", [1], 2 ** 63, 2 ** 63 + 1)}, bytes(1)), "gap|beyond"),
    "begin after end": (build({"a": entry("F32", [0], 8, 4)}, bytes(8)), "begin after end"),
    "overlapping": (build({"a": entry("F32", [2], 0, 8), "b": entry("F32", [2], 4, 12)}, bytes(12)), "overlaps"),
    "gap": (build({"a": entry("F32", [1], 0, 4), "b": entry("F32", [1], 8, 12)}, bytes(12)), "gap"),
    "trailing bytes": (build({"a": entry("F32", [1], 0, 4)}, bytes(9)), "trailing"),
    "duplicate names": (build(None, raw_header=b'{"a":{"dtype":"U8","shape":[1],"data_offsets":[0,1]},'
                                                b'"a":{"dtype":"U8","shape":[1],"data_offsets":[1,2]}}') + bytes(2),
                        "more than once"),
    "deep nesting": (build(None, raw_header=b'{"a":{"shape":' + b"[" * 100000 + b"]" * 100000 + b"}}"), "nests deeper"),
    "list as entry": (build(None, raw_header=b'{"a":' + b"[" * 100000 + b"]" * 100000 + b"}"), "not an object"),
    "trailing garbage": (build(None, raw_header=b'{} x'), "not valid JSON"),
    "missing field": (build({"a": {"dtype": "F32", "shape": [1]}}, bytes(4)), "lacks the 'data_offsets'"),
    "extra field": (build({"a": dict(entry("F32", [1], 0, 4), code="x")}, bytes(4)), "unknown field"),
    "offsets not a pair": (build({"a": {"dtype": "F32", "shape": [1], "data_offsets": [0]}}, bytes(4)), "pair"),
    "metadata not strings": (build({"__metadata__": {"k": [1]}}), "not a string"),
    "entry not an object": (build({"a": [1, 2]}), "not an object"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_files_raise_clear_errors(path, case):
    data, pattern = HOSTILE[case]
    with open(path, "wb") as f:
        f.write(data)
    with pytest.raises(ValueError, match=pattern) as info:
        rt.load(path)
    assert path in str(info.value)  # the message names the file
    with pytest.raises(ValueError, match=pattern):
        rt.saving.deserialize(data)


def test_random_corruption_never_crashes(path):
    """Flipped bytes and truncations of a valid file: every outcome is a clean load or a ValueError."""
    sd = {"w": rt.randn(5, 3), "b": rt.arange(4), "m": rt.tensor([True, False])}
    good = rt.saving.serialize(sd, {"k": "v"})
    rng = random.Random(1234)
    outcomes = {"ok": 0, "error": 0}
    for i in range(400):
        data = bytearray(good)
        if i % 4 == 0:
            data = data[:rng.randrange(len(data))]
        else:
            for _ in range(rng.randint(1, 4)):
                pos = rng.randrange(len(data)) if i % 2 else rng.randrange(min(len(data), 8 + 120))
                data[pos] = rng.randrange(256)
        try:
            rt.saving.deserialize(bytes(data))
            outcomes["ok"] += 1
        except ValueError as e:
            assert str(e).startswith("safetensors:"), e
            outcomes["error"] += 1
    assert outcomes["error"] > 100 and outcomes["ok"] > 10


def test_empty_state_dict_and_directory_path(path, tmp_path):
    rt.save({}, path)
    assert rt.load(path) == {}
    assert stt.load_file(path) == {}
    with pytest.raises(ValueError, match="not a regular file"):
        rt.load(str(tmp_path))


def test_many_entries_parse_in_linear_time():
    """50,000 one-byte tensors: a parser quadratic in the entry count (nlohmann's DOM parser with a
    callback is) takes minutes here; the SAX parser well under a second."""
    import time
    n = 50_000
    header = "{" + ",".join(f'"t{i}":{{"dtype":"U8","shape":[1],"data_offsets":[{i},{i + 1}]}}' for i in range(n)) + "}"
    data = build(None, raw_header=header.encode(), data=bytes(range(256)) * (n // 256) + bytes(n % 256))
    t0 = time.perf_counter()
    out = rt.saving.deserialize(data)
    assert time.perf_counter() - t0 < 10.0
    assert len(out) == n and out["t300"].item() == 300 % 256
