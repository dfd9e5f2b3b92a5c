#!/usr/bin/env bash
# The one test command (README, .ci/run): set-up (so it works on a fresh machine), then the C++
# tests (GoogleTest via CTest), the Python tests (pytest over tests/: with the docs' code blocks, the
# notebook, the stubs and the wheel), the HTML docs build (scripts/docs.sh) and the quick benchmark run.
# Every part runs; the script exits non-zero if any part failed (pytest's exit code 5, "no tests
# collected", counts as a failure like any other non-zero code).
#   RUSTORCH_SKIP_SETUP=1   skip scripts/setup.sh (the package is already built and importable)
#   RUSTORCH_BUILD_DIR=dir  the CMake build tree with the GoogleTest binary (default: build)
#   PYTEST_TIMEOUT=s        per-test timeout (default 300)
#   RUSTORCH_SKIP_HARDENING=1  skip the sanitizer build/run and the parser fuzzing
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${RUSTORCH_SKIP_SETUP:-0}" != 1 ]; then
  bash scripts/setup.sh
fi
source scripts/_python.sh

failed=()
part() {  # part NAME COMMAND...: runs it, records a failure instead of stopping
  local name=$1; shift
  echo
  echo "=== test.sh: $name"
  local rc=0
  "$@" || rc=$?
  if [ "$rc" -ne 0 ]; then failed+=("$name (exit $rc)"); fi
}

part "C++ tests (ctest)" \
  ctest --test-dir "${RUSTORCH_BUILD_DIR:-build}" --output-on-failure --no-tests=error \
    -j "${JOBS:-2}" --timeout 600
part "Python tests (pytest)" \
  "$PY" -m pytest -p no:cacheprovider --timeout="${PYTEST_TIMEOUT:-300}" tests
# Hardening (issue 13, docs/hardening.md): the engine, GoogleTests and a core pytest subset under
# ASan+UBSan, and the file-parser fuzz targets for a few seconds each. RUSTORCH_SKIP_HARDENING=1 skips both.
if [ "${RUSTORCH_SKIP_HARDENING:-0}" != 1 ]; then
  part "sanitizers: ASan+UBSan (scripts/sanitize.sh)" bash scripts/sanitize.sh
  part "parser fuzzing (scripts/fuzz.sh parsers)" env FUZZ_SECONDS="${FUZZ_SECONDS:-15}" bash scripts/fuzz.sh parsers
fi
part "docs (Sphinx, warnings are errors)" bash scripts/docs.sh
# Strict: every row must run (a row is added when its op lands; a missing op is a regression).
part "benchmarks, quick mode" \
  env RUSTORCH_BENCH_STRICT="${RUSTORCH_BENCH_STRICT:-1}" bash scripts/bench.sh --quick

echo
if [ "${#failed[@]}" -gt 0 ]; then
  echo "test.sh: FAILED: ${failed[*]}"
  exit 1
fi
echo "test.sh: all parts passed (ctest, pytest, sanitizers, parser fuzzing, docs, quick benchmarks)"
