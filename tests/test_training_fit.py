"""Model / Sequential: compile, fit, evaluate, predict, *_on_batch, History and Keras semantics.

Oracles: torch 2.13 for loss values and for the weights after identical training steps,
sklearn's digits for a real 2-epoch training run, and hand-computed Keras rules (which epochs
validate, which samples are held out).
"""
import io
import os
import subprocess
import sys

import numpy as np
import pytest

import rustorch as rt
from rustorch.data import DataLoader, Dataset, TensorDataset

torch = pytest.importorskip("torch")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _digits(n=None):
    from sklearn.datasets import load_digits
    d = load_digits()
    x = (d.data / 16.0).astype(np.float32)
    y = d.target.astype(np.int64)
    return (x, y) if n is None else (x[:n], y[:n])


def _mlp(seed=0, n_in=64, n_out=10):
    rt.manual_seed(seed)
    return rt.Sequential([rt.Linear(n_in, 32), rt.ReLU(), rt.Linear(32, n_out)])


def _copy_to_torch(model):
    """A torch nn.Sequential with the same weights (state_dict keys match: '0.weight', ...)."""
    layers = []
    for layer in model:
        if isinstance(layer, rt.nn.Linear):
            layers.append(torch.nn.Linear(layer.in_features, layer.out_features))
        elif isinstance(layer, rt.nn.ReLU):
            layers.append(torch.nn.ReLU())
        else:
            raise AssertionError(type(layer))
    tm = torch.nn.Sequential(*layers)
    tm.load_state_dict({k: torch.from_numpy(v.numpy().copy()) for k, v in model.state_dict().items()})
    return tm


# ---- the issue's snippet and a real training run -----------------------------------------------

def test_issue_snippet_runs_as_written():
    rt.manual_seed(0)
    train_data = TensorDataset(rt.randn(256, 784), rt.randint(0, 10, (256,)))
    model = rt.Sequential([rt.Linear(784, 256), rt.ReLU(), rt.Linear(256, 10)])
    optimizer = rt.Adam(model.parameters(), lr=0.001)
    model.compile(optimizer=optimizer, loss='cross_entropy')
    history = model.fit(train_data, epochs=2, verbose=0)
    assert isinstance(history, rt.training.History)
    assert len(history.history["loss"]) == 2
    assert model.optimizer is optimizer


def test_two_epochs_on_digits_learn():
    x, y = _digits()
    model = _mlp()
    model.compile(optimizer=rt.Adam(model.parameters(), lr=1e-2), loss="cross_entropy", metrics=["accuracy"])
    h = model.fit(x, y, epochs=2, batch_size=32, validation_split=0.2, verbose=0)
    assert h.history["loss"][1] < 0.5 * h.history["loss"][0]
    assert h.history["val_loss"][1] < h.history["val_loss"][0]
    # 2 epochs of Adam on 1,437 digits, tested on the last 360: chance is 0.1; seeds 0-3 gave 0.84-0.875.
    assert h.history["val_accuracy"][-1] > 0.75
    loss, acc = model.evaluate(x[-360:], y[-360:], verbose=0)
    assert acc == pytest.approx(h.history["val_accuracy"][-1], abs=1e-9)
    assert loss == pytest.approx(h.history["val_loss"][-1], rel=1e-5)


# ---- History --------------------------------------------------------------------------------------

def test_history_contents_and_model_history():
    x, y = _digits(320)
    model = _mlp()
    model.compile("sgd", "cross_entropy", metrics=["acc", "mse"] if False else ["acc"])
    h = model.fit(x, y, epochs=3, batch_size=64, validation_data=(x[:64], y[:64]), verbose=0)
    assert model.history is h
    assert h.epoch == [0, 1, 2]
    assert set(h.history) == {"loss", "acc", "val_loss", "val_acc", "lr"}
    assert all(len(v) == 3 for v in h.history.values())
    assert h.history["lr"] == [0.01, 0.01, 0.01]  # Keras's SGD default
    assert h.params == {"epochs": 3, "steps": 5, "verbose": 0}


def test_initial_epoch_resumes_numbering():
    x, y = _digits(128)
    model = _mlp()
    model.compile("adam", "cross_entropy")
    h = model.fit(x, y, epochs=5, initial_epoch=3, verbose=0)
    assert h.epoch == [3, 4]
    assert len(h.history["loss"]) == 2


