"""The checked-in type stubs (rustorch/_C/*.pyi) match the compiled module: they are regenerated
into a temporary directory with scripts/gen_stubs.py (pybind11-stubgen) and compared file by file.
When this fails after a binding change, run `bash scripts/stubs.sh` and commit the stubs."""
import ast
import difflib
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STUB_DIR = os.path.join(ROOT, "rustorch", "_C")

pytest.importorskip("pybind11_stubgen", reason="pybind11-stubgen is in requirements-dev.txt")


def _stub_files(directory):
    return sorted(f for f in os.listdir(directory) if f.endswith(".pyi")) if os.path.isdir(directory) else []


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    out = tmp_path_factory.mktemp("stubs")
    proc = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "gen_stubs.py"), str(out)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return os.path.join(out, "rustorch", "_C")


def test_checked_in_stubs_match_the_compiled_module(regenerated):
    assert _stub_files(STUB_DIR) == _stub_files(regenerated), "run `bash scripts/stubs.sh` and commit rustorch/_C/"
    drift = []
    for name in _stub_files(STUB_DIR):
        with open(os.path.join(STUB_DIR, name)) as f:
            checked_in = f.read().splitlines()
        with open(os.path.join(regenerated, name)) as f:
            fresh = f.read().splitlines()
        if checked_in != fresh:
            diff = difflib.unified_diff(checked_in, fresh, f"checked-in {name}", f"regenerated {name}", lineterm="", n=1)
            drift.append("\n".join(list(diff)[:40]))
    assert not drift, "stubs drifted from the compiled module; run `bash scripts/stubs.sh`:\n" + "\n\n".join(drift)


def test_stubs_are_valid_python_and_cover_the_api():
    import rustorch as rt

    with open(os.path.join(STUB_DIR, "__init__.pyi")) as f:
        tree = ast.parse(f.read())
    top = {node.name: node for node in tree.body if isinstance(node, (ast.FunctionDef, ast.ClassDef))}
    # aliases (multiply = mul) are assignments
    top.update({t.id: node for node in tree.body if isinstance(node, ast.Assign) for t in node.targets
                if isinstance(t, ast.Name)})
    tensor_members = {n.name for n in top["Tensor"].body if isinstance(n, ast.FunctionDef)}
    # every public Tensor method and rt._C function of the compiled module has a stub
    assert {n for n in dir(rt.Tensor) if not n.startswith("_") and n in vars(rt._C.Tensor)} - tensor_members == set()
    functions = {n for n in dir(rt._C) if not n.startswith("_") and callable(getattr(rt._C, n))
                 and not isinstance(getattr(rt._C, n), type)}
    assert functions - set(top) == set()
    for name in _stub_files(STUB_DIR):
        with open(os.path.join(STUB_DIR, name)) as f:
            ast.parse(f.read(), filename=name)


def test_package_is_marked_typed():
    assert os.path.isfile(os.path.join(ROOT, "rustorch", "py.typed"))
