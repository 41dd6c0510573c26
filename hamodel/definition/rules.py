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

from hamodel.config import (
    ArraySpec, ClusterDefinition, LogicalVolumeSpec, ResourceGroupSpec, SsaLoopSpec,
)
from hamodel.definition.errors import Findings
from hamodel.definition.rules_book import IP_NIMS, Index, check_book, port_pair

# The YAML schema, by example in fixtures/hotstandby.yaml: section -> "key:kind"
# words, "!" marking a required key. "" is the top level; a "records" key holds
# a list of mappings described by the section of the same name.
_SCHEMA_TEXT = {
    "": "cluster:mapping! hubs:records nodes:records! serial_links:records "
        "shared_disks:records volume_groups:records networks:records! clients:records "
        "users:records application_servers:records resource_groups:records events:records "
        "ping_client_list:ips drawers:records ssa_loops:records arrays:records "
        "error_notifications:records",
    "cluster": "id:int! name:text!",  # name characters: book 4.2.1, in rules_book
    "hubs": "name:name! uplink:name",
    "nodes": "name:name! cpu_id:text! smp:bool nics:records ttys:names internal_disks:count "
             "rootvg_mirrored:bool ssa_adapters:records ssa_node_number:uid scsi_adapters:records",
    "ssa_adapters": "name:name! type:ssa_type! microcode:level",  # book 2.3.1.2
    "scsi_adapters": "name:name! bus:name! id:scsi_id",
    "nics": "interface:name! type:nic_type! mac:mac! hub:name!",
    "serial_links": "name:name! ends:ends!",
    "shared_disks": "name:name! pvid:pvid! nodes:names! size_mb:count",
    "drawers": "name:name! type:drawer_type! pdisks:records",  # book 2.3.1
    "pdisks": "name:name! hdisk:name! pvid:pvid! size_mb:count",
    "ssa_loops": "name:name! ring:ring!",  # book 2.3.1.3
    "arrays": "name:name! type:array_type! buses:names! drives:names! luns:records "
              "hot_spares:names",  # book 2.3.2
    "luns": "hdisk:name! pvid:pvid! raid:raid! drives:names! size_mb:count",
    "volume_groups": "name:name! major:count! disks:names! auto_varyon:bool quorum:bool "
                     "concurrent_capable:bool logical_volumes:records",
    "logical_volumes": "name:name! type:lv_type mount:path size_mb:count copies:copies "
                       "disks:names",
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
    "error_notifications": "name:name! node:name! label:name! method:text!",  # book 2.6.2
}

CHOICES = {
    "nic_type": ("ether", "token"),
    "lv_type": ("jfs", "jfslog", "raw", "paging"),
    "attribute": ("public", "private", "serial"),  # book 2.4.3
    "nim": ("ether", "token", "rs232", "tmssa"),  # the network modules the model can run
    "rate": ("fast", "normal", "slow"),  # book 5.3
    "function": ("service", "boot", "standby"),  # book 2.4.3
    "group_type": ("cascading", "rotating", "concurrent"),  # book 2.4.1
    "event": ("node_up", "node_up_complete", "node_down", "node_down_complete", "network_down",
              "network_down_complete", "network_up", "network_up_complete", "swap_adapter",
              "swap_adapter_complete", "fail_standby", "join_standby"),  # book 5.1.1
    "ssa_type": ("6214", "6215", "6216", "6217", "6218", "6219"),  # book 2.3.1.2
    "drawer_type": ("7133-010", "7133-020", "7133-500", "7133-600", "7133-D40", "7133-T40",
                    "7131-405"),  # book 2.3.1
    "array_type": ("7135-110", "7135-210"),  # book 2.3.2
}

# Kinds whose value a trainer may write as a bare number (ssa0 type: 6215): the
# YAML number is read back as the text it was typed as.
_NUMBER_AS_TEXT = ("ssa_type", "level")

# Whole-number kinds: (lowest, highest) allowed, None for no bound.
_WHOLE_NUMBERS = {"int": (None, None), "count": (1, None), "uid": (0, None),
                  "scsi_id": (0, 15), "copies": (1, 3)}
