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
  log="$VENV/install.log"
  if ! { "$VENV/bin/python" -m pip install --upgrade pip && "$VENV/bin/python" -m pip install -e "$TOP[all]"; } >"$log" 2>&1; then
    grep -v "^WARNING: Location" "$log" | tail -40 >&2
    echo "installation failed; the whole log is in $log" >&2
    exit 1
  fi
  touch "$STAMP"
fi
export PATH="$VENV/bin:$PATH"
