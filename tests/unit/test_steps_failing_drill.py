"""A drill whose model outcome differs from the book is reported failed, with its rows.

A throw-away feature expects rg1 on nodeB right after a normal start (the book,
and the model, put it on nodeA). It runs in a subprocess under pytest-bdd with
the real step library loaded as a plugin, and the test reads what the run left:
the exit status, the journal, and the Allure result with its expected-vs-observed
attachment.
"""

from __future__ import annotations

import json
import re
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

FEATURE = """\
@allure.label.epic:Harness_self-test
Feature: A deliberately wrong drill
  Scenario: rg1 expected on the wrong node
    The book puts rg1 on nodeA; this drill claims nodeB, so it must fail.

    Given the "hotstandby" cluster is loaded
    And cluster services are started on nodeA and nodeB
    Then lsvg -o on nodeA lists sharedvg
    And clfindres on nodeA shows rg1 UP on nodeB
    And lsvg -o on nodeB lists sharedvg
"""

TEST_MODULE = """\
from pytest_bdd import scenarios
scenarios("wrong.feature")
"""


def test_a_wrong_expectation_fails_the_drill_and_keeps_expected_and_observed(tmp_path):
    (tmp_path / "wrong.feature").write_text(FEATURE)
    (tmp_path / "test_wrong.py").write_text(TEST_MODULE)
    (tmp_path / "pytest.ini").write_text("[pytest]\nbdd_features_base_dir = .\n")
    results, reports = tmp_path / "allure", tmp_path / "reports"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
           "HADRILL_REPORTS": str(reports), "HADRILL_SEED": "1"}
    cmd = [sys.executable, "-m", "pytest", "-p", "steps.glue.pytest_bdd_glue", "-p", "no:allure_pytest",
           "-p", "no:faker", "-p", "no:cacheprovider", "--alluredir", str(results), "-q", str(tmp_path)]
    run = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)

    assert run.returncode == 1, run.stdout + run.stderr
    assert "expected UP on nodeB, observed UP on nodeA" in run.stdout

    (journal,) = (reports / "journal" / "pytest").glob("*.json")
    data = json.loads(journal.read_text())
    assert data["status"] == "failed"
    assert data["deviations"] == [{"check": "rg1 in clfindres on nodeA", "expected": "UP on nodeB",
                                   "observed": "UP on nodeA", "passed": False, "source": "nodeA$ clfindres"}]

    (result,) = [json.loads(p.read_text()) for p in results.glob("*-result.json")]
    assert result["status"] == "failed"
    attachment = next(a for a in result["attachments"] if a["name"] == "expected vs observed (JSON)")
    rows = json.loads((results / attachment["source"]).read_text())
    # The passing row before the failure is kept; the step after it never ran.
    assert [(r["check"], r["passed"]) for r in rows] == [("sharedvg varied on on nodeA", True),
                                                       ("rg1 in clfindres on nodeA", False)]
    names = {a["name"] for a in result["attachments"]}
    assert {"lab transcript", "seed", "timeline", "cluster after"} <= names
    # Logs are named <n>.<drill>.<node>.<log>, so that files saved from several drills keep apart.
    logs = {re.sub(r"^\d+\.[a-z0-9-]+\.", "", n) for n in names if re.match(r"^\d+\.[a-z0-9-]+\.node", n)}
    assert {"nodeA.hacmp.out", "nodeB.hacmp.out", "nodeA.cluster.log"} <= logs
    assert result["statusDetails"]["message"].count("[takeover mismatch]") == 1
    assert data["category"] == "takeover mismatch"


BEHAVE_CONFIG = """\
[tool.behave]
paths = ["features"]
default_format = "plain"
format = ["allure"]
outfiles = ["allure"]

[tool.behave.formatters]
allure = "steps.glue.allure_behave:DrillAllureFormatter"
"""


def test_behave_reports_the_same_failure_with_the_same_labels(tmp_path):
    # A project skeleton whose steps/ and environment.py are the real ones (symlinked),
    # so behave's base-dir discovery and `import steps` work as in the repo.
    (tmp_path / "features").mkdir()
    (tmp_path / "features" / "wrong.feature").write_text(FEATURE.replace(
        "  Scenario:", "  @sec-6.2.2.1 @allure.label.story:Self_test\n  Scenario:"))
    (tmp_path / "steps").symlink_to(ROOT / "steps", target_is_directory=True)
    (tmp_path / "environment.py").symlink_to(ROOT / "environment.py")
    (tmp_path / "pyproject.toml").write_text(BEHAVE_CONFIG)
    reports = tmp_path / "reports"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
           "HADRILL_REPORTS": str(reports), "HADRILL_SEED": "1"}
    run = subprocess.run([sys.executable, "-m", "behave", "features"], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=300)

    assert run.returncode == 1, run.stdout + run.stderr
    assert "expected UP on nodeB, observed UP on nodeA" in run.stdout
    (journal,) = (reports / "journal" / "behave").glob("*.json")
    data = json.loads(journal.read_text())
    assert (data["status"], data["book_ids"]) == ("failed", ["6.2.2.1"])
    assert [(d["expected"], d["observed"]) for d in data["deviations"]] == [("UP on nodeB", "UP on nodeA")]

    (result,) = [json.loads(p.read_text()) for p in (tmp_path / "allure").glob("*-result.json")]
    labels = {(label["name"], label["value"]) for label in result["labels"]}
    assert {("book_id", "6.2.2.1"), ("epic", "Harness self-test"), ("story", "Self test"),
            ("feature", "A deliberately wrong drill")} <= labels
    assert result["status"] == "failed"
    assert "expected vs observed" in {a["name"] for a in result["attachments"]}
