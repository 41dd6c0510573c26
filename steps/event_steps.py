"""Steps that read the cluster events in a node's /tmp/hacmp.out.

Usage (Gherkin)::

    Then hacmp.out on nodeB shows these events in order since the last action:
      | event              | arguments |
      | node_down          | nodeA     |
      | node_down_remote   | nodeA     |
      | acquire_takeover_addr |        |
    And hacmp.out on nodeB shows no config_too_long event since the last action

"Since the last action" means the EVENT START lines logged after the latest
When-step that acted on the cluster (a typed command or a physical act); waiting
is not an action. "Since the first fault" starts at the drill's first fault
(a crash, a pulled cable, a stop...), so a final negative check can cover the
whole drill. The rows are an ordered *subsequence*: other events may come
in between, as real HACMP logs sub-events and ``*_complete`` events around the
ones the book names. An ``arguments`` cell lists words that must appear, in
order, among the event's arguments (``nodeA`` matches ``node_down nodeA graceful``);
an empty cell accepts any arguments.
"""

from __future__ import annotations

from steps.drill import Drill
from steps.observe import HacmpEvent
from steps.registry import step


def wanted_rows(datatable: list[list[str]]) -> list[tuple[str, list[str]]]:
    """``| event | arguments |`` rows (header first) -> [(name, [words])]."""
    header, *rows = datatable
    names = [h.strip().lower() for h in header]
    if "event" not in names:
        raise ValueError(f"the event table needs an 'event' column, got {header}")
    col_event = names.index("event")
    col_args = names.index("arguments") if "arguments" in names else None
    return [(row[col_event].strip(), row[col_args].split() if col_args is not None else []) for row in rows]


def matches(event: HacmpEvent, name: str, words: list[str]) -> bool:
    if event.name != name:
        return False
    args = iter(event.args)
    return all(any(a == w for a in args) for w in words)  # words are a subsequence of the args


def first_missing(events: list[HacmpEvent], wanted: list[tuple[str, list[str]]]) -> int | None:
    """Index of the first wanted row not found in order (greedy subsequence), None when all are."""
    pos = 0
    for i, (name, words) in enumerate(wanted):
        while pos < len(events) and not matches(events[pos], name, words):
            pos += 1
        if pos == len(events):
            return i
        pos += 1
    return None


def _show(wanted: list[tuple[str, list[str]]]) -> str:
    return " → ".join(" ".join([name, *words]) for name, words in wanted)


@step("then", "hacmp.out on {node:Name} shows these events in order since {since:Since}:")
def events_in_order(world: Drill, node: str, since: str, datatable: list[list[str]]) -> None:
    wanted = wanted_rows(datatable)
    events, source = world.events_since(node, since)
    missing = first_missing(events, wanted)
    observed = " → ".join(e.text() for e in events) or "no events"
    if missing is not None:
        name, words = wanted[missing]
        observed += f"  [missing in order: {' '.join([name, *words])}]"
    world.evidence.check(f"event sequence on {node}", _show(wanted), observed,
                         passed=missing is None, source=source)


@step("then", "hacmp.out on {node:Name} shows no {event:Name} event since {since:Since}")
def no_event(world: Drill, node: str, event: str, since: str) -> None:
    events, source = world.events_since(node, since)
    seen = [e.text() for e in events if e.name == event]
    world.evidence.check(f"no {event} on {node} since {since}", f"no {event} event", "; ".join(seen) or f"no {event} event",
                         passed=not seen, source=source)


@step("then", "hacmp.out on {node:Name} shows {event:Name} completed with exit status {rc:d} since {since:Since}")
def event_exit_status(world: Drill, node: str, event: str, rc: int, since: str) -> None:
    """The ``EVENT COMPLETED: <event> <args> <rc>`` line: did the script succeed (0) or fail?"""
    events, source = world.events_since(node, since, kind="COMPLETED")
    codes = [e.rc for e in events if e.name == event]
    observed = ", ".join(f"exit status {c}" for c in codes) or f"no {event} completed"
    world.evidence.check(f"{event} on {node}", f"exit status {rc}", observed, passed=rc in codes, source=source)


def _duration(world: Drill, node: str, event: str, since: str) -> tuple[float, str, str]:
    """From the event's START line to its COMPLETED line, by their time stamps: (seconds or -1, observed, source)."""
    from datetime import datetime

    starts, source = world.events_since(node, since, kind="START")
    ends, _ = world.events_since(node, since, kind="COMPLETED")
    start = next((e for e in starts if e.name == event), None)
    end = next((e for e in ends if e.name == event), None)
    if start is None or end is None:
        return -1.0, f"no complete {event} (start {'seen' if start else 'missing'}, end {'seen' if end else 'missing'})", source
    stamp = "%b %d %H:%M:%S"
    took = (datetime.strptime(end.stamp, stamp) - datetime.strptime(start.stamp, stamp)).total_seconds()
    return took, f"{took:.0f} s ({start.stamp} to {end.stamp})", source


@step("then", "hacmp.out on {node:Name} shows {event:Name} taking at least {seconds:d} seconds since {since:Since}")
def event_duration(world: Drill, node: str, event: str, seconds: int, since: str) -> None:
    took, observed, source = _duration(world, node, event, since)
    world.evidence.check(f"duration of {event} on {node}", f"at least {seconds} s", observed,
                         passed=took >= seconds, source=source)


@step("then", "hacmp.out on {node:Name} shows {event:Name} taking less than {seconds:d} seconds since {since:Since}")
def event_quick(world: Drill, node: str, event: str, seconds: int, since: str) -> None:
    took, observed, source = _duration(world, node, event, since)
    world.evidence.check(f"duration of {event} on {node}", f"less than {seconds} s", observed,
                         passed=0 <= took < seconds, source=source)


@step("then", 'hacmp.out on {node:Name} shows the line "{text}" since {since:Since}')
def hacmp_out_line(world: Drill, node: str, text: str, since: str) -> None:
    """A line of the script trace (``+ importvg ...``) or a message, since the mark."""
    lines, source = world.lines_since(node, since)
    found = next((line for line in lines if text in line), None)
    world.evidence.check(f"hacmp.out on {node}", f"a line with {text}", found or f"no such line in {len(lines)} lines",
                         passed=found is not None, source=source)
