"""rt.callbacks: hook order and the standard callbacks' Keras semantics.

Callbacks that write files (ModelCheckpoint, CSVLogger, BackupAndRestore) go through
rustorch.serialization; their tests skip only while that package is missing.
"""
import csv
import importlib.util
import math
import os

import numpy as np
import pytest

import rustorch as rt

needs_saving = pytest.mark.skipif(importlib.util.find_spec("rustorch.serialization") is None,
                                  reason="rustorch.serialization (the saving package) is not available yet")


def _data(n=64, seed=0):
    rng = np.random.RandomState(seed)
    x = rng.randn(n, 6).astype(np.float32)
    y = (x[:, 0] + 0.5 * x[:, 1] > 0).astype(np.int64)
    return x, y


def _model(seed=0, lr=0.05, optimizer="adam"):
    rt.manual_seed(seed)
    m = rt.Sequential(rt.Linear(6, 8), rt.ReLU(), rt.Linear(8, 2))
    opt = rt.Adam(m.parameters(), lr=lr) if optimizer == "adam" else rt.SGD(m.parameters(), lr=lr)
    m.compile(opt, "cross_entropy", metrics=["accuracy"])
    return m


class Script(rt.callbacks.Callback):
    """Placed before the callback under test: overwrites logs[key] with scripted values and sets
    the first weight to the epoch number, so the effect of a callback is known exactly."""

    def __init__(self, key, values):
        super().__init__()
        self.key = key
        self.values = values

    def on_epoch_end(self, epoch, logs=None):
        logs[self.key] = self.values[epoch]
        with rt.no_grad():
            self.model[0].bias.fill_(float(epoch))


def test_hook_order():
    calls = []
    names = ["on_train_begin", "on_train_end", "on_epoch_begin", "on_epoch_end", "on_test_begin", "on_test_end",
             "on_train_batch_begin", "on_train_batch_end", "on_test_batch_begin", "on_test_batch_end",
             "on_predict_begin", "on_predict_end", "on_predict_batch_begin", "on_predict_batch_end"]

    class Recorder(rt.callbacks.Callback):
        pass
    for name in names:
        setattr(Recorder, name, (lambda n: lambda self, *a: calls.append(n))(name))
    x, y = _data(8)
    m = _model()
    rec = Recorder()
    m.fit(x, y, batch_size=4, epochs=2, validation_data=(x[:4], y[:4]), callbacks=[rec], verbose=0)
    assert rec.model is m and rec.params == {"epochs": 2, "steps": 2, "verbose": 0}
    epoch = (["on_epoch_begin"] + ["on_train_batch_begin", "on_train_batch_end"] * 2
             + ["on_test_begin", "on_test_batch_begin", "on_test_batch_end", "on_test_end", "on_epoch_end"])
    assert calls == ["on_train_begin"] + epoch * 2 + ["on_train_end"]
    calls.clear()
    m.predict(x, batch_size=8, callbacks=[rec])
    assert calls == ["on_predict_begin", "on_predict_batch_begin", "on_predict_batch_end", "on_predict_end"]
    calls.clear()
    m.evaluate(x, y, batch_size=8, callbacks=[rec], verbose=0)
    assert calls == ["on_test_begin", "on_test_batch_begin", "on_test_batch_end", "on_test_end"]


def test_batch_logs_are_running_means():
    x, y = _data(12)
    m = _model()
    seen = []
    m.fit(x, y, batch_size=4, epochs=1, shuffle=False, verbose=0,
          callbacks=[rt.callbacks.LambdaCallback(on_train_batch_end=lambda b, logs: seen.append(dict(logs)))])
    assert [sorted(s) for s in seen] == [["accuracy", "loss"]] * 3
    assert m.history.history["loss"][0] == pytest.approx(seen[-1]["loss"])


def test_early_stopping_patience_and_restore_best_weights():
    x, y = _data()
    m = _model()
    es = rt.callbacks.EarlyStopping(monitor="val_loss", patience=2, restore_best_weights=True)
    h = m.fit(x, y, epochs=10, validation_data=(x, y), verbose=0,
              callbacks=[Script("val_loss", [3.0, 1.0, 2.0, 4.0, 0.5, 0.1]), es])
    # best at epoch 1; epochs 2 and 3 do not improve -> stop after epoch 3 (0-based)
    assert h.epoch == [0, 1, 2, 3]
    assert es.stopped_epoch == 3 and es.best == 1.0 and es.best_epoch == 1
    np.testing.assert_array_equal(m[0].bias.detach().numpy(), np.full(8, 1.0, np.float32))  # epoch 1's weights


