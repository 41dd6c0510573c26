"""A physical disk: power, which nodes it is cabled to, and its SCSI/SSA reserve.

A disk is *available* (powered) or *failed*. A node that varies on a
non-concurrent volume group places a *reserve* on each disk; another node's
I/O to a reserved disk fails until the reserve is broken (HACMP's
``cl_disk_available`` resets it at takeover) or released (``varyoffvg``).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Disk:
    name: str  # hdisk name, the same on every node that sees the disk
    pvid: str
    size_mb: int
    nodes: list[str] = field(default_factory=list)
    powered: bool = True
    reserved_by: str | None = None

    def reachable_from(self, node: str) -> bool:
        return self.powered and node in self.nodes

    def usable_by(self, node: str) -> bool:
        return self.reachable_from(node) and self.reserved_by in (None, node)
