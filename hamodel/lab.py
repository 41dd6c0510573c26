"""The lab: the one facade that drills, the CLI and scripts use to act on and observe a world.

Usage::

    lab = Lab.load("hotstandby", seed=1)
    lab.run("nodeA", "smit clstart")
    lab.run("nodeB", "smit clstart")
    lab.settle()
    lab.act("unplug nodeA en0")           # a physical act
    lab.wait(30)                          # thirty virtual seconds
    print(lab.run("client1", "ping -c 3 nodeA_svc").output)
    lab.holders("rg1")                    # ['nodeA']

Acts change the world only the way a person could: typing a command on a
host, or a physical act (see :data:`ACTS`). Everything that follows is the
model's own doing, in virtual time. Observations (``holders``,
``label_location``, ``events``…) read state and change nothing. Every act,
command and wait goes into :attr:`Lab.timeline`, the history a drill's
checks and reports are built from.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path

from hamodel.commands import execute
from hamodel.config import ClusterDefinition
from hamodel.definition import load_definition
from hamodel.storage_acts import STORAGE_ACTS, StorageActs
from hamodel.world import World

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

#: The physical acts, as a person would say them: pattern -> (method, how to say it).
ACTS = {
    r"unplug serial (?P<link>\S+)": ("unplug_serial", "unplug serial LINK"),
    r"plug serial (?P<link>\S+)": ("plug_serial", "plug serial LINK"),
    r"unplug (?P<host>\S+) (?P<iface>(?:en|tr)\d+)": ("unplug_nic", "unplug NODE en0"),
    r"plug (?P<host>\S+) (?P<iface>(?:en|tr)\d+)": ("plug_nic", "plug NODE en0"),
    r"fail hub (?P<hub>\S+)": ("fail_hub", "fail hub HUB"),
    r"repair hub (?P<hub>\S+)": ("repair_hub", "repair hub HUB"),
    r"power off (?P<host>\S+)": ("power_off", "power off NODE"),
    r"power on (?P<host>\S+)": ("power_on", "power on NODE"),
    **STORAGE_ACTS,
}

EVENT_LINE = re.compile(r"^(?P<stamp>\w{3} \d\d \d\d:\d\d:\d\d) EVENT (?P<kind>START|COMPLETED): (?P<text>.*)$")


_DEFINITIONS: dict[tuple[str, float], ClusterDefinition] = {}


def _definition(path: Path) -> ClusterDefinition:
    """Read and check a fixture once per file version; every lab gets its own copy to change."""
    try:
        key = (str(path), path.stat().st_mtime)
    except OSError:
        return load_definition(path)  # the loader reports the missing file
    if key not in _DEFINITIONS:
        _DEFINITIONS[key] = load_definition(path)
    return copy.deepcopy(_DEFINITIONS[key])


class LabError(Exception):
    """A request the lab cannot carry out: unknown host, act, or a cluster that never settles.

    ``transcript`` holds what a replayed script printed before the failing line."""

    transcript: str = ""


@dataclass(frozen=True)
class CommandResult:
    host: str
    command: str
    output: str
    status: int
    time: float


@dataclass(frozen=True)
class TimelineEntry:
    time: float
    kind: str  # act | command | wait | settle
    host: str
    text: str


@dataclass(frozen=True)
class LoggedEvent:
    """One ``EVENT START:``/``EVENT COMPLETED:`` line of a node's hacmp.out."""

    stamp: str
    kind: str
    name: str
    args: tuple[str, ...]
    rc: int | None


@dataclass(frozen=True)
class EventRecord:
    """One cluster event as the cluster managers processed it, and why it was queued."""

    text: str  # node_down nodeA
    cause: str  # missed heartbeats on every network
    nodes: tuple[str, ...]  # the nodes that ran it
    queued: float
    started: float | None
    ended: float | None
    rc: int