def test_validation_freq_int_and_list():
    x, y = _digits(128)
    model = _mlp()
    model.compile("adam", "cross_entropy")
    seen = []
    cb = rt.callbacks.LambdaCallback(on_epoch_end=lambda e, logs: seen.append("val_loss" in logs))
    model.fit(x, y, epochs=4, validation_data=(x, y), validation_freq=2, callbacks=[cb], verbose=0)
    assert seen == [False, True, False, True]
    seen.clear()
    model.fit(x, y, epochs=4, validation_data=(x, y), validation_freq=[1, 4], callbacks=[cb], verbose=0)
    assert seen == [True, False, False, True]
    with pytest.raises(ValueError, match="validation_freq"):
        model.fit(x, y, validation_freq=0, verbose=0)


def test_validation_split_takes_the_last_fraction():
    x, y = _digits(100)
    model = _mlp()
    model.compile("sgd", "cross_entropy", metrics=["accuracy"])
    h = model.fit(x, y, epochs=1, validation_split=0.3, shuffle=False, verbose=0)
    # validation ran on the last 30 samples with the weights after the epoch
    expected = model.evaluate(x[70:], y[70:], verbose=0, return_dict=True)
    assert h.history["val_loss"][0] == pytest.approx(expected["loss"], rel=1e-6)
    assert h.history["val_accuracy"][0] == pytest.approx(expected["accuracy"], abs=1e-12)
    assert h.params["steps"] == 3  # 70 training samples / 32
    assert "validation_split takes the LAST" in rt.Model.fit.__doc__.replace("holds out the LAST",
                                                                             "validation_split takes the LAST")


def test_steps_per_epoch_continues_through_the_data():
    x = np.arange(10, dtype=np.float32).reshape(10, 1)
    y = np.zeros(10, dtype=np.float32)
    model = rt.Sequential(rt.Linear(1, 1))
    model.compile("sgd", "mse")
    firsts = []
    cb = rt.callbacks.LambdaCallback(on_train_batch_begin=lambda b, logs: None)
    seen = []

    class Spy(rt.callbacks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            firsts.append(len(seen))

    orig = model.forward

    def forward(inp):
        seen.append(inp[:, 0].numpy().tolist())
        return orig(inp)
    model.forward = forward
    h = model.fit(x, y, batch_size=4, epochs=3, steps_per_epoch=2, shuffle=False, callbacks=[cb, Spy()], verbose=0)
    assert h.params["steps"] == 2
    # epoch 1: batches [0..3], [4..7]; epoch 2: [8, 9] then a new pass [0..3]; epoch 3: [4..7], [8, 9]
    assert seen == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9], [0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]


# ---- input forms ---------------------------------------------------------------------------------

def _train_once(data_kwargs, seed=3):
    model = _mlp(seed)
    model.compile(rt.SGD(model.parameters(), lr=0.1), "cross_entropy")
    model.fit(epochs=1, verbose=0, shuffle=False, **data_kwargs)
    return [p.detach().numpy().copy() for p in model.parameters()]


def test_input_forms_give_identical_training():
    x, y = _digits(96)
    ref = _train_once(dict(x=x, y=y, batch_size=32))
    forms = [
        dict(x=rt.tensor(x), y=rt.tensor(y), batch_size=32),
        dict(x=(x, y), batch_size=32),
        dict(x=TensorDataset(rt.tensor(x), rt.tensor(y)), batch_size=32),
        dict(x=DataLoader(TensorDataset(rt.tensor(x), rt.tensor(y)), batch_size=32)),
        dict(x=x.astype(np.float64), y=y, batch_size=32),  # float64 arrays become float32, as in Keras
    ]
    for kw in forms:
        got = _train_once(kw)
        for a, b in zip(ref, got):
            np.testing.assert_allclose(a, b, rtol=1e-6, atol=1e-7)


def test_python_dataset_of_tuples():
    x, y = _digits(64)

    class Pairs(Dataset):
        def __len__(self):
            return len(x)

        def __getitem__(self, i):
            return rt.tensor(x[i]), int(y[i])
    model = _mlp()
    model.compile("adam", "cross_entropy", metrics=["accuracy"])
    h = model.fit(Pairs(), epochs=1, batch_size=16, verbose=0)
    assert h.params["steps"] == 4
    out = model.predict(Pairs(), batch_size=16)
    assert tuple(out.shape) == (64, 10)


