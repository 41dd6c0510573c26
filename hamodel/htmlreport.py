"""The Allure HTML report: built by the Allure 3 command line from the runners' results, offline.

Usage::

    outcome = build_report(root, [root / "reports/allure-results/pytest", root / "reports/allure-results/behave"])
    outcome.ok, outcome.single_file, outcome.message

Allure 3 (npm ``allure``, pinned in ``package.json``, installed by ``npm ci``)
writes two forms: one self-contained ``reports/allure-report/index.html`` that
opens from disk, and ``reports/allure-site/`` to serve over HTTP. Its
"awesome" plugin always embeds a Google Analytics loader (allure3#476); the
report must make no request outside the machine, so :func:`neutralise` cuts it
out, and refuses a report where it cannot. Without Node or without the npm
packages the outcome says what is missing; the results stay where they are.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

#: the loader and its inline configuration, as Allure 3.18's awesome plugin writes them
ANALYTICS = re.compile(
    r'\s*<script async src="https://www\.googletagmanager\.com/[^"]*"></script>\s*'
    r"<script>\s*window\.dataLayer = window\.dataLayer \|\| \[\];.*?</script>", re.DOTALL)
FORMS = {"allurerc.mjs": "allure-report", "allurerc.site.mjs": "allure-site"}


@dataclass(frozen=True)
class ReportOutcome:
    ok: bool
    message: str
    single_file: Path | None = None
    site: Path | None = None
    seconds: float = 0.0

    @property
    def size(self) -> int:
        return self.single_file.stat().st_size if self.single_file and self.single_file.exists() else 0


class ReportError(Exception):
    """The report was built but is not fit to open (it would still call out of the machine)."""


def neutralise(html: str) -> str:
    """The page without its analytics loader; ReportError if any external script remains."""
    cleaned = ANALYTICS.sub("", html)
    if "googletagmanager" in cleaned or "gtag(" in cleaned:
        raise ReportError("the report still loads Google Analytics: Allure's page template changed; "
                          "update hamodel/htmlreport.py ANALYTICS")
    return cleaned


def _neutralise_tree(directory: Path) -> None:
    for page in directory.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if "googletagmanager" in text or "gtag(" in text:
            page.write_text(neutralise(text), encoding="utf-8")


def build_report(root: Path, results: list[Path], base: Path | None = None) -> ReportOutcome:
    """Generate both forms of the report from the given result directories, under
    ``base/reports`` (``root/reports`` by default; its history.jsonl gathers the trend)."""
    base = base or root
    found = [r for r in results if r.is_dir() and any(r.glob("*-result.json"))]
    if not found:
        return ReportOutcome(False, "no Allure results to build a report from (run the drills first)")
    if shutil.which("node") is None:
        return ReportOutcome(False, "Node.js is not installed: the HTML report needs Node 20 and `npm ci` "
                                    f"in {root}; the Allure results are kept in {found[0].parent}")
    allure = root / "node_modules" / ".bin" / "allure"
    if not allure.exists():
        return ReportOutcome(False, f"Allure 3 is not installed: run `npm ci` in {root} (package.json pins it); "
                                    f"the Allure results are kept in {found[0].parent}")
    start = time.perf_counter()
    for config, out in FORMS.items():
        if config == "allurerc.site.mjs":  # the site reads the history the single file just wrote
            history = base / "reports" / "history.jsonl"
            if history.exists():
                shutil.copyfile(history, base / "reports" / ".history-site.jsonl")
        target = base / "reports" / out
        shutil.rmtree(target, ignore_errors=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        proc = subprocess.run([str(allure), "generate", "--config", str(root / config), "--output", str(target),
                               *map(str, found)], cwd=base, capture_output=True, text=True,
                              stdin=subprocess.DEVNULL, check=False)
        if proc.returncode != 0:
            return ReportOutcome(False, f"allure generate failed (exit {proc.returncode}): "
                                        f"{(proc.stderr or proc.stdout).strip()[-800:]}")
        try:
            _neutralise_tree(target)
        except ReportError as err:
            shutil.rmtree(target, ignore_errors=True)
            return ReportOutcome(False, str(err))
    single = base / "reports" / "allure-report" / "index.html"
    return ReportOutcome(True, "report built", single, base / "reports" / "allure-site",
                         time.perf_counter() - start)
