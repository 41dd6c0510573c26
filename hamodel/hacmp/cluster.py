"""The HACMP software on all nodes: cluster managers, topology services, the event queue.

Usage::

    cluster = Cluster(world, definition)
    cluster.start_services("nodeA")          # what smit clstart does
    cluster.stop_services("nodeA", "graceful_with_takeover")

Each node's :class:`ClusterManager` is *not running* (``ST_INIT``) until
cluster services start; then it is ``ST_JOINING`` until its node_up event
ends, ``ST_STABLE`` when idle, ``ST_RP_RUNNING`` while an event script runs,
``ST_BARRIER`` while it waits for the other nodes, and ``RP_FAILED`` after a
script failed, until ``clruncmd``. Each manager keeps
its own view of which nodes are up and where each resource group is: in a
partitioned cluster the views differ, as they would on real nodes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from hamodel.config import (
    AdapterSpec, ApplicationServerSpec, ClusterDefinition, EventCustomSpec, NetworkSpec, ResourceGroupSpec,
)
from hamodel.hacmp import membership, scripts
from hamodel.hacmp.events import ClusterEvent, EventContext, EventRunner
from hamodel.hacmp.nim import detection
from hamodel.hacmp.topology import Endpoint, Topology, Verdict
from hamodel.scheduler import syslog_stamp

if TYPE_CHECKING:
    from hamodel.world import World

CLUSTER_SUBSYSTEMS = [("clstrmgr", "cluster"), ("clsmuxpd", "cluster"), ("clinfo", "cluster"), ("cllockd", "lock")]


@dataclass
class ClusterManager:
    node: str
    state: str = "ST_INIT"
    view: set[str] = field(default_factory=set)
    locations: dict[str, str | None] = field(default_factory=dict)
    #: Groups whose acquisition failed, as this manager saw it (clfindres shows ERROR).
    errors: set[str] = field(default_factory=set)
    #: Concurrent groups (book 2.4.1): the nodes that have each online, as this manager saw it.
    concurrent: dict[str, set[str]] = field(default_factory=dict)


class Cluster:
    def __init__(self, world: World, definition: ClusterDefinition) -> None:
        self.world = world
        self.definition = definition
        self.groups: dict[str, ResourceGroupSpec] = {g.name: g for g in definition.resource_groups}
        self._labels = {a.label: (net, a) for net, a in definition.adapters()}
        self.managers = {n.name: ClusterManager(n.name, locations={g: None for g in self.groups}) for n in definition.nodes}
        self.runner = EventRunner(self, scripts.plan, scripts.finish)
        self._custom = {e.name: e for e in definition.events}
        #: How a node's shell runs a command line: the lab plugs in the command layer
        #: (hamodel.commands sits above this layer). Returns (output, status).
        self.shell: Callable[[str, str], tuple[str, int]] | None = None
        for host in (world.hosts[n.name] for n in definition.nodes):
            for name, group in CLUSTER_SUBSYSTEMS:
                host.src.define(name, group)
            host.on_down.append(lambda h=host: self._host_down(h.name))
        endpoints = []
        for net, a in definition.adapters():
            device = a.interface or (a.device or "").rsplit("/", 1)[-1]
            endpoints.append(Endpoint(a.node, net.name, device))
        self.topology = Topology(
            world.sched, sorted(set(endpoints)), {n.name: detection(n.nim, n.detection_rate) for n in definition.networks},
            self._link_alive, self._can_send, self.members, self.views, self._on_verdict)

    def __repr__(self) -> str:
        return f"Cluster({self.definition.cluster.name})"

    # --- configuration lookups ------------------------------------------------------
    def label(self, label: str) -> tuple[NetworkSpec, AdapterSpec]:
        return self._labels[label]

    def network(self, name: str) -> NetworkSpec:
        return next(n for n in self.definition.networks if n.name == name)

    def group(self, name: str) -> ResourceGroupSpec:
        return self.groups[name]

    def app_server(self, name: str) -> ApplicationServerSpec:
        return next(a for a in self.definition.application_servers if a.name == name)

    def customisation(self, event: str) -> EventCustomSpec | None:
        return self._custom.get(event)

    def run_custom(self, node: str, line: str) -> None:
        """A pre/post/notify command: traced in hacmp.out with what it printed."""
        host = self.world.hosts[node]
        host.append("/tmp/hacmp.out", f"+ {line}\n")
        if self.shell is None:
            host.append("/tmp/hacmp.out", "ksh: no shell in this world\n")
            return
        output, status = self.shell(node, line)
        host.append("/tmp/hacmp.out", output + (f"+ exit status {status}\n" if status else ""))

    def cluster_addresses(self) -> list[str]:
        return [a.ip for _, a in self.definition.adapters() if a.ip and a.function != "boot"]

    def unused_label(self, node: str, network: str, function: str) -> AdapterSpec | None:
        """A label of ``function`` for ``node`` on ``network`` whose address no interface holds now."""
        stack = self.world.hosts[node].stack
        for a in self.network(network).adapters:
            if a.node == node and a.function == function and stack.owner_of(a.ip) is None:
                return a
        return None

    def free_standby(self, node: str, network: str):
        """A local interface that holds a standby address, is up, and is not known failed."""
        stack = self.world.hosts[node].stack
        for a in self.network(network).adapters:
            if a.node != node or a.function != "standby":
                continue
            iface = stack.owner_of(a.ip)
            if iface is None or not iface.up:
                continue
            if Endpoint(node, network, iface.name) in self.topology.adapter_down:
                continue
            return iface
        return None

    def adapter_role(self, node: str, interface: str) -> tuple[str, str] | None:
        """("service", ip) when the interface holds a service or boot address, ("standby", ip) for a standby."""
        iface = self.world.hosts[node].stack.interfaces.get(interface)
        if iface is None or not iface.addresses:
            return None
        functions = {a.ip: a.function for _, a in self.definition.adapters() if a.ip}
        for addr in iface.addresses:
            if functions.get(addr.ip) in ("service", "boot"):
                return "service", addr.ip
        return "standby", iface.addresses[0].ip

    # --- membership -------------------------------------------------------------------
    def alive(self, node: str | None) -> bool:
        if node is None or node not in self.managers:
            return False
        host = self.world.hosts[node]
        return host.running and host.src.subsystems["clstrmgr"].active

    def members(self) -> set[str]:
        return {n for n in self.managers if self.alive(n)}

    def views(self) -> dict[str, set[str]]:
        return {n: self.managers[n].view for n in self.managers if self.alive(n)}

    def concurrent_vgs(self) -> set[str]:
        """Volume groups of concurrent resource groups: varied on in concurrent mode."""
        return {vg for g in self.groups.values() if g.type == "concurrent" for vg in g.volume_groups}

    def location(self, viewer: str, group: str) -> str | None:
        return self.managers[viewer].locations.get(group)

    # --- physical paths the NIMs use -------------------------------------------------
    def _can_send(self, ep: Endpoint) -> bool:
        host = self.world.hosts[ep.node]
        if not host.running:
            return False
        if ep.device.startswith(("tty", "tmssa")):
            return True
        iface = host.stack.interfaces.get(ep.device)
        return host.stack.running and iface is not None and iface.up

    def _link_alive(self, a: Endpoint, b: Endpoint) -> bool:
        if a.device.startswith("tmssa"):
            return self.world.san.tmssa_alive(a.node, b.node)
        if a.device.startswith("tty"):
            return any(link.plugged and link.port_of(a.node) == a.device and link.port_of(b.node) == b.device
                       for link in self.world.serial_links.values())
        ia = self.world.hosts[a.node].stack.interfaces[a.device]
        ib = self.world.hosts[b.node].stack.interfaces[b.device]
        return self.world.fabric.link_alive(ia, ib)

    # --- starting and stopping -------------------------------------------------------
    def start_services(self, node: str, clinfo: bool = True) -> str:
        host = self.world.hosts[node]
        if not host.running:
            return ""
        if self.alive(node):
            return "0513-029 The clstrmgr Subsystem is already active.\nMultiple instances are not supported."
        out = []
        for name in ("clstrmgr", "clsmuxpd") + (("clinfo",) if clinfo else ()):
            if host.src.start(name):
                out.append(f"0513-059 The {name} Subsystem has been started. Subsystem PID is {host.src.subsystems[name].pid}.")
        manager = self.managers[node]
        manager.state = "ST_JOINING"
        manager.view = set()
        manager.locations = {g: None for g in self.groups}
        manager.concurrent = {}
        self.topology.joined(node)
        self.topology.start()
        self.log_console(node, "Starting HACMP cluster services")
        return "\n".join(out)

    def stop_services(self, node: str, mode: str) -> str:
        """clstop: ``graceful``, ``graceful_with_takeover`` or ``forced`` (book 8.2.3.2)."""
        if not self.alive(node):
            return "0513-004 The Subsystem or Group, clstrmgr, is currently inoperative."
        if self.runner.pending(("node_down", node)):
            return f"clstop: cluster services on {node} are already stopping; wait for node_down_complete."
        part = next((p for p in self.topology.partitions() if node in p), frozenset({node}))
        participants = frozenset(part & self.members())
        if mode == "forced":
            self.daemons_stop(node)
            others = participants - {node}
            if others:
                self.runner.enqueue(ClusterEvent("node_down", (node, "forced"), others, cause="clstop -f"))
            return "0513-044 The clstrmgr Subsystem was requested to stop."
        self.runner.enqueue(ClusterEvent("node_down", (node, mode), participants, cause=f"clstop {mode}"))
        return "0513-044 The clstrmgr Subsystem was requested to stop."

    def daemons_stop(self, node: str) -> None:
        self.runner.abandon(node)
        host = self.world.hosts[node]
        for name, _ in CLUSTER_SUBSYSTEMS:
            host.src.stop(name)
        self.managers[node].state = "ST_INIT"
        self.managers[node].view = set()

    def clstrmgr_died(self, node: str) -> None:
        """SRC saw clstrmgr end abnormally: clexit.rc halts the node (book 8.2.3.3)."""
        self.world.hosts[node].halt("clexit.rc : Unexpected termination of clstrmgr")

    def _host_down(self, node: str) -> None:
        self.runner.abandon(node)
        self.managers[node].state = "ST_INIT"
        self.managers[node].view = set()

    # --- verdicts become events (hamodel.hacmp.membership) -------------------------------
    def _on_verdict(self, v: Verdict) -> None:
        membership.on_verdict(self, v)

    def prepare(self, event: ClusterEvent) -> bool:
        return membership.prepare(self, event)

    # --- logs ---------------------------------------------------------------------------
    def log_event(self, node: str, kind: str, name: str, args: tuple[str, ...], rc: int | None = None) -> None:
        stamp = syslog_stamp(self.world.sched.now)
        text = " ".join((name, *args)).rstrip()
        if kind == "COMPLETED":
            text += f" {rc or 0}"
        host = self.world.hosts[node]
        host.append("/tmp/hacmp.out", f"{stamp} EVENT {kind}: {text}\n")
        host.append("/var/adm/cluster.log", f"{stamp} {node} HACMP for AIX: EVENT {kind}: {text}\n")

    def log_console(self, node: str, text: str) -> None:
        stamp = syslog_stamp(self.world.sched.now)
        self.world.hosts[node].append("/var/adm/cluster.log", f"{stamp} {node} HACMP for AIX: {text}\n")

    def refresh_clients(self, ctx: EventContext) -> None:
        """clinfo.rc: ping each client of PING_CLIENT_LIST from every service address this node holds."""
        stack = ctx.host.stack
        service_ips = {a.ip for _, a in self.definition.adapters() if a.function == "service"}
        for client_ip in self.definition.ping_client_list:
            for iface in stack.interfaces.values():
                for addr in iface.addresses:
                    if addr.ip in service_ips and addr.reaches(client_ip) and iface.up:
                        ctx.trace(f"clinfo.rc: ping -c1 {client_ip} from {addr.ip}")
                        self.world.fabric.announce(stack, iface, addr.ip, client_ip)