class Lab(StorageActs):
    def __init__(self, definition: ClusterDefinition, seed: int = 0) -> None:
        self.definition = definition
        self.seed = seed
        self.world = World(definition, seed)
        # Customised event commands (book 5.1.2) run through the same command layer as typed ones.
        self.world.cluster.shell = lambda node, line: execute(self.world, node, line)
        self.timeline: list[TimelineEntry] = []

    def __repr__(self) -> str:
        return f"Lab({self.definition.cluster.name}, seed={self.seed}, t={self.now:.1f})"

    @classmethod
    def load(cls, fixture: str | Path, seed: int = 0) -> Lab:
        """A fixture by path, or by name from ``fixtures/`` (``"hotstandby"``)."""
        path = Path(fixture)
        if not path.suffix and not path.exists():
            path = FIXTURES / f"{fixture}.yaml"
        return cls(_definition(path), seed)

    @property
    def now(self) -> float:
        return self.world.sched.now

    def _record(self, kind: str, host: str, text: str) -> None:
        self.timeline.append(TimelineEntry(self.now, kind, host, text))

    # --- acts ------------------------------------------------------------------
    def run(self, host: str, command: str) -> CommandResult:
        """Type ``command`` on ``host`` (a node or a client) and return what it prints."""
        if host not in self.world.hosts and host not in self.world.clients:
            raise LabError(f"unknown host {host!r}; hosts are {', '.join(self.hosts())}")
        self._record("command", host, command)
        output, status = execute(self.world, host, command)
        return CommandResult(host, command, output, status, self.now)

    def act(self, text: str) -> None:
        """A physical act: ``unplug nodeA en0``, ``fail hub hub1``, ``power off nodeA``… (see :data:`ACTS`)."""
        for pattern, (name, _) in ACTS.items():
            m = re.fullmatch(pattern, text.strip())
            if m:
                getattr(self, "_" + name)(**{k: v for k, v in m.groupdict().items() if v is not None})
                self._record("act", m.groupdict().get("host", ""), text.strip())
                return
        raise LabError(f"unknown act {text!r}; acts are: {', '.join(say for _, say in ACTS.values())}")

    def _nic(self, host: str, iface: str):
        nic = self.world.nics.get((host, iface))
        if nic is None:
            raise LabError(f"{host} has no adapter {iface}")
        return nic

    def _unplug_nic(self, host: str, iface: str) -> None:
        self._nic(host, iface).plugged = False

    def _plug_nic(self, host: str, iface: str) -> None:
        self._nic(host, iface).plugged = True

    def _link(self, link: str):
        if link not in self.world.serial_links:
            raise LabError(f"no serial link {link!r}")
        return self.world.serial_links[link]

    def _unplug_serial(self, link: str) -> None:
        self._link(link).plugged = False

    def _plug_serial(self, link: str) -> None:
        self._link(link).plugged = True

    def _hub(self, hub: str):
        if hub not in self.world.hubs:
            raise LabError(f"no hub {hub!r}")
        return self.world.hubs[hub]

    def _fail_hub(self, hub: str) -> None:
        self._hub(hub).failed = True

    def _repair_hub(self, hub: str) -> None:
        self._hub(hub).failed = False

    def _power_off(self, host: str) -> None:
        self._node_host(host).power_off()

    def _power_on(self, host: str) -> None:
        self._node_host(host).power_on()

    def _node_host(self, host: str):
        if host not in self.world.hosts:
            raise LabError(f"unknown node {host!r}")
        return self.world.hosts[host]

    # --- time ------------------------------------------------------------------
    def wait(self, seconds: float) -> None:
        """Let ``seconds`` of virtual time pass."""
        self._record("wait", "", f"wait {seconds:g}")
        self.world.sched.run_until(self.now + seconds)

    def quiet_period(self) -> float:
        """How long nothing must happen before the cluster counts as settled: a failure
        could still be on its way to a verdict for the detection time plus the deferral."""
        topo = self.world.cluster.topology
        slowest = max((topo.threshold(n) for n in topo.rates), default=0.0)
        return slowest + topo.defer + 5.0

    def busy(self) -> bool:
        cluster = self.world.cluster
        if cluster.runner.busy():
            return True
        if any(e.stuck for e in cluster.runner.running):
            # Waiting for clruncmd: nothing moves until an administrator acts, joiners included.
            return any(h.state == "booting" for h in self.world.hosts.values())
        return any(h.state == "booting" for h in self.world.hosts.values()) or any(
            m.state not in ("ST_INIT", "ST_STABLE", "RP_FAILED") for m in cluster.managers.values())

    def settle(self, limit: float = 1800.0) -> float:
        """Run until no event has been queued or running for a quiet period; return the seconds it took."""
        start = self.now
        quiet = self.quiet_period()
        last_busy = self.now
        while self.now - last_busy < quiet:
            if self.now - start > limit:
                raise LabError(f"the cluster did not settle within {limit:g} s (events still running: "
                               f"{', '.join(e.text() for e in self.world.cluster.runner.running) or 'none'})")
            self.world.sched.run_until(self.now + 0.5)
            if self.busy():
                last_busy = self.now
        taken = self.now - start
        self._record("settle", "", f"settle ({taken:.1f} s)")
        return taken

    # --- observations ------------------------------------------------------------
    def hosts(self) -> list[str]:
        return [*self.world.hosts, *self.world.clients]

    def holders(self, group: str) -> list[str]:
        """Nodes that physically hold the group: all its service addresses configured and all its
        volume groups varied on (whether its servers run is for ``ps`` to tell)."""
        spec = self.world.cluster.group(group)
        found = []
        for name, host in self.world.hosts.items():
            if not host.running:
                continue
            has_ips = all(host.stack.owner_of(self.world.cluster.label(lbl)[1].ip) for lbl in spec.service_labels)
            has_vgs = all(vg in host.lvm.varied_on for vg in spec.volume_groups)
            if spec.service_labels or spec.volume_groups:
                if has_ips and has_vgs:
                    found.append(name)
        return found

    def label_location(self, label: str) -> tuple[str, str] | None:
        """(node, interface) where the address of ``label`` is configured now, or None."""
        ip = self.world.cluster.label(label)[1].ip
        for name, host in self.world.hosts.items():
            if host.running:
                iface = host.stack.owner_of(ip)
                if iface is not None:
                    return name, iface.name
        return None

    def hacmp_out(self, node: str) -> str:
        return self.file(node, "/tmp/hacmp.out")

    def file(self, node: str, path: str) -> str:
        """A file on ``node``'s own disk as it is now, whatever state the node is in ("" if absent)."""
        return self._node_host(node).files.get(path, "")

    def events(self, node: str) -> list[LoggedEvent]:
        """The EVENT lines of ``node``'s /tmp/hacmp.out, parsed as an administrator would read them."""
        found = []
        for line in self.hacmp_out(node).splitlines():
            m = EVENT_LINE.match(line)
            if not m:
                continue
            words = m["text"].split()
            rc = None
            if m["kind"] == "COMPLETED" and words and words[-1].lstrip("-").isdigit():
                rc = int(words.pop())
            found.append(LoggedEvent(m["stamp"], m["kind"], words[0], tuple(words[1:]), rc))
        return found

    def event_history(self) -> list[EventRecord]:
        """Every cluster event queued so far, in the order it started, with its cause."""
        runner = self.world.cluster.runner
        events = sorted(runner.history + runner.running, key=lambda e: (e.started_at or 0.0, e.queued_at))
        return [EventRecord(e.text(), e.cause, tuple(sorted(e.participants)), e.queued_at, e.started_at,
                            e.ended_at, e.rc) for e in events]

    def led(self, node: str) -> str:
        return self._node_host(node).node.led

    def host_state(self, node: str) -> str:
        return self._node_host(node).state

    def transcript(self) -> str:
        """The timeline as text: one line per act, command, wait and settle, stamped with virtual time."""
        return "".join(f"[{e.time:9.2f}] {e.kind:<7} {e.host + ': ' if e.host else ''}{e.text}\n" for e in self.timeline)
