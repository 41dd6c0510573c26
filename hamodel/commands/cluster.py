"""HACMP commands: smit clstart / clstop, clstop, clfindres, clstat, lssrc -ls clstrmgr.

Usage::

    smit clstart                      start cluster services now, with clinfo
    smit clstop graceful | takeover | forced
    clstop -g | -gr | -f              the script smit clstop runs
    clfindres [-s] [group ...]
    clstat -a                          one screen of the ASCII status monitor
    clruncmd nodeB                     resume after a failed event script

SMIT's dialogue is reduced to its outcome: the fields the book sets
(4.4.2: start now, broadcast, no lock services, clinfo true) are the ones
used; ``smit clstop`` needs the shutdown mode as a word.
"""

from __future__ import annotations

from hamodel.commands.base import Shell, UsageError, command
from hamodel.scheduler import wallclock

STOP_MODES = {"graceful": "graceful", "takeover": "graceful_with_takeover",
              "graceful_with_takeover": "graceful_with_takeover", "forced": "forced"}


def _need_node(sh: Shell) -> None:
    if not sh.is_node:
        raise UsageError(f"ksh: {sh.name}:  not found.\n")


@command("smit", "smitty")
def smit(sh: Shell) -> tuple[str, int]:
    _need_node(sh)
    if not sh.args:
        raise UsageError("smit: this lab knows the fast paths clstart, clstop and raidant\n")
    fastpath, rest = sh.args[0], sh.args[1:]
    if fastpath == "raidant":
        from hamodel.commands.raid import raidant
        return raidant(sh, rest)
    if fastpath == "clstart":
        out = sh.world.cluster.start_services(sh.host.name, clinfo=True)
        return _smit_screen("OK", out), 0
    if fastpath == "clstop":
        if not rest or rest[0] not in STOP_MODES:
            raise UsageError("smit clstop: choose the Shutdown mode: graceful, takeover (graceful with takeover) or forced\n")
        out = sh.world.cluster.stop_services(sh.host.name, STOP_MODES[rest[0]])
        failed = out.startswith(("0513-004", "clstop:"))
        return _smit_screen("Failed" if failed else "OK", out), 1 if failed else 0
    raise UsageError(f"smit: 1800-106 The fast path {fastpath} is not in this lab\n")


def _smit_screen(status: str, body: str) -> str:
    return f"                                 COMMAND STATUS\n\nCommand: {status}            stdout: yes           stderr: no\n\n{body}\n"


@command("clstop")
def clstop(sh: Shell) -> tuple[str, int]:
    _need_node(sh)
    opts, _ = sh.opts("fgrsyN", "clstop [-f | -g | -gr] [-s] [-y] [-N]")
    mode = "forced" if "-f" in opts else "graceful_with_takeover" if "-r" in opts else "graceful" if "-g" in opts else None
    if mode is None:
        raise UsageError("Usage: clstop [-f | -g | -gr] [-s] [-y] [-N]\n")
    out = sh.world.cluster.stop_services(sh.host.name, mode)
    return out + "\n", 1 if out.startswith(("0513-004", "clstop:")) else 0


def _manager(sh: Shell):
    cluster = sh.world.cluster
    if not cluster.alive(sh.host.name):
        return None
    return cluster.managers[sh.host.name]


@command("clfindres")
def clfindres(sh: Shell) -> tuple[str, int]:
    _need_node(sh)
    opts, names = sh.opts("s", "clfindres [-s] [resgroup1] [resgroup2] ...")
    manager = _manager(sh)
    if manager is None:
        return "clfindres: the Cluster Manager is not running on this node.\n", 1
    groups = names or list(sh.world.cluster.groups)
    rows = []
    for g in groups:
        if g not in sh.world.cluster.groups:
            return f"clfindres: resource group {g} is not defined.\n", 1
        loc = manager.locations.get(g)
        if sh.world.cluster.group(g).type == "concurrent":
            loc = " ".join(sorted(manager.concurrent.get(g, set()))) or None
        state = "ERROR" if g in manager.errors else "UP" if loc else "DOWN"
        rows.append((g, sh.world.cluster.group(g).type, state, loc or ""))
    if "-s" in opts:
        return "".join(f"{g}:{state}:{loc}:{t}\n" for g, t, state, loc in rows), 0
    rule = "-" * 64
    out = [rule, "GroupName   Type       State      Location", "---------   ------     -----      --------"]
    out += [f"{g:<11} {t:<10} {state:<10} {loc}".rstrip() for g, t, state, loc in rows]
    out.append(rule)
    return "\n".join(out) + "\n", 0


@command("clstat")
def clstat(sh: Shell) -> tuple[str, int]:
    _need_node(sh)
    opts, _ = sh.opts("ac:r:io", "clstat [-a] [-c cluster ID] [-r seconds] [-i] [-o]")
    host = sh.host
    if not host.src.subsystems["clinfo"].active:
        return "clstat: Can't find clinfo; clinfo must be running.\n", 1
    cluster = sh.world.cluster
    d = cluster.definition
    manager = cluster.managers[host.name]
    up_nodes = manager.view
    busy = cluster.runner.busy()
    state = "UP" if up_nodes else "DOWN"
    sub = "UNSTABLE" if busy or not up_nodes else "STABLE"
    stamp = wallclock(sh.now).strftime("%a %b %d %H:%M:%S %Y")
    out = ["                clstat - HACMP for AIX Cluster Status Monitor",
           "                ---------------------------------------------", "",
           f"Cluster: {d.cluster.name} ({d.cluster.id})".ljust(44) + stamp,
           f"State: {state:<16} Nodes: {len(d.nodes)}", f"SubState: {sub}", ""]
    for node in d.nodes:
        nstate = "UP" if node.name in up_nodes else "DOWN"
        out.append(f"Node: {node.name:<16} State: {nstate}")
        stack = sh.world.hosts[node.name].stack
        for net in d.networks:
            for i, a in enumerate(a for a in net.adapters if a.node == node.name and a.ip):
                iface = stack.owner_of(a.ip)
                if iface is None:
                    continue
                live = node.name in up_nodes and iface.up
                out.append(f"   Interface: {a.label} ({i})".ljust(38) + f"Address: {a.ip}")
                out.append(" " * 38 + f"State:   {'UP' if live else 'DOWN'}")
        out.append("")
    out.append("************************ f/forward, b/back, r/refresh, q/quit ***********")
    return "\n".join(out) + "\n", 0


@command("clruncmd")
def clruncmd(sh: Shell) -> tuple[str, int]:
    """Resume event processing after a failed event script (book 7.2)."""
    _need_node(sh)
    if len(sh.args) != 1:
        raise UsageError("Usage: clruncmd node_name\n")
    node = sh.args[0]
    if node not in sh.world.cluster.managers:
        return f"clruncmd: {node} is not a cluster node.\n", 1
    if not sh.world.cluster.runner.clruncmd(node):
        return f"clruncmd: no failed event is waiting on {node}.\n", 1
    return "", 0