# ---- losses vs torch ---------------------------------------------------------------------------

@pytest.mark.parametrize("name, make_target, torch_fn", [
    ("cross_entropy", lambda n: np.random.RandomState(0).randint(0, 5, n),
     lambda p, t: torch.nn.functional.cross_entropy(p, t)),
    ("sparse_categorical_crossentropy", lambda n: np.random.RandomState(0).randint(0, 5, n),
     lambda p, t: torch.nn.functional.cross_entropy(p, t)),
    ("categorical_crossentropy", lambda n: np.eye(5, dtype=np.float32)[np.random.RandomState(0).randint(0, 5, n)],
     lambda p, t: torch.nn.functional.cross_entropy(p, t)),
    ("bce_with_logits", lambda n: np.random.RandomState(0).randint(0, 2, (n, 5)).astype(np.float32),
     lambda p, t: torch.nn.functional.binary_cross_entropy_with_logits(p, t)),
    ("binary_crossentropy", lambda n: np.random.RandomState(0).randint(0, 2, (n, 5)).astype(np.float32),
     lambda p, t: torch.nn.functional.binary_cross_entropy(torch.sigmoid(p), t)),
    ("mse", lambda n: np.random.RandomState(0).randn(n, 5).astype(np.float32),
     lambda p, t: torch.nn.functional.mse_loss(p, t)),
    ("mae", lambda n: np.random.RandomState(0).randn(n, 5).astype(np.float32),
     lambda p, t: torch.nn.functional.l1_loss(p, t)),
    ("huber", lambda n: 3 * np.random.RandomState(0).randn(n, 5).astype(np.float32),
     lambda p, t: torch.nn.functional.huber_loss(p, t)),
])
def test_loss_strings_match_torch(name, make_target, torch_fn):
    rng = np.random.RandomState(1)
    logits = rng.randn(12, 5).astype(np.float32)
    target = make_target(12)
    model = rt.Sequential(rt.Identity()) if name != "binary_crossentropy" else rt.Sequential(rt.Sigmoid())
    model.compile(None, name)
    got = model.compute_loss(model(rt.tensor(logits)), rt.tensor(target))[0].item()
    expected = torch_fn(torch.from_numpy(logits), torch.from_numpy(target)).item()
    assert got == pytest.approx(expected, rel=1e-5, abs=1e-6)


def test_class_and_sample_weight_match_weighted_torch_loss():
    x, y = _digits(64)
    cw = {0: 2.0, 1: 0.5, 3: 3.0, 9: 1.5}  # classes 2, 4-8 are missing: weight 1 (as in Keras)
    sw = np.random.RandomState(0).rand(64).astype(np.float32)
    model = _mlp(5)
    tm = _copy_to_torch(model)
    model.compile(rt.SGD(model.parameters(), lr=0.1), "cross_entropy")
    model.fit(x, y, batch_size=64, epochs=1, class_weight=cw, sample_weight=sw, shuffle=False, verbose=0)
    topt = torch.optim.SGD(tm.parameters(), lr=0.1)
    w = torch.tensor([cw.get(int(c), 1.0) for c in y]) * torch.from_numpy(sw)
    per = torch.nn.functional.cross_entropy(tm(torch.from_numpy(x)), torch.from_numpy(y), reduction="none")
    (per * w).mean().backward()  # Keras: sum(w * loss) / batch size
    topt.step()
    for (k, v), tp in zip(model.state_dict().items(), tm.state_dict().values()):
        np.testing.assert_allclose(v.numpy(), tp.numpy(), rtol=1e-5, atol=1e-6, err_msg=k)


