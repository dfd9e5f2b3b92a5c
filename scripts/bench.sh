#!/usr/bin/env bash
# The benchmark suite (benchmarks/, pytest-benchmark): rustorch, torch and NumPy side by side, in
# one run, on one thread count.
#   bash scripts/bench.sh           full suite; writes benchmarks/results.json, REPORT.md, ratios.png
#   bash scripts/bench.sh --quick   few rounds, small sizes, into a temporary folder: checks that
#                                   every row runs (scripts/test.sh runs it); never judges speed
# Further arguments go to pytest (e.g. -k matmul). Environment: RUSTORCH_BENCH_THREADS (default 2),
# BENCH_OUT (output folder), RUSTORCH_BENCH_STRICT=1 (a row whose rustorch op is missing fails).
# Uses the rustorch that `import rustorch` finds from the repo root (after scripts/setup.sh or
# scripts/dev_build.sh); it does not run the set-up itself.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_python.sh

quick=0
if [ "${1:-}" = "--quick" ]; then quick=1; shift; fi
if [ "$quick" = 1 ]; then
  out=${BENCH_OUT:-$(mktemp -d)}
  [ -n "${BENCH_OUT:-}" ] || trap 'rm -rf "$out"' EXIT
  opts=(--quick --benchmark-quiet --benchmark-disable-gc)
else
  out=${BENCH_OUT:-benchmarks}
  # Warm-up, then at least 15 rounds within ~1 s per case; each round at least 20 µs (many
  # iterations of a tiny op), so the timer's resolution does not matter; GC off while timing.
  opts=(--benchmark-warmup=on --benchmark-warmup-iterations=20 --benchmark-min-rounds=15
        --benchmark-max-time=1.0 --benchmark-min-time=0.00002 --benchmark-disable-gc
        --benchmark-sort=name --benchmark-columns=median,iqr,rounds,iterations)
fi
mkdir -p "$out"
rm -f "$out/results.json"

rc=0
"$PY" -m pytest -p no:cacheprovider -o addopts="" -q --timeout=600 benchmarks \
  --benchmark-json="$out/results.json" "${opts[@]}" "$@" || rc=$?
if [ -f "$out/results.json" ]; then
  "$PY" benchmarks/report.py "$out/results.json" --out "$out" || rc=$((rc ? rc : 1))
elif [ "$rc" -eq 0 ]; then
  echo "bench.sh: no results written"; rc=1
fi
exit "$rc"