_RAID_LEVELS = (0, 1, 3, 5)  # book 2.3.2.4: the levels a 7135 LUN can have

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
    "level": "a microcode level like 1801",
    "scsi_id": "a SCSI ID, a whole number from 0 to 15",
    "copies": "1, 2 or 3 (the number of mirror copies)",
    "raid": "a RAID level: 0, 1, 3 or 5",
    "ring": "the loop in cable order, a list whose items are pdisk names (pdisk0) and "
            "adapter port pairs node:adapter:A or node:adapter:B (nodeA:ssa0:A joins the "
            "loop at A1 and A2), like [nodeA:ssa0:A, pdisk0, pdisk1, nodeB:ssa0:A]",
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
    whole = isinstance(value, int) and not isinstance(value, bool)  # YAML true is an int too
    if kind in _WHOLE_NUMBERS:
        low, high = _WHOLE_NUMBERS[kind]
        return value, whole and (low is None or value >= low) and (high is None or value <= high)
    if kind == "raid":
        return value, whole and value in _RAID_LEVELS
    if kind == "bool":
        return value, isinstance(value, bool)
    if kind in _NUMBER_AS_TEXT and whole and value >= 0:
        value = str(value)
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
               "path": r"/\S*", "end": r"[^:\s]+:[^:\s]+", "name": r"[^:\s]+",
               "level": r"[0-9A-Za-z]+",
               "ring_item": r"[^:\s]+|[^:\s]+:[^:\s]+:[AB]"}.get(kind)
    if pattern is None:
        return value, True  # plain text
    if re.fullmatch(pattern, value) is None:
        return value, False
    if kind == "end":
        return tuple(value.split(":")), True
    return (value.lower() if kind in ("mac", "pvid") else value), True


# List kinds: the kind of each of their items.
_ITEM_KINDS = {"names": "name", "paths": "path", "ips": "ip", "ends": "end", "ring": "ring_item"}


def convert(key: Key, value: Any) -> tuple[Any, str | None]:
    """Check one field's value against its key; return (converted value, error or None)."""
    item_kind = _ITEM_KINDS.get(key.kind)
    if item_kind is None:
        converted, ok = _scalar(key.kind, value)
        return converted, None if ok else f"must be {key.expected()}, not {_shown(value)}"
    if not isinstance(value, list):
        return value, f"must be {key.expected()}, not {_shown(value)}"
    if key.kind in ("names", "ring") and key.required and not value:
        noun = "name" if key.kind == "names" else "item"
        return value, f"must list at least one {noun} ({key.expected()})"
    converted_items = []
    for number, item in enumerate(value, start=1):
        converted, ok = _scalar(item_kind, item)
        if not ok:
            return value, f"must be {key.expected()}; item {number} is {_shown(item)}"
        converted_items.append(converted)
    return converted_items, None


def bad_item(key: Key, value: Any) -> int | None:
    """Position of the first item of a list that :func:`convert` refuses, for its line."""
    item_kind = _ITEM_KINDS.get(key.kind)
    if item_kind is None or not isinstance(value, list):
        return None
    return next((number for number, item in enumerate(value) if not _scalar(item_kind, item)[1]),
                None)


def check_definition(d: ClusterDefinition, findings: Findings) -> None:
    """Every whole-definition check; problems go into ``findings``."""
    index = Index.of(d)
    _adapter_shapes(d, findings)
    _volume_shapes(d, findings)
    _duplicates(d, findings)
    _hardware_references(d, index, findings)
    _storage_references(d, index, findings)
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
            if net.nim == "tmssa" and a.device and not re.fullmatch(r"/dev/tmssa\d+", a.device):
                f.at("schema", a, f"adapter {a.label}: a target-mode SSA device is /dev/tmssaN, N "
                                  f"being the other node's SSA node number, not {a.device}", "device")


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
    _storage_duplicates(d, f)
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


def _storage_duplicates(d: ClusterDefinition, f: Findings) -> None:
    """An hdisk name and a PVID name one disk, whatever holds it: plain, SSA pdisk or LUN."""
    pdisks = [p for drawer in d.drawers for p in drawer.pdisks]
    luns = [lun for array in d.arrays for lun in array.luns]
    _unique(f, "hdisk name", [(s.name, s, "name") for s in d.shared_disks]
            + [(p.hdisk, p, "hdisk") for p in pdisks] + [(lun.hdisk, lun, "hdisk") for lun in luns])
    _unique(f, "PVID", [(s.pvid, s, "pvid") for s in d.shared_disks]
            + [(p.pvid, p, "pvid") for p in pdisks] + [(lun.pvid, lun, "pvid") for lun in luns])
    _unique(f, "drawer name", ((drawer.name, drawer, "name") for drawer in d.drawers))
    _unique(f, "pdisk name", ((p.name, p, "name") for p in pdisks))
    _unique(f, "SSA loop name", ((loop.name, loop, "name") for loop in d.ssa_loops))
    _unique(f, "7135 array name", ((array.name, array, "name") for array in d.arrays))
    cards: list[tuple[str, object]] = [(f"{n.name} {a.name}", a) for n in d.nodes
                                       for a in n.ssa_adapters]
    cards += [(f"{n.name} {a.name}", a) for n in d.nodes for a in n.scsi_adapters]
    _unique(f, "SSA or SCSI adapter", ((key, card, "name") for key, card in cards))
    _unique(f, "error notification name", ((e.name, e, "name") for e in d.error_notifications))


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


