"""The world's storage, built from a definition: every disk, what cables it, and the LVM layout.

Usage (the world does this)::

    san = StorageBuilder(definition, sched, storage).build()
    san.loops["loop1"].unplug(0)
    san.scsi["nodeA"][0].failed = True

Kinds of disk, each an hdisk to AIX (:class:`hamodel.hardware.disk.Disk`):

* internal SCSI disks of each node (``nodeA:hdisk0``...), holding rootvg;
* plain shared disks (``shared_disks``), cabled to the nodes listed;
* SSA pdisks in drawers, reached through the loops (:mod:`hamodel.hardware.ssa`);
* 7135 LUNs, reached through a working adapter on a bus with a working
  controller, and lost with the LUN (:mod:`hamodel.hardware.raid`).

Volume groups are laid out as the definition says: each LV copy on its PV,
partitions allocated in order, the PP size mkvg would pick.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hamodel.aix.vgda import LogicalVolume, LvCopy, Storage, VolumeGroup, pp_size_for
from hamodel.config import ClusterDefinition
from hamodel.hardware.disk import Disk
from hamodel.hardware.raid import Array7135, ScsiAdapter
from hamodel.hardware.ssa import Drawer, Pdisk, SsaAdapter, SsaLoop
from hamodel.scheduler import Scheduler

#: rootvg as AIX 4.3 installs it: (name, type, MB, mount point)
ROOTVG = [("hd5", "boot", 8, None), ("hd6", "paging", 512, None), ("hd8", "jfslog", 4, None),
          ("hd4", "jfs", 64, "/"), ("hd2", "jfs", 1024, "/usr"), ("hd9var", "jfs", 64, "/var"),
          ("hd3", "jfs", 128, "/tmp"), ("hd1", "jfs", 32, "/home")]
#: the separate, unmirrored dump device book 3.1.2 recommends
DUMP_LV = ("hd7", "sysdump", 256, None)
INTERNAL_DISK_MB = 4096


@dataclass
class San:
    """Everything that carries disk I/O, by name, for acts and observations."""

    ssa_adapters: dict[tuple[str, str], SsaAdapter] = field(default_factory=dict)
    drawers: dict[str, Drawer] = field(default_factory=dict)
    pdisks: dict[str, Pdisk] = field(default_factory=dict)
    loops: dict[str, SsaLoop] = field(default_factory=dict)
    arrays: dict[str, Array7135] = field(default_factory=dict)
    scsi: dict[tuple[str, str], ScsiAdapter] = field(default_factory=dict)
    #: node -> hdisk names in its NVRAM bootlist
    bootlists: dict[str, list[str]] = field(default_factory=dict)

    def passes(self, item) -> bool:
        """Does a loop item pass SSA frames on? A pdisk while present in a powered drawer; an
        adapter always: the 7133's bypass circuits close the loop at a port whose host is
        powered off [U]."""
        if isinstance(item, str):
            p = self.pdisks[item]
            return p.present and self.drawers[p.drawer].powered
        return True

    def ssa_reaches(self, node: str, pdisk: str) -> bool:
        adapters = [a for (n, _), a in self.ssa_adapters.items() if n == node and not a.failed]
        return any(loop.reaches((node, a.name), pdisk, self.passes) for loop in self.loops.values() for a in adapters)

    def tmssa_alive(self, a: str, b: str) -> bool:
        """Can node a's SSA adapters reach node b's round some loop (target-mode SSA)?"""
        mine = [(n, name) for (n, name), ad in self.ssa_adapters.items() if n == a and not ad.failed]
        theirs = {(n, name) for (n, name), ad in self.ssa_adapters.items() if n == b and not ad.failed}
        return any(loop.adapters_reached(ad, self.passes) & theirs for loop in self.loops.values() for ad in mine)

    def loop_of(self, pdisk: str) -> SsaLoop | None:
        return next((loop for loop in self.loops.values() if pdisk in loop.ring), None)

    def faults(self, node: str, disk: Disk) -> list[tuple[str, str]]:
        """The device errors AIX logs on ``node`` when I/O to ``disk`` fails: (label, resource)."""
        if disk.kind == "ssa":
            mine = [a for (n, _), a in self.ssa_adapters.items() if n == node]
            loop = self.loop_of(disk.location)
            cut = [a.name for a in mine if loop is not None and any(
                not loop.plugged[c] for c, _ in loop.adapter_cables(node, a.name))]
            return [("SSA_LINK_OPEN", name) for name in cut] + [("SSA_DEVICE_ERROR", disk.location)]
        if disk.kind == "7135":
            failed = [a.name for (n, _), a in self.scsi.items() if n == node and a.failed]
            return [("SCSI_ERR1", name) for name in failed] + [("DISK_ARRAY_ERR2", disk.name)]
        return [("DISK_ERR2", disk.name.split(":")[-1])]


class StorageBuilder:
    def __init__(self, definition: ClusterDefinition, sched: Scheduler, storage: Storage) -> None:
        self.d = definition
        self.sched = sched
        self.storage = storage
        self.san = San()

    def build(self) -> San:
        self._internal()
        for spec in self.d.shared_disks:
            self.storage.disks[spec.name] = Disk(spec.name, spec.pvid, spec.size_mb, list(spec.nodes), "scsi", "shared")
        self._ssa()
        self._arrays()
        for number, spec in enumerate(self.d.volume_groups):
            self._volume_group(spec, number)
        return self.san

    def _internal(self) -> None:
        for i, node in enumerate(self.d.nodes):
            names = [f"hdisk{n}" for n in range(max(1, node.internal_disks))]
            for n, hdisk in enumerate(names):
                disk = Disk(f"{node.name}:{hdisk}", f"0001{i:04d}a1b2c3{n:02x}", INTERNAL_DISK_MB, [node.name], "scsi", "internal")
                self.storage.disks[disk.name] = disk
            mirrored = node.rootvg_mirrored and len(names) > 1
            disks = [f"{node.name}:{h}" for h in (names[:2] if mirrored else names[:1])]
            layout = ROOTVG + ([DUMP_LV] if mirrored else [])
            vg = VolumeGroup("rootvg", f"0001{i:04d}00000000", 10, list(disks), [], pp_size_for(INTERNAL_DISK_MB),
                             quorum=not mirrored, local=True)
            for name, kind, size, mount in layout:
                copies = 2 if mirrored and kind != "sysdump" else 1
                self._lv(vg, LogicalVolume(name, kind, -(-size // vg.pp_size), mount), disks[:copies])
            self.storage.groups[f"{node.name}:rootvg"] = vg
            for key in disks:
                self.storage.disks[key].boot_image = True  # bosboot was run on each
            self.san.bootlists[node.name] = [k.split(":")[1] for k in disks]

    def _ssa(self) -> None:
        for node in self.d.nodes:
            for a in node.ssa_adapters:
                self.san.ssa_adapters[(node.name, a.name)] = SsaAdapter(node.name, a.name, a.type, a.microcode)
        for drawer in self.d.drawers:
            self.san.drawers[drawer.name] = Drawer(drawer.name, drawer.type, [p.name for p in drawer.pdisks])
            for p in drawer.pdisks:
                serial = f"{p.pvid[-8:].upper()}"
                self.san.pdisks[p.name] = Pdisk(p.name, drawer.name, p.hdisk, p.size_mb, serial)
        for loop in self.d.ssa_loops:
            ring = [tuple(item.split(":")) if item.count(":") == 2 else item for item in loop.ring]
            self.san.loops[loop.name] = SsaLoop(loop.name, ring)
        for spec in self.d.hdisks():
            pdisk = next((p for p in self.san.pdisks.values() if p.hdisk == spec.name), None)
            if pdisk is None:
                continue
            disk = Disk(spec.name, spec.pvid, spec.size_mb, list(spec.nodes), "ssa", pdisk.name)
            disk.connected = lambda node, p=pdisk.name: self.san.ssa_reaches(node, p)
            self.storage.disks[spec.name] = disk

    def _arrays(self) -> None:
        for node in self.d.nodes:
            for a in node.scsi_adapters:
                self.san.scsi[(node.name, a.name)] = ScsiAdapter(node.name, a.name, a.bus, a.id)
        for spec in self.d.arrays:
            array = Array7135(spec.name, spec.type, self.sched, spec.drives, spec.hot_spares, spec.buses)
            self.san.arrays[spec.name] = array
            nodes = [n.name for n in self.d.nodes if any(a.bus in spec.buses for a in n.scsi_adapters)]
            for lun_spec in spec.luns:
                lun = array.add_lun(lun_spec.hdisk, lun_spec.raid, lun_spec.drives, lun_spec.size_mb)
                disk = Disk(lun_spec.hdisk, lun_spec.pvid, lun_spec.size_mb, nodes, "7135", f"{spec.name} LUN {lun.number}")
                disk.connected = lambda node, a=array, l=lun: (not l.dead and a.reaches(
                    [s for (n, _), s in self.san.scsi.items() if n == node]))
                self.storage.disks[lun_spec.hdisk] = disk

    def _volume_group(self, spec, number: int) -> None:
        largest = max((self.storage.disks[d].size_mb for d in spec.disks if d in self.storage.disks), default=4096)
        vg = VolumeGroup(spec.name, f"0001{number + 1:04d}5ca1ab1e", spec.major, list(spec.disks), [],
                         pp_size_for(largest), spec.quorum, spec.concurrent_capable)
        for lv in spec.logical_volumes:
            disks = lv.disks or spec.disks[:lv.copies]
            self._lv(vg, LogicalVolume(lv.name, lv.type, -(-lv.size_mb // vg.pp_size), lv.mount), disks)
        self.storage.groups[spec.name] = vg

    @staticmethod
    def _lv(vg: VolumeGroup, lv: LogicalVolume, disks: list[str]) -> None:
        for disk in disks:
            lv.copies.append(LvCopy(disk, vg.next_free_pp(disk)))
        vg.lvs.append(lv)
