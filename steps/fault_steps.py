"""Steps that break and repair things: cables, hubs, power, and faults typed on a node.

Usage (Gherkin)::

    Given fast reboot after a crash is enabled on nodeA with "mpcfg -cf 11 1"
    When I crash nodeA with "cat /etc/hosts > /dev/kmem"
    When I kill the cluster manager on nodeA with kill -9
    When I inject the fault "ifconfig en0 down" on nodeA
    When I pull the cable of nodeA en0
    When hub hub1 fails
    When I wait up to 600 seconds for nodeA to reboot

A step that *breaks* something marks a fault: the first fault of a drill starts
the takeover clock of the journal. Repairs and other typed commands are
actions: they only mark where "since the last action" begins in hacmp.out.
"""

from __future__ import annotations

from steps.drill import Drill
from steps.registry import step


# STEPS FOR: commands typed on a host
@step("given", 'fast reboot after a crash is enabled on {node:Name} with "{command}"')
def given_fast_reboot(world: Drill, node: str, command: str) -> None:
    world.type(node, command)


@step("when", 'I type "{command}" on {host:Name}')
def type_command(world: Drill, command: str, host: str) -> None:
    world.type(host, command)


@step("when", 'I inject the fault "{command}" on {host:Name}')
def inject_fault(world: Drill, command: str, host: str) -> None:
    world.type(host, command, fault=True)


@step("when", "I kill the cluster manager on {node:Name} with kill -9")
def kill_clstrmgr(world: Drill, node: str) -> None:
    """As an administrator would: read clstrmgr's PID from lssrc, then kill -9 it (book 8.2.3.3)."""
    from steps.observe import parse_lssrc

    rows = {s.name: s for s in parse_lssrc(world.read(node, "lssrc -s clstrmgr").output)}
    pid = rows["clstrmgr"].pid if "clstrmgr" in rows else None
    if pid is None:
        raise AssertionError(f"clstrmgr has no PID on {node}: the cluster manager is not running")
    world.type(node, f"kill -9 {pid}", fault=True)


@step("when", 'I crash {node:Name} with "{command}"')
def crash(world: Drill, node: str, command: str) -> None:
    world.type(node, command, fault=True)


# STEPS FOR: cables
@step("when", "I pull the cable of {node:Name} {iface:Name}")
def pull_cable(world: Drill, node: str, iface: str) -> None:
    world.act(f"unplug {node} {iface}", fault=True)


@step("when", "I plug the cable of {node:Name} {iface:Name} back in")
def plug_cable(world: Drill, node: str, iface: str) -> None:
    world.act(f"plug {node} {iface}")


@step("when", "I pull every network cable of {nodes:NodeList}")
def pull_all_cables(world: Drill, nodes: list[str]) -> None:
    for node in nodes:
        for iface in world.interfaces(node):
            world.act(f"unplug {node} {iface}", fault=True)


@step("when", "I plug every network cable of {nodes:NodeList} back in")
def plug_all_cables(world: Drill, nodes: list[str]) -> None:
    for node in nodes:
        for iface in world.interfaces(node):
            world.act(f"plug {node} {iface}")


@step("when", "I pull the serial cable {link:Name}")
def pull_serial(world: Drill, link: str) -> None:
    world.act(f"unplug serial {link}", fault=True)


@step("when", "I plug the serial cable {link:Name} back in")
def plug_serial(world: Drill, link: str) -> None:
    world.act(f"plug serial {link}")


# STEPS FOR: hubs
@step("when", "hub {hub:Name} fails")
def hub_fails(world: Drill, hub: str) -> None:
    world.act(f"fail hub {hub}", fault=True)


@step("when", "hub {hub:Name} is repaired")
def hub_repaired(world: Drill, hub: str) -> None:
    world.act(f"repair hub {hub}")


# STEPS FOR: power
@step("when", "I power off {node:Name}")
def power_off(world: Drill, node: str) -> None:
    world.act(f"power off {node}", fault=True)


@step("when", "I power on {node:Name}")
def power_on(world: Drill, node: str) -> None:
    world.act(f"power on {node}")


@step("when", "I wait up to {seconds:d} seconds for {node:Name} to reboot")
def wait_reboot(world: Drill, seconds: int, node: str) -> None:
    """Let time pass until AIX on ``node`` runs again, at most ``seconds``; a Then-step judges."""
    lab = world.lab
    deadline = lab.now + seconds
    while lab.host_state(node) != "running" and lab.now < deadline:
        lab.wait(min(5.0, deadline - lab.now))
