"""What the LVM writes on the disks: volume groups, logical volumes, their mirror copies.

Usage::

    storage = Storage()
    storage.disks["hdisk2"] = Disk("hdisk2", "000100016e8a1c2f", 4500, ["nodeA", "nodeB"])
    vg = VolumeGroup("sharedvg", "0001000100000001", 60, ["hdisk2", "hdisk3"], lvs=[], pp_size=8)
    vg.vgdas("hdisk2")     # 2: the first of a two-disk group carries two VGDAs

This is the on-disk truth every node reads: the VGDA (which PVs and LVs the
group has, where each copy of each logical partition lies, the quorum flag,
a time stamp bumped at every change) and the VGSA (which partitions are
stale). Data lives in the copies: a copy sits on one PV, and what was
written to it stays there; a copy that could not be written while others
were is *stale* for the partitions it missed, until ``syncvg`` copies them
from a fresh copy. Per-node state (imported, varied on, missing PVs,
mounts) is :class:`hamodel.aix.lvm.Lvm`'s.

Keys: a JFS file is stored under its path, a raw block as ``block:<n>``;
keys starting with ``#`` are metadata (superblock, log records).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from typing import Callable

from hamodel.hardware.disk import Disk

PP_SIZES = (4, 8, 16, 32, 64, 128, 256)
MAX_PPS_PER_PV = 1016


def pp_size_for(largest_mb: int) -> int:
    """mkvg's default: the smallest PP size that keeps every PV within 1016 partitions."""
    return next((s for s in PP_SIZES if largest_mb // s <= MAX_PPS_PER_PV), PP_SIZES[-1])


@dataclass(eq=False)
class LvCopy:
    """One mirror copy of a logical volume, on one physical volume."""

    disk: str  # storage key of the PV
    first_pp: int  # partitions first_pp .. first_pp + lps - 1 on that PV
    data: dict[str, str] = field(default_factory=dict)
    stale: set[int] = field(default_factory=set)  # LP numbers (1-based) the VGSA marks stale


@dataclass(eq=False)
class LogicalVolume:
    name: str
    type: str  # jfs | jfslog | raw | paging | boot | sysdump
    lps: int
    mount: str | None = None
    copies: list[LvCopy] = field(default_factory=list)

    def lp_of(self, key: str) -> int:
        """The logical partition a key is written to (metadata in the first partition)."""
        if key.startswith("#"):
            return 1
        if key.startswith("block:"):
            return 1 + int(key[6:]) % self.lps
        return 1 + zlib.crc32(key.encode()) % self.lps

    @property
    def stale_pps(self) -> int:
        return sum(len(c.stale) for c in self.copies)


@dataclass(eq=False)
class VolumeGroup:
    """What the VGDA on the disks says: name, id, major number, PVs, LVs, flags."""

    name: str
    vgid: str
    major: int
    disks: list[str]  # PV storage keys, in the order they joined the group
    lvs: list[LogicalVolume]
    pp_size: int = 4
    quorum: bool = True
    concurrent_capable: bool = False
    #: rootvg: varied on at boot by the node itself, never reserved
    local: bool = False
    #: the VGDA time stamp: bumped by every change to the group's layout (book 8.4.2)
    timestamp: int = 1

    def vgdas(self, disk: str) -> int:
        """VGDA copies on a PV: one PV holds two; of two PVs the first holds two; else one each."""
        if len(self.disks) <= 2 and self.disks and disk == self.disks[0]:
            return 2
        return 1 if disk in self.disks else 0

    @property
    def total_vgdas(self) -> int:
        return sum(self.vgdas(d) for d in self.disks)

    def lv(self, name: str) -> LogicalVolume | None:
        return next((lv for lv in self.lvs if lv.name == name), None)

    def next_free_pp(self, disk: str) -> int:
        used = [c.first_pp + lv.lps - 1 for lv in self.lvs for c in lv.copies if c.disk == disk]
        return max(used, default=0) + 1

    def changed(self) -> None:
        self.timestamp += 1


class Storage:
    """All disks and volume groups of the world."""

    def __init__(self) -> None:
        self.disks: dict[str, Disk] = {}
        self.groups: dict[str, VolumeGroup] = {}
        #: (node, disk) -> the device errors AIX logs when I/O to the disk fails: (label, resource)
        self.faults: Callable[[str, Disk], list[tuple[str, str]]] = (
            lambda node, disk: [("DISK_ERR2", disk.name.split(":")[-1])])

    def lv_for_mount(self, mount: str) -> tuple[VolumeGroup, LogicalVolume] | None:
        for vg in self.groups.values():
            for lv in vg.lvs:
                if lv.mount == mount:
                    return vg, lv
        return None

    def group_of_disk(self, disk: str) -> str | None:
        return next((key for key, vg in self.groups.items() if disk in vg.disks), None)

    def find_lv(self, keys: list[str], name: str) -> tuple[str, VolumeGroup, LogicalVolume] | None:
        """An LV by name among the groups ``keys`` (a node's imported groups)."""
        for key in keys:
            vg = self.groups.get(key)
            lv = vg.lv(name) if vg else None
            if lv is not None:
                return key, vg, lv
        return None
