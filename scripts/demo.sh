#!/usr/bin/env bash
# The main job at this stage: set-up (so it works on a fresh machine), then a short demo of tensor
# ops and autograd (examples/tensor_demo.py). RUSTORCH_SKIP_SETUP=1 skips the set-up.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${RUSTORCH_SKIP_SETUP:-0}" != 1 ]; then
  bash scripts/setup.sh
fi
source scripts/_python.sh
PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}" "$PY" examples/tensor_demo.py
