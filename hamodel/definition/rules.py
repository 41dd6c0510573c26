"""The definition file's own rules: its schema and the names it points at.

Usage::

    from hamodel.definition.errors import Findings
    from hamodel.definition.rules import check_definition
    findings = Findings("fixtures/hotstandby.yaml")
    check_definition(definition, findings)   # schema shapes, references, then the book
    findings.problems                         # [] for a good definition

:data:`SCHEMA` says which keys each section of the YAML has and what their
values look like; the loader uses it while building the dataclasses (rule
``schema``). :func:`check_definition` then runs the checks that need the whole
definition: the shape of adapters and logical volumes (``schema``), duplicate
names and names that point at nothing (``reference``), and finally the book's
planning rules in :mod:`.rules_book`.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from typing import Any, Iterable

from hamodel.config import ClusterDefinition, ResourceGroupSpec
from hamodel.definition.errors import Findings
from hamodel.definition.rules_book import IP_NIMS, Index, check_book

# The YAML schema, by example in fixtures/hotstandby.yaml: section -> "key:kind"
# words, "!" marking a required key. "" is the top level; a "records" key holds
# a list of mappings described by the section of the same name.
_SCHEMA_TEXT = {
    "": "cluster:mapping! hubs:records nodes:records! serial_links:records "
        "shared_disks:records volume_groups:records networks:records! clients:records "
        "users:records application_servers:records resource_groups:records events:records "
        "ping_client_list:ips",
    "cluster": "id:int! name:text!",  # name characters: book 4.2.1, in rules_book
    "hubs": "name:name! uplink:name",
    "nodes": "name:name! cpu_id:text! smp:bool nics:records ttys:names",
    "nics": "interface:name! type:nic_type! mac:mac! hub:name!",
    "serial_links": "name:name! ends:ends!",
    "shared_disks": "name:name! pvid:pvid! nodes:names! size_mb:count",
    "volume_groups": "name:name! major:count! disks:names! auto_varyon:bool quorum:bool "
                     "logical_volumes:records",
    "logical_volumes": "name:name! type:lv_type mount:path size_mb:count",
    "networks": "name:name! attribute:attribute! nim:nim! detection_rate:rate adapters:records",
    "adapters": "label:name! function:function! node:name! interface:name ip:ip "
                "netmask:netmask hw_address:mac device:path",
    "clients": "name:name! hub:name! ip:ip! netmask:netmask! mac:mac!",
    "users": "name:name! uid:uid!",
    "application_servers": "name:name! start:path! stop:path! processes:records",
    "processes": "command:text! user:name!",
    "resource_groups": "name:name! type:group_type! nodes:names! inactive_takeover:bool "
                       "service_labels:names volume_groups:names filesystems:paths "
                       "application_servers:names",
    "events": "name:event! pre:text post:text notify:text",
}

CHOICES = {
    "nic_type": ("ether", "token"),
    "lv_type": ("jfs", "jfslog", "raw", "paging"),
    "attribute": ("public", "private", "serial"),  # book 2.4.3
    "nim": ("ether", "token", "rs232"),  # the network modules the model can run
    "rate": ("fast", "normal", "slow"),  # book 5.3
    "function": ("service", "boot", "standby"),  # book 2.4.3
    "group_type": ("cascading", "rotating", "concurrent"),  # book 2.4.1
    "event": ("node_up", "node_up_complete", "node_down", "node_down_complete", "network_down",
              "network_down_complete", "network_up", "network_up_complete", "swap_adapter",
              "swap_adapter_complete", "fail_standby", "join_standby"),  # book 5.1.1
}

_EXPECTED = {
    "text": "text (in quotes if it looks like a number)",
    "name": "a single name without spaces", "int": "a whole number",
    "count": "a whole number of 1 or more",
    "uid": "a whole number of 0 or more", "bool": "true or false",
    "ip": "an IPv4 address like 192.168.10.1", "netmask": "a netmask like 255.255.255.0",
    "mac": 'a MAC address in quotes, like "02:60:8c:2f:00:a0"',
    "path": "an absolute path starting with /",
    "pvid": 'a PVID of 16 hexadecimal digits in quotes, like "000100016e8a1c2f"',
    "names": "a list of names in square brackets, like [nodeA, nodeB]",
    "paths": "a list of absolute paths, like [/sharedfs]",
    "ips": "a list of IPv4 addresses, like [192.168.10.100]",
    "ends": 'a list of "node:tty" ends, like ["nodeA:tty0", "nodeB:tty0"]',
    "mapping": "a mapping of keys", "records": "a list of items, each starting with '-'",
}


@dataclass(frozen=True)
class Key:
    kind: str
    required: bool = False

    def expected(self) -> str:
        if self.kind in CHOICES:
            return "one of " + ", ".join(CHOICES[self.kind])
        return _EXPECTED[self.kind]


def _parse_schema(text: dict[str, str]) -> dict[str, dict[str, Key]]:
    schema: dict[str, dict[str, Key]] = {}
    for section, words in text.items():
        schema[section] = {}
        for word in words.split():
            name, kind = word.rstrip("!").split(":")
            schema[section][name] = Key(kind, required=word.endswith("!"))
    return schema


SCHEMA = _parse_schema(_SCHEMA_TEXT)
TOP_LEVEL = SCHEMA[""]


def _shown(value: Any) -> str:
    """A value as a trainer would recognise it in the file."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the true/false value {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text '{value}'"
    if isinstance(value, (list, dict)):
        return "a list" if isinstance(value, list) else "a mapping"
    return f"a {type(value).__name__} ({value})"  # e.g. a date YAML recognised


