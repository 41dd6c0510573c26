"""SRC commands: lssrc, startsrc, stopsrc.

Usage::

    lssrc -g cluster | lssrc -g tcpip | lssrc -s clstrmgr | lssrc -a | lssrc -ls clstrmgr
    startsrc -g tcpip | startsrc -s inetd
    stopsrc -g tcpip | stopsrc -s clinfo
"""

from __future__ import annotations

from hamodel.commands.base import Shell, UsageError, command

HEADER = "Subsystem         Group            PID          Status"


def _row(sub) -> str:
    return f" {sub.name:<16} {sub.group:<16} {str(sub.pid or ''):<12} {'active' if sub.active else 'inoperative'}"


@command("lssrc")
def lssrc(sh: Shell) -> tuple[str, int]:
    opts, rest = sh.opts("ag:s:l", "lssrc [-a | -g Group | -s Subsystem] [-l]")
    src = sh.host.src
    if "-a" in opts:
        subs = list(src.subsystems.values())
    elif "-g" in opts:
        subs = src.group(opts["-g"])
        if not subs:
            return f"0513-086 The {opts['-g']} Group is not in the Subsystem Object Class.\n", 1
    elif "-s" in opts:
        sub = src.subsystems.get(opts["-s"])
        if sub is None:
            return f"0513-085 The {opts['-s']} Subsystem is not on file.\n", 1
        subs = [sub]
    else:
        raise UsageError("Usage: lssrc [-a | -g Group | -s Subsystem] [-l]\n")
    out = [HEADER, *(_row(s) for s in subs)]
    if "-l" in opts and "-s" in opts and opts["-s"] == "clstrmgr" and sh.is_node:
        manager = sh.world.cluster.managers[sh.host.name]
        out.append(f"Current state: {manager.state}")
    return "\n".join(out) + "\n", 0


def _targets(sh: Shell, verb: str) -> list[str]:
    opts, rest = sh.opts("g:s:", f"{verb} [-g Group | -s Subsystem]")
    src = sh.host.src
    if "-g" in opts:
        subs = src.group(opts["-g"])
        if not subs:
            raise UsageError(f"0513-086 The {opts['-g']} Group is not in the Subsystem Object Class.\n")
        return [s.name for s in subs]
    if "-s" in opts:
        if opts["-s"] not in src.subsystems:
            raise UsageError(f"0513-085 The {opts['-s']} Subsystem is not on file.\n")
        return [opts["-s"]]
    raise UsageError(f"Usage: {verb} [-g Group | -s Subsystem]\n")


@command("startsrc")
def startsrc(sh: Shell) -> tuple[str, int]:
    out = []
    for name in _targets(sh, "startsrc"):
        if name == "clstrmgr" and sh.is_node:
            # Starting the cluster manager by hand is what smit clstart does underneath.
            out.append(sh.world.cluster.start_services(sh.host.name, clinfo=False).splitlines()[0])
            continue
        if sh.host.src.start(name):
            out.append(f"0513-059 The {name} Subsystem has been started. Subsystem PID is {sh.host.src.subsystems[name].pid}.")
        else:
            out.append(f"0513-029 The {name} Subsystem is already active.\nMultiple instances are not supported.")
    return "\n".join(out) + "\n", 0


@command("stopsrc")
def stopsrc(sh: Shell) -> tuple[str, int]:
    out = []
    for name in _targets(sh, "stopsrc"):
        if name == "clstrmgr" and sh.is_node and sh.host.src.subsystems[name].active:
            # SIGTERM to the cluster manager is a graceful stop (what clstop -g sends).
            out.append(sh.world.cluster.stop_services(sh.host.name, "graceful"))
            continue
        if sh.host.src.stop(name):
            out.append(f"0513-044 The {name} Subsystem was requested to stop.")
        else:
            out.append(f"0513-004 The Subsystem or Group, {name}, is currently inoperative.")
    return "\n".join(out) + "\n", 0
