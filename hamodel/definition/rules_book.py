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
Disks are looked up through ``ClusterDefinition.hdisks()``, so a volume group
may sit on plain shared disks, SSA pdisks (book 2.3.1) or 7135 LUNs (2.3.2) alike.
"""

from __future__ import annotations

import ipaddress
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable

from hamodel.config import (
    AdapterSpec, ArraySpec, ClusterDefinition, LunSpec, NetworkSpec, NicSpec, NodeSpec, PdiskSpec,
    ResourceGroupSpec, SharedDiskSpec, SsaAdapterSpec, SsaLoopSpec, VolumeGroupSpec,
)
from hamodel.definition.errors import Findings

IP_NIMS = ("ether", "token")  # the IP network modules; the rest are serial
HWAT_NIMS = ("ether", "token")  # book 2.2.1.2: no HWAT on ATM, FCS or the SP Switch
MAX_NETWORKS, MAX_ADAPTERS_PER_NODE, MAX_STANDBYS = 32, 24, 7
# Book 2.3.1.3: pdisks per SSA loop, adapters per loop (6215/6219 without RAID), adapters of
# one node on a loop; 6217 and 6218 are RAID adapters that must be alone in their loop.
MAX_LOOP_PDISKS, MAX_LOOP_ADAPTERS, MAX_NODE_ADAPTERS_ON_LOOP = 48, 8, 2
SINGLE_ADAPTER_RAID = ("6217", "6218")
# Book 2.3.2: 7135 arrays on one SCSI bus, LUNs per array, controllers per array.
MAX_ARRAYS_PER_BUS, MAX_LUNS, MAX_CONTROLLERS = 2, 6, 2
# Book 2.4.2.2: nodes of a concurrent group, by the storage its volume groups are on.
MAX_CONCURRENT_NODES_7135, MAX_CONCURRENT_NODES_SSA = 4, 8


def _first(pairs: Iterable[tuple[Any, Any]]) -> dict[Any, Any]:
    """Look-up by key; the first of two equal keys wins (duplicates are reported elsewhere)."""
    found: dict[Any, Any] = {}
    for key, value in pairs:
        found.setdefault(key, value)
    return found


def port_pair(item: str) -> tuple[str, str, str] | None:
    """An SSA loop item ``nodeA:ssa0:A`` as (node, adapter, pair); None for a pdisk name."""
    parts = item.split(":")
    return (parts[0], parts[1], parts[2]) if len(parts) == 3 else None


@dataclass
class Index:
    """Name look-ups built once per definition."""

    definition: ClusterDefinition
    nodes: dict[str, NodeSpec]
    nics: dict[tuple[str, str], NicSpec]
    adapters: dict[str, tuple[NetworkSpec, AdapterSpec]]
    disks: dict[str, SharedDiskSpec]  # every shared hdisk: plain, SSA or 7135 LUN
    vgs: dict[str, VolumeGroupSpec]
    pdisks: dict[str, PdiskSpec]
    ssa_hdisks: dict[str, PdiskSpec]  # hdisk name -> the SSA pdisk behind it
    luns: dict[str, tuple[ArraySpec, LunSpec]]  # hdisk name -> the 7135 LUN behind it
    ssa_adapters: dict[tuple[str, str], SsaAdapterSpec]  # (node, ssa0)

    @classmethod
    def of(cls, d: ClusterDefinition) -> Index:
        pdisks = [p for drawer in d.drawers for p in drawer.pdisks]
        return cls(d, _first((n.name, n) for n in d.nodes),
                   _first(((n.name, nic.interface), nic) for n in d.nodes for nic in n.nics),
                   _first((a.label, (net, a)) for net, a in d.adapters()),
                   _first((s.name, s) for s in d.hdisks()),
                   _first((v.name, v) for v in d.volume_groups),
                   _first((p.name, p) for p in pdisks),
                   _first((p.hdisk, p) for p in pdisks),
                   _first((lun.hdisk, (a, lun)) for a in d.arrays for lun in a.luns),
                   _first(((n.name, a.name), a) for n in d.nodes for a in n.ssa_adapters))

    def boots_of(self, service: AdapterSpec) -> list[AdapterSpec]:
        """Boot labels on the service adapter's card: its address before HACMP starts."""
        return [a for _, a in self.definition.adapters() if a.function == "boot"
                and a.node == service.node and a.interface == service.interface]


