"""The System Resource Controller: subsystems, their groups, PIDs and status.

A subsystem is *active* (has a PID) or *inoperative*. ``startsrc``/``stopsrc``
act on one subsystem (``-s``) or a group (``-g``); what a subsystem *does*
while active belongs to its owner (the TCP/IP stack, the cluster manager),
which registers hooks here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


@dataclass
class Subsystem:
    name: str
    group: str
    pid: int | None = None

    @property
    def active(self) -> bool:
        return self.pid is not None


class SRC:
    """One node's subsystems, in ``lssrc -a`` order."""

    def __init__(self, new_pid: Callable[[str], int]) -> None:
        self.subsystems: dict[str, Subsystem] = {}
        self._new_pid = new_pid
        self.on_start: dict[str, Callable[[], None]] = {}
        self.on_stop: dict[str, Callable[[], None]] = {}

    def define(self, name: str, group: str) -> None:
        self.subsystems[name] = Subsystem(name, group)

    def group(self, group: str) -> list[Subsystem]:
        return [s for s in self.subsystems.values() if s.group == group]

    def start(self, name: str) -> bool:
        """Start one subsystem; False when it was already active."""
        sub = self.subsystems[name]
        if sub.active:
            return False
        sub.pid = self._new_pid(name)
        if name in self.on_start:
            self.on_start[name]()
        return True

    def stop(self, name: str) -> bool:
        sub = self.subsystems[name]
        if not sub.active:
            return False
        sub.pid = None
        if name in self.on_stop:
            self.on_stop[name]()
        return True

    def died(self, name: str) -> None:
        """The subsystem's process was killed outside SRC: it is gone, and its owner knows."""
        sub = self.subsystems[name]
        if sub.active:
            sub.pid = None
            if name in self.on_stop:
                self.on_stop[name]()

    def kill_all(self) -> None:
        """The machine halted: every subsystem is gone, no stop hooks run."""
        for sub in self.subsystems.values():
            sub.pid = None
