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

source scripts/setup.sh
# Both runners by default (hadrill run alone uses pytest-bdd); a later --runner wins.
exec .venv/bin/hadrill run --runner both "$@"
