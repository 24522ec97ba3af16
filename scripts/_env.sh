# Sourced by the scripts: makes sure .venv holds tidings and everything it needs.
# Re-installs when pyproject.toml changed since the last install.
set -euo pipefail
TOP="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY="${PYTHON:-python3}"
VENV="$TOP/.venv"
STAMP="$VENV/.tidings-installed"
if [ ! -x "$VENV/bin/python" ]; then
  echo "creating $VENV" >&2
  "$PY" -m venv "$VENV"
fi
if [ ! -f "$STAMP" ] || [ "$TOP/pyproject.toml" -nt "$STAMP" ]; then
  echo "installing tidings and its dependencies into $VENV (first run: a few minutes)" >&2
  "$VENV/bin/python" -m pip install --quiet --upgrade pip >&2
  "$VENV/bin/python" -m pip install --quiet -e "$TOP[all]" >&2
  touch "$STAMP"
fi
export PATH="$VENV/bin:$PATH"
