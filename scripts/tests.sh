#!/usr/bin/env bash
# Run ALL of HA Drill's tests: unit and property tests, then the drills under
# pytest-bdd and under behave (both with Allure results in reports/allure-results/),
# then the HTML report opened in headless Chromium (needs Debian's chromium and npm).
#
# Usage: bash scripts/tests.sh
#
# Needs only Python 3.11+ (PYTHON=... to choose one); creates and fills .venv.
# Every stage runs even when an earlier one failed, so the reports are complete;
# the exit status is non-zero when any stage failed. A stage that collects no
# test at all (pytest exit status 5) counts as failed.
set -uo pipefail
cd "$(dirname "$0")/.."

set -e
source scripts/setup.sh
set +e
PY=.venv/bin/python

failed=()
stage() {  # stage NAME COMMAND...: run it, remember NAME when it fails
    local name=$1; shift
    echo "=== $name: $*"
    "$@"
    local rc=$?
    if [ "$rc" -ne 0 ]; then
        echo "=== $name failed (exit status $rc)"
        failed+=("$name")
    fi
}

mkdir -p reports/allure-results
# Unit and property tests: allure-pytest-bdd off (it only records BDD scenarios anyway).
stage "unit and property tests" "$PY" -m pytest tests --ignore=tests/test_features.py --ignore=tests/browser \
    -p no:allure_pytest_bdd -q
# The drills under pytest-bdd; -p no:allure_pytest keeps allure-pytest's --alluredir from clashing.
stage "drills (pytest-bdd)" "$PY" -m pytest tests/test_features.py -p no:allure_pytest \
    --alluredir reports/allure-results/pytest --clean-alluredir -q --tb=line
# The drills under behave; Allure output to reports/allure-results/behave comes from [tool.behave].
rm -rf reports/allure-results/behave
stage "drills (behave)" "$PY" -m behave features
# The HTML report in a real headless Chromium (Debian's chromium; .ci/run installs it).
stage "report in a browser" "$PY" -m pytest tests/browser -p no:allure_pytest_bdd -q

if [ "${#failed[@]}" -ne 0 ]; then
    printf 'FAILED: %s\n' "${failed[@]}"
    exit 1
fi
echo "all tests passed"
