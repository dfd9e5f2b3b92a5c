"""Model files (save_model/load_model) and checkpoints: identical predictions and bitwise-identical
continued training after a reload, optimizer state, history, and corrupted/hostile archives.

``CompiledNet`` below is a minimal stand-in for a compiled ``rt.Model`` (compile stores
compile_config/optimizer/loss like the Keras-style API does); end-to-end tests with rt.Sequential
and a subclassed rt.Model are at the bottom and run when rustorch.training is present."""
import json
import os
import types
import zipfile

import numpy as np
import pytest

import rustorch as rt
from rustorch import nn
from rustorch.serialization import model_file


@rt.register_serializable(name="tests.CompiledNet")
class CompiledNet(nn.Module):
    def __init__(self, width=16, dropout=0.1):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(8, width), nn.ReLU(), nn.Dropout(dropout), nn.Linear(width, 3))
        self.norm = nn.BatchNorm1d(3)

    def forward(self, x):
        return self.norm(self.body(x))

    def compile(self, optimizer, loss, metrics=None, loss_weights=None):
        self.compile_config = {"optimizer": optimizer, "loss": loss, "metrics": metrics, "loss_weights": loss_weights}
        d = self.__dict__  # plain attributes, not child modules (as rt.Model keeps them)
        d["optimizer"] = optimizer
        d["loss"] = nn.CrossEntropyLoss() if loss == "cross_entropy" else loss
        d["metrics"] = metrics or []


def data(n=64, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, 8)).astype(np.float32)
    y = (x[:, 0] + x[:, 1] > 0).astype(np.int64) + (x[:, 2] > 1).astype(np.int64)
    return rt.tensor(x), rt.tensor(y)


def train(model, steps, seed):
    """Mini-batch steps in a fixed order; dropout draws from the seeded generator."""
    rt.manual_seed(seed)
    x, y = data()
    model.train()
    losses = []
    for i in range(steps):
        sl = slice((i * 16) % 64, (i * 16) % 64 + 16)
        model.optimizer.zero_grad()
        loss = model.loss(model(x[sl]), y[sl])
        loss.backward()
        model.optimizer.step()
        losses.append(loss.item())
    return losses


def make_model(opt="adam"):
    rt.manual_seed(0)
    model = CompiledNet(width=32, dropout=0.2)
    if opt == "adam":
        optimizer = rt.optim.Adam(model.parameters(), lr=3e-3, betas=(0.8, 0.99), weight_decay=1e-4)
    else:
        optimizer = rt.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, nesterov=True)
    model.compile(optimizer, "cross_entropy", metrics=["accuracy"])
    return model


@pytest.mark.parametrize("opt", ["adam", "sgd"])
def test_reload_continues_training_bitwise(tmp_path, opt):
    model = make_model(opt)
    train(model, 6, seed=1)
    model.history = types.SimpleNamespace(history={"loss": [1.2, 0.9]}, epoch=[0, 1], params={"epochs": 2})
    path = tmp_path / "model.rtm"
    model.save = None  # the stand-in has no save method: use the function
    model_file.save_model(model, path)
    loaded = rt.load_model(path)
    assert type(loaded) is CompiledNet and loaded.get_config() == {"width": 32, "dropout": 0.2}
    assert type(loaded.optimizer) is type(model.optimizer)
    assert loaded.optimizer.param_groups[0]["lr"] == model.optimizer.param_groups[0]["lr"]
    assert loaded.compile_config["loss"] == "cross_entropy" and loaded.metrics == ["accuracy"]
    assert loaded.history.history == {"loss": [1.2, 0.9]} and loaded.history.epoch == [0, 1]
    # optimizer state restored exactly
    for (_, a), (_, b) in zip(sorted(model.optimizer.state_dict()["state"].items()),
                              sorted(loaded.optimizer.state_dict()["state"].items())):
        assert a.keys() == b.keys()
        for k in a:
            va, vb = a[k], b[k]
            if isinstance(va, rt.Tensor):
                assert va.dtype == vb.dtype and np.array_equal(va.numpy(), vb.numpy()), k
            else:
                assert va == vb
    # identical predictions (eval mode) and identical continued training (train mode, dropout)
    x, _ = data(16, seed=5)
    model.eval()
    loaded.eval()
    assert np.array_equal(model(x).detach().numpy(), loaded(x).detach().numpy())
    assert train(model, 8, seed=2) == train(loaded, 8, seed=2)
    for k, v in model.state_dict().items():
        assert np.array_equal(v.numpy(), loaded.state_dict()[k].numpy()), k