def subnet(adapter: Any) -> ipaddress.IPv4Network | None:
    try:
        return ipaddress.IPv4Interface(f"{adapter.ip}/{adapter.netmask}").network
    except ValueError:
        return None  # a serial adapter, or a value the schema pass already rejected


def _and(names: list[str]) -> str:
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def check_book(d: ClusterDefinition, index: Index, findings: Findings) -> None:
    for check in (_cluster, _limits, _network_kinds, _subnets, _hwat, _clients, _serial, _tmssa,
                  _rootvg, _ssa_loops, _arrays, _scsi_ids, _volume_groups, _mirroring, _groups,
                  _ssa_node_numbers, _n_plus_one):
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


def _tmssa(d: ClusterDefinition, index: Index, f: Findings) -> None:
    """Book 2.2.2.2: target-mode SSA needs 6215/6219 adapters with microcode 1801 or later and
    distinct non-zero node numbers; /dev/tmssaN on one node talks to the node numbered N."""
    for net in (n for n in d.networks if n.nim == "tmssa"):
        nodes = [index.nodes[a.node] for a in net.adapters if a.node in index.nodes]
        if len(net.adapters) != 2 or len({n.name for n in nodes}) != 2:
            f.at("2.2.2.2", net, f"target-mode SSA network {net.name} must have exactly two adapters "
                 "on two different nodes")
            continue
        for a, node, other in ((net.adapters[0], nodes[0], nodes[1]), (net.adapters[1], nodes[1], nodes[0])):
            cards = [c for c in node.ssa_adapters if c.type in ("6215", "6219")
                     and c.microcode.isdigit() and int(c.microcode) >= 1801]
            if not cards:
                f.at("2.2.2.2", a, f"adapter {a.label}: target-mode SSA needs a 6215 or 6219 SSA "
                     f"adapter with microcode 1801 or later on {node.name}")
            if node.ssa_node_number == 0 or node.ssa_node_number == other.ssa_node_number:
                f.at("2.2.2.2", a, f"adapter {a.label}: target-mode SSA needs distinct non-zero SSA "
                     f"node numbers ({node.name} has {node.ssa_node_number}, {other.name} "
                     f"{other.ssa_node_number})")
            elif a.device and a.device != f"/dev/tmssa{other.ssa_node_number}":
                f.at("2.2.2.2", a, f"adapter {a.label} on {node.name} must be /dev/tmssa"
                     f"{other.ssa_node_number}: the device is named after the other node's SSA "
                     f"node number", "device")


def _rootvg(d: ClusterDefinition, index: Index, f: Findings) -> None:
    for node in d.nodes:
        if node.rootvg_mirrored and node.internal_disks < 2:
            f.at("3.1.2", node, f"node {node.name} has rootvg_mirrored but "
                 f"{_plural(node.internal_disks, 'internal disk')}; mirroring rootvg needs a "
                 "second internal disk (hdisk1) for the copies", "rootvg_mirrored")


def _ssa_loops(d: ClusterDefinition, index: Index, f: Findings) -> None:
    for loop in d.ssa_loops:
        pairs = [(number, pair) for number, pair in enumerate(map(port_pair, loop.ring)) if pair]
        if not pairs:
            f.at("2.3.1.3", loop, f"SSA loop {loop.name} has no adapter; a loop needs at least "
                 "one adapter port pair (like nodeA:ssa0:A) to reach its disks", "ring")
            continue
        pdisks = len(loop.ring) - len(pairs)
        if pdisks > MAX_LOOP_PDISKS:
            f.at("2.3.1.3", loop, f"SSA loop {loop.name} has {pdisks} pdisks; an SSA loop "
                 f"takes at most {MAX_LOOP_PDISKS}", "ring")
        adapters = _loop_adapters(loop, pairs, f)
        _loop_adapter_counts(loop, adapters, f)
        _loop_raid_adapters(loop, adapters, index, f)


def _loop_adapters(loop: SsaLoopSpec, pairs: list[tuple[int, tuple[str, str, str]]],
                   f: Findings) -> dict[tuple[str, str], int]:
    """Each adapter of the loop, with the ring position it first joins at."""
    first: dict[tuple[str, str], tuple[int, str]] = {}
    for number, (node, name, pair) in pairs:
        seen = first.setdefault((node, name), (number, pair))
        if seen[1] != pair:
            f.at("2.3.1.3", loop, f"adapter {node} {name} is in SSA loop {loop.name} with "
                 "both port pairs, A and B; an adapter joins a loop with one pair (A1/A2 or "
                 "B1/B2), its other pair serves another loop", "ring", number)
    return {adapter: number for adapter, (number, _) in first.items()}


