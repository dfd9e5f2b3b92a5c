"""Hostile model files for rt.load_model, shared by the hypothesis property (props_files) and the
atheris target (atheris_model_file.py): a real saved model is taken apart and one of its pieces is
mutated - raw archive bytes, the config.json document (values replaced by other JSON, keys
dropped, nesting), or the safetensors members (header/data bytes) - then zipped again so the
mutation reaches the parsers behind the zip layer."""
import copy
import io
import json
import os
import tempfile
import zipfile

import rustorch as rt

ALLOWED = (ValueError, TypeError, IndexError, RuntimeError, FileNotFoundError)
_seed_cache = {}


def seed_model_bytes():
    """The bytes of a small compiled model file (Sequential MLP with Adam state and history)."""
    if "model" not in _seed_cache:
        rt.manual_seed(0)
        model = rt.Sequential([rt.nn.Linear(4, 3), rt.nn.ReLU(), rt.nn.Linear(3, 2)])
        model.compile(optimizer="adam", loss="cross_entropy", metrics=["accuracy"])
        x = rt.randn(8, 4)
        y = rt.randint(0, 2, (8,))
        model.fit(x, y, epochs=1, batch_size=4, verbose=0)
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "m.rtm")
            rt.serialization.save_model(model, path)
            with open(path, "rb") as f:
                _seed_cache["model"] = f.read()
    return _seed_cache["model"]


def members(data):
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def rezip(parts):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_STORED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buf.getvalue()


JSON_VALUES = [None, True, 0, -1, 2**63, 1e308, "", "x", "Linear", "__main__", [], [1, 2], {}, {"class_name": "Linear"},
               {"class_name": "os.system", "config": {}}, {"__tensor__": {"dtype": "float32", "shape": [-1]}},
               [[0, {"__state_tensor__": "nope"}]], "NaN", float("inf")]


def mutate_json(doc, choices):
    """Applies (path selector, action, value index) choices to a JSON document in place."""
    for sel, action, vi in choices:
        # walk to a container chosen by the selector bits
        node, parent, key = doc, None, None
        for step in range(6):
            kids = list(node.items()) if isinstance(node, dict) else list(enumerate(node)) if isinstance(node, list) else []
            if not kids or (sel >> (3 * step)) & 7 == 7:
                break
            k, v = kids[((sel >> (3 * step)) & 7) % len(kids)]
            parent, key, node = node, k, v
        if parent is None:
            continue
        if action == 0:
            parent[key] = copy.deepcopy(JSON_VALUES[vi % len(JSON_VALUES)])  # fresh: no shared (cyclic) values
        elif action == 1 and isinstance(parent, dict):
            del parent[key]
        elif action == 2:
            parent[key] = [parent[key]] if vi % 2 else {"v": parent[key]}
        elif action == 3 and isinstance(node, (int, float)) and not isinstance(node, bool):
            parent[key] = node * (-1 if vi % 2 else 1000003) + vi
        else:
            parent[key] = copy.deepcopy(JSON_VALUES[(vi * 7) % len(JSON_VALUES)])
    return doc


def mutate_bytes(data, edits):
    b = bytearray(data)
    for pos, val, kind in edits:
        if not b:
            break
        if kind == 0:
            b[pos % len(b)] = val & 255
        elif kind == 1:
            del b[pos % len(b):]
        elif kind == 2:
            b[pos % (len(b) + 1):pos % (len(b) + 1)] = bytes([val & 255]) * (1 + val % 9)
        else:
            b[pos % len(b)] ^= 1 << (val % 8)
    return bytes(b)


def hostile_model_file(target, json_choices, byte_edits):
    """target: 'archive' (raw zip bytes), 'config' (config.json document), 'weights' /
    'optimizer' (safetensors member bytes), 'config_bytes' (config.json text)."""
    data = seed_model_bytes()
    if target == "archive":
        return mutate_bytes(data, byte_edits)
    parts = members(data)
    if target == "config":
        doc = json.loads(parts["config.json"])
        parts["config.json"] = json.dumps(mutate_json(doc, json_choices)).encode()
    elif target == "config_bytes":
        parts["config.json"] = mutate_bytes(parts["config.json"], byte_edits)
    elif target == "weights":
        parts["model.safetensors"] = mutate_bytes(parts["model.safetensors"], byte_edits)
    elif target == "optimizer":
        parts["optimizer.safetensors"] = mutate_bytes(parts["optimizer.safetensors"], byte_edits)
    return rezip(parts)


def load_bytes(data, tmpdir):
    """rt.load_model on these bytes: a Module, or one of the documented exceptions with a message."""
    path = os.path.join(tmpdir, "fuzz.rtm")
    with open(path, "wb") as f:
        f.write(data)
    try:
        model = rt.load_model(path)
    except ALLOWED as e:
        assert str(e).strip(), f"load_model raised {type(e).__name__} with an empty message"
        return None
    assert isinstance(model, rt.nn.Module), f"load_model returned {type(model).__name__}"
    return model
