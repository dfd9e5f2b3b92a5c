"""notebooks/quickstart.ipynb runs end to end, headless (nbclient, a fresh IPython kernel), on a
subset of Fashion-MNIST chosen through the environment variables the notebook reads
(RUSTORCH_NOTEBOOK_SUBSET training images, RUSTORCH_NOTEBOOK_EPOCHS epochs), and its outputs show
a trained model: no error output, the printed test accuracy above a threshold the subset reaches
with a wide margin, images drawn, and the reloaded model predicting identically."""
import os
import re

import pytest

nbformat = pytest.importorskip("nbformat", reason="nbformat/nbclient/ipykernel are in requirements-dev.txt")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NOTEBOOK = os.path.join(ROOT, "notebooks", "quickstart.ipynb")
FASHION = "/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"
SUBSET, EPOCHS = 4000, 3
# 4,000 images x 3 epochs of the notebook's CNN reach about 0.8 test accuracy; 0.65 leaves room for
# seeds and thread counts without letting an untrained model (0.1) or a broken one pass.
MIN_ACCURACY = 0.65


@pytest.mark.timeout(600)
@pytest.mark.skipif(not os.path.exists(FASHION), reason="Fashion-MNIST not installed (scripts/setup.sh installs it)")
def test_quickstart_notebook_runs_and_trains(monkeypatch):
    monkeypatch.setenv("RUSTORCH_NOTEBOOK_SUBSET", str(SUBSET))
    monkeypatch.setenv("RUSTORCH_NOTEBOOK_EPOCHS", str(EPOCHS))
    monkeypatch.setenv("PYTHONPATH", ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    monkeypatch.delenv("MPLBACKEND", raising=False)  # the kernel's inline backend draws the figures
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=480, kernel_name="python3", resources={"metadata": {"path": ROOT}})
    client.execute()  # raises CellExecutionError (with the traceback) if a cell fails

    outputs = [out for cell in nb.cells if cell.cell_type == "code" for out in cell.get("outputs", [])]
    assert not [out for out in outputs if out.output_type == "error"]
    text = "".join(out.get("text", "") for out in outputs if out.output_type == "stream")
    match = re.search(r"test accuracy ([0-9.]+)", text)
    assert match, text[-2000:]
    print("notebook:", match.group(0))
    assert float(match.group(1)) > MIN_ACCURACY, text[-2000:]
    assert f"train ({SUBSET}, 1, 28, 28)" in text  # the subset was used
    assert "reloaded model gives identical predictions: True" in text
    images = [out for out in outputs if out.output_type in ("display_data", "execute_result")
              and "image/png" in out.get("data", {})]
    assert len(images) >= 2  # the live training plot and the prediction grid
