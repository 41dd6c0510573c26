"""The AIX Logical Volume Manager on one node: varyon and quorum, mirrored I/O, stale partitions.

Usage::

    lvm = Lvm("nodeB", storage, log=errlog_hook)
    lvm.varyonvg("sharedvg")                    # -> None, or an AIX error message
    lvm.write("sharedvg", lv, "/sharedfs/a", "hello\\n")
    lvm.read("sharedvg", lv, "/sharedfs/a")     # -> ("hello\\n", None)

Per node, a volume group is *not imported* (no ODM record), *varied off*
(imported) or *varied on*. Varying on checks the quorum of VGDAs (book
3.4.5.1: more than half with quorum on; every PV with quorum off, unless
``-f``), places a reserve on every disk (not in concurrent mode) and
latches the quorum setting: ``chvg -Q`` takes effect at the next varyon.

A write goes to every copy of the partition. A copy whose PV cannot be
written is marked *stale* in the VGSA; the PV is declared *missing* (error
log entries as AIX logs them) and the quorum is checked again (3.4.5.2):
with quorum on the group stays while more than half the VGDAs remain, with
quorum off while one PV remains; otherwise it closes (LVM_SA_QUORCLOSE) and
every later I/O fails. A read comes from the first fresh copy on a PV that
answers. ``syncvg`` brings back PVs that answer again and copies fresh
partitions over stale ones; ``varyonvg`` does both too unless ``-n``.

The node's ODM record of a group (:class:`VgRecord`) is what ``importvg``
learnt: PVIDs, the VGDA time stamp then, the file systems in
``/etc/filesystems``. HACMP's lazy update (book 8.4.2) compares that time
stamp with the one on the disks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from hamodel.aix.vgda import LogicalVolume, Storage, VolumeGroup

EIO = "There is an input or output error."



@dataclass
class VgRecord:
    """A node's ODM record of a volume group, and its /etc/filesystems entries."""

    key: str
    name: str
    major: int
    pvids: list[str]
    auto_on: bool
    timestamp: int
    mounts: list[str] = field(default_factory=list)


@dataclass
class Activation:
    """A varied-on group on this node."""

    concurrent: bool
    quorum: bool  # latched at varyon
    missing: set[str] = field(default_factory=set)


