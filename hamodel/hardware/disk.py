"""A disk as AIX sees it (an hdisk): power, presence, the paths to it, its reserve.

Usage::

    disk = Disk("hdisk2", "000100016e8a1c2f", 4500, nodes=["nodeA", "nodeB"])
    disk.reachable_from("nodeA")     # True while powered, present and cabled
    disk.pull()                      # hot-swap it out: no node reaches it

What stands behind the hdisk differs: an internal SCSI disk, a plain shared
disk, an SSA pdisk on a loop, a LUN of a 7135 array. Each kind gives the disk
its own ``connected(node)`` test (see :mod:`.ssa` and :mod:`.raid`); the
default is "the node is one of ``nodes``".

A disk is *available* (powered and present) or not. ``platter`` is what is
written on it; the hardware does not read it (AIX's LVM does). A node that
varies on a non-concurrent volume group places a *reserve* on each disk;
another node's I/O fails until the reserve is released (``varyoffvg``) or
broken (HACMP's ``cl_disk_available`` at takeover). A disk pulled out and put
back keeps its platter; a new disk in its place (``replace``) has an empty
one and no PVID until AIX gives it one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable


@dataclass(eq=False)
class Disk:
    name: str  # hdisk name, the same on every node that sees the disk
    pvid: str
    size_mb: int
    nodes: list[str] = field(default_factory=list)
    #: "scsi" (internal or plain shared), "ssa" or "7135"
    kind: str = "scsi"
    #: the physical device behind the hdisk: "pdisk3", "array1 LUN 0", "internal"
    location: str = ""
    powered: bool = True
    present: bool = True
    reserved_by: str | None = None
    #: What is written on the disk; the LVM keeps its VGDA, VGSA and partitions here.
    platter: dict = field(default_factory=dict, repr=False)
    #: a boot image written by ``bosboot`` (internal disks)
    boot_image: bool = False
    connected: Callable[[str], bool] | None = field(default=None, repr=False)

    @property
    def available(self) -> bool:
        return self.powered and self.present

    def reachable_from(self, node: str) -> bool:
        if not self.available:
            return False
        if self.connected is not None:
            return self.connected(node)
        return node in self.nodes

    def usable_by(self, node: str) -> bool:
        return self.reachable_from(node) and self.reserved_by in (None, node)

    def pull(self) -> None:
        """Hot-swap the disk out of its slot; a reserve does not survive losing the disk."""
        self.present = False
        self.reserved_by = None

    def insert(self) -> None:
        self.present = True
