"""What every command handler gets: the world, the host it runs on, its words.

Usage::

    @command("hostname")
    def hostname(sh: Shell) -> tuple[str, int]:
        return sh.host.name + "\\n", 0
"""

from __future__ import annotations

import getopt
from dataclasses import dataclass
from typing import Callable

COMMANDS: dict[str, Callable[["Shell"], tuple[str, int]]] = {}


class UsageError(Exception):
    """A bad flag or argument: the message is what AIX would print."""


def command(*names: str):
    def deco(fn):
        for name in names:
            COMMANDS[name] = fn
        return fn
    return deco


@dataclass
class Shell:
    world: object
    host: object  # AixHost
    words: list[str]
    redirect: tuple[str, str] | None = None

    @property
    def name(self) -> str:
        return self.words[0]

    @property
    def args(self) -> list[str]:
        return self.words[1:]

    @property
    def now(self) -> float:
        return self.world.sched.now

    @property
    def is_node(self) -> bool:
        return self.host.name in self.world.hosts

    def opts(self, spec: str, usage: str) -> tuple[dict[str, str], list[str]]:
        """getopt with AIX's complaint on a bad flag."""
        try:
            found, rest = getopt.getopt(self.args, spec)
        except getopt.GetoptError as err:
            flag = err.opt or "?"
            if "requires argument" in err.msg:
                raise UsageError(f"{self.name}: Flag -{flag} requires a parameter.\nUsage: {usage}\n") from None
            raise UsageError(f"{self.name}: Not a recognized flag: {flag}\nUsage: {usage}\n") from None
        return {k: v for k, v in found}, rest

    def redirect_output(self, output: str) -> tuple[str, int]:
        op, target = self.redirect
        if target == "/dev/kmem":
            # Writing garbage over kernel memory: the kernel panics (book 6.2.2.1).
            self.host.crash()
            return "", 0
        if target == "/dev/null":
            return "", 0
        from hamodel.commands.shell import write_file
        return write_file(self, target, output, append=(op == ">>"))
