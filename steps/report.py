"""Scenario end: attach the drill's evidence to Allure and write its JSON journal.

Usage (the glue calls this from pytest_bdd_after_scenario / behave's after_scenario)::

    journal = finish_drill(world, runner="pytest", drill="Crash nodeA", feature="6.2.2 Node failure",
                           tags=["sec-6.2.2.1", "allure.label.story:..."], failed=False)
    # -> reports/journal/pytest/crash-nodea.json

The journal is what ``hadrill run`` reads to print its table::

    {"drill", "feature", "book_ids", "status": "passed"|"failed", "deviations": [failed rows],
     "errors": [step errors that are not checks], "takeover_time": seconds|null, "seed", "runner"}

``takeover_time`` is virtual time from the first fault of the drill to the last
``EVENT COMPLETED`` line, in any node's hacmp.out, logged before the next action
on the cluster (or the end of the drill): the cluster's reaction to that fault,
not the later repair and reintegration.
"""

from __future__ import annotations

import itertools
import json
import os
import re
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from steps.book import heading
from steps.drill import Action, Drill
from steps.observe import HacmpEvent, parse_hacmp_out

BOOK_TAG = re.compile(r"^@?sec-(?P<id>[\d.]+)$")
#: the drill's number in this run, in the names of its log attachments (<n>.<drill>.<node>.hacmp.out)
_DRILL_NUMBER = itertools.count(1)


def book_ids(tags: list[str]) -> list[str]:
    """``sec-6.2.1.1`` tags -> ``["6.2.1.1"]``, in tag order."""
    return [m["id"] for t in tags if (m := BOOK_TAG.match(t))]


def reports_dir() -> Path:
    return Path(os.environ.get("HADRILL_REPORTS", "reports"))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:120] or "drill"


def stamp_seconds(stamp: str, epoch: datetime) -> float:
    """``Nov 22 09:00:12`` -> virtual seconds since ``epoch`` (logs carry no year: take epoch's)."""
    when = datetime.strptime(f"{epoch.year} {stamp}", "%Y %b %d %H:%M:%S")
    return (when - epoch).total_seconds()


def takeover_time(actions: list[Action], events: dict[str, list[HacmpEvent]], epoch: datetime) -> float | None:
    """Seconds from the first fault to the last EVENT COMPLETED before the next action; None without either."""
    fault = next((a for a in actions if a.fault), None)
    if fault is None:
        return None
    later = [a.time for a in actions if a.time > fault.time]
    end = min(later) if later else float("inf")
    start = float(int(fault.time))  # log stamps are whole seconds, truncated
    done = [t for evs in events.values() for e in evs if e.kind == "COMPLETED"
            if start <= (t := stamp_seconds(e.stamp, epoch)) <= end]
    return round(max(0.0, max(done) - fault.time), 1) if done else None


def _epoch() -> datetime:
    from hamodel.scheduler import wallclock  # virtual second 0 as the model's logs print it
    return wallclock(0.0)


def node_file(world: Drill, node: str, path: str) -> str:
    """A node's local file as it is on its disk, whatever the node's state (reporting only)."""
    return world.lab.file(node, path)


def journal(world: Drill, runner: str, drill: str, feature: str, tags: list[str], failed: bool) -> dict:
    events: dict[str, list[HacmpEvent]] = {}
    if world.loaded:
        events = {n: parse_hacmp_out(world.lab.hacmp_out(n)) for n in world.nodes()}
    ev = world.evidence
    status = "failed" if failed or ev.failed() or ev.errors else "passed"
    category = None
    if status == "failed":
        category = "model error" if ev.errors or not ev.failed() else ev.failed()[0].category
    return {
        "drill": drill,
        "feature": feature,
        "book_ids": book_ids(tags),
        "book_sections": heading(book_ids(tags)),
        "status": status,
        "category": category,
        "deviations": [asdict(r) for r in ev.failed()],
        "errors": list(ev.errors),
        "takeover_time": takeover_time(world.actions, events, _epoch()) if world.loaded else None,
        "seed": world.seed,
        "runner": runner,
    }


def write_journal(data: dict, runner: str) -> Path:
    path = reports_dir() / "journal" / runner / f"{slug(data['drill'])}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2) + "\n")
    return path


def attach_evidence(world: Drill, data: dict) -> None:
    """The drill record as Allure attachments of the scenario (no-op without an Allure plugin)."""
    import allure

    kind = allure.attachment_type
    ev = world.evidence
    intro = data["book_sections"] + (f". Failure category: {data['category']}." if data["category"] else ".")
    allure.attach(ev.to_html(f"{data['drill']}: book vs model", intro), name="expected vs observed",
                  attachment_type=kind.HTML)
    allure.attach(ev.to_json(), name="expected vs observed (JSON)", attachment_type=kind.JSON)
    allure.attach(json.dumps(data, indent=2), name="journal", attachment_type=kind.JSON)
    allure.attach(f"seed {world.seed}\n", name="seed", attachment_type=kind.TEXT)
    if ev.outputs:
        allure.attach(ev.commands_text(), name="command outputs", attachment_type=kind.TEXT)
    if not world.loaded:
        return
    number = next(_DRILL_NUMBER)
    for node in world.nodes():
        for path, name in (("/tmp/hacmp.out", "hacmp.out"), ("/var/adm/cluster.log", "cluster.log")):
            try:
                text = node_file(world, node, path)
            except Exception as exc:  # a broken model must not hide the drill's own verdict
                text = f"could not read {path} on {node}: {type(exc).__name__}: {exc}"
            allure.attach(text, name=f"{number}.{slug(data['drill'])[:40]}.{node}.{name}", attachment_type=kind.TEXT)
    allure.attach(world.lab.transcript(), name="lab transcript", attachment_type=kind.TEXT)
    allure.attach(why_text(world), name="why each event ran", attachment_type=kind.TEXT)
    from steps.pictures import cluster_svg, timeline_svg
    allure.attach(timeline_svg(world, data["takeover_time"], _epoch()), name="timeline", attachment_type=kind.SVG)
    if world.before_picture:
        allure.attach(world.before_picture, name="cluster before", attachment_type=kind.SVG)
    allure.attach(cluster_svg(world.lab, "at the end of the drill"), name="cluster after", attachment_type=kind.SVG)


def why_text(world: Drill) -> str:
    """Each cluster event with the virtual times it was queued and ran, and what caused it."""
    lines = []
    for e in world.lab.event_history():
        ran = f"{e.started:8.1f}-{e.ended:8.1f}" if e.started is not None and e.ended is not None else "  (still running)  "
        lines.append(f"{e.queued:8.1f} {ran}  {e.text:<40} rc={e.rc}  on {', '.join(e.nodes)}  <- {e.cause}")
    return "queued    started-ended      event\n" + "\n".join(lines) + "\n"


def finish_drill(world: Drill, runner: str, drill: str, feature: str, tags: list[str], failed: bool,
                 error: BaseException | None = None) -> dict:
    """Record a non-check error, write the journal, attach everything; returns the journal."""
    # The runners' step-error hooks usually described it already, with the step's text.
    if error is not None and not isinstance(error, AssertionError) and not world.evidence.errors:
        world.evidence.error(f"{type(error).__name__}: {error}")
    data = journal(world, runner, drill, feature, tags, failed)
    write_journal(data, runner)
    attach_evidence(world, data)
    return data
