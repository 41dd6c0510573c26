"""Running cluster events: the recovery programs, their sub-events, barriers and logs.

Usage::

    runner = EventRunner(cluster)
    runner.enqueue(ClusterEvent("node_down", ("nodeA",), frozenset({"nodeB"})))

An event is *queued*, then *running* on every participating node (its
``EVENT START:`` line goes to each node's ``/tmp/hacmp.out``), phase after
phase: every node runs its part of a phase, and nodes done early wait at the
barrier (``ST_BARRIER``) for the rest. Then the matching ``*_complete``
event runs the same way, and the event is *done*. When a script fails
(non-zero exit) the event is *stuck*: the cluster managers show ``RP_FAILED``
and process nothing more until ``clruncmd`` resumes them (book 7.2). Each part is an event
script written as a generator (see :mod:`hamodel.hacmp.scripts`) that
yields the virtual seconds each command takes. An event that runs longer
than 360 s makes the cluster manager log ``config_too_long`` (book 7.2).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Generator, Iterator

from hamodel.scheduler import Process

if TYPE_CHECKING:
    from hamodel.hacmp.cluster import Cluster

CONFIG_TOO_LONG = 360.0
CONFIG_TOO_LONG_REPEAT = 30.0
CUSTOM_SECONDS = 0.5

Script = Generator[float, None, int]
#: One phase of an event: node -> the generator function run there.
Phase = dict[str, Callable[["EventContext"], Script]]


@dataclass
class ClusterEvent:
    name: str
    args: tuple[str, ...]
    participants: frozenset[str]
    cause: str = ""
    #: Nodes whose cluster managers must be free before it runs (default: the participants).
    scope: frozenset[str] = frozenset()
    queued_at: float = 0.0
    started_at: float | None = None
    ended_at: float | None = None
    #: The first non-zero exit code of its scripts (0: every script succeeded).
    rc: int = 0
    #: A sub-event failed: processing waits (RP_FAILED) until clruncmd sets ``resumed``.
    stuck: bool = False
    resumed: bool = False
    failed_nodes: set[str] = field(default_factory=set)
    #: Filled by the event script's planner, read by its _complete event.
    plan: dict = field(default_factory=dict)

    @property
    def key(self) -> tuple:
        """Events with the same key are one event: a node goes up or down once, whatever the mode."""
        if self.name in ("node_up", "node_down"):
            return (self.name, self.args[0])
        return (self.name, *self.args)

    def text(self) -> str:
        return " ".join((self.name, *self.args))


class EventContext:
    """What an event script sees on one node: the host, the cluster, and the log."""

    def __init__(self, cluster: Cluster, node: str, event: ClusterEvent) -> None:
        self.cluster = cluster
        self.node = node
        self.event = event
        self.host = cluster.world.hosts[node]
        self.rc = 0

    @property
    def now(self) -> float:
        return self.cluster.world.sched.now

    def trace(self, line: str) -> None:
        """A ``ksh -x`` trace line, as event scripts write to hacmp.out."""
        self.host.append("/tmp/hacmp.out", f"+ {line}\n")

    def sub(self, name: str, args: tuple[str, ...], body: Callable[[], Iterator[float]]) -> Iterator[float]:
        """Run a sub-event: its own START/COMPLETED lines around ``body``. Once a sub-event
        has failed the script exits, so later sub-events of it do not run."""
        if self.rc:
            return self.rc
        self.cluster.log_event(self.node, "START", name, args)
        rc = yield from body()
        rc = rc or 0
        self.cluster.log_event(self.node, "COMPLETED", name, args, rc)
        self.rc = self.rc or rc
        return rc


class EventRunner:
    """The cluster managers' event queue. ``plan(cluster, event)`` yields (name, args, phases)
    for the event and its *_complete event; ``finish(cluster, event)`` records the outcome
    (both from :mod:`hamodel.hacmp.scripts`, passed in so this module stays below it)."""

    def __init__(self, cluster: Cluster, plan: Callable, finish: Callable) -> None:
        self.cluster = cluster
        self.plan = plan
        self.finish = finish
        self.queue: list[ClusterEvent] = []
        self.running: list[ClusterEvent] = []
        self.history: list[ClusterEvent] = []
        #: The event scripts running on each node now.
        self._scripts: dict[str, list[Process]] = {}

    def busy(self) -> bool:
        """Events are running or about to; an event waiting for clruncmd blocks the rest, so it is not busy."""
        if any(e.stuck for e in self.running):
            return any(not e.stuck for e in self.running)
        return bool(self.queue or self.running)

    def pending(self, key: tuple) -> bool:
        return any(e.key == key for e in self.queue + self.running)

    def enqueue(self, event: ClusterEvent) -> None:
        if self.pending(event.key):
            return
        event.queued_at = self.cluster.world.sched.now
        self.queue.append(event)
        self.cluster.world.sched.call_in(0.0, self._dispatch)

    def _dispatch(self) -> None:
        # Events of separate partitions may run at once; within one, one event at a time.
        busy_nodes = set().union(*(e.scope | e.participants for e in self.running)) if self.running else set()
        for event in list(self.queue):
            if (event.scope | event.participants) & busy_nodes:
                continue
            self.queue.remove(event)
            if not self.cluster.prepare(event):
                continue
            self.running.append(event)
            busy_nodes |= event.scope | event.participants
            Process(self.cluster.world.sched, self._run(event), lambda _rc, e=event: self._finished(e))

    def _finished(self, event: ClusterEvent) -> None:
        self.running.remove(event)
        self.history.append(event)
        self._dispatch()

    def _run(self, event: ClusterEvent) -> Iterator[float]:
        sched = self.cluster.world.sched
        event.started_at = sched.now
        watchdog = sched.call_in(CONFIG_TOO_LONG, self._config_too_long, event)
        for name, args, phases in self.plan(self.cluster, event):
            nodes = [n for n in sorted(event.participants) if self.cluster.alive(n)]
            for node in nodes:
                self.cluster.managers[node].state = "ST_RP_RUNNING"
                self.cluster.log_event(node, "START", name, args)
            custom = self.cluster.customisation(name) if event.args[1:2] != ("forced",) else None
            if custom:  # book 5.1.2: a forced node_down runs no pre/post/notify command
                yield from self._customised(nodes, name, args, (custom.notify, custom.pre))
            part_rc = 0
            for phase in phases:
                part_rc = part_rc or (yield from self._run_phase(event, phase))
            if custom:
                yield from self._customised(nodes, name, args, (custom.post, custom.notify))
            for node in nodes:
                if self.cluster.alive(node):
                    self.cluster.log_event(node, "COMPLETED", name, args, part_rc)
            event.rc = event.rc or part_rc
            if part_rc:
                yield from self._wait_for_clruncmd(event)
        watchdog.cancel()
        event.ended_at = sched.now
        for node in event.participants:
            if self.cluster.alive(node):
                self.cluster.managers[node].state = "ST_STABLE"
        self.finish(self.cluster, event)
        return event.rc

    def _wait_for_clruncmd(self, event: ClusterEvent) -> Iterator[float]:
        """A failed event script stops event processing (RP_FAILED) until an administrator has
        fixed the cause and typed ``clruncmd`` (book 7.2); config_too_long keeps reporting it."""
        event.stuck = True
        while not event.resumed:
            for node in event.participants:
                if self.cluster.alive(node):
                    self.cluster.managers[node].state = "RP_FAILED"
            if not any(self.cluster.alive(n) for n in event.participants):
                break
            yield 1.0
        event.stuck = False
        event.resumed = False

    def clruncmd(self, node: str) -> bool:
        """Resume the event stuck on ``node``'s cluster managers; False when none is stuck."""
        stuck = [e for e in self.running if e.stuck and node in e.participants]
        for event in stuck:
            event.resumed = True
        return bool(stuck)

    def _customised(self, nodes: list[str], name: str, args: tuple[str, ...],
                    lines: tuple[str | None, ...]) -> Iterator[float]:
        """Run the customised command lines of an event on every node that runs it."""
        for line in lines:
            if not line:
                continue
            text = line.replace("$*", " ".join((name, *args)))
            for node in nodes:
                if self.cluster.alive(node):
                    self.cluster.run_custom(node, text)
            yield CUSTOM_SECONDS

    def abandon(self, node: str) -> None:
        """``node`` went down: its event scripts stop where they are, at once."""
        for proc in self._scripts.pop(node, []):
            if proc.alive:
                proc.kill()

    def _run_phase(self, event: ClusterEvent, phase: Phase) -> Generator[float, None, int]:
        procs: list[tuple[str, Process, EventContext]] = []
        for node, script in sorted(phase.items()):
            if not self.cluster.alive(node):
                continue
            ctx = EventContext(self.cluster, node, event)
            proc = Process(self.cluster.world.sched, script(ctx))
            self._scripts.setdefault(node, []).append(proc)
            procs.append((node, proc, ctx))
        while True:
            waiting = False
            for node, proc, _ in procs:
                if proc.alive and not self.cluster.alive(node):
                    proc.kill()
                if proc.alive:
                    waiting = True
                elif self.cluster.alive(node):
                    self.cluster.managers[node].state = "ST_BARRIER"
            if not waiting:
                break
            yield 0.5
        phase_rc = 0
        for node, proc, ctx in procs:
            if proc in self._scripts.get(node, []):
                self._scripts[node].remove(proc)
            rc = ctx.rc or (proc.result or 0)
            if rc:
                event.failed_nodes.add(node)
            phase_rc = phase_rc or rc
        return phase_rc

    def _config_too_long(self, event: ClusterEvent) -> None:
        if event.ended_at is not None:
            return
        for node in sorted(event.participants):
            if self.cluster.alive(node):
                self.cluster.log_event(node, "START", "config_too_long", (str(int(CONFIG_TOO_LONG)), event.text()))
                self.cluster.world.hosts[node].append(
                    "/tmp/hacmp.out", "WARNING: The cluster has been in reconfiguration too long;Something may be wrong.\n")
        self.cluster.world.sched.call_in(CONFIG_TOO_LONG_REPEAT, self._config_too_long, event)