def test_archive_layout(tmp_path):
    model = make_model()
    train(model, 2, seed=0)
    path = tmp_path / "m.zip"
    model_file.save_model(model, path)
    with zipfile.ZipFile(path) as zf:
        assert sorted(zf.namelist()) == ["config.json", "model.safetensors", "optimizer.safetensors"]
        assert all(i.compress_type == zipfile.ZIP_STORED for i in zf.infolist())
        config = json.loads(zf.read("config.json"))
        from safetensors.numpy import load as st_load
        weights = st_load(zf.read("model.safetensors"))  # a plain safetensors member
    assert config["format"] == "rustorch.model" and config["format_version"] == 1
    assert config["rustorch_version"] == rt.__version__
    assert config["model"]["class_name"] == "CompiledNet"
    assert config["optimizer"]["class_name"] == "Adam"
    assert set(weights) == set(model.state_dict())
    # the same model saved twice gives the same bytes (fixed member timestamps)
    model_file.save_model(model, tmp_path / "m2.zip")
    assert (tmp_path / "m2.zip").read_bytes() == path.read_bytes()


def test_load_without_compile_and_plain_modules(tmp_path):
    model = make_model()
    path = tmp_path / "m.zip"
    model_file.save_model(model, path)
    loaded = rt.load_model(path, compile=False)
    assert not hasattr(loaded, "compile_config") or loaded.__dict__.get("compile_config") is None
    seq = nn.Sequential(nn.Conv2d(1, 2, 3), nn.Flatten(), nn.Linear(8, 2))
    model_file.save_model(seq, path)
    back = rt.load_model(path)
    assert type(back) is nn.Sequential and list(back.state_dict()) == list(seq.state_dict())
    x = rt.randn(2, 1, 4, 4)
    assert np.array_equal(back(x).detach().numpy(), seq(x).detach().numpy())


def test_missing_custom_class_names_it(tmp_path):
    class Unregistered(nn.Module):
        def __init__(self, k=3):
            super().__init__()
            self.fc = nn.Linear(k, k)

    path = tmp_path / "m.zip"
    model_file.save_model(nn.Sequential(Unregistered(4)), path)
    with pytest.raises(ValueError, match="unknown class 'Unregistered'.*custom_objects"):
        rt.load_model(path)
    back = rt.load_model(path, custom_objects={"Unregistered": Unregistered})
    assert isinstance(back[0], Unregistered) and back[0].fc.in_features == 4


def test_unregistered_loss_function_is_refused_on_save(tmp_path):
    model = make_model()

    def my_loss(pred, target):
        return (pred - target).abs().mean()

    model.compile(model.optimizer, my_loss)
    with pytest.raises(ValueError, match="my_loss"):
        model_file.save_model(model, tmp_path / "m.zip")
    assert not os.listdir(tmp_path)


