#!/usr/bin/env bash
# Installs every system and Python dependency of rustorch, then builds and installs the package
# (editable, build tree in ./build, with the GoogleTest binary for ctest).
# Idempotent: apt-get runs only for missing packages (and `apt-get update` only then); pip and the
# build are incremental. Works on Debian 12 (bookworm) and 13 (trixie): packages are named, never
# paths, and every name below exists in both releases.
# The interpreter: $PYTHON if set, else python3 (see scripts/_python.sh). torch is pinned
# (requirements-dev.txt): an unpinned torch would pull a multi-GB CUDA build.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_python.sh

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

APT_PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libopenblas-dev liblapack-dev liblapacke-dev
  libxtensor-dev libxtensor-blas-dev libxsimd-dev
  nlohmann-json3-dev
  libgtest-dev googletest
  openmpi-bin libopenmpi-dev iproute2
  dataset-fashion-mnist fortunes
)
# Debian's own python3 needs its headers for the extension, and venv for ./.venv (PEP 668).
case "$PY" in
  "$PWD/.venv/bin/python")
    [ -x "$PY" ] || APT_PACKAGES+=(python3-venv python3-dev python3-pip) ;;
  /usr/bin/*)
    APT_PACKAGES+=(python3-dev) ;;
esac

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: apt-get install ${missing[*]}"
  $SUDO apt-get update -q
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [ "$PY" = "$PWD/.venv/bin/python" ] && [ ! -x "$PY" ]; then
  echo "setup: creating ./.venv (the system python3 is externally managed)"
  python3 -m venv .venv
fi

export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore
echo "setup: pip requirements (${PY})"
"$PY" -m pip install -q -r requirements-dev.txt

# Editable install: Python files are used from the source tree, the extension is built in ./build
# (incremental) and the same build tree holds the GoogleTest binaries for ctest.
echo "setup: building rustorch (editable, ./build)"
"$PY" -m pip install -q --no-build-isolation \
  -Cbuild-dir=build -Ccmake.define.RUSTORCH_BUILD_TESTS=ON -e .
"$PY" -c "import rustorch, sys; print('setup: rustorch', rustorch.__version__, 'for', sys.executable)"
