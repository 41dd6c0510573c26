"""``hadrill``: run the drills, or open a lab on a cluster definition.

Usage::

    hadrill run                              # every drill, under pytest-bdd
    hadrill run --runner both                # under pytest-bdd and behave
    hadrill run --runner behave --seed 7 --tags "@sec-6.2.2.1"
    hadrill report                           # the HTML report from the results already there
    hadrill gate                             # quality gate: exit 1 naming every drill that failed
    hadrill lab hotstandby --script drill.lab
    hadrill lab hotstandby                   # interactive: nodeA$ netstat -in, ! unplug nodeA en0, settle

``run`` starts the test runners as subprocesses (``python -m pytest`` /
``python -m behave``): the model never imports a test framework. The seed goes
to the step library through ``$HADRILL_SEED``. When the runners are done it
reads the per-drill journals (``reports/journal/<runner>/*.json``) and prints
one line per drill, then builds the Allure HTML report (:mod:`hamodel.htmlreport`).
Exit status: 0 every drill passed, 1 a drill failed, 2 the drills could not run
(a runner crashed, nothing was collected). A report that cannot be built is
said, and changes nothing to the status: the results stay in reports/.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

app = typer.Typer(help="HA Drill: failure drills against a model of an HACMP 4.3 cluster.",
                  no_args_is_help=True, add_completion=False)
# Logs and CI have no terminal: give the summary table room instead of rich's 80 columns.
console = Console(width=None if sys.stdout.isatty() else 160)

PASSED, FAILED, COULD_NOT_RUN = 0, 1, 2
RUNNER_NAMES = {"pytest": "pytest-bdd", "behave": "behave"}


class Runner(str, Enum):
    pytest = "pytest"
    behave = "behave"
    both = "both"


@dataclass(frozen=True)
class RunnerOutcome:
    runner: str          # pytest | behave
    returncode: int
    journals: list[dict]

    @property
    def could_not_run(self) -> bool:
        """A crash, a usage error, or no drill at all: the verdicts cannot be trusted."""
        # pytest: 5 = no tests collected, 2-4 = interrupted/internal/usage errors; behave: 0 or 1.
        return not self.journals or self.returncode not in (0, 1)

    @property
    def failed(self) -> bool:
        return self.returncode != 0 or any(j.get("status") != "passed" for j in self.journals)


# --- helpers (pure, unit-tested) ------------------------------------------------------------
def project_root(start: Path | None = None) -> Path:
    """The nearest directory holding both pyproject.toml and features/ (the drills' home)."""
    here = (start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        if (d / "pyproject.toml").is_file() and (d / "features").is_dir():
            return d
    raise FileNotFoundError(f"no HA Drill project (pyproject.toml + features/) at or above {here}")


def tag_expression(expr: str, runner: str) -> str:
    """One tag expression for both runners: behave wants ``@tag``, pytest ``-m`` wants ``tag``."""
    def convert(m: re.Match[str]) -> str:
        word = m.group(0)
        if word in ("and", "or", "not"):
            return word
        bare = word.lstrip("@")
        return bare if runner == "pytest" else "@" + bare
    return re.sub(r"@?[\w.:\-/]+", convert, expr)


def read_journals(directory: Path) -> list[dict]:
    if not directory.is_dir():
        return []
    return [json.loads(p.read_text()) for p in sorted(directory.glob("*.json"))]


def exit_code(outcomes: list[RunnerOutcome]) -> int:
    if not outcomes or any(o.could_not_run for o in outcomes):
        return COULD_NOT_RUN
    return FAILED if any(o.failed for o in outcomes) else PASSED


def summary_table(outcomes: list[RunnerOutcome]) -> Table:
    """One row per drill; one verdict column per runner; the simulated takeover time."""
    runners = [o.runner for o in outcomes]
    by_drill: dict[str, dict[str, dict]] = {}
    for o in outcomes:
        for j in o.journals:
            by_drill.setdefault(j["drill"], {})[o.runner] = j
    table = Table(title="HA Drill results", show_lines=False)
    table.add_column("Drill")
    table.add_column("Book IDs")
    for r in runners:
        table.add_column(RUNNER_NAMES[r], justify="center")
    table.add_column("Takeover (s)", justify="right")
    for drill, per_runner in sorted(by_drill.items(), key=lambda kv: _first(kv[1])["book_ids"] or ["~"]):
        first = _first(per_runner)
        verdicts = [_verdict(per_runner.get(r)) for r in runners]
        times = {j.get("takeover_time") for j in per_runner.values()}
        shown = " / ".join("—" if t is None else f"{t:.1f}" for t in sorted(times, key=lambda t: (t is None, t)))
        table.add_row(escape(drill), ", ".join(first["book_ids"]), *verdicts, shown)
    return table


def _first(per_runner: dict[str, dict]) -> dict:
    return next(iter(per_runner.values()))


def _verdict(journal: dict | None) -> str:
    if journal is None:
        return "[yellow]not run[/]"
    return "[green]passed[/]" if journal["status"] == "passed" else "[red]FAILED[/]"


def deviation_lines(outcomes: list[RunnerOutcome]) -> list[str]:
    lines = []
    for o in outcomes:
        for j in o.journals:
            for d in j.get("deviations", []):
                lines.append(f"{j['drill']} ({RUNNER_NAMES[o.runner]}): {d['check']}: "
                             f"book expects {d['expected']}, model showed {d['observed']}  [{d['source']}]")
            for e in j.get("errors", []):
                lines.append(f"{j['drill']} ({RUNNER_NAMES[o.runner]}): could not run: {e}")
    return lines


# --- hadrill run ------------------------------------------------------------------------------
def _run_runner(runner: str, root: Path, seed: int, tags: str | None) -> RunnerOutcome:
    reports = root / "reports"
    journal_dir = reports / "journal" / runner
    results = reports / "allure-results" / runner
    for stale in (journal_dir, results):  # old files would be read as this run's verdicts
        shutil.rmtree(stale, ignore_errors=True)
    results.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "HADRILL_SEED": str(seed), "HADRILL_REPORTS": str(reports)}
    if runner == "pytest":
        cmd = [sys.executable, "-m", "pytest", "tests/test_features.py", "-p", "no:allure_pytest",
               "--alluredir", str(results), "-q", "--tb=line"]
        if tags:
            cmd += ["-m", tag_expression(tags, "pytest")]
    else:
        cmd = [sys.executable, "-m", "behave", "features"]  # Allure output comes from [tool.behave]
        if tags:
            cmd += ["--tags", tag_expression(tags, "behave")]
    console.rule(f"[bold]{RUNNER_NAMES[runner]}[/]  seed {seed}")
    console.print(" ".join(cmd), style="dim")
    log = reports / "logs" / f"{runner}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    try:
        with log.open("w") as out, Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                                            TextColumn("{task.completed} drills done"), TimeElapsedColumn(),
                                            console=console, transient=True) as progress:
            task = progress.add_task(RUNNER_NAMES[runner], total=None)
            proc = subprocess.Popen(cmd, cwd=root, env=env, stdin=subprocess.DEVNULL, stdout=out,
                                    stderr=subprocess.STDOUT)
            while proc.poll() is None:  # the journals the steps write tell how far the run is
                progress.update(task, completed=len(list(journal_dir.glob("*.json"))) if journal_dir.is_dir() else 0)
                time.sleep(0.2)
            rc = proc.returncode
    except OSError as err:
        console.print(f"[red]could not start {runner}: {err}[/]")
        rc = -1
    text = log.read_text(errors="replace") if log.exists() else ""
    console.print(escape(text[-4000:] if rc not in (0, 1) else _runner_tail(text)), highlight=False, style="dim")
    console.print(f"{RUNNER_NAMES[runner]} output: {log}", style="dim")
    return RunnerOutcome(runner, rc, read_journals(journal_dir))


