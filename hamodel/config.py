"""The cluster definition as plain data: hardware, AIX set-up and the HACMP configuration.

Usage::

    from hamodel.definition import load_definition
    definition = load_definition("fixtures/hotstandby.yaml")   # -> ClusterDefinition
    definition.cluster.name, [n.name for n in definition.nodes]

These classes hold what a YAML fixture says and nothing else: no state,
no behaviour. Every layer may read them; :mod:`hamodel.definition` builds
them from YAML (checking the book's rules) and :mod:`hamodel.world` turns
them into a running world. ``line`` fields keep the fixture line each item
came from, so later checks can still point at the file.

Names follow HACMP's own ODM classes where there is one: a network has a
*network module* (``nim``) and an *attribute* (public, private, serial);
an adapter has a *function* (service, boot, standby) and an IP *label*.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

NetworkAttribute = Literal["public", "private", "serial"]
AdapterFunction = Literal["service", "boot", "standby"]
DetectionRate = Literal["fast", "normal", "slow"]
GroupType = Literal["cascading", "rotating", "concurrent"]


@dataclass
class ClusterId:
    id: int
    name: str
    line: int = 0


@dataclass
class HubSpec:
    """An Ethernet hub or Token-Ring MAU; ``uplink`` is another hub it is cabled to."""

    name: str
    uplink: str | None = None
    line: int = 0


@dataclass
class NicSpec:
    """A network adapter card in a node: AIX interface name, burned-in MAC, the hub its cable goes to."""

    interface: str  # en0, tr0
    type: Literal["ether", "token"]
    mac: str  # burned-in address, "02:60:8c:2f:00:01"
    hub: str
    line: int = 0


@dataclass
class SsaAdapterSpec:
    """An SSA adapter card (book 2.3.1.2): 6214-6219, with its microcode level."""

    name: str  # ssa0
    type: str  # "6215"
    microcode: str = "1801"
    line: int = 0


@dataclass
class ScsiAdapterSpec:
    """A differential SCSI adapter (book 2.3.2.3, 3.3.2.3): its SCSI ID on the bus it is cabled to."""

    name: str  # scsi1
    bus: str
    id: int = 7
    line: int = 0


@dataclass
class NodeSpec:
    name: str
    cpu_id: str
    smp: bool = False
    nics: list[NicSpec] = field(default_factory=list)
    ttys: list[str] = field(default_factory=list)  # serial ports: tty0, tty1
    #: internal SCSI disks hdisk0, hdisk1... (rootvg lives on hdisk0)
    internal_disks: int = 1
    #: rootvg mirrored on hdisk0 and hdisk1 as book 3.1.2 does it: quorum off, every LV but
    #: the dump device hd7 with two copies, a boot image on both disks, both in the bootlist.
    rootvg_mirrored: bool = False
    ssa_adapters: list[SsaAdapterSpec] = field(default_factory=list)
    #: ``ssar`` node_number (book 3.4.1.2): distinct and non-zero for concurrent SSA.
    ssa_node_number: int = 0
    scsi_adapters: list[ScsiAdapterSpec] = field(default_factory=list)
    line: int = 0


@dataclass
class SerialLinkSpec:
    """An RS232 null-modem cable between two nodes' ports: ``ends = [("nodeA","tty0"), ("nodeB","tty0")]``."""

    name: str
    ends: list[tuple[str, str]]
    line: int = 0


@dataclass
class SharedDiskSpec:
    """A disk cabled to several nodes; seen as the same hdisk name on each of them."""

    name: str  # hdisk2
    pvid: str
    nodes: list[str]
    size_mb: int = 2048
    line: int = 0


@dataclass
class PdiskSpec:
    """An SSA disk in a drawer slot: the pdisk, and the hdisk AIX makes of it."""

    name: str  # pdisk0
    hdisk: str  # hdisk2
    pvid: str
    size_mb: int = 4500
    line: int = 0


@dataclass
class DrawerSpec:
    """A 7133 drawer or 7131 tower (book 2.3.1) holding SSA disks, with its own power."""

    name: str
    type: str  # 7133-020, 7131-405
    pdisks: list[PdiskSpec] = field(default_factory=list)
    line: int = 0


@dataclass
class SsaLoopSpec:
    """An SSA loop (book 2.3.1.3), in cable order. An item is a pdisk name or an adapter's
    port pair, ``nodeA:ssa0:A`` (in at A1, out at A2); a cable joins each item to the next,
    and the last to the first."""

    name: str
    ring: list[str]
    line: int = 0


@dataclass
class LunSpec:
    """A 7135 LUN (book 2.3.2.4): a RAID level over some drives; AIX sees one hdisk."""

    hdisk: str
    pvid: str
    raid: int  # 0, 1, 3, 5
    drives: list[str]
    size_mb: int = 8192
    line: int = 0


@dataclass
class ArraySpec:
    """A 7135 RAIDiant array: one controller per SCSI bus it is cabled to, drives, LUNs."""

    name: str
    type: str  # 7135-110, 7135-210
    buses: list[str]  # controller i sits on buses[i]
    drives: list[str]
    luns: list[LunSpec] = field(default_factory=list)
    hot_spares: list[str] = field(default_factory=list)
    line: int = 0


@dataclass
class LogicalVolumeSpec:
    name: str
    type: Literal["jfs", "jfslog", "raw", "paging"] = "jfs"
    mount: str | None = None  # JFS mount point
    size_mb: int = 512
    copies: int = 1  # 1 to 3 mirror copies
    #: the PV of each copy, in copy order; by default the volume group's first disks
    disks: list[str] = field(default_factory=list)
    line: int = 0


