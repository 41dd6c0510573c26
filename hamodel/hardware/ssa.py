"""SSA: 7133 drawers and 7131 towers of pdisks, adapters, and the loops that join them.

Usage::

    loop = SsaLoop("loop1", [("nodeA", "ssa0", "A"), "pdisk0", "pdisk1", ("nodeB", "ssa0", "A")])
    loop.unplug(0)                                  # the cable from nodeA ssa0 A2 to pdisk0
    loop.reaches(("nodeA", "ssa0"), "pdisk0", passes)   # still True: the other way round

A loop is a ring, in cable order: each item is a pdisk or one adapter's port
pair (in at A1, out at A2; or B1/B2), and cable *i* joins item *i* to item
*i+1* (the last cable closes the ring). SSA sends each frame whichever way
round reaches the device, so one pulled cable leaves every disk reachable;
a node loses a disk only when both ways are cut (book 6.2.1.4 pulls every
cable of one adapter). An item passes frames on only while it works: a
pdisk that is present in a powered drawer, an adapter of a running node
(the ``passes`` callback says which).

A drawer is *powered* or not; all its pdisks stop with it. A pdisk is
*present* or *pulled* (hot-swap, book 6.2.4.3).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Union

#: (node, adapter, pair) of an adapter's port pair in a loop
PortPair = tuple[str, str, str]
LoopItem = Union[str, PortPair]

#: Adapter cards (book 2.3.1.2): name -> (bus, RAID-5 capable, target-mode SSA)
ADAPTER_TYPES = {"6214": ("MCA", False, False), "6215": ("PCI", True, True), "6216": ("MCA", False, False),
                 "6217": ("MCA", True, False), "6218": ("PCI", True, False), "6219": ("MCA", True, True)}


@dataclass(eq=False)
class SsaAdapter:
    node: str
    name: str  # ssa0
    type: str  # 6215
    microcode: str = "1801"
    failed: bool = False

    @property
    def description(self) -> str:
        bus, raid, _ = ADAPTER_TYPES.get(self.type, ("PCI", False, False))
        return f"IBM SSA {'160 SerialRAID' if raid else 'Enhanced'} Adapter ({self.type}, {bus})"


@dataclass(eq=False)
class Drawer:
    name: str
    type: str  # 7133-020
    pdisks: list[str] = field(default_factory=list)
    powered: bool = True


@dataclass(eq=False)
class Pdisk:
    name: str
    drawer: str
    hdisk: str
    size_mb: int
    serial: str
    present: bool = True


class SsaLoop:
    def __init__(self, name: str, ring: list[LoopItem]) -> None:
        self.name = name
        self.ring = ring
        self.plugged = [True] * len(ring)  # cable i: ring[i] -> ring[i+1]

    def __repr__(self) -> str:
        return f"SsaLoop({self.name}, {len(self.ring)} items)"

    def adapter_cables(self, node: str, adapter: str) -> list[tuple[int, str]]:
        """The cables at one adapter, with the port each is plugged into (A1, A2, B1, B2)."""
        out = []
        n = len(self.ring)
        for i, item in enumerate(self.ring):
            if isinstance(item, tuple) and item[:2] == (node, adapter):
                out.append(((i - 1) % n, item[2] + "1"))
                out.append((i, item[2] + "2"))
        return out

    def unplug(self, cable: int) -> None:
        self.plugged[cable] = False

    def plug(self, cable: int) -> None:
        self.plugged[cable] = True

    def _walk(self, start: int, passes: Callable[[LoopItem], bool]):
        """What a frame from the adapter at ``start`` meets out of port 1 (backwards, side 0)
        and port 2 (forwards, side 1): (side, hop count, item), until a cut or a dead item."""
        n = len(self.ring)
        for side, step in ((0, -1), (1, 1)):
            index, hop = start, 0
            for _ in range(n - 1):
                cable = index if step == 1 else (index - 1) % n
                if not self.plugged[cable]:
                    break
                index = (index + step) % n
                item = self.ring[index]
                if index == start or not passes(item):
                    break
                yield side, hop, item
                hop += 1

    def hops(self, start: int, passes: Callable[[LoopItem], bool]) -> dict[str, tuple[int | None, int | None]]:
        """From the adapter at ``start``: each pdisk's hop count out of port 1 (backwards) and
        out of port 2 (forwards), None where the way is cut. This is what ``diag``'s link
        verification shows."""
        found: dict[str, list[int | None]] = {}
        for side, hop, item in self._walk(start, passes):
            if isinstance(item, str):
                found.setdefault(item, [None, None])[side] = hop
        return {k: (v[0], v[1]) for k, v in found.items()}

    def adapters_reached(self, adapter: tuple[str, str], passes: Callable[[LoopItem], bool]) -> set[tuple[str, str]]:
        """The other adapters a frame from ``adapter`` reaches round the loop (target-mode SSA)."""
        return {item[:2] for start, here in enumerate(self.ring) if isinstance(here, tuple) and here[:2] == adapter
                for _, _, item in self._walk(start, passes) if isinstance(item, tuple)}

    def reaches(self, adapter: tuple[str, str], pdisk: str, passes: Callable[[LoopItem], bool]) -> bool:
        for i, item in enumerate(self.ring):
            if isinstance(item, tuple) and item[:2] == adapter and pdisk in self.hops(i, passes):
                return True
        return False
