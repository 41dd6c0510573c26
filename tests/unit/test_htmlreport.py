"""The HTML report builder: analytics cut out, clear messages when Node or Allure is missing."""

import pytest

from hamodel.htmlreport import ReportError, build_report, neutralise

PAGE = """<html><head></head><body><div id="app"></div>
    <script src="data:text/javascript;base64,AAAA"></script>
    <script async src="https://www.googletagmanager.com/gtag/js?id=G-LNDJ3J7WT0"></script>
    <script>
        window.dataLayer = window.dataLayer || [];
        function gtag(){dataLayer.push(arguments);}
        gtag('js', new Date());
        gtag('config', 'G-LNDJ3J7WT0', {
          "report": "awesome"
        });
    </script>
    <script async>
        window.allureReportOptions = {};
    </script>
</body></html>"""


def test_the_analytics_loader_is_cut_out_and_the_rest_kept():
    page = neutralise(PAGE)
    assert "googletagmanager" not in page and "gtag" not in page
    assert "window.allureReportOptions" in page and "data:text/javascript" in page


def test_a_page_whose_analytics_cannot_be_cut_is_refused():
    with pytest.raises(ReportError, match="still loads Google Analytics"):
        neutralise('<script src="https://www.googletagmanager.com/other.js" defer></script>')


def test_without_results_or_allure_the_builder_says_what_is_missing(tmp_path, monkeypatch):
    assert "no Allure results" in build_report(tmp_path, [tmp_path / "none"]).message
    results = tmp_path / "reports" / "allure-results" / "pytest"
    results.mkdir(parents=True)
    (results / "x-result.json").write_text("{}")
    monkeypatch.setattr("shutil.which", lambda name: None)
    outcome = build_report(tmp_path, [results])
    assert not outcome.ok and "Node.js is not installed" in outcome.message and str(results.parent) in outcome.message
    monkeypatch.setattr("shutil.which", lambda name: "/usr/bin/node")
    outcome = build_report(tmp_path, [results])
    assert not outcome.ok and "npm ci" in outcome.message
    assert (results / "x-result.json").exists()  # the results are left alone


def test_the_quality_gate_names_every_drill_that_did_not_pass(tmp_path):
    import json

    from hamodel.cli import gate_failures
    results = tmp_path / "pytest"
    results.mkdir()
    (results / "a-result.json").write_text(json.dumps({"name": "Crash nodeA", "status": "passed"}))
    (results / "b-result.json").write_text(json.dumps({
        "name": "Pull pdisk0", "status": "failed",
        "statusDetails": {"message": "[takeover mismatch] rg1 in clfindres on nodeB: expected UP on nodeB\nmore"}}))
    (results / "c-result.json").write_text(json.dumps({"name": "Broken", "status": "broken"}))
    assert gate_failures([results]) == [
        "Pull pdisk0 (pytest): failed: [takeover mismatch] rg1 in clfindres on nodeB: expected UP on nodeB",
        "Broken (pytest): broken"]


def test_a_run_journal_keeps_every_drill_of_every_runner(tmp_path):
    import json

    from hamodel.cli import RunnerOutcome, write_run_journal
    drill = {"drill": "Crash nodeA", "book_ids": ["6.2.2.1"], "status": "passed", "category": None,
             "takeover_time": 24.0, "deviations": []}
    path = write_run_journal(tmp_path, [RunnerOutcome("pytest", 0, [drill]), RunnerOutcome("behave", 0, [drill])], 7, None)
    data = json.loads(path.read_text())
    assert data["seed"] == 7 and data["exit_status"] == 0
    assert data["runners"]["behave"]["drills"][0]["takeover_time"] == 24.0