def _loop_adapter_counts(loop: SsaLoopSpec, adapters: dict[tuple[str, str], int],
                         f: Findings) -> None:
    per_node: Counter[str] = Counter()
    for (node, name), number in adapters.items():
        per_node[node] += 1
        if per_node[node] == MAX_NODE_ADAPTERS_ON_LOOP + 1:
            f.at("2.3.1.3", loop, f"node {node} has more than {MAX_NODE_ADAPTERS_ON_LOOP} "
                 f"adapters in SSA loop {loop.name} ({name} is one too many); at most "
                 f"{MAX_NODE_ADAPTERS_ON_LOOP} adapters of one system may be on a loop",
                 "ring", number)
    if len(adapters) > MAX_LOOP_ADAPTERS:
        number = list(adapters.values())[MAX_LOOP_ADAPTERS]
        f.at("2.3.1.3", loop, f"SSA loop {loop.name} has {len(adapters)} adapters; at most "
             f"{MAX_LOOP_ADAPTERS} adapters share one loop (6215/6219 without RAID)",
             "ring", number)


def _loop_raid_adapters(loop: SsaLoopSpec, adapters: dict[tuple[str, str], int], index: Index,
                        f: Findings) -> None:
    nodes = list(dict.fromkeys(node for node, _ in adapters))
    if len(nodes) < 2:
        return
    for (node, name), number in adapters.items():
        card = index.ssa_adapters.get((node, name))
        if card is not None and card.type in SINGLE_ADAPTER_RAID:
            f.at("2.3.1.3", loop, f"SSA loop {loop.name} joins {_and(nodes)}, but "
                 f"{node} {name} is a {card.type}, a RAID adapter that must be alone in its "
                 "loop; it cannot share disks between HACMP nodes", "ring", number)


def _arrays(d: ClusterDefinition, index: Index, f: Findings) -> None:
    on_bus: dict[str, list[str]] = {}
    for array in d.arrays:
        for number, bus in enumerate(array.buses):
            if bus in array.buses[:number]:
                f.at("2.3.2", array, f"7135 array {array.name} has two controllers on bus "
                     f"{bus}; its controllers go on different SCSI buses, so that one bus "
                     "failing leaves the other path", "buses", number)
                continue
            names = on_bus.setdefault(bus, [])
            names.append(array.name)
            if len(names) == MAX_ARRAYS_PER_BUS + 1:
                f.at("2.3.2", array, f"SCSI bus {bus} has {len(names)} 7135 arrays "
                     f"({', '.join(names)}); HACMP supports at most {MAX_ARRAYS_PER_BUS} on "
                     "one bus", "buses", number)
        if len(array.buses) > MAX_CONTROLLERS:
            f.at("2.3.2", array, f"7135 array {array.name} lists {len(array.buses)} buses; a "
                 f"7135 has at most {MAX_CONTROLLERS} controllers, one per bus", "buses",
                 MAX_CONTROLLERS)
        if len(array.luns) > MAX_LUNS:
            f.at("2.3.2", array.luns[MAX_LUNS], f"7135 array {array.name} has "
                 f"{len(array.luns)} LUNs; a 7135 holds at most {MAX_LUNS}")
        for lun in array.luns:
            _lun(array, lun, f)


def _lun(array: ArraySpec, lun: LunSpec, f: Findings) -> None:
    drives = len(lun.drives)
    if lun.raid == 3 and array.type != "7135-110":
        f.at("2.3.2", lun, f"LUN {lun.hdisk} of {array.type} array {array.name} is RAID 3; "
             "only the 7135-110 offers RAID 3", "raid")
    if lun.raid == 1 and drives % 2:
        f.at("2.3.2", lun, f"RAID 1 LUN {lun.hdisk} has {_plural(drives, 'drive')}; RAID 1 "
             "mirrors drives in pairs, so it needs an even number of them", "drives")
    if lun.raid in (3, 5) and drives < 3:
        f.at("2.3.2", lun, f"RAID {lun.raid} LUN {lun.hdisk} has {_plural(drives, 'drive')}; "
             "RAID 3 and RAID 5 need at least 3 (data striped over two, plus parity)", "drives")


