"""Generates the type stubs of the compiled module rustorch._C with pybind11-stubgen.

    python scripts/gen_stubs.py [OUTPUT_ROOT]     (default: the repository root)

writes OUTPUT_ROOT/rustorch/_C/__init__.pyi and one .pyi per submodule (_C._linalg, ...): a stub
package, because _C has submodules. At import time the extension module wins over a directory
holding only .pyi files, so the stubs never shadow the real module; type checkers and editors read
them (rustorch/py.typed marks the package typed).

pybind11-stubgen's output is fixed up in the places below, all from the live module, not by hand:
- the custom type casters name their Python types ``Tensor`` and ``Number`` (short, for readable
  docstrings): submodule stubs import ``Tensor`` from the package, and ``Number`` is declared as
  the alias of the Python numbers it accepts;
- named tuples built with collections.namedtuple (``linalg_svd``, ``return_types.max``, ...) carry a
  ``__module__`` that is not importable, so stubgen writes a bogus import for them: they become
  ``typing.NamedTuple`` classes with their real fields;
- stubgen reads the dtype caster's name ``dtype`` as ``numpy.dtype``: it becomes ``DType``, an alias
  of rustorch's dtype class;
- a defaulted parameter before required ones (legal in pybind11, not in Python) loses its default;
- a parameter named like a Python keyword (``from``) gets a trailing underscore, as in torch's stubs;
- ``dtype.__reduce__``'s signature holds a C++ type; it is written as ``typing.Any``;
- ``bool``, ``float``, ``int`` and ``device`` in annotations are qualified (``builtins.bool``, the
  ``_device`` alias): _C defines ``bool``/``float`` dtypes and Tensor has ``bool()``, ``float()``,
  ``int()`` methods and a ``device`` property, which a bare name would refer to.
The test tests/test_stubs.py regenerates into a temporary directory and fails if the checked-in
stubs differ, so regenerate (scripts/stubs.sh) whenever a binding changes.
"""
import keyword
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)  # this checkout's rustorch (a dev build links _C into the source tree)
# Number: what the Scalar caster accepts. DType: rustorch's dtype class under a name that no
# member shadows (inside `class Tensor`, `dtype` would mean the Tensor.dtype property).
ALIASES = ('Number: typing.TypeAlias = typing.Union[builtins.bool, builtins.int, builtins.float]\n'
           'DType: typing.TypeAlias = "dtype"\n'
           '_device: typing.TypeAlias = "device"\n')
# stubgen reads the DType caster's name "dtype" as NumPy's dtype
NUMPY_DTYPE = "numpy.dtype[typing.Any]"


def run_stubgen(output_root):
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    cmd = [sys.executable, "-m", "pybind11_stubgen", "rustorch._C", "-o", output_root, "--exit-code",
           "--ignore-unresolved-names", r"^(Tensor|Number)$",
           "--ignore-invalid-expressions", r"detail::"]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"gen_stubs: pybind11-stubgen failed (exit {proc.returncode})")


def _namedtuple_stub(name, cls):
    lines = [f"class {name}(typing.NamedTuple):"]
    doc = (cls.__doc__ or "").strip()
    if doc and not doc.startswith(f"{name}("):  # namedtuple's default doc repeats the fields
        lines.append(f'    """{doc}"""')
    lines += [f"    {field}: Tensor" for field in cls._fields]
    return "\n".join(lines) + "\n"


def _ensure_import(text, line):
    if line in text.splitlines():
        return text
    # after `from __future__ import annotations` (which must come first)
    marker = "from __future__ import annotations\n"
    return text.replace(marker, marker + line + "\n", 1)


def _module(module_name):
    """The (sub)module object: pybind11 submodules are attributes, not entries of sys.modules."""
    import rustorch

    module = rustorch
    for part in module_name.split(".")[1:]:
        module = getattr(module, part)
    return module