def test_checkpoint_round_trip(tmp_path):
    model = make_model()
    train(model, 5, seed=3)
    path = tmp_path / "ckpt"
    extra = {"epoch": 3, "history": {"loss": [0.5, 0.25]}, "shape": (2, 3)}
    model_file.save_checkpoint(path, model, model.optimizer, extra=extra)
    fresh = make_model()
    assert model_file.load_checkpoint(path, fresh, fresh.optimizer) == extra
    assert train(model, 4, seed=9) == train(fresh, 4, seed=9)
    other = make_model("sgd")
    with pytest.raises(ValueError, match="optimizer 'Adam', not SGD"):
        model_file.load_checkpoint(path, other, other.optimizer)
    model_file.save_checkpoint(path, model)
    with pytest.raises(ValueError, match="no optimizer state"):
        model_file.load_checkpoint(path, fresh, fresh.optimizer)
    with pytest.raises(ValueError, match="do not fit the model"):
        model_file.load_checkpoint(path, nn.Linear(2, 2))


# ------------------------------------------------------------------------------- hostile archives
def rewrite(src, dst, drop=(), replace=None, extra=()):
    replace = replace or {}
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            if info.filename in drop:
                continue
            zout.writestr(info.filename, replace.get(info.filename, zin.read(info.filename)))
        for name, payload in extra:
            zout.writestr(name, payload)


@pytest.fixture
def saved(tmp_path):
    model = make_model()
    train(model, 2, seed=0)
    path = tmp_path / "good.zip"
    model_file.save_model(model, path)
    return path


def config_with(saved, **changes):
    with zipfile.ZipFile(saved) as zf:
        config = json.loads(zf.read("config.json"))
    config.update(changes)
    return json.dumps(config).encode()


