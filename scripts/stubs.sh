#!/usr/bin/env bash
# Regenerates the type stubs of the compiled module (rustorch/_C/*.pyi) from the built extension
# with pybind11-stubgen (scripts/gen_stubs.py). Run it after changing a binding and commit the
# result: tests/test_stubs.py fails when the checked-in stubs drift from the compiled module.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_python.sh
"$PY" scripts/gen_stubs.py "$PWD"