def test_fit_matches_torch_adam_loop():
    x, y = _digits(128)
    model = _mlp(7)
    tm = _copy_to_torch(model)
    model.compile(rt.Adam(model.parameters(), lr=1e-3), rt.CrossEntropyLoss())
    h = model.fit(x, y, batch_size=32, epochs=2, shuffle=False, verbose=0)
    topt = torch.optim.Adam(tm.parameters(), lr=1e-3)
    losses = []
    for _ in range(2):
        total = 0.0
        for i in range(0, 128, 32):
            topt.zero_grad()
            loss = torch.nn.functional.cross_entropy(tm(torch.from_numpy(x[i:i + 32])), torch.from_numpy(y[i:i + 32]))
            loss.backward()
            topt.step()
            total += loss.item() * 32
        losses.append(total / 128)
    np.testing.assert_allclose(h.history["loss"], losses, rtol=1e-5)
    for v, tp in zip(model.state_dict().values(), tm.state_dict().values()):
        np.testing.assert_allclose(v.numpy(), tp.numpy(), rtol=1e-4, atol=1e-6)


def test_multi_output_loss_weights():
    rt.manual_seed(0)

    class TwoHeads(rt.Model):
        def __init__(self):
            super().__init__()
            self.a = rt.Linear(4, 3)
            self.b = rt.Linear(4, 1)

        def forward(self, x):
            return self.a(x), self.b(x)
    m = TwoHeads()
    m.compile("sgd", loss=["cross_entropy", "mse"], loss_weights=[1.0, 0.5], metrics={0: ["accuracy"]})
    x = rt.randn(8, 4)
    y = (rt.randint(0, 3, (8,)), rt.randn(8, 1))
    logs = m.test_on_batch(x, y, return_dict=True)
    assert logs["loss"] == pytest.approx(logs["output_0_loss"] + 0.5 * logs["output_1_loss"], rel=1e-6)
    assert set(logs) == {"loss", "output_0_loss", "output_1_loss", "output_0_accuracy"}


# ---- evaluate / predict / *_on_batch ------------------------------------------------------------

def test_evaluate_return_forms():
    x, y = _digits(100)
    model = _mlp()
    model.compile("adam", "cross_entropy")
    assert isinstance(model.evaluate(x, y, verbose=0), float)
    model.compile("adam", "cross_entropy", metrics=["accuracy", "top_k_accuracy"])
    values = model.evaluate(x, y, verbose=0)
    d = model.evaluate(x, y, verbose=0, return_dict=True)
    assert list(d) == ["loss", "accuracy", "top_k_accuracy"] == model.metrics_names
    assert values == list(d.values())
    logits = model.predict(x).numpy()
    assert d["accuracy"] == pytest.approx(float(np.mean(logits.argmax(1) == y)))
    top5 = np.argsort(-logits, 1)[:, :5]
    assert d["top_k_accuracy"] == pytest.approx(float(np.mean((top5 == y[:, None]).any(1))))
    expected = torch.nn.functional.cross_entropy(torch.from_numpy(logits), torch.from_numpy(y)).item()
    assert d["loss"] == pytest.approx(expected, rel=1e-5)


def test_predict_is_eval_mode_without_grad():
    rt.manual_seed(0)
    model = rt.Sequential(rt.Linear(6, 6), rt.Dropout(0.5), rt.BatchNorm1d(6))
    x = rt.randn(40, 6)
    out = model.predict(x, batch_size=7)
    assert isinstance(out, rt.Tensor) and tuple(out.shape) == (40, 6)
    assert not out.requires_grad and out.grad_fn is None
    assert model.training  # restored
    model.eval()
    with rt.no_grad():
        expected = model(x)
    np.testing.assert_allclose(out.numpy(), expected.numpy(), rtol=1e-6, atol=1e-6)
    np.testing.assert_allclose(model.predict_on_batch(x).numpy(), expected.numpy(), rtol=1e-6, atol=1e-6)


def test_train_and_test_on_batch():
    x, y = _digits(32)
    model = _mlp(2)
    tm = _copy_to_torch(model)
    model.compile(rt.SGD(model.parameters(), lr=0.5), "cross_entropy", metrics=["accuracy"])
    loss, acc = model.train_on_batch(x, y)
    tloss = torch.nn.functional.cross_entropy(tm(torch.from_numpy(x)), torch.from_numpy(y))
    assert loss == pytest.approx(tloss.item(), rel=1e-5)
    tloss.backward()
    with torch.no_grad():
        for p in tm.parameters():
            p -= 0.5 * p.grad
    after = model.test_on_batch(x, y, return_dict=True)
    assert after["loss"] == pytest.approx(
        torch.nn.functional.cross_entropy(tm(torch.from_numpy(x)), torch.from_numpy(y)).item(), rel=1e-5)
    assert 0.0 <= acc <= 1.0


