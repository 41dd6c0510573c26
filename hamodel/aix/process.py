"""The process table of one node: PIDs, owners, commands.

PIDs come from a per-node counter so two runs with the same seed and acts
print the same ``ps`` output.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Process:
    pid: int
    ppid: int
    user: str
    uid: int
    command: str
    started: float


class ProcessTable:
    def __init__(self, first_pid: int) -> None:
        self.processes: dict[int, Process] = {}
        self._next = first_pid

    def spawn(self, user: str, uid: int, command: str, now: float, ppid: int = 1) -> Process:
        # AIX hands out PIDs in steps that look random; a fixed stride keeps runs repeatable.
        self._next += 2 * 129 + 1
        proc = Process(self._next, ppid, user, uid, command, now)
        self.processes[proc.pid] = proc
        return proc

    def kill(self, pid: int) -> bool:
        return self.processes.pop(pid, None) is not None

    def kill_matching(self, command: str) -> int:
        doomed = [p.pid for p in self.processes.values() if p.command == command]
        for pid in doomed:
            self.kill(pid)
        return len(doomed)

    def clear(self) -> None:
        self.processes.clear()

    def using(self, mount: str) -> bool:
        """Does a process use a file under ``mount`` (what ``fuser -c`` would find)?"""
        prefix = mount.rstrip("/") + "/"
        return any(word == mount or word.startswith(prefix)
                   for p in self.processes.values() for word in p.command.split())
