"""Network hardware: adapters (NICs) with cables, hubs, and RS232 serial links.

A NIC's cable is *plugged* or *unplugged*; a hub is *working* or *failed*.
Hubs cabled together (``uplink``) form one segment: a frame from a NIC
reaches every NIC whose cable ends in a working hub of the same segment.
A failed hub cuts all its ports and its uplinks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache


@dataclass
class Hub:
    name: str
    failed: bool = False
    uplinks: list[str] = field(default_factory=list)  # hubs cabled to this one


@dataclass
class Nic:
    """An Ethernet or Token-Ring adapter card. ``mac`` is the address it uses now."""

    owner: str  # node or client host name
    interface: str  # en0, tr0
    type: str  # ether | token
    burned_in: str
    hub: str
    plugged: bool = True
    mac: str = ""
    #: Set by the owner: False while its machine is off or halted, so the card is dead.
    powered: bool = True

    def __post_init__(self) -> None:
        self.mac = self.mac or self.burned_in

    def __repr__(self) -> str:
        return f"Nic({self.owner}:{self.interface}, {self.mac}, {'plugged' if self.plugged else 'unplugged'})"


def segment_of(nic: Nic, hubs: dict[str, Hub]) -> frozenset[str] | None:
    """The set of hub names the NIC's frames reach, or None when it reaches nothing."""
    if not (nic.plugged and nic.powered) or hubs[nic.hub].failed:
        return None
    # Every keepalive asks this; the answer depends only on the hubs' cabling and failures.
    return _segment(nic.hub, tuple((h.name, tuple(h.uplinks), h.failed) for h in hubs.values()))


@lru_cache(maxsize=1024)
def _segment(start: str, cabling: tuple[tuple[str, tuple[str, ...], bool], ...]) -> frozenset[str]:
    uplinks = {name: ups for name, ups, _ in cabling}
    failed = {name for name, _, down in cabling if down}
    seen = {start}
    todo = [start]
    while todo:
        hub = todo.pop()
        neighbours = set(uplinks[hub]) | {name for name, ups in uplinks.items() if hub in ups}
        for other in neighbours:
            if other not in seen and other not in failed:
                seen.add(other)
                todo.append(other)
    return frozenset(seen)


@dataclass
class SerialLink:
    """An RS232 null-modem cable between two nodes' tty ports."""

    name: str
    ends: tuple[tuple[str, str], tuple[str, str]]  # ((node, tty), (node, tty))
    plugged: bool = True

    def port_of(self, node: str) -> str | None:
        for n, tty in self.ends:
            if n == node:
                return tty
        return None
