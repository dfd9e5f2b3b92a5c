#!/usr/bin/env bash
# Builds the HTML documentation into docs/_build/html with Sphinx. Warnings are errors (-W), and
# --keep-going reports all of them before failing. The API reference is generated from the live
# package (docs/conf.py), so the extension must be built (setup.sh, or dev_build.sh in a worktree).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_python.sh
"$PY" -m sphinx -W --keep-going -q -b html docs docs/_build/html "$@"
echo "docs: docs/_build/html/index.html"
