# Sourced by the other scripts: sets PY, the interpreter rustorch is installed into and run with.
#   $PYTHON if set (e.g. a virtual environment's python);
#   else python3, unless python3 is an "externally managed" system interpreter (Debian's own
#   /usr/bin/python3 refuses pip installs, PEP 668): then the project's own ./.venv, which
#   scripts/setup.sh creates.
# shellcheck shell=bash
_rt_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ -n "${PYTHON:-}" ]; then
  PY=$PYTHON
elif [ -x "$_rt_root/.venv/bin/python" ]; then
  PY=$_rt_root/.venv/bin/python
elif python3 - <<'EOF' 2>/dev/null
import os, sys, sysconfig
managed = os.path.exists(os.path.join(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED"))
sys.exit(0 if managed and sys.prefix == sys.base_prefix else 1)
EOF
then
  PY=$_rt_root/.venv/bin/python   # created by setup.sh
else
  PY=$(command -v python3)
fi
export PY
