"""The hadrill CLI: tag expressions, exit codes, the summary, and the lab command."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from hamodel.cli import (
    COULD_NOT_RUN, FAILED, PASSED, RunnerOutcome, app, deviation_lines, exit_code, project_root,
    summary_table, tag_expression,
)

ROOT = Path(__file__).resolve().parents[2]


def journal(drill: str, status: str = "passed", time: float | None = 23.5, **extra) -> dict:
    return {"drill": drill, "feature": "f", "book_ids": ["6.2.2.1"], "status": status, "deviations": [],
            "errors": [], "takeover_time": time, "seed": 1, **extra}


@pytest.mark.parametrize("expr,pytest_expr,behave_expr", [
    ("@sec-6.2.2.1", "sec-6.2.2.1", "@sec-6.2.2.1"),
    ("sec-6.2.1.1 or @sec-2.4.1", "sec-6.2.1.1 or sec-2.4.1", "@sec-6.2.1.1 or @sec-2.4.1"),
    ("not (@sec-8.2 and @wip)", "not (sec-8.2 and wip)", "not (@sec-8.2 and @wip)"),
])
def test_one_tag_expression_for_both_runners(expr, pytest_expr, behave_expr):
    assert tag_expression(expr, "pytest") == pytest_expr
    assert tag_expression(expr, "behave") == behave_expr


def test_exit_codes():
    ok = RunnerOutcome("pytest", 0, [journal("a")])
    bad = RunnerOutcome("behave", 1, [journal("a", "failed")])
    assert exit_code([ok]) == PASSED
    assert exit_code([ok, bad]) == FAILED
    assert exit_code([RunnerOutcome("pytest", 5, [])]) == COULD_NOT_RUN        # nothing collected
    assert exit_code([RunnerOutcome("behave", 0, [])]) == COULD_NOT_RUN        # nothing ran
    assert exit_code([ok, RunnerOutcome("pytest", 3, [journal("a")])]) == COULD_NOT_RUN  # internal error
    assert exit_code([]) == COULD_NOT_RUN


def test_summary_has_one_row_per_drill_and_a_column_per_runner():
    failed = journal("Crash nodeA", "failed", deviations=[{
        "check": "rg1 in clfindres on nodeB", "expected": "UP on nodeB", "observed": "DOWN",
        "passed": False, "source": "nodeB$ clfindres"}])
    outcomes = [RunnerOutcome("pytest", 1, [failed, journal("Pull a cable", time=None)]),
                RunnerOutcome("behave", 1, [failed])]
    console = Console(record=True, width=200)
    console.print(summary_table(outcomes))
    text = console.export_text()
    assert "Crash nodeA" in text and "FAILED" in text and "23.5" in text
    assert "not run" in text  # "Pull a cable" has no behave journal
    (line, _) = deviation_lines(outcomes)
    assert "book expects UP on nodeB, model showed DOWN" in line and "nodeB$ clfindres" in line


def test_project_root_is_found_from_a_subdirectory():
    assert project_root(ROOT / "tests" / "unit") == ROOT
    with pytest.raises(FileNotFoundError):
        project_root(Path("/"))


def test_lab_replays_a_script(tmp_path):
    script = tmp_path / "drill.lab"
    script.write_text("# start HACMP on nodeA\nnodeA$ smit clstart\nsettle\nnodeA$ clfindres\n")
    result = CliRunner().invoke(app, ["lab", "hotstandby", "--script", str(script), "--seed", "3"])
    assert result.exit_code == 0, result.output
    assert "nodeA$ clfindres" in result.output and "rg1" in result.output


def test_lab_script_errors_name_file_and_line_and_exit_2(tmp_path):
    script = tmp_path / "bad.lab"
    script.write_text("settle\nnodeQ$ netstat -in\n")
    result = CliRunner().invoke(app, ["lab", "hotstandby", "--script", str(script)])
    assert result.exit_code == 2
    assert f"{script}:2:" in result.output.replace("\n", "")
    assert "Traceback" not in result.output


def test_lab_on_an_unknown_fixture_exits_2():
    result = CliRunner().invoke(app, ["lab", "no_such_cluster", "--script", "/dev/null"])
    assert result.exit_code == 2


def test_lab_prompt_reads_lines_until_quit():
    result = CliRunner().invoke(app, ["lab", "hotstandby"], input="nodeA$ lssrc -g cluster\nbogus\nquit\n")
    assert result.exit_code == 0
    assert "clstrmgr" in result.output and "cannot read 'bogus'" in result.output
