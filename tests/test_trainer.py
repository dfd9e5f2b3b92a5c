"""rt.Trainer: Lightning-style steps, logging, optimizers/schedulers, clipping, accumulation and
limits, checked against hand-written loops in torch 2.13 and rustorch."""
import importlib.util
import os

import numpy as np
import pytest

import rustorch as rt
import rustorch.nn.functional as F
from rustorch.data import DataLoader, TensorDataset

torch = pytest.importorskip("torch")

needs_saving = pytest.mark.skipif(importlib.util.find_spec("rustorch.serialization") is None,
                                  reason="rustorch.serialization (the saving package) is not available yet")


def _data(n=96, seed=0):
    rng = np.random.RandomState(seed)
    x = rng.randn(n, 5).astype(np.float32)
    y = (x[:, 0] - x[:, 2] > 0).astype(np.int64)
    return x, y


def _loader(x, y, batch_size=16):
    return DataLoader(TensorDataset(rt.tensor(x), rt.tensor(y)), batch_size=batch_size)


class Lit(rt.Model):
    def __init__(self, lr=0.1, seed=0):
        super().__init__()
        rt.manual_seed(seed)
        self.fc1 = rt.Linear(5, 8)
        self.fc2 = rt.Linear(8, 2)
        self.lr = lr

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = F.cross_entropy(self(x), y)
        self.log("train_loss", loss)
        return loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        out = self(x)
        self.log("val_loss", F.cross_entropy(out, y), prog_bar=True)
        self.log("val_acc", (out.argmax(1) == y).float().mean())

    def configure_optimizers(self):
        return rt.SGD(self.parameters(), lr=self.lr)


def _torch_twin(model):
    tm = torch.nn.Sequential(torch.nn.Linear(5, 8), torch.nn.ReLU(), torch.nn.Linear(8, 2))
    sd = model.state_dict()
    names = {"fc1.weight": "0.weight", "fc1.bias": "0.bias", "fc2.weight": "2.weight", "fc2.bias": "2.bias"}
    tm.load_state_dict({names[k]: torch.from_numpy(v.numpy().copy()) for k, v in sd.items()})
    return tm


def _assert_same_weights(model, tm, rtol=1e-5):
    for a, b in zip(model.state_dict().values(), tm.state_dict().values()):
        np.testing.assert_allclose(a.numpy(), b.numpy(), rtol=rtol, atol=1e-6)


def test_fit_with_training_step_matches_torch_and_logs():
    x, y = _data()
    model = Lit()
    tm = _torch_twin(model)
    trainer = rt.Trainer(max_epochs=2, enable_progress_bar=False)
    h = trainer.fit(model, _loader(x, y), _loader(x, y, 48))
    opt = torch.optim.SGD(tm.parameters(), lr=0.1)
    for _ in range(2):
        for i in range(0, 96, 16):
            opt.zero_grad()
            xb, yb = torch.from_numpy(x[i:i + 16]), torch.from_numpy(y[i:i + 16])
            torch.nn.functional.cross_entropy(tm(xb), yb).backward()
            opt.step()
    _assert_same_weights(model, tm)
    assert set(h.history) == {"train_loss", "loss", "val_loss", "val_acc", "lr"}
    assert h.history["train_loss"] == h.history["loss"]
    with torch.no_grad():
        out = tm(torch.from_numpy(x))
        val_loss = torch.nn.functional.cross_entropy(out, torch.from_numpy(y)).item()
    assert h.history["val_loss"][-1] == pytest.approx(val_loss, rel=1e-5)
    assert trainer.current_epoch == 2 and trainer.global_step == 12  # Lightning: epochs completed after fit
    assert trainer.callback_metrics["val_acc"] == h.history["val_acc"][-1]
    assert model.trainer is trainer and model.history is h


def test_gradient_accumulation_and_clipping_match_torch():
    x, y = _data(80)
    model = Lit(lr=0.5)
    tm = _torch_twin(model)
    trainer = rt.Trainer(max_epochs=1, accumulate_grad_batches=2, gradient_clip_val=0.05, enable_progress_bar=False)
    trainer.fit(model, _loader(x, y))  # 5 batches: steps after batches 2, 4 and the last one
    opt = torch.optim.SGD(tm.parameters(), lr=0.5)
    opt.zero_grad()
    for i, start in enumerate(range(0, 80, 16)):
        loss = torch.nn.functional.cross_entropy(tm(torch.from_numpy(x[start:start + 16])),
                                                 torch.from_numpy(y[start:start + 16]))
        (loss / 2).backward()
        if i % 2 == 1 or i == 4:
            torch.nn.utils.clip_grad_norm_(tm.parameters(), 0.05)
            opt.step()
            opt.zero_grad()
    _assert_same_weights(model, tm)
    assert trainer.global_step == 3


