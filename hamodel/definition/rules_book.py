"""The book's planning rules (chapters 2 to 4), checked on a loaded definition.

Usage::

    from hamodel.definition.errors import Findings
    from hamodel.definition.rules_book import Index, check_book
    findings = Findings("fixtures/hotstandby.yaml")
    check_book(definition, Index.of(definition), findings)
    findings.problems   # [] for a good definition

Each problem is tagged with the book section of the rule it breaks (see
``BEHAVIOURS.md``). The checks run after the schema pass, but names may still
point at nothing (that is reported by :mod:`.rules`), so every lookup here
tolerates a missing node, adapter or volume group and simply skips it.
"""

from __future__ import annotations

import ipaddress
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable

from hamodel.config import (
    AdapterSpec, ClusterDefinition, NetworkSpec, NicSpec, NodeSpec, ResourceGroupSpec,
    SharedDiskSpec, VolumeGroupSpec,
)
from hamodel.definition.errors import Findings

IP_NIMS = ("ether", "token")  # the IP network modules; the rest are serial
HWAT_NIMS = ("ether", "token")  # book 2.2.1.2: no HWAT on ATM, FCS or the SP Switch
MAX_NETWORKS, MAX_ADAPTERS_PER_NODE, MAX_STANDBYS = 32, 24, 7


def _first(pairs: Iterable[tuple[Any, Any]]) -> dict[Any, Any]:
    """Look-up by key; the first of two equal keys wins (duplicates are reported elsewhere)."""
    found: dict[Any, Any] = {}
    for key, value in pairs:
        found.setdefault(key, value)
    return found


@dataclass
class Index:
    """Name look-ups built once per definition."""

    definition: ClusterDefinition
    nodes: dict[str, NodeSpec]
    nics: dict[tuple[str, str], NicSpec]
    adapters: dict[str, tuple[NetworkSpec, AdapterSpec]]
    disks: dict[str, SharedDiskSpec]
    vgs: dict[str, VolumeGroupSpec]

    @classmethod
    def of(cls, d: ClusterDefinition) -> Index:
        return cls(d, _first((n.name, n) for n in d.nodes),
                   _first(((n.name, nic.interface), nic) for n in d.nodes for nic in n.nics),
                   _first((a.label, (net, a)) for net, a in d.adapters()),
                   _first((s.name, s) for s in d.shared_disks),
                   _first((v.name, v) for v in d.volume_groups))

    def boots_of(self, service: AdapterSpec) -> list[AdapterSpec]:
        """Boot labels on the service adapter's card: its address before HACMP starts."""
        return [a for _, a in self.definition.adapters() if a.function == "boot"
                and a.node == service.node and a.interface == service.interface]


def subnet(adapter: Any) -> ipaddress.IPv4Network | None:
    try:
        return ipaddress.IPv4Interface(f"{adapter.ip}/{adapter.netmask}").network
    except ValueError:
        return None  # a serial adapter, or a value the schema pass already rejected


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def check_book(d: ClusterDefinition, index: Index, findings: Findings) -> None:
    for check in (_cluster, _limits, _network_kinds, _subnets, _hwat, _clients, _serial,
                  _volume_groups, _groups, _n_plus_one):
        check(d, index, findings)


def _cluster(d: ClusterDefinition, index: Index, f: Findings) -> None:
    c = d.cluster
    if not 1 <= c.id <= 99999:
        f.at("4.2.1", c, f"cluster id {c.id} is outside 1-99999", "id")
    if len(c.name) > 31:
        f.at("4.2.1", c, f"cluster name {c.name} is {len(c.name)} characters long; "
                         "HACMP allows at most 31", "name")
    if not re.fullmatch(r"\w+", c.name, re.ASCII):
        f.at("4.2.1", c, f"cluster name '{c.name}' may use only letters, digits and "
                         "underscores", "name")


def _limits(d: ClusterDefinition, index: Index, f: Findings) -> None:
    if len(d.networks) > MAX_NETWORKS:
        f.at("2.2.1.1", d.networks[MAX_NETWORKS], f"the cluster has {len(d.networks)} "
             f"networks; HACMP supports at most {MAX_NETWORKS}")
    per_node = Counter(a.node for _, a in d.adapters())
    for node in d.nodes:
        if per_node[node.name] > MAX_ADAPTERS_PER_NODE:
            f.at("2.2.1.1", node, f"node {node.name} has {per_node[node.name]} adapters "
                 f"defined; HACMP supports at most {MAX_ADAPTERS_PER_NODE} per node")
    for net in d.networks:
        standbys = Counter(a.node for a in net.adapters if a.function == "standby")
        for name, count in standbys.items():
            if count > MAX_STANDBYS:
                extra = [a for a in net.adapters if a.function == "standby" and a.node == name]
                f.at("2.1.2", extra[MAX_STANDBYS], f"node {name} has {count} standby adapters "
                     f"on network {net.name}; at most {MAX_STANDBYS} are allowed per network")


