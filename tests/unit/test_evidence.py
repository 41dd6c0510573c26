"""The drill record: every check kept as expected-vs-observed, failures raised with both."""

from __future__ import annotations

import json

import pytest

from steps.evidence import CheckFailed, Evidence


def test_a_passing_check_is_recorded():
    ev = Evidence()
    row = ev.check("rg1 location", "nodeA", "nodeA", source="nodeA$ clfindres")
    assert row.passed and ev.failed() == []
    assert ev.rows == [row]


def test_a_failing_check_is_recorded_and_raises_with_expected_and_observed():
    ev = Evidence()
    ev.check("sharedvg on nodeB", "listed", "listed")
    with pytest.raises(AssertionError) as info:
        ev.check("rg1 location", expected="UP on nodeB", observed="UP on nodeA", source="nodeB$ clfindres")
    assert isinstance(info.value, CheckFailed)
    message = str(info.value)
    assert "expected UP on nodeB" in message and "observed UP on nodeA" in message
    assert "nodeB$ clfindres" in message
    (row,) = ev.failed()
    assert (row.check, row.expected, row.observed, row.passed, row.source) == (
        "rg1 location", "UP on nodeB", "UP on nodeA", False, "nodeB$ clfindres")
    assert len(ev.rows) == 2  # the record keeps every row, passed ones included


def test_passed_overrides_equality_for_non_equality_checks():
    ev = Evidence()
    ev.check("sharedvg varied on", "sharedvg listed", "sharedvg, rootvg", passed=True)
    with pytest.raises(CheckFailed):
        ev.check("no appd", "no appd", "appd", passed=False)


def test_lists_and_none_render_readably():
    ev = Evidence()
    with pytest.raises(CheckFailed, match=r"expected nodeB, observed \(none\)"):
        ev.check("holders of rg1", ["nodeB"], [])


def test_json_and_html_hold_every_row():
    ev = Evidence()
    ev.check("a", "1", "1")
    with pytest.raises(CheckFailed):
        ev.check("b <tag>", "2", "3")
    rows = json.loads(ev.to_json())
    assert [(r["check"], r["passed"]) for r in rows] == [("a", True), ("b <tag>", False)]
    page = ev.to_html()
    assert "b &lt;tag&gt;" in page and page.count("<tr class=") == 2


def test_command_outputs_are_kept_in_order():
    ev = Evidence()
    ev.output("nodeB", "lsvg -o", "sharedvg\nrootvg\n", 0, 312.0)
    ev.output("nodeA", "clfindres", "clfindres: not running", 1, 313.0)
    text = ev.commands_text()
    assert text.index("nodeB$ lsvg -o") < text.index("nodeA$ clfindres")
    assert "(exit status 1)" in text


def test_errors_are_kept_once():
    ev = Evidence()
    ev.error("LabError: unknown host")
    ev.error("LabError: unknown host")
    assert ev.errors == ["LabError: unknown host"]