def _runner_tail(text: str) -> str:
    """The runner's own summary lines (pytest's last line, behave's counts)."""
    keep = [line for line in text.splitlines() if re.search(r"\d+ (passed|failed)|features? passed|scenarios? passed|steps? passed", line)]
    return "\n".join(keep[-4:])


def write_environment(root: Path, runners: list[str], seed: int, tags: str | None) -> None:
    """The run's parameters, shown as the report's metadata (Allure reads environment.properties);
    the same in every runner's results, so that a combined report shows them once."""
    import platform
    lines = {"seed": seed, "runners": " and ".join(RUNNER_NAMES[r] for r in runners), "tags": tags or "(all drills)",
             "python": platform.python_version(), "model": "HACMP 4.3 for AIX (software model, virtual time)"}
    for runner in runners:
        results = root / "reports" / "allure-results" / runner
        results.mkdir(parents=True, exist_ok=True)
        (results / "environment.properties").write_text("".join(f"{k}={v}\n" for k, v in lines.items()))


def write_run_journal(root: Path, outcomes: list[RunnerOutcome], seed: int, tags: str | None) -> Path:
    """One file per run, every drill's verdict under each runner, for comparing runs."""
    from datetime import datetime, timezone
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    path = root / "reports" / "runs" / f"{stamp}-seed{seed}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"when": stamp, "seed": seed, "tags": tags, "exit_status": exit_code(outcomes),
            "runners": {o.runner: {"exit_status": o.returncode, "drills": [
                {k: j.get(k) for k in ("drill", "book_ids", "status", "category", "takeover_time", "deviations")}
                for j in sorted(o.journals, key=lambda j: j["drill"])]} for o in outcomes}}
    path.write_text(json.dumps(data, indent=2) + "\n")
    return path


