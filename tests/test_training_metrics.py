"""rt.metrics against sklearn.metrics / NumPy, accumulated over several batches."""
import numpy as np
import pytest
from sklearn import metrics as skm

import rustorch as rt
from rustorch.training import losses as L

RNG = np.random.RandomState(0)
N, C = 203, 5
LOGITS = RNG.randn(N, C).astype(np.float32)
LABELS = RNG.randint(0, C, N)
LABELS[:40] = LOGITS[:40].argmax(1)  # some right answers, so scores are not all near chance
BIN_SCORES = RNG.rand(N).astype(np.float32)
BIN_LABELS = (RNG.rand(N) < BIN_SCORES).astype(np.float32)


def _batched(metric, y_true, y_pred, batch=37, weights=None):
    metric.reset_state()
    for i in range(0, len(y_true), batch):
        w = None if weights is None else rt.tensor(weights[i:i + batch])
        metric.update_state(rt.tensor(y_true[i:i + batch]), rt.tensor(y_pred[i:i + batch]), w)
    return metric.result()


@pytest.mark.parametrize("average", ["macro", "micro", "weighted"])
def test_multiclass_precision_recall_f1_match_sklearn(average):
    pred = LOGITS.argmax(1)
    for cls, fn in ((rt.metrics.Precision, skm.precision_score), (rt.metrics.Recall, skm.recall_score),
                    (rt.metrics.F1Score, skm.f1_score)):
        got = _batched(cls(average=average), LABELS, LOGITS)
        assert got == pytest.approx(fn(LABELS, pred, average=average, zero_division=0), abs=1e-12), cls.__name__


def test_multiclass_with_absent_class_matches_sklearn():
    labels = LABELS.copy()
    labels[labels == 4] = 0
    logits = LOGITS.copy()
    logits[:, 4] = -10  # class 4 neither true nor predicted: sklearn's macro skips it
    pred = logits.argmax(1)
    got = _batched(rt.metrics.F1Score(), labels, logits)
    assert got == pytest.approx(skm.f1_score(labels, pred, average="macro", zero_division=0), abs=1e-12)


def test_binary_precision_recall_f1_match_sklearn():
    pred = (BIN_SCORES > 0.5).astype(int)
    for cls, fn in ((rt.metrics.Precision, skm.precision_score), (rt.metrics.Recall, skm.recall_score),
                    (rt.metrics.F1Score, skm.f1_score)):
        got = _batched(cls(), BIN_LABELS, BIN_SCORES[:, None])
        assert got == pytest.approx(fn(BIN_LABELS, pred), abs=1e-12)
    # logits thresholded at 0
    logits = np.log(BIN_SCORES / (1 - BIN_SCORES))
    got = _batched(rt.metrics.Precision(from_logits=True), BIN_LABELS, logits.astype(np.float32))
    assert got == pytest.approx(skm.precision_score(BIN_LABELS, pred), abs=1e-12)


def test_sample_weighted_precision_matches_sklearn():
    w = RNG.rand(N).astype(np.float32)
    got = _batched(rt.metrics.Precision(average="weighted"), LABELS, LOGITS, weights=w)
    expected = skm.precision_score(LABELS, LOGITS.argmax(1), average="weighted", sample_weight=w, zero_division=0)
    assert got == pytest.approx(expected, rel=1e-6)


def test_accuracy_variants_match_sklearn():
    acc = skm.accuracy_score(LABELS, LOGITS.argmax(1))
    assert _batched(rt.metrics.SparseCategoricalAccuracy(), LABELS, LOGITS) == pytest.approx(acc)
    assert _batched(rt.metrics.Accuracy(), LABELS, LOGITS) == pytest.approx(acc)  # resolved by shape: sparse
    onehot = np.eye(C, dtype=np.float32)[LABELS]
    assert _batched(rt.metrics.CategoricalAccuracy(), onehot, LOGITS) == pytest.approx(acc)
    assert _batched(rt.metrics.Accuracy(), onehot, LOGITS) == pytest.approx(acc)  # one-hot targets
    bin_acc = skm.accuracy_score(BIN_LABELS, BIN_SCORES > 0.5)
    assert _batched(rt.metrics.BinaryAccuracy(), BIN_LABELS, BIN_SCORES) == pytest.approx(bin_acc)
    assert _batched(rt.metrics.Accuracy(), BIN_LABELS, BIN_SCORES[:, None]) == pytest.approx(bin_acc)
    w = RNG.rand(N).astype(np.float32)
    got = _batched(rt.metrics.SparseCategoricalAccuracy(), LABELS, LOGITS, weights=w)
    assert got == pytest.approx(skm.accuracy_score(LABELS, LOGITS.argmax(1), sample_weight=w), rel=1e-6)