def _scalar(kind: str, value: Any) -> tuple[Any, bool]:
    """Convert one scalar of ``kind``; the flag says whether it was acceptable."""
    if kind in ("int", "count", "uid"):
        if not isinstance(value, int) or isinstance(value, bool):  # YAML true is an int too
            return value, False
        minimum = {"count": 1, "uid": 0}.get(kind)
        return value, minimum is None or value >= minimum
    if kind == "bool":
        return value, isinstance(value, bool)
    if not isinstance(value, str) or not value.strip():
        return value, False
    if kind in CHOICES:
        return value, value in CHOICES[kind]
    if kind in ("ip", "netmask"):
        try:
            number = int(ipaddress.IPv4Address(value))
        except ValueError:
            return value, False
        host_bits = ~number & 0xFFFFFFFF  # a netmask is ones then zeros, never all zeros
        return value, kind == "ip" or (number != 0 and host_bits & (host_bits + 1) == 0)
    pattern = {"mac": r"[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}", "pvid": r"[0-9a-fA-F]{16}",
               "path": r"/\S*", "end": r"[^:\s]+:[^:\s]+", "name": r"[^:\s]+"}.get(kind)
    if pattern is None:
        return value, True  # plain text
    if re.fullmatch(pattern, value) is None:
        return value, False
    if kind == "end":
        return tuple(value.split(":")), True
    return (value.lower() if kind in ("mac", "pvid") else value), True


def convert(key: Key, value: Any) -> tuple[Any, str | None]:
    """Check one field's value against its key; return (converted value, error or None)."""
    item_kind = {"names": "name", "paths": "path", "ips": "ip", "ends": "end"}.get(key.kind)
    if item_kind is None:
        converted, ok = _scalar(key.kind, value)
        return converted, None if ok else f"must be {key.expected()}, not {_shown(value)}"
    if not isinstance(value, list):
        return value, f"must be {key.expected()}, not {_shown(value)}"
    if key.kind == "names" and key.required and not value:
        return value, f"must list at least one name ({key.expected()})"
    converted_items = []
    for number, item in enumerate(value, start=1):
        converted, ok = _scalar(item_kind, item)
        if not ok:
            return value, f"must be {key.expected()}; item {number} is {_shown(item)}"
        converted_items.append(converted)
    return converted_items, None


def check_definition(d: ClusterDefinition, findings: Findings) -> None:
    """Every whole-definition check; problems go into ``findings``."""
    index = Index.of(d)
    _adapter_shapes(d, findings)
    _volume_shapes(d, findings)
    _duplicates(d, findings)
    _hardware_references(d, index, findings)
    _network_references(d, index, findings)
    _resource_references(d, index, findings)
    check_book(d, index, findings)


def _adapter_shapes(d: ClusterDefinition, f: Findings) -> None:
    """IP adapters need interface, ip and netmask; serial adapters need only a device."""
    for net in d.networks:
        ip = net.nim in IP_NIMS
        need = ("interface", "ip", "netmask") if ip else ("device",)
        forbid = ("device",) if ip else ("interface", "ip", "netmask")
        why = "only serial adapters have a device" if ip else "a serial adapter has no IP"
        for a in net.adapters:
            for name in need:
                if getattr(a, name) is None:
                    f.at("schema", a, f"adapter {a.label} on {net.nim} network {net.name} "
                                      f"needs '{name}' ({_EXPECTED_ADAPTER[name]})")
            for name in forbid:
                if getattr(a, name) is not None:
                    f.at("schema", a, f"adapter {a.label} on {net.nim} network {net.name} "
                                      f"must not have '{name}': {why}", name)
            if net.nim == "rs232" and a.device and not re.fullmatch(r"/dev/tty\d+", a.device):
                f.at("schema", a, f"adapter {a.label}: an RS232 device is a tty like "
                                  f"/dev/tty0, not {a.device}", "device")


