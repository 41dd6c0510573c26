"""The world: every piece of hardware, the AIX of every node and client, and HACMP, on one clock.

Usage::

    world = World(definition, seed=3)
    world.sched.run_until(60.0)
    world.hosts["nodeA"].stack.interfaces["en0"].addresses

The world is the single source of truth; commands read it, acts change it,
and the scheduler runs the consequences. It is built from a
:class:`hamodel.config.ClusterDefinition` in a fixed order so that the same
definition and seed always give the same world.
"""

from __future__ import annotations

from hamodel.aix.host import AixHost
from hamodel.aix.ip import IpFabric
from hamodel.aix.vgda import Storage
from hamodel.config import ClusterDefinition
from hamodel.hacmp.cluster import Cluster
from hamodel.hardware import Hub, Nic, Node, SerialLink
from hamodel.scheduler import Scheduler
from hamodel.storage import StorageBuilder


class World:
    def __init__(self, definition: ClusterDefinition, seed: int = 0) -> None:
        self.definition = definition
        self.sched = Scheduler(seed)
        self.hubs = {h.name: Hub(h.name, uplinks=[h.uplink] if h.uplink else []) for h in definition.hubs}
        self.storage = Storage()
        self.nodes: dict[str, Node] = {}
        self.hosts: dict[str, AixHost] = {}
        self.clients: dict[str, AixHost] = {}
        self.nics: dict[tuple[str, str], Nic] = {}
        for i, spec in enumerate(definition.nodes):
            node = Node(spec.name, spec.cpu_id, spec.smp)
            for nic_spec in spec.nics:
                nic = Nic(spec.name, nic_spec.interface, nic_spec.type, nic_spec.mac, nic_spec.hub)
                node.nics.append(nic)
                self.nics[(spec.name, nic.interface)] = nic
            self.nodes[spec.name] = node
            host = AixHost(node, self.sched, self.storage, first_pid=4000 + 1000 * i)
            for nic in node.nics:
                host.stack.add_nic(nic)
            self.hosts[spec.name] = host
        for i, spec in enumerate(definition.clients):
            node = Node(spec.name, cpu_id="", smp=False)
            nic = Nic(spec.name, "en0", "ether", spec.mac, spec.hub)
            node.nics.append(nic)
            self.nics[(spec.name, "en0")] = nic
            client = AixHost(node, self.sched, self.storage, first_pid=20000 + 1000 * i)
            client.stack.add_nic(nic)
            client.boot_config["en0"] = (spec.ip, spec.netmask)
            self.clients[spec.name] = client
        self.serial_links = {s.name: SerialLink(s.name, (tuple(s.ends[0]), tuple(s.ends[1]))) for s in definition.serial_links}
        self.san = StorageBuilder(definition, self.sched, self.storage).build()
        self.storage.faults = self.san.faults
        for array in self.san.arrays.values():
            array.on_drive_failed.append(lambda drive, lun, a=array: self._array_event(a, drive, lun))
        self._configure_aix()
        self._error_notify()
        stacks = {name: h.stack for name, h in {**self.hosts, **self.clients}.items()}
        self.fabric = IpFabric(self.hubs, stacks, lambda: self.sched.now)
        self.cluster = Cluster(self, definition)
        for host in (*self.hosts.values(), *self.clients.values()):
            host.bring_up()

    def __repr__(self) -> str:
        return f"World({self.definition.cluster.name}, t={self.sched.now:.1f})"

    def host(self, name: str) -> AixHost:
        """A node's or a client's AIX, by name."""
        if name in self.hosts:
            return self.hosts[name]
        return self.clients[name]

    def ssa_link_changed(self, loop) -> None:
        """A loop was broken: every running node with an adapter in it logs a link open (the
        adapters see the break at once, whatever I/O is going on) [U: which nodes log it]."""
        for item in loop.ring:
            if isinstance(item, tuple) and self.hosts[item[0]].running:
                self.hosts[item[0]].errlog.log(self.sched.now, "SSA_LINK_OPEN", item[1], f"{loop.name} open")

    def _array_event(self, array, drive: str, lun) -> None:
        """The 7135 reports a drive failure to the hosts cabled to it (DISK_ARRAY_ERR14)."""
        buses = {c.bus for c in array.controllers}
        for (node, _), adapter in self.san.scsi.items():
            if adapter.bus in buses and self.hosts[node].running:
                self.hosts[node].errlog.log(self.sched.now, "DISK_ARRAY_ERR14", lun.hdisk if lun else array.name,
                                            f"{array.name}: drive {drive} failed")

    def _error_notify(self) -> None:
        """errdemon runs the method of each matching notification object (book 2.6.2, 5.2)."""
        for spec in self.definition.error_notifications:
            host = self.hosts[spec.node]

            def notify(entry, spec=spec, host=host) -> None:
                if entry.label == spec.label:
                    line = spec.method.replace("$1", str(entry.sequence))
                    self.sched.call_in(1.0, lambda: host.running and self.cluster.shell(host.name, line))
            host.errlog.on_entry.append(notify)

    def _configure_aix(self) -> None:
        d = self.definition
        etc_hosts = {"loopback": "127.0.0.1"}
        for _, a in d.adapters():
            if a.ip:
                etc_hosts[a.label] = a.ip
        for c in d.clients:
            etc_hosts[c.name] = c.ip
        users = {u.name: u.uid for u in d.users}
        for name, host in {**self.hosts, **self.clients}.items():
            host.hosts = dict(etc_hosts)
            host.files["/etc/hosts"] = "".join(f"{ip}\t{label}\n" for label, ip in etc_hosts.items())
        for name, host in self.hosts.items():
            host.users.update(users)
            for vg in d.volume_groups:
                if any(name in self.storage.disks[x].nodes for x in vg.disks):
                    host.lvm.define(vg.name, auto_on=vg.auto_varyon)
            host.lvm.define(f"{name}:rootvg", auto_on=True)
            host.bootlist = list(self.san.bootlists[name])
            by_iface: dict[str, tuple[str, str]] = {}
            for _, a in d.adapters():
                if a.node != name or not a.interface or not a.ip:
                    continue
                rank = {"boot": 0, "service": 1, "standby": 2}[a.function]
                current = by_iface.get(a.interface)
                if current is None or rank < current[0]:
                    by_iface[a.interface] = (rank, a.ip, a.netmask)
            host.boot_config = {iface: (ip, mask) for iface, (_, ip, mask) in sorted(by_iface.items())}