def _network_kinds(d: ClusterDefinition, index: Index, f: Findings) -> None:
    card_network: dict[tuple[str, str | None], str] = {}
    for net in d.networks:
        if (net.attribute == "serial") != (net.nim not in IP_NIMS):
            f.at("4.2.3", net, f"network {net.name} uses the {net.nim} module, so its attribute "
                 f"must be {'public or private' if net.nim in IP_NIMS else 'serial'}, "
                 f"not {net.attribute}", "attribute")
        serial = net.nim not in IP_NIMS
        for a in net.adapters:
            if "-" in a.label:
                f.at("4.2.3", a, f"adapter label {a.label} contains '-'; the book says not to "
                     "use '-' in labels (clverify takes much longer)", "label")
            if a.function == "standby" and (serial or net.attribute != "public"):
                f.at("4.2.3", a, f"standby adapter {a.label} is on {net.attribute} network "
                     f"{net.name}; serial and private networks have no standby adapters")
            if a.function == "boot" and serial:
                f.at("2.4.3", a, f"boot adapter {a.label} is on serial network {net.name}; "
                     "a boot label is an IP address, serial adapters have none")
            if not serial:  # a card is cabled to one physical network, so it has one name
                first = card_network.setdefault((a.node, a.interface), net.name)
                if first != net.name:
                    f.at("2.4.3", a, f"adapter {a.label} puts {a.node} {a.interface} on network "
                         f"{net.name}, but that card is already on network {first}")
        _one_role_per_card(net, f)


def _one_role_per_card(net: NetworkSpec, f: Findings) -> None:
    """A standby card carries only its standby label; service and boot share the other card."""
    cards: dict[tuple[str, str | None], list[AdapterSpec]] = {}
    for a in net.adapters:
        cards.setdefault((a.node, a.interface), []).append(a)
    for (node, interface), adapters in cards.items():
        if net.nim in IP_NIMS and len(adapters) > 1 \
                and any(a.function == "standby" for a in adapters):
            labels = ", ".join(a.label for a in adapters)
            f.at("2.4.3", adapters[1], f"{node} {interface} carries {labels}; a standby "
                 "card carries only its one standby label")


def _subnets(d: ClusterDefinition, index: Index, f: Findings) -> None:
    for net in d.networks:
        services = [a for a in net.adapters if a.function == "service" and subnet(a)]
        for a in net.adapters:
            if a.function == "boot" and subnet(a):
                _boot_subnet(net, a, services, f)
            elif a.function == "standby" and subnet(a):
                _standby_subnet(net, a, services, f)


def _boot_subnet(net: NetworkSpec, boot: AdapterSpec, services: list[AdapterSpec],
                 f: Findings) -> None:
    mine = [s for s in services if s.node == boot.node and s.interface == boot.interface]
    if not mine:
        f.at("2.4.3", boot, f"boot adapter {boot.label} has no service adapter on "
             f"{boot.node} {boot.interface}; a boot label is the address that card has "
             "until HACMP gives it the service label")
    for s in mine:
        if subnet(s) != subnet(boot) or s.netmask != boot.netmask:
            f.at("2.4.3", boot, f"boot adapter {boot.label} ({boot.ip}/{boot.netmask}) must "
                 f"be on the subnet of its service adapter {s.label} ({subnet(s)})")


def _standby_subnet(net: NetworkSpec, standby: AdapterSpec, services: list[AdapterSpec],
                    f: Findings) -> None:
    for s in services:
        if _on_subnet(standby.ip, s):
            f.at("3.2.1.2", standby, f"standby adapter {standby.label} ({standby.ip}) is on "
                 f"the subnet of service adapter {s.label} ({subnet(s)}); standby adapters "
                 "must be on a different subnet")
            return
    masks = sorted({str(s.netmask) for s in services if s.netmask != standby.netmask})
    if masks:
        f.at("3.2.1.2", standby, f"standby adapter {standby.label} has netmask "
             f"{standby.netmask} but the service adapters on {net.name} use {masks[0]}; "
             "a standby needs the same netmask")


