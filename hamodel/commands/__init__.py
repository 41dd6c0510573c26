"""The command surface: what a user types on a node or a client, parsed and answered like AIX.

Usage::

    output, status = execute(world, "nodeA", "netstat -in")

Each command family lives in its own module and registers its commands in
:data:`COMMANDS` (name -> handler). A handler gets a :class:`Shell` (the
world, the host, the parsed words) and returns ``(output, status)``. Output
formats follow real AIX captures (see docs/modelling.md for what is
unverified). An unknown command or flag gets an AIX-style message and a
non-zero status, never a Python traceback.
"""

from __future__ import annotations

import shlex

from hamodel.commands.base import COMMANDS, Shell, UsageError

# Importing the families fills COMMANDS.
from hamodel.commands import cluster, devices, fs, lvm, network, process, shell, src, verify  # noqa: F401,E402


def execute(world, host: str, line: str) -> tuple[str, int]:
    """Run ``line`` on ``host``; return (what it prints, exit status)."""
    aix = world.host(host)
    line = line.strip()
    if not line:
        return "", 0
    if not aix.running:
        led = f", LED {aix.node.led}" if aix.node.led else ""
        return f"{host}: no response (the node is {aix.state}{led})\n", 255
    redirect = None
    for op in (">>", ">"):
        if op in line:
            line, target = line.split(op, 1)
            redirect = (op, target.strip())
            if not redirect[1]:
                return "ksh: syntax error: `newline' unexpected\n", 2
            break
    try:
        words = shlex.split(line)
    except ValueError as err:
        return f"ksh: syntax error: {err}\n", 2
    if not words:
        return "", 0
    sh = Shell(world, aix, words, redirect)
    handler = COMMANDS.get(words[0].rsplit("/", 1)[-1] if words[0].startswith("/usr/") else words[0])
    if handler is None:
        script = process.application_script(sh) if sh.is_node else None
        return script if script is not None else (f"ksh: {words[0]}:  not found.\n", 127)
    try:
        output, status = handler(sh)
    except UsageError as err:
        return str(err), 1
    if redirect and status == 0:
        return sh.redirect_output(output)
    return output, status
