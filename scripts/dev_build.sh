#!/usr/bin/env bash
# Developer loop without installing: builds into ./build/dev (incremental, with the C++ tests) and
# links the extension into ./rustorch so that `import rustorch` works from the repo root
# (pytest adds the root to sys.path). Use it in git worktrees; an editable install of another
# checkout would shadow this one, so `pip uninstall rustorch` first if you have one.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-$(command -v python3)}
BUILD=${BUILD_DIR:-build/dev}
# ccache (when installed) lets git worktrees of the same sources share compiled objects.
launcher=()
if command -v ccache >/dev/null; then
  export CCACHE_BASEDIR=${CCACHE_BASEDIR:-/work} CCACHE_NOHASHDIR=1
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
if [ ! -f "$BUILD/build.ninja" ]; then
  cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DRUSTORCH_BUILD_TESTS=ON "${launcher[@]}" \
    -DPython_EXECUTABLE="$PY" -Dpybind11_DIR="$("$PY" -m pybind11 --cmakedir)" "$@" >/dev/null
fi
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-/work} CCACHE_NOHASHDIR=1
cmake --build "$BUILD" -j "${JOBS:-2}" -- -k 0
so=$(ls "$BUILD"/_C.*.so)
ln -sf "../$so" rustorch/