def _hwat(d: ClusterDefinition, index: Index, f: Findings) -> None:
    burned_in = {nic.mac: f"card {n.name} {nic.interface}" for n in d.nodes for nic in n.nics}
    burned_in.update({c.mac: f"client {c.name}" for c in d.clients})
    owners: dict[str, str] = {}
    for net, a in d.adapters():
        mac = a.hw_address
        if mac is None:
            continue
        if net.nim not in HWAT_NIMS:
            f.at("2.2.1.2", a, f"adapter {a.label} has a hw_address, but hardware address "
                 f"takeover works only on Ethernet and Token-Ring, not on {net.nim} network "
                 f"{net.name}", "hw_address")
        elif a.function != "service":
            f.at("2.2.1.2", a, f"{a.function} adapter {a.label} has a hw_address; only a "
                 "service adapter takes an alternate hardware address", "hw_address")
        elif not index.boots_of(a):
            f.at("4.2.3", a, f"service adapter {a.label} has a hw_address but no boot label "
                 "on its card; HWAT goes with IP address takeover, which needs a boot "
                 "address", "hw_address")
        first_octet = int(mac[:2], 16)
        if not first_octet & 0x02 or first_octet & 0x01:
            f.at("2.2.1.2", a, f"hw_address {mac} of {a.label} is not a locally administered "
                 "unicast MAC: the first byte must have bit 0x02 set and bit 0x01 clear "
                 "(for example 42:...)", "hw_address")
        if mac in burned_in:
            f.at("2.2.1.2", a, f"hw_address {mac} of {a.label} is the burned-in address of "
                 f"{burned_in[mac]}; the alternate address must differ", "hw_address")
        if owners.setdefault(mac, a.label) != a.label:
            f.at("2.2.1.2", a, f"hw_address {mac} of {a.label} is already used by "
                 f"{owners[mac]}", "hw_address")


def _clients(d: ClusterDefinition, index: Index, f: Findings) -> None:
    for c in d.clients:
        nets = [net for net in d.networks for a in net.adapters
                if a.function == "service" and _on_subnet(c.ip, a)]
        if not nets:
            f.at("2.4.3", c, f"client {c.name} ({c.ip}) is not on the service subnet of any "
                 "public network, so it cannot reach a service address")
        elif nets[0].attribute != "public":
            f.at("2.4.3", c, f"client {c.name} is on {nets[0].attribute} network "
                 f"{nets[0].name}; clients may use only public networks")


def _on_subnet(ip: str | None, adapter: AdapterSpec) -> bool:
    network = subnet(adapter)
    return network is not None and ip is not None and ipaddress.IPv4Address(ip) in network


def _serial(d: ClusterDefinition, index: Index, f: Findings) -> None:
    used: dict[tuple[str, str], str] = {}
    for link in d.serial_links:
        nodes = {node for node, _ in link.ends}
        if len(link.ends) != 2 or len(nodes) != 2:
            f.at("2.2.2.2", link, f"serial link {link.name} must join two different nodes, "
                 f"one port each; it has {_plural(len(link.ends), 'end')} on "
                 f"{_plural(len(nodes), 'node')}", "ends")
        for end in link.ends:
            if used.setdefault(end, link.name) != link.name:
                f.at("2.2.2.2", link, f"port {end[0]}:{end[1]} is already used by serial link "
                     f"{used[end]}; each port takes one cable", "ends")
    ends = {link.name: set(link.ends) for link in d.serial_links}
    for net in d.networks:
        if net.nim != "rs232":
            continue
        ports = {(a.node, (a.device or "").removeprefix("/dev/")) for a in net.adapters}
        if len(net.adapters) != 2 or len({a.node for a in net.adapters}) != 2:
            f.at("2.2.2.2", net, f"RS232 network {net.name} must have exactly two adapters on "
                 "two different nodes (one per end of the cable)")
        elif ports not in ends.values():
            f.at("2.2.2.2", net, f"the adapters of RS232 network {net.name} are not the two "
                 "ends of one serial link")


def _volume_groups(d: ClusterDefinition, index: Index, f: Findings) -> None:
    in_groups = {name for g in d.resource_groups for name in g.volume_groups}
    names: dict[str, VolumeGroupSpec] = {}
    majors: dict[int, str] = {}
    for vg in d.volume_groups:
        first = names.setdefault(vg.name, vg)
        if first is not vg:
            f.at("3.4.1", vg, f"volume group name {vg.name} is used twice (first at line "
                 f"{f.lines.of(first)}); shared VG names must be unique in the cluster", "name")
        elif majors.setdefault(vg.major, vg.name) != vg.name:
            f.at("3.4.1", vg, f"volume group {vg.name} has major number {vg.major}, already "
                 f"used by {majors[vg.major]}; each shared VG needs its own", "major")
        if vg.auto_varyon and vg.name in in_groups:
            f.at("3.4.1", vg, f"volume group {vg.name} is in a resource group, so auto_varyon "
                 "must be false: HACMP varies it on, not the boot", "auto_varyon")
        types = {lv.type for lv in vg.logical_volumes}
        if "jfs" in types and "jfslog" not in types:
            f.at("3.4.2", vg, f"volume group {vg.name} has jfs file systems but no jfslog "
                 "logical volume for their log", "logical_volumes")


