"""The HTML report, opened in a real headless Chromium (Debian's, driven by Playwright).

Usage::

    python -m pytest tests/browser -p no:allure_pytest_bdd      # needs /usr/bin/chromium and `npm ci`

The module runs a few real drills and one that fails on purpose
(tests/browser/failing.feature) under pytest-bdd, builds both forms of the
report in a temporary directory with :func:`hamodel.htmlreport.build_report`,
and checks what a reader does: find a drill by its book ID, open a failed
drill and read its expected-vs-observed rows. Every request the page makes is
recorded; none may leave the machine.
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from hamodel.cli import write_environment
from hamodel.htmlreport import build_report

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("HADRILL_CHROMIUM", "/usr/bin/chromium")
LOCAL = ("file://", "data:", "blob:", "about:", "http://127.0.0.1")


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: install Debian's chromium (apt-get install chromium)")
    base = tmp_path_factory.mktemp("report")
    results = base / "results"
    env = {**os.environ, "HADRILL_REPORTS": str(base)}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/test_features.py", "tests/browser/failing_drill.py",
         "-m", "sec-6.2.1.4 or sec-6.2.2.1 or sec-2.4.2.1", "-p", "no:allure_pytest",
         "--alluredir", str(results), "-q", "--tb=no"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert "1 failed" in run.stdout, f"the deliberately failing drill did not fail alone:\n{run.stdout[-1500:]}"
    write_environment(base, ["pytest"], 1, "@sec-6.2.1.4 or @sec-6.2.2.1 or @sec-2.4.2.1")
    (base / "reports" / "allure-results" / "pytest" / "environment.properties").replace(results / "environment.properties")
    outcome = build_report(ROOT, [results], base)
    assert outcome.ok, outcome.message
    return base / "reports"


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.requests = []  # type: ignore[attr-defined]
    page.on("request", lambda r: page.requests.append(r.url))
    yield page
    context.close()


(ROOT / "reports" / "screenshots").mkdir(parents=True, exist_ok=True)


def _open(page, report: Path) -> None:
    page.goto((report / "allure-report" / "index.html").as_uri())
    expect(page.get_by_text("Deliberately failing drill", exact=False).first).to_be_visible(timeout=20000)


def test_a_drill_is_found_by_its_book_id(page, report):
    """Search for the book ID, then open the chapter, the section family and the story."""
    _open(page, report)
    expect(page.get_by_text("Report checks", exact=True).first).to_be_visible()
    page.get_by_role("textbox", name="Search tests").fill("6.2.1.4")
    # The search filters the tree: drills of other sections leave it.
    expect(page.get_by_text("Report checks", exact=True)).to_have_count(0, timeout=10000)
    for group in ("Chapter 6 - Cluster tests", "6.2.1.4 and 6.2.4.3 SSA adapter and mirrored 7133 disk failures",
                  "6.2.1.4 SSA adapter failure"):
        page.get_by_text(group, exact=True).first.click()
    expect(page.get_by_text("Every cable of nodeA's SSA adapter ssa0 is pulled").first).to_be_visible(timeout=10000)
    expect(page.get_by_text("AIX crash on nodeA", exact=False)).to_have_count(0)


def test_a_failed_drill_shows_its_expected_vs_observed_rows(page, report):
    _open(page, report)
    page.get_by_text("Deliberately failing drill: rg1 expected on nodeB", exact=False).first.click()
    expect(page.get_by_text("UP on nodeB", exact=False).first).to_be_visible(timeout=10000)
    page.get_by_text("expected vs observed", exact=True).first.click()
    page.wait_for_timeout(500)
    frame_text = " ".join(f.inner_text("body") for f in page.frames if f != page.main_frame)
    body = page.inner_text("body") + frame_text
    # The table lists every check, passed ones too: the lsvg -o row passed before clfindres failed.
    assert "sharedvg varied on on nodeA" in body, body[-3000:]
    assert "rg1 in clfindres on nodeB" in body and "UP on nodeA" in body
    assert "Book 2.4.2.1: Hot standby" in body and "Failure category: takeover mismatch" in body
    page.screenshot(path=str(ROOT / "reports" / "screenshots" / "failed-drill.png"), full_page=True)


def test_the_seed_and_run_parameters_are_in_the_report(page, report):
    _open(page, report)
    body = page.inner_text("body")
    assert "seed" in body and "@sec-6.2.1.4 or @sec-6.2.2.1" in body


def test_failures_are_filed_under_their_category(page, report):
    _open(page, report)
    page.get_by_text("Categories", exact=False).first.click()
    expect(page.get_by_text("Takeover mismatch", exact=False).first).to_be_visible(timeout=10000)


def _picture(page, name: str) -> str:
    """The SVG text of an attachment picture as the page shows it: the image that appears when
    its attachment is opened (its own source, fetched as the page would)."""
    shown = {img.get_attribute("src") for img in page.locator("img").all()}
    page.get_by_text(name, exact=True).first.click()
    page.wait_for_timeout(700)
    for img in page.locator("img").all():
        src = img.get_attribute("src") or ""
        if src and src not in shown and img.is_visible():
            natural = img.evaluate("i => i.naturalWidth")
            assert natural > 300, f"{name}: the picture did not decode (width {natural})"
            return page.evaluate("async src => await (await fetch(src)).text()", src)
    raise AssertionError(f"no picture appeared for {name}")


def test_the_timeline_and_cluster_pictures_render(page, report):
    _open(page, report)
    page.get_by_text("Deliberately failing drill: rg1 expected on nodeB", exact=False).first.click()
    timeline = _picture(page, "timeline")
    assert "nodeA" in timeline and "nodeB" in timeline and "fault window" in timeline
    assert "! unplug nodeB en1" in timeline and "fail_standby" in timeline
    before = _picture(page, "cluster before")
    after = _picture(page, "cluster after")
    for svg in (before, after):
        assert "hub1" in svg and "nodeA_svc" in svg and "42:00:c0:a8:0a:01" in svg
    assert "cable out" in after and "cable out" not in before
    page.screenshot(path=str(ROOT / "reports" / "screenshots" / "pictures.png"), full_page=True)


def test_the_single_file_report_makes_no_request_outside_the_machine(page, report):
    _open(page, report)
    page.get_by_text("Deliberately failing drill", exact=False).first.click()
    page.wait_for_timeout(1000)
    outside = [u for u in page.requests if not u.startswith(LOCAL)]
    assert not outside, f"requests leaving the machine: {outside}"
    html = (report / "allure-report" / "index.html").read_text(encoding="utf-8")
    assert "googletagmanager" not in html


def test_the_served_report_renders_and_stays_local(page, report):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(report / "allure-site"))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/index.html")
        expect(page.get_by_text("Deliberately failing drill", exact=False).first).to_be_visible(timeout=20000)
        outside = [u for u in page.requests if not u.startswith(LOCAL)]
        assert not outside, f"requests leaving the machine: {outside}"
    finally:
        server.shutdown()
