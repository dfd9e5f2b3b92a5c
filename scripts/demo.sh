#!/usr/bin/env bash
# The main job: set-up (so it works on a fresh machine), then train a CNN on Fashion-MNIST with the
# Keras-style API (examples/fashion_mnist_cnn.py): fit with a progress bar, print the test accuracy,
# save the model (model.save) and the training curves under runs/fashion_mnist_cnn/.
# RUSTORCH_SKIP_SETUP=1 skips the set-up; DEMO_EPOCHS (default 5) sets the number of epochs;
# further arguments go to the example (e.g. --out DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${RUSTORCH_SKIP_SETUP:-0}" != 1 ]; then
  bash scripts/setup.sh
fi
source scripts/_python.sh
PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}" "$PY" examples/fashion_mnist_cnn.py --epochs "${DEMO_EPOCHS:-5}" "$@"
