"""Rank script for tests/test_distributed_mpi.py: Model.fit(distributed=True) and
Trainer(strategy='ddp') on 2 ranks, against the same training in one process on batches twice as
large (rank r's shard of each global batch is every other sample). Results: OUT_DIR/rank<r>.npz."""
import os
import sys

import numpy as np

import rustorch as rt
import rustorch.distributed as dist
import rustorch.nn.functional as F
from rustorch.data import DataLoader, TensorDataset

out_dir = sys.argv[1]
rng = np.random.RandomState(0)
X = rng.randn(64, 5).astype(np.float32)
Y = (X[:, 0] - X[:, 2] > 0).astype(np.int64)


def keras_model():
    rt.manual_seed(1)
    m = rt.Sequential([rt.Linear(5, 8), rt.ReLU(), rt.Linear(8, 2)])
    m.compile(rt.SGD(m.parameters(), lr=0.2, momentum=0.5), "cross_entropy", metrics=["accuracy"])
    return m


class Lit(rt.Model):
    def __init__(self):
        super().__init__()
        rt.manual_seed(2)
        self.fc1 = rt.Linear(5, 8)
        self.fc2 = rt.Linear(8, 2)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = F.cross_entropy(self(x), y)
        self.log("train_loss", loss)
        return loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        self.log("val_loss", F.cross_entropy(self(x), y))

    def configure_optimizers(self):
        return rt.SGD(self.parameters(), lr=0.2)


def flat(model):
    return np.concatenate([p.detach().numpy().reshape(-1) for p in model.parameters()])


def loader(batch_size):
    return DataLoader(TensorDataset(rt.tensor(X), rt.tensor(Y)), batch_size=batch_size)


dist.init_process_group("mpi", timeout=30)
rank = dist.get_rank()
res = {}

m = keras_model()
h = m.fit(X, Y, batch_size=8, epochs=3, shuffle=False, verbose=2, validation_data=(X[:20], Y[:20]),
          callbacks=[rt.callbacks.CSVLogger(os.path.join(out_dir, f"log_rank{rank}.csv"))], distributed=True)
res["fit_params"] = flat(m)
res["fit_loss"] = np.array(h.history["loss"])
res["fit_val_loss"] = np.array(h.history["val_loss"])
res["fit_accuracy"] = np.array(h.history["accuracy"])

lit = Lit()
trainer = rt.Trainer(max_epochs=2, strategy="ddp", enable_progress_bar=False)
th = trainer.fit(lit, loader(8), loader(10))
res["trainer_params"] = flat(lit)
res["trainer_loss"] = np.array(th.history["train_loss"])

if rank == 0:  # the single-process reference: global batches of 16
    ref = keras_model()
    rh = ref.fit(X, Y, batch_size=16, epochs=3, shuffle=False, verbose=0, validation_data=(X[:20], Y[:20]))
    res["ref_fit_params"] = flat(ref)
    res["ref_fit_loss"] = np.array(rh.history["loss"])
    res["ref_fit_val_loss"] = np.array(rh.history["val_loss"])
    res["ref_fit_accuracy"] = np.array(rh.history["accuracy"])
    ref_lit = Lit()
    rth = rt.Trainer(max_epochs=2, enable_progress_bar=False).fit(ref_lit, loader(16), loader(20))
    res["ref_trainer_params"] = flat(ref_lit)
    res["ref_trainer_loss"] = np.array(rth.history["train_loss"])
np.savez(os.path.join(out_dir, f"rank{rank}.npz"), **res)
print(f"rank {rank} done", flush=True)