def test_early_stopping_min_delta_mode_baseline_start():
    x, y = _data()
    m = _model()
    # accuracy-like names are maximised under mode='auto'; improvements below min_delta do not count
    es = rt.callbacks.EarlyStopping(monitor="val_accuracy", min_delta=0.05, patience=1)
    h = m.fit(x, y, epochs=10, validation_data=(x, y), verbose=0,
              callbacks=[Script("val_accuracy", [0.5, 0.6, 0.62, 0.9, 0.9]), es])
    assert h.epoch == [0, 1, 2]
    # a flat curve stops after `patience` epochs without improvement...
    es = rt.callbacks.EarlyStopping(monitor="val_loss", patience=2)
    h = m.fit(x, y, epochs=10, validation_data=(x, y), verbose=0, callbacks=[Script("val_loss", [1.0] * 10), es])
    assert h.epoch == [0, 1, 2]
    # ...one epoch sooner with a baseline it never beats (the first epoch does not reset the wait)
    es = rt.callbacks.EarlyStopping(monitor="val_loss", patience=2, baseline=0.1)
    h = m.fit(x, y, epochs=10, validation_data=(x, y), verbose=0, callbacks=[Script("val_loss", [1.0] * 10), es])
    assert h.epoch == [0, 1]
    # start_from_epoch: the first epochs are not monitored
    es = rt.callbacks.EarlyStopping(monitor="val_loss", patience=0, start_from_epoch=3)
    h = m.fit(x, y, epochs=10, validation_data=(x, y), verbose=0,
              callbacks=[Script("val_loss", [1.0, 2.0, 3.0, 1.0, 2.0, 3.0]), es])
    assert h.epoch == [0, 1, 2, 3, 4]


def test_reduce_lr_on_plateau_changes_lr():
    x, y = _data()
    m = _model(lr=0.01)
    cb = rt.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=1, min_lr=0.002)
    h = m.fit(x, y, epochs=5, validation_data=(x, y), verbose=0, callbacks=[Script("val_loss", [1.0] * 5), cb])
    assert h.history["lr"] == pytest.approx([0.01, 0.01, 0.005, 0.0025, 0.002])
    assert m.optimizer.param_groups[0]["lr"] == pytest.approx(0.002)
    with pytest.raises(ValueError, match="factor"):
        rt.callbacks.ReduceLROnPlateau(factor=1.5)


def test_reduce_lr_cooldown():
    x, y = _data()
    m = _model(lr=0.01)
    cb = rt.callbacks.ReduceLROnPlateau(monitor="loss", factor=0.1, patience=1, cooldown=2)
    h = m.fit(x, y, epochs=6, verbose=0, callbacks=[Script("loss", [1.0] * 6), cb])
    # reduce after epoch 1; the cooldown counts down in epochs 2 and 3 (no waiting), and epoch 3
    # then already counts as the 1 epoch of patience -> reduce again after epoch 3 (Keras's rule)
    assert h.history["lr"] == pytest.approx([0.01, 0.01, 0.001, 0.001, 0.0001, 0.0001])


def test_learning_rate_scheduler():
    x, y = _data()
    m = _model(lr=0.1)
    h = m.fit(x, y, epochs=3, verbose=0,
              callbacks=[rt.callbacks.LearningRateScheduler(lambda epoch, lr: lr * 0.5 if epoch else lr)])
    assert h.history["lr"] == pytest.approx([0.1, 0.05, 0.025])
    one_arg = rt.callbacks.LearningRateScheduler(lambda epoch: 0.3 / (epoch + 1))
    h = m.fit(x, y, epochs=2, verbose=0, callbacks=[one_arg])
    assert h.history["lr"] == pytest.approx([0.3, 0.15])


def test_terminate_on_nan_stops_training(capsys):
    x, y = _data(32)
    x[20] = np.nan  # third batch of 8
    m = _model()
    batches = []
    h = m.fit(x, y, batch_size=8, epochs=5, shuffle=False, verbose=0,
              callbacks=[rt.callbacks.LambdaCallback(on_train_batch_begin=lambda b, logs: batches.append(b)),
                         rt.callbacks.TerminateOnNaN()])
    assert batches == [0, 1, 2]
    assert h.epoch == [0] and math.isnan(h.history["loss"][0])
    assert "Invalid loss, terminating training" in capsys.readouterr().out


def test_lambda_callback_and_stop_training():
    x, y = _data()
    m = _model()
    events = []

    def stop(epoch, logs):
        events.append(("end", epoch))
        if epoch == 1:
            m.stop_training = True
    h = m.fit(x, y, epochs=5, verbose=0, callbacks=[rt.callbacks.LambdaCallback(
        on_train_begin=lambda logs: events.append("begin"), on_epoch_end=stop,
        on_train_end=lambda logs: events.append("done"))])
    assert events == ["begin", ("end", 0), ("end", 1), "done"] and h.epoch == [0, 1]
    with pytest.raises(TypeError, match="unknown hook"):
        rt.callbacks.LambdaCallback(on_epoch_finish=print)