_EXPECTED_ADAPTER = {"interface": "its card, like en0", "ip": "an IPv4 address",
                     "netmask": "like 255.255.255.0", "device": "its tty, like /dev/tty0"}


def _volume_shapes(d: ClusterDefinition, f: Findings) -> None:
    for vg in d.volume_groups:
        for lv in vg.logical_volumes:
            if lv.type == "jfs" and lv.mount is None:
                f.at("schema", lv, f"jfs logical volume {lv.name} needs 'mount' (its mount "
                                   "point, like /sharedfs)")
            elif lv.type != "jfs" and lv.mount is not None:
                f.at("schema", lv, f"{lv.type} logical volume {lv.name} must not have "
                                   "'mount': only jfs logical volumes are mounted", "mount")


def _unique(f: Findings, noun: str, items: Iterable[tuple[Any, object, str]]) -> None:
    """Report every repeat of a key; items are (key, record, field holding the key)."""
    first: dict[Any, object] = {}
    for key, obj, name in items:
        if key in first:
            f.at("reference", obj, f"duplicate {noun} {key} (first at line "
                                   f"{f.lines.of(first[key], name)})", name)
        else:
            first[key] = obj


def _listed_once(f: Findings, owner: object, name: str, values: list[str], noun: str,
                 where: str) -> None:
    """A name repeated inside one list, e.g. a node given twice in a group's node list."""
    for number, value in enumerate(values):
        if value in values[:number]:
            f.at("reference", owner, f"{noun} {value} is listed twice in {where}", name, number)


def _duplicates(d: ClusterDefinition, f: Findings) -> None:
    adapters = [a for _, a in d.adapters()]
    lvs = [lv for vg in d.volume_groups for lv in vg.logical_volumes]
    _unique(f, "hub name", ((h.name, h, "name") for h in d.hubs))
    _unique(f, "node name", ((n.name, n, "name") for n in d.nodes))
    _unique(f, "CPU ID", ((n.cpu_id, n, "cpu_id") for n in d.nodes))
    _unique(f, "card", ((f"{n.name} {c.interface}", c, "interface") for n in d.nodes
                        for c in n.nics))
    _unique(f, "serial link name", ((s.name, s, "name") for s in d.serial_links))
    _unique(f, "disk name", ((s.name, s, "name") for s in d.shared_disks))
    _unique(f, "PVID", ((s.pvid, s, "pvid") for s in d.shared_disks))
    _unique(f, "logical volume name", ((lv.name, lv, "name") for lv in lvs))
    _unique(f, "mount point", ((lv.mount, lv, "mount") for lv in lvs if lv.mount))
    _unique(f, "network name", ((n.name, n, "name") for n in d.networks))
    _unique(f, "adapter label", ((a.label, a, "label") for a in adapters))
    _unique(f, "IP address", [(a.ip, a, "ip") for a in adapters if a.ip]
            + [(c.ip, c, "ip") for c in d.clients])
    _unique(f, "burned-in MAC address", [(c.mac, c, "mac") for n in d.nodes for c in n.nics]
            + [(c.mac, c, "mac") for c in d.clients])
    _unique(f, "client name", ((c.name, c, "name") for c in d.clients))
    _unique(f, "user name", ((u.name, u, "name") for u in d.users))
    _unique(f, "user id", ((u.uid, u, "uid") for u in d.users))
    _unique(f, "application server name", ((s.name, s, "name") for s in d.application_servers))
    _unique(f, "resource group name", ((g.name, g, "name") for g in d.resource_groups))
    for node in d.nodes:
        _listed_once(f, node, "ttys", node.ttys, "port", f"the ports of {node.name}")


def _missing(f: Findings, obj: object, name: str, value: str | None, known: Any, noun: str,
             where: str, index: int | None = None) -> bool:
    """Report a name that points at nothing; True when it was missing."""
    if value is None or value in known:
        return False
    f.at("reference", obj, f"{where} refers to {noun} {value}, which is not defined", name, index)
    return True