def _scsi_ids(d: ClusterDefinition, index: Index, f: Findings) -> None:
    """Book 2.3.2 (and the 6.1.1 device check): adapters on one SCSI bus need distinct IDs."""
    ids: dict[tuple[str, int], str] = {}
    for node in d.nodes:
        for scsi in node.scsi_adapters:
            me = f"{node.name} {scsi.name}"
            first = ids.setdefault((scsi.bus, scsi.id), me)
            if first != me:
                f.at("2.3.2", scsi, f"SCSI adapter {me} has SCSI ID {scsi.id} on bus "
                     f"{scsi.bus}, already taken by {first}; every adapter on a shared bus "
                     f"needs its own ID (lsattr -El {scsi.name} shows it)", "id")


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
        if vg.concurrent_capable and not vg.quorum:
            f.at("3.4.5", vg, f"volume group {vg.name} is concurrent capable, so quorum must "
                 "be on: concurrent access needs quorum", "quorum")
        types = {lv.type for lv in vg.logical_volumes}
        if "jfs" in types and "jfslog" not in types:
            f.at("3.4.2", vg, f"volume group {vg.name} has jfs file systems but no jfslog "
                 "logical volume for their log", "logical_volumes")


def _mirroring(d: ClusterDefinition, index: Index, f: Findings) -> None:
    for vg in d.volume_groups:
        for lv in vg.logical_volumes:
            for number, disk in enumerate(lv.disks):
                if disk in lv.disks[:number]:
                    f.at("3.4.3", lv, f"logical volume {lv.name} puts two copies on {disk}; "
                         "each copy of a mirrored logical volume must be on its own physical "
                         "volume", "disks", number)
            luns = [n for n in (lv.disks or vg.disks[:lv.copies]) if n in index.luns]
            if lv.copies > 1 and luns:
                f.at("3.4.3", lv, f"logical volume {lv.name} has {lv.copies} copies on 7135 "
                     f"LUN {luns[0]}; a LUN is already protected by its RAID level, LVM "
                     "does not mirror it", "copies")


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
    vgs = [index.vgs[name] for name in g.volume_groups if name in index.vgs]
    for vg in vgs:
        if not vg.quorum and not vg.concurrent_capable:  # else reported for the VG itself
            f.at("3.4.5", vg, f"volume group {vg.name} is in concurrent group {g.name}, so "
                 "quorum must be on", "quorum")
    disks = [name for vg in vgs for name in vg.disks]
    for kind, on, limit in (("7135 LUNs", index.luns, MAX_CONCURRENT_NODES_7135),
                            ("SSA disks", index.ssa_hdisks, MAX_CONCURRENT_NODES_SSA)):
        if len(g.nodes) > limit and any(name in on for name in disks):
            f.at("2.4.2.2", g, f"concurrent group {g.name} has {len(g.nodes)} nodes, but its "
                 f"volume groups are on {kind}; concurrent access to {kind} works with at "
                 f"most {limit} nodes", "nodes", limit)
            return  # the tighter limit says enough


def _ssa_node_numbers(d: ClusterDefinition, index: Index, f: Findings) -> None:
    """Book 3.4.1: concurrent SSA volume groups need distinct non-zero ``ssar`` node numbers."""
    reported: set[str] = set()
    for g in (g for g in d.resource_groups if g.type == "concurrent"):
        vgs = [index.vgs[name] for name in g.volume_groups if name in index.vgs]
        ssa = [vg.name for vg in vgs if vg.concurrent_capable
               and any(disk in index.ssa_hdisks for disk in vg.disks)]
        if not ssa:
            continue
        numbers: dict[int, str] = {}
        for node in (index.nodes[name] for name in g.nodes if name in index.nodes):
            number = node.ssa_node_number
            if number == 0:
                wrong = "has no SSA node number (ssa_node_number is 0)"
            elif numbers.setdefault(number, node.name) != node.name:
                wrong = f"has SSA node number {number}, the same as {numbers[number]}"
            else:
                continue
            if node.name not in reported:
                reported.add(node.name)
                f.at("3.4.1", node, f"node {node.name} {wrong}; it shares concurrent volume "
                     f"group {ssa[0]} on SSA disks (group {g.name}), so each node of the group "
                     "needs a distinct non-zero number (chdev -l ssar -a node_number=N)",
                     "ssa_node_number")


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