def _root_and_runners(runner: Runner) -> tuple[Path, list[str]]:
    """The project root (exit 2 when there is none) and the runners a --runner option names."""
    try:
        root = project_root()
    except FileNotFoundError as err:
        console.print(f"[red]{err}[/]")
        raise typer.Exit(COULD_NOT_RUN) from None
    return root, ["pytest", "behave"] if runner == Runner.both else [runner.value]


@app.command()
def run(runner: Runner = typer.Option(Runner.pytest, help="pytest (pytest-bdd, the default), behave, or both"),
        seed: int = typer.Option(1, help="seed of every random choice in the model"),
        tags: Optional[str] = typer.Option(None, help='tag expression, e.g. "@sec-6.2.2.1 and not @sec-8.2"'),
        report: bool = typer.Option(True, help="build the HTML report after the drills"),
        ) -> None:
    """Run the drills, print the book-vs-model verdict of each, build the HTML report."""
    root, chosen = _root_and_runners(runner)
    for other in {"pytest", "behave"} - set(chosen):  # its old results would mix into this run's report
        shutil.rmtree(root / "reports" / "allure-results" / other, ignore_errors=True)
        shutil.rmtree(root / "reports" / "journal" / other, ignore_errors=True)
    outcomes = [_run_runner(r, root, seed, tags) for r in chosen]
    console.print(summary_table(outcomes))
    for line in deviation_lines(outcomes):
        console.print(f"[red]✘[/] {escape(line)}", highlight=False)
    for o in outcomes:
        if o.could_not_run:
            console.print(f"[yellow]{RUNNER_NAMES[o.runner]} could not run the drills "
                          f"(exit status {o.returncode}, {len(o.journals)} journals)[/]")
    write_environment(root, chosen, seed, tags)
    run_journal = write_run_journal(root, outcomes, seed, tags)
    console.print(f"Allure results: {root / 'reports' / 'allure-results'}   journals: {root / 'reports' / 'journal'}"
                  f"   this run: {run_journal}", style="dim")
    if report:
        _report(root, chosen)
    raise typer.Exit(exit_code(outcomes))


