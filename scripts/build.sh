#!/usr/bin/env bash
# Incremental (re)build of the extension and the C++ tests into ./build, installed editable.
# Run scripts/setup.sh once first (dependencies); this only rebuilds.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_python.sh
PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore \
"$PY" -m pip install -q --no-build-isolation \
  -Cbuild-dir=build -Ccmake.define.RUSTORCH_BUILD_TESTS=ON -Cbuild.tool-args=-k0 -e . "$@"
