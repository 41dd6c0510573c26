"""The AIX Logical Volume Manager and JFS, as far as the HACMP drills need them.

Usage::

    lvm = Lvm("nodeB", storage)
    lvm.varyonvg("sharedvg")        # -> None, or an AIX error message
    lvm.mount("/sharedfs")
    lvm.write("/sharedfs/test", "hello\n")

Volume groups live on disks (:class:`Storage`), so their content is shared:
what one node wrote on ``/sharedfs`` is there when another node varies the
group on. Per node, a group is *varied off* or *varied on*; varying on
places a reserve on every disk, so a second node cannot vary it on until
the reserve is released (``varyoffvg``) or broken (HACMP's disk reset at
takeover). A JFS is *mounted* or not; ``umount`` fails while a process
uses it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hamodel.hardware.disk import Disk


@dataclass
class LogicalVolume:
    name: str
    type: str
    size_mb: int
    mount: str | None = None
    files: dict[str, str] = field(default_factory=dict)  # path -> content, for a JFS

    def used_kb(self) -> int:
        # An empty JFS already uses a little for its own metadata.
        return 4 * 1024 // 100 * self.size_mb // 10 + sum(len(c) for c in self.files.values()) // 1024


@dataclass
class VolumeGroup:
    """What the VGDA on the disks says: name, major number, PVs, LVs."""

    name: str
    major: int
    disks: list[str]
    lvs: list[LogicalVolume]
    quorum: bool = True
    auto_varyon: bool = False
    #: A group varied on at boot with the node (rootvg); never reserved.
    local: bool = False


class Storage:
    """All disks and volume groups of the world."""

    def __init__(self) -> None:
        self.disks: dict[str, Disk] = {}
        self.groups: dict[str, VolumeGroup] = {}

    def lv_for_mount(self, mount: str) -> tuple[VolumeGroup, LogicalVolume] | None:
        for vg in self.groups.values():
            for lv in vg.lvs:
                if lv.mount == mount:
                    return vg, lv
        return None


class Lvm:
    """One node's view: which groups it has imported, varied on, and which file systems are mounted."""

    def __init__(self, node: str, storage: Storage) -> None:
        self.node = node
        self.storage = storage
        self.imported: list[str] = []
        self.varied_on: list[str] = []  # most recent first, as lsvg -o prints
        self.mounted: list[str] = []

    # --- volume groups -----------------------------------------------------
    def varyonvg(self, name: str) -> str | None:
        if name not in self.imported:
            return f"0516-306 varyonvg: Unable to find volume group {name} in the Device\n        Configuration Database."
        if name in self.varied_on:
            return None
        vg = self.storage.groups[name]
        disks = [self.storage.disks[d] for d in vg.disks]
        for disk in disks:
            if disk.reachable_from(self.node) and not disk.usable_by(self.node):
                return ("0516-013 varyonvg: The volume group cannot be varied on because\n"
                        "        there are no good copies of the descriptor area.\n"
                        f"0516-024 varyonvg: Unable to open physical volume {disk.name}; it is reserved by another host.")
        missing = [d for d in disks if not d.reachable_from(self.node)]
        if missing and (not vg.quorum or len(missing) * 2 >= len(disks)):
            return ("0516-052 varyonvg: Volume group cannot be varied on without a\n"
                    "        quorum. More physical volumes in the group must be active.")
        if not vg.local:
            for disk in disks:
                if disk.reachable_from(self.node):
                    disk.reserved_by = self.node
        self.varied_on.insert(0, name)
        return None

    def varyoffvg(self, name: str) -> str | None:
        if name not in self.varied_on:
            return f"0516-010 varyoffvg: Volume group {name} must be varied on; use the varyonvg command."
        vg = self.storage.groups[name]
        busy = [lv.mount for lv in vg.lvs if lv.mount in self.mounted]
        if busy:
            return "0516-012 varyoffvg: Logical volume must be closed. If the logical\n        volume contains a filesystem, the umount command will close it."
        self.varied_on.remove(name)
        for d in vg.disks:
            disk = self.storage.disks[d]
            if disk.reserved_by == self.node:
                disk.reserved_by = None
        return None

    def lose_everything(self) -> None:
        """The node halted: nothing is varied on or mounted any more; disk reserves stay set."""
        self.varied_on = [v for v in self.varied_on if self.storage.groups[v].local]
        self.mounted = [m for m in self.mounted if self._vg_of(m).local]

    # --- file systems ------------------------------------------------------
    def _vg_of(self, mount: str) -> VolumeGroup:
        found = self.storage.lv_for_mount(mount)
        assert found is not None
        return found[0]

    def mount(self, mount: str) -> str | None:
        found = self.storage.lv_for_mount(mount)
        if found is None:
            return f"mount: {mount} is not a known file system"
        vg, lv = found
        if mount in self.mounted:
            return f"mount: 0506-324 Cannot mount /dev/{lv.name} on {mount}: There is a request to a device or address that does not exist."
        if vg.name not in self.varied_on:
            return f"mount: 0506-324 Cannot mount /dev/{lv.name} on {mount}: There is an input or output error."
        self.mounted.append(mount)
        return None

    def umount(self, mount: str, busy: bool) -> str | None:
        if mount not in self.mounted:
            return "umount: 0506-347 Cannot find anything to unmount."
        if busy:
            return f"umount: 0506-349 Cannot unmount /dev/{self.storage.lv_for_mount(mount)[1].name}: The requested resource is busy."
        self.mounted.remove(mount)
        return None

    def filesystem_of(self, path: str) -> LogicalVolume | None:
        """The mounted JFS holding ``path`` (longest mount point first)."""
        best: LogicalVolume | None = None
        best_len = -1
        for mount in self.mounted:
            if (path == mount or path.startswith(mount.rstrip("/") + "/")) and len(mount) > best_len:
                best, best_len = self.storage.lv_for_mount(mount)[1], len(mount)
        return best