def _groups(d: ClusterDefinition, index: Index, f: Findings) -> None:
    for g in d.resource_groups:
        if g.inactive_takeover and g.type != "cascading":
            f.at("2.4.1", g, f"resource group {g.name} is {g.type}; inactive_takeover "
                 "applies to cascading groups only", "inactive_takeover")
        if g.type == "concurrent":
            _concurrent(g, index, f)
        for label in g.service_labels:
            if label in index.adapters:
                _service_label(g, *index.adapters[label], index, f)
        for vg in (index.vgs[name] for name in g.volume_groups if name in index.vgs):
            for disk in (index.disks[n] for n in vg.disks if n in index.disks):
                missing = [n for n in g.nodes if n in index.nodes and n not in disk.nodes]
                if missing:
                    f.at("3.4.4", g, f"resource group {g.name} can run on {missing[0]}, but "
                         f"disk {disk.name} of volume group {vg.name} is not cabled to it")


def _concurrent(g: ResourceGroupSpec, index: Index, f: Findings) -> None:
    if g.filesystems:
        f.at("2.4.1", g, f"concurrent group {g.name} lists file systems; a JFS cannot be "
             "mounted on several nodes at once, concurrent groups use raw volumes", "filesystems")
    if g.service_labels:
        f.at("2.4.2.2", g, f"concurrent group {g.name} has service labels; IP labels must "
             "stay in a cascading group", "service_labels")
    for vg in (index.vgs[name] for name in g.volume_groups if name in index.vgs):
        if not vg.quorum:
            f.at("3.4.5", vg, f"volume group {vg.name} is in concurrent group {g.name}, so "
                 "quorum must be on", "quorum")


def _service_label(g: ResourceGroupSpec, net: NetworkSpec, a: AdapterSpec, index: Index,
                   f: Findings) -> None:
    where = g.service_labels.index(a.label)
    if a.function != "service" or net.nim not in IP_NIMS:
        kind = f"a {a.function} adapter" if net.nim in IP_NIMS else "a serial adapter"
        f.at("2.4.3", g, f"{a.label} in resource group {g.name} is {kind}; only service "
             "labels on IP networks can be taken over", "service_labels", where)
        return
    if a.node not in g.nodes:
        f.at("4.3.1.1", g, f"service label {a.label} belongs to {a.node}, which is not in "
             f"the node list of resource group {g.name}", "service_labels", where)
    if len(g.nodes) > 1 and not index.boots_of(a):
        f.at("2.4.3", g, f"service label {a.label} moves between the nodes of {g.name}, so "
             f"{a.node} {a.interface} needs a boot label (IP address takeover needs a "
             "boot address)", "service_labels", where)
    for node in g.nodes:
        if node != a.node and node in index.nodes and not _standbys(net, node):
            f.at("2.2.1.2", g, f"{node} may take over {a.label} but has no standby adapter "
                 f"on network {net.name}; IP address takeover needs a second adapter",
                 "service_labels", where)


def _standbys(net: NetworkSpec, node: str) -> int:
    return sum(1 for a in net.adapters if a.node == node and a.function == "standby")


def _n_plus_one(d: ClusterDefinition, index: Index, f: Findings) -> None:
    """Book 4.3.1.1: a node may have to hold at most (its standby adapters + 1) IPAT groups."""
    for net in (n for n in d.networks if n.nim in IP_NIMS):
        labels = {a.label for a in net.adapters if a.function == "service" and index.boots_of(a)}
        ipat = [g for g in d.resource_groups
                if g.type == "cascading" and labels.intersection(g.service_labels)]
        for node in d.nodes:
            groups = [g for g in ipat if node.name in g.nodes]
            limit = _standbys(net, node.name) + 1
            if len(groups) > limit:
                names = ", ".join(g.name for g in groups)
                f.at("4.3.1.1", groups[limit], f"N+1 rule: {node.name} may have to hold "
                     f"{len(groups)} IP-takeover cascading groups on network {net.name} "
                     f"({names}) but has {_plural(limit - 1, 'standby adapter')} there, so "
                     f"at most {limit}")