def _report(root: Path, runners: list[str]) -> bool:
    from hamodel.htmlreport import build_report

    outcome = build_report(root, [root / "reports" / "allure-results" / r for r in runners])
    if not outcome.ok:
        console.print(f"[yellow]HTML report not built: {escape(outcome.message)}[/]", highlight=False)
        return False
    console.print(f"HTML report: {outcome.single_file} ({outcome.size / 1e6:.1f} MB, one file, "
                  f"built in {outcome.seconds:.1f} s); to serve: {outcome.site}", highlight=False)
    return True


@app.command()
def report(runner: Runner = typer.Option(Runner.both, help="whose results: pytest, behave, or both")) -> None:
    """Build the Allure HTML report from the results already in reports/allure-results."""
    root, chosen = _root_and_runners(runner)
    raise typer.Exit(0 if _report(root, chosen) else COULD_NOT_RUN)


# --- hadrill gate -----------------------------------------------------------------------------
def gate_failures(results: list[Path]) -> list[str]:
    """Drills whose Allure result is not passed: "name (runner dir): status: message"."""
    failures = []
    for directory in results:
        for path in sorted(directory.glob("*-result.json")):
            data = json.loads(path.read_text())
            if data.get("status") != "passed":
                message = (data.get("statusDetails") or {}).get("message", "").strip().splitlines()
                failures.append(f"{data.get('name')} ({directory.name}): {data.get('status')}"
                                + (f": {message[0]}" if message else ""))
    return failures


@app.command()
def gate(runner: Runner = typer.Option(Runner.both, help="whose results: pytest, behave, or both")) -> None:
    """Quality gate over the Allure results: exit 1 and name every drill that did not pass."""
    root, chosen = _root_and_runners(runner)
    dirs = [root / "reports" / "allure-results" / r for r in chosen]
    if not any(any(d.glob("*-result.json")) for d in dirs if d.is_dir()):
        console.print("[yellow]no Allure results to judge: run the drills first[/]")
        raise typer.Exit(COULD_NOT_RUN)
    failures = gate_failures([d for d in dirs if d.is_dir()])
    for line in failures:
        console.print(f"[red]✘[/] {escape(line)}", highlight=False)
    console.print("quality gate: " + (f"[red]{len(failures)} drill result(s) not passed[/]" if failures
                                       else "[green]every drill passed[/]"))
    raise typer.Exit(FAILED if failures else PASSED)


# --- hadrill lab ------------------------------------------------------------------------------
@app.command()
def lab(fixture: str = typer.Argument(..., help="fixture name (hotstandby) or path to a YAML definition"),
        script: Optional[Path] = typer.Option(None, help="replay this lab script and print its transcript"),
        seed: int = typer.Option(1, help="seed of every random choice in the model"),
        ) -> None:
    """Open a lab: replay a script, or type lines at a prompt (nodeA$ cmd, ! act, wait N, settle, quit)."""
    from hamodel.definition import DefinitionError
    from hamodel.lab import Lab, LabError
    from hamodel.labscript import replay, run_line

    try:
        the_lab = Lab.load(fixture, seed=seed)
        if script is not None:
            text = script.read_text(encoding="utf-8")
            sys.stdout.write(replay(the_lab, text, str(script)))
            return
    except (LabError, DefinitionError, OSError) as err:
        sys.stdout.write(getattr(err, "transcript", ""))
        console.print(f"[red]{escape(str(err))}[/]", highlight=False)
        raise typer.Exit(COULD_NOT_RUN) from None
    console.print(f"{the_lab!r}: type 'nodeA$ command', '! act', 'wait N', 'settle' or 'quit'", style="dim")
    while True:
        try:
            line = input("lab> ")
        except EOFError:
            break
        if line.strip() in ("quit", "exit"):
            break
        try:
            sys.stdout.write(run_line(the_lab, line))
        except LabError as err:
            console.print(f"[red]{escape(str(err))}[/]", highlight=False)


def main() -> None:  # pragma: no cover - console entry
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
