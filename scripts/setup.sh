#!/usr/bin/env bash
# Create .venv (Python 3.11+) and install HA Drill with its test extras, pinned by constraints.txt;
# install the report's npm packages (npm ci) when npm is there.
# Sourced by drills.sh and tests.sh; reinstalls only when pyproject.toml or constraints.txt changed.
# PYTHON=/path/to/python3.11 chooses the interpreter.
PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "HA Drill needs Python 3.11 or newer; '$PYTHON' is not (set PYTHON=...)" >&2
    exit 2
fi
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
if [ ! -f .venv/.installed ] || [ pyproject.toml -nt .venv/.installed ] || [ constraints.txt -nt .venv/.installed ]; then
    .venv/bin/python -m pip install --quiet --no-input --upgrade pip
    .venv/bin/python -m pip install --quiet --no-input -c constraints.txt -e '.[test]'
    touch .venv/.installed
fi
# The HTML report's Allure 3 command line (package.json, package-lock.json); without npm the
# drills still run and hadrill says what is missing for the report.
if command -v npm >/dev/null 2>&1; then
    if [ ! -d node_modules/allure ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
        npm ci --no-audit --no-fund --loglevel=error >/dev/null \
            || echo "npm ci failed: the drills run, but the HTML report will not be built" >&2
    fi
else
    echo "npm not found: the drills run, but the HTML report needs Node.js 20 and npm" >&2
fi
