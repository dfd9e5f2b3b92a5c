"""rt.plot: figures hold the data they were given (checked through matplotlib's artists)."""
import os

import numpy as np
import pytest

import rustorch as rt

matplotlib = pytest.importorskip("matplotlib")


def _trained(epochs=3):
    rng = np.random.RandomState(0)
    x = rng.randn(120, 4).astype(np.float32)
    y = (x[:, 0] > 0).astype(np.int64) + (x[:, 1] > 0).astype(np.int64)
    rt.manual_seed(0)
    model = rt.Sequential(rt.Linear(4, 3))
    model.compile("adam", "cross_entropy", metrics=["accuracy"])
    h = model.fit(x, y, epochs=epochs, validation_split=0.25, verbose=0)
    return model, h, x, y


def test_plot_history_curves():
    _, h, _, _ = _trained()
    fig = rt.plot.plot_history(h)
    axes = fig.get_axes()
    assert [ax.get_title() for ax in axes] == ["loss", "accuracy"]
    lines = {line.get_label(): line for line in axes[0].get_lines()}
    np.testing.assert_allclose(lines["train"].get_ydata(), h.history["loss"])
    np.testing.assert_allclose(lines["validation"].get_ydata(), h.history["val_loss"])
    np.testing.assert_array_equal(lines["train"].get_xdata(), [1, 2, 3])
    fig = rt.plot.plot_history(h.history, metrics="accuracy")
    assert [ax.get_title() for ax in fig.get_axes()] == ["accuracy"]
    with pytest.raises(KeyError, match="f1"):
        rt.plot.plot_history(h, metrics=["f1"])


def test_live_plot_writes_png_each_epoch(tmp_path):
    rng = np.random.RandomState(1)
    x = rng.randn(40, 4).astype(np.float32)
    y = rng.randint(0, 2, 40)
    model = rt.Sequential(rt.Linear(4, 2))
    model.compile("adam", "cross_entropy")
    path = tmp_path / "curves.png"
    sizes = []
    live = rt.plot.LivePlot(filename=str(path))
    model.fit(x, y, epochs=2, verbose=0, validation_data=(x, y),
              callbacks=[live, rt.callbacks.LambdaCallback(on_epoch_end=lambda e, logs: sizes.append(
                  os.path.getsize(path)))])
    assert len(sizes) == 2 and all(s > 1000 for s in sizes)
    with open(path, "rb") as f:
        assert f.read(8) == b"\x89PNG\r\n\x1a\n"
    assert live.history["loss"] == model.history.history["loss"]
    assert os.listdir(tmp_path) == ["curves.png"]  # temp files renamed away


def test_confusion_matrix_matches_sklearn():
    from sklearn.metrics import confusion_matrix
    model, _, x, y = _trained()
    fig = rt.plot.plot_confusion_matrix(model, x, y, class_names=["a", "b", "c"])
    pred = model.predict(x).numpy().argmax(1)
    np.testing.assert_array_equal(fig.confusion, confusion_matrix(y, pred, labels=[0, 1, 2]))
    ax = fig.get_axes()[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["a", "b", "c"]
    norm = rt.plot.plot_confusion_matrix(model, x, y, normalize="true")
    np.testing.assert_allclose(norm.confusion, confusion_matrix(y, pred, labels=[0, 1, 2], normalize="true"))
    with pytest.raises(ValueError, match="normalize"):
        rt.plot.plot_confusion_matrix(model, x, y, normalize="rows")


def test_plot_images_grid_and_titles():
    imgs = rt.rand(10, 1, 8, 8)
    labels = rt.tensor([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    preds = rt.tensor([0, 1, 2, 3, 4, 5, 6, 7, 8, 0])
    fig = rt.plot.plot_images(imgs, labels, preds, ncols=5)
    axes = fig.get_axes()
    assert len(axes) == 10
    np.testing.assert_allclose(axes[3].get_images()[0].get_array(), imgs[3, 0].numpy())
    assert axes[0].get_title() == "0\npred 0"
    assert axes[9].get_title() == "9\npred 0" and axes[9].title.get_color() == "red"
    fig = rt.plot.plot_images(rt.rand(3, 8, 8, 3))
    assert len(fig.get_axes()) == 3
    with pytest.raises(ValueError, match="plot_images"):
        rt.plot.plot_images(rt.rand(8))
