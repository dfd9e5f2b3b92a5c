#!/usr/bin/env bash
# Installs every system and Python dependency of rustorch, then builds and installs the package
# (editable, build tree in ./build). Idempotent; works on Debian 12 and 13.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

APT_PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libopenblas-dev liblapack-dev liblapacke-dev
  libxtensor-dev libxtensor-blas-dev libxsimd-dev
  nlohmann-json3-dev
  libgtest-dev googletest
  openmpi-bin libopenmpi-dev
  dataset-fashion-mnist fortunes
)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: apt-get install ${missing[*]}"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

PY=${PYTHON:-python3}
$PY -m pip install -q --disable-pip-version-check -r requirements-dev.txt

# Editable install: Python files are used from the source tree, the extension is built in ./build
# (incremental) and the same build tree holds the GoogleTest binaries for ctest.
$PY -m pip install -q --disable-pip-version-check --no-build-isolation \
  -Cbuild-dir=build -Ccmake.define.RUSTORCH_BUILD_TESTS=ON -e .