def test_top_k_matches_sklearn():
    for k in (1, 2, 3):
        expected = skm.top_k_accuracy_score(LABELS, LOGITS, k=k, labels=list(range(C)))
        assert _batched(rt.metrics.SparseTopKCategoricalAccuracy(k=k), LABELS, LOGITS) == pytest.approx(expected)
        onehot = np.eye(C, dtype=np.float32)[LABELS]
        assert _batched(rt.metrics.TopKCategoricalAccuracy(k=k), onehot, LOGITS) == pytest.approx(expected)


def test_regression_metrics_match_sklearn():
    y = RNG.randn(N, 3).astype(np.float32)
    p = RNG.randn(N, 3).astype(np.float32)
    assert _batched(rt.metrics.MeanSquaredError(), y, p) == pytest.approx(skm.mean_squared_error(y, p), rel=1e-5)
    assert _batched(rt.metrics.MeanAbsoluteError(), y, p) == pytest.approx(skm.mean_absolute_error(y, p), rel=1e-5)


def test_compiled_metric_strings_resolve():
    model = rt.Sequential(rt.Linear(3, 4))
    model.compile("adam", "cross_entropy", metrics=["accuracy", "acc", "sparse_categorical_accuracy", "top_k_accuracy",
                                                    "mse", "mae", "precision", "recall", "f1"])
    assert [m.name for m in model.metrics] == ["accuracy", "acc", "sparse_categorical_accuracy", "top_k_accuracy",
                                                "mse", "mae", "precision", "recall", "f1"]
    model.compile("adam", "bce_with_logits", metrics=["accuracy", "binary_accuracy"])
    acc, bacc = model.metrics
    # compiled with a logits loss: threshold at 0, and 'accuracy' is binary accuracy
    y = rt.tensor([[1.0], [0.0], [1.0]])
    logits = rt.tensor([[0.2], [-0.1], [-0.3]])
    assert acc(y, logits) == pytest.approx(2 / 3)
    assert bacc(y, logits) == pytest.approx(2 / 3)


def test_metric_interface_and_foreign_objects():
    m = rt.metrics.SparseCategoricalAccuracy()
    m.update(rt.tensor([0, 1]), rt.tensor([[1.0, 0.0], [1.0, 0.0]]))
    assert m.result() == 0.5
    m.reset()
    assert m.result() == 0.0

    class Counter:  # torchmetrics-style names
        def __init__(self):
            self.n = 0

        def update(self, y_true, y_pred):
            self.n += y_true.shape[0]

        def result(self):
            return self.n

        def reset(self):
            self.n = 0
    model = rt.Sequential(rt.Linear(2, 2))
    model.compile("sgd", "cross_entropy", metrics=[Counter()])
    logs = model.evaluate(rt.randn(10, 2), rt.randint(0, 2, (10,)), batch_size=3, verbose=0, return_dict=True)
    assert logs["counter"] == 10.0

    def first_is_right(y_true, y_pred):
        return (y_pred.argmax(1) == y_true).float()
    model.compile("sgd", "cross_entropy", metrics=[first_is_right])
    assert "first_is_right" in model.evaluate(rt.randn(4, 2), rt.randint(0, 2, (4,)), verbose=0, return_dict=True)


def test_weighted_loss_is_keras_sum_over_batch_size():
    torch = pytest.importorskip("torch")
    logits = RNG.randn(6, 3).astype(np.float32)
    labels = RNG.randint(0, 3, 6)
    w = RNG.rand(6).astype(np.float32)
    loss = L.get("cross_entropy")
    got = loss(rt.tensor(logits), rt.tensor(labels), rt.tensor(w)).item()
    per = torch.nn.functional.cross_entropy(torch.from_numpy(logits), torch.from_numpy(labels), reduction="none")
    assert got == pytest.approx((per * torch.from_numpy(w)).sum().item() / 6, rel=1e-6)
    # a Module loss gets a per-sample copy; the original keeps its reduction
    module = rt.CrossEntropyLoss()
    got_m = L.get(module)(rt.tensor(logits), rt.tensor(labels), rt.tensor(w)).item()
    assert got_m == pytest.approx(got, rel=1e-6) and module.reduction == "mean"
    # a plain function cannot be weighted per sample
    with pytest.raises(ValueError, match="per-sample"):
        L.get(lambda p, t: (p - t).mean())(rt.tensor(logits), rt.tensor(logits), rt.tensor(w))


def test_metric_errors():
    with pytest.raises(ValueError, match="sparse_categorical_accuracy"):
        rt.metrics.SparseCategoricalAccuracy()(rt.tensor([[0, 1]]), rt.randn(1, 2, 3, 4))
    with pytest.raises(ValueError, match="labels must be in"):
        rt.metrics.F1Score()(rt.tensor([7]), rt.randn(1, 3))
    with pytest.raises(ValueError, match="average"):
        rt.metrics.Precision(average="samples")
    with pytest.raises(TypeError, match="is a class"):
        rt.Sequential(rt.Linear(2, 2)).compile("sgd", "mse", metrics=[rt.metrics.Precision])
