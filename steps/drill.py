"""The world of one drill: the lab, its evidence, and the bookkeeping the checks need.

Usage::

    world = Drill.from_env()                 # seed from HADRILL_SEED, default 1
    world.load("hotstandby")
    world.type("nodeA", "smit clstart")      # an action: marks hacmp.out, records the output
    world.act("unplug nodeA en0", fault=True)
    world.lab.settle()
    out = world.read("nodeB", "clfindres")   # an observation: records the output only
    world.events_since("nodeB")              # hacmp.out events logged since the last action

Every step function receives this object as ``world``. Its ``__repr__`` is short
because allure-pytest-bdd prints every step argument (harness notes §4.5).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from steps.evidence import Evidence
from steps.observe import HacmpEvent, parse_hacmp_out

if TYPE_CHECKING:
    from hamodel.lab import CommandResult, Lab

DEFAULT_SEED = 1


@dataclass(frozen=True)
class Action:
    """Something done to the cluster from outside: a typed command or a physical act."""

    time: float
    text: str
    fault: bool


@dataclass
class Drill:
    seed: int = DEFAULT_SEED
    evidence: Evidence = field(default_factory=Evidence)
    actions: list[Action] = field(default_factory=list)
    _lab: Lab | None = None
    #: node -> number of hacmp.out lines at the last action; later lines are "since the last action".
    _marks: dict[str, int] = field(default_factory=dict)
    #: the same, taken at the first fault of the drill ("since the first fault").
    _fault_marks: dict[str, int] | None = None
    #: host -> the last command typed there as an action, for "the last command ... failed"
    last: dict[str, CommandResult] = field(default_factory=dict)
    #: an SVG of the cluster just before the first fault (steps.pictures)
    before_picture: str | None = None

    def __repr__(self) -> str:
        if self._lab is None:
            return f"Drill(no cluster, seed={self.seed})"
        return f"Drill({self._lab.definition.cluster.name}, seed={self.seed}, t={self._lab.now:.1f})"

    @classmethod
    def from_env(cls) -> Drill:
        """A fresh drill whose seed is ``$HADRILL_SEED`` (``hadrill run --seed N``), default 1."""
        return cls(seed=int(os.environ.get("HADRILL_SEED", DEFAULT_SEED)))

    # --- the lab -------------------------------------------------------------------------
    @property
    def lab(self) -> Lab:
        if self._lab is None:
            raise RuntimeError('no cluster is loaded: begin the drill with Given the "<fixture>" cluster is loaded')
        return self._lab

    @property
    def loaded(self) -> bool:
        return self._lab is not None

    def load(self, fixture: str, seed: int | None = None) -> None:
        from hamodel.lab import Lab  # imported late: the harness must import even while the model is broken

        if seed is not None:
            self.seed = seed
        self._lab = Lab.load(fixture, seed=self.seed)
        self._mark()

    def nodes(self) -> list[str]:
        return [n.name for n in self.lab.definition.nodes]

    def interfaces(self, node: str) -> list[str]:
        """The network interfaces cabled on ``node``, as the cluster's planning sheet lists them."""
        spec = next(n for n in self.lab.definition.nodes if n.name == node)
        return [nic.interface for nic in spec.nics]

    # --- acting -----------------------------------------------------------------------------
    def _mark(self) -> None:
        self._marks = {n: len(self.lab.hacmp_out(n).splitlines()) for n in self.nodes()}

    def _action(self, text: str, fault: bool) -> None:
        self._mark()
        if fault and self._fault_marks is None:
            self._fault_marks = dict(self._marks)
            from steps.pictures import cluster_svg  # the cluster as it was, for the report
            self.before_picture = cluster_svg(self.lab, f"before the first fault ({text})")
        self.actions.append(Action(self.lab.now, text, fault))

    def type(self, host: str, command: str, fault: bool = False) -> CommandResult:
        """Type ``command`` on ``host`` as an action on the cluster (it may change it)."""
        self._action(f"{host}$ {command}", fault)
        result = self._record(self.lab.run(host, command))
        self.last[host] = result
        return result

    def act(self, text: str, fault: bool = False) -> None:
        """A physical act (``unplug nodeA en0``); a fault marks the start of the takeover clock."""
        self._action(f"! {text}", fault)
        self.lab.act(text)

    # --- observing --------------------------------------------------------------------------
    def read(self, host: str, command: str) -> CommandResult:
        """Type a command only to read its output (netstat, lsvg -o, clfindres...)."""
        return self._record(self.lab.run(host, command))

    def _record(self, result: CommandResult) -> CommandResult:
        self.evidence.output(result.host, result.command, result.output, result.status, result.time)
        _attach_output(result)
        return result

    def hacmp_out(self, node: str) -> tuple[str, str]:
        """(text, source) of ``/tmp/hacmp.out`` on ``node``: ``cat`` on a running node;
        on a crashed or powered-off node, the file as it is on the node's disk."""
        if self.lab.host_state(node) == "running":
            result = self.read(node, "cat /tmp/hacmp.out")
            return result.output, f"{node}$ cat /tmp/hacmp.out"
        return self.lab.hacmp_out(node), f"/tmp/hacmp.out on {node}'s disk ({node} is {self.lab.host_state(node)})"

    def events_since(self, node: str, since: str = "the last action",
                     kind: str = "START") -> tuple[list[HacmpEvent], str]:
        """EVENT START (or COMPLETED) lines logged on ``node`` since the last action (or the first
        fault), and their source."""
        lines, source = self.lines_since(node, since)
        return [e for e in parse_hacmp_out("\n".join(lines)) if e.kind == kind], source

    def lines_since(self, node: str, since: str = "the last action") -> tuple[list[str], str]:
        """The lines of ``node``'s hacmp.out written since the last action (or the first fault)."""
        if since == "the first fault":
            if self._fault_marks is None:
                raise RuntimeError("the drill has no fault yet: 'since the first fault' has no start")
            marks = self._fault_marks
        elif since == "the last action":
            marks = self._marks
        else:
            raise ValueError(f"since {since!r}: say 'the last action' or 'the first fault'")
        text, source = self.hacmp_out(node)
        lines = text.splitlines()
        mark = marks.get(node, 0)
        return (lines[mark:] if mark <= len(lines) else lines), source  # a shorter file was truncated: all of it


def _attach_output(result: CommandResult) -> None:
    """Show the output in the current Allure step (a no-op without an Allure plugin)."""
    try:
        import allure
    except ImportError:  # the model's CLI may run without the test extras
        return
    body = result.output if result.status == 0 else f"{result.output}\n(exit status {result.status})"
    allure.attach(body, name=f"{result.host}$ {result.command}", attachment_type=allure.attachment_type.TEXT)