def _hardware_references(d: ClusterDefinition, index: Index, f: Findings) -> None:
    hubs = {h.name for h in d.hubs}
    for hub in d.hubs:
        _missing(f, hub, "uplink", hub.uplink, hubs - {hub.name}, "hub", f"hub {hub.name} uplink")
    for node in d.nodes:
        for nic in node.nics:
            _missing(f, nic, "hub", nic.hub, hubs, "hub", f"card {node.name} {nic.interface}")
    for link in d.serial_links:
        for number, (end_node, tty) in enumerate(link.ends):
            if not _missing(f, link, "ends", end_node, index.nodes, "node",
                            f"serial link {link.name}", number):
                _missing(f, link, "ends", tty, index.nodes[end_node].ttys, "port",
                         f"serial link {link.name} end {end_node}:{tty}", number)
    for disk in d.shared_disks:
        _listed_once(f, disk, "nodes", disk.nodes, "node", f"disk {disk.name}")
        for number, cabled in enumerate(disk.nodes):
            _missing(f, disk, "nodes", cabled, index.nodes, "node", f"disk {disk.name}", number)
    owner: dict[str, str] = {}
    for vg in d.volume_groups:
        _listed_once(f, vg, "disks", vg.disks, "disk", f"volume group {vg.name}")
        for number, member in enumerate(vg.disks):
            if _missing(f, vg, "disks", member, index.disks, "disk", f"volume group {vg.name}",
                        number) or owner.setdefault(member, vg.name) == vg.name:
                continue
            f.at("reference", vg, f"disk {member} is in volume groups {owner[member]} and "
                                  f"{vg.name}; a disk belongs to one volume group", "disks", number)


def _network_references(d: ClusterDefinition, index: Index, f: Findings) -> None:
    for net, a in d.adapters():
        if _missing(f, a, "node", a.node, index.nodes, "node", f"adapter {a.label}"):
            continue
        node = index.nodes[a.node]
        if net.nim in IP_NIMS and a.interface is not None:
            nic = index.nics.get((a.node, a.interface))
            if nic is None:
                f.at("reference", a, f"adapter {a.label} uses card {a.interface}, but node "
                                     f"{a.node} has no such card", "interface")
            elif nic.type != net.nim:
                f.at("reference", a, f"adapter {a.label} is on {a.node} {a.interface}, a "
                                     f"{nic.type} card, but network {net.name} is {net.nim}")
        elif a.device is not None:
            _missing(f, a, "device", a.device.removeprefix("/dev/"), node.ttys, "port",
                     f"adapter {a.label} on {a.node}")
    hubs = {h.name for h in d.hubs}
    for client in d.clients:
        _missing(f, client, "hub", client.hub, hubs, "hub", f"client {client.name}")
    client_ips = {c.ip for c in d.clients}
    for number, ip in enumerate(d.ping_client_list):
        _missing(f, d, "ping_client_list", ip, client_ips, "client address",
                 "ping_client_list", number)


def _resource_references(d: ClusterDefinition, index: Index, f: Findings) -> None:
    users = {u.name for u in d.users}
    for server in d.application_servers:
        for process in server.processes:
            _missing(f, process, "user", process.user, users, "user",
                     f"a process of application server {server.name}")
    servers = {s.name for s in d.application_servers}
    taken: dict[tuple[str, str], str] = {}
    for g in d.resource_groups:
        where = f"resource group {g.name}"
        for name, values, known, noun in (
                ("nodes", g.nodes, index.nodes, "node"),
                ("service_labels", g.service_labels, index.adapters, "adapter label"),
                ("volume_groups", g.volume_groups, index.vgs, "volume group"),
                ("application_servers", g.application_servers, servers, "application server")):
            _listed_once(f, g, name, values, noun, where)
            for number, value in enumerate(values):
                if _missing(f, g, name, value, known, noun, where, number) or name == "nodes":
                    continue
                if taken.setdefault((name, value), g.name) != g.name:
                    f.at("reference", g, f"{noun} {value} is in resource groups "
                         f"{taken[(name, value)]} and {g.name}; a resource belongs to one group",
                         name, number)
        _filesystems(g, index, f)


def _filesystems(g: ResourceGroupSpec, index: Index, f: Findings) -> None:
    """A group's file systems must be jfs logical volumes of the volume groups it lists."""
    mounts = {lv.mount: vg.name for vg in index.vgs.values() for lv in vg.logical_volumes
              if lv.type == "jfs"}
    for number, mount in enumerate(g.filesystems):
        if mount not in mounts:
            f.at("reference", g, f"resource group {g.name} lists file system {mount}, but no "
                                 "jfs logical volume of a shared volume group mounts it",
                 "filesystems", number)
        elif mounts[mount] not in g.volume_groups:
            f.at("reference", g, f"file system {mount} of resource group {g.name} is on volume "
                                 f"group {mounts[mount]}, which the group does not list",
                 "filesystems", number)
