#!/usr/bin/env bash
# Run every HA Drill drill under pytest-bdd and behave, print the verdicts, leave reports/.
#
# Usage: bash scripts/drills.sh [hadrill run options]
#        bash scripts/drills.sh --seed 7 --tags "@sec-6.2.2.1"
#
# Needs only Python 3.11+ (set PYTHON=/path/to/python3.11 to choose one). Creates
# .venv on first use and installs the project with its test extras into it.
# Exit status is hadrill's: 0 all drills passed, 1 a drill failed, 2 could not run.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "HA Drill needs Python 3.11 or newer; '$PYTHON' is not (set PYTHON=...)" >&2
    exit 2
fi
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
# Reinstall only when the dependency pins changed: pip would otherwise rebuild the editable wheel every run.
if [ ! -f .venv/.installed ] || [ pyproject.toml -nt .venv/.installed ]; then
    .venv/bin/python -m pip install --quiet --no-input --upgrade pip
    .venv/bin/python -m pip install --quiet --no-input -e '.[test]'
    touch .venv/.installed
fi

exec .venv/bin/hadrill run "$@"
