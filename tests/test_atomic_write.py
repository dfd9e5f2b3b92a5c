"""atomic_write semantics, and the crash test: a process saving a large model over and over is
SIGKILLed at random moments; the file on disk must always be a complete, loadable earlier save.

Each file kind is killed 100 times (~20 s in all; RUSTORCH_KILL_SAVE_ROUNDS=n changes the count)."""
import os
import random
import signal
import stat
import subprocess
import sys
import time

import numpy as np
import pytest

import rustorch as rt
from rustorch.serialization import atomic_write

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KILL_ROUNDS = int(os.environ.get("RUSTORCH_KILL_SAVE_ROUNDS", "100"))


def test_replaces_on_success_and_keeps_mode(tmp_path):
    p = tmp_path / "f.bin"
    p.write_bytes(b"old")
    os.chmod(p, 0o640)
    with atomic_write(p) as f:
        f.write(b"new contents")
        assert p.read_bytes() == b"old"  # not visible until the block ends
    assert p.read_bytes() == b"new contents"
    assert stat.S_IMODE(os.stat(p).st_mode) == 0o640
    assert os.listdir(tmp_path) == ["f.bin"]


def test_text_mode_and_new_file(tmp_path):
    p = tmp_path / "log.csv"
    with atomic_write(p, "w") as f:
        f.write("epoch,loss\n0,1.5\n")
    assert p.read_text() == "epoch,loss\n0,1.5\n"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(os.stat(p).st_mode) == 0o666 & ~umask


def test_exception_leaves_old_file_and_no_temp(tmp_path):
    p = tmp_path / "f.bin"
    p.write_bytes(b"old")
    with pytest.raises(KeyError):
        with atomic_write(p) as f:
            f.write(b"partial")
            raise KeyError("boom")
    assert p.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["f.bin"]


def test_failed_save_keeps_previous_file(tmp_path):
    p = str(tmp_path / "w.safetensors")
    rt.save({"a": rt.ones(3)}, p)
    w = rt.ones(3)
    with pytest.raises(ValueError):
        rt.save({"a": w, "b": w}, p)  # shared memory: refused
    assert np.array_equal(rt.load(p)["a"].numpy(), np.ones(3, np.float32))
    assert os.listdir(tmp_path) == ["w.safetensors"]


def test_bad_arguments(tmp_path):
    with pytest.raises(ValueError, match="mode"):
        with atomic_write(tmp_path / "x", "a"):
            pass
    with pytest.raises(FileNotFoundError, match="does not exist"):
        with atomic_write(tmp_path / "nodir" / "x"):
            pass
    with pytest.raises(IsADirectoryError):
        with atomic_write(tmp_path):
            pass


# The saver: imports rustorch once, then per round forks a child that fills every weight with a
# version number and saves, forever; the test kills the child and inspects the file.
SAVER = r"""
import os, sys
import rustorch as rt
from rustorch import nn
from rustorch.autograd import no_grad
rt.set_num_threads(1)
kind, path = sys.argv[1], sys.argv[2]
model = nn.Sequential(*[nn.Linear(1024, 1024) for _ in range(6)])  # ~25 MB of float32
out = sys.stdout
for line in sys.stdin:
    start = int(line)
    pid = os.fork()
    if pid == 0:
        version = start
        try:
            while True:
                with no_grad():
                    for p in model.parameters():
                        p.fill_(float(version))
                out.write(f"begin {version}\n"); out.flush()
                if kind == "model":
                    rt.saving.save_model(model, path)
                else:
                    rt.save(model.state_dict(), path)
                out.write(f"saved {version}\n"); out.flush()
                version += 1
        except BaseException:
            import traceback
            traceback.print_exc()
            os._exit(1)  # never fall through into the parent's loop
    out.write(f"child {pid}\n"); out.flush()
    os.waitpid(pid, 0)
    out.write(f"reaped {pid}\n"); out.flush()
"""


def read_until(proc, prefix):
    lines = []
    while True:
        line = proc.stdout.readline()
        if not line:
            raise AssertionError(f"saver exited early; stderr: {proc.stderr.read()}")
        lines.append(line.split())
        if line.startswith(prefix):
            return lines
        if line.startswith("reaped"):  # the saving child died on its own: report instead of waiting forever
            raise AssertionError(f"the saving process exited unexpectedly; output {lines}")


def file_version(kind, path):
    if kind == "model":
        state = rt.saving.load_model(path).state_dict()
    else:
        state = rt.load(path)
    values = {float(v) for t in state.values() for v in np.unique(t.numpy())}
    assert len(values) == 1, f"mixed versions in one file: {sorted(values)[:5]}"
    return int(values.pop())


@pytest.mark.timeout(600)
@pytest.mark.parametrize("kind", ["safetensors", "model"])
def test_sigkill_during_save_never_corrupts_the_file(tmp_path, kind):
    path = str(tmp_path / ("m.zip" if kind == "model" else "m.safetensors"))
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.Popen([sys.executable, "-c", SAVER, kind, path], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    rng = random.Random(20261128)
    mid_save = 0
    try:
        # Time one complete save to aim the kills inside saves.
        proc.stdin.write("0\n")
        proc.stdin.flush()
        pid = int(read_until(proc, "child")[-1][1])
        read_until(proc, "saved")
        t0 = time.perf_counter()
        read_until(proc, "saved")
        save_seconds = time.perf_counter() - t0
        os.kill(pid, signal.SIGKILL)
        read_until(proc, "reaped")
        for round_ in range(1, KILL_ROUNDS + 1):
            start = round_ * 10_000  # versions stay below 2**24: exact in float32
            proc.stdin.write(f"{start}\n")
            proc.stdin.flush()
            pid = int(read_until(proc, "child")[-1][1])
            read_until(proc, "begin")
            time.sleep(rng.uniform(0.0, 1.5 * save_seconds))
            os.kill(pid, signal.SIGKILL)
            lines = read_until(proc, "reaped")
            begun = [int(v) for w, v in lines if w == "begin"] or [start]
            saved = [int(v) for w, v in lines if w == "saved"]
            version = file_version(kind, path)
            # The file is the last completed save, or the one in progress if its rename had happened.
            low = max(saved) if saved else None
            if low is None:
                assert version < start or version == start, version
            else:
                assert low <= version <= max(begun), (version, low, max(begun))
            mid_save += not saved or version != max(begun)
    finally:
        proc.kill()
        proc.wait()
    assert mid_save >= KILL_ROUNDS // 3, "kills did not land inside saves often enough to test anything"