def test_clip_by_value():
    x, y = _data(32)
    model = Lit(lr=1.0)
    tm = _torch_twin(model)
    rt.Trainer(max_epochs=1, gradient_clip_val=0.01, gradient_clip_algorithm="value",
               enable_progress_bar=False).fit(model, _loader(x, y, 32))
    opt = torch.optim.SGD(tm.parameters(), lr=1.0)
    torch.nn.functional.cross_entropy(tm(torch.from_numpy(x)), torch.from_numpy(y)).backward()
    torch.nn.utils.clip_grad_value_(tm.parameters(), 0.01)
    opt.step()
    _assert_same_weights(model, tm)


def test_configure_optimizers_with_scheduler_dict():
    class WithSched(Lit):
        def configure_optimizers(self):
            opt = rt.SGD(self.parameters(), lr=0.1)
            return {"optimizer": opt, "lr_scheduler": {"scheduler": rt.optim.lr_scheduler.StepLR(opt, 1, 0.5)}}

    class Plateau(Lit):
        def training_step(self, batch, batch_idx):
            self.log("flat", 1.0)
            return super().training_step(batch, batch_idx)

        def configure_optimizers(self):
            opt = rt.SGD(self.parameters(), lr=0.1)
            sched = rt.optim.lr_scheduler.ReduceLROnPlateau(opt, factor=0.1, patience=0)
            return {"optimizer": opt, "lr_scheduler": {"scheduler": sched, "monitor": "flat"}}

    x, y = _data()
    h = rt.Trainer(max_epochs=3, enable_progress_bar=False).fit(WithSched(), _loader(x, y))
    assert h.history["lr"] == pytest.approx([0.1, 0.05, 0.025])
    steps = []

    class PerStep(Lit):
        def configure_optimizers(self):
            opt = rt.SGD(self.parameters(), lr=0.1)
            sched = rt.optim.lr_scheduler.LambdaLR(opt, lambda s: steps.append(s) or 1.0 / (s + 1))
            return [opt], [{"scheduler": sched, "interval": "step"}]
    rt.Trainer(max_epochs=1, enable_progress_bar=False).fit(PerStep(), _loader(x, y))
    assert steps == list(range(7))  # construction + one call per optimizer step (6 batches)
    # ReduceLROnPlateau monitors a logged value; with patience 0 it cuts lr after each epoch without improvement
    h = rt.Trainer(max_epochs=3, enable_progress_bar=False).fit(Plateau(), _loader(x, y))
    assert h.history["lr"] == pytest.approx([0.1, 0.1, 0.01])


def test_fallback_to_compiled_loss_metrics_and_optimizer():
    x, y = _data()
    rt.manual_seed(0)
    model = rt.Sequential(rt.Linear(5, 2))
    model.compile(rt.SGD(model.parameters(), lr=0.2), "cross_entropy", metrics=["accuracy"])
    ref = rt.Sequential(rt.Linear(5, 2))
    ref.load_state_dict(model.state_dict())
    ref.compile(rt.SGD(ref.parameters(), lr=0.2), "cross_entropy", metrics=["accuracy"])
    h = rt.Trainer(max_epochs=2, enable_progress_bar=False).fit(model, _loader(x, y), _loader(x, y))
    h_ref = ref.fit(_loader(x, y), epochs=2, validation_data=_loader(x, y), verbose=0)
    assert h.history == h_ref.history  # the same loop underneath
    trainer = rt.Trainer(enable_progress_bar=False)
    assert trainer.validate(model, _loader(x, y)) == [
        {"val_" + k: v for k, v in model.evaluate(x, y, batch_size=16, verbose=0, return_dict=True).items()}]
    res = trainer.test(model, _loader(x, y))
    assert set(res[0]) == {"test_loss", "test_accuracy"}


def test_limits_validation_frequency_and_predict():
    x, y = _data(96)
    model = Lit()
    seen = []
    trainer = rt.Trainer(max_epochs=4, limit_train_batches=0.5, check_val_every_n_epoch=2, enable_progress_bar=False,
                         callbacks=[rt.callbacks.LambdaCallback(on_train_batch_begin=lambda b, logs: seen.append(b))])
    h = trainer.fit(model, _loader(x, y), _loader(x, y))
    assert seen == [0, 1, 2] * 4  # half of 6 batches, from a fresh pass each epoch
    assert h.params["steps"] == 3
    assert len(h.history["val_loss"]) == 2 and len(h.history["loss"]) == 4
    preds = trainer.predict(model, _loader(x, y, 32))
    assert len(preds) == 3 and tuple(preds[0].shape) == (32, 2)
    model.eval()
    with rt.no_grad():
        np.testing.assert_allclose(preds[1].numpy(), model(rt.tensor(x[32:64])).numpy(), rtol=1e-6)


