"""Steps that read the network as an administrator does: netstat -in, ping, arp -a.

Usage (Gherkin)::

    Then netstat -in on nodeB shows 192.168.10.1 on en1
    And netstat -in on nodeA shows the hardware address 42:00:c0:a8:0a:01 on en1
    And the service label nodeA_svc is on nodeB en1
    And client1 pings nodeA_svc without loss
    And the ARP entry of client1 for nodeA_svc is the hardware address of the adapter holding it

Hardware addresses are compared after normalising both forms (netstat's dotted
``42.0.c0.a8.a.1``, arp's ``42:0:c0:a8:a:1``, the book's ``42:00:c0:a8:0a:01``).
"""

from __future__ import annotations

from steps.drill import Drill
from steps.observe import interface_of, mac_of, normalise_mac, parse_arp, parse_netstat_in, parse_ping
from steps.registry import step


def _netstat(world: Drill, node: str):
    result = world.read(node, "netstat -in")
    return parse_netstat_in(result.output), f"{node}$ netstat -in", result


def _where(rows, ip: str, output: str) -> str:
    iface = interface_of(rows, ip)
    if iface is not None:
        return f"{ip} on {iface}"
    return "not configured" if rows else f"no interface rows ({output.strip()[:120] or 'empty output'})"


# STEPS FOR: netstat -in
@step("then", "netstat -in on {node:Name} shows {ip:IP} on {iface:Name}")
def netstat_shows(world: Drill, node: str, ip: str, iface: str) -> None:
    rows, source, result = _netstat(world, node)
    world.evidence.check(f"{ip} configured on {node}", f"{ip} on {iface}", _where(rows, ip, result.output),
                         source=source)


@step("then", "netstat -in on {node:Name} does not show {ip:IP}")
def netstat_not_shows(world: Drill, node: str, ip: str) -> None:
    rows, source, result = _netstat(world, node)
    observed = _where(rows, ip, result.output)
    world.evidence.check(f"{ip} not configured on {node}", "not configured", observed,
                         passed=bool(rows) and interface_of(rows, ip) is None, source=source)


@step("then", "netstat -in on {node:Name} shows the hardware address {mac:MAC} on {iface:Name}")
def netstat_mac(world: Drill, node: str, mac: str, iface: str) -> None:
    rows, source, _ = _netstat(world, node)
    world.evidence.check(f"hardware address of {node} {iface}", normalise_mac(mac),
                         mac_of(rows, iface) or f"no link row for {iface}", source=source)


@step("then", "netstat -in on {node:Name} shows {iface:Name} down")
def netstat_down(world: Drill, node: str, iface: str) -> None:
    rows, source, _ = _netstat(world, node)
    states = {r.name: ("up" if r.up else "down") for r in rows}
    world.evidence.check(f"{node} {iface} state", "down", states.get(iface, "absent"), source=source)


# STEPS FOR: where a label is (structured read)
@step("then", "the service label {label:Name} is on {node:Name} {iface:Name}")
def label_on(world: Drill, label: str, node: str, iface: str) -> None:
    where = world.lab.label_location(label)
    world.evidence.check(f"location of {label}", f"{node} {iface}", " ".join(where) if where else "nowhere",
                         source=f"lab.label_location({label!r})")


# STEPS FOR: clients
def _ping(world: Drill, client: str, label: str):
    command = f"ping -c 3 {label}"
    result = world.read(client, command)
    stats = parse_ping(result.output)
    observed = (f"{stats.received}/{stats.transmitted} received, {stats.loss_percent}% loss" if stats
                else f"no statistics ({result.output.strip()[:120] or 'empty output'})")
    return stats, observed, f"{client}$ {command}"


@step("then", "{client:Name} pings {label:Name} without loss")
def pings(world: Drill, client: str, label: str) -> None:
    stats, observed, source = _ping(world, client, label)
    world.evidence.check(f"{client} reaches {label}", "3/3 received, 0% loss", observed,
                         passed=stats is not None and stats.transmitted > 0 and stats.loss_percent == 0,
                         source=source)


@step("then", "{client:Name} cannot ping {label:Name}")
def cannot_ping(world: Drill, client: str, label: str) -> None:
    stats, observed, source = _ping(world, client, label)
    world.evidence.check(f"{client} cannot reach {label}", "no reply (100% loss)", observed,
                         passed=stats is None or stats.received == 0, source=source)


def _arp_mac(world: Drill, client: str, label: str) -> tuple[str, str]:
    result = world.read(client, "arp -a")
    entry = next((e for e in parse_arp(result.output) if e.name == label), None)
    if entry is None:
        return f"no ARP entry for {label}", f"{client}$ arp -a"
    return entry.mac or "incomplete entry", f"{client}$ arp -a"


def _check_arp(world: Drill, client: str, label: str, node: str, iface: str) -> None:
    observed, arp_source = _arp_mac(world, client, label)
    rows, netstat_source, _ = _netstat(world, node)
    expected = mac_of(rows, iface) or f"the MAC of {node} {iface} (netstat shows no link row)"
    world.evidence.check(f"ARP entry of {client} for {label}", f"{expected} ({node} {iface})", observed,
                         passed=observed == mac_of(rows, iface), source=f"{arp_source}; {netstat_source}")


@step("then", "the ARP entry of {client:Name} for {label:Name} is the hardware address of {node:Name} {iface:Name}")
def arp_is_mac_of(world: Drill, client: str, label: str, node: str, iface: str) -> None:
    _check_arp(world, client, label, node, iface)


@step("then", "the ARP entry of {client:Name} for {label:Name} is the hardware address of the adapter holding it")
def arp_is_holder(world: Drill, client: str, label: str) -> None:
    where = world.lab.label_location(label)
    if where is None:
        world.evidence.check(f"ARP entry of {client} for {label}", "the MAC of the adapter holding it",
                             f"{label} is configured nowhere", passed=False,
                             source=f"lab.label_location({label!r})")
        return
    _check_arp(world, client, label, *where)


@step("then", "the ARP entry of {client:Name} for {label:Name} is {mac:MAC}")
def arp_is(world: Drill, client: str, label: str, mac: str) -> None:
    observed, source = _arp_mac(world, client, label)
    world.evidence.check(f"ARP entry of {client} for {label}", normalise_mac(mac), observed, source=source)



@step("given", "{client:Name} has talked to {label:Name}")
def given_talked(world: Drill, client: str, label: str) -> None:
    """The client has used the service (one ping), so its ARP cache holds the service address."""
    world.type(client, f"ping -c 1 {label}")
