"""Every ```python code block in README.md, docs/**/*.md and docs/**/*.rst runs, so the docs cannot
drift from the code.

The blocks of one file run in order in one namespace (a guide builds on its earlier blocks), in a
subprocess whose working directory is a temporary directory (files a snippet writes land there).
A block that must not run here (a long training run) is preceded by the line
``<!-- docs-test: skip (reason) -->`` (Markdown) or ``.. docs-test: skip (reason)`` (reST); skipped
blocks are counted and listed by ``test_skipped_blocks_are_listed``, never dropped silently.
Blocks in other languages (bash, cpp, text) are not run.
"""
import glob
import os
import re
import subprocess
import sys
import textwrap

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SKIP_MD = re.compile(r"<!--\s*docs-test:\s*skip\s*\((?P<reason>[^)]*)\)\s*-->")
SKIP_RST = re.compile(r"^\.\.\s+docs-test:\s*skip\s*\((?P<reason>[^)]*)\)")


def doc_files():
    files = [os.path.join(ROOT, "README.md")]
    for pattern in ("docs/**/*.md", "docs/**/*.rst", "examples/README.md"):
        files += sorted(glob.glob(os.path.join(ROOT, pattern), recursive=True))
    return [f for f in files if "_build" not in f and os.path.isfile(f)]


def markdown_blocks(text):
    """(line number, code, skip reason or None) of each ```python block."""
    blocks, lines, i = [], text.splitlines(), 0
    while i < len(lines):
        fence = re.match(r"^(\s*)(`{3,})\s*(\{?[\w+-]*\}?)", lines[i])  # ```python, ```bash, ```{include}
        if fence and fence.group(3) in ("python", "py"):
            indent, ticks, start = fence.group(1), fence.group(2), i + 1
            j = start
            while j < len(lines) and not re.match(rf"^\s*{ticks}\s*$", lines[j]):
                j += 1
            code = textwrap.dedent("\n".join(line[len(indent):] if line.startswith(indent) else line
                                             for line in lines[start:j]))
            previous = next((lines[k] for k in range(i - 1, -1, -1) if lines[k].strip()), "")
            skip = SKIP_MD.search(previous)
            blocks.append((start + 1, code, skip.group("reason") if skip else None))
            i = j + 1
        elif fence:  # a block in another language: jump over it whole
            ticks, j = fence.group(2), i + 1
            while j < len(lines) and not re.match(rf"^\s*{ticks}\s*$", lines[j]):
                j += 1
            i = j + 1
        else:
            i += 1
    return blocks


def rst_blocks(text):
    blocks, lines, i = [], text.splitlines(), 0
    while i < len(lines):
        if re.match(r"^\s*\.\.\s+code-block::\s*python\s*$", lines[i]):
            previous = next((lines[k] for k in range(i - 1, -1, -1) if lines[k].strip()), "")
            skip = SKIP_RST.search(previous.strip())
            j = i + 1
            while j < len(lines) and (not lines[j].strip() or lines[j].lstrip().startswith(":")):
                j += 1
            start = j
            while j < len(lines) and (not lines[j].strip() or lines[j].startswith((" ", "\t"))):
                j += 1
            blocks.append((start + 1, textwrap.dedent("\n".join(lines[start:j])), skip.group("reason") if skip else None))
            i = j
        else:
            i += 1
    return blocks


def blocks_of(path):
    with open(path) as f:
        text = f.read()
    return rst_blocks(text) if path.endswith(".rst") else markdown_blocks(text)


FILES = [f for f in doc_files() if blocks_of(f)]


def _rel(path):
    return os.path.relpath(path, ROOT)


def test_the_docs_have_code_to_check():
    assert sum(len(blocks_of(f)) for f in FILES) >= 20
    assert "docs/getting_started.md" in [_rel(f) for f in FILES]


@pytest.mark.parametrize("path", FILES, ids=_rel)
def test_code_blocks_run(path, tmp_path):
    # One script per file: each block is compiled with its own file name and line numbers, so a
    # failure points at the doc line; blocks share the namespace, in order.
    runner = ["import sys, traceback", "namespace = {'__name__': '__main__'}", "blocks = ["]
    for line, code, skip in blocks_of(path):
        if skip is None:
            runner.append(f"    ({line}, {code!r}),")
    runner += [
        "]",
        "for line, code in blocks:",
        f"    name = {_rel(path)!r} + ':' + str(line)",
        "    try:",
        "        exec(compile('\\n' * (line - 1) + code, " + repr(path) + ", 'exec'), namespace)",
        "    except BaseException:",
        "        print(f'--- docs block at {name} failed:', file=sys.stderr)",
        "        traceback.print_exc()",
        "        sys.exit(1)",
    ]
    script = tmp_path / "run_blocks.py"
    script.write_text("\n".join(runner) + "\n")
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""), MPLBACKEND="Agg")
    proc = subprocess.run([sys.executable, str(script)], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=240)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-5000:]


def test_skipped_blocks_are_listed():
    skipped = [(_rel(f), line, reason) for f in FILES for line, _, reason in blocks_of(f) if reason is not None]
    for path, line, reason in skipped:
        print(f"skipped docs block {path}:{line}: {reason}")
    for _, _, reason in skipped:
        assert reason.strip(), "a skipped block must say why"
    # Skipping is the exception: most of the documented code runs.
    total = sum(len(blocks_of(f)) for f in FILES)
    assert len(skipped) <= max(3, total // 10), skipped