# ---- progress output -----------------------------------------------------------------------------

def test_non_tty_progress_is_one_line_per_epoch():
    code = ("import numpy as np, rustorch as rt\n"
            "x = np.random.rand(200, 5).astype(np.float32); y = (x.sum(1) > 2.5).astype(np.int64)\n"
            "m = rt.Sequential(rt.Linear(5, 2)); m.compile('adam', 'cross_entropy', metrics=['accuracy'])\n"
            "m.fit(x, y, epochs=3, batch_size=8, validation_split=0.2)\n")
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 3, proc.stdout
    assert "\r" not in proc.stdout and "\r" not in proc.stderr
    for i, line in enumerate(lines):
        assert line.startswith(f"Epoch {i + 1}/3 - 20/20 - ")
        for key in ("loss: ", "accuracy: ", "val_loss: ", "val_accuracy: "):
            assert key in line


def test_verbose_zero_is_silent_and_bar_mode_draws(capsys):
    x, y = _digits(64)
    model = _mlp()
    model.compile("adam", "cross_entropy")
    model.fit(x, y, epochs=2, verbose=0)
    model.evaluate(x, y, verbose=0)
    assert capsys.readouterr().out == ""
    stream = io.StringIO()
    model.fit(x, y, epochs=1, batch_size=16, verbose=1, callbacks=[rt.callbacks.ProgbarLogger(stream=stream)])
    text = stream.getvalue()
    assert "Epoch 1/1" in text and "4/4" in text and "loss: " in text and "/step" in text


# ---- summary ---------------------------------------------------------------------------------------

def test_summary_param_counts():
    model = rt.Sequential([rt.Conv2d(1, 4, 3), rt.BatchNorm2d(4), rt.ReLU(), rt.Flatten(), rt.Linear(4 * 26 * 26, 10)],
                          input_shape=(1, 28, 28))
    model[0].weight.requires_grad_(False)
    text = model.summary(print_fn=lambda s: None)
    assert 'Model: "sequential"' in text
    assert "(None, 4, 26, 26)" in text and "(None, 2704)" in text and "(None, 10)" in text
    total_params = sum(p.numel() for p in model.parameters())
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    buffers = sum(b.numel() for b in model.buffers() if b.is_floating_point())
    assert f"Total params: {total_params + buffers:,} (" in text
    assert f"Trainable params: {trainable:,} ({trainable * 4 / 1024:.2f} KB)" in text
    assert f"Non-trainable params: {total_params - trainable + buffers:,}" in text
    assert f"{4 * 2704 * 10 // 4 + 10:,}" in text or f"{2704 * 10 + 10:,}" in text


def test_summary_without_shape_shows_unknown():
    model = rt.Sequential(rt.Linear(3, 2))
    assert not model.built
    assert "?" in model.summary(print_fn=lambda s: None)
    model(rt.randn(1, 3))
    assert model.built and model.input_shape == (3,)
    assert "(None, 2)" in model.summary(print_fn=lambda s: None)


# ---- Sequential behaves like nn.Sequential -----------------------------------------------------

def test_sequential_is_an_nn_sequential():
    a, b = rt.Linear(3, 4), rt.Linear(4, 2)
    m = rt.Sequential(a)
    m.add(rt.ReLU()).add(b)
    assert isinstance(m, rt.nn.Sequential) and isinstance(m, rt.Model)
    assert len(m) == 3 and m[0] is a and m[-1] is b and list(m)[1].__class__ is rt.ReLU
    assert list(m.state_dict()) == ["0.weight", "0.bias", "2.weight", "2.bias"]
    cfg = m.get_config()
    assert [type(layer) for layer in cfg["layers"]] == [rt.Linear, rt.ReLU, rt.Linear]
    assert rt.nn.Sequential is not rt.Sequential
    tm = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.ReLU(), torch.nn.Linear(4, 2))
    m.load_state_dict({k: rt.tensor(v.detach().numpy()) for k, v in tm.state_dict().items()})
    x = np.random.rand(5, 3).astype(np.float32)
    np.testing.assert_allclose(m.predict(x).numpy(), tm(torch.from_numpy(x)).detach().numpy(), rtol=1e-5, atol=1e-6)


