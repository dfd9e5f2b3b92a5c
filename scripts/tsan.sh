#!/usr/bin/env bash
# ThreadSanitizer run (issue 13): builds the engine and the GoogleTest binary with
# RUSTORCH_TSAN=ON into build/tsan (no Python extension: see docs/hardening.md for why Python
# itself is not run under TSan) and runs the threaded tests, which hammer the thread pool, the
# caching allocator, grad mode and autograd recording through a shared leaf from several threads.
#   TSAN_FILTER=pattern   GoogleTest filter (default: Threads.*:Parallel*:Allocator*)
#   BUILD_DIR=dir         build tree (default build/tsan); JOBS=n build parallelism (default 2)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD_DIR:-build/tsan}
launcher=()
if command -v ccache >/dev/null; then
  export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$(dirname "$PWD")} CCACHE_NOHASHDIR=1
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
if [ ! -f "$BUILD/build.ninja" ]; then
  # clang at -O0: several times faster to compile than an optimized build, and TSan needs no
  # optimization (the threaded tests are small).
  cmake -S . -B "$BUILD" -G Ninja -DCMAKE_CXX_COMPILER="${TSAN_CXX:-clang++}" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O0 -g" \
    -DRUSTORCH_TSAN=ON -DRUSTORCH_BUILD_TESTS=ON -DRUSTORCH_BUILD_PYTHON=OFF "${launcher[@]}" >/dev/null
fi
echo "=== tsan.sh: building $BUILD (ThreadSanitizer)"
cmake --build "$BUILD" -j "${JOBS:-2}" --target rustorch_tests
echo "=== tsan.sh: threaded GoogleTests under ThreadSanitizer"
# halt_on_error: the first race fails the run; the report names both stacks.
TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:history_size=4" \
  "$BUILD/rustorch_tests" --gtest_filter="${TSAN_FILTER:-Threads.*:*Parallel*:*Allocator*}" --gtest_brief=1
echo "tsan.sh: no data races reported"