def test_max_steps_and_early_stopping_callback():
    x, y = _data()
    model = Lit()
    trainer = rt.Trainer(max_steps=8, enable_progress_bar=False)
    trainer.fit(model, _loader(x, y))
    assert trainer.global_step == 8
    es = rt.callbacks.EarlyStopping(monitor="val_loss", patience=0, mode="max")  # stops at the first non-increase
    h = rt.Trainer(max_epochs=20, callbacks=[es], enable_progress_bar=False).fit(Lit(), _loader(x, y), _loader(x, y))
    assert len(h.epoch) < 20


def test_training_step_may_skip_and_return_dict():
    class Odd(Lit):
        def training_step(self, batch, batch_idx):
            if batch_idx % 2:
                return None
            x, y = batch
            return {"loss": F.cross_entropy(self(x), y)}
    trainer = rt.Trainer(max_epochs=1, enable_progress_bar=False)
    x, y = _data()
    trainer.fit(Odd(), _loader(x, y))
    assert trainer.global_step == 3


def test_trainer_errors():
    x, y = _data(32)
    with pytest.raises(TypeError, match="rt.Model"):
        rt.Trainer(max_epochs=1).fit(rt.nn.Linear(5, 2), _loader(x, y))

    class NoOpt(rt.Model):
        def __init__(self):
            super().__init__()
            self.fc = rt.Linear(5, 2)

        def training_step(self, batch, i):
            return F.cross_entropy(self.fc(batch[0]), batch[1])
    with pytest.raises(RuntimeError, match="configure_optimizers"):
        rt.Trainer(max_epochs=1, enable_progress_bar=False).fit(NoOpt(), _loader(x, y))

    class BadLog(Lit):
        def training_step(self, batch, i):
            self.log("vec", rt.ones(3))
            return super().training_step(batch, i)
    with pytest.raises(ValueError, match="scalar"):
        rt.Trainer(max_epochs=1, enable_progress_bar=False).fit(BadLog(), _loader(x, y))
    with pytest.raises(RuntimeError, match="self.log"):
        Lit().log("x", 1.0)
    with pytest.raises(ValueError, match="limit_train_batches"):
        rt.Trainer(limit_train_batches=1.5)
    with pytest.raises(ValueError, match="deterministic"):
        rt.Trainer(max_epochs=1, deterministic=True, enable_progress_bar=False).fit(
            Lit(), DataLoader(TensorDataset(rt.tensor(x), rt.tensor(y)), batch_size=8, num_workers=2, in_order=False))


@needs_saving
def test_checkpoint_and_resume(tmp_path):
    x, y = _data()
    ref = Lit(seed=3)
    rt.Trainer(max_epochs=4, enable_progress_bar=False).fit(ref, _loader(x, y))
    first = Lit(seed=3)
    trainer = rt.Trainer(max_epochs=2, default_root_dir=str(tmp_path), enable_progress_bar=False)
    trainer.fit(first, _loader(x, y))
    assert os.path.exists(tmp_path / "checkpoints" / "last.ckpt")
    resumed = Lit(seed=99)
    t2 = rt.Trainer(max_epochs=4, default_root_dir=str(tmp_path), enable_progress_bar=False)
    h = t2.fit(resumed, _loader(x, y), ckpt_path="last")
    assert h.epoch == [0, 1, 2, 3] and t2.global_step == 24
    for a, b in zip(resumed.get_weights(), ref.get_weights()):
        np.testing.assert_allclose(a, b, rtol=1e-6, atol=1e-7)


@needs_saving
def test_current_epoch_follows_lightning_and_a_checkpoint_saved_after_fit_resumes_after_it(tmp_path):
    x, y = _data()
    seen = []

    class Record(rt.callbacks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            seen.append(trainer.current_epoch)

    ref = Lit(seed=3)
    rt.Trainer(max_epochs=3, enable_progress_bar=False).fit(ref, _loader(x, y))
    first = Lit(seed=3)
    trainer = rt.Trainer(max_epochs=2, enable_progress_bar=False, callbacks=[Record()])
    assert trainer.current_epoch == 0
    trainer.fit(first, _loader(x, y))
    assert seen == [0, 1] and trainer.current_epoch == 2  # the running epoch inside fit, the count after
    trainer.save_checkpoint(tmp_path / "after_fit.ckpt")
    t2 = rt.Trainer(max_epochs=3, enable_progress_bar=False)
    h = t2.fit(Lit(seed=99), _loader(x, y), ckpt_path=tmp_path / "after_fit.ckpt")
    assert h.epoch == [0, 1, 2] and t2.current_epoch == 3 and t2.global_step == 18
    for a, b in zip(t2.model.get_weights(), ref.get_weights()):
        np.testing.assert_allclose(a, b, rtol=1e-6, atol=1e-7)
