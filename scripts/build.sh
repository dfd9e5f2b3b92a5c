#!/usr/bin/env bash
# Incremental (re)build of the extension and the C++ tests into ./build, installed editable.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
$PY -m pip install -q --disable-pip-version-check --no-build-isolation \
  -Cbuild-dir=build -Ccmake.define.RUSTORCH_BUILD_TESTS=ON -Cbuild.tool-args=-k0 -e . "$@"
