"""The wheel: `pip wheel .` builds one whose metadata is complete and whose files are the package
(extension, Python sources, type stubs, py.typed), and it installs into a new, empty virtual
environment (numpy comes in as a declared dependency) where `import rustorch` works.

One wheel build (~2-3 min on 2 cores; incremental in build/wheel afterwards) serves every test
here. CI runs it; set RUSTORCH_SKIP_WHEEL_TEST=1 to skip it explicitly (nothing else skips it).
"""
import email
import os
import shutil
import subprocess
import sys
import zipfile

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

pytestmark = [
    pytest.mark.skipif(os.environ.get("RUSTORCH_SKIP_WHEEL_TEST") == "1",
                       reason="RUSTORCH_SKIP_WHEEL_TEST=1 (explicit opt-out)"),
    pytest.mark.timeout(1500),
]


def _run(cmd, **kwargs):
    proc = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    assert proc.returncode == 0, f"{' '.join(map(str, cmd))} failed ({proc.returncode}):\n" + (
        proc.stdout[-4000:] + proc.stderr[-4000:])
    return proc


def _version():
    scope = {}
    with open(os.path.join(ROOT, "rustorch", "_version.py")) as f:
        exec(f.read(), scope)  # the single source of the version (a plain assignment)
    return scope["__version__"]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    env = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_ROOT_USER_ACTION="ignore")
    config = ["-Cbuild-dir=build/wheel"]  # reused: a second run rebuilds incrementally
    if shutil.which("ccache"):
        env.update(CCACHE_BASEDIR=ROOT, CCACHE_NOHASHDIR="1")
        config.append("-Ccmake.define.CMAKE_CXX_COMPILER_LAUNCHER=ccache")
    # --no-build-isolation: the build requirements (scikit-build-core, pybind11) are installed by
    # requirements-dev.txt, so the build needs no index.
    _run([sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "--no-build-isolation", "-w", str(out), *config],
         cwd=ROOT, env=env, timeout=1200)
    wheels = [f for f in os.listdir(out) if f.endswith(".whl")]
    assert len(wheels) == 1, wheels
    return os.path.join(out, wheels[0])


def test_wheel_metadata_is_complete(wheel):
    with zipfile.ZipFile(wheel) as zf:
        meta_name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        meta = email.message_from_bytes(zf.read(meta_name))
    assert meta["Name"] == "rustorch"
    assert meta["Version"] == _version()
    assert os.path.basename(wheel).startswith(f"rustorch-{_version()}-")
    assert "C++ engine" in meta["Summary"]
    assert meta["Requires-Python"] == ">=3.9"
    assert meta["License"] == "MIT" or meta["License-Expression"] == "MIT"
    assert any(r.startswith("numpy") for r in meta.get_all("Requires-Dist"))
    extras = set(meta.get_all("Provides-Extra"))
    assert {"test", "plot", "safetensors"} <= extras
    classifiers = meta.get_all("Classifier")
    assert "Typing :: Typed" in classifiers and "License :: OSI Approved :: MIT License" in classifiers
    assert meta["Description-Content-Type"] == "text/markdown"
    assert "# rustorch" in meta.get_payload()  # the README is the long description


def test_wheel_ships_the_package_and_nothing_else(wheel):
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
    extensions = [n for n in names if n.startswith("rustorch/_C.") and n.endswith(".so")]
    assert len(extensions) == 1, extensions  # the one built here, not a dev build's link
    for required in ["rustorch/__init__.py", "rustorch/_version.py", "rustorch/py.typed", "rustorch/_C/__init__.pyi",
                     "rustorch/nn/modules/linear.py", "rustorch/data/datasets.py"]:
        assert required in names, required
    stray = [n for n in names if not (n.startswith("rustorch/") or ".dist-info/" in n)]
    assert not stray, stray
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]


def test_wheel_installs_into_a_clean_venv_and_imports(wheel, tmp_path):
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], timeout=300)  # no system site-packages
    python = str(venv / "bin" / "python")
    # numpy arrives as the wheel's declared dependency, from pip's configured sources (its cache,
    # find-links, a local index or PyPI).
    _run([python, "-m", "pip", "install", "-q", wheel], timeout=600,
         env=dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_ROOT_USER_ACTION="ignore"))
    check = ("import rustorch as rt, sys; "
             "assert rt.__file__.startswith(sys.prefix), rt.__file__; "
             "x = rt.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True); (x @ x).sum().backward(); "
             "assert x.grad.tolist() == [[7.0, 11.0], [9.0, 13.0]], x.grad.tolist(); "
             "print(rt.__version__)")
    # run outside the repository, so the source tree cannot be imported instead of the install
    proc = _run([python, "-c", check], cwd=str(tmp_path), timeout=120,
                env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"})
    assert proc.stdout.strip() == _version()