def _storage_references(d: ClusterDefinition, index: Index, f: Findings) -> None:
    placed: dict[str, str] = {}  # pdisk or port pair -> the SSA loop it is cabled into
    for loop in d.ssa_loops:
        _loop_references(loop, index, placed, f)
    for array in d.arrays:
        _array_references(array, f)
    buses = {bus for array in d.arrays for bus in array.buses}
    for node in d.nodes:
        for scsi in node.scsi_adapters:
            if scsi.bus not in buses:
                f.at("reference", scsi, f"SCSI adapter {node.name} {scsi.name} is on bus "
                     f"{scsi.bus}, but no 7135 array lists that bus", "bus")
    for vg in d.volume_groups:
        for lv in vg.logical_volumes:
            _lv_disks(vg.name, vg.disks, lv, f)
    for e in d.error_notifications:
        _missing(f, e, "node", e.node, index.nodes, "node", f"error notification {e.name}")


def _loop_references(loop: SsaLoopSpec, index: Index, placed: dict[str, str],
                     f: Findings) -> None:
    where = f"SSA loop {loop.name}"
    _listed_once(f, loop, "ring", loop.ring, "item", where)
    for number, item in enumerate(loop.ring):
        pair = port_pair(item)
        if pair is None:
            missing = _missing(f, loop, "ring", item, index.pdisks, "pdisk", where, number)
        else:
            node, adapter, _ = pair
            missing = _missing(f, loop, "ring", node, index.nodes, "node", where, number)
            if not missing and (node, adapter) not in index.ssa_adapters:
                f.at("reference", loop, f"{where} uses {item}, but node {node} has no SSA "
                     f"adapter {adapter}", "ring", number)
                missing = True
        if missing or item in loop.ring[:number]:
            continue
        first = placed.setdefault(item, loop.name)
        if first != loop.name:
            thing = "pdisk" if pair is None else "port pair"
            f.at("reference", loop, f"{thing} {item} is in SSA loops {first} and {loop.name}; "
                 f"a {thing} is cabled into one loop only", "ring", number)


def _array_references(array: ArraySpec, f: Findings) -> None:
    where = f"7135 array {array.name}"
    _listed_once(f, array, "drives", array.drives, "drive", where)
    _listed_once(f, array, "hot_spares", array.hot_spares, "hot spare", where)
    for number, spare in enumerate(array.hot_spares):
        if spare not in array.drives:
            f.at("reference", array, f"{where} lists hot spare {spare}, which is not one of "
                 "its drives", "hot_spares", number)
    used: dict[str, str] = {}
    for lun in array.luns:
        _listed_once(f, lun, "drives", lun.drives, "drive", f"LUN {lun.hdisk}")
        for number, drive in enumerate(lun.drives):
            if drive in lun.drives[:number]:
                continue
            if drive not in array.drives:
                f.at("reference", lun, f"LUN {lun.hdisk} uses drive {drive}, which is not one "
                     f"of the drives of {where}", "drives", number)
            elif drive in array.hot_spares:
                f.at("reference", lun, f"LUN {lun.hdisk} uses drive {drive}, a hot spare of "
                     f"{where}; a hot spare holds no data until a drive fails", "drives", number)
            elif used.setdefault(drive, lun.hdisk) != lun.hdisk:
                f.at("reference", lun, f"drive {drive} of {where} is in LUNs {used[drive]} and "
                     f"{lun.hdisk}; a drive belongs to one LUN", "drives", number)


def _lv_disks(vg: str, vg_disks: list[str], lv: LogicalVolumeSpec, f: Findings) -> None:
    """The disks an LV's copies are on belong to its VG: one disk per copy, enough disks."""
    for number, disk in enumerate(lv.disks):
        if disk not in vg_disks:
            f.at("reference", lv, f"logical volume {lv.name} puts a copy on {disk}, which is "
                 f"not a disk of volume group {vg}", "disks", number)
    if lv.disks and len(lv.disks) != lv.copies:
        copies, disks = _count(lv.copies, "copy", "copies"), _count(len(lv.disks), "disk", "disks")
        f.at("reference", lv, f"logical volume {lv.name} has {copies} but lists {disks}; give "
             "one disk per copy, in copy order", "disks")
    if lv.copies > len(set(vg_disks)):
        f.at("reference", lv, f"logical volume {lv.name} has {lv.copies} copies, but volume "
             f"group {vg} has only {_count(len(set(vg_disks)), 'disk', 'disks')}; each copy "
             "needs a disk of its own", "copies")


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


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
        elif a.device is not None and net.nim == "rs232":
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
