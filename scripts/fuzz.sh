#!/usr/bin/env bash
# Fuzzing (issue 13; docs/hardening.md).
#   scripts/fuzz.sh [quick]   the hypothesis property tests of the Python API (tests/fuzz), quick
#                             profile (what pytest runs in CI)
#   scripts/fuzz.sh long      the same tests, long profile (>= 100,000 cases in all); prints the
#                             cases tried and the failures found (FUZZ_LONG_SCALE=k multiplies it)
#   scripts/fuzz.sh parsers   builds the libFuzzer targets in cpp/fuzz with clang into build/fuzz
#                             and runs each for FUZZ_SECONDS (default 60) from its seed corpus in
#                             cpp/fuzz/corpus/<target>; crashes land in build/fuzz/artifacts/
# Every hypothesis case runs in a child process that logs it before executing it, so a crash is a
# failure that names the reproducing input (tests/fuzz/harness.py).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_python.sh
mode=${1:-quick}

case "$mode" in
  quick|long)
    export RUSTORCH_FUZZ_PROFILE=$mode
    export RUSTORCH_FUZZ_STATS=${RUSTORCH_FUZZ_STATS:-build/fuzz-stats-$mode.jsonl}
    mkdir -p "$(dirname "$RUSTORCH_FUZZ_STATS")"
    : > "$RUSTORCH_FUZZ_STATS"
    rc=0
    "$PY" -m pytest -p no:cacheprovider -q --timeout=0 tests/fuzz "${@:2}" || rc=$?
    "$PY" -m tests.fuzz.harness summary "$RUSTORCH_FUZZ_STATS"
    exit $rc
    ;;
  parsers)
    BUILD=${BUILD_DIR:-build/fuzz}
    if [ ! -f "$BUILD/build.ninja" ]; then
      cmake -S . -B "$BUILD" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DRUSTORCH_FUZZ=ON \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="" >/dev/null
    fi
    cmake --build "$BUILD" -j "${JOBS:-2}"
    mkdir -p "$BUILD/artifacts"
    failed=()
    shopt -s nullglob
    targets=("$BUILD"/*_fuzz)
    [ "${#targets[@]}" -gt 0 ] || { echo "fuzz.sh: no fuzz targets built in $BUILD" >&2; exit 1; }
    for target in "${targets[@]}"; do
      name=$(basename "$target")
      seeds=cpp/fuzz/corpus/$name
      work=$BUILD/corpus/$name  # grows as the fuzzer finds new coverage; the seeds stay as they are
      mkdir -p "$work"
      echo "=== fuzz.sh: $name for ${FUZZ_SECONDS:-60} s (seeds: $seeds)"
      # -rss_limit_mb / -malloc_limit_mb: an unbounded allocation from a hostile header is a failure.
      dict=()
      if [ -f "cpp/fuzz/$name.dict" ]; then dict=(-dict="cpp/fuzz/$name.dict"); fi
      if ! "$target" "$work" "$seeds" "${dict[@]}" -max_total_time="${FUZZ_SECONDS:-60}" -rss_limit_mb=1024 \
          -malloc_limit_mb=256 -max_len=65536 -timeout=10 -print_final_stats=1 \
          -artifact_prefix="$BUILD/artifacts/$name-" 2>"$BUILD/$name.log"; then
        failed+=("$name")
        tail -40 "$BUILD/$name.log"
      fi
      grep -E "stat::number_of_executed_units|stat::peak_rss_mb|cov:" "$BUILD/$name.log" | tail -3
    done
    # The model file (a zip read in Python): atheris, coverage-guided through rustorch.serialization.
    if "$PY" -c "import atheris" 2>/dev/null; then
      echo "=== fuzz.sh: model_file (atheris) for ${FUZZ_SECONDS:-60} s"
      mkdir -p "$BUILD/corpus/model_file"
      if ! PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}" "$PY" tests/fuzz/atheris_model_file.py "$BUILD/corpus/model_file" -max_total_time="${FUZZ_SECONDS:-60}" \
          -rss_limit_mb=2048 -timeout=20 -print_final_stats=1 -artifact_prefix="$BUILD/artifacts/model_file-" \
          2>"$BUILD/model_file.log"; then
        failed+=("model_file")
        tail -40 "$BUILD/model_file.log"
      fi
      grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$BUILD/model_file.log" | tail -2
    else
      echo "fuzz.sh: atheris not installed (pip install atheris): model_file target skipped; its hypothesis" \
           "property (tests/fuzz/props_files.py::model_file) still runs with pytest"
    fi
    if [ "${#failed[@]}" -gt 0 ]; then
      echo "fuzz.sh: FAILED: ${failed[*]} (reproducers in $BUILD/artifacts; run: $BUILD/<target> <file>)"
      exit 1
    fi
    echo "fuzz.sh: parsers: no crashes"
    ;;
  *)
    echo "usage: scripts/fuzz.sh [quick|long|parsers]" >&2
    exit 2
    ;;
esac