def hostile_variants(saved, tmp_path):
    good = saved.read_bytes()
    with zipfile.ZipFile(saved) as zf:
        weights = zf.read("model.safetensors")
    out = {}

    def put(name, payload):
        p = tmp_path / name
        p.write_bytes(payload)
        out[name] = p

    put("empty", b"")
    put("not_a_zip", b"\x89HDF\r\n" + b"\x00" * 100)
    put("truncated_half", good[: len(good) // 2])
    put("truncated_tail", good[:-30])
    put("safetensors_not_model", weights)
    flipped = bytearray(good)
    flipped[good.index(b"model.safetensors") + 200] ^= 0xFF  # inside the stored weights: CRC mismatch
    put("crc_mismatch", bytes(flipped))
    cases = {
        "missing_config": dict(drop=("config.json",)),
        "missing_weights": dict(drop=("model.safetensors",)),
        "missing_optimizer": dict(drop=("optimizer.safetensors",)),
        "bad_json": dict(replace={"config.json": b'{"format": "rustorch.model", '}),
        "json_not_object": dict(replace={"config.json": b"[1, 2]"}),
        "wrong_format": dict(replace={"config.json": config_with(saved, format="keras")}),
        "future_version": dict(replace={"config.json": config_with(saved, format_version=99)}),
        "hostile_class": dict(replace={"config.json": config_with(
            saved, model={"class_name": "system", "module": "os", "config": {"__dict__": [["command", "touch x"]]}})}),
        "hostile_optimizer": dict(replace={"config.json": config_with(
            saved, optimizer={"class_name": "__import__", "config": {}, "param_groups": [], "state": []})}),
        "corrupt_weights": dict(replace={"model.safetensors": weights[:8] + b"{garbage" + weights[16:]}),
        "weights_wrong_shape": dict(replace={"model.safetensors": rt.saving.serialize({"body.0.weight": rt.zeros(2)})}),
        "duplicate_member": dict(extra=(("config.json", b"{}"),)),
    }
    import warnings
    for name, kw in cases.items():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # zipfile warns about the duplicate name
            rewrite(saved, tmp_path / name, **kw)
        out[name] = tmp_path / name
    return out


EXPECTED = {
    "empty": "not a readable zip", "not_a_zip": "not a readable zip", "truncated_half": "not a readable zip",
    "truncated_tail": "not a readable zip", "safetensors_not_model": "not a readable zip",
    "crc_mismatch": "corrupt", "missing_config": "missing the archive member 'config.json'",
    "missing_weights": "missing the archive member 'model.safetensors'",
    "missing_optimizer": "missing the archive member 'optimizer.safetensors'", "bad_json": "not valid JSON",
    "json_not_object": "not a JSON object", "wrong_format": "format 'keras'", "future_version": "version 99",
    "hostile_class": "unknown class 'system'", "hostile_optimizer": "unknown optimizer class '__import__'",
    "corrupt_weights": "safetensors", "weights_wrong_shape": "do not fit the model",
    "duplicate_member": "duplicate archive members",
}


def test_hostile_archives_raise_clear_errors(saved, tmp_path):
    cwd = os.getcwd()
    os.chdir(tmp_path)  # a hostile config that managed to run a command would leave ./x here
    try:
        variants = hostile_variants(saved, tmp_path)
        assert set(variants) == set(EXPECTED)
        for name, path in variants.items():
            with pytest.raises(ValueError, match=EXPECTED[name]) as info:
                rt.load_model(path)
            assert str(path) in str(info.value), (name, str(info.value))
        assert not os.path.exists(tmp_path / "x")
    finally:
        os.chdir(cwd)
    with pytest.raises(FileNotFoundError):
        rt.load_model(tmp_path / "nope.zip")


def test_huge_declared_member_size_is_refused(saved, tmp_path):
    """A zip whose central directory claims a gigantic stored member must not be read into memory."""
    raw = bytearray(saved.read_bytes())
    with zipfile.ZipFile(saved) as zf:
        info = zf.getinfo("model.safetensors")
    # patch the uncompressed/compressed size fields of the central directory entry
    cd = raw.rfind(b"PK\x01\x02", 0, raw.rfind(b"model.safetensors"))
    raw[cd + 20:cd + 24] = (0xFFFFFFF0).to_bytes(4, "little")
    raw[cd + 24:cd + 28] = (0xFFFFFFF0).to_bytes(4, "little")
    bad = tmp_path / "huge.zip"
    bad.write_bytes(bytes(raw))
    assert info.file_size < 0xFFFFFFF0
    with pytest.raises(ValueError, match="declares|corrupt|not a readable zip"):
        rt.load_model(bad)




# --------------------------------------------------------------------- with the Keras-style API
def keras_api():
    pytest.importorskip("rustorch.training", reason="the Keras-style API (rustorch.training) is not merged yet")
    return rt.Model, rt.Sequential


def fashion_like(n=256, seed=0):
    """Small real data: sklearn's bundled 8x8 digits (first n, pixel values scaled to [0, 1])."""
    from sklearn.datasets import load_digits
    digits = load_digits()
    x = (digits.data[:n] / 16.0).astype(np.float32)
    y = digits.target[:n].astype(np.int64)
    return rt.tensor(x), rt.tensor(y)


def test_keras_sequential_fit_save_load_continue(tmp_path):
    _, Sequential = keras_api()
    x, y = fashion_like()
    rt.manual_seed(0)
    model = Sequential([rt.Linear(64, 32), rt.ReLU(), rt.Dropout(0.1), rt.Linear(32, 10)], input_shape=(64,))
    model.compile(optimizer=rt.Adam(model.parameters(), lr=0.003), loss="cross_entropy", metrics=["accuracy"])
    rt.manual_seed(1)
    first = model.fit(x, y, batch_size=32, epochs=2, verbose=0)
    path = tmp_path / "seq.rtm"
    model.save(path)
    loaded = rt.load_model(path)
    assert type(loaded) is Sequential and len(loaded) == 4
    assert tuple(loaded.input_shape) == (64,)
    assert loaded.history.history == first.history and loaded.history.epoch == first.epoch
    assert type(loaded.optimizer) is rt.Adam and loaded.compile_config["loss"] == "cross_entropy"
    assert np.array_equal(loaded.predict(x).numpy(), model.predict(x).numpy())
    rt.manual_seed(7)
    h_orig = model.fit(x, y, batch_size=32, epochs=2, verbose=0)
    rt.manual_seed(7)
    h_loaded = loaded.fit(x, y, batch_size=32, epochs=2, verbose=0)
    assert h_orig.history == h_loaded.history  # bitwise: same losses and metrics per epoch
    assert np.array_equal(loaded.predict(x).numpy(), model.predict(x).numpy())


def test_keras_subclassed_model_with_registered_custom_layer(tmp_path):
    Model, _ = keras_api()

    @rt.register_serializable(name="tests.Gain")
    class Gain(nn.Module):
        def __init__(self, features, init=1.0):
            super().__init__()
            self.gain = nn.Parameter(rt.full((features,), init))

        def forward(self, x):
            return x * self.gain

    class Net(Model):
        def __init__(self, hidden=24, gain=0.5):
            super().__init__()
            self.fc1 = rt.Linear(64, hidden)
            self.gain = Gain(hidden, gain)
            self.fc2 = rt.Linear(hidden, 10)

        def forward(self, x):
            return self.fc2(self.gain(self.fc1(x).relu()))

    x, y = fashion_like()
    rt.manual_seed(0)
    model = Net(hidden=20, gain=0.25)
    model.compile(optimizer="adam", loss="cross_entropy", metrics=["accuracy"])
    model.fit(x, y, batch_size=64, epochs=1, verbose=0)
    path = tmp_path / "net.rtm"
    model.save(path)
    with pytest.raises(ValueError, match="unknown class 'Net'"):
        rt.load_model(path)  # Net itself is not registered
    loaded = rt.load_model(path, custom_objects={"Net": Net})
    assert isinstance(loaded.gain, Gain) and loaded.get_config() == {"hidden": 20, "gain": 0.25}
    assert np.array_equal(loaded.predict(x).numpy(), model.predict(x).numpy())
    sd_a, sd_b = model.optimizer.state_dict(), loaded.optimizer.state_dict()
    assert sd_a["param_groups"] == sd_b["param_groups"]
    for i, entry in sd_a["state"].items():
        for k, v in entry.items():
            assert np.array_equal(np.asarray(v.numpy() if isinstance(v, rt.Tensor) else v),
                                  np.asarray(sd_b["state"][i][k].numpy() if isinstance(v, rt.Tensor)
                                             else sd_b["state"][i][k])), (i, k)
    rt.manual_seed(3)
    a = model.fit(x, y, batch_size=64, epochs=2, verbose=0).history
    rt.manual_seed(3)
    b = loaded.fit(x, y, batch_size=64, epochs=2, verbose=0).history
    assert a == b
    # weights only
    weights = tmp_path / "net.safetensors"
    model.save_weights(weights)
    fresh = Net(hidden=20, gain=0.25)
    fresh.load_weights(weights)
    assert np.array_equal(fresh.predict(x).numpy(), model.predict(x).numpy())


def test_keras_loss_module_and_metric_objects_round_trip(tmp_path):
    _, Sequential = keras_api()
    x, y = fashion_like(128)
    rt.manual_seed(0)
    model = Sequential([rt.Linear(64, 10)])
    model.compile(optimizer="sgd", loss=rt.CrossEntropyLoss(label_smoothing=0.1),
                  metrics=[rt.metrics.SparseCategoricalAccuracy(), "accuracy", rt.metrics.Precision(average="micro")])
    model.fit(x, y, epochs=1, verbose=0)
    path = tmp_path / "m.rtm"
    model.save(path)
    loaded = rt.load_model(path)
    assert loaded.compile_config["optimizer"] == "sgd"
    assert isinstance(loaded.compile_config["loss"], rt.CrossEntropyLoss)
    assert loaded.compile_config["loss"].label_smoothing == 0.1
    assert [type(m).__name__ for m in loaded.metrics] == [type(m).__name__ for m in model.metrics]
    assert loaded.evaluate(x, y, verbose=0, return_dict=True) == model.evaluate(x, y, verbose=0, return_dict=True)
    loaded.save(tmp_path / "again.rtm")  # a reloaded model saves to the same bytes
    assert (tmp_path / "again.rtm").read_bytes() == path.read_bytes()