def fix_stub(path, module_name):
    module = _module(module_name)
    with open(path) as f:
        text = f.read()
    is_package = module_name == "rustorch._C"
    # Named tuples whose __module__ is not where they live: drop the bogus import, add a stub class.
    stubs = []
    for match in list(re.finditer(r"^from ([\w.]+) import (\w+)\n", text, flags=re.M)):
        source, name = match.group(1), match.group(2)
        obj = getattr(module, name, None)
        if isinstance(obj, type) and issubclass(obj, tuple) and hasattr(obj, "_fields") and source != module_name:
            text = text.replace(match.group(0), "", 1)
            stubs.append(_namedtuple_stub(name, obj))
    if stubs:
        text = _ensure_import(text, "import typing")
        text = text.rstrip("\n") + "\n" + "".join(stubs)
    text = text.replace(NUMPY_DTYPE, "DType")
    text = text.replace("tuple[..., ", "tuple[typing.Any, ")  # an invalid (C++) expression stubgen left as ...
    text = qualify_annotations(text)
    text = fix_default_order(text)
    if "builtins." in text:
        text = _ensure_import(text, "import builtins")
    # A parameter named like a keyword (random_'s `from`, as in PyTorch) is not valid Python in a
    # stub; torch's own stubs spell it `from_`, and so do these.
    keywords = "|".join(sorted(keyword.kwlist))
    text = re.sub(rf"(?<=[(,] )({keywords})(?=: )|(?<=\()({keywords})(?=: )",
                  lambda m: (m.group(1) or m.group(2)) + "_", text)
    uses = lambda word: re.search(rf"\b{word}\b", text) is not None  # noqa: E731
    if is_package:
        text = _ensure_import(text, "import typing")
        text = _ensure_import(text, "import builtins")
        # declare Number right after the imports, before the first use
        first_def = re.search(r"^(__all__|class |def )", text, flags=re.M)
        text = text[:first_def.start()] + ALIASES + text[first_def.start():]
    else:
        names = [n for n in ("DType", "Number", "Tensor", "_device") if uses(n)]
        if names:
            text = _ensure_import(text, f"from rustorch._C import {', '.join(names)}")
    with open(path, "w") as f:
        f.write(text)


# Names that _C (rt.bool, rt.float: dtypes) or Tensor (Tensor.bool(), Tensor.float(), Tensor.device)
# define, so that a bare `bool` in an annotation would mean the dtype or the method: annotations
# name the builtins and the device class explicitly.
_SHADOWED = {"bool": "builtins.bool", "float": "builtins.float", "int": "builtins.int", "device": "_device"}


def qualify_annotations(text):
    """Rewrites shadowed names in signature and attribute lines (never inside docstrings)."""
    out, in_doc = [], False
    pattern = re.compile(r"(?<![\w.'\"])(" + "|".join(_SHADOWED) + r")(?![\w'\"(])")
    for line in text.split("\n"):
        stripped = line.strip()
        quotes = stripped.count('"""')
        if in_doc or stripped.startswith('"""'):
            out.append(line)
            if quotes == 1:
                in_doc = not in_doc
            continue
        if stripped.startswith("def ") or re.match(r"^\s*[A-Za-z_]\w*: ", line):
            head, sep, tail = line.partition(": ") if not stripped.startswith("def ") else ("", "", line)
            if not stripped.startswith("def ") and re.match(r"^[A-Za-z_]\w*$", head.strip()):
                line = head + sep + pattern.sub(lambda m: _SHADOWED[m.group(1)], tail)  # the annotation only
            elif stripped.startswith("def "):
                name_end = line.index("(")
                line = line[:name_end] + pattern.sub(lambda m: _SHADOWED[m.group(1)], line[name_end:])
        out.append(line)
    return "\n".join(out)


def _split_params(params):
    """Top-level comma-separated parts of a parameter list (brackets and quotes nest)."""
    parts, depth, quote, current = [], 0, None, ""
    for ch in params:
        if quote:
            quote = None if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(current)
            current = ""
            continue
        current += ch
    if current.strip():
        parts.append(current)
    return parts


def fix_default_order(text):
    """pybind11 allows a defaulted argument before required ones (they are all passed
    positionally); Python syntax does not, so such earlier defaults are dropped in the stub."""
    out = []
    for line in text.split("\n"):
        m = re.match(r"^(\s*def \w+\()(.*)(\)\s*->.*:)$", line)
        if m:
            parts = [p.strip() for p in _split_params(m.group(2))]
            last_required = max((i for i, p in enumerate(parts) if "=" not in p and p not in ("*", "/")
                                 and not p.startswith("*") and p != "self"), default=-1)
            keyword_only = parts.index("*") if "*" in parts else len(parts)
            if any("=" in p for p in parts[:min(last_required, keyword_only)]):
                parts = [p.split("=")[0].rstrip() if i < min(last_required, keyword_only) else p
                         for i, p in enumerate(parts)]
                line = m.group(1) + ", ".join(parts) + m.group(3)
        out.append(line)
    return "\n".join(out)


def generate(output_root):
    package_dir = os.path.join(output_root, "rustorch", "_C")
    if os.path.isdir(package_dir):  # stubs of a submodule that no longer exists must go too
        for filename in os.listdir(package_dir):
            if filename.endswith(".pyi"):
                os.remove(os.path.join(package_dir, filename))
    run_stubgen(output_root)
    for filename in sorted(os.listdir(package_dir)):
        if filename.endswith(".pyi"):
            stem = filename[:-4]
            module_name = "rustorch._C" if stem == "__init__" else f"rustorch._C.{stem}"
            fix_stub(os.path.join(package_dir, filename), module_name)
    return package_dir


if __name__ == "__main__":
    print("gen_stubs: wrote", generate(os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else ROOT))
