"""Runs each property group of the hypothesis fuzzing (tests/fuzz/props_*.py) in a child process
(harness.py): a crash or hang of the child is a failure that shows the case it was running."""
import json
import os
import signal
import subprocess
import sys
import tempfile

import pytest

import rustorch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from harness import GROUPS, PROFILE  # noqa: E402

# The quick profile is sized to finish well inside this; the long one is unbounded (scripts/fuzz.sh).
CHILD_TIMEOUT = 600 if PROFILE == "quick" else None


@pytest.mark.parametrize("group", GROUPS)
def test_fuzz_group(group):
    # The child imports the same rustorch package as this process (e.g. the sanitizer build's copy).
    package_root = os.path.dirname(os.path.dirname(os.path.abspath(rustorch.__file__)))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([package_root, os.environ.get("PYTHONPATH", "")]),
               RUSTORCH_FUZZ_PROFILE=PROFILE)
    stats = os.environ.get("RUSTORCH_FUZZ_STATS")
    with tempfile.TemporaryDirectory() as tmp:
        case_file = os.path.join(tmp, "case.json")
        args = [sys.executable, os.path.join(HERE, "harness.py"), "run", group, case_file] + ([stats] if stats else [])
        try:
            proc = subprocess.run(args, env=env, capture_output=True, text=True, timeout=CHILD_TIMEOUT)
            rc, out = proc.returncode, proc.stdout + proc.stderr
        except subprocess.TimeoutExpired as e:
            rc, out = "timeout", (e.stdout or b"").decode() + (e.stderr or b"").decode()
        last_case = open(case_file).read() if os.path.exists(case_file) else "(none)"
    print(out[-2000:])
    if rc == 0:
        return
    if rc == 1 and "FAILED property" in out:  # a Python-level property failure: hypothesis printed it
        report = out[out.index("FAILED property"):]  # the failures, not any output before them
        pytest.fail(f"fuzz group {group} found failures:\n{report[:8000]}", pytrace=False)
    what = (f"killed by {signal.Signals(-rc).name}" if isinstance(rc, int) and rc < 0
            else "hung (timeout)" if rc == "timeout" else f"exited with {rc}")
    if stats:
        with open(stats, "a") as f:
            f.write(json.dumps({"group": group, "profile": PROFILE, "cases": 0, "failures": [],
                                "crash": f"{what}: {last_case}"}) + "\n")
    pytest.fail(f"fuzz group {group} CRASHED ({what}) while running case:\n  {last_case}\n"
                f"reproduce: python tests/fuzz/harness.py replay '{last_case}'\n--- child output (tail) ---\n"
                f"{out[-6000:]}", pytrace=False)