class Lvm:
    """One node's LVM: ODM records, varied-on groups, mounted file systems, paging."""

    def __init__(self, node: str, storage: Storage,
                 log: Callable[[str, str, str], None] | None = None) -> None:
        self.node = node
        self.storage = storage
        self.log = log or (lambda label, resource, detail: None)
        self.odm: dict[str, VgRecord] = {}
        self.active: dict[str, Activation] = {}
        self._order: list[str] = []  # varied-on groups, most recent first (lsvg -o)
        self.mounted: list[str] = []
        self.paging: list[str] = []  # active paging space LV names
        self.readonly: set[str] = set()  # mounted read-only (crfs -p ro, mount -o ro)
        #: mounted file systems whose group the LVM closed (quorum lost): every I/O fails until umount
        self.dead_mounts: set[str] = set()
        #: directories mounted from a device by hand (``mount /dev/lv /dir``), not in /etc/filesystems
        self.device_mounts: set[str] = set()

    # --- what the node knows ----------------------------------------------------
    @property
    def imported(self) -> list[str]:
        return list(self.odm)

    @property
    def varied_on(self) -> list[str]:
        return [k for k in self._order if k in self.active]

    def define(self, key: str, auto_on: bool = False) -> VgRecord:
        """Record a group in the ODM as importvg would (used when a world is built)."""
        vg = self.storage.groups[key]
        record = VgRecord(key, vg.name, vg.major, [self.storage.disks[d].pvid for d in vg.disks], auto_on,
                          vg.timestamp, [lv.mount for lv in vg.lvs if lv.mount])
        self.odm[key] = record
        return record

    def changed(self, key: str) -> None:
        """This node changed the group's layout: new VGDA time stamp, and its own ODM and
        /etc/filesystems follow (the other nodes' records do not: book 8.4.2)."""
        vg = self.storage.groups[key]
        vg.changed()
        record = self.odm[key]
        record.timestamp = vg.timestamp
        record.mounts = [lv.mount for lv in vg.lvs if lv.mount]

    def key_of(self, name: str) -> str | None:
        """The storage key of an imported group, by its AIX name."""
        return next((k for k, r in self.odm.items() if r.name == name), None)

    def disk_key(self, hdisk: str) -> str | None:
        """The storage key of an hdisk this node sees (internal disks are per node)."""
        for key in (f"{self.node}:{hdisk}", hdisk):
            disk = self.storage.disks.get(key)
            if disk is not None and (self.node in disk.nodes or key.startswith(self.node + ":")):
                return key
        return None

    def hdisk(self, key: str) -> str:
        return key.split(":")[-1]

    def usable(self, disk: str) -> bool:
        return self.storage.disks[disk].usable_by(self.node)

    # --- varyon / varyoff --------------------------------------------------------
    def varyonvg(self, key: str, force: bool = False, concurrent: bool = False, nosync: bool = False) -> str | None:
        if key not in self.odm:
            return f"0516-306 varyonvg: Unable to find volume group {key} in the Device\n        Configuration Database."
        vg = self.storage.groups[key]
        if key in self.active:
            self.reopen(key)
            if not nosync:
                self.sync(key)
            return None
        if concurrent and not vg.concurrent_capable:
            return "0516-949 varyonvg: This volume group not created concurrent capable."
        disks = [self.storage.disks[d] for d in vg.disks]
        for disk in disks:
            if disk.reachable_from(self.node) and not disk.usable_by(self.node):
                return ("0516-013 varyonvg: The volume group cannot be varied on because\n"
                        "        there are no good copies of the descriptor area.\n"
                        f"0516-024 varyonvg: Unable to open physical volume {self.hdisk(disk.name)}; it is reserved by another host.")
        missing = {d for d in vg.disks if not self.usable(d)}
        present = sum(vg.vgdas(d) for d in vg.disks if d not in missing)
        if present == 0:
            return ("0516-013 varyonvg: The volume group cannot be varied on because\n"
                    "        there are no good copies of the descriptor area.")
        if missing and not force:
            if vg.quorum and present * 2 <= vg.total_vgdas:
                return ("0516-052 varyonvg: Volume group cannot be varied on without a\n"
                        "        quorum. More physical volumes in the group must be active.\n"
                        "        Run diagnostics on inactive PVs.")
            if not vg.quorum:
                return ("0516-056 varyonvg: The volume group is not varied on because a\n"
                        "        physical volume is marked missing. Run diagnostics.")
        if not vg.local and not concurrent:
            for disk in disks:
                if disk.name not in missing:
                    disk.reserved_by = self.node
        self.active[key] = Activation(concurrent, vg.quorum, missing)
        self._order.insert(0, key)
        for d in sorted(missing):
            self.log("LVM_SA_PVMISS", "LVDD", f"{vg.name}: {self.hdisk(d)} declared missing at varyon")
        if not nosync:
            self.sync(key)
        return None

    def varyoffvg(self, key: str) -> str | None:
        if key not in self.active:
            return "0516-010 varyoffvg: Volume group must be varied on; use varyonvg command."
        vg = self.storage.groups[key]
        if self.open_lvs(key):
            return ("0516-012 varyoffvg: Logical volume must be closed. If the logical\n"
                    "        volume contains a filesystem, the umount command will close it.")
        del self.active[key]
        self._order.remove(key)
        for d in vg.disks:
            disk = self.storage.disks[d]
            if disk.reserved_by == self.node:
                disk.reserved_by = None
        return None

    def open_lvs(self, key: str) -> list[str]:
        """LVs of the group that are open on this node: mounted JFS (and their log), paging."""
        vg = self.storage.groups[key]
        mounted = [lv.name for lv in vg.lvs if lv.mount and lv.mount in self.mounted]
        logs = [lv.name for lv in vg.lvs if lv.type == "jfslog"] if mounted else []
        return mounted + logs + [lv.name for lv in vg.lvs if lv.name in self.paging]

    def lose_everything(self) -> None:
        """The node went down: nothing is varied on, mounted or paging; disk reserves stay set."""
        self.active.clear()
        self._order.clear()
        for mount in list(self.device_mounts):
            found = self.fs(mount)
            if found:
                self.odm[found[0]].mounts.remove(mount)
                found[2].mount = None
        self.device_mounts.clear()
        self.mounted.clear()
        self.dead_mounts.clear()
        self.paging.clear()

    # --- missing PVs and quorum ----------------------------------------------------
    def _declare_missing(self, key: str, disk: str) -> None:
        """A PV failed a write: declare it missing and tell the VGSA on every other PV (book
        3.4.5.2); a PV that cannot take that VGSA update is missing too. Then check the quorum."""
        act = self.active[key]
        if disk in act.missing:
            return
        vg = self.storage.groups[key]
        failed = [disk]
        while failed:
            d = failed.pop(0)
            act.missing.add(d)
            for label, resource in self.storage.faults(self.node, self.storage.disks[d]):
                self.log(label, resource, f"I/O to {self.hdisk(d)} failed")
            self.log("LVM_IO_FAIL", "LVDD", f"{vg.name}: I/O error on {self.hdisk(d)}")
            self.log("LVM_SA_PVMISS", "LVDD", f"{vg.name}: {self.hdisk(d)} declared missing")
            for other in vg.disks:
                if other not in act.missing and other not in failed and not self.usable(other):
                    self.log("LVM_SA_WRTERR", "LVDD", f"{vg.name}: VGSA write to {self.hdisk(other)} failed")
                    failed.append(other)
        present = sum(vg.vgdas(d) for d in vg.disks if d not in act.missing)
        if present == 0 or (act.quorum and present * 2 <= vg.total_vgdas):
            self.log("LVM_SA_QUORCLOSE", "LVDD", f"{vg.name}: quorum lost, volume group closing")
            del self.active[key]
            self._order.remove(key)
            # Its file systems stay in the mount table, dead until unmounted; closing the
            # disks releases the reserves that can still reach them.
            self.dead_mounts |= {lv.mount for lv in vg.lvs if lv.mount in self.mounted}
            for d in vg.disks:
                disk = self.storage.disks[d]
                if disk.reserved_by == self.node and disk.reachable_from(self.node):
                    disk.reserved_by = None

    def reopen(self, key: str) -> list[str]:
        """Missing PVs that answer again become active (what varyonvg/syncvg do first)."""
        act = self.active[key]
        back = sorted(d for d in act.missing if self.usable(d))
        vg = self.storage.groups[key]
        for d in back:
            act.missing.discard(d)
            if not act.concurrent and not vg.local:
                self.storage.disks[d].reserved_by = self.node  # opening the disk reserves it again
            self.log("LVM_MISSPVRET", "LVDD", f"{self.hdisk(d)} is now active")
        return back

    # --- I/O ------------------------------------------------------------------
    def write(self, key: str, lv: LogicalVolume, item: str, content: str | None) -> str | None:
        """Write (or, with None, delete) one item on every copy; None, or the error text."""
        if key not in self.active or (lv.mount in self.dead_mounts and lv.mount in self.mounted):
            return EIO
        act = self.active[key]
        lp = lv.lp_of(item)
        written = 0
        for copy in lv.copies:
            if copy.disk not in act.missing and not self.usable(copy.disk):
                self._declare_missing(key, copy.disk)
                if key not in self.active:
                    return EIO
            if copy.disk in act.missing or lp in copy.stale:
                if lp not in copy.stale:
                    copy.stale.add(lp)
                    self.log("LVM_SA_STALEPP", "LVDD", f"{lv.name} LP {lp} on {self.hdisk(copy.disk)} marked stale")
                continue
            if content is None:
                copy.data.pop(item, None)
            else:
                copy.data[item] = content
            written += 1
        return None if written else EIO

    def read(self, key: str, lv: LogicalVolume, item: str) -> tuple[str | None, str | None]:
        """(content or None if absent, error or None)."""
        copy = self.fresh_copy(key, lv, lv.lp_of(item))
        if copy is None or (lv.mount in self.dead_mounts and lv.mount in self.mounted):
            return None, EIO
        return copy.data.get(item), None

    def fresh_copy(self, key: str, lv: LogicalVolume, lp: int):
        act = self.active.get(key)
        if act is None:
            return None
        for copy in lv.copies:
            if copy.disk not in act.missing and lp not in copy.stale and self.usable(copy.disk):
                return copy
        return None

    def items(self, key: str, lv: LogicalVolume) -> dict[str, str] | None:
        """Everything readable in an LV (partition by partition from fresh copies); None on I/O error."""
        found: dict[str, str] = {}
        keys = {k for c in lv.copies for k in c.data}
        for item in sorted(keys):
            content, error = self.read(key, lv, item)
            if error:
                return None
            if content is not None:
                found[item] = content
        return found

    def sync(self, key: str, only: list[LogicalVolume] | None = None) -> list[tuple[str, str]]:
        """Copy fresh partitions over stale ones; return (lv, hdisk) pairs that could not be synced."""
        if key not in self.active:
            return []
        act = self.active[key]
        vg = self.storage.groups[key]
        failed: list[tuple[str, str]] = []
        for lv in only or vg.lvs:
            for copy in lv.copies:
                if not copy.stale:
                    continue
                if copy.disk in act.missing or not self.usable(copy.disk):
                    failed.append((lv.name, self.hdisk(copy.disk)))
                    continue
                for lp in sorted(copy.stale):
                    source = self.fresh_copy(key, lv, lp)
                    if source is None:
                        failed.append((lv.name, self.hdisk(copy.disk)))
                        break
                    for item in [k for k in copy.data if lv.lp_of(k) == lp]:
                        del copy.data[item]
                    copy.data.update({k: v for k, v in source.data.items() if lv.lp_of(k) == lp})
                    copy.stale.discard(lp)
        return failed

    # --- file systems ---------------------------------------------------------------
    def fs(self, mount: str) -> tuple[str, VolumeGroup, LogicalVolume] | None:
        """The group key, group and LV of a file system this node knows."""
        for key, record in self.odm.items():
            if mount not in record.mounts:
                continue
            vg = self.storage.groups[key]
            lv = next((lv for lv in vg.lvs if lv.mount == mount), None)
            if lv is not None:
                return key, vg, lv
        return None

    def log_lv(self, vg: VolumeGroup) -> LogicalVolume | None:
        return next((lv for lv in vg.lvs if lv.type == "jfslog"), None)

    def mount(self, mount: str) -> str | None:
        found = self.fs(mount)
        if found is None:
            return f"mount: {mount} is not a known file system"
        key, vg, lv = found
        if mount in self.mounted:
            return f"mount: 0506-324 Cannot mount /dev/{lv.name} on {mount}: There is a request to a device or address that does not exist."
        if key not in self.active or self.write(key, lv, "#superblock", "mounted") is not None:
            return f"mount: 0506-324 Cannot mount /dev/{lv.name} on {mount}: {EIO}"
        log = self.log_lv(vg)
        if log is not None:
            self.write(key, log, "#log", f"mount {mount}")
        self.mounted.append(mount)
        return None

    def umount(self, mount: str, busy: bool) -> str | None:
        if mount not in self.mounted:
            return "umount: 0506-347 Cannot find anything to unmount."
        key, _, lv = self.fs(mount)
        if busy:
            return f"umount: 0506-349 Cannot unmount /dev/{lv.name}: The requested resource is busy."
        self.write(key, lv, "#superblock", "clean")  # fails quietly on a dead disk, as umount does
        self.mounted.remove(mount)
        self.dead_mounts.discard(mount)
        if mount in self.device_mounts:  # it was never in /etc/filesystems: forget it
            self.device_mounts.discard(mount)
            self.readonly.discard(mount)
            self.odm[key].mounts.remove(mount)
            lv.mount = None
        return None

    def mount_device(self, name: str, directory: str, readonly: bool) -> str | None:
        """``mount [-o ro] /dev/lv /dir``: a JFS on an LV that /etc/filesystems does not name."""
        found = self.storage.find_lv(self.imported, name)
        if found is None or found[2].type != "jfs":
            return f"mount: 0506-324 Cannot mount /dev/{name} on {directory}: A file or directory in the path name does not exist."
        key, _, lv = found
        if lv.mount is not None or self.fs(directory) is not None:
            return f"mount: 0506-324 Cannot mount /dev/{name} on {directory}: The requested resource is busy."
        lv.mount = directory
        self.odm[key].mounts.append(directory)
        self.device_mounts.add(directory)
        if readonly:
            self.readonly.add(directory)
        error = self.mount(directory)
        if error:
            self.device_mounts.discard(directory)
            self.readonly.discard(directory)
            self.odm[key].mounts.remove(directory)
            lv.mount = None
        return error

    def filesystem_of(self, path: str) -> tuple[str, LogicalVolume, str] | None:
        """The mounted JFS holding ``path`` (longest mount point first): (group key, LV, the
        file's name inside the file system, under which the LV stores it)."""
        best = None
        for mount in self.mounted:
            if (path == mount or path.startswith(mount.rstrip("/") + "/")) and (best is None or len(mount) > len(best)):
                best = mount
        if best is None:
            return None
        key, _, lv = self.fs(best)
        return key, lv, path[len(best):].lstrip("/") or "."

    def syncd(self) -> bool:
        """What ``syncd`` and the VMM write every minute: each mounted JFS's superblock and
        log, and a page of each active paging space. False if a paging space could not be
        written at all (the kernel cannot page: the node crashes)."""
        for mount in list(self.mounted):
            key, vg, lv = self.fs(mount)
            if key in self.active:
                self.write(key, lv, "#superblock", "synced")
                log = self.log_lv(vg)
                if log is not None and key in self.active:
                    self.write(key, log, "#log", "sync")
        for name in list(self.paging):
            found = self.storage.find_lv(self.varied_on, name)
            if found is None or self.write(found[0], found[2], "#page", "paged out") is not None:
                return False
        return True
