"""Benchmarks, printed as ratios against baselines measured in the same run (not timed tests).

Usage::

    python benchmarks/bench.py            # both benchmarks
    python benchmarks/bench.py scheduler  # one of: scheduler, suite

1. **scheduler**: the model's :class:`~hamodel.scheduler.Scheduler` running a
   heartbeat-like workload (many periodic callbacks that reschedule
   themselves) against a bare ``heapq`` loop running the same callbacks.
   Target: the scheduler reaches at least 25 % of the bare loop's rate.
2. **suite**: the whole drill suite under pytest-bdd against as many trivial
   pytest-bdd scenarios (one Given/When/Then each, no model), same plugins,
   same interpreter. Target: at most 1.5 times the trivial suite's time.
   A second baseline gives the trivial scenarios as many steps in all as the
   drills have (a drill averages about 19 steps), which separates the
   model's cost from pytest-bdd's per-step cost.
"""

from __future__ import annotations

import heapq
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hamodel.scheduler import Scheduler  # noqa: E402

PERIODIC = 200  # callbacks, like 200 NIM endpoints
HORIZON = 2_000.0  # virtual seconds


def _workload_counter():
    count = [0]

    def work(i: int) -> None:
        count[0] += (i * 7) % 3  # a little arithmetic, like a heartbeat bookkeeping step
    return count, work


def bench_scheduler() -> tuple[float, float]:
    """Events per second: (model scheduler, bare heapq loop)."""
    count, work = _workload_counter()
    sched = Scheduler(seed=1)

    def tick(i: int, period: float) -> None:
        work(i)
        sched.call_in(period, tick, i, period)

    for i in range(PERIODIC):
        sched.call_in(0.5 + i * 0.001, tick, i, 0.5 + (i % 4) * 0.25)
    t0 = time.perf_counter()
    sched.run_until(HORIZON)
    model_events = sched.events_run
    model_rate = model_events / (time.perf_counter() - t0)

    count, work = _workload_counter()
    queue: list[tuple[float, int, int, float]] = []
    seq = 0
    for i in range(PERIODIC):
        seq += 1
        heapq.heappush(queue, (0.5 + i * 0.001, seq, i, 0.5 + (i % 4) * 0.25))
    t0 = time.perf_counter()
    bare_events = 0
    while queue and queue[0][0] <= HORIZON:
        at, _, i, period = heapq.heappop(queue)
        work(i)
        seq += 1
        heapq.heappush(queue, (at + period, seq, i, period))
        bare_events += 1
    bare_rate = bare_events / (time.perf_counter() - t0)
    assert bare_events == model_events, (bare_events, model_events)
    return model_rate, bare_rate


TRIVIAL_FEATURE = """Feature: trivial {n}
  Scenario: trivial scenario {n}
    Given a number {n}
    When it is doubled
    Then it is even
"""

TRIVIAL_TEST = '''
from pytest_bdd import given, when, then, parsers, scenarios
scenarios(".")

@given(parsers.parse("a number {n:d}"), target_fixture="number")
def _(n):
    return n

@when("it is doubled", target_fixture="number")
def _(number):
    return number * 2

@then("it is even")
def _(number):
    assert number % 2 == 0
'''


def drill_steps() -> int:
    """Steps the drills run: each scenario's own, plus its feature's Background."""
    total = 0
    for path in sorted((ROOT / "features").glob("*.feature")):
        background, scenarios, own, section = 0, 0, 0, None
        for line in path.read_text(encoding="utf-8").splitlines():
            word = line.strip().split(" ", 1)[0]
            if word == "Background:":
                section = "background"
            elif word in ("Scenario:", "Scenario"):
                section, scenarios = "scenario", scenarios + 1
            elif word in ("Given", "When", "Then", "And", "But"):
                if section == "background":
                    background += 1
                else:
                    own += 1
        total += own + background * scenarios
    return total


def _trivial(tmp: Path, name: str, n: int, steps: int) -> float:
    """Time n trivial scenarios with ``steps`` steps in all."""
    trivial_dir = tmp / name
    trivial_dir.mkdir()
    for i in range(n):
        extra = max(0, steps // n - 3 + (1 if i < steps % n else 0))
        feature = TRIVIAL_FEATURE.format(n=2 * i + 1) + "    And it is even\n" * extra
        (trivial_dir / f"t{i}.feature").write_text(feature)
    (trivial_dir / "test_trivial.py").write_text(TRIVIAL_TEST)
    seconds, out = _pytest(["-p", "no:allure_pytest", "--alluredir", str(tmp / "allure" / name), "test_trivial.py"],
                           trivial_dir)
    if f"{n} passed" not in out:
        raise SystemExit(f"the trivial suite did not pass:\n{out[-2000:]}")
    return seconds


def _pytest(args: list[str], cwd: Path) -> tuple[float, str]:
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
                          cwd=cwd, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    return time.perf_counter() - t0, proc.stdout


def bench_suite() -> tuple[float, float, float, int, int]:
    """(drill suite seconds, trivial suite seconds, step-matched trivial seconds, scenarios, steps)."""
    with tempfile.TemporaryDirectory() as tmp:
        results = Path(tmp) / "allure"
        drills, out = _pytest(["tests/test_features.py", "--alluredir", str(results / "drills")], ROOT)
        m = re.search(r"(\d+) passed", out)
        n = int(m.group(1)) + sum(int(x) for x in re.findall(r"(\d+) failed", out)) if m else 0
        if n == 0:
            raise SystemExit(f"the drill suite ran no scenario:\n{out[-2000:]}")
        steps = drill_steps()
        trivial = _trivial(Path(tmp), "trivial", n, 3 * n)
        matched = _trivial(Path(tmp), "matched", n, steps)
    return drills, trivial, matched, n, steps


def main(which: list[str]) -> None:
    if not which or "scheduler" in which:
        model, bare = bench_scheduler()
        print(f"scheduler: {model:,.0f} events/s vs bare heapq {bare:,.0f} events/s "
              f"-> ratio {model / bare:.0%} (target >= 25%)")
    if not which or "suite" in which:
        drills, trivial, matched, n, steps = bench_suite()
        print(f"suite: {n} drills in {drills:.2f} s vs {n} trivial pytest-bdd scenarios in {trivial:.2f} s "
              f"-> ratio {drills / trivial:.2f}x (target <= 1.5x)")
        print(f"suite, step-matched: {n} drills ({steps} steps) in {drills:.2f} s vs {n} trivial scenarios with "
              f"{steps} steps in {matched:.2f} s -> ratio {drills / matched:.2f}x")


if __name__ == "__main__":
    main(sys.argv[1:])
