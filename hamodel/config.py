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
class NodeSpec:
    name: str
    cpu_id: str
    smp: bool = False
    nics: list[NicSpec] = field(default_factory=list)
    ttys: list[str] = field(default_factory=list)  # serial ports: tty0, tty1
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
class LogicalVolumeSpec:
    name: str
    type: Literal["jfs", "jfslog", "raw", "paging"] = "jfs"
    mount: str | None = None  # JFS mount point
    size_mb: int = 512
    line: int = 0


@dataclass
class VolumeGroupSpec:
    name: str
    major: int
    disks: list[str]
    auto_varyon: bool = False
    quorum: bool = True
    logical_volumes: list[LogicalVolumeSpec] = field(default_factory=list)
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

    def node(self, name: str) -> NodeSpec:
        return next(n for n in self.nodes if n.name == name)

    def adapters(self) -> list[tuple[NetworkSpec, AdapterSpec]]:
        return [(net, a) for net in self.networks for a in net.adapters]
