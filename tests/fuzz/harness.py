"""Crash-safe runner for the hypothesis property tests of the Python API (tests/fuzz).

Each property group (a ``props_<group>.py`` module) runs in a child process. Before a case runs,
the child writes it (as JSON) to a case file, so when the child dies (segfault, abort, sanitizer
report, hang) the parent reports the signal *and the reproducing input*. A Python-level failure
is reported by hypothesis itself (falsifying example) plus the same JSON.

A case is a JSON-able dict built by a property's strategy; ``check_<name>(case)`` runs it
deterministically (tensors are described by dtype, shape, layout and a NumPy seed; see
``common.py``), so any case can be replayed:

    python tests/fuzz/harness.py replay '<case json>'

Profiles (RUSTORCH_FUZZ_PROFILE): "quick" (default: derandomized, small; what pytest runs in CI)
and "long" (random, >= 100,000 cases in all; ``scripts/fuzz.sh long``).

Command line (used by test_fuzz.py and scripts/fuzz.sh):
    harness.py run <group> <case_file> [stats_file]   run one group's properties in this process
    harness.py replay '<json>'                         run one case
    harness.py summary <stats_file>                    print cases tried / failures per group
"""
import importlib
import json
import os
import sys
import time
import traceback
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

GROUPS = ["props_elementwise", "props_reduce", "props_shape", "props_index", "props_matmul", "props_nn",
          "props_files"]

PROFILE = os.environ.get("RUSTORCH_FUZZ_PROFILE", "quick")
LONG_SCALE = float(os.environ.get("RUSTORCH_FUZZ_LONG_SCALE", "1"))


class CaseLog:
    """Where the case about to run is written (overwritten per case, flushed to the OS so that it
    survives the process being killed) and how many cases ran."""

    def __init__(self, path):
        self.count = 0
        self._f = open(path, "w") if path else None

    def write(self, prop, case):
        self.count += 1
        if self._f is not None:
            self._f.seek(0)
            self._f.write(json.dumps({"prop": prop, "case": case}))
            self._f.truncate()
            self._f.flush()


LOG = CaseLog(None)


def examples(quick, long):
    """max_examples of a property under the active profile."""
    return quick if PROFILE == "quick" else max(1, int(long * LONG_SCALE))


def property_test(name, strategy, check, quick, long):
    """A hypothesis test that logs each case before running check(case)."""
    from hypothesis import HealthCheck, given, settings

    @settings(max_examples=examples(quick, long), deadline=None, database=None, derandomize=PROFILE == "quick",
              suppress_health_check=list(HealthCheck), print_blob=False)
    @given(strategy)
    def test(case):
        LOG.write(name, case)
        try:
            check(case)
        except AssertionError as e:
            raise AssertionError(f"{e}\n  replay: python tests/fuzz/harness.py replay '{json.dumps({'prop': name, 'case': case})}'") from None

    test.__name__ = name
    return test


def group_properties(group):
    mod = importlib.import_module(group)
    return [(p.name, p) for p in mod.PROPERTIES]


def run_group(group, case_file, stats_file=None):
    global LOG
    LOG = CaseLog(case_file)
    # Both libraries warn about suspicious but valid input (e.g. a loss target that broadcasts); over
    # thousands of cases the warnings would push a failure's report out of the captured output.
    warnings.simplefilter("ignore")
    failures = []
    per_prop = []
    for name, prop in group_properties(group):
        before = LOG.count
        t0 = time.time()
        try:
            property_test(name, prop.strategy, prop.check, prop.quick, prop.long)()
        except Exception:  # hypothesis re-raises the (shrunk) failure
            failures.append(name)
            print(f"FAILED property {group}.{name}:", file=sys.stderr)
            traceback.print_exc()
        per_prop.append((name, LOG.count - before, round(time.time() - t0, 1)))
        if stats_file:  # one line per finished property, so an interrupted long run still counts
            with open(stats_file, "a") as f:
                f.write(json.dumps({"group": group, "property": name, "profile": PROFILE, "cases": LOG.count - before,
                                    "failures": [name] if failures and failures[-1] == name else []}) + "\n")
    print(f"{group}: {LOG.count} cases, {len(failures)} failing properties {failures}")
    return 1 if failures else 0


def replay(text):
    entry = json.loads(text)
    for group in GROUPS:
        for name, prop in group_properties(group):
            if name == entry["prop"]:
                prop.check(entry["case"])
                print("replay: passed")
                return 0
    raise SystemExit(f"replay: no property named {entry['prop']!r}")


def summary(stats_file):
    total, failed = 0, []
    with open(stats_file) as f:
        rows = [json.loads(line) for line in f if line.strip()]
    for r in rows:
        total += r["cases"]
        failed += [f"{r['group']}.{p}" for p in r["failures"]]
        print(f"  {r['group'] + '.' + r.get('property', '*'):<32} {r['cases']:>8} cases  failing: {r['failures'] or 'none'}")
    crashed = [r for r in rows if r.get("crash")]
    for r in crashed:
        print(f"  {r['group']}: CRASH {r['crash']}")
    profile = rows[0]["profile"] if rows else PROFILE
    print(f"fuzz summary ({profile}): {total} cases tried, {len(failed) + len(crashed)} failures found"
          + (f": {failed + [r['group'] + ' crash' for r in crashed]}" if failed or crashed else ""))
    return 0


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "run":
        sys.exit(run_group(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else None))
    if cmd == "replay":
        sys.exit(replay(sys.argv[2]))
    if cmd == "summary":
        sys.exit(summary(sys.argv[2]))
    raise SystemExit(__doc__)