# ---- file-writing callbacks ---------------------------------------------------------------------------

@needs_saving
def test_model_checkpoint_file_names(tmp_path):
    x, y = _data()
    m = _model()
    pattern = str(tmp_path / "w-{epoch:02d}-{val_loss:.3f}.safetensors")
    h = m.fit(x, y, epochs=3, validation_data=(x, y), verbose=0,
              callbacks=[rt.callbacks.ModelCheckpoint(pattern, save_weights_only=True)])
    expected = sorted(f"w-{e + 1:02d}-{v:.3f}.safetensors" for e, v in zip(h.epoch, h.history["val_loss"]))
    assert sorted(os.listdir(tmp_path)) == expected
    # the last file holds the final weights
    m2 = _model(seed=9)
    m2.load_weights(str(tmp_path / expected[-1]))
    for a, b in zip(m.get_weights(), m2.get_weights()):
        np.testing.assert_array_equal(a, b)


@needs_saving
def test_model_checkpoint_save_best_only(tmp_path):
    x, y = _data()
    m = _model()
    cb = rt.callbacks.ModelCheckpoint(str(tmp_path / "best-{epoch}.safetensors"), save_best_only=True,
                                      save_weights_only=True, monitor="val_loss")
    m.fit(x, y, epochs=5, validation_data=(x, y), verbose=0,
          callbacks=[Script("val_loss", [2.0, 1.0, 1.5, 0.5, 0.7]), cb])
    assert sorted(os.listdir(tmp_path)) == ["best-1.safetensors", "best-2.safetensors", "best-4.safetensors"]
    full = rt.callbacks.ModelCheckpoint(str(tmp_path / "model.rtm"))
    m.fit(x, y, epochs=1, verbose=0, callbacks=[full])
    assert os.path.getsize(tmp_path / "model.rtm") > 0


@needs_saving
def test_csv_logger(tmp_path):
    x, y = _data()
    m = _model()
    path = tmp_path / "log.csv"
    h = m.fit(x, y, epochs=3, validation_data=(x, y), verbose=0, callbacks=[rt.callbacks.CSVLogger(str(path))])
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    assert [int(r["epoch"]) for r in rows] == [0, 1, 2]
    for key, values in h.history.items():
        assert [float(r[key]) for r in rows] == pytest.approx(values, rel=1e-12)
    h2 = m.fit(x, y, epochs=5, initial_epoch=3, validation_data=(x, y), verbose=0,
               callbacks=[rt.callbacks.CSVLogger(str(path), append=True)])
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    assert [int(r["epoch"]) for r in rows] == [0, 1, 2, 3, 4]
    assert len(h2.epoch) == 2
    assert not [p for p in os.listdir(tmp_path) if p != "log.csv"]  # no temp files left behind


class _Crash(rt.callbacks.Callback):
    def __init__(self, at_epoch):
        super().__init__()
        self.at_epoch = at_epoch

    def on_epoch_begin(self, epoch, logs=None):
        if epoch == self.at_epoch:
            raise KeyboardInterrupt("simulated crash")


@needs_saving
def test_backup_and_restore_resumes_after_a_crash(tmp_path):
    x, y = _data(96)
    ref = _model(seed=4)
    ref_hist = ref.fit(x, y, batch_size=16, epochs=5, shuffle=False, verbose=0)

    m = _model(seed=4)
    backup = rt.callbacks.BackupAndRestore(str(tmp_path / "backup"))
    with pytest.raises(KeyboardInterrupt):
        m.fit(x, y, batch_size=16, epochs=5, shuffle=False, verbose=0, callbacks=[backup, _Crash(3)])
    assert os.path.exists(tmp_path / "backup" / "latest.ckpt")

    fresh = _model(seed=11)  # a new process would rebuild the model from scratch
    epochs = []
    h = fresh.fit(x, y, batch_size=16, epochs=5, shuffle=False, verbose=0,
                  callbacks=[rt.callbacks.BackupAndRestore(str(tmp_path / "backup")),
                             rt.callbacks.LambdaCallback(on_epoch_begin=lambda e, logs: epochs.append(e))])
    assert epochs == [3, 4]
    assert h.epoch == [0, 1, 2, 3, 4]
    np.testing.assert_allclose(h.history["loss"], ref_hist.history["loss"], rtol=1e-6)
    for a, b in zip(fresh.get_weights(), ref.get_weights()):  # weights + Adam state restored exactly
        np.testing.assert_allclose(a, b, rtol=1e-6, atol=1e-7)
    assert not os.path.exists(tmp_path / "backup" / "latest.ckpt")  # deleted after a finished fit