@dataclass
class VolumeGroupSpec:
    name: str
    major: int
    disks: list[str]
    auto_varyon: bool = False
    quorum: bool = True
    concurrent_capable: bool = False
    logical_volumes: list[LogicalVolumeSpec] = field(default_factory=list)
    line: int = 0


@dataclass
class ErrorNotifySpec:
    """An AIX error notification object (book 2.6.2, ``errnotify``): when an entry with
    this label is logged on the node, run the method. Not synchronised across nodes."""

    name: str  # en_name
    node: str
    label: str  # en_label
    method: str  # en_method, a shell line; $1 is the error log sequence number
    line: int = 0


@dataclass
class AdapterSpec:
    """An HACMP adapter: one IP label on one node's interface, with its function."""

    label: str
    function: AdapterFunction
    node: str
    interface: str | None = None  # en0 / tr0; serial adapters use ``device``
    ip: str | None = None
    netmask: str | None = None
    hw_address: str | None = None  # alternate (locally administered) MAC for HWAT
    device: str | None = None  # /dev/tty0 for a serial adapter
    line: int = 0


@dataclass
class NetworkSpec:
    name: str
    attribute: NetworkAttribute
    nim: str  # ether, token, rs232
    detection_rate: DetectionRate = "normal"
    adapters: list[AdapterSpec] = field(default_factory=list)
    line: int = 0


@dataclass
class ClientSpec:
    """A user's host on a public network: one interface on a hub."""

    name: str
    hub: str
    ip: str
    netmask: str
    mac: str
    line: int = 0


@dataclass
class ProcessSpec:
    command: str
    user: str


@dataclass
class ApplicationServerSpec:
    """An HACMP application server: its start and stop scripts and what the start script runs."""

    name: str
    start: str
    stop: str
    processes: list[ProcessSpec] = field(default_factory=list)
    line: int = 0


@dataclass
class UserSpec:
    name: str
    uid: int
    line: int = 0


@dataclass
class ResourceGroupSpec:
    name: str
    type: GroupType
    nodes: list[str]  # priority order: first = highest
    inactive_takeover: bool = False
    service_labels: list[str] = field(default_factory=list)
    volume_groups: list[str] = field(default_factory=list)
    filesystems: list[str] = field(default_factory=list)
    application_servers: list[str] = field(default_factory=list)
    line: int = 0


@dataclass
class EventCustomSpec:
    """Customised processing of one cluster event (book 5.1.2-5.1.3): shell lines HACMP runs
    on every node that runs the event. ``$*`` in a line becomes the event name and arguments."""

    name: str  # node_down, network_down, ...
    pre: str | None = None  # before the event script
    post: str | None = None  # after it
    notify: str | None = None  # before and after it
    line: int = 0


@dataclass
class ClusterDefinition:
    """One fixture: the whole cluster, hardware to resource groups."""

    source: str  # file path the definition came from
    cluster: ClusterId
    hubs: list[HubSpec] = field(default_factory=list)
    nodes: list[NodeSpec] = field(default_factory=list)
    serial_links: list[SerialLinkSpec] = field(default_factory=list)
    shared_disks: list[SharedDiskSpec] = field(default_factory=list)
    volume_groups: list[VolumeGroupSpec] = field(default_factory=list)
    networks: list[NetworkSpec] = field(default_factory=list)
    clients: list[ClientSpec] = field(default_factory=list)
    users: list[UserSpec] = field(default_factory=list)
    application_servers: list[ApplicationServerSpec] = field(default_factory=list)
    resource_groups: list[ResourceGroupSpec] = field(default_factory=list)
    events: list[EventCustomSpec] = field(default_factory=list)
    #: ``/usr/sbin/cluster/etc/clinfo.rc`` PING_CLIENT_LIST: client IPs pinged after takeover.
    ping_client_list: list[str] = field(default_factory=list)
    drawers: list[DrawerSpec] = field(default_factory=list)
    ssa_loops: list[SsaLoopSpec] = field(default_factory=list)
    arrays: list[ArraySpec] = field(default_factory=list)
    error_notifications: list[ErrorNotifySpec] = field(default_factory=list)

    def node(self, name: str) -> NodeSpec:
        return next(n for n in self.nodes if n.name == name)

    def adapters(self) -> list[tuple[NetworkSpec, AdapterSpec]]:
        return [(net, a) for net in self.networks for a in net.adapters]

    def hdisks(self) -> list[SharedDiskSpec]:
        """Every shared hdisk, whatever holds it (plain disk, SSA pdisk, 7135 LUN), with the
        nodes cabled to it: an SSA disk reaches the nodes with an adapter in its loop, a LUN
        the nodes with an adapter on one of its array's buses."""
        disks = list(self.shared_disks)
        for drawer in self.drawers:
            for p in drawer.pdisks:
                nodes = [item.split(":")[0] for loop in self.ssa_loops if p.name in loop.ring
                         for item in loop.ring if item.count(":") == 2]
                disks.append(SharedDiskSpec(p.hdisk, p.pvid, list(dict.fromkeys(nodes)), p.size_mb, p.line))
        for array in self.arrays:
            nodes = [n.name for n in self.nodes for a in n.scsi_adapters if a.bus in array.buses]
            for lun in array.luns:
                disks.append(SharedDiskSpec(lun.hdisk, lun.pvid, list(dict.fromkeys(nodes)), lun.size_mb, lun.line))
        return disks