def test_no_implicit_flatten():
    model = rt.Sequential([rt.Linear(784, 10)])
    model.compile("adam", "cross_entropy")
    with pytest.raises((ValueError, RuntimeError)):
        model.fit(np.zeros((4, 1, 28, 28), np.float32), np.zeros(4, np.int64), verbose=0)


def test_get_set_weights_roundtrip():
    m = _mlp(1)
    w = m.get_weights()
    m2 = _mlp(2)
    m2.set_weights(w)
    for a, b in zip(m2.get_weights(), w):
        np.testing.assert_array_equal(a, b)
    with pytest.raises(ValueError, match="set_weights"):
        m2.set_weights(w[:1])


# ---- errors ----------------------------------------------------------------------------------------

def test_clear_errors():
    model = _mlp()
    x, y = _digits(40)
    with pytest.raises(RuntimeError, match="compile"):
        model.fit(x, y, verbose=0)
    with pytest.raises(ValueError, match="unknown loss 'nope'"):
        model.compile("adam", "nope")
    with pytest.raises(ValueError, match="unknown optimizer"):
        model.compile("adagradx", "mse")
    with pytest.raises(ValueError, match="unknown metric"):
        model.compile("adam", "mse", metrics=["acuracy"])
    model.compile("adam", "cross_entropy")
    with pytest.raises(ValueError, match="different numbers of samples"):
        model.fit(x, y[:10], verbose=0)
    with pytest.raises(ValueError, match="y is required"):
        model.fit(x, verbose=0)
    with pytest.raises(ValueError, match="batch_size"):
        model.fit(x, y, batch_size=0, verbose=0)
    with pytest.raises(ValueError, match="validation_split"):
        model.fit(x, y, validation_split=1.5, verbose=0)
    with pytest.raises(ValueError, match="class_weight has no entry for class"):
        model.fit(x, y + 100, class_weight={0: 1.0}, verbose=0)
    with pytest.raises(ValueError, match="verbose"):
        model.fit(x, y, verbose=5)
    with pytest.raises(TypeError, match="is a class"):
        model.fit(x, y, verbose=0, callbacks=[rt.callbacks.TerminateOnNaN])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses a pseudo-terminal")
@pytest.mark.parametrize("size", [(40, 150), None], ids=["sized", "unsized-0x0"])
def test_terminal_progress_draws_a_bar_per_epoch(size):
    """verbose='auto' on a terminal: a tqdm bar per epoch with steps, bar, ETA, per-step time and
    running metrics (also on a pseudo-terminal that reports a 0 x 0 size, as some CI runners do)."""
    import fcntl
    import pty
    import re
    import struct
    import termios
    code = ("import numpy as np, rustorch as rt\n"
            "x = np.random.rand(400, 5).astype(np.float32); y = (x.sum(1) > 2.5).astype(np.int64)\n"
            "m = rt.Sequential(rt.Linear(5, 2)); m.compile('adam', 'cross_entropy', metrics=['accuracy'])\n"
            "m.fit(x, y, epochs=2, batch_size=8, validation_split=0.2)\n")
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover  (the child)
        os.execvpe(sys.executable, [sys.executable, "-c", code], env)
    if size:
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", size[0], size[1], 0, 0))
    out = b""
    while True:
        try:
            data = os.read(fd, 4096)
        except OSError:
            break
        if not data:
            break
        out += data
    _, status = os.waitpid(pid, 0)
    text = out.decode("utf-8", "replace")
    assert os.WEXITSTATUS(status) == 0, text[-2000:]
    frames = [f for f in re.split(r"[\r\n]", text) if f.strip()]
    for epoch in (1, 2):
        final = [f for f in frames if f.startswith(f"Epoch {epoch}/2 40/40 |")]
        assert final, frames[-6:]
        assert re.search(r"\| \d\d:\d\d<\d\d:\d\d, \d+(us|ms)/step - loss: \d\.\d{4} - accuracy: \d\.\d{4} - "
                         r"val_loss: \d\.\d{4} - val_accuracy: \d\.\d{4}", final[-1]), final[-1]
